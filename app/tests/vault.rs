//! The vault in the browser: core's vault compiled to wasm with IndexedDB underneath.
//! The ignored test is the benchmark (`make bench-vault`): it prints figures, asserts none.

use entraide_app::platform::storage::{IdbStore, Store, RECORDS};
use entraide_core::vault::{Record, Vault, VaultError, DEFAULT_WORK_FACTOR};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

fn help_record(i: usize) -> Record {
    Record::new(
        "help",
        format!("h{i:05}"),
        serde_json::json!({
            "helper": format!("p{:03}", i % 97), "helped": format!("p{:03}", i % 89),
            "topic": "email", "device": "phone", "minutes": 30, "autonomy": "partly",
            "session": i / 40
        }),
    )
}

#[wasm_bindgen_test]
async fn vault_round_trip_through_indexeddb() {
    let (vault, wrapped) = Vault::create("pomme lune vélo", 10).unwrap_or_else(|e| panic!("{e}"));
    let records: Vec<Record> = (0..10).map(help_record).collect();
    let blob = vault
        .seal_batch(7, &records)
        .unwrap_or_else(|e| panic!("{e}"));
    let key = vault.store_key("batch", "test");
    let store = IdbStore::open().await.unwrap_or_else(|e| panic!("{e}"));
    store
        .put_all(RECORDS, &[(key.clone(), blob)])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let again = Vault::unlock("pomme lune vélo", &wrapped).unwrap_or_else(|e| panic!("{e}"));
    let stored = store
        .get(RECORDS, &key)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the blob is stored"));
    let batch = again.open_batch(&stored).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(batch.batch_id, 7);
    assert_eq!(batch.records, records);
    assert!(matches!(
        Vault::unlock("pas la bonne", &wrapped),
        Err(VaultError::WrongPassphrase)
    ));
}

#[wasm_bindgen_test]
fn local_topic_ids_are_plain_ascii_words() {
    use entraide_app::services::group_topics::id_from;
    assert_eq!(
        id_from("Le site de la Mairie !"),
        "local_le_site_de_la_mairie"
    );
    assert_eq!(id_from("Écrire à l'école"), "local_ecrire_a_l_ecole");
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run with make bench-vault"]
async fn vault_figures_in_chromium() {
    let passphrase = "cerise lampe volcan tortue prairie bougie nuage";
    console_log!("unlock time (one scrypt) in headless Chromium, median of 5:");
    for wf in 14u8..=17 {
        let (_, wrapped) = Vault::create(passphrase, wf).unwrap_or_else(|e| panic!("{e}"));
        let mut times: Vec<f64> = (0..5)
            .map(|_| {
                let start = now_ms();
                Vault::unlock(passphrase, &wrapped).unwrap_or_else(|e| panic!("{e}"));
                now_ms() - start
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        let default = if wf == DEFAULT_WORK_FACTOR {
            "  <- default"
        } else {
            ""
        };
        console_log!("  work factor {wf}: {:.0} ms{default}", times[2]);
    }

    // 20,000 help records in 40 batches of 500.
    let (vault, wrapped) =
        Vault::create(passphrase, DEFAULT_WORK_FACTOR).unwrap_or_else(|e| panic!("{e}"));
    let store = IdbStore::open().await.unwrap_or_else(|e| panic!("{e}"));
    let mut json_bytes = 0usize;
    let mut stored_bytes = 0usize;
    let mut entries = Vec::new();
    for b in 0..40u64 {
        let records: Vec<Record> = (0..500)
            .map(|i| help_record(b as usize * 500 + i))
            .collect();
        json_bytes += serde_json::to_vec(&records).map(|v| v.len()).unwrap_or(0);
        let blob = vault
            .seal_batch(b, &records)
            .unwrap_or_else(|e| panic!("{e}"));
        stored_bytes += blob.len() + 64;
        entries.push((vault.store_key("batch", &format!("help-{b}")), blob));
    }
    store
        .put_all(RECORDS, &entries)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);

    let start = now_ms();
    let vault = Vault::unlock(passphrase, &wrapped).unwrap_or_else(|e| panic!("{e}"));
    let unlocked = now_ms();
    let store = IdbStore::open().await.unwrap_or_else(|e| panic!("{e}"));
    let mut loaded = 0usize;
    for key in store.keys(RECORDS).await.unwrap_or_else(|e| panic!("{e}")) {
        if let Some(blob) = store
            .get(RECORDS, &key)
            .await
            .unwrap_or_else(|e| panic!("{e}"))
        {
            if let Ok(batch) = vault.open_batch(&blob) {
                loaded += batch.records.len();
            }
        }
    }
    let done = now_ms();
    console_log!(
        "20,000 help records: unlock {:.0} ms + load {:.0} ms = {:.0} ms ({loaded} records opened)",
        unlocked - start,
        done - unlocked,
        done - start
    );

    let mut saves: Vec<f64> = Vec::new();
    for round in 0..5 {
        let records: Vec<Record> = (0..500).map(|i| help_record(i + round)).collect();
        let start = now_ms();
        let blob = vault
            .seal_batch(3, &records)
            .unwrap_or_else(|e| panic!("{e}"));
        store
            .put_all(RECORDS, &[(vault.store_key("batch", "help-3"), blob)])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        saves.push(now_ms() - start);
    }
    saves.sort_by(|a, b| a.total_cmp(b));
    console_log!(
        "one save (a batch of 500 records re-sealed and written): median {:.1} ms",
        saves[2]
    );
    console_log!(
        "bytes per record: {:.1} stored ({:.1} of JSON + {:.2} of encryption and key name)",
        stored_bytes as f64 / 20_000.0,
        json_bytes as f64 / 20_000.0,
        (stored_bytes - json_bytes) as f64 / 20_000.0
    );
}

#[wasm_bindgen_test]
fn a_local_topic_that_holds_someones_data_is_refused_by_the_guard() {
    use entraide_app::services::group_topics::{local_topic, GroupTopicsError, LocalTopicForm};
    let form = |level: &str| LocalTopicForm {
        title_fr: "Le site de la mairie".into(),
        title_en: String::new(),
        levels_fr: [
            "Je sais trouver le site de la mairie.".into(),
            level.into(),
            "Je sais montrer à quelqu'un comment prendre un rendez-vous.".into(),
        ],
        levels_en: [
            "I can find the town hall's site.".into(),
            "I can book an appointment on it.".into(),
            "I can show someone how to book an appointment.".into(),
        ],
        pix: "1.1".into(),
        digcomp: "1.1".into(),
    };
    let ordinary = local_topic(&form("Je sais prendre un rendez-vous sur le site."));
    assert!(ordinary.is_ok(), "{ordinary:?}");
    let refused = local_topic(&form(
        "Je sais écrire à marie.dupont@gmail.com pour un rendez-vous.",
    ));
    match refused {
        Err(GroupTopicsError::Sensitive(r)) => {
            assert!(
                r.message(true).contains("une adresse e-mail"),
                "{}",
                r.message(true)
            )
        }
        other => panic!("refused by the guard, not {other:?}"),
    }
}
