//! Line shapes: bylines, credits, captions, site names, headings.

use std::sync::LazyLock;

use regex::Regex;

use crate::span;

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|written by|words by|story by|text by|reported by|author:|authors:|por|par|von|di)\s+(?P<names>[^\s].{0,100})$")
        .expect("byline compiles")
});

/// Job titles that follow a name in a byline ("Meg James, Staff Writer").
static BYLINE_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:,\s*|\s+|(?-u:\b)|)(?:(?:senior |chief |special |foreign |political |contributing |staff )?(?:writer|reporter|correspondent|editor|contributor|columnist|journalist)|news desk|agencies)\s*$")
        .expect("role compiles")
});

/// "EFE/EPA/Parker Song/Pool": capitalized names joined by slashes.
static SLASH_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[^/\n]{0,30}(?:\s?/\s?\p{Lu}[^/\n]{0,30}){1,5}$")
        .expect("slash credit compiles")
});

/// "Photo: ...", "Image courtesy of ...", "With information from ...".
static CREDIT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:photo|photograph|photos|image|picture|pictures|credit|foto|fotos|video|courtesy)(?:\s+(?:credit|by|of|courtesy))?\s*[:|–—-]?\s+\S|(?:with\s+(?:information|reporting)\s+from|additional\s+reporting\s+by|reporting\s+by|compiled\s+by|editing\s+by|con\s+información\s+de)\s)")
        .expect("credit lead compiles")
});

/// "... AFP via Getty Images", "... /Reuters".
static AGENCY_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:getty\s+images|shutterstock|alamy|ap\s+photo|afp\s+photo|reuters\s+photo|xinhua|sputnik|via\s+getty|/pool|/efe|/epa|/afp|/reuters|/ap)\s*\.?$")
        .expect("agency tail compiles")
});

static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:file\s*(?:photo)?\s*[:–—-]|photo\s*:|pictured\s*:|image\s*:|above\s*:|top\s*:|in this (?:file )?(?:photo|image)|this (?:photo|image) (?:shows|taken))")
        .expect("caption start compiles")
});

static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\((?:ap |afp |reuters |efe |epa )?(?:photo|photograph|image|picture|foto)(?-u:\b)[^)]{0,80}\)|(?:photo|photograph|image|credit)\s*:\s*[^.]{2,60}|\|\s*(?:getty images|reuters|afp|ap|shutterstock)[^.]{0,30})\s*$")
        .expect("caption end compiles")
});

static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)[a-z0-9][a-z0-9-]*\.(?:com|net|org|us|uk|co|news|info|io|tv|in|de|fr|es|ru|cn|au|ca|it|mx|ar|br|eu|me|online|media)(?-u:\b)")
        .expect("domain compiles")
});

