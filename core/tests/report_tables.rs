//! The aggregate tables as CSV: read back by an independent reader (the `csv` crate), every
//! line as wide as the header, figures equal to the report's, and no count of 1 to 4 people
//! anywhere (they read "moins de 5"), on the demo year and on each of its months.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use entraide_core::report::{
    demo_year, tables_csv, Figures, Period, DEMO_SEED, DEMO_YEAR, TABLE_COLUMNS,
};

fn read(text: &str) -> Vec<Vec<String>> {
    assert!(
        text.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends only"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn check(figures: &Figures) -> usize {
    let text = tables_csv(figures, |t| format!("thème {t}"));
    let rows = read(&text);
    assert_eq!(rows[0], TABLE_COLUMNS);
    let mut hidden = 0;
    for row in &rows[1..] {
        assert_eq!(row.len(), TABLE_COLUMNS.len(), "{row:?}");
        for cell in &row[2..5] {
            if cell == "moins de 5" {
                hidden += 1;
            } else if !cell.is_empty() && row[2] == *cell {
                let n: u32 = cell.parse().unwrap_or_else(|_| panic!("a number: {row:?}"));
                assert!(
                    n == 0 || n >= 5,
                    "a small count of people is shown: {row:?}"
                );
            }
        }
    }
    let table = |name: &str| rows.iter().filter(|r| r[0] == name).count();
    let expect = |n: usize, withheld: bool| if withheld { 1 } else { n };
    assert_eq!(
        table("Aides par thème"),
        expect(figures.by_topic.rows.len(), figures.by_topic.withheld)
    );
    assert_eq!(
        table("Aides par matériel"),
        expect(figures.by_device.rows.len(), figures.by_device.withheld)
    );
    assert_eq!(
        table("Présence par séance"),
        expect(figures.attendance.rows.len(), figures.attendance.withheld)
    );
    let key = |label: &str| {
        rows.iter()
            .find(|r| r[0] == "Chiffres clés" && r[1] == label)
            .unwrap()
    };
    assert_eq!(key("Séances")[5], figures.sessions_held.to_string());
    assert_eq!(key("Astuces écrites")[5], figures.tips.to_string());
    assert_eq!(key("Aides données")[3], figures.help.text(true));
    assert_eq!(
        key("Personnes accompagnées")[2],
        figures.people_reached.text(true)
    );
    if !figures.by_topic.withheld {
        let csv_help: Vec<&str> = rows
            .iter()
            .filter(|r| r[0] == "Aides par thème")
            .map(|r| r[3].as_str())
            .collect();
        let report_help: Vec<String> = figures
            .by_topic
            .rows
            .iter()
            .map(|r| r.help.text(true))
            .collect();
        assert_eq!(csv_help, report_help);
    }
    hidden
}

#[test]
fn the_year_and_each_month_read_back_with_small_cells_hidden() {
    let record = demo_year(DEMO_SEED).unwrap();
    let year = Figures::compute(&record, Period::year(DEMO_YEAR).unwrap(), None);
    check(&year);
    let mut hidden = 0;
    for month in 1..=12 {
        let period = Period::month(DEMO_YEAR, month).unwrap();
        hidden += check(&Figures::compute(&record, period, None));
    }
    assert!(
        hidden > 0,
        "months have small cells, and they read « moins de 5 »"
    );
}
