//! From what an expression says ([`Sem`]) to a TIMEX3 value, given the
//! reference date and the direction the sentence's tense points to.

// Word positions are `i`, `j`, `e` and calendar fields `y`, `m`, `d` throughout; the
// numbers cast between integer types are days, months, hours and years already
// range-checked where they were read, so the casts cannot wrap or truncate.
#![allow(
    clippy::many_single_char_names,
    clippy::cast_possible_wrap,
    clippy::cast_sign_loss,
    clippy::cast_possible_truncation
)]

use jiff::civil::{Date, DateTime};

use super::words::Unit;
use super::{Grain, TimexType};

/// Which way an underspecified expression leans ("on Tuesday" after "will" is the
/// next one, in a past-tense sentence the last one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// The most recent occurrence, on or before the reference.
    Past,
    /// The next occurrence, on or after the reference.
    Future,
    /// No lean: the occurrence nearest the reference.
    #[default]
    Nearest,
}

/// Which occurrence a named day, month or season means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shift {
    /// Chosen by tense.
    Tense,
    /// "last": strictly before the reference.
    Last,
    /// "next": strictly after the reference.
    Next,
    /// "this": in the reference's week or year.
    This,
}

/// A year, absolute or relative to the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Year {
    Abs(i32),
    Rel(i32),
    Unknown,
}

/// The meaning of a date part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum D {
    /// Calendar fields; missing ones come from the reference and the shift.
    Cal {
        y: Year,
        m: Option<u8>,
        d: Option<u8>,
        shift: Shift,
    },
    /// A day of the week.
    Weekday {
        wd: u8,
        shift: Shift,
    },
    /// `n` units from the reference, at that unit's grain ("yesterday", "last
    /// week", "two years ago").
    Rel {
        unit: Unit,
        n: i32,
    },
    /// Days from the reference at a finer unit ("three weeks ago" → a week grain).
    Season {
        code: &'static str,
        y: Year,
        shift: Shift,
    },
    Quarter {
        q: u8,
        y: Year,
    },
    Half {
        h: u8,
        y: Year,
    },
    /// A date with its day of the week and no year ("Saturday, April 25"): the
    /// year near the reference where the day matches.
    DatedWeekday {
        m: u8,
        d: u8,
        wd: u8,
    },
    /// "the weekend": the last one in the past tense, the coming one in the future.
    Weekend,
    /// A named holiday ("Thanksgiving", "Easter Monday").
    Holiday {
        rule: super::holidays::Rule,
        y: Year,
        shift: Shift,
    },
    /// The n-th (or last, n = -1) day of the week of a month: "the first Monday
    /// of October", "last Friday in October 2013", "the first Monday of this month".
    NthWeekday {
        n: i8,
        wd: u8,
        m: Option<u8>,
        y: Year,
    },
    /// A day of the week of the reference's week, or `weeks` weeks from it
    /// ("Wednesday next week", "Tuesday of last week").
    WeekdayOfWeek {
        wd: u8,
        weeks: i32,
    },
    /// The n-th such weekday after the reference (n > 0) or before it ("two Sundays
    /// from now", "2 Thursdays ago").
    WeekdayCount {
        wd: u8,
        n: i32,
    },
    /// The ISO week of a date ("the week of October 7th").
    WeekOf {
        y: Year,
        m: u8,
        d: u8,
    },
    /// The last day of a month ("the last day of October 2015").
    LastDayOf {
        m: u8,
        y: Year,
    },
    /// The season the reference is in, or `n` seasons from it ("this season").
    SeasonNow {
        n: i32,
    },
    /// The n-th occurrence of a month after the reference ("March after next").
    MonthCount {
        m: u8,
        n: i32,
    },
    /// The last weekend of a month ("the last weekend of October").
    LastWeekendOf {
        m: u8,
        y: Year,
    },
    /// Day `d` of the reference's month, or `months` months from it ("the 20th of
    /// next month").
    DayOfMonth {
        d: u8,
        months: i32,
    },
    /// A decade: 199 for the 1990s.
    Decade(i32),
    /// A century: 19 for the 1900s.
    Century(i32),
}

/// What an expression means.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Sem {
    Date(D),
    /// A date with a time of day.
    Time {
        date: D,
        h: u8,
        m: u8,
        s: Option<u8>,
        grain: Grain,
    },
    /// A date with a part of the day ("Friday morning", "tonight").
    PartOfDay {
        date: D,
        part: &'static str,
    },
    /// `n` units; `None` for an unspecified number ("years", "a few days").
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
    /// An instant `n` units from the reference ("in 7 days", "two hours ago" read
    /// as a phrase), precise to the next unit down; from the start of the
    /// reference day when `from_day` ("3 years from today").
    Offset {
        n: f64,
        unit: Unit,
        from_day: bool,
    },
    /// The start of the hour, minute or second `n` units from the reference's
    /// ("next 3 hours" starts at the next whole hour).
    UnitStart {
        unit: Unit,
        n: i32,
    },
    /// A recurring time, already in TIMEX3 ("P1D", "XXXX-WXX-1").
    Set(String),
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Ref(&'static str),
}

