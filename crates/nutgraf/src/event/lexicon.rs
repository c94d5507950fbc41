//! Event triggers: verbs in every inflection and nouns, with their type and
//! CAMEO code, read from `data/lexicons/event_verbs.tsv` and `event_nouns.tsv`
//! (base forms; the inflections made by the rules of English spelling, with
//! irregular past forms listed).

use std::sync::LazyLock;

use super::EventType;

/// One reading of a trigger word.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one reading
pub(super) struct Sense {
    pub kind: EventType,
    pub cameo: &'static str,
    /// Often means something else ("back", "strike", "trade"): needs both an
    /// actor and a target.
    pub ambiguous: bool,
    /// A verb of motion ("arrived in", "travel to"): where it goes is also its
    /// target.
    pub motion: bool,
    /// What its subject names undergoes it ("X died"): the subject is a
    /// target, not an actor.
    pub undergoer: bool,
    /// The happening is news without a named participant ("three people were
    /// killed", "a convoy was attacked"): a verb form that cannot be a noun
    /// stands alone.
    pub bare: bool,
    /// Counts only with one of these words within the next four ("exchange
    /// views", "reach a deal").
    pub needs_next: &'static [&'static str],
    /// `needs_next` must be the very next word ("called on", not "called him
    /// on Monday").
    pub next_at_once: bool,
    /// From the WordNet tables, not the hand-written ones: a rarer word whose
    /// reading comes from its most frequent sense. Read from the tree, such a
    /// noun is an event only with a participant ("the war" alone is none);
    /// verbs keep the flags of their root.
    pub derived: bool,
    /// A verb of going, bringing or sending ("went", "entered", "sent"):
    /// an event only with where it goes or comes from, a named place as its
    /// object when it crosses it ("entered Mosul", "left Kabul": flag
    /// `crossing`) or after a preposition of
    /// direction ("moved to", "fled into", "came from"). Read from the tree
    /// only ([`goal_verb`]); word order never reads it.
    pub goal: bool,
    /// A verb of going whose object is what it crosses into or out of
    /// ("entered Mosul", "left Kabul", "fled the fighting"), never what is
    /// moved: with `goal`, a named place as object is where it goes ("ran
    /// Russia" is not).
    pub crossing: bool,
    /// A verb of bringing or sending: what goes is its object ("sent troops
    /// to Syria"), or the subject of its passive; used without either it
    /// means something else ("submit to Moscow").
    pub causative: bool,
}

/// The readings of one word: as a verb and as a noun.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lex {
    pub verb: Option<Sense>,
    pub noun: Option<Sense>,
}

/// The trigger verbs and nouns, base forms with their reading.
const VERBS: &str = crate::lexicon::lexicon_file!("event_verbs.tsv");
const NOUNS: &str = crate::lexicon::lexicon_file!("event_nouns.tsv");

/// The reading of one row: type, CAMEO code, flags, words after (the columns
/// from the type on; more are ignored).
fn read_sense(cols: &[&'static str]) -> Option<Sense> {
    let [kind, cameo, flags, after, ..] = cols else {
        return None;
    };
    let kind = EventType::from_name(kind)?;
    let flag = |f: &str| flags.split(',').any(|x| x == f);
    let needs_next: Vec<&'static str> = if *after == "-" {
        Vec::new()
    } else {
        after.split(',').collect()
    };
    Some(Sense {
        kind,
        cameo,
        ambiguous: flag("ambiguous"),
        motion: flag("motion"),
        undergoer: flag("undergoer"),
        bare: flag("bare"),
        // Built once a process: the lists live as long as the lexicon.
        needs_next: needs_next.leak(),
        next_at_once: flag("at-once"),
        derived: false,
        goal: flag("goal"),
        crossing: flag("crossing"),
        causative: flag("causative"),
    })
}

