//! The adaptive questionnaire: which question comes next, what each tap does, undo, progress,
//! and the final result. The state is a plain serializable record of what the person did, so
//! the app can store it after every tap and resume after an interruption.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::content::{check_version, Answer, Catalog, Device};
use super::error::{AssessmentError, Location};
use super::result::{AssessmentResult, TopicResult, MAX_TOPIC_LEVEL};
use super::validate::{is_topic_id, MAX_LEVELS, MIN_LEVELS};

/// Format version of a stored questionnaire state.
pub const ASSESSMENT_FORMAT_VERSION: u32 = 1;

/// What the questionnaire needs to know of a topic; copied from the catalog at the start so a
/// stored questionnaire resumes the same even if the content changed in between.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTopic {
    /// Topic id.
    pub id: String,
    /// Number of "I can" levels (3 or 4).
    pub levels: u8,
    /// Devices the topic applies to.
    pub devices: Vec<Device>,
}

impl PlannedTopic {
    fn applies_to(&self, devices: &[Device]) -> bool {
        devices.is_empty() || self.devices.iter().any(|d| devices.contains(d))
    }
}

/// Which topics the person wants to answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicChoice {
    /// Every topic that applies to their devices (one tap).
    All,
    /// Only these (one tap each, then one to go on).
    Some(Vec<String>),
}

/// One thing the person did; the questionnaire state is the list of these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The devices they use; empty means none or not said.
    Devices {
        /// Sorted, without repeats.
        devices: Vec<Device>,
    },
    /// The topics they want to answer.
    Topics {
        /// Their choice; a list is kept in catalog order.
        choice: TopicChoice,
    },
    /// An answer to one "I can" level.
    Answer {
        /// Topic id.
        topic: String,
        /// Level index, 0 for the easiest.
        level_index: u8,
        /// The answer.
        answer: Answer,
    },
    /// They chose not to answer the current topic.
    Skip {
        /// Topic id.
        topic: String,
    },
    /// The topics they would like to learn, in catalog order (may be empty).
    Wishes {
        /// Topic ids.
        topics: Vec<String>,
    },
}

impl Step {
    /// Taps this step costs on the screen: one per answer or skip; for a multiple choice,
    /// one per item ticked plus one to go on; "all topics" is one tap.
    pub fn taps(&self) -> usize {
        match self {
            Step::Devices { devices } => devices.len() + 1,
            Step::Topics {
                choice: TopicChoice::All,
            } => 1,
            Step::Topics {
                choice: TopicChoice::Some(ids),
            } => ids.len() + 1,
            Step::Answer { .. } | Step::Skip { .. } => 1,
            Step::Wishes { topics } => topics.len() + 1,
        }
    }
}

/// What to ask now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "question", rename_all = "snake_case")]
pub enum Question {
    /// "Which devices do you use?" (phone, computer, tablet; several allowed).
    Devices,
    /// "Which topics do you want to answer?" among these, or all.
    Topics {
        /// Topics that apply to the chosen devices, in catalog order.
        available: Vec<String>,
    },
    /// One "I can" sentence of a topic, answered with one of the four answers or skipped.
    Level {
        /// Topic id.
        topic: String,
        /// Level index, 0 for the easiest.
        level_index: u8,
        /// Number of levels of the topic.
        level_count: u8,
    },
    /// "Which of these would you like to learn?" (several allowed, none is fine).
    Wishes {
        /// Answered topics below level 3 (skipped ones included), in catalog order.
        offered: Vec<String>,
    },
}

impl Question {
    fn describe(question: Option<&Question>) -> String {
        match question {
            None => "none, the questionnaire is finished".to_owned(),
            Some(Question::Devices) => "devices".to_owned(),
            Some(Question::Topics { .. }) => "topics".to_owned(),
            Some(Question::Level {
                topic, level_index, ..
            }) => Location::level(topic, usize::from(*level_index)).to_string(),
            Some(Question::Wishes { .. }) => "wishes".to_owned(),
        }
    }
}

/// Where the person stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Questions answered so far (devices, topics, each level answer or skip, wishes).
    pub answered: usize,
    /// Fewest questions left.
    pub remaining_min: usize,
    /// Most questions left.
    pub remaining_max: usize,
    /// A middle guess: two questions per topic not started, one more per topic started.
    pub remaining_estimate: usize,
    /// Topics finished or skipped.
    pub topics_done: usize,
    /// Topics to answer (all that apply while the choice is not made yet).
    pub topics_total: usize,
    /// Taps so far.
    pub taps: usize,
}

