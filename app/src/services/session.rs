//! Today's session as the animator shapes it: the people present, the engine's proposal,
//! and the animator's changes, re-solved after every change so their choices are kept.

use crate::services::catalog;
use entraide_core::demo;
use entraide_core::matching::reasons::LabelMap;
use entraide_core::matching::{
    move_targets, other_role, solve, AdjustError, Adjustments, Change, Instance, Lang,
    MatchingError, Role, Solution, SolveOptions,
};
use std::collections::BTreeMap;

/// A person as shown on a card.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonView {
    /// Pseudonymous id.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// A proposed group, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupView {
    /// The helper.
    pub helper: PersonView,
    /// The helped people.
    pub helped: Vec<PersonView>,
    /// The topic's title.
    pub topic: String,
    /// Why this group, in one line.
    pub reason: String,
    /// Kept by the animator.
    pub kept: bool,
}

/// A person without a group today, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnplacedView {
    /// The person.
    pub person: PersonView,
    /// Why, in one line.
    pub reason: String,
}

/// Something the animator can do for one person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionView {
    /// What to apply.
    pub change: Change,
    /// The words on the button.
    pub label: ActionLabel,
}

/// The kind of action, for the page to word it in the person's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionLabel {
    /// Put the person with this helper (name, topic title).
    MoveTo(String, String),
    /// The person helps instead.
    MakeHelper,
    /// The person is helped instead.
    MakeHelped,
    /// Leave the person out today.
    SetAside,
}

