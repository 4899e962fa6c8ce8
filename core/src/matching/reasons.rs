//! Reasons: one line for every group and every unplaced person, kept as structured facts
//! ([`Reason`]) and rendered in French or English with names and topic labels supplied
//! by the caller ([`Labels`]). No i18n library: the sentences are written out here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::instance::Instance;
use super::solution::{Group, Solution, UncoveredNeed, Unplaced, UnplacedReason};

/// Language of a rendered reason.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (first language of the app).
    Fr,
    /// English.
    En,
}

/// Grammatical gender, when the person chose to give it (for pronouns and agreement).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// elle / she.
    Feminine,
    /// il / he.
    Masculine,
}

/// Facts about one helped person of a group.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct HelpedFact {
    /// Person id.
    pub id: String,
    /// Their level on the group's topic.
    pub level: u8,
    /// They were paired with this helper before.
    pub repeated: bool,
}

/// Why a group was formed or why a person is not placed, with the facts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// A group: the helper knows the topic better than each helped person.
    Group {
        /// Helper id.
        helper: String,
        /// Helper's level on the topic (2 or 3).
        helper_level: u8,
        /// Topic id.
        topic: String,
        /// The helped people.
        helped: Vec<HelpedFact>,
        /// The animator fixed this group.
        fixed: bool,
    },
    /// Sensitive topic: for the animator or a professional relay.
    Sensitive {
        /// Person id.
        person: String,
        /// Topic id.
        topic: String,
    },
    /// Nobody present could help on that topic.
    NoHelper {
        /// Person id.
        person: String,
        /// Topic id.
        topic: String,
        /// Their level on it.
        level: u8,
    },
    /// People who could help are busy with others.
    HelpersFull {
        /// Person id.
        person: String,
        /// Topic id.
        topic: String,
        /// Their level on it.
        level: u8,
    },
    /// The person helps in a group today, so their own need is not covered.
    NeedNotCovered {
        /// Person id (the helper).
        person: String,
        /// Topic id of their own need.
        topic: String,
        /// The people they help.
        helping: Vec<String>,
        /// Topic id of the group they help in.
        group_topic: String,
    },
}

/// The search stopped before proving its answer: what may still be missing.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gap {
    /// At most this many more people could be helped (0: the number helped is the
    /// best possible, the choice of helpers may not be).
    pub more_helped: u32,
}

impl Gap {
    /// One or two plain sentences, e.g. "Le calcul s'est arrêté avant la fin. Au plus 2
    /// personnes de plus pourraient être aidées."
    pub fn render(&self, lang: Lang) -> String {
        let first = match lang {
            Lang::Fr => "Le calcul s'est arrêté avant la fin.",
            Lang::En => "The search stopped before the end.",
        };
        let second = match (lang, self.more_helped) {
            (Lang::Fr, 0) => {
                "Personne de plus ne peut être aidé. Les groupes pourraient être un peu mieux choisis."
                    .to_string()
            }
            (Lang::Fr, 1) => "Au plus 1 personne de plus pourrait être aidée.".to_string(),
            (Lang::Fr, k) => format!("Au plus {k} personnes de plus pourraient être aidées."),
            (Lang::En, 0) => {
                "Nobody more can be helped. The groups could be chosen a little better."
                    .to_string()
            }
            (Lang::En, 1) => "At most 1 more person could be helped.".to_string(),
            (Lang::En, k) => format!("At most {k} more people could be helped."),
        };
        format!("{first} {second}")
    }
}

/// Names and labels supplied by the caller.
pub trait Labels {
    /// Display name of a person id.
    fn person(&self, id: &str) -> String;
    /// Label of a topic id in the language being rendered. For French, include the
    /// article ("le courriel") so the sentence reads naturally.
    fn topic(&self, id: &str) -> String;
    /// Gender, if the person gave it; `None` renders without pronouns.
    fn gender(&self, _id: &str) -> Option<Gender> {
        None
    }
}

/// A pair of closures `(person name, topic label)` is a [`Labels`] (no pronouns).
impl<P, T> Labels for (P, T)
where
    P: Fn(&str) -> String,
    T: Fn(&str) -> String,
{
    fn person(&self, id: &str) -> String {
        (self.0)(id)
    }
    fn topic(&self, id: &str) -> String {
        (self.1)(id)
    }
}

/// Labels from maps; unknown ids are shown as they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LabelMap {
    /// Person id → display name.
    pub people: BTreeMap<String, String>,
    /// Person id → gender (only for people who gave it).
    pub genders: BTreeMap<String, Gender>,
    /// Topic id → label.
    pub topics: BTreeMap<String, String>,
}

