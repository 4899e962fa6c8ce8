//! The adaptive questionnaire: property tests over any answer pattern (order of questions,
//! bounds, undo, resuming from storage) and examples of each refusal.

use entraide_core::assessment::{
    Answer, Assessment, AssessmentError, AssessmentResult, Catalog, Device, Question, Step,
    TopicChoice, MAX_LEVELS,
};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A random person: which devices and topics they tick, then one number per question.
#[derive(Debug, Clone)]
struct Script {
    devices: u8,
    topics: u32,
    answers: Vec<u8>,
    wishes: u32,
}

fn script() -> impl Strategy<Value = Script> {
    (
        0u8..8,
        any::<u32>(),
        prop::collection::vec(0u8..9, 0..80),
        any::<u32>(),
    )
        .prop_map(|(devices, topics, answers, wishes)| Script {
            devices,
            topics,
            answers,
            wishes,
        })
}

fn pick(mask: u32, ids: &[String]) -> Vec<String> {
    ids.iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << (i % 32)) != 0)
        .map(|(_, id)| id.clone())
        .collect()
}

/// The step the scripted person takes for `question`; `turn` counts level questions.
fn step_for(script: &Script, question: &Question, turn: usize) -> Step {
    match question {
        Question::Devices => Step::Devices {
            devices: Device::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| script.devices & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect(),
        },
        Question::Topics { available } => {
            let some = pick(script.topics, available);
            Step::Topics {
                choice: if script.topics.is_multiple_of(3) || some.is_empty() {
                    TopicChoice::All
                } else {
                    TopicChoice::Some(some)
                },
            }
        }
        Question::Level {
            topic, level_index, ..
        } => {
            // Cycling over the script keeps long runs varied; 2 in 9 never, 2 with help,
            // 2 alone, 2 can show, 1 skip.
            let n = script
                .answers
                .get(turn % script.answers.len().max(1))
                .copied();
            let answer = match n.unwrap_or(0) {
                0 | 1 => Answer::Never,
                2 | 3 => Answer::WithHelp,
                4 | 5 => Answer::Alone,
                6 | 7 => Answer::CanShow,
                _ => {
                    return Step::Skip {
                        topic: topic.clone(),
                    }
                }
            };
            Step::Answer {
                topic: topic.clone(),
                level_index: *level_index,
                answer,
            }
        }
        Question::Wishes { offered } => Step::Wishes {
            topics: pick(script.wishes, offered),
        },
    }
}

fn apply(assessment: &mut Assessment, step: &Step) -> Result<(), AssessmentError> {
    match step {
        Step::Devices { devices } => assessment.choose_devices(devices),
        Step::Topics { choice } => assessment.choose_topics(choice.clone()),
        Step::Answer {
            topic,
            level_index,
            answer,
        } => assessment.answer(topic, *level_index, *answer),
        Step::Skip { topic } => assessment.skip_topic(topic),
        Step::Wishes { topics } => assessment.choose_wishes(topics),
    }
}

fn fail(e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(e.to_string())
}

/// Plays the script to the end; returns every (question, step) pair.
fn play(
    catalog: &Catalog,
    script: &Script,
) -> Result<(Assessment, Vec<(Question, Step)>), TestCaseError> {
    let mut assessment = Assessment::new(catalog);
    let mut log = Vec::new();
    let mut turn = 0;
    while let Some(question) = assessment.next_question() {
        let step = step_for(script, &question, turn);
        if matches!(question, Question::Level { .. }) {
            turn += 1;
        }
        apply(&mut assessment, &step).map_err(fail)?;
        log.push((question, step));
        prop_assert!(log.len() <= 200, "the questionnaire does not end");
    }
    Ok((assessment, log))
}

fn replay(catalog: &Catalog, steps: &[(Question, Step)]) -> Result<Assessment, TestCaseError> {
    let mut assessment = Assessment::new(catalog);
    for (_, step) in steps {
        apply(&mut assessment, step).map_err(fail)?;
    }
    Ok(assessment)
}

fn builtin() -> Result<Catalog, TestCaseError> {
    Catalog::builtin().map_err(fail)
}

