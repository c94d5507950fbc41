//! The column builders of every table: one pass over each document's lists,
//! each value appended to its column (no allocation per row: strings are copied
//! into the columns' buffers, labels looked up in small dictionaries).

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, LargeStringBuilder,
    ListBuilder, StringBuilder, StringDictionaryBuilder,
};
use arrow_array::types::Int16Type;
use arrow_array::{ArrayRef, ListArray, RecordBatch, StructArray};
use arrow_buffer::{NullBufferBuilder, OffsetBuffer, ScalarBuffer};
use nutgraf::{CharOffsets, Date, Document, PublishedFrom, Span};

use crate::schema::{
    int32_item, metadata_struct_fields, role_item, role_struct_fields, span_item,
    span_struct_fields, utf8_item,
};
use crate::Table;

/// A dictionary-encoded string column (see `schema::DICT_KEY`).
type Dict = StringDictionaryBuilder<Int16Type>;

/// One document being added: its id, and its text indexed for code points.
pub(crate) struct Cx<'a> {
    id: &'a str,
    doc: &'a Document,
    co: CharOffsets<'a>,
    /// Code points of the HTML, for a document parsed from HTML.
    html_co: Option<CharOffsets<'a>>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(id: &'a str, doc: &'a Document) -> Cx<'a> {
        Cx {
            id,
            doc,
            co: CharOffsets::new(&doc.text),
            html_co: doc.html.as_deref().map(CharOffsets::new),
        }
    }

    /// Both ends of `span` in code points.
    fn offsets(&self, span: Span) -> (i64, i64) {
        let (start, end) = self.co.span(span);
        (int64(start), int64(end))
    }

    /// The text `span` covers.
    fn text(&self, span: Span) -> &'a str {
        span.slice(&self.doc.text)
    }
}

fn int64(x: usize) -> i64 {
    i64::try_from(x).unwrap_or(i64::MAX)
}

fn int32(x: usize) -> i32 {
    i32::try_from(x).unwrap_or(i32::MAX)
}

