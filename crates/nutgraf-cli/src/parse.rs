//! `nutgraf parse`: parse article files, print a readable view, the JSON contract or
//! CoNLL-U.

use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::{Context, Result};
use clap::Args;
use nutgraf::{Date, Meta, Options, Parser, DEFAULT_MAX_INPUT_BYTES};

use crate::dates::{DateSidecar, Lookup};
use crate::guard;
use crate::input::{self, display_name, STDIN};
use crate::{conllu, view, EXIT_FAILURE, EXIT_OK};

/// Width of the block lines when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;

/// Arguments of `nutgraf parse`.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // one field per command-line switch
pub struct ParseArgs {
    /// Article text files; `-` or none reads stdin.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    /// Print the version-1 JSON contract instead of the text view: one compact
    /// JSON object per line, one line per file, in the order given.
    #[arg(long)]
    pub json: bool,

    /// Pretty-print the JSON (implies --json).
    #[arg(long)]
    pub pretty: bool,

    /// Run the syntax stage and give each sentence of the JSON its words, with
    /// part of speech, lemma, head and dependency relation (implies --json; off by
    /// default: it costs more than all the other stages together).
    #[arg(long)]
    pub words: bool,

    /// Print the words of every sentence as CoNLL-U (Universal Dependencies: ID,
    /// FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC) instead of the
    /// text view: one block per sentence with `# sent_id` (counted over the whole
    /// run) and `# text` comments, `# newdoc id` naming each file. Runs the syntax
    /// stage.
    #[arg(long, conflicts_with_all = ["json", "pretty"])]
    pub conllu: bool,

    /// Publication date of the article(s), YYYY-MM-DD. It wins over --dates and
    /// over any date the text states about itself.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub published: Option<Date>,

    /// JSON Lines file of publication dates, one `{"file": PATH, "published":
    /// "YYYY-MM-DD"|null}` per line (like corpus/seeds.jsonl). Each input matches
    /// the entry sharing the longest trailing part of its path (at least the file
    /// name).
    #[arg(long, value_name = "FILE.jsonl")]
    pub dates: Option<String>,

    /// Read each FILE as a web page: the article found in its HTML, the same
    /// roles and extractors; blocks carry their range in the HTML, the JSON its
    /// `metadata` (JSON-LD, Open Graph, meta tags).
    #[arg(long)]
    pub html: bool,

    /// Skip layout analysis: read the whole input as body text (for clean corpora).
    #[arg(long)]
    pub no_layout: bool,

    /// Leave text decoded with the wrong encoding as it is: no repair of
    /// mojibake ("VladÃ­mir") or C1 controls (removed instead).
    #[arg(long)]
    pub no_repair_encoding: bool,

    /// URL of the article, copied into the document (applies to every file).
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Publisher name, used as the document's publisher (applies to every file).
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,

    /// Truncate block lines of the text view to N characters; 0 never truncates.
    /// Default: the terminal width, or 100 when stdout is not a terminal.
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,

    /// Reject files larger than this many bytes (16777216 = 16 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,
}

/// Parse a `--published` value with the library's own date reader.
pub fn parse_date_arg(value: &str) -> Result<Date, String> {
    nutgraf::parse_date(value).map_err(|e| e.to_string())
}