/// Names in a byline line, as byte ranges of `line`.
pub(super) fn byline_names(line: &str) -> Option<Vec<(usize, usize)>> {
    if line.len() > 140 || !(BYLINE.is_match(line) || BYLINE_ROLE.is_match(line)) {
        return None;
    }
    let (start, mut names) = if let Some(c) = BYLINE.captures(line) {
        let m = c.name("names")?;
        (m.start(), m.as_str())
    } else if let Some(m) = BYLINE_ROLE.find(line) {
        // "Jane Doe, Staff Writer": a short capitalized name before a job title.
        let head = span::before(line, m.start());
        let words = head.split_whitespace().count();
        if !(2..=6).contains(&words)
            || !head
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        {
            return None;
        }
        (0, head)
    } else {
        return None;
    };
    // Cut a date or a "| Agency" tail, then a trailing job title.
    if let Some(i) = names.find(['|', '•', '·']) {
        names = span::before(names, i);
    }
    if let Some((_, s, _)) = super::dates::find_date(names) {
        names = span::before(names, s);
    }
    if let Some(m) = BYLINE_ROLE.find(names) {
        if m.start() > 0 {
            names = span::before(names, m.start());
        }
    }
    let names = names.trim_end_matches([',', ' ', '-', '–', '—']);
    let words = names.split_whitespace().count();
    if words == 0
        || words > 14
        || (words > 4 && super::blocks::ends_sentence(names))
        || (words > 3 && capitalized_ratio(names) < 0.5)
    {
        return None;
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for part in split_names(names) {
        let Some(off) = span::after(names, pos).find(part) else {
            continue;
        };
        let s = start + pos + off;
        pos += off + part.len();
        out.push((s, s + part.len()));
    }
    (!out.is_empty()).then_some(out)
}

fn split_names(names: &str) -> impl Iterator<Item = &str> {
    names
        .split([',', '&', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" y "))
        .flat_map(|p| p.split(" et "))
        .flat_map(|p| p.split(" und "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

static INFO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?\s*(?:with\s+(?:information|reporting)\s+from|(?:additional\s+)?reporting\s+by|compiled\s+by|editing\s+by|written\s+by|con\s+información\s+de|avec\s+)")
        .expect("info credit compiles")
});

/// What a credit line credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Credit {
    /// A picture: the line before it is usually its caption.
    Picture,
    /// The reporting or information behind the story.
    Information,
}

/// A photo, agency or information credit line.
pub(super) fn credit(line: &str) -> Option<Credit> {
    if line.len() > 160 {
        return None;
    }
    let parenthesized = line.starts_with('(') && line.ends_with(')') && line.len() <= 114;
    let lead = CREDIT_LEAD.is_match(line) && (line.len() <= 90 || INFO_CREDIT.is_match(line));
    let is_credit = parenthesized
        || lead
        || (line.contains('/') && SLASH_CREDIT.is_match(line))
        || (line.len() <= 60 && AGENCY_TAIL.is_match(line));
    if !is_credit {
        return None;
    }
    Some(if INFO_CREDIT.is_match(line) {
        Credit::Information
    } else {
        Credit::Picture
    })
}

#[cfg(test)]
fn is_credit(line: &str) -> bool {
    credit(line).is_some()
}

/// A line that announces itself as a caption ("FILE PHOTO: ...", "... (AP Photo/Evan Vucci)").
pub(super) fn is_caption_shaped(line: &str) -> bool {
    line.len() <= 600
        && (CAPTION_START.is_match(line)
            || ((line.ends_with(')') || line.contains([':', '|'])) && CAPTION_END.is_match(line)))
}

/// The domain-like token of a site-name line ("Voz.us").
pub(super) fn domain_in(line: &str) -> Option<(usize, usize)> {
    DOMAIN.find(line).map(|m| (m.start(), m.end()))
}

/// Whether `line` is a web address and nothing else (`http://example.com/a/b`,
/// `www.example.com/story?id=3`, with spaces around it at most).
pub(super) fn is_url_line(line: &str) -> bool {
    let t = line.trim();
    let starts = |p: &str| {
        t.as_bytes()
            .get(..p.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
    };
    let scheme = starts("http://") || starts("https://");
    let www = starts("www.");
    (scheme || www) && t.len() > 11 && !t.contains(char::is_whitespace)
}

/// Fraction of words that start with a capital letter.
pub(super) fn capitalized_ratio(line: &str) -> f32 {
    let mut words = 0;
    let mut caps = 0;
    for w in line.split_whitespace() {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        if c.is_uppercase() || c.is_numeric() {
            caps += 1;
        }
    }
    if words == 0 {
        0.0
    } else {
        caps as f32 / words as f32
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice texts they wrote
mod tests {
    use super::*;

    fn names(line: &str) -> Vec<&str> {
        byline_names(line)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn url_lines() {
        assert!(is_url_line(
            "http://www.bbc.co.uk/news/entertainment-arts-23570354"
        ));
        assert!(is_url_line("  https://example.com/a?b=c  "));
        assert!(is_url_line("www.example.org/story/1"));
        assert!(is_url_line("www.aéé.com/x"));
        assert!(is_url_line("HTTPS://EXAMPLE.COM/A"));
        assert!(!is_url_line("http://example.com is down"));
        assert!(!is_url_line("Read more at www.example.org/story/1"));
        assert!(!is_url_line("http://"));
        assert!(!is_url_line("Ünïcödé ÿ"));
    }

    #[test]
    fn bylines() {
        assert_eq!(names("By Meg JamesStaff Writer"), ["Meg James"]);
        assert_eq!(names("by time news"), ["time news"]);
        assert_eq!(
            names("By Jane Doe and John Roe | Reuters"),
            ["Jane Doe", "John Roe"]
        );
        assert_eq!(names("By Jane Doe, Nov. 19, 2019"), ["Jane Doe"]);
        assert_eq!(names("Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert!(
            byline_names("By the time the vote was held, the Senate had already left.").is_none()
        );
    }

    #[test]
    fn credits_and_captions() {
        assert!(is_credit("EFE/EPA/Parker Song/Pool"));
        assert!(is_credit("(Reed Saxon / Associated Press)"));
        assert!(is_credit("(With information from EFE and AFP)"));
        assert!(is_credit("Photo: Jane Doe/Reuters"));
        assert!(is_credit("AFP via Getty Images"));
        assert!(!is_credit(
            "Putin visits China with the aim of showing support"
        ));
        assert!(is_caption_shaped(
            "President Joe Biden speaks in Washington. (AP Photo/Evan Vucci)"
        ));
        assert!(is_caption_shaped(
            "FILE PHOTO: Russian President Vladimir Putin attends a meeting"
        ));
        assert!(!is_caption_shaped(
            "Russian President Vladimir Putin arrived in Beijing on Tuesday."
        ));
    }
}
