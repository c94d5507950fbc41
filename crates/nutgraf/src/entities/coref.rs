//! Coreference: third-person pronouns and "the two leaders" resolved to the
//! entities they refer to, once for the whole pipeline (quotes and events read
//! the result).
//!
//! A pronoun ([`data/lexicons/pronouns.tsv`]) is resolved by its number and
//! gender to a name before it:
//! - "he", "him", "his", "himself" and the feminine forms to a person whose
//!   known gender agrees (gender comes from an honorific before one of its
//!   names, "Mr", "Mrs", or from the title of one of its roles, "queen",
//!   "actress": `data/lexicons/gendered_words.tsv`; else from a given name
//!   nearly always borne by one sex, "Christopher Simpson":
//!   `data/gazetteers/given_name_genders.tsv`); a person of unknown gender
//!   agrees with both;
//! - "it", "its" to a thing, organization or place, never to a person or a
//!   nationality group; subject "it" only with the syntax stage, which tells
//!   it from an expletive ("it is expected that");
//! - "they", "them", "their" to two names joined by "and" ("Putin and Xi ...
//!   they"), to a group phrase ("the two leaders ... their"), to an
//!   organization or to a nationality group in a plural form ("the Democrats
//!   ... they"); never to the last two people named by chance;
//! - "the two leaders", "both presidents" to the two people last named with a
//!   leader's role (else the last two people named).
//!
//! Candidates are read from the pronoun's own sentence (before it) and, for
//! "he" and "she", the three sentences before (one for "it" and "they"): in
//! the pronoun's sentence the nearest name that agrees, in a sentence before
//! the first (most often its subject). When the syntax stage ran, an object
//! pronoun never refers to a name of its own verb ("Putin praised him"), and an
//! expletive "it" is left alone. When nothing agrees, the pronoun stays
//! unresolved: nothing is guessed.
//!
//! Measured on ECB+ dev (`nutgraf-eval coref`, `--errors N` lists the wrong
//! ones): preferring the parser's subjects over the nearest or first name
//! resolved fewer pronouns right (269 against 275 of 470), so position ranks
//! the candidates. Preferring, in a sentence before, the name the document
//! uses most (a salience count) over the first: "he"/"she" right 249 -> 251
//! of 362, PolNeAR speakers and M2E2 arguments unchanged; too little to keep.

use std::sync::LazyLock;

use super::{Entity, EntityLabel};
use crate::lexicon;
use crate::lexicon::{word_list, WordList};
use crate::segment::TokenKind;
use crate::span::Span;
use crate::view::{View, NONE};

/// A pronoun or group phrase and what it refers to: one entity, or two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Coref {
    /// The pronoun, or the group phrase ("the two leaders").
    pub span: Span,
    /// The entity it refers to (for a group, the first of the two).
    pub first: usize,
    /// The second entity of a group ("they", "the two leaders").
    pub second: Option<usize>,
}

impl Coref {
    /// The entities it refers to, in order.
    pub(crate) fn entities(&self) -> impl Iterator<Item = usize> {
        std::iter::once(self.first).chain(self.second)
    }
}

/// Number and gender of a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Masculine,
    Feminine,
    Neuter,
    Plural,
}

/// Grammatical case of a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Subject,
    Object,
    Possessive,
    Reflexive,
}

static PRONOUNS: LazyLock<crate::lexicon::LexMap<&'static str, (Kind, Case)>> =
    LazyLock::new(|| {
        lexicon::table(include_str!("../../data/lexicons/pronouns.tsv"))
            .into_iter()
            .filter_map(|(form, cols)| {
                let kind = match cols.first().copied()? {
                    "m" => Kind::Masculine,
                    "f" => Kind::Feminine,
                    "n" => Kind::Neuter,
                    "p" => Kind::Plural,
                    _ => return None,
                };
                let case = match cols.get(1).copied()? {
                    "subj" => Case::Subject,
                    "obj" => Case::Object,
                    "poss" => Case::Possessive,
                    "refl" => Case::Reflexive,
                    _ => return None,
                };
                Some((form, (kind, case)))
            })
            .collect()
    });

