//! The seed organisation's stories are the tests (the cases told in its 2008 report and in the
//! press, see ARCHITECTURE.md, "ExportLabels"): each one told through the services as staff would work
//! it — the hotline registers the first call, a lawyer opens the case, records the timeline,
//! assesses the person against the ILO catalogues, delivers services, follows proceedings,
//! and closes the case where the story ends. Both back ends.
//!
//! Where a story gives only the month, days are approximate; where it gives no amount, the
//! amount is said to be assumed.

use chrono::{DateTime, NaiveDate, Utc};
use komek_app::appeals::{Intake, IntakePerson};
use komek_app::audit::Filter;
use komek_app::cases::CaseFile;
use komek_app::parties::NewParty;
use komek_app::{Actor, App, AppError, Keys, MasterKey, Settings};
use komek_domain::casework::{Assessment, CaseEvent, IndicatorAnswer, Proceeding, Task, VictimStatus};
use komek_domain::entities::{Appeal, PartyIdentity, PersonIdentity, PersonProfile, Service};
use komek_domain::indicators::{Answer, Catalogue, Evaluation, FORCED_LABOUR, Source, TRAFFICKING, Verdict};
use komek_domain::{
    AccountId, AppealId, AssessmentId, CaseId, Currency, EventId, Money, PersonId, ProceedingId, Role, ServiceId,
    TaskId, law,
};
use komek_store::Store;

// ---------------------------------------------------------------------------------------
// The organisation: an office in Shymkent with its hotline and lawyers, and a district office.

struct Komek {
    app: App,
    operator: Actor,
    lawyer: Actor,
    /// A second lawyer of the same office, not on any team.
    colleague: Actor,
    /// A lawyer of another office.
    stranger: Actor,
}

fn komek(store: Store) -> Komek {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    app.finish_maintenance().unwrap();
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let away = app.create_office(&Actor::System, "maktaaral", "Maktaaral", 300).unwrap();
    let staff = |name: &str, role, office| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, office, "ru").unwrap().account)
    };
    let operator = staff("aigerim", Role::HotlineOperator, hq.id);
    let lawyer = staff("shakhnoza", Role::Lawyer, hq.id);
    let colleague = staff("marat", Role::Lawyer, hq.id);
    let stranger = staff("dana", Role::Lawyer, away.id);
    Komek { app, operator, lawyer, colleague, stranger }
}

fn id(actor: &Actor) -> AccountId {
    actor.account_id().unwrap()
}

fn day(year: i32, month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn at(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(6, 0, 0).unwrap().and_utc()
}

fn kzt(amount: i64) -> Money {
    Money::from_major(amount, Currency::KZT)
}

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

// ---------------------------------------------------------------------------------------
// The forms staff fill in, with what a story does not set left empty.

fn appeal(received: NaiveDate, channel: &str, contact: &str, topics: &[&str], notes: &str) -> Appeal {
    Appeal {
        topics: strings(topics),
        help: strings(&["legal-consultation"]),
        migration_reason: Some("economic".into()),
        notes: Some(notes.into()),
        ..Appeal::received(komek_domain::OfficeId::new(), AccountId::new(), at(received), channel, contact, "pending")
    }
}

fn someone(name: &str, citizenship: &str, age_band: &str) -> (PersonProfile, PersonIdentity) {
    let profile = PersonProfile {
        sex: "male".into(),
        citizenship: citizenship.into(),
        age_band: age_band.into(),
        ..Default::default()
    };
    (profile, PersonIdentity { full_name: name.into(), ..Default::default() })
}

fn party(kind: &str, name: &str) -> NewParty {
    NewParty {
        kind: kind.into(),
        identity: PartyIdentity { name: name.into(), ..Default::default() },
        ..Default::default()
    }
}

/// The hotline registers a first call about someone new; returns the appeal and the person.
fn first_call(
    k: &Komek,
    appeal: Appeal,
    person: (PersonProfile, PersonIdentity),
    new_parties: Vec<(NewParty, &str)>,
) -> (AppealId, PersonId) {
    let (profile, identity) = person;
    let intake = Intake {
        appeal,
        person: IntakePerson::New { profile, identity },
        new_parties: new_parties.into_iter().map(|(p, role)| (p, role.to_string())).collect(),
        lead_notice: String::new(),
        visit: None,
    };
    let saved = k.app.register_intake(&k.operator, intake).unwrap();
    assert!(saved.created);
    (saved.appeal_id, saved.person_id.expect("the intake registered the person"))
}

fn presumed(person: PersonId, on: NaiveDate) -> VictimStatus {
    VictimStatus {
        person_id: person,
        status: "presumed".into(),
        identified_by: Some("ngo".into()),
        identified_on: Some(on),
    }
}

fn event(case: CaseId, on: NaiveDate, kind: &str, text: &str) -> CaseEvent {
    CaseEvent {
        id: EventId::new(),
        case_id: case,
        happened_on: on,
        kind: kind.into(),
        text: text.into(),
        author_id: None,
        place_country: None,
        place_region: None,
        place_district: None,
        place_settlement: None,
    }
}

/// Answers of an interview: every "yes" and "no" as the person told it.
fn told(answers: &[(&str, Answer)], on: NaiveDate) -> Vec<IndicatorAnswer> {
    answers
        .iter()
        .map(|(code, answer)| IndicatorAnswer {
            indicator: code.to_string(),
            answer: *answer,
            source: Some(Source::Interview),
            noted_on: Some(on),
        })
        .collect()
}

fn assess(
    k: &Komek,
    case: CaseId,
    person: PersonId,
    catalogue: &Catalogue,
    on: NaiveDate,
    answers: &[(&str, Answer)],
) -> Evaluation {
    let assessment = Assessment {
        id: AssessmentId::new(),
        case_id: case,
        person_id: person,
        catalogue: catalogue.id.into(),
        edition: String::new(),
        assessed_on: on,
        assessor_id: None,
        minor: false,
        answers: told(answers, on),
    };
    k.app.add_assessment(&k.lawyer, assessment).unwrap().1
}

fn service(case: CaseId, person: Option<PersonId>, kind: &str, on: NaiveDate, result: &str) -> Service {
    Service {
        id: ServiceId::new(),
        case_id: case,
        person_id: person,
        kind: kind.into(),
        delivered_on: on,
        provider: "us".into(),
        result: result.into(),
        accompanied_by: String::new(),
        destination_country: None,
        amount_claimed: None,
        amount_recovered: None,
    }
}

fn proceeding(
    case: CaseId,
    kind: &str,
    authority: &str,
    articles: &[&str],
    stage: &str,
    opened: NaiveDate,
) -> Proceeding {
    Proceeding {
        id: ProceedingId::new(),
        case_id: case,
        kind: kind.into(),
        authority: authority.into(),
        articles: strings(articles),
        stage: stage.into(),
        opened_on: opened,
        hearings: vec![],
        outcome: None,
        decided_on: None,
        sentence_months: None,
        fine: None,
        notes: String::new(),
    }
}

/// The article of the code in force on the day a proceeding was opened.
fn article_in_force(code: &str, on: NaiveDate) -> &'static str {
    law::in_force_on(on).find(|a| a.code == code).unwrap_or_else(|| panic!("{code} was not in force on {on}")).code
}

