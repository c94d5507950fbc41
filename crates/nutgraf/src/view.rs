//! The shared view of each analysed sentence, built once per document and read
//! by every extraction stage.
//!
//! [`Lowered::new`] lower-cases every token of the document into one buffer
//! (one allocation a document, none a word); [`View::new`] then lays the
//! sentences out over the tokens, each token ([`Tok`]) with its span, kind, text,
//! lower-cased form and capitalization. When the syntax stage runs, its words
//! join the view ([`View::attach_words`]): each token knows its first word and
//! each sentence its word range, so a stage can read the part of speech, lemma,
//! head and relation of what it looks at. No stage cuts, lower-cases or re-scans
//! the text for what is here.

use std::borrow::Cow;
use std::ops::Range;

use crate::document::Word;
use crate::entities::EntityLabel;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// No index (a token without a syntax word).
pub(crate) const NONE: u32 = u32::MAX;

/// The lower-cased forms of every token of a document, in one buffer.
///
/// The form is the token's text lower-cased (Unicode), with the typographic
/// apostrophes (U+2019, U+2018) written as `'` and the non-breaking hyphens
/// (U+2010, U+2011) as `-`, so word lists spell "don't" and "twenty-five" one
/// way.
#[derive(Debug, Default)]
pub(crate) struct Lowered {
    buf: String,
    ends: Vec<u32>,
}

impl Lowered {
    /// Lower-case the tokens of every sentence of `text`, in order.
    pub(crate) fn new(text: &str, sentences: &[Vec<Token>]) -> Lowered {
        let n: usize = sentences.iter().map(Vec::len).sum();
        let mut buf = String::with_capacity(sentences.iter().flatten().map(|t| t.span.len()).sum());
        let mut ends = Vec::with_capacity(n);
        for t in sentences.iter().flatten() {
            let s = t.span.slice(text);
            if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                buf.push_str(s);
            } else {
                for c in s.chars() {
                    match c {
                        '\u{2019}' | '\u{2018}' => buf.push('\''),
                        '\u{2010}' | '\u{2011}' => buf.push('-'),
                        _ => buf.extend(c.to_lowercase()),
                    }
                }
            }
            ends.push(u32::try_from(buf.len()).unwrap_or(u32::MAX));
        }
        Lowered { buf, ends }
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends[i] as usize;
        self.buf.get(start..end).unwrap_or("")
    }
}

/// One token of the view.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'t> {
    /// Where it is in the normalized text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Its text.
    pub text: &'t str,
    /// Its lower-cased form (see [`Lowered`]).
    pub low: &'t str,
    /// Its first character is uppercase.
    pub upper: bool,
    /// Its first syntax word (index into [`View::words`]), or [`NONE`].
    pub word: u32,
    /// The name it is part of (index into [`View::names`]), or [`NONE`].
    pub name: u32,
}

impl Tok<'_> {
    /// The token is this lower-case word.
    pub(crate) fn is(&self, word: &str) -> bool {
        self.low == word
    }

    /// The token is one of these lower-case words.
    pub(crate) fn is_any(&self, words: &[&str]) -> bool {
        words.contains(&self.low)
    }

    /// The token is punctuation.
    pub(crate) fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
    }
}

/// One analysed sentence (or window of an over-long sentence) of the view.
#[derive(Debug, Clone)]
pub(crate) struct SentenceView {
    /// Where it is in the normalized text.
    pub span: Span,
    /// A title, subtitle or heading.
    pub headline: bool,
    /// Its tokens in [`View::tokens`].
    pub tokens: Range<usize>,
    /// Its syntax words in [`View::words`] (empty without the syntax stage).
    pub words: Range<usize>,
    /// Where the words' [`Word::head`] indices count from in [`View::words`]:
    /// the first word of the document sentence this window belongs to.
    pub head_base: usize,
}

/// The shared view of a document's analysed sentences.
#[derive(Debug)]
pub(crate) struct View<'t> {
    /// The normalized text.
    pub text: &'t str,
    /// The sentences, in order.
    pub sentences: Vec<SentenceView>,
    /// The tokens of every sentence, in order.
    pub tokens: Vec<Tok<'t>>,
    /// The same tokens as the tokenizer gave them, for the number and time
    /// grammars and the entity tagger.
    raw: Vec<Token>,
    /// The syntax words, when the syntax stage ran.
    pub words: &'t [Word],
    /// The names of the document, when the entity stage ran: entity mentions
    /// and role references ("the Russian leader"), with their label and
    /// entity, sorted by start.
    pub names: &'t [Name],
}

/// A name in the text: its span, label and entity (`None` for a mention the
/// document resolution left alone).
pub(crate) type Name = (Span, EntityLabel, Option<usize>);

