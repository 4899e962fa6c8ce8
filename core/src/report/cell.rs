//! Small cells: no figure about fewer than five people is ever shown, and none can be worked
//! out from what is shown.
//!
//! - [`Cell`] is a figure as a report shows it: a count, or "moins de 5" ([`Cell::Fewer`]),
//!   which holds no number at all, so no screen, print or export can leak it.
//! - A figure counting people (or help given to them) is hidden when 1 to 4 people are
//!   behind it (primary suppression). Zero is shown: it is about nobody.
//! - In a breakdown whose cells add up to a total that is shown (help by topic adds up to
//!   the help given), one hidden cell would be the total minus the others. So more cells are
//!   hidden, the smallest first (secondary suppression), until at least two are hidden and
//!   their sum does not pin them down either: someone who knows that every hidden cell is at
//!   least 1 (a row is listed because somebody is in it) would know them all if the hidden
//!   sum equalled the number of hidden cells. When nothing more can be hidden, the whole
//!   breakdown is withheld: no row at all, only the total.
//! - Totals are the same figure in every breakdown and in the headline, so they are never
//!   hidden in one place and shown in another: a breakdown whose total is hidden is withheld.

use serde::Serialize;

/// Fewest people a figure may be about.
pub const THRESHOLD: u32 = 5;

/// A figure as a report shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Cell {
    /// A count that may be shown.
    Count(u32),
    /// Hidden: "moins de 5", or a cell hidden so that another cannot be worked out.
    Fewer,
}

impl Cell {
    /// A count of people: hidden when 1 to 4.
    pub fn people(count: u32) -> Cell {
        Cell::about(count, count)
    }

    /// A figure about `people` people (help given to them, their minutes): hidden when 1
    /// to 4 people are behind it.
    pub fn about(value: u32, people: u32) -> Cell {
        if (1..THRESHOLD).contains(&people) {
            Cell::Fewer
        } else {
            Cell::Count(value)
        }
    }

    /// The count, if it may be shown.
    pub fn shown(self) -> Option<u32> {
        match self {
            Cell::Count(n) => Some(n),
            Cell::Fewer => None,
        }
    }

    /// Whether it is hidden.
    pub fn is_hidden(self) -> bool {
        self == Cell::Fewer
    }

    /// How it reads, on screen, in print and in exports ("moins de 5").
    pub fn text(self, french: bool) -> String {
        match (self, french) {
            (Cell::Count(n), _) => n.to_string(),
            (Cell::Fewer, true) => format!("moins de {THRESHOLD}"),
            (Cell::Fewer, false) => format!("fewer than {THRESHOLD}"),
        }
    }
}

/// The change from `previous` to `current`, when both are shown.
pub fn change(current: Cell, previous: Cell) -> Option<i64> {
    Some(i64::from(current.shown()?) - i64::from(previous.shown()?))
}

/// One row of a breakdown of help: who and how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row<K> {
    /// What the row is about (a topic, a device…); `None` is "not noted".
    pub key: K,
    /// Different people helped.
    pub people: Cell,
    /// Help given.
    pub help: Cell,
    /// Minutes of help.
    pub minutes: Cell,
}

/// Help given, broken down: rows add up to the help given and its minutes (people do not:
/// one person may be in several rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown<K> {
    /// The rows, in the order of the categories; empty when withheld.
    pub rows: Vec<Row<K>>,
    /// Too few people to show any row without revealing one: only the total is shown.
    pub withheld: bool,
}

/// A count of people, broken down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountRow<K> {
    /// What the row is about.
    pub key: K,
    /// How many people.
    pub people: Cell,
}

/// People, broken down: when `additive`, every person is in exactly one row and rows add
/// up to a total shown elsewhere (age bands add up to the people reached).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts<K> {
    /// The rows; empty when withheld.
    pub rows: Vec<CountRow<K>>,
    /// Too few people to show any row without revealing one.
    pub withheld: bool,
}

/// The true values of one row, before suppression (never leaves this module's callers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Raw {
    pub people: u32,
    pub help: u32,
    pub minutes: u32,
}

