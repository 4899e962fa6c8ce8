//! Component tests in headless Chromium (wasm-bindgen-test): mount the app, act, read the DOM.

use entraide_app::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

mod common;
use common::{document, sleep, text_of};

wasm_bindgen_test_configure!(run_in_browser);

fn click(selector: &str) {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .click();
}

/// Waits until `selector`'s text is `expected` (at most two seconds), then checks it.
async fn wait_for_text(selector: &str, expected: &str) {
    for _ in 0..200 {
        let found = document()
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.text_content());
        if found.as_deref() == Some(expected) {
            return;
        }
        sleep(10).await;
    }
    assert_eq!(text_of(selector), expected);
}

async fn tick() {
    sleep(0).await;
}

/// Mounts the app in a fresh element of its own (the test runner keeps its report in the body).
fn mount() -> leptos::mount::UnmountHandle<impl Mountable> {
    let host = common::fresh_host("app-under-test");
    // Every test starts on the home screen, whatever an earlier test navigated to.
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
                .ok()
        })
        .unwrap_or_else(|| panic!("history is available"));
    leptos::mount::mount_to(host, || view! { <App /> })
}

#[wasm_bindgen_test]
async fn home_is_french_by_default_and_switches_to_english() {
    let _app = mount();
    tick().await;
    assert_eq!(text_of("h1"), "Bienvenue");
    assert_eq!(
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("fr")
    );
    click("[data-testid=language-switch]");
    wait_for_text("h1", "Welcome").await;
    assert_eq!(text_of("[data-testid=language-switch]"), "Français");
    assert_eq!(document().title(), "Welcome · Entraide");
}

#[wasm_bindgen_test]
async fn menu_lists_every_screen_but_home() {
    let _app = mount();
    tick().await;
    let tiles = document()
        .query_selector_all(".tiles a")
        .unwrap_or_else(|_| panic!("a valid selector"));
    assert_eq!(
        tiles.length() as usize,
        entraide_core::screens::Screen::ALL.len() - 1
    );
}

#[wasm_bindgen_test]
async fn demo_button_shows_the_demo_banner() {
    let _app = mount();
    tick().await;
    assert!(document()
        .query_selector("[data-testid=demo-banner]")
        .ok()
        .flatten()
        .is_none());
    click("[data-testid=try-demo]");
    wait_for_text("h1", "Mon groupe").await;
    assert!(text_of("[data-testid=demo-banner]").contains("démonstration"));
}
