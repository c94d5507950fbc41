//! `nutgraf batch`: JSON Lines records in, JSON Lines documents out, in parallel.
//!
//! The input is read in chunks of `--chunk-size` lines (and at most
//! [`CHUNK_BYTES_PER_THREAD`] bytes a thread); each chunk is parsed in parallel on
//! a rayon pool, each result written in input order as soon as those before it are
//! done (so writing overlaps parsing, and a chunk's output is never held whole),
//! and the chunk dropped before the next one is read. Memory therefore stays
//! bounded however large the input is: over 400 news articles with `--words` on
//! one thread the peak went from 132 MB (a whole chunk's output held) to 72 MB.
//!
//! Output lines put `"id"` first so they can be matched up while streaming:
//!
//! ```text
//! {"id":1,"document":{...}}
//! {"id":"b","line":2,"error":{"kind":"missing_field","message":"no \"text\" key"}}
//! ```
//!
//! Blank lines (empty or only whitespace) are skipped without an error record; they
//! still count for line numbers. Every other line gives exactly one output line,
//! whatever is wrong with it: not UTF-8, not JSON, not a record, a bad date, a text
//! over the limit, or a bug in nutgraf met on it (kind `internal`; a panic is
//! caught per record, so the lines after it are still parsed and written).
//! A byte-order mark opening an input is skipped (see [`crate::input`]).
//!
//! Ctrl-C stops the run promptly: records being parsed finish, the others of the
//! chunk are skipped, the parsed ones are written (in order, with no line for the
//! skipped ones), the output is flushed and the exit code is 130. A second Ctrl-C
//! exits at once (also the way out of a run waiting on a terminal's stdin).
//!
//! The reading, parsing and reporting of records ([`drive`], [`parse_record`],
//! [`RecordArgs`]) are shared with `nutgraf corpus`.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nutgraf::{Document, ErrorKind, Meta, Options, Parser, DEFAULT_MAX_INPUT_BYTES, MAX_THREADS};
use rayon::prelude::*;
use serde_json::Value;

use crate::guard;
use crate::input::{self, display_name, STDIN};
use crate::{EXIT_BAD_RECORDS, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK};

/// A chunk stops growing once its lines hold this many bytes per parser
/// thread. What a chunk gives back is held until the whole chunk is done, and
/// a document with its words (`--words`) is some 25 times its text as JSON: at
/// 512 KiB a thread, two threads hold about 25 MB of output at once, and a
/// thread still has a few hundred articles of work per chunk.
pub const CHUNK_BYTES_PER_THREAD: usize = 512 * 1024;

/// At most this many bad records are reported on stderr; the rest only in the output.
const MAX_STDERR_ERRORS: usize = 50;

/// Arguments shared by the commands that read JSON Lines records (`batch`,
/// `corpus`).
#[derive(Debug, Args)]
pub struct RecordArgs {
    /// JSON Lines input files, read one after the other; `-` or none reads stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Write the output here instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,

