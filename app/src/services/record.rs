//! The group's record on this phone: each group's replica (core's `merge::Replica`) kept in
//! the vault as a header and segments of changes, so a tap saves only the last segment;
//! every save goes through one ordered queue, so an older save never lands after a newer
//! one; and on first unlock the documents of earlier versions (groups, members, topics) move
//! into it with nothing lost (the old document stays in the vault, untouched).

use crate::services::identity::{self, IdentityServiceError};
use crate::services::vault::{self, VaultServiceError};
use base64::Engine;
use entraide_core::assessment::GroupTopics;
use entraide_core::merge::ledger::{Ledger, LedgerError};
use entraide_core::merge::{MergeError, Replica};
use entraide_core::model::legacy::{catch_up, migrate, LegacyMembership, MigrateError};
use entraide_core::transfer::GroupId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};

/// The list of groups this phone keeps a record of.
const INDEX: &str = "records";
/// The earlier version's documents.
const LEGACY_MEMBERSHIP: &str = "membership";
const LEGACY_TOPICS: &str = "group-topics";
const INDEX_FORMAT: u8 = 1;

/// Why the record could not be read, moved or saved.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The vault refused or storage failed.
    #[error(transparent)]
    Vault(#[from] VaultServiceError),
    /// This phone's keys are unreadable.
    #[error(transparent)]
    Identity(#[from] IdentityServiceError),
    /// A stored replica is unreadable.
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The earlier documents could not be moved.
    #[error(transparent)]
    Migrate(#[from] MigrateError),
    /// A stored transfer ledger is unreadable.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// A stored document is not what it should be.
    #[error("a stored record document is unreadable: {0}")]
    Damaged(String),
    /// A save did not reach storage; the next save writes everything again.
    #[error("the last changes of a group could not be saved")]
    Unsaved,
    /// No such group on this phone.
    #[error("this group is not on this phone")]
    UnknownGroup,
}

impl RecordError {
    /// What to tell the person, in plain French (`french`) or English; the detail goes to
    /// the console.
    pub fn message(&self, french: bool) -> &'static str {
        match (self, french) {
            (RecordError::Vault(VaultServiceError::Locked), true) => {
                "Le coffre est fermé. Ouvrez-le avec votre phrase secrète, puis recommencez."
            }
            (RecordError::Vault(VaultServiceError::Locked), false) => {
                "The vault is locked. Open it with your passphrase, then try again."
            }
            (RecordError::Unsaved, true) | (RecordError::Vault(_), true) => {
                "Vos dernières modifications n'ont pas pu être enregistrées sur ce téléphone. \
                 Elles sont gardées en mémoire : gardez l'application ouverte, elles seront \
                 réessayées au prochain changement."
            }
            (RecordError::Unsaved, false) | (RecordError::Vault(_), false) => {
                "Your last changes could not be saved on this phone. They are kept in memory: \
                 keep the app open, saving is tried again at the next change."
            }
            (RecordError::UnknownGroup, true) => "Ce groupe n'est pas sur ce téléphone.",
            (RecordError::UnknownGroup, false) => "This group is not on this phone.",
            (_, true) => {
                "Les données du groupe sur ce téléphone sont illisibles. Rien n'a été effacé : \
                 restaurez votre dernière sauvegarde depuis « Réglages »."
            }
            (_, false) => {
                "The group's data on this phone is unreadable. Nothing was erased: restore \
                 your last backup from \"Settings\"."
            }
        }
    }
}

/// One group in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The group's id, in hex.
    pub group: String,
    /// Its name as this phone knows it (a member's record stays empty until the animator's
    /// first hand-back).
    pub name: String,
    /// Whether this phone animates it.
    pub animates: bool,
    /// When this phone created or joined it (ms since 1970).
    pub since: u64,
}

/// The groups this phone keeps, and whether the earlier documents were moved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordIndex {
    /// Format of this document.
    pub format: u8,
    /// Groups, oldest first.
    pub groups: Vec<IndexEntry>,
    /// How many groups came from the earlier version's documents.
    pub migrated: usize,
}