/// The rows of a `word<TAB>m or f` table as genders.
fn gender_table(src: &'static str) -> crate::lexicon::LexMap<&'static str, Kind> {
    lexicon::table(src)
        .into_iter()
        .filter_map(|(word, cols)| match cols.first().copied()? {
            "m" => Some((word, Kind::Masculine)),
            "f" => Some((word, Kind::Feminine)),
            _ => None,
        })
        .collect()
}

static GENDERED: LazyLock<crate::lexicon::LexMap<&'static str, Kind>> =
    LazyLock::new(|| gender_table(include_str!("../../data/lexicons/gendered_words.tsv")));

/// Given names borne by one sex nearly always ("Mary", "Christopher"), from
/// the US census (`data/gazetteers/given_name_genders.tsv`).
static GIVEN_NAMES: LazyLock<crate::lexicon::LexMap<&'static str, Kind>> =
    LazyLock::new(|| gender_table(include_str!("../../data/gazetteers/given_name_genders.tsv")));

/// A gender as `Some(true)` (masculine) or `Some(false)` (feminine).
fn masculine(kind: Kind) -> Option<bool> {
    match kind {
        Kind::Masculine => Some(true),
        Kind::Feminine => Some(false),
        Kind::Neuter | Kind::Plural => None,
    }
}

/// The gender a word gives (`Some(true)` masculine, `Some(false)` feminine):
/// an honorific, a title or a noun of a person ("mr", "queen", "woman").
pub(crate) fn word_gender(low: &str) -> Option<bool> {
    masculine(*GENDERED.get(low)?)
}

/// The gender of a third-person singular pronoun ("he", "her"), as
/// [`word_gender`] gives it.
pub(crate) fn pronoun_gender(low: &str) -> Option<bool> {
    masculine(PRONOUNS.get(low)?.0)
}

/// The gender the last word of one of a person's role titles gives ("queen",
/// "actress").
fn title_kind(e: &Entity) -> Option<Kind> {
    e.roles.iter().find_map(|r| {
        r.title
            .split_whitespace()
            .next_back()
            .and_then(|w| GENDERED.get(w.to_lowercase().as_str()).copied())
    })
}

/// The gender of a person's role titles, as [`word_gender`] gives it.
pub(crate) fn title_gender(e: &Entity) -> Option<bool> {
    masculine(title_kind(e)?)
}

/// The gender of a person's given name: the first word of a name of two
/// words or more ("Christopher Simpson"; "Lindsay" alone may be a family
/// name), as the census list has it.
fn given_name_kind(e: &Entity) -> Option<Kind> {
    e.aliases.iter().find_map(|a| {
        let mut words = a.split_whitespace();
        let first = words.next()?;
        words.next()?;
        let mut cased = String::with_capacity(first.len());
        for (i, c) in first.chars().enumerate() {
            if i == 0 {
                cased.extend(c.to_uppercase());
            } else {
                cased.extend(c.to_lowercase());
            }
        }
        GIVEN_NAMES.get(cased.as_str()).copied()
    })
}

/// The gender of a person entity's given name (`Some(true)` masculine), as
/// [`word_gender`] gives it.
pub(crate) fn given_name_gender(e: &Entity) -> Option<bool> {
    masculine(given_name_kind(e)?)
}

/// Group nouns: `true` for people ("leaders"), `false` for places.
static GROUPS: LazyLock<crate::lexicon::LexMap<&'static str, bool>> = LazyLock::new(|| {
    lexicon::table(include_str!("../../data/lexicons/group_nouns.tsv"))
        .into_iter()
        .map(|(noun, cols)| (noun, cols.first() == Some(&"person")))
        .collect()
});

/// Whether `low` is a group noun of people ("leaders") or places ("countries").
pub(crate) fn group_noun(low: &str) -> bool {
    GROUPS.contains_key(low)
}

static LEADER_WORDS: WordList = word_list!("leader_words.txt");

/// Whether a role title is a leader's ("President", "Prime Minister", "Chinese
/// leader").
pub(crate) fn leader_title(title: &str) -> bool {
    title
        .split_whitespace()
        .any(|w| LEADER_WORDS.iter().any(|t| t.eq_ignore_ascii_case(w)))
}

