//! Features of the entity tagger: hashed per token, no string built per feature.
//!
//! Every feature is a template number mixed with the values it reads (hashes of
//! words, shapes, flags) by an Fx-style multiply-rotate hasher, then folded to a
//! `u32` id. The tagger looks ids up in its weight table; the trainer counts them.
//!
//! What a token's features read:
//!
//! * the lowercased word, and the exact word outside ALL-CAPS lines; the
//!   lowercased words at ±1 and ±2 and the bigrams around the token;
//! * the word's shape (`Xxxx`, `XX`, `dddd-dd-dd`, `x.x.`: runs capped at four)
//!   and short shape (runs collapsed: `Xx`), also at ±1;
//! * lowercased prefixes and suffixes of one to four characters;
//! * flags: title case, all capitals, digit, hyphen, period, punctuation;
//! * whether the token starts the sentence, and whether the sentence is an
//!   ALL-CAPS line (a headline, a dateline). In such a line the case features
//!   are learned apart, and the document decides instead:
//! * the [`DocContext`] class of the word: how the document writes it in the
//!   middle of ordinary sentences (always capitalized, always lowercase, mixed,
//!   never seen) — "this word is usually capitalized";
//! * gazetteer flags ([`gazetteer_flags`], per token).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// Version of the feature set. A model trained with another version is refused:
/// bump it whenever a template changes.
pub(crate) const FEATURE_VERSION: u32 = 3;

/// Fx-style incremental hash of feature parts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fx(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl Fx {
    /// Start a feature of template `t`.
    #[inline]
    pub(crate) const fn new(t: u64) -> Fx {
        Fx(t.wrapping_mul(FX_K))
    }

    /// Mix in one part.
    #[inline]
    #[must_use]
    pub(crate) const fn add(self, x: u64) -> Fx {
        Fx((self.0.rotate_left(5) ^ x).wrapping_mul(FX_K))
    }

    /// The 64-bit value (for parts that are themselves hashes).
    #[inline]
    pub(crate) const fn value(self) -> u64 {
        // fmix64 of MurmurHash3: spreads the high bits Fx leaves unmixed.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    /// The feature id: the high half of one more multiply (the bits that
    /// depend on every part).
    #[inline]
    pub(crate) const fn id(self) -> u32 {
        (self.0.rotate_left(26).wrapping_mul(FX_K) >> 32) as u32
    }
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(FX_K);
        }
    }
    fn write_u32(&mut self, n: u32) {
        // Feature ids are already well mixed; spread them over 64 bits.
        self.0 = u64::from(n).wrapping_mul(FX_K);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// `HashMap` builder for hashed keys.
pub(crate) type IdBuild = BuildHasherDefault<IdHasher>;

/// Hash of a character sequence.
#[inline]
fn hash_chars(chars: &[char]) -> u64 {
    let mut h = Fx::new(0x5157);
    for &c in chars {
        h = h.add(u64::from(c));
    }
    h.add(chars.len() as u64).value()
}

/// Per-token gazetteer flags: category masks (see [`super::gazetteer`]) of the
/// matches the token begins, continues, ends, or makes up alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazFlags {
    /// Categories of matches that start at this token and go on.
    pub begin: u32,
    /// Categories of matches this token is strictly inside of.
    pub inside: u32,
    /// Categories of matches that end at this token (having started before).
    pub end: u32,
    /// Categories of one-token matches.
    pub single: u32,
}

impl GazFlags {
    /// Every category the token is part of.
    pub const fn any(self) -> u32 {
        self.begin | self.inside | self.end | self.single
    }
}

/// Gazetteer flags for `tokens` (of `text`), one per token, pushed onto `out`.
///
/// The flags come from [`Gazetteer::annotate`](super::gazetteer::Gazetteer::annotate):
/// longest matches, Begin/Inside/End/Single, with the categories of the parts of a
/// hyphenated word ("US-led") counted as the token's own.
pub fn gazetteer_flags(text: &str, tokens: &[Token], out: &mut Vec<GazFlags>) {
    let matches = super::gazetteer::Gazetteer::global().annotate(text, tokens);
    out.extend(matches.iter().map(|m| GazFlags {
        begin: m.begin,
        inside: m.inside,
        end: m.end,
        single: m.single | m.parts,
    }));
}

/// Flags of a token's form.
mod flag {
    pub const TITLE: u8 = 1;
    pub const ALL_CAPS: u8 = 1 << 1;
    pub const DIGIT: u8 = 1 << 2;
    pub const HYPHEN: u8 = 1 << 3;
    pub const PERIOD: u8 = 1 << 4;
    pub const PUNCT: u8 = 1 << 5;
    pub const LOWER: u8 = 1 << 6;
}

