//! JSON interface: golden input/output pairs, and every error path names its field.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers: a panic is a failing test

use entraide_core::matching::json::{parse_instance, run};
use entraide_core::matching::reasons::{Gender, LabelMap};
use entraide_core::matching::{solve, Lang, MatchingError, SolveOptions};
use serde_json::{json, Value};

fn out(input: Value) -> Value {
    let text = run(&input.to_string()).expect("valid input");
    serde_json::from_str(&text).expect("output is JSON")
}

#[test]
fn golden_simple_pair() {
    let got = out(json!({
        "topics": [{"id": "email", "sensitive": false}],
        "people": [
            {"id": "martine", "levels": {"email": 3}, "helps": true},
            {"id": "paul", "need": "email"}
        ]
    }));
    assert_eq!(
        got,
        json!({
            "groups": [{"helper": "martine", "helped": ["paul"], "topic": "email"}],
            "unplaced": [],
            "objective": [1, 1, 1, 0],
            "optimal": true,
            "helped_bound": 1,
            "uncovered": []
        })
    );
}

#[test]
fn golden_exact_text() {
    let text = run(r#"{"topics":[{"id":"email"}],"people":[{"id":"a","levels":{"email":2},"helps":true},{"id":"b","need":"email"}]}"#)
        .expect("valid");
    assert_eq!(
        text,
        "{\n  \"groups\": [\n    {\n      \"helper\": \"a\",\n      \"helped\": [\n        \"b\"\n      ],\n      \"topic\": \"email\"\n    }\n  ],\n  \"unplaced\": [],\n  \"objective\": [\n    1,\n    0,\n    1,\n    0\n  ],\n  \"optimal\": true,\n  \"helped_bound\": 1,\n  \"uncovered\": []\n}\n"
    );
}

#[test]
fn golden_spread_then_level3_then_reasons() {
    // Two level-3 helpers, three learners on e-mail, one on taxes (sensitive), one on
    // video with nobody able to help, one helper unwilling.
    let got = out(json!({
        "topics": [
            {"id": "email"}, {"id": "taxes", "sensitive": true}, {"id": "video"}
        ],
        "people": [
            {"id": "h1", "levels": {"email": 3}, "helps": true},
            {"id": "h2", "levels": {"email": 3}, "helps": true, "capacity": 1},
            {"id": "h3", "levels": {"email": 2, "video": 3}, "helps": false},
            {"id": "x1", "need": "email"},
            {"id": "x2", "need": "email", "levels": {"email": 1}},
            {"id": "x3", "need": "email"},
            {"id": "x4", "need": "taxes"},
            {"id": "x5", "need": "video"}
        ],
        "history": [["h2", "x3"]],
        "repeat": "prefer"
    }));
    assert_eq!(
        got,
        json!({
            "groups": [
                {"helper": "h1", "helped": ["x1", "x2"], "topic": "email"},
                {"helper": "h2", "helped": ["x3"], "topic": "email"}
            ],
            "unplaced": [
                {"id": "x4", "reason": "sensitive"},
                {"id": "x5", "reason": "no_helper"}
            ],
            "objective": [3, 3, 2, 1],
            "optimal": true,
            "helped_bound": 3,
            "uncovered": []
        })
    );
}

#[test]
fn golden_avoid_repeats_and_helpers_full() {
    let base = json!({
        "topics": [{"id": "sms"}],
        "people": [
            {"id": "a", "levels": {"sms": 2}, "helps": true, "capacity": 1},
            {"id": "b", "levels": {"sms": 2}, "helps": true, "capacity": 1},
            {"id": "c", "need": "sms"},
            {"id": "d", "need": "sms"},
            {"id": "e", "need": "sms"}
        ],
        "history": [["a", "c"]],
        "repeat": "avoid"
    });
    let got = out(base.clone());
    assert_eq!(got["objective"], json!([2, 0, 2, 0]));
    assert_ne!(
        got["groups"][0]["helped"],
        json!(["c"]),
        "a and c met before"
    );
    assert_eq!(got["unplaced"].as_array().map(Vec::len), Some(1));
    assert_eq!(got["unplaced"][0]["reason"], json!("helpers_full"));
    let mut prefer = base;
    prefer["repeat"] = json!("prefer");
    let got = out(prefer);
    assert_eq!(got["objective"], json!([2, 0, 2, 1]));
    assert_eq!(
        got["groups"][0],
        json!({"helper": "a", "helped": ["c"], "topic": "sms"})
    );
}

#[test]
fn golden_roles_decided_by_engine_and_forced() {
    // m can help on email and needs video; the engine makes her help (2 helped > 1).
    let base = json!({
        "topics": [{"id": "email"}, {"id": "video"}],
        "people": [
            {"id": "m", "levels": {"email": 3}, "need": "video", "helps": true},
            {"id": "v", "levels": {"video": 3}, "helps": true, "capacity": 1},
            {"id": "p", "need": "email"},
            {"id": "q", "need": "email"}
        ]
    });
    let got = out(base.clone());
    assert_eq!(got["objective"], json!([2, 2, 1, 0]));
    let mut forced = base;
    forced["people"][0]["role"] = json!("helped");
    let got = out(forced);
    assert_eq!(
        got["groups"],
        json!([{"helper": "v", "helped": ["m"], "topic": "video"}])
    );
    assert_eq!(
        got["unplaced"],
        json!([{"id": "p", "reason": "no_helper"}, {"id": "q", "reason": "no_helper"}])
    );
}

#[test]
fn golden_fixed_group_is_kept() {
    let got = out(json!({
        "topics": [{"id": "email"}],
        "people": [
            {"id": "a", "levels": {"email": 3}, "helps": true},
            {"id": "b", "levels": {"email": 2}, "helps": true},
            {"id": "c", "need": "email"},
            {"id": "d", "need": "email"}
        ],
        "fixed": [{"helper": "b", "helped": ["d", "c"], "topic": "email"}]
    }));
    assert_eq!(
        got["groups"],
        json!([{"helper": "b", "helped": ["c", "d"], "topic": "email"}])
    );
    assert_eq!(got["objective"], json!([2, 0, 1, 0]));
}

fn error_of(input: &str) -> MatchingError {
    match run(input) {
        Err(e) => e,
        Ok(o) => panic!("expected an error, got {o}"),
    }
}

#[test]
fn every_error_names_its_field() {
    let cases: &[(&str, &str)] = &[
        (r#"{"topics":[],"people":[],"extra":1}"#, "extra"),
        (r#"{"people":[]}"#, "topics"),
        (r#"{"topics":[]}"#, "people"),
        (r#"{"topics":{},"people":[]}"#, "topics"),
        (
            r#"{"topics":[{"id":"a","x":1}],"people":[]}"#,
            "topics[0].x",
        ),
        (r#"{"topics":[{"id":3}],"people":[]}"#, "topics[0].id"),
        (
            r#"{"topics":[{"id":"a"},{"id":"a"}],"people":[]}"#,
            "topics[1].id",
        ),
        (
            r#"{"topics":[{"id":"a","sensitive":"yes"}],"people":[]}"#,
            "topics[0].sensitive",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","levels":{"a":5}}]}"#,
            "people[0].levels.a",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","levels":{"a":-1}}]}"#,
            "people[0].levels.a",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","levels":{"a":1.5}}]}"#,
            "people[0].levels.a",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","levels":{"zz":1}}]}"#,
            "people[0].levels.zz",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p"},{"id":"q","need":"foo"}]}"#,
            "people[1].need",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p"},{"id":"p"}]}"#,
            "people[1].id",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","capacity":0}]}"#,
            "people[0].capacity",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","capacity":-2}]}"#,
            "people[0].capacity",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","helps":1}]}"#,
            "people[0].helps",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","role":"boss"}]}"#,
            "people[0].role",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","role":"helper"}]}"#,
            "people[0].role",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","role":"helped"}]}"#,
            "people[0].role",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p","nick":"x"}]}"#,
            "people[0].nick",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":""}]}"#,
            "people[0].id",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p"}],"history":[["p","zz"]]}"#,
            "history[0][1]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p"}],"history":[["p"]]}"#,
            "history[0]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"p"}],"history":[["p","p"]]}"#,
            "history[0]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[],"repeat":"sometimes"}"#,
            "repeat",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[],"fixed":[{"helper":"x","helped":[],"topic":"a","z":1}]}"#,
            "fixed[0].z",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true}],"fixed":[{"helper":"h","helped":["x"],"topic":"b"}]}"#,
            "fixed[0].topic",
        ),
        (
            r#"{"topics":[{"id":"a","sensitive":true}],"people":[{"id":"h","levels":{"a":3},"helps":true}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].topic",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3}}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].helper",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":1},"helps":true}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].helper",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true}],"fixed":[{"helper":"h","helped":[],"topic":"a"}]}"#,
            "fixed[0].helped",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].helped[0]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true},{"id":"x"}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].helped[0]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":2},"helps":true},{"id":"x","need":"a","levels":{"a":2}}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[0].helped[0]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true,"capacity":1},{"id":"x","need":"a"},{"id":"y","need":"a"}],"fixed":[{"helper":"h","helped":["x","y"],"topic":"a"}]}"#,
            "fixed[0].helped",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true},{"id":"x","need":"a"}],"fixed":[{"helper":"h","helped":["x","x"],"topic":"a"}]}"#,
            "fixed[0].helped[1]",
        ),
        (
            r#"{"topics":[{"id":"a"}],"people":[{"id":"h","levels":{"a":3},"helps":true},{"id":"x","need":"a"}],"fixed":[{"helper":"h","helped":["x"],"topic":"a"},{"helper":"h","helped":["x"],"topic":"a"}]}"#,
            "fixed[1].helper",
        ),
    ];
    for (input, field) in cases {
        let e = error_of(input);
        assert_eq!(e.field_path(), Some(*field), "input {input}: got {e}");
        assert!(e.to_string().starts_with(&format!("{field}: ")), "{e}");
    }
}

