//! Many articles at once: near-duplicates, stories and the entities they share.
//!
//! A [`Corpus`] takes parsed [`Document`]s one at a time, each with an id of
//! the caller's, and can be asked at any time for
//! - [`Corpus::duplicates`]: pairs of documents whose bodies are near copies
//!   (the same wire story with other furniture, captions, a moved or dropped
//!   paragraph, light edits), with their similarity;
//! - [`Corpus::stories`]: documents grouped into stories (reports of the same
//!   real-world happening), each with a representative title, its main names,
//!   its dates and, for each document that joined, the reason it joined;
//! - [`Corpus::entities`]: the people, places and organizations named across
//!   documents, one entry per real-world entity, with every mention.
//!
//! ```
//! use nutgraf::corpus::Corpus;
//!
//! let mut corpus = Corpus::new();
//! let a = nutgraf::parse("Putin arrives in Beijing\n\nVladimir Putin arrived in Beijing on Tuesday for talks with Xi Jinping on trade.", &nutgraf::Meta::new())?;
//! let b = nutgraf::parse("Putin lands in China\n\nRussian President Vladimir Putin landed in Beijing for talks with Xi Jinping on trade and energy.", &nutgraf::Meta::new())?;
//! corpus.add("a", &a)?;
//! corpus.add("b", &b)?;
//! let stories = corpus.stories();
//! assert_eq!(stories.len(), 1);
//! assert_eq!(stories[0].docs, [0, 1]);
//! let putin = corpus.entities().into_iter().find(|e| e.name == "Vladimir Putin").unwrap();
//! assert_eq!(putin.docs().count(), 2);
//! # Ok::<(), nutgraf::Error>(())
//! ```
//!
//! # Streaming and memory
//!
//! The corpus does not keep the documents. Per document it keeps its id,
//! title and date, a `MinHash` signature of its body (128 bytes), its named
//! entities with their mentions (spans and text), its capitalized words outside
//! them (where a name its story's other documents tag may be found), its
//! numeric claims, its events and the days it names, and, to re-check its
//! story, its heaviest 32 words and 12 names and figures per bag and the
//! hashes of up to 256 of its names; per story, the heaviest 400 terms of each
//! of its bags and up to 256 names; and one table of how many documents used
//! each term. So memory grows with the documents, what they name and their
//! capitalized words (about 40 bytes and the word each: one a sentence at
//! least), not with the rest of their text: about 3.5
//! KB a short article when nearly every article is its own story
//! (`examples/corpus_scale.rs --corpus`: 346 MB for 100,000 with the lede
//! check of near-duplicates; 3.3 GB for 1,000,000 before it, about 0.3 KB a
//! document less), less when articles share stories. [`Corpus::memory_bytes`]
//! gives the figure; [`DuplicateOptions::keep`] bounds the duplicate index.
//! Each document is compared with at most 12 stories and the claims of one
//! measure with the 256 latest, so the work of each `add` is bounded whatever
//! the corpus holds; [`Corpus::extend`] computes what each document gives
//! alone on all cores (1,000,000 short documents at about 9,900 a second on a
//! shared 2-core machine).
//!
//! # How stories are formed
//!
//! Online and deterministic: the same documents in the same order give the
//! same stories. See [`StoryOptions`] for the similarity, its threshold, the
//! date test that keeps two similar happenings at different times apart, and
//! the contrast test that parts two happenings sharing their main names (a
//! rematch, a second arrest of one team's player) when a story is re-checked.

pub(crate) mod claims;
mod dedup;
mod entities;
pub(crate) mod profile;
mod stories;
pub(crate) mod timeline;

use std::collections::HashMap;

pub use claims::{Claim, ClaimKind, Conflict, ConflictKind};
pub use dedup::{DuplicateIndex, DuplicateOptions, Signature};
pub use entities::{CorpusEntity, CorpusMention, MentionKind};
pub use stories::{StoryMerge, StoryOptions};
pub use timeline::{TimelineEntry, TimelineSource};

use crate::{Date, Document, Error, Result};
use entities::{CapWord, DocEntity};
use profile::{content_words, word_hash, Term, Terms};
use stories::Clusterer;

/// Options of a [`Corpus`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub struct CorpusOptions {
    /// Near-duplicate detection.
    pub duplicates: DuplicateOptions,
    /// Story clustering.
    pub stories: StoryOptions,
}

