//! Python bindings of nutgraf: the native module `nutgraf._nutgraf`.
//!
//! This crate is deliberately thin. It converts Python values into core values,
//! runs the work detached from the interpreter ([`detach::run_detached`]; batches
//! with [`detach::run_interruptible`], which turns Ctrl-C into `KeyboardInterrupt`
//! while the work runs), maps the core error to the Python exception tree
//! ([`errors::to_py_err`]) and converts results back, turning any panic into
//! `InternalError` ([`errors::catch_panic`]). Every rule about news text lives in
//! the `nutgraf` crate.
//!
//! Offsets: the core keeps byte offsets; Python gets code-point offsets into the
//! original input, converted once per call with [`nutgraf::CharOffsets`].
//!
//! Pickling: `Document` pickles as its binary form; every other class pickles as
//! its fields ([`pickle`]).

// The result classes derive `Deserialize` for pickling; the only `unsafe` in
// their impls is pyo3's generated glue, and they are plain values with no
// invariant a deserialized value could break.
#![allow(clippy::unsafe_derive_deserialize)]

mod convert;
mod corpus;
mod detach;
mod document;
mod errors;
mod events;
mod parse;
mod pickle;
mod quantities;
mod quotes;
mod repairs;
mod stream;
mod tables;
mod times;
mod words;

use pyo3::prelude::*;

/// The native module. It holds no interpreter-global state besides the exception
/// types, so it is declared safe to run without the GIL on free-threaded builds.
#[pymodule(gil_used = false)]
fn _nutgraf(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", nutgraf::SCHEMA_VERSION)?;
    m.add("MAX_THREADS", nutgraf::MAX_THREADS)?;
    m.add_class::<document::PyDocument>()?;
    m.add_class::<document::PyBlock>()?;
    m.add_class::<document::PySentence>()?;
    m.add_class::<document::PyDateline>()?;
    m.add_class::<document::PyEntity>()?;
    m.add_class::<document::PyRole>()?;
    m.add_class::<document::PyMention>()?;
    m.add_class::<times::PyTimeExpression>()?;
    m.add_class::<quantities::PyQuantity>()?;
    m.add_class::<quotes::PyQuote>()?;
    m.add_class::<quotes::PyAttribution>()?;
    m.add_class::<quotes::PySource>()?;
    m.add_class::<quotes::PySpan>()?;
    m.add_class::<quotes::PySpeaker>()?;
    m.add_class::<events::PyEvent>()?;
    m.add_class::<events::PyParticipant>()?;
    m.add_class::<words::PyWord>()?;
    m.add_class::<repairs::PyRepair>()?;
    m.add_class::<repairs::PyRepaired>()?;
    m.add_class::<corpus::PyCorpus>()?;
    m.add_class::<corpus::PyStory>()?;
    m.add_class::<corpus::PyStoryMerge>()?;
    m.add_class::<corpus::PyDuplicate>()?;
    m.add_class::<corpus::PyCorpusEntity>()?;
    m.add_class::<corpus::PyCorpusMention>()?;
    m.add_class::<corpus::PyClaim>()?;
    m.add_class::<corpus::PyConflict>()?;
    m.add_class::<corpus::PyTimelineEntry>()?;
    m.add_class::<corpus::PyTimelineSource>()?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(parse::parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_html, m)?)?;
    m.add_function(wrap_pyfunction!(parse::parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(stream::parse_iter, m)?)?;
    m.add_function(wrap_pyfunction!(times::parse_time, m)?)?;
    m.add_function(wrap_pyfunction!(quantities::parse_quantity, m)?)?;
    m.add_function(wrap_pyfunction!(words::analyze_words, m)?)?;
    m.add_function(wrap_pyfunction!(repairs::repair, m)?)?;
    m.add_function(wrap_pyfunction!(detach::after_fork_in_child, m)?)?;
    m.add_function(wrap_pyfunction!(pickle::_unpickle, m)?)?;
    tables::register(m)?;
    Ok(())
}
