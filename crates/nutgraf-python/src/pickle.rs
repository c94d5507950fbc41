//! Pickle support for the result objects (entities, quotes, events, words,
//! stories, ...), so that they cross process boundaries: multiprocessing,
//! Dask and Spark workers, `copy.deepcopy`, caches.
//!
//! An object pickles as `_unpickle(class name, format version, JSON of its
//! fields)`. The strings of closed vocabularies (labels, kinds, tags) that
//! the objects hold as `&'static str` come back through a small interner,
//! bounded so that a hostile pickle cannot make it grow without end.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex};

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3::PyClass;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::errors::{invalid_pickle, nutgraf_error};

/// The version of the pickled state; a pickle of another version is refused.
const STATE_VERSION: u32 = 1;

/// A string of a closed vocabulary that an object holds (a label, a kind,
/// a tag). Spelled as an alias so that serde reads it through
/// [`static_str`] rather than borrowing it from the input.
pub(crate) type StaticStr = &'static str;

/// At most this many distinct interned strings, each at most
/// [`MAX_INTERNED_LEN`] bytes: the vocabularies are a few hundred words.
const MAX_INTERNED: usize = 4096;
const MAX_INTERNED_LEN: usize = 64;

static INTERNED: LazyLock<Mutex<HashSet<&'static str>>> =
    LazyLock::new(|| Mutex::new(HashSet::new()));

/// The `&'static str` equal to `s`, interned once.
fn intern(s: &str) -> Result<&'static str, String> {
    let mut set = INTERNED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(&found) = set.get(s) {
        return Ok(found);
    }
    if s.len() > MAX_INTERNED_LEN || set.len() >= MAX_INTERNED {
        return Err(format!("unexpected label {s:?}"));
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(leaked);
    Ok(leaked)
}

/// Serde `deserialize_with` for a `&'static str` field.
pub(crate) fn static_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s = String::deserialize(d)?;
    intern(&s).map_err(D::Error::custom)
}

/// Serde `deserialize_with` for an `Option<&'static str>` field.
pub(crate) fn opt_static_str<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<&'static str>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| intern(&s).map_err(D::Error::custom))
        .transpose()
}

/// Serde `with` module for an `Option<jiff::civil::Date>` field, as
/// `YYYY-MM-DD`.
pub(crate) mod opt_date {
    use super::{Deserialize, Deserializer, Serializer};
    use serde::de::Error as _;

    // The signature serde's `with` asks for.
    #[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
    pub(crate) fn serialize<S: Serializer>(
        d: &Option<jiff::civil::Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.to_string()),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<jiff::civil::Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| s.parse().map_err(D::Error::custom))
            .transpose()
    }
}

/// Serde `deserialize_with` for an `Option<(f64, &'static str)>` field.
pub(crate) fn opt_amount<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<(f64, &'static str)>, D::Error> {
    Option::<(f64, String)>::deserialize(d)?
        .map(|(v, u)| intern(&u).map(|u| (v, u)).map_err(D::Error::custom))
        .transpose()
}

/// A class whose objects pickle as their fields (found in [`_unpickle`]'s
/// table by their Python name).
pub(crate) trait Picklable:
    Serialize + DeserializeOwned + PyClass + Into<PyClassInitializer<Self>>
{
}

impl<T: Serialize + DeserializeOwned + PyClass + Into<PyClassInitializer<T>>> Picklable for T {}

/// The state and rebuild function of a pickled object.
pub(crate) type Reduced<'py> = (Bound<'py, PyAny>, (&'static str, u32, Bound<'py, PyBytes>));

/// What `__reduce__` returns for `value`: `(_unpickle, (name, version,
/// state))`. Raises `NutgrafError` for a value JSON cannot hold exactly
/// (JSON writes a number that is not finite as `null`, which would not read
/// back): the state is read back before it is handed on.
pub(crate) fn reduce<'py, T: Picklable>(py: Python<'py>, value: &T) -> PyResult<Reduced<'py>> {
    let name = <T as PyClass>::NAME;
    let state = serde_json::to_vec(value)
        .map_err(|e| nutgraf_error(py, format!("cannot pickle this {name}: {e}")))?;
    if serde_json::from_slice::<T>(&state).is_err() {
        return Err(nutgraf_error(
            py,
            format!("cannot pickle this {name}: a number in it is not finite"),
        ));
    }
    let unpickle = py.import("nutgraf._nutgraf")?.getattr("_unpickle")?;
    Ok((unpickle, (name, STATE_VERSION, PyBytes::new(py, &state))))
}

fn build<T: Picklable>(py: Python<'_>, state: &[u8]) -> PyResult<Py<PyAny>> {
    let value: T = serde_json::from_slice(state)
        .map_err(|e| invalid_pickle(py, <T as PyClass>::NAME, &e.to_string()))?;
    Ok(Py::new(py, value)?.into_any())
}

/// Rebuild a pickled result object (the other half of `__reduce__`). Raises
/// `InvalidDocumentError` (`at`: the class name) when the state does not
/// read back.
#[pyfunction]
pub(crate) fn _unpickle(
    py: Python<'_>,
    name: &str,
    version: u32,
    state: &[u8],
) -> PyResult<Py<PyAny>> {
    use crate::corpus::{
        PyClaim, PyConflict, PyCorpusEntity, PyCorpusMention, PyDuplicate, PyStory, PyStoryMerge,
        PyTimelineEntry, PyTimelineSource,
    };
    use crate::document::{PyBlock, PyDateline, PyEntity, PyMention, PyRole, PySentence};
    use crate::events::{PyEvent, PyParticipant};
    use crate::quantities::PyQuantity;
    use crate::quotes::{PyAttribution, PyQuote, PySource, PySpan, PySpeaker};
    use crate::repairs::{PyRepair, PyRepaired};
    use crate::times::PyTimeExpression;
    use crate::words::PyWord;
    if version != STATE_VERSION {
        return Err(invalid_pickle(
            py,
            name,
            &format!("state version {version}, this nutgraf reads {STATE_VERSION}"),
        ));
    }
    macro_rules! table {
        ($($t:ty),* $(,)?) => {
            $(if name == <$t as PyClass>::NAME {
                return build::<$t>(py, state);
            })*
        };
    }
    table!(
        PyBlock,
        PySentence,
        PyDateline,
        PyEntity,
        PyRole,
        PyMention,
        PyWord,
        PyTimeExpression,
        PyQuantity,
        PySpan,
        PySpeaker,
        PyQuote,
        PySource,
        PyAttribution,
        PyParticipant,
        PyEvent,
        PyRepair,
        PyRepaired,
        PyStory,
        PyStoryMerge,
        PyDuplicate,
        PyCorpusEntity,
        PyCorpusMention,
        PyClaim,
        PyConflict,
        PyTimelineEntry,
        PyTimelineSource,
    );
    Err(invalid_pickle(py, name, "not a class of nutgraf's"))
}
