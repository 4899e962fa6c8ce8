//! Scans QR codes with the camera until a whole payload is received: one code, or enough
//! animated frames ("37 % reçu"). Uses the browser's `BarcodeDetector` where it exists and
//! the Rust decoder otherwise; offers the torch when the camera has one, and a photo of the
//! code when there is no camera or it is refused.

use std::cell::Cell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::i18n::*;
use crate::platform::camera::{BarcodeDetector, Camera, CameraError, FrameGrabber};
use crate::services::transfer::{self, FramesError, Incoming, Reception};

/// What the scanner is doing, for the message under the camera.
#[derive(Debug, Clone, PartialEq)]
enum ScanState {
    Starting,
    Looking,
    Receiving(u32),
    NotOurs,
    Camera(CameraError),
    PictureEmpty,
    PicturePartial,
    Done,
}

/// Resolves at the next video frame (or after a short pause where the browser cannot say).
async fn next_frame(video: &web_sys::HtmlVideoElement) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let request = js_sys::Reflect::get(video, &"requestVideoFrameCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let asked = request.is_some_and(|f| f.call1(video, &callback).is_ok());
        if !asked {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    callback.unchecked_ref(),
                    40,
                );
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Counters of the scanning loop, shown as data attributes for benchmarks.
#[derive(Clone, Copy, Default, PartialEq)]
struct Stats {
    frames: u32,
    codes: u32,
    decode_ms: f64,
    started_ms: f64,
    done_ms: f64,
}

/// The camera scanner. Stops by itself after a whole payload and hands it to `on_payload`.
#[component]
pub fn Scanner(
    /// Receives each whole payload; the scanner stops after it.
    on_payload: Callback<Vec<u8>>,
    /// What to point the camera at, in a sentence.
    #[prop(into)]
    hint: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let video = NodeRef::<html::Video>::new();
    let state = RwSignal::new(ScanState::Starting);
    let torch_available = RwSignal::new(false);
    let torch_on = RwSignal::new(false);
    let stats = RwSignal::new(Stats::default());
    let active = Rc::new(Cell::new(true));
    let camera: Rc<std::cell::RefCell<Option<Camera>>> = Rc::default();
    let incoming = Rc::new(std::cell::RefCell::new(Incoming::new()));

    // Feeds texts read from a frame; true once the payload is whole.
    let feed = {
        let incoming = incoming.clone();
        move |texts: Vec<String>| -> bool {
            for text in texts {
                stats.update(|s| s.codes += 1);
                let result = incoming.borrow_mut().receive(&text);
                match result {
                    Ok(Reception::Complete(bytes)) => {
                        stats.update(|s| s.done_ms = js_sys::Date::now());
                        state.set(ScanState::Done);
                        on_payload.run(bytes);
                        return true;
                    }
                    Ok(Reception::Progress { progress }) => {
                        state.set(ScanState::Receiving((progress * 100.0).floor() as u32));
                    }
                    Err(FramesError::Text(_)) => state.set(ScanState::NotOurs),
                    Err(_) => {}
                }
            }
            false
        }
    };

    {
        let active = active.clone();
        let camera = camera.clone();
        let feed = feed.clone();
        Effect::new(move |started: Option<bool>| {
            if started == Some(true) {
                return true;
            }
            let Some(element) = video.get() else {
                return false;
            };
            let active = active.clone();
            let camera = camera.clone();
            let feed = feed.clone();
            spawn_local(async move {
                let started = match Camera::start(&element).await {
                    Ok(started) => started,
                    Err(error) => {
                        state.set(ScanState::Camera(error));
                        return;
                    }
                };
                if !active.get() {
                    started.stop();
                    return;
                }
                torch_available.set(started.has_torch());
                *camera.borrow_mut() = Some(started);
                state.set(ScanState::Looking);
                stats.update(|s| s.started_ms = js_sys::Date::now());
                let detector = BarcodeDetector::new();
                let Some(grabber) = FrameGrabber::new() else {
                    state.set(ScanState::Camera(CameraError::Unsupported));
                    return;
                };
                while active.get() {
                    next_frame(&element).await;
                    if !active.get() {
                        break;
                    }
                    let begin = js_sys::Date::now();
                    let texts = match &detector {
                        Some(detector) => detector.detect(&element).await,
                        None => grabber
                            .grab(&element)
                            .map(|frame| transfer::decode(&frame))
                            .unwrap_or_default(),
                    };
                    let spent = js_sys::Date::now() - begin;
                    stats.update(|s| {
                        s.frames += 1;
                        s.decode_ms += spent;
                    });
                    if feed(texts) {
                        active.set(false);
                    }
                }
                if let Some(running) = camera.borrow_mut().take() {
                    running.stop();
                }
            });
            true
        });
    }

    {
        let active = SendWrapper::new(active.clone());
        let camera = SendWrapper::new(camera.clone());
        on_cleanup(move || {
            active.set(false);
            if let Some(running) = camera.borrow_mut().take() {
                running.stop();
            }
        });
    }

    let toggle_torch = {
        let camera = SendWrapper::new(camera.clone());
        move |_| {
            let on = !torch_on.get_untracked();
            let camera = (*camera).clone();
            spawn_local(async move {
                let running = camera.borrow().clone();
                if let Some(running) = running {
                    if running.set_torch(on).await.is_ok() {
                        torch_on.set(on);
                    }
                }
            });
        }
    };

    let on_picture = {
        let feed = feed.clone();
        let incoming = incoming.clone();
        move |event: web_sys::Event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let feed = feed.clone();
            let incoming = incoming.clone();
            spawn_local(async move {
                let Some(grabber) = FrameGrabber::new() else {
                    state.set(ScanState::Camera(CameraError::Unsupported));
                    return;
                };
                match grabber.picture(&file).await {
                    Ok(frame) => {
                        let texts = transfer::decode(&frame);
                        if texts.is_empty() {
                            state.set(ScanState::PictureEmpty);
                        } else if !feed(texts) && incoming.borrow().progress() > 0.0 {
                            state.set(ScanState::PicturePartial);
                        }
                    }
                    Err(error) => state.set(ScanState::Camera(error)),
                }
            });
        }
    };

    let message = move || match state.get() {
        ScanState::Starting => t_string!(i18n, scan_starting).to_string(),
        ScanState::Looking => t_string!(i18n, scan_looking).to_string(),
        ScanState::Receiving(percent) => t_string!(i18n, scan_receiving)
            .to_string()
            .replace("{percent}", &percent.to_string()),
        ScanState::NotOurs => t_string!(i18n, scan_not_ours).to_string(),
        ScanState::PictureEmpty => t_string!(i18n, scan_picture_empty).to_string(),
        ScanState::PicturePartial => t_string!(i18n, scan_picture_partial).to_string(),
        ScanState::Done => t_string!(i18n, scan_done).to_string(),
        ScanState::Camera(error) => match error {
            CameraError::Refused => t_string!(i18n, camera_refused).to_string(),
            CameraError::Absent => t_string!(i18n, camera_absent).to_string(),
            CameraError::Busy => t_string!(i18n, camera_busy).to_string(),
            CameraError::Unsupported => t_string!(i18n, camera_unsupported).to_string(),
            CameraError::NotImage => t_string!(i18n, camera_not_image).to_string(),
            CameraError::Other(detail) => {
                format!("{} {detail}", t_string!(i18n, camera_other))
            }
        },
    };
    let percent = move || match state.get() {
        ScanState::Receiving(p) => p,
        ScanState::Done => 100,
        _ => 0,
    };
    let camera_failed = move || matches!(state.get(), ScanState::Camera(_));
    view! {
        <section
            class="scanner"
            data-testid="scanner"
            data-state=move || format!("{:?}", state.get())
            data-frames=move || stats.get().frames
            data-codes=move || stats.get().codes
            data-decode-ms=move || format!("{:.1}", stats.get().decode_ms)
            data-elapsed-ms=move || {
                let s = stats.get();
                if s.done_ms > 0.0 { format!("{:.0}", s.done_ms - s.started_ms) } else { String::new() }
            }
        >
            <p class="scan-hint">{move || hint.get()}</p>
            <div class="scanner-view" class:hidden=camera_failed>
                <video node_ref=video class="scanner-video" muted=true playsinline=true aria-hidden="true"></video>
                <div class="scanner-frame" aria-hidden="true"></div>
            </div>
            <div
                class="progress"
                role="progressbar"
                aria-label=move || t_string!(i18n, scan_progress_label).to_string()
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=percent
            >
                <div class="progress-bar" style:width=move || format!("{}%", percent())></div>
            </div>
            <p class="status" role="status" data-testid="scan-status">{message}</p>
            <Show when=move || torch_available.get()>
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || torch_on.get().to_string()
                    on:click=toggle_torch.clone()
                >
                    {t!(i18n, scan_torch)}
                </button>
            </Show>
            <label class="button button-quiet button-wide file-button">
                {t!(i18n, scan_picture)}
                <input type="file" accept="image/*" class="visually-hidden" on:change=on_picture data-testid="scan-picture" />
            </label>
        </section>
    }
}
