//! Splitting normalized text into candidate blocks (lines and paragraphs).

use crate::span::Span;

/// True when `s` ends like a sentence (terminal punctuation, then closing quotes or brackets).
pub(super) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', '»', ')', ']', ' ', '*']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

struct Line {
    span: Span,
    len: usize,
    /// Index of the blank-line separated group it belongs to.
    group: usize,
}

/// Split `text` into trimmed block spans.
///
/// Each non-blank line is a block, except that lines of one paragraph broken by
/// hard wrapping are joined: every line of a blank-line separated group whose
/// lines (all but the last) have about the same, prose-like length; or a line
/// that continues a long unfinished line with a lowercase word.
pub(super) fn split(text: &str) -> Vec<Span> {
    let mut lines: Vec<Line> = Vec::new();
    let mut group = 0;
    let mut pos = 0;
    let mut blank_before = false;
    for raw in text.split('\n') {
        let start = pos;
        pos += raw.len() + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        if blank_before && !lines.is_empty() {
            group += 1;
        }
        blank_before = false;
        let s = start + (raw.len() - raw.trim_start().len());
        lines.push(Line {
            span: Span::new(s, s + trimmed.len()),
            len: trimmed.chars().count(),
            group,
        });
    }

    // Groups whose lines look hard-wrapped: two or more lines, all but the last
    // long and of similar length.
    let mut wrapped = vec![false; group + 1];
    let mut i = 0;
    while i < lines.len() {
        let g = lines[i].group;
        let mut j = i;
        while j < lines.len() && lines[j].group == g {
            j += 1;
        }
        if j - i >= 2 {
            let body = &lines[i..j - 1];
            let max = body.iter().map(|l| l.len).max().unwrap_or(0);
            let min = body.iter().map(|l| l.len).min().unwrap_or(0);
            wrapped[g] = (45..=110).contains(&max) && min * 10 >= max * 6;
        }
        i = j;
    }

    let mut out: Vec<Span> = Vec::with_capacity(lines.len());
    let mut prev: Option<&Line> = None;
    for line in &lines {
        let join = prev.is_some_and(|p| {
            // Nothing continues a web address alone on its line (a page's
            // address above its title); an address may end a paragraph (a
            // source cited under it).
            p.group == line.group && !super::shapes::is_url_line(p.span.slice(text)) && {
                let prev_text = out.last().map_or("", |s: &Span| s.slice(text));
                wrapped[line.group]
                    || (p.len >= 40
                        && !ends_sentence(prev_text)
                        && starts_lower(line.span.slice(text)))
            }
        });
        if join {
            if let Some(last) = out.last_mut() {
                last.end = line.span.end;
            }
        } else {
            out.push(line.span);
        }
        prev = Some(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|s| s.slice(t)).collect()
    }

    #[test]
    fn lines_and_blank_lines() {
        assert_eq!(
            texts("Title\n\n  First para.  \nSecond para.\n"),
            ["Title", "First para.", "Second para."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let t = "Russian President Vladimir Putin arrived in Beijing\non Tuesday for talks with Chinese President Xi\nJinping.\n\nNext paragraph here.";
        assert_eq!(
            texts(t),
            [
                "Russian President Vladimir Putin arrived in Beijing\non Tuesday for talks with Chinese President Xi\nJinping.",
                "Next paragraph here."
            ]
        );
    }

    #[test]
    fn nothing_continues_a_web_address_line() {
        let t = "http://www.bbc.co.uk/sport/0/boxing/18747023-klitschko\nKlitschko defeats Thompson\n\nBody text here.";
        assert_eq!(
            texts(t),
            [
                "http://www.bbc.co.uk/sport/0/boxing/18747023-klitschko",
                "Klitschko defeats Thompson",
                "Body text here."
            ]
        );
    }

    #[test]
    fn menus_are_not_joined() {
        assert_eq!(
            texts("Home\nWorld\nBusiness\n"),
            ["Home", "World", "Business"]
        );
    }
}
