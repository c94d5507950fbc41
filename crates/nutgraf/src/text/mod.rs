//! Text normalization with an offset map back to the original input.
//!
//! Everything after this stage reads [`NormalizedText::as_str`]; every span it
//! reports is mapped back with [`NormalizedText::to_original`], so users always
//! get offsets into the text they passed in.
//!
//! What is normalized:
//! - line ends: CRLF and lone CR become LF; vertical tab and form feed become LF;
//!   U+2028 becomes LF and U+2029 a blank line;
//! - odd spaces (NBSP, thin, em/en, narrow NBSP, ideographic...) become a plain space;
//! - zero-width space, word joiner, BOM, soft hyphen, C0 and C1 control characters
//!   (other than tab and LF) are removed;
//! - HTML character references left in text (`&amp;`, `&#8217;`, `&#x2019;`,
//!   common named ones) are decoded;
//! - mojibake, UTF-8 read as Windows-1252 or Latin-1 once or twice
//!   ("VladÃ­mir", "donâ€™t"), is decoded where the result is far likelier than
//!   the input, and C1 control characters that stand for Windows-1252
//!   characters (U+0092 for `’`) become those characters: see [`mojibake`]
//!   for what is repaired, what is not, the test used and its cost
//!   ([`NormalizedText::with_options`] turns this off);
//! - text that is not already in Unicode NFC is composed, one base character and
//!   its combining marks at a time.
//!
//! Input that needs none of this is borrowed, not copied.
//!
//! Then [`NormalizedText::repair_glued`] puts back the spaces a lossy extraction
//! lost between two words (`FridayAs` → "Friday As", see [`find_glued`]); each
//! inserted space maps to an empty span of the original, at the join.
//!
//! # Repairs
//!
//! The changes of content are *repairs*, reported by [`NormalizedText::repairs`]
//! (and [`Document::repairs`](crate::Document::repairs), [`repair`]) with their
//! span of the original input: [`RepairKind::Mojibake`],
//! [`RepairKind::C1Control`], [`RepairKind::HtmlEntity`] and
//! [`RepairKind::GluedWords`] (an empty span where a space went in). Cosmetic
//! normalization is not reported: line ends, odd spaces (NBSP, thin,
//! ideographic) made plain, invisible and control characters removed (C0
//! controls, the five C1 controls Windows-1252 leaves undefined, zero-width
//! spaces, soft hyphens, the BOM), NFC composition. These change the bytes of
//! the text, not what it says.

mod entities;
mod glue;
pub mod mojibake;

pub use glue::{find_glued, is_english_word, Glue, GlueKind};

use std::borrow::Cow;

use unicode_normalization::{char::canonical_combining_class, IsNormalized, UnicodeNormalization};

use crate::span::{self, Span};

/// What a [`Repair`] repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RepairKind {
    /// UTF-8 text decoded as Windows-1252 or Latin-1, once or more
    /// ("VladÃ­mir" → "Vladímir"); see [`mojibake`].
    Mojibake,
    /// A C1 control character that stands for a Windows-1252 character
    /// (U+0092 → `’`).
    C1Control,
    /// An HTML character reference left in text (`&amp;` → `&`).
    HtmlEntity,
    /// Words glued by a lossy extraction: a space put back, at an empty span
    /// of the input ("Blinkenasked" → "Blinken asked"); see [`find_glued`].
    GluedWords,
}

impl RepairKind {
    /// The contract name of the kind: `"mojibake"`, `"c1_control"`,
    /// `"html_entity"`, `"glued_words"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RepairKind::Mojibake => "mojibake",
            RepairKind::C1Control => "c1_control",
            RepairKind::HtmlEntity => "html_entity",
            RepairKind::GluedWords => "glued_words",
        }
    }
}

/// One change of content the normalizer made: the input's `span` became
/// `replacement`. Cosmetic normalization (line ends, odd spaces, invisible
/// characters, NFC) is not a repair; see the [module docs](self#repairs).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Repair {
    /// What it replaced, in the original input (empty for an insertion).
    pub span: Span,
    /// What it put there.
    pub replacement: String,
    /// What kind of repair it is.
    pub kind: RepairKind,
}

