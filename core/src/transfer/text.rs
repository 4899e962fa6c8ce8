//! Text form of one fountain part, as put in one QR code: `EN1` followed by
//! the Base45 of [`Part::to_bytes`]. Every character is in the QR
//! alphanumeric set, so the dense alphanumeric mode applies, and scanners
//! that hand back strings deliver it intact.
//!
//! Surrounding whitespace is trimmed before parsing. That is safe although
//! space is a Base45 digit: the last character of valid Base45 is never a
//! space (the top digit of a 3-group is at most 32, of a 2-group at most 5).

use super::base45::{self, Base45Error};
use super::fountain::{FountainError, Part, MAX_PART_BYTES};

/// Marks Entraide fountain frames, format 1.
pub const PREFIX: &str = "EN1";

/// Longest text a valid part can have; longer input is refused before any
/// decoding work.
pub const MAX_TEXT_LEN: usize = PREFIX.len() + base45::encoded_len(MAX_PART_BYTES);

/// Why a scanned string is not a usable part.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// The text does not start with [`PREFIX`]: some other QR code.
    #[error("not an Entraide transfer code")]
    NotOurCode,
    /// Longer than any valid part.
    #[error("code text of {len} bytes exceeds the maximum of {max}")]
    TooLong {
        /// Length of the trimmed text in bytes.
        len: usize,
        /// [`MAX_TEXT_LEN`].
        max: usize,
    },
    /// The payload is not valid Base45.
    #[error(transparent)]
    Base45(#[from] Base45Error),
    /// The decoded bytes are not a valid part.
    #[error(transparent)]
    Fountain(#[from] FountainError),
}

/// `PREFIX` + Base45 of the part's bytes.
pub fn part_to_text(part: &Part) -> String {
    let mut text = String::from(PREFIX);
    text.push_str(&base45::encode(&part.to_bytes()));
    text
}

/// Parses a scanned string back into a part.
pub fn part_from_text(text: &str) -> Result<Part, TextError> {
    let text = text.trim();
    let payload = text.strip_prefix(PREFIX).ok_or(TextError::NotOurCode)?;
    if text.len() > MAX_TEXT_LEN {
        return Err(TextError::TooLong {
            len: text.len(),
            max: MAX_TEXT_LEN,
        });
    }
    let bytes = base45::decode(payload)?;
    Ok(Part::from_bytes(&bytes)?)
}
