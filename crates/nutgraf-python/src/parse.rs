//! `parse` and `parse_many`: extract Python inputs, run the core detached, convert.
//! (`parse_time` and `parse_quantity` live with their result types.)

use nutgraf::{Meta, Options, Parser};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyList, PyString};

use crate::convert::{extract_date, extract_dates};
use crate::detach::{effective_threads, run_detached};
use crate::document::PyDocument;
use crate::errors::{invalid_option, to_py_err};

/// The stages a call switches on or off, as given by its keyword arguments.
#[derive(Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // one flag per keyword argument
struct Stages {
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
}

fn options(stages: Stages, max_input_bytes: Option<usize>) -> Options {
    let options = Options::new()
        .layout(stages.layout)
        .entities(stages.entities)
        .times(stages.times)
        .quantities(stages.quantities)
        .quotes(stages.quotes)
        .events(stages.events);
    match max_input_bytes {
        Some(limit) => options.max_input_bytes(limit),
        None => options,
    }
}

/// Parse one article. See `nutgraf/_nutgraf.pyi` for the documented signature.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (text, *, published=None, url=None, source=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, max_input_bytes=None))]
pub(crate) fn parse(
    py: Python<'_>,
    text: PyBackedStr,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<String>,
    source: Option<String>,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    max_input_bytes: Option<usize>,
) -> PyResult<PyDocument> {
    let mut meta = Meta::new();
    if let Some(date) = published.map(extract_date).transpose()?.flatten() {
        meta = meta.with_published(date);
    }
    if let Some(url) = url {
        meta = meta.with_url(url);
    }
    if let Some(source) = source {
        meta = meta.with_source(source);
    }
    let stages = Stages {
        layout,
        entities,
        times,
        quantities,
        quotes,
        events,
    };
    let parser = Parser::new(options(stages, max_input_bytes));
    let text: &str = &text;
    run_detached(py, || parser.parse(text, &meta))?
        .map(PyDocument::new)
        .map_err(|e| to_py_err(py, &e, None))
}

/// Parse many articles in parallel, keeping order. See the stub for the contract.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (texts, *, published=None, threads=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, max_input_bytes=None, errors="raise"))]
pub(crate) fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    max_input_bytes: Option<usize>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "return" => false,
        other => {
            return Err(invalid_option(
                py,
                "errors",
                &format!("expected \"raise\" or \"return\", got {other:?}"),
            ))
        }
    };
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be a sequence of str, not a single str",
        ));
    }
    // Everything Python-side is read before the interpreter is released.
    let texts = texts
        .try_iter()?
        .map(|t| t?.extract::<PyBackedStr>())
        .collect::<PyResult<Vec<_>>>()?;
    let dates = extract_dates(published, texts.len())?;
    let inputs: Vec<(PyBackedStr, Meta)> = texts
        .into_iter()
        .zip(dates)
        .map(|(text, date)| {
            let meta = match date {
                Some(d) => Meta::new().with_published(d),
                None => Meta::new(),
            };
            (text, meta)
        })
        .collect();

    let stages = Stages {
        layout,
        entities,
        times,
        quantities,
        quotes,
        events,
    };
    let parser = Parser::new(options(stages, max_input_bytes));
    let threads = effective_threads(threads);
    let results = run_detached(py, || parser.parse_many_with_threads(&inputs, threads))?
        .map_err(|e| to_py_err(py, &e, None))?;

    let out = PyList::empty(py);
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(doc) => out.append(PyDocument::new(doc))?,
            Err(e) if raise => return Err(to_py_err(py, &e, Some(i))),
            Err(e) => out.append(to_py_err(py, &e, Some(i)).into_value(py))?,
        }
    }
    Ok(out)
}
