//! The device identity used for transfers: an X25519 key (an age recipient) to receive
//! encrypted payloads and an Ed25519 key to sign what this phone sends. Both are created with
//! the vault and stored inside it ([`StoredIdentity`]); only the public halves ever leave the
//! phone, inside signed QR payloads.

use std::fmt;
use std::str::FromStr;

use age::secrecy::ExposeSecret;
use bech32::{FromBase32, ToBase32, Variant};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Human-readable part of age's X25519 recipients (`age1…`).
const AGE_HRP: &str = "age";

/// Why an identity or a public key could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IdentityError {
    /// The stored X25519 secret is not an age identity.
    #[error("the stored receiving key is not a valid age identity")]
    BadReceivingKey,
    /// Bytes that should be an X25519 public key are not one.
    #[error("not a valid age recipient")]
    BadRecipient,
    /// Bytes that should be an Ed25519 public key are not one (not a curve point).
    #[error("not a valid signing key")]
    BadSigningKey,
}

/// Public X25519 key of a device: what others encrypt to (an age recipient, raw bytes).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RecipientKey(pub [u8; 32]);

/// Public Ed25519 key of a device: what its signatures are checked against.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SignerKey(pub [u8; 32]);

impl RecipientKey {
    /// The age recipient (`age1…`) for these bytes.
    pub fn to_age(self) -> Result<age::x25519::Recipient, IdentityError> {
        let text = bech32::encode(AGE_HRP, self.0.to_base32(), Variant::Bech32)
            .map_err(|_| IdentityError::BadRecipient)?;
        age::x25519::Recipient::from_str(&text).map_err(|_| IdentityError::BadRecipient)
    }

    fn from_age(recipient: &age::x25519::Recipient) -> Result<Self, IdentityError> {
        let (hrp, data, _) =
            bech32::decode(&recipient.to_string()).map_err(|_| IdentityError::BadRecipient)?;
        let bytes = Vec::<u8>::from_base32(&data).map_err(|_| IdentityError::BadRecipient)?;
        match (hrp.as_str(), <[u8; 32]>::try_from(bytes.as_slice())) {
            (AGE_HRP, Ok(raw)) => Ok(Self(raw)),
            _ => Err(IdentityError::BadRecipient),
        }
    }
}

impl SignerKey {
    /// The Ed25519 verifying key, if these bytes are a valid point.
    pub fn verifying_key(self) -> Result<VerifyingKey, IdentityError> {
        VerifyingKey::from_bytes(&self.0).map_err(|_| IdentityError::BadSigningKey)
    }

    /// A short fingerprint (8 hex digits) for logs and lists; not a security check.
    pub fn short(self) -> String {
        self.0.iter().take(4).map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Debug for RecipientKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex: String = self.0.iter().take(4).map(|b| format!("{b:02x}")).collect();
        write!(f, "RecipientKey({hex}…)")
    }
}

impl fmt::Debug for SignerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SignerKey({}…)", self.short())
    }
}

/// The secret halves as kept in the vault (never shown, never sent).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
pub struct StoredIdentity {
    /// The age X25519 identity, `AGE-SECRET-KEY-1…`.
    pub receiving: String,
    /// The Ed25519 secret seed.
    pub signing: [u8; 32],
}

impl fmt::Debug for StoredIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StoredIdentity(…)")
    }
}

/// This phone's keys for transfers.
pub struct DeviceIdentity {
    receiving: age::x25519::Identity,
    signing: SigningKey,
    recipient: RecipientKey,
}

impl fmt::Debug for DeviceIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DeviceIdentity")
            .field("recipient", &self.recipient)
            .field("signer", &self.signer())
            .finish_non_exhaustive()
    }
}

impl DeviceIdentity {
    /// Fresh random keys (from the system's random source).
    pub fn generate() -> Result<Self, IdentityError> {
        let mut seed = Zeroizing::new([0u8; 32]);
        OsRng.fill_bytes(seed.as_mut());
        let receiving = age::x25519::Identity::generate();
        Self::from_parts(receiving, SigningKey::from_bytes(&seed))
    }

    /// The keys back from the vault.
    pub fn from_stored(stored: &StoredIdentity) -> Result<Self, IdentityError> {
        let receiving = age::x25519::Identity::from_str(&stored.receiving)
            .map_err(|_| IdentityError::BadReceivingKey)?;
        Self::from_parts(receiving, SigningKey::from_bytes(&stored.signing))
    }

    fn from_parts(
        receiving: age::x25519::Identity,
        signing: SigningKey,
    ) -> Result<Self, IdentityError> {
        let recipient = RecipientKey::from_age(&receiving.to_public())?;
        Ok(Self {
            receiving,
            signing,
            recipient,
        })
    }

    /// The secret halves, to be sealed in the vault.
    pub fn to_stored(&self) -> StoredIdentity {
        StoredIdentity {
            receiving: self.receiving.to_string().expose_secret().to_owned(),
            signing: self.signing.to_bytes(),
        }
    }

    /// What others encrypt to.
    pub fn recipient(&self) -> RecipientKey {
        self.recipient
    }

    /// What others check this phone's signatures against.
    pub fn signer(&self) -> SignerKey {
        SignerKey(self.signing.verifying_key().to_bytes())
    }

    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    pub(crate) fn age_identity(&self) -> &age::x25519::Identity {
        &self.receiving
    }

    /// The X25519 shared secret with `peer` (static keys on both sides), or `None` if the
    /// peer's key is a low-order point (the result would be all zeros).
    pub(crate) fn agree(&self, peer: RecipientKey) -> Option<Zeroizing<[u8; 32]>> {
        let text = self.receiving.to_string();
        let (_, data, _) = bech32::decode(&text.expose_secret().to_lowercase()).ok()?;
        let bytes = Zeroizing::new(Vec::<u8>::from_base32(&data).ok()?);
        let secret: [u8; 32] = bytes.as_slice().try_into().ok()?;
        let secret = x25519_dalek::StaticSecret::from(secret);
        let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(peer.0));
        shared
            .was_contributory()
            .then(|| Zeroizing::new(*shared.as_bytes()))
    }
}
