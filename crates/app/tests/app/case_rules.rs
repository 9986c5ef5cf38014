//! The case desk's rules of who may do what, beyond the stories: who may change a case's
//! lead and team, what breaking glass opens, and what merging two records of one person keeps.

use chrono::NaiveDate;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::casework::{Assessment, IndicatorAnswer, NoteVisibility, Task, VictimStatus};
use komek_domain::entities::{Case, PersonIdentity, PersonProfile};
use komek_domain::indicators::{Answer, Source};
use komek_domain::{AssessmentId, CaseId, PersonId, Role, TaskId};

struct Office {
    app: App,
    lead: Actor,
    colleague: Actor,
    psychologist: Actor,
    manager: Actor,
    far_psychologist: Actor,
}

fn office() -> (komek_store::testing::SqliteDb, Office) {
    let db = komek_store::testing::SqliteDb::new();
    let app = App::new(
        db.store.clone(),
        Keys::load_or_create(&db.store, &MasterKey::generate()).unwrap(),
        Settings::default(),
    );
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let far = app.create_office(&Actor::System, "far", "Saryagash", 300).unwrap();
    let staff = |name: &str, role, office| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, office, "en").unwrap().account)
    };
    let office = Office {
        lead: staff("lead", Role::Lawyer, hq.id),
        colleague: staff("colleague", Role::Lawyer, hq.id),
        psychologist: staff("psy", Role::Psychologist, hq.id),
        manager: staff("boss", Role::Manager, hq.id),
        far_psychologist: staff("far-psy", Role::Psychologist, far.id),
        app,
    };
    (db, office)
}

fn person(o: &Office, name: &str) -> PersonId {
    let profile = PersonProfile { sex: "male".into(), citizenship: "UZ".into(), ..Default::default() };
    let identity = PersonIdentity { full_name: name.into(), ..Default::default() };
    o.app.register_person(&o.lead, None, profile, identity).unwrap()
}

fn case(o: &Office, persons: Vec<PersonId>) -> CaseId {
    let case = Case {
        team: vec![o.psychologist.account_id().unwrap()],
        persons,
        ..Case::opened(
            komek_domain::OfficeId::new(),
            "forced-labour",
            o.lead.account_id().unwrap(),
            NaiveDate::from_ymd_opt(2008, 5, 5).unwrap(),
        )
    };
    o.app.open_case(&o.lead, case).unwrap()
}

#[test]
fn only_the_lead_or_a_manager_changes_who_leads_and_who_is_on_the_team() {
    let (_db, o) = office();
    let id = case(&o, vec![person(&o, "Хусан")]);
    let file = o.app.case_file(&o.colleague, id).unwrap();
    let mut taken = file.case.clone();
    taken.lead_id = o.colleague.account_id().unwrap();
    let refused = o.app.update_case(&o.colleague, taken.clone(), file.version);
    assert!(matches!(refused, Err(AppError::Invalid(_))), "a colleague cannot make themselves lead: {refused:?}");
    // Other edits by a colleague of the office are fine.
    let mut edited = file.case.clone();
    edited.recruited_at = "Ташкент".into();
    let version = o.app.update_case(&o.colleague, edited, file.version).unwrap();
    o.app.update_case(&o.manager, taken, version).expect("a manager may hand it over");
}

#[test]
fn breaking_glass_opens_the_case_but_not_a_psychologists_notes() {
    let (_db, o) = office();
    let id = case(&o, vec![person(&o, "Хусан")]);
    o.app.add_note(&o.psychologist, id, "Nightmares since the beating", NoteVisibility::AuthorRole).unwrap();
    o.app.add_note(&o.lead, id, "Passport requested from the police", NoteVisibility::Team).unwrap();
    let same_role = o.app.case_file(&o.psychologist, id).unwrap();
    assert_eq!(same_role.notes.len(), 2);
    let opened = o.app.break_glass_case(&o.far_psychologist, id, "The person is at our shelter tonight").unwrap();
    assert!(opened.identifying_shown && opened.opened_by_break_glass);
    let texts: Vec<&str> = opened.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, vec!["Passport requested from the police"]);
    assert_eq!(opened.notes_withheld, 1);
    let refused = o.app.evidence_file(&o.far_psychologist, id, komek_domain::EvidenceId::new());
    assert!(matches!(refused, Err(AppError::NotFound)), "files are not downloadable through break glass");
}

