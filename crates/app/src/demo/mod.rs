//! The demo year: a fictional but realistic 2008 for a Shymkent organisation, shaped exactly
//! like the published figures of the seed organisation's 2008 annual report (the README lists
//! them) and holding the stories of its cases under invented names. Everything is written through the same services the UI uses, by
//! the staff accounts it creates, so the demo exercises encryption, indexes and audit too.
//!
//! Deterministic for a seed number: the same seed gives the same people, dates and figures
//! (record ids are time-based and differ between runs).

pub mod names;
pub mod referrals;
mod stories;
mod visits;

use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use komek_domain::entities::{Appeal, Case, Office, PartyIdentity, PersonIdentity, PersonProfile, Service};
use komek_domain::{
    AccountId, AppealId, CaseId, Currency, Money, OfficeId, PartyId, PersonId, Role, ServiceId, age_band_at,
};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use komek_domain::casework::{Assessment, IndicatorAnswer, Proceeding, VictimStatus};
use komek_domain::indicators::{Answer, Source};
use komek_domain::{AssessmentId, ProceedingId};

use crate::appeals::{Intake, IntakePerson};
use crate::parties::NewParty;
use crate::{Actor, App, AppResult};
use names::{Name, NamePool, POOLS};

/// Every demo account logs in with this password (the demo only: real accounts get
/// one-time passwords they must change).
pub const DEMO_PASSWORD: &str = "komek-demo-2008";
pub const DEFAULT_SEED: u64 = 2008;
/// The year the seed's annual report describes.
pub const YEAR: i32 = 2008;

/// The published figures the demo year reproduces (seed 000: the 2008 annual report).
pub mod figures {
    pub const APPEALS: usize = 2_560;
    /// Employment, employment contracts or registration at the place of stay.
    pub const EMPLOYMENT_GROUP: usize = 1_324;
    /// Citizenship and residence.
    pub const CITIZENSHIP_GROUP: usize = 819;
    pub const PRIVATE_MATTERS: usize = 417;
    pub const LEGAL_CONSULTATIONS: usize = 1_899;
    /// Appeals that named a sector, and how many per sector (3 / 43 / 13 / 1 / 40 %).
    pub const SECTORS: [(&str, usize); 5] =
        [("trade", 60), ("construction", 860), ("services", 260), ("industry", 20), ("agriculture", 800)];
    /// Appeals that gave a reason for migrating (86 / 8 / 4 / 2 %).
    pub const REASONS: [(&str, usize); 4] = [("economic", 1_720), ("family", 160), ("business", 80), ("political", 40)];
    /// Average monthly wage by occupation, in tenge.
    pub const WAGES: [(&str, i64); 7] = [
        ("handyman", 18_000),
        ("skilled-construction", 20_000),
        ("market-trader", 25_000),
        ("agricultural-worker", 10_000),
        ("foreman", 40_000),
        ("kitchen-worker-cook", 22_000),
        ("service-worker", 25_000),
    ];
    pub const VICTIMS: usize = 42;
    /// Repatriated victims by destination: 29 in all.
    pub const REPATRIATED: [(&str, usize); 3] = [("UZ", 27), ("IL", 1), ("KZ", 1)];
}

/// Occupations within each sector, with how many of the sector's appeals name each.
const OCCUPATIONS: [(&str, &[(&str, usize)]); 5] = [
    ("trade", &[("market-trader", 60)]),
    ("construction", &[("skilled-construction", 420), ("handyman", 370), ("foreman", 70)]),
    ("services", &[("kitchen-worker-cook", 110), ("service-worker", 150)]),
    ("industry", &[("factory-worker", 20)]),
    ("agriculture", &[("agricultural-worker", 770), ("foreman", 30)]),
];

struct StaffMember {
    username: &'static str,
    display_name: &'static str,
    role: Role,
    office: &'static str,
}

const STAFF: &[StaffMember] = &[
    StaffMember {
        username: "director", display_name: "Гульмира Абишева", role: Role::Manager, office: "hq"
    },
    StaffMember {
        username: "aigerim", display_name: "Айгерим Сапарова", role: Role::Lawyer, office: "hq"
    },
    StaffMember { username: "marat", display_name: "Марат Оспанов", role: Role::Lawyer, office: "hq" },
    StaffMember {
        username: "saule", display_name: "Сауле Ахметова", role: Role::Psychologist, office: "hq"
    },
    StaffMember { username: "dana", display_name: "Дана Ким", role: Role::HotlineOperator, office: "hq" },
    StaffMember {
        username: "yerlan", display_name: "Ерлан Жумабеков", role: Role::HotlineOperator, office: "hq"
    },
    StaffMember {
        username: "gulnara", display_name: "Гульнара Исаева", role: Role::MobileConsultant, office: "hq"
    },
    StaffMember {
        username: "bakhyt",
        display_name: "Бахыт Турсунов",
        role: Role::MobileConsultant,
        office: "maktaaral",
    },
    StaffMember {
        username: "nurlan",
        display_name: "Нурлан Абдиев",
        role: Role::MobileConsultant,
        office: "saryagash",
    },
    StaffMember {
        username: "analyst", display_name: "Асель Нурланова", role: Role::Analyst, office: "hq"
    },
];

