//! Documents written and read back: the binary form (`to_bytes`, `from_bytes`)
//! against the JSON contract (`to_json`, `from_json`), on the seed articles
//! parsed with syntax on (every field filled).
//!
//! Each seed is first checked to read back `==` from both forms, so a broken
//! codec cannot show up as a fast one. Throughput is in bytes of the input text.
//!
//! ```text
//! cargo bench -p nutgraf --bench persist     # full run
//! cargo test  -p nutgraf --benches           # each benchmark once (CI)
//! ```

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutgraf::{Document, Options, Parser};

#[allow(dead_code)] // `measuring` is for the other benches
mod common;

fn bench_persist(c: &mut Criterion) {
    let parser = Parser::new(Options::new().syntax(true));
    let mut group = c.benchmark_group("persist/seeds");
    for seed in common::seeds() {
        let doc = parser.parse(&seed.text, &seed.meta).expect("parse seed");
        let bytes = doc.to_bytes();
        let json = doc.to_json();
        assert_eq!(Document::from_bytes(&bytes).expect("binary form"), doc);
        assert_eq!(Document::from_json(&json).expect("contract"), doc);
        assert!(
            bytes.len() * 3 < json.len(),
            "{} vs {}",
            bytes.len(),
            json.len()
        );
        let name = seed.name.as_str();
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_with_input(BenchmarkId::new("to_bytes", name), &doc, |b, doc| {
            b.iter(|| black_box(doc).to_bytes());
        });
        group.bench_with_input(BenchmarkId::new("from_bytes", name), &bytes, |b, bytes| {
            b.iter(|| Document::from_bytes(black_box(bytes)));
        });
        group.bench_with_input(BenchmarkId::new("to_json", name), &doc, |b, doc| {
            b.iter(|| black_box(doc).to_json());
        });
        group.bench_with_input(BenchmarkId::new("from_json", name), &json, |b, json| {
            b.iter(|| Document::from_json(black_box(json)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench_persist);
criterion_main!(benches);
