//! Word lists shipped as data (`data/lexicons/`), read once per process.
//!
//! A list is a `.txt` file (one lower-case entry a line) or a `.tsv` file (an
//! entry and its columns, tab-separated); `#` starts a comment line. See the
//! folder's README for what each file lists and which stage reads it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A `.txt` list, read on first use.
pub(crate) type WordList = LazyLock<Vec<&'static str>>;

/// The hasher of the lexicons' maps and sets: foldhash with a fixed seed.
/// Their keys are fixed when the crate is built and looked up per word of the
/// input, so a fast hash pays (`SipHash` cost 5% of a parse) and a fixed seed
/// is safe (a lookup cannot add colliding keys). Maps keyed by the input
/// itself keep a randomly seeded hash.
pub(crate) type LexHash = foldhash::fast::FixedState;

/// A map of a shipped lexicon (see [`LexHash`]).
pub(crate) type LexMap<K, V> = HashMap<K, V, LexHash>;

/// A set of a shipped lexicon (see [`LexHash`]).
pub(crate) type LexSet<K> = HashSet<K, LexHash>;

/// A `.txt` list as a set, read on first use: for lists looked up per word.
pub(crate) type WordSet = LazyLock<LexSet<&'static str>>;

/// The text of a file of `data/lexicons/`, compiled in.
macro_rules! lexicon_file {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/lexicons/",
            $file
        ))
    };
}
pub(crate) use lexicon_file;

/// The [`WordList`] of a file of `data/lexicons/`:
/// `static SPEECH: WordList = word_list!("event_speech.txt");`.
macro_rules! word_list {
    ($file:literal) => {
        std::sync::LazyLock::new(|| $crate::lexicon::words($crate::lexicon::lexicon_file!($file)))
    };
}
pub(crate) use word_list;

/// The [`WordSet`] of a file of `data/lexicons/`.
macro_rules! word_set {
    ($file:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::lexicon::words($crate::lexicon::lexicon_file!($file))
                .into_iter()
                .collect()
        })
    };
}
pub(crate) use word_set;

/// The entries of a `.txt` list, in file order.
pub(crate) fn words(src: &'static str) -> Vec<&'static str> {
    lines(src)
        .map(|l| l.split('\t').next().unwrap_or(l))
        .collect()
}

/// The rows of a `.tsv` list: its first column mapped to the others.
pub(crate) fn table(src: &'static str) -> LexMap<&'static str, Vec<&'static str>> {
    lines(src)
        .map(|l| {
            let mut cols = l.split('\t').map(str::trim);
            let key = cols.next().unwrap_or("");
            (key, cols.collect())
        })
        .collect()
}

/// The nouns of `quote_nouns_wordnet.tsv` (made from WordNet 3.0) whose
/// most frequent sense is in one of these lexicographer files (`person`,
/// `group`, `communication`, `cognition`).
pub(crate) fn wordnet_nouns(files: &[&str]) -> LexSet<&'static str> {
    table(lexicon_file!("quote_nouns_wordnet.tsv"))
        .into_iter()
        .filter(|(_, cols)| cols.first().is_some_and(|f| files.contains(f)))
        .map(|(noun, _)| noun)
        .collect()
}

/// Words after a person's name that tell a parent from a child of the same
/// name ("Jr.", "III"): `data/lexicons/corpus_generational_suffixes.txt`, read
/// by document resolution and the corpus.
pub(crate) static GENERATIONAL: WordSet = word_set!("corpus_generational_suffixes.txt");

/// Nouns of communication and cognition from WordNet ("plan", "policy",
/// "statement", "idea"): what is said or thought.
pub(crate) static IDEA_NOUNS: WordSet =
    LazyLock::new(|| wordnet_nouns(&["communication", "cognition"]));

/// Verbs one of whose two most frequent senses in WordNet is a verb of
/// communication (`quote_verbs_wordnet.tsv`: "attack" as "attack in speech
/// or writing", "criticize", "savage"; not "strike" or "bomb").
pub(crate) static SAYING_VERBS: WordSet = LazyLock::new(|| {
    table(lexicon_file!("quote_verbs_wordnet.tsv"))
        .into_iter()
        .filter(|(_, cols)| cols.first() == Some(&"communication"))
        .map(|(verb, _)| verb)
        .collect()
});

