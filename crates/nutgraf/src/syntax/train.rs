//! Training of the [`Tagger`]: averaged perceptrons over CoNLL-U sentences.
//!
//! Deterministic: sentences are visited in an order drawn from a fixed seed,
//! every table is written in sorted order, so the same input and options give
//! a byte-identical model.

use std::collections::{BTreeMap, HashMap};

use super::conllu::GoldWord;
use super::lemma::Lemmatizer;
use super::tagger::{
    right_features, upos_features, xpos_features, Tagger, Weights, WordFeats, MAX_TAGS,
};
use super::Upos;
use crate::entities::features::IdBuild;

/// Training options.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Seed of the order of the sentences in each pass.
    pub seed: u64,
    /// A word seen at least this many times ...
    pub dict_min_count: u32,
    /// ... with one tag this share of the time gets it from the tag dictionary.
    pub dict_min_share: f64,
    /// Averaged weights smaller than this (absolute) are dropped.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            seed: 1,
            dict_min_count: 20,
            dict_min_share: 0.995,
            prune: 0.05,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    tag: u8,
    w: f64,
    total: f64,
    ts: u64,
}

/// The training half of an averaged perceptron.
pub(crate) struct Learner {
    tags: usize,
    /// Feature id → its weights (std hasher: ids are 32-bit; only looked up,
    /// never iterated unsorted).
    rows: HashMap<u64, Vec<Slot>>,
    time: u64,
}

impl Learner {
    pub(crate) fn new(tags: usize) -> Learner {
        Learner {
            tags,
            rows: HashMap::new(),
            time: 0,
        }
    }

