//! The forms around the vault: first start (nickname and passphrase, with a printable
//! recovery sheet), unlock, and restore from a backup file. Paste and password managers are
//! welcome (`autocomplete`); there is no lock-out.

use crate::components::vault_error::{Failure, FailureText};
use crate::i18n::*;
use crate::services::vault::{self, VaultStatus};
use crate::state::use_app_state;
use entraide_core::vault::{passphrase_strength, Level};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The value of an input event's target.
fn value_of(ev: &leptos::ev::Event) -> String {
    event_target_value(ev)
}

/// A field for the passphrase the person already has (password managers may fill it, and
/// pasting is welcome).
#[component]
pub fn CurrentPassphrase(
    /// The input's id, unique on the page.
    id: &'static str,
    /// What is typed.
    value: RwSignal<String>,
    /// The words of the label.
    children: Children,
) -> impl IntoView {
    view! {
        <label for=id>{children()}</label>
        <input
            id=id
            name="password"
            type="password"
            autocomplete="current-password"
            prop:value=value
            on:input=move |ev| value.set(value_of(&ev))
        />
    }
}

/// First start: nickname, passphrase (suggested or own), recovery sheet, create.
#[component]
pub fn FirstStart() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let nickname = RwSignal::new(String::new());
    let generated = RwSignal::new(true);
    let suggestion = RwSignal::new(vault::new_passphrase());
    let own = RwSignal::new(String::new());
    let own_again = RwSignal::new(String::new());
    let show = RwSignal::new(false);
    let noted = RwSignal::new(false);
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let passphrase = move || {
        if generated.get() {
            suggestion.get()
        } else {
            own.get()
        }
    };
    let strength = move || passphrase_strength(&own.get());

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = nickname.get_untracked();
        let phrase = passphrase();
        let check = if name.trim().is_empty() {
            Some("empty_nickname")
        } else if !generated.get_untracked() && phrase.trim().is_empty() {
            Some("empty_passphrase")
        } else if !generated.get_untracked() && own_again.get_untracked() != phrase {
            Some("mismatch")
        } else if !generated.get_untracked() && strength().level == Level::Weak {
            Some("weak")
        } else if !noted.get_untracked() {
            Some("not_noted")
        } else {
            None
        };
        if let Some(code) = check {
            failure.set(Some(Failure::check(code)));
            return;
        }
        failure.set(None);
        working.set(true);
        spawn_local(async move {
            vault::yield_to_browser().await;
            match vault::create(&name, &phrase).await {
                Ok(profile) => state.opened(profile),
                Err(e) => failure.set(Some(e.into())),
            }
            working.set(false);
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };

    view! {
        <form class="card form" on:submit=create data-testid="first-start">
            <label for="nickname">{t!(i18n, start_nickname)}</label>
            <input
                id="nickname"
                name="nickname"
                type="text"
                autocomplete="nickname"
                prop:value=nickname
                on:input=move |ev| nickname.set(value_of(&ev))
            />
            <fieldset>
                <legend>{t!(i18n, start_choice_legend)}</legend>
                <label class="choice">
                    <input
                        type="radio"
                        name="passphrase-choice"
                        prop:checked=generated
                        on:change=move |_| generated.set(true)
                    />
                    <span>{t!(i18n, start_choice_generated)}</span>
                </label>
                <label class="choice">
                    <input
                        type="radio"
                        name="passphrase-choice"
                        prop:checked=move || !generated.get()
                        on:change=move |_| generated.set(false)
                    />
                    <span>{t!(i18n, start_choice_own)}</span>
                </label>
            </fieldset>
            <Show
                when=move || generated.get()
                fallback=move || {
                    view! {
                        <label for="passphrase">{t!(i18n, start_passphrase)}</label>
                        <input
                            id="passphrase"
                            name="new-password"
                            type=move || if show.get() { "text" } else { "password" }
                            autocomplete="new-password"
                            prop:value=own
                            on:input=move |ev| own.set(value_of(&ev))
                        />
                        <label for="passphrase-again">{t!(i18n, start_passphrase_again)}</label>
                        <input
                            id="passphrase-again"
                            name="new-password-again"
                            type=move || if show.get() { "text" } else { "password" }
                            autocomplete="new-password"
                            prop:value=own_again
                            on:input=move |ev| own_again.set(value_of(&ev))
                        />
                        <label class="choice">
                            <input type="checkbox" prop:checked=show on:change=move |_| show.update(|s| *s = !*s) />
                            <span>{t!(i18n, start_show)}</span>
                        </label>
                        <p class="strength" data-testid="strength">
                            {t!(i18n, strength_label)}
                            " "
                            <strong>
                                {move || match strength().level {
                                    Level::Weak => t_string!(i18n, strength_weak),
                                    Level::Fair => t_string!(i18n, strength_fair),
                                    Level::Strong => t_string!(i18n, strength_strong),
                                }}
                            </strong>
                        </p>
                    }
                }
            >
                <p>{t!(i18n, start_generated_intro)}</p>
                <p class="passphrase" data-testid="suggested-passphrase" lang="fr">{suggestion}</p>
                <div class="row">
                    <button type="button" class="button" on:click=move |_| suggestion.set(vault::new_passphrase())>
                        {t!(i18n, start_other_phrase)}
                    </button>
                    <button type="button" class="button" on:click=print>{t!(i18n, start_print)}</button>
                </div>
            </Show>
            <label class="choice">
                <input type="checkbox" name="noted" prop:checked=noted on:change=move |_| noted.update(|n| *n = !*n) />
                <span>{t!(i18n, start_noted)}</span>
            </label>
            <FailureText failure=failure />
            <button type="submit" class="button button-primary button-wide" disabled=working data-testid="create-vault">
                {move || if working.get() { t_string!(i18n, start_working) } else { t_string!(i18n, start_create) }}
            </button>
        </form>
        <section class="recovery-sheet" aria-hidden="true">
            <h2>{t!(i18n, recovery_sheet_title)}</h2>
            <p>{t!(i18n, recovery_sheet_text)}</p>
            <p class="passphrase">{passphrase}</p>
        </section>
    }
}