/// What the demo created, for the CLI to print.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    pub appeals: usize,
    pub persons: usize,
    pub parties: usize,
    pub cases: usize,
    pub referrals: usize,
}

/// (username, role code) of every demo account: each logs in with [`DEMO_PASSWORD`].
pub fn accounts() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("admin", Role::Administrator.code()))
        .chain(STAFF.iter().map(|s| (s.username, s.role.code())))
        .collect()
}

/// The demo staff, by username.
pub(crate) struct Staff {
    members: Vec<(&'static str, Actor)>,
}

impl Staff {
    pub(crate) fn actor(&self, username: &str) -> &Actor {
        &self.members.iter().find(|(u, _)| *u == username).expect("a demo staff member").1
    }

    pub(crate) fn id(&self, username: &str) -> AccountId {
        self.actor(username).account_id().expect("staff have ids")
    }
}

/// The appeal a slot will become: exact counts are dealt out to slots, then shuffled.
#[derive(Debug, Clone, Default)]
pub(crate) struct Slot {
    group: char,
    legal: bool,
    sector: Option<&'static str>,
    occupation: Option<&'static str>,
    wage: Option<i64>,
    reason: Option<&'static str>,
    /// Taken by a case's first appeal (the stories pick theirs by sector).
    taken: bool,
}

/// Shared state while generating: the random source, the staff, the parties made so far.
pub(crate) struct Generator<'a> {
    pub(crate) app: &'a App,
    pub(crate) rng: ChaCha8Rng,
    pub(crate) staff: Staff,
    employers: Vec<PartyId>,
    intermediaries: Vec<PartyId>,
    pub(crate) registration_helper: Option<PartyId>,
    persons: Vec<PersonId>,
    persons_made: usize,
    parties_made: usize,
    slots: Vec<Slot>,
    /// Every case made, for the referrals that follow from it.
    pub(crate) cases: Vec<referrals::DemoCase>,
    /// The person a partner referred to us (Husan, sent by the NGO in Tashkent).
    pub(crate) referred_in: Option<PersonId>,
    /// The mobile group's visits that took place: its appeals are taken on them.
    visits: Vec<visits::DemoVisit>,
}

/// Loads the demo year into an instance just created (its first start made `hq` and `admin`).
/// `letter_words` writes the referral letters filed into the cases as sent (in Russian, the
/// partners' language; the web's translator gives them).
pub fn generate(app: &App, seed: u64, letter_words: &crate::referrals::Words<'_>) -> AppResult<DemoSummary> {
    let hq = app.office_by_code("hq")?.ok_or(crate::AppError::NotFound)?;
    // The first start calls it "Head office"; its letters go out under the centre's name.
    let hq =
        app.update_office(&Actor::System, hq.id, "Правовой центр женских инициатив, Шымкент", hq.utc_offset_minutes)?;
    let mut offices = vec![hq];
    for (code, name) in
        [("maktaaral", "Мактааральский центр правовой помощи"), ("saryagash", "Сарыагашский центр правовой помощи")]
    {
        offices.push(match app.office_by_code(code)? {
            Some(o) => o,
            None => app.create_office(&Actor::System, code, name, 300)?,
        });
    }
    let staff = create_staff(app, &offices)?;
    let mut g = Generator {
        app,
        rng: ChaCha8Rng::seed_from_u64(seed),
        staff,
        employers: Vec::new(),
        intermediaries: Vec::new(),
        registration_helper: None,
        persons: Vec::new(),
        persons_made: 0,
        parties_made: 0,
        slots: Vec::new(),
        cases: Vec::new(),
        referred_in: None,
        visits: Vec::new(),
    };
    g.deal_slots();
    g.make_parties()?;
    let case_count = stories::write_cases(&mut g)?;
    let referral_count = referrals::write_referrals(&mut g, letter_words)?;
    g.visits = visits::write_visits(&mut g)?;
    let mut appeals = case_count;
    for i in 0..g.slots.len() {
        if !g.slots[i].taken {
            let slot = g.slots[i].clone();
            g.write_appeal(&slot, None)?;
            appeals += 1;
        }
    }
    Ok(DemoSummary {
        appeals,
        persons: g.persons_made,
        parties: g.parties_made,
        cases: case_count,
        referrals: referral_count,
    })
}

