//! The signed envelope every QR transfer travels in (format version 1).
//!
//! ```text
//! "ET" | version u8 | kind u8 | flags u8 | group [16] | sender [32] | seq u64 BE
//!      | recipient count u8 | recipients [32 × n] | body length u32 BE | body | signature [64]
//! ```
//!
//! The body is a compact binary (postcard) value, deflated when that makes it shorter, then
//! encrypted with age to the listed X25519 recipients (or left clear when there are none, for
//! content that is public by nature, like a group invitation). The Ed25519 signature covers
//! every byte before it, under a domain label: version, kind, group, sender, sequence number,
//! recipients and body. So a payload cannot be moved to another group, redirected to another
//! recipient or altered, and the receiver's [`Seen`] refuses the same (sender, sequence)
//! twice. Every check that costs nothing runs before any that costs something: length,
//! layout, kind, signature, group, replay, recipient, then decryption and a bounded inflate.

use std::io::{Read, Write};

use ed25519_dalek::Signature;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::compress::{deflate, inflate, CompressError};
use super::identity::{DeviceIdentity, IdentityError, RecipientKey, SignerKey};
use super::seen::Seen;
use super::GroupId;

/// First bytes of every envelope.
pub const MAGIC: [u8; 2] = *b"ET";
/// The only format version this build writes and reads.
pub const FORMAT_VERSION: u8 = 1;
/// Largest envelope accepted (what the fountain code can carry).
pub const MAX_ENVELOPE_LEN: usize = 256 * 1024;
/// Largest body once decrypted and inflated (a bound against compression bombs).
pub const MAX_BODY_LEN: usize = 1024 * 1024;
/// Most recipients one envelope may be encrypted to.
pub const MAX_RECIPIENTS: usize = 255;

const SIGNATURE_LEN: usize = 64;
const FIXED_HEADER_LEN: usize = 2 + 1 + 1 + 1 + 16 + 32 + 8 + 1;
const SIGNING_DOMAIN: &[u8] = b"entraide/transfer/v1\0";
/// Flag: the payload is an age file to the listed recipients.
pub const FLAG_ENCRYPTED: u8 = 0b01;
/// Flag: the (decrypted) payload is raw deflate.
pub const FLAG_DEFLATED: u8 = 0b10;

/// What an envelope carries. The number is part of the signed header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A group's invitation, shown by the animator (clear).
    Invitation,
    /// A participant's answer to an invitation (encrypted to the animator).
    JoinAnswer,
    /// A helper's or helped person's pairing card for a session (clear).
    PairOffer,
    /// The answer to a pairing card (encrypted to whoever showed it).
    PairAnswer,
    /// The group's own topic list (clear: it is read by everyone in the group).
    GroupTopics,
    /// A test payload, to try the camera and the animated codes.
    Sample,
    /// What a phone hands to the group's animators: its changes to the group's record
    /// (encrypted to the animators).
    Handover,
    /// What an animator hands back to the room: the group's shared record and the
    /// acknowledgement of what arrived (encrypted to every member).
    Handback,
}

impl Kind {
    const ALL: [Kind; 8] = [
        Kind::Invitation,
        Kind::JoinAnswer,
        Kind::PairOffer,
        Kind::PairAnswer,
        Kind::GroupTopics,
        Kind::Sample,
        Kind::Handover,
        Kind::Handback,
    ];

