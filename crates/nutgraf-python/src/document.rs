//! `Document` and its parts: `Block`, `Sentence`, `Dateline`, `Entity`, `Role`, `Mention`
//! (time expressions, quantities, quotes, events and words have files of their own).
//!
//! `Document` keeps the core document and converts on access. Offsets handed to
//! Python are code-point indices into the original input (`doc.text`), converted
//! with one [`CharOffsets`] index per call.

use nutgraf::CharOffsets;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDate, PyList, PyString, PyTuple, PyType};

use crate::convert::{date_to_py, json_to_py};
use crate::detach::run_detached;
use crate::errors::{catch_panic, to_py_err};
use crate::events::PyEvent;
use crate::quantities::PyQuantity;
use crate::quotes::{PyAttribution, PyQuote};
use crate::repairs::PyRepair;
use crate::times::PyTimeExpression;
use crate::words::PyWord;

/// Longest text shown in a `repr`, in characters.
const REPR_TEXT_CHARS: usize = 40;

/// A parsed article. Immutable; list attributes are converted on first access
/// and kept (see [`Lists`]).
#[pyclass(frozen, module = "nutgraf._nutgraf", name = "Document")]
pub struct PyDocument {
    inner: nutgraf::Document,
    lists: Lists,
}

/// The list attributes of a document, each converted once, on first access,
/// into a tuple of frozen objects: a getter hands out a new list of the same
/// objects, so `doc.sentences[i]` in a loop costs a copy of pointers, not a
/// conversion of every sentence. `PyOnceLock` converts each once, also without
/// the GIL (free-threaded builds).
struct Lists {
    blocks: PyOnceLock<Py<PyTuple>>,
    sentences: PyOnceLock<Py<PyTuple>>,
    words: PyOnceLock<Py<PyTuple>>,
    entities: PyOnceLock<Py<PyTuple>>,
    times: PyOnceLock<Py<PyTuple>>,
    quantities: PyOnceLock<Py<PyTuple>>,
    quotes: PyOnceLock<Py<PyTuple>>,
    attributions: PyOnceLock<Py<PyTuple>>,
    events: PyOnceLock<Py<PyTuple>>,
    repairs: PyOnceLock<Py<PyTuple>>,
}

impl Lists {
    const fn new() -> Lists {
        Lists {
            blocks: PyOnceLock::new(),
            sentences: PyOnceLock::new(),
            words: PyOnceLock::new(),
            entities: PyOnceLock::new(),
            times: PyOnceLock::new(),
            quantities: PyOnceLock::new(),
            quotes: PyOnceLock::new(),
            attributions: PyOnceLock::new(),
            events: PyOnceLock::new(),
            repairs: PyOnceLock::new(),
        }
    }
}

/// A new list of the objects `cell` holds, converting them with `convert` (under
/// [`catch_panic`]) on the first call.
fn cached<'py, T, F>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyTuple>>,
    convert: F,
) -> PyResult<Bound<'py, PyList>>
where
    T: IntoPyObject<'py>,
    F: FnOnce() -> Vec<T>,
{
    let tuple = cell.get_or_try_init(py, || -> PyResult<Py<PyTuple>> {
        let items = catch_panic(py, convert)?;
        Ok(PyTuple::new(py, items)?.unbind())
    })?;
    Ok(tuple.bind(py).to_list())
}

impl PyDocument {
    pub(crate) fn new(inner: nutgraf::Document) -> PyDocument {
        PyDocument {
            inner,
            lists: Lists::new(),
        }
    }

    /// The core document.
    pub(crate) fn inner(&self) -> &nutgraf::Document {
        &self.inner
    }
}

#[pymethods]
impl PyDocument {
    /// The original input, unchanged.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    #[getter]
    fn subtitle(&self) -> Option<&str> {
        self.inner.subtitle.as_deref()
    }

    #[getter]
    fn authors(&self) -> Vec<&str> {
        self.inner.authors.iter().map(|a| a.name.as_str()).collect()
    }

