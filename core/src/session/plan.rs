//! Planning, opening and closing a session. Both tracks ("débutants" with the animator,
//! "confirmés" who choose their themes) may run the same day: they are two sessions.

use crate::merge::Op;
use crate::model::{Day, GroupRecord, RecordId, Session, SessionState, TopicId, Track};

/// The ops that plan a session (`id` new, or an existing one to change).
pub fn plan(id: RecordId, date: Day, place: &str, track: Track, themes: Vec<TopicId>) -> Vec<Op> {
    vec![
        Op::SessionPlan {
            session: id,
            date,
            place: place.trim().to_string(),
            track,
        },
        Op::SessionThemes {
            session: id,
            themes,
        },
    ]
}

/// The op that opens a session.
pub fn open(id: RecordId) -> Op {
    Op::SessionState {
        session: id,
        state: SessionState::Open,
    }
}

/// The op that closes a session.
pub fn close(id: RecordId) -> Op {
    Op::SessionState {
        session: id,
        state: SessionState::Closed,
    }
}

/// The sessions of `day`, open ones first, then by track.
pub fn sessions_on(record: &GroupRecord, day: Day) -> Vec<&Session> {
    let mut out: Vec<&Session> = record.sessions.values().filter(|s| s.date == day).collect();
    out.sort_by_key(|s| (s.state != SessionState::Open, s.track, s.id));
    out
}

/// The session closest after `day` still planned, if any.
pub fn next_planned(record: &GroupRecord, day: Day) -> Option<&Session> {
    record
        .sessions
        .values()
        .filter(|s| s.state == SessionState::Planned && s.date >= day)
        .min_by_key(|s| (s.date, s.track, s.id))
}

/// The last closed session before `session` of the same track (for its tips and votes).
pub fn previous_of<'a>(record: &'a GroupRecord, session: &Session) -> Option<&'a Session> {
    record
        .sessions
        .values()
        .filter(|s| s.id != session.id && s.date <= session.date && s.track == session.track)
        .filter(|s| s.state == SessionState::Closed)
        .max_by_key(|s| (s.date, s.id))
}

/// Themes voted in `session`, most votes first (ties by id): what the next session plans.
pub fn vote_counts(record: &GroupRecord, session: RecordId) -> Vec<(TopicId, u32)> {
    let mut counts: std::collections::BTreeMap<&str, u32> = Default::default();
    for (s, _, topic) in &record.votes {
        if *s == session {
            *counts.entry(topic.as_str()).or_insert(0) += 1;
        }
    }
    let mut out: Vec<(TopicId, u32)> = counts
        .into_iter()
        .map(|(t, n)| (t.to_string(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}
