//! Golden vectors: fixed bytes written by this version of the vault. If a format changes,
//! these fail; old vectors must keep *opening* forever (add new ones beside them, see
//! `src/vault/migrate.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::vault::{import_backup, Batch, Record, Vault};
use serde_json::json;

const KEY: [u8; 32] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26, 27, 28, 29, 30, 31,
];
const NONCE: [u8; 24] = [0xA5; 24];
const BATCH_ID: u64 = 7;

/// Blob v1 for `records()` under `KEY`, `NONCE`, `BATCH_ID`.
const BLOB_V1_HEX: &str = "454e5442010000000000000007a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a56e08556b52b4b96cf644b79a1eca08dbbe6b4700089e07ec0099a6809f52dfeb7dc19f0a3b2eaf0cfb41d109e012ef50fba8ef24c7efdff8d1ff3e1ba564c6c688601f56e139d6a805d1bb1de80c9675ba693346427c3061d49fe87ec3de5088d027b0f812769ecf1157574d231a01b13c5521a2ed539b32376c1d76ffd39c3b8d109f03b072b8f11526abef4c9aa775dfc28a08f3";

/// Store key of ("help", "h1") under `KEY`.
const STORE_KEY_V1: &str = "ef9372b220565ee3d69e21a0d77b79b31bf0a9da5385311ea7cebe5b0e22b553";

/// A wrapped key (format 1, work factor 10) for "golden test passphrase".
const WRAPPED_V1_HEX: &str = "454e544b010a6167652d656e6372797074696f6e2e6f72672f76310a2d3e20736372797074206e4c396f7a54376f366a643865747644663755622f512031300a6a7836516269385655314d732f39476d4b7774367147775136754e504e613979344d6e55713177775474770a2d2d2d2057325459455459706a6a4242523930475a696f363551315743315a3164414d332b314f31364d51525a4a4d0a42c6034901b3935bc9a7b5df2fea41858b986cc4ae49e09737b3ce7ced617c8b051e1e179a1c5085d8086a254a6ab46ab518711896c0d51d4e793d75a5f3c619";
/// Store key of ("help", "h1") in the vault of `WRAPPED_V1_HEX`.
const WRAPPED_V1_STORE_KEY: &str =
    "5c024ae9c5a0e701eadfd77e4021bfeec7f1cf3fc455713bfe5c2f5aa9900df1";

/// A backup (version 1, work factor 10) for "golden backup passphrase".
const BACKUP_V1: &str = "-----BEGIN AGE ENCRYPTED FILE-----
YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHNjcnlwdCBlMUpIYzRTdzJsRHcvUzlj
M3lNK3VnIDEwCnN5czRjRW8wWkRydDJMbk1HcDh3azdzMHYwR0EvNW5RYXF5NTFQ
bFVVaWMKLS0tIFRjSFdKQ0RwU1JQS3BFU2R6VTdPNDRPb2ZhRUVkS1Bla0xYdjgv
ZHNXb3cKeGHGQ5+7MMeQP0Ja23YpTwheFVCv8pokT6tim5AR0+kIPezHOm5bER/D
fgrFIgcg0xmBtvUHaRofPG976BaDNky2Jj+T5f2qI5iMAX/mJ2vY4p5PJlcCdAHu
ch7L3LMcdx9DWM0PerFubfodBrI54YLufptSqVjuVzb7VRJtjuh7yspOXlmWOOGr
rzltlt+nFX2Z/gTdq5Mw9qG5/PZxHQ==
-----END AGE ENCRYPTED FILE-----
";

/// Body keys are written in sorted order so the bytes are the same whether or not
/// serde_json's `preserve_order` feature is on in the workspace.
fn records() -> Vec<Record> {
    vec![
        Record::new("help", "h1", json!({"minutes": 30, "topic": "email"})),
        Record::new("tip", "t1", json!({"text": "Éteindre la box la nuit"})),
    ]
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn blob_v1_bytes_are_stable() {
    let vault = Vault::from_raw_key_for_tests(KEY, 10);
    let blob = vault
        .seal_batch_with_nonce(BATCH_ID, &records(), NONCE)
        .unwrap();
    assert_eq!(hex(&blob), BLOB_V1_HEX);
}

#[test]
fn blob_v1_still_opens() {
    let vault = Vault::from_raw_key_for_tests(KEY, 10);
    let batch = vault.open_batch(&unhex(BLOB_V1_HEX)).unwrap();
    assert_eq!(
        batch,
        Batch {
            batch_id: BATCH_ID,
            records: records()
        }
    );
}

#[test]
fn blob_v1_layout() {
    let blob = unhex(BLOB_V1_HEX);
    assert_eq!(&blob[..4], b"ENTB");
    assert_eq!(blob[4], 1);
    assert_eq!(&blob[5..13], &BATCH_ID.to_be_bytes());
    assert_eq!(&blob[13..37], &NONCE);
    let payload = serde_json::to_vec(&records()).unwrap();
    assert_eq!(blob.len(), 37 + payload.len() + 16);
}

#[test]
fn store_key_v1_is_stable() {
    let vault = Vault::from_raw_key_for_tests(KEY, 10);
    assert_eq!(vault.store_key("help", "h1"), STORE_KEY_V1);
}

#[test]
fn wrapped_key_v1_still_unlocks() {
    let wrapped = unhex(WRAPPED_V1_HEX);
    assert_eq!(&wrapped[..6], b"ENTK\x01\x0a");
    let vault = Vault::unlock("golden test passphrase", &wrapped).unwrap();
    assert_eq!(vault.work_factor(), 10);
    assert_eq!(vault.store_key("help", "h1"), WRAPPED_V1_STORE_KEY);
}

#[test]
fn backup_v1_still_imports() {
    let snapshot = import_backup("golden backup passphrase", BACKUP_V1.as_bytes()).unwrap();
    assert_eq!(snapshot.created_at, 1_700_000_000_000);
    assert_eq!(
        snapshot.records,
        vec![Record::new(
            "tip",
            "t1",
            json!({"text": "Éteindre la box la nuit"})
        )]
    );
}
