//! The relay directory's import on a realistic file in the national schema with faulty
//! lines (`tests/relay/lieux.csv`): the report, line by line, must match the golden text
//! `tests/relay/lieux.report.txt`; the same file with `,` separators, a BOM and CRLF
//! gives the same directory; no input makes the import panic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use entraide_core::relay::import::{Fix, LineRefusal};
use entraide_core::relay::{import, LineOutcome, RelayError};
use proptest::prelude::*;

const FILE: &str = include_str!("relay/lieux.csv");
const GOLDEN: &str = include_str!("relay/lieux.report.txt");

fn report_text(text: &str) -> String {
    let report = import(text).unwrap();
    let mut out: Vec<String> = report.lines.iter().map(|l| l.message(true)).collect();
    out.push(report.summary(true));
    out.join("\n") + "\n"
}

#[test]
fn report_matches_the_golden_text() {
    let got = report_text(FILE);
    if got != GOLDEN {
        println!("{got}");
    }
    assert_eq!(got, GOLDEN);
}

#[test]
fn outcomes_line_by_line() {
    let report = import(FILE).unwrap();
    assert_eq!((report.kept(), report.fixed(), report.refused()), (1, 4, 4));
    let by_line = |n: usize| &report.lines.iter().find(|l| l.line == n).unwrap().outcome;
    assert_eq!(by_line(2), &LineOutcome::Kept);
    assert!(
        matches!(by_line(3), LineOutcome::Fixed(f) if f.contains(&Fix::PostcodeZero("01000".into())))
    );
    assert!(matches!(
        by_line(5),
        LineOutcome::Refused(LineRefusal::Missing("nom"))
    ));
    assert!(matches!(
        by_line(6),
        LineOutcome::Refused(LineRefusal::Postcode(_))
    ));
    assert!(matches!(
        by_line(7),
        LineOutcome::Refused(LineRefusal::DuplicateId(_))
    ));
    assert!(
        matches!(by_line(8), LineOutcome::Fixed(f) if matches!(f[..], [Fix::SummaryDropped(_)]))
    );
    // The quoted presentation spans two lines of the file: the next record starts at 10.
    assert!(matches!(
        by_line(10),
        LineOutcome::Refused(LineRefusal::Sensitive { field: "nom", .. })
    ));
    let vesoul = report.directory.get("fs-vesoul").unwrap();
    assert_eq!(vesoul.phone.as_deref(), Some("03 84 75 12 34"));
    assert_eq!(vesoul.hours, "Mo-Fr 09:00-12:00,13:30-17:00");
    assert!(vesoul.handles("Aide aux démarches administratives"));
    let ccas = report.directory.get("ccas-bourg").unwrap();
    assert_eq!(ccas.services, vec!["Aide aux démarches administratives"]);
    assert_eq!(ccas.publics, vec!["Seniors", "Familles et/ou enfants"]);
    assert_eq!(
        ccas.address.street,
        "5 place de l'Hôtel de Ville, Bâtiment B"
    );
    let caf = report.directory.get("ligne-11").unwrap();
    assert_eq!(caf.phone.as_deref(), Some("3230"));
    assert_eq!(caf.emails, vec!["caf@caf70.fr"]);
    assert_eq!(
        report
            .directory
            .handling("Aide aux démarches administratives")
            .count(),
        3
    );
    assert!(report
        .directory
        .get("asso-luxeuil")
        .unwrap()
        .summary
        .is_empty());
}

/// The same records written with `,`, every field quoted, a BOM and CRLF line ends.
fn as_comma_file(text: &str) -> String {
    let rows = entraide_core::relay::csv::read(text);
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row
            .fields
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"").replace('\n', "\r\n")))
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[test]
fn commas_bom_and_crlf_give_the_same_directory() {
    let a = import(FILE).unwrap();
    let b = import(&as_comma_file(FILE)).unwrap();
    assert_eq!(a.directory, b.directory);
    assert_eq!(a.lines, b.lines);
}

#[test]
fn a_file_without_the_schema_columns_is_refused_whole() {
    assert_eq!(import(""), Err(RelayError::Empty));
    let err = import("name;town\nMairie;Vesoul\n").unwrap_err();
    assert_eq!(
        err,
        RelayError::MissingColumns(vec!["nom", "adresse", "commune", "code_postal"])
    );
    assert!(err.message(true).contains("il manque"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_input_panics(s in any::<String>()) {
        let _ = import(&s);
    }

    #[test]
    fn no_damaged_file_panics(cut in 0usize..3000, noise in prop::collection::vec((0usize..3000, prop::sample::select(vec!['"', ';', ',', '\n', '\r', '|', 'é', '\u{feff}'])), 0..20)) {
        let mut chars: Vec<char> = FILE.chars().collect();
        for (at, c) in noise {
            let at = at.min(chars.len());
            chars.insert(at, c);
        }
        chars.truncate(cut.min(chars.len()));
        let text: String = chars.into_iter().collect();
        if let Ok(report) = import(&text) {
            prop_assert_eq!(report.kept() + report.fixed(), report.directory.relays.len());
        }
    }
}

#[test]
fn a_spreadsheets_windows_1252_file_reads_like_its_utf8_twin() {
    use entraide_core::relay::csv::decode;
    let text = std::fs::read_to_string("tests/relay/lieux.csv").unwrap();
    // The file as a French spreadsheet saves it: every character in one byte.
    let legacy: Vec<u8> = text
        .chars()
        .map(|c| match c {
            '€' => 0x80,
            '’' => 0x92,
            'œ' => 0x9c,
            c => u8::try_from(u32::from(c)).expect("the fixture is Latin-1"),
        })
        .collect();
    assert!(
        std::str::from_utf8(&legacy).is_err(),
        "the fixture has accents"
    );
    assert_eq!(decode(&legacy), text);
    assert_eq!(decode(text.as_bytes()), text);
    assert_eq!(import(&decode(&legacy)).unwrap(), import(&text).unwrap());
}
