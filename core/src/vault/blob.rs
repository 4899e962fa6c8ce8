//! The encrypted record-batch format ("blob"): one AEAD over many records, so saving or
//! opening 20,000 records costs no scrypt and little overhead.
//!
//! Layout, version 1 (all integers big-endian):
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 4 | magic `"ENTB"` |
//! | 4 | 1 | format version (1) |
//! | 5 | 8 | batch id (chosen by the app, e.g. a sequence number) |
//! | 13 | 24 | XChaCha20-Poly1305 nonce, random |
//! | 37 | n + 16 | ciphertext of the payload, then the Poly1305 tag |
//!
//! The 37 header bytes are the AEAD's associated data, so a change to any byte, or a cut
//! anywhere, fails authentication. The payload (v1) is the JSON array of records. The key is
//! the vault's record sub-key. Lengths are not hidden: a blob is 53 bytes plus its JSON.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::{OsRng, RngCore};
use zeroize::Zeroizing;

use super::error::VaultError;
use super::keys::KEY_LEN;
use super::migrate::{batch_records, check_version, BLOB_VERSION, OLDEST_BLOB_VERSION};
use super::record::{Batch, Record};

/// Magic bytes at the start of every record batch.
pub const BLOB_MAGIC: &[u8; 4] = b"ENTB";
/// Length of the XChaCha20 nonce.
pub const NONCE_LEN: usize = 24;
/// Length of the header (magic, version, batch id, nonce), which is the associated data.
pub const HEADER_LEN: usize = 4 + 1 + 8 + NONCE_LEN;
/// Length of the Poly1305 tag.
pub const TAG_LEN: usize = 16;

pub(crate) fn random_nonce() -> Result<[u8; NONCE_LEN], VaultError> {
    let mut nonce = [0u8; NONCE_LEN];
    OsRng
        .try_fill_bytes(&mut nonce)
        .map_err(|_| VaultError::Internal {
            what: "random source",
        })?;
    Ok(nonce)
}

pub(crate) fn seal(
    key: &[u8; KEY_LEN],
    batch_id: u64,
    records: &[Record],
    nonce: [u8; NONCE_LEN],
) -> Result<Vec<u8>, VaultError> {
    let payload =
        Zeroizing::new(
            serde_json::to_vec(records).map_err(|_| VaultError::Internal {
                what: "record encoding",
            })?,
        );
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + TAG_LEN);
    out.extend_from_slice(BLOB_MAGIC);
    out.push(BLOB_VERSION);
    out.extend_from_slice(&batch_id.to_be_bytes());
    out.extend_from_slice(&nonce);
    let cipher = XChaCha20Poly1305::new(key.into());
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: &payload,
                aad: &out,
            },
        )
        .map_err(|_| VaultError::Internal { what: "aead" })?;
    out.extend_from_slice(&ciphertext);
    Ok(out)
}

pub(crate) fn open(key: &[u8; KEY_LEN], blob: &[u8]) -> Result<Batch, VaultError> {
    if blob.len() < 5 || &blob[..4] != BLOB_MAGIC {
        return Err(VaultError::damaged("not a record batch"));
    }
    let version = blob[4];
    check_version(u32::from(version), OLDEST_BLOB_VERSION, BLOB_VERSION)?;
    if blob.len() < HEADER_LEN + TAG_LEN {
        return Err(VaultError::damaged("record batch cut short"));
    }
    let (header, ciphertext) = blob.split_at(HEADER_LEN);
    let mut id = [0u8; 8];
    id.copy_from_slice(&header[5..13]);
    let cipher = XChaCha20Poly1305::new(key.into());
    let payload = Zeroizing::new(
        cipher
            .decrypt(
                XNonce::from_slice(&header[13..HEADER_LEN]),
                Payload {
                    msg: ciphertext,
                    aad: header,
                },
            )
            .map_err(|_| VaultError::damaged("record batch failed authentication"))?,
    );
    Ok(Batch {
        batch_id: u64::from_be_bytes(id),
        records: batch_records(version, &payload)?,
    })
}
