//! The common layout of a screen: a way back home, its title, and what it is for.

use crate::i18n::*;
use crate::labels::{screen_purpose, screen_title};
use entraide_core::screens::Screen;
use leptos::prelude::*;
use leptos_router::components::A;

/// A screen of the app.
#[component]
pub fn Page(
    /// Which screen this is: gives its title and purpose.
    screen: Screen,
    /// The screen's content, under its title.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || screen_title(i18n.get_locale(), screen);
    Effect::new(move |_| {
        let text = format!("{} · Entraide", title());
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&text);
        }
    });
    view! {
        <section class="page" data-screen=screen.id()>
            {(screen != Screen::Home)
                .then(|| {
                    view! {
                        <A href="/" attr:class="back-link">
                            <span aria-hidden="true">"←"</span>
                            {t!(i18n, back_home)}
                        </A>
                    }
                })}
            <h1>{title}</h1>
            <p class="purpose">{move || screen_purpose(i18n.get_locale(), screen)}</p>
            {children()}
        </section>
    }
}
