//! Rateless fountain code for animated QR transfers.
//!
//! A message is cut into `K = ceil(message_len / fragment_len)` fragments
//! (the last one zero-padded). The sender shows an endless stream of
//! [`Part`]s: part `seq < K` is fragment `seq` itself (systematic), part
//! `seq >= K` is the XOR of a pseudo-random set of fragments chosen by
//! [`fragment_indexes`] from `(checksum, seq, K)` alone, so the receiver can
//! rebuild the set without extra bytes on the wire. Any large-enough set of
//! parts, in any order, rebuilds the message: the [`Decoder`] runs an
//! incremental Gaussian elimination over GF(2) and keeps at most `K` rows.
//!
//! Wire form of a part ([`Part::to_bytes`]), all integers big-endian:
//! `version u8 = 1 | seq u32 | message_len u32 | checksum u32 |
//! fragment_len u16 | data (fragment_len bytes) | crc32 of all before u32`.

use std::collections::HashSet;

use super::crc32::crc32;

/// Version byte of the binary part format.
pub const VERSION: u8 = 1;
/// Largest message accepted, in bytes.
pub const MAX_MESSAGE_LEN: usize = 256 * 1024;
/// Largest fragment count `K` accepted.
pub const MAX_FRAGMENTS: usize = 2048;
/// Largest fragment length accepted, in bytes.
pub const MAX_FRAGMENT_LEN: usize = 1024;
/// Smallest fragment length accepted, in bytes.
pub const MIN_FRAGMENT_LEN: usize = 1;
/// Bytes before the data: version, seq, message_len, checksum, fragment_len.
pub const HEADER_LEN: usize = 1 + 4 + 4 + 4 + 2;
/// Bytes of the trailing per-frame CRC.
pub const FRAME_CRC_LEN: usize = 4;
/// Shortest possible binary part (header and frame CRC, no data).
pub const MIN_PART_BYTES: usize = HEADER_LEN + FRAME_CRC_LEN;
/// Longest valid binary part.
pub const MAX_PART_BYTES: usize = MIN_PART_BYTES + MAX_FRAGMENT_LEN;

/// Everything that can go wrong when building, parsing or decoding parts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FountainError {
    /// Fewer bytes than a header and frame CRC.
    #[error("part too short: {len} bytes, at least {min} needed")]
    TooShort {
        /// Bytes given.
        len: usize,
        /// Minimum length of a part.
        min: usize,
    },
    /// The version byte is not [`VERSION`].
    #[error("unsupported part version {0}")]
    UnsupportedVersion(u8),
    /// The per-frame CRC does not match: the frame is damaged.
    #[error("part frame checksum mismatch")]
    FrameChecksum,
    /// Declared or given message longer than [`MAX_MESSAGE_LEN`].
    #[error("message of {len} bytes exceeds the maximum of {max}")]
    MessageTooLarge {
        /// Message length (saturated to `usize::MAX`).
        len: usize,
        /// [`MAX_MESSAGE_LEN`].
        max: usize,
    },
    /// Fragment length outside `MIN_FRAGMENT_LEN..=MAX_FRAGMENT_LEN`.
    #[error("fragment length {len} not in 1..={max}")]
    FragmentLen {
        /// Fragment length given.
        len: usize,
        /// [`MAX_FRAGMENT_LEN`].
        max: usize,
    },
    /// `K` would exceed [`MAX_FRAGMENTS`].
    #[error("{count} fragments exceed the maximum of {max}")]
    TooManyFragments {
        /// Fragment count implied by the lengths.
        count: usize,
        /// [`MAX_FRAGMENTS`].
        max: usize,
    },
    /// Data length differs from the declared fragment length.
    #[error("part data is {actual} bytes, fragment length says {expected}")]
    DataLength {
        /// Declared fragment length.
        expected: usize,
        /// Actual data length.
        actual: usize,
    },
    /// Messages must hold at least one byte.
    #[error("empty message")]
    EmptyMessage,
    /// The part belongs to another message than the one being decoded.
    #[error("part belongs to another message")]
    OtherMessage,
    /// All fragments were solved but the message CRC is wrong; the decoder
    /// has been reset.
    #[error("decoded message checksum mismatch; decoder reset")]
    ChecksumMismatch,
}

