//! What a merge did, in plain words for the animator's screen: one line per person
//! ("Marcel : 2 aides notées, 1 astuce, 1 vote"), one per conflict settled and how, one per
//! refusal with what to do. French first, English second.

use super::fold::{Refused, Slot};
use super::op::OpKind;
use super::report::{MergeReport, Rejection};
use crate::model::GroupRecord;

fn count(n: u32, french: bool, one: (&str, &str), many: (&str, &str)) -> String {
    let (fr, en) = if n > 1 { many } else { one };
    format!("{n} {}", if french { fr } else { en })
}

fn kind_words(kind: OpKind, n: u32, french: bool) -> Option<String> {
    let words = match kind {
        OpKind::Help => (
            ("aide notée", "help logged"),
            ("aides notées", "help logged"),
        ),
        OpKind::Tip => (("astuce", "tip"), ("astuces", "tips")),
        OpKind::Vote => (("vote", "vote"), ("votes", "votes")),
        OpKind::Need => (("besoin", "need"), ("besoins", "needs")),
        OpKind::Evaluation => (("avis", "evaluation"), ("avis", "evaluations")),
        OpKind::Difficulty => (
            ("difficulté notée", "difficulty noted"),
            ("difficultés notées", "difficulties noted"),
        ),
        OpKind::Skills => (
            ("auto-évaluation", "self-assessment"),
            ("auto-évaluations", "self-assessments"),
        ),
        OpKind::Attendance => (("présence", "check-in"), ("présences", "check-ins")),
        OpKind::Session => (("séance", "session"), ("séances", "sessions")),
        OpKind::HelpGroups => (
            ("groupes du jour", "help groups"),
            ("groupes du jour", "help groups"),
        ),
        OpKind::Member => (("membre", "member"), ("membres", "members")),
        OpKind::CharterAccepted => (
            ("charte acceptée", "charter accepted"),
            ("chartes acceptées", "charters accepted"),
        ),
        OpKind::Charter => (("charte", "charter"), ("chartes", "charters")),
        OpKind::Group => (
            ("réglage du groupe", "group setting"),
            ("réglages du groupe", "group settings"),
        ),
        OpKind::Deletion => (("suppression", "deletion"), ("suppressions", "deletions")),
        OpKind::Relay => (("lieu relais", "relay"), ("lieux relais", "relays")),
    };
    (n > 0).then(|| count(n, french, words.0, words.1))
}

fn slot_words(slot: &Slot, record: &GroupRecord, french: bool) -> String {
    match slot {
        Slot::Need(_, p) => {
            let name = record.name_of(*p, french);
            if french {
                format!("le besoin de {name}")
            } else {
                format!("{name}'s need")
            }
        }
        Slot::Help(id, _) => match record.help.get(id) {
            Some(h) => {
                let (a, b) = (
                    record.name_of(h.helper, french),
                    record.name_of(h.helped, french),
                );
                if french {
                    format!("l'aide de {a} à {b}")
                } else {
                    format!("{a}'s help to {b}")
                }
            }
            None => (if french { "une aide" } else { "a help record" }).to_string(),
        },
        Slot::Tip(_) => (if french { "une astuce" } else { "a tip" }).to_string(),
        Slot::Evaluation(_, p) => {
            let name = record.name_of(*p, french);
            if french {
                format!("l'avis de {name}")
            } else {
                format!("{name}'s evaluation")
            }
        }
        Slot::SessionPlan(_) => (if french { "la séance" } else { "the session" }).to_string(),
    }
}

/// The lines to show after a merge, in French (`french`) or English. Names come from
/// `record` (the record after the merge).
pub fn summary(report: &MergeReport, record: &GroupRecord, french: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let sep = if french { "\u{202f}: " } else { ": " };
    for (author, kinds) in &report.applied {
        let parts: Vec<String> = kinds
            .iter()
            .filter_map(|(kind, n)| kind_words(*kind, *n, french))
            .collect();
        if !parts.is_empty() {
            lines.push(format!(
                "{}{sep}{}.",
                record.name_of(*author, french),
                parts.join(", ")
            ));
        }
    }
    if report.is_empty() && report.already_had > 0 {
        lines.push(
            (if french {
                "Tout était déjà là : rien de nouveau."
            } else {
                "Everything was already here: nothing new."
            })
            .to_string(),
        );
    }
    for conflict in &report.conflicts {
        let what = slot_words(&conflict.slot, record, french);
        let kept = record.name_of(conflict.kept, french);
        lines.push(if french {
            format!("Deux versions pour {what} : la plus récente, celle de {kept}, est gardée.")
        } else {
            format!("Two versions of {what}: the most recent, {kept}'s, is kept.")
        });
    }
    if report.pending > 0 {
        lines.push(if french {
            format!(
                "{} en attente : leur auteur n'est pas encore connu de ce téléphone.",
                count(report.pending, true, ("élément", ""), ("éléments", ""))
            )
        } else {
            format!(
                "{} waiting: their author is not known on this phone yet.",
                report.pending
            )
        });
    }
    for (author, rejection) in &report.rejected {
        let name = record.name_of(*author, french);
        let why = match (rejection, french) {
            (Rejection::Refused(Refused::RemovedAuthor), true) => {
                "cette personne ne fait plus partie du groupe"
            }
            (Rejection::Refused(Refused::RemovedAuthor), false) => {
                "this person is no longer in the group"
            }
            (Rejection::Refused(Refused::BadSignature), true)
            | (Rejection::Conflicting, true)
            | (Rejection::Malformed(_), true) => "il a été modifié en chemin ou abîmé",
            (Rejection::Refused(Refused::BadSignature), false)
            | (Rejection::Conflicting, false)
            | (Rejection::Malformed(_), false) => "it was altered or damaged on the way",
            (Rejection::Refused(Refused::NotAllowed(_)), true) => {
                "seul un animateur peut écrire cela"
            }
            (Rejection::Refused(Refused::NotAllowed(_)), false) => {
                "only an animator may write this"
            }
        };
        lines.push(if french {
            format!("Un élément de {name} n'a pas été gardé : {why}.")
        } else {
            format!("Something from {name} was not kept: {why}.")
        });
    }
    lines
}
