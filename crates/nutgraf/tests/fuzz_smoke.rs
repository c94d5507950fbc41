//! A short, deterministic fuzz run on the stable toolchain, and the inputs the
//! cargo-fuzz targets (`fuzz/`, nightly) have found, replayed as regressions.
//!
//! The generator is a seeded xorshift mixing the fuzz dictionary's tokens (news
//! words, accented names, quote marks, brackets, currencies, dates, HTML
//! references, zero-width and control characters), random code points and
//! mutations of the seed articles. Every case goes through
//! [`common::check_all_modes`] (layout on and off, with and without a
//! publication date: every document invariant and the JSON offsets) and the
//! phrase readers (`parse_time`, `parse_quantity`).
//!
//! `NUTGRAF_FUZZ_CASES` (default 240) and `NUTGRAF_FUZZ_SEED` change the run;
//! a failing input is written to the system temp directory as
//! `nutgraf-fuzz-smoke-<seed>-<case>.txt` and can be added to
//! `tests/regressions/`.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use nutgraf::time::Direction;
use nutgraf::{parse_quantity, parse_time};

/// Tokens the generator draws from (the same spirit as `fuzz/news.dict`).
const TOKENS: &[&str] = &[
    "said",
    "says",
    "told",
    "according to ",
    "According to ",
    "added",
    "warned",
    "said that ",
    "Putin said that ",
    "Xi Jinping",
    "Vladimir Putin",
    "President ",
    "Mr. ",
    "Mrs. ",
    "Dr. ",
    "U.S. ",
    "U.N.",
    "the ",
    "The ",
    "of ",
    "on Tuesday",
    "last week",
    "next month",
    "yesterday",
    "ago",
    "a year earlier",
    "the third quarter",
    "in 2023",
    "2023-10-17",
    "17/10/2023",
    "10:30 a.m.",
    "3pm",
    "GMT",
    "January ",
    "March ",
    "May ",
    "October ",
    "Oct. ",
    "Sept. ",
    "Monday",
    "billion",
    "million",
    "percent",
    "percentage points",
    "barrels a day",
    "per barrel",
    "about ",
    "nearly ",
    "more than ",
    "at least ",
    "up to ",
    "dozens of ",
    "$",
    "€",
    "£",
    "¥",
    "₽",
    "%",
    "US$",
    "yuan",
    "km",
    "°C",
    "0",
    "1",
    "12",
    "1,234",
    "1,234.5",
    "3.5",
    "2023",
    "17",
    "-",
    "–",
    "—",
    "/",
    ":",
    ",",
    ".",
    "!",
    "?",
    ";",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    " | ",
    "Zürich",
    "Zürich's",
    "Poutine",
    "Müller",
    "São Paulo",
    "Ça",
    "Vladímir",
    "Beijing",
    "Kremlin",
    "UBS Group",
    "(Reuters) - ",
    "WASHINGTON, Oct. 17 (Reuters) - ",
    "BEIJING (AP) — ",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "«",
    "»",
    "„",
    "\"",
    "'",
    "``",
    "''",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<p>",
    "</p>",
    "&amp;",
    "&nbsp;",
    "&quot;",
    "&#8217;",
    "&#8220;",
    "&#x2019;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&amp;amp;",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{feff}",
    "\u{2060}",
    "\u{ad}",
    "\u{a0}",
    "\u{202f}",
    "\u{2028}",
    "\u{2029}",
    "\u{301}",
    "e\u{301}",
    "\r\n",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{0}",
    "\u{85}",
    "By ",
    "Published: ",
    "Share",
    "Advertisement",
    "(AP Photo/",
    "met ",
    "visited ",
    "signed ",
    "criticized ",
    "called for ",
    "declined to comment",
    "Asked whether ",
    "Jinpingin",
    "FridayAs",
    "cooperationas well as",
    "2023according to",
    "$38million",
    "İ",
    "ß",
    "ﬁ",
    "中国",
    "🙂",
];

/// Ranges of code points the generator picks single characters from.
const RANGES: &[(u32, u32)] = &[
    (0x0, 0x7f),            // ASCII, controls included
    (0x80, 0x24f),          // C1, Latin-1, Latin Extended
    (0x300, 0x36f),         // combining marks
    (0x370, 0x4ff),         // Greek, Cyrillic
    (0x590, 0x6ff),         // Hebrew, Arabic
    (0x2000, 0x206f),       // general punctuation: spaces, zero-width, quotes, separators
    (0x20a0, 0x20cf),       // currency signs
    (0x3000, 0x30ff),       // CJK punctuation, kana
    (0x4e00, 0x4fff),       // CJK ideographs
    (0xfe00, 0xfeff),       // variation selectors, BOM
    (0xff00, 0xffef),       // full-width forms
    (0x1f300, 0x1f64f),     // emoji
    (0xe0000, 0xe007f),     // tags
    (0x10_fff0, 0x10_ffff), // the last code points
];