/// Nouns of persons and groups from WordNet ("expert", "committee"): someone
/// who can speak, meet or act.
pub(crate) static AGENT_NOUNS: LazyLock<LexSet<&'static str>> =
    LazyLock::new(|| wordnet_nouns(&["person", "group"]));

/// What a noun that never names someone who acts may be instead: WordNet
/// has no sense of it that is a person, a group, a place or an animal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Thing {
    /// Neither of the others ("promise", "pollutant", "attack" as an act).
    Plain,
    /// A sense is a communication ("report", "statement"): its authors speak
    /// through it.
    Communication,
    /// A sense is a made thing ("car", "bomb"): it moves people or harms them.
    Artifact,
    /// Both a communication and a made thing ("book", "letter").
    Both,
}

/// The nouns of `event_thing_nouns_wordnet.tsv` (made from WordNet 3.0)
/// with what they may be.
pub(crate) static THING_NOUNS: LazyLock<LexMap<&'static str, Thing>> = LazyLock::new(|| {
    lines(lexicon_file!("event_thing_nouns_wordnet.tsv"))
        .map(|l| {
            let (noun, kind) = l.split_once('\t').unwrap_or((l, ""));
            let kind = match kind.trim() {
                "communication" => Thing::Communication,
                "artifact" => Thing::Artifact,
                "both" => Thing::Both,
                _ => Thing::Plain,
            };
            (noun.trim(), kind)
        })
        .collect()
});

pub(crate) fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// The base without its last `n` characters (ASCII lists: bytes).
fn cut(base: &str, n: usize) -> &str {
    base.get(..base.len().saturating_sub(n)).unwrap_or(base)
}

/// Whether spelling doubles the final consonant of `base` before -ed and
/// -ing: one syllable ending consonant, single vowel, consonant other than
/// w, x, y ("stop", "ship"; not "meet", "visit", "sign").
fn doubles(base: &str) -> bool {
    let c: Vec<char> = base.chars().collect();
    let syllables = c
        .iter()
        .enumerate()
        .filter(|&(i, &x)| is_vowel(x) && (i == 0 || !is_vowel(c[i - 1])))
        .count();
    match c.as_slice() {
        [.., a, v, z] => {
            syllables == 1
                && !is_vowel(*a)
                && is_vowel(*v)
                && !is_vowel(*z)
                && !matches!(z, 'w' | 'x' | 'y')
        }
        _ => false,
    }
}

/// The plural (or third person singular) of a lower-case English base by
/// the rules of spelling: "-s", "-es" after a sibilant ("reaches"), "-ies"
/// after a consonant and "y" ("supplies").
pub(crate) fn plural(base: &str) -> String {
    let last2: Vec<char> = base.chars().rev().take(2).collect();
    match last2.as_slice() {
        ['y', c, ..] if !is_vowel(*c) => format!("{}ies", cut(base, 1)),
        ['s' | 'x' | 'z', ..] | ['h', 'c' | 's', ..] => format!("{base}es"),
        _ => format!("{base}s"),
    }
}

/// Which inflections [`verb_forms`] makes.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent switches
pub(crate) struct Inflect {
    /// The -s form.
    pub s: bool,
    /// The -ed forms (unless irregular forms replace them).
    pub ed: bool,
    /// The -ing form.
    pub ing: bool,
    /// The doubled final consonant as well ("travelled" beside "traveled").
    pub double: bool,
}

