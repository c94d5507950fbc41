//! Throughput benchmarks of nutgraf on the sample corpus (`examples/corpus/seeds/`).
//!
//! Every group first checks that the code under test gives real answers on the
//! text it is about to time (titles, body paragraphs, sentences, tokens), so a
//! broken stage cannot show up as a fast one. Throughput is in input bytes.
//!
//! ```text
//! cargo bench -p nutgraf --bench parse                 # full run
//! cargo bench -p nutgraf --bench parse -- parse/seeds  # one group
//! cargo test  -p nutgraf --benches                     # each benchmark once (CI)
//! ```
//!
//! Groups:
//! - `parse/seeds`: [`Parser::parse`] on each seed article, and `parse/corpus` on
//!   all five in a row (every stage; without entities; without quotes and
//!   events; layout only);
//! - `normalize`: [`NormalizedText::new`] on the corpus and on a synthetic text
//!   full of HTML character references, NBSPs, soft hyphens and CRLFs, and
//!   [`find_glued`] (the glued-word repair's scan) on the corpus;
//! - `segment`: [`segment::sentences`] and [`segment::tokens`] on the
//!   normalized corpus;
//! - `language`: [`nutgraf::detect_language`] on each non-boilerplate block of
//!   the seeds, as the parser runs it;
//! - `parse_many`: a batch of 2,000 documents (the seeds repeated; 100 when each
//!   benchmark only runs once) through [`Parser::parse_many_with_threads`] on 1
//!   and 2 threads.

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use nutgraf::segment::{self, Token};
use nutgraf::text::{find_glued, NormalizedText};
use nutgraf::{BlockKind, Meta, Options, Parser, Span};

/// Documents in the `parse_many` batch.
const BATCH_DOCS: usize = 2_000;

/// Documents in the `parse_many` batch when each benchmark only runs once
/// (`cargo test --benches`, in the unoptimized test profile, or `-- --test`).
const BATCH_DOCS_TEST: usize = 100;

mod common;
use common::{measuring, seeds, Seed};

fn total_bytes(seeds: &[Seed]) -> u64 {
    seeds.iter().map(|s| s.text.len() as u64).sum()
}

/// Panic unless `parser` gives a real document for `seed`.
fn check_document(parser: &Parser, seed: &Seed) {
    let doc = parser.parse(&seed.text, &seed.meta).expect("parse seed");
    let title = doc.title.as_deref().unwrap_or("");
    assert!(!title.is_empty(), "{}: no title", seed.name);
    let paragraphs = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    assert!(
        paragraphs >= 4,
        "{}: {paragraphs} body paragraphs",
        seed.name
    );
    assert!(
        doc.body.len() * 2 >= seed.text.len() / 2,
        "{}: body of {} bytes from {} bytes of input",
        seed.name,
        doc.body.len(),
        seed.text.len()
    );
    assert!(doc.sentences.len() >= 8, "{}: few sentences", seed.name);
    assert_eq!(doc.language, Some("en"), "{}: language", seed.name);
    assert!(doc.published.is_some(), "{}: published date", seed.name);
}

fn bench_parse(c: &mut Criterion) {
    let seeds = seeds();
    let parser = Parser::new(Options::new());
    for seed in &seeds {
        check_document(&parser, seed);
    }

    let mut group = c.benchmark_group("parse/seeds");
    for seed in &seeds {
        group.throughput(Throughput::Bytes(seed.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&seed.name), seed, |b, seed| {
            b.iter(|| parser.parse(black_box(&seed.text), &seed.meta).unwrap());
        });
    }
    group.finish();

    // The whole pipeline, the pipeline without its costliest stage (entities), and
    // the text stages alone (normalization, layout, language, sentences).
    let no_entities = Parser::new(Options::new().entities(false));
    for seed in &seeds {
        check_document(&no_entities, seed);
    }
    let layout_only = Parser::new(
        Options::new()
            .entities(false)
            .times(false)
            .quantities(false)
            .quotes(false)
            .events(false),
    );
    for seed in &seeds {
        check_document(&layout_only, seed);
    }
    // The pipeline without its last two stages (quotes and events), to weigh them.
    let no_quotes_events = Parser::new(Options::new().quotes(false).events(false));
    for seed in &seeds {
        check_document(&no_quotes_events, seed);
        let doc = parser.parse(&seed.text, &seed.meta).expect("parse seed");
        assert!(!doc.events.is_empty(), "{}: no events", seed.name);
        assert!(!doc.quotes.is_empty(), "{}: no quotes", seed.name);
    }
    // The whole pipeline with the syntax stage (off by default).
    let with_syntax = Parser::new(Options::new().syntax(true));
    for seed in &seeds {
        check_document(&with_syntax, seed);
        let doc = with_syntax
            .parse(&seed.text, &seed.meta)
            .expect("parse seed");
        assert!(doc.words.len() > 100, "{}: no words", seed.name);
    }
    let mut group = c.benchmark_group("parse/corpus");
    group.throughput(Throughput::Bytes(total_bytes(&seeds)));
    for (name, parser) in [
        ("all-5", &parser),
        ("all-5-syntax", &with_syntax),
        ("all-5-no-entities", &no_entities),
        ("all-5-no-quotes-no-events", &no_quotes_events),
        ("all-5-layout-only", &layout_only),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                for seed in &seeds {
                    black_box(parser.parse(black_box(&seed.text), &seed.meta).unwrap());
                }
            });
        });
    }
    group.finish();
}

