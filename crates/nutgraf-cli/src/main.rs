//! `nutgraf`: the command-line front end of the nutgraf library.
//!
//! Three subcommands:
//!
//! - `nutgraf parse FILE...` reads article text files (or stdin) and prints, per file,
//!   either a readable view of the parsed document, the version-1 JSON contract
//!   (`--json`), exactly what `Document::write_json` writes (with `--words`, each
//!   sentence's words and their syntax), or the words as CoNLL-U (`--conllu`).
//! - `nutgraf batch [INPUT...]` (`--words` as for `parse`) reads JSON Lines records
//!   (`{"id": ..., "text": ..., "published"?: ..., "url"?: ..., "source"?: ...}`) and
//!   writes one JSON line per record, `{"id": ..., "document": {...}}`, or an error
//!   record naming the line. It streams in chunks and parses each chunk in parallel,
//!   so input of any size runs in bounded memory.
//! - `nutgraf corpus [INPUT...]` reads the same records, parsed the same way, adds
//!   them to a corpus in input order, and writes one JSON object: its stories,
//!   near-duplicates, the entities documents share and the figures that
//!   conflict (see [`corpus`]).
//!
//! # Exit codes
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | everything was processed |
//! | 1    | an input or output could not be read or written (`parse`: any file failed) |
//! | 2    | `batch` and `corpus`: some records were bad (`batch` writes error records for them, `corpus` skips them); the rest were processed |
//! | 64   | the command line itself was wrong (unknown flag, bad `--published` value, `--threads` over 1024...) |
//! | 130  | `batch` and `corpus`: interrupted by Ctrl-C; the records parsed by then were written (`corpus`: reported on) |
//!
//! Usage errors use 64 (`EX_USAGE`) rather than clap's default 2 so that 2 always
//! means "some batch records were bad".
//!
//! When the reader of stdout goes away (`nutgraf parse --json ... | head -1`), the
//! command stops quietly with exit code 0, as `head` got what it asked for; a
//! closed or broken stderr loses messages but never stops a run (see [`report!`]).
//! A bug in nutgraf (a panic) fails the one file or record it happened on, which is
//! reported like any other error; the others go on.

