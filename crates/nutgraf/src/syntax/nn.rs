//! The parser's neural scorer (Kiperwasser and Goldberg 2016): stacked
//! bidirectional LSTMs read the sentence's words (embeddings of the
//! lower-cased form, the word class, both tags and the last three letters),
//! and a network with one hidden layer scores `SHIFT`, `LEFT` and `RIGHT`
//! from the LSTM vectors of the top three stack words and the front of the
//! buffer (and, with eight positions, of the outermost dependents of the
//! first two stack words and of the buffer front). A second small network
//! names each arc from the vectors of its head and its dependent. Every word
//! is encoded once, and each word's share of each hidden layer for each
//! position it may take is computed once, so a transition costs a sum of
//! four to eight vectors, a `tanh` and three dot products.
//!
//! Trained by [`super::nntrain`]; `nutgraf-eval train-syntax --neural`.
//!
//! ## File format
//!
//! Little-endian, inside the parser file after the labeller: `u16` sizes of
//! the five embeddings, of the LSTM (each direction), of the hidden layer and
//! the number of LSTM layers, of positions read and of relations labelled
//! (0: none);
//! for each table, a keyed one's vocabulary (`u32` count, then each key as
//! `u64`: row 0 is the unknown) or a tag table's `u32` rows; then `u32`
//! parameter count and the parameters as `f32`: the embedding tables; per
//! LSTM (layer by layer, left to right first) its input weights, recurrent
//! weights and biases; the hidden layer's blocks, bias, output weights and
//! biases; the labeller's bias, output weights and biases; the vectors of the
//! root and of an empty position.

// The network code follows the usual notation (h, c, x, g, n...).
#![allow(clippy::many_single_char_names)]

use std::collections::HashMap;

use super::depparse::{State, Token, NONE};
use super::tagger::{put_u16, put_u32, Reader};
use crate::entities::features::IdBuild;

/// Most positions the scorer reads: the top three stack words, the front of
/// the buffer, then the leftmost and rightmost dependents of the top of the
/// stack, the rightmost of the word under it, the leftmost of the front of
/// the buffer.
pub const MAX_SLOTS: usize = 8;

/// Embedding tables of a word: its lower-cased form, its word class, its
/// Penn tag, its universal tag, its last three letters.
pub(crate) const EMB: usize = 5;
/// Tables whose rows are found by a hashed key (the others by tag id).
const KEYED: [bool; EMB] = [true, true, false, false, true];

/// Sizes of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NnDims {
    /// Embedding sizes: form, word class, Penn tag, universal tag, suffix.
    pub emb: [usize; EMB],
    /// LSTM state size of each direction.
    pub lstm: usize,
    /// Hidden layer size of the transition scorer.
    pub hidden: usize,
    /// Stacked bidirectional LSTMs (1 to [`MAX_LAYERS`]).
    pub layers: usize,
    /// Positions read (4 or [`MAX_SLOTS`]).
    pub slots: usize,
    /// Relations the network labels (0: the arcs are labelled by the
    /// perceptron labeller alone).
    pub labels: usize,
}

/// Most stacked LSTM layers.
pub const MAX_LAYERS: usize = 3;

impl NnDims {
    /// Blocks of the hidden layer's shares of a word: one per slot, then
    /// with labels its share as a head and as a dependent of the labeller's
    /// hidden layer.
    pub(crate) fn blocks(&self) -> usize {
        self.slots + if self.labels > 0 { 2 } else { 0 }
    }

    /// Size of one word's input vector.
    pub(crate) fn input(&self) -> usize {
        self.emb.iter().sum()
    }

    /// Where table `k`'s part of the input vector starts.
    pub(crate) fn offset(&self, k: usize) -> usize {
        self.emb[..k].iter().sum()
    }
}

