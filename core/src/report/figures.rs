//! [`Figures`]: what funders ask for, over a period and optionally one track, computed from
//! the group's record: people reached and new, sessions held and attendance, help given
//! (count and minutes) by topic, device, autonomy after help and track, progress of
//! self-assessments, helpers, tips, referrals to relays, and age band and gender of those who
//! agreed to give them. Every figure about people goes through the small-cell rule
//! ([`super::cell`]). [`compare`] sets them beside the previous period of the same length.
//!
//! Animators and co-animators run the group: they are not counted among the people reached,
//! the attendance or the helpers (they are in the record's help given they noted).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::cell::{self, Breakdown, Cell, Counts, Raw};
use super::period::Period;
use crate::model::{
    AgeBand, Autonomy, Day, Device, Gender, GroupRecord, PersonId, RecordId, Referral,
    SessionState, TopicId, Track,
};

/// A session, as the attendance table names it (no one in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SessionLine {
    /// Its date.
    pub date: Day,
    /// Its track.
    pub track: Track,
    /// Its id (for the app to link to the session).
    pub session: RecordId,
}

/// The figures of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    /// The period.
    pub period: Period,
    /// The track, or both.
    pub track: Option<Track>,
    /// Different people who came or were helped.
    pub people_reached: Cell,
    /// Of those, people who came for the first time in the period.
    pub new_people: Cell,
    /// Sessions held (not people: always shown).
    pub sessions_held: u32,
    /// People at each session, by date.
    pub attendance: Counts<SessionLine>,
    /// Attendance added over the sessions (one person at three sessions counts three).
    pub attendance_total: Cell,
    /// Help given.
    pub help: Cell,
    /// Minutes of help given.
    pub help_minutes: Cell,
    /// Help by topic (`None`: topic not noted), in topic id order.
    pub by_topic: Breakdown<Option<TopicId>>,
    /// Help by device (`None`: not noted), in the Coop's order.
    pub by_device: Breakdown<Option<Device>>,
    /// Help by autonomy after it (`None`: not noted), in the Coop's order.
    pub by_autonomy: Breakdown<Option<Autonomy>>,
    /// Help by track.
    pub by_track: Breakdown<Track>,
    /// People whose self-assessed level rose on at least one topic.
    pub progressed: Cell,
    /// People whose level rose, per topic (one person may count in several).
    pub progress_by_topic: Counts<TopicId>,
    /// Different people who helped someone.
    pub helpers: Cell,
    /// Tips written.
    pub tips: u32,
    /// Help that ended with a referral to a relay.
    pub referrals: Cell,
    /// Referrals by kind of relay.
    pub by_referral: Breakdown<Referral>,
    /// People reached by age band, for those who agreed to give it (`None`: not given).
    pub age_bands: Counts<Option<AgeBand>>,
    /// People reached by gender, for those who agreed to give it (`None`: not given).
    pub genders: Counts<Option<Gender>>,
}

impl Figures {
    /// Average attendance per session held, when the total is shown.
    pub fn mean_attendance(&self) -> Option<f64> {
        let total = self.attendance_total.shown()?;
        (self.sessions_held > 0).then(|| f64::from(total) / f64::from(self.sessions_held))
    }
}

/// This period's figures beside the previous period's of the same length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The period asked for.
    pub current: Figures,
    /// The period just before ([`Period::previous`]).
    pub previous: Figures,
}

/// The figures of `period` and of the one before.
pub fn compare(record: &GroupRecord, period: Period, track: Option<Track>) -> Comparison {
    Comparison {
        current: Figures::compute(record, period, track),
        previous: Figures::compute(record, period.previous(), track),
    }
}

/// A helper of the thank-you list: a nickname and how many people they helped. Only the
/// animator chooses to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Thanks {
    /// The helper's nickname.
    pub nickname: String,
    /// How many different people they helped.
    pub people_helped: Cell,
}

#[derive(Default)]
struct Tally {
    people: BTreeSet<PersonId>,
    help: u32,
    minutes: u32,
}

impl Tally {
    fn add(&mut self, person: PersonId, minutes: Option<u16>) {
        self.people.insert(person);
        self.help += 1;
        self.minutes += u32::from(minutes.unwrap_or(0));
    }

    fn raw(&self) -> Raw {
        Raw {
            people: self.people.len() as u32,
            help: self.help,
            minutes: self.minutes,
        }
    }
}

fn rows<K: Clone + Ord>(keys: &[K], tallies: &BTreeMap<K, Tally>) -> Vec<(K, Raw)> {
    keys.iter()
        .map(|k| {
            (
                k.clone(),
                tallies.get(k).map(Tally::raw).unwrap_or_default(),
            )
        })
        .collect()
}

