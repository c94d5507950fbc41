//! `parse` and `parse_many`: extract Python inputs, run the core detached, convert.
//! (`parse_time` and `parse_quantity` live with their result types.)

use nutgraf::{Meta, Options, Parser, MAX_THREADS};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyInt, PyList, PyString};

use crate::convert::{extract_date, extract_dates, extract_text};
use crate::detach::{effective_threads, run_detached, run_interruptible};
use crate::document::PyDocument;
use crate::errors::{catch_panic, internal, invalid_option, to_py_err};

/// The stages a call switches on or off, as given by its keyword arguments.
#[derive(Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // one flag per keyword argument
pub(crate) struct Stages {
    pub(crate) layout: bool,
    pub(crate) entities: bool,
    pub(crate) times: bool,
    pub(crate) quantities: bool,
    pub(crate) quotes: bool,
    pub(crate) events: bool,
    pub(crate) syntax: bool,
    pub(crate) repair_encoding: bool,
}

pub(crate) fn options(
    stages: Stages,
    max_input_bytes: Option<usize>,
    max_sentence_tokens: Option<usize>,
) -> Options {
    let mut options = Options::new()
        .layout(stages.layout)
        .entities(stages.entities)
        .times(stages.times)
        .quantities(stages.quantities)
        .quotes(stages.quotes)
        .events(stages.events)
        .syntax(stages.syntax)
        .repair_encoding(stages.repair_encoding);
    if let Some(limit) = max_input_bytes {
        options = options.max_input_bytes(limit);
    }
    if let Some(tokens) = max_sentence_tokens {
        options = options.max_sentence_tokens(tokens);
    }
    options
}

/// Parse one article. See `nutgraf/_nutgraf.pyi` for the documented signature.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (text, *, published=None, url=None, source=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, syntax=false, repair_encoding=true, max_input_bytes=None, max_sentence_tokens=None))]
pub(crate) fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    published: Option<&Bound<'_, PyAny>>,
    url: Option<String>,
    source: Option<String>,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    syntax: bool,
    repair_encoding: bool,
    max_input_bytes: Option<usize>,
    max_sentence_tokens: Option<usize>,
) -> PyResult<PyDocument> {
    let stages = Stages {
        layout,
        entities,
        times,
        quantities,
        quotes,
        events,
        syntax,
        repair_encoding,
    };
    let meta = meta_of(published, url, source)?;
    let options = options(stages, max_input_bytes, max_sentence_tokens);
    parse_one(py, text, &meta, options, Parser::parse)
}

/// Parse one web page. See `nutgraf/_nutgraf.pyi` for the documented signature.
#[pyfunction]
#[allow(clippy::needless_pass_by_value)] // pyo3 hands extracted arguments over by value
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (html, url=None, published=None, *, source=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, syntax=false, repair_encoding=true, max_input_bytes=None, max_sentence_tokens=None))]
pub(crate) fn parse_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
    source: Option<String>,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    syntax: bool,
    repair_encoding: bool,
    max_input_bytes: Option<usize>,
    max_sentence_tokens: Option<usize>,
) -> PyResult<PyDocument> {
    let stages = Stages {
        layout,
        entities,
        times,
        quantities,
        quotes,
        events,
        syntax,
        repair_encoding,
    };
    let meta = meta_of(published, url, source)?;
    let options = options(stages, max_input_bytes, max_sentence_tokens);
    parse_one(py, html, &meta, options, Parser::parse_html)
}

/// The `Meta` of a call's `published`, `url` and `source` arguments.
fn meta_of(
    published: Option<&Bound<'_, PyAny>>,
    url: Option<String>,
    source: Option<String>,
) -> PyResult<Meta> {
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
    Ok(meta)
}

/// Parse one input (`parse` text, `parse_html` a page) detached from the
/// interpreter, errors mapped.
fn parse_one(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    meta: &Meta,
    options: Options,
    run: fn(&Parser, &str, &Meta) -> nutgraf::Result<nutgraf::Document>,
) -> PyResult<PyDocument> {
    let input = extract_text(input, None)?;
    let parser = Parser::new(options);
    let input: &str = &input;
    run_detached(py, || run(&parser, input, meta))?
        .map(PyDocument::new)
        .map_err(|e| to_py_err(py, &e, None))
}

