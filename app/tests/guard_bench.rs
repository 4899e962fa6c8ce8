//! Benchmark (prints figures, asserts nothing about time): the guard in WebAssembly in
//! headless Chromium, on the labelled corpus of core's tests (`core/tests/guard/corpus.tsv`):
//! time per line, and per 1,000-character text (a long note, checked on every keystroke).
//! The native figures: `cargo run --release -p entraide-core --example guard_bench`.
//! Run with `make bench-guard` (ignored in the normal test run).

use entraide_core::guard::{check, FieldKind};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

const CORPUS: &str = include_str!("../../core/tests/guard/corpus.tsv");

#[wasm_bindgen_test]
#[ignore]
fn guard_time_per_line_and_per_thousand_characters() {
    let lines: Vec<&str> = CORPUS
        .lines()
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect();
    let mut refused = 0;
    let start = now_ms();
    let runs = 20;
    for _ in 0..runs {
        refused = lines
            .iter()
            .filter(|l| check(l, FieldKind::Tip).is_err())
            .count();
    }
    let per_line_us = (now_ms() - start) * 1000.0 / f64::from(runs) / lines.len() as f64;
    console_log!(
        "guard in wasm: {} corpus lines, {refused} refused, {per_line_us:.1} µs per line",
        lines.len()
    );
    let mut text = String::new();
    let mut texts = Vec::new();
    for l in lines.iter().filter(|l| check(l, FieldKind::Tip).is_ok()) {
        text.push_str(l);
        text.push(' ');
        if text.chars().count() >= 1000 {
            texts.push(std::mem::take(&mut text));
        }
    }
    // Each text 25 times: its median is its cost, the worst single run is a pause of the
    // browser (a collection, the timer's coarse steps) as much as the guard's.
    let mut medians = Vec::new();
    let mut worst = 0.0f64;
    for t in &texts {
        let mut runs: Vec<f64> = (0..25)
            .map(|_| {
                let one = now_ms();
                let _ = check(t, FieldKind::Report);
                now_ms() - one
            })
            .collect();
        runs.sort_by(f64::total_cmp);
        worst = worst.max(runs[runs.len() - 1]);
        medians.push(runs[runs.len() / 2]);
    }
    medians.sort_by(f64::total_cmp);
    let mean = medians.iter().sum::<f64>() / medians.len().max(1) as f64;
    let slowest = medians.last().copied().unwrap_or(0.0);
    console_log!(
        "guard in wasm: {} texts of 1,000 characters: mean of medians {mean:.3} ms, slowest text's median {slowest:.3} ms, worst single run {worst:.3} ms",
        texts.len()
    );
}
