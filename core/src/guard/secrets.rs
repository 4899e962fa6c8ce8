//! Passwords and one-time codes. Two ways to find them:
//!
//! - a value after context words ("mot de passe", "mdp", "code PIN", "identifiant", or
//!   "code" near "SMS", "reçu", "vérification"…), skipping little words ("le", "par SMS",
//!   "est", ":"); a description is not a value ("de 12 caractères", "à changer",
//!   "trop court", "une phrase facile"), so tips *about* passwords pass;
//! - a word that looks like a password by itself: letters, digits and symbols mixed
//!   (`Jardin75!`, `Soleil2024`, `a7k2m9q4`), but not a date, a time, a price, a
//!   version, a site name or a link.

use super::email::is_domain;
use super::text::{fold_char, Prepared, Span};
use super::{Finding, FindingKind};

/// Most pieces read after context words looking for a value.
const MAX_STEPS: usize = 7;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Password,
    Login,
    OneTimeCode,
}

/// Adds passwords and codes found in `p` to `out`.
pub fn scan(p: &Prepared, out: &mut Vec<Finding>) {
    for ch in &p.chunks {
        let (s, mut e) = trim(p, ch.start, ch.end);
        while e < ch.end && matches!(p.chars[e], '!' | '?') {
            e += 1;
        }
        if s < e && password_like(&p.str(s, e)) {
            push(p, FindingKind::Password, s, e, out);
        }
    }
    let words = &p.words;
    for k in 0..words.len() {
        if let Some((ctx, end)) = context_at(p, k) {
            after_context(p, ctx, end, out);
        }
    }
}

fn push(p: &Prepared, kind: FindingKind, start: usize, end: usize, out: &mut Vec<Finding>) {
    let (s, e) = p.byte_range(start, end);
    out.push(Finding {
        kind,
        start: s,
        end: e,
    });
}

/// The piece without the punctuation around it.
fn trim(p: &Prepared, start: usize, end: usize) -> (usize, usize) {
    let mut s = start;
    let mut e = end;
    while s < e
        && matches!(
            p.chars[s],
            '"' | '\'' | '«' | '»' | '(' | '[' | '{' | '<' | ':' | '=' | '“' | '”'
        )
    {
        s += 1;
    }
    while e > s
        && matches!(
            p.chars[e - 1],
            '"' | '\''
                | '«'
                | '»'
                | ')'
                | ']'
                | '}'
                | '>'
                | ','
                | ';'
                | ':'
                | '.'
                | '!'
                | '?'
                | '“'
                | '”'
        )
    {
        e -= 1;
    }
    (s, e)
}

fn is_strong_symbol(c: char) -> bool {
    matches!(
        c,
        '!' | '#'
            | '$'
            | '&'
            | '*'
            | '+'
            | '='
            | '?'
            | '@'
            | '^'
            | '~'
            | '_'
            | '|'
            | '\\'
            | '<'
            | '>'
            | ';'
            | '§'
            | '£'
    )
}

/// Shapes of ordinary numbers: dates, times, prices, percentages, ordinals, sizes,
/// versions. `f` is folded.
pub fn looks_like_quantity(f: &str) -> bool {
    let f = f.trim_end_matches(['€', '%', '°', '$', '£']);
    if f.is_empty() {
        return false;
    }
    let has_digit = f.chars().any(|c| c.is_ascii_digit());
    if !has_digit {
        return false;
    }
    let f = f.trim_end_matches(['!', '?']);
    if f.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | '-' | ',' | ':' | 'h'))
        && !f.chars().all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // version: v1.2, v17
    if let Some(rest) = f.strip_prefix('v') {
        if !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return true;
        }
    }
    // number then a unit or an ordinal suffix
    let split = f
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(f.len());
    let (num, unit) = f.split_at(split);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    matches!(
        unit,
        "e" | "er"
            | "ere"
            | "eme"
            | "nd"
            | "nde"
            | "h"
            | "min"
            | "mn"
            | "s"
            | "j"
            | "km"
            | "m"
            | "cm"
            | "mm"
            | "kg"
            | "g"
            | "go"
            | "mo"
            | "ko"
            | "gb"
            | "mb"
            | "l"
            | "ml"
            | "ans"
            | "an"
            | "mois"
            | "x"
            | "eur"
            | "euros"
            | "pts"
            | "p"
            | "g4"
            | "g5"
            | "k"
    )
}

