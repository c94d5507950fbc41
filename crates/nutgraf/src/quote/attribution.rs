//! Attributions of reported facts: which source backs which statement.
//!
//! Speech goes to [`Quote`](super::Quote)s; this reads the phrases that name where
//! a fact comes from without (necessarily) reporting speech: "according to
//! Chinese customs figures", "as reported by Reuters", "citing officials", "NBC
//! recalls that ...", "figures from the central bank show ...", and the credit
//! line that backs the whole article ("(With information from EFE and AFP)").

use std::collections::HashMap;
use std::sync::LazyLock;

use super::extract::Input;
use super::{Attribution, AttributionKind};
use crate::entities::EntityLabel;
use crate::lexicon;
use crate::lexicon::{word_list, WordList};
use crate::segment::TokenKind;
use crate::span::{self, Span};
use crate::view::Tok;

/// At most this many words in a source phrase.
const MAX_SOURCE_WORDS: usize = 12;

/// A word of a sentence: a token of the shared view.
type W<'t> = Tok<'t>;

/// Punctuation that ends a source phrase or a clause.
fn is_boundary(w: &W<'_>) -> bool {
    w.is_punct()
        && matches!(
            w.text,
            "," | ";"
                | ":"
                | "."
                | "!"
                | "?"
                | "("
                | ")"
                | "["
                | "]"
                | "\u{2014}"
                | "\u{2013}"
                | "-"
        )
}

/// Words that end a source noun phrase: a clause or a new predicate starts.
static PHRASE_ENDERS: WordList = word_list!("attribution_phrase_enders.txt");

/// Verbs with which a source that is not a speaker backs a fact ("figures show",
/// "NBC recalls that", "a survey found").
static SOURCE_VERBS: WordList = word_list!("attribution_source_verbs.txt");

/// Nouns of documents and figures that back facts ("data", "a report").
static DOCUMENT_NOUNS: WordList = word_list!("attribution_document_nouns.txt");

/// Verbs of "as reported by X" / "as X reported".
static AS_VERBS: WordList = word_list!("attribution_as_verbs.txt");

/// Labels an entity backing a fact can have.
fn source_label(label: EntityLabel) -> bool {
    matches!(
        label,
        EntityLabel::Person
            | EntityLabel::Org
            | EntityLabel::Gpe
            | EntityLabel::Norp
            | EntityLabel::WorkOfArt
            | EntityLabel::Fac
    )
}

/// The entities named inside `span`, in order, each once.
fn entities_in(input: &Input<'_>, span: Span) -> Vec<usize> {
    let mut out = Vec::new();
    for &(_, label, e) in input.mentions_in(span) {
        if source_label(label) && e != usize::MAX && !out.contains(&e) {
            out.push(e);
        }
    }
    out
}

/// The source phrase that starts at word `lo`: up to a boundary or a clause word.
fn source_after(input: &Input<'_>, words: &[W<'_>], lo: usize) -> Option<(usize, usize)> {
    let mut hi = lo;
    while hi < words.len()
        && hi - lo < MAX_SOURCE_WORDS
        && !is_boundary(&words[hi])
        && !(hi > lo && words[hi].is_any(&PHRASE_ENDERS))
    {
        hi += 1;
    }
    // A source names something: a capitalized word, a number or a noun, not a bare
    // determiner or quote mark.
    while hi > lo && words[hi - 1].is_punct() {
        hi -= 1;
    }
    // "the ministry's spokesperson, Hua Chunying": a name in apposition closes it.
    if hi > lo && hi + 1 < words.len() && words[hi].is(",") {
        let next = words[hi + 1].span.start;
        if let Some(&(m, _, _)) = input
            .mentions_starting_at(next)
            .find(|&&(_, label, _)| label == EntityLabel::Person)
        {
            if let Some(end) = words.iter().position(|w| w.span.end == m.end) {
                if words.get(end + 1).is_none_or(is_boundary) {
                    hi = end + 1;
                }
            }
        }
    }
    (hi > lo).then_some((lo, hi))
}

