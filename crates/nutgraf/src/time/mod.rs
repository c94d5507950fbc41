//! Time expressions: dates, times of day, durations and sets in running text,
//! normalized to TIMEX3 values against a reference date.
//!
//! The stage reads each sentence's tokens, finds the longest time expression at
//! each word with a hand-written grammar, and resolves it against the reference
//! date (the publication date) in the direction the sentence's tense points to:
//! "on Wednesday" after "will" is the next Wednesday, in a past-tense sentence
//! the last one; "in March" is the nearest plausible March for the tense.
//!
//! For a single phrase, [`parse_time`] reads the whole text as one expression.
//!
//! Values are right or absent. A date the calendar does not have ("February 29,
//! 2023", "31 April 2024", "2023-02-30", "October 32, 2023") is read whole and not
//! reported: no expression in running text, `None` from [`parse_time`]. (It is not
//! reported without a value either: a value-less DATE would look like a relative
//! date with no reference.) Numbers inside URLs, e-mail addresses and file paths
//! are not read.
// No input may panic: text is sliced with `str::get` (or cut at ASCII bytes with
// `split_at_checked`) and lists are read with `get` or slice patterns.
#![deny(clippy::string_slice, clippy::indexing_slicing)]
// Word positions are `i`, `j`, `e` here as in the grammar.
#![allow(clippy::many_single_char_names)]

mod grammar;
mod holidays;
mod resolve;
mod words;

use jiff::civil::{Date, DateTime};

use crate::segment::{self, Token};
use crate::span::Span;

pub use resolve::Direction;

use grammar::{direction, Grammar, Match};
use resolve::{resolve, Sem, Year, D};
use words::{Unit, Words};

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimexType {
    /// A calendar date or period: "October 17", "last week", "2023", "the 1990s".
    Date,
    /// A time of day, possibly with a date: "3pm Friday", "this morning".
    Time,
    /// A length of time: "three days", "a decade".
    Duration,
    /// A recurring time: "every day", "weekly".
    Set,
}

impl TimexType {
    /// The TIMEX3 name: `"DATE"`, `"TIME"`, `"DURATION"`, `"SET"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A TIMEX3 `mod`: how the expression qualifies its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimexMod {
    /// "early 2023", "the beginning of May".
    Start,
    /// "mid-2020", "the middle of the week".
    Mid,
    /// "late November", "the end of the year".
    End,
    /// "about two years", "roughly a decade ago".
    Approx,
    /// "more than three weeks", "over a year".
    MoreThan,
    /// "less than a month", "almost a decade".
    LessThan,
    /// "at least five years".
    EqualOrMore,
    /// "up to 180 days", "no more than a week".
    EqualOrLess,
    /// An open interval after the value: "after 2 pm", "anytime after 2014".
    After,
    /// An open interval from the value on: "since 2pm", "from 2 pm", "2014 or later".
    OnOrAfter,
    /// An open interval before the value: "before 2014".
    Before,
    /// An open interval up to the value: "until Friday", "through 2014".
    OnOrBefore,
}

impl TimexMod {
    /// The TIMEX3 name: `"START"`, `"APPROX"`, `"MORE_THAN"`...
    pub const fn as_str(self) -> &'static str {
        match self {
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::After => "AFTER",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::Before => "BEFORE",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
        }
    }
}

/// How precise a value is: the unit of its last field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Grain {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours (and parts of the day).
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months (and halves of a year).
    Month,
    /// Quarters.
    Quarter,
    /// Seasons.
    Season,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl Grain {
    /// The lowercase name: `"day"`, `"month"`...
    pub const fn as_str(self) -> &'static str {
        match self {
            Grain::Second => "second",
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
        }
    }
}

