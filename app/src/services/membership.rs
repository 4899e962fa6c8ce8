//! Groups this phone belongs to or animates, the session pairings made today, and the
//! replay guard, kept together in one vault document so each change is one transaction.
//! Pages call the functions here; they call core's `transfer::pairing`.

use std::cell::RefCell;

use entraide_core::transfer::pairing::{
    self, PairRole, PairingError, Purpose, ReadAnswer, ReadOffer,
};
use entraide_core::transfer::{
    ConfirmationCode, EnvelopeError, GroupId, Kind, PersonId, RecipientKey, Seen, SignerKey,
};
use serde::{Deserialize, Serialize};

use crate::services::identity::{self, IdentityServiceError};
use crate::services::vault::{self, VaultServiceError};

const DOCUMENT: &str = "membership";
const BATCH: u64 = 21;
/// Version of the group charter shown before joining.
pub const CHARTER_VERSION: u8 = 1;

/// Why a group or pairing action failed. [`MembershipError::code`] picks the sentence shown.
#[derive(Debug, thiserror::Error)]
pub enum MembershipError {
    /// The vault refused or storage failed.
    #[error(transparent)]
    Vault(#[from] VaultServiceError),
    /// The identity could not be read.
    #[error(transparent)]
    Identity(#[from] IdentityServiceError),
    /// The payload was refused by core.
    #[error(transparent)]
    Pairing(#[from] PairingError),
    /// The stored document is unreadable.
    #[error("the membership document is unreadable: {0}")]
    Damaged(String),
    /// Already a member of the group this invitation is for.
    #[error("already in this group")]
    AlreadyMember,
    /// No such group on this phone.
    #[error("unknown group")]
    UnknownGroup,
    /// No pairing card is being shown.
    #[error("no pairing card shown")]
    NoOffer,
    /// The text holds something the group never keeps (core's guard).
    #[error(transparent)]
    Sensitive(#[from] entraide_core::guard::Refusal),
}

impl MembershipError {
    /// A stable code for the plain-language message shown to the person.
    pub fn code(&self) -> &'static str {
        match self {
            MembershipError::Pairing(PairingError::Envelope(e)) => envelope_code(e),
            MembershipError::Pairing(PairingError::InvalidName) => "invalid_name",
            MembershipError::Pairing(PairingError::OtherOffer) => "other_offer",
            MembershipError::Pairing(PairingError::OwnCode) => "own_code",
            MembershipError::AlreadyMember => "already_member",
            MembershipError::Sensitive(_) => "sensitive",
            MembershipError::Vault(VaultServiceError::Locked) => "locked",
            _ => "storage",
        }
    }
}

pub fn envelope_code(error: &EnvelopeError) -> &'static str {
    match error {
        EnvelopeError::UnexpectedKind(_) => "wrong_kind",
        EnvelopeError::WrongGroup => "wrong_group",
        EnvelopeError::Replayed => "replayed",
        EnvelopeError::NotForMe => "not_for_me",
        EnvelopeError::UnsupportedVersion(_) => "newer_version",
        _ => "damaged",
    }
}

/// Someone this phone knows through a pairing: their id, nickname and public keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Pseudonymous id.
    pub person: PersonId,
    /// Nickname.
    pub name: String,
    /// Their signing key.
    pub signer: SignerKey,
    /// Their receiving key.
    pub recipient: RecipientKey,
}

/// A member, as the animator's phone knows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Who.
    pub contact: Contact,
    /// The confirmation code both phones showed.
    pub code: String,
    /// When they joined (ms since 1970).
    pub joined_at: u64,
    /// Sequence number of their answer (forgotten from the replay guard if removed).
    pub seq: u64,
}

/// This phone's part in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupRole {
    /// Created it and shows its invitation.
    Animator,
    /// Joined it by scanning the invitation.
    Member,
}

/// A group on this phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// Its id.
    pub id: GroupId,
    /// Its name.
    pub name: String,
    /// This phone's role.
    pub role: GroupRole,
    /// The animator (this phone's own contact when it animates).
    pub animator: Contact,
    /// The invitation's exact bytes (animator) or the answer shown (member).
    pub shown: Vec<u8>,
    /// Members who joined (animator's phone only).
    pub members: Vec<Member>,
    /// The confirmation code (member's phone).
    pub code: Option<String>,
    /// When this phone created or joined it.
    pub since: u64,
}

/// A session pairing between a helper and a helped person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// The other person.
    pub partner: Contact,
    /// This phone's role.
    pub role: PairRole,
    /// The confirmation code both phones showed.
    pub code: String,
    /// When (ms since 1970).
    pub at: u64,
    /// The group it was made in.
    pub group: GroupId,
    /// The partner's payload sequence number (forgotten from the replay guard on undo).
    pub seq: u64,
}

