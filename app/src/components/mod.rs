//! Reusable pieces of the interface.

pub mod delete_everything;
pub mod group_topics;
pub mod icon;
pub mod language_switch;
pub mod menu;
pub mod page;
pub mod questionnaire;
pub mod results;
pub mod shell;
pub mod vault_error;
pub mod vault_forms;
