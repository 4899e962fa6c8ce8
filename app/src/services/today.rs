//! Today's session on the group's record: the animator plans and opens it, checks people in
//! with a tap, forms and confirms the help groups, and closes it; a participant gives their
//! need of today (with their own latest self-assessment) and logs the help given or
//! received. Every write is signed by this phone and saved through the record's queue; what
//! the screens show is read from the record, in owned views.

use crate::state::RecordsStoreFields;
use entraide_core::guard::{self, FieldKind, Refusal};
use entraide_core::matching::Solution;
use entraide_core::merge::{MergeError, Op};
use entraide_core::model::{
    AdminArea, Autonomy, Day, Device, GroupRecord, Need, PersonId, RecordId, SessionState, Track,
};
use entraide_core::session::difficulties::DifficultyError;
use entraide_core::session::today::{self as core_today, HelpDraft, MyGroup};
use entraide_core::session::{difficulties, groups, plan, presence};
use entraide_core::transfer::checkin::{self, Checkin, CheckinError};
use entraide_core::transfer::GroupId;
use leptos::prelude::*;
use rand_core::{OsRng, RngCore};

use crate::services::assessment;
use crate::services::catalog;
use crate::services::identity::{self, IdentityServiceError};
use crate::services::membership;
use crate::services::record::RecordError;
use crate::services::session::SessionPlan;
use crate::services::vault;
use crate::state::AppState;

/// Why a change to today's session did not go through.
#[derive(Debug, thiserror::Error)]
pub enum TodayError {
    /// The place's name looked like personal data.
    #[error("the place's name was refused")]
    Sensitive(Refusal),
    /// The place's name is empty.
    #[error("the place's name is empty")]
    NoPlace,
    /// The record refused the change (this phone may not write it).
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The record could not be read or saved.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// This phone's keys are unreadable.
    #[error(transparent)]
    Identity(#[from] IdentityServiceError),
    /// This phone's self-assessment is unreadable.
    #[error("the self-assessment could not be read: {0}")]
    Assessment(String),
    /// A "Je suis là" code could not be made or read.
    #[error(transparent)]
    Checkin(#[from] CheckinError),
    /// The topic list is unreadable.
    #[error("the topic list is unreadable: {0}")]
    Catalog(String),
    /// A newcomer's nickname is empty.
    #[error("the nickname is empty")]
    NoNickname,
    /// A difficulty met with a service was refused (empty, too long, or sensitive).
    #[error(transparent)]
    Difficulty(#[from] DifficultyError),
}

impl TodayError {
    /// A short code for the screen's sentence (see `ExchangeFailure`).
    pub fn code(&self) -> &'static str {
        match self {
            TodayError::Sensitive(_) => "sensitive",
            TodayError::NoPlace => "no_place",
            TodayError::Merge(_) => "not_allowed",
            TodayError::NoNickname => "empty_nickname",
            TodayError::Difficulty(_) => "difficulty",
            TodayError::Checkin(CheckinError::NotCheckin) => "wrong_kind",
            TodayError::Checkin(CheckinError::NewerVersion(_)) => "newer_version",
            TodayError::Checkin(CheckinError::Damaged) => "damaged",
            TodayError::Checkin(CheckinError::WrongGroup) => "wrong_group",
            TodayError::Checkin(CheckinError::NotForMe) => "not_for_me",
            TodayError::Checkin(CheckinError::UnknownPerson) => "stranger",
            TodayError::Checkin(CheckinError::Forged) => "damaged",
            TodayError::Checkin(CheckinError::TopicsDiffer) => "topics_differ",
            TodayError::Checkin(CheckinError::OtherDay) => "other_day",
            TodayError::Checkin(CheckinError::Unsupported(_)) => "no_recipient",
            TodayError::Catalog(_) => "storage",
            TodayError::Record(RecordError::Vault(vault::VaultServiceError::Locked)) => "locked",
            TodayError::Record(_) | TodayError::Identity(_) | TodayError::Assessment(_) => {
                "storage"
            }
        }
    }

    /// The detail the screen may add: the guard's sentences (French, then English).
    pub fn detail(&self) -> String {
        match self {
            TodayError::Sensitive(refusal) => {
                crate::components::vault_error::refusal_detail(refusal)
            }
            TodayError::Difficulty(e) => {
                crate::components::vault_error::bilingual_detail(|french| e.message(french))
            }
            other => other.to_string(),
        }
    }
}

/// Today's session as the animator runs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnimatorDay {
    /// The session.
    pub session: RecordId,
    /// "débutants" or "confirmés".
    pub track: Track,
    /// Where.
    pub place: String,
    /// Planned, open or closed.
    pub state: SessionState,
    /// Every active member, in the record's order.
    pub members: Vec<MemberToday>,
    /// Help groups confirmed so far.
    pub groups: usize,
    /// Help records logged for this session.
    pub help: usize,
    /// Votes for the next session's themes, per topic title, most voted first.
    pub votes: Vec<(String, u32)>,
    /// Evaluations given.
    pub evaluations: usize,
    /// The help time the group plans, in minutes (its settings).
    pub help_minutes: u16,
}

/// One member on the animator's list of today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberToday {
    /// Who.
    pub person: PersonId,
    /// Their nickname.
    pub name: String,
    /// Checked in.
    pub present: bool,
    /// Their need, in words (topic title, or "can help"), once given.
    pub need: Option<String>,
}

