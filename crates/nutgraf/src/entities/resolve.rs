//! Document-level resolution: mentions grouped into entities, with aliases and roles.
//!
//! Grouping is by name, per document:
//! - a person's full name and its parts ("Vladimir Putin", "Putin", "Vladímir
//!   Putin") form one entity; a one-word mention joins the only person whose name
//!   has that word first or last (the one named most so far when several do,
//!   the story's subject rather than a relative named last; a family name is
//!   read before a generational suffix, "Comeaux" of "Joseph Comeaux Jr."); a
//!   full name never joins a person with another full name ("Ka'Loni Flynn"
//!   after "Herbert Flynn" and "Flynn", "Reggie Bush" after "Reggie Wayne",
//!   "Ann Lee" after "Ann Lee Jr.");
//! - other mentions join on the same folded name (case, accents, a leading "the",
//!   a possessive "'s" ignored), on an acronym of a longer name ("ICC" for
//!   "International Criminal Court"), or on a known alias ("US" for "United States").
//!
//! Roles come from the words around a person's mentions (the tokens of the
//! shared [`View`], in the mention's sentence): a title before the name
//! ("Russian President Vladimir Putin", "the Prime Minister Li Qiang", "US Secretary
//! of State, Anthony Blinken", "the spokesperson for the Ministry of Foreign Affairs,
//! Wang Wenbin") or an appositive after it ("Alexander Gabuev, director of the
//! Carnegie Russia Eurasia Center").

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::{Entity, EntityLabel, Role};
use crate::segment::TokenKind;
use crate::span::{self, Span};
use crate::view::View;

/// A typed mention in normalized-text offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMention {
    pub span: Span,
    pub label: EntityLabel,
}

/// What resolution needs to know about words.
pub(crate) trait Lexicon {
    /// True when the lowercased phrase is a title or function ("president", "secretary of state").
    fn is_title(&self, phrase: &str) -> bool;
    /// True when the lowercased word qualifies a title ("former", "acting").
    fn is_qualifier(&self, word: &str) -> bool;
    /// The country of a nationality or the full name of an acronym ("russian" -> "Russia").
    fn link(&self, phrase: &str) -> Option<String>;
    /// Another name of the same thing ("us" -> "United States", "icc" -> "International
    /// Criminal Court"), unlike [`Lexicon::link`] never a containing place.
    fn alias_of(&self, phrase: &str) -> Option<String>;
    /// True when the phrase is known as a place or organization (never a person).
    fn is_place_or_org(&self, phrase: &str) -> bool;
    /// True when the word is a known given or family name.
    fn is_person_name(&self, word: &str) -> bool;
    /// True when the lowercased word is a common English word ("later",
    /// "defense"), which a capital at a sentence start does not make a name.
    fn is_common_word(&self, word: &str) -> bool;
}

/// Fold a name for comparison: lowercase, no accents, no leading "the", no
/// possessive, and initials written with periods run together ("U.S.", "U. S."
/// and "US" are "us"; "J. R. R. Tolkien" is "jrr tolkien").
pub(crate) fn fold(name: &str) -> String {
    let mut s: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s.truncate(stripped.len());
            break;
        }
    }
    let s = s.strip_prefix("the ").map(str::to_owned).unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    // Whether the last word written was dotted initials ("u.s.", "w.").
    let mut after_initials = false;
    for word in s.split_whitespace() {
        let dotted = dotted_initials(word);
        if !(out.is_empty() || dotted && after_initials) {
            out.push(' ');
        }
        if dotted {
            out.extend(word.chars().filter(|&c| c != '.'));
        } else {
            out.push_str(word);
        }
        after_initials = dotted;
    }
    out
}

/// True for a word of single letters each followed by a period: "u.s.", "w.",
/// "j.r.r." (not "st." nor "jr.").
fn dotted_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut any = false;
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return any,
            (Some(c), Some('.')) if c.is_alphabetic() => any = true,
            _ => return false,
        }
    }
}

/// The surface form of a mention: whitespace collapsed, possessive dropped.
fn surface(text: &str, span: Span) -> String {
    let mut s = span
        .slice(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for suffix in ["'s", "’s"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s.truncate(stripped.len());
        }
    }
    s
}

/// The initials of a folded name, its small words left out ("fbi" of
/// "federal bureau of investigation").
pub(crate) fn initials(folded: &str) -> String {
    folded
        .split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "de" | "on" | "in" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The family name of a person's key given as words: its last word before a
/// generational suffix ("comeaux" of "joseph comeaux jr.", "lee" of "ann lee
/// iii"); the last word when nothing else is left.
fn family<'k>(words: &[&'k str]) -> &'k str {
    match words {
        [.., name, _] if generation(words).is_some() => name.trim_end_matches(','),
        _ => words.last().copied().unwrap_or_default(),
    }
}

/// The generational suffix ending a person's key of several words ("jr"
/// of "joseph comeaux jr."), without its full stop.
fn generation<'k>(words: &[&'k str]) -> Option<&'k str> {
    match words {
        [_, .., suffix] => Some(suffix.trim_end_matches(['.', ',']))
            .filter(|s| crate::lexicon::GENERATIONAL.contains(s)),
        _ => None,
    }
}