/// One fountain-coded part, as carried by one QR frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Sequence number: `< K` systematic, `>= K` mixed.
    pub seq: u32,
    /// Length of the whole message in bytes.
    pub message_len: u32,
    /// CRC-32 of the whole message.
    pub checksum: u32,
    /// Length of every fragment (and of `data`).
    pub fragment_len: u16,
    /// XOR of the fragments listed by [`fragment_indexes`].
    pub data: Vec<u8>,
}

/// Checks the geometry of a message and returns its fragment count `K`.
fn fragment_count_of(message_len: usize, fragment_len: usize) -> Result<usize, FountainError> {
    if message_len == 0 {
        return Err(FountainError::EmptyMessage);
    }
    if message_len > MAX_MESSAGE_LEN {
        return Err(FountainError::MessageTooLarge {
            len: message_len,
            max: MAX_MESSAGE_LEN,
        });
    }
    if !(MIN_FRAGMENT_LEN..=MAX_FRAGMENT_LEN).contains(&fragment_len) {
        return Err(FountainError::FragmentLen {
            len: fragment_len,
            max: MAX_FRAGMENT_LEN,
        });
    }
    let count = message_len.div_ceil(fragment_len);
    if count > MAX_FRAGMENTS {
        return Err(FountainError::TooManyFragments {
            count,
            max: MAX_FRAGMENTS,
        });
    }
    Ok(count)
}

fn to_usize(v: u32) -> usize {
    usize::try_from(v).unwrap_or(usize::MAX)
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let end = at.checked_add(4)?;
    let raw: [u8; 4] = bytes.get(at..end)?.try_into().ok()?;
    Some(u32::from_be_bytes(raw))
}

fn be_u16(bytes: &[u8], at: usize) -> Option<u16> {
    let end = at.checked_add(2)?;
    let raw: [u8; 2] = bytes.get(at..end)?.try_into().ok()?;
    Some(u16::from_be_bytes(raw))
}

impl Part {
    /// Checks the declared geometry and the data length; returns `K`.
    pub fn validate(&self) -> Result<usize, FountainError> {
        let count = fragment_count_of(to_usize(self.message_len), usize::from(self.fragment_len))?;
        if self.data.len() != usize::from(self.fragment_len) {
            return Err(FountainError::DataLength {
                expected: usize::from(self.fragment_len),
                actual: self.data.len(),
            });
        }
        Ok(count)
    }

    /// Binary wire form (see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(MIN_PART_BYTES + self.data.len());
        out.push(VERSION);
        out.extend_from_slice(&self.seq.to_be_bytes());
        out.extend_from_slice(&self.message_len.to_be_bytes());
        out.extend_from_slice(&self.checksum.to_be_bytes());
        out.extend_from_slice(&self.fragment_len.to_be_bytes());
        out.extend_from_slice(&self.data);
        let frame_crc = crc32(&out);
        out.extend_from_slice(&frame_crc.to_be_bytes());
        out
    }

    /// Parses and checks a binary part. Every check on declared sizes
    /// happens before anything proportional to them is allocated.
    pub fn from_bytes(bytes: &[u8]) -> Result<Part, FountainError> {
        let too_short = FountainError::TooShort {
            len: bytes.len(),
            min: MIN_PART_BYTES,
        };
        if bytes.len() < MIN_PART_BYTES {
            return Err(too_short);
        }
        let version = bytes.first().copied().ok_or_else(|| too_short.clone())?;
        if version != VERSION {
            return Err(FountainError::UnsupportedVersion(version));
        }
        let crc_at = bytes.len() - FRAME_CRC_LEN;
        let (body, _) = bytes
            .split_at_checked(crc_at)
            .ok_or_else(|| too_short.clone())?;
        let frame_crc = be_u32(bytes, crc_at).ok_or_else(|| too_short.clone())?;
        if crc32(body) != frame_crc {
            return Err(FountainError::FrameChecksum);
        }
        let (Some(seq), Some(message_len), Some(checksum), Some(fragment_len)) = (
            be_u32(body, 1),
            be_u32(body, 5),
            be_u32(body, 9),
            be_u16(body, 13),
        ) else {
            return Err(too_short);
        };
        fragment_count_of(to_usize(message_len), usize::from(fragment_len))?;
        let data = body.get(HEADER_LEN..).unwrap_or_default();
        if data.len() != usize::from(fragment_len) {
            return Err(FountainError::DataLength {
                expected: usize::from(fragment_len),
                actual: data.len(),
            });
        }
        Ok(Part {
            seq,
            message_len,
            checksum,
            fragment_len,
            data: data.to_vec(),
        })
    }
}

