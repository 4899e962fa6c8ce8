//! Who is here: check-in by scanning a person's "Je suis là" code (their need of today and
//! latest self-assessment, so the matching uses real levels), by tapping their name, or by
//! adding someone without a phone or a newcomer with a nickname, a need and a few levels
//! asked aloud; and a person leaving before the end. Checking in twice changes nothing but
//! the need, which the latest check-in gives.

use crate::merge::Op;
use crate::model::{Day, GroupRecord, Need, PersonId, RecordId, Skills};
use crate::transfer::checkin::ReadCheckin;

/// The ops of a check-in by code, read on the animator's phone. The self-assessment is
/// kept only when it is newer than the one the record has.
pub fn by_code(record: &GroupRecord, session: RecordId, read: &ReadCheckin) -> Vec<Op> {
    let person = read.person;
    let mut ops = vec![
        Op::Attend { session, person },
        Op::Need {
            session,
            person,
            need: Need {
                topic: read.checkin.need.clone(),
                device: read.checkin.device,
                helps: read.checkin.helps,
            },
        },
    ];
    if let Some(skills) = &read.checkin.skills {
        let newer = record
            .latest_skills(person)
            .is_none_or(|known| known.on < skills.on || known != skills);
        if newer {
            ops.push(Op::Skills {
                person,
                skills: skills.clone(),
            });
        }
    }
    ops
}

/// The ops of a check-in by tap, with the need the animator asked for (if given).
pub fn by_tap(session: RecordId, person: PersonId, need: Option<Need>) -> Vec<Op> {
    let mut ops = vec![Op::Attend { session, person }];
    if let Some(need) = need {
        ops.push(Op::Need {
            session,
            person,
            need,
        });
    }
    ops
}

/// The ops that add a person without a phone, or a newcomer, and check them in: a new id,
/// their nickname, today's need and the levels asked aloud.
pub fn newcomer(
    session: RecordId,
    person: PersonId,
    nickname: &str,
    today: Day,
    need: Need,
    skills: Option<Skills>,
) -> Vec<Op> {
    let mut ops = vec![
        Op::MemberJoined {
            person,
            on: today,
            has_phone: false,
        },
        Op::MemberNickname {
            person,
            nickname: nickname.trim().to_string(),
        },
        Op::Attend { session, person },
        Op::Need {
            session,
            person,
            need,
        },
    ];
    if let Some(skills) = skills {
        ops.push(Op::Skills { person, skills });
    }
    ops
}

/// The op for a person leaving before the end.
pub fn leaves(session: RecordId, person: PersonId) -> Op {
    Op::LeftEarly { session, person }
}

/// Active members not checked in yet at `session`, in name order (the list to tap).
pub fn not_yet_here(record: &GroupRecord, session: RecordId) -> Vec<PersonId> {
    let here: std::collections::BTreeSet<PersonId> = record.attended(session).into_iter().collect();
    record
        .active_members()
        .into_iter()
        .filter(|m| !here.contains(&m.person))
        .map(|m| m.person)
        .collect()
}
