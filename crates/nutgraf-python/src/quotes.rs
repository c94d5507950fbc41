//! `Quote` and its parts: `Span` (a stretch of the text) and `Speaker`.
//!
//! Offsets are code-point indices into the document's original input.

use nutgraf::CharOffsets;
use pyo3::prelude::*;

use crate::document::{repr_opt, repr_str, repr_text};

/// A stretch of the original text: a quote's part or its cue.
/// `text == doc.text[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Span")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PySpan {
    start: usize,
    end: usize,
    pub(crate) text: String,
}

impl PySpan {
    pub(crate) fn new(span: nutgraf::Span, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(span);
        PySpan {
            start,
            end,
            text: span.slice(text).to_owned(),
        }
    }
}

#[pymethods]
impl PySpan {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Span start={} end={} text={}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// Who a quote is attributed to, as the text names them.
/// `text == doc.text[start:end]`; `entity` indexes `doc.entities`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Speaker")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PySpeaker {
    start: usize,
    end: usize,
    text: String,
    entity: Option<usize>,
}

#[pymethods]
impl PySpeaker {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let entity = self
            .entity
            .map_or_else(|| "None".to_owned(), |e| e.to_string());
        Ok(format!(
            "<Speaker start={} end={} text={} entity={entity}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// A quote: what was said, how, and by whom. `text == doc.text[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Quote")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyQuote {
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    parts: Vec<PySpan>,
    cue: Option<PySpan>,
    speaker: Option<PySpeaker>,
}

impl PyQuote {
    /// Convert a core quote found in `text`; `co` indexes `text`.
    pub(crate) fn new(q: &nutgraf::Quote, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(q.span);
        PyQuote {
            start,
            end,
            text: q.span.slice(text).to_owned(),
            kind: q.kind.as_str(),
            parts: q.parts.iter().map(|&p| PySpan::new(p, text, co)).collect(),
            cue: q.cue.map(|c| PySpan::new(c, text, co)),
            speaker: q.speaker.as_ref().map(|s| {
                let (start, end) = co.span(s.span);
                PySpeaker {
                    start,
                    end,
                    text: s.span.slice(text).to_owned(),
                    entity: s.entity,
                }
            }),
        }
    }
}

#[pymethods]
impl PyQuote {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Quote kind={} speaker={} start={} end={} text={}>",
            repr_str(py, self.kind)?,
            repr_opt(py, self.speaker.as_ref().map(|s| s.text.as_str()))?,
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// Where an attribution's fact comes from: the source as the text names it
/// (`text == doc.text[start:end]`) and the indices in `doc.entities` of the
/// entities it names.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Source")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PySource {
    start: usize,
    end: usize,
    text: String,
    entities: Vec<usize>,
}

#[pymethods]
impl PySource {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Source start={} end={} text={} entities={:?}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
            self.entities,
        ))
    }
}

/// A reported fact and its source ("according to X", "as reported by X", a
/// credit line). `text == doc.text[start:end]` is what the source backs.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Attribution")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyAttribution {
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    cue: PySpan,
    source: PySource,
}

impl PyAttribution {
    /// Convert a core attribution found in `text`; `co` indexes `text`.
    pub(crate) fn new(a: &nutgraf::Attribution, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(a.span);
        let (s_start, s_end) = co.span(a.source);
        PyAttribution {
            start,
            end,
            text: a.span.slice(text).to_owned(),
            kind: a.kind.as_str(),
            cue: PySpan::new(a.cue, text, co),
            source: PySource {
                start: s_start,
                end: s_end,
                text: a.source.slice(text).to_owned(),
                entities: a.entities.clone(),
            },
        }
    }
}

#[pymethods]
impl PyAttribution {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Attribution kind={} source={} start={} end={} text={}>",
            repr_str(py, self.kind)?,
            repr_text(py, &self.source.text)?,
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}
