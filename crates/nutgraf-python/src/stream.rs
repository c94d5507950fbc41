//! `parse_iter`: documents from any iterable, parsed a batch at a time.
//!
//! The iterator pulls at most `batch_size` items from the caller's iterable,
//! parses them in parallel detached from the interpreter (with
//! [`run_interruptible`], so Ctrl-C stops a batch while it runs), hands out the
//! documents in input order and only then pulls the next batch. Between two
//! `next()` calls no thread of ours runs and nothing but the current batch's
//! results is held, so memory is bounded by one batch whatever the stream's length.

use std::collections::VecDeque;

use nutgraf::{Date, Format, Meta, Parser};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBool, PyInt, PyIterator, PyMapping, PyString};
use pyo3::{PyTraverseError, PyVisit};

use crate::convert::{extract_date, extract_date_item, extract_text};
use crate::detach::{effective_threads, run_interruptible};
use crate::document::PyDocument;
use crate::errors::{catch_panic, internal, invalid_input, invalid_option, to_py_err};
use crate::parse::{extract_errors, extract_threads, options, Stages};

/// The `batch_size` of `parse_iter` when none is given.
const DEFAULT_BATCH_SIZE: usize = 256;

/// What the iterator hands out next.
#[allow(clippy::large_enum_variant)] // nearly all are `Parsed`: boxing would only add an allocation
enum Out {
    /// A parsed input: its position, its `id` and its document or error.
    Parsed(usize, Option<String>, nutgraf::Result<nutgraf::Document>),
    /// An input that failed before parsing (not usable text, a bad date).
    Failed(PyErr),
    /// An exception of the caller's iterable: raised in any `errors` mode, and the
    /// stream ends.
    Broken(PyErr),
}

/// One item pulled from the iterable, ready for the core.
type Input = (PyBackedStr, Meta, Format);

/// The iterator `parse_iter` returns. See the stub for the contract.
#[pyclass(module = "nutgraf._nutgraf", name = "DocumentStream")]
pub(crate) struct PyDocumentStream {
    /// The caller's iterator; `None` once it is exhausted or the stream ended.
    source: Option<Py<PyIterator>>,
    parser: Parser,
    threads: Option<usize>,
    batch_size: usize,
    raise: bool,
    /// The `published` argument: the date of items that give none.
    published: Option<Date>,
    /// Position in the iterable of the next item to pull.
    next_index: usize,
    /// The current batch's results, in input order.
    ready: VecDeque<Out>,
}

/// Parse documents from any iterable, a batch at a time. See the stub.
#[pyfunction]
#[allow(clippy::too_many_arguments, clippy::fn_params_excessive_bools)] // the keyword arguments of a Python function
#[pyo3(signature = (texts, *, published=None, batch_size=None, threads=None, layout=true, entities=true, times=true, quantities=true, quotes=true, events=true, syntax=false, repair_encoding=true, max_input_bytes=None, max_sentence_tokens=None, errors="raise"))]
pub(crate) fn parse_iter<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    published: Option<&Bound<'py, PyAny>>,
    batch_size: Option<&Bound<'py, PyAny>>,
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
) -> PyResult<PyDocumentStream> {
    // Every argument is checked here, before the first item is pulled.
    let raise = extract_errors(py, errors)?;
    let threads = extract_threads(py, threads)?;
    let batch_size = extract_batch_size(py, batch_size)?;
    let published = published.map(extract_date).transpose()?.flatten();
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str or dict, not a single str",
        ));
    }
    if texts.cast::<PyMapping>().is_ok() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str or dict, not a single dict",
        ));
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
    Ok(PyDocumentStream {
        source: Some(texts.try_iter()?.unbind()),
        parser: Parser::new(options(stages, max_input_bytes, max_sentence_tokens)),
        threads: effective_threads(threads),
        batch_size,
        raise,
        published,
        next_index: 0,
        ready: VecDeque::new(),
    })
}

