//! What a change does: one [`Op`] per write. Each op names the record it writes, and says
//! who may see it ([`Audience`]), whose personal data it is (erased when that member is
//! removed), and what it is for the plain-French summary of a merge ([`OpKind`]).
//!
//! Ops are appended only: their order in this enum is part of the wire format (postcard
//! numbers variants), so new ones go at the end.

use serde::{Deserialize, Serialize};

use crate::assessment::GroupTopics;
use crate::model::limits::{self, LimitError};
use crate::model::{
    AdminArea, Autonomy, CharterVersion, Day, Device, Facts, HelpGroup, MemberRole, Need, PersonId,
    RecordId, Referral, SessionState, Settings, Skills, TopicId, Track,
};
use crate::relay::Relay;
use crate::transfer::{RecipientKey, SignerKey};

/// Who may read a change once it travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Every member: travels in the animator's hand-back.
    Group,
    /// The animators only: travels to them, never back to the room.
    Animators,
}

/// A digest naming one change (what a removal vouches for).
pub type ChangeDigest = [u8; 16];

/// The help given fields one op sets (`None`: left as it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct HelpFields {
    /// On what.
    pub topic: Option<TopicId>,
    /// With which device.
    pub device: Option<Device>,
    /// How long.
    pub minutes: Option<u16>,
    /// How autonomous after.
    pub autonomy: Option<Autonomy>,
    /// Sent to a relay.
    pub referred: Option<Referral>,
}

