//! The replay guard: which (sender, sequence number) pairs this phone has already accepted.
//! Kept in the vault, so a payload shown twice, or filmed and shown again later, is accepted
//! only once.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::identity::SignerKey;

/// Accepted sequence numbers, per sender. Stored as a list of pairs, so any format
/// (JSON included, whose map keys must be strings) can hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    from = "Vec<(SignerKey, Vec<u64>)>",
    into = "Vec<(SignerKey, Vec<u64>)>"
)]
pub struct Seen {
    by_sender: BTreeMap<SignerKey, BTreeSet<u64>>,
}

impl From<Vec<(SignerKey, Vec<u64>)>> for Seen {
    fn from(pairs: Vec<(SignerKey, Vec<u64>)>) -> Self {
        let mut seen = Seen::new();
        for (sender, seqs) in pairs {
            seen.by_sender.entry(sender).or_default().extend(seqs);
        }
        seen.by_sender.retain(|_, seqs| !seqs.is_empty());
        seen
    }
}

impl From<Seen> for Vec<(SignerKey, Vec<u64>)> {
    fn from(seen: Seen) -> Self {
        seen.by_sender
            .into_iter()
            .map(|(sender, seqs)| (sender, seqs.into_iter().collect()))
            .collect()
    }
}

impl Seen {
    /// Nothing accepted yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether this sender's payload number `seq` was already accepted.
    pub fn contains(&self, sender: SignerKey, seq: u64) -> bool {
        self.by_sender
            .get(&sender)
            .is_some_and(|seqs| seqs.contains(&seq))
    }

    /// Records an accepted payload; returns `false` if it was already there.
    pub fn record(&mut self, sender: SignerKey, seq: u64) -> bool {
        self.by_sender.entry(sender).or_default().insert(seq)
    }

    /// Forgets one accepted payload (when the person undoes a pairing, the same card may be
    /// scanned again).
    pub fn forget(&mut self, sender: SignerKey, seq: u64) {
        if let Some(seqs) = self.by_sender.get_mut(&sender) {
            seqs.remove(&seq);
            if seqs.is_empty() {
                self.by_sender.remove(&sender);
            }
        }
    }

    /// How many payloads were accepted, all senders together.
    pub fn len(&self) -> usize {
        self.by_sender.values().map(BTreeSet::len).sum()
    }

    /// Whether nothing was accepted yet.
    pub fn is_empty(&self) -> bool {
        self.by_sender.is_empty()
    }
}
