//! Scoring of Duckling's `time` and `duration` examples against
//! [`nutgraf::parse_time`].
//!
//! Duckling reads phrases for scheduling and leans to the future, so each phrase is
//! parsed with [`Direction::Future`] against the example's reference time (its
//! wall-clock part). A TIMEX3 value converts to Duckling's form here, not in the
//! library: `2013-03` is the instant `2013-03-01T00:00:00` with grain `month`,
//! `2013-W08` the Monday of that ISO week with grain `week`, `2013-Q2` the first
//! day of the quarter; a range's end is exclusive at its grain, as Duckling's is.

use jiff::civil::{Date, DateTime};
use nutgraf::time::{parse_time_zoned, Direction, Grain, TimeExpression, TimexType};
use serde_json::Value;

use crate::duckling::Example;

/// Does nutgraf read `ex` (a `time` or `duration` example) as Duckling does?
/// Also returns what nutgraf read, for the error listing.
pub fn check(ex: &Example) -> (bool, String) {
    let Some(reference) = reference(&ex.reference_time) else {
        return (false, format!("bad reference time {:?}", ex.reference_time));
    };
    let offset = ref_offset(&ex.reference_time).unwrap_or(jiff::tz::Offset::UTC);
    let t = parse_time_zoned(&ex.text, reference, offset, Direction::Future);
    let got = t.as_ref().map_or_else(|| "nothing".to_string(), describe);
    let expected = &ex.expected;
    if ex.corpus == "negative" || expected.is_null() {
        let parsed_as_dimension = t
            .as_ref()
            .is_some_and(|t| (ex.dimension == "duration") == (t.kind == TimexType::Duration));
        return (!parsed_as_dimension, got);
    }
    let Some(t) = t else { return (false, got) };
    let ok = match ex.dimension.as_str() {
        "duration" => duration_matches(&t, expected),
        _ => time_matches(&t, expected, reference),
    };
    (ok, got)
}

fn describe(t: &TimeExpression) -> String {
    let mut s = format!(
        "{} {} grain {}",
        t.kind.as_str(),
        t.value.as_deref().unwrap_or("-"),
        t.grain.as_str()
    );
    if let Some(e) = &t.end_value {
        s.push_str(" to ");
        s.push_str(e);
    }
    s
}

/// The UTC offset of `2013-02-12T04:30:00-02:00`.
fn ref_offset(s: &str) -> Option<jiff::tz::Offset> {
    let tail = s.get(19..)?;
    let sign = match tail.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i32 = tail.get(1..3)?.parse().ok()?;
    let m: i32 = tail.get(4..6)?.parse().ok()?;
    jiff::tz::Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

/// The wall-clock part of `2013-02-12T04:30:00-02:00`.
fn reference(s: &str) -> Option<DateTime> {
    s.get(..19)?.parse().ok()
}

fn duration_matches(t: &TimeExpression, expected: &Value) -> bool {
    let Some((n, unit)) = t.duration() else {
        return false;
    };
    let (Some(en), Some(eu)) = (expected["value"].as_f64(), expected["unit"].as_str()) else {
        return false;
    };
    // Compare in seconds: Duckling normalizes "1.5 hrs" to 90 minutes, "a month and
    // a half" to 45 days.
    match (seconds(unit), seconds(eu)) {
        (Some(a), Some(b)) => (n * a - en * b).abs() < 0.5,
        _ => false,
    }
}

fn seconds(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3_600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        "month" => 2_592_000.0,
        "quarter" => 7_776_000.0,
        "year" => 31_536_000.0,
        "decade" => 315_360_000.0,
        _ => return None,
    })
}

/// Duckling's grain names.
fn grain_name(g: Grain) -> &'static str {
    match g {
        Grain::Second => "second",
        Grain::Minute => "minute",
        Grain::Hour => "hour",
        Grain::Day => "day",
        Grain::Week => "week",
        Grain::Month => "month",
        Grain::Quarter => "quarter",
        _ => "year",
    }
}