/// How many sentences before its own a pronoun looks back over.
fn reach(kind: Kind) -> usize {
    match kind {
        Kind::Masculine | Kind::Feminine => 3,
        Kind::Neuter | Kind::Plural => 1,
    }
}

/// A name of a sentence as a run of tokens.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Token range in [`View::tokens`].
    lo: usize,
    hi: usize,
    entity: usize,
    label: EntityLabel,
    /// The head of the name's head word (a word index in [`View::words`]).
    governor: Option<usize>,
}

/// Resolve the pronouns and group phrases of the view's sentences.
pub(crate) fn resolve(view: &View<'_>, entities: &[Entity]) -> Vec<Coref> {
    if entities.is_empty() {
        return Vec::new();
    }
    let mut r = Resolver {
        view,
        gender: genders(view, entities),
        leader: entities
            .iter()
            .map(|e| e.roles.iter().any(|r| leader_title(&r.title)))
            .collect(),
        runs: Vec::new(),
        sentence_runs: Vec::with_capacity(view.sentences.len()),
        groups: Vec::new(),
    };
    // The name runs of every sentence.
    for k in 0..view.sentences.len() {
        let from = r.runs.len();
        name_runs(view, k, &mut r.runs);
        r.sentence_runs.push(from..r.runs.len());
    }
    let mut out = Vec::new();
    for (k, s) in view.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            let t = &view.tokens[i];
            if t.kind != TokenKind::Word || t.name != NONE {
                continue;
            }
            let found = if let Some(&(kind, case)) = PRONOUNS.get(t.low) {
                if kind == Kind::Neuter && case == Case::Subject && !referential(view, k, i) {
                    continue;
                }
                let found = if kind == Kind::Plural {
                    r.plural(k, i)
                } else {
                    r.pronoun(k, i, kind, case)
                };
                found.map(|(first, second)| (t.span, first, second))
            } else if let Some(&people) = GROUPS.get(t.low) {
                let found = r.group(k, i, people);
                if let Some((_, a, Some(b))) = found {
                    r.groups.push((k, i + 1, a, b));
                }
                found
            } else {
                None
            };
            if let Some((span, first, second)) = found {
                out.push(Coref {
                    span,
                    first,
                    second,
                });
            }
        }
    }
    out
}

/// The gender of each entity, where the text gives one.
fn genders(view: &View<'_>, entities: &[Entity]) -> Vec<Option<Kind>> {
    let mut out: Vec<Option<Kind>> = entities
        .iter()
        .map(|e| {
            if e.label != EntityLabel::Person {
                return None;
            }
            title_kind(e)
        })
        .collect();
    // An honorific right before a name: "Mr Putin", "Mrs. May".
    for (i, t) in view.tokens.iter().enumerate() {
        if t.name == NONE || i == 0 || view.tokens[i - 1].name == t.name {
            continue;
        }
        // "Mr." is one token; its full stop is not part of the list's entry.
        let Some(&kind) = GENDERED.get(view.tokens[i - 1].low.trim_end_matches('.')) else {
            continue;
        };
        if let Some((_, EntityLabel::Person, Some(e))) = view.names.get(t.name as usize).copied() {
            if let Some(g) = out.get_mut(e) {
                g.get_or_insert(kind);
            }
        }
    }
    // Else the given name: "Christopher Simpson".
    for (g, e) in out.iter_mut().zip(entities) {
        if g.is_none() && e.label == EntityLabel::Person {
            *g = given_name_kind(e);
        }
    }
    out
}

/// The names of sentence `k` with an entity, in order.
fn name_runs(view: &View<'_>, k: usize, out: &mut Vec<Run>) {
    let range = view.sentences[k].tokens.clone();
    let mut i = range.start;
    while i < range.end {
        let name = view.tokens[i].name;
        if name == NONE {
            i += 1;
            continue;
        }
        let lo = i;
        while i < range.end && view.tokens[i].name == name {
            i += 1;
        }
        let Some(&(_, label, Some(entity))) = view.names.get(name as usize) else {
            continue;
        };
        out.push(Run {
            lo,
            hi: i,
            entity,
            label,
            governor: governor(view, k, lo, i),
        });
    }
}

