//! The services refuse what the domain's rules refuse, on both back ends: a NUL in free text
//! (which PostgreSQL cannot store and SQLite would), amounts past their ceiling, and age bands
//! not in the list; an age band stored before bands were codes is still read and may be kept.

use chrono::{NaiveDate, Utc};
use komek_app::appeals::{Intake, IntakePerson};
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::entities::{Appeal, Case, PersonIdentity, PersonProfile, Service};
use komek_domain::{AccountId, CaseId, Currency, Money, OfficeId, PersonId, Role, ServiceId, ValidationError};
use komek_store::Store;

komek_store::on_both_back_ends!(
    a_nul_in_free_text_is_refused_by_the_services_naming_the_field,
    an_amount_past_its_ceiling_is_refused_by_the_services,
    an_age_band_stored_before_bands_were_codes_is_read_and_may_be_kept,
);

fn app(store: Store) -> (App, Actor) {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let account = app.create_account(&Actor::System, "shakhnoza", "Shakhnoza", Role::Lawyer, hq.id, "ru").unwrap();
    (app, Actor::Staff(account.account))
}

fn profile() -> PersonProfile {
    PersonProfile {
        sex: "male".into(),
        citizenship: "UZ".into(),
        age_band: "30-38".into(),
        home_region: "Джизак".into(),
        ..Default::default()
    }
}

fn identity() -> PersonIdentity {
    PersonIdentity { full_name: "Абдуллаев Хусан".into(), ..Default::default() }
}

/// The problems of a refusal; anything but a refusal for invalid values fails the test.
#[track_caller]
fn problems<T: std::fmt::Debug>(result: Result<T, AppError>) -> Vec<ValidationError> {
    match result {
        Err(AppError::Invalid(problems)) => problems,
        other => panic!("not refused as invalid: {other:?}"),
    }
}

fn case(lead: &Actor, person: PersonId) -> Case {
    Case {
        persons: vec![person],
        recruited_at: "Джизак".into(),
        ..Case::opened(
            OfficeId::new(),
            "forced-labour",
            lead.account_id().unwrap(),
            NaiveDate::from_ymd_opt(2008, 10, 21).unwrap(),
        )
    }
}

fn service(case: CaseId, provider: &str) -> Service {
    Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: None,
        kind: "wage-recovery".into(),
        delivered_on: NaiveDate::from_ymd_opt(2008, 11, 3).unwrap(),
        provider: provider.into(),
        result: String::new(),
        destination_country: None,
        accompanied_by: String::new(),
        amount_claimed: None,
        amount_recovered: None,
    }
}

fn appeal(wage: Option<Money>) -> Appeal {
    Appeal {
        topics: vec!["wages-unpaid".into()],
        wage,
        ..Appeal::received(OfficeId::new(), AccountId::new(), Utc::now(), "hotline-phone", "migrant", "pending")
    }
}

fn a_nul_in_free_text_is_refused_by_the_services_naming_the_field(store: Store) {
    let (app, lawyer) = app(store);
    let nul = ValidationError::ControlCharacter { field: "home_region" };
    let home = PersonProfile { home_region: "Джизак\0".into(), ..profile() };
    assert_eq!(problems(app.register_person(&lawyer, None, home, identity())), [nul]);
    let band = PersonProfile { age_band: "18-20\0".into(), ..profile() };
    let refused = problems(app.register_person(&lawyer, None, band, identity()));
    assert!(matches!(&refused[..], [ValidationError::UnknownCode { list: "age-band", .. }]), "{refused:?}");
    let intake = Intake {
        appeal: appeal(None),
        person: IntakePerson::New {
            profile: PersonProfile { home_region: "\0".into(), ..profile() },
            identity: identity(),
        },
        new_parties: vec![],
        lead_notice: String::new(),
        visit: None,
    };
    assert_eq!(
        problems(app.register_intake(&lawyer, intake)),
        [ValidationError::ControlCharacter { field: "home_region" }]
    );

    let husan = app.register_person(&lawyer, None, profile(), identity()).unwrap();
    let place = Case { recruited_at: "Джизак\0".into(), ..case(&lawyer, husan) };
    assert_eq!(problems(app.open_case(&lawyer, place)), [ValidationError::ControlCharacter { field: "recruited_at" }]);
    let place = Case { exploited_place: Some("farm\0".into()), ..case(&lawyer, husan) };
    let refused = problems(app.open_case(&lawyer, place));
    assert!(matches!(&refused[..], [ValidationError::UnknownCode { list: "place", .. }]), "{refused:?}");
    let opened = app.open_case(&lawyer, case(&lawyer, husan)).unwrap();
    assert_eq!(
        problems(app.add_service(&lawyer, service(opened, "ТОО\0Заң"))),
        [ValidationError::ControlCharacter { field: "provider" }]
    );
    assert!(app.add_service(&lawyer, service(opened, "ТОО «Заң»")).is_ok());
}

fn an_amount_past_its_ceiling_is_refused_by_the_services(store: Store) {
    let (app, lawyer) = app(store);
    let huge = Money { minor: i64::MAX, currency: Currency::KZT };
    let refused = problems(app.register_appeal(&lawyer, appeal(Some(huge))));
    assert!(matches!(&refused[..], [ValidationError::TooLarge { field: "wage", .. }]), "{refused:?}");
    let husan = app.register_person(&lawyer, None, profile(), identity()).unwrap();
    let opened = app.open_case(&lawyer, case(&lawyer, husan)).unwrap();
    let claim = Service { amount_claimed: Some(huge), ..service(opened, "us") };
    let refused = problems(app.add_service(&lawyer, claim));
    assert!(matches!(&refused[..], [ValidationError::TooLarge { field: "amount_claimed", .. }]), "{refused:?}");
}

fn an_age_band_stored_before_bands_were_codes_is_read_and_may_be_kept(store: Store) {
    let (app, lawyer) = app(store.clone());
    let husan = app.register_person(&lawyer, None, profile(), identity()).unwrap();
    // As an old database may hold it.
    store
        .write(|tx| tx.execute("UPDATE persons SET age_band = 'около 30' WHERE id = $1", komek_store::params![husan]))
        .unwrap();
    let read = app.person(&lawyer, husan).unwrap();
    assert_eq!(read.profile.age_band, "около 30");
    let kept =
        PersonProfile { age_band: "около 30".into(), home_region: "Самарканд".into(), ..profile() };
    app.update_person(&lawyer, husan, 1, kept, identity()).unwrap();
    assert_eq!(app.person(&lawyer, husan).unwrap().profile.home_region, "Самарканд");
    let other = PersonProfile { age_band: "около 40".into(), ..profile() };
    let refused = problems(app.update_person(&lawyer, husan, 2, other, identity()));
    assert!(matches!(&refused[..], [ValidationError::UnknownCode { list: "age-band", .. }]), "{refused:?}");
    let coded = PersonProfile { age_band: "39-47".into(), ..profile() };
    app.update_person(&lawyer, husan, 2, coded, identity()).unwrap();
}