/// A task for the lead, done the same day.
fn task_done(k: &Komek, case: CaseId, title: &str) -> TaskId {
    let today = k.app.today(&k.lawyer).unwrap();
    let task = Task {
        id: TaskId::new(),
        record: case,
        title: title.into(),
        assignee_id: id(&k.lawyer),
        due_on: today,
        done_on: None,
        created_by: None,
    };
    let task = k.app.add_task(&k.lawyer, task).unwrap();
    k.app.set_task_done(&k.lawyer, case, task, true).unwrap();
    task
}

fn file(k: &Komek, case: CaseId) -> CaseFile {
    k.app.case_file(&k.lawyer, case).unwrap()
}

/// Saves the header as the lead reads and changes it; returns the new version.
fn edit(k: &Komek, case: CaseId, change: impl FnOnce(&mut komek_domain::entities::Case)) -> i64 {
    let read = file(k, case);
    let mut header = read.case;
    change(&mut header);
    k.app.update_case(&k.lawyer, header, read.version).unwrap()
}

fn refused_for(result: Result<i64, AppError>, field: &str) {
    match result {
        Err(AppError::Invalid(errors)) => {
            assert!(errors.iter().any(|e| e.field() == field), "refused, but not for {field}: {errors:?}")
        }
        other => panic!("expected a refusal for {field}, got {other:?}"),
    }
}

/// Closes the case where the story ends. Closing asks what the case achieved and why it ends:
/// without outcomes it is refused and nothing is saved.
fn close(k: &Komek, case: CaseId, outcomes: &[&str], reason: &str) {
    let read = file(k, case);
    let mut closing = read.case.clone();
    closing.status = "closed".into();
    closing.closing_reason = Some(reason.into());
    closing.outcomes = vec![];
    refused_for(k.app.update_case(&k.lawyer, closing.clone(), read.version), "outcomes");
    let unexplained =
        komek_domain::entities::Case { closing_reason: None, outcomes: strings(outcomes), ..closing.clone() };
    refused_for(k.app.update_case(&k.lawyer, unexplained, read.version), "closing_reason");
    assert_eq!(file(k, case).version, read.version, "a refused closing saves nothing");
    closing.outcomes = strings(outcomes);
    k.app.update_case(&k.lawyer, closing, read.version).unwrap();
}

fn recovered(services: &[Service]) -> Money {
    let minor = services.iter().filter_map(|s| s.amount_recovered).inspect(|m| assert_eq!(m.currency, Currency::KZT));
    Money { minor: minor.map(|m| m.minor).sum(), currency: Currency::KZT }
}

fn audited(k: &Komek, case: CaseId) -> Vec<String> {
    let filter = Filter { record_id: Some(case.to_string()), ..Default::default() };
    k.app.audit_log(&Actor::System, &filter, 200).unwrap().into_iter().map(|l| l.action).collect()
}

fn assert_decided_by(evaluation: &Evaluation, codes: &[&str]) {
    for code in codes {
        assert!(evaluation.decided_by.contains(code), "{code} should decide it: {}", evaluation.explain());
    }
}

// ---------------------------------------------------------------------------------------
// The stories.