/// Days since 1970-01-01 (Arrow's `date32`), from the civil date (proleptic
/// Gregorian; H. Hinnant's `days_from_civil`).
pub(crate) fn days(d: Date) -> i32 {
    let (y, m, day) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What every table's builder does.
pub(crate) trait Build: Send + Sync {
    /// Appends the rows of one document.
    fn push(&mut self, cx: &Cx<'_>);
    /// The columns of the rows appended since the last call, in schema order;
    /// the builder is then empty.
    fn columns(&mut self) -> Vec<ArrayRef>;
    /// The largest number of string bytes one of its columns holds (32-bit
    /// offsets reach 2 GiB).
    fn bytes(&self) -> usize;
}

/// Builds the batch of `table` from `builder`'s pending rows.
pub(crate) fn finish(table: Table, builder: &mut dyn Build) -> RecordBatch {
    RecordBatch::try_new(table.schema(), builder.columns())
        .expect("the builders' columns follow the table's schema")
}

/// A new builder for each table, in [`Table::ALL`] order.
pub(crate) fn builders() -> Vec<Box<dyn Build>> {
    Table::ALL
        .iter()
        .map(|t| -> Box<dyn Build> {
            match t {
                Table::Documents => Box::new(Documents::default()),
                Table::Blocks => Box::new(Blocks::default()),
                Table::Sentences => Box::new(Sentences::default()),
                Table::Words => Box::new(Words::default()),
                Table::Entities => Box::new(Entities::default()),
                Table::Mentions => Box::new(Mentions::default()),
                Table::Times => Box::new(Times::default()),
                Table::Quantities => Box::new(Quantities::default()),
                Table::Quotes => Box::new(Quotes::default()),
                Table::Attributions => Box::new(Attributions::default()),
                Table::Events => Box::new(Events::default()),
                Table::EventParticipants => Box::new(EventParticipants::default()),
                Table::Repairs => Box::new(Repairs::default()),
            }
        })
        .collect()
}

fn arc<A: arrow_array::Array + 'static>(a: A) -> ArrayRef {
    Arc::new(a)
}

/// `start`, `end` and `text` columns of a span.
#[derive(Default)]
struct SpanCols {
    start: Int64Builder,
    end: Int64Builder,
    text: StringBuilder,
    /// Rows appended.
    len: usize,
}

impl SpanCols {
    fn push(&mut self, cx: &Cx<'_>, span: Span) {
        let (start, end) = cx.offsets(span);
        self.start.append_value(start);
        self.end.append_value(end);
        self.text.append_value(cx.text(span));
        self.len += 1;
    }

    fn push_opt(&mut self, cx: &Cx<'_>, span: Option<Span>) {
        if let Some(span) = span {
            self.push(cx, span);
        } else {
            self.start.append_null();
            self.end.append_null();
            self.text.append_null();
            self.len += 1;
        }
    }

    fn finish(&mut self, out: &mut Vec<ArrayRef>) {
        out.push(arc(self.start.finish()));
        out.push(arc(self.end.finish()));
        out.push(arc(self.text.finish()));
        self.len = 0;
    }

    fn bytes(&self) -> usize {
        self.text.values_slice().len()
    }
}

/// A column of lists of spans (`list<struct<start, end, text>>`).
struct SpanList {
    offsets: Vec<i32>,
    items: SpanCols,
}

impl Default for SpanList {
    fn default() -> SpanList {
        SpanList {
            offsets: vec![0],
            items: SpanCols::default(),
        }
    }
}

impl SpanList {
    /// Appends one row: the list of `spans`.
    fn push(&mut self, cx: &Cx<'_>, spans: impl IntoIterator<Item = Span>) {
        for span in spans {
            self.items.push(cx, span);
        }
        self.offsets.push(int32(self.items.len));
    }

    fn finish(&mut self) -> ArrayRef {
        let mut cols = Vec::with_capacity(3);
        self.items.finish(&mut cols);
        let values = StructArray::new(span_struct_fields(), cols, None);
        let offsets = std::mem::replace(&mut self.offsets, vec![0]);
        arc(ListArray::new(
            span_item(),
            OffsetBuffer::new(ScalarBuffer::from(offsets)),
            arc(values),
            None,
        ))
    }

    fn bytes(&self) -> usize {
        self.items.bytes()
    }
}

/// A column of lists of strings.
fn string_list() -> ListBuilder<StringBuilder> {
    ListBuilder::new(StringBuilder::new()).with_field(utf8_item())
}

/// The string bytes of a list-of-strings column.
fn list_bytes(list: &ListBuilder<StringBuilder>) -> usize {
    list.values_ref().values_slice().len()
}

/// `documents`: one row per document.
struct Documents {
    doc_id: StringBuilder,
    title: StringBuilder,
    subtitle: StringBuilder,
    authors: ListBuilder<StringBuilder>,
    author_spans: SpanList,
    publisher: StringBuilder,
    published: Date32Builder,
    published_from: Dict,
    published_span: SpanCols,
    language: Dict,
    url: StringBuilder,
    dateline: SpanCols,
    dateline_place: StringBuilder,
    dateline_date: Date32Builder,
    dateline_agency: StringBuilder,
    body: LargeStringBuilder,
    text: LargeStringBuilder,
    html: LargeStringBuilder,
    metadata: Metadata,
}

impl Default for Documents {
    fn default() -> Documents {
        Documents {
            doc_id: StringBuilder::new(),
            title: StringBuilder::new(),
            subtitle: StringBuilder::new(),
            authors: string_list(),
            author_spans: SpanList::default(),
            publisher: StringBuilder::new(),
            published: Date32Builder::new(),
            published_from: Dict::new(),
            published_span: SpanCols::default(),
            language: Dict::new(),
            url: StringBuilder::new(),
            dateline: SpanCols::default(),
            dateline_place: StringBuilder::new(),
            dateline_date: Date32Builder::new(),
            dateline_agency: StringBuilder::new(),
            body: LargeStringBuilder::new(),
            text: LargeStringBuilder::new(),
            html: LargeStringBuilder::new(),
            metadata: Metadata::default(),
        }
    }
}

impl Build for Documents {
    fn push(&mut self, cx: &Cx<'_>) {
        let d = cx.doc;
        self.doc_id.append_value(cx.id);
        self.title.append_option(d.title.as_deref());
        self.subtitle.append_option(d.subtitle.as_deref());
        for a in &d.authors {
            self.authors.values().append_value(&a.name);
        }
        self.authors.append(true);
        self.author_spans.push(cx, d.authors.iter().map(|a| a.span));
        self.publisher.append_option(d.publisher.as_deref());
        self.published.append_option(d.published.map(days));
        let (from, from_span) = match d.published_from {
            Some(PublishedFrom::Meta) => (Some("meta"), None),
            Some(PublishedFrom::Page) => (Some("page"), None),
            Some(PublishedFrom::Text(span)) => (Some("text"), Some(span)),
            // A later kind, unknown to this version of the tables.
            Some(_) | None => (None, None),
        };
        self.published_from.append_option(from);
        self.published_span.push_opt(cx, from_span);
        self.language.append_option(d.language);
        self.url.append_option(d.url.as_deref());
        let dl = d.dateline.as_ref();
        self.dateline.push_opt(cx, dl.map(|dl| dl.span));
        self.dateline_place
            .append_option(dl.and_then(|dl| dl.place.as_deref()));
        self.dateline_date
            .append_option(dl.and_then(|dl| dl.date).map(days));
        self.dateline_agency
            .append_option(dl.and_then(|dl| dl.agency.as_deref()));
        self.body.append_value(&d.body);
        self.text.append_value(&d.text);
        self.html.append_option(d.html.as_deref());
        self.metadata.push(d.metadata.as_ref());
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.title.finish()),
            arc(self.subtitle.finish()),
            arc(self.authors.finish()),
            self.author_spans.finish(),
            arc(self.publisher.finish()),
            arc(self.published.finish()),
            arc(self.published_from.finish()),
        ];
        self.published_span.finish(&mut out);
        out.push(arc(self.language.finish()));
        out.push(arc(self.url.finish()));
        self.dateline.finish(&mut out);
        out.extend([
            arc(self.dateline_place.finish()),
            arc(self.dateline_date.finish()),
            arc(self.dateline_agency.finish()),
            arc(self.body.finish()),
            arc(self.text.finish()),
            arc(self.html.finish()),
            self.metadata.finish(),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = {
            [
                self.title.values_slice().len(),
                self.subtitle.values_slice().len(),
                list_bytes(&self.authors),
                self.author_spans.bytes(),
                self.publisher.values_slice().len(),
                self.published_span.bytes(),
                self.url.values_slice().len(),
                self.dateline.bytes(),
                self.metadata.bytes(),
            ]
            .into_iter()
            .max()
            .unwrap_or(0)
        };
        own.max(self.doc_id.values_slice().len())
    }
}

/// The `metadata` struct column of `documents`.
struct Metadata {
    authors: ListBuilder<StringBuilder>,
    canonical_url: StringBuilder,
    description: StringBuilder,
    language: StringBuilder,
    published: Date32Builder,
    publisher: StringBuilder,
    section: StringBuilder,
    title: StringBuilder,
    valid: NullBufferBuilder,
}

impl Default for Metadata {
    fn default() -> Metadata {
        Metadata {
            authors: string_list(),
            canonical_url: StringBuilder::new(),
            description: StringBuilder::new(),
            language: StringBuilder::new(),
            published: Date32Builder::new(),
            publisher: StringBuilder::new(),
            section: StringBuilder::new(),
            title: StringBuilder::new(),
            valid: NullBufferBuilder::new(0),
        }
    }
}

impl Metadata {
    fn push(&mut self, page: Option<&nutgraf::PageMeta>) {
        // A null struct still has a slot in each child: empty authors, nulls.
        if let Some(p) = page {
            for a in &p.authors {
                self.authors.values().append_value(a);
            }
        }
        self.authors.append(true);
        self.canonical_url
            .append_option(page.and_then(|p| p.canonical_url.as_deref()));
        self.description
            .append_option(page.and_then(|p| p.description.as_deref()));
        self.language
            .append_option(page.and_then(|p| p.language.as_deref()));
        self.published
            .append_option(page.and_then(|p| p.published).map(days));
        self.publisher
            .append_option(page.and_then(|p| p.publisher.as_deref()));
        self.section
            .append_option(page.and_then(|p| p.section.as_deref()));
        self.title
            .append_option(page.and_then(|p| p.title.as_deref()));
        if page.is_some() {
            self.valid.append_non_null();
        } else {
            self.valid.append_null();
        }
    }

    fn finish(&mut self) -> ArrayRef {
        let cols = vec![
            arc(self.authors.finish()),
            arc(self.canonical_url.finish()),
            arc(self.description.finish()),
            arc(self.language.finish()),
            arc(self.published.finish()),
            arc(self.publisher.finish()),
            arc(self.section.finish()),
            arc(self.title.finish()),
        ];
        arc(StructArray::new(
            metadata_struct_fields(),
            cols,
            self.valid.finish(),
        ))
    }

    fn bytes(&self) -> usize {
        [
            list_bytes(&self.authors),
            self.canonical_url.values_slice().len(),
            self.description.values_slice().len(),
            self.title.values_slice().len(),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
    }
}

/// `blocks`: one row per layout block.
#[derive(Default)]
struct Blocks {
    doc_id: StringBuilder,
    block: Int32Builder,
    kind: Dict,
    span: SpanCols,
    lang: Dict,
    reason: Dict,
    html_start: Int64Builder,
    html_end: Int64Builder,
}

impl Build for Blocks {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, b) in cx.doc.blocks.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.block.append_value(int32(i));
            self.kind.append_value(b.kind.as_str());
            self.span.push(cx, b.span);
            self.lang.append_option(b.lang);
            self.reason
                .append_option(b.reason.map(nutgraf::BoilerplateReason::as_str));
            let html = b.html.zip(cx.html_co.as_ref()).map(|(h, co)| co.span(h));
            self.html_start.append_option(html.map(|h| int64(h.0)));
            self.html_end.append_option(html.map(|h| int64(h.1)));
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.block.finish()),
            arc(self.kind.finish()),
        ];
        self.span.finish(&mut out);
        out.extend([
            arc(self.lang.finish()),
            arc(self.reason.finish()),
            arc(self.html_start.finish()),
            arc(self.html_end.finish()),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `sentences`: one row per sentence.
#[derive(Default)]
struct Sentences {
    doc_id: StringBuilder,
    sentence: Int32Builder,
    block: Int32Builder,
    span: SpanCols,
}

impl Build for Sentences {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, s) in cx.doc.sentences.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.sentence.append_value(int32(i));
            self.block.append_value(int32(s.block));
            self.span.push(cx, s.span);
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.sentence.finish()),
            arc(self.block.finish()),
        ];
        self.span.finish(&mut out);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `words`: one row per word (documents parsed with syntax).
