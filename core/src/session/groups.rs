//! The help groups of a session from the record: the matching's input built from the people
//! present (their need of today, their latest self-assessment, whether they help today),
//! the history of earlier pairs and the group's repeat setting; the confirmed groups as an
//! op; and the groups a change made stale (a need changed after matching, someone gone).

use std::collections::BTreeMap;

use crate::matching::{Instance, Person, Solution, Topic};
use crate::merge::Op;
use crate::model::{GroupRecord, HelpGroup, PersonId, RecordId};

/// How a person is named in the matching (their id in hex).
pub fn matching_id(person: PersonId) -> String {
    person.to_hex()
}

/// The matching's input for `session`: everyone present. `topics` is the group's topic
/// list with its sensitive flags.
pub fn instance(record: &GroupRecord, session: RecordId, topics: Vec<Topic>) -> Instance {
    let present = record.present(session);
    let people = present
        .iter()
        .filter(|p| record.member(**p).is_none_or(|m| !m.removed))
        .map(|p| {
            let need = record.needs.get(&(session, *p));
            Person {
                id: matching_id(*p),
                levels: record
                    .latest_skills(*p)
                    .map(|s| s.levels())
                    .unwrap_or_default(),
                need: need.and_then(|n| n.topic.clone()),
                helps: need.is_some_and(|n| n.helps),
                capacity: 2,
                role: None,
            }
        })
        .collect();
    let history = record
        .earlier_pairs(session)
        .into_iter()
        .map(|(a, b)| (matching_id(a), matching_id(b)))
        .collect();
    Instance {
        topics,
        people,
        history,
        repeat: record.info.settings.repeat,
        fixed: Vec::new(),
    }
}

/// Display names of the people in the matching, by matching id.
pub fn names(record: &GroupRecord, session: RecordId, french: bool) -> BTreeMap<String, String> {
    record
        .attended(session)
        .into_iter()
        .map(|p| (matching_id(p), record.name_of(p, french)))
        .collect()
}

/// The op confirming the groups of `solution` (ids that are not members' are left out).
pub fn confirm(session: RecordId, solution: &Solution) -> Op {
    let groups = solution
        .groups
        .iter()
        .filter_map(|g| {
            let helper = PersonId::from_hex(&g.helper)?;
            let helped: Vec<PersonId> = g
                .helped
                .iter()
                .filter_map(|h| PersonId::from_hex(h))
                .collect();
            (!helped.is_empty()).then(|| HelpGroup {
                helper,
                helped,
                topic: g.topic.clone(),
            })
        })
        .collect();
    Op::HelpGroups { session, groups }
}

/// Why a confirmed group no longer fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// The person left before the end.
    Left(PersonId),
    /// A helped person's need is now another topic (or none).
    NeedChanged(PersonId),
}

/// What makes the confirmed groups of `session` stale, if anything.
pub fn stale(record: &GroupRecord, session: RecordId) -> Vec<Stale> {
    let mut out = Vec::new();
    let Some(groups) = record.help_groups.get(&session) else {
        return out;
    };
    for g in groups {
        for p in std::iter::once(&g.helper).chain(&g.helped) {
            if record.left_early.contains(&(session, *p)) {
                out.push(Stale::Left(*p));
            }
        }
        for h in &g.helped {
            let need = record
                .needs
                .get(&(session, *h))
                .and_then(|n| n.topic.as_deref());
            if need != Some(g.topic.as_str()) && !record.left_early.contains(&(session, *h)) {
                out.push(Stale::NeedChanged(*h));
            }
        }
    }
    out
}
