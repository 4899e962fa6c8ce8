//! Prints matching figures on seeded sessions: per session the solve time (median and max
//! of a few runs), the proof, nodes, and the objective against the greedy baseline; then
//! one summary line per size (median of the medians, worst max, proven count, sessions
//! better than greedy). Two families: `realistic` (`bench::instance`, 10 to 1,000 people)
//! and `mixed` (`bench::mixed_instance`, most people both need help and can help: 30 to
//! 200 people). No assertions on time.
//! Run with `cargo run --release -p entraide-core --example match_bench [realistic|mixed]
//! [--quiet]` (both families by default; `--quiet` prints the summaries only).

use std::time::Instant;

use entraide_core::matching::{bench, greedy, solve, Instance, SolveOptions};

struct Summary {
    family: &'static str,
    people: usize,
    seeds: u64,
    median: f64,
    worst: f64,
    proven: usize,
    better: usize,
    helped_gain: i64,
    /// Sessions whose number of helped people is proven (all criteria or the first).
    helped_proven: usize,
    /// Largest gap stated on the number of helped people.
    worst_gap: u32,
}

fn run_family(
    family: &'static str,
    sizes: &[(usize, u64)],
    make: fn(usize, u64) -> Instance,
    quiet: bool,
) -> Vec<Summary> {
    let options = SolveOptions::default();
    let mut out = Vec::new();
    for &(n, seeds) in sizes {
        let runs = if n <= 60 { 5 } else { 1 };
        let mut medians = Vec::new();
        let mut worst = 0.0f64;
        let (mut proven, mut better, mut helped_gain) = (0, 0, 0i64);
        let (mut helped_proven, mut worst_gap) = (0, 0u32);
        for seed in 0..seeds {
            let instance = make(n, seed);
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
                    let gap = s.more_helped_at_most().unwrap_or(0);
                    helped_proven += usize::from(gap == 0);
                    worst_gap = worst_gap.max(gap);
                    better +=
                        usize::from(s.objective.cmp_with(&g.objective, instance.repeat).is_gt());
                    helped_gain += i64::from(s.objective.helped) - i64::from(g.objective.helped);
                    if !quiet {
                        println!(
                            "{:>10} {:>6} {:>5} {:>10.3} {:>10.3} {:>8} {:>8} {:>20} {:>20} {:>6}",
                            family,
                            n,
                            seed,
                            median,
                            max,
                            s.optimal,
                            s.nodes,
                            format!("{:?}", s.objective.as_array()),
                            format!("{:?}", g.objective.as_array()),
                            s.more_helped_at_most()
                                .map_or("-".to_string(), |m| format!("+{m}")),
                        )
                    }
                }
                (s, g) => println!("{family} {n:>6} {seed:>5} error: {s:?} {g:?}"),
            }
        }
        medians.sort_by(f64::total_cmp);
        let median = medians.get(medians.len() / 2).copied().unwrap_or(0.0);
        out.push(Summary {
            family,
            people: n,
            seeds,
            median,
            worst,
            proven,
            better,
            helped_gain,
            helped_proven,
            worst_gap,
        });
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let only = args.iter().find(|a| !a.starts_with("--")).cloned();
    let want = |f: &str| only.as_deref().is_none_or(|o| o == f);
    if !quiet {
        println!(
            "{:>10} {:>6} {:>5} {:>10} {:>10} {:>8} {:>8} {:>20} {:>20} {:>6}",
            "family",
            "people",
            "seed",
            "median_ms",
            "max_ms",
            "optimal",
            "nodes",
            "objective",
            "greedy",
            "bound"
        );
    }
    let mut summary = Vec::new();
    if want("realistic") {
        summary.extend(run_family(
            "realistic",
            &[(10, 20), (30, 20), (60, 20), (200, 5), (1000, 5)],
            |n, seed| bench::instance(n, 20, seed),
            quiet,
        ));
    }
    if want("mixed") {
        summary.extend(run_family(
            "mixed",
            &[(30, 20), (45, 20), (60, 20), (100, 20), (200, 20)],
            bench::mixed_instance,
            quiet,
        ));
    }
    println!();
    println!(
        "{:>10} {:>6} {:>5} {:>10} {:>10} {:>7} {:>13} {:>9} {:>13} {:>16}",
        "family",
        "people",
        "seeds",
        "median_ms",
        "worst_ms",
        "proven",
        "helped_proven",
        "worst_gap",
        "better_greedy",
        "helped_vs_greedy"
    );
    for s in summary {
        println!(
            "{:>10} {:>6} {:>5} {:>10.3} {:>10.3} {:>4}/{:<2} {:>10}/{:<2} {:>9} {:>10}/{:<2} {:>+16}",
            s.family,
            s.people,
            s.seeds,
            s.median,
            s.worst,
            s.proven,
            s.seeds,
            s.helped_proven,
            s.seeds,
            format!("+{}", s.worst_gap),
            s.better,
            s.seeds,
            s.helped_gain
        );
    }
}
