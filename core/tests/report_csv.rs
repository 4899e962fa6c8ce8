//! The anonymous CSV of help given: a golden file for a small record
//! (`golden/report-help.csv`, regenerate with `ENTRAIDE_UPDATE_GOLDEN=1`), read back by an
//! independent reader (the `csv` crate) with every column name and label checked against
//! the reference categories, copied here from `shared/reference/field-categories.md`; and
//! the demo year's export, which names no one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use entraide_core::model::{
    AgeBand, Autonomy, Day, Device, Facts, Gender, GroupId, GroupRecord, HelpGiven, Member,
    PersonId, RecordId, Referral, Session, SessionState, Track,
};
use entraide_core::report::{demo_year, help_csv, Period, DEMO_SEED, DEMO_YEAR};

const GOLDEN: &str = "tests/golden/report-help.csv";

/// The Coop's activity export columns, in order (reference §1).
const COOP_COLUMNS: [&str; 19] = [
    "Date",
    "Type",
    "Participants",
    "Canaux d'accompagnement",
    "Nom du lieu",
    "Commune",
    "Code postal",
    "Durée (min)",
    "Nom de l'atelier",
    "Matériel numérique utilisé",
    "Thématique(s) d'accompagnement",
    "Tags",
    "Nom de la démarche administrative",
    "Niveau d'autonomie (ou de l'atelier)",
    "Bénéficiaire réorienté",
    "Structure de redirection",
    "Genre du bénéficiaire",
    "Tranche d'âge du bénéficiaire",
    "Statut du bénéficiaire",
];
/// Those that name a person or an address: not in Entraide's anonymous export.
const PERSONAL_COLUMNS: [&str; 4] = ["Participants", "Nom du lieu", "Commune", "Code postal"];
const TYPES: [&str; 2] = ["Accompagnement individuel", "Atelier collectif"];
const PLACES: [&str; 4] = ["Lieu d'activité", "Autre lieu", "À domicile", "À distance"];
const DEVICES: [&str; 5] = [
    "Ordinateur",
    "Téléphone",
    "Tablette",
    "Autre",
    "Pas de matériel",
];
const THEMES: [&str; 19] = [
    "Diagnostic numérique",
    "Prendre en main du matériel",
    "Maintenance de matériel",
    "Gérer ses contenus numériques",
    "Navigation sur internet",
    "E-mail",
    "Bureautique",
    "Réseaux sociaux communication",
    "Santé",
    "Banque et achats en ligne",
    "Accompagner un professionnel",
    "Insertion professionnelle",
    "Prévention en sécurité numérique",
    "Parentalité",
    "Scolarité et numérique",
    "Créer avec le numérique",
    "Culture numérique",
    "Intelligence artificielle (IA)",
    "Aide aux démarches administratives",
];
const AUTONOMY: [&str; 3] = ["1/3", "2/3", "3/3"];
const REFERRALS: [&str; 7] = [
    "Administration (mairie, préfecture…)",
    "Autre structure de médiation numérique",
    "Opérateur ou organisme en charge de la démarche administrative",
    "Structure d'aide sociale (maison des solidarités, centre social…)",
    "Structure d'insertion professionnelle (France Travail, mission locale, chambre de commerce…)",
    "Structure d'aide aux démarches administratives (France Services…)",
    "Autre",
];
const GENDERS: [&str; 3] = ["Masculin", "Féminin", "Non communiqué"];
const AGES: [&str; 8] = [
    "Moins de 12 ans",
    "12 - 17 ans",
    "18 - 24 ans",
    "25 - 39 ans",
    "40 - 59 ans",
    "60 - 69 ans",
    "70 ans et plus",
    "Non communiqué",
];
const STATUSES: [&str; 5] = [
    "Scolarisé",
    "Sans emploi",
    "En emploi",
    "Retraité",
    "Non communiqué ou hétérogène",
];

fn d(m: u32, day: u32) -> Day {
    Day::from_ymd(2025, m, day).unwrap()
}

