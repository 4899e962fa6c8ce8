//! The person's vault as the app uses it: first start, unlock, lock, saving the profile,
//! backup and restore, and "delete everything". Everything written to IndexedDB is
//! ciphertext under keyed-hash names (core's `vault`); the passphrase is never stored and
//! the unlocked vault lives only in memory.

use crate::platform::storage::{self, IdbStore, StorageError, Store, KEYRING, RECORDS};
use entraide_core::vault::{
    export_backup, generate_passphrase, import_backup, normalize_passphrase, BackupSnapshot, OsRng,
    Record, Vault, VaultError, DEFAULT_WORK_FACTOR,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Name of the wrapped key in the keyring store (a constant: it reveals nothing).
const WRAPPED_KEY: &str = "wrapped-key";
const PROFILE_KIND: &str = "profile";
const PROFILE_BATCH: u64 = 1;
/// Default inactivity before the app locks itself, in minutes (0 turns it off).
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 15;
/// A backup older than this many days is worth a reminder.
pub const BACKUP_REMINDER_DAYS: u64 = 30;

/// What the person told the app about themselves and their settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// First name or nickname.
    pub nickname: String,
    /// Minutes of inactivity before locking; 0 = never.
    pub auto_lock_minutes: u32,
    /// When the last backup was saved (ms since 1970).
    pub last_backup_at: Option<u64>,
    /// When the vault was created (ms since 1970).
    pub created_at: u64,
    /// The language the person chose ("fr" or "en"); absent in profiles saved before.
    #[serde(default)]
    pub language: Option<String>,
}

/// Whether a vault exists and is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VaultStatus {
    /// Not known yet (reading the database).
    Checking,
    /// No vault on this browser: first start.
    Empty,
    /// A vault exists; the passphrase is needed.
    Locked,
    /// Open.
    Unlocked,
}

/// Why an action on the vault failed.
#[derive(Debug, thiserror::Error)]
pub enum VaultServiceError {
    /// The vault refused (wrong passphrase, damaged data…).
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// IndexedDB failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// No vault is open.
    #[error("the vault is locked")]
    Locked,
    /// The nickname is empty.
    #[error("the nickname is empty")]
    EmptyNickname,
    /// The nickname holds something the group never keeps (core's guard).
    #[error(transparent)]
    Sensitive(#[from] entraide_core::guard::Refusal),
    /// The stored profile cannot be read.
    #[error("the profile is unreadable: {0}")]
    Profile(String),
}

impl VaultServiceError {
    /// A stable code for the message shown to the person.
    pub fn code(&self) -> &'static str {
        match self {
            VaultServiceError::Vault(e) => e.code(),
            VaultServiceError::Storage(_) => "storage",
            VaultServiceError::Locked => "locked",
            VaultServiceError::EmptyNickname => "empty_nickname",
            VaultServiceError::Sensitive(_) => "sensitive",
            VaultServiceError::Profile(_) => "damaged",
        }
    }
}

thread_local! {
    static OPEN: RefCell<Option<Rc<Vault>>> = const { RefCell::new(None) };
}

fn open_vault() -> Result<Rc<Vault>, VaultServiceError> {
    OPEN.with(|o| o.borrow().clone())
        .ok_or(VaultServiceError::Locked)
}

/// Milliseconds since 1970, from the browser.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// Lets the browser paint (a progress message) before a long computation.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A new passphrase of French words (at least 80 bits).
pub fn new_passphrase() -> String {
    generate_passphrase(&mut OsRng)
}

/// Whether a vault exists on this browser, and whether it is open.
pub async fn status() -> Result<VaultStatus, VaultServiceError> {
    if OPEN.with(|o| o.borrow().is_some()) {
        return Ok(VaultStatus::Unlocked);
    }
    // Never create the database just to look: "delete everything" must stay deleted.
    if !storage::database_exists().await {
        return Ok(VaultStatus::Empty);
    }
    let store = IdbStore::open().await?;
    Ok(match store.get(KEYRING, WRAPPED_KEY).await? {
        Some(_) => VaultStatus::Locked,
        None => VaultStatus::Empty,
    })
}

fn profile_records(profile: &Profile) -> Result<Vec<Record>, VaultServiceError> {
    let body =
        serde_json::to_value(profile).map_err(|e| VaultServiceError::Profile(e.to_string()))?;
    Ok(vec![Record::new(PROFILE_KIND, "me", body)])
}

async fn write_profile(
    store: &IdbStore,
    vault: &Vault,
    profile: &Profile,
) -> Result<(), VaultServiceError> {
    let blob = vault.seal_batch(PROFILE_BATCH, &profile_records(profile)?)?;
    let key = vault.store_key("batch", PROFILE_KIND);
    store.put_all(RECORDS, &[(key, blob)]).await?;
    Ok(())
}

