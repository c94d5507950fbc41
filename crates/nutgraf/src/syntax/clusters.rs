//! Word clusters: a class for each of 124,000 English word forms, learned from
//! a large corpus of unannotated text by Brown clustering, so that the tagger
//! and the parser can generalize from the words of the treebank to words that
//! behave like them ("Beijing" and "Russia", "visited" and "toured").
//!
//! The classes come from `en_lexeme_cluster` of the `spacy-lookups-data`
//! package (version 1.0.5, MIT licence; its copyright notice is in
//! `data/syntax/CLUSTERS-LICENSE`): 1,000 Brown clusters over a million word
//! forms. `nutgraf-eval build-clusters` turns that table into
//! `data/syntax/clusters.tsv` (one `form TAB class` a line), keeping the forms
//! that have a class and dropping a capitalized form whose lower-cased form has
//! the same class (the lookup falls back to it). A class is the integer of the
//! cluster's bit path as that table gives it (leading zeros lost, so only the
//! whole class and its first six bits with their number are features; for a
//! path that began with zeros those bits are not a prefix of the path).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::entities::features::{Fx, IdBuild};

/// Seed of the hash of a word form in the table (the same as the tagger's
/// exact-form hash, so a word is hashed once).
pub(crate) const FORM_SEED: u64 = 0x51;

/// The hash of a word form as the table keys it.
pub(crate) fn form_hash(form: &str) -> u64 {
    form.chars()
        .fold(Fx::new(FORM_SEED), |h, c| h.add(u64::from(c)))
        .value()
}

/// The lower-cased character the tagger's word features use (the first
/// character of its lower case).
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Word classes by the hash of the word form.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: HashMap<u64, u32, IdBuild>,
}

static SHIPPED: LazyLock<Clusters> = LazyLock::new(|| {
    Clusters::parse(include_str!("../../data/syntax/clusters.tsv"))
        .expect("the shipped cluster table is valid (checked by a test)")
});

impl Clusters {
    /// The shipped table, read once on first use.
    pub fn global() -> &'static Clusters {
        &SHIPPED
    }

    /// Read a table of `form TAB class` lines; of two lines with the same
    /// form, the first counts.
    ///
    /// # Errors
    /// A line without a tab or with a class that is not a positive integer.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let mut map = HashMap::with_capacity_and_hasher(text.len() / 12, IdBuild::default());
        for (n, line) in text.lines().enumerate() {
            let (form, class) = line
                .split_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let class: u32 = class.parse().ok().filter(|&c| c > 0).ok_or_else(|| {
                format!("line {}: class {class:?} is not a positive integer", n + 1)
            })?;
            map.entry(form_hash(form)).or_insert(class);
        }
        Ok(Clusters { map })
    }

    /// The text of a table (`form TAB class` lines, in the order given) from
    /// `(form, class)` pairs such as those of a Brown clustering: keeps forms
    /// with a class above 0, with no tab, line break or surrounding space,
    /// and drops a form whose lower-cased form is listed with the same class
    /// (the lookup falls back to it).
    pub fn table_text<'a>(pairs: &[(&'a str, u32)]) -> String {
        let usable = |form: &str| {
            !form.is_empty() && form.trim() == form && !form.contains(['\t', '\n', '\r'])
        };
        let classes: HashMap<&'a str, u32> = pairs
            .iter()
            .filter(|&&(form, class)| class > 0 && usable(form))
            .map(|&(form, class)| (form, class))
            .collect();
        let mut out = String::new();
        for &(form, class) in pairs {
            if classes.get(form) != Some(&class) {
                continue;
            }
            let lower: String = form.chars().map(lower_char).collect();
            if lower != form && classes.get(lower.as_str()) == Some(&class) {
                continue;
            }
            out.push_str(form);
            out.push('\t');
            out.push_str(&class.to_string());
            out.push('\n');
        }
        out
    }

    /// Number of word forms with a class.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The class of a word form, or of its lower-cased form: takes the
    /// [`form_hash`] of both.
    #[inline]
    pub(crate) fn class_of_hashes(&self, exact: u64, lower: u64) -> Option<u32> {
        self.map
            .get(&exact)
            .or_else(|| self.map.get(&lower))
            .copied()
    }

    /// The class of a word form (or of its lower-cased form), if it has one.
    pub fn class(&self, form: &str) -> Option<u32> {
        let lower: String = form.chars().map(lower_char).collect();
        self.class_of_hashes(form_hash(form), form_hash(&lower))
    }
}
