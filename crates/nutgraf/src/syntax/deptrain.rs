//! Training of the [`DepParser`]: a dynamic oracle with exploration for the
//! transitions, gold trees for the labeller.
//!
//! The words' tags are the ones the tagger predicts (jackknifed by the caller
//! on the training data, so the parser learns from tags as wrong as they will
//! be), never the gold ones. Deterministic like the tagger's training.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::conllu::GoldWord;
use super::depparse::{reversed, set_guide, tokens, DepParser, State, Token, LEFT, RIGHT, SHIFT};
use super::nn::NnScratch;
use super::table::Moves;
use super::tagger::{WordFeats, MAX_TAGS};
use super::train::{shuffle, Learner, Rng};

/// Parser training options.
#[derive(Debug, Clone, Copy)]
pub struct ParserTrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the order of the sentences and of exploration.
    pub seed: u64,
    /// From this pass on, the parser follows its own prediction (right or
    /// wrong) with probability `explore`, so it learns from the states its
    /// mistakes lead to.
    pub explore_from: usize,
    /// See `explore_from`.
    pub explore: f64,
    /// Transition features whose averaged weights are all smaller than this
    /// (absolute) are dropped: at 2, three fifths of them for 0.0006 of UAS
    /// on EWT dev.
    pub prune: f32,
    /// Label weights smaller than this (absolute) are dropped.
    pub label_prune: f32,
    /// Whether to stack the parser on a right-to-left guide parser whose
    /// tree it reads as features: twice the work for +0.006 UAS and +0.007
    /// LAS on EWT dev (0.845 and 0.809). Off by default.
    pub stack: bool,
    /// Folds of the jackknifed guide trees of the training sentences.
    pub guide_folds: usize,
    /// Parsers trained, with seeds `seed`, `seed + 1`...: the model is the
    /// mean of their weights, pruned again at `prune`. The mean of five is
    /// smaller than one and steadier (EWT dev UAS / LAS 0.8530 / 0.8179
    /// against 0.8492-0.8519 / 0.8134-0.8151 for one of them), but the
    /// event and claim rules read one parser's trees better: 1 (one parser)
    /// by default, see `data/syntax/README.md`. A stacked parser (`stack`)
    /// is always one.
    pub models: usize,
    /// Label weights whose mean over the `models` is smaller than this are
    /// dropped: at 1, half the label features of one model for +0.003 LAS
    /// on EWT dev (0.3: as many as one model has, the same LAS).
    pub mean_label_prune: f32,
}

