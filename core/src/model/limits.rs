//! Bounds on every value of the group's record, checked when a phone writes a change and
//! again when it merges one from another phone: a hostile or broken phone cannot make the
//! record grow without end or hold text no screen can show.

use thiserror::Error;

/// Longest nickname, group or place name, service name, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// Longest tip, difficulty or note, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;
/// Longest charter, in characters.
pub const MAX_CHARTER_CHARS: usize = 8000;
/// Longest topic id, in bytes.
pub const MAX_TOPIC_ID: usize = 64;
/// Most topics in a self-assessment, themes of a session, or groups of a session.
pub const MAX_ITEMS: usize = 200;
/// Most answers in an evaluation.
pub const MAX_EVALUATION_ANSWERS: usize = 8;
/// Most minutes of one help.
pub const MAX_MINUTES: u16 = 600;
/// Longest relay id, in characters.
pub const MAX_RELAY_ID: usize = 64;
/// Longest relay address line or opening hours, in characters.
pub const MAX_RELAY_LINE: usize = 200;
/// Most values in one of a relay's lists (services, publics, e-mails…).
pub const MAX_RELAY_VALUES: usize = 20;

/// A value outside its bounds.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LimitError {
    /// A text is empty where it may not be, too long, or holds control characters.
    #[error("the {field} text is empty, too long or holds control characters")]
    Text {
        /// Which field.
        field: &'static str,
    },
    /// A topic id is not lowercase ASCII words joined by underscores.
    #[error("the topic id {0:?} is not valid")]
    TopicId(String),
    /// Too many items in a list.
    #[error("the {field} list has too many items")]
    TooMany {
        /// Which list.
        field: &'static str,
    },
    /// A number out of its range.
    #[error("the {field} value is out of range")]
    Range {
        /// Which field.
        field: &'static str,
    },
}

/// Checks a one-line text: 1..=`max` characters, no control characters (new lines are
/// allowed when `lines`).
pub fn text(field: &'static str, value: &str, max: usize, lines: bool) -> Result<(), LimitError> {
    let count = value.chars().count();
    let bad_char = value
        .chars()
        .any(|c| c.is_control() && !(lines && (c == '\n' || c == '\t')));
    if value.trim().is_empty() || count > max || bad_char {
        return Err(LimitError::Text { field });
    }
    Ok(())
}

/// Checks a text that may be empty.
pub fn optional_text(field: &'static str, value: &str, max: usize) -> Result<(), LimitError> {
    if value.is_empty() {
        Ok(())
    } else {
        text(field, value, max, false)
    }
}

/// Checks a topic id.
pub fn topic(id: &str) -> Result<(), LimitError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_TOPIC_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(LimitError::TopicId(id.chars().take(MAX_TOPIC_ID).collect()))
    }
}

/// Checks a list's length.
pub fn items(field: &'static str, len: usize, max: usize) -> Result<(), LimitError> {
    if len > max {
        Err(LimitError::TooMany { field })
    } else {
        Ok(())
    }
}

/// Checks a number is within `range`.
pub fn range<T: PartialOrd>(
    field: &'static str,
    value: T,
    range: std::ops::RangeInclusive<T>,
) -> Result<(), LimitError> {
    if range.contains(&value) {
        Ok(())
    } else {
        Err(LimitError::Range { field })
    }
}

/// Checks a relay of the directory: a name, an id, a five-digit postcode, bounded texts
/// and lists.
pub fn relay(relay: &crate::relay::Relay) -> Result<(), LimitError> {
    text("relay id", &relay.id, MAX_RELAY_ID, false)?;
    text("relay name", &relay.name, MAX_NAME_CHARS, false)?;
    optional_text("relay street", &relay.address.street, MAX_RELAY_LINE)?;
    text("relay town", &relay.address.town, MAX_NAME_CHARS, false)?;
    let postcode = &relay.address.postcode;
    if postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LimitError::Range {
            field: "relay postcode",
        });
    }
    optional_text("relay hours", &relay.hours, MAX_RELAY_LINE)?;
    optional_text("relay fees", &relay.fees, MAX_NAME_CHARS)?;
    if !relay.summary.is_empty() {
        text("relay summary", &relay.summary, MAX_TEXT_CHARS, true)?;
    }
    for (field, values) in [
        ("relay services", &relay.services),
        ("relay publics", &relay.publics),
        ("relay programmes", &relay.programmes),
        ("relay access", &relay.access),
        ("relay e-mails", &relay.emails),
    ] {
        items(field, values.len(), MAX_RELAY_VALUES)?;
        values
            .iter()
            .try_for_each(|v| text(field, v, MAX_RELAY_LINE, false))?;
    }
    for (field, value) in [
        ("relay phone", &relay.phone),
        ("relay site", &relay.website),
    ] {
        value
            .as_deref()
            .map_or(Ok(()), |v| text(field, v, MAX_RELAY_LINE, false))?;
    }
    Ok(())
}
