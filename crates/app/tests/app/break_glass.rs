//! Reading a case outside one's reach: refused quietly, allowed with a reason ("break glass"),
//! audited, and listed for a manager's review. Both back ends.

use chrono::NaiveDate;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::Role;
use komek_domain::entities::{Case, PersonIdentity, PersonProfile};
use komek_store::Store;

fn staff(app: &App, username: &str, role: Role, office: komek_domain::OfficeId) -> Actor {
    let created = app.create_account(&Actor::System, username, username, role, office, "en").unwrap();
    Actor::Staff(created.account)
}

fn a_sensitive_case_of_another_office_is_opened_only_by_breaking_glass(store: Store) {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let district = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let local_lawyer = staff(&app, "local", Role::Lawyer, district.id);
    let hq_lawyer = staff(&app, "visitor", Role::Lawyer, hq.id);
    let manager = staff(&app, "director", Role::Manager, hq.id);
    let analyst = staff(&app, "analyst", Role::Analyst, hq.id);
    let person = app
        .register_person(
            &local_lawyer,
            None,
            PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() },
            PersonIdentity { full_name: "Хуршид Хамидов".into(), ..Default::default() },
        )
        .unwrap();
    let case = Case {
        sensitive: true,
        persons: vec![person],
        summary: Some("Семь месяцев на хлопке без оплаты.".into()),
        ..Case::opened(
            district.id,
            "forced-labour",
            local_lawyer.account_id().unwrap(),
            NaiveDate::from_ymd_opt(2008, 1, 21).unwrap(),
        )
    };
    let id = app.open_case(&local_lawyer, case).unwrap();
    assert_eq!(app.case_file(&local_lawyer, id).unwrap().case.number, "2008-001");

    assert!(
        matches!(app.case_file(&hq_lawyer, id), Err(AppError::NotFound)),
        "a sensitive case is not there for outsiders"
    );
    assert!(matches!(app.break_glass_case(&hq_lawyer, id, "need"), Err(AppError::Invalid(_))), "a reason is required");
    assert!(matches!(app.break_glass_case(&analyst, id, "I want to see it now"), Err(AppError::Forbidden)));
    let reason = "The client called the hotline in danger; her lawyer is unreachable.";
    let opened = app.break_glass_case(&hq_lawyer, id, reason).unwrap();
    assert!(opened.identifying_shown);
    assert_eq!(opened.case.summary.as_deref(), Some("Семь месяцев на хлопке без оплаты."));

    let reviews = app.break_glass_reviews(&manager).unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!((reviews[0].username.as_str(), reviews[0].reason.as_str()), ("visitor", reason));
    assert!(matches!(app.break_glass_reviews(&hq_lawyer), Err(AppError::Forbidden)));
    let audited = app
        .store()
        .read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM audit_log WHERE action = 'break-glass' AND detail NOT LIKE '%danger%'",
                &[],
            )
        })
        .unwrap();
    assert_eq!(audited, 1, "audited, without the reason's words in the log");
    app.mark_break_glass_reviewed(&manager, reviews[0].id).unwrap();
    assert!(app.break_glass_reviews(&manager).unwrap().is_empty());
    assert!(matches!(app.mark_break_glass_reviewed(&manager, reviews[0].id), Err(AppError::NotFound)));
}

#[test]
fn break_glass_on_sqlite() {
    let db = komek_store::testing::SqliteDb::new();
    a_sensitive_case_of_another_office_is_opened_only_by_breaking_glass(db.store.clone());
}

#[test]
fn break_glass_on_postgres() {
    if let Some(db) = komek_store::testing::PostgresDb::new() {
        a_sensitive_case_of_another_office_is_opened_only_by_breaking_glass(db.store.clone());
    }
}
