//! The mobile group's year: the seed's "monthly raids to the districts of the region … to the
//! fields, vineyards, and in winter the greenhouses, jointly with the regional prosecutor's
//! office". Three visits a month by the season's work (greenhouses and bazaars in winter,
//! sowing in spring, melon fields and vineyards in summer, the cotton harvest from September
//! to November), one called off for the weather, and the seed's raid on a Maktaaral cotton
//! farm — 63 workers from Uzbekistan, 11 of them minors, 20 passports held by the foreman, no
//! written contracts — with a return visit a month later that finds the passports returned.
//! The group's three mobile consultants go on every visit, so each of them takes appeals on it.

use chrono::{Datelike, NaiveDate};
use komek_domain::monitoring::{Check, CitizenshipCount, Material, Observation, PeopleMet, Visit, VisitNotes};
use komek_domain::{OfficeId, PartyId, VisitId};
use rand::Rng;
use rand::seq::SliceRandom;

use super::{Generator, YEAR};
use crate::AppResult;
use crate::partners::PartnerQuery;

/// A visit that took place, for the on-site consultations that follow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DemoVisit {
    pub id: VisitId,
    pub day: NaiveDate,
}

/// Where the group goes in each month: (place kind, district) of its three visits.
const SEASONS: [[(&str, &str); 3]; 12] = [
    [("greenhouse", "sairam"), ("bazaar", "shymkent-al-farabi"), ("greenhouse", "tolebi")],
    [("greenhouse", "sairam"), ("construction-site", "shymkent-karatau"), ("bazaar", "shymkent-abai")],
    [("greenhouse", "kazygurt"), ("construction-site", "shymkent-turan"), ("day-labour-market", "shymkent-abai")],
    [("cotton-field", "maktaaral"), ("vineyard", "saryagash"), ("construction-site", "shymkent-enbekshi")],
    [("cotton-field", "maktaaral"), ("vineyard", "kazygurt"), ("cotton-field", "zhetysai")],
    [("melon-field", "shardara"), ("cotton-field", "maktaaral"), ("vineyard", "saryagash")],
    [("melon-field", "maktaaral"), ("vineyard", "saryagash"), ("construction-site", "shymkent-turan")],
    [("melon-field", "shardara"), ("tobacco-field", "kazygurt"), ("vineyard", "saryagash")],
    [("cotton-field", "maktaaral"), ("cotton-field", "zhetysai"), ("ginning-factory", "saryagash")],
    [("cotton-field", "maktaaral"), ("cotton-field", "maktaaral"), ("ginning-factory", "maktaaral")],
    [("cotton-field", "maktaaral"), ("cotton-field", "zhetysai"), ("greenhouse", "sairam")],
    [("greenhouse", "sairam"), ("bazaar", "shymkent-al-farabi"), ("ginning-factory", "saryagash")],
];

const NARRATIVES: &[&str] = &[
    "Рейд совместно с прокуратурой области; работодатель присутствовал, работники опрошены без него.",
    "Работники живут в построенных ими самими времянках у поля; раздали памятки, записали обращения.",
    "Бригадир отказался называть хозяина; работники просили помочь с регистрацией.",
    "Условия тяжёлые, воду привозят раз в день; консультировали на месте.",
    "Проверка по обращению работников о невыплате заработной платы.",
];

fn check(item: &str, answer: Observation, people: Option<u32>) -> Check {
    Check { item: item.into(), answer, people }
}

/// Writes the year's visits; returns those that took place, in day order.
pub(crate) fn write_visits(g: &mut Generator<'_>) -> AppResult<Vec<DemoVisit>> {
    let leader = g.staff.actor("gulnara").clone();
    let team = ["gulnara", "bakhyt", "nurlan"].map(|u| g.staff.id(u)).to_vec();
    let prosecutor = g.app.find_partners(
        &leader,
        &PartnerQuery { kind: Some("prosecutor".into()), active_only: true, ..Default::default() },
    )?;
    let prosecutor: Vec<_> = prosecutor.into_iter().map(|p| p.id).take(1).collect();
    // The farm of the seed's raid, and the employers the group keeps coming back to.
    let farm = g.employers[0];
    let mut done = Vec::new();
    for (month, places) in SEASONS.iter().enumerate() {
        for (i, (place_kind, district)) in places.iter().enumerate() {
            let day = NaiveDate::from_ymd_opt(YEAR, month as u32 + 1, 5 + 9 * i as u32).expect("a day of 2008");
            let joint = g.rng.gen_bool(0.5);
            let region = if district.starts_with("shymkent") { "shymkent" } else { "turkistan" };
            let mut visit = Visit {
                id: VisitId::new(),
                office_id: OfficeId::default(),
                status: "done".into(),
                planned_on: day,
                visited_on: Some(day),
                region: region.into(),
                district: (*district).into(),
                place_kind: (*place_kind).into(),
                party_id: None,
                partners: if joint { prosecutor.clone() } else { vec![] },
                team: team.clone(),
                people: PeopleMet::default(),
                checks: vec![],
                hours_per_day: None,
                violations: vec![],
                materials: vec![],
                notes: None,
                created_by: None,
                updated_at: chrono::Utc::now(),
                version: 1,
            };
            match (month + 1, i) {
                // The seed's raid on the Maktaaral cotton farm, and the return visit.
                (9, 0) => seed_raid(&mut visit, farm, &prosecutor, false),
                (10, 0) => seed_raid(&mut visit, farm, &prosecutor, true),
                // The spring's mud: one visit called off.
                (4, 1) => {
                    visit.status = "cancelled".into();
                    visit.visited_on = None;
                    let reason = "Дорогу к виноградникам размыло, выезд перенесён.".into();
                    visit.notes = Some(VisitNotes { cancel_reason: reason, ..Default::default() });
                }
                _ => found(g, &mut visit, place_kind, farm),
            }
            let saved = g.app.create_visit(&leader, None, visit.clone(), None)?;
            if visit.status == "done" {
                done.push(DemoVisit { id: saved.id, day });
            }
        }
    }
    Ok(done)
}

