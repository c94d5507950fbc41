//! The parsed document and its parts.

use jiff::civil::Date;
use serde_json::{json, Value};

use crate::entities::{Entity, Mention};
use crate::event::Event;
use crate::json::JsonDocument;
use crate::quantity::Quantity;
use crate::quote::{Attribution, Quote};
use crate::span::{CharOffsets, Span};
use crate::text::Repair;
use crate::time::TimeExpression;

/// Version of the JSON contract produced by [`Document::to_json_value`].
pub const SCHEMA_VERSION: u32 = 1;

/// The role of a block of the article's layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockKind {
    /// The headline.
    Title,
    /// A standfirst, deck or subheadline under the title.
    Subtitle,
    /// The byline: who wrote the piece.
    Byline,
    /// A line giving place, date or agency on its own ("LONDON 1996-08-30").
    Dateline,
    /// A section heading inside the body.
    Heading,
    /// A body paragraph.
    Paragraph,
    /// A photo or video caption.
    Caption,
    /// A photo, agency or information credit ("EFE/EPA/Parker Song/Pool").
    Credit,
    /// Page furniture that is not part of the article; see [`Block::reason`].
    Boilerplate,
}

impl BlockKind {
    /// The contract name of the kind (`"title"`, `"paragraph"`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Subtitle => "subtitle",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Credit => "credit",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// True for the kinds that make up the article body (paragraphs and headings).
    pub const fn is_body(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Heading)
    }
}

/// Why a block was judged to be boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BoilerplateReason {
    /// The site's or publisher's name on a line of its own.
    SiteName,
    /// A "Published by" / "Posted by" line with no name.
    PublishedBy,
    /// A prompt to share, like, print or email the article.
    Share,
    /// A prompt to follow the outlet or an author on social media.
    Follow,
    /// A prompt to comment, or the comment section.
    Comments,
    /// A list or heading of related stories ("You may also like").
    Related,
    /// Navigation menus, breadcrumbs and section lists.
    Navigation,
    /// Cookie, consent and privacy notices.
    Cookies,
    /// Subscription, sign-in, newsletter and paywall notices.
    Subscription,
    /// Advertising slots and sponsored-content labels.
    Advertisement,
    /// Copyright and legal lines.
    Legal,
    /// Tags, topics and category lists.
    Tags,
    /// Text that sits outside the article's main run of paragraphs.
    OutsideArticle,
    /// A web address alone on its line (the page's own, as text dumps of
    /// crawled pages often begin, or a bare link).
    Url,
}

impl BoilerplateReason {
    /// The contract name of the reason (`"share"`, `"related"`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            BoilerplateReason::SiteName => "site_name",
            BoilerplateReason::PublishedBy => "published_by",
            BoilerplateReason::Share => "share",
            BoilerplateReason::Follow => "follow",
            BoilerplateReason::Comments => "comments",
            BoilerplateReason::Related => "related",
            BoilerplateReason::Navigation => "navigation",
            BoilerplateReason::Cookies => "cookies",
            BoilerplateReason::Subscription => "subscription",
            BoilerplateReason::Advertisement => "advertisement",
            BoilerplateReason::Legal => "legal",
            BoilerplateReason::Tags => "tags",
            BoilerplateReason::OutsideArticle => "outside_article",
            BoilerplateReason::Url => "url",
        }
    }
}

/// One block of the article's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in the original input.
    pub span: Span,
    /// Its language (ISO 639-1), when the block is long enough to tell. The
    /// extractors read English: a block surely in another language has
    /// sentences but no words, entities, times, quantities or events.
    pub lang: Option<&'static str>,
    /// For boilerplate, why it was left out.
    pub reason: Option<BoilerplateReason>,
    /// For a document parsed from HTML ([`Parser::parse_html`](crate::Parser::parse_html)):
    /// the block's byte range in the HTML ([`Document::html`]), from its
    /// element's start tag to its end tag. `None` for text input.
    pub html: Option<Span>,
}

