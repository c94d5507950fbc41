//! The binary form of a [`Document`]: [`Document::to_bytes`] and
//! [`Document::from_bytes`].
//!
//! A compact, versioned encoding of every field, written into one `Vec`:
//!
//! - a header: the magic bytes `NGDOC` and a version byte ([`VERSION`]);
//! - then the document's fields in declaration order: unsigned integers as
//!   LEB128 varints, strings as a length and UTF-8 bytes, `Option`s as a `0`/`1`
//!   byte then the value, lists as a count then the items, spans as start and
//!   length, enums as one byte (their position in the `codec` tables), dates as
//!   a year (two bytes, little-endian) then month and day bytes, `f64` as 8
//!   bytes little-endian, the `'static` strings (languages, XPOS tags,
//!   relations, CAMEO codes) as strings, read back to nutgraf's own.
//!
//! Reading never trusts the bytes: a count is never larger than the bytes left
//! (every item takes at least one), so memory stays within a fixed multiple of
//! the input's size (the size of the largest item type) whatever it claims;
//! every string is checked UTF-8; the document read is checked whole (spans in
//! their text on character boundaries, indices in their lists), and any fault
//! is an [`ErrorKind::InvalidDocument`](crate::ErrorKind::InvalidDocument)
//! naming the byte where it was found.

use jiff::civil::Date;

use crate::codec::{self, Code, Interned};
use crate::document::{Author, Block, Dateline, Document, PublishedFrom, Sentence, Word};
use crate::entities::{Entity, Mention, Role};
use crate::error::{Error, Result};
use crate::event::{Event, Participant};
use crate::html::PageMeta;
use crate::quantity::Quantity;
use crate::quote::{Attribution, Quote, Speaker};
use crate::span::Span;
use crate::text::Repair;
use crate::time::TimeExpression;

/// The first bytes of the binary form.
const MAGIC: &[u8; 5] = b"NGDOC";

/// The version of the binary form this build writes and reads.
pub(crate) const VERSION: u8 = 1;

/// Writes the binary form into one buffer.
struct Enc {
    out: Vec<u8>,
}

impl Enc {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }

    fn bool(&mut self, b: bool) {
        self.byte(u8::from(b));
    }

    fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    fn span(&mut self, s: Span) {
        self.usize(s.start);
        self.usize(s.end.saturating_sub(s.start));
    }

    fn code<T: Code>(&mut self, v: T) {
        self.byte(v.code());
    }

    fn date(&mut self, d: Date) {
        self.out.extend_from_slice(&d.year().to_le_bytes());
        // Months and days are positive.
        self.byte(d.month().unsigned_abs());
        self.byte(d.day().unsigned_abs());
    }

    fn opt<T>(&mut self, v: Option<T>, f: impl FnOnce(&mut Self, T)) {
        match v {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                f(self, v);
            }
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        self.opt(s, Self::str);
    }

    fn seq<T>(&mut self, items: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.usize(items.len());
        for item in items {
            f(self, item);
        }
    }

    fn spans(&mut self, spans: &[Span]) {
        self.seq(spans, |e, &s| e.span(s));
    }

    fn indices(&mut self, ix: &[usize]) {
        self.seq(ix, |e, &i| e.usize(i));
    }

    fn opt_index(&mut self, i: Option<usize>) {
        self.opt(i, Self::usize);
    }

    fn participant(&mut self, p: &Participant) {
        self.span(p.span);
        self.opt_index(p.entity);
    }
}

