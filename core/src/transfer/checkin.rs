//! The "Je suis là" code: what a participant's phone shows at the start of a session, so
//! the animator checks them in with one scan and the matching uses their real levels. It
//! carries today's need, the device brought, whether they help today and their latest
//! self-assessment, and must stay one small code (QR version ≤ 10 at medium correction), so
//! it is not an age envelope but a compact format:
//!
//! ```text
//! "EJ" | version u8 | group tag [4] | person [16] | seq u32 BE | n u8
//!      | n × (recipient tag [4] | wrapped key [32]) | ChaCha20-Poly1305(payload)
//! ```
//!
//! A random key `K` encrypts the payload (the header is authenticated as associated data).
//! For each animator, `K` is XORed with HKDF-SHA256 of the static X25519 agreement between
//! the participant's receiving key and the animator's, bound to the group, the person, the
//! number and the recipient. Only the participant and that animator can compute it: the
//! code can be read only by the animators, and an animator who opens it knows that the
//! participant's phone made it (the agreement authenticates both ends, as Noise's static
//! keys do) — so no 64-byte signature is needed. It says the day it was made: a code filmed
//! last week is refused today.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::ChaCha20Poly1305;
use hkdf::Hkdf;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};
use thiserror::Error;
use zeroize::Zeroizing;

use super::identity::{DeviceIdentity, RecipientKey};
use super::{GroupId, PersonId};
use crate::model::{Day, Device, Skills, TopicId, TopicLevel};

/// First bytes of a check-in code.
pub const MAGIC: [u8; 2] = *b"EJ";
/// The only version this build writes and reads.
pub const VERSION: u8 = 1;
/// Most animators a code is readable by (each adds 36 bytes).
pub const MAX_ANIMATORS: usize = 3;
/// Most topics a group's list may have for the levels to fit.
pub const MAX_TOPICS: usize = 64;
/// Days are written as an offset from 2020-01-01.
const DAY_ORIGIN: u32 = 18_262;
const INFO: &[u8] = b"entraide/checkin/v1";
const HEADER_FIXED: usize = 2 + 1 + 4 + 16 + 4 + 1;
const TAG_LEN: usize = 16;

/// What the participant tells the animator on arrival.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkin {
    /// The day the code was made.
    pub day: Day,
    /// Today's need (a topic of the group's list), if any.
    pub need: Option<TopicId>,
    /// The device brought.
    pub device: Option<Device>,
    /// Willing to help today.
    pub helps: bool,
    /// The latest self-assessment, if any.
    pub skills: Option<Skills>,
}

/// A check-in code as read by an animator's phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadCheckin {
    /// Who.
    pub person: PersonId,
    /// Their number for it.
    pub seq: u32,
    /// What it says.
    pub checkin: Checkin,
}

/// Why a check-in code could not be made or read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CheckinError {
    /// Not a check-in code.
    #[error("not a check-in code")]
    NotCheckin,
    /// Made by a newer version.
    #[error("made by a newer version ({0})")]
    NewerVersion(u8),
    /// Cut short or with bytes after the end.
    #[error("the code is damaged")]
    Damaged,
    /// For another group.
    #[error("this code is for another group")]
    WrongGroup,
    /// Not readable by this phone (not one of the group's animators, or not for it).
    #[error("this code is not for this phone")]
    NotForMe,
    /// The person is not a member whose key this phone knows.
    #[error("the person is not a known member")]
    UnknownPerson,
    /// The code does not open: altered, or not made by that person's phone.
    #[error("the code does not open")]
    Forged,
    /// The two phones do not have the same topic list.
    #[error("the topic lists differ")]
    TopicsDiffer,
    /// Made another day.
    #[error("this code was made on another day")]
    OtherDay,
    /// No animator, too many, too many topics, or a need outside the list.
    #[error("the code cannot be made: {0}")]
    Unsupported(&'static str),
}

fn topics_hash(topics: &[TopicId]) -> [u8; 2] {
    let mut h = Sha256::new();
    for t in topics {
        h.update(t.as_bytes());
        h.update([0]);
    }
    let d = h.finalize();
    [d[0], d[1]]
}

fn tag4(bytes: &[u8]) -> [u8; 4] {
    let mut out = [0u8; 4];
    out.copy_from_slice(&bytes[..4]);
    out
}

