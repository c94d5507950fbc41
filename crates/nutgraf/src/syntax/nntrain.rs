//! Training of the parser's [neural transition scorer](super::nn): the
//! dynamic oracle of Goldberg and Nivre with exploration, as for the
//! perceptron, a hinge loss between the best right and the best wrong move
//! (Kiperwasser and Goldberg 2016), back-propagation through the LSTMs into
//! the embeddings, and Adam. The arc labeller stays an averaged perceptron,
//! trained alongside. Deterministic: one thread, a seeded generator, a fixed
//! summation order.

// The network code follows the usual notation (h, c, x, g, n...).
#![allow(clippy::many_single_char_names)]

use std::collections::{HashMap, HashSet};

use super::conllu::GoldWord;
use super::depparse::{DepParser, State, LEFT, RIGHT, SHIFT};
use super::deptrain::{label_arc, prepare, Sent};
use super::nn::{axpy, Layout, NnDims, NnScorer, NnScratch, EMB};
use super::table::Moves;
use super::train::{shuffle, Learner, Rng};

/// Options of [`train_nn_parser`].
#[derive(Debug, Clone, Copy)]
pub struct NnTrainOptions {
    /// Network sizes (`labels` is set from `neural_labels`). The defaults
    /// are the best of those measured on EWT dev (`data/syntax/README.md`):
    /// dev UAS / LAS 0.8749 / 0.8445 after 20 passes.
    pub dims: NnDims,
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the initial weights, the sentence order, word dropout and
    /// exploration.
    pub seed: u64,
    /// Adam's learning rate.
    pub rate: f32,
    /// Sentences whose gradients are summed before each update.
    pub batch: usize,
    /// From this pass on, the parser follows its own wrong prediction with
    /// probability `explore`.
    pub explore_from: usize,
    /// See `explore_from`.
    pub explore: f64,
    /// Word dropout: a word seen `f` times in training is read as unknown
    /// with probability `alpha / (alpha + f)`, so the unknown row learns.
    pub word_dropout: f32,
    /// Label weights smaller than this (absolute) are dropped.
    pub label_prune: f32,
    /// Dropout of the input vectors' values.
    pub dropout_in: f32,
    /// Dropout of the LSTM vectors' values.
    pub dropout_lstm: f32,
    /// The learning rate is multiplied by this after each pass.
    pub decay: f32,
    /// Whether the network labels the arcs (else the perceptron labeller).
    pub neural_labels: bool,
}

impl Default for NnTrainOptions {
    fn default() -> Self {
        NnTrainOptions {
            dims: NnDims {
                emb: [64, 32, 24, 8, 16],
                lstm: 96,
                hidden: 96,
                layers: 2,
                slots: 8,
                labels: 0,
            },
            epochs: 20,
            seed: 7,
            rate: 1e-3,
            batch: 8,
            explore_from: 1,
            explore: 0.9,
            word_dropout: 0.25,
            label_prune: 0.05,
            dropout_in: 0.25,
            dropout_lstm: 0.25,
            decay: 0.9,
            neural_labels: true,
        }
    }
}

/// Gradients of the scorer's parameters, and which embedding rows they touch.
struct Grads {
    g: Vec<f32>,
    /// First parameter of each touched embedding row, and its length.
    rows: Vec<(usize, usize)>,
    touched: Vec<bool>,
    /// Gradients of each row of `sc.v` ((n + 2) x 2h) and of `sc.pre`.
    dv: Vec<f32>,
    dpre: Vec<f32>,
    /// LSTM gradients flowing back: into h and c, and the gates'.
    dh: Vec<f32>,
    dc: Vec<f32>,
    dz: Vec<f32>,
    dx: Vec<f32>,
    dout: Vec<f32>,
    /// Gradient of a hidden layer (reused from call to call).
    dhid: Vec<f32>,
}

/// Adam's moments.
struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
    t: i32,
}

/// A draw from [0, 1).
fn unit(rng: &mut Rng) -> f32 {
    uniform(rng, 0.5) + 0.5
}

