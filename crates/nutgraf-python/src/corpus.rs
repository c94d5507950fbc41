//! `Corpus` and what it reports: `Story`, `StoryMerge`, `Duplicate`,
//! `CorpusEntity`, `CorpusMention`, and the same as rows of plain dicts.
//!
//! The core corpus lives behind a `Mutex`. The lock is taken only while detached
//! from the interpreter and held only around Rust work (never while calling into
//! Python), so a thread waiting for it never holds the interpreter and two threads
//! cannot deadlock. Results are built as Rust values under the lock, with document
//! indices turned into ids there, and handed to Python once it is released.
//!
//! Python sees document ids, never indices, except in `Story.docs`; offsets are
//! code points (the core's `CorpusMention::chars`). A new report of the core (a
//! list of conflicts, a timeline) is one more method on `PyCorpus` that maps the
//! core's values to a frozen class here, plus a `*_rows` method if it is tabular.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use jiff::civil::Date;
use nutgraf::corpus::{Claim, Corpus, CorpusEntity, CorpusOptions, Story};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDict, PyInt, PyList, PyString};
use pyo3::PyTypeInfo;
use serde_json::Value;

use crate::convert::{date_to_py, json_to_py};
use crate::detach::run_detached;
use crate::document::{repr_str, repr_text, PyDocument};
use crate::errors::{catch_panic, internal, invalid_input, invalid_option, to_py_err};

/// Why a poisoned corpus is refused.
const POISONED: &str = "the corpus is unusable: an earlier call failed inside it with an internal error (a bug in nutgraf), which may have left it half-updated; build a new Corpus";

/// Documents together: near-duplicates, stories and the entities they share.
///
/// Safe to share between threads: every call takes the corpus's lock (waiting
/// for it with the GIL released), so calls run one at a time and each sees the
/// corpus whole. It is not meant for concurrent mutation: documents added from
/// several threads at once are added in whatever order the calls take the lock,
/// and stories depend on that order.
#[pyclass(module = "nutgraf._nutgraf", name = "Corpus")]
pub struct PyCorpus {
    inner: Mutex<Corpus>,
}

impl PyCorpus {
    /// Run `f` on the core corpus detached from the interpreter, holding the lock
    /// only meanwhile. A panic in `f` becomes `InternalError` and poisons the lock:
    /// every later call then raises `InternalError` too.
    fn with<T, F>(&self, py: Python<'_>, f: F) -> PyResult<T>
    where
        F: Send + FnOnce(&mut Corpus) -> T,
        T: Send,
    {
        let inner = &self.inner;
        run_detached(py, move || inner.lock().ok().map(|mut c| f(&mut c)))?
            .ok_or_else(|| internal(py, POISONED, None))
    }
}

/// Documents held from Python, and their ids if given.
type DocsAndIds<'py> = (Vec<Bound<'py, PyDocument>>, Option<Vec<String>>);

/// The documents of `docs` and the ids of `ids` (`None`: no ids), one per
/// document: what `Corpus.extend` and `to_arrow` take.
pub(crate) fn extract_docs_and_ids<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    ids: Option<&Bound<'py, PyAny>>,
) -> PyResult<DocsAndIds<'py>> {
    let mut held = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        match item?.cast_into::<PyDocument>() {
            Ok(d) => held.push(d),
            Err(e) => {
                return Err(PyTypeError::new_err(format!(
                    "docs[{i}] must be a Document, not {}",
                    e.into_inner().get_type().name()?
                )))
            }
        }
    }
    let Some(ids) = ids.filter(|i| !i.is_none()) else {
        return Ok((held, None));
    };
    if ids.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "ids must be an iterable of str or int, not a single str",
        ));
    }
    let mut out = Vec::with_capacity(held.len());
    for (i, id) in ids.try_iter()?.enumerate() {
        out.push(extract_id(&id?, &format!("ids[{i}]"))?);
    }
    if out.len() != held.len() {
        return Err(invalid_option(
            py,
            "ids",
            &format!(
                "got {} ids for {} documents (give one id per document, or None)",
                out.len(),
                held.len()
            ),
        ));
    }
    Ok((held, Some(out)))
}

