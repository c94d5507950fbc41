//! The dependency parser: a greedy arc-hybrid transition parser scored by an
//! averaged perceptron, then a labeller that names each arc of the finished
//! tree.
//!
//! ## Transitions
//!
//! Arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta 2011) with the root at the
//! end of the buffer (Ballesteros and Nivre 2013): `SHIFT` pushes the front of
//! the buffer `b0` on the stack; `LEFT` pops the top `s0` and makes `b0` its
//! head; `RIGHT` pops `s0` and makes the word under it, `s1`, its head. `LEFT`
//! onto the root is allowed only when `s0` is the last word on the stack, so
//! every tree has one root. Every word is shifted once and popped once: two
//! transitions a word, whatever the sentence.
//!
//! The transition model scores the three moves from about seventy features of
//! the configuration (Zhang and Nivre 2011, adapted to arc-hybrid): words and
//! Penn tags of the top three stack words and the first three buffer words,
//! their leftmost and rightmost dependents so far, pairs and triples of them,
//! distance between `s0` and `b0` and the number of dependents of each. It is
//! trained with the dynamic oracle of Goldberg and Nivre (2012, 2013) with
//! exploration, so it learns to recover from its own mistakes.
//!
//! ## Labels
//!
//! Once the tree is built, words are labelled from the root down by a second
//! perceptron over the word, its head, their tags, direction and distance, the
//! head's label, the word's first and last dependents and the auxiliaries of
//! its head (which tell a passive subject from an active one).
//!
//! ## File format
//!
//! Little-endian. Magic `NGDEP\0`, `u16` format version, `u32` feature-set
//! version; the label names (`u16` count, each `u16` length + UTF-8) and the id
//! of the root label (`u8`); the transition weights (`f32` scale, `u32`
//! feature count, then per feature in increasing id order the id as a LEB128
//! delta and three `i16` weights over the scale); the labeller in the
//! tagger's sparse format.

use super::nn::{NnScorer, NnScratch};
use super::table::{Moves, Weights};
use super::tagger::{push_ids, put_str, put_u16, put_u32, Reader, WordFeats, MAX_TAGS};
use crate::entities::features::Fx;

const MAGIC: &[u8; 6] = b"NGDEP\0";
const FORMAT_VERSION: u16 = 2;
/// Version of the feature templates: bump it when one changes.
pub(crate) const FEATURE_VERSION: u32 = 6;

/// No word (an empty stack slot, a missing dependent).
pub(crate) const NONE: u32 = u32::MAX;

/// Push the front of the buffer on the stack.
pub(crate) const SHIFT: usize = 0;
/// Pop the top of the stack, headed by the front of the buffer.
pub(crate) const LEFT: usize = 1;
/// Pop the top of the stack, headed by the word under it.
pub(crate) const RIGHT: usize = 2;

/// What the parser knows of one word: its lower-cased form's hash, its Penn
/// tag and its universal tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) w: u64,
    pub(crate) p: u64,
    pub(crate) u: u64,
    /// Hash of the last three letters.
    pub(crate) suf: u64,
    /// The word's cluster.
    pub(crate) c: u64,
    /// Distance to the next verb after the word (bucketed; 0: none).
    pub(crate) verb: u64,
    /// The guide parser's head of the word (`NONE` without a guide; `n` = root).
    pub(crate) gh: u32,
    /// The guide parser's label of the word.
    pub(crate) gl: u64,
    /// The last and first words the guide parser attaches to this one
    /// (`NONE`: none after it, before it).
    pub(crate) grmax: u32,
    pub(crate) glmin: u32,
}

const NO_TOKEN: Token = Token {
    w: 0x0ff,
    p: 0x0ff,
    u: 0x0ff,
    suf: 0x0ff,
    c: 0x0ff,
    verb: 0x0ff,
    gh: NONE,
    gl: 0x0ff,
    grmax: NONE,
    glmin: NONE,
};
const ROOT_TOKEN: Token = Token {
    w: 0x1ff,
    p: 0x1ff,
    u: 0x1ff,
    suf: 0x1ff,
    c: 0x1ff,
    verb: 0x1ff,
    gh: NONE,
    gl: 0x1ff,
    grmax: NONE,
    glmin: NONE,
};

/// The tokens of a sentence: its words then the root.
pub(crate) fn tokens(ws: &[WordFeats], xs: &[u16], us: &[u16], out: &mut Vec<Token>) {
    out.clear();
    for (w, (&x, &u)) in ws.iter().zip(xs.iter().zip(us)) {
        out.push(Token {
            w: w.lower,
            p: u64::from(x),
            u: u64::from(u),
            suf: w.suf[2],
            c: w.cluster,
            verb: 0,
            gh: NONE,
            gl: 0x0ff,
            grmax: NONE,
            glmin: NONE,
        });
    }
    set_verb_distances(out);
    out.push(ROOT_TOKEN);
}