    pub(crate) fn best(&self, feats: &[u64]) -> u16 {
        let mut scores = [0f64; MAX_TAGS];
        for id in feats {
            if let Some(row) = self.rows.get(id) {
                for s in row {
                    scores[usize::from(s.tag)] += s.w;
                }
            }
        }
        let mut best = 0;
        for t in 1..self.tags {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        best as u16
    }

    fn bump(&mut self, id: u64, tag: u16, by: f64) {
        let time = self.time;
        let row = self.rows.entry(id).or_default();
        let slot = if let Some(s) = row.iter_mut().find(|s| u16::from(s.tag) == tag) {
            s
        } else {
            row.push(Slot {
                tag: tag as u8,
                w: 0.0,
                total: 0.0,
                ts: time,
            });
            row.last_mut().expect("just pushed")
        };
        slot.total += (time - slot.ts) as f64 * slot.w;
        slot.ts = time;
        slot.w += by;
    }

    /// One example: predict, update on a mistake. Returns the prediction.
    pub(crate) fn learn(&mut self, feats: &[u64], truth: u16) -> u16 {
        self.time += 1;
        let guess = self.best(feats);
        if guess != truth {
            for &id in feats {
                self.bump(id, truth, 1.0);
                self.bump(id, guess, -1.0);
            }
        }
        guess
    }

    pub(crate) fn average(&self, prune: f32) -> Weights {
        let mut rows: Vec<(u64, Vec<(u8, f32)>)> = Vec::with_capacity(self.rows.len());
        for (&id, slots) in &self.rows {
            let mut row: Vec<(u8, f32)> = slots
                .iter()
                .filter_map(|s| {
                    let total = s.total + (self.time - s.ts) as f64 * s.w;
                    #[allow(clippy::cast_possible_truncation)]
                    let avg = (total / self.time.max(1) as f64) as f32;
                    (avg.abs() >= prune).then_some((s.tag, avg))
                })
                .collect();
            if !row.is_empty() {
                row.sort_unstable_by_key(|r| r.0);
                rows.push((id, row));
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        Weights::from_rows(self.tags, rows)
    }
}

/// A small deterministic generator (xorshift64*).
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

pub(crate) fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Words (exact form hash) that take one tag at least `share` of their `min`+
/// occurrences.
fn tag_dict(
    words: impl Iterator<Item = (u64, u16)>,
    min: u32,
    share: f64,
) -> HashMap<u64, u16, IdBuild> {
    let mut counts: BTreeMap<u64, BTreeMap<u16, u32>> = BTreeMap::new();
    for (w, t) in words {
        *counts.entry(w).or_default().entry(t).or_default() += 1;
    }
    let mut dict = HashMap::default();
    for (w, tags) in counts {
        let total: u32 = tags.values().sum();
        let (&tag, &n) = tags
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .expect("a word has a tag");
        if total >= min && f64::from(n) >= share * f64::from(total) {
            dict.insert(w, tag);
        }
    }
    dict
}

/// A training sentence: its words' features and gold tag ids.
struct Sent {
    ws: Vec<WordFeats>,
    xs: Vec<u16>,
    us: Vec<u16>,
}

/// Train a tagger and lemmatizer on gold sentences.
///
/// # Panics
///
/// Never: the `expect`s are on values just checked.
///
/// # Errors
///
/// When the sentences have more than the supported number of XPOS tags.
pub fn train(sentences: &[Vec<GoldWord>], opts: &TrainOptions) -> Result<Tagger, String> {
    // XPOS names, sorted; each with its most frequent UPOS.
    let mut xpos_counts: BTreeMap<&str, BTreeMap<Upos, u32>> = BTreeMap::new();
    for w in sentences.iter().flatten() {
        *xpos_counts
            .entry(&w.xpos)
            .or_default()
            .entry(w.upos)
            .or_default() += 1;
    }
    if xpos_counts.len() > MAX_TAGS || xpos_counts.is_empty() {
        return Err(format!(
            "{} XPOS tags (1 to {MAX_TAGS} supported)",
            xpos_counts.len()
        ));
    }
    let xpos_names: Vec<Box<str>> = xpos_counts.keys().map(|&k| k.into()).collect();
    let xpos_upos: Vec<Upos> = xpos_counts
        .values()
        .map(|m| {
            *m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .expect("seen")
                .0
        })
        .collect();
    let names = xpos_names.clone();
    let xpos_id = move |name: &str| names.binary_search_by(|n| (**n).cmp(name)).unwrap_or(0) as u16;

    let data: Vec<Sent> = sentences
        .iter()
        .map(|s| Sent {
            ws: s.iter().map(|w| WordFeats::new(&w.form)).collect(),
            xs: s.iter().map(|w| xpos_id(&w.xpos)).collect(),
            us: s.iter().map(|w| w.upos.id() as u16).collect(),
        })
        .collect();
    let xpos_dict = tag_dict(
        data.iter()
            .flat_map(|s| s.ws.iter().map(|w| w.exact).zip(s.xs.iter().copied())),
        opts.dict_min_count,
        opts.dict_min_share,
    );
    let upos_dict = tag_dict(
        data.iter()
            .flat_map(|s| s.ws.iter().map(|w| w.exact).zip(s.us.iter().copied())),
        opts.dict_min_count,
        opts.dict_min_share,
    );

    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(opts.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut feats = Vec::with_capacity(32);

    // XPOS pass: previous tags are the predicted ones (as when tagging).
    // The second pass learns at the same time, over the first pass's guesses.
    let mut xl = Learner::new(xpos_names.len());
    let mut xl2 = Learner::new(xpos_names.len());
    let mut first = Vec::new();
    let mut cache = Vec::new();
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let s = &data[k];
            first.clear();
            let (mut p1, mut p2) = (u64::MAX, u64::MAX);
            for i in 0..s.ws.len() {
                let t = if let Some(&t) = xpos_dict.get(&s.ws[i].exact) {
                    t
                } else {
                    xpos_features(&s.ws, i, p1, p2, &mut feats);
                    xl.learn(&feats, s.xs[i])
                };
                first.push(t);
                p2 = p1;
                p1 = u64::from(t);
            }
            let (mut p1, mut p2) = (u64::MAX, u64::MAX);
            for i in 0..s.ws.len() {
                let t = if let Some(&t) = xpos_dict.get(&s.ws[i].exact) {
                    t
                } else {
                    xpos_features(&s.ws, i, p1, p2, &mut feats);
                    right_features(&s.ws, &first, i, p1, &mut feats);
                    xl2.learn(&feats, s.xs[i])
                };
                p2 = p1;
                p1 = u64::from(t);
            }
        }
    }
    let xpos_model = xl.average(opts.prune);
    let xpos2_model = xl2.average(opts.prune);
    let mut tagger = Tagger {
        xpos_names,
        xpos_upos,
        xpos_dict,
        upos_dict,
        xpos_model,
        xpos2_model,
        upos_model: Weights::default(),
        lemmatizer: Lemmatizer::default(),
    };

    // UPOS pass over the XPOS tags the trained first pass predicts.
    let predicted: Vec<Vec<u16>> = data
        .iter()
        .map(|s| {
            let mut xs = Vec::new();
            tagger.xpos_ids(&s.ws, &mut feats, &mut cache, &mut first, &mut xs);
            xs
        })
        .collect();
    let mut ul = Learner::new(Upos::ALL.len());
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let s = &data[k];
            let mut u1 = u64::MAX;
            for i in 0..s.ws.len() {
                let t = if let Some(&t) = tagger.upos_dict.get(&s.ws[i].exact) {
                    t
                } else {
                    upos_features(&s.ws, &predicted[k], i, u1, &mut feats);
                    ul.learn(&feats, s.us[i])
                };
                u1 = u64::from(t);
            }
        }
    }
    tagger.upos_model = ul.average(opts.prune);
    tagger.lemmatizer = Lemmatizer::learn(sentences.iter().flatten().map(|w| {
        (
            w.form.as_str(),
            w.upos,
            xpos_id(&w.xpos) as u8,
            w.lemma.as_str(),
        )
    }));
    // Round-trip through the file format so the returned model is exactly the
    // one that is saved (quantized weights).
    Tagger::from_bytes(&tagger.to_bytes())
}
