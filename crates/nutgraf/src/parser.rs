//! The parser: runs the pipeline stages in order and builds a [`Document`].

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::LazyLock;

use rayon::prelude::*;

use crate::document::{
    Author, Block, BlockKind, Dateline, Document, PublishedFrom, Sentence, Word,
};
use crate::entities::{self, Mention};
use crate::error::{Error, ErrorKind, Result};
use crate::layout::{self, Layout};
use crate::meta::Meta;
use crate::options::Options;
use crate::quantity::{self, Bound, Quantity, QuantityKind};
use crate::span::Span;
use crate::text::NormalizedText;
use crate::time::TimexMod;
use crate::view::{self, View};
use crate::{event, lang, quote, segment, syntax, time};

/// Parses news text into [`Document`]s.
///
/// Build it once and share it: it is cheap to clone, `Send` and `Sync`, and all
/// lexicons and patterns it uses are compiled once per process.
///
/// ```
/// use nutgraf::{Meta, Options, Parser};
///
/// let parser = Parser::new(Options::new());
/// let doc = parser.parse("Putin visits China\n\nVladimir Putin arrived in Beijing on Tuesday.", &Meta::new())?;
/// assert_eq!(doc.title.as_deref(), Some("Putin visits China"));
/// # Ok::<(), nutgraf::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Parser {
    options: Options,
}

impl Parser {
    /// A parser with these options.
    pub fn new(options: Options) -> Parser {
        Parser { options }
    }

    /// The parser's options.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Parse one document.
    ///
    /// Fails when the input is over [`Options::max_input_bytes`]; any other text,
    /// however malformed, gives a best-effort document. A bug in a stage (a panic)
    /// is caught and returned as [`ErrorKind::Internal`], never unwound into the
    /// caller, so one input cannot take a batch or a process down with it.
    pub fn parse(&self, text: &str, meta: &Meta) -> Result<Document> {
        let limit = self.options.get_max_input_bytes();
        if text.len() > limit {
            return Err(Error::new(ErrorKind::InputTooLarge {
                len: text.len(),
                limit,
            }));
        }
        // The pipeline only reads `text`, `meta` and the options, and builds a new
        // document: nothing it touches is left half-updated by a panic.
        std::panic::catch_unwind(AssertUnwindSafe(|| self.parse_unchecked(text, meta)))
            .map_err(|payload| Error::from_panic(payload.as_ref()))
    }

    fn parse_unchecked(&self, text: &str, meta: &Meta) -> Document {
        let mut norm = NormalizedText::with_options(text, self.options.get_repair_encoding());
        norm.repair_glued();
        let layout = layout::analyze(norm.as_str(), self.options.get_layout());
        build(&norm, layout, meta, &self.options)
    }

    /// Parse many documents in parallel on the global rayon pool, keeping order.
    ///
    /// Each result stands alone: one input over the size limit (or one that hits a
    /// bug) does not stop the others.
    pub fn parse_many<S>(&self, inputs: &[(S, Meta)]) -> Vec<Result<Document>>
    where
        S: AsRef<str> + Sync,
    {
        inputs
            .par_iter()
            .map(|(text, meta)| self.parse(text.as_ref(), meta))
            .collect()
    }

    /// Like [`Parser::parse_many`], on a dedicated pool of `threads` threads
    /// (`None` or `0`: the global pool). More than [`MAX_THREADS`] threads is an
    /// [`ErrorKind::InvalidOption`].
    pub fn parse_many_with_threads<S>(
        &self,
        inputs: &[(S, Meta)],
        threads: Option<usize>,
    ) -> Result<Vec<Result<Document>>>
    where
        S: AsRef<str> + Sync,
    {
        self.parse_many_cancellable(inputs, threads, &AtomicBool::new(false))
    }