/// The same words right to left (the root last), for the guide parser.
pub(crate) fn reversed(toks: &[Token], out: &mut Vec<Token>) {
    out.clear();
    let n = toks.len().saturating_sub(1);
    out.extend(toks[..n].iter().rev().map(|t| Token {
        gh: NONE,
        gl: 0x0ff,
        grmax: NONE,
        glmin: NONE,
        ..*t
    }));
    set_verb_distances(out);
    out.push(ROOT_TOKEN);
}

/// Each word's distance to the next verb after it.
fn set_verb_distances(out: &mut [Token]) {
    let mut next_verb: Option<usize> = None;
    for i in (0..out.len()).rev() {
        out[i].verb = next_verb.map_or(0, |v| 1 + bucket((v - i) as u32));
        let u = out[i].u;
        if u == VERB_UPOS || u == AUX_UPOS {
            next_verb = Some(i);
        }
    }
}

/// Give the tokens (words then root) the guide parser's heads and labels:
/// `heads`/`labels` are the guide's, of the words right to left.
pub(crate) fn set_guide(toks: &mut [Token], heads: &[u32], labels: &[u8]) {
    let n = toks.len().saturating_sub(1);
    for t in toks.iter_mut() {
        t.grmax = NONE;
        t.glmin = NONE;
    }
    for (i, t) in toks.iter_mut().enumerate().take(n.min(heads.len())) {
        let ri = n - 1 - i;
        let h = heads[ri] as usize;
        t.gh = if h < n { (n - 1 - h) as u32 } else { n as u32 };
        t.gl = u64::from(labels.get(ri).copied().unwrap_or(NO_LABEL));
    }
    for i in 0..n {
        let h = toks[i].gh as usize;
        if h < n {
            let i32_ = i as u32;
            let t = &mut toks[h];
            if i > h && (t.grmax == NONE || i32_ > t.grmax) {
                t.grmax = i32_;
            }
            if i < h && (t.glmin == NONE || i32_ < t.glmin) {
                t.glmin = i32_;
            }
        }
    }
}

const VERB_UPOS: u64 = super::Upos::Verb as u64;

/// A parser configuration: stack, buffer front, arcs so far.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    /// Words; the root is word `n`.
    pub(crate) n: u32,
    pub(crate) stack: Vec<u32>,
    /// Front of the buffer (`n` once only the root is left).
    pub(crate) b: u32,
    /// Head of each word (`NONE` until attached; `n` for the root).
    pub(crate) heads: Vec<u32>,
    /// Leftmost and second leftmost, rightmost and second rightmost dependents.
    pub(crate) l1: Vec<u32>,
    l2: Vec<u32>,
    pub(crate) r1: Vec<u32>,
    r2: Vec<u32>,
    /// Number of left and right dependents.
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Label of each word (`NO_LABEL` until attached).
    pub(crate) labels: Vec<u8>,
    /// Labels of the left and right dependents of each word, as bit sets.
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Hash of the auxiliaries and particles before each word that depend on it.
    aux: Vec<u64>,
}

/// No label yet.
pub(crate) const NO_LABEL: u8 = u8::MAX;

impl State {
    pub(crate) fn reset(&mut self, n: usize) {
        let n32 = u32::try_from(n).unwrap_or(u32::MAX - 1);
        self.n = n32;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.heads,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.labels.clear();
        self.labels.resize(n + 1, NO_LABEL);
        for v in [&mut self.lset, &mut self.rset, &mut self.aux] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    /// Give word `d` (just attached) its label.
    pub(crate) fn set_label(&mut self, d: u32, label: u8) {
        let h = self.heads[d as usize];
        self.labels[d as usize] = label;
        if let Some(slot) = if d < h {
            self.lset.get_mut(h as usize)
        } else {
            self.rset.get_mut(h as usize)
        } {
            *slot |= 1u64 << (label & 63);
        }
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    pub(crate) fn valid(&self, t: usize) -> bool {
        match t {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            _ => self.stack.len() >= 2,
        }
    }

    fn arc(&mut self, h: u32, d: u32) {
        self.heads[d as usize] = h;
        let h = h as usize;
        if d < h as u32 {
            self.nl[h] = self.nl[h].saturating_add(1);
            if self.l1[h] == NONE || d < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = d;
            } else if self.l2[h] == NONE || d < self.l2[h] {
                self.l2[h] = d;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            if self.r1[h] == NONE || d > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = d;
            } else if self.r2[h] == NONE || d > self.r2[h] {
                self.r2[h] = d;
            }
        }
    }

    /// Apply a valid transition; the arc it makes, as (head, dependent).
    pub(crate) fn apply(&mut self, move_: usize, toks: &[Token]) -> Option<(u32, u32)> {
        let (h, d) = match move_ {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
                return None;
            }
            LEFT => (self.b, self.stack.pop()?),
            _ => {
                let d = self.stack.pop()?;
                (*self.stack.last()?, d)
            }
        };
        self.arc(h, d);
        if d < h {
            let upos = toks[d as usize].u;
            if upos == AUX_UPOS || upos == PART_UPOS {
                let a = &mut self.aux[h as usize];
                *a = Fx::new(*a).add(toks[d as usize].w).value();
            }
        }
        Some((h, d))
    }

