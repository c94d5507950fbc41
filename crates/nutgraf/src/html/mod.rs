//! HTML input: the article found in a web page's DOM, then the text pipeline.
//!
//! [`Parser::parse_html`] reads a page as browsers do (html5ever's WHATWG
//! tokenizer and tree builder, fed piece by piece to keep source positions,
//! see `dom`), turns its visible text into blocks (one block-level element a
//! block, see `blocks`), finds the article's element, and runs the same layout
//! roles and extractors as [`Parser::parse`] on the blocks' text, joined by
//! blank lines. [`Document::text`] is that visible text: every span indexes it,
//! and each block also keeps its byte range in the HTML ([`Block::html`]).
//! Metadata from JSON-LD, Open Graph and meta tags is in [`Document::metadata`].
//!
//! ## Finding the article
//!
//! Each block gets a weight from its text alone: long prose counts for the
//! article by its length (less the share inside links), short lines count a
//! little against, link lists against by half their length. The weights are
//! summed up the tree, and the element with the greatest sum is the article:
//! the tree form of the maximum-sum run that the text layout (and jusText and
//! BTE before it) looks for. `<article>`, `<main>` and elements whose class or
//! `itemprop` names the article body weigh a quarter more. Blocks under
//! furniture (`nav`, `aside`, `form`, and class or id names of comments, share
//! boxes, related links, menus, ads... as readability and trafilatura list
//! them) count for a third; inside the article they are boilerplate with that
//! reason, unless the marked element holds half or more of the article (a
//! wrapper mis-named "sidebar"). The parameters are few and round, set by
//! reasoning rather than fitted: 0.5 link density for a link list (half the
//! text in links), a quarter more for semantic elements, a third for furniture.

mod blocks;
mod dom;
mod meta;

use std::panic::AssertUnwindSafe;

pub use meta::PageMeta;

use crate::document::{Author, BlockKind, BoilerplateReason, Document, PublishedFrom};
use crate::error::{Error, ErrorKind, Result};
use crate::layout::{self, Hints};
use crate::meta::Meta;
use crate::parser::Parser;
use crate::span::Span;
use crate::text::NormalizedText;
use blocks::{ElemInfo, Hint, HtmlBlock, Tag};
use dom::{Dom, NodeId};

/// Weight of blocks under furniture when the article is looked for.
const FURNITURE_SHARE: f32 = 1.0 / 3.0;
/// Bonus of `<article>`, `<main>` and elements marked as the article body.
const SEMANTIC_BONUS: f32 = 1.25;
/// Weight of a paragraph alone in its container.
const LONE_PARAGRAPH: f32 = 0.5;
/// Share of a block's characters inside links that makes it a link list.
const LINK_LIST: f32 = 0.5;

impl Parser {
    /// Parse a web page: the article found in its DOM, then the same layout
    /// roles and extractors as [`Parser::parse`].
    ///
    /// [`Document::text`] is the page's visible text, one block a line with a
    /// blank line between blocks; every span indexes it. Each block keeps its
    /// byte range in `html` ([`Block::html`](crate::Block::html)), and the
    /// page's JSON-LD, Open Graph and meta tags are in [`Document::metadata`].
    /// `meta` wins over the page's own metadata (its `published` date is the
    /// reference for relative times; without it, the page's date is).
    ///
    /// Any string is read, however broken its markup, as a browser would; no
    /// script runs and nothing is fetched. Fails only when `html` is over
    /// [`Options::max_input_bytes`](crate::Options::max_input_bytes) (or on a
    /// bug, as [`ErrorKind::Internal`]).
    ///
    /// ```
    /// use nutgraf::{BlockKind, Meta, Parser};
    ///
    /// let html = r#"<html><head><title>Putin visits China | News</title></head><body>
    ///   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    ///   <article><h1>Putin visits China</h1>
    ///   <p>Russian President Vladimir Putin arrived in Beijing on Tuesday for talks with Xi Jinping.</p>
    ///   <p>The two leaders are expected to discuss trade and the war in Ukraine, officials said.</p>
    ///   </article></body></html>"#;
    /// let doc = Parser::default().parse_html(html, &Meta::new())?;
    /// assert_eq!(doc.title.as_deref(), Some("Putin visits China"));
    /// assert!(doc.body.starts_with("Russian President Vladimir Putin arrived"));
    /// let first = doc.blocks_of(BlockKind::Paragraph).next().unwrap();
    /// let range = first.html.unwrap();
    /// assert!(html[range.start..range.end].starts_with("<p>Russian"));
    /// assert!(doc.entities.iter().any(|e| e.name == "Vladimir Putin"));
    /// # Ok::<(), nutgraf::Error>(())
    /// ```
    pub fn parse_html(&self, html: &str, meta: &Meta) -> Result<Document> {
        let limit = self.options().get_max_input_bytes();
        if html.len() > limit {
            return Err(Error::new(ErrorKind::InputTooLarge {
                len: html.len(),
                limit,
            }));
        }
        std::panic::catch_unwind(AssertUnwindSafe(|| self.parse_html_unchecked(html, meta)))
            .map_err(|payload| Error::from_panic(payload.as_ref()))
    }

