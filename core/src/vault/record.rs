//! The plaintext types the vault encrypts: a [`Record`] (one item of the app's data, kept
//! opaque here) and a [`Batch`] (records sealed together in one blob).

use serde::{Deserialize, Serialize};

/// One item of app data. The vault never looks inside `body`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// What the record is ("help", "person", "tip"…), chosen by the app.
    pub kind: String,
    /// The record's id within its kind.
    pub id: String,
    /// The record itself.
    pub body: serde_json::Value,
}

impl Record {
    /// Builds a record.
    pub fn new(kind: impl Into<String>, id: impl Into<String>, body: serde_json::Value) -> Self {
        Record {
            kind: kind.into(),
            id: id.into(),
            body,
        }
    }
}

/// An opened blob: the batch id it was sealed with (authenticated) and its records.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The id given to `seal_batch`; the app checks it matches where it found the blob.
    pub batch_id: u64,
    /// The records, in the order they were sealed.
    pub records: Vec<Record>,
}
