//! The group's living library of tips as a person writes into it: a new tip or an edit is
//! checked by the guard (nothing that looks like a password, an address or a number that
//! identifies someone is ever stored or sent) and by the record's limits before it becomes
//! an op; and the library in the order the screen shows it, newest first.

use thiserror::Error;

use crate::guard::{self, FieldKind, Refusal};
use crate::merge::Op;
use crate::model::limits::MAX_TEXT_CHARS;
use crate::model::{Day, GroupRecord, RecordId, Tip, TopicId};

/// Why a tip was not written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TipError {
    /// Nothing but spaces.
    #[error("the tip is empty")]
    Empty,
    /// Longer than the record allows.
    #[error("the tip is longer than {MAX_TEXT_CHARS} characters")]
    TooLong,
    /// The guard found something the group never keeps.
    #[error(transparent)]
    Sensitive(#[from] Refusal),
}

impl TipError {
    /// What to tell the person, in plain French (`french`) or English.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (TipError::Empty, true) => "Écrivez d'abord votre astuce.".into(),
            (TipError::Empty, false) => "Write your tip first.".into(),
            (TipError::TooLong, true) => format!(
                "Une astuce tient en {MAX_TEXT_CHARS} caractères au plus : raccourcissez-la."
            ),
            (TipError::TooLong, false) => {
                format!("A tip holds at most {MAX_TEXT_CHARS} characters: shorten it.")
            }
            (TipError::Sensitive(refusal), _) => refusal.message(french),
        }
    }
}

/// The op that writes tip `id` (new, or an edit of an existing one) with `text` and
/// `topic`, shared in `session` if any, on `day`. The text is trimmed.
pub fn write(
    id: RecordId,
    text: &str,
    topic: Option<TopicId>,
    session: Option<RecordId>,
    day: Day,
) -> Result<Op, TipError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TipError::Empty);
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(TipError::TooLong);
    }
    guard::check(text, FieldKind::Tip)?;
    Ok(Op::Tip {
        tip: id,
        text: text.to_string(),
        topic,
        session,
        on: day,
    })
}

/// The tips of the group, newest first (ties by id, so the order is stable).
pub fn library(record: &GroupRecord) -> Vec<&Tip> {
    let mut tips: Vec<&Tip> = record.tips.values().collect();
    tips.sort_by(|a, b| b.written_on.cmp(&a.written_on).then(a.id.cmp(&b.id)));
    tips
}