    /// Number of parser threads, at most 1024; 0 uses one per CPU (or
    /// `RAYON_NUM_THREADS`).
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = parse_threads)]
    pub threads: usize,

    /// Skip layout analysis: read each text as body text (for clean corpora).
    #[arg(long)]
    pub no_layout: bool,

    /// Leave text decoded with the wrong encoding as it is: no repair of
    /// mojibake ("VladÃ­mir") or C1 controls (removed instead).
    #[arg(long)]
    pub no_repair_encoding: bool,

    /// Lines read, parsed in parallel and handed on per step; bounds memory use.
    #[arg(long, value_name = "N", default_value_t = 1024,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub chunk_size: u32,

    /// Texts larger than this many bytes are bad records of kind
    /// `input_too_large` (16777216 = 16 MiB).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_INPUT_BYTES)]
    pub max_bytes: usize,

    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `nutgraf batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    #[command(flatten)]
    pub records: RecordArgs,

    /// Run the syntax stage and give each sentence of each document its words,
    /// with part of speech, lemma, head and dependency relation (off by default:
    /// it costs more than all the other stages together).
    #[arg(long)]
    pub words: bool,

    /// Write the documents as Arrow tables into this directory instead of JSON
    /// Lines: one Arrow IPC stream file per table (`documents.arrows`,
    /// `words.arrows`..., see docs/tables.md), a record batch per
    /// `--chunk-size` documents. Bad records still go to the output as error
    /// lines.
    #[arg(long, value_name = "DIR")]
    pub arrow: Option<std::path::PathBuf>,
}

/// One non-blank input line, not yet parsed.
pub struct RawLine {
    /// 1-based line number within its input.
    number: u64,
    /// The line without its line ending; empty when `too_long`.
    bytes: Vec<u8>,
    /// The line was longer than the line limit and was skipped.
    too_long: bool,
}

impl RawLine {
    /// Its 1-based line number within its input.
    pub fn number(&self) -> u64 {
        self.number
    }
}

/// The input a line comes from.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// Its name in messages (`<stdin>` for stdin).
    pub name: &'a str,
    /// Whether the run reads several inputs (then `batch`'s error records name it).
    pub several: bool,
}

/// A bad record: why, and what to report.
pub struct RecordError {
    /// The record's id, when it has a readable one, else null.
    pub id: Value,
    /// What is wrong, as a `snake_case` kind (`invalid_json`, `missing_field`...).
    pub kind: &'static str,
    /// What is wrong, in words.
    pub message: String,
}

impl RecordError {
    fn new(id: Value, kind: &'static str, message: impl Into<String>) -> RecordError {
        RecordError {
            id,
            kind,
            message: message.into(),
        }
    }
}

/// The output line of one record, and the error if it was bad.
pub struct Outcome {
    /// The line, without its line ending.
    pub line: String,
    /// The bad record's message for stderr, `None` for a document.
    pub error: Option<String>,
}

/// Counters of a run over records, for the summary line and the exit code.
#[derive(Default)]
pub struct Stats {
    /// Records handed on without error.
    pub parsed: u64,
    /// Bad records.
    pub errors: u64,
    bytes: u64,
    io_failed: bool,
    /// Records read but not parsed because of Ctrl-C.
    skipped: u64,
    /// Set by Ctrl-C: the last line read of the input being processed.
    interrupted: Option<u64>,
}

/// Read a `--threads` value: 0 to [`MAX_THREADS`].
fn parse_threads(value: &str) -> Result<usize, String> {
    let n: usize = value
        .parse()
        .map_err(|e| format!("{e} (expected a thread count from 0 to {MAX_THREADS})"))?;
    if n > MAX_THREADS {
        return Err(format!(
            "{n} threads is over the limit of {MAX_THREADS} (0 uses one per CPU)"
        ));
    }
    Ok(n)
}

/// Set by the Ctrl-C handler: stop parsing, write what is done, exit 130.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// Install the Ctrl-C handler (once per process; a failure only loses prompt
/// interruption, so it is a warning).
fn handle_ctrl_c() {
    let installed = ctrlc::set_handler(|| {
        if CANCEL.swap(true, Ordering::SeqCst) {
            // The second Ctrl-C: the user does not want to wait.
            std::process::exit(i32::from(EXIT_INTERRUPTED));
        }
    });
    if let Err(e) = installed {
        report!("nutgraf: warning: cannot handle Ctrl-C ({e}); it will stop the run at once");
    }
}

/// Run `nutgraf batch`; returns the exit code, or an error for output failures.
pub fn run(args: &BatchArgs) -> Result<u8> {
    if let Some(dir) = &args.arrow {
        return crate::tables::run(args, dir);
    }
    let start = Instant::now();
    let mut out = open_output(&args.records)?;
    let line_limit = line_limit(args.records.max_bytes);
    let stats = drive(
        &args.records,
        Options::new().syntax(args.words),
        |parser, raw, input| process(parser, raw, line_limit, input.several.then_some(input.name)),
        |outcome: Outcome| {
            out.write_all(outcome.line.as_bytes())
                .and_then(|()| out.write_all(b"\n"))
                .context("cannot write the output")?;
            Ok(outcome.error)
        },
    )?;
    out.flush().context("cannot write the output")?;
    Ok(stats.finish("written", args.records.quiet, start.elapsed()))
}

/// Open the output of a command reading records: `--output`, or stdout. Refuses an
/// output file that is also an input.
pub fn open_output(args: &RecordArgs) -> Result<BufWriter<Box<dyn Write>>> {
    if let Some(output) = &args.output {
        if let Some(same) = args.inputs.iter().find(|i| same_file(i, output)) {
            bail!("the output file {output} is also an input ({same}); it would be overwritten");
        }
    }
    let sink: Box<dyn Write> = match &args.output {
        Some(path) if path != STDIN => Box::new(
            File::create(path).with_context(|| format!("cannot create output file {path}"))?,
        ),
        _ => Box::new(io::stdout().lock()),
    };
    Ok(BufWriter::with_capacity(1 << 16, sink))
}

/// The longest line read: longer ones cannot hold a text under `max_bytes`, even
/// fully escaped.
pub fn line_limit(max_bytes: usize) -> usize {
    max_bytes.saturating_mul(6).saturating_add(64 * 1024)
}

/// Read the records of `args.inputs` (stdin when none) chunk by chunk: run `work`
/// on every line of a chunk in parallel, on a pool of `args.threads` threads,
/// with a parser built from `options` (layout and size limit set from `args`) and
/// the input it comes from; each result is handed to `sink` in input order as
/// soon as those before it are done. `sink` returns the message of a bad record (reported on
/// stderr with the input's name and line, and counted) or `None`; an error from
/// `sink` ends the run. A chunk is dropped before the next one is read, so memory
/// stays bounded however large the input is.
///
/// Ctrl-C stops the run: lines being worked on finish, the others of the chunk
/// are skipped, the finished ones are handed to `sink`, and no more is read.
pub fn drive<T: Send>(
    args: &RecordArgs,
    options: Options,
    work: impl Fn(&Parser, &RawLine, Input<'_>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<Option<String>>,
) -> Result<Stats> {
    handle_ctrl_c();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("cannot start the parser threads")?;
    let parser = Parser::new(
        options
            .layout(!args.no_layout)
            .repair_encoding(!args.no_repair_encoding)
            .max_input_bytes(args.max_bytes),
    );
    let inputs: Vec<&str> = if args.inputs.is_empty() {
        vec![STDIN]
    } else {
        args.inputs.iter().map(String::as_str).collect()
    };
    let progress = progress_bar(args.quiet, &inputs);
    let line_limit = line_limit(args.max_bytes);
    let chunk_lines = args.chunk_size as usize;
    let chunk_max_bytes = CHUNK_BYTES_PER_THREAD * pool.current_num_threads().max(1);
    let several = inputs.len() > 1;

    let mut stats = Stats::default();
    let mut reported = 0usize;
    'inputs: for &path in &inputs {
        let name = display_name(path);
        let mut reader = match input::open(path) {
            Ok(r) => r,
            Err(e) => {
                progress.suspend(|| report!("nutgraf: error: cannot read {name}: {e}"));
                stats.io_failed = true;
                continue;
            }
        };
        let mut number = 0u64;
        let mut eof = false;
        while !eof {
            // Read one chunk.
            let mut chunk = Vec::with_capacity(chunk_lines.min(4096));
            let mut chunk_bytes = 0usize;
            // Input bytes of this chunk, blank lines and line endings included.
            let mut chunk_consumed = 0u64;
            while chunk.len() < chunk_lines && chunk_bytes < chunk_max_bytes {
                let mut bytes = Vec::new();
                let read = match read_line_capped(&mut reader, &mut bytes, line_limit) {
                    Ok(r) => r,
                    Err(e) => {
                        progress.suspend(|| {
                            report!("nutgraf: error: cannot read {name} after line {number}: {e}");
                        });
                        stats.io_failed = true;
                        eof = true;
                        break;
                    }
                };
                let Some((consumed, too_long)) = read else {
                    eof = true;
                    break;
                };
                number += 1;
                chunk_consumed += consumed as u64;
                if number == 1 {
                    input::strip_bom(&mut bytes);
                }
                if !too_long && bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                chunk_bytes += bytes.len();
                chunk.push(RawLine {
                    number,
                    bytes,
                    too_long,
                });
            }
            // Work on it in parallel and hand each result on in input order
            // as soon as those before it are done, so output is written while
            // the rest of the chunk is parsed and a chunk's output is not held
            // whole. `None`: skipped after Ctrl-C.
            let n = chunk.len();
            let (tx, rx) = std::sync::mpsc::channel::<(usize, Option<(u64, T)>)>();
            let mut failed: Option<anyhow::Error> = None;
            let stop = AtomicBool::new(false);
            pool.in_place_scope(|scope| {
                let (chunk, parser, work, stop) = (&chunk, &parser, &work, &stop);
                scope.spawn(move |_| {
                    chunk.par_iter().enumerate().for_each_with(tx, |tx, (i, raw)| {
                        let cancelled =
                            CANCEL.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed);
                        let done = (!cancelled).then(|| {
                            (raw.number, work(parser, raw, Input { name, several }))
                        });
                        // The receiver only goes away once every result is in.
                        let _ = tx.send((i, done));
                    });
                });
                // Results that came before their turn, by position in the chunk.
                let mut early: Vec<Option<Option<(u64, T)>>> = Vec::new();
                early.resize_with(n, || None);
                let mut next = 0;
                for (i, done) in rx {
                    if let Some(slot) = early.get_mut(i) {
                        *slot = Some(done);
                    }
                    while let Some(done) = early.get_mut(next).and_then(Option::take) {
                        next += 1;
                        if failed.is_some() {
                            continue;
                        }
                        let Some((line, value)) = done else {
                            stats.skipped += 1;
                            continue;
                        };
                        match sink(value) {
                            Err(e) => {
                                // Stop parsing the chunk; the error ends the run.
                                stop.store(true, Ordering::Relaxed);
                                failed = Some(e);
                            }
                            Ok(None) => stats.parsed += 1,
                            Ok(Some(message)) => {
                                stats.errors += 1;
                                reported += 1;
                                if reported <= MAX_STDERR_ERRORS {
                                    progress.suspend(|| {
                                        report!("nutgraf: error: {name}:{line}: {message}");
                                    });
                                } else if reported == MAX_STDERR_ERRORS + 1 {
                                    progress.suspend(|| {
                                        report!(
                                            "nutgraf: more bad records (only the first {MAX_STDERR_ERRORS} are reported here)"
                                        );
                                    });
                                }
                            }
                        }
                    }
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            drop(chunk);
            stats.bytes += chunk_consumed;
            // Count progress once the chunk is handed on, not when it is read.
            progress.inc(chunk_consumed);
            if CANCEL.load(Ordering::Relaxed) {
                stats.interrupted = Some(number);
                break 'inputs;
            }
        }
    }
    progress.finish_and_clear();
    Ok(stats)
}

impl Stats {
    /// Report an interruption and (unless `quiet`) the summary on stderr; the
    /// exit code. `done` says what happened to the records handed on
    /// ("written", "added").
    pub fn finish(&self, done: &str, quiet: bool, elapsed: Duration) -> u8 {
        if let Some(line) = self.interrupted {
            report!(
                "nutgraf: interrupted: {} records {done}, {} read but not parsed; lines after {line} not read",
                self.parsed + self.errors,
                self.skipped,
            );
        }
        if !quiet {
            report!("{}", summary(self, elapsed));
        }
        if self.interrupted.is_some() {
            EXIT_INTERRUPTED
        } else if self.io_failed {
            EXIT_FAILURE
        } else if self.errors > 0 {
            EXIT_BAD_RECORDS
        } else {
            EXIT_OK
        }
    }
}

/// True when both paths name the same existing file.
fn same_file(a: &str, b: &str) -> bool {
    if a == STDIN || b == STDIN {
        return false;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A progress bar on stderr when it is a terminal (sized in bytes when every input
/// is a regular file), else a hidden one.
fn progress_bar(quiet: bool, inputs: &[&str]) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: Option<u64> = inputs.iter().map(|p| input::file_len(p)).sum();
    let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
    let template = if total.is_some() {
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}"
    } else {
        "{spinner} [{elapsed_precise}] {bytes} {bytes_per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The summary line: `parsed 4 records, 1 error, 12.3 MB/s (0.32 s)`.
fn summary(stats: &Stats, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 {
        stats.bytes as f64 / secs / 1e6
    } else {
        0.0
    };
    let plural = |n: u64, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "parsed {}, {}, {rate:.1} MB/s ({secs:.2} s)",
        plural(stats.parsed, "record"),
        plural(stats.errors, "error")
    )
}

/// Read one line (without `\n` or `\r\n`) into `buf`, keeping at most `limit`
/// bytes. Returns `None` at end of input, else the bytes consumed and whether the
/// line was longer than `limit` (then `buf` is left empty and the rest of the line
/// is skipped without being stored).
fn read_line_capped(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<(usize, bool)>> {
    let mut consumed = 0usize;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            if consumed == 0 {
                return Ok(None);
            }
            break;
        }
        let (part, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let n = part.len();
        if !too_long {
            if buf.len() + n > limit.saturating_add(2) {
                too_long = true;
                buf.clear();
                buf.shrink_to_fit();
            } else {
                buf.extend_from_slice(part);
            }
        }
        reader.consume(n);
        consumed += n;
        if done {
            break;
        }
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    if buf.len() > limit {
        too_long = true;
        buf.clear();
    }
    Ok(Some((consumed, too_long)))
}

/// Turn one input line into its output line: a document, or an error record. A
/// panic on the way (a bug) gives an `internal` error record too.
fn process(parser: &Parser, raw: &RawLine, line_limit: usize, input: Option<&str>) -> Outcome {
    let result = parse_record(parser, raw, line_limit).and_then(|(id, doc)| {
        guard::catch(|| {
            let line = format!(r#"{{"id":{},"document":{}}}"#, id, doc.to_json());
            guard::debug_panic(&line);
            line
        })
        .map_err(|panic| RecordError::new(id, "internal", format!("{}: {panic}", guard::INTERNAL)))
    });
    match result {
        Ok(line) => Outcome { line, error: None },
        Err(e) => error_outcome(&e, raw, input),
    }
}

/// The output line of a bad record (`{"id","line","error",["input"]}`), and its
/// message for stderr.
pub fn error_outcome(e: &RecordError, raw: &RawLine, input: Option<&str>) -> Outcome {
    let mut line = format!(
        r#"{{"id":{},"line":{},"error":{{"kind":{},"message":{}}}"#,
        e.id,
        raw.number,
        Value::from(e.kind),
        Value::from(e.message.as_str()),
    );
    if let Some(input) = input {
        let _ = write!(line, r#","input":{}"#, Value::from(input));
    }
    line.push('}');
    Outcome {
        line,
        error: Some(format!("{}: {}", e.kind, e.message)),
    }
}

/// Validate and parse one record line: its id (null when it has none) and its
/// document. A panic on the way (a bug) gives an `internal` error.
pub fn parse_record(
    parser: &Parser,
    raw: &RawLine,
    line_limit: usize,
) -> Result<(Value, Document), RecordError> {
    guard::catch(|| record(parser, raw, line_limit)).unwrap_or_else(|panic| {
        Err(RecordError::new(
            id_of(&raw.bytes),
            "internal",
            format!("{}: {panic}", guard::INTERNAL),
        ))
    })
}

/// The kind of a bad record for a core error, as error records name it.
pub fn error_kind(e: &nutgraf::Error) -> &'static str {
    match e.kind() {
        ErrorKind::InputTooLarge { .. } => "input_too_large",
        ErrorKind::InvalidDate { .. } => "invalid_date",
        ErrorKind::Internal { .. } => "internal",
        ErrorKind::DuplicateId { .. } => "duplicate_id",
        _ => "parse_error",
    }
}

/// Validate and parse one record.
fn record(
    parser: &Parser,
    raw: &RawLine,
    line_limit: usize,
) -> Result<(Value, Document), RecordError> {
    if raw.too_long {
        return Err(RecordError::new(
            Value::Null,
            "input_too_large",
            format!("line is over {line_limit} bytes, too long for a text under --max-bytes"),
        ));
    }
    if let Err(e) = std::str::from_utf8(&raw.bytes) {
        return Err(RecordError::new(
            Value::Null,
            "invalid_utf8",
            format!("line is not valid UTF-8 (at byte {})", e.valid_up_to()),
        ));
    }
    let value: Value = serde_json::from_slice(&raw.bytes)
        .map_err(|e| RecordError::new(Value::Null, "invalid_json", format!("not JSON: {e}")))?;
    let Value::Object(mut map) = value else {
        return Err(RecordError::new(
            Value::Null,
            "invalid_record",
            format!("expected a JSON object, found {}", type_name(&value)),
        ));
    };
    let id = match map.remove("id") {
        None => Value::Null,
        Some(v @ (Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_))) => v,
        Some(other) => {
            return Err(RecordError::new(
                Value::Null,
                "wrong_type",
                format!(
                    "\"id\" must be a string, number, boolean or null, found {}",
                    type_name(&other)
                ),
            ))
        }
    };
    let wrong = |key: &str, want: &str, found: &Value| {
        RecordError::new(
            id.clone(),
            "wrong_type",
            format!("\"{key}\" must be {want}, found {}", type_name(found)),
        )
    };
    // A page's HTML may come instead of its text (`Parser::parse_html`).
    let (text, html) = match (map.get("text"), map.get("html")) {
        (Some(_), Some(_)) => {
            return Err(RecordError::new(
                id,
                "invalid_record",
                "give \"text\" or \"html\", not both",
            ))
        }
        (None, None) => return Err(RecordError::new(id, "missing_field", "no \"text\" key")),
        (Some(Value::String(s)), None) => (s.as_str(), false),
        (None, Some(Value::String(s))) => (s.as_str(), true),
        (Some(other), None) => return Err(wrong("text", "a string", other)),
        (None, Some(other)) => return Err(wrong("html", "a string", other)),
    };
    let mut meta = Meta::new();
    match map.get("published") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => match nutgraf::parse_date(s) {
            Ok(d) => meta = meta.with_published(d),
            Err(e) => return Err(RecordError::new(id, "invalid_date", e.to_string())),
        },
        Some(other) => return Err(wrong("published", "a YYYY-MM-DD string or null", other)),
    }
    match map.get("url") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => meta = meta.with_url(s.clone()),
        Some(other) => return Err(wrong("url", "a string or null", other)),
    }
    match map.get("source") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => meta = meta.with_source(s.clone()),
        Some(other) => return Err(wrong("source", "a string or null", other)),
    }
    let parsed = if html {
        parser.parse_html(text, &meta)
    } else {
        parser.parse(text, &meta)
    };
    match parsed {
        Ok(doc) => Ok((id, doc)),
        Err(e) => Err(RecordError::new(id, error_kind(&e), e.to_string())),
    }
}

/// The `id` of a record line, when it has a readable one (for error records
/// written after a panic, when `record` gave nothing back).
fn id_of(bytes: &[u8]) -> Value {
    guard::catch(|| match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(mut map)) => match map.remove("id") {
            Some(v @ (Value::Bool(_) | Value::Number(_) | Value::String(_))) => v,
            _ => Value::Null,
        },
        _ => Value::Null,
    })
    .unwrap_or(Value::Null)
}

/// The JSON type of a value, for messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], limit: usize) -> Vec<(String, usize, bool)> {
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut out = Vec::new();
        loop {
            let mut buf = Vec::new();
            match read_line_capped(&mut reader, &mut buf, limit).unwrap() {
                None => return out,
                Some((n, long)) => out.push((String::from_utf8(buf).unwrap(), n, long)),
            }
        }
    }

    #[test]
    fn capped_lines_skip_long_ones_and_strip_endings() {
        let got = lines(b"ab\r\nthis is long\n\nlast", 5);
        assert_eq!(
            got,
            vec![
                ("ab".into(), 4, false),
                (String::new(), 13, true),
                (String::new(), 1, false),
                ("last".into(), 4, false),
            ]
        );
        assert!(lines(b"", 5).is_empty());
    }

    #[test]
    fn threads_are_bounded() {
        assert_eq!(parse_threads("0"), Ok(0));
        assert_eq!(parse_threads("1024"), Ok(MAX_THREADS));
        assert!(parse_threads("1025")
            .unwrap_err()
            .contains("over the limit of 1024"));
        assert!(parse_threads("-1").is_err());
        assert!(parse_threads("99999999999999999999999").is_err());
    }

    #[test]
    fn summary_pluralizes() {
        let stats = Stats {
            parsed: 4,
            errors: 1,
            ..Stats::default()
        };
        assert!(summary(&stats, Duration::from_secs(1))
            .starts_with("parsed 4 records, 1 error, 0.0 MB/s"));
    }
}
