//! Consent and referrals through the services, on both back ends, told with Husan's story from
//! the seed: recruited in Tashkent for work in Kazakhstan, identified as a victim of forced
//! labour, he agrees to share who he is and what happened to him with the police's
//! organised-crime unit and with IOM, but not his health; he is referred to both, the police
//! accept, IOM brings him home; he then withdraws his consent for IOM.

use chrono::NaiveDate;
use komek_app::appeals::IntakePerson;
use komek_app::referrals::{
    CasesToExport, ExportTo, IncomingReferral, NewConsent, NewReferral, NextStep, Opens, allowed_fields,
};
use komek_app::{Actor, App, AppError, AppResult, Keys, MasterKey, Settings};
use komek_domain::casework::{Assessment, IndicatorAnswer};
use komek_domain::entities::{Case, PersonIdentity, PersonProfile};
use komek_domain::indicators::{Answer, FORCED_LABOUR, Source};
use komek_domain::referrals::{Direction, FocalPoint, Partner, PartnerContacts, Recipient, SharingRefused};
use komek_domain::{ConsentId, PartnerId, PersonId, Role, ValidationError};
use komek_store::repo::referrals::ReferralsOf;
use komek_store::{Store, params};

komek_store::on_both_back_ends!(
    husan_consents_is_referred_to_the_police_and_iom_and_withdraws_his_consent_for_iom,
    sharing_without_consent_takes_a_manager_and_a_reason_that_is_reviewed,
    a_referral_moves_only_forward_at_the_version_read_and_out_of_reach_is_not_there,
    a_partner_sends_someone_and_the_person_case_or_appeal_and_referral_are_made_at_once,
    his_citizenships_recruitment_means_of_control_and_places_are_recorded_and_exported,
);

struct Centre {
    app: App,
    manager: Actor,
    lawyer: Actor,
    far_lawyer: Actor,
    police: PartnerId,
    iom: PartnerId,
    husan: PersonId,
    today: NaiveDate,
}

fn partner(name: &str, kind: &str) -> Partner {
    Partner {
        id: PartnerId::new(),
        name: name.into(),
        kind: kind.into(),
        country: "KZ".into(),
        regions: vec![],
        services: vec!["legal-consultation".into(), "repatriation".into()],
        languages: vec!["ru".into()],
        working_hours: "9–18".into(),
        active: true,
        contacts: Some(PartnerContacts {
            focal_points: vec![FocalPoint { name: "Дежурный".into(), ..Default::default() }],
            ..Default::default()
        }),
        updated_at: chrono::Utc::now(),
    }
}

fn centre(store: Store) -> Centre {
    let keys = Keys::load_or_create(&store, &MasterKey::generate()).unwrap();
    let app = App::new(store, keys, Settings::default());
    let hq = app.create_office(&Actor::System, "hq", "Shymkent", 300).unwrap();
    let away = app.create_office(&Actor::System, "saryagash", "Saryagash", 300).unwrap();
    let staff = |name: &str, role, office| {
        Actor::Staff(app.create_account(&Actor::System, name, name, role, office, "ru").unwrap().account)
    };
    let manager = staff("gulnara", Role::Manager, hq.id);
    let lawyer = staff("shakhnoza", Role::Lawyer, hq.id);
    let far_lawyer = staff("bakhyt", Role::Lawyer, away.id);
    let police =
        app.add_partner(&manager, partner("ДП Туркестанской области, отдел по борьбе с ОП", "police")).unwrap();
    let iom = app.add_partner(&manager, partner("IOM Kazakhstan", "international-organisation")).unwrap();
    let profile = PersonProfile {
        sex: "male".into(),
        citizenship: "UZ".into(),
        age_band: "30-38".into(),
        home_region: "Ташкент".into(),
        ..Default::default()
    };
    let identity = PersonIdentity { full_name: "Абдуллаев Хусан".into(), ..Default::default() };
    let husan = app.register_person(&lawyer, None, profile, identity).unwrap();
    let today = app.today(&lawyer).unwrap();
    Centre { app, manager, lawyer, far_lawyer, police, iom, husan, today }
}

/// Identity and the story of his case, to the police and to IOM, for an investigation and
/// for his return; not his health.
fn husans_consent(c: &Centre) -> ConsentId {
    let consent = NewConsent {
        given_on: c.today,
        method: "signed-form".into(),
        recipients: vec![Recipient::Partner(c.police), Recipient::Partner(c.iom)],
        purposes: vec!["investigation".into(), "return-reintegration".into()],
        categories: vec!["identity".into(), "case-narrative".into()],
        expires_on: None,
        note: "Read to him in Uzbek; he signed in the office.".into(),
    };
    c.app.record_consent(&c.lawyer, c.husan, consent).unwrap()
}

