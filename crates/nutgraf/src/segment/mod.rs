//! Sentence segmentation and word tokens.
//!
//! Both work on normalized text (LF line ends, plain spaces, NFC) and return
//! byte spans into it. Neither allocates beyond pushing onto the caller's
//! vector, and both run in time linear in the input: one forward scan, with
//! look-behind and look-ahead bounded to a few bytes.
//!
//! ## Sentences
//!
//! [`sentences`] splits a layout block (a headline, a paragraph, a caption)
//! into sentences:
//!
//! * `?`, `!` and runs of them (`?!`, `!!`) end a sentence unless a lowercase
//!   word follows (`"Why?" he asked`). The ideographic and other scripts' full
//!   stops (`。`, `！`, `？`, `؟`, `।`, `۔`) always do.
//! * An ellipsis (`...`, `…`) ends one only before an uppercase letter.
//! * A `.` must be followed by whitespace (so `3.14`, `$2.5`, `v1.2`,
//!   `example.com` and `U.S.-China` never split) and by something that is not
//!   a lowercase word. The word before it decides the rest: titles (`Mr.`,
//!   `Gen.`, `vs.`) never end a sentence; suffixes, initials and dotted
//!   acronyms (`Inc.`, `Jr.`, `St.`, `Calif.`, `F.`, `U.S.`) end one only
//!   before a function word such as `The` or `He`; `No.`, `Oct.` and the like
//!   do not end one before a number; `a.m.`/`p.m.` do not before a weekday,
//!   month or time zone; list numbers at a line start (`1.`) or right after
//!   a figure (`3:53.85 7. John Mayock`) never do.
//! * Closing quotes and brackets after the terminator belong to the sentence
//!   (`He said "no."` / `(See below.)`).
//! * A blank line always ends a sentence. A single newline after a line with
//!   no terminal punctuation ends one when the next line starts with a list
//!   marker, or starts with a capital, the line does not end with `,`, `;`, a
//!   hyphen, a dash or a connector word ("of", "the", "and"; `:` too in
//!   hard-wrapped text), and the line looks like a headline or
//!   list item: it is short compared with the longest line of the block, all
//!   lines of the block are short, or the block is not hard-wrapped (a line
//!   longer than 200 bytes). Hard-wrapped prose joins.
//!
//! ## Tokens
//!
//! [`tokens`] splits text into [`Token`]s; see its documentation for the
//! conventions.

mod abbrev;
#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice texts they wrote
mod tests;
mod tokens;

pub use tokens::{tokens, Token, TokenKind};

use crate::span::{self, Span};
use abbrev::Abbrev;

/// Cut a sentence's tokens into consecutive windows of at most `max` tokens
/// (at least 1), for stages whose work per word grows with the sentence.
///
/// A sentence of `max` tokens or fewer is one window. A longer one is cut after
/// the last clause break (`;`, `,`, `:`, `|`, a dash, a closing bracket) in the
/// second half of each window, else after `max` tokens. Appends token index
/// ranges to `out`; they cover `0..tokens.len()` in order.
///
/// ```
/// use nutgraf::{segment, Span};
/// let text = "a b c, d e f g h";
/// let mut toks = Vec::new();
/// segment::tokens(text, Span::new(0, text.len()), &mut toks);
/// let mut windows = Vec::new();
/// segment::windows(text, &toks, 5, &mut windows);
/// assert_eq!(windows, [0..4, 4..9]);
/// ```
pub fn windows(text: &str, tokens: &[Token], max: usize, out: &mut Vec<std::ops::Range<usize>>) {
    let max = max.max(1);
    let mut lo = 0;
    while tokens.len() - lo > max {
        let hi = lo + max;
        let cut = (lo + max / 2..hi)
            .rev()
            .find(|&i| {
                tokens[i].kind == TokenKind::Punct
                    && matches!(
                        tokens[i].span.slice(text),
                        ";" | "," | ":" | "|" | "-" | "\u{2013}" | "\u{2014}" | ")" | "]"
                    )
            })
            .map_or(hi, |i| i + 1);
        out.push(lo..cut);
        lo = cut;
    }
    if lo < tokens.len() || tokens.is_empty() {
        out.push(lo..tokens.len());
    }
}

