//! Article layout: split the text into blocks and give each its role.
//!
//! The stage works on normalized text in three passes, all linear:
//!
//! 1. **Blocks and features.** Lines (hard-wrapped paragraphs joined) with their
//!    length, function-word density, punctuation and capitalization, and matches
//!    against lexicons of page furniture ([`lexicon`]) and of line shapes
//!    (bylines, credits, captions, dates: [`shapes`], [`dates`]).
//! 2. **The article's main run.** Long, function-word-dense blocks count for the
//!    article, furniture against it; the best-scoring contiguous run that does not
//!    cross a "Related stories" or "Comments" heading is the body (a maximum-sum
//!    segment, as in boilerplate detectors such as jusText and BTE).
//! 3. **Roles.** Before the run: site name, title, subtitle, byline, date lines,
//!    captions and credits; inside it: paragraphs, headings, captions, credits;
//!    after it: credits, then related lists and comments. Everything else is
//!    boilerplate, with a reason.

mod blocks;
mod dates;
pub(crate) use dates::url_date;
mod lexicon;
mod shapes;

use jiff::civil::Date;

use crate::document::{BlockKind, BoilerplateReason};
use crate::lang::stopwords::function_word_density;
use crate::span::{self, Span};

/// A block found by layout analysis, in normalized-text offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    pub span: Span,
    pub reason: Option<BoilerplateReason>,
}

/// A dateline in normalized-text offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawDateline {
    pub span: Span,
    pub place: Option<Span>,
    pub date: Option<Date>,
    pub agency: Option<Span>,
}

/// The result of layout analysis, in normalized-text offsets.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub blocks: Vec<RawBlock>,
    pub title: Option<Span>,
    pub subtitle: Option<Span>,
    pub authors: Vec<Span>,
    pub publisher: Option<String>,
    pub published: Option<(Date, Span)>,
    pub dateline: Option<RawDateline>,
}

/// How much a block speaks for being article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Long prose.
    Good,
    /// Prose, but short or thin.
    NearGood,
    /// Too short to tell.
    Short,
    /// Long but not prose (lists, link runs).
    Bad,
}

/// Shape facts about one block that later passes consult.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Plain,
    Furniture(BoilerplateReason),
    Ender(BoilerplateReason),
    Byline,
    Date(dates::DateLine),
    Credit(shapes::Credit),
    CaptionShaped,
    SiteName,
}

struct Cand<'t> {
    span: Span,
    text: &'t str,
    chars: usize,
    words: usize,
    function: usize,
    terminal: bool,
    class: Class,
    shape: Shape,
    kind: Option<BlockKind>,
    reason: Option<BoilerplateReason>,
}

// Thresholds, tuned on the article_extraction dev split (see `nutgraf-eval body`).
const GOOD_CHARS: usize = 120;
const SHORT_CHARS: usize = 45;
const DENSITY_HIGH: f32 = 0.22;
const DENSITY_LOW: f32 = 0.12;
/// How far before the body the header (title, byline...) may start, in blocks.
const HEADER_WINDOW: usize = 30;

fn features(text: &str, span: Span) -> Cand<'_> {
    let t = span.slice(text);
    let chars = t.chars().count();
    let (spaced_words, function) = function_word_density(t);
    // Scripts written without spaces: count two characters as a word.
    let unspaced = t.chars().filter(|&ch| is_unspaced_script(ch)).count();
    let words = spaced_words + unspaced / 2;
    let terminal = blocks::ends_sentence(t);
    let shape = if shapes::is_url_line(t) {
        Shape::Furniture(BoilerplateReason::Url)
    } else if let Some(r) = lexicon::is_ender(t) {
        Shape::Ender(r)
    } else if let Some(d) = dates::date_line(t) {
        Shape::Date(d)
    } else if let Some(k) = shapes::credit(t) {
        Shape::Credit(k)
    } else if shapes::byline_names(t).is_some() && chars <= 120 {
        Shape::Byline
    } else if let Some(r) = lexicon::line_reason(t) {
        Shape::Furniture(r)
    } else if chars <= 60 && shapes::domain_in(t).is_some() && !terminal {
        Shape::SiteName
    } else if shapes::is_caption_shaped(t) {
        Shape::CaptionShaped
    } else {
        Shape::Plain
    };
    Cand {
        span,
        text: t,
        chars,
        words,

        function,
        terminal,
        class: Class::Short,
        shape,
        kind: None,
        reason: None,
    }
}

