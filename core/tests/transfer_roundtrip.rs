//! Fountain round trips: message sizes from 1 byte to 100 KB with
//! fragment_len 200, decoded from only systematic parts, from a random 80 %
//! of the first 2K parts shuffled, and from only mixed parts (seq >= K)
//! shuffled; plus decoder bookkeeping (progress, duplicates, reset).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{feed, Rng};
use entraide_core::transfer::fountain::{fragment_len_for, Decoder, Encoder, FountainError, Part};
use proptest::prelude::*;

const SIZES: [usize; 6] = [1, 10, 100, 1000, 10_000, 100_000];
const FRAGMENT_LEN: usize = 200;

fn check(decoder: &Decoder, message: &[u8], what: &str) {
    assert!(decoder.is_complete(), "{what}: not complete");
    assert_eq!(decoder.message().unwrap(), message, "{what}: wrong message");
    assert_eq!(decoder.progress(), 1.0);
}

#[test]
fn systematic_parts_only() {
    let mut rng = Rng(1);
    for len in SIZES {
        let message = rng.bytes(len);
        let encoder = Encoder::new(&message, FRAGMENT_LEN).unwrap();
        let k = encoder.fragment_count();
        assert_eq!(k, len.div_ceil(FRAGMENT_LEN));
        let seqs: Vec<u32> = (0..k as u32).collect();
        let decoder = feed(&encoder, &seqs);
        check(&decoder, &message, &format!("len {len}"));
        assert_eq!(decoder.parts_received(), k);
    }
}

#[test]
fn random_eighty_percent_of_first_2k_shuffled() {
    let mut rng = Rng(2);
    for len in SIZES {
        for trial in 0..3 {
            let message = rng.bytes(len);
            let encoder = Encoder::new(&message, FRAGMENT_LEN).unwrap();
            let k = encoder.fragment_count();
            let mut seqs: Vec<u32> = (0..2 * k as u32).collect();
            rng.shuffle(&mut seqs);
            seqs.truncate((2 * k * 4).div_ceil(5));
            let decoder = feed(&encoder, &seqs);
            check(&decoder, &message, &format!("len {len} trial {trial}"));
        }
    }
}

#[test]
fn mixed_parts_only_shuffled() {
    let mut rng = Rng(3);
    for len in SIZES {
        for trial in 0..3 {
            let message = rng.bytes(len);
            let encoder = Encoder::new(&message, FRAGMENT_LEN).unwrap();
            let k = encoder.fragment_count() as u32;
            let mut seqs: Vec<u32> = (k..3 * k + 40).collect();
            rng.shuffle(&mut seqs);
            let decoder = feed(&encoder, &seqs);
            check(&decoder, &message, &format!("len {len} trial {trial}"));
        }
    }
}

#[test]
fn uneven_lengths_and_high_seqs() {
    let mut rng = Rng(4);
    for (len, fragment_len) in [(1, 1), (2, 1), (999, 7), (4096, 2), (5000, 1024)] {
        let message = rng.bytes(len);
        let encoder = Encoder::new(&message, fragment_len).unwrap();
        let k = encoder.fragment_count() as u32;
        // Far into the stream, including near u32::MAX.
        let mut seqs: Vec<u32> = (u32::MAX - 2 * k - 20..=u32::MAX).collect();
        rng.shuffle(&mut seqs);
        let decoder = feed(&encoder, &seqs);
        check(&decoder, &message, &format!("len {len}/{fragment_len}"));
    }
}

