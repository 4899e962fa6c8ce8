//! Pairing by two QR codes, as in the brief's journeys: one person shows an *offer* (the
//! animator's group invitation, or a helper's card for a session), the other scans it and
//! shows an *answer* encrypted to the first; the first scans the answer. Both phones then
//! show the same [`ConfirmationCode`], derived from the two payloads.
//!
//! The answer names the offer it answers (a digest of the offer's bytes, signed), so an
//! answer to another invitation, to another group or to another phone is refused.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use super::confirm::ConfirmationCode;
use super::envelope::{self, EnvelopeError, Expect, Kind};
use super::identity::{DeviceIdentity, RecipientKey, SignerKey};
use super::seen::Seen;
use super::{GroupId, PersonId};

/// Longest nickname or group name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Longest nickname or group name, in bytes of UTF-8 (40 accented letters fit).
pub const MAX_NAME_BYTES: usize = 80;

/// Why a pairing payload could not be made or accepted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PairingError {
    /// The envelope itself was refused.
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),
    /// A name is empty, too long or holds control characters.
    #[error("a name must have 1 to {MAX_NAME_CHARS} characters ({MAX_NAME_BYTES} bytes) and no control characters")]
    InvalidName,
    /// The answer answers another offer than the one this phone shows.
    #[error("this answer is for another code")]
    OtherOffer,
    /// The offer was made by this same phone.
    #[error("this code was made by this phone")]
    OwnCode,
}

/// What a person does in a session pairing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PairRole {
    /// Shows how to do something.
    Helper,
    /// Is being shown.
    Helped,
}

impl PairRole {
    /// The role of the person on the other side.
    pub fn other(self) -> Self {
        match self {
            PairRole::Helper => PairRole::Helped,
            PairRole::Helped => PairRole::Helper,
        }
    }
}

/// What an offer is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// Joining a group: its name and the version of the charter the person accepts.
    Join {
        /// The group's name.
        group_name: String,
        /// Version of the group charter shown before accepting.
        charter: u8,
    },
    /// Pairing for a session, with the role of whoever shows the offer.
    Pair {
        /// The role of the person showing the offer.
        role: PairRole,
        /// The topic of the help, if already chosen.
        topic: Option<String>,
    },
}

/// The offer's body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// What it is for.
    pub purpose: Purpose,
    /// Who shows it (its pseudonymous id).
    pub person: PersonId,
    /// Their nickname.
    pub name: String,
    /// Where the answer must be encrypted to.
    pub recipient: RecipientKey,
}

/// The answer's body (always encrypted to the offer's recipient).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Digest of the offer's bytes.
    pub offer: [u8; 16],
    /// Who answers.
    pub person: PersonId,
    /// Their nickname.
    pub name: String,
    /// Their key, to encrypt later transfers to them.
    pub recipient: RecipientKey,
}

/// An offer as scanned and verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOffer {
    /// The exact bytes scanned (they enter the confirmation code).
    pub bytes: Vec<u8>,
    /// Who signed it.
    pub sender: SignerKey,
    /// Its sequence number.
    pub seq: u64,
    /// The group it belongs to.
    pub group: GroupId,
    /// Its content.
    pub offer: Offer,
}

/// An answer as scanned, verified and decrypted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadAnswer {
    /// Who signed it.
    pub sender: SignerKey,
    /// Its sequence number (record it in [`Seen`] once accepted).
    pub seq: u64,
    /// Its content.
    pub answer: Answer,
    /// The code both screens show.
    pub code: ConfirmationCode,
    /// The offer it answers (this phone's own).
    pub offer: Offer,
    /// The group of the offer.
    pub group: GroupId,
}

/// Checks a nickname or group name: trimmed, 1 to [`MAX_NAME_CHARS`] characters and at most
/// [`MAX_NAME_BYTES`] bytes, no control characters.
pub fn check_name(name: &str) -> Result<String, PairingError> {
    let trimmed = name.trim();
    let count = trimmed.chars().count();
    if count == 0
        || count > MAX_NAME_CHARS
        || trimmed.len() > MAX_NAME_BYTES
        || trimmed.chars().any(char::is_control)
    {
        return Err(PairingError::InvalidName);
    }
    Ok(trimmed.to_owned())
}

fn offer_kind(purpose: &Purpose) -> Kind {
    match purpose {
        Purpose::Join { .. } => Kind::Invitation,
        Purpose::Pair { .. } => Kind::PairOffer,
    }
}

fn answer_kind(purpose: &Purpose) -> Kind {
    match purpose {
        Purpose::Join { .. } => Kind::JoinAnswer,
        Purpose::Pair { .. } => Kind::PairAnswer,
    }
}

