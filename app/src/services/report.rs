//! The "Bilan" as the screen shows it: which record (the demo year or a group this phone
//! animates), the period the animator picked, and core's figures turned into headline
//! numbers and bar charts whose hidden cells read "moins de 5" and draw no bar.

use crate::services::catalog;
use crate::services::vault::{self, VaultServiceError};
use entraide_core::model::{Day, GroupRecord, Track};
use entraide_core::report::{self, Breakdown, Cell, Comparison, Counts, Period, ReportError};
use entraide_core::transfer::GroupId;

/// The period the animator picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodChoice {
    /// From January 1st to December 31st of this year.
    ThisYear,
    /// The whole of last year.
    LastYear,
    /// One calendar month.
    Month(i32, u32),
    /// From one day to another, both included.
    Range(Day, Day),
}

impl PeriodChoice {
    /// The days it covers, `today` being the phone's date.
    pub fn period(self, today: Day) -> Result<Period, ReportError> {
        match self {
            PeriodChoice::ThisYear => Period::this_year(today),
            PeriodChoice::LastYear => Period::last_year(today),
            PeriodChoice::Month(y, m) => Period::month(y, m),
            PeriodChoice::Range(from, to) => Period::new(from, to),
        }
    }
}

/// Parses an `<input type="month">` value ("2025-03").
pub fn parse_month(text: &str) -> Option<(i32, u32)> {
    let (y, m) = text.trim().split_once('-')?;
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    Day::from_ymd(y, m, 1).map(|_| (y, m))
}

/// One headline figure with its change from the previous period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// What it counts ("Personnes accompagnées").
    pub label: String,
    /// The figure ("32", "moins de 5").
    pub value: String,
    /// The change, worded ("+4 par rapport à année 2024"), or `None` when it cannot be said.
    pub change: Option<String>,
}

/// One bar of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The category.
    pub label: String,
    /// The figure as read ("12", "moins de 5").
    pub text: String,
    /// Length of the bar, 0 to 1 of the longest; 0 for a hidden cell (no bar drawn).
    pub fraction: f64,
}

/// A bar chart and its table: the same figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Its title.
    pub title: String,
    /// What the figures count ("aides").
    pub unit: String,
    /// The bars, in the field's order.
    pub bars: Vec<Bar>,
    /// Too few people to show any row: only the total is given.
    pub withheld: bool,
}

/// Everything the screen shows for one record and period.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportView {
    /// "année 2025".
    pub period: String,
    /// "année 2024".
    pub previous: String,
    /// The large numbers.
    pub headlines: Vec<Headline>,
    /// The charts.
    pub charts: Vec<Chart>,
    /// Attendance per session: (date, track, people).
    pub sessions: Vec<(String, String, String)>,
}

fn change_text(
    current: Cell,
    previous: Cell,
    previous_label: &str,
    french: bool,
) -> Option<String> {
    let delta = report::cell::change(current, previous)?;
    let sign = if delta > 0 { "+" } else { "" };
    Some(if french {
        format!("{sign}{delta} par rapport à {previous_label}")
    } else {
        format!("{sign}{delta} compared with {previous_label}")
    })
}

fn bars_of<K>(
    rows: impl Iterator<Item = (K, Cell)>,
    label: impl Fn(&K) -> String,
    french: bool,
) -> Vec<Bar> {
    let rows: Vec<(K, Cell)> = rows.collect();
    let max = rows
        .iter()
        .filter_map(|(_, c)| c.shown())
        .max()
        .unwrap_or(0)
        .max(1);
    rows.iter()
        .map(|(k, c)| Bar {
            label: label(k),
            text: c.text(french),
            fraction: c.shown().map_or(0.0, |n| f64::from(n) / f64::from(max)),
        })
        .collect()
}

