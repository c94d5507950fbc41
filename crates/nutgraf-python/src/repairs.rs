//! `Repair`, `Repaired` and `repair`: what the normalizer changed in the input.

use nutgraf::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert::extract_text;
use crate::detach::run_detached;
use crate::document::{repr_str, repr_text};

/// One repair of the input: `original == text[start:end]` became `replacement`.
#[pyclass(frozen, get_all, eq, module = "nutgraf._nutgraf", name = "Repair")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyRepair {
    start: usize,
    end: usize,
    original: String,
    replacement: String,
    #[serde(deserialize_with = "crate::pickle::static_str")]
    kind: crate::pickle::StaticStr,
}

impl PyRepair {
    /// The repairs of `text`, with code-point offsets into it.
    pub(crate) fn convert(text: &str, repairs: &[nutgraf::Repair]) -> Vec<PyRepair> {
        let co = CharOffsets::new(text);
        repairs
            .iter()
            .map(|r| {
                let (start, end) = co.span(r.span);
                PyRepair {
                    start,
                    end,
                    original: r.original(text).to_owned(),
                    replacement: r.replacement.clone(),
                    kind: r.kind.as_str(),
                }
            })
            .collect()
    }
}

#[pymethods]
impl PyRepair {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Repair kind={} start={} end={} original={} replacement={}>",
            repr_str(py, self.kind)?,
            self.start,
            self.end,
            repr_text(py, &self.original)?,
            repr_text(py, &self.replacement)?,
        ))
    }
}

/// A text with its repairs applied, and the repairs.
#[pyclass(frozen, get_all, module = "nutgraf._nutgraf", name = "Repaired")]
#[derive(serde::Serialize, serde::Deserialize)]
pub struct PyRepaired {
    text: String,
    repairs: Vec<PyRepair>,
}

#[pymethods]
impl PyRepaired {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    /// `text, repairs = nutgraf.repair(...)`.
    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let tuple = PyTuple::new(
            py,
            [
                self.text.clone().into_pyobject(py)?.into_any(),
                self.repairs.clone().into_pyobject(py)?.into_any(),
            ],
        )?;
        Ok(tuple.try_iter()?.into_any())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Repaired repairs={} text={}>",
            self.repairs.len(),
            repr_text(py, &self.text)?
        ))
    }
}

/// Repair `text` as `parse` does before reading it. See the stub.
#[pyfunction]
#[pyo3(signature = (text, *, encoding=true))]
pub(crate) fn repair(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    encoding: bool,
) -> PyResult<PyRepaired> {
    let text = extract_text(text, None)?;
    let text: &str = &text;
    let fixed = run_detached(py, || nutgraf::text::repair_with(text, encoding))?;
    let repairs = PyRepair::convert(text, &fixed.repairs);
    Ok(PyRepaired {
        text: fixed.text,
        repairs,
    })
}
