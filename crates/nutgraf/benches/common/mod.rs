//! What the benchmarks share: the sample corpus and whether criterion times.

use std::path::{Path, PathBuf};

use nutgraf::Meta;

/// True when criterion will time the benchmarks, not just run each once
/// (`cargo test --benches`, or `-- --test`).
pub fn measuring() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test")
}

/// The bundled sample corpus, `examples/corpus`.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// One seed article with its publication date.
pub struct Seed {
    /// The file name without its extension.
    pub name: String,
    /// The article as given.
    pub text: String,
    /// Its publication date from `seeds.jsonl`.
    pub meta: Meta,
}

/// The five seed articles, in the order of `seeds.jsonl`, with their dates.
pub fn seeds() -> Vec<Seed> {
    let dir = corpus_dir();
    let index = std::fs::read_to_string(dir.join("seeds.jsonl")).expect("read seeds.jsonl");
    let mut out = Vec::new();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let rec: serde_json::Value = serde_json::from_str(line).expect("seeds.jsonl line");
        let file = rec["file"].as_str().expect("file field");
        let text = std::fs::read_to_string(dir.join(file)).expect("read seed article");
        let meta = match rec["published"].as_str() {
            Some(d) => Meta::new().with_published_str(d).expect("published date"),
            None => Meta::new(),
        };
        let name = Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("file name")
            .to_owned();
        out.push(Seed { name, text, meta });
    }
    assert_eq!(out.len(), 5, "expected the five seed articles");
    out
}
