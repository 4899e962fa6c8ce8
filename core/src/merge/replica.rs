//! [`Replica`]: the group's record on one phone. It holds the signed changes the phone
//! knows, computes the record from them (`fold`), writes this phone's own changes, merges
//! changes from other phones, and says what another phone has not acknowledged yet.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::change::{Change, Stamp};
use super::error::MergeError;
use super::fold::{self, Anchor, Folder, Outcome, Refused, StoredChange};
use super::hlc::Hlc;
use super::op::{Audience, Op, OpKind};
use super::report::{Conflict, MergeReport, Rejection};
use super::version::VersionVector;
use crate::model::{GroupRecord, PersonId};
use crate::transfer::DeviceIdentity;

/// Format version of a saved replica.
pub const REPLICA_FORMAT: u8 = 1;
/// Most changes kept while waiting for their author's membership.
pub const MAX_PENDING: usize = 2000;
/// How many removal passes at most (a removal that invalidates its own remover…).
const MAX_PASSES: usize = 4;
/// After computing the whole record, a copy is kept as it was before the last this many
/// changes: a merge of changes all stamped after it starts from there, not from the start.
const CHECKPOINT_BACK: usize = 512;

/// The group's record on one phone.
pub struct Replica {
    anchor: Anchor,
    me: PersonId,
    clock: Hlc,
    next_seq: u64,
    store: BTreeMap<Stamp, StoredChange>,
    index: BTreeMap<(PersonId, u64), Stamp>,
    seen: VersionVector,
    folder: Folder,
    outcomes: BTreeMap<Stamp, Outcome>,
    /// The record as computed up to (and excluding) this stamp, and the outcomes until then.
    checkpoint: Option<(Stamp, Folder, BTreeMap<Stamp, Outcome>)>,
    checkpoint_back: usize,
    /// The smallest stamp inserted or removed since the last save (what must be saved again
    /// from there on); `Some(None)`-like "everything" is the first stamp.
    dirty_from: Option<Stamp>,
    /// Everything must be saved again (after opening, or a removal that rewrote history).
    all_dirty: bool,
}

/// A replica in parts, to save only what changed: a small header, and the changes in
/// segments of [`SEGMENT_LEN`] in stamp order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveParts {
    /// Anchor, this phone's member, clock, numbers, version vector.
    pub header: Vec<u8>,
    /// The segments that changed since the last save, by index.
    pub segments: Vec<(usize, Vec<u8>)>,
    /// How many segments the replica has now (later ones, if any, must be deleted).
    pub segment_count: usize,
}

/// Changes per saved segment: a tap rewrites at most this many changes (512 made a tap on
/// the budget-size record rewrite 2 MB; 64 keeps it near a hundred kilobytes there).
pub const SEGMENT_LEN: usize = 64;

#[derive(Serialize, Deserialize)]
struct SavedHeader {
    format: u8,
    anchor: Anchor,
    me: PersonId,
    clock: Hlc,
    next_seq: u64,
    seen: VersionVector,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    format: u8,
    anchor: Anchor,
    me: PersonId,
    clock: Hlc,
    next_seq: u64,
    seen: VersionVector,
    changes: Vec<StoredChange>,
}

impl std::fmt::Debug for Replica {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Replica")
            .field("group", &self.anchor.group)
            .field("me", &self.me)
            .field("changes", &self.store.len())
            .finish_non_exhaustive()
    }
}

impl Replica {
    /// An empty replica of the group anchored on `anchor`, for the member `me`.
    pub fn new(anchor: Anchor, me: PersonId) -> Replica {
        Replica {
            anchor,
            me,
            clock: Hlc::default(),
            next_seq: 1,
            store: BTreeMap::new(),
            index: BTreeMap::new(),
            seen: VersionVector::new(),
            folder: Folder::new(anchor, BTreeMap::new(), BTreeSet::new()),
            outcomes: BTreeMap::new(),
            checkpoint: None,
            checkpoint_back: CHECKPOINT_BACK,
            dirty_from: None,
            all_dirty: true,
        }
    }

    /// Keeps the checkpoint `n` changes back instead of 512 (tests exercise the path with
    /// short histories).
    #[doc(hidden)]
    pub fn set_checkpoint_back(&mut self, n: usize) {
        self.checkpoint_back = n;
    }

    /// The record as this phone knows it.
    pub fn record(&self) -> &GroupRecord {
        &self.folder.record
    }

    /// What the group is anchored on.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// This phone's member id.
    pub fn me(&self) -> PersonId {
        self.me
    }

