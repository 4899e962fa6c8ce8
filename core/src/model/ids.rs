//! Identifiers of the group's record. People and groups use the transfer ids
//! ([`PersonId`], [`GroupId`]); sessions, tips and other records get a random
//! [`RecordId`]; a help given gets an id derived from its session and its two people, so
//! that the helper's and the helped person's records of one pairing are one record.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

pub use crate::transfer::{GroupId, PersonId};

/// A record's id (session, tip, difficulty…): 16 random bytes, or derived.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecordId(pub [u8; 16]);

/// A topic's id (`"email"`, or `"local_…"` for the group's own topics).
pub type TopicId = String;

impl RecordId {
    /// A fresh random id.
    pub fn random() -> RecordId {
        RecordId(PersonId::random().0)
    }

    /// The id of the help given in `session` by `helper` to `helped`: both people's
    /// phones compute the same one.
    pub fn help(session: RecordId, helper: PersonId, helped: PersonId) -> RecordId {
        let mut h = Sha256::new();
        h.update(b"entraide/help/v1\0");
        h.update(session.0);
        h.update(helper.0);
        h.update(helped.0);
        let digest = h.finalize();
        let mut id = [0u8; 16];
        id.copy_from_slice(&digest[..16]);
        RecordId(id)
    }

    /// Its 32 hex digits.
    pub fn to_hex(self) -> String {
        PersonId(self.0).to_hex()
    }

    /// Back from [`Self::to_hex`].
    pub fn from_hex(text: &str) -> Option<RecordId> {
        PersonId::from_hex(text).map(|p| RecordId(p.0))
    }
}

impl fmt::Debug for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordId({})", &self.to_hex()[..8])
    }
}
