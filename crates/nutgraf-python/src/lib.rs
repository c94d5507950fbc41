//! Python bindings of nutgraf.
