//! The report module's error: what can go wrong when a period is asked for or the demo
//! record is built. Screens show a French sentence chosen from the variant
//! ([`ReportError::sentence`]), never the `Display` text.

use thiserror::Error;

use crate::merge::MergeError;

/// Why a report could not be made.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReportError {
    /// The period ends before it starts.
    #[error("the period ends before it starts")]
    PeriodReversed,
    /// A date that does not exist (month 13, 30 February…).
    #[error("the date does not exist")]
    NoSuchDate,
    /// The demo record could not be written (a bug: the demo writes only allowed values).
    #[error("the demo record could not be written: {0}")]
    Demo(#[from] MergeError),
    /// The demo's phone keys could not be made.
    #[error("the demo's phone keys could not be made")]
    DemoKeys,
    /// The demo's animator refused changes written by the demo's participants (a bug).
    #[error("the demo's animator refused {0} changes")]
    DemoRefused(usize),
    /// A transfer between the demo's phones failed (a bug).
    #[error("a transfer between the demo's phones failed: {0}")]
    DemoTransfer(#[from] crate::merge::wire::WireError),
}

impl ReportError {
    /// What to tell the person, in plain French (`french`) or English.
    pub fn sentence(&self, french: bool) -> &'static str {
        match (self, french) {
            (ReportError::PeriodReversed, true) => {
                "La date de fin est avant la date de début. Changez l'une des deux dates."
            }
            (ReportError::PeriodReversed, false) => {
                "The end date is before the start date. Change one of the two dates."
            }
            (ReportError::NoSuchDate, true) => {
                "Cette date n'existe pas. Choisissez une autre date."
            }
            (ReportError::NoSuchDate, false) => "This date does not exist. Choose another date.",
            (
                ReportError::Demo(_)
                | ReportError::DemoKeys
                | ReportError::DemoRefused(_)
                | ReportError::DemoTransfer(_),
                true,
            ) => "Le groupe de démonstration n'a pas pu être préparé. Réessayez plus tard.",
            (
                ReportError::Demo(_)
                | ReportError::DemoKeys
                | ReportError::DemoRefused(_)
                | ReportError::DemoTransfer(_),
                false,
            ) => "The demo group could not be prepared. Try again later.",
        }
    }
}