async fn read_profile(store: &IdbStore, vault: &Vault) -> Result<Profile, VaultServiceError> {
    let key = vault.store_key("batch", PROFILE_KIND);
    let blob = store
        .get(RECORDS, &key)
        .await?
        .ok_or_else(|| VaultServiceError::Profile("missing".into()))?;
    let batch = vault.open_batch(&blob)?;
    let record = batch
        .records
        .into_iter()
        .find(|r| r.kind == PROFILE_KIND)
        .ok_or_else(|| VaultServiceError::Profile("no profile record".into()))?;
    serde_json::from_value(record.body).map_err(|e| VaultServiceError::Profile(e.to_string()))
}

/// Creates the vault with `passphrase` and stores the first profile. Costs one scrypt.
pub async fn create(nickname: &str, passphrase: &str) -> Result<Profile, VaultServiceError> {
    let nickname = nickname.trim();
    if nickname.is_empty() {
        return Err(VaultServiceError::EmptyNickname);
    }
    entraide_core::guard::check(nickname, entraide_core::guard::FieldKind::Nickname)?;
    let (vault, wrapped) = Vault::create(&normalize_passphrase(passphrase), DEFAULT_WORK_FACTOR)?;
    let profile = Profile {
        nickname: nickname.to_string(),
        auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
        last_backup_at: None,
        created_at: now_ms(),
        language: None,
    };
    let store = IdbStore::open().await?;
    write_profile(&store, &vault, &profile).await?;
    // The key goes in last: a vault without its profile is never left behind.
    store
        .put_all(KEYRING, &[(WRAPPED_KEY.to_string(), wrapped)])
        .await?;
    settle_new_vault(vault).await?;
    Ok(profile)
}

/// Keeps a vault just created or restored open, makes sure it holds this phone's transfer
/// keys (made with the vault), and asks the browser to keep the data.
async fn settle_new_vault(vault: Vault) -> Result<(), VaultServiceError> {
    OPEN.with(|o| *o.borrow_mut() = Some(Rc::new(vault)));
    crate::services::identity::ensure()
        .await
        .map_err(|e| VaultServiceError::Profile(e.to_string()))?;
    request_persistence().await;
    Ok(())
}

/// Opens the vault with `passphrase` and reads the profile. Costs one scrypt.
pub async fn unlock(passphrase: &str) -> Result<Profile, VaultServiceError> {
    let store = IdbStore::open().await?;
    let wrapped = store
        .get(KEYRING, WRAPPED_KEY)
        .await?
        .ok_or(VaultServiceError::Locked)?;
    let vault = Vault::unlock(&normalize_passphrase(passphrase), &wrapped)?;
    let profile = read_profile(&store, &vault).await?;
    OPEN.with(|o| *o.borrow_mut() = Some(Rc::new(vault)));
    Ok(profile)
}

/// Forgets the open vault: the passphrase is needed again.
pub fn lock() {
    OPEN.with(|o| *o.borrow_mut() = None);
}

/// The saved profile of the open vault.
pub async fn current_profile() -> Result<Profile, VaultServiceError> {
    let vault = open_vault()?;
    let store = IdbStore::open().await?;
    read_profile(&store, &vault).await
}

/// Saves the profile (one transaction: the stored copy is the old one or the new one).
pub async fn save_profile(profile: &Profile) -> Result<(), VaultServiceError> {
    let vault = open_vault()?;
    let store = IdbStore::open().await?;
    write_profile(&store, &vault, profile).await
}

/// Saves a document (any serialisable value) under `name` in its own sealed batch; one
/// transaction, so the stored copy is the old one or the new one, never a mix.
pub async fn save_document(
    name: &str,
    batch_id: u64,
    value: serde_json::Value,
) -> Result<(), VaultServiceError> {
    let vault = open_vault()?;
    let blob = vault.seal_batch(batch_id, &[Record::new(name, "me", value)])?;
    let store = IdbStore::open().await?;
    store
        .put_all(RECORDS, &[(vault.store_key("batch", name), blob)])
        .await?;
    Ok(())
}

/// Seals documents for [`write_sealed`], each `(name, batch id, value)`: the work that needs
/// the open vault, done at once, so a write queued before a lock still lands.
pub fn seal_documents(
    documents: &[(String, u64, serde_json::Value)],
) -> Result<Vec<(String, Vec<u8>)>, VaultServiceError> {
    let vault = open_vault()?;
    let mut blobs = Vec::with_capacity(documents.len());
    for (name, batch_id, value) in documents {
        let blob = vault.seal_batch(
            *batch_id,
            &[Record::new(name.as_str(), "me", value.clone())],
        )?;
        blobs.push((vault.store_key("batch", name), blob));
    }
    Ok(blobs)
}

/// Writes sealed documents in one transaction: after a crash the stored copies are all the
/// old ones or all the new ones.
pub async fn write_sealed(blobs: &[(String, Vec<u8>)]) -> Result<(), VaultServiceError> {
    let store = IdbStore::open().await?;
    store.put_all(RECORDS, blobs).await?;
    Ok(())
}

/// Reads the document saved under `name`, if any.
pub async fn load_document(name: &str) -> Result<Option<serde_json::Value>, VaultServiceError> {
    let vault = open_vault()?;
    let store = IdbStore::open().await?;
    let Some(blob) = store.get(RECORDS, &vault.store_key("batch", name)).await? else {
        return Ok(None);
    };
    let batch = vault.open_batch(&blob)?;
    Ok(batch
        .records
        .into_iter()
        .find(|r| r.kind == name)
        .map(|r| r.body))
}

