//! Events read from the dependency tree of a sentence, when the syntax stage
//! ran ([`Options::syntax`](crate::Options::syntax)).
//!
//! A trigger is a verb (by its lemma) or a noun (by its form, so that
//! "talks" and "sanctions" keep their number) of the trigger lexicon, as the
//! tagger reads it. Its participants are its dependents:
//!
//! * a verb's subject acts (`nsubj`), the subject of a passive undergoes it
//!   (`nsubj:pass`) and the agent after "by" acts; its object is its target,
//!   and a prepositional dependent (`obl`) is a target or a place by its
//!   preposition (as in the word-order reading: "meet with", "sanctions on",
//!   "arrived in");
//! * a verb without a subject takes the one of the clause it depends on: the
//!   controller of an infinitive ("plans to visit"; the object of a request,
//!   "asked Beijing not to supply", or any object naming someone, "saw a
//!   comrade die"), the first of two coordinated verbs
//!   ("arrested X and charged him"), the noun a participle or relative clause
//!   modifies ("people killed in the attack", "the man who shot him");
//! * a noun's possessor acts ("Putin's visit"; the possessor undergoes it for
//!   a death, an arrest, a murder, and a verb's noun of those types, "his
//!   sentencing", unless an "of" names who does) and its prepositional dependents are
//!   targets or places ("attack on", "visit to", "between X and Y"); a noun
//!   that is the object of a light verb ("held talks", "imposed sanctions")
//!   takes the verb's subject;
//! * an event with no place of its own takes the one place the sentence
//!   names after a preposition of location ("those killed during the protest
//!   lie in a mosque in Conakry"), when it names one such place only and it
//!   is none of the event's participants;
//! * negation, auxiliaries and the verbs an infinitive depends on give the
//!   polarity and modality ("did not meet", "will visit", "refused to sign",
//!   "is expected to attend").
//!
//! A participant is a name (with its entity), a pronoun or group phrase as the
//! entity stage resolved it, or a common noun phrase ("three soldiers", "the
//! protesters"), never a date or time the time stage found ("met Thursday
//! with"). Acts between agents (a visit, a meeting, a signing...) need a named
//! participant; a happening that is news by itself (an attack, an arrest, a
//! death) may have common nouns only, or none when it is a noun of the
//! hand-written lexicon or one from WordNet that a date or place of its own
//! makes an occurrence ("Monday's bombing", "the massacre in Houla"). An attack between people
//! named as persons, with no weapon in sight, is criticism: ACCUSE; so is an
//! attack on what is said or thought ("attacked the new policy", "attacks on
//! his biography"), by a word that may mean to attack in words.

use super::{
    lexicon, one_of, role, EntityLabel, Event, EventType, Modality, Polarity, Sense, Sent, Who,
    EXPECTED, INTENT, LIGHT_VERBS, NEGATIONS, NONE, PLANNED_MODIFIERS, POSSIBLE, PREVENT,
    REMOTE_MEANS, REMOTE_VERBS, REQUEST, STOPS,
};
use crate::lexicon::{Thing, WordSet, IDEA_NOUNS, SAYING_VERBS, THING_NOUNS};
use crate::quantity::numbers::number_at;
use crate::segment::TokenKind;
use crate::span::Span;
use crate::syntax::tree::Tree;
use crate::syntax::Upos;
use crate::view::Name;

/// The prepositions of where a verb of going goes or comes from ("fled to",
/// "crossed into", "came from", "passed through"); a place as object counts
/// for a verb of crossing ("entered Mosul").
const DIRECTIONS: [&str; 9] = [
    "to", "into", "onto", "toward", "towards", "from", "across", "through", "out",
];

/// Nouns that name the act of the verb of the same form ("massacre",
/// "raid"; not "bomb", first an artifact): `event_act_nouns_wordnet.txt`.
static ACT_NOUNS: WordSet = crate::lexicon::word_set!("event_act_nouns_wordnet.txt");

/// Nouns of a crime from WordNet 3.0 ("fraud", "bribery"; see the lexicon
/// README): what someone is charged with or arrested for.
static CRIME_NOUNS: WordSet = crate::lexicon::word_set!("event_crime_nouns_wordnet.txt");

/// Nouns of a stretch of time from WordNet 3.0 ("day", "moment", "time" as in
/// "the fourth time"; see the lexicon README): when, never who.
static TIME_NOUNS: WordSet = crate::lexicon::word_set!("event_time_nouns_wordnet.txt");

/// How far up the tree a missing subject is looked for.
const MAX_UP: usize = 4;

/// Whether word `i` is the means of a call: a word of
/// `event_remote_means.txt` modifying another ("a phone call") or its
/// instrument ("by phone", "over the telephone"), not what is talked
/// about ("spoke about the hotline").
fn means(tr: &Tree<'_>, i: usize) -> bool {
    one_of(tr.lemma(i), &REMOTE_MEANS)
        && (tr.rel(i) == "compound"
            || (matches!(tr.base(i), "obl" | "nmod")
                && tr.case(i).is_some_and(|p| {
                    ["by", "via", "over", "on", "through"]
                        .iter()
                        .any(|x| p.eq_ignore_ascii_case(x))
                })))
}

/// Whether word `i` is a verb of meeting whose object is a common noun
/// of no person or group: "met all conditions", "meet the needs of" (not
/// "met volunteers", "met the committee": WordNet's nouns of persons and
/// groups; nor an object phrase that holds a name, "met his counterpart
/// Macron"; nor a verb that meets with someone, whatever the parser took
/// for its object, "met midweek with the ambassadors").
fn meets_no_one(tr: &Tree<'_>, i: usize) -> bool {
    tr.ws[i].upos == Upos::Verb
        && !tr.kids(i).any(|c| {
            tr.base(c) == "obl" && tr.case(c).is_some_and(|p| p.eq_ignore_ascii_case("with"))
        })
        && lexicon::lookup(tr.lemma(i))
            .and_then(|l| l.verb)
            .is_some_and(|s| s.kind == EventType::Meet)
        && tr.kid(i, "obj").is_some_and(|o| {
            tr.ws[o].upos == Upos::Noun
                && !people(tr, o)
                // "met his counterpart Emmanuel Macron", "met the head of
                // the IMF": a phrase that holds a name is someone.
                && !tr.kids(o).any(|k| {
                    matches!(tr.base(k), "appos" | "flat" | "compound" | "nmod")
                        && tr.ws[k].upos == Upos::Propn
                })
        })
}

/// Whether word `i` is a verb of protest that often means something else
/// (flagged `ambiguous`: "demonstrate", "rally") with an object: one protests
/// without one, so it is the other sense ("demonstrated her skill", "rallied
/// supporters"); "protested the ruling" is a protest.
fn protest_with_object(tr: &Tree<'_>, i: usize) -> bool {
    tr.ws[i].upos == Upos::Verb
        && tr.kid(i, "obj").is_some()
        && lexicon::lookup(tr.lemma(i))
            .and_then(|l| l.verb)
            .is_some_and(|s| s.kind == EventType::Protest && s.ambiguous)
}

/// Whether `lemma` counts ("dozen", "hundred", "million", "two"): read as
/// "a dozen", a number; in the plural it stands for people ("Dozens were
/// arrested").
fn count_word(lemma: &str) -> bool {
    number_at(&["a", lemma], 0).is_some() || number_at(&[lemma], 0).is_some()
}

/// The one a relative "who" at word `c` stands for when the parser did not
/// attach its clause to it: the name or noun of people just before it, past
/// one comma ("Mike Brown, who"), as the head of its name ("Brown" to
/// "Mike"); not "the motive, who killed him".
fn antecedent(tr: &Tree<'_>, c: usize) -> Option<usize> {
    let mut j = c.checked_sub(1)?;
    if tr.ws[j].upos == Upos::Punct && tr.lemma(j) == "," {
        j = j.checked_sub(1)?;
    }
    if !(tr.ws[j].upos == Upos::Propn || people(tr, j)) {
        return None;
    }
    for _ in 0..MAX_UP {
        if !matches!(tr.rel(j), "flat" | "compound") {
            break;
        }
        j = tr.head(j).filter(|&h| h < c)?;
    }
    Some(j)
}

/// Whether word `k` is a nominal after "of" ("the city of Mosul",
/// "thousands of civilians"); not a possessor the parser gave the "of" before
/// it ("the time of John F. Kennedy's assassination").
fn of_nmod(tr: &Tree<'_>, k: usize) -> bool {
    tr.base(k) == "nmod"
        && tr.rel(k) != "nmod:poss"
        && tr.case(k).is_some_and(|p| p.eq_ignore_ascii_case("of"))
}

