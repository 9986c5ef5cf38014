//! The referral network's directory through the services, on both back ends: kept by
//! administrators and managers, looked up by the hotline in a few keystrokes, its focal points
//! sealed at rest and their reading audited.

use komek_app::partners::PartnerQuery;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::referrals::{FocalPoint, Partner, PartnerContacts};
use komek_domain::{PartnerId, Role, ValidationError};
use komek_store::{Store, params};

komek_store::on_both_back_ends!(
    managers_keep_the_directory_and_the_hotline_finds_a_partner_by_service_and_region,
    a_partners_contacts_are_sealed_and_read_only_by_those_who_see_identifying_data,
    a_partner_that_cannot_be_right_or_was_changed_meanwhile_is_refused,
);

struct Office {
    app: App,
    manager: Actor,
    operator: Actor,
    analyst: Actor,
}

fn office(store: Store) -> Office {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let staff = |name: &str, role| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, hq.id, "ru").unwrap().account)
    };
    let (manager, operator, analyst) =
        (staff("gulnara", Role::Manager), staff("dilnoza", Role::HotlineOperator), staff("erlan", Role::Analyst));
    Office { app, manager, operator, analyst }
}

fn partner(name: &str, kind: &str, regions: &[&str], services: &[&str]) -> Partner {
    Partner {
        id: PartnerId::new(),
        name: name.into(),
        kind: kind.into(),
        country: "KZ".into(),
        regions: regions.iter().map(|r| r.to_string()).collect(),
        services: services.iter().map(|s| s.to_string()).collect(),
        languages: vec!["kk".into(), "ru".into()],
        working_hours: "Пн–Пт 9–18".into(),
        active: true,
        contacts: Some(PartnerContacts {
            focal_points: vec![FocalPoint {
                name: "Сеитова Дана".into(),
                position: "Координатор".into(),
                phones: vec!["+7 701 555 12 34".into()],
                email: "dana.seitova@example.org".into(),
            }],
            address: "Шымкент, ул. Байтурсынова 5".into(),
            notes: "Принимают круглосуточно.".into(),
        }),
        updated_at: chrono::Utc::now(),
    }
}

fn names(found: Vec<Partner>) -> Vec<String> {
    found.into_iter().map(|p| p.name).collect()
}

fn managers_keep_the_directory_and_the_hotline_finds_a_partner_by_service_and_region(store: Store) {
    let o = office(store);
    let shelter = o
        .app
        .add_partner(&o.manager, partner("Приют «Забота»", "shelter", &["turkistan"], &["shelter", "food-clothing"]))
        .unwrap();
    o.app
        .add_partner(&o.manager, partner("IOM Kazakhstan", "international-organisation", &[], &["repatriation"]))
        .unwrap();
    o.app
        .add_partner(&o.manager, partner("Департамент полиции", "police", &["shymkent"], &["legal-consultation"]))
        .unwrap();
    assert!(matches!(o.app.add_partner(&o.operator, partner("x", "ngo", &[], &[])), Err(AppError::Forbidden)));

    // The hotline, from the intake form: a few letters of the name, in either alphabet.
    let find = |query: PartnerQuery| names(o.app.find_partners(&o.operator, &query).unwrap());
    assert_eq!(find(PartnerQuery { name: "заб".into(), ..Default::default() }), ["Приют «Забота»"]);
    assert_eq!(find(PartnerQuery { name: "Zabota".into(), ..Default::default() }), ["Приют «Забота»"]);
    assert_eq!(find(PartnerQuery { name: "iom".into(), ..Default::default() }), ["IOM Kazakhstan"]);
    let shelter_in_turkistan =
        PartnerQuery { service: Some("shelter".into()), region: Some("turkistan".into()), ..Default::default() };
    assert_eq!(find(shelter_in_turkistan.clone()), ["Приют «Забота»"]);
    let anywhere = PartnerQuery { region: Some("turkistan".into()), ..Default::default() };
    assert_eq!(find(anywhere), ["IOM Kazakhstan", "Приют «Забота»"], "a partner listing no region serves all");
    // A page of text pasted into the name is read as a name: its first words only.
    let pasted = format!("iom kazakhstan {}", "ab ".repeat(1000));
    assert!(find(PartnerQuery { name: pasted, ..Default::default() }).is_empty(), "not every word matches");
    assert_eq!(
        find(PartnerQuery { name: format!("iom {}", "k".repeat(5000)), ..Default::default() }),
        ["IOM Kazakhstan"]
    );

    // Marked inactive, it can no longer be chosen.
    let file = o.app.partner_file(&o.manager, shelter).unwrap();
    let closed = Partner { active: false, ..file.partner };
    o.app.update_partner(&o.manager, closed, file.version).unwrap();
    assert!(find(PartnerQuery { active_only: true, ..shelter_in_turkistan.clone() }).is_empty());
    assert_eq!(find(shelter_in_turkistan), ["Приют «Забота»"], "still in the directory");
    // An analyst counts referrals by partner but does not look partners up.
    assert!(matches!(o.app.find_partners(&o.analyst, &PartnerQuery::default()), Err(AppError::Forbidden)));
    let changes = o
        .app
        .store()
        .read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM audit_log WHERE record_kind = 'partner' AND action IN ('create', 'update')",
                &[],
            )
        })
        .unwrap();
    assert_eq!(changes, 4, "three additions and one change");
}