/// Whether a word looks like a password by itself.
pub fn password_like(s: &str) -> bool {
    let lower: String = s.chars().map(fold_char).collect();
    if lower.contains('/') || lower.starts_with("www.") || lower.starts_with("http") {
        return false;
    }
    if let Some((_, domain)) = lower.split_once('@') {
        if is_domain(domain) {
            return false;
        }
    }
    if is_domain(&lower)
        && lower
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        return false;
    }
    if looks_like_quantity(&lower) {
        return false;
    }
    let len = s.chars().count();
    if !(6..=64).contains(&len) {
        return false;
    }
    let (mut lo, mut up, mut dig, mut strong, mut weak) = (0, 0, 0, 0, 0);
    let mut transitions = 0;
    let mut letter_run = 0;
    let mut longest_run = 0;
    let mut last_class = 0u8;
    for c in s.chars() {
        let class = if c.is_alphabetic() {
            if c.is_uppercase() {
                up += 1;
            } else {
                lo += 1;
            }
            letter_run += 1;
            longest_run = longest_run.max(letter_run);
            1
        } else if c.is_ascii_digit() {
            dig += 1;
            letter_run = 0;
            2
        } else {
            if is_strong_symbol(c) {
                strong += 1;
            } else if matches!(c, '-' | '.' | ',') {
                weak += 1;
            }
            letter_run = 0;
            3
        };
        if class != 3 && last_class != 0 && last_class != 3 && class != last_class {
            transitions += 1;
        }
        if class != 3 {
            last_class = class;
        }
    }
    let letters = lo + up;
    if letters >= 2 && dig >= 1 && strong >= 1 {
        return true;
    }
    if len >= 8 && up >= 1 && lo >= 1 && dig >= 1 && longest_run >= 2 {
        return true;
    }
    if len >= 8 && letters >= 2 && dig >= 2 && transitions >= 3 {
        return true;
    }
    if len >= 8
        && letters >= 3
        && dig >= 3
        && weak >= 1
        && longest_run >= 3
        && !version_like(&lower)
    {
        return true;
    }
    false
}

/// "ios-17.2", "android.14": a name then a version.
fn version_like(lower: &str) -> bool {
    let rest = lower.trim_start_matches(|c: char| c.is_alphabetic());
    let rest = rest.trim_start_matches(['-', '.', '_']);
    !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit() || c == '.')
}

const CODE_MARKERS: &[&str] = &[
    "sms",
    "texto",
    "recu",
    "recue",
    "verification",
    "validation",
    "confirmation",
    "securite",
    "activation",
    "connexion",
    "unique",
    "provisoire",
    "temporaire",
    "envoye",
    "envoyee",
    "authentification",
    "otp",
    "double",
    "usage",
];

/// What a secret code opens: "le code du téléphone", "code de la porte".
const DEVICES: &[&str] = &[
    "telephone",
    "portable",
    "carte",
    "wifi",
    "wi",
    "box",
    "porte",
    "immeuble",
    "coffre",
    "cadenas",
    "ordinateur",
    "tablette",
    "session",
    "deverrouillage",
    "alarme",
    "digicode",
    "smartphone",
    "compte",
    "banque",
];

const NOT_A_SECRET_CODE: &[&str] = &[
    "postal",
    "promo",
    "promotionnel",
    "barre",
    "barres",
    "source",
    "qr",
    "route",
    "civil",
    "penal",
    "couleur",
    "couleurs",
    "vestimentaire",
    "bon",
    "travail",
    "commune",
    "insee",
    "naf",
    "ape",
    "iban",
    "bic",
    "swift",
    "cadeau",
    "parrainage",
    "avantage",
    "reduction",
];