/// The head of the head word of the name at tokens `lo..hi` of sentence `k`
/// (with the syntax stage; `None` without, or for the root).
fn governor(view: &View<'_>, k: usize, lo: usize, hi: usize) -> Option<usize> {
    let s = &view.sentences[k];
    let first = view.tokens[lo].word as usize;
    if view.tokens[lo].word == NONE || s.words.is_empty() {
        return None;
    }
    let last = view
        .tokens
        .get(hi)
        .filter(|_| hi < s.tokens.end)
        .map_or(s.words.end, |t| t.word as usize);
    let head = |w: usize| view.words[w].head.map(|h| s.head_base + h);
    for w in first..last.min(s.words.end) {
        let h = head(w);
        if h.is_none_or(|h| h < first || h >= last) {
            return h;
        }
    }
    None
}

/// The head of the syntax word of token `i` of sentence `k`, and whether the
/// word is an expletive ("it" standing for nothing).
fn word_head(view: &View<'_>, k: usize, i: usize) -> Option<(Option<usize>, &'static str)> {
    let s = &view.sentences[k];
    let w = view.tokens[i].word;
    if w == NONE {
        return None;
    }
    let word = view.words.get(w as usize)?;
    Some((word.head.map(|h| s.head_base + h), word.deprel))
}

/// Whether subject "it" (token `i` of sentence `k`) stands for something:
/// only the parse tells it from an expletive ("it is expected that", `expl`),
/// so without the syntax stage it is left alone.
fn referential(view: &View<'_>, k: usize, i: usize) -> bool {
    word_head(view, k, i).is_some_and(|(_, rel)| rel != "expl")
}

/// Whether a name of this label fits a pronoun of this kind.
fn fits(kind: Kind, label: EntityLabel) -> bool {
    match kind {
        Kind::Masculine | Kind::Feminine => label == EntityLabel::Person,
        Kind::Neuter => !matches!(label, EntityLabel::Person | EntityLabel::Norp),
        Kind::Plural => false,
    }
}

/// What the resolution reads: the view, the name runs of every sentence, and
/// what is known of each entity.
struct Resolver<'a, 't> {
    view: &'a View<'t>,
    /// The known gender of each entity.
    gender: Vec<Option<Kind>>,
    /// Whether each entity has a leader's role.
    leader: Vec<bool>,
    /// The name runs of all sentences, in order.
    runs: Vec<Run>,
    /// Each sentence's range of `runs`.
    sentence_runs: Vec<std::ops::Range<usize>>,
    /// Group phrases resolved so far: sentence, token after the phrase, entities.
    groups: Vec<(usize, usize, usize, usize)>,
}

impl Resolver<'_, '_> {
    /// The name runs of sentence `k`.
    fn runs_of(&self, k: usize) -> &[Run] {
        &self.runs[self.sentence_runs[k].clone()]
    }

    fn pronoun(
        &self,
        k: usize,
        i: usize,
        kind: Kind,
        case: Case,
    ) -> Option<(usize, Option<usize>)> {
        let agrees = |r: &Run| {
            fits(kind, r.label)
                && match kind {
                    Kind::Masculine | Kind::Feminine => self
                        .gender
                        .get(r.entity)
                        .copied()
                        .flatten()
                        .is_none_or(|g| g == kind),
                    _ => true,
                }
        };
        // The pronoun's own verb: its object is not its subject ("Putin praised him").
        let own_head = match case {
            Case::Object => word_head(self.view, k, i).and_then(|(h, _)| h),
            _ => None,
        };
        let nearest = self
            .runs_of(k)
            .iter()
            .filter(|r| r.hi <= i && agrees(r))
            .rfind(|r| own_head.is_none() || r.governor != own_head);
        if let Some(r) = nearest {
            return Some((r.entity, None));
        }
        if case == Case::Reflexive {
            return None;
        }
        for back in 1..=reach(kind).min(k) {
            let before = self.runs_of(k - back);
            if let Some(r) = before.iter().find(|r| agrees(r)) {
                return Some((r.entity, None));
            }
        }
        None
    }

