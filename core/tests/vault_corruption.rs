//! Every changed bit and every cut of stored bytes is detected and reported, never
//! silently accepted.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::vault::{Record, Vault, VaultError};
use serde_json::json;

const WF: u8 = 10;
const PASS: &str = "pomme lune velo sapin miel ours plage tulipe";

fn vault_and_blob() -> (Vault, Vec<u8>) {
    let vault = Vault::from_raw_key_for_tests([7; 32], WF);
    let records = vec![
        Record::new(
            "help",
            "h1",
            json!({"topic": "email", "minutes": 30, "autonomy": "partly"}),
        ),
        Record::new("tip", "t1", json!({"text": "Un mot de passe par site"})),
    ];
    let blob = vault.seal_batch(3, &records).unwrap();
    (vault, blob)
}

#[test]
fn every_bit_flip_of_a_blob_is_detected() {
    let (vault, blob) = vault_and_blob();
    assert!(vault.open_batch(&blob).is_ok());
    for pos in 0..blob.len() {
        for bit in 0..8 {
            let mut bad = blob.clone();
            bad[pos] ^= 1 << bit;
            let err = vault
                .open_batch(&bad)
                .expect_err(&format!("flip of bit {bit} at byte {pos} was accepted"));
            if pos == 4 && bad[4] > 1 {
                // The version byte now says "newer": refused as such, not guessed at.
                assert!(
                    matches!(err, VaultError::NewerVersion { supported: 1, .. }),
                    "byte {pos} bit {bit}: {err:?}"
                );
            } else {
                assert_eq!(err.code(), "damaged", "byte {pos} bit {bit}: {err:?}");
            }
        }
    }
}

#[test]
fn every_truncation_of_a_blob_is_detected() {
    let (vault, blob) = vault_and_blob();
    for len in 0..blob.len() {
        let err = vault
            .open_batch(&blob[..len])
            .expect_err(&format!("truncation to {len} bytes was accepted"));
        assert_eq!(err.code(), "damaged", "length {len}: {err:?}");
    }
}

#[test]
fn extra_bytes_are_detected() {
    let (vault, blob) = vault_and_blob();
    for extra in [&[0u8][..], b"x", &[0; 16]] {
        let mut longer = blob.clone();
        longer.extend_from_slice(extra);
        assert_eq!(vault.open_batch(&longer).unwrap_err().code(), "damaged");
    }
}

#[test]
fn newer_blob_version_is_refused() {
    let (vault, mut blob) = vault_and_blob();
    blob[4] = 2;
    assert_eq!(
        vault.open_batch(&blob).unwrap_err(),
        VaultError::NewerVersion {
            found: 2,
            supported: 1
        }
    );
}

#[test]
fn every_bit_flip_of_a_wrapped_key_is_refused() {
    // One scrypt (2^10) per byte: a few seconds in a debug build.
    let (vault, wrapped) = Vault::create(PASS, WF).unwrap();
    let expected = vault.store_key("k", "v");
    for pos in 0..wrapped.len() {
        let mut bad = wrapped.clone();
        bad[pos] ^= 0x01;
        match Vault::unlock(PASS, &bad) {
            Ok(v) => panic!(
                "flip at byte {pos} was accepted (same key: {})",
                v.store_key("k", "v") == expected
            ),
            Err(e) => assert!(
                [
                    "damaged",
                    "wrong_passphrase",
                    "work_factor_too_high",
                    "newer_version"
                ]
                .contains(&e.code()),
                "byte {pos}: {e:?}"
            ),
        }
    }
}

#[test]
fn every_truncation_of_a_wrapped_key_is_refused() {
    let (_, wrapped) = Vault::create(PASS, WF).unwrap();
    for len in 0..wrapped.len() {
        let err = Vault::unlock(PASS, &wrapped[..len])
            .err()
            .unwrap_or_else(|| panic!("truncation to {len} bytes was accepted"));
        assert!(
            ["damaged", "wrong_passphrase"].contains(&err.code()),
            "length {len}: {err:?}"
        );
    }
}