fn check_result(result: &AssessmentResult) -> Result<(), TestCaseError> {
    for (id, r) in &result.topics {
        prop_assert!(
            r.level <= 3 && r.stars <= 5 && r.reached <= r.of,
            "{id}: {r:?}"
        );
        prop_assert_eq!(r.can_help, r.level == 3, "{}", id);
        if r.skipped {
            prop_assert!(r.level == 0 && r.stars == 0 && r.reached == 0);
        }
        if r.wants_to_learn {
            prop_assert!(r.level < 3);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Within a topic, levels are asked from the easiest up, one at a time: after a yes the
    /// next question of that topic is the next level (never a lower one); after a no or a
    /// skip, that topic is never asked again.
    #[test]
    fn yes_goes_up_no_stops(script in script()) {
        let catalog = builtin()?;
        let (_, log) = play(&catalog, &script)?;
        let mut next_expected: std::collections::BTreeMap<String, Option<u8>> = Default::default();
        for (question, step) in &log {
            if let Question::Level { topic, level_index, .. } = question {
                let expected = next_expected.get(topic).copied().unwrap_or(Some(0));
                prop_assert_eq!(Some(*level_index), expected, "topic {}", topic);
                let next = match step {
                    Step::Answer { answer, .. } if answer.is_yes() => Some(level_index + 1),
                    _ => None,
                };
                next_expected.insert(topic.clone(), next);
            }
        }
    }

    /// The questionnaire ends, and never costs more than every level of every topic plus the
    /// fixed screens (devices, topics, wishes) with every box ticked.
    #[test]
    fn number_of_questions_is_bounded(script in script()) {
        let catalog = builtin()?;
        let (assessment, log) = play(&catalog, &script)?;
        let topics = catalog.topics().len();
        let levels = log.iter().filter(|(q, _)| matches!(q, Question::Level { .. })).count();
        prop_assert!(levels <= topics * MAX_LEVELS);
        let overhead = (Device::ALL.len() + 1) + (topics + 1) + (topics + 1);
        prop_assert!(assessment.taps() <= topics * MAX_LEVELS + overhead);
        prop_assert!(assessment.is_finished());
        let result = assessment.finish(7).map_err(fail)?;
        check_result(&result)?;
    }

    /// Undoing a step and taking it again gives the same state; undoing restores the state
    /// before the step exactly.
    #[test]
    fn back_then_same_answer_is_the_same_state(script in script(), at in any::<prop::sample::Index>()) {
        let catalog = builtin()?;
        let (_, log) = play(&catalog, &script)?;
        let k = at.index(log.len());
        let before = replay(&catalog, &log[..k])?;
        let mut state = before.clone();
        apply(&mut state, &log[k].1).map_err(fail)?;
        let after = state.clone();
        let undone = state.back().map_err(fail)?;
        prop_assert_eq!(Some(&undone), after.steps().last(), "back returns the step as stored");
        prop_assert_eq!(&state, &before);
        prop_assert_eq!(state.next_question(), Some(log[k].0.clone()));
        apply(&mut state, &log[k].1).map_err(fail)?;
        prop_assert_eq!(&state, &after);
    }

    /// A state stored mid-way and read back is equal, and resumes to the same result.
    #[test]
    fn stored_state_resumes_identically(script in script(), at in any::<prop::sample::Index>()) {
        let catalog = builtin()?;
        let (full, log) = play(&catalog, &script)?;
        let k = at.index(log.len() + 1);
        let midway = replay(&catalog, &log[..k])?;
        let json = midway.to_json().map_err(fail)?;
        let mut resumed = Assessment::from_json(&json).map_err(fail)?;
        prop_assert_eq!(&resumed, &midway);
        prop_assert_eq!(resumed.progress(), midway.progress());
        for (question, step) in &log[k..] {
            prop_assert_eq!(resumed.next_question(), Some(question.clone()));
            apply(&mut resumed, step).map_err(fail)?;
        }
        prop_assert_eq!(&resumed, &full);
        prop_assert_eq!(resumed.finish(9).map_err(fail)?, full.finish(9).map_err(fail)?);
    }

    /// Progress counts stay coherent at every step and reach zero exactly at the end.
    #[test]
    fn progress_is_coherent(script in script()) {
        let catalog = builtin()?;
        let (_, log) = play(&catalog, &script)?;
        let mut state = Assessment::new(&catalog);
        let mut last_taps = 0;
        for (_, step) in &log {
            let p = state.progress();
            prop_assert!(p.remaining_min >= 1);
            prop_assert!(p.remaining_min <= p.remaining_estimate && p.remaining_estimate <= p.remaining_max);
            prop_assert!(p.topics_done <= p.topics_total);
            prop_assert_eq!(p.answered, state.steps().len());
            prop_assert!(p.taps >= last_taps);
            last_taps = p.taps;
            apply(&mut state, step).map_err(fail)?;
        }
        let p = state.progress();
        prop_assert_eq!((p.remaining_min, p.remaining_max, p.remaining_estimate), (0, 0, 0));
        prop_assert_eq!(p.topics_done, p.topics_total);
    }

    /// A tap that does not answer the current question is refused and changes nothing.
    #[test]
    fn wrong_taps_change_nothing(script in script(), at in any::<prop::sample::Index>(), junk in 0usize..6) {
        let catalog = builtin()?;
        let (_, log) = play(&catalog, &script)?;
        let k = at.index(log.len() + 1);
        let mut state = replay(&catalog, &log[..k])?;
        let before = state.clone();
        let question = state.next_question();
        let bad = match (junk, &question) {
            (0, Some(Question::Level { topic, level_index, .. })) => Step::Answer {
                topic: topic.clone(), level_index: level_index + 1, answer: Answer::Alone,
            },
            (1, Some(Question::Level { level_index, .. })) => Step::Answer {
                topic: "no_such_topic".into(), level_index: *level_index, answer: Answer::Alone,
            },
            (2, _) if question != Some(Question::Devices) => Step::Devices { devices: vec![] },
            (3, Some(Question::Topics { .. } | Question::Wishes { .. })) => Step::Skip { topic: "email".into() },
            (4, Some(Question::Wishes { offered })) if offered.len() < catalog.topics().len() => {
                let not_offered = catalog.topics().iter().find(|t| !offered.contains(&t.id));
                Step::Wishes { topics: not_offered.map(|t| vec![t.id.clone()]).unwrap_or_default() }
            }
            _ => Step::Wishes { topics: vec!["email".into(), "email".into()] },
        };
        prop_assert!(apply(&mut state, &bad).is_err(), "{:?} accepted for {:?}", bad, question);
        prop_assert_eq!(&state, &before);
    }
}

// ----- examples -----

fn started(devices: &[Device]) -> Result<Assessment, Box<dyn std::error::Error>> {
    let mut a = Assessment::new(&Catalog::builtin()?);
    a.choose_devices(devices)?;
    a.choose_topics(TopicChoice::All)?;
    Ok(a)
}

#[test]
fn fresh_progress_counts() -> TestResult {
    let a = Assessment::new(&Catalog::builtin()?);
    let p = a.progress();
    assert_eq!(p.answered, 0);
    assert_eq!(p.topics_total, 18);
    assert_eq!(p.remaining_min, 2 + 18 + 1);
    assert_eq!(p.remaining_max, 2 + 18 * 4 + 1);
    assert_eq!(p.remaining_estimate, 2 + 18 * 2 + 1);
    Ok(())
}

#[test]
fn double_tap_is_refused_not_misfiled() -> TestResult {
    let mut a = started(&[Device::Phone])?;
    a.answer("device_basics", 0, Answer::Never)?;
    let err = a.answer("device_basics", 0, Answer::Never);
    assert_eq!(
        err,
        Err(AssessmentError::NotTheCurrentQuestion {
            expected: "topic `web_search`, level 1".into()
        })
    );
    a.answer("web_search", 0, Answer::Alone)?;
    assert!(a.answer("web_search", 0, Answer::Alone).is_err());
    assert_eq!(
        a.next_question(),
        Some(Question::Level {
            topic: "web_search".into(),
            level_index: 1,
            level_count: 4
        })
    );
    Ok(())
}

#[test]
fn devices_choose_the_topics() -> TestResult {
    let mut a = Assessment::new(&Catalog::builtin()?);
    assert_eq!(
        a.choose_devices(&[Device::Phone, Device::Phone]),
        Err(AssessmentError::ChosenTwice {
            item: "phone".into()
        })
    );
    a.choose_devices(&[Device::Phone])?;
    let Some(Question::Topics { available }) = a.next_question() else {
        return Err("topics expected".into());
    };
    assert_eq!(available.len(), 15);
    assert!(!available.iter().any(|t| t == "spreadsheets"));
    assert_eq!(
        a.choose_topics(TopicChoice::Some(vec!["spreadsheets".into()])),
        Err(AssessmentError::NotOffered {
            topic: "spreadsheets".into()
        })
    );
    assert_eq!(
        a.choose_topics(TopicChoice::Some(vec!["knitting".into()])),
        Err(AssessmentError::UnknownTopic {
            topic: "knitting".into()
        })
    );
    assert_eq!(
        a.choose_topics(TopicChoice::Some(vec![])),
        Err(AssessmentError::NoTopicChosen)
    );
    // Chosen topics are asked in catalog order, whatever the order of the taps.
    a.choose_topics(TopicChoice::Some(vec!["email".into(), "web_search".into()]))?;
    assert!(
        matches!(a.next_question(), Some(Question::Level { ref topic, .. }) if topic == "web_search")
    );

    // No device ticked: every topic is offered.
    let mut none = Assessment::new(&Catalog::builtin()?);
    none.choose_devices(&[])?;
    assert!(
        matches!(none.next_question(), Some(Question::Topics { ref available }) if available.len() == 18)
    );
    Ok(())
}

#[test]
fn skip_back_and_finish() -> TestResult {
    let mut a = Assessment::new(&Catalog::builtin()?);
    assert_eq!(a.back(), Err(AssessmentError::NothingToUndo));
    assert_eq!(a.finish(0), Err(AssessmentError::NotFinished));
    a.choose_devices(&[Device::Computer])?;
    a.choose_topics(TopicChoice::Some(vec![
        "email".into(),
        "free_software".into(),
    ]))?;
    a.answer("email", 0, Answer::Alone)?;
    assert_eq!(
        a.skip_topic("free_software"),
        Err(AssessmentError::NotTheCurrentQuestion {
            expected: "topic `email`, level 2".into()
        })
    );
    a.skip_topic("email")?;
    a.answer("free_software", 0, Answer::CanShow)?;
    a.answer("free_software", 1, Answer::CanShow)?;
    a.answer("free_software", 2, Answer::WithHelp)?;
    // Level 3 (can help) topics are not offered as wishes; skipped ones are.
    assert_eq!(
        a.next_question(),
        Some(Question::Wishes {
            offered: vec!["email".into()]
        })
    );
    assert_eq!(
        a.choose_wishes(&["free_software".into()]),
        Err(AssessmentError::NotOffered {
            topic: "free_software".into()
        })
    );
    a.choose_wishes(&["email".into()])?;
    assert_eq!(a.taps(), 2 + 3 + 5 + 2);
    let result = a.finish(42)?;
    assert_eq!(result.can_help_with(), ["free_software"]);
    assert_eq!(result.wants_to_learn(), ["email"]);
    let email = result.topics.get("email").ok_or("email missing")?;
    assert!(email.skipped && email.level == 0 && email.wants_to_learn);

    // Back twice: the wishes, then the last answer, are asked again.
    a.back()?;
    a.back()?;
    assert_eq!(
        a.next_question(),
        Some(Question::Level {
            topic: "free_software".into(),
            level_index: 2,
            level_count: 4
        })
    );
    assert_eq!(a.finish(0), Err(AssessmentError::NotFinished));
    Ok(())
}

#[test]
fn stored_state_format() -> TestResult {
    let mut a = started(&[Device::Tablet, Device::Phone])?;
    a.answer("device_basics", 0, Answer::Alone)?;
    let value: serde_json::Value = serde_json::from_str(&a.to_json()?)?;
    assert_eq!(value["format_version"], json!(1));
    assert_eq!(
        value["plan"][0],
        json!({ "id": "device_basics", "levels": 4, "devices": ["phone", "computer", "tablet"] })
    );
    assert_eq!(
        value["steps"],
        json!([
            { "step": "devices", "devices": ["phone", "tablet"] },
            { "step": "topics", "choice": "all" },
            { "step": "answer", "topic": "device_basics", "level_index": 0, "answer": "alone" }
        ])
    );
    Ok(())
}

#[test]
fn stored_state_is_checked_on_reading() -> TestResult {
    let a = started(&[Device::Phone])?;
    let mut value: serde_json::Value = serde_json::from_str(&a.to_json()?)?;

    value["format_version"] = json!(2);
    assert_eq!(
        Assessment::from_json(&value.to_string()),
        Err(AssessmentError::UnsupportedVersion {
            what: "questionnaire",
            found: 2,
            supported: 1
        })
    );
    value["format_version"] = json!(1);

    // A step that skips ahead is refused: the stored state is replayed, not trusted.
    let mut jumped = value.clone();
    if let Some(steps) = jumped["steps"].as_array_mut() {
        steps.push(
            json!({ "step": "answer", "topic": "email", "level_index": 0, "answer": "alone" }),
        );
    }
    assert!(matches!(
        Assessment::from_json(&jumped.to_string()),
        Err(AssessmentError::NotTheCurrentQuestion { .. })
    ));

    let mut bad_plan = value.clone();
    bad_plan["plan"][1]["levels"] = json!(9);
    assert!(matches!(
        Assessment::from_json(&bad_plan.to_string()),
        Err(AssessmentError::LevelCount { count: 9, .. })
    ));
    assert!(matches!(
        Assessment::from_json("not json"),
        Err(AssessmentError::Json { .. })
    ));
    assert_eq!(Assessment::from_json(&value.to_string())?, a);
    Ok(())
}
