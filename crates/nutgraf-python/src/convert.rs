//! Conversions between Python values and core values.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use pyo3::exceptions::{PyTypeError, PyUnicodeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDate, PyDateAccess, PyDateTime, PyDict, PyList, PyString, PyTimeAccess};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use crate::errors::{invalid_date, invalid_item, invalid_option, to_py_err, Item};

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
        return date_from_py(d).map(Some);
    }
    Err(PyTypeError::new_err(format!(
        "published must be a str (YYYY-MM-DD), a datetime.date or None, not {}",
        ob.get_type().name()?
    )))
}

/// A `datetime.date` (or the date of a `datetime.datetime`) as a core date.
fn date_from_py(d: &Bound<'_, PyDate>) -> PyResult<Date> {
    let year = i16::try_from(d.get_year()).map_err(out_of_range)?;
    let month = i8::try_from(d.get_month()).map_err(out_of_range)?;
    let day = i8::try_from(d.get_day()).map_err(out_of_range)?;
    Date::new(year, month, day).map_err(out_of_range)
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(out_of_range)`
fn out_of_range(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// Read the `reference` argument of `parse_time`: a `datetime.datetime` (its
/// wall-clock time; a `tzinfo` is ignored), a `datetime.date` (at midnight), or an
/// ISO 8601 string: a date (`2023-10-17`), a civil date and time
/// (`2023-10-17T09:00`; an offset such as `+02:00` is ignored), or an instant in UTC
/// (`2023-10-17T09:00:00Z`).
pub(crate) fn extract_datetime(ob: &Bound<'_, PyAny>) -> PyResult<DateTime> {
    if let Ok(dt) = ob.cast::<PyDateTime>() {
        let date = date_from_py(dt.cast::<PyDate>()?)?;
        let hour = i8::try_from(dt.get_hour()).map_err(out_of_range)?;
        let minute = i8::try_from(dt.get_minute()).map_err(out_of_range)?;
        let second = i8::try_from(dt.get_second()).map_err(out_of_range)?;
        let nanos = i32::try_from(dt.get_microsecond() * 1000).map_err(out_of_range)?;
        let time = jiff::civil::Time::new(hour, minute, second, nanos).map_err(out_of_range)?;
        return Ok(date.to_datetime(time));
    }
    if let Ok(d) = ob.cast::<PyDate>() {
        return Ok(date_from_py(d)?.to_datetime(jiff::civil::Time::midnight()));
    }
    if let Ok(s) = ob.cast::<PyString>() {
        let s = s.to_cow()?;
        let trimmed = s.trim();
        if let Ok(dt) = trimmed.parse::<DateTime>() {
            return Ok(dt);
        }
        if let Ok(ts) = trimmed.parse::<jiff::Timestamp>() {
            return Ok(TimeZone::UTC.to_datetime(ts));
        }
        // Not a date and time: the core's date reader says what is wrong with
        // the date part; if the date part is fine, the time part is the problem.
        let date_error = nutgraf::parse_date(&s).map_err(|e| to_py_err(ob.py(), &e, None));
        let reason = match trimmed.parse::<DateTime>() {
            Err(e) => e.to_string(),
            Ok(_) => "not an ISO 8601 date or date and time".to_owned(),
        };
        date_error?;
        return Err(invalid_date(ob.py(), &s, &reason, None));
    }
    Err(PyTypeError::new_err(format!(
        "reference must be a datetime.date, a datetime.datetime or an ISO 8601 str, not {}",
        ob.get_type().name()?
    )))
}

/// Read the `published` argument of a batch of `n` inputs: one value for all, or a
/// list or tuple with one value per input.
///
/// The outer error fails the whole call (a list of the wrong length, one bad value
/// for all inputs); an unreadable entry of a list is an `InvalidDateError` for its
/// input alone, with `index` set, so that `errors="return"` can keep the others.
pub(crate) fn extract_dates(
    ob: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Vec<PyResult<Option<Date>>>> {
    let Some(ob) = ob else {
        return Ok((0..n).map(|_| Ok(None)).collect());
    };
    if ob.is_instance_of::<PyList>() || ob.is_instance_of::<pyo3::types::PyTuple>() {
        let mut dates = Vec::with_capacity(n);
        for (i, item) in ob.try_iter()?.enumerate() {
            dates.push(extract_date_item(&item?, i));
        }
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
    let date = extract_date(ob)?;
    Ok((0..n).map(|_| Ok(date)).collect())
}

/// One entry of a per-input `published` list; every failure is an
/// `InvalidDateError` for the input at `index`.
pub(crate) fn extract_date_item(ob: &Bound<'_, PyAny>, index: usize) -> PyResult<Option<Date>> {
    let py = ob.py();
    if ob.is_none() {
        return Ok(None);
    }
    let shown = || {
        ob.repr()
            .and_then(|r| r.to_str().map(str::to_owned))
            .unwrap_or_else(|_| "<unprintable>".to_owned())
    };
    if let Ok(s) = ob.cast::<PyString>() {
        return match s.to_str() {
            Ok(s) => nutgraf::parse_date(s)
                .map(Some)
                .map_err(|e| to_py_err(py, &e, Some(index))),
            Err(e) => Err(invalid_date(py, &shown(), &e.to_string(), Some(index))),
        };
    }
    if let Ok(d) = ob.cast::<PyDate>() {
        return date_from_py(d)
            .map(Some)
            .map_err(|e| invalid_date(py, &shown(), &e.to_string(), Some(index)));
    }
    let type_name = ob
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    Err(invalid_date(
        py,
        &shown(),
        &format!("expected a str (YYYY-MM-DD), a datetime.date or None, not {type_name}"),
        Some(index),
    ))
}

/// Read one input text: a `str` that can be encoded as UTF-8. Anything else is an
/// `InvalidInputError` for the input at `index`.
pub(crate) fn extract_text(ob: &Bound<'_, PyAny>, index: Option<usize>) -> PyResult<PyBackedStr> {
    extract_str(ob, Item::Input, index)
}

/// [`extract_text`] for an item that is not a whole input (a word).
pub(crate) fn extract_str(
    ob: &Bound<'_, PyAny>,
    item: Item,
    index: Option<usize>,
) -> PyResult<PyBackedStr> {
    let py = ob.py();
    let Ok(s) = ob.cast::<PyString>() else {
        let type_name = ob
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        return Err(invalid_item(
            py,
            item,
            &format!("expected a str, not {type_name}"),
            index,
        ));
    };
    PyBackedStr::try_from(s.clone()).map_err(|e| {
        if e.is_instance_of::<PyUnicodeError>(py) {
            invalid_item(
                py,
                item,
                &format!("the str cannot be encoded as UTF-8 ({})", e.value(py)),
                index,
            )
        } else {
            e
        }
    })
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

    #[test]
    fn references_from_dates_datetimes_and_strings() {
        Python::initialize();
        Python::attach(|py| {
            let at = |s: &str| extract_datetime(PyString::new(py, s).as_any());
            let nine = jiff::civil::date(2023, 10, 17).at(9, 0, 0, 0);
            let midnight = jiff::civil::date(2023, 10, 17).at(0, 0, 0, 0);
            assert_eq!(at("2023-10-17").unwrap(), midnight);
            assert_eq!(at("2023-10-17T09:00").unwrap(), nine);
            assert_eq!(at(" 2023-10-17 09:00:00 ").unwrap(), nine);
            assert_eq!(at("2023-10-17T09:00:00+02:00").unwrap(), nine);
            assert_eq!(at("2023-10-17T09:00:00Z").unwrap(), nine);
            for bad in [
                "17/10/2023",
                "2023-02-30",
                "",
                "2023-10-17T25:00",
                "2023-10-17 soon",
            ] {
                let err = at(bad).unwrap_err();
                assert!(
                    err.is_instance_of::<crate::errors::InvalidDateError>(py),
                    "{bad}: {err}"
                );
            }
            let date = date_to_py(py, jiff::civil::date(2023, 10, 17)).unwrap();
            assert_eq!(extract_datetime(date.as_any()).unwrap(), midnight);
            let datetime = PyDateTime::new(py, 2023, 10, 17, 9, 0, 0, 0, None).unwrap();
            assert_eq!(extract_datetime(datetime.as_any()).unwrap(), nine);
            assert!(extract_datetime(1.5f64.into_bound_py_any(py).unwrap().as_any()).is_err());
        });
    }
}
