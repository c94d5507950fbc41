//! Byte spans into the original input.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the **original** input text.
///
/// Spans always fall on UTF-8 character boundaries of the input, so
/// `&input[span.start..span.end]` never panics for a span nutgraf returned
/// for that input. Python and JSON users get code-point offsets instead
/// (see [`CharOffsets`](crate::CharOffsets)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers in `text`.
    ///
    /// # Panics
    /// Panics when the span is not on character boundaries of `text`, which
    /// cannot happen for the text a span was produced from.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// True when `other` lies within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Converts byte offsets of one text into code-point offsets (Python string indices).
///
/// Built once per text in O(n/256) memory; each lookup counts at most 256 bytes.
/// ASCII text takes a fast path where both offsets agree.
#[derive(Debug, Clone)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// Characters before each 256-byte checkpoint; empty for ASCII text.
    checkpoints: Vec<u32>,
}

const CHECKPOINT: usize = 256;

impl<'a> CharOffsets<'a> {
    /// Index `text` for conversions.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        if text.is_ascii() {
            return CharOffsets {
                text,
                checkpoints: Vec::new(),
            };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(CHECKPOINT) {
            checkpoints.push(count);
            count += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        CharOffsets { text, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (which must be `<= text.len()`).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte;
        }
        // The end of a text whose length is a multiple of the checkpoint distance
        // lies past the last checkpoint: count from that one.
        let block = (byte / CHECKPOINT).min(self.checkpoints.len() - 1);
        let base = self.checkpoints[block] as usize;
        let from = block * CHECKPOINT;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| !is_continuation(b))
            .count()
    }

    /// Both ends of `span` as code-point offsets.
    pub fn span(&self, span: Span) -> (usize, usize) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[inline]
fn is_continuation(b: u8) -> bool {
    (b & 0xC0) == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_match_char_indices() {
        let text = "Vladímir Putin’s visit — 北京 ".repeat(40);
        let conv = CharOffsets::new(&text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(conv.char_offset(bi), ci);
        }
        assert_eq!(conv.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn end_of_text_on_a_checkpoint_boundary() {
        // 128 two-byte characters: exactly one 256-byte chunk.
        let text = "é".repeat(128);
        let conv = CharOffsets::new(&text);
        assert_eq!(conv.char_offset(text.len()), 128);
        let text = "é".repeat(256);
        assert_eq!(CharOffsets::new(&text).char_offset(512), 256);
    }

    #[test]
    fn ascii_is_identity() {
        let conv = CharOffsets::new("plain text");
        assert_eq!(conv.span(Span::new(2, 5)), (2, 5));
    }
}