/// Why a change was refused.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The change breaks a rule.
    #[error(transparent)]
    Adjust(#[from] AdjustError),
    /// The engine refused the session (a defect: the change was checked first).
    #[error(transparent)]
    Matching(#[from] MatchingError),
}

/// The session plan: base session, animator's changes, current proposal.
#[derive(Clone, Debug)]
pub struct SessionPlan {
    base: Instance,
    names: BTreeMap<String, String>,
    adjustments: Adjustments,
    solution: Solution,
}

fn solved(instance: &Instance) -> Result<Solution, MatchingError> {
    solve(instance, &SolveOptions::default())
}

impl SessionPlan {
    /// Solves `base` and keeps it with the display names of its people.
    pub fn new(base: Instance, names: BTreeMap<String, String>) -> Result<Self, MatchingError> {
        let solution = solved(&base)?;
        Ok(Self {
            base,
            names,
            adjustments: Adjustments::new(),
            solution,
        })
    }

    /// The demo group's session of today.
    pub fn demo() -> Result<Self, String> {
        let topics = catalog::matching_topics()?;
        let names = demo::members()
            .iter()
            .map(|m| (m.id.to_string(), m.nickname.to_string()))
            .collect();
        Self::new(demo::session_instance(topics), names).map_err(|e| e.to_string())
    }

    /// A large made-up session of `n` people.
    pub fn large_demo(n: usize) -> Result<Self, String> {
        let topics = catalog::matching_topics()?;
        let (instance, names) = demo::large_session(&topics, n, 1);
        Self::new(instance, names).map_err(|e| e.to_string())
    }

    /// The current proposal.
    pub fn solution(&self) -> &Solution {
        &self.solution
    }

    /// How many people present have a need.
    pub fn needing(&self) -> usize {
        self.current_instance()
            .people
            .iter()
            .filter(|p| p.need.is_some())
            .count()
    }

    /// Whether the animator changed anything.
    pub fn changed(&self) -> bool {
        !self.adjustments.is_empty()
    }

    fn current_instance(&self) -> Instance {
        self.adjustments.instance(&self.base)
    }

    /// Applies a change and re-solves around every change made so far. On refusal nothing
    /// changes.
    pub fn change(&mut self, change: Change) -> Result<(), PlanError> {
        let mut adjustments = self.adjustments.clone();
        adjustments.apply(&self.base, &self.solution, change)?;
        let solution = solved(&adjustments.instance(&self.base))?;
        self.adjustments = adjustments;
        self.solution = solution;
        Ok(())
    }

    /// Forgets every change and shows the engine's own proposal again.
    pub fn reset(&mut self) -> Result<(), PlanError> {
        self.solution = solved(&self.base)?;
        self.adjustments = Adjustments::new();
        Ok(())
    }

    fn person(&self, id: &str) -> PersonView {
        PersonView {
            id: id.to_string(),
            name: self.name(id),
        }
    }

    /// The display name of a person.
    pub fn name(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn labels(&self, french: bool) -> LabelMap {
        LabelMap {
            people: self.names.clone(),
            genders: BTreeMap::new(),
            topics: self
                .base
                .topics
                .iter()
                .map(|t| (t.id.clone(), catalog::topic_title(&t.id, french)))
                .collect(),
        }
    }

    /// The proposed groups, in French (`french`) or English.
    pub fn groups(&self, french: bool) -> Vec<GroupView> {
        let instance = self.current_instance();
        let labels = self.labels(french);
        let lang = if french { Lang::Fr } else { Lang::En };
        self.solution
            .groups
            .iter()
            .map(|g| GroupView {
                helper: self.person(&g.helper),
                helped: g.helped.iter().map(|h| self.person(h)).collect(),
                topic: catalog::topic_title(&g.topic, french),
                reason: g.reason(&instance).render(lang, &labels),
                kept: self.adjustments.is_fixed(&g.helper),
            })
            .collect()
    }

    /// The people with a need and no group, with the reason.
    pub fn unplaced(&self, french: bool) -> Vec<UnplacedView> {
        let instance = self.current_instance();
        let labels = self.labels(french);
        let lang = if french { Lang::Fr } else { Lang::En };
        self.solution
            .unplaced
            .iter()
            .map(|u| UnplacedView {
                person: self.person(&u.id),
                reason: u.reason(&instance).render(lang, &labels),
            })
            .collect()
    }

    /// The people who help someone today while their own need waits, with the reason
    /// ("Besoin non couvert aujourd'hui : …"). They are in a group, so they are not
    /// among [`SessionPlan::unplaced`].
    pub fn uncovered(&self, french: bool) -> Vec<UnplacedView> {
        let labels = self.labels(french);
        let lang = if french { Lang::Fr } else { Lang::En };
        self.solution
            .uncovered
            .iter()
            .map(|u| UnplacedView {
                person: self.person(&u.id),
                reason: u.reason().render(lang, &labels),
            })
            .collect()
    }

    /// When the search stopped before its proof, what may still be missing, in one or two
    /// sentences ("Au plus 2 personnes de plus pourraient être aidées.").
    pub fn gap(&self, french: bool) -> Option<String> {
        let lang = if french { Lang::Fr } else { Lang::En };
        self.solution.gap().map(|g| g.render(lang))
    }

    /// The people the animator set aside today.
    pub fn set_aside(&self) -> Vec<PersonView> {
        self.adjustments
            .set_aside
            .iter()
            .map(|id| self.person(id))
            .collect()
    }

    /// What the animator can do for one person, given the proposal on screen.
    pub fn actions(&self, id: &str, french: bool) -> Vec<ActionView> {
        let instance = self.current_instance();
        let mut out: Vec<ActionView> = move_targets(&instance, &self.solution, id)
            .into_iter()
            .map(|helper| {
                let topic = instance
                    .people
                    .iter()
                    .find(|p| p.id == id)
                    .and_then(|p| p.need.clone())
                    .map(|t| catalog::topic_title(&t, french))
                    .unwrap_or_default();
                ActionView {
                    label: ActionLabel::MoveTo(self.name(&helper), topic),
                    change: Change::MoveInto {
                        person: id.to_string(),
                        helper,
                    },
                }
            })
            .collect();
        if let Some(role) = other_role(&instance, &self.solution, id) {
            out.push(ActionView {
                label: match role {
                    Role::Helper => ActionLabel::MakeHelper,
                    Role::Helped => ActionLabel::MakeHelped,
                },
                change: Change::ForceRole {
                    person: id.to_string(),
                    role,
                },
            });
        }
        out.push(ActionView {
            label: ActionLabel::SetAside,
            change: Change::SetAside {
                person: id.to_string(),
            },
        });
        out
    }
}
