//! Finding event triggers and reading their participants from the clause.

use super::lexicon::{self, Sense};
use super::{Event, EventType, Modality, Participant, Polarity};
use crate::entities::coref::{self, Coref};
use crate::entities::EntityLabel;
use crate::lexicon::{word_list, WordList};
use crate::segment::TokenKind;
use crate::span::Span;
use crate::syntax::tree::Tree;
use crate::view::{Tok, View};

/// What the stage reads: normalized text and what earlier stages found in it.
pub(crate) struct Input<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// The shared view of the sentences, with the names (entity mentions and
    /// role references) each token is part of.
    pub view: &'a View<'a>,
    /// Dates and times: span, index into `Document::times`; in order.
    pub times: &'a [(Span, usize)],
    /// Pronouns and group phrases resolved by the entity stage, in order.
    pub corefs: &'a [Coref],
    /// The label of each entity.
    pub labels: &'a [EntityLabel],
    /// What people said (direct, indirect and block quotes, part by part),
    /// sorted: an event inside is reported.
    pub quotes: &'a [Span],
}

mod tree;

const NONE: u32 = u32::MAX;

/// How many words a subject or verb group is read back over, at most.
const MAX_BACK: usize = 40;

/// A name inside the sentence, as a range of words.
#[derive(Clone, Copy)]
struct Nm {
    lo: usize,
    hi: usize,
    idx: usize,
}

fn one_of(w: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(w))
}

static DETERMINERS: WordList = word_list!("event_determiners.txt");

static PREPOSITIONS: WordList = word_list!("event_prepositions.txt");

/// Words that start a new clause: the subject and objects of a trigger never
/// reach over them.
static SUBORDINATORS: WordList = word_list!("event_subordinators.txt");

/// Auxiliaries, adverbs and control verbs between a subject and its verb.
static VERB_GROUP: WordList = word_list!("event_verb_group.txt");

/// Auxiliaries of the future and verbs of intention: part of the verb group, and
/// they make the action planned ("will meet", "plans to visit").
static INTENT: WordList = word_list!("event_intent.txt");

/// Whether `s` belongs to the verb group (auxiliaries, adverbs, control verbs,
/// intentions).
fn in_verb_group(s: &str) -> bool {
    one_of(s, &VERB_GROUP) || one_of(s, &INTENT)
}

static NEGATIONS: WordList = word_list!("event_negations.txt");

/// Words that make the action planned without being part of the verb group:
/// "the upcoming visit", "a proposed deal".
static PLANNED_MODIFIERS: WordList = word_list!("event_planned_modifiers.txt");

static EXPECTED: WordList = word_list!("event_expected.txt");
static POSSIBLE: WordList = word_list!("event_possible.txt");

/// Verbs that end an action: "stop attacking", "ceased supplying".
static STOPS: WordList = word_list!("event_stops.txt");

/// Verbs that keep someone from an act: "barred him from entering".
static PREVENT: WordList = word_list!("event_prevent.txt");

static REQUEST: WordList = word_list!("event_request.txt");

/// Words that report speech: an asserted event in their sentence is reported.
static SPEECH: WordList = word_list!("event_speech.txt");

/// Means of contact at a distance ("by phone", "a telephone conversation").
static REMOTE_MEANS: WordList = word_list!("event_remote_means.txt");

/// Verbs of talking that such a means makes a call ("spoke by phone").
static REMOTE_VERBS: WordList = word_list!("event_remote_verbs.txt");

/// Verbs and prepositions that take an event noun as their object, whose
/// subject is the noun's actor: "held talks with", "paid a visit to",
/// "imposed sanctions on", "arrived for talks with".
static LIGHT_VERBS: WordList = word_list!("event_light_verbs.txt");

/// Words before a noun that make it a noun reading: "the visit", "bilateral talks".
fn noun_context(prev: Option<&Tok<'_>>) -> bool {
    let Some(p) = prev else { return true };
    let s = p.text;
    if p.kind == TokenKind::Clitic {
        return s.ends_with('s') || s.ends_with('S');
    }
    if p.kind == TokenKind::Number {
        return true;
    }
    if p.kind != TokenKind::Word {
        return false;
    }
    if one_of(s, &DETERMINERS) || one_of(s, &PREPOSITIONS) && !s.eq_ignore_ascii_case("to") {
        return true;
    }
    if p.name != NONE || p.upper {
        return false;
    }
    // A lowercase adjective or noun before it ("bilateral talks", "energy
    // deals"), not an auxiliary, pronoun or adverb.
    !(in_verb_group(s)
        || one_of(
            s,
            &["he", "she", "they", "we", "i", "you", "it", "and", "or"],
        )
        || s.ends_with("ly"))
}

struct Sent<'s, 'a> {
    input: &'s Input<'a>,
    /// Words of the sentence that report speech ("said", "according").
    speech: Vec<usize>,
    span: Span,
    headline: bool,
    words: &'a [Tok<'a>],
    /// Set by the tree reading of a trigger that it refused for want of
    /// someone, having found only things as its participants: no second
    /// reading by word order then.
    refused: std::cell::Cell<bool>,
}

/// Whether a word and the particle right after it make a phrasal trigger
/// ("stepped down", "passed away"), by their lemmas.
fn phrasal_in(words: &[crate::Word]) -> bool {
    words.windows(2).any(|w| {
        lexicon::PARTICLES.contains(&&*w[1].lemma)
            && lexicon::phrasal(&w[0].lemma, &w[1].lemma).is_some()
    })
}

/// Find the events of every sentence.
pub(crate) fn extract(input: &Input<'_>) -> Vec<Event> {
    let mut out = Vec::new();
    for (index, sv) in input.view.sentences.iter().enumerate() {
        let words = input.view.toks(index);
        // Most sentences have no trigger: look before building anything.
        // Verbs of going count only where the tree can read them.
        let syntax = !sv.words.is_empty() && !sv.headline;
        let has_trigger = words.iter().any(|t| {
            t.kind == TokenKind::Word
                && (lexicon::lookup(t.text).is_some()
                    || (syntax && lexicon::goal_verb(t.text).is_some()))
        }) || (syntax
            && phrasal_in(input.view.words.get(sv.words.clone()).unwrap_or_default()));
        if !has_trigger {
            continue;
        }
        let tree = Tree::new(input.view, index);
        let mut s = Sent {
            input,
            speech: Vec::new(),
            span: sv.span,
            headline: sv.headline,
            words,
            refused: std::cell::Cell::new(false),
        };
        s.prepare();
        match &tree {
            Some(tr) => s.tree_events(tr, &mut out),
            None => s.events(&mut out),
        }
    }
    out
}

/// An actor or target before its conversion to a participant.
#[derive(Clone, Copy)]
struct Who {
    span: Span,
    entity: Option<usize>,
    label: Option<EntityLabel>,
}