/// The word of a phrase whose head is outside it.
fn head_of(tr: &Tree<'_>, span: Span) -> Option<usize> {
    (0..tr.ws.len())
        .filter(|&j| span.contains(tr.ws[j].span))
        .find(|&j| tr.head(j).is_none_or(|h| !span.contains(tr.ws[h].span)))
}

/// Whether word `j` is a common noun of a person or group ("volunteers",
/// "police", "the committee": WordNet's nouns of persons and groups), but
/// not a noun of a happening the event lexicon lists: WordNet files
/// gatherings under groups, yet "hosted a meeting", "backed the rally" do
/// nothing to anyone.
fn people(tr: &Tree<'_>, j: usize) -> bool {
    tr.ws[j].upos == Upos::Noun
        && crate::lexicon::AGENT_NOUNS.contains(tr.lemma(j))
        && lexicon::lookup(tr.lemma(j)).is_none_or(|l| l.noun.is_none())
}

/// Participants, polarity and modality gathered for one trigger.
struct Frame {
    actors: Vec<Who>,
    targets: Vec<Who>,
    place: Option<Who>,
    /// A named place the action goes to or comes from (for a verb of going,
    /// [`Sense::goal`]).
    path: bool,
    polarity: Polarity,
    modality: Modality,
}

impl Frame {
    fn new() -> Frame {
        Frame {
            actors: Vec::new(),
            targets: Vec::new(),
            place: None,
            path: false,
            polarity: Polarity::Positive,
            modality: Modality::Asserted,
        }
    }

    /// What an auxiliary, adverb or modifier says of the action.
    fn read_modifier(&mut self, lemma: &str) {
        if one_of(lemma, &["not", "never", "no"]) {
            self.polarity = Polarity::Negative;
        } else if one_of(lemma, &["will", "shall", "would"]) {
            if self.modality == Modality::Asserted {
                self.modality = Modality::Planned;
            }
        } else if one_of(lemma, &POSSIBLE) {
            self.modality = Modality::Possible;
        } else if one_of(lemma, &PLANNED_MODIFIERS) && self.modality == Modality::Asserted {
            self.modality = Modality::Planned;
        }
    }

    /// What the verb an infinitive depends on says of it: "plans to",
    /// "refused to", "is expected to", "stopped".
    fn read_governor(&mut self, lemma: &str) {
        if one_of(
            lemma,
            &["refuse", "decline", "fail", "deny", "refrain", "abstain"],
        ) || one_of(lemma, &STOPS)
        {
            self.polarity = Polarity::Negative;
        } else if one_of(lemma, &EXPECTED) {
            self.modality = Modality::Expected;
        } else if one_of(lemma, &INTENT) || one_of(lemma, &["want", "seek", "prepare", "try"]) {
            if self.modality == Modality::Asserted {
                self.modality = Modality::Planned;
            }
        } else if one_of(lemma, &NEGATIONS) {
            self.polarity = Polarity::Negative;
        }
    }
}

// Word indices keep the names of the word-order reading: `i` the trigger, `c`
// a dependent, `h` a head, `t` a token, `x` a cursor.
#[allow(clippy::many_single_char_names)]
impl Sent<'_, '_> {
    /// The events of the sentence, read from its tree; a trigger word the
    /// tree gives no event is read by word order ("Russian Military
    /// Attacked" in a title-case line the tagger took for names).
    pub(super) fn tree_events(&self, tr: &Tree<'_>, out: &mut Vec<Event>) {
        let mut stack = Vec::new();
        let mut word = 0;
        for t in 0..self.words.len() {
            while word < tr.ws.len() && (tr.tok[word] == NONE || (tr.tok[word] as usize) < t) {
                word += 1;
            }
            let i = word;
            let first = i < tr.ws.len() && tr.tok[i] as usize == t && tr.first[i];
            // A noun that modifies another ("attack helicopters", "the arrest
            // warrant", "a phone call", "bomb attack") names no event of its
            // own: the phrase's head does, if any.
            // Nor does the means of a call ("spoke by phone").
            // Word order gets no second look at them: the tree's reading stands.
            if first && tr.ws[i].upos == Upos::Noun && (tr.rel(i) == "compound" || means(tr, i)) {
                continue;
            }
            // Nor a verb of meeting whose object is no one, or of protest
            // that has one: another sense.
            if first && (meets_no_one(tr, i) || protest_with_object(tr, i)) {
                continue;
            }
            self.refused.set(false);
            let ev = if first {
                self.tree_event(tr, i, t, &mut stack)
            } else {
                None
            };
            // A lower-case word the tagger read as a common noun, that is a
            // trigger only as a verb and whose noun names no act, is no event:
            // "a dirty bomb", "roadside bombs" are weapons, not the verb
            // "bomb" the word order would read.
            let judged = first
                && ((tr.ws[i].upos == Upos::Noun
                    && !self.words[t].upper
                    && !self.words[t].low.ends_with("ing")
                    && !ACT_NOUNS.contains(tr.lemma(i))
                    && lexicon::lookup(self.words[t].text).is_some_and(|l| l.noun.is_none()))
                    // Nor a verb's -ing form the tagger read as an
                    // adjective: "disparaging remarks", "a threatening
                    // letter", "a demanding schedule" describe, they report
                    // no act; nor a participle before its noun that the tree
                    // read as a standing ("Retired Gen. Michael Flynn").
                    || (tr.ws[i].upos == Upos::Adj
                        && tr.ws[i].xpos == "JJ"
                        && (self.words[t].low.ends_with("ing") || tr.rel(i) == "amod"))
                    // Nor a word the tagger read as an adverb or a word of a
                    // closed class: "Randall will be back", "the game is
                    // over" (a title-case line's words are names, not these).
                    || matches!(
                        tr.ws[i].upos,
                        Upos::Adv
                            | Upos::Adp
                            | Upos::Part
                            | Upos::Det
                            | Upos::Pron
                            | Upos::Cconj
                            | Upos::Sconj
                            | Upos::Aux
                    ));
            let ev = if judged || self.refused.get() {
                ev
            } else {
                ev.or_else(|| self.word_order_event(t, &[]).map(|x| x.0))
            };
            if let Some(ev) = ev {
                out.push(ev);
            }
        }
    }