/// Read a document id: a `str`, or an `int` (not a `bool`), stored as its
/// decimal string. `what` names the argument in messages.
pub(crate) fn extract_id(ob: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = ob.cast::<PyString>() {
        return Ok(s.to_str()?.to_owned());
    }
    if ob.is_instance_of::<PyInt>() && !ob.is_instance_of::<PyBool>() {
        // `int.__repr__`, not `str(ob)`: an int subclass may print otherwise.
        let text = PyInt::type_object(ob.py()).call_method1("__repr__", (ob,))?;
        return Ok(text.cast::<PyString>()?.to_str()?.to_owned());
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a str or an int, not {}",
        ob.get_type().name()?
    )))
}

#[pymethods]
impl PyCorpus {
    #[new]
    #[pyo3(signature = (*, story_threshold=None, max_gap_days=None, duplicate_threshold=None, keep=None, split_threshold=None, merge_threshold=None, contrast=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        story_threshold: Option<f64>,
        max_gap_days: Option<i64>,
        duplicate_threshold: Option<f64>,
        keep: Option<usize>,
        split_threshold: Option<f64>,
        merge_threshold: Option<f64>,
        contrast: Option<f64>,
    ) -> PyResult<Self> {
        let mut options = CorpusOptions::new();
        for (name, value, field) in [
            (
                "story_threshold",
                story_threshold,
                &mut options.stories.threshold,
            ),
            (
                "split_threshold",
                split_threshold,
                &mut options.stories.split_threshold,
            ),
            (
                "merge_threshold",
                merge_threshold,
                &mut options.stories.merge_threshold,
            ),
            ("contrast", contrast, &mut options.stories.contrast),
        ] {
            if let Some(t) = value {
                if !(0.0..=1.0).contains(&t) {
                    return Err(invalid_option(py, name, "must be from 0 to 1"));
                }
                *field = t as f32;
            }
        }
        if let Some(days) = max_gap_days {
            if days < 0 {
                return Err(invalid_option(py, "max_gap_days", "must be 0 or more"));
            }
            options.stories.max_gap_days = days;
        }
        if let Some(t) = duplicate_threshold {
            if !(t > 0.0 && t <= 1.0) {
                return Err(invalid_option(
                    py,
                    "duplicate_threshold",
                    "must be above 0 and at most 1",
                ));
            }
            options.duplicates = options.duplicates.threshold(t);
        }
        if let Some(k) = keep {
            if k == 0 {
                return Err(invalid_option(py, "keep", "must be 1 or more"));
            }
            options.duplicates = options.duplicates.keep(k);
        }
        Ok(PyCorpus {
            inner: Mutex::new(Corpus::with_options(options)),
        })
    }

    /// Add a document: its index. See the stub for the contract.
    /// (`default_id` gives the id of a document added without one.)
    #[pyo3(signature = (doc, id=None))]
    fn add(
        &self,
        py: Python<'_>,
        doc: &Bound<'_, PyDocument>,
        id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<usize> {
        let id = id
            .filter(|i| !i.is_none())
            .map(|i| extract_id(i, "id"))
            .transpose()?;
        let doc = doc.get().inner();
        self.with(py, move |c| {
            let id = id.unwrap_or_else(|| default_id(c, c.len(), &HashSet::new()));
            c.add(id, doc)
        })?
        .map_err(|e| to_py_err(py, &e, None))
    }

    /// Add documents in order: their indices. See the stub for the contract.
    #[pyo3(signature = (docs, ids=None))]
    fn extend(
        &self,
        py: Python<'_>,
        docs: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<usize>> {
        // Everything Python-side is read before the interpreter is released.
        let (held, ids) = extract_docs_and_ids(py, docs, ids)?;
        let docs: Vec<&nutgraf::Document> = held.iter().map(|d| d.get().inner()).collect();
        self.with(py, move |c| {
            let start = c.len();
            let ids = ids.unwrap_or_else(|| {
                let mut taken: HashSet<String> = HashSet::new();
                (start..start + docs.len())
                    .map(|i| {
                        let id = default_id(c, i, &taken);
                        taken.insert(id.clone());
                        id
                    })
                    .collect()
            });
            // The documents before a failing one stay added: its position in
            // this call is how many were.
            c.extend(ids.into_iter().zip(docs))
                .map_err(|e| (c.len() - start, e))
        })?
        .map_err(|(i, e)| to_py_err(py, &e, Some(i)))
    }

    fn __len__(&self, py: Python<'_>) -> PyResult<usize> {
        self.with(py, |c| c.len())
    }

    /// The ids of the documents, in the order they were added.
    #[getter]
    fn ids(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        self.with(py, |c| {
            (0..c.len())
                .filter_map(|i| c.id(i).map(str::to_owned))
                .collect()
        })
    }

    /// The index of the story of the document added under `id`.
    fn story_of(&self, py: Python<'_>, id: &Bound<'_, PyAny>) -> PyResult<usize> {
        let key = extract_id(id, "id")?;
        self.with(py, move |c| c.index_of(&key).and_then(|i| c.story_of(i)))?
            .ok_or_else(|| PyKeyError::new_err(id.clone().unbind()))
    }

    /// The stories, in the order they started.
    fn stories(&self, py: Python<'_>) -> PyResult<Vec<PyStory>> {
        self.with(py, |c| {
            c.stories()
                .into_iter()
                .map(|s| PyStory::new(s, c))
                .collect()
        })
    }

    /// Pairs of near-duplicate documents, in the order they were found.
    fn duplicates(&self, py: Python<'_>) -> PyResult<Vec<PyDuplicate>> {
        self.with(py, |c| {
            c.duplicates()
                .iter()
                .map(|d| PyDuplicate {
                    a: id_of(c, d.a),
                    b: id_of(c, d.b),
                    similarity: d.similarity,
                })
                .collect()
        })
    }

    /// The named entities across documents, the most widely named first.
    fn entities(&self, py: Python<'_>) -> PyResult<Vec<PyCorpusEntity>> {
        self.with(py, |c| {
            c.entities()
                .into_iter()
                .map(|e| PyCorpusEntity::new(e, c))
                .collect()
        })
    }

    /// Memory held by the corpus, in bytes (approximate).
    fn memory_bytes(&self, py: Python<'_>) -> PyResult<usize> {
        self.with(py, |c| c.memory_bytes())
    }

    /// One dict per document of each story. See the stub for the columns.
    fn stories_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self.with(py, |c| {
            let mut rows = Vec::new();
            for s in c.stories() {
                let merges: HashMap<usize, _> = s.merges.iter().map(|m| (m.doc, m)).collect();
                for &d in &s.docs {
                    let merge = merges.get(&d);
                    rows.push(vec![
                        ("story", Value::from(s.index)),
                        ("title", Value::from(s.title.clone())),
                        ("start", date_value(s.start)),
                        ("end", date_value(s.end)),
                        ("size", Value::from(s.docs.len())),
                        ("id", Value::from(id_of(c, d))),
                        ("similarity", Value::from(merge.map(|m| m.similarity))),
                        ("reason", Value::from(merge.map(|m| m.reason()))),
                    ]);
                }
            }
            rows
        })?;
        rows_to_py(py, &rows)
    }

    /// One dict per mention of each entity. See the stub for the columns.
    fn entities_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self.with(py, |c| {
            let mut rows = Vec::new();
            for e in c.entities() {
                for m in &e.mentions {
                    rows.push(vec![
                        ("entity", Value::from(e.id)),
                        ("name", Value::from(e.name.as_str())),
                        ("label", Value::from(e.label.as_str())),
                        ("id", Value::from(id_of(c, m.doc))),
                        ("start", Value::from(m.chars.0)),
                        ("end", Value::from(m.chars.1)),
                        ("text", Value::from(m.text.as_str())),
                        ("kind", Value::from(m.kind.as_str())),
                    ]);
                }
            }
            rows
        })?;
        rows_to_py(py, &rows)
    }

    /// One dict per duplicate pair. See the stub for the columns.
    fn duplicates_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self.with(py, |c| {
            c.duplicates()
                .iter()
                .map(|d| {
                    vec![
                        ("a", Value::from(id_of(c, d.a))),
                        ("b", Value::from(id_of(c, d.b))),
                        ("similarity", Value::from(d.similarity)),
                    ]
                })
                .collect::<Vec<_>>()
        })?;
        rows_to_py(py, &rows)
    }

    /// The timeline of story `story` (a `Story` or its index): its events in
    /// time order, each with its sources.
    fn timeline(&self, story: &Bound<'_, PyAny>) -> PyResult<Vec<PyTimelineEntry>> {
        let py = story.py();
        let story = match story.cast::<PyStory>() {
            Ok(s) => s.get().index,
            Err(_) => story.extract::<usize>().map_err(|_| {
                let kind = story
                    .get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string());
                invalid_input(
                    py,
                    &format!("story: a Story or its index (an int >= 0), not {kind}"),
                    None,
                )
            })?,
        };
        self.with(py, |c| {
            c.timeline(story)
                .into_iter()
                .map(|t| PyTimelineEntry {
                    kind: t.kind.as_str(),
                    time: t.time,
                    actors: t.actors,
                    targets: t.targets,
                    place: t.place,
                    modality: t.modality.as_str(),
                    sources: t
                        .sources
                        .into_iter()
                        .map(|s| PyTimelineSource {
                            doc: id_of(c, s.doc),
                            start: s.chars.0,
                            end: s.chars.1,
                            trigger: s.trigger,
                        })
                        .collect(),
                })
                .collect()
        })
    }

    /// Every numeric claim of the documents, in order.
    fn claims(&self, py: Python<'_>) -> PyResult<Vec<PyClaim>> {
        self.with(py, |c| {
            c.claims().iter().map(|k| PyClaim::new(k, c)).collect()
        })
    }

    /// Claims that cannot both be right, in the order they were found.
    fn conflicts(&self, py: Python<'_>) -> PyResult<Vec<PyConflict>> {
        self.with(py, |c| {
            c.conflicts()
                .iter()
                .map(|k| PyConflict {
                    kind: k.kind.as_str(),
                    reason: k.reason.clone(),
                    claims: k.claims.iter().map(|cl| PyClaim::new(cl, c)).collect(),
                })
                .collect()
        })
    }

    /// One dict per claim of each conflict. See the stub for the columns.
    fn conflicts_rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let rows = self.with(py, |c| {
            let mut rows = Vec::new();
            for (i, k) in c.conflicts().iter().enumerate() {
                for (side, cl) in k.claims.iter().enumerate() {
                    rows.push(vec![
                        ("conflict", Value::from(i)),
                        ("kind", Value::from(k.kind.as_str())),
                        ("side", Value::from(side)),
                        ("id", Value::from(id_of(c, cl.doc))),
                        ("start", Value::from(cl.chars.0)),
                        ("end", Value::from(cl.chars.1)),
                        ("text", Value::from(cl.text.as_str())),
                        ("measure", Value::from(cl.measure.as_str())),
                        ("period", Value::from(cl.period.clone())),
                        ("value", Value::from(cl.value)),
                        ("unit", Value::from(cl.unit.clone())),
                        ("reason", Value::from(k.reason.as_str())),
                    ]);
                }
            }
            rows
        })?;
        rows_to_py(py, &rows)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let (docs, stories, duplicates) =
            self.with(py, |c| (c.len(), c.stories().len(), c.duplicates().len()))?;
        Ok(format!(
            "<Corpus documents={docs} stories={stories} duplicates={duplicates}>"
        ))
    }
}

