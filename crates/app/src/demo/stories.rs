//! The 42 victim cases of the demo year: the seed's stories under invented names, and
//! generated cases around them so that the year's totals match the annual report
//! (42 victims assisted; 29 repatriated: 27 to Uzbekistan, 1 to Israel, 1 within Kazakhstan).

use chrono::NaiveDate;
use komek_domain::entities::PartyIdentity;
use rand::Rng;
use rand::seq::SliceRandom;

use super::{CaseAppeal, CasePlan, Generator, ServicePlan, YEAR};
use crate::AppResult;
use crate::parties::NewParty;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, d).expect("a valid demo date")
}

fn service(kind: &'static str, on: NaiveDate, provider: &'static str, result: &str) -> ServicePlan {
    ServicePlan { kind, on, provider, result: result.to_owned(), destination: None, claimed: None, recovered: None }
}

fn repatriation(on: NaiveDate, to: &'static str, provider: &'static str, result: &str) -> ServicePlan {
    ServicePlan { destination: Some(to), ..service("repatriation", on, provider, result) }
}

fn wage_recovery(on: NaiveDate, claimed: Option<i64>, recovered: i64, result: &str) -> ServicePlan {
    ServicePlan { claimed, recovered: Some(recovered), ..service("wage-recovery", on, "us", result) }
}

/// A party named in a story.
fn party(
    g: &mut Generator<'_>,
    kind: &str,
    name: &str,
    district: Option<&str>,
    notes: &str,
) -> AppResult<komek_domain::PartyId> {
    let actor = g.staff.actor("aigerim").clone();
    let region = district.map(|d| if d.starts_with("shymkent") { "shymkent" } else { "turkistan" }.to_owned());
    let party = NewParty {
        kind: kind.into(),
        region,
        district: district.map(str::to_owned),
        identity: PartyIdentity { name: name.into(), notes: notes.into(), ..Default::default() },
    };
    let id = g.app.register_party(&actor, None, party)?;
    g.count_party();
    Ok(id)
}

/// Registers the person, their first appeal (in a slot of the right sector), and the case.
fn story(
    g: &mut Generator<'_>,
    person: komek_domain::PersonId,
    sector: Option<&str>,
    topics: Vec<&'static str>,
    notes: &str,
    plan: CasePlan,
    services: Vec<ServicePlan>,
) -> AppResult<()> {
    let slot = g.take_slot(sector);
    let slot = g.slot(slot);
    let appeal_day = plan.opened_on.pred_opt().unwrap_or(plan.opened_on);
    g.write_appeal(
        &slot,
        Some(CaseAppeal { person, day: appeal_day, topics, parties: plan.parties.clone(), notes: notes.to_owned() }),
    )?;
    g.open_case(plan, services)?;
    Ok(())
}

/// Registers a named person of a story through the hotline operator.
fn named_person(
    g: &mut Generator<'_>,
    citizenship: &str,
    male: bool,
    age: i32,
    on: NaiveDate,
    full_name: &str,
    other_spellings: &[&str],
) -> AppResult<komek_domain::PersonId> {
    let actor = g.staff.actor("dana").clone();
    let id = g.new_person(&actor, citizenship, male, age, on)?;
    // The story's own name replaces the generated one; the rest (phone, home) stays.
    let mut person = g.app.person(&actor, id)?;
    if let Some(identity) = person.identity.as_mut() {
        identity.full_name = full_name.into();
        identity.other_spellings = other_spellings.iter().map(|s| s.to_string()).collect();
        identity.passport_name.clear();
        // Version 1: registered just above.
        g.app.update_person(&actor, id, 1, person.profile.clone(), identity.clone())?;
    }
    Ok(id)
}