/// A sentence of a non-boilerplate block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Sentence {
    /// Where it is in the original input.
    pub span: Span,
    /// Index of the block it belongs to in [`Document::blocks`].
    pub block: usize,
    /// Its words in [`Document::words`] (empty unless [`Options::syntax`]
    /// is on, and for a caption in another language).
    ///
    /// [`Options::syntax`]: crate::Options::syntax
    pub words: std::ops::Range<usize>,
}

/// A word of a sentence with its syntax: part of speech, lemma, head and
/// relation (Universal Dependencies, as in UD English EWT).
///
/// Words are the tokens of [`segment::tokens`](crate::segment::tokens),
/// split as UD English EWT splits words: clitics are words of their own
/// ("Putin" "'s", "do" "n't"), so are a currency sign before a number ("$"
/// "2.5") and the parts and hyphens of a hyphenated word ("10" "-" "year",
/// but "non-stop", "e-mail").
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Word {
    /// Where it is in the original input.
    pub span: Span,
    /// The universal part of speech.
    pub upos: crate::syntax::Upos,
    /// The Penn Treebank tag ("NNP", "VBD"...).
    pub xpos: &'static str,
    /// The lemma ("say" for "said", "be" for "'s" as a verb).
    pub lemma: Box<str>,
    /// Index of its head among its sentence's words; `None` for a root.
    /// A sentence longer than [`Options::max_sentence_tokens`] is parsed in
    /// windows, each with a root of its own.
    ///
    /// [`Options::max_sentence_tokens`]: crate::Options::max_sentence_tokens
    pub head: Option<usize>,
    /// The relation to its head, with its subtype ("nsubj", "nsubj:pass",
    /// "obl:tmod"...); "root" for a root.
    pub deprel: &'static str,
}

/// An author named by the byline.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Author {
    /// The name as written.
    pub name: String,
    /// Where the name is in the original input.
    pub span: Span,
}

/// A dateline: the place (and often date and agency) that opens a story.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dateline {
    /// The whole dateline ("BEIJING, Oct 17 (Reuters) -").
    pub span: Span,
    /// The place ("BEIJING").
    pub place: Option<String>,
    /// The date it states, when it states a full one.
    pub date: Option<Date>,
    /// The agency it names ("Reuters").
    pub agency: Option<String>,
}

/// Where [`Document::published`] came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PublishedFrom {
    /// The caller's [`Meta`](crate::Meta): its date, or else (when the text
    /// states none) a date in the path of its URL.
    Meta,
    /// A date the text states about itself (a "Published" line, a dateline), here.
    Text(Span),
    /// The web page's own metadata ([`Document::metadata`]: JSON-LD, Open Graph, meta tags).
    Page,
}

/// A parsed article. Every span points into [`Document::text`], the original input.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Document {
    /// The original input, unchanged.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The standfirst or subheadline.
    pub subtitle: Option<String>,
    /// Authors named by the byline.
    pub authors: Vec<Author>,
    /// The publisher: from [`Meta::source`](crate::Meta::source), else a name the page gives.
    pub publisher: Option<String>,
    /// Publication date: from [`Meta`](crate::Meta), else stated by the text, else none.
    pub published: Option<Date>,
    /// Where `published` came from.
    pub published_from: Option<PublishedFrom>,
    /// The dateline opening the story, if any.
    pub dateline: Option<Dateline>,
    /// The main language of the body (ISO 639-1).
    pub language: Option<&'static str>,
    /// The URL given in [`Meta`](crate::Meta).
    pub url: Option<String>,
    /// The layout blocks, in input order, covering every non-blank line.
    pub blocks: Vec<Block>,
    /// The body: paragraphs and headings, normalized, joined by blank lines.
    pub body: String,
    /// Sentences of the title, subtitle, headings, paragraphs and captions.
    pub sentences: Vec<Sentence>,
    /// Words of every analysed sentence, in order, with their syntax; each
    /// sentence's are [`Sentence::words`]. Empty unless
    /// [`Options::syntax`](crate::Options::syntax) is on.
    pub words: Vec<Word>,
    /// Named-entity mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Entities: mentions of one thing grouped, with aliases and roles.
    pub entities: Vec<Entity>,
    /// Time expressions, in text order, resolved against `published`.
    pub times: Vec<TimeExpression>,
    /// Quantities (money, percentages, counts, ordinals, physical quantities,
    /// durations), in text order.
    pub quantities: Vec<Quantity>,
    /// Quotes and attributions (direct, partial, indirect, block), in text order.
    pub quotes: Vec<Quote>,
    /// Attributions of reported facts to their sources ("according to X", "as
    /// reported by X", credit lines), in text order.
    pub attributions: Vec<Attribution>,
    /// Events (who did what to whom, where and when), in text order.
    pub events: Vec<Event>,
    /// For a document parsed from HTML ([`Parser::parse_html`](crate::Parser::parse_html)):
    /// the HTML as given, which [`Block::html`] ranges index. [`Document::text`]
    /// is then the page's visible text. `None` for text input.
    pub html: Option<String>,
    /// For a document parsed from HTML: what the page says about itself
    /// (JSON-LD, Open Graph, meta tags). `None` for text input.
    pub metadata: Option<crate::html::PageMeta>,
    /// What the normalizer changed in the content of the input before the
    /// extractors read it (mojibake, C1 controls, HTML character references,
    /// glued words), in input order; see [`crate::text`].
    pub repairs: Vec<Repair>,
}