/// The id of document `index` added without one: the index as a string, or,
/// when an explicit id took that string, the first of `"{index}~1"`,
/// `"{index}~2"`... that no document has and is not in `taken` (the ids given
/// earlier in the same call).
fn default_id(c: &Corpus, index: usize, taken: &HashSet<String>) -> String {
    let base = index.to_string();
    let free = |id: &str| c.index_of(id).is_none() && !taken.contains(id);
    if free(&base) {
        return base;
    }
    // One of these is free: no more ids are taken than there are documents.
    (1..=c.len() + taken.len() + 1)
        .map(|k| format!("{base}~{k}"))
        .find(|id| free(id))
        .unwrap_or(base)
}

/// The id of document `index` (always there: the core only reports documents
/// it holds).
fn id_of(c: &Corpus, index: usize) -> String {
    c.id(index).unwrap_or_default().to_owned()
}

/// A date as `"YYYY-MM-DD"`, or null.
fn date_value(date: Option<Date>) -> Value {
    date.map_or(Value::Null, |d| Value::from(d.to_string()))
}

/// Rows as a list of dicts, keys in the order given.
fn rows_to_py<'py>(
    py: Python<'py>,
    rows: &[Vec<(&'static str, Value)>],
) -> PyResult<Bound<'py, PyList>> {
    catch_panic(py, || -> PyResult<_> {
        let list = PyList::empty(py);
        for row in rows {
            let dict = PyDict::new(py);
            for (key, value) in row {
                dict.set_item(*key, json_to_py(py, value)?)?;
            }
            list.append(dict)?;
        }
        Ok(list)
    })?
}

