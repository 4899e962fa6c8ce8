//! Version vectors: for each author and audience, the highest sequence number a phone has
//! seen. A transfer carries only the changes beyond what the receiver acknowledged.
//!
//! The audience is part of the key because a hand-back carries only what the whole group
//! may read: a participant's phone sees an author's shared changes without their private
//! ones, and must not count those as seen.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::op::Audience;
use crate::model::PersonId;

/// Highest sequence number seen, per author and audience.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VersionVector(pub BTreeMap<(PersonId, Audience), u64>);

impl VersionVector {
    /// Nothing seen.
    pub fn new() -> VersionVector {
        VersionVector::default()
    }

    /// The highest number seen from `author` for `audience` (0: none).
    pub fn get(&self, author: PersonId, audience: Audience) -> u64 {
        self.0.get(&(author, audience)).copied().unwrap_or(0)
    }

    /// Records that `seq` of `author` for `audience` was seen.
    pub fn see(&mut self, author: PersonId, audience: Audience, seq: u64) {
        let entry = self.0.entry((author, audience)).or_insert(0);
        *entry = (*entry).max(seq);
    }

    /// Whether `seq` of `author` for `audience` is covered.
    pub fn covers(&self, author: PersonId, audience: Audience, seq: u64) -> bool {
        seq <= self.get(author, audience)
    }

    /// The smallest of several vectors, entry by entry (what all of them have seen).
    pub fn meet<'a>(vectors: impl IntoIterator<Item = &'a VersionVector>) -> VersionVector {
        let mut iter = vectors.into_iter();
        let Some(first) = iter.next() else {
            return VersionVector::new();
        };
        let mut out = first.clone();
        for v in iter {
            out.0 = out
                .0
                .iter()
                .filter_map(|(key, s)| {
                    let other = v.0.get(key).copied().unwrap_or(0);
                    (other > 0).then_some((*key, (*s).min(other)))
                })
                .collect();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meet_is_the_common_part() {
        let a = PersonId([1; 16]);
        let b = PersonId([2; 16]);
        let g = Audience::Group;
        let mut x = VersionVector::new();
        x.see(a, g, 5);
        x.see(b, g, 2);
        x.see(a, Audience::Animators, 4);
        let mut y = VersionVector::new();
        y.see(a, g, 3);
        let m = VersionVector::meet([&x, &y]);
        assert_eq!(m.get(a, g), 3);
        assert_eq!(m.get(b, g), 0);
        assert_eq!(m.get(a, Audience::Animators), 0);
        assert!(m.covers(a, g, 3) && !m.covers(a, g, 4));
        assert_eq!(
            VersionVector::meet(std::iter::empty()),
            VersionVector::new()
        );
    }
}