/// The questionnaire: a snapshot of the topics and the list of steps taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    format_version: u32,
    plan: Vec<PlannedTopic>,
    steps: Vec<Step>,
}

/// The state the steps lead to.
struct Derived<'a> {
    devices: Option<&'a [Device]>,
    /// Indices into the plan of the topics to answer, in plan order.
    chosen: Option<Vec<usize>>,
    answers: Vec<Vec<Answer>>,
    skipped: Vec<bool>,
    wishes: Option<&'a [String]>,
}

impl Assessment {
    /// A new questionnaire over the topics of `catalog`.
    pub fn new(catalog: &Catalog) -> Assessment {
        let plan = catalog
            .topics()
            .iter()
            .map(|t| PlannedTopic {
                id: t.id.clone(),
                levels: u8::try_from(t.levels.len()).unwrap_or(u8::MAX),
                devices: t.devices.clone(),
            })
            .collect();
        Assessment {
            format_version: ASSESSMENT_FORMAT_VERSION,
            plan,
            steps: Vec::new(),
        }
    }

    /// The steps taken so far, oldest first.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The topics the questionnaire was started with.
    pub fn plan(&self) -> &[PlannedTopic] {
        &self.plan
    }

    /// Taps so far (undone steps are not counted).
    pub fn taps(&self) -> usize {
        self.steps.iter().map(Step::taps).sum()
    }

    /// The question to ask now, or `None` when everything is answered.
    pub fn next_question(&self) -> Option<Question> {
        let d = self.derive();
        let Some(devices) = d.devices else {
            return Some(Question::Devices);
        };
        let Some(chosen) = &d.chosen else {
            return Some(Question::Topics {
                available: self
                    .plan
                    .iter()
                    .filter(|t| t.applies_to(devices))
                    .map(|t| t.id.clone())
                    .collect(),
            });
        };
        for &i in chosen {
            if let Some(level_index) = self.pending_level(&d, i) {
                return Some(Question::Level {
                    topic: self.plan[i].id.clone(),
                    level_index,
                    level_count: self.plan[i].levels,
                });
            }
        }
        if d.wishes.is_none() {
            return Some(Question::Wishes {
                offered: self.wish_candidates(&d),
            });
        }
        None
    }

    /// Whether every question is answered.
    pub fn is_finished(&self) -> bool {
        self.next_question().is_none()
    }

    /// Answers the device question; `&[]` means none or not said (every topic then applies).
    pub fn choose_devices(&mut self, devices: &[Device]) -> Result<(), AssessmentError> {
        self.apply(Step::Devices {
            devices: devices.to_vec(),
        })
    }

    /// Answers the topic question.
    pub fn choose_topics(&mut self, choice: TopicChoice) -> Result<(), AssessmentError> {
        self.apply(Step::Topics { choice })
    }

    /// Answers the current "I can" level. The topic and level index must be those of
    /// [`Assessment::next_question`]: a stale screen or a double tap is refused, not misfiled.
    pub fn answer(
        &mut self,
        topic: &str,
        level_index: u8,
        answer: Answer,
    ) -> Result<(), AssessmentError> {
        self.apply(Step::Answer {
            topic: topic.to_owned(),
            level_index,
            answer,
        })
    }

    /// Skips the current topic (its partial answers are not counted).
    pub fn skip_topic(&mut self, topic: &str) -> Result<(), AssessmentError> {
        self.apply(Step::Skip {
            topic: topic.to_owned(),
        })
    }

    /// Answers the last question: the topics the person would like to learn (maybe none).
    pub fn choose_wishes(&mut self, topics: &[String]) -> Result<(), AssessmentError> {
        self.apply(Step::Wishes {
            topics: topics.to_vec(),
        })
    }

    /// Undoes the last step; the question it answered is asked again.
    pub fn back(&mut self) -> Result<Step, AssessmentError> {
        self.steps.pop().ok_or(AssessmentError::NothingToUndo)
    }