    #[inline]
    fn label_of(&self, i: u32) -> u64 {
        if i == NONE {
            0x3ff
        } else {
            u64::from(self.labels[i as usize])
        }
    }

    #[inline]
    fn set_of(v: &[u64], i: u32) -> u64 {
        if i == NONE {
            0x3ff
        } else {
            v[i as usize]
        }
    }

    /// Features of what the right-to-left guide parser made of the words of
    /// this configuration: where it put the heads of `s0`, `s1` and `b0`
    /// relative to the stack and buffer, their guide labels, and whether the
    /// guide gives `s0` or `s1` dependents still in the buffer, or `b0`
    /// dependents still on the stack.
    fn guide_features(&self, toks: &[Token], out: &mut Vec<u64>) {
        let t = |i: u32| -> Token {
            if i == NONE {
                NO_TOKEN
            } else {
                toks[i as usize]
            }
        };
        let (s0i, s1i) = (self.s(0), self.s(1));
        let (b0i, b1i) = (self.buf(0), self.buf(1));
        let (s0, s1, b0) = (t(s0i), t(s1i), t(b0i));
        let b = self.b;
        let cat = |x: u32| -> u64 {
            if x == NONE {
                return 0;
            }
            let h = t(x).gh;
            if h == NONE {
                0
            } else if h == self.n {
                1
            } else if h == s0i {
                2
            } else if h == s1i {
                3
            } else if h == b0i {
                4
            } else if h == b1i {
                5
            } else if h < x {
                6
            } else {
                7
            }
        };
        let pending = |x: u32| -> u64 {
            if x == NONE {
                0
            } else {
                let r = t(x).grmax;
                1 + u64::from(r != NONE && r >= b)
            }
        };
        let left_on_stack = if b0i == NONE || s0i == NONE {
            0
        } else {
            let l = b0.glmin;
            1 + u64::from(l != NONE && l <= s0i)
        };
        let (cs0, cs1, cb0) = (cat(s0i), cat(s1i), cat(b0i));
        let (ps0, ps1) = (pending(s0i), pending(s1i));
        let f = Fx::new;
        push_ids(
            out,
            &[
                f(140).add(cs0).value(),
                f(141).add(cb0).value(),
                f(142).add(cs0).add(cb0).value(),
                f(143).add(cs0).add(cb0).add(s0.p).add(b0.p).value(),
                f(144).add(cs1).add(cs0).value(),
                f(145).add(cs0).add(s0.p).add(s0.gl).value(),
                f(146).add(cb0).add(b0.p).add(b0.gl).value(),
                f(147).add(cs1).add(cs0).add(s1.p).add(s0.p).value(),
                f(148).add(ps0).add(cs0).value(),
                f(149).add(ps1).add(cs1).add(cs0).value(),
                f(150).add(left_on_stack).add(cs0).add(cb0).value(),
                f(151).add(ps0).add(cs0).add(cb0).add(left_on_stack).value(),
                f(152).add(cs0).add(cb0).add(s0.w).value(),
                f(153).add(cs0).add(cb0).add(b0.w).value(),
            ],
        );
    }

