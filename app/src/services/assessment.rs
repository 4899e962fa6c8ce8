//! The self-assessment as the app runs it: the questionnaire in progress and the history of
//! completed ones, both kept in the vault after every tap (an interruption loses nothing).

use crate::services::catalog;
use crate::services::vault::{self, now_ms, VaultServiceError};
use entraide_core::assessment::{Assessment, AssessmentError, History};

const IN_PROGRESS: &str = "assessment";
const HISTORY: &str = "assessment-history";
const IN_PROGRESS_BATCH: u64 = 10;
const HISTORY_BATCH: u64 = 11;

/// Why the self-assessment could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum AssessmentServiceError {
    /// The vault refused or storage failed.
    #[error(transparent)]
    Vault(#[from] VaultServiceError),
    /// The questionnaire refused the step, or stored data is unreadable.
    #[error(transparent)]
    Assessment(#[from] AssessmentError),
    /// The built-in catalog is broken (a defect of the build).
    #[error("the topic catalog is unreadable: {0}")]
    Catalog(String),
}

/// The person's self-assessments.
#[derive(Clone, Debug, Default)]
pub struct Skills {
    /// The questionnaire being answered, if any.
    pub in_progress: Option<Assessment>,
    /// Completed assessments, oldest first.
    pub history: History,
}

/// Reads both documents from the vault.
pub async fn load() -> Result<Skills, AssessmentServiceError> {
    let in_progress = match vault::load_document(IN_PROGRESS).await? {
        Some(serde_json::Value::String(json)) => Some(Assessment::from_json(&json)?),
        _ => None,
    };
    let history = match vault::load_document(HISTORY).await? {
        Some(serde_json::Value::String(json)) => History::from_json(&json)?,
        _ => History::new(),
    };
    Ok(Skills {
        in_progress,
        history,
    })
}

/// A new questionnaire over the group's topics (the built-in ones unless adapted).
pub fn start() -> Result<Assessment, AssessmentServiceError> {
    let catalog = catalog::group_catalog().map_err(AssessmentServiceError::Catalog)?;
    Ok(Assessment::new(&catalog))
}

/// Saves the questionnaire in progress (`None`: there is none any more).
pub async fn save_in_progress(
    assessment: Option<&Assessment>,
) -> Result<(), AssessmentServiceError> {
    let value = match assessment {
        Some(a) => serde_json::Value::String(a.to_json()?),
        None => serde_json::Value::Null,
    };
    vault::save_document(IN_PROGRESS, IN_PROGRESS_BATCH, value).await?;
    Ok(())
}

/// Finishes the questionnaire: its result joins the history, and both are saved.
pub async fn finish(
    assessment: &Assessment,
    history: &mut History,
) -> Result<(), AssessmentServiceError> {
    let result = assessment.finish(now_ms())?;
    history.push(result);
    vault::save_document(
        HISTORY,
        HISTORY_BATCH,
        serde_json::Value::String(history.to_json()?),
    )
    .await?;
    save_in_progress(None).await?;
    Ok(())
}
