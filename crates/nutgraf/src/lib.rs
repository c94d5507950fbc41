//! # nutgraf
//!
//! Turn raw news text into typed, verifiable facts.
//!
//! nutgraf takes the text of a news article as it comes out of a scraper — page
//! furniture, captions, credits, bylines and all — and gives back a [`Document`]:
//! the article's layout (title, subtitle, byline, dateline, headings, paragraphs,
//! captions, credits and the boilerplate it left out, with the reason), the
//! language of each block, and its sentences. Every span is a byte range into the
//! **original** input, even where the text was repaired (entities decoded, odd
//! spaces and invisible characters normalized, spaces put back between words a
//! lossy extraction glued together: "Anthony Blinkenasked" reads "Anthony Blinken
//! asked", and the name's span ends where "Blinken" ends in the input).
//!
//! ## Usage
//!
//! ```
//! use nutgraf::{Meta, Parser, Options, BlockKind};
//!
//! let text = "Putin visits China\n\nBy Jane Doe\n\nRussian President Vladimir Putin \
//!             arrived in Beijing on Tuesday. He met Xi Jinping.\n\nLeave a Comment";
//! let meta = Meta::new().with_published_str("2023-10-17")?;
//! let doc = Parser::new(Options::new()).parse(text, &meta)?;
//!
//! assert_eq!(doc.title.as_deref(), Some("Putin visits China"));
//! assert_eq!(doc.authors[0].name, "Jane Doe");
//! assert!(doc.body.starts_with("Russian President"));
//! let last = doc.blocks.last().unwrap();
//! assert_eq!(last.kind, BlockKind::Boilerplate);
//! for s in &doc.sentences {
//!     assert!(doc.slice(s.span).len() > 0); // spans slice the original text
//! }
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! ## Pipeline
//!
//! input → [`text`] (normalized text + offset map, glued words repaired) → `layout` (blocks) →
//! `segment` (sentences, tokens) → [`syntax`] (part of speech, lemma, head and
//! relation of every word, with [`Options::syntax`]; off by default) → entities,
//! times, quantities → quotes, attributions, events → [`Document`]. Each stage
//! reads the ones before it. The stages after `segment` read English: the
//! sentences of a block surely in another language (a caption or a statement
//! quoted in French, a whole article in German) stay sentences of the document
//! but give no words, entities, times, quantities or events.
//!
//! ## Saving and reading back
//!
//! [`Document::to_bytes`] writes a compact, versioned binary form of every field
//! (about a quarter of the JSON's size), [`Document::from_bytes`] reads it back into
//! an `==` document; [`Document::to_json`] writes the JSON contract
//! (`docs/contract.md`) and [`Document::from_json`] reads it back (code points back
//! to bytes; equal but for the Rust-only [`Document::mentions`] that joined no
//! entity). Python's `pickle` uses the binary form.
//!
//! ```
//! let doc = nutgraf::parse("Putin visits China\n\nHe met Xi Jinping.", &nutgraf::Meta::new())?;
//! assert_eq!(nutgraf::Document::from_bytes(&doc.to_bytes())?, doc);
//! assert_eq!(nutgraf::Document::from_json(&doc.to_json())?, doc);
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! ## Tables
//!
//! The `nutgraf-arrow` crate (in this workspace) turns many documents into
//! Apache Arrow record batches, one table per layer (`documents`, `blocks`,
//! `sentences`, `words`, `entities`, `mentions`, `times`, `quantities`,
//! `quotes`, `attributions`, `events`, `event_participants`, `repairs`), keyed
//! by a document id, offsets in code points as in the JSON contract; the
//! columns are listed in `docs/tables.md`. It is a crate of its own so that
//! this one keeps no Arrow dependency and its version does not follow
//! arrow-rs's. Python's `nutgraf.to_arrow`, `to_pandas` and `to_polars` use it.
//!
//! ## Performance
//!
//! Lexicons and patterns are compiled once per process. [`Parser::parse_many`]
//! runs documents in parallel with rayon ([`Parser::parse_batch_cancellable`]
//! mixes text and web pages, and stops early when asked). Time and memory are linear in the input
//! size whatever it holds: the extractors read a sentence longer than
//! [`Options::max_sentence_tokens`] tokens (a table, a tag list, text without full
//! stops) in windows of at most that many, and document-level steps use maps and
//! binary searches. [`Document::write_json`] streams the JSON contract.
//!
//! ## Untrusted input
//!
//! Any `&str` is accepted; inputs over [`Options::max_input_bytes`] (16 MiB by
//! default) get [`ErrorKind::InputTooLarge`] instead of being processed. No slice at
//! a computed byte offset can cut a character (`clippy::string_slice` is denied),
//! and a bug met on one input is caught and returned as [`ErrorKind::Internal`] for
//! that input alone, never unwound into the caller. Property tests, a seeded fuzz
//! run on every test run and cargo-fuzz targets (`fuzz/`) check it. Bytes and
//! JSON read back as documents are not trusted either: [`Document::from_bytes`]
//! and [`Document::from_json`] check every span and index of what they read, keep
//! memory within a fixed multiple of the input's size, and report any fault as
//! [`ErrorKind::InvalidDocument`]. Dates the
//! calendar does not have are not reported as values, and numbers inside URLs,
//! e-mail addresses and paths are not quantities.

#![deny(missing_docs)]
// Slicing a `str` at a computed byte offset panics inside a multi-byte
// character: use `str::get`, byte comparisons or the helpers in `span`.
#![deny(clippy::string_slice)]

mod binary;
mod codec;
pub mod corpus;
mod document;
pub mod entities;
mod error;
pub mod event;
mod html;
mod json;
mod json_read;
mod lang;
mod layout;
mod lexicon;
mod meta;
mod options;
mod parser;
pub mod quantity;
pub mod quote;
pub mod segment;
mod span;
pub mod syntax;
pub mod text;
pub mod time;
mod view;

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use corpus::{Corpus, CorpusOptions};
pub use document::{
    Author, Block, BlockKind, BoilerplateReason, Dateline, Document, PublishedFrom, Sentence, Word,
    SCHEMA_VERSION,
};
pub use entities::{Entity, EntityLabel, Mention, Role};
pub use error::{Error, ErrorKind, Result};
pub use event::{Event, EventType, Modality, Participant, Polarity};
pub use html::{parse_html, PageMeta};
pub use jiff::civil::Date;
pub use lang::detect as detect_language;
pub use meta::{parse_date, Meta};
pub use options::{Options, DEFAULT_MAX_INPUT_BYTES, DEFAULT_MAX_SENTENCE_TOKENS};
pub use parser::{parse, Format, Parser, MAX_THREADS};
pub use quantity::{parse_quantity, Bound, Quantity, QuantityKind};
pub use quote::{Attribution, AttributionKind, Quote, QuoteKind, Speaker};
pub use span::{CharOffsets, Span};
pub use text::{repair, Repair, RepairKind, Repaired};
pub use time::{parse_time, TimeExpression, TimexType};
