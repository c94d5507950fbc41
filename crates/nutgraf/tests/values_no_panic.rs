//! No input panics the time and quantity readers: `parse_time`,
//! `parse_time_zoned`, `parse_quantity` and the two sentence extractors, on
//! arbitrary strings (multibyte included), on strings built from the words
//! their grammars read, on tokens of another text, and on inputs built to
//! overflow a calendar span or to nest a rule without end.
//!
//! 256 cases per property (proptest's default; set `PROPTEST_CASES` for more).

use jiff::civil::{date, DateTime};
use nutgraf::quantity::{self, parse_quantity};
use nutgraf::segment::{self, Token};
use nutgraf::time::{self, parse_time, parse_time_zoned, Direction, Scratch};
use nutgraf::Span;
use proptest::prelude::*;
use proptest::sample::select;

/// Words and marks the time and quantity grammars react to, with multibyte
/// and odd characters among them.
const VOCAB: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "at",
    "@",
    "to",
    "from",
    "between",
    "and",
    "-",
    "–",
    "—",
    "/",
    "\\",
    ":",
    ".",
    ",",
    "'",
    "’",
    "'s",
    "%",
    "$",
    "€",
    "£",
    "¥",
    "₹",
    "°",
    "°C",
    "half",
    "past",
    "quarter",
    "after",
    "before",
    "ago",
    "next",
    "last",
    "this",
    "closest",
    "week",
    "weeks",
    "day",
    "days",
    "month",
    "year",
    "years",
    "century",
    "centuries",
    "decade",
    "hours",
    "o'clock",
    "am",
    "pm",
    "p.m.",
    "noon",
    "midnight",
    "morning",
    "tonight",
    "Monday",
    "Friday",
    "February",
    "Feb.",
    "April",
    "October",
    "Oct",
    "May",
    "March",
    "Christmas",
    "Easter",
    "Ramadan",
    "Thanksgiving",
    "Q3",
    "18q4",
    "1990s",
    "'90s",
    "third",
    "first",
    "31st",
    "32nd",
    "0",
    "00",
    "1",
    "12",
    "13",
    "29",
    "30",
    "31",
    "32",
    "99",
    "1900",
    "2000",
    "2023",
    "2024",
    "2199",
    "9999",
    "99999999999",
    "1e9",
    "4294967296",
    "2023-02-30",
    "2023-02-29",
    "30/02/2023",
    "2/30",
    "3:30",
    "24:00",
    "25:61",
    "15h20",
    "3pm",
    "10:30a.m.",
    "Feb13",
    "FridayAs",
    "1,000",
    "3.14",
    "2.5bn",
    "$1.5bn",
    "US$4.7",
    "12%",
    "km",
    "km/h",
    "square",
    "sq",
    "cubic",
    "million",
    "billion",
    "dozen",
    "twenty",
    "five",
    "hundred",
    "thousand",
    "percent",
    "per",
    "more",
    "than",
    "at least",
    "up to",
    "nearly",
    "example.com/2023/10/17",
    "foo@bar2023.com",
    "C:\\data\\12%.csv",
    "/tmp/40%.txt",
    "https://x.org/$5",
    "é",
    "北京",
    "😀",
    "\u{301}",
    "\u{200b}",
    "\u{a0}",
    "\u{2028}",
    "مرحبا",
    "ß",
    "İ",
    "ﬁ",
];

fn reference() -> DateTime {
    date(2023, 10, 17).at(9, 0, 0, 0)
}

/// Vocabulary words joined by a space, nothing, or a newline.
fn vocab_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (select(VOCAB), select(&[" ", "", " ", "\n", "  "][..])),
        0..40,
    )
    .prop_map(|parts| {
        let mut out = String::new();
        for (w, sep) in parts {
            out.push_str(w);
            out.push_str(sep);
        }
        out
    })
}

/// Any string: arbitrary characters, or the vocabulary.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "\\PC{0,60}",
        4 => vocab_string(),
    ]
}

/// Run every reader on `text`.
fn read_all(text: &str, dir: Direction) {
    let r = reference();
    let _ = parse_time(text, r, dir);
    let _ = parse_time_zoned(text, r, jiff::tz::Offset::constant(-2), dir);
    let _ = parse_quantity(text);
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    extract_all(text, &tokens);
}