impl Labels for LabelMap {
    fn person(&self, id: &str) -> String {
        self.people
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
    fn topic(&self, id: &str) -> String {
        self.topics
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
    fn gender(&self, id: &str) -> Option<Gender> {
        self.genders.get(id).copied()
    }
}

/// Subject of a clause: the pronoun when the gender is known and the person was just
/// named alone, otherwise the name.
fn subject(labels: &dyn Labels, id: &str, lang: Lang, pronoun_ok: bool) -> String {
    match (pronoun_ok, labels.gender(id), lang) {
        (true, Some(Gender::Feminine), Lang::Fr) => "elle".into(),
        (true, Some(Gender::Masculine), Lang::Fr) => "il".into(),
        (true, Some(Gender::Feminine), Lang::En) => "she".into(),
        (true, Some(Gender::Masculine), Lang::En) => "he".into(),
        _ => labels.person(id),
    }
}

/// The sentence with its first letter in capitals (names already are).
fn capitalized(sentence: String) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => sentence,
    }
}

fn helper_phrase(level: u8, gender: Option<Gender>, lang: Lang) -> &'static str {
    match (lang, level >= 3, gender) {
        (Lang::Fr, true, _) => "sait le montrer",
        (Lang::Fr, false, Some(Gender::Feminine)) => "se débrouille seule",
        (Lang::Fr, false, Some(Gender::Masculine)) => "se débrouille seul",
        (Lang::Fr, false, None) => "se débrouille sans aide",
        (Lang::En, true, _) => "can show someone",
        (Lang::En, false, Some(Gender::Feminine)) => "manages on her own",
        (Lang::En, false, Some(Gender::Masculine)) => "manages on his own",
        (Lang::En, false, None) => "manages on their own",
    }
}

fn helped_phrase(level: u8, lang: Lang) -> &'static str {
    match (lang, level) {
        (Lang::Fr, 0) => "veut apprendre",
        (Lang::Fr, 1) => "l'a déjà fait avec de l'aide",
        (Lang::Fr, _) => "se débrouille et veut aller plus loin",
        (Lang::En, 0) => "wants to learn",
        (Lang::En, 1) => "has done it with help",
        (Lang::En, _) => "manages and wants to go further",
    }
}

fn object_pronoun(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::Feminine) => "her",
        Some(Gender::Masculine) => "him",
        None => "them",
    }
}

fn possessive(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::Feminine) => "her",
        Some(Gender::Masculine) => "his",
        None => "their",
    }
}

impl Reason {
    /// The person the reason is about (the helper for a group).
    pub fn person(&self) -> &str {
        match self {
            Reason::Group { helper, .. } => helper,
            Reason::Sensitive { person, .. }
            | Reason::NoHelper { person, .. }
            | Reason::HelpersFull { person, .. }
            | Reason::NeedNotCovered { person, .. } => person,
        }
    }

    /// One line in `lang`, e.g. "Martine montre le courriel à Paul : elle sait le
    /// montrer, il veut apprendre."
    pub fn render(&self, lang: Lang, labels: &dyn Labels) -> String {
        match self {
            Reason::Group {
                helper,
                helper_level,
                topic,
                helped,
                fixed,
            } => {
                // Plain language: one idea per sentence, the topic named as it is titled.
                let names: Vec<String> = helped.iter().map(|x| labels.person(&x.id)).collect();
                let who = names.join(match lang {
                    Lang::Fr => " et ",
                    Lang::En => " and ",
                });
                let mut sentences = vec![match lang {
                    // French typography: non-breaking spaces before ":" and inside « »,
                    // so a line never starts with ":" or "»".
                    Lang::Fr => format!(
                        "{} aide {who}\u{a0}: «\u{a0}{}\u{a0}».",
                        labels.person(helper),
                        labels.topic(topic)
                    ),
                    Lang::En => format!(
                        "{} helps {who}: “{}”.",
                        labels.person(helper),
                        labels.topic(topic)
                    ),
                }];
                sentences.push(capitalized(format!(
                    "{} {}.",
                    subject(labels, helper, lang, true),
                    helper_phrase(*helper_level, labels.gender(helper), lang)
                )));
                for x in helped {
                    let mut sentence = format!(
                        "{} {}",
                        subject(labels, &x.id, lang, helped.len() == 1),
                        helped_phrase(x.level, lang)
                    );
                    if x.repeated {
                        sentence.push_str(match lang {
                            Lang::Fr => " et connaît déjà cette personne",
                            Lang::En => " and has worked with this person before",
                        });
                    }
                    sentence.push('.');
                    sentences.push(capitalized(sentence));
                }
                if *fixed {
                    sentences.push(
                        match lang {
                            Lang::Fr => "Groupe choisi par l'animateur.",
                            Lang::En => "Group chosen by the animator.",
                        }
                        .to_string(),
                    );
                }
                sentences.join(" ")
            }
            Reason::Sensitive { person, topic } => match lang {
                Lang::Fr => format!(
                    "{} ({}) : thème sensible : à voir avec l'animateur ou un professionnel.",
                    labels.person(person),
                    labels.topic(topic)
                ),
                Lang::En => format!(
                    "{} ({}): sensitive topic: to see with the animator or a professional.",
                    labels.person(person),
                    labels.topic(topic)
                ),
            },
            Reason::NoHelper { person, topic, .. } => match lang {
                Lang::Fr => format!(
                    "{} ({}) : personne ici ne peut l'aider sur ce thème aujourd'hui.",
                    labels.person(person),
                    labels.topic(topic)
                ),
                Lang::En => format!(
                    "{} ({}): nobody here can help {} with this topic today.",
                    labels.person(person),
                    labels.topic(topic),
                    object_pronoun(labels.gender(person))
                ),
            },
            Reason::HelpersFull { person, topic, .. } => match lang {
                Lang::Fr => format!(
                    "{} ({}) : les personnes qui pourraient l'aider sont déjà occupées.",
                    labels.person(person),
                    labels.topic(topic)
                ),
                Lang::En => format!(
                    "{} ({}): the people who could help {} are already busy.",
                    labels.person(person),
                    labels.topic(topic),
                    object_pronoun(labels.gender(person))
                ),
            },
            Reason::NeedNotCovered {
                person,
                topic,
                helping,
                group_topic,
            } => {
                let who: Vec<String> = helping.iter().map(|x| labels.person(x)).collect();
                match lang {
                    Lang::Fr => format!(
                        "Besoin non couvert aujourd'hui\u{a0}: {} aide {} pour «\u{a0}{}\u{a0}». Son besoin («\u{a0}{}\u{a0}») attendra.",
                        labels.person(person),
                        who.join(" et "),
                        labels.topic(group_topic),
                        labels.topic(topic)
                    ),
                    Lang::En => format!(
                        "Need not covered today: {} helps {} with “{}”. {} need (“{}”) will wait.",
                        labels.person(person),
                        who.join(" and "),
                        labels.topic(group_topic),
                        capitalized(possessive(labels.gender(person)).to_string()),
                        labels.topic(topic)
                    ),
                }
            }
        }
    }
}

