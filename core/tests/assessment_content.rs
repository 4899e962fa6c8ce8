//! The built-in self-assessment content parses, follows every rule, and keeps exactly the
//! expected topics; every validation rule catches what it is meant to catch; a group's own
//! topic list hides, adds and is refused as it should.

use entraide_core::assessment::frameworks::{digcomp_competence, pix_competence};
use entraide_core::assessment::{
    is_pictogram, Answer, AssessmentError, Catalog, Device, GroupTopics, Location, Topic,
    MAX_LEVELS, MIN_LEVELS,
};
use serde_json::{json, Value};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The topic ids, in order. Changing this list is a product decision: results and group lists
/// refer to these ids, so a topic must never disappear or be renamed by accident.
const EXPECTED_IDS: [&str; 18] = [
    "device_basics",
    "web_search",
    "email",
    "attachments",
    "video_calls",
    "photos_files",
    "passwords",
    "device_security",
    "private_browsing",
    "social_networks",
    "everyday_procedures",
    "online_payment",
    "public_services",
    "phone_plan",
    "device_cleanup",
    "word_processing",
    "spreadsheets",
    "free_software",
];

fn builtin_value() -> Result<Value, Box<dyn std::error::Error>> {
    Ok(serde_json::from_str(&Catalog::builtin()?.to_json()?)?)
}

/// Applies `edit` to the built-in content and parses the result (the catalog itself is
/// dropped so a failure prints only the error).
fn parse_edited(
    edit: impl FnOnce(&mut Value),
) -> Result<Result<(), AssessmentError>, Box<dyn std::error::Error>> {
    let mut value = builtin_value()?;
    edit(&mut value);
    Ok(Catalog::from_json(&value.to_string()).map(drop))
}

fn level_at(topic: &str, level: usize, lang: &'static str) -> Location {
    Location {
        topic: topic.to_owned(),
        level: Some(level),
        lang: Some(lang),
    }
}

#[test]
fn builtin_parses_with_enough_topics() -> TestResult {
    let catalog = Catalog::builtin()?;
    assert!(catalog.topics().len() >= 16);
    Ok(())
}

#[test]
fn topic_ids_are_exactly_the_expected_ones() -> TestResult {
    let catalog = Catalog::builtin()?;
    let ids: Vec<&str> = catalog.topics().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, EXPECTED_IDS);
    Ok(())
}

#[test]
fn every_level_has_text_in_both_languages() -> TestResult {
    let catalog = Catalog::builtin()?;
    for topic in catalog.topics() {
        assert!(!topic.title.fr.trim().is_empty(), "{}", topic.id);
        assert!(!topic.title.en.trim().is_empty(), "{}", topic.id);
        assert!((MIN_LEVELS..=MAX_LEVELS).contains(&topic.levels.len()));
        for level in &topic.levels {
            assert!(level.can.fr.starts_with("Je "), "{}", level.can.fr);
            assert!(level.can.en.starts_with("I "), "{}", level.can.en);
            assert_ne!(level.can.fr, level.can.en);
        }
    }
    for answer in Answer::ALL {
        let label = catalog.answer_label(answer).ok_or("missing answer label")?;
        assert!(!label.fr.is_empty() && !label.en.is_empty());
    }
    Ok(())
}

#[test]
fn tags_are_valid() -> TestResult {
    let catalog = Catalog::builtin()?;
    let mut pictograms: Vec<&str> = Vec::new();
    for topic in catalog.topics() {
        assert!(is_pictogram(&topic.pictogram), "{}", topic.id);
        pictograms.push(&topic.pictogram);
        let mut previous = 0;
        for level in &topic.levels {
            assert!(pix_competence(&level.pix).is_some(), "{}", topic.id);
            assert!(digcomp_competence(&level.digcomp).is_some(), "{}", topic.id);
            assert!((1..=8).contains(&level.pix_level));
            assert!((1..=8).contains(&level.digcomp_level));
            assert!(level.pix_level >= previous, "{}", topic.id);
            previous = level.pix_level;
        }
    }
    pictograms.sort_unstable();
    pictograms.dedup();
    assert_eq!(
        pictograms.len(),
        catalog.topics().len(),
        "one pictogram per topic"
    );
    Ok(())
}

#[test]
fn sensitive_topics_are_the_administration_and_payment_ones() -> TestResult {
    let catalog = Catalog::builtin()?;
    let sensitive: Vec<&str> = catalog
        .topics()
        .iter()
        .filter(|t| t.sensitive)
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(sensitive, ["online_payment", "public_services"]);
    Ok(())
}

