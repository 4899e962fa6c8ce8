//! The topic catalog shipped with the app (core's `content/topics.json`), parsed once.

use entraide_core::assessment::{Catalog, Topic};
use entraide_core::matching;
use std::cell::RefCell;
use std::sync::OnceLock;

static CATALOG: OnceLock<Result<Catalog, String>> = OnceLock::new();

thread_local! {
    /// The group's list (built-in topics adapted by the animator), once loaded.
    static GROUP: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Uses `catalog` as the group's topic list from now on (`None`: the built-in list).
pub fn set_group_catalog(catalog: Option<Catalog>) {
    GROUP.with(|g| *g.borrow_mut() = catalog);
}

/// The group's topic list if the animator adapted it, else the built-in one.
pub fn group_catalog() -> Result<Catalog, String> {
    match GROUP.with(|g| g.borrow().clone()) {
        Some(c) => Ok(c),
        None => catalog().cloned(),
    }
}

/// Runs `f` on the topic `id`, looked up in the group's list, then in the built-in one.
pub fn with_topic<T>(id: &str, f: impl FnOnce(&Topic) -> T) -> Option<T> {
    if let Some(t) = GROUP.with(|g| g.borrow().as_ref().and_then(|c| c.topic(id).cloned())) {
        return Some(f(&t));
    }
    catalog().ok().and_then(|c| c.topic(id)).map(f)
}

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
    with_topic(id, |t| {
        if french {
            t.title.fr.clone()
        } else {
            t.title.en.clone()
        }
    })
    .unwrap_or_else(|| id.to_string())
}
