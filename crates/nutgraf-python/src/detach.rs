//! The one place where work leaves the interpreter.

use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::marker::Ungil;
use pyo3::prelude::*;

/// Run `f` detached from the interpreter (the GIL released), then re-attach and
/// raise any signal that arrived meanwhile, so Ctrl-C during a long batch becomes
/// `KeyboardInterrupt` as soon as the batch returns.
pub(crate) fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Ungil + FnOnce() -> T,
    T: Ungil,
{
    let out = py.detach(f);
    py.check_signals()?;
    Ok(out)
}

/// Set in a child process after `fork()`: the parent's rayon global pool has no
/// threads there, so batches must build a pool of their own.
static FORKED: AtomicBool = AtomicBool::new(false);

/// Registered with `os.register_at_fork(after_in_child=...)` by `nutgraf/__init__.py`.
#[pyfunction(name = "_after_fork_in_child")]
pub(crate) fn after_fork_in_child() {
    FORKED.store(true, Ordering::Relaxed);
}

/// The thread count to hand to the core: `None` means the global rayon pool,
/// except in a forked child, where a fresh pool is built.
pub(crate) fn effective_threads(threads: Option<usize>) -> Option<usize> {
    match threads {
        None | Some(0) if FORKED.load(Ordering::Relaxed) => {
            Some(std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
        }
        other => other,
    }
}
