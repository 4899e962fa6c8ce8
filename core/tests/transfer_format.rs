//! The wire format: golden vectors (so it cannot change silently), frame
//! CRC catching every single-bit flip, every truncation refused, declared
//! sizes refused before any allocation, encoder limits.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{frame, hex};
use entraide_core::transfer::fountain::{
    fragment_indexes, Encoder, FountainError, Part, MAX_FRAGMENTS, MAX_FRAGMENT_LEN,
    MAX_MESSAGE_LEN, MIN_PART_BYTES,
};
use entraide_core::transfer::text::{part_from_text, part_to_text};

fn golden_message() -> Vec<u8> {
    (0..100u8)
        .map(|i| i.wrapping_mul(37).wrapping_add(11))
        .collect()
}

#[test]
fn golden_parts() {
    let message = golden_message();
    let encoder = Encoder::new(&message, 30).unwrap();
    assert_eq!(encoder.fragment_count(), 4);
    assert_eq!(encoder.checksum(), 0x7D11_B4C9);

    let p0 = encoder.part(0);
    assert_eq!(
        hex(&p0.to_bytes()),
        "0100000000000000647d11b4c9001e0b30557a9fc4e90e33587da2c7ec11365b80a5caef14395e83a8cdf2173cb4ac1fd3"
    );
    assert_eq!(
        part_to_text(&p0),
        "EN1V50000000000UVCWA2LIP-Z3/46QMF9+OZZ1I8B1QK/$TA*6%BGLTP2P2U.BDFLARUFU78YLV4"
    );
    assert_eq!(p0.data, message[..30]);

    let p7 = encoder.part(7); // K + 3
    assert_eq!(
        hex(&p7.to_bytes()),
        "0100000007000000647d11b4c9001ed65aaaf6be6aaade56aafab66edada6eb6faaa56deaa6abef6aa5ad6ae7a6141ac56"
    );
    assert_eq!(
        part_to_text(&p7),
        "EN1V50000$*0000UVCWA2LIPJ+3ZKBV8V LD%4SURL$2N1UR$:D0VV8:ALOLG6O5OLD6R9LFRD8-1"
    );
    // Independent check of the mixing: part 7 is fragments 1 ^ 2.
    assert_eq!(fragment_indexes(0x7D11_B4C9, 7, 4), vec![1, 2]);
    let xor: Vec<u8> = (0..30).map(|i| message[30 + i] ^ message[60 + i]).collect();
    assert_eq!(p7.data, xor);

    for part in [p0, p7] {
        assert_eq!(Part::from_bytes(&part.to_bytes()).unwrap(), part);
        assert_eq!(part_from_text(&part_to_text(&part)).unwrap(), part);
    }
}

#[test]
fn golden_fragment_indexes() {
    assert_eq!(fragment_indexes(0xDEAD_BEEF, 3, 10), vec![3]);
    assert_eq!(
        fragment_indexes(0xDEAD_BEEF, 10, 10),
        vec![2, 4, 5, 7, 8, 9]
    );
    assert_eq!(
        fragment_indexes(0x1234_5678, 100, 50),
        vec![
            0, 1, 3, 5, 7, 9, 11, 15, 16, 17, 18, 19, 21, 23, 24, 25, 26, 29, 30, 34, 36, 37, 39,
            43, 47, 48
        ]
    );
    assert_eq!(fragment_indexes(0, 20, 20), vec![2, 3, 7, 8, 15, 17, 18]);
    assert_eq!(fragment_indexes(0xFFFF_FFFF, u32::MAX, 7), vec![5]);
    assert_eq!(fragment_indexes(1, 5, 0), Vec::<usize>::new());
    assert_eq!(fragment_indexes(1, 5, 1), vec![0]);
}

#[test]
fn fragment_indexes_are_sorted_distinct_in_range() {
    for k in [1usize, 2, 3, 17, 64, 65, 500, MAX_FRAGMENTS] {
        for seq in (k as u32)..(k as u32 + 40) {
            let idx = fragment_indexes(0xA5A5_0001, seq, k);
            assert!(!idx.is_empty() && idx.len() <= k);
            assert!(idx.windows(2).all(|w| w[0] < w[1]));
            assert!(idx.iter().all(|&i| i < k));
            // Deterministic.
            assert_eq!(idx, fragment_indexes(0xA5A5_0001, seq, k));
        }
    }
}

#[test]
fn every_single_bit_flip_is_rejected() {
    let message: Vec<u8> = (0..500u32).map(|i| (i * 7) as u8).collect();
    let encoder = Encoder::new(&message, 64).unwrap();
    for seq in [0, 3, 8, 9, 1000] {
        let bytes = encoder.part(seq).to_bytes();
        for bit in 0..bytes.len() * 8 {
            let mut damaged = bytes.clone();
            damaged[bit / 8] ^= 1 << (bit % 8);
            let err = Part::from_bytes(&damaged).unwrap_err();
            if bit < 8 {
                assert!(matches!(err, FountainError::UnsupportedVersion(_)));
            } else {
                assert_eq!(err, FountainError::FrameChecksum, "bit {bit}");
            }
        }
    }
}

