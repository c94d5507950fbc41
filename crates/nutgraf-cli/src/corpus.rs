//! `nutgraf corpus`: JSON Lines records in, one report on the whole corpus out.
//!
//! Records are read and parsed exactly as `batch` reads them
//! ([`batch::drive`]: in chunks, in parallel, in bounded memory), then added to a
//! [`Corpus`] in input order. A bad record (every kind `batch` writes an error
//! record for, and `duplicate_id` for an id already added) is reported on stderr
//! with its input and line, and skipped. The corpus keeps no documents, so memory
//! grows with the corpus's entities and stories, not with the texts.
//!
//! At the end one JSON object is written, keys in this order:
//!
//! ```text
//! {"documents": 5,
//!  "stories": [{"index": 0, "title": "...", "start": "2023-10-12", "end": "2023-10-17",
//!               "ids": ["000", "001"], "entities": ["Vladimir Putin", "Beijing"],
//!               "merges": [{"id": "001", "similarity": 0.52,
//!                           "cosines": {"words": 0.41, "people": 0.8, "places": 0.33, "figures": 0.0},
//!                           "shared_names": ["Vladimir Putin"], "shared_words": ["forum"],
//!                           "reason": "similarity 0.52 (...); shares ..."}]}],
//!  "duplicates": [{"a": "000", "b": "005", "similarity": 1.0}],
//!  "conflicts": [{"kind": "magnitude", "reason": "trade of ...",
//!                 "claims": [{"doc": "003", "start": 1571, "end": 1583, "text": "$240 billion",
//!                             "measure": "trade", "subjects": ["China", "Russia"], "period": "2023",
//!                             "value": 240000000000.0, "value_max": null, "unit": "USD",
//!                             "approximate": false}, ...]}],
//!  "entities": [{"id": 0, "name": "Vladimir Putin", "label": "PERSON",
//!                "aliases": ["Putin", "Vladimir Putin"], "docs": ["000", "001"],
//!                "mentions": [{"doc": "000", "start": 0, "end": 14, "text": "Vladimir Putin", "kind": "name"}]}]}
//! ```
//!
//! Documents are named by their records' ids, as given (a string, number or
//! boolean); a record without an id (or with a null one) is named by where it is,
//! `"<input>:<line>"` (`"<stdin>:3"`, `"news.jsonl:17"`). Ids are compared as
//! strings: `1` and `"1"` are the same id, and the second is a `duplicate_id`. Mention offsets are
//! characters (code points) into the record's `text`; dates are `YYYY-MM-DD`.
//! Only entities named in at least `--min-docs` documents are listed (default 2:
//! the entities documents share); an entity's `id` is its position in the full
//! list, so ids have gaps when some are left out.

use std::io::Write;
use std::time::Instant;

use anyhow::{anyhow, bail, Context, Result};
use clap::Args;
use nutgraf::corpus::{Corpus, CorpusOptions, DuplicateOptions, StoryOptions};
use nutgraf::{Date, Options};
use serde::Serialize;
use serde_json::Value;

use crate::batch::{self, RecordArgs};
use crate::guard;

/// Arguments of `nutgraf corpus`.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    #[command(flatten)]
    pub records: RecordArgs,

    /// List only the entities named in at least N documents (1 lists them all).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_docs: usize,

    /// Give each story its timeline: its events in time order, each with the
    /// sentences that report it.
    #[arg(long)]
    pub timelines: bool,

    /// The similarity (0 to 1) a document needs to join a story.
    #[arg(long, value_name = "X", default_value_t = StoryOptions::new().threshold, value_parser = unit)]
    pub story_threshold: f32,

    /// How many days outside a dated story's dates a dated document may be.
    #[arg(long, value_name = "DAYS", default_value_t = StoryOptions::new().max_gap_days, value_parser = clap::value_parser!(i64).range(0..))]
    pub max_gap_days: i64,

    /// When a story is re-checked, it is split in two parts whose pairs of
    /// documents have a mean similarity below X (0 never splits).
    #[arg(long, value_name = "X", default_value_t = StoryOptions::new().split_threshold, value_parser = unit)]
    pub split_threshold: f32,

    /// When a story is re-checked, it joins another whose pairs of documents
    /// with its own have a mean similarity of X or more.
    #[arg(long, value_name = "X", default_value_t = StoryOptions::new().merge_threshold, value_parser = unit)]
    pub merge_threshold: f32,

    /// When a story is re-checked, two groups of its documents are two
    /// stories when, with the terms all its documents share counting for
    /// nothing, their pairs across have a mean similarity below X times that
    /// within each group (0 never splits this way).
    #[arg(long, value_name = "X", default_value_t = StoryOptions::new().contrast, value_parser = unit)]
    pub contrast: f32,

    /// The body similarity (above 0, at most 1) from which two documents are
    /// near-duplicates.
    #[arg(long, value_name = "X", default_value_t = DuplicateOptions::new().get_threshold(), value_parser = positive_unit)]
    pub duplicate_threshold: f64,

    /// How many of the latest documents the duplicate index remembers
    /// (default: all).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub keep: Option<u64>,
}