impl CorpusOptions {
    /// The defaults.
    pub const fn new() -> CorpusOptions {
        CorpusOptions {
            duplicates: DuplicateOptions::new(),
            stories: StoryOptions::new(),
        }
    }
}

/// Two documents whose bodies are near copies.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Duplicate {
    /// The earlier document (its index in the corpus).
    pub a: usize,
    /// The later document.
    pub b: usize,
    /// The estimated similarity of their bodies, 0 to 1.
    pub similarity: f64,
}

/// Documents that report the same real-world happening.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Story {
    /// Its index: stories are numbered as they start (a story split off by a
    /// re-check takes the next number); a story that joined another is gone,
    /// so indices may skip. [`Corpus::timeline`] and [`Corpus::story_of`]
    /// use this number.
    pub index: usize,
    /// Its documents (indices in the corpus), in the order they were added.
    pub docs: Vec<usize>,
    /// A representative title: the title of its documents that shares most
    /// with the story's words.
    pub title: Option<String>,
    /// Its main names, the most widely used first: those in at least half of
    /// its documents, or the most used one.
    pub entities: Vec<String>,
    /// The first and last dates of its dated documents (publication, or the
    /// dateline's date).
    pub start: Option<Date>,
    /// See `start`.
    pub end: Option<Date>,
    /// Why each document after the first joined.
    pub merges: Vec<StoryMerge>,
}

/// What the corpus keeps of each document.
#[derive(Debug)]
struct DocRecord {
    id: Box<str>,
    title: Option<Box<str>>,
    story: u32,
    entities: Vec<DocEntity>,
    /// Capitalized words outside its entities' mentions, where the corpus
    /// looks for names its story's other documents tag.
    capitals: Vec<CapWord>,
    events: Vec<timeline::DocEvent>,
    /// The days its time expressions name, sorted.
    days: Box<[Date]>,
}

/// Parsed documents together: duplicates, stories, shared entities.
///
/// See the [module documentation](self).
#[derive(Debug)]
pub struct Corpus {
    options: CorpusOptions,
    docs: Vec<DocRecord>,
    ids: HashMap<Box<str>, usize>,
    dedup: DuplicateIndex,
    duplicates: Vec<Duplicate>,
    clusterer: Clusterer,
    claims: Vec<Claim>,
    /// Claims by measure and unit (the most recent [`MAX_CLAIMS_PER_MEASURE`]).
    claims_by_measure: HashMap<(String, Option<String>), Vec<u32>>,
    conflicts: Vec<Conflict>,
    claim_scratch: claims::ClaimScratch,
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus::new()
    }
}

/// Documents [`Corpus::extend`] prepares at once on the rayon pool.
const EXTEND_BATCH: usize = 1024;

/// What [`Corpus::add`] computes from a document alone, before it joins.
struct Prepared {
    signature: Signature,
    terms: Terms,
    claims: Vec<Claim>,
    entities: Vec<DocEntity>,
    capitals: Vec<CapWord>,
    events: Vec<timeline::DocEvent>,
    days: Box<[Date]>,
}

/// Claims of one measure and unit a new claim is compared with (the most
/// recent): bounds the work of each document.
const MAX_CLAIMS_PER_MEASURE: usize = 256;

impl Corpus {
    /// An empty corpus with the default options.
    pub fn new() -> Corpus {
        Corpus::with_options(CorpusOptions::new())
    }

    /// An empty corpus.
    pub fn with_options(options: CorpusOptions) -> Corpus {
        Corpus {
            options,
            docs: Vec::new(),
            ids: HashMap::new(),
            dedup: DuplicateIndex::new(options.duplicates),
            duplicates: Vec::new(),
            clusterer: Clusterer::default(),
            claims: Vec::new(),
            claims_by_measure: HashMap::new(),
            conflicts: Vec::new(),
            claim_scratch: claims::ClaimScratch::default(),
        }
    }

    /// Add a document under `id`: its index in the corpus.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::DuplicateId`](crate::ErrorKind::DuplicateId) when a
    /// document was already added under `id` (the corpus is unchanged).
    pub fn add(&mut self, id: impl Into<String>, doc: &Document) -> Result<usize> {
        let id: Box<str> = id.into().into_boxed_str();
        if self.ids.contains_key(&id) {
            return Err(Error::duplicate_id(&id));
        }
        let mut scratch = std::mem::take(&mut self.claim_scratch);
        let prepared = self.prepare(doc, self.docs.len(), &mut scratch);
        self.claim_scratch = scratch;
        Ok(self.insert(id, doc, prepared))
    }

