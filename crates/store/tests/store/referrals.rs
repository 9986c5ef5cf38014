//! The referral network's tables on both back ends: the partner directory searched by name,
//! kind, service and region; consents and their one withdrawal; referrals, their steps and the
//! replies waiting past their day.

use chrono::{NaiveDate, TimeZone, Utc};
use komek_domain::entities::Office;
use komek_domain::referrals::{Consent, Direction, Partner, Recipient, Referral, ReferralStep};
use komek_domain::*;
use komek_store::repo::referrals::{self as repo, PartnerFilter, ReferralsOf, StoredConsent, StoredPartner};
use komek_store::repo::referrals::{StoredReferral, StoredStep};
use komek_store::repo::reports::{self as counts, Scope};
use komek_store::{Store, StoreError, params};

use crate::conformance::{account, office, person};

conformance!(
    the_directory_is_found_by_name_kind_service_and_region,
    a_partner_is_changed_only_at_the_version_read,
    a_consent_keeps_its_scope_and_is_withdrawn_once,
    a_referral_keeps_its_steps_and_replies_past_due_are_found,
    referrals_count_in_a_report_by_the_day_they_went_or_came_and_replies_by_their_days,
);

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2008, m, d).unwrap()
}

pub(crate) fn partner(
    store: &Store,
    name: &str,
    key: &str,
    kind: &str,
    regions: &[&str],
    services: &[&str],
) -> StoredPartner {
    let stored = StoredPartner {
        partner: Partner {
            id: PartnerId::new(),
            name: name.into(),
            kind: kind.into(),
            country: "KZ".into(),
            regions: regions.iter().map(|r| r.to_string()).collect(),
            services: services.iter().map(|s| s.to_string()).collect(),
            languages: vec!["kk".into(), "ru".into()],
            working_hours: "9–18".into(),
            active: true,
            contacts: None,
            updated_at: Utc.with_ymd_and_hms(2008, 1, 10, 9, 0, 0).unwrap(),
        },
        name_key: key.into(),
        contacts_enc: vec![7, 7, 7],
        version: 1,
    };
    store.write(|tx| repo::insert_partner(tx, &stored)).unwrap();
    stored
}

fn names(found: Vec<StoredPartner>) -> Vec<String> {
    found.into_iter().map(|p| p.partner.name).collect()
}

fn the_directory_is_found_by_name_kind_service_and_region(store: &Store) {
    let shelter =
        partner(store, "Приют «Забота»", "prijut zabota", "shelter", &["turkistan"], &["food-clothing", "shelter"]);
    partner(store, "IOM Kazakhstan", "iom kazakhstan", "international-organisation", &[], &["repatriation"]);
    partner(store, "Областная больница", "oblastnaja bolnica", "medical", &["shymkent"], &["medical"]);
    let find = |filter: PartnerFilter| names(store.read(|tx| repo::find_partners(tx, &filter, 10)).unwrap());

    let all = find(PartnerFilter::default());
    assert_eq!(all, ["IOM Kazakhstan", "Областная больница", "Приют «Забота»"]);
    assert_eq!(find(PartnerFilter { name_words: vec!["zab".into()], ..Default::default() }), ["Приют «Забота»"]);
    // A word must begin a word of the name, not sit inside one.
    assert!(find(PartnerFilter { name_words: vec!["abota".into()], ..Default::default() }).is_empty());
    assert_eq!(find(PartnerFilter { kind: Some("medical".into()), ..Default::default() }), ["Областная больница"]);
    assert_eq!(find(PartnerFilter { service: Some("repatriation".into()), ..Default::default() }), ["IOM Kazakhstan"]);
    // A partner that lists no region serves them all.
    assert_eq!(
        find(PartnerFilter { region: Some("turkistan".into()), ..Default::default() }),
        ["IOM Kazakhstan", "Приют «Забота»"]
    );

    let back = store.read(|tx| repo::partner(tx, shelter.partner.id)).unwrap();
    assert_eq!(back.partner, shelter.partner);
    assert_eq!((back.contacts_enc, back.version, back.name_key), (vec![7, 7, 7], 1, "prijut zabota".to_owned()));

    let closed = StoredPartner { partner: Partner { active: false, ..shelter.partner.clone() }, ..shelter };
    store.write(|tx| repo::update_partner(tx, &closed)).unwrap();
    assert_eq!(
        find(PartnerFilter { active_only: true, region: Some("turkistan".into()), ..Default::default() }),
        ["IOM Kazakhstan"]
    );
}