impl CorpusArgs {
    /// The corpus options the flags give.
    fn options(&self) -> CorpusOptions {
        let mut options = CorpusOptions::new();
        options.stories.threshold = self.story_threshold;
        options.stories.max_gap_days = self.max_gap_days;
        options.stories.split_threshold = self.split_threshold;
        options.stories.merge_threshold = self.merge_threshold;
        options.stories.contrast = self.contrast;
        options.duplicates = options.duplicates.threshold(self.duplicate_threshold);
        if let Some(keep) = self.keep {
            options.duplicates = options
                .duplicates
                .keep(usize::try_from(keep).unwrap_or(usize::MAX));
        }
        options
    }
}

/// A number from 0 to 1.
fn unit(s: &str) -> std::result::Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number from 0 to 1")),
    }
}

/// A number above 0 and at most 1.
fn positive_unit(s: &str) -> std::result::Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 1.0 => Ok(x),
        _ => Err(format!("`{s}` is not a number above 0 and at most 1")),
    }
}

/// Run `nutgraf corpus`; returns the exit code, or an error for output failures.
pub fn run(args: &CorpusArgs) -> Result<u8> {
    let start = Instant::now();
    let mut out = batch::open_output(&args.records)?;
    let line_limit = batch::line_limit(args.records.max_bytes);
    let mut corpus = Corpus::with_options(args.options());
    // The id of each document as the output shows it, by index.
    let mut shown: Vec<Value> = Vec::new();
    let stats = batch::drive(
        &args.records,
        Options::new(),
        |parser, raw, input| {
            let place = format!("{}:{}", input.name, raw.number());
            (place, batch::parse_record(parser, raw, line_limit))
        },
        |(place, parsed)| {
            let (id, doc) = match parsed {
                Ok(record) => record,
                Err(e) => return Ok(Some(format!("{}: {}", e.kind, e.message))),
            };
            let (key, id) = match id {
                Value::Null => (place.clone(), Value::from(place)),
                Value::String(s) => (s.clone(), Value::from(s)),
                other => (other.to_string(), other),
            };
            match guard::catch(|| corpus.add(key, &doc)) {
                Ok(Ok(_)) => {
                    shown.push(id);
                    Ok(None)
                }
                Ok(Err(e)) => Ok(Some(format!("{}: {e}", batch::error_kind(&e)))),
                // The corpus may be half-updated: no report can be trusted.
                Err(panic) => bail!("{}: {panic}", guard::INTERNAL),
            }
        },
    )?;
    let report = guard::catch(|| Report::new(&corpus, &shown, args.min_docs, args.timelines))
        .map_err(|panic| anyhow!("{}: {panic}", guard::INTERNAL))?;
    serde_json::to_writer(&mut out, &report)
        .map_err(anyhow::Error::from)
        .and_then(|()| Ok(out.write_all(b"\n")?))
        .and_then(|()| Ok(out.flush()?))
        .context("cannot write the output")?;
    Ok(stats.finish("added", args.records.quiet, start.elapsed()))
}

/// The output object.
#[derive(Serialize)]
struct Report {
    documents: usize,
    stories: Vec<StoryOut>,
    duplicates: Vec<DuplicateOut>,
    entities: Vec<EntityOut>,
    conflicts: Vec<ConflictOut>,
}

#[derive(Serialize)]
struct ConflictOut {
    kind: &'static str,
    reason: String,
    claims: Vec<ClaimOut>,
}

#[derive(Serialize)]
struct ClaimOut {
    kind: &'static str,
    doc: Value,
    start: usize,
    end: usize,
    text: String,
    measure: String,
    subjects: Vec<String>,
    period: Option<String>,
    value: f64,
    value_max: Option<f64>,
    unit: Option<String>,
    approximate: bool,
    bounded: bool,
    context: Vec<String>,
}

#[derive(Serialize)]
struct StoryOut {
    index: usize,
    title: Option<String>,
    start: Option<String>,
    end: Option<String>,
    ids: Vec<Value>,
    entities: Vec<String>,
    merges: Vec<MergeOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeline: Option<Vec<TimelineOut>>,
}

