//! Near-duplicate detection over a stream of article bodies: see
//! [`DuplicateIndex`] for the method, the defaults and how they were measured,
//! memory and speed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Options of a [`DuplicateIndex`]: plain values with documented defaults.
///
/// Out-of-range values are clamped (see each setter), so every value gives a
/// working index. The fields are private, as in [`Options`](crate::Options),
/// so that options can be added without breaking callers.
///
/// ```
/// use nutgraf::corpus::DuplicateOptions;
///
/// let options = DuplicateOptions::new().threshold(0.8).keep(100_000);
/// assert_eq!(options.get_threshold(), 0.8);
/// assert_eq!(options.get_shingle(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct DuplicateOptions {
    threshold: f64,
    shingle: usize,
    hashes: usize,
    bands: usize,
    rows: usize,
    keep: usize,
    max_chain: usize,
    containment: bool,
    lede: bool,
}

/// Most hash functions a signature may have.
const MAX_HASHES: usize = 1024;
/// Longest shingle, in words.
const MAX_SHINGLE: usize = 64;

/// The lede of a body: the shingles starting in its first 40 words. A copy
/// keeps the beginning of its original, or starts with the original's text
/// after at most a few furniture lines (three lines of about 11 words, or a
/// caption): 40 words hold those and still a few shingles of the original. Two
/// distinct articles that share a background paragraph or quotes from one
/// press release share them in their middles, not in either lede.
const LEDE_WORDS: usize = 40;

/// The estimated containment at or above which a pair needs no shared lede:
/// a body (nearly) wholly inside another is a copy or an excerpt of it even
/// when it lost its beginning (the layout of a page can lose the first
/// paragraphs of an article: `nutgraf-eval duplicates` re-parses copies that
/// start hundreds of words into their original), while two distinct articles
/// that share a background paragraph each have text of their own. Light edits,
/// furniture and a caption keep a copy above it (mean estimates 0.84 to 0.99
/// per kind of edit); the two distinct ECB+ pairs the lede check separates are
/// at 0.58 and 0.65.
const WHOLE: f64 = 0.8;

/// The prefix of a kept body whose shingles are kept (16 bits each) so that a
/// copy that dropped its original's first paragraph is still found: its lede
/// is then the original's text from the second paragraph on, which starts
/// within the original's first 128 words when the first paragraph has fewer
/// than about 120 (a news lede is one or two sentences, 20 to 60 words, so
/// twice the longest of them with room to spare). At most 255 (its length is
/// kept in a byte).
const PREFIX_WORDS: usize = 128;

impl DuplicateOptions {
    /// The defaults: containment of at least 0.5 over shingles of 5 words, 128
    /// hashes, 16 bands of 1 row, every document kept, 64 documents looked at
    /// per band value (see [`DuplicateIndex`] for how they were chosen).
    pub const fn new() -> DuplicateOptions {
        DuplicateOptions {
            threshold: 0.5,
            shingle: 5,
            hashes: 128,
            bands: 16,
            rows: 1,
            keep: usize::MAX,
            max_chain: 64,
            containment: true,
            lede: true,
        }
    }

    /// The estimated similarity at or above which two bodies are
    /// near-duplicates, in `[0, 1]` (values outside are clamped; NaN is
    /// ignored). Default 0.5.
    #[must_use]
    pub const fn threshold(mut self, threshold: f64) -> DuplicateOptions {
        if !threshold.is_nan() {
            self.threshold = threshold.clamp(0.0, 1.0);
        }
        self
    }

    /// Words per shingle, 1 to 64 (clamped). Default 5.
    #[must_use]
    pub const fn shingle(mut self, words: usize) -> DuplicateOptions {
        self.shingle = clamp(words, 1, MAX_SHINGLE);
        self
    }

    /// Hash functions (values per signature), 1 to 1024 (clamped). More give
    /// a finer estimate and cost time and memory in proportion. Default 128.
    #[must_use]
    pub const fn hashes(mut self, hashes: usize) -> DuplicateOptions {
        self.hashes = clamp(hashes, 1, MAX_HASHES);
        self
    }

    /// LSH bands, at least 1: two bodies are compared when all the values of
    /// one band agree. The index lowers the bands so that bands times rows is
    /// at most [`hashes`](Self::hashes). Default 16.
    #[must_use]
    pub const fn bands(mut self, bands: usize) -> DuplicateOptions {
        self.bands = clamp(bands, 1, MAX_HASHES);
        self
    }

    /// Values per LSH band, at least 1 (see [`bands`](Self::bands)). Default 1.
    #[must_use]
    pub const fn rows(mut self, rows: usize) -> DuplicateOptions {
        self.rows = clamp(rows, 1, MAX_HASHES);
        self
    }

    /// How many of the most recent documents are kept (at least 1): older ones
    /// are forgotten, no longer found, and free their memory. Default: all.
    #[must_use]
    pub const fn keep(mut self, documents: usize) -> DuplicateOptions {
        self.keep = if documents == 0 { 1 } else { documents };
        self
    }

    /// How many documents sharing one band value are looked at, most recent
    /// first (at least 1). It bounds the work on a text repeated many times:
    /// a copy of it is reported with its most recent repetitions. Default 64.
    #[must_use]
    pub const fn max_chain(mut self, documents: usize) -> DuplicateOptions {
        self.max_chain = if documents == 0 { 1 } else { documents };
        self
    }

    /// Whether the similarity is the containment of the smaller body in the
    /// larger (`true`, the default; the smaller counts as at least half the
    /// larger) or the Jaccard similarity of their shingles (`false`; a
    /// threshold of 0.3 suits it best in the evaluation, see
    /// [`DuplicateIndex`]).
    #[must_use]
    pub const fn containment(mut self, yes: bool) -> DuplicateOptions {
        self.containment = yes;
        self
    }

    /// Whether a pair at the threshold must also share a shingle starting in
    /// the first 40 words of one of the two bodies, unless the smaller is
    /// wholly inside the larger (`true`, the default): a copy keeps its
    /// original's beginning, or starts with the original's text after a few
    /// furniture lines or a dropped first paragraph, or is an excerpt of it,
    /// while two distinct articles that share a background paragraph or
    /// quotes share them further in. It costs 337 bytes a kept document (see
    /// [`DuplicateIndex`], [Method](DuplicateIndex#method), step 6).
    #[must_use]
    pub const fn lede(mut self, yes: bool) -> DuplicateOptions {
        self.lede = yes;
        self
    }

    /// The similarity threshold.
    pub const fn get_threshold(&self) -> f64 {
        self.threshold
    }

    /// Words per shingle.
    pub const fn get_shingle(&self) -> usize {
        self.shingle
    }

    /// Hash functions per signature.
    pub const fn get_hashes(&self) -> usize {
        self.hashes
    }

    /// LSH bands, as set (the index may use fewer: see [`bands`](Self::bands)).
    pub const fn get_bands(&self) -> usize {
        self.bands
    }

    /// Values per band.
    pub const fn get_rows(&self) -> usize {
        self.rows
    }

    /// Documents kept.
    pub const fn get_keep(&self) -> usize {
        self.keep
    }