/// "H. arrived in Kazakhstan in May 2007 from Uzbekistan. S. promised that he would receive
/// 300,000 - 400,000 Soms per month. Together with him, she recruited another 100 people to
/// work in cotton fields. […] he worked on the cultivation of cotton harvesting for 7 months.
/// Living conditions, food was terrible and H was subjected to threats and blackmail. For the
/// time he did not receive any money. He had no opportunities to leave. Eventually H turned to
/// Sana Sezim and the result was a psychiatric consultation, his documents were returned.
/// However, the employer avoided liability. H. returned safely to his homeland."
fn h_recruited_for_the_cotton_fields_is_in_forced_labour_and_is_brought_home(store: Store) {
    let k = komek(store);
    let call = appeal(
        day(2007, 12, 10),
        "hotline-phone",
        "migrant",
        &["wages-unpaid", "documents-taken", "forced-labour-suspicion"],
        "Seven months in the cotton fields, not paid, cannot leave.",
    );
    let call = Appeal {
        occupation: Some("agricultural-worker".into()),
        sector: Some("agriculture".into()),
        work_region: Some("turkistan".into()),
        work_district: Some("maktaaral".into()),
        ..call
    };
    // S. recruited him; the operator registers her with the call.
    let (appeal_id, h) = first_call(&k, call, someone("Х.", "UZ", ""), vec![(party("person", "С."), "intermediary")]);
    let case = k.app.open_case_from_appeal(&k.lawyer, appeal_id, "forced-labour", false).unwrap();
    assert_eq!(k.app.appeal(&k.operator, appeal_id).unwrap().appeal.outcome, "case-opened");

    let opened = file(&k, case);
    assert_eq!(opened.case.persons, vec![h]);
    assert_eq!((opened.case.lead_id, opened.case.status.as_str()), (id(&k.lawyer), "open"));
    assert_eq!(opened.case.exploited_district.as_deref(), Some("maktaaral"), "taken from the appeal");
    let s = opened.case.parties[0].0;
    // "S. brought him to the citizen [K.] in Mahtaaralsky".
    let employer = k.app.register_party(&k.lawyer, None, party("person", "К.")).unwrap();
    edit(&k, case, |c| {
        c.victims = vec![presumed(h, day(2007, 12, 12))];
        c.parties = vec![(s, "intermediary".into()), (employer, "employer".into())];
        c.recruited_country = Some("UZ".into());
        c.recruited_at = "Uzbekistan".into();
        c.exploited_place = Some("cotton-field".into());
        c.summary = Some("Recruited by S. with a hundred others for the cotton fields; seven months unpaid.".into());
    });

    for (on, kind, text) in [
        (day(2007, 5, 10), "recruitment", "S. promises 300,000–400,000 som a month; recruits him and 100 others."),
        (day(2007, 5, 15), "exploitation", "Cotton fields of K., Maktaaral: terrible food and housing, threats."),
        (day(2007, 12, 10), "complaint", "H. turns to us; we go to the organised-crime unit."),
        (day(2007, 12, 20), "escape-release", "Freed after the organised-crime unit's visit."),
    ] {
        k.app.add_event(&k.lawyer, event(case, on, kind, text)).unwrap();
    }

    let fl = assess(
        &k,
        case,
        h,
        &FORCED_LABOUR,
        day(2007, 12, 12),
        &[
            ("fl-ur-deceptive-recruitment", Answer::Yes), // 300–400k som promised, nothing paid
            ("fl-wl-degrading-living", Answer::Yes),      // "living conditions, food was terrible"
            ("fl-il-no-freedom-to-resign", Answer::Yes),  // "he had no opportunities to leave"
            ("fl-p-blackmail", Answer::Yes),              // "threats and blackmail"
            ("fl-p-withholding-wages", Answer::Yes),      // "he did not receive any money"
            ("fl-p-confiscation-documents", Answer::Yes), // his documents had to be returned
        ],
    );
    assert_eq!(fl.verdict, Verdict::Yes, "{}", fl.explain());
    assert_decided_by(&fl, &["fl-il-no-freedom-to-resign", "fl-p-blackmail", "fl-p-withholding-wages"]);

    // The complaint to the organised-crime unit came to nothing: "the employer avoided liability".
    let complaint_day = day(2007, 12, 12);
    let article = article_in_force("cc1997-128", complaint_day);
    let complaint = proceeding(case, "criminal", "organised-crime-unit", &[article], "complaint-filed", complaint_day);
    k.app.add_proceeding(&k.lawyer, complaint.clone()).unwrap();
    let version = file(&k, case).proceedings[0].1;
    let refused = Proceeding {
        stage: "refused-to-open".into(),
        outcome: Some("dismissed".into()),
        decided_on: Some(day(2008, 1, 10)),
        ..complaint
    };
    k.app.update_proceeding(&k.lawyer, refused.clone(), version).unwrap();
    assert!(matches!(k.app.update_proceeding(&k.lawyer, refused, version), Err(AppError::Conflict)));

    k.app.add_service(&k.lawyer, service(case, Some(h), "psychiatric", day(2007, 12, 22), "Consultation.")).unwrap();
    let home = Service {
        destination_country: Some("UZ".into()),
        accompanied_by: "брат Шухрат".into(),
        ..service(case, Some(h), "repatriation", day(2008, 1, 15), "Returned safely.")
    };
    k.app.add_service(&k.lawyer, home).unwrap();
    // With whom he went home names his brother: sealed like every identifying text.
    let sealed = k.app.store().read(|tx| tx.query("SELECT accompanied_by_enc FROM services", &[])).unwrap();
    let sealed: Vec<Vec<u8>> = sealed.iter().filter_map(|r| r.get::<Option<Vec<u8>>>(0).unwrap()).collect();
    assert_eq!(sealed.len(), 1, "only the repatriation says with whom");
    assert!(!sealed[0].windows("Шухрат".len()).any(|w| w == "Шухрат".as_bytes()));
    task_done(&k, case, "Check that H. has reached home");

    close(&k, case, &["documents-returned", "employer-avoided-liability", "returned-home"], "person-returned-home");

    let end = file(&k, case);
    assert_eq!(
        (end.case.status.as_str(), end.case.closing_reason.as_deref()),
        ("closed", Some("person-returned-home"))
    );
    assert_eq!(end.case.closed_on, Some(k.app.today(&k.lawyer).unwrap()));
    assert_eq!(end.case.outcomes, strings(&["documents-returned", "employer-avoided-liability", "returned-home"]));
    assert_eq!(end.case.victim_status(h).map(|v| v.status.as_str()), Some("presumed"));
    let kinds: Vec<&str> = end.services.iter().map(|s| s.kind.as_str()).collect();
    assert!(kinds.contains(&"psychiatric") && kinds.contains(&"repatriation"), "{kinds:?}");
    let repatriation = end.services.iter().find(|s| s.kind == "repatriation").unwrap();
    assert_eq!(repatriation.destination_country.as_deref(), Some("UZ"));
    assert_eq!(repatriation.accompanied_by, "брат Шухрат");
    assert_eq!(end.events.len(), 4);
    assert_eq!(end.assessments.len(), 1);
    assert_eq!(end.assessments[0].edition, FORCED_LABOUR.edition);
    assert_eq!(end.assessments[0].evaluate().unwrap().verdict, Verdict::Yes);
    let (p, _) = &end.proceedings[0];
    assert_eq!((p.stage.as_str(), p.outcome.as_deref()), ("refused-to-open", Some("dismissed")));
    assert_eq!(p.articles, strings(&["cc1997-128"]));
    assert!(end.tasks[0].done_on.is_some());
    assert_eq!(end.case.summary.as_deref().map(|s| s.starts_with("Recruited by S.")), Some(true));

    // Not sensitive: another office's lawyer does not know it exists; a manager, who oversees
    // every office, sees that it does and how it ended, not who H. is.
    assert!(matches!(k.app.case_file(&k.stranger, case), Err(AppError::NotFound)));
    let away = k.app.office_by_code("maktaaral").unwrap().unwrap();
    let manager = k.app.create_account(&Actor::System, "zhanna", "Zhanna", Role::Manager, away.id, "ru").unwrap();
    let seen = k.app.case_file(&Actor::Staff(manager.account), case).unwrap();
    assert!(!seen.identifying_shown);
    assert_eq!(seen.case.summary, None);
    assert!(seen.events.iter().all(|e| e.text.is_empty()));
    assert_eq!(seen.case.outcomes, end.case.outcomes);
    let mut header = end.case.clone();
    header.summary = Some("x".into());
    assert!(matches!(k.app.update_case(&k.stranger, header, end.version), Err(AppError::NotFound)));

    let actions = audited(&k, case);
    assert!(["create", "update", "read"].iter().all(|a| actions.iter().any(|x| x == a)), "{actions:?}");
}