/// How a document writes a word in the middle of ordinary sentences.
mod doc_class {
    pub const UNSEEN: u8 = 0;
    pub const CAPITALIZED: u8 = 1;
    pub const LOWERCASE: u8 = 2;
    pub const MOSTLY_CAPITALIZED: u8 = 3;
    pub const MOSTLY_LOWERCASE: u8 = 4;
}

/// Is the sentence an ALL-CAPS line (a headline, a dateline)?
pub fn is_caps_line(text: &str, sentence: Span) -> bool {
    let s = text.get(sentence.start..sentence.end).unwrap_or("");
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in s.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 3 && lower * 10 <= upper
}

/// Lowercased hash of a token's word (the key of [`DocContext`]).
fn lower_hash(word: &str, buf: &mut Vec<char>) -> u64 {
    buf.clear();
    if word.is_ascii() {
        buf.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    hash_chars(buf)
}

/// What a document says about its words, built once per document from all its
/// sentences before any is tagged.
///
/// ```
/// use nutgraf::entities::features::DocContext;
/// use nutgraf::{segment, Span};
///
/// let text = "Talks in Geneva resumed . Geneva police said so .";
/// let mut ctx = DocContext::new();
/// let mut tokens = Vec::new();
/// segment::tokens(text, Span::new(0, text.len()), &mut tokens);
/// ctx.add_sentence(text, Span::new(0, text.len()), &tokens);
/// ```
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Lowercased word hash → (capitalized, lowercase) counts in the middle of
    /// ordinary (not ALL-CAPS) sentences.
    counts: HashMap<u64, [u32; 2], IdBuild>,
}

impl DocContext {
    /// An empty context (every word unseen).
    pub fn new() -> DocContext {
        DocContext::default()
    }

    /// Count the words of one sentence (`tokens` are its tokens, spans into `text`).
    pub fn add_sentence(&mut self, text: &str, sentence: Span, tokens: &[Token]) {
        if is_caps_line(text, sentence) {
            return;
        }
        let mut buf = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            if i == 0 || t.kind != TokenKind::Word {
                continue;
            }
            let Some(word) = text.get(t.span.start..t.span.end) else {
                continue;
            };
            let prev = tokens[i - 1];
            if i == 1 && prev.kind == TokenKind::Punct {
                continue; // after an opening quote: sentence-initial
            }
            let first = word.chars().next().unwrap_or(' ');
            let slot = if first.is_uppercase() {
                0
            } else if first.is_lowercase() {
                1
            } else {
                continue;
            };
            self.counts.entry(lower_hash(word, &mut buf)).or_default()[slot] += 1;
        }
    }

    fn class(&self, lower: u64) -> u8 {
        match self.counts.get(&lower) {
            None => doc_class::UNSEEN,
            Some(&[_, 0]) => doc_class::CAPITALIZED,
            Some(&[0, _]) => doc_class::LOWERCASE,
            Some(&[c, l]) if c >= l => doc_class::MOSTLY_CAPITALIZED,
            Some(_) => doc_class::MOSTLY_LOWERCASE,
        }
    }
}

/// What the features of a token read, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
struct Tok {
    lower: u64,
    exact: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    flags: u8,
    doc: u8,
    gaz: GazFlags,
}

/// Hash of a word's shape: `X` upper, `x` lower, `d` digit, other characters
/// kept; runs capped at `cap`.
fn shape_hash(word: &str, cap: usize) -> u64 {
    let mut h = Fx::new(0x5a);
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() || c.is_alphabetic() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= cap {
                continue;
            }
        } else {
            last = k;
            run = 0;
        }
        h = h.add(u64::from(k));
    }
    h.value()
}

fn word_flags(word: &str, kind: TokenKind) -> u8 {
    let mut f = 0;
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    let (mut upper, mut lower) = (usize::from(first.is_uppercase()), 0);
    if first.is_lowercase() {
        lower += 1;
    }
    for c in word.chars() {
        match c {
            '-' => f |= flag::HYPHEN,
            '.' => f |= flag::PERIOD,
            _ if c.is_numeric() => f |= flag::DIGIT,
            _ => {}
        }
    }
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    if first.is_uppercase() {
        f |= flag::TITLE;
    }
    if upper > 0 && lower == 0 {
        f |= flag::ALL_CAPS;
    }
    if first.is_lowercase() {
        f |= flag::LOWER;
    }
    if matches!(kind, TokenKind::Punct | TokenKind::Symbol) {
        f |= flag::PUNCT;
    }
    f
}

/// Reusable buffers of feature extraction.
#[derive(Debug, Default)]
pub(crate) struct Extractor {
    toks: Vec<Tok>,
    chars: Vec<char>,
    gaz: Vec<GazFlags>,
}

