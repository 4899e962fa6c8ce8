//! The things the group's record is made of, as every screen reads them: the group, its
//! members, sessions, the needs and help groups of a session, help given, tips, votes,
//! evaluations, difficulties met with services, and each member's self-assessment levels.
//! These are plain values; who may write them and how concurrent writes settle is
//! `core::merge`'s job.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::categories::{AdminArea, AgeBand, Autonomy, Device, Gender, Referral, Track};
use super::day::Day;
use super::ids::{PersonId, RecordId, TopicId};
use crate::assessment::GroupTopics;
use crate::matching::RepeatPolicy;
use crate::transfer::{RecipientKey, SignerKey};

/// A version of the group's charter ("charte du bon comportement").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharterVersion {
    /// 1, 2, 3…: a member accepts a version, and is asked again when a newer one exists.
    pub version: u16,
    /// The charter's text, in plain French.
    pub text: String,
    /// When the animator published it.
    pub published: Day,
}

/// How the group runs its sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Minutes of help time proposed by default (30–45 in the field).
    pub help_minutes: u16,
    /// Whether the matching avoids or prefers pairs that met before.
    pub repeat: RepeatPolicy,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            help_minutes: 45,
            repeat: RepeatPolicy::Avoid,
        }
    }
}

/// The group itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct GroupInfo {
    /// Its name.
    pub name: String,
    /// Where it usually meets ("Maison de quartier, salle Rivière").
    pub place: String,
    /// How it runs.
    pub settings: Settings,
    /// Its topic list (the built-in topics, adapted by the animator).
    pub topics: GroupTopics,
    /// Every version of its charter, oldest first.
    pub charter: Vec<CharterVersion>,
}

impl GroupInfo {
    /// The charter in force (the highest version), if the group has one.
    pub fn current_charter(&self) -> Option<&CharterVersion> {
        self.charter.iter().max_by_key(|c| c.version)
    }

    /// The number the next charter version takes.
    pub fn next_charter_version(&self) -> u16 {
        self.current_charter()
            .map_or(1, |c| c.version.saturating_add(1))
    }
}

/// A member's role in the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MemberRole {
    /// Leads the group: writes everything, names co-animators, removes members.
    Animator,
    /// Helps lead: writes sessions, check-ins and help groups, not roles.
    CoAnimator,
    /// Takes part: writes their own need, help, tips, votes and evaluations.
    Participant,
}

impl MemberRole {
    /// Whether the role may write what only animators write (sessions, help groups…).
    pub fn animates(self) -> bool {
        matches!(self, MemberRole::Animator | MemberRole::CoAnimator)
    }
}

/// Optional facts a person chose to give (never asked without their agreement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Age band, if given.
    pub age_band: Option<AgeBand>,
    /// Gender, if given.
    pub gender: Option<Gender>,
    /// When the person agreed to give them.
    pub agreed_on: Day,
}

/// A charter version a member accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CharterAcceptance {
    /// The version accepted.
    pub version: u16,
    /// When.
    pub on: Day,
}

/// A member of the group. Once removed, every personal field is empty on every phone that
/// merged the removal; the id stays so that anonymous counts still add up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// Pseudonymous id.
    pub person: PersonId,
    /// First name or nickname (personal).
    pub nickname: Option<String>,
    /// Key their phone signs with (personal; none for a person without a phone).
    pub signer: Option<SignerKey>,
    /// Key their phone receives with (personal).
    pub recipient: Option<RecipientKey>,
    /// Their role.
    pub role: MemberRole,
    /// When they joined.
    pub joined_on: Option<Day>,
    /// The latest charter version they accepted.
    pub charter: Option<CharterAcceptance>,
    /// Whether they come with a phone of their own (the animator records for those who don't).
    pub has_phone: bool,
    /// Optional facts given with their agreement (personal).
    pub facts: Option<Facts>,
    /// When they left the group, if they did.
    pub left_on: Option<Day>,
    /// Removed by an animator: personal fields are erased.
    pub removed: bool,
}

impl Member {
    /// A member known only by id so far.
    pub fn new(person: PersonId) -> Member {
        Member {
            person,
            nickname: None,
            signer: None,
            recipient: None,
            role: MemberRole::Participant,
            joined_on: None,
            charter: None,
            has_phone: true,
            facts: None,
            left_on: None,
            removed: false,
        }
    }