impl From<Who> for Participant {
    fn from(w: Who) -> Participant {
        Participant {
            span: w.span,
            entity: w.entity,
        }
    }
}

// Word indices keep the names of the quote stage: `i` the trigger, `j` a cursor,
// `k` where the verb group starts, `n` the sentence's length, `p` the word before.
#[allow(clippy::many_single_char_names)]
impl Sent<'_, '_> {
    fn prepare(&mut self) {
        for (i, t) in self.words.iter().enumerate() {
            if t.kind == TokenKind::Word && SPEECH.contains(&t.low) {
                self.speech.push(i);
            }
        }
    }

    fn s(&self, i: usize) -> &str {
        self.words[i].text
    }

    fn is(&self, i: usize, set: &[&str]) -> bool {
        i < self.words.len() && one_of(self.s(i), set)
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        i < self.words.len() && self.s(i).eq_ignore_ascii_case(w)
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        i < self.words.len() && self.words[i].kind == TokenKind::Punct && self.s(i) == p
    }

    fn strong_boundary(&self, i: usize) -> bool {
        let w = &self.words[i];
        w.kind == TokenKind::Punct
            && matches!(
                self.s(i),
                ";" | ":" | "." | "?" | "!" | "(" | ")" | "—" | "–" | "[" | "]"
            )
    }

    fn name_at(&self, i: usize) -> Option<Nm> {
        let n = self.words.get(i)?.name;
        if n == NONE {
            return None;
        }
        let lo = self.words[..i]
            .iter()
            .rposition(|w| w.name != n)
            .map_or(0, |p| p + 1);
        let hi = i + self.words[i..]
            .iter()
            .position(|w| w.name != n)
            .unwrap_or(self.words.len() - i);
        Some(Nm {
            lo,
            hi,
            idx: n as usize,
        })
    }

    fn who(&self, nm: Nm) -> Who {
        let (span, label, entity) = self.input.view.names[nm.idx];
        Who {
            span,
            entity,
            label: Some(label),
        }
    }

    /// Whether a name can take part in an event (not a nationality, a law, a
    /// work...).
    fn participant_label(label: EntityLabel) -> bool {
        matches!(
            label,
            EntityLabel::Person
                | EntityLabel::Org
                | EntityLabel::Gpe
                | EntityLabel::Loc
                | EntityLabel::Fac
        )
    }

    fn possessive_after(&self, i: usize) -> bool {
        i < self.words.len()
            && self.words[i].kind == TokenKind::Clitic
            && matches!(self.s(i), "'s" | "’s" | "'S" | "’S")
    }

    /// Whether the name `nm` sits in a prepositional phrase ("in Beijing", "of
    /// the Russian Federation", "at the Beijing airport").
    fn in_pp(&self, nm: Nm) -> bool {
        let mut k = nm.lo;
        while k > 0 {
            let p = k - 1;
            let skip = self.is(p, &DETERMINERS)
                || (self.words[p].upper && self.words[p].kind == TokenKind::Word)
                || self
                    .name_at(p)
                    .is_some_and(|m| matches!(self.input.view.names[m.idx].1, EntityLabel::Norp));
            if !skip {
                break;
            }
            k = p;
        }
        k > 0 && self.is(k - 1, &PREPOSITIONS)
    }

    /// Who the pronoun or group phrase at `span` is, as the entity stage
    /// resolved it; one participant without an entity where nothing fits.
    fn resolved(&self, span: Span) -> Vec<Who> {
        let corefs = self.input.corefs;
        let k = corefs.partition_point(|c| c.span.start < span.start);
        match corefs.get(k).filter(|c| c.span == span) {
            Some(c) => c
                .entities()
                .map(|e| Who {
                    span,
                    entity: Some(e),
                    label: self.input.labels.get(e).copied(),
                })
                .collect(),
            None => vec![Who {
                span,
                entity: None,
                label: None,
            }],
        }
    }

    /// A pronoun or group phrase ending at word `j`, resolved.
    fn pronoun(&self, j: usize, subject: bool) -> Option<(usize, Vec<Who>)> {
        let s = self.s(j);
        let span = self.words[j].span;
        let subj = ["he", "she", "they"];
        let obj = ["him", "her", "them"];
        if (subject && one_of(s, &subj)) || (!subject && one_of(s, &obj)) {
            return Some((j, self.resolved(span)));
        }
        // "the two leaders", "both presidents", "the two countries".
        if j >= 1 && !self.words[j].upper && coref::group_noun(self.words[j].low) {
            let mut from = j - 1;
            if self.is(from, &["two", "both"]) {
                if from >= 1 && self.is_word(from - 1, "the") {
                    from -= 1;
                }
                let sp = Span::new(self.words[from].span.start, span.end);
                return Some((from, self.resolved(sp)));
            }
        }
        None
    }

    /// The subject of the clause, read back from word `from` (exclusive).
    /// Returns the actors and the word where the clause starts.
    fn subject(&self, from: usize) -> (Vec<Who>, usize) {
        let mut j = from;
        let floor = from.saturating_sub(MAX_BACK);
        while j > floor {
            j -= 1;
            if self.strong_boundary(j) {
                return (Vec::new(), j + 1);
            }
            if self.punct(j, ",") {
                if let Some(open) = self.appositive_open(j) {
                    j = open;
                    continue;
                }
                // Only a name or pronoun right before the comma is the subject
                // ("The president of Russia, Vladimir Putin, landed").
                if j > 0 && (self.words[j - 1].name != NONE || self.pronoun(j - 1, true).is_some())
                {
                    continue;
                }
                return (Vec::new(), j + 1);
            }
            if self.words[j].kind == TokenKind::Word && self.is(j, &SUBORDINATORS) {
                return (Vec::new(), j + 1);
            }
            if let Some(nm) = self.name_at(j) {
                j = nm.lo;
                let who = self.who(nm);
                if self.possessive_after(nm.hi)
                    || self.in_pp(nm)
                    || !who.label.is_some_and(Self::participant_label)
                {
                    continue;
                }
                let mut actors = vec![who];
                let mut lo = nm.lo;
                let mut first = nm;
                // Coordination: "Putin and Xi", "Russia, China and Iran" (a
                // comma joins only before an "and": "The president of Russia,
                // Vladimir Putin" is one person).
                let mut joined = false;
                while lo >= 2
                    && (self.is_word(lo - 1, "and") || (joined && self.punct(lo - 1, ",")))
                {
                    let Some(prev) = self.name_at(lo - 2) else {
                        break;
                    };
                    let w = self.who(prev);
                    if !w.label.is_some_and(Self::participant_label)
                        || self.possessive_after(prev.hi)
                    {
                        break;
                    }
                    joined = true;
                    actors.insert(0, w);
                    lo = prev.lo;
                    first = prev;
                }
                // "talks with Putin and Xi": a group in a prepositional phrase is
                // no subject, except "for X and Y to meet".
                if lo < nm.lo
                    && self.in_pp(first)
                    && !(first.lo >= 1 && self.is_word(first.lo - 1, "for"))
                {
                    j = lo;
                    continue;
                }
                return (actors, lo);
            }
            if let Some((lo, who)) = self.pronoun(j, true) {
                return (who, lo);
            }
        }
        (Vec::new(), floor)
    }