#[test]
fn every_truncation_is_rejected() {
    let encoder = Encoder::new(&[42u8; 100], 30).unwrap();
    for seq in [0, 6] {
        let bytes = encoder.part(seq).to_bytes();
        for len in 0..bytes.len() {
            let err = Part::from_bytes(&bytes[..len]).unwrap_err();
            if len < MIN_PART_BYTES {
                assert_eq!(
                    err,
                    FountainError::TooShort {
                        len,
                        min: MIN_PART_BYTES
                    }
                );
            } else {
                assert_eq!(err, FountainError::FrameChecksum, "len {len}");
            }
        }
        // Extra trailing bytes are refused too.
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Part::from_bytes(&longer).is_err());
    }
}

#[test]
fn huge_declared_sizes_are_refused_without_allocating() {
    // message_len = u32::MAX.
    let bytes = frame(1, 0, u32::MAX, 0, 100, &[0; 100]);
    assert_eq!(
        Part::from_bytes(&bytes),
        Err(FountainError::MessageTooLarge {
            len: u32::MAX as usize,
            max: MAX_MESSAGE_LEN
        })
    );
    // K = 262144 > MAX_FRAGMENTS.
    let bytes = frame(1, 0, MAX_MESSAGE_LEN as u32, 0, 1, &[0]);
    assert_eq!(
        Part::from_bytes(&bytes),
        Err(FountainError::TooManyFragments {
            count: MAX_MESSAGE_LEN,
            max: MAX_FRAGMENTS
        })
    );
    // K = 2049, just over.
    let bytes = frame(1, 0, 2049, 0, 1, &[0]);
    assert!(matches!(
        Part::from_bytes(&bytes),
        Err(FountainError::TooManyFragments { count: 2049, .. })
    ));
    // fragment_len 0 and over the maximum.
    assert_eq!(
        Part::from_bytes(&frame(1, 0, 10, 0, 0, &[])),
        Err(FountainError::FragmentLen {
            len: 0,
            max: MAX_FRAGMENT_LEN
        })
    );
    assert_eq!(
        Part::from_bytes(&frame(1, 0, 10, 0, u16::MAX, &[1, 2])),
        Err(FountainError::FragmentLen {
            len: u16::MAX as usize,
            max: MAX_FRAGMENT_LEN
        })
    );
    assert_eq!(
        Part::from_bytes(&frame(1, 0, 0, 0, 4, &[1, 2, 3, 4])),
        Err(FountainError::EmptyMessage)
    );
    assert_eq!(
        Part::from_bytes(&frame(1, 0, 100, 0, 50, &[1, 2, 3])),
        Err(FountainError::DataLength {
            expected: 50,
            actual: 3
        })
    );
    assert_eq!(
        Part::from_bytes(&frame(2, 0, 100, 0, 3, &[1, 2, 3])),
        Err(FountainError::UnsupportedVersion(2))
    );
    // The limits themselves are accepted.
    let ok = frame(1, 9, MAX_MESSAGE_LEN as u32, 0, 128, &[7; 128]);
    assert_eq!(Part::from_bytes(&ok).unwrap().seq, 9);
}

#[test]
fn decoder_checks_hand_built_parts() {
    let mut decoder = entraide_core::transfer::fountain::Decoder::new();
    let part = Part {
        seq: 0,
        message_len: u32::MAX,
        checksum: 0,
        fragment_len: 1,
        data: vec![0],
    };
    assert!(matches!(
        decoder.receive(&part),
        Err(FountainError::MessageTooLarge { .. })
    ));
    let part = Part {
        seq: 0,
        message_len: 10,
        checksum: 0,
        fragment_len: 5,
        data: vec![0; 4],
    };
    assert_eq!(
        decoder.receive(&part),
        Err(FountainError::DataLength {
            expected: 5,
            actual: 4
        })
    );
    assert_eq!(decoder.fragment_count(), None);
}

#[test]
fn encoder_limits() {
    assert_eq!(
        Encoder::new(&[], 10).unwrap_err(),
        FountainError::EmptyMessage
    );
    assert!(matches!(
        Encoder::new(&[1], 0),
        Err(FountainError::FragmentLen { len: 0, .. })
    ));
    assert!(matches!(
        Encoder::new(&[1], MAX_FRAGMENT_LEN + 1),
        Err(FountainError::FragmentLen { .. })
    ));
    let big = vec![0u8; MAX_MESSAGE_LEN + 1];
    assert!(matches!(
        Encoder::new(&big, MAX_FRAGMENT_LEN),
        Err(FountainError::MessageTooLarge { .. })
    ));
    let max = vec![0u8; MAX_MESSAGE_LEN];
    assert!(matches!(
        Encoder::new(&max, 100),
        Err(FountainError::TooManyFragments {
            count: 2622,
            max: MAX_FRAGMENTS
        })
    ));
    let encoder = Encoder::new(&max, 128).unwrap();
    assert_eq!(encoder.fragment_count(), MAX_FRAGMENTS);
    assert_eq!(encoder.message_len(), MAX_MESSAGE_LEN);
}
