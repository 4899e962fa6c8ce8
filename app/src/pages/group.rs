//! My group: its members and charter. In demo mode, the made-up demo group.

use crate::components::page::Page;
use crate::i18n::*;
use crate::state::use_app_state;
use entraide_core::{demo, screens::Screen};
use leptos::prelude::*;

/// The group screen.
#[component]
pub fn GroupPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <Page screen=Screen::Group>
            <Show
                when=move || state.demo.get()
                fallback=move || view! { <p class="card">{t!(i18n, group_empty)}</p> }
            >
                <h2>{t!(i18n, group_demo_name)}</h2>
                <h3>{t!(i18n, group_members)}</h3>
                <ul class="people" data-testid="demo-members">
                    {demo::members()
                        .iter()
                        .map(|m| view! { <li>{m.nickname}</li> })
                        .collect_view()}
                </ul>
            </Show>
        </Page>
    }
}
