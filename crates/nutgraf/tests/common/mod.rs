//! Invariants every [`Document`] must satisfy, whatever the input.
//!
//! Shared by `tests/invariants.rs`, `tests/properties.rs` and the `fuzz/` target
//! (which includes this file by path). Every check panics with a message that
//! names the broken invariant, the span and the input, so a failure found by
//! proptest or the fuzzer reads as a bug report.

#![allow(dead_code)] // each test binary uses a different part

use std::path::{Path, PathBuf};

use nutgraf::text::NormalizedText;
use nutgraf::{BlockKind, Document, Meta, Options, Parser, PublishedFrom, Span};

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The five seed articles as `(file stem, text, publication date)`, in the
/// order of `examples/corpus/seeds.jsonl`.
pub fn seed_articles() -> Vec<(String, String, String)> {
    let corpus = repo().join("examples/corpus");
    let index = std::fs::read_to_string(corpus.join("seeds.jsonl")).expect("seeds.jsonl");
    let seeds: Vec<_> = index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("seed index line");
            let path = corpus.join(v["file"].as_str().expect("file field"));
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file name");
            let text = std::fs::read_to_string(&path).expect("seed article");
            let published = v["published"].as_str().expect("published field");
            (stem.to_owned(), text, published.to_owned())
        })
        .collect();
    assert_eq!(seeds.len(), 5, "the five seed articles");
    seeds
}

/// The kinds whose blocks are split into sentences.
const SENTENCE_KINDS: [BlockKind; 5] = [
    BlockKind::Title,
    BlockKind::Subtitle,
    BlockKind::Heading,
    BlockKind::Paragraph,
    BlockKind::Caption,
];

/// `s` as the core normalizes it.
pub fn normalize(s: &str) -> String {
    NormalizedText::new(s).as_str().to_owned()
}

/// The normalized text of `span` of `input`, with the spaces that the glued-word
/// repair of the whole input (`inserted`: [`NormalizedText::inserted`]) puts inside
/// it: how the core reads a block. The repair never splits a replaced region, so
/// the pieces between two joins normalize on their own.
pub fn repaired(input: &str, inserted: &[Span], span: Span) -> String {
    let mut out = String::new();
    let mut from = span.start;
    for at in inserted.iter().map(|s| s.start) {
        if at > span.start && at < span.end {
            out.push_str(&normalize(&input[from..at]));
            out.push(' ');
            from = at;
        }
    }
    out.push_str(&normalize(&input[from..span.end]));
    out
}

/// The original positions where the core's glued-word repair inserts a space.
pub fn inserted_spaces(input: &str) -> Vec<Span> {
    let mut n = NormalizedText::new(input);
    n.repair_glued();
    n.inserted()
}

/// Runs of whitespace collapsed to one space, trimmed: how the core cleans
/// titles, names and body paragraphs.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short, printable excerpt of `input` for failure messages.
fn excerpt(input: &str) -> String {
    let head: String = input.chars().take(120).collect();
    if head.len() < input.len() {
        format!("{head:?}... ({} bytes)", input.len())
    } else {
        format!("{head:?}")
    }
}

/// `span` is a valid span of `input`: ordered, in bounds, on char boundaries,
/// and `Span::slice` works.
pub fn check_span(input: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= input.len(),
        "{what}: span {span:?} is not a range of the {}-byte input {}",
        input.len(),
        excerpt(input)
    );
    assert!(
        input.is_char_boundary(span.start) && input.is_char_boundary(span.end),
        "{what}: span {span:?} is not on char boundaries of {}",
        excerpt(input)
    );
    let _ = span.slice(input);
}

/// Index of the block that contains `span`, if any.
fn containing_block(doc: &Document, span: Span) -> Option<usize> {
    doc.blocks.iter().position(|b| b.span.contains(span))
}

