//! Descriptors: the person a story is about, named by what they are before
//! the name ("Oklahoma man charged", "A 37-year-old Spiro man was arrested").
//!
//! Crime and accident news introduces its main person by a descriptor: the
//! headline says "Driver charged in fatal crash", the lead "A Schenectady man
//! was charged ...", and the name comes after. Such a phrase is a reference
//! ([`Entity::references`]) of the document's *main person*, the person with
//! the most name mentions (at least two, and more than any other person), in
//! two places only, each time the first descriptor of its sentence and the
//! sentence's opening words (after a dateline's dash or colon at most):
//! - a headline that names no person ("Oklahoma man arrested");
//! - an indefinite descriptor ("a", "an") in the first two sentences of the
//!   body, before any person is named in the body, when the main person is
//!   named in the next sentence and not in the descriptor's own ("A publicist
//!   says Tara Reid ..." is someone else).
//!
//! A descriptor's noun is singular, its most frequent sense in WordNet is a
//! person and it is mostly used as a noun
//! (`data/lexicons/person_nouns_wordnet.txt`: not "have"); it is not a title
//! (titles are roles, linked by role references: "the president"), not part of
//! a name, not right before a person's name (then it is that name's title or
//! apposition: "driver John Smith"), not the noun of a possessor ("his wife",
//! "Lohan's lawyer", "a Trump aide": someone else); the phrase runs from its
//! article over numbers, ages ("37-year-old"), names of places and other
//! capitalized words ("Schenectady") to the noun. Its gender ("man",
//! "grandmother": `data/lexicons/gendered_words.tsv`) must agree with the main
//! person's where both are known; the person's comes from a gendered title or
//! an honorific, else from a given name nearly always borne by one sex
//! ("Christopher"), else from the "he" or "she" forms of the sentences where
//! only that person is named.
//!
//! Definite descriptors in the body ("the man", "the driver") are left alone:
//! read by hand on political and wire news, most are someone else or no one
//! ("the terrorist attacks", "the voter registration", "the man who killed"),
//! and linking them gained nothing on ECB+.

use super::coref::{given_name_gender, pronoun_gender, title_gender, word_gender};
use super::resolve::{Lexicon, RawMention};
use super::{Entity, EntityLabel};
use crate::lexicon::{word_set, WordSet};
use crate::segment::TokenKind;
use crate::span::Span;
use crate::view::{Tok, View, NONE};

/// Nouns whose most frequent sense is a person ("man", "driver", "inmate"),
/// mostly used as nouns (`data/lexicons/person_nouns_wordnet.txt`).
static PERSON_NOUNS: WordSet = word_set!("person_nouns_wordnet.txt");

/// Words that make the noun after them someone else's ("his wife").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "my", "our", "your"];

/// Link the descriptors of the view's sentences to the document's main person
/// (see the module documentation); each becomes one of its references.
pub(crate) fn link(
    view: &View<'_>,
    mentions: &[RawMention],
    entities: &mut [Entity],
    lex: &dyn Lexicon,
) {
    let Some(main) = main_person(entities) else {
        return;
    };
    // The entity of each mention, and the people's mentions in order.
    let mut entity_of = vec![usize::MAX; mentions.len()];
    for (e, ent) in entities.iter().enumerate() {
        for &m in &ent.mentions {
            if let Some(slot) = entity_of.get_mut(m) {
                *slot = e;
            }
        }
    }
    let people: Vec<(Span, usize)> = mentions
        .iter()
        .zip(&entity_of)
        .filter(|(m, &e)| m.label == EntityLabel::Person && e != usize::MAX)
        .map(|(m, &e)| (m.span, e))
        .collect();
    // The main person's gender, read when a descriptor first needs it.
    let mut gender: Option<Option<bool>> = None;
    let mut taken: Vec<Span> = entities.iter().flat_map(|e| e.references.clone()).collect();
    taken.sort_by_key(|t| (t.start, t.end));
    // The first person named outside the headlines.
    let first_in_body = people
        .iter()
        .position(|(p, _)| !headline_at(view, p.start))
        .unwrap_or(people.len());
    let mut found: Vec<Span> = Vec::new();
    let mut body_sentences = 0;
    for (k, s) in view.sentences.iter().enumerate() {
        if !s.headline {
            body_sentences += 1;
        }
        // Headlines that name no one, and the first two sentences of the body.
        if (s.headline && !people_in(&people, s.span).is_empty())
            || (!s.headline && body_sentences > 2)
        {
            continue;
        }
        // The sentence's first descriptor, when it opens the sentence.
        let Some(d) = s
            .tokens
            .clone()
            .find_map(|i| descriptor(view, k, i, mentions, lex))
            .filter(|d| opens(view, k, d.span))
        else {
            continue;
        };
        if let Some(said) = word_gender(view.tokens[d.noun].low) {
            let known = *gender.get_or_insert_with(|| {
                gender_of(view, mentions, &entity_of, &people, main, &entities[main])
            });
            if known.is_some_and(|g| g != said) {
                continue;
            }
        }
        let ok = s.headline || {
            // "A Spiro man was arrested. Christopher Simpson, 37, ...": the
            // lead's subject, before anyone is named in the body, and the main
            // person named in the next sentence, not in its own ("A publicist
            // says Tara Reid ..." is someone else).
            let before = people.partition_point(|(p, _)| p.start < d.span.start);
            let named = |span: Span| people_in(&people, span).iter().any(|&(_, e)| e == main);
            d.article == Article::Indefinite
                && before <= first_in_body
                && !named(s.span)
                && view.sentences.get(k + 1).is_some_and(|n| named(n.span))
        };
        // A role reference over the same words stands.
        let t = taken.partition_point(|t| t.end <= d.span.start);
        let overlaps = taken.get(t).is_some_and(|t| t.start < d.span.end);
        if ok && !overlaps {
            found.push(d.span);
        }
    }
    if !found.is_empty() {
        let refs = &mut entities[main].references;
        refs.extend(found);
        refs.sort_by_key(|r| (r.start, r.end));
        refs.dedup();
    }
}