fn a_partner_is_changed_only_at_the_version_read(store: &Store) {
    let read = partner(store, "НПО «Ишонч»", "npo ishonch", "ngo", &["turkistan"], &["legal-consultation"]);
    let first = StoredPartner {
        partner: Partner {
            regions: vec!["shymkent".into(), "turkistan".into()],
            services: vec!["mediation".into()],
            ..read.partner.clone()
        },
        ..read.clone()
    };
    store.write(|tx| repo::update_partner(tx, &first)).unwrap();
    let stale = StoredPartner { partner: Partner { name: "late".into(), ..read.partner.clone() }, ..read.clone() };
    assert!(matches!(store.write(|tx| repo::update_partner(tx, &stale)), Err(StoreError::Conflict(_))));
    let back = store.read(|tx| repo::partner(tx, read.partner.id)).unwrap();
    assert_eq!(
        (back.partner.regions, back.partner.services, back.version),
        (first.partner.regions, first.partner.services, 2)
    );
    assert_eq!(back.partner.name, "НПО «Ишонч»");
}

fn a_consent(person: PersonId, office: &Office, by: AccountId, recipients: Vec<Recipient>) -> StoredConsent {
    StoredConsent {
        consent: Consent {
            id: ConsentId::new(),
            person_id: person,
            office_id: office.id,
            given_on: day(3, 12),
            method: "signed-form".into(),
            recipients,
            purposes: vec!["investigation".into(), "return-reintegration".into()],
            categories: vec!["identity".into(), "case-narrative".into()],
            expires_on: Some(day(12, 31)),
            withdrawn_on: None,
            note: None,
            recorded_by: by,
            recorded_at: Utc.with_ymd_and_hms(2008, 3, 12, 10, 0, 0).unwrap(),
        },
        note_enc: Some(vec![1, 2]),
    }
}

fn a_consent_keeps_its_scope_and_is_withdrawn_once(store: &Store) {
    let hq = office(store, "hq");
    let lawyer = account(store, &hq, "lawyer");
    let husan = person(store, &hq, &[b"husan"]);
    let police = partner(store, "ДП, отдел по борьбе с ОП", "dp otdel", "police", &[], &["legal-consultation"]);
    let recipients = vec![Recipient::Partner(police.partner.id), Recipient::Kind("international-organisation".into())];
    let first = a_consent(husan, &hq, lawyer.id, recipients);
    let later = StoredConsent {
        consent: Consent { id: ConsentId::new(), given_on: day(4, 1), ..first.consent.clone() },
        note_enc: None,
    };
    store.write(|tx| repo::insert_consent(tx, &first)).unwrap();
    store.write(|tx| repo::insert_consent(tx, &later)).unwrap();

    let back = store.read(|tx| repo::consent(tx, first.consent.id)).unwrap();
    assert_eq!((back.consent, back.note_enc), (first.consent.clone(), Some(vec![1, 2])));
    let all = store.read(|tx| repo::consents_of(tx, husan)).unwrap();
    assert_eq!(all.iter().map(|c| c.consent.id).collect::<Vec<_>>(), [later.consent.id, first.consent.id]);

    assert!(store.write(|tx| repo::withdraw_consent(tx, first.consent.id, day(5, 20), lawyer.id)).unwrap());
    assert!(!store.write(|tx| repo::withdraw_consent(tx, first.consent.id, day(6, 1), lawyer.id)).unwrap());
    let withdrawn = store.read(|tx| repo::consent(tx, first.consent.id)).unwrap();
    assert_eq!(withdrawn.consent.withdrawn_on, Some(day(5, 20)), "the first withdrawal's day stands");

    // The signed form's scan: none at first, one per consent, a better scan replaces it.
    assert!(matches!(store.read(|tx| repo::consent_scan(tx, first.consent.id)), Err(StoreError::NotFound)));
    let scan = |size: i64, content: Vec<u8>| repo::StoredConsentScan {
        scan: repo::ConsentScan {
            consent_id: first.consent.id,
            kind: "pdf".into(),
            size,
            added_by: lawyer.id,
            added_at: Utc.with_ymd_and_hms(2008, 3, 12, 11, 0, 0).unwrap(),
        },
        name_enc: vec![7],
        content_enc: content,
    };
    store.write(|tx| repo::put_consent_scan(tx, &scan(3, vec![1, 2, 3]))).unwrap();
    store.write(|tx| repo::put_consent_scan(tx, &scan(4, vec![4, 5, 6, 7]))).unwrap();
    let back = store.read(|tx| repo::consent_scan(tx, first.consent.id)).unwrap();
    assert_eq!((back.scan, back.content_enc, back.name_enc), (scan(4, vec![]).scan, vec![4, 5, 6, 7], vec![7]));
    let listed = store.read(|tx| repo::consent_scans_of(tx, husan)).unwrap();
    assert_eq!(listed.iter().map(|s| (s.consent_id, s.size)).collect::<Vec<_>>(), [(first.consent.id, 4)]);
}

