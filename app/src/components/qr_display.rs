//! Shows a payload as a QR code: one code when it fits, otherwise animated codes looping
//! through fountain frames, with the speed and the density the person can lower when the
//! other phone's camera struggles.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::CanvasRenderingContext2d;

use crate::i18n::*;
use crate::services::transfer::{self, Density, Outgoing, QrMatrix};

/// Light modules around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;
/// Target size of the canvas, in device pixels (the CSS scales it to the screen).
const CANVAS_TARGET: usize = 720;
/// Frames per second offered: slow, normal, fast.
pub const SPEEDS: [u32; 3] = [4, 8, 12];

fn draw(canvas: &web_sys::HtmlCanvasElement, matrix: &QrMatrix) {
    let total = matrix.size + 2 * QUIET_ZONE;
    let module = (CANVAS_TARGET / total).max(2);
    let side = (total * module) as u32;
    if canvas.width() != side {
        canvas.set_width(side);
        canvas.set_height(side);
    }
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(side), f64::from(side));
    context.set_fill_style_str("#000000");
    let m = module as f64;
    for y in 0..matrix.size {
        for x in 0..matrix.size {
            if matrix.dark(x, y) {
                let px = ((x + QUIET_ZONE) * module) as f64;
                let py = ((y + QUIET_ZONE) * module) as f64;
                context.fill_rect(px, py, m, m);
            }
        }
    }
}

/// One button of a row of choices: pressed when `signal` holds `value`, sets it when tapped.
fn choice_button<T: PartialEq + Copy + Send + Sync + 'static>(
    signal: RwSignal<T>,
    value: T,
    text: &'static str,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="button button-small"
            aria-pressed=move || (signal.get() == value).to_string()
            on:click=move |_| signal.set(value)
        >
            {text}
        </button>
    }
}

/// A QR code of `payload`, animated when it does not fit in one code.
#[component]
pub fn QrDisplay(
    /// The bytes to show (a signed envelope).
    #[prop(into)]
    payload: Signal<Vec<u8>>,
    /// What the code is, for screen readers and under the code.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let canvas = NodeRef::<html::Canvas>::new();
    let density = RwSignal::new(Density::Medium);
    let speed = RwSignal::new(SPEEDS[1]);
    let frame = RwSignal::new(0u32);
    let fragments = RwSignal::new(0usize);
    let version = RwSignal::new(0u8);
    let outgoing: Rc<RefCell<Option<Outgoing>>> = Rc::new(RefCell::new(None));
    let shared = SendWrapper::new(outgoing.clone());

    // A new payload or density: new frames, from the first one.
    let prepare = shared.clone();
    Effect::new(move |_| {
        let prepared = Outgoing::new(&payload.get(), density.get()).ok();
        fragments.set(prepared.as_ref().map_or(0, Outgoing::fragment_count));
        *prepare.borrow_mut() = prepared;
        frame.set(0);
    });

    // Draw the current frame.
    let paint = shared.clone();
    Effect::new(move |_| {
        let n = frame.get();
        fragments.track();
        let text = paint.borrow().as_ref().map(|out| out.frame(n));
        let (Some(canvas), Some(text)) = (canvas.get(), text) else {
            return;
        };
        if let Some(matrix) = transfer::matrix(&text) {
            version.set(matrix.version);
            draw(&canvas, &matrix);
            let _ = canvas.set_attribute("data-frame", &n.to_string());
        }
    });

    // The animation clock: a short tick, a new frame when the chosen speed says so.
    let last = Rc::new(std::cell::Cell::new(0.0f64));
    let tick = SendWrapper::new(move || {
        if fragments.get_untracked() <= 1 {
            return;
        }
        let now = js_sys::Date::now();
        if now - last.get() >= 1000.0 / f64::from(speed.get_untracked()) {
            last.set(now);
            frame.update(|f| *f = f.wrapping_add(1));
        }
    });
    if let Ok(handle) = set_interval_with_handle(move || (*tick)(), Duration::from_millis(20)) {
        on_cleanup(move || handle.clear());
    }

    let animated = move || fragments.get() > 1;
    let speed_button = move |fps: u32, text: &'static str| choice_button(speed, fps, text);
    let density_button =
        move |value: Density, text: &'static str| choice_button(density, value, text);
    view! {
        <figure class="qr" data-testid="qr-display" data-fragments=move || fragments.get() data-version=move || version.get()>
            <canvas node_ref=canvas class="qr-canvas" role="img" aria-label=move || label.get()></canvas>
            <figcaption>{move || label.get()}</figcaption>
            <Show when=animated>
                <p class="hint" aria-live="off">
                    {move || {
                        t_string!(i18n, qr_animated_hint)
                            .to_string()
                            .replace("{count}", &fragments.get().to_string())
                    }}
                </p>
                <div class="qr-controls">
                    <fieldset class="segmented">
                        <legend>{t!(i18n, qr_speed)}</legend>
                        {speed_button(SPEEDS[0], t_string!(i18n, qr_speed_slow))}
                        {speed_button(SPEEDS[1], t_string!(i18n, qr_speed_normal))}
                        {speed_button(SPEEDS[2], t_string!(i18n, qr_speed_fast))}
                    </fieldset>
                    <fieldset class="segmented">
                        <legend>{t!(i18n, qr_density)}</legend>
                        {density_button(Density::Low, t_string!(i18n, qr_density_low))}
                        {density_button(Density::Medium, t_string!(i18n, qr_density_medium))}
                        {density_button(Density::High, t_string!(i18n, qr_density_high))}
                    </fieldset>
                </div>
            </Show>
        </figure>
    }
}