/// SplitMix64: tiny, fast, well-mixed PRNG; deterministic on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Sorted fragment indexes XORed into part `seq` of a message with the given
/// `checksum` and `fragment_count` (`K`). Systematic parts (`seq < K`) give
/// `[seq]`; `K == 0` gives an empty list. Costs `O(K)` time and memory, so
/// callers should pass a validated `K` (at most [`MAX_FRAGMENTS`]).
pub fn fragment_indexes(checksum: u32, seq: u32, fragment_count: usize) -> Vec<usize> {
    let k = fragment_count;
    if k == 0 {
        return Vec::new();
    }
    let s = to_usize(seq);
    if s < k {
        return vec![s];
    }
    // A uniformly random non-empty subset: each fragment is in with probability 1/2 (a
    // random linear fountain). With the Gaussian-elimination decoder this needs about 1.6
    // parts beyond K on average whatever K is, and every part has the same chance to help:
    // an earlier degree rule (1/d, floored at K/2) left small K badly off (K = 2: two parts
    // in three covered both fragments, so a receiver that missed the systematic parts
    // could wait 17 frames). Rows cover K/2 fragments on average, O(K · fragment_len) to XOR.
    let mut rng = SplitMix64((u64::from(checksum) << 32) | u64::from(seq));
    loop {
        let mut bits = 0u64;
        let mut left = 0;
        let picked: Vec<usize> = (0..k)
            .filter(|_| {
                if left == 0 {
                    bits = rng.next_u64();
                    left = 64;
                }
                left -= 1;
                let keep = bits & 1 == 1;
                bits >>= 1;
                keep
            })
            .collect();
        if !picked.is_empty() {
            return picked;
        }
    }
}

/// Fragment length that spreads `message_len` evenly over the fewest
/// fragments of at most `max_fragment_len` bytes, so padding is minimal:
/// `ceil(len / ceil(len / max))`. `max_fragment_len` is clamped to
/// `MIN_FRAGMENT_LEN..=MAX_FRAGMENT_LEN`; an empty message gives that max.
pub fn fragment_len_for(message_len: usize, max_fragment_len: usize) -> usize {
    let max = max_fragment_len.clamp(MIN_FRAGMENT_LEN, MAX_FRAGMENT_LEN);
    if message_len == 0 {
        return max;
    }
    let count = message_len.div_ceil(max);
    message_len.div_ceil(count)
}

/// XORs `src` into `dst` (over their common length), eight bytes at a time.
fn xor_into(dst: &mut [u8], src: &[u8]) {
    let (dst_words, dst_tail) = dst.as_chunks_mut::<8>();
    let (src_words, src_tail) = src.as_chunks::<8>();
    for (d, s) in dst_words.iter_mut().zip(src_words) {
        *d = (u64::from_ne_bytes(*d) ^ u64::from_ne_bytes(*s)).to_ne_bytes();
    }
    if dst_words.len() == src_words.len() {
        for (d, s) in dst_tail.iter_mut().zip(src_tail) {
            *d ^= s;
        }
    } else {
        // Lengths differ by whole words: finish byte by byte.
        let done = dst_words.len().min(src_words.len()) * 8;
        let dst_rest = dst.get_mut(done..).unwrap_or_default();
        let src_rest = src.get(done..).unwrap_or_default();
        for (d, s) in dst_rest.iter_mut().zip(src_rest) {
            *d ^= s;
        }
    }
}

/// Produces the parts of one message.
#[derive(Debug, Clone)]
pub struct Encoder {
    message_len: u32,
    checksum: u32,
    fragment_len: usize,
    fragment_count: usize,
    /// The message zero-padded to `fragment_count * fragment_len` bytes.
    padded: Vec<u8>,
}

