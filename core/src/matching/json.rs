//! JSON interface of the matching (used by the `match` example and by the app): reads a
//! request, checks every field (errors name the field path, unknown fields refused),
//! solves, and writes the groups, unplaced people, objective and proof flag, then (added
//! later, so older readers can ignore them) the proven bound on helped people and the
//! helpers whose own need is not covered today.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::MatchingError;
use super::instance::{Instance, Person, RepeatPolicy, Role, Topic, MAX_LEVEL};
use super::solution::{Group, Solution, UncoveredNeed, Unplaced};
use super::solver::{solve, SolveOptions};

/// The output document: `groups`, `unplaced`, `objective`, `optimal`, then
/// `helped_bound` and `uncovered`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// Groups sorted by helper id.
    pub groups: Vec<Group>,
    /// Unplaced people sorted by id.
    pub unplaced: Vec<Unplaced>,
    /// `[n_helped, n_with_level3, n_groups, n_repeated_pairs]`.
    pub objective: [u32; 4],
    /// The optimum is proven.
    pub optimal: bool,
    /// Proven upper bound on `n_helped` (equal to it when the first criterion is proven).
    #[serde(default)]
    pub helped_bound: u32,
    /// Helpers whose own need is not covered today, sorted by id.
    #[serde(default)]
    pub uncovered: Vec<UncoveredNeed>,
}

impl From<&Solution> for Output {
    fn from(s: &Solution) -> Self {
        Output {
            groups: s.groups.clone(),
            unplaced: s.unplaced.clone(),
            objective: s.objective.as_array(),
            optimal: s.optimal,
            helped_bound: s.helped_bound,
            uncovered: s.uncovered.clone(),
        }
    }
}

/// Read a request, solve it with default limits, and return the output JSON (pretty,
/// ending with a newline).
pub fn run(input: &str) -> Result<String, MatchingError> {
    run_with(input, &SolveOptions::default())
}

/// Same as [`run`] with explicit search limits.
pub fn run_with(input: &str, options: &SolveOptions) -> Result<String, MatchingError> {
    let instance = parse_instance(input)?;
    let solution = solve(&instance, options)?;
    let mut text = serde_json::to_string_pretty(&Output::from(&solution))
        .map_err(|e| MatchingError::Json(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Parse and check a request. Errors name the field, e.g. `people[2].need`.
pub fn parse_instance(input: &str) -> Result<Instance, MatchingError> {
    let value: Value =
        serde_json::from_str(input).map_err(|e| MatchingError::Json(e.to_string()))?;
    let instance = instance_from_value(&value)?;
    instance.validate()?;
    Ok(instance)
}

fn err<T>(field: &str, message: impl Into<String>) -> Result<T, MatchingError> {
    Err(MatchingError::field(field, message))
}

fn object<'a>(
    v: &'a Value,
    path: &str,
    allowed: &[&str],
) -> Result<&'a Map<String, Value>, MatchingError> {
    let Value::Object(map) = v else {
        return err(path, "expected an object");
    };
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            let field = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            return err(
                &field,
                format!("unknown field (expected one of: {})", allowed.join(", ")),
            );
        }
    }
    Ok(map)
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn array<'a>(v: &'a Value, path: &str) -> Result<&'a Vec<Value>, MatchingError> {
    match v {
        Value::Array(a) => Ok(a),
        _ => err(path, "expected an array"),
    }
}

fn string(v: &Value, path: &str) -> Result<String, MatchingError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        _ => err(path, "expected a string"),
    }
}

fn opt_string(v: Option<&Value>, path: &str) -> Result<Option<String>, MatchingError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(v) => string(v, path).map(Some),
    }
}

fn boolean(v: Option<&Value>, path: &str, default: bool) -> Result<bool, MatchingError> {
    match v {
        None => Ok(default),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => err(path, "expected true or false"),
    }
}

fn required<'a>(
    map: &'a Map<String, Value>,
    path: &str,
    key: &str,
) -> Result<&'a Value, MatchingError> {
    map.get(key)
        .ok_or_else(|| MatchingError::field(join(path, key), "missing field"))
}

fn topic_from(v: &Value, path: &str) -> Result<Topic, MatchingError> {
    let map = object(v, path, &["id", "sensitive"])?;
    Ok(Topic {
        id: string(required(map, path, "id")?, &join(path, "id"))?,
        sensitive: boolean(map.get("sensitive"), &join(path, "sensitive"), false)?,
    })
}