    /// Counts for a progress bar.
    pub fn progress(&self) -> Progress {
        let d = self.derive();
        let all: Vec<usize> = match d.devices {
            Some(devices) => (0..self.plan.len())
                .filter(|&i| self.plan[i].applies_to(devices))
                .collect(),
            None => (0..self.plan.len()).collect(),
        };
        let to_answer = d.chosen.clone().unwrap_or(all);
        let mut p = Progress {
            answered: self.steps.len(),
            remaining_min: usize::from(d.devices.is_none()) + usize::from(d.chosen.is_none()),
            remaining_max: 0,
            remaining_estimate: 0,
            topics_done: 0,
            topics_total: to_answer.len(),
            taps: self.taps(),
        };
        p.remaining_max = p.remaining_min;
        p.remaining_estimate = p.remaining_min;
        for &i in &to_answer {
            match self.pending_level(&d, i) {
                None => p.topics_done += 1,
                Some(next) => {
                    let left = usize::from(self.plan[i].levels.saturating_sub(next));
                    p.remaining_min += 1;
                    p.remaining_max += left;
                    p.remaining_estimate += if next == 0 { left.min(2) } else { 1 };
                }
            }
        }
        if d.wishes.is_none() {
            p.remaining_min += 1;
            p.remaining_max += 1;
            p.remaining_estimate += 1;
        }
        p
    }

    /// The result, once every question is answered. `taken_at` is the current unix time in
    /// milliseconds, given by the caller (the core has no clock).
    pub fn finish(&self, taken_at: u64) -> Result<AssessmentResult, AssessmentError> {
        if !self.is_finished() {
            return Err(AssessmentError::NotFinished);
        }
        let d = self.derive();
        let wishes: BTreeSet<&str> = d
            .wishes
            .unwrap_or_default()
            .iter()
            .map(String::as_str)
            .collect();
        let mut topics = BTreeMap::new();
        for &i in d.chosen.as_deref().unwrap_or_default() {
            let planned = &self.plan[i];
            let mut result = self.topic_result(&d, i);
            result.wants_to_learn = wishes.contains(planned.id.as_str());
            topics.insert(planned.id.clone(), result);
        }
        Ok(AssessmentResult {
            taken_at,
            devices: d.devices.unwrap_or_default().iter().copied().collect(),
            topics,
        })
    }

    /// Writes the state as JSON, to store after every tap.
    pub fn to_json(&self) -> Result<String, AssessmentError> {
        serde_json::to_string(self).map_err(|e| AssessmentError::json("questionnaire", &e))
    }

    /// Reads a state written by [`Assessment::to_json`], checking every step again.
    pub fn from_json(json: &str) -> Result<Assessment, AssessmentError> {
        check_version(json, "questionnaire", ASSESSMENT_FORMAT_VERSION)?;
        let stored: Assessment =
            serde_json::from_str(json).map_err(|e| AssessmentError::json("questionnaire", &e))?;
        let mut ids = BTreeSet::new();
        for t in &stored.plan {
            if !is_topic_id(&t.id) {
                return Err(AssessmentError::InvalidTopicId {
                    topic: t.id.clone(),
                });
            }
            if !ids.insert(t.id.as_str()) {
                return Err(AssessmentError::DuplicateTopic {
                    topic: t.id.clone(),
                });
            }
            if !(MIN_LEVELS..=MAX_LEVELS).contains(&usize::from(t.levels)) {
                return Err(AssessmentError::LevelCount {
                    at: Location::topic(&t.id),
                    count: usize::from(t.levels),
                });
            }
        }
        let mut fresh = Assessment {
            format_version: ASSESSMENT_FORMAT_VERSION,
            plan: stored.plan,
            steps: Vec::new(),
        };
        for step in stored.steps {
            fresh.apply(step)?;
        }
        Ok(fresh)
    }

    // ----- internals -----

    fn index_of(&self, topic: &str) -> Result<usize, AssessmentError> {
        self.plan
            .iter()
            .position(|t| t.id == topic)
            .ok_or_else(|| AssessmentError::UnknownTopic {
                topic: topic.to_owned(),
            })
    }

