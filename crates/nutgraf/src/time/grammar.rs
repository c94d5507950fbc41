//! The time grammar: hand-written rules over the word stream, longest match first.
//!
//! Each rule reads words from a position and returns where it stopped and what
//! it read ([`Sem`]); values are computed later by [`super::resolve`].

// Word positions are `i`, `j`, `e` and calendar fields `y`, `m`, `d` throughout; the
// numbers cast between integer types are days, months, hours and years already
// range-checked where they were read, so the casts cannot wrap or truncate.
#![allow(
    clippy::many_single_char_names,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation
)]

use super::resolve::{Direction, Sem, Shift, Year, D};
use super::words::{self, Unit, Words};
use super::{Grain, TimexMod};
use crate::segment::TokenKind;

/// A recognized expression: words `start..end` of the stream.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Match {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    pub modifier: Option<TimexMod>,
}

/// The grammar over one sentence's words.
pub(super) struct Grammar<'a> {
    pub w: &'a Words,
    pub text: &'a str,
    /// A single phrase (the whole input is one expression): looser rules apply
    /// ("2/15", "at 3p", bare lowercase month names).
    pub phrase: bool,
}

/// A number read from words.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    end: usize,
    ordinal: bool,
    /// Written in digits.
    digits: bool,
}

impl<'a> Grammar<'a> {
    fn low(&self, i: usize) -> &str {
        self.w.low(i)
    }