fn help_chart<K>(
    title: String,
    breakdown: &Breakdown<K>,
    label: impl Fn(&K) -> String,
    french: bool,
) -> Chart {
    Chart {
        title,
        unit: if french { "aides" } else { "help given" }.to_string(),
        bars: bars_of(
            breakdown.rows.iter().map(|r| (&r.key, r.help)),
            |k| label(k),
            french,
        ),
        withheld: breakdown.withheld,
    }
}

/// The same chart with its bars most first (topics have no natural order); hidden cells
/// after, in the order given, which says nothing about them.
fn most_first_chart(mut chart: Chart) -> Chart {
    chart.bars.sort_by(|a, b| b.fraction.total_cmp(&a.fraction));
    chart
}

fn people_chart<K>(
    title: String,
    counts: &Counts<K>,
    label: impl Fn(&K) -> String,
    french: bool,
) -> Chart {
    Chart {
        title,
        unit: if french { "personnes" } else { "people" }.to_string(),
        bars: bars_of(
            counts.rows.iter().map(|r| (&r.key, r.people)),
            |k| label(k),
            french,
        ),
        withheld: counts.withheld,
    }
}

fn not_noted(french: bool) -> String {
    if french {
        "Non renseigné"
    } else {
        "Not noted"
    }
    .to_string()
}

/// Minutes as whole hours, rounded (a hidden cell stays hidden).
fn minutes_as_hours(cell: Cell) -> Cell {
    match cell {
        Cell::Count(m) => Cell::Count((m + 30) / 60),
        Cell::Fewer => Cell::Fewer,
    }
}

/// The figures of `record` over `period` and `track` (both when `None`), worded for the
/// screen, the print and screen readers.
pub fn view(
    record: &GroupRecord,
    period: Period,
    track: Option<Track>,
    french: bool,
) -> ReportView {
    let Comparison { current, previous } = report::compare(record, period, track);
    let previous_label = previous.period.label(french);
    let headline = |fr: &str, en: &str, now: Cell, before: Cell| Headline {
        label: if french { fr } else { en }.to_string(),
        value: now.text(french),
        change: change_text(now, before, &previous_label, french),
    };
    let count = Cell::Count;
    let headlines = vec![
        headline(
            "Personnes accompagnées",
            "People reached",
            current.people_reached,
            previous.people_reached,
        ),
        headline(
            "Nouvelles personnes",
            "New people",
            current.new_people,
            previous.new_people,
        ),
        headline(
            "Séances",
            "Sessions",
            count(current.sessions_held),
            count(previous.sessions_held),
        ),
        headline("Aides données", "Help given", current.help, previous.help),
        headline(
            "Heures d'aide",
            "Hours of help",
            minutes_as_hours(current.help_minutes),
            minutes_as_hours(previous.help_minutes),
        ),
        headline(
            "Personnes qui ont progressé",
            "People who progressed",
            current.progressed,
            previous.progressed,
        ),
        headline(
            "Personnes qui aident",
            "Helpers",
            current.helpers,
            previous.helpers,
        ),
        headline(
            "Astuces écrites",
            "Tips written",
            count(current.tips),
            count(previous.tips),
        ),
        headline(
            "Orientations vers un relais",
            "Referrals to a relay",
            current.referrals,
            previous.referrals,
        ),
    ];
    let fr_en = |fr: &str, en: &str| if french { fr } else { en }.to_string();
    let mut charts = vec![
        most_first_chart(help_chart(
            fr_en("Aides par thème", "Help by topic"),
            &current.by_topic,
            |k| {
                k.as_deref()
                    .map_or_else(|| not_noted(french), |t| catalog::topic_title(t, french))
            },
            french,
        )),
        help_chart(
            fr_en("Aides par matériel", "Help by device"),
            &current.by_device,
            |k| k.map_or_else(|| not_noted(french), |d| d.label(french).to_string()),
            french,
        ),
        help_chart(
            fr_en("Autonomie après l'aide", "Autonomy after help"),
            &current.by_autonomy,
            |k| k.map_or_else(|| not_noted(french), |a| a.label(french).to_string()),
            french,
        ),
        help_chart(
            fr_en("Aides par parcours", "Help by track"),
            &current.by_track,
            |t| t.label(french).to_string(),
            french,
        ),
        help_chart(
            fr_en("Orientations par relais", "Referrals by relay"),
            &current.by_referral,
            |r| r.label(french).to_string(),
            french,
        ),
        people_chart(
            fr_en(
                "Progrès par thème (personnes)",
                "Progress by topic (people)",
            ),
            &current.progress_by_topic,
            |t| catalog::topic_title(t, french),
            french,
        ),
    ];
    if !current.age_bands.rows.is_empty() || current.age_bands.withheld {
        charts.push(people_chart(
            fr_en("Âge (avec leur accord)", "Age (with their consent)"),
            &current.age_bands,
            |k| k.map_or_else(|| not_noted(french), |a| a.label(french).to_string()),
            french,
        ));
    }
    if !current.genders.rows.is_empty() || current.genders.withheld {
        charts.push(people_chart(
            fr_en("Genre (avec leur accord)", "Gender (with their consent)"),
            &current.genders,
            |k| k.map_or_else(|| not_noted(french), |g| g.label(french).to_string()),
            french,
        ));
    }
    let sessions = current
        .attendance
        .rows
        .iter()
        .map(|r| {
            (
                r.key.date.to_french(),
                r.key.track.label(french).to_string(),
                r.people.text(french),
            )
        })
        .collect();
    ReportView {
        period: current.period.label(french),
        previous: previous_label,
        headlines,
        charts,
        sessions,
    }
}