/// The span of words `lo..hi`.
fn span_of(words: &[W<'_>], lo: usize, hi: usize) -> Span {
    Span::new(words[lo].span.start, words[hi - 1].span.end)
}

/// The content of a sentence without the attribution phrase at `lo..hi` (word
/// indices): what comes before it when the phrase ends the sentence, what comes
/// after it when the phrase opens it, else the whole sentence.
fn content_around(words: &[W<'_>], lo: usize, hi: usize) -> Option<Span> {
    let trim = |a, b| content_span(words, a, b);
    if lo == 0 && hi >= words.len() {
        return trim(0, words.len());
    }
    let rest_is_punct = words[hi..].iter().all(W::is_punct);
    if rest_is_punct {
        return trim(0, lo);
    }
    let opens = words[..lo].iter().all(W::is_punct);
    if opens {
        return trim(hi, words.len());
    }
    // Between commas in the middle: the whole sentence stands behind it.
    trim(0, words.len())
}

fn is_quote(w: &W<'_>) -> bool {
    w.text.chars().all(|c| {
        matches!(
            c,
            '"' | '\'' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{ab}' | '\u{bb}'
        )
    })
}

/// The source noun phrase that ends just before word `verb`, as far back as the
/// clause allows; kept only when it names an entity or a document ("NBC",
/// "figures from the central bank", "a Pew survey").
fn source_before(input: &Input<'_>, words: &[W<'_>], verb: usize) -> Option<(usize, usize)> {
    let stops = |w: &W<'_>| {
        is_boundary(w)
            || is_quote(w)
            || w.is_any(&SUBORDINATORS)
            || w.is_any(&[
                "and", "but", "or", "be", "being", "been", "is", "are", "was", "were",
            ])
            || (w.kind == TokenKind::Word
                && !w.upper
                && (w.is_any(&SOURCE_VERBS) || w.text.ends_with("ing") || w.text.ends_with("ed")))
    };
    let mut lo = verb;
    while lo > 0 && verb - lo < MAX_SOURCE_WORDS && !stops(&words[lo - 1]) {
        lo -= 1;
    }
    // The phrase starts at a determiner, a number or a name: "upon a New York
    // Times report" is "a New York Times report".
    while lo < verb
        && words[lo].kind == TokenKind::Word
        && (!words[lo].upper || words[lo].is_any(&PREPOSITIONS))
        && !words[lo].is_any(&DETERMINERS)
        && !words[lo].is_any(&DOCUMENT_NOUNS)
    {
        lo += 1;
    }
    if lo == verb {
        return None;
    }
    let span = span_of(words, lo, verb);
    let head = words[verb - 1];
    // Speakers are quotes; a source here is an organization, a place, an outlet.
    let names_source = input.mentions_in(span).any(|&(m, label, _)| {
        m.end == span.end
            && matches!(
                label,
                EntityLabel::Org | EntityLabel::Gpe | EntityLabel::WorkOfArt
            )
    });
    let head_is_document = head.is_any(&DOCUMENT_NOUNS)
        || (lo..verb).any(|i| words[i].is_any(&DOCUMENT_NOUNS))
            && (lo..verb).any(|i| words[i].is_any(&["from", "by", "of"]));
    // "a New York Times report", "the IMF report stated": a base-form verb after a
    // singular subject is a noun.
    let v = words[verb];
    let base_form =
        !v.text.ends_with('s') && !v.text.ends_with("ed") && !v.is_any(&["found", "said", "shown"]);
    // An organization's name is singular even when it ends in "s" ("The Times").
    let named_org = input
        .mentions_ending_at(head.span.end)
        .any(|&(_, label, _)| label != EntityLabel::Norp);
    let plural = !named_org
        && (head.text.len() > 3 && head.text.ends_with('s') && !head.text.ends_with("ss")
            || head.is_any(&["data", "police", "people", "media", "statistics"]));
    let indefinite = words[lo].is_any(&["a", "an", "one", "another"]);
    if base_form && (!plural || indefinite) {
        return None;
    }
    // "showed up", "found out": phrasal verbs are not reports.
    if words
        .get(verb + 1)
        .is_some_and(|w| w.is_any(&["up", "out", "off", "down"]))
    {
        return None;
    }
    let speech = v.is_any(&["say", "says", "said"]);
    if head_is_document || (names_source && !speech) {
        Some((lo, verb))
    } else {
        None
    }
}

/// Words that open a subordinate clause: a source phrase does not reach back
/// over them.
static SUBORDINATORS: WordList = word_list!("attribution_subordinators.txt");

/// Words that open a noun phrase.
static DETERMINERS: WordList = word_list!("attribution_determiners.txt");

/// Prepositions a backward walk may have taken in at a phrase's start.
static PREPOSITIONS: WordList = word_list!("attribution_prepositions.txt");

/// People who are a source by their position: "citing officials".
static SOURCE_PEOPLE: WordList = word_list!("attribution_source_people.txt");

