//! Word tokens.

use super::abbrev::{self, Abbrev};
use super::{char_at, char_before, clamp};
use crate::span::{self, Span};

/// A word or punctuation token of normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Where the token is, in bytes of the text it was cut from.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with digits, inner hyphens, dots and apostrophes:
    /// "Putin", "U.S.", "Mr.", "10-year", "o'clock", "example.com", a URL.
    Word,
    /// Digits with inner separators and an optional currency sign, no letters:
    /// "2023", "1,000", "3.14", "$2.5", "10:30", "1996-08-30".
    Number,
    /// An English clitic split off a word: "'s", "’s", "n't", "'re", "'ve",
    /// "'ll", "'d", "'m".
    Clitic,
    /// Punctuation: `.`, `,`, quotes, brackets, dashes; a run of dots ("...")
    /// is one token.
    Punct,
    /// Any other character: `%`, `&`, `#`, `@`, `+`, currency signs not
    /// before a number, emoji.
    Symbol,
}

/// Push the tokens of `text[span]` onto `out`.
///
/// Conventions:
///
/// * Whitespace separates tokens and is never part of one.
/// * Punctuation is split off words, one character a token, except a run of
///   dots (an ellipsis).
/// * Inside a word or number these join: `.` between digits or letters when
///   what follows is lowercase or a digit, or the part before it has at most
///   two letters ("3.14", "v1.2", "example.com", "U.S"); `,`, `:` and `/`
///   between digits ("1,000", "10:30", "10/17/2023"); `-` between letters or
///   digits ("10-year", "no-limits"); `@` between letters or digits (emails);
///   `&` between capitals ("AT&T"); an apostrophe between letters ("o'clock",
///   "O'Brien") unless a clitic follows.
/// * A currency sign right before a digit starts a number ("$2.5", "€40").
/// * URLs starting with `http://`, `https://` or `www.` are one [`TokenKind::Word`]
///   up to the next space, without trailing punctuation.
/// * The final `.` joins a known abbreviation ("Mr.", "Inc.", "etc.", "Calif."),
///   a dotted acronym ("U.S.", "e.g.", "a.m.", "J.R.R.") and a single letter
///   (the initial in "John F. Kennedy"); "No." and month abbreviations take it
///   only before a number ("No. 5", "Oct. 17"). At the end of a sentence the
///   abbreviation keeps the full stop ("in the U.S." ends with the token "U.S.").
/// * English clitics are split off as [`TokenKind::Clitic`] tokens: "Putin’s" →
///   "Putin" "’s", "don't" → "do" "n't", "can't" → "ca" "n't", "I'm" → "I" "'m";
///   an apostrophe and clitic standing alone ("England 's") are a clitic too.
/// * Combining marks and variation selectors stay with the character before them.
///
/// Spans are non-empty, on character boundaries, inside `span`, in order and
/// non-overlapping; a `span` outside `text` is first narrowed to it.
///
/// ```
/// use nutgraf::{segment, Span};
///
/// let text = "Putin’s $2.5 deal with the U.S. isn't final.";
/// let mut out = Vec::new();
/// segment::tokens(text, Span::new(0, text.len()), &mut out);
/// let got: Vec<&str> = out.iter().map(|t| t.span.slice(text)).collect();
/// assert_eq!(got, ["Putin", "’s", "$2.5", "deal", "with", "the", "U.S.", "is", "n't", "final", "."]);
/// ```
pub fn tokens(text: &str, span: Span, out: &mut Vec<Token>) {
    let (lo, hi) = clamp(text, span);
    let first = out.len();
    let mut i = lo;
    while i < hi {
        let c = char_at(text, i);
        let len = c.len_utf8();
        match class(c) {
            Class::Space => i += len,
            Class::Extend => {
                let attached = out.len() > first && out.last().is_some_and(|t| t.span.end == i);
                if attached {
                    if let Some(last) = out.last_mut() {
                        last.span.end += len;
                    }
                } else {
                    push(out, i, i + len, TokenKind::Symbol);
                }
                i += len;
            }
            Class::Letter | Class::Digit => {
                i = match url_end(text, i, hi) {
                    Some(end) if end > i => {
                        push(out, i, end, TokenKind::Word);
                        end
                    }
                    _ => word(text, i, hi, out),
                };
            }
            Class::Punct => {
                if c == '.' {
                    let run = text.as_bytes()[i..hi]
                        .iter()
                        .take_while(|&&b| b == b'.')
                        .count();
                    push(out, i, i + run, TokenKind::Punct);
                    i += run;
                } else if let Some(end) = clitic_at(text, i, hi) {
                    push(out, i, end, TokenKind::Clitic);
                    i = end;
                } else {
                    push(out, i, i + len, TokenKind::Punct);
                    i += len;
                }
            }
            Class::Symbol => {
                if is_currency(c) && i + len < hi && char_at(text, i + len).is_ascii_digit() {
                    i = word(text, i, hi, out);
                } else {
                    push(out, i, i + len, TokenKind::Symbol);
                    i += len;
                }
            }
        }
    }
}

