//! Benchmark (prints figures, asserts nothing about time): the Bilan in WebAssembly in
//! headless Chromium, on the same long history as the native
//! `cargo run --release -p entraide-core --example report_bench` (500 members, 250 weekly
//! sessions from 2021, 20,000 help): core's figures of a year and the year before, and
//! everything the screen computes for it (figures worded, needs map, difficulties, CSVs).
//! Run with `make bench-report` (ignored in the normal test run).

use entraide_app::services::report;
use entraide_core::report::{compare, large_history, Period};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let mut best = f64::MAX;
    let mut total = 0.0;
    for _ in 0..runs {
        let start = now_ms();
        out = f();
        let ms = now_ms() - start;
        best = best.min(ms);
        total += ms;
    }
    console_log!(
        "{label:<52} best {best:>8.2} ms   mean {:>8.2} ms",
        total / f64::from(runs)
    );
    out
}

#[wasm_bindgen_test]
#[ignore]
fn bilan_of_a_year_over_twenty_thousand_help() {
    let start = now_ms();
    let record = large_history(500, 250, 20_000).unwrap_or_else(|e| panic!("history: {e}"));
    console_log!(
        "long history built in {:.0} ms: {} members, {} sessions, {} help",
        now_ms() - start,
        record.members.len(),
        record.sessions.len(),
        record.help.len()
    );
    let year = Period::year(2022).unwrap_or_else(|e| panic!("{e}"));
    let figures = time("core: figures of 2022 and 2021 (compare)", 10, || {
        compare(&record, year, None)
    });
    console_log!("  help in 2022: {:?}", figures.current.help);
    time("screen: figures worded, charts, sessions", 10, || {
        report::view(&record, year, None, true)
    });
    time("screen: needs map and what to plan next", 10, || {
        report::needs(&record, year, true)
    });
    time("screen: difficulties with services", 10, || {
        report::difficulties(&record, year, true)
    });
    let (csv, _) = time("CSV of the year's help given", 10, || {
        report::help_csv(&record, year, None)
    });
    console_log!("  CSV size: {} bytes", csv.len());
    time("CSV of the aggregate tables", 10, || {
        report::tables_csv(&record, year, None)
    });
}
