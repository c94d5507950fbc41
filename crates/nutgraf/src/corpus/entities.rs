//! Entities across documents: one entry per real-world entity.
//!
//! Conservative by design. Names are grouped by their folded form (case,
//! accents, a leading "the" and a possessive ignored; an organization's
//! company suffix too, "Microsoft Corp." being "Microsoft"; and the words for
//! the kind of place that end an institution's name one word, "Betty Ford
//! Centre" and "Betty Ford Clinic" being "Betty Ford Center") within a class
//! of labels (people; places; organizations and facilities, which taggers
//! tell apart poorly; the rest by label). Then, within
//! each story only, and each rule seeing the ones before it:
//!
//! 1. a person's name joins the same name with a generational suffix ("Ann
//!    Lee" of "Ann Lee Jr.") when the story has one such name and no document
//!    names both apart (a father and son named in one report stay two);
//! 2. a one-word place or organization joins the one person of the story
//!    whose family or first name it is ("Lee" or "Ann" tagged an
//!    organization, of "Ann Lee"; a shorter full name counting as its fuller
//!    one), when the story names that person in more documents than it
//!    names the word alone as a place or organization, and no longer place
//!    or organization name of the story ends with the word (but for one ending
//!    with the person's name, a tagger's run-on);
//! 3. one name given several classes (person, place, organization) takes the
//!    class of the most documents of the story (a one-word person name that
//!    is a fuller name's part is left to rule 4); a tie leaves them apart;
//! 4. a name that documents of the story give as another form of one entity
//!    alone joins that entity ("Mo Cheeks" of the "Maurice Cheeks" of a report
//!    writing "Maurice 'Mo' Cheeks", "ATI" of "ATI Technologies"): the
//!    document's own resolution read across the story (an acronym only of a
//!    name written in capitals: "Who" is not the WHO); otherwise a shorter
//!    form joins the one longer name of its class it can be a form of: a
//!    person's family name, first name or middle and last names ("Lee", "Ann"
//!    of "Ann Lee"), an organization's last words or initials ("Colts" of
//!    "Indianapolis Colts", "AMD" of "Advanced Micro Devices");
//! 5. a person's or organization's name one edit away (a letter changed,
//!    added, dropped, two swapped, a space) from a form of one other entity
//!    of its class joins it ("Malcom Tucker" of "Malcolm Tucker", "Vincent
//!    Del Giudice" written without its space), when that entity is named in
//!    more documents of the story and no document names both; names shorter
//!    than six letters, a changed word under four letters ("Jon", "John") and
//!    names ending in a number are never variants;
//! 6. a name the story's documents tag for one entity alone (up to four
//!    words) becomes a mention of that entity where a document of the story
//!    writes it capitalized but untagged (headlines in title case, a
//!    sentence's first word), when the story tags that form at least as often
//!    as it leaves it untagged: the tagger's own majority, so that a slip
//!    ("We" tagged once) is not spread.
//!
//! With none or several candidates a name stays apart, so two people who
//! merely share a family name, or the same name in different stories, are
//! never one.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::entities::resolve::{fold, initials};
use crate::lexicon::{WordSet, GENERATIONAL};
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
    /// Whether it is a name, a phrase naming a role ("the Russian president")
    /// or a pronoun, as the document's own resolution linked it.
    pub kind: MentionKind,
}

/// What a [`CorpusMention`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MentionKind {
    /// A name ("Vladimir Putin", "Putin").
    Name,
    /// A phrase naming a role the document links to the entity ("the Russian
    /// leader").
    Reference,
    /// A pronoun or group phrase resolved to the entity ("he", "the two
    /// leaders").
    Pronoun,
}

impl MentionKind {
    /// "name", "reference" or "pronoun".
    pub const fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Reference => "reference",
            MentionKind::Pronoun => "pronoun",
        }
    }
}

/// What the corpus keeps of one entity of one document.
#[derive(Debug)]
pub(crate) struct DocEntity {
    label: EntityLabel,
    name: Box<str>,
    key: Box<str>,
    aliases: Vec<Box<str>>,
    /// Its mentions (`doc` set when entities are merged).
    mentions: Vec<CorpusMention>,
}

