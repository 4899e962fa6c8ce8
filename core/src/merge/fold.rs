//! Computing the group's record from the changes a phone holds: every change, in stamp
//! order, is checked (author known and not removed, signature, permission) and its ops are
//! applied. Applying in stamp order makes every field last-writer-wins; tombstones make
//! deletions final; sets only grow. The record is therefore a function of the set of
//! changes alone, whatever order they arrived in: that is what makes the merge commutative,
//! associative and idempotent.
//!
//! Removals are retroactive: a removed member's personal changes are skipped (erased), and
//! their own changes count only if the removal vouches for them. Since a removal is itself
//! a change checked like any other, the record is computed again until the set of removals
//! no longer changes (one extra pass when there is any removal).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::change::{Change, Stamp};
use super::op::{ChangeDigest, HelpFields, Op};
use super::rules;
use crate::model::{
    Difficulty, GroupId, GroupRecord, HelpGiven, Member, MemberRole, PersonId, RecordId, Session,
    SessionState, Tip, Track,
};
use crate::transfer::SignerKey;

/// What a group is anchored on: its id, its founder and the founder's signing key (learnt
/// from the invitation the phone scanned, or made when the group was created).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The group.
    pub group: GroupId,
    /// Its founder, an animator from the start.
    pub founder: PersonId,
    /// The founder's signing key.
    pub founder_key: SignerKey,
}

/// A change as a phone keeps it, with the key its signature was checked with (so that
/// opening the record does not check thousands of signatures again: the vault's own
/// encryption authenticates what it stores).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredChange {
    /// The change.
    pub change: Change,
    /// The key that verified it, if checked.
    pub verified_with: Option<SignerKey>,
}

/// What became of one change in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Its ops are in the record.
    Applied,
    /// Its author is not known yet: kept, waiting for their membership.
    Pending,
    /// Personal data of a removed member: dropped.
    Erased,
    /// Refused for this reason.
    Refused(Refused),
}

/// Why a change is not in the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The signature does not match the author's key.
    BadSignature,
    /// The author was removed, and the removal does not vouch for this change.
    RemovedAuthor,
    /// An op the author may not write.
    NotAllowed(rules::Refusal),
}

/// A write to one field, kept to tell of conflicts settled: which change, and a
/// fingerprint of the value written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotWrite {
    /// The change.
    pub stamp: Stamp,
    /// The value's encoding.
    pub value: Vec<u8>,
}

/// A field written by several people (need, help, tip, evaluation, session plan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// A person's need at a session.
    Need(RecordId, PersonId),
    /// One field of a help given (0 topic, 1 device, 2 minutes, 3 autonomy, 4 referral).
    Help(RecordId, u8),
    /// A tip's text and topic.
    Tip(RecordId),
    /// A person's evaluation.
    Evaluation(RecordId, PersonId),
    /// A session's date, place and track.
    SessionPlan(RecordId),
}

/// The record being computed, with what the rules need along the way.
#[derive(Clone)]
pub struct Folder {
    anchor: Anchor,
    /// The record so far.
    pub record: GroupRecord,
    keys: BTreeMap<PersonId, SignerKey>,
    roles: BTreeMap<PersonId, MemberRole>,
    assumed_removed: BTreeMap<PersonId, BTreeSet<ChangeDigest>>,
    /// Removals met so far, with the digests they vouch for.
    pub removals: BTreeMap<PersonId, BTreeSet<ChangeDigest>>,
    deleted: BTreeSet<RecordId>,
    /// Help records whose autonomy the helped person or an animator gave (the helper's
    /// guess never replaces it).
    autonomy_from_helped: BTreeSet<RecordId>,
    watched: BTreeSet<Slot>,
    /// Writes to watched slots, in order.
    pub writes: BTreeMap<Slot, Vec<SlotWrite>>,
    /// The last stamp applied.
    pub last: Option<Stamp>,
}

impl Folder {
    /// An empty record anchored on `anchor`, taking removals in `assumed_removed` as known
    /// and keeping the writes to `watched` slots.
    pub fn new(
        anchor: Anchor,
        assumed_removed: BTreeMap<PersonId, BTreeSet<ChangeDigest>>,
        watched: BTreeSet<Slot>,
    ) -> Folder {
        let mut keys = BTreeMap::new();
        keys.insert(anchor.founder, anchor.founder_key);
        let mut roles = BTreeMap::new();
        roles.insert(anchor.founder, MemberRole::Animator);
        Folder {
            anchor,
            record: GroupRecord::new(anchor.group),
            keys,
            roles,
            assumed_removed,
            removals: BTreeMap::new(),
            deleted: BTreeSet::new(),
            autonomy_from_helped: BTreeSet::new(),
            watched,
            writes: BTreeMap::new(),
            last: None,
        }
    }