fn a_partners_contacts_are_sealed_and_read_only_by_those_who_see_identifying_data(store: Store) {
    let o = office(store);
    let id = o.app.add_partner(&o.manager, partner("IOM Kazakhstan", "international-organisation", &[], &[])).unwrap();
    let reads = || {
        o.app
            .store()
            .read(|tx| {
                tx.query_i64(
                    "SELECT count(*) FROM audit_log WHERE record_kind = 'partner' AND action = 'read' AND record_id = $1",
                    params![id.to_string()],
                )
            })
            .unwrap()
    };
    let file = o.app.partner_file(&o.operator, id).unwrap();
    let contacts = file.partner.contacts.expect("the hotline sees whom to call");
    assert_eq!(contacts.focal_points[0].name, "Сеитова Дана");
    assert!(file.may.read_contacts && !file.may.change);
    assert_eq!(reads(), 1, "the reading of a partner's staff is audited");
    // Nothing of them is stored as it was typed.
    let sealed = o
        .app
        .store()
        .read(|tx| {
            tx.query_i64(
                "SELECT count(*) FROM partners WHERE name_key LIKE '%seitova%' OR working_hours LIKE '%Сеитова%'",
                &[],
            )
        })
        .unwrap();
    assert_eq!(sealed, 0);
    let stored: Vec<u8> = o
        .app
        .store()
        .read(|tx| tx.query_one("SELECT contacts_enc FROM partners WHERE id = $1", params![id])?.get(0))
        .unwrap();
    for plain in ["Сеитова", "dana.seitova", "+7 701 555"] {
        assert!(!stored.windows(plain.len()).any(|w| w == plain.as_bytes()), "{plain} is stored as typed");
    }
}

fn a_partner_that_cannot_be_right_or_was_changed_meanwhile_is_refused(store: Store) {
    let o = office(store);
    let wrong = Partner { name: " ".into(), country: "unknown".into(), ..partner("x", "bank", &["mars"], &[]) };
    let Err(AppError::Invalid(errors)) = o.app.add_partner(&o.manager, wrong) else { panic!("refused") };
    let fields: Vec<&str> = errors.iter().map(ValidationError::field).collect();
    assert_eq!(fields, ["name", "country", "regions", "kind"]);

    let id = o.app.add_partner(&o.manager, partner("НПО «Ишонч»", "ngo", &[], &["mediation"])).unwrap();
    let read = o.app.partner_file(&o.manager, id).unwrap();
    o.app
        .update_partner(
            &o.manager,
            Partner { working_hours: "круглосуточно".into(), ..read.partner.clone() },
            read.version,
        )
        .unwrap();
    let late = o.app.update_partner(&o.manager, Partner { name: "late".into(), ..read.partner }, read.version);
    assert!(matches!(late, Err(AppError::Conflict)));
    let now = o.app.partner_file(&o.manager, id).unwrap();
    assert_eq!((now.partner.name.as_str(), now.partner.working_hours.as_str()), ("НПО «Ишонч»", "круглосуточно"));
    assert!(matches!(o.app.partner_file(&o.manager, PartnerId::new()), Err(AppError::NotFound)));
}