    /// How many changes this phone holds.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// Whether it holds no change.
    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// Highest sequence number seen per author.
    pub fn version_vector(&self) -> &VersionVector {
        &self.seen
    }

    /// This phone's next sequence number.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Writes `ops` as this phone's member, at wall time `now_ms`, signed with `identity`.
    /// Ops are grouped into one change per audience and subject, in order. Nothing is
    /// written if any op is refused.
    pub fn write(
        &mut self,
        identity: &DeviceIdentity,
        now_ms: u64,
        ops: Vec<Op>,
    ) -> Result<Vec<Change>, MergeError> {
        if self.me != self.anchor.founder && self.folder.key_of(self.me) != Some(identity.signer())
        {
            return Err(MergeError::NotMember);
        }
        let mut groups: Vec<(Audience, Option<PersonId>, Vec<Op>)> = Vec::new();
        for op in ops {
            let key = (op.audience(), op.personal_subject());
            match groups.iter_mut().find(|(a, s, _)| (*a, *s) == key) {
                Some((_, _, list)) => list.push(op),
                None => groups.push((key.0, key.1, vec![op])),
            }
        }
        let mut changes = Vec::new();
        let (clock, seq) = (self.clock, self.next_seq);
        for (audience, subject, ops) in groups {
            let hlc = self.clock.tick(now_ms);
            let change = Change::sign(
                identity,
                self.anchor.group,
                self.me,
                self.next_seq,
                hlc,
                audience,
                subject,
                ops,
            )?;
            self.next_seq += 1;
            changes.push(change);
        }
        let incremental = changes.first().is_some_and(|c| {
            self.store
                .keys()
                .next_back()
                .is_none_or(|last| *last < c.stamp())
        });
        let mut added = Vec::new();
        let mut refusal = None;
        for change in &changes {
            let mut stored = StoredChange {
                change: change.clone(),
                verified_with: Some(identity.signer()),
            };
            let outcome = if incremental {
                self.folder.apply(&mut stored)
            } else {
                Outcome::Applied
            };
            if let Outcome::Refused(Refused::NotAllowed(what)) = outcome {
                refusal = Some(what);
                break;
            }
            let stamp = change.stamp();
            self.index.insert((change.author, change.seq), stamp);
            self.seen.see(change.author, change.audience, change.seq);
            self.outcomes.insert(stamp, outcome);
            self.store.insert(stamp, stored);
            self.touch(stamp);
            added.push(stamp);
        }
        if let Some(what) = refusal {
            for stamp in added {
                self.store.remove(&stamp);
                self.outcomes.remove(&stamp);
                self.index.retain(|_, s| *s != stamp);
            }
            self.clock = clock;
            self.next_seq = seq;
            self.seen = self.recompute_seen();
            self.refold();
            return Err(MergeError::NotAllowed(what));
        }
        if !incremental {
            self.refold();
            let refused = changes
                .iter()
                .find_map(|c| match self.outcomes.get(&c.stamp()) {
                    Some(Outcome::Refused(Refused::NotAllowed(what))) => Some(*what),
                    _ => None,
                });
            if let Some(what) = refused {
                for c in &changes {
                    self.remove(c.stamp());
                }
                self.clock = clock;
                self.next_seq = seq;
                self.seen = self.recompute_seen();
                self.refold();
                return Err(MergeError::NotAllowed(what));
            }
        }
        let removes = changes
            .iter()
            .flat_map(|c| &c.ops)
            .any(|op| matches!(op, Op::RemoveMember { .. }));
        if removes {
            // A removal is retroactive: compute the record again and drop what it erases.
            self.refold();
            self.prune(&BTreeSet::new());
        }
        Ok(changes)
    }

    fn touch(&mut self, stamp: Stamp) {
        self.dirty_from = Some(self.dirty_from.map_or(stamp, |d| d.min(stamp)));
    }

    fn remove(&mut self, stamp: Stamp) {
        self.touch(stamp);
        if let Some(stored) = self.store.remove(&stamp) {
            self.index
                .remove(&(stored.change.author, stored.change.seq));
        }
        self.outcomes.remove(&stamp);
    }

    fn recompute_seen(&self) -> VersionVector {
        let mut seen = self.seen.clone();
        seen.0.clear();
        for stored in self.store.values() {
            seen.see(
                stored.change.author,
                stored.change.audience,
                stored.change.seq,
            );
        }
        seen
    }