/// The context words starting at word `k`, and where they end.
fn context_at(p: &Prepared, k: usize) -> Option<(Context, usize)> {
    let words = &p.words;
    let w = |i: usize| -> Option<String> { words.get(i).map(|x| p.folded(x)) };
    let first = w(k)?;
    let end_of = |i: usize| words.get(i).map(|x| x.end);
    match first.as_str() {
        "mot" | "mots" => {
            if w(k + 1).as_deref() == Some("de") && w(k + 2).as_deref() == Some("passe") {
                return Some((Context::Password, end_of(k + 2)?));
            }
            None
        }
        "phrase" => {
            let next = w(k + 1);
            if next.as_deref() == Some("secrete") {
                return Some((Context::Password, end_of(k + 1)?));
            }
            if next.as_deref() == Some("de") && w(k + 2).as_deref() == Some("passe") {
                return Some((Context::Password, end_of(k + 2)?));
            }
            None
        }
        "mdp" | "password" | "pwd" | "passwd" | "motdepasse" | "pin" | "cryptogramme" | "cvv"
        | "cvc" | "passcode" => Some((Context::Password, words[k].end)),
        "identifiant" | "identifiants" | "login" | "utilisateur" => {
            Some((Context::Login, words[k].end))
        }
        "code" | "codes" => {
            let next = w(k + 1).unwrap_or_default();
            if matches!(
                next.as_str(),
                "secret" | "pin" | "confidentiel" | "personnel"
            ) {
                return Some((Context::Password, end_of(k + 1)?));
            }
            if next == "d" && w(k + 2).as_deref() == Some("acces") {
                return Some((Context::Password, end_of(k + 2)?));
            }
            // "code du téléphone", "code de la carte", "code de la porte"
            let mut o = k + 1;
            while w(o).is_some_and(|x| {
                matches!(
                    x.as_str(),
                    "du" | "de" | "la" | "d" | "l" | "mon" | "ma" | "sa" | "son" | "votre"
                )
            }) && o < k + 4
            {
                o += 1;
            }
            if o > k + 1 {
                if let Some(object) = w(o) {
                    if DEVICES.contains(&object.as_str()) {
                        return Some((Context::Password, end_of(o)?));
                    }
                }
            }
            if NOT_A_SECRET_CODE.contains(&next.as_str()) {
                return None;
            }
            let from = k.saturating_sub(4);
            let to = (k + 5).min(words.len());
            let marked = (from..to)
                .filter(|i| *i != k)
                .any(|i| CODE_MARKERS.contains(&p.folded(&words[i]).as_str()));
            marked.then_some((Context::OneTimeCode, words[k].end))
        }
        "otp" => Some((Context::OneTimeCode, words[k].end)),
        _ => None,
    }
}

const DETERMINERS: &[&str] = &[
    "un", "une", "le", "la", "les", "des", "du", "au", "aux", "l", "d",
];

const FILLERS: &[&str] = &[
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "son",
    "sa",
    "votre",
    "vos",
    "notre",
    "de",
    "par",
    "sms",
    "texto",
    "mail",
    "email",
    "e-mail",
    "message",
    "recu",
    "recue",
    "recus",
    "envoye",
    "envoyee",
    "pour",
    "sur",
    "a",
    "en",
    "actuel",
    "actuelle",
    "nouveau",
    "nouvel",
    "nouvelle",
    "ancien",
    "ancienne",
    "provisoire",
    "temporaire",
    "verification",
    "validation",
    "confirmation",
    "securite",
    "activation",
    "connexion",
    "unique",
    "usage",
    "acces",
    "secret",
    "pin",
    "code",
    "est",
    "etait",
    "sera",
    "vaut",
    "devient",
    "c",
    "-",
    "utilisateur",
    "bancaire",
    "carte",
];

const COPULAS: &[&str] = &[
    "est", "etait", "sera", "vaut", "devient", "c'est", "c'etait",
];

const UNITS: &[&str] = &[
    "caracteres",
    "caractere",
    "chiffres",
    "chiffre",
    "lettres",
    "lettre",
    "signes",
    "signe",
    "symboles",
    "symbole",
    "minutes",
    "minute",
    "min",
    "mn",
    "secondes",
    "seconde",
    "heures",
    "heure",
    "h",
    "jours",
    "jour",
    "semaines",
    "semaine",
    "mois",
    "ans",
    "an",
    "fois",
    "essais",
    "essai",
    "tentatives",
    "tentative",
    "euros",
    "euro",
    "€",
    "personnes",
    "caract",
];