fn digest(offer_bytes: &[u8]) -> [u8; 16] {
    let hash = Sha256::new()
        .chain_update(b"entraide/offer/v1\0")
        .chain_update(offer_bytes)
        .finalize();
    let mut out = [0u8; 16];
    out.copy_from_slice(&hash[..16]);
    out
}

/// Makes an offer (clear, signed), to be shown as a QR code.
pub fn make_offer(
    identity: &DeviceIdentity,
    group: GroupId,
    seq: u64,
    purpose: Purpose,
    person: PersonId,
    name: &str,
) -> Result<Vec<u8>, PairingError> {
    let purpose = match purpose {
        Purpose::Join {
            group_name,
            charter,
        } => Purpose::Join {
            group_name: check_name(&group_name)?,
            charter,
        },
        pair => pair,
    };
    let kind = offer_kind(&purpose);
    let offer = Offer {
        purpose,
        person,
        name: check_name(name)?,
        recipient: identity.recipient(),
    };
    let body = envelope::encode_body(&offer)?;
    Ok(envelope::seal(identity, kind, group, seq, &[], &body)?)
}

/// Reads a scanned offer. `group`: the group it must belong to (`None` for an invitation,
/// which brings its group).
pub fn read_offer(
    bytes: &[u8],
    identity: &DeviceIdentity,
    group: Option<GroupId>,
    kinds: &[Kind],
) -> Result<ReadOffer, PairingError> {
    let expect = Expect {
        kinds,
        group,
        identity: None,
    };
    // Offers may be scanned many times (the same invitation by a whole group): no replay
    // guard here; the answer is what is accepted once.
    let opened = envelope::open(bytes, &expect, &Seen::new())?;
    if opened.header.sender == identity.signer() {
        return Err(PairingError::OwnCode);
    }
    let offer: Offer = opened.content()?;
    if offer_kind(&offer.purpose) != opened.header.kind {
        return Err(EnvelopeError::Content.into());
    }
    check_name(&offer.name)?;
    if let Purpose::Join { group_name, .. } = &offer.purpose {
        check_name(group_name)?;
    }
    Ok(ReadOffer {
        bytes: bytes.to_vec(),
        sender: opened.header.sender,
        seq: opened.header.seq,
        group: opened.header.group,
        offer,
    })
}

/// Makes the answer to a scanned offer, encrypted to whoever showed it; returns its bytes and
/// the confirmation code to show next to it.
pub fn make_answer(
    identity: &DeviceIdentity,
    offer: &ReadOffer,
    seq: u64,
    person: PersonId,
    name: &str,
) -> Result<(Vec<u8>, ConfirmationCode), PairingError> {
    let answer = Answer {
        offer: digest(&offer.bytes),
        person,
        name: check_name(name)?,
        recipient: identity.recipient(),
    };
    let body = envelope::encode_body(&answer)?;
    let bytes = envelope::seal(
        identity,
        answer_kind(&offer.offer.purpose),
        offer.group,
        seq,
        &[offer.offer.recipient],
        &body,
    )?;
    let code = ConfirmationCode::derive(&offer.bytes, &bytes);
    Ok((bytes, code))
}

/// Reads an answer to the offer this phone shows (`my_offer`: its exact bytes).
pub fn read_answer(
    bytes: &[u8],
    identity: &DeviceIdentity,
    my_offer: &[u8],
    seen: &Seen,
) -> Result<ReadAnswer, PairingError> {
    let offer_header = envelope::peek(my_offer)?;
    let offer: Offer = envelope::decode_body(&offer_body(my_offer)?)?;
    let kind = answer_kind(&offer.purpose);
    let expect = Expect {
        kinds: &[kind],
        group: Some(offer_header.group),
        identity: Some(identity),
    };
    let opened = envelope::open(bytes, &expect, seen)?;
    let answer: Answer = opened.content()?;
    if answer.offer != digest(my_offer) {
        return Err(PairingError::OtherOffer);
    }
    check_name(&answer.name)?;
    Ok(ReadAnswer {
        sender: opened.header.sender,
        seq: opened.header.seq,
        answer,
        code: ConfirmationCode::derive(my_offer, bytes),
        offer,
        group: offer_header.group,
    })
}

/// The body of a clear offer this phone made.
fn offer_body(my_offer: &[u8]) -> Result<Vec<u8>, EnvelopeError> {
    let header = envelope::peek(my_offer)?;
    let expect = Expect {
        kinds: &[header.kind],
        group: None,
        identity: None,
    };
    Ok(envelope::open(my_offer, &expect, &Seen::new())?.body)
}
