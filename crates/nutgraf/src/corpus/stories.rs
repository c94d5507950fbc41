//! Online clustering of documents into stories.
//!
//! Each document is a weighted bag of words, of people, of places and of
//! figures (TF-IDF, document frequencies counted as documents arrive, each
//! bag of unit length). A story keeps the sum of its documents' bags (its
//! heaviest terms only). A new document joins the most similar story whose
//! dates it fits, when the similarity reaches the threshold; otherwise it
//! starts a story. Stories are found through an index from terms to the
//! stories that use them, so each document is compared with a bounded number
//! of stories whatever the size of the corpus.

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::profile::{
    add_into, content_words, dot, norm, prune, word_hash, Sparse, Term, Terms, FIGURES, KINDS,
    PEOPLE, PLACES, WORDS,
};

/// Heaviest terms a story keeps per bag.
const MAX_STORY_TERMS: usize = 400;
/// Words of a document through which its stories are looked up.
const LOOKUP_WORDS: usize = 12;
/// Names of a document through which its stories are looked up, per bag.
const LOOKUP_NAMES: usize = 8;
/// Stories a term points to (the most recent ones): a term in more stories
/// than this is too common to find a story by.
const MAX_POSTINGS: usize = 48;
/// Stories a document is compared with, at most: those most of its terms
/// point to.
const MAX_CANDIDATES: usize = 12;
/// Names a story keeps (with the number of its documents naming each).
const MAX_STORY_NAMES: usize = 256;
/// Shared names and words given as the reason of a merge.
const REASON_TERMS: usize = 5;

/// How stories are formed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StoryOptions {
    /// The similarity a document needs to join a story: the weighted mean
    /// of the cosines of its bags with the story's (0 to 1). Default 0.175.
    pub threshold: f32,
    /// The weight of the cosine of the words, people, places and figures bags.
    /// Default `[1.0, 0.5, 0.25, 0.25]`.
    pub weights: [f32; KINDS],
    /// A dated document joins a dated story only if its date is at most this
    /// many days before the story's first date or after its last. Default 14.
    pub max_gap_days: i64,
}

impl StoryOptions {
    /// The defaults (see each field).
    pub const fn new() -> StoryOptions {
        StoryOptions {
            threshold: 0.175,
            weights: [1.0, 0.5, 0.25, 0.25],
            max_gap_days: 14,
        }
    }
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions::new()
    }
}

/// Why a document joined a story.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct StoryMerge {
    /// The document that joined (its index in the corpus).
    pub doc: usize,
    /// Its similarity with the story when it joined (0 to 1: the weighted
    /// mean of `cosines`).
    pub similarity: f64,
    /// The cosine of each bag: words, people, places, figures.
    pub cosines: [f64; KINDS],
    /// Names it shares with the story, the most telling first.
    pub shared_names: Vec<String>,
    /// Words it shares with the story, the most telling first.
    pub shared_words: Vec<String>,
    /// The earlier document it is a near-duplicate of, if that is why it
    /// joined (a copy joins its original's story whatever its similarity).
    pub copy_of: Option<usize>,
}

impl StoryMerge {
    /// The reason in words: "[near-duplicate; ]similarity 0.52 (words 0.41, people 0.80, places
    /// 0.33, figures 0.00); shares Vladimir Putin, Beijing; forum, visit".
    pub fn reason(&self) -> String {
        let [words, people, places, figures] = self.cosines;
        let mut s = self
            .copy_of
            .map(|_| "near-duplicate; ".to_owned())
            .unwrap_or_default();
        let _ = write!(
            s,
            "similarity {:.2} (words {words:.2}, people {people:.2}, places {places:.2}, figures {figures:.2})",
            self.similarity
        );
        if !self.shared_names.is_empty() || !self.shared_words.is_empty() {
            s.push_str("; shares ");
            s.push_str(&self.shared_names.join(", "));
            if !self.shared_names.is_empty() && !self.shared_words.is_empty() {
                s.push_str("; ");
            }
            s.push_str(&self.shared_words.join(", "));
        }
        s
    }
}

/// A story as the clusterer keeps it.
#[derive(Debug, Default)]
pub(crate) struct StoryState {
    centroid: [Sparse; KINDS],
    norms: [f32; KINDS],
    pub(crate) members: Vec<u32>,
    pub(crate) start: Option<Date>,
    pub(crate) end: Option<Date>,
    /// Names of its documents with the number of documents naming them.
    pub(crate) names: Vec<(Term, Box<str>, u32)>,
    pub(crate) merges: Vec<StoryMerge>,
}

impl StoryState {
    /// The similarity of a document's bags with the story's: the weighted
    /// mean of their cosines, and the cosines.
    fn similarity(&self, vectors: &[Sparse; KINDS], opts: &StoryOptions) -> (f32, [f32; KINDS]) {
        let cos: [f32; KINDS] = std::array::from_fn(|k| {
            if self.norms[k] > 0.0 {
                dot(&vectors[k], &self.centroid[k]) / self.norms[k]
            } else {
                0.0
            }
        });
        let total = opts.weights.iter().sum::<f32>().max(f32::EPSILON);
        let sim = cos
            .iter()
            .zip(opts.weights)
            .map(|(c, w)| c * w)
            .sum::<f32>()
            / total;
        (sim, cos)
    }

