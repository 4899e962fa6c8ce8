//! Self-assessment: the topics and their "I can" sentences (content as data, validated), the
//! public frameworks they are tagged with, the adaptive questionnaire, the results with stars
//! and flags, the history, and the animator's adapted topic list.
//!
//! # How answers become a result
//!
//! Each topic has 3 or 4 "I can" sentences, easiest first. Each is answered with one of four
//! fixed answers: never done it, with help, on my own, I can show someone.
//!
//! * **Order.** Within a topic the easiest sentence not yet answered is asked. "On my own" or
//!   "I can show someone" is a *yes*: the next sentence is asked. "Never" or "with help" is a
//!   *no*: the topic stops, no harder sentence is asked. A sentence is never asked twice, so a
//!   yes never leads back to an easier sentence.
//! * **Implication.** Because sentences are asked from the easiest, every sentence below a yes
//!   was itself answered yes. "I can show someone" on a sentence also counts as "I can show
//!   someone" on every sentence below it ([`implied_answers`]): who can show the harder thing
//!   can show the easier one.
//! * **`reached`** is the number of sentences answered yes, counted from the easiest.
//! * **Topic level (0 to 3)**, used by matching:
//!   3 when `can_help`; otherwise 2 when `reached >= 2` (on one's own up to at least the
//!   second sentence); otherwise 1 when the person did something (the first sentence on their
//!   own, or with help); otherwise 0 (never done the easiest sentence).
//! * **`can_help`**: "I can show someone" on the second sentence or a harder one. Showing only
//!   the easiest sentence is not enough to be proposed as a helper.
//! * **Stars (0 to 5)**, shown to the person: 0 never done the easiest sentence, 1 with help on
//!   it, then `1 + round(4 × reached / sentences)`, so every topic, with 3 or 4 sentences,
//!   ends at 5 stars when every sentence is done on one's own. Stars say how far up the topic
//!   the person goes; the "I can help" badge is separate.
//! * **`wants_to_learn`**: after the last topic, one screen lists the answered topics below
//!   level 3 (skipped ones included) and the person ticks those they would like to learn.
//! * **Skipped topics** are in the result with `skipped: true`, level 0, 0 stars, no
//!   `can_help`; matching should read them as "unknown", not as "never". Topics not chosen, or
//!   not applying to the person's devices, are not in the result at all.
//!
//! # Taps
//!
//! Devices: one tap per device ticked plus one to go on. Topics: one tap for "all", or one per
//! topic ticked plus one. One tap per answer or skip. Wishes: one per topic ticked plus one.
//! A beginner on a phone who has never done most things answers about one sentence per topic.

mod content;
mod custom;
mod engine;
mod error;
pub mod frameworks;
mod pictograms;
pub mod plain_text;
mod result;
mod validate;

pub use content::{
    Answer, AnswerLabel, Catalog, Device, Level, Text, Topic, CONTENT_FORMAT_VERSION,
};
pub use custom::{GroupTopics, GROUP_TOPICS_FORMAT_VERSION};
pub use engine::{
    Assessment, PlannedTopic, Progress, Question, Step, TopicChoice, ASSESSMENT_FORMAT_VERSION,
};
pub use error::{AssessmentError, Location};
pub use pictograms::{is_pictogram, PICTOGRAMS};
pub use result::{
    implied_answers, progress_since_last, AssessmentResult, History, TopicDelta, TopicResult,
    HISTORY_FORMAT_VERSION, MAX_STARS, MAX_TOPIC_LEVEL,
};
pub use validate::{is_topic_id, MAX_LEVELS, MIN_LEVELS};