#[test]
fn every_device_has_most_topics() -> TestResult {
    let catalog = Catalog::builtin()?;
    for device in Device::ALL {
        let count = catalog
            .topics()
            .iter()
            .filter(|t| t.applies_to(&[device]))
            .count();
        assert!(count >= 15, "{device:?}: {count}");
    }
    Ok(())
}

#[test]
fn content_round_trips_through_json() -> TestResult {
    let catalog = Catalog::builtin()?;
    assert_eq!(Catalog::from_json(&catalog.to_json()?)?, catalog);
    Ok(())
}

// ----- each rule catches its mistake, naming the place -----

#[test]
fn unknown_version_is_refused() -> TestResult {
    let err = parse_edited(|v| v["format_version"] = json!(2))?;
    assert_eq!(
        err,
        Err(AssessmentError::UnsupportedVersion {
            what: "content",
            found: 2,
            supported: 1
        })
    );
    Ok(())
}

#[test]
fn broken_json_is_a_json_error() {
    assert!(matches!(
        Catalog::from_json("{\"format_version\": 1, \"topics\": ["),
        Err(AssessmentError::Json { .. })
    ));
}

#[test]
fn bad_and_duplicate_ids_are_refused() -> TestResult {
    let err = parse_edited(|v| v["topics"][2]["id"] = json!("E-mail"))?;
    assert_eq!(
        err,
        Err(AssessmentError::InvalidTopicId {
            topic: "E-mail".into()
        })
    );
    let err = parse_edited(|v| v["topics"][2]["id"] = json!("web_search"))?;
    assert_eq!(
        err,
        Err(AssessmentError::DuplicateTopic {
            topic: "web_search".into()
        })
    );
    Ok(())
}

#[test]
fn level_count_is_checked() -> TestResult {
    let err = parse_edited(|v| {
        if let Some(levels) = v["topics"][0]["levels"].as_array_mut() {
            levels.truncate(2);
        }
    })?;
    assert!(
        matches!(err, Err(AssessmentError::LevelCount { count: 2, ref at }) if at.topic == "device_basics")
    );
    let err = parse_edited(|v| {
        if let Some(levels) = v["topics"][0]["levels"].as_array_mut() {
            let last = levels[3].clone();
            levels.push(last);
        }
    })?;
    assert!(matches!(
        err,
        Err(AssessmentError::LevelCount { count: 5, .. })
    ));
    Ok(())
}

#[test]
fn texts_follow_plain_language_rules() -> TestResult {
    let cases: [(&str, &str, AssessmentError); 7] = [
        ("fr", "", AssessmentError::EmptyText { at: level_at("email", 2, "fr"), field: "sentence" }),
        ("en", "   ", AssessmentError::EmptyText { at: level_at("email", 2, "en"), field: "sentence" }),
        (
            "fr",
            "Je sais écrire un e-mail à ma fille, à mon fils, à mes petits-enfants et à mes chers voisins.",
            AssessmentError::TextTooLong { at: level_at("email", 2, "fr"), field: "sentence", len: 93, max: 90 },
        ),
        ("fr", "Je sais écrire. Je sais envoyer.", AssessmentError::SeveralSentences { at: level_at("email", 2, "fr"), field: "sentence" }),
        ("fr", "Je sais écrire un e-mail, etc.", AssessmentError::Abbreviation { at: level_at("email", 2, "fr"), field: "sentence", word: "etc".into() }),
        ("en", "I can write an e-mail on my PC.", AssessmentError::Abbreviation { at: level_at("email", 2, "en"), field: "sentence", word: "PC".into() }),
        ("fr", "Écrire un e-mail.", AssessmentError::NotFirstPerson { at: level_at("email", 2, "fr") }),
    ];
    for (lang, text, expected) in cases {
        let err = parse_edited(|v| v["topics"][2]["levels"][1]["can"][lang] = json!(text))?;
        assert_eq!(err, Err(expected), "{text:?}");
    }
    let err = parse_edited(|v| {
        v["topics"][2]["levels"][1]["can"]["en"] = json!("I can write an e-mail")
    })?;
    assert!(matches!(err, Err(AssessmentError::FinalPunctuation { .. })));
    let err = parse_edited(|v| v["topics"][2]["title"]["fr"] = json!("Les e-mails."))?;
    assert!(matches!(
        err,
        Err(AssessmentError::FinalPunctuation { field: "title", .. })
    ));
    let err = parse_edited(|v| v["topics"][2]["title"]["en"] = json!("E-mail e.g. Gmail"))?;
    assert!(matches!(
        err,
        Err(AssessmentError::Abbreviation { field: "title", .. })
    ));
    Ok(())
}