/// One sense per document: a one-word mention that is part of a person's full
/// name is that person ("Putin" after "Vladimir Putin", whatever the tagger said of
/// it alone), and mentions with the same name take that name's most common type.
fn harmonize_labels(keys: &[String], mentions: &mut [RawMention], lex: &dyn Lexicon) {
    let mut person_parts: HashSet<&str> = HashSet::new();
    for (m, k) in mentions.iter().zip(keys) {
        if m.label == EntityLabel::Person && k.contains(' ') {
            let words: Vec<&str> = k.split(' ').collect();
            person_parts.extend(words.first());
            person_parts.insert(family(&words));
        }
    }
    for (m, k) in mentions.iter_mut().zip(keys) {
        if m.label != EntityLabel::Person
            && !k.contains(' ')
            && person_parts.contains(k.as_str())
            && !lex.is_place_or_org(k)
        {
            m.label = EntityLabel::Person;
        }
    }
    // A person is introduced by full name: a one-word "person" that is no part of
    // any full name in the document is more often a company or brand ("Lexus",
    // "Coty") than a person.
    for (m, k) in mentions.iter_mut().zip(keys) {
        if m.label == EntityLabel::Person
            && !k.contains(' ')
            && !person_parts.contains(k.as_str())
            && !lex.is_person_name(&capitalized(k))
        {
            m.label = EntityLabel::Org;
        }
    }
    let mut votes: std::collections::HashMap<&str, Vec<(EntityLabel, usize)>> =
        std::collections::HashMap::new();
    for (m, k) in mentions.iter().zip(keys) {
        let v = votes.entry(k.as_str()).or_default();
        match v.iter_mut().find(|(l, _)| *l == m.label) {
            Some((_, n)) => *n += 1,
            None => v.push((m.label, 1)),
        }
    }
    for (m, k) in mentions.iter_mut().zip(keys) {
        if let Some(v) = votes.get(k.as_str()) {
            // Most votes; ties go to the type seen first.
            let mut best = v[0];
            for &x in &v[1..] {
                if x.1 > best.1 {
                    best = x;
                }
            }
            m.label = best.0;
        }
    }
}

/// Group `mentions` (sorted by position) of the view's normalized text into
/// entities, after making their types consistent across the document.
pub(crate) fn resolve(
    view: &View<'_>,
    mentions: &mut [RawMention],
    lex: &dyn Lexicon,
) -> Vec<Entity> {
    let text = view.text;
    // Surface forms and folded keys, once per mention.
    let forms: Vec<String> = mentions.iter().map(|m| surface(text, m.span)).collect();
    let keys_of: Vec<String> = forms.iter().map(|f| fold(f)).collect();
    harmonize_labels(&keys_of, mentions, lex);
    let mentions: &[RawMention] = mentions;
    let mut entities: Vec<Entity> = Vec::new();
    // Folded aliases per entity, parallel to `entities`, and the lookup tables
    // that find a mention's entity without a scan over all entities.
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut index = Index::default();
    for (mi, m) in mentions.iter().enumerate() {
        let (form, key) = (&forms[mi], &keys_of[mi]);
        if key.is_empty() {
            continue;
        }
        let found = match m.label {
            EntityLabel::Person => find_person(&index, &keys, &entities, key, lex),
            _ => find_other(&index, m.label, form, key, lex),
        };
        let e = if let Some(e) = found {
            e
        } else {
            entities.push(Entity {
                label: m.label,
                name: String::new(),
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: Vec::new(),
                references: Vec::new(),
                pronouns: Vec::new(),
            });
            keys.push(Vec::new());
            entities.len() - 1
        };
        let label = entities[e].label;
        entities[e].mentions.push(mi);
        if index.new_form(e, form) {
            entities[e].aliases.push(form.clone());
            if let Some(l) = lex.alias_of(form) {
                index.raise(Table::Linked, label, fold(&l), e);
            }
        }
        if index.new_key(e, key) {
            keys[e].push(key.clone());
            index.add_key(label, key, e);
        }
    }
    for e in &mut entities {
        // The canonical name is the fullest form: most words, then the spelling
        // of its last word the text uses most ("Vladimir Putin" over a single
        // "Vladimir Poutine" among eight "Putin"), then the longest, first used.
        let last = |s: &str| s.split_whitespace().next_back().map(fold);
        let mut counts: HashMap<Option<String>, usize> = HashMap::new();
        for &m in &e.mentions {
            *counts.entry(last(&forms[m])).or_default() += 1;
        }
        let support = |a: &str| counts.get(&last(a)).copied().unwrap_or(0);
        // A person's form that opens with a word the tagger ran into the name
        // ("Under Kim Jong Un", "Meanwhile Trump") names them last when the
        // text also writes a form of two words or more without such a word,
        // nearly as full ("Kim Jong Un", "Donald Trump"); "Newt Gingrich"
        // beside "Gingrich" alone stays the name.
        let person = e.label == EntityLabel::Person;
        let opens_clean = |a: &str| a.split_whitespace().next().is_none_or(|w| !run_on(w, lex));
        let clean = |a: &str| {
            let n = a.split_whitespace().count();
            !person
                || n < 2
                || opens_clean(a)
                || !e.aliases.iter().any(|b| {
                    let m = b.split_whitespace().count();
                    m >= 2 && m + 1 >= n && opens_clean(b)
                })
        };
        let best = e
            .aliases
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| {
                (
                    clean(a),
                    a.split_whitespace().count(),
                    support(a),
                    a.chars().count(),
                    std::cmp::Reverse(*i),
                )
            })
            .map_or(0, |(i, _)| i);
        let name = e.aliases.remove(best);
        e.aliases.insert(0, name.clone());
        e.name = name;
        for &mi in &e.mentions {
            if e.label == EntityLabel::Person {
                for role in roles_of(view, mentions, mi, lex) {
                    add_role(&mut e.roles, role);
                }
            }
        }
    }
    link_role_references(view, mentions, &mut entities, lex);
    super::descriptor::link(view, mentions, &mut entities, lex);
    entities
}