fn a_referral(office: &Office, person: PersonId, partner: PartnerId, consent: ConsentId, by: AccountId) -> Referral {
    Referral {
        id: ReferralId::new(),
        office_id: office.id,
        number: format!("R-2008-{}", &ReferralId::new().to_string()[30..]),
        direction: Direction::Outgoing,
        person_id: person,
        case_id: None,
        appeal_id: None,
        partner_id: partner,
        purpose: "investigation".into(),
        services: vec!["legal-consultation".into()],
        urgency: "urgent".into(),
        reply_due_on: Some(day(3, 20)),
        fields: vec!["full-name".into(), "case-summary".into()],
        consent_id: Some(consent),
        override_reason: None,
        status: "draft".into(),
        created_by: by,
        created_at: Utc.with_ymd_and_hms(2008, 3, 14, 9, 0, 0).unwrap(),
    }
}

fn step(status: &str, on: NaiveDate, by: AccountId, note: Option<Vec<u8>>) -> StoredStep {
    StoredStep {
        step: ReferralStep {
            status: status.into(),
            on,
            by,
            note: None,
            recorded_at: Utc.from_utc_datetime(&on.and_hms_opt(12, 0, 0).unwrap()),
        },
        note_enc: note,
    }
}

fn a_referral_keeps_its_steps_and_replies_past_due_are_found(store: &Store) {
    let hq = office(store, "hq");
    let lawyer = account(store, &hq, "lawyer");
    let husan = person(store, &hq, &[b"husan"]);
    let police = partner(store, "Police", "police", "police", &[], &["legal-consultation"]);
    let consent = a_consent(husan, &hq, lawyer.id, vec![Recipient::Partner(police.partner.id)]);
    store.write(|tx| repo::insert_consent(tx, &consent)).unwrap();
    let referral = a_referral(&hq, husan, police.partner.id, consent.consent.id, lawyer.id);
    let stored = StoredReferral { referral: referral.clone(), override_reason_enc: None, version: 1 };
    store.write(|tx| repo::insert_referral(tx, &stored, &step("draft", day(3, 14), lawyer.id, None))).unwrap();
    let other = a_referral(&hq, husan, police.partner.id, consent.consent.id, lawyer.id);
    let other =
        StoredReferral { referral: Referral { reply_due_on: None, ..other }, override_reason_enc: None, version: 1 };
    store.write(|tx| repo::insert_referral(tx, &other, &step("draft", day(3, 14), lawyer.id, None))).unwrap();

    assert_eq!(store.read(|tx| repo::referral(tx, referral.id)).unwrap().referral, referral);
    let drafts = store.read(|tx| repo::drafts_under(tx, consent.consent.id)).unwrap();
    assert_eq!(drafts.len(), 2);

    store.write(|tx| repo::add_step(tx, referral.id, 1, &step("sent", day(3, 14), lawyer.id, None))).unwrap();
    // The letter it went with is kept, once.
    assert_eq!(store.read(|tx| repo::sent_letter(tx, referral.id)).unwrap(), None);
    let letter = repo::SentLetter {
        referral_id: referral.id,
        sha256: "ab".repeat(32),
        size: 3,
        sent_on: day(3, 14),
        sent_by: lawyer.id,
    };
    store.write(|tx| repo::insert_sent_letter(tx, &letter, vec![1, 2, 3])).unwrap();
    assert!(store.write(|tx| repo::insert_sent_letter(tx, &letter, vec![4])).is_err(), "sent once");
    assert_eq!(store.read(|tx| repo::sent_letter(tx, referral.id)).unwrap(), Some(letter.clone()));
    assert_eq!(store.read(|tx| repo::sent_letter_pdf(tx, referral.id)).unwrap(), (letter, vec![1, 2, 3]));
    assert!(matches!(
        store.write(|tx| repo::add_step(tx, referral.id, 1, &step("withdrawn", day(3, 15), lawyer.id, None))),
        Err(StoreError::Conflict(_))
    ));
    let waiting = |on| store.read(|tx| repo::waiting_past_due(tx, None, on, 10)).unwrap();
    assert!(waiting(day(3, 20)).is_empty(), "due on the 20th is not late on the 20th");
    assert_eq!(waiting(day(3, 21)).iter().map(|r| r.referral.id).collect::<Vec<_>>(), [referral.id]);
    let elsewhere = komek_domain::OfficeId::new();
    let late_in = |office| store.read(|tx| repo::count_waiting_past_due(tx, office, day(3, 21))).unwrap();
    assert_eq!((late_in(None), late_in(Some(hq.id)), late_in(Some(elsewhere))), (1, 1, 0));
    let under_way = |office| store.read(|tx| repo::under_way(tx, office, 10)).unwrap();
    let order: Vec<_> = under_way(Some(hq.id)).iter().map(|r| r.referral.id).collect();
    assert_eq!(order, [referral.id, other.referral.id], "the one with a reply due comes first");
    assert!(under_way(Some(elsewhere)).is_empty());
    let names = store.read(repo::partner_names).unwrap();
    assert!(names.contains(&(police.partner.id, police.partner.name.clone())), "{names:?}");

    let reply = Some(vec![9, 9]);
    store
        .write(|tx| repo::add_step(tx, referral.id, 2, &step("accepted", day(3, 25), lawyer.id, reply.clone())))
        .unwrap();
    assert!(waiting(day(4, 1)).is_empty(), "an accepted referral waits for nothing");
    let steps = store.read(|tx| repo::steps(tx, referral.id)).unwrap();
    let seen: Vec<(&str, NaiveDate, Option<Vec<u8>>)> =
        steps.iter().map(|s| (s.step.status.as_str(), s.step.on, s.note_enc.clone())).collect();
    assert_eq!(seen, [("draft", day(3, 14), None), ("sent", day(3, 14), None), ("accepted", day(3, 25), reply)]);
    let back = store.read(|tx| repo::referral(tx, referral.id)).unwrap();
    assert_eq!((back.referral.status.as_str(), back.version), ("accepted", 3));
    assert_eq!(store.read(|tx| repo::drafts_under(tx, consent.consent.id)).unwrap().len(), 1);
    let his = store.read(|tx| repo::referrals_of(tx, ReferralsOf::Person(husan))).unwrap();
    assert_eq!(his.len(), 2);

    // Nothing goes out without a consent or a reason to do without one: the schema says so too.
    let bare = StoredReferral {
        referral: Referral {
            consent_id: None,
            ..a_referral(&hq, husan, police.partner.id, consent.consent.id, lawyer.id)
        },
        override_reason_enc: None,
        version: 1,
    };
    assert!(store.write(|tx| repo::insert_referral(tx, &bare, &step("draft", day(3, 14), lawyer.id, None))).is_err());
}

