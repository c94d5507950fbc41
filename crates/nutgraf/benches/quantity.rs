//! Throughput of quantity and time-expression extraction on the sample corpus
//! (`examples/corpus/seeds/`).
//!
//! The five seed articles are normalized and split into sentences and tokens
//! once; the groups then time [`nutgraf::quantity::extract`] over every
//! sentence (`quantity/extract`), tokenizing plus extracting
//! (`quantity/tokens+extract`), [`nutgraf::time::extract`] against each seed's
//! publication date (`time/extract`), and both stages together as `parse` runs
//! them (`time+quantity/extract`). Throughput is in bytes of the seeds' text.
//! Before timing, the bench checks its answers: the quantities found in the
//! seeds, money amounts included, and the time expressions with their values
//! (set `NUTGRAF_BENCH_SHOW=1` to list them).
//!
//! ```text
//! cargo bench -p nutgraf --bench quantity
//! cargo bench -p nutgraf --bench quantity -- --test   # once, answers checked
//! ```

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf::quantity::{self, Quantity, QuantityKind};
use nutgraf::segment::{self, Token};
use nutgraf::text::NormalizedText;
use nutgraf::time::{self, TimeExpression};
use nutgraf::Date;
use nutgraf::Span;

/// Quantities the seeds hold, as the extractor reads them today.
const EXPECTED_QUANTITIES: usize = 25;

/// The seeds' money amounts: (text, value, currency).
const EXPECTED_MONEY: &[(&str, f64, &str)] = &[
    ("$240 billion", 240e9, "USD"),
    ("approximately $190 million", 190e6, "USD"),
    ("$200 million", 200e6, "USD"),
];

/// Time expressions the seeds hold, as the extractor reads them today.
const EXPECTED_TIMES: usize = 42;

/// Some of the seeds' time expressions: (seed index, text, TIMEX3 value).
const EXPECTED_VALUES: &[(usize, &str, &str)] = &[
    (0, "this Tuesday", "2023-10-17"),
    (0, "this Wednesday", "2023-10-18"),
    (1, "earlier this month", "2023-10"),
    (3, "Thursday", "2024-05-16"),
    (3, "Friday", "2024-05-17"),
    (4, "next week", "2023-W42"),
    (4, "October 17", "2023-10-17"),
    (4, "18", "2023-10-18"),
];

/// The publication date of each seed, in file order (`examples/corpus/seeds.jsonl`).
fn published() -> Vec<Date> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds.jsonl");
    let text = std::fs::read_to_string(path).expect("read seeds.jsonl");
    let mut rows: Vec<(String, Date)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("seeds.jsonl line");
            let file = v["file"].as_str().expect("file").to_owned();
            let date = v["published"]
                .as_str()
                .expect("published")
                .parse()
                .expect("date");
            (file, date)
        })
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, d)| d).collect()
}

fn times_all(text: &str, sentences: &[Vec<Token>], reference: Date, out: &mut Vec<TimeExpression>) {
    let mut scratch = time::Scratch::default();
    for tokens in sentences {
        time::extract(text, tokens, Some(reference), &mut scratch, out);
    }
}

/// Panic unless the seeds give the expected time expressions.
fn check_times(seeds: &[String], split: &[Vec<Vec<Token>>], dates: &[Date]) {
    let mut total = 0;
    let mut found: Vec<(usize, String, String)> = Vec::new();
    for (k, (text, sentences)) in seeds.iter().zip(split).enumerate() {
        let mut out = Vec::new();
        times_all(text, sentences, dates[k], &mut out);
        total += out.len();
        for t in &out {
            let value = t.value.clone().unwrap_or_default();
            if std::env::var_os("NUTGRAF_BENCH_SHOW").is_some() {
                eprintln!("{k} {:<8} {:<28} {value}", t.kind.as_str(), t.text(text));
            }
            found.push((k, t.text(text).to_owned(), value));
        }
    }
    for &(k, phrase, value) in EXPECTED_VALUES {
        assert!(
            found
                .iter()
                .any(|f| f.0 == k && f.1 == phrase && f.2 == value),
            "seed {k}: {phrase:?} should be {value}; found {found:?}"
        );
    }
    assert_eq!(
        total, EXPECTED_TIMES,
        "time expressions in the seeds: {found:?}"
    );
}

