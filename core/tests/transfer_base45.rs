//! RFC 9285 Base45: the RFC's examples, strict error cases, round trips, and
//! no panic on arbitrary input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::transfer::base45::{decode, encode, encoded_len, Base45Error};
use proptest::prelude::*;

const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[test]
fn rfc_examples_encode() {
    assert_eq!(encode(b"AB"), "BB8");
    assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
    assert_eq!(encode(b"base-45"), "UJCLQE7W581");
    assert_eq!(encode(b"ietf!"), "QED8WEX0");
    assert_eq!(encode(b""), "");
}

#[test]
fn rfc_examples_decode() {
    assert_eq!(decode("BB8").unwrap(), b"AB");
    assert_eq!(decode("%69 VD92EX0").unwrap(), b"Hello!!");
    assert_eq!(decode("UJCLQE7W581").unwrap(), b"base-45");
    assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
    assert_eq!(decode("").unwrap(), b"");
}

#[test]
fn extreme_groups() {
    // 65535 = 0 + 41*45 + 32*2025 -> "FGW"; 65536 is one too many.
    assert_eq!(encode(&[0xFF, 0xFF]), "FGW");
    assert_eq!(decode("FGW").unwrap(), vec![0xFF, 0xFF]);
    assert_eq!(
        decode("GGW"),
        Err(Base45Error::ValueTooLarge { position: 0 })
    );
    assert_eq!(
        decode("000:::"),
        Err(Base45Error::ValueTooLarge { position: 3 })
    );
    // 255 = 30 + 5*45 -> "U5"; 256 as a final pair is too large.
    assert_eq!(encode(&[0xFF]), "U5");
    assert_eq!(decode("U5").unwrap(), vec![0xFF]);
    assert_eq!(
        decode("000V5"),
        Err(Base45Error::ValueTooLarge { position: 3 })
    );
}

#[test]
fn strict_errors() {
    assert_eq!(decode("A"), Err(Base45Error::InvalidLength));
    assert_eq!(decode("BB8A"), Err(Base45Error::InvalidLength));
    assert_eq!(
        decode("bb8"),
        Err(Base45Error::InvalidCharacter { position: 0 })
    );
    assert_eq!(
        decode("BB8B#"),
        Err(Base45Error::InvalidCharacter { position: 4 })
    );
    assert_eq!(
        decode("BBé"),
        Err(Base45Error::InvalidCharacter { position: 2 })
    );
}

proptest! {
    #[test]
    fn round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let text = encode(&bytes);
        prop_assert_eq!(text.len(), encoded_len(bytes.len()));
        prop_assert!(text.chars().all(|c| ALPHABET.contains(c)));
        prop_assert_eq!(decode(&text).unwrap(), bytes);
    }

    #[test]
    fn decode_arbitrary_never_panics(text in any::<String>()) {
        let _ = decode(&text);
    }

    #[test]
    fn decode_alphabet_strings_never_panics(text in "[0-9A-Z $%*+./:-]{0,64}") {
        if let Ok(bytes) = decode(&text) {
            // Canonical: whatever decodes re-encodes to the same text.
            prop_assert_eq!(encode(&bytes), text);
        }
    }
}
