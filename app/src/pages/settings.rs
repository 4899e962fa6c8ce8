//! Settings: language, my first name, locking, backup, and delete everything.

use crate::components::delete_everything::DeleteEverything;
use crate::components::group_topics::GroupTopicsSetting;
use crate::components::page::Page;
use crate::components::vault_error::{Failure, FailureText};
use crate::components::vault_forms::{CurrentPassphrase, UnlockForm};
use crate::i18n::*;
use crate::services::vault::{self, backup_due, now_ms, Profile, VaultStatus};
use crate::state::use_app_state;
use entraide_core::screens::Screen;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <Page screen=Screen::Settings>
            <LanguageChoice />
            <Show
                when=move || state.vault.get() == VaultStatus::Unlocked
                fallback=move || {
                    view! {
                        <p class="card">{t!(i18n, settings_locked_hint)}</p>
                        <Show when=move || state.vault.get() == VaultStatus::Locked>
                            <UnlockForm />
                        </Show>
                    }
                }
            >
                <NameSetting />
                <LockSetting />
                <BackupSetting />
                <GroupTopicsSetting />
            </Show>
            <section class="card">
                <h2>{t!(i18n, settings_delete_title)}</h2>
                <DeleteEverything />
            </section>
        </Page>
    }
}

#[component]
fn LanguageChoice() -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |locale: Locale, code: &'static str| {
        let label = match locale {
            Locale::fr => td_string!(locale, settings_language_fr),
            Locale::en => td_string!(locale, settings_language_en),
        };
        view! {
            <label class="choice" lang=code>
                <input
                    type="radio"
                    name="language"
                    value=code
                    prop:checked=move || i18n.get_locale() == locale
                    on:change=move |_| i18n.set_locale(locale)
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="card">
            <legend>{t!(i18n, settings_language)}</legend>
            {choice(Locale::fr, "fr")}
            {choice(Locale::en, "en")}
        </fieldset>
    }
}

/// Saves `change` applied to the profile, then reports through `done`.
fn save(
    state: crate::state::AppState,
    change: impl FnOnce(&mut Profile) + 'static,
    done: impl FnOnce(Result<(), Failure>) + 'static,
) {
    let Some(mut profile) = state.profile.get_untracked() else {
        return;
    };
    change(&mut profile);
    spawn_local(async move {
        match vault::save_profile(&profile).await {
            Ok(()) => {
                state.profile.set(Some(profile));
                done(Ok(()));
            }
            Err(e) => done(Err(e.into())),
        }
    });
}

#[component]
fn NameSetting() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let name = RwSignal::new(
        state
            .profile
            .with_untracked(|p| p.as_ref().map(|p| p.nickname.clone()).unwrap_or_default()),
    );
    let saved = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_string();
        if value.is_empty() {
            failure.set(Some(Failure::check("empty_nickname")));
            return;
        }
        if let Err(refusal) =
            entraide_core::guard::check(&value, entraide_core::guard::FieldKind::Nickname)
        {
            failure.set(Some(Failure::refused(&refusal)));
            return;
        }
        saved.set(false);
        failure.set(None);
        save(
            state,
            move |p| p.nickname = value,
            move |r| match r {
                Ok(()) => saved.set(true),
                Err(f) => failure.set(Some(f)),
            },
        );
    };
    view! {
        <form class="card form" on:submit=submit data-testid="name-setting">
            <h2>{t!(i18n, settings_me)}</h2>
            <label for="settings-name">{t!(i18n, settings_me_label)}</label>
            <input id="settings-name" type="text" autocomplete="nickname" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
            <FailureText failure=failure />
            <p class="status" role="status" data-testid="name-saved">{move || saved.get().then(|| t_string!(i18n, settings_saved))}</p>
            <button type="submit" class="button button-primary button-wide">{t!(i18n, settings_save)}</button>
        </form>
    }
}