impl Encoder {
    /// Prepares `message` for fragments of `fragment_len` bytes.
    pub fn new(message: &[u8], fragment_len: usize) -> Result<Self, FountainError> {
        let fragment_count = fragment_count_of(message.len(), fragment_len)?;
        let message_len =
            u32::try_from(message.len()).map_err(|_| FountainError::MessageTooLarge {
                len: message.len(),
                max: MAX_MESSAGE_LEN,
            })?;
        let mut padded = message.to_vec();
        padded.resize(fragment_count * fragment_len, 0);
        Ok(Encoder {
            message_len,
            checksum: crc32(message),
            fragment_len,
            fragment_count,
            padded,
        })
    }

    /// Number of fragments `K`.
    pub fn fragment_count(&self) -> usize {
        self.fragment_count
    }

    /// Fragment length in bytes.
    pub fn fragment_len(&self) -> usize {
        self.fragment_len
    }

    /// CRC-32 of the message.
    pub fn checksum(&self) -> u32 {
        self.checksum
    }

    /// Message length in bytes.
    pub fn message_len(&self) -> usize {
        to_usize(self.message_len)
    }

    /// Part number `seq` (any `u32`; the stream never ends).
    pub fn part(&self, seq: u32) -> Part {
        let mut data = vec![0u8; self.fragment_len];
        for index in fragment_indexes(self.checksum, seq, self.fragment_count) {
            let start = index * self.fragment_len;
            if let Some(fragment) = self.padded.get(start..start + self.fragment_len) {
                xor_into(&mut data, fragment);
            }
        }
        Part {
            seq,
            message_len: self.message_len,
            checksum: self.checksum,
            // fragment_len <= MAX_FRAGMENT_LEN (1024) always fits.
            fragment_len: u16::try_from(self.fragment_len).unwrap_or(u16::MAX),
            data,
        }
    }
}

/// What the decoder knows after a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Distinct parts of this message accepted so far.
    pub received: usize,
    /// Independent equations held (solved fragments' worth), `0..=K`.
    pub rank: usize,
    /// `K` (0 before the first part).
    pub fragment_count: usize,
    /// The message is rebuilt and verified.
    pub complete: bool,
}

/// Identity of a message as seen on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Geometry {
    message_len: u32,
    checksum: u32,
    fragment_len: u16,
}

/// One GF(2) equation: which fragments (bitset) XOR to `data`.
/// Stored rows have their pivot as lowest set bit (row echelon form).
#[derive(Debug, Clone)]
struct Row {
    bits: Vec<u64>,
    data: Vec<u8>,
}

fn lowest_set_bit(bits: &[u64], from_word: usize) -> Option<usize> {
    bits.iter()
        .enumerate()
        .skip(from_word)
        .find(|(_, w)| **w != 0)
        .map(|(i, w)| i * 64 + w.trailing_zeros() as usize)
}

fn set_bits(bits: &[u64]) -> impl Iterator<Item = usize> + '_ {
    bits.iter().enumerate().flat_map(|(i, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros() as usize;
            w &= w - 1;
            Some(i * 64 + b)
        })
    })
}

/// Rebuilds a message from parts received in any order.
///
/// Memory is bounded by `K` rows of `K` bits plus `fragment_len` bytes,
/// whatever the number of frames; dependent parts are dropped.
#[derive(Debug, Clone, Default)]
pub struct Decoder {
    geometry: Option<Geometry>,
    fragment_count: usize,
    received: usize,
    /// Sequence numbers already seen (capped, see [`Decoder::receive`]).
    seen: HashSet<u32>,
    /// `rows[c]` is the row whose pivot is column `c`.
    rows: Vec<Option<Row>>,
    rank: usize,
    message: Option<Vec<u8>>,
}