/// Today's session as a participant sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MyDay {
    /// The session.
    pub session: RecordId,
    /// "débutants" or "confirmés".
    pub track: Track,
    /// Where.
    pub place: String,
    /// My need, once given.
    pub need: Option<Need>,
    /// My help group, once confirmed.
    pub group: Option<MyGroupView>,
    /// The help I may log, each with whether it is logged already.
    pub drafts: Vec<(HelpDraft, bool)>,
    /// Whether I am the helped person of my group.
    pub helped: bool,
    /// Whether the animator checked me in.
    pub present: bool,
    /// The topics I voted for.
    pub voted: Vec<String>,
    /// Whether I gave my evaluation.
    pub evaluated: bool,
}

/// My help group in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MyGroupView {
    /// I help these people on this topic.
    Helping {
        /// Their names.
        names: Vec<String>,
        /// The topic's title.
        topic: String,
    },
    /// This person helps me on this topic.
    Helped {
        /// Their name.
        name: String,
        /// The topic's title.
        topic: String,
    },
}

fn day_now() -> Day {
    Day::from_unix_ms(vault::now_ms())
}

fn need_words(need: &Need, french: bool) -> String {
    match &need.topic {
        Some(topic) => catalog::topic_title(topic, french),
        None if french => "rien aujourd'hui, peut aider".to_string(),
        None => "nothing today, can help".to_string(),
    }
}

fn with_record<T>(
    state: AppState,
    group: GroupId,
    f: impl FnOnce(&GroupRecord, PersonId) -> Option<T>,
) -> Option<T> {
    state.records.book().with(|book| {
        book.as_ref()
            .and_then(|b| b.replica(group))
            .and_then(|r| f(r.record(), r.me()))
    })
}

/// Today's session on the animator's phone (an open one first, else the one planned for
/// today), reactive.
pub fn animator_day(state: AppState, group: GroupId, french: bool) -> Option<AnimatorDay> {
    with_record(state, group, |record, _| {
        let session = plan::sessions_on(record, day_now())
            .into_iter()
            .find(|s| s.state != SessionState::Closed)
            .or_else(|| plan::sessions_on(record, day_now()).into_iter().next())?;
        let present = record.present(session.id);
        let members = record
            .active_members()
            .into_iter()
            .filter(|m| !m.role.animates())
            .map(|m| MemberToday {
                person: m.person,
                name: record.name_of(m.person, french),
                present: present.contains(&m.person),
                need: record
                    .needs
                    .get(&(session.id, m.person))
                    .map(|n| need_words(n, french)),
            })
            .collect();
        Some(AnimatorDay {
            session: session.id,
            track: session.track,
            place: session.place.clone(),
            state: session.state,
            members,
            groups: record.help_groups.get(&session.id).map_or(0, Vec::len),
            help: record
                .help
                .values()
                .filter(|h| h.session == session.id)
                .count(),
            votes: {
                let mut votes: Vec<(String, u32)> = plan::vote_counts(record, session.id)
                    .into_iter()
                    .map(|(t, n)| (catalog::topic_title(&t, french), n))
                    .collect();
                votes.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                votes
            },
            evaluations: record
                .evaluations
                .keys()
                .filter(|(s, _)| *s == session.id)
                .count(),
            help_minutes: record.info.settings.help_minutes,
        })
    })
}

/// Today's session on a participant's phone, reactive.
pub fn my_day(state: AppState, group: GroupId, french: bool) -> Option<MyDay> {
    with_record(state, group, |record, me| {
        let today = core_today::today(record, me, day_now())?;
        let session = today.session.id;
        let group = today.group.as_ref().map(|g| match g {
            MyGroup::Helping { helped, topic } => MyGroupView::Helping {
                names: helped.iter().map(|p| record.name_of(*p, french)).collect(),
                topic: catalog::topic_title(topic, french),
            },
            MyGroup::Helped { helper, topic } => MyGroupView::Helped {
                name: record.name_of(*helper, french),
                topic: catalog::topic_title(topic, french),
            },
        });
        let drafts = core_today::help_drafts(record, session, me)
            .into_iter()
            .map(|d| {
                let logged = record
                    .help
                    .contains_key(&RecordId::help(d.session, d.helper, d.helped));
                (d, logged)
            })
            .collect();
        Some(MyDay {
            session,
            track: today.session.track,
            place: today.session.place.clone(),
            need: today.need.cloned(),
            helped: matches!(today.group, Some(MyGroup::Helped { .. })),
            present: record.attendance.contains(&(session, me)),
            voted: record
                .votes
                .iter()
                .filter(|(s, p, _)| *s == session && *p == me)
                .map(|(_, _, t)| t.clone())
                .collect(),
            evaluated: record.evaluations.contains_key(&(session, me)),
            group,
            drafts,
        })
    })
}