fn referral(c: &Centre, partner: PartnerId, purpose: &str, consent: Option<ConsentId>, fields: &[&str]) -> NewReferral {
    NewReferral {
        person_id: c.husan,
        case_id: None,
        appeal_id: None,
        partner_id: partner,
        purpose: purpose.into(),
        services: vec![if purpose == "investigation" { "legal-consultation" } else { "repatriation" }.into()],
        urgency: "urgent".into(),
        reply_due_on: Some(c.today),
        fields: fields.iter().map(|f| f.to_string()).collect(),
        consent_id: consent,
        override_reason: None,
        made_on: None,
    }
}

fn audit_details(app: &App, action: &str) -> Vec<String> {
    audit_of(app, "referral", action)
}

fn audit_of(app: &App, kind: &str, action: &str) -> Vec<String> {
    app.store()
        .read(|tx| {
            tx.query(
                "SELECT detail FROM audit_log WHERE record_kind = $1 AND action = $2 ORDER BY seq",
                params![kind, action],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect()
        })
        .unwrap()
}

/// Checks an export's JSON against the standard's own field list (the test data kept with
/// the domain crate): every field is one of the standard's, or the exchange key; every code
/// of a pick list with listed codes is one of them.
fn assert_valid_htcds(export: &serde_json::Value) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../domain/tests/data/htcds/fields-2.0.json");
    let list: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let fields = list["fields"].as_array().unwrap();
    let records = export["records"].as_array().unwrap();
    assert!(!records.is_empty());
    for record in records {
        for (name, value) in record.as_object().unwrap() {
            if name == "komek_CaseNumber" {
                continue;
            }
            let field = fields.iter().find(|f| f["name"] == name.as_str());
            let field = field.unwrap_or_else(|| panic!("{name} is not a field of the standard"));
            let codes: Vec<&str> =
                field["values"].as_array().into_iter().flatten().filter_map(|v| v["code"].as_str()).collect();
            if codes.is_empty() {
                continue;
            }
            let written: Vec<&str> = match value {
                serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_str()).collect(),
                other => other.as_str().into_iter().collect(),
            };
            for code in written {
                assert!(codes.contains(&code), "{name}: {code} is not one of {codes:?}");
            }
        }
    }
}

/// Message ids as the words: the letter's labels read as the ids they come from.
fn ids(id: &str) -> String {
    id.to_owned()
}

/// Moves a referral on to `status` on `on`, at `version`.
fn moved(
    c: &Centre,
    actor: &Actor,
    id: komek_domain::ReferralId,
    version: i64,
    status: &str,
    on: NaiveDate,
) -> Result<(), AppError> {
    let next = NextStep { status: status.into(), on, note: String::new() };
    c.app.move_referral(actor, id, version, &next, &ids)
}

/// Moves a referral on to `status`, at the version its file shows.
fn step(c: &Centre, id: komek_domain::ReferralId, status: &str, note: &str) {
    let file = c.app.referral_file(&c.lawyer, id).unwrap();
    let next = NextStep { status: status.into(), on: c.today, note: note.into() };
    c.app.move_referral(&c.lawyer, id, file.version, &next, &ids).unwrap();
}