    /// Documents looked at per band value.
    pub const fn get_max_chain(&self) -> usize {
        self.max_chain
    }

    /// Whether the similarity is containment.
    pub const fn get_containment(&self) -> bool {
        self.containment
    }

    /// Whether pairs must share a shingle of one of their ledes.
    pub const fn get_lede(&self) -> bool {
        self.lede
    }
}

impl Default for DuplicateOptions {
    fn default() -> DuplicateOptions {
        DuplicateOptions::new()
    }
}

const fn clamp(value: usize, low: usize, high: usize) -> usize {
    if value < low {
        low
    } else if value > high {
        high
    } else {
        value
    }
}

/// A fixed 64-bit finalizer (`MurmurHash3`'s fmix64): every input bit moves
/// every output bit.
const fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// `SplitMix64`: the fixed-seed generator of the hash functions.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    mix(*state)
}

const WORD_SEED: u64 = 0x6e75_7467_7261_6621;
const WORD_MUL: u64 = 0x517c_c1b7_2722_0a95;
const SHINGLE_BASE: u64 = 0x9e37_79b9_7f4a_7c15;
const SHINGLE_SEED: u64 = 0x2545_f491_4f6c_dd1d;
const FUNCTION_SEED: u64 = 0x5eed_d0c5_0000_0001;
const BAND_SEED: u64 = 0xb4b8_2e5d_9a3c_17f1;

/// Calls `f` with the hash of each word of `text`: a maximal run of
/// alphanumeric characters (and the combining marks inside it), lower-cased
/// character by character as it is hashed.
fn for_each_word(text: &str, mut f: impl FnMut(u64)) {
    #[inline]
    fn step(h: u64, c: char) -> u64 {
        (h.rotate_left(5) ^ u64::from(u32::from(c))).wrapping_mul(WORD_MUL)
    }
    let mut h = WORD_SEED;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                h = step(h, c.to_ascii_lowercase());
                in_word = true;
                continue;
            }
        } else if c.is_alphanumeric()
            || (in_word && unicode_normalization::char::is_combining_mark(c))
        {
            for l in c.to_lowercase() {
                h = step(h, l);
            }
            in_word = true;
            continue;
        }
        if in_word {
            f(mix(h));
            h = WORD_SEED;
            in_word = false;
        }
    }
    if in_word {
        f(mix(h));
    }
}

/// The MinHash signature of a body, computed apart from the index by
/// [`DuplicateIndex::sign`] and added by [`DuplicateIndex::add_signed`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    mins: Vec<u32>,
    size: usize,
    /// The 32-bit hash of each shingle, in the order of the text (empty
    /// without the lede check).
    shingles: Vec<u32>,
}

/// Computes signatures: the hash functions and the shingle size.
#[derive(Debug, Clone)]
struct Signer {
    shingle: usize,
    /// `SHINGLE_BASE` to the power `shingle`.
    base_k: u64,
    /// Multipliers (odd) and addends of the hash functions.
    mul: Vec<u64>,
    add: Vec<u64>,
}

impl Signer {
    fn new(shingle: usize, hashes: usize) -> Signer {
        let mut state = FUNCTION_SEED;
        let mut mul = Vec::with_capacity(hashes);
        let mut add = Vec::with_capacity(hashes);
        for _ in 0..hashes {
            mul.push(splitmix(&mut state) | 1);
            add.push(splitmix(&mut state));
        }
        let mut base_k = 1u64;
        for _ in 0..shingle {
            base_k = base_k.wrapping_mul(SHINGLE_BASE);
        }
        Signer {
            shingle,
            base_k,
            mul,
            add,
        }
    }

    /// Fills `mins` with the MinHash signature of `text` (each hash function's
    /// least value over the shingles) and, if `collect`, `shingles` with the
    /// 32-bit hash of each shingle in the order of the text (else empties
    /// it), and returns the number of shingles (repeats counted); `window` is
    /// scratch of `shingle` words.
    fn sign(
        &self,
        text: &str,
        mins: &mut [u32],
        window: &mut [u64],
        shingles: &mut Vec<u32>,
        collect: bool,
    ) -> usize {
        mins.fill(u32::MAX);
        shingles.clear();
        let k = self.shingle;
        let mut words = 0usize;
        let mut count = 0usize;
        let mut rolling = 0u64;
        let update = |x: u64, mins: &mut [u32], shingles: &mut Vec<u32>| {
            let x = mix(x ^ SHINGLE_SEED);
            if collect {
                shingles.push(x as u32);
            }
            for ((m, &a), &b) in mins.iter_mut().zip(&self.mul).zip(&self.add) {
                let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *m = (*m).min(v);
            }
        };
        for_each_word(text, |w| {
            let slot = words % k;
            // The polynomial hash of the last k words, rolled one word on.
            rolling = rolling
                .wrapping_mul(SHINGLE_BASE)
                .wrapping_add(w)
                .wrapping_sub(window[slot].wrapping_mul(self.base_k));
            window[slot] = w;
            words += 1;
            if words >= k {
                update(rolling, mins, shingles);
                count += 1;
            }
        });
        if words > 0 && words < k {
            // A body shorter than a shingle is one shingle of all its words.
            update(rolling, mins, shingles);
            count = 1;
        }
        window.fill(0);
        count
    }
}

/// Hashes a `u32` that is already a hash: one multiplication spreads it over
/// the 64 bits the table reads, and the high half is folded into the low one
/// (the table picks a bucket by the low bits, which alone depend only on the
/// key's low bits: keys made to share those would share a bucket).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(WORD_MUL);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by a `u32` that is already a hash (a band value, a term).
pub(crate) type HashKeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

/// A band value → the most recent document with it.
type BandTable = HashKeyMap<u32>;

/// No document.
const NONE: u32 = u32::MAX;
/// Documents stored together in one allocation.
const BLOCK_DOCS: usize = 1024;

/// The kept signatures, sizes and band links of up to [`BLOCK_DOCS`] documents.
#[derive(Debug, Clone)]
struct Block {
    /// Low 8 bits of each MinHash value, `hashes` per document.
    sigs: Box<[u8]>,
    /// Shingles of each document (repeats counted, saturating).
    sizes: Box<[u32]>,
    /// Per document and band, the previous document with the same band value.
    links: Box<[u32]>,
    /// With the lede check: the 32-bit hashes of each document's first
    /// [`LEDE_WORDS`] shingles, then the low 16 bits of its next ones up to
    /// [`PREFIX_WORDS`], and how many of its shingles are kept (at most
    /// `PREFIX_WORDS`).
    ledes: Box<[u32]>,
    prefixes: Box<[u16]>,
    kept: Box<[u8]>,
}

