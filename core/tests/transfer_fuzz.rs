//! A long-running mutation fuzzer over every parser a hostile QR code reaches: frame text,
//! frame bytes, the receiver of animated codes, the envelope, pairing payloads and Base45,
//! and the QR decoder, fed our own codes photographed at random (rotated, tilted, mirrored,
//! cropped, noised, occluded, any contrast) as well as random pixels. No input may panic. It runs for `ENTRAIDE_FUZZ_SECONDS` (default 3; `make test` gives
//! it 60) from a seed printed on failure, so any crash is reproducible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::time::{Duration, Instant};

use common::{alice, bob, Rng};
use entraide_core::transfer::envelope::{open, peek, seal, Expect, Kind};
use entraide_core::transfer::fountain::Part;
use entraide_core::transfer::frames::{Density, Incoming, Outgoing};
use entraide_core::transfer::pairing::{make_answer, make_offer, read_answer, read_offer, Purpose};
use entraide_core::transfer::qr::{encode, Correction, QrMatrix};
use entraide_core::transfer::text::part_from_text;
use entraide_core::transfer::{base45, qr, GroupId, PersonId, Seen};

/// `matrix` as a random camera would see it: `(width, height, pixels)`. The code is
/// rotated, foreshortened, maybe mirrored, at 0.5 to 6 pixels a module, anywhere in the
/// frame (partly outside too), with random paper, ink and background levels.
fn photo(rng: &mut Rng, matrix: &QrMatrix) -> (usize, usize, Vec<u8>) {
    let (width, height) = (8 + rng.below(480), 8 + rng.below(480));
    let scale = if rng.below(4) == 0 {
        0.5 + rng.unit() * 5.5
    } else {
        2.0 + rng.unit() * 4.0
    };
    let (sin, cos) = (rng.unit() * std::f64::consts::TAU).sin_cos();
    let tilt = [(rng.unit() - 0.5) * 0.01, (rng.unit() - 0.5) * 0.01];
    let mirror = rng.below(4) == 0;
    let centre = [
        (0.2 + 0.6 * rng.unit()) * width as f64,
        (0.2 + 0.6 * rng.unit()) * height as f64,
    ];
    // Mostly dark ink on light paper, sometimes anything.
    let [ink, paper, background] = if rng.below(4) == 0 {
        [rng.below(256), rng.below(256), rng.below(256)]
    } else {
        [rng.below(100), 150 + rng.below(106), rng.below(256)]
    }
    .map(|v| v as u8);
    let border = rng.unit() * 5.0;
    let half = matrix.size as f64 / 2.0;
    let mut pixels = vec![background; width * height];
    for (i, pixel) in pixels.iter_mut().enumerate() {
        let (dx, dy) = (
            (i % width) as f64 - centre[0],
            (i / width) as f64 - centre[1],
        );
        let den = 1.0 + tilt[0] * dx + tilt[1] * dy;
        if den <= 0.05 {
            continue;
        }
        let (dx, dy) = (dx / den, dy / den);
        let mut u = (cos * dx + sin * dy) / scale + half;
        let v = (-sin * dx + cos * dy) / scale + half;
        if mirror {
            u = matrix.size as f64 - u;
        }
        let size = matrix.size as f64;
        if u < -border || v < -border || u >= size + border || v >= size + border {
            continue;
        }
        let dark = u >= 0.0 && v >= 0.0 && matrix.dark(u as usize, v as usize);
        *pixel = if dark { ink } else { paper };
    }
    (width, height, pixels)
}

/// Damage of the kinds real frames have: noise, a glare or a finger, a crop, a blur, an
/// inverted band, half the resolution.
fn damage(
    rng: &mut Rng,
    width: usize,
    height: usize,
    mut pixels: Vec<u8>,
) -> (usize, usize, Vec<u8>) {
    let (mut width, mut height) = (width, height);
    for _ in 0..rng.below(4) {
        match rng.below(6) {
            0 => {
                let amount = 1 + rng.below(120) as i32;
                for p in pixels.iter_mut() {
                    let n = (rng.next_u64() % (2 * amount as u64 + 1)) as i32 - amount;
                    *p = (i32::from(*p) + n).clamp(0, 255) as u8;
                }
            }
            1 => {
                let (x0, y0) = (rng.below(width), rng.below(height));
                let (w, h) = (1 + rng.below(width - x0), 1 + rng.below(height - y0));
                let value = rng.next_u64() as u8;
                for y in y0..y0 + h {
                    pixels[y * width + x0..y * width + x0 + w].fill(value);
                }
            }
            2 if width > 2 && height > 2 => {
                let (x0, y0) = (rng.below(width / 2), rng.below(height / 2));
                let (w, h) = (1 + rng.below(width - x0), 1 + rng.below(height - y0));
                pixels = (y0..y0 + h)
                    .flat_map(|y| pixels[y * width + x0..y * width + x0 + w].to_vec())
                    .collect();
                (width, height) = (w, h);
            }
            3 => {
                let copy = pixels.clone();
                for y in 0..height {
                    for x in 1..width.saturating_sub(1) {
                        let sum: u32 = (x - 1..=x + 1)
                            .map(|i| u32::from(copy[y * width + i]))
                            .sum();
                        pixels[y * width + x] = (sum / 3) as u8;
                    }
                }
            }
            4 => {
                let (y0, h) = (rng.below(height), 1 + rng.below(height));
                for y in y0..(y0 + h).min(height) {
                    for p in &mut pixels[y * width..(y + 1) * width] {
                        *p = 255 - *p;
                    }
                }
            }
            _ if width > 1 && height > 1 => {
                let (w, h) = (width / 2, height / 2);
                pixels = (0..w * h)
                    .map(|i| pixels[(i / w) * 2 * width + (i % w) * 2])
                    .collect();
                (width, height) = (w, h);
            }
            _ => {}
        }
    }
    (width, height, pixels)
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next_u64() as u8;
            }
            2 => {
                let i = rng.below(out.len() + 1);
                out.insert(i, rng.next_u64() as u8);
            }
            3 if !out.is_empty() => {
                let i = rng.below(out.len());
                out.remove(i);
            }
            4 => out.truncate(rng.below(out.len() + 1)),
            5 if out.len() > 8 => {
                // Overwrite a field-sized window with extreme values.
                let i = rng.below(out.len() - 4);
                let pick = rng.below(4);
                let value = [0x00, 0xff, 0x7f, 0x80][pick];
                out[i..i + 4].fill(value);
            }
            _ => {
                let len = rng.below(16);
                let extra = rng.bytes(len);
                out.extend(extra);
            }
        }
    }
    out
}