    /// "they", "them", "their" at token `i` of sentence `k`: in its sentence the
    /// nearest plural antecedent before it, else the first of the sentence before.
    /// Plural antecedents are two names joined by "and" ("Putin and Xi"), a
    /// resolved group phrase ("the two leaders"), an organization, and a
    /// nationality group in a plural form ("the Democrats", not "Russian").
    fn plural(&self, k: usize, i: usize) -> Option<(usize, Option<usize>)> {
        // (token after it, entities) of every plural antecedent of sentence `k`.
        let candidates = |k: usize| -> Vec<(usize, (usize, Option<usize>))> {
            let r = self.runs_of(k);
            let mut out: Vec<(usize, (usize, Option<usize>))> = r
                .windows(2)
                .filter(|w| {
                    w[0].hi + 1 == w[1].lo
                        && self.view.tokens[w[0].hi].low == "and"
                        && w[0].entity != w[1].entity
                        && (w[0].label == EntityLabel::Person)
                            == (w[1].label == EntityLabel::Person)
                })
                .map(|w| (w[1].hi, (w[0].entity, Some(w[1].entity))))
                .collect();
            out.extend(
                self.groups
                    .iter()
                    .filter(|g| g.0 == k)
                    .map(|&(_, end, a, b)| (end, (a, Some(b)))),
            );
            out.extend(
                r.iter()
                    .filter(|r| {
                        r.label == EntityLabel::Org
                            || (r.label == EntityLabel::Norp
                                && self.view.tokens[r.hi - 1].low.ends_with('s'))
                    })
                    .map(|r| (r.hi, (r.entity, None))),
            );
            out
        };
        let nearest = candidates(k)
            .into_iter()
            .filter(|&(end, _)| end <= i)
            .max_by_key(|&(end, _)| end);
        if let Some((_, who)) = nearest {
            return Some(who);
        }
        let before = k.checked_sub(1)?;
        candidates(before)
            .into_iter()
            .min_by_key(|&(end, _)| end)
            .map(|(_, who)| who)
    }

    /// "the two leaders", "both presidents" ending at token `i`.
    fn group(&self, k: usize, i: usize, people: bool) -> Option<(Span, usize, Option<usize>)> {
        let first = self.view.sentences[k].tokens.start;
        if i == first || self.view.tokens[i].upper {
            return None;
        }
        let mut from = i - 1;
        if !matches!(self.view.tokens[from].low, "two" | "both") {
            return None;
        }
        if from > first && self.view.tokens[from - 1].low == "the" {
            from -= 1;
        }
        if !people {
            return None;
        }
        let span = Span::new(
            self.view.tokens[from].span.start,
            self.view.tokens[i].span.end,
        );
        // The last two distinct people before, over this sentence and three before.
        let last_two = |want_leader: bool| -> Vec<usize> {
            let mut out: Vec<usize> = Vec::new();
            for back in 0..=3.min(k) {
                for r in self.runs_of(k - back).iter().rev() {
                    if r.hi > from || r.label != EntityLabel::Person {
                        continue;
                    }
                    if want_leader && !self.leader.get(r.entity).copied().unwrap_or(false) {
                        continue;
                    }
                    if !out.contains(&r.entity) {
                        out.push(r.entity);
                    }
                    if out.len() == 2 {
                        return out;
                    }
                }
            }
            out
        };
        let mut two = last_two(true);
        if two.len() < 2 {
            two = last_two(false);
        }
        (two.len() == 2).then(|| (span, two[1], Some(two[0])))
    }
}

#[cfg(test)]
mod tests {
    use crate::{Meta, Options, Parser};

    /// The entity names each pronoun or group phrase resolves to, in order.
    fn resolved(text: &str, syntax: bool) -> Vec<(String, Vec<String>)> {
        let doc = Parser::new(Options::new().syntax(syntax))
            .parse(text, &Meta::new())
            .expect("parse");
        let mut out: Vec<(usize, String, Vec<String>)> = Vec::new();
        for e in &doc.entities {
            for p in &e.pronouns {
                let text = doc.slice(*p).to_owned();
                match out.iter_mut().find(|(s, _, _)| *s == p.start) {
                    Some((_, _, names)) => names.push(e.name.clone()),
                    None => out.push((p.start, text, vec![e.name.clone()])),
                }
            }
        }
        out.sort();
        out.into_iter().map(|(_, t, n)| (t, n)).collect()
    }

