//! The anonymous CSV export of help given: one row per help, with the Coop de la médiation
//! numérique's column names and labels (`shared/reference/field-categories.md`), so that a
//! group can paste it into the reporting it already does. French spreadsheets open it as
//! it is: UTF-8 with a byte-order mark, `;` between cells, CRLF line ends, dates
//! `dd/MM/yyyy`, cells quoted when they hold `;`, a quote or a line break.
//!
//! Anonymous: no nickname, no id, nothing that links two rows to one person. The Coop's
//! columns that name a person or an address (Participants, Nom du lieu, Commune, Code
//! postal) are left out; the others keep the Coop's order. Rows are sorted by their
//! content, so their order says nothing either. Gender and age band are the Coop's and come
//! only from people who agreed to give them ("Non communiqué" otherwise). The small-cell
//! rule is for tables of counts; a row of an anonymous export counts nobody.

use super::coop::coop_theme;
use super::period::Period;
use crate::model::{GroupRecord, Track};

/// The columns, in the Coop's order, names copied exactly.
pub const HELP_COLUMNS: [&str; 15] = [
    "Date",
    "Type",
    "Canaux d'accompagnement",
    "Durée (min)",
    "Nom de l'atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d'accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d'autonomie (ou de l'atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Genre du bénéficiaire",
    "Tranche d'âge du bénéficiaire",
    "Statut du bénéficiaire",
];

/// Peer help is one person helping one person, where the group meets.
const TYPE_INDIVIDUAL: &str = "Accompagnement individuel";
const PLACE_OWN: &str = "Lieu d'activité";
const NOT_GIVEN: &str = "Non communiqué";
const STATUS_NOT_GIVEN: &str = "Non communiqué ou hétérogène";

/// A cell as CSV writes it: quoted (quotes doubled) when it holds `;`, `"`, a line break,
/// or starts or ends with a space.
pub fn quote(cell: &str) -> String {
    let needs =
        cell.contains([';', '"', '\n', '\r']) || cell.starts_with(' ') || cell.ends_with(' ');
    if needs {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn line(cells: &[String]) -> String {
    let mut out = cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(";");
    out.push_str("\r\n");
    out
}

/// The rows of the help given in `period` (sessions of `track`, or both), as cells, sorted.
pub fn help_rows(record: &GroupRecord, period: Period, track: Option<Track>) -> Vec<Vec<String>> {
    let mut rows: Vec<(u32, Vec<String>)> = record
        .help
        .values()
        .filter_map(|h| {
            let session = record.sessions.get(&h.session)?;
            if !period.contains(session.date) || track.is_some_and(|t| session.track != t) {
                return None;
            }
            let facts = record.member(h.helped).and_then(|m| m.facts.as_ref());
            let cells = vec![
                session.date.to_french(),
                TYPE_INDIVIDUAL.to_string(),
                PLACE_OWN.to_string(),
                h.minutes.map(|m| m.to_string()).unwrap_or_default(),
                String::new(),
                h.device
                    .map(|d| d.label(true))
                    .unwrap_or_default()
                    .to_string(),
                h.topic
                    .as_deref()
                    .and_then(coop_theme)
                    .unwrap_or_default()
                    .to_string(),
                String::new(),
                String::new(),
                h.autonomy
                    .map(|a| format!("{}/3", a.stars()))
                    .unwrap_or_default(),
                if h.referred.is_some() { "Oui" } else { "Non" }.to_string(),
                h.referred
                    .map(|r| r.label(true))
                    .unwrap_or_default()
                    .to_string(),
                facts
                    .and_then(|f| f.gender)
                    .map_or(NOT_GIVEN, |g| g.label(true))
                    .to_string(),
                facts
                    .and_then(|f| f.age_band)
                    .map_or(NOT_GIVEN, |a| a.coop_label())
                    .to_string(),
                STATUS_NOT_GIVEN.to_string(),
            ];
            Some((session.date.0, cells))
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, cells)| cells).collect()
}

/// The CSV file of help given in `period` (sessions of `track`, or both): byte-order mark,
/// header, one row per help.
pub fn help_csv(record: &GroupRecord, period: Period, track: Option<Track>) -> String {
    let header: Vec<String> = HELP_COLUMNS.iter().map(|c| (*c).to_string()).collect();
    let mut out = String::from('\u{feff}');
    out.push_str(&line(&header));
    for row in help_rows(record, period, track) {
        out.push_str(&line(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(quote("Autonome"), "Autonome");
        assert_eq!(quote("a;b"), "\"a;b\"");
        assert_eq!(quote("dit \"non\""), "\"dit \"\"non\"\"\"");
        assert_eq!(quote("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(quote(" espace"), "\" espace\"");
        assert_eq!(line(&["a".into(), "b;c".into()]), "a;\"b;c\"\r\n");
    }
}
