//! Quotes and attributions: who said what.
//!
//! The stage reads the article's paragraphs (and headings, for headline quotes
//! such as "Pence: Flowers won't be at debate"), finds quoted text in straight,
//! curly and angle quote marks (an unclosed quote at a paragraph's end goes on in
//! the next paragraph, as news style writes it), block quotes introduced by a
//! colon, and reported speech ("X said that ...", "..., X said", "according to
//! X"). Each quote gets its cue (the speech verb or phrase) and its speaker (the
//! span in the text, resolved to an entity through names, pronouns and roles).
//! With the syntax stage ([`Options::syntax`](crate::Options::syntax)) the
//! dependency tree adds the reported speech word order misses ("Democrats
//! have long argued that ...", "the mayor criticized the rules", "spoke
//! about the threat") and names the speaker of what both read: the verb's
//! subject, not a nearby word ("The committee, which met on Monday,
//! concluded that ...").
//!
//! Beside speech, it reads [`Attribution`]s: the phrases that say where a fact
//! comes from ("according to Chinese customs figures", "as reported by Reuters",
//! "NBC recalls that ...", "(With information from EFE and AFP)"). A phrase can be
//! both: "according to the Kremlin, the leaders will talk" is reported speech and
//! a sourced fact.

mod attribution;
mod extract;
mod tree;

pub(crate) use attribution::extract as attributions;
pub(crate) use extract::{extract, Input};

use crate::span::Span;

/// How a quote reports what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuoteKind {
    /// Words in quote marks that form a statement: "“We will win,” she said."
    Direct,
    /// A few quoted words inside the writer's own sentence: called them
    /// “deplorables”, the “no-limits” partnership (scare quotes included).
    Partial,
    /// Reported speech without quote marks: "X said that ...", "..., X said".
    Indirect,
    /// A statement set off after a colon, in its own paragraphs, without quote
    /// marks.
    Block,
}

impl QuoteKind {
    /// The lowercase name: `"direct"`, `"partial"`, `"indirect"`, `"block"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Block => "block",
        }
    }
}

/// Who a quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Speaker {
    /// The speaker as the text names it ("Putin", "he", "the spokesperson",
    /// "the Kremlin").
    pub span: Span,
    /// The entity of [`Document::entities`](crate::Document::entities) it
    /// resolves to, if any.
    pub entity: Option<usize>,
}

/// A quote: what was said, how, and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Quote {
    /// The content: from the first part's start to the last part's end (for a
    /// direct quote the quote marks are included).
    pub span: Span,
    /// The content's parts, in order: one, or more for a quote split by its
    /// attribution ("“...,” he said, “...”", "“...,” he said. “...”") or
    /// running over paragraphs.
    pub parts: Vec<Span>,
    /// Direct, partial, indirect or block.
    pub kind: QuoteKind,
    /// The speech verb or phrase: "said", "told AFP", "according to".
    pub cue: Option<Span>,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
}

/// How an [`Attribution`] names its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AttributionKind {
    /// "according to X".
    According,
    /// "as reported by X", "reported by X", "as X announced".
    Reported,
    /// "..., citing X".
    Citing,
    /// A source that backs what follows: "NBC recalls that ...", "figures from
    /// the central bank show ...", "a survey found ...".
    Source,
    /// A credit line that backs the whole article: "(With information from EFE
    /// and AFP)", "Additional reporting by ...".
    Credit,
}

impl AttributionKind {
    /// The lowercase name: `"according"`, `"reported"`, `"citing"`, `"source"`,
    /// `"credit"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AttributionKind::According => "according",
            AttributionKind::Reported => "reported",
            AttributionKind::Citing => "citing",
            AttributionKind::Source => "source",
            AttributionKind::Credit => "credit",
        }
    }
}

/// A reported fact and the source the text gives for it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Attribution {
    /// What the source backs: the rest of the sentence, or for a credit line the
    /// article's body.
    pub span: Span,
    /// How the source is named.
    pub kind: AttributionKind,
    /// The phrase that attributes: "according to", "as reported by", "recalls",
    /// "With information from".
    pub cue: Span,
    /// The source as the text names it: "Chinese customs figures", "Reuters",
    /// "EFE and AFP".
    pub source: Span,
    /// The entities of [`Document::entities`](crate::Document::entities) named in
    /// the source, in order.
    pub entities: Vec<usize>,
}

/// First-person singular pronouns (`data/lexicons/speaker_pronouns.txt`).
static SPEAKER_PRONOUNS: crate::lexicon::WordSet =
    crate::lexicon::word_set!("speaker_pronouns.txt");

/// The first-person singular pronouns of direct and block quotes whose
/// speaker is an entity `person` accepts, each with that entity: inside
/// what someone says, "I", "me" and "my" are the speaker ("“I love them,”
/// Smith said": "I" is Smith; the "I" of "I'm" too). Partial quotes and
/// reported speech are left alone (the writer's sentence around them speaks),
/// and so is a pronoun inside a name ("World War I").
pub(crate) fn speaker_pronouns(
    view: &crate::view::View<'_>,
    quotes: &[Quote],
    person: impl Fn(usize) -> bool,
) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    for q in quotes {
        if !matches!(q.kind, QuoteKind::Direct | QuoteKind::Block) {
            continue;
        }
        let Some(e) = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity)
            .filter(|&e| person(e))
        else {
            continue;
        };
        for &part in &q.parts {
            let (Some(first), Some(last)) = (
                view.sentence_at(part.start),
                view.sentence_at(part.end.saturating_sub(1)),
            ) else {
                continue;
            };
            for k in first..=last {
                for t in view.toks(k) {
                    if !part.contains(t.span) || t.name != crate::view::NONE {
                        continue;
                    }
                    // "I'm", "I’ve" as one token: its "I".
                    let word = t.low.split(['\'', '’']).next().unwrap_or(t.low);
                    let contracted = word.len() < t.low.len();
                    // A pronoun by the tagger when it ran ("the mine" is none).
                    let pronoun = view
                        .words
                        .get(t.word as usize)
                        .is_none_or(|w| w.upos == crate::syntax::Upos::Pron);
                    if pronoun && SPEAKER_PRONOUNS.contains(word) && (!contracted || word == "i") {
                        let end = t.span.start + word.len();
                        out.push((Span::new(t.span.start, end), e));
                    }
                }
            }
        }
    }
    out
}