/// Run `nutgraf parse`; returns the exit code, or an error for output failures.
pub fn run(args: &ParseArgs) -> Result<u8> {
    let sidecar = args.dates.as_deref().map(DateSidecar::load).transpose()?;
    let parser = Parser::new(
        Options::new()
            .layout(!args.no_layout)
            .repair_encoding(!args.no_repair_encoding)
            .syntax(args.words || args.conllu)
            .max_input_bytes(args.max_bytes),
    );
    let files: Vec<&str> = if args.files.is_empty() {
        vec![STDIN]
    } else {
        args.files.iter().map(String::as_str).collect()
    };
    let json = !args.conllu && (args.json || args.pretty || args.words);
    let width = match args.width {
        Some(0) => None,
        Some(n) => Some(n),
        None => Some(terminal_width().unwrap_or(DEFAULT_WIDTH)),
    };

    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut failed = false;
    let mut first = true;
    // CoNLL-U sentences written so far, for `# sent_id`.
    let mut sent_id = 0u64;
    for &path in &files {
        let name = display_name(path);
        let Some(text) = read_one(path, args.max_bytes) else {
            failed = true;
            continue;
        };
        let meta = meta_for(path, args, sidecar.as_ref());
        // The output of the file, and the CoNLL-U sentence count after it.
        let rendered = guard::catch(|| -> Result<(Vec<u8>, u64)> {
            let doc = if args.html {
                parser.parse_html(&text, &meta)?
            } else {
                parser.parse(&text, &meta)?
            };
            guard::debug_panic(&text);
            let mut buf = Vec::new();
            let mut ids = sent_id;
            if args.conllu {
                let mut blocks = String::new();
                conllu::write(&mut blocks, &doc, name, &mut ids);
                buf = blocks.into_bytes();
            } else if json {
                if args.pretty {
                    serde_json::to_writer_pretty(&mut buf, &doc.to_json_value())?;
                } else {
                    // Streamed: no value tree, memory is the output's size.
                    doc.write_json(&mut buf)?;
                }
                buf.push(b'\n');
            } else {
                if !first {
                    buf.push(b'\n');
                }
                buf.extend_from_slice(view::render(name, &doc, width).as_bytes());
            }
            Ok((buf, ids))
        });
        let buf = match rendered {
            Ok(Ok((buf, ids))) => {
                sent_id = ids;
                buf
            }
            Ok(Err(e)) => {
                report!("nutgraf: error: {name}: {e}");
                failed = true;
                continue;
            }
            Err(panic) => {
                report!("nutgraf: error: {name}: {}: {panic}", guard::INTERNAL);
                failed = true;
                continue;
            }
        };
        out.write_all(&buf)?;
        first = false;
        out.flush().context("cannot write to stdout")?;
    }
    out.flush().context("cannot write to stdout")?;
    Ok(if failed { EXIT_FAILURE } else { EXIT_OK })
}

/// Read one input, reporting failures and lossy decoding on stderr.
fn read_one(path: &str, limit: usize) -> Option<String> {
    let name = display_name(path);
    match input::read_text(path, limit) {
        Err(e) => {
            report!("nutgraf: error: cannot read {name}: {e}");
            None
        }
        Ok((_, true)) => {
            report!(
                "nutgraf: error: {name}: larger than the limit of {limit} bytes (raise it with --max-bytes)"
            );
            None
        }
        Ok((text, false)) => {
            if text.replaced > 0 {
                report!(
                    "nutgraf: warning: {name}: not valid UTF-8, replaced {} invalid byte sequence(s) with U+FFFD",
                    text.replaced
                );
            }
            Some(text.text)
        }
    }
}

/// The metadata for one input: flags first, then the dates sidecar.
fn meta_for(path: &str, args: &ParseArgs, sidecar: Option<&DateSidecar>) -> Meta {
    let mut meta = Meta::new();
    if let Some(url) = &args.url {
        meta = meta.with_url(url.clone());
    }
    if let Some(source) = &args.source {
        meta = meta.with_source(source.clone());
    }
    if let Some(date) = args.published {
        return meta.with_published(date);
    }
    if let Some(sidecar) = sidecar {
        let name = display_name(path);
        match sidecar.lookup(path) {
            Lookup::Found(Some(date)) => meta = meta.with_published(date),
            Lookup::Found(None) => {}
            Lookup::Missing => {
                report!("nutgraf: warning: {name}: no entry in the dates file");
            }
            Lookup::Ambiguous => report!(
                "nutgraf: warning: {name}: several entries of the dates file match; give a longer path"
            ),
        }
    }
    meta
}

/// Columns of the terminal on stdout, if stdout is one.
fn terminal_width() -> Option<usize> {
    if !io::stdout().is_terminal() {
        return None;
    }
    console::Term::stdout()
        .size_checked()
        .map(|(_rows, cols)| usize::from(cols))
}
