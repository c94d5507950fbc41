//! The Python exception tree and the one conversion from the core error.
//!
//! ```text
//! ValueError
//! └── NutgrafError              index: int | None
//!     ├── InputTooLargeError    length: int, limit: int
//!     ├── InvalidDateError      value: str, reason: str
//!     ├── InvalidOptionError    option: str, reason: str
//!     ├── InvalidInputError     reason: str          (also a TypeError)
//!     ├── DuplicateIdError      id: str
//!     ├── InvalidDocumentError  at: str, reason: str
//!     └── InternalError         reason: str
//! ```
//!
//! `InternalError` is a bug in nutgraf: a panic in the core (caught there, per
//! input) or in this crate's own conversions (caught by [`catch_panic`]). No panic
//! reaches Python as pyo3's `PanicException`, which is not an `Exception`.
//! The core's `Cancelled` never reaches Python: a batch is only cancelled when
//! Ctrl-C arrives, and then the call raises `KeyboardInterrupt` instead.

use std::panic::{catch_unwind, AssertUnwindSafe};

use nutgraf::ErrorKind;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::{create_exception, IntoPyObjectExt, PyTypeInfo};

create_exception!(
    nutgraf,
    NutgrafError,
    PyValueError,
    "Base class of every nutgraf error; also a ValueError. `index` is the position of the input in a `parse_many` batch (of the document in `Corpus.extend`), else None."
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
create_exception!(
    nutgraf,
    DuplicateIdError,
    NutgrafError,
    "A document was already added to the Corpus under this id (the corpus is unchanged by that document). `id` is the id."
);
create_exception!(
    nutgraf,
    InvalidDocumentError,
    NutgrafError,
    "Bytes given to `Document.from_bytes`, or JSON given to `Document.from_json`/`from_dict`, do not hold a whole, consistent document; or a pickled part of a document or of a corpus does not read back. `at` says where (\"byte 1234\", \"blocks[3].start\", the pickled part's class), `reason` what was wrong."
);

create_exception!(
    nutgraf,
    InternalError,
    NutgrafError,
    "A bug in nutgraf (a panic in a stage or in the bindings), not a fault of the input. `reason` is the panic message. Please report it with the input."
);

const INVALID_INPUT_DOC: &str = "An input is not usable text: not a str, or a str that cannot be encoded as UTF-8 (it holds a lone surrogate); for analyze_words also an empty word, a word holding whitespace, or more words than the limit. Also a TypeError. `reason` says which.";

/// `InvalidInputError(NutgrafError, TypeError)`. `create_exception!` takes one
/// base, so this class is made by calling `type` once and kept here.
static INVALID_INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn invalid_input_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    INVALID_INPUT_ERROR
        .get_or_try_init(py, || {
            let bases = PyTuple::new(
                py,
                [py.get_type::<NutgrafError>(), py.get_type::<PyTypeError>()],
            )?;
            let dict = PyDict::new(py);
            dict.set_item("__module__", "nutgraf")?;
            dict.set_item("__doc__", INVALID_INPUT_DOC)?;
            let class = py
                .get_type::<PyType>()
                .call1(("InvalidInputError", bases, dict))?;
            Ok(class.cast_into::<PyType>()?.unbind())
        })
        .map(|t| t.bind(py))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("NutgrafError", py.get_type::<NutgrafError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("InvalidInputError", invalid_input_type(py)?)?;
    m.add("DuplicateIdError", py.get_type::<DuplicateIdError>())?;
    m.add(
        "InvalidDocumentError",
        py.get_type::<InvalidDocumentError>(),
    )?;
    m.add("InternalError", py.get_type::<InternalError>())?;
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
    let message = at(index, detail);
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
        ErrorKind::Internal { message: reason } => build::<InternalError>(
            py,
            message,
            index,
            &[("reason", reason.into_bound_py_any(py))],
        ),
        ErrorKind::DuplicateId { id } => {
            build::<DuplicateIdError>(py, message, index, &[("id", id.into_bound_py_any(py))])
        }
        ErrorKind::InvalidDocument { at, reason } => build::<InvalidDocumentError>(
            py,
            message,
            index,
            &[
                ("at", at.into_bound_py_any(py)),
                ("reason", reason.into_bound_py_any(py)),
            ],
        ),
        // `Cancelled` (never raised to Python, see the module docs) and kinds added
        // to the core later.
        _ => build::<NutgrafError>(py, message, index, &[]),
    };
    built.unwrap_or_else(|e| e)
}