impl Repair {
    /// The original text the repair replaced: `span` of `input`.
    pub fn original<'a>(&self, input: &'a str) -> &'a str {
        self.span.slice(input)
    }
}

/// A text with its repairs applied ([`repair`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Repaired {
    /// The input with every repair applied, and nothing else changed.
    pub text: String,
    /// The repairs, in input order, with spans of the input.
    pub repairs: Vec<Repair>,
}

/// Repair `text` as [`parse`](crate::parse) does before it reads it (mojibake,
/// C1 controls, HTML character references, glued words) and return the
/// repaired text and the repairs. Unlike [`NormalizedText::as_str`], the text
/// keeps everything else as it was (line ends, odd spaces, invisible
/// characters): applying `repairs` to `text` gives it.
///
/// ```
/// let fixed = nutgraf::repair("VladÃ\u{ad}mir Putin donâ€™t &amp; Blinkenasked");
/// assert_eq!(fixed.text, "Vladímir Putin don’t & Blinken asked");
/// let kinds: Vec<&str> = fixed.repairs.iter().map(|r| r.kind.as_str()).collect();
/// assert_eq!(kinds, ["mojibake", "mojibake", "html_entity", "glued_words"]);
/// ```
pub fn repair(text: &str) -> Repaired {
    repair_with(text, true)
}

/// [`repair`], with the encoding repair (mojibake and C1 controls) on or off.
pub fn repair_with(text: &str, encoding: bool) -> Repaired {
    let mut norm = NormalizedText::with_options(text, encoding);
    norm.repair_glued();
    let repairs = std::mem::take(&mut norm.repairs);
    Repaired {
        text: apply_repairs(text, &repairs),
        repairs,
    }
}

/// `text` with `repairs` (sorted, not overlapping) applied.
pub fn apply_repairs(text: &str, repairs: &[Repair]) -> String {
    if repairs.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + repairs.len());
    let mut at = 0;
    for r in repairs {
        if r.span.start < at {
            continue;
        }
        out.push_str(span::between(text, at, r.span.start));
        out.push_str(&r.replacement);
        at = r.span.end;
    }
    out.push_str(span::after(text, at));
    out
}

/// One replaced region: `orig` bytes of the input became `norm` bytes of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Normalized text plus the map from its offsets to offsets of the original input.
#[derive(Debug, Clone)]
pub struct NormalizedText<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// Sorted, non-overlapping replaced regions; identity between them.
    edits: Vec<Edit>,
    /// The changes of content, sorted, in original offsets.
    repairs: Vec<Repair>,
}

