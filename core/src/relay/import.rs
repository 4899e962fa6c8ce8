//! Importing a directory from a CSV file in the national schema of places offering
//! digital help. Each line is kept, fixed (kept after a change the report names) or
//! refused, with a plain-French reason, so the animator knows what the directory holds.
//!
//! Refused: a line without a name, an address, a town or a postcode; a postcode that is
//! not five digits (four digits get their leading zero back: a spreadsheet drops it); an
//! id already seen; a name or address that holds a person's data (the guard). Fixed:
//! values outside the schema's lists are dropped, values with another case or without
//! accents take the schema's label, a phone number that is not one is dropped, e-mails
//! that are not addresses are dropped, a presentation holding a person's data is dropped,
//! a missing id is made from the line number.

use thiserror::Error;

use super::csv::{read, Row};
use super::directory::{Address, Directory, Relay};
use super::vocabulary::{canonical, key, ACCESS, FEES, PROGRAMMES, PUBLICS, SERVICES};
use crate::guard::{check, email::is_domain, FieldKind, FindingKind};

/// Why a file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RelayError {
    /// The file has no line.
    #[error("the file is empty")]
    Empty,
    /// The header lacks columns the schema requires.
    #[error("the header lacks the required columns: {}", .0.join(", "))]
    MissingColumns(Vec<&'static str>),
}

impl RelayError {
    /// A plain sentence for the animator.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (RelayError::Empty, true) => "Ce fichier est vide.".into(),
            (RelayError::Empty, false) => "This file is empty.".into(),
            (RelayError::MissingColumns(c), true) => format!(
                "Ce fichier n'est pas au format des lieux de médiation numérique : il manque \
                 les colonnes {}.",
                c.join(", ")
            ),
            (RelayError::MissingColumns(c), false) => format!(
                "This file is not in the digital-help places format: the columns {} are \
                 missing.",
                c.join(", ")
            ),
        }
    }
}

/// A change made to a line so it could be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// No id: one was made from the line number.
    IdMade(String),
    /// A four-digit postcode got its leading zero back.
    PostcodeZero(String),
    /// A value outside the schema's list was dropped.
    Dropped {
        /// Column.
        field: &'static str,
        /// The value dropped.
        value: String,
    },
    /// A value was written as the schema's label.
    Relabelled {
        /// Column.
        field: &'static str,
        /// The label kept.
        label: &'static str,
    },
    /// The phone field did not hold a phone number; it was left empty.
    PhoneDropped,
    /// An e-mail field value that is not an address was dropped.
    EmailDropped,
    /// The web site is not an address of a site; it was left empty.
    WebsiteDropped,
    /// The presentation held a person's data; it was left empty.
    SummaryDropped(Vec<FindingKind>),
    /// The line had more fields than the header; they were ignored.
    ExtraFields(usize),
}

impl Fix {
    /// A plain sentence for the animator.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (Fix::IdMade(id), true) => format!("pas d'identifiant : « {id} » lui a été donné"),
            (Fix::IdMade(id), false) => format!("no id: it was given « {id} »"),
            (Fix::PostcodeZero(c), true) => format!("code postal complété en {c}"),
            (Fix::PostcodeZero(c), false) => format!("postcode completed as {c}"),
            (Fix::Dropped { field, value }, true) => {
                format!("« {value} » n'est pas une valeur connue de {field}, elle est retirée")
            }
            (Fix::Dropped { field, value }, false) => {
                format!("« {value} » is not a known value of {field}; it was removed")
            }
            (Fix::Relabelled { field, label }, true) => format!("{field} écrit « {label} »"),
            (Fix::Relabelled { field, label }, false) => format!("{field} written « {label} »"),
            (Fix::PhoneDropped, true) => "le téléphone n'est pas un numéro, il est retiré".into(),
            (Fix::PhoneDropped, false) => "the phone is not a number; it was removed".into(),
            (Fix::EmailDropped, true) => {
                "un courriel n'est pas une adresse valable, il est retiré".into()
            }
            (Fix::EmailDropped, false) => "an e-mail is not a valid address; it was removed".into(),
            (Fix::WebsiteDropped, true) => {
                "le site web n'est pas une adresse, il est retiré".into()
            }
            (Fix::WebsiteDropped, false) => "the web site is not an address; it was removed".into(),
            (Fix::SummaryDropped(kinds), true) => format!(
                "la présentation contenait {} : elle est retirée, le groupe ne garde pas les \
                 données d'une personne",
                names(kinds, true)
            ),
            (Fix::SummaryDropped(kinds), false) => format!(
                "the presentation held {}: it was removed, the group keeps no one's data",
                names(kinds, false)
            ),
            (Fix::ExtraFields(n), true) => format!("{n} case(s) en trop ignorée(s)"),
            (Fix::ExtraFields(n), false) => format!("{n} extra field(s) ignored"),
        }
    }
}

