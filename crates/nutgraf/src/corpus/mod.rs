//! Many parsed articles at once: near-duplicate detection (more to come).

mod dedup;
pub use dedup::{DuplicateIndex, DuplicateOptions};