    /// Its number in the wire format.
    pub fn code(self) -> u8 {
        match self {
            Kind::Invitation => 1,
            Kind::JoinAnswer => 2,
            Kind::PairOffer => 3,
            Kind::PairAnswer => 4,
            Kind::GroupTopics => 5,
            Kind::Sample => 6,
            Kind::Handover => 7,
            Kind::Handback => 8,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Kinds that carry personal data and must never travel in clear.
    pub fn must_be_encrypted(self) -> bool {
        matches!(
            self,
            Kind::JoinAnswer | Kind::PairAnswer | Kind::Handover | Kind::Handback
        )
    }
}

/// Every way sealing or opening an envelope can fail.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EnvelopeError {
    /// Longer than [`MAX_ENVELOPE_LEN`]; nothing else was read.
    #[error("envelope of {len} bytes is over the {max}-byte limit")]
    TooLarge {
        /// Bytes given.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Not an Entraide envelope (wrong first bytes).
    #[error("not an Entraide transfer")]
    NotEnvelope,
    /// Written by a newer format.
    #[error("transfer format {0} is not supported (this version reads 1)")]
    UnsupportedVersion(u8),
    /// Cut short, lengths that do not add up, unknown flags or bytes after the end.
    #[error("damaged transfer ({0})")]
    Malformed(&'static str),
    /// A kind number this version does not know.
    #[error("unknown kind of content {0}")]
    UnknownKind(u8),
    /// A kind the caller did not expect here (e.g. an answer where an invitation is awaited).
    #[error("unexpected kind of content {0:?}")]
    UnexpectedKind(Kind),
    /// More recipients than [`MAX_RECIPIENTS`].
    #[error("{0} recipients is over the limit")]
    TooManyRecipients(usize),
    /// The signature does not match: the bytes were changed or the sender key is not theirs.
    #[error("the signature does not match")]
    BadSignature,
    /// Signed for another group than the one expected.
    #[error("this transfer belongs to another group")]
    WrongGroup,
    /// Already accepted once (same sender and sequence number).
    #[error("this transfer was already received")]
    Replayed,
    /// Encrypted for other phones, not this one.
    #[error("this transfer is not addressed to this phone")]
    NotForMe,
    /// Personal content sent in clear.
    #[error("this kind of content must be encrypted")]
    NotEncrypted,
    /// Encrypted, but the age payload could not be opened.
    #[error("the encrypted content could not be opened ({0})")]
    Decryption(&'static str),
    /// A passphrase-protected age file: refused before any scrypt work.
    #[error("passphrase-protected transfers are refused")]
    PassphraseProtected,
    /// The body does not inflate within [`MAX_BODY_LEN`].
    #[error(transparent)]
    Compression(#[from] CompressError),
    /// The body is not the expected value.
    #[error("the content is not what was expected")]
    Content,
    /// A key in the header or body is not a valid key.
    #[error(transparent)]
    Key(#[from] IdentityError),
    /// Encryption failed (should not happen).
    #[error("encryption failed")]
    Encryption,
}

/// The signed header of an envelope, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// What the body is.
    pub kind: Kind,
    /// The group it is meant for.
    pub group: GroupId,
    /// Who signed it.
    pub sender: SignerKey,
    /// The sender's sequence number (never reused by one sender).
    pub seq: u64,
    /// Who it is encrypted to (empty: clear).
    pub recipients: Vec<RecipientKey>,
}

/// What [`open`] checks beyond the signature.
#[derive(Debug, Clone, Copy)]
pub struct Expect<'a> {
    /// Kinds accepted here.
    pub kinds: &'a [Kind],
    /// The group it must belong to (`None`: any, e.g. when scanning an invitation).
    pub group: Option<GroupId>,
    /// This phone's identity, needed for encrypted kinds.
    pub identity: Option<&'a DeviceIdentity>,
}

/// A verified, decrypted envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The signed header.
    pub header: Header,
    /// The body, decrypted and inflated.
    pub body: Vec<u8>,
}

impl Opened {
    /// The body as a typed value; trailing bytes are refused.
    pub fn content<T: DeserializeOwned>(&self) -> Result<T, EnvelopeError> {
        decode_body(&self.body)
    }
}

/// The compact binary form of a body value.
pub fn encode_body<T: Serialize>(value: &T) -> Result<Vec<u8>, EnvelopeError> {
    postcard::to_allocvec(value).map_err(|_| EnvelopeError::Content)
}

/// A body value back from its binary form; trailing bytes are refused.
pub fn decode_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, EnvelopeError> {
    match postcard::take_from_bytes(bytes) {
        Ok((value, [])) => Ok(value),
        _ => Err(EnvelopeError::Content),
    }
}

/// Seals `body` into a signed envelope, encrypted to `recipients` (clear if empty).
pub fn seal(
    identity: &DeviceIdentity,
    kind: Kind,
    group: GroupId,
    seq: u64,
    recipients: &[RecipientKey],
    body: &[u8],
) -> Result<Vec<u8>, EnvelopeError> {
    if recipients.len() > MAX_RECIPIENTS {
        return Err(EnvelopeError::TooManyRecipients(recipients.len()));
    }
    if recipients.is_empty() && kind.must_be_encrypted() {
        return Err(EnvelopeError::NotEncrypted);
    }
    if body.len() > MAX_BODY_LEN {
        return Err(CompressError::TooLarge { max: MAX_BODY_LEN }.into());
    }
    let mut flags = 0;
    let packed = match deflate(body) {
        Some(smaller) => {
            flags |= FLAG_DEFLATED;
            smaller
        }
        None => body.to_vec(),
    };
    let payload = if recipients.is_empty() {
        packed
    } else {
        flags |= FLAG_ENCRYPTED;
        encrypt(recipients, &packed)?
    };
    sign_raw(identity, kind, flags, group, seq, recipients, &payload)
}

/// Assembles and signs an envelope around an already prepared payload, with the given
/// flags. Only for tests that need hostile but correctly signed envelopes (a signed
/// compression bomb, a passphrase-protected payload); the app always calls [`seal`].
#[doc(hidden)]
pub fn sign_raw(
    identity: &DeviceIdentity,
    kind: Kind,
    flags: u8,
    group: GroupId,
    seq: u64,
    recipients: &[RecipientKey],
    payload: &[u8],
) -> Result<Vec<u8>, EnvelopeError> {
    if recipients.len() > MAX_RECIPIENTS {
        return Err(EnvelopeError::TooManyRecipients(recipients.len()));
    }
    let payload_len = u32::try_from(payload.len()).map_err(|_| EnvelopeError::TooLarge {
        len: payload.len(),
        max: MAX_ENVELOPE_LEN,
    })?;
    let mut out = Vec::with_capacity(FIXED_HEADER_LEN + 32 * recipients.len() + payload.len() + 68);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&[FORMAT_VERSION, kind.code(), flags]);
    out.extend_from_slice(&group.0);
    out.extend_from_slice(&identity.signer().0);
    out.extend_from_slice(&seq.to_be_bytes());
    // Checked above: at most MAX_RECIPIENTS (255) fits in a byte.
    out.push(recipients.len() as u8);
    for recipient in recipients {
        out.extend_from_slice(&recipient.0);
    }
    out.extend_from_slice(&payload_len.to_be_bytes());
    out.extend_from_slice(payload);
    let signature = identity.sign(&signed_message(&out));
    out.extend_from_slice(&signature);
    if out.len() > MAX_ENVELOPE_LEN {
        return Err(EnvelopeError::TooLarge {
            len: out.len(),
            max: MAX_ENVELOPE_LEN,
        });
    }
    Ok(out)
}

/// Reads only the signed header, checking layout and signature but nothing else.
pub fn peek(bytes: &[u8]) -> Result<Header, EnvelopeError> {
    parse(bytes).map(|parsed| parsed.header)
}

/// Verifies and opens an envelope, in order: size, layout, kind, signature, group, replay,
/// recipient, then decryption and inflation (both bounded).
pub fn open(bytes: &[u8], expect: &Expect<'_>, seen: &Seen) -> Result<Opened, EnvelopeError> {
    let parsed = parse(bytes)?;
    let header = parsed.header;
    if !expect.kinds.contains(&header.kind) {
        return Err(EnvelopeError::UnexpectedKind(header.kind));
    }
    if expect.group.is_some_and(|group| group != header.group) {
        return Err(EnvelopeError::WrongGroup);
    }
    if seen.contains(header.sender, header.seq) {
        return Err(EnvelopeError::Replayed);
    }
    let packed = if parsed.flags & FLAG_ENCRYPTED != 0 {
        let identity = expect.identity.ok_or(EnvelopeError::NotForMe)?;
        if !header.recipients.contains(&identity.recipient()) {
            return Err(EnvelopeError::NotForMe);
        }
        decrypt(identity, parsed.payload)?
    } else {
        if header.kind.must_be_encrypted() {
            return Err(EnvelopeError::NotEncrypted);
        }
        parsed.payload.to_vec()
    };
    let body = if parsed.flags & FLAG_DEFLATED != 0 {
        inflate(&packed, MAX_BODY_LEN)?
    } else if packed.len() > MAX_BODY_LEN {
        return Err(CompressError::TooLarge { max: MAX_BODY_LEN }.into());
    } else {
        packed
    };
    Ok(Opened { header, body })
}

struct Parsed<'a> {
    header: Header,
    flags: u8,
    payload: &'a [u8],
}

/// Layout and signature checks, shared by [`peek`] and [`open`].
fn parse(bytes: &[u8]) -> Result<Parsed<'_>, EnvelopeError> {
    if bytes.len() > MAX_ENVELOPE_LEN {
        return Err(EnvelopeError::TooLarge {
            len: bytes.len(),
            max: MAX_ENVELOPE_LEN,
        });
    }
    let mut reader = Reader(bytes);
    if reader.take(2)? != MAGIC {
        return Err(EnvelopeError::NotEnvelope);
    }
    let version = reader.byte()?;
    if version != FORMAT_VERSION {
        return Err(EnvelopeError::UnsupportedVersion(version));
    }
    let kind_code = reader.byte()?;
    let kind = Kind::from_code(kind_code).ok_or(EnvelopeError::UnknownKind(kind_code))?;
    let flags = reader.byte()?;
    if flags & !(FLAG_ENCRYPTED | FLAG_DEFLATED) != 0 {
        return Err(EnvelopeError::Malformed("unknown flags"));
    }
    let group = GroupId(reader.array()?);
    let sender = SignerKey(reader.array()?);
    let seq = u64::from_be_bytes(reader.array()?);
    let count = usize::from(reader.byte()?);
    if count > MAX_RECIPIENTS {
        return Err(EnvelopeError::TooManyRecipients(count));
    }
    if (count > 0) != (flags & FLAG_ENCRYPTED != 0) {
        return Err(EnvelopeError::Malformed(
            "recipients and encryption disagree",
        ));
    }
    let mut recipients = Vec::with_capacity(count);
    for _ in 0..count {
        recipients.push(RecipientKey(reader.array()?));
    }
    let payload_len = u32::from_be_bytes(reader.array()?);
    let payload_len =
        usize::try_from(payload_len).map_err(|_| EnvelopeError::Malformed("length"))?;
    let payload = reader.take(payload_len)?;
    let signed_len = bytes.len() - reader.0.len();
    let signature: [u8; SIGNATURE_LEN] = reader.array()?;
    if !reader.0.is_empty() {
        return Err(EnvelopeError::Malformed("bytes after the signature"));
    }
    let signed = bytes
        .get(..signed_len)
        .ok_or(EnvelopeError::Malformed("length"))?;
    sender
        .verifying_key()
        .map_err(|_| EnvelopeError::BadSignature)?
        .verify_strict(&signed_message(signed), &Signature::from_bytes(&signature))
        .map_err(|_| EnvelopeError::BadSignature)?;
    Ok(Parsed {
        header: Header {
            kind,
            group,
            sender,
            seq,
            recipients,
        },
        flags,
        payload,
    })
}