/// The people's mentions (in order) that lie in `span`.
fn people_in(people: &[(Span, usize)], span: Span) -> &[(Span, usize)] {
    let lo = people.partition_point(|(p, _)| p.start < span.start);
    let hi = people.partition_point(|(p, _)| p.start < span.end);
    &people[lo..hi.max(lo)]
}

/// Whether `span` opens sentence `k`: nothing before it but punctuation, or
/// a dateline ended by a dash or a colon ("SPIRO, Okla. (AP) - A Spiro man").
fn opens(view: &View<'_>, k: usize, span: Span) -> bool {
    let toks = &view.tokens[view.sentences[k].tokens.clone()];
    let before = &toks[..toks.partition_point(|t| t.span.start < span.start)];
    before.iter().all(Tok::is_punct)
        || before
            .iter()
            .rposition(|t| t.is_any(&["-", "\u{2013}", "\u{2014}", "--", ":"]))
            .is_some_and(|i| before[i + 1..].iter().all(Tok::is_punct))
}

/// The person with the most name mentions: at least two, and more than any
/// other person.
fn main_person(entities: &[Entity]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    let mut second = 0;
    for (e, ent) in entities.iter().enumerate() {
        if ent.label != EntityLabel::Person {
            continue;
        }
        let n = ent.mentions.len();
        match best {
            Some((_, b)) if n <= b => second = second.max(n),
            _ => {
                second = best.map_or(0, |(_, b)| b);
                best = Some((e, n));
            }
        }
    }
    best.filter(|&(_, n)| n >= 2 && n > second).map(|(e, _)| e)
}

/// Whether offset `at` lies in a headline sentence.
fn headline_at(view: &View<'_>, at: usize) -> bool {
    view.sentence_at(at)
        .is_some_and(|k| view.sentences[k].headline)
}

/// The gender of the main person (`Some(true)` masculine): from a gendered
/// title or an honorific right before one of its names, else from its given
/// name, else from the "he" and "she" forms of the sentences that name it and
/// no other person (and of the sentence after, when that one names no one),
/// when one kind is at least two and twice the other.
fn gender_of(
    view: &View<'_>,
    mentions: &[RawMention],
    entity_of: &[usize],
    people: &[(Span, usize)],
    main: usize,
    entity: &Entity,
) -> Option<bool> {
    if let Some(g) = title_gender(entity) {
        return Some(g);
    }
    for (m, &e) in mentions.iter().zip(entity_of) {
        if e != main {
            continue;
        }
        let i = view.tokens.partition_point(|t| t.span.start < m.span.start);
        if let Some(t) = i.checked_sub(1).and_then(|j| view.tokens.get(j)) {
            if let Some(g) = word_gender(t.low.trim_end_matches('.')) {
                return Some(g);
            }
        }
    }
    if let Some(g) = given_name_gender(entity) {
        return Some(g);
    }
    let (mut he, mut she) = (0usize, 0usize);
    let named = |k: usize| -> (bool, bool) {
        let here = people_in(people, view.sentences[k].span);
        (
            here.iter().any(|&(_, e)| e == main),
            here.iter().any(|&(_, e)| e != main),
        )
    };
    let mut count = |k: usize, from: usize| {
        for t in &view.tokens[view.sentences[k].tokens.clone()] {
            if t.span.start >= from && t.kind == TokenKind::Word {
                match pronoun_gender(t.low) {
                    Some(true) => he += 1,
                    Some(false) => she += 1,
                    None => {}
                }
            }
        }
    };
    for k in 0..view.sentences.len() {
        let (main_here, other) = named(k);
        if !main_here || other {
            continue;
        }
        let s = view.sentences[k].span;
        let first = people_in(people, s)
            .iter()
            .find(|&&(_, e)| e == main)
            .map_or(s.start, |(p, _)| p.end);
        count(k, first);
        if k + 1 < view.sentences.len() && named(k + 1) == (false, false) {
            count(k + 1, 0);
        }
    }
    if he >= 2 && he >= 2 * she {
        Some(true)
    } else if she >= 2 && she >= 2 * he {
        Some(false)
    } else {
        None
    }
}

