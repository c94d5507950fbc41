//! Time `Parser::parse` over the texts of a JSONL file (`{"text": ...}` per line),
//! on one thread, and print MB/s. A quick check between criterion runs, and a
//! loop to profile (`--syntax` turns the syntax stage on, `--no-repair` the
//! encoding repair off, `--repeat N` reads the file N times).
//!
//! ```text
//! cargo run --release -p nutgraf --example throughput -- records.jsonl [--syntax] [--no-repair] [--repeat N]
//! ```

use std::time::Instant;

use nutgraf::{Meta, Options, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: throughput FILE.jsonl [--syntax] [--no-repair] [--repeat N]")?;
    let syntax = args.iter().any(|a| a == "--syntax");
    let repair = !args.iter().any(|a| a == "--no-repair");
    let repeat: usize = match args.iter().position(|a| a == "--repeat") {
        Some(i) => args.get(i + 1).ok_or("--repeat N")?.parse()?,
        None => 1,
    };
    let once: Vec<String> = std::fs::read_to_string(path)?
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let texts: Vec<&String> = (0..repeat).flat_map(|_| &once).collect();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let parser = Parser::new(Options::new().syntax(syntax).repair_encoding(repair));
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
