use std::collections::{BTreeSet, HashSet};

use proptest::prelude::*;

use super::forced_labour::{IL, P, UR, WL, WORST_FORMS};
use super::trafficking::{COERCIVE_DEST, COERCIVE_REC, DECEPTIVE_REC, EXPLOITATIVE, VULNERABLE_DEST, VULNERABLE_REC};
use super::*;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn yes(codes: &[&str]) -> Answers {
    codes.iter().map(|c| (*c, Answer::Yes)).collect()
}

/// Every indicator of `catalogue` answered "no", except those given.
fn all_no_but(catalogue: &Catalogue, given: &[(&str, Answer)]) -> Answers {
    let mut answers: Answers = catalogue.indicators.iter().map(|i| (i.code, Answer::No)).collect();
    for (code, answer) in given {
        answers.set(code, *answer);
    }
    answers
}

fn all_no_but_yes(catalogue: &Catalogue, codes: &[&str]) -> Answers {
    let given: Vec<(&str, Answer)> = codes.iter().map(|c| (*c, Answer::Yes)).collect();
    all_no_but(catalogue, &given)
}

fn codes_of_group(catalogue: &Catalogue, group: &str) -> Vec<&'static str> {
    catalogue.indicators.iter().filter(|i| i.group == group).map(|i| i.code).collect()
}

fn codes_of_groups(catalogue: &Catalogue, groups: &[&str]) -> Vec<&'static str> {
    catalogue.indicators.iter().filter(|i| groups.contains(&i.group)).map(|i| i.code).collect()
}

fn of_strength(group: &str, strength: Strength) -> Vec<&'static str> {
    TRAFFICKING.indicators.iter().filter(|i| i.group == group && i.strength == Some(strength)).map(|i| i.code).collect()
}

fn sorted(mut codes: Vec<&'static str>) -> Vec<&'static str> {
    codes.sort_unstable();
    codes
}

fn position(catalogue: &Catalogue, code: &str) -> usize {
    catalogue.indicators.iter().position(|i| i.code == code).unwrap_or_else(|| panic!("no indicator {code}"))
}

/// The element rule as the ILO–EC brochure states it: positive when it contains one of these
/// combinations (strong, medium, weak). Written independently of [`element_rule`].
fn ilo_element(counts: [usize; 3]) -> bool {
    const MINIMAL: [[usize; 3]; 5] = [[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 3, 0], [0, 2, 1]];
    MINIMAL.iter().any(|min| (0..3).all(|k| counts[k] >= min[k]))
}

/// The two-valued rules, written straight from the ILO texts over a vector of "present" flags
/// aligned with the catalogue's indicators — the reference the evaluators are checked against.
fn reference(catalogue: &Catalogue, age: Age, present: &[bool]) -> bool {
    let any = |group: &str| catalogue.indicators.iter().zip(present).any(|(i, p)| *p && i.group == group);
    let element = |group: &str| {
        let mut counts = [0; 3];
        for (i, p) in catalogue.indicators.iter().zip(present) {
            if *p && i.group == group {
                counts[i.strength.expect("elements are graded").index()] += 1;
            }
        }
        ilo_element(counts)
    };
    if catalogue.id == TRAFFICKING.id {
        let recruitment = element(DECEPTIVE_REC) || element(COERCIVE_REC) || element(VULNERABLE_REC);
        let exploitation = element(EXPLOITATIVE);
        let destination = element(COERCIVE_DEST) || element(VULNERABLE_DEST);
        match age {
            Age::Adult => recruitment && exploitation && destination,
            Age::Minor => recruitment && exploitation,
        }
    } else {
        let worst_form = catalogue.indicators.iter().zip(present).any(|(i, p)| *p && WORST_FORMS.contains(&i.code));
        match age {
            Age::Adult => (any(UR) || any(WL) || any(IL)) && any(P),
            Age::Minor => any(P) || worst_form,
        }
    }
}

/// Checks every one of the 3^k answers to `subset` (the rest answered as in `base`, "no" where
/// not given) against the three-valued definition, by evaluating every completion of the
/// unknowns with [`reference`].
fn check_exhaustively(catalogue: &'static Catalogue, age: Age, base: &[(&str, Answer)], subset: &[&str]) {
    let n = catalogue.indicators.len();
    let mut base_answers = vec![Answer::No; n];
    for (code, answer) in base {
        base_answers[position(catalogue, code)] = *answer;
    }
    let subset: Vec<usize> = subset.iter().map(|c| position(catalogue, c)).collect();
    let combinations = 3usize.pow(subset.len() as u32);
    let mut seen = [0usize; 3];
    for k in 0..combinations {
        let mut answers = base_answers.clone();
        let mut rest = k;
        for &p in &subset {
            answers[p] = Answer::ALL[rest % 3];
            rest /= 3;
        }
        let unknown: Vec<usize> = (0..n).filter(|&i| answers[i] == Answer::Unknown).collect();
        let holds = |bits: usize| {
            let present: Vec<bool> = (0..n)
                .map(|i| match answers[i] {
                    Answer::Yes => true,
                    Answer::No => false,
                    Answer::Unknown => bits & (1 << unknown.iter().position(|&u| u == i).unwrap_or(0)) != 0,
                })
                .collect();
            reference(catalogue, age, &present)
        };
        let completions = 1usize << unknown.len();
        let outcomes: Vec<bool> = (0..completions).map(holds).collect();
        let expected = if outcomes.iter().all(|o| *o) {
            Verdict::Yes
        } else if outcomes.iter().all(|o| !*o) {
            Verdict::No
        } else {
            Verdict::NotEnoughInformation
        };
        let expected_to_ask: Vec<&str> = unknown
            .iter()
            .enumerate()
            .filter(|(j, _)| {
                (0..completions).filter(|b| b & (1 << j) == 0).any(|b| outcomes[b] != outcomes[b | (1 << j)])
            })
            .map(|(_, &i)| catalogue.indicators[i].code)
            .collect();

        let given: Answers = (0..n)
            .filter(|&i| answers[i] != Answer::Unknown)
            .map(|i| (catalogue.indicators[i].code, answers[i]))
            .collect();
        let evaluation = catalogue.evaluate(&given, age);
        let shown: Vec<(&str, Answer)> = subset.iter().map(|&p| (catalogue.indicators[p].code, answers[p])).collect();
        assert_eq!(evaluation.verdict, expected, "{} {age:?} {shown:?}", catalogue.id);
        assert_eq!(evaluation.to_ask, expected_to_ask, "{} {age:?} {shown:?}", catalogue.id);
        seen[match expected {
            Verdict::Yes => 0,
            Verdict::No => 1,
            Verdict::NotEnoughInformation => 2,
        }] += 1;

        // What decided a result is enough on its own to decide it.
        match evaluation.verdict {
            Verdict::Yes => {
                let mut present = vec![false; n];
                for code in &evaluation.decided_by {
                    let p = position(catalogue, code);
                    assert_eq!(answers[p], Answer::Yes, "{code} decided a yes without being yes");
                    present[p] = true;
                }
                assert!(reference(catalogue, age, &present), "{shown:?}: {:?} is not enough", evaluation.decided_by);
            }
            Verdict::No => {
                let mut present = vec![true; n];
                for code in &evaluation.decided_by {
                    let p = position(catalogue, code);
                    assert_eq!(answers[p], Answer::No, "{code} closed a no without being no");
                    present[p] = false;
                }
                assert!(
                    !reference(catalogue, age, &present),
                    "{shown:?}: {:?} does not close it",
                    evaluation.decided_by
                );
            }
            Verdict::NotEnoughInformation => {
                assert!(evaluation.decided_by.is_empty());
                assert!(!evaluation.to_ask.is_empty());
            }
        }
    }
    assert!(seen.iter().all(|&s| s > 0), "{} {age:?}: the subset must reach every verdict, saw {seen:?}", catalogue.id);
}

/// The Fluent message ids of one of the shipped `indicators.ftl` files.
fn ftl_ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with(' '))
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

