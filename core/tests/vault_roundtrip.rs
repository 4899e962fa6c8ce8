//! Create → seal → unlock → open, passphrases, work-factor bounds and store keys.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::vault::{
    generate_passphrase, passphrase_strength, wrapped_work_factor, Level, OsRng, Record, Vault,
    VaultError, MAX_WORK_FACTOR,
};
use proptest::prelude::*;
use serde_json::json;

/// Cheap work factor for tests; the app uses DEFAULT_WORK_FACTOR or calibrate().
const WF: u8 = 10;
const PASS: &str = "pomme lune velo sapin miel ours plage tulipe";

fn sample() -> Vec<Record> {
    vec![
        Record::new("help", "h1", json!({"topic": "email", "minutes": 30})),
        Record::new(
            "person",
            "p1",
            json!({"nickname": "Jeanne", "skills": [1, 2, 3]}),
        ),
        Record::new("tip", "t1", json!("Éteindre la box la nuit")),
    ]
}

#[test]
fn create_seal_unlock_open() {
    let (vault, wrapped) = Vault::create(PASS, WF).unwrap();
    let blob = vault.seal_batch(42, &sample()).unwrap();
    drop(vault);
    let vault = Vault::unlock(PASS, &wrapped).unwrap();
    assert_eq!(vault.work_factor(), WF);
    let batch = vault.open_batch(&blob).unwrap();
    assert_eq!(batch.batch_id, 42);
    assert_eq!(batch.records, sample());
}

#[test]
fn empty_batch_round_trips() {
    let vault = Vault::from_raw_key_for_tests([3; 32], WF);
    let blob = vault.seal_batch(0, &[]).unwrap();
    assert!(vault.open_batch(&blob).unwrap().records.is_empty());
}

#[test]
fn sealing_twice_gives_different_bytes() {
    let vault = Vault::from_raw_key_for_tests([3; 32], WF);
    let a = vault.seal_batch(1, &sample()).unwrap();
    let b = vault.seal_batch(1, &sample()).unwrap();
    assert_ne!(a, b, "nonces must be random");
}

#[test]
fn plaintext_does_not_appear_in_blob() {
    let vault = Vault::from_raw_key_for_tests([3; 32], WF);
    let blob = vault.seal_batch(1, &sample()).unwrap();
    assert!(!blob.windows(6).any(|w| w == b"Jeanne"));
    assert!(!blob.windows(5).any(|w| w == b"email"));
}

#[test]
fn wrong_passphrase_is_reported() {
    let (_, wrapped) = Vault::create(PASS, WF).unwrap();
    let err = Vault::unlock("pomme lune velo sapin miel ours plage tulipes", &wrapped).unwrap_err();
    assert_eq!(err, VaultError::WrongPassphrase);
    assert_eq!(err.code(), "wrong_passphrase");
}

#[test]
fn empty_passphrase_is_refused() {
    assert_eq!(
        Vault::create("   ", WF).unwrap_err(),
        VaultError::EmptyPassphrase
    );
}

#[test]
fn work_factor_bounds_on_create() {
    assert_eq!(
        Vault::create(PASS, MAX_WORK_FACTOR + 1).unwrap_err().code(),
        "work_factor_too_high"
    );
    assert_eq!(
        Vault::create(PASS, 63).unwrap_err().code(),
        "work_factor_too_high"
    );
    assert_eq!(
        Vault::create(PASS, 4).unwrap_err().code(),
        "work_factor_too_low"
    );
}

/// Rewrites the work factor in the wrapped key's own header and/or in age's stanza.
fn with_work_factor(wrapped: &[u8], ours: Option<u8>, in_age: Option<&str>) -> Vec<u8> {
    let mut out = wrapped.to_vec();
    if let Some(wf) = ours {
        out[5] = wf;
    }
    if let Some(text) = in_age {
        let needle = format!(" {WF}\n");
        let pos = out
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .unwrap();
        out.splice(pos + 1..pos + needle.len() - 1, text.bytes());
    }
    out
}