/// The two sentence extractors on `tokens` of `text`, with and without a
/// reference date; every span they give slices `text`.
fn extract_all(text: &str, tokens: &[Token]) {
    for reference in [Some(date(2023, 10, 17)), None] {
        let mut times = Vec::new();
        time::extract(text, tokens, reference, &mut Scratch::default(), &mut times);
        for t in &times {
            assert!(text.get(t.span.start..t.span.end).is_some(), "{t:?}");
            let _ = t.text(text);
            let _ = t.duration();
        }
    }
    let mut quantities = Vec::new();
    quantity::extract(text, tokens, &mut quantities);
    for q in &quantities {
        assert!(text.get(q.span.start..q.span.end).is_some(), "{q:?}");
    }
}

proptest! {
    #[test]
    fn readers_never_panic(text in input()) {
        read_all(&text, Direction::Nearest);
        read_all(&text, Direction::Future);
        read_all(&text, Direction::Past);
    }

    /// Tokens cut from one text, read against another (a caller's mistake):
    /// still no panic.
    #[test]
    fn extractors_survive_foreign_tokens(a in input(), b in input()) {
        let mut tokens = Vec::new();
        segment::tokens(&a, Span::new(0, a.len()), &mut tokens);
        let mut times = Vec::new();
        time::extract(&b, &tokens, Some(date(2023, 10, 17)), &mut Scratch::default(), &mut times);
        let mut quantities = Vec::new();
        quantity::extract(&b, &tokens, &mut quantities);
        for t in &times {
            let _ = t.text(&b);
        }
    }

    /// Any reference date jiff can hold.
    #[test]
    fn any_reference(text in vocab_string(), days in -3_000_000i64..3_000_000) {
        let r = date(2000, 1, 1)
            .checked_add(jiff::Span::new().days(days))
            .unwrap_or(date(2000, 1, 1))
            .at(23, 59, 59, 0);
        let _ = parse_time(&text, r, Direction::Future);
        let _ = parse_time(&text, r, Direction::Past);
        let mut tokens = Vec::new();
        segment::tokens(&text, Span::new(0, text.len()), &mut tokens);
        let mut times = Vec::new();
        time::extract(&text, &tokens, Some(r.date()), &mut Scratch::default(), &mut times);
    }
}

/// Counts and offsets beyond what a calendar span holds (jiff's span
/// constructors panic out of range; the readers must not).
#[test]
fn huge_counts_do_not_panic() {
    for s in [
        "1000000 years after christmas",
        "99999999999 days before Easter 2013",
        "the 999999999th monday after christmas",
        "999999999 weeks ago",
        // proptest found: a count past i32 saturated, then times 100 overflowed.
        "99999999999 century ago",
        "99999999999 decades ago",
        "in 99999999999 centuries",
        "in 999999 centuries",
        "in 4294967296 seconds",
        "next 2000000000 hours",
        "last 99999999999 years",
        "from 18th Dec for 99999999999 years",
        "from 3pm for 99999999999 hours",
        "the 20th of 99999999999 months from now",
        "2023/10/99999999999",
        "99999999999/10/2023",
        "the closest monday to",
        "the closest the closest monday to today to today",
        "Thursday 8:00 PST",
    ] {
        read_all(s, Direction::Future);
        read_all(&format!("It happened {s}, he said."), Direction::Past);
    }
    let mut tokens = Vec::new();
    let s = "It will come in 99999999999 years, 99999999999 weeks ago.";
    segment::tokens(s, Span::new(0, s.len()), &mut tokens);
    extract_all(s, &tokens);
    // The reference at the edges of jiff's range.
    for r in [
        date(-9999, 1, 1).at(0, 0, 0, 0),
        date(9999, 12, 31).at(23, 59, 59, 0),
    ] {
        for s in [
            "next year",
            "in 3 centuries",
            "last Friday",
            "the 31st",
            "Feb 29",
            "next 3 hours",
            "Christmas",
        ] {
            let _ = parse_time(s, r, Direction::Future);
            let _ = parse_time(s, r, Direction::Past);
        }
    }
}

/// Rules that could nest without end ("half past half past ...", "the week
/// of the week of ...", "square square ... km") read a long run in bounded
/// stack.
#[test]
fn long_runs_do_not_nest() {
    for (unit, tail) in [
        ("half past ", "three"),
        ("a quarter to ", "noon"),
        ("the week of ", "October 7th"),
        ("the closest ", "monday to today"),
        ("square ", "km"),
        ("twenty ", "five"),
        ("and ", "5%"),
        ("more than ", "$5"),
        ("of the ", "1990s"),
    ] {
        let long = unit.repeat(20_000) + tail;
        read_all(&long, Direction::Nearest);
    }
}
