//! Time `Parser::parse` over the texts of a JSONL file (`{"text": ...}` per line),
//! on one thread, and print MB/s. A quick check between criterion runs.
//!
//! ```text
//! cargo run --release -p nutgraf --example throughput -- records.jsonl
//! ```

use std::time::Instant;

use nutgraf::{Meta, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: throughput FILE.jsonl")?;
    let texts: Vec<String> = std::fs::read_to_string(&path)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let parser = Parser::default();
    let meta = Meta::new();
    let _ = parser.parse("warm up the lexicons.", &meta)?;
    let start = Instant::now();
    let mut blocks = 0;
    for t in &texts {
        blocks += parser.parse(t, &meta)?.blocks.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} texts, {:.1} MB, {blocks} blocks in {secs:.2} s: {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
