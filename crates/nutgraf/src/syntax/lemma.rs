//! The lemmatizer: suffix rules learned per XPOS tag, then an exception lexicon.
//!
//! A word is first normalized: lower-cased unless it is a proper noun (UPOS
//! `PROPN`, whose lemma keeps its case). The exception lexicon maps a
//! normalized form and XPOS tag to its lemma wherever the rules get a word of
//! the training data wrong ("was" VBD → "be", "children" NNS → "child", "I"
//! PRP → "I"). Otherwise the longest suffix (up to [`MAX_SUFFIX`] characters)
//! with a rule for the tag decides an edit: strip so many characters, append a
//! string ("-ies" NNS: strip 3, append "y"; "-pped" VBD: strip 3; "-s" NNS:
//! strip 1). Rules are learned from the training data as the most frequent
//! edit of the words ending in that suffix, kept only where they differ from
//! the rule of the shorter suffix, so words never seen get the regular
//! inflections of their class (-s/-es/-ies, -ed/-ied with doubled consonants,
//! -ing, -er/-est).
//!
//! Lookups are by 64-bit hash of the tag and characters (no string built), and
//! a lemma is borrowed from the word or the lexicon whenever it can be.
//!
//! ## File format
//!
//! `u32` rule count, each `u8` XPOS id, suffix (`u16` length + UTF-8), `u8`
//! characters to strip, appended string; `u32` exception count, each `u8` XPOS
//! id, normalized form, lemma. Both in increasing order.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::tagger::{put_str, put_u32, Reader};
use super::Upos;

/// Edits (characters to strip, string to append) counted per (XPOS, suffix length, suffix).
type SuffixEdits = BTreeMap<(u8, usize, String), BTreeMap<(usize, String), u32>>;
use crate::entities::features::{Fx, IdBuild};

/// Longest suffix a rule looks at, in characters.
pub const MAX_SUFFIX: usize = 6;

/// Suffix rules and exceptions; see the [module](self).
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    rules: HashMap<u64, (u8, Box<str>), IdBuild>,
    exceptions: HashMap<u64, Box<str>, IdBuild>,
    /// Sorted `(xpos, suffix, strip, append)`.
    rule_list: Vec<(u8, String, u8, String)>,
    /// Sorted `(xpos, form, lemma)`.
    exception_list: Vec<(u8, String, String)>,
}

