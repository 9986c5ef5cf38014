//! The parts of a generated case file, written through the case desk's services as staff
//! would write them: indicator assessments, services, tasks, timeline events, proceedings and
//! notes; and the colleagues who share the work.

use chrono::{Days, NaiveDate};
use komek_app::{Actor, App};
use komek_domain::casework::{Assessment, CaseEvent, IndicatorAnswer, NoteVisibility, Proceeding, Task};
use komek_domain::entities::{Account, Service};
use komek_domain::indicators::{Answer, FORCED_LABOUR, Source};
use komek_domain::{
    AccountId, AssessmentId, CaseId, Currency, EventId, Money, OfficeId, PersonId, ProceedingId, Role, ServiceId,
    TaskId, law, lookups,
};
use rand::Rng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

/// The office's staff besides the bench lawyer: colleagues on case teams, assignees of tasks,
/// authors of notes.
pub struct Staff {
    pub lawyers: Vec<Actor>,
    pub psychologists: Vec<Actor>,
    /// Everyone a task may be given to (those who may work on cases), the bench lawyer first.
    pub assignees: Vec<AccountId>,
}

impl Staff {
    /// Five more lawyers and two psychologists in the bench office: those who work on cases.
    pub fn create(app: &App, office: OfficeId, bench_lawyer: AccountId) -> anyhow::Result<Self> {
        let people: [(&str, &str, Role); 7] = [
            ("lawyer-2", "Айгуль Сапарова", Role::Lawyer),
            ("lawyer-3", "Ерлан Жумабеков", Role::Lawyer),
            ("lawyer-4", "Наталья Ким", Role::Lawyer),
            ("lawyer-5", "Бахыт Оспанов", Role::Lawyer),
            ("lawyer-6", "Гульнара Абенова", Role::Lawyer),
            ("psychologist-1", "Динара Касымова", Role::Psychologist),
            ("psychologist-2", "Ольга Петренко", Role::Psychologist),
        ];
        let mut staff = Staff { lawyers: Vec::new(), psychologists: Vec::new(), assignees: vec![bench_lawyer] };
        for (username, name, role) in people {
            let account = app.create_account(&Actor::System, username, name, role, office, "ru")?.account;
            staff.assignees.push(account.id);
            let actor = Actor::Staff(Account { must_change_password: false, ..account });
            if role == Role::Psychologist { staff.psychologists.push(actor) } else { staff.lawyers.push(actor) }
        }
        Ok(staff)
    }

    /// Colleagues on a case's team besides its lead: none, one or two.
    pub fn team(&self, rng: &mut ChaCha8Rng) -> Vec<AccountId> {
        let n = rng.gen_range(0..=2);
        let mut colleagues: Vec<&Actor> = self.lawyers.iter().chain(&self.psychologists).collect();
        colleagues.shuffle(rng);
        colleagues.iter().take(n).filter_map(|a| a.account_id()).collect()
    }
}

/// How many parts of each kind the generator wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub assessments: usize,
    pub answers: usize,
    pub services: usize,
    pub tasks: usize,
    pub tasks_done: usize,
    pub tasks_overdue: usize,
    pub events: usize,
    pub proceedings: usize,
    pub notes: usize,
}

impl Counts {
    /// Parts of one case, for finding the fullest file.
    pub fn parts(&self) -> usize {
        self.answers + self.services + self.tasks + self.events + self.proceedings * 5 + self.notes * 5
    }

    pub fn add(&mut self, o: Counts) {
        self.assessments += o.assessments;
        self.answers += o.answers;
        self.services += o.services;
        self.tasks += o.tasks;
        self.tasks_done += o.tasks_done;
        self.tasks_overdue += o.tasks_overdue;
        self.events += o.events;
        self.proceedings += o.proceedings;
        self.notes += o.notes;
    }
}

const EVENT_TEXTS: &[&str] = &[
    "Посредник на автовокзале предложил работу на хлопковом поле, 3000 тенге в день, жильё и питание бесплатно.",
    "Перевезли на микроавтобусе через пункт пропуска, паспорта забрал бригадир «на регистрацию».",
    "Работали с шести утра до темноты без выходных; жили в вагончике без воды; зарплату обещали в конце сезона.",
    "Ушёл ночью вместе с двумя земляками, добрался до Шымкента, позвонил на горячую линию.",
    "Подано заявление в полицию Мактааральского района о невыплате зарплаты и удержании паспорта.",
    "Полиция провела опрос на месте; работодатель вернул паспорт в присутствии юриста.",
    "Вернулся домой поездом через Сарыагаш, билет оплатила организация.",
    "Созвонились: получил часть денег переводом, ждёт остальное до конца месяца.",
];

