//! Quotes and attributions: who said what.
//!
//! The stage reads the article's paragraphs (and headings, for headline quotes
//! such as "Pence: Flowers won't be at debate"), finds quoted text in straight,
//! curly and angle quote marks (an unclosed quote at a paragraph's end goes on in
//! the next paragraph, as news style writes it), block quotes introduced by a
//! colon, and reported speech ("X said that ...", "..., X said", "according to
//! X"). Each quote gets its cue (the speech verb or phrase) and its speaker (the
//! span in the text, resolved to an entity through names, pronouns and roles).

mod extract;

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
    /// attribution ("“...,” he said, “...”") or running over paragraphs.
    pub parts: Vec<Span>,
    /// Direct, partial, indirect or block.
    pub kind: QuoteKind,
    /// The speech verb or phrase: "said", "told AFP", "according to".
    pub cue: Option<Span>,
    /// Who said it, when the text says.
    pub speaker: Option<Speaker>,
}