const FTL: [(&str, &str); 3] = [
    ("en", include_str!("../../../web/i18n/en/indicators.ftl")),
    ("ru", include_str!("../../../web/i18n/ru/indicators.ftl")),
    ("kk", include_str!("../../../web/i18n/kk/indicators.ftl")),
];

// ---------------------------------------------------------------------------------------------
// The catalogues as data
// ---------------------------------------------------------------------------------------------

#[test]
fn codes_are_lowercase_ascii_with_hyphens_and_unique_across_catalogues() {
    let mut seen = HashSet::new();
    for catalogue in CATALOGUES {
        let prefix = if catalogue.id == TRAFFICKING.id { "th-" } else { "fl-" };
        for code in catalogue.groups.iter().map(|g| g.code).chain(catalogue.indicators.iter().map(|i| i.code)) {
            assert!(seen.insert(code), "{code} twice");
            assert!(code.starts_with(prefix), "{code} lacks the prefix {prefix}");
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !code.ends_with('-')
                    && !code.contains("--"),
                "{code} is not lowercase ascii with hyphens"
            );
        }
    }
    let ids: HashSet<&str> = CATALOGUES.iter().map(|c| c.id).chain([ELEVEN_ID]).collect();
    assert_eq!(ids.len(), 3);
}

#[test]
fn every_indicator_belongs_to_a_group_of_its_catalogue_and_is_named_after_it() {
    for catalogue in CATALOGUES {
        for group in catalogue.groups {
            assert_eq!(group.catalogue, catalogue.id);
            assert!(group.indicators().count() > 0, "{} is empty", group.code);
        }
        for indicator in catalogue.indicators {
            assert_eq!(indicator.catalogue, catalogue.id, "{}", indicator.code);
            assert!(catalogue.group(indicator.group).is_some(), "{}: no group {}", indicator.code, indicator.group);
            assert!(indicator.code.starts_with(&format!("{}-", indicator.group)), "{}", indicator.code);
            assert_eq!(indicator.group().code, indicator.group);
            assert_eq!(indicator.catalogue().id, catalogue.id);
            assert!(!indicator.wording.is_empty());
        }
        // Display order keeps a group's indicators together, in the order of the groups.
        let order: Vec<&str> = catalogue.indicators.iter().map(|i| i.group).collect();
        let mut groups: Vec<&str> = order.clone();
        groups.dedup();
        assert_eq!(groups, catalogue.groups.iter().map(|g| g.code).collect::<Vec<_>>(), "{}", catalogue.id);
    }
}

#[test]
fn trafficking_elements_have_the_ilo_ec_counts_and_strengths() {
    // (strong, medium, weak) per element: 10, 10, 16, 9, 15 and 7 indicators, 67 in all.
    let expected = [
        (DECEPTIVE_REC, [1, 8, 1]),
        (COERCIVE_REC, [1, 9, 0]),
        (VULNERABLE_REC, [0, 14, 2]),
        (EXPLOITATIVE, [1, 7, 1]),
        (COERCIVE_DEST, [4, 10, 1]),
        (VULNERABLE_DEST, [0, 5, 2]),
    ];
    for (group, counts) in expected {
        let found = Strength::ALL.map(|s| of_strength(group, s).len());
        assert_eq!(found, counts, "{group}");
    }
    assert_eq!(TRAFFICKING.indicators.len(), 67);
    assert!(TRAFFICKING.groups.iter().all(|g| g.rule == GroupRule::Element));
    assert!(TRAFFICKING.indicators.iter().all(|i| i.strength.is_some()), "every element indicator is graded");
}

#[test]
fn forced_labour_has_the_four_dimensions_and_unverified_strengths() {
    let groups: Vec<(&str, Option<&str>)> = FORCED_LABOUR.groups.iter().map(|g| (g.code, g.abbreviation)).collect();
    assert_eq!(groups, [(UR, Some("UR")), (WL, Some("WL")), (IL, Some("IL")), (P, Some("P"))]);
    assert!(FORCED_LABOUR.groups.iter().all(|g| g.rule == GroupRule::AnyIndicator));
    let sizes: Vec<usize> = [UR, WL, IL, P].iter().map(|g| codes_of_group(&FORCED_LABOUR, g).len()).collect();
    assert_eq!(sizes, [5, 10, 4, 9]);
    assert!(FORCED_LABOUR.indicators.iter().all(|i| !i.verified), "strengths not checked against the guidelines");
    assert!(!FORCED_LABOUR.verified());
    assert!(TRAFFICKING.indicators.iter().all(|i| i.verified));
    assert!(TRAFFICKING.verified());
    assert!(!evaluate_forced_labour(&Answers::new(), Age::Adult).verified);
    assert!(evaluate_trafficking(&Answers::new(), Age::Adult).verified);
}

