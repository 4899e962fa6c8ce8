//! The six steps of a session on the animator's phone, in the field's order (seed 000):
//! tips of last time, who is here and what they need, help groups, help time, tips shared,
//! next session. Each is one screen, "étape 2 sur 6"; the animator may go back at any time.

use serde::{Deserialize, Serialize};

/// One step of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Step {
    /// Recall of last time's tips, new tips to add.
    Tips,
    /// Who is here and what they need today.
    Presence,
    /// Help groups: the proposal, the animator's changes, confirmation.
    Groups,
    /// Help time: an optional, gentle timer; helper and helped pair by QR.
    HelpTime,
    /// Tips shared with the whole group.
    SharedTips,
    /// Next session: themes voted, the date, then closing.
    Next,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 6] = [
        Step::Tips,
        Step::Presence,
        Step::Groups,
        Step::HelpTime,
        Step::SharedTips,
        Step::Next,
    ];

    /// 1 to 6.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The step after this one, if any.
    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    /// The step before this one, if any.
    pub fn previous(self) -> Option<Step> {
        self.number()
            .checked_sub(2)
            .and_then(|i| Step::ALL.get(i).copied())
    }

    /// A stable id (test ids, URLs).
    pub fn id(self) -> &'static str {
        match self {
            Step::Tips => "tips",
            Step::Presence => "presence",
            Step::Groups => "groups",
            Step::HelpTime => "help",
            Step::SharedTips => "shared-tips",
            Step::Next => "next",
        }
    }

    /// Back from [`Step::id`].
    pub fn from_id(id: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The step's title, in French (`french`) or English.
    pub fn title(self, french: bool) -> &'static str {
        match (self, french) {
            (Step::Tips, true) => "Les astuces de la dernière fois",
            (Step::Presence, true) => "Qui est là, et ce dont chacun a besoin",
            (Step::Groups, true) => "Les groupes d'entraide",
            (Step::HelpTime, true) => "Le temps d'entraide",
            (Step::SharedTips, true) => "Les astuces du jour",
            (Step::Next, true) => "La prochaine séance",
            (Step::Tips, false) => "Last time's tips",
            (Step::Presence, false) => "Who is here, and what each person needs",
            (Step::Groups, false) => "Help groups",
            (Step::HelpTime, false) => "Help time",
            (Step::SharedTips, false) => "Today's tips",
            (Step::Next, false) => "Next session",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_go_forward_and_back() {
        assert_eq!(Step::Tips.number(), 1);
        assert_eq!(Step::Next.number(), 6);
        assert_eq!(Step::Tips.previous(), None);
        assert_eq!(Step::Next.next(), None);
        for s in Step::ALL {
            assert_eq!(Step::from_id(s.id()), Some(s));
            if let Some(n) = s.next() {
                assert_eq!(n.previous(), Some(s));
            }
        }
    }
}
