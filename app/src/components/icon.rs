//! Pictograms of the screens, drawn inline (no icon font, nothing fetched). Decorative: the
//! text next to them says the same thing, so they are hidden from screen readers.

use entraide_core::screens::Screen;
use leptos::prelude::*;

/// The pictogram of a screen.
#[component]
pub fn ScreenIcon(
    /// Which screen's pictogram.
    screen: Screen,
) -> impl IntoView {
    let path = match screen {
        // a house
        Screen::Home => "M4 13 L16 3 L28 13 M8 11 V28 H24 V11",
        // a star
        Screen::Skills => "M16 3 L20 12 L29 12 L22 18 L25 28 L16 22 L7 28 L10 18 L3 12 L12 12 Z",
        // two people
        Screen::Group => "M11 13 a4 4 0 1 0 0.1 0 M3 28 c0-6 4-9 8-9 s8 3 8 9 M22 12 a4 4 0 1 0 0.1 0 M18 19 c1-1 3-1.5 4-1.5 c4 0 7 3 7 9",
        // a clock
        Screen::Session => "M16 4 a12 12 0 1 0 0.1 0 M16 9 V16 L21 19",
        // a QR code
        Screen::Exchange => "M4 4 H13 V13 H4 Z M19 4 H28 V13 H19 Z M4 19 H13 V28 H4 Z M19 19 H23 V23 H19 Z M25 25 H28 V28 H25 Z",
        // a bar chart
        Screen::Reports => "M4 28 H28 M8 28 V16 M14 28 V8 M20 28 V12 M26 28 V20",
        // a slider panel
        Screen::Settings => "M4 8 H28 M4 16 H28 M4 24 H28 M10 5 V11 M22 13 V19 M14 21 V27",
    };
    view! {
        <svg class="icon" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
