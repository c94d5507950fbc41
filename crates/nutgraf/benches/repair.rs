//! The encoding repair's cost (mojibake and C1 controls, [`nutgraf::text::mojibake`]).
//!
//! Every group first checks its answers: no encoding repair on the clean seed
//! corpus or on a clean multi-script text, and the damaged corpus (every line's
//! UTF-8 read as Windows-1252) restored exactly. Throughput is in input bytes.
//!
//! ```text
//! cargo bench -p nutgraf --bench repair
//! ```
//!
//! Groups:
//! - `repair/normalize`: [`NormalizedText::with_options`] with the encoding
//!   repair on and off, on the seed corpus (clean English with curly quotes and
//!   accents), on a clean multi-script text (accented Latin, Greek, Cyrillic,
//!   CJK: many candidate bytes) and on the damaged corpus;
//! - `repair/parse`: [`Parser::parse`] of the seed corpus with the repair on and
//!   off, the whole pipeline the repair's cost is measured against.

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf::text::{repair_with, NormalizedText};
use nutgraf::{Meta, Options, Parser, RepairKind};

#[allow(dead_code)] // `measuring` is for the other benches
mod common;

/// `text`'s UTF-8 read as Windows-1252 (undefined bytes as C1 controls).
fn damage(text: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

fn encoding_repairs(text: &str) -> usize {
    repair_with(text, true)
        .repairs
        .iter()
        .filter(|r| matches!(r.kind, RepairKind::Mojibake | RepairKind::C1Control))
        .count()
}

const MULTI: &str = "Vladímir Putin a rencontré Xi Jinping à Pékin — « très bien », a-t-il dit. \
    Größere Straßen führen über Köln. São Paulo e Brasília. Hà Nội và Đà Nẵng. \
    Η Ελλάδα και η Κύπρος συμφώνησαν. Президент России встретился с коллегой. \
    習近平と会談した。한국어 문장도 있다. 😀 ∑x² ≤ π, 5 °C, £5, €3.\n";

fn bench_repair(c: &mut Criterion) {
    let seeds = common::seeds();
    let corpus: String = seeds.iter().map(|s| s.text.as_str()).collect();
    let multi = MULTI.repeat(40);
    let clean = format!("{corpus}\n{multi}");
    let damaged = clean.lines().map(damage).collect::<Vec<_>>().join("\n");

    assert_eq!(encoding_repairs(&corpus), 0, "repairs on the clean corpus");
    assert_eq!(
        encoding_repairs(&multi),
        0,
        "repairs on the clean multi-script text"
    );
    assert!(
        encoding_repairs(&damaged) > 100,
        "too few repairs of the damage"
    );
    assert_eq!(
        repair_with(&damaged, true).text,
        repair_with(clean.trim_end_matches('\n'), true).text,
        "the damaged corpus is not restored"
    );

    let mut group = c.benchmark_group("repair/normalize");
    for (name, text) in [
        ("corpus", &corpus),
        ("multi-script", &multi),
        ("damaged", &damaged),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{name}/on"), |b| {
            b.iter(|| NormalizedText::with_options(black_box(text), true));
        });
        group.bench_function(format!("{name}/off"), |b| {
            b.iter(|| NormalizedText::with_options(black_box(text), false));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("repair/parse");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    for (name, on) in [("on", true), ("off", false)] {
        let parser = Parser::new(Options::new().repair_encoding(on));
        let docs: Vec<_> = seeds
            .iter()
            .map(|s| parser.parse(&s.text, &s.meta).expect("parse"))
            .collect();
        assert!(docs.iter().all(|d| !d.entities.is_empty()));
        group.bench_function(format!("corpus/{name}"), |b| {
            b.iter(|| {
                for s in &seeds {
                    black_box(
                        parser
                            .parse(black_box(&s.text), &Meta::new())
                            .expect("parse"),
                    );
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_repair);
criterion_main!(benches);
