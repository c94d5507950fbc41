//! What the corpus keeps of a document to cluster it: bags of its words, of
//! the people and places it names and of the figures it gives, each a sparse
//! vector of hashed terms.

use crate::entities::resolve::fold;
use crate::entities::EntityLabel;
use crate::lexicon::WordSet;
use crate::{Document, QuantityKind};

/// Words that say nothing of a story: closed-class English words and the
/// commonest reporting verbs (`data/lexicons/corpus_stopwords.txt`).
static STOPWORDS: WordSet = crate::lexicon::word_set!("corpus_stopwords.txt");

/// The bags a document is compared by.
pub(crate) const KINDS: usize = 4;
/// Words of the body.
pub(crate) const WORDS: usize = 0;
/// People named.
pub(crate) const PEOPLE: usize = 1;
/// Places named (countries, cities, regions, buildings).
pub(crate) const PLACES: usize = 2;
/// Figures given (money, counts, percentages, measures) and the years its
/// dates fall in.
pub(crate) const FIGURES: usize = 3;

/// Sentences of the lead, whose names weigh [`LEAD_WEIGHT`] times.
const LEAD_SENTENCES: usize = 3;
/// See [`LEAD_SENTENCES`].
const LEAD_WEIGHT: usize = 3;

/// A term: the 32-bit hash of a word, a name or a figure (with its bag).
pub(crate) type Term = u32;

/// A sparse vector: terms sorted by their hash, with a weight each.
pub(crate) type Sparse = Vec<(Term, f32)>;

/// Term counts of one document, per bag, sorted by term.
#[derive(Debug, Default)]
pub(crate) struct Terms {
    pub(crate) counts: [Vec<(Term, u32)>; KINDS],
    /// The display form of named terms (people and places), by term.
    pub(crate) names: Vec<(Term, Box<str>)>,
}

/// The hash of a term of bag `kind` (FNV-1a, a final mix, folded to 32 bits:
/// half the memory of 64, and a collision between two of a story's terms is
/// rare enough not to change a similarity).
fn term_hash(kind: usize, bytes: impl Iterator<Item = u8>) -> Term {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (kind as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h ^ (h >> 32)) as Term
}

/// The hash of a word (lower-cased) of the words bag.
pub(crate) fn word_hash(word: &str) -> Term {
    term_hash(WORDS, word.bytes())
}

/// Sort hashes and count each: `(hash, count)` sorted by hash.
pub(crate) fn counted(mut hashes: Vec<Term>) -> Vec<(Term, u32)> {
    hashes.sort_unstable();
    let mut out: Vec<(Term, u32)> = Vec::with_capacity(hashes.len());
    for h in hashes {
        match out.last_mut() {
            Some((last, c)) if *last == h => *c += 1,
            _ => out.push((h, 1)),
        }
    }
    out
}

/// Calls `f` with each word of `text` lower-cased (runs of letters and
/// digits; one reused buffer, no allocation per word) that can tell one
/// story from another: not a stopword, not a bare number, at least three
/// characters.
pub(crate) fn content_words(text: &str, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    let mut chars = 0usize;
    let mut digits = true;
    let flush = |buf: &mut String, chars: usize, digits: bool, f: &mut dyn FnMut(&str)| {
        if chars >= 3 && !digits && !STOPWORDS.contains(buf.as_str()) {
            f(buf);
        }
        buf.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            // A word of thousands of characters is no word: stop growing it.
            if chars < 64 {
                buf.extend(c.to_lowercase());
            }
            chars += 1;
            digits &= c.is_ascii_digit();
        } else if chars > 0 {
            flush(&mut buf, chars, digits, &mut f);
            chars = 0;
            digits = true;
        }
    }
    if chars > 0 {
        flush(&mut buf, chars, digits, &mut f);
    }
}

/// The bag of a named entity's label, if it is one the corpus compares.
fn name_kind(label: EntityLabel) -> Option<usize> {
    match label {
        EntityLabel::Person => Some(PEOPLE),
        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => Some(PLACES),
        _ => None,
    }
}

/// A figure as a term: its kind, unit and value to three significant digits
/// ("$190 million" and "190 million dollars" are one term).
fn figure_hash(kind: QuantityKind, unit: Option<&str>, value: f64) -> Option<Term> {
    if !value.is_finite() || value == 0.0 {
        return None;
    }
    let rounded = format!("{value:.2e}");
    let bytes = kind
        .as_str()
        .bytes()
        .chain([0])
        .chain(unit.unwrap_or("").bytes())
        .chain([0])
        .chain(rounded.bytes());
    Some(term_hash(FIGURES, bytes))
}

