//! Helpers shared by the browser tests: the page's document, a timer that lets Leptos
//! render, a fresh element to mount into, and performance.now for benchmarks.
#![allow(dead_code)] // each test file uses its own subset

use wasm_bindgen::JsCast;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| panic!("a document"))
}

/// The text of the first element matching `selector`.
///
/// # Panics
/// When no element matches (the test then fails with the selector).
pub fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

/// Waits `ms` milliseconds, letting Leptos run its effects and render.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .and_then(|w| {
                w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                    .ok()
            })
            .unwrap_or_else(|| panic!("setTimeout is available"));
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .unwrap_or_else(|_| panic!("the timer resolves"));
}

/// A new empty element `id` in the body (replacing an older one): the test runner keeps its
/// report in the body, so components are mounted beside it.
pub fn fresh_host(id: &str) -> web_sys::HtmlElement {
    let doc = document();
    if let Some(old) = doc.get_element_by_id(id) {
        old.remove();
    }
    let host = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| panic!("a div"));
    host.set_id(id);
    doc.body()
        .unwrap_or_else(|| panic!("a body"))
        .append_child(&host)
        .unwrap_or_else(|_| panic!("the div is added"));
    host
}

/// Milliseconds from the page's high-resolution clock.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(|| panic!("performance.now is available"))
}