/// Documents that report the same real-world happening.
#[pyclass(frozen, eq, module = "nutgraf._nutgraf", name = "Story")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyStory {
    #[pyo3(get)]
    index: usize,
    #[pyo3(get)]
    ids: Vec<String>,
    #[pyo3(get)]
    docs: Vec<usize>,
    #[pyo3(get)]
    title: Option<String>,
    #[pyo3(get)]
    entities: Vec<String>,
    #[serde(with = "crate::pickle::opt_date")]
    start: Option<Date>,
    #[serde(with = "crate::pickle::opt_date")]
    end: Option<Date>,
    #[pyo3(get)]
    merges: Vec<PyStoryMerge>,
}

impl PyStory {
    fn new(s: Story, c: &Corpus) -> PyStory {
        PyStory {
            index: s.index,
            ids: s.docs.iter().map(|&d| id_of(c, d)).collect(),
            merges: s
                .merges
                .iter()
                .map(|m| {
                    let [words, people, places, figures] = m.cosines;
                    PyStoryMerge {
                        id: id_of(c, m.doc),
                        similarity: m.similarity,
                        cosines: (words, people, places, figures),
                        shared_names: m.shared_names.clone(),
                        shared_words: m.shared_words.clone(),
                        copy_of: m.copy_of.map(|d| id_of(c, d)),
                        reason: m.reason(),
                    }
                })
                .collect(),
            docs: s.docs,
            title: s.title,
            entities: s.entities,
            start: s.start,
            end: s.end,
        }
    }
}