#[inline]
fn norm(c: char, proper: bool) -> char {
    if proper {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn rule_key(xpos: u8, rev_suffix: impl Iterator<Item = char>) -> u64 {
    let mut h = Fx::new(0x71).add(u64::from(xpos));
    let mut k = 0u64;
    for c in rev_suffix {
        h = h.add(u64::from(c));
        k += 1;
    }
    h.add(k).value()
}

fn form_key(xpos: u8, form: impl Iterator<Item = char>) -> u64 {
    let mut h = Fx::new(0x72).add(u64::from(xpos));
    for c in form {
        h = h.add(u64::from(c));
    }
    h.value()
}

/// The edit turning `form` into `lemma`: characters to strip, string to append.
fn edit(form: &str, lemma: &str) -> (usize, String) {
    let common = form
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = form.chars().count() - common;
    (strip, lemma.chars().skip(common).collect())
}

fn apply(form: &str, strip: usize, append: &str) -> String {
    let n = form.chars().count();
    if strip > n {
        return form.to_string();
    }
    let mut s: String = form.chars().take(n - strip).collect();
    s.push_str(append);
    s
}

fn normalized(form: &str, upos: Upos) -> String {
    let proper = upos == Upos::Propn;
    form.chars().map(|c| norm(c, proper)).collect()
}

impl Lemmatizer {
    /// The lemma of `form` tagged `upos` and XPOS id `xpos`.
    pub fn lemma<'a>(&'a self, form: &'a str, upos: Upos, xpos: u16) -> Cow<'a, str> {
        let proper = upos == Upos::Propn;
        let x = xpos as u8;
        let mapped = form.chars().map(|c| norm(c, proper));
        if let Some(lemma) = self.exceptions.get(&form_key(x, mapped.clone())) {
            return Cow::Borrowed(lemma);
        }
        // The last characters, in a ring.
        let mut last = ['\0'; MAX_SUFFIX];
        let mut n = 0usize;
        for c in mapped.clone() {
            last[n % MAX_SUFFIX] = c;
            n += 1;
        }
        // The rule keys of the suffixes of every length (`rule_key`, one
        // character more each), tried longest first.
        let longest = n.min(MAX_SUFFIX);
        let mut keys = [0u64; MAX_SUFFIX + 1];
        let mut hash = Fx::new(0x71).add(u64::from(x));
        keys[0] = hash.add(0).value();
        for len in 1..=longest {
            hash = hash.add(u64::from(last[(n - len) % MAX_SUFFIX]));
            keys[len] = hash.add(len as u64).value();
        }
        let rule = keys[..=longest]
            .iter()
            .rev()
            .find_map(|key| self.rules.get(key));
        let (strip, append) = match rule {
            Some((s, a)) if usize::from(*s) <= n => (usize::from(*s), &**a),
            _ => (0, ""),
        };
        if strip == 0 && append.is_empty() && mapped.clone().eq(form.chars()) {
            return Cow::Borrowed(form);
        }
        let mut s: String = mapped.take(n - strip).collect();
        s.push_str(append);
        Cow::Owned(s)
    }

    /// Learn rules and exceptions from `(form, upos, xpos id, lemma)` words.
    pub fn learn<'w>(words: impl IntoIterator<Item = (&'w str, Upos, u8, &'w str)>) -> Lemmatizer {
        // (xpos, normalized form) -> lemma -> count
        let mut forms: BTreeMap<(u8, String), BTreeMap<String, u32>> = BTreeMap::new();
        for (form, upos, x, lemma) in words {
            if lemma == "_" {
                continue;
            }
            *forms
                .entry((x, normalized(form, upos)))
                .or_default()
                .entry(lemma.to_string())
                .or_default() += 1;
        }
        // (xpos, suffix length, suffix) -> (strip, append) -> count
        // Rules are inflection, not case: a lower-cased form learns its edit
        // against the lower-cased lemma ("ROM" NN -> "ROM" would otherwise teach
        // "-rom" -> "-ROM" and give "gazpROM"); what case a lemma keeps is the
        // exception lexicon's to say.
        let mut suffixes: SuffixEdits = BTreeMap::new();
        for ((x, form), lemmas) in &forms {
            let chars: Vec<char> = form.chars().collect();
            let lower_form = !form.chars().any(char::is_uppercase);
            for (lemma, &count) in lemmas {
                let e = if lower_form {
                    edit(form, &lemma.to_lowercase())
                } else {
                    edit(form, lemma)
                };
                for k in 0..=chars.len().min(MAX_SUFFIX) {
                    let suffix: String = chars[chars.len() - k..].iter().collect();
                    *suffixes
                        .entry((*x, k, suffix))
                        .or_default()
                        .entry(e.clone())
                        .or_default() += count;
                }
            }
        }
        let mut kept: HashMap<(u8, String), (usize, String)> = HashMap::new();
        let mut by_len: Vec<_> = suffixes.into_iter().collect();
        by_len.sort_by(|a, b| (a.0 .1, a.0 .0, &a.0 .2).cmp(&(b.0 .1, b.0 .0, &b.0 .2)));
        let mut rule_list = Vec::new();
        for ((x, k, suffix), edits) in by_len {
            let total: u32 = edits.values().sum();
            let best = edits
                .iter()
                .fold(None::<(&(usize, String), u32)>, |b, (e, &c)| match b {
                    Some((_, bc)) if bc >= c => b,
                    _ => Some((e, c)),
                })
                .map(|b| b.0.clone())
                .unwrap_or_default();
            let chars: Vec<char> = suffix.chars().collect();
            let parent = (0..k).rev().find_map(|j| {
                let s: String = chars[k - j..].iter().collect();
                kept.get(&(x, s))
            });
            let keep = if k == 0 {
                best != (0, String::new())
            } else {
                total >= 2 && Some(&best) != parent.or(Some(&(0, String::new())))
            };
            if keep && best.0 <= 255 {
                rule_list.push((x, suffix.clone(), best.0 as u8, best.1.clone()));
                kept.insert((x, suffix), best);
            }
        }
        rule_list.sort();
        let mut lem = Lemmatizer::from_lists(rule_list, Vec::new());
        let mut exception_list = Vec::new();
        for ((x, form), lemmas) in &forms {
            let best = lemmas
                .iter()
                .fold(None::<(&String, u32)>, |b, (l, &c)| match b {
                    Some((_, bc)) if bc >= c => b,
                    _ => Some((l, c)),
                });
            let Some((lemma, _)) = best else { continue };
            let (strip, append) = lem.rule_for(*x, form);
            if apply(form, strip, &append) != *lemma {
                exception_list.push((*x, form.clone(), lemma.clone()));
            }
        }
        let rules = std::mem::take(&mut lem.rule_list);
        Lemmatizer::from_lists(rules, exception_list)
    }

    fn rule_for(&self, x: u8, form: &str) -> (usize, String) {
        let chars: Vec<char> = form.chars().collect();
        for k in (0..=chars.len().min(MAX_SUFFIX)).rev() {
            let key = rule_key(x, chars[chars.len() - k..].iter().rev().copied());
            if let Some((s, a)) = self.rules.get(&key) {
                return (usize::from(*s), a.to_string());
            }
        }
        (0, String::new())
    }

    fn from_lists(
        rule_list: Vec<(u8, String, u8, String)>,
        exception_list: Vec<(u8, String, String)>,
    ) -> Lemmatizer {
        let mut rules = HashMap::with_capacity_and_hasher(rule_list.len(), IdBuild::default());
        for (x, suffix, strip, append) in &rule_list {
            let chars: Vec<char> = suffix.chars().collect();
            rules.insert(
                rule_key(*x, chars.iter().rev().copied()),
                (*strip, append.clone().into_boxed_str()),
            );
        }
        let mut exceptions =
            HashMap::with_capacity_and_hasher(exception_list.len(), IdBuild::default());
        for (x, form, lemma) in &exception_list {
            exceptions.insert(form_key(*x, form.chars()), lemma.clone().into_boxed_str());
        }
        Lemmatizer {
            rules,
            exceptions,
            rule_list,
            exception_list,
        }
    }

    /// Number of suffix rules and of exceptions.
    pub fn sizes(&self) -> (usize, usize) {
        (self.rule_list.len(), self.exception_list.len())
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u32(out, self.rule_list.len() as u32);
        for (x, suffix, strip, append) in &self.rule_list {
            out.push(*x);
            put_str(out, suffix);
            out.push(*strip);
            put_str(out, append);
        }
        put_u32(out, self.exception_list.len() as u32);
        for (x, form, lemma) in &self.exception_list {
            out.push(*x);
            put_str(out, form);
            put_str(out, lemma);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>, tags: usize) -> Result<Lemmatizer, String> {
        let check = |x: u8| {
            if usize::from(x) < tags {
                Ok(x)
            } else {
                Err("lemma rule tag out of range".to_string())
            }
        };
        let n = r.u32()? as usize;
        let mut rules = Vec::with_capacity(n);
        for _ in 0..n {
            let x = check(r.u8()?)?;
            let suffix = r.string()?;
            let strip = r.u8()?;
            rules.push((x, suffix, strip, r.string()?));
        }
        let n = r.u32()? as usize;
        let mut exceptions = Vec::with_capacity(n);
        for _ in 0..n {
            let x = check(r.u8()?)?;
            let form = r.string()?;
            exceptions.push((x, form, r.string()?));
        }
        Ok(Lemmatizer::from_lists(rules, exceptions))
    }
}