/// The columns of a row of a lexicon table.
fn columns(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

/// The same tables made from WordNet by `nutgraf-eval wordnet-events`: the
/// words whose most frequent sense lies under a type's root synset
/// (`data/lexicons/event_wordnet_roots.tsv`); a word the hand-written tables
/// also give keeps their reading.
const VERBS_WORDNET: &str = crate::lexicon::lexicon_file!("event_verbs_wordnet.tsv");
const NOUNS_WORDNET: &str = crate::lexicon::lexicon_file!("event_nouns_wordnet.tsv");

/// Every trigger form with its readings: the verbs in their inflections
/// ([`lexicon::verb_forms`](crate::lexicon::verb_forms)), the nouns in the
/// numbers their rows give; the hand-written tables first, then the words
/// only WordNet gives.
static LEXICON: LazyLock<Tables> = LazyLock::new(|| {
    let mut t = Tables::default();
    add_verbs(&mut t, VERBS, false);
    add_nouns(&mut t.words, NOUNS, false);
    add_verbs(&mut t, VERBS_WORDNET, true);
    add_nouns(&mut t.words, NOUNS_WORDNET, true);
    t
});

/// The trigger forms: those every reading uses, and the verbs of going
/// (flag `goal`) that only the tree reads.
#[derive(Default)]
struct Tables {
    words: crate::lexicon::LexMap<String, Lex>,
    goals: crate::lexicon::LexMap<String, Sense>,
}

/// Set `slot` to `sense`, or only when it is empty (`fill`).
fn put(slot: &mut Option<Sense>, sense: Sense, fill: bool) {
    if !fill || slot.is_none() {
        *slot = Some(sense);
    }
}

/// The verbs of a table in all their forms; with `fill`, only forms without
/// a verb reading yet.
fn add_verbs(t: &mut Tables, table: &'static str, fill: bool) {
    for cols in crate::lexicon::lines(table).map(columns) {
        let (Some(&base), Some(mut sense)) = (cols.first(), cols.get(1..).and_then(read_sense))
        else {
            continue;
        };
        sense.derived = fill;
        let flags: Vec<&str> = cols.get(3).map_or(Vec::new(), |f| f.split(',').collect());
        let irregular: Vec<&str> = match cols.get(5) {
            Some(&f) if f != "-" => f.split(',').collect(),
            _ => Vec::new(),
        };
        let which = crate::lexicon::Inflect {
            s: !flags.contains(&"no-s"),
            ed: !flags.contains(&"no-ed"),
            ing: !flags.contains(&"no-ing"),
            double: flags.contains(&"double"),
        };
        // A phrasal verb ("pass away") is found by its lemma and particle in
        // the tree: its base form alone.
        let forms = if base.contains(' ') {
            Vec::new()
        } else {
            crate::lexicon::verb_forms(base, &irregular, which)
        };
        for f in std::iter::once(base.to_owned()).chain(forms) {
            if sense.goal {
                // A form another verb reading already has keeps it.
                if t.words.get(&f).is_none_or(|l| l.verb.is_none()) {
                    t.goals.entry(f).or_insert(sense);
                }
            } else {
                put(&mut t.words.entry(f).or_default().verb, sense, fill);
            }
        }
    }
}

/// The nouns of a table in the numbers their rows give; with `fill`, only
/// forms without a noun reading yet.
fn add_nouns(map: &mut crate::lexicon::LexMap<String, Lex>, table: &'static str, fill: bool) {
    for cols in crate::lexicon::lines(table).map(columns) {
        let (Some(&base), Some(&number), Some(mut sense)) = (
            cols.first(),
            cols.get(1),
            cols.get(2..).and_then(read_sense),
        ) else {
            continue;
        };
        sense.derived = fill;
        let singular = (number != "pl").then(|| base.to_owned());
        let plural = (number != "sg").then(|| crate::lexicon::plural(base));
        for f in singular.into_iter().chain(plural) {
            put(&mut map.entry(f).or_default().noun, sense, fill);
        }
    }
}

/// Whether the possessor of a noun of type `kind` undergoes it: some noun
/// of the type in the hand-written table has the `undergoer` flag ("his
/// arrest", "her death", "his dismissal"), so a noun made from one of its
/// verbs reads the same way ("his sentencing", "her jailing"), against
/// "Russia's bombing" or "Putin's visit".
pub(super) fn possessor_undergoes(kind: EventType) -> bool {
    static KINDS: LazyLock<Vec<EventType>> = LazyLock::new(|| {
        let mut kinds = Vec::new();
        for cols in crate::lexicon::lines(NOUNS).map(columns) {
            if let Some(sense) = cols.get(2..).and_then(read_sense) {
                if sense.undergoer && !kinds.contains(&sense.kind) {
                    kinds.push(sense.kind);
                }
            }
        }
        kinds
    });
    KINDS.contains(&kind)
}

/// The longest trigger word, in bytes.
const MAX_LEN: usize = 16;

/// `word` lower-cased into `buf`, if it may be a trigger form (ASCII, at
/// most [`MAX_LEN`] bytes, at least `min`).
fn lower<'b>(word: &str, min: usize, buf: &'b mut [u8; MAX_LEN]) -> Option<&'b str> {
    if word.len() > MAX_LEN || word.len() < min || !word.is_ascii() {
        return None;
    }
    let low = &mut buf[..word.len()];
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    std::str::from_utf8(low).ok()
}

