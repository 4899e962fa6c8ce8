//! Services: what pages call. They hold the app's working data and call `entraide-core`;
//! pages never reach core, storage or the browser directly.

pub mod assessment;
pub mod catalog;
pub mod group_topics;
pub mod handover;
pub mod identity;
pub mod membership;
pub mod record;
pub mod report;
pub mod safety;
pub mod session;
pub mod today;
pub mod transfer;
pub mod vault;
