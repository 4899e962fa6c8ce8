//! The error type of the assessment module: content validation, custom topic lists and the
//! questionnaire engine. Messages are plain English; the app translates what people see.

use std::fmt;

/// Where in the content a problem was found: a topic, optionally one of its levels
/// (counted from 1, easiest first) and a language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Topic id, or "answers" for the answer labels.
    pub topic: String,
    /// Level number, counted from 1, when the problem is in a level.
    pub level: Option<usize>,
    /// Language code ("fr" or "en") when the problem is in a text.
    pub lang: Option<&'static str>,
}

impl Location {
    pub(crate) fn topic(topic: &str) -> Self {
        Self {
            topic: topic.to_owned(),
            level: None,
            lang: None,
        }
    }

    pub(crate) fn level(topic: &str, index: usize) -> Self {
        Self {
            level: Some(index + 1),
            ..Self::topic(topic)
        }
    }

    pub(crate) fn with_lang(mut self, lang: &'static str) -> Self {
        self.lang = Some(lang);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "topic `{}`", self.topic)?;
        if let Some(level) = self.level {
            write!(f, ", level {level}")?;
        }
        if let Some(lang) = self.lang {
            write!(f, " ({lang})")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in the assessment module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessmentError {
    // ----- reading files -----
    /// The text is not valid JSON of the expected shape.
    #[error("the {what} file could not be read: {message}")]
    Json { what: &'static str, message: String },
    /// The file was written by another version of the app.
    #[error("the {what} file has format version {found}, this app reads version {supported}")]
    UnsupportedVersion {
        what: &'static str,
        found: u32,
        supported: u32,
    },

    // ----- content -----
    /// A topic id is not lowercase ascii words joined by underscores.
    #[error("topic id `{topic}` must be lowercase ascii words joined by underscores")]
    InvalidTopicId { topic: String },
    /// Two topics share an id.
    #[error("topic id `{topic}` is used twice")]
    DuplicateTopic { topic: String },
    /// A list of topics is empty.
    #[error("there is no topic left in the list")]
    NoTopics,
    /// A topic has too few or too many levels.
    #[error("{at} has {count} levels; a topic needs 3 or 4")]
    LevelCount { at: Location, count: usize },
    /// A text is empty.
    #[error("{at}: the {field} is empty")]
    EmptyText { at: Location, field: &'static str },
    /// A text is longer than people can read at a glance.
    #[error("{at}: the {field} has {len} characters, at most {max} are allowed")]
    TextTooLong {
        at: Location,
        field: &'static str,
        len: usize,
        max: usize,
    },
    /// A text holds more than one sentence.
    #[error("{at}: the {field} must be a single sentence")]
    SeveralSentences { at: Location, field: &'static str },
    /// A sentence does not end with a full stop, or a title or label does.
    #[error("{at}: the {field} has the wrong final punctuation")]
    FinalPunctuation { at: Location, field: &'static str },
    /// An "I can" sentence is not in the first person.
    #[error("{at}: the sentence must start with \"Je\" in French and \"I\" in English")]
    NotFirstPerson { at: Location },
    /// A text uses an abbreviation or a sign that is hard to read.
    #[error("{at}: the {field} uses `{word}`, which is an abbreviation or hard to read")]
    Abbreviation {
        at: Location,
        field: &'static str,
        word: String,
    },
    /// A pictogram name the app cannot draw.
    #[error("{at}: unknown pictogram `{name}`")]
    UnknownPictogram { at: Location, name: String },
    /// A topic applies to no device, or names one twice.
    #[error("{at}: the device list must be non-empty and without repeats")]
    BadDevices { at: Location },
    /// A Pix / CRCN code that is not in the framework.
    #[error("{at}: `{code}` is not a Pix competence")]
    UnknownPixCode { at: Location, code: String },
    /// A DigComp code that is not in the framework.
    #[error("{at}: `{code}` is not a DigComp 2.2 competence")]
    UnknownDigCompCode { at: Location, code: String },
    /// A framework level outside 1 to 8.
    #[error("{at}: {framework} level {value} is outside 1 to 8")]
    FrameworkLevel {
        at: Location,
        framework: &'static str,
        value: u8,
    },
    /// A level's Pix level is lower than the one before it.
    #[error("{at}: the Pix level is lower than the level before")]
    DecreasingPixLevel { at: Location },
    /// The answer labels are not exactly the four answers, in order.
    #[error("the answers must be never, with_help, alone and can_show, in this order")]
    AnswerList,

    // ----- custom topic lists -----
    /// A hidden topic is not in the catalog.
    #[error("the hidden topic `{topic}` is not in the list")]
    UnknownHiddenTopic { topic: String },

    // ----- questionnaire -----
    /// A topic id that the questionnaire does not know.
    #[error("unknown topic `{topic}`")]
    UnknownTopic { topic: String },
    /// The action does not answer the question being asked now.
    #[error("this does not answer the current question ({expected})")]
    NotTheCurrentQuestion { expected: String },
    /// A choice names the same thing twice.
    #[error("`{item}` is chosen twice")]
    ChosenTwice { item: String },
    /// A topic choice with no topic in it.
    #[error("at least one topic must be chosen")]
    NoTopicChosen,
    /// A wish for a topic that is not offered for wishes.
    #[error("the topic `{topic}` cannot be chosen here")]
    NotOffered { topic: String },
    /// `back()` with nothing to undo.
    #[error("there is nothing to undo")]
    NothingToUndo,
    /// `finish()` before the last question.
    #[error("the questionnaire is not finished")]
    NotFinished,
}

impl AssessmentError {
    pub(crate) fn json(what: &'static str, err: &serde_json::Error) -> Self {
        Self::Json {
            what,
            message: err.to_string(),
        }
    }
}