/// "Alexander came from Uzbekistan to Kazakhstan with his brother to work for a farmer in the
/// vineyards. He entered into an oral contract about payment. After 6 months the employer
/// refused to give back the documents taken from the brothers and refused to pay the money.
/// After mediation the documents were returned, the wages were paid and the employer was fined
/// for violating the legislation of Kazakhstan."
fn alexander_and_his_brother_get_documents_and_wages_through_mediation(store: Store) {
    let k = komek(store);
    let call = appeal(
        day(2008, 10, 20),
        "walk-in",
        "migrant",
        &["documents-taken", "wages-unpaid"],
        "Farmer keeps both brothers' documents and will not pay after six months.",
    );
    let call = Appeal { occupation: Some("agricultural-worker".into()), sector: Some("agriculture".into()), ..call };
    let (appeal_id, alexander) =
        first_call(&k, call, someone("Александр", "UZ", ""), vec![(party("person", "Фермер"), "employer")]);
    // The brother is registered beside him.
    let (profile, identity) = someone("Брат Александра", "UZ", "");
    let brother = k.app.register_person(&k.operator, None, profile, identity).unwrap();
    let farmer = k.app.appeal(&k.lawyer, appeal_id).unwrap().appeal.parties;
    assert_eq!(farmer.len(), 1);

    // One case for both brothers, opened directly.
    let today = k.app.today(&k.lawyer).unwrap();
    let header = komek_domain::entities::Case {
        persons: vec![alexander, brother],
        parties: farmer,
        exploited_region: Some("turkistan".into()),
        exploited_place: Some("vineyard".into()),
        exploited_country: None,
        recruited_country: Some("UZ".into()),
        summary: Some("Oral contract; after six months documents withheld and wages refused.".into()),
        ..komek_domain::entities::Case::opened(
            komek_domain::OfficeId::new(),
            "documents-withheld",
            id(&k.lawyer),
            today,
        )
    };
    let case = k.app.open_case(&k.lawyer, header).unwrap();
    let opened = file(&k, case);
    assert_eq!(opened.case.number, format!("{}-001", today.format("%Y")));
    assert_eq!(opened.case.persons.len(), 2);
    edit(&k, case, |c| c.victims = vec![presumed(alexander, day(2008, 10, 21)), presumed(brother, day(2008, 10, 21))]);

    for (on, kind, text) in [
        (day(2008, 4, 15), "recruitment", "Oral contract with the farmer about payment; vineyards."),
        (day(2008, 10, 15), "exploitation", "After six months: documents kept, wages refused."),
        (day(2008, 10, 20), "complaint", "The brothers come to us."),
        (day(2008, 11, 5), "contact", "Mediation with the farmer."),
    ] {
        k.app.add_event(&k.lawyer, event(case, on, kind, text)).unwrap();
    }

    // What the seed tells is penalty only (documents, wages); nothing of how they were recruited,
    // how they lived or whether they could leave: the rule asks exactly those questions.
    let fl = assess(
        &k,
        case,
        alexander,
        &FORCED_LABOUR,
        day(2008, 10, 21),
        &[("fl-p-confiscation-documents", Answer::Yes), ("fl-p-withholding-wages", Answer::Yes)],
    );
    assert_eq!(fl.verdict, Verdict::NotEnoughInformation, "{}", fl.explain());
    assert!(fl.decided_by.is_empty());
    let involuntariness: Vec<&str> =
        FORCED_LABOUR.indicators.iter().filter(|i| i.group != "fl-p").map(|i| i.code).collect();
    assert_eq!(fl.to_ask, involuntariness, "every question of UR, WL and IL, none of P");

    // Six months at the agricultural wage of the seed's table (10,000 ₸ a month), each; the seed
    // gives no amounts, so these are assumed.
    let mediation = service(case, None, "mediation", day(2008, 11, 5), "Documents returned, wages paid.");
    k.app.add_service(&k.lawyer, mediation).unwrap();
    for person in [alexander, brother] {
        let wages = Service {
            amount_claimed: Some(kzt(60_000)),
            amount_recovered: Some(kzt(60_000)),
            ..service(case, Some(person), "wage-recovery", day(2008, 11, 5), "Paid in full.")
        };
        k.app.add_service(&k.lawyer, wages).unwrap();
    }
    // "The employer was fined": the 2001 Code of Administrative Offences' labour articles are
    // not in the catalogue, so none is cited; the fine's amount is assumed.
    let fined = Proceeding {
        outcome: Some("fine".into()),
        decided_on: Some(day(2008, 11, 20)),
        fine: Some(kzt(50_000)),
        ..proceeding(case, "administrative", "labour-inspection", &[], "decided", day(2008, 11, 6))
    };
    let without_amount = Proceeding { fine: None, ..fined.clone() };
    assert!(matches!(k.app.add_proceeding(&k.lawyer, without_amount), Err(AppError::Invalid(_))));
    k.app.add_proceeding(&k.lawyer, fined).unwrap();
    task_done(&k, case, "Hand both passports back to the brothers");

    close(&k, case, &["documents-returned", "employer-fined", "wages-paid"], "goals-achieved");

    let end = file(&k, case);
    assert_eq!(end.case.status, "closed");
    assert_eq!(end.case.outcomes, strings(&["documents-returned", "employer-fined", "wages-paid"]));
    assert!(end.case.victims.iter().all(|v| v.status == "presumed" && v.identified_by.as_deref() == Some("ngo")));
    let wages: Vec<&Service> = end.services.iter().filter(|s| s.kind == "wage-recovery").collect();
    assert_eq!(wages.len(), 2);
    let mut paid: Vec<PersonId> = wages.iter().filter_map(|s| s.person_id).collect();
    paid.sort();
    let mut brothers = vec![alexander, brother];
    brothers.sort();
    assert_eq!(paid, brothers, "each brother is paid");
    assert!(wages.iter().all(|s| s.amount_claimed == s.amount_recovered));
    assert_eq!(recovered(&end.services), kzt(120_000));
    assert!(end.services.iter().any(|s| s.kind == "mediation"));
    let (p, _) = &end.proceedings[0];
    assert_eq!((p.kind.as_str(), p.outcome.as_deref(), p.fine), ("administrative", Some("fine"), Some(kzt(50_000))));
    assert_eq!(end.tasks.len(), 1);
    assert!(end.tasks[0].done_on.is_some());
}

