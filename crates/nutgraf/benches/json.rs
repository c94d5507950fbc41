//! Serialization of the JSON contract: the value tree (`to_json_value().to_string()`)
//! against the streamed writer (`write_json`, `to_json`), on the seed articles.
//!
//! Each group first checks that both paths give the same bytes, so a broken writer
//! cannot show up as a fast one. Throughput is in bytes of JSON written.
//!
//! ```text
//! cargo bench -p nutgraf --bench json     # full run
//! cargo test  -p nutgraf --benches        # each benchmark once (CI)
//! ```
//!
//! Groups:
//! - `json/seeds`: each seed article;
//! - `json/repeated`: the five seeds in a row, repeated 40 times (4 when each
//!   benchmark only runs once) and separated by blank lines, as one document of
//!   about 520 KB.

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutgraf::{Document, Meta, Parser};

/// Copies of the five seeds in the `json/repeated` document.
const REPEATS: usize = 40;
/// The same when each benchmark only runs once.
const REPEATS_TEST: usize = 4;

mod common;
use common::measuring;

/// The seed articles as (name, text, meta).
fn seeds() -> Vec<(String, String, Meta)> {
    common::seeds()
        .into_iter()
        .map(|s| (s.name, s.text, s.meta))
        .collect()
}

/// The contract's bytes, after checking that both paths agree on a real document.
fn check(doc: &Document) -> usize {
    let tree = doc.to_json_value().to_string();
    let mut streamed = Vec::new();
    doc.write_json(&mut streamed).expect("write to a Vec");
    assert_eq!(
        streamed,
        tree.as_bytes(),
        "streamed JSON differs from the tree"
    );
    assert_eq!(doc.to_json(), tree);
    assert!(doc.sentences.len() >= 8 && !doc.entities.is_empty() && !doc.quotes.is_empty());
    tree.len()
}

/// The three ways to get the contract's bytes, on one document.
fn bench_paths(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    doc: &Document,
) {
    let bytes = check(doc);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_with_input(BenchmarkId::new("value-tree", name), doc, |b, doc| {
        b.iter(|| black_box(doc).to_json_value().to_string());
    });
    group.bench_with_input(BenchmarkId::new("to_json", name), doc, |b, doc| {
        b.iter(|| black_box(doc).to_json());
    });
    let mut out = Vec::with_capacity(bytes);
    group.bench_with_input(BenchmarkId::new("write_json", name), doc, |b, doc| {
        b.iter(|| {
            out.clear();
            black_box(doc).write_json(&mut out).expect("write to a Vec");
            out.len()
        });
    });
}

fn bench_json(c: &mut Criterion) {
    let seeds = seeds();
    let parser = Parser::default();

    let mut group = c.benchmark_group("json/seeds");
    for (name, text, meta) in &seeds {
        let doc = parser.parse(text, meta).expect("parse seed");
        bench_paths(&mut group, name, &doc);
    }
    group.finish();

    let repeats = if measuring() { REPEATS } else { REPEATS_TEST };
    let one: Vec<&str> = seeds.iter().map(|(_, text, _)| text.trim()).collect();
    let text = vec![one.join("\n\n"); repeats].join("\n\n");
    let doc = parser
        .parse(&text, &seeds[0].2)
        .expect("parse repeated seeds");
    assert!(
        doc.blocks.len() >= repeats * 50,
        "{} blocks",
        doc.blocks.len()
    );
    let mut group = c.benchmark_group("json/repeated");
    group.sample_size(20);
    bench_paths(&mut group, &format!("{repeats}x"), &doc);
    group.finish();
}

criterion_group!(benches, bench_json);
criterion_main!(benches);