/// The inflected forms of a lower-case English verb by the rules of
/// spelling ("accuse": "accuses", "accused", "accusing"; "supply":
/// "supplies", "supplied", "supplying"; "stop": "stopped"), with `irregular`
/// past forms in place of "-ed" when there are any ("meet": "met").
pub(crate) fn verb_forms(base: &str, irregular: &[&str], which: Inflect) -> Vec<String> {
    let mut out = Vec::new();
    if which.s {
        out.push(plural(base));
    }
    let last = base.chars().last().unwrap_or(' ');
    let before = base.chars().rev().nth(1).unwrap_or(' ');
    let doubled = format!("{base}{last}");
    let double = doubles(base);
    if which.ed {
        if irregular.is_empty() {
            if last == 'e' {
                out.push(format!("{base}d"));
            } else if last == 'y' && !is_vowel(before) {
                out.push(format!("{}ied", cut(base, 1)));
            } else {
                if !double {
                    out.push(format!("{base}ed"));
                }
                if double || which.double {
                    out.push(format!("{doubled}ed"));
                }
            }
        } else {
            out.extend(irregular.iter().map(|f| (*f).to_owned()));
        }
    }
    if which.ing {
        if base.ends_with("ie") {
            // "die": "dying".
            out.push(format!("{}ying", cut(base, 2)));
        } else if last == 'e' && !matches!(before, 'e' | 'y' | 'o') {
            out.push(format!("{}ing", cut(base, 1)));
        } else {
            if !double {
                out.push(format!("{base}ing"));
            }
            if double || which.double {
                out.push(format!("{doubled}ing"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped list: file name and text.
    fn all() -> Vec<(String, &'static str)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons");
        let mut out: Vec<(String, &'static str)> = std::fs::read_dir(dir)
            .expect("data/lexicons")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "tsv"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("readable list");
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, &*Box::leak(text.into_boxed_str()))
            })
            .collect();
        out.sort();
        assert!(out.len() >= 10);
        out
    }

    #[test]
    fn no_entry_is_listed_twice_and_all_are_lower_case() {
        for (name, src) in all() {
            let mut seen = HashSet::new();
            for entry in words(src) {
                assert!(seen.insert(entry), "{name}: {entry:?} is listed twice");
                assert_eq!(
                    entry,
                    entry.to_lowercase(),
                    "{name}: {entry:?} is not lower-case"
                );
                assert_eq!(
                    entry,
                    entry.trim(),
                    "{name}: {entry:?} has spaces around it"
                );
            }
            assert!(!seen.is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn every_list_is_in_the_readme() {
        let readme = include_str!("../data/lexicons/README.md");
        for (name, _) in all() {
            assert!(
                readme.contains(&format!("`{name}`")),
                "{name} is not in data/lexicons/README.md"
            );
        }
    }

    #[test]
    fn english_inflections() {
        let all = Inflect {
            s: true,
            ed: true,
            ing: true,
            double: false,
        };
        assert_eq!(
            verb_forms("accuse", &[], all),
            ["accuses", "accused", "accusing"]
        );
        assert_eq!(
            verb_forms("supply", &[], all),
            ["supplies", "supplied", "supplying"]
        );
        assert_eq!(
            verb_forms("reach", &[], all),
            ["reaches", "reached", "reaching"]
        );
        assert_eq!(
            verb_forms("agree", &[], all),
            ["agrees", "agreed", "agreeing"]
        );
        assert_eq!(
            verb_forms("stop", &[], all),
            ["stops", "stopped", "stopping"]
        );
        assert_eq!(
            verb_forms("visit", &[], all),
            ["visits", "visited", "visiting"]
        );
        assert_eq!(
            verb_forms("meet", &["met"], all),
            ["meets", "met", "meeting"]
        );
        let both = Inflect {
            double: true,
            ..all
        };
        assert_eq!(
            verb_forms("travel", &[], both),
            [
                "travels",
                "traveled",
                "travelled",
                "traveling",
                "travelling"
            ]
        );
        assert_eq!(verb_forms("die", &[], all), ["dies", "died", "dying"]);
        assert_eq!(plural("delivery"), "deliveries");
        assert_eq!(plural("day"), "days");
        assert_eq!(plural("tax"), "taxes");
    }

    #[test]
    fn tables_keep_their_columns() {
        let t = table(include_str!("../data/lexicons/pronouns.tsv"));
        assert_eq!(t["him"], ["m", "obj"]);
        assert!(words(include_str!("../data/lexicons/leader_words.txt")).contains(&"president"));
    }
}
