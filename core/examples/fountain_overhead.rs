//! Measures how many frames a receiver needs, for the app's animation that
//! shows parts in order 0, 1, 2, … with some frames missed by the camera.
//! For K in {10, 50, 250}, 100 trials each, 0 % and 20 % random loss, prints
//! the mean and worst of (frames displayed − K) and (parts received − K).
//! Also times one 100 KB decode (K = 500) from shuffled parts.
//!
//! Run: `cargo run --release --example overhead`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use common::Rng;

use entraide_core::transfer::fountain::{Decoder, Encoder};

fn main() {
    const TRIALS: usize = 100;
    const FRAGMENT_LEN: usize = 32;
    let mut rng = Rng(2024);
    println!("K    loss  displayed-K mean/worst  received-K mean/worst");
    for k in [10usize, 50, 250] {
        for loss in [0.0, 0.2] {
            let (mut shown_sum, mut shown_worst) = (0usize, 0usize);
            let (mut got_sum, mut got_worst) = (0usize, 0usize);
            for _ in 0..TRIALS {
                let message: Vec<u8> = (0..k * FRAGMENT_LEN)
                    .map(|_| rng.next_u64() as u8)
                    .collect();
                let encoder = Encoder::new(&message, FRAGMENT_LEN).unwrap();
                let mut decoder = Decoder::new();
                let mut shown = 0usize;
                let mut seq = 0u32;
                while !decoder.is_complete() {
                    shown += 1;
                    if rng.unit() >= loss {
                        decoder.receive(&encoder.part(seq)).unwrap();
                    }
                    seq += 1;
                }
                assert_eq!(decoder.message().unwrap(), &message[..]);
                let extra_shown = shown - k;
                let extra_got = decoder.parts_received() - k;
                shown_sum += extra_shown;
                shown_worst = shown_worst.max(extra_shown);
                got_sum += extra_got;
                got_worst = got_worst.max(extra_got);
            }
            println!(
                "{k:<4} {:>3.0} %  {:>8.2} / {:<12} {:>8.2} / {}",
                loss * 100.0,
                shown_sum as f64 / TRIALS as f64,
                shown_worst,
                got_sum as f64 / TRIALS as f64,
                got_worst
            );
        }
    }

    // Timing: 100 KB, fragment_len 200 (K = 500), random 80 % of the first
    // 2K parts, shuffled.
    let message: Vec<u8> = (0..100_000).map(|_| rng.next_u64() as u8).collect();
    let encoder = Encoder::new(&message, 200).unwrap();
    let k = encoder.fragment_count();
    let mut seqs: Vec<u32> = (0..2 * k as u32).filter(|_| rng.unit() < 0.8).collect();
    rng.shuffle(&mut seqs);
    let parts: Vec<_> = seqs.iter().map(|&s| encoder.part(s)).collect();
    let start = Instant::now();
    let mut decoder = Decoder::new();
    for part in &parts {
        decoder.receive(part).unwrap();
        if decoder.is_complete() {
            break;
        }
    }
    let elapsed = start.elapsed();
    assert_eq!(decoder.message().unwrap(), &message[..]);
    println!(
        "100 KB (K = {k}) shuffled decode: {} parts, {:.1} ms",
        decoder.parts_received(),
        elapsed.as_secs_f64() * 1000.0
    );
}
