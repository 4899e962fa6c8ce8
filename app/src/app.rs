//! The application: context providers, the page frame, and the router of the journeys' screens.

use crate::components::shell::Shell;
use crate::i18n::*;
use crate::pages::{
    exchange::ExchangePage, group::GroupPage, home::HomePage, not_found::NotFoundPage,
    reports::ReportsPage, session::SessionPage, settings::SettingsPage, skills::SkillsPage,
};
use crate::platform::{activity, service_worker};
use crate::services::vault::{self, VaultStatus};
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app.
#[component]
pub fn App(
    /// Register the service worker (off in component tests, which have no built files).
    #[prop(optional)]
    register_worker: bool,
) -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // The demo group survives a reload of the tab.
    Effect::new(move || crate::state::remember_demo(state.demo.get()));
    if register_worker {
        service_worker::register(Callback::new(move |()| state.update_ready.set(true)));
    }
    // Is there a vault on this browser, and is it open?
    leptos::task::spawn_local(async move {
        match vault::status().await {
            Ok(status) => state.vault.set(status),
            Err(e) => {
                web_sys::console::error_1(&e.to_string().into());
                state.vault.set(VaultStatus::Empty);
            }
        }
    });
    // Auto-lock after the person's chosen inactivity (never when set to 0).
    activity::watch(10_000, move |idle_ms| {
        let minutes = state
            .profile
            .with_untracked(|p| p.as_ref().map(|p| p.auto_lock_minutes));
        if let Some(minutes) = minutes.filter(|m| *m > 0) {
            if idle_ms >= f64::from(minutes) * 60_000.0 {
                state.lock();
            }
        }
    });
    view! {
        // A sub-context: its locale starts in French whatever the browser's languages, and
        // leptos_i18n sets no cookie (nothing about the person is stored outside the vault).
        <I18nSubContextProvider initial_locale=Signal::stored(Locale::fr)>
            <HtmlLang />
            <Router>
                <Shell>
                    <Routes fallback=|| view! { <NotFoundPage /> }>
                        <Route path=path!("/") view=HomePage />
                        <Route path=path!("/skills") view=SkillsPage />
                        <Route path=path!("/group") view=GroupPage />
                        <Route path=path!("/session") view=SessionPage />
                        <Route path=path!("/exchange") view=ExchangePage />
                        <Route path=path!("/reports") view=ReportsPage />
                        <Route path=path!("/settings") view=SettingsPage />
                    </Routes>
                </Shell>
            </Router>
        </I18nSubContextProvider>
    }
}

/// Keeps `<html lang>` in step with the chosen language (screen readers choose their voice
/// from it), and the choice in the person's profile.
#[component]
fn HtmlLang() -> impl IntoView {
    let i18n = use_i18n();
    let state = crate::state::use_app_state();
    // The language is part of the person's profile: applied when the vault opens…
    Effect::new(move |_| {
        let saved = state
            .profile
            .with(|p| p.as_ref().and_then(|p| p.language.clone()));
        match saved.as_deref() {
            Some("en") => i18n.set_locale(Locale::en),
            Some("fr") => i18n.set_locale(Locale::fr),
            _ => {}
        }
    });
    // …and saved when it changes while the vault is open.
    Effect::new(move |_| {
        let code = crate::labels::lang_code(i18n.get_locale());
        let Some(mut profile) = state.profile.get_untracked() else {
            return;
        };
        if profile.language.as_deref() == Some(code) {
            return;
        }
        profile.language = Some(code.to_string());
        leptos::task::spawn_local(async move {
            match vault::save_profile(&profile).await {
                Ok(()) => state.profile.set(Some(profile)),
                Err(e) => web_sys::console::error_1(&e.to_string().into()),
            }
        });
    });
    let lang = move || crate::labels::lang_code(i18n.get_locale());
    Effect::new(move |_| {
        let code = lang();
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", code);
        }
    });
}