#[test]
fn no_input_panics_any_parser() {
    let seconds: u64 = std::env::var("ENTRAIDE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seed: u64 = std::env::var("ENTRAIDE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let (alice, bob) = (alice(), bob());
    let group = GroupId([3; 16]);
    let invitation = make_offer(
        &alice,
        group,
        1,
        Purpose::Join {
            group_name: "Les Lilas".into(),
            charter: 1,
        },
        PersonId([1; 16]),
        "Sophie",
    )
    .unwrap();
    let read = read_offer(&invitation, &bob, None, &[Kind::Invitation]).unwrap();
    let (answer, _) = make_answer(&bob, &read, 2, PersonId([2; 16]), "Marcel").unwrap();
    let big = seal(
        &alice,
        Kind::Sample,
        group,
        3,
        &[bob.recipient()],
        &Rng(9).bytes(3000),
    )
    .unwrap();
    let out = Outgoing::new(&big, Density::Low).unwrap();
    let frames: Vec<String> = (0..12).map(|n| out.frame(n)).collect();
    let envelopes = [invitation.clone(), answer.clone(), big.clone()];
    // Codes of several versions for the photographed images: a frame, the pairing answer.
    let codes: Vec<QrMatrix> = [frames[0].as_str(), "EN1ABC", &base45::encode(&answer)]
        .iter()
        .filter_map(|text| encode(text, Correction::Medium).ok())
        .collect();
    assert_eq!(codes.len(), 3);
    let mut photos_read = 0u64;
    let kinds = [
        Kind::Invitation,
        Kind::JoinAnswer,
        Kind::PairOffer,
        Kind::PairAnswer,
        Kind::Sample,
    ];

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut iterations = 0u64;
    let mut accepted = 0u64;
    while Instant::now() < deadline {
        let case_seed = seed.wrapping_add(iterations);
        let mut rng = Rng(case_seed);
        let guard = format!(
            "fuzz case seed {case_seed} (ENTRAIDE_FUZZ_SEED={seed}, iteration {iterations})"
        );
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            // Envelopes and pairing payloads.
            let base = &envelopes[rng.below(envelopes.len())];
            let bytes = mutate(&mut rng, base);
            let _ = peek(&bytes);
            let expect = Expect {
                kinds: &kinds,
                group: None,
                identity: Some(&alice),
            };
            if open(&bytes, &expect, &Seen::new()).is_ok() && bytes != *base {
                accepted += 1;
            }
            let _ = read_offer(&bytes, &bob, None, &kinds);
            let _ = read_answer(&bytes, &alice, &invitation, &Seen::new());
            let _ = read_answer(&answer, &alice, &bytes, &Seen::new());
            // Frame texts, bytes and the receiver.
            let text = &frames[rng.below(frames.len())];
            let mutated = String::from_utf8_lossy(&mutate(&mut rng, text.as_bytes())).into_owned();
            let _ = part_from_text(&mutated);
            let _ = base45::decode(&mutated);
            let raw = base45::decode(&text[3..]).unwrap_or_default();
            let _ = Part::from_bytes(&mutate(&mut rng, &raw));
            let mut incoming = Incoming::new();
            for _ in 0..rng.below(6) {
                let _ = incoming.receive(&frames[rng.below(frames.len())]);
            }
            let _ = incoming.receive(&mutated);
            // Random small images for the QR decoder.
            if rng.below(50) == 0 {
                let (w, h) = (1 + rng.below(64), 1 + rng.below(64));
                let pixels = rng.bytes(w * h);
                let _ = qr::decode_gray(w, h, &pixels);
            }
            // Our own codes, photographed at random and damaged.
            if rng.below(8) == 0 {
                let code = &codes[rng.below(codes.len())];
                let (w, h, pixels) = photo(&mut rng, code);
                let (w, h, pixels) = damage(&mut rng, w, h, pixels);
                if !qr::decode_gray(w, h, &pixels).unwrap().is_empty() {
                    photos_read += 1;
                }
            }
        }));
        assert!(result.is_ok(), "panic in {guard}");
        iterations += 1;
    }
    // Mutations that still verify would mean a signature accepted changed bytes.
    assert_eq!(accepted, 0, "changed envelopes were accepted");
    println!(
        "fuzz: {iterations} cases in {seconds} s without a panic ({photos_read} photographed codes read)"
    );
    assert!(iterations > 0);
}
