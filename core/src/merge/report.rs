//! What a merge did, for the animator's screen: per author, how many records of each kind
//! came in ("Marcel : 2 aides notées, 1 astuce, 1 vote"), what was refused and why, and
//! every conflict settled (two people wrote the same field: the most recent write is kept).

use std::collections::BTreeMap;

use super::fold::{Refused, Slot};
use super::op::OpKind;
use crate::model::PersonId;

/// A conflict settled by the merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The field.
    pub slot: Slot,
    /// Who wrote the version kept (the most recent).
    pub kept: PersonId,
    /// Who wrote the versions replaced.
    pub replaced: Vec<PersonId>,
}

/// Why a change was not merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// Its form is wrong (audience, sizes, personal data mixed in).
    Malformed(&'static str),
    /// Another change already has its author and number.
    Conflicting,
    /// Refused by the rules.
    Refused(Refused),
}

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    /// Records merged, per author and kind.
    pub applied: BTreeMap<PersonId, BTreeMap<OpKind, u32>>,
    /// Changes this phone already had.
    pub already_had: u32,
    /// Changes kept until their author's membership arrives.
    pub pending: u32,
    /// Personal data of removed members, dropped.
    pub erased: u32,
    /// Changes refused, with their author.
    pub rejected: Vec<(PersonId, Rejection)>,
    /// Conflicts settled.
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    /// How many records came in, in all.
    pub fn applied_count(&self) -> u32 {
        self.applied.values().flat_map(|k| k.values()).sum()
    }

    /// Whether nothing new came in and nothing was refused.
    pub fn is_empty(&self) -> bool {
        self.applied.is_empty() && self.rejected.is_empty() && self.pending == 0
    }
}