/// Everything in the document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// Groups, oldest first.
    pub groups: Vec<Group>,
    /// Pairings, oldest first.
    pub pairings: Vec<Pairing>,
    /// Payloads already accepted.
    pub seen: Seen,
}

impl Membership {
    fn group_mut(&mut self, id: GroupId) -> Result<&mut Group, MembershipError> {
        self.groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(MembershipError::UnknownGroup)
    }

    /// The group sessions happen in: the first one (a pairing without a group uses a zero id).
    pub fn current_group(&self) -> GroupId {
        self.groups.first().map_or(GroupId([0; 16]), |g| g.id)
    }
}

thread_local! {
    /// The pairing card being shown (kept only while the page is open).
    static PAIR_OFFER: RefCell<Option<Vec<u8>>> = const { RefCell::new(None) };
}

/// Reads the document (empty if none yet).
pub async fn load() -> Result<Membership, MembershipError> {
    match vault::load_document(DOCUMENT).await? {
        Some(value) => {
            serde_json::from_value(value).map_err(|e| MembershipError::Damaged(e.to_string()))
        }
        None => Ok(Membership::default()),
    }
}

async fn save(membership: &Membership) -> Result<(), MembershipError> {
    let value =
        serde_json::to_value(membership).map_err(|e| MembershipError::Damaged(e.to_string()))?;
    vault::save_document(DOCUMENT, BATCH, value).await?;
    Ok(())
}

async fn nickname() -> Result<String, MembershipError> {
    Ok(crate::services::vault::current_profile().await?.nickname)
}

fn offer_contact(offer: &ReadOffer) -> Contact {
    Contact {
        person: offer.offer.person,
        name: offer.offer.name.clone(),
        signer: offer.sender,
        recipient: offer.offer.recipient,
    }
}

fn answer_contact(answer: &ReadAnswer) -> Contact {
    Contact {
        person: answer.answer.person,
        name: answer.answer.name.clone(),
        signer: answer.sender,
        recipient: answer.answer.recipient,
    }
}

/// Creates a group this phone animates, with its invitation ready to show.
pub async fn create_group(name: &str) -> Result<Group, MembershipError> {
    let name = pairing::check_name(name)?;
    entraide_core::guard::check(&name, entraide_core::guard::FieldKind::GroupName)?;
    let signer = identity::signer().await?;
    let me = nickname().await?;
    let id = GroupId::random();
    let purpose = Purpose::Join {
        group_name: name.clone(),
        charter: CHARTER_VERSION,
    };
    let invitation = pairing::make_offer(
        &signer.identity,
        id,
        signer.seq,
        purpose,
        signer.person,
        &me,
    )?;
    let group = Group {
        id,
        name,
        role: GroupRole::Animator,
        animator: Contact {
            person: signer.person,
            name: me,
            signer: signer.identity.signer(),
            recipient: signer.identity.recipient(),
        },
        shown: invitation,
        members: Vec::new(),
        code: None,
        since: vault::now_ms(),
    };
    let mut membership = load().await?;
    membership.groups.push(group.clone());
    save(&membership).await?;
    Ok(group)
}

/// Checks a scanned invitation (nothing is saved until the person accepts).
pub async fn read_invitation(bytes: &[u8]) -> Result<ReadOffer, MembershipError> {
    let (identity, _) = identity::current().await?;
    let offer = pairing::read_offer(bytes, &identity, None, &[Kind::Invitation])?;
    if load().await?.groups.iter().any(|g| g.id == offer.group) {
        return Err(MembershipError::AlreadyMember);
    }
    Ok(offer)
}

/// Joins the group of an accepted invitation: returns the answer to show and its code.
pub async fn join(offer: &ReadOffer) -> Result<(Vec<u8>, ConfirmationCode), MembershipError> {
    let Purpose::Join { group_name, .. } = &offer.offer.purpose else {
        return Err(PairingError::Envelope(EnvelopeError::UnexpectedKind(Kind::PairOffer)).into());
    };
    let signer = identity::signer().await?;
    let me = nickname().await?;
    let (answer, code) =
        pairing::make_answer(&signer.identity, offer, signer.seq, signer.person, &me)?;
    let mut membership = load().await?;
    membership.groups.retain(|g| g.id != offer.group);
    membership.groups.push(Group {
        id: offer.group,
        name: group_name.clone(),
        role: GroupRole::Member,
        animator: offer_contact(offer),
        shown: answer.clone(),
        members: Vec::new(),
        code: Some(code.to_string()),
        since: vault::now_ms(),
    });
    save(&membership).await?;
    Ok((answer, code))
}

