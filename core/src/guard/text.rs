//! Text prepared for the guard's scanners: Unicode spaces (no-break, narrow no-break,
//! thin…) become plain spaces, dashes and minus signs become `-`, curly apostrophes
//! become `'`, full-width digits become ASCII, zero-width characters and combining accents
//! are dropped. A folded copy (lowercase, accents removed) serves the context words. Each
//! character keeps the byte offset it had in the original text, so findings point there.

/// A text ready for scanning.
pub struct Prepared {
    /// Normalised characters, case kept.
    pub chars: Vec<char>,
    /// The same characters lowercased and without accents (same length).
    pub fold: Vec<char>,
    /// Byte offset in the original text of each character, plus one entry for the end.
    pub offsets: Vec<usize>,
    /// Runs of letters and digits.
    pub words: Vec<Word>,
    /// Whitespace-separated pieces.
    pub chunks: Vec<Span>,
}

/// A half-open range of character indices in [`Prepared::chars`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// Just past the last character.
    pub end: usize,
}

/// A maximal run of letters and digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First character.
    pub start: usize,
    /// Just past the last character.
    pub end: usize,
    /// How many ASCII digits it holds.
    pub digits: usize,
    /// Whether every character is an ASCII letter or digit.
    pub ascii: bool,
}

impl Word {
    /// Number of characters.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether it is empty (never, for words built here).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// Whether it is made only of ASCII digits.
    pub fn is_number(&self) -> bool {
        self.digits == self.len()
    }

    /// Whether it holds no digit.
    pub fn is_alpha(&self) -> bool {
        self.digits == 0
    }
}

impl Prepared {
    /// Prepares `text`.
    pub fn new(text: &str) -> Prepared {
        let mut chars = Vec::with_capacity(text.len());
        let mut fold = Vec::with_capacity(text.len());
        let mut offsets = Vec::with_capacity(text.len() + 1);
        for (at, c) in text.char_indices() {
            if let Some(n) = normalise(c) {
                chars.push(n);
                fold.push(fold_char(n));
                offsets.push(at);
            }
        }
        offsets.push(text.len());
        let words = words(&fold);
        let chunks = chunks(&chars);
        Prepared {
            chars,
            fold,
            offsets,
            words,
            chunks,
        }
    }

    /// Byte range in the original text of characters `start..end`.
    pub fn byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.offsets.len().saturating_sub(1);
        let s = self.offsets.get(start.min(last)).copied().unwrap_or(0);
        let e = self.offsets.get(end.min(last)).copied().unwrap_or(s);
        (s, e.max(s))
    }

    /// The folded text of a word.
    pub fn folded(&self, w: &Word) -> String {
        self.fold[w.start..w.end].iter().collect()
    }

    /// The folded characters `start..end` (clamped).
    pub fn fold_str(&self, start: usize, end: usize) -> String {
        let end = end.min(self.fold.len());
        let start = start.min(end);
        self.fold[start..end].iter().collect()
    }

    /// The normalised characters `start..end` (clamped).
    pub fn str(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        let start = start.min(end);
        self.chars[start..end].iter().collect()
    }

    /// Index of the first word starting at or after character `at`.
    pub fn word_at_or_after(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }
}

/// One character made plain, or `None` to drop it.
fn normalise(c: char) -> Option<char> {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        '\u{0300}'..='\u{036F}' => None,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0085}' => Some('\n'),
        '\u{2010}'..='\u{2015}'
        | '\u{2212}'
        | '\u{2043}'
        | '\u{FE58}'
        | '\u{FE63}'
        | '\u{FF0D}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => {
            Some('\'')
        }
        '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
        '\u{FF20}' | '\u{FE6B}' => Some('@'),
        '\u{FF0B}' => Some('+'),
        '\u{FF0E}' => Some('.'),
        c if c.is_whitespace() || c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Lowercase without accents, one character for one.
pub fn fold_char(c: char) -> char {
    let l = c.to_lowercase().next().unwrap_or(c);
    match l {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'æ' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'œ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        x => x,
    }
}

fn words(fold: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fold.len() {
        if fold[i].is_alphanumeric() {
            let start = i;
            let mut digits = 0;
            let mut ascii = true;
            while i < fold.len() && fold[i].is_alphanumeric() {
                if fold[i].is_ascii_digit() {
                    digits += 1;
                }
                if !fold[i].is_ascii_alphanumeric() {
                    ascii = false;
                }
                i += 1;
            }
            out.push(Word {
                start,
                end: i,
                digits,
                ascii,
            });
        } else {
            i += 1;
        }
    }
    out
}

fn chunks(chars: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' || chars[i] == '\n' {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] != ' ' && chars[i] != '\n' {
            i += 1;
        }
        out.push(Span { start, end: i });
    }
    out
}
