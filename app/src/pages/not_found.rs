//! Shown for an address that is not a screen of the app.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::components::A;

/// The "page not found" screen.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" data-screen="not-found">
            <h1>{t!(i18n, not_found_title)}</h1>
            <p class="purpose">{t!(i18n, not_found_text)}</p>
            <A href="/" attr:class="button button-primary">{t!(i18n, back_home)}</A>
        </section>
    }
}