// Template numbers. Adding `CAPS` gives the template learned apart in ALL-CAPS lines.
const CAPS: u64 = 100;
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_EXACT: u64 = 3;
const T_LOWER_AT: u64 = 4;
const T_SHAPE: u64 = 5;
const T_SHORT_AT: u64 = 6;
const T_SHORT_TRI: u64 = 7;
const T_PREFIX: u64 = 8;
const T_SUFFIX: u64 = 9;
const T_FLAGS: u64 = 10;
const T_FLAGS_AT: u64 = 11;
const T_BIGRAM_L: u64 = 12;
const T_BIGRAM_R: u64 = 13;
const T_INITIAL: u64 = 14;
const T_CAPS_LINE: u64 = 15;
const T_DOC: u64 = 16;
const T_DOC_CASE: u64 = 17;
const T_DOC_AT: u64 = 18;
const T_GAZ: u64 = 19;
const T_GAZ_AT: u64 = 20;
const T_PREV_SHAPE: u64 = 21;
const T_SHAPE_NEXT: u64 = 22;
const T_DOC_LOWER: u64 = 23;

/// Stand-ins for the words before the start and after the end of a sentence.
/// The token before and after, with the part mixed into their features.
const SIDES: [(isize, u64); 2] = [(-1, 1), (1, 2)];
const BOS: u64 = 0xB05;
const EOS: u64 = 0xE05;

impl Extractor {
    /// Compute the features of each token of one sentence; `emit(token, id)` is
    /// called for every feature of every token, in token order.
    pub(crate) fn sentence(
        &mut self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        ctx: &DocContext,
        mut emit: impl FnMut(usize, u32),
    ) {
        let caps = is_caps_line(text, sentence);
        self.gaz.clear();
        gazetteer_flags(text, tokens, &mut self.gaz);
        self.toks.clear();
        for (i, t) in tokens.iter().enumerate() {
            let word = text.get(t.span.start..t.span.end).unwrap_or("");
            let lower = lower_hash(word, &mut self.chars);
            let mut tok = Tok {
                lower,
                exact: Fx::new(0xe).add(lower).add(shape_hash(word, 99)).value(),
                shape: shape_hash(word, 4),
                short: shape_hash(word, 1),
                flags: word_flags(word, t.kind),
                doc: ctx.class(lower),
                gaz: self.gaz.get(i).copied().unwrap_or_default(),
                ..Tok::default()
            };
            let n = self.chars.len();
            let (mut pre, mut suf) = (Fx::new(0x9e), Fx::new(0x5f));
            for k in 0..4.min(n) {
                pre = pre.add(u64::from(self.chars[k]));
                suf = suf.add(u64::from(self.chars[n - 1 - k]));
                tok.prefix[k] = pre.value();
                tok.suffix[k] = suf.value();
            }
            self.toks.push(tok);
        }
        let cl = if caps { CAPS } else { 0 };
        let toks = &self.toks;
        let at = |i: usize, d: isize| i.checked_add_signed(d).and_then(|j| toks.get(j));
        let edge = |d: isize| if d < 0 { BOS } else { EOS };
        let lower_at = |i: usize, d: isize| at(i, d).map_or(edge(d), |t| t.lower);
        let short_at = |i: usize, d: isize| at(i, d).map_or(edge(d), |t| t.short);
        for (i, t) in toks.iter().enumerate() {
            let mut f = |x: Fx| emit(i, x.id());
            f(Fx::new(T_BIAS));
            f(Fx::new(T_LOWER).add(t.lower));
            if !caps {
                f(Fx::new(T_EXACT).add(t.exact));
            }
            for (d, k) in [(-2isize, 0u64), (-1, 1), (1, 2), (2, 3)] {
                f(Fx::new(T_LOWER_AT).add(k).add(lower_at(i, d)));
            }
            f(Fx::new(T_BIGRAM_L).add(lower_at(i, -1)).add(t.lower));
            f(Fx::new(T_BIGRAM_R).add(t.lower).add(lower_at(i, 1)));
            f(Fx::new(T_SHAPE + cl).add(t.shape));
            for (d, k) in SIDES {
                f(Fx::new(T_SHORT_AT + cl).add(k).add(short_at(i, d)));
            }
            f(Fx::new(T_SHORT_TRI + cl)
                .add(short_at(i, -1))
                .add(t.short)
                .add(short_at(i, 1)));
            f(Fx::new(T_PREV_SHAPE + cl).add(lower_at(i, -1)).add(t.short));
            f(Fx::new(T_SHAPE_NEXT + cl).add(t.short).add(lower_at(i, 1)));
            for k in 0..4 {
                if t.prefix[k] != 0 {
                    f(Fx::new(T_PREFIX).add(k as u64).add(t.prefix[k]));
                    f(Fx::new(T_SUFFIX).add(k as u64).add(t.suffix[k]));
                }
            }
            f(Fx::new(T_FLAGS + cl).add(u64::from(t.flags)));
            for (d, k) in SIDES {
                let fl = at(i, d).map_or(0xff, |t| t.flags);
                f(Fx::new(T_FLAGS_AT + cl).add(k).add(u64::from(fl)));
            }
            let initial = i == 0 || (i == 1 && toks[0].flags & flag::PUNCT != 0);
            f(Fx::new(T_INITIAL + cl)
                .add(u64::from(initial))
                .add(u64::from(t.flags & (flag::TITLE | flag::ALL_CAPS))));
            if caps {
                f(Fx::new(T_CAPS_LINE));
            }
            f(Fx::new(T_DOC).add(u64::from(t.doc)));
            f(Fx::new(T_DOC_CASE)
                .add(u64::from(t.doc))
                .add(u64::from(caps))
                .add(u64::from(initial))
                .add(u64::from(
                    t.flags & (flag::TITLE | flag::ALL_CAPS | flag::LOWER),
                )));
            f(Fx::new(T_DOC_LOWER + cl).add(u64::from(t.doc)).add(t.lower));
            for (d, k) in SIDES {
                let dc = at(i, d).map_or(0xff, |t| t.doc);
                f(Fx::new(T_DOC_AT + cl).add(k).add(u64::from(dc)));
            }
            let g = t.gaz;
            for (part, mask) in [g.begin, g.inside, g.end, g.single].into_iter().enumerate() {
                each_bit(mask, |b| f(Fx::new(T_GAZ).add(part as u64).add(b)));
            }
            for (d, k) in SIDES {
                if let Some(o) = at(i, d) {
                    each_bit(o.gaz.any(), |b| f(Fx::new(T_GAZ_AT).add(k).add(b)));
                }
            }
        }
    }
}

