//! Properties of the guard on generated text. The check digits are computed here from the
//! published rules, independently of `core::guard::checksums`:
//!
//! - every valid NIR, Belgian national number, IBAN, card, phone number and e-mail
//!   address, written in its usual forms inside an ordinary sentence, is refused, as that
//!   kind;
//! - the same shapes with a wrong key pass;
//! - generated ordinary sentences (dates, times, prices, counts, versions, sites) pass;
//! - no input panics, however long or odd, and every finding points at a slice of the
//!   text as typed.
#![allow(clippy::unwrap_used)]

use entraide_core::guard::{check, findings, FieldKind, FindingKind};
use proptest::prelude::*;

const PREFIXES: &[&str] = &[
    "Note :",
    "Elle m'a donné",
    "Pour le dossier,",
    "Voici",
    "Il faut recopier",
    "Attention,",
    "Sur le papier il y a",
    "Je garde ici",
    "Séance de jeudi :",
    "Mme Laurent a demandé",
];

const SUFFIXES: &[&str] = &[
    "",
    " pour la prochaine fois",
    ", merci",
    " avant la séance.",
    ". À revoir jeudi",
    " et c'est tout",
    " (à vérifier)",
    " !",
];

fn digits(n: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(0u8..10, n)
        .prop_map(|v| v.into_iter().map(|d| char::from(b'0' + d)).collect())
}

fn mod97(s: &str) -> u32 {
    s.chars().fold(0u32, |r, c| {
        let v = c.to_digit(36).unwrap();
        if v < 10 {
            (r * 10 + v) % 97
        } else {
            (r * 100 + v) % 97
        }
    })
}

