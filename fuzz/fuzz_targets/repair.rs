//! Fuzz the normalization and glued-word repair step (`nutgraf::text`):
//! `NormalizedText::new`, `repair_glued`, the offset map back to the input, and
//! `find_glued` on arbitrary text; then the whole parser with layout off and
//! every extractor off, so the repaired text goes through segmentation and the
//! document checks of `crates/nutgraf/tests/common/mod.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::text::{find_glued, NormalizedText};
use nutgraf::{Meta, Options, Parser, Span};

#[path = "../../crates/nutgraf/tests/common/mod.rs"]
mod common;

/// Every char boundary of the text `n` reads maps to a valid, monotone offset of
/// the original, and spans map to ordered spans of the original.
fn check_map(n: &NormalizedText<'_>, what: &str) {
    let original = n.original();
    let text = n.as_str();
    if n.is_identity() {
        assert_eq!(text, original, "{what}: identity but the text changed");
    }
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut prev = Span::new(0, 0);
    for &b in &bounds {
        let s = n.to_original(Span::new(b, b));
        common::check_span(original, s, what);
        assert!(
            s.start >= prev.start,
            "{what}: offset {b} maps to {s:?}, before {prev:?}, in {original:?}"
        );
        prev = s;
    }
    // Whole text and a few windows.
    for w in bounds.windows(2).step_by(7) {
        let s = n.to_original(Span::new(w[0], w[1]));
        common::check_span(original, s, what);
    }
    let all = n.to_original(Span::new(0, text.len()));
    common::check_span(original, all, what);
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let input = input.as_ref();

    let mut n = NormalizedText::new(input);
    check_map(&n, "normalized");
    let before = n.as_str().to_owned();
    let glued = find_glued(&before);
    for g in &glued {
        assert!(
            before.is_char_boundary(g.at),
            "glue at {} not on a char boundary",
            g.at
        );
        common::check_span(&before, g.word, "glued word");
        assert!(
            g.word.start < g.at && g.at < g.word.end,
            "glue {g:?} outside its word"
        );
    }
    let repaired = n.repair_glued();
    assert!(repaired.len() <= glued.len());
    check_map(&n, "repaired");
    let inserted = n.inserted();
    assert_eq!(
        n.as_str().len(),
        before.len() + repaired.len(),
        "one byte per inserted space"
    );
    assert!(inserted.windows(2).all(|w| w[0].start <= w[1].start));
    for s in &inserted {
        common::check_span(input, *s, "inserted space");
        assert!(s.is_empty());
    }
    // Removing the inserted spaces gives the text before the repair.
    let mut spaces = repaired.iter().map(|g| g.at).collect::<Vec<_>>();
    spaces.sort_unstable();
    let mut undone = String::with_capacity(before.len());
    let mut from = 0;
    for (k, &at) in spaces.iter().enumerate() {
        let at = at + k; // offsets were taken before the earlier spaces went in
        undone.push_str(&n.as_str()[from..at]);
        assert_eq!(&n.as_str()[at..=at], " ", "no space at {at}");
        from = at + 1;
    }
    undone.push_str(&n.as_str()[from..]);
    assert_eq!(undone, before, "the repair changed more than spaces");

    // The parser on the repaired text with every extractor off, layout off.
    let options = Options::new()
        .layout(false)
        .entities(false)
        .times(false)
        .quantities(false)
        .quotes(false)
        .events(false);
    let doc = Parser::new(options)
        .parse(input, &Meta::new())
        .unwrap_or_else(|e| panic!("parse failed: {e}"));
    common::check_document(input, &doc);
});