/// Why a line was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineRefusal {
    /// A required field is empty.
    Missing(&'static str),
    /// The postcode is not five digits.
    Postcode(String),
    /// The id was already used by an earlier line.
    DuplicateId(String),
    /// The name or the address holds a person's data.
    Sensitive {
        /// Column.
        field: &'static str,
        /// What it looked like.
        kinds: Vec<FindingKind>,
    },
}

impl LineRefusal {
    /// A plain sentence for the animator.
    pub fn message(&self, french: bool) -> String {
        match (self, french) {
            (LineRefusal::Missing(f), true) => format!("la case {f} est vide"),
            (LineRefusal::Missing(f), false) => format!("the {f} field is empty"),
            (LineRefusal::Postcode(c), true) => {
                format!("le code postal « {c} » n'a pas 5 chiffres")
            }
            (LineRefusal::Postcode(c), false) => format!("the postcode « {c} » is not 5 digits"),
            (LineRefusal::DuplicateId(id), true) => {
                format!("l'identifiant « {id} » est déjà pris par une ligne plus haut")
            }
            (LineRefusal::DuplicateId(id), false) => {
                format!("the id « {id} » is already used by a line above")
            }
            (LineRefusal::Sensitive { field, kinds }, true) => format!(
                "la case {field} contient {} : le groupe ne garde pas les données d'une personne",
                names(kinds, true)
            ),
            (LineRefusal::Sensitive { field, kinds }, false) => format!(
                "the {field} field holds {}: the group keeps no one's data",
                names(kinds, false)
            ),
        }
    }
}

fn names(kinds: &[FindingKind], french: bool) -> String {
    kinds
        .iter()
        .map(|k| k.name(french))
        .collect::<Vec<_>>()
        .join(if french { " et " } else { " and " })
}

/// What became of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    /// Kept as it was.
    Kept,
    /// Kept after these changes.
    Fixed(Vec<Fix>),
    /// Not kept.
    Refused(LineRefusal),
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineReport {
    /// Line of the file, counting the header as 1.
    pub line: usize,
    /// The place's name as read (empty when missing).
    pub name: String,
    /// What became of it.
    pub outcome: LineOutcome,
}

impl LineReport {
    /// "Ligne 4 (France Services de Lure) : gardée après correction : …".
    pub fn message(&self, french: bool) -> String {
        let name = if self.name.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.name)
        };
        let (line, kept, fixed, refused) = if french {
            ("Ligne", "gardée", "gardée après correction", "refusée")
        } else {
            ("Line", "kept", "kept after a fix", "refused")
        };
        match &self.outcome {
            LineOutcome::Kept => format!("{line} {}{name} : {kept}.", self.line),
            LineOutcome::Fixed(fixes) => format!(
                "{line} {}{name} : {fixed} : {}.",
                self.line,
                fixes
                    .iter()
                    .map(|f| f.message(french))
                    .collect::<Vec<_>>()
                    .join(" ; ")
            ),
            LineOutcome::Refused(r) => {
                format!(
                    "{line} {}{name} : {refused} : {}.",
                    self.line,
                    r.message(french)
                )
            }
        }
    }
}

/// The directory read from a file, and what became of each line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// The relays kept (as is or fixed).
    pub directory: Directory,
    /// One entry per line after the header.
    pub lines: Vec<LineReport>,
}

impl ImportReport {
    /// Lines kept as they were.
    pub fn kept(&self) -> usize {
        self.count(|o| matches!(o, LineOutcome::Kept))
    }

    /// Lines kept after a fix.
    pub fn fixed(&self) -> usize {
        self.count(|o| matches!(o, LineOutcome::Fixed(_)))
    }

