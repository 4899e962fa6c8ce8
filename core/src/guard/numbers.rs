//! Grouped numbers: a run is a sequence of words holding digits joined by one separator
//! (space, dot, dash, slash) or a parenthesis (`+33 (0)6…`). A whole run is tested
//! against each format's length, grouping and key; parts of a run only when they have a
//! format's usual grouping (pairs for phones, fours for cards), so a number written right
//! after a date is still found. IBANs, whose groups may be letters only, have their own
//! scan.

use super::checksums::{
    belgian_number_valid, iban_length, iban_valid, luhn_valid, nir_valid, rib_valid,
};
use super::text::{Prepared, Word};
use super::{Finding, FindingKind};

/// Longest run examined as a whole (an IBAN has at most 34 characters).
const MAX_RUN_CHARS: usize = 40;
/// Most words in a part of a run.
const MAX_PART_WORDS: usize = 8;

/// Adds the grouped numbers of `p` to `out`.
pub fn scan(p: &Prepared, out: &mut Vec<Finding>) {
    let words = &p.words;
    // Words of an IBAN-shaped number (right country and length, key right or wrong) are
    // an account reference: no phone or card is looked for inside.
    let account = ibans(p, out);
    let free = |k: usize| !account.get(k).copied().unwrap_or(false) && in_run(&words[k]);
    let mut i = 0;
    while i < words.len() {
        if !free(i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && free(j + 1) && joined(p, &words[j], &words[j + 1]) {
            j += 1;
        }
        run(p, i, j, out);
        i = j + 1;
    }
}

fn in_run(w: &Word) -> bool {
    w.ascii && w.digits > 0
}

/// Whether two words are joined as groups of one number.
fn joined(p: &Prepared, a: &Word, b: &Word) -> bool {
    let gap = &p.chars[a.end..b.start];
    match gap {
        [c] => matches!(c, ' ' | '.' | '-' | '/' | '(' | ')'),
        [' ', '-', ' '] => true,
        [_, _] => gap.iter().all(|c| matches!(c, ' ' | '(' | ')')) && gap.iter().any(|c| *c != ' '),
        _ => false,
    }
}

struct Part {
    value: String,
    sizes: Vec<usize>,
    slash: bool,
    start: usize,
    end: usize,
}

fn part(p: &Prepared, i: usize, j: usize) -> Part {
    let ws = &p.words[i..=j];
    let mut value = String::new();
    let mut sizes = Vec::with_capacity(ws.len());
    for w in ws {
        for c in &p.chars[w.start..w.end] {
            value.push(c.to_ascii_uppercase());
        }
        sizes.push(w.len());
    }
    let slash = ws
        .windows(2)
        .any(|pair| p.chars[pair[0].end..pair[1].start].contains(&'/'));
    Part {
        value,
        sizes,
        slash,
        start: ws[0].start,
        end: ws[ws.len() - 1].end,
    }
}

fn push(p: &Prepared, kind: FindingKind, start: usize, end: usize, out: &mut Vec<Finding>) {
    let (s, e) = p.byte_range(start, end);
    out.push(Finding {
        kind,
        start: s,
        end: e,
    });
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

fn run(p: &Prepared, i: usize, j: usize, out: &mut Vec<Finding>) {
    let whole_len: usize = p.words[i..=j].iter().map(Word::len).sum();
    if whole_len <= MAX_RUN_CHARS {
        let whole = part(p, i, j);
        let plus = whole.start > 0 && p.chars[whole.start - 1] == '+';
        if let Some(kind) = whole_kind(p, i, j, &whole, plus) {
            let start = if plus && kind == FindingKind::Phone {
                whole.start - 1
            } else {
                whole.start
            };
            push(p, kind, start, whole.end, out);
        }
    }
    if j > i {
        for a in i..=j {
            for b in a..=j.min(a + MAX_PART_WORDS - 1) {
                if a == i && b == j {
                    continue;
                }
                let len: usize = p.words[a..=b].iter().map(Word::len).sum();
                if len > 23 {
                    break;
                }
                let part = part(p, a, b);
                if let Some(kind) = grouped_kind(&part) {
                    if kind != FindingKind::PaymentCard || card_part_fits(p, a, b, i, j) {
                        push(p, kind, part.start, part.end, out);
                    }
                }
            }
        }
    }
}

/// The format of a whole run, if any.
fn whole_kind(p: &Prepared, i: usize, j: usize, part: &Part, plus: bool) -> Option<FindingKind> {
    let v = part.value.as_str();
    let digits = all_digits(v);
    if plus {
        return (digits && (8..=15).contains(&v.len())).then_some(FindingKind::Phone);
    }
    if v.len() == 15 && nir_valid(v) {
        return Some(FindingKind::Nir);
    }
    if digits && v.len() == 11 && belgian_number_valid(v) {
        return Some(FindingKind::BelgianNationalNumber);
    }
    // "0033 6 …", "0032470…": the international prefix written as one group.
    if digits
        && v.starts_with("00")
        && part.sizes[0] >= 4
        && (11..=15).contains(&v.len())
        && !v[2..].starts_with('0')
    {
        return Some(FindingKind::Phone);
    }
    if v.len() == 23 && rib_valid(v) {
        return Some(FindingKind::Iban);
    }
    if digits && is_card(v, &part.sizes) {
        return Some(FindingKind::PaymentCard);
    }
    if digits && national_phone(v, &part.sizes, part.slash) {
        return Some(FindingKind::Phone);
    }
    if i == j {
        return identifier(p, i, v);
    }
    None
}

/// A card number inside a longer run only at its start before a month ("… 0366 09/27"),
/// or at its end after a date ("le 12/03/2024 4532 …"): not four groups taken out of a
/// longer account number.
fn card_part_fits(p: &Prepared, a: usize, b: usize, i: usize, j: usize) -> bool {
    let words = &p.words;
    if a == i && b < j {
        return words[b + 1].len() <= 2 && words[a].is_number();
    }
    if b == j && a > i {
        let before = &words[a - 1];
        return a >= i + 2 && p.chars[words[a - 2].end..before.start].contains(&'/');
    }
    false
}

/// The format of a part of a run, recognised only with its usual grouping.
fn grouped_kind(part: &Part) -> Option<FindingKind> {
    let v = part.value.as_str();
    let digits = all_digits(v);
    let s = part.sizes.as_slice();
    if v.len() == 15 && s == [1, 2, 2, 2, 3, 3, 2] && nir_valid(v) {
        return Some(FindingKind::Nir);
    }
    if digits && s == [2, 2, 2, 3, 2] && belgian_number_valid(v) {
        return Some(FindingKind::BelgianNationalNumber);
    }
    if digits && s.len() > 1 && is_card(v, s) {
        return Some(FindingKind::PaymentCard);
    }
    if digits && s == [2, 2, 2, 2, 2] && national_phone(v, s, part.slash) {
        return Some(FindingKind::Phone);
    }
    None
}

/// A payment card: 13 to 19 digits, not starting with 0, not all the same digit, passing
/// Luhn, written in one piece or in the printed groupings (fours; 4-6-5; 4-6-4).
fn is_card(v: &str, sizes: &[usize]) -> bool {
    if !(13..=19).contains(&v.len()) || v.starts_with('0') || !luhn_valid(v) {
        return false;
    }
    let first = v.as_bytes()[0];
    if v.bytes().all(|c| c == first) {
        return false;
    }
    match sizes {
        [_] => true,
        [4, 6, 5] | [4, 6, 4] => true,
        [init @ .., last] => {
            init.len() >= 2 && init.iter().all(|s| *s == 4) && (1..=4).contains(last)
        }
        [] => false,
    }
}

/// A French (10 digits, 0 then 1–9) or Belgian (9 digits, 0 then 1–9) national number,
/// in one piece or in groups of at most four digits (pairs when written with slashes).
fn national_phone(v: &str, sizes: &[usize], slash: bool) -> bool {
    let b = v.as_bytes();
    if !(v.len() == 10 || v.len() == 9) || b[0] != b'0' || b[1] == b'0' {
        return false;
    }
    if slash {
        return sizes.iter().all(|s| *s == 2) && v.len() == 10;
    }
    sizes.len() == 1 || sizes.iter().all(|s| *s <= 4)
}

/// CAF and France Travail identifiers: a single word, recognised by its shape and the
/// words around it.
fn identifier(p: &Prepared, i: usize, v: &str) -> Option<FindingKind> {
    let b = v.as_bytes();
    let seven_and_letter =
        b.len() == 8 && b[..7].iter().all(u8::is_ascii_digit) && b[7].is_ascii_alphabetic();
    if seven_and_letter {
        return Some(FindingKind::FranceTravailId);
    }
    let (caf, travail) = context(p, i);
    if all_digits(v) && v.len() == 7 {
        if caf {
            return Some(FindingKind::CafNumber);
        }
        if travail {
            return Some(FindingKind::FranceTravailId);
        }
    }
    let digit_count = b.iter().filter(|c| c.is_ascii_digit()).count();
    if travail && b.len() == 8 && digit_count >= 6 {
        return Some(FindingKind::FranceTravailId);
    }
    None
}

/// Whether CAF words, or France Travail words, stand within eight words before word `i`
/// or four after.
fn context(p: &Prepared, i: usize) -> (bool, bool) {
    let from = i.saturating_sub(8);
    let to = (i + 5).min(p.words.len());
    let mut caf = false;
    let mut travail = false;
    let mut previous = String::new();
    for k in from..to {
        if k == i {
            previous.clear();
            continue;
        }
        let w = p.folded(&p.words[k]);
        match w.as_str() {
            "caf" | "allocataire" | "allocataires" | "msa" => caf = true,
            "identifiant" | "demandeur" | "francetravail" | "poleemploi" => travail = true,
            "travail" if previous == "france" => travail = true,
            "emploi" if previous == "pole" => travail = true,
            _ => {}
        }
        previous = w;
    }
    (caf, travail)
}

/// IBANs: a country code and two check digits, then groups of letters or digits joined
/// by single spaces or dashes up to that country's length. Returns, for each word,
/// whether it belongs to an IBAN-shaped number.
fn ibans(p: &Prepared, out: &mut Vec<Finding>) -> Vec<bool> {
    let words = &p.words;
    let mut account = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if !w.ascii || w.len() < 4 {
            continue;
        }
        let head: Vec<char> = p.chars[w.start..w.start + 4]
            .iter()
            .map(char::to_ascii_uppercase)
            .collect();
        if !(head[0].is_ascii_alphabetic()
            && head[1].is_ascii_alphabetic()
            && head[2].is_ascii_digit()
            && head[3].is_ascii_digit())
        {
            continue;
        }
        let country: String = head[..2].iter().collect();
        let Some(len) = iban_length(&country) else {
            continue;
        };
        let mut value = String::new();
        let mut j = i;
        loop {
            let wj = &words[j];
            value.extend(
                p.chars[wj.start..wj.end]
                    .iter()
                    .map(char::to_ascii_uppercase),
            );
            if value.len() >= len {
                break;
            }
            let next = j + 1;
            if next >= words.len() || !words[next].ascii {
                break;
            }
            let gap = &p.chars[wj.end..words[next].start];
            if !(gap == [' '] || gap == ['-']) {
                break;
            }
            j = next;
        }
        if value.len() == len {
            account[i..=j].iter_mut().for_each(|a| *a = true);
            if iban_valid(&value) {
                push(p, FindingKind::Iban, w.start, words[j].end, out);
            }
        }
    }
    account
}