/// Read one sentence for attribution phrases.
fn sentence(input: &Input<'_>, words: &[W<'_>], out: &mut Vec<Attribution>) {
    let n = words.len();
    let mut i = 0;
    while i < n {
        let w = words[i];
        // "according to X", "according to data from X".
        if w.is("according") && i + 2 < n && words[i + 1].is("to") {
            if let Some((lo, hi)) = source_after(input, words, i + 2) {
                push(
                    input,
                    words,
                    (i, hi),
                    (i, i + 2),
                    (lo, hi),
                    AttributionKind::According,
                    out,
                );
                i = hi;
                continue;
            }
        }
        // "citing X".
        if w.is("citing") && i > 0 && i + 1 < n {
            if let Some((lo, hi)) = source_after(input, words, i + 1).filter(|&(lo, hi)| {
                !entities_in(input, span_of(words, lo, hi)).is_empty()
                    || words[lo..hi]
                        .iter()
                        .any(|w| w.is_any(&SOURCE_PEOPLE) || w.is_any(&DOCUMENT_NOUNS))
            }) {
                push(
                    input,
                    words,
                    (i, hi),
                    (i, i + 1),
                    (lo, hi),
                    AttributionKind::Citing,
                    out,
                );
                i = hi;
                continue;
            }
        }
        // "as reported by X", "reported by X", "(as) published in X".
        if w.is_any(&[
            "reported",
            "published",
            "announced",
            "stated",
            "revealed",
            "confirmed",
        ]) && i + 2 < n
            && words[i + 1].is_any(&["by", "in"])
        {
            let cue_lo = if i > 0 && words[i - 1].is("as") {
                i - 1
            } else {
                i
            };
            let has_subject = cue_lo < i || words[..i].iter().any(|x| !x.is_punct());
            if let Some((lo, hi)) = source_after(input, words, i + 2).filter(|_| has_subject) {
                if !entities_in(input, span_of(words, lo, hi)).is_empty()
                    || words[lo..hi].iter().any(|w| w.upper)
                {
                    // "as reported by X" sets off its clause; "the issue was first
                    // reported by X" backs the whole sentence.
                    let phrase = if cue_lo < i { (cue_lo, hi) } else { (0, n) };
                    push(
                        input,
                        words,
                        phrase,
                        (cue_lo, i + 2),
                        (lo, hi),
                        AttributionKind::Reported,
                        out,
                    );
                    i = hi;
                    continue;
                }
            }
        }
        // "as X reported", "as the ministry announced on Tuesday".
        if w.is("as") && i + 2 < n {
            let mut v = i + 1;
            while v < n && v - i <= 7 && !is_boundary(&words[v]) && !words[v].is_any(&AS_VERBS) {
                v += 1;
            }
            if v < n && v > i + 1 && words[v].is_any(&AS_VERBS) && !words[v].is("first") {
                let src = span_of(words, i + 1, v);
                let named = input
                    .mentions_in(src)
                    .any(|&(_, label, _)| source_label(label))
                    || (words[i + 1].is_any(&["the", "a", "an", "its", "their", "his", "her"])
                        && words[i + 2..v]
                            .iter()
                            .all(|x| x.kind == TokenKind::Word && !x.text.ends_with("ing")));
                // "as X reported" closes its clause: a comma, the end, or a time.
                let closes = words.get(v + 1).is_none_or(|x| {
                    is_boundary(x)
                        || x.is_any(&["on", "in", "last", "this", "earlier", "yesterday", "today"])
                });
                if named && closes {
                    push(
                        input,
                        words,
                        (i, v + 1),
                        (v, v + 1),
                        (i + 1, v),
                        AttributionKind::Reported,
                        out,
                    );
                    i = v + 1;
                    continue;
                }
            }
        }
        // "NBC recalls that ...", "figures from customs show ...", "a survey found".
        if w.kind == TokenKind::Word && !w.upper && w.is_any(&SOURCE_VERBS) && i > 0 {
            if let Some((lo, hi)) = source_before(input, words, i) {
                // What the source backs: the rest of the sentence after "that".
                // "reported Saturday that ...": the content starts after "that".
                let mut c = i + 1;
                if let Some(t) = (c..n.min(c + 5)).find(|&j| words[j].is("that")) {
                    if (c..t).all(|j| !is_boundary(&words[j])) {
                        c = t + 1;
                    }
                }
                let content = if c < n {
                    content_span(words, c, n)
                } else {
                    None
                };
                if let Some(content) = content {
                    let source = span_of(words, lo, hi);
                    out.push(Attribution {
                        span: content,
                        kind: AttributionKind::Source,
                        cue: words[i].span,
                        source,
                        entities: entities_in(input, source),
                    });
                    i = n;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// Words `a..b` as a span, trimmed of the separating commas and the final stop at
/// either end (quote marks kept); `None` when no word is left.
fn content_span(words: &[W<'_>], mut a: usize, mut b: usize) -> Option<Span> {
    while a < b && words[a].is_punct() && !is_quote(&words[a]) {
        a += 1;
    }
    while b > a && words[b - 1].is_punct() && !is_quote(&words[b - 1]) {
        b -= 1;
    }
    (a..b)
        .any(|i| !words[i].is_punct())
        .then(|| span_of(words, a, b))
}

/// Push an attribution whose phrase spans words `phrase`, cue `cue`, source `src`.
fn push(
    input: &Input<'_>,
    words: &[W<'_>],
    phrase: (usize, usize),
    cue: (usize, usize),
    src: (usize, usize),
    kind: AttributionKind,
    out: &mut Vec<Attribution>,
) {
    // The phrase starts at its comma when one sets it off.
    let mut lo = phrase.0;
    while lo > 0 && words[lo - 1].is(",") {
        lo -= 1;
    }
    let Some(content) = content_around(words, lo, phrase.1) else {
        return;
    };
    let source = span_of(words, src.0, src.1);
    out.push(Attribution {
        span: content,
        kind,
        cue: span_of(words, cue.0, cue.1),
        source,
        entities: entities_in(input, source),
    });
}

/// How credit lines open, lowercase, each with the space after it.
static LEADS: LazyLock<Vec<String>> = LazyLock::new(|| {
    lexicon::words(include_str!("../../data/lexicons/attribution_leads.txt"))
        .into_iter()
        .map(|l| format!("{l} "))
        .collect()
});

/// Credit lines that back the whole article: "(With information from EFE and
/// AFP)", "Additional reporting by Jane Doe", "Source: Reuters".
fn credit<'t>(
    input: &Input<'t>,
    line: Span,
    body: Span,
    by_name: &HashMap<&'t str, usize>,
    out: &mut Vec<Attribution>,
) {
    let raw = line.slice(input.text);
    let trimmed = raw
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']', '.']);
    let lead = raw.find(trimmed).unwrap_or(0);
    // The leads are ASCII: compare bytes, so the lead's length is an offset of
    // `trimmed` too (a lowercased copy can differ in length: "İ", "K").
    let Some(cue) = LEADS.iter().find(|l| {
        trimmed
            .as_bytes()
            .get(..l.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(l.as_bytes()))
    }) else {
        return;
    };
    let cue_text = cue.trim_end();
    let cue_span = Span::new(line.start + lead, line.start + lead + cue_text.len());
    let after_cue = span::after(trimmed, cue_text.len());
    let src_start = cue_span.end + (after_cue.len() - after_cue.trim_start().len());
    // "Reporting by A; Editing by B": the reporting part only.
    let src_text = span::between(input.text, src_start, line.start + lead + trimmed.len());
    let src_text = src_text.split(';').next().unwrap_or("").trim_end();
    let source = if src_text.is_empty() {
        // "With agencies": the cue is the source.
        cue_span
    } else {
        Span::new(src_start, src_start + src_text.len())
    };
    // Credit lines are not tagged: find the document's entities by name.
    let mut entities = Vec::new();
    for part in src_text
        .split([',', '&', '/'])
        .flat_map(|p| p.split(" and "))
    {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(&e) = by_name.get(part) {
            if !entities.contains(&e) {
                entities.push(e);
            }
        }
    }
    out.push(Attribution {
        span: body,
        kind: AttributionKind::Credit,
        cue: cue_span,
        source,
        entities,
    });
}

/// Find the attributions of an article. `credits` are the credit lines the
/// layout found; `body` is the span of the article's body, which a credit line
/// backs as a whole.
pub(crate) fn extract(input: &Input<'_>, credits: &[Span], body: Option<Span>) -> Vec<Attribution> {
    let mut out = Vec::new();
    for k in 0..input.view.sentences.len() {
        sentence(input, input.view.toks(k), &mut out);
    }
    if let Some(body) = body {
        // Credit lines are not tagged: their sources are found by name, the first
        // entity with that name as a source, from a map built once.
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        if !credits.is_empty() {
            for &(m, label, e) in input.mentions {
                if source_label(label) && e != usize::MAX {
                    by_name.entry(m.slice(input.text)).or_insert(e);
                }
            }
        }
        for &line in credits {
            credit(input, line, body, &by_name, &mut out);
        }
    }
    out.sort_by_key(|a| (a.span.start, a.cue.start));
    out
}

#[cfg(test)]
mod tests {
    use crate::{AttributionKind, Document, Meta, Options, Parser};

    fn parse(text: &str) -> Document {
        Parser::new(Options::new())
            .parse(text, &Meta::new().with_published_str("2023-10-17").unwrap())
            .unwrap()
    }

    /// (kind, cue, source, content) of each attribution.
    fn attributions(text: &str) -> Vec<(AttributionKind, String, String, String)> {
        let doc = parse(text);
        doc.attributions
            .iter()
            .map(|a| {
                (
                    a.kind,
                    doc.slice(a.cue).to_owned(),
                    doc.slice(a.source).to_owned(),
                    doc.slice(a.span).to_owned(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (AttributionKind, String, String, String) {
        let mut all = attributions(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    #[test]
    fn according_to_at_either_end() {
        let (kind, cue, source, content) =
            one("Exports rose 12 percent in March, according to Chinese customs data.");
        assert_eq!(kind, AttributionKind::According);
        assert_eq!(cue, "according to");
        assert_eq!(source, "Chinese customs data");
        assert_eq!(content, "Exports rose 12 percent in March");
        let (_, _, source, content) =
            one("According to the Kremlin, the two leaders will talk about trade.");
        assert_eq!(source, "the Kremlin");
        assert_eq!(content, "the two leaders will talk about trade");
    }

    #[test]
    fn reported_by_and_as_x_announced() {
        let (kind, cue, source, content) =
            one("The leaders will meet on Friday, as reported by Reuters.");
        assert_eq!(kind, AttributionKind::Reported);
        assert_eq!(cue, "as reported by");
        assert_eq!(source, "Reuters");
        assert_eq!(content, "The leaders will meet on Friday");
        let (kind, cue, source, _) =
            one("Putin will visit China this week, as the Kremlin announced on Tuesday.");
        assert_eq!(kind, AttributionKind::Reported);
        assert_eq!(cue, "announced");
        assert_eq!(source, "the Kremlin");
    }

    #[test]
    fn sources_as_subjects() {
        let (kind, cue, source, content) =
            one("A Gallup poll shows that most voters back the plan.");
        assert_eq!(kind, AttributionKind::Source);
        assert_eq!(cue, "shows");
        assert_eq!(source, "A Gallup poll");
        assert_eq!(content, "most voters back the plan");
        let (_, cue, source, _) = one("NBC recalls that the deal was signed in 2019.");
        assert_eq!((cue.as_str(), source.as_str()), ("recalls", "NBC"));
        // A singular subject with a base-form "report" is a noun, not a source.
        assert!(
            attributions("He cited a New York Times report that the firm lost money.").is_empty()
        );
        // People who say things are speakers, not sources: quotes carry them.
        assert!(attributions("Mr. Smith said the plan would fail.").is_empty());
    }

    #[test]
    fn citing_needs_a_source() {
        let (kind, _, source, content) =
            one("The company cut 200 jobs, citing officials familiar with the matter.");
        assert_eq!(kind, AttributionKind::Citing);
        assert_eq!(source, "officials familiar with the matter");
        assert_eq!(content, "The company cut 200 jobs");
        assert!(attributions("They resigned, citing the pressure of the job.").is_empty());
    }

    #[test]
    fn credit_lines_back_the_body() {
        let text = "Trade talks\n\nChina and Russia signed a deal on Monday.\n\n\
                    Reuters said more talks would follow.\n\n(With information from Reuters and AFP)";
        let doc = parse(text);
        let credit = doc
            .attributions
            .iter()
            .find(|a| a.kind == AttributionKind::Credit)
            .expect("a credit attribution");
        assert_eq!(doc.slice(credit.cue), "With information from");
        assert_eq!(doc.slice(credit.source), "Reuters and AFP");
        assert!(doc
            .slice(credit.span)
            .starts_with("China and Russia signed"));
        let names: Vec<&str> = credit
            .entities
            .iter()
            .map(|&e| doc.entities[e].name.as_str())
            .collect();
        assert!(names.contains(&"Reuters"), "{names:?}");
    }

    #[test]
    fn nothing_from_plain_text() {
        assert!(
            attributions("The report was long. Data is good. As expected, it rained.").is_empty()
        );
    }
}