    /// Lines refused.
    pub fn refused(&self) -> usize {
        self.count(|o| matches!(o, LineOutcome::Refused(_)))
    }

    fn count(&self, f: impl Fn(&LineOutcome) -> bool) -> usize {
        self.lines.iter().filter(|l| f(&l.outcome)).count()
    }

    /// "12 lieux gardés, 3 corrigés, 2 refusés."
    pub fn summary(&self, french: bool) -> String {
        if french {
            format!(
                "{} lieu(x) gardé(s), {} corrigé(s), {} refusé(s).",
                self.kept(),
                self.fixed(),
                self.refused()
            )
        } else {
            format!(
                "{} place(s) kept, {} fixed, {} refused.",
                self.kept(),
                self.fixed(),
                self.refused()
            )
        }
    }
}

const REQUIRED: [&str; 4] = ["nom", "adresse", "commune", "code_postal"];

struct Columns {
    names: Vec<String>,
}

impl Columns {
    fn index(&self, name: &str) -> Option<usize> {
        let k = key(name);
        self.names.iter().position(|n| *n == k)
    }
}

/// Reads a CSV file in the national schema into a directory, line by line.
pub fn import(text: &str) -> Result<ImportReport, RelayError> {
    let rows = read(text);
    let Some((header, body)) = rows.split_first() else {
        return Err(RelayError::Empty);
    };
    let columns = Columns {
        names: header.fields.iter().map(|h| key(h)).collect(),
    };
    let missing: Vec<&'static str> = REQUIRED
        .into_iter()
        .filter(|c| columns.index(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(RelayError::MissingColumns(missing));
    }
    let mut report = ImportReport::default();
    for row in body {
        let (name, outcome, relay) = line(&columns, header.fields.len(), row, &report.directory);
        if let Some(relay) = relay {
            report.directory.relays.push(relay);
        }
        report.lines.push(LineReport {
            line: row.line,
            name,
            outcome,
        });
    }
    Ok(report)
}

fn line(
    columns: &Columns,
    width: usize,
    row: &Row,
    directory: &Directory,
) -> (String, LineOutcome, Option<Relay>) {
    let get = |name: &str| -> String {
        columns
            .index(name)
            .and_then(|i| row.fields.get(i))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let name = get("nom");
    let refuse = |r: LineRefusal| (name.clone(), LineOutcome::Refused(r), None);
    let mut fixes = Vec::new();
    if row.fields.len() > width {
        fixes.push(Fix::ExtraFields(row.fields.len() - width));
    }
    for field in REQUIRED {
        if get(field).is_empty() {
            return refuse(LineRefusal::Missing(field));
        }
    }
    if let Err(r) = check(&name, FieldKind::RelayText) {
        // The report does not repeat what was refused.
        let refusal = LineRefusal::Sensitive {
            field: "nom",
            kinds: r.kinds(),
        };
        return (String::new(), LineOutcome::Refused(refusal), None);
    }
    let mut street = get("adresse");
    let complement = get("complement_adresse");
    if !complement.is_empty() {
        street = format!("{street}, {complement}");
    }
    if let Err(r) = check(&street, FieldKind::RelayAddress) {
        return refuse(LineRefusal::Sensitive {
            field: "adresse",
            kinds: r.kinds(),
        });
    }
    let raw_postcode = get("code_postal");
    let digits: String = raw_postcode
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let postcode = if digits.len() == 5 && digits.bytes().all(|c| c.is_ascii_digit()) {
        digits
    } else if digits.len() == 4 && digits.bytes().all(|c| c.is_ascii_digit()) {
        let fixed = format!("0{digits}");
        fixes.push(Fix::PostcodeZero(fixed.clone()));
        fixed
    } else {
        return refuse(LineRefusal::Postcode(raw_postcode));
    };
    let mut id = get("id");
    if id.is_empty() {
        id = format!("ligne-{}", row.line);
        fixes.push(Fix::IdMade(id.clone()));
    }
    if directory.get(&id).is_some() {
        return refuse(LineRefusal::DuplicateId(id));
    }
    let services = labels(&get("services"), "services", SERVICES, &mut fixes);
    let publics = labels(
        &get("publics_specifiquement_adresses"),
        "publics_specifiquement_adresses",
        PUBLICS,
        &mut fixes,
    );
    let programmes = labels(
        &get("dispositif_programmes_nationaux"),
        "dispositif_programmes_nationaux",
        PROGRAMMES,
        &mut fixes,
    );
    let access = labels(
        &get("modalites_acces"),
        "modalites_acces",
        ACCESS,
        &mut fixes,
    );
    let fees = labels(&get("frais_a_charge"), "frais_a_charge", FEES, &mut fixes)
        .into_iter()
        .next()
        .unwrap_or_default();
    let phone = phone(&get("telephone"), &mut fixes);
    let emails = emails(&get("courriels"), &mut fixes);
    let website = website(&get("site_web"), &mut fixes);
    let mut summary = get("presentation_resume");
    if let Err(r) = check(&summary, FieldKind::RelayText) {
        fixes.push(Fix::SummaryDropped(r.kinds()));
        summary.clear();
    }
    let relay = Relay {
        id,
        name: name.clone(),
        address: Address {
            street,
            postcode,
            town: get("commune"),
        },
        hours: get("horaires"),
        services,
        publics,
        programmes,
        access,
        fees,
        phone,
        emails,
        website,
        summary,
    };
    let outcome = if fixes.is_empty() {
        LineOutcome::Kept
    } else {
        LineOutcome::Fixed(fixes)
    };
    (name, outcome, Some(relay))
}

/// Values separated by `|` read against a list of labels.
fn labels(
    value: &str,
    field: &'static str,
    allowed: &[&'static str],
    fixes: &mut Vec<Fix>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in value.split('|').map(str::trim).filter(|v| !v.is_empty()) {
        match canonical(v, allowed) {
            Some(label) => {
                if label != v {
                    fixes.push(Fix::Relabelled { field, label });
                }
                if !out.iter().any(|o| o == label) {
                    out.push(label.to_string());
                }
            }
            None => fixes.push(Fix::Dropped {
                field,
                value: v.chars().take(80).collect(),
            }),
        }
    }
    out
}

/// A French number written "03 84 75 12 34" (from "+33384751234", "0384751234"…), another
/// international number kept as written, a four-digit short number (3230) kept.
fn phone(value: &str, fixes: &mut Vec<Fix>) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let plus = value.trim_start().starts_with('+');
    let digits: String = value.chars().filter(char::is_ascii_digit).collect();
    let other = value
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '+' | '(' | ')')));
    let national = if plus && digits.starts_with("33") && digits.len() == 11 {
        Some(format!("0{}", &digits[2..]))
    } else if plus && digits.starts_with("330") && digits.len() == 12 {
        Some(digits[2..].to_string())
    } else if !plus && digits.len() == 10 && digits.starts_with('0') {
        Some(digits.clone())
    } else {
        None
    };
    match national {
        Some(n) if !other && n.as_bytes().get(1).is_some_and(|c| *c != b'0') => {
            let pairs: Vec<&str> = (0..5).map(|i| &n[i * 2..i * 2 + 2]).collect();
            Some(pairs.join(" "))
        }
        None if !other && plus && (8..=15).contains(&digits.len()) => Some(value.trim().into()),
        // A short public number: 3230 (CAF), 3646 (Assurance maladie), 3949 (France Travail).
        None if !other && !plus && digits.len() == 4 && digits.starts_with('3') => Some(digits),
        _ => {
            fixes.push(Fix::PhoneDropped);
            None
        }
    }
}

fn emails(value: &str, fixes: &mut Vec<Fix>) -> Vec<String> {
    let mut out = Vec::new();
    for v in value
        .split(['|', ';', ','])
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        let ok = v.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && !v.contains(char::is_whitespace)
                && is_domain(domain)
        });
        if ok {
            out.push(v.to_lowercase());
        } else {
            fixes.push(Fix::EmailDropped);
        }
    }
    out
}

fn website(value: &str, fixes: &mut Vec<Fix>) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let host = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .unwrap_or(value);
    let host = host.split('/').next().unwrap_or_default();
    if !value.contains(char::is_whitespace) && is_domain(&host.to_lowercase()) {
        Some(value.to_string())
    } else {
        fixes.push(Fix::WebsiteDropped);
        None
    }
}
