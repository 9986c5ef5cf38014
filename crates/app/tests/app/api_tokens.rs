//! API tokens as an administrator hands them to a program: made for one account, shown once,
//! acting as that account only while it is live, and leaving a trace in the audit log.

use komek_app::api_tokens::ApiTokenId;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::Role;
use komek_domain::entities::Account;
use komek_store::testing::SqliteDb;

struct Instance {
    app: App,
    admin: Actor,
    lawyer: Account,
    _db: SqliteDb,
}

fn instance() -> Instance {
    let db = SqliteDb::new();
    let store = db.store.clone();
    let app =
        App::new(store.clone(), Keys::load_or_create(&store, &MasterKey::generate()).unwrap(), Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let admin = app.create_account(&Actor::System, "admin", "Admin", Role::Administrator, hq.id, "en").unwrap();
    let lawyer = app.create_account(&Actor::System, "aigerim", "Aigerim", Role::Lawyer, hq.id, "en").unwrap();
    Instance { app, admin: Actor::Staff(admin.account), lawyer: lawyer.account, _db: db }
}

fn audit_count(app: &App, action: &str) -> i64 {
    app.store()
        .read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM audit_log WHERE record_kind = 'api-token' AND action = $1",
                komek_store::params![action],
            )
        })
        .unwrap()
}

#[test]
fn a_token_made_by_an_administrator_acts_as_its_account_until_revoked() {
    let Instance { app, admin, lawyer, _db } = instance();
    let made = app.create_api_token(&admin, lawyer.id, "  hotline bot  ").unwrap();
    assert!(made.secret.starts_with("komek_") && made.secret.len() == 6 + 64, "{}", made.secret);
    let stored: i64 = app
        .store()
        .read(|tx| {
            tx.query_i64("SELECT count(*) FROM api_tokens WHERE token_hash = $1", komek_store::params![&made.secret])
        })
        .unwrap();
    assert_eq!(stored, 0, "the secret itself is never stored");

    // A lawyer's role needs a second factor for the pages; the token is itself the credential.
    let actor = app.api_actor(&made.secret).unwrap();
    assert_eq!(actor.account_id(), Some(lawyer.id));
    let listed = app.api_tokens(&admin, Some(lawyer.id)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].label, "hotline bot");
    assert!(listed[0].last_used_at.is_some(), "the first use is recorded");

    assert_eq!(made.id.to_string().parse::<ApiTokenId>().unwrap(), made.id);
    app.revoke_api_token(&admin, made.id).unwrap();
    app.revoke_api_token(&admin, made.id).unwrap();
    assert!(matches!(app.api_actor(&made.secret), Err(AppError::SessionEnded)));
    assert_eq!(audit_count(&app, "create"), 1);
    assert_eq!(audit_count(&app, "delete"), 1, "a second revocation changes nothing and records nothing");
    assert_eq!(audit_count(&app, "login-failed"), 1, "the revoked token's use is recorded");
}

#[test]
fn unknown_tokens_and_tokens_of_disabled_accounts_are_refused_and_recorded() {
    let Instance { app, admin, lawyer, _db } = instance();
    let made = app.create_api_token(&admin, lawyer.id, "reports").unwrap();
    assert!(matches!(app.api_actor("komek_0000"), Err(AppError::SessionEnded)));
    app.set_account_disabled(&admin, lawyer.id, true).unwrap();
    assert!(matches!(app.api_actor(&made.secret), Err(AppError::SessionEnded)));
    app.set_account_disabled(&admin, lawyer.id, false).unwrap();
    assert!(app.api_actor(&made.secret).is_ok(), "enabled again, the token works again");
    assert_eq!(audit_count(&app, "login-failed"), 2);
}

#[test]
fn only_administrators_make_list_and_revoke_tokens() {
    let Instance { app, admin, lawyer, _db } = instance();
    let made = app.create_api_token(&admin, lawyer.id, "bot").unwrap();
    let as_lawyer = Actor::Staff(lawyer.clone());
    assert!(matches!(app.create_api_token(&as_lawyer, lawyer.id, "mine"), Err(AppError::Forbidden)));
    assert!(matches!(app.api_tokens(&as_lawyer, None), Err(AppError::Forbidden)));
    assert!(matches!(app.revoke_api_token(&as_lawyer, made.id), Err(AppError::Forbidden)));
    assert!(matches!(app.create_api_token(&Actor::System, lawyer.id, " "), Err(AppError::Invalid(_))));
    let nobody = komek_domain::AccountId::new();
    assert!(matches!(app.create_api_token(&Actor::System, nobody, "x"), Err(AppError::NotFound)));
    assert!(matches!(app.revoke_api_token(&Actor::System, ApiTokenId(uuid::Uuid::now_v7())), Err(AppError::NotFound)));
    assert_eq!(app.api_tokens(&Actor::System, None).unwrap().len(), 1);
}
