//! Relays: the animator's directory of local places and professionals (France Services,
//! CAF, CCAS, public digital spaces, associations) that take over when a need is
//! sensitive, and its import from a CSV file in the national open-data schema of places
//! offering digital help ("lieux de médiation numérique", LaMednum).
//!
//! - [`directory`]: a relay (name, address, opening hours, what it handles, how to reach
//!   it) and the directory;
//! - [`csv`]: a tolerant CSV reader (`;` or `,`, BOM, quotes, CRLF);
//! - [`vocabulary`]: the schema's allowed values, matched without case or accents;
//! - [`hours`]: opening hours in plain words;
//! - [`import`]: each line kept, fixed or refused, with a plain-French reason;
//! - [`route`]: which relays a sensitive need points to.
//!
//! A relay's public phone number, e-mail and address are kept: the guard allows them in a
//! relay's contact and address fields only ([`crate::guard::FieldKind::RelayContact`]).

pub mod csv;
pub mod directory;
pub mod hours;
pub mod import;
pub mod route;
pub mod vocabulary;

pub use directory::{Directory, Relay};
pub use import::{import, ImportReport, LineOutcome, RelayError};
pub use route::{relays_for, services_for};