/// Unlock with the passphrase. A wrong passphrase loses nothing and can be retried at will.
#[component]
pub fn UnlockForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let forgot = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let phrase = passphrase.get_untracked();
        if phrase.trim().is_empty() {
            failure.set(Some(Failure::check("empty_passphrase")));
            return;
        }
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            vault::yield_to_browser().await;
            match vault::unlock(&phrase).await {
                Ok(profile) => {
                    passphrase.set(String::new());
                    state.opened(profile);
                }
                Err(e) => failure.set(Some(e.into())),
            }
            working.set(false);
        });
    };
    view! {
        <form class="card form" on:submit=unlock data-testid="unlock">
            <h2>{t!(i18n, unlock_title)}</h2>
            <CurrentPassphrase id="unlock-passphrase" value=passphrase>
                {t!(i18n, unlock_passphrase)}
            </CurrentPassphrase>
            <FailureText failure=failure />
            <button type="submit" class="button button-primary button-wide" disabled=working>
                {move || if working.get() { t_string!(i18n, unlock_working) } else { t_string!(i18n, unlock_button) }}
            </button>
            <button type="button" class="button button-quiet button-wide" on:click=move |_| forgot.update(|f| *f = !*f)>
                {t!(i18n, unlock_forgot)}
            </button>
            <Show when=move || forgot.get()>
                <p>{t!(i18n, unlock_forgot_text)}</p>
                <crate::components::delete_everything::DeleteEverything />
            </Show>
        </form>
    }
}

/// Restore a backup file on a browser without a vault.
#[component]
pub fn RestoreForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let passphrase = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let restore = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let file = file_input
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            failure.set(Some(Failure::check("no_file")));
            return;
        };
        let phrase = passphrase.get_untracked();
        working.set(true);
        failure.set(None);
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(e) => {
                    failure.set(Some(Failure {
                        code: "storage",
                        detail: format!("{e:?}"),
                    }));
                    working.set(false);
                    return;
                }
            };
            vault::yield_to_browser().await;
            match vault::restore(&bytes, &phrase).await {
                Ok(profile) => state.opened(profile),
                Err(e) => failure.set(Some(e.into())),
            }
            working.set(false);
        });
    };
    view! {
        <form class="card form" on:submit=restore data-testid="restore">
            <h2>{t!(i18n, restore_title)}</h2>
            <label for="restore-file">{t!(i18n, restore_file)}</label>
            <input id="restore-file" type="file" accept=".age,text/plain,application/octet-stream" node_ref=file_input />
            <CurrentPassphrase id="restore-passphrase" value=passphrase>
                {t!(i18n, restore_passphrase)}
            </CurrentPassphrase>
            <FailureText failure=failure />
            <button type="submit" class="button button-primary button-wide" disabled=working>
                {move || if working.get() { t_string!(i18n, restore_working) } else { t_string!(i18n, restore_button) }}
            </button>
        </form>
    }
}

/// What a screen of the person's own data shows while the vault is closed: why, and the
/// unlock form right there, so that a reload in the middle of a screen comes back to it.
#[component]
pub fn LockedScreen(
    /// Names the hint for the tests (`group-locked`, …).
    testid: &'static str,
    /// Why the screen needs the data open, in one sentence.
    children: Children,
) -> impl IntoView {
    let state = use_app_state();
    view! {
        <p class="card" data-testid=testid>{children()}</p>
        <Show when=move || state.vault.get() == VaultStatus::Locked>
            <UnlockForm />
        </Show>
    }
}