/// `eprintln!` that never panics: when stderr is closed or a broken pipe the
/// message is lost, and the run goes on.
macro_rules! report {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod batch;
mod conllu;
mod corpus;
mod dates;
mod guard;
mod input;
mod parse;
mod tables;
mod view;

use std::process::ExitCode;

use clap::{Parser as ClapParser, Subcommand};

/// Exit code: everything was processed.
pub const EXIT_OK: u8 = 0;
/// Exit code: an input or output failed (I/O, unreadable file, file too large).
pub const EXIT_FAILURE: u8 = 1;
/// Exit code: `batch` wrote error records for some input lines (`corpus` skipped them).
pub const EXIT_BAD_RECORDS: u8 = 2;
/// Exit code: the command line could not be understood.
pub const EXIT_USAGE: u8 = 64;
/// Exit code: `batch` or `corpus` was interrupted (128 + SIGINT, what a shell reports for Ctrl-C).
pub const EXIT_INTERRUPTED: u8 = 130;

const AFTER_HELP: &str = "\
Exit codes:
  0   everything was processed
  1   an input or output could not be read or written (parse: any file failed)
  2   batch, corpus: some records were bad (batch wrote error records for them,
      corpus skipped them; the rest were processed)
  64  the command line was wrong
  130 batch, corpus: interrupted by Ctrl-C (records parsed by then were written,
      or for corpus reported on)
A closed stdout (`nutgraf parse --json ... | head -1`) ends the run quietly with 0.

Examples:
  nutgraf parse article.txt
  nutgraf parse --json --published 2023-10-17 article.txt
  nutgraf parse --json --words article.txt     # each sentence with its words' syntax
  nutgraf parse --conllu article.txt           # the words as CoNLL-U
  cat article.txt | nutgraf parse --json
  nutgraf parse --dates corpus/seeds.jsonl corpus/seeds/*.txt
  nutgraf batch records.jsonl -o documents.jsonl
  nutgraf corpus records.jsonl -o corpus.json  # stories, duplicates, entities, conflicts";

/// Turn raw news text into typed facts: title, byline, dateline, layout blocks,
/// language and sentences.
#[derive(Debug, ClapParser)]
#[command(name = "nutgraf", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse article text files and print a readable view, the JSON contract or CoNLL-U.
    ///
    /// Each FILE is one article as plain text (scraper output with page furniture
    /// is fine), or with `--html` a web page. With no FILE, or with `-`, the article is read from stdin. Files
    /// that are not valid UTF-8 are decoded lossily with a warning. A file that
    /// cannot be read is reported on stderr; the other files are still parsed and
    /// the exit code is 1.
    Parse(parse::ParseArgs),
    /// Parse JSON Lines records in parallel: one `{"id", "document"}` line out per record.
    ///
    /// Input: one JSON object per line, `{"id": <scalar>, "text": <string>,
    /// "published"?: "YYYY-MM-DD"|null, "url"?: <string>|null, "source"?: <string>|null}`.
    /// Unknown keys are ignored; `id` may be missing (written as null). Blank lines
    /// are skipped. A record may give a web page's `"html"` instead of `"text"`:
    /// the article is then found in the page (as `parse --html`).
    ///
    /// Output: for each good record `{"id": ..., "document": <contract>}`; for a bad
    /// one (not JSON, not UTF-8, no `text`, wrong types, bad date, too large, a bug)
    /// `{"id": <id or null>, "line": <1-based line>, "error": {"kind", "message"}}`,
    /// plus a message on stderr. Output order is input order. With several inputs,
    /// line numbers count within each input and error records also carry `"input"`.
    ///
    /// Exit code 0 when every record parsed, 2 when some were bad, 1 on I/O errors,
    /// 130 when stopped by Ctrl-C (the records parsed by then are written).
    Batch(batch::BatchArgs),
    /// Parse JSON Lines records and report on them as a corpus: stories, near-duplicates, shared entities.
    ///
    /// Input: the records `batch` reads (`{"id", "text", "published"?, "url"?,
    /// "source"?}`), parsed the same way and added in input order. A bad record
    /// (as for `batch`, or `duplicate_id` for an id already added) is reported on
    /// stderr and skipped. Ids are compared as strings (`1` and `"1"` are one id);
    /// a record with no id is named by its input and line (`"<stdin>:3"`).
    ///
    /// Output: one JSON object, `{"documents": N, "stories": [{"index", "title",
    /// "start", "end", "ids", "entities", "merges": [{"id", "similarity",
    /// "cosines", "shared_names", "shared_words", "reason"}]}], "duplicates":
    /// [{"a", "b", "similarity"}], "entities": [{"id", "name", "label", "aliases",
    /// "docs", "mentions": [{"doc", "start", "end", "text"}]}]}`. Documents are
    /// named by their ids; mention offsets are characters into the record's text;
    /// dates are YYYY-MM-DD. Only entities named in at least --min-docs documents
    /// are listed.
    ///
    /// Exit code 0 when every record was added, 2 when some were bad, 1 on I/O
    /// errors, 130 when stopped by Ctrl-C (the records added by then are reported).
    Corpus(corpus::CorpusArgs),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    let code = match cli.command {
        Command::Parse(args) => parse::run(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Corpus(args) => corpus::run(&args),
    };
    match code {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                // `nutgraf ... | head`: the reader went away, nothing left to say.
                return ExitCode::from(EXIT_OK);
            }
            report!("nutgraf: error: {e:#}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// True when the error chain holds an `io::Error` of kind `BrokenPipe`, also
/// inside a `serde_json` error (whose `source` skips the `io::Error` itself).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipes_are_found_in_io_and_json_errors() {
        let pipe = || std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(
            &anyhow::Error::new(pipe()).context("writing")
        ));
        let json = serde_json::Error::io(pipe());
        assert!(is_broken_pipe(&anyhow::Error::new(json).context("writing")));
        let other = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(!is_broken_pipe(&anyhow::Error::new(other)));
    }
}