/// A resolved value.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Resolved {
    pub kind: TimexType,
    pub value: Option<String>,
    pub grain: Grain,
    /// The value needed the reference.
    pub relative: bool,
    /// The text names a day the calendar does not have ("February 30", "April
    /// 31", "February 29, 2023"): `value` is `None` and the expression is not
    /// reported.
    pub impossible: bool,
}

/// A date part that names a day the calendar does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Impossible;

/// The real calendar date, if there is one (months and days out of range,
/// February 29 of a common year and years outside jiff's range give `None`).
fn ymd(y: i32, m: u8, d: u8) -> Option<Date> {
    let m = i8::try_from(m).ok()?;
    let d = i8::try_from(d).ok()?;
    Date::new(i16::try_from(y).ok()?, m, d).ok()
}

/// The most days month `m` has in any year: 29 for February, 0 for no month.
pub(super) fn max_days(m: u8) -> u8 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    }
}

/// A month and day that some year has: a month 1 to 12 and a day from 1 to
/// [`max_days`].
fn possible(m: u8, d: u8) -> bool {
    (1..=max_days(m)).contains(&d)
}

/// The year of a month and day given without one, when the year chosen for it
/// lacks that day (February 29 of a common year): the nearest year that has
/// it, in the direction the shift or tense points, among the years next to the
/// reference's (`ry`) that the resolver picks from; `None` when none of them
/// has it (the value then leaves the year unknown).
fn year_with_day(y: i32, m: u8, d: u8, shift: Shift, dir: Direction, ry: i32) -> Option<i32> {
    let has = |y: &i32| ymd(*y, m, d).is_some();
    if has(&y) {
        return Some(y);
    }
    let back = (ry - 1..y).rev().find(has);
    let ahead = (y + 1..=ry + 1).find(has);
    match (shift, dir) {
        (Shift::This, _) => None,
        (Shift::Last, _) | (Shift::Tense, Direction::Past) => back,
        (Shift::Next, _) | (Shift::Tense, Direction::Future) => ahead,
        (Shift::Tense, Direction::Nearest) => match (back, ahead) {
            (Some(b), Some(a)) => Some(if y - b <= a - y { b } else { a }),
            (b, a) => b.or(a),
        },
    }
}

fn fmt_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    // jiff's span constructors panic out of range: the checked ones do not.
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month()
        .checked_add(jiff::Span::new().try_months(n).ok()?)
        .ok()
}

fn year_of(y: Year, r: Option<Date>) -> Option<i32> {
    match y {
        Year::Abs(y) => Some(y),
        Year::Rel(n) => r.map(|r| i32::from(r.year()) + n),
        Year::Unknown => r.map(|r| i32::from(r.year())),
    }
}

