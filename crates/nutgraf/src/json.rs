//! The JSON contract (`docs/contract.md`), serialized straight to a writer.
//!
//! [`Document::to_json_value`] builds the contract as a `serde_json::Value` tree;
//! this module writes the same bytes without one: every object is a `Serialize`
//! view that borrows from the document (strings are slices of the original text or
//! of the document's own fields) and converts offsets to code points as it goes.
//! Memory beyond the writer is the [`CharOffsets`] index (4 bytes per 256 bytes of
//! non-ASCII input, none for ASCII) and serde's fixed state; each offset costs at
//! most 256 bytes of counting, whatever the order of the spans, so the whole
//! serialization is linear in the input and the number of spans.
//!
//! `Value` objects are `BTreeMap`s (the `preserve_order` feature of `serde_json` is off),
//! so the value tree prints keys in byte order: every view below emits its keys in
//! that order. `tests/json_stream.rs` checks the bytes against the value tree.

use jiff::civil::Date;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::document::{Block, Dateline, Document, PublishedFrom, Sentence, Word, SCHEMA_VERSION};
use crate::entities::{Entity, Role};
use crate::event::{Event, Participant};
use crate::quantity::Quantity;
use crate::quote::{Attribution, Quote};
use crate::span::{CharOffsets, Span};
use crate::text::Repair;
use crate::time::TimeExpression;

/// The whole document as the contract's top-level object.
pub(crate) struct JsonDocument<'a> {
    doc: &'a Document,
    co: CharOffsets<'a>,
    /// Code points of the HTML, for a document parsed from HTML.
    html_co: Option<CharOffsets<'a>>,
}

impl<'a> JsonDocument<'a> {
    pub(crate) fn new(doc: &'a Document) -> JsonDocument<'a> {
        JsonDocument {
            doc,
            co: CharOffsets::new(&doc.text),
            html_co: doc.html.as_deref().map(CharOffsets::new),
        }
    }

    /// `{"end","start","text"}` of a span.
    fn span(&self, span: Span) -> SpanObj<'_, ()> {
        SpanObj {
            json: self,
            span,
            extra: None,
        }
    }

    /// `{"end","start","text"}` of a span plus one more key.
    fn span_with<E: Serialize>(&self, span: Span, key: &'static str, value: E) -> SpanObj<'_, E> {
        SpanObj {
            json: self,
            span,
            extra: Some((key, value)),
        }
    }

    fn participant(&self, p: &Participant) -> SpanObj<'_, Option<usize>> {
        self.span_with(p.span, "entity", p.entity)
    }
}

/// A JSON array of `f` applied to each item, written as it is produced.
struct Each<'i, T, F> {
    items: &'i [T],
    f: F,
}

impl<'i, T, F, R> Serialize for Each<'i, T, F>
where
    F: Fn(&'i T) -> R,
    R: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.items.iter().map(&self.f))
    }
}

fn each<'i, T, F, R>(items: &'i [T], f: F) -> Each<'i, T, F>
where
    F: Fn(&'i T) -> R,
    R: Serialize,
{
    Each { items, f }
}

/// A date as `YYYY-MM-DD`, formatted into the writer.
struct DateStr(Date);

impl Serialize for DateStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

fn date(d: Option<Date>) -> Option<DateStr> {
    d.map(DateStr)
}

/// A number as `json_number` in `document.rs` writes it: whole values as integers.
enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    fn new(v: f64) -> Number {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            // Whole and within i64's exact range.
            Number::Int(v as i64)
        } else {
            // Not finite: `null`, as `Value::from(f64)` gives.
            Number::Float(v)
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Number::Int(i) => s.serialize_i64(i),
            Number::Float(f) if f.is_finite() => s.serialize_f64(f),
            Number::Float(_) => s.serialize_none(),
        }
    }
}

/// An offset or a text, the values of a span object.
enum Plain<'a> {
    Offset(usize),
    Text(&'a str),
}

impl Serialize for Plain<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Plain::Offset(o) => o.serialize(s),
            Plain::Text(t) => s.serialize_str(t),
        }
    }
}

/// `{"end","start","text"}` of a span, with an optional extra key put in key order.
struct SpanObj<'j, E> {
    json: &'j JsonDocument<'j>,
    span: Span,
    extra: Option<(&'static str, E)>,
}

impl<E: Serialize> Serialize for SpanObj<'_, E> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (start, end) = self.json.co.span(self.span);
        let text = self.json.doc.slice(self.span);
        let mut m = s.serialize_map(None)?;
        let mut extra = self.extra.as_ref();
        for (key, value) in [
            ("end", Plain::Offset(end)),
            ("start", Plain::Offset(start)),
            ("text", Plain::Text(text)),
        ] {
            if let Some((k, v)) = extra.filter(|(k, _)| *k < key) {
                m.serialize_entry(k, v)?;
                extra = None;
            }
            m.serialize_entry(key, &value)?;
        }
        if let Some((k, v)) = extra {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// Binds a view to the document it reads.
struct With<'j, T: ?Sized> {
    json: &'j JsonDocument<'j>,
    item: &'j T,
}