/// Every invariant of a document parsed from `input`.
pub fn check_document(input: &str, doc: &Document) {
    let ctx = excerpt(input);
    assert_eq!(doc.text, input, "Document::text is not the input");
    check_words(doc, &ctx);
    let inserted = inserted_spaces(input);

    // Blocks: valid, non-empty, in order, non-overlapping, reason iff boilerplate.
    let mut prev_end = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        let what = format!("block {i} ({:?})", b.kind);
        check_span(input, b.span, &what);
        assert!(
            !doc.slice(b.span).trim().is_empty(),
            "{what}: span {:?} covers only whitespace in {ctx}",
            b.span
        );
        assert!(
            b.span.start >= prev_end,
            "{what}: span {:?} starts before the previous block ends at {prev_end} in {ctx}",
            b.span
        );
        prev_end = b.span.end;
        assert_eq!(
            b.reason.is_some(),
            b.kind == BlockKind::Boilerplate,
            "{what}: a reason must be given exactly for boilerplate, in {ctx}"
        );
    }

    // No lost text: what lies between blocks normalizes to whitespace (or to
    // nothing: control characters, zero-width characters and soft hyphens are
    // removed by normalization and need not be covered).
    let mut pos = 0;
    let ends = doc
        .blocks
        .iter()
        .map(|b| b.span)
        .chain(std::iter::once(Span::new(input.len(), input.len())));
    for span in ends {
        let gap = &input[pos..span.start];
        assert!(
            normalize(gap).trim().is_empty(),
            "text lost: {gap:?} (bytes {pos}..{}) is in no block of {ctx}",
            span.start
        );
        pos = span.end;
    }

    // Entities: every mention and reference slices the input, points at its entity,
    // and every entity lists only its own mentions.
    for (i, m) in doc.mentions.iter().enumerate() {
        let what = format!("mention {i}");
        check_span(input, m.span, &what);
        assert!(!m.span.is_empty(), "{what} is empty in {ctx}");
        let e = doc
            .entities
            .get(m.entity)
            .unwrap_or_else(|| panic!("{what}: no entity {} in {ctx}", m.entity));
        assert!(
            e.mentions.contains(&i),
            "{what}: entity {} does not list it in {ctx}",
            m.entity
        );
        assert_eq!(
            e.label, m.label,
            "{what}: label differs from its entity's in {ctx}"
        );
    }
    for (k, e) in doc.entities.iter().enumerate() {
        assert!(!e.mentions.is_empty(), "entity {k} has no mention in {ctx}");
        assert!(
            e.mentions.iter().all(|&m| doc.mentions[m].entity == k),
            "entity {k} in {ctx}"
        );
        for &r in &e.references {
            check_span(input, r, &format!("reference of entity {k}"));
        }
    }
    // Time expressions: valid, non-empty, in order, apart, inside a sentence, with a
    // value whenever a reference date is known.
    let mut prev_end = 0;
    for (i, t) in doc.times.iter().enumerate() {
        let what = format!("time {i}");
        check_span(input, t.span, &what);
        assert!(!t.span.is_empty(), "{what} is empty in {ctx}");
        assert!(
            t.span.start >= prev_end,
            "{what} overlaps the one before in {ctx}"
        );
        prev_end = t.span.end;
        assert!(
            doc.sentences.iter().any(|s| s.span.contains(t.span)),
            "{what} {:?} is in no sentence of {ctx}",
            &input[t.span.start..t.span.end]
        );
        if doc.published.is_some() {
            assert!(t.value.is_some(), "{what} has no value in {ctx}");
        }
    }
    // Quantities: valid, non-empty, in order, inside a sentence, finite values.
    let mut prev_start = 0;
    for (i, q) in doc.quantities.iter().enumerate() {
        let what = format!("quantity {i}");
        check_span(input, q.span, &what);
        assert!(!q.span.is_empty(), "{what} is empty in {ctx}");
        assert!(
            q.span.start >= prev_start,
            "{what} is out of order in {ctx}"
        );
        prev_start = q.span.start;
        assert!(q.value.is_finite(), "{what} has value {} in {ctx}", q.value);
        assert!(
            doc.sentences.iter().any(|s| s.span.contains(q.span)),
            "{what} {:?} is in no sentence of {ctx}",
            &input[q.span.start..q.span.end]
        );
    }
    // Quotes: every part, cue and speaker slices the input; parts lie inside the
    // quote's span, in order; a speaker's entity exists.
    for (i, q) in doc.quotes.iter().enumerate() {
        let what = format!("quote {i}");
        check_span(input, q.span, &what);
        assert!(!q.parts.is_empty(), "{what} has no part in {ctx}");
        let mut prev = q.span.start;
        for &p in &q.parts {
            check_span(input, p, &what);
            assert!(
                q.span.contains(p) && p.start >= prev,
                "{what}: part {p:?} out of place in {ctx}"
            );
            prev = p.end;
        }
        if let Some(c) = q.cue {
            check_span(input, c, &format!("cue of {what}"));
        }
        if let Some(s) = &q.speaker {
            check_span(input, s.span, &format!("speaker of {what}"));
            if let Some(e) = s.entity {
                assert!(e < doc.entities.len(), "{what}: no entity {e} in {ctx}");
            }
        }
    }
    // Attributions: content, cue and source slice the input; source entities exist.
    for (i, a) in doc.attributions.iter().enumerate() {
        let what = format!("attribution {i}");
        check_span(input, a.span, &what);
        check_span(input, a.cue, &format!("cue of {what}"));
        check_span(input, a.source, &format!("source of {what}"));
        assert!(!a.span.is_empty(), "{what}: empty content in {ctx}");
        for &e in &a.entities {
            assert!(e < doc.entities.len(), "{what}: no entity {e} in {ctx}");
        }
    }
    // Events: the evidence, trigger and every participant slice the input; the
    // trigger, participants and time lie inside the evidence sentence (one clause
    // of one sentence); entities and times exist.
    for (i, e) in doc.events.iter().enumerate() {
        let what = format!("event {i}");
        check_span(input, e.span, &what);
        check_span(input, e.trigger, &format!("trigger of {what}"));
        assert!(
            e.span.contains(e.trigger),
            "{what}: trigger outside its sentence in {ctx}"
        );
        assert!(
            doc.sentences
                .iter()
                .any(|s| s.span.contains(e.span) || e.span.contains(s.span)),
            "{what} is no sentence of {ctx}"
        );
        for p in e.actors.iter().chain(&e.targets).chain(&e.place) {
            check_span(input, p.span, &format!("participant of {what}"));
            assert!(
                e.span.contains(p.span),
                "{what}: participant {:?} outside its sentence in {ctx}",
                &input[p.span.start..p.span.end]
            );
            if let Some(x) = p.entity {
                assert!(x < doc.entities.len(), "{what}: no entity {x} in {ctx}");
            }
        }
        if let Some(t) = e.time {
            assert!(t < doc.times.len(), "{what}: no time {t} in {ctx}");
            assert!(
                e.span.contains(doc.times[t].span),
                "{what}: time outside its sentence in {ctx}"
            );
        }
        // Only a happening that is news by itself (a killing, a death, an
        // arrest...) may come without a named participant.
        assert!(
            !e.actors.is_empty() || !e.targets.is_empty() || e.kind.may_stand_alone(),
            "{what} has no participant in {ctx}"
        );
    }
    // Sentences: valid, non-empty, in order, inside a block of a sentence kind.
    let mut prev: Option<(usize, Span)> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        let what = format!("sentence {i}");
        check_span(input, s.span, &what);
        assert!(
            !s.span.is_empty(),
            "{what}: empty span {:?} in {ctx}",
            s.span
        );
        let block = doc.blocks.get(s.block).unwrap_or_else(|| {
            panic!(
                "{what}: block index {} but only {} blocks, in {ctx}",
                s.block,
                doc.blocks.len()
            )
        });
        assert!(
            SENTENCE_KINDS.contains(&block.kind),
            "{what}: belongs to a {:?} block, which is not split into sentences, in {ctx}",
            block.kind
        );
        assert!(
            block.span.contains(s.span),
            "{what}: span {:?} is not inside its block {} {:?}, in {ctx}",
            s.span,
            s.block,
            block.span
        );
        if let Some((pb, ps)) = prev {
            assert!(
                s.block >= pb && s.span.start >= ps.end,
                "{what}: span {:?} (block {}) is not after the previous sentence {ps:?} (block {pb}) in {ctx}",
                s.span,
                s.block
            );
        }
        prev = Some((s.block, s.span));
    }

    // Authors: valid spans inside a byline block, names read from them.
    for (i, a) in doc.authors.iter().enumerate() {
        let what = format!("author {i} ({:?})", a.name);
        check_span(input, a.span, &what);
        let block = containing_block(doc, a.span)
            .unwrap_or_else(|| panic!("{what}: span {:?} is in no block of {ctx}", a.span));
        assert_eq!(
            doc.blocks[block].kind,
            BlockKind::Byline,
            "{what}: not in a byline block, in {ctx}"
        );
        assert!(!a.name.is_empty(), "{what}: empty name in {ctx}");
        assert_eq!(
            a.name,
            clean(&repaired(input, &inserted, a.span)),
            "{what}: the name is not the text of its span, in {ctx}"
        );
    }

    // Dateline and a date found in the text: valid spans inside a block.
    if let Some(d) = &doc.dateline {
        check_span(input, d.span, "dateline");
        assert!(
            containing_block(doc, d.span).is_some(),
            "dateline: span {:?} is in no block of {ctx}",
            d.span
        );
    }
    if let Some(PublishedFrom::Text(span)) = doc.published_from {
        check_span(input, span, "published_from");
        assert!(
            containing_block(doc, span).is_some(),
            "published_from: span {span:?} is in no block of {ctx}"
        );
        assert!(doc.published.is_some(), "published_from without published");
    }
    assert_eq!(
        doc.published.is_some(),
        doc.published_from.is_some(),
        "published and published_from disagree in {ctx}"
    );

    // Title and subtitle are the text of the first block of their kind.
    for (kind, value) in [
        (BlockKind::Title, &doc.title),
        (BlockKind::Subtitle, &doc.subtitle),
    ] {
        let expected = doc
            .blocks_of(kind)
            .next()
            .map(|b| clean(&repaired(input, &inserted, b.span)));
        assert_eq!(
            value, &expected,
            "{kind:?} is not its block's text, in {ctx}"
        );
    }

    // The body is the body blocks' text, in order.
    let body: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind.is_body())
        .map(|b| clean(&repaired(input, &inserted, b.span)))
        .collect();
    assert_eq!(
        doc.body,
        body.join("\n\n"),
        "body is not the body blocks in order, in {ctx}"
    );

    check_json(input, doc);
}