    /// The event of word `i` (token `t`) read from the tree, if it is a
    /// trigger with participants.
    fn tree_event(
        &self,
        tr: &Tree<'_>,
        i: usize,
        t: usize,
        stack: &mut Vec<usize>,
    ) -> Option<Event> {
        let tk = &self.words[t];
        if tk.kind != TokenKind::Word || tk.name != NONE {
            return None;
        }
        let w = &tr.ws[i];
        // A phrasal verb by its lemma and the particle right after it
        // ("passed away", "gunned down two officers"; not "knock your socks
        // off"); the parser often takes the particle for an adverb.
        let particle = tr.kids(i).find(|&c| {
            c == i + 1
                && (tr.rel(c) == "compound:prt"
                    || (tr.rel(c) == "advmod" && lexicon::PARTICLES.contains(&tr.lemma(c))))
        });
        let phrasal = particle.and_then(|c| lexicon::phrasal(tr.lemma(i), tr.lemma(c)));
        // The lemma, or the form when the lemmatizer missed ("fled").
        let verb = || {
            phrasal
                .or_else(|| lexicon::lookup(tr.lemma(i)).and_then(|l| l.verb))
                .or_else(|| lexicon::lookup(tk.text).and_then(|l| l.verb))
                .or_else(|| lexicon::goal_verb(tr.lemma(i)))
                .or_else(|| lexicon::goal_verb(tk.text))
        };
        let (noun, sense) = match w.upos {
            Upos::Verb => (false, verb()),
            // "the wounded soldiers": a participle read as an adjective.
            Upos::Adj if w.xpos == "VBN" => (false, verb()),
            // So is a trigger's participle the tagger read as a plain
            // adjective before its noun, when it reports a happening ("a
            // slain soldier", "her jailed husband"), not a standing ("a
            // retired general", "the ousted president"); never its -ing
            // form ("disparaging remarks").
            Upos::Adj
                if w.xpos == "JJ"
                    && tr.rel(i) == "amod"
                    && !tk.low.ends_with("ing")
                    && lexicon::lookup(tk.text).is_some_and(|l| l.verb.is_some()) =>
            {
                (false, verb().filter(|s| s.kind.may_stand_alone()))
            }
            Upos::Noun => match lexicon::lookup(tk.text) {
                Some(l) if l.noun.is_some() => (true, l.noun),
                // "the killing of", "the bombing": a verb's gerund as a noun.
                Some(l) if tk.low.ends_with("ing") => (true, l.verb),
                // "the massacre", "raids": the verb's own form as a noun that
                // names its act, read as a derived noun (an event with a
                // participant or a date); not "a dirty bomb".
                Some(l) if ACT_NOUNS.contains(tr.lemma(i)) => {
                    (true, l.verb.map(|s| Sense { derived: true, ..s }))
                }
                _ => (true, None),
            },
            _ => return None,
        };
        // "spoke by phone", "a telephone conversation": talking at a distance
        // is a call (the reading of the verb "phone").
        let means = tr.kids(i).find(|&c| means(tr, c));
        let sense = match sense {
            Some(s) if means.is_some() && s.kind == EventType::Talk => {
                Some(Sense { cameo: "041", ..s })
            }
            None if means.is_some() && !noun && one_of(tr.lemma(i), &REMOTE_VERBS) => {
                lexicon::lookup("phone").and_then(|l| l.verb)
            }
            s => s,
        };
        let sense = sense?;
        // "stabbed to death", "shot to death": an attack whose result is a
        // death is a killing (the death is no event of its own, below).
        let sense = if !noun
            && matches!(sense.kind, EventType::Attack | EventType::Injure)
            && to_death(tr, i).is_some()
        {
            lexicon::lookup("kill")
                .and_then(|l| l.verb)
                .unwrap_or(sense)
        } else {
            sense
        };
        // "sentenced to death", "stabbed to death": the death is what the
        // trigger verb over it results in, read with that verb.
        if noun
            && death_verb(tr, i).is_some_and(|v| {
                let form = self.words.get(tr.tok[v] as usize).map_or("", |t| t.text);
                [tr.lemma(v), form]
                    .iter()
                    .any(|w| lexicon::lookup(w).is_some_and(|l| l.verb.is_some()))
            })
        {
            return None;
        }
        let reach = if sense.next_at_once { 2 } else { 5 };
        if !sense.needs_next.is_empty()
            && !(t + 1..(t + reach).min(self.words.len())).any(|k| self.is(k, sense.needs_next))
        {
            return None;
        }
        // "sign up", "back down", "talk up the dollar": a particle gives an
        // ambiguous verb, or one of an act between agents, another sense;
        // right after the verb, a word that is rarely a preposition there is
        // a particle however the parser read it ("talk up the economy").
        let loose_particle = || {
            i + 1 < tr.ws.len()
                && one_of(
                    tr.lemma(i + 1),
                    &["up", "down", "off", "out", "away", "back"],
                )
        };
        if !noun
            && (sense.ambiguous || !sense.kind.may_stand_alone())
            && phrasal.is_none()
            && (tr
                .kids(i)
                .any(|c| tr.rel(c) == "compound:prt" && tr.lemma(c) != "with")
                || (!sense.kind.may_stand_alone() && loose_particle()))
        {
            return None;
        }
        let mut f = Frame::new();
        let clause = if noun {
            self.tree_noun(tr, i, sense, &mut f)
        } else {
            Some(self.tree_verb(tr, i, sense, &mut f))
        };
        // A noun's frame says who undergoes it already (its possessor; not
        // "by" whom: "the killing of X by Y", nor the subject of a light
        // verb: "gunmen carried out the killing").
        let sense = if noun {
            Sense {
                undergoer: false,
                ..sense
            }
        } else {
            sense
        };
        // "spoke by phone with Putin": what the means takes, the call takes.
        if let Some(m) = means {
            for k in tr.kids(m).filter(|&k| tr.base(k) == "nmod") {
                if let Some(p) = tr.case(k).map(str::to_ascii_lowercase) {
                    self.complement(tr, &p, k, sense, noun, &mut f);
                }
            }
        }
        let clause = clause?;
        // "moved to Idlib", "left Kabul": a verb of going is news only with
        // where it goes or comes from.
        // The path tells the sense: "moved to Odessa" is news whoever moves.
        // "submit to Moscow": sending nothing is no sending.
        let unmoved = !noun && sense.causative && tr.kid(i, "obj").is_none() && !tr.passive(i);
        let sense = match sense {
            Sense { goal: true, .. } if !f.path || unmoved => return None,
            Sense { goal: true, .. } => Sense {
                ambiguous: false,
                ..sense
            },
            s => s,
        };
        // "was charged with murder", "with fraud", "charged in the killing
        // of": an act or a crime (WordNet's `crime.n.01`) named after
        // "with", "for" or "in" tells the legal sense of a word
        // that often means something else ("charged a fee", "charged the
        // phone"); it is news without someone who charges.
        let sense = if sense.ambiguous
            && !noun
            && matches!(
                sense.kind,
                EventType::Charge | EventType::Arrest | EventType::Sentence
            )
            && tr.kids(i).any(|c| {
                tr.base(c) == "obl"
                    && tr
                        .case(c)
                        .is_some_and(|p| one_of(p, &["with", "for", "in"]))
                    && tr.ws[c].upos == Upos::Noun
                    && (CRIME_NOUNS.contains(tr.lemma(c))
                        || ACT_NOUNS.contains(tr.lemma(c))
                        || lexicon::lookup(tr.lemma(c)).is_some_and(|l| l.noun.is_some()))
            }) {
            Sense {
                ambiguous: false,
                ..sense
            }
        } else {
            sense
        };
        if f.place.is_none() {
            f.place = self.place_near(tr, if noun { clause } else { i }, stack);
            // "a bombing in Lahore that killed 70", "people killed in Kabul":
            // a relative clause or participle happens where its noun is.
            if f.place.is_none() && !noun && matches!(tr.base(i), "acl") {
                if let Some(h) = tr.head(i) {
                    f.place = self.place_near(tr, h, stack);
                }
            }
        }
        let (lo, hi) = tr.extent(clause, stack);
        let lo_tok = (tr.tok[lo] as usize).min(t);
        let hi_tok = (tr.tok[hi] as usize).max(t);
        self.tree_finish(tr, (i, t), !noun, sense, f, lo_tok, hi_tok + 1)
    }

    /// Who the verb's object `c` names it is done with: its "with" phrase and,
    /// with `groups`, its "between" or "among" phrase as actors ("held talks
    /// between X and Y").
    fn parties_of(&self, tr: &Tree<'_>, c: usize, sense: Sense, groups: bool, f: &mut Frame) {
        for m in tr.kids(c).filter(|&m| tr.rel(m) == "nmod") {
            let Some(p) = tr.case(m).map(str::to_ascii_lowercase) else {
                continue;
            };
            if p == "with" {
                self.complement(tr, &p, m, sense, false, f);
            } else if groups && matches!(p.as_str(), "between" | "among") {
                self.participants(tr, m, &mut f.actors);
            }
        }
    }

    /// What word `j`, heading a phrase, is when it never names anyone
    /// (`THING_NOUNS`); `None` when it is no such noun or the phrase is
    /// someone all the same: a name, a compound actor ("law enforcement"), a
    /// count or a part of people.
    fn thing_word(&self, tr: &Tree<'_>, j: usize, actor: bool) -> Option<Thing> {
        // A phrase headed by a name ("NATO ambassadors" is someone by its
        // head); not one a name only qualifies ("Google's promises").
        if self.in_name(tr, j) || (actor && tr.kids(j).any(|c| tr.rel(c) == "compound")) {
            return None;
        }
        // "the majority of migrant families", "40 percent of them": the
        // people a part is of; "64 percent convicted": a counted share.
        if tr.ws[j].upos != Upos::Noun
            || count_word(tr.lemma(j))
            || tr.kids(j).any(|n| {
                tr.rel(n) == "nummod"
                    || of_nmod(tr, n)
                        && (people(tr, n)
                            || self.in_name(tr, n)
                            || matches!(tr.ws[n].upos, Upos::Pron | Upos::Propn))
            })
        {
            return None;
        }
        THING_NOUNS.get(tr.lemma(j)).copied()
    }

