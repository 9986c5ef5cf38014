//! The conformance suite: every test here runs on SQLite and on PostgreSQL, and must
//! behave the same on both. Add a test by adding a function to `conformance!`.

use chrono::{NaiveDate, TimeZone, Utc};
use komek_domain::casework::VictimStatus;
use komek_domain::entities::{Account, Appeal, Case, Office, PersonProfile, Service};
use komek_domain::*;
use komek_store::repo::{self, IndexToken, SearchTokens, SearchWord};
use komek_store::testing::{PostgresDb, SqliteDb};
use komek_store::{LATEST_VERSION, Store, StoreError, params};

conformance!(
    an_organisations_codes_are_kept_with_their_labels_and_saved_only_at_the_version_read,
    api_tokens_are_found_by_hash_used_and_revoked_once,
    a_stale_party_update_is_refused_and_a_fresh_one_replaces_the_index,
    migrations_bring_an_empty_database_to_the_latest_version_once,
    offices_and_accounts_round_trip_and_usernames_are_unique,
    failed_logins_lock_an_account_and_clearing_unlocks_it,
    sessions_are_found_by_token_hash_and_logged_out_everywhere,
    persons_are_found_through_blind_index_tokens_best_match_first,
    a_stale_person_update_is_refused,
    appeals_keep_their_topics_help_parties_and_wage,
    cases_keep_team_persons_parties_outcomes_and_services,
    audit_rows_append_in_order_and_move_the_head,
    a_failed_transaction_leaves_nothing_behind,
    text_survives_every_alphabet_we_use,
    second_factor_secrets_recovery_codes_and_session_progress_are_kept,
    every_table_is_either_backed_up_or_deliberately_left_out,
    the_appeals_register_filters_sorts_and_pages,
    an_appeal_is_updated_only_at_the_version_read,
    merging_moves_appeals_cases_and_services_to_the_person_kept,
    the_case_list_filters_by_status_lead_and_overdue_tasks_and_hides_others_sensitive_cases,
    a_case_and_its_proceedings_are_updated_only_at_the_version_read,
    the_release_ledger_keeps_every_release_in_order_and_the_privacy_budget,
    a_case_keeps_the_fields_added_for_the_htcds_export,
    persons_cases_and_events_keep_what_edition_r3_of_the_htcds_export_added,
);

fn a_case(office: &Office, lead: &Account, person: PersonId, number: &str, status: &str, sensitive: bool) -> Case {
    Case {
        number: number.into(),
        status: status.into(),
        sensitive,
        persons: vec![person],
        ..Case::opened(office.id, "unpaid-wages", lead.id, NaiveDate::from_ymd_opt(2008, 1, 10).unwrap())
    }
}

fn the_case_list_filters_by_status_lead_and_overdue_tasks_and_hides_others_sensitive_cases(store: &Store) {
    use komek_store::repo::cases::CaseFilter;
    let hq = office(store, "hq");
    let (lead, other) = (account(store, &hq, "lead"), account(store, &hq, "other"));
    let pid = person(store, &hq, &[b"a"]);
    let open = a_case(&hq, &lead, pid, "2008-001", "open", false);
    let closed = a_case(&hq, &other, pid, "2008-002", "closed", false);
    let secret = a_case(&hq, &lead, pid, "2008-003", "follow-up", true);
    for c in [&open, &closed, &secret] {
        store.write(|tx| repo::cases::insert(tx, c, None)).unwrap();
    }
    let day = |d| NaiveDate::from_ymd_opt(2008, 3, d).unwrap();
    let task = |case: CaseId, due, done| komek_domain::casework::Task {
        id: komek_domain::TaskId::new(),
        record: case,
        title: String::new(),
        assignee_id: lead.id,
        due_on: day(due),
        done_on: done,
        created_by: None,
    };
    for t in [task(open.id, 5, None), task(open.id, 20, None), task(closed.id, 1, Some(day(2)))] {
        store.write(|tx| repo::tasks::insert(tx, &t, vec![1])).unwrap();
    }
    let list = |filter: CaseFilter| -> Vec<String> {
        store
            .read(|tx| repo::cases::list(tx, &filter, day(10), 50, 0))
            .unwrap()
            .into_iter()
            .map(|l| l.case.number)
            .collect()
    };
    let all = || CaseFilter { office: Some(hq.id), ..Default::default() };
    assert_eq!(list(all()), vec!["2008-003", "2008-002", "2008-001"]);
    assert_eq!(list(CaseFilter { viewer: Some(other.id), ..all() }), vec!["2008-002", "2008-001"]);
    assert_eq!(
        list(CaseFilter { status: Some("active".into()), viewer: Some(lead.id), ..all() }),
        vec!["2008-003", "2008-001"]
    );
    assert_eq!(list(CaseFilter { status: Some("closed".into()), ..all() }), vec!["2008-002"]);
    assert_eq!(list(CaseFilter { lead: Some(other.id), ..all() }), vec!["2008-002"]);
    assert_eq!(list(CaseFilter { overdue_on: Some(day(10)), ..all() }), vec!["2008-001"]);
    let lines = store.read(|tx| repo::cases::list(tx, &all(), day(10), 50, 0)).unwrap();
    let first = lines.iter().find(|l| l.case.id == open.id).unwrap();
    assert_eq!((first.overdue_tasks, first.next_due), (1, Some(day(5))));
    // A case of another office shows in the office's list to the one who leads it.
    let far = office(store, "far");
    let elsewhere = a_case(&far, &lead, pid, "2008-004", "open", false);
    store.write(|tx| repo::cases::insert(tx, &elsewhere, None)).unwrap();
    assert_eq!(list(CaseFilter { viewer: Some(lead.id), ..all() }).first().map(String::as_str), Some("2008-004"));
    assert!(!list(CaseFilter { viewer: Some(other.id), ..all() }).contains(&"2008-004".to_owned()));
    let overdue =
        |viewer| store.read(|tx| repo::casework::count_overdue(tx, Some(hq.id), viewer, day(10), 1000)).unwrap();
    assert_eq!(overdue(Some(other.id)), 1);
    let mine = |after, limit| -> Vec<NaiveDate> {
        let tasks = store.read(|tx| repo::casework::open_tasks_of(tx, lead.id, after, limit)).unwrap();
        tasks.into_iter().map(|t| t.task.due_on).collect()
    };
    assert_eq!(mine(None, 10), [day(5), day(20)], "open tasks, soonest first");
    let first = store.read(|tx| repo::casework::open_tasks_of(tx, lead.id, None, 1)).unwrap().remove(0).task;
    assert_eq!(mine(Some((first.due_on, first.id)), 10), [day(20)], "the page after the first");
    assert_eq!(mine(Some((day(20), "ffffffff-ffff-ffff-ffff-ffffffffffff".parse().unwrap())), 10), []);
}

