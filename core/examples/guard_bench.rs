//! Native figures for the guard (prints, never asserts). Run in release:
//! `cargo run --release --example guard_bench`.
//!
//! Prints: time per check on each line of the labelled corpus (µs per line, mean and
//! slowest line); time per 1,000-character text made of corpus lines run together (the
//! size of a long note, checked on each keystroke); and a 100,000-character text.

use std::hint::black_box;
use std::time::Instant;

use entraide_core::guard::{check, FieldKind};

const CORPUS: &str = include_str!("../tests/guard/corpus.tsv");

fn texts() -> Vec<&'static str> {
    CORPUS
        .lines()
        .filter_map(|l| l.splitn(3, '\t').nth(2))
        .collect()
}

/// Corpus lines run together until `chars` characters.
fn long_text(lines: &[&str], chars: usize, skip: usize) -> String {
    let mut out = String::new();
    for l in lines.iter().cycle().skip(skip) {
        if out.chars().count() >= chars {
            break;
        }
        out.push_str(l);
        out.push(' ');
    }
    out.chars().take(chars).collect()
}

fn main() {
    let lines = texts();
    let rounds = 50;
    let mut slowest = (0.0f64, "");
    let start = Instant::now();
    for _ in 0..rounds {
        for l in &lines {
            let t = Instant::now();
            black_box(check(black_box(l), FieldKind::Tip).is_ok());
            let us = t.elapsed().as_secs_f64() * 1e6;
            if us > slowest.0 {
                slowest = (us, l);
            }
        }
    }
    let total = start.elapsed().as_secs_f64();
    let n = (rounds * lines.len()) as f64;
    let mean_chars =
        lines.iter().map(|l| l.chars().count()).sum::<usize>() as f64 / lines.len() as f64;
    println!(
        "corpus: {} lines (mean {mean_chars:.0} characters), {:.2} µs per line (mean over {rounds} rounds), slowest single check {:.1} µs",
        lines.len(),
        total / n * 1e6,
        slowest.0
    );

    let thousand: Vec<String> = (0..50).map(|k| long_text(&lines, 1000, k * 13)).collect();
    let reps = 200;
    let start = Instant::now();
    for _ in 0..reps {
        for t in &thousand {
            black_box(check(black_box(t), FieldKind::Note).is_ok());
        }
    }
    let per = start.elapsed().as_secs_f64() / (reps * thousand.len()) as f64;
    println!("1,000-character text: {:.1} µs per check", per * 1e6);

    let huge = long_text(&lines, 100_000, 0);
    let start = Instant::now();
    let found = check(&huge, FieldKind::Note)
        .err()
        .map(|r| r.findings().len())
        .unwrap_or(0);
    println!(
        "100,000-character text: {:.2} ms per check ({found} findings)",
        start.elapsed().as_secs_f64() * 1e3
    );
}
