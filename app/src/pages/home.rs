//! First screen: what Entraide is, the demo group, and the menu.

use crate::components::menu::MenuTiles;
use crate::components::page::Page;
use crate::components::vault_forms::{FirstStart, RestoreForm, UnlockForm};
use crate::i18n::*;
use crate::services::vault::{backup_due, now_ms, VaultStatus};
use crate::state::use_app_state;
use entraide_core::screens::Screen;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The home screen.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let navigate = use_navigate();
    let try_demo = move |_| {
        state.demo.set(true);
        navigate(Screen::Group.path(), Default::default());
    };
    view! {
        <Page screen=Screen::Home>
            <p class="tagline">{t!(i18n, app_tagline)}</p>
            <VaultPanel />
            <div class="card">
                <button class="button button-primary button-wide" data-testid="try-demo" on:click=try_demo>
                    {t!(i18n, home_demo)}
                </button>
                <p class="hint">{t!(i18n, home_demo_hint)}</p>
            </div>
            <h2>{t!(i18n, home_menu_title)}</h2>
            <MenuTiles />
        </Page>
    }
}

/// What the first screen shows about the person's own data: first start, unlock, or a
/// greeting with the lock button.
#[component]
fn VaultPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let starting = RwSignal::new(None::<bool>);
    move || {
        match state.vault.get() {
        VaultStatus::Checking => view! { <p class="hint">{t!(i18n, vault_checking)}</p> }.into_any(),
        VaultStatus::Empty => match starting.get() {
            None => view! {
                <div class="card">
                    <h2>{t!(i18n, start_title)}</h2>
                    <p>{t!(i18n, start_intro)}</p>
                    <div class="stack">
                        <button class="button button-primary button-wide" data-testid="start" on:click=move |_| starting.set(Some(true))>
                            {t!(i18n, start_begin)}
                        </button>
                        <button class="button button-wide" data-testid="have-backup" on:click=move |_| starting.set(Some(false))>
                            {t!(i18n, start_have_backup)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            Some(true) => view! { <FirstStart /> }.into_any(),
            Some(false) => view! { <RestoreForm /> }.into_any(),
        },
        VaultStatus::Locked => view! { <UnlockForm /> }.into_any(),
        VaultStatus::Unlocked => {
            let name = state.profile.with(|p| p.as_ref().map(|p| p.nickname.clone()).unwrap_or_default());
            let due = state.profile.with(|p| p.as_ref().is_some_and(|p| backup_due(p, now_ms())));
            view! {
                <div class="card greeting">
                    <p class="hello" data-testid="hello">{t!(i18n, vault_hello, name = move || name.clone())}</p>
                    {due.then(|| view! { <p class="hint" data-testid="backup-reminder">{t!(i18n, settings_backup_reminder)}</p> })}
                    <button class="button button-wide" data-testid="lock" on:click=move |_| state.lock()>
                        {t!(i18n, vault_lock_now)}
                    </button>
                </div>
            }
            .into_any()
        }
    }
    }
}