fn a_case_and_its_proceedings_are_updated_only_at_the_version_read(store: &Store) {
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let pid = person(store, &hq, &[b"a"]);
    let mut case = a_case(&hq, &lead, pid, "2008-001", "open", false);
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    case.status = "follow-up".into();
    store.write(|tx| repo::cases::update(tx, &case, Some(vec![7]), 1)).unwrap();
    let stale = store.write(|tx| repo::cases::update(tx, &case, None, 1));
    assert!(matches!(stale, Err(komek_store::StoreError::Conflict(_))), "{stale:?}");
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    assert_eq!((back.case.status.as_str(), back.version, back.summary_enc), ("follow-up", 2, Some(vec![7])));

    let mut proceeding = komek_domain::casework::Proceeding {
        id: komek_domain::ProceedingId::new(),
        case_id: case.id,
        kind: "criminal".into(),
        authority: "court".into(),
        articles: vec!["cc1997-133".into(), "cc1997-271".into()],
        stage: "trial".into(),
        opened_on: NaiveDate::from_ymd_opt(2008, 2, 1).unwrap(),
        hearings: vec![NaiveDate::from_ymd_opt(2008, 4, 2).unwrap()],
        outcome: None,
        decided_on: None,
        sentence_months: None,
        fine: None,
        notes: String::new(),
    };
    store.write(|tx| repo::casework::insert_proceeding(tx, &proceeding, None)).unwrap();
    proceeding.outcome = Some("sentence".into());
    proceeding.sentence_months = Some(84);
    proceeding.fine = Some(Money::from_major(500, Currency::USD));
    store.write(|tx| repo::casework::update_proceeding(tx, &proceeding, None, 1)).unwrap();
    assert!(store.write(|tx| repo::casework::update_proceeding(tx, &proceeding, None, 1)).is_err());
    let back = store.read(|tx| repo::casework::proceedings_of(tx, case.id)).unwrap();
    assert_eq!((back[0].proceeding.clone(), back[0].version), (proceeding, 2));
}

fn every_table_is_either_backed_up_or_deliberately_left_out(store: &Store) {
    use repo::tables::{DATA_TABLES, NOT_BACKED_UP};
    let tables = store.read(repo::tables::all_tables).unwrap();
    for table in &tables {
        let listed = DATA_TABLES.iter().any(|(t, _)| t == table) || NOT_BACKED_UP.contains(&table.as_str());
        assert!(listed, "table {table} is in neither DATA_TABLES nor NOT_BACKED_UP");
    }
    for (table, _) in DATA_TABLES {
        assert!(tables.iter().any(|t| t == table), "{table} is listed but does not exist");
        assert!(!store.read(|tx| repo::tables::columns(tx, table)).unwrap().is_empty());
    }
}

pub(crate) fn office(tx_store: &Store, code: &str) -> Office {
    let office =
        Office { id: OfficeId::new(), code: code.into(), name: format!("Office {code}"), utc_offset_minutes: 300 };
    tx_store.write(|tx| repo::offices::insert(tx, &office)).unwrap();
    office
}

pub(crate) fn account(store: &Store, office: &Office, username: &str) -> Account {
    let account = Account {
        id: AccountId::new(),
        office_id: office.id,
        username: username.into(),
        display_name: "Lawyer".into(),
        role: Role::Lawyer,
        language: "ru".into(),
        must_change_password: true,
        disabled: false,
    };
    store.write(|tx| repo::accounts::insert(tx, &account, "$argon2id$stub")).unwrap();
    account
}

pub(crate) fn person(store: &Store, office: &Office, tokens: &[&[u8]]) -> PersonId {
    let p = repo::persons::StoredPerson {
        id: PersonId::new(),
        office_id: office.id,
        profile: PersonProfile {
            sex: "male".into(),
            citizenship: "UZ".into(),
            other_citizenships: vec![],
            age_band: "21-23".into(),
            home_region: "Ташкент".into(),
            languages: vec!["uz".into(), "ru".into()],
            vulnerabilities: vec!["no-documents".into()],
            anonymous: false,
        },
        identity_enc: vec![1, 2, 3],
        created_at: Utc::now(),
        version: 1,
    };
    let tokens: Vec<IndexToken> = tokens.iter().map(|t| IndexToken { kind: "name", token: t.to_vec() }).collect();
    store.write(|tx| repo::persons::insert(tx, &p, &tokens)).unwrap();
    p.id
}

/// A person as the first release stored one, for the upgrade tests: today's insert writes
/// columns an older schema does not have.
pub(crate) fn person_as_first_stored(
    store: &Store,
    office: &Office,
    citizenship: &str,
    identity_enc: &[u8],
) -> PersonId {
    let id = PersonId::new();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO persons (id, office_id, sex, citizenship, age_band, home_region, languages,
                                      vulnerabilities, anonymous, identity_enc, created_at, updated_at, version)
                 VALUES ($1, $2, 'male', $3, '', '', '', '', $4, $5, $6, $6, 1)",
                params![id, office.id, citizenship, false, identity_enc.to_vec(), Utc::now()],
            )?;
            Ok(())
        })
        .unwrap();
    id
}

fn migrations_bring_an_empty_database_to_the_latest_version_once(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert!(store.migrate().unwrap().is_empty(), "a second run applies nothing");
}

fn offices_and_accounts_round_trip_and_usernames_are_unique(store: &Store) {
    let hq = office(store, "hq");
    let a = account(store, &hq, "aigerim");
    let back = store.read(|tx| repo::accounts::by_username(tx, "aigerim")).unwrap().unwrap();
    assert_eq!(back.account, a);
    assert_eq!(back.password_hash, "$argon2id$stub");
    assert_eq!(store.read(|tx| repo::offices::by_code(tx, "hq")).unwrap(), Some(hq.clone()));
    let mut twin = a.clone();
    twin.id = AccountId::new();
    let err = store.write(|tx| repo::accounts::insert(tx, &twin, "x")).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
}

fn failed_logins_lock_an_account_and_clearing_unlocks_it(store: &Store) {
    let hq = office(store, "hq");
    let a = account(store, &hq, "operator");
    let until = Utc::now() + chrono::Duration::minutes(15);
    for expected in 1..=3 {
        let n = store.write(|tx| repo::accounts::record_failed_login(tx, a.id, 3, until)).unwrap();
        assert_eq!(n, expected);
    }
    let rec = store.read(|tx| repo::accounts::get(tx, a.id)).unwrap();
    assert_eq!(rec.locked_until.map(|t| t.timestamp_millis()), Some(until.timestamp_millis()));
    store.write(|tx| repo::accounts::clear_failed_logins(tx, a.id)).unwrap();
    let rec = store.read(|tx| repo::accounts::get(tx, a.id)).unwrap();
    assert_eq!((rec.failed_logins, rec.locked_until), (0, None));
}

