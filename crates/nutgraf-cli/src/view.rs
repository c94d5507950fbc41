//! The readable text view of a parsed document printed by `nutgraf parse`.
//!
//! The view is meant for eyes and for `grep`: one `key: value` header line per
//! field, then one line per layout block, the sentence count, one line per
//! entity with its aliases, roles and number of mentions, one line per time
//! expression (text → TIMEX3 value, modifier), one line per quantity (text →
//! value and unit, qualifiers) and one line per quote (who said what: speaker,
//! cue, the quote cut to [`QUOTE_CHARS`] characters), one line per attribution
//! (kind, source, cue, what it backs), one line per event (type and CAMEO
//! code, actors → targets, trigger, place, time, polarity and modality), then
//! one line per repair of the input (kind, original → replacement, where).
//!
//! ```text
//! file:       article.txt
//! title:      Putin visits China
//! subtitle:   -
//! authors:    Jane Doe
//! publisher:  -
//! published:  2023-10-17 (meta)
//! language:   en
//! dateline:   -
//! blocks:     4
//!   [title      ] en  Putin visits China
//!   [byline     ] --  By Jane Doe
//!   [paragraph  ] en  Russian President Vladimir Putin arrived in Beijing on Tue…
//!   [boilerplate:comments] --  Leave a Comment
//! sentences:  3
//! entities:   2
//!   [PERSON     ] Vladimir Putin  (also: Putin)  — President (Russia)  ×2
//!   [GPE        ] Beijing  ×1
//! times:      1
//!   [DATE       ] Tuesday → 2023-10-17
//! quantities: 2
//!   [money      ] approximately $190 million → 190000000 USD  approximate
//!   [count      ] more than 130 countries → 130 countries  more_than
//! quotes:     2
//!   [block   ] Vladimir Putin (he) — assured: "In my opinion, the main advantage of…"
//!   [partial ] -: "no-limits"
//! attributions: 1
//!   [according] Chinese customs figures — according to: "Trade reached $240 billion in 2023"
//! events:     1
//!   [VISIT    042] Vladimir Putin → Beijing  (arrived)  in Beijing  on Tuesday = 2023-10-17  positive asserted
//! repairs:    2
//!   [mojibake   ] "Ã\u{ad}" → "í"  chars 104..106
//!   [glued_words] "" → " "  chars 250..250
//! ```

use std::fmt::Write as _;

use nutgraf::{CharOffsets, Document, Event, Participant, PublishedFrom, Quote, QuoteKind};

/// Width of the kind label column (the longest kind name, `boilerplate`).
const LABEL_WIDTH: usize = 11;

/// Width of the quote kind column (the longest quote kind, `indirect`).
const QUOTE_KIND_WIDTH: usize = 8;

/// Longest quote text shown on a quote line, in characters.
const QUOTE_CHARS: usize = 80;