impl<'a> NormalizedText<'a> {
    /// Normalize `original`.
    pub fn new(original: &'a str) -> NormalizedText<'a> {
        normalize(original)
    }

    /// Normalize `original`, with the encoding repair (mojibake and C1
    /// controls, see [`mojibake`]) on or off. Off, C1 controls are removed as
    /// other control characters are.
    pub fn with_options(original: &'a str, repair_encoding: bool) -> NormalizedText<'a> {
        normalize_with(original, repair_encoding)
    }

    /// The changes of content made so far ([`Repair`]), sorted by where they
    /// are in the original input.
    pub fn repairs(&self) -> &[Repair] {
        &self.repairs
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original input.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// True when normalization changed nothing (offsets are identical).
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Find words glued together ([`find_glued`]) and insert the missing spaces;
    /// return what was repaired, with offsets of the text before the repair.
    ///
    /// ```
    /// use nutgraf::text::NormalizedText;
    /// use nutgraf::Span;
    ///
    /// let input = "Anthony Blinken&amp;Co. met Anthony Blinkenasked Beijing.";
    /// let mut n = NormalizedText::new(input);
    /// let repairs = n.repair_glued();
    /// assert_eq!(repairs.len(), 1);
    /// assert_eq!(n.as_str(), "Anthony Blinken&Co. met Anthony Blinken asked Beijing.");
    /// let name = Span::new(24, 39); // "Anthony Blinken" after the repair
    /// assert_eq!(n.to_original(name).slice(input), "Anthony Blinken");
    /// assert_eq!(n.inserted(), [Span::new(43, 43)]);
    /// ```
    pub fn repair_glued(&mut self) -> Vec<Glue> {
        let glued = find_glued(&self.text);
        let at: Vec<usize> = glued.iter().map(|g| g.at).collect();
        let inserted = self.insert_spaces_as(&at, Some(RepairKind::GluedWords));
        // A join inside a replaced region is left alone.
        glued
            .into_iter()
            .zip(inserted)
            .filter_map(|(g, ok)| ok.then_some(g))
            .collect()
    }

    /// Insert one space at each offset of `at` (sorted, on char boundaries of the
    /// text as it is now). Each space maps to an empty span of the original, at the
    /// join. An offset strictly inside a replaced region is skipped; the result
    /// says, for each offset, whether a space went in.
    ///
    /// # Panics
    ///
    /// When `at` is not sorted or an offset is not on a char boundary.
    pub fn insert_spaces(&mut self, at: &[usize]) -> Vec<bool> {
        self.insert_spaces_as(at, None)
    }

    /// [`NormalizedText::insert_spaces`], reporting each space as a repair of
    /// `kind` when one is given.
    fn insert_spaces_as(&mut self, at: &[usize], kind: Option<RepairKind>) -> Vec<bool> {
        assert!(at.windows(2).all(|w| w[0] < w[1]), "offsets must be sorted");
        let mut done = Vec::with_capacity(at.len());
        if at.is_empty() {
            return done;
        }
        let old = std::mem::take(&mut self.text);
        let mut text = String::with_capacity(old.len() + at.len());
        let mut edits = Vec::with_capacity(self.edits.len() + at.len());
        let mut next_edit = 0; // edits before this index are copied
        let mut copied = 0; // bytes of `old` copied
        for &p in at {
            assert!(
                old.is_char_boundary(p),
                "offset {p} is not on a char boundary"
            );
            // Edits that start before p come first, shifted by the spaces already in.
            let shift = text.len() - copied;
            while next_edit < self.edits.len() && self.edits[next_edit].norm_start < p {
                edits.push(shifted(self.edits[next_edit], shift));
                next_edit += 1;
            }
            // The original offset of p, before any edit that starts at p.
            let orig = match edits.last() {
                Some(e) if e.norm_end > p + shift => {
                    done.push(false);
                    continue;
                }
                Some(e) => e.orig_end + (p + shift - e.norm_end),
                None => p,
            };
            text.push_str(span::between(&old, copied, p));
            copied = p;
            let norm_start = text.len();
            text.push(' ');
            edits.push(Edit {
                norm_start,
                norm_end: norm_start + 1,
                orig_start: orig,
                orig_end: orig,
            });
            if let Some(kind) = kind {
                self.repairs.push(Repair {
                    span: Span::new(orig, orig),
                    replacement: " ".to_owned(),
                    kind,
                });
            }
            done.push(true);
        }
        // Insertions join the earlier repairs in input order (an insertion
        // before a replacement that starts at the same place).
        self.repairs.sort_by_key(|r| (r.span.start, r.span.end));
        let shift = text.len() - copied;
        edits.extend(self.edits[next_edit..].iter().map(|&e| shifted(e, shift)));
        text.push_str(span::after(&old, copied));
        self.text = Cow::Owned(text);
        self.edits = edits;
        done
    }

    /// The empty spans of the original where [`NormalizedText::insert_spaces`] put a
    /// space, in order.
    pub fn inserted(&self) -> Vec<Span> {
        self.edits
            .iter()
            .filter(|e| e.orig_start == e.orig_end && e.norm_end > e.norm_start)
            .map(|e| Span::new(e.orig_start, e.orig_end))
            .collect()
    }

    /// Map a span of the normalized text to the span of the original it came from.
    ///
    /// A span that starts or ends inside a replaced region grows to cover the whole
    /// region; characters removed at a span's edge are left outside it.
    pub fn to_original(&self, span: Span) -> Span {
        if self.edits.is_empty() {
            return span;
        }
        let start = self.map(span.start, false);
        let end = self.map(span.end, true).max(start);
        Span::new(start, end)
    }

    /// Map one normalized offset; `is_end` picks the side for removed characters.
    fn map(&self, n: usize, is_end: bool) -> usize {
        // Last edit starting at or before n.
        let idx = self.edits.partition_point(|e| e.norm_start <= n);
        if idx == 0 {
            return n;
        }
        let e = self.edits[idx - 1];
        if is_end && n == e.norm_start {
            return e.orig_start;
        }
        if n >= e.norm_end {
            e.orig_end + (n - e.norm_end)
        } else if is_end {
            e.orig_end
        } else {
            e.orig_start
        }
    }
}

/// `e` moved `by` bytes later in the normalized text.
fn shifted(e: Edit, by: usize) -> Edit {
    Edit {
        norm_start: e.norm_start + by,
        norm_end: e.norm_end + by,
        ..e
    }
}

/// What to do with one input character.
enum Action {
    Keep,
    Delete,
    Replace(&'static str),
}

/// What a character decoded by a repair becomes in the normalized text: itself,
/// nothing, or its replacement, as [`action_for`] says.
fn normalized(c: char, buf: &mut [u8; 4]) -> &str {
    match action_for(c) {
        Action::Keep => c.encode_utf8(buf),
        Action::Delete => "",
        Action::Replace(r) => r,
    }
}

fn action_for(c: char) -> Action {
    match c {
        '\n' | '\t' => Action::Keep,
        '\u{0B}' | '\u{0C}' | '\u{2028}' => Action::Replace("\n"),
        '\u{2029}' => Action::Replace("\n\n"),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Action::Replace(" "),
        '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{FFFE}' | '\u{FFFF}' => {
            Action::Delete
        }
        c if (c as u32) < 0x20 || ('\u{7F}'..='\u{9F}').contains(&c) => Action::Delete,
        _ => Action::Keep,
    }
}

struct Builder<'a> {
    original: &'a str,
    out: Option<String>,
    copied_upto: usize,
    edits: Vec<Edit>,
    repairs: Vec<Repair>,
}

impl<'a> Builder<'a> {
    fn replace(&mut self, orig_start: usize, orig_end: usize, with: &str) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.original.len()));
        out.push_str(span::between(self.original, self.copied_upto, orig_start));
        let norm_start = out.len();
        out.push_str(with);
        let norm_end = out.len();
        self.copied_upto = orig_end;
        // Runs of removed characters merge; other edits stay apart, so each
        // replaced character keeps its own place in the map.
        if let Some(last) = self.edits.last_mut() {
            if last.orig_end == orig_start
                && last.norm_end == norm_start
                && last.norm_start == last.norm_end
                && norm_start == norm_end
            {
                last.orig_end = orig_end;
                last.norm_end = norm_end;
                return;
            }
        }
        self.edits.push(Edit {
            norm_start,
            norm_end,
            orig_start,
            orig_end,
        });
    }