fn sessions_are_found_by_token_hash_and_logged_out_everywhere(store: &Store) {
    let hq = office(store, "hq");
    let a = account(store, &hq, "psy");
    let now = Utc.timestamp_millis_opt(Utc::now().timestamp_millis()).unwrap();
    let s = repo::sessions::SessionRecord {
        account_id: a.id,
        csrf_token: "c".into(),
        created_at: now,
        last_seen_at: now,
        second_factor_ok: false,
    };
    store
        .write(|tx| {
            repo::sessions::insert(tx, "h1", &s)?;
            repo::sessions::insert(tx, "h2", &s)
        })
        .unwrap();
    let back = store.read(|tx| repo::sessions::get(tx, "h1")).unwrap().unwrap();
    assert_eq!((back.account_id, back.created_at), (a.id, now));
    assert_eq!(store.write(|tx| repo::sessions::delete_for_account(tx, a.id)).unwrap(), 2);
    assert!(store.read(|tx| repo::sessions::get(tx, "h2")).unwrap().is_none());
}

fn persons_are_found_through_blind_index_tokens_best_match_first(store: &Store) {
    let hq = office(store, "hq");
    let husan = person(store, &hq, &[b"husan", b"abdulaev"]);
    let other = person(store, &hq, &[b"husan", b"karimov"]);
    let near = person(store, &hq, &[b"hasan", b"karimov", b"karim"]);
    let _unrelated = person(store, &hq, &[b"rustam"]);
    let token = |t: &[u8]| IndexToken { kind: "name", token: t.to_vec() };
    let word = |exact: &[u8], near: &[&[u8]], changed: &[&[u8]]| SearchWord {
        exact: token(exact),
        near: near.iter().map(|t| token(t)).collect(),
        changed_letter: changed.iter().map(|t| token(t)).collect(),
    };
    let find = |words: Vec<SearchWord>| store.read(|tx| repo::persons::find(tx, &SearchTokens { words }, 5)).unwrap();
    // "husan abdulaev", where "karimov" and "karim" stand for near forms of the surname.
    let found = find(vec![word(b"husan", &[], &[]), word(b"abdulaev", &[b"karimov", b"karim"], &[])]);
    // Two sure words; one sure and one near; one near word, however many near forms it shares.
    assert_eq!(found, vec![(husan, 32), (other, 17), (near, 1)]);
    assert_eq!(find(vec![word(b"nobody", &[b"rustam"], &[])]).len(), 1);
    // Changed-letter forms count for an unknown or rare word, not for a common one.
    assert_eq!(find(vec![word(b"karimof", &[], &[b"karim"])]), vec![(near, 1)]);
    let rare = find(vec![word(b"rustam", &[], &[b"karim"])]);
    assert!(rare.contains(&(near, 1)), "one holder of \"rustam\": its changed-letter forms count");
    for _ in 0..50 {
        person(store, &hq, &[b"rustam"]);
    }
    let common = find(vec![word(b"rustam", &[], &[b"karim"])]);
    assert!(!common.iter().any(|(id, _)| *id == near), "51 holders: they do not");
    assert!(find(vec![word(b"karimof", &[b"zzz"], &[])]).is_empty());
    let back = store.read(|tx| repo::persons::get(tx, husan)).unwrap();
    assert_eq!(back.profile.languages, vec!["uz", "ru"]);
    assert_eq!(back.identity_enc, vec![1, 2, 3]);
}

fn a_stale_person_update_is_refused(store: &Store) {
    let hq = office(store, "hq");
    let id = person(store, &hq, &[b"x"]);
    let mut first = store.read(|tx| repo::persons::get(tx, id)).unwrap();
    let mut second = first.clone();
    first.profile.sex = "female".into();
    store.write(|tx| repo::persons::update(tx, &first, &[])).unwrap();
    second.profile.sex = "unknown".into();
    let err = store.write(|tx| repo::persons::update(tx, &second, &[])).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)));
    assert_eq!(store.read(|tx| repo::persons::get(tx, id)).unwrap().version, 2);
}

fn appeals_keep_their_topics_help_parties_and_wage(store: &Store) {
    let hq = office(store, "hq");
    let op = account(store, &hq, "op");
    let pid = person(store, &hq, &[b"azamat"]);
    let party = repo::parties::StoredParty {
        id: PartyId::new(),
        office_id: hq.id,
        kind: "person".into(),
        region: Some("turkistan".into()),
        district: Some("sairam".into()),
        identity_enc: vec![9],
        created_at: Utc::now(),
        version: 1,
    };
    store.write(|tx| repo::parties::insert(tx, &party, &[])).unwrap();
    let received = Utc.with_ymd_and_hms(2008, 10, 14, 5, 30, 0).unwrap();
    let appeal = Appeal {
        person_id: Some(pid),
        topics: vec!["documents-taken".into(), "wages-unpaid".into()],
        help: vec!["legal-consultation".into()],
        occupation: Some("agricultural-worker".into()),
        sector: Some("agriculture".into()),
        work_region: Some("turkistan".into()),
        work_district: Some("sairam".into()),
        wage: Some(Money::from_major(300_000, Currency::KZT)),
        migration_reason: Some("economic".into()),
        follow_up_on: NaiveDate::from_ymd_opt(2008, 10, 20),
        parties: vec![(party.id, "employer".into())],
        ..Appeal::received(hq.id, op.id, received, "hotline-phone", "migrant", "pending")
    };
    store.write(|tx| repo::appeals::insert(tx, &appeal, Some(vec![7, 7]))).unwrap();
    let back = store.read(|tx| repo::appeals::get(tx, appeal.id)).unwrap();
    assert_eq!(back.appeal, appeal);
    assert_eq!(back.notes_enc, Some(vec![7, 7]));
    let day = NaiveDate::from_ymd_opt(2008, 10, 21).unwrap();
    assert_eq!(store.read(|tx| repo::appeals::count_follow_ups_due(tx, op.id, day)).unwrap(), 1);
    let october = |d| Utc.with_ymd_and_hms(2008, 10, d, 0, 0, 0).unwrap();
    assert_eq!(store.read(|tx| repo::appeals::count_received(tx, Some(hq.id), october(1), october(15))).unwrap(), 1);
    assert_eq!(store.read(|tx| repo::appeals::count_received(tx, None, october(15), october(31))).unwrap(), 0);
    assert_eq!(store.read(|tx| repo::appeals::recent(tx, None, 10)).unwrap()[0].id, appeal.id);
}