/// Push the sentences of `text[span]` onto `out` (byte offsets into `text`).
///
/// Each span is trimmed of surrounding whitespace, non-empty, on character
/// boundaries and inside `span`; spans come in order and do not overlap. A
/// `span` reaching outside `text` or off character boundaries is first
/// narrowed to the part of `text` it covers.
///
/// ```
/// use nutgraf::{segment, Span};
///
/// let text = "Mr. Smith earned $2.5 billion in the U.S. last year. He said \"no.\" Then he left.";
/// let mut out = Vec::new();
/// segment::sentences(text, Span::new(0, text.len()), &mut out);
/// let got: Vec<&str> = out.iter().map(|s| s.slice(text)).collect();
/// assert_eq!(
///     got,
///     ["Mr. Smith earned $2.5 billion in the U.S. last year.", "He said \"no.\"", "Then he left."]
/// );
/// ```
pub fn sentences(text: &str, span: Span, out: &mut Vec<Span>) {
    let (lo, hi) = clamp(text, span);
    if lo >= hi {
        return;
    }
    let first = out.len();
    Segmenter {
        text,
        lo,
        hi,
        sent_start: lo,
        line_start: lo,
        max_line: None,
    }
    .run(out);
    keep_marks_with_their_base(text, hi, &mut out[first..]);
    out.retain(|s| !s.is_empty());
}

/// A combining mark belongs to the character before it: a sentence that ends on a
/// base character takes the marks that follow it, and the next sentence starts after
/// them (never on a mark). Nothing goes past `hi`, the end of the segmented span.
fn keep_marks_with_their_base(text: &str, hi: usize, spans: &mut [Span]) {
    for i in 0..spans.len() {
        let limit = spans.get(i + 1).map_or(hi, |n| n.end);
        let mut end = spans[i].end;
        for c in span::between(text, end, limit).chars() {
            if !unicode_normalization::char::is_combining_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        if end != spans[i].end {
            spans[i].end = end;
            if let Some(next) = spans.get_mut(i + 1) {
                let mut start = next.start.max(end).min(next.end);
                // The next sentence starts at its first non-blank character.
                let gap = span::between(text, start, next.end);
                start += gap.len() - gap.trim_start().len();
                next.start = start;
            }
        }
    }
}

/// Narrow `span` to `text` and to character boundaries.
pub(crate) fn clamp(text: &str, span: Span) -> (usize, usize) {
    let mut end = span.end.min(text.len());
    let mut start = span.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start.min(end), end)
}

/// The character starting at byte `i` (which must be a char boundary), or NUL
/// at the end.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> char {
    span::char_at(text, i).unwrap_or('\0')
}

/// The character ending at byte `i`, or NUL at the start.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> char {
    span::char_before(text, i).unwrap_or('\0')
}

/// Width of the UTF-8 sequence a lead byte starts.
#[inline]
fn utf8_width(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// What kind of terminator a character is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Term {
    Dot,
    /// `?`, `!` and their variants.
    Exclaim,
    Ellipsis,
    /// A full stop of a script without case (`。`, `।`, `؟`...): always ends a
    /// sentence.
    Strong,
    /// Like [`Term::Strong`], and needs no space after it (`。`, `！`, `？`).
    Ideographic,
}

fn terminator(c: char) -> Option<Term> {
    Some(match c {
        '.' => Term::Dot,
        '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' => Term::Exclaim,
        '…' => Term::Ellipsis,
        '؟' | '۔' | '।' | '॥' => Term::Strong,
        '。' | '｡' | '！' | '？' => Term::Ideographic,
        _ => return None,
    })
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '】'
    )
}

/// Opening quotes, brackets and dashes that may come before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '«'
            | '‹'
            | '„'
            | '‚'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '【'
            | '—'
            | '–'
    )
}

/// A list marker at the start of `s`: a bullet or dash and a space, or one to
/// three digits, `.` or `)`, and a space.
fn starts_with_marker(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '·' | '–' | '—' | '‣' | '▪' | '●' | '○' | '■' | '◦' | '►') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some('0'..='9') => {
            let b = s.as_bytes();
            let digits = b.iter().take(4).take_while(|c| c.is_ascii_digit()).count();
            digits <= 3
                && matches!(b.get(digits), Some(b'.' | b')'))
                && b.get(digits + 1).is_some_and(u8::is_ascii_whitespace)
        }
        _ => false,
    }
}

/// Lines longer than this (bytes) mean the block is not hard-wrapped.
const UNWRAPPED_LINE: usize = 200;
/// When every line of a block is at most this long (bytes), it is a list of
/// short lines (headlines, items), not wrapped prose.
const SHORT_BLOCK_LINE: usize = 40;
/// Longest word looked at before a terminator, in bytes.
const MAX_LOOKBEHIND: usize = 24;

/// What follows a possible boundary.
struct Next<'a> {
    /// First character after opening quotes and brackets, NUL at the end.
    first: char,
    /// The ASCII word starting there (empty if none or too long).
    word: &'a str,
    /// The word is a single letter followed by `.` (an initial).
    initial: bool,
}