#[test]
fn every_indicator_is_tagged_with_one_of_the_eleven_unless_documented() {
    // Documented in the data: selling a person, and an adult's access to education, have no
    // counterpart among the eleven.
    let untagged_by_design = ["fl-ur-sale-of-worker", "th-exploitative-work-no-education"];
    for indicator in CATALOGUES.iter().flat_map(|c| c.indicators.iter()) {
        let tags: HashSet<Eleven> = indicator.tags.iter().copied().collect();
        assert_eq!(tags.len(), indicator.tags.len(), "{}: a tag twice", indicator.code);
        assert_eq!(
            indicator.tags.is_empty(),
            untagged_by_design.contains(&indicator.code),
            "{}: tags {:?}",
            indicator.code,
            indicator.tags
        );
    }
    for tag in Eleven::ALL {
        assert!(tag.indicators().any(|i| i.catalogue == FORCED_LABOUR.id), "{tag:?} unused in forced labour");
        assert!(tag.indicators().any(|i| i.catalogue == TRAFFICKING.id), "{tag:?} unused in trafficking");
    }
}

#[test]
fn catalogues_indicators_and_groups_are_found_by_code() {
    assert_eq!(catalogue("ilo-2012-forced-labour").map(|c| c.id), Some(FORCED_LABOUR.id));
    assert_eq!(catalogue("ilo-2009-trafficking-labour").map(|c| c.id), Some(TRAFFICKING.id));
    assert!(catalogue("ilo-2012").is_none());
    let i = indicator("fl-ur-deceptive-recruitment").expect("exists");
    assert_eq!((i.catalogue, i.group), (FORCED_LABOUR.id, UR));
    let i = indicator("th-coercive-dest-confiscation-documents").expect("exists");
    assert_eq!((i.catalogue, i.group, i.strength), (TRAFFICKING.id, COERCIVE_DEST, Some(Strength::Strong)));
    assert!(indicator("th-coercive-rec-confiscation-documents").is_some_and(|i| i.strength == Some(Strength::Medium)));
    assert!(indicator("confiscation-documents").is_none());
    assert_eq!(group("fl-p").map(|g| g.wording), Some("Penalty or menace of penalty"));
    assert!(FORCED_LABOUR.indicator("th-deceptive-rec-wages").is_none(), "a catalogue holds only its own");
    assert_eq!(FORCED_LABOUR.evaluate(&Answers::new(), Age::Adult).catalogue, FORCED_LABOUR.id);
    assert_eq!(TRAFFICKING.evaluate(&Answers::new(), Age::Adult).edition, TRAFFICKING.edition);
}

#[test]
fn an_answer_to_another_catalogues_indicator_is_refused_with_the_catalogue_named() {
    let answers = yes(&["fl-p-violence", "fl-ur-deceptive-recruitment"]);
    assert!(FORCED_LABOUR.check_answers(&answers).is_ok());
    let err = TRAFFICKING.check_answers(&answers).unwrap_err();
    assert_eq!(err.field(), "answers");
    assert!(matches!(&err, ValidationError::UnknownCode { list, .. } if *list == TRAFFICKING.id), "{err:?}");
    assert!(err.to_string().contains("fl-p-violence") || err.to_string().contains("fl-ur-deceptive-recruitment"));
}

#[test]
fn codes_parse_back_and_label_ids_follow_the_fluent_scheme() {
    for a in Answer::ALL {
        assert_eq!(Answer::parse(a.code()), Some(a));
    }
    for s in Source::ALL {
        assert_eq!(Source::parse(s.code()), Some(s));
    }
    for v in Verdict::ALL {
        assert_eq!(Verdict::parse(v.code()), Some(v));
    }
    for s in Strength::ALL {
        assert_eq!(Strength::parse(s.code()), Some(s));
    }
    for t in Eleven::ALL {
        assert_eq!(Eleven::parse(t.code()), Some(t));
    }
    assert_eq!(Answer::parse(" yes "), Some(Answer::Yes));
    assert_eq!(Answer::parse("maybe"), None);
    assert_eq!(Answer::default(), Answer::Unknown);
    assert_eq!(Verdict::NotEnoughInformation.code(), "unknown");
    assert_eq!(Verdict::Yes.label_id(), "indicator-verdict-yes");
    assert_eq!(Answer::No.label_id(), "indicator-answer-no");
    assert_eq!(Source::Observation.label_id(), "indicator-source-observation");
    assert_eq!(Eleven::DebtBondage.label_id(), "indicator-tag-debt-bondage");
    assert_eq!(FORCED_LABOUR.label_id(), "indicator-catalogue-ilo-2012-forced-labour");
    assert_eq!(FORCED_LABOUR.groups[0].label_id(), "indicator-group-fl-ur");
    assert_eq!(FORCED_LABOUR.indicators[0].label_id(), format!("indicator-{}", FORCED_LABOUR.indicators[0].code));
}

#[test]
fn every_label_exists_in_english_russian_and_kazakh() {
    let mut needed: Vec<String> = Vec::new();
    for catalogue in CATALOGUES {
        needed.push(catalogue.label_id());
        needed.extend(catalogue.groups.iter().map(Group::label_id));
        needed.extend(catalogue.indicators.iter().map(Indicator::label_id));
    }
    needed.push(format!("indicator-catalogue-{ELEVEN_ID}"));
    needed.extend(Eleven::ALL.map(Eleven::label_id));
    needed.extend(Verdict::ALL.map(Verdict::label_id));
    needed.extend(Answer::ALL.map(Answer::label_id));
    needed.extend(Source::ALL.map(Source::label_id));
    needed.extend(Strength::ALL.map(Strength::label_id));
    needed.extend(GroupStatus::ALL.map(GroupStatus::label_id));
    needed.push("indicator-unverified".to_owned());

    let english = ftl_ids(FTL[0].1);
    for (lang, source) in FTL {
        assert!(source.starts_with("# The ILO indicator catalogues"), "{lang}: the file's first line is kept");
        let ids = ftl_ids(source);
        for id in &needed {
            assert!(ids.contains(id), "{lang} lacks {id}");
        }
        assert_eq!(ids, english, "{lang} and en differ");
        for line in source.lines().filter(|l| !l.starts_with('#')) {
            assert!(!line.contains('{') && !line.contains('}'), "{lang}: a placeable in {line:?}");
        }
    }
}