fn with_none<T: Copy>(all: &[T]) -> Vec<Option<T>> {
    all.iter().copied().map(Some).chain([None]).collect()
}

/// The sessions of `period` (and `track`) that were held, by id.
fn held(
    record: &GroupRecord,
    period: Period,
    track: Option<Track>,
) -> BTreeMap<RecordId, SessionLine> {
    record
        .sessions
        .values()
        .filter(|s| period.contains(s.date) && track.is_none_or(|t| s.track == t))
        .filter(|s| s.state != SessionState::Planned || !record.attended(s.id).is_empty())
        .map(|s| {
            (
                s.id,
                SessionLine {
                    date: s.date,
                    track: s.track,
                    session: s.id,
                },
            )
        })
        .collect()
}

/// Animators and co-animators.
fn staff(record: &GroupRecord) -> BTreeSet<PersonId> {
    record
        .members
        .values()
        .filter(|m| m.role.animates())
        .map(|m| m.person)
        .collect()
}

impl Figures {
    /// The figures of `period`, for one `track` or both.
    pub fn compute(record: &GroupRecord, period: Period, track: Option<Track>) -> Figures {
        let staff = staff(record);
        let sessions = held(record, period, track);
        let mut reached: BTreeSet<PersonId> = BTreeSet::new();
        let mut attendance: Vec<(SessionLine, u32)> = Vec::new();
        for line in sessions.values() {
            let people: Vec<PersonId> = record
                .attended(line.session)
                .into_iter()
                .filter(|p| !staff.contains(p))
                .collect();
            attendance.push((*line, people.len() as u32));
            reached.extend(people);
        }
        attendance.sort();

        let mut total = Tally::default();
        let mut by_topic: BTreeMap<Option<&str>, Tally> = BTreeMap::new();
        let mut by_device: BTreeMap<Option<Device>, Tally> = BTreeMap::new();
        let mut by_autonomy: BTreeMap<Option<Autonomy>, Tally> = BTreeMap::new();
        let mut by_track: BTreeMap<Track, Tally> = BTreeMap::new();
        let mut by_referral: BTreeMap<Referral, Tally> = BTreeMap::new();
        let mut referred = Tally::default();
        let mut helpers: BTreeSet<PersonId> = BTreeSet::new();
        // People seen before the period are not new.
        let mut seen_before: BTreeSet<PersonId> = BTreeSet::new();
        for (s, p) in &record.attendance {
            if record
                .sessions
                .get(s)
                .is_some_and(|s| s.date < period.from())
            {
                seen_before.insert(*p);
            }
        }
        for h in record.help.values() {
            let Some(line) = sessions.get(&h.session) else {
                if record
                    .sessions
                    .get(&h.session)
                    .is_some_and(|s| s.date < period.from())
                {
                    seen_before.insert(h.helper);
                    seen_before.insert(h.helped);
                }
                continue;
            };
            for p in [h.helper, h.helped] {
                if !staff.contains(&p) {
                    reached.insert(p);
                }
            }
            if !staff.contains(&h.helper) {
                helpers.insert(h.helper);
            }
            total.add(h.helped, h.minutes);
            by_topic
                .entry(h.topic.as_deref())
                .or_default()
                .add(h.helped, h.minutes);
            by_device
                .entry(h.device)
                .or_default()
                .add(h.helped, h.minutes);
            by_autonomy
                .entry(h.autonomy)
                .or_default()
                .add(h.helped, h.minutes);
            by_track
                .entry(line.track)
                .or_default()
                .add(h.helped, h.minutes);
            if let Some(r) = h.referred {
                referred.add(h.helped, h.minutes);
                by_referral.entry(r).or_default().add(h.helped, h.minutes);
            }
        }

        let people_reached = Cell::people(reached.len() as u32);
        let new_people = reached.difference(&seen_before).count() as u32;
        let attendance_sum: u32 = attendance.iter().map(|(_, n)| n).sum();
        let attendance_total = Cell::about(attendance_sum, reached.len() as u32);
        let helped = total.people.len() as u32;
        let help = Cell::about(total.help, helped);
        let help_minutes = Cell::about(total.minutes, helped);
        let help_shown = !help.is_hidden();
        let referrals = Cell::about(referred.help, referred.people.len() as u32);

        let topic_rows: Vec<(Option<TopicId>, Raw)> = by_topic
            .iter()
            .map(|(k, t)| (k.map(str::to_string), t.raw()))
            .collect();
        let (progressed, progress_rows) = progress(record, period, &reached);
        let age: BTreeMap<Option<AgeBand>, u32> = tally_facts(record, &reached, |f| f.age_band);
        let gender: BTreeMap<Option<Gender>, u32> = tally_facts(record, &reached, |f| f.gender);
        let people_shown = !people_reached.is_hidden();

        Figures {
            period,
            track,
            people_reached,
            new_people: Cell::people(new_people),
            sessions_held: sessions.len() as u32,
            attendance: cell::counts(attendance, true, !attendance_total.is_hidden()),
            attendance_total,
            help,
            help_minutes,
            by_topic: cell::breakdown(topic_rows, help_shown),
            by_device: cell::breakdown(rows(&with_none(Device::ALL), &by_device), help_shown),
            by_autonomy: cell::breakdown(rows(&with_none(Autonomy::ALL), &by_autonomy), help_shown),
            by_track: cell::breakdown(rows(Track::ALL, &by_track), help_shown),
            progressed: Cell::people(progressed),
            progress_by_topic: cell::counts(progress_rows, false, people_shown),
            helpers: Cell::people(helpers.len() as u32),
            tips: record
                .tips
                .values()
                .filter(|t| period.contains(t.written_on))
                .filter(|t| match (track, t.session) {
                    (None, _) => true,
                    (Some(_), Some(s)) => sessions.contains_key(&s),
                    (Some(_), None) => false,
                })
                .count() as u32,
            referrals,
            by_referral: cell::breakdown(rows(Referral::ALL, &by_referral), !referrals.is_hidden()),
            age_bands: cell::counts(
                with_none(AgeBand::ALL)
                    .into_iter()
                    .map(|k| (k, age.get(&k).copied().unwrap_or(0)))
                    .collect(),
                true,
                people_shown,
            ),
            genders: cell::counts(
                with_none(Gender::ALL)
                    .into_iter()
                    .map(|k| (k, gender.get(&k).copied().unwrap_or(0)))
                    .collect(),
                true,
                people_shown,
            ),
        }
    }
}