/// Where each parameter block lives in the flat parameter vector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    /// First parameter of each embedding table.
    pub(crate) emb: [usize; EMB],
    /// First parameter after the embeddings (the dense part).
    pub(crate) dense: usize,
    /// Input weights (4h x d), recurrent weights (4h x h), biases (4h) of
    /// LSTM `2 * layer + direction` (0: left to right); a layer above the
    /// first reads the vectors (2h) of the one below.
    pub(crate) wx: [usize; 2 * MAX_LAYERS],
    pub(crate) wh: [usize; 2 * MAX_LAYERS],
    pub(crate) b: [usize; 2 * MAX_LAYERS],
    /// Hidden layer weights of each slot (m x 2h), its bias (m).
    pub(crate) w1: usize,
    pub(crate) b1: usize,
    /// Output weights (3 x m) and biases (3).
    pub(crate) w2: usize,
    pub(crate) b2: usize,
    /// The labeller's hidden bias (m), output weights (labels x m) and
    /// biases (labels).
    pub(crate) lb1: usize,
    pub(crate) lw2: usize,
    pub(crate) lb2: usize,
    /// LSTM-sized vectors of the root and of an empty slot (2h each).
    pub(crate) root: usize,
    pub(crate) none: usize,
    pub(crate) len: usize,
}

impl Layout {
    pub(crate) fn new(d: &NnDims, rows: &[usize; EMB]) -> Layout {
        let mut at = 0usize;
        let mut take = |n: usize| {
            let s = at;
            at += n;
            s
        };
        let (h, m, din) = (d.lstm, d.hidden, d.input());
        let mut emb = [0; EMB];
        for k in 0..EMB {
            emb[k] = take(rows[k] * d.emb[k]);
        }
        let dense = take(0);
        let mut wx = [0; 2 * MAX_LAYERS];
        let mut wh = [0; 2 * MAX_LAYERS];
        let mut b = [0; 2 * MAX_LAYERS];
        for k in 0..2 * d.layers.clamp(1, MAX_LAYERS) {
            wx[k] = take(4 * h * if k < 2 { din } else { 2 * h });
            wh[k] = take(4 * h * h);
            b[k] = take(4 * h);
        }
        let w1 = take(d.blocks() * m * 2 * h);
        let b1 = take(m);
        let w2 = take(3 * m);
        let b2 = take(3);
        let lb1 = take(if d.labels > 0 { m } else { 0 });
        let lw2 = take(d.labels * m);
        let lb2 = take(d.labels);
        let root = take(2 * h);
        let none = take(2 * h);
        Layout {
            emb,
            dense,
            wx,
            wh,
            b,
            w1,
            b1,
            w2,
            b2,
            lb1,
            lw2,
            lb2,
            root,
            none,
            len: at,
        }
    }
}

/// The neural scorer: its sizes, vocabularies and parameters.
#[derive(Debug, Clone)]
pub struct NnScorer {
    pub(crate) dims: NnDims,
    /// Rows of each embedding table (row 0 of a keyed table: unknown; the
    /// last row of a tag table: any other tag).
    pub(crate) rows: [usize; EMB],
    /// Each keyed table's keys in row order (from row 1), as written.
    pub(crate) keys: [Vec<u64>; EMB],
    /// Key → row of each keyed table.
    pub(crate) maps: [HashMap<u64, u32, IdBuild>; EMB],
    pub(crate) lay: Layout,
    pub(crate) p: Vec<f32>,
    /// The matrices the encoder multiplies (LSTM input and recurrent
    /// weights, hidden-layer blocks) by columns, at their offsets in `p`:
    /// a product is then a run of `y += a * column`, which vectorizes.
    /// Rebuilt by [`NnScorer::refresh`] whenever `p` changes.
    pub(crate) t: Vec<f32>,
}

/// Buffers of one sentence's encoding (and, in training, of its gradients).
#[derive(Debug, Default, Clone)]
pub(crate) struct NnScratch {
    /// Input vectors (n x d).
    pub(crate) x: Vec<f32>,
    /// Gate activations i, f, g, o of each LSTM (n x 4h each).
    pub(crate) gates: [Vec<f32>; 2 * MAX_LAYERS],
    /// Cell states and outputs of each LSTM (n x h each), in word order.
    pub(crate) c: [Vec<f32>; 2 * MAX_LAYERS],
    pub(crate) h: [Vec<f32>; 2 * MAX_LAYERS],
    /// Each layer's word vectors, both directions side by side (n x 2h),
    /// after dropout.
    pub(crate) outs: [Vec<f32>; MAX_LAYERS],
    /// Each word's vector, then the root's and the empty slot's ((n + 2) x 2h).
    pub(crate) v: Vec<f32>,
    /// Each of those rows' share of the hidden layer for each slot
    /// ((n + 2) x slots x m).
    pub(crate) pre: Vec<f32>,
    /// The hidden layer of the last scored configuration and its rows.
    pub(crate) hid: Vec<f32>,
    /// The labeller's hidden layer and scores of the last arc labelled.
    pub(crate) lhid: Vec<f32>,
    pub(crate) lout: Vec<f32>,
    pub(crate) rows: [usize; MAX_SLOTS],
    /// Embedding rows of each word, one per table.
    pub(crate) ids: Vec<[u32; EMB]>,
    /// Dropout masks of training (already scaled), of the input vectors
    /// (n x d) and of each layer's vectors (n x 2h); empty: none.
    pub(crate) drop_x: Vec<f32>,
    pub(crate) drop_v: [Vec<f32>; MAX_LAYERS],
}

