//! Documents written and read back: the binary form (`to_bytes`/`from_bytes`)
//! gives `==` documents, the JSON contract (`to_json`/`from_json`) gives them
//! on everything it carries, and neither reader panics or over-allocates on
//! corrupt input.

use std::fmt::Write as _;

use nutgraf::{Document, ErrorKind, Meta, Options, Parser, Span};
use proptest::prelude::*;
use serde_json::Value;

mod common;
use common::{repo, seed_articles as seeds};

/// Every seed parsed with and without syntax, and the golden HTML page.
fn documents() -> Vec<(String, Document)> {
    let plain = Parser::default();
    let syntax = Parser::new(Options::new().syntax(true));
    let mut out = Vec::new();
    for (name, text, published) in seeds() {
        let meta = Meta::new()
            .with_published_str(&published)
            .unwrap()
            .with_url("https://example.com/a")
            .with_source("Example");
        out.push((name.clone(), plain.parse(&text, &meta).unwrap()));
        out.push((
            format!("{name}+syntax"),
            syntax.parse(&text, &meta).unwrap(),
        ));
    }
    let html = std::fs::read_to_string(repo().join("tests/golden/html/article.html")).unwrap();
    out.push((
        "article.html".into(),
        syntax.parse_html(&html, &Meta::new()).unwrap(),
    ));
    out
}

/// The document without `mentions` (which the contract carries only through
/// the entities), and each entity's mentions as spans.
fn without_mentions(doc: &Document) -> (Document, Vec<Vec<Span>>) {
    let mut d = doc.clone();
    let spans = d
        .entities
        .iter_mut()
        .map(|e| {
            std::mem::take(&mut e.mentions)
                .into_iter()
                .map(|m| doc.mentions[m].span)
                .collect()
        })
        .collect();
    d.mentions.clear();
    (d, spans)
}

#[test]
fn binary_round_trips_every_seed() {
    let mut report = String::new();
    for (name, doc) in documents() {
        let bytes = doc.to_bytes();
        let back = Document::from_bytes(&bytes).unwrap();
        assert_eq!(back, doc, "{name}");
        assert_eq!(
            back.to_bytes(),
            bytes,
            "{name}: the encoding is deterministic"
        );
        let json = doc.to_json().len();
        assert!(
            bytes.len() < json,
            "{name}: {} bytes, JSON {json}",
            bytes.len()
        );
        let _ = writeln!(
            report,
            "{name:>14}: text {:>6}  binary {:>6}  JSON {:>7}  ({:.0}%)",
            doc.text.len(),
            bytes.len(),
            json,
            100.0 * bytes.len() as f64 / json as f64
        );
    }
    eprint!("{report}");
}

#[test]
fn json_round_trips_every_seed() {
    for (name, doc) in documents() {
        let json = doc.to_json();
        let back = Document::from_json(&json).unwrap();
        // The same contract, byte for byte.
        assert_eq!(back.to_json(), json, "{name}");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(Document::from_json_value(&value).unwrap(), back, "{name}");
        // The same document, but for the mentions the contract does not carry.
        let (want, want_mentions) = without_mentions(&doc);
        let (got, got_mentions) = without_mentions(&back);
        assert_eq!(got, want, "{name}");
        assert_eq!(got_mentions, want_mentions, "{name}");
        let orphans = doc
            .mentions
            .iter()
            .filter(|m| m.entity == usize::MAX)
            .count();
        let relabeled = doc
            .mentions
            .iter()
            .filter(|m| m.entity != usize::MAX && doc.entities[m.entity].label != m.label)
            .count();
        if orphans == 0 && relabeled == 0 {
            assert_eq!(back, doc, "{name}");
        } else {
            eprintln!("{name}: {orphans} mentions without entity, {relabeled} relabeled");
        }
    }
}

#[test]
fn corrupt_bytes_are_errors() {
    let doc = nutgraf::parse(
        "Putin visits China\n\nHe met Xi Jinping on Tuesday.",
        &Meta::new(),
    )
    .unwrap();
    let bytes = doc.to_bytes();
    let err = |b: &[u8]| Document::from_bytes(b).unwrap_err();
    assert!(err(b"").is_invalid_document());
    assert!(err(b"{\"schema_version\": 1}")
        .to_string()
        .contains("NGDOC"));
    let mut v2 = bytes.clone();
    v2[5] = 2;
    assert!(err(&v2).to_string().contains("version 2"), "{}", err(&v2));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(err(&longer).to_string().contains("1 bytes after"));
    for cut in 0..bytes.len() {
        let e = err(&bytes[..cut]);
        assert!(matches!(e.kind(), ErrorKind::InvalidDocument { .. }), "{e}");
    }
}