/// The session's matching, from the record: the people present with their need and levels.
pub fn matching(
    state: AppState,
    group: GroupId,
    session: RecordId,
    french: bool,
) -> Result<SessionPlan, String> {
    let topics = catalog::matching_topics()?;
    let (instance, names) = with_record(state, group, |record, _| {
        Some((
            groups::instance(record, session, topics),
            groups::names(record, session, french),
        ))
    })
    .ok_or_else(|| RecordError::UnknownGroup.message(french).to_string())?;
    SessionPlan::new(instance, names).map_err(|e| e.to_string())
}

/// Signs `ops` (built from the record and this phone's member) and queues their save.
async fn write(
    state: AppState,
    group: GroupId,
    ops: impl FnOnce(&GroupRecord, PersonId) -> Vec<Op>,
) -> Result<(), TodayError> {
    let (device, _) = identity::current().await?;
    state
        .write_record(group, |replica| {
            let ops = ops(replica.record(), replica.me());
            replica.write(&device, vault::now_ms(), ops).map(|_| ())
        })?
        .map_err(TodayError::from)
}

/// Plans today's session at `place` on `track` and opens it.
pub async fn open_today(
    state: AppState,
    group: GroupId,
    place: &str,
    track: Track,
) -> Result<(), TodayError> {
    let place = place.trim().to_string();
    if place.is_empty() {
        return Err(TodayError::NoPlace);
    }
    guard::check(&place, FieldKind::PlaceName).map_err(TodayError::Sensitive)?;
    let mut id = [0u8; 16];
    OsRng.fill_bytes(&mut id);
    let session = RecordId(id);
    write(state, group, move |_, _| {
        let mut ops = plan::plan(session, day_now(), &place, track, Vec::new());
        ops.push(plan::open(session));
        ops
    })
    .await
}

/// Checks `person` in with a tap (their need comes from their phone).
pub async fn check_in(
    state: AppState,
    group: GroupId,
    session: RecordId,
    person: PersonId,
) -> Result<(), TodayError> {
    write(state, group, move |_, _| {
        presence::by_tap(session, person, None)
    })
    .await
}

/// Confirms the help groups the animator settled on.
pub async fn confirm_groups(
    state: AppState,
    group: GroupId,
    session: RecordId,
    solution: Solution,
) -> Result<(), TodayError> {
    write(state, group, move |_, _| {
        vec![groups::confirm(session, &solution)]
    })
    .await
}

/// Closes today's session.
pub async fn close(state: AppState, group: GroupId, session: RecordId) -> Result<(), TodayError> {
    write(state, group, move |_, _| vec![plan::close(session)]).await
}

/// Gives my need of today, with my latest self-assessment so the matching uses my levels.
pub async fn give_need(
    state: AppState,
    group: GroupId,
    session: RecordId,
    need: Need,
) -> Result<(), TodayError> {
    let skills = assessment::load()
        .await
        .map_err(|e| TodayError::Assessment(e.to_string()))?;
    let latest = skills.history.latest().cloned();
    write(state, group, move |record, me| {
        core_today::give_need(record, session, me, need, latest.as_ref())
    })
    .await
}

/// Logs a help given or received, from its draft.
pub async fn log_help(
    state: AppState,
    group: GroupId,
    draft: HelpDraft,
    device: Device,
    autonomy: Option<Autonomy>,
) -> Result<(), TodayError> {
    write(state, group, move |_, _| {
        vec![core_today::log_help(
            &draft,
            device,
            autonomy,
            draft.minutes,
        )]
    })
    .await
}

fn topic_ids() -> Result<Vec<String>, TodayError> {
    catalog::catalog()
        .map(|c| c.topics().iter().map(|t| t.id.clone()).collect())
        .map_err(TodayError::Catalog)
}

