//! Finding quotes, their cues and their speakers.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Quote, QuoteKind, Speaker};
use crate::entities::coref::Coref;
use crate::entities::EntityLabel;
use crate::lexicon;
use crate::lexicon::{word_list, word_set, WordList, WordSet};
use crate::segment::TokenKind;
use crate::span::{self, Span};
use crate::view::{Tok, View};

/// What the stage reads: normalized text and what earlier stages found in it.
pub(crate) struct Input<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// Paragraph-like blocks (headings, paragraphs, captions), in order.
    pub blocks: &'a [Span],
    /// The shared view of the sentences, in order, with their tokens.
    pub view: &'a View<'a>,
    /// Entity mentions: span, label, entity index; in order.
    pub mentions: &'a [(Span, EntityLabel, usize)],
    /// Pronouns and group phrases resolved by the entity stage, in order.
    pub corefs: &'a [Coref],
}

impl Input<'_> {
    /// The mentions inside `span`, in order: a binary search, not a scan.
    pub(crate) fn mentions_in(
        &self,
        span: Span,
    ) -> impl DoubleEndedIterator<Item = &(Span, EntityLabel, usize)> + '_ {
        let lo = self
            .mentions
            .partition_point(|(m, _, _)| m.start < span.start);
        let hi = lo + self.mentions[lo..].partition_point(|(m, _, _)| m.start < span.end);
        self.mentions[lo..hi]
            .iter()
            .filter(move |(m, _, _)| span.contains(*m))
    }

    /// The mentions that start at `at`.
    pub(crate) fn mentions_starting_at(
        &self,
        at: usize,
    ) -> impl Iterator<Item = &(Span, EntityLabel, usize)> + '_ {
        let lo = self.mentions.partition_point(|(m, _, _)| m.start < at);
        self.mentions[lo..]
            .iter()
            .take_while(move |(m, _, _)| m.start == at)
    }

    /// The mentions that end at `at` (mentions do not overlap, so those are the
    /// last ones starting before it).
    pub(crate) fn mentions_ending_at(
        &self,
        at: usize,
    ) -> impl Iterator<Item = &(Span, EntityLabel, usize)> + '_ {
        let hi = self.mentions.partition_point(|(m, _, _)| m.start < at);
        self.mentions[..hi]
            .iter()
            .rev()
            .take_while(move |(m, _, _)| m.end >= at)
            .filter(move |(m, _, _)| m.end == at)
    }

    /// The one entity the pronoun at `span` refers to, as the entity stage
    /// resolved it (`None` for a group, or where nothing fits).
    fn pronoun_entity(&self, span: Span) -> Option<usize> {
        let k = self.corefs.partition_point(|c| c.span.start < span.start);
        self.corefs
            .get(k)
            .filter(|c| c.span == span && c.second.is_none())
            .map(|c| c.first)
    }
}

/// Verbs and nouns of speech and report, lowercase, every form.
static CUES: LazyLock<crate::lexicon::LexSet<&'static str>> = LazyLock::new(|| {
    lexicon::table(include_str!("../../data/lexicons/quote_cues.tsv"))
        .into_iter()
        .flat_map(|(base, forms)| std::iter::once(base).chain(forms))
        .collect()
});

static WEAK_CUES: WordSet = word_set!("quote_weak_cues.txt");
static BELIEF_CUES: WordSet = word_set!("quote_belief_cues.txt");
static FINITE_WORDS: WordSet = word_set!("quote_finite_words.txt");
static BETWEEN_SUBJECT_AND_VERB: WordSet = word_set!("quote_between_subject_and_verb.txt");
static SUBJECT_ENDERS: WordSet = word_set!("quote_subject_enders.txt");

/// Cue words that report speech only with a clause after them, not alone after a
/// quote ("called", "expressed", "described" name what was said).
fn weak_cue(w: &str) -> bool {
    WEAK_CUES.contains(w)
}

pub(super) fn is_cue(w: &str) -> bool {
    CUES.contains(w)
}

pub(super) static PRONOUNS: WordList = word_list!("quote_pronouns.txt");

/// A word of a sentence: a token of the shared view, lower-cased once.
type W<'t> = Tok<'t>;

/// A stretch of text in quote marks.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// From the opening mark to after the closing mark (or the block's end).
    span: Span,
    block: usize,
    /// The quote goes on in the next block ("...\n\n“...”").
    continues: bool,
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{ab}' | '\u{201e}')
}

fn is_close_mark(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{bb}')
}

/// The quoted stretches of each block; an unclosed quote at a block's end goes
/// on when the next block opens with a quote mark, else it ends with the block.
fn segments(text: &str, blocks: &[Span]) -> Vec<Seg> {
    let mut out = Vec::new();
    for (b, &block) in blocks.iter().enumerate() {
        let s = block.slice(text);
        let mut open: Option<usize> = None;
        let mut prev = ' ';
        let mut skip = false;
        for (i, c) in s.char_indices() {
            if skip {
                skip = false;
                prev = c;
                continue;
            }
            let at = block.start + i;
            // Two apostrophes or two backquotes stand for a double quote mark in
            // some wire text (''This isn't tax reform,'' ``...'').
            let doubled = matches!(
                (c, s.as_bytes().get(i + 1)),
                ('\'', Some(b'\'')) | ('`', Some(b'`'))
            );
            let width = if doubled { 2 } else { c.len_utf8() };
            let straight = c == '"' || (doubled && c == '\'');
            let opens = is_open_mark(c) || (doubled && c == '`');
            match open {
                None if opens || (straight && !prev.is_alphanumeric()) => {
                    open = Some(at);
                    skip = doubled;
                }
                Some(o) if is_close_mark(c) || straight => {
                    let end = at + width;
                    if end > o + 2 {
                        out.push(Seg {
                            span: Span::new(o, end),
                            block: b,
                            continues: false,
                        });
                    }
                    open = None;
                    skip = doubled;
                }
                _ => {}
            }
            prev = c;
        }
        if let Some(o) = open {
            let next_opens = blocks.get(b + 1).is_some_and(|n| {
                n.slice(text)
                    .trim_start()
                    .starts_with(|c: char| is_open_mark(c) || c == '"')
            });
            let end = block.start + s.trim_end().len();
            if end > o + 2 {
                out.push(Seg {
                    span: Span::new(o, end),
                    block: b,
                    continues: next_opens,
                });
            }
        }
    }
    out
}

/// Words in a span.
fn word_count(text: &str, span: Span) -> usize {
    span.slice(text)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether a quoted stretch is a statement rather than a few words: it opens a
/// sentence or follows a speech verb ("said, “...”"), or closes with the comma,
/// question or exclamation mark of speech ("“I would,” she said"). Words quoted
/// inside the writer's sentence are partial, even with a full stop inside the
/// marks (“on the up and up.”).
fn is_statement(text: &str, seg: &Seg, blocks: &[Span]) -> bool {
    let inner = seg.span.slice(text);
    let inner = inner.trim_end_matches(|c: char| is_close_mark(c) || c == '"');
    let block = blocks[seg.block];
    let before = span::between(text, block.start, seg.span.start).trim_end();
    let starts = before.is_empty() || before.ends_with([':', '.', '?', '!']);
    let prev_word = before
        .trim_end_matches(',')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after_verb = is_cue(&prev_word) && !weak_cue(&prev_word);
    let n = word_count(text, seg.span);
    // Speech punctuation counts when an attribution follows ("“I would,” she
    // said"), not in a phrase of the writer's ("his “dear friend,” the president").
    let speech_end = inner.trim_end().ends_with([',', '!', '?']) && {
        let rest: Vec<String> = span::after(text, seg.span.end)
            .split_whitespace()
            .take(4)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        rest.iter().any(|w| is_cue(w) && !weak_cue(w))
    };
    !is_title(inner)
        && (seg.continues || (starts && n >= 2) || (after_verb && n >= 3) || (speech_end && n >= 2))
}

/// A title in quote marks, not a statement: a few capitalized words without the
/// comma, question or exclamation mark of speech ("told “Fox and Friends.”", “State
/// of the Union.”).
fn is_title(inner: &str) -> bool {
    let inner = inner
        .trim_start_matches(|c: char| is_open_mark(c) || c == '"' || c == '\'' || c == '`')
        .trim_end_matches(|c: char| is_close_mark(c) || c == '"' || c == '\'')
        .trim_end()
        .trim_end_matches('.');
    if inner.contains([',', '!', '?', ':', ';', '.']) {
        return false;
    }
    let words: Vec<&str> = inner.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=6).contains(&words.len())
        && words.first().is_some_and(|w| capital(w) && *w != "I")
        && words.last().is_some_and(|w| capital(w))
        && words.iter().all(|w| {
            capital(w)
                || matches!(
                    *w,
                    "of" | "the" | "and" | "a" | "an" | "in" | "on" | "for" | "to" | "with" | "at"
                )
        })
}

