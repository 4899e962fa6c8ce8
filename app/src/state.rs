//! The app's runtime state, handed to every page through one typed context.
//!
//! Nothing here is persisted: what must survive a reload will live in the encrypted vault.

use crate::services::record::{self, Book, Opened, RecordError};
use crate::services::vault::{Profile, VaultStatus};
use leptos::prelude::*;
use reactive_stores::Store;

/// The groups' records as every screen reads them: one reactive store, written only through
/// [`AppState::write_record`] and the hand-over services, whose saves go through the
/// record's ordered queue.
#[derive(Store, Default)]
pub struct Records {
    /// Every group's record, open in memory once the vault is (None while locked or loading).
    pub book: Option<Book>,
    /// Why the records could not be opened or saved, if they could not.
    pub error: Option<RecordErrorView>,
    /// How the records were opened (stored, moved from the earlier version, none yet).
    pub opened: Option<Opened>,
}

/// State shared by every screen.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The person is trying the app with the demo group: nothing they do is saved.
    pub demo: RwSignal<bool>,
    /// A new build has been downloaded by the service worker and waits for the person's go.
    pub update_ready: RwSignal<bool>,
    /// Whether the vault exists and is open.
    pub vault: RwSignal<VaultStatus>,
    /// The open vault's profile (None when locked or absent).
    pub profile: RwSignal<Option<Profile>>,
    /// The groups' records (see [`Records`]).
    pub records: Store<Records, LocalStorage>,
}

/// A record error as the screen shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordErrorView {
    /// In French.
    pub fr: &'static str,
    /// In English.
    pub en: &'static str,
}

impl From<&RecordError> for RecordErrorView {
    fn from(e: &RecordError) -> Self {
        Self {
            fr: e.message(true),
            en: e.message(false),
        }
    }
}

/// Where the tab remembers that it shows the demo group, so a reload stays in it. Session
/// storage: one flag, nothing personal, gone when the tab closes; never the vault.
const DEMO_FLAG: &str = "entraide-demo";

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// Whether this tab was showing the demo group before a reload.
fn demo_remembered() -> bool {
    session_storage()
        .and_then(|s| s.get_item(DEMO_FLAG).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// Remembers (or forgets) for this tab that it shows the demo group.
pub fn remember_demo(on: bool) {
    if let Some(storage) = session_storage() {
        let _ = if on {
            storage.set_item(DEMO_FLAG, "1")
        } else {
            storage.remove_item(DEMO_FLAG)
        };
    }
}

impl AppState {
    /// Fresh state for a new page load (in the demo group again if the tab was in it).
    pub fn new() -> Self {
        Self {
            demo: RwSignal::new(demo_remembered()),
            update_ready: RwSignal::new(false),
            vault: RwSignal::new(VaultStatus::Checking),
            profile: RwSignal::new(None),
            records: Store::new_local(Records::default()),
        }
    }
}

impl AppState {
    /// Locks the vault: the passphrase is needed again.
    pub fn lock(&self) {
        crate::services::vault::lock();
        crate::services::catalog::set_group_catalog(None);
        self.profile.set(None);
        self.records.book().set(None);
        self.records.opened().set(None);
        self.vault.set(VaultStatus::Locked);
    }

    /// Records an opened vault's profile, then opens the group records (moving the earlier
    /// version's documents into them on the first unlock).
    pub fn opened(&self, profile: Profile) {
        self.profile.set(Some(profile));
        self.vault.set(VaultStatus::Unlocked);
        let state = *self;
        leptos::task::spawn_local(async move {
            state.load_records().await;
        });
    }

    /// Opens the group records into [`AppState::records`].
    pub async fn load_records(&self) {
        match record::open().await {
            Ok((book, opened)) => {
                self.records.book().set(Some(book));
                self.records.opened().set(Some(opened));
                self.records.error().set(None);
            }
            Err(e) => {
                web_sys::console::warn_1(&format!("records: {e}").into());
                self.records.error().set(Some(RecordErrorView::from(&e)));
            }
        }
    }

    /// Writes into one group's record and queues its save; the screen re-renders from
    /// [`AppState::records`]. `write` returns what the caller needs.
    pub fn write_record<T>(
        &self,
        group: entraide_core::transfer::GroupId,
        write: impl FnOnce(&mut entraide_core::merge::Replica) -> T,
    ) -> Result<T, RecordError> {
        let result = self
            .records
            .book()
            .try_update(|book| {
                let book = book.as_mut().ok_or(RecordError::UnknownGroup)?;
                let replica = book.replica_mut(group).ok_or(RecordError::UnknownGroup)?;
                let out = write(replica);
                book.save(group)?;
                Ok(out)
            })
            .unwrap_or(Err(RecordError::UnknownGroup));
        if let Err(e) = &result {
            self.records.error().set(Some(RecordErrorView::from(e)));
        }
        result
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// The app state provided by [`crate::App`].
///
/// # Panics
/// Panics when called outside the app (a programming error, never caused by input).
pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| panic!("AppState is provided by App"))
}
