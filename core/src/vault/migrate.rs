//! Format versions of everything the vault stores, and the migration step that turns any
//! readable older version into today's types. Newer versions are refused with
//! [`VaultError::NewerVersion`] (the app says "update Entraide"), never guessed at.
//!
//! Today every format is at version 1, so the oldest readable version is the current one.
//! To change a format: bump its `*_VERSION`, keep the old decoder as a `v1` arm in the
//! matching function below (it must still read old bytes and return today's types), keep
//! `OLDEST_*` where it is, and add a golden vector for the new version in
//! `tests/vault_golden.rs` next to the old one, which must keep passing.

use super::error::VaultError;
use super::record::Record;

/// Version of record batches ([`super::blob`]) written by this build.
pub const BLOB_VERSION: u8 = 1;
/// Oldest record-batch version this build still reads.
pub const OLDEST_BLOB_VERSION: u8 = 1;
/// Version of wrapped keys ([`super::keys`]) written and read by this build.
pub const WRAPPED_KEY_VERSION: u8 = 1;
/// Value of `"entraide_backup"` in backups written by this build.
pub const BACKUP_VERSION: u32 = 1;
/// Oldest backup version this build still reads.
pub const OLDEST_BACKUP_VERSION: u32 = 1;

/// Accepts `found` if `oldest <= found <= current`.
pub(crate) fn check_version(
    found: u32,
    oldest: impl Into<u32>,
    current: impl Into<u32>,
) -> Result<(), VaultError> {
    let current = current.into();
    if found > current {
        return Err(VaultError::NewerVersion {
            found,
            supported: current,
        });
    }
    if found < oldest.into() {
        return Err(VaultError::damaged("unknown old format version"));
    }
    Ok(())
}

/// Decodes the (authenticated, decrypted) payload of a record batch of `version` into
/// today's records.
pub(crate) fn batch_records(version: u8, payload: &[u8]) -> Result<Vec<Record>, VaultError> {
    check_version(u32::from(version), OLDEST_BLOB_VERSION, BLOB_VERSION)?;
    match version {
        // v1: a JSON array of records.
        1 => serde_json::from_slice(payload).map_err(|_| VaultError::damaged("batch payload")),
        _ => Err(VaultError::damaged("unknown format version")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_window() {
        assert!(check_version(1, 1u8, 1u8).is_ok());
        assert_eq!(
            check_version(2, 1u8, 1u8),
            Err(VaultError::NewerVersion {
                found: 2,
                supported: 1
            })
        );
        assert_eq!(
            check_version(0, 1u8, 1u8).map_err(|e| e.code()),
            Err("damaged")
        );
    }

    #[test]
    fn v1_payload_is_a_json_array() {
        let records = batch_records(1, br#"[{"kind":"k","id":"i","body":{"a":1}}]"#);
        assert_eq!(records.map(|r| r.len()), Ok(1));
        assert_eq!(
            batch_records(1, b"{}").map_err(|e| e.code()),
            Err("damaged")
        );
        assert_eq!(
            batch_records(9, b"[]").map_err(|e| e.code()),
            Err("newer_version")
        );
    }
}
