//! # nutgraf-arrow
//!
//! [`nutgraf`] documents as [Apache Arrow](https://arrow.apache.org/) tables,
//! for pandas, Polars, `DuckDB`, Spark and the rest of the columnar world.
//!
//! Many documents go in; one table per layer comes out — `documents`, `blocks`,
//! `sentences`, `words`, `entities`, `mentions`, `times`, `quantities`, `quotes`,
//! `attributions`, `events`, `event_participants`, `repairs` ([`Table`]) — each a
//! list of [`RecordBatch`]es (one, unless the strings of a column pass
//! [`DEFAULT_MAX_CHUNK_BYTES`]) with one row per item, keyed by the
//! document's id (`doc_id`, a string: yours, or the document's position
//! `"0"`, `"1"`...) and the item's index in its document (`block`, `sentence`,
//! `entity`...), which the other tables use to refer to it.
//!
//! Every column, its Arrow type, nullability and meaning is listed in
//! `docs/tables.md`; the layout follows the JSON contract (`docs/contract.md`),
//! flattened: offsets (`start`, `end`) are **code points** into the document's
//! `text` (Python string indices), as in the contract, and every span comes with
//! its `text`. Sub-objects become prefixed columns (a quote's `cue_start`,
//! `cue_end`, `cue_text`), lists that have a natural row of their own become
//! tables (an entity's mentions, an event's actors and targets), the others stay
//! nested (an entity's `aliases` and `roles`, a quote's `parts`). Labels and
//! kinds are dictionary-encoded (`dictionary<int16, utf8>`, a pandas
//! `Categorical`). Each batch's schema carries the [`SCHEMA_VERSION`] of the
//! tables under [`SCHEMA_VERSION_KEY`], and the table's name under
//! [`TABLE_KEY`].
//!
//! ## Usage
//!
//! ```
//! use nutgraf::{Meta, Options, Parser};
//! use nutgraf_arrow::{Table, TablesBuilder};
//!
//! let parser = Parser::new(Options::new().syntax(true));
//! let a = parser.parse("Putin visits China\n\nHe met Xi Jinping on Tuesday.", &Meta::new())?;
//! let b = parser.parse("Talks postponed\n\nThe talks were postponed, officials said.", &Meta::new())?;
//!
//! let mut tables = TablesBuilder::new();
//! tables.push("a", &a);
//! tables.push("b", &b);
//! let tables = tables.finish();
//!
//! assert_eq!(tables.num_rows(Table::Documents), 2);
//! assert_eq!(tables.num_rows(Table::Sentences), a.sentences.len() + b.sentences.len());
//! let words = &tables.batches(Table::Words)[0];
//! assert_eq!(words.num_rows(), a.words.len() + b.words.len());
//! assert_eq!(words.schema().metadata()["nutgraf.table"], "words");
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! [`to_tables`] does the same for documents without ids of their own (their
//! positions are the ids). To write the tables to files, hand the batches to
//! `arrow-ipc`'s or `parquet`'s writers; the Python package's
//! `nutgraf.to_arrow` hands them to pyarrow, Polars or pandas without a copy
//! (the Arrow C stream interface).
//!
//! ## Performance
//!
//! One pass over each document's lists: each value is appended to its column
//! (strings copied into the column's buffer, labels looked up in small
//! dictionaries), offsets converted with one [`nutgraf::CharOffsets`] index per
//! document. Time and memory are linear in the documents' size; nothing is
//! allocated per row beyond the columns' buffers. On news articles building the
//! tables costs a few percent of parsing them (see `benches/tables.rs`).
//!
//! ## Versions
//!
//! The tables follow their own [`SCHEMA_VERSION`]: later versions only add
//! columns and tables; a change to an existing column bumps it. This crate
//! follows arrow-rs's major versions (its types are part of the API), which is
//! why it is a crate of its own rather than a feature of `nutgraf`.

#![deny(missing_docs)]

mod build;
mod schema;

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use nutgraf::Document;

use crate::build::{builders, finish, Build, Cx};

/// Version of the tables' schema (`docs/tables.md`), stored in each batch's
/// schema metadata under [`SCHEMA_VERSION_KEY`].
pub const SCHEMA_VERSION: u32 = 1;

/// The schema metadata key of [`SCHEMA_VERSION`] (its value is the version in
/// decimal, `"1"`).
pub const SCHEMA_VERSION_KEY: &str = "nutgraf.tables.schema_version";

/// The schema metadata key of the table's name ([`Table::name`]).
pub const TABLE_KEY: &str = "nutgraf.table";

/// Bytes of string data a column of one batch may hold before the builder
/// starts the next batch: 1 GiB, half of what the 32-bit offsets of Arrow's
/// `utf8` reach, so that the document that passes it still fits.
pub const DEFAULT_MAX_CHUNK_BYTES: usize = 1 << 30;

/// The tables, in the order of [`Table::ALL`]. See `docs/tables.md` for their
/// columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Table {
    /// One row per document: title, authors, dates, dateline, text, body...
    Documents,
    /// One row per layout block.
    Blocks,
    /// One row per sentence.
    Sentences,
    /// One row per word with its syntax (documents parsed with syntax).
    Words,
    /// One row per entity: label, name, aliases, roles.
    Entities,
    /// One row per name, reference or pronoun of an entity.
    Mentions,
    /// One row per time expression.
    Times,
    /// One row per quantity.
    Quantities,
    /// One row per quote.
    Quotes,
    /// One row per attribution of a fact to a source.
    Attributions,
    /// One row per event.
    Events,
    /// One row per actor or target of an event.
    EventParticipants,
    /// One row per repair of the input (mojibake, entities, glued words...).
    Repairs,
}