fn signed_message(signed: &[u8]) -> Vec<u8> {
    let mut message = Vec::with_capacity(SIGNING_DOMAIN.len() + signed.len());
    message.extend_from_slice(SIGNING_DOMAIN);
    message.extend_from_slice(signed);
    message
}

/// Below this size, [`encrypt`] keeps the shortest of several encryptions.
const SHORTEST_OF_BELOW: usize = 1024;
/// How many encryptions to compare for small payloads.
const SHORTEST_OF: usize = 8;

/// Encrypts to `recipients` with age. age adds a random "grease" stanza of 10 to 200 bytes
/// to every file; for small payloads (pairing cards must fit in one easily read code) the
/// shortest of a few encryptions is kept. Each costs one X25519 exchange per recipient.
fn encrypt(recipients: &[RecipientKey], plaintext: &[u8]) -> Result<Vec<u8>, EnvelopeError> {
    let tries = if plaintext.len() < SHORTEST_OF_BELOW {
        SHORTEST_OF
    } else {
        1
    };
    let mut best = encrypt_once(recipients, plaintext)?;
    for _ in 1..tries {
        let candidate = encrypt_once(recipients, plaintext)?;
        if candidate.len() < best.len() {
            best = candidate;
        }
    }
    Ok(best)
}

fn encrypt_once(recipients: &[RecipientKey], plaintext: &[u8]) -> Result<Vec<u8>, EnvelopeError> {
    let ages = recipients
        .iter()
        .map(|r| r.to_age())
        .collect::<Result<Vec<_>, _>>()?;
    let encryptor = age::Encryptor::with_recipients(ages.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|_| EnvelopeError::Encryption)?;
    let mut out = Vec::with_capacity(plaintext.len() + 200 * recipients.len());
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|_| EnvelopeError::Encryption)?;
    writer
        .write_all(plaintext)
        .and_then(|()| writer.finish().map(|_| ()))
        .map_err(|_| EnvelopeError::Encryption)?;
    Ok(out)
}

