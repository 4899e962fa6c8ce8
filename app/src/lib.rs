//! Entraide's user interface (Leptos, client-side rendered).
//!
//! Organised by screen (`pages`), reusable pieces (`components`), state handed down by typed
//! context (`state`) and thin adapters to the browser (`platform`). Domain logic lives in
//! `entraide-core`; pages call services, services call core.

mod locales;

pub mod app;
pub mod components;
pub mod labels;
pub mod pages;
pub mod platform;
pub mod services;
pub mod state;

pub use app::App;
pub use locales::i18n;