    fn both(text: &str) -> Vec<Vec<(String, Vec<String>)>> {
        vec![resolved(text, false), resolved(text, true)]
    }

    fn one(pronoun: &str, names: &[&str]) -> (String, Vec<String>) {
        (
            pronoun.to_owned(),
            names.iter().map(|s| (*s).to_owned()).collect(),
        )
    }

    #[test]
    fn he_is_the_subject_of_the_sentence_before() {
        for r in
            both("Olaf Scholz met Narendra Modi in Berlin on Tuesday. He said the talks went well.")
        {
            assert_eq!(r, [one("He", &["Olaf Scholz"])]);
        }
    }

    #[test]
    fn gender_from_an_honorific_picks_the_antecedent() {
        for r in both("Mrs Theresa May met Mr Donald Tusk in Brussels. She said the deal was done.")
        {
            assert_eq!(r, [one("She", &["Theresa May"])]);
        }
    }

    #[test]
    fn gender_from_a_given_name_picks_the_antecedent() {
        // Census given names: "Christopher" a man's, "Linda" and "Mary" a woman's;
        // "Jordan" is borne by both, so it agrees with either.
        for r in both("Christopher Simpson met Linda Ortiz in Tulsa. She said the talks went well.")
        {
            assert_eq!(r, [one("She", &["Linda Ortiz"])]);
        }
        for r in both("Mary Kent met Paul Lee in Leeds on Friday. He said little.") {
            assert_eq!(r, [one("He", &["Paul Lee"])]);
        }
        for r in both("Jordan Hale met Mary Kent in Leeds on Friday. She said little.") {
            assert_eq!(r, [one("She", &["Jordan Hale"])]);
        }
    }

    #[test]
    fn it_is_never_a_person_and_they_is_never_a_guess() {
        let text = "Gazprom signed a contract with Alexei Miller on Monday. It will supply gas \
                    to its clients. Later, they left the building.";
        // Subject "it" needs the parse to tell it from an expletive.
        assert_eq!(resolved(text, false), [one("its", &["Gazprom"])]);
        assert_eq!(
            resolved(text, true),
            [one("It", &["Gazprom"]), one("its", &["Gazprom"])]
        );
    }

    #[test]
    fn an_expletive_it_stands_for_nothing() {
        for text in [
            "Gazprom signed a contract on Monday. It is clear that prices will rise.",
            "Gazprom signed a contract on Monday. It seems that prices will rise.",
        ] {
            assert!(resolved(text, true).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_object_pronoun_is_not_the_subject_of_its_verb() {
        // "him" is not Macron, who praised him; with the parse, Scholz is left.
        let text = "German Chancellor Olaf Scholz spoke first. Emmanuel Macron praised him.";
        assert_eq!(resolved(text, true), [one("him", &["Olaf Scholz"])]);
    }

    #[test]
    fn they_is_a_group_phrase_before_it() {
        let text = "French President Emmanuel Macron met Indian Prime Minister Narendra Modi. \
                    According to Reuters, the two leaders will discuss their partnership.";
        for r in both(text) {
            assert_eq!(
                r,
                [
                    one("the two leaders", &["Emmanuel Macron", "Narendra Modi"]),
                    one("their", &["Emmanuel Macron", "Narendra Modi"])
                ]
            );
        }
    }

    #[test]
    fn they_is_two_names_joined_by_and() {
        for r in both("Joe Biden and Emmanuel Macron met in Paris. They discussed Ukraine.") {
            assert_eq!(r, [one("They", &["Joe Biden", "Emmanuel Macron"])]);
        }
    }

    #[test]
    fn nothing_is_guessed_without_an_antecedent() {
        for r in both("He said the talks went well. It was raining in the city.") {
            assert!(r.is_empty(), "{r:?}");
        }
    }

    #[test]
    fn the_two_leaders_are_the_last_two_leaders() {
        let text = "Chinese President Xi Jinping welcomed Russian President Vladimir Putin to \
                    Beijing. The two leaders signed a statement.";
        for r in both(text) {
            assert_eq!(
                r,
                [one("The two leaders", &["Xi Jinping", "Vladimir Putin"])]
            );
        }
    }
}