/// The seed's raid (or, `back`, the return visit a month later: the passports returned).
fn seed_raid(visit: &mut Visit, farm: PartyId, prosecutor: &[komek_domain::PartnerId], back: bool) {
    visit.party_id = Some(farm);
    visit.partners = prosecutor.to_vec();
    let (total, women, minors) = if back { (58, 20, 0) } else { (63, 22, 11) };
    visit.people = PeopleMet {
        total,
        women,
        men: total - women,
        minors,
        citizenships: vec![CitizenshipCount { citizenship: "UZ".into(), people: total }],
    };
    visit.checks = vec![
        check("written-contracts", Observation::No, Some(total)),
        if back {
            check("passports-held", Observation::No, None)
        } else {
            check("passports-held", Observation::Yes, Some(20))
        },
        check("children-working", if back { Observation::No } else { Observation::Yes }, (!back).then_some(11)),
        check("decent-housing", Observation::No, None),
        check("drinking-water", Observation::Yes, None),
    ];
    visit.hours_per_day = Some(12);
    visit.materials = vec![Material { kind: "leaflet".into(), language: "uz".into(), quantity: 60 }];
    let narrative = if back {
        "Повторный выезд: паспорта работникам возвращены, подростков на поле нет; договоров по-прежнему нет."
    } else {
        "Совместный рейд с прокуратурой: паспорта 20 работников у бригадира, письменных договоров нет, 11 подростков на сборе хлопка."
    };
    visit.notes = Some(VisitNotes {
        settlement: "Мактааральский район, хлопковое поле у канала".into(),
        narrative: narrative.into(),
        ..Default::default()
    });
}

/// What the group finds on an ordinary visit, by the kind of place and the season.
fn found(g: &mut Generator<'_>, visit: &mut Visit, place_kind: &str, farm: PartyId) {
    let rng = &mut g.rng;
    let harvest = place_kind == "cotton-field" && (9..=11).contains(&visit.planned_on.month());
    let total: u32 = match place_kind {
        "cotton-field" if harvest => rng.gen_range(40..=90),
        "bazaar" | "day-labour-market" => rng.gen_range(15..=40),
        _ => rng.gen_range(8..=35),
    };
    let minors = if harvest || place_kind == "melon-field" { total * rng.gen_range(8..=25) / 100 } else { 0 };
    let women = total * rng.gen_range(25..=55) / 100;
    let uz = total * rng.gen_range(70..=95) / 100;
    let tj = (total - uz) / 2;
    visit.people = PeopleMet {
        total,
        women,
        men: total - women,
        minors,
        citizenships: vec![
            CitizenshipCount { citizenship: "UZ".into(), people: uz },
            CitizenshipCount { citizenship: "TJ".into(), people: tj },
        ],
    };
    let mut checks = vec![check("written-contracts", Observation::No, Some(total * rng.gen_range(60..=100) / 100))];
    if rng.gen_bool(0.35) {
        checks.push(check("passports-held", Observation::Yes, Some(total * rng.gen_range(10..=40) / 100)));
    } else {
        checks.push(check("passports-held", Observation::No, None));
    }
    checks.push(check("wages-on-time", if rng.gen_bool(0.4) { Observation::No } else { Observation::NotSeen }, None));
    if minors > 0 {
        checks.push(check("children-working", Observation::Yes, Some(minors)));
    }
    checks.push(check("decent-housing", if rng.gen_bool(0.6) { Observation::No } else { Observation::Yes }, None));
    checks.push(check("medical-access", if rng.gen_bool(0.5) { Observation::No } else { Observation::NotSeen }, None));
    checks.push(check("registered", if rng.gen_bool(0.7) { Observation::No } else { Observation::Yes }, None));
    visit.checks = checks;
    visit.hours_per_day = Some(rng.gen_range(9..=13));
    let language = *["uz", "ru", "tg"].choose(rng).unwrap_or(&"uz");
    visit.materials = vec![
        Material { kind: "leaflet".into(), language: language.into(), quantity: total.div_ceil(10) * 10 },
        Material { kind: "hotline-card".into(), language: "ru".into(), quantity: 20 },
    ];
    let narrative = NARRATIVES.choose(rng).copied().unwrap_or(NARRATIVES[0]);
    visit.notes = Some(VisitNotes { narrative: narrative.into(), ..Default::default() });
    // The farms and firms of the registry; the first few draw most visits.
    if !matches!(place_kind, "bazaar" | "day-labour-market") {
        let i = (rng.gen_range(0.0f64..1.0).powi(2) * 12.0) as usize;
        visit.party_id = Some(if i == 0 { farm } else { g.employers[i.min(g.employers.len() - 1)] });
    }
}