/// A replica's header as stored: its bytes and how many segments follow.
#[derive(Serialize, Deserialize)]
struct StoredHeader {
    bytes: String,
    segments: usize,
}

/// A segment as stored.
#[derive(Serialize, Deserialize)]
struct StoredSegment {
    bytes: String,
}

fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes)
}

fn decode(text: &str) -> Result<Vec<u8>, RecordError> {
    base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(text)
        .map_err(|e| RecordError::Damaged(e.to_string()))
}

fn header_name(group: &str) -> String {
    format!("record/{group}/header")
}

fn ledger_name(group: &str) -> String {
    format!("record/{group}/ledger")
}

/// A transfer ledger as stored.
#[derive(Serialize, Deserialize)]
struct StoredLedger {
    bytes: String,
}

fn segment_name(group: &str, i: usize) -> String {
    format!("record/{group}/{i}")
}

/// The sealed batch's id for a document: derived from its name, so that a blob moved under
/// another name fails to open as that document.
fn batch_of(name: &str) -> u64 {
    let digest = Sha256::digest(name.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) | (1 << 63)
}

fn document(name: String, value: serde_json::Value) -> (String, u64, serde_json::Value) {
    let batch = batch_of(&name);
    (name, batch, value)
}

fn to_value<T: Serialize>(value: &T) -> Result<serde_json::Value, RecordError> {
    serde_json::to_value(value).map_err(|e| RecordError::Damaged(e.to_string()))
}

/// Every group's record on this phone, open in memory.
#[derive(Debug, Default)]
pub struct Book {
    index: RecordIndex,
    replicas: BTreeMap<GroupId, Replica>,
    /// Each group's transfer ledger (saved with its replica, in the same transaction).
    ledgers: BTreeMap<GroupId, Ledger>,
    /// Segments stored or queued per group (to blank those a removal made stale).
    segments: BTreeMap<GroupId, usize>,
}

impl Book {
    /// The groups, oldest first.
    pub fn groups(&self) -> &[IndexEntry] {
        &self.index.groups
    }

    /// How many groups came from the earlier version's documents.
    pub fn migrated(&self) -> usize {
        self.index.migrated
    }

    /// One group's replica.
    pub fn replica(&self, group: GroupId) -> Option<&Replica> {
        self.replicas.get(&group)
    }

    /// One group's replica, to write into; call [`Book::save`] after.
    pub fn replica_mut(&mut self, group: GroupId) -> Option<&mut Replica> {
        self.replicas.get_mut(&group)
    }

    /// One group's replica and transfer ledger, to exchange codes; call [`Book::save`]
    /// after.
    pub fn exchange_mut(&mut self, group: GroupId) -> Option<(&mut Replica, &mut Ledger)> {
        let replica = self.replicas.get_mut(&group)?;
        let ledger = self.ledgers.entry(group).or_default();
        Some((replica, ledger))
    }

    /// One group's transfer ledger (a fresh one if it never exchanged a code).
    pub fn ledger(&self, group: GroupId) -> Ledger {
        self.ledgers
            .get(&group)
            .cloned()
            .unwrap_or_else(Ledger::new)
    }

    /// Adds (or replaces) a group's replica; saved by the next [`Book::save`].
    pub fn add(&mut self, replica: Replica, name: &str, animates: bool, since: u64) {
        let group = replica.anchor().group;
        let hex = group.to_hex();
        self.index.groups.retain(|g| g.group != hex);
        self.index.groups.push(IndexEntry {
            group: hex,
            name: name.to_string(),
            animates,
            since,
        });
        self.replicas.insert(group, replica);
    }