/// The demo group's year (the year before `today`'s), as the animator's phone would hold it.
pub fn demo_record(today: Day) -> Result<GroupRecord, String> {
    report::demo_replica(today.year() - 1, report::DEMO_SEED)
        .map(|r| r.record().clone())
        .map_err(|e| e.to_string())
}

/// The group's needs map: per topic, members who want to learn it and who can show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeedsView {
    /// "au 31/12/2025".
    pub as_of: String,
    /// Members whose self-assessment is known ("28", "moins de 5").
    pub assessed: String,
    /// (topic, want to learn, can show), most wanted first.
    pub rows: Vec<(String, String, String)>,
    /// What to plan next, one sentence each.
    pub plan: Vec<String>,
}

/// Sorts rows by a shown count, most first; hidden cells after, in their given order (which
/// says nothing about their values).
fn most_first<T>(rows: &mut [T], cell: impl Fn(&T) -> Cell) {
    rows.sort_by_key(|r| std::cmp::Reverse(cell(r).shown().map(|n| i64::from(n) + 1)));
}

/// The needs map as of the period's last day, and what to plan next from it and the votes.
pub fn needs(record: &GroupRecord, period: Period, french: bool) -> NeedsView {
    let map = report::needs_map(record, period.to());
    let mut topics = map.topics.clone();
    most_first(&mut topics, |t| t.want_to_learn);
    let plan = report::plan_next(record, period, 5)
        .into_iter()
        .map(|item| {
            let topic = catalog::topic_title(&item.topic, french);
            let (learn, votes, show) = (
                item.want_to_learn.text(french),
                item.votes.text(french),
                item.can_show.text(french),
            );
            match (french, item.has_helper) {
                (true, true) => format!(
                    "{topic} : {learn} veulent apprendre, {votes} votes, {show} peuvent le montrer."
                ),
                (true, false) => format!(
                    "{topic} : {learn} veulent apprendre, {votes} votes. Personne du groupe ne peut encore le montrer : l'animateur ou un relais s'en chargera."
                ),
                (false, true) => format!(
                    "{topic}: {learn} want to learn, {votes} votes, {show} can show it."
                ),
                (false, false) => format!(
                    "{topic}: {learn} want to learn, {votes} votes. Nobody in the group can show it yet: the animator or a relay will."
                ),
            }
        })
        .collect();
    NeedsView {
        as_of: map.as_of.to_french(),
        assessed: map.members_assessed.text(french),
        rows: topics
            .iter()
            .map(|t| {
                (
                    catalog::topic_title(&t.topic, french),
                    t.want_to_learn.text(french),
                    t.can_show.text(french),
                )
            })
            .collect(),
        plan,
    }
}

