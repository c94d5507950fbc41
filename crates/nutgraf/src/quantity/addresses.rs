//! URLs, e-mail addresses and file paths in a sentence: the numbers in them
//! are parts of a name, not quantities or times ("example.com/2023/10/17/story-12.html",
//! "foo@bar2023.com", "C:\data\12%.csv", "/reports/$1.5bn/20%.pdf").
//!
//! The tokenizer keeps a URL with a scheme or "www." as one token, but cuts
//! other addresses at their punctuation ("example.com" "/" "2023/10/17" ...).
//! Here the tokens of a sentence are grouped into *chunks*, runs of tokens
//! with no space between them, and a chunk that has the shape of an address
//! is reported whole. The shared view (`View::grammar_toks`) then gives the
//! quantity and time grammars each address as one opaque token, found once per
//! sentence for both.

use crate::segment::Token;
use crate::span::Span;

/// Push the byte spans of the addresses among `tokens` (one sentence of
/// `text`) onto `out`, in order.
pub(crate) fn find(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut i = 0;
    while i < tokens.len() {
        // The chunk: tokens i..j, each touching the next.
        let mut j = i + 1;
        while let (Some(a), Some(b)) = (tokens.get(j - 1), tokens.get(j)) {
            if a.span.end != b.span.start {
                break;
            }
            j += 1;
        }
        if let Some(span) = tokens.get(i..j).and_then(|chunk| address_in(text, chunk)) {
            out.push(span);
        }
        i = j;
    }
}

/// Characters that open or close a chunk without being part of an address:
/// brackets, quotes and sentence punctuation.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
    )
}

/// The span of the address a chunk of tokens holds, without the brackets,
/// quotes and punctuation around it.
fn address_in(text: &str, chunk: &[Token]) -> Option<Span> {
    let (first, last) = (chunk.first()?, chunk.last()?);
    let s = text.get(first.span.start..last.span.end)?;
    // Every address has one of these (a file name alone, a dot); most chunks
    // have none.
    if !s.bytes().any(|b| matches!(b, b'/' | b'\\' | b'@' | b'.')) {
        return None;
    }
    // Leading wrappers, then trailing ones; a leading "." stays ("./data", "../x").
    let lead = s.len() - s.trim_start_matches(|c| is_wrapper(c) && c != '.').len();
    let inner = s.get(lead..)?;
    let inner = inner.trim_end_matches(is_wrapper);
    if !is_address(inner) {
        return None;
    }
    let start = first.span.start + lead;
    Some(Span::new(start, start + inner.len()))
}

/// Whether `s` (a chunk without spaces, wrappers trimmed) is a URL, an e-mail
/// address or a file path.
pub(crate) fn is_address(s: &str) -> bool {
    is_url(s) || is_email(s) || is_path(s)
}

/// "https://…", "ftp://…", "www.…", "mailto:…", and a host name followed by a
/// path ("example.com/2023/10/17/story.html", "bbc.co.uk/news").
fn is_url(s: &str) -> bool {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if lower_starts("www.") && s.len() > 4 {
        return true;
    }
    if lower_starts("mailto:") {
        return true;
    }
    if let Some(at) = s.find("://") {
        // A scheme of letters before it ("http", "ftp", "file", "s3").
        let scheme = s.get(..at).unwrap_or("");
        return !scheme.is_empty()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    }
    let Some(slash) = s.find('/') else {
        return false;
    };
    is_host(s.get(..slash).unwrap_or(""))
}

/// A host name: two or more labels of letters, digits and hyphens, the last
/// one (the top-level domain) of two or more lowercase letters. "U.S", "a.m"
/// and "St.Louis" are not hosts.
fn is_host(h: &str) -> bool {
    let mut labels = h.split('.');
    let Some(tld) = labels.next_back() else {
        return false;
    };
    let mut n = 0;
    for label in labels {
        if label.is_empty()
            || !label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return false;
        }
        n += 1;
    }
    n >= 1 && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_lowercase())
}