    /// The comma opening an appositive that ends with the comma at `close`
    /// ("Blinken, the US Secretary of State, said"; "Russia, facing sanctions,
    /// is"), if the stretch between them reads as one.
    fn appositive_open(&self, close: usize) -> Option<usize> {
        let open = (close.saturating_sub(16)..close)
            .rev()
            .find(|&k| self.punct(k, ",") || self.strong_boundary(k))?;
        if !self.punct(open, ",") || open + 1 >= close || open == 0 {
            return None;
        }
        let first = open + 1;
        let w = &self.words[first];
        let reads = self.is(first, &["the", "a", "an", "who", "which", "whose", "also"])
            || (w.kind == TokenKind::Word && !w.upper && self.words[first].name == NONE)
            || w.kind == TokenKind::Number;
        // What comes before the opening comma must be a name.
        (reads && self.words[open - 1].name != NONE).then_some(open)
    }

    fn events(&mut self, out: &mut Vec<Event>) {
        let mut last_actors: Vec<Who> = Vec::new();
        for i in 0..self.words.len() {
            if let Some((ev, actors, verb)) = self.word_order_event(i, &last_actors) {
                if verb && !actors.is_empty() {
                    last_actors = actors;
                }
                out.push(ev);
            }
        }
    }

    /// The event of the word at `i` read by word order, if it is a trigger
    /// with participants; its actors, and whether it was read as a verb.
    fn word_order_event(&self, i: usize, last_actors: &[Who]) -> Option<(Event, Vec<Who>, bool)> {
        if self.words[i].kind != TokenKind::Word {
            return None;
        }
        let lex = lexicon::lookup(self.s(i))?;
        let noun = match (lex.verb, lex.noun) {
            (Some(_), Some(_)) => noun_context(i.checked_sub(1).map(|p| &self.words[p])),
            (None, Some(_)) => true,
            _ => false,
        };
        let sense = if noun { lex.noun } else { lex.verb }?;
        let reach = if sense.next_at_once { 2 } else { 5 };
        if !sense.needs_next.is_empty()
            && !(i + 1..(i + reach).min(self.words.len())).any(|k| self.is(k, sense.needs_next))
        {
            return None;
        }
        // A name is no trigger ("Belt and Road", "Trade Ministry").
        if self.words[i].name != NONE {
            return None;
        }
        if !noun && self.not_a_verb(i) {
            return None;
        }
        let (ev, actors) = if noun {
            self.noun_event(i, sense)
        } else {
            self.verb_event(i, sense, last_actors)
        }?;
        Some((ev, actors, !noun))
    }