impl Default for ParserTrainOptions {
    fn default() -> Self {
        ParserTrainOptions {
            epochs: 16,
            seed: 7,
            explore_from: 1,
            explore: 0.9,
            prune: 2.0,
            label_prune: 0.05,
            stack: false,
            guide_folds: 5,
            models: 1,
            mean_label_prune: 1.0,
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    w: f64,
    total: f64,
    ts: u64,
}

/// An averaged perceptron over the three transitions.
struct MoveLearner {
    rows: HashMap<u64, [Slot; 3]>,
    time: u64,
}

impl MoveLearner {
    fn scores(&self, feats: &[u64]) -> [f64; 3] {
        let mut s = [0f64; 3];
        for id in feats {
            if let Some(row) = self.rows.get(id) {
                for t in 0..3 {
                    s[t] += row[t].w;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        let time = self.time;
        for &id in feats {
            let row = self.rows.entry(id).or_insert(
                [Slot {
                    w: 0.0,
                    total: 0.0,
                    ts: time,
                }; 3],
            );
            for (t, by) in [(good, 1.0), (bad, -1.0)] {
                let s = &mut row[t];
                s.total += (time - s.ts) as f64 * s.w;
                s.ts = time;
                s.w += by;
            }
        }
    }

    fn average(&self, prune: f32) -> Moves {
        // Rows whose weights are all below `prune` go; the others keep all three.
        let time = self.time.max(1) as f64;
        let mut rows: Vec<(u64, [f32; 3])> = Vec::with_capacity(self.rows.len());
        for (&id, slots) in &self.rows {
            let mut w = [0f32; 3];
            for t in 0..3 {
                let s = slots[t];
                let total = s.total + (self.time - s.ts) as f64 * s.w;
                #[allow(clippy::cast_possible_truncation)]
                let avg = (total / time) as f32;
                w[t] = avg;
            }
            if w.iter().any(|&v| v.abs() >= prune) {
                rows.push((id, w));
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        Moves::from_rows(rows)
    }
}

/// One training sentence: tokens (predicted tags), gold heads (`n` = root)
/// and gold label ids.
#[derive(Clone)]
pub(crate) struct Sent {
    pub(crate) toks: Vec<Token>,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
}

/// Train a parser on gold trees whose words carry predicted tags: `tags[k]`
/// holds the XPOS ids and UPOS ids the tagger gives sentence `k`.
///
/// # Errors
///
/// When the treebank has more relations than supported, no sentence, or tags
/// that do not match its sentences.
pub fn train_parser(
    sentences: &[Vec<GoldWord>],
    tags: &[(Vec<u16>, Vec<u16>)],
    opts: &ParserTrainOptions,
) -> Result<DepParser, String> {
    train_parser_with(sentences, tags, opts, |_, _| {})
}

/// [`train_parser`], calling `after_epoch` with the pass number (from 1) and
/// the averaged model after each pass (for model selection on a dev set).
///
/// # Errors
///
/// As [`train_parser`].
pub fn train_parser_with(
    sentences: &[Vec<GoldWord>],
    tags: &[(Vec<u16>, Vec<u16>)],
    opts: &ParserTrainOptions,
    mut after_epoch: impl FnMut(usize, &DepParser),
) -> Result<DepParser, String> {
    let (labels, root_label, mut data) = prepare(sentences, tags)?;

    if !opts.stack {
        if opts.models <= 1 {
            return learn(&labels, root_label, &data, None, opts, after_epoch);
        }
        // Each deterministic by its seed, trained side by side; the caller
        // hears of the mean once, after the last pass.
        let all = (0..opts.models)
            .into_par_iter()
            .map(|k| {
                let o = ParserTrainOptions {
                    seed: opts.seed.wrapping_add(k as u64),
                    ..*opts
                };
                learn(&labels, root_label, &data, None, &o, |_, _| {})
            })
            .collect::<Result<Vec<_>, _>>()?;
        let all: Vec<&DepParser> = all.iter().collect();
        let mean = DepParser::mean(&all, opts.mean_label_prune).pruned(opts.prune);
        after_epoch(opts.epochs, &mean);
        return Ok(mean);
    }
    // The guide: a parser of the sentences right to left. The main parser
    // learns from guide trees of sentences the guide did not see (jackknifed),
    // so it learns how far to trust them.
    let rev: Vec<Sent> = data.iter().map(reverse_sent).collect();
    let folds = opts.guide_folds.max(2);
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut nsc = NnScratch::default();
    for k in 0..folds {
        let part: Vec<Sent> = rev
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let g = learn(&labels, root_label, &part, None, opts, |_, _| {})?;
        for i in (k..data.len()).step_by(folds) {
            g.run(&rev[i].toks, &mut st, &mut feats, &mut nsc, false);
            set_guide(&mut data[i].toks, &st.heads, &st.labels);
        }
    }
    let guide = learn(&labels, root_label, &rev, None, opts, |_, _| {})?;
    learn(&labels, root_label, &data, Some(&guide), opts, after_epoch)
}

/// The relations of a treebank (sorted), the id of "root", and its sentences
/// ready for training.
pub(crate) type Prepared = (Vec<Box<str>>, u8, Vec<Sent>);

/// [`Prepared`] from gold sentences and their predicted tags.
pub(crate) fn prepare(
    sentences: &[Vec<GoldWord>],
    tags: &[(Vec<u16>, Vec<u16>)],
) -> Result<Prepared, String> {
    if sentences.len() != tags.len() {
        return Err("one tag list per sentence".into());
    }
    let mut label_counts: BTreeMap<&str, u32> = BTreeMap::new();
    for w in sentences.iter().flatten() {
        *label_counts.entry(&w.deprel).or_default() += 1;
    }
    if label_counts.is_empty() || label_counts.len() > MAX_TAGS {
        return Err(format!(
            "{} relations (1 to {MAX_TAGS} supported)",
            label_counts.len()
        ));
    }
    let labels: Vec<Box<str>> = label_counts.keys().map(|&k| k.into()).collect();
    let label_id = |name: &str| labels.binary_search_by(|l| (**l).cmp(name)).unwrap_or(0) as u8;
    let root_label = label_id("root");

    let mut data = Vec::with_capacity(sentences.len());
    for (s, (xs, us)) in sentences.iter().zip(tags) {
        if xs.len() != s.len() || us.len() != s.len() {
            return Err("tags do not match the sentence's words".into());
        }
        let n = s.len() as u32;
        let ws: Vec<WordFeats> = s.iter().map(|w| WordFeats::new(&w.form)).collect();
        let mut toks = Vec::new();
        tokens(&ws, xs, us, &mut toks);
        data.push(Sent {
            toks,
            heads: s
                .iter()
                .map(|w| if w.head == 0 { n } else { w.head as u32 - 1 })
                .collect(),
            labels: s.iter().map(|w| label_id(&w.deprel)).collect(),
        });
    }
    Ok((labels, root_label, data))
}

/// A sentence right to left.
fn reverse_sent(s: &Sent) -> Sent {
    let n = s.heads.len() as u32;
    let mut toks = Vec::with_capacity(s.toks.len());
    reversed(&s.toks, &mut toks);
    Sent {
        toks,
        heads: s
            .heads
            .iter()
            .rev()
            .map(|&h| if h >= n { n } else { n - 1 - h })
            .collect(),
        labels: s.labels.iter().rev().copied().collect(),
    }
}

/// Train one parser on prepared sentences (with guide trees in their tokens
/// when `guide` is given).
fn learn(
    labels: &[Box<str>],
    root_label: u8,
    data: &[Sent],
    guide: Option<&DepParser>,
    opts: &ParserTrainOptions,
    mut after_epoch: impl FnMut(usize, &DepParser),
) -> Result<DepParser, String> {
    let guided = guide.is_some();
    let labels = labels.to_vec();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut ml = MoveLearner {
        rows: HashMap::new(),
        time: 0,
    };
    let mut ll = Learner::new(labels.len());
    let mut st = State::default();
    let mut feats = Vec::with_capacity(96);
    for epoch in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        let (mut right, mut total) = (0usize, 0usize);
        for &k in &order {
            let s = &data[k];
            st.reset(s.heads.len());
            while !st.done() {
                st.features(&s.toks, guided, &mut feats);
                ml.time += 1;
                let scores = ml.scores(&feats);
                let costs = st.costs(&s.heads);
                let min = *costs.iter().min().unwrap_or(&0);
                let mut pred = usize::MAX;
                let mut gold = usize::MAX;
                for t in [SHIFT, LEFT, RIGHT] {
                    if costs[t] == u32::MAX {
                        continue;
                    }
                    if pred == usize::MAX || scores[t] > scores[pred] {
                        pred = t;
                    }
                    if costs[t] == min && (gold == usize::MAX || scores[t] > scores[gold]) {
                        gold = t;
                    }
                }
                if pred == usize::MAX {
                    break;
                }
                if costs[pred] > min {
                    ml.update(&feats, gold, pred);
                }
                let explore = epoch >= opts.explore_from
                    && (rng.below(1 << 20) as f64) < opts.explore * f64::from(1 << 20);
                if let Some((h, d)) = st.apply(if explore { pred } else { gold }, &s.toks) {
                    label_arc(&mut st, s, h, d, root_label, &mut ll, &mut feats);
                }
            }
            for (d, &h) in st.heads.iter().take(s.heads.len()).enumerate() {
                right += usize::from(h == s.heads[d]);
            }
            total += s.heads.len();
        }
        if std::env::var_os("NUTGRAF_TRAIN_VERBOSE").is_some() {
            eprintln!(
                "parser epoch {}: train UAS while learning {:.4}",
                epoch + 1,
                right as f64 / total.max(1) as f64
            );
        }
        if epoch + 1 < opts.epochs {
            let model = DepParser {
                labels: labels.clone(),
                root_label,
                moves: ml.average(opts.prune),
                labeller: ll.average(opts.label_prune),
                guide: guide.map(|g| Box::new(g.clone())),
                nn: None,
                mix: 0.0,
            };
            after_epoch(epoch + 1, &model);
        }
    }
    let parser = DepParser {
        labels: labels.clone(),
        root_label,
        moves: ml.average(opts.prune),
        labeller: ll.average(opts.label_prune),
        guide: guide.map(|g| Box::new(g.clone())),
        nn: None,
        mix: 0.0,
    };
    DepParser::from_bytes(&parser.to_bytes())
}

/// Label the arc just made from `h` to `d` with the perceptron labeller `ll`,
/// which learns from it when the arc is right (the root's arcs are "root").
pub(crate) fn label_arc(
    st: &mut State,
    s: &Sent,
    h: u32,
    d: u32,
    root_label: u8,
    ll: &mut Learner,
    feats: &mut Vec<u64>,
) {
    let label = if h as usize == s.heads.len() {
        root_label
    } else {
        st.label_features(&s.toks, h, d, feats);
        if s.heads[d as usize] == h {
            ll.learn(feats, u16::from(s.labels[d as usize])) as u8
        } else {
            ll.best(feats) as u8
        }
    };
    st.set_label(d, label);
}

/// Predicted XPOS and UPOS ids of each word of each sentence.
pub type SentenceTags = Vec<(Vec<u16>, Vec<u16>)>;

/// Tags of every training sentence from taggers that did not see it: the
/// sentences are cut in `folds` parts and each part is tagged by a tagger
/// trained on the others (`folds` < 2: by `full` itself). Ids are `full`'s.
///
/// # Errors
///
/// When a fold's tagger cannot be trained.
pub fn jackknife_tags(
    sentences: &[Vec<GoldWord>],
    full: &super::Tagger,
    opts: &super::train::TrainOptions,
    folds: usize,
) -> Result<SentenceTags, String> {
    let tag_with = |tagger: &super::Tagger, s: &[GoldWord]| -> (Vec<u16>, Vec<u16>) {
        let ws: Vec<WordFeats> = s.iter().map(|w| WordFeats::new(&w.form)).collect();
        let (mut feats, mut cache, mut first, mut xs, mut us) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        tagger.xpos_ids(&ws, &mut feats, &mut cache, &mut first, &mut xs);
        tagger.upos_ids(&ws, &xs, &mut feats, &mut us);
        // Ids of the fold's tag names in the full tagger's list.
        for x in &mut xs {
            let name = tagger.xpos_name(*x);
            *x = full
                .xpos_names
                .binary_search_by(|n| (**n).cmp(name))
                .unwrap_or(0) as u16;
        }
        (xs, us)
    };
    if folds < 2 {
        return Ok(sentences.iter().map(|s| tag_with(full, s)).collect());
    }
    let mut out = vec![(Vec::new(), Vec::new()); sentences.len()];
    for k in 0..folds {
        let train: Vec<Vec<GoldWord>> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = super::train::train(&train, opts)?;
        for (i, s) in sentences.iter().enumerate().filter(|(i, _)| i % folds == k) {
            out[i] = tag_with(&tagger, s);
        }
    }
    Ok(out)
}