    /// Like [`Parser::parse_many_with_threads`], stopping early when `cancel` is set
    /// (by a signal handler or another thread): documents not started by then come
    /// back as [`ErrorKind::Cancelled`], in place, so the batch keeps its length.
    ///
    /// ```
    /// use std::sync::atomic::AtomicBool;
    /// let parser = nutgraf::Parser::default();
    /// let batch = vec![("One.", nutgraf::Meta::new()), ("Two.", nutgraf::Meta::new())];
    /// let cancel = AtomicBool::new(true); // already set: nothing is parsed
    /// let out = parser.parse_many_cancellable(&batch, Some(1), &cancel)?;
    /// assert!(out.iter().all(|r| r.as_ref().unwrap_err().is_cancelled()));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn parse_many_cancellable<S>(
        &self,
        inputs: &[(S, Meta)],
        threads: Option<usize>,
        cancel: &AtomicBool,
    ) -> Result<Vec<Result<Document>>>
    where
        S: AsRef<str> + Sync,
    {
        batch(inputs, threads, cancel, |(text, meta)| {
            self.parse(text.as_ref(), meta)
        })
    }

    /// Like [`Parser::parse_many_cancellable`] for a batch that mixes article
    /// text and web pages: each input is read by [`Parser::parse`] or
    /// [`Parser::parse_html`] as its [`Format`] says.
    ///
    /// ```
    /// use std::sync::atomic::AtomicBool;
    /// use nutgraf::{Format, Meta, Parser};
    /// let batch = vec![
    ///     ("Putin visits China\n\nHe arrived on Tuesday.", Meta::new(), Format::Text),
    ///     ("<html><body><h1>Putin visits China</h1><p>He arrived on Tuesday.</p></body></html>", Meta::new(), Format::Html),
    /// ];
    /// let out = Parser::default().parse_batch_cancellable(&batch, None, &AtomicBool::new(false))?;
    /// assert!(out[0].as_ref().unwrap().html.is_none());
    /// assert!(out[1].as_ref().unwrap().html.is_some());
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn parse_batch_cancellable<S>(
        &self,
        inputs: &[(S, Meta, Format)],
        threads: Option<usize>,
        cancel: &AtomicBool,
    ) -> Result<Vec<Result<Document>>>
    where
        S: AsRef<str> + Sync,
    {
        batch(
            inputs,
            threads,
            cancel,
            |(input, meta, format)| match format {
                Format::Text => self.parse(input.as_ref(), meta),
                Format::Html => self.parse_html(input.as_ref(), meta),
            },
        )
    }
}

/// What an input of [`Parser::parse_batch_cancellable`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Article text, read by [`Parser::parse`].
    #[default]
    Text,
    /// A web page, read by [`Parser::parse_html`].
    Html,
}

/// Run `parse` over `inputs` in parallel, keeping order, on the global pool or a
/// dedicated one of `threads` threads; inputs not started when `cancel` is set
/// come back as [`ErrorKind::Cancelled`].
fn batch<T, F>(
    inputs: &[T],
    threads: Option<usize>,
    cancel: &AtomicBool,
    parse: F,
) -> Result<Vec<Result<Document>>>
where
    T: Sync,
    F: Fn(&T) -> Result<Document> + Sync,
{
    let run = || {
        inputs
            .par_iter()
            .map(|input| {
                if cancel.load(Ordering::Relaxed) {
                    Err(Error::new(ErrorKind::Cancelled))
                } else {
                    parse(input)
                }
            })
            .collect()
    };
    match threads {
        None | Some(0) => Ok(run()),
        Some(n) if n > MAX_THREADS => Err(Error::new(ErrorKind::InvalidOption {
            name: "threads",
            reason: format!("{n} threads is over the limit of {MAX_THREADS}"),
        })),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| {
                    Error::new(ErrorKind::InvalidOption {
                        name: "threads",
                        reason: e.to_string(),
                    })
                })?;
            Ok(pool.install(run))
        }
    }
}

/// The most threads a batch call accepts: far more than any machine has cores, and
/// few enough that a typo (10,000) cannot exhaust the process.
pub const MAX_THREADS: usize = 1024;

static DEFAULT_PARSER: LazyLock<Parser> = LazyLock::new(Parser::default);

/// Parse one document with the default [`Options`].
///
/// ```
/// let doc = nutgraf::parse("Hello world. Bye.", &nutgraf::Meta::new())?;
/// assert_eq!(doc.sentences.len(), 2);
/// # Ok::<(), nutgraf::Error>(())
/// ```
pub fn parse(text: &str, meta: &Meta) -> Result<Document> {
    DEFAULT_PARSER.parse(text, meta)
}