/// The JSON contract's offsets are code points that slice the original input.
pub fn check_json(input: &str, doc: &Document) {
    let ctx = excerpt(input);
    // byte_of[c] = byte offset of code point c; equivalent to
    // `input.chars().skip(start).take(end - start)`, without the quadratic cost.
    let byte_of: Vec<usize> = input
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(input.len()))
        .collect();
    let chars = |v: &serde_json::Value, what: &str| -> &str {
        let start = v["start"].as_u64().expect("start is a number") as usize;
        let end = v["end"].as_u64().expect("end is a number") as usize;
        assert!(
            start <= end && end < byte_of.len(),
            "{what}: code points {start}..{end} out of range in {ctx}"
        );
        &input[byte_of[start]..byte_of[end]]
    };
    let json = doc.to_json_value();
    let blocks = json["blocks"].as_array().expect("blocks is an array");
    assert_eq!(blocks.len(), doc.blocks.len());
    for (i, (v, b)) in blocks.iter().zip(&doc.blocks).enumerate() {
        let what = format!("json block {i}");
        let text = chars(v, &what);
        assert_eq!(
            Some(text),
            v["text"].as_str(),
            "{what}: offsets do not slice to its text"
        );
        assert_eq!(
            text,
            doc.slice(b.span),
            "{what}: offsets disagree with the byte span"
        );
        assert_eq!(v["kind"].as_str(), Some(b.kind.as_str()));
    }
    let sentences = json["sentences"].as_array().expect("sentences is an array");
    assert_eq!(sentences.len(), doc.sentences.len());
    for (i, (v, s)) in sentences.iter().zip(&doc.sentences).enumerate() {
        let what = format!("json sentence {i}");
        assert_eq!(
            chars(v, &what),
            doc.slice(s.span),
            "{what}: offsets disagree"
        );
    }
    if let Some(d) = &doc.dateline {
        let v = &json["dateline"];
        assert_eq!(chars(v, "json dateline"), doc.slice(d.span));
        assert_eq!(v["text"].as_str(), Some(doc.slice(d.span)));
    } else {
        assert!(json["dateline"].is_null());
    }
    let events = json["events"].as_array().expect("events is an array");
    assert_eq!(events.len(), doc.events.len());
    for (i, (v, e)) in events.iter().zip(&doc.events).enumerate() {
        let what = format!("json event {i}");
        assert_eq!(
            chars(v, &what),
            doc.slice(e.span),
            "{what}: offsets disagree"
        );
        assert_eq!(v["text"].as_str(), Some(doc.slice(e.span)));
        assert_eq!(v["type"].as_str(), Some(e.kind.as_str()));
        let t = &v["trigger"];
        assert_eq!(chars(t, &what), doc.slice(e.trigger));
        assert_eq!(t["text"].as_str(), Some(doc.slice(e.trigger)));
        let parts = v["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .chain(v["targets"].as_array().expect("targets"))
            .chain(v["place"].as_object().map(|_| &v["place"]))
            .chain(v["time"].as_object().map(|_| &v["time"]));
        for p in parts {
            assert_eq!(
                Some(chars(p, &what)),
                p["text"].as_str(),
                "{what}: a participant's offsets do not slice to its text"
            );
        }
    }
    assert_eq!(json["body"].as_str(), Some(doc.body.as_str()));
}