fn create_staff(app: &App, offices: &[Office]) -> AppResult<Staff> {
    let system = Actor::System;
    let existing = app.accounts(&system)?;
    if let Some(admin) = existing.iter().find(|a| a.username == "admin") {
        app.set_password_directly(&system, admin.id, DEMO_PASSWORD)?;
    }
    let mut members = Vec::new();
    for s in STAFF {
        let office = offices.iter().find(|o| o.code == s.office).expect("demo offices exist");
        // An account of that name already there (an instance's own analyst) is the demo's.
        let mut account = match existing.iter().find(|a| a.username == s.username) {
            Some(account) => account.clone(),
            None => app.create_account(&system, s.username, s.display_name, s.role, office.id, "ru")?.account,
        };
        app.set_password_directly(&system, account.id, DEMO_PASSWORD)?;
        account.must_change_password = false;
        members.push((s.username, Actor::Staff(account)));
    }
    Ok(Staff { members })
}

/// `n` copies of each value, as a flat list.
fn dealt<T: Clone>(counts: &[(T, usize)]) -> Vec<T> {
    counts.iter().flat_map(|(v, n)| std::iter::repeat_n(v.clone(), *n)).collect()
}

/// `n` wages in whole tenge whose average is exactly `mean`: pairs around the mean.
fn wages_averaging(rng: &mut ChaCha8Rng, n: usize, mean: i64) -> Vec<i64> {
    let mut out = Vec::with_capacity(n);
    if !n.is_multiple_of(2) {
        out.push(mean);
    }
    let steps = (mean / 2 / 500).max(1);
    while out.len() < n {
        let delta = rng.gen_range(0..=steps) * 500;
        out.push(mean + delta);
        out.push(mean - delta);
    }
    out.shuffle(rng);
    out
}

