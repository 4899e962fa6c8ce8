//! Reusable pieces of the interface.

pub mod bar_chart;
pub mod charter;
pub mod confirm_code;
pub mod delete_everything;
pub mod difficulty_form;
pub mod group_topics;
pub mod help_timer;
pub mod icon;
pub mod language_switch;
pub mod menu;
pub mod page;
pub mod qr_display;
pub mod questionnaire;
pub mod record_exchange;
pub mod relays;
pub mod report_sections;
pub mod results;
pub mod scanner;
pub mod session_today;
pub mod shell;
pub mod vault_error;
pub mod vault_forms;
