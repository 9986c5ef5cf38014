use chrono::{NaiveDate, TimeZone, Utc};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn partner(name: &str, kind: &str, country: &str) -> Partner {
    Partner {
        id: PartnerId::new(),
        name: name.into(),
        kind: kind.into(),
        country: country.into(),
        regions: vec![],
        services: vec!["repatriation".into()],
        languages: vec!["ru".into()],
        working_hours: "Mon–Fri 9–18".into(),
        active: true,
        contacts: Some(PartnerContacts {
            focal_points: vec![FocalPoint {
                name: "Дана Сеитова".into(),
                position: "Project assistant".into(),
                phones: vec!["+7 717 000 00 00".into()],
                email: "dana@example.org".into(),
            }],
            address: String::new(),
            notes: String::new(),
        }),
        updated_at: Utc.with_ymd_and_hms(2008, 3, 1, 9, 0, 0).unwrap(),
    }
}

/// Husan's consent, as a lawyer records it on 12 March 2008: identity and the story of his
/// case may go to the police's organised-crime unit and to IOM, for an investigation and for
/// his return home; his health may not.
fn husans_consent(police: &Partner, iom: &Partner) -> Consent {
    Consent {
        id: ConsentId::new(),
        person_id: PersonId::new(),
        office_id: OfficeId::new(),
        given_on: day(2008, 3, 12),
        method: "signed-form".into(),
        recipients: vec![Recipient::Partner(police.id), Recipient::Partner(iom.id)],
        purposes: vec!["investigation".into(), "return-reintegration".into()],
        categories: vec!["identity".into(), "case-narrative".into()],
        expires_on: Some(day(2009, 3, 11)),
        withdrawn_on: None,
        note: Some("Explained in Uzbek by the lawyer; signed in the office.".into()),
        recorded_by: AccountId::new(),
        recorded_at: Utc.with_ymd_and_hms(2008, 3, 12, 10, 0, 0).unwrap(),
    }
}

