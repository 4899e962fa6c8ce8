//! Reusable pieces of the interface.

pub mod icon;
pub mod language_switch;
pub mod menu;
pub mod page;
pub mod shell;
