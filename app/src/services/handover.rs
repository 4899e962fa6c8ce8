//! The group's record between phones in the room, by QR code: a participant's "Donner ma
//! séance à l'animateur", the animator scanning phones one after the other with what came
//! in said in plain words, "Rendre au groupe" for every phone at once, and the tips a
//! person writes into the record. The bookkeeping is core's ledger; every change is saved
//! through the record's ordered queue, replica and ledger in one transaction.

use crate::state::RecordsStoreFields;
use entraide_core::merge::ledger::Received;
use entraide_core::merge::summary::summary;
use entraide_core::merge::wire::WireError;
use entraide_core::merge::{MergeError, Op};
use entraide_core::model::{Day, GroupRecord, MemberRole, PersonId, RecordId, Tip, TopicId};
use entraide_core::session::tips::{self, TipError};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use rand_core::{OsRng, RngCore};

use crate::services::identity::{self, IdentityServiceError};
use crate::services::membership::envelope_code;
use crate::services::record::RecordError;
use crate::services::vault;
use crate::state::AppState;

/// Why a hand-over, a hand-back or a tip did not go through.
#[derive(Debug, thiserror::Error)]
pub enum HandoverError {
    /// The code was refused (another group, a replay, a stranger…).
    #[error(transparent)]
    Wire(#[from] WireError),
    /// The tip was refused.
    #[error(transparent)]
    Tip(#[from] TipError),
    /// This phone's record does not know its member yet (before the first hand-back).
    #[error("this phone is not in the group's record yet")]
    NotYetMember,
    /// The record could not be read or saved.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// This phone's keys are unreadable.
    #[error(transparent)]
    Identity(#[from] IdentityServiceError),
}

impl HandoverError {
    /// A short code for the screen's sentence (see `ExchangeFailure`).
    pub fn code(&self) -> &'static str {
        match self {
            HandoverError::Wire(WireError::Envelope(e)) => envelope_code(e),
            HandoverError::Wire(WireError::Stranger) => "stranger",
            HandoverError::Wire(WireError::Removed) => "removed_sender",
            HandoverError::Wire(WireError::NotAnimator) => "not_animator",
            HandoverError::Wire(WireError::NewerVersion(_)) => "newer_version",
            HandoverError::Wire(WireError::NoRecipient) => "no_recipient",
            HandoverError::Wire(WireError::Content) => "damaged",
            HandoverError::Tip(TipError::Sensitive(_)) => "sensitive",
            HandoverError::Tip(TipError::Empty) => "tip_empty",
            HandoverError::Tip(TipError::TooLong) => "tip_long",
            HandoverError::NotYetMember => "not_yet_member",
            HandoverError::Record(RecordError::Vault(
                crate::services::vault::VaultServiceError::Locked,
            )) => "locked",
            HandoverError::Record(_) | HandoverError::Identity(_) => "storage",
        }
    }

    /// The detail the screen may add: the guard's sentences (French, then English).
    pub fn detail(&self) -> String {
        match self {
            HandoverError::Tip(TipError::Sensitive(refusal)) => {
                crate::components::vault_error::refusal_detail(refusal)
            }
            other => other.to_string(),
        }
    }
}

/// What a scanned code brought, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// Who it came from.
    pub from: String,
    /// What came in, one line per person, conflict or refusal, in French.
    pub lines_fr: Vec<String>,
    /// The same in English.
    pub lines_en: Vec<String>,
    /// Records that came in, in all.
    pub count: u32,
}

fn arrival(received: &Received, record: &GroupRecord) -> Arrival {
    Arrival {
        from: record.name_of(received.from, true),
        lines_fr: summary(&received.report, record, true),
        lines_en: summary(&received.report, record, false),
        count: received.report.applied_count(),
    }
}

/// What this phone would hand over now: its own changes not yet acknowledged.
pub fn pending(state: AppState, group: GroupId) -> usize {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group).map(|r| b.ledger(group).unacknowledged(r)))
            .unwrap_or(0)
    })
}

/// Whether this phone's record knows its own member (true after the first hand-back on a
/// participant's phone, always on the founder's).
pub fn knows_me(state: AppState, group: GroupId) -> bool {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .is_some_and(|r| r.record().role_of(r.me()).is_some())
    })
}

/// Whether this phone's member animates the group in its record (the founder, or a
/// co-animator an animator named).
pub fn animates(state: AppState, group: GroupId) -> bool {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .and_then(|r| r.record().role_of(r.me()))
            .is_some_and(MemberRole::animates)
    })
}

/// Whether `person` is a co-animator in the group's record.
pub fn is_co_animator(state: AppState, group: GroupId, person: PersonId) -> bool {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .and_then(|r| r.record().role_of(person))
            == Some(MemberRole::CoAnimator)
    })
}