fn person_from(v: &Value, path: &str) -> Result<Person, MatchingError> {
    let map = object(
        v,
        path,
        &["id", "levels", "need", "helps", "capacity", "role"],
    )?;
    let id = string(required(map, path, "id")?, &join(path, "id"))?;
    let mut levels = BTreeMap::new();
    match map.get("levels") {
        None | Some(Value::Null) => {}
        Some(Value::Object(lv)) => {
            for (topic, level) in lv {
                let field = format!("{path}.levels.{topic}");
                let out_of_range = |shown: String| {
                    MatchingError::field(
                        field.clone(),
                        format!("level {shown} is out of range 0..={MAX_LEVEL}"),
                    )
                };
                let level = match level {
                    Value::Number(n) => {
                        if let Some(u) = n.as_u64() {
                            if u > u64::from(MAX_LEVEL) {
                                return Err(out_of_range(u.to_string()));
                            }
                            u as u8
                        } else if let Some(i) = n.as_i64() {
                            return Err(out_of_range(i.to_string()));
                        } else {
                            return err(&field, format!("expected a whole number 0..={MAX_LEVEL}"));
                        }
                    }
                    _ => return err(&field, format!("expected a whole number 0..={MAX_LEVEL}")),
                };
                levels.insert(topic.clone(), level);
            }
        }
        Some(_) => return err(&join(path, "levels"), "expected an object of topic: level"),
    }
    let capacity = match map.get("capacity") {
        None => 2,
        Some(Value::Number(n)) => match n.as_u64() {
            Some(c) => u32::try_from(c).unwrap_or(u32::MAX),
            None => {
                return err(
                    &join(path, "capacity"),
                    "capacity must be a whole number at least 1",
                )
            }
        },
        Some(_) => {
            return err(
                &join(path, "capacity"),
                "capacity must be a whole number at least 1",
            )
        }
    };
    let role = match map.get("role") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s == "helper" => Some(Role::Helper),
        Some(Value::String(s)) if s == "helped" => Some(Role::Helped),
        Some(_) => {
            return err(
                &join(path, "role"),
                "expected \"helper\", \"helped\" or null",
            )
        }
    };
    Ok(Person {
        id,
        levels,
        need: opt_string(map.get("need"), &join(path, "need"))?,
        helps: boolean(map.get("helps"), &join(path, "helps"), false)?,
        capacity,
        role,
    })
}

fn group_from(v: &Value, path: &str) -> Result<Group, MatchingError> {
    let map = object(v, path, &["helper", "helped", "topic"])?;
    let helped_path = join(path, "helped");
    let helped = array(required(map, path, "helped")?, &helped_path)?
        .iter()
        .enumerate()
        .map(|(j, x)| string(x, &format!("{helped_path}[{j}]")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Group {
        helper: string(required(map, path, "helper")?, &join(path, "helper"))?,
        helped,
        topic: string(required(map, path, "topic")?, &join(path, "topic"))?,
    })
}

/// Convert a JSON value to an [`Instance`] (shape only; rules are checked by
/// [`Instance::validate`]).
pub fn instance_from_value(v: &Value) -> Result<Instance, MatchingError> {
    let map = object(v, "", &["topics", "people", "history", "repeat", "fixed"])?;
    let topics = array(required(map, "", "topics")?, "topics")?
        .iter()
        .enumerate()
        .map(|(i, t)| topic_from(t, &format!("topics[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let people = array(required(map, "", "people")?, "people")?
        .iter()
        .enumerate()
        .map(|(i, p)| person_from(p, &format!("people[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut history = Vec::new();
    if let Some(h) = map.get("history") {
        if !h.is_null() {
            for (k, pair) in array(h, "history")?.iter().enumerate() {
                let path = format!("history[{k}]");
                let items = array(pair, &path)?;
                if items.len() != 2 {
                    return err(&path, "expected a pair [helper, helped]");
                }
                history.push((
                    string(&items[0], &format!("{path}[0]"))?,
                    string(&items[1], &format!("{path}[1]"))?,
                ));
            }
        }
    }
    let repeat = match map.get("repeat") {
        None | Some(Value::Null) => RepeatPolicy::Prefer,
        Some(Value::String(s)) if s == "prefer" => RepeatPolicy::Prefer,
        Some(Value::String(s)) if s == "avoid" => RepeatPolicy::Avoid,
        Some(_) => return err("repeat", "expected \"prefer\" or \"avoid\""),
    };
    let mut fixed = Vec::new();
    if let Some(f) = map.get("fixed") {
        if !f.is_null() {
            for (k, g) in array(f, "fixed")?.iter().enumerate() {
                fixed.push(group_from(g, &format!("fixed[{k}]"))?);
            }
        }
    }
    Ok(Instance {
        topics,
        people,
        history,
        repeat,
        fixed,
    })
}