/// "Husan was recruited in Tashkent […] He was promised that he would get for a 'square' of
/// plaster 500 tenge […] future employer selected the documents from three recruited
/// plasterers. He said that it is for obtaining permits […] there was not any construction
/// works. Labor migrants poured concrete […] The Conductor, who was acting the role of
/// escort, handed over their documents […] There was the impression that they were given to
/// 'lease'. Once, our hero was severely beaten. And soon he recognized from his first employer,
/// that he paid money for Uzbek labor migrants and they must to work the money out. […] Our
/// human rights defenders immediately appealed to the Department for Combating with Organized
/// Crime […] Husan and his partner were released, now the issue on instituting the criminal
/// case for the two employers is being decided." (Rabat, 10 November 2010)
fn husan_recruited_in_tashkent_is_identified_as_forced_labour_and_trafficking(store: Store) {
    let k = komek(store);
    // "His parents contacted the NGO."
    let call = appeal(
        day(2010, 10, 1),
        "hotline-phone",
        "relative",
        &["documents-taken", "forced-labour-suspicion"],
        "Son phoned from Lenger on a stranger's mobile: passport taken, beaten, not paid.",
    );
    let call = Appeal {
        occupation: Some("skilled-construction".into()),
        sector: Some("construction".into()),
        work_region: Some("turkistan".into()),
        work_district: Some("tolebi".into()),
        ..call
    };
    let (appeal_id, husan) = first_call(
        &k,
        call,
        someone("Хусан", "UZ", "21-23"),
        vec![
            (party("person", "Первый работодатель"), "employer"),
            (party("person", "Второй работодатель"), "employer"),
        ],
    );
    // He is afraid of the employer: the case is kept to its team.
    let case = k.app.open_case_from_appeal(&k.lawyer, appeal_id, "trafficking-labour", true).unwrap();
    edit(&k, case, |c| {
        c.victims = vec![presumed(husan, day(2010, 10, 2))];
        c.recruited_country = Some("UZ".into());
        c.recruited_at = "Tashkent, Kulyuk".into();
        c.exploited_place = Some("construction-site".into());
        c.summary = Some("Recruited as a plasterer; passport taken 'for permits'; leased between sites.".into());
    });
    let header = file(&k, case).case;
    assert_eq!(header.parties.len(), 2);
    assert!(header.sensitive);

    for (on, kind, text) in [
        (day(2010, 6, 1), "recruitment", "Tashkent: 500 tenge a square of plaster promised."),
        (day(2010, 6, 4), "transit", "Passport taken 'for permits'; by train to Atyrau."),
        (day(2010, 6, 10), "exploitation", "Atyrau: pouring concrete at a hospital, not plastering."),
        (day(2010, 8, 10), "transit", "Under escort via Kyzylorda; documents handed to a driver."),
        (day(2010, 9, 1), "exploitation", "Leased between sites; severely beaten; told to work off his price."),
        (day(2010, 10, 5), "escape-release", "Released with the organised-crime unit in Lenger."),
    ] {
        k.app.add_event(&k.lawyer, event(case, on, kind, text)).unwrap();
    }

    let assessed_on = day(2010, 10, 6);
    let fl = assess(
        &k,
        case,
        husan,
        &FORCED_LABOUR,
        assessed_on,
        &[
            ("fl-ur-deceptive-recruitment", Answer::Yes), // plastering promised, concrete poured
            ("fl-ur-sale-of-worker", Answer::Yes),        // "he paid money for Uzbek labor migrants"
            ("fl-wl-limited-freedom", Answer::Yes),       // moved under escort
            ("fl-il-debt-indeterminate", Answer::Yes),    // "they must to work the money out"
            ("fl-p-confiscation-documents", Answer::Yes), // passport taken "for permits"
            ("fl-p-violence", Answer::Yes),               // "severely beaten"
            ("fl-p-withholding-wages", Answer::Yes),      // "did not get their passports and money back"
        ],
    );
    assert_eq!(fl.verdict, Verdict::Yes, "{}", fl.explain());
    assert_decided_by(&fl, &["fl-p-confiscation-documents", "fl-p-violence", "fl-il-debt-indeterminate"]);

    let th = assess(
        &k,
        case,
        husan,
        &TRAFFICKING,
        assessed_on,
        &[
            ("th-deceptive-rec-nature-of-job", Answer::Yes),
            ("th-deceptive-rec-wages", Answer::Yes),
            ("th-deceptive-rec-legal-documents", Answer::Yes),
            ("th-exploitative-work-low-or-no-salary", Answer::Yes),
            ("th-exploitative-work-bad-working", Answer::Yes), // "the most dirty and difficult jobs"
            ("th-exploitative-work-labour-laws", Answer::Yes),
            ("th-coercive-dest-confiscation-documents", Answer::Yes),
            ("th-coercive-dest-debt-bondage", Answer::Yes),
            ("th-coercive-dest-isolation", Answer::Yes), // under escort
            ("th-coercive-dest-violence", Answer::Yes),
        ],
    );
    assert_eq!(th.verdict, Verdict::Yes, "{}", th.explain());
    assert_decided_by(
        &th,
        &[
            "th-deceptive-rec-nature-of-job",
            "th-exploitative-work-bad-working",
            "th-coercive-dest-confiscation-documents",
            "th-coercive-dest-violence",
        ],
    );

    // The criminal case under the Criminal Code in force in 2010: the 1997 code's art. 128.
    let complaint_day = day(2010, 10, 4);
    assert!(!law::in_force_on(complaint_day).any(|a| a.code == "cc2014-128"), "the 2014 code came later");
    let article = article_in_force("cc1997-128", complaint_day);
    let criminal = proceeding(case, "criminal", "organised-crime-unit", &[article], "complaint-filed", complaint_day);
    k.app.add_proceeding(&k.lawyer, criminal.clone()).unwrap();
    let version = file(&k, case).proceedings[0].1;
    let investigated = Proceeding { stage: "pre-trial-investigation".into(), ..criminal };
    k.app.update_proceeding(&k.lawyer, investigated, version).unwrap();

    // The hotline operator is not on the team of a sensitive case: no task for her.
    let for_operator = Task {
        id: TaskId::new(),
        record: case,
        title: "Call Husan's parents".into(),
        assignee_id: id(&k.operator),
        due_on: k.app.today(&k.lawyer).unwrap(),
        done_on: None,
        created_by: None,
    };
    refused_for(k.app.add_task(&k.lawyer, for_operator).map(|_| 0), "assignee");
    task_done(&k, case, "Ask the investigator whether the criminal case is opened");

    // The story has not ended ("Husan probably will never come to us"): the case stays open
    // for the criminal case; closing it without saying what it achieved is refused.
    let read = file(&k, case);
    let early = komek_domain::entities::Case {
        status: "closed".into(),
        outcomes: vec![],
        closing_reason: Some("lost-contact".into()),
        ..read.case.clone()
    };
    refused_for(k.app.update_case(&k.lawyer, early, read.version), "outcomes");
    edit(&k, case, |c| {
        c.status = "follow-up".into();
        c.outcomes = strings(&["none-yet"]);
    });

    let end = file(&k, case);
    assert_eq!(end.case.status, "follow-up");
    assert_eq!(end.case.closed_on, None);
    assert_eq!(end.assessments.len(), 2);
    for a in &end.assessments {
        assert_eq!(a.evaluate().unwrap().verdict, Verdict::Yes, "{}", a.catalogue);
    }
    let (p, _) = &end.proceedings[0];
    assert_eq!(p.stage, "pre-trial-investigation");
    assert_eq!(p.articles, strings(&["cc1997-128"]));
    assert_eq!((p.outcome.as_deref(), p.decided_on), (None, None), "no outcome yet");
    assert_eq!(end.events.len(), 6);
    assert_eq!(end.tasks.len(), 1);
    assert_eq!(end.case.recruited_at, "Tashkent, Kulyuk");
    assert_eq!(end.case.recruited_country.as_deref(), Some("UZ"), "recruited in Uzbekistan");

    // A sensitive case does not exist outside its team, in another office or in this one.
    assert!(matches!(k.app.case_file(&k.stranger, case), Err(AppError::NotFound)));
    assert!(matches!(k.app.case_file(&k.colleague, case), Err(AppError::NotFound)));
    assert!(matches!(k.app.case_file(&k.operator, case), Err(AppError::NotFound)));
    let note = event(case, day(2010, 10, 7), "other", "x");
    assert!(matches!(k.app.add_event(&k.stranger, note), Err(AppError::NotFound)));
}