fn cases_keep_team_persons_parties_outcomes_and_services(store: &Store) {
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let psy = account(store, &hq, "psy");
    let outsider = account(store, &hq, "outsider");
    let pid = person(store, &hq, &[b"h"]);
    let case = Case {
        id: CaseId::new(),
        office_id: hq.id,
        number: "2008-001".into(),
        kind: "forced-labour".into(),
        status: "closed".into(),
        sensitive: true,
        lead_id: lead.id,
        team: vec![psy.id],
        persons: vec![pid],
        parties: vec![],
        opened_on: NaiveDate::from_ymd_opt(2008, 1, 10).unwrap(),
        closed_on: NaiveDate::from_ymd_opt(2008, 3, 1),
        recruited_at: "Ташкент".into(),
        exploited_region: Some("turkistan".into()),
        exploited_district: Some("maktaaral".into()),
        exploited_place: Some("cotton-field".into()),
        exploited_country: Some("KZ".into()),
        recruitment_methods: vec!["relatives".into(), "online-ad".into()],
        means_of_control: vec!["documents-withheld".into(), "debt".into()],
        outcomes: vec!["documents-returned".into(), "returned-home".into()],
        closing_reason: Some("person-returned-home".into()),
        recruited_country: Some("UZ".into()),
        recruited_district: None,
        victims: vec![VictimStatus {
            person_id: pid,
            status: "identified".into(),
            identified_by: Some("ngo".into()),
            identified_on: NaiveDate::from_ymd_opt(2008, 1, 12),
        }],
        summary: None,
    };
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    assert_eq!(back.case, case);
    assert!(store.read(|tx| repo::cases::is_on_team(tx, case.id, lead.id)).unwrap());
    assert!(store.read(|tx| repo::cases::is_on_team(tx, case.id, psy.id)).unwrap());
    assert!(!store.read(|tx| repo::cases::is_on_team(tx, case.id, outsider.id)).unwrap());
    let numbers: Vec<i64> = (0..3).map(|_| store.write(|tx| repo::cases::next_number(tx, "2008-")).unwrap()).collect();
    assert_eq!(numbers, vec![1, 2, 3]);
    assert_eq!(store.write(|tx| repo::cases::next_number(tx, "2009-")).unwrap(), 1);
    let service = Service {
        id: ServiceId::new(),
        case_id: case.id,
        person_id: Some(pid),
        kind: "repatriation".into(),
        delivered_on: NaiveDate::from_ymd_opt(2008, 2, 20).unwrap(),
        provider: "us".into(),
        result: String::new(),
        accompanied_by: String::new(),
        destination_country: Some("UZ".into()),
        amount_claimed: None,
        amount_recovered: Some(Money::from_major(150_000, Currency::KZT)),
    };
    let stored = repo::cases::StoredService {
        service: service.clone(),
        result_enc: Some(vec![5]),
        accompanied_by_enc: Some(vec![6]),
    };
    store.write(|tx| repo::cases::insert_service(tx, &stored)).unwrap();
    let services = store.read(|tx| repo::cases::services_of(tx, case.id)).unwrap();
    assert_eq!(services.len(), 1);
    assert_eq!(services[0].service, service);
    assert_eq!(
        (services[0].result_enc.as_deref(), services[0].accompanied_by_enc.as_deref()),
        (Some(&[5][..]), Some(&[6][..]))
    );
}

fn audit_rows_append_in_order_and_move_the_head(store: &Store) {
    for seq in 1..=3 {
        store
            .write(|tx| {
                let (head, prev) = repo::audit::lock_head(tx)?;
                assert_eq!(head, seq - 1);
                repo::audit::append(
                    tx,
                    &repo::audit::AuditRow {
                        seq,
                        at: Utc.timestamp_millis_opt(1_000 * seq).unwrap(),
                        account_id: None,
                        action: "create".into(),
                        record_kind: "person".into(),
                        record_id: format!("p{seq}"),
                        detail: String::new(),
                        prev_hash: prev,
                        hash: format!("h{seq}"),
                    },
                )
            })
            .unwrap();
    }
    let rows = store.read(|tx| repo::audit::page(tx, 1, 10)).unwrap();
    assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(rows[1].prev_hash, "h2");
    assert_eq!(store.read(repo::audit::head).unwrap(), (3, "h3".to_owned()));
    let found = store.read(|tx| repo::audit::search(tx, None, Some("p2"), Some("create"), 10)).unwrap();
    assert_eq!(found.len(), 1);
}

fn a_failed_transaction_leaves_nothing_behind(store: &Store) {
    let hq = office(store, "hq");
    let result: Result<(), StoreError> = store.write(|tx| {
        tx.execute("UPDATE offices SET name = $2 WHERE id = $1", params![hq.id, "renamed"])?;
        Err(StoreError::Invalid("stop".into()))
    });
    assert!(result.is_err());
    assert_eq!(store.read(|tx| repo::offices::get(tx, hq.id)).unwrap().name, hq.name);
}

fn text_survives_every_alphabet_we_use(store: &Store) {
    let name = "Ўктам Ғайратович Қосимов — Жетісу, «Береке» 'x' $1";
    let o = Office { id: OfficeId::new(), code: "zh".into(), name: name.into(), utc_offset_minutes: 300 };
    store.write(|tx| repo::offices::insert(tx, &o)).unwrap();
    assert_eq!(store.read(|tx| repo::offices::get(tx, o.id)).unwrap().name, name);
}

fn second_factor_secrets_recovery_codes_and_session_progress_are_kept(store: &Store) {
    let hq = office(store, "hq");
    let a = account(store, &hq, "lawyer");
    assert_eq!(store.read(|tx| repo::accounts::second_factor(tx, a.id)).unwrap(), (None, None));
    let codes = vec![b"one".to_vec(), b"two".to_vec()];
    store.write(|tx| repo::accounts::set_second_factor(tx, a.id, Some(vec![1, 2]), &codes)).unwrap();
    assert!(store.write(|tx| repo::accounts::set_totp_last_step(tx, a.id, 42)).unwrap());
    assert!(!store.write(|tx| repo::accounts::set_totp_last_step(tx, a.id, 42)).unwrap(), "a step is used once");
    assert!(!store.write(|tx| repo::accounts::set_totp_last_step(tx, a.id, 41)).unwrap(), "never backwards");
    assert_eq!(store.read(|tx| repo::accounts::second_factor(tx, a.id)).unwrap(), (Some(vec![1, 2]), Some(42)));
    assert!(store.write(|tx| repo::accounts::use_recovery_code(tx, a.id, b"one")).unwrap());
    assert!(!store.write(|tx| repo::accounts::use_recovery_code(tx, a.id, b"one")).unwrap(), "used once only");
    assert!(!store.write(|tx| repo::accounts::use_recovery_code(tx, a.id, b"three")).unwrap());
    store.write(|tx| repo::accounts::set_second_factor(tx, a.id, None, &[])).unwrap();
    assert!(!store.write(|tx| repo::accounts::use_recovery_code(tx, a.id, b"two")).unwrap(), "reset removes codes");

    let now = Utc.timestamp_millis_opt(Utc::now().timestamp_millis()).unwrap();
    let session = repo::sessions::SessionRecord {
        account_id: a.id,
        csrf_token: "c".into(),
        created_at: now,
        last_seen_at: now,
        second_factor_ok: false,
    };
    store.write(|tx| repo::sessions::insert(tx, "h", &session)).unwrap();
    store.write(|tx| repo::sessions::set_pending_totp(tx, "h", Some(vec![9]))).unwrap();
    assert_eq!(store.read(|tx| repo::sessions::pending_totp(tx, "h")).unwrap(), Some(vec![9]));
    store.write(|tx| repo::sessions::set_second_factor_ok(tx, "h")).unwrap();
    let back = store.read(|tx| repo::sessions::get(tx, "h")).unwrap().unwrap();
    assert!(back.second_factor_ok);
    assert_eq!(store.read(|tx| repo::sessions::pending_totp(tx, "h")).unwrap(), None);
}

