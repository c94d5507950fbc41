//! `Event` and its `Participant`s (actors, targets, place).
//!
//! Offsets are code-point indices into the document's original input.

use nutgraf::CharOffsets;
use pyo3::prelude::*;

use crate::document::{repr_str, repr_text};
use crate::quotes::PySpan;
use crate::times::PyTimeExpression;

/// An event's actor, target or place as the text names it.
/// `text == doc.text[start:end]`; `entity` indexes `doc.entities`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Participant")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyParticipant {
    start: usize,
    end: usize,
    text: String,
    entity: Option<usize>,
}

impl PyParticipant {
    fn new(p: &nutgraf::Participant, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(p.span);
        PyParticipant {
            start,
            end,
            text: p.span.slice(text).to_owned(),
            entity: p.entity,
        }
    }
}

#[pymethods]
impl PyParticipant {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let entity = self
            .entity
            .map_or_else(|| "None".to_owned(), |e| e.to_string());
        Ok(format!(
            "<Participant start={} end={} text={} entity={entity}>",
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// An action between participants that a sentence reports.
/// `text == doc.text[start:end]` is the sentence.
#[pyclass(frozen, eq, module = "nutgraf._nutgraf", name = "Event")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyEvent {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: String,
    #[pyo3(get, name = "type")]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    #[pyo3(get)]
    #[serde(deserialize_with = "crate::pickle::opt_static_str")]
    cameo: Option<crate::pickle::StaticStr>,
    #[pyo3(get)]
    trigger: PySpan,
    #[pyo3(get)]
    actors: Vec<PyParticipant>,
    #[pyo3(get)]
    targets: Vec<PyParticipant>,
    #[pyo3(get)]
    place: Option<PyParticipant>,
    #[pyo3(get)]
    time: Option<PyTimeExpression>,
    #[pyo3(get)]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    polarity: crate::pickle::StaticStr,
    #[pyo3(get)]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    modality: crate::pickle::StaticStr,
}

impl PyEvent {
    /// Convert a core event of `doc`; `co` indexes `doc.text`.
    pub(crate) fn new(e: &nutgraf::Event, doc: &nutgraf::Document, co: &CharOffsets<'_>) -> Self {
        let text = doc.text.as_str();
        let (start, end) = co.span(e.span);
        let part = |p: &nutgraf::Participant| PyParticipant::new(p, text, co);
        PyEvent {
            start,
            end,
            text: e.span.slice(text).to_owned(),
            kind: e.kind.as_str(),
            cameo: e.cameo,
            trigger: PySpan::new(e.trigger, text, co),
            actors: e.actors.iter().map(part).collect(),
            targets: e.targets.iter().map(part).collect(),
            place: e.place.as_ref().map(part),
            time: e
                .time
                .and_then(|i| doc.times.get(i))
                .map(|t| PyTimeExpression::new(t, text, co)),
            polarity: e.polarity.as_str(),
            modality: e.modality.as_str(),
        }
    }
}

#[pymethods]
impl PyEvent {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let names = |ps: &[PyParticipant]| {
            ps.iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        Ok(format!(
            "<Event type={} trigger={} actors={} targets={} polarity={} modality={}>",
            repr_str(py, self.kind)?,
            repr_text(py, &self.trigger.text)?,
            repr_text(py, &names(&self.actors))?,
            repr_text(py, &names(&self.targets))?,
            repr_str(py, self.polarity)?,
            repr_str(py, self.modality)?,
        ))
    }
}