#[test]
fn every_rule_reads_each_indicator_at_most_once() {
    fn leaves(catalogue: &Catalogue, rule: &Rule, out: &mut Vec<&'static str>) {
        match rule {
            Rule::All(parts) | Rule::AnyOf(parts) => parts.iter().for_each(|p| leaves(catalogue, p, out)),
            Rule::Group(code) => {
                assert!(catalogue.group(code).is_some(), "{code}");
                out.extend(codes_of_group(catalogue, code));
            }
            Rule::AnyOfCodes(codes) => {
                for code in *codes {
                    out.push(catalogue.indicator(code).unwrap_or_else(|| panic!("{code} unknown")).code);
                }
            }
        }
    }
    for age in [Age::Adult, Age::Minor] {
        for (catalogue, rule) in [(&FORCED_LABOUR, forced_labour::rule(age)), (&TRAFFICKING, trafficking::rule(age))] {
            let mut codes = Vec::new();
            leaves(catalogue, rule, &mut codes);
            let unique: HashSet<&str> = codes.iter().copied().collect();
            assert_eq!(unique.len(), codes.len(), "{} {age:?} reads an indicator twice", catalogue.id);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The element rule (trafficking)
// ---------------------------------------------------------------------------------------------

#[test]
fn element_rule_is_the_ilo_ec_rule_for_every_count() {
    for s in 0..6 {
        for m in 0..16 {
            for w in 0..4 {
                assert_eq!(element_rule(s, m, w), ilo_element([s, m, w]), "({s}, {m}, {w})");
            }
        }
    }
    // The positives the brochure names, and the near misses.
    assert!(element_rule(2, 0, 0), "two strong");
    assert!(element_rule(1, 1, 0), "one strong and one medium");
    assert!(element_rule(1, 0, 1), "one strong and one weak");
    assert!(element_rule(0, 3, 0), "three medium");
    assert!(element_rule(0, 2, 1), "two medium and one weak");
    assert!(!element_rule(0, 2, 0), "two medium");
    assert!(!element_rule(1, 0, 0), "one strong alone");
    assert!(!element_rule(0, 0, 3), "weak only");
    assert!(!element_rule(0, 1, 2), "one medium and two weak");
    assert!(!element_rule(0, 1, 1), "one medium and one weak");
    assert!(!element_rule(0, 0, 0), "nothing");
}

#[test]
fn every_trafficking_element_follows_the_element_rule() {
    use Strength::{Medium, Strong, Weak};
    let positives: [&[Strength]; 5] =
        [&[Strong, Strong], &[Strong, Medium], &[Strong, Weak], &[Medium, Medium, Medium], &[Medium, Medium, Weak]];
    let negatives: [&[Strength]; 6] =
        [&[Medium, Medium], &[Strong], &[Weak, Weak], &[Medium, Weak], &[Medium, Weak, Weak], &[Weak]];
    let pick = |group: &str, combo: &[Strength]| -> Option<Vec<&'static str>> {
        let mut picked = Vec::new();
        for s in Strength::ALL {
            let wanted = combo.iter().filter(|c| **c == s).count();
            let available = of_strength(group, s);
            if available.len() < wanted {
                return None;
            }
            picked.extend(available.into_iter().take(wanted));
        }
        Some(picked)
    };
    let status = |group: &str, present: &[&str]| {
        let given: Vec<(&str, Answer)> = codes_of_group(&TRAFFICKING, group)
            .into_iter()
            .map(|c| (c, if present.contains(&c) { Answer::Yes } else { Answer::No }))
            .collect();
        let answers: Answers = given.into_iter().collect();
        evaluate_trafficking(&answers, Age::Adult).status_of(group).expect("every group has a status")
    };
    let mut positives_tried = 0;
    for group in TRAFFICKING.groups.iter().map(|g| g.code) {
        for combo in positives {
            if let Some(present) = pick(group, combo) {
                positives_tried += 1;
                assert_eq!(status(group, &present), GroupStatus::Positive, "{group} {combo:?}");
                for dropped in &present {
                    let fewer: Vec<&str> = present.iter().copied().filter(|c| c != dropped).collect();
                    assert_eq!(status(group, &fewer), GroupStatus::Negative, "{group} {combo:?} without {dropped}");
                }
            }
        }
        for combo in negatives {
            if let Some(present) = pick(group, combo) {
                assert_eq!(status(group, &present), GroupStatus::Negative, "{group} {combo:?}");
            }
        }
        assert_eq!(status(group, &[]), GroupStatus::Negative, "{group}: all no");
        let unanswered = evaluate_trafficking(&Answers::new(), Age::Adult);
        assert_eq!(unanswered.status_of(group), Some(GroupStatus::Undetermined), "{group}: nothing known");
        let all_yes = codes_of_group(&TRAFFICKING, group);
        assert_eq!(status(group, &all_yes), GroupStatus::Positive, "{group}: all yes");
    }
    // Deceptive recruitment, coercion at destination and exploitative conditions each realise
    // every positive combination with a strong indicator; the vulnerability elements the medium ones.
    assert!(positives_tried >= 16, "{positives_tried}");
}

#[test]
fn an_element_with_one_strong_yes_waits_for_any_second_indicator() {
    let mut answers = all_no_but(&TRAFFICKING, &[]);
    // Exploitation and coercion at destination are positive; deceptive recruitment has its
    // strong indicator and everything else unknown; the other recruitment elements are absent.
    for code in ["th-exploitative-work-excessive-hours", "th-exploitative-work-hazardous"] {
        answers.set(code, Answer::Yes);
    }
    for code in ["th-coercive-dest-violence", "th-coercive-dest-debt-bondage"] {
        answers.set(code, Answer::Yes);
    }
    let deceptive = codes_of_group(&TRAFFICKING, DECEPTIVE_REC);
    for code in &deceptive {
        answers.set(code, Answer::Unknown);
    }
    answers.set("th-deceptive-rec-nature-of-job", Answer::Yes);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.status_of(DECEPTIVE_REC), Some(GroupStatus::Undetermined));
    // Any one more medium or weak indicator completes the element: all nine are worth asking.
    let rest: Vec<&str> = deceptive.iter().copied().filter(|c| *c != "th-deceptive-rec-nature-of-job").collect();
    assert_eq!(e.to_ask, rest);
    assert!(e.explain().starts_with("Trafficking for labour exploitation: not enough information; still to ask: "));

    answers.set("th-deceptive-rec-education", Answer::Yes);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes, "one strong and one weak");
    assert!(e.to_ask.is_empty());
}

#[test]
fn a_weak_indicator_is_not_asked_when_it_cannot_complete_its_element() {
    let mut answers = all_no_but_yes(
        &TRAFFICKING,
        &[
            "th-exploitative-work-excessive-hours",
            "th-exploitative-work-hazardous",
            "th-coercive-dest-violence",
            "th-coercive-dest-debt-bondage",
            "th-deceptive-rec-wages",
        ],
    );
    // One medium yes and the weak one unknown: medium + weak is not enough, so the weak one
    // cannot matter and the element is already negative.
    answers.set("th-deceptive-rec-education", Answer::Unknown);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::No);
    assert!(e.to_ask.is_empty());
    // With the strong one unknown too, both matter (strong + medium, or strong + weak).
    answers.set("th-deceptive-rec-nature-of-job", Answer::Unknown);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(
        e.to_ask,
        ["th-deceptive-rec-nature-of-job"],
        "strong + medium already suffices; the weak one never decides"
    );
    // With a second medium unknown instead, the weak one matters (two medium and one weak).
    answers.set("th-deceptive-rec-nature-of-job", Answer::No);
    answers.set("th-deceptive-rec-conditions", Answer::Unknown);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask, ["th-deceptive-rec-conditions", "th-deceptive-rec-education"]);
}

