//! The app's translations, generated at compile time from `locales/fr.json` and
//! `locales/en.json` by leptos_i18n: a key missing in one language fails the build.
//!
//! The macro is marked deprecated in leptos_i18n 0.6 in favour of a build script, which would
//! pull ICU's data generator (and its network client) into every build; the macro generates
//! the same module.
#![allow(deprecated)]

leptos_i18n::load_locales!();