    /// Watches `slots` from now on (writes before this point are not kept).
    pub fn watch_slots(&mut self, slots: BTreeSet<Slot>) {
        self.watched = slots;
        self.writes.clear();
    }

    /// The removals this record was computed assuming.
    pub fn assumed(&self) -> &BTreeMap<PersonId, BTreeSet<ChangeDigest>> {
        &self.assumed_removed
    }

    /// The key `person` signs with now, if known.
    pub fn key_of(&self, person: PersonId) -> Option<SignerKey> {
        self.keys.get(&person).copied()
    }

    /// Checks one change and applies it. `stored.verified_with` is filled in when the
    /// signature is checked here.
    pub fn apply(&mut self, stored: &mut StoredChange) -> Outcome {
        let change = &stored.change;
        if let Some(subject) = change.subject {
            if self.assumed_removed.contains_key(&subject) {
                return Outcome::Erased;
            }
        }
        let author = change.author;
        if let Some(vouched) = self.assumed_removed.get(&author) {
            if !vouched.contains(&change.digest(self.anchor.group)) {
                return Outcome::Refused(Refused::RemovedAuthor);
            }
            // The removal vouches for it; the removed member's key is forgotten.
            stored.verified_with = None;
        } else {
            let Some(key) = self.key_of(author) else {
                return Outcome::Pending;
            };
            if stored.verified_with != Some(key) {
                if !change.verify(self.anchor.group, key) {
                    return Outcome::Refused(Refused::BadSignature);
                }
                stored.verified_with = Some(key);
            }
        }
        let change = &stored.change;
        let role = self
            .roles
            .get(&author)
            .copied()
            .unwrap_or(MemberRole::Participant);
        for op in &change.ops {
            if let Err(what) = rules::check(op, author, role, self.anchor.founder, &self.record) {
                return Outcome::Refused(Refused::NotAllowed(what));
            }
        }
        let stamp = change.stamp();
        for op in &change.ops {
            self.apply_op(op, stamp);
        }
        self.last = Some(stamp);
        Outcome::Applied
    }

    fn member(&mut self, person: PersonId) -> &mut Member {
        self.record
            .members
            .entry(person)
            .or_insert_with(|| Member::new(person))
    }

    fn watch(&mut self, slot: Slot, stamp: Stamp, value: Vec<u8>) {
        if self.watched.contains(&slot) {
            self.writes
                .entry(slot)
                .or_default()
                .push(SlotWrite { stamp, value });
        }
    }

    fn session(&mut self, id: RecordId) -> Option<&mut Session> {
        if self.deleted.contains(&id) {
            return None;
        }
        Some(self.record.sessions.entry(id).or_insert_with(|| Session {
            id,
            date: crate::model::Day(0),
            place: String::new(),
            track: Track::Beginners,
            themes: Vec::new(),
            state: SessionState::Planned,
        }))
    }