/// The readings of `word` (any case), if it is a trigger. No allocation.
pub(super) fn lookup(word: &str) -> Option<&'static Lex> {
    let mut buf = [0u8; MAX_LEN];
    LEXICON.words.get(lower(word, 3, &mut buf)?)
}

/// The particles of the phrasal triggers ("pass away", "step down").
pub(super) const PARTICLES: &[&str] = &[
    "away", "down", "up", "out", "off", "over", "in", "on", "back",
];

/// The reading of phrasal verb `lemma particle` ("pass away", "gun down"),
/// if the tables give it one.
pub(super) fn phrasal(lemma: &str, particle: &str) -> Option<Sense> {
    let mut joined = [0u8; MAX_LEN];
    let (l, p) = (lemma.as_bytes(), particle.as_bytes());
    let n = l.len() + 1 + p.len();
    if n > MAX_LEN {
        return None;
    }
    joined[..l.len()].copy_from_slice(l);
    joined[l.len()] = b' ';
    joined[l.len() + 1..n].copy_from_slice(p);
    let text = std::str::from_utf8(&joined[..n]).ok()?;
    lookup(text).and_then(|x| x.verb)
}

/// The reading of `word` (any case) as a verb of going, bringing or sending
/// ([`Sense::goal`]), if it is one and no other reading of it is a verb.
pub(super) fn goal_verb(word: &str) -> Option<Sense> {
    let mut buf = [0u8; MAX_LEN];
    LEXICON.goals.get(lower(word, 2, &mut buf)?).copied()
}