    /// The labelling features of the arc just made from `h` to `d`.
    pub(crate) fn label_features(&self, toks: &[Token], h: u32, d: u32, out: &mut Vec<u64>) {
        out.clear();
        let t = |i: u32| -> Token {
            if i == NONE {
                NO_TOKEN
            } else {
                toks[i as usize]
            }
        };
        let (dt, ht) = (t(d), t(h));
        let left = d < h;
        let dir = u64::from(left);
        let dist = bucket(d.abs_diff(h));
        // The dependent is finished: its outermost dependents on each side.
        let (dl, dr) = (State::child(&self.l1, d), State::child(&self.r1, d));
        let (dlt, drt) = (t(dl), t(dr));
        let (dll, drl) = (self.label_of(dl), self.label_of(dr));
        // The head's dependent on the same side just nearer to it, and how
        // many came before on that side.
        let (near, rank) = if left {
            (State::child(&self.l2, h), State::count(&self.nl, h))
        } else {
            (State::child(&self.r2, h), State::count(&self.nr, h))
        };
        let (nt, nl) = (t(near), self.label_of(near));
        let hl = State::set_of(&self.lset, h);
        let aux = State::set_of(&self.aux, h);
        let rank = rank.min(4);
        let f = Fx::new;
        let hp = ht.p;
        push_ids(
            out,
            &[
                f(201).value(),
                f(202).add(dt.w).value(),
                f(203).add(dt.p).value(),
                f(204).add(ht.w).value(),
                f(205).add(hp).value(),
                f(206).add(dt.p).add(hp).add(dir).value(),
                f(207).add(dt.w).add(hp).add(dir).value(),
                f(208).add(dt.p).add(ht.w).add(dir).value(),
                f(209).add(dt.w).add(ht.w).value(),
                f(210).add(dir).add(dist).value(),
                f(211).add(dt.p).add(hp).add(dir).add(dist).value(),
                f(212).add(dlt.w).add(dt.p).value(),
                f(213).add(dlt.p).add(dll).add(dt.p).add(hp).value(),
                f(214).add(drt.p).add(drl).add(dt.p).value(),
                f(215).add(drt.w).add(dt.p).value(),
                f(216).add(nt.p).add(nl).add(dt.p).add(hp).add(dir).value(),
                f(217).add(rank).add(dt.p).add(hp).add(dir).value(),
                f(218).add(dt.u).add(ht.u).add(dir).value(),
                f(219).add(dlt.w).add(hp).add(dir).value(),
                f(220).add(hl).add(dt.p).add(dir).value(),
                f(221).add(aux).add(dt.p).add(dir).value(),
                f(222).add(aux).add(hp).value(),
                f(223).add(dt.w).add(dt.p).add(hp).add(dir).value(),
                f(224).add(dt.suf).add(hp).add(dir).value(),
                f(225).add(dt.p).add(hp).add(ht.verb).add(dir).value(),
                f(228).add(dt.c).add(hp).add(dir).value(),
                f(229).add(dt.p).add(ht.c).add(dir).value(),
                f(230).add(dt.c).add(ht.c).value(),
            ],
        );
        if dt.gh != NONE {
            // The guide's label of the word, and whether it chose the same head.
            let same = u64::from(dt.gh == h);
            push_ids(
                out,
                &[
                    f(226).add(dt.gl).add(same).value(),
                    f(227).add(dt.gl).add(same).add(dt.p).add(hp).value(),
                ],
            );
        }
    }

    #[inline]
    fn s(&self, k: usize) -> u32 {
        match self.stack.len().checked_sub(k + 1) {
            Some(i) => self.stack[i],
            None => NONE,
        }
    }