fn husan_consents_is_referred_to_the_police_and_iom_and_withdraws_his_consent_for_iom(store: Store) {
    let c = centre(store);
    // A case for him, as the case desk opens one.
    let case = Case {
        persons: vec![c.husan],
        ..Case::opened(Default::default(), "trafficking-labour", c.lawyer.account_id().unwrap(), c.today)
    };
    let case = c.app.open_case(&c.lawyer, case).unwrap();
    let consent = husans_consent(&c);
    let consents = c.app.consents(&c.lawyer, c.husan).unwrap();
    assert_eq!(consents[0].note.as_deref(), Some("Read to him in Uzbek; he signed in the office."));

    // The police: who he is and what happened, for the investigation.
    let to_police = NewReferral {
        case_id: Some(case),
        ..referral(
            &c,
            c.police,
            "investigation",
            Some(consent),
            &["full-name", "birth-date", "citizenship", "case-summary"],
        )
    };
    let police = c.app.make_referral(&c.lawyer, Direction::Outgoing, to_police).unwrap();
    // The letter carries exactly the fields asked, addressed to the police's focal point.
    let letter = c.app.referral_letter(&c.lawyer, police, &ids).unwrap();
    let labels: Vec<&str> = letter.particulars.iter().map(|(label, _)| label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "referral-field-full-name",
            "referral-field-birth-date",
            "referral-field-citizenship",
            "referral-field-case-summary"
        ]
    );
    assert_eq!(letter.particulars[0].1, "Абдуллаев Хусан");
    assert_eq!(letter.particulars[1].1, "letter-not-recorded", "no birth date is known");
    assert_eq!(letter.addressee[1], "Дежурный");
    assert!(letter.to_pdf().unwrap().starts_with(b"%PDF-"));
    step(&c, police, "sent", "");
    // What was sent is filed into the case's evidence.
    let evidence = c.app.case_file(&c.lawyer, case).unwrap().evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].name, format!("{}.pdf", letter.number));
    step(&c, police, "accepted", "Уголовное дело возбуждено по ст. 128 УК РК.");
    let file = c.app.referral_file(&c.lawyer, police).unwrap();
    assert_eq!(file.referral.status, "accepted");
    assert!(file.referral.number.starts_with("R-"), "{}", file.referral.number);
    let statuses: Vec<&str> = file.steps.iter().map(|s| s.status.as_str()).collect();
    assert_eq!(statuses, ["draft", "sent", "accepted"]);
    assert_eq!(file.steps[2].note.as_deref(), Some("Уголовное дело возбуждено по ст. 128 УК РК."));

    // IOM: his health is not his to share with them, so the form offers only the rest…
    let iom_partner = c.app.partner_file(&c.lawyer, c.iom).unwrap().partner;
    let allowed = allowed_fields(&consents[0], &iom_partner, "return-reintegration", c.today);
    assert!(allowed.contains(&"full-name") && allowed.contains(&"case-summary"));
    assert!(!allowed.contains(&"vulnerabilities") && !allowed.contains(&"phones"));
    // … and the service refuses it too, naming the field and the consent.
    let with_health = referral(&c, c.iom, "return-reintegration", Some(consent), &["full-name", "vulnerabilities"]);
    let refused = c.app.make_referral(&c.lawyer, Direction::Outgoing, with_health).unwrap_err();
    let AppError::NotConsented { consent: named, refused: why } = &refused else { panic!("{refused:?}") };
    assert_eq!(*named, consent);
    assert!(
        matches!(why, SharingRefused::FieldNotCovered { field, category, .. } if field == "vulnerabilities" && category == "health")
    );
    assert!(refused.to_string().contains("\"vulnerabilities\""), "{refused}");

    let to_iom =
        referral(&c, c.iom, "return-reintegration", Some(consent), &["full-name", "citizenship", "case-summary"]);
    let iom = c.app.make_referral(&c.lawyer, Direction::Outgoing, to_iom).unwrap();
    for status in ["sent", "accepted", "services-delivered"] {
        step(&c, iom, status, "");
    }
    // Sending is recorded as what went to whom under which consent, with the fingerprint of
    // the letter that went; the letter is kept as it went, though this referral has no case.
    let shared = audit_details(&c.app, "export");
    assert_eq!(shared.len(), 2);
    let (kept, pdf) = c.app.sent_letter(&c.lawyer, iom).unwrap();
    assert!(pdf.starts_with(b"%PDF") && kept.size == pdf.len() as i64);
    use sha2::Digest;
    assert_eq!(kept.sha256, hex::encode(sha2::Sha256::digest(&pdf)));
    assert_eq!(
        shared[1],
        format!(
            "shared with partner {}: full-name, citizenship, case-summary under consent {consent}; letter sha256 {}",
            c.iom, kept.sha256
        )
    );
    assert_eq!(c.app.referral_file(&c.lawyer, iom).unwrap().sent_letter, Some(kept));
    assert!(matches!(c.app.sent_letter(&c.far_lawyer, iom), Err(AppError::NotFound)), "out of reach");
    let his = c.app.referrals(&c.lawyer, ReferralsOf::Person(c.husan)).unwrap();
    assert_eq!(his.len(), 2);

    // His case in HTCDS for IOM, for his return: his record validates against the standard's
    // field list and carries nothing of his health, though his assessment holds some.
    let answers = [("fl-ur-deceptive-recruitment", Answer::Yes), ("fl-wl-induced-addiction", Answer::Yes)];
    let assessment = Assessment {
        id: komek_domain::AssessmentId::new(),
        case_id: case,
        person_id: c.husan,
        catalogue: FORCED_LABOUR.id.into(),
        edition: FORCED_LABOUR.edition.into(),
        assessed_on: c.today,
        assessor_id: None,
        minor: false,
        answers: answers
            .iter()
            .map(|(indicator, answer)| IndicatorAnswer {
                indicator: (*indicator).into(),
                answer: *answer,
                source: Some(Source::Interview),
                noted_on: None,
            })
            .collect(),
    };
    c.app.add_assessment(&c.lawyer, assessment).unwrap();
    let to_iom = ExportTo { partner_id: c.iom, purpose: "return-reintegration".into() };
    let preview = c.app.export_preview(&c.lawyer, case, Some(&to_iom)).unwrap();
    assert!(matches!(&preview.coverage[0].consent, Ok(k) if k.id == consent), "{preview:?}");
    let export = c.app.htcds_export(&c.lawyer, CasesToExport::One(case), &to_iom).unwrap();
    assert_eq!((export.records.len(), export.left_out.len()), (1, 0));
    let record = &export.records[0];
    assert!(!record.categories().contains("health"), "{:?}", record.categories());
    let json = komek_domain::htcds::to_json(&export.records);
    assert_valid_htcds(&json);
    let methods = &json["records"][0]["vic_MethodsOfControl"];
    assert_eq!(methods, &serde_json::json!(["FalsePromises"]), "an induced addiction is health data");
    assert_eq!(json["records"][0]["prs_SecondName"], "Абдуллаев Хусан");
    assert_eq!(json["records"][0]["con_Consent"], true);
    let shared = audit_of(&c.app, "case", "export");
    assert_eq!(shared.len(), 1);
    assert!(shared[0].contains(&format!("shared with partner {}: ", c.iom)), "{}", shared[0]);
    assert!(shared[0].ends_with(&format!("under consent {consent}")) && !shared[0].contains("health"));
    // Not to a shelter he did not name: nothing goes, and the export says why.
    let shelter = c.app.add_partner(&c.manager, partner("Приют «Забота»", "shelter")).unwrap();
    let to_shelter = ExportTo { partner_id: shelter, purpose: "return-reintegration".into() };
    let none = c.app.htcds_export(&c.lawyer, CasesToExport::One(case), &to_shelter).unwrap();
    assert!(none.records.is_empty());
    assert!(matches!(none.left_out[0].why, Some(SharingRefused::RecipientNotCovered { .. })), "{none:?}");
    // The period's export is the same case; another office's lawyer meets no case of it.
    let period = CasesToExport::OpenedBetween(c.today, c.today);
    assert_eq!(c.app.htcds_export(&c.lawyer, period, &to_iom).unwrap().records, export.records);
    assert!(matches!(c.app.htcds_export(&c.far_lawyer, CasesToExport::One(case), &to_iom), Err(AppError::NotFound)));
    assert!(c.app.htcds_export(&c.far_lawyer, period, &to_iom).unwrap().records.is_empty());
    assert_eq!(c.app.referrals(&c.lawyer, ReferralsOf::Case(case)).unwrap().len(), 1);

    // A second referral to IOM is being prepared when he withdraws his consent: it stops.
    let follow_up = referral(&c, c.iom, "return-reintegration", Some(consent), &["full-name"]);
    let draft = c.app.make_referral(&c.lawyer, Direction::Outgoing, follow_up.clone()).unwrap();
    let stopped = c.app.withdraw_consent(&c.lawyer, consent, c.today).unwrap();
    assert_eq!(stopped, [draft]);
    assert_eq!(c.app.referral_file(&c.lawyer, draft).unwrap().referral.status, "withdrawn");
    assert_eq!(c.app.referral_file(&c.lawyer, police).unwrap().referral.status, "accepted", "what went, went");
    // A withdrawn referral has no letter to print; the one that went still has its own.
    let words = |id: &str| id.to_owned();
    assert!(matches!(c.app.referral_letter(&c.lawyer, draft, &words), Err(AppError::NotFound)));
    assert!(c.app.referral_letter(&c.lawyer, police, &words).is_ok());
    let refused = c.app.make_referral(&c.lawyer, Direction::Outgoing, follow_up).unwrap_err();
    assert!(matches!(refused, AppError::NotConsented { refused: SharingRefused::Withdrawn { .. }, .. }), "{refused:?}");
    let after = c.app.htcds_export(&c.lawyer, CasesToExport::One(case), &to_iom).unwrap();
    assert!(after.records.is_empty());
    assert!(matches!(after.left_out[0].why, Some(SharingRefused::Withdrawn { .. })), "{after:?}");
    // A withdrawal is recorded once.
    assert!(matches!(c.app.withdraw_consent(&c.lawyer, consent, c.today), Err(AppError::Invalid(_))));
}