/// Reads the binary form, never past its end.
struct Dec<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    fn err(&self, reason: impl Into<String>) -> Error {
        Error::invalid_document(format!("byte {}", self.pos), reason)
    }

    fn left(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| self.err("the bytes end inside the document"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.left() {
            return Err(self.err(format!("{n} bytes wanted, {} left", self.left())));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    fn u64(&mut self) -> Result<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            let bits = u64::from(b & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(self.err("an integer overflows 64 bits"));
            }
            v |= bits << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.err("an integer runs over 10 bytes"))
    }

    fn usize(&mut self) -> Result<usize> {
        let v = self.u64()?;
        usize::try_from(v).map_err(|_| self.err(format!("{v} does not fit this platform")))
    }

    /// A count of items that take at least one byte each.
    fn count(&mut self) -> Result<usize> {
        let n = self.usize()?;
        if n > self.left() {
            return Err(self.err(format!("{n} items in {} bytes", self.left())));
        }
        Ok(n)
    }

    fn bool(&mut self) -> Result<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            b => Err(self.err(format!("{b} is not a boolean"))),
        }
    }

    fn str(&mut self) -> Result<&'a str> {
        let n = self.usize()?;
        let start = self.pos;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes).map_err(|e| {
            Error::invalid_document(
                format!("byte {start}"),
                format!("a string is not UTF-8: {e}"),
            )
        })
    }

    fn string(&mut self) -> Result<String> {
        self.str().map(str::to_owned)
    }

    fn interned(&mut self, field: Interned) -> Result<&'static str> {
        let at = self.pos;
        let s = self.str()?;
        field
            .get(s)
            .map_err(|e| Error::invalid_document(format!("byte {at}"), e))
    }

    fn span(&mut self) -> Result<Span> {
        let start = self.usize()?;
        let len = self.usize()?;
        let end = start
            .checked_add(len)
            .ok_or_else(|| self.err("a span ends past the largest offset"))?;
        Ok(Span::new(start, end))
    }

    fn code<T: Code>(&mut self, what: &str) -> Result<T> {
        let c = self.byte()?;
        T::from_code(c).ok_or_else(|| self.err(format!("{c} is not a {what} code")))
    }

    fn date(&mut self) -> Result<Date> {
        let y = self.take(2)?;
        let y = i16::from_le_bytes([y[0], y[1]]);
        let (m, d) = (self.byte()?, self.byte()?);
        let date = i8::try_from(m)
            .ok()
            .zip(i8::try_from(d).ok())
            .and_then(|(m, d)| Date::new(y, m, d).ok());
        date.ok_or_else(|| self.err(format!("{y}-{m}-{d} is not a date")))
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        match self.byte()? {
            0 => Ok(None),
            1 => f(self).map(Some),
            b => Err(self.err(format!("{b} is not an option tag"))),
        }
    }

    fn opt_string(&mut self) -> Result<Option<String>> {
        self.opt(Self::string)
    }

    fn seq<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(f(self)?);
        }
        Ok(out)
    }

    fn spans(&mut self) -> Result<Vec<Span>> {
        self.seq(Self::span)
    }

    fn indices(&mut self) -> Result<Vec<usize>> {
        self.seq(Self::usize)
    }

    fn opt_index(&mut self) -> Result<Option<usize>> {
        self.opt(Self::usize)
    }

    fn participant(&mut self) -> Result<Participant> {
        Ok(Participant {
            span: self.span()?,
            entity: self.opt_index()?,
        })
    }
}