#[pymethods]
impl PyStory {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.start.map(|d| date_to_py(py, d)).transpose()
    }

    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.end.map(|d| date_to_py(py, d)).transpose()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Story index={} documents={} title={}>",
            self.index,
            self.ids.len(),
            match &self.title {
                Some(t) => repr_text(py, t)?,
                None => "None".to_owned(),
            },
        ))
    }
}

/// Why a document joined a story.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "StoryMerge")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyStoryMerge {
    id: String,
    similarity: f64,
    cosines: (f64, f64, f64, f64),
    shared_names: Vec<String>,
    shared_words: Vec<String>,
    copy_of: Option<String>,
    reason: String,
}

#[pymethods]
impl PyStoryMerge {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<StoryMerge id={} similarity={:.2} shared_names={}>",
            repr_str(py, &self.id)?,
            self.similarity,
            PyList::new(py, &self.shared_names)?.repr()?,
        ))
    }
}

/// Two documents whose bodies are near copies.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Duplicate")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyDuplicate {
    a: String,
    b: String,
    similarity: f64,
}

#[pymethods]
impl PyDuplicate {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Duplicate a={} b={} similarity={:.2}>",
            repr_str(py, &self.a)?,
            repr_str(py, &self.b)?,
            self.similarity,
        ))
    }
}

/// A named entity of the corpus, with its mentions in every document.
#[pyclass(
    frozen,
    get_all,
    eq,
    module = "nutgraf._nutgraf",
    name = "CorpusEntity"
)]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyCorpusEntity {
    id: usize,
    name: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    label: crate::pickle::StaticStr,
    aliases: Vec<String>,
    docs: Vec<String>,
    mentions: Vec<PyCorpusMention>,
}

impl PyCorpusEntity {
    fn new(e: CorpusEntity, c: &Corpus) -> PyCorpusEntity {
        PyCorpusEntity {
            id: e.id,
            label: e.label.as_str(),
            docs: e.docs().map(|d| id_of(c, d)).collect(),
            mentions: e
                .mentions
                .into_iter()
                .map(|m| PyCorpusMention {
                    doc: id_of(c, m.doc),
                    start: m.chars.0,
                    end: m.chars.1,
                    text: m.text,
                    kind: m.kind.as_str(),
                })
                .collect(),
            name: e.name,
            aliases: e.aliases,
        }
    }
}

#[pymethods]
impl PyCorpusEntity {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<CorpusEntity id={} label={} name={} documents={} mentions={}>",
            self.id,
            repr_str(py, self.label)?,
            repr_str(py, &self.name)?,
            self.docs.len(),
            self.mentions.len(),
        ))
    }
}

