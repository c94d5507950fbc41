//! `TimeExpression` and `parse_time`.
//!
//! Offsets are code-point indices into the text the expression was found in: the
//! document's original input, or the text given to `parse_time`.

use nutgraf::time::Direction;
use nutgraf::CharOffsets;
use pyo3::prelude::*;
use pyo3::types::PyDate;

use crate::convert::{date_to_py, extract_datetime, extract_text};
use crate::detach::run_detached;
use crate::document::{repr_opt, repr_str, repr_text};
use crate::errors::{catch_panic, invalid_option};

/// A time expression with its TIMEX3 value. `text == doc.text[start:end]`.
#[pyclass(frozen, eq, module = "nutgraf._nutgraf", name = "TimeExpression")]
#[derive(serde::Serialize, serde::Deserialize, PartialEq, Clone)]
pub struct PyTimeExpression {
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
    value: Option<String>,
    #[pyo3(get)]
    end_value: Option<String>,
    #[pyo3(get, name = "mod")]
    #[serde(deserialize_with = "crate::pickle::opt_static_str")]
    modifier: Option<crate::pickle::StaticStr>,
    #[pyo3(get)]
    #[serde(deserialize_with = "crate::pickle::static_str")]
    grain: crate::pickle::StaticStr,
    #[serde(with = "crate::pickle::opt_date")]
    anchor: Option<jiff::civil::Date>,
    #[serde(deserialize_with = "crate::pickle::opt_amount")]
    duration: Option<(f64, crate::pickle::StaticStr)>,
}

impl PyTimeExpression {
    /// Convert a core expression found in `text`; `co` indexes `text`.
    pub(crate) fn new(t: &nutgraf::TimeExpression, text: &str, co: &CharOffsets<'_>) -> Self {
        let (start, end) = co.span(t.span);
        PyTimeExpression {
            start,
            end,
            text: t.text(text).to_owned(),
            kind: t.kind.as_str(),
            value: t.value.clone(),
            end_value: t.end_value.clone(),
            modifier: t.modifier.map(nutgraf::time::TimexMod::as_str),
            grain: t.grain.as_str(),
            anchor: t.anchor,
            duration: t.duration(),
        }
    }
}

#[pymethods]
impl PyTimeExpression {
    /// Pickle support (see `pickle`): the object's fields, rebuilt by `_unpickle`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<crate::pickle::Reduced<'py>> {
        crate::pickle::reduce(py, self)
    }

    #[getter]
    fn anchor<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDate>>> {
        self.anchor.map(|d| date_to_py(py, d)).transpose()
    }

    #[getter]
    fn duration(&self) -> Option<(f64, &'static str)> {
        self.duration
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<TimeExpression type={} value={} start={} end={} text={}>",
            repr_str(py, self.kind)?,
            repr_opt(py, self.value.as_deref())?,
            self.start,
            self.end,
            repr_text(py, &self.text)?,
        ))
    }
}

/// Read all of `text` as one time expression. See the stub for the contract.
#[pyfunction]
#[pyo3(signature = (text, reference, *, prefer="nearest"))]
pub(crate) fn parse_time(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    reference: &Bound<'_, PyAny>,
    prefer: &str,
) -> PyResult<Option<PyTimeExpression>> {
    let text = extract_text(text, None)?;
    let prefer = match prefer {
        "past" => Direction::Past,
        "future" => Direction::Future,
        "nearest" => Direction::Nearest,
        other => {
            return Err(invalid_option(
                py,
                "prefer",
                &format!("expected \"past\", \"future\" or \"nearest\", got {other:?}"),
            ))
        }
    };
    let reference = extract_datetime(reference)?;
    let text: &str = &text;
    let found = run_detached(py, || nutgraf::parse_time(text, reference, prefer))?;
    catch_panic(py, || {
        found.map(|t| PyTimeExpression::new(&t, text, &CharOffsets::new(text)))
    })
}