fn pad(
    identity: &DeviceIdentity,
    peer: RecipientKey,
    group: GroupId,
    person: PersonId,
    seq: u32,
    recipient_tag: [u8; 4],
) -> Option<Zeroizing<[u8; 32]>> {
    let shared = identity.agree(peer)?;
    let hk = Hkdf::<Sha256>::new(Some(&group.0), shared.as_ref());
    let mut info = Vec::with_capacity(INFO.len() + 24);
    info.extend_from_slice(INFO);
    info.extend_from_slice(&person.0);
    info.extend_from_slice(&seq.to_be_bytes());
    info.extend_from_slice(&recipient_tag);
    let mut out = Zeroizing::new([0u8; 32]);
    hk.expand(&info, out.as_mut()).ok()?;
    Some(out)
}

fn day_to_u16(day: Day) -> u16 {
    u16::try_from(day.0.saturating_sub(DAY_ORIGIN)).unwrap_or(u16::MAX)
}

fn encode_payload(checkin: &Checkin, topics: &[TopicId]) -> Result<Vec<u8>, CheckinError> {
    let need = match &checkin.need {
        None => 0,
        Some(t) => {
            let i = topics
                .iter()
                .position(|x| x == t)
                .ok_or(CheckinError::Unsupported(
                    "the need is not in the topic list",
                ))?;
            u8::try_from(i + 1).map_err(|_| CheckinError::Unsupported("too many topics"))?
        }
    };
    let device = checkin.device.map_or(0, |d| {
        1 + Device::ALL.iter().position(|x| *x == d).unwrap_or(0) as u8
    });
    let mut out = Vec::with_capacity(12 + topics.len());
    out.extend_from_slice(&topics_hash(topics));
    out.extend_from_slice(&day_to_u16(checkin.day).to_be_bytes());
    out.push(need);
    out.push(device);
    out.push(u8::from(checkin.helps) | (u8::from(checkin.skills.is_some()) << 1));
    if let Some(skills) = &checkin.skills {
        out.extend_from_slice(&day_to_u16(skills.on).to_be_bytes());
        // One byte per topic: level (2 bits), stars (3 bits), wants (1 bit), answered (1 bit).
        for t in topics {
            out.push(match skills.topics.get(t) {
                None => 0,
                Some(l) => {
                    0x80 | (u8::from(l.wants) << 5) | ((l.stars.min(5)) << 2) | l.level.min(3)
                }
            });
        }
    }
    Ok(out)
}

fn decode_payload(bytes: &[u8], topics: &[TopicId]) -> Result<Checkin, CheckinError> {
    let take = |i: usize| bytes.get(i).copied().ok_or(CheckinError::Damaged);
    if bytes.get(..2) != Some(&topics_hash(topics)[..]) {
        return Err(CheckinError::TopicsDiffer);
    }
    let day = Day(DAY_ORIGIN + u32::from(u16::from_be_bytes([take(2)?, take(3)?])));
    let need = match take(4)? {
        0 => None,
        i => Some(
            topics
                .get(usize::from(i) - 1)
                .cloned()
                .ok_or(CheckinError::Damaged)?,
        ),
    };
    let device = match take(5)? {
        0 => None,
        d => Some(
            *Device::ALL
                .get(usize::from(d) - 1)
                .ok_or(CheckinError::Damaged)?,
        ),
    };
    let flags = take(6)?;
    if flags & !0b11 != 0 {
        return Err(CheckinError::Damaged);
    }
    let skills = if flags & 0b10 != 0 {
        let on = Day(DAY_ORIGIN + u32::from(u16::from_be_bytes([take(7)?, take(8)?])));
        if bytes.len() != 9 + topics.len() {
            return Err(CheckinError::Damaged);
        }
        let mut map = std::collections::BTreeMap::new();
        for (t, b) in topics.iter().zip(&bytes[9..]) {
            if b & 0x80 == 0 {
                if *b != 0 {
                    return Err(CheckinError::Damaged);
                }
                continue;
            }
            let stars = (b >> 2) & 0b111;
            if stars > 5 || b & 0x40 != 0 {
                return Err(CheckinError::Damaged);
            }
            map.insert(
                t.clone(),
                TopicLevel {
                    level: b & 0b11,
                    stars,
                    wants: b & 0x20 != 0,
                },
            );
        }
        Some(Skills { on, topics: map })
    } else {
        if bytes.len() != 7 {
            return Err(CheckinError::Damaged);
        }
        None
    };
    Ok(Checkin {
        day,
        need,
        device,
        helps: flags & 1 != 0,
        skills,
    })
}