/// Names `person` co-animator (or back to participant): their phone animates the group
/// once it has merged the next hand-back.
pub async fn set_co_animator(
    state: AppState,
    group: GroupId,
    person: PersonId,
    co_animator: bool,
) -> Result<(), HandoverError> {
    let (device, _) = identity::current().await?;
    let role = if co_animator {
        MemberRole::CoAnimator
    } else {
        MemberRole::Participant
    };
    exchange(state, group, |replica, _| {
        replica
            .write(
                &device,
                vault::now_ms(),
                vec![Op::MemberRole { person, role }],
            )
            .map(|_| ())
            .map_err(|e| HandoverError::Record(RecordError::Merge(e)))
    })
}

/// Runs `f` on the group's replica and ledger, then queues their save.
fn exchange<T>(
    state: AppState,
    group: GroupId,
    f: impl FnOnce(
        &mut entraide_core::merge::Replica,
        &mut entraide_core::merge::ledger::Ledger,
    ) -> Result<T, HandoverError>,
) -> Result<T, HandoverError> {
    state
        .records
        .book()
        .try_update(|book| {
            let book = book.as_mut().ok_or(RecordError::UnknownGroup)?;
            let (replica, ledger) = book.exchange_mut(group).ok_or(RecordError::UnknownGroup)?;
            let out = f(replica, ledger)?;
            book.save(group)?;
            Ok(out)
        })
        .unwrap_or(Err(HandoverError::Record(RecordError::UnknownGroup)))
}

/// "Donner ma séance à l'animateur": the sealed hand-over to show.
pub async fn give(state: AppState, group: GroupId) -> Result<Vec<u8>, HandoverError> {
    let signer = identity::signer().await?;
    exchange(state, group, |replica, ledger| {
        Ok(ledger.seal_handover(replica, &signer.identity, signer.seq)?)
    })
}

/// The animator scanned a phone's hand-over: merged, saved, and said.
pub async fn receive_handover(
    state: AppState,
    group: GroupId,
    bytes: Vec<u8>,
) -> Result<Arrival, HandoverError> {
    let (device, _) = identity::current().await?;
    let now = vault::now_ms();
    exchange(state, group, |replica, ledger| {
        let received = ledger.receive_handover(&bytes, replica, &device, now)?;
        Ok(arrival(&received, replica.record()))
    })
}

/// "Rendre au groupe": the sealed hand-back to show to the whole room.
pub async fn hand_back(state: AppState, group: GroupId) -> Result<Vec<u8>, HandoverError> {
    let signer = identity::signer().await?;
    exchange(state, group, |replica, ledger| {
        Ok(ledger.seal_handback(replica, &signer.identity, signer.seq)?)
    })
}

/// A phone scanned the animator's hand-back: merged, saved, and said.
pub async fn receive_handback(
    state: AppState,
    group: GroupId,
    bytes: Vec<u8>,
) -> Result<Arrival, HandoverError> {
    let (device, _) = identity::current().await?;
    let now = vault::now_ms();
    exchange(state, group, |replica, ledger| {
        let received = ledger.receive_handback(&bytes, replica, &device, now)?;
        Ok(arrival(&received, replica.record()))
    })
}

/// Writes a new tip into the group's record (checked by the guard first: nothing is
/// stored when it refuses).
pub async fn write_tip(
    state: AppState,
    group: GroupId,
    text: String,
    topic: Option<TopicId>,
) -> Result<(), HandoverError> {
    let mut id = [0u8; 16];
    OsRng.fill_bytes(&mut id);
    let now = vault::now_ms();
    let op = tips::write(RecordId(id), &text, topic, None, Day::from_unix_ms(now))?;
    let (device, _) = identity::current().await?;
    exchange(state, group, |replica, _| {
        replica
            .write(&device, now, vec![op])
            .map(|_| ())
            .map_err(|e| match e {
                MergeError::NotMember => HandoverError::NotYetMember,
                other => HandoverError::Record(RecordError::Merge(other)),
            })
    })
}

/// A tip as the library shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TipView {
    /// Its id, hex.
    pub id: String,
    /// The text.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// Whether this phone's member wrote it.
    pub mine: bool,
    /// The topic's id, if any.
    pub topic: Option<String>,
}

fn tip_view(tip: &Tip, record: &GroupRecord, me: PersonId, french: bool) -> TipView {
    TipView {
        id: tip.id.0.iter().map(|b| format!("{b:02x}")).collect(),
        text: tip.text.clone(),
        author: record.name_of(tip.author, french),
        mine: tip.author == me,
        topic: tip.topic.clone(),
    }
}

/// The group's tips, newest first.
pub fn library(state: AppState, group: GroupId, french: bool) -> Vec<TipView> {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .map(|r| {
                tips::library(r.record())
                    .into_iter()
                    .map(|t| tip_view(t, r.record(), r.me(), french))
                    .collect()
            })
            .unwrap_or_default()
    })
}