/// "A citizen of Israel was in slavery, and after beatings suffered memory loss; his documents
/// had been taken away. When he came to the centre he had been in Kazakhstan illegally for four
/// years without documents. The migration police were to deport him for overstaying. With the
/// help of the centre's staff it was proven that he had been in slavery. His documents were
/// restored and he was returned to his homeland." (translated from the seed's Russian)
fn the_israeli_citizen_held_four_years_is_freed_and_repatriated(store: Store) {
    let k = komek(store);
    let call = appeal(
        day(2008, 2, 11),
        "walk-in",
        "migrant",
        &["documents-taken", "detention-expulsion", "forced-labour-suspicion"],
        "Four years held and beaten; remembers little; no documents; facing deportation.",
    );
    let person = someone("Гражданин Израиля", "IL", "");
    let person = (PersonProfile { vulnerabilities: strings(&["no-documents"]), ..person.0 }, person.1);
    let (appeal_id, him) = first_call(&k, call, person, vec![]);
    let case = k.app.open_case_from_appeal(&k.lawyer, appeal_id, "forced-labour", true).unwrap();
    edit(&k, case, |c| {
        c.victims = vec![presumed(him, day(2008, 2, 12))];
        c.summary = Some("Held four years in slavery, beaten, memory loss, documents taken.".into());
    });

    for (on, kind, text) in [
        (day(2004, 1, 15), "exploitation", "Held and made to work; beaten; documents taken."),
        (day(2008, 2, 1), "escape-release", "Free, four years without documents."),
        (day(2008, 2, 11), "complaint", "Comes to the centre; the migration police mean to deport him."),
    ] {
        k.app.add_event(&k.lawyer, event(case, on, kind, text)).unwrap();
    }

    let fl = assess(
        &k,
        case,
        him,
        &FORCED_LABOUR,
        day(2008, 2, 12),
        &[
            ("fl-wl-limited-freedom", Answer::Yes),       // "was in slavery" for four years
            ("fl-p-violence", Answer::Yes),               // "after beatings"
            ("fl-p-confiscation-documents", Answer::Yes), // "his documents had been taken away"
        ],
    );
    assert_eq!(fl.verdict, Verdict::Yes, "{}", fl.explain());
    assert_decided_by(&fl, &["fl-wl-limited-freedom", "fl-p-violence", "fl-p-confiscation-documents"]);

    // The deportation for overstaying is dropped once he is shown to be a victim.
    let stay_day = day(2008, 2, 5);
    let overstay = article_in_force("coao2001-394", stay_day);
    let deportation = Proceeding {
        outcome: Some("dismissed".into()),
        decided_on: Some(day(2008, 5, 20)),
        ..proceeding(case, "administrative", "migration-police", &[overstay], "closed", stay_day)
    };
    k.app.add_proceeding(&k.lawyer, deportation).unwrap();
    // "It was proven that he had been in slavery." The seed gives no sentence; five years here.
    let opened = day(2008, 2, 20);
    let slavery = proceeding(
        case,
        "criminal",
        "prosecutor",
        &[article_in_force("cc1997-126", opened), article_in_force("cc1997-128", opened)],
        "pre-trial-investigation",
        opened,
    );
    k.app.add_proceeding(&k.lawyer, slavery.clone()).unwrap();
    let version = file(&k, case).proceedings.iter().find(|(p, _)| p.id == slavery.id).unwrap().1;
    let at_trial = Proceeding {
        authority: "court".into(),
        stage: "trial".into(),
        hearings: vec![day(2008, 8, 12), day(2008, 7, 15)],
        ..slavery
    };
    let version = k.app.update_proceeding(&k.lawyer, at_trial.clone(), version).unwrap();
    let decided = Proceeding {
        stage: "decided".into(),
        outcome: Some("sentence".into()),
        decided_on: Some(day(2008, 9, 2)),
        sentence_months: Some(60),
        ..at_trial
    };
    let no_length = Proceeding { sentence_months: None, ..decided.clone() };
    assert!(matches!(k.app.update_proceeding(&k.lawyer, no_length, version), Err(AppError::Invalid(_))));
    k.app.update_proceeding(&k.lawyer, decided, version).unwrap();
    // The court identified him as a victim.
    edit(&k, case, |c| {
        c.victims = vec![VictimStatus {
            person_id: him,
            status: "identified".into(),
            identified_by: Some("prosecutor-court".into()),
            identified_on: Some(day(2008, 9, 2)),
        }]
    });

    k.app.add_service(&k.lawyer, service(case, Some(him), "psychiatric", day(2008, 2, 14), "Memory loss.")).unwrap();
    let documents = service(case, Some(him), "document-restoration", day(2008, 10, 1), "Passport restored.");
    let documents = Service { provider: "Embassy of Israel".into(), ..documents };
    k.app.add_service(&k.lawyer, documents).unwrap();
    let without_destination = service(case, Some(him), "repatriation", day(2008, 10, 20), "Flown home.");
    assert!(matches!(k.app.add_service(&k.lawyer, without_destination.clone()), Err(AppError::Invalid(_))));
    let home = Service { destination_country: Some("IL".into()), ..without_destination };
    k.app.add_service(&k.lawyer, home).unwrap();
    task_done(&k, case, "Ask the embassy for travel documents");

    close(&k, case, &["documents-returned", "returned-home", "sentence"], "person-returned-home");

    let end = file(&k, case);
    assert_eq!(end.case.status, "closed");
    assert_eq!(end.case.outcomes, strings(&["documents-returned", "returned-home", "sentence"]));
    let status = end.case.victim_status(him).unwrap();
    assert_eq!((status.status.as_str(), status.identified_by.as_deref()), ("identified", Some("prosecutor-court")));
    let (criminal, _) = end.proceedings.iter().find(|(p, _)| p.kind == "criminal").unwrap();
    assert_eq!((criminal.stage.as_str(), criminal.outcome.as_deref()), ("decided", Some("sentence")));
    assert_eq!(criminal.sentence_years_months(), Some((5, 0)));
    assert_eq!(criminal.hearings, vec![day(2008, 7, 15), day(2008, 8, 12)], "hearings in order");
    assert_eq!(criminal.articles, strings(&["cc1997-126", "cc1997-128"]));
    let (admin, _) = end.proceedings.iter().find(|(p, _)| p.kind == "administrative").unwrap();
    assert_eq!(admin.outcome.as_deref(), Some("dismissed"));
    for kind in ["psychiatric", "document-restoration", "repatriation"] {
        assert!(end.services.iter().any(|s| s.kind == kind), "{kind}");
    }
    let repatriation = end.services.iter().find(|s| s.kind == "repatriation").unwrap();
    assert_eq!(repatriation.destination_country.as_deref(), Some("IL"));

    assert!(matches!(k.app.case_file(&k.stranger, case), Err(AppError::NotFound)));
    let actions = audited(&k, case);
    assert!(actions.iter().filter(|a| *a == "update").count() >= 3, "{actions:?}");
}