/// A TIMEX3 value as Duckling's instant: (`YYYY-MM-DDTHH:MM:SS`, grain), the
/// start of the period the value names.
fn instant(value: &str, grain: Grain) -> Option<(DateTime, &'static str)> {
    let b = value.as_bytes();
    let year: i16 = value.get(..4)?.parse().ok()?;
    let date = |m: i8, d: i8| Date::new(year, m, d).ok();
    if b.len() == 4 {
        return Some((date(1, 1)?.at(0, 0, 0, 0), "year"));
    }
    if let Some(rest) = value.strip_prefix(&value[..5]) {
        if let Some(w) = rest.strip_prefix('W') {
            let week: i8 = w.get(..2)?.parse().ok()?;
            let monday = jiff::civil::ISOWeekDate::new(year, week, jiff::civil::Weekday::Monday)
                .ok()?
                .date();
            return Some((monday.at(0, 0, 0, 0), "week"));
        }
        if let Some(q) = rest.strip_prefix('Q') {
            let q: i8 = q.parse().ok()?;
            return Some((date(q * 3 - 2, 1)?.at(0, 0, 0, 0), "quarter"));
        }
    }
    let month: i8 = value.get(5..7)?.parse().ok()?;
    if b.len() == 7 {
        return Some((date(month, 1)?.at(0, 0, 0, 0), "month"));
    }
    let day: i8 = value.get(8..10)?.parse().ok()?;
    let d = date(month, day)?;
    if b.len() == 10 {
        return Some((d.at(0, 0, 0, 0), "day"));
    }
    let time = value.get(11..)?;
    let h: i8 = time.get(..2)?.parse().ok()?;
    let mi: i8 = time.get(3..5).map_or(Some(0), |m| m.parse().ok())?;
    let s: i8 = time.get(6..8).map_or(Some(0), |m| m.parse().ok())?;
    Some((d.at(h, mi, s, 0), grain_name(grain)))
}

/// The exclusive end of the period starting at `start` with `grain`.
fn after(start: DateTime, grain: &str) -> Option<DateTime> {
    use jiff::ToSpan;
    let span = match grain {
        "second" => 1.second(),
        "minute" => 1.minute(),
        "hour" => 1.hour(),
        "day" => 1.day(),
        "week" => 1.week(),
        "month" => 1.month(),
        "quarter" => 3.months(),
        _ => 1.year(),
    };
    start.checked_add(span).ok()
}

/// Duckling's interval for a single TIMEX3 value, by Duckling's conventions:
/// morning 0-12h, afternoon 12-19h, evening and night 18-24h, a weekend from
/// Friday 18h to Monday, the start of a month its first ten days and the end
/// from the 21st, the start of a year its first quarter and the end from
/// September, the start of a week Monday to Wednesday.
fn implied_interval(value: &str, t: &TimeExpression) -> Option<(DateTime, DateTime, &'static str)> {
    use jiff::ToSpan;
    use nutgraf::time::TimexMod;
    if let Some((day, part)) = value.split_once('T') {
        let (h0, h1) = match part {
            "MO" => (0, 12),
            "AF" => (12, 19),
            "EV" | "NI" => (18, 24),
            "MI" => (12, 14),
            _ => return None,
        };
        let (d, _) = instant(day, Grain::Day)?;
        let h0 = if t.modifier == Some(TimexMod::End) {
            h1 - 3
        } else {
            h0
        };
        // An early morning ends at 9.
        let h1 = if t.modifier == Some(TimexMod::Start) && part == "MO" {
            9
        } else {
            h1
        };
        return Some((
            d.checked_add(h0.hours()).ok()?,
            d.checked_add(h1.hours()).ok()?,
            "hour",
        ));
    }
    // Seasons, as Duckling bounds them.
    if let Some((year, code)) = value.split_once('-') {
        let y: i16 = year.parse().ok()?;
        let d = |y: i16, m: i8, d: i8| Date::new(y, m, d).ok().map(|x| x.at(0, 0, 0, 0));
        let bounds = match code {
            "SP" => Some((d(y, 3, 20)?, d(y, 6, 21)?)),
            "SU" => Some((d(y, 6, 21)?, d(y, 9, 24)?)),
            "FA" => Some((d(y, 9, 23)?, d(y, 12, 20)?)),
            "WI" => Some((d(y, 12, 21)?, d(y + 1, 3, 19)?)),
            _ => None,
        };
        if let Some((from, to)) = bounds {
            return Some((from, to, "day"));
        }
    }
    if let Some(week) = value.strip_suffix("-WE") {
        let (monday, _) = instant(week, Grain::Week)?;
        let from = monday
            .checked_add(4.days())
            .ok()?
            .checked_add(18.hours())
            .ok()?;
        return Some((from, monday.checked_add(7.days()).ok()?, "hour"));
    }
    let (start, grain) = instant(value, t.grain)?;
    let end = after(start, grain)?;
    match (t.modifier, grain) {
        (Some(TimexMod::Start), "month") => {
            Some((start, start.checked_add(10.days()).ok()?, "day"))
        }
        (Some(TimexMod::End), "month") => Some((start.checked_add(20.days()).ok()?, end, "day")),
        (Some(TimexMod::Start), "year") => {
            Some((start, start.checked_add(3.months()).ok()?, "month"))
        }
        (Some(TimexMod::End), "year") => Some((start.checked_add(8.months()).ok()?, end, "month")),
        (Some(TimexMod::Start), "week") => Some((start, start.checked_add(3.days()).ok()?, "day")),
        (Some(TimexMod::End), "week") => Some((start.checked_add(4.days()).ok()?, end, "day")),
        _ => None,
    }
}