/// A mention of a `CorpusEntity` in one document.
#[pyclass(
    frozen,
    get_all,
    eq,
    module = "nutgraf._nutgraf",
    name = "CorpusMention"
)]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyCorpusMention {
    doc: String,
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
}

#[pymethods]
impl PyCorpusMention {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<CorpusMention doc={} start={} end={} kind={} text={}>",
            repr_str(py, &self.doc)?,
            self.start,
            self.end,
            self.kind,
            repr_text(py, &self.text)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_corpus_can_be_shared_between_threads() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<Corpus>();
        send_sync::<PyCorpus>();
    }

    #[test]
    fn ids_are_strs_or_ints() {
        Python::initialize();
        Python::attach(|py| {
            let id = |code: &str| {
                let ob = py
                    .eval(&std::ffi::CString::new(code).unwrap(), None, None)
                    .unwrap();
                extract_id(&ob, "id")
            };
            assert_eq!(id("'a'").unwrap(), "a");
            assert_eq!(id("7").unwrap(), "7");
            assert_eq!(
                id("-12345678901234567890123").unwrap(),
                "-12345678901234567890123"
            );
            for bad in ["True", "1.5", "None", "b'a'"] {
                let err = id(bad).unwrap_err();
                assert!(err.is_instance_of::<PyTypeError>(py), "{bad}: {err}");
            }
        });
    }
}

/// A figure of a document with what it measures, whose and when.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Claim")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyClaim {
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    doc: String,
    start: usize,
    end: usize,
    text: String,
    measure: String,
    subjects: Vec<String>,
    period: Option<String>,
    value: f64,
    value_max: Option<f64>,
    unit: Option<String>,
    approximate: bool,
    bounded: bool,
    context: Vec<String>,
}

impl PyClaim {
    fn new(k: &Claim, c: &Corpus) -> PyClaim {
        PyClaim {
            kind: k.kind.as_str(),
            doc: id_of(c, k.doc),
            start: k.chars.0,
            end: k.chars.1,
            text: k.text.clone(),
            measure: k.measure.clone(),
            subjects: k.subjects.clone(),
            period: k.period.clone(),
            value: k.value,
            value_max: k.value_max,
            unit: k.unit.clone(),
            approximate: k.approximate,
            bounded: k.bounded,
            context: k.context.clone(),
        }
    }
}

#[pymethods]
impl PyClaim {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Claim doc={} measure={} period={} text={}>",
            repr_str(py, &self.doc)?,
            repr_str(py, &self.measure)?,
            match &self.period {
                Some(p) => repr_str(py, p)?,
                None => "None".to_owned(),
            },
            repr_text(py, &self.text)?,
        ))
    }
}

/// Two claims that cannot both be right.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Conflict")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyConflict {
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    reason: String,
    claims: Vec<PyClaim>,
}

#[pymethods]
impl PyConflict {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Conflict kind={} reason={}>",
            self.kind,
            repr_text(py, &self.reason)?
        ))
    }
}

/// An event of a story as its sources report it.
#[pyclass(frozen, eq, module = "nutgraf._nutgraf", name = "TimelineEntry")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyTimelineEntry {
    #[pyo3(get, name = "type")]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    #[pyo3(get)]
    time: Option<String>,
    #[pyo3(get)]
    actors: Vec<String>,
    #[pyo3(get)]
    targets: Vec<String>,
    #[pyo3(get)]
    place: Option<String>,
    #[pyo3(get)]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    modality: crate::pickle::StaticStr,
    #[pyo3(get)]
    sources: Vec<PyTimelineSource>,
}

#[pymethods]
impl PyTimelineEntry {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<TimelineEntry type={} time={} actors={} sources={}>",
            self.kind,
            match &self.time {
                Some(t) => repr_str(py, t)?,
                None => "None".to_owned(),
            },
            PyList::new(py, &self.actors)?.repr()?,
            self.sources.len(),
        ))
    }
}

/// A sentence of a document that reports a timeline entry.
#[pyclass(
    frozen,
    get_all,
    eq,
    module = "nutgraf._nutgraf",
    name = "TimelineSource"
)]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyTimelineSource {
    doc: String,
    start: usize,
    end: usize,
    trigger: String,
}

#[pymethods]
impl PyTimelineSource {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<TimelineSource doc={} start={} end={} trigger={}>",
            repr_str(py, &self.doc)?,
            self.start,
            self.end,
            repr_str(py, &self.trigger)?,
        ))
    }
}