/// The animator's phone reads a participant's answer to the group's invitation.
pub async fn accept_answer(group: GroupId, bytes: &[u8]) -> Result<Member, MembershipError> {
    let (identity, _) = identity::current().await?;
    let mut membership = load().await?;
    let invitation = membership.group_mut(group)?.shown.clone();
    let read = pairing::read_answer(bytes, &identity, &invitation, &membership.seen)?;
    let member = Member {
        contact: answer_contact(&read),
        code: read.code.to_string(),
        joined_at: vault::now_ms(),
        seq: read.seq,
    };
    membership.seen.record(read.sender, read.seq);
    let entry = membership.group_mut(group)?;
    entry
        .members
        .retain(|m| m.contact.person != member.contact.person);
    entry.members.push(member.clone());
    save(&membership).await?;
    Ok(member)
}

/// Undoes a member's joining (the animator's phone); they may scan the invitation again.
pub async fn remove_member(group: GroupId, person: PersonId) -> Result<(), MembershipError> {
    let mut membership = load().await?;
    let entry = membership.group_mut(group)?;
    let removed: Vec<Member> = entry
        .members
        .iter()
        .filter(|m| m.contact.person == person)
        .cloned()
        .collect();
    entry.members.retain(|m| m.contact.person != person);
    for member in removed {
        membership.seen.forget(member.contact.signer, member.seq);
    }
    save(&membership).await
}

/// Leaves a group (or deletes one this phone animates).
pub async fn leave_group(group: GroupId) -> Result<(), MembershipError> {
    let mut membership = load().await?;
    membership.groups.retain(|g| g.id != group);
    save(&membership).await
}

/// Makes this phone's pairing card for a session, in `role`.
pub async fn pair_offer(role: PairRole) -> Result<Vec<u8>, MembershipError> {
    let signer = identity::signer().await?;
    let me = nickname().await?;
    let group = load().await?.current_group();
    let purpose = Purpose::Pair { role, topic: None };
    let bytes = pairing::make_offer(
        &signer.identity,
        group,
        signer.seq,
        purpose,
        signer.person,
        &me,
    )?;
    PAIR_OFFER.with(|o| *o.borrow_mut() = Some(bytes.clone()));
    Ok(bytes)
}

/// Answers a scanned pairing card: returns the answer to show, and the pairing made.
pub async fn answer_pair(bytes: &[u8]) -> Result<(Vec<u8>, Pairing), MembershipError> {
    let (identity, _) = identity::current().await?;
    let mut membership = load().await?;
    let offer = pairing::read_offer(
        bytes,
        &identity,
        Some(membership.current_group()),
        &[Kind::PairOffer],
    )?;
    let Purpose::Pair { role, .. } = offer.offer.purpose else {
        return Err(PairingError::Envelope(EnvelopeError::UnexpectedKind(Kind::Invitation)).into());
    };
    let signer = identity::signer().await?;
    let me = nickname().await?;
    let (answer, code) =
        pairing::make_answer(&signer.identity, &offer, signer.seq, signer.person, &me)?;
    let pairing = Pairing {
        partner: offer_contact(&offer),
        role: role.other(),
        code: code.to_string(),
        at: vault::now_ms(),
        group: offer.group,
        seq: offer.seq,
    };
    membership
        .pairings
        .retain(|p| p.partner.person != pairing.partner.person);
    membership.pairings.push(pairing.clone());
    save(&membership).await?;
    Ok((answer, pairing))
}

/// Reads the answer to the pairing card this phone shows.
pub async fn accept_pair_answer(bytes: &[u8]) -> Result<Pairing, MembershipError> {
    let offer = PAIR_OFFER
        .with(|o| o.borrow().clone())
        .ok_or(MembershipError::NoOffer)?;
    let (identity, _) = identity::current().await?;
    let mut membership = load().await?;
    let read = pairing::read_answer(bytes, &identity, &offer, &membership.seen)?;
    let role = match read.offer.purpose {
        Purpose::Pair { role, .. } => role,
        Purpose::Join { .. } => return Err(MembershipError::NoOffer),
    };
    let pairing = Pairing {
        partner: answer_contact(&read),
        role,
        code: read.code.to_string(),
        at: vault::now_ms(),
        group: read.group,
        seq: read.seq,
    };
    membership.seen.record(read.sender, read.seq);
    membership
        .pairings
        .retain(|p| p.partner.person != pairing.partner.person);
    membership.pairings.push(pairing.clone());
    save(&membership).await?;
    Ok(pairing)
}

/// Undoes a pairing (either side); the same card may then be scanned again.
pub async fn undo_pairing(partner: PersonId) -> Result<(), MembershipError> {
    let mut membership = load().await?;
    let undone: Vec<Pairing> = membership
        .pairings
        .iter()
        .filter(|p| p.partner.person == partner)
        .cloned()
        .collect();
    membership.pairings.retain(|p| p.partner.person != partner);
    for pairing in undone {
        membership.seen.forget(pairing.partner.signer, pairing.seq);
    }
    save(&membership).await
}
