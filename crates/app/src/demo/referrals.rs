//! The demo year's referral network: the partners the seed organisation names (the police's
//! organised-crime unit, the migration police, the prosecutor, a shelter, a hospital, IOM,
//! the Uzbek consulate, a partner NGO in Tashkent), each case's consent, and the referrals its
//! story implies — IOM for everyone brought home, the police for forced labour and
//! trafficking, the migration police for documents, the labour inspection for some wage
//! claims — with their replies dated through the year. A few police referrals are still
//! waiting for a reply. Husan came to us through the NGO in Tashkent.
//!
//! The directory, the consent, the referral and the moving through dated steps are public:
//! `komek-bench` writes its referrals with them.

use chrono::{Days, NaiveDate, Utc};
use komek_domain::referrals::{Direction, FocalPoint, Partner, PartnerContacts, Recipient};
use komek_domain::{CaseId, ConsentId, PartnerId, PersonId, ReferralId};
use rand::Rng;

use super::Generator;
use crate::referrals::{NewConsent, NewReferral, NextStep, Words};
use crate::{Actor, App, AppResult};

/// A case as the demo made it: what its referrals follow from.
#[derive(Debug, Clone)]
pub(crate) struct DemoCase {
    pub id: CaseId,
    pub lead: &'static str,
    pub person: PersonId,
    pub kind: &'static str,
    pub opened_on: NaiveDate,
    /// The day IOM brought the person home, if it did.
    pub repatriated_on: Option<NaiveDate>,
}

/// (name, kind, country, regions, services, languages, focal point, position).
pub type PartnerRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
    &'static str,
);

/// The partners the seed organisation names.
pub const PARTNERS: &[PartnerRow] = &[
    (
        "УБОП ДП Туркестанской области",
        "police",
        "KZ",
        &["turkistan", "shymkent"],
        &[],
        &["ru", "kk"],
        "Майор Ахметов Е.",
        "Начальник отдела",
    ),
    (
        "Управление миграционной службы г. Шымкент",
        "migration-police",
        "KZ",
        &["shymkent"],
        &["document-restoration"],
        &["ru", "kk"],
        "Капитан Сейтказиева А.",
        "Инспектор",
    ),
    (
        "Прокуратура Туркестанской области",
        "prosecutor",
        "KZ",
        &["turkistan"],
        &[],
        &["ru", "kk"],
        "Омаров Д.",
        "Прокурор отдела",
    ),
    (
        "Инспекция труда Туркестанской области",
        "labour-inspection",
        "KZ",
        &["turkistan"],
        &["wage-recovery"],
        &["ru", "kk"],
        "Байжанова Г.",
        "Главный инспектор",
    ),
    (
        "Кризисный центр «Забота»",
        "shelter",
        "KZ",
        &["shymkent"],
        &["shelter", "food-clothing", "psychological"],
        &["ru", "kk", "uz"],
        "Сеитова Д.",
        "Координатор",
    ),
    (
        "Городская больница № 1, Шымкент",
        "medical",
        "KZ",
        &["shymkent"],
        &["medical"],
        &["ru", "kk"],
        "Дежурный врач",
        "Приёмный покой",
    ),
    (
        "МОМ (IOM), бюро в Казахстане",
        "international-organisation",
        "KZ",
        &[],
        &["repatriation", "shelter", "medical"],
        &["ru", "en"],
        "Жанна К.",
        "Специалист по защите",
    ),
    (
        "Генеральное консульство Республики Узбекистан",
        "embassy-consulate",
        "KZ",
        &[],
        &["document-restoration", "repatriation"],
        &["ru", "uz"],
        "Консул Юсупов Б.",
        "Консул",
    ),
    (
        "НПО-партнёр, Ташкент",
        "ngo",
        "UZ",
        &[],
        &["repatriation", "psychological"],
        &["uz", "ru"],
        "Нилуфар Р.",
        "Юрист",
    ),
];

/// A partner of the directory as a row describes it, its focal point's contacts sealed when
/// it is added.
pub fn partner(row: &PartnerRow) -> Partner {
    let (name, kind, country, regions, services, languages, point, position) = *row;
    let strings = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    Partner {
        id: PartnerId::default(),
        name: name.into(),
        kind: kind.into(),
        country: country.into(),
        regions: strings(regions),
        services: strings(services),
        languages: strings(languages),
        working_hours: "Пн–Пт 9:00–18:00".into(),
        active: true,
        contacts: Some(PartnerContacts {
            focal_points: vec![FocalPoint { name: point.into(), position: position.into(), ..Default::default() }],
            ..Default::default()
        }),
        updated_at: Utc::now(),
    }
}

/// The consent a person signs at the office when their case opens: their identity and story
/// to the police, the migration police, the labour inspection, IOM, consulates and shelters,
/// for help, protection, investigation, legal aid and return.
pub fn signed_consent(given_on: NaiveDate) -> NewConsent {
    NewConsent {
        given_on,
        method: "signed-form".into(),
        recipients: [
            "police",
            "migration-police",
            "labour-inspection",
            "international-organisation",
            "embassy-consulate",
            "shelter",
        ]
        .into_iter()
        .map(|k| Recipient::Kind(k.into()))
        .collect(),
        purposes: ["assistance", "protection", "investigation", "legal-aid", "return-reintegration"]
            .into_iter()
            .map(String::from)
            .collect(),
        categories: vec!["identity".into(), "case-narrative".into()],
        expires_on: None,
        note: "Подписано в офисе; форма согласия прочитана вслух.".into(),
    }
}