    fn apply_op(&mut self, op: &Op, stamp: Stamp) {
        let author = stamp.author;
        match op {
            Op::GroupName(name) => self.record.info.name = name.clone(),
            Op::GroupPlace(place) => self.record.info.place = place.clone(),
            Op::GroupSettings(settings) => self.record.info.settings = settings.clone(),
            Op::GroupTopics(topics) => self.record.info.topics = topics.clone(),
            Op::Relay(relay) => {
                self.record
                    .relays
                    .insert(relay.id.clone(), (**relay).clone());
            }
            Op::RelayDeleted { id } => {
                self.record.relays.remove(id);
            }
            Op::Charter(version) => {
                let charter = &mut self.record.info.charter;
                charter.retain(|c| c.version != version.version);
                charter.push(version.clone());
                charter.sort_by_key(|c| c.version);
            }
            Op::MemberRole { person, role } => {
                self.roles.insert(*person, *role);
                self.member(*person).role = *role;
            }
            Op::MemberJoined {
                person,
                on,
                has_phone,
            } => {
                let member = self.member(*person);
                member.joined_on = Some(*on);
                member.has_phone = *has_phone;
            }
            Op::MemberNickname { person, nickname } => {
                self.member(*person).nickname = Some(nickname.clone());
            }
            Op::MemberKeys {
                person,
                signer,
                recipient,
            } => {
                self.keys.insert(*person, *signer);
                let member = self.member(*person);
                member.signer = Some(*signer);
                member.recipient = Some(*recipient);
            }
            Op::MemberFacts { person, facts } => self.member(*person).facts = facts.clone(),
            Op::CharterAccepted {
                person,
                version,
                on,
            } => {
                let member = self.member(*person);
                if member.charter.is_none_or(|c| c.version <= *version) {
                    member.charter = Some(crate::model::CharterAcceptance {
                        version: *version,
                        on: *on,
                    });
                }
            }
            Op::MemberLeft { person, on } => self.member(*person).left_on = Some(*on),
            Op::RemoveMember { person, vouched } => {
                self.removals
                    .entry(*person)
                    .or_default()
                    .extend(vouched.iter().copied());
                self.keys.remove(person);
                self.record.skills.remove(person);
                let member = self.member(*person);
                member.removed = true;
                member.nickname = None;
                member.signer = None;
                member.recipient = None;
                member.facts = None;
            }
            Op::Skills { person, skills } => {
                let history = self.record.skills.entry(*person).or_default();
                history.retain(|s| s.on != skills.on);
                history.push(skills.clone());
                history.sort_by_key(|s| s.on);
            }
            Op::SessionPlan {
                session,
                date,
                place,
                track,
            } => {
                let value = postcard::to_allocvec(&(date, place, track)).unwrap_or_default();
                if let Some(s) = self.session(*session) {
                    s.date = *date;
                    s.place = place.clone();
                    s.track = *track;
                    self.watch(Slot::SessionPlan(*session), stamp, value);
                }
            }
            Op::SessionThemes { session, themes } => {
                if let Some(s) = self.session(*session) {
                    s.themes = themes.clone();
                }
            }
            Op::SessionState { session, state } => {
                if let Some(s) = self.session(*session) {
                    s.state = *state;
                }
            }
            Op::SessionDeleted { session } => {
                self.deleted.insert(*session);
                self.record.sessions.remove(session);
                self.record.help_groups.remove(session);
                self.record.attendance.retain(|(s, _)| s != session);
                self.record.left_early.retain(|(s, _)| s != session);
                self.record.needs.retain(|(s, _), _| s != session);
            }
            Op::Attend { session, person } => {
                if !self.deleted.contains(session) {
                    self.record.attendance.insert((*session, *person));
                }
            }
            Op::LeftEarly { session, person } => {
                if !self.deleted.contains(session) {
                    self.record.left_early.insert((*session, *person));
                }
            }
            Op::Need {
                session,
                person,
                need,
            } => {
                if !self.deleted.contains(session) {
                    self.record.needs.insert((*session, *person), need.clone());
                    let value = postcard::to_allocvec(need).unwrap_or_default();
                    self.watch(Slot::Need(*session, *person), stamp, value);
                }
            }
            Op::HelpGroups { session, groups } => {
                if !self.deleted.contains(session) {
                    self.record.help_groups.insert(*session, groups.clone());
                }
            }
            Op::Help {
                session,
                helper,
                helped,
                fields,
            } => self.apply_help(*session, *helper, *helped, fields, stamp),
            Op::HelpDeleted { help } => {
                self.deleted.insert(*help);
                self.record.help.remove(help);
            }
            Op::Tip {
                tip,
                text,
                topic,
                session,
                on,
            } => {
                if self.deleted.contains(tip) {
                    return;
                }
                let value = postcard::to_allocvec(&(text, topic)).unwrap_or_default();
                self.watch(Slot::Tip(*tip), stamp, value);
                match self.record.tips.get_mut(tip) {
                    Some(existing) => {
                        existing.text = text.clone();
                        existing.topic = topic.clone();
                        if existing.session.is_none() {
                            existing.session = *session;
                        }
                        existing.edits = existing.edits.saturating_add(1);
                        existing.last_editor = author;
                    }
                    None => {
                        self.record.tips.insert(
                            *tip,
                            Tip {
                                id: *tip,
                                text: text.clone(),
                                topic: topic.clone(),
                                author,
                                session: *session,
                                written_on: *on,
                                edits: 0,
                                last_editor: author,
                            },
                        );
                    }
                }
            }
            Op::TipDeleted { tip } => {
                self.deleted.insert(*tip);
                self.record.tips.remove(tip);
            }
            Op::Vote {
                session,
                person,
                topic,
            } => {
                self.record.votes.insert((*session, *person, topic.clone()));
            }
            Op::Evaluation {
                session,
                person,
                answers,
            } => {
                self.record.evaluations.insert(
                    (*session, *person),
                    crate::model::Evaluation {
                        answers: answers.clone(),
                    },
                );
                self.watch(Slot::Evaluation(*session, *person), stamp, answers.clone());
            }
            Op::Difficulty {
                id,
                session,
                on,
                service,
                area,
                what,
            } => {
                if self.deleted.contains(id) {
                    return;
                }
                let first_author = self
                    .record
                    .difficulties
                    .get(id)
                    .map_or(author, |d| d.author);
                self.record.difficulties.insert(
                    *id,
                    Difficulty {
                        id: *id,
                        session: *session,
                        on: *on,
                        service: service.clone(),
                        area: *area,
                        what: what.clone(),
                        author: first_author,
                    },
                );
            }
            Op::DifficultyDeleted { id } => {
                self.deleted.insert(*id);
                self.record.difficulties.remove(id);
            }
        }
    }

