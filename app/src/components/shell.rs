//! The frame around every screen: skip link, header with the language switch, the demo and
//! update banners, and the main region.

use crate::components::language_switch::LanguageSwitch;
use crate::i18n::*;
use crate::platform::service_worker;
use crate::state::use_app_state;
use crate::state::RecordsStoreFields;
use leptos::prelude::*;
use leptos_router::components::A;

/// Frames the current screen.
#[component]
pub fn Shell(
    /// The routed screen.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="app-header">
            <A href="/" attr:class="brand">
                <img src="/icons/icon.svg" alt="" width="40" height="40" />
                <span>{t!(i18n, app_name)}</span>
            </A>
            <LanguageSwitch />
        </header>
        <Show when=move || state.update_ready.get()>
            <div class="banner banner-update" role="status">
                <p>{t!(i18n, update_ready)}</p>
                <button class="button" on:click=move |_| service_worker::apply_update()>
                    {t!(i18n, update_apply)}
                </button>
            </div>
        </Show>
        <Show when=move || state.demo.get()>
            <div class="banner banner-demo" role="status" data-testid="demo-banner">
                <p>{t!(i18n, demo_banner)}</p>
                <button class="button button-quiet" on:click=move |_| state.demo.set(false)>
                    {t!(i18n, demo_leave)}
                </button>
            </div>
        </Show>
        // A record that could not be read or saved: said once, for every screen.
        <Show when=move || state.records.error().with(Option::is_some)>
            <div class="banner banner-error" role="alert" data-testid="records-error">
                <p>
                    {move || state.records.error().with(|e| {
                        e.as_ref().map(|e| if i18n.get_locale() == Locale::fr { e.fr } else { e.en })
                    })}
                </p>
            </div>
        </Show>
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <footer class="app-footer">
            <p>{t!(i18n, privacy_promise)}</p>
        </footer>
    }
}
