//! Why a change, a delta or a write was refused. Each refusal names what to do in the
//! app's plain-French message (chosen from the variant, never from this English text).

use thiserror::Error;

use crate::model::{LimitError, PersonId};

/// Why the merge refused something.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MergeError {
    /// A value is out of bounds.
    #[error(transparent)]
    Limit(#[from] LimitError),
    /// A change breaks the rules of its form (audience, personal data, size).
    #[error("malformed change: {0}")]
    Shape(&'static str),
    /// The change could not be encoded (should not happen).
    #[error("encoding failed")]
    Encoding,
    /// The bytes are not a delta or record of this version.
    #[error("the data is damaged or not from Entraide")]
    Damaged,
    /// Written by a newer version of the app.
    #[error("the data was written by a newer version ({0})")]
    NewerVersion(u8),
    /// For another group.
    #[error("this data belongs to another group")]
    WrongGroup,
    /// The author is not a member this phone knows.
    #[error("the author {0:?} is not a known member")]
    UnknownAuthor(PersonId),
    /// The author was removed from the group.
    #[error("the author {0:?} was removed from the group")]
    RemovedAuthor(PersonId),
    /// The signature does not match the author's key.
    #[error("the signature does not match")]
    BadSignature,
    /// The same author and number already name a different change: forged or re-signed.
    #[error("another change already has this author and number")]
    Conflicting,
    /// The author may not write this.
    #[error("the author may not write {0}")]
    NotAllowed(&'static str),
    /// This phone is not a member of the group (or was removed).
    #[error("this phone is not a member of the group")]
    NotMember,
}