/// Every record of the vault, for a backup.
async fn all_records(store: &IdbStore, vault: &Vault) -> Result<Vec<Record>, VaultServiceError> {
    let mut records = Vec::new();
    for key in store.keys(RECORDS).await? {
        if let Some(blob) = store.get(RECORDS, &key).await? {
            records.extend(vault.open_batch(&blob)?.records);
        }
    }
    Ok(records)
}

/// A backup file of everything, protected by `passphrase` (checked against the vault's).
/// Records the backup's date in the profile.
pub async fn backup(passphrase: &str, profile: &mut Profile) -> Result<Vec<u8>, VaultServiceError> {
    let store = IdbStore::open().await?;
    let wrapped = store
        .get(KEYRING, WRAPPED_KEY)
        .await?
        .ok_or(VaultServiceError::Locked)?;
    let passphrase = normalize_passphrase(passphrase);
    // The backup must open with the passphrase that opens the vault: check it first.
    let vault = Vault::unlock(&passphrase, &wrapped)?;
    profile.last_backup_at = Some(now_ms());
    write_profile(&store, &vault, profile).await?;
    let snapshot = BackupSnapshot {
        created_at: now_ms(),
        records: all_records(&store, &vault).await?,
    };
    Ok(export_backup(&passphrase, &snapshot, vault.work_factor())?)
}

/// Restores a backup file on a browser without a vault: a new vault with the same
/// passphrase, holding the backup's records.
pub async fn restore(bytes: &[u8], passphrase: &str) -> Result<Profile, VaultServiceError> {
    let passphrase = normalize_passphrase(passphrase);
    let snapshot = import_backup(&passphrase, bytes)?;
    let profile_record = snapshot
        .records
        .iter()
        .find(|r| r.kind == PROFILE_KIND)
        .ok_or_else(|| VaultServiceError::Profile("the backup has no profile".into()))?;
    let profile: Profile = serde_json::from_value(profile_record.body.clone())
        .map_err(|e| VaultServiceError::Profile(e.to_string()))?;
    let (vault, wrapped) = Vault::create(&passphrase, DEFAULT_WORK_FACTOR)?;
    let store = IdbStore::open().await?;
    write_profile(&store, &vault, &profile).await?;
    // The other documents (self-assessments…) come back under their own names.
    for (i, record) in snapshot
        .records
        .iter()
        .filter(|r| r.kind != PROFILE_KIND)
        .enumerate()
    {
        let blob = vault.seal_batch(100 + i as u64, std::slice::from_ref(record))?;
        store
            .put_all(RECORDS, &[(vault.store_key("batch", &record.kind), blob)])
            .await?;
    }
    store
        .put_all(KEYRING, &[(WRAPPED_KEY.to_string(), wrapped)])
        .await?;
    settle_new_vault(vault).await?;
    Ok(profile)
}

/// Calls `navigator.storage.<method>()` and reads its boolean answer (false when absent).
async fn storage_flag(
    method: fn(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(promise) = method(&window.navigator().storage()) else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Asks the browser not to evict the app's data; returns whether it agreed.
pub async fn request_persistence() -> bool {
    storage_flag(web_sys::StorageManager::persist).await
}

/// Whether the browser promised to keep the app's data.
pub async fn is_persisted() -> bool {
    storage_flag(web_sys::StorageManager::persisted).await
}

/// Deletes everything: the vault's database, every cache of the app, the service worker
/// and any web storage. Afterwards nothing of the person's data remains in this browser.
pub async fn delete_everything() -> Result<(), String> {
    lock();
    let mut problems = Vec::new();
    if let Err(e) = storage::delete_database().await {
        problems.push(e.to_string());
    }
    if let Some(window) = web_sys::window() {
        if let Ok(caches) = window.caches() {
            if let Ok(names) = JsFuture::from(caches.keys()).await {
                for name in js_sys::Array::from(&names).iter() {
                    if let Some(name) = name.as_string() {
                        if let Err(e) = JsFuture::from(caches.delete(&name)).await {
                            problems.push(format!("cache {name}: {e:?}"));
                        }
                    }
                }
            }
        }
        let container = window.navigator().service_worker();
        if let Ok(regs) = JsFuture::from(container.get_registrations()).await {
            for reg in js_sys::Array::from(&regs).iter() {
                if let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() {
                    if let Ok(p) = reg.unregister() {
                        let _ = JsFuture::from(p).await;
                    }
                }
            }
        }
        for storage in [window.local_storage(), window.session_storage()] {
            if let Ok(Some(s)) = storage {
                let _ = s.clear();
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

/// Whether a reminder to back up is due.
pub fn backup_due(profile: &Profile, now: u64) -> bool {
    match profile.last_backup_at {
        None => true,
        Some(at) => now.saturating_sub(at) > BACKUP_REMINDER_DAYS * 24 * 3600 * 1000,
    }
}
