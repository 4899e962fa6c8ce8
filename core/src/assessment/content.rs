//! The assessment content as data: topics, their "I can" levels, framework tags and the answer
//! labels. The built-in content lives in `content/topics.json` and is parsed and validated at
//! run time by [`Catalog::builtin`]; a group's own list is built by `GroupTopics::apply`.

use serde::{Deserialize, Serialize};

use super::error::AssessmentError;
use super::validate;

/// Format version of the content file this code reads.
pub const CONTENT_FORMAT_VERSION: u32 = 1;

const BUILTIN_JSON: &str = include_str!("../../content/topics.json");

/// A text in French (first) and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// French, plain language, "vous" or "je".
    pub fr: String,
    /// English.
    pub en: String,
}

/// A kind of device a topic applies to and a person may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Device {
    /// Desktop or laptop computer.
    Computer,
    /// Mobile phone.
    Phone,
    /// Tablet.
    Tablet,
}

impl Device {
    /// All devices, in the order the app shows them.
    pub const ALL: [Device; 3] = [Device::Phone, Device::Computer, Device::Tablet];
}

/// The four fixed answers to an "I can" sentence, from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// "I have never done it": a no, the topic stops.
    Never,
    /// "With help": a no, the topic stops.
    WithHelp,
    /// "On my own": a yes, the next level is asked.
    Alone,
    /// "I can show someone": a yes, the next level is asked; makes a possible helper.
    CanShow,
}

impl Answer {
    /// All answers, weakest first, in the order the app shows them.
    pub const ALL: [Answer; 4] = [
        Answer::Never,
        Answer::WithHelp,
        Answer::Alone,
        Answer::CanShow,
    ];

    /// Whether the person does this on their own (`Alone` or `CanShow`).
    pub fn is_yes(self) -> bool {
        matches!(self, Answer::Alone | Answer::CanShow)
    }
}

/// The label of one answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerLabel {
    /// Which answer.
    pub id: Answer,
    /// What the button says.
    pub label: Text,
}

/// One rung of a topic: a concrete "I can…" sentence and its framework tags.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Level {
    /// "Je sais…" / "I can…", one short sentence.
    pub can: Text,
    /// Pix / CRCN competence code, for example "2.1".
    pub pix: String,
    /// Pix level, 1 to 8; never lower than the level before in the same topic.
    pub pix_level: u8,
    /// DigComp 2.2 competence code, for example "2.1".
    pub digcomp: String,
    /// DigComp proficiency level, 1 to 8.
    pub digcomp_level: u8,
}

/// One self-assessment topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Stable id, lowercase ascii words joined by underscores; never renamed.
    pub id: String,
    /// Short title.
    pub title: Text,
    /// Name of the pictogram drawn beside the title (see `PICTOGRAMS`).
    pub pictogram: String,
    /// Sensitive topics (administration, bank) are sent to professionals rather than peers.
    pub sensitive: bool,
    /// Devices the topic applies to.
    pub devices: Vec<Device>,
    /// 3 or 4 levels, easiest first.
    pub levels: Vec<Level>,
}

impl Topic {
    /// Whether the topic applies to at least one of these devices; an empty list means
    /// "no device or not said", and then every topic applies.
    pub fn applies_to(&self, devices: &[Device]) -> bool {
        devices.is_empty() || self.devices.iter().any(|d| devices.contains(d))
    }
}

/// The content file as written on disk.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct ContentFile {
    format_version: u32,
    answers: Vec<AnswerLabel>,
    topics: Vec<Topic>,
}

/// Just the version field, read first so that a future file gives a clear error.
#[derive(Deserialize)]
pub(crate) struct VersionProbe {
    pub(crate) format_version: u32,
}

/// Reads the `format_version` of a JSON object and checks it equals `supported`.
pub(crate) fn check_version(
    json: &str,
    what: &'static str,
    supported: u32,
) -> Result<(), AssessmentError> {
    let probe: VersionProbe =
        serde_json::from_str(json).map_err(|e| AssessmentError::json(what, &e))?;
    if probe.format_version != supported {
        return Err(AssessmentError::UnsupportedVersion {
            what,
            found: probe.format_version,
            supported,
        });
    }
    Ok(())
}

/// A validated list of topics with the answer labels: what the questionnaire asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    answers: Vec<AnswerLabel>,
    topics: Vec<Topic>,
}

impl Catalog {
    /// The content shipped with the app, parsed and validated.
    pub fn builtin() -> Result<Catalog, AssessmentError> {
        Self::from_json(BUILTIN_JSON)
    }

    /// Parses and validates a content file.
    pub fn from_json(json: &str) -> Result<Catalog, AssessmentError> {
        check_version(json, "content", CONTENT_FORMAT_VERSION)?;
        let file: ContentFile =
            serde_json::from_str(json).map_err(|e| AssessmentError::json("content", &e))?;
        Self::new(file.answers, file.topics)
    }

    /// Builds a catalog from its parts, checking every rule.
    pub(crate) fn new(
        answers: Vec<AnswerLabel>,
        topics: Vec<Topic>,
    ) -> Result<Catalog, AssessmentError> {
        validate::answers(&answers)?;
        validate::topics(&topics)?;
        Ok(Catalog { answers, topics })
    }

    /// Writes the catalog in the content file format.
    pub fn to_json(&self) -> Result<String, AssessmentError> {
        let file = ContentFile {
            format_version: CONTENT_FORMAT_VERSION,
            answers: self.answers.clone(),
            topics: self.topics.clone(),
        };
        serde_json::to_string_pretty(&file).map_err(|e| AssessmentError::json("content", &e))
    }

    /// The topics, in the order they are asked.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The answer labels, weakest first.
    pub fn answers(&self) -> &[AnswerLabel] {
        &self.answers
    }

    /// The label of one answer.
    pub fn answer_label(&self, answer: Answer) -> Option<&Text> {
        self.answers
            .iter()
            .find(|a| a.id == answer)
            .map(|a| &a.label)
    }
}
