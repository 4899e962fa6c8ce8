//! CRC-32/IEEE golden values and agreement with a bit-by-bit reference.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::transfer::crc32::crc32;
use proptest::prelude::*;

/// Slow reference: one bit at a time, no table.
fn reference(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = 0u32.wrapping_sub(crc & 1);
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

#[test]
fn golden_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn golden_other_values() {
    assert_eq!(crc32(b""), 0);
    assert_eq!(
        crc32(b"The quick brown fox jumps over the lazy dog"),
        0x414F_A339
    );
    assert_eq!(crc32(&[0u8; 32]), 0x190A_55AD);
}

proptest! {
    #[test]
    fn matches_bitwise_reference(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        prop_assert_eq!(crc32(&bytes), reference(&bytes));
    }
}