/// A time expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeExpression {
    /// Where the expression is (bytes of the original input in a
    /// [`Document`](crate::Document); of the given text for [`parse_time`]).
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimexType,
    /// The TIMEX3 value: `"2023-10-17"`, `"2023-W42"`, `"2023-Q3"`, `"P3D"`,
    /// `"XXXX-10-17"` (no year known), `"PRESENT_REF"`... `None` when the
    /// expression is relative ("yesterday") and there is no reference date.
    pub value: Option<String>,
    /// For a range read as one phrase by [`parse_time`] ("July 13-15"): the
    /// value of its last unit, inclusive. In running text each end of a range is
    /// its own expression.
    pub end_value: Option<String>,
    /// The TIMEX3 `mod`, if the text qualifies the value.
    pub modifier: Option<TimexMod>,
    /// The precision of `value`.
    pub grain: Grain,
    /// The reference date the value was resolved against; `None` when the
    /// expression is absolute ("October 17, 2023") or no reference was known.
    pub anchor: Option<Date>,
}

impl TimeExpression {
    /// The text of the expression in `text` (the text it was found in; empty
    /// for another text the span does not fit).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        words::text_of(text, self.span)
    }

    /// The length of a DURATION as a number of one unit: `P3D` is `(3.0, "day")`,
    /// `P2Y6M` is `(30.0, "month")`, `PT1H30M` is `(90.0, "minute")`. `None` for
    /// other types and for unstated numbers (`PXY`).
    ///
    /// ```
    /// use nutgraf::time::{parse_time, Direction};
    /// let r = jiff::civil::date(2023, 10, 17).at(0, 0, 0, 0);
    /// let t = parse_time("two and a half years", r, Direction::Nearest).unwrap();
    /// assert_eq!(t.duration(), Some((30.0, "month")));
    /// ```
    pub fn duration(&self) -> Option<(f64, &'static str)> {
        if self.kind != TimexType::Duration {
            return None;
        }
        duration_amount(self.value.as_deref()?)
    }
}

/// Read an ISO 8601 duration ("P3D", "P2Y6M", "PT1H30M") as a count of its
/// smallest unit.
fn duration_amount(v: &str) -> Option<(f64, &'static str)> {
    let rest = v.strip_prefix('P')?;
    let mut time = false;
    let mut parts: Vec<(f64, &'static str)> = Vec::new();
    let mut num = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'T' => time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let unit = match (c, time) {
                    ('Y', false) => "year",
                    ('M', false) => "month",
                    ('W', false) => "week",
                    ('D', false) if chars.peek() == Some(&'E') => {
                        chars.next();
                        "decade"
                    }
                    ('D', false) => "day",
                    ('Q', false) => "quarter",
                    ('H', true) => "hour",
                    ('M', true) => "minute",
                    ('S', true) => "second",
                    _ => return None,
                };
                let n: f64 = num.parse().ok()?;
                num.clear();
                parts.push((n, unit));
            }
        }
    }
    let &(_, smallest) = parts.last()?;
    let per = |u: &str| -> f64 {
        // Seconds in each unit (months and years in calendar averages are not
        // needed: mixed parts only ever pair neighbouring units).
        match u {
            "second" => 1.0,
            "minute" => 60.0,
            "hour" => 3600.0,
            "day" => 86_400.0,
            "week" => 604_800.0,
            "month" => 2_629_800.0,
            "quarter" => 7_889_400.0,
            "year" => 31_557_600.0,
            _ => 315_576_000.0,
        }
    };
    if let [one] = parts.as_slice() {
        return Some(*one);
    }
    // Mixed units: years and months in months, the rest in the smallest unit.
    let total = if smallest == "month" {
        parts
            .iter()
            .map(|&(n, u)| if u == "year" { n * 12.0 } else { n })
            .sum()
    } else {
        parts.iter().map(|&(n, u)| n * per(u)).sum::<f64>() / per(smallest)
    };
    Some((total.round(), smallest))
}

/// Buffers and document state for [`extract`]: use one per document (it
/// remembers the last quarter the document named), reuse it across its sentences.
#[derive(Debug, Default)]
pub struct Scratch {
    words: Words,
    /// The last quarter the document named ("the third quarter" → 1989-Q3), with
    /// the sentence count since: results stories compare "a year earlier" with
    /// the same quarter of the year before.
    last_quarter: Option<(i64, u32)>,
}

