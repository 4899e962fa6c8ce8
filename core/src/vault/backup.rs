//! Backups: a snapshot of the records as a *standard* age file (ASCII-armored, so it
//! survives e-mail and copy and paste), encrypted to a passphrase with age's scrypt
//! recipient. `rage -d backup.age` decrypts it with the same passphrase; its plaintext is
//! the JSON document `{"entraide_backup": 1, "created_at": <ms>, "records": [...]}`.

use serde::{Deserialize, Serialize};

use super::age_io::{self, AgeFailure};
use super::error::VaultError;
use super::migrate::{check_version, BACKUP_VERSION, OLDEST_BACKUP_VERSION};
use super::record::Record;
use super::work_factor::{check_for_create, MAX_WORK_FACTOR};

/// Everything a backup holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BackupSnapshot {
    /// When the backup was made, in milliseconds since 1970 (given by the caller: core has
    /// no clock).
    pub created_at: u64,
    /// All records.
    pub records: Vec<Record>,
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    entraide_backup: u32,
    created_at: u64,
    records: &'a [Record],
}

#[derive(Deserialize)]
struct VersionProbe {
    entraide_backup: serde_json::Value,
}

/// Writes `snapshot` as an armored age file encrypted to `passphrase` at `work_factor`.
pub fn export_backup(
    passphrase: &str,
    snapshot: &BackupSnapshot,
    work_factor: u8,
) -> Result<Vec<u8>, VaultError> {
    if passphrase.trim().is_empty() {
        return Err(VaultError::EmptyPassphrase);
    }
    check_for_create(work_factor)?;
    let document = zeroize::Zeroizing::new(
        serde_json::to_vec(&DocumentOut {
            entraide_backup: BACKUP_VERSION,
            created_at: snapshot.created_at,
            records: &snapshot.records,
        })
        .map_err(|_| VaultError::Internal {
            what: "backup encoding",
        })?,
    );
    age_io::encrypt(passphrase, work_factor, &document, true).map_err(map_failure)
}

/// Reads a backup (armored or binary age file) with `passphrase`.
pub fn import_backup(passphrase: &str, bytes: &[u8]) -> Result<BackupSnapshot, VaultError> {
    if passphrase.is_empty() {
        return Err(VaultError::EmptyPassphrase);
    }
    let age_file = age_io::dearmor(bytes).map_err(map_failure)?;
    let plaintext = age_io::decrypt(passphrase, &age_file).map_err(map_failure)?;
    let probe: VersionProbe = serde_json::from_slice(&plaintext)
        .map_err(|_| VaultError::not_a_backup("content is not an Entraide backup"))?;
    let version = probe
        .entraide_backup
        .as_u64()
        .ok_or(VaultError::not_a_backup("backup version is not a number"))?;
    check_version(
        u32::try_from(version).unwrap_or(u32::MAX),
        OLDEST_BACKUP_VERSION,
        BACKUP_VERSION,
    )?;
    serde_json::from_slice(&plaintext)
        .map_err(|_| VaultError::not_a_backup("backup content is malformed"))
}

fn map_failure(f: AgeFailure) -> VaultError {
    match f {
        AgeFailure::NotAge => VaultError::not_a_backup("not an age file"),
        AgeFailure::NotPassphrase => VaultError::not_a_backup("not encrypted to a passphrase"),
        AgeFailure::TooMuchWork(found) => VaultError::WorkFactorTooHigh {
            found,
            max: MAX_WORK_FACTOR,
        },
        AgeFailure::WrongPassphrase => VaultError::WrongPassphrase,
        AgeFailure::Damaged(what) => VaultError::damaged(what),
        AgeFailure::Internal(what) => VaultError::Internal { what },
    }
}
