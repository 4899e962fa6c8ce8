//! Storage of opaque bytes under opaque keys in IndexedDB (through rexie), behind a small
//! trait so services do not depend on rexie, and errors are reported in full: rexie's own
//! message says only "idb error", so the whole chain, down to the browser's DOMException
//! name and message, is kept.

use js_sys::Uint8Array;
use rexie::{ObjectStore, Rexie, TransactionMode};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};

/// The database name. Everything the app keeps lives in it (as ciphertext).
pub const DATABASE: &str = "entraide";
/// Holds the passphrase-wrapped data key.
pub const KEYRING: &str = "keyring";
/// Holds sealed record batches under keyed-hash names.
pub const RECORDS: &str = "records";
const VERSION: u32 = 1;

/// A storage failure, with everything the browser said.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("storage failed while trying to {action}: {detail}")]
pub struct StorageError {
    /// What the app was doing.
    pub action: &'static str,
    /// The full chain of causes, including the DOMException.
    pub detail: String,
}

fn describe(action: &'static str, error: &rexie::Error) -> StorageError {
    let mut detail = format!("{error:?}");
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        detail.push_str(&format!(" <- {cause}"));
        source = cause.source();
    }
    StorageError { action, detail }
}

/// Byte storage of the vault. Every write of several entries is one transaction: it lands
/// whole or not at all.
pub trait Store {
    /// The bytes under `key` in `store`, if any.
    fn get(
        &self,
        store: &str,
        key: &str,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, StorageError>>;
    /// Writes all `entries` in `store` in one transaction.
    fn put_all(
        &self,
        store: &str,
        entries: &[(String, Vec<u8>)],
    ) -> impl Future<Output = Result<(), StorageError>>;
    /// Every key of `store`.
    fn keys(&self, store: &str) -> impl Future<Output = Result<Vec<String>, StorageError>>;
}

/// The IndexedDB store. The connection closes when it is dropped, so that deleting the
/// database is never blocked by a connection left open.
pub struct IdbStore {
    db: Option<Rexie>,
}

impl Drop for IdbStore {
    fn drop(&mut self) {
        if let Some(db) = self.db.take() {
            db.close();
        }
    }
}

impl IdbStore {
    /// Opens (creating it on first use) the app's database.
    pub async fn open() -> Result<Self, StorageError> {
        let db = Rexie::builder(DATABASE)
            .version(VERSION)
            .add_object_store(ObjectStore::new(KEYRING))
            .add_object_store(ObjectStore::new(RECORDS))
            .build()
            .await
            .map_err(|e| describe("open the database", &e))?;
        Ok(Self { db: Some(db) })
    }

    fn db(&self, action: &'static str) -> Result<&Rexie, StorageError> {
        self.db.as_ref().ok_or(StorageError {
            action,
            detail: "the database connection is closed".into(),
        })
    }
}

fn bytes_of(value: JsValue) -> Option<Vec<u8>> {
    value.dyn_into::<Uint8Array>().ok().map(|a| a.to_vec())
}

impl Store for IdbStore {
    async fn get(&self, store: &str, key: &str) -> Result<Option<Vec<u8>>, StorageError> {
        let tx = self
            .db("read")?
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(|e| describe("start reading", &e))?;
        let s = tx.store(store).map_err(|e| describe("open a store", &e))?;
        let value = s
            .get(JsValue::from_str(key))
            .await
            .map_err(|e| describe("read", &e))?;
        Ok(value.and_then(bytes_of))
    }

    async fn put_all(
        &self,
        store: &str,
        entries: &[(String, Vec<u8>)],
    ) -> Result<(), StorageError> {
        let tx = self
            .db("write")?
            .transaction(&[store], TransactionMode::ReadWrite)
            .map_err(|e| describe("start writing", &e))?;
        let s = tx.store(store).map_err(|e| describe("open a store", &e))?;
        for (key, bytes) in entries {
            let value = Uint8Array::from(bytes.as_slice());
            s.put(&value, Some(&JsValue::from_str(key)))
                .await
                .map_err(|e| describe("write", &e))?;
        }
        tx.done()
            .await
            .map_err(|e| describe("finish writing", &e))?;
        Ok(())
    }

    async fn keys(&self, store: &str) -> Result<Vec<String>, StorageError> {
        let tx = self
            .db("list keys")?
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(|e| describe("start reading", &e))?;
        let s = tx.store(store).map_err(|e| describe("open a store", &e))?;
        let keys = s
            .get_all_keys(None, None)
            .await
            .map_err(|e| describe("list keys", &e))?;
        Ok(keys.into_iter().filter_map(|k| k.as_string()).collect())
    }
}

/// Whether the app's database exists, without creating it (opening would). Browsers that
/// cannot list databases answer "maybe": `true`.
pub async fn database_exists() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let factory = js_sys::Reflect::get(&window, &JsValue::from_str("indexedDB"))
        .unwrap_or(JsValue::UNDEFINED);
    let databases = js_sys::Reflect::get(&factory, &JsValue::from_str("databases"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(databases) = databases else {
        return true;
    };
    let Ok(promise) = databases.call0(&factory) else {
        return true;
    };
    let Ok(list) = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await
    else {
        return true;
    };
    js_sys::Array::from(&list).iter().any(|db| {
        js_sys::Reflect::get(&db, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == DATABASE)
    })
}

/// Deletes the app's database without opening it (used by "delete everything").
pub async fn delete_database() -> Result<(), StorageError> {
    Rexie::delete(DATABASE)
        .await
        .map_err(|e| describe("delete the database", &e))
}