    #[getter]
    fn publisher(&self) -> Option<&str> {
        self.inner.publisher.as_deref()
    }

    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.inner.published.map(|d| date_to_py(py, d)).transpose()
    }

    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.inner.language
    }

    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    #[getter]
    fn body(&self) -> &str {
        &self.inner.body
    }

    /// The HTML given to `parse_html` (which blocks' `html_start`/`html_end`
    /// index), or `None` for text input.
    #[getter]
    fn html(&self) -> Option<&str> {
        self.inner.html.as_deref()
    }

    /// The page's own metadata as a dict (see the contract), or `None` for text input.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match &self.inner.metadata {
            Some(m) => catch_panic(py, || json_to_py(py, &m.to_json_value()))?.map(Some),
            None => Ok(None),
        }
    }

    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.blocks, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            let html_co = doc.html.as_deref().map(CharOffsets::new);
            doc.blocks
                .iter()
                .map(|b| {
                    let (start, end) = co.span(b.span);
                    let html = b.html.zip(html_co.as_ref()).map(|(h, hco)| hco.span(h));
                    PyBlock {
                        html_start: html.map(|h| h.0),
                        html_end: html.map(|h| h.1),
                        kind: b.kind.as_str(),
                        start,
                        end,
                        text: doc.slice(b.span).to_owned(),
                        lang: b.lang,
                        reason: b.reason.map(nutgraf::BoilerplateReason::as_str),
                    }
                })
                .collect()
        })
    }

    #[getter]
    fn sentences<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.sentences, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.sentences
                .iter()
                .map(|s| {
                    let (start, end) = co.span(s.span);
                    PySentence {
                        start,
                        end,
                        text: doc.slice(s.span).to_owned(),
                        block: s.block,
                        words: doc
                            .sentence_words(s)
                            .iter()
                            .map(|w| PyWord::new(w, doc, &co))
                            .collect(),
                    }
                })
                .collect()
        })
    }

    /// Words of every analysed sentence, in order, with their syntax; empty
    /// unless parsed with `syntax=True`.
    #[getter]
    fn words<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.words, || {
            PyWord::all(&self.inner.words, &self.inner)
        })
    }

    #[getter]
    fn dateline(&self, py: Python<'_>) -> PyResult<Option<PyDateline>> {
        catch_panic(py, || {
            let doc = &self.inner;
            doc.dateline.as_ref().map(|d| {
                let (start, end) = CharOffsets::new(&doc.text).span(d.span);
                PyDateline {
                    start,
                    end,
                    text: doc.slice(d.span).to_owned(),
                    place: d.place.clone(),
                    date: d.date,
                    agency: d.agency.clone(),
                }
            })
        })
    }

    /// Named entities: mentions of one thing grouped, with aliases and roles.
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.entities, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            // Phrases of an entity (role references, pronouns) as mentions of it.
            let phrases = |spans: &[nutgraf::Span], label: &'static str| -> Vec<PyMention> {
                spans
                    .iter()
                    .map(|&span| {
                        let (start, end) = co.span(span);
                        PyMention {
                            start,
                            end,
                            text: doc.slice(span).to_owned(),
                            label,
                        }
                    })
                    .collect()
            };
            doc.entities
                .iter()
                .map(|e| PyEntity {
                    label: e.label.as_str(),
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    roles: e
                        .roles
                        .iter()
                        .map(|r| PyRole {
                            title: r.title.clone(),
                            affiliation: r.affiliation.clone(),
                            qualifier: r.qualifier.clone(),
                        })
                        .collect(),
                    mentions: e
                        .mentions
                        .iter()
                        .map(|&m| {
                            let span = doc.mentions[m].span;
                            let (start, end) = co.span(span);
                            PyMention {
                                start,
                                end,
                                text: doc.slice(span).to_owned(),
                                label: doc.mentions[m].label.as_str(),
                            }
                        })
                        .collect(),
                    references: phrases(&e.references, e.label.as_str()),
                    pronouns: phrases(&e.pronouns, e.label.as_str()),
                })
                .collect()
        })
    }

    /// Time expressions, in text order, resolved against `published`.
    #[getter]
    fn times<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.times, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.times
                .iter()
                .map(|t| PyTimeExpression::new(t, &doc.text, &co))
                .collect()
        })
    }

    /// Quantities (money, percentages, counts, ordinals, physical quantities,
    /// durations), in text order.
    #[getter]
    fn quantities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.quantities, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.quantities
                .iter()
                .map(|q| PyQuantity::new(q, &doc.text, &co))
                .collect()
        })
    }

    /// Quotes and attributions (direct, partial, indirect, block) with cue and
    /// speaker, in text order.
    #[getter]
    fn quotes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.quotes, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.quotes
                .iter()
                .map(|q| PyQuote::new(q, &doc.text, &co))
                .collect()
        })
    }

    /// Attributions of reported facts to their sources ("according to X", "as
    /// reported by X", credit lines), in text order.
    #[getter]
    fn attributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.attributions, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.attributions
                .iter()
                .map(|a| PyAttribution::new(a, &doc.text, &co))
                .collect()
        })
    }

    /// What the normalizer changed in the input before reading it.
    #[getter]
    fn repairs<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.repairs, || {
            PyRepair::convert(&self.inner.text, &self.inner.repairs)
        })
    }

    /// Events (who did what to whom, where and when), in text order.
    #[getter]
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        cached(py, &self.lists.events, || {
            let doc = &self.inner;
            let co = CharOffsets::new(&doc.text);
            doc.events
                .iter()
                .map(|e| PyEvent::new(e, doc, &co))
                .collect()
        })
    }

    /// The JSON contract (schema version 1) as plain Python objects.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let doc = &self.inner;
        let value = run_detached(py, || doc.to_json_value())?;
        catch_panic(py, || json_to_py(py, &value))?
    }

    /// The JSON contract (schema version 1) as a compact string.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        let doc = &self.inner;
        run_detached(py, || doc.to_json())
    }

    // Persistence: the binary form, the contract read back, pickle, copy and
    // equality.

    /// The document in nutgraf's compact binary form (every field); read it back
    /// with `Document.from_bytes`. What `pickle` stores.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let doc = &self.inner;
        let bytes = run_detached(py, || doc.to_bytes())?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The document of `Document.to_bytes()`. Raises `InvalidDocumentError` for
    /// bytes that do not hold one (truncated, corrupt, another version).
    #[classmethod]
    #[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
    fn from_bytes(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: PyBackedBytes,
    ) -> PyResult<PyDocument> {
        let doc = run_detached(py, || nutgraf::Document::from_bytes(&data))?;
        doc.map(PyDocument::new)
            .map_err(|e| to_py_err(py, &e, None))
    }

    /// The document of a JSON contract string (`Document.to_json()`). Raises
    /// `InvalidDocumentError` naming the key at fault.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, json: &str) -> PyResult<PyDocument> {
        let doc = run_detached(py, || nutgraf::Document::from_json(json))?;
        doc.map(PyDocument::new)
            .map_err(|e| to_py_err(py, &e, None))
    }

    /// The document of a JSON contract dict (`Document.to_dict()`). Raises
    /// `InvalidDocumentError` naming the key at fault, `TypeError` for a value
    /// JSON cannot hold.
    #[classmethod]
    fn from_dict(cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        let py = cls.py();
        let json = py.import("json")?.call_method1("dumps", (data,))?;
        Self::from_json(cls, py, &json.extract::<PyBackedStr>()?)
    }

    /// Pickle support: `Document.from_bytes(self.to_bytes())`.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let py = slf.py();
        let from_bytes = py.get_type::<PyDocument>().getattr("from_bytes")?;
        Ok((from_bytes, (slf.get().to_bytes(py)?,)))
    }

    /// Documents are immutable: a copy is the document itself.
    fn __copy__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// Documents are immutable (and so is every object they hand out): a deep
    /// copy is the document itself.
    fn __deepcopy__<'py>(slf: PyRef<'py, Self>, _memo: &Bound<'py, PyAny>) -> PyRef<'py, Self> {
        slf
    }

    /// Documents are equal when every field is.
    fn __eq__(&self, other: &Bound<'_, Self>) -> bool {
        self.inner == other.get().inner
    }

    /// The hash of the original input (equal documents have equal inputs).
    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.text.hash(&mut h);
        h.finish()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let doc = &self.inner;
        Ok(format!(
            "<Document title={} blocks={} sentences={} language={}>",
            repr_opt(py, doc.title.as_deref())?,
            doc.blocks.len(),
            doc.sentences.len(),
            repr_opt(py, doc.language)?,
        ))
    }

    /// The notebook view: `nutgraf.display.render(self)`, the text with every
    /// layer marked and tables of what was found (written in Python).
    fn _repr_html_(slf: &Bound<'_, Self>) -> PyResult<String> {
        slf.py()
            .import("nutgraf.display")?
            .getattr("render")?
            .call1((slf,))?
            .extract()
    }
}