#[test]
fn codes_and_levels_are_checked() -> TestResult {
    let err = parse_edited(|v| v["topics"][1]["levels"][0]["pix"] = json!("2.5"))?;
    assert!(
        matches!(err, Err(AssessmentError::UnknownPixCode { ref code, ref at }) if code == "2.5" && at.level == Some(1))
    );
    let err = parse_edited(|v| v["topics"][1]["levels"][0]["digcomp"] = json!("5.5"))?;
    assert!(matches!(
        err,
        Err(AssessmentError::UnknownDigCompCode { .. })
    ));
    let err = parse_edited(|v| v["topics"][1]["levels"][3]["digcomp_level"] = json!(9))?;
    assert!(matches!(
        err,
        Err(AssessmentError::FrameworkLevel {
            framework: "DigComp",
            value: 9,
            ..
        })
    ));
    let err = parse_edited(|v| v["topics"][1]["levels"][0]["pix_level"] = json!(0))?;
    assert!(matches!(
        err,
        Err(AssessmentError::FrameworkLevel {
            framework: "Pix",
            value: 0,
            ..
        })
    ));
    let err = parse_edited(|v| v["topics"][1]["levels"][3]["pix_level"] = json!(1))?;
    assert_eq!(
        err,
        Err(AssessmentError::DecreasingPixLevel {
            at: Location {
                topic: "web_search".into(),
                level: Some(4),
                lang: None
            }
        })
    );
    Ok(())
}

#[test]
fn pictograms_devices_and_answers_are_checked() -> TestResult {
    let err = parse_edited(|v| v["topics"][0]["pictogram"] = json!("unicorn"))?;
    assert!(
        matches!(err, Err(AssessmentError::UnknownPictogram { ref name, .. }) if name == "unicorn")
    );
    let err = parse_edited(|v| v["topics"][0]["devices"] = json!([]))?;
    assert!(matches!(err, Err(AssessmentError::BadDevices { .. })));
    let err = parse_edited(|v| v["topics"][0]["devices"] = json!(["phone", "phone"]))?;
    assert!(matches!(err, Err(AssessmentError::BadDevices { .. })));
    let err = parse_edited(|v| {
        if let Some(answers) = v["answers"].as_array_mut() {
            answers.swap(0, 1);
        }
    })?;
    assert_eq!(err, Err(AssessmentError::AnswerList));
    let err = parse_edited(|v| v["topics"] = json!([]))?;
    assert_eq!(err, Err(AssessmentError::NoTopics));
    Ok(())
}

// ----- a group's own topic list -----

fn local_topic(id: &str) -> Result<Topic, Box<dyn std::error::Error>> {
    Ok(serde_json::from_value(json!({
        "id": id,
        "title": { "fr": "Le jardin partagé", "en": "The shared garden" },
        "pictogram": "calendar",
        "sensitive": false,
        "devices": ["phone"],
        "levels": [
            { "can": { "fr": "Je sais ouvrir le calendrier du jardin.", "en": "I can open the garden calendar." },
              "pix": "2.3", "pix_level": 1, "digcomp": "2.4", "digcomp_level": 1 },
            { "can": { "fr": "Je sais réserver un créneau pour arroser.", "en": "I can book a time slot for watering." },
              "pix": "2.3", "pix_level": 2, "digcomp": "2.4", "digcomp_level": 2 },
            { "can": { "fr": "Je sais ajouter une nouvelle personne au calendrier.", "en": "I can add a new person to the calendar." },
              "pix": "2.3", "pix_level": 3, "digcomp": "2.4", "digcomp_level": 3 }
        ]
    }))?)
}