/// Find the time expressions of one sentence. `tokens` are the sentence's tokens
/// of `text` (see [`segment::tokens`]); spans in `out` are bytes of `text`.
/// `reference` is the date relative expressions are resolved against (the
/// publication date); without it their value is `None`.
///
/// [`Parser::parse`](crate::Parser::parse) calls this for every sentence of an
/// article; call it directly to run the stage alone.
pub fn extract(
    text: &str,
    tokens: &[Token],
    reference: Option<Date>,
    scratch: &mut Scratch,
    out: &mut Vec<TimeExpression>,
) {
    crate::view::with_tokens(text, tokens.to_vec(), |v| {
        extract_toks(text, &v.grammar_toks(0), reference, scratch, out);
    });
}

/// [`extract`] on the tokens of one sentence of the shared view, as
/// [`View::grammar_toks`](crate::view::View::grammar_toks) gives them.
pub(crate) fn extract_toks(
    text: &str,
    toks: &[crate::view::Tok<'_>],
    reference: Option<Date>,
    scratch: &mut Scratch,
    out: &mut Vec<TimeExpression>,
) {
    scratch.words.fill(toks);
    let mut scratch_quarter = scratch.last_quarter.filter(|&(_, age)| age < 4);
    let w = &scratch.words;
    let g = Grammar {
        w,
        text,
        phrase: false,
    };
    let reference_dt = reference.map(|d| d.to_datetime(jiff::civil::Time::midnight()));
    let n = w.len();
    let mut i = 0;
    while i < n {
        if w.glued(i) || !words::can_start(w.low(i)) {
            i += 1;
            continue;
        }
        let Some(mut m) = g.at(i) else {
            i += 1;
            continue;
        };
        // A match ending inside a hyphenated word takes the whole word ("10-year-old").
        while w.glued(m.end) && w.kind(m.end) == Some(segment::TokenKind::Word) {
            m.end += 1;
        }
        // Without a tense cue, a day of the week is the last one (news reports what
        // happened); a month or date is the nearest.
        let dir = direction(w, m.start, m.end).unwrap_or(match m.sem {
            Sem::Date(D::Weekday { .. })
            | Sem::PartOfDay {
                date: D::Weekday { .. },
                ..
            }
            | Sem::Time {
                date: D::Weekday { .. },
                ..
            } => Direction::Past,
            _ => Direction::Nearest,
        });
        // An impossible date ("February 30", "October 32, 2023") is read whole and
        // not reported.
        let first = push(w, &m, reference_dt, dir, out);
        if let Some(t) = first.then(|| out.last_mut()).flatten() {
            same_quarter(t, &m, w.low(m.start), &mut scratch_quarter);
        }
        let mut end = m.end;
        // The second end of a range: "October 17 and 18", "2009-10", "Oct. 17-18".
        if let Some((e2, mut sem2)) = range_tail(&g, &m) {
            let before = first.then(|| out.last()).flatten();
            // The second end takes the year the first one resolved to.
            if let (
                Sem::Date(D::Cal {
                    y: y2 @ Year::Unknown,
                    ..
                }),
                Some(v),
            ) = (&mut sem2, before.and_then(|t| t.value.as_deref()))
            {
                if let Some(y) = v.get(..4).and_then(|y| y.parse().ok()) {
                    *y2 = Year::Abs(y);
                }
            }
            let m2 = Match {
                start: m.end + 1,
                end: e2,
                sem: sem2,
                modifier: None,
            };
            let anchor = before.and_then(|t| t.anchor);
            // The second end is as relative as the first: it took the first's year.
            if push(w, &m2, reference_dt, dir, out) {
                if let Some(t) = out.last_mut() {
                    t.anchor = t.anchor.or(anchor);
                }
            }
            end = e2;
        }
        i = end.max(i + 1);
    }
    scratch.last_quarter = scratch_quarter.map(|(q, age)| (q, age + 1));
}

/// Quarter arithmetic for results stories: a quarter expression becomes the
/// current one; "a year earlier" after it is the same quarter a year before.
fn same_quarter(t: &mut TimeExpression, m: &Match, first: &str, current: &mut Option<(i64, u32)>) {
    let Some(v) = t.value.as_deref() else { return };
    // Only a quarter the text names itself ("the third quarter", "the latest
    // quarter"), not one counted back from another ("the year-ago quarter").
    let counted_back = matches!(m.sem, Sem::Date(D::Rel { unit: Unit::Quarter, n }) if n < -1);
    if t.kind == TimexType::Date && t.grain == Grain::Quarter && !counted_back {
        // "1989-Q3"
        if let (Some(y), Some("-Q"), Some(q)) = (v.get(..4), v.get(4..6), v.get(6..)) {
            if let (Ok(y), Ok(q @ 1..=4)) = (y.parse::<i64>(), q.parse::<i64>()) {
                *current = Some((y * 4 + q - 1, 0));
            }
        }
        return;
    }
    // "a year earlier", "a year ago", "year-earlier": not "last year", which names
    // the whole year.
    if first == "last" {
        return;
    }
    if let (
        Sem::Date(D::Rel {
            unit: Unit::Year,
            n: -1,
        }),
        Some((q, _)),
    ) = (&m.sem, *current)
    {
        let q = q - 4;
        t.value = Some(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1));
        t.grain = Grain::Quarter;
    }
}

