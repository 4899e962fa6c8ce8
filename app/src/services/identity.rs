//! This phone's transfer identity (core's `DeviceIdentity`: X25519 to receive, Ed25519 to
//! sign), its pseudonymous person id and its sequence counter, all sealed in the vault.
//! Created with the vault; vaults made before this version get one on first use.

use entraide_core::transfer::{DeviceIdentity, IdentityError, PersonId, StoredIdentity};
use serde::{Deserialize, Serialize};

use crate::services::vault::{self, VaultServiceError};

const DOCUMENT: &str = "identity";
const BATCH: u64 = 20;

/// Why the identity could not be read or made.
#[derive(Debug, thiserror::Error)]
pub enum IdentityServiceError {
    /// The vault refused or storage failed.
    #[error(transparent)]
    Vault(#[from] VaultServiceError),
    /// The stored keys are unreadable.
    #[error(transparent)]
    Keys(#[from] IdentityError),
    /// The stored document is unreadable.
    #[error("the identity document is unreadable: {0}")]
    Damaged(String),
}

#[derive(Serialize, Deserialize)]
struct IdentityDocument {
    keys: StoredIdentity,
    person: PersonId,
    next_seq: u64,
}

/// The identity, ready to sign one payload with a sequence number never used before.
pub struct Signer {
    /// The keys.
    pub identity: DeviceIdentity,
    /// This person's id.
    pub person: PersonId,
    /// The sequence number reserved for the next payload.
    pub seq: u64,
}

async fn load_document() -> Result<Option<IdentityDocument>, IdentityServiceError> {
    match vault::load_document(DOCUMENT).await? {
        Some(value) => serde_json::from_value(value)
            .map(Some)
            .map_err(|e| IdentityServiceError::Damaged(e.to_string())),
        None => Ok(None),
    }
}

async fn save(document: &IdentityDocument) -> Result<(), IdentityServiceError> {
    let value =
        serde_json::to_value(document).map_err(|e| IdentityServiceError::Damaged(e.to_string()))?;
    vault::save_document(DOCUMENT, BATCH, value).await?;
    Ok(())
}

/// The stored document, made (and saved) first if the vault has none yet.
async fn load_or_create() -> Result<IdentityDocument, IdentityServiceError> {
    if let Some(document) = load_document().await? {
        return Ok(document);
    }
    let identity = DeviceIdentity::generate()?;
    let document = IdentityDocument {
        keys: identity.to_stored(),
        person: PersonId::random(),
        next_seq: 1,
    };
    save(&document).await?;
    Ok(document)
}

/// Makes the identity if the vault has none yet (called when the vault is created).
pub async fn ensure() -> Result<(), IdentityServiceError> {
    load_or_create().await.map(|_| ())
}

/// The identity and person id, without reserving a sequence number (to read payloads).
pub async fn current() -> Result<(DeviceIdentity, PersonId), IdentityServiceError> {
    let document = load_or_create().await?;
    Ok((
        DeviceIdentity::from_stored(&document.keys)?,
        document.person,
    ))
}

/// The identity with a fresh sequence number; the counter is saved before it is used, so a
/// number is never signed twice even if the phone stops right after.
pub async fn signer() -> Result<Signer, IdentityServiceError> {
    let mut document = load_or_create().await?;
    let seq = document.next_seq;
    document.next_seq = seq.saturating_add(1);
    save(&document).await?;
    Ok(Signer {
        identity: DeviceIdentity::from_stored(&document.keys)?,
        person: document.person,
        seq,
    })
}
