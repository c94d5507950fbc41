//! Building the Arrow tables against parsing the documents they come from, on
//! the seed articles (`examples/corpus`), one thread.
//!
//! - `tables/parse`: parsing the five seeds (default options; `syntax`: with
//!   the syntax stage, which fills the `words` table).
//! - `tables/build`: the tables of the same five documents.
//! - `tables/build_10000`: the tables of 10,000 documents, the five parsed
//!   seeds repeated 2,000 times (ids `"0"`...`"9999"`).
//!
//! The issue's target: the tables of 10,000 documents cost less than 20% of
//! parsing them. After criterion's runs, `cargo bench` prints that ratio from a
//! timing of its own (best of several rounds: the tables of 10,000 documents
//! against 2,000 times the parse of the five seeds). Throughput is in bytes of
//! input text. Every run first checks the tables' row counts.
//!
//! ```text
//! cargo bench -p nutgraf-arrow --bench tables      # full run, prints the ratio
//! cargo test  -p nutgraf-arrow --benches           # each benchmark once (CI)
//! ```

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use nutgraf::{Document, Meta, Options, Parser};
use nutgraf_arrow::{Table, Tables, TablesBuilder};

/// Documents of the 10,000-document runs.
const DOCS: usize = 10_000;

/// The five seed articles with their publication dates.
fn seeds() -> Vec<(String, Meta)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let index = std::fs::read_to_string(dir.join("seeds.jsonl")).expect("seeds.jsonl");
    let seeds: Vec<_> = index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let rec: serde_json::Value = serde_json::from_str(line).expect("seeds.jsonl line");
            let text = std::fs::read_to_string(dir.join(rec["file"].as_str().expect("file")))
                .expect("seed article");
            let meta = Meta::new()
                .with_published_str(rec["published"].as_str().expect("published"))
                .expect("date");
            (text, meta)
        })
        .collect();
    assert_eq!(seeds.len(), 5, "the five seed articles");
    seeds
}

/// True when criterion times the benchmarks (`cargo bench`), not when it runs
/// each once (`cargo test --benches`, `-- --test`).
fn measuring() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

fn parse_all(parser: &Parser, seeds: &[(String, Meta)]) -> Vec<Document> {
    seeds
        .iter()
        .map(|(text, meta)| parser.parse(text, meta).expect("parse seed"))
        .collect()
}

/// The tables of `n` documents, `docs` repeated.
fn tables_of(docs: &[Document], n: usize) -> Tables {
    let mut b = TablesBuilder::new();
    for doc in docs.iter().cycle().take(n) {
        b.push_doc(doc);
    }
    b.finish()
}

/// The row counts of `tables` are the item counts of the documents.
fn check(tables: &Tables, docs: &[Document], n: usize) {
    let reps = n / docs.len();
    let sum = |f: fn(&Document) -> usize| docs.iter().map(f).sum::<usize>() * reps;
    assert_eq!(tables.num_rows(Table::Documents), n);
    assert_eq!(
        tables.num_rows(Table::Sentences),
        sum(|d| d.sentences.len())
    );
    assert_eq!(tables.num_rows(Table::Words), sum(|d| d.words.len()));
    assert_eq!(tables.num_rows(Table::Entities), sum(|d| d.entities.len()));
    assert_eq!(tables.num_rows(Table::Events), sum(|d| d.events.len()));
}

fn bench_tables(c: &mut Criterion) {
    let seeds = seeds();
    let bytes: usize = seeds.iter().map(|(t, _)| t.len()).sum();
    let mut group = c.benchmark_group("tables");
    for (name, options) in [
        ("default", Options::new()),
        ("syntax", Options::new().syntax(true)),
    ] {
        let parser = Parser::new(options);
        let docs = parse_all(&parser, &seeds);
        check(&tables_of(&docs, docs.len()), &docs, docs.len());
        check(&tables_of(&docs, DOCS), &docs, DOCS);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("parse", name), |b| {
            b.iter(|| parse_all(&parser, black_box(&seeds)));
        });
        group.bench_function(BenchmarkId::new("build", name), |b| {
            b.iter(|| tables_of(black_box(&docs), docs.len()));
        });
        group.throughput(Throughput::Bytes((bytes * DOCS / docs.len()) as u64));
        group.sample_size(10);
        group.bench_function(BenchmarkId::new("build_10000", name), |b| {
            b.iter(|| tables_of(black_box(&docs), DOCS));
        });
        group.sample_size(100);
    }
    group.finish();
}

/// The best of `rounds` timings of `f`.
fn best(rounds: usize, mut f: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .expect("at least one round")
}

/// Prints the tables of 10,000 documents against parsing them.
fn report() {
    let seeds = seeds();
    for (name, options) in [
        ("default", Options::new()),
        ("syntax", Options::new().syntax(true)),
    ] {
        let parser = Parser::new(options);
        let docs = parse_all(&parser, &seeds);
        let parse = best(20, || {
            black_box(parse_all(&parser, &seeds));
        }) * u32::try_from(DOCS / docs.len()).expect("repetitions");
        let tables = best(5, || {
            black_box(tables_of(&docs, DOCS));
        });
        println!(
            "tables/{name}: tables of {DOCS} documents {:.1} ms, parsing them {:.0} ms \
             (one thread): {:.2}% of parsing",
            tables.as_secs_f64() * 1e3,
            parse.as_secs_f64() * 1e3,
            100.0 * tables.as_secs_f64() / parse.as_secs_f64()
        );
    }
}

criterion_group!(benches, bench_tables);

fn main() {
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
    if measuring() {
        report();
    }
}