fn luhn_check_digit(body: &str) -> u32 {
    let mut sum = 0;
    for (i, c) in body.chars().rev().enumerate() {
        let mut d = c.to_digit(10).unwrap();
        if i % 2 == 0 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    (10 - sum % 10) % 10
}

/// (NIR body of 13 characters, its valid key).
fn nir_parts() -> impl Strategy<Value = (String, u32)> {
    (
        1u32..=2,
        0u32..100,
        1u32..=12,
        prop_oneof![
            (1u32..=95)
                .prop_filter("20 is Corsica", |d| *d != 20)
                .prop_map(|d| format!("{d:02}")),
            Just("2A".to_string()),
            Just("2B".to_string()),
        ],
        1u32..=990,
        1u32..=999,
    )
        .prop_map(|(sex, yy, mm, dept, commune, order)| {
            let body = format!("{sex}{yy:02}{mm:02}{dept}{commune:03}{order:03}");
            let numeric = body.replace("2A", "19").replace("2B", "18");
            let n: u64 = numeric.parse().unwrap();
            (body, 97 - (n % 97) as u32)
        })
}

fn nir_text(body: &str, key: u32, style: u8) -> String {
    let b = body;
    match style % 3 {
        0 => format!(
            "{} {} {} {} {} {} {key:02}",
            &b[..1],
            &b[1..3],
            &b[3..5],
            &b[5..7],
            &b[7..10],
            &b[10..13]
        ),
        1 => format!("{b}{key:02}"),
        _ => format!("{b} {key:02}"),
    }
}

/// (11 digits of a Belgian national number without check, born after 2000, valid check).
fn belgian_parts() -> impl Strategy<Value = (String, bool, u32)> {
    (0u32..100, 1u32..=12, 1u32..=28, 1u32..=997, any::<bool>()).prop_map(
        |(yy, mm, dd, order, after)| {
            let first = format!("{yy:02}{mm:02}{dd:02}{order:03}");
            let base: u64 = if after {
                format!("2{first}").parse().unwrap()
            } else {
                first.parse().unwrap()
            };
            (first, after, 97 - (base % 97) as u32)
        },
    )
}

fn belgian_text(first: &str, check: u32, style: u8) -> String {
    let v = format!("{first}{check:02}");
    match style % 3 {
        0 => format!(
            "{}.{}.{}-{}.{}",
            &v[..2],
            &v[2..4],
            &v[4..6],
            &v[6..9],
            &v[9..]
        ),
        1 => v,
        _ => format!(
            "{} {} {} {} {}",
            &v[..2],
            &v[2..4],
            &v[4..6],
            &v[6..9],
            &v[9..]
        ),
    }
}

const COUNTRIES: &[(&str, usize)] = &[
    ("FR", 27),
    ("BE", 16),
    ("DE", 22),
    ("ES", 24),
    ("IT", 27),
    ("LU", 20),
    ("PT", 25),
    ("CH", 21),
    ("NL", 18),
    ("GB", 22),
];

/// (country, national part, valid check digits).
fn iban_parts() -> impl Strategy<Value = (String, String, u32)> {
    prop::sample::select(COUNTRIES).prop_flat_map(|(country, len)| {
        let letters = if matches!(country, "NL" | "GB") { 4 } else { 0 };
        (
            prop::collection::vec(prop::char::range('A', 'Z'), letters),
            digits(len - 4 - letters),
        )
            .prop_map(move |(l, d)| {
                let bban = format!("{}{d}", l.into_iter().collect::<String>());
                let check = 98 - mod97(&format!("{bban}{country}00"));
                (country.to_string(), bban, check)
            })
    })
}

fn grouped(v: &str, sep: &str) -> String {
    v.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A card body without its check digit: Visa/Mastercard 16 digits or Amex 15.
fn card_body() -> impl Strategy<Value = String> {
    prop_oneof![
        digits(14).prop_map(|d| format!("4{d}")),
        (1u8..=5, digits(13)).prop_map(|(b, d)| format!("5{b}{d}")),
        (prop::sample::select(vec!["34", "37"]), digits(12)).prop_map(|(p, d)| format!("{p}{d}")),
    ]
}

fn card_text(v: &str, style: u8) -> String {
    if v.len() == 15 {
        return match style % 2 {
            0 => format!("{} {} {}", &v[..4], &v[4..10], &v[10..]),
            _ => v.to_string(),
        };
    }
    match style % 4 {
        0 => grouped(v, " "),
        1 => v.to_string(),
        2 => grouped(v, "-"),
        _ => grouped(v, "\u{a0}"),
    }
}

fn phone() -> impl Strategy<Value = String> {
    let french = (1u8..=9, digits(8), 0u8..9).prop_map(|(first, rest, style)| {
        let v = format!("0{first}{rest}");
        let pairs: Vec<&str> = (0..5).map(|i| &v[i * 2..i * 2 + 2]).collect();
        let tail = pairs[1..].join(" ");
        match style {
            0 => pairs.join(" "),
            1 => pairs.join("."),
            2 => pairs.join("-"),
            3 => v.clone(),
            4 => pairs.join("\u{202f}"),
            5 => format!("+33 {first} {tail}"),
            6 => format!("+33{}", &v[1..]),
            7 => format!("0033 {first} {tail}"),
            _ => format!("+33 (0){first} {tail}"),
        }
    });
    let belgian = (60u8..=99, digits(6), 0u8..3).prop_map(|(op, d, style)| {
        let groups = format!("{} {} {}", &d[..2], &d[2..4], &d[4..]);
        match style {
            0 => format!("+32 4{op} {groups}"),
            1 => format!("04{op} {groups}"),
            _ => format!("0032 4{op} {groups}"),
        }
    });
    prop_oneof![3 => french, 1 => belgian]
}

fn email() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z0-9._-]{0,14}[a-z0-9]",
        "[a-z]{2,10}(-[a-z]{2,6})?",
        prop::sample::select(vec!["fr", "com", "net", "be", "org", "eu"]),
    )
        .prop_filter("no double dots", |(l, _, _)| !l.contains(".."))
        .prop_map(|(l, d, t)| format!("{l}@{d}.{t}"))
}

fn refused_as(text: &str, kind: FindingKind) -> Result<(), TestCaseError> {
    match check(text, FieldKind::Tip) {
        Ok(()) => Err(TestCaseError::fail(format!("passed: {text:?}"))),
        Err(r) => {
            prop_assert!(
                r.kinds().contains(&kind),
                "refused as {:?}, not {kind:?}: {text:?}",
                r.kinds()
            );
            Ok(())
        }
    }
}