impl<'a> Next<'a> {
    fn at(text: &'a str, mut p: usize, hi: usize) -> Next<'a> {
        // Opening quotes, brackets and dashes, and single spaces after them
        // (tokenized text: `( 0800 GMT )`).
        let mut skipped = 0;
        while p < hi && skipped < 4 {
            let c = char_at(text, p);
            if !is_opener(c) {
                break;
            }
            p += c.len_utf8();
            if text.as_bytes().get(p) == Some(&b' ') {
                p += 1;
            }
            skipped += 1;
        }
        if p >= hi {
            return Next {
                first: '\0',
                word: "",
                initial: false,
            };
        }
        let first = char_at(text, p);
        let bytes = &text.as_bytes()[p..hi];
        let len = bytes
            .iter()
            .take(17)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let after = bytes.get(len).copied();
        let complete = len <= 16 && (p + len >= hi || !char_at(text, p + len).is_alphanumeric());
        let word = if complete {
            span::between(text, p, p + len)
        } else {
            ""
        };
        Next {
            first,
            word,
            initial: len == 1 && after == Some(b'.'),
        }
    }

    fn lower(&self) -> bool {
        self.first.is_lowercase()
    }

    fn upper(&self) -> bool {
        self.first.is_uppercase()
    }

    fn digit(&self) -> bool {
        self.first.is_numeric()
    }

    fn starter(&self) -> bool {
        !self.initial && abbrev::is_sentence_starter(self.word)
    }
}

struct Segmenter<'a> {
    text: &'a str,
    lo: usize,
    hi: usize,
    /// Where the current sentence starts.
    sent_start: usize,
    /// Where the current line starts.
    line_start: usize,
    /// Longest line of the block, in bytes, once computed.
    max_line: Option<usize>,
}