// ---------------------------------------------------------------------------------------------
// The trafficking rule
// ---------------------------------------------------------------------------------------------

/// Every element positive on its own, with two strong or three medium indicators.
fn element_yes(group: &str) -> Vec<&'static str> {
    let strong = of_strength(group, Strength::Strong);
    if strong.len() >= 2 {
        strong.into_iter().take(2).collect()
    } else if strong.len() == 1 {
        [strong[0], of_strength(group, Strength::Medium)[0]].to_vec()
    } else {
        of_strength(group, Strength::Medium).into_iter().take(3).collect()
    }
}

fn trafficking_with(groups: &[&str]) -> Answers {
    let codes: Vec<&str> = groups.iter().flat_map(|g| element_yes(g)).collect();
    all_no_but_yes(&TRAFFICKING, &codes)
}

#[test]
fn trafficking_needs_recruitment_exploitation_and_destination() {
    for recruitment in [DECEPTIVE_REC, COERCIVE_REC, VULNERABLE_REC] {
        for destination in [COERCIVE_DEST, VULNERABLE_DEST] {
            let e = evaluate_trafficking(&trafficking_with(&[recruitment, EXPLOITATIVE, destination]), Age::Adult);
            assert_eq!(e.verdict, Verdict::Yes, "{recruitment} + {destination}");
            let expected =
                sorted([element_yes(recruitment), element_yes(EXPLOITATIVE), element_yes(destination)].concat());
            assert_eq!(sorted(e.decided_by.clone()), expected);
            assert_eq!(e.status_of(recruitment), Some(GroupStatus::Positive));

            // Take any one of the three parts away and it is no longer trafficking.
            for missing in [recruitment, EXPLOITATIVE, destination] {
                let parts: Vec<&str> =
                    [recruitment, EXPLOITATIVE, destination].into_iter().filter(|g| *g != missing).collect();
                let e = evaluate_trafficking(&trafficking_with(&parts), Age::Adult);
                assert_eq!(e.verdict, Verdict::No, "without {missing}");
                assert!(!e.decided_by.is_empty());
                assert!(e.decided_by.iter().all(|c| indicator(c).is_some_and(|i| i.group == missing
                    || (missing == recruitment && [DECEPTIVE_REC, COERCIVE_REC, VULNERABLE_REC].contains(&i.group))
                    || (missing == destination && [COERCIVE_DEST, VULNERABLE_DEST].contains(&i.group)))));
            }
        }
    }
}

#[test]
fn only_the_elements_that_complete_the_rule_decide_it() {
    let mut answers = trafficking_with(&[DECEPTIVE_REC, EXPLOITATIVE, COERCIVE_DEST]);
    // One medium indicator of coercive recruitment: present, but its element is not positive.
    answers.set("th-coercive-rec-debt-bondage", Answer::Yes);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert!(!e.decided_by.contains(&"th-coercive-rec-debt-bondage"));
    assert_eq!(e.status_of(COERCIVE_REC), Some(GroupStatus::Negative));
    let reasons: Vec<&str> = e.reasons().iter().map(|r| r.group.code).collect();
    assert_eq!(reasons, [DECEPTIVE_REC, EXPLOITATIVE, COERCIVE_DEST]);
}

#[test]
fn unknowns_of_an_element_already_outdone_are_not_asked() {
    let mut answers = trafficking_with(&[DECEPTIVE_REC, EXPLOITATIVE]);
    for code in codes_of_groups(&TRAFFICKING, &[COERCIVE_REC, VULNERABLE_REC, COERCIVE_DEST]) {
        answers.set(code, Answer::Unknown);
    }
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    // Recruitment is already established by deception: only coercion at destination is left.
    assert_eq!(e.to_ask, codes_of_group(&TRAFFICKING, COERCIVE_DEST));
    assert_eq!(e.questions().len(), 1);
}

#[test]
fn trafficking_with_every_answer_no_is_no_and_with_none_is_unknown() {
    let e = evaluate_trafficking(&all_no_but(&TRAFFICKING, &[]), Age::Adult);
    assert_eq!(e.verdict, Verdict::No);
    assert!(e.to_ask.is_empty());
    assert!(e.groups.iter().all(|g| g.status == GroupStatus::Negative && g.yes == 0 && g.unknown == 0));
    assert!(e.explain().starts_with("Trafficking for labour exploitation: no, because answered no: "));

    let e = evaluate_trafficking(&Answers::new(), Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask.len(), TRAFFICKING.indicators.len(), "everything is worth asking");
    assert!(e.decided_by.is_empty());
}

#[test]
fn for_a_minor_trafficking_needs_no_means_at_destination() {
    let answers = trafficking_with(&[DECEPTIVE_REC, EXPLOITATIVE]);
    assert_eq!(evaluate_trafficking(&answers, Age::Adult).verdict, Verdict::No);
    let e = evaluate_trafficking(&answers, Age::Minor);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(e.age, Age::Minor);
    assert_eq!(
        evaluate_trafficking(&trafficking_with(&[EXPLOITATIVE, COERCIVE_DEST]), Age::Minor).verdict,
        Verdict::No
    );
}

#[test]
fn trafficking_agrees_with_the_definition_for_every_answer_to_a_subset() {
    let base = [
        ("th-coercive-dest-confiscation-documents", Answer::Yes),
        ("th-exploitative-work-wage-manipulation", Answer::Yes),
    ];
    let subset = [
        "th-deceptive-rec-nature-of-job",
        "th-deceptive-rec-wages",
        "th-deceptive-rec-conditions",
        "th-deceptive-rec-education",
        "th-coercive-rec-violence",
        "th-coercive-rec-debt-bondage",
        "th-exploitative-work-excessive-hours",
        "th-coercive-dest-violence",
        "th-coercive-dest-withholding-wages",
    ];
    check_exhaustively(&TRAFFICKING, Age::Adult, &base, &subset);
    check_exhaustively(&TRAFFICKING, Age::Minor, &base, &subset);
}

