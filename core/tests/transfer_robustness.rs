//! Hostile or confused input: arbitrary bytes, strings and hand-built parts
//! never make the parser or decoder panic, and a decoder fed parts of two
//! messages reports `OtherMessage` and never yields a wrong message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{frame, Rng};
use entraide_core::transfer::crc32::crc32;
use entraide_core::transfer::fountain::{Decoder, Encoder, FountainError, Part};
use entraide_core::transfer::text::part_from_text;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..1200)) {
        let mut decoder = Decoder::new();
        if let Ok(part) = Part::from_bytes(&bytes) {
            let _ = decoder.receive(&part);
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = part_from_text(&text);
        let _ = part_from_text(&format!("EN1{text}"));
    }

    #[test]
    fn alphabet_strings_never_panic(text in "EN1[0-9A-Z $%*+./:-]{0,120}") {
        if let Ok(part) = part_from_text(&text) {
            let _ = Decoder::new().receive(&part);
        }
    }

    #[test]
    fn hand_built_parts_never_panic(
        seq in any::<u32>(),
        message_len in prop_oneof![any::<u32>(), 0u32..3000],
        checksum in any::<u32>(),
        fragment_len in prop_oneof![any::<u16>(), 0u16..80],
        data in proptest::collection::vec(any::<u8>(), 0..80),
    ) {
        let part = Part { seq, message_len, checksum, fragment_len, data };
        let _ = Part::from_bytes(&part.to_bytes());
        let _ = Decoder::new().receive(&part);
    }

    /// Well-framed but forged parts sharing one geometry: the decoder never
    /// panics, and anything it calls complete matches the declared CRC.
    #[test]
    fn forged_consistent_parts_never_yield_unverified_messages(
        message_len in 1u32..400,
        fragment_len in 1u16..64,
        seed in any::<u64>(),
        count in 1usize..120,
    ) {
        let mut rng = Rng(seed);
        let checksum = rng.next_u64() as u32;
        let mut decoder = Decoder::new();
        for _ in 0..count {
            let seq = rng.below(600) as u32;
            let data = rng.bytes(usize::from(fragment_len));
            let bytes = frame(1, seq, message_len, checksum, fragment_len, &data);
            let Ok(part) = Part::from_bytes(&bytes) else { continue };
            match decoder.receive(&part) {
                Ok(progress) => prop_assert!(progress.rank <= progress.fragment_count),
                Err(FountainError::ChecksumMismatch) => {
                    prop_assert_eq!(decoder.fragment_count(), None);
                }
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
            if let Some(message) = decoder.message() {
                prop_assert_eq!(message.len(), message_len as usize);
                prop_assert_eq!(crc32(message), checksum);
            }
        }
    }

    #[test]
    fn two_messages_never_mix(
        len_a in 1usize..1500,
        len_b in 1usize..1500,
        fragment_len in 8usize..200,
        seed in any::<u64>(),
    ) {
        let mut rng = Rng(seed);
        let a = rng.bytes(len_a);
        let b = rng.bytes(len_b);
        prop_assume!(a != b);
        let enc_a = Encoder::new(&a, fragment_len).unwrap();
        let enc_b = Encoder::new(&b, fragment_len).unwrap();
        prop_assume!(enc_a.checksum() != enc_b.checksum() || len_a != len_b);
        let mut decoder = Decoder::new();
        let mut first: Option<bool> = None; // true = a
        for _ in 0..4 * (enc_a.fragment_count() + enc_b.fragment_count()) + 40 {
            let from_a = rng.below(2) == 0;
            let seq = rng.below(4 * 2048) as u32;
            let part = if from_a { enc_a.part(seq) } else { enc_b.part(seq) };
            match decoder.receive(&part) {
                Ok(_) => {
                    let owner = *first.get_or_insert(from_a);
                    prop_assert_eq!(owner, from_a);
                }
                Err(FountainError::OtherMessage) => {
                    prop_assert_eq!(first, Some(!from_a));
                }
                Err(e) => prop_assert!(false, "unexpected {e}"),
            }
            if let Some(message) = decoder.message() {
                let expected: &[u8] = if first == Some(true) { &a } else { &b };
                prop_assert_eq!(message, expected);
            }
        }
    }
}