impl Table {
    /// Every table, in the order the builders and `docs/tables.md` list them.
    pub const ALL: [Table; 13] = [
        Table::Documents,
        Table::Blocks,
        Table::Sentences,
        Table::Words,
        Table::Entities,
        Table::Mentions,
        Table::Times,
        Table::Quantities,
        Table::Quotes,
        Table::Attributions,
        Table::Events,
        Table::EventParticipants,
        Table::Repairs,
    ];

    /// The table's name: `"documents"`, `"event_participants"`...
    pub const fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Blocks => "blocks",
            Table::Sentences => "sentences",
            Table::Words => "words",
            Table::Entities => "entities",
            Table::Mentions => "mentions",
            Table::Times => "times",
            Table::Quantities => "quantities",
            Table::Quotes => "quotes",
            Table::Attributions => "attributions",
            Table::Events => "events",
            Table::EventParticipants => "event_participants",
            Table::Repairs => "repairs",
        }
    }

    /// The table named `name` ([`Table::name`]).
    pub fn from_name(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The table's schema, with [`SCHEMA_VERSION_KEY`] and [`TABLE_KEY`] in its
    /// metadata; every batch of the table has it.
    pub fn schema(self) -> SchemaRef {
        schema::schema(self)
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The tables of many documents: for each [`Table`], its record batches.
#[derive(Debug, Clone)]
pub struct Tables {
    /// The batches of each table, in [`Table::ALL`] order.
    batches: Vec<Vec<RecordBatch>>,
}

impl Tables {
    /// The batches of `table`: one, unless a string column passed the
    /// builder's [`max_chunk_bytes`](TablesBuilder::max_chunk_bytes) (then
    /// every table has the same number of batches, holding the same documents).
    pub fn batches(&self, table: Table) -> &[RecordBatch] {
        &self.batches[table as usize]
    }

    /// The rows of `table`, in all its batches.
    pub fn num_rows(&self, table: Table) -> usize {
        self.batches(table).iter().map(RecordBatch::num_rows).sum()
    }

    /// Each table with its batches, in [`Table::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Table, &[RecordBatch])> + '_ {
        Table::ALL
            .into_iter()
            .zip(self.batches.iter().map(Vec::as_slice))
    }

    /// Each table with its batches, in [`Table::ALL`] order, by value.
    pub fn into_batches(self) -> impl Iterator<Item = (Table, Vec<RecordBatch>)> {
        Table::ALL.into_iter().zip(self.batches)
    }
}

/// Builds the [`Tables`] of documents added one at a time (a stream of
/// documents can be turned into tables without keeping the documents).
///
/// Rows are appended in the order documents are pushed, and in each document in
/// the order of its lists (the contract's order).
pub struct TablesBuilder {
    builders: Vec<Box<dyn Build>>,
    done: Vec<Vec<RecordBatch>>,
    /// Documents pushed, in all.
    docs: usize,
    /// Documents in the batches under construction.
    pending: usize,
    max_chunk_bytes: usize,
    /// The decimal id of [`push_doc`](Self::push_doc), reused.
    id: String,
}

impl Default for TablesBuilder {
    fn default() -> TablesBuilder {
        TablesBuilder::new()
    }
}

impl std::fmt::Debug for TablesBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TablesBuilder")
            .field("docs", &self.docs)
            .field("max_chunk_bytes", &self.max_chunk_bytes)
            .finish_non_exhaustive()
    }
}