/// "name@example.com": a local part, "@", and a host.
fn is_email(s: &str) -> bool {
    let Some((local, host)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'))
        && is_host(&host.to_ascii_lowercase())
}

/// "C:\data\12%.csv", "\\server\share", "/home/user/x", "~/notes", "./run.sh",
/// "data/2023/12%.csv": a drive or root, or separators and a file extension.
fn is_path(s: &str) -> bool {
    let b = s.as_bytes();
    // "C:\…", "C:/…"
    if let [d, b':', b'\\' | b'/', _, ..] = b {
        if d.is_ascii_alphabetic() {
            return true;
        }
    }
    // "\\server\share"
    if b.starts_with(b"\\\\") && b.len() > 2 {
        return true;
    }
    let seps = b.iter().filter(|&&c| c == b'/' || c == b'\\').count();
    if seps == 0 {
        return is_file_name(s);
    }
    let has_letter = b.iter().any(u8::is_ascii_alphabetic);
    // "/home/user", "~/notes/x", "./data/x", "../x/y"
    let rooted = ["/", "~/", "./", "../", ".\\", "..\\"]
        .iter()
        .any(|p| s.starts_with(p));
    if rooted && has_letter && (seps >= 2 || s.starts_with('.') || s.starts_with('~')) {
        return true;
    }
    // "data\12%.csv", "a\b\c"
    if b.contains(&b'\\') && has_letter && (seps >= 2 || has_extension(s)) {
        return true;
    }
    // "data/2023/12%.csv", "reports/2023.pdf"
    has_extension(s)
}

/// A file name alone, with a common extension: "12%.csv", "2023-report.pdf".
fn is_file_name(s: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "pdf", "csv", "txt", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "htm", "html", "php",
        "asp", "aspx", "json", "xml", "zip", "jpg", "jpeg", "png", "gif", "mp3", "mp4", "mov",
    ];
    s.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && EXTENSIONS.contains(&ext))
}

/// The last part after a separator is a file name with an extension: a dot,
/// then two to five lowercase letters or digits, a letter first ("12%.csv",
/// "story-12.html"); not "and/or", "km/h", "1/2.5", "Mr./Mrs.Smith", "e.g./i.e".
fn has_extension(s: &str) -> bool {
    let name = s.rsplit(['/', '\\']).next().unwrap_or("");
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && (2..=5).contains(&ext.len())
        && ext.bytes().next().is_some_and(|c| c.is_ascii_lowercase())
        && ext
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{self, TokenKind};

    fn spans(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        segment::tokens(text, Span::new(0, text.len()), &mut tokens);
        let mut out = Vec::new();
        find(text, &tokens, &mut out);
        out.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn addresses() {
        for a in [
            "https://example.com/2023/10/17/story-12.html",
            "http://x.org/$1.5bn/20%.pdf",
            "ftp://files.example.com/2023/10/17/data.csv",
            "www.example.com/reports/2023/5-million-people.html",
            "example.com/2023/10/17/story-12.html",
            "bbc.co.uk/news/world-12345",
            "foo@bar2023.com",
            "jane.doe+2023@news-site.co.uk",
            "C:\\data\\12%.csv",
            "c:/data/2023",
            "\\\\server\\share\\2023",
            "/home/user/data/2023/40%.txt",
            "~/notes/2023.md",
            "./run-2023.sh",
            "data/2023/12%.csv",
            "reports/$1.5bn.pdf",
            "data\\12%.csv",
            "mailto:desk@example.com",
            "12%.csv",
            "2023-report.pdf",
        ] {
            assert!(is_address(a), "{a}");
            let text = format!("See ({a}), he said.");
            assert_eq!(spans(&text), [a], "{text}");
        }
        for a in [
            "24/7",
            "10/17/2023",
            "1/2",
            "and/or",
            "km/h",
            "U.S./Canada",
            "a.m./p.m.",
            "$1.5bn/year",
            "20%/30%",
            "Mr./Mrs.",
            "St.Louis/KC",
            "@3pm",
            "1.5/2.5",
            "w/o",
            "AT&T",
            "3:30",
            "/",
            "e.g./i.e.",
            "rose 5%.The",
            "5%.in",
            "U.S.",
            "3.5",
        ] {
            assert!(!is_address(a), "{a}");
            let text = format!("Use {a} here.");
            assert!(spans(&text).is_empty(), "{text}");
        }
    }

    #[test]
    fn collapsed_tokens() {
        let text = "Read C:\\data\\12%.csv and example.com/2023/10 now.";
        let mut tokens = Vec::new();
        segment::tokens(text, Span::new(0, text.len()), &mut tokens);
        let got: Vec<(String, TokenKind)> = crate::view::with_tokens(text, tokens, |v| {
            v.grammar_toks(0)
                .iter()
                .map(|t| (t.text.to_owned(), t.kind))
                .collect()
        });
        let got: Vec<(&str, TokenKind)> = got.iter().map(|(t, k)| (t.as_str(), *k)).collect();
        assert_eq!(
            got,
            [
                ("Read", TokenKind::Word),
                ("C:\\data\\12%.csv", TokenKind::Symbol),
                ("and", TokenKind::Word),
                ("example.com/2023/10", TokenKind::Symbol),
                ("now", TokenKind::Word),
                (".", TokenKind::Punct),
            ]
        );
    }
}