/// One write to the group's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// The group's name (animators).
    GroupName(String),
    /// Where the group usually meets (animators).
    GroupPlace(String),
    /// How the group runs its sessions (animators).
    GroupSettings(Settings),
    /// The group's topic list (animators).
    GroupTopics(GroupTopics),
    /// A new charter version (animators).
    Charter(CharterVersion),
    /// A member's role (animators; co-animators may not).
    MemberRole {
        /// Who.
        person: PersonId,
        /// Their role.
        role: MemberRole,
    },
    /// A member joined (animators).
    MemberJoined {
        /// Who.
        person: PersonId,
        /// When.
        on: Day,
        /// Whether they have a phone of their own.
        has_phone: bool,
    },
    /// A member's nickname (personal: animators or the person).
    MemberNickname {
        /// Who.
        person: PersonId,
        /// Their nickname.
        nickname: String,
    },
    /// A member's phone keys (personal: animators).
    MemberKeys {
        /// Whose.
        person: PersonId,
        /// Signing key.
        signer: SignerKey,
        /// Receiving key.
        recipient: RecipientKey,
    },
    /// Optional facts given with agreement, or withdrawn (personal: the person or animators).
    MemberFacts {
        /// Whose.
        person: PersonId,
        /// The facts (`None`: agreement withdrawn).
        facts: Option<Facts>,
    },
    /// A member accepted a charter version (the person, or animators for someone without a
    /// phone).
    CharterAccepted {
        /// Who.
        person: PersonId,
        /// The version.
        version: u16,
        /// When.
        on: Day,
    },
    /// A member left the group (the person or animators).
    MemberLeft {
        /// Who.
        person: PersonId,
        /// When.
        on: Day,
    },
    /// A member removed: their personal data is erased everywhere (animators, not
    /// co-animators). The digests are the changes they wrote that stay valid.
    RemoveMember {
        /// Who.
        person: PersonId,
        /// Changes they wrote before, that the remover vouches for.
        vouched: Vec<ChangeDigest>,
    },
    /// A self-assessment (personal: the person, or animators asking aloud).
    Skills {
        /// Whose.
        person: PersonId,
        /// The levels.
        skills: Skills,
    },
    /// A session's date, place and track (animators).
    SessionPlan {
        /// Which session.
        session: RecordId,
        /// When.
        date: Day,
        /// Where.
        place: String,
        /// Which track.
        track: Track,
    },
    /// A session's themes (animators).
    SessionThemes {
        /// Which session.
        session: RecordId,
        /// Topic ids.
        themes: Vec<TopicId>,
    },
    /// A session opens or closes (animators).
    SessionState {
        /// Which session.
        session: RecordId,
        /// Its state.
        state: SessionState,
    },
    /// A session deleted (animators).
    SessionDeleted {
        /// Which.
        session: RecordId,
    },
    /// A person checked in (animators).
    Attend {
        /// Which session.
        session: RecordId,
        /// Who.
        person: PersonId,
    },
    /// Today's need of a person (the person or animators).
    Need {
        /// Which session.
        session: RecordId,
        /// Whose.
        person: PersonId,
        /// The need.
        need: Need,
    },
    /// The confirmed help groups of a session (animators).
    HelpGroups {
        /// Which session.
        session: RecordId,
        /// The groups.
        groups: Vec<HelpGroup>,
    },
    /// Help given (the helper, the helped person or animators).
    Help {
        /// The session.
        session: RecordId,
        /// Who helped.
        helper: PersonId,
        /// Who was helped.
        helped: PersonId,
        /// The fields this op sets.
        fields: HelpFields,
    },
    /// A help record deleted, written by mistake (animators).
    HelpDeleted {
        /// Its id.
        help: RecordId,
    },
    /// A tip written or edited (anyone; edits by its author or animators).
    Tip {
        /// Its id.
        tip: RecordId,
        /// The text.
        text: String,
        /// Its topic.
        topic: Option<TopicId>,
        /// The session it is shared in.
        session: Option<RecordId>,
        /// When it was written or edited.
        on: Day,
    },
    /// A tip deleted (its author or animators).
    TipDeleted {
        /// Its id.
        tip: RecordId,
    },
    /// A vote for a theme of the next session (the person or animators).
    Vote {
        /// The session voted in.
        session: RecordId,
        /// Who votes.
        person: PersonId,
        /// For which topic.
        topic: TopicId,
    },
    /// A short evaluation of a session (the person, or animators for someone without a phone).
    Evaluation {
        /// Which session.
        session: RecordId,
        /// Whose.
        person: PersonId,
        /// Smiley answers, 1 to 5.
        answers: Vec<u8>,
    },
    /// A difficulty met with a service (anyone).
    Difficulty {
        /// Its id.
        id: RecordId,
        /// The session, if any.
        session: Option<RecordId>,
        /// When.
        on: Day,
        /// The service or company.
        service: String,
        /// Its administrative area.
        area: Option<AdminArea>,
        /// What went wrong.
        what: String,
    },
    /// A difficulty deleted (its author or animators).
    DifficultyDeleted {
        /// Its id.
        id: RecordId,
    },
    /// A person left the session before the end (the person or animators).
    LeftEarly {
        /// Which session.
        session: RecordId,
        /// Who.
        person: PersonId,
    },
    /// A relay of the directory added or replaced, by its id (animators).
    Relay(Box<Relay>),
    /// A relay taken out of the directory (animators).
    RelayDeleted {
        /// Its id.
        id: String,
    },
}

/// What an op is, for the plain-French summary of what came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OpKind {
    /// Group name, place, settings, topics.
    Group,
    /// A charter version.
    Charter,
    /// Members, roles, keys.
    Member,
    /// A charter accepted.
    CharterAccepted,
    /// A self-assessment.
    Skills,
    /// Sessions.
    Session,
    /// A check-in.
    Attendance,
    /// A need.
    Need,
    /// Help groups.
    HelpGroups,
    /// Help given.
    Help,
    /// A tip.
    Tip,
    /// A vote.
    Vote,
    /// An evaluation.
    Evaluation,
    /// A difficulty.
    Difficulty,
    /// Deletions and removals.
    Deletion,
    /// A relay of the directory.
    Relay,
}