    fn finish(mut self) -> NormalizedText<'a> {
        let text = match self.out.take() {
            None => Cow::Borrowed(self.original),
            Some(mut out) => {
                out.push_str(span::after(self.original, self.copied_upto));
                Cow::Owned(out)
            }
        };
        NormalizedText {
            original: self.original,
            text,
            edits: self.edits,
            repairs: self.repairs,
        }
    }
}

/// Normalize `original` (see the module docs for what changes).
pub fn normalize(original: &str) -> NormalizedText<'_> {
    normalize_with(original, true)
}

/// Normalize `original`, with the encoding repair on or off
/// ([`NormalizedText::with_options`]).
pub fn normalize_with(original: &str, repair_encoding: bool) -> NormalizedText<'_> {
    let fixes = if repair_encoding {
        mojibake::find(original)
    } else {
        Vec::new()
    };
    let mut next_fix = 0;
    let needs_nfc = !original.is_ascii()
        && unicode_normalization::is_nfc_quick(original.chars()) != IsNormalized::Yes;
    let mut b = Builder {
        original,
        out: None,
        copied_upto: 0,
        edits: Vec::new(),
        repairs: Vec::new(),
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    let mut nfc_buf = String::new();
    while i < bytes.len() {
        let byte = bytes[i];
        if byte.is_ascii() {
            let handled = match byte {
                b'\r' => {
                    let with = if bytes.get(i + 1) == Some(&b'\n') {
                        ""
                    } else {
                        "\n"
                    };
                    b.replace(i, i + 1, with);
                    true
                }
                b'&' => {
                    if let Some((len, decoded)) = entities::decode_at(span::after(original, i)) {
                        let mut buf = [0u8; 4];
                        b.replace(i, i + len, normalized(decoded, &mut buf));
                        b.repairs.push(Repair {
                            span: Span::new(i, i + len),
                            replacement: decoded.to_string(),
                            kind: RepairKind::HtmlEntity,
                        });
                        i += len;
                        continue;
                    }
                    false
                }
                b'\n' | b'\t' => true,
                _ if byte < 0x20 || byte == 0x7F => {
                    b.replace(i, i + 1, "");
                    true
                }
                _ => false,
            };
            // An ASCII base letter followed by combining marks is composed below.
            let compose = !handled && needs_nfc && bytes.get(i + 1).is_some_and(|&n| n >= 0x80);
            if !compose {
                i += 1;
                continue;
            }
        }
        // Mojibake found before: its characters, each with the bytes it replaces.
        while fixes.get(next_fix).is_some_and(|f| f.start < i) {
            next_fix += 1;
        }
        if let Some(fix) = fixes.get(next_fix).filter(|f| f.start == i) {
            let mut decoded = String::with_capacity(fix.chars.len() * 2);
            for &(c, start, end) in &fix.chars {
                decoded.push(c);
                let mut buf = [0u8; 4];
                b.replace(start, end, normalized(c, &mut buf));
            }
            b.repairs.push(Repair {
                span: Span::new(fix.start, fix.end),
                replacement: decoded,
                kind: RepairKind::Mojibake,
            });
            i = fix.end;
            next_fix += 1;
            continue;
        }
        let c = span::char_at(original, i).unwrap_or('\u{FFFD}');
        let clen = c.len_utf8();
        // U+0085 alone is NEL, whitespace in Unicode: left to be removed.
        if repair_encoding && c != '\u{85}' {
            if let Some(m) = mojibake::c1_to_cp1252(c) {
                let mut buf = [0u8; 4];
                b.replace(i, i + clen, m.encode_utf8(&mut buf));
                b.repairs.push(Repair {
                    span: Span::new(i, i + clen),
                    replacement: m.to_string(),
                    kind: RepairKind::C1Control,
                });
                i += clen;
                continue;
            }
        }
        match action_for(c) {
            Action::Delete => b.replace(i, i + clen, ""),
            Action::Replace(r) => b.replace(i, i + clen, r),
            Action::Keep if needs_nfc => {
                // One base character and the combining marks that follow it.
                let mut end = i + clen;
                for m in span::after(original, end).chars() {
                    if canonical_combining_class(m) == 0 {
                        break;
                    }
                    end += m.len_utf8();
                }
                let chunk = span::between(original, i, end);
                nfc_buf.clear();
                nfc_buf.extend(chunk.nfc());
                if nfc_buf != chunk {
                    let composed = std::mem::take(&mut nfc_buf);
                    b.replace(i, end, &composed);
                    nfc_buf = composed;
                }
                i = end;
                continue;
            }
            Action::Keep => {}
        }
        i += clen;
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<'a>(input: &'a str, expected: &str) -> NormalizedText<'a> {
        let n = normalize(input);
        assert_eq!(n.as_str(), expected, "normalizing {input:?}");
        n
    }

    #[test]
    fn clean_text_is_borrowed() {
        let n = check("Plain text.\nNo change.", "Plain text.\nNo change.");
        assert!(n.is_identity());
        assert!(matches!(n.text, Cow::Borrowed(_)));
    }

    #[test]
    fn line_ends_spaces_and_invisibles() {
        check("a\r\nb\rc", "a\nb\nc");
        check("a\u{a0}b\u{2009}c\u{3000}d", "a b c d");
        check("co\u{ad}operate\u{200b}!", "cooperate!");
        check("x\u{0}y\u{81}z", "xyz");
        check("x\u{0}y\u{85}z", "xyz");
        check("x\u{0}y\u{86}z", "xy†z");
        assert_eq!(normalize_with("y\u{86}z", false).as_str(), "yz");
    }

    #[test]
    fn entities_are_decoded() {
        check(
            "AT&amp;T &#8217;s &#x2019; &eacute; &nbsp;!",
            "AT&T ’s ’ é  !",
        );
        check(
            "fish & chips &unknown; &#xZZ;",
            "fish & chips &unknown; &#xZZ;",
        );
    }

    #[test]
    fn nfc_composes() {
        check("Vladi\u{301}mir", "Vladímir");
        check(
            "e\u{301}\r\u{301}\u{7f}\u{301}&amp;\u{301}",
            "é\n\u{301}\u{301}&\u{301}",
        );
    }

    #[test]
    fn repairs_are_reported_with_original_spans() {
        let input = "VladÃ\u{ad}mir\r\nsaid\u{a0}donâ€™t &amp; x\u{92}s Putinvisited";
        let mut n = normalize(input);
        n.repair_glued();
        assert_eq!(n.as_str(), "Vladímir\nsaid don’t & x’s Putin visited");
        let got: Vec<(&str, &str, &str)> = n
            .repairs()
            .iter()
            .map(|r| (r.original(input), r.replacement.as_str(), r.kind.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Ã\u{ad}", "í", "mojibake"),
                ("â€™", "’", "mojibake"),
                ("&amp;", "&", "html_entity"),
                ("\u{92}", "’", "c1_control"),
                ("", " ", "glued_words"),
            ]
        );
        let glue = n.repairs()[4].span;
        assert_eq!(
            span::before(input, glue.start),
            "VladÃ\u{ad}mir\r\nsaid\u{a0}donâ€™t &amp; x\u{92}s Putin"
        );
        // "Vladímir" maps back to the mojibake.
        assert_eq!(
            n.to_original(Span::new(0, 9)).slice(input),
            "VladÃ\u{ad}mir"
        );
        let fixed = repair(input);
        assert_eq!(
            fixed.text,
            "Vladímir\r\nsaid\u{a0}don’t & x’s Putin visited"
        );
        assert_eq!(apply_repairs(input, &fixed.repairs), fixed.text);
    }

    #[test]
    fn encoding_repair_can_be_turned_off() {
        let input = "VladÃ\u{ad}mir x\u{92}s";
        let n = normalize_with(input, false);
        assert_eq!(n.as_str(), "VladÃmir xs");
        assert!(n.repairs().is_empty());
        assert_eq!(repair_with(input, false).text, input);
    }

    #[test]
    fn clean_text_has_no_repairs_and_is_borrowed() {
        for input in [
            "Plain text.",
            "été à São Paulo — “quoted” 😀",
            "Ελληνικά 中文",
        ] {
            let n = normalize(input);
            assert!(n.repairs().is_empty(), "{input:?}");
            assert!(matches!(n.text, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn spans_map_back() {
        let input = "AT&amp;T\r\nsaid\u{200b} hi";
        let n = normalize(input);
        let text = n.as_str();
        assert_eq!(text, "AT&T\nsaid hi");
        let at = Span::new(0, 4);
        assert_eq!(n.to_original(at).slice(input), "AT&amp;T");
        let said = Span::new(5, 9);
        assert_eq!(n.to_original(said).slice(input), "said");
        let hi = Span::new(10, 12);
        assert_eq!(n.to_original(hi).slice(input), "hi");
        let amp = Span::new(2, 3);
        assert_eq!(n.to_original(amp).slice(input), "&amp;");
    }
}
