//! Prints matching figures on seeded realistic sessions: median solve time, proof,
//! nodes, and the objective against the greedy baseline. No assertions on time.
//! Run with `cargo run --release --example match_bench`.

use std::time::Instant;

use entraide_core::matching::{bench, greedy, solve, SolveOptions};

fn main() {
    let runs = 7;
    let seeds = 5u64;
    let options = SolveOptions::default();
    println!(
        "{:>6} {:>5} {:>12} {:>12} {:>9} {:>9} {:>24} {:>24}",
        "people", "seed", "median_ms", "max_ms", "optimal", "nodes", "objective", "greedy"
    );
    for &n in &[10usize, 30, 60, 200, 1000] {
        for seed in 0..seeds {
            let instance = bench::instance(n, 20, seed);
            let mut times = Vec::with_capacity(runs);
            let mut last = None;
            for _ in 0..runs {
                let start = Instant::now();
                let solution = solve(&instance, &options);
                times.push(start.elapsed().as_secs_f64() * 1000.0);
                last = Some(solution);
            }
            times.sort_by(f64::total_cmp);
            let median = times[runs / 2];
            let max = times[runs - 1];
            match (last, greedy(&instance)) {
                (Some(Ok(s)), Ok(g)) => println!(
                    "{:>6} {:>5} {:>12.3} {:>12.3} {:>9} {:>9} {:>24} {:>24}",
                    n,
                    seed,
                    median,
                    max,
                    s.optimal,
                    s.nodes,
                    format!("{:?}", s.objective.as_array()),
                    format!("{:?}", g.objective.as_array())
                ),
                (s, g) => println!("{n:>6} {seed:>5} error: {s:?} {g:?}"),
            }
        }
    }
}
