//! Golden results: three scripted people (beginner, intermediate, possible helper) give exactly
//! these levels, stars, flags and tap counts. A change here is a change of the questionnaire's
//! behaviour and must be deliberate.

mod assessment_profiles;

use std::collections::BTreeSet;

use assessment_profiles::{play, Profile, BEGINNER, HELPER, INTERMEDIATE, PROFILES};
use entraide_core::assessment::{
    progress_since_last, AssessmentResult, Catalog, Device, History, TopicDelta,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// (topic, level, stars, reached, can_help, wants_to_learn, skipped)
type Row = (&'static str, u8, u8, u8, bool, bool, bool);

fn result_of(
    profile: &Profile,
    taken_at: u64,
) -> Result<(AssessmentResult, usize), Box<dyn std::error::Error>> {
    let catalog = Catalog::builtin()?;
    let assessment = play(profile, &catalog)?;
    Ok((assessment.finish(taken_at)?, assessment.taps()))
}

fn check(result: &AssessmentResult, expected: &[Row]) {
    let got: Vec<Row> = result
        .topics
        .iter()
        .map(|(id, r)| {
            let id = expected
                .iter()
                .find(|row| row.0 == id)
                .map_or("<unexpected topic>", |row| row.0);
            (
                id,
                r.level,
                r.stars,
                r.reached,
                r.can_help,
                r.wants_to_learn,
                r.skipped,
            )
        })
        .collect();
    let mut sorted = expected.to_vec();
    sorted.sort_by_key(|row| row.0);
    assert_eq!(got, sorted);
    assert!(result.topics.values().all(|r| r.of == 4));
}

#[test]
fn beginner() -> TestResult {
    let (result, taps) = result_of(&BEGINNER, 1_700_000_000_000)?;
    assert_eq!(taps, 23);
    assert!(taps <= 25, "a beginner must get through in about 25 taps");
    assert_eq!(result.taken_at, 1_700_000_000_000);
    assert_eq!(result.devices, BTreeSet::from([Device::Phone]));
    // Topics for computers only are not asked on a phone.
    check(
        &result,
        &[
            ("device_basics", 1, 2, 1, false, false, false),
            ("web_search", 0, 0, 0, false, false, false),
            ("email", 1, 1, 0, false, true, false),
            ("attachments", 0, 0, 0, false, false, false),
            ("video_calls", 1, 2, 1, false, true, false),
            ("photos_files", 1, 1, 0, false, false, false),
            ("passwords", 0, 0, 0, false, false, false),
            ("device_security", 0, 0, 0, false, false, false),
            ("private_browsing", 0, 0, 0, false, false, false),
            ("social_networks", 0, 0, 0, false, false, false),
            ("everyday_procedures", 0, 0, 0, false, false, false),
            ("online_payment", 0, 0, 0, false, false, false),
            ("public_services", 0, 0, 0, false, false, false),
            ("phone_plan", 0, 0, 0, false, false, false),
            ("device_cleanup", 0, 0, 0, false, false, false),
        ],
    );
    Ok(())
}

#[test]
fn intermediate() -> TestResult {
    let (result, taps) = result_of(&INTERMEDIATE, 1)?;
    assert_eq!(taps, 49);
    assert_eq!(
        result.devices,
        BTreeSet::from([Device::Computer, Device::Phone])
    );
    check(
        &result,
        &[
            ("device_basics", 2, 5, 4, false, false, false),
            ("web_search", 2, 3, 2, false, false, false),
            ("email", 2, 4, 3, false, false, false),
            ("attachments", 1, 2, 1, false, true, false),
            ("video_calls", 2, 4, 3, false, false, false),
            ("photos_files", 2, 3, 2, false, false, false),
            ("passwords", 1, 2, 1, false, true, false),
            ("device_security", 1, 1, 0, false, true, false),
            ("private_browsing", 0, 0, 0, false, true, false),
            ("social_networks", 1, 2, 1, false, false, false),
            ("everyday_procedures", 1, 2, 1, false, false, false),
            ("online_payment", 2, 3, 2, false, false, false),
            ("public_services", 0, 0, 0, false, false, true),
            ("phone_plan", 1, 2, 1, false, false, false),
            ("device_cleanup", 1, 1, 0, false, false, false),
            ("word_processing", 2, 3, 2, false, false, false),
            ("spreadsheets", 0, 0, 0, false, false, false),
            ("free_software", 0, 0, 0, false, false, false),
        ],
    );
    Ok(())
}

#[test]
fn possible_helper() -> TestResult {
    let (result, taps) = result_of(&HELPER, 2)?;
    assert_eq!(taps, 76);
    assert_eq!(result.devices.len(), 3);
    check(
        &result,
        &[
            ("device_basics", 3, 5, 4, true, false, false),
            ("web_search", 3, 5, 4, true, false, false),
            ("email", 3, 5, 4, true, false, false),
            ("attachments", 3, 4, 3, true, false, false),
            ("video_calls", 3, 5, 4, true, false, false),
            ("photos_files", 2, 4, 3, false, false, false),
            // "I can show someone" on the easiest sentence only does not make a helper.
            ("passwords", 2, 5, 4, false, false, false),
            ("device_security", 3, 4, 3, true, false, false),
            ("private_browsing", 2, 3, 2, false, false, false),
            ("social_networks", 1, 2, 1, false, true, false),
            ("everyday_procedures", 3, 5, 4, true, false, false),
            ("online_payment", 2, 5, 4, false, false, false),
            ("public_services", 3, 4, 3, true, false, false),
            ("phone_plan", 3, 4, 3, true, false, false),
            ("device_cleanup", 3, 4, 3, true, false, false),
            ("word_processing", 3, 5, 4, true, false, false),
            ("spreadsheets", 2, 3, 2, false, true, false),
            ("free_software", 3, 4, 3, true, false, false),
        ],
    );
    Ok(())
}

#[test]
fn every_profile_finishes_and_round_trips() -> TestResult {
    let catalog = Catalog::builtin()?;
    for profile in PROFILES {
        let assessment = play(profile, &catalog)?;
        assert!(assessment.is_finished(), "{}", profile.name);
        let result = assessment.finish(5)?;
        let json = serde_json::to_string(&result)?;
        assert_eq!(serde_json::from_str::<AssessmentResult>(&json)?, result);
    }
    Ok(())
}

#[test]
fn progress_from_beginner_to_intermediate() -> TestResult {
    // The same person, a few months apart; the history is filled out of order on purpose.
    let (later, _) = result_of(&INTERMEDIATE, 2_000)?;
    let (earlier, _) = result_of(&BEGINNER, 1_000)?;
    let mut history = History::new();
    assert!(progress_since_last(&history).is_empty());
    history.push(later);
    history.push(earlier);
    assert_eq!(history.latest().map(|r| r.taken_at), Some(2_000));
    let history = History::from_json(&history.to_json()?)?;

    let delta = progress_since_last(&history);
    // Skipped now: not in the progress.
    assert!(!delta.contains_key("public_services"));
    assert_eq!(delta.len(), 17);
    assert_eq!(
        delta.get("device_basics"),
        Some(&TopicDelta {
            stars_before: Some(2),
            stars_now: 5,
            level_before: Some(1),
            level_now: 2,
            stars_change: 3,
            newly_can_help: false,
        })
    );
    // Not asked before (computer topic, the person had only a phone then).
    assert_eq!(
        delta.get("word_processing"),
        Some(&TopicDelta {
            stars_before: None,
            stars_now: 3,
            level_before: None,
            level_now: 2,
            stars_change: 0,
            newly_can_help: false,
        })
    );
    assert_eq!(
        delta.get("private_browsing").map(|d| d.stars_change),
        Some(0)
    );
    let total: i32 = delta.values().map(|d| i32::from(d.stars_change)).sum();
    assert_eq!(total, 28);
    Ok(())
}
