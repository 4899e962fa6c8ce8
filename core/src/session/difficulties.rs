//! A difficulty met with a public service or a company ("la CAF ne répond pas au
//! téléphone"), as a person notes it during a session: the service and what went wrong
//! both go through the guard (never a file number, a name or an address), within the
//! record's limits, before they become an op. The animators read them, counted by area, in
//! the report; nobody else receives them.

use thiserror::Error;

use crate::guard::{self, FieldKind, Refusal};
use crate::merge::Op;
use crate::model::limits::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::model::{AdminArea, Day, GroupRecord, PersonId, RecordId};

/// Why a difficulty was not written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DifficultyError {
    /// No service or company named.
    #[error("the service is empty")]
    NoService,
    /// Nothing said of what went wrong.
    #[error("what went wrong is empty")]
    NoWhat,
    /// The service's name is longer than the record allows.
    #[error("the service's name is longer than {MAX_NAME_CHARS} characters")]
    ServiceTooLong,
    /// What went wrong is longer than the record allows.
    #[error("the text is longer than {MAX_TEXT_CHARS} characters")]
    TooLong,
    /// The guard found something the group never keeps.
    #[error(transparent)]
    Sensitive(#[from] Refusal),
}

impl DifficultyError {
    /// What to tell the person, in plain French (`french`) or English.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (DifficultyError::NoService, true) => {
                "Dites d'abord avec quel service ou quelle entreprise (par exemple : la CAF)."
                    .into()
            }
            (DifficultyError::NoService, false) => {
                "First say which service or company (for example: the CAF).".into()
            }
            (DifficultyError::NoWhat, true) => {
                "Dites en quelques mots ce qui n'a pas marché.".into()
            }
            (DifficultyError::NoWhat, false) => "Say in a few words what went wrong.".into(),
            (DifficultyError::ServiceTooLong, true) => {
                format!("Le nom du service tient en {MAX_NAME_CHARS} caractères au plus.")
            }
            (DifficultyError::ServiceTooLong, false) => {
                format!("The service's name holds at most {MAX_NAME_CHARS} characters.")
            }
            (DifficultyError::TooLong, true) => {
                format!("Le texte tient en {MAX_TEXT_CHARS} caractères au plus : raccourcissez-le.")
            }
            (DifficultyError::TooLong, false) => {
                format!("The text holds at most {MAX_TEXT_CHARS} characters: shorten it.")
            }
            (DifficultyError::Sensitive(refusal), _) => refusal.message(french),
        }
    }
}

/// The op that notes difficulty `id` with `service` (trimmed), its `area` if chosen, and
/// `what` went wrong (trimmed), in `session` if any, on `day`.
pub fn write(
    id: RecordId,
    service: &str,
    area: Option<AdminArea>,
    what: &str,
    session: Option<RecordId>,
    day: Day,
) -> Result<Op, DifficultyError> {
    let (service, what) = (service.trim(), what.trim());
    if service.is_empty() {
        return Err(DifficultyError::NoService);
    }
    if what.is_empty() {
        return Err(DifficultyError::NoWhat);
    }
    if service.chars().count() > MAX_NAME_CHARS {
        return Err(DifficultyError::ServiceTooLong);
    }
    if what.chars().count() > MAX_TEXT_CHARS {
        return Err(DifficultyError::TooLong);
    }
    guard::check(service, FieldKind::Difficulty)?;
    guard::check(what, FieldKind::Difficulty)?;
    Ok(Op::Difficulty {
        id,
        session,
        on: day,
        service: service.to_string(),
        area,
        what: what.to_string(),
    })
}

/// The difficulties `author` noted, newest first (ties by id, so the order is stable).
pub fn noted_by(record: &GroupRecord, author: PersonId) -> Vec<&crate::model::Difficulty> {
    let mut mine: Vec<_> = record
        .difficulties
        .values()
        .filter(|d| d.author == author)
        .collect();
    mine.sort_by(|a, b| b.on.cmp(&a.on).then(a.id.cmp(&b.id)));
    mine
}
