//! The content rules, shared by the built-in catalog and the animators' own topics: ids,
//! level counts, plain-language texts, pictograms, devices and framework tags.

use std::collections::BTreeSet;

use super::content::{Answer, AnswerLabel, Level, Text, Topic};
use super::error::{AssessmentError, Location};
use super::frameworks::{digcomp_competence, pix_competence, MAX_FRAMEWORK_LEVEL};
use super::pictograms::is_pictogram;
use super::plain_text::{
    char_len, find_abbreviation, has_inner_sentence_break, MAX_SENTENCE_CHARS, MAX_TITLE_CHARS,
};

/// Fewest and most levels a topic may have.
pub const MIN_LEVELS: usize = 3;
/// Most levels a topic may have.
pub const MAX_LEVELS: usize = 4;
/// Longest topic id, in characters.
pub const MAX_ID_CHARS: usize = 40;

/// Whether `id` is lowercase ascii words joined by single underscores ("video_calls").
pub fn is_topic_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.split('_').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The answer labels: exactly the four answers, weakest first, with plain labels.
pub fn answers(labels: &[AnswerLabel]) -> Result<(), AssessmentError> {
    let ids: Vec<Answer> = labels.iter().map(|l| l.id).collect();
    if ids != Answer::ALL {
        return Err(AssessmentError::AnswerList);
    }
    for label in labels {
        short_text(&Location::topic("answers"), "answer label", &label.label)?;
    }
    Ok(())
}

/// A list of topics: each valid, ids unique, not empty.
pub fn topics(topics: &[Topic]) -> Result<(), AssessmentError> {
    if topics.is_empty() {
        return Err(AssessmentError::NoTopics);
    }
    let mut seen = BTreeSet::new();
    for t in topics {
        topic(t)?;
        if !seen.insert(t.id.as_str()) {
            return Err(AssessmentError::DuplicateTopic {
                topic: t.id.clone(),
            });
        }
    }
    Ok(())
}

/// One topic.
pub fn topic(topic: &Topic) -> Result<(), AssessmentError> {
    if !is_topic_id(&topic.id) {
        return Err(AssessmentError::InvalidTopicId {
            topic: topic.id.clone(),
        });
    }
    let at = Location::topic(&topic.id);
    short_text(&at, "title", &topic.title)?;
    if !is_pictogram(&topic.pictogram) {
        return Err(AssessmentError::UnknownPictogram {
            at,
            name: topic.pictogram.clone(),
        });
    }
    let distinct: BTreeSet<_> = topic.devices.iter().collect();
    if topic.devices.is_empty() || distinct.len() != topic.devices.len() {
        return Err(AssessmentError::BadDevices { at });
    }
    if !(MIN_LEVELS..=MAX_LEVELS).contains(&topic.levels.len()) {
        return Err(AssessmentError::LevelCount {
            at,
            count: topic.levels.len(),
        });
    }
    let mut previous_pix = 0;
    for (i, l) in topic.levels.iter().enumerate() {
        level(&Location::level(&topic.id, i), l)?;
        if l.pix_level < previous_pix {
            return Err(AssessmentError::DecreasingPixLevel {
                at: Location::level(&topic.id, i),
            });
        }
        previous_pix = l.pix_level;
    }
    Ok(())
}

fn level(at: &Location, level: &Level) -> Result<(), AssessmentError> {
    for (lang, text) in [("fr", &level.can.fr), ("en", &level.can.en)] {
        let at = at.clone().with_lang(lang);
        plain(&at, "sentence", text, MAX_SENTENCE_CHARS)?;
        if !text.ends_with('.') || text.ends_with("..") {
            return Err(AssessmentError::FinalPunctuation {
                at,
                field: "sentence",
            });
        }
        let first_person = match lang {
            "fr" => text.starts_with("Je ") || text.starts_with("J'") || text.starts_with("J’"),
            _ => text.starts_with("I "),
        };
        if !first_person {
            return Err(AssessmentError::NotFirstPerson { at });
        }
    }
    if pix_competence(&level.pix).is_none() {
        return Err(AssessmentError::UnknownPixCode {
            at: at.clone(),
            code: level.pix.clone(),
        });
    }
    if digcomp_competence(&level.digcomp).is_none() {
        return Err(AssessmentError::UnknownDigCompCode {
            at: at.clone(),
            code: level.digcomp.clone(),
        });
    }
    for (framework, value) in [("Pix", level.pix_level), ("DigComp", level.digcomp_level)] {
        if !(1..=MAX_FRAMEWORK_LEVEL).contains(&value) {
            return Err(AssessmentError::FrameworkLevel {
                at: at.clone(),
                framework,
                value,
            });
        }
    }
    Ok(())
}

/// A title or label: plain, short, no final full stop.
fn short_text(at: &Location, field: &'static str, text: &Text) -> Result<(), AssessmentError> {
    for (lang, s) in [("fr", &text.fr), ("en", &text.en)] {
        let at = at.clone().with_lang(lang);
        plain(&at, field, s, MAX_TITLE_CHARS)?;
        if s.ends_with('.') {
            return Err(AssessmentError::FinalPunctuation { at, field });
        }
    }
    Ok(())
}

/// Rules every text follows: not blank, short, no abbreviation, one sentence (abbreviations
/// are looked for first: "etc. " is better reported as an abbreviation).
fn plain(at: &Location, field: &'static str, s: &str, max: usize) -> Result<(), AssessmentError> {
    if s.trim().is_empty() {
        return Err(AssessmentError::EmptyText {
            at: at.clone(),
            field,
        });
    }
    let len = char_len(s);
    if len > max {
        return Err(AssessmentError::TextTooLong {
            at: at.clone(),
            field,
            len,
            max,
        });
    }
    if let Some(word) = find_abbreviation(s) {
        return Err(AssessmentError::Abbreviation {
            at: at.clone(),
            field,
            word,
        });
    }
    if has_inner_sentence_break(s) {
        return Err(AssessmentError::SeveralSentences {
            at: at.clone(),
            field,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_ids() {
        assert!(is_topic_id("email"));
        assert!(is_topic_id("video_calls"));
        assert!(is_topic_id("step2_go"));
        for bad in [
            "", "Email", "_a", "a_", "a__b", "2fa", "vidéo", "a-b", "a b",
        ] {
            assert!(!is_topic_id(bad), "{bad}");
        }
    }
}
