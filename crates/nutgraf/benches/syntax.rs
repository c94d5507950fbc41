//! Throughput of the part-of-speech tagger and lemmatizer
//! ([`nutgraf::syntax::Tagger::tag`]) and of tagging and parsing together
//! ([`nutgraf::syntax::Syntax::analyze_with`]) on a few hand-written news
//! sentences, in words. The model is loaded before timing. For the figure on a treebank, see
//! `nutgraf-eval ud FILE.conllu`.
//!
//! ```text
//! cargo bench -p nutgraf --bench syntax
//! cargo bench -p nutgraf --bench syntax -- --test   # once
//! ```

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf::syntax::{Syntax, SyntaxScratch, Tagger, Upos};

const SENTENCES: &[&str] = &[
    "Russian President Vladimir Putin arrived in Beijing on Tuesday for talks with Xi Jinping .",
    "Officials said the talks had been postponed until next week because of the storm .",
    "\" We are not going to give up , \" she told reporters outside the court on Friday .",
    "Why did the companies stop hiring after the central bank raised interest rates again ?",
    "Shares of the carmaker fell 4.5 % to $ 23.10 in early trading in New York .",
];

fn bench(c: &mut Criterion) {
    let tagger = Tagger::global();
    let sentences: Vec<Vec<&str>> = SENTENCES.iter().map(|s| s.split(' ').collect()).collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let mut out = Vec::new();
    tagger.tag(&sentences[0], &mut out);
    assert_eq!(out[3].upos, Upos::Propn);
    assert_eq!(out[4].lemma, "arrive");
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            for s in &sentences {
                tagger.tag(black_box(s), &mut out);
                black_box(&out);
            }
        });
    });
    let syntax = Syntax::global();
    let mut scratch = SyntaxScratch::default();
    let mut analysed = Vec::new();
    syntax.analyze_with(&sentences[0], &mut scratch, &mut analysed);
    assert_eq!(analysed[4].deprel, "root"); // "arrived"
    group.bench_function("tag_and_parse", |b| {
        b.iter(|| {
            for s in &sentences {
                syntax.analyze_with(black_box(s), &mut scratch, &mut analysed);
                black_box(&analysed);
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