/// The article of a descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Article {
    Definite,
    Indefinite,
    None,
}

/// A descriptor phrase: from its article or first modifier to its noun.
#[derive(Debug, Clone, Copy)]
struct Descriptor {
    span: Span,
    article: Article,
    /// The noun's token.
    noun: usize,
}

/// Whether offset range `span` meets a mention, and that mention's label.
fn mention_at(mentions: &[RawMention], span: Span) -> Option<EntityLabel> {
    let k = mentions.partition_point(|m| m.span.end <= span.start);
    mentions
        .get(k)
        .filter(|m| m.span.start < span.end)
        .map(|m| m.label)
}

/// The descriptor whose noun is token `at` of sentence `sentence`, if it is one.
fn descriptor(
    view: &View<'_>,
    sentence: usize,
    at: usize,
    mentions: &[RawMention],
    lex: &dyn Lexicon,
) -> Option<Descriptor> {
    let sv = &view.sentences[sentence];
    let noun = &view.tokens[at];
    if noun.kind != TokenKind::Word
        || (noun.upper && !sv.headline)
        || !PERSON_NOUNS.contains(noun.low)
        || lex.is_title(noun.low)
        || mention_at(mentions, noun.span).is_some()
    {
        return None;
    }
    let word = (noun.word != NONE)
        .then(|| view.words.get(noun.word as usize))
        .flatten();
    if let Some(word) = word {
        // A singular noun heading its phrase ("man", not "men" or "man" of "man hunt").
        if !matches!(word.xpos, "NN" | "NNP") || word.deprel == "compound" {
            return None;
        }
    } else {
        let low = noun.low;
        let plural = ["s", "es"].iter().any(|end| {
            low.strip_suffix(end)
                .is_some_and(|stem| PERSON_NOUNS.contains(stem))
        });
        let next_noun = view
            .tokens
            .get(at + 1)
            .filter(|_| at + 1 < sv.tokens.end)
            .is_some_and(|n| n.kind == TokenKind::Word && PERSON_NOUNS.contains(n.low));
        if plural || next_noun {
            return None;
        }
    }
    // Not a title or apposition of a name: "driver John Smith", "the man, John Smith,".
    let mut next = at + 1;
    if next < sv.tokens.end && view.tokens[next].is_any(&[","]) {
        next += 1;
    }
    if next < sv.tokens.end
        && mention_at(mentions, view.tokens[next].span) == Some(EntityLabel::Person)
    {
        return None;
    }
    // Left: ages, numbers, names of places and capitalized words, then the article.
    let mut from = at;
    let mut article = Article::None;
    while from > sv.tokens.start {
        let prev = &view.tokens[from - 1];
        if prev.is_any(&["the", "this", "that"]) {
            article = Article::Definite;
            from -= 1;
            break;
        }
        if prev.is_any(&["a", "an"]) {
            article = Article::Indefinite;
            from -= 1;
            break;
        }
        if prev.is_any(POSSESSIVES) || (prev.kind == TokenKind::Clitic && prev.is_any(&["'s", "'"]))
        {
            return None;
        }
        let modifier = match prev.kind {
            TokenKind::Number => true,
            TokenKind::Word => match mention_at(mentions, prev.span) {
                // "a Trump aide", "the Putin ally": someone else.
                Some(EntityLabel::Person) => return None,
                Some(_) => true,
                // Ages, and capitalized words but in a headline's title case:
                // "37-year-old", "Schenectady".
                None => {
                    (prev.upper && !sv.headline) || prev.text.bytes().any(|b| b.is_ascii_digit())
                }
            },
            _ => false,
        };
        if !modifier {
            break;
        }
        from -= 1;
    }
    Some(Descriptor {
        span: Span::new(view.tokens[from].span.start, noun.span.end),
        article,
        noun: at,
    })
}

#[cfg(test)]
mod tests {
    use crate::{Meta, Options, Parser};

