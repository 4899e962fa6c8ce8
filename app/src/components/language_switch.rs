//! The button that switches between French and English, always at hand in the header.

use crate::i18n::*;
use leptos::prelude::*;

/// Shows the other language's name; a tap switches the whole app.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.get_locale() {
        Locale::fr => Locale::en,
        Locale::en => Locale::fr,
    };
    view! {
        <button
            class="button button-quiet language-switch"
            data-testid="language-switch"
            lang=move || crate::labels::lang_code(other())
            aria-label=move || t_string!(i18n, switch_language_label)
            on:click=move |_| i18n.set_locale(other())
        >
            {t!(i18n, switch_language)}
        </button>
    }
}