    /// Checks a step against the current question and records it in canonical form.
    fn apply(&mut self, step: Step) -> Result<(), AssessmentError> {
        let question = self.next_question();
        let wrong = || AssessmentError::NotTheCurrentQuestion {
            expected: Question::describe(question.as_ref()),
        };
        let step = match (step, &question) {
            (Step::Devices { mut devices }, Some(Question::Devices)) => {
                devices.sort();
                if let Some(w) = devices.windows(2).find(|w| w[0] == w[1]) {
                    return Err(AssessmentError::ChosenTwice {
                        item: format!("{:?}", w[0]).to_lowercase(),
                    });
                }
                Step::Devices { devices }
            }
            (Step::Topics { choice }, Some(Question::Topics { available })) => {
                let choice = match choice {
                    TopicChoice::All => TopicChoice::All,
                    TopicChoice::Some(ids) => {
                        if ids.is_empty() {
                            return Err(AssessmentError::NoTopicChosen);
                        }
                        TopicChoice::Some(self.canonical_subset(ids, available)?)
                    }
                };
                Step::Topics { choice }
            }
            (Step::Wishes { topics }, Some(Question::Wishes { offered })) => Step::Wishes {
                topics: self.canonical_subset(topics, offered)?,
            },
            (
                Step::Answer {
                    topic,
                    level_index,
                    answer,
                },
                Some(Question::Level {
                    topic: current,
                    level_index: current_index,
                    ..
                }),
            ) => {
                self.index_of(&topic)?;
                if topic != *current || level_index != *current_index {
                    return Err(wrong());
                }
                Step::Answer {
                    topic,
                    level_index,
                    answer,
                }
            }
            (Step::Skip { topic }, Some(Question::Level { topic: current, .. })) => {
                self.index_of(&topic)?;
                if topic != *current {
                    return Err(wrong());
                }
                Step::Skip { topic }
            }
            _ => return Err(wrong()),
        };
        self.steps.push(step);
        Ok(())
    }

    /// Checks `ids` are offered and distinct, and puts them in plan order.
    fn canonical_subset(
        &self,
        ids: Vec<String>,
        offered: &[String],
    ) -> Result<Vec<String>, AssessmentError> {
        let mut set = BTreeSet::new();
        for id in ids {
            let i = self.index_of(&id)?;
            if !offered.contains(&id) {
                return Err(AssessmentError::NotOffered { topic: id });
            }
            if !set.insert(i) {
                return Err(AssessmentError::ChosenTwice { item: id });
            }
        }
        Ok(set.into_iter().map(|i| self.plan[i].id.clone()).collect())
    }

    fn derive(&self) -> Derived<'_> {
        let mut d = Derived {
            devices: None,
            chosen: None,
            answers: vec![Vec::new(); self.plan.len()],
            skipped: vec![false; self.plan.len()],
            wishes: None,
        };
        for step in &self.steps {
            match step {
                Step::Devices { devices } => d.devices = Some(devices),
                Step::Topics { choice } => {
                    let devices = d.devices.unwrap_or_default();
                    d.chosen = Some(
                        (0..self.plan.len())
                            .filter(|&i| match choice {
                                TopicChoice::All => self.plan[i].applies_to(devices),
                                TopicChoice::Some(ids) => ids.contains(&self.plan[i].id),
                            })
                            .collect(),
                    );
                }
                Step::Answer { topic, answer, .. } => {
                    if let Some(i) = self.plan.iter().position(|t| t.id == *topic) {
                        d.answers[i].push(*answer);
                    }
                }
                Step::Skip { topic } => {
                    if let Some(i) = self.plan.iter().position(|t| t.id == *topic) {
                        d.skipped[i] = true;
                    }
                }
                Step::Wishes { topics } => d.wishes = Some(topics),
            }
        }
        d
    }

    /// The level index to ask next in topic `i`, or `None` when the topic is done: skipped,
    /// stopped by a "no" (never or with help), or every level answered.
    fn pending_level(&self, d: &Derived<'_>, i: usize) -> Option<u8> {
        let answers = &d.answers[i];
        let stopped = answers.last().is_some_and(|a| !a.is_yes());
        if d.skipped[i] || stopped || answers.len() >= usize::from(self.plan[i].levels) {
            return None;
        }
        u8::try_from(answers.len()).ok()
    }

    fn topic_result(&self, d: &Derived<'_>, i: usize) -> TopicResult {
        if d.skipped[i] {
            TopicResult::skipped(self.plan[i].levels)
        } else {
            TopicResult::from_answers(&d.answers[i], self.plan[i].levels)
        }
    }

    fn wish_candidates(&self, d: &Derived<'_>) -> Vec<String> {
        d.chosen
            .as_deref()
            .unwrap_or_default()
            .iter()
            .filter(|&&i| self.topic_result(d, i).level < MAX_TOPIC_LEVEL)
            .map(|&i| self.plan[i].id.clone())
            .collect()
    }
}
