//! Sentence segmentation.

use crate::span::Span;

/// Push the sentences of `text[span]` onto `out` (offsets into `text`).
pub fn sentences(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = span.slice(text);
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = span.start + (s.len() - s.trim_start().len());
        out.push(Span::new(start, start + trimmed.len()));
    }
}
