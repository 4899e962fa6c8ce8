//! Generated passphrases: words drawn from `content/words-fr.txt` (2,048 everyday French
//! words, lowercase, without accents, 3 to 8 letters, distinct), chosen uniformly with the
//! caller's random source. 8 distinct words give log2(2048 × 2047 × … × 2041) ≈ 88 bits.
//!
//! The list started from the BIP-39 French word list (accents removed; it stays distinct),
//! with unpleasant, violent, medical or obscure words replaced by everyday ones
//! (food, animals, home, nature).

use rand_core::RngCore;

/// The word list, one word per line.
pub const WORDS_FR_TEXT: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/content/words-fr.txt"));

/// Number of words in a generated passphrase.
pub const PASSPHRASE_WORDS: usize = 8;

/// The words of the list, in file order.
pub fn words_fr() -> impl Iterator<Item = &'static str> {
    WORDS_FR_TEXT
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// Number of words in the list.
pub fn word_count() -> usize {
    words_fr().count()
}

/// Whether `word` is in the list.
pub fn is_list_word(word: &str) -> bool {
    words_fr().any(|w| w == word)
}

/// Entropy in bits of `k` distinct words drawn from a list of `n`: log2(n!/(n-k)!).
pub fn distinct_words_bits(n: usize, k: usize) -> f64 {
    (0..k.min(n)).map(|i| ((n - i) as f64).log2()).sum()
}

/// A passphrase of [`PASSPHRASE_WORDS`] distinct list words separated by spaces.
/// Use a cryptographic `rng` (`rand_core::OsRng`, re-exported as [`super::OsRng`]).
pub fn generate_passphrase<R: RngCore + ?Sized>(rng: &mut R) -> String {
    let words: Vec<&str> = words_fr().collect();
    let mut chosen: Vec<&str> = Vec::with_capacity(PASSPHRASE_WORDS);
    while chosen.len() < PASSPHRASE_WORDS.min(words.len()) {
        let word = words[uniform_index(rng, words.len())];
        if !chosen.contains(&word) {
            chosen.push(word);
        }
    }
    chosen.join(" ")
}

/// What a person types is not always what was printed: trims the ends and collapses runs
/// of spaces (phones insert double spaces). The app applies it before create and unlock.
/// Case and accents are kept: they are part of a free-text passphrase.
pub fn normalize_passphrase(passphrase: &str) -> String {
    passphrase.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Unbiased index in `0..n` (rejection sampling), `n >= 1`.
fn uniform_index<R: RngCore + ?Sized>(rng: &mut R, n: usize) -> usize {
    let n = n.max(1) as u64;
    let zone = u64::MAX - (u64::MAX % n);
    loop {
        let v = rng.next_u64();
        if v < zone {
            return (v % n) as usize;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// A small deterministic generator for tests (SplitMix64).
    struct SplitMix(u64);
    impl RngCore for SplitMix {
        fn next_u32(&mut self) -> u32 {
            (self.next_u64() >> 32) as u32
        }
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            for b in dest {
                *b = self.next_u64() as u8;
            }
        }
        fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
            self.fill_bytes(dest);
            Ok(())
        }
    }

    #[test]
    fn word_list_is_valid() {
        let words: Vec<&str> = WORDS_FR_TEXT.lines().collect();
        assert_eq!(words.len(), 2048, "the list must hold exactly 2048 words");
        let distinct: HashSet<&str> = words.iter().copied().collect();
        assert_eq!(distinct.len(), words.len(), "words must be distinct");
        for w in &words {
            assert!(
                (3..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()),
                "bad word {w:?}"
            );
        }
        assert!(distinct_words_bits(words.len(), PASSPHRASE_WORDS) >= 80.0);
    }

    #[test]
    fn generated_passphrases_are_distinct_list_words() {
        let mut rng = SplitMix(42);
        let mut seen = HashSet::new();
        for _ in 0..200 {
            let p = generate_passphrase(&mut rng);
            let words: Vec<&str> = p.split(' ').collect();
            assert_eq!(words.len(), PASSPHRASE_WORDS);
            assert_eq!(words.iter().collect::<HashSet<_>>().len(), PASSPHRASE_WORDS);
            assert!(words.iter().all(|w| is_list_word(w)));
            assert!(seen.insert(p));
        }
    }

    #[test]
    fn uniform_index_covers_range() {
        let mut rng = SplitMix(1);
        let mut hits = [0u32; 7];
        for _ in 0..7000 {
            hits[uniform_index(&mut rng, 7)] += 1;
        }
        assert!(hits.iter().all(|h| (800..1200).contains(h)), "{hits:?}");
    }

    #[test]
    fn normalize_trims_and_collapses() {
        assert_eq!(
            normalize_passphrase("  pomme   poire\tlune \n"),
            "pomme poire lune"
        );
        assert_eq!(normalize_passphrase("Été"), "Été");
    }
}