/// The TIMEX3 value of a date part, with its grain and whether it needed the
/// reference; `Err` for a day the calendar does not have.
pub(super) fn date_value(
    d: D,
    r: Option<Date>,
    dir: Direction,
    text: bool,
) -> Result<(Option<String>, Grain, bool), Impossible> {
    Ok(match d {
        D::Cal { y, m, d, shift } => cal(y, m, d, shift, r, dir, text)?,
        D::Weekday { wd, shift } => match r {
            Some(r) => {
                let cur = r.weekday().to_monday_one_offset();
                let diff = i64::from(wd) - i64::from(cur);
                let delta = match shift {
                    Shift::This => diff,
                    Shift::Last => {
                        if diff < 0 {
                            diff
                        } else {
                            diff - 7
                        }
                    }
                    Shift::Next => {
                        if diff > 0 {
                            diff
                        } else {
                            diff + 7
                        }
                    }
                    Shift::Tense => match dir {
                        Direction::Past => {
                            if diff <= 0 {
                                diff
                            } else {
                                diff - 7
                            }
                        }
                        // A phrase looking ahead means the next one, not today; running
                        // text can mean today ("will meet on Tuesday" on a Tuesday).
                        Direction::Future if !text => {
                            if diff > 0 {
                                diff
                            } else {
                                diff + 7
                            }
                        }
                        Direction::Future => {
                            if diff >= 0 {
                                diff
                            } else {
                                diff + 7
                            }
                        }
                        Direction::Nearest => {
                            let back = if diff <= 0 { diff } else { diff - 7 };
                            let fwd = if diff >= 0 { diff } else { diff + 7 };
                            if -back <= fwd {
                                back
                            } else {
                                fwd
                            }
                        }
                    },
                };
                (add_days(r, delta).map(fmt_day), Grain::Day, true)
            }
            None => (Some(format!("XXXX-WXX-{wd}")), Grain::Day, false),
        },
        D::Rel { unit, n } => match r {
            None => (None, grain_of(unit), true),
            Some(r) => (rel(unit, n, r), grain_of(unit), true),
        },
        D::Season { code, y, shift } => {
            // The season's first month (winter starts in December of its year).
            let first = match code {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            let year = match (y, r, shift) {
                // "last spring" in October is this year's; in April, last year's.
                (Year::Unknown, Some(r), Shift::Last) => {
                    let ry = i32::from(r.year());
                    Some(if first + 2 < r.month() { ry } else { ry - 1 })
                }
                (Year::Unknown, Some(r), Shift::Next) => {
                    let ry = i32::from(r.year());
                    Some(if first > r.month() { ry } else { ry + 1 })
                }
                (y, r, _) => year_of(y, r),
            };
            let v = match year {
                Some(y) => format!("{y:04}-{code}"),
                None => format!("XXXX-{code}"),
            };
            (Some(v), Grain::Season, !matches!(y, Year::Abs(_)))
        }
        D::Quarter { q, y } => {
            let year = match (y, r) {
                // "the fourth quarter" in January is last year's, unless the sentence looks ahead.
                (Year::Unknown, Some(r)) if dir != Direction::Future => {
                    let ry = i32::from(r.year());
                    let started = i64::from(q) * 3 - 2 <= i64::from(r.month());
                    Some(if started { ry } else { ry - 1 })
                }
                (y, r) => year_of(y, r),
            };
            let v = match year {
                Some(y) => format!("{y:04}-Q{q}"),
                None => format!("XXXX-Q{q}"),
            };
            (Some(v), Grain::Quarter, !matches!(y, Year::Abs(_)))
        }
        D::Half { h, y } => {
            let v = match year_of(y, r) {
                Some(y) => format!("{y:04}-H{h}"),
                None => format!("XXXX-H{h}"),
            };
            (Some(v), Grain::Month, !matches!(y, Year::Abs(_)))
        }
        D::DatedWeekday { m, d, .. } if !possible(m, d) => return Err(Impossible),
        D::DatedWeekday { m, d, wd } => match r {
            Some(r) => {
                let ry = i32::from(r.year());
                let fits = |y: i32| {
                    ymd(y, m, d).is_some_and(|x| x.weekday().to_monday_one_offset() == wd as i8)
                };
                let y = [ry, ry - 1, ry + 1]
                    .into_iter()
                    .find(|&y| fits(y))
                    .or_else(|| {
                        let y = pick_year(Some(m), Some(d), Shift::Tense, r, dir, text);
                        year_with_day(y, m, d, Shift::Tense, dir, ry)
                    });
                // "Thursday, February 29" with no leap year near: the year is unknown.
                let Some(y) = y else {
                    return Ok((Some(format!("XXXX-{m:02}-{d:02}")), Grain::Day, false));
                };
                (Some(format!("{y:04}-{m:02}-{d:02}")), Grain::Day, true)
            }
            None => (Some(format!("XXXX-{m:02}-{d:02}")), Grain::Day, false),
        },
        D::Weekend => match r {
            Some(r) => {
                let wd = r.weekday().to_monday_one_offset();
                let n = match dir {
                    _ if wd >= 6 => 0,
                    Direction::Future => 0,
                    Direction::Past | Direction::Nearest => -1,
                };
                (rel(Unit::Weekend, n, r), Grain::Week, true)
            }
            None => (Some("XXXX-WXX-WE".into()), Grain::Week, false),
        },
        D::Holiday { rule, y, shift } => {
            let at = |year: i32| super::holidays::date_in(rule, i16::try_from(year).ok()?);
            let day = match (y, r) {
                (Year::Abs(year), _) => at(year),
                (Year::Rel(n), Some(r)) => at(i32::from(r.year()) + n),
                (_, None) => None,
                (Year::Unknown, Some(r)) => pick_date(at, r, shift, dir, text),
            };
            let relative = !matches!(y, Year::Abs(_));
            match day {
                Some(d) => (Some(fmt_day(d)), Grain::Day, relative),
                None => (None, Grain::Day, relative),
            }
        }
        D::NthWeekday { n, wd, m, y } => {
            let Ok(weekday) = jiff::civil::Weekday::from_monday_one_offset(wd as i8) else {
                return Ok((None, Grain::Day, true));
            };
            let nth =
                |year: i32, month: u8| ymd(year, month, 1)?.nth_weekday_of_month(n, weekday).ok();
            let day = match (m, y, r) {
                (Some(m), Year::Abs(year), _) => nth(year, m),
                (Some(m), Year::Rel(k), Some(r)) => nth(i32::from(r.year()) + k, m),
                (Some(m), Year::Unknown, Some(r)) => {
                    pick_date(|year| nth(year, m), r, Shift::Tense, dir, text)
                }
                (None, _, Some(r)) => nth(i32::from(r.year()), r.month() as u8),
                _ => None,
            };
            (day.map(fmt_day), Grain::Day, !matches!(y, Year::Abs(_)))
        }
        D::WeekdayOfWeek { wd, weeks } => match r {
            Some(r) => {
                let monday = i64::from(r.weekday().to_monday_one_offset()) - 1;
                let delta = -monday + 7 * i64::from(weeks) + i64::from(wd) - 1;
                (add_days(r, delta).map(fmt_day), Grain::Day, true)
            }
            None => (Some(format!("XXXX-WXX-{wd}")), Grain::Day, false),
        },
        D::WeekdayCount { wd, n } => match r {
            Some(r) => {
                let cur = i64::from(r.weekday().to_monday_one_offset());
                let diff = i64::from(wd) - cur;
                let delta = if n > 0 {
                    let first = if diff > 0 { diff } else { diff + 7 };
                    first + 7 * (i64::from(n) - 1)
                } else {
                    let first = if diff < 0 { diff } else { diff - 7 };
                    first - 7 * (i64::from(-n) - 1)
                };
                (add_days(r, delta).map(fmt_day), Grain::Day, true)
            }
            None => (None, Grain::Day, true),
        },
        D::WeekOf { y, m, d } => {
            let (day, _, relative) = cal(y, Some(m), Some(d), Shift::Tense, r, dir, text)?;
            let week = day.and_then(|v| v.parse::<Date>().ok()).map(fmt_week);
            (week, Grain::Week, relative)
        }
        D::LastDayOf { m, y } => {
            let last = |year: i32| ymd(year, m, 1).map(Date::last_of_month);
            let day = match (y, r) {
                (Year::Abs(year), _) => last(year),
                (_, Some(r)) => pick_date(last, r, Shift::Tense, dir, text),
                _ => None,
            };
            (day.map(fmt_day), Grain::Day, !matches!(y, Year::Abs(_)))
        }
        D::SeasonNow { n } => match r {
            Some(r) => {
                // Astronomical seasons: spring from March 20, summer June 21, fall
                // September 23, winter December 21 (the year it starts).
                let md = (r.month(), r.day());
                let (year, k) = match md {
                    _ if md >= (12, 21) => (i32::from(r.year()), 3),
                    _ if md >= (9, 23) => (i32::from(r.year()), 2),
                    _ if md >= (6, 21) => (i32::from(r.year()), 1),
                    _ if md >= (3, 20) => (i32::from(r.year()), 0),
                    _ => (i32::from(r.year()) - 1, 3),
                };
                let idx = year * 4 + k + n;
                let code = match idx.rem_euclid(4) {
                    0 => "SP",
                    1 => "SU",
                    2 => "FA",
                    _ => "WI",
                };
                (
                    Some(format!("{:04}-{code}", idx.div_euclid(4))),
                    Grain::Season,
                    true,
                )
            }
            None => (None, Grain::Season, true),
        },
        D::MonthCount { m, n } => match r {
            Some(r) => {
                let ry = i32::from(r.year());
                let first = if m > r.month() as u8 { ry } else { ry + 1 };
                (
                    Some(format!("{:04}-{m:02}", first + n - 1)),
                    Grain::Month,
                    true,
                )
            }
            None => (Some(format!("XXXX-{m:02}")), Grain::Month, false),
        },
        D::LastWeekendOf { m, y } => {
            let sat = |year: i32| {
                ymd(year, m, 1)?
                    .nth_weekday_of_month(-1, jiff::civil::Weekday::Saturday)
                    .ok()
            };
            let day = match (y, r) {
                (Year::Abs(year), _) => sat(year),
                (_, Some(r)) => pick_date(sat, r, Shift::Tense, dir, text),
                _ => None,
            };
            let value = day.map(|d| format!("{}-WE", fmt_week(d)));
            (value, Grain::Week, !matches!(y, Year::Abs(_)))
        }
        D::DayOfMonth { d, months } => match r {
            Some(r) => {
                // "the 31st of next month" in October: November has no 31st.
                let first = add_months(r, i64::from(months)).ok_or(Impossible)?;
                let day = ymd(i32::from(first.year()), first.month() as u8, d);
                (Some(fmt_day(day.ok_or(Impossible)?)), Grain::Day, true)
            }
            None if !(1..=31).contains(&d) => return Err(Impossible),
            None => (None, Grain::Day, true),
        },
        D::Decade(d) => (Some(format!("{d:03}")), Grain::Decade, false),
        D::Century(c) => (Some(format!("{c:02}")), Grain::Century, false),
    })
}

fn grain_of(unit: Unit) -> Grain {
    match unit {
        Unit::Second => Grain::Second,
        Unit::Minute => Grain::Minute,
        Unit::Hour => Grain::Hour,
        Unit::Day => Grain::Day,
        Unit::Week | Unit::Weekend => Grain::Week,
        Unit::Month => Grain::Month,
        Unit::Quarter => Grain::Quarter,
        Unit::Year => Grain::Year,
        Unit::Decade => Grain::Decade,
        Unit::Century => Grain::Century,
    }
}

fn rel(unit: Unit, n: i32, r: Date) -> Option<String> {
    let n64 = i64::from(n);
    Some(match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => fmt_day(add_days(r, n64)?),
        Unit::Week => fmt_week(add_days(r, 7 * n64)?),
        Unit::Weekend => format!("{}-WE", fmt_week(add_days(r, 7 * n64)?)),
        Unit::Month => {
            let d = add_months(r, n64)?;
            format!("{:04}-{:02}", d.year(), d.month())
        }
        Unit::Quarter => {
            let q0 = i64::from(r.year()) * 4 + (i64::from(r.month()) - 1) / 3 + n64;
            format!("{:04}-Q{}", q0.div_euclid(4), q0.rem_euclid(4) + 1)
        }
        Unit::Year => format!("{:04}", i32::from(r.year()) + n),
        Unit::Decade => format!("{:03}", (i32::from(r.year()) / 10) + n),
        Unit::Century => format!("{:02}", (i32::from(r.year()) / 100) + n),
    })
}