    /// The weight of a word term in the story (0 when it has none).
    pub(crate) fn word_weight(&self, h: Term) -> f32 {
        let c = &self.centroid[WORDS];
        c.binary_search_by_key(&h, |x| x.0).map_or(0.0, |i| c[i].1)
    }

    /// Memory held, in bytes (approximate).
    fn heap_bytes(&self) -> usize {
        std::mem::size_of::<StoryState>()
            + self
                .centroid
                .iter()
                .map(|c| c.capacity() * std::mem::size_of::<(Term, f32)>())
                .sum::<usize>()
            + self.members.capacity() * 4
            + self.names.capacity() * std::mem::size_of::<(Term, Box<str>, u32)>()
            + self.names.iter().map(|n| n.1.len()).sum::<usize>()
            + self
                .merges
                .iter()
                .map(|m| {
                    std::mem::size_of::<StoryMerge>()
                        + m.shared_names
                            .iter()
                            .chain(&m.shared_words)
                            .map(|x| x.len() + 24)
                            .sum::<usize>()
                })
                .sum::<usize>()
    }
}

/// The online clusterer.
#[derive(Debug, Default)]
pub(crate) struct Clusterer {
    df: HashMap<Term, u32>,
    seen: u32,
    pub(crate) stories: Vec<StoryState>,
    postings: HashMap<Term, Vec<u32>>,
    /// The last document that looked at each story (candidates once each).
    stamp: Vec<u32>,
    /// How many of that document's terms point to each story.
    hits: Vec<u32>,
}