/// One block of the article's layout. `text == doc.text[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Block")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyBlock {
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::opt_static_str")]
    lang: Option<crate::pickle::StaticStr>,
    #[serde(deserialize_with = "crate::pickle::opt_static_str")]
    reason: Option<crate::pickle::StaticStr>,
    html_start: Option<usize>,
    html_end: Option<usize>,
}

#[pymethods]
impl PyBlock {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let reason = match self.reason {
            Some(r) => format!(" reason={}", repr_str(py, r)?),
            None => String::new(),
        };
        Ok(format!(
            "<Block kind={} start={} end={} text={}{reason}>",
            repr_str(py, self.kind)?,
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// A sentence. `text == doc.text[start:end]`; `block` indexes `doc.blocks`;
/// `words` are its words (with `syntax=True`), heads indexing that list.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Sentence")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PySentence {
    start: usize,
    end: usize,
    text: String,
    block: usize,
    words: Vec<PyWord>,
}

#[pymethods]
impl PySentence {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Sentence start={} end={} text={}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// The dateline opening the story. `text == doc.text[start:end]`.
#[pyclass(frozen, eq, module = "nutgraf._nutgraf", name = "Dateline")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyDateline {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
    #[pyo3(get)]
    place: Option<String>,
    #[serde(with = "crate::pickle::opt_date")]
    date: Option<jiff::civil::Date>,
    #[pyo3(get)]
    agency: Option<String>,
}

#[pymethods]
impl PyDateline {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.date.map(|d| date_to_py(py, d)).transpose()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Dateline start={} end={} text={} place={}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
            repr_opt(py, self.place.as_deref())?,
        ))
    }
}

