//! The matching module's error type: every message names the input field it is about.

use thiserror::Error;

/// Everything that can go wrong when reading or checking a matching request.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MatchingError {
    /// The text is not JSON at all.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// A field holds a value the rules do not allow. `field` is a path such as
    /// `people[3].levels.email`.
    #[error("{field}: {message}")]
    Field {
        /// Path of the offending field, e.g. `people[2].need`.
        field: String,
        /// Plain explanation of what is wrong.
        message: String,
    },
}

impl MatchingError {
    /// Shorthand for a [`MatchingError::Field`].
    pub fn field(field: impl Into<String>, message: impl Into<String>) -> Self {
        MatchingError::Field {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The field path this error is about, if any.
    pub fn field_path(&self) -> Option<&str> {
        match self {
            MatchingError::Json(_) => None,
            MatchingError::Field { field, .. } => Some(field),
        }
    }
}