    /// Still in the group (not removed, not left).
    pub fn active(&self) -> bool {
        !self.removed && self.left_on.is_none()
    }

    /// The name to show: the nickname, or a neutral word once erased.
    pub fn display_name(&self, french: bool) -> String {
        match (&self.nickname, french) {
            (Some(n), _) => n.clone(),
            (None, true) => "Ancien membre".to_string(),
            (None, false) => "Former member".to_string(),
        }
    }
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SessionState {
    /// Planned for a date.
    Planned,
    /// Running now.
    Open,
    /// Over; its data is handed over.
    Closed,
}

/// A session of the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// Its id.
    pub id: RecordId,
    /// Its date.
    pub date: Day,
    /// Where ("salle Rivière").
    pub place: String,
    /// Beginners or confirmed.
    pub track: Track,
    /// Themes chosen for it (topic ids), often from the last vote.
    pub themes: Vec<TopicId>,
    /// Planned, open or closed.
    pub state: SessionState,
}

/// What a person needs today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Need {
    /// The topic, or none ("nothing today, I can help").
    pub topic: Option<TopicId>,
    /// The device they brought.
    pub device: Option<Device>,
    /// Willing to help today.
    pub helps: bool,
}

/// A confirmed help group: one helper, one or two helped people, one topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpGroup {
    /// Who shows.
    pub helper: PersonId,
    /// Who is shown (one or two).
    pub helped: Vec<PersonId>,
    /// On what.
    pub topic: TopicId,
}

/// One help given, to one person (the Coop's export has one row per person helped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpGiven {
    /// Its id ([`RecordId::help`] of session, helper, helped).
    pub id: RecordId,
    /// The session.
    pub session: RecordId,
    /// Who helped.
    pub helper: PersonId,
    /// Who was helped.
    pub helped: PersonId,
    /// On what.
    pub topic: Option<TopicId>,
    /// With which device.
    pub device: Option<Device>,
    /// How long, in minutes.
    pub minutes: Option<u16>,
    /// How autonomous the helped person felt after.
    pub autonomy: Option<Autonomy>,
    /// Sent to a relay for what peers must not do.
    pub referred: Option<Referral>,
}

/// A tip of the group's living library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tip {
    /// Its id.
    pub id: RecordId,
    /// The tip.
    pub text: String,
    /// Its topic, if any.
    pub topic: Option<TopicId>,
    /// Who wrote it first.
    pub author: PersonId,
    /// The session it was shared in, if any.
    pub session: Option<RecordId>,
    /// When it was written.
    pub written_on: Day,
    /// How many times it was edited since.
    pub edits: u32,
    /// Who edited it last (the author if never edited).
    pub last_editor: PersonId,
}

/// A person's short evaluation of a session: smiley answers, 1 (sad) to 5 (happy), one per
/// question, in the order of the questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// The answers.
    pub answers: Vec<u8>,
}

/// A difficulty met with a public service or a company, noted without personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difficulty {
    /// Its id.
    pub id: RecordId,
    /// The session it was noted in, if any.
    pub session: Option<RecordId>,
    /// When.
    pub on: Day,
    /// The service or company ("CAF", "ameli", "la banque").
    pub service: String,
    /// Its administrative area.
    pub area: Option<AdminArea>,
    /// What went wrong.
    pub what: String,
    /// Who noted it.
    pub author: PersonId,
}

/// One topic of a self-assessment, as the record keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicLevel {
    /// 0 never done, 1 with help, 2 on my own, 3 can show someone.
    pub level: u8,
    /// 0 to 5 stars.
    pub stars: u8,
    /// Would like to learn it.
    pub wants: bool,
}

/// A member's self-assessment at one date (personal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skills {
    /// When it was taken (or asked aloud by the animator).
    pub on: Day,
    /// Per topic.
    pub topics: BTreeMap<TopicId, TopicLevel>,
}

impl Skills {
    /// The levels for matching (topic → 0–3).
    pub fn levels(&self) -> BTreeMap<TopicId, u8> {
        self.topics
            .iter()
            .map(|(t, l)| (t.clone(), l.level))
            .collect()
    }

    /// Topics the person can show someone.
    pub fn can_show(&self) -> BTreeSet<&str> {
        self.topics
            .iter()
            .filter(|(_, l)| l.level >= 3)
            .map(|(t, _)| t.as_str())
            .collect()
    }
}