/// A referral and its steps after the first, each recorded at the version before it.
fn with_steps(store: &Store, referral: Referral, steps: &[(&str, NaiveDate)]) {
    let by = referral.created_by;
    let first = steps[0];
    let referral = Referral { status: first.0.into(), ..referral };
    let stored = StoredReferral { referral: referral.clone(), override_reason_enc: None, version: 1 };
    store.write(|tx| repo::insert_referral(tx, &stored, &step(first.0, first.1, by, None))).unwrap();
    for (version, (status, on)) in steps.iter().enumerate().skip(1) {
        store.write(|tx| repo::add_step(tx, referral.id, version as i64, &step(status, *on, by, None))).unwrap();
    }
}

/// March 2008, in one office or all.
fn march(office: Option<OfficeId>) -> Scope {
    let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).unwrap().and_utc();
    Scope {
        received_from: start(day(3, 1)),
        received_to: start(day(4, 1)),
        first_day: day(3, 1),
        last_day: day(3, 31),
        office,
        months: vec![],
    }
}

fn referrals_count_in_a_report_by_the_day_they_went_or_came_and_replies_by_their_days(store: &Store) {
    let (hq, away) = (office(store, "hq"), office(store, "maktaaral"));
    let lawyer = account(store, &hq, "lawyer");
    let husan = person(store, &hq, &[b"husan"]);
    let police = partner(store, "Police", "police", "police", &[], &["legal-consultation"]);
    let shelter = partner(store, "Sana Sezim", "sana sezim", "shelter", &[], &["shelter"]);
    let ngo = partner(store, "Rodnik", "rodnik", "ngo", &[], &["legal-consultation"]);
    let consent = a_consent(husan, &hq, lawyer.id, vec![Recipient::Kind("police".into())]);
    store.write(|tx| repo::insert_consent(tx, &consent)).unwrap();
    let to = |partner: &StoredPartner| a_referral(&hq, husan, partner.partner.id, consent.consent.id, lawyer.id);
    let from = |partner: &StoredPartner| Referral {
        direction: Direction::Incoming,
        consent_id: None,
        fields: vec![],
        ..to(partner)
    };
    let sent = |partner, steps: &[(&str, NaiveDate)]| with_steps(store, to(partner), steps);

    // Sent the day before March, answered in it: February's.
    sent(&police, &[("draft", day(2, 25)), ("sent", day(2, 29)), ("accepted", day(3, 3))]);
    // Sent on March's first day, received three days later, then accepted.
    sent(&police, &[("draft", day(2, 20)), ("sent", day(3, 1)), ("received", day(3, 4)), ("accepted", day(3, 6))]);
    // Declined the day it went: a reply in 0 days.
    sent(&shelter, &[("draft", day(3, 10)), ("sent", day(3, 10)), ("declined", day(3, 10))]);
    // Sent on March's last day, no answer yet.
    sent(&shelter, &[("draft", day(3, 20)), ("sent", day(3, 31))]);
    // Sent, then withdrawn unanswered: counted, awaiting.
    sent(&police, &[("draft", day(3, 14)), ("sent", day(3, 15)), ("withdrawn", day(3, 18))]);
    // Answered in April: still March's, 39 days.
    sent(&police, &[("draft", day(3, 12)), ("sent", day(3, 12)), ("received", day(4, 20))]);
    // Never sent: withdrawn as a draft, a draft still, or sent in April.
    sent(&police, &[("draft", day(3, 5)), ("withdrawn", day(3, 6))]);
    sent(&shelter, &[("draft", day(3, 30))]);
    sent(&shelter, &[("draft", day(3, 30)), ("sent", day(4, 1))]);
    // Incoming: received in March and accepted; received the day before March; in April.
    with_steps(store, from(&ngo), &[("received", day(3, 2)), ("accepted", day(3, 3))]);
    with_steps(store, from(&ngo), &[("received", day(2, 29))]);
    with_steps(store, from(&ngo), &[("received", day(4, 1))]);
    // Another office's, sent in March.
    with_steps(store, Referral { office_id: away.id, ..to(&police) }, &[("draft", day(3, 15)), ("sent", day(3, 15))]);

    let groups = |scope: &Scope| {
        let mut lines: Vec<(&str, String, String, String, u64)> = store
            .read(|tx| counts::referrals(tx, scope))
            .unwrap()
            .into_iter()
            .map(|g| (g.direction.code(), g.partner, g.partner_kind, g.status, g.referrals))
            .collect();
        lines.sort();
        lines
    };
    let line = |d, p: &str, k: &str, s: &str, n| (d, p.to_owned(), k.to_owned(), s.to_owned(), n);
    let hq_lines = vec![
        line("incoming", "Rodnik", "ngo", "accepted", 1),
        line("outgoing", "Police", "police", "accepted", 1),
        line("outgoing", "Police", "police", "received", 1),
        line("outgoing", "Police", "police", "withdrawn", 1),
        line("outgoing", "Sana Sezim", "shelter", "declined", 1),
        line("outgoing", "Sana Sezim", "shelter", "sent", 1),
    ];
    assert_eq!(groups(&march(Some(hq.id))), hq_lines);
    let mut all = hq_lines.clone();
    all.insert(3, line("outgoing", "Police", "police", "sent", 1));
    assert_eq!(groups(&march(None)), all);
    assert!(groups(&march(Some(OfficeId::new()))).is_empty());

    let days = |scope: &Scope| {
        let mut lines: Vec<(String, Option<u32>, u64)> = store
            .read(|tx| counts::reply_days(tx, scope))
            .unwrap()
            .into_iter()
            .map(|d| (d.partner_kind, d.days, d.referrals))
            .collect();
        lines.sort();
        lines
    };
    let police_line = |d, n| ("police".to_owned(), d, n);
    let shelter_line = |d, n| ("shelter".to_owned(), d, n);
    assert_eq!(
        days(&march(Some(hq.id))),
        [
            police_line(None, 1),
            police_line(Some(3), 1),
            police_line(Some(39), 1),
            shelter_line(None, 1),
            shelter_line(Some(0), 1)
        ]
    );
    assert_eq!(
        days(&march(None)),
        [
            police_line(None, 2),
            police_line(Some(3), 1),
            police_line(Some(39), 1),
            shelter_line(None, 1),
            shelter_line(Some(0), 1)
        ]
    );
}