    /// The participants of verb `i`; the clause it heads.
    fn tree_verb(&self, tr: &Tree<'_>, i: usize, sense: Sense, f: &mut Frame) -> usize {
        let passive = tr.passive(i);
        let subject = tr
            .kids(i)
            .find(|&c| matches!(tr.rel(c), "nsubj" | "nsubj:pass"));
        for c in tr.kids(i) {
            match tr.rel(c) {
                "nsubj" | "obl:agent" => self.participants(tr, c, &mut f.actors),
                "nsubj:pass" => self.participants(tr, c, &mut f.targets),
                // "exchanged views with Wang Yi", "reached a deal with
                // Scholz": the noun the verb needs is part of what it
                // says, not a participant; who it is done with is.
                "obj" if self.needed_noun(tr, c, sense) => self.parties_of(tr, c, sense, true, f),
                // What an act addressed to someone is about ("recommended
                // the maximum sentence, life without parole") is no
                // participant, and its "with" is the verb's: "discussed the
                // budget with Pelosi", the parser hanging "with Pelosi" on
                // the budget. Its "between" stays what it is about
                // ("discussed the dispute between India and China").
                "obj"
                    if sense.kind.addressed()
                        && !people(tr, c)
                        && self.thing_word(tr, c, false).is_some() =>
                {
                    self.parties_of(tr, c, sense, false, f);
                }
                "obj" | "iobj" => self.complement(tr, "", c, sense, false, f),
                "obl" | "obl:npmod" => match tr.case(c) {
                    Some("by") if passive => self.participants(tr, c, &mut f.actors),
                    Some(p) => {
                        let p = p.to_ascii_lowercase();
                        let targets = f.targets.len();
                        self.complement(tr, &p, c, sense, false, f);
                        // A phrase before the subject sets the scene ("On
                        // the show, Clinton criticized ...", "Against this
                        // backdrop, ..."): where, not whom.
                        if subject.is_some_and(|s| c < s) {
                            f.targets.truncate(targets);
                        }
                    }
                    None => {}
                },
                "advmod" | "aux" => f.read_modifier(tr.lemma(c)),
                _ => {}
            }
        }
        // A relative clause: "the man who shot him", "X, who was arrested",
        // "the man police arrested": the noun it modifies takes the place of
        // the relative pronoun, or is the object left out.
        let relative = tr.rel(i) == "acl:relcl";
        let pronoun = tr.kids(i).find(|&c| {
            matches!(tr.rel(c), "nsubj" | "nsubj:pass")
                && one_of(tr.lemma(c), &["who", "which", "that"])
        });
        // "justice for Mike Brown, who was shot by police": the parser often
        // makes a relative clause after a comma a clause of its own; "who"
        // still stands for the person named just before it.
        let antecedent = if relative {
            tr.head(i)
        } else {
            pronoun
                .filter(|&c| tr.lemma(c) == "who")
                .and_then(|c| antecedent(tr, c))
        };
        if relative || antecedent.is_some() {
            if let Some(h) = antecedent {
                let mut who = Vec::new();
                self.participants(tr, h, &mut who);
                match pronoun.map(|c| tr.rel(c)) {
                    Some("nsubj") => f.actors = who,
                    Some(_) => f.targets = who,
                    // "the man police arrested"; not "the famine when
                    // people died".
                    None if tr.kid(i, "obj").is_none()
                        && !sense.undergoer
                        && !tr.kids(i).any(|c| {
                            one_of(tr.lemma(c), &["when", "where", "why", "how", "while"])
                        }) =>
                    {
                        f.targets.extend(who);
                    }
                    None => {}
                }
            }
        }
        // No subject: the one of the clause this verb depends on.
        let has_subject = tr
            .kids(i)
            .any(|c| matches!(tr.rel(c), "nsubj" | "nsubj:pass" | "csubj" | "expl"));
        if !has_subject && !relative {
            self.inherit(tr, i, passive, f);
        }
        i
    }

