//! Shared helpers for the integration tests: a seeded PRNG (SplitMix64) and
//! small utilities to feed parts to a decoder.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

pub mod group;

use entraide_core::transfer::fountain::{Decoder, Encoder, Part};

/// Seeded SplitMix64 so every test run sees the same "random" data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Feeds `seqs` in order until the decoder completes; returns the decoder.
pub fn feed(encoder: &Encoder, seqs: &[u32]) -> Decoder {
    let mut decoder = Decoder::new();
    for &seq in seqs {
        decoder.receive(&encoder.part(seq)).unwrap();
        if decoder.is_complete() {
            break;
        }
    }
    decoder
}

/// Builds a well-framed binary part from raw header fields (valid frame CRC).
pub fn frame(
    version: u8,
    seq: u32,
    message_len: u32,
    checksum: u32,
    fragment_len: u16,
    data: &[u8],
) -> Vec<u8> {
    let mut bytes = Part {
        seq,
        message_len,
        checksum,
        fragment_len,
        data: data.to_vec(),
    }
    .to_bytes();
    bytes[0] = version;
    let body_len = bytes.len() - 4;
    let crc = entraide_core::transfer::crc32::crc32(&bytes[..body_len]);
    bytes[body_len..].copy_from_slice(&crc.to_be_bytes());
    bytes
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

use entraide_core::transfer::{DeviceIdentity, StoredIdentity};

/// Fixed identities, so golden vectors and failures are reproducible.
pub const ALICE_AGE: &str =
    "AGE-SECRET-KEY-1R8J864WCT63RX6G509EXCV9E42E25ME4EAWTU8TWXDWJD3UNCDKQU049RD";
pub const BOB_AGE: &str =
    "AGE-SECRET-KEY-1H6UAGWE4R3N6M65XZ33FFJZE3TRD6JQZL6Q5DU8VPNWDHPDVSXQQ3SD36L";

/// Alice (an animator, a helper) with a fixed signing seed.
pub fn alice() -> DeviceIdentity {
    DeviceIdentity::from_stored(&StoredIdentity {
        receiving: ALICE_AGE.to_owned(),
        signing: [1; 32],
    })
    .unwrap()
}

/// Bob (a participant, a helped person) with a fixed signing seed.
pub fn bob() -> DeviceIdentity {
    DeviceIdentity::from_stored(&StoredIdentity {
        receiving: BOB_AGE.to_owned(),
        signing: [2; 32],
    })
    .unwrap()
}

/// Parses hex (test vectors).
pub fn unhex(text: &str) -> Vec<u8> {
    let text: String = text.split_whitespace().collect();
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}