/// Resolve a match of running text and push it; `false` (nothing pushed) for
/// a date the calendar does not have.
fn push(
    w: &Words,
    m: &Match,
    reference: Option<DateTime>,
    dir: Direction,
    out: &mut Vec<TimeExpression>,
) -> bool {
    let r = resolve(&m.sem, reference, dir, true);
    // A date the calendar does not have is not reported, nor one that falls past
    // the calendar's end ("next Friday" said on 9999-12-31): with a reference,
    // every reported expression has a value.
    if r.impossible || (reference.is_some() && r.value.is_none()) {
        return false;
    }
    let Some(span) = w.span_of(m.start, m.end) else {
        return false;
    };
    let end_value = holiday_end(&m.sem, r.value.as_deref());
    out.push(TimeExpression {
        span,
        kind: r.kind,
        value: r.value,
        end_value,
        modifier: m.modifier,
        grain: r.grain,
        anchor: if r.relative {
            reference.map(jiff::civil::DateTime::date)
        } else {
            None
        },
    });
    true
}

/// After a date, the other end of a range given as a bare number: "October 17
/// and 18", "Oct. 17-18", "2009-10", "2009 to 2011".
fn range_tail(g: &Grammar<'_>, m: &Match) -> Option<(usize, Sem)> {
    let Sem::Date(D::Cal {
        y,
        m: month,
        d,
        shift,
    }) = m.sem
    else {
        return None;
    };
    let conn = g.w.low(m.end);
    if !matches!(
        conn,
        "and" | "-" | "\u{2013}" | "to" | "through" | "thru" | "&"
    ) {
        return None;
    }
    let j = m.end + 1;
    let l = g.w.low(j);
    let digits = l.len() <= 4 && !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return None;
    }
    let v: i32 = l.parse().ok()?;
    match (month, d, y) {
        (Some(mo), Some(day), _) if (1..=31).contains(&v) && v > i32::from(day) && l.len() <= 2 => {
            // Not "October 17 and 18 people".
            if words::unit(g.w.low(j + 1)).is_some() {
                return None;
            }
            Some((
                j + 1,
                Sem::Date(D::Cal {
                    y,
                    m: Some(mo),
                    d: u8::try_from(v).ok(),
                    shift,
                }),
            ))
        }
        (None, None, Year::Abs(y0)) => {
            let y1 = if l.len() == 4 {
                v
            } else if l.len() == 2 {
                y0 / 100 * 100 + v
            } else {
                return None;
            };
            if y1 <= y0 || y1 - y0 > 100 {
                return None;
            }
            Some((
                j + 1,
                Sem::Date(D::Cal {
                    y: Year::Abs(y1),
                    m: None,
                    d: None,
                    shift,
                }),
            ))
        }
        _ => None,
    }
}

