//! The group's topic list as the animator adapts it (built-in topics hidden, local topics
//! added), kept in the vault in core's versioned `GroupTopics` format, ready to be shared
//! by QR code later.

use crate::services::catalog;
use crate::services::vault::{self, VaultServiceError};
use entraide_core::assessment::{AssessmentError, Device, GroupTopics, Level, Text, Topic};

const DOCUMENT: &str = "group-topics";
const BATCH: u64 = 12;
/// Pictogram of topics the group adds.
const LOCAL_PICTOGRAM: &str = "people";

/// Why the group's list could not be read, checked or saved.
#[derive(Debug, thiserror::Error)]
pub enum GroupTopicsError {
    /// The vault refused or storage failed.
    #[error(transparent)]
    Vault(#[from] VaultServiceError),
    /// The list or a new topic breaks a content rule.
    #[error(transparent)]
    Content(#[from] AssessmentError),
    /// A title or sentence holds something the group never keeps (core's guard).
    #[error(transparent)]
    Sensitive(#[from] entraide_core::guard::Refusal),
    /// The built-in catalog is unreadable (a defect of the build).
    #[error("{0}")]
    Catalog(String),
}

/// What the animator writes for a topic of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalTopicForm {
    /// Title in French.
    pub title_fr: String,
    /// Title in English (the French one when left empty).
    pub title_en: String,
    /// Three "I can…" sentences, easiest first, in French.
    pub levels_fr: [String; 3],
    /// The same in English, starting with "I" (core's content rule).
    pub levels_en: [String; 3],
    /// The closest Pix / CRCN competence code.
    pub pix: String,
    /// The closest DigComp 2.2 competence code.
    pub digcomp: String,
}

/// A topic id from a title: lowercase ASCII words joined by underscores, prefixed "local_".
pub fn id_from(title: &str) -> String {
    let mut id = String::from("local");
    let mut last_underscore = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            if !last_underscore {
                id.push('_');
            }
            id.push(c);
            last_underscore = true;
        } else {
            last_underscore = false;
        }
        if id.len() > 40 {
            break;
        }
    }
    id
}

fn or_french(en: &str, fr: &str) -> String {
    if en.trim().is_empty() {
        fr.trim().to_string()
    } else {
        en.trim().to_string()
    }
}

/// Builds (and checks with core's content rules) a topic of the group's own.
pub fn local_topic(form: &LocalTopicForm) -> Result<Topic, GroupTopicsError> {
    let texts = [&form.title_fr, &form.title_en]
        .into_iter()
        .chain(form.levels_fr.iter())
        .chain(form.levels_en.iter());
    for text in texts {
        entraide_core::guard::check(text, entraide_core::guard::FieldKind::Tip)?;
    }
    let levels = (0..3)
        .map(|i| Level {
            can: Text {
                fr: form.levels_fr[i].trim().to_string(),
                en: form.levels_en[i].trim().to_string(),
            },
            pix: form.pix.clone(),
            pix_level: i as u8 + 1,
            digcomp: form.digcomp.clone(),
            digcomp_level: i as u8 + 1,
        })
        .collect();
    let topic = Topic {
        id: id_from(&form.title_fr),
        title: Text {
            fr: form.title_fr.trim().to_string(),
            en: or_french(&form.title_en, &form.title_fr),
        },
        pictogram: LOCAL_PICTOGRAM.to_string(),
        sensitive: false,
        devices: vec![Device::Phone, Device::Computer, Device::Tablet],
        levels,
    };
    GroupTopics {
        local: vec![topic.clone()],
        ..GroupTopics::new()
    }
    .validate()?;
    Ok(topic)
}

/// Reads the group's list (the unchanged built-in list when none was saved) and makes it
/// the list the app uses.
pub async fn load() -> Result<GroupTopics, GroupTopicsError> {
    let group = match vault::load_document(DOCUMENT).await? {
        Some(serde_json::Value::String(json)) => GroupTopics::from_json(&json)?,
        _ => GroupTopics::new(),
    };
    activate(&group)?;
    Ok(group)
}

fn activate(group: &GroupTopics) -> Result<(), GroupTopicsError> {
    let builtin = catalog::catalog().map_err(GroupTopicsError::Catalog)?;
    catalog::set_group_catalog(Some(group.apply(builtin)?));
    Ok(())
}

/// Checks, saves and uses the group's list.
pub async fn save(group: &GroupTopics) -> Result<(), GroupTopicsError> {
    activate(group)?;
    vault::save_document(DOCUMENT, BATCH, serde_json::Value::String(group.to_json()?)).await?;
    Ok(())
}
