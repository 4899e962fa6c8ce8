//! Matching: who helps whom today. Forms groups of one helper and one or two helped
//! people on one topic, maximising lexicographically (1) people helped, (2) people
//! helped by someone at level 3, (3) groups, (4) repeated pairs (or their absence),
//! exactly (a proven optimum) at the sizes sessions have, and within a deterministic
//! budget beyond. Every group and every unplaced person comes with a reason.
//!
//! Entry points: [`solve`], [`greedy`] (comparison baseline), [`json::run`] (the JSON
//! interface of the `match` example), [`bench::instance`] and [`bench::mixed_instance`]
//! (seeded test sessions; in the second most people both need help and can help).
//! A solution also lists the helpers whose own need is not covered today
//! ([`Solution::uncovered`]) and, when the search stopped before its proof, how many
//! more people could at most be helped ([`Solution::gap`]).

pub mod adjust;
pub mod bench;
mod bounds;
#[cfg(test)]
mod engine_comparison;
pub mod error;
mod groups;
mod heuristic;
pub mod instance;
pub mod json;
mod lp;
mod packing;
mod problem;
pub mod reasons;
pub mod solution;
mod solver;

pub use adjust::{move_targets, other_role, AdjustError, Adjustments, Change};
pub use error::MatchingError;
pub use heuristic::greedy;
pub use instance::{Instance, Person, RepeatPolicy, Role, Topic};
pub use reasons::{Gap, Lang, Reason};
pub use solution::{evaluate, Group, Objective, Solution, UncoveredNeed, Unplaced, UnplacedReason};
pub use solver::{solve, SolveOptions};
