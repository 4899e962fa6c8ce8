//! The topic catalog shipped with the app (core's `content/topics.json`), parsed once.

use entraide_core::assessment::{Catalog, Topic};
use entraide_core::matching;
use std::sync::OnceLock;

static CATALOG: OnceLock<Result<Catalog, String>> = OnceLock::new();

/// The built-in catalog, or the reason it could not be read (a build defect, shown plainly).
pub fn catalog() -> Result<&'static Catalog, String> {
    CATALOG
        .get_or_init(|| Catalog::builtin().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(Clone::clone)
}

/// The catalog's topics as the matching engine sees them.
pub fn matching_topics() -> Result<Vec<matching::Topic>, String> {
    Ok(catalog()?
        .topics()
        .iter()
        .map(|t: &Topic| matching::Topic {
            id: t.id.clone(),
            sensitive: t.sensitive,
        })
        .collect())
}

/// A topic's title in French (`french`) or English; the id itself when unknown.
pub fn topic_title(id: &str, french: bool) -> String {
    catalog()
        .ok()
        .and_then(|c| c.topic(id))
        .map(|t| {
            if french {
                t.title.fr.clone()
            } else {
                t.title.en.clone()
            }
        })
        .unwrap_or_else(|| id.to_string())
}