#[component]
fn LockSetting() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let minutes = move || {
        state
            .profile
            .with(|p| p.as_ref().map(|p| p.auto_lock_minutes).unwrap_or(0))
    };
    let failure = RwSignal::new(None::<Failure>);
    let change = move |ev: leptos::ev::Event| {
        let value: u32 = event_target_value(&ev).parse().unwrap_or(0);
        save(
            state,
            move |p| p.auto_lock_minutes = value,
            move |r| failure.set(r.err()),
        );
    };
    view! {
        <section class="card form">
            <h2>{t!(i18n, settings_lock_title)}</h2>
            <label for="auto-lock">{t!(i18n, settings_auto_lock)}</label>
            <select id="auto-lock" on:change=change data-testid="auto-lock">
                <option value="0" selected=move || minutes() == 0>{t!(i18n, settings_auto_lock_never)}</option>
                {[5u32, 15, 30, 60]
                    .into_iter()
                    .map(|n| view! { <option value=n.to_string() selected=move || minutes() == n>{t!(i18n, settings_minutes, n = move || n)}</option> })
                    .collect_view()}
            </select>
            <FailureText failure=failure />
            <button class="button button-wide" on:click=move |_| state.lock()>{t!(i18n, vault_lock_now)}</button>
        </section>
    }
}

fn local_date(ms: u64, french: bool) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let locale = if french { "fr-FR" } else { "en-GB" };
    date.to_locale_date_string(locale, &JsValue::UNDEFINED)
        .into()
}

/// Offers `bytes` as a file download.
fn download(bytes: &[u8], name: &str) -> Result<(), JsValue> {
    crate::platform::download::offer_file(bytes, name, "application/octet-stream")
}

#[component]
fn BackupSetting() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let done = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move { persisted.set(Some(vault::is_persisted().await)) });
    let french = move || i18n.get_locale() == Locale::fr;
    let last = move || {
        state
            .profile
            .with(|p| p.as_ref().and_then(|p| p.last_backup_at))
    };
    let due = move || {
        state
            .profile
            .with(|p| p.as_ref().is_some_and(|p| backup_due(p, now_ms())))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut profile) = state.profile.get_untracked() else {
            return;
        };
        let phrase = passphrase.get_untracked();
        working.set(true);
        done.set(false);
        failure.set(None);
        spawn_local(async move {
            vault::yield_to_browser().await;
            match vault::backup(&phrase, &mut profile).await {
                Ok(bytes) => {
                    let day = local_date(now_ms(), false).replace('/', "-");
                    let name = format!("entraide-sauvegarde-{day}.age");
                    match download(&bytes, &name) {
                        Ok(()) => {
                            passphrase.set(String::new());
                            state.profile.set(Some(profile));
                            done.set(true);
                        }
                        Err(e) => failure.set(Some(Failure {
                            code: "storage",
                            detail: format!("{e:?}"),
                        })),
                    }
                }
                Err(e) => failure.set(Some(e.into())),
            }
            working.set(false);
        });
    };
    let ask = move |_| {
        spawn_local(async move { persisted.set(Some(vault::request_persistence().await)) })
    };
    view! {
        <form class="card form" on:submit=submit data-testid="backup">
            <h2>{t!(i18n, settings_backup_title)}</h2>
            <p>{t!(i18n, settings_backup_intro)}</p>
            <p data-testid="last-backup">
                {move || match last() {
                    Some(at) => {
                        let date = local_date(at, french());
                        t!(i18n, settings_backup_last, date = move || date.clone()).into_any()
                    }
                    None => t!(i18n, settings_backup_never).into_any(),
                }}
            </p>
            <Show when=due>
                <p class="hint">{t!(i18n, settings_backup_reminder)}</p>
            </Show>
            <CurrentPassphrase id="backup-passphrase" value=passphrase>
                {t!(i18n, settings_backup_passphrase)}
            </CurrentPassphrase>
            <FailureText failure=failure />
            <p class="status" role="status" data-testid="backup-done">{move || done.get().then(|| t_string!(i18n, settings_backup_done))}</p>
            <button type="submit" class="button button-primary button-wide" disabled=working>
                {move || if working.get() { t_string!(i18n, settings_backup_working) } else { t_string!(i18n, settings_backup_button) }}
            </button>
            {move || match persisted.get() {
                Some(true) => view! { <p class="hint">{t!(i18n, settings_persisted)}</p> }.into_any(),
                Some(false) => view! {
                    <p class="hint">{t!(i18n, settings_not_persisted)}</p>
                    <button type="button" class="button button-wide" on:click=ask>{t!(i18n, settings_persist_ask)}</button>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </form>
    }
}
