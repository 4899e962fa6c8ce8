//! Regression guard for solver rewrites: the proven optima of the seeded bench sessions
//! (30 and 60 people, 20 topics, seeds 0..20), saved from the reference branch and bound.
//! A faster engine must reproduce every one of them and still prove it.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test

use entraide_core::matching::{bench, solve, SolveOptions};

/// `[helped, level3, groups, repeated]` for seeds 0..20 at 30 people.
const OPTIMA_30: [[u32; 4]; 20] = [
    [9, 7, 7, 0],
    [12, 6, 8, 1],
    [10, 1, 8, 0],
    [10, 9, 7, 1],
    [10, 4, 9, 1],
    [10, 5, 9, 1],
    [10, 9, 9, 0],
    [8, 2, 7, 1],
    [10, 6, 8, 0],
    [9, 6, 8, 0],
    [8, 7, 7, 0],
    [11, 5, 8, 0],
    [9, 6, 8, 1],
    [10, 7, 7, 0],
    [10, 1, 8, 1],
    [9, 6, 6, 0],
    [10, 5, 9, 1],
    [10, 5, 8, 0],
    [11, 3, 9, 0],
    [11, 3, 9, 2],
];

/// Same at 60 people.
const OPTIMA_60: [[u32; 4]; 20] = [
    [18, 12, 14, 4],
    [27, 13, 18, 1],
    [21, 8, 17, 1],
    [24, 16, 17, 1],
    [24, 16, 17, 0],
    [19, 10, 15, 0],
    [22, 19, 16, 1],
    [18, 13, 17, 1],
    [23, 14, 15, 1],
    [21, 14, 17, 0],
    [15, 9, 12, 1],
    [22, 6, 15, 1],
    [21, 16, 16, 1],
    [26, 16, 17, 1],
    [20, 13, 15, 1],
    [18, 12, 11, 0],
    [25, 15, 19, 0],
    [21, 13, 17, 1],
    [27, 13, 19, 2],
    [22, 11, 17, 0],
];

fn check(n: usize, optima: &[[u32; 4]]) {
    for (seed, expected) in optima.iter().enumerate() {
        let inst = bench::instance(n, 20, seed as u64);
        let sol = solve(&inst, &SolveOptions::default()).expect("valid bench instance");
        assert_eq!(
            &sol.objective.as_array(),
            expected,
            "{n} people, seed {seed}"
        );
        assert!(sol.optimal, "{n} people, seed {seed}: not proven");
    }
}

#[test]
fn bench_optima_at_30_people() {
    check(30, &OPTIMA_30);
}

#[test]
fn bench_optima_at_60_people() {
    check(60, &OPTIMA_60);
}
