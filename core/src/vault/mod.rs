//! The vault: everything the app keeps on the phone is ciphertext, keys included.
//!
//! A random 32-byte data key is wrapped by the person's passphrase with age's scrypt
//! recipient (work factor set explicitly and bounded). From it, HKDF-SHA256 derives a key
//! for record batches (XChaCha20-Poly1305, header as associated data) and a key for store
//! keys (HMAC-SHA256). Modelled on matrix-rust-sdk's store cipher. Backups are standard
//! armored `.age` files that `rage -d` opens with the passphrase.
//!
//! The app stores only opaque bytes under opaque keys:
//!
//! ```
//! use entraide_core::vault::{Record, Vault};
//! # fn main() -> Result<(), entraide_core::vault::VaultError> {
//! let (vault, wrapped) = Vault::create("pomme lune velo", 10)?; // app: DEFAULT_WORK_FACTOR
//! let blob = vault.seal_batch(1, &[Record::new("help", "h1", serde_json::json!({"min": 30}))])?;
//! let name = vault.store_key("batch", "1"); // IndexedDB key for `blob`
//! let again = Vault::unlock("pomme lune velo", &wrapped)?;
//! assert_eq!(again.open_batch(&blob)?.records.len(), 1);
//! assert_eq!(again.store_key("batch", "1"), name);
//! # Ok(()) }
//! ```
//!
//! Core has no clock: callers pass times (backup `created_at`) and measure calibration.

mod age_io;
pub mod backup;
pub mod blob;
pub mod error;
pub mod keys;
pub mod migrate;
pub mod passphrase;
pub mod record;
mod store_key;
pub mod strength;
pub mod work_factor;

pub use backup::{export_backup, import_backup, BackupSnapshot};
pub use error::VaultError;
pub use keys::wrapped_work_factor;
pub use passphrase::{generate_passphrase, normalize_passphrase};
pub use rand_core::OsRng;
pub use record::{Batch, Record};
pub use strength::{passphrase_strength, Level, Strength};
pub use work_factor::{calibrate, DEFAULT_WORK_FACTOR, MAX_WORK_FACTOR};

use keys::{DataKey, SubKeys, KEY_LEN};

/// An unlocked vault. Its keys are zeroized when it is dropped.
pub struct Vault {
    data_key: DataKey,
    sub_keys: SubKeys,
    work_factor: u8,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("work_factor", &self.work_factor)
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// Creates a vault with a new random data key, wrapped by `passphrase` at
    /// `work_factor` (use [`DEFAULT_WORK_FACTOR`] or [`calibrate`]). Returns the vault and
    /// the wrapped key, which the app stores as is. Costs one scrypt.
    pub fn create(passphrase: &str, work_factor: u8) -> Result<(Vault, Vec<u8>), VaultError> {
        if passphrase.trim().is_empty() {
            return Err(VaultError::EmptyPassphrase);
        }
        work_factor::check_for_create(work_factor)?;
        let data_key = DataKey::random()?;
        let wrapped = keys::wrap(&data_key, passphrase, work_factor)?;
        Ok((Vault::from_data_key(data_key, work_factor), wrapped))
    }

    /// Unlocks a vault from its wrapped key. Costs one scrypt, unless the work factor is
    /// above [`MAX_WORK_FACTOR`], refused at once with [`VaultError::WorkFactorTooHigh`].
    pub fn unlock(passphrase: &str, wrapped: &[u8]) -> Result<Vault, VaultError> {
        let (data_key, work_factor) = keys::unwrap(passphrase, wrapped)?;
        Ok(Vault::from_data_key(data_key, work_factor))
    }

    /// Wraps the same data key with a new passphrase; returns the new wrapped key to store
    /// in place of the old one. Records need no re-encryption. The app must first confirm
    /// the old passphrase with [`Vault::unlock`]. Costs one scrypt.
    pub fn change_passphrase(
        &self,
        new_passphrase: &str,
        work_factor: u8,
    ) -> Result<Vec<u8>, VaultError> {
        if new_passphrase.trim().is_empty() {
            return Err(VaultError::EmptyPassphrase);
        }
        work_factor::check_for_create(work_factor)?;
        keys::wrap(&self.data_key, new_passphrase, work_factor)
    }

    /// The work factor this vault's key was wrapped at.
    pub fn work_factor(&self) -> u8 {
        self.work_factor
    }

    /// Encrypts `records` as one blob (see [`blob`] for the layout) with a random nonce.
    /// `batch_id` is authenticated and returned by [`Vault::open_batch`].
    pub fn seal_batch(&self, batch_id: u64, records: &[Record]) -> Result<Vec<u8>, VaultError> {
        blob::seal(
            &self.sub_keys.records,
            batch_id,
            records,
            blob::random_nonce()?,
        )
    }

    /// Like [`Vault::seal_batch`] with a given nonce. Only for golden test vectors: reusing
    /// a nonce with the same key breaks the encryption.
    #[doc(hidden)]
    pub fn seal_batch_with_nonce(
        &self,
        batch_id: u64,
        records: &[Record],
        nonce: [u8; blob::NONCE_LEN],
    ) -> Result<Vec<u8>, VaultError> {
        blob::seal(&self.sub_keys.records, batch_id, records, nonce)
    }

    /// Decrypts and checks a blob. Any changed or missing byte gives
    /// [`VaultError::Damaged`]; a blob from a newer app gives [`VaultError::NewerVersion`].
    pub fn open_batch(&self, blob: &[u8]) -> Result<Batch, VaultError> {
        blob::open(&self.sub_keys.records, blob)
    }

    /// The opaque key under which to store `logical_key` of `namespace`: 64 hex characters,
    /// the same for this vault every time, unrelated between vaults.
    pub fn store_key(&self, namespace: &str, logical_key: &str) -> String {
        store_key::store_key(&self.sub_keys.store_keys, namespace, logical_key)
    }

    /// A vault from a known data key. Only for golden test vectors and benches.
    #[doc(hidden)]
    pub fn from_raw_key_for_tests(key: [u8; KEY_LEN], work_factor: u8) -> Vault {
        Vault::from_data_key(DataKey::from_bytes(key), work_factor)
    }

    fn from_data_key(data_key: DataKey, work_factor: u8) -> Vault {
        let sub_keys = data_key.sub_keys();
        Vault {
            data_key,
            sub_keys,
            work_factor,
        }
    }
}
