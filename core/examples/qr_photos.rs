//! Benchmark of the QR decoder on real photos, natively: zxing's public photo test set
//! (bring it with `scripts/zxing-photos.sh`), photos read and decode milliseconds per photo
//! (mean, median, max), and the same for clean and noisy 640×480 frames of the simulated
//! camera (the common case, which must read on the first threshold).
//! Run: `cargo run --release -p entraide-core --example qr_photos [-- --each]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/common/camera.rs"]
mod camera;
#[path = "../tests/common/photos.rs"]
mod photos;

use std::time::Instant;

use camera::{film, Noise, HEIGHT, WIDTH};
use entraide_core::transfer::qr::{decode_gray, encode, Correction};

fn summary(label: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let mean = ms.iter().sum::<f64>() / ms.len().max(1) as f64;
    let median = ms.get(ms.len() / 2).copied().unwrap_or(0.0);
    let max = ms.last().copied().unwrap_or(0.0);
    println!(
        "{label}: decode ms mean {mean:.2}, median {median:.2}, max {max:.2} ({} images)",
        ms.len()
    );
}

fn main() {
    let each = std::env::args().any(|a| a == "--each");
    match photos::folder() {
        None => println!("zxing photos absent: {}", photos::HOW_TO_BRING),
        Some(dir) => {
            let all = photos::load_all(&dir);
            let (mut read, mut ms, mut read_ms, mut missed_ms) =
                (0, Vec::new(), Vec::new(), Vec::new());
            for photo in &all {
                let start = Instant::now();
                let texts = decode_gray(photo.width, photo.height, &photo.gray).unwrap();
                let elapsed = start.elapsed().as_secs_f64() * 1000.0;
                let ok = texts.iter().any(|t| t.as_bytes() == photo.expected);
                read += usize::from(ok);
                ms.push(elapsed);
                if ok {
                    read_ms.push(elapsed)
                } else {
                    missed_ms.push(elapsed)
                }
                if each {
                    println!(
                        "{:<18} {:>4}×{:<4} {:>7.2} ms  {}",
                        photo.name,
                        photo.width,
                        photo.height,
                        elapsed,
                        if ok { "read" } else { "NOT READ" }
                    );
                }
            }
            println!("zxing photos read: {read} / {}", photos::TOTAL);
            summary("all photos", ms);
            summary("photos read", read_ms);
            summary("photos not read", missed_ms);
        }
    }
    let matrix = encode(
        &("EN1".to_string() + &"ABC123".repeat(60)),
        Correction::Medium,
    )
    .unwrap();
    for (label, blur, noise) in [
        ("clean 640×480 frame", 0, 0),
        ("blurred noisy 640×480 frame", 1, 12),
    ] {
        let mut rng = Noise(7);
        let mut ms = Vec::new();
        let mut read = 0;
        for _ in 0..50 {
            let frame = film(&matrix, 0.6, blur, noise, &mut rng);
            let start = Instant::now();
            read += decode_gray(WIDTH, HEIGHT, &frame).unwrap().len();
            ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        summary(
            &format!("{label}, version {}, {read}/50 read", matrix.version),
            ms,
        );
    }
    // Frames without a code: what every frame costs while the camera looks elsewhere.
    let mut rng = Noise(3);
    let mut ms = Vec::new();
    for _ in 0..20 {
        let frame: Vec<u8> = (0..WIDTH * HEIGHT)
            .map(|i| {
                let (x, y) = (i % WIDTH, i / WIDTH);
                let shade = 60 + (x / 7 + y / 5) % 120;
                (shade as i32 + rng.next() * 2).clamp(0, 255) as u8
            })
            .collect();
        let start = Instant::now();
        let texts = decode_gray(WIDTH, HEIGHT, &frame).unwrap();
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(texts.is_empty(), "{texts:?}");
    }
    summary("640×480 striped texture without a code", ms);
    // A plainer scene: overlapping grey rectangles (walls, furniture) with sensor noise.
    let mut ms = Vec::new();
    for _ in 0..20 {
        let mut frame = vec![128u8; WIDTH * HEIGHT];
        for _ in 0..30 {
            let (x0, y0) = (
                (rng.next() + 20) as usize * 15,
                (rng.next() + 20) as usize * 11,
            );
            let (w, h) = (
                (rng.next() + 21) as usize * 4,
                (rng.next() + 21) as usize * 3,
            );
            let shade = (rng.next() + 20) as u8 * 6;
            for y in y0.min(HEIGHT)..(y0 + h).min(HEIGHT) {
                for x in x0.min(WIDTH)..(x0 + w).min(WIDTH) {
                    frame[y * WIDTH + x] = shade;
                }
            }
        }
        for pixel in &mut frame {
            *pixel = (i32::from(*pixel) + rng.next() / 3).clamp(0, 255) as u8;
        }
        let start = Instant::now();
        let texts = decode_gray(WIDTH, HEIGHT, &frame).unwrap();
        ms.push(start.elapsed().as_secs_f64() * 1000.0);
        assert!(texts.is_empty(), "{texts:?}");
    }
    summary("640×480 scene without a code", ms);
}
