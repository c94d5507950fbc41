//! Training the entity tagger: the structured averaged perceptron (Collins 2002).
//!
//! Each epoch visits the training sentences in an order shuffled with the seed,
//! decodes each with the current weights (constrained Viterbi), and where the
//! best sequence differs from the gold one adds the gold sequence's features and
//! transitions and subtracts the predicted one's. The model keeps the average of
//! the weights over all steps (computed lazily with the usual `w - u / c` trick),
//! quantized to `i16` with one scale; features seen fewer than
//! [`TrainOptions::min_count`] times are not learned at all.
//!
//! Labels come from the data (sorted by name), so any label set can be trained.

use std::collections::{BTreeSet, HashMap};

use super::features::{DocContext, Extractor, IdBuild};
use super::model::{constraints, encode, sentences_of, viterbi, Model, Scheme};
use crate::span::Span;

/// A training document: its text and its gold entity spans (byte offsets).
#[derive(Debug, Clone, Default)]
pub struct TrainDoc {
    /// The text; one sentence or more a line.
    pub text: String,
    /// Gold mentions: byte span into `text` and label.
    pub entities: Vec<(Span, String)>,
}

/// Training options. `TrainOptions::default()` gives 15 epochs, seed 1, BILOU,
/// features seen at least twice.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffles (the same seed gives the same model).
    pub seed: u64,
    /// Tagging scheme.
    pub scheme: Scheme,
    /// Features seen fewer times than this in the training data are dropped.
    pub min_count: u32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 15,
            seed: 1,
            scheme: Scheme::Bilou,
            min_count: 2,
        }
    }
}

/// Counts of what training saw.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrainStats {
    /// Sentences trained on.
    pub sentences: usize,
    /// Tokens trained on.
    pub tokens: usize,
    /// Gold mentions aligned to tokens.
    pub mentions: usize,
    /// Gold mentions whose boundaries fall inside a token (still used, widened
    /// to the tokens they touch).
    pub misaligned: usize,
    /// Gold mentions left out: across sentences, overlapping another, or empty.
    pub skipped: usize,
    /// Distinct features kept for learning.
    pub features: usize,
}

/// One sentence ready for training: feature rows per token and gold tags.
struct Example {
    /// Offsets into `rows` of each token's features (`n + 1` entries).
    offsets: Vec<u32>,
    rows: Vec<u32>,
    gold: Vec<u16>,
}

