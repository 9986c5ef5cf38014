//! The hotline finds people and employers however their names are spelled: Cyrillic or
//! Latin, in any order, with one typo, by phone in any format. Both back ends.

use komek_app::parties::NewParty;
use komek_app::{Actor, App, Keys, MasterKey, Settings};
use komek_domain::entities::{PartyIdentity, PersonIdentity, PersonProfile};
use komek_domain::{PersonId, Role};
use komek_store::Store;

fn app_with_operator(store: Store) -> (App, Actor) {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let created = app.create_account(&Actor::System, "aigerim", "Aigerim", Role::HotlineOperator, hq.id, "ru").unwrap();
    (app, Actor::Staff(created.account))
}

fn register(app: &App, actor: &Actor, name: &str, phone: &str) -> PersonId {
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity {
        full_name: name.into(),
        phones: if phone.is_empty() { vec![] } else { vec![phone.into()] },
        ..Default::default()
    };
    app.register_person(actor, None, profile, identity).unwrap()
}

fn first_hit(app: &App, actor: &Actor, query: &str) -> Option<PersonId> {
    app.search_persons(actor, query, 5).unwrap().first().map(|m| m.person.id)
}

fn husan_is_found_across_spellings_typos_and_phone_formats(store: Store) {
    let (app, operator) = app_with_operator(store);
    let husan = register(&app, &operator, "Абдуллаев Хусан Рустамович", "+998 90 123 45 67");
    let hasan = register(&app, &operator, "Абдуллаев Хасан", "");
    let _others = ["Каримов Рустам", "Хусанов Алишер", "Абдурахманов Хусан"].map(|n| register(&app, &operator, n, ""));

    for query in [
        "Husan Abdullaev",
        "Khusan Abdullayev",
        "Xusan Abdulaev",
        "хусан абдуллаев",
        "Abdullaev Husan",
        "Husn Abdullaev",
        "Husan Abdulaer",
        "Husan Abudllaev",
        "90 123 45 67",
        "+998901234567",
    ] {
        assert_eq!(first_hit(&app, &operator, query), Some(husan), "{query}");
    }
    assert_eq!(first_hit(&app, &operator, "Hasan Abdullaev"), Some(hasan), "a different name stays different");
    let near = app.search_persons(&operator, "Husan Abdullaev", 5).unwrap();
    assert!(near[0].score > near[1].score, "the exact match ranks above near ones");
    assert!(app.search_persons(&operator, "Zarina Yusupova", 5).unwrap().is_empty());
}

fn employers_are_found_the_same_way(store: Store) {
    let (app, operator) = app_with_operator(store);
    let identity = PartyIdentity { name: "ТОО Агро-Жетысу".into(), ..Default::default() };
    let new = NewParty { kind: "company".into(), identity, ..Default::default() };
    let party = app.register_party(&operator, None, new).unwrap();
    for query in ["Agro Zhetysu", "agro jetisu", "Агро Жетису", "Agro Zhetisy"] {
        let hits = app.search_parties(&operator, query, 5).unwrap();
        assert_eq!(hits.first().map(|(p, _)| p.id), Some(party), "{query}");
    }
}

/// A database indexed under older rules is re-indexed when the next release starts.
fn an_upgraded_database_is_reindexed_at_start(store: Store) {
    let (app, operator) = app_with_operator(store);
    let husan = register(&app, &operator, "Абдуллаев Хусан", "");
    app.store()
        .write(|tx| {
            tx.execute("DELETE FROM person_index WHERE kind <> 'name'", &[])?;
            tx.execute("INSERT INTO maintenance_pending (task) VALUES ('reindex-persons')", &[])
        })
        .unwrap();
    assert_eq!(first_hit(&app, &operator, "Husn Abdulaer"), None, "typos need the new index");
    app.finish_maintenance().unwrap();
    assert_eq!(first_hit(&app, &operator, "Husn Abdulaer"), Some(husan));
    let left = app.store().read(|tx| tx.query_i64("SELECT count(*) FROM maintenance_pending", &[])).unwrap();
    assert_eq!(left, 0);
}

komek_store::on_both_back_ends!(
    husan_is_found_across_spellings_typos_and_phone_formats,
    employers_are_found_the_same_way,
    an_upgraded_database_is_reindexed_at_start
);