    /// Merges changes from other phones at wall time `now_ms`. Every change is checked;
    /// what is refused is reported and never stored; nothing already stored is lost.
    pub fn merge(&mut self, incoming: Vec<Change>, now_ms: u64) -> MergeReport {
        let mut report = MergeReport::default();
        let mut fresh: Vec<Stamp> = Vec::new();
        let mut watched = BTreeSet::new();
        for change in incoming {
            if let Err(e) = change.check_shape() {
                let reason = match e {
                    MergeError::Shape(what) => what,
                    _ => "values out of bounds",
                };
                report
                    .rejected
                    .push((change.author, Rejection::Malformed(reason)));
                continue;
            }
            if let Some(stamp) = self.index.get(&(change.author, change.seq)) {
                let same = self.store.get(stamp).is_some_and(|s| s.change == change);
                if same {
                    report.already_had += 1;
                } else {
                    report
                        .rejected
                        .push((change.author, Rejection::Conflicting));
                }
                continue;
            }
            let stamp = change.stamp();
            self.clock.observe(change.hlc, now_ms);
            watched.extend(fold::slots_of(&change));
            self.index.insert((change.author, change.seq), stamp);
            self.seen.see(change.author, change.audience, change.seq);
            self.store.insert(
                stamp,
                StoredChange {
                    change,
                    verified_with: None,
                },
            );
            self.touch(stamp);
            fresh.push(stamp);
        }
        if fresh.is_empty() {
            return report;
        }
        // A removal, a role or a key changes how changes before the checkpoint settle (a
        // key makes an earlier waiting change valid, retroactively): then everything is
        // computed again.
        let removes = fresh.iter().any(|stamp| {
            self.store
                .get(stamp)
                .is_some_and(|s| s.change.ops.iter().any(Op::is_membership))
        });
        let after_checkpoint = self
            .checkpoint
            .as_ref()
            .is_some_and(|(at, _, _)| fresh.iter().all(|s| s >= at));
        if after_checkpoint && !removes {
            self.refold_from_checkpoint(&watched);
        } else {
            self.refold_watching(&watched);
        }
        let fresh_set: BTreeSet<Stamp> = fresh.iter().copied().collect();
        // Records counted already, per author and kind (several fields of one member or
        // session count once).
        let mut tallied: BTreeSet<(PersonId, OpKind, [u8; 16])> = BTreeSet::new();
        for stamp in &fresh {
            let Some(stored) = self.store.get(stamp) else {
                continue;
            };
            let author = stored.change.author;
            match self.outcomes.get(stamp) {
                Some(Outcome::Applied) => {
                    let kinds = report.applied.entry(author).or_default();
                    for op in &stored.change.ops {
                        let new_record = op
                            .tallied_as()
                            .is_none_or(|id| tallied.insert((author, op.kind(), id)));
                        if new_record {
                            *kinds.entry(op.kind()).or_insert(0) += 1;
                        }
                    }
                }
                Some(Outcome::Pending) => report.pending += 1,
                Some(Outcome::Erased) => report.erased += 1,
                Some(Outcome::Refused(r)) => {
                    report.rejected.push((author, Rejection::Refused(*r)));
                }
                None => {}
            }
        }
        report.conflicts = self.conflicts(&fresh_set);
        self.prune(&fresh_set);
        report
    }

    fn conflicts(&self, fresh: &BTreeSet<Stamp>) -> Vec<Conflict> {
        let mut out = Vec::new();
        for (slot, writes) in &self.folder.writes {
            let Some(last) = writes.last() else { continue };
            let touched_by_fresh = writes.iter().any(|w| fresh.contains(&w.stamp));
            let differs = writes.iter().any(|w| w.value != last.value);
            let mut replaced: Vec<PersonId> = writes
                .iter()
                .filter(|w| w.value != last.value && w.stamp.author != last.stamp.author)
                .map(|w| w.stamp.author)
                .collect();
            replaced.sort();
            replaced.dedup();
            if touched_by_fresh && differs && !replaced.is_empty() {
                out.push(Conflict {
                    slot: *slot,
                    kept: last.stamp.author,
                    replaced,
                });
            }
        }
        out
    }

