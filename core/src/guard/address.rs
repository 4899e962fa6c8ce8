//! A person's postal address: a house number (with "bis", "ter"…) then a street type
//! ("rue", "avenue", "bd", "allée", "impasse", "place", "chemin", "quai"…) and the
//! street's name; or a French postcode (department 01–95, 97, 98) followed by a town
//! name. Street types that are also common nouns ("place", "cours", "route",
//! "chemin"…) count only before a name with a capital ("3 place de la Mairie", not
//! "1 place disponible"); plurals ("2 places") are not street types.

use super::text::{Prepared, Word};
use super::{Finding, FindingKind};

const STREET: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "ave",
    "bd",
    "boulevard",
    "blvd",
    "allee",
    "allees",
    "impasse",
    "imp",
    "quai",
    "chaussee",
    "faubourg",
    "fbg",
    "lotissement",
    "residence",
    "rte",
    "ruelle",
    "straat",
    "steenweg",
    "laan",
    "bld",
];

const STREET_OR_NOUN: &[&str] = &[
    "place",
    "pl",
    "chemin",
    "ch",
    "cours",
    "route",
    "square",
    "sq",
    "passage",
    "cite",
    "villa",
    "voie",
    "sentier",
    "promenade",
    "parvis",
    "esplanade",
    "hameau",
    "clos",
    "mail",
    "montee",
    "traverse",
    "sente",
    "domaine",
    "parc",
    "rond",
    "lieu",
    "lieudit",
    "cour",
    "drève",
    "dreve",
];

const CONNECTORS: &[&str] = &[
    "de", "du", "des", "d", "la", "l", "le", "les", "aux", "au", "saint", "sainte", "st", "ste",
];

const NOT_A_TOWN: &[&str] = &[
    "euros",
    "euro",
    "eur",
    "habitants",
    "personnes",
    "km",
    "allocataires",
    "visiteurs",
    "dossiers",
    "demandes",
    "comptes",
    "utilisateurs",
    "membres",
    "francs",
];

/// Adds addresses found in `p` to `out`.
pub fn scan(p: &Prepared, out: &mut Vec<Finding>) {
    let words = &p.words;
    for (k, w) in words.iter().enumerate() {
        if !w.ascii || w.digits == 0 {
            continue;
        }
        if let Some(end) = street_address(p, k) {
            push(p, w.start, end, out);
        } else if let Some(end) = postcode_town(p, k) {
            push(p, w.start, end, out);
        }
    }
}

fn push(p: &Prepared, start: usize, end: usize, out: &mut Vec<Finding>) {
    let (s, e) = p.byte_range(start, end);
    out.push(Finding {
        kind: FindingKind::PostalAddress,
        start: s,
        end: e,
    });
}

fn gap<'a>(p: &'a Prepared, a: &Word, b: &Word) -> &'a [char] {
    &p.chars[a.end..b.start]
}

fn capitalised(p: &Prepared, w: &Word) -> bool {
    p.chars[w.start].is_uppercase()
}

/// "12 rue …", "12bis, avenue …", "3 ter place de la …".
fn street_address(p: &Prepared, k: usize) -> Option<usize> {
    let words = &p.words;
    let number = &words[k];
    let folded = p.folded(number);
    let digits: String = folded.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &folded[digits.len()..];
    if digits.is_empty() || digits.len() > 4 || digits.bytes().all(|c| c == b'0') {
        return None;
    }
    if !matches!(suffix, "" | "bis" | "ter" | "quater" | "b" | "a" | "c") {
        return None;
    }
    let mut m = k + 1;
    let mut prev = number;
    if suffix.is_empty() {
        if let Some(next) = words.get(m) {
            let f = p.folded(next);
            if matches!(f.as_str(), "bis" | "ter" | "quater") && gap(p, number, next) == [' '] {
                prev = next;
                m += 1;
            }
        }
    }
    let street = words.get(m)?;
    let g = gap(p, prev, street);
    if g.is_empty() || g.len() > 3 || !g.iter().all(|c| matches!(c, ' ' | ',')) {
        return None;
    }
    let kind = p.folded(street);
    let sure = STREET.contains(&kind.as_str());
    let maybe = STREET_OR_NOUN.contains(&kind.as_str());
    if !sure && !maybe {
        return None;
    }
    let mut n = m + 1;
    let mut last = street;
    let mut named = false;
    let mut end = street.end;
    while let Some(next) = words.get(n) {
        let g = gap(p, last, next);
        if g.is_empty() || g.len() > 2 || !g.iter().all(|c| matches!(c, ' ' | '\'' | '-' | '.')) {
            break;
        }
        let f = p.folded(next);
        if CONNECTORS.contains(&f.as_str()) && !named {
            last = next;
            n += 1;
            continue;
        }
        let name_word = next.digits == 0 && (sure || capitalised(p, next));
        if !name_word {
            break;
        }
        named = true;
        end = next.end;
        last = next;
        n += 1;
        if n > m + 6 || !capitalised(p, next) {
            break;
        }
    }
    named.then_some(end)
}

/// "69003 Lyon", "13100 Aix-en-Provence".
fn postcode_town(p: &Prepared, k: usize) -> Option<usize> {
    let words = &p.words;
    let code = &words[k];
    if code.len() != 5 || !code.is_number() {
        return None;
    }
    let f = p.folded(code);
    let dept: u32 = f[..2].parse().ok()?;
    if !matches!(dept, 1..=95 | 97 | 98) {
        return None;
    }
    if k > 0 {
        let before = &words[k - 1];
        if before.digits > 0 && gap(p, before, code).len() <= 1 {
            return None;
        }
    }
    let town = words.get(k + 1)?;
    if gap(p, code, town) != [' '] || town.digits > 0 || town.len() < 2 || !capitalised(p, town) {
        return None;
    }
    if NOT_A_TOWN.contains(&p.folded(town).as_str()) {
        return None;
    }
    let mut end = town.end;
    let mut last = town;
    for next in words.iter().skip(k + 2).take(4) {
        if gap(p, last, next) != ['-'] || next.digits > 0 {
            break;
        }
        end = next.end;
        last = next;
    }
    Some(end)
}
