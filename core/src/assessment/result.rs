//! What a finished self-assessment says: per topic a level 0 to 3 for matching, stars for the
//! person, the "I can help" and "I want to learn" flags; the history of assessments and the
//! progress between the last two. The scoring rules are documented in the module root.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::content::{check_version, Answer, Device, Level, Topic};
use super::error::AssessmentError;

/// Highest topic level: "can show someone".
pub const MAX_TOPIC_LEVEL: u8 = 3;
/// Highest number of stars.
pub const MAX_STARS: u8 = 5;
/// Format version of a stored history.
pub const HISTORY_FORMAT_VERSION: u32 = 1;

/// The result of one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicResult {
    /// 0 never done, 1 with help, 2 on my own, 3 can show someone (see the module root).
    pub level: u8,
    /// 0 to 5 stars: how far up the topic's "I can" sentences the person goes.
    pub stars: u8,
    /// Number of "I can" sentences done on one's own, counted from the easiest.
    pub reached: u8,
    /// Number of "I can" sentences the topic has (3 or 4).
    pub of: u8,
    /// The person can show someone this topic: a possible helper.
    pub can_help: bool,
    /// The person said they would like to learn this topic.
    pub wants_to_learn: bool,
    /// The person chose not to answer this topic; level and stars are then 0 and mean nothing.
    pub skipped: bool,
}

impl TopicResult {
    /// Scores a topic from the answers given, easiest level first, as the engine asks them.
    pub fn from_answers(answers: &[Answer], level_count: u8) -> TopicResult {
        let reached = answers.iter().take_while(|a| a.is_yes()).count();
        let can_help = answers.iter().skip(1).any(|a| *a == Answer::CanShow);
        let level = if can_help {
            3
        } else if reached >= 2 {
            2
        } else if reached == 1 || answers.first() == Some(&Answer::WithHelp) {
            1
        } else {
            0
        };
        let n = usize::from(level_count.max(1));
        let stars = match (answers.first(), reached) {
            (None | Some(Answer::Never), _) => 0,
            (_, 0) => 1,
            (_, r) => 1 + (8 * r.min(n) + n) / (2 * n),
        };
        TopicResult {
            level,
            stars: u8::try_from(stars).unwrap_or(MAX_STARS).min(MAX_STARS),
            reached: u8::try_from(reached).unwrap_or(level_count),
            of: level_count,
            can_help,
            wants_to_learn: false,
            skipped: false,
        }
    }

    /// The result of a skipped topic.
    pub fn skipped(level_count: u8) -> TopicResult {
        TopicResult {
            skipped: true,
            ..TopicResult::from_answers(&[], level_count)
        }
    }

    /// The hardest level done on one's own, for rolling up by framework code.
    pub fn reached_level<'a>(&self, topic: &'a Topic) -> Option<&'a Level> {
        if self.skipped {
            return None;
        }
        usize::from(self.reached)
            .checked_sub(1)
            .and_then(|i| topic.levels.get(i))
    }
}

/// The answers as they count once implications are applied: a level below an "I can show
/// someone" counts as "I can show someone" too; levels never asked are `None`.
pub fn implied_answers(answers: &[Answer], level_count: u8) -> Vec<Option<Answer>> {
    (0..usize::from(level_count))
        .map(|i| {
            let a = answers.get(i).copied()?;
            let shown_above = answers[i + 1..].contains(&Answer::CanShow);
            Some(if a.is_yes() && shown_above {
                Answer::CanShow
            } else {
                a
            })
        })
        .collect()
}

/// One finished self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessmentResult {
    /// When it was finished, unix time in milliseconds, given by the caller.
    pub taken_at: u64,
    /// Devices the person said they use (empty: none or not said).
    pub devices: BTreeSet<Device>,
    /// Every topic offered to the person, by id; skipped ones are marked.
    pub topics: BTreeMap<String, TopicResult>,
}

impl AssessmentResult {
    /// Topics the person can show someone.
    pub fn can_help_with(&self) -> Vec<&str> {
        self.topics
            .iter()
            .filter(|(_, r)| r.can_help)
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// Topics the person would like to learn.
    pub fn wants_to_learn(&self) -> Vec<&str> {
        self.topics
            .iter()
            .filter(|(_, r)| r.wants_to_learn)
            .map(|(id, _)| id.as_str())
            .collect()
    }
}

/// The completed assessments of one person, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    format_version: u32,
    assessments: Vec<AssessmentResult>,
}

impl History {
    /// An empty history.
    pub fn new() -> History {
        History {
            format_version: HISTORY_FORMAT_VERSION,
            assessments: Vec::new(),
        }
    }

