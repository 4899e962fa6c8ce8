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
    let mut worst = 0.0f64;
    let start = now_ms();
    for t in &texts {
        let one = now_ms();
        let _ = check(t, FieldKind::Report);
        worst = worst.max(now_ms() - one);
    }
    let mean = (now_ms() - start) / texts.len().max(1) as f64;
    console_log!(
        "guard in wasm: {} texts of 1,000 characters: mean {mean:.3} ms, worst {worst:.3} ms",
        texts.len()
    );
}