fn uniform(rng: &mut Rng, a: f32) -> f32 {
    let u = rng.below(1 << 24) as f32 / (1u32 << 24) as f32;
    (2.0 * u - 1.0) * a
}

/// Fill the parameters: Glorot-uniform matrices, small embeddings, forget
/// gate biases at 1.
fn init(nn: &mut NnScorer, rng: &mut Rng) {
    let d = nn.dims;
    let (h, m, din) = (d.lstm, d.hidden, d.input());
    let l = nn.lay.clone();
    let p = &mut nn.p;
    for v in &mut p[..l.dense] {
        *v = uniform(rng, 0.3);
    }
    // A rows x cols matrix that is part of one of `fan_in` inputs.
    let mut glorot = |p: &mut [f32], start: usize, rows: usize, cols: usize, fan_in: usize| {
        let a = (6.0 / (rows + fan_in) as f32).sqrt();
        for v in &mut p[start..start + rows * cols] {
            *v = uniform(rng, a);
        }
    };
    for k in 0..2 * d.layers.clamp(1, super::nn::MAX_LAYERS) {
        let dl = if k < 2 { din } else { 2 * h };
        glorot(p, l.wx[k], 4 * h, dl, dl);
        glorot(p, l.wh[k], 4 * h, h, h);
        for v in &mut p[l.b[k] + h..l.b[k] + 2 * h] {
            *v = 1.0;
        }
    }
    for s in 0..d.slots {
        glorot(p, l.w1 + s * m * 2 * h, m, 2 * h, 2 * h * d.slots);
    }
    for s in d.slots..d.blocks() {
        glorot(p, l.w1 + s * m * 2 * h, m, 2 * h, 4 * h);
    }
    glorot(p, l.lw2, d.labels, m, m);
    glorot(p, l.w2, 3, m, m);
    glorot(p, l.root, 1, 2 * h, 2 * h);
    glorot(p, l.none, 1, 2 * h, 2 * h);
}

impl Grads {
    fn new(len: usize) -> Grads {
        Grads {
            g: vec![0.0; len],
            rows: Vec::new(),
            touched: vec![false; len],
            dv: Vec::new(),
            dpre: Vec::new(),
            dh: Vec::new(),
            dc: Vec::new(),
            dz: Vec::new(),
            dx: Vec::new(),
            dout: Vec::new(),
            dhid: Vec::new(),
        }
    }

    /// Start a sentence of `n` words.
    fn reset_sentence(&mut self, nn: &NnScorer, n: usize) {
        let (h, m) = (nn.dims.lstm, nn.dims.hidden);
        self.dpre.clear();
        self.dpre.resize((n + 2) * nn.dims.blocks() * m, 0.0);
        self.dv.clear();
        self.dv.resize((n + 2) * 2 * h, 0.0);
    }

    /// Back-propagate a loss whose gradient with respect to the three scores
    /// is `ds`, at the configuration last scored in `sc`.
    fn output(&mut self, nn: &NnScorer, sc: &NnScratch, ds: [f32; 3]) {
        let (m, ns, nb) = (nn.dims.hidden, nn.dims.slots, nn.dims.blocks());
        let l = &nn.lay;
        let mut dhid = std::mem::take(&mut self.dhid);
        dhid.clear();
        dhid.resize(m, 0.0);
        for (t, &d) in ds.iter().enumerate() {
            if d == 0.0 {
                continue;
            }
            axpy(&mut self.g[l.w2 + t * m..l.w2 + (t + 1) * m], d, &sc.hid);
            self.g[l.b2 + t] += d;
            axpy(&mut dhid, d, &nn.p[l.w2 + t * m..l.w2 + (t + 1) * m]);
        }
        for (dz, &hv) in dhid.iter_mut().zip(&sc.hid) {
            *dz *= 1.0 - hv * hv;
        }
        axpy(&mut self.g[l.b1..l.b1 + m], 1.0, &dhid);
        for (s, &r) in sc.rows.iter().enumerate().take(ns) {
            axpy(
                &mut self.dpre[(r * nb + s) * m..(r * nb + s + 1) * m],
                1.0,
                &dhid,
            );
        }
        self.dhid = dhid;
    }