fn decrypt(identity: &DeviceIdentity, ciphertext: &[u8]) -> Result<Vec<u8>, EnvelopeError> {
    let decryptor =
        age::Decryptor::new(ciphertext).map_err(|_| EnvelopeError::Decryption("age header"))?;
    if decryptor.is_scrypt() {
        return Err(EnvelopeError::PassphraseProtected);
    }
    let mut reader = decryptor
        .decrypt(std::iter::once(
            identity.age_identity() as &dyn age::Identity
        ))
        .map_err(|_| EnvelopeError::Decryption("no key opens it"))?;
    let mut plain = Vec::new();
    // One byte over the limit is enough to know it is too long.
    (&mut reader)
        .take(MAX_BODY_LEN as u64 + 1)
        .read_to_end(&mut plain)
        .map_err(|_| EnvelopeError::Decryption("payload"))?;
    if plain.len() > MAX_BODY_LEN {
        return Err(CompressError::TooLarge { max: MAX_BODY_LEN }.into());
    }
    Ok(plain)
}

/// A cursor over untrusted bytes: every read is bounds-checked.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EnvelopeError> {
        if n > self.0.len() {
            return Err(EnvelopeError::Malformed("cut short"));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, EnvelopeError> {
        Ok(self.array::<1>()?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], EnvelopeError> {
        let slice = self.take(N)?;
        <[u8; N]>::try_from(slice).map_err(|_| EnvelopeError::Malformed("cut short"))
    }
}