impl Generator<'_> {
    /// Deals the published counts out to 2,560 slots.
    fn deal_slots(&mut self) {
        use figures::*;
        let rng = &mut self.rng;
        let mut groups = dealt(&[('E', EMPLOYMENT_GROUP), ('C', CITIZENSHIP_GROUP), ('P', PRIVATE_MATTERS)]);
        groups.shuffle(rng);
        let mut legal = dealt(&[(true, LEGAL_CONSULTATIONS), (false, APPEALS - LEGAL_CONSULTATIONS)]);
        legal.shuffle(rng);
        let mut slots: Vec<Slot> =
            groups.into_iter().zip(legal).map(|(group, legal)| Slot { group, legal, ..Slot::default() }).collect();
        // Sectors, occupations and reasons go to work-related appeals only.
        let work: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].group != 'P').collect();
        let mut sectors: Vec<Option<&'static str>> = dealt(&SECTORS).into_iter().map(Some).collect();
        sectors.resize(work.len(), None);
        sectors.shuffle(rng);
        for (&i, sector) in work.iter().zip(sectors) {
            slots[i].sector = sector;
        }
        for (sector, occupations) in OCCUPATIONS {
            let mut in_sector: Vec<usize> = work.iter().copied().filter(|&i| slots[i].sector == Some(sector)).collect();
            in_sector.shuffle(rng);
            let mut occupations = dealt(occupations);
            occupations.shuffle(rng);
            for (i, occupation) in in_sector.into_iter().zip(occupations) {
                slots[i].occupation = Some(occupation);
            }
        }
        for (occupation, mean) in WAGES {
            let with: Vec<usize> = (0..slots.len()).filter(|&i| slots[i].occupation == Some(occupation)).collect();
            // About two in three callers say what they earn.
            let n = with.len() * 2 / 3;
            for (&i, wage) in with.iter().zip(wages_averaging(rng, n, mean)) {
                slots[i].wage = Some(wage);
            }
        }
        let mut reasons: Vec<Option<&'static str>> = dealt(&REASONS).into_iter().map(Some).collect();
        reasons.resize(work.len(), None);
        reasons.shuffle(rng);
        for (&i, reason) in work.iter().zip(reasons) {
            slots[i].reason = reason;
        }
        self.slots = slots;
    }

    /// Takes a free employment-group slot of the given sector for a case's first appeal.
    pub(crate) fn take_slot(&mut self, sector: Option<&str>) -> usize {
        let i = (0..self.slots.len())
            .find(|&i| {
                let s = &self.slots[i];
                !s.taken && s.group == 'E' && s.legal && (sector.is_none() || s.sector == sector)
            })
            .expect("the demo year has employment appeals of every sector");
        self.slots[i].taken = true;
        i
    }

    fn make_parties(&mut self) -> AppResult<()> {
        let operator = self.staff.actor("dana").clone();
        for i in 0..120 {
            let (kind, name) = if i % 3 == 0 {
                ("company", names::COMPANIES[i / 3 % names::COMPANIES.len()].to_owned())
            } else {
                let pool = &POOLS[3];
                ("person", self.full_name(pool, true).0)
            };
            let district = self.work_place("agriculture").1;
            let party = NewParty {
                kind: kind.into(),
                region: Some("turkistan".into()),
                district: district.map(str::to_owned),
                identity: PartyIdentity { name, phones: vec![self.kz_phone()], ..Default::default() },
            };
            let id = self.app.register_party(&operator, None, party)?;
            self.employers.push(id);
        }
        for _ in 0..25 {
            let pool = POOLS[self.rng.gen_range(0..2)];
            let male = self.rng.gen_bool(0.6);
            let (name, alias) = self.full_name(&pool, male);
            let party = NewParty {
                kind: "person".into(),
                identity: PartyIdentity {
                    name,
                    other_names: vec![alias],
                    phones: vec![self.uz_phone()],
                    ..Default::default()
                },
                ..Default::default()
            };
            let id = self.app.register_party(&operator, None, party)?;
            self.intermediaries.push(id);
        }
        self.parties_made += 145;
        Ok(())
    }

    /// A person's full name as said, and another spelling of it.
    pub(crate) fn full_name(&mut self, pool: &NamePool, male: bool) -> (String, String) {
        let (given, surnames) =
            if male { (pool.male_given, pool.male_surnames) } else { (pool.female_given, pool.female_surnames) };
        let g: &Name = given.choose(&mut self.rng).expect("name pools are not empty");
        let s: &Name = surnames.choose(&mut self.rng).expect("name pools are not empty");
        let latin = |n: &Name, rng: &mut ChaCha8Rng| *n.latin.choose(rng).expect("every name has a Latin spelling");
        let cyrillic = format!("{} {}", s.cyrillic, g.cyrillic);
        let latin_name = format!("{} {}", latin(g, &mut self.rng), latin(s, &mut self.rng));
        if self.rng.gen_bool(0.65) { (cyrillic, latin_name) } else { (latin_name, cyrillic) }
    }

    pub(crate) fn kz_phone(&mut self) -> String {
        let operator =
            ["701", "702", "705", "707", "747", "771", "775", "778"].choose(&mut self.rng).copied().unwrap_or("701");
        let n: u32 = self.rng.gen_range(0..10_000_000);
        // Written the way people write them: local and international forms both occur.
        if self.rng.gen_bool(0.5) {
            format!("8 {operator} {:03} {:02} {:02}", n / 10_000, n / 100 % 100, n % 100)
        } else {
            format!("+7{operator}{n:07}")
        }
    }

    pub(crate) fn uz_phone(&mut self) -> String {
        let operator = ["90", "91", "93", "94", "97", "99"].choose(&mut self.rng).copied().unwrap_or("90");
        let n: u32 = self.rng.gen_range(0..10_000_000);
        format!("+998 {operator} {:03}-{:02}-{:02}", n / 10_000, n / 100 % 100, n % 100)
    }

    fn pick_citizenship(&mut self) -> &'static str {
        let roll = self.rng.gen_range(0..100);
        match roll {
            0..73 => "UZ",
            73..83 => "KG",
            83..91 => "TJ",
            91..97 => "KZ",
            _ => "RU",
        }
    }

    /// A new person of a citizenship, registered by `actor`.
    pub(crate) fn new_person(
        &mut self,
        actor: &Actor,
        citizenship: &str,
        male: bool,
        age: i32,
        on: NaiveDate,
    ) -> AppResult<PersonId> {
        let pool = POOLS.iter().find(|p| p.citizenship == citizenship).copied().unwrap_or(POOLS[4]);
        let (full_name, other) = self.full_name(&pool, male);
        let mut phones = Vec::new();
        if self.rng.gen_bool(0.8) {
            let phone = if citizenship == "UZ" && self.rng.gen_bool(0.5) { self.uz_phone() } else { self.kz_phone() };
            phones.push(phone);
        }
        let mut documents = Vec::new();
        if self.rng.gen_bool(0.4) {
            let series = match citizenship {
                "UZ" => "AA",
                "KG" => "AN",
                "TJ" => "A",
                "KZ" => "N",
                _ => "75",
            };
            documents.push(format!("{series}{:07}", self.rng.gen_range(0..10_000_000)));
        }
        let home = names::HOME_PLACES
            .iter()
            .find(|(c, _)| *c == citizenship)
            .and_then(|(_, places)| places.choose(&mut self.rng))
            .copied()
            .unwrap_or("");
        let languages = match citizenship {
            "UZ" => vec!["uz", "ru"],
            "KG" => vec!["ky", "ru"],
            "TJ" => vec!["tg", "ru"],
            "KZ" => vec!["kk", "ru"],
            _ => vec!["ru"],
        };
        let birth_year = on.year() - age;
        let profile = PersonProfile {
            sex: if male { "male" } else { "female" }.into(),
            citizenship: citizenship.into(),
            other_citizenships: vec![],
            age_band: age_band_at(birth_year, on).into(),
            home_region: home.into(),
            languages: languages.into_iter().map(str::to_owned).collect(),
            vulnerabilities: if age < 18 { vec!["minor".into()] } else { vec![] },
            anonymous: false,
        };
        let identity = PersonIdentity {
            passport_name: if self.rng.gen_bool(0.3) { other.to_uppercase() } else { String::new() },
            other_spellings: if self.rng.gen_bool(0.3) { vec![other] } else { vec![] },
            full_name,
            birth_year: Some(birth_year),
            phones,
            documents,
            ..Default::default()
        };
        let id = self.app.register_person(actor, None, profile, identity)?;
        self.persons.push(id);
        self.persons_made += 1;
        Ok(id)
    }

    /// A moment of a working day in the year, weighted to the seasons of migrant work.
    pub(crate) fn moment(&mut self) -> chrono::DateTime<Utc> {
        const MONTH_WEIGHTS: [u32; 12] = [4, 4, 7, 10, 11, 9, 8, 8, 10, 11, 10, 8];
        let total: u32 = MONTH_WEIGHTS.iter().sum();
        let mut roll = self.rng.gen_range(0..total);
        let mut month = 1;
        for (i, w) in MONTH_WEIGHTS.iter().enumerate() {
            if roll < *w {
                month = i as u32 + 1;
                break;
            }
            roll -= w;
        }
        let days = NaiveDate::from_ymd_opt(YEAR + i32::from(month == 12), month % 12 + 1, 1)
            .and_then(|d| d.pred_opt())
            .map_or(28, |d| d.day());
        let day = self.rng.gen_range(1..=days);
        self.moment_on(NaiveDate::from_ymd_opt(YEAR, month, day).expect("a day of the month"))
    }

    /// Office hours (9:00–18:00 local, UTC+5) on a given day, in UTC.
    pub(crate) fn moment_on(&mut self, day: NaiveDate) -> chrono::DateTime<Utc> {
        let minute = self.rng.gen_range(9 * 60..18 * 60) - 5 * 60;
        Utc.from_utc_datetime(
            &day.and_hms_opt(minute / 60, minute % 60, self.rng.gen_range(0..60)).expect("a time of day"),
        )
    }

    /// Region and district of work for a sector.
    pub(crate) fn work_place(&mut self, sector: &str) -> (&'static str, Option<&'static str>) {
        const FIELDS: [&str; 8] =
            ["maktaaral", "maktaaral", "maktaaral", "saryagash", "zhetysai", "kazygurt", "sairam", "shardara"];
        const CITY: [&str; 5] =
            ["shymkent-abai", "shymkent-al-farabi", "shymkent-enbekshi", "shymkent-karatau", "shymkent-turan"];
        match sector {
            "agriculture" => ("turkistan", FIELDS.choose(&mut self.rng).copied()),
            "construction" if self.rng.gen_bool(0.25) => (
                ["astana", "almaty-city", "atyrau", "kyzylorda"].choose(&mut self.rng).copied().unwrap_or("astana"),
                None,
            ),
            "industry" => {
                ("turkistan", Some(["tolebi", "kentau", "arys"].choose(&mut self.rng).copied().unwrap_or("kentau")))
            }
            _ => ("shymkent", CITY.choose(&mut self.rng).copied()),
        }
    }

    fn topics_for(&mut self, group: char) -> Vec<String> {
        let (core, extras): (&[&str], &[&str]) = match group {
            'E' => (
                &["employment", "employment-contract", "registration"],
                &["wages-unpaid", "documents-taken", "detention-expulsion", "health"],
            ),
            'C' => (&["citizenship", "residence-permit"], &["children-education", "detention-expulsion"]),
            _ => (&["private-matter"], &["health", "children-education"]),
        };
        let mut topics = vec![core.choose(&mut self.rng).copied().unwrap_or(core[0]).to_owned()];
        if core.len() > 1 && self.rng.gen_bool(0.3) {
            topics.push(core.choose(&mut self.rng).copied().unwrap_or(core[0]).to_owned());
        }
        if self.rng.gen_bool(0.2) {
            topics.push(extras.choose(&mut self.rng).copied().unwrap_or(extras[0]).to_owned());
        }
        topics
    }

    /// Writes the appeal of a slot. `case` gives a case's first appeal its person, day and
    /// extra topics; ordinary appeals find or make their own caller.
    pub(crate) fn write_appeal(&mut self, slot: &Slot, case: Option<CaseAppeal>) -> AppResult<AppealId> {
        let channel = *[
            "hotline-phone",
            "hotline-phone",
            "hotline-phone",
            "hotline-phone",
            "hotline-phone",
            "hotline-phone",
            "walk-in",
            "walk-in",
            "district-centre",
            "mobile-group",
            "border-point",
            "messenger",
        ]
        .choose(&mut self.rng)
        .unwrap_or(&"hotline-phone");
        let operator = match channel {
            "district-centre" => *["bakhyt", "nurlan"].choose(&mut self.rng).unwrap_or(&"bakhyt"),
            "mobile-group" | "border-point" => {
                *["bakhyt", "nurlan", "gulnara"].choose(&mut self.rng).unwrap_or(&"gulnara")
            }
            _ => *["dana", "yerlan", "dana", "yerlan", "aigerim", "marat"].choose(&mut self.rng).unwrap_or(&"dana"),
        };
        let actor = self.staff.actor(operator).clone();
        let mut received_at = match &case {
            Some(c) => self.moment_on(c.day),
            None => self.moment(),
        };
        // The mobile group's appeals are consultations on one of the month's visits.
        let visit = match (&case, channel) {
            (None, "mobile-group") => {
                let month = received_at.month();
                let of_month: Vec<_> = self.visits.iter().filter(|v| v.day.month() == month).copied().collect();
                of_month.choose(&mut self.rng).copied()
            }
            _ => None,
        };
        if let Some(v) = visit {
            received_at = self.moment_on(v.day);
        }
        let contact = match &case {
            Some(_) => "migrant",
            None => *[
                "migrant",
                "migrant",
                "migrant",
                "migrant",
                "migrant",
                "migrant",
                "relative",
                "relative",
                "employer",
                "partner",
                "anonymous",
            ]
            .choose(&mut self.rng)
            .unwrap_or(&"migrant"),
        };
        let person_id = match &case {
            Some(c) => Some(c.person),
            None if contact == "anonymous" || contact == "partner" => None,
            None if !self.persons.is_empty() && self.rng.gen_bool(0.15) => self.persons.choose(&mut self.rng).copied(),
            None => {
                let citizenship = self.pick_citizenship();
                let male = self.rng.gen_bool(if slot.sector == Some("agriculture") { 0.55 } else { 0.75 });
                let age = self.rng.gen_range(18..56);
                Some(self.new_person(&actor, citizenship, male, age, received_at.date_naive())?)
            }
        };
        let mut topics = self.topics_for(slot.group);
        let mut help = vec![];
        if slot.legal {
            help.push("legal-consultation".to_owned());
        }
        let other_help = *["information", "information", "psychological-consultation", "referral"]
            .choose(&mut self.rng)
            .unwrap_or(&"information");
        if !slot.legal || self.rng.gen_bool(0.3) {
            help.push(other_help.to_owned());
        }
        let (region, district) = match slot.sector {
            Some(sector) => {
                let (r, d) = self.work_place(sector);
                (Some(r.to_owned()), d.map(str::to_owned))
            }
            None => (None, None),
        };
        let mut parties = Vec::new();
        let names_employer = slot.group == 'E' && self.rng.gen_bool(0.25);
        if names_employer {
            // A few employers draw many complaints: the registry of repeat offenders starts here.
            let i = (self.rng.gen_range(0.0f64..1.0).powi(3) * self.employers.len() as f64) as usize;
            parties.push((self.employers[i.min(self.employers.len() - 1)], "employer".to_owned()));
            topics.push("wages-unpaid".into());
        }
        if slot.group == 'E' && topics.iter().any(|t| t == "registration") && self.rng.gen_bool(0.05) {
            if let Some(helper) = self.registration_helper {
                parties.push((helper, "registration-helper".to_owned()));
                topics.push("documents-taken".into());
            }
        } else if slot.group == 'E' && self.rng.gen_bool(0.04) {
            let i = self.rng.gen_range(0..self.intermediaries.len());
            parties.push((self.intermediaries[i], "intermediary".to_owned()));
        }
        let mut notes = None;
        let mut outcome = if help.iter().any(|h| h == "referral") { "referred" } else { "advised" };
        let mut follow_up_on = None;
        if let Some(c) = case {
            topics.extend(c.topics.iter().map(|t| t.to_string()));
            parties.extend(c.parties);
            notes = Some(c.notes);
            outcome = "case-opened";
        } else if self.rng.gen_bool(0.1) {
            follow_up_on = received_at.date_naive().checked_add_days(chrono::Days::new(self.rng.gen_range(1..8)));
        }
        parties.sort();
        parties.dedup_by(|a, b| a.0 == b.0);
        let appeal = Appeal {
            person_id,
            topics,
            help,
            occupation: slot.occupation.map(str::to_owned),
            sector: slot.sector.map(str::to_owned),
            work_region: region,
            work_district: district,
            wage: slot.wage.map(|w| Money::from_major(w, Currency::KZT)),
            migration_reason: slot.reason.map(str::to_owned),
            notes,
            follow_up_on,
            parties,
            ..Appeal::received(OfficeId::default(), AccountId::default(), received_at, channel, contact, outcome)
        };
        // A caller known elsewhere (another office, a case team) is still this operator's
        // appeal; the generator, which sees everything, links it on the operator's behalf.
        let (actor, appeal) = match person_id {
            Some(person) if !self.app.can_reach_person(&actor, person)? => {
                let on_behalf = Appeal {
                    office_id: actor.office_id().expect("staff have an office"),
                    operator_id: actor.account_id().expect("staff have ids"),
                    ..appeal
                };
                (Actor::System, on_behalf)
            }
            _ => (actor, appeal),
        };
        let person = appeal.person_id.map_or(IntakePerson::None, IntakePerson::Known);
        let intake =
            Intake { appeal, person, new_parties: Vec::new(), lead_notice: String::new(), visit: visit.map(|v| v.id) };
        Ok(self.app.register_intake(&actor, intake)?.appeal_id)
    }

    pub(crate) fn slot(&self, i: usize) -> Slot {
        self.slots[i].clone()
    }

    pub(crate) fn count_party(&mut self) {
        self.parties_made += 1;
    }
}