/// A text heavy in what normalization repairs: character references, NBSPs,
/// narrow NBSPs, soft hyphens, zero-width spaces and CRLF line ends.
fn messy_text(seeds: &[Seed]) -> String {
    let mut out = String::new();
    for seed in seeds {
        for (i, word) in seed.text.split(' ').enumerate() {
            if i > 0 {
                out.push_str(match i % 4 {
                    0 => "\u{a0}",
                    1 => " ",
                    2 => "&nbsp;",
                    _ => "\u{202f}",
                });
            }
            let word = word
                .replace('"', "&quot;")
                .replace('\'', "&#8217;")
                .replace('&', "&amp;")
                .replace("&amp;quot;", "&quot;")
                .replace("&amp;#8217;", "&#8217;")
                .replace('\n', "\r\n");
            if i % 7 == 3 && word.len() > 6 && word.is_char_boundary(3) {
                out.push_str(&word[..3]);
                out.push('\u{ad}');
                out.push_str(&word[3..]);
            } else if i % 11 == 5 {
                out.push('\u{200b}');
                out.push_str(&word);
            } else {
                out.push_str(&word);
            }
        }
        out.push_str("\r\n\r\n");
    }
    out
}

fn bench_normalize(c: &mut Criterion) {
    let seeds = seeds();
    let corpus: String = seeds.iter().map(|s| s.text.as_str()).collect();
    let messy = messy_text(&seeds);

    // The messy text normalizes to the corpus's words with plain spaces, and every
    // repaired region maps back inside the original.
    let norm = NormalizedText::new(&messy);
    assert!(!norm.is_identity());
    let n = norm.as_str();
    for bad in [
        "&nbsp;", "&quot;", "&#8217;", "\u{a0}", "\u{202f}", "\u{ad}", "\u{200b}", "\r",
    ] {
        assert!(!n.contains(bad), "normalized text still contains {bad:?}");
    }
    assert!(n.contains("\"no-limits\""), "quotes were not decoded");
    assert!(
        n.len() < messy.len() * 9 / 10,
        "normalization removed too little"
    );
    // (The leading CR is removed, so the mapped span starts just after it.)
    let whole = norm.to_original(Span::new(0, n.len()));
    assert!(whole.start <= 1 && whole.end <= messy.len() && whole.end + 4 >= messy.len());
    assert!(messy.is_char_boundary(whole.start) && messy.is_char_boundary(whole.end));

    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| NormalizedText::new(black_box(&corpus)));
    });
    group.throughput(Throughput::Bytes(messy.len() as u64));
    group.bench_function("entities-nbsp", |b| {
        b.iter(|| NormalizedText::new(black_box(&messy)));
    });
    // The glued-word repair on the corpus: seed 003 glues five joins it repairs
    // ("Poutinevisit", "Jinpingin", "FridayAs", "QiangChinese", "Blinkenasked").
    let repaired: usize = seeds
        .iter()
        .map(|s| NormalizedText::new(&s.text).repair_glued().len())
        .sum();
    assert!(repaired >= 5, "{repaired} repairs in the corpus");
    group.throughput(Throughput::Bytes(corpus.len() as u64));
    group.bench_function("glue", |b| {
        b.iter(|| find_glued(black_box(&corpus)));
    });
    group.finish();
}