    #[inline]
    fn buf(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i
        } else {
            NONE
        }
    }

    #[inline]
    fn child(v: &[u32], i: u32) -> u32 {
        if i == NONE {
            NONE
        } else {
            v[i as usize]
        }
    }

    #[inline]
    fn count(v: &[u8], i: u32) -> u64 {
        if i == NONE {
            99
        } else {
            u64::from(v[i as usize])
        }
    }

    /// The cost of each transition against the gold `heads` (`n` = the root):
    /// how many gold arcs it makes unreachable (Goldberg and Nivre 2013).
    /// `u32::MAX` for an invalid move.
    pub(crate) fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let mut c = [u32::MAX; 3];
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b = self.b;
        let n = self.n;
        // Dependents of s0 still in the buffer (never the root).
        let s0_deps_in_buffer =
            |s0: u32| -> u32 { (b..n).filter(|&d| gold[d as usize] == s0).count() as u32 };
        if self.valid(SHIFT) {
            let head_b = gold[b as usize];
            let mut cost = 0;
            for (k, &w) in self.stack.iter().rev().enumerate() {
                cost += u32::from(gold[w as usize] == b);
                cost += u32::from(k > 0 && head_b == w);
            }
            c[SHIFT] = cost;
        }
        if self.valid(LEFT) {
            let g = gold[s0 as usize];
            let mut cost = s0_deps_in_buffer(s0);
            cost += u32::from(g != b && (g == s1 || (g > b && g <= n)));
            c[LEFT] = cost;
        }
        if self.valid(RIGHT) {
            let g = gold[s0 as usize];
            let mut cost = s0_deps_in_buffer(s0);
            cost += u32::from(g >= b && g <= n);
            c[RIGHT] = cost;
        }
        c
    }

    /// The transition features of this configuration.
    pub(crate) fn features(&self, toks: &[Token], guided: bool, out: &mut Vec<u64>) {
        out.clear();
        let t = |i: u32| -> Token {
            if i == NONE {
                NO_TOKEN
            } else {
                toks[i as usize]
            }
        };
        let (s0i, s1i, s2i) = (self.s(0), self.s(1), self.s(2));
        let (b0i, b1i, b2i) = (self.buf(0), self.buf(1), self.buf(2));
        let (s0, s1, s2, b0, b1, b2) = (t(s0i), t(s1i), t(s2i), t(b0i), t(b1i), t(b2i));
        let s0l1i = State::child(&self.l1, s0i);
        let s0l2i = State::child(&self.l2, s0i);
        let s0r1i = State::child(&self.r1, s0i);
        let s0r2i = State::child(&self.r2, s0i);
        let b0l1i = State::child(&self.l1, b0i);
        let b0l2i = State::child(&self.l2, b0i);
        let s1r1i = State::child(&self.r1, s1i);
        let s1l1i = State::child(&self.l1, s1i);
        let (s0l1, s0l2, s0r1, s0r2) = (t(s0l1i), t(s0l2i), t(s0r1i), t(s0r2i));
        let (b0l1, b0l2, s1r1, s1l1) = (t(b0l1i), t(b0l2i), t(s1r1i), t(s1l1i));
        let dist = if s0i == NONE || b0i == NONE {
            0
        } else {
            bucket(b0i - s0i)
        };
        let d1 = if s1i == NONE || s0i == NONE {
            0
        } else {
            bucket(s0i - s1i)
        };
        let s0vl = State::count(&self.nl, s0i);
        let s0vr = State::count(&self.nr, s0i);
        let b0vl = State::count(&self.nl, b0i);
        let s1vr = State::count(&self.nr, s1i);
        let f = Fx::new;
        let s0wp = f(0).add(s0.w).add(s0.p).value();
        let b0wp = f(0).add(b0.w).add(b0.p).value();
        push_ids(
            out,
            &[
                f(1).value(),
                f(2).add(s0wp).value(),
                f(3).add(s0.w).value(),
                f(4).add(s0.p).value(),
                f(5).add(b0wp).value(),
                f(6).add(b0.w).value(),
                f(7).add(b0.p).value(),
                f(8).add(b1.w).add(b1.p).value(),
                f(9).add(b1.w).value(),
                f(10).add(b1.p).value(),
                f(11).add(b2.w).add(b2.p).value(),
                f(12).add(b2.w).value(),
                f(13).add(b2.p).value(),
                f(14).add(s1.w).add(s1.p).value(),
                f(15).add(s1.w).value(),
                f(16).add(s1.p).value(),
                f(17).add(s2.p).value(),
                f(18).add(s2.w).value(),
                // Pairs.
                f(20).add(s0wp).add(b0wp).value(),
                f(21).add(s0wp).add(b0.w).value(),
                f(22).add(s0.w).add(b0wp).value(),
                f(23).add(s0wp).add(b0.p).value(),
                f(24).add(s0.p).add(b0wp).value(),
                f(25).add(s0.w).add(b0.w).value(),
                f(26).add(s0.p).add(b0.p).value(),
                f(27).add(b0.p).add(b1.p).value(),
                f(28).add(s1.p).add(s0.p).value(),
                f(29).add(s1.w).add(s0.w).value(),
                f(30).add(s1.p).add(s0wp).value(),
                f(31).add(s1.w).add(s1.p).add(s0.p).value(),
                f(32).add(s1.w).add(s0.w).add(b0.p).value(),
                // Triples of tags.
                f(40).add(b0.p).add(b1.p).add(b2.p).value(),
                f(41).add(s0.p).add(b0.p).add(b1.p).value(),
                f(42).add(s1.p).add(s0.p).add(b0.p).value(),
                f(43).add(s0.p).add(s0l1.p).add(b0.p).value(),
                f(44).add(s0.p).add(s0r1.p).add(b0.p).value(),
                f(45).add(s0.p).add(b0.p).add(b0l1.p).value(),
                f(46).add(s2.p).add(s1.p).add(s0.p).value(),
                f(47).add(s1.p).add(s1r1.p).add(s0.p).value(),
                f(48).add(s1.p).add(s0.p).add(s0l1.p).value(),
                f(49).add(s1.p).add(s0.p).add(s0r1.p).value(),
                f(50).add(s1.p).add(s0.p).add(b0.p).add(b1.p).value(),
                // Distance.
                f(60).add(s0.w).add(dist).value(),
                f(61).add(s0.p).add(dist).value(),
                f(62).add(b0.w).add(dist).value(),
                f(63).add(b0.p).add(dist).value(),
                f(64).add(s0.w).add(b0.w).add(dist).value(),
                f(65).add(s0.p).add(b0.p).add(dist).value(),
                f(66).add(s1.p).add(s0.p).add(d1).value(),
                f(67).add(s1.w).add(s0.p).add(d1).value(),
                // Valency.
                f(70).add(s0.w).add(s0vr).value(),
                f(71).add(s0.p).add(s0vr).value(),
                f(72).add(s0.w).add(s0vl).value(),
                f(73).add(s0.p).add(s0vl).value(),
                f(74).add(b0.w).add(b0vl).value(),
                f(75).add(b0.p).add(b0vl).value(),
                f(76).add(s1.p).add(s1vr).value(),
                // Dependents.
                f(80).add(s0l1.w).value(),
                f(81).add(s0l1.p).value(),
                f(82).add(s0r1.w).value(),
                f(83).add(s0r1.p).value(),
                f(84).add(b0l1.w).value(),
                f(85).add(b0l1.p).value(),
                f(86).add(s0l2.p).value(),
                f(87).add(s0r2.p).value(),
                f(88).add(b0l2.p).value(),
                f(89).add(s0.p).add(s0l1.p).add(s0l2.p).value(),
                f(90).add(s0.p).add(s0r1.p).add(s0r2.p).value(),
                f(91).add(b0.p).add(b0l1.p).add(b0l2.p).value(),
                f(92).add(s1r1.p).value(),
                f(93).add(s1r1.w).value(),
                f(94).add(s1l1.p).value(),
                f(95).add(s1.p).add(s1l1.p).add(s1r1.p).value(),
                // Universal tags, coarser than Penn's.
                f(100).add(s0.u).add(b0.u).add(s1.u).value(),
                f(101).add(s0.u).add(b0.u).add(b1.u).value(),
                f(102).add(s0.u).add(s0l1.u).add(s0r1.u).add(b0.u).value(),
                f(103).add(s0.u).add(b0.u).value(),
                f(104).add(s1.u).add(s0.u).value(),
                f(105).add(s0.u).add(b0.u).add(dist).value(),
                f(106).add(b0.u).add(b1.u).add(b2.u).value(),
                f(107).add(s1.u).add(s0.u).add(b0.u).add(b1.u).value(),
                f(108).add(s0.u).add(b0.u).add(b0l1.u).value(),
                f(109).add(s0.u).add(s0vl).add(s0vr).value(),
                f(110).add(s2.u).add(s1.u).add(s0.u).value(),
                f(111).add(s0.w).add(b0.u).add(b1.u).value(),
                f(112).add(s0.u).add(b0.w).add(b0.u).value(),
                // Labels of the dependents so far.
                f(120).add(self.label_of(s0l1i)).value(),
                f(121).add(self.label_of(s0r1i)).value(),
                f(122).add(self.label_of(b0l1i)).value(),
                f(123).add(self.label_of(s1r1i)).value(),
                f(124)
                    .add(self.label_of(s0l2i))
                    .add(self.label_of(s0l1i))
                    .value(),
                f(125)
                    .add(self.label_of(s0r2i))
                    .add(self.label_of(s0r1i))
                    .value(),
                f(126).add(s0.w).add(State::set_of(&self.rset, s0i)).value(),
                f(127).add(s0.p).add(State::set_of(&self.rset, s0i)).value(),
                f(128).add(s0.w).add(State::set_of(&self.lset, s0i)).value(),
                f(129).add(s0.p).add(State::set_of(&self.lset, s0i)).value(),
                f(130).add(b0.w).add(State::set_of(&self.lset, b0i)).value(),
                f(131).add(b0.p).add(State::set_of(&self.lset, b0i)).value(),
                f(132)
                    .add(s1.p)
                    .add(State::set_of(&self.rset, s1i))
                    .add(s0.p)
                    .value(),
                f(160).add(s0.c).value(),
                f(161).add(b0.c).value(),
                f(162).add(b1.c).value(),
                f(163).add(s1.c).value(),
                f(164).add(s0.c).add(b0.c).value(),
                f(165).add(s0.c).add(b0.p).value(),
                f(166).add(s0.p).add(b0.c).value(),
                f(167).add(s1.c).add(s0.c).value(),
                f(168).add(s0.c).add(b0.c).add(dist).value(),
            ],
        );
        if guided {
            self.guide_features(toks, out);
        }
    }
}