/// A streaming near-duplicate index: it takes bodies
/// ([`Document::body`](crate::Document::body)) one at a time and answers, for
/// each, which earlier bodies it is a near-copy of, with their estimated
/// similarity: the same article with other page furniture or captions, a
/// paragraph moved or dropped, light edits, or cut short by the layout of
/// another site. Its memory grows with the documents kept, not with their
/// text or with the documents forgotten (see [Memory](#memory)).
///
/// ```
/// use nutgraf::corpus::{DuplicateIndex, DuplicateOptions};
///
/// let mut index = DuplicateIndex::new(DuplicateOptions::new());
/// let a = "The central bank raised its main interest rate by half a point on Thursday.\n\n\
///          It was the largest increase in two decades, as inflation kept climbing.";
/// let b = "Advertisement\n\nThe central bank raised its main interest rate by half a \
///          point on Thursday.\n\nIt was the largest increase in two decades, as inflation \
///          kept climbing.\n\nShare this article";
/// assert!(index.add(a).is_empty()); // document 0
/// let found = index.add(b); // document 1
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].0, 0);
/// assert!(found[0].1 > 0.8);
/// ```
///
/// ## Method
///
/// 1. **Words**: maximal runs of alphanumeric characters (Unicode), lower-cased
///    character by character as they are hashed: no string is built per word,
///    and punctuation, quote marks, spaces and line breaks never matter.
/// 2. **Shingles**: every run of [`shingle`](DuplicateOptions::shingle) words
///    (5), hashed by a rolling polynomial over the word hashes. A body with
///    fewer words is one shingle of all of them; a body without a word has
///    none and is nobody's duplicate.
/// 3. **Signature**: MinHash over [`hashes`](DuplicateOptions::hashes) (128)
///    hash functions `(a·x + b) >> 32` with fixed seeds: the least value of
///    each over the shingles. Only the low 8 bits of each value are kept
///    (b-bit MinHash, Li and König 2010): 128 bytes a document.
/// 4. **Candidates**: locality-sensitive hashing in
///    [`bands`](DuplicateOptions::bands) (16) of [`rows`](DuplicateOptions::rows)
///    (1) values: two bodies are compared when all values of one band are
///    equal, which happens with probability `1 - (1 - J^rows)^bands` for
///    Jaccard similarity `J`: 0.81 at J = 0.1, 0.997 at J = 0.3.
/// 5. **Verification**: the share of equal 8-bit values estimates `J`
///    (corrected for their 1 in 256 chance agreement). The similarity reported
///    is, by default, the **containment** of the smaller body in the larger:
///    their shared shingles, `J (a + b) / (1 + J)` for bodies of `a` and `b`
///    shingles, over the smaller count, where the smaller counts as at least
///    half the larger. A pair is a near-duplicate at
///    [`threshold`](DuplicateOptions::threshold) (0.5) or above and, with
///    the lede check, if it passes step 6.
/// 6. **Lede check** ([`lede`](DuplicateOptions::lede), on by default): the
///    two bodies must also share a shingle starting in the first 40 words of
///    one of them, unless the smaller is wholly inside the larger (an
///    estimated 0.8 of its shingles, without the floor of step 5). A copy
///    keeps its original's beginning, or starts with the original's text
///    after a few furniture lines (three of about 11 words leave 7 shingles of
///    the original in the first 40 words) or a dropped first paragraph; a copy
///    whose page lost more of its beginning is an excerpt, wholly inside its
///    original. Two distinct articles that share a background paragraph or
///    quotes from one press release share them further in, and each has text
///    of its own. Each kept document keeps the 32-bit hashes of its first 40
///    shingles and the low 16 bits of its next 88 (to its 128th word: a
///    dropped first paragraph of up to about 120 words, twice the longest
///    news lede); the new body's shingles are collected as it is signed. The
///    pair shares a lede shingle when (1) a shingle of the new lede is in the
///    kept lede, (2) two consecutive shingles of the new lede follow each
///    other in the kept 16-bit prefix (two, so that chance agreement of 16
///    bits, about 40 × 88 / 65,536 = 5% a pair for one, becomes negligible;
///    one at the end of either), or (3) a shingle of the kept lede is in the
///    new body (its shingles sorted once, only for a pair that needs it).
///
/// Why containment: a copy that lost paragraphs, or whose page's layout ended
/// the body early, is contained in its original with a low Jaccard similarity
/// (half the article: `J` = 0.5). Counting the smaller body as at least half
/// the larger keeps an excerpt of a long article (a brief quoted in a
/// feature) from being its copy, and bounds the estimate's noise: from `J`,
/// the error on containment grows with the ratio of the sizes.
/// [`containment(false)`](DuplicateOptions::containment) reports Jaccard
/// instead.
///
/// ## How the defaults were chosen
///
/// `nutgraf-eval duplicates` makes near-copies of the 701 articles (with a body)
/// of three development corpora (the article extraction benchmark's pages,
/// M2E2, ECB+): three furniture lines, a caption, a paragraph moved or
/// dropped, light edits (three words, punctuation, a reworded sentence), and
/// combinations; each copy's page is parsed again and its body looked up
/// among the originals. All figures: shingles of 5 words, 128 hashes.
///
/// | similarity, LSH | threshold | copies found | pairs of originals |
/// |---|---|---|---|
/// | Jaccard, 32 bands × 4 rows (the first guess) | 0.5 | 93.47% | 23 |
/// | Jaccard, 32 bands × 4 rows | 0.3 | 96.28% | 34 |
/// | Jaccard, 16 bands × 1 row | 0.3 | 98.27% | 44 |
/// | containment, 32 bands × 4 rows | 0.5 | 96.41% | 34 |
/// | containment, 32 bands × 2 rows | 0.5 | 99.03% | 50 |
/// | containment, 8 bands × 1 row | 0.5 | 98.98% | 51 |
/// | containment, 16 bands × 1 row, no lede check | 0.5 | 99.09% | 51 |
/// | **containment, 16 bands × 1 row, lede check** | **0.5** | **99.06%** | **49** |
/// | containment, 16 bands × 1 row, no lede check | 0.6 | 98.33% | 37 |
///
/// Per kind at the defaults: furniture 99.1%, caption 98.7%, moved 100%,
/// dropped 99.7%, three words 99.7%, punctuation 100%, reworded 99.9%,
/// furniture + caption + moved 99.5%, all edits 99.4%, everything at once
/// 94.4% (94.7% without the lede check: the two copies it loses start 244
/// and 348 words into their original, which lost its beginning to the layout
/// of their page, and keep 82% and 85% of their shingles in it, estimated
/// under 0.8). Of the 64 copies
/// missed, 20 lost the article to the layout of their page (their body shares
/// no shingle with the original); articles under 100 words are found 95.2% of
/// the time, longer ones 99.7%. Without the lede check 51 pairs are found
/// among the originals, all two ECB+ articles of the same story that share
/// text: read one by one, 49 are the same article or the same wire report
/// reprinted or cut differently (11 the same text crawled twice, 0.99 or
/// more), which the NEWS-COPY benchmark counts as duplicates, and 2 are
/// distinct articles that share a background paragraph or quotes from a press
/// release (`3_2` and `3_3`, `39_4` and `39_10` of ECB+, at 0.65 and 0.58:
/// their first shared shingle starts at words 43 and 55 of both). The lede
/// check removes those 2 and keeps the 49. None pairs two stories, none is in
/// the other two corpora. With shingles of 3 or 4 words as many copies are found (99.39%, 99.18%) but
/// more originals are paired (68, 60); with 6 words fewer copies (98.83%).
/// 64 hashes find as many (99.03%) with twice the variance of the estimate.
/// The estimate is unbiased: over 1,452 pairs of neighbouring articles its
/// error has a mean of -0.12 and a root mean square of 1.00 binomial
/// standard deviations.
///
/// ## Memory
///
/// What a kept document costs does not depend on its length: its signature
/// (128 bytes), its shingle count (4), one link per band (4 × 16), for the
/// lede check its first shingles (40 × 4 + 88 × 2 + 1 = 337 bytes; none
/// without it) and one entry per band in the band tables (a `u32 → u32` hash
/// map per band: 9 bytes a slot, between 10 and 21 bytes an entry as the
/// table grows), so about 700 to 870 bytes with the defaults (360 to 530
/// without the lede check), plus a fixed 3 KiB and the shingles of the body
/// being added (4 bytes a shingle, reused; a signature from
/// [`sign`](DuplicateIndex::sign) carries its own);
/// [`memory_bytes`](DuplicateIndex::memory_bytes) gives the figure. It does
/// not depend on what was seen and forgotten: with
/// [`keep`](DuplicateOptions::keep) the index forgets all but the last `keep`
/// documents, and rebuilds its band tables without them once every `keep`
/// additions, for at most about 1,190 bytes a kept document (850 without the
/// lede check). Measured by the `corpus_scale` example (documents of 60 to
/// 120 words): for 200,000 documents, 144.8 MB held, 724 bytes a document
/// (386 before the lede check), peak resident memory of the process 155 MB
/// (87 MB before); before the lede check, for 1,000,000
/// documents, 498 MB held (peak resident memory of the process 520 MB); with
/// `keep(100_000)`, 57 MB (peak 77 MB).
///
/// ## Speed
///
/// Time is linear in the text: one pass over the characters, then for each
/// shingle one multiply-add per hash function; looking up and verifying
/// candidates costs `bands × max_chain` signature comparisons at most, whatever
/// the index holds. Nothing is allocated per word or per shingle: the buffers
/// of a signature and the body's shingles are reused from one call to the
/// next. On one core: about 20,000 news article bodies a second (52 MB/s, 2.6
/// KB each on average, in `nutgraf-eval duplicates`, on a loaded machine
/// where it measured 17,000 to 23,000 with the lede check and 18,000 to
/// 25,000 without) and 92,000 short documents a second (71 MB/s, 773 bytes
/// each, in `corpus_scale`; 96,700 without the lede check): the check
/// collects the shingles of each body, and sorts them for a pair that needs
/// it.
///
/// ## Determinism and input
///
/// Every hash has a fixed seed: the same bodies in the same order give the
/// same answers, on every run and platform. Any `&str` is accepted: an empty
/// body, a huge one or one giant word gives a result and never panics.
/// Documents after the 4,294,967,295th are counted but not indexed.
#[derive(Debug, Clone)]
pub struct DuplicateIndex {
    options: DuplicateOptions,
    /// Bands and rows in use (`bands * rows <= hashes`).
    bands: usize,
    rows: usize,
    signer: Signer,
    /// Documents added, kept or not.
    added: usize,
    /// The ring of kept documents: document `id` is in slot `id % keep`.
    blocks: Vec<Block>,
    tables: Vec<BandTable>,
    /// Documents added since the tables were last swept of forgotten ones.
    since_sweep: usize,
    // Buffers reused from one call to the next.
    mins: Vec<u32>,
    window: Vec<u64>,
    keys: Vec<u32>,
    candidates: Vec<u32>,
    /// The shingles of the body being added, in order, and sorted.
    shingles: Vec<u32>,
    sorted: Vec<u32>,
}

