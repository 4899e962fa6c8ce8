//! The group's safety rules on this phone, read from and written to the group's record:
//! the charter (the animator publishes a new version; every member is asked to accept the
//! one in force until they do) and the relay directory (the animator imports a file in the
//! national schema of places offering digital help, or takes a relay out; every member
//! reads it offline, and a sensitive need points to the relays that handle it).

use entraide_core::guard::{self, FieldKind, Refusal};
use entraide_core::merge::{MergeError, Op};
use entraide_core::model::charter::DEFAULT_CHARTER;
use entraide_core::model::{CharterVersion, Day, GroupRecord};
use entraide_core::relay::{self, Relay, RelayError};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;

use crate::services::identity::{self, IdentityServiceError};
use crate::services::record::RecordError;
use crate::services::vault;
use crate::state::{AppState, RecordsStoreFields};

/// Relays written per change: an import of a whole department stays within core's bound
/// on ops per change.
const RELAYS_PER_CHANGE: usize = 100;

/// Why a charter or directory change did not go through.
#[derive(Debug, thiserror::Error)]
pub enum SafetyError {
    /// The charter holds something the group never keeps.
    #[error("the charter was refused by the guard")]
    Sensitive(Refusal),
    /// The charter is empty.
    #[error("the charter is empty")]
    EmptyCharter,
    /// The charter is the one in force already.
    #[error("the charter did not change")]
    Unchanged,
    /// The file is not a directory in the national schema.
    #[error(transparent)]
    Import(#[from] RelayError),
    /// The record refused the change (this phone may not write it).
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The record could not be read or saved.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// This phone's keys are unreadable.
    #[error(transparent)]
    Identity(#[from] IdentityServiceError),
}

impl SafetyError {
    /// A short code for the screen's sentence (see `ExchangeFailure`).
    pub fn code(&self) -> &'static str {
        match self {
            SafetyError::Sensitive(_) => "sensitive",
            SafetyError::EmptyCharter => "charter_empty",
            SafetyError::Unchanged => "charter_unchanged",
            SafetyError::Import(RelayError::Empty) => "import_empty",
            SafetyError::Import(RelayError::MissingColumns(_)) => "import_format",
            SafetyError::Merge(MergeError::NotMember) => "not_yet_member",
            SafetyError::Merge(_) => "not_allowed",
            SafetyError::Record(RecordError::Vault(vault::VaultServiceError::Locked)) => "locked",
            SafetyError::Record(_) | SafetyError::Identity(_) => "storage",
        }
    }

    /// The detail the screen may add: the guard's or the import's sentences (French, then
    /// English).
    pub fn detail(&self) -> String {
        match self {
            SafetyError::Sensitive(refusal) => {
                crate::components::vault_error::refusal_detail(refusal)
            }
            SafetyError::Import(e) => {
                crate::components::vault_error::bilingual_detail(|french| e.message(french))
            }
            other => other.to_string(),
        }
    }
}

/// A charter version as the screens show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CharterView {
    /// Its number.
    pub version: u16,
    /// Its lines (one rule each).
    pub lines: Vec<String>,
    /// Its whole text, as written.
    pub text: String,
    /// When it was published, "12/03/2027".
    pub published: String,
}

impl From<&CharterVersion> for CharterView {
    fn from(c: &CharterVersion) -> Self {
        let (y, m, d) = c.published.ymd();
        CharterView {
            version: c.version,
            lines: c
                .text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
            text: c.text.clone(),
            published: format!("{d:02}/{m:02}/{y}"),
        }
    }
}

fn read<T>(state: AppState, group: GroupId, f: impl FnOnce(&GroupRecord) -> T) -> Option<T> {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .map(|r| f(r.record()))
    })
}

/// The charter in force in the group, if the record has one yet.
pub fn charter(state: AppState, group: GroupId) -> Option<CharterView> {
    read(state, group, |r| {
        r.info.current_charter().map(CharterView::from)
    })
    .flatten()
}

/// The charter this phone's person has yet to accept (a newer version than theirs).
pub fn charter_to_accept(state: AppState, group: GroupId) -> Option<CharterView> {
    state.records.book().with(|book| {
        let replica = book.as_ref()?.replica(group)?;
        replica
            .record()
            .charter_to_accept(replica.me())
            .map(CharterView::from)
    })
}

/// The charter the app proposes, to start a new version from.
pub fn proposed_charter() -> &'static str {
    DEFAULT_CHARTER
}