/// "One migrant from Kyrgyzstan, Azamat, complained that his employer would not give him leave
/// and withheld his salary. He tried to quit because he was not satisfied with the work
/// conditions. According to Azamat, at the time he appealed for help, the farmer owed him
/// 300,000 tenge. The conflict was resolved after our visit and demands to pay his salary.
/// Azamat received 150,000 tenge right away and 150,000 after the harvest." (FIDH, 2017)
fn azamat_is_paid_his_300000_tenge_in_two_parts(store: Store) {
    let k = komek(store);
    let call = appeal(day(2017, 7, 3), "hotline-phone", "migrant", &["wages-unpaid"], "Farmer owes 300,000 tenge.");
    let call = Appeal {
        occupation: Some("agricultural-worker".into()),
        sector: Some("agriculture".into()),
        work_region: Some("almaty".into()),
        ..call
    };
    let (appeal_id, azamat) =
        first_call(&k, call, someone("Азамат", "KG", ""), vec![(party("person", "Фермер"), "employer")]);
    let case = k.app.open_case_from_appeal(&k.lawyer, appeal_id, "unpaid-wages", false).unwrap();
    edit(&k, case, |c| {
        c.victims = vec![VictimStatus {
            person_id: azamat,
            status: "unknown".into(),
            identified_by: None,
            identified_on: None,
        }];
        c.recruited_country = Some("KG".into());
        c.summary = Some("No leave given, salary withheld; the farmer owes 300,000 tenge.".into());
    });
    for (on, kind, text) in [
        (day(2017, 7, 3), "complaint", "Azamat asks for help: 300,000 tenge owed."),
        (day(2017, 7, 10), "contact", "Our visit to the farm; we demand his salary."),
    ] {
        k.app.add_event(&k.lawyer, event(case, on, kind, text)).unwrap();
    }

    // Wages withheld is a penalty; whether he was also kept from leaving the seed does not say.
    let fl = assess(&k, case, azamat, &FORCED_LABOUR, day(2017, 7, 3), &[("fl-p-withholding-wages", Answer::Yes)]);
    assert_ne!(fl.verdict, Verdict::Yes);
    assert_eq!(fl.verdict, Verdict::NotEnoughInformation, "{}", fl.explain());
    assert!(fl.decided_by.is_empty());
    assert!(fl.to_ask.contains(&"fl-il-no-freedom-to-resign") && fl.to_ask.contains(&"fl-il-waiting-for-wages"));
    assert!(fl.to_ask.iter().all(|code| !code.starts_with("fl-p-")), "a penalty is already found: {:?}", fl.to_ask);

    // "Azamat received 150,000 tenge right away and 150,000 after the harvest."
    let right_away = Service {
        amount_claimed: Some(kzt(300_000)),
        amount_recovered: Some(kzt(150_000)),
        ..service(case, Some(azamat), "wage-recovery", day(2017, 7, 10), "Half paid at once.")
    };
    k.app.add_service(&k.lawyer, right_away).unwrap();
    task_done(&k, case, "Remind the farmer of the second 150,000 after the harvest");
    let after_harvest = Service {
        amount_recovered: Some(kzt(150_000)),
        ..service(case, Some(azamat), "wage-recovery", day(2017, 10, 20), "The rest, after the harvest.")
    };
    k.app.add_service(&k.lawyer, after_harvest).unwrap();
    let negative =
        Service { amount_recovered: Some(kzt(-1)), ..service(case, None, "wage-recovery", day(2017, 10, 20), "") };
    assert!(matches!(k.app.add_service(&k.lawyer, negative), Err(AppError::Invalid(_))));

    close(&k, case, &["wages-paid"], "goals-achieved");

    let end = file(&k, case);
    assert_eq!((end.case.status.as_str(), end.case.closing_reason.as_deref()), ("closed", Some("goals-achieved")));
    assert_eq!(end.case.outcomes, strings(&["wages-paid"]));
    let wages: Vec<Service> = end.services.iter().filter(|s| s.kind == "wage-recovery").cloned().collect();
    assert_eq!(wages.len(), 2);
    let claimed: i64 = wages.iter().filter_map(|s| s.amount_claimed).map(|m| m.minor).sum();
    assert_eq!(claimed, kzt(300_000).minor);
    assert_eq!(recovered(&wages), kzt(300_000));
    assert!(end.proceedings.is_empty(), "resolved without a proceeding");
    assert_eq!(end.assessments[0].evaluate().unwrap().verdict, Verdict::NotEnoughInformation);
    assert!(end.tasks.iter().all(|t| t.done_on.is_some()));
    assert!(k.app.my_tasks(&k.lawyer, 10).unwrap().is_empty(), "nothing left to do");
}