impl Segmenter<'_> {
    fn run(mut self, out: &mut Vec<Span>) {
        let bytes = self.text.as_bytes();
        let mut i = self.lo;
        while i < self.hi {
            let b = bytes[i];
            i = match b {
                b'.' | b'?' | b'!' => self.terminator(i, out),
                b'\n' => self.newline(i, out),
                // Lead bytes of the non-ASCII terminators.
                0xD8 | 0xDB | 0xE0 | 0xE2 | 0xE3 | 0xEF
                    if terminator(char_at(self.text, i)).is_some() =>
                {
                    self.terminator(i, out)
                }
                _ => i + utf8_width(b),
            };
        }
        self.push(self.hi, out);
    }

    /// Push the current sentence, ending at `end`, if it has any text.
    fn push(&self, end: usize, out: &mut Vec<Span>) {
        let s = span::between(self.text, self.sent_start, end);
        let trimmed = s.trim_start();
        let start = self.sent_start + (s.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push(Span::new(start, start + trimmed.len()));
        }
    }

    fn boundary(&mut self, end: usize, next: usize, out: &mut Vec<Span>) {
        self.push(end, out);
        self.sent_start = next;
    }

    /// Skip whitespace from `k`: the next non-space position, the number of
    /// newlines skipped and the position of the last one.
    fn skip_ws(&self, mut k: usize) -> (usize, usize, Option<usize>) {
        let bytes = self.text.as_bytes();
        let mut newlines = 0;
        let mut last_nl = None;
        while k < self.hi {
            let b = bytes[k];
            if b == b'\n' {
                newlines += 1;
                last_nl = Some(k);
                k += 1;
            } else if b.is_ascii_whitespace() {
                k += 1;
            } else if b < 0x80 {
                break;
            } else {
                let c = char_at(self.text, k);
                if !c.is_whitespace() {
                    break;
                }
                k += c.len_utf8();
            }
        }
        (k, newlines, last_nl)
    }

    /// Handle the run of terminators and closers starting at `i`; returns where
    /// scanning resumes.
    fn terminator(&mut self, i: usize, out: &mut Vec<Span>) -> usize {
        let text = self.text;
        let mut k = i;
        let mut dots = 0usize;
        let mut prev_dot = false;
        let mut exclaim = false;
        let mut ellipsis = false;
        let mut strong = false;
        let mut ideographic = false;
        while k < self.hi {
            let c = char_at(text, k);
            let mut is_dot = false;
            match terminator(c) {
                Some(Term::Dot) => {
                    dots += 1;
                    ellipsis |= prev_dot;
                    is_dot = true;
                }
                Some(Term::Exclaim) => exclaim = true,
                Some(Term::Ellipsis) => ellipsis = true,
                Some(Term::Strong) => strong = true,
                Some(Term::Ideographic) => {
                    strong = true;
                    ideographic = true;
                }
                None if is_closer(c) => {}
                None => break,
            }
            prev_dot = is_dot;
            k += c.len_utf8();
        }
        if k >= self.hi {
            return k;
        }
        if !char_at(text, k).is_whitespace() {
            if ideographic {
                self.boundary(k, k, out);
            }
            return k;
        }
        let (n, newlines, last_nl) = self.skip_ws(k);
        if n >= self.hi {
            return n;
        }
        let next = Next::at(text, n, self.hi);
        let is_boundary = if newlines >= 2 {
            true
        } else if terminator(next.first).is_some() {
            // Spaced ellipsis ". . ." or stray punctuation: let the last one decide.
            false
        } else if strong {
            true
        } else if exclaim {
            !next.lower()
        } else if ellipsis {
            next.upper()
        } else {
            debug_assert!(dots >= 1);
            self.period(i, &next)
        };
        if is_boundary {
            self.boundary(k, n, out);
        }
        if let Some(p) = last_nl {
            self.line_start = p + 1;
        }
        n
    }

    /// Does the single `.` at `i` end a sentence, given what follows?
    fn period(&self, i: usize, next: &Next<'_>) -> bool {
        if next.lower() {
            return false;
        }
        let Some(word_start) = self.word_before(i) else {
            return true;
        };
        let word = span::between(self.text, word_start, i);
        if word.is_empty() {
            return true;
        }
        if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
            // "1. The first point": a list number at a line start.
            let at_line_start = self
                .text
                .get(self.line_start..word_start)
                .is_some_and(|s| s.bytes().all(|b| b == b' ' || b == b'\t'));
            // "3:53.85 7. John Mayock": a rank after a figure in a results list.
            let before = span::between(self.text, self.lo, word_start).trim_end_matches(' ');
            let after_figure = before.as_bytes().last().is_some_and(u8::is_ascii_digit);
            return !(at_line_start || word_start == self.sent_start || after_figure);
        }
        match abbrev::classify(word) {
            None | Some(Abbrev::Plain) => true,
            Some(Abbrev::Title) => false,
            Some(Abbrev::Suffix) => next.starter(),
            Some(Abbrev::Numeric) => !next.digit(),
            Some(Abbrev::Time) => !(next.digit() || abbrev::is_time_context(next.word)),
        }
    }

    /// Start of the word ending at `i` (after whitespace or an opening quote
    /// or bracket), or `None` when it is longer than [`MAX_LOOKBEHIND`].
    fn word_before(&self, i: usize) -> Option<usize> {
        let mut p = i;
        while p > self.lo {
            let c = char_before(self.text, p);
            if c.is_whitespace() || is_opener(c) {
                break;
            }
            p -= c.len_utf8();
            if i - p > MAX_LOOKBEHIND {
                return None;
            }
        }
        Some(p)
    }

    /// Handle the newline at `i` (not after a terminator); returns where
    /// scanning resumes.
    fn newline(&mut self, i: usize, out: &mut Vec<Span>) -> usize {
        let (n, newlines, last_nl) = self.skip_ws(i);
        let line_start = self.line_start;
        if let Some(p) = last_nl {
            self.line_start = p + 1;
        }
        if n >= self.hi {
            return n;
        }
        if newlines >= 2 || self.line_break(line_start, i, n) {
            self.boundary(i, n, out);
        }
        n
    }

    /// Does the line `[line_start, end)`, ending without terminal punctuation,
    /// end a sentence before the line starting at `n`?
    fn line_break(&mut self, line_start: usize, end: usize, n: usize) -> bool {
        let line = span::between(self.text, line_start, end).trim();
        if line.is_empty() {
            return false;
        }
        let rest = span::between(self.text, n, self.hi);
        if starts_with_marker(rest) {
            return true;
        }
        let next = Next::at(self.text, n, self.hi);
        if starts_with_marker(line) {
            return !next.lower();
        }
        if next.lower() {
            return false;
        }
        let widest = self.max_line();
        let wrapped = widest <= UNWRAPPED_LINE;
        let last = line.chars().next_back().unwrap_or(' ');
        if matches!(last, ',' | ';' | '(' | '&' | '/' | '-' | '–' | '—' | '+')
            || (last == ':' && wrapped)
        {
            return false;
        }
        let last_word = line
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if abbrev::is_connector(last_word) {
            return false;
        }
        !wrapped || widest <= SHORT_BLOCK_LINE || line.len() * 10 < widest * 7
    }

    /// Length in bytes of the longest line of the block.
    fn max_line(&mut self) -> usize {
        *self.max_line.get_or_insert_with(|| {
            span::between(self.text, self.lo, self.hi)
                .split('\n')
                .map(|l| l.trim_end().len())
                .max()
                .unwrap_or(0)
        })
    }
}
