//! Article layout: blocks and their roles.

use jiff::civil::Date;

use crate::document::{BlockKind, BoilerplateReason};
use crate::span::Span;

/// A block found by layout analysis, in normalized-text offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub span: Span,
    pub reason: Option<BoilerplateReason>,
}

/// A dateline in normalized-text offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawDateline {
    pub span: Span,
    pub place: Option<Span>,
    pub date: Option<Date>,
    pub agency: Option<Span>,
}

/// The result of layout analysis, in normalized-text offsets.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub blocks: Vec<RawBlock>,
    pub title: Option<Span>,
    pub subtitle: Option<Span>,
    pub authors: Vec<Span>,
    pub publisher: Option<String>,
    pub published: Option<(Date, Span)>,
    pub dateline: Option<RawDateline>,
}

/// Analyse the layout of normalized `text`.
pub(crate) fn analyze(text: &str, layout: bool) -> Layout {
    let _ = layout;
    let mut out = Layout::default();
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos;
        pos += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let s = start + (line.len() - line.trim_start().len());
        out.blocks.push(RawBlock {
            kind: BlockKind::Paragraph,
            span: Span::new(s, s + trimmed.len()),
            reason: None,
        });
    }
    out
}
