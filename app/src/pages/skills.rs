//! The "skills" screen of the journeys. For now its title and purpose; the issues that build it
//! fill it in.

use crate::components::page::Page;
use crate::i18n::*;
use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The skills screen.
#[component]
pub fn SkillsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Page screen=Screen::Skills>
            <p class="card">{t!(i18n, coming_next)}</p>
        </Page>
    }
}
