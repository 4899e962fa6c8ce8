//! Benchmark (prints figures, asserts nothing about time): the matching engine's solve time
//! in WebAssembly in headless Chromium, on the same seeded sessions as the native
//! `cargo run --release -p entraide-core --example match_bench`: realistic sessions
//! (`bench::instance`) and mixed-role sessions (`bench::mixed_instance`, most people both
//! need help and can help), with the proven count and the objective against greedy.
//! Run with `make bench-matching` (ignored in the normal test run).

use entraide_core::matching::{bench, greedy, solve, Instance, SolveOptions};
use wasm_bindgen_test::*;

mod common;
use common::now_ms;

wasm_bindgen_test_configure!(run_in_browser);

fn family(name: &str, sizes: &[(usize, u64)], make: fn(usize, u64) -> Instance) {
    console_log!(
        "{name}: people seeds median_ms max_ms proven helped_proven worst_gap nodes_max better_than_greedy helped_vs_greedy"
    );
    for &(people, seeds) in sizes {
        let mut times = Vec::new();
        let mut proven = 0;
        let mut nodes_max = 0;
        let mut better = 0;
        let mut helped_gain = 0i64;
        let (mut helped_proven, mut worst_gap) = (0, 0u32);
        for seed in 0..seeds {
            let instance = make(people, seed);
            let runs = if people <= 60 { 3 } else { 1 };
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
            let gap = s.more_helped_at_most().unwrap_or(0);
            helped_proven += usize::from(gap == 0);
            worst_gap = worst_gap.max(gap);
            nodes_max = nodes_max.max(s.nodes);
            let g = greedy(&instance).unwrap_or_else(|e| panic!("greedy: {e}"));
            if s.objective.cmp_with(&g.objective, instance.repeat).is_gt() {
                better += 1;
            }
            helped_gain += i64::from(s.objective.helped) - i64::from(g.objective.helped);
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        let max = times.last().copied().unwrap_or(0.0);
        console_log!(
            "{name}: {people:>6} {seeds:>5} {median:>9.2} {max:>7.2} {proven:>3}/{seeds} {helped_proven:>3}/{seeds} +{worst_gap} {nodes_max:>6} {better:>3}/{seeds} {helped_gain:>+5}"
        );
    }
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run with make bench-matching"]
fn matching_solve_time_in_wasm() {
    family(
        "realistic",
        &[(10, 20), (30, 20), (60, 20), (200, 5), (1000, 5)],
        |n, seed| bench::instance(n, 20, seed),
    );
    family(
        "mixed",
        &[(30, 20), (45, 20), (60, 20), (100, 20), (200, 20)],
        bench::mixed_instance,
    );
}