/// Read all of `text` as one time expression, resolved against `reference`.
///
/// Relative expressions ("next Friday", "in two weeks", "at 3pm") lean the way
/// `prefer` says when the phrase itself does not; ranges ("July 13-15", "from 9:30
/// to 11:00") come back with [`TimeExpression::end_value`]. Returns `None` when
/// the text is not one time expression, or names a day the calendar does not
/// have ("February 30", "April 31, 2024").
///
/// ```
/// use nutgraf::time::{parse_time, Direction, TimexType};
/// use jiff::civil::date;
///
/// let reference = date(2023, 10, 17).at(9, 0, 0, 0); // a Tuesday
/// let t = parse_time("next Friday", reference, Direction::Nearest).unwrap();
/// assert_eq!(t.value.as_deref(), Some("2023-10-20"));
/// assert_eq!(parse_time("three days", reference, Direction::Nearest).unwrap().kind, TimexType::Duration);
/// assert!(parse_time("may", reference, Direction::Nearest).is_some());
/// assert!(parse_time("the cat", reference, Direction::Nearest).is_none());
/// ```
pub fn parse_time(text: &str, reference: DateTime, prefer: Direction) -> Option<TimeExpression> {
    phrase(text, reference, prefer, 0)
}

/// [`parse_time`] at a depth of nested phrases ("the closest X to Y" reads X
/// and Y as phrases of their own, once).
fn phrase(text: &str, reference: DateTime, prefer: Direction, depth: u8) -> Option<TimeExpression> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    // Trailing sentence punctuation and hedges are not part of the phrase
    // ("3pm approximately", "1-2:30 ish").
    while tokens.last().is_some_and(|t| {
        matches!(
            words::text_of(text, t.span).to_ascii_lowercase().as_str(),
            "." | "!" | "?" | "," | ";" | "approximately" | "roughly" | "ish" | "or so"
        )
    }) {
        tokens.pop();
    }
    let mut w = Words::default();
    crate::view::with_tokens(text, tokens, |v| w.fill(&v.grammar_toks(0)));
    if w.len() == 0 {
        return None;
    }
    let g = Grammar {
        w: &w,
        text,
        phrase: true,
    };
    // Open intervals: "after 2 pm", "since 2pm", "anytime after 2014", "through 2014".
    {
        let j = usize::from(matches!(w.low(0), "anytime" | "sometime" | "sometimes"));
        let (m, k) = match (w.low(j), w.low(j + 1)) {
            ("after", _) => (Some(TimexMod::After), j + 1),
            ("later", "than") => (Some(TimexMod::After), j + 2),
            ("since" | "from", _) => (Some(TimexMod::OnOrAfter), j + 1),
            ("before", _) => (Some(TimexMod::Before), j + 1),
            ("earlier", "than") => (Some(TimexMod::Before), j + 2),
            ("until" | "till" | "through" | "thru" | "by", _) => {
                (Some(TimexMod::OnOrBefore), j + 1)
            }
            _ => (None, 0),
        };
        if let Some(modifier) = m {
            if let Some(mut found) = g.at(k).filter(|x| x.end == w.len()) {
                if matches!(
                    found.sem,
                    Sem::Date(_) | Sem::Time { .. } | Sem::PartOfDay { .. }
                ) {
                    found.start = 0;
                    found.modifier = Some(modifier);
                    return phrase_result(&w, &found, None, reference, prefer);
                }
            }
        }
    }
    // A leading preposition that adds nothing: "on 2/15", "at 3pm", "@ 3pm".
    if matches!(w.low(0), "on" | "at" | "@" | "for") && w.len() > 1 {
        if let Some(mut m) = g.at(1).filter(|m| m.end == w.len()) {
            m.start = 0;
            return phrase_result(&w, &m, None, reference, prefer);
        }
    }
    // Runs of whole units: "next 3 days", "last two years", "upcoming two weeks".
    if let Some((e, a, b)) = g.unit_run(0).filter(|r| r.0 == w.len()) {
        let m1 = Match {
            start: 0,
            end: e,
            sem: a,
            modifier: None,
        };
        let m2 = b.map(|b| Match {
            start: 0,
            end: e,
            sem: b,
            modifier: None,
        });
        return phrase_result(&w, &m1, m2.as_ref(), reference, prefer);
    }
    let whole = |m: &Match| m.start == 0 && m.end == w.len();
    // "in 2014 A.D.", "in March": a date after "in" (a length after it is an offset).
    if w.low(0) == "in" {
        if let Some(mut m) = g.at(1).filter(|m| m.end == w.len()) {
            if matches!(m.sem, Sem::Date(_)) {
                m.start = 0;
                return phrase_result(&w, &m, None, reference, prefer);
            }
        }
    }
    // "the closest Monday to Oct 5th", "the closest xmas to today": the occurrence
    // nearest another date.
    if matches!((w.low(0), w.low(1)), ("the", "closest" | "nearest")) && depth == 0 {
        if let Some(k) = (3..w.len()).find(|&k| w.low(k) == "to") {
            // Nothing after "to" is no date to be near.
            let y_text = text.get(w.span_of(k + 1, w.len())?.start..)?;
            let around = phrase(y_text, reference, prefer, depth + 1)?;
            let day: Date = around.value.as_deref()?.get(..10)?.parse().ok()?;
            let x_text = words::text_of(text, w.span_of(2, k)?);
            let mut t = phrase(
                x_text,
                day.to_datetime(jiff::civil::Time::midnight()),
                Direction::Nearest,
                depth + 1,
            )?;
            t.span = w.span_of(0, w.len())?;
            t.anchor = Some(reference.date());
            return Some(t);
        }
    }
    // A length before or after a date: "three days after Easter", "2 weeks before
    // Christmas", "third Tuesday after Christmas 2014".
    if let Some(t) = counted_from(&g, &w, reference, prefer) {
        return Some(t);
    }
    // A start and a length: "from 18th Dec for 10 days", "16h for 30 mins".
    {
        let j = usize::from(w.low(0) == "from");
        if let Some(m) = g.at(j).filter(|m| w.low(m.end) == "for") {
            if let Some(t) = span_for(&g, &w, &m, reference, prefer) {
                return Some(t);
            }
        }
    }
    if let Some(m) = g.at(0).filter(whole) {
        return phrase_result(&w, &m, None, reference, prefer);
    }
    // Ranges of days in a month and of times in a day.
    if let Some((e, a, b)) = g.day_range(0).filter(|r| r.0 == w.len()) {
        let m1 = Match {
            start: 0,
            end: e,
            sem: Sem::Date(a),
            modifier: None,
        };
        let m2 = Match {
            start: 0,
            end: e,
            sem: Sem::Date(b),
            modifier: None,
        };
        return phrase_result(&w, &m1, Some(&m2), reference, prefer);
    }
    if let Some((e, a, b)) = g.time_range(0).filter(|r| r.0 == w.len()) {
        let m1 = Match {
            start: 0,
            end: e,
            sem: a,
            modifier: None,
        };
        let m2 = Match {
            start: 0,
            end: e,
            sem: b,
            modifier: None,
        };
        return phrase_result(&w, &m1, Some(&m2), reference, prefer);
    }
    // Ranges: "from X to Y", "between X and Y", "X - Y", "X through Y".
    let start = usize::from(matches!(w.low(0), "from" | "between"));
    let first = g.at(start)?;
    let conn = w.low(first.end);
    if !matches!(
        conn,
        "-" | "\u{2013}" | "to" | "and" | "through" | "thru" | "till" | "until" | "untill"
    ) {
        return None;
    }
    if let Some(tail) = range_tail(&g, &first) {
        if tail.0 == w.len() {
            let m2 = Match {
                start: first.end + 1,
                end: tail.0,
                sem: tail.1,
                modifier: None,
            };
            return phrase_result(&w, &first, Some(&m2), reference, prefer);
        }
    }
    let second = g.at(first.end + 1).filter(|m| m.end == w.len())?;
    phrase_result(&w, &first, Some(&second), reference, prefer)
}