/// Writes every case of the year (and each case's first appeal); returns how many.
pub(super) fn write_cases(g: &mut Generator<'_>) -> AppResult<usize> {
    let helper = party(
        g,
        "person",
        "Бермет Осмонова",
        Some("shymkent-al-farabi"),
        "«Помощник по регистрации»: берёт 30–50 тыс. тенге и паспорт, обещает регистрацию через знакомого в миграционной полиции.",
    )?;
    g.registration_helper = Some(helper);

    // H.: recruited with a hundred others for the cotton fields, seven months unpaid.
    let recruiter = party(
        g,
        "person",
        "Саида Рахимова",
        None,
        "Вербовщица из Узбекистана, привезла около 100 человек на хлопковые поля.",
    )?;
    let farmer = party(g, "person", "Кенжебаев Куаныш", Some("maktaaral"), "Фермер, хлопковые поля.")?;
    let h = named_person(g, "UZ", true, 31, day(1, 18), "Хамидов Хуршид", &["Khamidov Khurshid", "Xamidov Xurshid"])?;
    story(
        g,
        h,
        Some("agriculture"),
        vec!["forced-labour-suspicion", "wages-unpaid", "documents-taken"],
        "Родственники позвонили: работает на хлопке в Мактааральском районе с мая прошлого года, денег не получил, уйти не может.",
        CasePlan {
            kind: "forced-labour",
            status: "closed",
            sensitive: true,
            lead: "aigerim",
            team: vec!["saule", "bakhyt"],
            person: h,
            parties: vec![(recruiter, "intermediary".into()), (farmer, "employer".into())],
            opened_on: day(1, 21),
            closed_on: Some(day(3, 12)),
            recruited_at: "Узбекистан (Джизакская обл.)".into(),
            exploited: (Some("turkistan"), Some("maktaaral"), Some("cotton-field")),
            recruitment: vec![],
            control: vec!["false-promises", "wages-withheld", "threats-of-violence", "psychological-pressure", "necessities-withheld", "confinement-isolation"],
            outcomes: vec!["documents-returned", "employer-avoided-liability", "returned-home"],
            summary: "Приехал в мае 2007 г. из Узбекистана. С. обещала 300–400 тыс. сумов в месяц, вместе с ним завербовала ещё \
                      около 100 человек на хлопковые поля. Привезла к фермеру К. в Мактааральский район, где он 7 месяцев \
                      выращивал и собирал хлопок. Условия проживания и питания ужасные, угрозы и шантаж; заработную плату \
                      забирала С., за всё время он не получил ничего. Уйти возможности не было. После обращения в УБОП \
                      ДВД ЮКО освобождён. Проведена психологическая консультация, документы возвращены; работодатель \
                      избежал ответственности. Благополучно вернулся на родину."
                .into(),
        },
        vec![
            service("legal-consultation", day(1, 21), "us", "Разъяснены права, подготовлено заявление в УБОП."),
            service("psychological", day(1, 28), "us", "Консультация психолога."),
            service("document-restoration", day(2, 20), "us", "Паспорт возвращён."),
            repatriation(day(3, 10), "UZ", "МОМ", "Вернулся домой, встречен родственниками."),
        ],
    )?;

    // Alexander and his brother: vineyard, oral contract, documents and wages withheld.
    let vineyard = party(g, "person", "Турсунбаев Ержан", Some("saryagash"), "Фермер, виноградники; устный договор.")?;
    for (name, spellings, age) in
        [("Александр Ким", ["Aleksandr Kim", "Alexander Kim"], 34), ("Дмитрий Ким", ["Dmitrii Kim", "Dmitriy Kim"], 29)]
    {
        let brother = named_person(g, "UZ", true, age, day(10, 13), name, &spellings)?;
        story(
            g,
            brother,
            Some("agriculture"),
            vec!["documents-taken", "wages-unpaid", "employment-contract"],
            "Братья работали на винограднике по устному договору; через 6 месяцев фермер не отдаёт документы и не платит.",
            CasePlan {
                kind: "documents-withheld",
                status: "closed",
                sensitive: false,
                lead: "marat",
                team: vec!["nurlan"],
                person: brother,
                parties: vec![(vineyard, "employer".into())],
                opened_on: day(10, 15),
                closed_on: Some(day(11, 24)),
                recruited_at: "Ташкентская обл.".into(),
                exploited: (Some("turkistan"), Some("saryagash"), Some("vineyard")),
                recruitment: vec![],
                control: vec!["documents-withheld", "wages-withheld"],
                outcomes: vec!["documents-returned", "employer-fined", "wages-paid"],
                summary:
                    "Приехал с братом из Узбекистана, устроился к фермеру на виноградники, договор об оплате устный. \
                          Через 6 месяцев работодатель отказался отдавать взятые у братьев документы и выплачивать \
                          заработанное. Проведена медиация: документы возвращены, заработная плата выплачена; \
                          работодатель оштрафован за нарушение законодательства РК."
                        .into(),
            },
            vec![
                service("legal-consultation", day(10, 15), "us", "Консультация, подготовка к медиации."),
                service("mediation", day(11, 6), "us", "Медиация с фермером: документы возвращены."),
                wage_recovery(day(11, 20), Some(180_000), 180_000, "Заработная плата выплачена полностью."),
            ],
        )?;
    }

    // Husan: recruited in Tashkent as a plasterer, passport taken, moved and "leased".
    let first_employer = party(
        g,
        "person",
        "Жаксылыков Серик",
        None,
        "Первый «работодатель»: забрал паспорта, говорил, что заплатил за рабочих.",
    )?;
    let escort = party(
        g,
        "person",
        "Проводник поезда (имя неизвестно)",
        None,
        "Сопровождал рабочих, передал паспорта водителю «Газели».",
    )?;
    let husan = named_person(
        g,
        "UZ",
        true,
        23,
        day(9, 1),
        "Хусан Абдуллаев",
        &["Husan Abdullaev", "Khusan Abdullayev", "Xusan Abdullayev"],
    )?;
    g.referred_in = Some(husan);
    story(
        g,
        husan,
        Some("construction"),
        vec!["forced-labour-suspicion", "documents-taken", "wages-unpaid"],
        "Звонок от НПО из Ташкента: родители Хусана сообщили, что он в Ленгере, паспорта нет, его перевозят с объекта на объект.",
        CasePlan {
            kind: "trafficking-labour",
            status: "open",
            sensitive: true,
            lead: "aigerim",
            team: vec!["saule", "marat"],
            person: husan,
            parties: vec![(first_employer, "employer".into()), (escort, "intermediary".into())],
            opened_on: day(9, 3),
            closed_on: None,
            recruited_at: "Ташкент, Кулюк".into(),
            exploited: (Some("turkistan"), Some("tolebi"), Some("construction-site")),
            recruitment: vec!["bazaar-intermediary"],
            control: vec!["false-promises", "documents-withheld", "debt", "physical-violence", "confinement-isolation"],
            outcomes: vec!["none-yet"],
            summary: "Завербован в Ташкенте (Кулюк) штукатуром, обещали 500 тенге за «квадрат». В Казахстане «работодатель» \
                      забрал паспорта у трёх рабочих «для разрешений». Вместо штукатурки — заливка бетона на стройке больницы \
                      в Атырау, затем Кызылорда, Шымкент, Ленгер; перевозили под конвоем, «сдавали в аренду» на объекты. \
                      Был жестоко избит; сказали, что за него заплатили и он должен отработать. Родители обратились в \
                      партнёрскую НПО; по нашему обращению УБОП освободил Хусана и напарника. Решается вопрос о \
                      возбуждении уголовного дела против двух работодателей."
                .into(),
        },
        vec![
            service("legal-consultation", day(9, 3), "us", "Обращение в УБОП ДВД ЮКО."),
            service("psychological", day(9, 12), "us", "Кризисная консультация."),
        ],
    )?;

    // The Israeli citizen: four years held, beaten, memory loss, no documents.
    let held_by =
        party(g, "person", "Хозяин подворья (имя со слов — «Ата»)", Some("sairam"), "Удерживал человека 4 года.")?;
    let israeli = named_person(g, "IL", true, 46, day(6, 2), "Михаил Левин", &["Mikhail Levin"])?;
    story(
        g,
        israeli,
        None,
        vec!["forced-labour-suspicion", "documents-taken", "detention-expulsion"],
        "Пришёл сам, без документов; миграционная полиция собирается выдворить за нарушение срока пребывания.",
        CasePlan {
            kind: "forced-labour",
            status: "closed",
            sensitive: true,
            lead: "marat",
            team: vec!["saule"],
            person: israeli,
            parties: vec![(held_by, "employer".into())],
            opened_on: day(6, 3),
            closed_on: Some(day(8, 15)),
            recruited_at: "Шымкент".into(),
            exploited: (Some("turkistan"), Some("sairam"), Some("household")),
            recruitment: vec![],
            control: vec!["physical-violence", "documents-withheld", "confinement-isolation"],
            outcomes: vec!["documents-returned", "returned-home"],
            summary:
                "Гражданин Израиля находился в рабстве, после побоев страдает потерей памяти, документы отобраны. \
                      Обратился в центр, находясь в Казахстане 4 года без документов. Миграционная полиция должна была \
                      выдворить его за нарушение срока пребывания. При содействии центра доказано, что он находился в \
                      рабстве; документы восстановлены, возвращён на родину."
                    .into(),
        },
        vec![
            service("legal-consultation", day(6, 3), "us", "Представительство в миграционной полиции."),
            service("psychiatric", day(6, 10), "партнёр: областной психоневрологический диспансер", "Обследование."),
            service("document-restoration", day(7, 22), "Посольство Израиля", "Выдан документ на возвращение."),
            repatriation(day(8, 14), "IL", "МОМ", "Вылетел домой."),
        ],
    )?;

    // Azamat: the farmer owed him 300,000 tenge.
    let azamat_farmer =
        party(g, "person", "Есимов Болат", Some("kazygurt"), "Фермер: не давал отпуск, удерживал зарплату.")?;
    let azamat = named_person(g, "KG", true, 30, day(9, 8), "Азамат Токтогулов", &["Azamat Toktogulov"])?;
    story(
        g,
        azamat,
        Some("agriculture"),
        vec!["wages-unpaid", "employment-contract"],
        "Фермер не отпускает и не платит зарплату; долг 300 000 тенге.",
        CasePlan {
            kind: "unpaid-wages",
            status: "closed",
            sensitive: false,
            lead: "marat",
            team: vec!["gulnara"],
            person: azamat,
            parties: vec![(azamat_farmer, "employer".into())],
            opened_on: day(9, 9),
            closed_on: Some(day(11, 5)),
            recruited_at: "Кыргызстан".into(),
            exploited: (Some("turkistan"), Some("kazygurt"), Some("melon-field")),
            recruitment: vec![],
            control: vec!["wages-withheld"],
            outcomes: vec!["wages-paid"],
            summary:
                "Работодатель не давал отпуск и удерживал зарплату; хотел уволиться из-за условий труда. На момент \
                      обращения фермер был должен 300 000 тенге. После нашего выезда и требования выплатить зарплату \
                      конфликт разрешён: 150 000 тенге сразу и 150 000 после уборки урожая."
                    .into(),
        },
        vec![
            service("mediation", day(9, 16), "us", "Выезд к фермеру, требование выплатить зарплату."),
            wage_recovery(day(9, 16), Some(300_000), 150_000, "150 000 тенге выплачены сразу."),
            wage_recovery(day(11, 5), None, 150_000, "150 000 тенге выплачены после уборки урожая."),
        ],
    )?;

    // The case brought to court: trafficking in minors (art. 133) and brothels (art. 271).
    let pimp = party(
        g,
        "person",
        "Содержательница притона (К-ва)",
        Some("shymkent-enbekshi"),
        "Осуждена по ст. 133, 271 УК РК: 7 лет.",
    )?;
    let minor = named_person(g, "KZ", false, 16, day(2, 11), "Айжан Сеитова", &["Aizhan Seitova"])?;
    story(
        g,
        minor,
        None,
        vec!["forced-labour-suspicion"],
        "Обращение матери: дочь-подросток удерживается в Шымкенте.",
        CasePlan {
            kind: "trafficking-sexual",
            status: "closed",
            sensitive: true,
            lead: "aigerim",
            team: vec!["saule"],
            person: minor,
            parties: vec![(pimp, "other".into())],
            opened_on: day(2, 12),
            closed_on: Some(day(11, 28)),
            recruited_at: "Туркестанская обл.".into(),
            exploited: (Some("shymkent"), Some("shymkent-enbekshi"), None),
            recruitment: vec![],
            control: vec!["confinement-isolation"],
            outcomes: vec!["returned-home", "sentence"],
            summary: "Несовершеннолетняя удерживалась в притоне. Дело доведено до суда: приговор по ст. 133 (торговля \
                      несовершеннолетними) и 271 (организация и содержание притонов) УК РК — лишение свободы на 7 лет."
                .into(),
        },
        vec![
            service("shelter", day(2, 13), "партнёр: кризисный центр", "Размещена в кризисном центре."),
            service("psychological", day(2, 20), "us", "Курс консультаций."),
            service("legal-consultation", day(5, 14), "us", "Представительство в суде."),
            repatriation(day(3, 2), "KZ", "us", "Возвращена в семью."),
        ],
    )?;

    // The "registration helper": money and a passport taken, no registration made.
    let fraud_victim = named_person(g, "KG", true, 22, day(10, 27), "Эрлан Мамытов", &["Erlan Mamytov"])?;
    story(
        g,
        fraud_victim,
        Some("construction"),
        vec!["registration", "documents-taken", "detention-expulsion"],
        "Отдал «помощнице» 35 000 тенге и паспорт за регистрацию; прошло четыре месяца, ни паспорта, ни регистрации, грозит выдворение.",
        CasePlan {
            kind: "intermediary-fraud",
            status: "closed",
            sensitive: false,
            lead: "marat",
            team: vec![],
            person: fraud_victim,
            parties: vec![(helper, "registration-helper".into())],
            opened_on: day(10, 28),
            closed_on: Some(day(12, 19)),
            recruited_at: "Шымкент".into(),
            exploited: (Some("shymkent"), Some("shymkent-al-farabi"), Some("bazaar")),
            recruitment: vec![],
            control: vec!["documents-withheld"],
            outcomes: vec!["documents-returned"],
            summary:
                "Заплатил посреднице 35 000 тенге и отдал паспорт для оформления регистрации. Через четыре месяца \
                      паспорт не возвращён, регистрация не оформлена; посредница требовала ещё денег. После заявления \
                      в прокуратуру паспорт возвращён."
                    .into(),
        },
        vec![
            service("legal-consultation", day(10, 28), "us", "Заявление в прокуратуру."),
            service("document-restoration", day(12, 18), "us", "Паспорт возвращён."),
        ],
    )?;

    generated_cases(g)?;
    Ok(super::figures::VICTIMS)
}

