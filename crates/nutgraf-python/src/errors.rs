//! The Python exception tree and the one conversion from the core error.
//!
//! ```text
//! ValueError
//! └── NutgrafError              index: int | None
//!     ├── InputTooLargeError    length: int, limit: int
//!     ├── InvalidDateError      value: str, reason: str
//!     └── InvalidOptionError    option: str, reason: str
//! ```

use nutgraf::ErrorKind;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::{create_exception, IntoPyObjectExt, PyTypeInfo};

create_exception!(
    nutgraf,
    NutgrafError,
    PyValueError,
    "Base class of every nutgraf error; also a ValueError. `index` is the position of the input in a `parse_many` batch, else None."
);
create_exception!(
    nutgraf,
    InputTooLargeError,
    NutgrafError,
    "The input is longer than `max_input_bytes`. `length` and `limit` are in UTF-8 bytes."
);
create_exception!(
    nutgraf,
    InvalidDateError,
    NutgrafError,
    "A date given by the caller could not be read. `value` is the value as given."
);
create_exception!(
    nutgraf,
    InvalidOptionError,
    NutgrafError,
    "An option has a value that cannot be used. `option` names it."
);

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("NutgrafError", py.get_type::<NutgrafError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    Ok(())
}

/// Convert a core error, raised for the input at `index` of a batch (or `None`).
///
/// This is the only conversion from [`nutgraf::Error`]; new core kinds fall back
/// to the base `NutgrafError` until they get a class of their own.
pub(crate) fn to_py_err(py: Python<'_>, err: &nutgraf::Error, index: Option<usize>) -> PyErr {
    let detail = match err.kind() {
        // The core names its Rust option; Python callers pass a keyword.
        ErrorKind::InputTooLarge { len, limit } => format!(
            "input is {len} bytes, over the limit of {limit} bytes (pass a larger max_input_bytes to accept it)"
        ),
        _ => err.to_string(),
    };
    let message = match index {
        Some(i) => format!("input {i}: {detail}"),
        None => detail,
    };
    let built = match err.kind() {
        ErrorKind::InputTooLarge { len, limit } => build::<InputTooLargeError>(
            py,
            message,
            index,
            &[
                ("length", len.into_bound_py_any(py)),
                ("limit", limit.into_bound_py_any(py)),
            ],
        ),
        ErrorKind::InvalidDate { value, reason } => build::<InvalidDateError>(
            py,
            message,
            index,
            &[
                ("value", value.into_bound_py_any(py)),
                ("reason", reason.into_bound_py_any(py)),
            ],
        ),
        ErrorKind::InvalidOption { name, reason } => build::<InvalidOptionError>(
            py,
            message,
            index,
            &[
                ("option", name.into_bound_py_any(py)),
                ("reason", reason.into_bound_py_any(py)),
            ],
        ),
        _ => build::<NutgrafError>(py, message, index, &[]),
    };
    built.unwrap_or_else(|e| e)
}

/// An `InvalidOptionError` raised by the bindings' own argument checks.
pub(crate) fn invalid_option(py: Python<'_>, option: &str, reason: &str) -> PyErr {
    build::<InvalidOptionError>(
        py,
        format!("invalid option `{option}`: {reason}"),
        None,
        &[
            ("option", option.into_bound_py_any(py)),
            ("reason", reason.into_bound_py_any(py)),
        ],
    )
    .unwrap_or_else(|e| e)
}

/// An `InvalidDateError` raised by the bindings' own argument checks (a date and
/// time whose date part the core accepts but whose time part is unreadable).
pub(crate) fn invalid_date(py: Python<'_>, value: &str, reason: &str) -> PyErr {
    build::<InvalidDateError>(
        py,
        format!("invalid date {value:?}: {reason} (expected an ISO 8601 date or date and time)"),
        None,
        &[
            ("value", value.into_bound_py_any(py)),
            ("reason", reason.into_bound_py_any(py)),
        ],
    )
    .unwrap_or_else(|e| e)
}

/// An exception of type `T` with `index` and the given data attributes set.
fn build<'py, T: PyTypeInfo>(
    py: Python<'py>,
    message: String,
    index: Option<usize>,
    attrs: &[(&str, PyResult<Bound<'py, PyAny>>)],
) -> PyResult<PyErr> {
    let err = PyErr::from_type(py.get_type::<T>(), message);
    let value = err.value(py);
    value.setattr("index", index)?;
    for (name, v) in attrs {
        value.setattr(*name, v.as_ref().map_err(|e| e.clone_ref(py))?)?;
    }
    Ok(err)
}