/// Heads of state or government, which "leader" refers to.
fn is_leader_title(title: &str) -> bool {
    matches!(
        title.to_lowercase().as_str(),
        "president"
            | "prime minister"
            | "premier"
            | "chancellor"
            | "king"
            | "queen"
            | "leader"
            | "supreme leader"
            | "emperor"
    )
}

/// Link role-only references ("the Russian leader", "the Chinese president") to the
/// one person of the document the text gives that role; ambiguous ones stay unlinked.
fn link_role_references(
    view: &View<'_>,
    mentions: &[RawMention],
    entities: &mut [Entity],
    lex: &dyn Lexicon,
) {
    let people: Vec<usize> = (0..entities.len())
        .filter(|&e| entities[e].label == EntityLabel::Person && !entities[e].roles.is_empty())
        .collect();
    if people.is_empty() {
        return;
    }
    // The people by the titles they hold, so each phrase looks at its own.
    let mut by_title: HashMap<String, Vec<usize>> = HashMap::new();
    let mut leaders: Vec<usize> = Vec::new();
    for &e in &people {
        for r in &entities[e].roles {
            let list = by_title.entry(r.title.to_lowercase()).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
            if leaders.last() != Some(&e)
                && (r.title.eq_ignore_ascii_case("leader") || is_leader_title(&r.title))
            {
                leaders.push(e);
            }
        }
    }
    let none = Vec::new();
    let text = view.text;
    // "the" and the words after it in its sentence, at most 60 bytes on.
    let phrases = view.sentences.iter().flat_map(|sv| {
        view.tokens[sv.tokens.clone()]
            .iter()
            .filter(|t| t.is("the"))
            .map(move |t| (t.span, sv.span.end))
    });
    for (the, sentence_end) in phrases {
        let start = the.start;
        let ws = words(view, the.end, sentence_end.min(start + 60));
        if ws.is_empty() {
            continue;
        }
        // [Nationality] title: "the Russian leader", "the president".
        let (country, t) = match lex.link(ws[0].text) {
            Some(c) if is_capitalized(ws[0].text) && ws.len() > 1 => (Some(c), 1),
            _ => (None, 0),
        };
        let Some(te) = title_starting_at(&ws, t, lex) else {
            continue;
        };
        let title = join(&ws[t..te], text);
        let span = Span::new(start, ws[te - 1].end);
        // A nationality inside the phrase is its own mention; a name is not a role.
        // Mentions are in order and do not overlap: only those starting before the
        // phrase's end, back to the first that ends before its start, can meet it.
        let after = mentions.partition_point(|m| m.span.start < span.end);
        if mentions[..after]
            .iter()
            .rev()
            .take_while(|m| m.span.end > span.start)
            .any(|m| !matches!(m.label, EntityLabel::Norp | EntityLabel::Gpe))
        {
            continue;
        }
        // "the Prime Minister Li Qiang": a title right before a name is that name's.
        if mentions[after..]
            .iter()
            .take_while(|m| {
                text.get(span.end..m.span.start)
                    .is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty())
            })
            .any(|m| m.label == EntityLabel::Person)
        {
            continue;
        }
        let fits = |e: &Entity| {
            e.roles.iter().any(|r| {
                let same_title = r.title.eq_ignore_ascii_case(&title)
                    || (title.eq_ignore_ascii_case("leader") && is_leader_title(&r.title));
                same_title
                    && country
                        .as_deref()
                        .is_none_or(|c| r.affiliation.as_deref() == Some(c))
            })
        };
        let listed = if title.eq_ignore_ascii_case("leader") {
            &leaders
        } else {
            by_title.get(&title.to_lowercase()).unwrap_or(&none)
        };
        let candidates: Vec<usize> = listed
            .iter()
            .copied()
            .filter(|&e| fits(&entities[e]))
            .collect();
        if let [e] = candidates[..] {
            entities[e].references.push(span);
        }
    }
}

/// Add `role` unless it says nothing new: titles compare without case, and a
/// role with an affiliation replaces the same title without one.
fn add_role(roles: &mut Vec<Role>, role: Role) {
    let same = |r: &Role| r.title.eq_ignore_ascii_case(&role.title);
    if let Some(r) = roles.iter_mut().find(|r| same(r)) {
        if r.affiliation.is_none() && role.affiliation.is_some() {
            *r = role;
        } else if r.affiliation == role.affiliation || role.affiliation.is_none() {
            if r.qualifier.is_none() {
                r.qualifier = role.qualifier;
            }
        } else {
            roles.push(role);
        }
        return;
    }
    roles.push(role);
}

/// Which lookup table of an [`Index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Table {
    /// Folded keys.
    Key,
    /// Folded names the gazetteer links an alias to ("united states" for "US").
    Linked,
    /// Initials of a key of several words ("icc" for "international criminal court").
    Initials,
    /// A key of several words without its dots.
    Undotted,
}

/// Lookup tables over the entities built so far. Each maps a (table, label,
/// string) to the highest entity index with that property, which is the entity a
/// scan from the most recent one would find; persons are also listed by the first
/// and last words of their keys. Entries are only added, so a maximum stays one.
#[derive(Default)]
struct Index {
    max: HashMap<(Table, EntityLabel), HashMap<String, usize>>,
    person_words: HashMap<String, Vec<usize>>,
    /// Per entity, the surface forms and folded keys already recorded.
    forms: Vec<HashSet<String>>,
    keys: Vec<HashSet<String>>,
}

impl Index {
    fn raise(&mut self, table: Table, label: EntityLabel, value: String, e: usize) {
        let slot = self
            .max
            .entry((table, label))
            .or_default()
            .entry(value)
            .or_insert(e);
        *slot = (*slot).max(e);
    }