    fn raw(&self, i: usize) -> &'a str {
        self.w.raw(self.text, i)
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.low(i) == s
    }

    fn any(&self, i: usize, set: &[&str]) -> bool {
        let l = self.low(i);
        set.contains(&l)
    }

    fn upper(&self, i: usize) -> bool {
        self.w.items.get(i).is_some_and(|w| w.upper)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.w.items.get(i).map(|w| w.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.w.items.get(i).is_some_and(|w| w.glued)
    }

    /// Skip an optional word.
    fn opt(&self, i: usize, s: &str) -> usize {
        if self.is(i, s) {
            i + 1
        } else {
            i
        }
    }

    fn opt_any(&self, i: usize, set: &[&str]) -> usize {
        if self.any(i, set) {
            i + 1
        } else {
            i
        }
    }

    // ----- numbers -----

    /// A number in digits or words ("17", "17th", "2.5", "twenty four", "a hundred").
    fn num(&self, i: usize) -> Option<Num> {
        let l = self.low(i);
        if l.is_empty() {
            return None;
        }
        if self.kind(i) == Some(TokenKind::Number) {
            if l.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && l.bytes().filter(|&b| b == b'.').count() <= 1
                && !l.ends_with('.')
            {
                let value: f64 = l.parse().ok()?;
                return Some(Num {
                    value,
                    end: i + 1,
                    ordinal: false,
                    digits: true,
                });
            }
            if l.bytes().all(|b| b.is_ascii_digit() || b == b',') && !l.starts_with(',') {
                let value: f64 = l.replace(',', "").parse().ok()?;
                return Some(Num {
                    value,
                    end: i + 1,
                    ordinal: false,
                    digits: true,
                });
            }
            return None;
        }
        if let Some((v, ordinal)) = words::digits(l) {
            return Some(Num {
                value: f64::from(v),
                end: i + 1,
                ordinal,
                digits: true,
            });
        }
        let (v, ordinal) = words::small_number(l)?;
        if l == "a" || l == "an" {
            // "a hundred", else "a" is one only where the caller wants it.
            if self.is(i + 1, "hundred") {
                return Some(Num {
                    value: 100.0,
                    end: i + 2,
                    ordinal: false,
                    digits: false,
                });
            }
            return Some(Num {
                value: 1.0,
                end: i + 1,
                ordinal: false,
                digits: false,
            });
        }
        let mut value = v;
        let mut end = i + 1;
        let mut ordinal = ordinal;
        // "twenty four", "twenty-fifth"
        if !ordinal && (20..=90).contains(&v) && v % 10 == 0 {
            if let Some((u, o)) = words::small_number(self.low(end)) {
                if (1..=9).contains(&u) && !matches!(self.low(end), "a" | "an") {
                    value += u;
                    ordinal = o;
                    end += 1;
                }
            }
        }
        // "one hundred", "two hundred and five"
        if !ordinal && self.is(end, "hundred") {
            value *= 100;
            end += 1;
            let j = self.opt(end, "and");
            if let Some(rest) = self.small_words(j) {
                if rest.0 < 100 {
                    value += rest.0;
                    ordinal = rest.1;
                    end = rest.2;
                }
            }
        }
        Some(Num {
            value: f64::from(value),
            end,
            ordinal,
            digits: false,
        })
    }

    /// One or two number words below 100.
    fn small_words(&self, i: usize) -> Option<(u32, bool, usize)> {
        let (v, o) = words::small_number(self.low(i))?;
        if matches!(self.low(i), "a" | "an") {
            return None;
        }
        if !o && (20..=90).contains(&v) && v % 10 == 0 {
            if let Some((u, o2)) = words::small_number(self.low(i + 1)) {
                if (1..=9).contains(&u) && !matches!(self.low(i + 1), "a" | "an") {
                    return Some((v + u, o2, i + 2));
                }
            }
        }
        Some((v, o, i + 1))
    }

    /// A year in digits: 4 digits, or 2 digits after an apostrophe ("'90").
    fn year4(&self, i: usize) -> Option<i32> {
        let l = self.low(i);
        if matches!(self.kind(i), Some(TokenKind::Number | TokenKind::Word))
            && l.len() == 4
            && l.bytes().all(|b| b.is_ascii_digit())
        {
            let y: i32 = l.parse().ok()?;
            if (1000..=2199).contains(&y) {
                return Some(y);
            }
        }
        None
    }

    /// "last year", "this year", "next year" after a month: the year's offset.
    fn relative_year(&self, i: usize) -> Option<(i32, usize)> {
        if !self.is(i + 1, "year") {
            return None;
        }
        let n = match self.low(i) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        Some((n, i + 2))
    }

    /// A year in words: "nineteen ninety-six", "two thousand (and) nine",
    /// "twenty twenty-three".
    fn year_words(&self, i: usize) -> Option<(i32, usize)> {
        let (a, ord, e) = self.small_words(i)?;
        if ord {
            return None;
        }
        if a == 2 && self.is(e, "thousand") {
            let j = self.opt(e + 1, "and");
            if let Some((b, false, e2)) = self.small_words(j) {
                return Some((2000 + b as i32, e2));
            }
            return Some((2000, e + 1));
        }
        if !(10..=20).contains(&a) {
            return None;
        }
        // "nineteen oh five"
        if self.is(e, "oh") {
            let (b, false, e2) = self.small_words(e + 1)? else {
                return None;
            };
            return (b < 10).then_some((a as i32 * 100 + b as i32, e2));
        }
        let (b, false, e2) = self.small_words(e)? else {
            return None;
        };
        (10..=99)
            .contains(&b)
            .then_some((a as i32 * 100 + b as i32, e2))
    }

    /// A year after a month or day, where two digits are allowed ("Oct 17, 74").
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            return Some((y, i + 1));
        }
        if let Some(r) = self.year_words(i) {
            return Some(r);
        }
        let l = self.low(i);
        if l == "'" || l == "\u{2019}" {
            let l2 = self.low(i + 1);
            if l2.len() == 2 && l2.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = l2.parse().ok()?;
                return Some((two_digit_year(y), i + 2));
            }
        }
        if self.glued(i) && l.len() == 2 && l.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = l.parse().ok()?;
            return Some((two_digit_year(y), i + 1));
        }
        if self.phrase && l.len() == 2 && l.bytes().all(|b| b.is_ascii_digit()) {
            let y: i32 = l.parse().ok()?;
            return Some((two_digit_year(y), i + 1));
        }
        None
    }

    /// A day of the month: "17", "17th", "seventeenth", "the 17th".
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let l = self.low(i);
        if let Some((v, _)) = words::digits(l) {
            // "17", "17th"; not "2023".
            if (1..=31).contains(&v) && (l.len() <= 2 || l.ends_with(['t', 'd', 'h'])) {
                return Some((v as u8, i + 1));
            }
            return None;
        }
        // Ordinal words only ("the first of March", "March eighth").
        let (v, ord, end) = self.small_words(i)?;
        if ord && (1..=31).contains(&v) {
            return Some((v as u8, end));
        }
        None
    }

    /// A day number no month has, where the words make it a day all the same:
    /// "October 32, 2023", "the 32nd of October", "on October 32", "October 0"
    /// (a phrase). It is read as the day it pretends to be, so the date is read
    /// whole and found impossible, rather than "32" being taken for a year or
    /// "2023" for a clock time ("In October 32 people died" keeps its month).
    /// `month_after`: a month name follows the day (day-first forms); `on`: the
    /// date follows "on".
    fn impossible_day(&self, i: usize, month_after: bool, on: bool) -> Option<(u8, usize)> {
        let l = self.low(i);
        if self.glued(i) || !matches!(self.kind(i), Some(TokenKind::Number | TokenKind::Word)) {
            return None;
        }
        let (v, ordinal) = words::digits(l)?;
        let n = l.bytes().take_while(u8::is_ascii_digit).count();
        if n > 2 || (1..=31).contains(&v) {
            return None;
        }
        let e = i + 1;
        // A year after the day (and its month) says it is a date.
        let after = if month_after {
            self.opt(e, "of") + 1
        } else {
            e
        };
        let year_follows = self.year4(self.opt(after, ",")).is_some();
        (self.phrase || ordinal || year_follows || on).then_some((v as u8, e))
    }

    /// A month name; "May" and "March" need a capital or a calendar context in text.
    fn month(&self, i: usize) -> Option<u8> {
        let l = self.low(i);
        let m = words::month(l)?;
        if self.phrase {
            return Some(m);
        }
        let raw = self.raw(i);
        if !self.upper(i) {
            return None;
        }
        // Three-letter forms without a dot ("Mar", "Jan") are common words or names
        // unless a day or year follows.
        let short = l.len() <= 4 && !l.ends_with('.') && !matches!(l, "may" | "june" | "july");
        let next_is_num =
            self.kind(i + 1) == Some(TokenKind::Number) || words::digits(self.low(i + 1)).is_some();
        if short && !next_is_num {
            return None;
        }
        if raw.bytes().all(|b| b.is_ascii_uppercase() || b == b'.') && raw.len() > 1 && !next_is_num
        {
            // "MAY" in an all-caps line is still a month; "MAR" is not.
            if short {
                return None;
            }
        }
        if m == 5 || m == 3 {
            // "May" as a modal or a name, "March" as a noun: need a calendar context.
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            let calendar_prev = matches!(
                prev,
                "in" | "on"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "through"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "and"
                    | "or"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | ","
                    | "past"
                    | "coming"
                    | "that"
            );
            if !(calendar_prev || next_is_num || self.year4(i + 1).is_some()) {
                return None;
            }
            if m == 5 && prev.is_empty() && !next_is_num {
                return None;
            }
        }
        Some(m)
    }

    fn weekday(&self, i: usize) -> Option<u8> {
        let l = self.low(i);
        let wd = words::weekday(l)?;
        if self.phrase {
            return Some(wd);
        }
        if !self.upper(i) {
            return None;
        }
        // Abbreviations need a dot or a date after them ("Sun" is a newspaper, "Wed" a verb).
        if l.len() <= 5 && !l.ends_with('.') && l != "monday" && l != "friday" && l != "sunday" {
            let next_month = words::month(self.low(i + 1)).is_some()
                || (self.is(i + 1, ",") && words::month(self.low(i + 2)).is_some());
            if !next_month {
                return None;
            }
        }
        Some(wd)
    }

    // ----- dates -----

    /// A shift word before a unit, weekday, month or season.
    fn shift(&self, i: usize) -> Option<(Shift, usize)> {
        let l = self.low(i);
        let s = match l {
            "last" | "past" | "previous" | "preceding" => Shift::Last,
            "next" | "coming" | "following" | "upcoming" => Shift::Next,
            "this" | "current" | "present" => Shift::This,
            _ => return None,
        };
        // "this past weekend", "this coming Sunday"
        if l == "this" && self.any(i + 1, &["past", "coming"]) {
            let s2 = if self.is(i + 1, "past") {
                Shift::Last
            } else {
                Shift::Next
            };
            return Some((s2, i + 2));
        }
        Some((s, i + 1))
    }

    /// A date (no time of day).
    fn date(&self, i: usize) -> Option<(usize, D)> {
        let mut best: Option<(usize, D)> = None;
        let mut take = |c: Option<(usize, D)>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.0 > b.0) {
                    best = Some(c);
                }
            }
        };
        take(self.numeric_date(i));
        take(self.month_first(i));
        take(self.day_first(i));
        take(self.weekday_date(i));
        take(self.shifted(i));
        take(self.deictic_day(i));
        take(self.season(i));
        take(self.quarter(i));
        take(self.decade(i));
        take(self.holiday(i));
        take(self.nth_weekday(i));
        take(self.weekday_count(i));
        take(self.day_phrases(i));
        take(self.season_of_now(i));
        take(self.after_next(i));
        take(self.weekend_of(i));
        take(self.day_of_month(i));
        take(self.year_only(i));
        best
    }

    /// "2023-10-17", "2014-10", "10/17/2023", "17.10.2023", "2/15" (phrases).
    fn numeric_date(&self, i: usize) -> Option<(usize, D)> {
        // "2 / 15", "2 - 15" written apart (phrases)
        if self.phrase && self.any(i + 1, &["/", "-"]) {
            let m = words::digits(self.low(i)).filter(|&(v, o)| !o && (1..=12).contains(&v))?;
            let d = words::digits(self.low(i + 2)).filter(|&(v, o)| !o && (1..=31).contains(&v))?;
            return Some((
                i + 3,
                D::Cal {
                    y: Year::Unknown,
                    m: Some(m.0 as u8),
                    d: Some(d.0 as u8),
                    shift: Shift::Tense,
                },
            ));
        }
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let l = self.low(i);
        let parts: Vec<&str> = l.split(['-', '/', '.']).collect();
        let sep = l.bytes().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
        if parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        // Every part a number (a part too long for one is no date: "2023/10/99999999999").
        let n: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().ok())
            .collect::<Option<_>>()?;
        let cal = |y: Option<u32>, m: u32, d: Option<u32>| -> Option<D> {
            if !(1..=12).contains(&m) || d.is_some_and(|d| !(1..=31).contains(&d)) {
                return None;
            }
            Some(D::Cal {
                y: match y {
                    Some(y) => Year::Abs(i32::try_from(y).ok()?),
                    None => Year::Unknown,
                },
                m: Some(m as u8),
                d: d.map(|d| d as u8),
                shift: Shift::Tense,
            })
        };
        let width = |k: usize| parts.get(k).map_or(0, |p| p.len());
        let d = match (n.as_slice(), width(0)) {
            (&[y, m, d], 4) => cal(Some(y), m, Some(d))?,
            (&[y, m], 4) if sep == b'-' || sep == b'/' => cal(Some(y), m, None)?,
            (&[a, b, c], 1 | 2) => {
                let y = match width(2) {
                    2 => two_digit_year(i32::try_from(c).ok()?),
                    4 => i32::try_from(c).ok()?,
                    _ => return None,
                };
                let y = u32::try_from(y).ok();
                // US order, unless the first part cannot be a month; dots are day-first.
                if sep == b'.' || a > 12 {
                    cal(y, b, Some(a))?
                } else {
                    cal(y, a, Some(b))?
                }
            }
            (&[m, d], 1 | 2) if sep == b'/' && (self.phrase || (i > 0 && self.is(i - 1, "on"))) => {
                cal(None, m, Some(d))?
            }
            _ => return None,
        };
        Some((i + 1, d))
    }

    /// "October 17", "Oct. 17, 2023", "October 2023", "October", "March eighth".
    fn month_first(&self, i: usize) -> Option<(usize, D)> {
        let m = self.month(i)?;
        let mut j = i + 1;
        let mut d = None;
        let k = self.opt(j, "the");
        let on = i > 0 && self.is(i - 1, "on");
        if let Some((day, e)) = self.day(k).or_else(|| self.impossible_day(k, false, on)) {
            // Not "May 2023" read as a day, not "October 17 people".
            if self.year4(k).is_none() {
                d = Some(day);
                j = e;
            }
        }
        let mut y = Year::Unknown;
        let k = if d.is_some() {
            self.opt(j, ",")
        } else {
            self.opt_any(j, &["of", ","])
        };
        if let Some((yy, e)) = self.year_after(k) {
            y = Year::Abs(yy);
            j = e;
        } else if let Some((n, e)) = self.relative_year(j).or_else(|| self.years_from_now(j)) {
            // "July last year", "March next year", "March in 1 year"
            y = Year::Rel(n);
            j = e;
        }
        Some((
            j,
            D::Cal {
                y,
                m: Some(m),
                d,
                shift: Shift::Tense,
            },
        ))
    }

    /// "17 October 2023", "the 17th of October", "31-Oct-74".
    fn day_first(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        let on = i > 0 && self.is(i - 1, "on");
        let (day, mut j) = self.day(j).or_else(|| self.impossible_day(j, true, on))?;
        j = self.opt(j, "of");
        let m = self.month(j)?;
        j += 1;
        let mut y = Year::Unknown;
        let k = self.opt(j, ",");
        if let Some((yy, e)) = self.year_after(k) {
            y = Year::Abs(yy);
            j = e;
        }
        Some((
            j,
            D::Cal {
                y,
                m: Some(m),
                d: Some(day),
                shift: Shift::Tense,
            },
        ))
    }

    /// "Friday", "Monday, Feb 18", "Friday next week", "Wednesday of this week".
    fn weekday_date(&self, i: usize) -> Option<(usize, D)> {
        let wd = self.weekday(i)?;
        let mut j = i + 1;
        // A calendar date after the day name gives the date.
        let k = self.opt(j, ",");
        if let Some((
            e,
            d @ D::Cal {
                d: Some(day),
                m: Some(m),
                y,
                ..
            },
        )) = self
            .month_first(k)
            .or_else(|| self.day_first(k))
            .or_else(|| self.numeric_date(k))
        {
            // "Saturday, April 25": the year whose April 25 is a Saturday.
            if y == Year::Unknown {
                return Some((e, D::DatedWeekday { m, d: day, wd }));
            }
            return Some((e, d));
        }
        // "Friday next week", "Wednesday of this week", "Tuesday last week"
        let k = self.opt(j, "of");
        if let Some((s, e)) = self.shift(k) {
            if self.any(e, &["week", "wk"]) {
                let delta = match s {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                };
                j = e + 1;
                return Some((j, D::WeekdayOfWeek { wd, weeks: delta }));
            }
        }
        Some((
            j,
            D::Weekday {
                wd,
                shift: Shift::Tense,
            },
        ))
    }

    /// "last week", "next month", "this year", "last Friday", "next March", "this summer".
    fn shifted(&self, i: usize) -> Option<(usize, D)> {
        // "the following week", "around next week" (phrases)
        let i = if self.phrase
            && self.any(i, &["the", "around", "about"])
            && self.shift(i + 1).is_some()
        {
            i + 1
        } else {
            i
        };
        let (s, j) = self.shift(i)?;
        // "last week's Sunday"
        if self.is(j, "week") && self.is(j + 1, "'s") {
            if let Some(wd) = words::weekday(self.low(j + 2)) {
                let weeks = match s {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                };
                return Some((j + 3, D::WeekdayOfWeek { wd, weeks }));
            }
        }
        let j = self.opt(j, "fiscal");
        let l = self.low(j);
        if let Some(wd) = words::weekday(l) {
            if self.phrase || self.upper(j) {
                return Some((j + 1, D::Weekday { wd, shift: s }));
            }
        }
        if let Some(m) = words::month(l) {
            if self.phrase || self.upper(j) {
                // "last Oct. 23", "next March 3"
                let (d, e) = match self.day(j + 1).filter(|_| self.year4(j + 1).is_none()) {
                    Some((d, e)) => (Some(d), e),
                    None => (None, j + 1),
                };
                return Some((
                    e,
                    D::Cal {
                        y: Year::Unknown,
                        m: Some(m),
                        d,
                        shift: s,
                    },
                ));
            }
        }
        if let Some(code) = words::season(l) {
            return Some((
                j + 1,
                D::Season {
                    code,
                    y: Year::Unknown,
                    shift: s,
                },
            ));
        }
        let (unit, plural) = words::unit(l)?;
        if plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
            return None;
        }
        // "the past year" reads as the last 12 months in TimeML; keep it a date.
        let n = match s {
            Shift::Last => -1,
            Shift::Next => 1,
            _ => 0,
        };
        if unit == Unit::Day {
            return None;
        }
        Some((j + 1, D::Rel { unit, n }))
    }

    /// "today", "yesterday", "tomorrow", "the day before yesterday", "the weekend".
    fn deictic_day(&self, i: usize) -> Option<(usize, D)> {
        let l = self.low(i);
        if l == "the" && self.is(i + 1, "weekend") {
            return Some((i + 2, D::Weekend));
        }
        let n = match l {
            "today" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            "the" | "day" => {
                let j = self.opt(i, "the");
                if !self.is(j, "day") {
                    return None;
                }
                if self.is(j + 1, "before") && self.is(j + 2, "yesterday") {
                    return Some((
                        j + 3,
                        D::Rel {
                            unit: Unit::Day,
                            n: -2,
                        },
                    ));
                }
                if self.is(j + 1, "after") && self.is(j + 2, "tomorrow") {
                    return Some((
                        j + 3,
                        D::Rel {
                            unit: Unit::Day,
                            n: 2,
                        },
                    ));
                }
                return None;
            }
            _ => return None,
        };
        // "today's" is still today.
        Some((i + 1, D::Rel { unit: Unit::Day, n }))
    }

    /// "this season", "past seasons": the season the reference is in, or one before
    /// or after it.
    fn season_of_now(&self, i: usize) -> Option<(usize, D)> {
        let n = match self.low(i) {
            "this" | "current" => 0,
            "past" | "previous" | "last" => -1,
            "next" | "coming" => 1,
            _ => return None,
        };
        if !self.any(i + 1, &["season", "seasons"]) {
            return None;
        }
        Some((i + 2, D::SeasonNow { n }))
    }

    /// "summer", "the summer of 2020", "spring 2019".
    fn season(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        let code = words::season(self.low(j))?;
        let mut e = j + 1;
        let mut y = Year::Unknown;
        let k = self.opt(e, "of");
        if let Some((yy, e2)) = self
            .year_after(k)
            .filter(|_| k > e || self.year4(k).is_some())
        {
            y = Year::Abs(yy);
            e = e2;
        } else if self.low(j) == "fall" && !self.phrase {
            // "fall" is a verb and a noun far more often than a season.
            return None;
        } else if j == i && !self.phrase && !self.upper(j) {
            // A bare lowercase season word needs "the" or a year.
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            if !matches!(
                prev,
                "in" | "this"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "during"
                    | "by"
                    | "until"
                    | "since"
            ) {
                return None;
            }
        }
        Some((
            e,
            D::Season {
                code,
                y,
                shift: Shift::Tense,
            },
        ))
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 2023", "Q3",
    /// "2023's second quarter", "the first half of 1989", "H1 2020".
    fn quarter(&self, i: usize) -> Option<(usize, D)> {
        let l = self.low(i);
        // "Q3", "Q3 2023", "18q4"
        if let &[b'q', q @ b'1'..=b'4'] = l.as_bytes() {
            let q = q - b'0';
            let (y, e) = match self.year4(i + 1) {
                Some(y) => (Year::Abs(y), i + 2),
                None => (Year::Unknown, i + 1),
            };
            return Some((e, D::Quarter { q, y }));
        }
        if let &[y1 @ b'0'..=b'9', y2 @ b'0'..=b'9', b'q', q @ b'1'..=b'4'] = l.as_bytes() {
            let y = two_digit_year(i32::from(y1 - b'0') * 10 + i32::from(y2 - b'0'));
            return Some((
                i + 1,
                D::Quarter {
                    q: q - b'0',
                    y: Year::Abs(y),
                },
            ));
        }
        let mut j = self.opt(i, "the");
        let mut y = Year::Unknown;
        if let Some(r) = self.report_period(i) {
            return Some(r);
        }
        // "the 1988 second quarter"
        if let Some(yy) = self.year4(j) {
            if words::small_number(self.low(j + 1)).is_some_and(|(_, o)| o)
                && self.any(j + 2, &["quarter", "half"])
            {
                y = Year::Abs(yy);
                j += 1;
            }
        }
        // "next year's first quarter", "1989's third quarter"
        if let Some(yy) = self.year4(j) {
            if matches!(self.low(j + 1), "'s" | "'") {
                y = Year::Abs(yy);
                j += 2;
            }
        } else if let Some((s, e)) = self.shift(j) {
            if self.is(e, "year") && matches!(self.low(e + 1), "'s") {
                y = Year::Rel(match s {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                });
                j = e + 2;
            }
        }
        let j = self.opt(j, "fiscal");
        let (n, ord, e) = self.small_words(j).or_else(|| {
            let (v, o) = words::digits(self.low(j))?;
            Some((v, o, j + 1))
        })?;
        if !ord {
            return None;
        }
        let e = self.opt(e, "fiscal");
        let half = self.any(e, &["half"]);
        let quarter = self.any(e, &["quarter", "qtr"]);
        if !(half && (1..=2).contains(&n) || quarter && (1..=4).contains(&n)) {
            return None;
        }
        let mut end = e + 1;
        let k = self.opt_any(end, &["of", ","]);
        let k = self.opt(k, "fiscal");
        if let Some(yy) = self.year4(k) {
            y = Year::Abs(yy);
            end = k + 1;
        } else if self.is(k, "this") && self.is(k + 1, "year") {
            y = Year::Rel(0);
            end = k + 2;
        } else if self.is(k, "last") && self.is(k + 1, "year") {
            y = Year::Rel(-1);
            end = k + 2;
        } else if self.is(k, "next") && self.is(k + 1, "year") {
            y = Year::Rel(1);
            end = k + 2;
        }
        let d = if half {
            D::Half { h: n as u8, y }
        } else {
            D::Quarter { q: n as u8, y }
        };
        Some((end, d))
    }

    /// Reporting periods of company results: "the quarter", "the latest quarter",
    /// "the year-ago period", "the year-earlier quarter", "the 1988 period".
    fn report_period(&self, i: usize) -> Option<(usize, D)> {
        if !self.is(i, "the") || self.phrase {
            return None;
        }
        let mut j = i + 1;
        let mut back = 0;
        let mut year = None;
        match self.low(j) {
            "latest" | "most" => {
                j += if self.is(j, "most") && self.is(j + 1, "recent") {
                    2
                } else {
                    1
                };
            }
            "year" if self.glued(j + 1) && self.any(j + 1, &["ago", "earlier"]) => {
                back = 4;
                j += 2;
            }
            "comparable" | "same" | "corresponding" => {
                j += 1;
                if self.is(j, "year") && self.glued(j + 1) && self.any(j + 1, &["ago", "earlier"]) {
                    back = 4;
                    j += 2;
                }
            }
            _ => {
                if let Some(yy) = self.year4(j) {
                    year = Some(yy);
                    j += 1;
                }
            }
        }
        let j = self.opt(j, "fiscal");
        let unit = self.low(j);
        if !matches!(unit, "quarter" | "period") {
            return None;
        }
        // "the quarter ended Sept. 30" is the same reporting quarter.
        if let Some(yy) = year {
            if unit == "period" {
                return Some((
                    j + 1,
                    D::Cal {
                        y: Year::Abs(yy),
                        m: None,
                        d: None,
                        shift: Shift::Tense,
                    },
                ));
            }
        }
        Some((
            j + 1,
            D::Rel {
                unit: Unit::Quarter,
                n: -1 - back,
            },
        ))
    }

    /// A named holiday: "Thanksgiving", "last Christmas", "Easter 2013",
    /// "New Year's Eve".
    fn holiday(&self, i: usize) -> Option<(usize, D)> {
        let (shift, j) = self.shift(i).unwrap_or((Shift::Tense, i));
        if !self.phrase && !self.upper(j) {
            return None;
        }
        let mut buf = [""; 7];
        let n = (self.w.len() - j.min(self.w.len())).min(7);
        for (k, slot) in buf.iter_mut().enumerate().take(n) {
            *slot = self.low(j + k);
        }
        let (rule, len) = super::holidays::lookup(buf.get(..n)?)?;
        let mut e = j + len;
        let mut y = Year::Unknown;
        let k = self.opt_any(e, &["of", ",", "in"]);
        if let Some((yy, e2)) = self
            .year_after(k)
            .filter(|_| k > e || self.year4(k).is_some() || self.phrase)
        {
            y = Year::Abs(yy);
            e = e2;
        } else if let Some((n, e2)) = self.years_from_now(e) {
            // "thanksgiving in 3 years", "thanksgiving 1 year ago"
            y = Year::Rel(n);
            e = e2;
        }
        Some((e, D::Holiday { rule, y, shift }))
    }

    /// "in 3 years", "in a year", "1 year ago" after a holiday or month (phrases):
    /// the year's offset from the reference's.
    fn years_from_now(&self, i: usize) -> Option<(i32, usize)> {
        if !self.phrase {
            return None;
        }
        if self.is(i, "in") {
            let (Some(n), Unit::Year, e, _) = self.amount(i + 1)? else {
                return None;
            };
            return Some((n as i32, e));
        }
        let (Some(n), Unit::Year, e, _) = self.amount(i)? else {
            return None;
        };
        self.is(e, "ago").then_some((-(n as i32), e + 1))
    }

    /// A range of days in one month, read as a phrase: "from 13 to 15 July",
    /// "1-8 september", "from the 13th to the 15th of July".
    pub(super) fn day_range(&self, i: usize) -> Option<(usize, D, D)> {
        let j = self.opt(i, "from");
        let j = self.opt(j, "the");
        let (d1, j) = self.day_or_number(j)?;
        if !self.any(
            j,
            &[
                "-", "\u{2013}", "to", "through", "thru", "till", "until", "and",
            ],
        ) {
            return None;
        }
        let k = self.opt(j + 1, "the");
        let (d2, k) = self.day_or_number(k)?;
        let k = self.opt(k, "of");
        let m = self.month(k)?;
        let mut e = k + 1;
        let mut y = Year::Unknown;
        let k2 = self.opt(e, ",");
        if let Some((yy, e2)) = self.year_after(k2) {
            y = Year::Abs(yy);
            e = e2;
        }
        if d2 <= d1 {
            return None;
        }
        let cal = |d| D::Cal {
            y,
            m: Some(m),
            d: Some(d),
            shift: Shift::Tense,
        };
        Some((e, cal(d1), cal(d2)))
    }

    /// Whole calendar units ahead or behind, read as a phrase: "next 3 days" (from
    /// tomorrow), "last two years" (up to this one), and "upcoming two weeks" /
    /// "two upcoming weeks" (the week two weeks ahead). Returns the first unit and,
    /// for a span, the last.
    pub(super) fn unit_run(&self, i: usize) -> Option<(usize, Sem, Option<Sem>)> {
        let j = self.opt(i, "the");
        let lead = self.low(j);
        let (n, unit, e, upcoming) = if matches!(
            lead,
            "next" | "last" | "past" | "previous" | "coming" | "upcoming"
        ) {
            let (n, unit, e, _) = self.amount(j + 1)?;
            // "next few days": three
            let n = n.or_else(|| self.any(j + 1, &["few", "a"]).then_some(3.0))?;
            (n, unit, e, lead == "upcoming")
        } else {
            let num = self
                .num(j)
                .filter(|x| !x.ordinal && x.value.fract() == 0.0)?;
            if !self.is(num.end, "upcoming") {
                return None;
            }
            let (unit, _) = words::unit(self.low(num.end + 1))?;
            (num.value, unit, num.end + 2, true)
        };
        if !matches!(
            unit,
            Unit::Second
                | Unit::Minute
                | Unit::Hour
                | Unit::Day
                | Unit::Week
                | Unit::Month
                | Unit::Quarter
                | Unit::Year
        ) || n < 1.0
        {
            return None;
        }
        let n = n as i32;
        let rel = |k| {
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                Sem::UnitStart { unit, n: k }
            } else {
                Sem::Date(D::Rel { unit, n: k })
            }
        };
        Some(match lead {
            _ if upcoming => (e, rel(n), None),
            "last" | "past" | "previous" => (e, rel(-n), Some(rel(-1))),
            _ => (e, rel(1), Some(rel(n))),
        })
    }

    /// A day of the month, also as a bare number ("13" in "from 13 to 15 July").
    fn day_or_number(&self, i: usize) -> Option<(u8, usize)> {
        self.day(i).or_else(|| {
            let (v, _) = words::digits(self.low(i))?;
            (1..=31).contains(&v).then_some((v as u8, i + 1))
        })
    }

    /// Two times of one day, read as a phrase: "9:30 - 11:00 on Thursday",
    /// "Thursday from 9:30 to 11:00", "3-4pm", "this Thu 9-11am".
    pub(super) fn time_range(&self, i: usize) -> Option<(usize, Sem, Sem)> {
        let (mut date, mut j) = match self.date(i) {
            Some((e, d)) if !matches!(d, D::Cal { d: None, .. }) => (d, e),
            _ => (
                D::Rel {
                    unit: Unit::Day,
                    n: 0,
                },
                i,
            ),
        };
        j = self.opt_any(j, &["from", "between", ",", "around", "about", "in"]);
        j = self.opt(j, "between");
        let after = if self.is(j, "later") && self.is(j + 1, "than") {
            j += 2;
            true
        } else if self.is(j, "after") {
            j += 1;
            true
        } else {
            false
        };
        // The first end may borrow the meridiem of the second ("3-4pm").
        let first = self.clock(j).or_else(|| {
            let n = self
                .num(j)
                .filter(|n| n.digits && n.value >= 1.0 && n.value <= 12.0)?;
            Some((n.value as u8, 0, None, Grain::Hour, n.end))
        })?;
        let (h1, m1, s1, g1, mut e1) = first;
        let connectors = [
            "-", "\u{2013}", "to", "till", "until", "untill", "through", "and",
        ];
        // "later than 3:30pm but before 6pm"
        if after {
            if !(self.any(e1, &["but", "and"]) && self.is(e1 + 1, "before")) {
                return None;
            }
            e1 += 1;
        } else if !self.any(e1, &connectors) {
            return None;
        }
        let (mut h2, m2, s2, g2, mut e) = self.clock(e1 + 1)?;
        let mut h1 = h1;
        // "3-4pm": the first end takes the second's afternoon.
        if h2 >= 13 && h1 < 12 && h1 + 12 <= h2 {
            h1 += 12;
        }
        if h2 == 0 && h1 > 0 {
            h2 = 0;
        }
        let k = self.opt(e, "on");
        if let Some((e2, d)) = self.date(k) {
            if !matches!(d, D::Cal { d: None, .. }) {
                date = d;
                e = e2;
            }
        }
        let grain = g1.min(g2);
        let a = Sem::Time {
            date,
            h: h1,
            m: m1,
            s: s1,
            grain,
        };
        let b = Sem::Time {
            date,
            h: h2,
            m: m2,
            s: s2,
            grain,
        };
        Some((e, a, b))
    }

    /// "the first Monday of October", "last Friday in October 2013", "the second
    /// Wednesday of this month".
    fn nth_weekday(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        let n: i8 = if self.is(j, "last") {
            -1
        } else {
            let (v, ordinal, _) = self.small_words(j).or_else(|| {
                let (v, o) = words::digits(self.low(j))?;
                Some((v, o, j + 1))
            })?;
            if !ordinal {
                return None;
            }
            i8::try_from(v).ok().filter(|v| (1..=5).contains(v))?
        };
        let wd = words::weekday(self.low(j + 1))?;
        if (!self.phrase && !self.upper(j + 1)) || !self.any(j + 2, &["of", "in"]) {
            return None;
        }
        let k = j + 3;
        if let Some(m) = self.month(k) {
            let mut e = k + 1;
            let mut y = Year::Unknown;
            if let Some((yy, e2)) = self.year_after(self.opt(e, ",")) {
                y = Year::Abs(yy);
                e = e2;
            }
            return Some((
                e,
                D::NthWeekday {
                    n,
                    wd,
                    m: Some(m),
                    y,
                },
            ));
        }
        // "of this month", "of the month"
        let k2 = self.opt_any(k, &["this", "the", "current"]);
        if k2 > k && self.is(k2, "month") {
            return Some((
                k2 + 1,
                D::NthWeekday {
                    n,
                    wd,
                    m: None,
                    y: Year::Unknown,
                },
            ));
        }
        None
    }

    /// "the 1990s", "the '90s", "the 20th century".
    fn decade(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        let l = self.low(j);
        // "1990s", "1990's"
        if let [d1, d2, d3, b'0', b's'] | [d1, d2, d3, b'0', b'\'', b's'] = l.as_bytes() {
            if [d1, d2, d3].iter().all(|d| d.is_ascii_digit()) {
                let y: i32 = l.get(..4)?.parse().ok()?;
                return Some((j + 1, D::Decade(y / 10)));
            }
        }
        // "'90s"
        if l == "'" {
            if let &[d @ b'0'..=b'9', b'0', b's'] = self.low(j + 1).as_bytes() {
                let y = two_digit_year(i32::from(d - b'0') * 10);
                return Some((j + 2, D::Decade(y / 10)));
            }
        }
        // "the nineties"
        if j > i {
            let dec = match l {
                "twenties" => Some(2),
                "thirties" => Some(3),
                "forties" => Some(4),
                "fifties" => Some(5),
                "sixties" => Some(6),
                "seventies" => Some(7),
                "eighties" => Some(8),
                "nineties" => Some(9),
                _ => None,
            };
            if let Some(dec) = dec {
                return Some((j + 1, D::Decade(190 + dec)));
            }
        }
        // "the 20th century", "the twenty-first century"
        let (n, ord, e) = self.small_words(j).or_else(|| {
            let (v, o) = words::digits(l)?;
            Some((v, o, j + 1))
        })?;
        if ord && self.any(e, &["century"]) && (1..=30).contains(&n) {
            return Some((e + 1, D::Century(n as i32 - 1)));
        }
        None
    }

    /// A bare year where the context makes it one ("in 2019", "2019 was").
    fn year_only(&self, i: usize) -> Option<(usize, D)> {
        // "in nineteen ninety-six", "the year two thousand"
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        let j = if self.is(i, "the") && self.is(i + 1, "year") {
            i + 2
        } else {
            i
        };
        if j > i
            || self.phrase
            || matches!(prev, "in" | "of" | "since" | "until" | "by" | "from" | "to")
        {
            if let Some((y, e)) = self.year_words(j) {
                let d = D::Cal {
                    y: Year::Abs(y),
                    m: None,
                    d: None,
                    shift: Shift::Tense,
                };
                return Some((e, d));
            }
        }
        let j = if self.is(i, "the") && self.is(i + 1, "year") {
            i + 2
        } else {
            self.opt(i, "fiscal")
        };
        let y = self.year4(j)?;
        if !self.phrase && j == i && !self.year_context(i) {
            return None;
        }
        let mut e = j + 1;
        // "2014 A.D.", "2014 BC" (phrases)
        if self.any(e, &["a.d.", "ad"]) {
            e += 1;
        }
        Some((
            e,
            D::Cal {
                y: Year::Abs(y),
                m: None,
                d: None,
                shift: Shift::Tense,
            },
        ))
    }

    /// Whether a bare 4-digit number at `i` reads as a year.
    fn year_context(&self, i: usize) -> bool {
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        // "in 1992 against", "the 1956 uprising", "its 1988 recapitalization".
        if matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "during"
                | "before"
                | "after"
                | "through"
                | "early"
                | "late"
                | "mid"
                | "the"
                | "a"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "'s"
                | "fiscal"
                | "post"
                | "pre"
                | "throughout"
                | "circa"
        ) && !matches!(self.low(i + 1), "%" | "percent")
        {
            return true;
        }
        if matches!(
            prev,
            "$" | "#"
                | "no."
                | "number"
                | "about"
                | "nearly"
                | "some"
                | "than"
                | "approximately"
                | "around"
                | "over"
                | "under"
                | "least"
                | "almost"
                | "roughly"
                | "page"
                | "route"
                | "flight"
                | "model"
                | "version"
                | "-"
                | "+"
                | "€"
                | "£"
                | "to"
                | "up"
        ) && !matches!(prev, "to")
        {
            return false;
        }
        let next = self.low(i + 1);
        if matches!(next, "%" | "percent" | "per" | "x" | ":") {
            return false;
        }
        let next_kind = self.kind(i + 1);
        if next_kind == Some(TokenKind::Word) && !self.upper(i + 1) {
            // "2000 people" is a count; "2019 was", "2019 and" are years.
            const OK: &[&str] = &[
                "and",
                "or",
                "to",
                "when",
                "as",
                "after",
                "before",
                "that",
                "the",
                "was",
                "is",
                "were",
                "are",
                "but",
                "for",
                "with",
                "by",
                "at",
                "in",
                "on",
                "of",
                "from",
                "until",
                "while",
                "through",
                "because",
                "he",
                "she",
                "it",
                "they",
                "we",
                "i",
                "there",
                "this",
                "a",
                "an",
                "had",
                "has",
                "have",
                "will",
                "would",
                "saw",
                "marked",
                "brought",
                "election",
                "elections",
                "season",
                "census",
                "budget",
                "campaign",
                "summit",
                "levels",
                "level",
                "figures",
                "report",
                "olympics",
                "world",
                "cup",
                "games",
                "edition",
                "vote",
                "race",
                "fiscal",
                "alone",
                "compared",
                "versus",
                "vs",
                "s",
                "'s",
                "onwards",
                "onward",
                "forward",
                "since",
                "so",
                "than",
                "where",
                "which",
                "who",
                "if",
                "amid",
                "during",
                "under",
                "whereas",
                "despite",
                "only",
                "already",
                "also",
                "too",
                "rate",
                "deadline",
                "target",
                "levels",
            ];
            if !OK.contains(&next) {
                return false;
            }
        }
        true
    }

    // ----- times of day -----

    /// A time zone abbreviation (consumed, not used).
    fn zone(&self, i: usize) -> usize {
        let j = if self.low(i) == "(" { i + 1 } else { i };
        // Zone names need capitals in running text ("ET" but not "et").
        let is_zone = words::zone_offset(self.low(j)).is_some()
            && (self.phrase || self.raw(j).bytes().all(|b| b.is_ascii_uppercase()));
        if !is_zone {
            return i;
        }
        if j > i && self.is(j + 1, ")") {
            return j + 2;
        }
        j + 1
    }

    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let l = self.low(i);
        // "p m", "a m" (phrases)
        if self.phrase && (l == "a" || l == "p") && self.is(i + 1, "m") {
            return Some((l == "p", i + 2));
        }
        let pm = match l {
            "am" | "a.m." | "a.m" | "a" if l != "a" || self.phrase => false,
            "pm" | "p.m." | "p.m" | "p" if l != "p" || self.phrase => true,
            _ => {
                // "p m", "a m" (phrases), "in the morning/afternoon/evening"
                if self.phrase && (l == "a" || l == "p") && self.is(i + 1, "m") {
                    return Some((l == "p", i + 2));
                }
                return None;
            }
        };
        let mut e = i + 1;
        if matches!(l, "a" | "p") && self.is(e, ".") {
            e += 1;
        }
        Some((pm, e))
    }

    /// A time of day: (hour, minute, second, grain, end).
    fn clock(&self, i: usize) -> Option<(u8, u8, Option<u8>, Grain, usize)> {
        self.clock_at(i, true)
    }

    /// [`Self::clock`]; `counted` allows "half past three" (not inside one:
    /// "half past half past three" is no time, and no deep recursion).
    fn clock_at(&self, i: usize, counted: bool) -> Option<(u8, u8, Option<u8>, Grain, usize)> {
        let l = self.low(i);
        match l {
            "noon" | "midday" => return Some((12, 0, None, Grain::Hour, i + 1)),
            "the" if self.phrase && self.any(i + 1, &["noon", "midday"]) => {
                return Some((12, 0, None, Grain::Hour, i + 2));
            }
            "mid" if self.phrase && self.is(i + 1, "day") => {
                return Some((12, 0, None, Grain::Hour, i + 2));
            }
            "midnight" => return Some((0, 0, None, Grain::Hour, i + 1)),
            _ => {}
        }
        // "half past three", "a quarter past noon", "twenty after 3pm", "quarter to five"
        if let Some(r) = counted.then(|| self.past_to(i)).flatten() {
            return Some(r);
        }
        let (mut h, mut m, s, mut grain, mut e);
        if self.kind(i) == Some(TokenKind::Number) && l.contains(':') {
            let parts: Vec<&str> = l.split(':').collect();
            let (hh, mm, ss) = match *parts.as_slice() {
                [hh, mm] => (hh, mm, None),
                [hh, mm, ss] if ss.len() == 2 => (hh, mm, Some(ss)),
                _ => return None,
            };
            if mm.len() != 2 {
                return None;
            }
            h = hh.parse::<u8>().ok()?;
            m = mm.parse::<u8>().ok()?;
            s = match ss {
                Some(p) => Some(p.parse::<u8>().ok()?),
                None => None,
            };
            if h > 24 || m > 59 || s.is_some_and(|s| s > 59) {
                return None;
            }
            grain = if s.is_some() {
                Grain::Second
            } else {
                Grain::Minute
            };
            e = i + 1;
        } else {
            // "3 pm", "3pm", "three p.m.", "8 o'clock", "15h20", "330 p.m." (phrases)
            let num = self.num(i)?;
            if num.ordinal || num.value.fract() != 0.0 {
                return None;
            }
            let v = num.value as u32;
            e = num.end;
            m = 0;
            s = None;
            grain = Grain::Hour;
            if (100..=2359).contains(&v) && self.phrase && num.digits {
                h = (v / 100) as u8;
                m = (v % 100) as u8;
                grain = Grain::Minute;
                if m > 59 {
                    return None;
                }
            } else if v <= 24 {
                h = v as u8;
            } else {
                return None;
            }
            // "15h20", "16h00", "8h"
            if self.phrase && self.is(e, "h") {
                e += 1;
                if let Some(mm) = self.num(e).filter(|n| n.digits && n.value < 60.0) {
                    m = mm.value as u8;
                    grain = Grain::Minute;
                    e = mm.end;
                }
                return Some((h, m, s, grain, self.zone(e)));
            }
            // "ten thirty", "three twenty" (phrases)
            if self.phrase && !num.digits {
                if let Some((mm, false, e2)) = self.small_words(e) {
                    if (10..60).contains(&mm) {
                        m = mm as u8;
                        grain = Grain::Minute;
                        e = e2;
                    }
                }
            }
            if let Some((pm, e2)) = self.meridiem(e) {
                if h == 0 || h > 12 {
                    return None;
                }
                h = to_24(h, pm);
                return Some((h, m, s, grain, self.zone(e2)));
            }
            if self.any(e, &["o'clock", "oclock"]) {
                e += 1;
                // "3 o'clock pm"
                if let Some((pm, e2)) = self.meridiem(e) {
                    h = to_24(h, pm);
                    e = e2;
                }
                return Some((h, m, s, grain, self.zone(e)));
            }
            // A bare number is a time only where the caller says so ("at 3", "4 in the morning").
            return self.day_part_after(h, m, s, grain, e).or_else(|| {
                if self.phrase && grain == Grain::Minute {
                    Some((h, m, s, grain, e))
                } else {
                    None
                }
            });
        }
        if let Some((pm, e2)) = self.meridiem(e) {
            if h == 0 || h > 12 {
                return None;
            }
            h = to_24(h, pm);
            e = e2;
        } else if let Some(r) = self.day_part_after(h, m, s, grain, e) {
            return Some(r);
        }
        Some((h, m, s, grain, self.zone(e)))
    }

    /// "4 in the morning", "3:15 in the afternoon", "8 in the evening".
    fn day_part_after(
        &self,
        h: u8,
        m: u8,
        s: Option<u8>,
        grain: Grain,
        e: usize,
    ) -> Option<(u8, u8, Option<u8>, Grain, usize)> {
        if self.is(e, "in") && self.is(e + 1, "the") {
            // "3 in the AM"
            if let Some((pm, e2)) = self.meridiem(e + 2).filter(|_| h <= 12) {
                return Some((to_24(h, pm), m, s, grain, e2));
            }
            let part = words::part_of_day(self.low(e + 2))?;
            let pm = matches!(part, "AF" | "EV") || (part == "NI" && h >= 6);
            if h > 12 {
                return None;
            }
            return Some((to_24(h, pm), m, s, grain, e + 3));
        }
        None
    }

    /// "half past three", "a quarter past noon", "twenty after 3pm", "quarter to five".
    fn past_to(&self, i: usize) -> Option<(u8, u8, Option<u8>, Grain, usize)> {
        let mut j = self.opt(i, "a");
        let mins: u32 = if self.is(j, "half") {
            j += 1;
            30
        } else if self.is(j, "quarter") {
            j += 1;
            15
        } else {
            let n = self
                .num(j)
                .filter(|n| !n.ordinal && n.value.fract() == 0.0 && n.value < 60.0)?;
            j = n.end;
            let word = self.any(j, &["minutes", "minute", "mins"]);
            // "two to six" in running text is a range of numbers, not 5:58.
            if !word && !self.phrase {
                return None;
            }
            j = self.opt_any(j, &["minutes", "minute", "mins"]);
            n.value as u32
        };
        let past = match self.low(j) {
            "past" | "after" => true,
            "to" | "before" | "till" => false,
            _ => return None,
        };
        let (h, _, _, _, e) = self.clock_at(j + 1, false).or_else(|| {
            let n = self
                .num(j + 1)
                .filter(|n| !n.ordinal && n.value >= 1.0 && n.value <= 12.0)?;
            Some((n.value as u8, 0, None, Grain::Hour, n.end))
        })?;
        let (h, m) = if past {
            (h, mins as u8)
        } else {
            ((h + 23) % 24, (60 - mins) as u8)
        };
        let e2 = if let Some((pm, e2)) = self.meridiem(e) {
            return Some((to_24(h, pm), m, None, Grain::Minute, e2));
        } else {
            e
        };
        Some((h, m, None, Grain::Minute, e2))
    }

    /// A part of the day word with its preceding "the"/"this" handled by callers.
    fn part(&self, i: usize) -> Option<&'static str> {
        words::part_of_day(self.low(i))
    }

    /// Date and time together, or either alone.
    fn datetime(&self, i: usize) -> Option<(usize, Sem)> {
        let mut best: Option<(usize, Sem)> = None;
        let mut take = |c: Option<(usize, Sem)>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.0 > b.0) {
                    best = Some(c);
                }
            }
        };
        // A part of the day of a date: "the morning of Christmas 2013" (phrases).
        if self.phrase {
            let j = self.opt(i, "the");
            if let (Some(part), true) = (self.part(j), self.is(j + 1, "of")) {
                if let Some((e, d)) = self.date(j + 2) {
                    take(Some((e, Sem::PartOfDay { date: d, part })));
                }
            }
        }
        // A date, then a time or a part of the day.
        if let Some((e, d)) = self.date(i) {
            take(Some((e, Sem::Date(d))));
            let k = self.opt_any(e, &[",", "at", "@", "around", "about", "by"]);
            if let Some((h, m, s, grain, e2)) = self.clock(k).or_else(|| self.bare_hour(k, k > e)) {
                take(Some((
                    e2,
                    Sem::Time {
                        date: d,
                        h,
                        m,
                        s,
                        grain,
                    },
                )));
            }
            let k = self.opt_any(e, &["early", "late"]);
            if let Some(part) = self.part(k) {
                take(Some((k + 1, Sem::PartOfDay { date: d, part })));
                // "tomorrow evening at 5"
                let k2 = self.opt_any(k + 1, &["at", "@", "around"]);
                if let Some((h, m, s, grain, e2)) =
                    self.clock(k2).or_else(|| self.bare_hour(k2, true))
                {
                    let h = if matches!(part, "AF" | "EV" | "NI") && (1..12).contains(&h) {
                        h + 12
                    } else {
                        h
                    };
                    take(Some((
                        e2,
                        Sem::Time {
                            date: d,
                            h,
                            m,
                            s,
                            grain,
                        },
                    )));
                }
            }
            // "monday early in the morning"
            if self.is(e, "early") && self.is(e + 1, "in") && self.is(e + 2, "the") {
                if let Some(part) = self.part(e + 3) {
                    take(Some((e + 4, Sem::PartOfDay { date: d, part })));
                }
            }
            // "monday in the early hours of the morning"
            if self.is(e, "in")
                && self.is(e + 1, "the")
                && self.is(e + 2, "early")
                && self.is(e + 3, "hours")
                && self.is(e + 4, "of")
                && self.is(e + 5, "the")
            {
                if let Some(part) = self.part(e + 6) {
                    take(Some((e + 7, Sem::PartOfDay { date: d, part })));
                }
            }
            // "Friday in the morning"
            if self.is(e, "in") && self.is(e + 1, "the") {
                let k = self.opt_any(e + 2, &["early", "late"]);
                if let Some(part) = self.part(k) {
                    take(Some((k + 1, Sem::PartOfDay { date: d, part })));
                }
            }
        }
        // A time, then a date: "3pm Friday", "at 7:30 PM on Fri, Sep 20".
        if let Some((h, m, s, grain, e)) = self.clock(i) {
            let date = D::Rel {
                unit: Unit::Day,
                n: 0,
            };
            take(Some((
                e,
                Sem::Time {
                    date,
                    h,
                    m,
                    s,
                    grain,
                },
            )));
            let k = self.opt_any(e, &[",", "on"]);
            if let Some((e2, d)) = self.date(k) {
                if !matches!(d, D::Cal { d: None, .. } | D::Decade(_) | D::Century(_)) {
                    take(Some((
                        e2,
                        Sem::Time {
                            date: d,
                            h,
                            m,
                            s,
                            grain,
                        },
                    )));
                }
            }
        }
        // "8 tonight"
        if let Some(n) = self
            .num(i)
            .filter(|n| !n.ordinal && n.value >= 1.0 && n.value < 12.0)
        {
            if self.is(n.end, "tonight") {
                let date = D::Rel {
                    unit: Unit::Day,
                    n: 0,
                };
                let h = n.value as u8 + 12;
                take(Some((
                    n.end + 1,
                    Sem::Time {
                        date,
                        h,
                        m: 0,
                        s: None,
                        grain: Grain::Hour,
                    },
                )));
            }
        }
        // "this morning", "tonight", "last night", "this afternoon at 3".
        if let Some((e, date, part)) = self.named_part(i) {
            take(Some((e, Sem::PartOfDay { date, part })));
            let k = self.opt_any(e, &["at", "@", ","]);
            if let Some((h, m, s, grain, e2)) = self.clock(k).or_else(|| self.bare_hour(k, k > e)) {
                let h = if matches!(part, "AF" | "EV" | "NI") && h < 12 && h != 0 {
                    h + 12
                } else {
                    h
                };
                // "this evening at 12" is midnight, at the end of the day.
                if matches!(part, "EV" | "NI") && h == 12 && m == 0 {
                    let next = match date {
                        D::Rel { unit: Unit::Day, n } => D::Rel {
                            unit: Unit::Day,
                            n: n + 1,
                        },
                        other => other,
                    };
                    take(Some((
                        e2,
                        Sem::Time {
                            date: next,
                            h: 0,
                            m,
                            s,
                            grain,
                        },
                    )));
                    return best;
                }
                take(Some((
                    e2,
                    Sem::Time {
                        date,
                        h,
                        m,
                        s,
                        grain,
                    },
                )));
            }
        }
        best
    }

    /// A bare hour after "at" ("Friday at 3", "tonight at 8").
    fn bare_hour(&self, i: usize, _after: bool) -> Option<(u8, u8, Option<u8>, Grain, usize)> {
        if i == 0
            || !self.any(i - 1, &["at", "@", "around", "about", "by"])
            || matches!(self.low(i), "a" | "an")
        {
            return None;
        }
        let n = self
            .num(i)
            .filter(|n| !n.ordinal && n.value.fract() == 0.0)?;
        let v = n.value as u32;
        if (1..=12).contains(&v)
            && !self.any(n.end, &["%", "percent"])
            && words::unit(self.low(n.end)).is_none()
        {
            return Some((v as u8, 0, None, Grain::Hour, self.zone(n.end)));
        }
        None
    }

    /// "this morning", "tonight", "last night", "tomorrow evening", "the morning".
    fn named_part(&self, i: usize) -> Option<(usize, D, &'static str)> {
        let today = D::Rel {
            unit: Unit::Day,
            n: 0,
        };
        match self.low(i) {
            "tonight" => Some((i + 1, today, "NI")),
            "overnight" if !self.phrase => None,
            "this" | "that" => {
                let k = self.opt_any(i + 1, &["early", "late"]);
                let p = self.part(k)?;
                Some((k + 1, today, p))
            }
            "last" if self.is(i + 1, "night") => Some((
                i + 2,
                D::Rel {
                    unit: Unit::Day,
                    n: -1,
                },
                "NI",
            )),
            "late" | "early" if self.is(i + 1, "last") && self.is(i + 2, "night") => Some((
                i + 3,
                D::Rel {
                    unit: Unit::Day,
                    n: -1,
                },
                "NI",
            )),
            "the"
                if self.phrase
                    || matches!(self.low(i + 1), "morning" | "afternoon" | "evening") =>
            {
                let p = self.part(i + 1)?;
                Some((i + 2, today, p))
            }
            l if self.phrase => {
                let p = words::part_of_day(l)?;
                Some((i + 1, today, p))
            }
            _ => None,
        }
    }

    // ----- durations, ago, sets, references -----

    /// A count of units: (n, unit, end); `n` is `None` for "several years", "years".
    fn amount(&self, i: usize) -> Option<(Option<f64>, Unit, usize, bool)> {
        let l = self.low(i);
        // "a few days", "several years", "many months", "a couple of weeks", "few hours"
        let vague = match l {
            "several" | "many" | "some" | "few" | "numerous" | "countless" => Some(i + 1),
            "a" if self.any(i + 1, &["few", "couple"]) => {
                if self.is(i + 1, "couple") {
                    let j = self.opt(i + 2, "of");
                    if let Some((u, _)) = words::unit(self.low(j)) {
                        return Some((Some(2.0), u, j + 1, true));
                    }
                    return None;
                }
                Some(i + 2)
            }
            _ => None,
        };
        if let Some(j) = vague {
            let (u, plural) = words::unit(self.low(j))?;
            if !plural {
                return None;
            }
            return Some((None, u, j + 1, true));
        }
        // "half an hour", "half a day", "half hour"
        if l == "half" {
            let j = self.opt_any(i + 1, &["a", "an"]);
            let (u, false) = words::unit(self.low(j))? else {
                return None;
            };
            return Some((Some(0.5), u, j + 1, false));
        }
        // "a quarter of an hour", "three quarters of an hour"
        let quarters = match (l, self.low(i + 1)) {
            ("a" | "one", "quarter") => Some((0.25, i + 2)),
            ("three", "quarters") => Some((0.75, i + 2)),
            ("quarter", _) => Some((0.25, i + 1)),
            _ => None,
        };
        if let Some((v, j)) = quarters {
            let j = self.opt(j, "of");
            let j = self.opt_any(j, &["a", "an"]);
            if let Some((u, false)) = words::unit(self.low(j)) {
                return Some((Some(v), u, j + 1, false));
            }
        }
        // "1/2h", "3/4 hour" (fractions of a unit, in phrases)
        if self.phrase {
            if let Some((a, b)) = l.split_once('/') {
                let (a, b): (f64, f64) = (a.parse().ok()?, b.parse().ok()?);
                if b > 0.0 && a < b {
                    let (u, _) = words::unit(self.low(i + 1))?;
                    return Some((Some(a / b), u, i + 2, false));
                }
            }
        }
        let num = self.num(i)?;
        if num.ordinal {
            return None;
        }
        let mut value = num.value;
        let mut j = num.end;
        // "one and a half", "5 and a half", "a year and a half"
        let mut half_after_unit = false;
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            value += 0.5;
            j += 3;
        } else if self.is(j, "and") && self.is(j + 1, "half") {
            value += 0.5;
            j += 2;
        } else if self.is(j, "and") {
            // "one and a quarter", "one and three quarters of an hour", "two and quarter"
            let k = j + 1;
            let (quarters, k) = match self.low(k) {
                "a" | "one" => (1.0, k + 1),
                "two" => (2.0, k + 1),
                "three" => (3.0, k + 1),
                _ => (1.0, k),
            };
            if self.any(k, &["quarter", "quarters"]) {
                value += quarters * 0.25;
                j = k + 1;
                j = self.opt(j, "of");
                j = self.opt_any(j, &["a", "an"]);
            }
        }
        // "2 1/2 years", "5 ½ hours"
        if matches!(self.low(j), "1/2" | "½") {
            value += 0.5;
            j += 1;
        }
        let j = self.opt_any(
            j,
            &[
                "more",
                "additional",
                "extra",
                "less",
                "fewer",
                "trading",
                "business",
                "working",
                "calendar",
                "straight",
                "consecutive",
                "full",
                "whole",
                "long",
            ],
        );
        // Units written as marks or letters after digits, in phrases: 1" (a second),
        // 1' (a minute), 2m.
        let compact = match self.low(j) {
            "\"" | "''" => Some(Unit::Second),
            "'" | "m" => Some(Unit::Minute),
            _ => None,
        };
        if let Some(u) = compact.filter(|_| self.phrase && num.digits && j + 1 == self.w.len()) {
            return Some((Some(value), u, j + 1, false));
        }
        let (u, plural) = words::unit(self.low(j))?;
        // "a second pipeline", "one second round": the ordinal, not the unit.
        if u == Unit::Second && !plural && !self.phrase {
            let next = self.low(j + 1);
            let word = next.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
            if word
                && !matches!(
                    next,
                    "ago" | "later" | "earlier" | "or" | "and" | "before" | "after"
                )
            {
                return None;
            }
        }
        // "1 days" is fine; "a days" is not.
        if matches!(self.low(i), "a" | "an") && plural && (num.value - 1.0).abs() < f64::EPSILON {
            return None;
        }
        let mut e = j + 1;
        if self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            value += 0.5;
            e += 3;
            half_after_unit = true;
        }
        let _ = half_after_unit;
        Some((Some(value), u, e, false))
    }

    /// "Friday after next", "March after next": the occurrence after the next one.
    fn after_next(&self, i: usize) -> Option<(usize, D)> {
        if !(self.is(i + 1, "after") && self.is(i + 2, "next")) {
            return None;
        }
        if let Some(wd) = self.weekday(i) {
            return Some((i + 3, D::WeekdayCount { wd, n: 2 }));
        }
        let m = self.month(i)?;
        Some((i + 3, D::MonthCount { m, n: 2 }))
    }

    /// "the last weekend of October", "last week-end in October 2017".
    fn weekend_of(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        if !self.is(j, "last") {
            return None;
        }
        let k = match (self.low(j + 1), self.low(j + 2)) {
            ("weekend" | "wkend", _) => j + 2,
            ("week", "end") => j + 3,
            _ => return None,
        };
        if !self.any(k, &["of", "in"]) {
            return None;
        }
        let m = self.month(k + 1)?;
        let mut e = k + 2;
        let mut y = Year::Unknown;
        if let Some((yy, e2)) = self.year_after(e) {
            y = Year::Abs(yy);
            e = e2;
        }
        Some((e, D::LastWeekendOf { m, y }))
    }

    /// "on the 15th" (a day of the reference's month), "the third day of October",
    /// "the last day of October 2015", "the week of October 7th" (phrases).
    fn day_phrases(&self, i: usize) -> Option<(usize, D)> {
        if !self.phrase {
            return None;
        }
        let j = self.opt(i, "the");
        // "the week of October 7th": the ISO week of that day.
        if self.is(j, "week") && self.is(j + 1, "of") {
            // A calendar date (not another "the week of", read without end).
            let k = j + 2;
            let day = [
                self.numeric_date(k),
                self.month_first(k),
                self.day_first(k),
                self.weekday_date(k),
            ]
            .into_iter()
            .flatten()
            .max_by_key(|c| c.0);
            if let Some((
                e,
                D::Cal {
                    y,
                    m: Some(m),
                    d: Some(d),
                    ..
                },
            )) = day
            {
                return Some((e, D::WeekOf { y, m, d }));
            }
        }
        let (n, e) = if self.is(j, "last") {
            (-1, j + 1)
        } else {
            let (v, ordinal, e) = self.small_words(j).or_else(|| {
                let (v, o) = words::digits(self.low(j))?;
                Some((v, o, j + 1))
            })?;
            if !ordinal || !(1..=31).contains(&v) {
                return None;
            }
            (v as i32, e)
        };
        if self.is(e, "day") && self.is(e + 1, "of") {
            let m = self.month(e + 2)?;
            let mut end = e + 3;
            let mut y = Year::Unknown;
            if let Some((yy, e2)) = self.year_after(end) {
                y = Year::Abs(yy);
                end = e2;
            }
            if n == -1 {
                return Some((end, D::LastDayOf { m, y }));
            }
            let d = D::Cal {
                y,
                m: Some(m),
                d: Some(n as u8),
                shift: Shift::Tense,
            };
            return Some((end, d));
        }
        // "the 15th" alone
        if n > 0 && e == self.w.len() && j > i {
            return Some((
                e,
                D::Cal {
                    y: Year::Unknown,
                    m: None,
                    d: Some(n as u8),
                    shift: Shift::Tense,
                },
            ));
        }
        None
    }

    /// "two sundays from now", "2 thursdays ago" (phrases and text).
    fn weekday_count(&self, i: usize) -> Option<(usize, D)> {
        let num = self
            .num(i)
            .filter(|n| !n.ordinal && n.value >= 1.0 && n.value.fract() == 0.0)?;
        let l = self.low(num.end);
        let wd = words::weekday(l).filter(|_| l.ends_with('s'))?;
        let e = num.end + 1;
        let (sign, end) = match self.low(e) {
            "ago" | "back" => (-1, e + 1),
            "hence" => (1, e + 1),
            "from" if self.any(e + 1, &["now", "today"]) => (1, e + 2),
            _ => return None,
        };
        Some((
            end,
            D::WeekdayCount {
                wd,
                n: sign * num.value as i32,
            },
        ))
    }

    /// "the 20th of next month", "20 of this month", "the 20th of the previous month".
    fn day_of_month(&self, i: usize) -> Option<(usize, D)> {
        let j = self.opt(i, "the");
        let (d, j) = self.day_or_number(j)?;
        if !self.is(j, "of") {
            return None;
        }
        let k = self.opt(j + 1, "the");
        let months = match self.low(k) {
            "this" | "current" | "present" => 0,
            "next" | "following" | "coming" => 1,
            "last" | "previous" | "past" | "preceding" => -1,
            _ => return None,
        };
        if !self.is(k + 1, "month") {
            return None;
        }
        Some((k + 2, D::DayOfMonth { d, months }))
    }

    /// Durations, "ago" dates and sets.
    fn duration(&self, i: usize) -> Option<(usize, Sem)> {
        // "the past two months", "the next few days", "the first nine months", "the last decade"
        let mut j = self.opt(i, "the");
        let mut lead = None;
        // "talks will last three days": "last" is the verb there.
        let verb_last = j == i
            && self.is(j, "last")
            && i > 0
            && self.any(
                i - 1,
                &[
                    "will", "would", "to", "could", "may", "might", "should", "can", "'ll", "did",
                    "does", "do", "must",
                ],
            );
        if verb_last {
            return None;
        }
        if self.any(
            j,
            &[
                "past",
                "last",
                "next",
                "first",
                "coming",
                "previous",
                "final",
                "latest",
                "following",
                "upcoming",
                "remaining",
                "initial",
            ],
        ) {
            lead = Some(self.low(j).to_string());
            j += 1;
        }
        let Some((n, unit, e, _vague)) = self.amount(j) else {
            // "for years", "within weeks", "over the years", "for centuries".
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            let (u, plural) = words::unit(self.low(j))?;
            let after = if j > i { "the" } else { prev };
            if plural
                && lead.is_none()
                && !self.phrase
                && matches!(after, "for" | "within" | "over" | "the")
                && (j == i || matches!(prev, "over" | "in" | "for" | "through"))
                && !matches!(u, Unit::Second)
            {
                return Some((j + 1, Sem::Duration { n: None, unit: u }));
            }
            return None;
        };
        // "the ten-year anniversary": the article belongs to the noun phrase.
        if lead.is_none() && j > i && self.glued(j + 1) && e == j + 2 {
            return None;
        }
        // Compound lengths: "2 years and 3 months", "one hour and 45 minutes",
        // "1 year, 2 days, 3 hours and 4 seconds", "1 hour and thirty" (minutes).
        let (mut n, mut unit, mut e) = (n, unit, e);
        while let Some(v) = n {
            let k = self.opt_any(e, &[",", "and"]);
            let k = if self.is(k, "and") { k + 1 } else { k };
            let next = self
                .amount(k)
                .filter(|&(n2, u2, _, _)| n2.is_some() && u2 < unit);
            let (n2, u2, e2) = if let Some((Some(n2), u2, e2, _)) = next {
                (n2, u2, e2)
            } else {
                // A bare number after hours is minutes ("2 hour and 10"), in phrases.
                let bare = self.num(k).filter(|x| {
                    self.phrase && k > e && x.end == self.w.len() && !x.ordinal && x.value < 60.0
                });
                match (bare, unit) {
                    (Some(x), Unit::Hour) => (x.value, Unit::Minute, x.end),
                    _ => break,
                }
            };
            let months = matches!(unit, Unit::Year | Unit::Month) && u2 == Unit::Month;
            let total = if months {
                let years = if unit == Unit::Year { 12.0 } else { 1.0 };
                v * years + n2
            } else {
                let s = super::resolve::unit_seconds;
                (v * s(unit) + n2 * s(u2)) / s(u2)
            };
            n = Some(total);
            unit = u2;
            e = e2;
        }
        let mut end = e;
        // "-long", "-old", "long"
        if self.any(end, &["long", "old"]) && self.glued(end) {
            end += 1;
        }
        // "a week or so ago"
        if self.is(end, "or")
            && self.is(end + 1, "so")
            && self.any(end + 2, &["ago", "earlier", "later"])
        {
            end += 2;
        }
        // "two years ago", "a year earlier", "three weeks hence", "two sundays from now".
        if lead.is_none() {
            let dir = match self.low(end) {
                "ago" | "back" | "earlier" | "before"
                    if !(self.low(end) == "before" && self.date(end + 1).is_some()) =>
                {
                    Some(-1)
                }
                "later" | "hence" => Some(1),
                "from" if self.any(end + 1, &["now", "today"]) => Some(1),
                _ => None,
            };
            if let Some(sign) = dir {
                let mut e2 = end + 1;
                if self.is(end, "from") {
                    e2 += 1;
                }
                // "three days later", "30 days before": a length of time between
                // two events (TimeML), not a date counted from the publication.
                if !self.phrase && matches!(self.low(end), "later" | "before" | "after") {
                    return Some((e2, Sem::Duration { n, unit }));
                }
                let Some(n) = n else {
                    // "several years ago", "a few years ago"
                    let code = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                    return Some((e2, Sem::Ref(code)));
                };
                // A phrase names an instant: "7 days ago" at 4:30 is 4:00 that day.
                if self.phrase {
                    let from_day = self.is(end + 1, "today");
                    let n = f64::from(sign) * n;
                    return Some((e2, Sem::Offset { n, unit, from_day }));
                }
                if n.fract() != 0.0 {
                    return Some((e2, Sem::Duration { n: Some(n), unit }));
                }
                // `as` saturates a count too large for i32; the multiples
                // saturate too ("99999999999 centuries ago" must not overflow).
                let k = (n as i32).saturating_mul(sign);
                let d = match unit {
                    Unit::Decade => D::Rel {
                        unit: Unit::Year,
                        n: k.saturating_mul(10),
                    },
                    Unit::Century => D::Rel {
                        unit: Unit::Year,
                        n: k.saturating_mul(100),
                    },
                    Unit::Second | Unit::Minute | Unit::Hour => D::Rel {
                        unit: Unit::Day,
                        n: 0,
                    },
                    u => D::Rel { unit: u, n: k },
                };
                return Some((e2, Sem::Date(d)));
            }
        }
        Some((end, Sem::Duration { n, unit }))
    }

    /// "daily", "every week", "each Monday", "every other day", "per year".
    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        let l = self.low(i);
        let one = |u: &str| Some((i + 1, Sem::Set(format!("P1{u}"))));
        match l {
            "daily" => return one("D"),
            "weekly" => return one("W"),
            "monthly" => return one("M"),
            "yearly" | "annually" | "annual" if l != "annual" || self.phrase => return one("Y"),
            "hourly" => return Some((i + 1, Sem::Set("PT1H".into()))),
            "nightly" => return Some((i + 1, Sem::Set("XXXX-XX-XXTNI".into()))),
            "quarterly" => return Some((i + 1, Sem::Set("P3M".into()))),
            "every" | "each" | "per" => {}
            "a" | "an" if !self.phrase => {
                // A rate after a quantity: "2 million barrels a day", "twice a week".
                let (u, plural) = words::unit(self.low(i + 1))?;
                // "barrels a day", "barrels of oil a day"
                let before = i > 0
                    && (self.rate_before(i - 1)
                        || (i >= 3 && self.is(i - 2, "of") && self.rate_before(i - 3)));
                if plural || !before {
                    return None;
                }
                let v = super::resolve::duration_value(Some(1.0), u);
                return Some((i + 2, Sem::Set(v)));
            }
            _ => return None,
        }
        let mut j = i + 1;
        let mut n = 1;
        if self.is(j, "other") {
            n = 2;
            j += 1;
        } else if let Some(num) = self
            .num(j)
            .filter(|n| n.digits || !matches!(self.low(j), "a" | "an"))
        {
            if !num.ordinal && num.value >= 2.0 && num.value.fract() == 0.0 {
                n = num.value as u32;
                j = num.end;
            }
        }
        if let Some(wd) = words::weekday(self.low(j)) {
            return Some((j + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        if let Some(p) = self.part(j) {
            return Some((j + 1, Sem::Set(format!("XXXX-XX-XXT{p}"))));
        }
        let (u, _) = words::unit(self.low(j))?;
        let v = super::resolve::duration_value(Some(f64::from(n)), u);
        Some((j + 1, Sem::Set(v)))
    }

    /// Whether word `i` ends a quantity a rate can follow ("barrels", "$5", "twice").
    fn rate_before(&self, i: usize) -> bool {
        let l = self.low(i);
        if matches!(l, "once" | "twice" | "thrice" | "times" | "%" | "percent") {
            return true;
        }
        if self.kind(i) == Some(TokenKind::Number) {
            return true;
        }
        let b = l.as_bytes();
        b.len() > 3
            && l.ends_with('s')
            && !l.ends_with("ss")
            && b.iter().all(u8::is_ascii_lowercase)
            && !matches!(
                l,
                "was"
                    | "has"
                    | "does"
                    | "this"
                    | "thus"
                    | "says"
                    | "takes"
                    | "lasts"
                    | "needs"
                    | "gives"
                    | "makes"
                    | "spends"
                    | "its"
                    | "his"
                    | "hers"
                    | "theirs"
                    | "ours"
                    | "yours"
                    | "across"
                    | "plus"
                    | "minus"
                    | "less"
                    | "unless"
                    | "perhaps"
            )
    }

    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` words.
    fn reference(&self, i: usize) -> Option<(usize, Sem)> {
        let l = self.low(i);
        let r = match l {
            "now" | "currently" | "presently" | "nowadays" => "PRESENT_REF",
            "right" | "just" if self.is(i + 1, "now") => {
                return Some((i + 2, Sem::Ref("PRESENT_REF")))
            }
            "at" if self.is(i + 1, "present") => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            "these" if self.is(i + 1, "days") => return Some((i + 2, Sem::Ref("PRESENT_REF"))),
            "current" if !self.phrase => {
                // "the current quarter" is a date (see `shifted`); "current" alone an adjective.
                if words::unit(self.low(i + 1)).is_some() {
                    return None;
                }
                "PRESENT_REF"
            }
            "recently" | "lately" | "formerly" | "previously" => "PAST_REF",
            "recent" => {
                // "recent years" / "recent days": the recent past.
                if let Some((_, true)) = words::unit(self.low(i + 1)) {
                    return Some((i + 2, Sem::Ref("PAST_REF")));
                }
                "PAST_REF"
            }
            "the" | "in" => {
                let j = if l == "in" {
                    self.opt(i + 1, "the")
                } else {
                    i + 1
                };
                if j == i + 1 && l == "in" {
                    return None;
                }
                return match self.low(j) {
                    "past" if !self.next_is_amount(j + 1) => Some((j + 1, Sem::Ref("PAST_REF"))),
                    "future" => Some((j + 1, Sem::Ref("FUTURE_REF"))),
                    "near" | "short" | "long" | "medium" if self.is(j + 1, "term") => {
                        Some((j + 2, Sem::Ref("FUTURE_REF")))
                    }
                    "coming" | "next" | "upcoming"
                        if matches!(words::unit(self.low(j + 1)), Some((_, true))) =>
                    {
                        Some((j + 2, Sem::Ref("FUTURE_REF")))
                    }
                    _ => None,
                };
            }
            "future" | "soon" if !self.phrase => "FUTURE_REF",
            "coming" if matches!(words::unit(self.low(i + 1)), Some((_, true))) => {
                return Some((i + 2, Sem::Ref("FUTURE_REF")));
            }
            _ => return None,
        };
        Some((i + 1, Sem::Ref(r)))
    }

    fn next_is_amount(&self, i: usize) -> bool {
        self.amount(i).is_some() || words::unit(self.low(i)).is_some()
    }

    /// A leading modifier: (mod, end, applies to amounts only).
    fn prefix(&self, i: usize) -> Option<(TimexMod, usize, bool)> {
        let l = self.low(i);
        Some(match l {
            "early" => (TimexMod::Start, i + 1, false),
            "late" => (TimexMod::End, i + 1, false),
            "mid" => (TimexMod::Mid, i + 1, false),
            "earlier" if self.any(i + 1, &["this", "in"]) => (TimexMod::Start, i + 1, false),
            "later" if self.any(i + 1, &["this", "in"]) => (TimexMod::End, i + 1, false),
            "the" | "end" | "beginning" | "start" | "middle" => {
                let j = self.opt(i, "the");
                let m = match self.low(j) {
                    "end" => TimexMod::End,
                    "beginning" | "start" => TimexMod::Start,
                    "middle" => TimexMod::Mid,
                    _ => return None,
                };
                if !self.is(j + 1, "of") {
                    return None;
                }
                (m, j + 2, false)
            }
            "about" | "around" | "approximately" | "roughly" | "some" | "nearly" | "almost" => {
                let m = match l {
                    "almost" => TimexMod::LessThan,
                    _ => TimexMod::Approx,
                };
                (m, i + 1, true)
            }
            "more" | "less" | "fewer" if self.is(i + 1, "than") => {
                let m = if l == "more" {
                    TimexMod::MoreThan
                } else {
                    TimexMod::LessThan
                };
                (m, i + 2, true)
            }
            "over" | "under" => {
                let m = if l == "over" {
                    TimexMod::MoreThan
                } else {
                    TimexMod::LessThan
                };
                (m, i + 1, true)
            }
            "at" if self.is(i + 1, "least") => (TimexMod::EqualOrMore, i + 2, true),
            "at" if self.is(i + 1, "most") => (TimexMod::EqualOrLess, i + 2, true),
            "up" if self.is(i + 1, "to") => (TimexMod::EqualOrLess, i + 2, true),
            "no" if self.is(i + 1, "more") && self.is(i + 2, "than") => {
                (TimexMod::EqualOrLess, i + 3, true)
            }
            _ => return None,
        })
    }

    /// "EOM", "the BOY", "at the EOY": abbreviations of the start and end of the
    /// month or year (phrases).
    fn period_edge(&self, i: usize) -> Option<Match> {
        if !self.phrase {
            return None;
        }
        let j = self.opt(i, "at");
        let j = self.opt(j, "the");
        let (unit, m) = match self.low(j) {
            "eom" => (Unit::Month, TimexMod::End),
            "bom" => (Unit::Month, TimexMod::Start),
            "eoy" => (Unit::Year, TimexMod::End),
            "boy" => (Unit::Year, TimexMod::Start),
            _ => return None,
        };
        Some(Match {
            start: i,
            end: j + 1,
            sem: Sem::Date(D::Rel { unit, n: 0 }),
            modifier: Some(m),
        })
    }

    /// "the month", "the year", "the week" after "the end of", "the beginning of".
    fn bare_period(&self, i: usize) -> Option<(usize, Sem)> {
        let j = self.opt(i, "the");
        let (unit, plural) = words::unit(self.low(j))?;
        if plural || !matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
            return None;
        }
        Some((j + 1, Sem::Date(D::Rel { unit, n: 0 })))
    }

    /// The longest expression starting at word `i`, if any.
    pub fn at(&self, i: usize) -> Option<Match> {
        if let Some(m) = self.period_edge(i) {
            return Some(m);
        }
        if let Some((m, j, amounts_only)) = self.prefix(i) {
            let edge =
                !amounts_only && matches!(m, TimexMod::Start | TimexMod::End | TimexMod::Mid);
            if let Some((end, sem)) =
                self.core(j)
                    .or_else(|| if edge { self.bare_period(j) } else { None })
            {
                let ok = if amounts_only {
                    matches!(sem, Sem::Duration { n: Some(_), .. })
                        || (matches!(sem, Sem::Date(D::Rel { .. })) && self.is(end - 1, "ago"))
                } else {
                    !matches!(sem, Sem::Duration { .. } | Sem::Set(_) | Sem::Ref(_))
                };
                if ok {
                    return Some(Match {
                        start: i,
                        end,
                        sem,
                        modifier: Some(m),
                    });
                }
            }
        }
        let (end, sem) = self.core(i)?;
        // "Monday early in the morning", "in the early hours of the morning": the
        // start of that part of the day.
        let modifier = (matches!(sem, Sem::PartOfDay { .. })
            && (i..end).any(|k| self.is(k, "early")))
        .then_some(TimexMod::Start);
        Some(Match {
            start: i,
            end,
            sem,
            modifier,
        })
    }

    /// "in 7 days", "in half an hour", "within 2 weeks" as a phrase: an instant ahead.
    fn in_offset(&self, i: usize) -> Option<(usize, Sem)> {
        if !self.phrase || !self.any(i, &["in", "within"]) {
            return None;
        }
        let j = self.opt_any(i + 1, &["about", "around", "approximately", "roughly"]);
        // "in a few hours" (three), "in a pair of minutes" (two)
        let (few, k) = match (self.low(j), self.low(j + 1), self.low(j + 2)) {
            ("a", "few", _) => (Some(3.0), j + 2),
            ("few", _, _) => (Some(3.0), j + 1),
            ("a", "pair" | "couple", "of") => (Some(2.0), j + 3),
            _ => (None, j),
        };
        if let Some(n) = few {
            let (unit, _) = words::unit(self.low(k))?;
            return Some((
                k + 1,
                Sem::Offset {
                    n,
                    unit,
                    from_day: false,
                },
            ));
        }
        let (Some(n), unit, e, _) = self.amount(j)? else {
            return None;
        };
        // "in 7 days at 5pm": that day, at that time.
        if unit == Unit::Day && n.fract() == 0.0 && self.any(e, &["at", "@"]) {
            if let Some((h, m, s, grain, e2)) = self.clock(e + 1) {
                let date = D::Rel {
                    unit: Unit::Day,
                    n: n as i32,
                };
                return Some((
                    e2,
                    Sem::Time {
                        date,
                        h,
                        m,
                        s,
                        grain,
                    },
                ));
            }
        }
        Some((
            e,
            Sem::Offset {
                n,
                unit,
                from_day: false,
            },
        ))
    }

    fn core(&self, i: usize) -> Option<(usize, Sem)> {
        let mut best: Option<(usize, Sem)> = None;
        for c in [
            self.datetime(i),
            self.in_offset(i),
            self.set(i),
            self.duration(i),
            self.reference(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        let (end, sem) = best?;
        if !self.phrase && !self.plausible(i, end, &sem) {
            return None;
        }
        Some((end, sem))
    }

    /// Guards against words that only look like time in running text.
    fn plausible(&self, i: usize, end: usize, sem: &Sem) -> bool {
        match sem {
            Sem::Duration { n, unit } => {
                let first = self.low(i);
                if n.is_none() {
                    return true;
                }
                // A bare unit word is no duration.
                if end == i + 1 && !self.glued(i) {
                    return false;
                }
                // "one day" as an adverb ("One day, ...", "will one day be") is not a duration.
                if *unit == Unit::Day && first == "one" && end == i + 2 && !self.glued(i + 1) {
                    let prev = if i > 0 { self.low(i - 1) } else { "" };
                    if prev.is_empty()
                        || matches!(
                            prev,
                            "will"
                                | "could"
                                | "may"
                                | "might"
                                | "would"
                                | "should"
                                | ","
                                | "\""
                                | "``"
                        )
                    {
                        return false;
                    }
                }
                // "the 1988 quarter" is no 1988 quarters.
                if n.is_some_and(|v| v >= 1000.0) && end == i + 2 {
                    return false;
                }
                // "second" as in "a second time" never reaches here (ordinals are refused).
                true
            }
            Sem::Ref(_) => {
                let l = self.low(i);
                // "now" as a discourse marker still counts in TimeML; "current" before a
                // noun does too. "once" is not read at all.
                !l.is_empty()
            }
            _ => true,
        }
    }
}

fn to_24(h: u8, pm: bool) -> u8 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// A two-digit year: 50-99 are the 1900s, 00-49 the 2000s.
fn two_digit_year(y: i32) -> i32 {
    if y >= 50 {
        1900 + y
    } else {
        2000 + y
    }
}

/// The direction a sentence's tense gives an expression at words `start..end`.
pub(super) fn direction(w: &Words, start: usize, end: usize) -> Option<Direction> {
    let cue =
        |i: usize| -> Option<Direction> {
            let l = w.low(i);
            // A participle after "be" is a passive, not a past: "will be held on April 24".
            let passive = i > 0 && matches!(w.low(i - 1), "be" | "been" | "being");
            match l {
                _ if passive && !matches!(l, "was" | "were" | "had" | "did") => None,
                // "effective Feb. 1": a date a change takes effect, ahead.
                "effective" if i + 1 == start => Some(Direction::Future),
                // "plan"/"plans" only as verbs: "plans to visit", not "the plan".
                "plans" | "plan" if w.low(i + 1) == "to" => Some(Direction::Future),
                // A deadline looks ahead: "by February", "until January".
                "by" | "until" | "till" | "through" | "before" if i + 1 == start => {
                    Some(Direction::Future)
                }
                "will" | "'ll" | "shall" | "wo" | "would" | "scheduled" | "expected"
                | "expects" | "due" | "upcoming" | "intends" | "aims" | "going" | "tomorrow"
                | "next" | "set" => Some(Direction::Future),
                "was" | "were" | "had" | "did" | "said" | "says" | "told" | "met" | "went"
                | "came" | "made" | "took" | "gave" | "held" | "left" | "began" | "saw"
                | "sent" | "spoke" | "won" | "lost" | "led" | "fell" | "rose" | "paid" | "sold"
                | "bought" | "brought" | "thought" | "found" | "became" | "flew" | "got"
                | "ran" | "wrote" | "kept" | "heard" | "struck" | "hit" | "last" | "ago"
                | "yesterday" | "earlier" | "since" => Some(Direction::Past),
                _ => {
                    let b = l.as_bytes();
                    if b.len() >= 5
                        && l.ends_with("ed")
                        && b.iter().all(u8::is_ascii_lowercase)
                        && !matches!(
                            l,
                            "need"
                                | "speed"
                                | "indeed"
                                | "hundred"
                                | "breed"
                                | "proceed"
                                | "exceed"
                                | "succeed"
                                | "embed"
                                | "based"
                                | "related"
                                | "concerned"
                                | "interested"
                                | "united"
                                | "limited"
                                | "advanced"
                                | "detailed"
                                | "supposed"
                        )
                    {
                        return Some(Direction::Past);
                    }
                    None
                }
            }
        };
    let lo = start.saturating_sub(12);
    for i in (lo..start).rev() {
        if let Some(d) = cue(i) {
            return Some(d);
        }
    }
    for i in end..(end + 10).min(w.len()) {
        if let Some(d) = cue(i) {
            return Some(d);
        }
    }
    None
}
