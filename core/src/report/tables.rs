//! The aggregate tables of a period as one CSV file a French spreadsheet opens as it is
//! (UTF-8 with a byte-order mark, `;`, CRLF): one line per figure and per breakdown cell,
//! the small-cell rule applied exactly as on screen ("moins de 5", never a number).

use super::cell::{Breakdown, Cell, Counts};
use super::export::quote;
use super::figures::Figures;

/// The columns of the aggregate tables.
/// "Nombre" counts what is not people nor help (sessions, tips).
pub const TABLE_COLUMNS: [&str; 6] = [
    "Tableau",
    "Catégorie",
    "Personnes",
    "Aides",
    "Minutes",
    "Nombre",
];

fn push(out: &mut String, cells: [&str; 6]) {
    let line: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    out.push_str(&line.join(";"));
    out.push_str("\r\n");
}

fn help_rows<K>(
    out: &mut String,
    table: &str,
    breakdown: &Breakdown<K>,
    label: impl Fn(&K) -> String,
) {
    if breakdown.withheld {
        let hidden = Cell::Fewer.text(true);
        push(out, [table, WITHHELD, &hidden, &hidden, &hidden, ""]);
        return;
    }
    for row in &breakdown.rows {
        push(
            out,
            [
                table,
                &label(&row.key),
                &row.people.text(true),
                &row.help.text(true),
                &row.minutes.text(true),
                "",
            ],
        );
    }
}

fn count_rows<K>(out: &mut String, table: &str, counts: &Counts<K>, label: impl Fn(&K) -> String) {
    if counts.withheld {
        let hidden = Cell::Fewer.text(true);
        push(out, [table, WITHHELD, &hidden, "", "", ""]);
        return;
    }
    for row in &counts.rows {
        push(
            out,
            [table, &label(&row.key), &row.people.text(true), "", "", ""],
        );
    }
}

const NOT_NOTED: &str = "Non renseigné";
const WITHHELD: &str = "(détail retenu : trop peu de personnes)";

/// The figures of a period as aggregate tables, in French. `topic` names a topic id.
pub fn tables_csv(figures: &Figures, topic: impl Fn(&str) -> String) -> String {
    let mut out = String::from('\u{feff}');
    push(&mut out, TABLE_COLUMNS);
    let key = "Chiffres clés";
    let count = |c: Cell| c.text(true);
    let sessions = figures.sessions_held.to_string();
    let tips = figures.tips.to_string();
    let lines: [[&str; 6]; 8] = [
        [
            key,
            "Personnes accompagnées",
            &count(figures.people_reached),
            "",
            "",
            "",
        ],
        [
            key,
            "Nouvelles personnes",
            &count(figures.new_people),
            "",
            "",
            "",
        ],
        [key, "Séances", "", "", "", &sessions],
        [
            key,
            "Aides données",
            "",
            &count(figures.help),
            &count(figures.help_minutes),
            "",
        ],
        [
            key,
            "Personnes qui aident",
            &count(figures.helpers),
            "",
            "",
            "",
        ],
        [
            key,
            "Personnes qui ont progressé",
            &count(figures.progressed),
            "",
            "",
            "",
        ],
        [
            key,
            "Orientations vers un relais",
            "",
            &count(figures.referrals),
            "",
            "",
        ],
        [key, "Astuces écrites", "", "", "", &tips],
    ];
    for cells in lines {
        push(&mut out, cells);
    }
    help_rows(&mut out, "Aides par thème", &figures.by_topic, |k| {
        k.as_deref().map_or_else(|| NOT_NOTED.to_string(), &topic)
    });
    help_rows(&mut out, "Aides par matériel", &figures.by_device, |k| {
        k.map_or_else(|| NOT_NOTED.to_string(), |d| d.label(true).to_string())
    });
    help_rows(
        &mut out,
        "Autonomie après l'aide",
        &figures.by_autonomy,
        |k| k.map_or_else(|| NOT_NOTED.to_string(), |a| a.label(true).to_string()),
    );
    help_rows(&mut out, "Aides par parcours", &figures.by_track, |t| {
        t.label(true).to_string()
    });
    help_rows(
        &mut out,
        "Orientations par relais",
        &figures.by_referral,
        |r| r.label(true).to_string(),
    );
    count_rows(
        &mut out,
        "Progrès par thème",
        &figures.progress_by_topic,
        |t| topic(t),
    );
    count_rows(
        &mut out,
        "Tranche d'âge (avec accord)",
        &figures.age_bands,
        |k| {
            k.map_or_else(
                || "Non communiqué".to_string(),
                |a| a.label(true).to_string(),
            )
        },
    );
    count_rows(&mut out, "Genre (avec accord)", &figures.genders, |k| {
        k.map_or_else(
            || "Non communiqué".to_string(),
            |g| g.label(true).to_string(),
        )
    });
    count_rows(
        &mut out,
        "Présence par séance",
        &figures.attendance,
        |s| format!("{} {}", s.date.to_french(), s.track.label(true)),
    );
    out
}