#[inline]
fn each_bit(mut mask: u32, mut f: impl FnMut(u64)) {
    while mask != 0 {
        let b = mask.trailing_zeros();
        f(u64::from(b));
        mask &= mask - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn feats(text: &str) -> Vec<Vec<u32>> {
        let mut tokens = Vec::new();
        let span = Span::new(0, text.len());
        segment::tokens(text, span, &mut tokens);
        let mut ctx = DocContext::new();
        ctx.add_sentence(text, span, &tokens);
        let mut out = vec![Vec::new(); tokens.len()];
        Extractor::default().sentence(text, span, &tokens, &ctx, |i, id| out[i].push(id));
        out
    }

    #[test]
    fn hashing_is_deterministic_and_discriminating() {
        let a = Fx::new(T_LOWER).add(7).id();
        assert_eq!(a, Fx::new(T_LOWER).add(7).id());
        assert_ne!(a, Fx::new(T_LOWER).add(8).id());
        assert_ne!(a, Fx::new(T_EXACT).add(7).id());
        assert_ne!(hash_chars(&['a', 'b']), hash_chars(&['b', 'a']));
        assert_ne!(shape_hash("Xx", 4), shape_hash("XX", 4));
        assert_eq!(shape_hash("London", 4), shape_hash("Londonderry", 4));
        assert_eq!(shape_hash("London", 1), shape_hash("Ab", 1));
        assert_eq!(
            feats("Peter went to Paris ."),
            feats("Peter went to Paris .")
        );
    }

    #[test]
    fn the_same_word_in_the_same_context_has_the_same_features() {
        let a = feats("He met Smith today .");
        let b = feats("She met Smith today .");
        assert_eq!(a[3], b[3]); // "today": same ±2 window
        assert_ne!(a[2], b[2]); // "Smith": w-2 differs
        let f = feats("ROME 1996-08-30");
        let g = feats("Rome 1996-08-30");
        assert_ne!(f[0], g[0]);
    }

    #[test]
    fn caps_lines_and_document_case() {
        assert!(is_caps_line("SOCCER - JAPAN 'S WIN", Span::new(0, 21)));
        assert!(!is_caps_line("The U.S. said", Span::new(0, 13)));
        let text = "In Lisbon , the lisbon ... Lisbon";
        let mut tokens = Vec::new();
        segment::tokens(text, Span::new(0, text.len()), &mut tokens);
        let mut ctx = DocContext::new();
        ctx.add_sentence(text, Span::new(0, text.len()), &tokens);
        let mut buf = Vec::new();
        assert_eq!(
            ctx.class(lower_hash("LISBON", &mut buf)),
            doc_class::MOSTLY_CAPITALIZED
        );
        assert_eq!(ctx.class(lower_hash("In", &mut buf)), doc_class::UNSEEN);
    }
}