/// A database of the previous release (schema version 1) with records in it is upgraded in
/// place, and every record is still there.
fn upgrade_from_the_foundation_schema(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 1);
    let hq = office(store, "hq");
    let a = account(store, &hq, "before");
    let pid = person_as_first_stored(store, &hq, "UZ", &[1, 2, 3]);
    assert_eq!(store.migrate().unwrap(), (2..=LATEST_VERSION).collect::<Vec<_>>());
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(store.read(|tx| repo::accounts::get(tx, a.id)).unwrap().account, a);
    assert_eq!(store.read(|tx| repo::accounts::second_factor(tx, a.id)).unwrap(), (None, None));
    assert_eq!(store.read(|tx| repo::persons::get(tx, pid)).unwrap().identity_enc, vec![1, 2, 3]);
    // The person's index must be rebuilt by the application, which holds the keys; the repeat
    // offenders are counted once by it too.
    let pending = store.read(repo::maintenance::pending).unwrap();
    let (recount, parties, persons) =
        (repo::maintenance::RECOUNT_OFFENDERS, repo::maintenance::REINDEX_PARTIES, repo::maintenance::REINDEX_PERSONS);
    assert_eq!(pending, [recount, parties, persons]);
    store.write(|tx| repo::maintenance::done(tx, persons)).unwrap();
    assert_eq!(store.read(repo::maintenance::pending).unwrap(), [recount, parties]);
}

#[test]
fn sqlite_upgrades_from_the_foundation_schema() {
    upgrade_from_the_foundation_schema(&SqliteDb::at_version(1).store);
}

#[test]
fn postgres_upgrades_from_the_foundation_schema() {
    if let Some(db) = PostgresDb::at_version(1) {
        upgrade_from_the_foundation_schema(&db.store);
    }
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("komek.sqlite3");
    std::fs::write(&path, vec![0x42u8; 8192]).unwrap();
    let err = Store::open_sqlite(&path).err().expect("must refuse");
    assert!(err.to_string().contains("not a Komek database"), "{err}");
}

#[test]
fn a_wrongly_spelled_postgres_url_is_refused_with_a_clear_message() {
    let err = Store::open_postgres("postgress:/nowhere").err().expect("must refuse");
    assert!(err.to_string().contains("database URL is not valid"), "{err}");
    let err = Store::open_postgres("postgres://postgres@127.0.0.1:1/komek").err().expect("must refuse");
    assert!(err.to_string().contains("cannot connect to PostgreSQL at 127.0.0.1"), "{err}");
}

/// An appeal of `op` in `office`, received on `day` of October 2008, with one topic.
pub(crate) fn register_appeal(store: &Store, office: &Office, op: &Account, day: u32, topic: &str) -> Appeal {
    let appeal = Appeal {
        topics: vec![topic.into()],
        ..Appeal::received(
            office.id,
            op.id,
            Utc.with_ymd_and_hms(2008, 10, day, 6, 0, 0).unwrap(),
            if day.is_multiple_of(2) { "walk-in" } else { "hotline-phone" },
            "migrant",
            "advised",
        )
    };
    store.write(|tx| repo::appeals::insert(tx, &appeal, None)).unwrap();
    appeal
}

fn the_appeals_register_filters_sorts_and_pages(store: &Store) {
    use repo::appeals::{AppealFilter, AppealSort, FollowUp};
    let hq = office(store, "hq");
    let district = office(store, "maktaaral");
    let op = account(store, &hq, "op");
    let other = account(store, &district, "other");
    let ids: Vec<AppealId> = (1..=5).map(|d| register_appeal(store, &hq, &op, d, "registration").id).collect();
    let wages = register_appeal(store, &hq, &op, 6, "wages-unpaid");
    let away = register_appeal(store, &district, &other, 7, "registration");
    let mut pending = wages.clone();
    pending.outcome = "pending".into();
    pending.follow_up_on = NaiveDate::from_ymd_opt(2008, 10, 10);
    store.write(|tx| repo::appeals::update(tx, &pending, None, 1)).unwrap();

    let list = |filter: AppealFilter, sort, limit, offset| {
        store
            .read(|tx| repo::appeals::list(tx, &filter, sort, limit, offset))
            .unwrap()
            .iter()
            .map(|l| l.id)
            .collect::<Vec<_>>()
    };
    let newest = list(AppealFilter::default(), AppealSort::NewestFirst, 3, 0);
    assert_eq!(newest, vec![away.id, wages.id, ids[4]]);
    assert_eq!(list(AppealFilter::default(), AppealSort::NewestFirst, 3, 3), vec![ids[3], ids[2], ids[1]]);
    assert_eq!(list(AppealFilter::default(), AppealSort::OldestFirst, 2, 0), vec![ids[0], ids[1]]);
    let in_hq = AppealFilter { office: Some(hq.id), ..Default::default() };
    assert_eq!(list(in_hq.clone(), AppealSort::NewestFirst, 10, 0).len(), 6);
    let topic = AppealFilter { topic: Some("wages-unpaid".into()), ..Default::default() };
    assert_eq!(list(topic, AppealSort::NewestFirst, 10, 0), vec![wages.id]);
    let walk_in = AppealFilter { channel: Some("walk-in".into()), office: Some(hq.id), ..Default::default() };
    assert_eq!(list(walk_in, AppealSort::NewestFirst, 10, 0), vec![wages.id, ids[3], ids[1]]);
    let window = AppealFilter {
        received_from: Some(Utc.with_ymd_and_hms(2008, 10, 2, 0, 0, 0).unwrap()),
        received_to: Some(Utc.with_ymd_and_hms(2008, 10, 4, 0, 0, 0).unwrap()),
        ..Default::default()
    };
    assert_eq!(list(window, AppealSort::OldestFirst, 10, 0), vec![ids[1], ids[2]]);
    let day = |d| NaiveDate::from_ymd_opt(2008, 10, d).unwrap();
    let due = |f| AppealFilter { follow_up: Some(f), operator: Some(op.id), ..Default::default() };
    assert_eq!(list(due(FollowUp::DueBy(day(10))), AppealSort::FollowUpFirst, 10, 0), vec![wages.id]);
    assert!(list(due(FollowUp::OverdueOn(day(10))), AppealSort::FollowUpFirst, 10, 0).is_empty());
    assert_eq!(list(due(FollowUp::OverdueOn(day(11))), AppealSort::FollowUpFirst, 10, 0), vec![wages.id]);
    let first = list(AppealFilter::default(), AppealSort::FollowUpFirst, 1, 0);
    assert_eq!(first, vec![wages.id], "appeals with a follow-up come first");
    let lines = store.read(|tx| repo::appeals::list(tx, &in_hq, AppealSort::NewestFirst, 1, 0)).unwrap();
    assert_eq!((lines[0].topics.clone(), lines[0].operator_id), (vec!["wages-unpaid".to_owned()], op.id));
}