#[test]
fn decoded_spans_are_checked() {
    // A text of "é": a span ending at byte 1 cuts it.
    let doc = nutgraf::parse("Zürich é", &Meta::new()).unwrap();
    let mut bad = doc.clone();
    bad.blocks[0].span = Span::new(0, 2);
    let e = Document::from_bytes(&bad.to_bytes()).unwrap_err();
    assert!(e.to_string().contains("blocks[0]"), "{e}");
    assert!(e.to_string().contains("cuts a character"), "{e}");
    bad.blocks[0].span = Span::new(0, 99);
    let e = Document::from_bytes(&bad.to_bytes()).unwrap_err();
    assert!(e.to_string().contains("does not fit"), "{e}");
}

#[test]
fn bad_json_names_the_key() {
    let doc = nutgraf::parse(
        "Putin visits China\n\nRussian President Vladimir Putin met Xi Jinping on Tuesday.",
        &Meta::new().with_published_str("2023-10-17").unwrap(),
    )
    .unwrap();
    let good: Value = serde_json::from_str(&doc.to_json()).unwrap();
    let err = |f: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        f(&mut v);
        let e = Document::from_json_value(&v).unwrap_err();
        assert!(e.is_invalid_document(), "{e}");
        e.to_string()
    };
    assert!(err(&|v| v["schema_version"] = 2.into()).contains("version 2"));
    assert!(err(&|v| {
        v.as_object_mut().unwrap().remove("text");
    })
    .contains("at text: missing"));
    assert!(err(&|v| v["blocks"][1]["end"] = 10_000.into()).contains("blocks[1].end"));
    assert!(err(&|v| v["blocks"][0]["kind"] = "lede".into()).contains("unknown name \"lede\""));
    assert!(err(&|v| v["entities"][0]["label"] = 3.into()).contains("entities[0].label"));
    assert!(err(&|v| v["sentences"][0]["block"] = 99.into()).contains("sentences[0].block"));
    assert!(err(&|v| v["language"] = "xx".into()).contains("unknown language code"));
    assert!(err(&|v| v["published"] = "2023-02-30".into()).contains("published"));
    assert!(err(&|v| *v = Value::Array(vec![])).contains("expected an object"));
    let e = Document::from_json("{\"schema_version\": 1,").unwrap_err();
    assert!(e.to_string().contains("not JSON"), "{e}");
}

/// A small document with every part: syntax, entities, times, quantities,
/// quotes, events.
fn rich() -> Document {
    let text = "Putin visits China\n\nBy Jane Doe\n\nBEIJING, Oct 17 (Reuters) - Russian \
                President Vladimir Putin met Xi Jinping in Beijing on Tuesday, \
                signing deals worth $2.5 billion, according to the Kremlin. \
                “We will win,” he said.";
    let meta = Meta::new().with_published_str("2023-10-17").unwrap();
    Parser::new(Options::new().syntax(true))
        .parse(text, &meta)
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Random byte changes of a valid encoding give a document or an error,
    /// never a panic; a document read is whole (its contract writes).
    #[test]
    fn mutated_bytes_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..4), 1..6),
    ) {
        let mut bytes = rich().to_bytes();
        for (at, b, op) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = b,
                1 => bytes[i] ^= 1 << (b % 8),
                2 => { bytes.remove(i); }
                _ => bytes.insert(i, b),
            }
        }
        if let Ok(doc) = Document::from_bytes(&bytes) {
            let _ = doc.to_json();
            let _ = Document::from_json(&doc.to_json());
        }
    }

    /// Random JSON values in place of parts of a contract give a document or an
    /// error, never a panic.
    #[test]
    fn mutated_json_never_panics(
        path in prop::collection::vec(any::<prop::sample::Index>(), 1..5),
        replacement in prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::from),
            any::<u32>().prop_map(Value::from),
            ".{0,4}".prop_map(Value::from),
            Just(Value::Array(vec![])),
            Just(serde_json::json!({})),
        ],
    ) {
        let mut v: Value = serde_json::from_str(&rich().to_json()).unwrap();
        // A JSON pointer to the part replaced, found by walking down.
        let mut pointer = String::new();
        let mut at = &v;
        for i in path {
            let next = match at {
                Value::Object(m) if !m.is_empty() => {
                    let k = m.keys().nth(i.index(m.len())).unwrap();
                    let _ = write!(pointer, "/{}", k.replace('~', "~0").replace('/', "~1"));
                    &m[k]
                }
                Value::Array(a) if !a.is_empty() => {
                    let n = i.index(a.len());
                    let _ = write!(pointer, "/{n}");
                    &a[n]
                }
                _ => break,
            };
            at = next;
        }
        *v.pointer_mut(&pointer).unwrap() = replacement;
        if let Ok(doc) = Document::from_json_value(&v) {
            let _ = doc.to_json();
            let _ = Document::from_bytes(&doc.to_bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any text, parsed, reads back from both forms.
    #[test]
    fn any_document_round_trips(input in "\\PC{0,200}") {
        let doc = Parser::new(Options::new().syntax(true)).parse(&input, &Meta::new()).unwrap();
        prop_assert_eq!(Document::from_bytes(&doc.to_bytes()).unwrap(), doc.clone());
        let back = Document::from_json(&doc.to_json()).unwrap();
        prop_assert_eq!(without_mentions(&back), without_mentions(&doc));
    }
}
