//! Conversions between Python values and core values.

use jiff::civil::Date;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDate, PyDateAccess, PyDict, PyList, PyString};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use crate::errors::{invalid_option, to_py_err};

/// A core date as a `datetime.date`.
pub(crate) fn date_to_py(py: Python<'_>, date: Date) -> PyResult<Bound<'_, PyDate>> {
    // jiff months and days are positive (1..=12, 1..=31).
    PyDate::new(
        py,
        i32::from(date.year()),
        date.month().unsigned_abs(),
        date.day().unsigned_abs(),
    )
}

/// Read a `published` argument: `None`, a `YYYY-MM-DD` string, or a
/// `datetime.date` (a `datetime.datetime` gives its date).
pub(crate) fn extract_date(ob: &Bound<'_, PyAny>) -> PyResult<Option<Date>> {
    if ob.is_none() {
        return Ok(None);
    }
    if let Ok(s) = ob.cast::<PyString>() {
        let s = s.to_cow()?;
        return nutgraf::parse_date(&s)
            .map(Some)
            .map_err(|e| to_py_err(ob.py(), &e, None));
    }
    if let Ok(d) = ob.cast::<PyDate>() {
        let out_of_range = |e: &dyn std::fmt::Display| PyValueError::new_err(e.to_string());
        let year = i16::try_from(d.get_year()).map_err(|e| out_of_range(&e))?;
        let month = i8::try_from(d.get_month()).map_err(|e| out_of_range(&e))?;
        let day = i8::try_from(d.get_day()).map_err(|e| out_of_range(&e))?;
        return Date::new(year, month, day)
            .map(Some)
            .map_err(|e| out_of_range(&e));
    }
    Err(PyTypeError::new_err(format!(
        "published must be a str (YYYY-MM-DD), a datetime.date or None, not {}",
        ob.get_type().name()?
    )))
}

/// Read the `published` argument of a batch of `n` inputs: one value for all, or a
/// list or tuple with one value per input.
pub(crate) fn extract_dates(
    ob: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Vec<Option<Date>>> {
    let Some(ob) = ob else {
        return Ok(vec![None; n]);
    };
    if ob.is_instance_of::<PyList>() || ob.is_instance_of::<pyo3::types::PyTuple>() {
        let dates = ob
            .try_iter()?
            .map(|item| extract_date(&item?))
            .collect::<PyResult<Vec<_>>>()?;
        if dates.len() != n {
            return Err(invalid_option(
                ob.py(),
                "published",
                &format!(
                    "got {} dates for {n} texts (give one value, or one per text)",
                    dates.len()
                ),
            ));
        }
        return Ok(dates);
    }
    Ok(vec![extract_date(ob)?; n])
}

/// A JSON value as plain Python objects (`dict`, `list`, `str`, `int`, `float`,
/// `bool`, `None`), exactly what `json.loads` gives for its serialization.
pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            Ok(dict.into_any())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_to_py_matches_json_loads() {
        Python::initialize();
        Python::attach(|py| {
            let value = serde_json::json!({
                "schema_version": 1,
                "neg": -3,
                "big": u64::MAX,
                "ratio": 0.5,
                "flag": true,
                "none": null,
                "text": "Vladímir “quoted”",
                "list": [1, "two", [null], {}],
            });
            let ours = json_to_py(py, &value).unwrap();
            let loads = py
                .import("json")
                .unwrap()
                .call_method1("loads", (value.to_string(),))
                .unwrap();
            assert!(ours.eq(loads).unwrap());
        });
    }

    #[test]
    fn dates_round_trip() {
        Python::initialize();
        Python::attach(|py| {
            let date = jiff::civil::date(2023, 10, 17);
            let py_date = date_to_py(py, date).unwrap();
            assert_eq!(extract_date(py_date.as_any()).unwrap(), Some(date));
            let from_str = PyString::new(py, "2023-10-17T08:00:00Z");
            assert_eq!(extract_date(from_str.as_any()).unwrap(), Some(date));
            assert!(extract_date(PyString::new(py, "17/10/2023").as_any()).is_err());
        });
    }
}