/// Collapse runs of whitespace to single spaces and trim.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(crate) fn build(
    norm: &NormalizedText<'_>,
    layout: Layout,
    meta: &Meta,
    options: &Options,
) -> Document {
    let ntext = norm.as_str();
    let mut blocks = Vec::with_capacity(layout.blocks.len());
    let mut sentences = Vec::new();
    let mut body = String::new();
    let mut sent_buf: Vec<Span> = Vec::new();
    let mut norm_sentences: Vec<(Span, bool)> = Vec::new();
    // The document sentence of each normalized sentence, if it has one.
    let mut norm_doc: Vec<Option<usize>> = Vec::new();
    // The block of each normalized sentence.
    let mut norm_block: Vec<usize> = Vec::new();
    // Blocks surely in another language than English, and the bytes of body
    // text that are and are not.
    let mut other_blocks: Vec<usize> = Vec::new();
    let (mut other_weight, mut english_weight) = (0usize, 0usize);
    let mut lang_weight: Vec<(&'static str, usize)> = Vec::new();
    // The block and original end of the last sentence kept.
    let mut kept_end: Option<(usize, usize)> = None;

    for raw in &layout.blocks {
        let block_text = raw.span.slice(ntext);
        let block_lang = if raw.kind == BlockKind::Boilerplate {
            None
        } else {
            lang::detect(block_text)
        };
        if raw.kind.is_body() {
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&clean(block_text));
            if let Some(code) = block_lang {
                match lang_weight.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, w)) => *w += block_text.len(),
                    None => lang_weight.push((code, block_text.len())),
                }
            }
        }
        let index = blocks.len();
        if raw.kind != BlockKind::Boilerplate && block_lang.is_some_and(|l| l != "en") {
            // A caption is read only in English (a line under a photo often
            // comes from an agency in another language).
            let sure = raw.kind == BlockKind::Caption || lang::surely_other(block_text);
            if sure {
                other_blocks.push(index);
            }
            if raw.kind.is_body() {
                if sure {
                    other_weight += block_text.len();
                } else {
                    english_weight += block_text.len();
                }
            }
        } else if raw.kind.is_body() {
            english_weight += block_text.len();
        }
        if matches!(
            raw.kind,
            BlockKind::Title
                | BlockKind::Subtitle
                | BlockKind::Heading
                | BlockKind::Paragraph
                | BlockKind::Caption
        ) {
            sent_buf.clear();
            segment::sentences(ntext, raw.span, &mut sent_buf);
            let headline = matches!(
                raw.kind,
                BlockKind::Title | BlockKind::Subtitle | BlockKind::Heading
            );
            for &s in &sent_buf {
                // A sentence that is empty in the original input (inside a
                // replaced region) is none; the spans themselves are mapped at
                // the end (`map_to_original`), the same way.
                let span = sentence_in_original(norm, s, kept_end.filter(|(b, _)| *b == index));
                let doc = if span.is_empty() {
                    None
                } else {
                    kept_end = Some((index, span.end));
                    sentences.push(Sentence {
                        span: s,
                        block: index,
                        words: 0..0,
                    });
                    Some(sentences.len() - 1)
                };
                norm_sentences.push((s, headline));
                norm_doc.push(doc);
                norm_block.push(index);
            }
        }
        blocks.push(Block {
            kind: raw.kind,
            span: raw.span,
            lang: block_lang,
            reason: raw.reason,
            html: None,
        });
    }

    let language = lang_weight
        .iter()
        .max_by_key(|(_, w)| *w)
        .map(|(c, _)| *c)
        .or_else(|| lang::detect(ntext));

    // Headings and other short body lines too short to identify take the body's language.
    if let Some(code) = language {
        for b in &mut blocks {
            if b.lang.is_none()
                && matches!(
                    b.kind,
                    BlockKind::Title
                        | BlockKind::Subtitle
                        | BlockKind::Heading
                        | BlockKind::Paragraph
                )
            {
                b.lang = Some(code);
            }
        }
    }

    // The extractors read English: the sentences of a block surely in
    // another language (a caption, a quoted statement, a whole article) are
    // left alone, and in a document whose body is surely in another language
    // (two thirds of its text or more), so are those of its other blocks not
    // read as English. They stay sentences of the document.
    let other_doc = other_weight >= 2 * english_weight && other_weight > 0;
    let english = |b: usize| {
        let block = blocks.get(b);
        !(other_blocks.binary_search(&b).is_ok()
            || (other_doc && block.and_then(|b: &Block| b.lang) != Some("en")))
    };
    let keep: Vec<bool> = norm_block.iter().map(|&b| english(b)).collect();
    if keep.contains(&false) {
        let mut k = keep.iter();
        norm_sentences.retain(|_| k.next().copied().unwrap_or(true));
        let mut k = keep.iter();
        norm_doc.retain(|_| k.next().copied().unwrap_or(true));
    }

    // The caller's date, else one the text states, else one in the path of
    // the caller's address for the page ("/2011/01/05/").
    let url_date = || meta.url.as_deref().and_then(crate::layout::url_date);
    let (published, published_from) = match (meta.published, layout.published) {
        (Some(d), _) => (Some(d), Some(PublishedFrom::Meta)),
        (None, Some((d, span))) => (Some(d), Some(PublishedFrom::Text(span))),
        (None, None) => match url_date() {
            Some((d, _, _)) => (Some(d), Some(PublishedFrom::Meta)),
            None => (None, None),
        },
    };

    // Tokens of every sentence, cut once and read by each extractor.
    let tokenize = options.get_entities()
        || options.get_syntax()
        || options.get_times()
        || options.get_quantities()
        || options.get_quotes()
        || options.get_events();
    let mut tokens: Vec<Vec<segment::Token>> = Vec::with_capacity(norm_sentences.len());
    if tokenize {
        // Over-long sentences are read in bounded windows (Options::max_sentence_tokens).
        let max = options.get_max_sentence_tokens();
        let mut windowed: Vec<(Span, bool)> = Vec::with_capacity(norm_sentences.len());
        let mut windowed_doc = Vec::with_capacity(norm_sentences.len());
        let mut ranges = Vec::new();
        for (&(s, headline), &doc) in norm_sentences.iter().zip(&norm_doc) {
            let mut toks = Vec::new();
            segment::tokens(ntext, s, &mut toks);
            if toks.len() <= max {
                windowed.push((s, headline));
                windowed_doc.push(doc);
                tokens.push(toks);
                continue;
            }
            ranges.clear();
            segment::windows(ntext, &toks, max, &mut ranges);
            for r in ranges.drain(..) {
                let part = &toks[r];
                let span = Span::new(part[0].span.start, part[part.len() - 1].span.end);
                windowed.push((span, headline));
                windowed_doc.push(doc);
                tokens.push(part.to_vec());
            }
        }
        norm_sentences = windowed;
        norm_doc = windowed_doc;
    }

    // The shared view of the sentences: tokens lower-cased once, and the
    // syntax words when the stage runs.
    let lowered = view::Lowered::new(ntext, &tokens);
    let mut view = View::new(ntext, &norm_sentences, tokens, &lowered);
    let (words, layout_of_words) = if options.get_syntax() {
        analyse_words(&view, &norm_doc, &mut sentences)
    } else {
        (Vec::new(), (Vec::new(), Vec::new()))
    };
    view.attach_words(&words, layout_of_words.0, &layout_of_words.1);

    // Every stage below works in normalized-text offsets; what they find is
    // mapped to the original input once, at the end (`Found::map_to_original`).
    // Times and quantities read each sentence's tokens with its addresses
    // (URLs, e-mail addresses, paths) as opaque tokens, found once.
    let mut times = Vec::new();
    let mut quantities = Vec::new();
    if options.get_times() || options.get_quantities() {
        let mut scratch = time::Scratch::default();
        for k in 0..view.sentences.len() {
            let toks = view.grammar_toks(k);
            if options.get_times() {
                time::extract_toks(ntext, &toks, published, &mut scratch, &mut times);
            }
            if options.get_quantities() {
                quantity::extract_toks(ntext, &toks, &mut quantities);
            }
        }
    }
    if options.get_quantities() {
        // Lengths of time come from the time expressions: one reading of "75 years".
        quantities.extend(times.iter().filter_map(duration_quantity));
    }

    let (raw_mentions, raw_entities) = if options.get_entities() {
        entities::extract(&view)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut mentions: Vec<Mention> = raw_mentions
        .iter()
        .map(|m| Mention {
            span: m.span,
            label: m.label,
            entity: usize::MAX,
        })
        .collect();
    let entities = raw_entities;
    for (i, e) in entities.iter().enumerate() {
        for &m in &e.mentions {
            mentions[m].entity = i;
        }
    }

    // Names and role-only references ("the Russian leader"), in order: the
    // view marks the tokens of each.
    let mut names: Vec<view::Name> = mentions
        .iter()
        .map(|m| (m.span, m.label, Some(m.entity).filter(|&e| e != usize::MAX)))
        .collect();
    for (i, e) in entities.iter().enumerate() {
        for r in &e.references {
            names.push((*r, e.label, Some(i)));
        }
    }
    names.sort_by_key(|n| (n.0.start, n.0.end));
    view.attach_names(&names);
    // Pronouns and "the two leaders", resolved once for quotes and events.
    let corefs = entities::coref::resolve(&view, &entities);
    let mut entities = entities;
    for c in &corefs {
        for e in c.entities() {
            if let Some(entity) = entities.get_mut(e) {
                entity.pronouns.push(c.span);
            }
        }
    }

    let mut quotes = Vec::new();
    let mut attributions = Vec::new();
    let mut quote_spans: Vec<Span> = Vec::new();
    if options.get_quotes() {
        let text_blocks: Vec<Span> = layout
            .blocks
            .iter()
            .filter(|b| {
                matches!(
                    b.kind,
                    BlockKind::Title
                        | BlockKind::Subtitle
                        | BlockKind::Heading
                        | BlockKind::Paragraph
                )
            })
            .map(|b| b.span)
            .collect();
        let qm: Vec<(Span, entities::EntityLabel, usize)> = mentions
            .iter()
            .map(|m| (m.span, m.label, m.entity))
            .collect();
        let input = quote::Input {
            text: ntext,
            blocks: &text_blocks,
            view: &view,
            mentions: &qm,
            corefs: &corefs,
        };
        quotes = quote::extract(&input);
        // Credit lines (and short closing paragraphs) may back the whole article.
        let credits: Vec<Span> = layout
            .blocks
            .iter()
            .filter(|b| {
                b.kind == BlockKind::Credit
                    || (b.kind == BlockKind::Paragraph && b.span.len() < 160)
            })
            .map(|b| b.span)
            .collect();
        let mut paragraphs = layout
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.span);
        let body = paragraphs.next().map(|first| {
            let last = paragraphs.next_back().unwrap_or(first);
            Span::new(first.start, last.end)
        });
        attributions = quote::attributions(&input, &credits, body);
        // "I" and "my" inside what a person says are that person.
        let person = |e: usize| {
            entities
                .get(e)
                .is_some_and(|x| x.label == entities::EntityLabel::Person)
        };
        let said = quote::speaker_pronouns(&view, &quotes, person);
        for (span, e) in said {
            if let Some(entity) = entities.get_mut(e) {
                if let Err(at) = entity.pronouns.binary_search(&span) {
                    entity.pronouns.insert(at, span);
                }
            }
        }
        // Events inside what someone said are reported: keep those spans first.
        if options.get_events() {
            quote_spans.extend(
                quotes
                    .iter()
                    // Reported speech counts when its speaker is someone the text
                    // names ("an agreement promising ..." is no statement).
                    .filter(|q| match q.kind {
                        quote::QuoteKind::Partial => false,
                        quote::QuoteKind::Indirect => {
                            q.speaker.as_ref().is_some_and(|s| s.entity.is_some())
                        }
                        _ => true,
                    })
                    .flat_map(|q| q.parts.iter().copied()),
            );
            quote_spans.sort_unstable();
        }
    }

    let mut events = Vec::new();
    if options.get_events() {
        // Events read dates and times.
        let event_times: Vec<(Span, usize)> = times
            .iter()
            .enumerate()
            .filter(|(_, t)| matches!(t.kind, time::TimexType::Date | time::TimexType::Time))
            .map(|(i, t)| (t.span, i))
            .collect();
        let labels: Vec<entities::EntityLabel> = entities.iter().map(|e| e.label).collect();
        let input = event::Input {
            text: ntext,
            view: &view,
            times: &event_times,
            corefs: &corefs,
            labels: &labels,
            quotes: &quote_spans,
        };
        events = event::extract(&input);
    }

    let mut doc = Document {
        text: norm.original().to_owned(),
        title: layout.title.map(|s| clean(s.slice(ntext))),
        subtitle: layout.subtitle.map(|s| clean(s.slice(ntext))),
        authors: layout
            .authors
            .iter()
            .map(|&s| Author {
                name: clean(s.slice(ntext)),
                span: s,
            })
            .collect(),
        publisher: meta.source.clone().or(layout.publisher),
        published,
        published_from,
        dateline: layout.dateline.map(|d| Dateline {
            span: d.span,
            place: d.place.map(|s| clean(s.slice(ntext))),
            date: d.date,
            agency: d.agency.map(|s| clean(s.slice(ntext))),
        }),
        language,
        url: meta.url.clone(),
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
        html: None,
        metadata: None,
        repairs: norm.repairs().to_vec(),
    };
    map_to_original(&mut doc, norm);
    doc
}

