//! What the group needs and what it meets:
//!
//! - [`needs_map`]: per topic, how many members want to learn it and how many can show it,
//!   from each member's latest self-assessment;
//! - [`plan_next`]: the topics to plan next, drawn from the map and the votes;
//! - [`difficulties`]: difficulties met with public services and companies, grouped by
//!   service and administrative area with counts and dates, for a page the group brings to
//!   a meeting. Never who noted them.
//!
//! Counts of people go through the small-cell rule; the order of the plan uses the true
//! counts but shows only cells.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::cell::Cell;
use super::period::Period;
use crate::model::{AdminArea, Day, GroupRecord, PersonId, TopicId};

/// One topic of the needs map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopicNeeds {
    /// The topic.
    pub topic: TopicId,
    /// Members who would like to learn it.
    pub want_to_learn: Cell,
    /// Members who can show it to someone.
    pub can_show: Cell,
}

/// The group's needs map on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedsMap {
    /// The day it is drawn for.
    pub as_of: Day,
    /// Members with a self-assessment by then.
    pub members_assessed: Cell,
    /// Topics someone wants or can show, in topic id order.
    pub topics: Vec<TopicNeeds>,
}

#[derive(Default)]
struct Need {
    want: BTreeSet<PersonId>,
    show: BTreeSet<PersonId>,
}

fn tally(record: &GroupRecord, as_of: Day) -> (u32, BTreeMap<TopicId, Need>) {
    let mut out: BTreeMap<TopicId, Need> = BTreeMap::new();
    let mut assessed = 0;
    for m in record.members.values().filter(|m| m.active()) {
        let Some(latest) = record
            .skills
            .get(&m.person)
            .and_then(|h| h.iter().rev().find(|s| s.on <= as_of))
        else {
            continue;
        };
        assessed += 1;
        for (topic, level) in &latest.topics {
            if level.wants && level.level < 3 {
                out.entry(topic.clone()).or_default().want.insert(m.person);
            }
            if level.level >= 3 {
                out.entry(topic.clone()).or_default().show.insert(m.person);
            }
        }
    }
    (assessed, out)
}

/// The needs map of the members still in the group, from each one's latest self-assessment
/// on or before `as_of`.
pub fn needs_map(record: &GroupRecord, as_of: Day) -> NeedsMap {
    let (assessed, map) = tally(record, as_of);
    NeedsMap {
        as_of,
        members_assessed: Cell::people(assessed),
        topics: map
            .into_iter()
            .map(|(topic, n)| TopicNeeds {
                topic,
                want_to_learn: Cell::people(n.want.len() as u32),
                can_show: Cell::people(n.show.len() as u32),
            })
            .collect(),
    }
}

/// A topic to plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanItem {
    /// The topic.
    pub topic: TopicId,
    /// Members who want to learn it.
    pub want_to_learn: Cell,
    /// Members who voted for it.
    pub votes: Cell,
    /// Members who can show it.
    pub can_show: Cell,
    /// Whether a member can show it (else the animator, or a relay, will).
    pub has_helper: bool,
}

/// What to plan next: the topics members want to learn or voted for in sessions of
/// `votes_in`, most wanted first (a vote counts twice: it is today's wish), as of the end of
/// `votes_in`. At most `limit` topics.
pub fn plan_next(record: &GroupRecord, votes_in: Period, limit: usize) -> Vec<PlanItem> {
    let (_, map) = tally(record, votes_in.to());
    let mut votes: BTreeMap<&str, BTreeSet<PersonId>> = BTreeMap::new();
    for (session, person, topic) in &record.votes {
        if record
            .sessions
            .get(session)
            .is_some_and(|s| votes_in.contains(s.date))
        {
            votes.entry(topic.as_str()).or_default().insert(*person);
        }
    }
    let topics: BTreeSet<&str> = map
        .keys()
        .map(String::as_str)
        .chain(votes.keys().copied())
        .collect();
    let mut scored: Vec<(usize, PlanItem)> = topics
        .into_iter()
        .filter_map(|topic| {
            let need = map.get(topic);
            let want = need.map_or(0, |n| n.want.len());
            let show = need.map_or(0, |n| n.show.len());
            let voted = votes.get(topic).map_or(0, BTreeSet::len);
            let score = want + 2 * voted;
            (score > 0).then(|| {
                (
                    score,
                    PlanItem {
                        topic: topic.to_string(),
                        want_to_learn: Cell::people(want as u32),
                        votes: Cell::people(voted as u32),
                        can_show: Cell::people(show as u32),
                        has_helper: show > 0,
                    },
                )
            })
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.topic.cmp(&b.1.topic)));
    scored.into_iter().take(limit).map(|(_, i)| i).collect()
}

