//! The dependency tree of one sentence, as the stages that read syntax see
//! it: each word's head and dependents, its relation and lemma, and the
//! sentence token it belongs to. Built once per sentence from the shared
//! [`View`] by the stages that read it (events, quotes).

use crate::document::Word;
use crate::span::Span;
use crate::view::{View, NONE};

/// The dependency tree of one sentence over its syntax words (indices local
/// to the sentence).
pub(crate) struct Tree<'a> {
    /// The words.
    pub(crate) ws: &'a [Word],
    /// The head of each word; [`NONE`] for a root.
    pub(crate) head: Vec<u32>,
    /// The sentence token each word belongs to ([`NONE`]: none).
    pub(crate) tok: Vec<u32>,
    /// Whether the word is the first of its token ("do" of "don't").
    pub(crate) first: Vec<bool>,
    /// The dependents of word `i` are `kids[start[i]..start[i + 1]]`, in order.
    start: Vec<u32>,
    kids: Vec<u32>,
}

impl<'a> Tree<'a> {
    /// The tree of sentence `k` of the view, when it has syntax words and is
    /// no headline (titles are tagged less reliably: the word-order reading
    /// takes them).
    pub(crate) fn new(view: &View<'a>, k: usize) -> Option<Tree<'a>> {
        let sv = view.sentences.get(k)?;
        if sv.words.is_empty() || sv.headline {
            return None;
        }
        let lo = sv.words.start;
        let ws = view.words.get(sv.words.clone())?;
        let n = ws.len();
        let head: Vec<u32> = ws
            .iter()
            .map(|w| {
                w.head
                    .map(|h| sv.head_base + h)
                    .filter(|&h| h >= lo && h < lo + n)
                    .map_or(NONE, |h| u32::try_from(h - lo).unwrap_or(NONE))
            })
            .collect();
        // Each word belongs to the last token whose first word is at or before it.
        let toks = view.toks(k);
        let mut tok = vec![NONE; n];
        let mut first = vec![false; n];
        let mut t = 0;
        let mut cur = NONE;
        for i in 0..n {
            while t < toks.len() && (toks[t].word == NONE || toks[t].word as usize <= lo + i) {
                if toks[t].word != NONE {
                    cur = u32::try_from(t).unwrap_or(NONE);
                    first[i] = toks[t].word as usize == lo + i;
                }
                t += 1;
            }
            tok[i] = cur;
        }
        // Dependents by counting: where each word's list starts, then fill.
        let mut start = vec![0u32; n + 1];
        for &h in &head {
            if h != NONE {
                start[h as usize + 1] += 1;
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut kids = vec![0u32; start[n] as usize];
        for (d, &h) in head.iter().enumerate() {
            if h != NONE {
                let slot = &mut fill[h as usize];
                kids[*slot as usize] = u32::try_from(d).unwrap_or(NONE);
                *slot += 1;
            }
        }
        Some(Tree {
            ws,
            head,
            tok,
            first,
            start,
            kids,
        })
    }

    pub(crate) fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (a, b) = (self.start[i] as usize, self.start[i + 1] as usize);
        self.kids[a..b].iter().map(|&c| c as usize)
    }

    pub(crate) fn rel(&self, i: usize) -> &'static str {
        self.ws[i].deprel
    }

    /// The relation without its subtype ("obl" for "obl:tmod").
    pub(crate) fn base(&self, i: usize) -> &'static str {
        let r = self.ws[i].deprel;
        r.split(':').next().unwrap_or(r)
    }

    pub(crate) fn lemma(&self, i: usize) -> &str {
        &self.ws[i].lemma
    }

    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        let h = self.head[i];
        (h != NONE).then_some(h as usize)
    }

    /// The first dependent of `i` with relation `rel` (with its subtype).
    pub(crate) fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i).find(|&c| self.rel(c) == rel)
    }

    /// The preposition of a nominal dependent ("to" of "to China").
    pub(crate) fn case(&self, i: usize) -> Option<&str> {
        self.kids(i)
            .find(|&c| self.base(c) == "case")
            .map(|c| self.lemma(c))
    }

    /// Whether verb `i` is passive.
    pub(crate) fn passive(&self, i: usize) -> bool {
        self.kids(i)
            .any(|c| matches!(self.rel(c), "nsubj:pass" | "aux:pass" | "csubj:pass"))
    }

    /// The span of the noun phrase headed by `c`: its determiners, modifiers
    /// and possessor before it ("the three wounded soldiers").
    pub(crate) fn noun_phrase(&self, c: usize) -> Span {
        let lo = self
            .kids(c)
            .filter(|&d| d < c && c - d < 8 && in_noun_phrase(self.rel(d)))
            .min()
            .map_or(c, |d| self.extent(d, &mut Vec::new()).0.min(c));
        Span::new(self.ws[lo].span.start, self.ws[c].span.end)
    }

    /// The first and last word of the subtree of `i`.
    pub(crate) fn extent(&self, i: usize, stack: &mut Vec<usize>) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        stack.clear();
        stack.push(i);
        while let Some(x) = stack.pop() {
            lo = lo.min(x);
            hi = hi.max(x);
            stack.extend(self.kids(x));
        }
        (lo, hi)
    }
}

/// The relations that make a noun phrase's left edge: "the three wounded
/// soldiers", "Russia's president".
pub(crate) fn in_noun_phrase(rel: &str) -> bool {
    matches!(
        rel,
        "det" | "amod" | "compound" | "nummod" | "nmod:poss" | "det:poss" | "flat"
    )
}