    fn parse_html_unchecked(&self, html: &str, meta: &Meta) -> Document {
        let dom = dom::parse(html);
        let page = meta::read(&dom);
        let (hblocks, info) = blocks::blocks(&dom, html);
        let mut text = String::with_capacity(hblocks.iter().map(|b| b.text.len() + 2).sum());
        let mut starts = Vec::with_capacity(hblocks.len());
        for b in &hblocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            starts.push(text.len());
            text.push_str(&b.text);
        }
        let article = find_article(&dom, &hblocks, &info);
        let furniture = furniture(&hblocks, &info, article.as_ref());
        let options = self.options();
        let mut norm = NormalizedText::with_options(&text, options.get_repair_encoding());
        norm.repair_glued();
        let hints = Hints {
            run: article.as_ref().map(|a| (a.first, a.last)),
            furniture: &furniture,
        };
        let mut layout = layout::analyze_hinted(norm.as_str(), options.get_layout(), Some(&hints));
        // Blocks are one a paragraph: the layout keeps them one to one, unless
        // normalization emptied one (then the hints are off by one: drop them).
        let aligned = layout.blocks.len() == hblocks.len();
        if !aligned {
            layout = layout::analyze(norm.as_str(), options.get_layout());
        } else if options.get_layout() {
            refine_roles(
                &mut layout,
                &hblocks,
                &info,
                article.as_ref(),
                &furniture,
                &page,
            );
        }
        let by_meta = Meta {
            published: meta.published.or(page.published),
            url: meta.url.clone(),
            source: meta.source.clone().or_else(|| page.publisher.clone()),
        };
        let mut doc = crate::parser::build(&norm, layout, &by_meta, options);
        if meta.published.is_none() && page.published.is_some() {
            doc.published_from = Some(PublishedFrom::Page);
        }
        if doc.title.is_none() {
            doc.title.clone_from(&page.title);
        }
        if doc.authors.is_empty() {
            // Names the page's metadata gives, where the visible text has them.
            for name in &page.authors {
                if let Some(at) = doc.text.find(name.as_str()) {
                    doc.authors.push(Author {
                        name: name.clone(),
                        span: Span::new(at, at + name.len()),
                    });
                }
            }
        }
        for b in &mut doc.blocks {
            let i = starts
                .partition_point(|&s| s <= b.span.start)
                .saturating_sub(1);
            if let Some(h) = hblocks.get(i) {
                b.html = Some(Span::new(h.html.0, h.html.1));
            }
        }
        doc.html = Some(html.to_owned());
        doc.metadata = Some(page);
        doc
    }
}

/// Parse a web page with the default [`Options`](crate::Options): see
/// [`Parser::parse_html`].
pub fn parse_html(html: &str, meta: &Meta) -> Result<Document> {
    Parser::default().parse_html(html, meta)
}

/// The article's element and its blocks `[first, last)`.
struct Article {
    node: NodeId,
    first: usize,
    last: usize,
    /// Positive weight under each node (for the wrapper test).
    positive: Vec<f32>,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', '»', ')', ']', ' ', '*']);
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':'])
}

