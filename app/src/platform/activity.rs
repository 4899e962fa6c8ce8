//! Inactivity: calls back when nobody has touched or typed for a while (for auto-lock).

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{closure::Closure, JsCast};

/// Watches taps and keys; every `check_ms`, calls `on_idle(idle_ms)` with the time since the
/// last one. Lives as long as the page.
pub fn watch(check_ms: i32, on_idle: impl Fn(f64) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let last = Rc::new(Cell::new(js_sys::Date::now()));
    let touch = {
        let last = last.clone();
        Closure::<dyn FnMut()>::new(move || last.set(js_sys::Date::now()))
    };
    for event in ["pointerdown", "keydown", "scroll"] {
        let _ = window.add_event_listener_with_callback(event, touch.as_ref().unchecked_ref());
    }
    touch.forget();
    let tick = Closure::<dyn FnMut()>::new(move || on_idle(js_sys::Date::now() - last.get()));
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        check_ms,
    );
    tick.forget();
}