async fn write(
    state: AppState,
    group: GroupId,
    ops: impl FnOnce(&GroupRecord, entraide_core::model::PersonId) -> Vec<Vec<Op>>,
) -> Result<(), SafetyError> {
    let (device, _) = identity::current().await?;
    state
        .write_record(group, |replica| {
            let batches = ops(replica.record(), replica.me());
            let now = vault::now_ms();
            batches
                .into_iter()
                .filter(|b| !b.is_empty())
                .try_for_each(|batch| replica.write(&device, now, batch).map(|_| ()))
        })?
        .map_err(SafetyError::from)
}

/// Publishes `text` as the group's next charter version (the animator accepts it at once;
/// every other member is asked at their next opening, once the hand-back reaches them).
/// Returns the version number.
pub async fn publish_charter(
    state: AppState,
    group: GroupId,
    text: &str,
) -> Result<u16, SafetyError> {
    let text = text
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    if text.is_empty() {
        return Err(SafetyError::EmptyCharter);
    }
    guard::check(&text, FieldKind::Charter).map_err(SafetyError::Sensitive)?;
    let current = read(state, group, |r| r.info.current_charter().cloned()).flatten();
    if current.as_ref().is_some_and(|c| c.text == text) {
        return Err(SafetyError::Unchanged);
    }
    let version = read(state, group, |r| r.info.next_charter_version()).unwrap_or(1);
    let on = Day::from_unix_ms(vault::now_ms());
    write(state, group, move |_, me| {
        vec![vec![
            Op::Charter(CharterVersion {
                version,
                text,
                published: on,
            }),
            Op::CharterAccepted {
                person: me,
                version,
                on,
            },
        ]]
    })
    .await?;
    Ok(version)
}

/// This phone's person accepts charter `version`.
pub async fn accept_charter(
    state: AppState,
    group: GroupId,
    version: u16,
) -> Result<(), SafetyError> {
    let on = Day::from_unix_ms(vault::now_ms());
    write(state, group, move |_, me| {
        vec![vec![Op::CharterAccepted {
            person: me,
            version,
            on,
        }]]
    })
    .await
}

/// The group's relays, by name.
pub fn relays(state: AppState, group: GroupId) -> Vec<Relay> {
    read(state, group, |r| {
        r.relays_by_name().into_iter().cloned().collect()
    })
    .unwrap_or_default()
}

/// The relays for a need on `topic`, and whether they were chosen for it (`false`: none
/// handles it, and these are the whole directory).
pub fn relays_for(state: AppState, group: GroupId, topic: &str) -> (Vec<Relay>, bool) {
    read(state, group, |r| {
        let chosen: Vec<Relay> = relay::relays_for(topic, r.relays.values())
            .into_iter()
            .cloned()
            .collect();
        if chosen.is_empty() {
            (r.relays_by_name().into_iter().cloned().collect(), false)
        } else {
            (chosen, true)
        }
    })
    .unwrap_or_default()
}

/// What an import did, for the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportView {
    /// "12 lieu(x) gardé(s), 3 corrigé(s), 2 refusé(s)."
    pub summary: String,
    /// One sentence per line of the file.
    pub lines: Vec<String>,
    /// Lines refused.
    pub refused: usize,
}

/// Imports a directory file (the text of a CSV in the national schema): the lines kept are
/// added to the group's directory (a relay with the same id is replaced), and the report
/// says what became of every line. A file in another format changes nothing.
pub async fn import_relays(
    state: AppState,
    group: GroupId,
    text: &str,
    french: bool,
) -> Result<ImportView, SafetyError> {
    let report = relay::import(text)?;
    let view = ImportView {
        summary: report.summary(french),
        lines: report.lines.iter().map(|l| l.message(french)).collect(),
        refused: report.refused(),
    };
    let relays = report.directory.relays;
    if relays.is_empty() {
        // Every line was refused: the report says why, and the directory is unchanged.
        return Ok(view);
    }
    write(state, group, move |_, _| {
        relays
            .chunks(RELAYS_PER_CHANGE)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|r| Op::Relay(Box::new(r.clone())))
                    .collect()
            })
            .collect()
    })
    .await?;
    Ok(view)
}

/// Takes relay `id` out of the group's directory.
pub async fn delete_relay(state: AppState, group: GroupId, id: String) -> Result<(), SafetyError> {
    write(state, group, move |_, _| {
        vec![vec![Op::RelayDeleted { id }]]
    })
    .await
}