/// The shingles of a new body for the lede check: in the order of the text,
/// and sorted once when first needed.
struct NewShingles<'a> {
    ordered: &'a [u32],
    sorted: &'a mut Vec<u32>,
    ready: bool,
}

/// Largest capacity of a reused buffer of shingles kept after a call.
const MAX_KEPT_BUFFER: usize = 1 << 16;

impl DuplicateIndex {
    /// An empty index.
    pub fn new(options: DuplicateOptions) -> DuplicateIndex {
        let hashes = options.hashes;
        let rows = options.rows.min(hashes);
        let bands = options.bands.min(hashes / rows).max(1);
        DuplicateIndex {
            options,
            bands,
            rows,
            signer: Signer::new(options.shingle, hashes),
            added: 0,
            blocks: Vec::new(),
            tables: (0..bands).map(|_| BandTable::default()).collect(),
            since_sweep: 0,
            mins: vec![u32::MAX; hashes],
            window: vec![0; options.shingle],
            keys: vec![0; bands],
            candidates: Vec::new(),
            shingles: Vec::new(),
            sorted: Vec::new(),
        }
    }

    /// The options in use.
    pub fn options(&self) -> DuplicateOptions {
        self.options
    }

    /// Documents added so far, kept or forgotten.
    pub fn len(&self) -> usize {
        self.added
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.added == 0
    }

    /// Adds the next document's body text (its index is the number of
    /// documents added before) and returns the earlier documents it is a
    /// near-duplicate of, with their estimated similarity, best first (ties by
    /// index).
    ///
    /// A body without a word is never a duplicate of anything.
    pub fn add(&mut self, body: &str) -> Vec<(usize, f64)> {
        let mut mins = std::mem::take(&mut self.mins);
        let mut window = std::mem::take(&mut self.window);
        let mut shingles = std::mem::take(&mut self.shingles);
        let size = self.signer.sign(
            body,
            &mut mins,
            &mut window,
            &mut shingles,
            self.options.lede,
        );
        self.window = window;
        let found = self.add_mins(&mins, size, &shingles);
        self.mins = mins;
        if shingles.capacity() > MAX_KEPT_BUFFER {
            shingles = Vec::new();
        }
        self.shingles = shingles;
        found
    }

    /// The signature of `body`, for [`add_signed`](Self::add_signed): the
    /// costly half of [`add`](Self::add) (one pass over the text), which needs
    /// only a shared reference and so may run on many threads at once.
    pub fn sign(&self, body: &str) -> Signature {
        let mut mins = vec![u32::MAX; self.signer.mul.len()];
        let mut window = vec![0; self.signer.shingle];
        let mut shingles = Vec::new();
        let size = self.signer.sign(
            body,
            &mut mins,
            &mut window,
            &mut shingles,
            self.options.lede,
        );
        shingles.shrink_to_fit();
        Signature {
            mins,
            size,
            shingles,
        }
    }

    /// [`add`](Self::add) for a body signed by [`sign`](Self::sign) of this
    /// index (or of one with the same options): the same answer. A signature
    /// of another number of hashes counts as a body without words.
    pub fn add_signed(&mut self, signature: &Signature) -> Vec<(usize, f64)> {
        if signature.mins.len() == self.signer.mul.len() {
            self.add_mins(&signature.mins, signature.size, &signature.shingles)
        } else {
            let mins = vec![u32::MAX; self.signer.mul.len()];
            self.add_mins(&mins, 0, &[])
        }
    }