    /// Whether a verb trigger at `i` is no finite verb of its clause: a reduced
    /// passive after a common noun ("people accused of fraud", "talks hosted by
    /// Qatar"), or "host" as a title before or after a name ("talk show host Alex
    /// Marlow", "RT America host, Abby Martin").
    fn not_a_verb(&self, i: usize) -> bool {
        let w = self.s(i);
        let prev = i.checked_sub(1).map(|p| (&self.words[p], self.s(p)));
        if w.len() > 3 && w.ends_with("ed") && self.is(i + 1, &["of", "by"]) {
            if let Some((p, ps)) = prev {
                if p.kind == TokenKind::Word
                    && !p.upper
                    && p.name == NONE
                    && !in_verb_group(ps)
                    && !one_of(ps, &["he", "she", "they", "we", "i", "you", "it", "who"])
                {
                    return true;
                }
            }
        }
        // "sign up", "sign off": phrasal verbs of another sense.
        // Bytes: the fourth byte of a word may fall inside a character ("中文").
        if w.as_bytes()
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"sign"))
            && self.is(i + 1, &["up", "off", "out"])
        {
            return true;
        }
        // A verb-only word after a determiner or "of" is a noun ("60 acres of land").
        if let Some((p, ps)) = prev {
            let lex = lexicon::lookup(w);
            if p.kind == TokenKind::Word
                && lex.is_some_and(|l| l.noun.is_none())
                && (one_of(ps, &DETERMINERS) || ps.eq_ignore_ascii_case("of"))
            {
                return true;
            }
        }
        // "back" is a verb after its subject or auxiliary ("will back", "to back
        // Trump", "Cruz backs"), an adverb after an object ("bring jobs back").
        if w.eq_ignore_ascii_case("back") {
            return !prev.is_some_and(|(p, ps)| {
                p.name != NONE
                    || in_verb_group(ps)
                    || one_of(
                        ps,
                        &["to", "he", "she", "they", "we", "i", "you", "it", "who"],
                    )
            });
        }
        if w == "host" {
            let after_name = prev.is_some_and(|(p, _)| i > 1 && (p.upper || p.name != NONE));
            let before_name = self
                .words
                .get(i + 1)
                .is_some_and(|n| n.name != NONE || self.s(i + 1) == ",");
            return after_name || before_name;
        }
        false
    }

    /// Walk back over the verb group before word `i`: auxiliaries, adverbs,
    /// control verbs. Returns where the group starts, the polarity, the
    /// modality, and whether it asks someone else to act (then the actor is
    /// the object of the request verb before `to`).
    fn verb_group(&self, i: usize) -> (usize, Polarity, Modality, Option<usize>) {
        let mut k = i;
        let mut polarity = Polarity::Positive;
        let mut modality = Modality::Asserted;
        let mut to = false;
        while k > 0 && i - k < MAX_BACK {
            let p = k - 1;
            let w = &self.words[p];
            let s = self.s(p);
            let stops = !to && w.kind == TokenKind::Word && one_of(s, &STOPS);
            let known = in_verb_group(s)
                || stops
                || (w.kind == TokenKind::Word && !w.upper && s.len() > 4 && s.ends_with("ly"));
            if !known || w.name != NONE {
                // A control verb right before "to": "sought to", "continues to".
                if to
                    && w.kind == TokenKind::Word
                    && !w.upper
                    && w.name == NONE
                    && self.is_word(k, "to")
                    && !one_of(s, &PREPOSITIONS)
                {
                    if one_of(s, &REQUEST) {
                        return (p, polarity, Modality::Requested, None);
                    }
                    k = p;
                    continue;
                }
                break;
            }
            if one_of(s, &NEGATIONS) || stops {
                polarity = Polarity::Negative;
            }
            if s.eq_ignore_ascii_case("to") {
                to = true;
                if modality == Modality::Asserted {
                    modality = Modality::Planned;
                }
            }
            if one_of(s, &EXPECTED) {
                modality = Modality::Expected;
            } else if one_of(s, &POSSIBLE) {
                modality = Modality::Possible;
            } else if (one_of(s, &INTENT) || one_of(s, &PLANNED_MODIFIERS))
                && modality != Modality::Expected
            {
                modality = Modality::Planned;
            }
            k = p;
        }
        // "refused to condemn", "refrained from supplying": it did not happen.
        if polarity == Polarity::Negative
            && (k..i).any(|x| {
                self.is(
                    x,
                    &[
                        "refused",
                        "refuses",
                        "declined",
                        "refrained",
                        "abstained",
                        "failed",
                        "denied",
                        "denies",
                        "stopped",
                    ],
                )
            })
            && modality == Modality::Planned
            && !(k..i).any(|x| self.is(x, &["will", "would", "'ll", "plans", "set"]))
        {
            modality = Modality::Asserted;
        }
        // "asked Beijing not to supply": the object of the request acts.
        if to && k >= 2 {
            if let Some(nm) = self.name_at(k - 1) {
                // Skip an appositive after the object: "asked Beijing, an
                // ally of Moscow, not to".
                // "called on Trump to": the request's particle before the object.
                let verb = if nm.lo >= 2 && self.is_word(nm.lo - 1, "on") {
                    nm.lo - 2
                } else {
                    nm.lo.wrapping_sub(1)
                };
                if nm.lo >= 1 && self.is(verb, &REQUEST) {
                    return (k, polarity, Modality::Requested, Some(nm.lo));
                }
            }
            if let Some((lo, _)) = self.pronoun_object(k - 1) {
                if lo >= 1 && self.is(lo - 1, &REQUEST) {
                    return (k, polarity, Modality::Requested, Some(lo));
                }
            }
        }
        (k, polarity, modality, None)
    }

    fn pronoun_object(&self, j: usize) -> Option<(usize, Vec<Who>)> {
        self.pronoun(j, false)
    }

    fn verb_event(&self, i: usize, sense: Sense, last: &[Who]) -> Option<(Event, Vec<Who>)> {
        let (k, polarity, mut modality, requested) = self.verb_group(i);
        let (mut actors, clause_lo) = if let Some(obj) = requested {
            // The object of "asked": a name or a pronoun.
            let who = match self.name_at(obj) {
                Some(nm) => vec![self.who(nm)],
                None => self.pronoun_object(obj).map(|x| x.1).unwrap_or_default(),
            };
            (who, obj)
        } else if k >= 1 && self.is_word(k - 1, "and") && !last.is_empty() {
            // A second verb of the same subject: "Putin will meet Li and travel to Harbin".
            (last.to_vec(), k)
        } else {
            self.subject(k)
        };
        // "He denied that Russia had attacked", "officials said that ...": a
        // clause reported, or denied, by someone else.
        let mut polarity = polarity;
        if clause_lo >= 2 && self.is_word(clause_lo - 1, "that") {
            let v = clause_lo - 2;
            if self.is(v, &["denied", "denies", "deny", "denying"]) {
                polarity = Polarity::Negative;
                if modality == Modality::Asserted {
                    modality = Modality::Reported;
                }
            } else if self.is(v, &SPEECH) && modality == Modality::Asserted {
                modality = Modality::Reported;
            }
        }
        // "Putin to meet Xi" (a headline): the infinitive is what is planned.
        if self.headline && modality == Modality::Asserted && k < i && self.is_word(i - 1, "to") {
            modality = Modality::Planned;
        }
        let (mut targets, place, end) = self.objects(i, sense, false);
        // A passive ("Quiros was accused of fraud", "Xi was welcomed by Putin"):
        // the subject is acted on; the agent after "by", if any, acts.
        let passive = self.s(i).len() > 3
            && self.s(i).ends_with("ed")
            && (k..i).any(|j| self.is(j, &["is", "was", "were", "are", "be", "been", "being"]));
        if passive && requested.is_none() {
            let agent = if self.is_word(i + 1, "by") {
                match self.name_at(i + 2) {
                    Some(nm) => vec![self.who(nm)],
                    None => std::mem::take(&mut targets),
                }
            } else {
                Vec::new()
            };
            targets = std::mem::replace(&mut actors, agent);
        }
        actors.retain(|a| a.label.is_none_or(Self::participant_label));
        // Only a form that cannot be a noun is surely a verb ("killed", not
        // "attacks").
        let surely_verb = lexicon::lookup(self.s(i)).is_some_and(|l| l.noun.is_none());
        self.finish(
            i,
            surely_verb,
            sense,
            actors,
            targets,
            place,
            clause_lo,
            end,
            polarity,
            modality,
        )
    }

    /// The event of trigger `i`, if its participants make one: an ambiguous
    /// trigger needs an actor and a target (or two actors of a symmetric
    /// event, or a mover and a place); any other needs one participant, but
    /// a happening that is news by itself (`bare` in the lexicon: "a convoy
    /// was attacked", "three people died") stands alone when the trigger is
    /// surely a verb (a form that cannot be a noun, "killed" not "attacks";
    /// or a word the tagger read as a verb).
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        i: usize,
        surely_verb: bool,
        sense: Sense,
        actors: Vec<Who>,
        targets: Vec<Who>,
        place: Option<Who>,
        clause_lo: usize,
        end: usize,
        polarity: Polarity,
        mut modality: Modality,
    ) -> Option<(Event, Vec<Who>)> {
        let (mut actors, mut targets) = (actors, targets);
        if sense.undergoer {
            // "Navalny died", "Khashoggi's murder": the subject or possessor
            // is who it happens to.
            targets.append(&mut actors);
        }
        // An actor is not its own target ("Putin and Xi met": symmetric).
        targets.retain(|t| {
            !actors
                .iter()
                .any(|a| a.span == t.span || (a.entity.is_some() && a.entity == t.entity))
        });
        let symmetric = matches!(
            sense.kind,
            EventType::Meet | EventType::Talk | EventType::Trade | EventType::Sign
        );
        let participants = actors.len() + targets.len();
        let ok = if sense.ambiguous {
            (!actors.is_empty() && !targets.is_empty())
                || (symmetric && actors.len() >= 2)
                // "landed at the airport": a motion with a destination.
                || (sense.motion && !actors.is_empty() && place.is_some())
        } else {
            participants >= 1 || (surely_verb && sense.bare)
        };
        if !ok {
            return None;
        }
        if modality == Modality::Asserted {
            let quoted = self.quote_around(i).is_some();
            let speech = quoted || self.speech.iter().any(|&x| x != i);
            if speech {
                modality = Modality::Reported;
            }
        }
        let trigger = self.words[i].span;
        let time = self.time(i, clause_lo, end);
        let mut cameo = sense.cameo;
        if sense.kind == EventType::Support && self.military(i, end) {
            cameo = "072";
        }
        let event = Event {
            span: self.span,
            kind: sense.kind,
            cameo: (cameo != "-").then_some(cameo),
            trigger,
            actors: actors.iter().map(|&a| a.into()).collect(),
            targets: targets.into_iter().map(Into::into).collect(),
            place: place.map(Into::into),
            time,
            polarity,
            modality,
        };
        Some((event, actors))
    }

    /// The quote (direct, indirect or block) the word `i` is in, if any.
    fn quote_around(&self, i: usize) -> Option<Span> {
        let w = self.words[i].span;
        let quotes = self.input.quotes;
        quotes[..quotes.partition_point(|q| q.start <= w.start)]
            .iter()
            .rev()
            .take(4)
            .find(|q| q.contains(w))
            .copied()
    }

    /// Whether weapons are what is supplied: "lethal military aid", "supplying
    /// weaponry", "arms deliveries".
    fn military(&self, i: usize, end: usize) -> bool {
        let lo = i.saturating_sub(2);
        (lo..end.min(self.words.len())).any(|x| {
            self.is(
                x,
                &[
                    "military",
                    "lethal",
                    "weapons",
                    "weaponry",
                    "arms",
                    "ammunition",
                    "missiles",
                    "drones",
                    "tanks",
                    "munitions",
                    "artillery",
                ],
            )
        })
    }

    /// The date of the clause: the first after the trigger, else the last
    /// before it (from the clause start).
    fn time(&self, i: usize, clause_lo: usize, end: usize) -> Option<usize> {
        let times = self.input.times;
        let trig = self.words[i].span;
        let hi = self
            .words
            .get(end.saturating_sub(1).max(i))
            .map_or(trig.end, |w| w.span.end);
        let lo = self
            .words
            .get(clause_lo)
            .map_or(trig.start, |w| w.span.start);
        let first_after = times.partition_point(|(s, _)| s.start < trig.end);
        let after = times
            .get(first_after)
            .filter(|(s, _)| s.end <= hi)
            .map(|&(_, t)| t);
        after.or_else(|| {
            let before = times.partition_point(|(s, _)| s.start < trig.start);
            times[..before]
                .iter()
                .rev()
                .take_while(|(s, _)| s.start >= lo)
                .find(|(s, _)| s.end <= trig.start)
                .map(|&(_, t)| t)
        })
    }

    /// Targets and place after the trigger at `i`, up to the clause's end.
    /// Returns them and the word where the clause ends.
    #[allow(clippy::too_many_lines)]
    fn objects(&self, i: usize, sense: Sense, noun: bool) -> (Vec<Who>, Option<Who>, usize) {
        let n = self.words.len();
        let mut targets: Vec<Who> = Vec::new();
        let mut place: Option<Who> = None;
        // The preposition governing what follows; "" for the direct object.
        let mut prep: &str = if noun { "-" } else { "" };
        let mut of_mode = false;
        let mut of_first = false;
        let mut prep_at = i;
        // What someone said ends with its quote: "“Russia attacked Ukraine,”
        // Zelensky said" does not attack Zelensky.
        let quote_end = self.quote_around(i).map_or(usize::MAX, |q| q.end);
        let mut j = i + 1;
        // Particles and the preposition right after the trigger.
        while j < n && j < i + 40 {
            let w = self.words[j];
            let s = self.s(j);
            if w.span.start >= quote_end
                || self.strong_boundary(j)
                || (w.kind == TokenKind::Word && self.is(j, &SUBORDINATORS))
            {
                break;
            }
            // Another action starts: "trip to Beijing takes place echoes Xi's
            // visit" (a trigger of the same type goes on: "signed an agreement").
            if w.kind == TokenKind::Word && w.name == NONE {
                if let Some(lex) = lexicon::lookup(s) {
                    let same = lex
                        .verb
                        .iter()
                        .chain(&lex.noun)
                        .any(|x| x.kind == sense.kind);
                    if noun || !same {
                        break;
                    }
                }
            }
            if self.punct(j, ",") {
                // An appositive or a list goes on: ", the president of China,
                // Xi Jinping", ", and Iran"; anything else ends the clause.
                let next = j + 1;
                // Still inside the object: a target, or a few words after the
                // preposition or verb that takes one ("with his dear friend, the
                // president of China, Xi Jinping").
                let in_object = !targets.is_empty()
                    || (j - prep_at <= 12
                        && role(if prep.is_empty() { "" } else { prep }, sense, noun, false).0);
                let goes_on = next < n
                    && (self.is(next, &DETERMINERS)
                        || self.words[next].name != NONE
                        || (self.words[next].upper && self.words[next].kind == TokenKind::Word)
                        || matches!(self.s(next), "\"" | "“" | "”"))
                    && in_object
                    || (next < n && self.is_word(next, "and") && self.coordinates(next))
                    // "met Xi, in Beijing, on Monday": the clause goes on.
                    || (!targets.is_empty() && self.is(next, &["in", "at", "on", "during"]));
                if !goes_on {
                    break;
                }
                of_mode = false;
                j += 1;
                continue;
            }
            if (self.is_word(j, "and") || self.is_word(j, "or")) && !self.coordinates(j) {
                break;
            }
            if self.is_word(j, "to")
                && j + 1 < n
                && !self.words[j + 1].upper
                && !self.is(j + 1, &DETERMINERS)
                && self.words[j + 1].kind == TokenKind::Word
                && self.words[j + 1].name == NONE
            {
                // An infinitive: "to attend", a new action.
                break;
            }
            if let Some(nm) = self.name_at(j) {
                let who = self.who(nm);
                j = nm.hi;
                if self.possessive_after(nm.hi) {
                    j += 1;
                    // "condemn Russia's actions": the possessor of the object.
                    let p = if of_mode { "of" } else { prep };
                    if !of_mode
                        && who.label.is_some_and(Self::participant_label)
                        && role(p, sense, noun, false).0
                        && !targets.iter().any(|t| t.span == who.span)
                    {
                        targets.push(who);
                    }
                    continue;
                }
                let Some(label) = who.label.filter(|&l| Self::participant_label(l)) else {
                    continue;
                };
                if of_mode && !of_first {
                    continue;
                }
                let is_place = matches!(
                    label,
                    EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac
                );
                let p = if of_mode { "of" } else { prep };
                let (as_target, as_place) = role(p, sense, noun, is_place);
                let same = targets.iter().position(|t| {
                    t.span == who.span || (t.entity.is_some() && t.entity == who.entity)
                });
                match same {
                    // A name after a role phrase of the same entity ("his
                    // counterpart, the president of France, Emmanuel Macron").
                    Some(x) if as_target && self.role_phrase(targets[x].span) => targets[x] = who,
                    None if as_target => targets.push(who),
                    _ => {}
                }
                if as_place && place.is_none() {
                    place = Some(who);
                }
                continue;
            }
            if !noun && prep.is_empty() {
                if let Some((_, who)) = self.pronoun_object(j) {
                    targets.extend(who);
                    j += 1;
                    continue;
                }
            }
            if w.kind == TokenKind::Word && one_of(s, &PREPOSITIONS) {
                if s.eq_ignore_ascii_case("of") {
                    // "Secretary of State Antony Blinken" is a title, not a
                    // complement.
                    let title = j > 0
                        && self.words[j - 1].upper
                        && self.words[j - 1].name == NONE
                        && j + 1 < n
                        && self.words[j + 1].upper
                        && self.words[j + 1].name == NONE;
                    if !title {
                        of_first = noun && j == i + 1;
                        of_mode = true;
                    }
                } else {
                    prep = PREPOSITIONS
                        .iter()
                        .copied()
                        .find(|p| p.eq_ignore_ascii_case(s))
                        .unwrap_or("");
                    prep_at = j;
                    of_mode = false;
                }
            }
            j += 1;
        }
        (targets, place, j)
    }

    /// Whether a span is a role phrase ("the president") rather than a name.
    fn role_phrase(&self, span: Span) -> bool {
        let t = span.slice(self.input.text);
        let first = t.split_whitespace().next().unwrap_or("");
        one_of(first, &DETERMINERS)
    }

    /// Whether "and" at `j` joins two names or noun phrases rather than two
    /// clauses or verbs: what follows is a name, a determiner or a capital.
    fn coordinates(&self, j: usize) -> bool {
        let next = j + 1;
        next < self.words.len()
            && (self.words[next].name != NONE
                || self.is(next, &DETERMINERS)
                || self.words[next].upper
                || self.words[next].kind == TokenKind::Number)
    }

    fn noun_event(&self, i: usize, sense: Sense) -> Option<(Event, Vec<Who>)> {
        let mut polarity = Polarity::Positive;
        let mut modality = Modality::Asserted;
        // Adjectives, determiners and a possessor before the noun.
        let mut k = i;
        let mut actors: Vec<Who> = Vec::new();
        let mut clause_lo = i;
        while k > 0 && i - k < 5 {
            let p = k - 1;
            let s = self.s(p);
            if self.possessive_after(p) {
                if let Some(nm) = self.name_at(p - 1) {
                    let who = self.who(nm);
                    if who.label.is_some_and(Self::participant_label) {
                        actors.push(who);
                        clause_lo = nm.lo;
                    }
                }
                break;
            }
            if one_of(s, &["his", "her", "their"]) {
                let mut who = self.resolved(self.words[p].span);
                if s.eq_ignore_ascii_case("their") {
                    who.retain(|w| w.entity.is_some());
                }
                actors.extend(who);
                clause_lo = p;
                k = p;
                break;
            }
            if one_of(s, &NEGATIONS) {
                polarity = Polarity::Negative;
            } else if one_of(s, &EXPECTED) {
                modality = Modality::Expected;
            } else if one_of(s, &POSSIBLE) {
                modality = Modality::Possible;
            } else if one_of(
                s,
                &[
                    "upcoming",
                    "planned",
                    "proposed",
                    "future",
                    "forthcoming",
                    "next",
                    "scheduled",
                    "anticipated",
                    "awaited",
                ],
            ) {
                modality = Modality::Planned;
            }
            let w = &self.words[p];
            if self.is(p, &LIGHT_VERBS) {
                break;
            }
            let adjective = w.kind == TokenKind::Word
                && (!w.upper || self.headline)
                && w.name == NONE
                && !one_of(s, &PREPOSITIONS)
                && !in_verb_group(s)
                && !self.is(p, &SUBORDINATORS)
                && !self.is(p, &["and", "or"]);
            if !(adjective
                || self.is(p, &DETERMINERS)
                || self.is(p, &["no", "any"])
                || (w.kind == TokenKind::Punct && s == "-"))
            {
                break;
            }
            k = p;
        }
        let (mut targets, place, end) = self.objects(i, sense, true);
        // "a meeting between Putin and Xi", "talks among", "the invasion by".
        if actors.is_empty()
            && i + 1 < self.words.len()
            && self.is(i + 1, &["between", "among", "by"])
        {
            // The first phrase and what "and" joins to it, names or a group.
            let mut j = i + 2;
            let stop = end.min(self.words.len());
            while j < stop {
                if let Some(nm) = self.name_at(j) {
                    let who = self.who(nm);
                    if who.label.is_some_and(Self::participant_label)
                        && !self.possessive_after(nm.hi)
                    {
                        actors.push(who);
                    }
                    j = nm.hi;
                    if self.is_word(j, "and")
                        || (self.punct(j, ",") && self.name_at(j + 1).is_some())
                    {
                        j += 1;
                        continue;
                    }
                    break;
                } else if let Some((_, who)) =
                    self.pronoun(j, false).or_else(|| self.pronoun(j, true))
                {
                    actors.extend(who);
                    break;
                } else if self.is(j, &DETERMINERS)
                    || (self.words[j].upper && self.words[j].kind == TokenKind::Word)
                    || self.is(j, &["two", "both"])
                {
                    j += 1;
                } else {
                    break;
                }
            }
            targets.retain(|t| !actors.iter().any(|a| a.span == t.span));
        }
        // "held talks with", "paid a visit to", "for bilateral talks with":
        // the noun takes the clause's subject.
        if actors.is_empty() && k >= 1 {
            let light = self.is(k - 1, &LIGHT_VERBS);
            // "signed an agreement": the verb is the event already.
            let same = lexicon::lookup(self.s(k - 1))
                .and_then(|l| l.verb)
                .is_some_and(|v| v.kind == sense.kind);
            if light && same {
                return None;
            }
            if light {
                let lv = k - 1;
                let (g, pol, m, _) = self.verb_group(lv);
                let (a, lo) = self.subject(g);
                actors = a;
                clause_lo = lo;
                if pol == Polarity::Negative {
                    polarity = pol;
                }
                if modality == Modality::Asserted {
                    modality = m;
                }
                if self.is_word(lv, "for") && modality == Modality::Asserted {
                    modality = Modality::Planned;
                }
            }
        }
        // "The meeting ... will take place": a noun subject of a future verb.
        if modality == Modality::Asserted {
            for x in i + 1..(i + 12).min(self.words.len()) {
                if self.is(x, &SUBORDINATORS) || self.is_word(x, "to") {
                    break;
                }
                if self.is(x, &["will", "'ll"])
                    || self.is(x, &["is", "are"])
                        && self.is(x + 1, &["scheduled", "set", "planned", "due", "to"])
                {
                    modality = Modality::Planned;
                    break;
                }
                if self.is(x, &["is", "are"]) && self.is(x + 1, &EXPECTED) {
                    modality = Modality::Expected;
                    break;
                }
                if self.strong_boundary(x) {
                    break;
                }
            }
        }
        actors.retain(|a| a.label.is_none_or(Self::participant_label));
        self.finish(
            i, false, sense, actors, targets, place, clause_lo, end, polarity, modality,
        )
    }
}

