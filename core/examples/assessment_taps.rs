//! Prints how many taps the self-assessment takes for three scripted people: a beginner, an
//! intermediate person and a possible helper. Run with
//! `cargo run --example assessment_taps`.

#[path = "../tests/assessment_profiles/mod.rs"]
mod assessment_profiles;

use entraide_core::assessment::{AssessmentError, Catalog};

fn main() -> Result<(), AssessmentError> {
    let catalog = Catalog::builtin()?;
    println!("{} topics in the built-in catalog", catalog.topics().len());
    for profile in assessment_profiles::PROFILES {
        let assessment = assessment_profiles::play(profile, &catalog)?;
        let result = assessment.finish(0)?;
        println!(
            "{:<16} {:>3} taps, {:>2} topics answered, can help with {:>2}, wants to learn {:>2}",
            profile.name,
            assessment.taps(),
            result.topics.values().filter(|t| !t.skipped).count(),
            result.can_help_with().len(),
            result.wants_to_learn().len(),
        );
    }
    Ok(())
}