fn sharing_without_consent_takes_a_manager_and_a_reason_that_is_reviewed(store: Store) {
    let c = centre(store);
    let bare = referral(&c, c.police, "protection", None, &["full-name", "phones"]);
    let Err(AppError::Invalid(errors)) = c.app.make_referral(&c.lawyer, Direction::Outgoing, bare.clone()) else {
        panic!("a referral without consent is refused")
    };
    assert_eq!(errors, [ValidationError::Required { field: "consent_id" }]);
    let overridden = NewReferral {
        override_reason: Some("Угроза жизни: работодатель ищет его.".into()), ..bare
    };
    assert!(matches!(
        c.app.make_referral(&c.lawyer, Direction::Outgoing, overridden.clone()),
        Err(AppError::Forbidden)
    ));
    let id = c.app.make_referral(&c.manager, Direction::Outgoing, overridden).unwrap();
    let reviews = c.app.break_glass_reviews(&c.manager).unwrap();
    assert!(
        reviews.iter().any(|r| r.record_kind == "referral"
            && r.record_id == id.to_string()
            && r.reason == "Угроза жизни: работодатель ищет его."),
        "{reviews:?}"
    );
    let file = c.app.referral_file(&c.manager, id).unwrap();
    assert_eq!(file.referral.override_reason.as_deref(), Some("Угроза жизни: работодатель ищет его."));

    // An inactive partner cannot be chosen, though a consent given before names it.
    let consent = husans_consent(&c);
    let read = c.app.partner_file(&c.manager, c.iom).unwrap();
    c.app.update_partner(&c.manager, Partner { active: false, ..read.partner }, read.version).unwrap();
    let to_iom = referral(&c, c.iom, "return-reintegration", Some(consent), &["full-name"]);
    let Err(AppError::Invalid(errors)) = c.app.make_referral(&c.lawyer, Direction::Outgoing, to_iom) else {
        panic!("an inactive partner is refused")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "partner_id" }]);
    // Nor named in a consent, nor taken in from; and a consent names each recipient once and
    // only partners of the directory.
    let naming = |recipients: Vec<Recipient>| NewConsent {
        given_on: c.today,
        method: "signed-form".into(),
        recipients,
        purposes: vec!["investigation".into()],
        categories: vec!["identity".into()],
        ..Default::default()
    };
    let invalid_recipients = |recipients| {
        let refused = c.app.record_consent(&c.lawyer, c.husan, naming(recipients)).unwrap_err();
        matches!(refused, AppError::Invalid(errors) if errors == [ValidationError::Invalid { field: "recipients" }])
    };
    assert!(invalid_recipients(vec![Recipient::Partner(c.iom)]), "inactive");
    assert!(invalid_recipients(vec![Recipient::Partner(PartnerId::new())]), "not in the directory");
    assert!(invalid_recipients(vec![Recipient::Kind("ngo".into()), Recipient::Kind("ngo".into())]), "twice");
    let incoming = IncomingReferral {
        partner_id: c.iom,
        received_on: c.today,
        purpose: "protection".into(),
        services: vec!["shelter".into()],
        urgency: "urgent".into(),
        reply_due_on: None,
        letter: String::new(),
        person: IntakePerson::Known(c.husan),
        opens: Opens::Appeal { channel: "email".into(), topics: vec!["wages-unpaid".into()] },
    };
    let Err(AppError::Invalid(errors)) = c.app.receive_referral(&c.lawyer, incoming) else {
        panic!("an inactive partner sends no one in")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "partner_id" }]);
    let to_inactive = ExportTo { partner_id: c.iom, purpose: "return-reintegration".into() };
    let case = c.app.open_case(
        &c.lawyer,
        Case {
            persons: vec![c.husan],
            ..Case::opened(Default::default(), "trafficking-labour", c.lawyer.account_id().unwrap(), c.today)
        },
    );
    assert!(matches!(c.app.export_preview(&c.lawyer, case.unwrap(), Some(&to_inactive)), Err(AppError::NotFound)));
    // A consent is the person's own: another's does not cover him.
    let bermet = PersonProfile {
        sex: "female".into(),
        citizenship: "KG".into(),
        age_band: "21-23".into(),
        home_region: "Ош".into(),
        ..Default::default()
    };
    let identity = PersonIdentity { full_name: "Осмонова Бермет".into(), ..Default::default() };
    let other = c.app.register_person(&c.lawyer, None, bermet, identity).unwrap();
    let hers =
        NewReferral { person_id: other, ..referral(&c, c.police, "investigation", Some(consent), &["full-name"]) };
    let Err(AppError::Invalid(errors)) = c.app.make_referral(&c.lawyer, Direction::Outgoing, hers) else {
        panic!("another person's consent is refused")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "consent_id" }]);
}