fn an_appeal_is_updated_only_at_the_version_read(store: &Store) {
    let hq = office(store, "hq");
    let op = account(store, &hq, "op");
    let mut appeal = register_appeal(store, &hq, &op, 14, "registration");
    appeal.topics = vec!["citizenship".into(), "residence-permit".into()];
    appeal.help = vec!["information".into()];
    appeal.outcome = "referred".into();
    store.write(|tx| repo::appeals::update(tx, &appeal, Some(vec![4, 2]), 1)).unwrap();
    let back = store.read(|tx| repo::appeals::get(tx, appeal.id)).unwrap();
    assert_eq!((back.appeal, back.notes_enc, back.version), (appeal.clone(), Some(vec![4, 2]), 2));
    let stale = store.write(|tx| repo::appeals::update(tx, &appeal, None, 1)).unwrap_err();
    assert!(matches!(stale, StoreError::Conflict(_)), "{stale}");
    assert!(store.read(|tx| repo::appeals::exists(tx, appeal.id)).unwrap());
    assert!(!store.read(|tx| repo::appeals::exists(tx, AppealId::new())).unwrap());
}

fn merging_moves_appeals_cases_and_services_to_the_person_kept(store: &Store) {
    let hq = office(store, "hq");
    let op = account(store, &hq, "op");
    let kept = person(store, &hq, &[b"husan"]);
    let duplicate = person(store, &hq, &[b"husan", b"abdulaev"]);
    let mut appeal = register_appeal(store, &hq, &op, 3, "wages-unpaid");
    appeal.person_id = Some(duplicate);
    store.write(|tx| repo::appeals::update(tx, &appeal, None, 1)).unwrap();
    let case_of = |persons: Vec<PersonId>, number: &str| Case {
        number: number.into(),
        persons,
        ..Case::opened(hq.id, "unpaid-wages", op.id, NaiveDate::from_ymd_opt(2008, 10, 3).unwrap())
    };
    let both = case_of(vec![kept, duplicate], "2008-001");
    let only_dup = case_of(vec![duplicate], "2008-002");
    for case in [&both, &only_dup] {
        store.write(|tx| repo::cases::insert(tx, case, None)).unwrap();
    }
    store
        .write(|tx| {
            repo::appeals::move_person(tx, duplicate, kept)?;
            repo::cases::move_person(tx, duplicate, kept)?;
            repo::persons::delete(tx, duplicate)
        })
        .unwrap();
    assert_eq!(store.read(|tx| repo::appeals::get(tx, appeal.id)).unwrap().appeal.person_id, Some(kept));
    let cases = store.read(|tx| repo::cases::for_person(tx, kept)).unwrap();
    assert_eq!(cases.iter().map(|c| c.number.as_str()).collect::<Vec<_>>(), ["2008-002", "2008-001"]);
    assert_eq!(store.read(|tx| repo::cases::get(tx, both.id)).unwrap().case.persons, vec![kept]);
    assert!(matches!(store.read(|tx| repo::persons::get(tx, duplicate)), Err(StoreError::NotFound)));
    let search =
        SearchTokens { words: vec![SearchWord::exact(IndexToken { kind: "name", token: b"abdulaev".to_vec() })] };
    assert!(store.read(|tx| repo::persons::find(tx, &search, 5)).unwrap().is_empty(), "its index went with it");
}

fn api_tokens_are_found_by_hash_used_and_revoked_once(store: &Store) {
    let hq = office(store, "hq");
    let bot = account(store, &hq, "bot");
    let other = account(store, &hq, "other");
    let at = |ms: i64| Utc.timestamp_millis_opt(ms).unwrap();
    let token = |account: &Account, label: &str, created: i64| repo::api_tokens::ApiTokenRecord {
        id: uuid::Uuid::now_v7(),
        account_id: account.id,
        label: label.into(),
        created_at: at(created),
        last_used_at: None,
        revoked_at: None,
    };
    let first = token(&bot, "hotline bot — «Береке»", 1_000);
    let second = token(&bot, "reports", 2_000);
    let theirs = token(&other, "x", 3_000);
    store
        .write(|tx| {
            repo::api_tokens::insert(tx, "hash-1", &first)?;
            repo::api_tokens::insert(tx, "hash-2", &second)?;
            repo::api_tokens::insert(tx, "hash-3", &theirs)
        })
        .unwrap();
    assert_eq!(store.read(|tx| repo::api_tokens::by_hash(tx, "hash-1")).unwrap(), Some(first.clone()));
    assert_eq!(store.read(|tx| repo::api_tokens::by_hash(tx, "no-such-hash")).unwrap(), None);
    let twin = token(&bot, "same secret", 4_000);
    let err = store.write(|tx| repo::api_tokens::insert(tx, "hash-1", &twin)).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "a hash belongs to one token only: {err}");

    store.write(|tx| repo::api_tokens::touch(tx, first.id, at(5_000))).unwrap();
    assert_eq!(store.read(|tx| repo::api_tokens::get(tx, first.id)).unwrap().last_used_at, Some(at(5_000)));
    assert!(store.write(|tx| repo::api_tokens::revoke(tx, first.id, at(6_000))).unwrap());
    assert!(!store.write(|tx| repo::api_tokens::revoke(tx, first.id, at(7_000))).unwrap(), "revoked once");
    let revoked = store.read(|tx| repo::api_tokens::by_hash(tx, "hash-1")).unwrap().unwrap();
    assert_eq!(revoked.revoked_at, Some(at(6_000)), "the first revocation time stays");

    let mine: Vec<String> =
        store.read(|tx| repo::api_tokens::list(tx, Some(bot.id))).unwrap().into_iter().map(|t| t.label).collect();
    assert_eq!(mine, ["hotline bot — «Береке»", "reports"]);
    assert_eq!(store.read(|tx| repo::api_tokens::list(tx, None)).unwrap().len(), 3);
    let missing = store.read(|tx| repo::api_tokens::get(tx, uuid::Uuid::now_v7())).unwrap_err();
    assert!(matches!(missing, StoreError::NotFound));
}