    /// Give verb `i`, which has no subject, the one of the clause it depends on.
    fn inherit(&self, tr: &Tree<'_>, i: usize, passive: bool, f: &mut Frame) {
        let mut x = i;
        for _ in 0..MAX_UP {
            let Some(h) = tr.head(x) else { return };
            match tr.rel(x) {
                "xcomp" => {
                    let form = self.words.get(tr.tok[h] as usize).map_or("", |t| t.low);
                    f.read_governor(tr.lemma(h));
                    f.read_governor(form);
                    for c in tr.kids(h) {
                        if matches!(tr.rel(c), "advmod" | "aux") {
                            f.read_modifier(tr.lemma(c));
                        }
                    }
                    // "asked Beijing not to supply", "implored Israel to
                    // agree": the object of a request acts.
                    if is_request(tr.lemma(h)) {
                        if let Some(o) = tr.kid(h, "obj").or_else(|| tr.kid(h, "iobj")) {
                            f.modality = Modality::Requested;
                            self.participants(tr, o, &mut f.actors);
                            return;
                        }
                    }
                    // The controller undergoes a passive ("is expected to be
                    // released", "wants him arrested").
                    let perfect = tr
                        .kids(i)
                        .any(|c| tr.rel(c) == "aux" && tr.lemma(c) == "have");
                    let undergone = passive || (tr.ws[i].xpos == "VBN" && !perfect);
                    let list = if undergone {
                        &mut f.targets
                    } else {
                        &mut f.actors
                    };
                    // "saw a comrade die", "helped him enter the US", "forced
                    // them to leave": the governor's object is the one it
                    // speaks of (UD's object control), when it is someone
                    // (not "carried out strikes to help", a purpose the
                    // parser took for a complement) and the verb is its own
                    // complement (not one further down a chain).
                    if let Some(o) = tr.kid(h, "obj").filter(|&o| {
                        // A complement is not finite: a past tense ("a union
                        // representing attendants endorsed") is a misparse.
                        x == i
                            && matches!(tr.ws[i].xpos, "VB" | "VBG" | "VBN")
                            && self.someone(tr, o)
                    }) {
                        self.participants(tr, o, list);
                        return;
                    }
                    // "is expected to visit": the subject of the passive too.
                    if let Some(s) = tr.kid(h, "nsubj").or_else(|| tr.kid(h, "nsubj:pass")) {
                        self.participants(tr, s, list);
                        return;
                    }
                    x = h;
                }
                "conj" | "advcl" => {
                    if !matches!(tr.ws[h].upos, Upos::Verb | Upos::Aux) {
                        return;
                    }
                    // "refrained from supplying", "barred them from
                    // entering": the act its "from" names does not happen
                    // (a verb that refuses, stops or prevents); its object,
                    // if any, is who it keeps from it.
                    let kept_from = gerund_after(tr, x, &["from"]);
                    if kept_from {
                        f.read_governor(tr.lemma(h));
                        if one_of(tr.lemma(h), &PREVENT) {
                            f.polarity = Polarity::Negative;
                        }
                        let kept = f.polarity == Polarity::Negative;
                        // "That hasn't stopped X from acquiring": it did.
                        if kept
                            && tr
                                .kids(h)
                                .any(|k| tr.rel(k) == "advmod" && one_of(tr.lemma(k), &NEGATIONS))
                        {
                            f.polarity = Polarity::Positive;
                        }
                        if kept {
                            if let Some(o) = tr.kid(h, "obj") {
                                self.participants(tr, o, &mut f.actors);
                                return;
                            }
                        }
                    }
                    // "accused him of deporting children", "arrested two
                    // men for smuggling": the object of the verb that
                    // judges does the act its "of"/"for" names.
                    let judged = gerund_after(tr, x, &["of", "for"]);
                    if judged {
                        // "He was accused of killing": the passive's subject.
                        let judged_one = tr
                            .kid(h, "obj")
                            .or_else(|| tr.kid(h, "iobj"))
                            .or_else(|| tr.kid(h, "nsubj:pass"));
                        // Someone: a name, a pronoun, people ("its schedule
                        // for returning to the Moon" names no one); never
                        // the subject, who judges.
                        if let Some(o) = judged_one {
                            if self.someone(tr, o) {
                                self.participants(tr, o, &mut f.actors);
                            }
                            return;
                        }
                    }
                    // A past participle without an auxiliary of its own is
                    // passive when it opens an adverbial clause ("If
                    // convicted, he ...", "Arrested in 2010, the minister
                    // ...") or is joined to a passive ("He was arrested and
                    // charged"): the subject it shares undergoes it.
                    let reduced = x == i
                        && tr.ws[i].xpos == "VBN"
                        && !tr
                            .kids(i)
                            .any(|c| matches!(tr.rel(c), "aux" | "aux:pass" | "cop"))
                        && (tr.rel(x) == "advcl" || tr.passive(h));
                    let shared = tr
                        .kid(h, "nsubj")
                        .or_else(|| tr.kid(h, "nsubj:pass").filter(|_| reduced));
                    if let Some(s) = shared {
                        let list = if passive || reduced {
                            &mut f.targets
                        } else {
                            &mut f.actors
                        };
                        self.participants(tr, s, list);
                        return;
                    }
                    x = h;
                }
                // "people killed in the attack", "protesters demanding": the
                // noun a participle modifies undergoes it (past) or does it.
                "acl" | "amod" => {
                    // "Beijing's efforts to mediate", "Russia's plan to
                    // invade": an infinitive after a noun is done by the
                    // noun's possessor, if it names one.
                    let infinitive = tr.ws[x].xpos == "VB"
                        && tr
                            .kids(x)
                            .any(|c| tr.rel(c) == "mark" && tr.lemma(c) == "to");
                    if infinitive {
                        f.read_governor(tr.lemma(h));
                        if let Some(p) = tr.kid(h, "nmod:poss") {
                            self.participants(tr, p, &mut f.actors);
                        }
                        // Not the noun itself: "the decision to arrest", "efforts
                        // to mediate" (an infinitive relative, "the first leader
                        // to visit", is rarer; measured on M2E2, reading the noun
                        // as actor costs argument precision).
                        return;
                    }
                    // A participle read as an adjective ("a slain soldier")
                    // is past too: an adjective is a trigger only as one
                    // (see `tree_event`).
                    // A past participle modifying a noun takes no object of
                    // its own ("people killed in the attack"): one with an
                    // object is the noun's verb read as a modifier ("the
                    // two countries signed an agreement"), done by the noun.
                    let own_object = tr.kid(x, "obj").is_some();
                    let past =
                        (tr.ws[i].xpos == "VBN" && !own_object) || tr.ws[i].upos == Upos::Adj;
                    // Who does it is someone: "civilians fleeing Mosul",
                    // "Iranian forces supporting", "accusing Turkey of
                    // buying"; not "the surge of Rohingya fleeing", "a ban on
                    // Muslims entering", "within 90 days of entering".
                    let doer = |h: usize| {
                        self.someone(tr, h)
                            || tr.kids(h).any(|k| {
                                matches!(tr.rel(k), "amod" | "compound" | "nmod:poss")
                                    && self.in_name(tr, k)
                            })
                    };
                    if matches!(tr.ws[h].upos, Upos::Noun | Upos::Propn | Upos::Pron)
                        && (past || doer(h))
                    {
                        let list = if past { &mut f.targets } else { &mut f.actors };
                        self.participants(tr, h, list);
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    /// Whether word `o` names someone: a name, a pronoun, people ("its
    /// schedule for returning to the Moon" names no one).
    fn someone(&self, tr: &Tree<'_>, o: usize) -> bool {
        matches!(tr.ws[o].upos, Upos::Propn | Upos::Pron) || people(tr, o) || self.in_name(tr, o)
    }

    /// The participants of noun `i`; the clause it belongs to.
    fn tree_noun(&self, tr: &Tree<'_>, i: usize, sense: Sense, f: &mut Frame) -> Option<usize> {
        for c in tr.kids(i) {
            match tr.rel(c) {
                // "Putin's visit"; "Navalny's arrest" (undergoer), and so a
                // verb's noun of a type whose nouns are undergone ("his
                // sentencing", "her jailing"); but "Kiir's sacking of
                // Machar": the "of" undergoes it.
                "nmod:poss" => {
                    let of = tr.kids(i).any(|k| of_nmod(tr, k));
                    let verbal = lexicon::lookup(tr.lemma(i)).is_none_or(|l| l.noun.is_none());
                    let undergoes =
                        sense.undergoer || (verbal && lexicon::possessor_undergoes(sense.kind));
                    let list = if undergoes && !of {
                        &mut f.targets
                    } else {
                        &mut f.actors
                    };
                    self.participants(tr, c, list);
                }
                "nmod" => match tr.case(c).map(str::to_ascii_lowercase).as_deref() {
                    Some("between" | "among" | "by") => self.participants(tr, c, &mut f.actors),
                    // "a meeting of the council", "talks of the two sides",
                    // "a rally of farmers": the members of a gathering meet.
                    // Members are someone: not "talks of a Gaza ceasefire".
                    Some("of")
                        if matches!(
                            sense.kind,
                            EventType::Meet | EventType::Talk | EventType::Protest
                        ) =>
                    {
                        let mut who = Vec::new();
                        self.participants(tr, c, &mut who);
                        who.retain(|w| {
                            w.entity.is_some()
                                || w.label.is_some()
                                || head_of(tr, w.span).is_some_and(|j| {
                                    people(tr, j) || tr.ws[j].upos == Upos::Propn
                                })
                                // "a meeting of the North Atlantic Council
                                // session": a phrase around a person or body.
                                || self.names_in(w.span).any(|&(n, label, _)| {
                                    n.end <= w.span.end
                                        && matches!(label, EntityLabel::Person | EntityLabel::Org)
                                })
                        });
                        f.actors.extend(who);
                    }
                    Some(p) => self.complement(tr, p, c, sense, true, f),
                    None => {}
                },
                // "Russian airstrikes", "Israeli shelling": a nationality
                // before a noun of attack of the hand-written lexicon is who
                // attacks (not before one from WordNet: "the Syrian war" is
                // where).
                "amod"
                    if c < i
                        && sense.kind == EventType::Attack
                        && !sense.undergoer
                        && !sense.derived =>
                {
                    f.read_modifier(tr.lemma(c));
                    if let Some(who) = self.doer_before(tr, c, true) {
                        if !f.actors.iter().any(|a| a.span == who.span) {
                            f.actors.push(who);
                        }
                    }
                }
                "amod" | "det" | "advmod" => f.read_modifier(tr.lemma(c)),
                // "a Taliban attack", "police shootings": who does it, named
                // as an organization, or a noun of a person or group (not a
                // place: "the Paris attacks" happen there).
                "compound" if c < i && !sense.undergoer => {
                    // Once for a name of several words ("Islamic State").
                    let attack = sense.kind == EventType::Attack && !sense.derived;
                    if let Some(who) = self.doer_before(tr, c, attack) {
                        if !f.actors.iter().any(|a| a.span == who.span) {
                            f.actors.push(who);
                        }
                    }
                }
                // "strikes carried out by the coalition".
                "acl" if one_of(tr.lemma(c), &LIGHT_VERBS) && tr.passive(c) => {
                    if let Some(a) = tr.kid(c, "obl:agent") {
                        self.participants(tr, a, &mut f.actors);
                    }
                }
                _ => {}
            }
        }
        // "The shooting was carried out by a gunman": the agent of the
        // passive light verb the noun is the subject of.
        if tr.rel(i) == "nsubj:pass" {
            if let Some(v) = tr.head(i).filter(|&v| one_of(tr.lemma(v), &LIGHT_VERBS)) {
                if let Some(a) = tr.kid(v, "obl:agent") {
                    self.participants(tr, a, &mut f.actors);
                }
            }
        }
        // The clause: the verb the noun depends on, through prepositions and
        // coordinated nouns.
        let mut x = i;
        let mut verb = None;
        for _ in 0..MAX_UP {
            let Some(h) = tr.head(x) else { break };
            if matches!(tr.ws[h].upos, Upos::Verb | Upos::Aux) {
                verb = Some((h, x));
                break;
            }
            x = h;
        }
        let Some((v, via)) = verb else {
            return Some(x);
        };
        // "two officers were beaten to death by the mob": who the verb
        // befalls dies, and whoever does it kills.
        if to_death(tr, v) == Some(i) {
            if let Some(s) = tr.kid(v, "nsubj:pass").or_else(|| {
                tr.kid(v, "obj")
                    .or_else(|| (!tr.passive(v)).then(|| tr.kid(v, "nsubj")).flatten())
            }) {
                self.participants(tr, s, &mut f.targets);
            }
        }
        if f.actors.is_empty() && (via == i || tr.rel(i) == "conj") {
            // "held talks with", "imposed sanctions on", "arrived for talks":
            // the light verb's subject acts.
            // "arrived in Beijing for talks with Xi": the purpose of the act.
            let purpose = tr.base(via) == "obl" && tr.case(via) == Some("for");
            let light = one_of(tr.lemma(v), &LIGHT_VERBS) && matches!(tr.base(via), "obj" | "obl");
            if light || purpose {
                // "signed an agreement": the verb is the event already.
                if lexicon::lookup(tr.lemma(v))
                    .and_then(|l| l.verb)
                    .is_some_and(|s| s.kind == sense.kind)
                {
                    return None;
                }
                let mut g = Frame::new();
                self.tree_verb(tr, v, sense, &mut g);
                f.actors = g.actors;
                if g.polarity == Polarity::Negative {
                    f.polarity = Polarity::Negative;
                }
                if f.modality == Modality::Asserted {
                    f.modality = g.modality;
                }
                if tr.case(via) == Some("for") && f.modality == Modality::Asserted {
                    f.modality = Modality::Planned;
                }
            }
            // "Demonstrators clashed with police during a protest", "Merkel
            // spoke at a meeting": who is at a gathering takes part in it.
            let at =
                tr.base(via) == "obl" && tr.case(via).is_some_and(|p| one_of(p, &["at", "during"]));
            if f.actors.is_empty() && at && via == i && sense.kind == EventType::Meet {
                if let Some(s) = tr.kid(v, "nsubj") {
                    self.participants(tr, s, &mut f.actors);
                }
            }
        }
        // "The meeting will take place", "the visit is expected": the noun as
        // subject of a future or expected verb.
        if tr.base(i) == "nsubj" && via == i {
            for c in tr.kids(v) {
                if matches!(tr.rel(c), "aux" | "advmod") {
                    f.read_modifier(tr.lemma(c));
                }
            }
            f.read_governor(tr.lemma(v));
        }
        Some(v)
    }

    /// The nearest place named after "in", "at" or "near" in the clause of
    /// `head` (not in a clause under it): "arrested two protesters in
    /// Moscow", "held talks with Macron in Paris".
    fn place_near(&self, tr: &Tree<'_>, head: usize, queue: &mut Vec<usize>) -> Option<Who> {
        queue.clear();
        queue.push(head);
        let mut k = 0;
        while k < queue.len() && k < 64 {
            let x = queue[k];
            k += 1;
            for c in tr.kids(x) {
                if matches!(
                    tr.base(c),
                    "ccomp" | "advcl" | "acl" | "parataxis" | "csubj" | "xcomp" | "list"
                ) || (tr.base(c) == "conj" && tr.ws[c].upos == Upos::Verb)
                {
                    continue;
                }
                if matches!(tr.base(c), "obl" | "nmod")
                    && tr
                        .case(c)
                        .is_some_and(|p| one_of(p, &["in", "at", "near", "outside", "inside"]))
                {
                    // "in Mosul", or "in the city of Mosul": the name
                    // the place noun is of.
                    let of = tr.kids(c).filter(|&k| of_nmod(tr, k));
                    for x in std::iter::once(c).chain(of) {
                        if let Some(who) = self.place_name(tr, x) {
                            return Some(who);
                        }
                    }
                }
                queue.push(c);
            }
        }
        None
    }

    /// Who word `c`, a word modifying an event noun, names as its doer: an
    /// organization by name, a nationality when `attack` ("Russian
    /// airstrikes"; a nationality before a visit, a death or a war is not who
    /// does it), or a noun of a person or group (a person's name is as often
    /// who it befalls: "the Scott shooting").
    fn doer_before(&self, tr: &Tree<'_>, c: usize, attack: bool) -> Option<Who> {
        let t = tr.tok[c];
        if t == NONE {
            return None;
        }
        if self.words[t as usize].name != NONE {
            let who = self.who(self.name_at(t as usize)?);
            let doer = who.label == Some(EntityLabel::Org)
                || (attack && who.label == Some(EntityLabel::Norp));
            return doer.then_some(who);
        }
        people(tr, c).then(|| Who {
            span: tr.ws[c].span,
            entity: None,
            label: None,
        })
    }

    /// The place word `x` names, if it is a name of a place.
    fn place_name(&self, tr: &Tree<'_>, x: usize) -> Option<Who> {
        let t = tr.tok[x];
        if t == NONE {
            return None;
        }
        let who = self.who(self.name_at(t as usize)?);
        matches!(
            who.label,
            Some(EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac)
        )
        .then_some(who)
    }

    /// A complement of trigger `i` after preposition `prep` ("" for the
    /// object): a target, a place or neither, as [`role`] says.
    fn complement(
        &self,
        tr: &Tree<'_>,
        prep: &str,
        c: usize,
        sense: Sense,
        noun: bool,
        f: &mut Frame,
    ) {
        let mut who = Vec::new();
        self.participants(tr, c, &mut who);
        for w in who {
            let is_place = matches!(
                w.label,
                Some(EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac)
            );
            let (as_target, mut as_place) = role(prep, sense, noun, is_place);
            // "fled the fighting": what is crossed or left is no happening.
            if as_place && prep.is_empty() && !is_place {
                as_place = !head_of(tr, w.span).is_some_and(|j| {
                    let form = self.words.get(tr.tok[j] as usize).map_or("", |t| t.low);
                    lexicon::lookup(tr.lemma(j)).is_some() || lexicon::lookup(form).is_some()
                });
            }
            f.path |= sense.goal
                && is_place
                && if prep.is_empty() {
                    sense.crossing
                } else {
                    one_of(prep, &DIRECTIONS)
                };
            if as_target && !f.targets.iter().any(|t| t.span == w.span) {
                f.targets.push(w);
            }
            if as_place && f.place.is_none() {
                f.place = Some(w);
            }
        }
    }

    /// Whether object `c` is one of the nouns the trigger's reading needs
    /// after it ("views" of "exchange views", "deal" of "reach a deal").
    fn needed_noun(&self, tr: &Tree<'_>, c: usize, sense: Sense) -> bool {
        !sense.needs_next.is_empty()
            && self
                .words
                .get(tr.tok[c] as usize)
                .is_some_and(|t| sense.needs_next.contains(&t.low))
    }

    /// The participants word `c` names, with the words coordinated with it:
    /// names, resolved pronouns and group phrases, common noun phrases.
    fn participants(&self, tr: &Tree<'_>, c: usize, out: &mut Vec<Who>) {
        let mut todo = [c, NONE as usize, NONE as usize, NONE as usize];
        let mut n = 1;
        let mut k = 0;
        while k < n {
            let x = todo[k];
            k += 1;
            if let Some(w) = self.participant(tr, x) {
                for w in w {
                    if !out
                        .iter()
                        .any(|o| o.span == w.span || (o.entity.is_some() && o.entity == w.entity))
                    {
                        out.push(w);
                    }
                }
            }
            for cc in tr.kids(x) {
                if tr.rel(cc) == "conj" && n < todo.len() {
                    todo[n] = cc;
                    n += 1;
                }
                // "the two ministers, John Kerry and Sergei Lavrov": the names
                // in apposition, each of them.
                if tr.rel(cc) == "appos" {
                    for k in tr.kids(cc) {
                        if tr.rel(k) == "conj" && n < todo.len() {
                            todo[n] = k;
                            n += 1;
                        }
                    }
                }
            }
        }
    }

    /// The names (entity mentions and role references) that start inside
    /// `span`, by binary search.
    fn names_in(&self, span: Span) -> impl Iterator<Item = &Name> {
        let names = self.input.view.names;
        names[names.partition_point(|n| n.0.start < span.start)..]
            .iter()
            .take_while(move |n| n.0.start < span.end)
    }

    /// Whether word `w` is part of a name (an entity mention or a role
    /// reference).
    fn in_name(&self, tr: &Tree<'_>, w: usize) -> bool {
        tr.tok[w] != NONE && self.words[tr.tok[w] as usize].name != NONE
    }

    /// The place where the sentence says things happen, for an event that
    /// has none of its own: the one named place of the sentence after a
    /// preposition of location ("Bodies of people killed during a rally lie
    /// at the main mosque in Conakry"), not one of the event's participants;
    /// none when the sentence has two.
    fn sentence_place(&self, tr: &Tree<'_>, actors: &[Who], targets: &[Who]) -> Option<Who> {
        let mut found = None;
        for c in 0..tr.ws.len() {
            if !matches!(tr.base(c), "obl" | "nmod")
                || !tr
                    .case(c)
                    .is_some_and(|p| one_of(p, &["in", "at", "near", "outside", "inside"]))
            {
                continue;
            }
            let Some(w) = self.place_name(tr, c) else {
                continue;
            };
            if actors
                .iter()
                .chain(targets)
                .any(|a| a.span.start < w.span.end && w.span.start < a.span.end)
            {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(w);
        }
        found
    }

    /// Whether `span` lies inside a date or time expression.
    fn in_time(&self, span: Span) -> bool {
        let times = self.input.times;
        let k = times.partition_point(|(s, _)| s.end <= span.start);
        times
            .get(k)
            .is_some_and(|(s, _)| s.start <= span.start && span.end <= s.end)
    }

    /// What word `c` names, if it can take part in an event.
    fn participant(&self, tr: &Tree<'_>, c: usize) -> Option<Vec<Who>> {
        let t = tr.tok[c];
        if t == NONE {
            return None;
        }
        let tk = &self.words[t as usize];
        if tk.name != NONE {
            let who = self.who(self.name_at(t as usize)?);
            // "Four Americans were killed", "the Russians said": a
            // nationality heading its phrase names people, a group as a
            // common noun would ("four soldiers"); not "Russian troops".
            if who.label == Some(EntityLabel::Norp)
                && matches!(tr.ws[c].upos, Upos::Propn | Upos::Noun)
                && !matches!(tr.base(c), "amod" | "compound" | "flat" | "nmod:poss")
                && tk.low.ends_with('s')
            {
                return Some(vec![Who {
                    span: tr.noun_phrase(c),
                    entity: None,
                    label: None,
                }]);
            }
            return who
                .label
                .is_some_and(Self::participant_label)
                .then(|| vec![who]);
        }
        // "Russia's president, Vladimir Putin": the name in apposition; or
        // after a title the parser made the head ("Ambassador Yuriy
        // Sergeyev").
        if let Some(a) = tr
            .kids(c)
            .find(|&a| matches!(tr.rel(a), "appos" | "flat") && self.in_name(tr, a))
        {
            return self.participant(tr, a);
        }
        // A count or a share of a group is that group: "thousands of
        // civilians", "90 of the prisoners", "some of the victims", "many of
        // them". The head of the phrase is the number or the quantifier, the
        // group its "of" dependent.
        let of = tr.kids(c).find(|&n| n > c && of_nmod(tr, n));
        // "None of the hostages were killed": no one.
        if of.is_some() && one_of(tk.low, &["none", "neither"]) {
            return None;
        }
        let counted = |w: &str| number_at(&[w], 0).is_some_and(|m| m.end == 1);
        match (tr.ws[c].upos, of) {
            (Upos::Pron | Upos::Det, Some(n)) => return self.participant(tr, n),
            (Upos::Num | Upos::Noun, Some(n)) if tr.ws[c].upos == Upos::Num || counted(tk.low) => {
                let span = tr.noun_phrase(c);
                let group = self.participant(tr, n);
                // The whole phrase, or the names of the group when it has any
                // ("many of them", "two of Putin's aides").
                return Some(match group {
                    Some(g) if g.iter().any(|w| w.entity.is_some()) => g,
                    _ => vec![Who {
                        span: Span::new(span.start, tr.noun_phrase(n).end.max(span.end)),
                        entity: None,
                        label: None,
                    }],
                });
            }
            _ => {}
        }
        match tr.ws[c].upos {
            Upos::Pron => {
                let low = tk.low;
                let personal = one_of(
                    low,
                    &["he", "she", "they", "him", "her", "them", "his", "their"],
                );
                let resolved = self.resolved(tk.span);
                if personal || resolved.iter().any(|w| w.entity.is_some()) {
                    Some(resolved)
                } else {
                    None
                }
            }
            // A date or a time the time stage found ("met Thursday", "last
            // week's assault"): when, not who.
            Upos::Noun | Upos::Propn | Upos::Num if self.in_time(tk.span) => None,
            Upos::Noun | Upos::Propn | Upos::Num => {
                let span = tr.noun_phrase(c);
                // "the two leaders": a group phrase the entity stage resolved.
                let k = self
                    .input
                    .corefs
                    .partition_point(|x| x.span.start < span.start);
                if let Some(g) = self.input.corefs[k..]
                    .iter()
                    .take_while(|x| x.span.start < span.end)
                    .find(|x| x.span.end == span.end)
                {
                    return Some(self.resolved(g.span));
                }
                Some(vec![Who {
                    span,
                    entity: None,
                    label: None,
                }])
            }
            _ => None,
        }
    }

    /// The event of trigger word `i` (token `t`), if its participants make one.
    #[allow(clippy::too_many_arguments)]
    fn tree_finish(
        &self,
        tr: &Tree<'_>,
        (i, t): (usize, usize),
        verb: bool,
        sense: Sense,
        f: Frame,
        clause_lo: usize,
        end: usize,
    ) -> Option<Event> {
        let Frame {
            mut actors,
            mut targets,
            mut place,
            path: _,
            polarity,
            modality,
        } = f;
        // A name, a resolved pronoun, or a phrase around a name of someone
        // or somewhere ("NATO ambassadors", "Russian troops"; not a product
        // or a work: "the LC500 Convertible could arrive").
        let named = |w: &Who| {
            w.entity.is_some()
                || w.label.is_some()
                || self.names_in(w.span).any(|n| {
                    n.0.end <= w.span.end
                        && (Self::participant_label(n.1) || n.1 == EntityLabel::Norp)
                })
        };
        // A phrase headed by a noun of a person or group ("two men", "the
        // rebels", not "a film"), or through a count to the group
        // ("thousands of protesters"; with `any_of`, through any "of":
        // "the families of the victims").
        let people_in = |w: &Who, any_of: bool| {
            head_of(tr, w.span).is_some_and(|j| {
                let count = || {
                    tr.ws[j].upos == Upos::Num
                        || crate::quantity::numbers::number_at(&[tr.lemma(j)], 0).is_some()
                };
                people(tr, j)
                    || tr.kids(j).any(|n| {
                        n > j
                            && of_nmod(tr, n)
                            && w.span.contains(tr.ws[n].span)
                            && people(tr, n)
                            && (any_of || count())
                    })
            })
        };
        let someone = |w: &Who| people_in(w, true);
        // What is said or thought, attacked in words (see the criticism test
        // below): gathered before a word of two senses keeps only people.
        let idea = |w: &Who| {
            w.entity.is_none()
                && w.label.is_none()
                && head_of(tr, w.span).is_some_and(|j| {
                    tr.ws[j].upos == Upos::Noun
                        && !self.in_name(tr, j)
                        && IDEA_NOUNS.contains(tr.lemma(j))
                        && matches!(
                            THING_NOUNS.get(tr.lemma(j)),
                            Some(Thing::Communication | Thing::Plain)
                        )
                })
        };
        let ideas: Vec<Who> =
            if sense.kind == EventType::Attack && SAYING_VERBS.contains(tr.lemma(i)) {
                targets.iter().filter(|w| idea(w)).copied().collect()
            } else {
                Vec::new()
            };
        // A word that often means something else keeps the strictness of the
        // word-order reading: named participants or people only ("shot two
        // men", "backed the rebels"; not "shot a film").
        if sense.ambiguous {
            actors.retain(|w| named(w) || someone(w));
            targets.retain(|w| named(w) || someone(w));
        }
        // No event is done to itself ("planned a strike", misread; not "the
        // besieged town").
        targets.retain(|w| head_of(tr, w.span) != Some(i));
        // What acts is someone. A participant headed by a common noun that
        // never names anyone (WordNet: no sense of it a person, a group, a
        // place or an animal; see `THING_NOUNS`) acts only as what it may also
        // be: a report or a statement speaks for its authors, a vehicle moves
        // ("a stabbing that killed", "the description reads", "promises
        // haven't arrived" name no actor).
        // Not a count of people or a part of them ("dozens of people",
        // "Dozens were arrested"); an actor named by a compound may be people
        // where its head alone is not ("law enforcement").
        let thing = |w: &Who, actor: bool| -> Option<Thing> {
            if w.entity.is_some() || w.label.is_some() || someone(w) {
                return None;
            }
            self.thing_word(tr, head_of(tr, w.span)?, actor)
        };
        // What an act addressed to someone is about is no participant, and
        // tells nothing of who acts: the word order may still find them
        // ("urged support for a plan", "refused to negotiate peace with").
        if sense.kind.addressed() {
            targets.retain(|w| thing(w, false).is_none());
        }
        // A stretch of time is when, never who ("the fourth time I have been
        // deported", "killing the next day", "the horrific moment a mother was
        // gunned down"): a common noun phrase headed by a noun of `TIME_NOUNS`,
        // a misreading that tells nothing of who took part. A phrase around a
        // name stays: it names who ("a meeting of the North Atlantic Council
        // session").
        let when = |w: &Who| {
            !named(w)
                && head_of(tr, w.span).is_some_and(|j| {
                    tr.ws[j].upos == Upos::Noun
                        && !self.in_name(tr, j)
                        && TIME_NOUNS.contains(tr.lemma(j))
                })
        };
        actors.retain(|w| !when(w));
        targets.retain(|w| !when(w));
        let found = actors.len() + targets.len();
        actors.retain(|w| match thing(w, true) {
            None => true,
            Some(Thing::Plain) => false,
            Some(Thing::Communication) => sense.kind.said(),
            Some(Thing::Artifact) => sense.kind.moves(),
            Some(Thing::Both) => sense.kind.said() || sense.kind.moves(),
        });
        // Who undergoes a death, an injury, an arrest, a charge, a sentence,
        // an election, an appointment, a dismissal or a meeting, and who is
        // moved, is someone: a thing beside the trigger there is no
        // participant ("those imprisoned for freedom of expression", a
        // misread "deported their dream").
        if sense.kind.undergone_by_someone() || sense.kind == EventType::Travel {
            targets.retain(|w| thing(w, false).is_none());
        }
        // Acts between agents need someone named or (for a word that does
        // not often mean something else) a noun of people or a count of them
        // ("the leaders met", "hundreds of delegates signed"; "the interests
        // of both sides were met" is no meeting), other than the phrase the
        // trigger qualifies ("elected officials", "a retired general" name a
        // standing, not an act); happenings may have common nouns only.
        let trigger = tr.ws[i].span;
        if !sense.kind.may_stand_alone()
            && !actors.iter().chain(&targets).any(|w| {
                !w.span.contains(trigger) && (named(w) || (!sense.ambiguous && people_in(w, false)))
            })
        {
            // Only things where the tree looked for someone ("Google's
            // promises haven't arrived", "terms that would leave it
            // exposed"): the word order would read the same things.
            if actors.is_empty() && targets.is_empty() && found > 0 {
                self.refused.set(true);
            }
            return None;
        }
        let mut sense = sense;
        let mut surely = verb;
        // A noun the tagger read as a noun and that names a happening ("the
        // attack", "protests", "his death") is an event by itself, whatever
        // other senses the word has: the tree tells the noun from the verb.
        // Not a noun from WordNet: "the war", "a battle" are as often the
        // background as the news, and need a participant.
        // So is a noun from WordNet that a date or a place of its own
        // anchors: "Monday's bombing", "a shooting on Thursday", "the
        // massacre in Houla" (a time or a place tells an occurrence from a
        // kind of act: "the war" alone is none), unless the word often means
        // something else ("shot").
        let anchored = || {
            !sense.ambiguous && (place.is_some() || tr.kids(i).any(|c| self.in_time(tr.ws[c].span)))
        };
        // A noun of two senses whose "of" cannot name a participant of its
        // type, and names no one and no date, is the other sense: "a
        // demonstration of the cooperation", "a show of strength" are
        // displays, not protests ("a rally of farmers" is one, "the rallies
        // of September" too; "the attack of the consulate" is an attack).
        let display = || {
            sense.ambiguous
                && role("of", sense, true, false) == (false, false)
                && tr.kids(i).any(|k| {
                    of_nmod(tr, k)
                        && !people(tr, k)
                        && tr.ws[k].upos != Upos::Propn
                        && !self.in_name(tr, k)
                        // "the attacks of September 11": a date.
                        && !self.in_time(tr.ws[k].span)
                        // "the deadliest strike of the offensive": a part
                        // of a happening.
                        && lexicon::lookup(tr.lemma(k)).is_none_or(|l| l.noun.is_none())
                })
        };
        if !verb && sense.kind.may_stand_alone() && !sense.derived && display() {
            return None;
        }
        if !verb && sense.kind.may_stand_alone() && (!sense.derived || anchored()) {
            surely = true;
            sense.bare = true;
            sense.ambiguous = false;
        }
        // "Butler launches attack on Blair", "X attacked Y" between people with
        // no weapon named: criticism. So is an attack on what is said or
        // thought, whoever attacks, by a word that may mean to attack in words
        // ("Republicans attacked the policy", "an attack on the provisions": a
        // noun whose most frequent sense in WordNet is a communication or a
        // cognition, `IDEA_NOUNS`, and no sense of which is a made thing, a
        // place or someone, `THING_NOUNS`, so not "the compound", "targets";
        // a trigger of `SAYING_VERBS`, not "airstrikes against").
        if sense.kind == EventType::Attack {
            let person = |w: &Who| w.label == Some(EntityLabel::Person);
            let people_only = !actors.is_empty()
                && actors.iter().all(person)
                && targets
                    .iter()
                    .all(|w| person(w) || w.label == Some(EntityLabel::Org));
            // Every target left is one of them (a word of two senses keeps
            // only people, so none may be left).
            let of_ideas = !ideas.is_empty()
                && targets
                    .iter()
                    .all(|w| ideas.iter().any(|x| x.span == w.span));
            if ((people_only && !targets.is_empty()) || of_ideas)
                && !self.military(t, end)
                && !tr.kids(i).any(|c| tr.case(c) == Some("with"))
            {
                if of_ideas {
                    targets.clone_from(&ideas);
                }
                sense.kind = EventType::Accuse;
                sense.cameo = "111";
            }
        }
        // What is acquired in a deal is a company, a part of one or an asset:
        // a phrase headed by a noun that never names anyone and is no made
        // thing is a quality gained, no deal ("the astronauts would acquire
        // extra body fat", "acquired a taste for").
        if sense.kind == EventType::Acquire
            && !targets.is_empty()
            && targets
                .iter()
                .all(|w| matches!(thing(w, false), Some(Thing::Plain | Thing::Communication)))
        {
            return None;
        }
        // "Microsoft bought Activision": a company buying a company.
        if sense.kind == EventType::Trade
            && verb
            && tr.kid(i, "obj").is_some()
            && !actors.is_empty()
            && actors.iter().all(|w| w.label == Some(EntityLabel::Org))
            && !targets.is_empty()
            && targets.iter().all(|w| w.label == Some(EntityLabel::Org))
        {
            sense.kind = EventType::Acquire;
            sense.cameo = "-";
        }
        if place.is_none() {
            place = self.sentence_place(tr, &actors, &targets);
        }
        self.finish(
            t, surely, sense, actors, targets, place, clause_lo, end, polarity, modality,
        )
        .map(|(ev, _)| ev)
    }
}

/// Whether `x` is a gerund clause after one of `preps` ("from supplying",
/// "of killing", "for smuggling").
fn gerund_after(tr: &Tree<'_>, x: usize, preps: &[&str]) -> bool {
    tr.rel(x) == "advcl"
        && tr.ws[x].xpos == "VBG"
        && tr
            .kids(x)
            .any(|m| matches!(tr.rel(m), "mark" | "case") && preps.contains(&tr.lemma(m)))
}

/// The noun of dying that verb `v` results in ("stabbed to death", "froze to
/// death", "sentenced to death"): its bare "to" complement whose noun is a
/// death. The parser may hang it on the verb's object ("shot the driver to death").
fn to_death(tr: &Tree<'_>, v: usize) -> Option<usize> {
    // A bare singular: "to death", not "led to 700 deaths", "sent to their
    // deaths".
    let death = |c: usize| {
        tr.case(c).is_some_and(|p| p.eq_ignore_ascii_case("to"))
            && tr.ws[c].xpos == "NN"
            && tr.kids(c).all(|k| tr.rel(k) == "case")
            && lexicon::lookup(tr.lemma(c))
                .and_then(|l| l.noun)
                .is_some_and(|s| s.kind == EventType::Die)
    };
    tr.kids(v)
        .find(|&c| tr.base(c) == "obl" && death(c))
        .or_else(|| {
            let o = tr.kid(v, "obj")?;
            tr.kids(o).find(|&c| tr.rel(c) == "nmod" && death(c))
        })
}

/// The verb whose result noun `i` of dying is ([`to_death`]).
fn death_verb(tr: &Tree<'_>, i: usize) -> Option<usize> {
    let h = tr.head(i)?;
    let v = if tr.rel(h) == "obj" { tr.head(h)? } else { h };
    (to_death(tr, v) == Some(i)).then_some(v)
}

/// A verb of asking someone to act: one of the request list ("ask", "tell",
/// "invite") or a trigger of urging or demanding ("implore", "recommend",
/// "demand"), whose object does what the verb after it says.
fn is_request(lemma: &str) -> bool {
    one_of(lemma, &REQUEST)
        || lexicon::lookup(lemma)
            .and_then(|l| l.verb)
            .is_some_and(|s| matches!(s.kind, EventType::Urge | EventType::Demand))
}
