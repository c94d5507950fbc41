//! Entities across documents: one entry per real-world entity.
//!
//! Conservative by design: two entities of different documents merge when
//! their names fold to the same form (case, accents, a leading "the" and a
//! possessive ignored) and their labels are of one class (people; places;
//! organizations; the rest by label). A one-word person name ("Putin", "Reid")
//! joins a fuller name ending with it only when exactly one such person is
//! named in the same story; otherwise it stays apart, so two people who
//! merely share a surname in different stories are never one.

use std::collections::{BTreeMap, HashMap};

use crate::entities::resolve::fold;
use crate::{CharOffsets, Document, EntityLabel, Span};

/// A named entity of the corpus.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct CorpusEntity {
    /// Its id: its index in [`Corpus::entities`](super::Corpus::entities).
    pub id: usize,
    /// Its name: the fullest name most documents use.
    pub name: String,
    /// Its type: the label most of its documents give it.
    pub label: EntityLabel,
    /// Every distinct form used for it, its name included, sorted.
    pub aliases: Vec<String>,
    /// Every mention, by document then position.
    pub mentions: Vec<CorpusMention>,
}

impl CorpusEntity {
    /// The documents that name it (indices in the corpus), each once, in order.
    pub fn docs(&self) -> impl Iterator<Item = usize> + '_ {
        let mut last = None;
        self.mentions
            .iter()
            .filter(move |m| {
                let first = last != Some(m.doc);
                last = Some(m.doc);
                first
            })
            .map(|m| m.doc)
    }
}

/// A mention of a [`CorpusEntity`] in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CorpusMention {
    /// The document (its index in the corpus).
    pub doc: usize,
    /// Where it is in that document's original input (bytes).
    pub span: Span,
    /// The same in characters (code points), as Python and JSON count.
    pub chars: (usize, usize),
    /// Its text.
    pub text: String,
}

/// What the corpus keeps of one entity of one document.
#[derive(Debug)]
pub(crate) struct DocEntity {
    label: EntityLabel,
    name: Box<str>,
    key: Box<str>,
    aliases: Vec<Box<str>>,
    mentions: Vec<(Span, (usize, usize), Box<str>)>,
}

impl DocEntity {
    /// Heap bytes held (approximate).
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of::<DocEntity>()
            + self.name.len()
            + self.key.len()
            + self.aliases.iter().map(|a| a.len() + 16).sum::<usize>()
            + self.mentions.iter().map(|m| m.2.len() + 48).sum::<usize>()
    }
}

/// The entities of a document the corpus merges (not times, money or numbers).
pub(crate) fn of(doc: &Document) -> Vec<DocEntity> {
    let chars = CharOffsets::new(&doc.text);
    doc.entities
        .iter()
        .filter(|e| class(e.label).is_some())
        .filter_map(|e| {
            let key = fold(&e.name);
            if key.is_empty() {
                return None;
            }
            Some(DocEntity {
                label: e.label,
                name: e.name.as_str().into(),
                key: key.into(),
                aliases: e.aliases.iter().map(|a| a.as_str().into()).collect(),
                mentions: e
                    .mentions
                    .iter()
                    .filter_map(|&m| doc.mentions.get(m))
                    .map(|m| (m.span, chars.span(m.span), doc.slice(m.span).into()))
                    .collect(),
            })
        })
        .collect()
}

/// The class of labels whose names may merge; `None` for labels not kept.
fn class(label: EntityLabel) -> Option<u8> {
    Some(match label {
        EntityLabel::Person => 0,
        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => 1,
        EntityLabel::Org => 2,
        EntityLabel::Norp => 3,
        EntityLabel::Event => 4,
        EntityLabel::Product => 5,
        EntityLabel::WorkOfArt => 6,
        EntityLabel::Law => 7,
        _ => return None,
    })
}

/// Merge the entities of documents given as `(doc, story, entities)`.
pub(crate) fn merge<'a>(
    docs: impl Iterator<Item = (usize, usize, &'a [DocEntity])>,
) -> Vec<CorpusEntity> {
    // Groups by (class, folded name), in order of first use.
    let mut group_of: HashMap<(u8, &str), usize> = HashMap::new();
    let mut groups: Vec<Vec<(usize, &DocEntity)>> = Vec::new();
    // One-word person names, resolved once every full name is known.
    let mut short: Vec<(usize, usize, &DocEntity)> = Vec::new();
    // (story, folded last word) -> the groups of full person names ending so.
    let mut surnames: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (doc, story, ents) in docs {
        for e in ents {
            let Some(c) = class(e.label) else { continue };
            if c == 0 && !e.key.contains(' ') {
                short.push((doc, story, e));
                continue;
            }
            let g = *group_of.entry((c, &e.key)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push((doc, e));
            if c == 0 {
                if let Some(last) = e.key.rsplit(' ').next() {
                    let list = surnames.entry((story, last)).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
        }
    }
    for (doc, story, e) in short {
        let g = match surnames.get(&(story, &*e.key)).map(Vec::as_slice) {
            Some(&[g]) => g,
            _ => *group_of.entry((0, &e.key)).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            }),
        };
        groups[g].push((doc, e));
    }

    let mut out: Vec<CorpusEntity> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut members| {
            members.sort_by_key(|m| m.0);
            let mut names: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            let mut labels: BTreeMap<u8, (usize, EntityLabel)> = BTreeMap::new();
            let mut aliases: Vec<String> = Vec::new();
            let mut mentions = Vec::new();
            for &(doc, e) in &members {
                let n = names.entry(&e.name).or_default();
                n.0 += 1;
                n.1 = e.name.split_whitespace().count();
                labels.entry(e.label as u8).or_insert((0, e.label)).0 += 1;
                aliases.push(e.name.to_string());
                aliases.extend(e.aliases.iter().map(ToString::to_string));
                mentions.extend(e.mentions.iter().map(|(span, chars, text)| CorpusMention {
                    doc,
                    span: *span,
                    chars: *chars,
                    text: text.to_string(),
                }));
            }
            // The fullest name, then the most used, then the first in order.
            let name = names
                .iter()
                .max_by(|a, b| {
                    (a.1 .1, a.1 .0)
                        .cmp(&(b.1 .1, b.1 .0))
                        .then_with(|| b.0.cmp(a.0))
                })
                .map(|n| (*n.0).to_owned())
                .unwrap_or_default();
            let label = labels
                .values()
                .max_by_key(|l| l.0)
                .map_or(EntityLabel::Person, |l| l.1);
            aliases.sort();
            aliases.dedup();
            mentions.sort_by_key(|m| (m.doc, m.span.start));
            CorpusEntity {
                id: 0,
                name,
                label,
                aliases,
                mentions,
            }
        })
        .collect();
    let docs_of = |e: &CorpusEntity| e.docs().count();
    out.sort_by(|a, b| {
        docs_of(b)
            .cmp(&docs_of(a))
            .then_with(|| b.mentions.len().cmp(&a.mentions.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i;
    }
    out
}