impl DocEntity {
    /// Heap bytes held (approximate).
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of::<DocEntity>()
            + self.name.len()
            + self.key.len()
            + self.aliases.iter().map(|a| a.len() + 16).sum::<usize>()
            + self
                .mentions
                .iter()
                .map(|m| m.text.len() + std::mem::size_of::<CorpusMention>())
                .sum::<usize>()
    }
}

#[cfg(test)]
impl DocEntity {
    /// A document entity named once, for tests of [`merge`].
    pub(super) fn named(label: EntityLabel, name: &str) -> DocEntity {
        DocEntity::named_at(label, name, 0)
    }

    /// A document entity named once that its document also calls `aliases`,
    /// for tests of [`merge`].
    pub(super) fn aliased(label: EntityLabel, name: &str, aliases: &[&str]) -> DocEntity {
        let mut e = DocEntity::named(label, name);
        e.aliases.extend(aliases.iter().map(|&a| a.into()));
        e
    }

    /// A document entity named once at byte `start`, for tests of [`merge`].
    pub(super) fn named_at(label: EntityLabel, name: &str, start: usize) -> DocEntity {
        let span = Span::new(start, start + name.len());
        DocEntity {
            label,
            name: name.into(),
            key: fold(name).into(),
            aliases: vec![name.into()],
            mentions: vec![CorpusMention {
                doc: 0,
                span,
                chars: (span.start, span.end),
                text: name.to_owned(),
                kind: MentionKind::Name,
            }],
        }
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
                    .filter_map(|&m| doc.mentions.get(m).map(|m| (m.span, MentionKind::Name)))
                    .chain(e.references.iter().map(|&s| (s, MentionKind::Reference)))
                    .chain(e.pronouns.iter().map(|&s| (s, MentionKind::Pronoun)))
                    .map(|(span, kind)| CorpusMention {
                        doc: 0,
                        span,
                        chars: chars.span(span),
                        text: doc.slice(span).to_owned(),
                        kind,
                    })
                    .collect(),
            })
        })
        .collect()
}

/// A capitalized word of a document outside its entities' mentions.
#[derive(Debug)]
pub(crate) struct CapWord {
    /// Byte range in the document's input.
    start: u32,
    end: u32,
    /// The same in characters.
    cstart: u32,
    cend: u32,
    /// The word, without a possessive or a final full stop.
    text: Box<str>,
    /// Whether one space alone separates it from the word before, which is
    /// capitalized too and ends neither a sentence nor a possessive: the two
    /// may be one name.
    joins: bool,
}

impl CapWord {
    /// Heap bytes held (approximate).
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of::<CapWord>() + self.text.len()
    }
}

/// The end of the name in `word`: without a possessive ("Lee's", "Jones'")
/// and without a full stop that ends a sentence rather than an abbreviation
/// ("Lee." but not "U.S.", "St." or the initial "J."); and whether it was cut.
fn name_end(word: &str) -> (usize, bool) {
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().any(char::is_alphanumeric) {
                return (stem.len(), true);
            }
        }
    }
    if let Some(stem) = word.strip_suffix('.') {
        // "J." and "St." are a name's initial and abbreviation, "U.S." an
        // abbreviation: kept, and the name goes on.
        if !stem.contains('.') && stem.chars().count() > 2 {
            return (stem.len(), true);
        }
    }
    (word.len(), false)
}

/// A word of a name folded for lookup: lower case, no accents, no possessive,
/// no final full stop or comma.
fn name_word(word: &str) -> String {
    let mut w = fold(word);
    while w.ends_with(['.', ',']) {
        w.pop();
    }
    w
}

/// The capitalized words of `doc` that no mention of `ents` covers, in order.
pub(crate) fn capitalized_words(doc: &Document, ents: &[DocEntity]) -> Vec<CapWord> {
    capitalized_words_in(&doc.text, ents)
}