/// The binary form of `doc`.
pub(crate) fn encode(doc: &Document) -> Vec<u8> {
    let guess = 64
        + doc.text.len()
        + doc.body.len()
        + doc.html.as_ref().map_or(0, String::len)
        + 8 * (doc.sentences.len() + doc.blocks.len())
        + 16 * doc.words.len();
    let mut e = Enc {
        out: Vec::with_capacity(guess),
    };
    e.out.extend_from_slice(MAGIC);
    e.byte(VERSION);
    e.str(&doc.text);
    e.opt_str(doc.title.as_deref());
    e.opt_str(doc.subtitle.as_deref());
    e.seq(&doc.authors, |e, a| {
        e.str(&a.name);
        e.span(a.span);
    });
    e.opt_str(doc.publisher.as_deref());
    e.opt(doc.published, Enc::date);
    e.opt(doc.published_from, |e, p| match p {
        PublishedFrom::Meta => e.byte(0),
        PublishedFrom::Text(s) => {
            e.byte(1);
            e.span(s);
        }
        PublishedFrom::Page => e.byte(2),
    });
    e.opt(doc.dateline.as_ref(), |e, d| {
        e.span(d.span);
        e.opt_str(d.place.as_deref());
        e.opt(d.date, Enc::date);
        e.opt_str(d.agency.as_deref());
    });
    e.opt_str(doc.language);
    e.opt_str(doc.url.as_deref());
    e.seq(&doc.blocks, |e, b| {
        e.code(b.kind);
        e.span(b.span);
        e.opt_str(b.lang);
        e.opt(b.reason, Enc::code);
        e.opt(b.html, Enc::span);
    });
    e.str(&doc.body);
    e.seq(&doc.sentences, |e, s| {
        e.span(s.span);
        e.usize(s.block);
        e.usize(s.words.start);
        e.usize(s.words.end.saturating_sub(s.words.start));
    });
    e.seq(&doc.words, |e, w| {
        e.span(w.span);
        e.code(w.upos);
        e.str(w.xpos);
        e.str(&w.lemma);
        e.opt_index(w.head);
        e.str(w.deprel);
    });
    e.seq(&doc.mentions, |e, m| {
        e.span(m.span);
        e.code(m.label);
        // `usize::MAX` (no entity) is 0.
        e.usize(m.entity.wrapping_add(1));
    });
    e.seq(&doc.entities, |e, x| {
        e.code(x.label);
        e.str(&x.name);
        e.seq(&x.aliases, |e, a| e.str(a));
        e.seq(&x.roles, |e, r| {
            e.str(&r.title);
            e.opt_str(r.affiliation.as_deref());
            e.opt_str(r.qualifier.as_deref());
        });
        e.indices(&x.mentions);
        e.spans(&x.references);
        e.spans(&x.pronouns);
    });
    e.seq(&doc.times, |e, t| {
        e.span(t.span);
        e.code(t.kind);
        e.opt_str(t.value.as_deref());
        e.opt_str(t.end_value.as_deref());
        e.opt(t.modifier, Enc::code);
        e.code(t.grain);
        e.opt(t.anchor, Enc::date);
    });
    e.seq(&doc.quantities, |e, q| {
        e.span(q.span);
        e.code(q.kind);
        e.out.extend_from_slice(&q.value.to_le_bytes());
        e.opt(q.value_max, |e, v| {
            e.out.extend_from_slice(&v.to_le_bytes());
        });
        e.opt_str(q.unit.as_deref());
        e.bool(q.approximate);
        e.opt(q.bound, Enc::code);
        e.opt_str(q.per.as_deref());
    });
    e.seq(&doc.quotes, |e, q| {
        e.span(q.span);
        e.spans(&q.parts);
        e.code(q.kind);
        e.opt(q.cue, Enc::span);
        e.opt(q.speaker.as_ref(), |e, s| {
            e.span(s.span);
            e.opt_index(s.entity);
        });
    });
    e.seq(&doc.attributions, |e, a| {
        e.span(a.span);
        e.code(a.kind);
        e.span(a.cue);
        e.span(a.source);
        e.indices(&a.entities);
    });
    e.seq(&doc.events, |e, v| {
        e.span(v.span);
        e.code(v.kind);
        e.opt_str(v.cameo);
        e.span(v.trigger);
        e.seq(&v.actors, Enc::participant);
        e.seq(&v.targets, Enc::participant);
        e.opt(v.place.as_ref(), Enc::participant);
        e.opt_index(v.time);
        e.code(v.polarity);
        e.code(v.modality);
    });
    e.opt_str(doc.html.as_deref());
    e.opt(doc.metadata.as_ref(), |e, p| {
        e.opt_str(p.title.as_deref());
        e.seq(&p.authors, |e, a| e.str(a));
        e.opt_str(p.publisher.as_deref());
        e.opt(p.published, Enc::date);
        e.opt_str(p.section.as_deref());
        e.opt_str(p.language.as_deref());
        e.opt_str(p.description.as_deref());
        e.opt_str(p.canonical_url.as_deref());
    });
    e.seq(&doc.repairs, |e, r| {
        e.span(r.span);
        e.str(&r.replacement);
        e.code(r.kind);
    });
    e.out
}