/// Words: each sentence's words lie in it, in order (two words inside one
/// replaced region, such as a composed character, map to the same original
/// span), non-empty; heads stay in the sentence; every window has a root.
fn check_words(doc: &Document, ctx: &str) {
    let mut total = 0;
    let mut prev_start = 0;
    for s in &doc.sentences {
        let Some(words) = doc.words.get(s.words.clone()) else {
            panic!("{ctx}: sentence words {:?} out of range", s.words);
        };
        total += words.len();
        for (i, w) in words.iter().enumerate() {
            assert!(
                w.span.start >= s.span.start && w.span.end <= s.span.end,
                "{ctx}: word {w:?} outside its sentence {s:?}"
            );
            assert!(
                w.span.start >= prev_start,
                "{ctx}: words out of order at {w:?}"
            );
            assert!(!w.span.is_empty(), "{ctx}: empty word {w:?}");
            prev_start = w.span.start;
            if let Some(h) = w.head {
                assert!(h < words.len() && h != i, "{ctx}: word {i} has head {h}");
            }
            assert_eq!(w.head.is_none(), w.deprel == "root", "{ctx}: {w:?}");
        }
        if !words.is_empty() {
            assert!(
                words.iter().any(|w| w.head.is_none()),
                "{ctx}: no root in {s:?}"
            );
        }
    }
    assert_eq!(
        total,
        doc.words.len(),
        "{ctx}: words outside every sentence"
    );
}