/// What a case's first appeal carries beyond its slot.
pub(crate) struct CaseAppeal {
    pub person: PersonId,
    pub day: NaiveDate,
    pub topics: Vec<&'static str>,
    pub parties: Vec<(PartyId, String)>,
    pub notes: String,
}

/// Everything a case needs that the generator does not decide by chance.
pub(crate) struct CasePlan {
    pub kind: &'static str,
    pub status: &'static str,
    pub sensitive: bool,
    pub lead: &'static str,
    pub team: Vec<&'static str>,
    pub person: PersonId,
    pub parties: Vec<(PartyId, String)>,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub recruited_at: String,
    pub exploited: (Option<&'static str>, Option<&'static str>, Option<&'static str>),
    /// How the person was recruited and kept under control, as far as the story tells.
    pub recruitment: Vec<&'static str>,
    pub control: Vec<&'static str>,
    pub outcomes: Vec<&'static str>,
    pub summary: String,
}

/// A service to record in a case.
pub(crate) struct ServicePlan {
    pub kind: &'static str,
    pub on: NaiveDate,
    pub provider: &'static str,
    pub result: String,
    pub destination: Option<&'static str>,
    pub claimed: Option<i64>,
    pub recovered: Option<i64>,
}

impl Generator<'_> {
    pub(crate) fn open_case(&mut self, plan: CasePlan, services: Vec<ServicePlan>) -> AppResult<CaseId> {
        let lead = self.staff.actor(plan.lead).clone();
        let closed = plan.status.starts_with("closed");
        let returned = plan.outcomes.contains(&"returned-home");
        // Every demo case is one of the year's assisted victims, identified by us.
        let victim = VictimStatus {
            person_id: plan.person,
            status: "identified".into(),
            identified_by: Some("ngo".into()),
            identified_on: Some(plan.opened_on),
        };
        let sentenced = plan.outcomes.contains(&"sentence");
        let case = Case {
            status: plan.status.into(),
            sensitive: plan.sensitive,
            team: plan.team.iter().map(|u| self.staff.id(u)).collect(),
            persons: vec![plan.person],
            parties: plan.parties,
            closed_on: plan.closed_on,
            recruited_at: plan.recruited_at,
            exploited_region: plan.exploited.0.map(str::to_owned),
            exploited_district: plan.exploited.1.map(str::to_owned),
            exploited_place: plan.exploited.2.map(str::to_owned),
            exploited_country: None,
            recruitment_methods: plan.recruitment.into_iter().map(str::to_owned).collect(),
            means_of_control: plan.control.into_iter().map(str::to_owned).collect(),
            outcomes: plan.outcomes.into_iter().map(str::to_owned).collect(),
            closing_reason: closed.then(|| if returned { "person-returned-home" } else { "goals-achieved" }.to_owned()),
            victims: vec![victim],
            summary: Some(plan.summary),
            ..Case::opened(OfficeId::default(), plan.kind, self.staff.id(plan.lead), plan.opened_on)
        };
        let kind = case.kind.clone();
        let repatriated_on = services.iter().find(|s| s.kind == "repatriation" && s.provider == "МОМ").map(|s| s.on);
        let (lead_name, person, opened_on, case_kind) = (plan.lead, plan.person, plan.opened_on, plan.kind);
        let id = self.app.open_case(&lead, case)?;
        self.cases.push(referrals::DemoCase {
            id,
            lead: lead_name,
            person,
            kind: case_kind,
            opened_on,
            repatriated_on,
        });
        self.assess(&lead, id, plan.person, &kind, plan.opened_on)?;
        if sentenced {
            self.sentence(&lead, id, plan.opened_on, plan.closed_on)?;
        }
        for s in services {
            let kzt = |v: i64| Money::from_major(v, Currency::KZT);
            self.app.add_service(
                &lead,
                Service {
                    id: ServiceId::new(),
                    case_id: id,
                    person_id: Some(plan.person),
                    kind: s.kind.into(),
                    delivered_on: s.on,
                    provider: s.provider.into(),
                    result: s.result,
                    accompanied_by: String::new(),
                    destination_country: s.destination.map(str::to_owned),
                    amount_claimed: s.claimed.map(kzt),
                    amount_recovered: s.recovered.map(kzt),
                },
            )?;
        }
        Ok(id)
    }