/// Render the view of one document. `width` bounds each block line in characters
/// (`None`: no truncation).
pub fn render(name: &str, doc: &Document, width: Option<usize>) -> String {
    let mut out = String::new();
    let dash = |v: Option<&str>| v.map_or_else(|| "-".to_owned(), one_line);
    let co = CharOffsets::new(&doc.text);

    let _ = writeln!(out, "file:       {name}");
    let _ = writeln!(out, "title:      {}", dash(doc.title.as_deref()));
    let _ = writeln!(out, "subtitle:   {}", dash(doc.subtitle.as_deref()));
    let authors: Vec<&str> = doc.authors.iter().map(|a| a.name.as_str()).collect();
    let authors = if authors.is_empty() {
        "-".to_owned()
    } else {
        authors.join(", ")
    };
    let _ = writeln!(out, "authors:    {authors}");
    let _ = writeln!(out, "publisher:  {}", dash(doc.publisher.as_deref()));
    let published = match (doc.published, doc.published_from) {
        (None, _) => "-".to_owned(),
        (Some(d), Some(PublishedFrom::Meta)) => format!("{d} (meta)"),
        (Some(d), Some(PublishedFrom::Text(span))) => {
            let (start, end) = co.span(span);
            format!(
                "{d} (text, chars {start}..{end}: {:?})",
                one_line(doc.slice(span))
            )
        }
        (Some(d), _) => d.to_string(),
    };
    let _ = writeln!(out, "published:  {published}");
    let _ = writeln!(out, "language:   {}", doc.language.unwrap_or("-"));
    let dateline = match &doc.dateline {
        None => "-".to_owned(),
        Some(d) => {
            let mut s = one_line(doc.slice(d.span));
            let mut parts = Vec::new();
            if let Some(p) = &d.place {
                parts.push(format!("place={p}"));
            }
            if let Some(date) = d.date {
                parts.push(format!("date={date}"));
            }
            if let Some(a) = &d.agency {
                parts.push(format!("agency={a}"));
            }
            if !parts.is_empty() {
                let _ = write!(s, " [{}]", parts.join(", "));
            }
            s
        }
    };
    let _ = writeln!(out, "dateline:   {dateline}");
    if let Some(url) = &doc.url {
        let _ = writeln!(out, "url:        {url}");
    }
    let _ = writeln!(out, "blocks:     {}", doc.blocks.len());
    for block in &doc.blocks {
        let label = match block.reason {
            Some(r) => format!("{}:{}", block.kind.as_str(), r.as_str()),
            None => block.kind.as_str().to_owned(),
        };
        let line = format!(
            "  [{label:<LABEL_WIDTH$}] {:<2}  {}",
            block.lang.unwrap_or("--"),
            one_line(doc.slice(block.span))
        );
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(out, "sentences:  {}", doc.sentences.len());
    let _ = writeln!(out, "entities:   {}", doc.entities.len());
    for e in &doc.entities {
        let mut line = format!("  [{:<11}] {}", e.label.as_str(), e.name);
        if e.aliases.len() > 1 {
            let _ = write!(line, "  (also: {})", e.aliases[1..].join(", "));
        }
        for r in &e.roles {
            let _ = write!(line, "  — ");
            if let Some(q) = &r.qualifier {
                let _ = write!(line, "{q} ");
            }
            let _ = write!(line, "{}", r.title);
            if let Some(a) = &r.affiliation {
                let _ = write!(line, " ({a})");
            }
        }
        let _ = write!(line, "  ×{}", e.mentions.len());
        for &r in &e.references {
            let _ = write!(line, "  + {:?}", doc.slice(r));
        }
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(out, "times:      {}", doc.times.len());
    for t in &doc.times {
        let mut line = format!(
            "  [{:<LABEL_WIDTH$}] {} → {}",
            t.kind.as_str(),
            one_line(doc.slice(t.span)),
            t.value.as_deref().unwrap_or("-")
        );
        if let Some(end) = &t.end_value {
            let _ = write!(line, "/{end}");
        }
        if let Some(m) = t.modifier {
            let _ = write!(line, "  {}", m.as_str());
        }
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(out, "quantities: {}", doc.quantities.len());
    for q in &doc.quantities {
        let mut line = format!(
            "  [{:<LABEL_WIDTH$}] {} → {}",
            q.kind.as_str(),
            one_line(doc.slice(q.span)),
            q.value
        );
        if let Some(max) = q.value_max {
            let _ = write!(line, "–{max}");
        }
        if let Some(unit) = &q.unit {
            let _ = write!(line, " {unit}");
        }
        if let Some(per) = &q.per {
            let _ = write!(line, " per {per}");
        }
        if q.approximate {
            let _ = write!(line, "  approximate");
        }
        if let Some(b) = q.bound {
            let _ = write!(line, "  {}", b.as_str());
        }
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(out, "quotes:     {}", doc.quotes.len());
    for q in &doc.quotes {
        let _ = writeln!(out, "{}", truncate(&quote_line(doc, q), width));
    }
    let _ = writeln!(out, "attributions: {}", doc.attributions.len());
    for a in &doc.attributions {
        let text = truncate(
            &one_line_upto(doc.slice(a.span), QUOTE_CHARS + 1),
            Some(QUOTE_CHARS),
        );
        let line = format!(
            "  [{:<QUOTE_KIND_WIDTH$}] {} — {}: \"{text}\"",
            a.kind.as_str(),
            one_line(doc.slice(a.source)),
            one_line(doc.slice(a.cue)),
        );
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    let _ = writeln!(out, "events:     {}", doc.events.len());
    for e in &doc.events {
        let _ = writeln!(out, "{}", truncate(&event_line(doc, e), width));
    }
    let _ = writeln!(out, "repairs:    {}", doc.repairs.len());
    for r in &doc.repairs {
        let (start, end) = co.span(r.span);
        let line = format!(
            "  [{:<LABEL_WIDTH$}] {:?} → {:?}  chars {start}..{end}",
            r.kind.as_str(),
            r.original(&doc.text),
            r.replacement
        );
        let _ = writeln!(out, "{}", truncate(&line, width));
    }
    out
}

/// A participant: its entity's name, with the phrase the text uses when it differs.
fn participant(doc: &Document, p: &Participant) -> String {
    let phrase = one_line(doc.slice(p.span));
    match p.entity.and_then(|e| doc.entities.get(e)) {
        Some(e) if e.name != phrase => format!("{} ({phrase})", e.name),
        Some(e) => e.name.clone(),
        None => phrase,
    }
}

/// `  [TYPE     cameo] actors → targets  (trigger)  in place  on time = value
/// polarity modality`, `-` for no actor or target.
fn event_line(doc: &Document, e: &Event) -> String {
    let list = |ps: &[Participant]| {
        if ps.is_empty() {
            "-".to_owned()
        } else {
            ps.iter()
                .map(|p| participant(doc, p))
                .collect::<Vec<_>>()
                .join(" + ")
        }
    };
    let mut line = format!(
        "  [{:<9}{}] {} → {}  ({})",
        e.kind.as_str(),
        e.cameo.unwrap_or("-"),
        list(&e.actors),
        list(&e.targets),
        one_line(doc.slice(e.trigger)),
    );
    if let Some(p) = &e.place {
        let _ = write!(line, "  in {}", participant(doc, p));
    }
    if let Some(t) = e.time.and_then(|i| doc.times.get(i)) {
        let _ = write!(
            line,
            "  on {} = {}",
            one_line(doc.slice(t.span)),
            t.value.as_deref().unwrap_or("?")
        );
    }
    let _ = write!(line, "  {} {}", e.polarity.as_str(), e.modality.as_str());
    line
}

/// `  [kind    ] Speaker (phrase) — cue: "text"`: the speaker's entity name, the
/// phrase the text uses when it differs (`-` for no speaker), the cue when there is
/// one, and the quote on one line, cut to [`QUOTE_CHARS`] characters. Direct and
/// partial quotes show their own quote marks; indirect and block quotes are put in
/// straight ones.
fn quote_line(doc: &Document, q: &Quote) -> String {
    let mut line = format!("  [{:<QUOTE_KIND_WIDTH$}] ", q.kind.as_str());
    match &q.speaker {
        None => line.push('-'),
        Some(s) => {
            let phrase = one_line(doc.slice(s.span));
            match s.entity.and_then(|e| doc.entities.get(e)) {
                Some(e) if e.name != phrase => {
                    let _ = write!(line, "{} ({phrase})", e.name);
                }
                Some(e) => line.push_str(&e.name),
                None => line.push_str(&phrase),
            }
        }
    }
    if let Some(cue) = q.cue {
        let _ = write!(line, " — {}", one_line(doc.slice(cue)));
    }
    // Only the words that can show are collapsed: a quote as long as its (huge)
    // sentence costs no more than a short one.
    let text = truncate(
        &one_line_upto(doc.slice(q.span), QUOTE_CHARS + 1),
        Some(QUOTE_CHARS),
    );
    match q.kind {
        QuoteKind::Direct | QuoteKind::Partial => {
            let _ = write!(line, ": {text}");
        }
        _ => {
            let _ = write!(line, ": \"{text}\"");
        }
    }
    line
}

/// Collapse all whitespace (newlines included) to single spaces.
fn one_line(s: &str) -> String {
    one_line_upto(s, usize::MAX)
}

/// [`one_line`], stopping once the result has more than `chars` characters.
fn one_line_upto(s: &str, chars: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in s.split_whitespace() {
        if count > chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        out.push_str(word);
        count += word.chars().count();
    }
    out
}

/// Cut `line` to at most `width` characters, ending with `…` when cut.
fn truncate(line: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return line.to_owned();
    };
    let width = width.max(2);
    if line.chars().nth(width).is_none() {
        return line.to_owned();
    }
    let mut cut: String = line.chars().take(width - 1).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_chars() {
        assert_eq!(truncate("hello", Some(10)), "hello");
        assert_eq!(truncate("hello", Some(5)), "hello");
        assert_eq!(truncate("hello!", Some(5)), "hell…");
        assert_eq!(truncate("ab  cdef", Some(4)), "ab…");
        assert_eq!(truncate("héllo wörld", None), "héllo wörld");
        let long = "word ".repeat(10_000);
        let cut = truncate(&one_line_upto(&long, 11), Some(10));
        assert_eq!(cut, truncate(&one_line(&long), Some(10)));
        assert_eq!(one_line(" a \n b  c "), "a b c");
    }
}
