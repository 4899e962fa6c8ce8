//! Time to compute a report natively: the demo year's figures, and a year of a long history
//! (500 members, 250 sessions, 20,000 help). Prints figures, asserts nothing.
//!
//! `cargo run --release -p entraide-core --example report_bench`

use std::time::Instant;

use entraide_core::model::GroupRecord;
use entraide_core::report::{
    compare, demo_year, difficulties, help_csv, large_history, needs_map, plan_next, Period,
    ReportError, DEMO_SEED, DEMO_YEAR,
};

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
    let mut out = f();
    let start = Instant::now();
    for _ in 0..runs {
        out = f();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!("{label:<48} {ms:>9.3} ms");
    out
}

fn bench(name: &str, record: &GroupRecord, year: Period) {
    println!(
        "-- {name}: {} members, {} sessions, {} help, {} tips",
        record.members.len(),
        record.sessions.len(),
        record.help.len(),
        record.tips.len()
    );
    let all = Period::new(entraide_core::model::Day(0), year.to()).unwrap_or(year);
    time("figures of the year and the year before", 20, || {
        compare(record, year, None)
    });
    time("figures of the whole history and before", 20, || {
        compare(record, all, None)
    });
    time("needs map and plan", 20, || {
        (needs_map(record, year.to()), plan_next(record, year, 5))
    });
    time("difficulties page", 20, || difficulties(record, year));
    let csv = time("CSV of the year's help", 20, || {
        help_csv(record, year, None)
    });
    println!("{:<48} {:>9} bytes", "CSV size", csv.len());
}

fn main() -> Result<(), ReportError> {
    let start = Instant::now();
    let demo = demo_year(DEMO_SEED)?;
    println!(
        "demo year built in {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    bench("demo year", &demo, Period::year(DEMO_YEAR)?);
    let start = Instant::now();
    let large = large_history(500, 250, 20_000)?;
    println!(
        "large history built in {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    // 250 weekly sessions from 2021: 2023 is a full year in the middle.
    bench("large history", &large, Period::year(2023)?);
    Ok(())
}
