//! `nutgraf batch --arrow DIR`: the documents as Arrow tables, one Arrow IPC
//! stream file per table (`DIR/documents.arrows`, `DIR/words.arrows`...; the
//! columns are those of `docs/tables.md`, built by `nutgraf-arrow`).
//!
//! Records are read, parsed and handed on as `batch` does; every
//! `--chunk-size` documents become one record batch of each table, written
//! at once, so memory stays bounded. The stream format (not the file format)
//! lets each batch carry its own dictionaries. A document's `doc_id` is its
//! record's `id` (a string as is, a number or boolean as JSON writes it), or
//! for a record without one its position among the documents written (`"0"`,
//! `"1"`...). Bad records go to the output (`--output` or stdout) as `batch`'s
//! error lines; nothing else does.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use arrow_ipc::writer::StreamWriter;
use nutgraf::{Document, Options};
use nutgraf_arrow::{Table, TablesBuilder};
use serde_json::Value;

use crate::batch::{self, error_outcome, BatchArgs, Outcome};

/// One stream writer per table, in [`Table::ALL`] order.
struct Writers {
    writers: Vec<StreamWriter<BufWriter<File>>>,
    dir: String,
}

impl Writers {
    fn create(dir: &Path) -> Result<Writers> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        let writers = Table::ALL
            .iter()
            .map(|t| {
                let path = dir.join(format!("{}.arrows", t.name()));
                let file = File::create(&path)
                    .with_context(|| format!("cannot create {}", path.display()))?;
                StreamWriter::try_new(BufWriter::with_capacity(1 << 16, file), &t.schema())
                    .with_context(|| format!("cannot write {}", path.display()))
            })
            .collect::<Result<_>>()?;
        Ok(Writers {
            writers,
            dir: dir.display().to_string(),
        })
    }

    /// Writes the batches of `tables` (empty: nothing).
    fn write(&mut self, tables: TablesBuilder) -> Result<()> {
        if tables.is_empty() {
            return Ok(());
        }
        for ((table, batches), w) in tables.finish().into_batches().zip(&mut self.writers) {
            for batch in &batches {
                w.write(batch)
                    .with_context(|| format!("cannot write {}/{table}.arrows", self.dir))?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        for (w, table) in self.writers.into_iter().zip(Table::ALL) {
            let context = || format!("cannot write {}/{table}.arrows", self.dir);
            let mut w = w.into_inner().with_context(context)?;
            w.flush().with_context(context)?;
        }
        Ok(())
    }
}

/// The `doc_id` of a record's id: a string as is, other values as JSON writes
/// them; `None` for null.
fn doc_id(id: &Value) -> Option<String> {
    match id {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Run `nutgraf batch --arrow DIR`; returns the exit code.
pub fn run(args: &BatchArgs, dir: &Path) -> Result<u8> {
    let start = Instant::now();
    let mut out = batch::open_output(&args.records)?;
    let mut writers = Writers::create(dir)?;
    let line_limit = batch::line_limit(args.records.max_bytes);
    let per_batch = args.records.chunk_size as usize;
    let mut tables = TablesBuilder::new();
    let mut written = 0usize;
    let stats = batch::drive(
        &args.records,
        Options::new().syntax(args.words),
        |parser, raw, input| -> Result<(Value, Document), Outcome> {
            batch::parse_record(parser, raw, line_limit)
                .map_err(|e| error_outcome(&e, raw, input.several.then_some(input.name)))
        },
        |result| match result {
            Ok((id, doc)) => {
                match doc_id(&id) {
                    Some(id) => tables.push(&id, &doc),
                    None => tables.push(&written.to_string(), &doc),
                }
                written += 1;
                if tables.len() >= per_batch {
                    writers.write(std::mem::take(&mut tables))?;
                }
                Ok(None)
            }
            Err(outcome) => {
                out.write_all(outcome.line.as_bytes())
                    .and_then(|()| out.write_all(b"\n"))
                    .context("cannot write the output")?;
                Ok(outcome.error)
            }
        },
    )?;
    writers.write(tables)?;
    writers.finish()?;
    out.flush().context("cannot write the output")?;
    Ok(stats.finish("written", args.records.quiet, start.elapsed()))
}