fn a_stale_party_update_is_refused_and_a_fresh_one_replaces_the_index(store: &Store) {
    let hq = office(store, "hq");
    let token = |t: &[u8]| IndexToken { kind: "name", token: t.to_vec() };
    let party = repo::parties::StoredParty {
        id: PartyId::new(),
        office_id: hq.id,
        kind: "company".into(),
        region: Some("turkistan".into()),
        district: None,
        identity_enc: vec![1],
        created_at: Utc::now(),
        version: 1,
    };
    store.write(|tx| repo::parties::insert(tx, &party, &[token(b"agro")])).unwrap();
    let read_by_one = store.read(|tx| repo::parties::get(tx, party.id)).unwrap();
    let read_by_another = read_by_one.clone();
    let changed = repo::parties::StoredParty {
        kind: "person".into(),
        district: Some("maktaaral".into()),
        identity_enc: vec![2],
        ..read_by_one
    };
    store.write(|tx| repo::parties::update(tx, &changed, &[token(b"bakhyt")])).unwrap();
    let stale = repo::parties::StoredParty { identity_enc: vec![3], ..read_by_another };
    let err = store.write(|tx| repo::parties::update(tx, &stale, &[])).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    let back = store.read(|tx| repo::parties::get(tx, party.id)).unwrap();
    assert_eq!(
        (back.kind.as_str(), back.district.as_deref(), back.identity_enc, back.version),
        ("person", Some("maktaaral"), vec![2], 2)
    );
    let find = |t: &[u8]| SearchTokens { words: vec![SearchWord::exact(token(t))] };
    assert_eq!(store.read(|tx| repo::parties::find(tx, &find(b"bakhyt"), 5)).unwrap(), vec![(party.id, 16)]);
    assert!(store.read(|tx| repo::parties::find(tx, &find(b"agro"), 5)).unwrap().is_empty(), "the old index is gone");
}

fn a_release(
    office: Option<OfficeId>,
    made_by: Option<AccountId>,
    at_ms: i64,
    mode: repo::public_releases::Mode,
) -> repo::public_releases::ReleaseRow {
    repo::public_releases::ReleaseRow {
        id: uuid::Uuid::now_v7(),
        made_at: Utc.timestamp_millis_opt(at_ms).unwrap(),
        made_by,
        period_from: NaiveDate::from_ymd_opt(2008, 1, 1).unwrap(),
        period_to: NaiveDate::from_ymd_opt(2008, 12, 31).unwrap(),
        office_id: office,
        mode,
        figures: r#"[{"table":"appeals-total","row":"total","column":"appeals","figure":{"count":12}}]"#.into(),
    }
}

fn the_release_ledger_keeps_every_release_in_order_and_the_privacy_budget(store: &Store) {
    use repo::public_releases::{self as ledger, Mode};
    let hq = office(store, "hq");
    let manager = account(store, &hq, "manager");
    let later = a_release(Some(hq.id), Some(manager.id), 1_700_000_002_000, Mode::Private { epsilon_milli: 250 });
    let first = a_release(None, None, 1_700_000_001_000, Mode::Suppression { threshold: 10 });
    store.write(|tx| ledger::insert(tx, &later)).unwrap();
    store.write(|tx| ledger::insert(tx, &first)).unwrap();
    assert_eq!(store.read(ledger::all).unwrap(), vec![first.clone(), later]);

    // A release is one mode or the other, and a threshold below 2 hides nothing.
    let mut bad = a_release(None, None, 1_700_000_003_000, Mode::Suppression { threshold: 1 });
    assert!(store.write(|tx| ledger::insert(tx, &bad)).is_err());
    bad.mode = Mode::Suppression { threshold: 10 };
    bad.id = first.id;
    assert!(store.write(|tx| ledger::insert(tx, &bad)).is_err(), "ids are unique");
    assert_eq!(store.read(ledger::all).unwrap().len(), 2);

    assert_eq!(store.read(ledger::budget_per_year).unwrap(), 1000);
    assert_eq!(store.write(|tx| ledger::set_budget_per_year(tx, 2500)).unwrap(), 1000);
    assert_eq!(store.read(ledger::budget_per_year).unwrap(), 2500);
}

/// A database of version 10 is upgraded to the ledger: empty, with the default budget, and
/// the records already there are kept.
fn upgrade_to_the_release_ledger(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 10);
    let hq = office(store, "hq");
    let a = account(store, &hq, "before");
    assert_eq!(store.migrate().unwrap(), crate::versions_from(11));
    assert_eq!(store.read(|tx| repo::accounts::get(tx, a.id)).unwrap().account, a);
    assert!(store.read(repo::public_releases::all).unwrap().is_empty());
    assert_eq!(store.read(repo::public_releases::budget_per_year).unwrap(), 1000);
    let row = a_release(
        Some(hq.id),
        Some(a.id),
        1_700_000_000_000,
        repo::public_releases::Mode::Suppression { threshold: 5 },
    );
    store.write(|tx| repo::public_releases::insert(tx, &row)).unwrap();
    assert_eq!(store.read(repo::public_releases::all).unwrap(), vec![row]);
}

#[test]
fn sqlite_upgrades_to_the_release_ledger() {
    upgrade_to_the_release_ledger(&SqliteDb::at_version(10).store);
}

#[test]
fn postgres_upgrades_to_the_release_ledger() {
    if let Some(db) = PostgresDb::at_version(10) {
        upgrade_to_the_release_ledger(&db.store);
    }
}

fn a_case_keeps_the_fields_added_for_the_htcds_export(store: &Store) {
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let pid = person(store, &hq, &[b"a"]);
    let mut case = a_case(&hq, &lead, pid, "2008-001", "open", false);
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    assert_eq!(back.case.exploited_country, None, "a case saved without one has no country of exploitation");

    case.exploited_country = Some("RU".into());
    store.write(|tx| repo::cases::update(tx, &case, None, 1)).unwrap();
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    // The victims the store reads back are the persons' standing, "unknown" when not given.
    assert_eq!(back.case.exploited_country.as_deref(), Some("RU"), "exploited in Russia");
    assert_eq!(Case { victims: vec![], ..back.case }, case, "and nothing else changed");
}