/// A quoted fragment without its closing marks and the comma or full stop
/// that closes it inside them (“Fox News Sunday,”), for [`is_title`].
fn title_case(quoted: &str) -> &str {
    quoted
        .trim_end_matches(|c: char| is_close_mark(c) || c == '"' || c == '\'')
        .trim_end_matches([',', '.'])
}

/// A speaker phrase: the words `lo..hi` of a sentence, trimmed to a noun phrase.
fn noun_phrase(words: &[W<'_>], lo: usize, hi: usize) -> Option<(usize, usize)> {
    if lo >= hi {
        return None;
    }
    let mut lo = lo;
    let mut hi = hi;
    // Trim punctuation and function words at the edges.
    while lo < hi
        && (words[lo].kind == TokenKind::Punct
            || matches!(
                words[lo].low,
                "and"
                    | "but"
                    | "as"
                    | "later"
                    | "then"
                    | "earlier"
                    | "now"
                    | "meanwhile"
                    | "however"
                    | "still"
                    | "yesterday"
                    | "today"
                    | "so"
                    | "also"
                    | "instead"
            ))
    {
        lo += 1;
    }
    while hi > lo && words[hi - 1].kind == TokenKind::Punct {
        hi -= 1;
    }
    // A parenthesis ends a name: "Rep. Gwen Moore (D-Wis.)" is Rep. Gwen Moore.
    if let Some(p) = (lo..hi).find(|&j| words[j].low == "(") {
        hi = p;
    }
    while hi > lo && words[hi - 1].kind == TokenKind::Punct {
        hi -= 1;
    }
    if lo >= hi || hi - lo > 10 {
        return None;
    }
    // A lowercase verb ends the phrase: "Trump made the ...".
    if let Some(v) = (lo + 1..hi).find(|&j| {
        let w = &words[j];
        !w.upper
            && (matches!(
                w.low,
                "made"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "did"
                    | "does"
            ) || (w.low.len() > 4 && w.low.ends_with("ed")))
    }) {
        hi = v;
    }
    let first = &words[lo];
    // A lowercase start is fine before a name: "panel Chairman Rep. Jason Chaffetz".
    let named_later = words[lo..hi].iter().skip(1).any(|w| w.upper);
    // Numbers speak in polls: "22 percent said", "one in four said".
    let counted = first.kind == TokenKind::Number
        || matches!(
            first.low,
            "three"
                | "four"
                | "five"
                | "half"
                | "two-thirds"
                | "three-fourths"
                | "three-quarters"
                | "one-third"
                | "majority"
                | "nearly"
                | "about"
                | "almost"
                | "roughly"
                | "more"
                | "fewer"
                | "less"
        );
    let ok = first.upper
        || named_later
        || counted
        || PRONOUNS.contains(&first.low)
        || matches!(
            first.low,
            "the"
                | "a"
                | "an"
                | "another"
                | "one"
                | "two"
                | "some"
                | "many"
                | "several"
                | "officials"
                | "experts"
                | "analysts"
                | "sources"
                | "critics"
                | "police"
                | "witnesses"
                | "residents"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "most"
                | "both"
                | "all"
                | "few"
                | "others"
                | "people"
                | "everyone"
                | "nobody"
                | "no"
        )
        || speaker_noun(words[hi - 1].low);
    if !ok {
        return None;
    }
    // A speaker has no verb of its own.
    if words[lo..hi].iter().any(|w| is_cue(w.low) && !w.upper) {
        return None;
    }
    Some((lo, hi))
}

/// Nouns that head a speaker phrase written in lowercase ("percent of voters say",
/// "aides said", "a campaign spokesman said"): people in roles, groups of them,
/// and documents that state things ("the poll found", "the report says").
pub(super) fn speaker_noun(w: &str) -> bool {
    static NOUNS: WordSet = word_set!("quote_speaker_nouns.txt");
    NOUNS.contains(w)
}

/// The entity a speaker phrase names: a mention inside it, or for a pronoun
/// what the entity stage resolved it to.
pub(super) fn speaker_entity(input: &Input<'_>, span: Span, pronoun: bool) -> Option<usize> {
    if pronoun {
        return input.pronoun_entity(span);
    }
    // A person named in the phrase, else its last name ("European Union policy
    // chief Josep Borrell" is Borrell; "the Kremlin" is the Kremlin).
    let inside = || input.mentions_in(span);
    inside()
        .rfind(|(_, label, _)| *label == EntityLabel::Person)
        .or_else(|| inside().next_back())
        .map(|&(_, _, e)| e)
}

/// Words between a subject and its verb that are not the subject: auxiliaries and
/// adverbs ("Xi has also said", "Borrell recently urged").
fn between_subject_and_verb(w: &W<'_>) -> bool {
    BETWEEN_SUBJECT_AND_VERB.contains(w.low)
        || (w.low.ends_with("ly") && !w.upper && w.low.len() > 4)
}

/// Words that end a subject phrase when reading back from its verb.
fn ends_subject(w: &W<'_>) -> bool {
    w.kind == TokenKind::Punct && w.low != "."
        || SUBJECT_ENDERS.contains(w.low)
        || (is_cue(w.low) && !w.upper)
        // A past verb ends it too: "the two leaders signed an agreement promising".
        || (!w.upper && w.low.len() > 4 && w.low.ends_with("ed"))
}

/// The subject right before the verb at word `c`, at most 8 words back, not
/// before word `floor`.
fn subject_before(input: &Input<'_>, words: &[W<'_>], floor: usize, c: usize) -> Option<Speaker> {
    let mut hi = c;
    while hi > floor && between_subject_and_verb(&words[hi - 1]) && words[hi - 1].low != "," {
        hi -= 1;
    }
    // A relative pronoun speaks for its antecedent: "voters who said ...".
    if hi > floor && words[hi - 1].low == "who" {
        return Some(Speaker {
            span: words[hi - 1].span,
            entity: None,
        });
    }
    // An appositive after the name: "Scott Pruitt, the attorney general of
    // Oklahoma, said" reads back to the name before the first comma.
    if hi > floor + 1 && words[hi - 1].low == "," {
        let appositive = (floor..hi - 1)
            .rev()
            .take(14)
            .find(|&j| words[j].low == ",")
            .filter(|&comma| {
                words[comma + 1..hi - 1]
                    .iter()
                    .any(|w| matches!(w.low, "the" | "a" | "an" | "who"))
            });
        hi = appositive.unwrap_or(hi - 1);
        while hi > floor && between_subject_and_verb(&words[hi - 1]) && words[hi - 1].low != "," {
            hi -= 1;
        }
    }
    // A parenthesis after the name: "Rep. Jason Chaffetz (R-Utah) said", "Gov.
    // John Kasich (R-OH), said".
    if hi > floor && words[hi - 1].low == ")" {
        if let Some(open) = (floor..hi - 1).rev().find(|&j| words[j].low == "(") {
            hi = open;
        }
    }
    let mut lo = hi;
    while lo > floor && lo + 8 > hi && !ends_subject(&words[lo - 1]) {
        lo -= 1;
    }
    speaker(input, words, lo, hi)
}

