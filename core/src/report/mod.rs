//! Reports for the group and its funders, computed from the group's record
//! ([`crate::model::GroupRecord`]) and nothing else.
//!
//! - [`demo`]: a deterministic demo year of one group, and long histories for benchmarks.

pub mod demo;
pub mod error;

pub use demo::{demo_replica, demo_year, large_history, large_replica, DEMO_SEED, DEMO_YEAR};
pub use error::ReportError;