/// Makes the code `person` shows, readable by the `animators` of `group`. `topics` is the
/// group's topic list in its order (both phones must have the same).
pub fn seal(
    identity: &DeviceIdentity,
    group: GroupId,
    person: PersonId,
    seq: u32,
    animators: &[RecipientKey],
    topics: &[TopicId],
    checkin: &Checkin,
) -> Result<Vec<u8>, CheckinError> {
    if animators.is_empty() || animators.len() > MAX_ANIMATORS {
        return Err(CheckinError::Unsupported("one to three animators"));
    }
    if topics.len() > MAX_TOPICS {
        return Err(CheckinError::Unsupported("too many topics"));
    }
    let payload = encode_payload(checkin, topics)?;
    let mut key = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(key.as_mut());
    let mut out = Vec::with_capacity(HEADER_FIXED + 36 * animators.len() + payload.len() + 16);
    out.extend_from_slice(&MAGIC);
    out.push(VERSION);
    out.extend_from_slice(&group.0[..4]);
    out.extend_from_slice(&person.0);
    out.extend_from_slice(&seq.to_be_bytes());
    out.push(animators.len() as u8);
    for animator in animators {
        let tag = tag4(&animator.0);
        let pad = pad(identity, *animator, group, person, seq, tag)
            .ok_or(CheckinError::Unsupported("an animator's key is not valid"))?;
        out.extend_from_slice(&tag);
        out.extend(key.iter().zip(pad.iter()).map(|(k, p)| k ^ p));
    }
    let cipher = ChaCha20Poly1305::new(key.as_ref().into());
    let sealed = cipher
        .encrypt(
            &[0u8; 12].into(),
            Payload {
                msg: &payload,
                aad: &out,
            },
        )
        .map_err(|_| CheckinError::Unsupported("encryption"))?;
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Whether `bytes` look like a check-in code (to route a scan).
pub fn is_checkin(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// Reads a code on an animator's phone (`identity`) for `group`, made `today`. `key_of`
/// gives a member's receiving key; `topics` is the group's topic list in its order.
pub fn open(
    bytes: &[u8],
    identity: &DeviceIdentity,
    group: GroupId,
    today: Day,
    key_of: impl Fn(PersonId) -> Option<RecipientKey>,
    topics: &[TopicId],
) -> Result<ReadCheckin, CheckinError> {
    if !is_checkin(bytes) {
        return Err(CheckinError::NotCheckin);
    }
    let version = *bytes.get(2).ok_or(CheckinError::Damaged)?;
    if version != VERSION {
        return Err(CheckinError::NewerVersion(version));
    }
    if bytes.len() < HEADER_FIXED + TAG_LEN {
        return Err(CheckinError::Damaged);
    }
    if bytes[3..7] != group.0[..4] {
        return Err(CheckinError::WrongGroup);
    }
    let person = PersonId(bytes[7..23].try_into().map_err(|_| CheckinError::Damaged)?);
    let seq = u32::from_be_bytes(
        bytes[23..27]
            .try_into()
            .map_err(|_| CheckinError::Damaged)?,
    );
    let count = usize::from(bytes[27]);
    if count == 0 || count > MAX_ANIMATORS {
        return Err(CheckinError::Damaged);
    }
    let header_len = HEADER_FIXED + 36 * count;
    if bytes.len() < header_len + TAG_LEN {
        return Err(CheckinError::Damaged);
    }
    let mine = tag4(&identity.recipient().0);
    let slot = (0..count)
        .map(|i| &bytes[HEADER_FIXED + 36 * i..HEADER_FIXED + 36 * (i + 1)])
        .find(|s| s[..4] == mine)
        .ok_or(CheckinError::NotForMe)?;
    let their_key = key_of(person).ok_or(CheckinError::UnknownPerson)?;
    let pad = pad(identity, their_key, group, person, seq, mine).ok_or(CheckinError::Forged)?;
    let mut key = Zeroizing::new([0u8; 32]);
    for (k, (w, p)) in key.iter_mut().zip(slot[4..].iter().zip(pad.iter())) {
        *k = w ^ p;
    }
    let cipher = ChaCha20Poly1305::new(key.as_ref().into());
    let payload = cipher
        .decrypt(
            &[0u8; 12].into(),
            Payload {
                msg: &bytes[header_len..],
                aad: &bytes[..header_len],
            },
        )
        .map_err(|_| CheckinError::Forged)?;
    let checkin = decode_payload(&payload, topics)?;
    if checkin.day != today {
        return Err(CheckinError::OtherDay);
    }
    Ok(ReadCheckin {
        person,
        seq,
        checkin,
    })
}