fn speaker(input: &Input<'_>, words: &[W<'_>], lo: usize, hi: usize) -> Option<Speaker> {
    let (lo, hi) = noun_phrase(words, lo, hi)?;
    let span = Span::new(words[lo].span.start, words[hi - 1].span.end);
    let pronoun = hi == lo + 1 && PRONOUNS.contains(&words[lo].low);
    Some(Speaker {
        span,
        entity: speaker_entity(input, span, pronoun),
    })
}

/// The cue of a speech verb at word `k`: the verb, with "to" for "according
/// to", and the hearer for "told" ("told AFP", "told reporters").
fn cue_span(words: &[W<'_>], k: usize) -> Span {
    let mut end = words[k].span.end;
    if words[k].low == "told" || words[k].low == "tells" {
        if let Some(w) = words.get(k + 1) {
            if w.upper || w.low == "reporters" {
                end = w.span.end;
            }
        }
    }
    Span::new(words[k].span.start, end)
}

/// Who said a direct quote: look right of it ("..., said X", "..., X said"), then
/// left of it ("X said: “...”").
fn attribute(input: &Input<'_>, seg: &Seg) -> (Option<Span>, Option<Speaker>, Option<usize>) {
    let text = input.text;
    // "“...” — Pamela Padilla": a name after a dash signs the quote.
    let rest = span::after(text, seg.span.end).trim_start_matches([' ', '\t', '\n']);
    if let Some(name) = rest.strip_prefix(['\u{2015}', '\u{2014}', '\u{2013}', '-']) {
        let dash_start = text.len() - rest.len();
        let dash = Span::new(dash_start, text.len() - name.len());
        let name = name.trim_start();
        let start = text.len() - name.len();
        if let Some(k) = input.view.sentence_at(start) {
            let words = input.view.toks(k);
            let first = words
                .iter()
                .position(|w| w.span.start >= start)
                .unwrap_or(words.len());
            let stop = (first..words.len())
                .find(|&j| matches!(words[j].low, "," | "." | ";" | "\u{2014}"))
                .unwrap_or(words.len())
                .min(first + 6);
            if words.get(first).is_some_and(|w| w.upper) {
                if let Some(who) = speaker(input, words, first, stop) {
                    return (Some(dash), Some(who), None);
                }
            }
        }
    }
    // Right: the sentence holding the text just after the quote, in the quote's
    // own paragraph (a paragraph after it, "Cruz continued:", introduces the next).
    let after = span::after(text, seg.span.end)
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| seg.span.end + i)
        .filter(|&a| input.blocks.get(seg.block).is_some_and(|b| a < b.end));
    // A cue with no speaker found on the right, kept in case the left has none.
    let mut fallback = (None, None, None);
    if let Some(k) = after.and_then(|a| input.view.sentence_at(a)) {
        let words = input.view.toks(k);
        let first = words
            .iter()
            .position(|w| w.span.start >= seg.span.end)
            .unwrap_or(words.len());
        // Up to the next quote mark or the sentence end, at most 10 words (14 past
        // an appositive: "..., Senator Jeff Sessions, a close advisor to Trump, told AFP").
        let mut last = first;
        let mut commas = 0;
        // A full stop inside a parenthesis ends nothing: "Rep. Gwen Moore (D-Wis.) said".
        let mut depth = 0usize;
        while last < words.len() && last < first + if commas > 0 { 14 } else { 10 } {
            let w = &words[last];
            let s = w.span.slice(text);
            if s.starts_with(|c: char| is_open_mark(c) || c == '"')
                || (depth == 0 && matches!(s, "." | "!" | "?" | ";"))
            {
                break;
            }
            match s {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                "," if last > first => commas += 1,
                _ => {}
            }
            last += 1;
        }
        let according = |j: usize| {
            words[j].low == "according" && words.get(j + 1).is_some_and(|w| w.low == "to")
        };
        if let Some(c) = (first..last).find(|&j| is_cue(words[j].low) || according(j)) {
            if according(c) {
                // "“...,” according to X."
                let stop = (c + 2..last).find(|&j| words[j].low == ",").unwrap_or(last);
                let who = speaker(input, words, c + 2, stop);
                let cue = Span::new(words[c].span.start, words[c + 1].span.end);
                if who.is_some() {
                    return (Some(cue), who, Some(k));
                }
                fallback = (Some(cue), None, Some(k));
            } else {
                // "said X" or "X said"
                let before = subject_before(input, words, first, c);
                let stop = (c + 1..last)
                    .find(|&j| {
                        matches!(
                            words[j].low,
                            "," | "in"
                                | "on"
                                | "at"
                                | "during"
                                | "after"
                                | "before"
                                | "when"
                                | "who"
                                | "while"
                                | "to"
                                | "about"
                                | "of"
                        )
                    })
                    .unwrap_or(last);
                let after_cue = if before.is_none() {
                    speaker(input, words, c + 1, stop)
                } else {
                    None
                };
                let who = before.or(after_cue);
                if who.is_some() {
                    return (Some(cue_span(words, c)), who, Some(k).filter(|_| c < last));
                }
                if !weak_cue(words[c].low) {
                    fallback = (Some(cue_span(words, c)), None, Some(k));
                }
            }
        }
    }
    // Left: "X said: “...”", "X said “...”", "X told AFP: “...”"; or the sentence
    // before, when it ends in a colon ("Blige sang:").
    let here = input.view.sentence_at(seg.span.start);
    let starts_sentence = here.is_some_and(|k| {
        span::between(text, input.view.sentences[k].span.start, seg.span.start)
            .trim()
            .is_empty()
    });
    if let Some(k) = here.filter(|&k| starts_sentence && k > 0) {
        let prev = input.view.sentences[k - 1].span;
        if prev.slice(text).trim_end().ends_with(':') {
            let words = input.view.toks(k - 1);
            if let Some((c, who)) = first_speaking_cue(input, words, words.len()) {
                return (Some(cue_span(words, c)), Some(who), None);
            }
            // "PENCE:" / "Caddell continued:" without a known verb: the name itself.
            let n = words.len();
            if (2..=4).contains(&n) {
                if let Some(who) = speaker(input, words, 0, n - 1) {
                    return (None, Some(who), None);
                }
            }
        }
    }
    if let Some(k) = here {
        let words = input.view.toks(k);
        let end = words
            .iter()
            .position(|w| w.span.start >= seg.span.start)
            .unwrap_or(words.len());
        let lo = end.saturating_sub(12);
        let according = |j: usize| {
            words[j].low == "according" && words.get(j + 1).is_some_and(|w| w.low == "to")
        };
        if let Some(c) = (lo..end)
            .rev()
            .find(|&j| (is_cue(words[j].low) && !words[j].upper) || according(j))
        {
            if according(c) {
                // "According to HuffPo: “...”"
                let stop = (c + 2..end)
                    .find(|&j| matches!(words[j].low, "," | ":" | ";"))
                    .unwrap_or(end);
                let who = speaker(input, words, c + 2, stop);
                let cue = Span::new(words[c].span.start, words[c + 1].span.end);
                return (Some(cue), who, None);
            }
            // The subject: the phrase right before the cue, read back over an
            // appositive ("her adviser, Jake Sullivan, said: “...”"); for a
            // participle, the sentence's subject ("Clinton posted a comment,
            // saying, “...”", "Albright urged women ..., saying").
            let start = (0..c)
                .rev()
                .find(|&j| matches!(words[j].low, ";" | ":"))
                .map_or(0, |j| j + 1)
                .max(c.saturating_sub(16));
            let who = if participle_cue(words, c) {
                sentence_subject(input, words, c)
            } else {
                subject_before(input, words, start, c)
            };
            if who.is_some() || fallback.0.is_none() {
                return (Some(cue_span(words, c)), who, None);
            }
        }
        // "... doesn't surprise Republican pollster Daron Shaw: “...”": the name
        // right before a colon introduces the quote.
        if end >= 2 && words[end - 1].low == ":" && fallback.0.is_none() {
            let mut lo = end - 1;
            while lo > 0
                && end - 1 - lo < 5
                && words[lo - 1].upper
                && words[lo - 1].kind != TokenKind::Punct
            {
                lo -= 1;
            }
            if lo < end - 1 {
                if let Some(who) = speaker(input, words, lo, end - 1) {
                    return (None, Some(who), None);
                }
            }
            // "President Obama is rolling out a new message: “...”": the sentence's
            // subject, when it names someone.
            if let Some(who) =
                sentence_subject(input, words, end - 1).filter(|w| w.entity.is_some())
            {
                return (None, Some(who), None);
            }
        }
    }
    if fallback.0.is_some() {
        return fallback;
    }
    // A quote opening its sentence with no attribution of its own: the speaker of
    // the sentence before ("Clinton told reporters on Monday ... “We're ready.”").
    if let Some(k) = here.filter(|&k| starts_sentence && k > 0) {
        let words = input.view.toks(k - 1);
        if let Some((c, who)) = first_speaking_cue(input, words, words.len()) {
            return (Some(cue_span(words, c)), Some(who), None);
        }
    }
    (None, None, None)
}