fn ids(catalog: &Catalog) -> Vec<&str> {
    catalog.topics().iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn group_list_hides_and_adds() -> TestResult {
    let builtin = Catalog::builtin()?;
    assert_eq!(GroupTopics::new().apply(&builtin)?, builtin);

    let group = GroupTopics {
        hidden: vec!["spreadsheets".into(), "free_software".into()],
        local: vec![local_topic("shared_garden")?],
        ..GroupTopics::new()
    };
    let list = group.apply(&builtin)?;
    let got = ids(&list);
    assert_eq!(got.len(), EXPECTED_IDS.len() - 1);
    assert!(!got.contains(&"spreadsheets") && !got.contains(&"free_software"));
    assert_eq!(got.last(), Some(&"shared_garden"));

    // A local topic with the id of a hidden one replaces it in place.
    let group = GroupTopics {
        hidden: vec!["email".into()],
        local: vec![local_topic("email")?],
        ..GroupTopics::new()
    };
    let list = group.apply(&builtin)?;
    assert_eq!(ids(&list), EXPECTED_IDS);
    assert_eq!(
        list.topic("email").map(|t| t.title.en.as_str()),
        Some("The shared garden")
    );

    // And it survives storage.
    assert_eq!(GroupTopics::from_json(&group.to_json()?)?, group);
    Ok(())
}

#[test]
fn group_list_errors() -> TestResult {
    let builtin = Catalog::builtin()?;
    let hidden = |h: &[&str]| GroupTopics {
        hidden: h.iter().map(|s| (*s).to_owned()).collect(),
        ..GroupTopics::new()
    };
    assert_eq!(
        hidden(&["knitting"]).apply(&builtin),
        Err(AssessmentError::UnknownHiddenTopic {
            topic: "knitting".into()
        })
    );
    assert_eq!(
        hidden(&["email", "email"]).apply(&builtin),
        Err(AssessmentError::DuplicateTopic {
            topic: "email".into()
        })
    );
    assert_eq!(
        hidden(&["E mail"]).validate(),
        Err(AssessmentError::InvalidTopicId {
            topic: "E mail".into()
        })
    );
    assert_eq!(
        hidden(&EXPECTED_IDS).apply(&builtin),
        Err(AssessmentError::NoTopics)
    );

    // A local topic clashing with a visible built-in one.
    let clash = GroupTopics {
        local: vec![local_topic("email")?],
        ..GroupTopics::new()
    };
    assert_eq!(
        clash.apply(&builtin),
        Err(AssessmentError::DuplicateTopic {
            topic: "email".into()
        })
    );

    // Two local topics with one id.
    let twice = GroupTopics {
        local: vec![local_topic("garden")?, local_topic("garden")?],
        ..GroupTopics::new()
    };
    assert_eq!(
        twice.validate(),
        Err(AssessmentError::DuplicateTopic {
            topic: "garden".into()
        })
    );

    // Local topics follow the same rules as the built-in ones.
    let mut bad = local_topic("garden")?;
    bad.levels[1].can.fr = "Je sais réserver un créneau, etc.".into();
    let bad = GroupTopics {
        local: vec![bad],
        ..GroupTopics::new()
    };
    assert!(
        matches!(bad.apply(&builtin), Err(AssessmentError::Abbreviation { ref at, .. }) if at.topic == "garden" && at.level == Some(2))
    );
    let mut short = local_topic("garden")?;
    short.levels.truncate(2);
    let short = GroupTopics {
        local: vec![short],
        ..GroupTopics::new()
    };
    assert!(matches!(
        short.validate(),
        Err(AssessmentError::LevelCount { count: 2, .. })
    ));
    Ok(())
}

#[test]
fn group_list_versions() -> TestResult {
    let future = json!({ "format_version": 2, "hidden": [], "local": [], "colour": "blue" });
    assert_eq!(
        GroupTopics::from_json(&future.to_string()),
        Err(AssessmentError::UnsupportedVersion {
            what: "group topics",
            found: 2,
            supported: 1
        })
    );
    // A future version is refused even when its shape changed completely.
    let future = json!({ "format_version": 7, "hidden": { "new": "shape" } });
    assert!(matches!(
        GroupTopics::from_json(&future.to_string()),
        Err(AssessmentError::UnsupportedVersion { found: 7, .. })
    ));
    let none = json!({ "hidden": [] });
    assert!(matches!(
        GroupTopics::from_json(&none.to_string()),
        Err(AssessmentError::Json { .. })
    ));
    let current = json!({ "format_version": 1 });
    assert_eq!(
        GroupTopics::from_json(&current.to_string())?,
        GroupTopics::new()
    );
    let built = GroupTopics {
        format_version: 3,
        ..GroupTopics::new()
    };
    assert!(matches!(
        built.apply(&Catalog::builtin()?),
        Err(AssessmentError::UnsupportedVersion { found: 3, .. })
    ));
    Ok(())
}
