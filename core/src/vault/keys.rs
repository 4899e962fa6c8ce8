//! The data key (32 random bytes, zeroized on drop), its wrapping by the passphrase with
//! age's scrypt recipient, and the HKDF-SHA256 sub-keys derived from it (one to encrypt
//! record batches, one to hash store keys).
//!
//! Wrapped key layout (what the app stores, opaque): `"ENTK"` magic (4 bytes), wrapped-key
//! format version (1 byte, currently 1), scrypt work factor (1 byte, a copy for display and
//! a fast check; it must equal the one in age's header), then a binary age file whose
//! plaintext is the 32-byte data key.

use hkdf::Hkdf;
use rand_core::{OsRng, RngCore};
use sha2::Sha256;
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::age_io::{self, AgeFailure};
use super::error::VaultError;
use super::migrate::{check_version, WRAPPED_KEY_VERSION};
use super::work_factor::check_for_open;

/// Magic bytes at the start of a wrapped key.
pub const WRAPPED_KEY_MAGIC: &[u8; 4] = b"ENTK";
const WRAPPED_HEADER_LEN: usize = 6;
const HKDF_SALT: &[u8] = b"entraide/vault/v1";
const INFO_RECORDS: &[u8] = b"entraide/vault/v1/record-batches";
const INFO_STORE_KEYS: &[u8] = b"entraide/vault/v1/store-keys";

/// Length of every key in the vault.
pub const KEY_LEN: usize = 32;

/// The random data key. Never leaves the process unwrapped.
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct DataKey([u8; KEY_LEN]);

impl DataKey {
    pub(crate) fn random() -> Result<Self, VaultError> {
        let mut key = [0u8; KEY_LEN];
        OsRng
            .try_fill_bytes(&mut key)
            .map_err(|_| VaultError::Internal {
                what: "random source",
            })?;
        Ok(DataKey(key))
    }

    pub(crate) fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        DataKey(bytes)
    }

    /// Derives the two sub-keys with HKDF-SHA256.
    pub(crate) fn sub_keys(&self) -> SubKeys {
        let hk = Hkdf::<Sha256>::new(Some(HKDF_SALT), &self.0);
        let mut keys = SubKeys {
            records: [0; KEY_LEN],
            store_keys: [0; KEY_LEN],
        };
        // 32 bytes is far below HKDF's 255 × 32 limit: expand cannot fail here.
        let ok = hk.expand(INFO_RECORDS, &mut keys.records).is_ok()
            && hk.expand(INFO_STORE_KEYS, &mut keys.store_keys).is_ok();
        debug_assert!(ok);
        keys
    }
}

/// Keys derived from the data key.
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct SubKeys {
    /// XChaCha20-Poly1305 key for record batches.
    pub(crate) records: [u8; KEY_LEN],
    /// HMAC-SHA256 key for store keys.
    pub(crate) store_keys: [u8; KEY_LEN],
}

/// Wraps the data key with the passphrase (age scrypt at `log_n`, checked by the caller).
pub(crate) fn wrap(key: &DataKey, passphrase: &str, log_n: u8) -> Result<Vec<u8>, VaultError> {
    let age_file = age_io::encrypt(passphrase, log_n, &key.0, false).map_err(map_failure)?;
    let mut out = Vec::with_capacity(WRAPPED_HEADER_LEN + age_file.len());
    out.extend_from_slice(WRAPPED_KEY_MAGIC);
    out.push(WRAPPED_KEY_VERSION);
    out.push(log_n);
    out.extend_from_slice(&age_file);
    Ok(out)
}

/// Reads the work factor recorded in a wrapped key, without any cryptography (for display).
pub fn wrapped_work_factor(wrapped: &[u8]) -> Result<u8, VaultError> {
    let (_, log_n, _) = split_header(wrapped)?;
    Ok(log_n)
}

fn split_header(wrapped: &[u8]) -> Result<(u8, u8, &[u8]), VaultError> {
    if wrapped.len() < WRAPPED_HEADER_LEN || &wrapped[..4] != WRAPPED_KEY_MAGIC {
        return Err(VaultError::damaged("not a wrapped key"));
    }
    let version = wrapped[4];
    check_version(u32::from(version), WRAPPED_KEY_VERSION, WRAPPED_KEY_VERSION)?;
    Ok((version, wrapped[5], &wrapped[WRAPPED_HEADER_LEN..]))
}

/// Unwraps the data key. Returns it with the work factor it was wrapped at.
pub(crate) fn unwrap(passphrase: &str, wrapped: &[u8]) -> Result<(DataKey, u8), VaultError> {
    let (_, log_n, age_file) = split_header(wrapped)?;
    check_for_open(u32::from(log_n))?;
    let in_age = super::work_factor::age_scrypt_work_factors(age_file)
        .ok_or(VaultError::damaged("wrapped key is not an age file"))?;
    if in_age.len() != 1 {
        return Err(VaultError::damaged(
            "wrapped key has no single scrypt stanza",
        ));
    }
    if in_age[0] != u32::from(log_n) {
        // Refuse before any work: the copy in our header was changed, or age's was.
        check_for_open(in_age[0])?;
        return Err(VaultError::damaged("work factor does not match"));
    }
    let plaintext = age_io::decrypt(passphrase, age_file).map_err(map_failure)?;
    let bytes: [u8; KEY_LEN] = plaintext
        .as_slice()
        .try_into()
        .map_err(|_| VaultError::damaged("wrapped key length"))?;
    Ok((DataKey::from_bytes(bytes), log_n))
}

fn map_failure(f: AgeFailure) -> VaultError {
    match f {
        AgeFailure::NotAge | AgeFailure::NotPassphrase => {
            VaultError::damaged("wrapped key is not a passphrase age file")
        }
        AgeFailure::TooMuchWork(found) => VaultError::WorkFactorTooHigh {
            found,
            max: super::work_factor::MAX_WORK_FACTOR,
        },
        AgeFailure::WrongPassphrase => VaultError::WrongPassphrase,
        AgeFailure::Damaged(what) => VaultError::damaged(what),
        AgeFailure::Internal(what) => VaultError::Internal { what },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_keys_differ_and_are_deterministic() {
        let k = DataKey::from_bytes([7; KEY_LEN]);
        let a = k.sub_keys();
        let b = k.sub_keys();
        assert_eq!(a.records, b.records);
        assert_ne!(a.records, a.store_keys);
        assert_ne!(a.records, [7; KEY_LEN]);
        let other = DataKey::from_bytes([8; KEY_LEN]).sub_keys();
        assert_ne!(a.records, other.records);
    }

    #[test]
    fn header_is_checked_before_work() {
        assert_eq!(
            wrapped_work_factor(b"ENTK").map_err(|e| e.code()),
            Err("damaged")
        );
        assert_eq!(
            wrapped_work_factor(b"XXXX\x01\x10age").map_err(|e| e.code()),
            Err("damaged")
        );
        assert_eq!(
            wrapped_work_factor(b"ENTK\x02\x10age").map_err(|e| e.code()),
            Err("newer_version")
        );
        assert_eq!(wrapped_work_factor(b"ENTK\x01\x10age"), Ok(16));
    }
}
