//! A session from start to finish, as the field runs it: the animator's six steps, check-in,
//! the help groups from the matching on the people present, help time, tips, the next
//! session; and what a participant's phone shows of today. Pure functions over the group's
//! record that return the ops to write (`core::merge` checks and stores them).
//!
//! - [`steps`]: the six steps and the moves between them;
//! - [`plan`]: planning, opening and closing a session, both tracks on one day;
//! - [`presence`]: check-in by code or by tap, a newcomer or a person without a phone,
//!   leaving early;
//! - [`groups`]: the matching's input from the record, confirming help groups, groups
//!   made stale by a need changed after matching;
//! - [`difficulties`]: noting a difficulty met with a service (through the guard);
//! - [`timer`]: the gentle help-time marker (no alarm, the animator ends);
//! - [`tips`]: writing a tip (through the guard) and the library in screen order;
//! - [`today`]: a participant's session card, group, help to log and evaluation.

pub mod difficulties;
pub mod groups;
pub mod plan;
pub mod presence;
pub mod steps;
pub mod timer;
pub mod tips;
pub mod today;

pub use steps::Step;