/// Parse `input` with layout on and off (and with and without a publication
/// date), checking every document.
pub fn check_all_modes(input: &str) {
    let dated = Meta::new()
        .with_published_str("2023-10-17")
        .expect("valid date");
    for layout in [true, false] {
        // The syntax stage rides along with layout off (it is off by default).
        let parser = Parser::new(Options::new().layout(layout).syntax(!layout));
        for meta in [&Meta::new(), &dated] {
            let doc = parser
                .parse(input, meta)
                .unwrap_or_else(|e| panic!("parse failed (layout {layout}): {e}"));
            check_document(input, &doc);
            if meta.published.is_some() {
                assert_eq!(doc.published_from, Some(PublishedFrom::Meta));
            }
        }
    }
}

/// The cheaper variant for property tests: layout on without metadata, layout
/// off with a publication date.
pub fn check_both_layouts(input: &str) {
    let dated = Meta::new()
        .with_published_str("2023-10-17")
        .expect("valid date");
    for (layout, meta) in [(true, Meta::new()), (false, dated)] {
        let doc = Parser::new(Options::new().layout(layout).syntax(!layout))
            .parse(input, &meta)
            .unwrap_or_else(|e| panic!("parse failed (layout {layout}): {e}"));
        check_document(input, &doc);
    }
}
