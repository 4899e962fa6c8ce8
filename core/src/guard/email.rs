//! E-mail addresses: a local part, `@`, and a domain of labels ending in a top-level
//! domain of letters; also the spoken forms "jean arobase orange.fr", "jean (at) orange
//! point fr" and "jean[at]orange.fr". A site name alone ("ameli.fr") has no `@` and passes.

use super::text::Prepared;
use super::{Finding, FindingKind};

fn local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// Whether `domain` is a domain name: labels separated by dots, the last one of 2 to 24
/// letters.
pub fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return false;
    }
    let tld = labels[labels.len() - 1];
    let n = tld.chars().count();
    (2..=24).contains(&n) && tld.chars().all(char::is_alphabetic)
}

/// Adds the e-mail addresses of `p` to `out`.
pub fn scan(p: &Prepared, out: &mut Vec<Finding>) {
    let chars = &p.chars;
    let mut last_end = 0usize;
    for (k, c) in chars.iter().enumerate() {
        if *c != '@' || k < last_end {
            continue;
        }
        let mut s = k;
        while s > 0 && local_char(chars[s - 1]) {
            s -= 1;
        }
        while s < k && matches!(chars[s], '.' | '\'' | '-') {
            s += 1;
        }
        let mut e = k + 1;
        while e < chars.len() && domain_char(chars[e]) {
            e += 1;
        }
        while e > k + 1 && matches!(chars[e - 1], '.' | '-') {
            e -= 1;
        }
        if s == k || e == k + 1 {
            continue;
        }
        let domain: String = chars[k + 1..e].iter().collect();
        if is_domain(&domain) {
            let (bs, be) = p.byte_range(s, e);
            out.push(Finding {
                kind: FindingKind::Email,
                start: bs,
                end: be,
            });
            last_end = e;
        }
    }
    spoken(p, out);
}

/// The chunk's text without surrounding punctuation.
fn trimmed(p: &Prepared, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end;
    while s < e && !p.chars[s].is_alphanumeric() {
        s += 1;
    }
    while e > s && !p.chars[e - 1].is_alphanumeric() {
        e -= 1;
    }
    (s, e)
}

fn is_at_word(w: &str) -> bool {
    matches!(
        w,
        "arobase"
            | "arobas"
            | "arrobase"
            | "at"
            | "(at)"
            | "[at]"
            | "{at}"
            | "(arobase)"
            | "[arobase]"
    )
}

/// Spoken or disguised forms of the `@` and the dot.
fn spoken(p: &Prepared, out: &mut Vec<Finding>) {
    let chunks = &p.chunks;
    for (i, ch) in chunks.iter().enumerate() {
        let word = p.fold_str(ch.start, ch.end);
        let inline = ["(at)", "[at]", "{at}"]
            .iter()
            .find(|at| word.contains(**at) && !word.starts_with(**at));
        if let Some(at) = inline {
            let replaced = word.replacen(at, "@", 1);
            if let Some((local, domain)) = replaced.split_once('@') {
                let domain = domain.trim_end_matches(|c: char| !c.is_alphanumeric());
                if !local.is_empty() && local.chars().all(local_char) && is_domain(domain) {
                    push(p, ch.start, ch.end, out);
                }
            }
            continue;
        }
        if !is_at_word(word.trim_end_matches([',', ';', ':'])) || i == 0 || i + 1 >= chunks.len() {
            continue;
        }
        let before = chunks[i - 1];
        let (ls, le) = trimmed(p, before.start, before.end);
        let local = p.fold_str(ls, le);
        if local.is_empty() || !local.chars().all(local_char) {
            continue;
        }
        let after = chunks[i + 1];
        let (ds, de) = trimmed(p, after.start, after.end);
        let mut domain = p.fold_str(ds, de);
        let mut end = de;
        // "orange point fr"
        if !domain.contains('.') && i + 3 < chunks.len() {
            let dot = p.fold_str(chunks[i + 2].start, chunks[i + 2].end);
            if dot == "point" {
                let tld = chunks[i + 3];
                let (ts, te) = trimmed(p, tld.start, tld.end);
                domain = format!("{domain}.{}", p.fold_str(ts, te));
                end = te;
            }
        }
        if is_domain(&domain) && domain.chars().all(domain_char) {
            push(p, ls, end, out);
        }
    }
}

fn push(p: &Prepared, start: usize, end: usize, out: &mut Vec<Finding>) {
    let (s, e) = p.byte_range(start, end);
    out.push(Finding {
        kind: FindingKind::Email,
        start: s,
        end: e,
    });
}