/// The normalized text of each seed.
fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("read the seeds directory")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "expected the five seed articles");
    files
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).expect("read seed article");
            NormalizedText::new(&raw).as_str().to_owned()
        })
        .collect()
}

/// The sentences of `text` with their tokens.
fn sentences(text: &str) -> Vec<Vec<Token>> {
    let mut spans = Vec::new();
    segment::sentences(text, Span::new(0, text.len()), &mut spans);
    spans
        .iter()
        .map(|&s| {
            let mut tokens = Vec::new();
            segment::tokens(text, s, &mut tokens);
            tokens
        })
        .collect()
}

fn extract_all(text: &str, sentences: &[Vec<Token>], out: &mut Vec<Quantity>) {
    for tokens in sentences {
        quantity::extract(text, tokens, out);
    }
}

/// Panic unless the seeds give the expected quantities.
fn check(seeds: &[String], split: &[Vec<Vec<Token>>]) {
    let mut found = Vec::new();
    let mut money = Vec::new();
    for (text, sentences) in seeds.iter().zip(split) {
        let mut out = Vec::new();
        extract_all(text, sentences, &mut out);
        for q in &out {
            let phrase = q.span.slice(text).to_owned();
            if std::env::var_os("NUTGRAF_BENCH_SHOW").is_some() {
                eprintln!(
                    "{:<8} {:<40} {} {:?} per={:?} approx={} bound={:?}",
                    q.kind, phrase, q.value, q.unit, q.per, q.approximate, q.bound
                );
            }
            if q.kind == QuantityKind::Money {
                money.push((
                    phrase.clone(),
                    q.value,
                    q.unit.as_deref().unwrap_or("").to_owned(),
                ));
            }
            found.push(phrase);
        }
    }
    let want: Vec<(String, f64, String)> = EXPECTED_MONEY
        .iter()
        .map(|&(t, v, u)| (t.to_owned(), v, u.to_owned()))
        .collect();
    assert_eq!(money, want, "money amounts of the seeds");
    assert_eq!(
        found.len(),
        EXPECTED_QUANTITIES,
        "quantities in the seeds: {found:?}"
    );
}

fn bench_quantity(c: &mut Criterion) {
    let seeds = seeds();
    let split: Vec<Vec<Vec<Token>>> = seeds.iter().map(|t| sentences(t)).collect();
    check(&seeds, &split);
    let bytes: u64 = seeds.iter().map(|s| s.len() as u64).sum();

    let mut group = c.benchmark_group("quantity");
    group.throughput(Throughput::Bytes(bytes));
    let mut out = Vec::new();
    group.bench_function("extract", |b| {
        b.iter(|| {
            out.clear();
            for (text, sentences) in seeds.iter().zip(&split) {
                extract_all(black_box(text), sentences, &mut out);
            }
            out.len()
        });
    });
    let spans: Vec<Vec<Span>> = seeds
        .iter()
        .map(|t| {
            let mut s = Vec::new();
            segment::sentences(t, Span::new(0, t.len()), &mut s);
            s
        })
        .collect();
    let mut tokens = Vec::new();
    group.bench_function("tokens+extract", |b| {
        b.iter(|| {
            out.clear();
            for (text, spans) in seeds.iter().zip(&spans) {
                for &s in spans {
                    tokens.clear();
                    segment::tokens(black_box(text), s, &mut tokens);
                    quantity::extract(text, &tokens, &mut out);
                }
            }
            out.len()
        });
    });
    group.finish();

    let dates = published();
    check_times(&seeds, &split, &dates);
    let mut times = Vec::new();
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("extract", |b| {
        b.iter(|| {
            times.clear();
            for (k, (text, sentences)) in seeds.iter().zip(&split).enumerate() {
                times_all(black_box(text), sentences, dates[k], &mut times);
            }
            times.len()
        });
    });
    group.finish();

    let mut group = c.benchmark_group("time+quantity");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("extract", |b| {
        b.iter(|| {
            times.clear();
            out.clear();
            for (k, (text, sentences)) in seeds.iter().zip(&split).enumerate() {
                times_all(black_box(text), sentences, dates[k], &mut times);
                extract_all(text, sentences, &mut out);
            }
            times.len() + out.len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench_quantity);
criterion_main!(benches);
