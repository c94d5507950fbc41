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
    /// Never panics: a span that does not fit `text` (it ends past the text,
    /// starts after it ends, or cuts a character) gives `""`. That cannot
    /// happen for the text a span was produced from.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let s = text.get(self.start..self.end);
        debug_assert!(
            s.is_some() || self.start > self.end || self.end > text.len(),
            "span {}..{} cuts a character of the text",
            self.start,
            self.end
        );
        s.unwrap_or("")
    }

    /// True when `other` lies within this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

// Slicing at computed byte offsets. `&text[a..b]` panics when an offset falls
// inside a multi-byte character; the crate denies it (`clippy::string_slice`)
// and slices through these helpers, `str::get` or byte comparisons instead.
//
// `before`, `after`, `between`, `char_at` and `char_before` are for offsets that
// are on a character boundary by construction (from `char_indices`, a `find`,
// a span, the end of a character): debug builds assert it, so tests and fuzzing
// find a wrong offset; release builds move a cut inside a character back to
// the character's start instead of panicking. Offsets from arbitrary byte
// arithmetic go through `floor_boundary` (or `str::get`) first.

/// The character boundary of `text` at or before byte `i`; `text.len()` past the end.
#[inline]
pub(crate) fn floor_boundary(text: &str, i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let bytes = text.as_bytes();
    let mut i = i;
    // At most three steps back: a UTF-8 character is at most four bytes.
    while i > 0 && is_continuation(bytes[i]) {
        i -= 1;
    }
    i
}

#[inline]
#[track_caller]
fn check_boundary(text: &str, i: usize) {
    debug_assert!(
        text.is_char_boundary(i),
        "byte offset {i} is not a character boundary of a {}-byte text",
        text.len()
    );
}

/// `&text[..i]` for `i` on a character boundary by construction.
#[inline]
#[track_caller]
pub(crate) fn before(text: &str, i: usize) -> &str {
    check_boundary(text, i);
    text.get(..floor_boundary(text, i)).unwrap_or("")
}

/// `&text[i..]` for `i` on a character boundary by construction.
#[inline]
#[track_caller]
pub(crate) fn after(text: &str, i: usize) -> &str {
    check_boundary(text, i);
    text.get(floor_boundary(text, i)..).unwrap_or("")
}

/// `&text[a..b]` for `a <= b` on character boundaries by construction; `""` when `a > b`.
#[inline]
#[track_caller]
pub(crate) fn between(text: &str, a: usize, b: usize) -> &str {
    check_boundary(text, a);
    check_boundary(text, b);
    debug_assert!(a <= b, "empty range {a}..{b}");
    text.get(floor_boundary(text, a)..floor_boundary(text, b))
        .unwrap_or("")
}

/// The character that starts at byte `i` (on a boundary by construction).
#[inline]
#[track_caller]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    after(text, i).chars().next()
}

/// The character that ends at byte `i` (on a boundary by construction).
#[inline]
#[track_caller]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    before(text, i).chars().next_back()
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

/// Converts code-point offsets of one text back into byte offsets: the inverse
/// of [`CharOffsets`], for documents read back from JSON.
///
/// Built once per text in O(n/256) memory; each lookup walks at most 256
/// characters. ASCII text takes a fast path where both offsets agree.
#[derive(Debug, Clone)]
pub(crate) struct ByteOffsets<'a> {
    text: &'a str,
    /// Byte offset of every 256th character; empty for ASCII text.
    checkpoints: Vec<usize>,
    /// Characters in the text.
    chars: usize,
}

impl<'a> ByteOffsets<'a> {
    /// Index `text` for conversions.
    pub(crate) fn new(text: &'a str) -> ByteOffsets<'a> {
        if text.is_ascii() {
            return ByteOffsets {
                text,
                checkpoints: Vec::new(),
                chars: text.len(),
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut chars = 0;
        for (i, (b, _)) in text.char_indices().enumerate() {
            if i % CHECKPOINT == 0 {
                checkpoints.push(b);
            }
            chars = i + 1;
        }
        ByteOffsets {
            text,
            checkpoints,
            chars,
        }
    }

    /// The byte offset of code-point offset `ch`, or `None` past the end of the text.
    pub(crate) fn byte_offset(&self, ch: usize) -> Option<usize> {
        if ch > self.chars {
            return None;
        }
        if self.checkpoints.is_empty() {
            return Some(ch);
        }
        if ch == self.chars {
            return Some(self.text.len());
        }
        let from = *self.checkpoints.get(ch / CHECKPOINT)?;
        let rest = self.text.get(from..)?;
        rest.char_indices()
            .nth(ch % CHECKPOINT)
            .map(|(b, _)| from + b)
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
    fn boundaries_move_back_to_the_character_start() {
        let text = "aé中👍";
        // a: 0, é: 1..3, 中: 3..6, 👍: 6..10
        let floors: Vec<usize> = (0..=12).map(|i| floor_boundary(text, i)).collect();
        assert_eq!(floors, [0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 10, 10]);
        assert_eq!(before(text, 3), "aé");
        assert_eq!(after(text, 3), "中👍");
        assert_eq!(between(text, 1, 6), "é中");
        assert_eq!(char_at(text, 3), Some('中'));
        assert_eq!(char_before(text, 3), Some('é'));
        assert_eq!(char_at(text, 10), None);
        assert_eq!(char_before(text, 0), None);
        assert_eq!(floor_boundary("", 5), 0);
    }

    #[test]
    fn span_slice_never_panics_in_release() {
        let text = "Zürich";
        assert_eq!(Span::new(0, 3).slice(text), "Zü");
        assert_eq!(Span::new(3, 99).slice(text), "");
        assert_eq!(Span::new(4, 2).slice(text), "");
    }

    #[test]
    fn byte_offsets_invert_char_offsets() {
        for text in [
            "",
            "plain",
            &"Vladímir Putin’s visit — 北京 👍".repeat(40),
            &"é".repeat(256),
        ] {
            let chars = CharOffsets::new(text);
            let bytes = ByteOffsets::new(text);
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(bytes.byte_offset(chars.char_offset(b)), Some(b));
            }
            assert_eq!(bytes.byte_offset(text.chars().count() + 1), None);
        }
    }

    #[test]
    fn ascii_is_identity() {
        let conv = CharOffsets::new("plain text");
        assert_eq!(conv.span(Span::new(2, 5)), (2, 5));
    }
}
