//! Prints matching figures on seeded realistic sessions: median and max solve time,
//! proof, nodes, and the objective against the greedy baseline, then one summary line
//! per size (median of the medians, worst max). No assertions on time.
//! Run with `cargo run --release --example match_bench`.

use std::time::Instant;

use entraide_core::matching::{bench, greedy, solve, SolveOptions};

/// Seeds per size: 20 where the budget asks for a proven optimum, 5 beyond.
fn seeds_for(n: usize) -> u64 {
    if n <= 60 {
        20
    } else {
        5
    }
}

fn main() {
    let runs = 7;
    let options = SolveOptions::default();
    println!(
        "{:>6} {:>5} {:>12} {:>12} {:>9} {:>9} {:>24} {:>24}",
        "people", "seed", "median_ms", "max_ms", "optimal", "nodes", "objective", "greedy"
    );
    let mut summary = Vec::new();
    for &n in &[10usize, 30, 60, 200, 1000] {
        let mut medians = Vec::new();
        let mut worst = 0.0f64;
        let mut proven = 0;
        let seeds = seeds_for(n);
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
            medians.push(median);
            worst = worst.max(max);
            match (last, greedy(&instance)) {
                (Some(Ok(s)), Ok(g)) => {
                    proven += usize::from(s.optimal);
                    println!(
                        "{:>6} {:>5} {:>12.3} {:>12.3} {:>9} {:>9} {:>24} {:>24}",
                        n,
                        seed,
                        median,
                        max,
                        s.optimal,
                        s.nodes,
                        format!("{:?}", s.objective.as_array()),
                        format!("{:?}", g.objective.as_array())
                    )
                }
                (s, g) => println!("{n:>6} {seed:>5} error: {s:?} {g:?}"),
            }
        }
        medians.sort_by(f64::total_cmp);
        let mid = medians.get(medians.len() / 2).copied().unwrap_or(0.0);
        summary.push((n, seeds, mid, worst, proven));
    }
    println!();
    println!(
        "{:>6} {:>5} {:>16} {:>12} {:>8}",
        "people", "seeds", "median_of_median", "worst_max", "proven"
    );
    for (n, seeds, mid, worst, proven) in summary {
        println!("{n:>6} {seeds:>5} {mid:>16.3} {worst:>12.3} {proven:>5}/{seeds}");
    }
}
