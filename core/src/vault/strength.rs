//! An honest, conservative estimate of a passphrase's strength, for the "create your
//! secret phrase" screen. It is a heuristic, not a measurement.
//!
//! - Text made only of words from our list (as [`super::generate_passphrase`] makes):
//!   log2(n!/(n−k)!) for its k *distinct* words (a repeated word adds nothing): 8 words ≈ 88.
//! - Any other text: each space-separated piece that is a list word counts 11 bits (once);
//!   every other character counts half of log2(pool), the pool being the character classes
//!   present (lowercase 26, uppercase 26, digits 10, ASCII symbols and space 33, anything
//!   else 100), because people choose text rather than draw it at random. A character that
//!   repeats the previous one, or continues a run like `abc` or `321`, counts 0.5 bit; a
//!   common fragment (`azerty`, `123456`, `motdepasse`, `password`…) counts 1 bit in all.
//!   So a random string of 27 letters and digits reaches "Strong"; a sentence rarely does.
//! - Levels: under 50 bits Weak, 50 to under 80 Fair, 80 and more Strong.

use super::passphrase::{distinct_words_bits, is_list_word, word_count};

/// How strong a passphrase looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Under 50 bits.
    Weak,
    /// 50 to under 80 bits.
    Fair,
    /// 80 bits or more.
    Strong,
}

/// The estimate and its level.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Strength {
    /// Estimated bits of entropy (conservative).
    pub bits_estimate: f64,
    /// Level shown to the person.
    pub level: Level,
}

/// Bits from which a passphrase is [`Level::Strong`].
pub const STRONG_BITS: f64 = 80.0;
/// Bits from which a passphrase is [`Level::Fair`].
pub const FAIR_BITS: f64 = 50.0;

const WORD_BITS: f64 = 11.0;
const COMMON_FRAGMENTS: &[&str] = &[
    "motdepasse",
    "password",
    "azerty",
    "qwerty",
    "123456",
    "654321",
    "000000",
    "111111",
    "abcdef",
    "bonjour",
    "soleil",
    "jetaime",
    "iloveyou",
    "admin",
    "marseille",
    "paris",
    "entraide",
    "coucou",
    "doudou",
    "loulou",
    "chouchou",
];

/// Estimates the strength of `passphrase`.
pub fn passphrase_strength(passphrase: &str) -> Strength {
    let bits = estimate_bits(passphrase);
    let level = if bits >= STRONG_BITS {
        Level::Strong
    } else if bits >= FAIR_BITS {
        Level::Fair
    } else {
        Level::Weak
    };
    Strength {
        bits_estimate: bits,
        level,
    }
}

fn estimate_bits(passphrase: &str) -> f64 {
    let tokens: Vec<&str> = passphrase.split_whitespace().collect();
    if tokens.is_empty() {
        return 0.0;
    }
    let mut distinct: Vec<&str> = Vec::new();
    for t in &tokens {
        if !distinct.contains(t) {
            distinct.push(t);
        }
    }
    if tokens.iter().all(|t| is_list_word(t)) {
        return distinct_words_bits(word_count(), distinct.len());
    }
    let per_char = pool_size(passphrase).log2() / 2.0;
    let mut bits = 0.0;
    let mut counted_words: Vec<&str> = Vec::new();
    for token in &tokens {
        if is_list_word(token) {
            if !counted_words.contains(token) {
                counted_words.push(token);
                bits += WORD_BITS;
            }
            continue;
        }
        bits += free_text_bits(token, per_char);
    }
    bits
}

fn free_text_bits(token: &str, per_char: f64) -> f64 {
    let original: Vec<char> = token.chars().collect();
    let chars: Vec<char> = original.iter().map(char::to_ascii_lowercase).collect();
    let mut in_common = vec![false; chars.len()];
    let mut fragments = 0usize;
    for fragment in COMMON_FRAGMENTS {
        let f: Vec<char> = fragment.chars().collect();
        if f.len() > chars.len() {
            continue;
        }
        for start in 0..=(chars.len() - f.len()) {
            if chars[start..start + f.len()] == f[..] && !in_common[start] {
                fragments += 1;
                for flag in &mut in_common[start..start + f.len()] {
                    *flag = true;
                }
            }
        }
    }
    let mut bits = fragments as f64;
    for (i, c) in original.iter().enumerate() {
        if in_common[i] {
            continue;
        }
        let predictable = i > 0 && {
            let (p, c) = (
                i64::from(u32::from(original[i - 1])),
                i64::from(u32::from(*c)),
            );
            (c - p).abs() <= 1
        };
        bits += if predictable { 0.5 } else { per_char };
    }
    bits
}

fn pool_size(text: &str) -> f64 {
    let (mut lower, mut upper, mut digit, mut symbol, mut other) =
        (false, false, false, false, false);
    for c in text.chars() {
        if c.is_ascii_lowercase() {
            lower = true;
        } else if c.is_ascii_uppercase() {
            upper = true;
        } else if c.is_ascii_digit() {
            digit = true;
        } else if c.is_ascii() {
            symbol = true;
        } else {
            other = true;
        }
    }
    let pool = [
        (lower, 26.0),
        (upper, 26.0),
        (digit, 10.0),
        (symbol, 33.0),
        (other, 100.0),
    ]
    .iter()
    .filter(|(present, _)| *present)
    .map(|(_, size)| size)
    .sum::<f64>();
    pool.max(2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::passphrase::words_fr;

    fn level(p: &str) -> Level {
        passphrase_strength(p).level
    }

    #[test]
    fn generated_style_passphrases_are_strong() {
        let words: Vec<&str> = words_fr().take(8).collect();
        let s = passphrase_strength(&words.join(" "));
        assert!(s.bits_estimate > 87.9 && s.bits_estimate < 88.0, "{s:?}");
        assert_eq!(s.level, Level::Strong);
        assert_eq!(level(&words[..6].join(" ")), Level::Fair);
        assert_eq!(level(&words[..3].join(" ")), Level::Weak);
    }

    #[test]
    fn repeated_words_count_once() {
        let w = words_fr().next().unwrap_or("pomme");
        let repeated = [w; 8].join(" ");
        assert!(passphrase_strength(&repeated).bits_estimate <= 11.0);
    }

    #[test]
    fn weak_patterns_are_weak() {
        for p in [
            "",
            "azerty",
            "motdepasse123",
            "aaaaaaaaaaaaaaaaaaaaaaaa",
            "abcdefghijklmnop",
            "Tr0ub4dor&3",
            "123456789",
        ] {
            assert_eq!(level(p), Level::Weak, "{p}");
        }
    }

    #[test]
    fn long_random_text_is_strong() {
        assert_eq!(level("q7Rf2kXw9PzL4mTn8VbH3sJd6Yc"), Level::Strong);
    }

    #[test]
    fn estimate_grows_with_length() {
        let a = passphrase_strength("Kx7#pQ").bits_estimate;
        let b = passphrase_strength("Kx7#pQ9@wZ").bits_estimate;
        assert!(b > a);
    }
}
