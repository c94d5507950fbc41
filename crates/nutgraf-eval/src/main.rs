//! `nutgraf-eval`: score nutgraf's extractors on annotated corpora.
//!
//! The corpora are not part of the repository; pass their path. Each subcommand
//! prints its figures and, with `--details`, the per-document numbers.
//!
//! ```text
//! nutgraf-eval body ../shared/eval/article_extraction/dev.jsonl [--details] [--worst N]
//! ```

use nutgraf_eval::{body, entities};

use std::process::ExitCode;

const USAGE: &str = "usage: nutgraf-eval <task> <file.jsonl> [options]

tasks:
  body FILE      body extraction: token precision, recall and F1 of the parsed
                 `body` against `gold.body` (article_extraction format)
                 options: --details (one line per document), --worst N (show the N
                 worst documents with their missing and extra text)
  ner FILE       named entities of the whole pipeline: typed exact-match P/R/F1
                 per label (CoNLL or news_entities format); options: --scheme
                 conll|ontonotes (default from the file name), --errors N";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match task.as_str() {
        "body" => body::run(rest),
        "ner" => entities::run(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown task {other:?}\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nutgraf-eval: {message}");
            ExitCode::FAILURE
        }
    }
}