fn a_referral_moves_only_forward_at_the_version_read_and_out_of_reach_is_not_there(store: Store) {
    let c = centre(store);
    let consent = husans_consent(&c);
    let id = c
        .app
        .make_referral(
            &c.lawyer,
            Direction::Outgoing,
            referral(&c, c.police, "investigation", Some(consent), &["full-name"]),
        )
        .unwrap();
    // From an appeal: one the lawyer sees about him, not another office's nor one that is not
    // there; both answer alike.
    let appeal = |actor: &Actor, person| {
        let appeal = komek_domain::entities::Appeal {
            person_id: person,
            topics: vec!["wages-unpaid".into()],
            ..komek_domain::entities::Appeal::received(
                Default::default(),
                Default::default(),
                chrono::Utc::now(),
                "hotline-phone",
                "migrant",
                "advised",
            )
        };
        c.app.register_appeal(actor, appeal).unwrap()
    };
    let from = |appeal| NewReferral {
        appeal_id: Some(appeal),
        ..referral(&c, c.police, "investigation", Some(consent), &["full-name"])
    };
    let far_appeal = appeal(&c.far_lawyer, None);
    let refused = |appeal| c.app.make_referral(&c.lawyer, Direction::Outgoing, from(appeal)).unwrap_err();
    assert!(matches!(refused(far_appeal), AppError::NotFound));
    assert!(matches!(refused(komek_domain::AppealId::new()), AppError::NotFound));
    assert!(matches!(refused(appeal(&c.lawyer, None)), AppError::NotFound), "an appeal about someone else");
    c.app.make_referral(&c.lawyer, Direction::Outgoing, from(appeal(&c.lawyer, Some(c.husan)))).unwrap();

    let read = c.app.referral_file(&c.lawyer, id).unwrap();
    let Err(AppError::Invalid(errors)) = moved(&c, &c.lawyer, id, read.version, "accepted", c.today) else {
        panic!("a draft is not accepted before it is sent")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "status" }]);
    moved(&c, &c.lawyer, id, read.version, "sent", c.today).unwrap();
    let late = moved(&c, &c.lawyer, id, read.version, "withdrawn", c.today);
    assert!(matches!(late, Err(AppError::Conflict)));
    let tomorrow = c.today.succ_opt().unwrap();
    let Err(AppError::Invalid(errors)) = moved(&c, &c.lawyer, id, read.version + 1, "received", tomorrow) else {
        panic!("a step is not dated in the future")
    };
    assert_eq!(errors, [ValidationError::Future { field: "on" }]);
    let yesterday = c.today.pred_opt().unwrap();
    let Err(AppError::Invalid(errors)) = moved(&c, &c.lawyer, id, read.version + 1, "received", yesterday) else {
        panic!("received before it was sent")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "on" }]);
    let due_before = NewReferral {
        reply_due_on: Some(yesterday),
        ..referral(&c, c.police, "investigation", Some(consent), &["full-name"])
    };
    let Err(AppError::Invalid(errors)) = c.app.make_referral(&c.lawyer, Direction::Outgoing, due_before) else {
        panic!("a reply due before the referral is made")
    };
    assert_eq!(errors, [ValidationError::Invalid { field: "reply_due_on" }]);

    // A lawyer of another office meets nothing: not the referral, not the person's consents.
    assert!(matches!(c.app.referral_file(&c.far_lawyer, id), Err(AppError::NotFound)));
    assert!(matches!(c.app.consents(&c.far_lawyer, c.husan), Err(AppError::NotFound)));
    assert!(matches!(c.app.withdraw_consent(&c.far_lawyer, consent, c.today), Err(AppError::NotFound)));
    let theirs = referral(&c, c.police, "investigation", Some(consent), &["full-name"]);
    assert!(matches!(c.app.make_referral(&c.far_lawyer, Direction::Outgoing, theirs), Err(AppError::NotFound)));
    assert!(matches!(moved(&c, &c.far_lawyer, id, read.version + 1, "received", c.today), Err(AppError::NotFound)));

    // Declined, it is no longer under way: the desk lists it apart until it is closed.
    let listed = |list: AppResult<Vec<komek_domain::referrals::Referral>>| {
        list.unwrap().iter().map(|r| r.id).collect::<Vec<_>>()
    };
    let under_way = |actor: &Actor| listed(c.app.referrals_under_way(actor, 10));
    let declined = |actor: &Actor| listed(c.app.referrals_declined(actor, 10));
    assert!(under_way(&c.lawyer).contains(&id) && declined(&c.lawyer).is_empty());
    moved(&c, &c.lawyer, id, read.version + 1, "declined", c.today).unwrap();
    assert!(!under_way(&c.lawyer).contains(&id));
    assert_eq!(declined(&c.lawyer), [id]);
    assert!(declined(&c.far_lawyer).is_empty(), "another office's");
    moved(&c, &c.lawyer, id, read.version + 2, "closed", c.today).unwrap();
    assert!(declined(&c.lawyer).is_empty() && !under_way(&c.lawyer).contains(&id));
}

