//! Benchmark (prints figures, asserts nothing about time): the matching engine's solve time
//! in WebAssembly in headless Chromium, on the same seeded sessions as the native
//! `cargo run --release -p entraide-core --example match_bench`.
//! Run with `make bench-matching` (ignored in the normal test run).

use entraide_core::matching::{bench, greedy, solve, SolveOptions};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore = "benchmark: run with make bench-matching"]
fn matching_solve_time_in_wasm() {
    console_log!("people seeds median_ms max_ms proven nodes_max objective_vs_greedy");
    for (people, seeds) in [(10usize, 20u64), (30, 20), (60, 20), (200, 5), (1000, 5)] {
        let mut times = Vec::new();
        let mut proven = 0;
        let mut nodes_max = 0;
        let mut better = 0;
        for seed in 0..seeds {
            let instance = bench::instance(people, 20, seed);
            let runs = if people <= 60 { 5 } else { 2 };
            let mut best = f64::MAX;
            let mut solution = None;
            for _ in 0..runs {
                let start = now_ms();
                let s = solve(&instance, &SolveOptions::default())
                    .unwrap_or_else(|e| panic!("bench instance solves: {e}"));
                best = best.min(now_ms() - start);
                solution = Some(s);
            }
            let Some(s) = solution else { continue };
            times.push(best);
            proven += usize::from(s.optimal);
            nodes_max = nodes_max.max(s.nodes);
            let g = greedy(&instance).unwrap_or_else(|e| panic!("greedy: {e}"));
            if s.objective.cmp_with(&g.objective, instance.repeat).is_gt() {
                better += 1;
            }
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let max = times.last().copied().unwrap_or(0.0);
        console_log!(
            "{people:>6} {seeds:>5} {median:>9.2} {max:>6.2} {proven:>3}/{seeds} {nodes_max:>6} better than greedy on {better}/{seeds}"
        );
    }
}