    /// Adds a result, keeping the list ordered by `taken_at` (equal times keep their order).
    pub fn push(&mut self, result: AssessmentResult) {
        let at = self
            .assessments
            .partition_point(|r| r.taken_at <= result.taken_at);
        self.assessments.insert(at, result);
    }

    /// All results, oldest first.
    pub fn assessments(&self) -> &[AssessmentResult] {
        &self.assessments
    }

    /// The most recent result.
    pub fn latest(&self) -> Option<&AssessmentResult> {
        self.assessments.last()
    }

    /// Writes the history as JSON.
    pub fn to_json(&self) -> Result<String, AssessmentError> {
        serde_json::to_string(self).map_err(|e| AssessmentError::json("history", &e))
    }

    /// Reads a history written by [`History::to_json`].
    pub fn from_json(json: &str) -> Result<History, AssessmentError> {
        check_version(json, "history", HISTORY_FORMAT_VERSION)?;
        let mut history: History =
            serde_json::from_str(json).map_err(|e| AssessmentError::json("history", &e))?;
        history.assessments.sort_by_key(|r| r.taken_at);
        Ok(history)
    }
}

/// How one topic changed between the two most recent assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDelta {
    /// Stars last time, `None` when the topic was not answered then.
    pub stars_before: Option<u8>,
    /// Stars now.
    pub stars_now: u8,
    /// Level last time, `None` when the topic was not answered then.
    pub level_before: Option<u8>,
    /// Level now.
    pub level_now: u8,
    /// Stars now minus stars before (0 when there is no before).
    pub stars_change: i8,
    /// Can help now and could not before (or was not answered before).
    pub newly_can_help: bool,
}

/// Per topic answered in the latest assessment (not skipped), the change since the one
/// before it. Empty when the history is empty; with one assessment every `before` is `None`.
pub fn progress_since_last(history: &History) -> BTreeMap<String, TopicDelta> {
    let list = history.assessments();
    let Some((latest, earlier)) = list.split_last() else {
        return BTreeMap::new();
    };
    let previous = earlier.last();
    latest
        .topics
        .iter()
        .filter(|(_, now)| !now.skipped)
        .map(|(id, now)| {
            let before = previous
                .and_then(|p| p.topics.get(id))
                .filter(|b| !b.skipped);
            let delta = TopicDelta {
                stars_before: before.map(|b| b.stars),
                stars_now: now.stars,
                level_before: before.map(|b| b.level),
                level_now: now.level,
                stars_change: before.map_or(0, |b| stars_diff(now.stars, b.stars)),
                newly_can_help: now.can_help && !before.is_some_and(|b| b.can_help),
            };
            (id.clone(), delta)
        })
        .collect()
}

fn stars_diff(now: u8, before: u8) -> i8 {
    let diff = i16::from(now) - i16::from(before);
    i8::try_from(diff).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::*;

    fn score(answers: &[Answer], n: u8) -> (u8, u8, u8, bool) {
        let r = TopicResult::from_answers(answers, n);
        (r.level, r.stars, r.reached, r.can_help)
    }

    #[test]
    fn scoring_table() {
        assert_eq!(score(&[Never], 4), (0, 0, 0, false));
        assert_eq!(score(&[WithHelp], 4), (1, 1, 0, false));
        assert_eq!(score(&[Alone, Never], 4), (1, 2, 1, false));
        assert_eq!(score(&[CanShow, WithHelp], 4), (1, 2, 1, false));
        assert_eq!(score(&[Alone, Alone, Never], 4), (2, 3, 2, false));
        assert_eq!(score(&[Alone, CanShow, Never], 4), (3, 3, 2, true));
        assert_eq!(score(&[Alone, Alone, Alone, WithHelp], 4), (2, 4, 3, false));
        assert_eq!(score(&[Alone, Alone, Alone, Alone], 4), (2, 5, 4, false));
        assert_eq!(
            score(&[CanShow, CanShow, CanShow, CanShow], 4),
            (3, 5, 4, true)
        );
        assert_eq!(score(&[Alone, Never], 3), (1, 2, 1, false));
        assert_eq!(score(&[Alone, Alone, Never], 3), (2, 4, 2, false));
        assert_eq!(score(&[Alone, Alone, CanShow], 3), (3, 5, 3, true));
        assert_eq!(score(&[], 3), (0, 0, 0, false));
    }

    #[test]
    fn implications() {
        assert_eq!(
            implied_answers(&[Alone, Alone, CanShow, Never], 4),
            vec![Some(CanShow), Some(CanShow), Some(CanShow), Some(Never)]
        );
        assert_eq!(
            implied_answers(&[CanShow, Alone, WithHelp], 4),
            vec![Some(CanShow), Some(Alone), Some(WithHelp), None]
        );
    }
}