#[test]
fn hostile_work_factor_is_refused_before_scrypt() {
    // If any of these ran scrypt at 2^30 (1 TiB of memory), the test would abort or hang.
    let (_, wrapped) = Vault::create(PASS, WF).unwrap();
    for (ours, in_age) in [
        (Some(30), Some("30")),
        (None, Some("30")),
        (Some(30), None),
        (Some(MAX_WORK_FACTOR + 1), Some("19")),
        (None, Some("99999999999")),
    ] {
        let hostile = with_work_factor(&wrapped, ours, in_age);
        let err = Vault::unlock(PASS, &hostile).unwrap_err();
        assert_eq!(
            err.code(),
            "work_factor_too_high",
            "{ours:?} {in_age:?}: {err}"
        );
    }
    match Vault::unlock(PASS, &with_work_factor(&wrapped, Some(30), Some("30"))) {
        Err(VaultError::WorkFactorTooHigh { found: 30, max }) => assert_eq!(max, MAX_WORK_FACTOR),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn mismatched_work_factor_copy_is_damage() {
    let (_, wrapped) = Vault::create(PASS, WF).unwrap();
    let err = Vault::unlock(PASS, &with_work_factor(&wrapped, Some(11), None)).unwrap_err();
    assert_eq!(err.code(), "damaged");
}

#[test]
fn wrapped_work_factor_is_readable_without_passphrase() {
    let (_, wrapped) = Vault::create(PASS, WF).unwrap();
    assert_eq!(wrapped_work_factor(&wrapped), Ok(WF));
}

#[test]
fn change_passphrase_keeps_records() {
    let (vault, old_wrapped) = Vault::create(PASS, WF).unwrap();
    let blob = vault.seal_batch(1, &sample()).unwrap();
    let new_wrapped = vault
        .change_passphrase("nouvelle phrase secrete", 11)
        .unwrap();
    assert_eq!(
        Vault::unlock(PASS, &new_wrapped).unwrap_err(),
        VaultError::WrongPassphrase
    );
    let again = Vault::unlock("nouvelle phrase secrete", &new_wrapped).unwrap();
    assert_eq!(again.work_factor(), 11);
    assert_eq!(again.open_batch(&blob).unwrap().records, sample());
    assert_eq!(again.store_key("help", "h1"), vault.store_key("help", "h1"));
    // The old wrapped key still opens with the old passphrase until the app replaces it.
    assert!(Vault::unlock(PASS, &old_wrapped).is_ok());
    assert_eq!(
        vault.change_passphrase("", WF).unwrap_err(),
        VaultError::EmptyPassphrase
    );
}

#[test]
fn store_keys_are_stable_per_vault_and_differ_across_vaults() {
    let (a, wrapped) = Vault::create(PASS, WF).unwrap();
    let (b, _) = Vault::create(PASS, WF).unwrap();
    let a_again = Vault::unlock(PASS, &wrapped).unwrap();
    let k = a.store_key("help", "h-2024-001");
    assert_eq!(k, a_again.store_key("help", "h-2024-001"));
    assert_ne!(k, b.store_key("help", "h-2024-001"));
    assert_ne!(k, a.store_key("help", "h-2024-002"));
    assert_ne!(k, a.store_key("tip", "h-2024-001"));
    assert_eq!(k.len(), 64);
    assert!(k
        .bytes()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
}

#[test]
fn store_keys_reveal_nothing() {
    let vault = Vault::from_raw_key_for_tests([9; 32], WF);
    for (ns, key) in [
        ("help", "h1"),
        ("person", "jeanne"),
        ("a", "b"),
        ("batch", "0"),
    ] {
        let k = vault.store_key(ns, key);
        let key_hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
        assert!(!k.contains(key) || key.len() < 3, "{k} contains {key}");
        assert!(!k.contains(&key_hex), "{k} contains hex of {key}");
        assert!(!k.contains(ns) || ns.len() < 3);
    }
}

#[test]
fn blob_from_another_vault_is_refused() {
    let a = Vault::from_raw_key_for_tests([1; 32], WF);
    let b = Vault::from_raw_key_for_tests([2; 32], WF);
    let blob = a.seal_batch(1, &sample()).unwrap();
    assert_eq!(b.open_batch(&blob).unwrap_err().code(), "damaged");
}

#[test]
fn generated_passphrase_is_strong_and_unlocks() {
    let passphrase = generate_passphrase(&mut OsRng);
    assert_eq!(passphrase.split(' ').count(), 8);
    let strength = passphrase_strength(&passphrase);
    assert_eq!(strength.level, Level::Strong, "{strength:?}");
    let (_, wrapped) = Vault::create(&passphrase, WF).unwrap();
    assert!(Vault::unlock(&passphrase, &wrapped).is_ok());
}

fn arb_record() -> impl Strategy<Value = Record> {
    (
        "[a-z]{1,8}",
        "\\PC{0,20}",
        prop_oneof![
            any::<i64>().prop_map(|n| json!(n)),
            "\\PC{0,40}".prop_map(|s| json!(s)),
            (
                "\\PC{0,10}",
                any::<bool>(),
                proptest::collection::vec(any::<u32>(), 0..5)
            )
                .prop_map(|(k, b, v)| json!({ k: b, "list": v })),
        ],
    )
        .prop_map(|(kind, id, body)| Record::new(kind, id, body))
}

proptest! {
    #[test]
    fn any_records_round_trip(records in proptest::collection::vec(arb_record(), 0..20), id in any::<u64>()) {
        let vault = Vault::from_raw_key_for_tests([5; 32], WF);
        let blob = vault.seal_batch(id, &records).unwrap();
        let batch = vault.open_batch(&blob).unwrap();
        prop_assert_eq!(batch.batch_id, id);
        prop_assert_eq!(batch.records, records);
    }

    #[test]
    fn garbage_never_opens(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let vault = Vault::from_raw_key_for_tests([5; 32], WF);
        prop_assert!(vault.open_batch(&bytes).is_err());
        let mut with_magic = b"ENTB\x01".to_vec();
        with_magic.extend_from_slice(&bytes);
        prop_assert!(vault.open_batch(&with_magic).is_err());
    }
}