/// Distance buckets: 1, 2, 3, 4, 5-7, 8-12, 13+.
#[inline]
fn bucket(d: u32) -> u64 {
    match d {
        0..=4 => u64::from(d),
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

const AUX_UPOS: u64 = super::Upos::Aux as u64;
const PART_UPOS: u64 = super::Upos::Part as u64;

/// A dependency parser and arc labeller.
#[derive(Debug, Clone)]
pub struct DepParser {
    pub(crate) labels: Vec<Box<str>>,
    pub(crate) root_label: u8,
    pub(crate) moves: Moves,
    pub(crate) labeller: Weights,
    /// A parser of the words right to left whose tree this one reads as
    /// features (stacking): its errors are not the same.
    pub(crate) guide: Option<Box<DepParser>>,
    /// A neural transition scorer used instead of `moves` when present.
    pub(crate) nn: Option<Box<NnScorer>>,
    /// With a neural scorer, the weight of the perceptron's scores added to
    /// its own (0: not read).
    pub mix: f32,
}

/// Reusable buffers of one parse.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) state: State,
    pub(crate) feats: Vec<u64>,
    /// The guide's state and tokens.
    guide_state: State,
    reversed: Vec<Token>,
    pub(crate) nn: NnScratch,
}

impl DepParser {
    /// The label names, in id order.
    pub fn label_names(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(AsRef::as_ref)
    }

    /// The name of label `id`.
    pub(crate) fn label(&self, id: u8) -> &str {
        self.labels
            .get(usize::from(id))
            .map_or("dep", AsRef::as_ref)
    }

    /// Parse the tokens' words: heads (`n` = the root) and labels end in
    /// `state`.
    pub(crate) fn parse(&self, toks: &mut [Token], sc: &mut Scratch) {
        if let Some(guide) = &self.guide {
            reversed(toks, &mut sc.reversed);
            guide.run(
                &sc.reversed,
                &mut sc.guide_state,
                &mut sc.feats,
                &mut sc.nn,
                false,
            );
            set_guide(toks, &sc.guide_state.heads, &sc.guide_state.labels);
        }
        self.run(
            toks,
            &mut sc.state,
            &mut sc.feats,
            &mut sc.nn,
            self.guide.is_some(),
        );
    }

    /// Parse with this model alone; heads and labels end in `st`.
    pub(crate) fn run(
        &self,
        toks: &[Token],
        st: &mut State,
        feats: &mut Vec<u64>,
        nsc: &mut NnScratch,
        guided: bool,
    ) {
        let n = toks.len().saturating_sub(1);
        st.reset(n);
        if let Some(nn) = &self.nn {
            nsc.ids.clear();
            nsc.ids.extend(toks[..n].iter().map(|t| nn.ids(t)));
            nn.encode(nsc);
        }
        while !st.done() {
            let valid = [SHIFT, LEFT, RIGHT].map(|t| st.valid(t));
            // A move that is the only valid one needs no scores (the first
            // stack word, the stack emptied onto the root).
            let s = if valid.iter().filter(|&&v| v).count() > 1 {
                match &self.nn {
                    Some(nn) if self.mix > 0.0 => {
                        let mut s = nn.scores(st, nsc);
                        st.features(toks, guided, feats);
                        let q = self.moves.real_scores(feats);
                        for t in 0..3 {
                            s[t] += self.mix * q[t];
                        }
                        s
                    }
                    Some(nn) => nn.scores(st, nsc),
                    None => {
                        st.features(toks, guided, feats);
                        self.moves.scores(feats).map(|v| v as f32)
                    }
                }
            } else {
                [0.0; 3]
            };
            let mut best = usize::MAX;
            for t in [SHIFT, LEFT, RIGHT] {
                if valid[t] && (best == usize::MAX || s[t] > s[best]) {
                    best = t;
                }
            }
            if best == usize::MAX {
                break;
            }
            if let Some((h, d)) = st.apply(best, toks) {
                let label = self.label_arc(st, toks, h, d, feats, nsc);
                st.set_label(d, label);
            }
        }
        st.heads.truncate(n);
        st.labels.truncate(n);
    }

    /// The label of the arc just made from `h` to `d`.
    pub(crate) fn label_arc(
        &self,
        st: &State,
        toks: &[Token],
        h: u32,
        d: u32,
        feats: &mut Vec<u64>,
        nsc: &mut NnScratch,
    ) -> u8 {
        if h as usize + 1 >= toks.len() {
            return self.root_label;
        }
        if let Some(nn) = self.nn.as_ref().filter(|nn| nn.dims.labels > 0) {
            nn.label_scores(h as usize, d as usize, nsc);
            let mut best = usize::MAX;
            for (t, &s) in nsc.lout.iter().enumerate() {
                if t != usize::from(self.root_label) && (best == usize::MAX || s > nsc.lout[best]) {
                    best = t;
                }
            }
            if best != usize::MAX {
                return best as u8;
            }
        }
        st.label_features(toks, h, d, feats);
        self.labeller.best_except(feats, u16::from(self.root_label)) as u8
    }

    /// The model as bytes (the [file format](self)).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u16(&mut out, FORMAT_VERSION);
        put_u32(&mut out, FEATURE_VERSION);
        put_u16(&mut out, self.labels.len() as u16);
        for name in &self.labels {
            put_str(&mut out, name);
        }
        out.push(self.root_label);
        self.moves.write(&mut out);
        self.labeller.write(&mut out);
        match &self.guide {
            Some(g) => {
                out.push(1);
                let bytes = g.to_bytes();
                put_u32(&mut out, bytes.len() as u32);
                out.extend_from_slice(&bytes);
            }
            None => out.push(0),
        }
        // The neural scorer, when there is one (a perceptron parser's file
        // ends before it, as in the files of before).
        if let Some(nn) = &self.nn {
            out.push(1);
            nn.write(&mut out);
            out.extend_from_slice(&self.mix.to_le_bytes());
        }
        out
    }

    /// A model from [`DepParser::to_bytes`].
    ///
    /// # Errors
    ///
    /// A message saying what is wrong when the bytes are not a parser model of
    /// this format and feature-set version.
    pub fn from_bytes(bytes: &[u8]) -> Result<DepParser, String> {
        let mut rd = Reader::new(bytes);
        let r = &mut rd;
        r.header(MAGIC, FORMAT_VERSION, FEATURE_VERSION, "parser")?;
        let n = usize::from(r.u16()?);
        if n == 0 || n > MAX_TAGS {
            return Err(format!("{n} labels"));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.string()?.into_boxed_str());
        }
        let root_label = r.u8()?;
        if usize::from(root_label) >= n {
            return Err("root label out of range".into());
        }
        let moves = Moves::read(r)?;
        let labeller = Weights::read(r)?;
        if labeller.tags != n {
            return Err("label counts do not match".into());
        }
        let guide = match r.u8()? {
            0 => None,
            1 => {
                let len = r.u32()? as usize;
                let g = DepParser::from_bytes(r.take(len)?)?;
                if g.guide.is_some() || g.labels != labels {
                    return Err("bad guide parser".into());
                }
                Some(Box::new(g))
            }
            _ => return Err("bad guide flag".into()),
        };
        let (nn, mix) = if r.at_end() {
            (None, 0.0)
        } else {
            match r.u8()? {
                1 => {
                    let nn = NnScorer::read(r)?;
                    if nn.dims.labels != 0 && nn.dims.labels != n {
                        return Err("the network's relations do not match".into());
                    }
                    let b = r.take(4)?;
                    let mix = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                    if !mix.is_finite() || mix < 0.0 {
                        return Err("bad perceptron weight".into());
                    }
                    (Some(Box::new(nn)), mix)
                }
                _ => return Err("bad network flag".into()),
            }
        };
        if !r.at_end() {
            return Err("trailing bytes".into());
        }
        Ok(DepParser {
            labels,
            root_label,
            moves,
            labeller,
            guide,
            nn,
            mix,
        })
    }

    /// The model without the transition features whose weights are all
    /// below `min` (absolute): smaller and faster, a little less accurate.
    #[doc(hidden)]
    #[must_use]
    pub fn pruned(&self, min: f32) -> DepParser {
        DepParser {
            moves: self.moves.pruned(min),
            ..self.clone()
        }
    }

    /// The mean of several parsers of the same labels (weights averaged),
    /// without the label weights whose mean is under `label_min`.
    #[doc(hidden)]
    #[must_use]
    pub fn mean(all: &[&DepParser], label_min: f32) -> DepParser {
        let moves: Vec<&Moves> = all.iter().map(|p| &p.moves).collect();
        let labels: Vec<&Weights> = all.iter().map(|p| &p.labeller).collect();
        DepParser {
            moves: Moves::mean(&moves),
            labeller: Weights::mean(&labels, label_min),
            ..all[0].clone()
        }
    }

    /// This neural parser with the transition weights of a perceptron
    /// parser added to its scores, times `weight`.
    #[doc(hidden)]
    #[must_use]
    pub fn mixed(&self, perceptron: &DepParser, weight: f32) -> DepParser {
        DepParser {
            moves: perceptron.moves.clone(),
            mix: weight,
            ..self.clone()
        }
    }

    /// Number of weighted transition and label features.
    pub fn feature_counts(&self) -> (usize, usize) {
        (self.moves.len(), self.labeller.len())
    }
}