/// Like [`parse_time`], for a reference whose UTC offset is known: a time of day
/// the phrase gives in a named zone ("Thursday 8:00 PST", "9:30pm IST") is
/// converted to the reference's offset. Without a zone in the phrase this is
/// [`parse_time`].
///
/// ```
/// use nutgraf::time::{parse_time_zoned, Direction};
/// use jiff::{civil::date, tz::Offset};
///
/// let reference = date(2013, 2, 12).at(4, 30, 0, 0);
/// let t = parse_time_zoned("Thursday 8:00 PST", reference, Offset::constant(-2), Direction::Future).unwrap();
/// assert_eq!(t.value.as_deref(), Some("2013-02-14T14:00"));
/// ```
pub fn parse_time_zoned(
    text: &str,
    reference: DateTime,
    offset: jiff::tz::Offset,
    prefer: Direction,
) -> Option<TimeExpression> {
    let mut t = parse_time(text, reference, prefer)?;
    let zone = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter_map(|w| words::zone_offset(&w.to_ascii_lowercase()))
        .next_back();
    let Some(zone) = zone else { return Some(t) };
    let shift = i64::from(offset.seconds() / 60 - zone);
    let move_value = |v: &mut Option<String>| {
        let Some(s) = v.as_deref() else { return };
        let digits = s.len() >= 16 && s.as_bytes().get(13) == Some(&b':');
        let Some(dt) = s
            .get(..16)
            .filter(|_| digits)
            .and_then(|p| p.parse::<DateTime>().ok())
        else {
            return;
        };
        let moved = jiff::Span::new()
            .try_minutes(shift)
            .and_then(|m| dt.checked_add(m));
        if let Ok(moved) = moved {
            let rest = s.get(16..).unwrap_or("");
            *v = Some(format!("{}{rest}", moved.strftime("%Y-%m-%dT%H:%M")));
        }
    };
    move_value(&mut t.value);
    move_value(&mut t.end_value);
    // A converted time is exact to the minute (offsets like +5:30 move minutes).
    if t.kind == TimexType::Time && t.grain > Grain::Minute {
        t.grain = Grain::Minute;
    }
    Some(t)
}