/// A named entity: its mentions grouped, with aliases and roles.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Entity")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyEntity {
    #[serde(deserialize_with = "crate::pickle::static_str")]
    label: crate::pickle::StaticStr,
    name: String,
    aliases: Vec<String>,
    roles: Vec<PyRole>,
    mentions: Vec<PyMention>,
    references: Vec<PyMention>,
    pronouns: Vec<PyMention>,
}

#[pymethods]
impl PyEntity {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Entity label={} name={} mentions={}>",
            repr_str(py, self.label)?,
            repr_str(py, &self.name)?,
            self.mentions.len(),
        ))
    }
}

/// A role the text gives an entity ("Russian President": title "President",
/// affiliation "Russia").
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Role")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyRole {
    title: String,
    affiliation: Option<String>,
    qualifier: Option<String>,
}

#[pymethods]
impl PyRole {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Role title={} affiliation={} qualifier={}>",
            repr_str(py, &self.title)?,
            repr_opt(py, self.affiliation.as_deref())?,
            repr_opt(py, self.qualifier.as_deref())?,
        ))
    }
}

/// One mention of an entity. `text == doc.text[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Mention")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyMention {
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    label: crate::pickle::StaticStr,
}

#[pymethods]
impl PyMention {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Mention label={} start={} end={} text={}>",
            repr_str(py, self.label)?,
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// Python's `repr` of a string.
pub(crate) fn repr_str(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_cow()?.into_owned())
}

pub(crate) fn repr_opt(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    s.map_or_else(|| Ok("None".to_owned()), |s| repr_str(py, s))
}

/// Python's `repr` of a text, cut to [`REPR_TEXT_CHARS`] characters.
pub(crate) fn repr_text(py: Python<'_>, s: &str) -> PyResult<String> {
    match s.char_indices().nth(REPR_TEXT_CHARS) {
        Some((cut, _)) => Ok(format!("{}…", repr_str(py, &s[..cut])?)),
        None => repr_str(py, s),
    }
}