/// Difficulties with services over a period, ready to show and print.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DifficultiesView {
    /// How many in all.
    pub total: u32,
    /// (area, difficulties, services), in the Coop's order.
    pub areas: Vec<(String, u32, u32)>,
    /// One line per service: (service, area, count, dates, what went wrong).
    pub services: Vec<(String, String, u32, String, Vec<String>)>,
}

/// The difficulties noted in `period`, by administrative area and by service.
pub fn difficulties(record: &GroupRecord, period: Period, french: bool) -> DifficultiesView {
    let page = report::difficulties(record, period);
    let area = |a: Option<entraide_core::model::AdminArea>| {
        a.map_or_else(|| not_noted(french), |a| a.label(french).to_string())
    };
    DifficultiesView {
        total: page.total,
        areas: page
            .by_area
            .iter()
            .map(|a| (area(a.area), a.count, a.services))
            .collect(),
        services: page
            .by_service
            .iter()
            .map(|s| {
                (
                    s.service.clone(),
                    area(s.area),
                    s.count,
                    s.dates
                        .iter()
                        .map(|d| d.to_french())
                        .collect::<Vec<_>>()
                        .join(", "),
                    s.what.clone(),
                )
            })
            .collect(),
    }
}

/// The anonymous CSV of help given in the period (the Coop's columns), and its file name.
pub fn help_csv(record: &GroupRecord, period: Period, track: Option<Track>) -> (String, String) {
    let name = format!(
        "entraide-aides-{}-{}.csv",
        period.from().to_iso(),
        period.to().to_iso()
    );
    (report::help_csv(record, period, track), name)
}

/// The aggregate tables of the period as CSV (small cells as on screen), and its file name.
pub fn tables_csv(record: &GroupRecord, period: Period, track: Option<Track>) -> (String, String) {
    let figures = report::Figures::compute(record, period, track);
    let name = format!(
        "entraide-tableaux-{}-{}.csv",
        period.from().to_iso(),
        period.to().to_iso()
    );
    (
        report::tables_csv(&figures, |t| catalog::topic_title(t, true)),
        name,
    )
}

/// The helpers' thank-you list, when the animator chooses to show it: nicknames only, with
/// how many people each helped ("Sophie : 12 personnes aidées").
pub fn thanks(
    record: &GroupRecord,
    period: Period,
    track: Option<Track>,
    french: bool,
) -> Vec<String> {
    report::thanks(record, period, track)
        .into_iter()
        .map(|t| {
            let n = t.people_helped.text(french);
            if french {
                format!("{} : {n} personnes aidées", t.nickname)
            } else {
                format!("{}: {n} people helped", t.nickname)
            }
        })
        .collect()
}

/// The sealed batch of the animator's report notes.
const NOTE_BATCH: u64 = 31;

fn note_document(group: GroupId) -> String {
    format!("report-note/{}", group.to_hex())
}

/// The animator's words for the partners, as last saved for `group` (empty if none).
pub async fn load_note(group: GroupId) -> Result<String, VaultServiceError> {
    Ok(vault::load_document(&note_document(group))
        .await?
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default())
}

/// Keeps the animator's words for `group` in the vault.
pub async fn save_note(group: GroupId, text: &str) -> Result<(), VaultServiceError> {
    vault::save_document(
        &note_document(group),
        NOTE_BATCH,
        serde_json::Value::String(text.to_string()),
    )
    .await
}