/// The capitalized words of `text` that no mention of `ents` covers.
pub(super) fn capitalized_words_in(text: &str, ents: &[DocEntity]) -> Vec<CapWord> {
    // The mentions' spans, merged into disjoint runs sorted by start.
    let mut covered: Vec<Span> = ents
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.span))
        .collect();
    covered.sort_unstable_by_key(|s| (s.start, s.end));
    let mut runs: Vec<Span> = Vec::with_capacity(covered.len());
    for s in covered {
        match runs.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => runs.push(s),
        }
    }
    let chars = CharOffsets::new(text);
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&');
    let mut out: Vec<CapWord> = Vec::new();
    let mut prev_end: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if !is_word(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = it.peek() {
            if !is_word(d) {
                break;
            }
            end = i + d.len_utf8();
            it.next();
        }
        let word = text.get(start..end).unwrap_or_default();
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        let at = runs.partition_point(|r| r.end <= start);
        let free = runs.get(at).is_none_or(|r| r.start >= end);
        let (cut, ends) = name_end(word);
        let word = word.get(..cut).unwrap_or(word);
        let end = start + word.len();
        // (A word that starts with a capital never folds to nothing.)
        let kept = (upper && free)
            .then(|| {
                Some((
                    u32::try_from(start).ok()?,
                    u32::try_from(end).ok()?,
                    u32::try_from(chars.char_offset(start)).ok()?,
                    u32::try_from(chars.char_offset(end)).ok()?,
                ))
            })
            .flatten();
        if let Some((s, e, cs, ce)) = kept {
            let joins = prev_end.is_some_and(|p| text.get(p..start) == Some(" "));
            out.push(CapWord {
                start: s,
                end: e,
                cstart: cs,
                cend: ce,
                text: word.into(),
                joins,
            });
            // A word that ends a sentence or a possessive ends its name.
            prev_end = (!ends).then_some(end);
        } else {
            prev_end = None;
        }
    }
    out
}

/// The class of labels whose names may merge; `None` for labels not kept.
fn class(label: EntityLabel) -> Option<u8> {
    Some(match label {
        EntityLabel::Person => 0,
        EntityLabel::Gpe | EntityLabel::Loc => 1,
        EntityLabel::Org | EntityLabel::Fac => 2,
        EntityLabel::Norp => 3,
        EntityLabel::Event => 4,
        EntityLabel::Product => 5,
        EntityLabel::WorkOfArt => 6,
        EntityLabel::Law => 7,
        _ => return None,
    })
}

/// Words after an organization's name that do not change what it names
/// ("Inc.", "Corp."): `data/lexicons/corpus_company_suffixes.txt`.
static COMPANY_SUFFIXES: WordSet = crate::lexicon::word_set!("corpus_company_suffixes.txt");

/// Words ending an institution's name that say what kind of place it is and
/// that writers swap for one another ("Center", "Centre", "Clinic"):
/// `data/lexicons/corpus_facility_heads.txt`. An organization's or facility's
/// key ends in [`FACILITY_HEAD`] for any of them.
static FACILITY_HEADS: WordSet = crate::lexicon::word_set!("corpus_facility_heads.txt");

/// The one word [`FACILITY_HEADS`] stand for in a key.
const FACILITY_HEAD: &str = "center";

/// The key a name of class `class` is grouped by: folded, an organization's
/// without its company suffixes. People keep theirs: "Donald Trump Jr." is not
/// "Donald Trump", nor "Elizabeth II" "Elizabeth".
pub(super) fn group_key(class: u8, key: &str) -> String {
    if class != 2 {
        return key.to_owned();
    }
    let mut words: Vec<&str> = key.split(' ').collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| COMPANY_SUFFIXES.contains(w.trim_end_matches([',', '.'])))
    {
        words.pop();
    }
    // One word for the kind of place, kept: "Betty Ford Center" is not
    // "Betty Ford", the person it is named after.
    if words.len() > 1 {
        if let Some(last) = words.last_mut() {
            if FACILITY_HEADS.contains(last.trim_end_matches([',', '.'])) {
                *last = FACILITY_HEAD;
            }
        }
    }
    let mut out = words.join(" ");
    while out.len() > 1 && out.ends_with([',', '.']) {
        out.pop();
    }
    out
}

/// A person's key without its generational suffix ("ann lee" of "ann lee
/// jr." or "ann lee, jr"); `None` when it has none.
fn without_generation(key: &str) -> Option<&str> {
    let (head, last) = key.rsplit_once(' ')?;
    GENERATIONAL
        .contains(last.trim_end_matches(['.', ',']))
        .then(|| head.trim_end_matches([',', ' ']))
        .filter(|h| !h.is_empty())
}

/// The word a shorter form of name `key` (of class `class`) may be: a
/// person's family name, an organization's last word.
fn last_word(class: u8, key: &str) -> &str {
    if class == 0 {
        surname(key)
    } else {
        key.rsplit(' ').next().unwrap_or(key)
    }
}