/// `message`, prefixed with the batch position when there is one.
fn at(index: Option<usize>, message: String) -> String {
    match index {
        Some(i) => format!("input {i}: {message}"),
        None => message,
    }
}

/// An `InvalidDocumentError` for a pickled part of a document or of a corpus
/// that does not read back: `at` names its class.
pub(crate) fn invalid_pickle(py: Python<'_>, at: &str, reason: &str) -> PyErr {
    build::<InvalidDocumentError>(
        py,
        format!("pickled {at}: {reason}"),
        None,
        &[
            ("at", at.into_bound_py_any(py)),
            ("reason", reason.into_bound_py_any(py)),
        ],
    )
    .unwrap_or_else(|e| e)
}

/// A `NutgrafError` with `message` (no more specific class fits).
pub(crate) fn nutgraf_error(py: Python<'_>, message: String) -> PyErr {
    build::<NutgrafError>(py, message, None, &[]).unwrap_or_else(|e| e)
}

/// An `InternalError` for a panic caught in this crate.
pub(crate) fn internal(py: Python<'_>, reason: &str, index: Option<usize>) -> PyErr {
    build::<InternalError>(
        py,
        at(
            index,
            format!("internal error in nutgraf (a bug, not a fault of the input; please report it with the input): {reason}"),
        ),
        index,
        &[("reason", reason.into_bound_py_any(py))],
    )
    .unwrap_or_else(|e| e)
}

/// An `InvalidInputError` for the input at `index` (or `None`).
pub(crate) fn invalid_input(py: Python<'_>, reason: &str, index: Option<usize>) -> PyErr {
    invalid_item(py, Item::Input, reason, index)
}

/// What the `index` of an `InvalidInputError` counts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Item {
    /// Texts of a batch ("input 3: ...").
    Input,
    /// Words given to `analyze_words` ("word 3: ...").
    Word,
}

/// An `InvalidInputError` for the item at `index` (or `None`), its position
/// named in the message.
pub(crate) fn invalid_item(
    py: Python<'_>,
    item: Item,
    reason: &str,
    index: Option<usize>,
) -> PyErr {
    let message = match (item, index) {
        (Item::Word, Some(i)) => format!("word {i}: {reason}"),
        _ => at(index, reason.to_owned()),
    };
    let built = invalid_input_type(py).and_then(|class| {
        let err = PyErr::from_type(class.clone(), message);
        let value = err.value(py);
        value.setattr("index", index)?;
        value.setattr("reason", reason)?;
        Ok(err)
    });
    built.unwrap_or_else(|e| e)
}

/// The message of a caught panic's payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Run `f`, turning a panic into `InternalError`: the bindings' own conversions
/// run under this, so a bug there never unwinds into pyo3 (which would raise
/// `PanicException`, a `BaseException` that `except Exception` does not catch).
pub(crate) fn catch_panic<T>(py: Python<'_>, f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|payload| internal(py, &panic_message(payload.as_ref()), None))
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
/// time whose date part the core accepts but whose time part is unreadable, a
/// `published` entry of the wrong type), for the input at `index` (or `None`).
pub(crate) fn invalid_date(
    py: Python<'_>,
    value: &str,
    reason: &str,
    index: Option<usize>,
) -> PyErr {
    build::<InvalidDateError>(
        py,
        at(
            index,
            format!(
                "invalid date {value:?}: {reason} (expected an ISO 8601 date or date and time)"
            ),
        ),
        index,
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