    /// Back-propagate the cross-entropy of relation `gold` for the arc
    /// last labelled in `sc`, from `h` to `d`; the loss.
    fn label(&mut self, nn: &NnScorer, sc: &NnScratch, h: usize, d: usize, gold: usize) -> f32 {
        let (m, nb, ns) = (nn.dims.hidden, nn.dims.blocks(), nn.dims.slots);
        let (l, p) = (&nn.lay, &nn.p);
        let max = sc.lout.iter().copied().fold(f32::MIN, f32::max);
        let sum: f32 = sc.lout.iter().map(|&s| (s - max).exp()).sum();
        let mut dhid = std::mem::take(&mut self.dhid);
        dhid.clear();
        dhid.resize(m, 0.0);
        for (k, &s) in sc.lout.iter().enumerate() {
            let dk = (s - max).exp() / sum - if k == gold { 1.0 } else { 0.0 };
            axpy(
                &mut self.g[l.lw2 + k * m..l.lw2 + (k + 1) * m],
                dk,
                &sc.lhid,
            );
            self.g[l.lb2 + k] += dk;
            axpy(&mut dhid, dk, &p[l.lw2 + k * m..l.lw2 + (k + 1) * m]);
        }
        for (dz, &x) in dhid.iter_mut().zip(&sc.lhid) {
            *dz *= 1.0 - x * x;
        }
        axpy(&mut self.g[l.lb1..l.lb1 + m], 1.0, &dhid);
        axpy(
            &mut self.dpre[(h * nb + ns) * m..(h * nb + ns + 1) * m],
            1.0,
            &dhid,
        );
        axpy(
            &mut self.dpre[(d * nb + ns + 1) * m..(d * nb + ns + 2) * m],
            1.0,
            &dhid,
        );
        self.dhid = dhid;
        (max + sum.ln()) - sc.lout.get(gold).copied().unwrap_or(0.0)
    }

    fn touch(&mut self, start: usize, len: usize) {
        if !self.touched[start] {
            self.touched[start] = true;
            self.rows.push((start, len));
        }
    }

    /// Back-propagate through LSTM `k` (direction `k % 2`) the gradients
    /// of its outputs (in `self.dout`, its half of each row), adding the
    /// gradients of its input rows (`dl` wide) to `self.dx`.
    fn lstm_back(&mut self, nn: &NnScorer, sc: &NnScratch, k: usize, input: &[f32], dl: usize) {
        let h = nn.dims.lstm;
        let vw = 2 * h;
        let (l, p) = (&nn.lay, &nn.p);
        let n = sc.ids.len();
        let half = (k % 2) * h;
        self.dh.clear();
        self.dh.resize(h, 0.0);
        self.dc.clear();
        self.dc.resize(h, 0.0);
        self.dz.clear();
        self.dz.resize(4 * h, 0.0);
        let (wx, wh, b) = (l.wx[k], l.wh[k], l.b[k]);
        // Steps in reverse processing order.
        for step in (0..n).rev() {
            let i = if k % 2 == 0 { step } else { n - 1 - step };
            let prev = if step == 0 {
                None
            } else if k % 2 == 0 {
                Some(i - 1)
            } else {
                Some(i + 1)
            };
            let g = &sc.gates[k][i * 4 * h..(i + 1) * 4 * h];
            for u in 0..h {
                let dh = self.dh[u] + self.dout[i * vw + half + u];
                let (ig, fg, gg, og) = (g[u], g[h + u], g[2 * h + u], g[3 * h + u]);
                let c = sc.c[k][i * h + u];
                let tc = super::nn::tanh(c);
                let dc = self.dc[u] + dh * og * (1.0 - tc * tc);
                let cp = prev.map_or(0.0, |j| sc.c[k][j * h + u]);
                self.dz[u] = dc * gg * ig * (1.0 - ig);
                self.dz[h + u] = dc * cp * fg * (1.0 - fg);
                self.dz[2 * h + u] = dc * ig * (1.0 - gg * gg);
                self.dz[3 * h + u] = dh * tc * og * (1.0 - og);
                self.dc[u] = dc * fg;
            }
            let x = &input[i * dl..(i + 1) * dl];
            for r in 0..4 * h {
                let dz = self.dz[r];
                if dz == 0.0 {
                    continue;
                }
                self.g[b + r] += dz;
                axpy(&mut self.g[wx + r * dl..wx + (r + 1) * dl], dz, x);
                axpy(
                    &mut self.dx[i * dl..(i + 1) * dl],
                    dz,
                    &p[wx + r * dl..wx + (r + 1) * dl],
                );
            }
            self.dh.iter_mut().for_each(|v| *v = 0.0);
            if let Some(j) = prev {
                let hp = &sc.h[k][j * h..(j + 1) * h];
                for r in 0..4 * h {
                    let dz = self.dz[r];
                    if dz == 0.0 {
                        continue;
                    }
                    axpy(&mut self.g[wh + r * h..wh + (r + 1) * h], dz, hp);
                    axpy(&mut self.dh, dz, &p[wh + r * h..wh + (r + 1) * h]);
                }
            }
        }
    }

