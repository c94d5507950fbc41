//! Word lists shipped as data (`data/lexicons/`), read once per process.
//!
//! A list is a `.txt` file (one lower-case entry a line) or a `.tsv` file (an
//! entry and its columns, tab-separated); `#` starts a comment line. See the
//! folder's README for what each file lists and which stage reads it.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A `.txt` list, read on first use.
pub(crate) type WordList = LazyLock<Vec<&'static str>>;

/// The [`WordList`] of a file of `data/lexicons/`:
/// `static SPEECH: WordList = word_list!("event_speech.txt");`.
macro_rules! word_list {
    ($file:literal) => {
        std::sync::LazyLock::new(|| {
            $crate::lexicon::words(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/lexicons/",
                $file
            )))
        })
    };
}
pub(crate) use word_list;

/// The entries of a `.txt` list, in file order.
pub(crate) fn words(src: &'static str) -> Vec<&'static str> {
    lines(src)
        .map(|l| l.split('\t').next().unwrap_or(l))
        .collect()
}

/// The rows of a `.tsv` list: its first column mapped to the others.
pub(crate) fn table(src: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    lines(src)
        .map(|l| {
            let mut cols = l.split('\t').map(str::trim);
            let key = cols.next().unwrap_or("");
            (key, cols.collect())
        })
        .collect()
}

fn lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Every shipped list, by file name, for the checks below.
#[cfg(test)]
pub(crate) const ALL: &[(&str, &str)] = &[
    (
        "pronouns.tsv",
        include_str!("../data/lexicons/pronouns.tsv"),
    ),
    (
        "gendered_words.tsv",
        include_str!("../data/lexicons/gendered_words.tsv"),
    ),
    (
        "group_nouns.tsv",
        include_str!("../data/lexicons/group_nouns.tsv"),
    ),
    (
        "leader_words.txt",
        include_str!("../data/lexicons/leader_words.txt"),
    ),
    (
        "event_determiners.txt",
        include_str!("../data/lexicons/event_determiners.txt"),
    ),
    (
        "event_prepositions.txt",
        include_str!("../data/lexicons/event_prepositions.txt"),
    ),
    (
        "event_subordinators.txt",
        include_str!("../data/lexicons/event_subordinators.txt"),
    ),
    (
        "event_verb_group.txt",
        include_str!("../data/lexicons/event_verb_group.txt"),
    ),
    (
        "event_intent.txt",
        include_str!("../data/lexicons/event_intent.txt"),
    ),
    (
        "event_negations.txt",
        include_str!("../data/lexicons/event_negations.txt"),
    ),
    (
        "event_planned_modifiers.txt",
        include_str!("../data/lexicons/event_planned_modifiers.txt"),
    ),
    (
        "event_expected.txt",
        include_str!("../data/lexicons/event_expected.txt"),
    ),
    (
        "event_possible.txt",
        include_str!("../data/lexicons/event_possible.txt"),
    ),
    (
        "event_stops.txt",
        include_str!("../data/lexicons/event_stops.txt"),
    ),
    (
        "event_request.txt",
        include_str!("../data/lexicons/event_request.txt"),
    ),
    (
        "event_speech.txt",
        include_str!("../data/lexicons/event_speech.txt"),
    ),
    (
        "event_light_verbs.txt",
        include_str!("../data/lexicons/event_light_verbs.txt"),
    ),
    (
        "attribution_phrase_enders.txt",
        include_str!("../data/lexicons/attribution_phrase_enders.txt"),
    ),
    (
        "attribution_source_verbs.txt",
        include_str!("../data/lexicons/attribution_source_verbs.txt"),
    ),
    (
        "attribution_document_nouns.txt",
        include_str!("../data/lexicons/attribution_document_nouns.txt"),
    ),
    (
        "attribution_as_verbs.txt",
        include_str!("../data/lexicons/attribution_as_verbs.txt"),
    ),
    (
        "attribution_subordinators.txt",
        include_str!("../data/lexicons/attribution_subordinators.txt"),
    ),
    (
        "attribution_determiners.txt",
        include_str!("../data/lexicons/attribution_determiners.txt"),
    ),
    (
        "attribution_prepositions.txt",
        include_str!("../data/lexicons/attribution_prepositions.txt"),
    ),
    (
        "attribution_source_people.txt",
        include_str!("../data/lexicons/attribution_source_people.txt"),
    ),
    (
        "attribution_leads.txt",
        include_str!("../data/lexicons/attribution_leads.txt"),
    ),
    (
        "quote_pronouns.txt",
        include_str!("../data/lexicons/quote_pronouns.txt"),
    ),
    (
        "quote_stems.txt",
        include_str!("../data/lexicons/quote_stems.txt"),
    ),
    (
        "quote_stance_verbs.txt",
        include_str!("../data/lexicons/quote_stance_verbs.txt"),
    ),
    (
        "quote_complement_nouns.txt",
        include_str!("../data/lexicons/quote_complement_nouns.txt"),
    ),
    (
        "quote_to_verbs.txt",
        include_str!("../data/lexicons/quote_to_verbs.txt"),
    ),
    (
        "quote_cues.tsv",
        include_str!("../data/lexicons/quote_cues.tsv"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_entry_is_listed_twice_and_all_are_lower_case() {
        for (name, src) in ALL {
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
    fn every_list_is_in_the_readme_and_every_file_is_checked() {
        let readme = include_str!("../data/lexicons/README.md");
        for (name, _) in ALL {
            assert!(
                readme.contains(name),
                "{name} is not in data/lexicons/README.md"
            );
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicons");
        for entry in std::fs::read_dir(dir).expect("data/lexicons") {
            let file = entry.expect("entry").file_name();
            let file = file.to_string_lossy();
            if file.ends_with(".txt") || file.ends_with(".tsv") {
                assert!(
                    ALL.iter().any(|(n, _)| *n == file),
                    "{file} is not in lexicon::ALL"
                );
            }
        }
    }

    #[test]
    fn tables_keep_their_columns() {
        let t = table(include_str!("../data/lexicons/pronouns.tsv"));
        assert_eq!(t["him"], ["m", "obj"]);
        assert!(words(include_str!("../data/lexicons/leader_words.txt")).contains(&"president"));
    }
}