impl Op {
    /// Its kind.
    pub fn kind(&self) -> OpKind {
        match self {
            Op::GroupName(_) | Op::GroupPlace(_) | Op::GroupSettings(_) | Op::GroupTopics(_) => {
                OpKind::Group
            }
            Op::Charter(_) => OpKind::Charter,
            Op::MemberRole { .. }
            | Op::MemberJoined { .. }
            | Op::MemberNickname { .. }
            | Op::MemberKeys { .. }
            | Op::MemberFacts { .. }
            | Op::MemberLeft { .. } => OpKind::Member,
            Op::CharterAccepted { .. } => OpKind::CharterAccepted,
            Op::Skills { .. } => OpKind::Skills,
            Op::SessionPlan { .. } | Op::SessionThemes { .. } | Op::SessionState { .. } => {
                OpKind::Session
            }
            Op::Attend { .. } | Op::LeftEarly { .. } => OpKind::Attendance,
            Op::Need { .. } => OpKind::Need,
            Op::HelpGroups { .. } => OpKind::HelpGroups,
            Op::Help { .. } => OpKind::Help,
            Op::Tip { .. } => OpKind::Tip,
            Op::Vote { .. } => OpKind::Vote,
            Op::Evaluation { .. } => OpKind::Evaluation,
            Op::Difficulty { .. } => OpKind::Difficulty,
            Op::Relay(_) => OpKind::Relay,
            Op::SessionDeleted { .. }
            | Op::HelpDeleted { .. }
            | Op::TipDeleted { .. }
            | Op::DifficultyDeleted { .. }
            | Op::RelayDeleted { .. }
            | Op::RemoveMember { .. } => OpKind::Deletion,
        }
    }

    /// The record this op is one field of, when several ops write one record (a member's
    /// joining, nickname and keys; a session's plan, themes and state), so that a merge
    /// counts people and sessions, not fields. `None`: the op is a record of its own.
    pub fn tallied_as(&self) -> Option<[u8; 16]> {
        match self {
            Op::MemberRole { person, .. }
            | Op::MemberJoined { person, .. }
            | Op::MemberNickname { person, .. }
            | Op::MemberKeys { person, .. }
            | Op::MemberFacts { person, .. }
            | Op::MemberLeft { person, .. } => Some(person.0),
            Op::SessionPlan { session, .. }
            | Op::SessionThemes { session, .. }
            | Op::SessionState { session, .. } => Some(session.0),
            _ => None,
        }
    }

    /// Who may read it: what concerns one person's help, needs, levels and facts stays with
    /// the animators; the rest goes back to the whole group.
    pub fn audience(&self) -> Audience {
        match self {
            Op::MemberFacts { .. }
            | Op::Skills { .. }
            | Op::Attend { .. }
            | Op::LeftEarly { .. }
            | Op::Need { .. }
            | Op::Help { .. }
            | Op::HelpDeleted { .. }
            | Op::Evaluation { .. }
            | Op::Difficulty { .. }
            | Op::DifficultyDeleted { .. } => Audience::Animators,
            _ => Audience::Group,
        }
    }

    /// The member whose personal data this is (erased when they are removed), if any. Such
    /// an op travels in a change of its own subject.
    pub fn personal_subject(&self) -> Option<PersonId> {
        match self {
            Op::MemberNickname { person, .. }
            | Op::MemberKeys { person, .. }
            | Op::MemberFacts { person, .. }
            | Op::Skills { person, .. } => Some(*person),
            _ => None,
        }
    }

    /// Whether the op changes who belongs to the group, their roles or keys (these are
    /// settled first when the record is computed).
    pub fn is_membership(&self) -> bool {
        matches!(
            self,
            Op::MemberRole { .. } | Op::MemberKeys { .. } | Op::RemoveMember { .. }
        )
    }

