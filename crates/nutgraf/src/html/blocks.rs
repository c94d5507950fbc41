//! The page's visible text as blocks, each with what its markup says.
//!
//! One block is the text of a block-level element (a paragraph, a heading, a
//! list item, a table cell, a caption...) or a run of inline text between two
//! block-level boundaries; `<br>` ends a line. Nothing under `script`, `style`,
//! `template`, `noscript`, embedded content, form controls or hidden elements
//! is text. Whitespace is collapsed as a browser renders it.

use std::sync::LazyLock;

use html5ever::LocalName;

use super::dom::{Data, Dom, NodeId};
use crate::codec::Code;
use crate::document::BoilerplateReason;
use crate::lexicon::{self, lexicon_file, word_list, WordList};

/// What the markup says of an element (its tag and its class, id and role).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// Furniture of this kind (a `nav`, a share box, comments...).
    Furniture(BoilerplateReason),
    /// Marked as the article's body (`itemprop=articleBody`, "article-body"...).
    Body,
    /// Marked as a byline (`rel=author`, "byline", `itemprop=author`).
    Byline,
    /// Marked as a date (`time`, "date", `itemprop=datePublished`).
    Date,
}

/// The role the block's own element gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    Paragraph,
    /// `h1` to `h6`, with its level.
    Heading(u8),
    ListItem,
    Cell,
    Caption,
    Quote,
    Other,
}

/// One block of visible text.
#[derive(Debug)]
pub(crate) struct HtmlBlock {
    /// The text, whitespace collapsed (no line breaks).
    pub text: String,
    /// Source byte range in the HTML.
    pub html: (usize, usize),
    /// The block-level element it belongs to.
    pub elem: NodeId,
    pub tag: Tag,
    /// Characters, and characters inside links.
    pub chars: usize,
    pub link_chars: usize,
}

/// Per element, for article finding: depth and the nearest element (itself or
/// an ancestor) with each kind of hint.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ElemInfo {
    pub depth: u32,
    pub hint: Option<Hint>,
    /// Nearest ancestor-or-self with a furniture hint.
    pub furniture: Option<NodeId>,
    /// Nearest ancestor-or-self with a byline or date hint.
    pub meta: Option<NodeId>,
    /// Inside a `figure` or `figcaption`.
    pub in_figure: bool,
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "html"
    )
}

/// Elements whose content is never visible text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "template"
            | "noscript"
            | "head"
            | "title"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "audio"
            | "video"
            | "picture"
            | "img"
            | "map"
    )
}

fn tag_of(name: &str) -> Tag {
    match name {
        "p" => Tag::Paragraph,
        "h1" => Tag::Heading(1),
        "h2" => Tag::Heading(2),
        "h3" => Tag::Heading(3),
        "h4" => Tag::Heading(4),
        "h5" => Tag::Heading(5),
        "h6" => Tag::Heading(6),
        "li" | "dd" | "dt" => Tag::ListItem,
        "td" | "th" => Tag::Cell,
        "figcaption" | "caption" => Tag::Caption,
        "blockquote" => Tag::Quote,
        _ => Tag::Other,
    }
}

