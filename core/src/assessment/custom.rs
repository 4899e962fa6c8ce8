//! An animator's adapted topic list for their group: built-in topics to hide and the group's
//! own topics, checked with the same rules as the built-in content. Stored and shared as JSON.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::content::{check_version, Catalog, Topic};
use super::error::AssessmentError;
use super::validate;

/// Format version of a group's topic list.
pub const GROUP_TOPICS_FORMAT_VERSION: u32 = 1;

/// A group's changes to the built-in topics.
///
/// Applying it removes the `hidden` topics and adds the `local` ones at the end, in their
/// order. A local topic may reuse the id of a hidden built-in topic: it then replaces that
/// topic in place (a rewording for the group keeps the same id, so results stay comparable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTopics {
    /// Version of this format; a newer one gives [`AssessmentError::UnsupportedVersion`].
    pub format_version: u32,
    /// Ids of built-in topics the group does not use.
    #[serde(default)]
    pub hidden: Vec<String>,
    /// The group's own topics.
    #[serde(default)]
    pub local: Vec<Topic>,
}

impl Default for GroupTopics {
    fn default() -> Self {
        GroupTopics {
            format_version: GROUP_TOPICS_FORMAT_VERSION,
            hidden: Vec::new(),
            local: Vec::new(),
        }
    }
}

impl GroupTopics {
    /// No change: the built-in list as it is.
    pub fn new() -> GroupTopics {
        GroupTopics::default()
    }

    /// Reads and checks a list written by [`GroupTopics::to_json`].
    pub fn from_json(json: &str) -> Result<GroupTopics, AssessmentError> {
        check_version(json, "group topics", GROUP_TOPICS_FORMAT_VERSION)?;
        let group: GroupTopics =
            serde_json::from_str(json).map_err(|e| AssessmentError::json("group topics", &e))?;
        group.validate()?;
        Ok(group)
    }

    /// Writes the list as JSON.
    pub fn to_json(&self) -> Result<String, AssessmentError> {
        serde_json::to_string(self).map_err(|e| AssessmentError::json("group topics", &e))
    }

    /// Checks the list on its own: version, hidden ids well formed and not repeated, local
    /// topics valid and with distinct ids.
    pub fn validate(&self) -> Result<(), AssessmentError> {
        if self.format_version != GROUP_TOPICS_FORMAT_VERSION {
            return Err(AssessmentError::UnsupportedVersion {
                what: "group topics",
                found: self.format_version,
                supported: GROUP_TOPICS_FORMAT_VERSION,
            });
        }
        let mut hidden = BTreeSet::new();
        for id in &self.hidden {
            if !validate::is_topic_id(id) {
                return Err(AssessmentError::InvalidTopicId { topic: id.clone() });
            }
            if !hidden.insert(id) {
                return Err(AssessmentError::DuplicateTopic { topic: id.clone() });
            }
        }
        let mut local = BTreeSet::new();
        for topic in &self.local {
            validate::topic(topic)?;
            if !local.insert(&topic.id) {
                return Err(AssessmentError::DuplicateTopic {
                    topic: topic.id.clone(),
                });
            }
        }
        Ok(())
    }

    /// The group's list: `catalog` without the hidden topics, with the local ones.
    pub fn apply(&self, catalog: &Catalog) -> Result<Catalog, AssessmentError> {
        self.validate()?;
        for id in &self.hidden {
            if catalog.topic(id).is_none() {
                return Err(AssessmentError::UnknownHiddenTopic { topic: id.clone() });
            }
        }
        let is_hidden = |id: &str| self.hidden.iter().any(|h| h == id);
        let mut added = vec![false; self.local.len()];
        let mut topics = Vec::new();
        for topic in catalog.topics() {
            let replacement = self.local.iter().position(|l| l.id == topic.id);
            match (is_hidden(&topic.id), replacement) {
                (false, None) => topics.push(topic.clone()),
                (false, Some(_)) => {
                    return Err(AssessmentError::DuplicateTopic {
                        topic: topic.id.clone(),
                    })
                }
                (true, Some(i)) => {
                    topics.push(self.local[i].clone());
                    added[i] = true;
                }
                (true, None) => {}
            }
        }
        for (topic, done) in self.local.iter().zip(added) {
            if !done {
                topics.push(topic.clone());
            }
        }
        Catalog::new(catalog.answers().to_vec(), topics)
    }
}
