//! Reports for the group and its funders, computed from the group's record
//! ([`crate::model::GroupRecord`]) and nothing else. Nothing in a report names a person,
//! except the helpers' thank-you list ([`thanks`]), which the animator chooses to show.
//!
//! - [`period`]: the days a report covers, and the previous period to compare with;
//! - [`cell`]: the small-cell rule ("moins de 5") and the breakdowns it protects;
//! - [`figures`]: the figures of a period and track, and their comparison;
//! - [`needs`]: the group's needs map, what to plan next, difficulties with services;
//! - [`coop`]: the Coop de la médiation numérique's themes, and each topic's;
//! - [`export`]: the anonymous CSV of help given, in the Coop's columns and labels;
//! - [`tables`]: the aggregate tables as CSV, small cells hidden as on screen;
//! - [`demo`]: a deterministic demo year of one group, and long histories for benchmarks.

pub mod cell;
pub mod coop;
pub mod demo;
pub mod error;
pub mod export;
pub mod figures;
pub mod needs;
pub mod period;
pub mod room;
pub mod tables;

pub use cell::{Breakdown, Cell, CountRow, Counts, Row, THRESHOLD};
pub use coop::{coop_theme, COOP_THEMES};
pub use demo::{demo_replica, demo_year, large_history, large_replica, DEMO_SEED, DEMO_YEAR};
pub use error::ReportError;
pub use export::{help_csv, help_rows, HELP_COLUMNS};
pub use figures::{compare, thanks, Comparison, Figures, SessionLine, Thanks};
pub use needs::{
    difficulties, needs_map, plan_next, AreaDifficulties, DifficultiesPage, NeedsMap, PlanItem,
    ServiceDifficulties, TopicNeeds,
};
pub use period::Period;
pub use tables::{tables_csv, TABLE_COLUMNS};