/// Where normalized sentence `s` is in the original input, kept after the
/// sentence before it in its block (`prev`: that block and its original end):
/// a replaced region (an entity, a composed character) maps whole, and
/// sentences that meet inside one must not overlap in the original.
fn sentence_in_original(norm: &NormalizedText<'_>, s: Span, prev: Option<(usize, usize)>) -> Span {
    let mut span = norm.to_original(s);
    if let Some((_, end)) = prev {
        span.start = span.start.max(end).min(span.end);
    }
    span
}

/// Map every span of the document from the normalized text to the original
/// input: the one place offsets leave the normalized text.
fn map_to_original(doc: &mut Document, norm: &NormalizedText<'_>) {
    let map = |s: &mut Span| *s = norm.to_original(*s);
    doc.blocks.iter_mut().for_each(|b| map(&mut b.span));
    let mut prev: Option<(usize, usize)> = None;
    for sentence in &mut doc.sentences {
        let span = sentence_in_original(
            norm,
            sentence.span,
            prev.filter(|(b, _)| *b == sentence.block),
        );
        sentence.span = span;
        prev = Some((sentence.block, span.end));
        for w in doc
            .words
            .get_mut(sentence.words.clone())
            .unwrap_or_default()
        {
            // A replaced region straddling a sentence start maps whole: keep
            // the word inside its sentence, as the sentence is kept after
            // the one before.
            let mut w_span = norm.to_original(w.span);
            w_span.start = w_span.start.clamp(span.start, span.end);
            w_span.end = w_span.end.clamp(w_span.start, span.end);
            w.span = w_span;
        }
    }
    if let Some(PublishedFrom::Text(s)) = &mut doc.published_from {
        map(s);
    }
    doc.authors.iter_mut().for_each(|a| map(&mut a.span));
    if let Some(d) = &mut doc.dateline {
        map(&mut d.span);
    }
    doc.times.iter_mut().for_each(|t| map(&mut t.span));
    doc.quantities.iter_mut().for_each(|q| map(&mut q.span));
    // Durations joined the quantities at the end: order them all by where
    // they are in the input.
    doc.quantities.sort_by_key(|q| (q.span.start, q.span.end));
    doc.mentions.iter_mut().for_each(|m| map(&mut m.span));
    for e in &mut doc.entities {
        e.references.iter_mut().for_each(map);
        e.pronouns.iter_mut().for_each(map);
    }
    for q in &mut doc.quotes {
        map(&mut q.span);
        q.parts.iter_mut().for_each(map);
        if let Some(c) = &mut q.cue {
            map(c);
        }
        if let Some(s) = &mut q.speaker {
            map(&mut s.span);
        }
    }
    for a in &mut doc.attributions {
        map(&mut a.span);
        map(&mut a.cue);
        map(&mut a.source);
    }
    for e in &mut doc.events {
        map(&mut e.span);
        map(&mut e.trigger);
        for p in e
            .actors
            .iter_mut()
            .chain(&mut e.targets)
            .chain(&mut e.place)
        {
            map(&mut p.span);
        }
    }
}