impl Clusterer {
    /// Add document `doc` (its terms and date): the story it joins or starts.
    /// A near-duplicate of an earlier document (`copy_of`: that document and
    /// its story) joins that story.
    pub(crate) fn add(
        &mut self,
        doc: usize,
        terms: &Terms,
        body: &str,
        date: Option<Date>,
        copy_of: Option<(usize, usize)>,
        opts: &StoryOptions,
    ) -> usize {
        self.seen += 1;
        for bag in &terms.counts {
            for &(h, _) in bag {
                *self.df.entry(h).or_default() += 1;
            }
        }
        let n = f64::from(self.seen) + 1.0;
        let vectors: [Sparse; KINDS] = std::array::from_fn(|k| {
            let mut v: Sparse = terms.counts[k]
                .iter()
                .map(|&(h, c)| {
                    let df = f64::from(self.df.get(&h).copied().unwrap_or(1));
                    let w = (1.0 + f64::from(c).ln()) * (n / df).ln();
                    (h, w as f32)
                })
                .collect();
            let len = norm(&v);
            if len > 0.0 {
                for x in &mut v {
                    x.1 /= len;
                }
            }
            v
        });
        let keys = lookup_keys(&vectors);

        // Candidates: the stories the document's telling terms point to, the
        // ones most of them point to first (at most MAX_CANDIDATES scored).
        let me = self.seen;
        let mut cands: Vec<(u32, u32)> = Vec::new();
        for h in &keys {
            let Some(list) = self.postings.get(h) else {
                continue;
            };
            for &s in list {
                let su = s as usize;
                if self.stamp[su] != me {
                    self.stamp[su] = me;
                    self.hits[su] = 0;
                    cands.push((s, 0));
                }
                self.hits[su] += 1;
            }
        }
        for c in &mut cands {
            c.1 = self.hits[c.0 as usize];
        }
        if cands.len() > MAX_CANDIDATES {
            // Most hits, then the most recent story.
            cands.select_nth_unstable_by(MAX_CANDIDATES, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
            cands.truncate(MAX_CANDIDATES);
        }
        cands.sort_unstable_by_key(|c| c.0);
        let mut best: Option<(usize, f32, [f32; KINDS])> = None;
        for &(s, _) in &cands {
            let s = s as usize;
            let story = &self.stories[s];
            if !fits(date, story, opts.max_gap_days) {
                continue;
            }
            let (sim, cos) = story.similarity(&vectors, opts);
            // Ties go to the older story: deterministic.
            if best.is_none_or(|b| sim > b.1) {
                best = Some((s, sim, cos));
            }
        }

        let copy = copy_of.filter(|&(_, s)| s < self.stories.len());
        let story = match (copy, best) {
            (Some((original, s)), _) => {
                let (sim, cos) = self.stories[s].similarity(&vectors, opts);
                let mut merge = self.merge_reason(s, doc, terms, body, &vectors, sim, cos);
                merge.copy_of = Some(original);
                self.stories[s].merges.push(merge);
                s
            }
            (None, Some((s, sim, cos))) if sim >= opts.threshold => {
                let merge = self.merge_reason(s, doc, terms, body, &vectors, sim, cos);
                self.stories[s].merges.push(merge);
                s
            }
            _ => {
                self.stories.push(StoryState::default());
                self.stamp.push(me);
                self.hits.push(0);
                self.stories.len() - 1
            }
        };
        let st = &mut self.stories[story];
        for ((c, v), len) in st.centroid.iter_mut().zip(&vectors).zip(&mut st.norms) {
            add_into(c, v);
            prune(c, MAX_STORY_TERMS);
            *len = norm(c);
        }
        st.members.push(doc as u32);
        if let Some(d) = date {
            st.start = Some(st.start.map_or(d, |s| s.min(d)));
            st.end = Some(st.end.map_or(d, |e| e.max(d)));
        }
        // Names by term (sorted), at most MAX_STORY_NAMES: the first met.
        for (h, name) in &terms.names {
            match st.names.binary_search_by_key(h, |n| n.0) {
                Ok(i) => st.names[i].2 += 1,
                Err(i) if st.names.len() < MAX_STORY_NAMES => {
                    st.names.insert(i, (*h, name.clone(), 1));
                }
                Err(_) => {}
            }
        }
        for h in keys {
            let list = self.postings.entry(h).or_default();
            if list.last() != Some(&(story as u32)) {
                list.retain(|&s| s != story as u32);
                list.push(story as u32);
                if list.len() > MAX_POSTINGS {
                    list.remove(0);
                }
            }
        }
        story
    }

    /// Why document `doc` joins story `s`.
    #[allow(clippy::too_many_arguments)]
    fn merge_reason(
        &self,
        s: usize,
        doc: usize,
        terms: &Terms,
        body: &str,
        vectors: &[Sparse; KINDS],
        sim: f32,
        cos: [f32; KINDS],
    ) -> StoryMerge {
        let story = &self.stories[s];
        let shared = |k: usize| -> Vec<(Term, f32)> {
            let c = &story.centroid[k];
            let mut v: Vec<(Term, f32)> = vectors[k]
                .iter()
                .filter_map(|&(h, w)| {
                    c.binary_search_by_key(&h, |x| x.0)
                        .ok()
                        .map(|i| (h, w * c[i].1))
                })
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v
        };
        let display = |list: &[(Term, Box<str>)], h: Term| -> Option<String> {
            list.binary_search_by_key(&h, |x| x.0)
                .ok()
                .map(|i| list[i].1.to_string())
        };
        let mut names: Vec<(Term, f32)> = shared(PEOPLE);
        names.extend(shared(PLACES));
        names.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        StoryMerge {
            doc,
            similarity: f64::from(sim),
            cosines: cos.map(f64::from),
            shared_names: names
                .iter()
                .filter_map(|&(h, _)| display(&terms.names, h))
                .take(REASON_TERMS)
                .collect(),
            shared_words: {
                // The most telling shared words, spelled as the body has them
                // (one pass over the body when a document joins a story).
                let top: Vec<Term> = shared(WORDS)
                    .iter()
                    .take(REASON_TERMS)
                    .map(|x| x.0)
                    .collect();
                let mut found: Vec<(usize, String)> = Vec::new();
                content_words(body, |w| {
                    let h = word_hash(w);
                    if let Some(rank) = top.iter().position(|&t| t == h) {
                        if !found.iter().any(|f| f.0 == rank) {
                            found.push((rank, w.to_owned()));
                        }
                    }
                });
                found.sort_unstable_by_key(|f| f.0);
                found.into_iter().map(|f| f.1).collect()
            },
            copy_of: None,
        }
    }

    /// Memory held, in bytes (approximate).
    pub(crate) fn heap_bytes(&self) -> usize {
        // Hash tables: a slot of key and value and a control byte each.
        self.df.capacity() * 9
            + self.postings.capacity() * (std::mem::size_of::<(Term, Vec<u32>)>() + 1)
            + self
                .postings
                .values()
                .map(|v| v.capacity() * 4)
                .sum::<usize>()
            + self.stamp.capacity() * 4
            + self.hits.capacity() * 4
            + self
                .stories
                .iter()
                .map(StoryState::heap_bytes)
                .sum::<usize>()
    }
}

/// The terms a document looks its stories up by: its heaviest words and
/// names.
fn lookup_keys(vectors: &[Sparse; KINDS]) -> Vec<Term> {
    let heaviest = |v: &Sparse, n: usize| -> Vec<Term> {
        let mut v = v.clone();
        prune(&mut v, n);
        v.into_iter().map(|x| x.0).collect()
    };
    let mut keys = heaviest(&vectors[WORDS], LOOKUP_WORDS);
    keys.extend(heaviest(&vectors[PEOPLE], LOOKUP_NAMES));
    keys.extend(heaviest(&vectors[PLACES], LOOKUP_NAMES));
    keys.extend(heaviest(&vectors[FIGURES], LOOKUP_NAMES));
    keys
}

/// Whether a document of date `date` fits the dates of `story`.
fn fits(date: Option<Date>, story: &StoryState, max_gap_days: i64) -> bool {
    let (Some(d), Some(start), Some(end)) = (date, story.start, story.end) else {
        return true;
    };
    let days = |a: Date, b: Date| a.duration_since(b).as_secs() / 86_400;
    days(start, d) <= max_gap_days && days(d, end) <= max_gap_days
}
