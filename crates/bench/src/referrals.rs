//! The referral network of the generated data, written through the referral services as
//! staff would write it: a dozen partners (the demo's directory and three more for the other
//! countries people come from), and for every case its person's consent and a referral made
//! under it, moved through one to three dated steps in 2008. Sending files the letter's PDF
//! into the case, as it does for staff; a part of the referrals still waits for a reply past
//! its due day.

use chrono::{Days, NaiveDate};
use komek_app::demo::referrals::{self as demo, PartnerRow, Referring};
use komek_app::referrals::Words;
use komek_app::{Actor, App};
use komek_domain::referrals::{Direction, Recipient};
use komek_domain::{CaseId, PartnerId, PersonId, ReferralId};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Partners for the people of Kyrgyzstan and Tajikistan, beside the demo's for Uzbekistan.
const ABROAD: &[PartnerRow] = &[
    (
        "Генеральное консульство Кыргызской Республики",
        "embassy-consulate",
        "KZ",
        &[],
        &["document-restoration", "repatriation"],
        &["ru", "ky"],
        "Консул Осмонов Т.",
        "Консул",
    ),
    (
        "Посольство Республики Таджикистан",
        "embassy-consulate",
        "KZ",
        &[],
        &["document-restoration", "repatriation"],
        &["ru", "tg"],
        "Рахимов Ф.",
        "Атташе по консульским вопросам",
    ),
    (
        "НПО-партнёр, Ош",
        "ngo",
        "KG",
        &[],
        &["repatriation", "psychological"],
        &["ky", "ru"],
        "Айгерим Т.",
        "Координатор",
    ),
];

/// What a case's referral asks, by partner kind: (kind, purpose, service, fields, weight).
const ASKS: &[(&str, &str, &str, &[&str], u32)] = &[
    ("international-organisation", "return-reintegration", "repatriation", STORY, 25),
    ("police", "investigation", "legal-consultation", STORY, 20),
    ("migration-police", "assistance", "document-restoration", IDENTITY, 10),
    ("embassy-consulate", "assistance", "document-restoration", IDENTITY, 15),
    ("shelter", "protection", "shelter", STORY, 10),
    ("labour-inspection", "legal-aid", "wage-recovery", STORY, 10),
    ("ngo", "return-reintegration", "psychological", STORY, 10),
];
const STORY: &[&str] = &["full-name", "citizenship", "case-summary"];
const IDENTITY: &[&str] = &["full-name", "citizenship"];

const REPLIES: &[&str] = &[
    "Материал зарегистрирован, назначен ответственный сотрудник.",
    "Принято; просим сообщить контактный телефон клиента.",
    "Отказано: не наша компетенция, рекомендуем обратиться в прокуратуру.",
    "Помощь оказана, документы переданы клиенту.",
    "",
];

/// How many of each the generator wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub partners: usize,
    pub consents: usize,
    pub referrals: usize,
    pub steps: usize,
    /// Sent and not answered (or only acknowledged) past the day a reply was due.
    pub waiting_past_due: usize,
}

/// The directory as written: each partner's kind and id.
pub struct Network {
    partners: Vec<(&'static str, PartnerId)>,
    /// Its own random source, so that the cases and their parts are those of a seed without
    /// referrals.
    rng: ChaCha8Rng,
    pub counts: Counts,
}

impl Network {
    /// Adds the demo's partners and those abroad, as `keeper` (who keeps the directory).
    pub fn create(app: &App, keeper: &Actor) -> anyhow::Result<Self> {
        let mut partners = Vec::new();
        for row in demo::PARTNERS.iter().chain(ABROAD) {
            partners.push((row.1, app.add_partner(keeper, demo::partner(row))?));
        }
        let counts = Counts { partners: partners.len(), ..Default::default() };
        Ok(Self { partners, rng: ChaCha8Rng::seed_from_u64(43), counts })
    }