/// Read the `batch_size` argument: `None` (the default), or an int of at least 1.
fn extract_batch_size(py: Python<'_>, size: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(size) = size.filter(|s| !s.is_none()) else {
        return Ok(DEFAULT_BATCH_SIZE);
    };
    if !size.is_instance_of::<PyInt>() || size.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "batch_size must be an int or None, not {}",
            size.get_type().name()?
        )));
    }
    match size.extract::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(invalid_option(
            py,
            "batch_size",
            &format!("{size} is not a positive number of items"),
        )),
    }
}

#[pymethods]
impl PyDocumentStream {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            match self.ready.pop_front() {
                Some(Out::Parsed(index, id, result)) => match result {
                    Ok(doc) => return Ok(Some(Bound::new(py, PyDocument::new(doc))?.into_any())),
                    Err(e) => {
                        let e = with_id(py, to_py_err(py, &e, Some(index)), id);
                        return self.failed(py, e);
                    }
                },
                Some(Out::Failed(e)) => return self.failed(py, e),
                Some(Out::Broken(e)) => {
                    self.finish();
                    return Err(e);
                }
                None if self.source.is_none() => return Ok(None),
                None => self.fill(py)?,
            }
        }
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        if let Some(source) = &self.source {
            visit.call(source)?;
        }
        Ok(())
    }

    fn __clear__(&mut self) {
        self.finish();
    }

    fn __repr__(&self) -> String {
        format!(
            "<DocumentStream batch_size={} pulled={} {}>",
            self.batch_size,
            self.next_index,
            if self.source.is_some() {
                "running"
            } else {
                "finished"
            }
        )
    }
}

impl PyDocumentStream {
    /// End the stream: nothing more is pulled or handed out.
    fn finish(&mut self) {
        self.source = None;
        self.ready.clear();
    }