impl<'j> JsonDocument<'j> {
    fn with<T: ?Sized>(&'j self, item: &'j T) -> With<'j, T> {
        With { json: self, item }
    }
}

impl Serialize for JsonDocument<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.doc;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("attributions", &each(&d.attributions, |a| self.with(a)))?;
        m.serialize_entry("author_spans", &each(&d.authors, |a| self.span(a.span)))?;
        m.serialize_entry("authors", &each(&d.authors, |a| a.name.as_str()))?;
        m.serialize_entry("blocks", &each(&d.blocks, |b| self.with(b)))?;
        m.serialize_entry("body", &d.body)?;
        m.serialize_entry("dateline", &d.dateline.as_ref().map(|dl| self.with(dl)))?;
        m.serialize_entry("entities", &each(&d.entities, |e| self.with(e)))?;
        m.serialize_entry("events", &each(&d.events, |e| self.with(e)))?;
        if let Some(html) = &d.html {
            m.serialize_entry("html", html)?;
        }
        m.serialize_entry("language", &d.language)?;
        if let Some(page) = &d.metadata {
            m.serialize_entry("metadata", &MetaObj(page))?;
        }
        m.serialize_entry("published", &date(d.published))?;
        m.serialize_entry(
            "published_from",
            &d.published_from.map(|p| PublishedFromObj { json: self, p }),
        )?;
        m.serialize_entry("publisher", &d.publisher)?;
        m.serialize_entry("quantities", &each(&d.quantities, |q| self.with(q)))?;
        m.serialize_entry("quotes", &each(&d.quotes, |q| self.with(q)))?;
        m.serialize_entry("repairs", &each(&d.repairs, |r| self.with(r)))?;
        m.serialize_entry("schema_version", &SCHEMA_VERSION)?;
        // Sentences carry their words only when the document has some
        // (`Options::syntax`): without, the contract is unchanged.
        let words = !d.words.is_empty();
        m.serialize_entry(
            "sentences",
            &each(&d.sentences, |sentence| SentenceObj {
                json: self,
                sentence,
                words,
            }),
        )?;
        m.serialize_entry("subtitle", &d.subtitle)?;
        m.serialize_entry("text", &d.text)?;
        m.serialize_entry("times", &each(&d.times, |t| self.with(t)))?;
        m.serialize_entry("title", &d.title)?;
        m.serialize_entry("url", &d.url)?;
        m.end()
    }
}

/// `{"kind"}` of where the publication date came from, plus
/// `"end","start","text"` for a date the text states.
struct PublishedFromObj<'j> {
    json: &'j JsonDocument<'j>,
    p: PublishedFrom,
}

impl Serialize for PublishedFromObj<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.p {
            PublishedFrom::Text(span) => self.json.span_with(span, "kind", "text").serialize(s),
            PublishedFrom::Meta | PublishedFrom::Page => {
                let kind = if self.p == PublishedFrom::Meta {
                    "meta"
                } else {
                    "page"
                };
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("kind", kind)?;
                m.end()
            }
        }
    }
}

/// The page metadata object of a document parsed from HTML.
struct MetaObj<'a>(&'a crate::html::PageMeta);

impl Serialize for MetaObj<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let p = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("authors", &p.authors)?;
        m.serialize_entry("canonical_url", &p.canonical_url)?;
        m.serialize_entry("description", &p.description)?;
        m.serialize_entry("language", &p.language)?;
        m.serialize_entry("published", &date(p.published))?;
        m.serialize_entry("publisher", &p.publisher)?;
        m.serialize_entry("section", &p.section)?;
        m.serialize_entry("title", &p.title)?;
        m.end()
    }
}

/// `{"end","start"}` of a sentence, plus `"words"` when `words` is set.
struct SentenceObj<'j> {
    json: &'j JsonDocument<'j>,
    sentence: &'j Sentence,
    words: bool,
}

impl Serialize for SentenceObj<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let json = self.json;
        let (start, end) = json.co.span(self.sentence.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("block", &self.sentence.block)?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("start", &start)?;
        if self.words {
            let words = json.doc.sentence_words(self.sentence);
            m.serialize_entry("words", &each(words, |w| json.with(w)))?;
        }
        m.end()
    }
}

impl Serialize for With<'_, Repair> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, r) = (self.json, self.item);
        let (start, end) = json.co.span(r.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("kind", r.kind.as_str())?;
        m.serialize_entry("original", json.doc.slice(r.span))?;
        m.serialize_entry("replacement", &r.replacement)?;
        m.serialize_entry("start", &start)?;
        m.end()
    }
}

impl Serialize for With<'_, Word> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, w) = (self.json, self.item);
        let (start, end) = json.co.span(w.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("deprel", w.deprel)?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("head", &w.head)?;
        m.serialize_entry("lemma", &*w.lemma)?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(w.span))?;
        m.serialize_entry("upos", w.upos.as_str())?;
        m.serialize_entry("xpos", w.xpos)?;
        m.end()
    }
}