    /// Whether `form` is new to entity `e` (then recorded).
    fn new_form(&mut self, e: usize, form: &str) -> bool {
        Self::record(&mut self.forms, e, form)
    }

    /// Whether `key` is new to entity `e` (then recorded).
    fn new_key(&mut self, e: usize, key: &str) -> bool {
        Self::record(&mut self.keys, e, key)
    }

    fn record(seen: &mut Vec<HashSet<String>>, e: usize, value: &str) -> bool {
        if seen.len() <= e {
            seen.resize_with(e + 1, HashSet::new);
        }
        !seen[e].contains(value) && seen[e].insert(value.to_owned())
    }

    fn get(&self, table: Table, label: EntityLabel, value: &str) -> Option<usize> {
        self.max.get(&(table, label))?.get(value).copied()
    }

    fn add_key(&mut self, label: EntityLabel, key: &str, e: usize) {
        self.raise(Table::Key, label, key.to_owned(), e);
        if key.contains(' ') {
            self.raise(Table::Initials, label, initials(key), e);
            self.raise(Table::Undotted, label, key.replace('.', ""), e);
        }
        if label == EntityLabel::Person {
            let words: Vec<&str> = key.split(' ').collect();
            for w in [words.first().copied(), Some(family(&words))]
                .into_iter()
                .flatten()
            {
                let list = self.person_words.entry(w.to_owned()).or_default();
                if list.last() != Some(&e) && !list.contains(&e) {
                    list.push(e);
                }
            }
        }
    }
}

fn find_person(
    index: &Index,
    keys: &[Vec<String>],
    entities: &[Entity],
    key: &str,
    lex: &dyn Lexicon,
) -> Option<usize> {
    if let Some(e) = index.get(Table::Key, EntityLabel::Person, key) {
        return Some(e);
    }
    let words: Vec<&str> = key.split(' ').collect();
    // A person whose name shares a first or last word with this one:
    // "Putin" joins "Vladimir Putin", "Xi" joins "Xi Jinping", and "Vladimir Putin"
    // joins an earlier "Putin". Only persons with one of this name's first or last
    // words in a key can match.
    let mut candidates: Vec<usize> = [words.first().copied(), Some(family(&words))]
        .into_iter()
        .flatten()
        .filter_map(|w| index.person_words.get(w))
        .flatten()
        .copied()
        .collect();
    candidates.sort_unstable_by(|a, b| b.cmp(a));
    candidates.dedup();
    // Two full names: same last word and same first initial, or the same
    // given name and a transliteration of the family name ("Vladimir Putin",
    // "Vladimir Poutine"), or the same last word and the shorter's words in
    // order among the longer's, a nickname's marks set aside ("Joseph Scott
    // Pemberton" of "Lance Corporal Joseph Scott Pemberton", "Bobby Scott" of
    // "Robert C. \"Bobby\" Scott").
    let full_match = |kw: &[&str]| {
        // "Ann Lee" and "Ann Lee Jr." are a parent and a child.
        if generation(kw) != generation(&words) {
            return false;
        }
        let (last, other) = (family(kw), family(&words));
        let within = |short: &[&str], long: &[&str]| {
            let mut it = long.iter().map(|w| bare(w));
            short.iter().all(|w| it.any(|x| x == bare(w)))
        };
        (last == other && kw[0].chars().next() == words[0].chars().next())
            || (kw[0] == words[0] && same_skeleton(last, other))
            || (last == other && (within(&words, kw) || within(kw, &words)))
    };
    let given = !run_on(words[0], lex)
        && (lex.is_person_name(&capitalized(words[0])) || !lex.is_place_or_org(words[0]));
    let mut fits = candidates.into_iter().filter(|&e| {
        // A full name never joins a person by a shared word when that person
        // has a full name it cannot be ("Ka'Loni Flynn" after "Herbert Flynn"
        // and "Flynn"), unless its first word is no name but a word a tagger
        // ran into it ("Meanwhile Trump", "Both Morison").
        if words.len() > 1
            && given
            && keys[e].iter().any(|k| {
                let kw: Vec<&str> = k.split(' ').collect();
                kw.len() > 1 && !full_match(&kw)
            })
        {
            return false;
        }
        keys[e].iter().any(|k| {
            let kw: Vec<&str> = k.split(' ').collect();
            if words.len() == 1 {
                kw.len() > 1 && (kw[0] == words[0] || family(&kw) == words[0])
            } else if kw.len() == 1 {
                words[0] == kw[0] || family(&words) == kw[0]
            } else {
                full_match(&kw)
            }
        })
    });
    // A one-word name of several people is the one named most so far, the
    // story's subject ("Peterson" of "Scott Peterson", not of "his wife Laci
    // Peterson" named last), the most recent of equals.
    if words.len() > 1 {
        return fits.next();
    }
    fits.reduce(|b, e| {
        if entities[e].mentions.len() > entities[b].mentions.len() {
            e
        } else {
            b
        }
    })
}

/// Whether `word` (as written), first of a person's name of several words,
/// is an English word no one is named: the tagger ran it into the name.
fn run_on(word: &str, lex: &dyn Lexicon) -> bool {
    let low = fold(word);
    lex.is_common_word(&low) && !lex.is_person_name(&capitalized(&low))
}

/// A folded word with its first letter capitalized, as the gazetteers list
/// given names that are words too ("Bill", "Will", "Rich").
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .chain(chars)
        .collect()
}