/// "three days after Easter", "the third Tuesday after Christmas 2014".
fn counted_from(
    g: &Grammar<'_>,
    w: &Words,
    reference: DateTime,
    prefer: Direction,
) -> Option<TimeExpression> {
    let k = (1..w.len()).find(|&k| matches!(w.low(k), "after" | "before"))?;
    let base = g
        .at(k + 1)
        .filter(|m| m.end == w.len() && matches!(m.sem, Sem::Date(_)))?;
    let day: Date = phrase_result(w, &base, None, reference, prefer)?
        .value?
        .get(..10)?
        .parse()
        .ok()?;
    let sign: i64 = if w.low(k) == "after" { 1 } else { -1 };
    let j = usize::from(w.low(0) == "the");
    // "third Tuesday after X": the n-th such weekday after (or before) the date.
    let nth = words::small_number(w.low(j))
        .filter(|&(_, o)| o)
        .map(|(n, _)| n)
        .or_else(|| words::digits(w.low(j)).filter(|&(_, o)| o).map(|(n, _)| n));
    let moved = if let (Some(n), Some(wd), true) = (nth, words::weekday(w.low(j + 1)), k == j + 2) {
        let cur = i64::from(day.weekday().to_monday_one_offset());
        let diff = i64::from(wd) - cur;
        let first = if sign > 0 {
            if diff > 0 {
                diff
            } else {
                diff + 7
            }
        } else if diff < 0 {
            diff
        } else {
            diff - 7
        };
        let days = first + sign * 7 * (i64::from(n) - 1);
        day.checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?
    } else {
        let m = g.at(j).filter(|m| m.end == k)?;
        let Sem::Duration { n: Some(n), unit } = m.sem else {
            return None;
        };
        let whole = n.fract() == 0.0;
        match unit {
            words::Unit::Day if whole => day
                .checked_add(jiff::Span::new().try_days(sign * n as i64).ok()?)
                .ok()?,
            words::Unit::Week if whole => day
                .checked_add(jiff::Span::new().try_weeks(sign * n as i64).ok()?)
                .ok()?,
            words::Unit::Month if whole => day
                .checked_add(jiff::Span::new().try_months(sign * n as i64).ok()?)
                .ok()?,
            words::Unit::Year if whole => day
                .checked_add(jiff::Span::new().try_years(sign * n as i64).ok()?)
                .ok()?,
            _ => return None,
        }
    };
    Some(TimeExpression {
        span: w.span_of(0, w.len())?,
        kind: TimexType::Date,
        value: Some(moved.to_string()),
        end_value: None,
        modifier: None,
        grain: Grain::Day,
        anchor: Some(reference.date()),
    })
}

