//! `VaultError`: every way opening, unlocking or importing can fail, each with a plain
//! English message (for logs and developers) and a stable [`VaultError::code`] the app maps
//! to a plain French sentence.

use thiserror::Error;

/// Errors of the vault: unlocking, sealing and opening record batches, backups.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum VaultError {
    /// The passphrase does not open this key or backup. (age cannot tell a wrong passphrase
    /// from a damaged key stanza; both land here.)
    #[error("the passphrase is not the right one")]
    WrongPassphrase,

    /// The passphrase is empty (or only spaces).
    #[error("the passphrase is empty")]
    EmptyPassphrase,

    /// Bytes were changed, cut short or are not in the expected layout.
    #[error("the data is damaged or was changed ({what})")]
    Damaged {
        /// Which check failed, for developers.
        what: &'static str,
    },

    /// Written by a newer version of the app; this one cannot read it.
    #[error("the data was written by a newer version of Entraide (format {found}, this version reads up to {supported})")]
    NewerVersion {
        /// Version found in the data.
        found: u32,
        /// Newest version this build reads.
        supported: u32,
    },

    /// Not an Entraide backup: not an age file, not passphrase-encrypted, or its content
    /// is not an Entraide backup document.
    #[error("this file is not an Entraide backup ({what})")]
    NotABackup {
        /// Which check failed, for developers.
        what: &'static str,
    },

    /// The scrypt work factor asked for is above the bound; refused before any work.
    #[error(
        "the key asks for too much work to unlock (work factor {found}, at most {max} allowed)"
    )]
    WorkFactorTooHigh {
        /// Work factor (log2 of scrypt N) found or asked for.
        found: u32,
        /// Largest accepted.
        max: u8,
    },

    /// The scrypt work factor asked for when creating a key is below the floor.
    #[error("the work factor {found} is too low (at least {min} required)")]
    WorkFactorTooLow {
        /// Work factor asked for.
        found: u8,
        /// Smallest accepted.
        min: u8,
    },

    /// Something that should not happen (random source or encoder failure).
    #[error("internal error: {what}")]
    Internal {
        /// What failed, for developers.
        what: &'static str,
    },
}

impl VaultError {
    /// Stable machine-readable code; the app maps it to a plain French message.
    pub fn code(&self) -> &'static str {
        match self {
            VaultError::WrongPassphrase => "wrong_passphrase",
            VaultError::EmptyPassphrase => "empty_passphrase",
            VaultError::Damaged { .. } => "damaged",
            VaultError::NewerVersion { .. } => "newer_version",
            VaultError::NotABackup { .. } => "not_a_backup",
            VaultError::WorkFactorTooHigh { .. } => "work_factor_too_high",
            VaultError::WorkFactorTooLow { .. } => "work_factor_too_low",
            VaultError::Internal { .. } => "internal",
        }
    }

    pub(crate) fn damaged(what: &'static str) -> Self {
        VaultError::Damaged { what }
    }

    pub(crate) fn not_a_backup(what: &'static str) -> Self {
        VaultError::NotABackup { what }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_stable() {
        let all = [
            VaultError::WrongPassphrase,
            VaultError::EmptyPassphrase,
            VaultError::damaged("x"),
            VaultError::NewerVersion {
                found: 2,
                supported: 1,
            },
            VaultError::not_a_backup("x"),
            VaultError::WorkFactorTooHigh { found: 30, max: 18 },
            VaultError::WorkFactorTooLow { found: 2, min: 10 },
            VaultError::Internal { what: "x" },
        ];
        let codes: Vec<&str> = all.iter().map(VaultError::code).collect();
        assert_eq!(
            codes,
            [
                "wrong_passphrase",
                "empty_passphrase",
                "damaged",
                "newer_version",
                "not_a_backup",
                "work_factor_too_high",
                "work_factor_too_low",
                "internal"
            ]
        );
        for e in &all {
            assert!(!e.to_string().is_empty());
        }
    }
}
