//! Rank overhead: 50 trials with K = 50 where the first K/5 systematic parts
//! are lost; records the mean and worst number of parts received beyond K.
//! Run with `--nocapture` to see the figures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::Rng;
use entraide_core::transfer::fountain::{Decoder, Encoder};

#[test]
fn overhead_when_first_fifth_is_lost() {
    const K: usize = 50;
    const TRIALS: usize = 50;
    let mut rng = Rng(50);
    let mut extras = Vec::with_capacity(TRIALS);
    for _ in 0..TRIALS {
        let message = rng.bytes(K * 20);
        let encoder = Encoder::new(&message, 20).unwrap();
        assert_eq!(encoder.fragment_count(), K);
        let mut decoder = Decoder::new();
        let mut seq = (K / 5) as u32;
        while !decoder.is_complete() {
            decoder.receive(&encoder.part(seq)).unwrap();
            seq += 1;
            assert!(seq < 10 * K as u32, "never completed");
        }
        assert_eq!(decoder.message().unwrap(), &message[..]);
        extras.push(decoder.parts_received() - K);
    }
    let mean = extras.iter().sum::<usize>() as f64 / TRIALS as f64;
    let worst = extras.iter().copied().max().unwrap();
    println!("K={K}, first K/5 lost, {TRIALS} trials: extra parts mean {mean:.2}, worst {worst}");
    // A random linear code needs ~1.6 extra on average; pure 1/d degrees
    // needed ~9.5 here. Keep well below that.
    assert!(mean <= 3.0, "mean overhead {mean}");
    assert!(worst <= 12, "worst overhead {worst}");
}
