//! Near-duplicate detection (placeholder until the `MinHash` index lands).

/// Options of the [`DuplicateIndex`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DuplicateOptions {
    /// Similarity from which two bodies are duplicates.
    pub threshold: f64,
}

impl DuplicateOptions {
    /// The defaults.
    pub const fn new() -> DuplicateOptions {
        DuplicateOptions { threshold: 0.8 }
    }
}

impl Default for DuplicateOptions {
    fn default() -> Self {
        DuplicateOptions::new()
    }
}

/// A streaming index of document bodies.
#[derive(Debug, Default)]
pub struct DuplicateIndex {
    hashes: Vec<u64>,
}

impl DuplicateIndex {
    /// An empty index.
    pub fn new(_options: DuplicateOptions) -> Self {
        DuplicateIndex::default()
    }

    /// Add the next body: the earlier documents it duplicates.
    pub fn add(&mut self, body: &str) -> Vec<(usize, f64)> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        body.hash(&mut h);
        let h = h.finish();
        let out = if body.trim().is_empty() {
            Vec::new()
        } else {
            self.hashes
                .iter()
                .enumerate()
                .filter(|(_, &x)| x == h)
                .map(|(i, _)| (i, 1.0))
                .collect()
        };
        self.hashes.push(h);
        out
    }

    /// Documents added.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether none was added.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Heap bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.hashes.capacity() * 8
    }
}