impl Decoder {
    /// An empty decoder, waiting for the first part of any message.
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets everything (e.g. to switch to another message).
    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Feeds one part. The first accepted part fixes the message; parts of
    /// another message give [`FountainError::OtherMessage`] and change
    /// nothing. Duplicate sequence numbers are ignored (up to `4 K + 64`
    /// distinct numbers are remembered; past that a repeat is harmlessly
    /// re-reduced to nothing but counted in `received`). Once complete,
    /// further parts of the same message change nothing.
    pub fn receive(&mut self, part: &Part) -> Result<Progress, FountainError> {
        let count = part.validate()?;
        let geometry = Geometry {
            message_len: part.message_len,
            checksum: part.checksum,
            fragment_len: part.fragment_len,
        };
        match self.geometry {
            Some(g) if g != geometry => return Err(FountainError::OtherMessage),
            Some(_) => {}
            None => {
                self.geometry = Some(geometry);
                self.fragment_count = count;
                self.rows = vec![None; count];
            }
        }
        if self.message.is_some() || !self.remember(part.seq) {
            return Ok(self.report());
        }
        self.received += 1;
        let words = count.div_ceil(64);
        let mut bits = vec![0u64; words];
        for index in fragment_indexes(part.checksum, part.seq, count) {
            if let Some(w) = bits.get_mut(index / 64) {
                *w |= 1u64 << (index % 64);
            }
        }
        self.insert(Row {
            bits,
            data: part.data.clone(),
        });
        if self.rank == self.fragment_count {
            self.finish(geometry)?;
        }
        Ok(self.report())
    }

    /// Records `seq`; false if it was already seen.
    fn remember(&mut self, seq: u32) -> bool {
        if self.seen.contains(&seq) {
            return false;
        }
        if self.seen.len() < self.fragment_count.saturating_mul(4) + 64 {
            self.seen.insert(seq);
        }
        true
    }

    /// Reduces `row` against the pivot rows; keeps it if independent.
    fn insert(&mut self, mut row: Row) {
        let mut from_word = 0;
        while let Some(col) = lowest_set_bit(&row.bits, from_word) {
            from_word = col / 64;
            let Some(slot) = self.rows.get_mut(col) else {
                return;
            };
            match slot {
                Some(pivot) => {
                    for (a, b) in row.bits.iter_mut().zip(&pivot.bits).skip(from_word) {
                        *a ^= b;
                    }
                    xor_into(&mut row.data, &pivot.data);
                }
                None => {
                    *slot = Some(row);
                    self.rank += 1;
                    return;
                }
            }
        }
        // Reduced to nothing: the part carried no new information.
    }

    /// Back-substitutes, checks the CRC and keeps the message.
    fn finish(&mut self, geometry: Geometry) -> Result<(), FountainError> {
        for p in (0..self.rows.len()).rev() {
            let Some((head, tail)) = self.rows.split_at_mut_checked(p + 1) else {
                continue;
            };
            let Some(Some(row)) = head.last_mut() else {
                continue;
            };
            for q in set_bits(&row.bits).filter(|&q| q > p) {
                // Rows after p already hold exactly their own fragment.
                if let Some(Some(solved)) = tail.get(q - p - 1) {
                    xor_into(&mut row.data, &solved.data);
                }
            }
        }
        let mut message =
            Vec::with_capacity(self.fragment_count * usize::from(geometry.fragment_len));
        for row in self.rows.iter().flatten() {
            message.extend_from_slice(&row.data);
        }
        message.truncate(to_usize(geometry.message_len));
        if message.len() != to_usize(geometry.message_len) || crc32(&message) != geometry.checksum {
            self.reset();
            return Err(FountainError::ChecksumMismatch);
        }
        self.rows = Vec::new();
        self.message = Some(message);
        Ok(())
    }

    fn report(&self) -> Progress {
        Progress {
            received: self.received,
            rank: self.rank,
            fragment_count: self.fragment_count,
            complete: self.message.is_some(),
        }
    }

    /// Current progress.
    pub fn progress_report(&self) -> Progress {
        self.report()
    }

    /// True once the message is rebuilt and verified.
    pub fn is_complete(&self) -> bool {
        self.message.is_some()
    }

    /// The rebuilt message, once complete.
    pub fn message(&self) -> Option<&[u8]> {
        self.message.as_deref()
    }

    /// `rank / K` in `0.0..=1.0`; never decreases while the same message is
    /// being decoded (only `reset` or a checksum failure bring it to 0).
    pub fn progress(&self) -> f64 {
        if self.fragment_count == 0 {
            return 0.0;
        }
        self.rank as f64 / self.fragment_count as f64
    }

    /// Distinct parts of the current message accepted so far.
    pub fn parts_received(&self) -> usize {
        self.received
    }

    /// `K`, once the first part is accepted.
    pub fn fragment_count(&self) -> Option<usize> {
        self.geometry.map(|_| self.fragment_count)
    }
}