/// Two lawyers open the same case; the one who saves second is told, and nothing is lost.
fn two_lawyers_editing_one_case_never_overwrite_each_other(store: Store) {
    let k = komek(store);
    let call = appeal(day(2008, 10, 20), "walk-in", "migrant", &["wages-unpaid"], "Unpaid in the vineyards.");
    let (appeal_id, person) = first_call(&k, call, someone("Александр", "UZ", ""), vec![]);
    let case = k.app.open_case_from_appeal(&k.lawyer, appeal_id, "unpaid-wages", false).unwrap();
    edit(&k, case, |c| c.team = vec![id(&k.colleague)]);

    let mine = k.app.case_file(&k.lawyer, case).unwrap();
    let theirs = k.app.case_file(&k.colleague, case).unwrap();
    assert_eq!(mine.version, theirs.version);

    let mut first = mine.case.clone();
    first.exploited_place = Some("vineyard".into());
    first.recruited_country = Some("UZ".into());
    first.victims = vec![presumed(person, day(2008, 10, 21))];
    let saved = k.app.update_case(&k.lawyer, first, mine.version).unwrap();
    assert_eq!(saved, mine.version + 1);

    let mut second = theirs.case.clone();
    second.recruited_at = "Samarkand".into();
    second.summary = Some("Rewritten by the second lawyer.".into());
    assert!(matches!(k.app.update_case(&k.colleague, second.clone(), theirs.version), Err(AppError::Conflict)));

    let now = file(&k, case);
    assert_eq!(now.version, saved);
    assert_eq!(now.case.exploited_place.as_deref(), Some("vineyard"), "the first save is intact");
    assert_eq!(now.case.victims, vec![presumed(person, day(2008, 10, 21))]);
    assert_eq!(now.case.recruited_at, "");
    assert_eq!(now.case.summary.as_deref(), Some(""));

    // Read again, the second lawyer's change goes in on top of the first.
    let again = k.app.case_file(&k.colleague, case).unwrap();
    let mut second = again.case.clone();
    second.recruited_at = "Samarkand".into();
    k.app.update_case(&k.colleague, second, again.version).unwrap();
    let both = file(&k, case);
    assert_eq!(
        (both.case.exploited_place.as_deref(), both.case.recruited_at.as_str()),
        (Some("vineyard"), "Samarkand")
    );
    assert_eq!(both.case.recruited_country.as_deref(), Some("UZ"), "the first lawyer's country is kept");
    assert_eq!(both.version, saved + 1);
}

komek_store::on_both_back_ends!(
    h_recruited_for_the_cotton_fields_is_in_forced_labour_and_is_brought_home,
    alexander_and_his_brother_get_documents_and_wages_through_mediation,
    husan_recruited_in_tashkent_is_identified_as_forced_labour_and_trafficking,
    the_israeli_citizen_held_four_years_is_freed_and_repatriated,
    azamat_is_paid_his_300000_tenge_in_two_parts,
    two_lawyers_editing_one_case_never_overwrite_each_other,
);