impl Document {
    /// The original text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The words of a sentence of this document, with their syntax: its
    /// [`Sentence::words`] range of [`Document::words`]. Empty unless
    /// [`Options::syntax`](crate::Options::syntax) is on (and for a sentence
    /// of another document, whose range does not fit this one's words).
    ///
    /// ```
    /// use nutgraf::{Meta, Options, Parser};
    ///
    /// let parser = Parser::new(Options::new().syntax(true));
    /// let doc = parser.parse("The talks were postponed, officials said.", &Meta::new())?;
    /// let words = doc.sentence_words(&doc.sentences[0]);
    /// let talks = &words[1];
    /// assert_eq!((doc.slice(talks.span), talks.deprel), ("talks", "nsubj:pass"));
    /// assert_eq!(doc.slice(words[talks.head.unwrap()].span), "postponed");
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn sentence_words(&self, sentence: &Sentence) -> &[Word] {
        self.words.get(sentence.words.clone()).unwrap_or_default()
    }

    /// Blocks of one kind.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &Block> + '_ {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// The document as the version-1 JSON contract (offsets in code points).
    ///
    /// The contract is documented in `docs/contract.md`; the Python `to_dict()` and
    /// the CLI's `--json` output are exactly this value. This builds the whole tree
    /// (about 2 KB per block): to serialize, use [`write_json`](Self::write_json) or
    /// [`to_json`](Self::to_json), which stream the same bytes. (This function stays
    /// the reference the streamed bytes are tested against.) When the document has
    /// [`words`](Self::words) ([`Options::syntax`](crate::Options::syntax) on), each
    /// sentence object also lists its words with their syntax; without, nothing
    /// changes.
    pub fn to_json_value(&self) -> Value {
        let co = CharOffsets::new(&self.text);
        let html_co = self.html.as_deref().map(CharOffsets::new);
        let blocks: Vec<Value> = self
            .blocks
            .iter()
            .map(|b| {
                let (start, end) = co.span(b.span);
                let mut v = json!({
                    "kind": b.kind.as_str(),
                    "start": start,
                    "end": end,
                    "text": self.slice(b.span),
                    "lang": b.lang,
                });
                if let Some(r) = b.reason {
                    v["reason"] = json!(r.as_str());
                }
                if let (Some(h), Some(hco)) = (b.html, &html_co) {
                    let (hs, he) = hco.span(h);
                    v["html_start"] = json!(hs);
                    v["html_end"] = json!(he);
                }
                v
            })
            .collect();
        // Sentences carry their words only when the document has some.
        let with_words = !self.words.is_empty();
        let sentences: Vec<Value> = self
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = co.span(s.span);
                let mut v = json!({"start": start, "end": end, "block": s.block});
                if with_words {
                    let words: Vec<Value> = self
                        .sentence_words(s)
                        .iter()
                        .map(|w| {
                            let (start, end) = co.span(w.span);
                            json!({
                                "start": start,
                                "end": end,
                                "text": self.slice(w.span),
                                "lemma": &*w.lemma,
                                "upos": w.upos.as_str(),
                                "xpos": w.xpos,
                                "head": w.head,
                                "deprel": w.deprel,
                            })
                        })
                        .collect();
                    v["words"] = Value::Array(words);
                }
                v
            })
            .collect();
        let authors: Vec<&str> = self.authors.iter().map(|a| a.name.as_str()).collect();
        let span_value = |s: Span| {
            let (start, end) = co.span(s);
            json!({"start": start, "end": end, "text": self.slice(s)})
        };
        let author_spans: Vec<Value> = self.authors.iter().map(|a| span_value(a.span)).collect();
        let published_from = self.published_from.map(|p| match p {
            PublishedFrom::Meta => json!({"kind": "meta"}),
            PublishedFrom::Page => json!({"kind": "page"}),
            PublishedFrom::Text(s) => {
                let mut v = span_value(s);
                v["kind"] = json!("text");
                v
            }
        });
        let dateline = self.dateline.as_ref().map(|d| {
            let (start, end) = co.span(d.span);
            json!({
                "start": start,
                "end": end,
                "text": self.slice(d.span),
                "place": d.place,
                "date": d.date.map(|x| x.to_string()),
                "agency": d.agency,
            })
        });
        let entities: Vec<Value> = self
            .entities
            .iter()
            .map(|e| {
                let roles: Vec<Value> = e
                    .roles
                    .iter()
                    .map(|r| json!({"title": r.title, "affiliation": r.affiliation, "qualifier": r.qualifier}))
                    .collect();
                let mentions: Vec<Value> = e
                    .mentions
                    .iter()
                    .map(|&m| {
                        let span = self.mentions[m].span;
                        let (start, end) = co.span(span);
                        json!({"start": start, "end": end, "text": self.slice(span)})
                    })
                    .collect();
                let phrases = |spans: &[Span]| -> Vec<Value> {
                    spans
                        .iter()
                        .map(|&span| {
                            let (start, end) = co.span(span);
                            json!({"start": start, "end": end, "text": self.slice(span)})
                        })
                        .collect()
                };
                json!({
                    "label": e.label.as_str(),
                    "name": e.name,
                    "aliases": e.aliases,
                    "roles": roles,
                    "mentions": mentions,
                    "references": phrases(&e.references),
                    "pronouns": phrases(&e.pronouns),
                })
            })
            .collect();
        let times: Vec<Value> = self
            .times
            .iter()
            .map(|t| {
                let (start, end) = co.span(t.span);
                json!({
                    "start": start,
                    "end": end,
                    "text": self.slice(t.span),
                    "type": t.kind.as_str(),
                    "value": t.value,
                    "mod": t.modifier.map(super::time::TimexMod::as_str),
                    "grain": t.grain.as_str(),
                    "anchor": t.anchor.map(|d| d.to_string()),
                    "end_value": t.end_value,
                })
            })
            .collect();
        let quantities: Vec<Value> = self
            .quantities
            .iter()
            .map(|q| {
                let (start, end) = co.span(q.span);
                json!({
                    "start": start,
                    "end": end,
                    "text": self.slice(q.span),
                    "kind": q.kind.as_str(),
                    "value": json_number(q.value),
                    "value_max": q.value_max.map(json_number),
                    "unit": q.unit.as_deref(),
                    "per": q.per.as_deref(),
                    "approximate": q.approximate,
                    "bound": q.bound.map(crate::quantity::Bound::as_str),
                })
            })
            .collect();
        let span_json = |s: Span| {
            let (start, end) = co.span(s);
            json!({"start": start, "end": end, "text": self.slice(s)})
        };
        let quotes: Vec<Value> = self
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = co.span(q.span);
                let parts: Vec<Value> = q.parts.iter().map(|&p| span_json(p)).collect();
                let speaker = q.speaker.as_ref().map(|s| {
                    let mut v = span_json(s.span);
                    v["entity"] = json!(s.entity);
                    v
                });
                json!({
                    "start": start,
                    "end": end,
                    "text": self.slice(q.span),
                    "kind": q.kind.as_str(),
                    "parts": parts,
                    "cue": q.cue.map(span_json),
                    "speaker": speaker,
                })
            })
            .collect();
        let attributions: Vec<Value> = self
            .attributions
            .iter()
            .map(|a| {
                let (start, end) = co.span(a.span);
                let mut source = span_json(a.source);
                source["entities"] = json!(a.entities);
                json!({
                    "start": start,
                    "end": end,
                    "text": self.slice(a.span),
                    "kind": a.kind.as_str(),
                    "cue": span_json(a.cue),
                    "source": source,
                })
            })
            .collect();
        let participant = |p: &crate::event::Participant| {
            let mut v = span_json(p.span);
            v["entity"] = json!(p.entity);
            v
        };
        let events: Vec<Value> = self
            .events
            .iter()
            .map(|e| {
                let (start, end) = co.span(e.span);
                let time = e.time.and_then(|i| self.times.get(i)).map(|t| {
                    let mut v = span_json(t.span);
                    v["value"] = json!(t.value);
                    v
                });
                json!({
                    "type": e.kind.as_str(),
                    "cameo": e.cameo,
                    "trigger": span_json(e.trigger),
                    "actors": e.actors.iter().map(participant).collect::<Vec<_>>(),
                    "targets": e.targets.iter().map(participant).collect::<Vec<_>>(),
                    "place": e.place.as_ref().map(participant),
                    "time": time,
                    "polarity": e.polarity.as_str(),
                    "modality": e.modality.as_str(),
                    "start": start,
                    "end": end,
                    "text": self.slice(e.span),
                })
            })
            .collect();
        let repairs: Vec<Value> = self
            .repairs
            .iter()
            .map(|r| {
                let (start, end) = co.span(r.span);
                json!({
                    "start": start,
                    "end": end,
                    "original": self.slice(r.span),
                    "replacement": r.replacement,
                    "kind": r.kind.as_str(),
                })
            })
            .collect();
        let mut doc = json!({
            "schema_version": SCHEMA_VERSION,
            "repairs": repairs,
            "events": events,
            "quotes": quotes,
            "attributions": attributions,
            "quantities": quantities,
            "entities": entities,
            "times": times,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": authors,
            "author_spans": author_spans,
            "publisher": self.publisher,
            "published": self.published.map(|d| d.to_string()),
            "published_from": published_from,
            "text": self.text,
            "language": self.language,
            "url": self.url,
            "dateline": dateline,
            "body": self.body,
            "blocks": blocks,
            "sentences": sentences,
        });
        if let Some(p) = &self.metadata {
            doc["metadata"] = p.to_json_value();
        }
        if let Some(html) = &self.html {
            doc["html"] = json!(html);
        }
        doc
    }

    /// The JSON contract as a compact string: the bytes of
    /// [`write_json`](Self::write_json), `to_json_value().to_string()` without the
    /// value tree.
    ///
    /// # Panics
    /// As [`to_json_value`](Self::to_json_value), when an index does not point into
    /// this document, which cannot happen for a document nutgraf returned (a span
    /// that does not fit the text gives an empty `text`, see [`Span::slice`]).
    pub fn to_json(&self) -> String {
        // Serializing borrowed views into a `Vec` cannot fail.
        serde_json::to_string(&JsonDocument::new(self)).expect("the contract serializes")
    }

    /// The document in a compact, versioned binary form: every field, so that
    /// [`from_bytes`](Self::from_bytes) gives back a document `==` to this one.
    ///
    /// Smaller and much faster to read back than the JSON contract (no offsets to
    /// convert, no span texts repeated); meant for caches, queues and Python's
    /// `pickle`. The form is documented in the crate's source (`binary.rs`); a
    /// later nutgraf reads the versions it knows and refuses others with an error.
    ///
    /// ```
    /// let text = "Putin visits China\n\nHe met Xi Jinping on Tuesday.";
    /// let doc = nutgraf::parse(text, &nutgraf::Meta::new())?;
    /// let bytes = doc.to_bytes();
    /// assert_eq!(nutgraf::Document::from_bytes(&bytes)?, doc);
    /// assert!(bytes.len() < doc.to_json().len());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        crate::binary::encode(self)
    }

    /// Reads the binary form of [`to_bytes`](Self::to_bytes) back.
    ///
    /// The bytes are not trusted: a truncated, corrupt or foreign input is an
    /// [`ErrorKind::InvalidDocument`](crate::ErrorKind::InvalidDocument) naming the
    /// byte where the fault was found, never a panic, and memory stays within a
    /// fixed multiple of the input's size whatever lengths the bytes claim. Every
    /// span of the document read lies within its text on character boundaries and
    /// every index within its list.
    pub fn from_bytes(bytes: &[u8]) -> crate::Result<Document> {
        crate::binary::decode(bytes)
    }

    /// Reads the JSON contract (schema version 1, as [`to_json`](Self::to_json)
    /// writes it) back into a document.
    ///
    /// `from_json(&doc.to_json())` is `==` to `doc`, except that
    /// [`mentions`](Self::mentions) are rebuilt from the entities' mentions (the
    /// contract has no others): a mention that joined no entity is dropped and each
    /// mention takes its entity's label. Code-point offsets are converted back to
    /// bytes; an offset past its text, a missing key, a value of the wrong type, an
    /// unknown name or an index outside its list is an
    /// [`ErrorKind::InvalidDocument`](crate::ErrorKind::InvalidDocument) naming the
    /// key (`"entities[2].mentions[0].start"`).
    ///
    /// ```
    /// let text = "Putin visits China\n\nHe met Xi Jinping on Tuesday.";
    /// let doc = nutgraf::parse(text, &nutgraf::Meta::new())?;
    /// assert_eq!(nutgraf::Document::from_json(&doc.to_json())?, doc);
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn from_json(json: &str) -> crate::Result<Document> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            crate::Error::invalid_document(
                format!("line {} column {}", e.line(), e.column()),
                format!("not JSON: {e}"),
            )
        })?;
        Self::from_json_value(&value)
    }

    /// Reads the JSON contract as a value tree ([`to_json_value`](Self::to_json_value))
    /// back into a document; see [`from_json`](Self::from_json).
    pub fn from_json_value(value: &Value) -> crate::Result<Document> {
        crate::json_read::read(value)
    }

    /// Writes the JSON contract, compact, to `w`: byte for byte what
    /// `to_json_value().to_string()` gives, without building the value tree.
    ///
    /// Memory stays constant whatever the document's size, beside a code-point index
    /// of non-ASCII text (1/64 of its size). `w` gets many small writes: wrap a file or
    /// a socket in a [`BufWriter`](std::io::BufWriter).
    ///
    /// ```
    /// let text = "Putin visits China\n\nHe met Xi Jinping in Beijing on Tuesday.";
    /// let doc = nutgraf::parse(text, &nutgraf::Meta::new())?;
    /// let mut out = Vec::new();
    /// doc.write_json(&mut out).expect("a Vec takes every write");
    /// assert_eq!(out, doc.to_json().into_bytes());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    ///
    /// # Errors
    /// The first error `w` returns.
    ///
    /// # Panics
    /// As [`to_json`](Self::to_json).
    pub fn write_json<W: std::io::Write>(&self, w: W) -> std::io::Result<()> {
        serde_json::to_writer(w, &JsonDocument::new(self)).map_err(std::io::Error::from)
    }
}

/// A number for JSON: whole values as integers ("240000000000", not "2.4e11").
fn json_number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)] // whole and within i64's exact range
        let i = v as i64;
        json!(i)
    } else {
        json!(v)
    }
}