/// The `'static` CAMEO code the lexicon gives for `code` (or `072`, military
/// aid), if it gives that code at all: for documents read back from bytes or JSON.
pub(crate) fn cameo(code: &str) -> Option<&'static str> {
    static CODES: LazyLock<crate::lexicon::LexSet<&'static str>> = LazyLock::new(|| {
        let lexes = LEXICON
            .words
            .values()
            .flat_map(|l| l.verb.into_iter().chain(l.noun));
        lexes
            .chain(LEXICON.goals.values().copied())
            .map(|s| s.cameo)
            .chain(["072"])
            .filter(|&c| c != "-")
            .collect()
    });
    CODES.get(code).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_fits_the_buffer() {
        for form in LEXICON.words.keys() {
            assert!(form.len() <= MAX_LEN, "{form}");
            assert!(lookup(form).is_some(), "{form}");
        }
        for form in LEXICON.goals.keys() {
            assert!(form.len() <= MAX_LEN, "{form}");
            assert!(goal_verb(form).is_some(), "{form}");
        }
    }

    #[test]
    fn inflections_come_from_the_base_forms() {
        for form in [
            "visits",
            "visited",
            "visiting",
            "met",
            "meeting",
            "bought",
            "sold",
            "struck",
            "supplies",
            "supplied",
            "travelled",
            "traveled",
            "agreeing",
            "criticised",
        ] {
            assert!(lookup(form).is_some_and(|l| l.verb.is_some()), "{form}");
        }
        // Left out by the flags, or nouns only.
        assert!(lookup("talks").is_some_and(|l| l.verb.is_none() && l.noun.is_some()));
        assert!(lookup("landing").is_none());
        assert!(lookup("concluding").is_none());
        // Plural-only and singular-only nouns.
        assert!(lookup("sanctions").is_some_and(|l| l.noun.is_some()));
        assert!(lookup("treaty").is_some_and(|l| l.noun.is_some()));
        assert!(lookup("treaties").is_none());
        let call = lookup("called").and_then(|l| l.verb).unwrap();
        assert!(call.next_at_once && call.needs_next.contains(&"on"));
    }

    #[test]
    fn wordnet_adds_words_and_the_hand_lists_win() {
        // Words only WordNet gives, in their inflections.
        for (form, kind) in [
            ("massacred", EventType::Kill),
            ("slaughter", EventType::Kill),
            ("perished", EventType::Die),
            ("incarcerated", EventType::Arrest),
            ("shot", EventType::Attack),
        ] {
            let v = lookup(form)
                .and_then(|l| l.verb)
                .unwrap_or_else(|| panic!("{form}"));
            assert!(v.derived && v.kind == kind, "{form}");
        }
        for (form, kind) in [("genocide", EventType::Kill), ("riots", EventType::Protest)] {
            let n = lookup(form)
                .and_then(|l| l.noun)
                .unwrap_or_else(|| panic!("{form}"));
            assert!(n.derived && n.kind == kind, "{form}");
        }
        // "spoke by phone" takes the reading of the verb "phone".
        let phone = lookup("phone").and_then(|l| l.verb).unwrap();
        assert!(phone.kind == EventType::Talk && phone.cameo == "041");
        // A word of both keeps the hand-written reading.
        let kill = lookup("killed").and_then(|l| l.verb).unwrap();
        assert!(!kill.derived && kill.kind == EventType::Kill);
        // Words used more often as another part of speech stay out.
        assert!(lookup("off").is_none());
    }

    #[test]
    fn verbs_of_going_are_for_the_tree_only() {
        for form in [
            "go",
            "went",
            "moved",
            "sent",
            "brought",
            "returning",
            "entered",
        ] {
            let g = goal_verb(form).unwrap_or_else(|| panic!("{form}"));
            assert!(g.goal && g.kind == EventType::Travel, "{form}");
            // Word order never reads them.
            assert!(lookup(form).is_none_or(|l| l.verb.is_none()), "{form}");
        }
        assert!(goal_verb("left").is_some_and(|g| g.crossing));
        assert!(goal_verb("moved").is_some_and(|g| !g.crossing));
        assert!(goal_verb("sent").is_some_and(|g| g.causative));
        // A verb the hand-written table gives keeps its reading.
        assert!(goal_verb("travelled").is_none());
        assert!(lookup("travelled")
            .and_then(|l| l.verb)
            .is_some_and(|v| v.kind == EventType::Visit));
    }

    #[test]
    fn only_happenings_stand_bare() {
        for (form, lex) in &LEXICON.words {
            for sense in lex.verb.iter().chain(&lex.noun).filter(|s| s.bare) {
                assert!(sense.kind.may_stand_alone(), "{form}");
            }
        }
    }

    #[test]
    fn phrasal_rows_use_the_particles_the_tree_reads() {
        for cols in crate::lexicon::lines(VERBS_WORDNET).map(columns) {
            if let Some((verb, particle)) = cols[0].split_once(' ') {
                assert!(PARTICLES.contains(&particle), "{}", cols[0]);
                assert!(phrasal(verb, particle).is_some(), "{}", cols[0]);
            }
        }
        assert!(phrasal("pass", "away").is_some_and(|s| s.kind == EventType::Die));
        assert!(phrasal("pass", "by").is_none());
    }

    #[test]
    fn lookup_ignores_case_and_knows_both_readings() {
        let v = lookup("Visits").unwrap();
        assert!(v.verb.is_some() && v.noun.is_some());
        assert!(lookup("met").unwrap().noun.is_none());
        assert!(lookup("said").is_none());
    }
}
