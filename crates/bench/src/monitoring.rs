//! The mobile group's visits of the generated data, written through the monitoring services as
//! staff would write them: farms and firms of the registry (a few visited again and again),
//! visits through 2008 to the districts of the region with what was counted and found, and an
//! on-site consultation on one visit in ten. Then the visit page, the page of the party with
//! the most records and the repeat offenders' list are measured.

use chrono::NaiveDate;
use komek_app::appeals::{Intake, IntakePerson};
use komek_app::parties::NewParty;
use komek_app::{Actor, App};
use komek_domain::entities::{Appeal, PartyIdentity};
use komek_domain::monitoring::{
    Check, CitizenshipCount, Material, Observation, PeopleMet, Violation, Visit, VisitNotes,
};
use komek_domain::{AppealId, OfficeId, PartyId, VisitId};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The district the repeat offenders' list is measured for: the seed's cotton district.
pub const DISTRICT: &str = "maktaaral";
/// Districts of the region the visits go to.
const DISTRICTS: [&str; 8] =
    ["maktaaral", "maktaaral", "saryagash", "zhetysai", "kazygurt", "sairam", "shardara", "tolebi"];
const PLACES: [&str; 6] =
    ["cotton-field", "cotton-field", "vineyard", "melon-field", "greenhouse", "construction-site"];
const VIOLATIONS: [&str; 6] = [
    "wages-withheld",
    "degrading-living-conditions",
    "no-drinking-water",
    "excessive-hours",
    "restricted-movement",
    "deception",
];

/// Writes `n` visits (and one farm for every ten) as `actor`; returns how many consultations
/// were taken on them.
pub fn write(app: &App, actor: &Actor, office: OfficeId, n: usize) -> anyhow::Result<usize> {
    let mut rng = ChaCha8Rng::seed_from_u64(44);
    let mut farms: Vec<(PartyId, &str)> = Vec::new();
    for i in 0..(n / 10).max(1) {
        let district = *DISTRICTS.choose(&mut rng).expect("districts");
        let farm = NewParty {
            kind: "company".into(),
            region: Some("turkistan".into()),
            district: Some(district.into()),
            identity: PartyIdentity { name: format!("КХ «Хлопковое-{i}»"), ..Default::default() },
        };
        farms.push((app.register_party(actor, Some(office), farm)?, district));
    }
    let mut consultations = 0;
    for i in 0..n {
        if n >= 10 && i.is_multiple_of(n / 10) {
            eprintln!("  visits: {i} / {n}");
        }
        // A few farms draw most visits: the repeat offenders.
        let (party, district) = farms[((rng.gen_range(0.0f64..1.0).powi(3)) * farms.len() as f64) as usize];
        let day = NaiveDate::from_yo_opt(2008, rng.gen_range(1..=366)).expect("a day of 2008");
        let visit = visit(&mut rng, party, district, day);
        let saved = app.create_visit(actor, None, visit, None)?;
        if rng.gen_bool(0.1) {
            let at = day.and_hms_opt(7, rng.gen_range(0..60), 0).expect("a time").and_utc();
            let operator = actor.account_id().expect("staff");
            let appeal = Appeal {
                topics: vec!["documents-taken".into()],
                help: vec!["legal-consultation".into()],
                ..Appeal::received(office, operator, at, "mobile-group", "migrant", "advised")
            };
            let intake = Intake {
                appeal: Appeal { id: AppealId::new(), ..appeal },
                person: IntakePerson::None,
                new_parties: Vec::new(),
                lead_notice: String::new(),
                visit: Some(saved.id),
            };
            app.register_intake(actor, intake)?;
            consultations += 1;
        }
    }
    Ok(consultations)
}