/// xorshift64*: small, seeded, no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("below n")
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn char(&mut self) -> char {
        let &(lo, hi) = self.pick(RANGES);
        let c = lo + u32::try_from(self.below((hi - lo + 1) as usize)).expect("small");
        char::from_u32(c).unwrap_or('\u{fffd}')
    }

    /// A char boundary of `s`, uniformly by byte then moved back.
    fn boundary(&mut self, s: &str) -> usize {
        floor_boundary(s, self.below(s.len() + 1))
    }
}

/// The seed articles.
fn seeds() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()))
        })
        .collect()
}

/// A dictionary token.
fn token(rng: &mut Rng) -> &'static str {
    TOKENS[rng.below(TOKENS.len())]
}

/// A run of dictionary tokens and random characters.
fn token_soup(rng: &mut Rng, len: usize) -> String {
    let mut s = String::new();
    while s.len() < len {
        match rng.below(10) {
            0..=5 => s.push_str(token(rng)),
            6 | 7 => s.push(rng.char()),
            8 => s.push(' '),
            _ => {
                // A token repeated: the pathological inputs are runs.
                let t = token(rng);
                for _ in 0..rng.below(40) {
                    s.push_str(t);
                }
            }
        }
    }
    s
}

/// The last char boundary of `s` at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One mutation of `s`, keeping it valid UTF-8.
fn mutate(rng: &mut Rng, s: &mut String) {
    let a = rng.boundary(s);
    let b = rng.boundary(s);
    let (a, b) = (a.min(b), a.max(b));
    match rng.below(8) {
        0 => s.insert_str(a, token(rng)),
        1 => s.insert(a, rng.char()),
        2 => {
            // Delete a short range.
            let end = floor_boundary(s, a + rng.below(64));
            s.replace_range(a..end, "");
        }
        3 => {
            // Duplicate a range (up to 512 bytes of it).
            let piece = s[a..floor_boundary(s, b.min(a + 512))].to_owned();
            s.insert_str(b, &piece);
        }
        4 => s.truncate(b),
        5 => {
            // Flip the case of a range.
            let flipped: String = s[a..b]
                .chars()
                .map(|c| {
                    if c.is_lowercase() {
                        c.to_uppercase().next().unwrap_or(c)
                    } else {
                        c.to_lowercase().next().unwrap_or(c)
                    }
                })
                .collect();
            s.replace_range(a..b, &flipped);
        }
        6 => {
            // Remove every space, or every newline, of a range: glued words, long lines.
            let target = if rng.chance(50) { ' ' } else { '\n' };
            let kept: String = s[a..b].chars().filter(|&c| c != target).collect();
            s.replace_range(a..b, &kept);
        }
        _ => s.insert_str(a, &token_soup(rng, 24)),
    }
}

/// The input of case `case` of the run seeded with `seed`.
fn generate(seed: u64, case: u64, seeds: &[String]) -> String {
    let mut rng = Rng::new(seed ^ case.wrapping_mul(0xd1b5_4a32_d192_ed03));
    let mut s = match rng.below(4) {
        0 => {
            let len = 16 + rng.below(600);
            token_soup(&mut rng, len)
        }
        1 => {
            let len = rng.below(300);
            (0..len).map(|_| rng.char()).collect()
        }
        _ => {
            // A window of a seed article (sometimes all of it, sometimes two).
            let seed_text = rng.pick(seeds).clone();
            let mut s = if rng.chance(20) {
                seed_text
            } else {
                let a = rng.boundary(&seed_text);
                let b = floor_boundary(&seed_text, a + 200 + rng.below(1500));
                seed_text[a..b].to_owned()
            };
            if rng.chance(10) {
                s.push_str("\n\n");
                let other: &String = rng.pick(seeds);
                s.push_str(other);
            }
            s
        }
    };
    for _ in 0..rng.below(12) {
        mutate(&mut rng, &mut s);
    }
    s
}

