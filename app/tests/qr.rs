//! Component tests of the QR pieces in headless Chromium: the code drawn on the canvas reads
//! back (with core's decoder) as the payload; an animated code moves and obeys its speed and
//! density buttons; the confirmation code is shown; a scanner without a camera says so in
//! plain French.

use entraide_app::components::confirm_code::ConfirmCode;
use entraide_app::components::qr_display::QrDisplay;
use entraide_app::components::scanner::Scanner;
use entraide_app::i18n::*;
use entraide_core::transfer::frames::{Incoming, Reception};
use entraide_core::transfer::qr::{decode_gray, rgba_to_gray};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{document, sleep};

wasm_bindgen_test_configure!(run_in_browser);

fn mount<V: IntoView + 'static>(
    id: &str,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    let host = common::fresh_host(id);
    leptos::mount::mount_to(host, move || {
        view! {
            <I18nSubContextProvider initial_locale=Signal::stored(Locale::fr)>
                {view()}
            </I18nSubContextProvider>
        }
    })
}

fn element(selector: &str) -> web_sys::Element {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

/// The texts of the QR codes drawn on the canvas, read back with core's decoder.
fn read_canvas(selector: &str) -> Vec<String> {
    let canvas: web_sys::HtmlCanvasElement = element(selector)
        .dyn_into()
        .unwrap_or_else(|_| panic!("a canvas"));
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .unwrap_or_else(|| panic!("a 2d context"));
    let (w, h) = (canvas.width(), canvas.height());
    let data = context
        .get_image_data(0.0, 0.0, w.into(), h.into())
        .unwrap_or_else(|_| panic!("pixels"))
        .data();
    decode_gray(w as usize, h as usize, &rgba_to_gray(&data)).unwrap_or_default()
}

fn payload(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

#[wasm_bindgen_test]
async fn a_small_payload_is_one_code_that_reads_back() {
    let bytes = payload(300);
    let shown = bytes.clone();
    let _handle = mount(
        "qr-single",
        move || view! { <QrDisplay payload=shown.clone() label="Code d'essai".to_string() /> },
    );
    sleep(100).await;
    let figure = element("#qr-single [data-testid=qr-display]");
    assert_eq!(figure.get_attribute("data-fragments").as_deref(), Some("1"));
    assert!(document()
        .query_selector("#qr-single .qr-controls")
        .ok()
        .flatten()
        .is_none());
    assert_eq!(
        element("#qr-single canvas")
            .get_attribute("aria-label")
            .as_deref(),
        Some("Code d'essai")
    );
    let texts = read_canvas("#qr-single canvas");
    assert_eq!(texts.len(), 1);
    let mut incoming = Incoming::new();
    assert_eq!(incoming.receive(&texts[0]), Ok(Reception::Complete(bytes)));
}

#[wasm_bindgen_test]
async fn a_large_payload_animates_and_obeys_speed_and_density() {
    let bytes = payload(5000);
    let shown = bytes.clone();
    let _handle = mount(
        "qr-animated",
        move || view! { <QrDisplay payload=shown.clone() label="Essai".to_string() /> },
    );
    sleep(100).await;
    let figure = element("#qr-animated [data-testid=qr-display]");
    let medium: usize = figure
        .get_attribute("data-fragments")
        .and_then(|f| f.parse().ok())
        .unwrap_or(0);
    assert!(medium > 1, "{medium} fragments");
    // The frames move on by themselves (8 a second by default) and rebuild the payload.
    let mut incoming = Incoming::new();
    let mut complete = None;
    for _ in 0..(4 * medium) {
        for text in read_canvas("#qr-animated canvas") {
            if let Ok(Reception::Complete(message)) = incoming.receive(&text) {
                complete = Some(message);
            }
        }
        if complete.is_some() {
            break;
        }
        sleep(130).await;
    }
    assert_eq!(complete, Some(bytes));
    // Lower speed, then tighter codes: fewer, denser frames.
    let buttons = document()
        .query_selector_all("#qr-animated .qr-controls button")
        .unwrap_or_else(|_| panic!("buttons"));
    assert_eq!(buttons.length(), 6);
    let press = |i: u32| {
        buttons
            .get(i)
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            .unwrap_or_else(|| panic!("button {i}"))
            .click()
    };
    press(0);
    sleep(50).await;
    let slow = element("#qr-animated .qr-controls button");
    assert_eq!(slow.get_attribute("aria-pressed").as_deref(), Some("true"));
    press(5);
    sleep(100).await;
    let high: usize = figure
        .get_attribute("data-fragments")
        .and_then(|f| f.parse().ok())
        .unwrap_or(0);
    assert!(
        high < medium,
        "{high} frames at high density, {medium} at medium"
    );
}

#[wasm_bindgen_test]
async fn the_confirmation_code_is_shown_big_with_what_to_check() {
    let _handle = mount(
        "confirm",
        || view! { <ConfirmCode code="482 913".to_string() partner="Sophie".to_string() /> },
    );
    sleep(50).await;
    assert_eq!(
        element("#confirm [data-testid=confirm-code]")
            .text_content()
            .as_deref(),
        Some("482 913")
    );
    let text = element("#confirm [data-testid=confirm]")
        .text_content()
        .unwrap_or_default();
    assert!(text.contains("Sophie doit voir le même code"), "{text}");
}

#[wasm_bindgen_test]
async fn a_scanner_without_a_camera_says_so_and_offers_a_photo() {
    let received = RwSignal::new(None::<Vec<u8>>);
    let _handle = mount("scanner", move || {
        view! { <Scanner on_payload=Callback::new(move |bytes| received.set(Some(bytes))) hint="Visez le code".to_string() /> }
    });
    let mut status = String::new();
    for _ in 0..50 {
        sleep(100).await;
        status = element("#scanner [data-testid=scan-status]")
            .text_content()
            .unwrap_or_default();
        if status.contains("caméra") {
            break;
        }
    }
    assert!(status.contains("caméra"), "{status}");
    assert!(element("#scanner [data-testid=scan-picture]")
        .get_attribute("accept")
        .is_some());
    assert_eq!(received.get_untracked(), None);
}