/// IOM sends a woman found at the border: she is registered, a case opened and the referral
/// recorded as received in one step; a known person sent by the police gets an appeal; a
/// refused intake saves nothing at all.
fn a_partner_sends_someone_and_the_person_case_or_appeal_and_referral_are_made_at_once(store: Store) {
    let c = centre(store);
    let persons_before = c.app.store().read(komek_store::repo::persons::count).unwrap();
    let from_iom = |person: IntakePerson, opens: Opens| IncomingReferral {
        partner_id: c.iom,
        received_on: c.today,
        purpose: "protection".into(),
        services: vec!["shelter".into(), "legal-consultation".into()],
        urgency: "urgent".into(),
        reply_due_on: Some(c.today),
        letter: "Задержана на КПП «Жибек жолы», паспорт у работодателя.".into(),
        person,
        opens,
    };
    let new_woman = IntakePerson::New {
        profile: PersonProfile { sex: "female".into(), citizenship: "TJ".into(), ..Default::default() },
        identity: PersonIdentity { full_name: "Рахимова Мадина".into(), ..Default::default() },
    };
    // Refused for every part at once, nothing saved.
    let broken = IncomingReferral {
        received_on: c.today + chrono::Days::new(3),
        services: vec![],
        ..from_iom(new_woman.clone(), Opens::Appeal { channel: "email".into(), topics: vec![] })
    };
    let Err(AppError::Invalid(problems)) = c.app.receive_referral(&c.lawyer, broken) else { panic!() };
    let fields: Vec<&str> = problems.iter().map(|p| p.field()).collect();
    for field in ["received_on", "services", "topics"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert_eq!(c.app.store().read(komek_store::repo::persons::count).unwrap(), persons_before);

    let opens_case = Opens::Case { kind: "trafficking-labour".into(), sensitive: true };
    let received = c.app.receive_referral(&c.lawyer, from_iom(new_woman, opens_case)).unwrap();
    let case = c.app.case_file(&c.lawyer, received.case_id.unwrap()).unwrap();
    assert_eq!(case.case.persons, [received.person_id]);
    assert!(case.case.sensitive);
    let file = c.app.referral_file(&c.lawyer, received.referral_id).unwrap();
    assert_eq!((file.referral.direction, file.referral.status.as_str()), (Direction::Incoming, "received"));
    let words = |id: &str| id.to_owned();
    let letter = c.app.referral_letter(&c.lawyer, received.referral_id, &words);
    assert!(matches!(letter, Err(AppError::NotFound)), "we write no letter for what a partner sent us");
    assert_eq!(file.referral.case_id, received.case_id);
    assert_eq!(file.steps[0].note.as_deref(), Some("Задержана на КПП «Жибек жолы», паспорт у работодателя."));
    let person = c.app.person(&c.lawyer, received.person_id).unwrap();
    assert_eq!(person.identity.unwrap().full_name, "Рахимова Мадина");
    // The sensitive case keeps her from another office's lawyer, referral and all.
    assert!(matches!(c.app.referral_file(&c.far_lawyer, received.referral_id), Err(AppError::NotFound)));

    // The police send Husan, already known: an appeal in the register, pending.
    let from_police = IncomingReferral {
        partner_id: c.police,
        ..from_iom(
            IntakePerson::Known(c.husan),
            Opens::Appeal { channel: "email".into(), topics: vec!["forced-labour-suspicion".into()] },
        )
    };
    let received = c.app.receive_referral(&c.lawyer, from_police).unwrap();
    assert_eq!(received.person_id, c.husan);
    let appeal = c.app.appeal(&c.lawyer, received.appeal_id.unwrap()).unwrap().appeal;
    assert_eq!((appeal.contact.as_str(), appeal.outcome.as_str()), ("partner", "pending"));
    assert_eq!(appeal.person_id, Some(c.husan));
    assert_eq!(c.app.referrals(&c.lawyer, ReferralsOf::Person(c.husan)).unwrap().len(), 1);
    // Another office's lawyer cannot bring a referral in for someone out of reach.
    let elsewhere =
        from_iom(IntakePerson::Known(c.husan), Opens::Appeal { channel: "email".into(), topics: vec!["other".into()] });
    assert!(matches!(c.app.receive_referral(&c.far_lawyer, elsewhere), Err(AppError::NotFound)));
}

/// Husan is also a Russian citizen; he was recruited by an intermediary at Kuyluk market, his
/// passport was taken and he was refused a doctor; the recruitment was in Tashkent and the
/// work in Lenger. All of it is recorded through the services, audited, and reaches IOM's
/// HTCDS record as far as his consent (identity, the case's story, no health) goes.
fn his_citizenships_recruitment_means_of_control_and_places_are_recorded_and_exported(store: Store) {
    use komek_domain::casework::CaseEvent;
    let c = centre(store);
    let file = c.app.person_file(&c.lawyer, c.husan).unwrap();
    let (mut profile, identity) = (file.person.profile.clone(), file.person.identity.clone().unwrap());
    for (others, why) in
        [(vec!["UZ"], "the main one again"), (vec!["RU", "RU"], "twice"), (vec!["stateless"], "no country")]
    {
        profile.other_citizenships = others.iter().map(|c| c.to_string()).collect();
        let refused = c.app.update_person(&c.lawyer, c.husan, file.version, profile.clone(), identity.clone());
        assert!(
            matches!(&refused, Err(AppError::Invalid(p)) if p.iter().any(|e| e.field() == "other_citizenships")),
            "{why}: {refused:?}"
        );
    }
    profile.other_citizenships = vec!["RU".into()];
    c.app.update_person(&c.lawyer, c.husan, file.version, profile, identity).unwrap();
    let person = c.app.person(&c.lawyer, c.husan).unwrap();
    assert_eq!(
        (person.profile.citizenship.as_str(), person.profile.other_citizenships.as_slice()),
        ("UZ", &["RU".to_owned()][..])
    );

    let lead = c.lawyer.account_id().unwrap();
    let case = Case {
        persons: vec![c.husan],
        recruitment_methods: vec!["bazaar-intermediary".into(), "by-telepathy".into()],
        ..Case::opened(Default::default(), "trafficking-labour", lead, c.today)
    };
    let refused = c.app.open_case(&c.lawyer, case.clone()).unwrap_err();
    assert!(matches!(&refused, AppError::Invalid(p) if p.iter().any(|e| e.field() == "recruitment_methods")));
    let case =
        c.app.open_case(&c.lawyer, Case { recruitment_methods: vec!["bazaar-intermediary".into()], ..case }).unwrap();
    let file = c.app.case_file(&c.lawyer, case).unwrap();
    let mut changed = file.case.clone();
    changed.means_of_control = vec!["documents-withheld".into(), "medical-care-denied".into()];
    c.app.update_case(&c.lawyer, changed, file.version).unwrap();
    let updates = audit_of(&c.app, "case", "update");
    assert_eq!(updates.last().map(String::as_str), Some("changed: control"), "{updates:?}");

    let event = |kind: &str, text: &str| CaseEvent {
        id: komek_domain::EventId::new(),
        case_id: case,
        happened_on: c.today,
        kind: kind.into(),
        text: text.into(),
        author_id: None,
        place_country: None,
        place_region: None,
        place_district: None,
        place_settlement: None,
    };
    let nowhere = CaseEvent { place_region: Some("atlantis".into()), ..event("transit", "By train.") };
    assert!(matches!(c.app.add_event(&c.lawyer, nowhere), Err(AppError::Invalid(p)) if p[0].field() == "place_region"));
    let recruited = CaseEvent {
        place_country: Some("UZ".into()),
        place_settlement: Some(" Tashkent ".into()),
        ..event("recruitment", "Offered plastering work at Kuyluk market.")
    };
    let exploited = CaseEvent {
        place_region: Some("turkistan".into()),
        place_district: Some("tolebi".into()),
        place_settlement: Some("Lenger".into()),
        ..event("exploitation", "Pouring concrete; no pay.")
    };
    for e in [recruited, exploited] {
        c.app.add_event(&c.lawyer, e).unwrap();
    }
    assert_eq!(audit_of(&c.app, "case-event", "create").len(), 2, "each event audited as before");
    let events = c.app.case_file(&c.lawyer, case).unwrap().events;
    let settlements: Vec<Option<&str>> = events.iter().map(|e| e.place_settlement.as_deref()).collect();
    assert_eq!(settlements, [Some("Tashkent"), Some("Lenger")], "sealed and opened again, trimmed");
    let stored: Vec<Option<Vec<u8>>> = c
        .app
        .store()
        .read(|tx| {
            tx.query("SELECT place_settlement_enc FROM case_events ORDER BY kind DESC", &[])?
                .iter()
                .map(|r| r.get(0))
                .collect()
        })
        .unwrap();
    assert!(stored.iter().flatten().all(|s| !String::from_utf8_lossy(s).contains("Lenger")), "never in the clear");

    let consent = husans_consent(&c);
    let to_iom = ExportTo { partner_id: c.iom, purpose: "return-reintegration".into() };
    let export = c.app.htcds_export(&c.lawyer, CasesToExport::One(case), &to_iom).unwrap();
    let json = komek_domain::htcds::to_json(&export.records);
    assert_valid_htcds(&json);
    let record = &json["records"][0];
    assert_eq!(record["prs_Citizenship"], serde_json::json!(["UZ", "RU"]), "the main one first");
    assert_eq!(record["vic_MethodOfRecruitment"], serde_json::json!(["AtAPlaceOfBusiness"]));
    assert_eq!(record["vic_MethodsOfControl"], serde_json::json!(["WithholdsDocuments"]), "medical care is health");
    assert_eq!(record["hte_Country"], serde_json::json!(["UZ", "KZ"]));
    assert_eq!(record["hte_State"], serde_json::json!([null, "Turkistan Region"]));
    assert_eq!(record["hte_City"], serde_json::json!(["Tashkent", "Lenger"]));
    assert!(!json["not_held"].as_array().unwrap().iter().any(|f| f == "vic_MethodOfRecruitment"));
    let shared = audit_of(&c.app, "case", "export");
    assert!(shared[0].ends_with(&format!("under consent {consent}")) && !shared[0].contains("health"), "{shared:?}");
}