/// `SplitMix64`: a small seeded generator for the shuffles.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train a model on `docs`. `on_epoch(epoch, &model)` is called after each
/// epoch with the averaged model so far (for dev scores).
pub fn train(
    docs: &[TrainDoc],
    opts: &TrainOptions,
    mut on_epoch: impl FnMut(usize, &Model),
) -> (Model, TrainStats) {
    let labels: Vec<String> = docs
        .iter()
        .flat_map(|d| d.entities.iter().map(|e| e.1.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let label_ix: HashMap<&str, usize> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    let scheme = opts.scheme;
    let nt = scheme.tags(labels.len());
    let mut stats = TrainStats::default();

    // Features and gold tags of every sentence, with raw feature ids.
    let mut examples = Vec::new();
    let mut counts: HashMap<u32, u32, IdBuild> = HashMap::default();
    let mut ex = Extractor::default();
    for doc in docs {
        let text = doc.text.as_str();
        let sents = sentences_of(text);
        let mut ctx = DocContext::new();
        for (s, toks) in &sents {
            ctx.add_sentence(text, *s, toks);
        }
        let mut spans: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new(); sents.len()];
        let mut ents: Vec<&(Span, String)> = doc.entities.iter().collect();
        ents.sort_by_key(|e| (e.0.start, std::cmp::Reverse(e.0.end)));
        let mut last_end = 0;
        for (span, label) in ents {
            let found = sents.iter().enumerate().find_map(|(k, (s, toks))| {
                if !(s.start <= span.start && span.start < s.end) {
                    return None;
                }
                let a = toks.iter().position(|t| t.span.end > span.start)?;
                let b = toks.iter().rposition(|t| t.span.start < span.end)? + 1;
                (a < b && span.end <= toks[b - 1].span.end.max(s.end)).then_some((k, a, b))
            });
            let Some((k, a, b)) = found else {
                stats.skipped += 1;
                continue;
            };
            if span.start < last_end {
                stats.skipped += 1;
                continue;
            }
            let toks = &sents[k].1;
            if toks[a].span.start != span.start || toks[b - 1].span.end != span.end {
                stats.misaligned += 1;
            }
            last_end = span.end;
            spans[k].push((a, b, label_ix[label.as_str()]));
            stats.mentions += 1;
        }
        for ((s, toks), sp) in sents.iter().zip(&spans) {
            let mut per_tok: Vec<Vec<u32>> = vec![Vec::new(); toks.len()];
            ex.sentence(text, *s, toks, &ctx, |i, id| per_tok[i].push(id));
            let mut offsets = Vec::with_capacity(toks.len() + 1);
            let mut rows = Vec::new();
            offsets.push(0);
            for f in per_tok {
                for &id in &f {
                    *counts.entry(id).or_default() += 1;
                }
                rows.extend(f);
                offsets.push(rows.len() as u32);
            }
            stats.sentences += 1;
            stats.tokens += toks.len();
            examples.push(Example {
                offsets,
                rows,
                gold: encode(scheme, toks.len(), sp),
            });
        }
    }

    // Keep the features seen often enough; give them dense rows.
    let mut kept: Vec<u32> = counts
        .iter()
        .filter(|&(_, &c)| c >= opts.min_count)
        .map(|(&id, _)| id)
        .collect();
    kept.sort_unstable();
    let row_of: HashMap<u32, u32, IdBuild> = kept
        .iter()
        .enumerate()
        .map(|(r, &id)| (id, r as u32))
        .collect();
    drop(counts);
    for e in &mut examples {
        let mut rows = Vec::with_capacity(e.rows.len());
        let mut offsets = Vec::with_capacity(e.offsets.len());
        offsets.push(0);
        for w in e.offsets.windows(2) {
            rows.extend(
                e.rows[w[0] as usize..w[1] as usize]
                    .iter()
                    .filter_map(|id| row_of.get(id).copied()),
            );
            offsets.push(rows.len() as u32);
        }
        e.rows = rows;
        e.offsets = offsets;
    }
    stats.features = kept.len();

    let mut p = Perceptron {
        nt,
        w: vec![0; kept.len() * nt],
        u: vec![0; kept.len() * nt],
        tw: vec![0; (nt + 1) * nt],
        tu: vec![0; (nt + 1) * nt],
        c: 1,
    };
    let (allowed, last_ok) = constraints(scheme, labels.len());
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix(opts.seed);
    let (mut emit, mut trans, mut back, mut pred) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut model = None;
    for epoch in 1..=opts.epochs.max(1) {
        rng.shuffle(&mut order);
        trans.clear();
        for &k in &order {
            let e = &examples[k];
            let n = e.gold.len();
            emit.clear();
            emit.resize(n * nt, 0f32);
            for i in 0..n {
                let row = &mut emit[i * nt..(i + 1) * nt];
                for &r in &e.rows[e.offsets[i] as usize..e.offsets[i + 1] as usize] {
                    let ws = &p.w[r as usize * nt..(r as usize + 1) * nt];
                    for (s, &w) in row.iter_mut().zip(ws) {
                        *s += w as f32;
                    }
                }
            }
            trans.clear();
            trans.extend(p.tw.iter().zip(&allowed).map(|(&w, &ok)| {
                if ok {
                    w as f32
                } else {
                    f32::NEG_INFINITY
                }
            }));
            viterbi(nt, &emit, &trans, &last_ok, &mut back, &mut pred);
            if pred != e.gold {
                p.update(e, &e.gold, 1);
                p.update(e, &pred, -1);
            }
            p.c += 1;
        }
        let m = p.averaged(&labels, scheme, &kept);
        on_epoch(epoch, &m);
        model = Some(m);
    }
    let model = model.unwrap_or_else(|| p.averaged(&labels, scheme, &kept));
    (model, stats)
}

struct Perceptron {
    nt: usize,
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Vec<i32>,
    tu: Vec<i64>,
    c: i64,
}

impl Perceptron {
    fn update(&mut self, e: &Example, tags: &[u16], d: i32) {
        let nt = self.nt;
        let mut prev = nt;
        for (i, &t) in tags.iter().enumerate() {
            let t = usize::from(t);
            for &r in &e.rows[e.offsets[i] as usize..e.offsets[i + 1] as usize] {
                let k = r as usize * nt + t;
                self.w[k] += d;
                self.u[k] += self.c * i64::from(d);
            }
            let k = prev * nt + t;
            self.tw[k] += d;
            self.tu[k] += self.c * i64::from(d);
            prev = t;
        }
    }

    fn averaged(&self, labels: &[String], scheme: Scheme, ids: &[u32]) -> Model {
        let c = self.c as f64;
        let avg = |w: i32, u: i64| (f64::from(w) - u as f64 / c) as f32;
        let emit: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| avg(w, u))
            .collect();
        let trans: Vec<f32> = self
            .tw
            .iter()
            .zip(&self.tu)
            .map(|(&w, &u)| avg(w, u))
            .collect();
        let max = emit
            .iter()
            .chain(&trans)
            .fold(0f32, |m, &w| m.max(w.abs()))
            .max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let q = |w: f32| (w / scale).round() as i16;
        let nt = self.nt;
        let features = ids
            .iter()
            .enumerate()
            .filter_map(|(r, &id)| {
                let ws: Vec<(u16, i16)> = emit[r * nt..(r + 1) * nt]
                    .iter()
                    .enumerate()
                    .map(|(t, &w)| (t as u16, q(w)))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (!ws.is_empty()).then_some((id, ws))
            })
            .collect();
        Model::from_parts(
            labels.to_vec(),
            scheme,
            scale,
            features,
            trans.iter().map(|&w| q(w)).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, ents: &[(&str, &str)]) -> TrainDoc {
        let entities = ents
            .iter()
            .map(|&(s, l)| {
                let a = text.find(s).unwrap();
                (Span::new(a, a + s.len()), l.to_owned())
            })
            .collect();
        TrainDoc {
            text: text.to_owned(),
            entities,
        }
    }

    fn corpus() -> Vec<TrainDoc> {
        let people = ["Anna Berg", "Tom Hale", "Mia Ford", "Paul Kerr", "Ida Lund"];
        let places = ["Oslo", "Paris", "Lima", "Quito", "Riga"];
        let mut docs = Vec::new();
        for (i, p) in people.iter().enumerate() {
            for (j, c) in places.iter().enumerate() {
                if (i + j) % 3 == 0 {
                    continue; // held out
                }
                let text = format!("Yesterday {p} flew to {c} on business .");
                docs.push(doc(&text, &[(p, "PER"), (c, "LOC")]));
            }
        }
        docs
    }

    #[test]
    fn a_tiny_corpus_is_learned_and_training_is_deterministic() {
        let opts = TrainOptions {
            epochs: 8,
            min_count: 1,
            ..TrainOptions::default()
        };
        let (m, stats) = train(&corpus(), &opts, |_, _| {});
        assert_eq!(stats.skipped, 0);
        assert_eq!(stats.misaligned, 0);
        assert_eq!(m.labels(), ["LOC", "PER"]);
        let text = "Yesterday Ida Lund flew to Oslo on business .";
        let got: Vec<(&str, &str)> = m
            .tag_text(text)
            .into_iter()
            .map(|(s, l)| (s.slice(text), m.label(l)))
            .collect();
        assert_eq!(got, [("Ida Lund", "PER"), ("Oslo", "LOC")]);
        let (again, _) = train(&corpus(), &opts, |_, _| {});
        assert_eq!(m.to_bytes(), again.to_bytes());
        // Save → load → the same predictions.
        let loaded = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(loaded.tag_text(text), m.tag_text(text));
        let bio = TrainOptions {
            scheme: Scheme::Bio,
            ..opts
        };
        let (b, _) = train(&corpus(), &bio, |_, _| {});
        assert_eq!(b.tag_text(text), m.tag_text(text));
    }
}
