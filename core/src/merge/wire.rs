//! What carries the group's record between phones, inside the signed, encrypted envelopes
//! of `core::transfer` (one QR code or an animated loop):
//!
//! - a [`Handover`]: what a phone wrote that the animators have not acknowledged, encrypted
//!   to the group's animators (from a participant; between two animators it also carries
//!   everything else the other has not seen);
//! - a [`Handback`]: the animator's answer to the whole room, scanned by every phone at
//!   once: the group's shared record (tips, sessions, members' nicknames and keys, charter,
//!   topics) that the phones present lack, and the acknowledgement of what arrived,
//!   encrypted to every current member, so a member who left or was removed cannot read it.
//!
//! Opening checks, beyond the envelope's own (signature, group, replay, recipient): the
//! sender is an active member of the record (an animator, for a hand-back) and signs with
//! the key the record knows for them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::change::Change;
use super::op::Audience;
use super::replica::Replica;
use super::version::VersionVector;
use crate::model::{MemberRole, PersonId};
use crate::transfer::envelope::{self, EnvelopeError, Expect, Header, Kind};
use crate::transfer::{DeviceIdentity, RecipientKey, Seen, SignerKey};

/// Format version of hand-overs and hand-backs.
pub const WIRE_FORMAT: u8 = 1;

/// A phone's hand-over to the animators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    /// Format version.
    pub format: u8,
    /// Who hands over.
    pub from: PersonId,
    /// The changes.
    pub changes: Vec<Change>,
    /// The last hand-back this phone merged (its animator and number), so the next
    /// hand-back carries only what this phone lacks.
    pub received: Option<(PersonId, u64)>,
    /// An animator's whole version vector (a sync between animators); `None` from a
    /// participant.
    pub seen: Option<VersionVector>,
}

/// An animator's hand-back to the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handback {
    /// Format version.
    pub format: u8,
    /// The animator.
    pub from: PersonId,
    /// Its number (per animator), acknowledged in the next hand-overs.
    pub number: u64,
    /// What the animator has seen, per author: each phone re-sends nothing covered.
    pub acks: VersionVector,
    /// The shared record the phones present lack.
    pub changes: Vec<Change>,
}

/// Why a hand-over or hand-back was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WireError {
    /// The envelope was refused (damaged, another group, a replay, not for this phone…).
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),
    /// The sender is not a member this phone knows.
    #[error("the sender is not a member of the group")]
    Stranger,
    /// The sender was removed from the group.
    #[error("the sender was removed from the group")]
    Removed,
    /// A hand-back from someone who does not animate the group.
    #[error("the sender does not animate the group")]
    NotAnimator,
    /// The body is not a hand-over or hand-back of this version.
    #[error("the content is damaged")]
    Content,
    /// Written by a newer version.
    #[error("written by a newer version ({0})")]
    NewerVersion(u8),
    /// There is nobody to send it to (no animator with a phone, no member).
    #[error("nobody to send it to")]
    NoRecipient,
}