/// "X for N units": X with an end value N units later.
fn span_for(
    g: &Grammar<'_>,
    w: &Words,
    m: &Match,
    reference: DateTime,
    prefer: Direction,
) -> Option<TimeExpression> {
    let len = g.at(m.end + 1).filter(|d| d.end == w.len())?;
    let Sem::Duration { n: Some(n), unit } = len.sem else {
        return None;
    };
    let mut t = phrase_result(w, m, None, reference, prefer)?;
    let v = t.value.as_deref()?;
    let seconds = (n * resolve::unit_seconds(unit)).round();
    if !(1.0..1e10).contains(&seconds) {
        return None;
    }
    let end = if v.len() == 10 {
        let d: jiff::civil::Date = v.parse().ok()?;
        let days = (seconds / 86_400.0).round() as i64;
        d.checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?
            .to_string()
    } else if v.len() == 16 && v.as_bytes().get(13) == Some(&b':') {
        let dt: DateTime = v.parse().ok()?;
        let moved = dt
            .checked_add(jiff::Span::new().try_seconds(seconds as i64).ok()?)
            .ok()?;
        moved.strftime("%Y-%m-%dT%H:%M").to_string()
    } else {
        return None;
    };
    t.end_value = Some(end);
    t.span = Span::new(t.span.start, w.span_of(0, len.end)?.end);
    Some(t)
}

/// The last day of a holiday that lasts several days ("Hanukkah 2018" ends on
/// 2018-12-10), from its first day `value`.
fn holiday_end(sem: &Sem, value: Option<&str>) -> Option<String> {
    let Sem::Date(D::Holiday { rule, .. }) = sem else {
        return None;
    };
    let first: jiff::civil::Date = value.filter(|v| v.len() == 10)?.parse().ok()?;
    holidays::last_day(*rule, first).map(|d| d.to_string())
}

fn phrase_result(
    w: &Words,
    first: &Match,
    second: Option<&Match>,
    reference: DateTime,
    prefer: Direction,
) -> Option<TimeExpression> {
    // A bare time of day already past today is tomorrow's, for a phrase that
    // looks ahead ("at 3am" said at 4:30).
    let mut sem = first.sem.clone();
    if let Sem::Time {
        date: date @ D::Rel {
            unit: Unit::Day,
            n: 0,
        },
        h,
        ..
    } = &mut sem
    {
        // A clock time with nothing saying morning or afternoon ("at three twenty")
        // is the next of its two readings; said at 4:30, that is 15:20.
        let said_when = (0..w.len()).any(|k| {
            matches!(
                w.low(k),
                "am" | "pm"
                    | "a.m."
                    | "p.m."
                    | "a"
                    | "p"
                    | "morning"
                    | "afternoon"
                    | "evening"
                    | "night"
                    | "tonight"
                    | "noon"
                    | "midnight"
                    | "midday"
                    | "h"
                    | "o'clock"
                    | "oclock"
            )
        });
        let hour = i8::try_from(*h).unwrap_or(0);
        if prefer == Direction::Future
            && !said_when
            && (1..12).contains(&hour)
            && hour < reference.hour()
        {
            *h += 12;
        }
        // An hour already gone rolls over ("at 3am", "3:18am" said at 4:30); the
        // current hour does not ("4:23am" is today's).
        if prefer == Direction::Future && i8::try_from(*h).unwrap_or(0) < reference.hour() {
            *date = D::Rel {
                unit: Unit::Day,
                n: 1,
            };
        }
    }
    let r = resolve(&sem, Some(reference), prefer, false);
    let r2 = second.map(|m| resolve(&m.sem, Some(reference), prefer, false));
    // A phrase that names a day the calendar does not have is no time.
    if r.impossible || r2.as_ref().is_some_and(|r2| r2.impossible) {
        return None;
    }
    let end_value = r2
        .and_then(|r2| r2.value)
        .or_else(|| holiday_end(&sem, r.value.as_deref()));
    let last = second.map_or(first.end, |m| m.end);
    Some(TimeExpression {
        span: w.span_of(0, last)?,
        kind: r.kind,
        value: r.value,
        end_value,
        modifier: first.modifier,
        grain: r.grain,
        anchor: if r.relative {
            Some(reference.date())
        } else {
            None
        },
    })
}

#[cfg(test)]
mod tests;