/// The document of a binary form.
pub(crate) fn decode(bytes: &[u8]) -> Result<Document> {
    let mut d = Dec { bytes, pos: 0 };
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(d.err("not the binary form of a nutgraf document (no NGDOC header)"));
    }
    d.pos = MAGIC.len();
    let version = d.byte()?;
    if version != VERSION {
        return Err(d.err(format!(
            "binary form version {version}; this build reads version {VERSION}"
        )));
    }
    let doc = read_document(&mut d)?;
    if d.left() > 0 {
        return Err(d.err(format!("{} bytes after the document", d.left())));
    }
    codec::check(&doc).map_err(|(at, why)| Error::invalid_document(at, why))?;
    Ok(doc)
}

fn read_document(d: &mut Dec<'_>) -> Result<Document> {
    let text = d.string()?;
    let title = d.opt_string()?;
    let subtitle = d.opt_string()?;
    let authors = d.seq(|d| {
        Ok(Author {
            name: d.string()?,
            span: d.span()?,
        })
    })?;
    let publisher = d.opt_string()?;
    let published = d.opt(Dec::date)?;
    let published_from = d.opt(|d| match d.byte()? {
        0 => Ok(PublishedFrom::Meta),
        1 => Ok(PublishedFrom::Text(d.span()?)),
        2 => Ok(PublishedFrom::Page),
        b => Err(d.err(format!("{b} is not a published-from code"))),
    })?;
    let dateline = d.opt(|d| {
        Ok(Dateline {
            span: d.span()?,
            place: d.opt_string()?,
            date: d.opt(Dec::date)?,
            agency: d.opt_string()?,
        })
    })?;
    let language = d.opt(|d| d.interned(Interned::Language))?;
    let url = d.opt_string()?;
    let blocks = d.seq(|d| {
        Ok(Block {
            kind: d.code("block kind")?,
            span: d.span()?,
            lang: d.opt(|d| d.interned(Interned::Language))?,
            reason: d.opt(|d| d.code("boilerplate reason"))?,
            html: d.opt(Dec::span)?,
        })
    })?;
    let body = d.string()?;
    let sentences = d.seq(|d| {
        let span = d.span()?;
        let block = d.usize()?;
        let words = d.span()?;
        Ok(Sentence {
            span,
            block,
            words: words.start..words.end,
        })
    })?;
    let words = d.seq(|d| {
        Ok(Word {
            span: d.span()?,
            upos: d.code("part of speech")?,
            xpos: d.interned(Interned::Xpos)?,
            lemma: d.str()?.into(),
            head: d.opt_index()?,
            deprel: d.interned(Interned::Deprel)?,
        })
    })?;
    let mentions = d.seq(|d| {
        Ok(Mention {
            span: d.span()?,
            label: d.code("entity label")?,
            entity: d.usize()?.wrapping_sub(1),
        })
    })?;
    let entities = d.seq(|d| {
        Ok(Entity {
            label: d.code("entity label")?,
            name: d.string()?,
            aliases: d.seq(Dec::string)?,
            roles: d.seq(|d| {
                Ok(Role {
                    title: d.string()?,
                    affiliation: d.opt_string()?,
                    qualifier: d.opt_string()?,
                })
            })?,
            mentions: d.indices()?,
            references: d.spans()?,
            pronouns: d.spans()?,
        })
    })?;
    let times = d.seq(|d| {
        Ok(TimeExpression {
            span: d.span()?,
            kind: d.code("TIMEX3 type")?,
            value: d.opt_string()?,
            end_value: d.opt_string()?,
            modifier: d.opt(|d| d.code("TIMEX3 mod"))?,
            grain: d.code("grain")?,
            anchor: d.opt(Dec::date)?,
        })
    })?;
    let f64 = |d: &mut Dec<'_>| -> Result<f64> {
        let b = d.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().unwrap_or_default()))
    };
    let quantities = d.seq(|d| {
        Ok(Quantity {
            span: d.span()?,
            kind: d.code("quantity kind")?,
            value: f64(d)?,
            value_max: d.opt(f64)?,
            unit: d.opt_string()?.map(Into::into),
            approximate: d.bool()?,
            bound: d.opt(|d| d.code("bound"))?,
            per: d.opt_string()?.map(Into::into),
        })
    })?;
    let quotes = d.seq(|d| {
        Ok(Quote {
            span: d.span()?,
            parts: d.spans()?,
            kind: d.code("quote kind")?,
            cue: d.opt(Dec::span)?,
            speaker: d.opt(|d| {
                Ok(Speaker {
                    span: d.span()?,
                    entity: d.opt_index()?,
                })
            })?,
        })
    })?;
    let attributions = d.seq(|d| {
        Ok(Attribution {
            span: d.span()?,
            kind: d.code("attribution kind")?,
            cue: d.span()?,
            source: d.span()?,
            entities: d.indices()?,
        })
    })?;
    let events = d.seq(|d| {
        Ok(Event {
            span: d.span()?,
            kind: d.code("event type")?,
            cameo: d.opt(|d| d.interned(Interned::Cameo))?,
            trigger: d.span()?,
            actors: d.seq(Dec::participant)?,
            targets: d.seq(Dec::participant)?,
            place: d.opt(Dec::participant)?,
            time: d.opt_index()?,
            polarity: d.code("polarity")?,
            modality: d.code("modality")?,
        })
    })?;
    let html = d.opt_string()?;
    let metadata = d.opt(|d| {
        Ok(PageMeta {
            title: d.opt_string()?,
            authors: d.seq(Dec::string)?,
            publisher: d.opt_string()?,
            published: d.opt(Dec::date)?,
            section: d.opt_string()?,
            language: d.opt_string()?,
            description: d.opt_string()?,
            canonical_url: d.opt_string()?,
        })
    })?;
    let repairs = d.seq(|d| {
        Ok(Repair {
            span: d.span()?,
            replacement: d.string()?,
            kind: d.code("repair kind")?,
        })
    })?;
    Ok(Document {
        text,
        title,
        subtitle,
        authors,
        publisher,
        published,
        published_from,
        dateline,
        language,
        url,
        blocks,
        body,
        sentences,
        words,
        mentions,
        entities,
        times,
        quantities,
        quotes,
        attributions,
        events,
        html,
        metadata,
        repairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        for v in [
            0,
            1,
            127,
            128,
            300,
            u64::from(u32::MAX),
            u64::MAX - 1,
            u64::MAX,
        ] {
            let mut e = Enc { out: Vec::new() };
            e.u64(v);
            let mut d = Dec {
                bytes: &e.out,
                pos: 0,
            };
            assert_eq!(d.u64().unwrap(), v);
            assert_eq!(d.left(), 0);
        }
        // Eleven continuation bytes, and a tenth byte with more than one bit.
        for bad in [
            &[0xff; 11][..],
            &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02],
        ] {
            let mut d = Dec { bytes: bad, pos: 0 };
            assert!(d.u64().is_err());
        }
    }

    #[test]
    fn dates_round_trip() {
        for date in [Date::constant(2023, 10, 17), Date::MIN, Date::MAX] {
            let mut e = Enc { out: Vec::new() };
            e.date(date);
            let mut d = Dec {
                bytes: &e.out,
                pos: 0,
            };
            assert_eq!(d.date().unwrap(), date);
        }
    }

    #[test]
    fn counts_never_exceed_the_bytes_left() {
        // A list of 2^60 items in a few bytes is refused before any allocation.
        let mut e = Enc { out: Vec::new() };
        e.u64(1 << 60);
        let mut d = Dec {
            bytes: &e.out,
            pos: 0,
        };
        assert!(d.seq(Dec::string).is_err());
    }
}