#[derive(Default)]
struct Words {
    doc_id: StringBuilder,
    sentence: Int32Builder,
    word: Int32Builder,
    span: SpanCols,
    lemma: StringBuilder,
    upos: Dict,
    xpos: Dict,
    head: Int32Builder,
    deprel: Dict,
}

impl Build for Words {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, s) in cx.doc.sentences.iter().enumerate() {
            for (j, w) in cx.doc.sentence_words(s).iter().enumerate() {
                self.doc_id.append_value(cx.id);
                self.sentence.append_value(int32(i));
                self.word.append_value(int32(j));
                self.span.push(cx, w.span);
                self.lemma.append_value(&w.lemma);
                self.upos.append_value(w.upos.as_str());
                self.xpos.append_value(w.xpos);
                self.head.append_option(w.head.map(int32));
                self.deprel.append_value(w.deprel);
            }
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.sentence.finish()),
            arc(self.word.finish()),
        ];
        self.span.finish(&mut out);
        out.extend([
            arc(self.lemma.finish()),
            arc(self.upos.finish()),
            arc(self.xpos.finish()),
            arc(self.head.finish()),
            arc(self.deprel.finish()),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes().max(self.lemma.values_slice().len()) };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `entities`: one row per entity.
struct Entities {
    doc_id: StringBuilder,
    entity: Int32Builder,
    label: Dict,
    name: StringBuilder,
    aliases: ListBuilder<StringBuilder>,
    role_offsets: Vec<i32>,
    role_title: StringBuilder,
    role_affiliation: StringBuilder,
    role_qualifier: StringBuilder,
    roles: usize,
}

impl Default for Entities {
    fn default() -> Entities {
        Entities {
            doc_id: StringBuilder::new(),
            entity: Int32Builder::new(),
            label: Dict::new(),
            name: StringBuilder::new(),
            aliases: string_list(),
            role_offsets: vec![0],
            role_title: StringBuilder::new(),
            role_affiliation: StringBuilder::new(),
            role_qualifier: StringBuilder::new(),
            roles: 0,
        }
    }
}

impl Build for Entities {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, e) in cx.doc.entities.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.entity.append_value(int32(i));
            self.label.append_value(e.label.as_str());
            self.name.append_value(&e.name);
            for a in &e.aliases {
                self.aliases.values().append_value(a);
            }
            self.aliases.append(true);
            for r in &e.roles {
                self.role_title.append_value(&r.title);
                self.role_affiliation
                    .append_option(r.affiliation.as_deref());
                self.role_qualifier.append_option(r.qualifier.as_deref());
            }
            self.roles += e.roles.len();
            self.role_offsets.push(int32(self.roles));
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let roles = StructArray::new(
            role_struct_fields(),
            vec![
                arc(self.role_title.finish()),
                arc(self.role_affiliation.finish()),
                arc(self.role_qualifier.finish()),
            ],
            None,
        );
        let offsets = std::mem::replace(&mut self.role_offsets, vec![0]);
        self.roles = 0;
        vec![
            arc(self.doc_id.finish()),
            arc(self.entity.finish()),
            arc(self.label.finish()),
            arc(self.name.finish()),
            arc(self.aliases.finish()),
            arc(ListArray::new(
                role_item(),
                OffsetBuffer::new(ScalarBuffer::from(offsets)),
                arc(roles),
                None,
            )),
        ]
    }

    fn bytes(&self) -> usize {
        let own = {
            [
                self.name.values_slice().len(),
                list_bytes(&self.aliases),
                self.role_title.values_slice().len(),
                self.role_affiliation.values_slice().len(),
            ]
            .into_iter()
            .max()
            .unwrap_or(0)
        };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `mentions`: one row per name, reference or pronoun of an entity.
#[derive(Default)]
struct Mentions {
    doc_id: StringBuilder,
    entity: Int32Builder,
    label: Dict,
    kind: Dict,
    span: SpanCols,
}

impl Mentions {
    fn row(&mut self, cx: &Cx<'_>, entity: usize, label: &str, kind: &str, span: Span) {
        self.doc_id.append_value(cx.id);
        self.entity.append_value(int32(entity));
        self.label.append_value(label);
        self.kind.append_value(kind);
        self.span.push(cx, span);
    }
}

impl Build for Mentions {
    fn push(&mut self, cx: &Cx<'_>) {
        let d = cx.doc;
        for (i, e) in d.entities.iter().enumerate() {
            let label = e.label.as_str();
            for m in e.mentions.iter().filter_map(|&m| d.mentions.get(m)) {
                self.row(cx, i, label, "name", m.span);
            }
            for &span in &e.references {
                self.row(cx, i, label, "reference", span);
            }
            for &span in &e.pronouns {
                self.row(cx, i, label, "pronoun", span);
            }
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.entity.finish()),
            arc(self.label.finish()),
            arc(self.kind.finish()),
        ];
        self.span.finish(&mut out);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `times`: one row per time expression.
#[derive(Default)]
struct Times {
    doc_id: StringBuilder,
    time: Int32Builder,
    span: SpanCols,
    kind: Dict,
    value: StringBuilder,
    end_value: StringBuilder,
    modifier: Dict,
    grain: Dict,
    anchor: Date32Builder,
}

impl Build for Times {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, t) in cx.doc.times.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.time.append_value(int32(i));
            self.span.push(cx, t.span);
            self.kind.append_value(t.kind.as_str());
            self.value.append_option(t.value.as_deref());
            self.end_value.append_option(t.end_value.as_deref());
            self.modifier
                .append_option(t.modifier.map(nutgraf::time::TimexMod::as_str));
            self.grain.append_value(t.grain.as_str());
            self.anchor.append_option(t.anchor.map(days));
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![arc(self.doc_id.finish()), arc(self.time.finish())];
        self.span.finish(&mut out);
        out.extend([
            arc(self.kind.finish()),
            arc(self.value.finish()),
            arc(self.end_value.finish()),
            arc(self.modifier.finish()),
            arc(self.grain.finish()),
            arc(self.anchor.finish()),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes().max(self.value.values_slice().len()) };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `quantities`: one row per quantity.
#[derive(Default)]
struct Quantities {
    doc_id: StringBuilder,
    quantity: Int32Builder,
    span: SpanCols,
    kind: Dict,
    value: Float64Builder,
    value_max: Float64Builder,
    unit: StringBuilder,
    per: StringBuilder,
    approximate: BooleanBuilder,
    bound: Dict,
}

impl Build for Quantities {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, q) in cx.doc.quantities.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.quantity.append_value(int32(i));
            self.span.push(cx, q.span);
            self.kind.append_value(q.kind.as_str());
            self.value.append_value(q.value);
            self.value_max.append_option(q.value_max);
            self.unit.append_option(q.unit.as_deref());
            self.per.append_option(q.per.as_deref());
            self.approximate.append_value(q.approximate);
            self.bound
                .append_option(q.bound.map(nutgraf::Bound::as_str));
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![arc(self.doc_id.finish()), arc(self.quantity.finish())];
        self.span.finish(&mut out);
        out.extend([
            arc(self.kind.finish()),
            arc(self.value.finish()),
            arc(self.value_max.finish()),
            arc(self.unit.finish()),
            arc(self.per.finish()),
            arc(self.approximate.finish()),
            arc(self.bound.finish()),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes().max(self.unit.values_slice().len()) };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `quotes`: one row per quote.
#[derive(Default)]
struct Quotes {
    doc_id: StringBuilder,
    quote: Int32Builder,
    span: SpanCols,
    kind: Dict,
    parts: SpanList,
    cue: SpanCols,
    speaker: SpanCols,
    speaker_entity: Int32Builder,
}

impl Build for Quotes {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, q) in cx.doc.quotes.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.quote.append_value(int32(i));
            self.span.push(cx, q.span);
            self.kind.append_value(q.kind.as_str());
            self.parts.push(cx, q.parts.iter().copied());
            self.cue.push_opt(cx, q.cue);
            self.speaker
                .push_opt(cx, q.speaker.as_ref().map(|s| s.span));
            self.speaker_entity
                .append_option(q.speaker.as_ref().and_then(|s| s.entity).map(int32));
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![arc(self.doc_id.finish()), arc(self.quote.finish())];
        self.span.finish(&mut out);
        out.extend([arc(self.kind.finish()), self.parts.finish()]);
        self.cue.finish(&mut out);
        self.speaker.finish(&mut out);
        out.push(arc(self.speaker_entity.finish()));
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes().max(self.parts.bytes()) };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `attributions`: one row per attribution.
struct Attributions {
    doc_id: StringBuilder,
    attribution: Int32Builder,
    span: SpanCols,
    kind: Dict,
    cue: SpanCols,
    source: SpanCols,
    source_entities: ListBuilder<Int32Builder>,
}

impl Default for Attributions {
    fn default() -> Attributions {
        Attributions {
            doc_id: StringBuilder::new(),
            attribution: Int32Builder::new(),
            span: SpanCols::default(),
            kind: Dict::new(),
            cue: SpanCols::default(),
            source: SpanCols::default(),
            source_entities: ListBuilder::new(Int32Builder::new()).with_field(int32_item()),
        }
    }
}

impl Build for Attributions {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, a) in cx.doc.attributions.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.attribution.append_value(int32(i));
            self.span.push(cx, a.span);
            self.kind.append_value(a.kind.as_str());
            self.cue.push(cx, a.cue);
            self.source.push(cx, a.source);
            for &e in &a.entities {
                self.source_entities.values().append_value(int32(e));
            }
            self.source_entities.append(true);
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![arc(self.doc_id.finish()), arc(self.attribution.finish())];
        self.span.finish(&mut out);
        out.push(arc(self.kind.finish()));
        self.cue.finish(&mut out);
        self.source.finish(&mut out);
        out.push(arc(self.source_entities.finish()));
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `events`: one row per event.
#[derive(Default)]
struct Events {
    doc_id: StringBuilder,
    event: Int32Builder,
    kind: Dict,
    cameo: Dict,
    span: SpanCols,
    trigger: SpanCols,
    place: SpanCols,
    place_entity: Int32Builder,
    time: Int32Builder,
    time_span: SpanCols,
    time_value: StringBuilder,
    polarity: Dict,
    modality: Dict,
}

impl Build for Events {
    fn push(&mut self, cx: &Cx<'_>) {
        let d = cx.doc;
        for (i, e) in d.events.iter().enumerate() {
            self.doc_id.append_value(cx.id);
            self.event.append_value(int32(i));
            self.kind.append_value(e.kind.as_str());
            self.cameo.append_option(e.cameo);
            self.span.push(cx, e.span);
            self.trigger.push(cx, e.trigger);
            self.place.push_opt(cx, e.place.as_ref().map(|p| p.span));
            self.place_entity
                .append_option(e.place.as_ref().and_then(|p| p.entity).map(int32));
            let time = e.time.and_then(|t| Some((t, d.times.get(t)?)));
            self.time.append_option(time.map(|(t, _)| int32(t)));
            self.time_span.push_opt(cx, time.map(|(_, t)| t.span));
            self.time_value
                .append_option(time.and_then(|(_, t)| t.value.as_deref()));
            self.polarity.append_value(e.polarity.as_str());
            self.modality.append_value(e.modality.as_str());
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.event.finish()),
            arc(self.kind.finish()),
            arc(self.cameo.finish()),
        ];
        self.span.finish(&mut out);
        self.trigger.finish(&mut out);
        self.place.finish(&mut out);
        out.extend([arc(self.place_entity.finish()), arc(self.time.finish())]);
        self.time_span.finish(&mut out);
        out.extend([
            arc(self.time_value.finish()),
            arc(self.polarity.finish()),
            arc(self.modality.finish()),
        ]);
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `event_participants`: one row per actor or target of an event.
#[derive(Default)]
struct EventParticipants {
    doc_id: StringBuilder,
    event: Int32Builder,
    role: Dict,
    span: SpanCols,
    entity: Int32Builder,
}

impl Build for EventParticipants {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, e) in cx.doc.events.iter().enumerate() {
            let actors = e.actors.iter().map(|p| ("actor", p));
            let targets = e.targets.iter().map(|p| ("target", p));
            for (role, p) in actors.chain(targets) {
                self.doc_id.append_value(cx.id);
                self.event.append_value(int32(i));
                self.role.append_value(role);
                self.span.push(cx, p.span);
                self.entity.append_option(p.entity.map(int32));
            }
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        let mut out = vec![
            arc(self.doc_id.finish()),
            arc(self.event.finish()),
            arc(self.role.finish()),
        ];
        self.span.finish(&mut out);
        out.push(arc(self.entity.finish()));
        out
    }

    fn bytes(&self) -> usize {
        let own = { self.span.bytes() };
        own.max(self.doc_id.values_slice().len())
    }
}

/// `repairs`: one row per repair of the input.
#[derive(Default)]
struct Repairs {
    doc_id: StringBuilder,
    repair: Int32Builder,
    start: Int64Builder,
    end: Int64Builder,
    original: StringBuilder,
    replacement: StringBuilder,
    kind: Dict,
}

impl Build for Repairs {
    fn push(&mut self, cx: &Cx<'_>) {
        for (i, r) in cx.doc.repairs.iter().enumerate() {
            let (start, end) = cx.offsets(r.span);
            self.doc_id.append_value(cx.id);
            self.repair.append_value(int32(i));
            self.start.append_value(start);
            self.end.append_value(end);
            self.original.append_value(cx.text(r.span));
            self.replacement.append_value(&r.replacement);
            self.kind.append_value(r.kind.as_str());
        }
    }

    fn columns(&mut self) -> Vec<ArrayRef> {
        vec![
            arc(self.doc_id.finish()),
            arc(self.repair.finish()),
            arc(self.start.finish()),
            arc(self.end.finish()),
            arc(self.original.finish()),
            arc(self.replacement.finish()),
            arc(self.kind.finish()),
        ]
    }

    fn bytes(&self) -> usize {
        let own = {
            self.original
                .values_slice()
                .len()
                .max(self.replacement.values_slice().len())
        };
        own.max(self.doc_id.values_slice().len())
    }
}

#[cfg(test)]
mod tests {
    use super::days;
    use nutgraf::Date;

    #[test]
    fn days_since_the_epoch() {
        let epoch = Date::constant(1970, 1, 1);
        for d in [
            epoch,
            Date::constant(1969, 12, 31),
            Date::constant(2000, 2, 29),
            Date::constant(2023, 10, 17),
            Date::constant(1600, 3, 1),
            Date::constant(-44, 3, 15),
            Date::constant(9999, 12, 31),
        ] {
            let want = epoch.until(d).unwrap().get_days();
            assert_eq!(days(d), want, "{d}");
        }
    }
}
