//! Who may read a case, over every role × own or other office × sensitive or not × on the
//! team or not, on a real database. The expectation is written out from the reach rule
//! (ARCHITECTURE.md, "Safety rules"), not computed by the code under test.

use chrono::NaiveDate;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::Role;
use komek_domain::entities::{Case, PersonIdentity, PersonProfile};

/// What a reader gets: the case with identifying parts, the case without them, or nothing.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Sees {
    Everything,
    FactsOnly,
    Nothing,
    Refused,
}

fn expected(role: Role, own_office: bool, sensitive: bool, on_team: bool) -> Sees {
    if role == Role::Analyst {
        // Aggregates only: no case file at all.
        return Sees::Refused;
    }
    if sensitive && !on_team {
        return Sees::Nothing;
    }
    if on_team || own_office {
        Sees::Everything
    } else if matches!(role, Role::Administrator | Role::Manager) {
        // Those who oversee every office know the case exists, without its identifying parts.
        Sees::FactsOnly
    } else {
        // Anyone else: another office's case answers as one that does not exist.
        Sees::Nothing
    }
}

#[test]
fn case_reads_follow_office_team_and_sensitivity_for_every_role() {
    let db = komek_store::testing::SqliteDb::new();
    let store = db.store.clone();
    let app =
        App::new(store.clone(), Keys::load_or_create(&store, &MasterKey::generate()).unwrap(), Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Head office", 300).unwrap();
    let district = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let lead = app.create_account(&Actor::System, "lead", "Lead", Role::Lawyer, hq.id, "en").unwrap().account;
    let lead = Actor::Staff(lead);
    let person = app
        .register_person(
            &lead,
            None,
            PersonProfile { sex: "female".into(), citizenship: "KG".into(), ..Default::default() },
            PersonIdentity { full_name: "Айгуль Осмонова".into(), ..Default::default() },
        )
        .unwrap();
    let mut checked = 0;
    for role in Role::ALL {
        for own_office in [true, false] {
            for on_team in [true, false] {
                for sensitive in [true, false] {
                    // Only those who may see identifying data can be on a case's team.
                    if on_team && !role.can(komek_domain::Capability::ViewIdentifying) {
                        continue;
                    }
                    let office = if own_office { hq.id } else { district.id };
                    let name = format!("r{checked}");
                    let reader = app.create_account(&Actor::System, &name, &name, role, office, "en").unwrap().account;
                    let case = Case {
                        sensitive,
                        team: if on_team { vec![reader.id] } else { vec![] },
                        persons: vec![person],
                        summary: Some("Паспорт у работодателя.".into()),
                        ..Case::opened(
                            hq.id,
                            "labour-exploitation",
                            lead.account_id().unwrap(),
                            NaiveDate::from_ymd_opt(2008, 5, 5).unwrap(),
                        )
                    };
                    let id = app.open_case(&lead, case).unwrap();
                    let got = match app.case_file(&Actor::Staff(reader), id) {
                        Ok(file) if file.identifying_shown && file.case.summary.is_some() => Sees::Everything,
                        Ok(file) if !file.identifying_shown && file.case.summary.is_none() => Sees::FactsOnly,
                        Ok(file) => panic!("inconsistent case file: {file:?}"),
                        Err(AppError::NotFound) => Sees::Nothing,
                        Err(AppError::Forbidden) => Sees::Refused,
                        Err(e) => panic!("{e}"),
                    };
                    assert_eq!(
                        got,
                        expected(role, own_office, sensitive, on_team),
                        "{role} own office {own_office} on team {on_team} sensitive {sensitive}"
                    );
                    checked += 1;
                }
            }
        }
    }
    // Every role in every place, less the analyst on a team (2 offices × 2 sensitivities).
    assert_eq!(checked, 7 * 8 - 4);
}
