//! Settings: language now; lock, backup and delete everything come with the vault.

use crate::components::page::Page;
use crate::i18n::*;
use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
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
        <Page screen=Screen::Settings>
            <fieldset class="card">
                <legend>{t!(i18n, settings_language)}</legend>
                {choice(Locale::fr, "fr")}
                {choice(Locale::en, "en")}
            </fieldset>
            <p class="card">{t!(i18n, coming_next)}</p>
        </Page>
    }
}