    /// (entity name, reference text) of every reference, with the syntax stage
    /// off and on (both must agree).
    fn references(text: &str) -> Vec<(String, String)> {
        let mut runs = Vec::new();
        for syntax in [false, true] {
            let doc = Parser::new(Options::new().syntax(syntax))
                .parse(text, &Meta::new())
                .expect("parse");
            let mut out: Vec<(String, String)> = doc
                .entities
                .iter()
                .flat_map(|e| {
                    e.references
                        .iter()
                        .map(|r| (e.name.clone(), doc.slice(*r).to_owned()))
                })
                .collect();
            out.sort();
            runs.push(out);
        }
        assert_eq!(runs[0], runs[1], "without and with syntax");
        runs.swap_remove(0)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = list
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_headline_descriptor_is_the_main_person() {
        let text = "Oklahoma man arrested in killing of girlfriend\n\n\
            SPIRO, Okla. (AP) - Police arrested Christopher Simpson on Monday. \
            Simpson was held without bail, and Sheriff Bill Jones said the \
            investigation was continuing. Simpson is due in court on Friday.\n";
        assert_eq!(
            references(text),
            pairs(&[("Christopher Simpson", "Oklahoma man")])
        );
    }

    #[test]
    fn the_lead_introduces_the_person_the_story_then_names() {
        let text = "Crash kills two\n\n\
            A 37-year-old Schenectady man was charged on Tuesday after a crash \
            that killed two people. Vishwanand Subryan was driving a van, police \
            said. Subryan told officers he had not been drinking, and the man was \
            released on bail.\n";
        assert_eq!(
            references(text),
            pairs(&[("Vishwanand Subryan", "A 37-year-old Schenectady man")])
        );
        // After a dateline.
        let text = "SPIRO, Okla. (AP) - A Spiro man was arrested on Friday in the death \
            of his girlfriend. Christopher Simpson, 37, was held in the county jail. \
            Simpson has not entered a plea.\n";
        assert_eq!(
            references(text),
            pairs(&[("Christopher Simpson", "A Spiro man")])
        );
    }

    #[test]
    fn definite_descriptors_and_descriptors_named_with_someone_are_left_alone() {
        // "The teenager" may be Gray; "the man who ..." in the same place is not.
        let text = "Kimani Gray, 16, was shot on Saturday night in Brooklyn. \
            Gray had left a party with friends. The teenager was taken to a hospital, \
            where Gray died, officials said.\n";
        assert_eq!(references(text), pairs(&[]));
        // The lead's descriptor with the main person in its own sentence is
        // someone else; so is one that does not open its sentence.
        let text = "A publicist says Tara Reid has checked into rehab. Reid is 33. \
            Reid's publicist did not say where.\n";
        assert_eq!(references(text), pairs(&[]));
        let text = "Police said on Monday that a man was arrested. Tom Ortiz, 40, \
            was charged. Ortiz is in jail.\n";
        assert_eq!(references(text), pairs(&[]));
    }

    #[test]
    fn no_descriptor_against_gender_possessors_or_names() {
        // A known gender that disagrees: Mary is a woman's name.
        let text = "Mary Walsh opened the shop in 1990. Walsh still runs it. \
            The man who sold it to her lives nearby.\n";
        assert_eq!(references(text), pairs(&[]));
        // Someone else's: a possessor, a title before a name, a plural.
        let text = "John Ortiz was arrested on Monday. Ortiz's lawyer said he \
            would plead not guilty. Driver Tom Lee was not hurt. Ortiz and the \
            men with him were released.\n";
        assert_eq!(references(text), pairs(&[]));
        let text = "John Ortiz spoke on Monday. Ortiz said a Trump aide had called \
            him. Ortiz did not name the aide.\n";
        assert_eq!(references(text), pairs(&[]));
        // Nouns of a person mostly used as something else: "have", "suspect".
        let text = "Saints place Bush on IR\n\nThe New Orleans Saints have placed \
            Reggie Bush on injured reserve. Bush was hurt on Thursday. The suspect \
            was not named.\n";
        assert_eq!(references(text), pairs(&[]));
        // A headline that names a person has no descriptor of another.
        let text = "Lohan's lawyer says actress will go to rehab\n\n\
            Lindsay Lohan will enter a clinic, Lohan's lawyer said. Lohan was \
            sentenced in May.\n";
        assert_eq!(references(text), pairs(&[]));
    }

    #[test]
    fn no_main_person_no_descriptor() {
        // Two people named as often: the story is about neither alone.
        let text = "Ann Brook met Ivan Petrov in Geneva. Brook and Petrov spoke \
            for an hour. The man left first.\n";
        assert_eq!(references(text), pairs(&[]));
    }
}
