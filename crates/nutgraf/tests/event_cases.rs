//! Event cases as data: `tests/data/events.jsonl` at the repository root, one
//! case a line (`{"text", "syntax", "events"}`), read by this test and by
//! `python/tests/test_event_cases.py`. Each event is written
//! `TYPE actor+actor > target+target @place polarity modality`, participants as
//! the text names them, in the order of the document's events; `cameos`, when
//! a case has it, lists their CAMEO codes (`null` for none).

use std::fmt::Write as _;

use nutgraf::{Document, Meta, Options, Parser, Participant};

fn described(doc: &Document) -> Vec<String> {
    let names = |ps: &[Participant]| {
        ps.iter()
            .map(|p| doc.slice(p.span))
            .collect::<Vec<_>>()
            .join("+")
    };
    doc.events
        .iter()
        .map(|e| {
            let mut s = format!(
                "{} {} > {}",
                e.kind.as_str(),
                names(&e.actors),
                names(&e.targets)
            );
            if let Some(p) = &e.place {
                let _ = write!(s, " @{}", doc.slice(p.span));
            }
            let _ = write!(s, " {} {}", e.polarity.as_str(), e.modality.as_str());
            s
        })
        .collect()
}

#[test]
fn event_cases_hold() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/events.jsonl");
    let data = std::fs::read_to_string(path).expect("tests/data/events.jsonl");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case");
        let text = case["text"].as_str().expect("text");
        let syntax = case["syntax"].as_bool().unwrap_or(false);
        let want: Vec<String> = case["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|v| v.as_str().expect("an event string").to_owned())
            .collect();
        let parser = Parser::new(Options::default().layout(false).syntax(syntax));
        let doc = parser.parse(text, &Meta::default()).expect("parse");
        let got = described(&doc);
        if got != want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
        if let Some(cameos) = case["cameos"].as_array() {
            let want: Vec<Option<&str>> = cameos.iter().map(serde_json::Value::as_str).collect();
            let got: Vec<Option<&str>> = doc.events.iter().map(|e| e.cameo).collect();
            if got != want {
                failures.push(format!("{text}\n  want CAMEO {want:?}\n  got  {got:?}"));
            }
        }
        n += 1;
    }
    assert!(n >= 10, "only {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
