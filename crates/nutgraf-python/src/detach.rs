//! The one place where work leaves the interpreter.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::Duration;

use pyo3::prelude::*;

use crate::errors::{internal, panic_message};

/// How often a running batch looks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// Run `f` detached from the interpreter (the GIL released), then re-attach and
/// raise any signal that arrived meanwhile. A panic in `f` becomes
/// `InternalError`. For short calls; batches use [`run_interruptible`].
pub(crate) fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce() -> T,
    T: Send,
{
    let out = py.detach(|| catch_unwind(AssertUnwindSafe(f)));
    py.check_signals()?;
    out.map_err(|payload| internal(py, &panic_message(payload.as_ref()), None))
}

/// Run `f(cancel)` on a worker thread, detached, while this thread wakes every
/// [`SIGNAL_POLL`] to run the interpreter's signal handlers (polars' `enter_polars`
/// does the same). When a handler raises (Ctrl-C gives `KeyboardInterrupt`),
/// `cancel` is set, `f` is awaited (it must stop promptly once `cancel` is set:
/// inputs already being parsed finish, the others are skipped) and the exception
/// is returned. A panic in `f` becomes `InternalError`.
///
/// Signal handlers only run on the main thread; called from another thread, this
/// waits for `f` like [`run_detached`].
pub(crate) fn run_interruptible<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    F: Send + FnOnce(&AtomicBool) -> T,
    T: Send,
{
    let cancel = AtomicBool::new(false);
    let done = (Mutex::new(false), Condvar::new());
    std::thread::scope(|scope| {
        let cancel = &cancel;
        let done = &done;
        let worker = scope.spawn(move || {
            let out = catch_unwind(AssertUnwindSafe(|| f(cancel)));
            *done.0.lock().unwrap_or_else(PoisonError::into_inner) = true;
            done.1.notify_all();
            out
        });
        let interrupted = loop {
            let finished = py.detach(|| {
                let guard = done.0.lock().unwrap_or_else(PoisonError::into_inner);
                let (guard, _) = done
                    .1
                    .wait_timeout_while(guard, SIGNAL_POLL, |finished| !*finished)
                    .unwrap_or_else(PoisonError::into_inner);
                *guard
            });
            if finished {
                break None;
            }
            if let Err(e) = py.check_signals() {
                cancel.store(true, Ordering::Relaxed);
                break Some(e);
            }
        };
        let out = py.detach(|| worker.join());
        if let Some(e) = interrupted {
            return Err(e);
        }
        py.check_signals()?;
        match out {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(payload)) | Err(payload) => {
                Err(internal(py, &panic_message(payload.as_ref()), None))
            }
        }
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::{catch_panic, InternalError};

    #[test]
    fn panics_become_internal_errors() {
        Python::initialize();
        Python::attach(|py| {
            let quiet = std::panic::take_hook();
            std::panic::set_hook(Box::new(|_| {}));
            let detached = run_detached(py, || -> u8 { panic!("boom in a stage") });
            let worker =
                run_interruptible(py, |_: &AtomicBool| -> u8 { panic!("boom in a batch") });
            let converting = catch_panic(py, || -> u8 { panic!("boom converting") });
            std::panic::set_hook(quiet);
            for (err, reason) in [
                (detached.unwrap_err(), "boom in a stage"),
                (worker.unwrap_err(), "boom in a batch"),
                (converting.unwrap_err(), "boom converting"),
            ] {
                assert!(err.is_instance_of::<InternalError>(py), "{err}");
                let value = err.value(py);
                let got: String = value.getattr("reason").unwrap().extract().unwrap();
                assert_eq!(got, reason);
                assert!(value.getattr("index").unwrap().is_none());
                assert!(err.to_string().contains("internal error in nutgraf"));
            }
        });
    }

    #[test]
    fn interruptible_returns_the_value() {
        Python::initialize();
        Python::attach(|py| {
            let got = run_interruptible(py, |cancel: &AtomicBool| cancel.load(Ordering::Relaxed));
            assert!(!got.unwrap(), "not cancelled without a signal");
        });
    }
}