/// Words of a text; in scripts written without spaces (Han, kana, Hangul),
/// two characters count as a word, as the text layout counts them.
fn word_count(text: &str) -> usize {
    let unspaced = text
        .chars()
        .filter(|&c| {
            matches!(c as u32,
                0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
        })
        .count();
    text.split_whitespace().count() + unspaced / 2
}

/// Half or more of the block's text in links, and not a long sentence (prose
/// whose names all link to topic pages stays prose).
fn is_link_list(b: &HtmlBlock) -> bool {
    b.link_chars as f32 >= LINK_LIST * b.chars.max(1) as f32
        && !(b.link_chars < b.chars && ends_sentence(&b.text) && word_count(&b.text) >= 15)
}

/// How much a block speaks for the element around it being the article.
fn weight(b: &HtmlBlock) -> f32 {
    let chars = b.chars as f32;
    let linked = b.link_chars as f32 / chars.max(1.0);
    if is_link_list(b) {
        return -0.5 * chars.min(400.0) - 5.0;
    }
    let words = word_count(&b.text);
    if matches!(b.tag, Tag::Heading(_)) {
        return 0.0;
    }
    if chars >= 100.0 && words >= 15 {
        chars * (1.0 - linked)
    } else if ends_sentence(&b.text) && words >= 6 {
        0.6 * chars * (1.0 - linked)
    } else {
        -10.0
    }
}

/// The element whose blocks weigh most: the article.
fn find_article(dom: &Dom, blocks: &[HtmlBlock], info: &[ElemInfo]) -> Option<Article> {
    let n = dom.nodes.len();
    let mut sum = vec![0f32; n];
    let mut positive = vec![0f32; n];
    let mut first = vec![usize::MAX; n];
    let mut last = vec![0usize; n];
    // A paragraph alone in its container (a teaser's summary in its card)
    // counts half: an article's paragraphs stand together.
    let container = |b: &HtmlBlock| -> NodeId {
        if matches!(b.tag, Tag::Other) {
            b.elem
        } else {
            dom.nodes[b.elem].parent.unwrap_or(b.elem)
        }
    };
    let weights: Vec<f32> = blocks.iter().map(weight).collect();
    let mut prose_in = vec![0u32; n];
    for (b, &w) in blocks.iter().zip(&weights) {
        if w > 0.0 {
            prose_in[container(b)] += 1;
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        let mut w = weights[i];
        if w > 0.0 && prose_in[container(b)] == 1 {
            w *= LONE_PARAGRAPH;
        }
        if w > 0.0 && info[b.elem].furniture.is_some() {
            w *= FURNITURE_SHARE;
        }
        sum[b.elem] += w;
        positive[b.elem] += w.max(0.0);
        first[b.elem] = first[b.elem].min(i);
        last[b.elem] = last[b.elem].max(i + 1);
    }
    // Pre-order, then children before parents.
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![Dom::ROOT];
    while let Some(id) = stack.pop() {
        order.push(id);
        let from = stack.len();
        stack.extend(dom.children(id));
        stack[from..].reverse();
    }
    for &id in order.iter().rev() {
        if let Some(p) = dom.nodes[id].parent {
            sum[p] += sum[id];
            positive[p] += positive[id];
            first[p] = first[p].min(first[id]);
            last[p] = last[p].max(last[id]);
        }
    }
    let mut best: Option<(f32, NodeId)> = None;
    for &id in &order {
        let node = &dom.nodes[id];
        let Some(tag) = node.tag() else { continue };
        if sum[id] <= 0.0 || first[id] >= last[id] {
            continue;
        }
        let semantic = matches!(&**tag, "article" | "main") || info[id].hint == Some(Hint::Body);
        let score = if semantic {
            sum[id] * SEMANTIC_BONUS
        } else {
            sum[id]
        };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, id));
        }
    }
    let (_, node) = best?;
    Some(Article {
        node,
        first: first[node],
        last: last[node],
        positive,
    })
}