    /// Add documents with their ids, in order: their indices. What each
    /// document gives alone (its signature, its bags of terms, its claims,
    /// entities and events) is computed on the rayon pool, a batch at a time;
    /// the documents then join the corpus one by one, in order, so the result
    /// is the same as adding them one by one with [`Corpus::add`].
    ///
    /// # Errors
    ///
    /// As [`Corpus::add`]; the documents before the one in error stay added.
    pub fn extend<'d, I, S>(&mut self, docs: I) -> Result<Vec<usize>>
    where
        I: IntoIterator<Item = (S, &'d Document)>,
        S: Into<String>,
    {
        use rayon::prelude::*;
        let mut out = Vec::new();
        let mut batch: Vec<(Box<str>, &Document)> = Vec::with_capacity(EXTEND_BATCH);
        let mut batch_ids: std::collections::HashSet<Box<str>> = std::collections::HashSet::new();
        let mut docs = docs.into_iter();
        loop {
            batch.clear();
            batch_ids.clear();
            // The batch ends early at an id added before (or twice in it).
            let mut failed = None;
            for (id, doc) in docs.by_ref() {
                let id: Box<str> = id.into().into_boxed_str();
                if self.ids.contains_key(&id) || !batch_ids.insert(id.clone()) {
                    failed = Some(Error::duplicate_id(&id));
                    break;
                }
                batch.push((id, doc));
                if batch.len() == EXTEND_BATCH {
                    break;
                }
            }
            let first = self.docs.len();
            let this: &Corpus = self;
            let prepared: Vec<Prepared> = batch
                .par_iter()
                .enumerate()
                .map_init(claims::ClaimScratch::default, |scratch, (k, (_, doc))| {
                    this.prepare(doc, first + k, scratch)
                })
                .collect();
            let full = batch.len() == EXTEND_BATCH;
            for ((id, doc), p) in batch.drain(..).zip(prepared) {
                out.push(self.insert(id, doc, p));
            }
            if let Some(e) = failed {
                return Err(e);
            }
            if !full {
                return Ok(out);
            }
        }
    }

    /// What a document gives alone, as document `index`.
    fn prepare(
        &self,
        doc: &Document,
        index: usize,
        scratch: &mut claims::ClaimScratch,
    ) -> Prepared {
        let entities = entities::of(doc);
        Prepared {
            signature: self.dedup.sign(&doc.body),
            terms: Terms::of(doc),
            claims: claims::of(doc, index, scratch),
            capitals: entities::capitalized_words(doc, &entities),
            entities,
            events: timeline::of(doc),
            days: timeline::named_days(doc),
        }
    }

    /// Add a prepared document under `id` (not yet in the corpus).
    fn insert(&mut self, id: Box<str>, doc: &Document, p: Prepared) -> usize {
        let index = self.docs.len();
        let copies = self.dedup.add_signed(&p.signature);
        let copy_of = copies
            .first()
            .and_then(|&(earlier, _)| Some((earlier, self.docs.get(earlier)?.story as usize)));
        for (earlier, similarity) in copies {
            self.duplicates.push(Duplicate {
                a: earlier,
                b: index,
                similarity,
            });
        }
        let date = doc.published.or(doc.dateline.as_ref().and_then(|d| d.date));
        let story = self.clusterer.add(
            index,
            &p.terms,
            &doc.body,
            date,
            copy_of,
            &self.options.stories,
        );
        // A story split or merged moves documents to another.
        for (d, s) in self.clusterer.take_moves() {
            if let Some(r) = self.docs.get_mut(d) {
                r.story = s as u32;
            }
        }
        for claim in p.claims {
            let key = (claim.measure.clone(), claim.unit.clone());
            let list = self.claims_by_measure.entry(key).or_default();
            for &other in list.iter() {
                if let Some(c) = claims::conflict(&self.claims[other as usize], &claim) {
                    self.conflicts.push(c);
                }
            }
            list.push(self.claims.len() as u32);
            if list.len() > MAX_CLAIMS_PER_MEASURE {
                list.remove(0);
            }
            self.claims.push(claim);
        }
        self.docs.push(DocRecord {
            id: id.clone(),
            title: doc.title.as_deref().map(Into::into),
            story: story as u32,
            entities: p.entities,
            capitals: p.capitals,
            events: p.events,
            days: p.days,
        });
        self.ids.insert(id, index);
        index
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The id of document `index`.
    pub fn id(&self, index: usize) -> Option<&str> {
        self.docs.get(index).map(|d| &*d.id)
    }

    /// The index of the document added under `id`.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The index of the story document `index` belongs to.
    pub fn story_of(&self, index: usize) -> Option<usize> {
        self.docs.get(index).map(|d| d.story as usize)
    }

    /// Pairs of near-duplicate documents, in the order they were found.
    pub fn duplicates(&self) -> &[Duplicate] {
        &self.duplicates
    }

    /// Every numeric claim of the documents, in order (see [`Claim`]).
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// Claims that cannot both be right (see [`ConflictKind`]): first the
    /// figures, in the order they were found (the same measure of the same
    /// subjects for the same period with values apart beyond their
    /// approximation, or for adjacent years a hundred times apart); then,
    /// story by story, the days documents give one event (same type, an actor
    /// in common, no targets or places apart) when they differ by up to a
    /// week and no document gives both. A date conflict's claims are
    /// [`ClaimKind::Date`]: the time expressions, with the event's type as
    /// their measure and its day as their period. The dates are read from the
    /// stories as they stand, so they follow the stories as documents arrive.
    pub fn conflicts(&self) -> Vec<Conflict> {
        let mut out = self.conflicts.clone();
        for st in &self.clusterer.stories {
            if st.members.len() < 2 {
                continue;
            }
            let docs: Vec<usize> = st.members.iter().map(|&m| m as usize).collect();
            timeline::date_conflicts(
                &docs,
                |d| (self.docs[d].events.as_slice(), &self.docs[d].days),
                &mut out,
            );
        }
        out
    }

    /// The stories that have documents, by [`Story::index`] (which may skip
    /// the number of a story that joined another).
    pub fn stories(&self) -> Vec<Story> {
        self.clusterer
            .stories
            .iter()
            .enumerate()
            .filter(|(_, st)| !st.members.is_empty())
            .map(|(index, st)| {
                let docs: Vec<usize> = st.members.iter().map(|&m| m as usize).collect();
                let half = docs.len().div_ceil(2) as u32;
                let mut names: Vec<&(Term, Box<str>, u32)> = st.names.iter().collect();
                names.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
                let top = names.first().map_or(0, |n| n.2);
                let entities = names
                    .iter()
                    .filter(|n| n.2 >= half.max(1) || n.2 == top)
                    .take(12)
                    .map(|n| n.1.to_string())
                    .collect();
                Story {
                    index,
                    title: self.representative_title(st, &docs),
                    docs,
                    entities,
                    start: st.start,
                    end: st.end,
                    merges: st.merges.clone(),
                }
            })
            .collect()
    }

    /// The title of `docs` whose words weigh most in the story.
    fn representative_title(&self, st: &stories::StoryState, docs: &[usize]) -> Option<String> {
        let mut best: Option<(f32, &str)> = None;
        for &d in docs {
            let Some(title) = self.docs[d].title.as_deref() else {
                continue;
            };
            let (mut sum, mut n) = (0f32, 0u32);
            content_words(title, |w| {
                sum += st.word_weight(word_hash(w));
                n += 1;
            });
            let score = if n == 0 { 0.0 } else { sum / n as f32 };
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, title));
            }
        }
        best.map(|b| b.1.to_owned())
    }

    /// The timeline of story `story` (its [`Story::index`], not its position
    /// in [`Corpus::stories`]): its
    /// documents' events in time order, one entry per event however many
    /// sources report it (same type, an actor in common, times that agree or
    /// are unknown), each citing its sources. Events no source dates come
    /// last, in the order they were reported; negated events are left out.
    /// Empty for an unknown story.
    pub fn timeline(&self, story: usize) -> Vec<TimelineEntry> {
        let Some(st) = self.clusterer.stories.get(story) else {
            return Vec::new();
        };
        let docs: Vec<usize> = st.members.iter().map(|&m| m as usize).collect();
        timeline::build(&docs, |d| self.docs[d].events.as_slice())
    }

    /// The named entities across documents, one per real-world entity, the
    /// most widely named first. See [`CorpusEntity`] for how names are merged.
    pub fn entities(&self) -> Vec<CorpusEntity> {
        entities::merge(self.docs.iter().enumerate().map(|(i, d)| {
            (
                i,
                d.story as usize,
                d.entities.as_slice(),
                d.capitals.as_slice(),
            )
        }))
    }

    /// Memory held by the corpus, in bytes (approximate).
    pub fn memory_bytes(&self) -> usize {
        self.dedup.memory_bytes()
            + self.clusterer.heap_bytes()
            + self.duplicates.capacity() * std::mem::size_of::<Duplicate>()
            + self.ids.capacity() * 24
            + self
                .claims
                .iter()
                .map(|c| {
                    std::mem::size_of::<Claim>()
                        + c.text.len()
                        + c.measure.len()
                        + c.subjects.iter().map(|s| s.len() + 24).sum::<usize>()
                })
                .sum::<usize>()
            + self.claims_by_measure.capacity() * 64
            + self.conflicts.capacity() * std::mem::size_of::<Conflict>()
            + self
                .docs
                .iter()
                .map(|d| {
                    std::mem::size_of::<DocRecord>()
                        + d.id.len() * 2
                        + d.title.as_ref().map_or(0, |t| t.len())
                        + d.days.len() * std::mem::size_of::<Date>()
                        + d.entities.iter().map(DocEntity::heap_bytes).sum::<usize>()
                        + d.capitals.iter().map(CapWord::heap_bytes).sum::<usize>()
                        + d.events
                            .iter()
                            .map(timeline::DocEvent::heap_bytes)
                            .sum::<usize>()
                })
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod extend_tests {
    use super::*;

    /// Short news-like documents: three stories, with copies.
    fn docs() -> Vec<Document> {
        let texts = [
            "Rescuers in Copiapo, Chile, pulled the last of 33 trapped miners from the San Jose mine on Wednesday, President Sebastian Pinera said.",
            "A magnitude 7.1 earthquake struck off the coast of Fukushima, Japan, on Saturday, the Japan Meteorological Agency said.",
            "Luis Urzua became the last of the 33 miners lifted from the San Jose mine near Copiapo, Chile. Trade with Peru reached $5 billion in 2022.",
            "Central bank governor Ana Ruiz raised interest rates to 4.5% on Thursday. Trade with Peru reached $5 million in 2023.",
        ];
        (0..1100)
            .map(|i| {
                let text = format!("{} Report {}.", texts[i % texts.len()], i % 7);
                crate::parse(&text, &crate::Meta::new()).unwrap()
            })
            .collect()
    }

    /// What a corpus reports, for comparing two.
    fn report(c: &Corpus) -> String {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            c.stories(),
            c.duplicates(),
            c.entities(),
            c.claims(),
            c.conflicts()
        )
    }

    #[test]
    fn extend_gives_what_add_gives_across_batches() {
        let docs = docs();
        let mut one = Corpus::new();
        for (i, d) in docs.iter().enumerate() {
            one.add(i.to_string(), d).unwrap();
        }
        let mut all = Corpus::new();
        let got = all
            .extend(docs.iter().enumerate().map(|(i, d)| (i.to_string(), d)))
            .unwrap();
        assert_eq!(got, (0..docs.len()).collect::<Vec<_>>());
        assert_eq!(report(&one), report(&all));
        assert!(!all.duplicates().is_empty() && !all.conflicts().is_empty());
    }

    #[test]
    fn extend_stops_at_a_taken_id_keeping_those_before() {
        let docs = docs();
        let mut c = Corpus::new();
        c.add("x", &docs[0]).unwrap();
        // An id taken before, past the first batch.
        let ids = (0..1100).map(|i| {
            if i == 1050 {
                "x".to_owned()
            } else {
                i.to_string()
            }
        });
        let e = c.extend(ids.zip(&docs)).unwrap_err();
        assert!(e.is_duplicate_id());
        assert_eq!(c.len(), 1051);
        // An id given twice in one call.
        let ids = ["a", "b", "a", "c"].map(str::to_owned);
        let e = c.extend(ids.into_iter().zip(&docs)).unwrap_err();
        assert!(e.is_duplicate_id());
        assert_eq!(c.len(), 1053);
        assert_eq!(c.id(1052), Some("b"));
        // The same as adding the same documents one by one.
        let mut one = Corpus::new();
        one.add("x", &docs[0]).unwrap();
        for (i, d) in docs[..1050].iter().enumerate() {
            one.add(i.to_string(), d).unwrap();
        }
        one.add("a", &docs[0]).unwrap();
        one.add("b", &docs[1]).unwrap();
        assert_eq!(report(&one), report(&c));
    }
}
