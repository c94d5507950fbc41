//! Evaluation of nutgraf's extractors on annotated corpora.
//!
//! The corpora are not shipped with the project: every entry point takes the
//! path of a JSONL file in the format described by the shared evaluation README.
//! The `nutgraf-eval` binary prints the figures; the test suite calls the same
//! functions and asserts floors on them when the data is present.

pub mod body;
pub mod body_html;
pub mod coref;
pub mod dedup;
pub mod duckling;
pub mod duckling_time;
pub mod entities;
pub mod events;
pub mod glue;
pub mod jsonl;
pub mod ner;
pub mod quotes;
pub mod rams;
pub mod repair;
pub mod stories;
pub mod timex;
pub mod ud;
pub mod wordnet;

/// The shared evaluation directory: `$NUTGRAF_EVAL_DIR`, else `shared/eval` beside
/// the repository. `None` when it does not exist.
pub fn eval_dir() -> Option<std::path::PathBuf> {
    let dir = match std::env::var_os("NUTGRAF_EVAL_DIR") {
        Some(d) => std::path::PathBuf::from(d),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval"),
    };
    dir.is_dir().then_some(dir)
}

/// `a / b`, 0 where `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Precision, recall and F1 of `right` items out of `predicted` and `gold`
/// (0 where a denominator is 0).
pub fn prf(right: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    prf_split(right, predicted, right, gold)
}

/// [`prf`] where matching is not one to one: `hit_p` predicted items are
/// right, `hit_r` gold items are found.
pub fn prf_split(hit_p: usize, predicted: usize, hit_r: usize, gold: usize) -> (f64, f64, f64) {
    let p = ratio(hit_p, predicted);
    let r = ratio(hit_r, gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Counts of one scored kind of item: gold, predicted, and predicted right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
    /// Predicted items that are right.
    pub right: usize,
}

impl Tally {
    /// Add another tally's counts.
    pub fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.right += o.right;
    }

    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        prf(self.right, self.predicted, self.gold)
    }
}

/// The first line of a report over documents parsed with or without the
/// syntax stage.
pub fn print_header(documents: usize, syntax: bool) {
    println!(
        "{documents} documents, syntax stage {}",
        if syntax { "on" } else { "off" }
    );
}

/// A small deterministic generator (`SplitMix64`) for the evaluations that
/// shuffle or generate data from fixed seeds.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}