/// How many of `people` gave each value of a fact (`None`: not given).
fn tally_facts<K: Ord>(
    record: &GroupRecord,
    people: &BTreeSet<PersonId>,
    fact: impl Fn(&crate::model::Facts) -> Option<K>,
) -> BTreeMap<Option<K>, u32> {
    let mut out = BTreeMap::new();
    for p in people {
        let value = record
            .member(*p)
            .and_then(|m| m.facts.as_ref())
            .and_then(&fact);
        *out.entry(value).or_insert(0) += 1;
    }
    out
}

/// People of `people` whose level rose during `period`, and per topic: each person's latest
/// self-assessment by the end of the period against their latest before it (or their first
/// in it, when they had none before).
fn progress(
    record: &GroupRecord,
    period: Period,
    people: &BTreeSet<PersonId>,
) -> (u32, Vec<(TopicId, u32)>) {
    let mut rose_people = 0;
    let mut per_topic: BTreeMap<TopicId, u32> = BTreeMap::new();
    for p in people {
        let Some(history) = record.skills.get(p) else {
            continue;
        };
        let before = history
            .iter()
            .rev()
            .find(|s| s.on < period.from())
            .or_else(|| history.iter().find(|s| period.contains(s.on)));
        let latest = history.iter().rev().find(|s| s.on <= period.to());
        let (Some(before), Some(latest)) = (before, latest) else {
            continue;
        };
        if latest.on <= before.on {
            continue;
        }
        let mut rose = false;
        for (topic, level) in &latest.topics {
            if before
                .topics
                .get(topic)
                .is_some_and(|b| level.level > b.level)
            {
                rose = true;
                *per_topic.entry(topic.clone()).or_insert(0) += 1;
            }
        }
        rose_people += u32::from(rose);
    }
    (rose_people, per_topic.into_iter().collect())
}

/// The thank-you list of `period`: helpers' nicknames (members still in the group, not the
/// animators) and how many different people each helped, most first.
pub fn thanks(record: &GroupRecord, period: Period, track: Option<Track>) -> Vec<Thanks> {
    let staff = staff(record);
    let sessions = held(record, period, track);
    let mut helped: BTreeMap<PersonId, BTreeSet<PersonId>> = BTreeMap::new();
    for h in record.help.values() {
        if sessions.contains_key(&h.session) && !staff.contains(&h.helper) {
            helped.entry(h.helper).or_default().insert(h.helped);
        }
    }
    let mut out: Vec<(usize, String)> = helped
        .into_iter()
        .filter_map(|(p, people)| {
            let m = record.member(p).filter(|m| !m.removed)?;
            Some((people.len(), m.nickname.clone()?))
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    out.into_iter()
        .map(|(n, nickname)| Thanks {
            nickname,
            people_helped: Cell::people(n as u32),
        })
        .collect()
}