fn small_record() -> GroupRecord {
    let mut r = GroupRecord::new(GroupId([5; 16]));
    let people: Vec<PersonId> = (1..=4u8).map(|n| PersonId([n; 16])).collect();
    for (i, p) in people.iter().enumerate() {
        let mut m = Member::new(*p);
        m.nickname = Some(["Yvette", "Marcel", "Fatou", "Lucien"][i].into());
        m.facts = match i {
            1 => Some(Facts {
                age_band: Some(AgeBand::From80),
                gender: Some(Gender::Male),
                agreed_on: d(1, 1),
            }),
            2 => Some(Facts {
                age_band: Some(AgeBand::From60To69),
                gender: None,
                agreed_on: d(1, 1),
            }),
            _ => None,
        };
        r.members.insert(*p, m);
    }
    for (n, date, track) in [
        (1u8, d(3, 11), Track::Beginners),
        (2, d(3, 25), Track::Confirmed),
    ] {
        let id = RecordId([n; 16]);
        r.sessions.insert(
            id,
            Session {
                id,
                date,
                place: "Salle Rivière".into(),
                track,
                themes: vec![],
                state: SessionState::Closed,
            },
        );
    }
    let mut help =
        |s: u8, a: usize, b: usize, topic: Option<&str>, device, minutes, autonomy, referred| {
            let (session, helper, helped) = (RecordId([s; 16]), people[a], people[b]);
            let id = RecordId::help(session, helper, helped);
            r.help.insert(
                id,
                HelpGiven {
                    id,
                    session,
                    helper,
                    helped,
                    topic: topic.map(Into::into),
                    device,
                    minutes,
                    autonomy,
                    referred,
                },
            );
        };
    help(
        1,
        0,
        1,
        Some("email"),
        Some(Device::Phone),
        Some(30),
        Some(Autonomy::PartlyAutonomous),
        None,
    );
    help(
        1,
        0,
        2,
        Some("public_services"),
        Some(Device::Computer),
        Some(45),
        Some(Autonomy::FullyAccompanied),
        Some(Referral::Procedures),
    );
    help(1, 3, 0, None, None, None, None, None);
    help(
        2,
        1,
        3,
        Some("local_tricot"),
        Some(Device::Tablet),
        Some(60),
        Some(Autonomy::Autonomous),
        None,
    );
    help(
        2,
        2,
        1,
        Some("passwords"),
        Some(Device::None),
        Some(15),
        Some(Autonomy::Autonomous),
        Some(Referral::Administration),
    );
    r
}

fn check_reads_back(text: &str, expected_rows: usize) {
    assert!(text.starts_with('\u{feff}'), "no byte-order mark");
    let body = &text['\u{feff}'.len_utf8()..];
    assert!(body.ends_with("\r\n"));
    assert!(
        !body.replace("\r\n", "").contains('\n'),
        "a line ends without CR"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let kept: Vec<&str> = COOP_COLUMNS
        .iter()
        .copied()
        .filter(|c| !PERSONAL_COLUMNS.contains(c))
        .collect();
    assert_eq!(headers, kept, "not the Coop's columns in the Coop's order");
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut count = 0;
    for record in reader.records() {
        let row = record.unwrap();
        assert_eq!(row.len(), headers.len());
        count += 1;
        let date = &row[col("Date")];
        assert_eq!(date.len(), 10);
        assert_eq!(
            Day::parse(date).unwrap().to_french(),
            date,
            "date not dd/MM/yyyy"
        );
        let one_of = |name: &str, allowed: &[&str], empty_ok: bool| {
            let v = &row[col(name)];
            assert!(
                allowed.contains(&v) || (empty_ok && v.is_empty()),
                "{name}: {v:?} is not a reference label"
            );
        };
        one_of("Type", &TYPES, false);
        one_of("Canaux d'accompagnement", &PLACES, false);
        one_of("Matériel numérique utilisé", &DEVICES, true);
        one_of("Thématique(s) d'accompagnement", &THEMES, true);
        one_of("Niveau d'autonomie (ou de l'atelier)", &AUTONOMY, true);
        one_of("Bénéficiaire réorienté", &["Oui", "Non"], false);
        one_of("Structure de redirection", &REFERRALS, true);
        one_of("Genre du bénéficiaire", &GENDERS, false);
        one_of("Tranche d'âge du bénéficiaire", &AGES, false);
        one_of("Statut du bénéficiaire", &STATUSES, false);
        let referred = &row[col("Bénéficiaire réorienté")] == "Oui";
        assert_eq!(referred, !row[col("Structure de redirection")].is_empty());
        let minutes = &row[col("Durée (min)")];
        assert!(minutes.is_empty() || minutes.parse::<u16>().is_ok());
    }
    assert_eq!(count, expected_rows);
}

#[test]
fn the_small_records_csv_is_the_golden_and_reads_back() {
    let record = small_record();
    let text = help_csv(&record, Period::year(2025).unwrap(), None);
    if std::env::var_os("ENTRAIDE_UPDATE_GOLDEN").is_some() {
        std::fs::write(GOLDEN, text.as_bytes()).unwrap();
    }
    let expected = std::fs::read(GOLDEN).unwrap();
    assert_eq!(
        text.as_bytes(),
        expected.as_slice(),
        "CSV differs from the golden"
    );
    check_reads_back(&text, 5);
    for name in ["Yvette", "Marcel", "Fatou", "Lucien", "0101", "Salle"] {
        assert!(!text.contains(name), "{name} is in the export");
    }
    // A period and a track keep only their rows.
    let confirmed = help_csv(&record, Period::year(2025).unwrap(), Some(Track::Confirmed));
    check_reads_back(&confirmed, 2);
    check_reads_back(&help_csv(&record, Period::year(2024).unwrap(), None), 0);
}

#[test]
fn the_demo_years_csv_has_a_row_per_help_and_names_no_one() {
    let record = demo_year(DEMO_SEED).unwrap();
    let text = help_csv(&record, Period::year(DEMO_YEAR).unwrap(), None);
    check_reads_back(&text, record.help.len());
    for m in record.members.values() {
        let nickname = m.nickname.as_deref().unwrap();
        assert!(
            !text.contains(&format!(";{nickname};")),
            "{nickname} is in the export"
        );
        assert!(!text.contains(&m.person.to_hex()));
    }
}
