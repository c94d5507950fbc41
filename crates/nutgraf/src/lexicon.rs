//! Word lists shipped as data (`data/lexicons/`), read once per process.
//!
//! A list is a `.txt` file (one lower-case entry a line) or a `.tsv` file (an
//! entry and its columns, tab-separated); `#` starts a comment line. See the
//! folder's README for what each file lists and which stage reads it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A `.txt` list, read on first use.
pub(crate) type WordList = LazyLock<Vec<&'static str>>;

/// A `.txt` list as a set, read on first use: for lists looked up per word.
pub(crate) type WordSet = LazyLock<HashSet<&'static str>>;

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
    fn tables_keep_their_columns() {
        let t = table(include_str!("../data/lexicons/pronouns.tsv"));
        assert_eq!(t["him"], ["m", "obj"]);
        assert!(words(include_str!("../data/lexicons/leader_words.txt")).contains(&"president"));
    }
}