    /// Drops erased changes and those refused for good (a bad signature, a removed author),
    /// so a removed member's personal data is gone from memory and from what is saved. A
    /// change refused for what its author may write is kept, outside the record: an earlier
    /// change that has not arrived yet (a role, a tip's first version) may make it valid,
    /// and every phone must then settle it the same way. Waiting and such refused changes
    /// are bounded together: the newest beyond the bound are dropped.
    fn prune(&mut self, fresh: &BTreeSet<Stamp>) {
        let drop: Vec<Stamp> = self
            .outcomes
            .iter()
            .filter(|(_, o)| {
                matches!(
                    o,
                    Outcome::Erased
                        | Outcome::Refused(Refused::BadSignature | Refused::RemovedAuthor)
                )
            })
            .map(|(s, _)| *s)
            .collect();
        for stamp in drop {
            self.remove(stamp);
        }
        let held = |o: &Outcome| {
            matches!(
                o,
                Outcome::Pending | Outcome::Refused(Refused::NotAllowed(_))
            )
        };
        let newest: Vec<Stamp> = self
            .outcomes
            .iter()
            .filter(|(s, o)| held(o) && fresh.contains(s))
            .map(|(s, _)| *s)
            .collect();
        let total = self.outcomes.values().filter(|o| held(o)).count();
        let excess = total.saturating_sub(MAX_PENDING);
        for stamp in newest.into_iter().rev().take(excess) {
            self.remove(stamp);
        }
    }

    /// Computes the record again from every change held.
    fn refold(&mut self) {
        self.refold_watching(&BTreeSet::new());
    }

    fn refold_watching(&mut self, watched: &BTreeSet<fold::Slot>) {
        let mut assumed = BTreeMap::new();
        // Back by `checkpoint_back` changes or four times as many ops, whichever comes first.
        let mut ops = 0;
        let checkpoint_at = self
            .store
            .iter()
            .rev()
            .take_while(|(_, s)| {
                ops += s.change.ops.len();
                ops <= 4 * self.checkpoint_back
            })
            .take(self.checkpoint_back + 1)
            .last()
            .map(|(stamp, _)| *stamp);
        for pass in 0..MAX_PASSES {
            let mut folder = Folder::new(self.anchor, assumed.clone(), watched.clone());
            let mut outcomes = BTreeMap::new();
            let mut checkpoint = None;
            for (stamp, stored) in self.store.iter_mut() {
                if Some(*stamp) == checkpoint_at {
                    checkpoint = Some((*stamp, folder.clone(), outcomes.clone()));
                }
                outcomes.insert(*stamp, folder.apply(stored));
            }
            let settled = folder.removals == assumed || pass + 1 == MAX_PASSES;
            if settled {
                if assumed != self.folder.removals {
                    // A new removal: the member's key was forgotten in changes anywhere in
                    // history, and their personal changes were dropped.
                    self.all_dirty = true;
                }
                self.folder = folder;
                self.outcomes = outcomes;
                self.checkpoint = checkpoint;
                return;
            }
            assumed = folder.removals.clone();
        }
    }

    /// Computes the record again from the checkpoint: only the changes after it are applied.
    fn refold_from_checkpoint(&mut self, watched: &BTreeSet<fold::Slot>) {
        let Some((at, folder, outcomes)) = self.checkpoint.clone() else {
            self.refold_watching(watched);
            return;
        };
        let mut folder = folder;
        let mut outcomes = outcomes;
        folder.watch_slots(watched.clone());
        for (stamp, stored) in self.store.range_mut(at..) {
            outcomes.insert(*stamp, folder.apply(stored));
        }
        if folder.removals != *folder.assumed() {
            // A new removal among what was applied: compute everything again, retroactively.
            self.refold_watching(watched);
            return;
        }
        self.folder = folder;
        self.outcomes = outcomes;
    }

    /// The changes a phone that has seen `acked` lacks, of `audience` (all if `None`), in
    /// stamp order.
    pub fn delta(&self, acked: &VersionVector, audience: Option<Audience>) -> Vec<Change> {
        self.store
            .values()
            .filter(|s| !acked.covers(s.change.author, s.change.audience, s.change.seq))
            .filter(|s| audience.is_none_or(|a| s.change.audience == a))
            .map(|s| s.change.clone())
            .collect()
    }

    /// This phone's own changes that `acked` does not cover (what a participant hands
    /// over).
    pub fn own_after(&self, acked: &VersionVector) -> Vec<Change> {
        self.index
            .range((self.me, 1)..=(self.me, u64::MAX))
            .filter_map(|(_, stamp)| self.store.get(stamp))
            .filter(|s| !acked.covers(s.change.author, s.change.audience, s.change.seq))
            .map(|s| s.change.clone())
            .collect()
    }

    /// How many of this phone's own changes `acked` does not cover, by kind of op.
    pub fn own_kinds_after(&self, acked: &VersionVector) -> BTreeMap<OpKind, u32> {
        let mut out = BTreeMap::new();
        for change in self.own_after(acked) {
            for op in &change.ops {
                *out.entry(op.kind()).or_insert(0) += 1;
            }
        }
        out
    }

