//! A [`Change`]: the ops one phone wrote at one moment, signed by that phone's key. Changes
//! are the unit everything else works with: they are stored, counted in version vectors,
//! carried by QR codes and checked one by one on merge.
//!
//! A change has one [`Audience`] (who may read it) and, when it holds one member's personal
//! data, that member as its subject: such a change holds nothing else, so that removing the
//! member can drop it whole without breaking any other signature.
//!
//! The signature covers, under a domain label, the group id and the postcard encoding of
//! everything but the signature: author, sequence number, clock, audience, subject, ops.

use ed25519_dalek::Signature;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::MergeError;
use super::hlc::Hlc;
use super::op::{Audience, ChangeDigest, Op};
use crate::model::{GroupId, PersonId};
use crate::transfer::{DeviceIdentity, SignerKey};

const SIGNING_DOMAIN: &[u8] = b"entraide/change/v1\0";
const DIGEST_DOMAIN: &[u8] = b"entraide/change-digest/v1\0";
/// Most ops in one change.
pub const MAX_OPS: usize = 512;

/// Where a change sits in the order every phone computes the record in: its clock, then
/// its author, then its sequence number. Unique, since an author never reuses a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Stamp {
    /// When.
    pub hlc: Hlc,
    /// Who.
    pub author: PersonId,
    /// Their sequence number.
    pub seq: u64,
}

/// A signed change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// Who wrote it.
    pub author: PersonId,
    /// The author's sequence number: 1, 2, 3… never reused.
    pub seq: u64,
    /// When.
    pub hlc: Hlc,
    /// Who may read it.
    pub audience: Audience,
    /// The member whose personal data it holds, if any (then it holds nothing else).
    pub subject: Option<PersonId>,
    /// What it writes.
    pub ops: Vec<Op>,
    /// Ed25519 signature by the author's phone.
    pub signature: [[u8; 32]; 2],
}

#[derive(Serialize)]
struct Body<'a> {
    author: PersonId,
    seq: u64,
    hlc: Hlc,
    audience: Audience,
    subject: Option<PersonId>,
    ops: &'a [Op],
}

impl Change {
    /// Writes and signs a change.
    #[allow(clippy::too_many_arguments)]
    pub fn sign(
        identity: &DeviceIdentity,
        group: GroupId,
        author: PersonId,
        seq: u64,
        hlc: Hlc,
        audience: Audience,
        subject: Option<PersonId>,
        ops: Vec<Op>,
    ) -> Result<Change, MergeError> {
        let mut change = Change {
            author,
            seq,
            hlc,
            audience,
            subject,
            ops,
            signature: [[0; 32]; 2],
        };
        change.check_shape()?;
        let signature = identity.sign(&change.signed_message(group)?);
        change.signature[0].copy_from_slice(&signature[..32]);
        change.signature[1].copy_from_slice(&signature[32..]);
        Ok(change)
    }

    /// Its place in the order of the record.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            hlc: self.hlc,
            author: self.author,
            seq: self.seq,
        }
    }

    fn signed_message(&self, group: GroupId) -> Result<Vec<u8>, MergeError> {
        let body = postcard::to_allocvec(&Body {
            author: self.author,
            seq: self.seq,
            hlc: self.hlc,
            audience: self.audience,
            subject: self.subject,
            ops: &self.ops,
        })
        .map_err(|_| MergeError::Encoding)?;
        let mut message = Vec::with_capacity(SIGNING_DOMAIN.len() + 16 + body.len());
        message.extend_from_slice(SIGNING_DOMAIN);
        message.extend_from_slice(&group.0);
        message.extend_from_slice(&body);
        Ok(message)
    }

    fn signature_bytes(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        out[..32].copy_from_slice(&self.signature[0]);
        out[32..].copy_from_slice(&self.signature[1]);
        out
    }

    /// Whether `key` signed this change for `group`.
    pub fn verify(&self, group: GroupId, key: SignerKey) -> bool {
        let Ok(verifying) = key.verifying_key() else {
            return false;
        };
        let Ok(message) = self.signed_message(group) else {
            return false;
        };
        verifying
            .verify_strict(&message, &Signature::from_bytes(&self.signature_bytes()))
            .is_ok()
    }

    /// A digest of the whole signed change, naming it (a removal vouches for digests).
    pub fn digest(&self, group: GroupId) -> ChangeDigest {
        let mut h = Sha256::new();
        h.update(DIGEST_DOMAIN);
        if let Ok(message) = self.signed_message(group) {
            h.update(&message);
        }
        h.update(self.signature_bytes());
        let full = h.finalize();
        let mut out = [0u8; 16];
        out.copy_from_slice(&full[..16]);
        out
    }

    /// Checks what needs no key: ops within bounds, each op's audience is the change's, and
    /// personal data travels alone with its subject.
    pub fn check_shape(&self) -> Result<(), MergeError> {
        if self.ops.is_empty() || self.ops.len() > MAX_OPS {
            return Err(MergeError::Shape("a change holds 1 to 512 ops"));
        }
        if self.seq == 0 {
            return Err(MergeError::Shape("sequence numbers start at 1"));
        }
        for op in &self.ops {
            op.check_limits()?;
            if op.audience() != self.audience {
                return Err(MergeError::Shape(
                    "an op's audience differs from its change's",
                ));
            }
            if op.personal_subject() != self.subject {
                return Err(MergeError::Shape(
                    "personal data travels alone, in a change of its own subject",
                ));
            }
        }
        Ok(())
    }

    /// Its encoded size in bytes (for transfer planning).
    pub fn encoded_len(&self) -> usize {
        postcard::to_allocvec(self).map_or(0, |b| b.len())
    }
}
