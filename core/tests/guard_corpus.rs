//! The guard on its labelled corpus (`tests/guard/corpus.tsv`, written by
//! `tests/guard/make_corpus.py`): prints precision and recall, overall and per kind, and
//! fails below precision 0.98 or recall 0.95. A sensitive line counts as found when the
//! guard refuses it; its kind is reported beside it (a line refused for another kind still
//! protects the person, but shows in the per-kind table).
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use entraide_core::guard::{check, FieldKind, FindingKind};

const CORPUS: &str = include_str!("guard/corpus.tsv");

struct Line<'a> {
    sensitive: bool,
    kind: &'a str,
    text: &'a str,
}

fn corpus() -> Vec<Line<'static>> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            let label = parts.next().unwrap();
            let kind = parts.next().unwrap();
            let text = parts.next().unwrap();
            assert!(
                label == "sensitive" || label == "ordinary",
                "bad label in {l:?}"
            );
            if label == "sensitive" {
                assert!(FindingKind::from_code(kind).is_some(), "bad kind in {l:?}");
            }
            Line {
                sensitive: label == "sensitive",
                kind,
                text,
            }
        })
        .collect()
}

#[test]
fn corpus_precision_and_recall() {
    let lines = corpus();
    assert!(lines.len() >= 400, "the corpus has {} lines", lines.len());
    let (mut tp, mut fp, mut fneg, mut tn) = (0usize, 0usize, 0usize, 0usize);
    // kind -> (sensitive lines, refused, refused with that kind, ordinary lines, refused)
    let mut per_kind: BTreeMap<&str, [usize; 5]> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    for line in &lines {
        let verdict = check(line.text, FieldKind::Tip);
        let entry = per_kind.entry(line.kind).or_default();
        entry[if line.sensitive { 0 } else { 3 }] += 1;
        match (line.sensitive, verdict) {
            (true, Err(refusal)) => {
                tp += 1;
                entry[1] += 1;
                if refusal.kinds().iter().any(|k| k.code() == line.kind) {
                    entry[2] += 1;
                } else {
                    misses.push(format!(
                        "  kind {:?} instead of {}: {}",
                        refusal.kinds(),
                        line.kind,
                        line.text
                    ));
                }
            }
            (true, Ok(())) => {
                fneg += 1;
                misses.push(format!("  missed {}: {}", line.kind, line.text));
            }
            (false, Err(refusal)) => {
                fp += 1;
                entry[4] += 1;
                false_alarms.push(format!("  refused {:?}: {}", refusal.kinds(), line.text));
            }
            (false, Ok(())) => tn += 1,
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    println!(
        "guard corpus: {} lines, precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fneg}, tn {tn})",
        lines.len()
    );
    println!("per kind: sensitive lines, refused, refused as that kind, recall | ordinary lines of that shape, refused");
    for (kind, [n, refused, right, ordinary, wrong]) in &per_kind {
        let recall = *refused as f64 / (*n).max(1) as f64;
        println!(
            "  {kind:<24} {n:>4} {refused:>4} {right:>4} {recall:>6.3} | {ordinary:>4} {wrong:>4}"
        );
    }
    for m in &misses {
        println!("{m}");
    }
    for f in &false_alarms {
        println!("{f}");
    }
    assert!(precision >= 0.98, "precision {precision:.3} below 0.98");
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95");
}

#[test]
fn refusal_message_names_the_kind_and_never_the_value() {
    let text = "Mon portable : 06 12 34 56 78";
    let refusal = check(text, FieldKind::Note).unwrap_err();
    let fr = refusal.message(true);
    let en = refusal.message(false);
    assert!(fr.contains("numéro de téléphone"), "{fr}");
    assert!(en.contains("phone number"), "{en}");
    assert!(!fr.contains("06 12") && !en.contains("06 12"));
    let f = refusal.findings()[0];
    assert_eq!(&text[f.start..f.end], "06 12 34 56 78");
}

#[test]
fn relay_fields_keep_public_contact_only_there() {
    let phone = "03 84 75 12 34";
    let mail = "accueil@france-services-vesoul.fr";
    assert!(check(phone, FieldKind::RelayContact).is_ok());
    assert!(check(mail, FieldKind::RelayContact).is_ok());
    assert!(check(phone, FieldKind::Tip).is_err());
    assert!(check(mail, FieldKind::RelayText).is_err());
    assert!(check("2 rue de la Gare 70000 Vesoul", FieldKind::RelayAddress).is_ok());
    assert!(check("2 rue de la Gare 70000 Vesoul", FieldKind::Note).is_err());
    // A password is refused even in a relay's contact field.
    assert!(check("mot de passe : Jardin75!", FieldKind::RelayContact).is_err());
}