fn time_matches(t: &TimeExpression, expected: &Value, reference: DateTime) -> bool {
    if t.kind == TimexType::Duration {
        return false;
    }
    let Some(value) = t.value.as_deref() else {
        return false;
    };
    let fmt = |d: DateTime| d.strftime("%Y-%m-%dT%H:%M:%S").to_string();
    match expected["type"].as_str() {
        // "now", "just now": the reference itself.
        Some("value") if value == "PRESENT_REF" => {
            expected["value"].as_str() == Some(fmt(reference).as_str())
                && expected["grain"].as_str() == Some("second")
        }
        Some("value") => {
            let Some((start, grain)) = instant(value, t.grain) else {
                return false;
            };
            t.end_value.is_none()
                && expected["value"].as_str() == Some(fmt(start).as_str())
                && expected["grain"].as_str() == Some(grain)
        }
        Some("interval") if expected["open"].is_string() => {
            use nutgraf::time::TimexMod;
            let Some((start, grain)) = instant(value, t.grain) else {
                return false;
            };
            let side = match t.modifier {
                Some(TimexMod::After | TimexMod::OnOrAfter) => "after",
                Some(TimexMod::Before | TimexMod::OnOrBefore) => "before",
                _ => return false,
            };
            let key = if side == "after" { "from" } else { "to" };
            expected["open"].as_str() == Some(side)
                && expected[key].as_str() == Some(fmt(start).as_str())
                && expected["grain"].as_str() == Some(grain)
        }
        // "by X": Duckling's closed interval from the reference to X (the instant
        // for a time of day, the end of the period for a date).
        Some("interval")
            if t.end_value.is_none()
                && t.modifier == Some(nutgraf::time::TimexMod::OnOrBefore)
                && expected["from"].as_str() == Some(fmt(reference).as_str()) =>
        {
            let Some((start, grain)) = instant(value, t.grain) else {
                return false;
            };
            let to = if value.contains('T') {
                Some(start)
            } else {
                let end_mod = implied_interval(value, t).map(|(_, to, _)| to);
                end_mod.or_else(|| after(start, grain))
            };
            let Some(to) = to else { return false };
            expected["to"].as_str() == Some(fmt(to).as_str())
                && expected["grain"].as_str() == Some("second")
        }
        Some("interval") if t.end_value.is_none() => {
            // One TIMEX3 value Duckling reads as an interval: a part of the day, a
            // weekend, the start or end of a month, year or week.
            let Some((from, to, grain)) = implied_interval(value, t) else {
                return false;
            };
            expected["from"].as_str() == Some(fmt(from).as_str())
                && expected["to"].as_str() == Some(fmt(to).as_str())
                && expected["grain"].as_str() == Some(grain)
        }
        Some("interval") => {
            let Some((start, grain)) = instant(value, t.grain) else {
                return false;
            };
            let Some(end) = t.end_value.as_deref() else {
                return false;
            };
            let Some((end_start, end_grain)) = instant(end, t.grain) else {
                return false;
            };
            let Some(to) = after(end_start, end_grain) else {
                return false;
            };
            expected["from"].as_str() == Some(fmt(start).as_str())
                && expected["to"].as_str() == Some(fmt(to).as_str())
                && expected["grain"].as_str() == Some(grain)
        }
        _ => false,
    }
}