impl TablesBuilder {
    /// An empty builder.
    pub fn new() -> TablesBuilder {
        TablesBuilder {
            builders: builders(),
            done: vec![Vec::new(); Table::ALL.len()],
            docs: 0,
            pending: 0,
            max_chunk_bytes: DEFAULT_MAX_CHUNK_BYTES,
            id: String::new(),
        }
    }

    /// Starts the next batch of every table once a string column of one of
    /// them holds `bytes` bytes ([`DEFAULT_MAX_CHUNK_BYTES`] by default). Keep it
    /// well under 2 GiB, the reach of Arrow's 32-bit string offsets: a batch
    /// ends after the document that passes it.
    #[must_use]
    pub fn max_chunk_bytes(mut self, bytes: usize) -> TablesBuilder {
        self.max_chunk_bytes = bytes;
        self
    }

    /// Documents pushed so far.
    pub fn len(&self) -> usize {
        self.docs
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Adds the rows of `doc`, under the id `id` (`doc_id`). Ids are not
    /// checked: keep them unique if you join tables on them.
    pub fn push(&mut self, id: &str, doc: &Document) {
        let cx = Cx::new(id, doc);
        for b in &mut self.builders {
            b.push(&cx);
        }
        self.docs += 1;
        self.pending += 1;
        if self
            .builders
            .iter()
            .any(|b| b.bytes() >= self.max_chunk_bytes)
        {
            self.flush();
        }
    }

    /// Adds the rows of `doc` under its position as id: `"0"` for the first
    /// document pushed, `"1"` for the next...
    pub fn push_doc(&mut self, doc: &Document) {
        use std::fmt::Write as _;
        let mut id = std::mem::take(&mut self.id);
        id.clear();
        write!(id, "{}", self.docs).expect("writing to a String cannot fail");
        self.push(&id, doc);
        self.id = id;
    }

    /// Ends the batches under construction.
    fn flush(&mut self) {
        for (i, b) in self.builders.iter_mut().enumerate() {
            self.done[i].push(finish(Table::ALL[i], b.as_mut()));
        }
        self.pending = 0;
    }

    /// The tables of the documents pushed. Without documents, each table is
    /// one empty batch.
    pub fn finish(mut self) -> Tables {
        if self.pending > 0 || self.done[0].is_empty() {
            self.flush();
        }
        Tables { batches: self.done }
    }
}

/// The tables of `docs`, each document's id its position (`"0"`, `"1"`...).
///
/// ```
/// let docs = [
///     nutgraf::parse("Putin visits China\n\nHe met Xi Jinping.", &nutgraf::Meta::new())?,
///     nutgraf::parse("Talks postponed\n\nOfficials said nothing.", &nutgraf::Meta::new())?,
/// ];
/// let tables = nutgraf_arrow::to_tables(&docs);
/// assert_eq!(tables.num_rows(nutgraf_arrow::Table::Documents), 2);
/// # Ok::<(), nutgraf::Error>(())
/// ```
pub fn to_tables<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Tables {
    let mut b = TablesBuilder::new();
    for doc in docs {
        b.push_doc(doc);
    }
    b.finish()
}

/// The tables of `(id, document)` pairs.
pub fn to_tables_with_ids<'a, S: AsRef<str>>(
    docs: impl IntoIterator<Item = (S, &'a Document)>,
) -> Tables {
    let mut b = TablesBuilder::new();
    for (id, doc) in docs {
        b.push(id.as_ref(), doc);
    }
    b.finish()
}
