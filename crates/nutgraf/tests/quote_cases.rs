//! Quote cases as data: `tests/data/quotes.jsonl` at the repository root, one
//! case a line (`{"text", "syntax", "quotes"}`), read by this test and by
//! `python/tests/test_quote_cases.py`. Each quote is written
//! `kind [cue] speaker: content`, as the text names them (`-` for no
//! speaker, nothing between the brackets for no cue), in the order of the
//! document's quotes.

use nutgraf::{Document, Meta, Options, Parser};

fn described(doc: &Document) -> Vec<String> {
    doc.quotes
        .iter()
        .map(|q| {
            format!(
                "{} [{}] {}: {}",
                q.kind.as_str(),
                q.cue.map_or("", |c| doc.slice(c)),
                q.speaker.as_ref().map_or("-", |s| doc.slice(s.span)),
                doc.slice(q.span)
            )
        })
        .collect()
}

#[test]
fn quote_cases_hold() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/quotes.jsonl");
    let data = std::fs::read_to_string(path).expect("tests/data/quotes.jsonl");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("a JSON case");
        let text = case["text"].as_str().expect("text");
        let syntax = case["syntax"].as_bool().unwrap_or(false);
        let want: Vec<String> = case["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .map(|v| v.as_str().expect("a quote string").to_owned())
            .collect();
        let parser = Parser::new(Options::default().layout(false).syntax(syntax));
        let doc = parser.parse(text, &Meta::default()).expect("parse");
        let got = described(&doc);
        if got != want {
            failures.push(format!("{text}\n  want {want:?}\n  got  {got:?}"));
        }
        n += 1;
    }
    assert!(n >= 10, "only {n} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
