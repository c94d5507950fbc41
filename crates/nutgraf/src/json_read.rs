//! The JSON contract read back: [`Document::from_json`] and
//! [`Document::from_json_value`].
//!
//! Offsets are code points into the contract's `text` (or `html`), converted
//! back to byte offsets with one [`ByteOffsets`] index per text, so every span
//! read lies on character boundaries; an offset past the end of its text, a
//! missing key, a value of the wrong type, an unknown name or an index outside
//! its list is an [`ErrorKind::InvalidDocument`](crate::ErrorKind::InvalidDocument)
//! naming the key's path (`"entities[2].mentions[0].start"`).
//!
//! What the contract does not carry is rebuilt: [`Document::mentions`] from the
//! entities' mentions (in text order, each with its entity's label; a mention
//! that joined no entity is not in the contract and is not rebuilt), each
//! sentence's word range from its words, and an event's time index from its
//! time's span. Everything else reads back as it was.

use jiff::civil::Date;
use serde_json::{Map, Value};

use crate::codec::{self, Code, Interned};
use crate::document::{
    Author, Block, Dateline, Document, PublishedFrom, Sentence, Word, SCHEMA_VERSION,
};
use crate::entities::{Entity, Mention, Role};
use crate::error::{Error, Result};
use crate::event::{Event, Participant};
use crate::html::PageMeta;
use crate::quantity::Quantity;
use crate::quote::{Attribution, Quote, Speaker};
use crate::span::{ByteOffsets, Span};
use crate::text::Repair;
use crate::time::TimeExpression;

/// A JSON object and its path in the document, for error messages.
#[derive(Clone, Copy)]
struct Obj<'v, 'p> {
    map: &'v Map<String, Value>,
    path: &'p Path<'p>,
}

/// A path in the document, built only when an error names it.
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'static str),
    Index(&'p Path<'p>, &'static str, usize),
}

impl Path<'_> {
    fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(p, k) => join(&p.render(), k),
            Path::Index(p, k, i) => format!("{}[{i}]", join(&p.render(), k)),
        }
    }

    fn err(&self, key: &str, reason: impl Into<String>) -> Error {
        let at = join(&self.render(), key);
        Error::invalid_document(if at.is_empty() { "the top level" } else { &at }, reason)
    }
}

