//! Benchmark (prints figures, asserts nothing about time): the QR decoder in WebAssembly in
//! headless Chromium, on the simulated camera's 640×480 frames (a medium-density code at
//! 60 % of the frame, clean and blurred with noise) and on a frame without a code, the cost
//! of every frame while the camera looks elsewhere. Natively the same frames are measured
//! by `cargo run --release -p entraide-core --example qr_photos`.
//! Run with `make bench-qr-wasm` (ignored in the normal test run).

use entraide_core::transfer::qr::{decode_gray, encode, Correction};
use wasm_bindgen_test::*;

#[path = "../../core/tests/common/camera.rs"]
mod camera;
mod common;

use camera::{film, Noise, HEIGHT, WIDTH};
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

fn summary(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len().max(1) as f64;
    let median = ms.get(ms.len() / 2).copied().unwrap_or_default();
    let max = ms.last().copied().unwrap_or_default();
    console_log!("{label:<56} mean {mean:>6.2} ms, median {median:>6.2} ms, max {max:>6.2} ms");
}

#[wasm_bindgen_test]
#[ignore]
fn decoding_camera_frames_in_webassembly() {
    let matrix = encode(
        &("EN1".to_string() + &"ABC123".repeat(60)),
        Correction::Medium,
    )
    .unwrap_or_else(|e| panic!("encode: {e}"));
    for (label, blur, noise) in [("clean", 0, 0), ("blurred noisy", 1, 12)] {
        let mut rng = Noise(7);
        let (mut ms, mut read) = (Vec::new(), 0);
        for _ in 0..30 {
            let frame = film(&matrix, 0.6, blur, noise, &mut rng);
            let start = now_ms();
            read += decode_gray(WIDTH, HEIGHT, &frame)
                .unwrap_or_else(|e| panic!("decode: {e}"))
                .len();
            ms.push(now_ms() - start);
        }
        summary(
            &format!(
                "{label} 640×480 frame, version {}, {read}/30 read",
                matrix.version
            ),
            ms,
        );
    }
    let mut rng = Noise(3);
    let mut ms = Vec::new();
    for _ in 0..20 {
        let frame: Vec<u8> = (0..WIDTH * HEIGHT)
            .map(|i| {
                let (x, y) = (i % WIDTH, i / WIDTH);
                let shade = 60 + (x / 7 + y / 5) % 120;
                u8::try_from((i32::try_from(shade).unwrap_or(0) + rng.next() * 2).clamp(0, 255))
                    .unwrap_or(0)
            })
            .collect();
        let start = now_ms();
        let _ = decode_gray(WIDTH, HEIGHT, &frame);
        ms.push(now_ms() - start);
    }
    summary("640×480 striped texture without a code", ms);
}