/// The "Je suis là" code this phone shows the animator: today's need and my latest
/// self-assessment, sealed to the group's animators and signed by this phone.
pub async fn checkin_code(
    state: AppState,
    group: GroupId,
    need: Need,
) -> Result<Vec<u8>, TodayError> {
    let (device, me) = identity::current().await?;
    let skills = assessment::load()
        .await
        .map_err(|e| TodayError::Assessment(e.to_string()))?;
    let ids = topic_ids()?;
    let animators = with_record(state, group, |record, _| {
        Some(
            record
                .active_members()
                .into_iter()
                .filter(|m| m.role.animates())
                .filter_map(|m| m.recipient)
                .take(3)
                .collect::<Vec<_>>(),
        )
    })
    .unwrap_or_default();
    // Before the first hand-back this phone's record is empty: the invitation it scanned
    // holds the animator's key.
    let animators = if animators.is_empty() {
        membership::load()
            .await
            .ok()
            .and_then(|m| m.groups.into_iter().find(|g| g.id == group))
            .map(|g| vec![g.animator.recipient])
            .unwrap_or_default()
    } else {
        animators
    };
    let mut seq = [0u8; 4];
    OsRng.fill_bytes(&mut seq);
    let code = checkin::seal(
        &device,
        group,
        me,
        u32::from_be_bytes(seq),
        &animators,
        &ids,
        &Checkin {
            day: day_now(),
            need: need.topic,
            device: need.device,
            helps: need.helps,
            skills: skills.history.latest().map(core_today::skills_of),
        },
    )?;
    Ok(code)
}

/// Reads a "Je suis là" code on the animator's phone and checks the person in with their
/// need and levels; returns their name.
pub async fn scan_checkin(
    state: AppState,
    group: GroupId,
    session: RecordId,
    bytes: Vec<u8>,
    french: bool,
) -> Result<String, TodayError> {
    let (device, _) = identity::current().await?;
    let ids = topic_ids()?;
    let read = with_record(state, group, |record, _| {
        Some(checkin::open(
            &bytes,
            &device,
            group,
            day_now(),
            |p| record.member(p).and_then(|m| m.recipient),
            &ids,
        ))
    })
    .ok_or(TodayError::Record(RecordError::UnknownGroup))??;
    let person = read.person;
    write(state, group, move |record, _| {
        presence::by_code(record, session, &read)
    })
    .await?;
    Ok(with_record(state, group, |record, _| {
        Some(record.name_of(person, french))
    })
    .unwrap_or_default())
}

/// Adds a person without a phone, or a newcomer, with a nickname and today's need, and
/// checks them in.
pub async fn add_newcomer(
    state: AppState,
    group: GroupId,
    session: RecordId,
    nickname: &str,
    topic: Option<String>,
) -> Result<(), TodayError> {
    let nickname = nickname.trim().to_string();
    if nickname.is_empty() {
        return Err(TodayError::NoNickname);
    }
    guard::check(&nickname, FieldKind::Nickname).map_err(TodayError::Sensitive)?;
    let mut id = [0u8; 16];
    OsRng.fill_bytes(&mut id);
    let person = PersonId(id);
    write(state, group, move |_, _| {
        presence::newcomer(
            session,
            person,
            &nickname,
            day_now(),
            Need {
                topic,
                device: Some(Device::None),
                helps: false,
            },
            None,
        )
    })
    .await
}

/// My votes for the next session's themes (one op per topic chosen).
pub async fn vote(
    state: AppState,
    group: GroupId,
    session: RecordId,
    topics: Vec<String>,
) -> Result<(), TodayError> {
    write(state, group, move |_, me| {
        topics
            .into_iter()
            .map(|topic| Op::Vote {
                session,
                person: me,
                topic,
            })
            .collect()
    })
    .await
}

/// Notes a difficulty met with `service` (what went wrong: `what`), in today's `session`;
/// the guard and the limits check it first, so nothing is stored when they refuse.
pub async fn note_difficulty(
    state: AppState,
    group: GroupId,
    session: Option<RecordId>,
    service: String,
    area: Option<AdminArea>,
    what: String,
) -> Result<(), TodayError> {
    let mut id = [0u8; 16];
    OsRng.fill_bytes(&mut id);
    let day = Day::from_unix_ms(vault::now_ms());
    let op = difficulties::write(RecordId(id), &service, area, &what, session, day)?;
    write(state, group, move |_, _| vec![op]).await
}

/// The difficulties this phone's member noted in the group, newest first: (service, what).
pub fn my_difficulties(state: AppState, group: GroupId) -> Vec<(String, String)> {
    with_record(state, group, |record, me| {
        Some(
            difficulties::noted_by(record, me)
                .into_iter()
                .map(|d| (d.service.clone(), d.what.clone()))
                .collect(),
        )
    })
    .unwrap_or_default()
}

/// My short evaluation of the session (each answer 1 to 5).
pub async fn evaluate(
    state: AppState,
    group: GroupId,
    session: RecordId,
    answers: Vec<u8>,
) -> Result<(), TodayError> {
    write(state, group, move |_, me| {
        vec![Op::Evaluation {
            session,
            person: me,
            answers,
        }]
    })
    .await
}