/// What the syntax stage gives the view: per sentence its word range and the
/// base of its head indices, and per token its first word.
type WordLayout = (Vec<(std::ops::Range<usize>, usize)>, Vec<u32>);

/// The syntax stage: every word of every analysed sentence tagged, lemmatized
/// and parsed, each window of a long sentence as a tree of its own; fills
/// each document sentence's word range. Word spans are in the normalized text.
fn analyse_words(
    view: &View<'_>,
    norm_doc: &[Option<usize>],
    sentences: &mut [Sentence],
) -> (Vec<Word>, WordLayout) {
    thread_local! {
        // The tagger's and parser's buffers, reused by every document a thread parses.
        static SCRATCH: std::cell::RefCell<syntax::SyntaxScratch> =
            std::cell::RefCell::new(syntax::SyntaxScratch::default());
    }
    SCRATCH.with_borrow_mut(|sc| analyse_words_with(view, norm_doc, sentences, sc))
}

fn analyse_words_with(
    view: &View<'_>,
    norm_doc: &[Option<usize>],
    sentences: &mut [Sentence],
    sc: &mut syntax::SyntaxScratch,
) -> (Vec<Word>, WordLayout) {
    let syn = syntax::Syntax::global();
    let mut spans: Vec<Span> = Vec::new();
    let mut bounds: Vec<std::ops::Range<usize>> = Vec::new();
    let mut ranges = Vec::with_capacity(view.sentences.len());
    let mut first = vec![view::NONE; view.tokens.len()];
    // Per analysed sentence (as in `bounds`): where its words start, and how
    // many words of its document sentence come before them (heads are
    // indices into the document sentence).
    let mut owner: Vec<(usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (k, &doc) in norm_doc.iter().enumerate() {
        let Some(d) = doc else {
            ranges.push((spans.len()..spans.len(), spans.len()));
            continue;
        };
        let start = match current {
            Some((cd, start)) if cd == d => start,
            _ => {
                if let Some((cd, start)) = current {
                    if let Some(s) = sentences.get_mut(cd) {
                        s.words = start..spans.len();
                    }
                }
                current = Some((d, spans.len()));
                spans.len()
            }
        };
        let from = spans.len();
        let base = view.sentences[k].tokens.start;
        for (t, tok) in view.raw(k).iter().enumerate() {
            first[base + t] = u32::try_from(spans.len()).unwrap_or(view::NONE);
            syntax::words::split_token(view.text, tok, &mut spans);
        }
        bounds.push(from..spans.len());
        owner.push((from, from - start));
        ranges.push((from..spans.len(), start));
    }
    if let Some((cd, start)) = current {
        if let Some(s) = sentences.get_mut(cd) {
            s.words = start..spans.len();
        }
    }
    let strs: Vec<&str> = spans.iter().map(|s| s.slice(view.text)).collect();
    let mut words: Vec<Word> = Vec::with_capacity(spans.len());
    syn.analyze_batch(&strs, &bounds, sc, |k, i, a| {
        let (from, offset) = owner[k];
        words.push(Word {
            span: spans[from + i],
            upos: a.upos,
            xpos: a.xpos,
            lemma: a.lemma.into(),
            head: a.head.map(|h| h + offset),
            deprel: a.deprel,
        });
    });
    // `bounds` tile the words in order, so every word was analysed once.
    debug_assert_eq!(words.len(), spans.len());
    (words, (ranges, first))
}

/// A DURATION time expression as a quantity of kind duration.
fn duration_quantity(t: &time::TimeExpression) -> Option<Quantity> {
    let (value, unit) = t.duration()?;
    let (approximate, bound) = match t.modifier {
        Some(TimexMod::Approx) => (true, None),
        Some(TimexMod::MoreThan) => (false, Some(Bound::MoreThan)),
        Some(TimexMod::LessThan) => (false, Some(Bound::LessThan)),
        Some(TimexMod::EqualOrMore) => (false, Some(Bound::AtLeast)),
        Some(TimexMod::EqualOrLess) => (false, Some(Bound::AtMost)),
        _ => (false, None),
    };
    Some(Quantity {
        span: t.span,
        kind: QuantityKind::Duration,
        value,
        value_max: None,
        unit: Some(unit.into()),
        approximate,
        bound,
        per: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_types_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Parser>();
        assert_send_sync::<Document>();
        assert_send_sync::<Error>();
        assert_send_sync::<Meta>();
    }

    #[test]
    fn input_limit_is_a_typed_error() {
        let parser = Parser::new(Options::new().max_input_bytes(10));
        let err = parser
            .parse("this is longer than ten bytes", &Meta::new())
            .unwrap_err();
        assert!(err.is_input_too_large());
        assert!(err.to_string().contains("over the limit of 10 bytes"));
    }

    #[test]
    fn batch_keeps_order_and_reports_bad_records() {
        let parser = Parser::new(Options::new().max_input_bytes(40));
        let inputs = vec![
            ("First doc.".to_string(), Meta::new()),
            ("x".repeat(100), Meta::new()),
            ("Third doc.".to_string(), Meta::new()),
        ];
        let out = parser.parse_many(&inputs);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().body, "First doc.");
        assert!(out[1].as_ref().unwrap_err().is_input_too_large());
        assert_eq!(out[2].as_ref().unwrap().body, "Third doc.");
    }

    #[test]
    fn a_page_address_on_its_own_line_is_furniture_not_the_title() {
        // As text dumps of crawled pages begin: the address, the headline, a
        // date line with a time (here written as tokenized text writes it).
        let text = "https://www.example.com/2013/05/03/lohan-checks-into-rehab\n\
                    Lindsay Lohan Checks Into Rehab at Betty Ford Center\n\
                    May 3, 2013 4: 59 p. m. EDT\n\
                    Lindsay Lohan checked into the Betty Ford Center in Rancho Mirage on \
                    Thursday, her lawyer said, a day after she left another rehab facility \
                    in Newport Beach that a judge had not approved.\n\
                    The actress must spend 90 days in treatment under a plea deal reached in \
                    March over a 2012 car crash.\n";
        let doc = parse(text, &Meta::new()).unwrap();
        let first = &doc.blocks[0];
        assert_eq!(first.kind, crate::BlockKind::Boilerplate);
        assert_eq!(first.reason, Some(crate::BoilerplateReason::Url));
        assert_eq!(
            doc.title.as_deref(),
            Some("Lindsay Lohan Checks Into Rehab at Betty Ford Center")
        );
        assert_eq!(
            doc.published.map(|d| d.to_string()),
            Some("2013-05-03".to_owned())
        );
        assert!(!doc.body.contains("https://"));
        // The address is not read for names.
        for m in &doc.mentions {
            assert!(m.span.start > first.span.end, "{m:?}");
        }
    }

    #[test]
    fn accented_name_before_a_possessive_does_not_panic() {
        // Issue 9: a slice inside "ü" panicked in the entity stage.
        let doc = parse(
            "Analysts at Zürich's UBS Group said inflation would slow.",
            &Meta::new(),
        )
        .unwrap();
        assert!(doc.entities.iter().any(|e| e.name.contains("UBS")));
    }

    #[test]
    fn threads_are_bounded_and_cancel_is_honoured() {
        let parser = Parser::default();
        let inputs = vec![("One.", Meta::new()), ("Two.", Meta::new())];
        let err = parser
            .parse_many_with_threads(&inputs, Some(MAX_THREADS + 1))
            .unwrap_err();
        assert!(err.is_invalid_option());
        let out = parser
            .parse_many_cancellable(&inputs, Some(2), &AtomicBool::new(true))
            .unwrap();
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|r| r.as_ref().unwrap_err().is_cancelled()));
    }

    #[test]
    fn a_date_in_the_urls_path_is_the_publication_date_when_nothing_else_gives_one() {
        let parser = Parser::new(Options::new());
        let text = "Saints place Thomas on injured reserve\n\nThe Saints placed Pierre Thomas on injured reserve on Wednesday.";
        let url = "https://profootballtalk.example.com/2011/01/05/pierre-thomas-headed-to-ir/";
        let doc = parser.parse(text, &Meta::new().with_url(url)).unwrap();
        assert_eq!(doc.published, Some(jiff::civil::date(2011, 1, 5)));
        assert_eq!(doc.published_from, Some(PublishedFrom::Meta));
        // "Wednesday" is read against it.
        let wednesday = doc
            .times
            .iter()
            .find(|t| t.text(text) == "Wednesday")
            .unwrap();
        assert_eq!(wednesday.value.as_deref(), Some("2011-01-05"));
        // The caller's date and a date the text states come first.
        let given = Meta::new()
            .with_url(url)
            .with_published(jiff::civil::date(2011, 1, 6));
        let doc = parser.parse(text, &given).unwrap();
        assert_eq!(doc.published, Some(jiff::civil::date(2011, 1, 6)));
        let stated = text.replacen("\n\n", "\n\nPublished: January 4, 2011\n\n", 1);
        let doc = parser.parse(&stated, &Meta::new().with_url(url)).unwrap();
        assert_eq!(doc.published, Some(jiff::civil::date(2011, 1, 4)));
        // An address without a date gives none.
        let doc = parser
            .parse(
                text,
                &Meta::new().with_url("https://example.com/sports/12345"),
            )
            .unwrap();
        assert_eq!(doc.published, None);
    }

    #[test]
    fn a_mixed_batch_reads_each_input_as_its_format_says() {
        let parser = Parser::new(Options::new().max_input_bytes(200));
        let page = "<html><body><h1>Putin visits China</h1><p>Vladimir Putin arrived in Beijing.</p></body></html>";
        let text = "Putin visits China\n\nVladimir Putin arrived in Beijing.";
        let large = "x".repeat(300);
        let inputs = vec![
            (text, Meta::new(), Format::Text),
            (
                page,
                Meta::new().with_url("https://example.com/a"),
                Format::Html,
            ),
            (large.as_str(), Meta::new(), Format::Html),
        ];
        let out = parser
            .parse_batch_cancellable(&inputs, Some(2), &AtomicBool::new(false))
            .unwrap();
        let text_doc = out[0].as_ref().unwrap();
        assert_eq!(
            text_doc.to_json(),
            parser.parse(text, &Meta::new()).unwrap().to_json()
        );
        let page_doc = out[1].as_ref().unwrap();
        assert_eq!(
            page_doc.to_json(),
            parser.parse_html(page, &inputs[1].1).unwrap().to_json()
        );
        assert_eq!(page_doc.url.as_deref(), Some("https://example.com/a"));
        assert!(out[2].as_ref().unwrap_err().is_input_too_large());
        let cancelled = parser
            .parse_batch_cancellable(&inputs, None, &AtomicBool::new(true))
            .unwrap();
        assert!(cancelled
            .iter()
            .all(|r| r.as_ref().unwrap_err().is_cancelled()));
        assert_eq!(Format::default(), Format::Text);
    }

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let payload: Box<dyn std::any::Any + Send> = Box::new("boom");
        let err = Error::from_panic(payload.as_ref());
        assert!(err.is_internal());
        assert!(err.to_string().contains("boom"));
    }

    #[test]
    fn over_long_sentences_are_read_in_windows() {
        // One sentence of 3,000 tokens: every extractor reads it in windows.
        let text = "(Putin met Xi ".repeat(750);
        let parser = Parser::new(Options::new().layout(false).max_sentence_tokens(40));
        let doc = parser.parse(&text, &Meta::new()).unwrap();
        assert_eq!(doc.sentences.len(), 1);
        assert!(doc.events.len() > 100, "{}", doc.events.len());
        assert!(doc.events.iter().all(|e| e.span.len() < 40 * 8));
        // A short sentence is one window: the same result with any budget.
        let short = "Vladimir Putin met Xi Jinping in Beijing on Tuesday.";
        let a = Parser::new(Options::new().max_sentence_tokens(16))
            .parse(short, &Meta::new())
            .unwrap();
        let b = parse(short, &Meta::new()).unwrap();
        assert_eq!(a.to_json(), b.to_json());
    }
}