    /// Adds the next document by its signature and its shingles in order.
    fn add_mins(&mut self, mins: &[u32], size: usize, shingles: &[u32]) -> Vec<(usize, f64)> {
        let Ok(id) = u32::try_from(self.added) else {
            self.added = self.added.saturating_add(1);
            return Vec::new(); // past 2^32 - 1 documents nothing more is indexed
        };
        self.added += 1;
        if id == NONE {
            return Vec::new();
        }
        let found = if size == 0 {
            Vec::new()
        } else {
            let mut keys = std::mem::take(&mut self.keys);
            band_keys(mins, self.rows, &mut keys);
            self.keys = keys;
            let mut candidates = std::mem::take(&mut self.candidates);
            self.collect_candidates(&self.keys, id, &mut candidates);
            let mut sorted = std::mem::take(&mut self.sorted);
            let mut new = NewShingles {
                ordered: shingles,
                sorted: &mut sorted,
                ready: false,
            };
            let found = self.verify(mins, size, &candidates, &mut new);
            if sorted.capacity() > MAX_KEPT_BUFFER {
                sorted = Vec::new();
            }
            self.sorted = sorted;
            self.candidates = candidates;
            found
        };
        self.store(id, mins, size, shingles);
        found
    }

    /// The earlier documents `body` would be a near-duplicate of if it were
    /// added now, without adding it. Allocates its buffers on each call.
    pub fn find(&self, body: &str) -> Vec<(usize, f64)> {
        let mut mins = vec![u32::MAX; self.signer.mul.len()];
        let mut window = vec![0; self.signer.shingle];
        let mut shingles = Vec::new();
        let size = self.signer.sign(
            body,
            &mut mins,
            &mut window,
            &mut shingles,
            self.options.lede,
        );
        if size == 0 {
            return Vec::new();
        }
        let mut keys = vec![0; self.bands];
        band_keys(&mins, self.rows, &mut keys);
        let mut candidates = Vec::new();
        let next = u32::try_from(self.added).unwrap_or(NONE);
        self.collect_candidates(&keys, next, &mut candidates);
        let mut sorted = Vec::new();
        let mut new = NewShingles {
            ordered: &shingles,
            sorted: &mut sorted,
            ready: false,
        };
        self.verify(&mins, size, &candidates, &mut new)
    }

    /// An approximate count of the heap bytes the index holds.
    pub fn memory_bytes(&self) -> usize {
        let hashes = self.signer.mul.len();
        let blocks = self
            .blocks
            .iter()
            .map(|b| {
                b.sigs.len()
                    + b.sizes.len() * 4
                    + b.links.len() * 4
                    + b.ledes.len() * 4
                    + b.prefixes.len() * 2
                    + b.kept.len()
            })
            .sum::<usize>()
            + self.blocks.capacity() * std::mem::size_of::<Block>();
        let tables: usize = self
            .tables
            .iter()
            .map(|t| {
                let cap = t.capacity();
                if cap == 0 {
                    0
                } else {
                    // hashbrown: a power of two of buckets, at most 7/8 full,
                    // one control byte each plus a group of 16.
                    let buckets = (cap * 8 / 7).next_power_of_two();
                    buckets * (std::mem::size_of::<(u32, u32)>() + 1) + 16
                }
            })
            .sum::<usize>()
            + self.tables.capacity() * std::mem::size_of::<BandTable>();
        let buffers = hashes * (8 + 8 + 4)
            + self.window.capacity() * 8
            + (self.keys.capacity()
                + self.candidates.capacity()
                + self.shingles.capacity()
                + self.sorted.capacity())
                * 4;
        blocks + tables + buffers
    }

    /// Slots in the ring of kept documents.
    fn slots(&self) -> usize {
        self.options.keep
    }

    /// The oldest document still kept when `next` is the next id.
    fn oldest(&self, next: u32) -> u32 {
        let keep = u32::try_from(self.slots()).unwrap_or(u32::MAX);
        next.saturating_sub(keep)
    }

    /// Where document `id` lives: its block and its place in it.
    fn place(&self, id: u32) -> (usize, usize) {
        let slot = id as usize % self.slots();
        (slot / BLOCK_DOCS, slot % BLOCK_DOCS)
    }

    fn signature_of(&self, id: u32) -> &[u8] {
        let hashes = self.signer.mul.len();
        let (b, i) = self.place(id);
        &self.blocks[b].sigs[i * hashes..(i + 1) * hashes]
    }

    fn size_of(&self, id: u32) -> u32 {
        let (b, i) = self.place(id);
        self.blocks[b].sizes[i]
    }

    fn link(&self, id: u32, band: usize) -> u32 {
        let (b, i) = self.place(id);
        self.blocks[b].links[i * self.bands + band]
    }