/// Difficulties met with one service, in one administrative area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceDifficulties {
    /// The service or company, as most often written.
    pub service: String,
    /// Its administrative area, if noted.
    pub area: Option<AdminArea>,
    /// How many difficulties were noted.
    pub count: u32,
    /// The days they were noted, oldest first (each once).
    pub dates: Vec<Day>,
    /// What went wrong, each text once, oldest first.
    pub what: Vec<String>,
}

/// Difficulties in one administrative area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AreaDifficulties {
    /// The area (`None`: not noted).
    pub area: Option<AdminArea>,
    /// How many difficulties.
    pub count: u32,
    /// With how many different services.
    pub services: u32,
}

/// The page of difficulties with services over a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DifficultiesPage {
    /// The period.
    pub period: Period,
    /// How many difficulties in all.
    pub total: u32,
    /// By service and area, most difficulties first.
    pub by_service: Vec<ServiceDifficulties>,
    /// By administrative area, in the Coop's order, areas without any left out.
    pub by_area: Vec<AreaDifficulties>,
}

/// A service's name compared without case, accents kept, spaces collapsed.
fn service_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The difficulties noted in `period`, grouped by service and administrative area.
pub fn difficulties(record: &GroupRecord, period: Period) -> DifficultiesPage {
    struct Group<'a> {
        spellings: BTreeMap<&'a str, u32>,
        items: Vec<(Day, &'a str)>,
    }
    let mut groups: BTreeMap<(String, Option<AdminArea>), Group> = BTreeMap::new();
    for d in record
        .difficulties
        .values()
        .filter(|d| period.contains(d.on))
    {
        let g = groups
            .entry((service_key(&d.service), d.area))
            .or_insert_with(|| Group {
                spellings: BTreeMap::new(),
                items: Vec::new(),
            });
        *g.spellings.entry(d.service.trim()).or_insert(0) += 1;
        g.items.push((d.on, d.what.as_str()));
    }
    let mut by_service: Vec<ServiceDifficulties> = groups
        .into_iter()
        .map(|((key, area), mut g)| {
            g.items.sort();
            let service = g
                .spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map_or(key, |(s, _)| (*s).to_string());
            let mut dates: Vec<Day> = g.items.iter().map(|(d, _)| *d).collect();
            dates.dedup();
            let mut what: Vec<String> = Vec::new();
            for (_, text) in &g.items {
                if !what.iter().any(|w| w == text) {
                    what.push((*text).to_string());
                }
            }
            ServiceDifficulties {
                service,
                area,
                count: g.items.len() as u32,
                dates,
                what,
            }
        })
        .collect();
    by_service.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| service_key(&a.service).cmp(&service_key(&b.service)))
            .then(a.area.cmp(&b.area))
    });
    let by_area = AdminArea::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .filter_map(|area| {
            let lines: Vec<&ServiceDifficulties> =
                by_service.iter().filter(|s| s.area == area).collect();
            let count: u32 = lines.iter().map(|s| s.count).sum();
            (count > 0).then(|| AreaDifficulties {
                area,
                count,
                services: lines
                    .iter()
                    .map(|s| service_key(&s.service))
                    .collect::<BTreeSet<_>>()
                    .len() as u32,
            })
        })
        .collect();
    DifficultiesPage {
        period,
        total: by_service.iter().map(|s| s.count).sum(),
        by_service,
        by_area,
    }
}