    fn apply_help(
        &mut self,
        session: RecordId,
        helper: PersonId,
        helped: PersonId,
        fields: &HelpFields,
        stamp: Stamp,
    ) {
        let id = RecordId::help(session, helper, helped);
        if self.deleted.contains(&id) || self.deleted.contains(&session) {
            return;
        }
        let author = stamp.author;
        let by_helper_only =
            author == helper && !self.roles.get(&author).is_some_and(|r| r.animates());
        let keep_autonomy = by_helper_only && self.autonomy_from_helped.contains(&id);
        if fields.autonomy.is_some() && !by_helper_only {
            self.autonomy_from_helped.insert(id);
        }
        let mut writes: Vec<(u8, Vec<u8>)> = Vec::new();
        let help = self.record.help.entry(id).or_insert_with(|| HelpGiven {
            id,
            session,
            helper,
            helped,
            topic: None,
            device: None,
            minutes: None,
            autonomy: None,
            referred: None,
        });
        if let Some(topic) = &fields.topic {
            help.topic = Some(topic.clone());
            writes.push((0, topic.as_bytes().to_vec()));
        }
        if let Some(device) = fields.device {
            help.device = Some(device);
            writes.push((1, vec![device as u8]));
        }
        if let Some(minutes) = fields.minutes {
            help.minutes = Some(minutes);
            writes.push((2, minutes.to_be_bytes().to_vec()));
        }
        if let Some(autonomy) = fields.autonomy {
            if !keep_autonomy {
                help.autonomy = Some(autonomy);
                writes.push((3, vec![autonomy as u8]));
            }
        }
        if let Some(referred) = fields.referred {
            help.referred = Some(referred);
            writes.push((4, vec![referred as u8]));
        }
        for (field, value) in writes {
            self.watch(Slot::Help(id, field), stamp, value);
        }
    }
}

/// The slots `change` writes to (to watch them for conflicts).
pub fn slots_of(change: &Change) -> Vec<Slot> {
    let mut out = Vec::new();
    for op in &change.ops {
        match op {
            Op::Need {
                session, person, ..
            } => out.push(Slot::Need(*session, *person)),
            Op::Help {
                session,
                helper,
                helped,
                fields,
            } => {
                let id = RecordId::help(*session, *helper, *helped);
                let present = [
                    fields.topic.is_some(),
                    fields.device.is_some(),
                    fields.minutes.is_some(),
                    fields.autonomy.is_some(),
                    fields.referred.is_some(),
                ];
                for (field, set) in present.iter().enumerate() {
                    if *set {
                        out.push(Slot::Help(id, field as u8));
                    }
                }
            }
            Op::Tip { tip, .. } => out.push(Slot::Tip(*tip)),
            Op::Evaluation {
                session, person, ..
            } => out.push(Slot::Evaluation(*session, *person)),
            Op::SessionPlan { session, .. } => out.push(Slot::SessionPlan(*session)),
            _ => {}
        }
    }
    out
}