/// Read the `threads` argument: `None`, or an int from 0 to [`MAX_THREADS`].
pub(crate) fn extract_threads(
    py: Python<'_>,
    threads: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<usize>> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    if !threads.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "threads must be an int or None, not {}",
            threads.get_type().name()?
        )));
    }
    let over = || {
        invalid_option(
            py,
            "threads",
            &format!("{threads} threads is over the limit of {MAX_THREADS} (nutgraf.MAX_THREADS)"),
        )
    };
    if threads.lt(0)? {
        return Err(invalid_option(
            py,
            "threads",
            &format!("{threads} is negative (give 0 or None for one thread per core)"),
        ));
    }
    match threads.extract::<usize>() {
        Ok(n) if n <= MAX_THREADS => Ok(Some(n)),
        // Over the limit, or too large for a machine word.
        _ => Err(over()),
    }
}

/// Read the `errors` argument: `true` for `"raise"`, `false` for `"return"`.
pub(crate) fn extract_errors(py: Python<'_>, errors: &str) -> PyResult<bool> {
    match errors {
        "raise" => Ok(true),
        "return" => Ok(false),
        other => Err(invalid_option(
            py,
            "errors",
            &format!("expected \"raise\" or \"return\", got {other:?}"),
        )),
    }
}

/// One input of a batch: a text ready to parse, or the error it already has.
enum Slot {
    /// The next input handed to the core.
    Parse,
    Failed(PyErr),
}

/// Inputs read between two looks for Ctrl-C while a batch's inputs are read.
const SIGNAL_EVERY: usize = 1024;

/// Parse many articles in parallel, keeping order. See the stub for the contract.
///
/// Every input gets one result in place: an item that is no usable text, an
/// unreadable entry of a `published` list, a text over the size limit and a bug
/// hit while parsing are all errors of their input alone, with `index` set.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (texts, *, published=None, threads=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, syntax=false, repair_encoding=true, max_input_bytes=None, max_sentence_tokens=None, errors="raise"))]
pub(crate) fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    syntax: bool,
    repair_encoding: bool,
    max_input_bytes: Option<usize>,
    max_sentence_tokens: Option<usize>,
    errors: &str,
) -> PyResult<Bound<'py, PyList>> {
    let raise = extract_errors(py, errors)?;
    let threads = extract_threads(py, threads)?;
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be a sequence of str, not a single str",
        ));
    }
    // Everything Python-side is read before the interpreter is released.
    // Reading 100,000 long texts takes a second or two (each is encoded to
    // UTF-8): Ctrl-C is looked for along the way, as while parsing.
    let mut items = Vec::new();
    for (i, item) in texts.try_iter()?.enumerate() {
        if i % SIGNAL_EVERY == SIGNAL_EVERY - 1 {
            py.check_signals()?;
        }
        items.push(extract_text(&item?, Some(i)));
    }
    let dates = extract_dates(published, items.len())?;
    let mut inputs: Vec<(PyBackedStr, Meta)> = Vec::with_capacity(items.len());
    let mut slots = Vec::with_capacity(items.len());
    for (text, date) in items.into_iter().zip(dates) {
        let slot = match (text, date) {
            (Err(e), _) | (Ok(_), Err(e)) => Slot::Failed(e),
            (Ok(text), Ok(date)) => {
                let meta = match date {
                    Some(d) => Meta::new().with_published(d),
                    None => Meta::new(),
                };
                inputs.push((text, meta));
                Slot::Parse
            }
        };
        let failed = matches!(slot, Slot::Failed(_));
        slots.push(slot);
        // With errors="raise" nothing after the first bad input can be reported:
        // only the inputs before it are parsed, to find an earlier failure.
        if raise && failed {
            break;
        }
    }

    let stages = Stages {
        layout,
        entities,
        times,
        quantities,
        quotes,
        events,
        syntax,
        repair_encoding,
    };
    let parser = Parser::new(options(stages, max_input_bytes, max_sentence_tokens));
    let threads = effective_threads(threads);
    let mut results = run_interruptible(py, |cancel| {
        parser.parse_many_cancellable(&inputs, threads, cancel)
    })?
    .map_err(|e| to_py_err(py, &e, None))?
    .into_iter();

    catch_panic(py, || -> PyResult<_> {
        let out = PyList::empty(py);
        for (i, slot) in slots.into_iter().enumerate() {
            let result = match slot {
                Slot::Failed(e) => Err(e),
                Slot::Parse => match results.next() {
                    Some(Ok(doc)) => Ok(PyDocument::new(doc)),
                    Some(Err(e)) => Err(to_py_err(py, &e, Some(i))),
                    None => Err(internal(py, "a batch result is missing", Some(i))),
                },
            };
            match result {
                Ok(doc) => out.append(doc)?,
                Err(e) if raise => return Err(e),
                Err(e) => out.append(e.into_value(py))?,
            }
        }
        Ok(out)
    })?
}