impl Serialize for With<'_, Block> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, b) = (self.json, self.item);
        let (start, end) = json.co.span(b.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("end", &end)?;
        if let (Some(h), Some(co)) = (b.html, &json.html_co) {
            let (hs, he) = co.span(h);
            m.serialize_entry("html_end", &he)?;
            m.serialize_entry("html_start", &hs)?;
        }
        m.serialize_entry("kind", b.kind.as_str())?;
        m.serialize_entry("lang", &b.lang)?;
        if let Some(r) = b.reason {
            m.serialize_entry("reason", r.as_str())?;
        }
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(b.span))?;
        m.end()
    }
}

impl Serialize for With<'_, Dateline> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, dl) = (self.json, self.item);
        let (start, end) = json.co.span(dl.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("agency", &dl.agency)?;
        m.serialize_entry("date", &date(dl.date))?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("place", &dl.place)?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(dl.span))?;
        m.end()
    }
}

impl Serialize for With<'_, Entity> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, e) = (self.json, self.item);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("aliases", &e.aliases)?;
        m.serialize_entry("label", e.label.as_str())?;
        m.serialize_entry(
            "mentions",
            &each(&e.mentions, |&i| json.span(json.doc.mentions[i].span)),
        )?;
        m.serialize_entry("name", &e.name)?;
        m.serialize_entry("pronouns", &each(&e.pronouns, |&r| json.span(r)))?;
        m.serialize_entry("references", &each(&e.references, |&r| json.span(r)))?;
        m.serialize_entry("roles", &each(&e.roles, RoleObj))?;
        m.end()
    }
}

/// `{"affiliation","qualifier","title"}` of a role.
struct RoleObj<'a>(&'a Role);

impl Serialize for RoleObj<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("affiliation", &r.affiliation)?;
        m.serialize_entry("qualifier", &r.qualifier)?;
        m.serialize_entry("title", &r.title)?;
        m.end()
    }
}

impl Serialize for With<'_, TimeExpression> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, t) = (self.json, self.item);
        let (start, end) = json.co.span(t.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("anchor", &date(t.anchor))?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("end_value", &t.end_value)?;
        m.serialize_entry("grain", t.grain.as_str())?;
        m.serialize_entry("mod", &t.modifier.map(crate::time::TimexMod::as_str))?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(t.span))?;
        m.serialize_entry("type", t.kind.as_str())?;
        m.serialize_entry("value", &t.value)?;
        m.end()
    }
}

impl Serialize for With<'_, Quantity> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, q) = (self.json, self.item);
        let (start, end) = json.co.span(q.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("approximate", &q.approximate)?;
        m.serialize_entry("bound", &q.bound.map(crate::quantity::Bound::as_str))?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("kind", q.kind.as_str())?;
        m.serialize_entry("per", &q.per.as_deref())?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(q.span))?;
        m.serialize_entry("unit", &q.unit.as_deref())?;
        m.serialize_entry("value", &Number::new(q.value))?;
        m.serialize_entry("value_max", &q.value_max.map(Number::new))?;
        m.end()
    }
}

impl Serialize for With<'_, Quote> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, q) = (self.json, self.item);
        let (start, end) = json.co.span(q.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("cue", &q.cue.map(|c| json.span(c)))?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("kind", q.kind.as_str())?;
        m.serialize_entry("parts", &each(&q.parts, |&p| json.span(p)))?;
        m.serialize_entry(
            "speaker",
            &q.speaker
                .as_ref()
                .map(|sp| json.span_with(sp.span, "entity", sp.entity)),
        )?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(q.span))?;
        m.end()
    }
}

impl Serialize for With<'_, Attribution> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, a) = (self.json, self.item);
        let (start, end) = json.co.span(a.span);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("cue", &json.span(a.cue))?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("kind", a.kind.as_str())?;
        m.serialize_entry("source", &json.span_with(a.source, "entities", &a.entities))?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("text", json.doc.slice(a.span))?;
        m.end()
    }
}

impl Serialize for With<'_, Event> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (json, e) = (self.json, self.item);
        let (start, end) = json.co.span(e.span);
        let time = e
            .time
            .and_then(|i| json.doc.times.get(i))
            .map(|t| json.span_with(t.span, "value", &t.value));
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("actors", &each(&e.actors, |p| json.participant(p)))?;
        m.serialize_entry("cameo", &e.cameo)?;
        m.serialize_entry("end", &end)?;
        m.serialize_entry("modality", e.modality.as_str())?;
        m.serialize_entry("place", &e.place.as_ref().map(|p| json.participant(p)))?;
        m.serialize_entry("polarity", e.polarity.as_str())?;
        m.serialize_entry("start", &start)?;
        m.serialize_entry("targets", &each(&e.targets, |p| json.participant(p)))?;
        m.serialize_entry("text", json.doc.slice(e.span))?;
        m.serialize_entry("time", &time)?;
        m.serialize_entry("trigger", &json.span(e.trigger))?;
        m.serialize_entry("type", e.kind.as_str())?;
        m.end()
    }
}
