//! `Quantity` and `parse_quantity`.
//!
//! Offsets are code-point indices into the text the quantity was found in: the
//! document's original input, or the text given to `parse_quantity`.

use nutgraf::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::PyFloat;

use crate::convert::extract_text;
use crate::detach::run_detached;
use crate::document::{repr_opt, repr_str, repr_text};
use crate::errors::catch_panic;

/// A number with what it measures. `text == doc.text[start:end]`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Quantity")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq)]
pub struct PyQuantity {
    start: usize,
    end: usize,
    text: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
    value: f64,
    value_max: Option<f64>,
    unit: Option<String>,
    per: Option<String>,
    approximate: bool,
    #[serde(deserialize_with = "crate::pickle::opt_static_str")]
    bound: Option<crate::pickle::StaticStr>,
}

impl PyQuantity {
    /// Convert a core quantity found in `text`; `co` indexes `text`.
    pub(crate) fn new(q: &nutgraf::Quantity, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(q.span);
        PyQuantity {
            start,
            end,
            text: q.span.slice(text).to_owned(),
            kind: q.kind.as_str(),
            value: q.value,
            value_max: q.value_max,
            unit: q.unit.as_deref().map(str::to_owned),
            per: q.per.as_deref().map(str::to_owned),
            approximate: q.approximate,
            bound: q.bound.map(nutgraf::Bound::as_str),
        }
    }
}

#[pymethods]
impl PyQuantity {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Quantity kind={} value={} unit={} text={}>",
            repr_str(py, self.kind)?,
            PyFloat::new(py, self.value).repr()?,
            repr_opt(py, self.unit.as_deref())?,
            repr_text(py, &self.text)?,
        ))
    }
}

/// Read all of `text` as one quantity. See the stub for the contract.
#[pyfunction]
pub(crate) fn parse_quantity(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
) -> PyResult<Option<PyQuantity>> {
    let text = extract_text(text, None)?;
    let text: &str = &text;
    let found = run_detached(py, || nutgraf::parse_quantity(text))?;
    catch_panic(py, || {
        found.map(|q| PyQuantity::new(&q, text, &CharOffsets::new(text)))
    })
}