/// Which rows to hide: `None` to withhold the breakdown. `additive_people` says whether
/// people add up across rows (then their sum is checked too). Help adds up always (each row
/// has at least one help when it has a person), minutes too (each at least 0).
pub(crate) fn suppress(
    rows: &[Raw],
    additive_people: bool,
    additive_help: bool,
) -> Option<Vec<bool>> {
    let mut hidden: Vec<bool> = rows
        .iter()
        .map(|r| (1..THRESHOLD).contains(&r.people))
        .collect();
    if !additive_people && !additive_help {
        return Some(hidden);
    }
    let any_minutes = rows.iter().any(|r| r.minutes > 0);
    loop {
        let k = hidden.iter().filter(|h| **h).count() as u64;
        if k == 0 {
            return Some(hidden);
        }
        let sum = |f: fn(&Raw) -> u32| -> u64 {
            rows.iter()
                .zip(&hidden)
                .filter(|(_, h)| **h)
                .map(|(r, _)| u64::from(f(r)))
                .sum()
        };
        // Minutes pin hidden cells at zero only if some minutes were noted at all.
        let pinned = k == 1
            || (additive_people && sum(|r| r.people) == k)
            || (additive_help
                && (sum(|r| r.help) == k || (sum(|r| r.minutes) == 0 && any_minutes)));
        if !pinned {
            return Some(hidden);
        }
        let next = rows
            .iter()
            .enumerate()
            .filter(|(i, r)| !hidden[*i] && r.people > 0)
            .min_by_key(|(i, r)| (r.people, r.help, r.minutes, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => hidden[i] = true,
            None => return None,
        }
    }
}

/// A breakdown of help from its true rows (`total_shown`: whether the help given is shown).
pub(crate) fn breakdown<K>(rows: Vec<(K, Raw)>, total_shown: bool) -> Breakdown<K> {
    let raws: Vec<Raw> = rows.iter().map(|(_, r)| *r).collect();
    match suppress(&raws, false, true).filter(|_| total_shown) {
        None => Breakdown {
            rows: Vec::new(),
            withheld: true,
        },
        Some(hidden) => Breakdown {
            rows: rows
                .into_iter()
                .zip(hidden)
                .map(|((key, r), h)| {
                    let cell = |v| if h { Cell::Fewer } else { Cell::Count(v) };
                    Row {
                        key,
                        people: cell(r.people),
                        help: cell(r.help),
                        minutes: cell(r.minutes),
                    }
                })
                .collect(),
            withheld: false,
        },
    }
}

/// A breakdown of people from their true counts; `additive` when rows add up to a total
/// shown elsewhere (`total_shown`).
pub(crate) fn counts<K>(rows: Vec<(K, u32)>, additive: bool, total_shown: bool) -> Counts<K> {
    let raws: Vec<Raw> = rows
        .iter()
        .map(|(_, n)| Raw {
            people: *n,
            ..Raw::default()
        })
        .collect();
    match suppress(&raws, additive, false).filter(|_| total_shown) {
        None => Counts {
            rows: Vec::new(),
            withheld: true,
        },
        Some(hidden) => Counts {
            rows: rows
                .into_iter()
                .zip(hidden)
                .map(|((key, n), h)| CountRow {
                    key,
                    people: if h { Cell::Fewer } else { Cell::Count(n) },
                })
                .collect(),
            withheld: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(people: u32, help: u32) -> Raw {
        Raw {
            people,
            help,
            minutes: help * 30,
        }
    }

    #[test]
    fn a_single_small_cell_takes_the_next_smallest_with_it() {
        let hidden = suppress(&[raw(12, 20), raw(3, 4), raw(6, 9), raw(8, 8)], false, true);
        assert_eq!(hidden, Some(vec![false, true, true, false]));
    }

    #[test]
    fn two_hidden_cells_of_one_each_are_not_enough() {
        // Two rows of one help each: the hidden sum (2) would say both are 1.
        let hidden = suppress(&[raw(9, 9), raw(1, 1), raw(1, 1), raw(7, 7)], false, true);
        assert_eq!(hidden, Some(vec![false, true, true, true]));
        let people = suppress(&[raw(9, 0), raw(1, 0), raw(1, 0)], true, false);
        assert_eq!(people, Some(vec![true; 3]));
    }

    #[test]
    fn nothing_to_hide_shows_everything_and_zero_is_shown() {
        assert_eq!(
            suppress(&[raw(5, 5), raw(0, 0)], true, true),
            Some(vec![false; 2])
        );
        assert_eq!(Cell::people(0), Cell::Count(0));
        assert_eq!(Cell::people(4).text(true), "moins de 5");
        assert_eq!(Cell::about(37, 5).shown(), Some(37));
        assert_eq!(change(Cell::Count(7), Cell::Count(9)), Some(-2));
        assert_eq!(change(Cell::Count(7), Cell::Fewer), None);
    }

    #[test]
    fn a_breakdown_whose_total_is_hidden_is_withheld() {
        let b = breakdown(vec![("a", raw(6, 6))], false);
        assert!(b.withheld && b.rows.is_empty());
        let c = counts(vec![("a", 2), ("b", 0)], true, true);
        assert!(c.withheld, "one small row alone is its total");
    }
}