const SERVICE_RESULTS: &[&str] = &[
    "Разъяснены права, составлено заявление работодателю.",
    "Проведены две встречи, состояние улучшилось.",
    "Восстановлено удостоверение личности через консульство.",
    "Работодатель выплатил часть долга после переговоров.",
    "Предоставлено место в приюте на 14 дней.",
    "",
    "",
];

const TASK_TITLES: &[&str] = &[
    "Позвонить Х. насчёт паспорта",
    "Подготовить иск о взыскании зарплаты",
    "Запросить ответ из прокуратуры",
    "Встретиться с работодателем вместе с инспектором труда",
    "Проверить, получил ли перевод",
    "Написать жалобу на отказ в возбуждении дела",
    "Отправить документы в консульство",
];

const NOTES: &[&str] = &[
    "Клиент боится давать показания, пока родственники работают у того же бригадира. Не звонить вечером.",
    "Работодатель через знакомых предлагал «решить вопрос» деньгами; клиент отказался.",
    "Тревожность, нарушения сна; рекомендовано продолжить встречи раз в неделю.",
    "Есть свидетели: двое земляков, работавших на том же поле, готовы подтвердить условия.",
];

const PARTNERS: &[&str] = &["Кризисный центр «Шанс»", "Консульство Республики Узбекистан", "Городская поликлиника №2"];