/// A case's person and the consent their referrals go under.
#[derive(Debug, Clone, Copy)]
pub struct Referring {
    pub person: PersonId,
    pub case: CaseId,
    pub consent: ConsentId,
}

impl Referring {
    /// An urgent referral to `partner`, made on `on` with a reply asked within a week,
    /// carrying `fields`.
    pub fn to(&self, partner: PartnerId, purpose: &str, service: &str, on: NaiveDate, fields: &[&str]) -> NewReferral {
        NewReferral {
            person_id: self.person,
            case_id: Some(self.case),
            appeal_id: None,
            partner_id: partner,
            purpose: purpose.into(),
            services: vec![service.into()],
            urgency: "urgent".into(),
            reply_due_on: on.checked_add_days(Days::new(7)),
            fields: fields.iter().map(|f| (*f).to_owned()).collect(),
            consent_id: Some(self.consent),
            override_reason: None,
            made_on: Some(on),
        }
    }
}

/// Writes the partners, then each case's consent and referrals. `words` writes the letters
/// filed into the cases as sent (the partners' language, Russian).
pub(super) fn write_referrals(g: &mut Generator<'_>, words: &Words<'_>) -> AppResult<usize> {
    let director = g.staff.actor("director").clone();
    let mut partners = Vec::new();
    for row in PARTNERS {
        partners.push((row.1, g.app.add_partner(&director, partner(row))?));
    }
    let partner = |kind: &str| partners.iter().find(|(k, _)| *k == kind).map(|(_, id)| *id).unwrap_or_default();
    let mut made = 0;
    for case in g.cases.clone() {
        let lead = g.staff.actor(case.lead).clone();
        let consent = g.app.record_consent(&lead, case.person, signed_consent(case.opened_on))?;
        let referring = Referring { person: case.person, case: case.id, consent };
        let story = ["full-name", "citizenship", "case-summary"];
        let after = |days: u64| case.opened_on.checked_add_days(Days::new(days)).unwrap_or(case.opened_on);
        let (new, steps): (NewReferral, Vec<(&str, NaiveDate, &str)>) = if let Some(home) = case.repatriated_on {
            let sent = home.checked_sub_days(Days::new(14)).unwrap_or(home).max(case.opened_on);
            let new = referring.to(
                partner("international-organisation"),
                "return-reintegration",
                "repatriation",
                sent,
                &story,
            );
            let accepted = sent.checked_add_days(Days::new(3)).unwrap_or(sent).min(home);
            (
                new,
                vec![
                    ("sent", sent, ""),
                    ("accepted", accepted, "Принято в программу возвращения."),
                    ("services-delivered", home, "Возвращён на родину."),
                    ("closed", home, ""),
                ],
            )
        } else if matches!(case.kind, "forced-labour" | "trafficking-labour") {
            let new = referring.to(partner("police"), "investigation", "legal-consultation", after(1), &story);
            // A few are still waiting for the police's answer.
            let answered = g.rng.gen_bool(0.7);
            let mut steps = vec![("sent", after(1), "")];
            if answered {
                steps.push(("accepted", after(5), "Материал зарегистрирован в КУИ."));
            }
            (new, steps)
        } else if case.kind == "documents-withheld" {
            let new = referring.to(
                partner("migration-police"),
                "assistance",
                "document-restoration",
                after(2),
                &["full-name", "citizenship"],
            );
            (
                new,
                vec![
                    ("sent", after(2), ""),
                    ("accepted", after(6), ""),
                    ("services-delivered", after(20), "Выдано временное удостоверение."),
                ],
            )
        } else if g.rng.gen_bool(0.4) {
            let new = referring.to(partner("labour-inspection"), "legal-aid", "wage-recovery", after(3), &story);
            let reply = if g.rng.gen_bool(0.5) { "accepted" } else { "declined" };
            (new, vec![("sent", after(3), ""), (reply, after(12), "")])
        } else {
            continue;
        };
        let id = g.app.make_referral(&lead, Direction::Outgoing, new)?;
        move_through(g.app, &lead, id, &steps, words)?;
        made += 1;
    }
    // Husan's parents went to the NGO in Tashkent, which sent him to us.
    if let Some(husan) = g.referred_in {
        let case = g.cases.iter().find(|c| c.person == husan).cloned();
        if let Some(case) = case {
            let lead = g.staff.actor(case.lead).clone();
            let received = case.opened_on.pred_opt().unwrap_or(case.opened_on);
            let new = NewReferral {
                person_id: husan,
                case_id: Some(case.id),
                appeal_id: None,
                partner_id: partner("ngo"),
                purpose: "protection".into(),
                services: vec!["legal-consultation".into()],
                urgency: "immediate".into(),
                reply_due_on: None,
                fields: Vec::new(),
                consent_id: None,
                override_reason: None,
                made_on: Some(received),
            };
            g.app.make_referral(&lead, Direction::Incoming, new)?;
            made += 1;
        }
    }
    Ok(made)
}

/// Moves a referral through its dated steps (status, day, the reply or a note), each at the
/// version the previous one left.
pub fn move_through(
    app: &App,
    lead: &Actor,
    id: ReferralId,
    steps: &[(&str, NaiveDate, &str)],
    words: &Words<'_>,
) -> AppResult<()> {
    for (version, (status, on, note)) in (1..).zip(steps) {
        let step = NextStep { status: (*status).into(), on: *on, note: (*note).into() };
        app.move_referral(lead, id, version, &step, words)?;
    }
    Ok(())
}