fn bench_segment(c: &mut Criterion) {
    let seeds = seeds();
    let corpus: String = seeds
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let norm = NormalizedText::new(&corpus);
    let text = norm.as_str();
    let all = Span::new(0, text.len());

    let mut sents: Vec<Span> = Vec::new();
    segment::sentences(text, all, &mut sents);
    assert!(sents.len() >= 80, "{} sentences in the corpus", sents.len());
    assert!(sents.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(sents.iter().any(|s| s
        .slice(text)
        .starts_with("The president of Russia, Vladimir Putin")));
    let mut toks: Vec<Token> = Vec::new();
    segment::tokens(text, all, &mut toks);
    assert!(toks.len() >= 2_000, "{} tokens in the corpus", toks.len());
    assert!(toks.iter().any(|t| t.span.slice(text) == "Putin"));

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sentences", |b| {
        b.iter(|| {
            sents.clear();
            segment::sentences(black_box(text), all, &mut sents);
            sents.len()
        });
    });
    group.bench_function("tokens", |b| {
        b.iter(|| {
            toks.clear();
            segment::tokens(black_box(text), all, &mut toks);
            toks.len()
        });
    });
    group.finish();
}

/// Entity extraction alone: tokens, document context, gazetteer features and the
/// tagger (`Model::tag_text`) over each seed, as the pipeline runs them.
fn bench_entities(c: &mut Criterion) {
    let seeds = seeds();
    let model = nutgraf::entities::model::Model::global();
    let texts: Vec<String> = seeds
        .iter()
        .map(|s| NormalizedText::new(&s.text).as_str().to_owned())
        .collect();
    // Check answers first: the tagger finds Putin and Beijing in every seed.
    for t in &texts {
        let found: Vec<&str> = model
            .tag_text(t)
            .iter()
            .map(|(sp, _)| sp.slice(t))
            .collect();
        assert!(found.iter().any(|m| m.contains("Putin")), "{found:?}");
        assert!(
            found.contains(&"Beijing") || found.contains(&"China"),
            "{found:?}"
        );
    }
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("tag/corpus", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| model.tag_text(black_box(t)).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

fn bench_language(c: &mut Criterion) {
    let seeds = seeds();
    let parser = Parser::new(Options::new());
    // The blocks the parser runs language identification on: all but boilerplate.
    let docs: Vec<_> = seeds
        .iter()
        .map(|s| parser.parse(&s.text, &s.meta).unwrap())
        .collect();
    let blocks: Vec<&str> = docs
        .iter()
        .flat_map(|d| {
            d.blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Boilerplate)
                .map(|b| d.slice(b.span))
        })
        .collect();
    let bytes: usize = blocks.iter().map(|b| b.len()).sum();
    let langs: Vec<Option<&str>> = blocks.iter().map(|b| nutgraf::detect_language(b)).collect();
    let english = langs.iter().filter(|l| **l == Some("en")).count();
    assert!(blocks.len() >= 30, "{} blocks", blocks.len());
    assert!(
        english * 10 >= blocks.len() * 7,
        "{english} of {} blocks English",
        blocks.len()
    );
    assert!(
        langs.contains(&Some("es")),
        "the Spanish caption of seed 000"
    );

    let mut group = c.benchmark_group("language");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("blocks", |b| {
        b.iter(|| {
            blocks
                .iter()
                .filter(|t| nutgraf::detect_language(black_box(t)).is_some())
                .count()
        });
    });
    group.finish();
}

fn bench_parse_many(c: &mut Criterion) {
    let seeds = seeds();
    let docs = if measuring() {
        BATCH_DOCS
    } else {
        BATCH_DOCS_TEST
    };
    let batch: Vec<(String, Meta)> = seeds
        .iter()
        .cycle()
        .take(docs)
        .map(|s| (s.text.clone(), s.meta.clone()))
        .collect();
    let bytes: u64 = batch.iter().map(|(t, _)| t.len() as u64).sum();
    let parser = Parser::new(Options::new());

    // The batch gives the same documents, in order, as one-by-one parsing.
    let out = parser
        .parse_many_with_threads(&batch, Some(2))
        .expect("pool");
    assert_eq!(out.len(), docs);
    for (i, doc) in out.iter().enumerate().take(seeds.len()) {
        let one = parser.parse(&seeds[i].text, &seeds[i].meta).unwrap();
        assert_eq!(doc.as_ref().unwrap().body, one.body);
    }
    assert!(out
        .iter()
        .all(|d| d.as_ref().is_ok_and(|d| d.title.is_some())));

    let mut group = c.benchmark_group("parse_many");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for threads in [1, 2] {
        group.bench_with_input(
            BenchmarkId::new("threads", threads),
            &threads,
            |b, &threads| {
                b.iter(|| {
                    parser
                        .parse_many_with_threads(black_box(&batch), Some(threads))
                        .unwrap()
                });
            },
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_parse,
    bench_normalize,
    bench_segment,
    bench_language,
    bench_entities,
    bench_parse_many
);
criterion_main!(benches);