    /// Checks every value against the record's bounds.
    pub fn check_limits(&self) -> Result<(), LimitError> {
        use limits::{items, optional_text, range, text, topic, MAX_NAME_CHARS, MAX_TEXT_CHARS};
        match self {
            Op::GroupName(name) => text("group name", name, MAX_NAME_CHARS, false),
            Op::GroupPlace(place) => optional_text("place", place, MAX_NAME_CHARS),
            Op::GroupSettings(s) => range("minutes", s.help_minutes, 5..=limits::MAX_MINUTES),
            Op::GroupTopics(t) => {
                items("topics", t.hidden.len() + t.local.len(), limits::MAX_ITEMS)?;
                t.hidden.iter().try_for_each(|id| topic(id))?;
                t.local.iter().try_for_each(|l| topic(&l.id))
            }
            Op::Charter(c) => {
                range("charter version", c.version, 1..=u16::MAX)?;
                text("charter", &c.text, limits::MAX_CHARTER_CHARS, true)
            }
            Op::MemberNickname { nickname, .. } => text(
                "nickname",
                nickname,
                crate::transfer::pairing::MAX_NAME_CHARS,
                false,
            ),
            Op::CharterAccepted { version, .. } => range("charter version", *version, 1..=u16::MAX),
            Op::RemoveMember { vouched, .. } => items("vouched", vouched.len(), 100_000),
            Op::Skills { skills, .. } => {
                items("skills", skills.topics.len(), limits::MAX_ITEMS)?;
                for (id, level) in &skills.topics {
                    topic(id)?;
                    range("level", level.level, 0..=3)?;
                    range("stars", level.stars, 0..=5)?;
                }
                Ok(())
            }
            Op::SessionPlan { place, .. } => optional_text("place", place, MAX_NAME_CHARS),
            Op::SessionThemes { themes, .. } => {
                items("themes", themes.len(), limits::MAX_ITEMS)?;
                themes.iter().try_for_each(|t| topic(t))
            }
            Op::Need { need, .. } => need.topic.as_deref().map_or(Ok(()), topic),
            Op::HelpGroups { groups, .. } => {
                items("groups", groups.len(), limits::MAX_ITEMS)?;
                for g in groups {
                    topic(&g.topic)?;
                    range("helped", g.helped.len(), 1..=2)?;
                    if g.helped.contains(&g.helper) {
                        return Err(LimitError::Range { field: "helped" });
                    }
                }
                Ok(())
            }
            Op::Help {
                helper,
                helped,
                fields,
                ..
            } => {
                if helper == helped {
                    return Err(LimitError::Range { field: "helped" });
                }
                fields.topic.as_deref().map_or(Ok(()), topic)?;
                fields
                    .minutes
                    .map_or(Ok(()), |m| range("minutes", m, 1..=limits::MAX_MINUTES))
            }
            Op::Tip {
                text: t,
                topic: top,
                ..
            } => {
                text("tip", t, MAX_TEXT_CHARS, true)?;
                top.as_deref().map_or(Ok(()), topic)
            }
            Op::Vote { topic: t, .. } => topic(t),
            Op::Evaluation { answers, .. } => {
                range("answers", answers.len(), 1..=limits::MAX_EVALUATION_ANSWERS)?;
                answers.iter().try_for_each(|a| range("answer", *a, 1..=5))
            }
            Op::Difficulty { service, what, .. } => {
                text("service", service, MAX_NAME_CHARS, false)?;
                text("difficulty", what, MAX_TEXT_CHARS, true)
            }
            Op::Relay(relay) => limits::relay(relay),
            Op::RelayDeleted { id } => text("relay id", id, limits::MAX_RELAY_ID, false),
            Op::MemberRole { .. }
            | Op::MemberJoined { .. }
            | Op::MemberKeys { .. }
            | Op::MemberFacts { .. }
            | Op::MemberLeft { .. }
            | Op::SessionState { .. }
            | Op::SessionDeleted { .. }
            | Op::Attend { .. }
            | Op::LeftEarly { .. }
            | Op::HelpDeleted { .. }
            | Op::TipDeleted { .. }
            | Op::DifficultyDeleted { .. } => Ok(()),
        }
    }
}
