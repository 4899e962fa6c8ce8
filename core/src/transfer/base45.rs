//! RFC 9285 Base45: binary to text in the 45-character QR "alphanumeric"
//! alphabet, so a QR code can hold frames in its dense alphanumeric mode and
//! scanners that only return strings still deliver them intact.
//!
//! Two bytes `[a, b]` form `n = a * 256 + b = c + d * 45 + e * 45²`, written
//! as the characters `c d e`; a final odd byte `n = c + d * 45` is written as
//! `c d`. Decoding is strict: unknown characters, a dangling single
//! character, and groups whose value does not fit are all errors.

/// The RFC 9285 alphabet; a character's value is its index here.
const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Why a string is not valid Base45.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Base45Error {
    /// The byte at `position` (byte offset in the text) is not in the alphabet.
    #[error("invalid Base45 character at position {position}")]
    InvalidCharacter {
        /// Byte offset in the input text.
        position: usize,
    },
    /// The length leaves a single character that cannot encode a byte.
    #[error("invalid Base45 length")]
    InvalidLength,
    /// The group starting at `position` encodes a value above 65535 (three
    /// characters) or above 255 (final two characters).
    #[error("Base45 group at position {position} is out of range")]
    ValueTooLarge {
        /// Byte offset in the input text where the group starts.
        position: usize,
    },
}

fn symbol(value: u32) -> char {
    usize::try_from(value)
        .ok()
        .and_then(|i| ALPHABET.get(i))
        .map_or('0', |&c| char::from(c))
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'0'..=b'9' => c - b'0',
        b'A'..=b'Z' => c - b'A' + 10,
        b' ' => 36,
        b'$' => 37,
        b'%' => 38,
        b'*' => 39,
        b'+' => 40,
        b'-' => 41,
        b'.' => 42,
        b'/' => 43,
        b':' => 44,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Length of the Base45 text for `byte_len` bytes.
pub const fn encoded_len(byte_len: usize) -> usize {
    (byte_len / 2) * 3 + (byte_len % 2) * 2
}

/// Encodes `bytes` as Base45 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(encoded_len(bytes.len()));
    for chunk in bytes.chunks(2) {
        match *chunk {
            [a, b] => {
                let n = u32::from(a) * 256 + u32::from(b);
                out.push(symbol(n % 45));
                out.push(symbol((n / 45) % 45));
                out.push(symbol(n / (45 * 45)));
            }
            [a] => {
                let n = u32::from(a);
                out.push(symbol(n % 45));
                out.push(symbol(n / 45));
            }
            _ => {}
        }
    }
    out
}

/// Decodes Base45 `text` (no surrounding whitespace allowed).
pub fn decode(text: &str) -> Result<Vec<u8>, Base45Error> {
    let raw = text.as_bytes();
    let mut values = Vec::with_capacity(raw.len());
    for (position, &c) in raw.iter().enumerate() {
        values.push(value_of(c).ok_or(Base45Error::InvalidCharacter { position })?);
    }
    if values.len() % 3 == 1 {
        return Err(Base45Error::InvalidLength);
    }
    let mut out = Vec::with_capacity(values.len() / 3 * 2 + 1);
    for (group, chunk) in values.chunks(3).enumerate() {
        let position = group * 3;
        match *chunk {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                if n > 0xFFFF {
                    return Err(Base45Error::ValueTooLarge { position });
                }
                out.extend_from_slice(&[(n >> 8) as u8, n as u8]);
            }
            [c, d] => {
                let n = c + d * 45;
                if n > 0xFF {
                    return Err(Base45Error::ValueTooLarge { position });
                }
                out.push(n as u8);
            }
            _ => return Err(Base45Error::InvalidLength),
        }
    }
    Ok(out)
}