/// The family name of a person's key: its last word before a generational
/// suffix ("lee" of "ann lee jr.").
fn surname(key: &str) -> &str {
    let base = without_generation(key).unwrap_or(key);
    base.rsplit(' ')
        .next()
        .unwrap_or(base)
        .trim_end_matches(',')
}

/// Whether `short` (a group key) is a shorter form of `long` of class
/// `class`: for people, its words in order among the long name's, the last
/// word the same ("Comeaux", "Joseph Comeaux" of "Arcade Joseph Comeaux",
/// and of "Arcade Joseph Comeaux Jr.": a generational suffix is not compared
/// unless the short form has one too); for organizations, its words ending
/// the long name ("Colts" of "Indianapolis Colts"), or the initials of the
/// long name's words ("amd" of "advanced micro devices", from a name written
/// in capitals).
fn shorter_form(class: u8, short: &str, short_caps: bool, long: &str) -> bool {
    let long = if class == 0 && without_generation(short).is_none() {
        without_generation(long).unwrap_or(long)
    } else {
        long
    };
    let s: Vec<&str> = short.split(' ').collect();
    let l: Vec<&str> = long.split(' ').map(|w| w.trim_end_matches(',')).collect();
    if class == 2 && short_caps && s.len() == 1 && l.len() >= 2 && initials(long) == short {
        return true;
    }
    if s.len() >= l.len() {
        return false;
    }
    match class {
        0 => {
            // A first name alone ("Lindsay" of "Lindsay Lohan").
            if s.len() == 1 && s[0] == l[0] {
                return true;
            }
            if s.last() != l.last() {
                return false;
            }
            let mut it = l.iter();
            s.iter().all(|w| it.any(|x| x == w))
        }
        2 => l.ends_with(&s),
        _ => false,
    }
}

/// The shortest name a spelling variant is looked for (in characters).
const MIN_VARIANT_CHARS: usize = 6;

/// Call `f` with `key` and each form of it without one character, for a
/// name of at least [`MIN_VARIANT_CHARS`] (shorter ones are never
/// variants): two names one edit apart share one of these (a substitution or
/// transposition the form without the changed letter, an insertion the
/// shorter name itself).
fn for_each_deletion(key: &str, mut f: impl FnMut(String)) {
    if key.chars().count() < MIN_VARIANT_CHARS {
        return;
    }
    f(key.to_owned());
    for (i, c) in key.char_indices() {
        let mut v = String::with_capacity(key.len());
        v.push_str(key.get(..i).unwrap_or_default());
        v.push_str(key.get(i + c.len_utf8()..).unwrap_or_default());
        f(v);
    }
}

/// Whether two names are one edit apart (a letter changed, added, dropped,
/// or two next to each other swapped), both at least
/// [`MIN_VARIANT_CHARS`] long, in a word of at least four letters of each
/// ("Jon Owen" is not "John Owen", "Iran" not "Iraq") or in the spaces
/// between words ("Sea Micro" of a name written as one word), and neither
/// ends in a digit ("Apollo 11", "Apollo 12").
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < MIN_VARIANT_CHARS
        || a.len().abs_diff(b.len()) > 1
        || a == b
        || [&a, &b]
            .iter()
            .any(|w| w.last().is_some_and(char::is_ascii_digit))
    {
        return false;
    }
    // The first difference, then the rest must agree after one edit.
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let ok = match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            a[i + 1..] == b[i + 1..]
                || (i + 1 < a.len()
                    && a[i] == b[i + 1]
                    && a[i + 1] == b[i]
                    && a[i + 2..] == b[i + 2..])
        }
        std::cmp::Ordering::Less => a[i..] == b[i + 1..],
        std::cmp::Ordering::Greater => a[i + 1..] == b[i..],
    };
    if !ok {
        return false;
    }
    // The word of each the edit is in (a space edit: none).
    let word_at = |w: &[char], at: usize| -> usize {
        if w.get(at).is_some_and(|c| *c == ' ') {
            return usize::MAX;
        }
        let start = w[..at.min(w.len())]
            .iter()
            .rposition(|c| *c == ' ')
            .map_or(0, |p| p + 1);
        let end = w[start..]
            .iter()
            .position(|c| *c == ' ')
            .map_or(w.len(), |p| start + p);
        w[start..end].iter().filter(|c| c.is_alphabetic()).count()
    };
    let (wa, wb) = (
        word_at(&a, i.min(a.len().saturating_sub(1))),
        word_at(&b, i.min(b.len().saturating_sub(1))),
    );
    wa.min(wb) >= 4
}