    /// The kept documents sharing a band value with `keys` (at most
    /// `max_chain` a band, most recent first), sorted, once each.
    fn collect_candidates(&self, keys: &[u32], next: u32, out: &mut Vec<u32>) {
        out.clear();
        let oldest = self.oldest(next);
        for (band, key) in keys.iter().enumerate() {
            let Some(&head) = self.tables[band].get(key) else {
                continue;
            };
            let mut doc = head;
            let mut seen = 0;
            while doc != NONE && doc >= oldest && seen < self.options.max_chain {
                out.push(doc);
                seen += 1;
                doc = self.link(doc, band);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// The candidates similar to the body of signature `mins`, `size`
    /// shingles and shingles `new` at the threshold (and sharing a lede
    /// shingle with it, with the lede check), best first.
    fn verify(
        &self,
        mins: &[u32],
        size: usize,
        candidates: &[u32],
        new: &mut NewShingles<'_>,
    ) -> Vec<(usize, f64)> {
        let mut found: Vec<(usize, f64)> = candidates
            .iter()
            .filter_map(|&doc| {
                let agree = self
                    .signature_of(doc)
                    .iter()
                    .zip(mins)
                    .filter(|&(&s, &m)| s == m as u8)
                    .count();
                let jaccard = jaccard(agree, mins.len());
                let other = self.size_of(doc) as usize;
                let similarity = if self.options.containment {
                    containment(jaccard, size, other)
                } else {
                    jaccard
                };
                (similarity >= self.options.threshold
                    && (!self.options.lede
                        || within(jaccard, size, other) >= WHOLE
                        || self.shares_lede(doc, new)))
                .then_some((doc as usize, similarity))
            })
            .collect();
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found
    }

    /// Whether kept document `doc` and the new body of shingles `new` share a
    /// shingle starting in the first [`LEDE_WORDS`] words of one of them:
    /// 1. a shingle of the new lede in `doc`'s lede (32-bit hashes);
    /// 2. two consecutive shingles of the new lede in `doc`'s prefix (16-bit
    ///    hashes: two to rule out chance agreement; one at the end of either);
    /// 3. a shingle of `doc`'s lede anywhere in the new body (32-bit).
    fn shares_lede(&self, doc: u32, new: &mut NewShingles<'_>) -> bool {
        let (b, i) = self.place(doc);
        let block = &self.blocks[b];
        let kept = usize::from(block.kept[i]);
        let lede = &block.ledes[i * LEDE_WORDS..i * LEDE_WORDS + kept.min(LEDE_WORDS)];
        let rest = PREFIX_WORDS - LEDE_WORDS;
        let prefix = &block.prefixes[i * rest..i * rest + kept.saturating_sub(LEDE_WORDS)];
        let new_lede = &new.ordered[..new.ordered.len().min(LEDE_WORDS)];
        if new_lede.iter().any(|h| lede.contains(h)) {
            return true;
        }
        for (k, &h) in new_lede.iter().enumerate() {
            let next = new_lede.get(k + 1).map(|&n| n as u16);
            for (j, &p) in prefix.iter().enumerate() {
                if p == h as u16 {
                    match (next, prefix.get(j + 1)) {
                        (Some(n), Some(&q)) if n != q => {}
                        _ => return true,
                    }
                }
            }
        }
        if !new.ready {
            new.sorted.clear();
            new.sorted.extend_from_slice(new.ordered);
            new.sorted.sort_unstable();
            new.sorted.dedup();
            new.ready = true;
        }
        lede.iter().any(|h| new.sorted.binary_search(h).is_ok())
    }

    /// Keeps document `id`'s signature, size and (with the lede check) the
    /// first of its `shingles` and, unless it has no shingle, enters its band
    /// values (already in `self.keys`).
    fn store(&mut self, id: u32, mins: &[u32], size: usize, shingles: &[u32]) {
        let hashes = mins.len();
        let bands = self.bands;
        let (lede_slots, prefix_slots) = if self.options.lede {
            (LEDE_WORDS, PREFIX_WORDS - LEDE_WORDS)
        } else {
            (0, 0)
        };
        let (b, i) = self.place(id);
        if b == self.blocks.len() {
            let docs = BLOCK_DOCS.min(self.slots() - b * BLOCK_DOCS);
            self.blocks.push(Block {
                sigs: vec![0; docs * hashes].into_boxed_slice(),
                sizes: vec![0; docs].into_boxed_slice(),
                links: vec![NONE; docs * bands].into_boxed_slice(),
                ledes: vec![0; lede_slots * docs].into_boxed_slice(),
                prefixes: vec![0; prefix_slots * docs].into_boxed_slice(),
                kept: vec![0; if self.options.lede { docs } else { 0 }].into_boxed_slice(),
            });
        }
        let block = &mut self.blocks[b];
        for (s, &m) in block.sigs[i * hashes..(i + 1) * hashes]
            .iter_mut()
            .zip(mins)
        {
            *s = m as u8;
        }
        block.sizes[i] = u32::try_from(size).unwrap_or(u32::MAX);
        if self.options.lede {
            let kept = shingles.len().min(PREFIX_WORDS);
            let (lede, rest) = shingles[..kept].split_at(kept.min(LEDE_WORDS));
            block.ledes[i * lede_slots..i * lede_slots + lede.len()].copy_from_slice(lede);
            for (p, &h) in block.prefixes[i * prefix_slots..].iter_mut().zip(rest) {
                *p = h as u16;
            }
            block.kept[i] = u8::try_from(kept).unwrap_or(u8::MAX);
        }
        let links = &mut block.links[i * bands..(i + 1) * bands];
        if size > 0 {
            for ((link, table), &key) in links.iter_mut().zip(&mut self.tables).zip(&self.keys) {
                *link = table.insert(key, id).unwrap_or(NONE);
            }
        } else {
            links.fill(NONE);
        }
        self.sweep();
    }

    /// Once every `keep` documents after the first `keep`, drops the table
    /// entries of forgotten documents: the tables then never hold more than
    /// `2 keep` band values each.
    fn sweep(&mut self) {
        let keep = self.slots();
        if self.added <= keep {
            return;
        }
        self.since_sweep += 1;
        if self.since_sweep < keep {
            return;
        }
        self.since_sweep = 0;
        let oldest = self.oldest(u32::try_from(self.added).unwrap_or(NONE));
        for table in &mut self.tables {
            // A new table rather than `retain`, whose tombstones would make
            // the table grow: this one holds the next `keep` documents too.
            let mut fresh = BandTable::with_capacity_and_hasher(
                keep.saturating_mul(2),
                BuildHasherDefault::default(),
            );
            fresh.extend(table.drain().filter(|&(_, doc)| doc >= oldest));
            *table = fresh;
        }
    }
}

/// The value of each band of `mins` (`rows` values each), hashed to 32 bits.
fn band_keys(mins: &[u32], rows: usize, keys: &mut [u32]) {
    for (band, key) in keys.iter_mut().enumerate() {
        let mut h = BAND_SEED;
        for &m in &mins[band * rows..(band + 1) * rows] {
            h = (h ^ u64::from(m)).wrapping_mul(WORD_MUL).rotate_left(29);
        }
        *key = (mix(h) >> 32) as u32;
    }
}

/// The Jaccard similarity estimated from `agree` equal 8-bit values out of
/// `hashes`, corrected for their chance agreement (1 in 256).
fn jaccard(agree: usize, hashes: usize) -> f64 {
    const CHANCE: f64 = 1.0 / 256.0;
    if hashes == 0 {
        return 0.0;
    }
    let p = agree as f64 / hashes as f64;
    ((p - CHANCE) / (1.0 - CHANCE)).clamp(0.0, 1.0)
}

/// The containment of the smaller of two bodies of `a` and `b` shingles with
/// Jaccard similarity `jaccard` in the larger: their shared shingles,
/// `J (a + b) / (1 + J)`, over the smaller count, which counts as at least
/// half the larger.
fn containment(jaccard: f64, a: usize, b: usize) -> f64 {
    let smaller = (a.min(b) as f64).max(a.max(b) as f64 / 2.0);
    if smaller == 0.0 {
        return 0.0;
    }
    let shared = jaccard * (a as f64 + b as f64) / (1.0 + jaccard);
    (shared / smaller).clamp(0.0, 1.0)
}

/// The share of the smaller of two bodies of `a` and `b` shingles with
/// Jaccard similarity `jaccard` that is in the larger (without the floor of
/// [`containment`]).
fn within(jaccard: f64, a: usize, b: usize) -> f64 {
    let smaller = a.min(b) as f64;
    if smaller == 0.0 {
        return 0.0;
    }
    let shared = jaccard * (a as f64 + b as f64) / (1.0 + jaccard);
    (shared / smaller).clamp(0.0, 1.0)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // clamped options and estimates of exactly 1
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn words(range: std::ops::Range<usize>) -> String {
        range.fold(String::new(), |mut s, i| {
            let _ = write!(s, "w{i} ");
            s
        })
    }

    /// A made-up news article of six paragraphs.
    const ARTICLE: [&str; 6] = [
        "Flooding across the northern province forced more than twelve thousand people \
         from their homes on Tuesday, after three days of heavy rain swelled the river \
         beyond its banks and cut the main highway to the capital.",
        "The regional governor said emergency crews had rescued about four hundred \
         residents trapped on rooftops overnight, and that two temporary shelters had \
         opened in school buildings on higher ground.",
        "\"We have never seen the water rise this fast,\" said Maria Lopez, a farmer who \
         left her village with her children and two goats in the back of a neighbour's \
         truck. \"By the morning the fields were a lake.\"",
        "Weather forecasters expect the rain to ease by Thursday, but warned that the \
         reservoir upstream was close to capacity and that engineers might have to \
         release water, which would raise the level again downstream.",
        "The national government promised an initial fund of fifty million for repairs \
         to roads and bridges, and the army sent helicopters and boats to reach the \
         villages that remain cut off.",
        "It is the third major flood in the province in five years, and local officials \
         have renewed calls for a new system of dykes that was first proposed after the \
         disaster of a decade ago.",
    ];

    const OTHER: &str = "Rescue workers in the southern province searched on Wednesday \
        for survivors of a landslide that buried part of a mountain village after a week \
        of storms. The provincial police chief said nine people were confirmed dead and \
        at least thirty were missing, and that the search would continue through the \
        night with dogs and heavy machinery. Residents said the hillside had been cleared \
        for farming, and geologists have long warned that the slopes were unstable. The \
        government sent soldiers to help and promised money for the families.";

    fn article() -> String {
        ARTICLE.join("\n\n")
    }

    /// The index of the original and whether the copy is found, with its similarity.
    fn similarity(original: &str, copy: &str) -> Option<f64> {
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        index.add(OTHER);
        index.add(original);
        let found = index.add(copy);
        assert!(found.iter().all(|&(i, _)| i == 1), "{found:?}");
        found.first().map(|&(_, s)| s)
    }

    #[test]
    fn identical_text_is_a_duplicate() {
        let s = similarity(&article(), &article()).unwrap();
        assert!(s > 0.99, "{s}");
    }

    #[test]
    fn furniture_and_captions_do_not_hide_a_copy() {
        let mut paragraphs: Vec<&str> = ARTICLE.to_vec();
        paragraphs.insert(0, "Advertisement");
        paragraphs.insert(2, "Photo: Reuters");
        paragraphs.insert(
            4,
            "Residents wade through a flooded street in the provincial capital. (AFP)",
        );
        paragraphs.push("Share this article");
        paragraphs.push("Sign up for our newsletter");
        let s = similarity(&article(), &paragraphs.join("\n\n")).unwrap();
        assert!(s > 0.85, "{s}");
    }

    #[test]
    fn a_moved_paragraph_is_a_copy() {
        let mut paragraphs: Vec<&str> = ARTICLE.to_vec();
        let p = paragraphs.remove(1);
        paragraphs.insert(4, p);
        let s = similarity(&article(), &paragraphs.join("\n\n")).unwrap();
        assert!(s > 0.85, "{s}");
    }

    #[test]
    fn a_dropped_paragraph_is_a_copy_and_contained() {
        let mut paragraphs: Vec<&str> = ARTICLE.to_vec();
        paragraphs.remove(2);
        let copy = paragraphs.join("\n\n");
        let s = similarity(&article(), &copy).unwrap();
        assert!(s > 0.85, "{s}");
        // A third of the article is still its copy by containment (counted as
        // half), not by Jaccard.
        let third = ARTICLE[..2].join("\n\n");
        assert!(similarity(&article(), &third).is_some());
        let mut index = DuplicateIndex::new(DuplicateOptions::new().containment(false));
        index.add(&article());
        assert!(index.add(&third).is_empty());
    }

    #[test]
    fn light_edits_keep_a_copy() {
        let copy = article()
            .replace("twelve thousand", "12,000")
            .replace("said emergency", "told reporters emergency")
            .replace('"', "\u{201c}")
            .replace("goats", "sheep")
            .replace(", and", " and")
            .replace("  ", " ")
            .replace(
                "The national government promised an initial fund of fifty million",
                "An initial fund of fifty million was promised by the national government",
            );
        let s = similarity(&article(), &copy).unwrap();
        assert!(s > 0.7, "{s}");
        // Quote marks, punctuation and spacing alone change nothing.
        let punct = article()
            .replace('"', "\u{201d}")
            .replace(", ", " , ")
            .replace("\n\n", "\n");
        assert!(similarity(&article(), &punct).unwrap() > 0.99);
    }

    #[test]
    fn case_and_unicode_words() {
        let a = "ÉMEUTES À PARIS: la préfecture de police a annoncé mercredi l'interpellation \
                 de quarante personnes après une nuit de violences dans le nord de la ville.";
        let b = a.to_lowercase();
        assert!(similarity(a, &b).unwrap() > 0.99);
        // A decomposed accent (e + combining acute) keeps its word whole.
        let mut words = 0;
        for_each_word("pre\u{301}fecture de police", |_| words += 1);
        assert_eq!(words, 3);
    }

    #[test]
    fn distinct_articles_on_one_topic_are_not_duplicates() {
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        assert!(index.add(&article()).is_empty());
        assert!(index.add(OTHER).is_empty());
        let third = "Flood waters began to recede in the northern province on Friday, \
            letting the first families return to their villages to find mud-filled homes \
            and ruined crops. Aid groups handed out clean water and food, and the governor \
            said the highway to the capital would reopen within a week. Engineers said the \
            reservoir had held, and no release of water would be needed.";
        assert!(index.add(third).is_empty());
    }

    #[test]
    fn empty_and_short_bodies() {
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        assert!(index.add("").is_empty());
        assert!(index.add("").is_empty());
        assert!(index.add("  ... -- !!! \n\n ").is_empty());
        // Fewer words than a shingle: one shingle of all of them.
        assert!(index.add("Breaking news").is_empty());
        assert_eq!(index.add("BREAKING: news!"), vec![(3, 1.0)]);
        assert!(index.add("Breaking").is_empty());
        // Short text is not contained in a longer one that holds its words.
        assert!(index
            .add("Breaking news from the capital tonight")
            .is_empty());
        assert_eq!(index.len(), 7);
        assert!(index.find("").is_empty());
    }

    #[test]
    fn huge_and_odd_input_gives_an_answer() {
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        let giant = "a".repeat(1 << 20);
        assert!(index.add(&giant).is_empty());
        assert_eq!(index.add(&giant), vec![(0, 1.0)]);
        let repeated = "word ".repeat(100_000);
        index.add(&repeated);
        assert_eq!(index.add("word word word word word word")[0].0, 2);
        index.add("\u{0}\u{feff}\u{200b}\u{10ffff}𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ǅ ﬃ İstanbul");
        assert!(index.memory_bytes() > 0);
    }

    #[test]
    fn out_of_range_options_are_clamped() {
        let options = DuplicateOptions::new()
            .threshold(f64::NAN)
            .shingle(0)
            .hashes(0)
            .bands(0)
            .rows(1000)
            .keep(0)
            .max_chain(0);
        assert_eq!(options.get_threshold(), 0.5);
        assert_eq!(options.get_shingle(), 1);
        assert_eq!(options.get_hashes(), 1);
        let mut index = DuplicateIndex::new(options);
        assert!(index.add("one two").is_empty());
        assert_eq!(index.add("one two").len(), 1);
        assert_eq!(DuplicateOptions::new().threshold(7.0).get_threshold(), 1.0);
        let mut index = DuplicateIndex::new(DuplicateOptions::new().hashes(2000).bands(5000));
        assert!(index.add(&article()).is_empty());
        assert_eq!(index.add(&article()).len(), 1);
    }

    #[test]
    fn results_are_deterministic_and_ordered() {
        let texts: Vec<String> = (0..40)
            .map(|i| {
                let mut p: Vec<&str> = ARTICLE.to_vec();
                p.rotate_left(i % 6);
                p.truncate(3 + i % 4);
                format!("{}\n\nUpdated {i}", p.join("\n\n"))
            })
            .chain([OTHER.to_owned()])
            .collect();
        let run = || {
            let mut index = DuplicateIndex::new(DuplicateOptions::new());
            texts.iter().map(|t| index.add(t)).collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        for found in &first {
            assert!(found
                .windows(2)
                .all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)));
        }
        assert!(first[39].len() > 5);
        assert!(first[40].is_empty());
    }

    #[test]
    fn keep_forgets_old_documents_and_bounds_memory() {
        let options = DuplicateOptions::new().keep(3);
        let mut index = DuplicateIndex::new(options);
        index.add(&article());
        for i in 0..3 {
            index.add(&format!("{OTHER} {i}"));
        }
        // Document 0 is forgotten: its copy is no longer found.
        assert!(index.add(&article()).is_empty());
        let mut index = DuplicateIndex::new(options.keep(100));
        let mut sizes = Vec::new();
        for i in 0..5_000 {
            index.add(&format!(
                "document number {i} says {i} things about {}",
                i * 7
            ));
            sizes.push(index.memory_bytes());
        }
        assert!(
            sizes[4_999] <= sizes[1_000] * 2,
            "{} {}",
            sizes[1_000],
            sizes[4_999]
        );
        assert_eq!(
            index.add("document number 4999 says 4999 things about 34993")[0].0,
            4_999
        );
    }

    #[test]
    fn max_chain_bounds_the_work_on_repeated_text() {
        let mut index = DuplicateIndex::new(DuplicateOptions::new().max_chain(8));
        for _ in 0..100 {
            index.add(&article());
        }
        let found = index.add(&article());
        assert_eq!(found.len(), 8);
        assert_eq!(found[0].0, 92); // the most recent, ties by index
    }

    #[test]
    fn jaccard_estimate_is_close() {
        // Two sets of 1,000 shingles sharing 600: J = 600 / 1400.
        let (a, b) = (words(0..1000), words(400..1400));
        let mut index = DuplicateIndex::new(
            DuplicateOptions::new()
                .shingle(1)
                .containment(false)
                .threshold(0.0)
                .lede(false),
        );
        index.add(&a);
        let found = index.add(&b);
        let estimate = found[0].1;
        assert!((estimate - 600.0 / 1400.0).abs() < 0.1, "{estimate}");
        assert!((containment(0.6 / 1.4, 1000, 1000) - 0.6).abs() < 1e-9);
        assert!((containment(0.5, 1000, 500) - 1.0).abs() < 1e-9);
        assert!((containment(0.1, 1000, 100) - 0.2).abs() < 1e-9);
    }

    /// A background paragraph (136 words) two distinct articles may share.
    const BACKGROUND: &str = "The dam on the upper river was completed in the late 1960s \
        to control the seasonal floods that had destroyed crops across the valley for \
        generations, and it supplies most of the electricity used in the province. \
        Engineers have warned for more than a decade that its concrete spillway needs \
        repairs, and a report commissioned by the water ministry found cracks in two of \
        its gates. The government approved a plan to strengthen the structure, but the \
        work was delayed by disputes over its cost and by a legal challenge from farmers \
        whose land would be flooded by a wider reservoir. Environmental groups say the \
        dam has also reduced the number of fish in the lower river by half, and fishing \
        communities near the coast have asked for compensation. The ministry says the \
        repairs will begin next spring.";

    /// An article of its own lede, [`BACKGROUND`] in its middle and its own
    /// end.
    fn with_background(lede: &str, end: &str) -> String {
        format!("{lede}\n\n{BACKGROUND}\n\n{end}")
    }

    #[test]
    fn a_copy_without_its_lede_under_furniture_is_a_duplicate() {
        // The first two paragraphs dropped (70 words: as one long first
        // paragraph), three furniture lines on top and a paragraph of its own:
        // too little of either body is in the other to waive the lede check
        // (about 0.67), and the original's lede is not in the copy. The
        // copy's lede is the original's third paragraph, in the original's
        // kept prefix.
        let mut paragraphs = vec![
            "Advertisement",
            "Share this article",
            "Sign up for our daily newsletter",
        ];
        paragraphs.extend(&ARTICLE[2..]);
        paragraphs.push(
            "Officials in the neighbouring district said on Wednesday that they were \
             preparing schools and sports halls to take in families if the water kept \
             rising, and asked residents to follow the instructions of the police and \
             the fire brigade, to keep their phones charged and to avoid the roads along \
             the river, where several cars had already been swept away by the current.",
        );
        let copy = paragraphs.join("\n\n");
        assert!(similarity(&article(), &copy).is_some());
        // In the other order: the copy's lede is in the original.
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        index.add(&copy);
        assert_eq!(index.add(&article()).len(), 1);
        // And through signatures, as `Corpus::extend` adds them.
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        let (a, b) = (index.sign(&article()), index.sign(&copy));
        index.add_signed(&a);
        assert_eq!(index.add_signed(&b).len(), 1);
    }

    #[test]
    fn articles_sharing_a_background_paragraph_are_not_duplicates() {
        let a = with_background(
            "Heavy rain on Monday raised the level of the reservoir behind the \
             northern dam to its highest mark in twenty years, and the operator opened \
             two gates to release water for the first time since the spring, warning \
             villages downstream to move livestock away from the banks.",
            "Villagers said the water had already reached several fields by the evening.",
        );
        let b = with_background(
            "The water ministry signed a contract with a foreign construction company \
             on Friday to repair the spillway of the northern dam, ending a dispute \
             over the cost that had held up the work for three years and drawn \
             criticism from members of parliament of every party.",
            "The company said its engineers would arrive at the site within a month.",
        );
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        index.add(&a);
        assert!(index.add(&b).is_empty());
        // They pass the containment threshold: only the lede check separates
        // them.
        let mut index = DuplicateIndex::new(DuplicateOptions::new().lede(false));
        index.add(&a);
        assert_eq!(index.add(&b).len(), 1);
        assert!(DuplicateOptions::new().get_lede());
    }

    #[test]
    fn lede_check_on_short_and_empty_bodies() {
        let mut index = DuplicateIndex::new(DuplicateOptions::new());
        let one = index.sign("word");
        assert_eq!(one.shingles.len(), 1);
        assert!(index.add_signed(&one).is_empty());
        assert_eq!(index.add("Word!"), vec![(0, 1.0)]);
        assert!(index.add("").is_empty());
        // A signature without shingles (of an index without the check) still
        // finds the bodies it is wholly inside.
        let other = DuplicateIndex::new(DuplicateOptions::new().lede(false)).sign("word");
        assert_eq!(index.add_signed(&other).len(), 2);
        let long = words(0..10_000);
        index.add(&long);
        assert_eq!(index.add(&long)[0].0, 4);
        assert_eq!(index.find(&long).len(), 2);
        assert!(index.find(&words(9_000..10_000)).is_empty());
    }

    #[test]
    fn index_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<DuplicateIndex>();
        check::<DuplicateOptions>();
    }
}