#[derive(Serialize)]
struct TimelineOut {
    #[serde(rename = "type")]
    kind: &'static str,
    time: Option<String>,
    actors: Vec<String>,
    targets: Vec<String>,
    place: Option<String>,
    modality: &'static str,
    sources: Vec<SourceOut>,
}

#[derive(Serialize)]
struct SourceOut {
    doc: Value,
    start: usize,
    end: usize,
    trigger: String,
}

#[derive(Serialize)]
struct MergeOut {
    id: Value,
    similarity: f64,
    cosines: Cosines,
    shared_names: Vec<String>,
    shared_words: Vec<String>,
    copy_of: Option<Value>,
    reason: String,
}

#[derive(Serialize)]
struct Cosines {
    words: f64,
    people: f64,
    places: f64,
    figures: f64,
}

#[derive(Serialize)]
struct DuplicateOut {
    a: Value,
    b: Value,
    similarity: f64,
}

#[derive(Serialize)]
struct EntityOut {
    id: usize,
    name: String,
    label: &'static str,
    aliases: Vec<String>,
    docs: Vec<Value>,
    mentions: Vec<MentionOut>,
}

#[derive(Serialize)]
struct MentionOut {
    doc: Value,
    start: usize,
    end: usize,
    text: String,
    kind: &'static str,
}

impl Report {
    /// The report on `corpus`, documents named by `ids` (by index), entities
    /// named in fewer than `min_docs` documents left out, each story with its
    /// timeline if `timelines`.
    fn new(corpus: &Corpus, ids: &[Value], min_docs: usize, timelines: bool) -> Report {
        let id = |index: usize| ids.get(index).cloned().unwrap_or(Value::Null);
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        Report {
            documents: corpus.len(),
            stories: corpus
                .stories()
                .into_iter()
                .map(|s| StoryOut {
                    index: s.index,
                    start: date(s.start),
                    end: date(s.end),
                    ids: s.docs.iter().map(|&d| id(d)).collect(),
                    merges: s
                        .merges
                        .iter()
                        .map(|m| {
                            let [words, people, places, figures] = m.cosines;
                            MergeOut {
                                id: id(m.doc),
                                similarity: m.similarity,
                                cosines: Cosines {
                                    words,
                                    people,
                                    places,
                                    figures,
                                },
                                reason: m.reason(),
                                shared_names: m.shared_names.clone(),
                                shared_words: m.shared_words.clone(),
                                copy_of: m.copy_of.map(id),
                            }
                        })
                        .collect(),
                    timeline: timelines.then(|| {
                        corpus
                            .timeline(s.index)
                            .into_iter()
                            .map(|t| TimelineOut {
                                kind: t.kind.as_str(),
                                time: t.time,
                                actors: t.actors,
                                targets: t.targets,
                                place: t.place,
                                modality: t.modality.as_str(),
                                sources: t
                                    .sources
                                    .into_iter()
                                    .map(|src| SourceOut {
                                        doc: id(src.doc),
                                        start: src.chars.0,
                                        end: src.chars.1,
                                        trigger: src.trigger,
                                    })
                                    .collect(),
                            })
                            .collect()
                    }),
                    title: s.title,
                    entities: s.entities,
                })
                .collect(),
            duplicates: corpus
                .duplicates()
                .iter()
                .map(|d| DuplicateOut {
                    a: id(d.a),
                    b: id(d.b),
                    similarity: d.similarity,
                })
                .collect(),
            entities: corpus
                .entities()
                .into_iter()
                .filter(|e| e.docs().count() >= min_docs)
                .map(|e| EntityOut {
                    id: e.id,
                    label: e.label.as_str(),
                    docs: e.docs().map(id).collect(),
                    mentions: e
                        .mentions
                        .into_iter()
                        .map(|m| MentionOut {
                            doc: id(m.doc),
                            start: m.chars.0,
                            end: m.chars.1,
                            text: m.text,
                            kind: m.kind.as_str(),
                        })
                        .collect(),
                    name: e.name,
                    aliases: e.aliases,
                })
                .collect(),
            conflicts: corpus
                .conflicts()
                .iter()
                .map(|k| ConflictOut {
                    kind: k.kind.as_str(),
                    reason: k.reason.clone(),
                    claims: k
                        .claims
                        .iter()
                        .map(|c| ClaimOut {
                            kind: c.kind.as_str(),
                            doc: id(c.doc),
                            start: c.chars.0,
                            end: c.chars.1,
                            text: c.text.clone(),
                            measure: c.measure.clone(),
                            subjects: c.subjects.clone(),
                            period: c.period.clone(),
                            value: c.value,
                            value_max: c.value_max,
                            unit: c.unit.clone(),
                            approximate: c.approximate,
                            bounded: c.bounded,
                            context: c.context.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
