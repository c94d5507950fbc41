//! A small DOM built by html5ever's tree builder, with source byte ranges.
//!
//! html5ever reads markup as browsers do (the WHATWG tokenizer and tree
//! construction, with implied tags, misnested formatting and foster parenting)
//! but reports no source positions. We feed it the page in pieces, cut before
//! every `<`, and note which piece was being read when the tree builder created,
//! filled or closed a node: that piece is where the node is in the source. A tag
//! starts at its piece's `<`; text lies between the piece's first `>` and its
//! end; an element ends after its own end tag, or where the tag that closed it
//! implicitly starts. The tree builder works synchronously on each piece, so the
//! ranges are exact to the tag (only a `<` inside an attribute value can delay a
//! tag to the next piece).
//!
//! Nodes live in one arena with doubly linked sibling lists, so every tree
//! operation html5ever asks for is O(1). Nothing is executed or fetched.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use html5ever::interface::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, Namespace, ParseOpts, QualName};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    /// The document, or a template's contents.
    Document,
    /// An element with its attributes.
    Element {
        name: QualName,
        attrs: Vec<Attribute>,
        template: Option<NodeId>,
    },
    /// Text, entities decoded.
    Text(StrTendril),
    /// A comment, doctype or processing instruction.
    Other,
}

/// A node of the tree with its links and source range.
#[derive(Debug)]
pub(crate) struct Node {
    pub data: Data,
    pub parent: Option<NodeId>,
    pub first: Option<NodeId>,
    last: Option<NodeId>,
    prev: Option<NodeId>,
    pub next: Option<NodeId>,
    /// Source byte range: from the start tag's `<` (or the text's first byte)
    /// to after the end tag (or the text's last piece).
    pub start: usize,
    pub end: usize,
}

impl Node {
    fn new(data: Data, start: usize, end: usize) -> Node {
        Node {
            data,
            parent: None,
            first: None,
            last: None,
            prev: None,
            next: None,
            start,
            end,
        }
    }

    /// The element's local name, lower case (`"p"`), or `None`.
    pub fn tag(&self) -> Option<&LocalName> {
        match &self.data {
            Data::Element { name, .. } => Some(&name.local),
            _ => None,
        }
    }

    /// An attribute's value.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|a| &*a.name.local == key)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    /// True for an HTML element (not `svg` or `math` content).
    pub fn is_html(&self) -> bool {
        matches!(&self.data, Data::Element { name, .. } if name.ns == html5ever::ns!(html))
    }
}

/// The parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// The document node.
    pub const ROOT: NodeId = 0;

    /// Children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes.get(id).and_then(|n| n.first),
        }
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'d> {
    dom: &'d Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.next?;
        self.next = self.dom.nodes.get(id).and_then(|n| n.next);
        Some(id)
    }
}

/// The element name html5ever asks for, owned (the arena is behind a `RefCell`).
#[derive(Debug)]
pub(crate) struct Name(QualName);

impl ElemName for Name {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

/// Where the tree builder is reading: the current piece of source.
#[derive(Debug, Clone, Copy, Default)]
struct Piece {
    /// Where the piece starts (a `<`, or 0).
    start: usize,
    /// Where its text starts: after the tag that opens it.
    text: usize,
    /// Where it ends (the next `<`).
    end: usize,
    /// For a piece opened by an end tag: where that tag ends.
    end_tag: Option<usize>,
}

struct Sink<'s> {
    source: &'s str,
    nodes: RefCell<Vec<Node>>,
    piece: Cell<Piece>,
}