fn visit(rng: &mut ChaCha8Rng, party: PartyId, district: &str, day: NaiveDate) -> Visit {
    let total: u32 = rng.gen_range(10..=90);
    let women = total * rng.gen_range(20..=60) / 100;
    let minors = total * rng.gen_range(0..=20) / 100;
    let held = total * rng.gen_range(0..=40) / 100;
    let mut checks = vec![Check { item: "written-contracts".into(), answer: Observation::No, people: Some(total) }];
    if held > 0 {
        checks.push(Check { item: "passports-held".into(), answer: Observation::Yes, people: Some(held) });
    }
    if minors > 0 {
        checks.push(Check { item: "children-working".into(), answer: Observation::Yes, people: Some(minors) });
    }
    let found = rng.gen_range(0..3);
    let violations =
        VIOLATIONS.choose_multiple(rng, found).map(|v| Violation { kind: (*v).into(), people: None }).collect();
    Visit {
        id: VisitId::new(),
        office_id: OfficeId::default(),
        status: "done".into(),
        planned_on: day,
        visited_on: Some(day),
        region: "turkistan".into(),
        district: district.into(),
        place_kind: (*PLACES.choose(rng).expect("places")).into(),
        party_id: Some(party),
        partners: vec![],
        team: vec![],
        people: PeopleMet {
            total,
            women,
            men: total - women,
            minors,
            citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: total }],
        },
        checks,
        hours_per_day: Some(rng.gen_range(8..=13)),
        violations,
        materials: vec![Material { kind: "leaflet".into(), language: "uz".into(), quantity: 50 }],
        notes: Some(VisitNotes {
            settlement: "аул".into(),
            narrative: "Рейд с прокуратурой.".into(),
            ..Default::default()
        }),
        created_by: None,
        updated_at: chrono::Utc::now(),
        version: 1,
    }
}

/// What the monitoring pages are measured on, read from the data.
#[derive(Debug, Clone, Default)]
pub struct Targets {
    pub visits: Vec<VisitId>,
    /// The party with the most visits: its page is the heaviest.
    pub busiest_party: Option<PartyId>,
}

impl Targets {
    pub fn find(app: &App) -> anyhow::Result<Self> {
        Ok(app.store().read(|tx| {
            let visits = tx.query("SELECT id FROM visits", &[])?.iter().map(|r| r.get(0)).collect::<Result<_, _>>()?;
            let busiest_party = tx
                .query_opt(
                    "SELECT party_id FROM visits WHERE party_id IS NOT NULL
                     GROUP BY party_id ORDER BY count(*) DESC, party_id LIMIT 1",
                    &[],
                )?
                .map(|r| r.get(0))
                .transpose()?;
            Ok(Self { visits, busiest_party })
        })?)
    }
}

/// The visit page's, the busiest party's and the repeat offenders' services.
pub fn measure_services(app: &App, actor: &Actor, n: usize, targets: &Targets) -> anyhow::Result<()> {
    use crate::{measure, report};
    if targets.visits.is_empty() {
        return Ok(());
    }
    let mut rng = ChaCha8Rng::seed_from_u64(45);
    let visits = &targets.visits;
    report(
        "a visit (`visit_file`: findings, party, consultations, the visit before; random visits)",
        "page < 20 ms",
        measure(n, |_| app.visit_file(actor, *visits.choose(&mut rng).expect("visits")).map(|_| ())),
    )?;
    if let Some(party) = targets.busiest_party {
        report(
            "the party with the most visits (`party_file`: its appeals and visits)",
            "page < 20 ms",
            measure(n, |_| app.party_file(actor, party).map(|_| ())),
        )?;
    }
    report(
        &format!("repeat offenders of {DISTRICT} (`repeat_offenders`)"),
        "page < 20 ms",
        measure(n, |_| app.repeat_offenders(actor, Some(DISTRICT)).map(|_| ())),
    )?;
    report(
        "repeat offenders of every district",
        "page < 20 ms",
        measure(n, |_| app.repeat_offenders(actor, None).map(|_| ())),
    )?;
    let month = komek_app::monitoring::VisitQuery {
        from: NaiveDate::from_ymd_opt(2008, 9, 1),
        to: NaiveDate::from_ymd_opt(2008, 9, 30),
        oldest_first: true,
        ..Default::default()
    };
    report(
        "a month of visits (`visits`, 50 rows)",
        "page < 20 ms",
        measure(n, |_| app.visits(actor, &month, 0).map(|_| ())),
    )
}
