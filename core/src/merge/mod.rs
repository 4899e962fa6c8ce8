//! Merging the group's record without a server: a small state-based CRDT over signed
//! changes.
//!
//! - Every write is an [`Op`] inside a [`Change`] signed by its author's phone key, stamped
//!   with a hybrid logical clock ([`Hlc`]) and numbered per author.
//! - A phone's state is the set of changes it holds; the record is computed from that set
//!   in stamp order (`fold`), checking each change against who may write it (`rules`):
//!   per-field last-writer-wins, grow-only sets for events (attendance, help given, votes),
//!   tombstones for deletions, and removals that erase a member's personal data.
//! - Merging is the union of the sets, so it is commutative, associative and idempotent.
//! - [`VersionVector`]s say what a phone has seen, so a transfer carries only the rest.
//! - [`ledger`]: what a phone remembers between transfers (acknowledgements, replays).
//! - [`wire`]: what travels in QR codes: a participant's hand-over, the animator's
//!   hand-back to the room, and a sync between animators.

pub mod change;
pub mod error;
pub mod fold;
pub mod hlc;
pub mod ledger;
pub mod op;
pub mod replica;
pub mod report;
pub mod rules;
pub mod summary;
pub mod version;
pub mod wire;

pub use change::{Change, Stamp};
pub use error::MergeError;
pub use fold::{Anchor, Outcome, Refused, Slot};
pub use hlc::Hlc;
pub use op::{Audience, HelpFields, Op, OpKind};
pub use replica::Replica;
pub use report::{Conflict, MergeReport, Rejection};
pub use version::VersionVector;
