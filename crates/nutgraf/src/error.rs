//! The one error type of the crate.

use std::fmt;

/// An error from nutgraf: what went wrong, and where.
///
/// The error is opaque; inspect it with [`Error::kind`] or the `is_*` predicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// The kind of an [`Error`].
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is longer than [`Options::max_input_bytes`](crate::Options::max_input_bytes).
    InputTooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// A date given by the caller could not be read.
    InvalidDate {
        /// The value as given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// An option has a value that cannot be used.
    InvalidOption {
        /// The option's name.
        name: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A bug in nutgraf: a stage failed on this input. The input is not at fault;
    /// the other inputs of a batch are unaffected. Please report it with the input.
    Internal {
        /// What failed (the panic message).
        message: String,
    },
    /// A document was already added to a [`Corpus`](crate::corpus::Corpus)
    /// under this id.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// The work was cancelled by the caller (see [`Parser::parse_many_cancellable`](crate::Parser::parse_many_cancellable)).
    Cancelled,
    /// Bytes given to [`Document::from_bytes`](crate::Document::from_bytes), or
    /// JSON given to [`Document::from_json`](crate::Document::from_json), do not
    /// hold a whole, consistent document.
    InvalidDocument {
        /// Where: `"byte 1234"` in the binary form, a path such as
        /// `"blocks[3].start"` in JSON.
        at: String,
        /// What was wrong there.
        reason: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True when the input was over the configured size limit.
    pub fn is_input_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::InputTooLarge { .. })
    }

    /// True when a caller-supplied date could not be read.
    pub fn is_invalid_date(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidDate { .. })
    }

    /// True when an option had an unusable value.
    pub fn is_invalid_option(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidOption { .. })
    }

    /// True when a stage failed on the input (a bug in nutgraf, not in the input).
    pub fn is_internal(&self) -> bool {
        matches!(self.kind, ErrorKind::Internal { .. })
    }

    /// True when a document was already added to a corpus under the same id.
    pub fn is_duplicate_id(&self) -> bool {
        matches!(self.kind, ErrorKind::DuplicateId { .. })
    }

    /// True when the work was cancelled before this input was parsed.
    pub fn is_cancelled(&self) -> bool {
        matches!(self.kind, ErrorKind::Cancelled)
    }

    /// True when bytes or JSON read back as a document were not one.
    pub fn is_invalid_document(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidDocument { .. })
    }

    pub(crate) fn invalid_document(at: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidDocument {
            at: at.into(),
            reason: reason.into(),
        })
    }

    /// An internal error from a caught panic's payload.
    pub(crate) fn from_panic(payload: &(dyn std::any::Any + Send)) -> Error {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Error::new(ErrorKind::Internal { message })
    }

    pub(crate) fn duplicate_id(id: &str) -> Error {
        Error::new(ErrorKind::DuplicateId { id: id.to_owned() })
    }

    pub(crate) fn invalid_date(value: &str, reason: impl fmt::Display) -> Error {
        Error::new(ErrorKind::InvalidDate {
            value: value.to_owned(),
            reason: reason.to_string(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::InputTooLarge { len, limit } => write!(
                f,
                "input is {len} bytes, over the limit of {limit} bytes (raise Options::max_input_bytes to accept it)"
            ),
            ErrorKind::InvalidDate { value, reason } => {
                write!(f, "invalid date {value:?}: {reason} (expected YYYY-MM-DD)")
            }
            ErrorKind::InvalidOption { name, reason } => {
                write!(f, "invalid option `{name}`: {reason}")
            }
            ErrorKind::Internal { message } => write!(
                f,
                "internal error in nutgraf (a bug, not a fault of the input; please report it with the input): {message}"
            ),
            ErrorKind::DuplicateId { id } => {
                write!(f, "a document was already added under the id {id:?}")
            }
            ErrorKind::Cancelled => write!(f, "cancelled before this input was parsed"),
            ErrorKind::InvalidDocument { at, reason } => {
                write!(f, "not a valid document at {at}: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// The result type of fallible nutgraf calls.
pub type Result<T, E = Error> = std::result::Result<T, E>;