/// Per block, the furniture reason its markup gives: inside the article, the
/// nearest marked element below the article's (unless it holds half the
/// article), or a link list; outside, any mark.
fn furniture(
    blocks: &[HtmlBlock],
    info: &[ElemInfo],
    article: Option<&Article>,
) -> Vec<Option<BoilerplateReason>> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let marked = info[b.elem].furniture.and_then(|h| match info[h].hint {
                Some(Hint::Furniture(r)) => Some((h, r)),
                _ => None,
            });
            let link_list = is_link_list(b);
            match article {
                Some(a) if (a.first..a.last).contains(&i) => {
                    let inner = marked.filter(|&(h, _)| {
                        info[h].depth > info[a.node].depth
                            && a.positive[h] < 0.5 * a.positive[a.node]
                    });
                    match inner {
                        Some((_, r)) => Some(r),
                        None if link_list && !matches!(b.tag, Tag::Heading(_)) => {
                            Some(BoilerplateReason::Related)
                        }
                        None => None,
                    }
                }
                _ => marked
                    .map(|(_, r)| r)
                    .or(link_list.then_some(BoilerplateReason::Navigation)),
            }
        })
        .collect()
}

/// Lower-case word set of a string, for title matching.
fn word_set(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Share of `a`'s words in `b`.
fn overlap(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.binary_search(w).is_ok()).count() as f32 / a.len() as f32
}

/// What the markup settles after the text layout: the headline is the `h1`
/// that matches the page's title; inside the article, paragraphs, list items
/// and headings the layout found too short to be prose are body, and figure
/// captions are captions.
fn refine_roles(
    layout: &mut layout::Layout,
    blocks: &[HtmlBlock],
    info: &[ElemInfo],
    article: Option<&Article>,
    furniture: &[Option<BoilerplateReason>],
    page: &PageMeta,
) {
    let kinds: Vec<BlockKind> = layout.blocks.iter().map(|b| b.kind).collect();
    // The body as the layout found it: first to last paragraph.
    let body_first = kinds.iter().position(|k| *k == BlockKind::Paragraph);
    let body_last = kinds.iter().rposition(|k| *k == BlockKind::Paragraph);
    if let (Some(a), Some(bf), Some(bl)) = (article, body_first, body_last) {
        let from = bf.max(a.first);
        let to = (bl + 1).min(a.last);
        for i in from..to {
            let (b, raw) = (&blocks[i], &mut layout.blocks[i]);
            if furniture[i].is_some() || info[b.elem].in_figure {
                continue;
            }
            let loose = raw.kind == BlockKind::Boilerplate
                && matches!(
                    raw.reason,
                    Some(BoilerplateReason::Navigation | BoilerplateReason::OutsideArticle)
                );
            match b.tag {
                Tag::Heading(l) if l >= 2 && (loose || raw.kind == BlockKind::Paragraph) => {
                    raw.kind = BlockKind::Heading;
                    raw.reason = None;
                }
                Tag::Paragraph | Tag::ListItem | Tag::Quote | Tag::Cell | Tag::Other if loose => {
                    raw.kind = BlockKind::Paragraph;
                    raw.reason = None;
                }
                _ => {}
            }
        }
    }
    // Figure captions.
    for (i, b) in blocks.iter().enumerate() {
        let raw = &mut layout.blocks[i];
        if info[b.elem].in_figure && matches!(raw.kind, BlockKind::Paragraph | BlockKind::Heading) {
            raw.kind = BlockKind::Caption;
            raw.reason = None;
        }
    }
    // The headline: the `h1` closest to the page's title.
    let title_words = page.title.as_deref().map(word_set).unwrap_or_default();
    let mut best: Option<(f32, usize)> = None;
    let first_paragraph = layout
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Paragraph)
        .unwrap_or(usize::MAX);
    for (i, b) in blocks.iter().enumerate() {
        // An `h1` the layout read as the body's first heading may be the headline.
        let kind = layout.blocks[i].kind;
        let open = !kind.is_body() || (kind == BlockKind::Heading && i < first_paragraph);
        if b.tag != Tag::Heading(1) || !open {
            continue;
        }
        let score = if title_words.is_empty() {
            0.5
        } else {
            overlap(&word_set(&b.text), &title_words)
        };
        if score >= 0.5 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    if let Some((_, t)) = best {
        for raw in &mut layout.blocks {
            if raw.kind == BlockKind::Title {
                raw.kind = BlockKind::Boilerplate;
                raw.reason = Some(BoilerplateReason::OutsideArticle);
            }
        }
        let raw = &mut layout.blocks[t];
        raw.kind = BlockKind::Title;
        raw.reason = None;
        layout.title = Some(raw.span);
    }
}