#[test]
fn merging_two_records_of_one_person_keeps_their_assessments_and_standing() {
    let (_db, o) = office();
    let (husan, again) = (person(&o, "Хусан Абдуллаев"), person(&o, "Husan Abdullaev"));
    let id = case(&o, vec![husan, again]);
    let file = o.app.case_file(&o.lead, id).unwrap();
    let mut case = file.case.clone();
    case.victims = vec![VictimStatus {
        person_id: again,
        status: "identified".into(),
        identified_by: Some("ngo".into()),
        identified_on: NaiveDate::from_ymd_opt(2008, 5, 6),
    }];
    case.summary = None;
    o.app.update_case(&o.lead, case, file.version).unwrap();
    let answer = |code: &str| IndicatorAnswer {
        indicator: code.into(),
        answer: Answer::Yes,
        source: Some(Source::Interview),
        noted_on: None,
    };
    o.app
        .add_assessment(
            &o.lead,
            Assessment {
                id: AssessmentId::new(),
                case_id: id,
                person_id: again,
                catalogue: "ilo-2012-forced-labour".into(),
                edition: String::new(),
                assessed_on: NaiveDate::from_ymd_opt(2008, 5, 6).unwrap(),
                assessor_id: None,
                minor: false,
                answers: vec![answer("fl-ur-deceptive-recruitment"), answer("fl-p-violence")],
            },
        )
        .unwrap();
    let kept = o.app.person_file(&o.lead, husan).unwrap();
    o.app.merge_persons(&o.lead, husan, kept.version, again).unwrap();
    let file = o.app.case_file(&o.lead, id).unwrap();
    assert_eq!(file.case.persons, vec![husan]);
    assert_eq!(file.case.victim_status(husan).map(|v| v.status.as_str()), Some("identified"));
    assert_eq!(file.assessments.len(), 1);
    assert_eq!(file.assessments[0].person_id, husan);
}

#[test]
fn a_dashboard_fills_its_tasks_past_those_in_cases_no_longer_within_reach() {
    let (_db, o) = office();
    let colleague = o.colleague.account_id().unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2008, 6, d).unwrap();
    let task = |case, title: &str, due_on| Task {
        id: TaskId::new(),
        record: case,
        title: title.into(),
        assignee_id: colleague,
        due_on,
        done_on: None,
        created_by: None,
    };
    let sensitive = case(&o, vec![person(&o, "Дильноза")]);
    let file = o.app.case_file(&o.lead, sensitive).unwrap();
    o.app.update_case(&o.lead, Case { sensitive: true, team: vec![colleague], ..file.case }, file.version).unwrap();
    for d in 1..=3 {
        o.app.add_task(&o.lead, task(sensitive, "Позвонить Д.", day(d))).unwrap();
    }
    let open = case(&o, vec![person(&o, "Хусан")]);
    for (d, title) in [(10, "Паспорт Х."), (11, "Справка Х."), (12, "Суд Х.")] {
        o.app.add_task(&o.lead, task(open, title, day(d))).unwrap();
    }
    assert_eq!(o.app.my_tasks(&o.colleague, 2).unwrap().len(), 2, "the sensitive case's tasks come first");

    // Taken off the sensitive case's team, the colleague can no longer open it: its tasks are
    // left out, and the dashboard shows the next ones instead of fewer.
    let file = o.app.case_file(&o.lead, sensitive).unwrap();
    o.app.update_case(&o.lead, Case { team: vec![], ..file.case }, file.version).unwrap();
    let titles = |limit| -> Vec<String> {
        o.app.my_tasks(&o.colleague, limit).unwrap().into_iter().map(|t| t.task.title).collect()
    };
    assert_eq!(titles(2), ["Паспорт Х.", "Справка Х."]);
    assert_eq!(titles(10), ["Паспорт Х.", "Справка Х.", "Суд Х."], "all there are, when fewer than asked");
    assert!(titles(0).is_empty());
}