/// Whether a participant after preposition `prep` ("" for the direct object,
/// "-" for none yet after a noun) is a target, a place, or both.
fn role(prep: &str, sense: Sense, noun: bool, is_place: bool) -> (bool, bool) {
    use EventType as T;
    let kind = sense.kind;
    // A verb of going or of moving people: what it moves (the object that is
    // no place: "evacuated hundreds", "sent troops"), where it goes (a place
    // after "to", "into"...: the target and the place), comes from (after
    // "from", "through"...) or happens ("in", "at"): the place. The object of
    // a verb of crossing is where it crosses, named or not ("fled the city", "entered Mosul"); a
    // place as the object of another verb of going is nothing ("ran
    // Russia"), of a verb that moves people where they are moved from
    // ("evacuated Raqqa").
    if sense.goal || kind == T::Travel {
        return match prep {
            "" if sense.crossing => (false, true),
            "" => (!is_place, is_place && !sense.goal),
            "to" | "into" | "onto" | "toward" | "towards" => (is_place, is_place),
            "from" | "across" | "through" | "out" | "in" | "at" => (false, is_place),
            _ => (false, false),
        };
    }
    match prep {
        "" if !noun => match kind {
            T::Visit => (true, is_place),
            T::Announce => (false, false),
            _ => (true, false),
        },
        "with" => (
            matches!(kind, T::Meet | T::Talk | T::Sign | T::Trade),
            false,
        ),
        "to" => match kind {
            T::Visit => (is_place, is_place),
            T::Support | T::Trade | T::Urge | T::Accuse => (true, false),
            _ => (false, false),
        },
        "into" => match kind {
            T::Visit | T::Attack => (is_place, is_place),
            _ => (false, false),
        },
        "in" | "at" => (
            is_place && sense.motion && kind == T::Visit && prep == "in" && !noun,
            is_place,
        ),
        "on" | "upon" | "against" => (
            matches!(
                kind,
                T::Sanction | T::Attack | T::Accuse | T::Threaten | T::Demand
            ) || (kind == T::Urge && !noun),
            false,
        ),
        "from" => (kind == T::Trade, false),
        // "the invasion of Ukraine", "the death of Queen Elizabeth", "the
        // arrest of Pavel Durov": what the action befalls.
        "of" => (
            noun && matches!(
                kind,
                T::Attack
                    | T::Accuse
                    | T::Arrest
                    | T::Kill
                    | T::Die
                    | T::Injure
                    | T::Elect
                    | T::Appoint
                    | T::Dismiss
                    | T::Acquire
            ),
            false,
        ),
        _ => (false, false),
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::{Document, Meta, Options, Parser};

    fn parse(text: &str) -> Document {
        let meta = Meta::new().with_published_str("2023-10-17").unwrap();
        Parser::new(Options::new().layout(false))
            .parse(text, &meta)
            .unwrap()
    }

    /// Each event as `TYPE actors > targets @place =time polarity modality`,
    /// participants as the text names them.
    fn events(text: &str) -> Vec<String> {
        let doc = parse(text);
        let names = |ps: &[super::Participant]| {
            ps.iter()
                .map(|p| doc.slice(p.span))
                .collect::<Vec<_>>()
                .join("+")
        };
        doc.events
            .iter()
            .map(|e| {
                let mut s = format!(
                    "{} {} > {}",
                    e.kind.as_str(),
                    names(&e.actors),
                    names(&e.targets)
                );
                if let Some(p) = &e.place {
                    let _ = write!(s, " @{}", doc.slice(p.span));
                }
                if let Some(t) = e.time.and_then(|i| doc.times.get(i)) {
                    let _ = write!(s, " ={}", t.value.as_deref().unwrap_or("?"));
                }
                let _ = write!(s, " {} {}", e.polarity.as_str(), e.modality.as_str());
                s
            })
            .collect()
    }

    #[test]
    fn participles_and_titles_are_no_triggers() {
        assert!(events("Kaine defended people accused of rape or murder.").is_empty());
        assert!(events("He spoke to radio host Alex Marlow on Thursday.").is_empty());
        assert!(events("Clinton will host events in Broward County.").is_empty());
        assert!(events("Clinton wants to sign up 5 million voters.").is_empty());
        assert_eq!(
            events("Jennifer Palmieri called on Donald Trump to stop attacking Alicia Machado."),
            [
                "URGE Jennifer Palmieri > Donald Trump positive asserted",
                "ATTACK Donald Trump > Alicia Machado negative requested"
            ]
        );
        assert_eq!(
            events("Ariel Quiros was accused of fraud."),
            ["ACCUSE  > Ariel Quiros positive asserted"]
        );
        assert_eq!(
            events("Emmanuel Macron was welcomed by Olaf Scholz in Berlin."),
            ["VISIT Olaf Scholz > Emmanuel Macron @Berlin positive asserted"]
        );
        assert!(events("He bought 60 acres of land in upstate New York.").is_empty());
        assert!(events("He would bring jobs back to the United States.").is_empty());
        assert_eq!(
            events("Ted Cruz will back Donald Trump."),
            ["SUPPORT Ted Cruz > Donald Trump positive planned"]
        );
        assert_eq!(
            events("Xi Jinping hosted Vladimir Putin in Beijing."),
            ["VISIT Xi Jinping > Vladimir Putin @Beijing positive asserted"]
        );
        assert_eq!(
            events("Donald Trump accused Lester Holt of bias."),
            ["ACCUSE Donald Trump > Lester Holt positive asserted"]
        );
    }

    #[test]
    fn what_happens_to_people_and_companies() {
        // The one who dies is the target; a passive's agent is the killer.
        assert_eq!(
            events("Alexei Navalny died in an Arctic prison on Friday."),
            ["DIE  > Alexei Navalny @Arctic =2023-10-13 positive asserted"]
        );
        assert_eq!(
            events("Ahmed Shah Massoud was killed by Al Qaeda in Takhar."),
            ["KILL Al Qaeda > Ahmed Shah Massoud @Takhar positive asserted"]
        );
        assert_eq!(
            events("French police arrested Pavel Durov at Le Bourget airport."),
            ["ARREST  > Pavel Durov @Le Bourget positive asserted"]
        );
        assert_eq!(
            events("Microsoft acquired Activision Blizzard."),
            ["ACQUIRE Microsoft > Activision Blizzard positive asserted"]
        );
        assert_eq!(
            events("Boris Johnson resigned."),
            ["RESIGN Boris Johnson >  positive asserted"]
        );
        // A noun and what it befalls (the condemnation reports the arrest).
        assert_eq!(
            events("Russia condemned the arrest of Pavel Durov."),
            [
                "ACCUSE Russia >  positive asserted",
                "ARREST  > Pavel Durov positive reported"
            ]
        );
    }

    #[test]
    fn happenings_stand_without_named_participants() {
        assert_eq!(
            events("Three people were killed in the blast."),
            ["KILL  >  positive asserted"]
        );
        // A word that can be a noun, or an action between parties, needs a name.
        assert!(events("The murder rate rose sharply.").is_empty());
        assert!(events("The update meets the criteria.").is_empty());
    }

    #[test]
    fn a_visit_with_subject_object_place_and_date() {
        assert_eq!(
            events("Emmanuel Macron visited Germany on Monday."),
            ["VISIT Emmanuel Macron > Germany @Germany =2023-10-16 positive asserted"]
        );
        assert_eq!(
            events("Angela Merkel arrived in Paris on Thursday for talks with Emmanuel Macron."),
            [
                "VISIT Angela Merkel > Paris @Paris =2023-10-12 positive asserted",
                "TALK Angela Merkel > Emmanuel Macron =2023-10-12 positive planned"
            ]
        );
    }

    #[test]
    fn appositives_and_titles_are_skipped_in_the_subject() {
        let e = events(
            "The prime minister of Japan, Fumio Kishida, met with his counterpart, the president of France, Emmanuel Macron, in Tokyo.",
        );
        assert_eq!(
            e,
            ["MEET Fumio Kishida > Emmanuel Macron @Tokyo positive asserted"]
        );
        let e = events("Antony Blinken, the US Secretary of State, visited Kyiv on Wednesday.");
        assert_eq!(
            e,
            ["VISIT Antony Blinken > Kyiv @Kyiv =2023-10-11 positive asserted"]
        );
    }

    #[test]
    fn pronouns_resolve_to_the_last_person() {
        let e = events("Joe Biden landed in Israel. He met Benjamin Netanyahu in Tel Aviv.");
        assert_eq!(
            e.last().unwrap(),
            "MEET He > Benjamin Netanyahu @Tel Aviv positive asserted"
        );
        let doc = parse("Joe Biden landed in Israel. He met Benjamin Netanyahu in Tel Aviv.");
        let meet = doc.events.last().unwrap();
        let biden = meet.actors[0].entity.unwrap();
        assert_eq!(doc.entities[biden].name, "Joe Biden");
    }

    #[test]
    fn coordinated_subjects_are_all_actors() {
        assert_eq!(
            events("Xi Jinping and Vladimir Putin met in Beijing last week."),
            ["MEET Xi Jinping+Vladimir Putin >  @Beijing =2023-W41 positive asserted"]
        );
        assert_eq!(
            events("A meeting between Olaf Scholz and Rishi Sunak is planned."),
            ["MEET Olaf Scholz+Rishi Sunak >  positive planned"]
        );
    }

    #[test]
    fn nouns_take_their_possessor_and_preposition() {
        assert_eq!(
            events("Putin's visit to China is his first trip abroad."),
            ["VISIT Putin > China @China positive asserted"]
        );
        assert_eq!(
            events("The United States imposed sanctions on Iran."),
            ["SANCTION United States > Iran positive asserted"]
        );
    }

    #[test]
    fn negation_makes_negative_events() {
        assert_eq!(
            events("China has refrained from supplying weapons to Russia."),
            ["SUPPORT China > Russia negative asserted"]
        );
        assert_eq!(
            events("Narendra Modi did not meet Xi Jinping."),
            ["MEET Narendra Modi > Xi Jinping negative asserted"]
        );
        assert_eq!(
            events("India refused to condemn Russia."),
            ["ACCUSE India > Russia negative asserted"]
        );
    }

    #[test]
    fn modality_from_auxiliaries_and_control_verbs() {
        assert_eq!(
            events("Recep Tayyip Erdogan will visit Moscow next month."),
            ["VISIT Recep Tayyip Erdogan > Moscow @Moscow =2023-11 positive planned"]
        );
        assert_eq!(
            events("Kim Jong Un is expected to meet Vladimir Putin."),
            ["MEET Kim Jong Un > Vladimir Putin positive expected"]
        );
        assert_eq!(
            events("Iran may attack Israel."),
            ["ATTACK Iran > Israel positive possible"]
        );
        assert_eq!(
            events("Lula plans to travel to Beijing."),
            ["VISIT Lula > Beijing @Beijing positive planned"]
        );
    }

    #[test]
    fn a_request_makes_its_object_the_actor() {
        let e = events("Washington asked Beijing not to supply Russia.");
        assert!(
            e.contains(&"SUPPORT Beijing > Russia negative requested".to_string()),
            "{e:?}"
        );
    }

    #[test]
    fn reported_speech_is_reported() {
        assert_eq!(
            events("Russia attacked Ukraine, officials said."),
            ["ATTACK Russia > Ukraine positive reported"]
        );
    }

    #[test]
    fn an_event_in_a_quote_is_reported() {
        let e = events("“Russia attacked Ukraine,” Volodymyr Zelensky told reporters.");
        assert_eq!(e, ["ATTACK Russia > Ukraine positive reported"]);
    }

    #[test]
    fn ambiguous_triggers_need_both_participants() {
        assert!(events("The strike closed every school.").is_empty());
        assert!(events("Trade rose by 5 percent.").is_empty());
        assert_eq!(
            events("Germany backs Ukraine."),
            ["SUPPORT Germany > Ukraine positive asserted"]
        );
    }

    #[test]
    fn participants_stay_in_their_clause() {
        // Beijing is where the forum is, not where Putin met Xi.
        let e = events("Vladimir Putin met Xi Jinping, who will host a forum in Beijing.");
        assert_eq!(e[0], "MEET Vladimir Putin > Xi Jinping positive asserted");
        assert!(events("Vladimir Putin said that the visit was important.").is_empty());
    }

    #[test]
    fn titles_with_of_are_no_complement() {
        let e = events("Wang Yi will meet Secretary of State Antony Blinken in Washington.");
        assert_eq!(
            e,
            ["MEET Wang Yi > Antony Blinken @Washington positive planned"]
        );
    }

    #[test]
    fn multiword_triggers_need_their_word() {
        assert_eq!(
            events("The United Nations called on Israel to open the crossing."),
            ["URGE United Nations > Israel positive asserted"]
        );
        assert!(events("Joe Biden called Benjamin Netanyahu on Monday.").is_empty());
        assert_eq!(
            events("Armenia and Azerbaijan agreed on a peace deal."),
            ["SIGN Armenia+Azerbaijan >  positive asserted"]
        );
    }

    #[test]
    fn a_denied_clause_is_negative_and_reported() {
        assert_eq!(
            events("Moscow denied that Russia had attacked Ukraine."),
            ["ATTACK Russia > Ukraine negative reported"]
        );
    }

    #[test]
    fn a_headline_infinitive_is_planned() {
        let doc = Parser::new(Options::new())
            .parse(
                "Vladimir Putin to meet Xi Jinping in Beijing\n\nRussian President Vladimir Putin flies out on Monday.",
                &Meta::new(),
            )
            .unwrap();
        let e = &doc.events[0];
        assert_eq!(e.modality, super::Modality::Planned);
        assert_eq!(doc.slice(e.place.as_ref().unwrap().span), "Beijing");
    }
}