const NOT_A_VALUE: &[&str] = &[
    "trop",
    "tres",
    "bien",
    "mal",
    "pas",
    "plus",
    "moins",
    "encore",
    "toujours",
    "jamais",
    "souvent",
    "parfois",
    "aussi",
    "deja",
    "vraiment",
    "assez",
    "bloque",
    "oublie",
    "perdu",
    "faux",
    "fausse",
    "incorrect",
    "errone",
    "invalide",
    "valide",
    "expire",
    "change",
    "modifie",
    "personnel",
    "personnelle",
    "secret",
    "secrete",
    "confidentiel",
    "confidentielle",
    "obligatoire",
    "necessaire",
    "demande",
    "requis",
    "simple",
    "facile",
    "difficile",
    "complique",
    "long",
    "longue",
    "court",
    "courte",
    "fort",
    "forte",
    "faible",
    "robuste",
    "sur",
    "sure",
    "securise",
    "mauvais",
    "mauvaise",
    "bon",
    "bonne",
    "correct",
    "correcte",
    "juste",
    "different",
    "identique",
    "pareil",
    "meme",
    "celui",
    "celle",
    "ceci",
    "cela",
    "rien",
    "quoi",
    "quel",
    "quelle",
    "numero",
    "nom",
    "prenom",
    "date",
    "adresse",
    "leur",
    "leurs",
    "nos",
    "mes",
    "tes",
    "ses",
    "dans",
    "avec",
    "sans",
    "sous",
    "entre",
    "chez",
    "apres",
    "avant",
    "depuis",
    "pendant",
    "quand",
    "comme",
    "donc",
    "alors",
    "mais",
    "puis",
    "ensuite",
    "enfin",
    "ici",
    "voici",
    "voila",
    "oui",
    "non",
    "aucun",
    "aucune",
    "chaque",
    "tout",
    "tous",
    "toute",
    "toutes",
    "autre",
    "autres",
    "ou",
    "et",
    "si",
    "qui",
    "que",
    "dont",
    "ne",
    "n",
    "se",
    "vous",
    "nous",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "je",
    "tu",
    "moi",
    "toi",
    "lui",
    "eux",
    "demandez",
    "notez",
    "note",
    "ecrit",
    "inscrit",
    "celui-ci",
    "ca",
    "cette",
    "ce",
    "ces",
    "cet",
    "sera",
    "dessous",
    "dessus",
    "suivant",
    "suivante",
    "inconnu",
    "inconnue",
    "manquant",
    "pareille",
    "vide",
    "hors",
    "rempli",
    "remplie",
    "sensible",
    "unique",
    "obligatoirement",
    "lisible",
    "indiquee",
    "indique",
    "envoyee",
    "envoye",
];

/// Whether a plain word describes rather than names a value: a little word, an
/// adjective, a participle, or (except right after "est") an infinitive.
fn is_description(f: &str, after_copula: bool) -> bool {
    if NOT_A_VALUE.contains(&f) {
        return true;
    }
    if !after_copula && (f.ends_with("er") || f.ends_with("ir")) {
        return true;
    }
    [
        "ment", "ible", "able", "ique", "if", "ive", "eux", "euse", "ant", "ante", "ee", "ees",
        "ez", "ons", "ait", "aient",
    ]
    .iter()
    .any(|end| f.ends_with(end))
}