fn persons_cases_and_events_keep_what_edition_r3_of_the_htcds_export_added(store: &Store) {
    use komek_domain::casework::CaseEvent;
    use komek_store::repo::casework::StoredEvent;
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");

    // A dual citizen: the main citizenship and the others, in the order given.
    let pid = person(store, &hq, &[b"d"]);
    let mut stored = store.read(|tx| repo::persons::get(tx, pid)).unwrap();
    assert!(stored.profile.other_citizenships.is_empty(), "a person saved without them has none");
    stored.profile.other_citizenships = vec!["RU".into(), "KZ".into()];
    store.write(|tx| repo::persons::update(tx, &stored, &[])).unwrap();
    let back = store.read(|tx| repo::persons::get(tx, pid)).unwrap();
    assert_eq!(back.profile.other_citizenships, ["RU", "KZ"]);
    assert_eq!(back.profile.citizenship, "UZ", "the main one stays the one counted");

    // Recruitment and control, in the order recorded, through an update and back to none.
    let mut case = a_case(&hq, &lead, pid, "2008-002", "open", false);
    case.recruitment_methods = vec!["bazaar-intermediary".into()];
    case.means_of_control = vec!["physical-violence".into(), "confinement-isolation".into()];
    store.write(|tx| repo::cases::insert(tx, &case, None)).unwrap();
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    assert_eq!(Case { victims: vec![], ..back.case }, case);
    case.recruitment_methods = vec!["friends-neighbours".into(), "social-network-messenger".into()];
    case.means_of_control = vec![];
    store.write(|tx| repo::cases::update(tx, &case, None, 1)).unwrap();
    let back = store.read(|tx| repo::cases::get(tx, case.id)).unwrap();
    assert_eq!(back.case.recruitment_methods, ["friends-neighbours", "social-network-messenger"]);
    assert!(back.case.means_of_control.is_empty());

    // An event with a place of its own (the settlement as ciphertext) and one without.
    let event = |day: u32, place: bool| CaseEvent {
        id: EventId::new(),
        case_id: case.id,
        happened_on: NaiveDate::from_ymd_opt(2008, 5, day).unwrap(),
        kind: "transit".into(),
        text: String::new(),
        author_id: None,
        place_country: place.then(|| "KZ".into()),
        place_region: place.then(|| "turkistan".into()),
        place_district: place.then(|| "saryagash".into()),
        place_settlement: None,
    };
    let with_place = StoredEvent { event: event(28, true), text_enc: vec![1], place_settlement_enc: Some(vec![9, 9]) };
    let without = StoredEvent { event: event(20, false), text_enc: vec![2], place_settlement_enc: None };
    for e in [&with_place, &without] {
        store.write(|tx| repo::casework::insert_event(tx, e)).unwrap();
    }
    let events = store.read(|tx| repo::casework::events_of(tx, case.id)).unwrap();
    let read: Vec<(CaseEvent, Vec<u8>, Option<Vec<u8>>)> =
        events.into_iter().map(|e| (e.event, e.text_enc, e.place_settlement_enc)).collect();
    assert_eq!(
        read,
        [(without.event.clone(), vec![2], None), (with_place.event.clone(), vec![1], Some(vec![9, 9]))],
        "by day, each with its place"
    );
}

/// Rows saved at version 13 read back, after every later migration, with none of what the
/// HTCDS gaps (migration 16) added.
fn upgrade_to_the_htcds_gaps(store: &Store) {
    assert_eq!(store.schema_version().unwrap(), 13);
    let hq = office(store, "hq");
    let lead = account(store, &hq, "lead");
    let pid = person_as_first_stored(store, &hq, "UZ", &[1]);
    let cid = CaseId::new();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO cases (id, office_id, number, kind, status, sensitive, lead_id, opened_on, recruited_at,
                                    created_at, updated_at) VALUES ($1, $2, '2008-001', 'forced-labour', 'open', $3, $4,
                                    $5, '', $6, $6)",
                params![cid, hq.id, false, lead.id, NaiveDate::from_ymd_opt(2008, 1, 1).unwrap(), Utc::now()],
            )?;
            tx.execute("INSERT INTO case_persons (case_id, person_id) VALUES ($1, $2)", params![cid, pid])?;
            tx.execute(
                "INSERT INTO case_events (id, case_id, happened_on, kind, text_enc, created_at)
                 VALUES ($1, $2, $3, 'recruitment', $4, $5)",
                params![EventId::new(), cid, NaiveDate::from_ymd_opt(2007, 5, 1).unwrap(), vec![1u8], Utc::now()],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(store.migrate().unwrap(), (14..=LATEST_VERSION).collect::<Vec<_>>());
    let person = store.read(|tx| repo::persons::get(tx, pid)).unwrap();
    assert!(person.profile.other_citizenships.is_empty());
    let case = store.read(|tx| repo::cases::get(tx, cid)).unwrap().case;
    assert!(case.recruitment_methods.is_empty() && case.means_of_control.is_empty());
    let events = store.read(|tx| repo::casework::events_of(tx, cid)).unwrap();
    let place = &events[0].event;
    assert_eq!((&place.place_country, &place.place_region, &place.place_district), (&None, &None, &None));
    assert_eq!(events[0].place_settlement_enc, None);
}

#[test]
fn sqlite_upgrades_to_the_htcds_gaps() {
    upgrade_to_the_htcds_gaps(&SqliteDb::at_version(13).store);
}

#[test]
fn postgres_upgrades_to_the_htcds_gaps() {
    if let Some(db) = PostgresDb::at_version(13) {
        upgrade_to_the_htcds_gaps(&db.store);
    }
}

fn an_organisations_codes_are_kept_with_their_labels_and_saved_only_at_the_version_read(store: &Store) {
    use komek_domain::lookups::SavedCode;
    let mut code = SavedCode {
        list: "topic".into(),
        code: "police-extortion".into(),
        position: 13,
        labels: [
            ("ru".to_owned(), "Вымогательство «полиции»".to_owned()),
            ("uz".to_owned(), "Tovlamachilik".to_owned()),
        ]
        .into(),
        retired_on: None,
        version: 0,
    };
    assert_eq!(store.write(|tx| repo::lookups::save(tx, &code)).unwrap(), 1);
    // Added twice, or saved at a version no longer there: a change made meanwhile.
    assert!(matches!(store.write(|tx| repo::lookups::save(tx, &code)), Err(StoreError::Conflict(_))));
    code.version = 1;
    code.retired_on = NaiveDate::from_ymd_opt(2026, 12, 7);
    assert_eq!(store.write(|tx| repo::lookups::save(tx, &code)).unwrap(), 2);
    assert!(matches!(store.write(|tx| repo::lookups::save(tx, &code)), Err(StoreError::Conflict(_))));
    code.version = 2;
    assert_eq!(store.read(repo::lookups::list).unwrap(), [code]);

    let mut article = komek_domain::law::SavedArticle {
        code: "cc2014-128-1".into(),
        book: "cc2014".into(),
        number: "128-1".into(),
        in_force_from: NaiveDate::from_ymd_opt(2020, 1, 31).unwrap(),
        in_force_to: None,
        labels: [("ru".to_owned(), "УК РК 2014, ст. 128-1".to_owned())].into(),
        source: "adilet.zan.kz".into(),
        version: 0,
    };
    assert_eq!(store.write(|tx| repo::lookups::save_article(tx, &article)).unwrap(), 1);
    assert!(matches!(store.write(|tx| repo::lookups::save_article(tx, &article)), Err(StoreError::Conflict(_))));
    article.version = 1;
    article.in_force_to = NaiveDate::from_ymd_opt(2024, 12, 31);
    assert_eq!(store.write(|tx| repo::lookups::save_article(tx, &article)).unwrap(), 2);
    article.version = 2;
    assert_eq!(store.read(repo::lookups::articles).unwrap(), [article]);
}
