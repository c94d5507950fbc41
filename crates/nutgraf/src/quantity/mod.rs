//! Quantities: money, percentages, counts, ordinals and physical measures.
//!
//! [`numbers`] reads numbers from word tokens (digits and spelled-out
//! English); it is shared with the time-expression extractor.

pub mod numbers;
