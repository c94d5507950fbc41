//! Keeping a bug on one input from taking the run down.
//!
//! The core already turns a panic inside `Parser::parse` into
//! `ErrorKind::Internal`; [`catch`] does the same for the rest of the work on one
//! input (serializing, rendering, this crate's own code), so that `parse` reports
//! the one file and `batch` writes an error record for the one line.

use std::panic::{catch_unwind, AssertUnwindSafe};

/// What `batch` and `parse` say about a bug.
pub const INTERNAL: &str =
    "internal error in nutgraf (a bug, not a fault of the input; please report it with the input)";

/// Run `f`; a panic becomes `Err` with its message.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}

/// Debug builds only, for the tests: panic on a text that contains the value of
/// `NUTGRAF_DEBUG_PANIC`, standing for a bug met on that input. Release builds
/// have no such hook.
#[cfg(debug_assertions)]
pub fn debug_panic(text: &str) {
    static TRIGGER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    let trigger = TRIGGER.get_or_init(|| std::env::var("NUTGRAF_DEBUG_PANIC").ok());
    if let Some(trigger) = trigger.as_deref().filter(|t| !t.is_empty()) {
        assert!(
            !text.contains(trigger),
            "NUTGRAF_DEBUG_PANIC: a panic on request"
        );
    }
}

/// Release builds: nothing.
#[cfg(not(debug_assertions))]
#[inline]
pub fn debug_panic(_text: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_messages() {
        let quiet = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let text = catch(|| -> u8 { panic!("with {}", "format") });
        let plain = catch(|| -> u8 { panic!("plain") });
        std::panic::set_hook(quiet);
        assert_eq!(text, Err("with format".to_owned()));
        assert_eq!(plain, Err("plain".to_owned()));
        assert_eq!(catch(|| 7), Ok(7));
    }
}