/// The phrase readers on the whole input: no panic, spans inside it.
fn check_phrases(input: &str) {
    let reference = jiff::civil::date(2023, 10, 17).at(9, 0, 0, 0);
    for prefer in [Direction::Past, Direction::Nearest] {
        if let Some(t) = parse_time(input, reference, prefer) {
            common::check_span(input, t.span, "parse_time");
        }
    }
    if let Some(q) = parse_quantity(input) {
        common::check_span(input, q.span, "parse_quantity");
        assert!(q.value.is_finite(), "parse_quantity: value {}", q.value);
    }
}

fn check(input: &str) {
    common::check_all_modes(input);
    check_phrases(input);
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn generated_inputs_keep_the_invariants() {
    let seed = env_u64("NUTGRAF_FUZZ_SEED", 0x6e75_7467_7261_6621);
    let cases = env_u64("NUTGRAF_FUZZ_CASES", 240);
    let seeds = seeds();
    let mut bytes = 0;
    for case in 0..cases {
        let input = generate(seed, case, &seeds);
        bytes += input.len();
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| check(&input))) {
            let path = std::env::temp_dir().join(format!("nutgraf-fuzz-smoke-{seed}-{case}.txt"));
            let saved = std::fs::write(&path, &input).is_ok();
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            panic!(
                "case {case} of seed {seed} failed{}: {msg}\ninput: {input:?}",
                if saved {
                    format!(" (input saved to {})", path.display())
                } else {
                    String::new()
                }
            );
        }
    }
    eprintln!("{cases} generated inputs, {bytes} bytes, seed {seed}");
}

#[test]
fn generator_is_deterministic_and_varied() {
    let seeds = seeds();
    let a: Vec<String> = (0..20).map(|c| generate(7, c, &seeds)).collect();
    let b: Vec<String> = (0..20).map(|c| generate(7, c, &seeds)).collect();
    assert_eq!(a, b);
    let distinct: std::collections::HashSet<&String> = a.iter().collect();
    assert!(distinct.len() >= 18, "the generator repeats itself");
}

// ---------------------------------------------------------------------------
// Regressions: inputs found by the fuzz targets, one test each.

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/regressions")
}

fn replay(name: &str) {
    let path = regressions_dir().join(name);
    let data = std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    // The fuzz targets decode their bytes the same way.
    let input = String::from_utf8_lossy(&data);
    check(&input);
}

/// One test per regression file, and the list of them (`REGRESSIONS`).
macro_rules! regressions {
    ($($(#[$attr:meta])* $test:ident => $file:literal,)*) => {
        const REGRESSIONS: &[&str] = &[$($file),*];
        $(
            #[test]
            $(#[$attr])*
            fn $test() {
                replay($file);
            }
        )*
    };
}

// Every file in `tests/regressions/` (but the README) has its test here.
regressions! {
    // The pathological shapes of issue 9 (`benches/growth.py`), 1.5 KiB each.
    growth_accented => "growth-accented.txt",
    growth_according_to => "growth-according-to.txt",
    growth_datelines => "growth-datelines.txt",
    growth_html_refs => "growth-html-refs.txt",
    growth_long_line => "growth-long-line.txt",
    growth_money => "growth-money.txt",
    growth_mr_run => "growth-mr-run.txt",
    growth_open_paren => "growth-open-paren.txt",
    growth_said_that => "growth-said-that.txt",
    growth_table_tab => "growth-table-tab.txt",
    growth_tags_pipe => "growth-tags-pipe.txt",
    growth_x_run => "growth-x-run.txt",
    growth_zero_width => "growth-zero-width.txt",
}

#[test]
fn every_regression_file_has_a_test() {
    let dir = regressions_dir();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .map(|e| {
                    e.expect("directory entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .filter(|n| n != "README.md")
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut listed: Vec<String> = REGRESSIONS.iter().map(|s| (*s).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed, "tests/regressions/ and REGRESSIONS differ");
    for name in REGRESSIONS {
        assert!(Path::new(&dir).join(name).is_file());
    }
}

/// Found by the `phrases` target ("next Friday" against 9999-12-31): a relative
/// date past the end of the calendar had no value though the document has a
/// publication date; it is not reported now, as an impossible date is not.
#[test]
fn relative_time_at_the_end_of_the_calendar() {
    let input = "Putin will visit Beijing next Friday.";
    let meta = nutgraf::Meta::new()
        .with_published_str("9999-12-31")
        .expect("valid date");
    let doc = nutgraf::Parser::new(nutgraf::Options::new().layout(false))
        .parse(input, &meta)
        .expect("parses");
    common::check_document(input, &doc);
    assert!(doc.times.iter().all(|t| t.value.is_some()));
}