/// Words of class and id names that mark furniture
/// (`data/lexicons/html_furniture_classes.tsv`): those matched inside a name
/// ("comments-area", "social-share"), and those matched only as a whole piece
/// of a name ("ad", "nav"), each in file order with its reason.
struct FurnitureClasses {
    parts: Vec<(&'static str, BoilerplateReason)>,
    words: Vec<(&'static str, BoilerplateReason)>,
}

static FURNITURE: LazyLock<FurnitureClasses> = LazyLock::new(|| {
    let mut out = FurnitureClasses {
        parts: Vec::new(),
        words: Vec::new(),
    };
    for line in lexicon::lines(lexicon_file!("html_furniture_classes.tsv")) {
        let mut cols = line.split('\t');
        let (Some(word), Some(reason), Some(how)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Some(reason) = BoilerplateReason::from_name(reason) else {
            continue;
        };
        match how {
            "part" => out.parts.push((word, reason)),
            "word" => out.words.push((word, reason)),
            _ => {}
        }
    }
    out
});

/// Class and id names that mark an article body
/// (`data/lexicons/html_body_classes.txt`).
static BODY_MARKS: WordList = word_list!("html_body_classes.txt");

/// The hint an element's markup gives.
fn hint_of(dom: &Dom, id: NodeId, tag: &str) -> Option<Hint> {
    let n = &dom.nodes[id];
    match tag {
        "nav" => return Some(Hint::Furniture(BoilerplateReason::Navigation)),
        "aside" => return Some(Hint::Furniture(BoilerplateReason::Related)),
        "form" | "fieldset" => return Some(Hint::Furniture(BoilerplateReason::Subscription)),
        "time" => return Some(Hint::Date),
        _ => {}
    }
    let itemprop = n.attr("itemprop").unwrap_or("");
    if itemprop.eq_ignore_ascii_case("articleBody") {
        return Some(Hint::Body);
    }
    if itemprop.eq_ignore_ascii_case("author") || n.attr("rel") == Some("author") {
        return Some(Hint::Byline);
    }
    if itemprop.eq_ignore_ascii_case("datePublished") {
        return Some(Hint::Date);
    }
    match n.attr("role").unwrap_or("") {
        "navigation" | "menubar" | "menu" => {
            return Some(Hint::Furniture(BoilerplateReason::Navigation))
        }
        "complementary" => return Some(Hint::Furniture(BoilerplateReason::Related)),
        "contentinfo" => return Some(Hint::Furniture(BoilerplateReason::Legal)),
        _ => {}
    }
    let mut names = String::new();
    for key in ["class", "id"] {
        if let Some(v) = n.attr(key) {
            names.push(' ');
            names.push_str(&v.to_ascii_lowercase());
        }
    }
    if names.is_empty() {
        return None;
    }
    if BODY_MARKS.iter().any(|m| names.contains(m)) {
        return Some(Hint::Body);
    }
    for part in names.split_ascii_whitespace() {
        if part.contains("byline") || part.contains("author") {
            return Some(Hint::Byline);
        }
        for &(w, r) in &FURNITURE.parts {
            if part.contains(w) {
                return Some(Hint::Furniture(r));
            }
        }
        for word in part.split(['-', '_']) {
            if let Some(&(_, r)) = FURNITURE.words.iter().find(|(w, _)| *w == word) {
                return Some(Hint::Furniture(r));
            }
        }
        if part.contains("date") || part.contains("timestamp") || part.contains("published") {
            return Some(Hint::Date);
        }
    }
    None
}

/// True when the element is hidden from readers.
fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let n = &dom.nodes[id];
    if n.attr("hidden").is_some() || n.attr("aria-hidden") == Some("true") {
        return true;
    }
    n.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The text being gathered for the next block.
#[derive(Default)]
struct Pending {
    text: String,
    chars: usize,
    link_chars: usize,
    start: usize,
    end: usize,
    /// A space is due before the next word.
    space: bool,
}

impl Pending {
    fn push(&mut self, s: &str, in_link: bool, range: (usize, usize)) {
        for (i, word) in s.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.chars().all(invisible) {
                continue;
            }
            if self.text.is_empty() {
                self.start = range.0;
            } else if self.space {
                self.text.push(' ');
                self.chars += 1;
            }
            self.space = false;
            let n = word.chars().count();
            self.text.push_str(word);
            self.chars += n;
            if in_link {
                self.link_chars += n;
            }
            self.end = range.1;
        }
    }
}

/// Characters that show nothing: controls and format characters (zero-width
/// spaces and joiners, the byte order mark, soft hyphens). A word of these
/// alone is no text (normalization would empty its block).
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// What the walk keeps per open element.
struct Open {
    id: NodeId,
    block: bool,
    link: bool,
    /// Blocks flushed before this element opened: if none are flushed while it
    /// is open, its text is one block and takes its source range.
    flushed_at: usize,
    /// Text pending when it opened.
    pending_empty: bool,
}

/// Walk the document: its blocks, and per element node its [`ElemInfo`].
pub(crate) fn blocks(dom: &Dom, source: &str) -> (Vec<HtmlBlock>, Vec<ElemInfo>) {
    let mut info = vec![ElemInfo::default(); dom.nodes.len()];
    let mut out: Vec<HtmlBlock> = Vec::new();
    let mut pending = Pending::default();
    let mut open: Vec<Open> = Vec::new();
    // Iterative walk: (node, entering).
    let mut stack: Vec<(NodeId, bool)> = vec![(Dom::ROOT, true)];
    let mut links = 0usize;
    let mut flushes = 0usize;

    let flush = |pending: &mut Pending,
                 out: &mut Vec<HtmlBlock>,
                 elem: NodeId,
                 flushes: &mut usize,
                 whole: Option<NodeId>| {
        if pending.text.is_empty() {
            *pending = Pending::default();
            return;
        }
        let html = match whole {
            Some(id) => (dom.nodes[id].start, dom.nodes[id].end),
            None => trim_range(source, pending.start, pending.end),
        };
        let tag = dom.nodes[elem]
            .tag()
            .map_or(Tag::Other, |t: &LocalName| tag_of(t));
        let p = std::mem::take(pending);
        out.push(HtmlBlock {
            text: p.text,
            html,
            elem,
            tag,
            chars: p.chars,
            link_chars: p.link_chars,
        });
        *flushes += 1;
    };

    while let Some((id, entering)) = stack.pop() {
        let node = &dom.nodes[id];
        if !entering {
            // Leaving an element.
            let Some(o) = open.pop() else { continue };
            if o.link {
                links = links.saturating_sub(1);
            }
            if o.block {
                let whole = (o.pending_empty && o.flushed_at == flushes).then_some(o.id);
                flush(&mut pending, &mut out, o.id, &mut flushes, whole);
            }
            continue;
        }
        match &node.data {
            Data::Text(t) => {
                pending.push(t, links > 0, (node.start, node.end));
            }
            Data::Element { .. } => {
                let tag = node.tag().map_or("", |t| &**t);
                if !node.is_html() || is_skipped(tag) || is_hidden(dom, id) {
                    continue;
                }
                let parent_info = node.parent.map(|p| info[p]).unwrap_or_default();
                let hint = hint_of(dom, id, tag);
                let mut mine = ElemInfo {
                    depth: parent_info.depth + 1,
                    hint,
                    furniture: parent_info.furniture,
                    meta: parent_info.meta,
                    in_figure: parent_info.in_figure || matches!(tag, "figure" | "figcaption"),
                };
                match hint {
                    Some(Hint::Furniture(_)) => mine.furniture = Some(id),
                    Some(Hint::Byline | Hint::Date) => mine.meta = Some(id),
                    _ => {}
                }
                info[id] = mine;
                let block = is_block(tag);
                if tag == "br" || block {
                    let elem = innermost_block(&open);
                    flush(&mut pending, &mut out, elem, &mut flushes, None);
                    if tag == "br" {
                        continue;
                    }
                }
                let link = tag == "a";
                if link {
                    links += 1;
                }
                open.push(Open {
                    id,
                    block,
                    link,
                    flushed_at: flushes,
                    pending_empty: pending.text.is_empty(),
                });
                stack.push((id, false));
                push_children(dom, id, &mut stack);
            }
            Data::Document => {
                info[id].depth = 0;
                push_children(dom, id, &mut stack);
            }
            Data::Other => {}
        }
    }
    let elem = innermost_block(&open);
    flush(&mut pending, &mut out, elem, &mut flushes, None);
    (out, info)
}

fn innermost_block(open: &[Open]) -> NodeId {
    open.iter()
        .rev()
        .find(|o| o.block)
        .map_or(Dom::ROOT, |o| o.id)
}

fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<(NodeId, bool)>) {
    let from = stack.len();
    stack.extend(dom.children(id).map(|c| (c, true)));
    stack[from..].reverse();
}

/// `[start, end)` without surrounding ASCII whitespace.
fn trim_range(source: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = source.as_bytes();
    let (mut s, mut e) = (start.min(end), end.min(bytes.len()));
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_furniture_class_row_is_read() {
        // A misspelt reason or matching mode would drop its row silently.
        let rows =
            crate::lexicon::lines(crate::lexicon::lexicon_file!("html_furniture_classes.tsv"))
                .count();
        assert_eq!(
            super::FURNITURE.parts.len() + super::FURNITURE.words.len(),
            rows
        );
        assert!(super::FURNITURE.parts.iter().any(|&(w, _)| w == "comment"));
        assert!(super::FURNITURE.words.iter().any(|&(w, _)| w == "nav"));
        assert!(super::BODY_MARKS.contains(&"article-body"));
    }
}