#[test]
fn error_messages_read_well() {
    let e = error_of(r#"{"topics":[{"id":"email"}],"people":[{"id":"p","levels":{"email":5}}]}"#);
    assert_eq!(
        e.to_string(),
        "people[0].levels.email: level 5 is out of range 0..=3"
    );
    let e = error_of(
        r#"{"topics":[{"id":"a"}],"people":[{"id":"p"},{"id":"q"},{"id":"r","need":"foo"}]}"#,
    );
    assert_eq!(e.to_string(), "people[2].need: unknown topic \"foo\"");
    let e = error_of("{not json");
    assert!(matches!(e, MatchingError::Json(_)));
    assert!(e.to_string().starts_with("invalid JSON"));
}

#[test]
fn capacity_above_two_is_capped() {
    let got = out(json!({
        "topics": [{"id": "a"}],
        "people": [
            {"id": "h", "levels": {"a": 3}, "helps": true, "capacity": 5},
            {"id": "x", "need": "a"}, {"id": "y", "need": "a"}, {"id": "z", "need": "a"}
        ]
    }));
    assert_eq!(got["objective"], json!([2, 2, 1, 0]));
    assert_eq!(
        got["unplaced"],
        json!([{"id": "z", "reason": "helpers_full"}])
    );
}

#[test]
fn reasons_in_french_and_english() {
    let inst = parse_instance(
        &json!({
            "topics": [{"id": "email"}, {"id": "caf", "sensitive": true}, {"id": "video"}],
            "people": [
                {"id": "m", "levels": {"email": 3}, "helps": true},
                {"id": "p", "need": "email"},
                {"id": "j", "need": "caf"},
                {"id": "k", "need": "video"}
            ]
        })
        .to_string(),
    )
    .expect("valid");
    let sol = solve(&inst, &SolveOptions::default()).expect("solves");
    let mut labels = LabelMap::default();
    labels.people.insert("m".into(), "Martine".into());
    labels.people.insert("p".into(), "Paul".into());
    labels.people.insert("j".into(), "Jeanne".into());
    labels.people.insert("k".into(), "Karim".into());
    labels.genders.insert("m".into(), Gender::Feminine);
    labels.genders.insert("p".into(), Gender::Masculine);
    labels.topics.insert("email".into(), "le courriel".into());
    labels.topics.insert("caf".into(), "la CAF".into());
    labels
        .topics
        .insert("video".into(), "les appels vidéo".into());
    let reasons = sol.reasons(&inst);
    let fr: Vec<String> = reasons
        .iter()
        .map(|r| r.render(Lang::Fr, &labels))
        .collect();
    assert_eq!(
        fr,
        vec![
            "Martine aide Paul\u{a0}: «\u{a0}le courriel\u{a0}». Elle sait le montrer. Il veut apprendre.",
            "Jeanne (la CAF) : thème sensible : à voir avec l'animateur ou un professionnel.",
            "Karim (les appels vidéo) : personne ici ne peut l'aider sur ce thème aujourd'hui.",
        ]
    );
    let en_topics = |t: &str| match t {
        "email" => "e-mail".to_string(),
        other => other.to_string(),
    };
    let en_names = |id: &str| labels.people.get(id).cloned().unwrap_or_default();
    let en = reasons[0].render(Lang::En, &(en_names, en_topics));
    assert_eq!(
        en,
        "Martine helps Paul: “e-mail”. Martine can show someone. Paul wants to learn."
    );
}
