//! "Delete everything": one clearly confirmed action, then the app starts afresh.

use crate::i18n::*;
use crate::services::vault::{self, VaultStatus};
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The button, its confirmation, and the deletion.
#[component]
pub fn DeleteEverything() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let asking = RwSignal::new(false);
    let deleted = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let confirm = move |_| {
        spawn_local(async move {
            match vault::delete_everything().await {
                Ok(()) => {
                    // No reload: reloading would install the app again at once.
                    state.profile.set(None);
                    state.vault.set(VaultStatus::Empty);
                    asking.set(false);
                    deleted.set(true);
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <div class="delete-everything">
            <p>{t!(i18n, settings_delete_intro)}</p>
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button button-danger button-wide" on:click=move |_| asking.set(true)>
                            {t!(i18n, settings_delete_button)}
                        </button>
                    }
                }
            >
                <button type="button" class="button button-danger-strong button-wide" data-testid="confirm-delete" on:click=confirm>
                    {t!(i18n, settings_delete_confirm)}
                </button>
                <button type="button" class="button button-wide" on:click=move |_| asking.set(false)>
                    {t!(i18n, settings_delete_cancel)}
                </button>
            </Show>
            <p class="status" role="status" data-testid="deleted">
                {move || deleted.get().then(|| t_string!(i18n, settings_delete_done))}
            </p>
            {move || problem.get().map(|p| view! { <p class="error-text" role="alert">{t!(i18n, error_other)} " " {p}</p> })}
        </div>
    }
}