fn fields(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

#[test]
fn a_consent_lets_only_its_categories_go_to_its_recipients_for_its_purposes() {
    let police = partner("ДП Туркестанской области, отдел по борьбе с ОП", "police", "KZ");
    let iom = partner("IOM Kazakhstan", "international-organisation", "KZ");
    let shelter = partner("Shelter «Забота»", "shelter", "KZ");
    let consent = husans_consent(&police, &iom);
    assert!(consent.validate(day(2008, 3, 12)).is_empty(), "{:?}", consent.validate(day(2008, 3, 12)));
    let on = day(2008, 3, 14);
    let carried = fields(&["full-name", "birth-date", "citizenship", "case-summary"]);
    assert_eq!(consent.allows(&police, "investigation", &carried, on), Ok(()));
    assert_eq!(consent.allows(&iom, "return-reintegration", &carried, on), Ok(()));

    let refused = consent.allows(&iom, "return-reintegration", &fields(&["full-name", "vulnerabilities"]), on);
    assert_eq!(
        refused,
        Err(SharingRefused::FieldNotCovered {
            given_on: day(2008, 3, 12),
            field: "vulnerabilities".into(),
            category: "health".into()
        })
    );
    assert_eq!(
        refused.unwrap_err().to_string(),
        "the consent of 2008-03-12 does not allow sharing \"vulnerabilities\" (\"health\" data)"
    );
    assert_eq!(
        consent.allows(&shelter, "assistance", &carried, on),
        Err(SharingRefused::RecipientNotCovered { given_on: day(2008, 3, 12) })
    );
    assert_eq!(
        consent.allows(&police, "protection", &carried, on),
        Err(SharingRefused::PurposeNotCovered { given_on: day(2008, 3, 12), purpose: "protection".into() })
    );
    // A field that is not one Komek can share is never covered.
    assert!(matches!(
        consent.allows(&police, "investigation", &fields(&["passport-scan"]), on),
        Err(SharingRefused::FieldNotCovered { .. })
    ));
}

#[test]
fn a_consent_by_kind_covers_every_partner_of_that_kind() {
    let shelter = partner("Shelter «Забота»", "shelter", "KZ");
    let another = partner("Shelter «Умит»", "shelter", "KZ");
    let hospital = partner("City hospital No. 1", "medical", "KZ");
    let consent = Consent {
        recipients: vec![Recipient::Kind("shelter".into())],
        purposes: vec!["protection".into()],
        categories: vec!["identity".into(), "health".into()],
        ..husans_consent(&shelter, &shelter)
    };
    let carried = fields(&["full-name", "vulnerabilities"]);
    assert_eq!(consent.allows(&shelter, "protection", &carried, day(2008, 4, 1)), Ok(()));
    assert_eq!(consent.allows(&another, "protection", &carried, day(2008, 4, 1)), Ok(()));
    assert!(consent.allows(&hospital, "protection", &carried, day(2008, 4, 1)).is_err());
}

#[test]
fn a_withdrawn_or_expired_consent_allows_nothing_from_its_day() {
    let police = partner("Police", "police", "KZ");
    let iom = partner("IOM Kazakhstan", "international-organisation", "KZ");
    let carried = fields(&["full-name"]);
    let withdrawn = Consent { withdrawn_on: Some(day(2008, 5, 20)), ..husans_consent(&police, &iom) };
    assert_eq!(withdrawn.allows(&iom, "return-reintegration", &carried, day(2008, 5, 19)), Ok(()));
    assert_eq!(
        withdrawn.allows(&iom, "return-reintegration", &carried, day(2008, 5, 20)),
        Err(SharingRefused::Withdrawn { given_on: day(2008, 3, 12), withdrawn_on: day(2008, 5, 20) })
    );
    let consent = husans_consent(&police, &iom);
    assert_eq!(consent.allows(&police, "investigation", &carried, day(2009, 3, 11)), Ok(()));
    assert_eq!(
        consent.allows(&police, "investigation", &carried, day(2009, 3, 12)),
        Err(SharingRefused::Expired { given_on: day(2008, 3, 12), expires_on: day(2009, 3, 11) })
    );
    assert_eq!(
        consent.allows(&police, "investigation", &carried, day(2008, 3, 11)),
        Err(SharingRefused::NotYetGiven { given_on: day(2008, 3, 12) })
    );
}

#[test]
fn a_consent_that_cannot_be_right_is_refused_field_by_field() {
    let police = partner("Police", "police", "KZ");
    let iom = partner("IOM", "international-organisation", "KZ");
    let consent = Consent {
        given_on: day(2008, 3, 12),
        method: "nodded".into(),
        recipients: vec![Recipient::Kind("Friends".into())],
        purposes: vec![],
        categories: vec!["everything".into()],
        expires_on: Some(day(2008, 3, 1)),
        withdrawn_on: Some(day(2008, 3, 2)),
        ..husans_consent(&police, &iom)
    };
    let fields: Vec<&str> = consent.validate(day(2008, 3, 12)).iter().map(ValidationError::field).collect();
    assert_eq!(fields, ["method", "recipients", "purposes", "categories", "expires_on", "withdrawn_on"]);
    let later = Consent { given_on: day(2008, 3, 13), ..husans_consent(&police, &iom) };
    let errors = later.validate(day(2008, 3, 12));
    assert_eq!(errors, [ValidationError::Future { field: "given_on" }]);
    let nobody = Consent { recipients: vec![], ..husans_consent(&police, &iom) };
    assert_eq!(nobody.validate(day(2008, 3, 12)), [ValidationError::Required { field: "recipients" }]);
    // Each recipient once: the same partner twice reads as two consents.
    let twice = Consent {
        recipients: vec![Recipient::Partner(police.id), Recipient::Partner(police.id)],
        ..husans_consent(&police, &iom)
    };
    assert_eq!(twice.validate(day(2008, 3, 12)), [ValidationError::Invalid { field: "recipients" }]);
}

#[test]
fn a_partner_names_a_country_of_the_list_and_codes_of_its_lists() {
    assert!(partner("IOM", "international-organisation", "KZ").validate().is_empty());
    let wrong = Partner {
        name: " ".into(),
        kind: "Bank".into(),
        regions: vec!["mars".into()],
        services: vec!["massage!".into()],
        languages: vec!["xx".into()],
        ..partner("x", "ngo", "stateless")
    };
    let fields: Vec<&str> = wrong.validate().iter().map(ValidationError::field).collect();
    assert_eq!(fields, ["name", "kind", "services", "country", "regions", "languages"]);
    let mut nameless = partner("NGO «Ishonch»", "ngo", "UZ");
    nameless.contacts.as_mut().unwrap().focal_points[0].name = String::new();
    let fields: Vec<&str> = nameless.validate().iter().map(ValidationError::field).collect();
    assert_eq!(fields, ["focal_points.name"]);
}

#[test]
fn every_shareable_field_belongs_to_a_category_of_the_consent_list() {
    for (field, category) in SHAREABLE_FIELDS {
        assert!(lookups::DATA_CATEGORY.contains(category), "{field} is in {category}");
        assert_eq!(category_of(field), Some(*category));
    }
    for category in lookups::DATA_CATEGORY.codes {
        assert!(SHAREABLE_FIELDS.iter().any(|(_, c)| c == category), "no field of {category}");
    }
    assert_eq!(category_of("passport-scan"), None);
}

#[test]
fn a_referral_moves_forward_only_and_a_withdrawal_stops_one_not_yet_sent() {
    let mut walked = vec!["draft"];
    // The longest road: each step the first offered but "withdrawn".
    while let Some(next) =
        next_statuses(walked.last().unwrap()).iter().find(|s| **s != "withdrawn" && **s != "declined")
    {
        walked.push(next);
    }
    assert_eq!(walked, ["draft", "sent", "received", "accepted", "services-delivered", "closed"]);
    for status in lookups::REFERRAL_STATUS.codes {
        for next in next_statuses(status) {
            assert!(lookups::REFERRAL_STATUS.contains(next), "{status} → {next}");
            assert_ne!(*next, "draft", "nothing goes back to a draft");
        }
    }
    assert!(next_statuses("closed").is_empty() && next_statuses("withdrawn").is_empty());
    assert!(not_yet_sent("draft") && !not_yet_sent("sent"));
}

#[test]
fn a_referral_names_what_it_asks_and_carries_and_says_when_its_reply_is_late() {
    let referral = Referral {
        id: ReferralId::new(),
        office_id: OfficeId::new(),
        number: String::new(),
        direction: Direction::Outgoing,
        person_id: PersonId::new(),
        case_id: Some(CaseId::new()),
        appeal_id: None,
        partner_id: PartnerId::new(),
        purpose: "investigation".into(),
        services: vec!["legal-consultation".into()],
        urgency: "urgent".into(),
        reply_due_on: Some(day(2008, 3, 20)),
        fields: fields(&["full-name", "case-summary"]),
        consent_id: Some(ConsentId::new()),
        override_reason: None,
        status: "sent".into(),
        created_by: AccountId::new(),
        created_at: Utc.with_ymd_and_hms(2008, 3, 14, 9, 0, 0).unwrap(),
    };
    assert!(referral.validate().is_empty(), "{:?}", referral.validate());
    assert!(!referral.reply_overdue_on(day(2008, 3, 20)));
    assert!(referral.reply_overdue_on(day(2008, 3, 21)));
    let answered = Referral { status: "accepted".into(), ..referral.clone() };
    assert!(!answered.reply_overdue_on(day(2008, 4, 1)));

    let wrong = Referral {
        purpose: "revenge".into(),
        services: vec![],
        urgency: "whenever".into(),
        fields: fields(&["passport-scan"]),
        override_reason: Some("  ".into()),
        ..referral
    };
    let fields: Vec<&str> = wrong.validate().iter().map(ValidationError::field).collect();
    assert_eq!(fields, ["purpose", "services", "urgency", "fields", "override_reason"]);
}