/// Removes an elision at the start ("l'", "d'", "c'"…): "c'est" stays whole.
fn without_elision(f: &str) -> &str {
    if COPULAS.contains(&f) {
        return f;
    }
    for e in ["l'", "d'", "qu'", "j'", "m'", "n'", "s'", "t'"] {
        if let Some(rest) = f.strip_prefix(e) {
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    f
}

/// How much a piece looks like a secret value.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Look {
    /// Letters only, ordinary case.
    Plain,
    /// Letters only, a capital inside a word ("iCloud", "chOcolat").
    MixedCase,
    /// Digits or symbols.
    Strong,
}

fn look(t: &str) -> Look {
    let mut lower_seen = false;
    let mut mixed = false;
    for c in t.chars() {
        if c.is_ascii_digit() || !(c.is_alphanumeric() || c == '-' || c == '\'') {
            return Look::Strong;
        }
        if c.is_lowercase() {
            lower_seen = true;
        } else if c.is_uppercase() && lower_seen {
            mixed = true;
        } else if !c.is_alphanumeric() {
            lower_seen = false;
        }
    }
    if mixed {
        Look::MixedCase
    } else {
        Look::Plain
    }
}

fn year_like(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|c| c.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// Reads the pieces after context words ending at character `end` for a value.
fn after_context(p: &Prepared, ctx: Context, end: usize, out: &mut Vec<Finding>) {
    let mut idx = p.chunks.partition_point(|c| c.end <= end);
    let mut items: Vec<Span> = Vec::with_capacity(MAX_STEPS + 1);
    let mut last_end = end;
    while idx < p.chunks.len() && items.len() <= MAX_STEPS {
        let c = p.chunks[idx];
        let start = c.start.max(end);
        if p.chars[last_end.min(start)..start].contains(&'\n') {
            break;
        }
        if start < c.end {
            items.push(Span { start, end: c.end });
        }
        last_end = c.end;
        idx += 1;
    }
    let mut explicit = false;
    let mut copula = false;
    let mut marked_recently = false;
    let mut after_copula = false;
    let mut quote_open = false;
    for (step, item) in items.iter().enumerate() {
        let raw = p.str(item.start, item.end);
        let quoted = quote_open || raw.starts_with(['"', '«', '“', '\'']);
        quote_open = false;
        let was_after_copula = after_copula;
        after_copula = false;
        let leading_mark = raw.starts_with([':', '=']);
        if leading_mark {
            explicit = true;
            marked_recently = true;
        }
        let (ts, te) = trim(p, item.start, item.end);
        let ends_clause = raw.ends_with(['.', '!', '?', ';', ',']);
        let ends_mark = raw.ends_with([':', '=']);
        let next_fold = items
            .get(step + 1)
            .map(|n| {
                let (a, b) = trim(p, n.start, n.end);
                p.fold_str(a, b)
            })
            .unwrap_or_default();
        if ts >= te {
            if raw.contains([':', '=']) {
                explicit = true;
                marked_recently = true;
            }
            if raw.contains(['.', '!', '?', ';']) {
                return;
            }
            quote_open = raw.contains(['"', '«', '“']);
            after_copula = was_after_copula;
            continue;
        }
        let t = p.str(ts, te);
        let f_full = p.fold_str(ts, te);
        let f = without_elision(&f_full);
        if DETERMINERS.contains(&f) {
            marked_recently = false;
        } else if FILLERS.contains(&f) || COPULAS.contains(&f) {
            if COPULAS.contains(&f) {
                copula = true;
                marked_recently = true;
                after_copula = true;
            }
        } else if look(&t) != Look::Plain {
            let counted = UNITS.contains(&next_fold.as_str()) || looks_like_quantity(&f_full);
            let marked = explicit || copula || quoted;
            let weak = look(&t) == Look::MixedCase;
            if !counted
                && (!weak || marked_recently)
                && value(ctx, &t, step, marked, marked_recently, quoted)
            {
                let kind = match ctx {
                    Context::OneTimeCode => FindingKind::OneTimeCode,
                    _ => FindingKind::Password,
                };
                push(p, kind, ts, te, out);
                return;
            }
            // A code written in two halves: "381 992".
            if !counted && ctx != Context::Login {
                if let Some(n) = items.get(step + 1) {
                    let (a, b) = trim(p, n.start, n.end);
                    let second = p.str(a, b);
                    let halves = |x: &str| {
                        (2..=4).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit())
                    };
                    if halves(&t) && halves(&second) && (marked_recently || step <= 1) {
                        let kind = match ctx {
                            Context::OneTimeCode => FindingKind::OneTimeCode,
                            _ => FindingKind::Password,
                        };
                        push(p, kind, ts, b, out);
                        return;
                    }
                }
            }
            marked_recently = false;
        } else {
            let last = step + 1 == items.len();
            let next_is_punct = items.get(step + 1).is_some_and(|n| {
                let (a, b) = trim(p, n.start, n.end);
                a >= b
            });
            let lower = t.to_lowercase();
            let participle = ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e));
            let plain_ok = ctx != Context::OneTimeCode
                && (marked_recently || quoted)
                && f.chars().count() >= 4
                && f.chars().all(|c| c.is_alphabetic() || c == '-')
                && !participle
                && !is_description(f, was_after_copula)
                && (explicit || quoted || ends_clause || last || next_is_punct);
            if plain_ok {
                push(p, FindingKind::Password, ts, te, out);
                return;
            }
            marked_recently = false;
        }
        if ends_mark {
            explicit = true;
            marked_recently = true;
        } else if ends_clause && !raw.ends_with(',') {
            return;
        }
    }
}

/// Whether a secret-looking piece after context words is the value.
fn value(ctx: Context, t: &str, step: usize, marked: bool, recent: bool, quoted: bool) -> bool {
    let n = t.chars().count();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let all_digits = digits == n;
    match ctx {
        Context::OneTimeCode => {
            let shape = (all_digits && (4..=8).contains(&n))
                || (!all_digits && (4..=10).contains(&n) && digits >= 3);
            shape && (!year_like(t) || recent || step == 0)
        }
        Context::Password => {
            if n < 4 {
                return false;
            }
            if all_digits && year_like(t) {
                return recent || step == 0;
            }
            marked || quoted || step <= 1
        }
        Context::Login => {
            (marked || quoted) && n >= 4 && (digits > 0 || !t.chars().all(char::is_alphabetic))
        }
    }
}
