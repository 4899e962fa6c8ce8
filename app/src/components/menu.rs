//! The main menu: one large tile per screen, easy to hit with a thumb.

use crate::components::icon::ScreenIcon;
use crate::i18n::*;
use crate::labels::screen_nav;
use entraide_core::screens::Screen;
use leptos::prelude::*;
use leptos_router::components::A;

/// Tiles leading to every screen except the home screen.
#[component]
pub fn MenuTiles() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav aria-label=move || t_string!(i18n, main_menu)>
            <ul class="tiles">
                {Screen::ALL
                    .into_iter()
                    .filter(|s| *s != Screen::Home)
                    .map(|screen| {
                        view! {
                            <li>
                                <A href=screen.path() attr:class="tile" attr:data-testid=format!("tile-{}", screen.id())>
                                    <ScreenIcon screen=screen />
                                    <span>{move || screen_nav(i18n.get_locale(), screen)}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