/// Most blocks of furniture between two parts of one article.
const MAX_GAP: usize = 8;
/// Least score of a run of prose to be taken as more of the same article.
const MIN_PART: f32 = 150.0;

/// The best run of prose starting at `from` that crosses no ender: its end and score.
fn run_from(cands: &[Cand<'_>], from: usize) -> (usize, f32) {
    let (mut sum, mut best, mut end) = (0.0f32, 0.0f32, from);
    for (i, c) in cands.iter().enumerate().skip(from) {
        if matches!(c.shape, Shape::Ender(_)) {
            break;
        }
        sum += weight(c);
        if sum <= 0.0 {
            break;
        }
        if sum > best {
            best = sum;
            end = i + 1;
        }
    }
    (end, best)
}

fn is_prose(c: &Cand<'_>) -> bool {
    c.shape == Shape::Plain && c.class == Class::Good && c.terminal
}

/// Grow the main run over short interruptions (related-story boxes, "READ MORE"
/// links, picture captions) to the next part of the same article: a run of
/// prose that opens with two paragraphs (teaser lists alternate headlines and
/// one-paragraph summaries, so they do not qualify).
/// A comment section is never crossed. Each crossed gap that held an ender is
/// recorded in `gaps` with the ender's reason.
fn extend_run(
    cands: &[Cand<'_>],
    start: usize,
    mut end: usize,
    gaps: &mut Vec<(usize, usize, BoilerplateReason)>,
) -> (usize, usize) {
    // Forward.
    loop {
        let limit = (end + MAX_GAP + 1).min(cands.len());
        let mut reason = None;
        let mut next = None;
        for (i, c) in cands.iter().enumerate().take(limit).skip(end) {
            match c.shape {
                Shape::Ender(BoilerplateReason::Comments) => break,
                Shape::Ender(r) => reason = Some(r),
                _ if is_prose(c) => {
                    next = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(j) = next else { break };
        let (e2, score) = run_from(cands, j);
        let opening = cands[j..e2.min(j + 3)]
            .iter()
            .filter(|c| is_prose(c))
            .count();
        if score < MIN_PART || e2 <= j || opening < 2 {
            break;
        }
        if let Some(r) = reason {
            gaps.push((end, j, r));
        }
        end = e2;
    }
    (start, end)
}

/// Han, kana and Hangul: scripts whose words are not separated by spaces.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Class of a block. `neutral` drops the function-word test, for pages in
/// languages the function-word lists do not cover.
fn classify(c: &Cand<'_>, neutral: bool) -> Class {
    let density = if neutral {
        1.0
    } else if c.words == 0 {
        0.0
    } else {
        c.function as f32 / c.words as f32
    };
    if c.chars < SHORT_CHARS || c.words < 6 {
        Class::Short
    } else if density >= DENSITY_HIGH && c.chars >= GOOD_CHARS {
        Class::Good
    } else if density >= DENSITY_LOW {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// Score of a block for the main-run search.
fn weight(c: &Cand<'_>) -> f32 {
    match c.shape {
        Shape::Furniture(_) | Shape::SiteName => return -(c.chars.max(40) as f32),
        Shape::Byline | Shape::Date(_) | Shape::Credit(_) | Shape::CaptionShaped => return -5.0,
        Shape::Ender(_) | Shape::Plain => {}
    }
    let len = c.chars as f32;
    match c.class {
        Class::Good => len,
        Class::NearGood if c.terminal => len * 0.6,
        Class::NearGood => len * 0.2 - 20.0,
        Class::Short if c.terminal && c.words >= 3 => 5.0,
        Class::Short => -15.0,
        Class::Bad => -len * 0.5,
    }
}

/// The best-scoring run of blocks `[start, end)` that crosses no ender.
fn main_run(cands: &[Cand<'_>]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut sum = 0.0f32;
    let mut start = 0;
    for (i, c) in cands.iter().enumerate() {
        if matches!(c.shape, Shape::Ender(_)) {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        sum += weight(c);
        if sum <= 0.0 {
            sum = 0.0;
            start = i + 1;
            continue;
        }
        if best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i + 1));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

fn heading_shaped(c: &Cand<'_>) -> bool {
    let letters = c.text.chars().filter(|ch| ch.is_alphabetic()).count();
    letters * 2 >= c.chars
        && c.chars <= 120
        && c.words <= 16
        && !c.text.ends_with(['.', ',', ';'])
        && c.text
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_numeric() || "\"“‘'¿¡".contains(ch))
}

/// Could this line be the caption of the picture credited on the next line?
fn captionable(c: &Cand<'_>) -> bool {
    c.words >= 4 && c.words <= 80
}

fn title_shaped(c: &Cand<'_>) -> bool {
    c.chars >= 10
        && c.chars <= 250
        && c.words >= 2
        && !c.text.ends_with([',', ';', ':'])
        && !matches!(
            c.shape,
            Shape::Furniture(_)
                | Shape::Ender(_)
                | Shape::Byline
                | Shape::Date(_)
                | Shape::Credit(_)
                | Shape::SiteName
        )
}

/// What a page's markup says about its blocks (HTML input, `crate::html`):
/// the article's run of blocks, and blocks its markup marks as furniture.
pub(crate) struct Hints<'h> {
    /// The blocks `[start, end)` of the article's element.
    pub run: Option<(usize, usize)>,
    /// Per block: furniture by its markup (a navigation bar, a share box...).
    pub furniture: &'h [Option<BoilerplateReason>],
}

/// Analyse the layout of normalized `text`.
pub(crate) fn analyze(text: &str, layout: bool) -> Layout {
    analyze_hinted(text, layout, None)
}

/// Analyse the layout of normalized `text`, with what the markup says when
/// the text came from HTML.
pub(crate) fn analyze_hinted(text: &str, layout: bool, hints: Option<&Hints<'_>>) -> Layout {
    let spans = blocks::split(text);
    let mut out = Layout::default();
    if !layout {
        out.blocks = spans
            .into_iter()
            .map(|span| RawBlock {
                kind: BlockKind::Paragraph,
                span,
                reason: None,
            })
            .collect();
        return out;
    }
    let mut cands: Vec<Cand<'_>> = spans.into_iter().map(|s| features(text, s)).collect();
    if cands.is_empty() {
        return out;
    }
    let (words, function) = cands
        .iter()
        .fold((0, 0), |(w, f), c| (w + c.words, f + c.function));
    let neutral = (function as f32) < 0.06 * words as f32;
    for c in &mut cands {
        c.class = classify(c, neutral);
    }
    if let Some(h) = hints {
        for (c, f) in cands.iter_mut().zip(h.furniture) {
            if let (Some(r), Shape::Plain | Shape::CaptionShaped | Shape::SiteName) = (f, c.shape) {
                c.shape = Shape::Furniture(*r);
            }
        }
    }
    let mut gaps = Vec::new();
    let forced = hints
        .and_then(|h| h.run)
        .filter(|&(s, e)| s < e && e <= cands.len());
    let (mut body_start, body_end) = if let Some((s, e)) = forced {
        // The article's element, up to a "Comments" line after its first
        // paragraph (the markup tells related-story boxes apart).
        let first = (s..e).find(|&i| is_prose(&cands[i])).unwrap_or(s);
        let end = (first..e)
            .find(|&i| cands[i].shape == Shape::Ender(BoilerplateReason::Comments))
            .unwrap_or(e);
        (s, end)
    } else {
        // Without any run of prose (a one-liner, a list), read everything as body.
        let (s, e) = main_run(&cands).unwrap_or((0, cands.len()));
        extend_run(&cands, s, e, &mut gaps)
    };
    body_start = trim_run_start(&cands, body_start, body_end);
    // Teaser lists inside the article ("Related articles", "READ MORE") are furniture.
    for &(from, to, reason) in &gaps {
        for c in &mut cands[from..to] {
            if c.shape == Shape::Plain && c.class != Class::Good {
                c.shape = Shape::Furniture(reason);
            }
        }
    }

    // Body: paragraphs, headings, captions, credits.
    for i in body_start..body_end {
        let next_is_credit = cands
            .get(i + 1)
            .is_some_and(|n| n.shape == Shape::Credit(shapes::Credit::Picture));
        let next_is_prose = cands.get(i + 1).is_some_and(|n| {
            n.shape == Shape::Plain
                && (matches!(n.class, Class::Good | Class::NearGood) || n.terminal)
        });
        let c = &mut cands[i];
        let (kind, reason) = match c.shape {
            Shape::Furniture(r) | Shape::Ender(r) => (BlockKind::Boilerplate, Some(r)),
            Shape::SiteName => (BlockKind::Boilerplate, Some(BoilerplateReason::SiteName)),
            Shape::Credit(_) => (BlockKind::Credit, None),
            Shape::Byline => (BlockKind::Byline, None),
            Shape::Date(_) => (BlockKind::Dateline, None),
            Shape::CaptionShaped => (BlockKind::Caption, None),
            Shape::Plain if next_is_credit && captionable(c) => (BlockKind::Caption, None),
            Shape::Plain if !c.terminal && heading_shaped(c) && c.chars <= 100 && next_is_prose => {
                (BlockKind::Heading, None)
            }
            Shape::Plain => match c.class {
                Class::Good | Class::NearGood => (BlockKind::Paragraph, None),
                _ if c.terminal => (BlockKind::Paragraph, None),
                _ => (BlockKind::Boilerplate, Some(BoilerplateReason::Navigation)),
            },
        };
        c.kind = Some(kind);
        c.reason = reason;
    }
    header(&mut cands, body_start, &mut out);
    trailer(&mut cands, body_end);

    // Authors and published date from the header and the top of the body.
    let top = (body_start + 3).min(cands.len());
    let mut updated: Option<(Date, Span)> = None;
    for c in &cands[..top] {
        match (c.kind, c.shape) {
            (Some(BlockKind::Byline), _) => {
                if let Some(names) = shapes::byline_names(c.text) {
                    out.authors.extend(
                        names
                            .into_iter()
                            .map(|(s, e)| Span::new(c.span.start + s, c.span.start + e)),
                    );
                }
                if out.published.is_none() {
                    if let Some((d, s, e)) = dates::find_date(c.text) {
                        out.published = Some((d, Span::new(c.span.start + s, c.span.start + e)));
                    }
                }
            }
            (Some(BlockKind::Dateline), Shape::Date(dates::DateLine::Published(d)))
                if out.published.is_none() =>
            {
                out.published = Some((d, c.span));
            }
            (Some(BlockKind::Dateline), Shape::Date(dates::DateLine::Updated(d)))
                if updated.is_none() =>
            {
                updated = Some((d, c.span));
            }
            _ => {}
        }
    }
    if out.published.is_none() {
        out.published = updated;
    }

    // A dateline opening the first paragraph.
    if let Some(first) = cands.iter().find(|c| c.kind == Some(BlockKind::Paragraph)) {
        if let Some(m) = dates::dateline_prefix(first.text) {
            let base = first.span.start;
            let span = Span::new(
                base,
                base + span::before(first.text, m.end).trim_end().len(),
            );
            out.dateline = Some(RawDateline {
                span,
                place: Some(Span::new(base + m.place.0, base + m.place.1)),
                date: m.date,
                agency: m.agency.map(|(s, e)| Span::new(base + s, base + e)),
            });
            if out.published.is_none() {
                if let Some(d) = m.date {
                    out.published = Some((d, span));
                }
            }
        }
    }
    if out.dateline.is_none() {
        if let Some(c) = cands[..top]
            .iter()
            .find(|c| c.kind == Some(BlockKind::Dateline))
        {
            if let Some(((s, e), date)) = dates::dateline_line(c.text) {
                out.dateline = Some(RawDateline {
                    span: c.span,
                    place: Some(Span::new(c.span.start + s, c.span.start + e)),
                    date,
                    agency: None,
                });
            }
        }
    }

    out.title = cands
        .iter()
        .find(|c| c.kind == Some(BlockKind::Title))
        .map(|c| c.span);
    out.subtitle = cands
        .iter()
        .find(|c| c.kind == Some(BlockKind::Subtitle))
        .map(|c| c.span);
    out.blocks = cands
        .iter()
        .map(|c| RawBlock {
            kind: c.kind.unwrap_or(BlockKind::Boilerplate),
            span: c.span,
            reason: match c.kind {
                None | Some(BlockKind::Boilerplate) => {
                    Some(c.reason.unwrap_or(BoilerplateReason::OutsideArticle))
                }
                _ => None,
            },
        })
        .collect();
    out
}

/// Move the start of the main run past headline material: lines before its first
/// long paragraph that are not sentences (title, deck) or are furniture, credits,
/// captions, bylines or dates belong to the header.
fn trim_run_start(cands: &[Cand<'_>], start: usize, end: usize) -> usize {
    let Some(first_good) = (start..end).find(|&i| {
        cands[i].class == Class::Good
            && cands[i].terminal
            && cands[i].shape == Shape::Plain
            && !cands
                .get(i + 1)
                .is_some_and(|n| n.shape == Shape::Credit(shapes::Credit::Picture))
    }) else {
        return start;
    };
    let mut new_start = start;
    for (i, c) in cands.iter().enumerate().take(first_good).skip(start) {
        let header_shaped = matches!(
            c.shape,
            Shape::Credit(_)
                | Shape::Byline
                | Shape::Date(_)
                | Shape::CaptionShaped
                | Shape::SiteName
                | Shape::Furniture(
                    BoilerplateReason::PublishedBy
                        | BoilerplateReason::Share
                        | BoilerplateReason::Follow
                )
        );
        if header_shaped || (c.shape == Shape::Plain && !c.terminal) {
            new_start = i + 1;
        }
    }
    new_start
}

/// Roles of the blocks before the body: site name, title, subtitle, byline, dates, captions.
fn header(cands: &mut [Cand<'_>], body_start: usize, out: &mut Layout) {
    let from = body_start.saturating_sub(HEADER_WINDOW);
    // Captions are the lines right before a credit.
    for i in from..body_start {
        let next_is_credit = cands
            .get(i + 1)
            .is_some_and(|n| n.shape == Shape::Credit(shapes::Credit::Picture));
        let c = &mut cands[i];
        let (kind, reason) = match c.shape {
            Shape::Credit(_) => (Some(BlockKind::Credit), None),
            Shape::Byline => (Some(BlockKind::Byline), None),
            Shape::Date(_) => (Some(BlockKind::Dateline), None),
            Shape::CaptionShaped => (Some(BlockKind::Caption), None),
            Shape::Furniture(r) | Shape::Ender(r) => (Some(BlockKind::Boilerplate), Some(r)),
            Shape::SiteName => (
                Some(BlockKind::Boilerplate),
                Some(BoilerplateReason::SiteName),
            ),
            Shape::Plain if next_is_credit && captionable(c) => (Some(BlockKind::Caption), None),
            Shape::Plain => (None, None),
        };
        c.kind = kind;
        c.reason = reason;
    }
    // The title: a headline-shaped line close to the body, best when followed by
    // a byline, a date, a caption or a standfirst.
    let mut best: Option<(f32, usize)> = None;
    for i in from..body_start {
        let c = &cands[i];
        if c.kind.is_some() || !title_shaped(c) {
            continue;
        }
        let distance = (body_start - i) as f32;
        let mut score = 10.0 - 0.35 * distance;
        if i == 0 {
            score += 3.0;
        }
        let followed = cands[i + 1..body_start.min(i + 5)].iter().any(|n| {
            matches!(
                n.kind,
                Some(
                    BlockKind::Byline
                        | BlockKind::Dateline
                        | BlockKind::Caption
                        | BlockKind::Credit
                )
            ) || matches!(
                n.shape,
                Shape::Furniture(BoilerplateReason::Share | BoilerplateReason::PublishedBy)
            )
        });
        if followed {
            score += 4.0;
        }
        if c.words >= 4 {
            score += 2.0;
        }
        if c.text.ends_with('.') {
            score -= 3.0;
        }
        if shapes::capitalized_ratio(c.text) >= 0.6 {
            score += 1.0;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    let title = best.map(|(_, i)| i);
    if let Some(t) = title {
        cands[t].kind = Some(BlockKind::Title);
        // The standfirst: the next unlabelled line before the body.
        let sub = (t + 1..body_start).find(|&j| cands[j].kind.is_none());
        if let Some(j) = sub.filter(|&j| cands[j].chars <= 400) {
            cands[j].kind = Some(BlockKind::Subtitle);
        }
    }
    // Site name lines above the title name the publisher.
    let top = title.unwrap_or(body_start);
    for c in &cands[from..top] {
        if c.shape == Shape::SiteName && out.publisher.is_none() {
            out.publisher = Some(publisher_name(c.text));
        }
    }
    // Heading-shaped lines between the title block and the body open its first section.
    let after_title = title.map_or(body_start, |t| t + 1);
    for c in &mut cands[after_title..body_start] {
        if c.kind.is_none() && heading_shaped(c) && c.shape == Shape::Plain {
            c.kind = Some(BlockKind::Heading);
        }
    }
    // A lone short subtitle in a body with several headings is the first heading.
    let headings = cands[body_start..]
        .iter()
        .filter(|c| c.kind == Some(BlockKind::Heading))
        .count();
    if headings >= 2 {
        if let Some(c) = cands[..body_start]
            .iter_mut()
            .find(|c| c.kind == Some(BlockKind::Subtitle))
        {
            if heading_shaped(c) && c.words <= 8 {
                c.kind = Some(BlockKind::Heading);
            }
        }
    }
    for c in &mut cands[..body_start] {
        if c.kind.is_none() {
            c.kind = Some(BlockKind::Boilerplate);
            c.reason = Some(if c.class == Class::Short {
                BoilerplateReason::Navigation
            } else {
                BoilerplateReason::OutsideArticle
            });
        }
    }
}

/// Roles of the blocks after the body: credits, then related lists and comments.
fn trailer(cands: &mut [Cand<'_>], body_end: usize) {
    let mut closing: Option<BoilerplateReason> = None;
    for c in &mut cands[body_end..] {
        if let Shape::Ender(r) = c.shape {
            closing = Some(r);
        }
        let (kind, reason) = match (closing, c.shape) {
            (None, Shape::Credit(_)) => (BlockKind::Credit, None),
            (_, Shape::Furniture(r) | Shape::Ender(r)) | (Some(r), _) => {
                (BlockKind::Boilerplate, Some(r))
            }
            (None, Shape::SiteName) => (BlockKind::Boilerplate, Some(BoilerplateReason::SiteName)),
            (None, _) => (
                BlockKind::Boilerplate,
                Some(if c.class == Class::Short {
                    BoilerplateReason::Navigation
                } else {
                    BoilerplateReason::OutsideArticle
                }),
            ),
        };
        c.kind = Some(kind);
        c.reason = reason;
    }
}

/// The publisher named by a site-name line: the line without its domain, or the domain.
fn publisher_name(line: &str) -> String {
    let Some((s, e)) = shapes::domain_in(line) else {
        return line.to_owned();
    };
    let rest = format!("{} {}", span::before(line, s), span::after(line, e));
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if rest.is_empty() {
        span::between(line, s, e).to_owned()
    } else {
        rest
    }
}
