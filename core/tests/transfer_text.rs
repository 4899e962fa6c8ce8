//! Text form of parts: round trips (with scanner whitespace), prefix and
//! length checks, and wrapped error types.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::Rng;
use entraide_core::transfer::base45::Base45Error;
use entraide_core::transfer::fountain::{Encoder, FountainError, MAX_FRAGMENT_LEN};
use entraide_core::transfer::text::{
    part_from_text, part_to_text, TextError, MAX_TEXT_LEN, PREFIX,
};
use proptest::prelude::*;

const QR_ALPHANUMERIC: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[test]
fn max_text_len_matches_largest_part() {
    assert_eq!(MAX_TEXT_LEN, 3 + 1565);
    let message = Rng(1).bytes(5000);
    let encoder = Encoder::new(&message, MAX_FRAGMENT_LEN).unwrap();
    let text = part_to_text(&encoder.part(9));
    assert_eq!(text.len(), MAX_TEXT_LEN);
    assert!(part_from_text(&text).is_ok());
}

#[test]
fn errors() {
    assert_eq!(part_from_text("hello"), Err(TextError::NotOurCode));
    assert_eq!(part_from_text("en1ABC"), Err(TextError::NotOurCode));
    assert_eq!(part_from_text(""), Err(TextError::NotOurCode));
    let long = format!("{PREFIX}{}", "0".repeat(MAX_TEXT_LEN));
    assert!(matches!(
        part_from_text(&long),
        Err(TextError::TooLong { .. })
    ));
    assert_eq!(
        part_from_text("EN1A"),
        Err(TextError::Base45(Base45Error::InvalidLength))
    );
    assert_eq!(
        part_from_text("EN1abc"),
        Err(TextError::Base45(Base45Error::InvalidCharacter {
            position: 0
        }))
    );
    assert!(matches!(
        part_from_text("EN1BB8"),
        Err(TextError::Fountain(FountainError::TooShort { .. }))
    ));
    let message = Rng(2).bytes(100);
    let mut text = part_to_text(&Encoder::new(&message, 30).unwrap().part(5));
    text.replace_range(10..11, if &text[10..11] == "0" { "1" } else { "0" });
    assert!(part_from_text(&text).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn round_trip_with_whitespace(
        len in 1usize..3000,
        fragment_len in 1usize..=MAX_FRAGMENT_LEN,
        seq in any::<u32>(),
        seed in any::<u64>(),
        pad in "[ \t\r\n]{0,3}",
    ) {
        let message = Rng(seed).bytes(len);
        prop_assume!(len.div_ceil(fragment_len) <= 2048);
        let part = Encoder::new(&message, fragment_len).unwrap().part(seq);
        let text = part_to_text(&part);
        prop_assert!(text.starts_with(PREFIX));
        prop_assert!(text.len() <= MAX_TEXT_LEN);
        prop_assert!(text.chars().all(|c| QR_ALPHANUMERIC.contains(c)));
        prop_assert!(!text.ends_with(' '));
        prop_assert_eq!(part_from_text(&format!("{pad}{text}{pad}")).unwrap(), part);
    }
}