#[test]
fn medium_and_weak_combinations_agree_with_the_definition_for_every_answer() {
    let base = [
        ("th-exploitative-work-excessive-hours", Answer::Yes),
        ("th-exploitative-work-hazardous", Answer::Yes),
        ("th-coercive-dest-confiscation-documents", Answer::Yes),
        ("th-coercive-dest-violence", Answer::Yes),
    ];
    let subset = [
        "th-vulnerable-rec-illegal-status",
        "th-vulnerable-rec-economic",
        "th-vulnerable-rec-lack-of-information",
        "th-vulnerable-rec-beliefs",
        "th-vulnerable-rec-general-context",
        "th-deceptive-rec-nature-of-job",
    ];
    check_exhaustively(&TRAFFICKING, Age::Adult, &base, &subset);
}

// ---------------------------------------------------------------------------------------------
// The forced-labour rule
// ---------------------------------------------------------------------------------------------

#[test]
fn each_dimension_with_a_penalty_is_forced_labour() {
    for dimension in [UR, WL, IL] {
        for code in codes_of_group(&FORCED_LABOUR, dimension) {
            for penalty in codes_of_group(&FORCED_LABOUR, P) {
                let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &[code, penalty]), Age::Adult);
                assert_eq!(e.verdict, Verdict::Yes, "{code} + {penalty}");
                assert_eq!(sorted(e.decided_by.clone()), sorted(vec![code, penalty]));
                assert_eq!(e.status_of(dimension), Some(GroupStatus::Positive));
                assert_eq!(e.status_of(P), Some(GroupStatus::Positive));
            }
            let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &[code]), Age::Adult);
            assert_eq!(e.verdict, Verdict::No, "{code} without a penalty");
            assert_eq!(e.decided_by, codes_of_group(&FORCED_LABOUR, P), "closed by the penalties answered no");
        }
    }
    for penalty in codes_of_group(&FORCED_LABOUR, P) {
        let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &[penalty]), Age::Adult);
        assert_eq!(e.verdict, Verdict::No, "{penalty} without involuntariness");
        assert_eq!(e.decided_by, codes_of_groups(&FORCED_LABOUR, &[UR, WL, IL]));
    }
}

#[test]
fn every_pair_found_is_named_and_explained() {
    let answers = yes(&["fl-ur-deceptive-recruitment", "fl-il-no-freedom-to-resign", "fl-p-confiscation-documents"]);
    let e = evaluate_forced_labour(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(
        e.decided_by,
        ["fl-ur-deceptive-recruitment", "fl-il-no-freedom-to-resign", "fl-p-confiscation-documents"]
    );
    let reasons: Vec<(&str, usize)> = e.reasons().iter().map(|r| (r.group.short_name(), r.indicators.len())).collect();
    assert_eq!(reasons, [("UR", 1), ("IL", 1), ("P", 1)]);
    assert_eq!(
        e.explain(),
        "Forced labour: yes, because Deceptive recruitment (nature of work, conditions, contract, housing, location, \
         employer, wages) (UR), No freedom to resign in accordance with legal requirements (IL) and Confiscation of \
         identity papers or travel documents (P)"
    );
    assert_eq!(e.status_of(WL), Some(GroupStatus::Undetermined));
    assert!(e.to_ask.is_empty(), "nothing left can change a yes");
}

#[test]
fn unknown_penalties_are_asked_once_involuntariness_is_found() {
    let e = evaluate_forced_labour(&yes(&["fl-wl-forced-overtime"]), Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask, codes_of_group(&FORCED_LABOUR, P));
    assert_eq!(e.questions().len(), 1);

    let e = evaluate_forced_labour(&yes(&["fl-p-denunciation"]), Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask, codes_of_groups(&FORCED_LABOUR, &[UR, WL, IL]));

    let e = evaluate_forced_labour(&Answers::new(), Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask.len(), FORCED_LABOUR.indicators.len());
    assert_eq!(
        evaluate_forced_labour(&[("fl-p-denunciation", Answer::Unknown)].into_iter().collect(), Age::Adult),
        e,
        "an explicit unknown is the same as no answer"
    );
}

#[test]
fn forced_labour_with_every_answer_no_is_no() {
    let e = evaluate_forced_labour(&all_no_but(&FORCED_LABOUR, &[]), Age::Adult);
    assert_eq!(e.verdict, Verdict::No);
    assert!(e.to_ask.is_empty());
    // The smaller of the two closed parts is named: the nine penalties.
    assert_eq!(e.decided_by, codes_of_group(&FORCED_LABOUR, P));
    assert!(e.explain().starts_with("Forced labour: no, because answered no: Confiscation of identity papers"));
    assert!(e.groups.iter().all(|g| g.status == GroupStatus::Negative));
}

#[test]
fn forced_labour_agrees_with_the_definition_for_every_answer_to_a_subset() {
    let subset = [
        "fl-ur-deceptive-recruitment",
        "fl-ur-sale-of-worker",
        "fl-wl-forced-overtime",
        "fl-wl-illicit-activities",
        "fl-il-waiting-for-wages",
        "fl-p-confiscation-documents",
        "fl-p-withholding-wages",
    ];
    check_exhaustively(&FORCED_LABOUR, Age::Adult, &[], &subset);
    check_exhaustively(&FORCED_LABOUR, Age::Minor, &[], &subset);
}

// ---------------------------------------------------------------------------------------------
// Children (ICLS 2018)
// ---------------------------------------------------------------------------------------------

#[test]
fn a_minor_under_any_penalty_is_in_forced_labour() {
    for penalty in codes_of_group(&FORCED_LABOUR, P) {
        let answers = all_no_but_yes(&FORCED_LABOUR, &[penalty]);
        assert_eq!(evaluate_forced_labour(&answers, Age::Adult).verdict, Verdict::No);
        let e = evaluate_forced_labour(&answers, Age::Minor);
        assert_eq!(e.verdict, Verdict::Yes, "{penalty}");
        assert_eq!(e.decided_by, [penalty]);
    }
}

#[test]
fn a_minor_in_a_worst_form_of_child_labour_is_in_forced_labour() {
    for code in WORST_FORMS {
        let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &[code]), Age::Minor);
        assert_eq!(e.verdict, Verdict::Yes, "{code}");
        assert_eq!(e.decided_by, [*code]);
    }
    // Deception or long hours alone, with no penalty, are not forced labour for a child either.
    for code in ["fl-ur-deceptive-recruitment", "fl-wl-forced-overtime", "fl-il-waiting-for-wages"] {
        let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &[code]), Age::Minor);
        assert_eq!(e.verdict, Verdict::No, "{code}");
    }
}