/// The receiving keys of the group's active animators (where a hand-over goes).
pub fn animator_recipients(replica: &Replica) -> Vec<RecipientKey> {
    let mut out: Vec<RecipientKey> = replica
        .record()
        .animators()
        .iter()
        .filter_map(|m| m.recipient)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The receiving keys of every active member (where a hand-back goes).
pub fn member_recipients(replica: &Replica) -> Vec<RecipientKey> {
    let mut out: Vec<RecipientKey> = replica
        .record()
        .members
        .values()
        .filter(|m| m.active())
        .filter_map(|m| m.recipient)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Seals this phone's hand-over: its own changes `acked` does not cover (a participant;
/// `acked` comes from the last hand-back), or, with
/// `peer` (another animator's version vector, empty if never synced), everything that
/// animator lacks. `seq` is this phone's envelope sequence number.
pub fn seal_handover(
    replica: &Replica,
    identity: &DeviceIdentity,
    seq: u64,
    acked: &VersionVector,
    received: Option<(PersonId, u64)>,
    peer: Option<&VersionVector>,
) -> Result<Vec<u8>, WireError> {
    let recipients = animator_recipients(replica);
    if recipients.is_empty() {
        return Err(WireError::NoRecipient);
    }
    let (changes, seen) = match peer {
        Some(peer) => (
            replica.delta(peer, None),
            Some(replica.version_vector().clone()),
        ),
        None => (replica.own_after(acked), None),
    };
    let body = Handover {
        format: WIRE_FORMAT,
        from: replica.me(),
        changes,
        received,
        seen,
    };
    let bytes = envelope::encode_body(&body)?;
    Ok(envelope::seal(
        identity,
        Kind::Handover,
        replica.anchor().group,
        seq,
        &recipients,
        &bytes,
    )?)
}

/// Seals a hand-back number `number` for phones whose acknowledged state is `present`
/// (one vector per phone; an unknown phone counts as having seen nothing).
pub fn seal_handback(
    replica: &Replica,
    identity: &DeviceIdentity,
    seq: u64,
    number: u64,
    present: &[VersionVector],
) -> Result<Vec<u8>, WireError> {
    let recipients = member_recipients(replica);
    if recipients.is_empty() {
        return Err(WireError::NoRecipient);
    }
    let common = if present.is_empty() {
        VersionVector::new()
    } else {
        VersionVector::meet(present)
    };
    let body = Handback {
        format: WIRE_FORMAT,
        from: replica.me(),
        number,
        acks: replica.version_vector().clone(),
        changes: replica.delta(&common, Some(Audience::Group)),
    };
    let bytes = envelope::encode_body(&body)?;
    Ok(envelope::seal(
        identity,
        Kind::Handback,
        replica.anchor().group,
        seq,
        &recipients,
        &bytes,
    )?)
}

/// Checks that the envelope's signer is an active member of `replica`'s record (or its
/// founder), returning their id.
fn sender_member(
    replica: &Replica,
    sender: SignerKey,
) -> Result<(PersonId, MemberRole), WireError> {
    let anchor = replica.anchor();
    if sender == anchor.founder_key {
        let role = replica
            .record()
            .role_of(anchor.founder)
            .unwrap_or(MemberRole::Animator);
        return Ok((anchor.founder, role));
    }
    let member = replica
        .record()
        .members
        .values()
        .find(|m| m.signer == Some(sender));
    match member {
        Some(m) if m.active() => Ok((m.person, m.role)),
        Some(_) => Err(WireError::Removed),
        None => {
            // A removed member's key is erased: say so rather than "stranger" when the
            // record holds a removed member who may be them.
            Err(WireError::Stranger)
        }
    }
}

/// Opens a hand-over scanned by an animator's phone.
pub fn open_handover(
    bytes: &[u8],
    replica: &Replica,
    identity: &DeviceIdentity,
    seen: &Seen,
) -> Result<(Header, Handover), WireError> {
    let expect = Expect {
        kinds: &[Kind::Handover],
        group: Some(replica.anchor().group),
        identity: Some(identity),
    };
    let opened = envelope::open(bytes, &expect, seen)?;
    let (person, role) = sender_member(replica, opened.header.sender)?;
    let body: Handover = decode(&opened.body)?;
    if body.from != person {
        return Err(WireError::Content);
    }
    // A participant hands over only what they wrote; only animators relay others'.
    if !role.animates() && body.changes.iter().any(|c| c.author != person) {
        return Err(WireError::Content);
    }
    Ok((opened.header, body))
}

/// Opens a hand-back scanned by a member's phone.
pub fn open_handback(
    bytes: &[u8],
    replica: &Replica,
    identity: &DeviceIdentity,
    seen: &Seen,
) -> Result<(Header, Handback), WireError> {
    let expect = Expect {
        kinds: &[Kind::Handback],
        group: Some(replica.anchor().group),
        identity: Some(identity),
    };
    let opened = envelope::open(bytes, &expect, seen)?;
    let (person, role) = sender_member(replica, opened.header.sender)?;
    if !role.animates() {
        return Err(WireError::NotAnimator);
    }
    let body: Handback = decode(&opened.body)?;
    if body.from != person {
        return Err(WireError::Content);
    }
    Ok((opened.header, body))
}

fn decode<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, WireError> {
    match body.first() {
        Some(&format) if format > WIRE_FORMAT => Err(WireError::NewerVersion(format)),
        _ => envelope::decode_body(body).map_err(|_| WireError::Content),
    }
}