/// An untagged occurrence of a name: (doc, its words, its entity's group,
/// (story, form)).
type Untagged<'a> = (usize, &'a [CapWord], usize, (usize, String));

/// The most words of a name looked for untagged.
const MAX_NAME_WORDS: usize = 4;

/// One group's use in one story: the documents that name it there.
struct Slot {
    story: usize,
    group: usize,
    docs: Vec<usize>,
}

/// Merge the entities of documents given as `(doc, story, entities,
/// capitalized words)`.
pub(crate) fn merge<'a>(
    docs: impl Iterator<Item = (usize, usize, &'a [DocEntity], &'a [CapWord])>,
) -> Vec<CorpusEntity> {
    // Groups by (class, group key), in order of first use.
    let mut group_of: HashMap<(u8, String), usize> = HashMap::new();
    let mut groups: Vec<Vec<(usize, &DocEntity)>> = Vec::new();
    let mut keys: Vec<(u8, String, bool)> = Vec::new();
    // Each group's uses: (story, group, doc, entity).
    let mut uses: Vec<(usize, usize, usize, &DocEntity)> = Vec::new();
    let mut capitals: Vec<(usize, usize, &[CapWord])> = Vec::new();
    for (doc, story, ents, caps) in docs {
        capitals.push((doc, story, caps));
        for e in ents {
            let Some(c) = class(e.label) else { continue };
            let key = group_key(c, &e.key);
            let g = *group_of.entry((c, key.clone())).or_insert_with(|| {
                groups.push(Vec::new());
                let caps = e
                    .name
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                keys.push((c, key, caps));
                groups.len() - 1
            });
            uses.push((story, g, doc, e));
        }
    }
    // Each group's slot in each story, with the documents that name it there
    // (documents come in order, so a repeat is the last one).
    let mut slot_of: HashMap<(usize, usize), usize> = HashMap::new();
    let mut slots: Vec<Slot> = Vec::new();
    for &(story, group, doc, _) in &uses {
        let s = *slot_of.entry((story, group)).or_insert_with(|| {
            slots.push(Slot {
                story,
                group,
                docs: Vec::new(),
            });
            slots.len() - 1
        });
        if slots[s].docs.last() != Some(&doc) {
            slots[s].docs.push(doc);
        }
    }
    // Where a slot goes instead of its own group, by the rules below, each
    // rule seeing the ones before it; a chain of them is followed.
    let mut goes: Vec<Option<usize>> = vec![None; slots.len()];
    let resolve = |goes: &[Option<usize>], story: usize, mut g: usize| {
        for _ in 0..8 {
            match slot_of.get(&(story, g)).and_then(|&s| goes[s]) {
                Some(t) if t != g => g = t,
                _ => break,
            }
        }
        g
    };
    let held: HashSet<(usize, usize)> = uses.iter().map(|&(_, g, doc, _)| (doc, g)).collect();

    // 1. A person's name is the same name with a generational suffix ("Ann
    // Lee" of "Ann Lee Jr.") when the story has one such name and no document
    // names both apart.
    let mut suffixed: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for sl in &slots {
        let (c, key, _) = &keys[sl.group];
        if let (0, Some(base)) = (*c, without_generation(key)) {
            suffixed.entry((sl.story, base)).or_default().push(sl.group);
        }
    }
    for (s, sl) in slots.iter().enumerate() {
        let (c, key, _) = &keys[sl.group];
        if *c != 0 || without_generation(key).is_some() {
            continue;
        }
        if let Some(&[only]) = suffixed.get(&(sl.story, key.as_str())).map(Vec::as_slice) {
            if !sl.docs.iter().any(|&d| held.contains(&(d, only))) {
                goes[s] = Some(only);
            }
        }
    }

    // 2. A one-word place or organization is the family or first name of a
    // person ("Lee" or "Ann" tagged an organization, of "Ann Lee") when the
    // story names one such person, in more documents than the word alone is
    // a place or organization, and no longer place or organization
    // name ends with the word (but for one ending with the person's name).
    let mut people: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    let mut endings: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (s, sl) in slots.iter().enumerate() {
        let (c, key, _) = &keys[sl.group];
        let Some((first, _)) = key.split_once(' ') else {
            continue;
        };
        match c {
            0 => {
                let family = surname(key);
                people.entry((sl.story, family)).or_default().push(s);
                if first != family {
                    people.entry((sl.story, first)).or_default().push(s);
                }
            }
            1 | 2 => endings
                .entry((sl.story, key.rsplit(' ').next().unwrap_or(key)))
                .or_default()
                .push(s),
            _ => {}
        }
    }
    for s in 0..slots.len() {
        let (story, group) = (slots[s].story, slots[s].group);
        let (c, key, _) = &keys[group];
        if goes[s].is_some() || !matches!(c, 1 | 2) || key.contains(' ') {
            continue;
        }
        let Some(named_so) = people.get(&(story, key.as_str())) else {
            continue;
        };
        let person_key = |p: usize| keys[slots[p].group].1.as_str();
        if endings.get(&(story, key.as_str())).is_some_and(|places| {
            places.iter().any(|&o| {
                let place = person_key(o);
                !named_so.iter().any(|&p| {
                    let name = person_key(p);
                    place.ends_with(without_generation(name).unwrap_or(name))
                })
            })
        }) {
            continue;
        }
        // The fullest names only: a shorter one ("Joseph Lee" of "Ann Joseph
        // Lee") goes with its fuller one. A story names few people of one
        // name, so the pairs are few.
        let mut targets: Vec<usize> = named_so
            .iter()
            .filter(|&&p| {
                !named_so
                    .iter()
                    .any(|&q| q != p && shorter_form(0, person_key(p), false, person_key(q)))
            })
            .map(|&p| resolve(&goes, story, slots[p].group))
            .collect();
        targets.sort_unstable();
        targets.dedup();
        let [target] = targets[..] else { continue };
        let alone = group_of
            .get(&(0, key.clone()))
            .and_then(|&g| slot_of.get(&(story, g)));
        let mut named: Vec<usize> = named_so
            .iter()
            .chain(alone)
            .flat_map(|&p| slots[p].docs.iter().copied())
            .collect();
        named.sort_unstable();
        named.dedup();
        if named.len() > slots[s].docs.len() {
            goes[s] = Some(target);
        }
    }

    // 3. One name in several classes of a story (a person, a place and an
    // organization, as taggers disagree) is the one its most documents give;
    // but a one-word person name that is a fuller name's family or first name
    // is left to that (rule 4).
    let mut by_key: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    for (s, sl) in slots.iter().enumerate() {
        let (c, key, _) = &keys[sl.group];
        let part_of_name =
            *c == 0 && !key.contains(' ') && people.contains_key(&(sl.story, key.as_str()));
        if goes[s].is_none() && *c <= 2 && !part_of_name {
            by_key.entry((sl.story, key.as_str())).or_default().push(s);
        }
    }
    for same in by_key.values().filter(|v| v.len() > 1) {
        let most = same.iter().map(|&s| slots[s].docs.len()).max().unwrap_or(0);
        let mut top = same.iter().filter(|&&s| slots[s].docs.len() == most);
        if let (Some(&best), None) = (top.next(), top.next()) {
            for &s in same.iter().filter(|&&s| s != best) {
                goes[s] = Some(slots[best].group);
            }
        }
    }

    // 4. A shorter form joins the one longer name of its class in the same
    // story that it can be a form of; with none or several it stays apart.
    // Candidates are looked up by the last word (people, organization endings)
    // or by the whole key (initials, which have no word in common).
    let mut by_word: HashMap<(usize, u8, &str), Vec<usize>> = HashMap::new();
    let mut by_initials: HashMap<(usize, String), Vec<usize>> = HashMap::new();
    for sl in &slots {
        let (story, g) = (sl.story, sl.group);
        let (c, key, _) = &keys[g];
        if !matches!(c, 0 | 2) {
            continue;
        }
        let last = last_word(*c, key);
        let first = key.split(' ').next().unwrap_or(key);
        by_word.entry((story, *c, last)).or_default().push(g);
        if *c == 0 && first != last {
            by_word.entry((story, 0, first)).or_default().push(g);
        }
        if *c == 2 && key.contains(' ') {
            by_initials
                .entry((story, initials(key)))
                .or_default()
                .push(g);
        }
    }
    // The other forms a document gives each group's entity ("Mo Cheeks" of
    // the "Maurice Cheeks" of a report that writes "Maurice 'Mo' Cheeks").
    // An acronym ("WHO") is only the form of a name written in capitals too
    // (not "Who").
    let mut by_alias: HashMap<(usize, u8, String), Vec<(usize, bool)>> = HashMap::new();
    for &(story, g, _, e) in &uses {
        let c = keys[g].0;
        for a in &e.aliases {
            let k = group_key(c, &fold(a));
            if k != keys[g].1 {
                let caps = a.chars().any(char::is_uppercase) && !a.chars().any(char::is_lowercase);
                by_alias.entry((story, c, k)).or_default().push((g, caps));
            }
        }
    }
    for s in 0..slots.len() {
        let (story, g) = (slots[s].story, slots[s].group);
        let (c, key, caps) = &keys[g];
        if goes[s].is_some() || !matches!(c, 0 | 2) {
            continue;
        }
        // A name a document of the story gives as another form of one entity
        // alone goes with that entity: the document's own reading.
        // The one entity other than its own that candidates lead to, if one.
        let only = |goes: &[Option<usize>], candidates: &mut dyn Iterator<Item = usize>| {
            let mut to: Vec<usize> = candidates
                .map(|o| resolve(goes, story, o))
                .filter(|&o| o != g)
                .collect();
            to.sort_unstable();
            to.dedup();
            match to[..] {
                [one] => Some(one),
                _ => None,
            }
        };
        let mut given = by_alias
            .get(&(story, *c, key.clone()))
            .into_iter()
            .flatten()
            .filter(|&&(_, acronym)| *caps || !acronym)
            .map(|&(o, _)| o);
        if let Some(one) = only(&goes, &mut given) {
            goes[s] = Some(one);
            continue;
        }
        let last = last_word(*c, key);
        let mut found: Vec<usize> = by_word
            .get(&(story, *c, last))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&o| o != g && shorter_form(*c, key, *caps, &keys[o].1))
            .collect();
        if *c == 2 && *caps && !key.contains(' ') {
            found.extend(
                by_initials
                    .get(&(story, key.clone()))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&o| o != g),
            );
        }
        if let Some(one) = only(&goes, &mut found.into_iter()) {
            goes[s] = Some(one);
        }
    }
    // 5. A name one letter away from a form of one other entity of its class
    // in the story ("Malcom Tucker" of "Malcolm Tucker", "Anre Iguodala" of
    // "Andre Iguodala", "Sea Micro" of "SeaMicro": a misspelling, a
    // transliteration) joins it, when that entity is named in more of the
    // story's documents and no document names both (one that writes both
    // "Rait" and "Raite" keeps them apart).
    // Each form's deletions (see `for_each_deletion`) → the forms' indices.
    let mut by_variant: HashMap<(usize, u8, String), Vec<usize>> = HashMap::new();
    let mut forms_of: Vec<(usize, u8, String, usize)> = Vec::new();
    for &(story, g, _, e) in &uses {
        let c = keys[g].0;
        if !matches!(c, 0 | 2) {
            continue;
        }
        forms_of.push((story, c, keys[g].1.clone(), g));
        for a in &e.aliases {
            forms_of.push((story, c, group_key(c, &fold(a)), g));
        }
    }
    forms_of.sort_unstable();
    forms_of.dedup();
    for (i, (story, c, form, _)) in forms_of.iter().enumerate() {
        for_each_deletion(form, |v| {
            by_variant.entry((*story, *c, v)).or_default().push(i);
        });
    }
    for s in 0..slots.len() {
        let (story, g) = (slots[s].story, slots[s].group);
        let (c, key, _) = &keys[g];
        if goes[s].is_some() || !matches!(c, 0 | 2) {
            continue;
        }
        // Forms sharing a deletion with the name may be two letters apart:
        // only those one edit away count.
        let mut to: Vec<usize> = Vec::new();
        for_each_deletion(key, |v| {
            for &i in by_variant.get(&(story, *c, v)).into_iter().flatten() {
                let (_, _, form, o) = &forms_of[i];
                if *o != g && one_edit_apart(key, form) {
                    to.push(*o);
                }
            }
        });
        let mut targets: Vec<usize> = to.iter().map(|&o| resolve(&goes, story, o)).collect();
        targets.sort_unstable();
        targets.dedup();
        let [t] = targets[..] else { continue };
        if t == g {
            continue;
        }
        let named = slot_of
            .get(&(story, t))
            .map_or(0, |&ts| slots[ts].docs.len());
        let apart = !slots[s].docs.iter().any(|&d| held.contains(&(d, t)));
        if named > slots[s].docs.len() && apart {
            goes[s] = Some(t);
        }
    }
    for &(story, g, doc, e) in &uses {
        groups[resolve(&goes, story, g)].push((doc, e));
    }

    // 6. A name the story's documents tag for one entity alone is that
    // entity's where a document of the story writes it untagged (a tagger
    // misses names in headlines in title case, at a sentence's start), when
    // the story tags it at least as often as it leaves it untagged: one sense
    // per story, by the tagger's own majority.
    let mut forms: HashMap<(usize, String), (Option<usize>, usize)> = HashMap::new();
    for &(story, g, _, e) in &uses {
        let target = resolve(&goes, story, g);
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            let words: Vec<String> = m.text.split_whitespace().map(name_word).collect();
            if words.is_empty()
                || words.len() > MAX_NAME_WORDS
                || words.iter().any(String::is_empty)
            {
                continue;
            }
            forms
                .entry((story, words.join(" ")))
                .and_modify(|(t, n)| {
                    *n += 1;
                    if *t != Some(target) {
                        *t = None;
                    }
                })
                .or_insert((Some(target), 1));
        }
    }
    // Each untagged occurrence, the longest form starting at a word: (doc,
    // its words, its entity, its form); and how often each form is untagged.
    let mut hits: Vec<Untagged> = Vec::new();
    let mut untagged: HashMap<(usize, String), usize> = HashMap::new();
    for &(doc, story, caps) in &capitals {
        // Each word folded once for every form it may start or end.
        let folded: Vec<String> = caps.iter().map(|w| name_word(&w.text)).collect();
        let mut i = 0;
        while i < caps.len() {
            let mut n = 1;
            while n < MAX_NAME_WORDS && caps.get(i + n).is_some_and(|w| w.joins) {
                n += 1;
            }
            let hit = (1..=n).rev().find_map(|k| {
                let key = (story, folded[i..i + k].join(" "));
                match forms.get(&key) {
                    Some(&(Some(target), _)) => Some((k, target, key)),
                    _ => None,
                }
            });
            let Some((k, target, key)) = hit else {
                i += 1;
                continue;
            };
            *untagged.entry(key.clone()).or_default() += 1;
            hits.push((doc, &caps[i..i + k], target, key));
            i += k;
        }
    }
    let mut found: Vec<Vec<CorpusMention>> = vec![Vec::new(); groups.len()];
    for (doc, words, target, key) in hits {
        let tagged = forms.get(&key).map_or(0, |f| f.1);
        if tagged < untagged.get(&key).copied().unwrap_or(0) {
            continue;
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let text: Vec<&str> = words.iter().map(|w| &*w.text).collect();
        found[target].push(CorpusMention {
            doc,
            span: Span::new(first.start as usize, last.end as usize),
            chars: (first.cstart as usize, last.cend as usize),
            text: text.join(" "),
            kind: MentionKind::Name,
        });
    }

    let mut out: Vec<CorpusEntity> = groups
        .into_iter()
        .zip(found)
        .filter(|(g, _)| !g.is_empty())
        .map(|(mut members, found)| {
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
                mentions.extend(
                    e.mentions
                        .iter()
                        .map(|m| CorpusMention { doc, ..m.clone() }),
                );
            }
            // A name written as names are (a capital, not all capitals), the
            // fullest, the most used, then the first in order.
            let written = |n: &str| {
                let mut letters = n.chars().filter(|c| c.is_alphabetic());
                let any_upper = n.chars().any(char::is_uppercase);
                any_upper && letters.any(char::is_lowercase)
            };
            let name = names
                .iter()
                .max_by(|a, b| {
                    (written(a.0), a.1 .1, a.1 .0)
                        .cmp(&(written(b.0), b.1 .1, b.1 .0))
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
            mentions.extend(found);
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
    out.sort_by_cached_key(|e| {
        (
            std::cmp::Reverse(e.docs().count()),
            std::cmp::Reverse(e.mentions.len()),
            e.name.clone(),
        )
    });
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i;
    }
    out
}