    /// The first assessment of a demo case, by the forced-labour indicators: what each kind of
    /// case typically shows. Wage cases stay below the ILO threshold.
    fn assess(&mut self, lead: &Actor, case: CaseId, person: PersonId, kind: &str, on: NaiveDate) -> AppResult<()> {
        let yes: &[&str] = match kind {
            "unpaid-wages" | "labour-exploitation" => &["fl-il-waiting-for-wages"],
            "documents-withheld" => &["fl-p-confiscation-documents"],
            "trafficking-sexual" => &["fl-ur-deceptive-recruitment", "fl-wl-limited-freedom", "fl-p-violence"],
            _ => &["fl-ur-deceptive-recruitment", "fl-p-confiscation-documents", "fl-p-withholding-wages"],
        };
        let answers = yes
            .iter()
            .map(|code| IndicatorAnswer {
                indicator: (*code).to_owned(),
                answer: Answer::Yes,
                source: Some(Source::Interview),
                noted_on: Some(on),
            })
            .chain(["fl-ur-sale-of-worker", "fl-ur-coercive-recruitment"].into_iter().map(|code| IndicatorAnswer {
                indicator: code.to_owned(),
                answer: Answer::No,
                source: Some(Source::Interview),
                noted_on: Some(on),
            }))
            .collect();
        self.app.add_assessment(
            lead,
            Assessment {
                id: AssessmentId::new(),
                case_id: case,
                person_id: person,
                catalogue: "ilo-2012-forced-labour".into(),
                edition: String::new(),
                assessed_on: on,
                assessor_id: None,
                minor: false,
                answers,
            },
        )?;
        Ok(())
    }

    /// The year's case that went to court: seven years under the 1997 Criminal Code.
    fn sentence(&mut self, lead: &Actor, case: CaseId, opened: NaiveDate, decided: Option<NaiveDate>) -> AppResult<()> {
        self.app.add_proceeding(
            lead,
            Proceeding {
                id: ProceedingId::new(),
                case_id: case,
                kind: "criminal".into(),
                authority: "court".into(),
                articles: vec!["cc1997-133".into(), "cc1997-271".into()],
                stage: "decided".into(),
                opened_on: opened,
                hearings: Vec::new(),
                outcome: Some("sentence".into()),
                decided_on: decided,
                sentence_months: Some(7 * 12),
                fine: None,
                notes: String::new(),
            },
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wages_average_exactly_to_the_published_mean() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for (n, mean) in [(1, 18_000), (7, 10_000), (514, 25_000)] {
            let wages = wages_averaging(&mut rng, n, mean);
            assert_eq!(wages.len(), n);
            assert_eq!(wages.iter().sum::<i64>(), mean * n as i64);
            assert!(wages.iter().all(|w| *w > 0));
        }
    }
}
