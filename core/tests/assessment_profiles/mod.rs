//! Three scripted people going through the self-assessment, shared by the golden tests and the
//! `assessment_taps` example: a beginner, an intermediate person and a possible helper.

use entraide_core::assessment::{
    Answer, Assessment, AssessmentError, Catalog, Device, Question, TopicChoice,
};

use Answer::{Alone, CanShow, Never, WithHelp};

/// What a scripted person answers.
pub struct Profile {
    /// Name printed by the example.
    pub name: &'static str,
    /// Devices they tick.
    pub devices: &'static [Device],
    /// Topics they tick; `None` is "all topics".
    pub topics: Option<&'static [&'static str]>,
    /// Their answers per topic, easiest level first; a topic not listed gets "never".
    pub answers: &'static [(&'static str, &'static [Answer])],
    /// Topics they skip.
    pub skip: &'static [&'static str],
    /// Topics they would like to learn.
    pub wishes: &'static [&'static str],
}

/// Woman in her seventies, an Android phone, anxious about the internet.
pub const BEGINNER: Profile = Profile {
    name: "beginner",
    devices: &[Device::Phone],
    topics: None,
    answers: &[
        ("device_basics", &[Alone, WithHelp]),
        ("video_calls", &[Alone, WithHelp]),
        ("photos_files", &[WithHelp]),
        ("email", &[WithHelp]),
    ],
    skip: &[],
    wishes: &["email", "video_calls"],
};

/// Uses a phone and a laptop, does many everyday things alone, prefers not to talk about
/// public-service websites.
pub const INTERMEDIATE: Profile = Profile {
    name: "intermediate",
    devices: &[Device::Phone, Device::Computer],
    topics: None,
    answers: &[
        ("device_basics", &[Alone, Alone, Alone, Alone]),
        ("web_search", &[Alone, Alone, WithHelp]),
        ("email", &[Alone, Alone, Alone, Never]),
        ("attachments", &[Alone, WithHelp]),
        ("video_calls", &[Alone, Alone, Alone, WithHelp]),
        ("photos_files", &[Alone, Alone, Never]),
        ("passwords", &[Alone, WithHelp]),
        ("device_security", &[WithHelp]),
        ("private_browsing", &[Never]),
        ("social_networks", &[Alone, Never]),
        ("everyday_procedures", &[Alone, WithHelp]),
        ("online_payment", &[Alone, Alone, Never]),
        ("phone_plan", &[Alone, Never]),
        ("device_cleanup", &[WithHelp]),
        ("word_processing", &[Alone, Alone, WithHelp]),
        ("spreadsheets", &[Never]),
        ("free_software", &[Never]),
    ],
    skip: &["public_services"],
    wishes: &[
        "attachments",
        "passwords",
        "device_security",
        "private_browsing",
    ],
};

/// Retired, at ease with phone, computer and tablet: a possible helper on many topics.
pub const HELPER: Profile = Profile {
    name: "possible helper",
    devices: &[Device::Tablet, Device::Phone, Device::Computer],
    topics: None,
    answers: &[
        ("device_basics", &[CanShow, CanShow, CanShow, CanShow]),
        ("web_search", &[CanShow, CanShow, Alone, Alone]),
        ("email", &[CanShow, CanShow, CanShow, Alone]),
        ("attachments", &[Alone, Alone, CanShow, WithHelp]),
        ("video_calls", &[CanShow, CanShow, CanShow, CanShow]),
        ("photos_files", &[Alone, Alone, Alone, Never]),
        ("passwords", &[CanShow, Alone, Alone, Alone]),
        ("device_security", &[Alone, Alone, CanShow, WithHelp]),
        ("private_browsing", &[Alone, Alone, Never]),
        ("social_networks", &[Alone, Never]),
        ("everyday_procedures", &[CanShow, CanShow, Alone, Alone]),
        ("online_payment", &[Alone, Alone, Alone, Alone]),
        ("public_services", &[Alone, CanShow, Alone, WithHelp]),
        ("phone_plan", &[Alone, Alone, CanShow, Never]),
        ("device_cleanup", &[Alone, CanShow, Alone, Never]),
        ("word_processing", &[CanShow, CanShow, CanShow, Alone]),
        ("spreadsheets", &[Alone, Alone, WithHelp]),
        ("free_software", &[Alone, Alone, CanShow, Never]),
    ],
    skip: &[],
    wishes: &["social_networks", "spreadsheets"],
};

/// The three profiles, in the order the example prints them.
pub const PROFILES: [&Profile; 3] = [&BEGINNER, &INTERMEDIATE, &HELPER];

/// Plays a profile through the questionnaire until every question is answered.
pub fn play(profile: &Profile, catalog: &Catalog) -> Result<Assessment, AssessmentError> {
    let mut assessment = Assessment::new(catalog);
    while let Some(question) = assessment.next_question() {
        match question {
            Question::Devices => assessment.choose_devices(profile.devices)?,
            Question::Topics { .. } => assessment.choose_topics(match profile.topics {
                None => TopicChoice::All,
                Some(ids) => TopicChoice::Some(ids.iter().map(|s| (*s).to_owned()).collect()),
            })?,
            Question::Level {
                topic, level_index, ..
            } => {
                if profile.skip.contains(&topic.as_str()) {
                    assessment.skip_topic(&topic)?;
                } else {
                    let answer = profile
                        .answers
                        .iter()
                        .find(|(id, _)| *id == topic)
                        .and_then(|(_, list)| list.get(usize::from(level_index)))
                        .copied()
                        .unwrap_or(Never);
                    assessment.answer(&topic, level_index, answer)?;
                }
            }
            Question::Wishes { .. } => {
                let wishes: Vec<String> = profile.wishes.iter().map(|s| (*s).to_owned()).collect();
                assessment.choose_wishes(&wishes)?;
            }
        }
    }
    Ok(assessment)
}