    /// Back-propagate the sentence's accumulated gradients through the
    /// hidden layer's shares, the LSTMs and into the embeddings.
    fn sentence(&mut self, nn: &NnScorer, sc: &NnScratch) {
        let d = nn.dims;
        let (h, m, din) = (d.lstm, d.hidden, d.input());
        let vw = 2 * h;
        let l = &nn.lay;
        let p = &nn.p;
        let n = sc.ids.len();
        let ns = d.blocks();
        for r in 0..n + 2 {
            for s in 0..ns {
                let dp = &self.dpre[(r * ns + s) * m..(r * ns + s + 1) * m];
                if dp.iter().all(|&v| v == 0.0) {
                    continue;
                }
                let v = &sc.v[r * vw..(r + 1) * vw];
                let w1 = l.w1 + s * m * vw;
                for (k, &dk) in dp.iter().enumerate() {
                    axpy(&mut self.g[w1 + k * vw..w1 + (k + 1) * vw], dk, v);
                    axpy(
                        &mut self.dv[r * vw..(r + 1) * vw],
                        dk,
                        &p[w1 + k * vw..w1 + (k + 1) * vw],
                    );
                }
            }
        }
        let (root, none) = (n * vw, (n + 1) * vw);
        for (at, from) in [(l.root, root), (l.none, none)] {
            for k in 0..vw {
                self.g[at + k] += self.dv[from + k];
            }
        }
        // Gradients of the top layer's vectors, then down the layers: each
        // layer's input gradient is the output gradient of the one below.
        let layers = d.layers.clamp(1, super::nn::MAX_LAYERS);
        self.dout.clear();
        self.dout.extend_from_slice(&self.dv[..n * vw]);
        for layer in (0..layers).rev() {
            if sc.drop_v[layer].len() == n * vw {
                for (g, k) in self.dout.iter_mut().zip(&sc.drop_v[layer]) {
                    *g *= k;
                }
            }
            let (input, dl) = if layer == 0 {
                (&sc.x[..], din)
            } else {
                (&sc.outs[layer - 1][..], vw)
            };
            self.dx.clear();
            self.dx.resize(n * dl, 0.0);
            for k in 2 * layer..2 * layer + 2 {
                self.lstm_back(nn, sc, k, input, dl);
            }
            std::mem::swap(&mut self.dout, &mut self.dx);
        }
        // `dout` now holds the gradients of the input vectors.
        std::mem::swap(&mut self.dout, &mut self.dx);
        if sc.drop_x.len() == n * din {
            for (g, k) in self.dx.iter_mut().zip(&sc.drop_x) {
                *g *= k;
            }
        }
        for (i, id) in sc.ids.iter().enumerate() {
            for (k, &row) in id.iter().enumerate() {
                let (e, off) = (d.emb[k], d.offset(k));
                if e == 0 {
                    continue;
                }
                let at = l.emb[k] + row as usize * e;
                for j in 0..e {
                    self.g[at + j] += self.dx[i * din + off + j];
                }
                self.touch(at, e);
            }
        }
    }
}