impl Sink<'_> {
    fn push(&self, node: Node) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(node);
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id];
            (n.parent, n.prev, n.next)
        };
        if let Some(p) = prev {
            nodes[p].next = next;
        } else if let Some(par) = parent {
            nodes[par].first = next;
        }
        if let Some(nx) = next {
            nodes[nx].prev = prev;
        } else if let Some(par) = parent {
            nodes[par].last = prev;
        }
        let n = &mut nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        let last = nodes[parent].last;
        {
            let c = &mut nodes[child];
            c.parent = Some(parent);
            c.prev = last;
            c.next = None;
        }
        match last {
            Some(l) => nodes[l].next = Some(child),
            None => nodes[parent].first = Some(child),
        }
        nodes[parent].last = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        let (parent, prev) = (nodes[sibling].parent, nodes[sibling].prev);
        {
            let c = &mut nodes[child];
            c.parent = parent;
            c.prev = prev;
            c.next = Some(sibling);
        }
        nodes[sibling].prev = Some(child);
        match prev {
            Some(p) => nodes[p].next = Some(child),
            None => {
                if let Some(par) = parent {
                    nodes[par].first = Some(child);
                }
            }
        }
    }

    /// The node to insert: a node as given, or text as a text node (merged into
    /// the neighbour `beside` gives, when that is a text node).
    fn node_of(
        &self,
        child: NodeOrText<NodeId>,
        beside: impl FnOnce() -> Option<NodeId>,
    ) -> Option<NodeId> {
        match child {
            NodeOrText::AppendNode(n) => Some(n),
            NodeOrText::AppendText(t) => self.text_into(beside(), &t),
        }
    }

    /// A text node for `text` read from the current piece, or `text` merged
    /// into `merge_into` when that is a text node.
    fn text_into(&self, merge_into: Option<NodeId>, text: &StrTendril) -> Option<NodeId> {
        let piece = self.piece.get();
        let mut nodes = self.nodes.borrow_mut();
        if let Some(m) = merge_into {
            if let Some(Node {
                data: Data::Text(t),
                end,
                ..
            }) = nodes.get_mut(m)
            {
                t.push_tendril(text);
                *end = (*end).max(piece.end);
                return None;
            }
        }
        nodes.push(Node::new(
            Data::Text(text.clone()),
            piece.text.min(piece.end),
            piece.end,
        ));
        Some(nodes.len() - 1)
    }
}

