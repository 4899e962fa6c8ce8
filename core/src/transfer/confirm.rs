//! The short confirmation code both phones show after a pairing. It is derived from the two
//! payloads exchanged (the offer and its answer), so if anyone swapped a code in between, the
//! two screens show different numbers and the people see it.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const DOMAIN: &[u8] = b"entraide/confirm/v1\0";

/// A six-digit code, shown as `482 913`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfirmationCode(u32);

impl ConfirmationCode {
    /// The code for an offer and the answer to it (order matters).
    pub fn derive(offer: &[u8], answer: &[u8]) -> Self {
        let mut hash = Sha256::new();
        hash.update(DOMAIN);
        hash.update((offer.len() as u64).to_be_bytes());
        hash.update(offer);
        hash.update(answer);
        let digest = hash.finalize();
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        // Modulo bias over 2^64 is negligible for a 10^6 range.
        Self((u64::from_be_bytes(first) % 1_000_000) as u32)
    }

    /// The six digits, most significant first.
    pub fn digits(self) -> [u8; 6] {
        let mut out = [0u8; 6];
        let mut rest = self.0;
        for slot in out.iter_mut().rev() {
            *slot = (rest % 10) as u8;
            rest /= 10;
        }
        out
    }

    /// The number itself (below one million).
    pub fn value(self) -> u32 {
        self.0
    }
}

impl fmt::Display for ConfirmationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03} {:03}", self.0 / 1000, self.0 % 1000)
    }
}