impl Group {
    /// The facts behind this group, read from the instance (unknown ids count as level 0).
    pub fn reason(&self, instance: &Instance) -> Reason {
        let level = |id: &str| {
            instance
                .people
                .iter()
                .find(|p| p.id == id)
                .map_or(0, |p| p.level(&self.topic))
        };
        let repeated = |x: &str| {
            instance
                .history
                .iter()
                .any(|(a, b)| (a == &self.helper && b == x) || (b == &self.helper && a == x))
        };
        let mut sorted = self.helped.clone();
        sorted.sort();
        let fixed = instance.fixed.iter().any(|f| {
            let mut fh = f.helped.clone();
            fh.sort();
            f.helper == self.helper && f.topic == self.topic && fh == sorted
        });
        Reason::Group {
            helper: self.helper.clone(),
            helper_level: level(&self.helper),
            topic: self.topic.clone(),
            helped: self
                .helped
                .iter()
                .map(|x| HelpedFact {
                    id: x.clone(),
                    level: level(x),
                    repeated: repeated(x),
                })
                .collect(),
            fixed,
        }
    }
}

impl Unplaced {
    /// The facts behind this unplaced person, read from the instance.
    pub fn reason(&self, instance: &Instance) -> Reason {
        let person = instance.people.iter().find(|p| p.id == self.id);
        let topic = person.and_then(|p| p.need.clone()).unwrap_or_default();
        let level = person.map_or(0, |p| p.level(&topic));
        match self.reason {
            UnplacedReason::Sensitive => Reason::Sensitive {
                person: self.id.clone(),
                topic,
            },
            UnplacedReason::NoHelper => Reason::NoHelper {
                person: self.id.clone(),
                topic,
                level,
            },
            UnplacedReason::HelpersFull => Reason::HelpersFull {
                person: self.id.clone(),
                topic,
                level,
            },
        }
    }
}

impl UncoveredNeed {
    /// The facts behind this need not covered.
    pub fn reason(&self) -> Reason {
        Reason::NeedNotCovered {
            person: self.id.clone(),
            topic: self.need.clone(),
            helping: self.group.helped.clone(),
            group_topic: self.group.topic.clone(),
        }
    }
}

impl Solution {
    /// A reason for every group, every unplaced person and every need not covered
    /// (people who help instead), in that order.
    pub fn reasons(&self, instance: &Instance) -> Vec<Reason> {
        let mut out: Vec<Reason> = self.groups.iter().map(|g| g.reason(instance)).collect();
        out.extend(self.unplaced.iter().map(|u| u.reason(instance)));
        out.extend(self.uncovered.iter().map(UncoveredNeed::reason));
        out
    }

    /// What may still be missing when the search stopped before its proof.
    pub fn gap(&self) -> Option<Gap> {
        self.more_helped_at_most()
            .map(|more_helped| Gap { more_helped })
    }
}