/// Calendar fields to a value: the missing year from the reference and the
/// shift, the missing month (of "the 15th") from the reference. `Err` when the
/// fields name a day the calendar does not have.
fn cal(
    y: Year,
    m: Option<u8>,
    d: Option<u8>,
    shift: Shift,
    r: Option<Date>,
    dir: Direction,
    text: bool,
) -> Result<(Option<String>, Grain, bool), Impossible> {
    let relative = !matches!(y, Year::Abs(_));
    let grain = match (m, d) {
        (_, Some(_)) => Grain::Day,
        (Some(_), None) => Grain::Month,
        (None, None) => Grain::Year,
    };
    // A day no year has in that month ("April 31", "February 30", "October 32").
    match (m, d) {
        (Some(m), Some(d)) if !possible(m, d) => return Err(Impossible),
        (Some(m), None) if !(1..=12).contains(&m) => return Err(Impossible),
        (None, Some(d)) if !(1..=31).contains(&d) => return Err(Impossible),
        _ => {}
    }
    let year = match (y, r) {
        (Year::Abs(y), _) => Some(y),
        (Year::Rel(n), Some(r)) => Some(i32::from(r.year()) + n),
        (_, None) => None,
        (Year::Unknown, Some(r)) => {
            let y = pick_year(m, d, shift, r, dir, text);
            match (m, d) {
                // February 29 without a year: a leap year's, or an unknown year
                // when no leap year is near ("XXXX-02-29").
                (Some(m), Some(d)) => year_with_day(y, m, d, shift, dir, i32::from(r.year())),
                _ => Some(y),
            }
        }
    };
    let v = match (year, m, d) {
        (Some(y), Some(m), Some(d)) => {
            // A stated year without that day: "February 29, 2023".
            let day = ymd(y, m, d).ok_or(Impossible)?;
            fmt_day(day)
        }
        (None, Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (None, Some(m), None) => format!("XXXX-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        (y, None, Some(d)) => {
            // "on the 15th": the reference's month.
            match (y, r) {
                (Some(y), Some(r)) => {
                    let month = ymd(y, r.month() as u8, 1).ok_or(Impossible)?;
                    fmt_day(day_of_month_near(month, d, r, dir).ok_or(Impossible)?)
                }
                _ => format!("XXXX-XX-{d:02}"),
            }
        }
        (None, None, None) => return Ok((None, grain, relative)),
    };
    Ok((Some(v), grain, relative))
}

/// Day `d` of the month starting `first` (the reference's month), or of the
/// month after it when a phrase looks ahead and the day has gone; a month that
/// lacks the day ("the 31st" in November) gives way to the nearest month in
/// the direction of the tense that has it.
fn day_of_month_near(first: Date, d: u8, r: Date, dir: Direction) -> Option<Date> {
    let at = |k: i64| -> Option<Date> {
        let f = add_months(first, k)?;
        ymd(i32::from(f.year()), f.month() as u8, d)
    };
    let here = at(0);
    let start = i64::from(dir == Direction::Future && here.is_none_or(|h| h < r));
    if let Some(day) = at(start) {
        return Some(day);
    }
    // Every month next to one without the 29th, 30th or 31st has it, so one
    // step is enough.
    let back = at(start - 1);
    let ahead = at(start + 1);
    match dir {
        Direction::Past => back,
        Direction::Future => ahead,
        Direction::Nearest => match (back, ahead) {
            (Some(b), Some(a)) => {
                let from = |x: Date| {
                    x.since(r)
                        .map_or(i64::MAX, |s| i64::from(s.get_days()).abs())
                };
                Some(if from(b) <= from(a) { b } else { a })
            }
            (b, a) => b.or(a),
        },
    }
}

/// The occurrence of a yearly date (`at(year)`) that the shift and tense mean.
fn pick_date(
    at: impl Fn(i32) -> Option<Date>,
    r: Date,
    shift: Shift,
    dir: Direction,
    text: bool,
) -> Option<Date> {
    let ry = i32::from(r.year());
    let cands: Vec<(Date, i64)> = [ry - 1, ry, ry + 1]
        .into_iter()
        .filter_map(|y| {
            let d = at(y)?;
            Some((d, i64::from(d.since(r).ok()?.get_days())))
        })
        .collect();
    let closest = |f: &dyn Fn(i64) -> bool| {
        cands
            .iter()
            .filter(|c| f(c.1))
            .min_by_key(|c| c.1.abs())
            .map(|c| c.0)
    };
    match (shift, dir) {
        (Shift::This, _) => at(ry),
        (Shift::Last, _) => closest(&|d| d < 0),
        (Shift::Next, _) => closest(&|d| d > 0),
        (Shift::Tense, Direction::Past) if text => closest(&|d| (-310..=61).contains(&d)),
        (Shift::Tense, Direction::Future) if text => closest(&|d| (-61..=310).contains(&d)),
        (Shift::Tense, Direction::Past) => closest(&|d| d <= 0),
        (Shift::Tense, Direction::Future) => closest(&|d| d >= 0),
        (Shift::Tense, Direction::Nearest) => closest(&|_| true),
    }
}

/// The year of a month (and day) without one.
fn pick_year(
    m: Option<u8>,
    d: Option<u8>,
    shift: Shift,
    r: Date,
    dir: Direction,
    text: bool,
) -> i32 {
    let ry = i32::from(r.year());
    let Some(m) = m else { return ry };
    let day = d.unwrap_or(1);
    let key = |y: i32| -> i64 {
        // A comparable day number; an impossible date (Feb 30) sorts at month end.
        let dd = ymd(y, m, day)
            .or_else(|| ymd(y, m, 1).map(jiff::civil::Date::last_of_month))
            .unwrap_or(r);
        i64::from(dd.since(r).map_or(0, |s| s.get_days()))
    };
    // For a month alone, compare months rather than days.
    let month_diff = |y: i32| -> i64 {
        (i64::from(y) * 12 + i64::from(m)) - (i64::from(ry) * 12 + i64::from(r.month()))
    };
    let diff = |y: i32| if d.is_some() { key(y) } else { month_diff(y) };
    match shift {
        Shift::This => ry,
        Shift::Last => {
            if diff(ry) < 0 {
                ry
            } else {
                ry - 1
            }
        }
        Shift::Next => {
            if diff(ry) > 0 {
                ry
            } else {
                ry + 1
            }
        }
        // In running text a tense leans, within limits: a past-tense sentence can
        // name a date a few weeks ahead ("payable Dec. 15"), a future one a date
        // just gone; months are compared in days (about 30 a month).
        Shift::Tense if text => {
            let days = |y: i32| if d.is_some() { diff(y) } else { diff(y) * 30 };
            let (lo, hi) = match dir {
                Direction::Past => (-310, 61),
                Direction::Future => (-61, 310),
                Direction::Nearest => (-250, 250),
            };
            // Without a tense, news leans to the past: a date ahead counts double.
            let cost = |y: i32| {
                let d = days(y);
                if d > 0 && dir == Direction::Nearest {
                    2 * d
                } else {
                    d.abs()
                }
            };
            let pick = [ry, ry - 1, ry + 1]
                .into_iter()
                .filter(|&y| (lo..=hi).contains(&days(y)))
                .min_by_key(|&y| (cost(y), days(y) > 0));
            pick.unwrap_or(ry)
        }
        Shift::Tense => match dir {
            Direction::Past => {
                if diff(ry) <= 0 {
                    ry
                } else {
                    ry - 1
                }
            }
            Direction::Future => {
                if diff(ry) >= 0 {
                    ry
                } else {
                    ry + 1
                }
            }
            Direction::Nearest => {
                if d.is_none() {
                    return ry;
                }
                [ry - 1, ry, ry + 1]
                    .into_iter()
                    .min_by_key(|&y| (diff(y).abs(), (y - ry).abs()))
                    .unwrap_or(ry)
            }
        },
    }
}

fn unit_code(unit: Unit) -> (&'static str, bool) {
    match unit {
        Unit::Second => ("S", true),
        Unit::Minute => ("M", true),
        Unit::Hour => ("H", true),
        Unit::Day => ("D", false),
        Unit::Week => ("W", false),
        Unit::Weekend => ("WE", false),
        Unit::Month => ("M", false),
        Unit::Quarter => ("Q", false),
        Unit::Year => ("Y", false),
        Unit::Decade => ("DE", false),
        Unit::Century => ("CE", false),
    }
}

/// The TIMEX3 value of a duration: "P3D", "PT2H", "P18M", "PXY".
pub(super) fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (mut n, mut unit) = (n, unit);
    // Whole numbers in the value: a fraction moves to a smaller unit.
    if let Some(v) = n {
        if v.fract() != 0.0 {
            let smaller = match unit {
                Unit::Year => Some((Unit::Month, 12.0)),
                Unit::Month => Some((Unit::Day, 30.0)),
                Unit::Week => Some((Unit::Day, 7.0)),
                Unit::Day => Some((Unit::Hour, 24.0)),
                Unit::Hour => Some((Unit::Minute, 60.0)),
                Unit::Minute => Some((Unit::Second, 60.0)),
                Unit::Decade => Some((Unit::Year, 10.0)),
                _ => None,
            };
            if let Some((u, f)) = smaller {
                n = Some(v * f);
                unit = u;
            }
        }
    }
    // Decades and quarters in common units ("two decades" P20Y, "three quarters" P9M).
    match (n, unit) {
        (Some(v), Unit::Decade) => {
            n = Some(v * 10.0);
            unit = Unit::Year;
        }
        (Some(v), Unit::Century) => {
            n = Some(v * 100.0);
            unit = Unit::Year;
        }
        _ => {}
    }
    // A fraction left over goes to the next unit down: "2 1/2 years" P2Y6M,
    // "a minute and a half" PT1M30S.
    if let Some(v) = n {
        let lower = match unit {
            Unit::Year => Some((Unit::Month, 12.0, "M", false)),
            Unit::Day => Some((Unit::Hour, 24.0, "H", true)),
            Unit::Hour => Some((Unit::Minute, 60.0, "M", true)),
            Unit::Minute => Some((Unit::Second, 60.0, "S", true)),
            _ => None,
        };
        if let Some((_, factor, code2, time2)) = lower {
            let whole = v.trunc();
            let rest = ((v - whole) * factor).round();
            if v >= 1.0 && rest > 0.0 && rest < factor {
                let (code, is_time) = unit_code(unit);
                return match (is_time, time2) {
                    (true, _) => format!("PT{}{code}{}{code2}", whole as i64, rest as i64),
                    (false, true) => format!("P{}{code}T{}{code2}", whole as i64, rest as i64),
                    (false, false) => format!("P{}{code}{}{code2}", whole as i64, rest as i64),
                };
            }
        }
    }
    let (code, is_time) = unit_code(unit);
    let amount = match n {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e12 => format!("{}", v as i64),
        Some(v) => {
            let s = format!("{v:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        None => "X".to_string(),
    };
    if is_time {
        format!("PT{amount}{code}")
    } else {
        format!("P{amount}{code}")
    }
}

/// Resolve a meaning against the reference.
/// Seconds in a unit (a month is 30 days, a year 365, as phrase parsers count).
pub(super) fn unit_seconds(unit: Unit) -> f64 {
    match unit {
        Unit::Second => 1.0,
        Unit::Minute => 60.0,
        Unit::Hour => 3_600.0,
        Unit::Day => 86_400.0,
        Unit::Week | Unit::Weekend => 604_800.0,
        Unit::Month => 2_592_000.0,
        Unit::Quarter => 7_776_000.0,
        Unit::Year => 31_536_000.0,
        Unit::Decade => 315_360_000.0,
        Unit::Century => 3_153_600_000.0,
    }
}

fn offset(r: Option<DateTime>, n: f64, unit: Unit, from_day: bool) -> Resolved {
    use jiff::civil::Time;
    // Precise to the next unit down: "in 7 days" to the hour, "in a week" to the day.
    let grain = match unit {
        Unit::Second | Unit::Minute => Grain::Second,
        // "in 2.5 hours" is to the second, "in 2 hours" to the minute.
        Unit::Hour if n.fract() != 0.0 => Grain::Second,
        Unit::Hour => Grain::Minute,
        Unit::Day => Grain::Hour,
        Unit::Week | Unit::Weekend | Unit::Month => Grain::Day,
        _ => Grain::Month,
    };
    // Counted from today's date ("3 years from today"): to the day.
    let grain = if from_day { Grain::Day } else { grain };
    let kind = if grain < Grain::Day {
        TimexType::Time
    } else {
        TimexType::Date
    };
    let Some(r) = r else {
        return Resolved {
            kind,
            value: None,
            grain,
            relative: true,
            impossible: false,
        };
    };
    let base = if from_day {
        r.date().to_datetime(Time::midnight())
    } else {
        r
    };
    let whole = n.fract() == 0.0 && n.abs() < 1e6;
    let at = match unit {
        Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade | Unit::Century if whole => {
            let months = n as i64
                * match unit {
                    Unit::Month => 1,
                    Unit::Quarter => 3,
                    Unit::Year => 12,
                    Unit::Decade => 120,
                    _ => 1200,
                };
            jiff::Span::new()
                .try_months(months)
                .and_then(|m| base.checked_add(m))
                .ok()
        }
        _ => {
            let secs = n * unit_seconds(unit);
            if secs.abs() > 1e11 {
                None
            } else {
                jiff::Span::new()
                    .try_seconds(secs.round() as i64)
                    .and_then(|s| base.checked_add(s))
                    .ok()
            }
        }
    };
    let value = at.map(|t| match grain {
        Grain::Second => format!(
            "{}T{:02}:{:02}:{:02}",
            fmt_day(t.date()),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Grain::Minute => format!("{}T{:02}:{:02}", fmt_day(t.date()), t.hour(), t.minute()),
        Grain::Hour => format!("{}T{:02}:00", fmt_day(t.date()), t.hour()),
        Grain::Day => fmt_day(t.date()),
        _ => format!("{:04}-{:02}", t.year(), t.month()),
    });
    Resolved {
        kind,
        value,
        grain,
        relative: true,
        impossible: false,
    }
}

/// `text` is true in running text, where the tense only leans (see `pick_year`).
pub(super) fn resolve(sem: &Sem, r: Option<DateTime>, dir: Direction, text: bool) -> Resolved {
    let rd = r.map(jiff::civil::DateTime::date);
    match sem {
        Sem::Date(date) | Sem::Time { date, .. } | Sem::PartOfDay { date, .. } => {
            let kind = if matches!(sem, Sem::Date(_)) {
                TimexType::Date
            } else {
                TimexType::Time
            };
            let Ok((day, grain, relative)) = date_value(*date, rd, dir, text) else {
                return Resolved {
                    kind,
                    value: None,
                    grain: Grain::Day,
                    relative: false,
                    impossible: true,
                };
            };
            let (value, grain) = match sem {
                Sem::Time { h, m, s, grain, .. } => {
                    let value = day.map(|d| match s {
                        Some(s) => format!("{d}T{h:02}:{m:02}:{s:02}"),
                        None => format!("{d}T{h:02}:{m:02}"),
                    });
                    (value, *grain)
                }
                Sem::PartOfDay { part, .. } => (day.map(|d| format!("{d}T{part}")), Grain::Hour),
                _ => (day, grain),
            };
            Resolved {
                kind,
                value,
                grain,
                relative,
                impossible: false,
            }
        }
        Sem::Offset { n, unit, from_day } => offset(r, *n, *unit, *from_day),
        Sem::UnitStart { unit, n } => {
            let grain = grain_of(*unit);
            let value = r.and_then(|r| {
                let (h, m, s) = match unit {
                    Unit::Hour => (r.hour(), 0, 0),
                    Unit::Minute => (r.hour(), r.minute(), 0),
                    _ => (r.hour(), r.minute(), r.second()),
                };
                let start = r.date().at(h, m, s, 0);
                let secs = i64::from(*n).saturating_mul(unit_seconds(*unit) as i64);
                let t = jiff::Span::new()
                    .try_seconds(secs)
                    .and_then(|s| start.checked_add(s))
                    .ok()?;
                let day = fmt_day(t.date());
                Some(match unit {
                    Unit::Hour => format!("{day}T{:02}:00", t.hour()),
                    Unit::Minute => format!("{day}T{:02}:{:02}", t.hour(), t.minute()),
                    _ => format!("{day}T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()),
                })
            });
            Resolved {
                kind: TimexType::Time,
                value,
                grain,
                relative: true,
                impossible: false,
            }
        }
        Sem::Duration { n, unit } => Resolved {
            kind: TimexType::Duration,
            value: Some(duration_value(*n, *unit)),
            grain: grain_of(*unit),
            relative: false,
            impossible: false,
        },
        Sem::Set(v) => Resolved {
            kind: TimexType::Set,
            value: Some(v.clone()),
            grain: Grain::Day,
            relative: false,
            impossible: false,
        },
        Sem::Ref(v) => Resolved {
            kind: TimexType::Date,
            value: Some((*v).to_string()),
            grain: Grain::Day,
            relative: true,
            impossible: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::unnecessary_wraps)] // the resolver takes an optional reference
    fn r() -> Option<Date> {
        Some(jiff::civil::date(2023, 10, 17)) // a Tuesday
    }

    #[test]
    fn weekdays_follow_tense() {
        let wd = |wd, shift, dir| {
            date_value(D::Weekday { wd, shift }, r(), dir, false)
                .unwrap()
                .0
                .unwrap()
        };
        assert_eq!(wd(2, Shift::This, Direction::Past), "2023-10-17");
        assert_eq!(wd(3, Shift::Tense, Direction::Future), "2023-10-18");
        assert_eq!(wd(3, Shift::Tense, Direction::Past), "2023-10-11");
        assert_eq!(wd(2, Shift::Tense, Direction::Past), "2023-10-17");
        assert_eq!(wd(2, Shift::Last, Direction::Past), "2023-10-10");
        assert_eq!(wd(1, Shift::Next, Direction::Past), "2023-10-23");
        assert_eq!(wd(5, Shift::Tense, Direction::Nearest), "2023-10-20");
    }

    #[test]
    fn months_follow_tense() {
        let m = |m, dir| {
            let d = D::Cal {
                y: Year::Unknown,
                m: Some(m),
                d: None,
                shift: Shift::Tense,
            };
            date_value(d, r(), dir, false).unwrap().0.unwrap()
        };
        assert_eq!(m(3, Direction::Past), "2023-03");
        assert_eq!(m(3, Direction::Future), "2024-03");
        assert_eq!(m(11, Direction::Past), "2022-11");
        assert_eq!(m(11, Direction::Nearest), "2023-11");
    }

    #[test]
    fn relative_units() {
        let v = |unit, n| {
            date_value(D::Rel { unit, n }, r(), Direction::Past, false)
                .unwrap()
                .0
                .unwrap()
        };
        assert_eq!(v(Unit::Day, -1), "2023-10-16");
        assert_eq!(v(Unit::Week, -1), "2023-W41");
        assert_eq!(v(Unit::Month, 1), "2023-11");
        assert_eq!(v(Unit::Quarter, -1), "2023-Q3");
        assert_eq!(v(Unit::Year, -10), "2013");
        assert_eq!(v(Unit::Weekend, 0), "2023-W42-WE");
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Some(3.0), Unit::Day), "P3D");
        assert_eq!(duration_value(Some(24.0), Unit::Hour), "PT24H");
        assert_eq!(duration_value(Some(1.5), Unit::Year), "P18M");
        assert_eq!(duration_value(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(None, Unit::Year), "PXY");
        assert_eq!(duration_value(Some(3.0), Unit::Quarter), "P3Q");
    }
}