impl TreeSink for Sink<'_> {
    type Handle = NodeId;
    type Output = Vec<Node>;
    type ElemName<'a>
        = Name
    where
        Self: 'a;

    fn finish(self) -> Vec<Node> {
        self.nodes.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name {
        let nodes = self.nodes.borrow();
        match nodes.get(*target).map(|n| &n.data) {
            Some(Data::Element { name, .. }) => Name(name.clone()),
            // Never asked of other nodes; a neutral name keeps us from panicking.
            _ => Name(QualName::new(None, html5ever::ns!(), LocalName::from(""))),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let piece = self.piece.get();
        let template = flags
            .template
            .then(|| self.push(Node::new(Data::Document, piece.start, piece.start)));
        self.push(Node::new(
            Data::Element {
                name,
                attrs,
                template,
            },
            piece.start,
            piece.text.max(piece.start),
        ))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        let piece = self.piece.get();
        self.push(Node::new(Data::Other, piece.start, piece.end))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        let piece = self.piece.get();
        self.push(Node::new(Data::Other, piece.start, piece.end))
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let last = || self.nodes.borrow().get(*parent).and_then(|p| p.last);
        let Some(child) = self.node_of(child, last) else {
            return;
        };
        let mut nodes = self.nodes.borrow_mut();
        if *parent < nodes.len() && child < nodes.len() && *parent != child {
            Self::detach(&mut nodes, child);
            Self::append_child(&mut nodes, *parent, child);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(*element)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn pop(&self, node: &NodeId) {
        let piece = self.piece.get();
        let source = self.source;
        let mut nodes = self.nodes.borrow_mut();
        let Some(n) = nodes.get_mut(*node) else {
            return;
        };
        // Closed by its own end tag: up to that tag's end; else where the
        // closing tag starts.
        let own = piece.end_tag.is_some_and(|_| {
            n.tag().is_some_and(|t| {
                source
                    .as_bytes()
                    .get(piece.start + 2..piece.start + 2 + t.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(t.as_bytes()))
            })
        });
        let end = match piece.end_tag {
            Some(e) if own => e,
            _ => piece.start,
        };
        n.end = n.end.max(end);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let contents = match self.nodes.borrow().get(*target).map(|n| &n.data) {
            Some(Data::Element {
                template: Some(t), ..
            }) => Some(*t),
            _ => None,
        };
        // Never asked of other nodes: a detached fragment keeps us safe.
        contents.unwrap_or_else(|| {
            let piece = self.piece.get();
            self.push(Node::new(Data::Document, piece.start, piece.start))
        })
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let prev = || self.nodes.borrow().get(*sibling).and_then(|s| s.prev);
        let Some(child) = self.node_of(new_node, prev) else {
            return;
        };
        let mut nodes = self.nodes.borrow_mut();
        if *sibling < nodes.len() && child < nodes.len() && *sibling != child {
            Self::detach(&mut nodes, child);
            Self::insert_before(&mut nodes, *sibling, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, new: Vec<Attribute>) {
        if let Some(Node {
            data: Data::Element { attrs, .. },
            ..
        }) = self.nodes.borrow_mut().get_mut(*target)
        {
            for a in new {
                if !attrs.iter().any(|b| b.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        if *target < nodes.len() {
            Self::detach(&mut nodes, *target);
        }
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        if *node >= nodes.len() || *new_parent >= nodes.len() {
            return;
        }
        while let Some(c) = nodes[*node].first {
            Self::detach(&mut nodes, c);
            Self::append_child(&mut nodes, *new_parent, c);
        }
    }
}

/// Where the text of the piece `[start, end)` starts: after the tag (or
/// comment, doctype) that opens it; at `start` when it opens with a bare `<`.
fn piece_of(source: &str, start: usize, end: usize) -> Piece {
    let bytes = source.as_bytes();
    let opens_tag = bytes.get(start) == Some(&b'<')
        && bytes
            .get(start + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
    if !opens_tag {
        return Piece {
            start,
            text: start,
            end,
            end_tag: None,
        };
    }
    let close = bytes
        .get(start..end)
        .and_then(|b| memchr::memchr(b'>', b))
        .map_or(end, |i| start + i + 1);
    let end_tag = (bytes.get(start + 1) == Some(&b'/')).then_some(close);
    Piece {
        start,
        text: close,
        end,
        end_tag,
    }
}

/// Deepest nesting fed to the tree builder, as Blink's parser caps it
/// (`kMaximumHTMLParserDOMTreeDepth`): deeper start tags (and their end
/// tags) are left out, their text kept. The tree builder's scope checks walk
/// the stack of open elements, so this bounds the work per tag and keeps
/// parsing linear on any input.
const MAX_DEPTH: usize = 512;

/// Elements that raise the nesting depth: all but void elements and those
/// the tree builder closes by itself when the next one opens.
fn nests(name: &[u8]) -> bool {
    const FLAT: &[&[u8]] = &[
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"option",
        b"optgroup",
        b"tr",
        b"td",
        b"th",
        b"tbody",
        b"thead",
        b"tfoot",
        b"a",
        b"nobr",
        b"rb",
        b"rt",
        b"rp",
        b"rtc",
        b"colgroup",
        b"caption",
        b"head",
        b"body",
        b"html",
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"param",
        b"source",
        b"track",
        b"wbr",
        b"frame",
        b"keygen",
    ];
    !name.is_empty() && !FLAT.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// Elements whose content the tokenizer reads as raw text (no tags inside).
fn raw_text(name: &[u8]) -> bool {
    const RAW: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"plaintext",
    ];
    RAW.iter().any(|f| f.eq_ignore_ascii_case(name))
}

/// The tag name of a piece that opens with a start or end tag, and whether
/// it is an end tag (and a start tag self-closing).
fn tag_name(piece: &[u8]) -> Option<(&[u8], bool, bool)> {
    let end = piece.get(1) == Some(&b'/');
    let from = if end { 2 } else { 1 };
    let name_len = piece
        .get(from..)?
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !piece.get(from)?.is_ascii_alphabetic() {
        return None;
    }
    let close = memchr::memchr(b'>', piece).unwrap_or(piece.len());
    let self_closing = close > 0 && piece.get(close - 1) == Some(&b'/');
    Some((piece.get(from..from + name_len)?, end, self_closing))
}

/// The bounded-depth filter over the pieces (see [`MAX_DEPTH`]).
#[derive(Default)]
struct Depth<'s> {
    open: usize,
    /// Start tags left out and not yet closed.
    dropped: usize,
    /// Inside raw text: the element whose end tag ends it.
    raw: Option<&'s [u8]>,
    /// Inside a comment.
    comment: bool,
}

impl<'s> Depth<'s> {
    /// Whether to feed the piece's tag (`false`: feed only its text).
    fn keep(&mut self, piece: &'s [u8]) -> bool {
        if self.comment {
            self.comment = !contains(piece, b"-->");
            return true;
        }
        if let Some(raw) = self.raw {
            if let Some((name, true, _)) = tag_name(piece) {
                if name.eq_ignore_ascii_case(raw) {
                    self.raw = None;
                }
            }
            return true;
        }
        if piece.starts_with(b"<!--") {
            self.comment = !contains(piece.get(4..).unwrap_or_default(), b"-->");
            return true;
        }
        let Some((name, end, self_closing)) = tag_name(piece) else {
            return true;
        };
        if !end && raw_text(name) {
            self.raw = Some(name);
            return true;
        }
        if !nests(name) || self_closing {
            return true;
        }
        if end {
            if self.dropped > 0 {
                self.dropped -= 1;
                return false;
            }
            self.open = self.open.saturating_sub(1);
            true
        } else if self.open >= MAX_DEPTH {
            self.dropped += 1;
            false
        } else {
            self.open += 1;
            true
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(hay, needle).is_some()
}

/// Parse `source` as an HTML document.
pub(crate) fn parse(source: &str) -> Dom {
    let sink = Sink {
        source,
        nodes: RefCell::new(vec![Node::new(Data::Document, 0, source.len())]),
        piece: Cell::new(Piece::default()),
    };
    let mut parser = html5ever::parse_document(sink, ParseOpts::default());
    let bytes = source.as_bytes();
    let mut depth = Depth::default();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes
            .get(start + 1..)
            .and_then(|b| memchr::memchr(b'<', b))
            .map_or(bytes.len(), |i| start + 1 + i);
        let mut piece = piece_of(source, start, end);
        if !depth.keep(bytes.get(start..end).unwrap_or_default()) {
            // Too deep: the tag is left out, its text kept.
            piece = piece_of(source, piece.text, end);
            piece.start = piece.text;
        }
        parser.tokenizer.sink.sink.piece.set(piece);
        // `<` and `>` are ASCII: every cut is on a character boundary.
        if let Some(part) = source.get(piece.start..end) {
            if !part.is_empty() {
                parser.process(StrTendril::from_slice(part));
            }
        }
        start = end;
    }
    parser.tokenizer.sink.sink.piece.set(Piece {
        start: source.len(),
        text: source.len(),
        end: source.len(),
        end_tag: None,
    });
    let nodes = parser.finish();
    let mut dom = Dom { nodes };
    close_ranges(&mut dom, source);
    dom
}

/// Every element's range covers its descendants', and its own end tag when
/// one follows them (the tree builder does not report every element it
/// closes, so ends are settled here, children before parents).
fn close_ranges(dom: &mut Dom, source: &str) {
    let mut order = Vec::with_capacity(dom.nodes.len());
    let mut stack = vec![Dom::ROOT];
    while let Some(id) = stack.pop() {
        order.push(id);
        stack.extend(dom.children(id));
    }
    let bytes = source.as_bytes();
    for &id in order.iter().rev() {
        let mut end = dom.nodes[id].end;
        for c in dom.children(id) {
            end = end.max(dom.nodes[c].end);
        }
        if let Some(tag) = dom.nodes[id].tag() {
            let mut at = end;
            while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            let name = tag.as_bytes();
            let own = bytes.get(at..at + 2) == Some(b"</")
                && bytes
                    .get(at + 2..at + 2 + name.len())
                    .is_some_and(|b| b.eq_ignore_ascii_case(name))
                && bytes
                    .get(at + 2 + name.len())
                    .is_some_and(|&b| b == b'>' || b.is_ascii_whitespace());
            if own {
                end = bytes
                    .get(at..)
                    .and_then(|b| memchr::memchr(b'>', b))
                    .map_or(bytes.len(), |i| at + i + 1);
            }
        }
        let n = &mut dom.nodes[id];
        n.end = end.clamp(n.start, bytes.len());
    }
    for n in &mut dom.nodes {
        n.end = n.end.clamp(n.start.min(bytes.len()), bytes.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'d>(dom: &'d Dom, tag: &str) -> Option<&'d Node> {
        dom.nodes
            .iter()
            .find(|n| n.tag().is_some_and(|t| &**t == tag))
    }

    #[test]
    fn elements_keep_their_source_range() {
        let src = "<html><body><div id=a><p>One &amp; two</p><p>Three<p>Four</div></body></html>";
        let dom = parse(src);
        let div = find(&dom, "div").unwrap();
        assert_eq!(
            src.get(div.start..div.end).unwrap(),
            "<div id=a><p>One &amp; two</p><p>Three<p>Four</div>"
        );
        let p = find(&dom, "p").unwrap();
        assert_eq!(src.get(p.start..p.end).unwrap(), "<p>One &amp; two</p>");
        // The second paragraph is closed by the third's start tag.
        let ps: Vec<&Node> = dom
            .nodes
            .iter()
            .filter(|n| n.tag().is_some_and(|t| &**t == "p"))
            .collect();
        assert_eq!(src.get(ps[1].start..ps[1].end).unwrap(), "<p>Three");
        let text = dom
            .nodes
            .iter()
            .find(|n| matches!(&n.data, Data::Text(t) if &**t == "One & two"))
            .unwrap();
        assert_eq!(src.get(text.start..text.end).unwrap(), "One &amp; two");
    }

    #[test]
    fn bad_markup_is_read_as_browsers_do() {
        // Misnested formatting and a table with stray text (foster parenting).
        let dom = parse("<p><b>bold <i>both</b> italic</i></p><table>stray<tr><td>cell</table>");
        let texts: Vec<String> = dom
            .nodes
            .iter()
            .filter_map(|n| match &n.data {
                Data::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"stray".to_string()));
        assert!(texts.contains(&"cell".to_string()));
        assert!(find(&dom, "tbody").is_some());
    }
}
