//! [`GroupRecord`]: the group's record as one phone knows it, the value every screen reads.
//! It is computed by `core::merge` from the signed changes the phone holds; a participant's
//! phone holds its share (the group, the members' nicknames and keys, sessions, help groups,
//! tips, and its own records), an animator's phone holds everything.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::entities::{
    Difficulty, Evaluation, GroupInfo, HelpGiven, HelpGroup, Member, MemberRole, Need, Session,
    Skills, Tip,
};
use super::ids::{GroupId, PersonId, RecordId, TopicId};
use crate::relay::Relay;

/// The group's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRecord {
    /// The group's id.
    pub group: GroupId,
    /// Name, place, settings, topics, charter.
    pub info: GroupInfo,
    /// Everyone who ever joined, by id (removed members keep only their id and role).
    pub members: BTreeMap<PersonId, Member>,
    /// Sessions, by id.
    pub sessions: BTreeMap<RecordId, Session>,
    /// Who came to which session.
    pub attendance: BTreeSet<(RecordId, PersonId)>,
    /// Who left a session before its end.
    pub left_early: BTreeSet<(RecordId, PersonId)>,
    /// Each person's need of the day, per session.
    pub needs: BTreeMap<(RecordId, PersonId), Need>,
    /// The help groups the animator confirmed, per session.
    pub help_groups: BTreeMap<RecordId, Vec<HelpGroup>>,
    /// Help given, by id.
    pub help: BTreeMap<RecordId, HelpGiven>,
    /// The tips library, by id.
    pub tips: BTreeMap<RecordId, Tip>,
    /// Votes for the next session's themes: (session voted in, voter, topic).
    pub votes: BTreeSet<(RecordId, PersonId, TopicId)>,
    /// Short evaluations, per session and person.
    pub evaluations: BTreeMap<(RecordId, PersonId), Evaluation>,
    /// Difficulties met with services, by id.
    pub difficulties: BTreeMap<RecordId, Difficulty>,
    /// Self-assessments per member, oldest first.
    pub skills: BTreeMap<PersonId, Vec<Skills>>,
    /// The directory of relays (places and professionals that take over), by id.
    #[serde(default)]
    pub relays: BTreeMap<String, Relay>,
}

impl GroupRecord {
    /// An empty record of group `group`.
    pub fn new(group: GroupId) -> GroupRecord {
        GroupRecord {
            group,
            info: GroupInfo::default(),
            members: BTreeMap::new(),
            sessions: BTreeMap::new(),
            attendance: BTreeSet::new(),
            left_early: BTreeSet::new(),
            needs: BTreeMap::new(),
            help_groups: BTreeMap::new(),
            help: BTreeMap::new(),
            tips: BTreeMap::new(),
            votes: BTreeSet::new(),
            evaluations: BTreeMap::new(),
            difficulties: BTreeMap::new(),
            skills: BTreeMap::new(),
            relays: BTreeMap::new(),
        }
    }

    /// The charter `person` has yet to accept: the one in force, when they are an active
    /// member who accepted an older version or none. Animators write the charter and are
    /// never asked (co-animators are, like every member).
    pub fn charter_to_accept(&self, person: PersonId) -> Option<&super::CharterVersion> {
        let current = self.info.current_charter()?;
        let member = self
            .member(person)
            .filter(|m| m.active() && m.role != MemberRole::Animator)?;
        match member.charter {
            Some(accepted) if accepted.version >= current.version => None,
            _ => Some(current),
        }
    }

    /// The relays of the directory, by name.
    pub fn relays_by_name(&self) -> Vec<&Relay> {
        let mut out: Vec<&Relay> = self.relays.values().collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
        out
    }

    /// A member by id.
    pub fn member(&self, person: PersonId) -> Option<&Member> {
        self.members.get(&person)
    }

    /// Members still in the group, in nickname order.
    pub fn active_members(&self) -> Vec<&Member> {
        let mut out: Vec<&Member> = self.members.values().filter(|m| m.active()).collect();
        out.sort_by(|a, b| a.nickname.cmp(&b.nickname).then(a.person.cmp(&b.person)));
        out
    }

    /// Active animators and co-animators.
    pub fn animators(&self) -> Vec<&Member> {
        self.members
            .values()
            .filter(|m| m.active() && m.role.animates())
            .collect()
    }

    /// The role of `person`, if they are an active member.
    pub fn role_of(&self, person: PersonId) -> Option<MemberRole> {
        self.member(person).filter(|m| m.active()).map(|m| m.role)
    }

    /// The name to show for `person`.
    pub fn name_of(&self, person: PersonId, french: bool) -> String {
        match self.member(person) {
            Some(m) => m.display_name(french),
            None => Member::new(person).display_name(french),
        }
    }

    /// Sessions, by date then id.
    pub fn sessions_by_date(&self) -> Vec<&Session> {
        let mut out: Vec<&Session> = self.sessions.values().collect();
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        out
    }

    /// People checked in at `session` (including those who left early).
    pub fn attended(&self, session: RecordId) -> Vec<PersonId> {
        self.attendance
            .range((session, PersonId([0; 16]))..=(session, PersonId([0xff; 16])))
            .map(|(_, p)| *p)
            .collect()
    }

    /// People in the room at `session`: checked in, not gone.
    pub fn present(&self, session: RecordId) -> Vec<PersonId> {
        self.attended(session)
            .into_iter()
            .filter(|p| !self.left_early.contains(&(session, *p)))
            .collect()
    }

    /// Help given in `session`.
    pub fn help_in(&self, session: RecordId) -> Vec<&HelpGiven> {
        self.help
            .values()
            .filter(|h| h.session == session)
            .collect()
    }

    /// Tips shared in `session`.
    pub fn tips_of(&self, session: RecordId) -> Vec<&Tip> {
        self.tips
            .values()
            .filter(|t| t.session == Some(session))
            .collect()
    }

    /// The latest self-assessment of `person`.
    pub fn latest_skills(&self, person: PersonId) -> Option<&Skills> {
        self.skills.get(&person).and_then(|s| s.last())
    }

    /// The help group `person` is in at `session`, if any.
    pub fn help_group_of(&self, session: RecordId, person: PersonId) -> Option<&HelpGroup> {
        self.help_groups
            .get(&session)?
            .iter()
            .find(|g| g.helper == person || g.helped.contains(&person))
    }

    /// Pairs of (helper, helped) who met in earlier sessions (for matching's history).
    pub fn earlier_pairs(&self, before: RecordId) -> BTreeSet<(PersonId, PersonId)> {
        let date = self.sessions.get(&before).map(|s| s.date);
        self.help
            .values()
            .filter(|h| h.session != before)
            .filter(|h| match (date, self.sessions.get(&h.session)) {
                (Some(d), Some(s)) => s.date <= d,
                _ => true,
            })
            .map(|h| (h.helper, h.helped))
            .collect()
    }
}
