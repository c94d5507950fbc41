//! Time the entity tagger over the texts of a JSONL file (`{"text": ...}` per
//! line), on one thread, and print MB/s: the whole path (sentences, tokens,
//! document context, tagging) and the tagging alone.
//!
//! ```text
//! cargo run --release -p nutgraf --example ner_throughput -- ../shared/eval/conll2003/dev.jsonl
//! ```

use std::time::Instant;

use nutgraf::entities::model::{sentences_of, DocContext, Model};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: ner_throughput FILE.jsonl")?;
    let texts: Vec<String> = std::fs::read_to_string(&path)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let model = Model::global();
    let rounds = 5;

    let start = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        for t in &texts {
            mentions += model.tag_text(t).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "whole path: {mb:.1} MB in {secs:.2} s = {:.2} MB/s ({} mentions a round)",
        mb / secs,
        mentions / rounds
    );

    let prepared: Vec<_> = texts
        .iter()
        .map(|t| {
            let sents = sentences_of(t);
            let mut ctx = DocContext::new();
            for (s, toks) in &sents {
                ctx.add_sentence(t, *s, toks);
            }
            (t, sents, ctx)
        })
        .collect();
    let start = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for (t, sents, ctx) in &prepared {
            for (s, toks) in sents {
                n += model.tag(t, *s, toks, ctx).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "tagging only: {:.2} MB/s ({} mentions a round)",
        mb / secs,
        n / rounds
    );
    Ok(())
}
