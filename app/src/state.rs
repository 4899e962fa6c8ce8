//! The app's runtime state, handed to every page through one typed context.
//!
//! Nothing here is persisted: what must survive a reload will live in the encrypted vault.

use crate::services::vault::{Profile, VaultStatus};
use leptos::prelude::*;

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
}

impl AppState {
    /// Fresh state for a new page load.
    pub fn new() -> Self {
        Self {
            demo: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            vault: RwSignal::new(VaultStatus::Checking),
            profile: RwSignal::new(None),
        }
    }
}

impl AppState {
    /// Locks the vault: the passphrase is needed again.
    pub fn lock(&self) {
        crate::services::vault::lock();
        crate::services::catalog::set_group_catalog(None);
        self.profile.set(None);
        self.vault.set(VaultStatus::Locked);
    }

    /// Records an opened vault's profile.
    pub fn opened(&self, profile: Profile) {
        self.profile.set(Some(profile));
        self.vault.set(VaultStatus::Unlocked);
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