/// The other 34 cases: kinds, citizenships and repatriations dealt so that the year adds up.
fn generated_cases(g: &mut Generator<'_>) -> AppResult<()> {
    let mut kinds = super::dealt(&[
        ("labour-exploitation", 11),
        ("unpaid-wages", 7),
        ("documents-withheld", 6),
        ("forced-labour", 5),
        ("trafficking-labour", 3),
        ("intermediary-fraud", 2),
    ]);
    kinds.shuffle(&mut g.rng);
    // Story cases already hold UZ 4, KG 2, KZ 1, IL 1; repatriated UZ 1, IL 1, KZ 1.
    let mut citizenships = super::dealt(&[("UZ", 29), ("KG", 2), ("TJ", 2), ("KZ", 1)]);
    citizenships.shuffle(&mut g.rng);
    let mut uz_repatriations_left = 26;
    let leads = ["aigerim", "marat"];
    for (kind, citizenship) in kinds.into_iter().zip(citizenships) {
        let opened = g.moment().date_naive();
        let male = g.rng.gen_bool(0.8);
        let age = g.rng.gen_range(18..50);
        let operator = g.staff.actor("yerlan").clone();
        let person = g.new_person(&operator, citizenship, male, age, opened)?;
        let sector = if g.rng.gen_bool(0.6) { "agriculture" } else { "construction" };
        let (region, district) = g.work_place(sector);
        let place = if sector == "agriculture" {
            ["cotton-field", "cotton-field", "vineyard", "melon-field", "greenhouse", "tobacco-field"]
                .choose(&mut g.rng)
                .copied()
        } else {
            Some("construction-site")
        };
        let length = g.rng.gen_range(20..90);
        let year_end = day(12, 30);
        let closing = opened.checked_add_days(chrono::Days::new(length)).filter(|d| *d <= year_end);
        let repatriate = citizenship == "UZ" && uz_repatriations_left > 0;
        if repatriate {
            uz_repatriations_left -= 1;
        }
        let mut services = vec![service("legal-consultation", opened, "us", "Первичная консультация юриста.")];
        let mut outcomes = Vec::new();
        if g.rng.gen_bool(0.5) {
            services.push(service("psychological", opened, "us", "Консультация психолога."));
        }
        if g.rng.gen_bool(0.2) {
            services.push(service("shelter", opened, "партнёр: кризисный центр", "Временное размещение."));
        }
        if kind == "documents-withheld" || g.rng.gen_bool(0.35) {
            services.push(service("document-restoration", opened, "us", "Документы возвращены."));
            outcomes.push("documents-returned");
        }
        if matches!(kind, "unpaid-wages" | "labour-exploitation") {
            let claimed = g.rng.gen_range(4..40) * 10_000;
            let recovered = if g.rng.gen_bool(0.6) { claimed } else { 0 };
            services.push(wage_recovery(opened, Some(claimed), recovered, "Требование к работодателю о выплате."));
            outcomes.push(if recovered > 0 { "wages-paid" } else { "employer-avoided-liability" });
        }
        let end = closing.unwrap_or(year_end);
        if repatriate {
            services.push(repatriation(end, "UZ", "МОМ", "Возвращён на родину."));
            outcomes.push("returned-home");
        }
        if outcomes.is_empty() {
            outcomes.push("none-yet");
        }
        let employer_name = g.full_name(&super::names::POOLS[3], true).0;
        let employer = party(g, "person", &employer_name, district, "")?;
        let sensitive = matches!(kind, "forced-labour" | "trafficking-labour");
        let slot = g.take_slot(Some(sector));
        let slot = g.slot(slot);
        let topics = match kind {
            "forced-labour" | "trafficking-labour" => vec!["forced-labour-suspicion", "documents-taken"],
            "documents-withheld" => vec!["documents-taken"],
            "intermediary-fraud" => vec!["registration", "documents-taken"],
            _ => vec!["wages-unpaid"],
        };
        g.write_appeal(
            &slot,
            Some(CaseAppeal {
                person,
                day: opened,
                topics,
                parties: vec![(employer, "employer".into())],
                notes: "Обращение по поводу условий труда; открыто дело.".into(),
            }),
        )?;
        let lead = *leads.choose(&mut g.rng).unwrap_or(&"aigerim");
        let team = if g.rng.gen_bool(0.5) { vec!["saule"] } else { vec![] };
        g.open_case(
            CasePlan {
                kind,
                status: if closing.is_some() { "closed" } else { "follow-up" },
                sensitive,
                lead,
                team,
                person,
                parties: vec![(employer, "employer".into())],
                opened_on: opened,
                closed_on: closing,
                recruited_at: String::new(),
                exploited: (Some(region), district, place),
                recruitment: vec![],
                control: vec![],
                outcomes,
                summary: "Работа без письменного договора, нарушения условий труда; оказана помощь.".into(),
            },
            services,
        )?;
    }
    Ok(())
}
