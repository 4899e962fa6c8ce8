//! Registration of the service worker (`public/sw.js`) and the "new version ready" flow.
//!
//! A new build gives a new worker; it waits until the person taps "Update" (so nothing is
//! reloaded in the middle of their work), then takes over and the page reloads once.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

const SCRIPT: &str = "/sw.js";
const ACTIVATE_MESSAGE: &str = "entraide:activate-update";

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in some private modes and on insecure origins.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()
        .filter(|has| *has)
        .map(|_| navigator.service_worker())
}

fn report(what: &str, error: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str(what), error);
}

/// Registers the worker; calls `on_update_ready` when a new version waits to take over.
pub fn register(on_update_ready: Callback<()>) {
    let Some(container) = container() else {
        return;
    };
    spawn_local(async move {
        let registration = match JsFuture::from(container.register(SCRIPT)).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(e) => return report("Entraide: service worker registration failed", &e),
        };
        let has_controller = {
            let c = container.clone();
            move || c.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            on_update_ready.run(());
        }
        let reg = registration.clone();
        let on_update_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg.installing() else {
                return;
            };
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // A first install has no controller: nothing to update from.
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    on_update_ready.run(());
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Lets the waiting worker take over, then reloads the page once it has.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    spawn_local(async move {
        match JsFuture::from(container.get_registration()).await {
            Ok(r) if !r.is_undefined() => {
                let registration = r.unchecked_into::<ServiceWorkerRegistration>();
                if let Some(waiting) = registration.waiting() {
                    if let Err(e) = waiting.post_message(&JsValue::from_str(ACTIVATE_MESSAGE)) {
                        report("Entraide: could not start the update", &e);
                    }
                }
            }
            Ok(_) => {}
            Err(e) => report("Entraide: no service worker registration", &e),
        }
    });
}