    /// Queues the save of what changed in `group` since its last save, with the index, in one
    /// transaction. Returns at once; [`flush`] waits until everything queued is stored.
    pub fn save(&mut self, group: GroupId) -> Result<(), RecordError> {
        let hex = group.to_hex();
        let index = to_value(&self.index)?;
        let replica = self
            .replicas
            .get_mut(&group)
            .ok_or(RecordError::UnknownGroup)?;
        if QUEUE.with(|q| q.borrow_mut().failed.remove(&group)) {
            // An earlier save of this group was lost: write it whole.
            replica.mark_unsaved();
        }
        let parts = replica.save_parts()?;
        let mut documents = vec![document(INDEX.to_string(), index)];
        if let Some(ledger) = self.ledgers.get(&group) {
            documents.push(document(
                ledger_name(&hex),
                to_value(&StoredLedger {
                    bytes: encode(&ledger.to_bytes()),
                })?,
            ));
        }
        documents.push(document(
            header_name(&hex),
            to_value(&StoredHeader {
                bytes: encode(&parts.header),
                segments: parts.segment_count,
            })?,
        ));
        for (i, bytes) in &parts.segments {
            documents.push(document(
                segment_name(&hex, *i),
                to_value(&StoredSegment {
                    bytes: encode(bytes),
                })?,
            ));
        }
        // Blank the segments beyond the new end, so nothing erased lingers.
        let before = self
            .segments
            .insert(group, parts.segment_count)
            .unwrap_or(0);
        for i in parts.segment_count..before {
            documents.push(document(
                segment_name(&hex, i),
                to_value(&StoredSegment {
                    bytes: String::new(),
                })?,
            ));
        }
        let blobs = match vault::seal_documents(&documents) {
            Ok(blobs) => blobs,
            Err(e) => {
                replica.mark_unsaved();
                return Err(e.into());
            }
        };
        QUEUE.with(|q| q.borrow_mut().push(Job { group, blobs }));
        Ok(())
    }

    /// Queues the save of every group (after the move of the earlier documents).
    pub fn save_all(&mut self) -> Result<(), RecordError> {
        let groups: Vec<GroupId> = self.replicas.keys().copied().collect();
        for group in groups {
            self.save(group)?;
        }
        Ok(())
    }
}

/// What [`open`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The records saved earlier.
    Stored,
    /// This many groups were moved from the earlier version's documents.
    Migrated(usize),
    /// Nothing yet: no group on this phone.
    Empty,
}

/// Reads every group's record from the open vault, then brings it up to date with the
/// earlier version's document, which the group screens still write: groups not yet in a
/// record move into one (all of them on the first unlock after the update), and the groups
/// this phone animates catch up with members who joined or were removed since.
pub async fn open() -> Result<(Book, Opened), RecordError> {
    let mut book = match vault::load_document(INDEX).await? {
        Some(value) => {
            let index: RecordIndex =
                serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?;
            let mut replicas = BTreeMap::new();
            let mut segments = BTreeMap::new();
            let mut ledgers = BTreeMap::new();
            for entry in &index.groups {
                let (replica, count) = load_replica(&entry.group).await?;
                let group = replica.anchor().group;
                if let Some(ledger) = load_ledger(&entry.group).await? {
                    ledgers.insert(group, ledger);
                }
                segments.insert(group, count);
                replicas.insert(group, replica);
            }
            Book {
                index,
                replicas,
                ledgers,
                segments,
            }
        }
        None => Book {
            index: RecordIndex {
                format: INDEX_FORMAT,
                ..RecordIndex::default()
            },
            ..Book::default()
        },
    };
    let legacy: LegacyMembership = match vault::load_document(LEGACY_MEMBERSHIP).await? {
        Some(value) => {
            serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?
        }
        None => LegacyMembership::default(),
    };
    if legacy.groups.is_empty() {
        let opened = if book.replicas.is_empty() {
            Opened::Empty
        } else {
            Opened::Stored
        };
        return Ok((book, opened));
    }
    let (device, me) = identity::current().await?;
    let now = vault::now_ms();
    let mut to_save: Vec<GroupId> = Vec::new();
    for group in &legacy.groups {
        if let Some(replica) = book.replicas.get_mut(&group.id) {
            if catch_up(group, replica, &device, now)? > 0 {
                to_save.push(group.id);
            }
        }
    }
    let missing = LegacyMembership {
        groups: legacy
            .groups
            .iter()
            .filter(|g| !book.replicas.contains_key(&g.id))
            .cloned()
            .collect(),
        pairings: Vec::new(),
        seen: legacy.seen.clone(),
    };
    let moved = missing.groups.len();
    if moved > 0 {
        let topics: Option<GroupTopics> = match vault::load_document(LEGACY_TOPICS).await? {
            Some(value) => Some(
                serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?,
            ),
            None => None,
        };
        let nickname = vault::current_profile().await?.nickname;
        for group in migrate(&missing, topics.as_ref(), me, &device, &nickname, now)? {
            to_save.push(group.replica.anchor().group);
            book.add(group.replica, &group.name, group.animates, group.since);
        }
        book.index.migrated += moved;
    }
    for group in to_save {
        book.save(group)?;
    }
    flush().await?;
    let opened = if moved > 0 {
        Opened::Migrated(moved)
    } else {
        Opened::Stored
    };
    Ok((book, opened))
}