fn join(path: &str, key: &str) -> String {
    match (path.is_empty(), key.is_empty()) {
        (true, _) => key.to_owned(),
        (_, true) => path.to_owned(),
        _ => format!("{path}.{key}"),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl<'v> Obj<'v, '_> {
    fn get(self, key: &'static str) -> Result<&'v Value> {
        self.map
            .get(key)
            .ok_or_else(|| self.path.err(key, "missing"))
    }

    fn wrong(self, key: &'static str, want: &str, v: &Value) -> Error {
        self.path
            .err(key, format!("expected {want}, found {}", type_name(v)))
    }

    fn str(self, key: &'static str) -> Result<&'v str> {
        let v = self.get(key)?;
        v.as_str().ok_or_else(|| self.wrong(key, "a string", v))
    }

    fn opt_str(self, key: &'static str) -> Result<Option<&'v str>> {
        match self.get(key)? {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            v => Err(self.wrong(key, "a string or null", v)),
        }
    }

    fn opt_string(self, key: &'static str) -> Result<Option<String>> {
        Ok(self.opt_str(key)?.map(str::to_owned))
    }

    fn bool(self, key: &'static str) -> Result<bool> {
        let v = self.get(key)?;
        v.as_bool().ok_or_else(|| self.wrong(key, "a boolean", v))
    }

    fn usize_of(self, key: &'static str, v: &Value) -> Result<usize> {
        v.as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.wrong(key, "a non-negative integer", v))
    }

    fn usize(self, key: &'static str) -> Result<usize> {
        self.usize_of(key, self.get(key)?)
    }

    fn opt_usize(self, key: &'static str) -> Result<Option<usize>> {
        match self.get(key)? {
            Value::Null => Ok(None),
            v => self.usize_of(key, v).map(Some),
        }
    }

    fn f64_of(self, key: &'static str, v: &Value) -> Result<f64> {
        match v {
            // A value that was not finite is written as null.
            Value::Null => Ok(f64::NAN),
            v => v.as_f64().ok_or_else(|| self.wrong(key, "a number", v)),
        }
    }

    fn date(self, key: &'static str) -> Result<Option<Date>> {
        self.opt_str(key)?
            .map(|s| {
                crate::meta::parse_date(s).map_err(|_| {
                    self.path
                        .err(key, format!("{s:?} is not a YYYY-MM-DD date"))
                })
            })
            .transpose()
    }

    fn code<T: Code>(self, key: &'static str) -> Result<T> {
        let s = self.str(key)?;
        T::from_name(s).ok_or_else(|| self.path.err(key, format!("unknown name {s:?}")))
    }

    fn opt_code<T: Code>(self, key: &'static str) -> Result<Option<T>> {
        self.opt_str(key)?
            .map(|s| {
                T::from_name(s).ok_or_else(|| self.path.err(key, format!("unknown name {s:?}")))
            })
            .transpose()
    }

    fn interned(self, key: &'static str, field: Interned) -> Result<Option<&'static str>> {
        self.opt_str(key)?
            .map(|s| field.get(s).map_err(|e| self.path.err(key, e)))
            .transpose()
    }

    fn strings(self, key: &'static str) -> Result<Vec<String>> {
        let v = self.get(key)?;
        let list = v.as_array().ok_or_else(|| self.wrong(key, "a list", v))?;
        list.iter()
            .map(|s| {
                s.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| self.wrong(key, "a list of strings", s))
            })
            .collect()
    }

    /// Each object of the list at `key`, with its path.
    fn each<T>(
        self,
        key: &'static str,
        mut f: impl FnMut(Obj<'v, '_>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let v = self.get(key)?;
        let list = v.as_array().ok_or_else(|| self.wrong(key, "a list", v))?;
        let mut out = Vec::with_capacity(list.len());
        for (i, item) in list.iter().enumerate() {
            let path = Path::Index(self.path, key, i);
            let map = item.as_object().ok_or_else(|| {
                path.err("", format!("expected an object, found {}", type_name(item)))
            })?;
            out.push(f(Obj { map, path: &path })?);
        }
        Ok(out)
    }

    /// The object at `key`, or `None` for null.
    fn opt_obj<T>(
        self,
        key: &'static str,
        f: impl FnOnce(Obj<'v, '_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Object(map)) => {
                let path = Path::Key(self.path, key);
                f(Obj { map, path: &path }).map(Some)
            }
            Some(v) => Err(self.wrong(key, "an object or null", v)),
        }
    }
}

/// Code-point offsets of one text back to bytes.
struct Offsets<'t>(ByteOffsets<'t>);

impl Offsets<'_> {
    fn at(&self, o: Obj<'_, '_>, key: &'static str) -> Result<usize> {
        let ch = o.usize(key)?;
        self.0.byte_offset(ch).ok_or_else(|| {
            o.path
                .err(key, format!("offset {ch} is past the end of the text"))
        })
    }

    /// The span `{"start","end"}` of `o`.
    fn span(&self, o: Obj<'_, '_>) -> Result<Span> {
        let (start, end) = (self.at(o, "start")?, self.at(o, "end")?);
        if start > end {
            return Err(o.path.err("end", "the span ends before it starts"));
        }
        Ok(Span::new(start, end))
    }

    fn spans(&self, o: Obj<'_, '_>, key: &'static str) -> Result<Vec<Span>> {
        o.each(key, |x| self.span(x))
    }

    fn participant(&self, o: Obj<'_, '_>) -> Result<Participant> {
        Ok(Participant {
            span: self.span(o)?,
            entity: o.opt_usize("entity")?,
        })
    }
}

/// The document of a contract value.
pub(crate) fn read(value: &Value) -> Result<Document> {
    let root = Path::Root;
    let map = value.as_object().ok_or_else(|| {
        root.err(
            "",
            format!("expected an object, found {}", type_name(value)),
        )
    })?;
    let o = Obj { map, path: &root };
    let version = o.usize("schema_version")?;
    if version != SCHEMA_VERSION as usize {
        return Err(o.path.err(
            "schema_version",
            format!("version {version}; this build reads version {SCHEMA_VERSION}"),
        ));
    }
    let text = o.str("text")?;
    let co = Offsets(ByteOffsets::new(text));
    let html = match o.map.get("html") {
        None | Some(Value::Null) => None,
        Some(_) => Some(o.str("html")?),
    };
    let html_co = html.map(|h| Offsets(ByteOffsets::new(h)));

    let names = o.strings("authors")?;
    let spans = co.spans(o, "author_spans")?;
    if spans.len() != names.len() {
        return Err(o.path.err(
            "author_spans",
            format!("{} spans for {} authors", spans.len(), names.len()),
        ));
    }
    let authors = names
        .into_iter()
        .zip(spans)
        .map(|(name, span)| Author { name, span })
        .collect();
    let published_from = o.opt_obj("published_from", |p| {
        Ok(match p.str("kind")? {
            "meta" => PublishedFrom::Meta,
            "page" => PublishedFrom::Page,
            "text" => PublishedFrom::Text(co.span(p)?),
            k => return Err(p.path.err("kind", format!("unknown name {k:?}"))),
        })
    })?;
    let dateline = o.opt_obj("dateline", |d| {
        Ok(Dateline {
            span: co.span(d)?,
            place: d.opt_string("place")?,
            date: d.date("date")?,
            agency: d.opt_string("agency")?,
        })
    })?;
    let blocks = o.each("blocks", |b| {
        let html = match (&html_co, b.map.contains_key("html_start")) {
            (Some(h), true) => Some(Span::new(h.at(b, "html_start")?, h.at(b, "html_end")?)),
            (None, true) => {
                return Err(b
                    .path
                    .err("html_start", "an HTML range in a document without HTML"))
            }
            (_, false) => None,
        };
        Ok(Block {
            kind: b.code("kind")?,
            span: co.span(b)?,
            lang: b.interned("lang", Interned::Language)?,
            reason: match b.map.get("reason") {
                None => None,
                Some(_) => b.opt_code("reason")?,
            },
            html,
        })
    })?;

    // Words: each sentence's, in order; a sentence without words has none (0..0).
    let mut words: Vec<Word> = Vec::new();
    let sentences = o.each("sentences", |s| {
        let from = words.len();
        if s.map.contains_key("words") {
            let mine = s.each("words", |w| {
                Ok(Word {
                    span: co.span(w)?,
                    upos: w.code("upos")?,
                    xpos: w
                        .interned("xpos", Interned::Xpos)?
                        .ok_or_else(|| w.path.err("xpos", "null"))?,
                    lemma: w.str("lemma")?.into(),
                    head: w.opt_usize("head")?,
                    deprel: w
                        .interned("deprel", Interned::Deprel)?
                        .ok_or_else(|| w.path.err("deprel", "null"))?,
                })
            })?;
            words.extend(mine);
        }
        let range = if words.len() > from {
            from..words.len()
        } else {
            0..0
        };
        Ok(Sentence {
            span: co.span(s)?,
            block: s.usize("block")?,
            words: range,
        })
    })?;

    // Entities, and the mentions they list (rebuilt in text order below).
    let mut found: Vec<Span> = Vec::new();
    let mut entities = o.each("entities", |e| {
        let label = e.code("label")?;
        let index = found.len();
        found.extend(co.spans(e, "mentions")?);
        let n = found.len() - index;
        Ok(Entity {
            label,
            name: e.str("name")?.to_owned(),
            aliases: e.strings("aliases")?,
            roles: e.each("roles", |r| {
                Ok(Role {
                    title: r.str("title")?.to_owned(),
                    affiliation: r.opt_string("affiliation")?,
                    qualifier: r.opt_string("qualifier")?,
                })
            })?,
            // Filled below: the positions of this entity's mentions in `found`.
            mentions: (index..index + n).collect(),
            references: co.spans(e, "references")?,
            pronouns: co.spans(e, "pronouns")?,
        })
    })?;
    // Which entity lists the mention in slot k of `found`.
    let mut owner = vec![0; found.len()];
    for (i, e) in entities.iter().enumerate() {
        for &k in &e.mentions {
            owner[k] = i;
        }
    }
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| (found[k].start, found[k].end, owner[k]));
    let mut rank = vec![0; found.len()];
    for (r, &k) in order.iter().enumerate() {
        rank[k] = r;
    }
    let mentions: Vec<Mention> = order
        .iter()
        .map(|&k| Mention {
            span: found[k],
            label: entities[owner[k]].label,
            entity: owner[k],
        })
        .collect();
    for e in &mut entities {
        for m in &mut e.mentions {
            *m = rank[*m];
        }
    }

    let times = o.each("times", |t| {
        Ok(TimeExpression {
            span: co.span(t)?,
            kind: t.code("type")?,
            value: t.opt_string("value")?,
            end_value: t.opt_string("end_value")?,
            modifier: t.opt_code("mod")?,
            grain: t.code("grain")?,
            anchor: t.date("anchor")?,
        })
    })?;
    let quantities = o.each("quantities", |q| {
        Ok(Quantity {
            span: co.span(q)?,
            kind: q.code("kind")?,
            value: q.f64_of("value", q.get("value")?)?,
            value_max: match q.get("value_max")? {
                Value::Null => None,
                v => Some(q.f64_of("value_max", v)?),
            },
            unit: q.opt_string("unit")?.map(Into::into),
            approximate: q.bool("approximate")?,
            bound: q.opt_code("bound")?,
            per: q.opt_string("per")?.map(Into::into),
        })
    })?;
    let quotes = o.each("quotes", |q| {
        Ok(Quote {
            span: co.span(q)?,
            parts: co.spans(q, "parts")?,
            kind: q.code("kind")?,
            cue: q.opt_obj("cue", |c| co.span(c))?,
            speaker: q.opt_obj("speaker", |s| {
                Ok(Speaker {
                    span: co.span(s)?,
                    entity: s.opt_usize("entity")?,
                })
            })?,
        })
    })?;
    let attributions = o.each("attributions", |a| {
        let source = a
            .opt_obj("source", |s| {
                let entities = s.get("entities")?;
                let list = entities
                    .as_array()
                    .ok_or_else(|| s.wrong("entities", "a list", entities))?;
                let entities = list
                    .iter()
                    .map(|v| s.usize_of("entities", v))
                    .collect::<Result<Vec<_>>>()?;
                Ok((co.span(s)?, entities))
            })?
            .ok_or_else(|| a.path.err("source", "missing"))?;
        Ok(Attribution {
            span: co.span(a)?,
            kind: a.code("kind")?,
            cue: a
                .opt_obj("cue", |c| co.span(c))?
                .ok_or_else(|| a.path.err("cue", "missing"))?,
            source: source.0,
            entities: source.1,
        })
    })?;
    let events = o.each("events", |e| {
        let time = e.opt_obj("time", |t| {
            let span = co.span(t)?;
            times
                .iter()
                .position(|x| x.span == span)
                .ok_or_else(|| t.path.err("", "no time expression has this span"))
        })?;
        Ok(Event {
            span: co.span(e)?,
            kind: e.code("type")?,
            cameo: e.interned("cameo", Interned::Cameo)?,
            trigger: e
                .opt_obj("trigger", |t| co.span(t))?
                .ok_or_else(|| e.path.err("trigger", "missing"))?,
            actors: e.each("actors", |p| co.participant(p))?,
            targets: e.each("targets", |p| co.participant(p))?,
            place: e.opt_obj("place", |p| co.participant(p))?,
            time,
            polarity: e.code("polarity")?,
            modality: e.code("modality")?,
        })
    })?;
    let metadata = o.opt_obj("metadata", |m| {
        Ok(PageMeta {
            title: m.opt_string("title")?,
            authors: m.strings("authors")?,
            publisher: m.opt_string("publisher")?,
            published: m.date("published")?,
            section: m.opt_string("section")?,
            language: m.opt_string("language")?,
            description: m.opt_string("description")?,
            canonical_url: m.opt_string("canonical_url")?,
        })
    })?;
    let repairs = o.each("repairs", |r| {
        Ok(Repair {
            span: co.span(r)?,
            replacement: r.str("replacement")?.to_owned(),
            kind: r.code("kind")?,
        })
    })?;

    let doc = Document {
        text: text.to_owned(),
        title: o.opt_string("title")?,
        subtitle: o.opt_string("subtitle")?,
        authors,
        publisher: o.opt_string("publisher")?,
        published: o.date("published")?,
        published_from,
        dateline,
        language: o.interned("language", Interned::Language)?,
        url: o.opt_string("url")?,
        blocks,
        body: o.str("body")?.to_owned(),
        sentences,
        words,
        mentions,
        entities,
        times,
        quantities,
        quotes,
        attributions,
        events,
        html: html.map(str::to_owned),
        metadata,
        repairs,
    };
    codec::check(&doc).map_err(|(at, why)| Error::invalid_document(at, why))?;
    Ok(doc)
}