/// Writes the parts of one case through the services. `today` is the office's day: open
/// tasks fall due around it, some already past.
#[allow(clippy::too_many_arguments)] // the generator's state for one case, passed as it is
pub fn case_parts(
    rng: &mut ChaCha8Rng,
    app: &App,
    lead: &Actor,
    staff: &Staff,
    case: CaseId,
    person: PersonId,
    opened_on: NaiveDate,
    today: NaiveDate,
) -> anyhow::Result<Counts> {
    let mut n = Counts::default();
    let after = |rng: &mut ChaCha8Rng, from: NaiveDate, days: u64| from + Days::new(rng.gen_range(0..days.max(1)));

    // Indicator assessments: a first interview, sometimes a second as more became known.
    let first_on = after(rng, opened_on, 14);
    for i in 0..rng.gen_range(1..=2) {
        let assessed_on = if i == 0 { first_on } else { after(rng, first_on + Days::new(20), 120) };
        let mut indicators: Vec<&str> = FORCED_LABOUR.indicators.iter().map(|i| i.code).collect();
        indicators.shuffle(rng);
        let answers: Vec<IndicatorAnswer> = indicators[..rng.gen_range(10..=20)]
            .iter()
            .map(|code| {
                let answer = match rng.gen_range(0..10) {
                    0..=2 => Answer::Yes,
                    3..=7 => Answer::No,
                    _ => Answer::Unknown,
                };
                IndicatorAnswer {
                    indicator: (*code).to_owned(),
                    answer,
                    source: (answer != Answer::Unknown).then(|| *Source::ALL.choose(rng).expect("sources")),
                    noted_on: rng.gen_bool(0.3).then_some(assessed_on),
                }
            })
            .collect();
        n.answers += answers.len();
        let assessor = if rng.gen_bool(0.2) { staff.psychologists.choose(rng).expect("staff") } else { lead };
        app.add_assessment(
            assessor,
            Assessment {
                id: AssessmentId::new(),
                case_id: case,
                person_id: person,
                catalogue: FORCED_LABOUR.id.to_owned(),
                edition: String::new(),
                assessed_on,
                assessor_id: None,
                minor: rng.gen_bool(0.05),
                answers,
            },
        )?;
        n.assessments += 1;
    }

    // Services: legal help always, then what the case needed; wage recovery with its amounts,
    // repatriation with the country.
    for i in 0..rng.gen_range(2..=5) {
        let kind = match (i, rng.gen_range(0..10)) {
            (0, _) => "legal-consultation",
            (_, 0..=2) => "wage-recovery",
            (_, 3..=4) => "repatriation",
            _ => lookups::SERVICE_KIND.codes.choose(rng).expect("codes"),
        };
        let claimed =
            (kind == "wage-recovery").then(|| Money::from_major(rng.gen_range(50..=2_000) * 1_000, Currency::KZT));
        let recovered =
            claimed.filter(|_| rng.gen_bool(0.6)).map(|c| Money { minor: c.minor * rng.gen_range(2..=10) / 10, ..c });
        app.add_service(
            lead,
            Service {
                id: ServiceId::new(),
                case_id: case,
                person_id: Some(person),
                kind: kind.to_owned(),
                delivered_on: after(rng, opened_on, 200),
                provider: if rng.gen_bool(0.8) {
                    "us".into()
                } else {
                    (*PARTNERS.choose(rng).expect("partners")).into()
                },
                result: (*SERVICE_RESULTS.choose(rng).expect("results")).into(),
                accompanied_by: String::new(),
                destination_country: (kind == "repatriation")
                    .then(|| (*["UZ", "KG", "TJ"].choose(rng).expect("countries")).to_owned()),
                amount_claimed: claimed,
                amount_recovered: recovered,
            },
        )?;
        n.services += 1;
    }

    // Tasks: about a third done; the others due within two months either side of today, so
    // about half of those are overdue.
    for _ in 0..rng.gen_range(1..=3) {
        let done = rng.gen_bool(0.35);
        let due_on = if done {
            after(rng, opened_on, 120)
        } else {
            today.checked_sub_days(Days::new(60)).expect("a day") + Days::new(rng.gen_range(0..120))
        };
        let task = Task {
            id: TaskId::new(),
            record: case,
            title: (*TASK_TITLES.choose(rng).expect("titles")).into(),
            assignee_id: *staff.assignees.choose(rng).expect("staff"),
            due_on,
            done_on: None,
            created_by: None,
        };
        let id = app.add_task(lead, task)?;
        if done {
            app.set_task_done(lead, case, id, true)?;
            n.tasks_done += 1;
        } else if due_on < today {
            n.tasks_overdue += 1;
        }
        n.tasks += 1;
    }

    // Timeline: what happened before the organisation met the person, and after.
    for _ in 0..rng.gen_range(0..=2) {
        let happened_on = opened_on.checked_sub_days(Days::new(rng.gen_range(0..90))).expect("a day");
        app.add_event(
            lead,
            CaseEvent {
                id: EventId::new(),
                case_id: case,
                happened_on,
                kind: lookups::CASE_EVENT.codes.choose(rng).expect("codes").to_string(),
                text: (*EVENT_TEXTS.choose(rng).expect("texts")).into(),
                author_id: None,
                place_country: None,
                place_region: None,
                place_district: None,
                place_settlement: None,
            },
        )?;
        n.events += 1;
    }

    // A proceeding in a little under half of the cases.
    if rng.gen_bool(0.45) {
        let opened = after(rng, opened_on, 200);
        let mut articles: Vec<String> = law::in_force_on(opened).map(|a| a.code.to_owned()).collect();
        articles.shuffle(rng);
        articles.truncate(rng.gen_range(1..=2));
        let mut hearings: Vec<NaiveDate> = (0..rng.gen_range(0..=3)).map(|_| after(rng, opened, 300)).collect();
        hearings.sort();
        let decided = rng.gen_bool(0.4);
        let outcome = decided.then(|| *["sentence", "fine", "acquittal", "settlement"].choose(rng).expect("codes"));
        app.add_proceeding(
            lead,
            Proceeding {
                id: ProceedingId::new(),
                case_id: case,
                kind: (*["criminal", "administrative", "civil"].choose(rng).expect("codes")).into(),
                authority: (*law::AUTHORITY.codes.choose(rng).expect("codes")).into(),
                articles,
                stage: if decided {
                    "decided".into()
                } else {
                    (*law::PROCEEDING_STAGE.codes[..5].choose(rng).expect("codes")).into()
                },
                opened_on: opened,
                hearings,
                outcome: outcome.map(str::to_owned),
                decided_on: decided.then(|| opened + Days::new(300)),
                sentence_months: (outcome == Some("sentence")).then(|| rng.gen_range(24..=120)),
                fine: (outcome == Some("fine"))
                    .then(|| Money::from_major(rng.gen_range(100..=900) * 1_000, Currency::KZT)),
                notes: format!("Дело № {}-{:05}", opened.format("%Y"), rng.gen_range(1..100_000)),
            },
        )?;
        n.proceedings += 1;
    }

    // Notes: the team's, and now and then a psychologist's kept to their role.
    for _ in 0..rng.gen_range(0..=2) {
        let text = *NOTES.choose(rng).expect("notes");
        if rng.gen_bool(0.25) {
            let author = staff.psychologists.choose(rng).expect("staff");
            app.add_note(author, case, text, NoteVisibility::AuthorRole)?;
        } else {
            app.add_note(lead, case, text, NoteVisibility::Team)?;
        }
        n.notes += 1;
    }
    Ok(n)
}