fn passes(text: &str) -> Result<(), TestCaseError> {
    match check(text, FieldKind::Tip) {
        Ok(()) => Ok(()),
        Err(r) => Err(TestCaseError::fail(format!(
            "refused as {:?}: {text:?}",
            r.kinds()
        ))),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn valid_nir_is_refused(((body, key), style) in (nir_parts(), any::<u8>()), wrap in any::<u8>()) {
        let text = nir_text(&body, key, style);
        let s = format!("{} {text}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::Nir)?;
    }

    #[test]
    fn nir_with_a_wrong_key_passes(((body, key), shift) in (nir_parts(), 1u32..97), wrap in any::<u8>()) {
        let wrong = (key - 1 + shift) % 97 + 1;
        prop_assume!(wrong != key);
        let text = nir_text(&body, wrong, 0);
        let s = format!("{} {text}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        passes(&s)?;
    }

    #[test]
    fn valid_belgian_number_is_refused(((first, _, check), style) in (belgian_parts(), any::<u8>()), wrap in any::<u8>()) {
        let s = format!("{} {}{}", PREFIXES[wrap as usize % PREFIXES.len()], belgian_text(&first, check, style), SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::BelgianNationalNumber)?;
    }

    #[test]
    fn belgian_number_with_a_wrong_check_passes((first, after, check) in belgian_parts(), wrong in 1u32..=97, wrap in any::<u8>()) {
        let base: u64 = if after { first.parse().unwrap() } else { format!("2{first}").parse().unwrap() };
        let other = 97 - (base % 97) as u32;
        prop_assume!(wrong != check && wrong != other);
        let s = format!("{} {}{}", PREFIXES[wrap as usize % PREFIXES.len()], belgian_text(&first, wrong, 2), SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        passes(&s)?;
    }

    #[test]
    fn valid_iban_is_refused((country, bban, check) in iban_parts(), spaced in any::<bool>(), wrap in any::<u8>()) {
        let v = format!("{country}{check:02}{bban}");
        let text = if spaced { grouped(&v, " ") } else { v };
        let s = format!("{} {text}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::Iban)?;
    }

    #[test]
    fn iban_with_wrong_check_digits_passes((country, bban, check) in iban_parts(), wrong in 2u32..=98, wrap in any::<u8>()) {
        prop_assume!(wrong != check);
        let v = format!("{country}{wrong:02}{bban}");
        let s = format!("{} {}{}", PREFIXES[wrap as usize % PREFIXES.len()], grouped(&v, " "), SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        passes(&s)?;
    }

    #[test]
    fn valid_card_is_refused(body in card_body(), style in any::<u8>(), wrap in any::<u8>()) {
        let v = format!("{body}{}", luhn_check_digit(&body));
        let s = format!("{} {}{}", PREFIXES[wrap as usize % PREFIXES.len()], card_text(&v, style), SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::PaymentCard)?;
    }

    #[test]
    fn card_failing_luhn_passes(body in card_body(), shift in 1u32..10, style in 0u8..3, wrap in any::<u8>()) {
        let wrong = (luhn_check_digit(&body) + shift) % 10;
        let v = format!("{body}{wrong}");
        // Written in groups: run together, 15 or 16 digits can also be a NIR or a phone.
        let text = card_text(&v, if style == 1 { 0 } else { style });
        let s = format!("{} {text}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        passes(&s)?;
    }

    #[test]
    fn phone_numbers_are_refused(p in phone(), wrap in any::<u8>()) {
        let s = format!("{} {p}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::Phone)?;
    }

    #[test]
    fn email_addresses_are_refused(e in email(), wrap in any::<u8>()) {
        let s = format!("{} {e}{}", PREFIXES[wrap as usize % PREFIXES.len()], SUFFIXES[(wrap / 16) as usize % SUFFIXES.len()]);
        refused_as(&s, FindingKind::Email)?;
    }

    #[test]
    fn ordinary_sentences_pass(s in ordinary_sentence()) {
        passes(&s)?;
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        check_invariants(&s)?;
    }

    #[test]
    fn tricky_text_never_panics(s in tricky_text(3000)) {
        check_invariants(&s)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn huge_text_never_panics(s in tricky_text(400), times in 100usize..300) {
        let huge = s.repeat(times);
        check_invariants(&huge)?;
    }
}

fn check_invariants(s: &str) -> Result<(), TestCaseError> {
    let found = findings(s);
    for f in &found {
        prop_assert!(f.start <= f.end && f.end <= s.len());
        prop_assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
    }
    for pair in found.windows(2) {
        prop_assert!(pair[0].start <= pair[1].start);
    }
    let verdict = check(s, FieldKind::Note);
    prop_assert_eq!(verdict.is_ok(), found.is_empty());
    if let Err(r) = verdict {
        prop_assert!(!r.message(true).is_empty() && !r.message(false).is_empty());
    }
    Ok(())
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "0123456789 0123456789 +@.-/()::=«»\"'aAéÉzZrueRUEbisFRBE\u{a0}\u{202f}\u{2009}\u{2013}\u{2014}\u{2212}\u{200b}\u{feff}\u{301}\u{ff10}\u{ff20}\n\t€%h💡ß\u{130}ﬁ"
        .chars()
        .collect();
    let words = vec![
        "mot de passe",
        "mdp",
        "code",
        "reçu",
        "SMS",
        "CAF",
        "allocataire",
        "identifiant",
        "France Travail",
        "rue",
        "avenue",
        "place",
        "arobase",
        "point",
        "est",
        ":",
        "06",
        "+33",
        "0033",
        "2A",
        "FR76",
        "BE68",
        "(0)",
        "bis",
        "Lyon",
        "69003",
    ];
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(alphabet).prop_map(|c| c.to_string()),
            1 => prop::sample::select(words).prop_map(|w| format!(" {w} ")),
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

fn ordinary_sentence() -> impl Strategy<Value = String> {
    let date = (1u32..=28, 1u32..=12, 1990u32..=2030).prop_map(|(d, m, y)| match d % 3 {
        0 => format!("le {d:02}/{m:02}/{y}"),
        1 => format!(
            "le {d} {}",
            ["janvier", "mars", "mai", "juillet", "octobre", "décembre"][(m % 6) as usize]
        ),
        _ => format!("le {y}-{m:02}-{d:02}"),
    });
    let time = (7u32..=20, 0u32..60).prop_map(|(h, m)| match m % 3 {
        0 => format!("à {h}h{m:02}"),
        1 => format!("à {h}\u{202f}h"),
        _ => format!("vers {h}:{m:02}"),
    });
    let price = (1u32..2000, 0u32..100).prop_map(|(e, c)| match c % 3 {
        0 => format!("{e},{c:02} €"),
        1 => format!("{e}\u{a0}€"),
        _ => format!("{e} euros"),
    });
    let count = (2u32..500).prop_map(|n| {
        let what = [
            "personnes",
            "séances",
            "tablettes",
            "mails",
            "minutes",
            "trimestres",
        ][(n % 6) as usize];
        format!("{n} {what}")
    });
    let version = (5u32..18, 0u32..10, 0u32..10).prop_map(|(a, b, c)| match c % 4 {
        0 => format!("Android {a}"),
        1 => format!("iOS {a}.{b}"),
        2 => format!("la version {a}.{b}.{c}"),
        _ => format!("Windows {a}"),
    });
    let extra = (1u32..100, 1900u32..2030).prop_map(|(p, y)| match p % 4 {
        0 => format!("{p} %"),
        1 => format!("en {y}"),
        2 => format!(
            "sur {}",
            [
                "ameli.fr",
                "impots.gouv.fr",
                "www.service-public.fr",
                "caf.fr",
                "france-travail.fr",
                "laposte.fr"
            ][(p % 6) as usize]
        ),
        _ => format!("au {}e étage", p % 9 + 1),
    });
    (date, time, price, count, version, extra, 0u8..4).prop_map(
        |(date, time, price, count, version, extra, shape)| match shape {
            0 => format!("Rendez-vous {date} {time}, prévoir {price}."),
            1 => format!("Séance {date} : {count}, mise à jour vers {version} {extra}."),
            2 => format!("Il a payé {price} {date}, puis {count} {extra}."),
            _ => format!("Atelier {time} {extra} : {version}, {count}, {price}."),
        },
    )
}