/// `a . b`, summed in a fixed order (eight lanes) whatever the machine.
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 8];
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut tail = 0f32;
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        tail += x * y;
    }
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])) + tail
}

/// `y += a * x`.
#[inline]
pub(crate) fn axpy(y: &mut [f32], a: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += a * x;
    }
}

/// `out += M x` for `M` stored by columns (`cols` of `out.len()` each).
#[inline]
pub(crate) fn matvec_cols(cols: &[f32], x: &[f32], out: &mut [f32]) {
    let rows = out.len();
    for (col, &a) in cols.chunks_exact(rows).zip(x) {
        axpy(out, a, col);
    }
}

/// `out[r] += m[r] . x` for each row of `m` (rows of `x.len()`).
#[inline]
pub(crate) fn matvec(m: &[f32], x: &[f32], out: &mut [f32]) {
    let cols = x.len();
    for (o, row) in out.iter_mut().zip(m.chunks_exact(cols)) {
        *o += dot(row, x);
    }
}

#[inline]
pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

/// `tanh(x)`, from [`exp`] (an absolute error near 1e-7).
#[inline]
pub(crate) fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

/// `e^x` for the network's activations: `2^n e^r` with `|r| <= ln 2 / 2` and
/// `e^r` by its Taylor polynomial of degree 7 (relative error under 2e-7).
/// Written out rather than taken from the C library so that it inlines (the
/// library's `tanhf` and `expf` were a quarter of the parser's time) and
/// gives the same bits on every machine.
#[inline]
pub(crate) fn exp(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    // ln 2 in two parts, the first exact in few bits.
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let n = (x * LOG2_E).round();
    let r = (x - n * LN2_HI) - n * LN2_LO;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0
                    + r * (1.0 / 24.0
                        + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2^n by its exponent bits (n is in -126..=127 after the clamp).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let scale = f32::from_bits(((n as i32 + 127) as u32) << 23);
    p * scale
}

impl NnScorer {
    /// A scorer with zero parameters (training fills them): `keys` of the
    /// keyed tables, `tag_rows` rows of the others.
    pub(crate) fn new(dims: NnDims, keys: [Vec<u64>; EMB], tag_rows: [usize; EMB]) -> NnScorer {
        let mut rows = [0; EMB];
        let mut maps: [HashMap<u64, u32, IdBuild>; EMB] = Default::default();
        for k in 0..EMB {
            if KEYED[k] {
                rows[k] = keys[k].len() + 1;
                maps[k] = keys[k]
                    .iter()
                    .enumerate()
                    .map(|(i, &key)| (key, i as u32 + 1))
                    .collect();
            } else {
                rows[k] = tag_rows[k].max(1);
            }
        }
        let lay = Layout::new(&dims, &rows);
        NnScorer {
            dims,
            rows,
            keys,
            maps,
            p: vec![0.0; lay.len],
            t: vec![0.0; lay.len],
            lay,
        }
    }

    /// Rebuild the by-column copies of the encoder's matrices from `p`.
    pub(crate) fn refresh(&mut self) {
        let d = self.dims;
        let (h, m, din) = (d.lstm, d.hidden, d.input());
        let l = &self.lay;
        let mut blocks = Vec::new();
        for k in 0..2 * d.layers.clamp(1, MAX_LAYERS) {
            blocks.push((l.wx[k], 4 * h, if k < 2 { din } else { 2 * h }));
            blocks.push((l.wh[k], 4 * h, h));
        }
        for s in 0..d.blocks() {
            blocks.push((l.w1 + s * m * 2 * h, m, 2 * h));
        }
        self.t.resize(self.p.len(), 0.0);
        for (at, rows, cols) in blocks {
            for r in 0..rows {
                for c in 0..cols {
                    self.t[at + c * rows + r] = self.p[at + r * cols + c];
                }
            }
        }
    }

    /// The embedding rows of a token.
    #[inline]
    pub(crate) fn ids(&self, t: &Token) -> [u32; EMB] {
        let key = |k: usize, v: u64| self.maps[k].get(&v).copied().unwrap_or(0);
        let tag = |k: usize, v: u64| {
            let last = self.rows[k] - 1;
            usize::try_from(v)
                .ok()
                .filter(|&v| v < last)
                .unwrap_or(last) as u32
        };
        [
            key(0, t.w),
            key(1, t.c),
            tag(2, t.p),
            tag(3, t.u),
            key(4, t.suf),
        ]
    }

    /// Encode a sentence whose embedding rows are in `sc.ids`: fills every
    /// buffer of `sc` but the hidden layer.
    pub(crate) fn encode(&self, sc: &mut NnScratch) {
        let d = &self.dims;
        let (h, m, din) = (d.lstm, d.hidden, d.input());
        let n = sc.ids.len();
        let p = &self.p;
        let l = &self.lay;
        sc.x.clear();
        sc.x.resize(n * din, 0.0);
        for (i, id) in sc.ids.iter().enumerate() {
            let x = &mut sc.x[i * din..(i + 1) * din];
            let mut off = 0;
            for (k, &row) in id.iter().enumerate() {
                let e = d.emb[k];
                let at = l.emb[k] + row as usize * e;
                x[off..off + e].copy_from_slice(&p[at..at + e]);
                off += e;
            }
        }
        if sc.drop_x.len() == sc.x.len() {
            for (x, k) in sc.x.iter_mut().zip(&sc.drop_x) {
                *x *= k;
            }
        }
        let vw = 2 * h;
        let layers = d.layers.clamp(1, MAX_LAYERS);
        for layer in 0..layers {
            let (below, rest) = sc.outs.split_at_mut(layer);
            let (input, dl) = match below.last() {
                Some(o) => (&o[..], vw),
                None => (&sc.x[..], din),
            };
            for k in 2 * layer..2 * layer + 2 {
                let (gates, cs, hs) = (&mut sc.gates[k], &mut sc.c[k], &mut sc.h[k]);
                for (v, len) in [(&mut *gates, 4 * h), (&mut *cs, h), (&mut *hs, h)] {
                    v.clear();
                    v.resize(n * len, 0.0);
                }
                let wx = &self.t[l.wx[k]..l.wx[k] + 4 * h * dl];
                let wh = &self.t[l.wh[k]..l.wh[k] + 4 * h * h];
                let b = &p[l.b[k]..l.b[k] + 4 * h];
                let mut prev: Option<usize> = None;
                for step in 0..n {
                    let i = if k % 2 == 0 { step } else { n - 1 - step };
                    let g = &mut gates[i * 4 * h..(i + 1) * 4 * h];
                    g.copy_from_slice(b);
                    matvec_cols(wx, &input[i * dl..(i + 1) * dl], g);
                    if let Some(j) = prev {
                        matvec_cols(wh, &hs[j * h..(j + 1) * h], g);
                    }
                    for u in 0..h {
                        let ig = sigmoid(g[u]);
                        let fg = sigmoid(g[h + u]);
                        let gg = tanh(g[2 * h + u]);
                        let og = sigmoid(g[3 * h + u]);
                        g[u] = ig;
                        g[h + u] = fg;
                        g[2 * h + u] = gg;
                        g[3 * h + u] = og;
                        let cp = prev.map_or(0.0, |j| cs[j * h + u]);
                        let c = fg * cp + ig * gg;
                        cs[i * h + u] = c;
                        hs[i * h + u] = og * tanh(c);
                    }
                    prev = Some(i);
                }
            }
            let out = &mut rest[0];
            out.clear();
            out.resize(n * vw, 0.0);
            let (hf, hb) = (&sc.h[2 * layer], &sc.h[2 * layer + 1]);
            for i in 0..n {
                out[i * vw..i * vw + h].copy_from_slice(&hf[i * h..(i + 1) * h]);
                out[i * vw + h..(i + 1) * vw].copy_from_slice(&hb[i * h..(i + 1) * h]);
            }
            if sc.drop_v[layer].len() == n * vw {
                for (v, k) in out.iter_mut().zip(&sc.drop_v[layer]) {
                    *v *= k;
                }
            }
        }
        sc.v.clear();
        sc.v.extend_from_slice(&sc.outs[layers - 1]);
        sc.v.resize((n + 2) * vw, 0.0);
        sc.v[n * vw..(n + 1) * vw].copy_from_slice(&p[l.root..l.root + vw]);
        sc.v[(n + 1) * vw..(n + 2) * vw].copy_from_slice(&p[l.none..l.none + vw]);
        sc.pre.clear();
        let ns = d.blocks();
        sc.pre.resize((n + 2) * ns * m, 0.0);
        for r in 0..n + 2 {
            let v = &sc.v[r * vw..(r + 1) * vw];
            for s in 0..ns {
                let w1 = &self.t[l.w1 + s * m * vw..l.w1 + (s + 1) * m * vw];
                let out = &mut sc.pre[(r * ns + s) * m..(r * ns + s + 1) * m];
                matvec_cols(w1, v, out);
            }
        }
    }

    /// The rows (of `sc.v`) the configuration's slots read: `n` is the root,
    /// `n + 1` an empty slot.
    #[inline]
    pub(crate) fn slot_rows(st: &State) -> [usize; MAX_SLOTS] {
        let n = st.n as usize;
        let none = n + 1;
        let k = st.stack.len();
        let s = |d: usize| {
            if d < k {
                let w = st.stack[k - 1 - d];
                if w == NONE {
                    none
                } else {
                    w as usize
                }
            } else {
                none
            }
        };
        let b = (st.b as usize).min(n);
        let dep = |of: usize, v: &[u32]| match v.get(of) {
            Some(&w) if of < n && w != NONE => w as usize,
            _ => none,
        };
        let (s0, s1) = (s(0), s(1));
        [
            s0,
            s1,
            s(2),
            b,
            dep(s0, &st.l1),
            dep(s0, &st.r1),
            dep(s1, &st.r1),
            dep(b, &st.l1),
        ]
    }

    /// Scores of `SHIFT`, `LEFT` and `RIGHT` in configuration `st` of the
    /// sentence encoded in `sc`; the hidden layer stays in `sc.hid`.
    pub(crate) fn scores(&self, st: &State, sc: &mut NnScratch) -> [f32; 3] {
        let m = self.dims.hidden;
        let p = &self.p;
        let l = &self.lay;
        let (ns, nb) = (self.dims.slots, self.dims.blocks());
        let rows = Self::slot_rows(st);
        sc.rows = rows;
        sc.hid.clear();
        sc.hid.extend_from_slice(&p[l.b1..l.b1 + m]);
        for (s, &r) in rows.iter().enumerate().take(ns) {
            let pre = &sc.pre[(r * nb + s) * m..(r * nb + s + 1) * m];
            for (h, x) in sc.hid.iter_mut().zip(pre) {
                *h += x;
            }
        }
        for h in &mut sc.hid {
            *h = tanh(*h);
        }
        let mut out = [0f32; 3];
        for (t, o) in out.iter_mut().enumerate() {
            *o = p[l.b2 + t] + dot(&p[l.w2 + t * m..l.w2 + (t + 1) * m], &sc.hid);
        }
        out
    }

    /// Scores of each relation for an arc from `h` to `d` (words of the
    /// sentence encoded in `sc`), in `sc.lout`; the labeller's hidden layer
    /// stays in `sc.lhid`. Nothing when the network has no labeller.
    pub(crate) fn label_scores(&self, h: usize, d: usize, sc: &mut NnScratch) {
        let (m, nb, ns, labels) = (
            self.dims.hidden,
            self.dims.blocks(),
            self.dims.slots,
            self.dims.labels,
        );
        let (p, l) = (&self.p, &self.lay);
        sc.lhid.clear();
        sc.lout.clear();
        if labels == 0 {
            return;
        }
        sc.lhid.extend_from_slice(&p[l.lb1..l.lb1 + m]);
        let head = &sc.pre[(h * nb + ns) * m..(h * nb + ns + 1) * m];
        let dep = &sc.pre[(d * nb + ns + 1) * m..(d * nb + ns + 2) * m];
        for ((x, a), b) in sc.lhid.iter_mut().zip(head).zip(dep) {
            *x = tanh(*x + a + b);
        }
        sc.lout.extend_from_slice(&p[l.lb2..l.lb2 + labels]);
        matvec(&p[l.lw2..l.lw2 + labels * m], &sc.lhid, &mut sc.lout);
    }

    /// Write the scorer ([file format](self)).
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let d = &self.dims;
        let more = [d.lstm, d.hidden, d.layers, d.slots, d.labels];
        for &v in d.emb.iter().chain(&more) {
            put_u16(out, v as u16);
        }
        for (k, &keyed) in KEYED.iter().enumerate() {
            if keyed {
                put_u32(out, self.keys[k].len() as u32);
                for key in &self.keys[k] {
                    out.extend_from_slice(&key.to_le_bytes());
                }
            } else {
                put_u32(out, self.rows[k] as u32);
            }
        }
        put_u32(out, self.p.len() as u32);
        for v in &self.p {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// Read a scorer written by [`NnScorer::write`].
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<NnScorer, String> {
        let mut dim = || -> Result<usize, String> {
            let v = usize::from(r.u16()?);
            if v == 0 || v > 4096 {
                return Err(format!("network size {v}"));
            }
            Ok(v)
        };
        let mut emb = [0; EMB];
        for e in &mut emb {
            *e = dim()?;
        }
        let dims = NnDims {
            emb,
            lstm: dim()?,
            hidden: dim()?,
            layers: dim()?,
            slots: dim()?,
            labels: usize::from(r.u16()?),
        };
        if dims.layers > MAX_LAYERS || dims.slots > MAX_SLOTS {
            return Err(format!("{} LSTM layers, {} slots", dims.layers, dims.slots));
        }
        let mut keys: [Vec<u64>; EMB] = Default::default();
        let mut tag_rows = [0; EMB];
        for k in 0..EMB {
            let n = r.u32()? as usize;
            if KEYED[k] {
                let bytes = r.take(n.checked_mul(8).ok_or("vocabulary too large")?)?;
                keys[k] = bytes
                    .chunks_exact(8)
                    .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                    .collect();
            } else if n == 0 || n > 4096 {
                return Err(format!("{n} tag rows"));
            } else {
                tag_rows[k] = n;
            }
        }
        let mut nn = NnScorer::new(dims, keys, tag_rows);
        let n = r.u32()? as usize;
        if n != nn.lay.len {
            return Err(format!("{n} network parameters, expected {}", nn.lay.len));
        }
        let bytes = r.take(n.checked_mul(4).ok_or("network too large")?)?;
        for (v, c) in nn.p.iter_mut().zip(bytes.chunks_exact(4)) {
            *v = f32::from_le_bytes(c.try_into().unwrap_or([0; 4]));
        }
        nn.refresh();
        if nn.p.iter().any(|v| !v.is_finite()) {
            return Err("a network parameter is not finite".into());
        }
        Ok(nn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activations_match_the_library() {
        let mut x = -30.0f32;
        while x < 30.0 {
            let e = f64::from(x).exp();
            assert!(((f64::from(exp(x)) - e) / e).abs() < 3e-7, "exp({x})");
            assert!((tanh(x) - x.tanh()).abs() < 3e-7, "tanh({x})");
            let s = 1.0 / (1.0 + (-f64::from(x)).exp());
            assert!((f64::from(sigmoid(x)) - s).abs() < 3e-7, "sigmoid({x})");
            x += 0.0137;
        }
        // Clamped, never infinite or NaN.
        assert_eq!(exp(-1000.0).to_bits(), exp(-87.0).to_bits());
        assert!(exp(1000.0).is_finite());
        assert_eq!(tanh(50.0).to_bits(), 1f32.to_bits());
        assert_eq!(tanh(-50.0).to_bits(), (-1f32).to_bits());
    }
}
