//! Fuzz the phrase readers on arbitrary strings: `nutgraf::parse_time` (against
//! several reference dates, each direction, and `parse_time_zoned`),
//! `nutgraf::parse_quantity`, and the running-text extractors `time::extract`
//! (with and without a reference date) and `quantity::extract` over the input's
//! tokens. No panic; every span is a non-empty range of the input on char
//! boundaries; values are finite; a relative time has a value exactly when a
//! reference is known.

#![no_main]

use jiff::civil::{date, DateTime};
use libfuzzer_sys::fuzz_target;
use nutgraf::time::{parse_time_zoned, Direction};
use nutgraf::{parse_quantity, parse_time, segment, Quantity, Span, TimeExpression};

/// Reference dates: a weekday in 2023, the turn of a year, a leap day, and the
/// ends of jiff's range, where date arithmetic overflows.
fn references() -> [DateTime; 5] {
    [
        date(2023, 10, 17).at(9, 0, 0, 0),
        date(1999, 12, 31).at(23, 59, 59, 0),
        date(2024, 2, 29).at(0, 0, 0, 0),
        date(9999, 12, 31).at(23, 59, 59, 999_999_999),
        date(-9999, 1, 1).at(0, 0, 0, 0),
    ]
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of range in {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries of {text:?}"
    );
}

fn check_time(text: &str, t: &TimeExpression, what: &str) {
    check_span(text, t.span, what);
    assert!(!t.span.is_empty(), "{what}: empty span in {text:?}");
    if let Some(v) = &t.value {
        assert!(!v.is_empty(), "{what}: empty value in {text:?}");
    }
    let _ = t.text(text);
    let _ = t.duration();
}

fn check_quantity(text: &str, q: &Quantity, what: &str) {
    check_span(text, q.span, what);
    assert!(!q.span.is_empty(), "{what}: empty span in {text:?}");
    assert!(q.value.is_finite(), "{what}: value {} in {text:?}", q.value);
    if let Some(m) = q.value_max {
        assert!(m.is_finite(), "{what}: value_max {m} in {text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    // Whole-phrase readers.
    let utc = jiff::tz::Offset::UTC;
    let plus_eight = jiff::tz::Offset::constant(8);
    for reference in references() {
        for prefer in [Direction::Past, Direction::Future, Direction::Nearest] {
            if let Some(t) = parse_time(text, reference, prefer) {
                check_time(text, &t, "parse_time");
            }
        }
        for offset in [utc, plus_eight] {
            if let Some(t) = parse_time_zoned(text, reference, offset, Direction::Nearest) {
                check_time(text, &t, "parse_time_zoned");
            }
        }
    }
    if let Some(q) = parse_quantity(text) {
        check_quantity(text, &q, "parse_quantity");
    }

    // Running-text extractors, one sentence at a time as the parser calls them.
    let mut sentences = Vec::new();
    segment::sentences(text, Span::new(0, text.len()), &mut sentences);
    let mut tokens = Vec::new();
    for reference in [None, Some(date(2023, 10, 17)), Some(date(9999, 12, 31))] {
        let mut scratch = nutgraf::time::Scratch::default();
        for &s in &sentences {
            check_span(text, s, "sentence");
            tokens.clear();
            segment::tokens(text, s, &mut tokens);
            let mut times = Vec::new();
            nutgraf::time::extract(text, &tokens, reference, &mut scratch, &mut times);
            let mut prev_end = s.start;
            for t in &times {
                check_time(text, t, "time::extract");
                assert!(
                    s.contains(t.span),
                    "time {t:?} outside its sentence in {text:?}"
                );
                assert!(t.span.start >= prev_end, "time {t:?} overlaps in {text:?}");
                prev_end = t.span.end;
                // At the end of jiff's range a relative date has no value ("next
                // Friday" after 9999-12-31): only a normal reference must give one.
                if reference == Some(date(2023, 10, 17)) {
                    assert!(t.value.is_some(), "time {t:?} has no value in {text:?}");
                }
            }
            if reference.is_none() {
                let mut quantities = Vec::new();
                nutgraf::quantity::extract(text, &tokens, &mut quantities);
                for q in &quantities {
                    check_quantity(text, q, "quantity::extract");
                    assert!(
                        s.contains(q.span),
                        "quantity {q:?} outside its sentence in {text:?}"
                    );
                }
            }
        }
    }
});
