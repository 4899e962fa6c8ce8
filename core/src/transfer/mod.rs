//! Transfers between phones, by QR codes only.
//!
//! - [`identity`]: each phone's X25519 (receive) and Ed25519 (sign) keys, kept in the vault.
//! - [`envelope`]: the versioned, signed, optionally age-encrypted wire format.
//! - [`pairing`]: offer, answer and confirmation code (joining a group, pairing in a session).
//! - [`fountain`], [`base45`], [`text`], [`frames`]: one QR code when the payload fits,
//!   otherwise an endless stream of animated codes from which any large enough subset, in any
//!   order, rebuilds it; text in QR-alphanumeric form so scanners that return strings work.
//! - [`qr`]: QR matrices to draw and a decoder for camera frames.
//! - [`checkin`]: the compact "Je suis là" code a participant shows on arrival.
//! - [`seen`]: the replay guard.

pub mod base45;
pub mod checkin;
pub mod compress;
pub mod confirm;
pub mod crc32;
pub mod envelope;
pub mod fountain;
pub mod frames;
pub mod identity;
pub mod pairing;
pub mod qr;
pub mod seen;
pub mod text;

use std::fmt;

use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};

pub use confirm::ConfirmationCode;
pub use envelope::{EnvelopeError, Kind};
pub use identity::{DeviceIdentity, IdentityError, RecipientKey, SignerKey, StoredIdentity};
pub use seen::Seen;

/// A group's random id: every payload is signed for one group.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GroupId(pub [u8; 16]);

/// A person's random, pseudonymous id.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonId(pub [u8; 16]);

fn random_16() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl GroupId {
    /// A fresh random id.
    pub fn random() -> Self {
        Self(random_16())
    }

    /// Its 32 hex digits (for storage keys and URLs).
    pub fn to_hex(self) -> String {
        hex(&self.0)
    }

    /// Back from [`Self::to_hex`].
    pub fn from_hex(text: &str) -> Option<Self> {
        from_hex(text).map(Self)
    }
}

impl PersonId {
    /// A fresh random id.
    pub fn random() -> Self {
        Self(random_16())
    }

    /// Its 32 hex digits.
    pub fn to_hex(self) -> String {
        hex(&self.0)
    }

    /// Back from [`Self::to_hex`].
    pub fn from_hex(text: &str) -> Option<Self> {
        from_hex(text).map(Self)
    }
}

impl fmt::Debug for GroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "GroupId({})", self.to_hex())
    }
}

impl fmt::Debug for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PersonId({})", self.to_hex())
    }
}