    /// The person's consent, recorded when the case opened (NGOs abroad named besides the
    /// demo's kinds), and one referral under it moved through its steps. Returns it.
    pub fn refer(
        &mut self,
        app: &App,
        lead: &Actor,
        case: CaseId,
        person: PersonId,
        opened_on: NaiveDate,
        words: &Words<'_>,
    ) -> anyhow::Result<ReferralId> {
        let mut consent = demo::signed_consent(opened_on);
        consent.recipients.push(Recipient::Kind("ngo".into()));
        let consent = app.record_consent(lead, person, consent)?;
        self.counts.consents += 1;
        let rng = &mut self.rng;

        let (kind, purpose, service, fields, _) = *ASKS.choose_weighted(rng, |a| a.4)?;
        let of_kind: Vec<PartnerId> = self.partners.iter().filter(|(k, _)| *k == kind).map(|(_, id)| *id).collect();
        let partner = *of_kind.choose(rng).expect("every kind asked is in the directory");
        // Every day falls in 2008, however late in the year the case opened.
        let last = NaiveDate::from_ymd_opt(2008, 12, 31).expect("a day");
        let later = |rng: &mut ChaCha8Rng, from: NaiveDate, days: std::ops::RangeInclusive<u64>| {
            from.checked_add_days(Days::new(rng.gen_range(days))).unwrap_or(from).min(last)
        };
        let made_on = later(rng, opened_on, 0..=7);
        let new = Referring { person, case, consent }.to(partner, purpose, service, made_on, fields);
        let id = app.make_referral(lead, Direction::Outgoing, new)?;
        let sent = later(rng, made_on, 0..=2);
        let reply = later(rng, sent, 2..=20);
        let note = *REPLIES.choose(rng).expect("replies");
        let steps: Vec<(&str, NaiveDate, &str)> = match rng.gen_range(0..100) {
            // Still waiting for the partner's answer, or only told that it arrived.
            0..30 => vec![("sent", sent, "")],
            30..45 => vec![("sent", sent, ""), ("received", reply, "")],
            45..60 => vec![("sent", sent, ""), ("declined", reply, note), ("closed", reply, "")],
            60..75 => vec![("sent", sent, ""), ("received", reply, ""), ("accepted", later(rng, reply, 1..=10), note)],
            _ => vec![
                ("sent", sent, ""),
                ("accepted", reply, note),
                ("services-delivered", later(rng, reply, 5..=60), ""),
            ],
        };
        if steps.last().is_some_and(|(status, _, _)| matches!(*status, "sent" | "received")) {
            self.counts.waiting_past_due += 1;
        }
        demo::move_through(app, lead, id, &steps, words)?;
        self.counts.referrals += 1;
        self.counts.steps += steps.len() + 1;
        Ok(id)
    }
}

/// The referral pages' records, found in the data (a kept run's too).
pub struct Targets {
    pub referrals: Vec<ReferralId>,
    /// The person with the most consents (one for each of their cases), whose page lists them.
    pub consenting: Option<PersonId>,
    /// IOM, which every consent names by its kind: the HTCDS export's recipient.
    pub iom: Option<PartnerId>,
}

/// Where an HTCDS export goes for the pages and services measured.
pub const EXPORT_PURPOSE: &str = "return-reintegration";

impl Targets {
    pub fn find(app: &App) -> anyhow::Result<Self> {
        Ok(app.store().read(|tx| {
            let referrals =
                tx.query("SELECT id FROM referrals", &[])?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
            Ok::<_, komek_store::StoreError>(Self {
                referrals,
                consenting: first(
                    tx,
                    "SELECT person_id FROM consents GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1",
                )?,
                iom: first(
                    tx,
                    "SELECT id FROM partners WHERE kind = 'international-organisation' ORDER BY name, id LIMIT 1",
                )?,
            })
        })?)
    }
}

/// The first column of a statement's first row, if it has one.
fn first<T: komek_store::sql::FromValue>(
    tx: &mut dyn komek_store::Tx,
    sql: &str,
) -> Result<Option<T>, komek_store::StoreError> {
    tx.query_opt(sql, &[])?.map(|r| r.get(0)).transpose()
}

/// The referral services behind the pages, in-process, beside the pages' budgets; the
/// letter's PDF beside its own.
pub fn measure_services(app: &App, actor: &Actor, n: usize, cases: &[CaseId], targets: &Targets) -> anyhow::Result<()> {
    use crate::{measure, report};
    if targets.referrals.is_empty() {
        return Ok(());
    }
    let i18n = komek_web::I18n::load();
    let tr = komek_web::i18n::Tr { i18n: &i18n, lang: komek_web::Lang::Ru };
    let words = |id: &str| tr.t(id);
    let referrals = &targets.referrals;
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let mut any = move || *referrals.choose(&mut rng).expect("referrals");
    report(
        "a referral (`referral_file`: its steps and replies, random referrals)",
        "page < 20 ms",
        measure(n, |_| app.referral_file(actor, any()).map(|_| ())),
    )?;
    report(
        "referral desk (`referrals_under_way`, 100 rows)",
        "page < 20 ms",
        measure(n, |_| app.referrals_under_way(actor, 100).map(|_| ())),
    )?;
    // What the desk page adds to its query: the names of the persons it lists.
    let desk = app.referrals_under_way(actor, 100)?;
    let mut listed: Vec<PersonId> = desk.iter().map(|r| r.person_id).collect();
    listed.sort();
    listed.dedup();
    report(
        &format!("names of the desk's persons (`names_within_reach`, {})", listed.len()),
        "page < 20 ms",
        measure(n, |_| app.names_within_reach(actor, &listed).map(|_| ())),
    )?;
    let office = actor.office_scope(None);
    let today = app.today(actor)?;
    report(
        "referrals awaiting a reply past due (the dashboard's count)",
        "page < 20 ms",
        measure(n, |_| {
            app.store().read(|tx| komek_store::repo::referrals::count_waiting_past_due(tx, office, today)).map(|_| ())
        }),
    )?;
    let everyone = komek_app::partners::PartnerQuery::default();
    report(
        "partner directory (`find_partners`, everyone)",
        "page < 20 ms",
        measure(n, |_| app.find_partners(actor, &everyone).map(|_| ())),
    )?;
    if let Some(person) = targets.consenting {
        report(
            "a person's consents (`consents`, the person with the most)",
            "page < 20 ms",
            measure(n, |_| app.consents(actor, person).map(|_| ())),
        )?;
    }
    if let Some(iom) = targets.iom {
        let to = komek_app::referrals::ExportTo { partner_id: iom, purpose: EXPORT_PURPOSE.into() };
        let mut rng = ChaCha8Rng::seed_from_u64(14);
        report(
            "HTCDS export preview of a case to IOM (`export_preview`, random cases)",
            "page < 20 ms",
            measure(n, |_| app.export_preview(actor, *cases.choose(&mut rng).expect("cases"), Some(&to)).map(|_| ())),
        )?;
        report(
            "HTCDS export of a case to IOM (`htcds_export`, random cases)",
            "page < 20 ms",
            measure(n, |_| {
                let case = komek_app::referrals::CasesToExport::One(*cases.choose(&mut rng).expect("cases"));
                app.htcds_export(actor, case, &to).map(|_| ())
            }),
        )?;
    }
    report(
        "referral letter (`referral_letter`, random referrals)",
        "page < 20 ms",
        measure(n, |_| app.referral_letter(actor, any(), &words).map(|_| ())),
    )?;
    report(
        "referral letter as PDF (`referral_letter` and `to_pdf`, random referrals)",
        "< 200 ms",
        measure(n, |_| app.referral_letter(actor, any(), &words).and_then(|l| l.to_pdf()).map(|_| ())),
    )
}