/// Cues that report a clause ("said B", "believes that B"), not a thing or an
/// act ("wants", "showed", "called for").
fn clause_cue(w: &str) -> bool {
    static STEMS: WordList = word_list!("quote_stems.txt");
    STEMS.iter().any(|s| w.starts_with(s))
}

/// Verbs of belief and expectation, which report a clause without "that" as
/// well: "I think the bill will pass", "she hopes voters are listening".
pub(super) fn belief_cue(w: &str) -> bool {
    BELIEF_CUES.contains(w)
}

/// Words that make a finite clause of what follows a verb of belief: an
/// auxiliary or modal ("the bill will pass"), or a subject pronoun.
fn finite_word(w: &str) -> bool {
    FINITE_WORDS.contains(w)
}

/// A verb of belief at word `c` followed by a clause without "that" ("Sanders
/// thinks he can win", "aides fear the race is slipping away"): the clause opens
/// with a subject pronoun or holds an auxiliary within its first words, before
/// any other punctuation.
fn belief_clause(words: &[W<'_>], c: usize, hi: usize) -> bool {
    if !belief_cue(words[c].low) || c + 1 >= hi {
        return false;
    }
    let first = words[c + 1].low;
    if matches!(
        first,
        "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there"
    ) {
        return true;
    }
    // "Health worries have dogged her": a noun, the subject of what follows.
    if finite_word(first) || matches!(first, "to" | "so" | "of" | "about" | "for" | "in" | "on") {
        return false;
    }
    words[c + 1..hi.min(c + 9)]
        .iter()
        .take_while(|w| w.kind != TokenKind::Punct)
        .any(|w| finite_word(w.low))
}

/// Verbs of a stand taken on something, which report their object: "Ryan
/// endorsed Trump", "she criticized the president's foreign policy".
static STANCE_VERBS: WordList = word_list!("quote_stance_verbs.txt");

/// Nouns of speech and belief that take a clause: "his claim that ...".
pub(super) static COMPLEMENT_NOUNS: WordList = word_list!("quote_complement_nouns.txt");

/// Verbs of intention and refusal, which report the infinitive after them: "she
/// hopes to compete in Iowa", "he declined to comment", "is expected to".
static TO_VERBS: WordList = word_list!("quote_to_verbs.txt");

/// Whether word `c` is inside quote marks opened earlier in the sentence.
fn in_quote_marks(words: &[W<'_>], c: usize) -> bool {
    let mut open = false;
    for w in &words[..c] {
        match w.low {
            "\u{201c}" | "\u{ab}" | "\u{201e}" => open = true,
            "\u{201d}" | "\u{bb}" => open = false,
            "\"" | "``" | "''" => open = !open,
            _ => {}
        }
    }
    open
}

/// A participle or infinitive cue whose speaker is the sentence's subject:
/// "..., saying", "by saying", "went on to say".
fn participle_cue(words: &[W<'_>], c: usize) -> bool {
    let w = &words[c].low;
    c > 0
        && ((w.ends_with("ing")
            && matches!(
                words[c - 1].low,
                "," | "by" | "while" | "after" | "before" | "and" | "when"
            ))
            || words[c - 1].low == "to")
}

/// The subject of a sentence, before word `c`: the capitalized phrase opening it
/// ("Former Secretary of State Madeleine Albright urged ...", "Band member Flea
/// shared ..."), or a pronoun; an opening phrase up to its comma is skipped
/// ("Speaking in his real voice again, he proceeded ...").
fn sentence_subject(input: &Input<'_>, words: &[W<'_>], c: usize) -> Option<Speaker> {
    let mut lo = 0;
    while lo < c && words[lo].kind == TokenKind::Punct {
        lo += 1;
    }
    let opener = words.get(lo).is_some_and(|w| {
        w.low.ends_with("ing")
            || matches!(
                w.low,
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "when"
                    | "while"
                    | "as"
                    | "later"
                    | "earlier"
                    | "then"
                    | "asked"
                    | "speaking"
                    | "since"
                    | "with"
                    | "for"
                    | "last"
                    | "this"
                    | "but"
                    | "and"
                    | "yet"
                    | "still"
                    | "however"
                    | "meanwhile"
                    | "also"
                    | "instead"
                    | "though"
                    | "although"
            )
    });
    if opener {
        let comma = (lo..c).find(|&j| words[j].low == ",")?;
        lo = comma + 1;
    }
    if lo >= c {
        return None;
    }
    if PRONOUNS.contains(&words[lo].low) {
        return speaker(input, words, lo, lo + 1);
    }
    let mut hi = lo;
    let determined = matches!(words[lo].low, "the" | "a" | "an" | "his" | "her" | "their");
    while hi < c {
        let w = &words[hi];
        let next_upper = words.get(hi + 1).is_some_and(|n| n.upper);
        // "The mayor wrote ...": the nouns after a determiner, up to the verb.
        let noun = determined
            && hi > lo
            && hi < lo + 3
            && w.kind == TokenKind::Word
            && !is_cue(w.low)
            && !ends_subject(w)
            && !between_subject_and_verb(w)
            && !w.low.ends_with("ed");
        let part = noun
            || (w.upper && w.kind != TokenKind::Punct)
            || (hi == lo && matches!(w.low, "the" | "a" | "an" | "his" | "her" | "their"))
            || matches!(w.low, "'s" | "." | "-")
            || (next_upper && matches!(w.low, "of" | "for"))
            || (next_upper && !w.upper && w.kind == TokenKind::Word && hi > lo);
        if !part {
            break;
        }
        hi += 1;
    }
    if hi == lo {
        return None;
    }
    speaker(input, words, lo, hi)
}

/// The subject before a phrase of the medium or occasion between it and the
/// verb at `c`: "Jeb Bush in a Medium post said", "Clinton on Sunday told".
fn subject_before_medium(input: &Input<'_>, words: &[W<'_>], c: usize) -> Option<Speaker> {
    let p = (c.saturating_sub(7)..c).rev().find(|&j| {
        matches!(words[j].low, "in" | "on" | "during")
            && words[j + 1..c]
                .iter()
                .all(|w| w.kind != TokenKind::Punct && (!is_cue(w.low) || weak_cue(w.low)))
    })?;
    (p > 0 && words[p - 1].kind != TokenKind::Punct)
        .then(|| subject_before(input, words, 0, p))
        .flatten()
}

/// An attribution found in a sentence: its cue word, speaker, content start, the
/// first word of its subject, and a content part before a parenthetical cue.
struct Found {
    cue: usize,
    who: Option<Speaker>,
    lo: usize,
    subject: usize,
    before: Option<Span>,
}

/// Reported speech in one sentence without quote marks: "X said (that) ...",
/// "..., X said.", "according to X, ...".
fn indirect(input: &Input<'_>, k: usize, out: &mut Vec<Quote>) {
    let text = input.text;
    let sent = input.view.sentences[k].span;
    let words = input.view.toks(k);
    let n = words.len();
    if n < 5 {
        return;
    }
    let end_of_content = |hi: usize| -> usize {
        let mut hi = hi;
        while hi > 0 && words[hi - 1].kind == TokenKind::Punct {
            hi -= 1;
        }
        hi
    };
    // "Asked whether he would run, Smith said ...": the question put to the
    // speaker is reported too, by whoever asked it.
    let first = words.iter().position(|w| w.kind != TokenKind::Punct);
    if let Some(f) = first.filter(|&f| words[f].low == "asked") {
        let comma = (f + 1..n.min(f + 30)).find(|&j| words[j].low == ",");
        if let Some(comma) = comma.filter(|&j| j >= f + 3) {
            let span = Span::new(words[f + 1].span.start, words[comma - 1].span.end);
            out.push(Quote {
                span,
                parts: vec![span],
                kind: QuoteKind::Indirect,
                cue: Some(words[f].span),
                speaker: None,
            });
        }
    }
    // "according to X, CONTENT" / "CONTENT, according to X."
    if let Some(a) =
        (0..n.saturating_sub(1)).find(|&j| words[j].low == "according" && words[j + 1].low == "to")
    {
        let cue = Span::new(words[a].span.start, words[a + 1].span.end);
        let src_end = (a + 2..n)
            .find(|&j| matches!(words[j].low, "," | "." | ";"))
            .unwrap_or(n);
        let who = speaker(input, words, a + 2, src_end);
        // The phrase opens its clause: at the sentence's start, after a colon
        // or a semicolon, or after a conjunction ("But, according to the poll,
        // ...").
        let opens = a <= 1
            || matches!(words[a - 1].low, ":" | ";")
            || words[..a].iter().all(|w| {
                w.kind == TokenKind::Punct
                    || matches!(w.low, "but" | "and" | "so" | "yet" | "still")
            });
        let (lo, hi) = if opens {
            (src_end + 1, end_of_content(n))
        } else {
            (0, a.saturating_sub(usize::from(words[a - 1].low == ",")))
        };
        if hi > lo + 2 {
            let span = Span::new(words[lo].span.start, words[hi - 1].span.end);
            out.push(Quote {
                span,
                parts: vec![span],
                kind: QuoteKind::Indirect,
                cue: Some(cue),
                speaker: who,
            });
        }
        return;
    }
    // "CONTENT, as reported by X." / "CONTENT, X told AFP" said the other way round:
    // "CONTENT affirmed to AFP Alexander Gabuev".
    for c in 2..n.saturating_sub(2) {
        if !is_cue(words[c].low) || words[c].upper {
            continue;
        }
        let (who, cut) = if words[c + 1].low == "by" {
            // Only at the clause's end: "..., as reported by X." (not "statements
            // reported by Reuters, differs ...").
            let stop = (c + 2..n)
                .find(|&j| matches!(words[j].low, "." | ";" | "that" | "!" | "?"))
                .unwrap_or(n);
            if stop + 1 < n || stop > c + 12 {
                continue;
            }
            (speaker(input, words, c + 2, stop), c)
        } else {
            // "... affirmed (one) to AFP Alexander Gabuev, director of ..."
            let to = (c + 1..n.min(c + 3)).find(|&j| words[j].low == "to");
            let named = to.filter(|&t| {
                words.get(t + 1).is_some_and(|w| w.upper)
                    && words.get(t + 2).is_some_and(|w| w.upper)
            });
            let Some(t) = named else { continue };
            let stop = (t + 2..n)
                .find(|&j| matches!(words[j].low, "," | "." | ";"))
                .unwrap_or(n);
            (speaker(input, words, t + 2, stop), c)
        };
        let Some(who) = who else { continue };
        let mut hi = cut;
        while hi > 0 && (words[hi - 1].kind == TokenKind::Punct || words[hi - 1].low == "as") {
            hi -= 1;
        }
        if hi < 3 {
            continue;
        }
        let span = Span::new(words[0].span.start, words[hi - 1].span.end);
        out.push(Quote {
            span,
            parts: vec![span],
            kind: QuoteKind::Indirect,
            cue: Some(cue_span(words, c)),
            speaker: Some(who),
        });
        return;
    }
    // "CONTENT, X said." at the end of the sentence; "CONTENT, said X, his
    // title, ..."; "CONTENT, X said during his speech ...".
    let last = end_of_content(n);
    for c in (3..last).rev() {
        let cw = words[c].low;
        if !is_cue(cw)
            || weak_cue(cw)
            || words[c].upper
            || matches!(
                words[c - 1].low,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "for"
            )
        {
            continue;
        }
        // Near the end, with no clause of its own after the cue ("said they might
        // change their mind" reports what follows it).
        let near_end = c + 6 >= last
            && !words[c + 1..last].iter().any(|w| {
                PRONOUNS.contains(&w.low)
                    || matches!(
                        w.low,
                        "that"
                            | "there"
                            | "is"
                            | "was"
                            | "are"
                            | "were"
                            | "will"
                            | "would"
                            | "could"
                            | "might"
                            | "has"
                            | "have"
                            | "had"
                            | "can"
                            | "should"
                            | "may"
                            | "must"
                    )
            });
        let finite = !cw.ends_with("ing");
        let inverted = finite && words[c - 1].low == ",";
        let adverbial = finite
            && words.get(c + 1).is_some_and(|w| {
                matches!(
                    w.low,
                    "during"
                        | "in"
                        | "on"
                        | "at"
                        | "after"
                        | "before"
                        | "last"
                        | "this"
                        | "when"
                        | "while"
                        | "as"
                        | "earlier"
                        | "later"
                        | "yesterday"
                        | "today"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            })
            && !words[c + 1..last.min(c + 10)]
                .iter()
                .any(|w| w.low == "that" || is_cue(w.low));
        if !(near_end || ((inverted || adverbial) && clause_cue(cw)))
            || words.get(c + 1).is_some_and(|w| w.low == "that")
        {
            continue;
        }
        let comma = (0..c).rev().find(|&j| words[j].low == ",");
        if let Some(comma) = comma.filter(|&j| j >= 3 && c - j <= 7) {
            let who = if comma + 1 < c {
                subject_before(input, words, comma + 1, c)
            } else {
                let stop = (c + 1..last)
                    .find(|&j| matches!(words[j].low, "," | ";" | "(" | "who"))
                    .unwrap_or(last);
                // "..., said the campaign is taking nothing for granted": a clause
                // follows the cue, not its speaker.
                if words[c + 1..stop].iter().any(|w| finite_word(w.low)) {
                    None
                } else {
                    speaker(input, words, c + 1, stop)
                }
            };
            if who.is_some() {
                let span = Span::new(words[0].span.start, words[comma - 1].span.end);
                out.push(Quote {
                    span,
                    parts: vec![span],
                    kind: QuoteKind::Indirect,
                    cue: Some(cue_span(words, c)),
                    speaker: who,
                });
                return;
            }
        }
    }
    // "X said (that) CONTENT", "X told Y (that) CONTENT", ", a spokesperson said,
    // CONTENT"; a sentence may hold several ("74 percent said A, while 22 percent
    // said B"), each content ending where the next attribution's subject starts.
    let mut found: Vec<Found> = Vec::new();
    let mut carry: Option<Speaker> = None;
    for c in 1..n.saturating_sub(1) {
        let w = words[c].low;
        let next = words[c + 1].low;
        // A stand taken on something ("Ryan endorsed Trump"), an intention or a
        // refusal ("she hopes to compete in Iowa", "he declined to comment"), a
        // demand ("Sanders called for a recount"): each reports what its object
        // or infinitive says, alone in its sentence.
        let alone = found.is_empty() && carry.is_none() && !in_quote_marks(words, c);
        // ", criticizing the plan": a participle of the subject's.
        let stance_ing = words[c - 1].low == ","
            && matches!(
                w,
                "criticizing"
                    | "praising"
                    | "defending"
                    | "accusing"
                    | "blaming"
                    | "rejecting"
                    | "endorsing"
                    | "dismissing"
                    | "attacking"
                    | "condemning"
                    | "supporting"
                    | "backing"
                    | "questioning"
                    | "slamming"
                    | "mocking"
            );
        let stance =
            alone && (STANCE_VERBS.contains(&w) || stance_ing) && !matches!(next, "by" | "to");
        // "His claim that CONTENT", "Trump's assertion that CONTENT", "the belief
        // that CONTENT": a noun of speech or belief and its clause; the owner, if
        // named, speaks.
        if alone && next == "that" && !words[c].upper && COMPLEMENT_NOUNS.contains(&w) {
            let prev = words[c - 1].low;
            let who = if prev == "'s" {
                subject_before(input, words, 0, c - 1)
            } else if matches!(prev, "his" | "her" | "their" | "its" | "my" | "our") {
                let span = words[c - 1].span;
                Some(Speaker {
                    span,
                    entity: speaker_entity(input, span, true),
                })
            } else {
                None
            };
            let hi = end_of_content(n);
            if (who.is_some() || matches!(prev, "the" | "a" | "an" | "this")) && hi > c + 4 {
                found.push(Found {
                    cue: c,
                    who,
                    lo: c + 2,
                    subject: c - 1,
                    before: None,
                });
            }
            continue;
        }
        // "Trump seems to be winning", "it appears that ...": a view without a
        // speaker.
        let seeming = matches!(
            w,
            "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
        ) && matches!(next, "to" | "that");
        // A refusal reports only a refusal to speak ("declined to comment"); in
        // "India refused to condemn Russia" the writer asserts a (negated) act.
        let refusal = w.starts_with("declin") || w.starts_with("refus");
        let to_speak = words.get(c + 2).is_some_and(|v| {
            is_cue(v.low)
                || matches!(
                    v.low,
                    "comment"
                        | "discuss"
                        | "answer"
                        | "specify"
                        | "disclose"
                        | "talk"
                        | "speak"
                        | "identify"
                        | "name"
                        | "address"
                        | "endorse"
                        | "release"
                        | "provide"
                        | "detail"
                        | "give"
                        | "offer"
                        | "respond"
                        | "elaborate"
                        | "speculate"
                )
        });
        let intent = alone
            && (next == "to" && TO_VERBS.contains(&w) && (!refusal || to_speak)
                || seeming
                || matches!(next, "for") && matches!(w, "called" | "calls" | "call" | "calling"));
        if !(is_cue(w) || stance || intent) || words[c].upper {
            continue;
        }
        let start = (0..c)
            .rev()
            .find(|&j| matches!(words[j].low, "," | ";" | ":" | "that" | "and" | "but"))
            .map_or(0, |j| j + 1);
        // "Machado promised to continue supporting Clinton and said she would":
        // a second verb of the sentence's subject.
        // ", saying (that) ...", ", adding ...": a participle of the subject's.
        let participle = words[c - 1].low == "," && w.ends_with("ing");
        let carried = if participle { carry.take() } else { None };
        let who = (if participle {
            carried
        } else {
            subject_before(input, words, 0, c).or_else(|| subject_before_medium(input, words, c))
        })
        .or_else(|| {
            // "X refused to answer but said ...", "Marlon Marshall, Clinton's
            // director of campaigns, said ...": the subject opening the sentence.
            let after = matches!(words[c - 1].low, "and" | "but")
                || (words[c - 1].low == "," && clause_cue(w) && !weak_cue(w));
            if !after && !participle {
                return None;
            }
            // "“...,” Putin told reporters, adding that ...": the subject of
            // the speech verb before the participle, not the quote's words.
            participle
                .then(|| first_speaking_cue(input, words, c).map(|(_, s)| s))
                .flatten()
                .or_else(|| sentence_subject(input, words, c))
        });
        let Some(who) = who else {
            continue;
        };
        // A noun, not a verb: "a comment made by", "his recall of", "Trump's
        // plans to".
        if matches!(
            words[c - 1].low,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "my" | "our"
        ) || (stance || intent) && words[c - 1].kind == TokenKind::Clitic
        {
            continue;
        }
        // A passive reports without naming its source: "it is expected that ...";
        // its subject is no speaker.
        let passive = matches!(
            words[c - 1].low,
            "is" | "was" | "are" | "were" | "be" | "been" | "being"
        );
        // A second attribution in the sentence takes a clause ("22 percent said B").
        if !found.is_empty() && !clause_cue(w) {
            continue;
        }
        if stance && passive {
            continue;
        }
        let mut lo = c + 1;
        if intent || stance {
            // The object or the infinitive, "to" and all; "called for" leaves
            // "for".
            lo += usize::from(next == "for");
            let hi = end_of_content(n);
            if hi <= lo || intent && hi <= lo + 1 {
                continue;
            }
            let subject = words
                .iter()
                .position(|x| x.span.start >= who.span.start)
                .unwrap_or(c);
            let (who, subject) = if passive {
                (None, c - 1)
            } else if seeming {
                (None, subject)
            } else {
                (Some(who), subject)
            };
            found.push(Found {
                cue: c,
                who,
                lo: lo + usize::from(seeming && next == "that"),
                subject,
                before: None,
            });
            continue;
        }
        if matches!(
            w,
            "told" | "tells" | "tell" | "warned" | "urged" | "assured" | "asked"
        ) {
            // The hearer: up to "that" or 4 words.
            if let Some(t) = (lo..n.min(lo + 5)).find(|&j| words[j].low == "that") {
                lo = t;
            }
        }
        if lo < n && matches!(words[lo].low, "that" | ",") {
            lo += 1;
        }
        // "Buchanan said, noting that ...": the participle reports, for him.
        if lo < n && words[lo].low.ends_with("ing") && is_cue(words[lo].low) && !passive {
            carry = Some(who);
            continue;
        }
        let hi = end_of_content(n);
        // A belief without "that" stands alone, not inside what another cue
        // reports ("said he thinks ...") nor inside quote marks.
        let belief = found.is_empty()
            && carry.is_none()
            && !in_quote_marks(words, c)
            && belief_clause(words, c, hi);
        if hi <= lo + 2 || weak_cue(w) && words[c + 1].low != "that" && !belief {
            continue;
        }
        // A cue inside a parenthesis (", a Kremlin spokesperson said,") reports the
        // rest of the sentence, and what came before it.
        let mut before = None;
        if found.is_empty() && start > 1 && words[start - 1].low == "," && words[c + 1].low == "," {
            let part = Span::new(
                sent.start.max(words[0].span.start),
                words[start - 2].span.end,
            );
            if word_count(text, part) >= 2 {
                before = Some(part);
            }
        }
        let subject = words
            .iter()
            .position(|x| x.span.start >= who.span.start)
            .unwrap_or(c);
        let (who, subject) = if passive {
            (None, c - 1)
        } else {
            (Some(who), subject)
        };
        found.push(Found {
            cue: c,
            who,
            lo,
            subject,
            before,
        });
    }
    let hi_all = end_of_content(n);
    for i in 0..found.len() {
        let Found {
            cue: c,
            ref who,
            lo,
            before,
            ..
        } = found[i];
        let mut hi = hi_all;
        if let Some(next) = found.get(i + 1) {
            let mut e = next.subject;
            while e > lo
                && (words[e - 1].kind == TokenKind::Punct
                    || matches!(
                        words[e - 1].low,
                        "while" | "and" | "but" | "whereas" | "although" | "though" | "as"
                    ))
            {
                e -= 1;
            }
            if e >= lo + 3 {
                hi = e;
            }
        }
        let span = Span::new(words[lo].span.start, words[hi - 1].span.end);
        let mut parts = vec![span];
        if let Some(b) = before {
            parts.insert(0, b);
        }
        let whole = Span::new(parts[0].start, span.end);
        let mut cue = cue_span(words, c);
        if words[c].low.starts_with("call") && words[c + 1].low == "for" {
            cue.end = words[c + 1].span.end;
        }
        if who.is_none()
            && matches!(
                words[c - 1].low,
                "is" | "was" | "are" | "were" | "be" | "been" | "being"
            )
        {
            cue.start = words[c - 1].span.start;
        }
        out.push(Quote {
            span: whole,
            parts,
            kind: QuoteKind::Indirect,
            cue: Some(cue),
            speaker: who.clone(),
        });
    }
}

/// "“WALLACE: Let's start": the capitalized label of a transcript line and the
/// rest of the part after it.
fn transcript_label(text: &str, part: Span) -> Option<(Span, Span)> {
    let mut chars = part.slice(text).chars();
    let mark = chars.next()?;
    if !(is_open_mark(mark) || mark == '"') {
        return None;
    }
    let (label, after) = chars.as_str().split_once(':')?;
    let colon = label.len();
    let is_label = (2..=30).contains(&label.len())
        && label.chars().any(|c| c.is_ascii_uppercase())
        && label
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    if !is_label {
        return None;
    }
    let start = part.start + mark.len_utf8();
    let label_span = Span::new(start, start + colon);
    let rest_start = start + colon + 1 + (after.len() - after.trim_start().len());
    (rest_start < part.end).then_some((label_span, Span::new(rest_start, part.end)))
}

/// The quoted statements from `segs[j]` on that continue a direct quote whose
/// last part is `parts`' last and whose cue is `cue`: each in the same
/// paragraph, with nothing before it but the attribution (the sentence of the
/// cue, or no words at all), and with no attribution but that one. They are added
/// to `parts`; the index of the first segment not taken is returned.
fn continuation(
    input: &Input<'_>,
    segs: &[Seg],
    parts: &mut Vec<Span>,
    cue: Span,
    mut j: usize,
) -> usize {
    let text = input.text;
    let Some(block) = segs.get(j.saturating_sub(1)).map(|s| s.block) else {
        return j;
    };
    let cue_sentence = input.view.sentence_at(cue.start);
    while let Some(next) = segs.get(j) {
        let Some(&last) = parts.last() else { break };
        // A quote running on into the next paragraph is attributed where it
        // ends: it is read on its own.
        if next.block != block || next.span.start < last.end || next.continues {
            break;
        }
        let between = span::between(text, last.end, next.span.start);
        let only_attribution = if between.trim().is_empty() {
            true
        } else {
            // The cue sits between the two, and its sentence ends where the
            // next quote's sentence starts (or holds it).
            cue.start >= last.end
                && cue.end <= next.span.start
                && cue_sentence.is_some_and(|k| {
                    input
                        .view
                        .sentence_at(next.span.start)
                        .is_some_and(|n| n == k || n == k + 1)
                })
        };
        if !only_attribution || !is_statement(text, next, input.blocks) {
            break;
        }
        // Its own attribution, if any, is the one of the quote ("she said"
        // read as the left context of the next part).
        let (c2, w2, _) = attribute(input, next);
        if c2.map_or(w2.is_some(), |c| c != cue) {
            break;
        }
        parts.push(next.span);
        j += 1;
    }
    j
}

/// Quotes of a document, in text order.
pub(crate) fn extract(input: &Input<'_>) -> Vec<Quote> {
    let text = input.text;
    let segs = segments(text, input.blocks);
    let mut out: Vec<Quote> = Vec::new();
    let mut quoted_sentences: HashSet<usize> = HashSet::new();
    let mut last_direct: Option<(usize, Option<Speaker>)> = None; // (block, speaker)
    let mut i = 0;
    while i < segs.len() {
        let seg = segs[i];
        let statement = is_statement(text, &seg, input.blocks);
        // Sentences holding a direct quote are not read again for reported speech;
        // a partial quote leaves its sentence to that reading ("The Post reports
        // that ... “under wraps.”").
        if statement {
            // Every sentence from the one the quote opens in to the one it closes
            // in (a quote of several sentences holds whole ones).
            let first = input.view.sentence_at(seg.span.start);
            let last = input.view.sentence_at(seg.span.end.saturating_sub(1));
            if let (Some(a), Some(b)) = (first.or(last), last.or(first)) {
                quoted_sentences.extend(a..=b);
            }
        }
        if !statement {
            // A partial or scare quote: the speaker of its sentence, if one speaks.
            let (cue, who) = input
                .view
                .sentence_at(seg.span.start)
                .map_or((None, None), |k| partial_speaker(input, k, seg.span));
            // “Fox News Sunday”, “Contract with America”: words in title case
            // that no one is said to say name a work, a show or a slogan.
            if cue.is_none() && who.is_none() && is_title(title_case(seg.span.slice(text))) {
                i += 1;
                continue;
            }
            out.push(Quote {
                span: seg.span,
                parts: vec![seg.span],
                kind: QuoteKind::Partial,
                cue,
                speaker: who,
            });
            i += 1;
            continue;
        }
        let mut parts = vec![seg.span];
        let mut j = i + 1;
        // A quote running over paragraphs.
        let mut cur = seg;
        while cur.continues
            && j < segs.len()
            && segs[j].block == cur.block + 1
            && transcript_label(text, segs[j].span).is_none()
        {
            parts.push(segs[j].span);
            cur = segs[j];
            j += 1;
        }
        let (mut cue, mut who, _) = attribute(input, &cur);
        if cue.is_none() && parts.len() == 1 {
            let (c2, w2, _) = attribute(input, &seg);
            cue = c2;
            who = w2;
        }
        // Split by its attribution: "“...,” he said, “...”".
        if cue.is_some() && j < segs.len() && segs[j].block == cur.block {
            let between = span::between(text, cur.span.end, segs[j].span.start);
            if between.len() < 80
                && cue.is_some_and(|c| c.start >= cur.span.end && c.end <= segs[j].span.start)
                && !between.contains(['.', '!', '?'])
                && !is_title(segs[j].span.slice(text))
            {
                parts.push(segs[j].span);
                j += 1;
            }
        }
        // The quote goes on after the sentence that attributes it, in the same
        // paragraph: "“We are refugees,” she said. “We are not terrorists.”" A
        // statement that follows with no attribution of its own is more of it.
        if let Some(c) = cue {
            j = continuation(input, &segs, &mut parts, c, j);
        }
        // A quote standing alone at a paragraph's start goes on the previous quote's speaker.
        if cue.is_none() && who.is_none() {
            if let Some((b, w)) = &last_direct {
                if *b + 2 >= seg.block {
                    who.clone_from(w);
                }
            }
        }
        // A transcript line: "“WALLACE: Let's start ...": the label speaks, the
        // content follows it.
        if let Some((label, rest)) = transcript_label(text, parts[0]) {
            who = Some(Speaker {
                span: label,
                entity: None,
            });
            cue = None;
            parts[0] = rest;
        }
        // A stage direction is no quote: "“(CROSSTALK.)".
        if parts.len() == 1
            && parts[0]
                .slice(text)
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')')
                .starts_with('(')
            && parts[0]
                .slice(text)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
                .ends_with(')')
        {
            i = j;
            continue;
        }
        let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
        last_direct = Some((segs[j - 1].block, who.clone()));
        out.push(Quote {
            span,
            parts,
            kind: QuoteKind::Direct,
            cue,
            speaker: who,
        });
        i = j;
    }
    // Block quotes: a paragraph ending in a colon after a speech verb, then a
    // paragraph of statement without quote marks.
    for b in 0..input.blocks.len().saturating_sub(1) {
        let block = input.blocks[b];
        if !block.slice(text).trim_end().ends_with(':') {
            continue;
        }
        let next = input.blocks[b + 1];
        let body = next.slice(text);
        if body.contains(|c: char| is_open_mark(c) || c == '"') || word_count(text, next) < 8 {
            continue;
        }
        let Some(k) = input.view.sentence_at(block.end.saturating_sub(1)) else {
            continue;
        };
        let words = input.view.toks(k);
        let Some((c, who)) = first_speaking_cue(input, words, words.len()) else {
            continue;
        };
        let trimmed = Span::new(next.start, next.start + body.trim_end().len());
        let sentences = &input.view.sentences;
        let first = sentences.partition_point(|s| s.span.start < trimmed.start);
        for (k, s) in sentences.iter().enumerate().skip(first) {
            if s.span.start >= trimmed.end {
                break;
            }
            if trimmed.contains(s.span) {
                quoted_sentences.insert(k);
            }
        }
        out.push(Quote {
            span: trimmed,
            parts: vec![trimmed],
            kind: QuoteKind::Block,
            cue: Some(cue_span(words, c)),
            speaker: Some(who),
        });
    }
    // Headlines that attribute with a colon: "Pence: Flowers Won't Be at Debate",
    // "Poll: Wealthy Voters Abandon Republican Party".
    for &block in input.blocks.iter().take(3) {
        let line = block.slice(text);
        let Some((label, rest)) = line.split_once(':') else {
            continue;
        };
        let colon = label.len();
        let label = label.trim();
        let rest = rest.trim_start();
        let words_in_label = label.split_whitespace().count();
        let capitalized = label
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // Not a section label ("Update:", "Analysis:") nor a dateline ("BEIJING:").
        let section = matches!(
            label.to_lowercase().as_str(),
            "update"
                | "watch"
                | "video"
                | "analysis"
                | "opinion"
                | "editorial"
                | "exclusive"
                | "breaking"
                | "live"
                | "explainer"
                | "photos"
                | "review"
                | "interview"
                | "podcast"
                | "factbox"
                | "timeline"
                | "q&a"
                | "note"
                | "editor's note"
                | "correction"
                | "read more"
                | "related"
                | "see also"
                | "source"
                | "sources"
        );
        let dateline = words_in_label == 1 && label.chars().all(|c| !c.is_lowercase());
        if !(1..=4).contains(&words_in_label)
            || !capitalized
            || section
            || dateline
            || rest.split_whitespace().count() < 3
        {
            continue;
        }
        let start = block.start + (line.len() - line.trim_start().len());
        let label_span = Span::new(start, start + label.len());
        let cue = Span::new(block.start + colon, block.start + colon + 1);
        let rest_start = block.start + line.len() - rest.len();
        let content = Span::new(rest_start, block.start + line.trim_end().len());
        if content.is_empty()
            || out.iter().any(|q| {
                q.span.start < content.end
                    && content.start < q.span.end
                    && q.kind != QuoteKind::Partial
            })
        {
            continue;
        }
        let entity = speaker_entity(input, label_span, false);
        out.push(Quote {
            span: content,
            parts: vec![content],
            kind: QuoteKind::Indirect,
            cue: Some(cue),
            speaker: Some(Speaker {
                span: label_span,
                entity,
            }),
        });
        break;
    }
    // Reported speech: in sentences without quotes, and around the quotes of the
    // others ("“...,” Buchanan said, noting that ..."), outside the quotes.
    let mut around: Vec<Quote> = Vec::new();
    for k in 0..input.view.sentences.len() {
        if quoted_sentences.contains(&k) {
            indirect(input, k, &mut around);
        } else {
            indirect(input, k, &mut out);
        }
    }
    // A cue that attributes a quote reports nothing more ("“...,” she said
    // after the launch").
    around.retain(|r| {
        !out.iter().any(|q| {
            q.kind != QuoteKind::Partial
                && ((q.span.start < r.span.end && r.span.start < q.span.end)
                    || (q.kind == QuoteKind::Direct && q.cue.is_some() && q.cue == r.cue))
        })
    });
    out.extend(around);
    // The reported clauses only the tree shows.
    super::tree::reported(input, &mut out);
    // A partial quote inside reported speech is part of it ("The Post reports
    // that ... “under wraps.”"): the reported speech carries it.
    let indirect: Vec<Span> = out
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    out.retain(|q| q.kind != QuoteKind::Partial || !indirect.iter().any(|s| s.contains(q.span)));
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    out
}

/// The speech verb nearest before word `end` that has a subject (a passive
/// "reported by X" gives X), with that speaker.
fn first_speaking_cue(input: &Input<'_>, words: &[W<'_>], end: usize) -> Option<(usize, Speaker)> {
    let cues = || {
        (0..end)
            .rev()
            .filter(|&j| is_cue(words[j].low) && !words[j].upper)
    };
    let passive = |c: usize| words.get(c + 1).is_some_and(|w| w.low == "by");
    // An active verb first ("he assured in statements reported by Reuters": he).
    let active = cues()
        .filter(|&c| !passive(c))
        .find_map(|c| subject_before(input, words, 0, c).map(|s| (c, s)));
    active.or_else(|| {
        cues().filter(|&c| passive(c)).find_map(|c| {
            let stop = (c + 2..words.len())
                .find(|&j| matches!(words[j].low, "." | ";" | ":" | "that"))
                .unwrap_or(words.len());
            speaker(input, words, c + 2, stop.min(c + 10)).map(|s| (c, s))
        })
    })
}

/// The cue and speaker of the sentence around a partial quote: "Putin expressed
/// his appreciation for the “unlimited possibilities”", "Xi called Putin his
/// “best friend”".
fn partial_speaker(input: &Input<'_>, k: usize, quote: Span) -> (Option<Span>, Option<Speaker>) {
    let words = input.view.toks(k);
    let end = words
        .iter()
        .position(|w| w.span.start >= quote.start)
        .unwrap_or(words.len());
    let Some((c, who)) = first_speaking_cue(input, words, end) else {
        return (None, None);
    };
    let who = Some(who);
    (Some(cue_span(words, c)), who)
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
