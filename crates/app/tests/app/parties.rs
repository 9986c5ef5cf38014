//! Employers and intermediaries are corrected as more is learnt about them: the new name is
//! found, the old one no longer, a stale edit is refused, and other offices cannot edit them.

use komek_app::parties::NewParty;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::Role;
use komek_domain::entities::PartyIdentity;

#[test]
fn a_party_is_corrected_once_at_the_version_read_and_found_by_its_new_name() {
    let db = komek_store::testing::SqliteDb::new();
    let store = db.store.clone();
    let app =
        App::new(store.clone(), Keys::load_or_create(&store, &MasterKey::generate()).unwrap(), Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let away = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let staff = |name: &str, office| {
        Actor::Staff(
            app.create_account(&Actor::System, name, name, Role::HotlineOperator, office, "en").unwrap().account,
        )
    };
    let (operator, stranger) = (staff("aigerim", hq.id), staff("dana", away.id));
    let farm = |name: &str| NewParty {
        kind: "company".into(),
        region: Some("turkistan".into()),
        district: Some("maktaaral".into()),
        identity: PartyIdentity { name: name.into(), ..Default::default() },
    };
    let id = app.register_party(&operator, None, farm("Agrofirma Zhuldyz")).unwrap();
    let read = app.party_record(&operator, id).unwrap();
    assert_eq!(read.version, 1);

    app.update_party(&operator, id, read.version, farm("Agrofirma Bereke")).unwrap();
    let stale = app.update_party(&operator, id, read.version, farm("Something else"));
    assert!(matches!(stale, Err(AppError::Conflict)), "{stale:?}");
    let now = app.party_record(&operator, id).unwrap();
    assert_eq!((now.version, now.party.identity.unwrap().name.as_str()), (2, "Agrofirma Bereke"));
    let found =
        |query| app.search_parties(&operator, query, 5).unwrap().into_iter().map(|(p, _)| p.id).collect::<Vec<_>>();
    assert_eq!(found("Bereke"), vec![id]);
    assert!(found("Zhuldyz").is_empty(), "the old name is no longer indexed");

    let unknown_kind = NewParty { kind: "cooperative".into(), ..farm("x") };
    assert!(matches!(app.update_party(&operator, id, 2, unknown_kind), Err(AppError::Invalid(_))));
    assert!(matches!(app.update_party(&stranger, id, 2, farm("x")), Err(AppError::NotFound)));
    assert!(matches!(app.party_record(&stranger, id), Err(AppError::NotFound)));
}