/// Referrals saved at version 17, before each kept the days a report counts it by, get those
/// days from their steps when migration 18 runs; steps added afterwards keep them too.
fn upgrade_keeps_the_report_days_of_referrals_already_there(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 17);
    let hq = office(store, "hq");
    let lawyer = account(store, &hq, "lawyer");
    let husan = person(store, &hq, &[b"husan"]);
    let police = partner(store, "Police", "police", "police", &[], &["legal-consultation"]);
    let consent = a_consent(husan, &hq, lawyer.id, vec![Recipient::Kind("police".into())]);
    store.write(|tx| repo::insert_consent(tx, &consent)).unwrap();
    // As version 17 wrote them: the referral's row, and its steps.
    let saved = |direction: &str, steps: &[(&str, NaiveDate)]| {
        let id = ReferralId::new();
        let (last, _) = steps[steps.len() - 1];
        let at = Utc.with_ymd_and_hms(2008, 3, 1, 9, 0, 0).unwrap();
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO referrals (id, office_id, number, direction, person_id, partner_id, purpose, services,
                                            urgency, fields, consent_id, status, created_by, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 'investigation', '', 'urgent', '', $7, $8, $9, $10, $10)",
                    params![
                        id,
                        hq.id,
                        format!("R-{id}"),
                        direction,
                        husan,
                        police.partner.id,
                        consent.consent.id,
                        last,
                        lawyer.id,
                        at
                    ],
                )?;
                for (seq, (status, on)) in (1i64..).zip(steps) {
                    tx.execute(
                        "INSERT INTO referral_steps (referral_id, seq, status, on_day, recorded_by, recorded_at)
                         VALUES ($1, $2, $3, $4, $5, $6)",
                        params![id, seq, *status, *on, lawyer.id, at],
                    )?;
                }
                Ok(())
            })
            .unwrap();
        id
    };
    let answered = saved(
        "outgoing",
        &[("draft", day(3, 1)), ("sent", day(3, 2)), ("received", day(3, 5)), ("accepted", day(3, 9))],
    );
    let waiting = saved("outgoing", &[("draft", day(3, 1)), ("sent", day(3, 3))]);
    let never_sent = saved("outgoing", &[("draft", day(3, 1)), ("withdrawn", day(3, 2))]);
    let incoming = saved("incoming", &[("received", day(3, 4)), ("accepted", day(3, 6))]);

    assert_eq!(store.migrate().unwrap(), crate::versions_from(18));
    let days = |id: ReferralId| {
        store
            .read(|tx| {
                let row = tx.query_one("SELECT counted_on, answered_on FROM referrals WHERE id = $1", params![id])?;
                Ok((row.get::<Option<NaiveDate>>(0)?, row.get::<Option<NaiveDate>>(1)?))
            })
            .unwrap()
    };
    assert_eq!(days(answered), (Some(day(3, 2)), Some(day(3, 5))), "sent, and first answered");
    assert_eq!(days(waiting), (Some(day(3, 3)), None));
    assert_eq!(days(never_sent), (None, None));
    assert_eq!(days(incoming), (Some(day(3, 4)), None), "received; we answer it, not wait for it");

    store.write(|tx| repo::add_step(tx, waiting, 1, &step("declined", day(3, 20), lawyer.id, None))).unwrap();
    assert_eq!(days(waiting), (Some(day(3, 3)), Some(day(3, 20))));
    let lines = store.read(|tx| counts::reply_days(tx, &march(Some(hq.id)))).unwrap();
    let mut lines: Vec<(Option<u32>, u64)> = lines.into_iter().map(|l| (l.days, l.referrals)).collect();
    lines.sort();
    assert_eq!(lines, [(Some(3), 1), (Some(17), 1)]);
}

#[test]
fn sqlite_upgrade_keeps_the_report_days_of_referrals_already_there() {
    upgrade_keeps_the_report_days_of_referrals_already_there(&komek_store::testing::SqliteDb::at_version(17).store);
}

#[test]
fn postgres_upgrade_keeps_the_report_days_of_referrals_already_there() {
    if let Some(db) = komek_store::testing::PostgresDb::at_version(17) {
        upgrade_keeps_the_report_days_of_referrals_already_there(&db.store);
    }
}
