//! One module per screen of the journeys.

pub mod exchange;
pub mod group;
pub mod home;
pub mod not_found;
pub mod reports;
pub mod session;
pub mod settings;
pub mod skills;