    /// The replica as bytes, to seal in the vault.
    pub fn to_bytes(&self) -> Result<Vec<u8>, MergeError> {
        let saved = Saved {
            format: REPLICA_FORMAT,
            anchor: self.anchor,
            me: self.me,
            clock: self.clock,
            next_seq: self.next_seq,
            seen: self.seen.clone(),
            changes: self.store.values().cloned().collect(),
        };
        postcard::to_allocvec(&saved).map_err(|_| MergeError::Encoding)
    }

    /// What to save since the last call: the header, and the segments from the first one
    /// that changed. Marks the replica saved.
    pub fn save_parts(&mut self) -> Result<SaveParts, MergeError> {
        let header = postcard::to_allocvec(&SavedHeader {
            format: REPLICA_FORMAT,
            anchor: self.anchor,
            me: self.me,
            clock: self.clock,
            next_seq: self.next_seq,
            seen: self.seen.clone(),
        })
        .map_err(|_| MergeError::Encoding)?;
        let first_dirty = if self.all_dirty {
            0
        } else {
            match self.dirty_from {
                Some(stamp) => self.store.range(..stamp).count() / SEGMENT_LEN,
                None => usize::MAX,
            }
        };
        let all: Vec<&StoredChange> = self.store.values().collect();
        let segment_count = all.len().div_ceil(SEGMENT_LEN);
        let mut segments = Vec::new();
        for (index, chunk) in all.chunks(SEGMENT_LEN).enumerate().skip(first_dirty) {
            let bytes = postcard::to_allocvec(chunk).map_err(|_| MergeError::Encoding)?;
            segments.push((index, bytes));
        }
        self.dirty_from = None;
        self.all_dirty = false;
        Ok(SaveParts {
            header,
            segments,
            segment_count,
        })
    }

    /// Marks everything as to be saved again: after a save of [`Replica::save_parts`]'s
    /// output failed, the next save writes every segment, so nothing is left unsaved.
    pub fn mark_unsaved(&mut self) {
        self.all_dirty = true;
    }

    /// A replica back from its saved parts (header and every segment, in order). Signatures
    /// already checked are trusted (the vault's encryption authenticates what it stored).
    pub fn from_parts(header: &[u8], segments: &[Vec<u8>]) -> Result<Replica, MergeError> {
        let format = *header.first().ok_or(MergeError::Damaged)?;
        if format > REPLICA_FORMAT {
            return Err(MergeError::NewerVersion(format));
        }
        let saved: SavedHeader = match postcard::take_from_bytes(header) {
            Ok((saved, [])) => saved,
            _ => return Err(MergeError::Damaged),
        };
        let mut replica = Replica::new(saved.anchor, saved.me);
        replica.clock = saved.clock;
        replica.next_seq = saved.next_seq;
        replica.seen = saved.seen;
        // Saved with another segment length (an earlier version): the next save rewrites
        // every segment, so the stored ones line up with the new length again.
        let mut other_length = false;
        for (i, segment) in segments.iter().enumerate() {
            let changes: Vec<StoredChange> = match postcard::take_from_bytes(segment) {
                Ok((changes, [])) => changes,
                _ => return Err(MergeError::Damaged),
            };
            let last = i + 1 == segments.len();
            other_length |= changes.len() > SEGMENT_LEN || (!last && changes.len() != SEGMENT_LEN);
            for stored in changes {
                let stamp = stored.change.stamp();
                replica
                    .index
                    .insert((stored.change.author, stored.change.seq), stamp);
                replica.store.insert(stamp, stored);
            }
        }
        replica.refold();
        replica.all_dirty = other_length;
        Ok(replica)
    }

    /// A replica back from [`Replica::to_bytes`]. Signatures already checked are trusted
    /// (the vault's encryption authenticates what it stored).
    pub fn from_bytes(bytes: &[u8]) -> Result<Replica, MergeError> {
        let format = *bytes.first().ok_or(MergeError::Damaged)?;
        if format > REPLICA_FORMAT {
            return Err(MergeError::NewerVersion(format));
        }
        let saved: Saved = match postcard::take_from_bytes(bytes) {
            Ok((saved, [])) => saved,
            _ => return Err(MergeError::Damaged),
        };
        let mut replica = Replica::new(saved.anchor, saved.me);
        replica.clock = saved.clock;
        replica.next_seq = saved.next_seq;
        replica.seen = saved.seen;
        for stored in saved.changes {
            let stamp = stored.change.stamp();
            replica
                .index
                .insert((stored.change.author, stored.change.seq), stamp);
            replica.store.insert(stamp, stored);
        }
        replica.refold();
        Ok(replica)
    }
}
