//! What a phone remembers between two transfers of the group's record, so that nothing is
//! sent twice and nothing is missed:
//!
//! - on a participant's phone: the acknowledgement of the last hand-back merged (its own
//!   changes the animators already hold are not handed over again) and which hand-back it
//!   was (the animator then knows what this phone holds);
//! - on an animator's phone: how many hand-backs it showed and what each acknowledged, what
//!   each member's phone is known to hold (a hand-back carries only what the phones lack,
//!   and everything to a phone never heard from), and what the other animators have seen;
//! - on both: the replay guard of the hand-overs and hand-backs accepted.
//!
//! The ledger wraps [`super::wire`]'s sealing and opening with this bookkeeping; it is
//! stored next to the replica, in its own binary form.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::replica::Replica;
use super::report::MergeReport;
use super::version::VersionVector;
use super::wire::{self, WireError};
use crate::model::PersonId;
use crate::transfer::envelope;
use crate::transfer::{DeviceIdentity, Seen};

/// Format version of a stored ledger.
pub const LEDGER_FORMAT: u8 = 1;

/// Hand-backs whose acknowledgement is remembered (a phone that last merged an older one
/// is treated as holding nothing, so it gets everything: never less than it needs).
pub const HANDBACKS_REMEMBERED: usize = 16;

/// The bookkeeping of one group's transfers on one phone.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    format: u8,
    /// The animators' acknowledgement in the hand-backs merged here.
    acked: VersionVector,
    /// The last hand-back merged here: its animator and number.
    received: Option<(PersonId, u64)>,
    /// Hand-backs shown by this phone.
    handbacks: u64,
    /// What the last hand-backs acknowledged, by number.
    sent: BTreeMap<u64, VersionVector>,
    /// What each member's phone is known to hold.
    known: BTreeMap<PersonId, VersionVector>,
    /// What each other animator's phone has seen, from its last hand-over.
    peers: BTreeMap<PersonId, VersionVector>,
    /// Hand-overs and hand-backs already accepted.
    seen: Seen,
}

/// Why a stored ledger could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LedgerError {
    /// The bytes are not a ledger.
    #[error("the transfer ledger is damaged")]
    Damaged,
    /// Written by a newer version.
    #[error("the transfer ledger was written by a newer version ({0})")]
    NewerVersion(u8),
}

/// A hand-over or hand-back merged: who it came from and what the merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// The phone's member.
    pub from: PersonId,
    /// What the merge did.
    pub report: MergeReport,
}

impl Ledger {
    /// A ledger for a phone that has exchanged nothing yet.
    pub fn new() -> Ledger {
        Ledger {
            format: LEDGER_FORMAT,
            ..Ledger::default()
        }
    }

    /// How many hand-backs this phone showed.
    pub fn handbacks(&self) -> u64 {
        self.handbacks
    }

    /// The last hand-back merged here (its animator and number).
    pub fn received(&self) -> Option<(PersonId, u64)> {
        self.received
    }

    /// The changes of this phone a hand-over would carry now (its own, not acknowledged).
    pub fn unacknowledged(&self, replica: &Replica) -> usize {
        replica.own_after(&self.acked).len()
    }

    /// Seals this phone's hand-over: a participant's own changes not yet acknowledged, or,
    /// on an animator's phone, everything the other animators may lack. `seq` is a fresh
    /// envelope number of this phone.
    pub fn seal_handover(
        &self,
        replica: &Replica,
        identity: &DeviceIdentity,
        seq: u64,
    ) -> Result<Vec<u8>, WireError> {
        let me = replica.me();
        let animates = replica
            .record()
            .role_of(me)
            .is_some_and(|role| role.animates());
        let peer = animates.then(|| VersionVector::meet(self.peers.values()));
        wire::seal_handover(
            replica,
            identity,
            seq,
            &self.acked,
            self.received,
            peer.as_ref(),
        )
    }

    /// Opens a hand-over scanned by an animator's phone and merges it at `now_ms`. A code
    /// scanned twice is refused as a replay and changes nothing.
    pub fn receive_handover(
        &mut self,
        bytes: &[u8],
        replica: &mut Replica,
        identity: &DeviceIdentity,
        now_ms: u64,
    ) -> Result<Received, WireError> {
        let (header, handover) = wire::open_handover(bytes, replica, identity, &self.seen)?;
        let from = handover.from;
        let mut holds = match handover.received {
            Some((animator, number)) if animator == replica.me() => {
                self.sent.get(&number).cloned().unwrap_or_default()
            }
            _ => self.known.get(&from).cloned().unwrap_or_default(),
        };
        for change in &handover.changes {
            if change.author == from {
                holds.see(change.author, change.audience, change.seq);
            }
        }
        if let Some(seen) = handover.seen.clone() {
            self.peers.insert(from, seen.clone());
            holds = seen;
        }
        let report = replica.merge(handover.changes, now_ms);
        self.known.insert(from, holds);
        self.seen.record(header.sender, header.seq);
        Ok(Received { from, report })
    }

    /// Seals the next hand-back to the room: the shared record the member phones lack, and
    /// the acknowledgement of everything this phone holds.
    pub fn seal_handback(
        &mut self,
        replica: &Replica,
        identity: &DeviceIdentity,
        seq: u64,
    ) -> Result<Vec<u8>, WireError> {
        let me = replica.me();
        let record = replica.record();
        let present: Vec<VersionVector> = record
            .members
            .values()
            // Only phones that can read a hand-back count (a member without a phone, or
            // recorded before keys existed, holds nothing to wait for).
            .filter(|m| m.active() && m.has_phone && m.recipient.is_some() && m.person != me)
            .map(|m| self.known.get(&m.person).cloned().unwrap_or_default())
            .collect();
        let number = self.handbacks + 1;
        let bytes = wire::seal_handback(replica, identity, seq, number, &present)?;
        self.handbacks = number;
        self.sent.insert(number, replica.version_vector().clone());
        while self.sent.len() > HANDBACKS_REMEMBERED {
            self.sent.pop_first();
        }
        Ok(bytes)
    }

    /// Opens a hand-back scanned by a member's phone and merges it at `now_ms`; this phone
    /// then hands over only what the animators have not acknowledged.
    pub fn receive_handback(
        &mut self,
        bytes: &[u8],
        replica: &mut Replica,
        identity: &DeviceIdentity,
        now_ms: u64,
    ) -> Result<Received, WireError> {
        let (header, handback) = wire::open_handback(bytes, replica, identity, &self.seen)?;
        let report = replica.merge(handback.changes, now_ms);
        for (&(author, audience), &seq) in &handback.acks.0 {
            self.acked.see(author, audience, seq);
        }
        self.received = Some((handback.from, handback.number));
        self.seen.record(header.sender, header.seq);
        Ok(Received {
            from: handback.from,
            report,
        })
    }

    /// The ledger in its stored binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        envelope::encode_body(self).unwrap_or_default()
    }

    /// A stored ledger back.
    pub fn from_bytes(bytes: &[u8]) -> Result<Ledger, LedgerError> {
        match bytes.first() {
            Some(&format) if format > LEDGER_FORMAT => Err(LedgerError::NewerVersion(format)),
            _ => envelope::decode_body(bytes).map_err(|_| LedgerError::Damaged),
        }
    }
}