    /// The outcome of a failed input: raised (and the stream ends) or returned.
    fn failed<'py>(&mut self, py: Python<'py>, e: PyErr) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.raise {
            self.finish();
            Err(e)
        } else {
            Ok(Some(e.into_value(py).into_bound(py).into_any()))
        }
    }

    /// Pull the next batch from the iterable and parse it into `ready`.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(source) = &self.source else {
            return Ok(());
        };
        let mut source = source.bind(py).clone();
        // Everything Python-side is read before the interpreter is released:
        // `slots` keeps input order, `Ok(n)` for the n-th input handed to the core.
        let mut inputs: Vec<Input> = Vec::with_capacity(self.batch_size);
        let mut slots: Vec<(usize, Option<String>, Result<usize, PyErr>)> =
            Vec::with_capacity(self.batch_size);
        let mut broken = None;
        let mut exhausted = false;
        while slots.len() < self.batch_size {
            let item = match source.next() {
                None => {
                    exhausted = true;
                    break;
                }
                Some(Err(e)) => {
                    broken = Some(e);
                    break;
                }
                Some(Ok(item)) => item,
            };
            let index = self.next_index;
            self.next_index += 1;
            let (id, input) = self.extract_item(&item, index);
            match input {
                Ok(input) => {
                    slots.push((index, id, Ok(inputs.len())));
                    inputs.push(input);
                }
                Err(e) => {
                    slots.push((index, None, Err(with_id(py, e, id))));
                    // With errors="raise" nothing after the first bad input is
                    // handed out: stop pulling at it.
                    if self.raise {
                        exhausted = true;
                        break;
                    }
                }
            }
        }
        if exhausted || broken.is_some() {
            self.source = None;
        }

        let parser = &self.parser;
        let threads = self.threads;
        let results = if inputs.is_empty() {
            Vec::new()
        } else {
            match run_interruptible(py, |cancel| {
                parser.parse_batch_cancellable(&inputs, threads, cancel)
            }) {
                Ok(results) => results.map_err(|e| to_py_err(py, &e, None))?,
                Err(e) => {
                    // Ctrl-C (or a bug): the batch is lost and the stream ends.
                    self.finish();
                    return Err(e);
                }
            }
        };
        drop(inputs);

        catch_panic(py, || {
            let mut results = results.into_iter();
            for (index, id, slot) in slots {
                self.ready.push_back(match slot {
                    Err(e) => Out::Failed(e),
                    Ok(_) => match results.next() {
                        Some(result) => Out::Parsed(index, id, result),
                        None => Out::Failed(internal(py, "a batch result is missing", Some(index))),
                    },
                });
            }
            if let Some(e) = broken {
                self.ready.push_back(Out::Broken(e));
            }
        })
    }

    /// Read one item: a `str`, or a dict with `text` or `html` and optionally
    /// `published`, `url` and `id`; with the item's id, if it has a usable one. A
    /// failure is an error of this input alone.
    fn extract_item(
        &self,
        item: &Bound<'_, PyAny>,
        index: usize,
    ) -> (Option<String>, PyResult<Input>) {
        let Ok(record) = item.cast::<PyMapping>() else {
            let meta = self
                .published
                .map_or_else(Meta::new, |d| Meta::new().with_published(d));
            return (
                None,
                extract_text(item, Some(index)).map(|t| (t, meta, Format::Text)),
            );
        };
        match read_id(record, index) {
            Ok(id) => (id, self.extract_record(record, index)),
            Err(e) => (None, Err(e)),
        }
    }

    /// Read a dict item's input and metadata.
    fn extract_record(&self, record: &Bound<'_, PyMapping>, index: usize) -> PyResult<Input> {
        let py = record.py();
        let (input, format) = match (field(record, "text")?, field(record, "html")?) {
            (Some(text), None) => (text, Format::Text),
            (None, Some(html)) => (html, Format::Html),
            (Some(_), Some(_)) => {
                return Err(invalid_input(
                    py,
                    "the dict has both \"text\" and \"html\" (give one)",
                    Some(index),
                ))
            }
            (None, None) => {
                return Err(invalid_input(
                    py,
                    "the dict has no \"text\" or \"html\"",
                    Some(index),
                ))
            }
        };
        let input = extract_text(&input, Some(index))?;
        let mut meta = Meta::new();
        // A dict's own `published` wins, even None (no date).
        let date = if record.contains("published")? {
            extract_date_item(&record.get_item("published")?, index)?
        } else {
            self.published
        };
        if let Some(date) = date {
            meta = meta.with_published(date);
        }
        if let Some(url) = field(record, "url")? {
            let url = url
                .cast::<PyString>()
                .ok()
                .and_then(|u| u.to_str().ok().map(str::to_owned))
                .ok_or_else(|| {
                    invalid_input(py, "the url must be a str encodable as UTF-8", Some(index))
                })?;
            meta = meta.with_url(url);
        }
        Ok((input, meta, format))
    }
}

/// A dict item's value for `key`; `None` when it is missing or `None`.
fn field<'py>(record: &Bound<'py, PyMapping>, key: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
    if record.contains(key)? {
        Ok(Some(record.get_item(key)?).filter(|v| !v.is_none()))
    } else {
        Ok(None)
    }
}

/// A dict item's `id`: a `str`, or an `int` (not a `bool`) as its decimal string.
fn read_id(record: &Bound<'_, PyMapping>, index: usize) -> PyResult<Option<String>> {
    match field(record, "id")? {
        None => Ok(None),
        Some(id)
            if id.is_instance_of::<PyString>()
                || (id.is_instance_of::<PyInt>() && !id.is_instance_of::<PyBool>()) =>
        {
            Ok(Some(id.str()?.to_string_lossy().into_owned()))
        }
        Some(id) => Err(invalid_input(
            record.py(),
            &format!(
                "the id must be a str or an int, not {}",
                id.get_type().name()?
            ),
            Some(index),
        )),
    }
}

/// `e` with the failed item's `id` set, when it has one.
fn with_id(py: Python<'_>, e: PyErr, id: Option<String>) -> PyErr {
    if let Some(id) = id {
        // An exception value always takes attributes; if one refused, the error
        // would still carry its message and `index`.
        let _ = e.value(py).setattr("id", id);
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<PyDocumentStream>();
    }
}