#[test]
fn for_a_minor_only_penalties_and_worst_forms_are_asked() {
    let e = evaluate_forced_labour(&yes(&["fl-ur-deceptive-recruitment"]), Age::Minor);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    let mut expected: Vec<&str> = WORST_FORMS.to_vec();
    expected.extend(codes_of_group(&FORCED_LABOUR, P));
    assert_eq!(sorted(e.to_ask.clone()), sorted(expected));
    assert!(!e.to_ask.contains(&"fl-wl-forced-overtime"));
}

// ---------------------------------------------------------------------------------------------
// The seed organisation's stories
// ---------------------------------------------------------------------------------------------

#[test]
fn h_in_the_cotton_fields_is_forced_labour() {
    // Promised 300–400 thousand som and deceived about it; threatened and blackmailed; seven
    // months without pay; could not leave.
    let answers =
        yes(&["fl-ur-deceptive-recruitment", "fl-p-blackmail", "fl-p-withholding-wages", "fl-il-no-freedom-to-resign"]);
    let e = evaluate_forced_labour(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(
        e.decided_by,
        ["fl-ur-deceptive-recruitment", "fl-il-no-freedom-to-resign", "fl-p-withholding-wages", "fl-p-blackmail"]
    );
    assert!(e.explain().starts_with("Forced labour: yes, because Deceptive recruitment"));

    // The same story against the trafficking list leaves questions: one medium indicator per
    // element is not yet an element.
    let story = yes(&[
        "th-deceptive-rec-wages",
        "th-exploitative-work-low-or-no-salary",
        "th-coercive-dest-withholding-wages",
        "th-coercive-dest-threat-inform-family",
    ]);
    let e = evaluate_trafficking(&story, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert!(e.to_ask.contains(&"th-exploitative-work-excessive-hours"));
    assert!(e.to_ask.contains(&"th-coercive-dest-confiscation-documents"));
}

const HUSAN_FORCED_LABOUR: [&str; 6] = [
    "fl-ur-deceptive-recruitment", // plastering promised, concrete pouring given
    "fl-ur-sale-of-worker",        // "leased" between sites
    "fl-wl-limited-freedom",       // moved under escort
    "fl-il-debt-indeterminate",    // told to work off the money paid for him
    "fl-p-confiscation-documents", // passport taken "for permits"
    "fl-p-violence",               // beaten
];

#[test]
fn husan_recruited_in_tashkent_is_forced_labour() {
    let e = evaluate_forced_labour(&yes(&HUSAN_FORCED_LABOUR), Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(sorted(e.decided_by.clone()), sorted(HUSAN_FORCED_LABOUR.to_vec()), "all six decide it");
    let groups: Vec<&str> = e.reasons().iter().map(|r| r.group.code).collect();
    assert_eq!(groups, [UR, WL, IL, P]);
    let tags = tags_present(&yes(&HUSAN_FORCED_LABOUR));
    for tag in [Eleven::Deception, Eleven::RetentionOfDocuments, Eleven::PhysicalSexualViolence, Eleven::DebtBondage] {
        assert!(tags.contains(&tag), "{tag:?}");
    }
    assert!(!tags.contains(&Eleven::ExcessiveOvertime));
}

#[test]
fn husan_recruited_in_tashkent_is_trafficked_for_labour_exploitation() {
    let answers = yes(&[
        "th-deceptive-rec-nature-of-job",          // strong
        "th-deceptive-rec-legal-documents",        // passport taken "for permits"
        "th-exploitative-work-low-or-no-salary",   // working off the price paid for him
        "th-exploitative-work-wage-manipulation",  // his pay went to the one who "leased" him
        "th-exploitative-work-labour-laws",        // not the work agreed, moved between sites
        "th-coercive-dest-confiscation-documents", // strong
        "th-coercive-dest-violence",               // strong
        "th-coercive-dest-debt-bondage",           // strong
        "th-coercive-dest-isolation",              // strong: under escort
    ]);
    let e = evaluate_trafficking(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(e.status_of(DECEPTIVE_REC), Some(GroupStatus::Positive));
    assert_eq!(e.status_of(EXPLOITATIVE), Some(GroupStatus::Positive), "three medium");
    assert_eq!(e.status_of(COERCIVE_DEST), Some(GroupStatus::Positive));
    assert_eq!(e.decided_by.len(), 9);
}

#[test]
fn the_israeli_citizen_held_four_years_is_forced_labour() {
    let answers =
        yes(&["fl-wl-limited-freedom", "fl-il-no-freedom-to-resign", "fl-p-violence", "fl-p-confiscation-documents"]);
    let e = evaluate_forced_labour(&answers, Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
    assert_eq!(e.decided_by.len(), 4);
}

#[test]
fn alexander_with_documents_and_wages_withheld_needs_more_questions() {
    // An oral contract; documents withheld and wages refused after six months. Two penalties,
    // but nothing yet shows the work was involuntary: the rule cannot say yes, and the page
    // asks about recruitment, duress and leaving.
    let story = yes(&["fl-p-confiscation-documents", "fl-p-withholding-wages"]);
    let e = evaluate_forced_labour(&story, Age::Adult);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);
    assert_eq!(e.to_ask, codes_of_groups(&FORCED_LABOUR, &[UR, WL, IL]));
    assert!(e.to_ask.contains(&"fl-il-waiting-for-wages"));
    assert!(e.to_ask.contains(&"fl-il-no-freedom-to-resign"));

    // If they stayed on waiting for the wages owed, it is forced labour.
    let e = evaluate_forced_labour(&story.clone().with("fl-il-waiting-for-wages", Answer::Yes), Age::Adult);
    assert_eq!(e.verdict, Verdict::Yes);
}

#[test]
fn azamat_with_wages_withheld_is_not_forced_labour() {
    // 300,000 tenge withheld: labour exploitation, not by itself forced labour.
    let told = yes(&["fl-p-withholding-wages"]);
    let e = evaluate_forced_labour(&told, Age::Adult);
    assert_ne!(e.verdict, Verdict::Yes);
    assert_eq!(e.verdict, Verdict::NotEnoughInformation);

    // Once the interview rules the rest out, the answer is no.
    let e = evaluate_forced_labour(&all_no_but_yes(&FORCED_LABOUR, &["fl-p-withholding-wages"]), Age::Adult);
    assert_eq!(e.verdict, Verdict::No);
    let e = evaluate_trafficking(
        &all_no_but_yes(&TRAFFICKING, &["th-coercive-dest-withholding-wages", "th-exploitative-work-low-or-no-salary"]),
        Age::Adult,
    );
    assert_eq!(e.verdict, Verdict::No);
    assert_eq!(tags_present(&told), [Eleven::WithholdingOfWages]);
}

#[test]
fn a_report_counts_each_person_once_per_tag() {
    let husan = yes(&HUSAN_FORCED_LABOUR);
    let azamat = yes(&["fl-p-withholding-wages", "th-coercive-dest-withholding-wages"]);
    let nobody = Answers::new();
    let counts = tag_counts([&husan, &azamat, &nobody]);
    let count = |tag: Eleven| counts.iter().find(|(t, _)| *t == tag).map(|(_, n)| *n);
    assert_eq!(count(Eleven::WithholdingOfWages), Some(1), "Azamat once, though two indicators say it");
    assert_eq!(count(Eleven::RetentionOfDocuments), Some(1));
    assert_eq!(count(Eleven::ExcessiveOvertime), Some(0));
    assert_eq!(counts.map(|(t, _)| t), Eleven::ALL);
}

// ---------------------------------------------------------------------------------------------
// Properties over random answers
// ---------------------------------------------------------------------------------------------

fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::No => 0,
        Verdict::NotEnoughInformation => 1,
        Verdict::Yes => 2,
    }
}

/// Answers drawn so that every verdict is common: per case, how likely a "yes" is (0 to 3 in
/// 12), then each indicator yes, no (4 in 12) or unknown.
fn answers_from(catalogue: &Catalogue, yes_weight: u8, picks: &[u8]) -> Answers {
    let answer = |p: u8| match p {
        p if p < yes_weight => Answer::Yes,
        p if p < yes_weight + 4 => Answer::No,
        _ => Answer::Unknown,
    };
    catalogue.indicators.iter().zip(picks).map(|(i, p)| (i.code, answer(*p))).collect()
}

fn unknown_codes(catalogue: &Catalogue, answers: &Answers) -> Vec<&'static str> {
    catalogue.indicators.iter().map(|i| i.code).filter(|c| answers.get(c) == Answer::Unknown).collect()
}

type Case = (usize, Age, u8, Vec<u8>, usize);

fn arbitrary_case() -> impl Strategy<Value = Case> {
    (
        0..CATALOGUES.len(),
        prop_oneof![Just(Age::Adult), Just(Age::Minor)],
        0u8..4,
        prop::collection::vec(0u8..12, 67),
        0usize..1000,
    )
}

proptest! {
    #[test]
    fn a_new_yes_never_lowers_the_result_and_a_new_no_never_raises_it((c, age, weight, picks, at) in arbitrary_case()) {
        let catalogue = CATALOGUES[c];
        let answers = answers_from(catalogue, weight, &picks);
        let unknown = unknown_codes(catalogue, &answers);
        if unknown.is_empty() {
            return Ok(());
        }
        let code = unknown[at % unknown.len()];
        let before = catalogue.evaluate(&answers, age).verdict;
        let after_yes = catalogue.evaluate(&answers.clone().with(code, Answer::Yes), age).verdict;
        let after_no = catalogue.evaluate(&answers.clone().with(code, Answer::No), age).verdict;
        prop_assert!(rank(after_yes) >= rank(before));
        prop_assert!(rank(after_no) <= rank(before));
        if before != Verdict::NotEnoughInformation {
            prop_assert_eq!(after_yes, before);
            prop_assert_eq!(after_no, before);
        }
    }

    #[test]
    fn answering_a_question_not_listed_never_changes_the_result((c, age, weight, picks, at) in arbitrary_case()) {
        let catalogue = CATALOGUES[c];
        let answers = answers_from(catalogue, weight, &picks);
        let e = catalogue.evaluate(&answers, age);
        let unlisted: Vec<&str> =
            unknown_codes(catalogue, &answers).into_iter().filter(|c| !e.to_ask.contains(c)).collect();
        if unlisted.is_empty() {
            return Ok(());
        }
        let code = unlisted[at % unlisted.len()];
        for answer in [Answer::Yes, Answer::No] {
            prop_assert_eq!(catalogue.evaluate(&answers.clone().with(code, answer), age).verdict, e.verdict);
        }
    }

    #[test]
    fn a_result_survives_any_answer_to_the_unknowns((c, age, weight, picks, _at) in arbitrary_case()) {
        let catalogue = CATALOGUES[c];
        let answers = answers_from(catalogue, weight, &picks);
        let e = catalogue.evaluate(&answers, age);
        let fill = |with: Answer| -> Answers {
            answers.iter().map(|(code, a)| (code, if a == Answer::Unknown { with } else { a })).collect()
        };
        let low = catalogue.evaluate(&fill(Answer::No), age).verdict;
        let high = catalogue.evaluate(&fill(Answer::Yes), age).verdict;
        match e.verdict {
            Verdict::Yes => prop_assert_eq!(low, Verdict::Yes),
            Verdict::No => prop_assert_eq!(high, Verdict::No),
            Verdict::NotEnoughInformation => {
                prop_assert_eq!((low, high), (Verdict::No, Verdict::Yes));
                prop_assert!(!e.to_ask.is_empty());
            }
        }
        for code in &e.to_ask {
            prop_assert_eq!(answers.get(code), Answer::Unknown);
        }
        let wanted = match e.verdict { Verdict::Yes => Some(Answer::Yes), Verdict::No => Some(Answer::No), _ => None };
        for code in &e.decided_by {
            prop_assert_eq!(Some(answers.get(code)), wanted);
        }
    }
}

#[test]
fn tags_are_stored_as_one_bit_each_and_read_back_in_the_leaflets_order() {
    assert_eq!(tag_bits(&[]), 0);
    assert_eq!(tag_bits(&[Eleven::AbuseOfVulnerability]), 1);
    assert_eq!(tag_bits(&Eleven::ALL), (1 << 11) - 1);
    let some = [Eleven::ExcessiveOvertime, Eleven::Deception, Eleven::WithholdingOfWages];
    let bits = tag_bits(&some);
    assert_eq!(bits, 2 | 1 << 7 | 1 << 10);
    assert_eq!(
        tags_of_bits(bits).collect::<Vec<_>>(),
        vec![Eleven::Deception, Eleven::WithholdingOfWages, Eleven::ExcessiveOvertime]
    );
    // An assessment's bits are the tags of its "yes" answers, whatever the catalogue.
    for catalogue in CATALOGUES {
        for indicator in catalogue.indicators {
            let answers: Answers = [(indicator.code.to_owned(), Answer::Yes)].into_iter().collect();
            assert_eq!(tag_bits(&tags_present(&answers)), tag_bits(indicator.tags), "{}", indicator.code);
        }
    }
}
