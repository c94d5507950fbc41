//! Glued-word repair on text that has none: every split is a false split.
//!
//! Reads the `text` field (else `raw_text`) of each record of one or more JSONL
//! files (clean corpora: CoNLL, `news_entities`, TempEval-3, PolNeAR), runs the repair of
//! [`nutgraf::text::NormalizedText::repair_glued`] and prints each split with its
//! context and the count per file.

use nutgraf::text::{GlueKind, NormalizedText};

use crate::jsonl;

/// Run the `glue` task on `args` (files; `--quiet` prints the counts only).
pub fn run(args: &[String]) -> Result<(), String> {
    let quiet = jsonl::flag(args, "--quiet");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if files.is_empty() {
        return Err("glue takes one or more JSONL files".into());
    }
    let mut total = 0;
    for path in files {
        let records = jsonl::read(path)?;
        let mut splits = 0;
        let mut bytes = 0;
        for r in &records {
            let Some(text) = jsonl::text_of(r) else {
                continue;
            };
            bytes += text.len();
            let mut norm = NormalizedText::new(text);
            let before = norm.as_str().to_owned();
            for g in norm.repair_glued() {
                splits += 1;
                if !quiet {
                    let w = g.word.slice(&before);
                    let cut = g.at - g.word.start;
                    let from = before[..g.word.start]
                        .char_indices()
                        .rev()
                        .nth(30)
                        .map_or(0, |(i, _)| i);
                    let to = before[g.word.end..]
                        .char_indices()
                        .nth(30)
                        .map_or(before.len(), |(i, _)| g.word.end + i);
                    let kind = match g.kind {
                        GlueKind::Camel => "camel",
                        GlueKind::Digit => "digit",
                        GlueKind::Lowercase => "lowercase",
                        _ => "after-name",
                    };
                    println!(
                        "{kind:10} {} | {}   «{}»",
                        &w[..cut],
                        &w[cut..],
                        before[from..to].replace('\n', " ")
                    );
                }
            }
        }
        println!(
            "{path}: {} records, {bytes} bytes, {splits} splits",
            records.len()
        );
        total += splits;
    }
    println!("total: {total} splits");
    Ok(())
}