/// A word without the marks around it (a nickname's quotes or brackets).
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Whether two folded family names are spellings of one name in other
/// transliterations: the same first letter and the same consonants once vowels,
/// `h`, `w`, `y` and doubled letters are set aside, and `c`/`q` read as `k`
/// ("putin" and "poutine", "medvedev" and "medvedew" are not: `w` is dropped).
fn same_skeleton(a: &str, b: &str) -> bool {
    fn skeleton(s: &str) -> Option<String> {
        let mut out = String::new();
        for c in s.chars() {
            let c = match c {
                'c' | 'q' => 'k',
                'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'h' | 'w' => continue,
                c if c.is_ascii_lowercase() => c,
                _ => return None,
            };
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        Some(out)
    }
    a.len() >= 4
        && b.len() >= 4
        && a.chars().next() == b.chars().next()
        && skeleton(a).is_some_and(|k| k.len() >= 2 && Some(k) == skeleton(b))
}

/// The entity a non-person mention joins: the most recent one of the same type
/// with the same folded name, a known alias of it either way, or an acronym of it
/// either way. `form` is the mention as written (the gazetteers tell "US" from
/// "us"), `key` its folded form.
fn find_other(
    index: &Index,
    label: EntityLabel,
    form: &str,
    key: &str,
    lex: &dyn Lexicon,
) -> Option<usize> {
    let linked = lex.alias_of(form).map(|l| fold(&l));
    let is_acronym = !key.contains(' ') && (2..=6).contains(&key.len());
    [
        // An alias of the entity links to this name.
        index.get(Table::Linked, label, key),
        // The same name.
        index.get(Table::Key, label, key),
        // This name links to one of the entity's names.
        linked
            .as_deref()
            .and_then(|l| index.get(Table::Key, label, l)),
        // An acronym of one of the entity's longer names.
        is_acronym
            .then(|| index.get(Table::Initials, label, &key.replace('.', "")))
            .flatten(),
        // One of the entity's names is this name's acronym.
        (!key.contains(' '))
            .then(|| index.get(Table::Undotted, label, &initials(key)))
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .max()
}

/// A word of the text with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

/// The words of the view's tokens that lie within `from..to` (bytes): one a
/// token, but a possessive clitic glued to the word before it stays with it
/// ("Russia's", read whole as an affiliation).
fn words<'t>(view: &View<'t>, from: usize, to: usize) -> Vec<Word<'t>> {
    let first = view.tokens.partition_point(|t| t.span.start < from);
    let mut out: Vec<Word<'t>> = Vec::new();
    for t in view.tokens[first..].iter().take_while(|t| t.span.end <= to) {
        if let Some(last) = out.last_mut() {
            if t.kind == TokenKind::Clitic && t.is_any(&["'s", "'"]) && last.end == t.span.start {
                last.end = t.span.end;
                last.text = span::between(view.text, last.start, last.end);
                continue;
            }
        }
        out.push(Word {
            text: t.text,
            start: t.span.start,
            end: t.span.end,
        });
    }
    out
}

/// Function words that open sentences and are capitalized only for that.
fn is_opener(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "of" | "for"
            | "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "with"
            | "while"
            | "as"
            | "by"
            | "from"
            | "when"
            | "despite"
            | "since"
            | "under"
            | "over"
            | "and"
            | "but"
            | "meanwhile"
            | "then"
            | "also"
            | "former"
    )
}

fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The longest title phrase (up to five words) that ends at `ws[end - 1]`.
fn title_ending_at(ws: &[Word<'_>], end: usize, lex: &dyn Lexicon) -> Option<usize> {
    for n in (1..=5.min(end)).rev() {
        let phrase = ws[end - n..end]
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if lex.is_title(&phrase) {
            return Some(end - n);
        }
    }
    None
}

/// The longest title phrase (up to five words) that starts at `ws[start]`.
fn title_starting_at(ws: &[Word<'_>], start: usize, lex: &dyn Lexicon) -> Option<usize> {
    for n in (1..=5.min(ws.len() - start)).rev() {
        let phrase = ws[start..start + n]
            .iter()
            .map(|w| w.text.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        if lex.is_title(&phrase) {
            return Some(start + n);
        }
    }
    None
}

fn join(ws: &[Word<'_>], text: &str) -> String {
    match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => span::between(text, a.start, b.end)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

/// An affiliation as a name: a nationality or acronym linked to its country or full name.
fn affiliation_name(raw: &str, lex: &dyn Lexicon) -> String {
    let raw = raw.trim_end_matches("'s").trim_end_matches("’s");
    lex.link(raw).unwrap_or_else(|| raw.to_owned())
}

/// Words that end the stretch of text a role is read from.
fn is_stop(w: &str) -> bool {
    matches!(w, "." | ";" | "!" | "?" | "\"" | "“" | "”")
}

/// Roles stated around mention `mi` (a person) in its sentence.
fn roles_of(view: &View<'_>, mentions: &[RawMention], mi: usize, lex: &dyn Lexicon) -> Vec<Role> {
    let text = view.text;
    let m = mentions[mi];
    let mut roles = Vec::new();
    let sentence = view
        .sentence_at(m.span.start)
        .map_or(Span::new(0, text.len()), |k| view.sentences[k].span);
    // Look back to the sentence start or the last stop in it, at most 160 bytes.
    let from = sentence.start.max(m.span.start.saturating_sub(160));
    let mut ws = words(view, from, m.span.start);
    // Whether the first word of `ws` opens a sentence or quote.
    let mut opens = from == sentence.start;
    if let Some(stop) = ws.iter().rposition(|w| is_stop(w.text)) {
        ws.drain(..=stop);
        opens = true;
    }
    let mut end = ws.len();
    // "US Secretary of State, Anthony Blinken": a comma may stand before the name.
    if end > 0 && ws[end - 1].text == "," {
        end -= 1;
    }
    if let Some(t) = title_ending_at(&ws, end, lex) {
        let title = join(&ws[t..end], text);
        let mut k = t;
        let mut affiliation = None;
        // Capitalized words (or a mention) right before the title: the affiliation.
        let mut a = k;
        while a > 0
            && (is_capitalized(ws[a - 1].text) || matches!(ws[a - 1].text, "of" | "for"))
            && !lex.is_qualifier(&ws[a - 1].text.to_lowercase())
        {
            a -= 1;
        }
        // Sentence openers are not part of an affiliation ("During Chinese President Xi").
        while a < k && is_opener(ws[a].text) {
            a += 1;
        }
        // Nor is a common word capitalized only because it opens the sentence
        // ("Later U.S. Secretary of State"), unless a name starts there.
        if a == 0
            && a < k
            && opens
            && lex.is_common_word(&ws[0].text.to_lowercase())
            && mentions
                .binary_search_by_key(&ws[0].start, |m| m.span.start)
                .is_err()
        {
            a += 1;
        }
        if a < k {
            affiliation = Some(affiliation_name(&join(&ws[a..k], text), lex));
            k = a;
        }
        let qualifier = (k > 0 && lex.is_qualifier(&ws[k - 1].text.to_lowercase()))
            .then(|| ws[k - 1].text.to_lowercase());
        // "the spokesperson for the Ministry of Foreign Affairs, Wang Wenbin".
        roles.push(Role {
            title,
            affiliation,
            qualifier,
        });
    } else if end < ws.len() || end > 0 {
        // "the spokesperson for the Ministry of Foreign Affairs, Wang Wenbin":
        // TITLE (for|of|at) [the] AFFILIATION, NAME.
        if end < ws.len() {
            for t in (0..end).rev().take(12) {
                if let Some(te) = title_starting_at(&ws, t, lex) {
                    if te < end && matches!(ws[te].text, "for" | "of" | "at") {
                        let mut a = te + 1;
                        if a < end && ws[a].text.eq_ignore_ascii_case("the") {
                            a += 1;
                        }
                        if a < end
                            && ws[a..end].iter().all(|w| {
                                is_capitalized(w.text) || matches!(w.text, "of" | "and" | "for")
                            })
                        {
                            let qualifier = (t > 0
                                && lex.is_qualifier(&ws[t - 1].text.to_lowercase()))
                            .then(|| ws[t - 1].text.to_lowercase());
                            roles.push(Role {
                                title: join(&ws[t..te], text),
                                affiliation: Some(affiliation_name(&join(&ws[a..end], text), lex)),
                                qualifier,
                            });
                        }
                    }
                    break;
                }
            }
        }
    }
    // Appositive after the name: ", [the] [qualifier] [Affiliation] TITLE [of|at|for [the] AFFILIATION]".
    let after = words(view, m.span.end, sentence.end.min(m.span.end + 160));
    if after
        .first()
        .is_some_and(|w| w.text == "," && w.start == m.span.end)
    {
        let stop = after[1..]
            .iter()
            .position(|w| is_stop(w.text) || matches!(w.text, "," | "(" | ")"))
            .map_or(after.len(), |i| i + 1);
        let ws = &after[1..stop];
        let mut i = 0;
        if i < ws.len() && matches!(ws[i].text.to_lowercase().as_str(), "the" | "a" | "an") {
            i += 1;
        }
        let qualifier = (i < ws.len() && lex.is_qualifier(&ws[i].text.to_lowercase())).then(|| {
            i += 1;
            ws[i - 1].text.to_lowercase()
        });
        // An affiliation before the title: "the Russian president".
        let mut t = i;
        while t < ws.len()
            && title_starting_at(ws, t, lex).is_none()
            && is_capitalized(ws[t].text)
            && t < i + 4
        {
            t += 1;
        }
        if let Some(te) = (t < ws.len())
            .then(|| title_starting_at(ws, t, lex))
            .flatten()
        {
            let pre = (t > i).then(|| affiliation_name(&join(&ws[i..t], text), lex));
            let mut affiliation = pre;
            if te < ws.len() && matches!(ws[te].text, "of" | "at" | "for" | "in") {
                let mut a = te + 1;
                if a < ws.len() && ws[a].text.eq_ignore_ascii_case("the") {
                    a += 1;
                }
                if a < ws.len() && is_capitalized(ws[a].text) {
                    affiliation = Some(affiliation_name(&join(&ws[a..], text), lex));
                }
            }
            // Only a phrase that is all title and affiliation is an appositive.
            let consumed = affiliation.is_some() || te == ws.len();
            if consumed {
                roles.push(Role {
                    title: join(&ws[t..te], text),
                    affiliation,
                    qualifier,
                });
            }
        }
    }
    roles
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice texts they wrote
mod tests {
    use super::*;

    #[test]
    fn dotted_initials_fold_together() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(
            fold("U. S. Geological Survey"),
            fold("US Geological Survey")
        );
        assert_eq!(fold("the U.K.'s"), "uk");
        assert_eq!(fold("J. R. R. Tolkien"), fold("J.R.R. Tolkien"));
        assert_eq!(fold("George W. Bush"), "george w bush");
        assert_eq!(fold("St. Louis"), "st. louis");
        assert_eq!(fold("Ann Lee Jr."), "ann lee jr.");
        assert_eq!(fold("  Vladimir   Putin "), "vladimir putin");
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert!(same_skeleton("putin", "poutine"));
        assert!(same_skeleton("gaddafi", "gadhafi"));
        assert!(!same_skeleton("biden", "baden-baden"));
        assert!(!same_skeleton("smith", "jones"));
        assert!(!same_skeleton("li", "lee"));
    }

    struct TestLex;

    impl Lexicon for TestLex {
        fn is_title(&self, p: &str) -> bool {
            matches!(
                p,
                "president"
                    | "prime minister"
                    | "secretary of state"
                    | "spokesperson"
                    | "director"
                    | "policy chief"
                    | "leader"
                    | "foreign minister"
            )
        }
        fn is_qualifier(&self, w: &str) -> bool {
            matches!(w, "former" | "acting")
        }
        fn link(&self, p: &str) -> Option<String> {
            match p.to_lowercase().as_str() {
                "russian" => Some("Russia".into()),
                // Like the gazetteers, link a city to its country.
                "chinese" | "beijing" => Some("China".into()),
                "us" | "u.s." => Some("United States".into()),
                _ => None,
            }
        }
        fn alias_of(&self, p: &str) -> Option<String> {
            matches!(p.to_lowercase().as_str(), "us" | "u.s.").then(|| "United States".into())
        }
        fn is_place_or_org(&self, p: &str) -> bool {
            matches!(p, "beijing" | "china" | "russia")
        }
        fn is_person_name(&self, w: &str) -> bool {
            matches!(w, "putin" | "xi")
        }
        fn is_common_word(&self, w: &str) -> bool {
            matches!(w, "later" | "policy" | "union" | "meanwhile")
        }
    }

    /// Resolve `ms` in `text`, read as one sentence.
    fn resolved(text: &str, ms: &mut [RawMention]) -> Vec<Entity> {
        let whole = (Span::new(0, text.len()), false);
        crate::view::with_view(text, &[whole], |view| resolve(view, ms, &TestLex))
    }

    fn mentions(text: &str, names: &[(&str, EntityLabel)]) -> Vec<RawMention> {
        let mut out = Vec::new();
        let mut pos = 0;
        for (name, label) in names {
            let at = pos + text[pos..].find(name).expect(name);
            out.push(RawMention {
                span: Span::new(at, at + name.len()),
                label: *label,
            });
            pos = at + name.len();
        }
        out
    }

    use EntityLabel::{Gpe, Org, Person};

    #[test]
    fn a_family_name_of_several_people_is_the_most_named_ones() {
        let text = "Scott Peterson was tried. Peterson denied it. His wife Laci Peterson \
                    vanished. Peterson was convicted.";
        let mut ms = mentions(
            text,
            &[
                ("Scott Peterson", Person),
                ("Peterson", Person),
                ("Laci Peterson", Person),
                ("Peterson", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].name, "Scott Peterson");
        assert_eq!(es[0].mentions, [0, 1, 3]);
        assert_eq!(es[1].mentions, [2]);
    }

    #[test]
    fn a_word_run_into_a_name_does_not_name_the_person() {
        let text = "Donald Trump spoke. Trump smiled. Meanwhile Trump left.";
        let mut ms = mentions(
            text,
            &[
                ("Donald Trump", Person),
                ("Trump", Person),
                ("Meanwhile Trump", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].name, "Donald Trump");
        // Written only so, it is all the text gives.
        let text = "Meanwhile Trump left.";
        let mut ms = mentions(text, &[("Meanwhile Trump", Person)]);
        assert_eq!(resolved(text, &mut ms)[0].name, "Meanwhile Trump");
    }

    #[test]
    fn folded_words_are_looked_up_capitalized() {
        assert_eq!(capitalized("bill"), "Bill");
        assert_eq!(capitalized("élise"), "Élise");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn a_full_name_never_joins_a_person_of_another_full_name() {
        // A father named after "Flynn", then his daughter: "Flynn" is his, but
        // "Ka'Loni Flynn" is someone else; and two men of one given name.
        let text = "Flynn's father Herbert Flynn spoke. Ka'Loni Flynn died. Reggie Wayne and Reggie Bush played.";
        let mut ms = mentions(
            text,
            &[
                ("Flynn", Person),
                ("Herbert Flynn", Person),
                ("Ka'Loni Flynn", Person),
                ("Reggie Wayne", Person),
                ("Reggie Bush", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Herbert Flynn",
                "Ka'Loni Flynn",
                "Reggie Wayne",
                "Reggie Bush"
            ]
        );
        assert_eq!(es[0].mentions, [0, 1]);
    }

    #[test]
    fn a_family_name_is_read_before_a_generational_suffix() {
        // "Comeaux" (tagged an organization alone) is "Joseph Comeaux Jr.";
        // a father and a son of one name stay two.
        let text = "Joseph Comeaux Jr. escaped. Comeaux fled. Ann Lee Jr. and Ann Lee spoke.";
        let mut ms = mentions(
            text,
            &[
                ("Joseph Comeaux Jr.", Person),
                ("Comeaux", Org),
                ("Ann Lee Jr.", Person),
                ("Ann Lee", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Joseph Comeaux Jr.", "Ann Lee Jr.", "Ann Lee"]);
        assert_eq!(es[0].mentions, [0, 1]);
        assert_eq!(es[0].label, Person);
    }

    #[test]
    fn aliases_of_one_person_form_one_entity() {
        let text = "Russian President Vladimir Putin met Xi Jinping. Putin praised Xi. Vladímir Putin left.";
        let mut ms = mentions(
            text,
            &[
                ("Vladimir Putin", Person),
                ("Xi Jinping", Person),
                ("Putin", Person),
                ("Xi", Person),
                ("Vladímir Putin", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].name, "Vladimir Putin");
        assert_eq!(es[0].aliases, ["Vladimir Putin", "Putin", "Vladímir Putin"]);
        assert_eq!(es[0].mentions, [0, 2, 4]);
        assert_eq!(es[1].aliases, ["Xi Jinping", "Xi"]);
        assert_eq!(
            es[0].roles,
            [Role {
                title: "President".into(),
                affiliation: Some("Russia".into()),
                qualifier: None
            }]
        );
    }

    #[test]
    fn transliterated_names_join_only_with_the_same_given_name() {
        let text = "Vladimir Putin met George Patton. Putin spoke. Vladimir Poutine left.";
        let mut ms = mentions(
            text,
            &[
                ("Vladimir Putin", Person),
                ("George Patton", Person),
                ("Putin", Person),
                ("Vladimir Poutine", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 2);
        // The spelling the text uses most names the entity.
        assert_eq!(
            es[0].aliases,
            ["Vladimir Putin", "Putin", "Vladimir Poutine"]
        );
        assert_eq!(es[1].aliases, ["George Patton"]);
    }

    #[test]
    fn acronyms_and_linked_names_join() {
        let text = "The International Criminal Court (ICC) issued a warrant. The US and the United States agree. ICC members.";
        let mut ms = mentions(
            text,
            &[
                ("International Criminal Court", Org),
                ("ICC", Org),
                ("US", Gpe),
                ("United States", Gpe),
                ("ICC", Org),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].name, "International Criminal Court");
        assert_eq!(es[0].mentions, [0, 1, 4]);
        assert_eq!(es[1].name, "United States");
        assert_eq!(es[1].aliases, ["United States", "US"]);
    }

    #[test]
    fn roles_before_and_after_names() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            ("Putin's arrival comes after the US Secretary of State, Anthony Blinken asked Beijing.", "Anthony Blinken", "Secretary of State", Some("United States")),
            ("Putin will meet the Prime Minister Li Qiang.", "Li Qiang", "Prime Minister", None),
            ("Russians are naive, one told AFP Alexander Gabuev, director of the Carnegie Russia Eurasia Center.", "Alexander Gabuev", "director", Some("Carnegie Russia Eurasia Center")),
            ("European Union policy chief Josep Borrell urged China.", "Josep Borrell", "policy chief", Some("European Union")),
            ("As reported by the Chinese Foreign Ministry spokesperson, Hua Chunying.", "Hua Chunying", "spokesperson", Some("Chinese Foreign Ministry")),
            ("declared the spokesperson for the Ministry of Foreign Affairs, Wang Wenbin, during a press conference.", "Wang Wenbin", "spokesperson", Some("Ministry of Foreign Affairs")),
            ("They met Joe Biden, the former US president, in May.", "Joe Biden", "president", Some("United States")),
            // Dotted abbreviations are words, not sentence ends.
            ("Later U.S. Secretary of State Condoleezza Rice flew in.", "Condoleezza Rice", "Secretary of State", Some("United States")),
            ("Mr. Lee spoke after Condoleezza Rice, the U.S. secretary of state, left.", "Condoleezza Rice", "secretary of state", Some("United States")),
            ("A Russian's word: Russia's president Vladimir Putin arrived.", "Vladimir Putin", "president", Some("Russia")),
        ];
        for (text, name, title, affiliation) in cases {
            let mut ms = mentions(text, &[(name, Person)]);
            let es = resolved(text, &mut ms);
            let role = es[0]
                .roles
                .first()
                .unwrap_or_else(|| panic!("no role in {text}"));
            assert_eq!(role.title, *title, "{text}");
            assert_eq!(role.affiliation.as_deref(), *affiliation, "{text}");
        }
        let text = "They met Joe Biden, the former US president, in May.";
        let es = resolved(text, &mut mentions(text, &[("Joe Biden", Person)]));
        assert_eq!(es[0].roles[0].qualifier.as_deref(), Some("former"));
    }

    #[test]
    fn cities_do_not_join_their_country_and_types_agree() {
        let text = "Vladimir Putin flew to Beijing. China welcomed Putin. Putin said so.";
        let mut ms = mentions(
            text,
            &[
                ("Vladimir Putin", Person),
                ("Beijing", Gpe),
                ("China", Gpe),
                ("Putin", Gpe),
                ("Putin", Person),
            ],
        );
        let es = resolved(text, &mut ms);
        assert_eq!(es.len(), 3, "{es:?}");
        assert!(ms.iter().filter(|m| m.label == Person).count() == 3);
        assert_eq!(es[0].mentions, [0, 3, 4]);
    }

    #[test]
    fn role_references_link_to_the_one_person_with_that_role() {
        let text = "Russian President Vladimir Putin met Chinese President Xi Jinping. The Russian leader praised the Chinese president, and the president smiled.";
        let mut ms = mentions(
            text,
            &[
                ("Vladimir Putin", Person),
                ("Xi Jinping", Person),
                ("Russian", EntityLabel::Norp),
            ],
        );
        let es = resolved(text, &mut ms);
        let refs = |e: &Entity| {
            e.references
                .iter()
                .map(|s| s.slice(text))
                .collect::<Vec<_>>()
        };
        assert_eq!(refs(&es[0]), ["The Russian leader"]);
        // "the president" alone fits both: left unlinked.
        assert_eq!(refs(&es[1]), ["the Chinese president"]);
    }

    #[test]
    fn no_role_without_a_title() {
        let text = "Xi and Putin met in Moscow, where they signed a deal.";
        let mut ms = mentions(text, &[("Xi", Person), ("Putin", Person)]);
        let es = resolved(text, &mut ms);
        assert!(es.iter().all(|e| e.roles.is_empty()), "{es:?}");
    }
}
