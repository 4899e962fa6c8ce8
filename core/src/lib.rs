//! Entraide's domain logic: everything the app knows and decides, with no web dependency.
//!
//! Each module has one job and its own error type. The `app` crate only calls these
//! functions and renders what they return.

pub mod assessment;
pub mod demo;
pub mod guard;
pub mod matching;
pub mod merge;
pub mod model;
pub mod relay;
pub mod report;
pub mod screens;
pub mod session;
pub mod transfer;
pub mod vault;
