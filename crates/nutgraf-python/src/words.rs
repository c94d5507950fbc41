//! `Word` and `analyze_words`: the syntax of a document's words, or of a list of
//! words given as one sentence.
//!
//! Offsets are code-point indices: into the document's original input, or for
//! `analyze_words` into the words joined by single spaces.

use nutgraf::syntax::{Analyzed, Syntax};
use nutgraf::CharOffsets;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use crate::convert::extract_str;
use crate::detach::run_detached;
use crate::document::{repr_str, repr_text};
use crate::errors::{invalid_input, invalid_item, Item};

/// The most words `analyze_words` takes in one call: a sentence, not a document.
pub(crate) const MAX_ANALYZE_WORDS: usize = 10_000;

/// A word with its syntax. `text == source[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Word")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyWord {
    text: String,
    start: usize,
    end: usize,
    lemma: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    upos: crate::pickle::StaticStr,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    xpos: crate::pickle::StaticStr,
    head: Option<usize>,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    deprel: crate::pickle::StaticStr,
}

impl PyWord {
    /// Convert a word of `doc`; `co` indexes `doc.text`.
    pub(crate) fn new(w: &nutgraf::Word, doc: &nutgraf::Document, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(w.span);
        PyWord {
            text: doc.slice(w.span).to_owned(),
            start,
            end,
            lemma: w.lemma.to_string(),
            upos: w.upos.as_str(),
            xpos: w.xpos,
            head: w.head,
            deprel: w.deprel,
        }
    }

    /// Convert an analysed word given as `text`, found at code points `start..`.
    fn analyzed(text: &str, start: usize, a: Analyzed<'_, 'static>) -> Self {
        PyWord {
            text: text.to_owned(),
            start,
            end: start + text.chars().count(),
            lemma: a.lemma.into_owned(),
            upos: a.upos.as_str(),
            xpos: a.xpos,
            head: a.head,
            deprel: a.deprel,
        }
    }

    /// Every word of `words`, converted.
    pub(crate) fn all(words: &[nutgraf::Word], doc: &nutgraf::Document) -> Vec<PyWord> {
        if words.is_empty() {
            return Vec::new();
        }
        let co = CharOffsets::new(&doc.text);
        words.iter().map(|w| PyWord::new(w, doc, &co)).collect()
    }
}

#[pymethods]
impl PyWord {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let head = self
            .head
            .map_or_else(|| "None".to_owned(), |h| h.to_string());
        Ok(format!(
            "<Word text={} start={} end={} lemma={} upos={} xpos={} head={head} deprel={}>",
            repr_text(py, &self.text)?,
            self.start,
            self.end,
            repr_text(py, &self.lemma)?,
            repr_str(py, self.upos)?,
            repr_str(py, self.xpos)?,
            repr_str(py, self.deprel)?,
        ))
    }
}

/// Tag, lemmatize and parse `words` as one sentence. See the stub for the contract.
#[pyfunction]
pub(crate) fn analyze_words(py: Python<'_>, words: &Bound<'_, PyAny>) -> PyResult<Vec<PyWord>> {
    if words.is_instance_of::<PyString>() {
        return Err(invalid_input(
            py,
            "words must be a sequence of str, not a single str",
            None,
        ));
    }
    // Everything Python-side is read and checked before the interpreter is released.
    let mut backed: Vec<PyBackedStr> = Vec::new();
    for (i, item) in words.try_iter()?.enumerate() {
        if i == MAX_ANALYZE_WORDS {
            let count = words.len().map_or_else(
                |_| format!("more than {MAX_ANALYZE_WORDS}"),
                |n| n.to_string(),
            );
            return Err(invalid_input(
                py,
                &format!(
                    "{count} words is over the limit of {MAX_ANALYZE_WORDS} (analyze one sentence at a time)"
                ),
                None,
            ));
        }
        let word = extract_str(&item?, Item::Word, Some(i))?;
        if word.is_empty() {
            return Err(invalid_item(py, Item::Word, "the word is empty", Some(i)));
        }
        if let Some(c) = word.chars().find(|c| c.is_whitespace()) {
            return Err(invalid_item(
                py,
                Item::Word,
                &format!("a word cannot hold whitespace ({c:?})"),
                Some(i),
            ));
        }
        backed.push(word);
    }
    let strs: Vec<&str> = backed.iter().map(|w| &**w).collect();
    run_detached(py, || {
        let mut out = Vec::with_capacity(strs.len());
        Syntax::global().analyze(&strs, &mut out);
        let mut start = 0;
        strs.iter()
            .zip(out)
            .map(|(w, a)| {
                let word = PyWord::analyzed(w, start, a);
                start = word.end + 1;
                word
            })
            .collect()
    })
}
