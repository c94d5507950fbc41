//! Fuzz the JSON contract: parse (layout on and off, with a publication date so
//! every time gets a value), serialize with `Document::to_json`, read it back
//! with serde_json, and check that every object with `start` and `end` holds
//! code-point offsets that slice the original input to its `text`, wherever it
//! sits in the tree (blocks, sentences, mentions, references, times,
//! quantities, quotes and their parts, cues, speakers, attributions, events and
//! their participants).

#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::{Meta, Options, Parser};
use serde_json::Value;

fn walk(v: &Value, path: &mut String, byte_of: &[usize], input: &str) {
    match v {
        Value::Object(map) => {
            let start = map.get("start");
            let end = map.get("end");
            if start.is_some() || end.is_some() {
                let (Some(s), Some(e)) =
                    (start.and_then(Value::as_u64), end.and_then(Value::as_u64))
                else {
                    panic!("{path}: start/end missing or not numbers: {v}");
                };
                let (s, e) = (s as usize, e as usize);
                assert!(
                    s <= e && e < byte_of.len(),
                    "{path}: code points {s}..{e} out of range ({} chars) in {input:?}",
                    byte_of.len() - 1
                );
                let slice = &input[byte_of[s]..byte_of[e]];
                if let Some(text) = map.get("text") {
                    assert_eq!(
                        text.as_str(),
                        Some(slice),
                        "{path}: {s}..{e} does not slice to its text in {input:?}"
                    );
                }
            }
            for (k, x) in map {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                walk(x, path, byte_of, input);
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(x, path, byte_of, input);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let input = input.as_ref();
    let byte_of: Vec<usize> = input
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(input.len()))
        .collect();
    let dated = Meta::new()
        .with_published_str("2023-10-17")
        .expect("valid date");
    for layout in [true, false] {
        let doc = Parser::new(Options::new().layout(layout))
            .parse(input, &dated)
            .unwrap_or_else(|e| panic!("parse failed (layout {layout}): {e}"));
        let json = doc.to_json();
        let v: Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("to_json is not JSON ({e}): {json}"));
        assert_eq!(v, doc.to_json_value(), "to_json and to_json_value differ");
        assert!(v["schema_version"].is_number() || v["schema_version"].is_string());
        assert_eq!(
            v["sentences"].as_array().map(Vec::len),
            Some(doc.sentences.len())
        );
        assert_eq!(v["times"].as_array().map(Vec::len), Some(doc.times.len()));
        for t in v["times"].as_array().into_iter().flatten() {
            assert!(t["value"].is_string(), "a time without value: {t}");
        }
        walk(&v, &mut String::from("$"), &byte_of, input);
    }
});