#[inline]
fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    out.push(Token {
        span: Span::new(start, end),
        kind,
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Letter,
    Digit,
    Punct,
    Symbol,
    /// Combining marks, joiners and variation selectors: part of the token before.
    Extend,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Digit,
            _ if c.is_whitespace() => Class::Space,
            '!' | '"' | '\'' | '(' | ')' | '*' | ',' | '-' | '.' | '/' | ':' | ';' | '?' | '['
            | '\\' | ']' | '_' | '{' | '}' => Class::Punct,
            _ => Class::Symbol,
        };
    }
    if c.is_whitespace() {
        Class::Space
    } else if is_extend(c) {
        Class::Extend
    } else if c.is_alphabetic() {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else if is_punct(c) {
        Class::Punct
    } else if is_symbol(c) {
        Class::Symbol
    } else {
        // Marks and signs of other scripts (viramas, etc.): part of words.
        Class::Letter
    }
}

fn is_extend(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

fn is_punct(c: char) -> bool {
    matches!(c,
        '¡' | '«' | '·' | '»' | '¿' | '§' | '¶'
        | '\u{055A}'..='\u{055F}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF5B}'..='\u{FF65}')
}

fn is_symbol(c: char) -> bool {
    matches!(c,
        '\u{0080}'..='\u{00BF}'
        | '×' | '÷'
        | '\u{2060}'..='\u{2BFF}'
        | '\u{3000}'..='\u{303F}'
        | '\u{E000}'..='\u{F8FF}'
        | '\u{FFF0}'..='\u{FFFF}'
        | '\u{1F000}'..='\u{1FAFF}')
}

fn is_currency(c: char) -> bool {
    matches!(
        c,
        '$' | '£' | '€' | '¥' | '₹' | '₽' | '₩' | '₺' | '₴' | '₪' | '¢'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_alnum(c: char) -> bool {
    matches!(class(c), Class::Letter | Class::Digit)
}

/// End of a clitic ("'s", "’re", "'ll"...) starting with the apostrophe at
/// `j`: the letters after it form a clitic and no letter or digit follows.
fn clitic_at(text: &str, j: usize, hi: usize) -> Option<usize> {
    let c = char_at(text, j);
    if !is_apostrophe(c) {
        return None;
    }
    let start = j + c.len_utf8();
    let bytes = &text.as_bytes()[start..hi];
    let n = bytes
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let end = start + n;
    if end < hi && is_alnum(char_at(text, end)) {
        return None;
    }
    let mut buf = [0u8; 2];
    if n == 0 || n > 2 {
        return None;
    }
    buf[..n].copy_from_slice(&bytes[..n]);
    buf.make_ascii_lowercase();
    matches!(&buf[..n], b"s" | b"d" | b"m" | b"re" | b"ve" | b"ll").then_some(end)
}

/// End of a URL starting at `i` ("http://", "https://", "www."), without
/// trailing punctuation.
fn url_end(text: &str, i: usize, hi: usize) -> Option<usize> {
    let b = &text.as_bytes()[i..hi];
    let prefix = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if !(prefix(b"http://") || prefix(b"https://") || prefix(b"www.")) {
        return None;
    }
    if i > 0 && is_alnum(char_before(text, i)) {
        return None;
    }
    let mut end = i;
    while end < hi {
        let c = char_at(text, end);
        if c.is_whitespace() {
            break;
        }
        end += c.len_utf8();
    }
    while end > i {
        let c = char_before(text, end);
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»'
        ) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    Some(end)
}

/// Scan the word or number starting at `i` (a letter, digit or currency
/// sign), push it and any clitic split off it; returns its end.
fn word(text: &str, i: usize, hi: usize, out: &mut Vec<Token>) -> usize {
    let mut j = i;
    let first = char_at(text, i);
    if is_currency(first) {
        j += first.len_utf8();
    }
    let mut has_letter = false;
    let mut part_start = j;
    let mut clitic = None;
    while j < hi {
        let c = char_at(text, j);
        let len = c.len_utf8();
        match class(c) {
            Class::Letter => {
                has_letter = true;
                j += len;
                continue;
            }
            Class::Digit | Class::Extend => {
                j += len;
                continue;
            }
            _ => {}
        }
        if j == part_start || j + len >= hi {
            break;
        }
        let prev = char_before(text, j);
        let next = char_at(text, j + len);
        let joins = match c {
            '.' => {
                is_alnum(prev)
                    && is_alnum(next)
                    && (next.is_lowercase()
                        || next.is_numeric()
                        || short_part(span::between(text, part_start, j)))
            }
            ',' | ':' | '/' => prev.is_numeric() && next.is_ascii_digit(),
            '-' | '\u{2011}' | '@' => is_alnum(prev) && is_alnum(next),
            '&' => prev.is_uppercase() && next.is_uppercase(),
            '\'' | '’' => {
                if !(prev.is_alphabetic() && next.is_alphabetic()) {
                    false
                } else if let Some(end) = clitic_at(text, j, hi) {
                    clitic = Some(end);
                    false
                } else {
                    true
                }
            }
            _ => false,
        };
        if !joins {
            break;
        }
        j += len;
        if c == '.' {
            part_start = j;
        }
    }
    let mut end = j;
    let w = span::between(text, i, end);
    // "n't": "don't" → "do" "n't".
    if clitic.is_none() && has_letter {
        for suffix in ["n't", "n’t"] {
            let tail = w.len().checked_sub(suffix.len()).and_then(|k| w.get(k..));
            if let Some(tail) = tail {
                if tail.eq_ignore_ascii_case(suffix) {
                    let split = end - suffix.len();
                    if split > i {
                        push(out, i, split, TokenKind::Word);
                    }
                    push(out, split, end, TokenKind::Clitic);
                    return end;
                }
            }
        }
    }
    // The final dot of an abbreviation.
    if clitic.is_none() && end < hi && text.as_bytes()[end] == b'.' && takes_dot(text, w, end, hi) {
        end += 1;
    }
    let kind = if has_letter {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    push(out, i, end, kind);
    if let Some(c_end) = clitic {
        push(out, end, c_end, TokenKind::Clitic);
        return c_end;
    }
    end
}

/// At most two characters: a part of a dotted acronym ("U", "EE").
fn short_part(part: &str) -> bool {
    part.len() <= 8 && part.chars().count() <= 2
}

/// Does the word `w`, followed by the `.` at `dot`, keep the dot?
fn takes_dot(text: &str, w: &str, dot: usize, hi: usize) -> bool {
    let after = dot + 1;
    if after < hi {
        let c = char_at(text, after);
        // "etc..." is an ellipsis; "Mr.Smith" would have joined already.
        if c == '.' || is_alnum(c) {
            return false;
        }
    }
    match abbrev::classify(w) {
        Some(Abbrev::Numeric) => {
            let rest = &text.as_bytes()[after..hi];
            let spaces = rest.iter().take(4).take_while(|&&b| b == b' ').count();
            spaces > 0 && rest.get(spaces).is_some_and(u8::is_ascii_digit)
        }
        Some(Abbrev::Suffix) => {
            // Single letters: only capitals are initials.
            w.chars().nth(1).is_some() || w.chars().all(char::is_uppercase)
        }
        Some(_) => true,
        None => false,
    }
}