impl Terms {
    /// The terms of a parsed document.
    pub(crate) fn of(doc: &Document) -> Terms {
        let mut words = Vec::new();
        content_words(&doc.body, |w| words.push(word_hash(w)));
        // The title counts like the body's words (it is often not in it).
        if let Some(title) = &doc.title {
            content_words(title, |w| words.push(word_hash(w)));
        }
        let mut people = Vec::new();
        let mut places = Vec::new();
        let lead_end = doc
            .sentences
            .get(LEAD_SENTENCES - 1)
            .or(doc.sentences.last())
            .map_or(0, |s| s.span.end);
        let mut names: Vec<(Term, Box<str>)> = Vec::new();
        for e in &doc.entities {
            let Some(kind) = name_kind(e.label) else {
                continue;
            };
            let key = fold(&e.name);
            if key.is_empty() {
                continue;
            }
            let h = term_hash(kind, key.bytes());
            let bag = if kind == PEOPLE {
                &mut people
            } else {
                &mut places
            };
            // Names in the lead (the title and first sentences) say what the
            // story is about: they count three times.
            let uses = e
                .mentions
                .iter()
                .filter_map(|&m| doc.mentions.get(m))
                .map(|m| {
                    if m.span.start < lead_end {
                        LEAD_WEIGHT
                    } else {
                        1
                    }
                })
                .sum::<usize>()
                .max(1);
            bag.extend(std::iter::repeat_n(h, uses));
            names.push((h, e.name.as_str().into()));
            // A person is also their family name, which other reports may
            // use alone ("Lohan" for "Lindsay Lohan").
            if kind == PEOPLE {
                if let Some((_, last)) = key.rsplit_once(' ') {
                    let h = term_hash(kind, last.bytes());
                    people.extend(std::iter::repeat_n(h, uses));
                }
            }
        }
        names.sort_unstable_by_key(|n| n.0);
        names.dedup_by_key(|n| n.0);
        let figures: Vec<Term> = doc
            .quantities
            .iter()
            .filter(|q| q.kind != QuantityKind::Ordinal && q.unit.is_some())
            .filter_map(|q| figure_hash(q.kind, q.unit.as_deref(), q.value))
            // The years its dates fall in ("in 2008", "on July 7, 2012", a
            // weekday resolved against the publication date): two reports
            // of one happening name the same years.
            .chain(doc.times.iter().filter_map(|t| {
                let year = t.value.as_deref()?.get(..4)?;
                year.bytes()
                    .all(|b| b.is_ascii_digit())
                    .then(|| term_hash(FIGURES, b"year\0".iter().copied().chain(year.bytes())))
            }))
            .collect();
        Terms {
            counts: [
                counted(words),
                counted(people),
                counted(places),
                counted(figures),
            ],
            names,
        }
    }
}

/// The dot product of two sparse vectors.
pub(crate) fn dot(x: &[(Term, f32)], y: &[(Term, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0f32);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += x[i].1 * y[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The Euclidean norm of a sparse vector.
pub(crate) fn norm(v: &[(Term, f32)]) -> f32 {
    v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt()
}

/// `into += v`, both sorted by term.
pub(crate) fn add_into(into: &mut Sparse, v: &[(Term, f32)]) {
    let mut out = Vec::with_capacity(into.len() + v.len());
    let (mut i, mut j) = (0, 0);
    while i < into.len() || j < v.len() {
        let take_a = j >= v.len() || (i < into.len() && into[i].0 < v[j].0);
        let take_b = i >= into.len() || (j < v.len() && v[j].0 < into[i].0);
        if take_a {
            out.push(into[i]);
            i += 1;
        } else if take_b {
            out.push(v[j]);
            j += 1;
        } else {
            out.push((into[i].0, into[i].1 + v[j].1));
            i += 1;
            j += 1;
        }
    }
    *into = out;
}

/// Keep the `max` heaviest terms of `v` (still sorted by term).
pub(crate) fn prune(v: &mut Sparse, max: usize) {
    if v.len() <= max {
        return;
    }
    v.select_nth_unstable_by(max, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(max);
    v.sort_unstable_by_key(|x| x.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_skip_stopwords_numbers_and_short_words() {
        let mut seen = Vec::new();
        content_words(
            "The Kremlin said 2023 was a year of ÉTÉ talks, in Beijing.",
            |w| {
                seen.push(w.to_owned());
            },
        );
        assert_eq!(seen, ["kremlin", "year", "été", "talks", "beijing"]);
    }

    #[test]
    fn a_giant_word_is_bounded() {
        let text = "x".repeat(100_000);
        let mut n = 0;
        content_words(&text, |w| {
            assert!(w.len() <= 64);
            n += 1;
        });
        assert_eq!(n, 1);
    }

    #[test]
    fn sparse_sum_dot_and_prune() {
        let mut a: Sparse = vec![(1, 1.0), (3, 2.0)];
        add_into(&mut a, &[(2, 1.0), (3, 1.0), (9, 0.5)]);
        assert_eq!(a, vec![(1, 1.0), (2, 1.0), (3, 3.0), (9, 0.5)]);
        assert!((dot(&a, &[(3, 1.0), (9, 2.0)]) - 4.0).abs() < 1e-6);
        prune(&mut a, 2);
        assert_eq!(a, vec![(1, 1.0), (3, 3.0)]);
    }
}
