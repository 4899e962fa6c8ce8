//! First screen: what Entraide is, the demo group, and the menu.

use crate::components::menu::MenuTiles;
use crate::components::page::Page;
use crate::i18n::*;
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