async fn load_ledger(group: &str) -> Result<Option<Ledger>, RecordError> {
    let Some(value) = vault::load_document(&ledger_name(group)).await? else {
        return Ok(None);
    };
    let stored: StoredLedger =
        serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?;
    Ok(Some(Ledger::from_bytes(&decode(&stored.bytes)?)?))
}

async fn load_replica(group: &str) -> Result<(Replica, usize), RecordError> {
    let value = vault::load_document(&header_name(group))
        .await?
        .ok_or_else(|| RecordError::Damaged(format!("no header for {group}")))?;
    let header: StoredHeader =
        serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?;
    let mut segments = Vec::with_capacity(header.segments);
    for i in 0..header.segments {
        let value = vault::load_document(&segment_name(group, i))
            .await?
            .ok_or_else(|| RecordError::Damaged(format!("segment {i} of {group} missing")))?;
        let segment: StoredSegment =
            serde_json::from_value(value).map_err(|e| RecordError::Damaged(e.to_string()))?;
        segments.push(decode(&segment.bytes)?);
    }
    let replica = Replica::from_parts(&decode(&header.bytes)?, &segments)?;
    Ok((replica, header.segments))
}

/// One save: sealed documents written in one transaction.
struct Job {
    group: GroupId,
    blobs: Vec<(String, Vec<u8>)>,
}

/// The ordered save queue: jobs run one after the other, in the order they were queued.
/// After a failed job, the later jobs of that group are dropped (the group's next save
/// writes it whole), so what is stored is always a state the record really had.
#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    running: bool,
    failed: std::collections::BTreeSet<GroupId>,
    /// Saves that did not reach storage since the last [`flush`].
    errors: usize,
}

thread_local! {
    static QUEUE: RefCell<Queue> = RefCell::new(Queue::default());
}

impl Queue {
    fn push(&mut self, job: Job) {
        self.jobs.push_back(job);
        if !self.running {
            self.running = true;
            wasm_bindgen_futures::spawn_local(drain());
        }
    }
}

async fn drain() {
    loop {
        let next = QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            let job = q.jobs.pop_front();
            if job.is_none() {
                q.running = false;
            }
            job
        });
        let Some(job) = next else {
            return;
        };
        let result = vault::write_sealed(&job.blobs).await;
        QUEUE.with(|q| {
            let mut q = q.borrow_mut();
            if let Err(e) = result {
                web_sys::console::warn_1(&format!("record save failed: {e}").into());
                q.errors += 1;
                q.failed.insert(job.group);
                q.jobs.retain(|j| j.group != job.group);
            }
        });
    }
}

/// Waits until every queued save is stored; `Err(Unsaved)` if one failed since the last
/// flush (the group's next save writes it whole).
pub async fn flush() -> Result<(), RecordError> {
    while QUEUE.with(|q| q.borrow().running) {
        vault::yield_to_browser().await;
    }
    let errors = QUEUE.with(|q| std::mem::take(&mut q.borrow_mut().errors));
    if errors > 0 {
        Err(RecordError::Unsaved)
    } else {
        Ok(())
    }
}
