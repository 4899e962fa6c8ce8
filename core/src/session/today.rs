//! What a participant's phone shows of today's session: the session card ("Aujourd'hui :
//! séance débutants, salle Rivière"), their need, their group ("Sophie vous aide pour : les
//! pièces jointes"), the help to log in three taps with topic and minutes already filled
//! in, the short evaluation and the vote.

use crate::assessment::AssessmentResult;
use crate::merge::{HelpFields, Op};
use crate::model::{
    Autonomy, Day, Device, GroupRecord, HelpGroup, Need, PersonId, RecordId, Session, SessionState,
    Skills, TopicLevel,
};

/// This phone's part in today's help group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MyGroup {
    /// I help these people on this topic.
    Helping {
        /// Who.
        helped: Vec<PersonId>,
        /// On what.
        topic: String,
    },
    /// This person helps me on this topic.
    Helped {
        /// Who.
        helper: PersonId,
        /// On what.
        topic: String,
    },
}

/// Today, as one participant sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Today<'a> {
    /// Today's session.
    pub session: &'a Session,
    /// My need, if I gave one.
    pub need: Option<&'a Need>,
    /// My group, once the animator confirmed the groups.
    pub group: Option<MyGroup>,
}

/// Today's session for `me`: an open session of `day` first, else a planned one.
pub fn today(record: &GroupRecord, me: PersonId, day: Day) -> Option<Today<'_>> {
    let session = super::plan::sessions_on(record, day)
        .into_iter()
        .find(|s| s.state != SessionState::Closed || record.attendance.contains(&(s.id, me)))?;
    let group = record
        .help_group_of(session.id, me)
        .map(|g| my_group(g, me));
    Some(Today {
        session,
        need: record.needs.get(&(session.id, me)),
        group,
    })
}

fn my_group(g: &HelpGroup, me: PersonId) -> MyGroup {
    if g.helper == me {
        MyGroup::Helping {
            helped: g.helped.clone(),
            topic: g.topic.clone(),
        }
    } else {
        MyGroup::Helped {
            helper: g.helper,
            topic: g.topic.clone(),
        }
    }
}

/// A help record ready to log: who, on what, how long (filled in from the group and the
/// group's settings); the person chooses the device and, if helped, how autonomous they feel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpDraft {
    /// The session.
    pub session: RecordId,
    /// Who helped.
    pub helper: PersonId,
    /// Who was helped.
    pub helped: PersonId,
    /// On what.
    pub topic: String,
    /// How long.
    pub minutes: u16,
}

/// The help `me` may log at `session`: one per person they helped, or the one they got.
pub fn help_drafts(record: &GroupRecord, session: RecordId, me: PersonId) -> Vec<HelpDraft> {
    let minutes = record.info.settings.help_minutes;
    let Some(g) = record.help_group_of(session, me) else {
        return Vec::new();
    };
    let pairs: Vec<(PersonId, PersonId)> = if g.helper == me {
        g.helped.iter().map(|h| (me, *h)).collect()
    } else {
        vec![(g.helper, me)]
    };
    pairs
        .into_iter()
        .map(|(helper, helped)| HelpDraft {
            session,
            helper,
            helped,
            topic: g.topic.clone(),
            minutes,
        })
        .collect()
}

/// The op logging a help from a draft, with the device used and (helped person or animator)
/// how autonomous the helped person felt.
pub fn log_help(draft: &HelpDraft, device: Device, autonomy: Option<Autonomy>, minutes: u16) -> Op {
    Op::Help {
        session: draft.session,
        helper: draft.helper,
        helped: draft.helped,
        fields: HelpFields {
            topic: Some(draft.topic.clone()),
            device: Some(device),
            minutes: Some(minutes),
            autonomy,
            referred: None,
        },
    }
}

/// The questions of the short evaluation, answered from 1 (sad) to 5 (happy).
pub fn evaluation_questions(french: bool) -> [&'static str; 4] {
    if french {
        [
            "Vous êtes-vous senti bien accueilli ?",
            "Avez-vous appris quelque chose ?",
            "Vous sentez-vous plus à l'aise qu'avant ?",
            "Avez-vous envie de revenir ?",
        ]
    } else {
        [
            "Did you feel welcome?",
            "Did you learn something?",
            "Do you feel more at ease than before?",
            "Would you like to come again?",
        ]
    }
}

/// The reminder of a helper's posture, shown to whoever helps.
pub fn helper_posture(french: bool) -> &'static str {
    if french {
        "On fait avec la personne, pas à sa place. Ses mots de passe restent à elle."
    } else {
        "Do it with the person, not for them. Their passwords stay theirs."
    }
}

/// A finished self-assessment in the record's form (topics the person skipped are left
/// out), so the matching uses the person's own levels and never a guess.
pub fn skills_of(result: &AssessmentResult) -> Skills {
    Skills {
        on: Day::from_unix_ms(result.taken_at),
        topics: result
            .topics
            .iter()
            .filter(|(_, r)| !r.skipped)
            .map(|(id, r)| {
                (
                    id.clone(),
                    TopicLevel {
                        level: r.level.min(3),
                        stars: r.stars.min(5),
                        wants: r.wants_to_learn,
                    },
                )
            })
            .collect(),
    }
}

/// The ops of my need for today, given on my own phone: the need, and my latest
/// self-assessment when the record does not hold it yet.
pub fn give_need(
    record: &GroupRecord,
    session: RecordId,
    me: PersonId,
    need: Need,
    latest: Option<&AssessmentResult>,
) -> Vec<Op> {
    let mut ops = vec![Op::Need {
        session,
        person: me,
        need,
    }];
    if let Some(skills) = latest.map(skills_of) {
        if record.latest_skills(me) != Some(&skills) {
            ops.push(Op::Skills { person: me, skills });
        }
    }
    ops
}