#[test]
fn progress_only_grows_and_duplicates_are_ignored() {
    let mut rng = Rng(5);
    let message = rng.bytes(10_000);
    let encoder = Encoder::new(&message, 100).unwrap();
    let k = encoder.fragment_count();
    let mut decoder = Decoder::new();
    assert_eq!(decoder.fragment_count(), None);
    assert_eq!(decoder.progress(), 0.0);
    let mut last = 0.0;
    let mut seq = 0u32;
    while !decoder.is_complete() {
        if rng.unit() < 0.3 {
            seq += 1; // lost frame
            continue;
        }
        let part = encoder.part(seq);
        let before = decoder.progress_report();
        let progress = decoder.receive(&part).unwrap();
        assert_eq!(progress.received, before.received + 1);
        assert!(progress.rank <= k);
        assert_eq!(progress.fragment_count, k);
        assert_eq!(progress.complete, progress.rank == k);
        let now = decoder.progress();
        assert!(now >= last && (0.0..=1.0).contains(&now));
        last = now;
        // The same frame seen again changes nothing.
        assert_eq!(decoder.receive(&part).unwrap(), progress);
        seq += 1;
    }
    assert_eq!(decoder.fragment_count(), Some(k));
    assert_eq!(decoder.message().unwrap(), &message[..]);
    // Parts after completion change nothing.
    let done = decoder.progress_report();
    assert_eq!(decoder.receive(&encoder.part(seq + 5)).unwrap(), done);
}

#[test]
fn other_message_keeps_state_until_reset() {
    let mut rng = Rng(6);
    let a = rng.bytes(1000);
    let b = rng.bytes(1000);
    let enc_a = Encoder::new(&a, 100).unwrap();
    let enc_b = Encoder::new(&b, 100).unwrap();
    let mut decoder = Decoder::new();
    decoder.receive(&enc_a.part(0)).unwrap();
    let before = decoder.progress_report();
    assert_eq!(
        decoder.receive(&enc_b.part(1)),
        Err(FountainError::OtherMessage)
    );
    assert_eq!(decoder.progress_report(), before);
    decoder.reset();
    assert_eq!(decoder.fragment_count(), None);
    for seq in 0..10 {
        decoder.receive(&enc_b.part(seq)).unwrap();
    }
    assert_eq!(decoder.message().unwrap(), &b[..]);
}

#[test]
fn corrupted_data_with_valid_frames_gives_checksum_mismatch_and_resets() {
    let message = Rng(7).bytes(300);
    let encoder = Encoder::new(&message, 100).unwrap();
    let mut decoder = Decoder::new();
    decoder.receive(&encoder.part(0)).unwrap();
    decoder.receive(&encoder.part(1)).unwrap();
    let mut bad: Part = encoder.part(2);
    bad.data[0] ^= 1;
    assert_eq!(decoder.receive(&bad), Err(FountainError::ChecksumMismatch));
    assert_eq!(decoder.fragment_count(), None);
    assert_eq!(decoder.progress(), 0.0);
    assert!(!decoder.is_complete());
    // It can start over and succeed.
    for seq in 0..3 {
        decoder.receive(&encoder.part(seq)).unwrap();
    }
    assert_eq!(decoder.message().unwrap(), &message[..]);
}

#[test]
fn fragment_len_for_spreads_evenly() {
    assert_eq!(fragment_len_for(1000, 300), 250);
    assert_eq!(fragment_len_for(1001, 300), 251);
    assert_eq!(fragment_len_for(10, 300), 10);
    assert_eq!(fragment_len_for(600, 300), 300);
    assert_eq!(fragment_len_for(0, 300), 300);
    assert_eq!(fragment_len_for(5, 0), 1);
    assert_eq!(fragment_len_for(5000, 99_999), 1000);
    for len in 1..2000 {
        for max in [1, 7, 64, 200] {
            let f = fragment_len_for(len, max);
            assert!((1..=max).contains(&f));
            assert_eq!(len.div_ceil(f), len.div_ceil(max), "len {len} max {max}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_large_enough_shuffled_subset_decodes(
        len in 1usize..4000,
        fragment_len in 4usize..300,
        seed in any::<u64>(),
        loss in 0.0f64..0.6,
    ) {
        let mut rng = Rng(seed);
        let message = rng.bytes(len);
        let encoder = Encoder::new(&message, fragment_len).unwrap();
        let k = encoder.fragment_count();
        let mut seqs: Vec<u32> = (0..(3 * k + 60) as u32)
            .filter(|_| rng.unit() >= loss)
            .collect();
        rng.shuffle(&mut seqs);
        let decoder = feed(&encoder, &seqs);
        prop_assert!(decoder.is_complete());
        prop_assert_eq!(decoder.message().unwrap(), &message[..]);
        prop_assert!(decoder.parts_received() >= k);
    }
}
