//! A reader of CoNLL-U files: the syntactic words of each sentence with their
//! gold tags and lemma.
//!
//! Comment lines are skipped, and so are multiword-token ranges (`1-2`) and
//! empty nodes (`1.1`): the words are the syntactic words.

use super::Upos;

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// The word form (column 2).
    pub form: String,
    /// The lemma (column 3).
    pub lemma: String,
    /// The universal part of speech (column 4).
    pub upos: Upos,
    /// The language-specific part of speech (column 5; Penn tags in EWT).
    pub xpos: String,
    /// The head (column 7): the 1-based index of the head word in the
    /// sentence's syntactic words, 0 for the root.
    pub head: usize,
    /// The dependency relation (column 8), with its subtype ("nsubj:pass").
    pub deprel: String,
}

/// The sentences of a CoNLL-U text, each a list of its syntactic words.
///
/// # Errors
///
/// A word line with fewer than five columns or an unknown UPOS tag, with its
/// line number.
pub fn read_conllu(text: &str) -> Result<Vec<Vec<GoldWord>>, String> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let (Some(form), Some(lemma), Some(upos), Some(xpos)) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(format!("line {}: fewer than five columns", n + 1));
        };
        let _feats = cols.next();
        let head = match cols.next() {
            None | Some("_") => 0,
            Some(h) => h
                .parse()
                .map_err(|_| format!("line {}: head {h:?} is not a number", n + 1))?,
        };
        let deprel = cols.next().unwrap_or("_").to_string();
        let upos = Upos::from_name(upos)
            .ok_or_else(|| format!("line {}: unknown UPOS {upos:?}", n + 1))?;
        current.push(GoldWord {
            form: form.to_string(),
            lemma: lemma.to_string(),
            upos,
            xpos: xpos.to_string(),
            head,
            deprel,
        });
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    for (k, s) in sentences.iter_mut().enumerate() {
        let n = s.len();
        for w in s.iter_mut() {
            if w.head > n {
                // Heads point into the syntactic words; empty nodes and ranges
                // do not count. A head past the end is an error in the file.
                return Err(format!(
                    "sentence {}: head {} past its {n} words",
                    k + 1,
                    w.head
                ));
            }
        }
    }
    Ok(sentences)
}