impl Adam {
    /// One step over the dense parameters and the touched embedding rows;
    /// clears the gradients.
    fn step(&mut self, p: &mut [f32], gr: &mut Grads, lay: &Layout, rate: f32) {
        self.t += 1;
        let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
        let c1 = 1.0 - b1.powi(self.t);
        let c2 = 1.0 - b2.powi(self.t);
        let lr = rate * c2.sqrt() / c1;
        let mut update = |k: usize, g: &mut f32| {
            let m = &mut self.m[k];
            let v = &mut self.v[k];
            *m = b1 * *m + (1.0 - b1) * *g;
            *v = b2 * *v + (1.0 - b2) * *g * *g;
            p[k] -= lr * *m / (v.sqrt() + eps);
            *g = 0.0;
        };
        for k in lay.dense..lay.len {
            update(k, &mut gr.g[k]);
        }
        gr.rows.sort_unstable();
        for &(start, len) in &gr.rows {
            for k in start..start + len {
                update(k, &mut gr.g[k]);
            }
        }
        for &(start, _) in &gr.rows {
            gr.touched[start] = false;
        }
        gr.rows.clear();
    }
}

/// Train a parser with a neural transition scorer on gold trees whose words
/// carry predicted tags (as [`super::deptrain::train_parser`]), calling
/// `after_epoch` with the pass number and the model after each pass.
///
/// # Errors
///
/// As [`super::deptrain::train_parser`].
pub fn train_nn_parser(
    sentences: &[Vec<GoldWord>],
    tags: &[(Vec<u16>, Vec<u16>)],
    opts: &NnTrainOptions,
    mut after_epoch: impl FnMut(usize, &DepParser),
) -> Result<DepParser, String> {
    let (labels, root_label, data) = prepare(sentences, tags)?;
    // Vocabularies, in the order first seen: every lower-cased form, word
    // class and suffix of the training data; the tags by id.
    let mut freq: HashMap<u64, u32> = HashMap::new();
    let mut keys: [Vec<u64>; EMB] = Default::default();
    let mut seen: [HashSet<u64>; EMB] = Default::default();
    let mut max_tag = [0u64; EMB];
    for s in &data {
        for t in &s.toks[..s.heads.len()] {
            *freq.entry(t.w).or_insert(0) += 1;
            for (k, v) in [(0, t.w), (1, t.c), (4, t.suf)] {
                if seen[k].insert(v) {
                    keys[k].push(v);
                }
            }
            max_tag[2] = max_tag[2].max(t.p);
            max_tag[3] = max_tag[3].max(t.u);
        }
    }
    let tag_rows = max_tag.map(|m| m as usize + 2);
    let dims = NnDims {
        labels: if opts.neural_labels { labels.len() } else { 0 },
        ..opts.dims
    };
    let mut nn = NnScorer::new(dims, keys, tag_rows);
    let mut rng = Rng(opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    init(&mut nn, &mut rng);
    nn.refresh();
    let word_freq: Vec<f32> = std::iter::once(0.0)
        .chain(nn.keys[0].iter().map(|k| freq[k] as f32))
        .collect();

    let mut gr = Grads::new(nn.lay.len);
    let mut adam = Adam {
        m: vec![0.0; nn.lay.len],
        v: vec![0.0; nn.lay.len],
        t: 0,
    };
    let mut ll = Learner::new(labels.len());
    let mut st = State::default();
    let mut sc = NnScratch::default();
    let mut feats = Vec::with_capacity(96);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let model_of = |nn: &NnScorer, ll: &Learner| DepParser {
        labels: labels.clone(),
        root_label,
        moves: Moves::from_rows(Vec::new()),
        // A network that labels needs no perceptron labeller: an empty one
        // (of the same relations) keeps the file small.
        labeller: ll.average(if nn.dims.labels > 0 {
            f32::INFINITY
        } else {
            opts.label_prune
        }),
        guide: None,
        nn: Some(Box::new(nn.clone())),
        mix: 0.0,
    };
    let mut rate = opts.rate;
    for epoch in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut total, mut loss) = (0usize, 0usize, 0f64);
        let mut label_loss = 0f64;
        for (b, &k) in order.iter().enumerate() {
            let s: &Sent = &data[k];
            let n = s.heads.len();
            sc.ids.clear();
            for t in &s.toks[..n] {
                let mut id = nn.ids(t);
                let f = word_freq[id[0] as usize];
                let drop = opts.word_dropout / (opts.word_dropout + f);
                if id[0] != 0 && unit(&mut rng) < drop {
                    id[0] = 0;
                }
                sc.ids.push(id);
            }
            let (din, vw) = (opts.dims.input(), 2 * opts.dims.lstm);
            let masks = std::iter::once((&mut sc.drop_x, n * din, opts.dropout_in)).chain(
                sc.drop_v[..opts.dims.layers]
                    .iter_mut()
                    .map(|m| (m, n * vw, opts.dropout_lstm)),
            );
            for (mask, len, rate) in masks {
                mask.clear();
                let keep = 1.0 / (1.0 - rate);
                mask.extend((0..len).map(|_| if unit(&mut rng) < rate { 0.0 } else { keep }));
            }
            nn.encode(&mut sc);
            gr.reset_sentence(&nn, n);
            st.reset(n);
            while !st.done() {
                let costs = st.costs(&s.heads);
                let valid = costs.iter().filter(|&&c| c != u32::MAX).count();
                if valid == 0 {
                    break;
                }
                let scores = nn.scores(&st, &mut sc);
                let min = *costs.iter().min().unwrap_or(&0);
                let (mut pred, mut gold, mut wrong) = (usize::MAX, usize::MAX, usize::MAX);
                for t in [SHIFT, LEFT, RIGHT] {
                    if costs[t] == u32::MAX {
                        continue;
                    }
                    if pred == usize::MAX || scores[t] > scores[pred] {
                        pred = t;
                    }
                    if costs[t] == min {
                        if gold == usize::MAX || scores[t] > scores[gold] {
                            gold = t;
                        }
                    } else if wrong == usize::MAX || scores[t] > scores[wrong] {
                        wrong = t;
                    }
                }
                if valid > 1 && wrong != usize::MAX && scores[gold] < scores[wrong] + 1.0 {
                    loss += f64::from(1.0 + scores[wrong] - scores[gold]);
                    let mut ds = [0f32; 3];
                    ds[gold] = -1.0;
                    ds[wrong] = 1.0;
                    gr.output(&nn, &sc, ds);
                }
                let explore = epoch >= opts.explore_from
                    && costs[pred] > min
                    && (rng.below(1 << 20) as f64) < opts.explore * f64::from(1 << 20);
                let mv = if explore { pred } else { gold };
                if let Some((h, d)) = st.apply(mv, &s.toks) {
                    let gold_label = usize::from(s.labels[d as usize]);
                    if nn.dims.labels > 0 && h as usize != n && s.heads[d as usize] == h {
                        nn.label_scores(h as usize, d as usize, &mut sc);
                        label_loss +=
                            f64::from(gr.label(&nn, &sc, h as usize, d as usize, gold_label));
                    }
                    label_arc(&mut st, s, h, d, root_label, &mut ll, &mut feats);
                }
            }
            for (d, &h) in st.heads.iter().take(n).enumerate() {
                right += usize::from(h == s.heads[d]);
            }
            total += n;
            gr.sentence(&nn, &sc);
            if (b + 1) % opts.batch.max(1) == 0 || b + 1 == order.len() {
                adam.step(&mut nn.p, &mut gr, &nn.lay, rate);
                nn.refresh();
            }
        }
        if std::env::var_os("NUTGRAF_TRAIN_VERBOSE").is_some() {
            eprintln!(
                "neural parser epoch {}: train UAS while learning {:.4}, loss {:.0}, label loss {:.0}",
                epoch + 1,
                right as f64 / total.max(1) as f64,
                loss,
                label_loss
            );
        }
        rate *= opts.decay;
        sc.drop_x.clear();
        sc.drop_v.iter_mut().for_each(Vec::clear);
        after_epoch(epoch + 1, &model_of(&nn, &ll));
    }
    let parser = model_of(&nn, &ll);
    DepParser::from_bytes(&parser.to_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gradients of back-propagation match finite differences of a loss
    /// linear in the scores of a fixed run of configurations.
    #[test]
    fn gradients_match_finite_differences() {
        let dims = NnDims {
            emb: [3, 2, 2, 1, 2],
            lstm: 3,
            hidden: 4,
            layers: 2,
            slots: 8,
            labels: 3,
        };
        let keys = [vec![11, 12, 13], vec![21, 22], vec![], vec![], vec![31]];
        let mut nn = NnScorer::new(dims, keys, [0, 0, 4, 2, 0]);
        let mut rng = Rng(99);
        init(&mut nn, &mut rng);
        for v in &mut nn.p {
            *v += uniform(&mut rng, 0.2);
        }
        nn.refresh();
        let ids = vec![
            [1, 1, 0, 0, 1],
            [2, 0, 1, 1, 0],
            [3, 2, 2, 1, 1],
            [0, 1, 3, 0, 0],
        ];
        // Configurations: (stack, buffer front) and the loss gradient.
        let configs: Vec<(Vec<u32>, u32, [f32; 3])> = vec![
            (vec![], 0, [1.0, -1.0, 0.0]),
            (vec![0], 1, [-1.0, 0.0, 1.0]),
            (vec![0, 1, 2], 3, [0.0, 1.0, -1.0]),
            (vec![1, 2], 4, [1.0, 0.0, -1.0]),
        ];
        // Arcs labelled: head, dependent, gold relation.
        let arcs = [(1usize, 0usize, 2usize), (2, 3, 0), (1, 2, 1)];
        // Dropout masks, fixed.
        let mask = |len: usize, seed: u64| -> Vec<f32> {
            let mut r = Rng(seed);
            (0..len)
                .map(|_| if r.below(4) == 0 { 0.0 } else { 1.25 })
                .collect()
        };
        let blank = NnScratch {
            ids: ids.clone(),
            drop_x: mask(4 * dims.input(), 5),
            drop_v: [mask(4 * 6, 6), mask(4 * 6, 7), Vec::new()],
            ..NnScratch::default()
        };
        let loss = |nn: &NnScorer| -> f64 {
            let mut sc = blank.clone();
            nn.encode(&mut sc);
            let mut st = State::default();
            st.reset(4);
            let mut total = 0f64;
            for (stack, b, ds) in &configs {
                st.stack.clone_from(stack);
                st.b = *b;
                let s = nn.scores(&st, &mut sc);
                total += (0..3).map(|t| f64::from(s[t] * ds[t])).sum::<f64>();
            }
            for &(h, d, gold) in &arcs {
                nn.label_scores(h, d, &mut sc);
                let max = sc.lout.iter().copied().fold(f32::MIN, f32::max);
                let sum: f32 = sc.lout.iter().map(|&s| (s - max).exp()).sum();
                total += f64::from(max + sum.ln() - sc.lout[gold]);
            }
            total
        };
        let mut gr = Grads::new(nn.lay.len);
        let mut sc = blank.clone();
        nn.encode(&mut sc);
        gr.reset_sentence(&nn, 4);
        let mut st = State::default();
        st.reset(4);
        for (stack, b, ds) in &configs {
            st.stack.clone_from(stack);
            st.b = *b;
            nn.scores(&st, &mut sc);
            gr.output(&nn, &sc, *ds);
        }
        for &(h, d, gold) in &arcs {
            nn.label_scores(h, d, &mut sc);
            gr.label(&nn, &sc, h, d, gold);
        }
        gr.sentence(&nn, &sc);
        let mut checked = 0;
        for k in (0..nn.lay.len).step_by(7) {
            let mut a = nn.clone();
            a.p[k] += 1e-2;
            a.refresh();
            let mut b = nn.clone();
            b.p[k] -= 1e-2;
            b.refresh();
            let numeric = (loss(&a) - loss(&b)) / 2e-2;
            let analytic = f64::from(gr.g[k]);
            assert!(
                (numeric - analytic).abs() <= 2e-2 * (1.0 + numeric.abs()),
                "parameter {k}: numeric {numeric}, back-propagated {analytic}"
            );
            checked += 1;
        }
        assert!(checked > 50);
    }
}
