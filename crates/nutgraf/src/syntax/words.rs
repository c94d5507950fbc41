//! The parser's words from nutgraf's tokens, split the way UD English EWT
//! splits them.
//!
//! [`segment::tokens`](crate::segment::tokens) already splits clitics ("do"
//! "n't", "Putin" "'s"). Two more splits make the tokens look like the
//! treebank's words: a currency sign before a number is a word of its own
//! ("$2.5" → "$" "2.5"), and a hyphenated word is cut into its parts and its
//! hyphens ("10-year-old" → "10" "-" "year" "-" "old") unless its first part
//! is a prefix the treebank keeps joined ("non-stop", "e-mail",
//! `data/syntax/joined_prefixes.txt`) or all its parts are digits (dates,
//! phone numbers).

use std::sync::LazyLock;

use crate::segment::{Token, TokenKind};
use crate::span::Span;

static JOINED_PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = include_str!("../../data/syntax/joined_prefixes.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    v.sort_unstable();
    v
});

fn is_joined_prefix(part: &str) -> bool {
    // The list is lower-case ASCII, sorted: compare case-blind, no copy.
    JOINED_PREFIXES
        .binary_search_by(|p| p.bytes().cmp(part.bytes().map(|b| b.to_ascii_lowercase())))
        .is_ok()
}

/// Push the spans of the words of `token` (a token of `text`) onto `out`.
pub(crate) fn split_token(text: &str, token: &Token, out: &mut Vec<Span>) {
    let span = token.span;
    let Some(s) = text.get(span.start..span.end) else {
        out.push(span);
        return;
    };
    match token.kind {
        TokenKind::Number => {
            // Leading currency signs ("$", "€", "US$" is a word token).
            let digits = s.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            if digits > 0 && digits < s.len() {
                out.push(Span::new(span.start, span.start + digits));
                out.push(Span::new(span.start + digits, span.end));
            } else {
                out.push(span);
            }
        }
        TokenKind::Word if s.contains('-') && !s.starts_with("http") && !s.contains('@') => {
            // Every part non-empty, not all of them digits, the first no prefix
            // kept joined; then each part and each hyphen is a word.
            let mut parts = s.split('-');
            let first = parts.next().unwrap_or("");
            let splittable = s.contains('-')
                && s.split('-').all(|p| !p.is_empty())
                && !s.split('-').all(|p| p.bytes().all(|b| b.is_ascii_digit()))
                && !is_joined_prefix(first);
            if !splittable {
                out.push(span);
                return;
            }
            let mut at = span.start;
            for (k, p) in std::iter::once(first).chain(parts).enumerate() {
                if k > 0 {
                    out.push(Span::new(at, at + 1));
                    at += 1;
                }
                out.push(Span::new(at, at + p.len()));
                at += p.len();
            }
        }
        _ => out.push(span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        segment::tokens(text, Span::new(0, text.len()), &mut toks);
        let mut spans = Vec::new();
        for t in &toks {
            split_token(text, t, &mut spans);
        }
        spans.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn the_prefix_list_has_no_duplicates() {
        assert!(JOINED_PREFIXES.len() > 10);
        assert!(
            JOINED_PREFIXES.windows(2).all(|w| w[0] < w[1]),
            "duplicate prefix"
        );
        assert!(JOINED_PREFIXES.iter().all(|p| *p == p.to_lowercase()));
    }

    #[test]
    fn currency_signs_and_hyphens_split_as_in_ewt() {
        assert_eq!(words("$2.5 billion"), ["$", "2.5", "billion"]);
        assert_eq!(words("€40"), ["€", "40"]);
        assert_eq!(
            words("a 10-year-old boy"),
            ["a", "10", "-", "year", "-", "old", "boy"]
        );
        assert_eq!(words("long-term"), ["long", "-", "term"]);
        assert_eq!(words("a non-stop flight"), ["a", "non-stop", "flight"]);
        assert_eq!(words("Anti-American e-mail"), ["Anti-American", "e-mail"]);
        assert_eq!(words("on 1996-08-30"), ["on", "1996-08-30"]);
        assert_eq!(
            words("Putin’s U.S. visit"),
            ["Putin", "’s", "U.S.", "visit"]
        );
    }
}