impl<'t> View<'t> {
    /// The view of `sentences` (span and whether it is a headline) with their
    /// tokens, lower-cased in `lowered`.
    pub(crate) fn new(
        text: &'t str,
        sentences: &[(Span, bool)],
        tokens: Vec<Vec<Token>>,
        lowered: &'t Lowered,
    ) -> View<'t> {
        let n: usize = tokens.iter().map(Vec::len).sum();
        let mut out = View {
            text,
            sentences: Vec::with_capacity(sentences.len()),
            tokens: Vec::with_capacity(n),
            raw: Vec::with_capacity(n),
            words: &[],
            names: &[],
        };
        for (&(span, headline), toks) in sentences.iter().zip(tokens) {
            let start = out.tokens.len();
            for t in toks {
                let s = t.span.slice(text);
                out.tokens.push(Tok {
                    span: t.span,
                    kind: t.kind,
                    text: s,
                    low: lowered.get(out.tokens.len()),
                    upper: s.chars().next().is_some_and(char::is_uppercase),
                    word: NONE,
                    name: NONE,
                });
                out.raw.push(t);
            }
            out.sentences.push(SentenceView {
                span,
                headline,
                tokens: start..out.tokens.len(),
                words: 0..0,
                head_base: 0,
            });
        }
        out
    }

    /// The tokens of sentence `k`.
    pub(crate) fn toks(&self, k: usize) -> &[Tok<'t>] {
        self.sentences
            .get(k)
            .and_then(|s| self.tokens.get(s.tokens.clone()))
            .unwrap_or_default()
    }

    /// The tokens of sentence `k` as the number and time grammars read them:
    /// each URL, e-mail address or file path (`quantity::addresses`) one
    /// opaque [`TokenKind::Symbol`] token (its `low` is its text), so that its
    /// numbers are no quantities, dates or times.
    pub(crate) fn grammar_toks(&self, k: usize) -> Cow<'_, [Tok<'t>]> {
        let toks = self.toks(k);
        let mut found = Vec::new();
        crate::quantity::addresses::find(self.text, self.raw(k), &mut found);
        if found.is_empty() {
            return Cow::Borrowed(toks);
        }
        let mut out: Vec<Tok<'t>> = Vec::with_capacity(toks.len());
        let mut spans = found.iter().peekable();
        for t in toks {
            while spans.peek().is_some_and(|s| s.end <= t.span.start) {
                spans.next();
            }
            match spans.peek() {
                Some(&&s) if s.start < t.span.end => {
                    if out.last().is_none_or(|l| l.span != s) {
                        let text = s.slice(self.text);
                        out.push(Tok {
                            span: s,
                            kind: TokenKind::Symbol,
                            text,
                            low: text,
                            upper: false,
                            word: NONE,
                            name: NONE,
                        });
                    }
                }
                _ => out.push(*t),
            }
        }
        Cow::Owned(out)
    }

    /// The tokens of sentence `k` as the tokenizer gave them.
    pub(crate) fn raw(&self, k: usize) -> &[Token] {
        self.sentences
            .get(k)
            .and_then(|s| self.raw.get(s.tokens.clone()))
            .unwrap_or_default()
    }

    /// Join the names of the document (sorted by start): each token inside a
    /// name, in the sentence where the name starts, is part of it; where names
    /// overlap, the first keeps its tokens.
    pub(crate) fn attach_names(&mut self, names: &'t [Name]) {
        self.names = names;
        for s in &self.sentences {
            let toks = &mut self.tokens[s.tokens.clone()];
            let first = names.partition_point(|(n, _, _)| n.start < s.span.start);
            let mut w = 0;
            for (idx, &(ns, _, _)) in names.iter().enumerate().skip(first) {
                if ns.start >= s.span.end {
                    break;
                }
                while w < toks.len() && toks[w].span.start < ns.start {
                    w += 1;
                }
                let mut hi = w;
                while hi < toks.len() && toks[hi].span.end <= ns.end {
                    hi += 1;
                }
                if hi > w && toks[w..hi].iter().all(|t| t.name == NONE) {
                    let id = u32::try_from(idx).unwrap_or(NONE);
                    for t in &mut toks[w..hi] {
                        t.name = id;
                    }
                }
            }
        }
    }

    /// The sentence holding offset `at`, if any (a binary search).
    pub(crate) fn sentence_at(&self, at: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences
            .get(k)
            .filter(|s| s.span.start <= at)
            .map(|_| k)
    }

    /// Join the syntax stage's words: `ranges[k]` are the words of sentence `k`
    /// with the base of their head indices, and `first[t]` the first word of
    /// token `t` ([`NONE`] for none).
    pub(crate) fn attach_words(
        &mut self,
        words: &'t [Word],
        ranges: Vec<(Range<usize>, usize)>,
        first: &[u32],
    ) {
        self.words = words;
        for (s, (r, base)) in self.sentences.iter_mut().zip(ranges) {
            s.words = r;
            s.head_base = base;
        }
        for (t, &w) in self.tokens.iter_mut().zip(first) {
            t.word = w;
        }
    }
}

/// Call `f` with the view of one sentence of `text` given as its tokens (no
/// syntax words, no names): for the entry points of stages run alone. A token
/// that does not lie on `text` (a token of another text) is left out.
pub(crate) fn with_tokens<R>(
    text: &str,
    mut tokens: Vec<Token>,
    f: impl FnOnce(&View<'_>) -> R,
) -> R {
    tokens.retain(|t| text.get(t.span.start..t.span.end).is_some());
    let span = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::new(0, 0),
    };
    let tokens = vec![tokens];
    let lowered = Lowered::new(text, &tokens);
    let view = View::new(text, &[(span, false)], tokens, &lowered);
    f(&view)
}

/// Tokenize `sentences` of `text` and call `f` with their view (no syntax
/// words): for stage tests and callers outside the pipeline.
#[cfg(test)]
pub(crate) fn with_view<R>(
    text: &str,
    sentences: &[(Span, bool)],
    f: impl FnOnce(&View<'_>) -> R,
) -> R {
    let tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|&(s, _)| {
            let mut toks = Vec::new();
            crate::segment::tokens(text, s, &mut toks);
            toks
        })
        .collect();
    let lowered = Lowered::new(text, &tokens);
    let view = View::new(text, sentences, tokens, &lowered);
    f(&view)
}
