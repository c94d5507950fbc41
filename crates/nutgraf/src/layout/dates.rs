//! Dates a page states about itself: "Published" lines, date lines, datelines.
// No input may panic: text is sliced with `str::get` (or cut at ASCII bytes with
// `split_at_checked`) and lists are read with `get` or slice patterns.
#![deny(clippy::string_slice, clippy::indexing_slicing)]

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// A full calendar date in the common English and ISO forms.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?ix)
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:
            {MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)
          | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{mon2}\.?,?\s+(?P<y2>(?:19|20)\d\d)
          | (?P<y3>(?:19|20)\d\d)[-/.](?P<m3>\d{{1,2}})[-/.](?P<d3>\d{{1,2}})(?:T|(?-u:\b))
          | (?P<a4>\d{{1,2}})[/.](?P<b4>\d{{1,2}})[/.](?P<y4>(?:19|20)\d\d)(?-u:\b)
        )",
        mon2 = MONTH
            .replace("?P<mon>", "?P<mon2>")
            .trim_end_matches(r"\.?"),
    );
    Regex::new(&p).expect("date pattern compiles")
});

/// Words that introduce the publication date.
static PUBLISHED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:first\s+)?(?:published|posted|publicado|publié|veröffentlicht)(?:\s+on|\s+at)?|date(?:d)?|released)(?-u:\b)\s*:?")
        .expect("cue compiles")
});

static UPDATED_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:last\s+)?(?:updated|modified|actualizado|mis à jour)(?:\s+on|\s+at)?(?-u:\b)\s*:?",
    )
    .expect("cue compiles")
});

/// A clock time ("5:50", "14.32", "4: 59" as tokenized text writes it).
const CLOCK: &str = r"\d{1,2}(?::\s?|\.)\d{2}";
/// "am", "p.m.", "p. m.".
const MERIDIEM: &str = r"[ap]\.?\s?m\.?";

/// What is left of a date line once the date is removed: times, zones, separators.
static DATE_LINE_REST: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?ix)^[\s,|/•·–—-]*(?:(?:at\s+)?{CLOCK}(?:\s*{MERIDIEM})?|{MERIDIEM}|(?-u:\b)[A-Z]{{2,4}}(?-u:\b)|(?-u:\b)UTC(?:[+-]\d+)?|(?-u:\b)GMT(?:[+-]\d+)?|(?-u:\b)et(?-u:\b)|(?-u:\b)pt(?-u:\b)|(?-u:\b)ist(?-u:\b)|(?-u:\b)hrs?(?-u:\b)|[\s,|/•·–—()-]+)*$"
    );
    Regex::new(&p).expect("rest compiles")
});

/// A line holding only a time ("5:50 PM", "Updated 14:32 GMT").
static TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?i)^(?:(?:last\s+)?updated:?\s*)?{CLOCK}\s*(?:{MERIDIEM})?\s*(?:[a-z]{{2,4}})?$"
    );
    Regex::new(&p).expect("time line compiles")
});

/// A story dateline: "BEIJING, Oct 17 (Reuters) -", "WASHINGTON (AP) —".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let p = format!(
        r"(?x)^
        (?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){{0,3}}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)
        (?:,?\s+(?P<date>(?i:{MONTH})\s+\d{{1,2}}(?:,\s+(?:19|20)\d\d)?|(?:19|20)\d\d-\d\d-\d\d))?
        (?:\s*\((?P<agency>[A-Z][\w .&/-]{{1,40}})\))?
        \s*(?:--|-|–|—|:)\s+"
    );
    Regex::new(&p).expect("dateline compiles")
});

/// A dateline standing alone on its line: "LONDON 1996-08-30".
static DATELINE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})\s+(?P<date>(?:19|20)\d\d-\d\d-\d\d)$")
        .expect("dateline line compiles")
});

fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_ascii_lowercase();
    let m = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn make(y: &str, m: i8, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m, d.parse().ok()?).ok()
}

/// The first full date in `line`, with its byte range.
pub(super) fn find_date(line: &str) -> Option<(Date, usize, usize)> {
    // Every form has a four-digit year: skip the regex on lines without one.
    if !line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return None;
    }
    for caps in DATE.captures_iter(line) {
        let whole = caps.get(0)?;
        let date = if let (Some(mon), Some(d), Some(y)) =
            (caps.name("mon"), caps.name("d1"), caps.name("y1"))
        {
            make(y.as_str(), month_number(mon.as_str())?, d.as_str())
        } else if let (Some(d), Some(mon), Some(y)) =
            (caps.name("d2"), caps.name("mon2"), caps.name("y2"))
        {
            make(y.as_str(), month_number(mon.as_str())?, d.as_str())
        } else if let (Some(y), Some(m), Some(d)) =
            (caps.name("y3"), caps.name("m3"), caps.name("d3"))
        {
            make(y.as_str(), m.as_str().parse().ok()?, d.as_str())
        } else if let (Some(a), Some(b), Some(y)) =
            (caps.name("a4"), caps.name("b4"), caps.name("y4"))
        {
            // Numeric day/month order is ambiguous; take it only when one part can't be a month.
            let (a_n, b_n): (i8, i8) = (a.as_str().parse().ok()?, b.as_str().parse().ok()?);
            match (a_n > 12, b_n > 12) {
                (true, false) => make(y.as_str(), b_n, a.as_str()),
                (false, true) => make(y.as_str(), a_n, b.as_str()),
                _ => None,
            }
        } else {
            None
        };
        if let Some(date) = date {
            return Some((date, whole.start(), whole.end()));
        }
    }
    None
}

/// How a line states a date about the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateLine {
    /// "Published: Nov. 19, 2019" or a bare date line: the publication date.
    Published(Date),
    /// "Updated Nov. 20, 2019": a later date, used only when nothing else is stated.
    Updated(Date),
    /// A time with no date ("5:50 PM").
    TimeOnly,
}

/// Read a short line that holds nothing but a (cued) date or time.
pub(super) fn date_line(line: &str) -> Option<DateLine> {
    if line.len() > 90 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if TIME_LINE.is_match(line) {
        return Some(DateLine::TimeOnly);
    }
    let (updated, rest) = if let Some(m) = PUBLISHED_CUE.find(line) {
        (false, line.get(m.end()..)?)
    } else if let Some(m) = UPDATED_CUE.find(line) {
        (true, line.get(m.end()..)?)
    } else {
        (false, line)
    };
    let (date, s, e) = find_date(rest)?;
    let (before, after) = (rest.get(..s)?, rest.get(e..)?);
    if !DATE_LINE_REST.is_match(before) || !DATE_LINE_REST.is_match(after) {
        return None;
    }
    Some(if updated {
        DateLine::Updated(date)
    } else {
        DateLine::Published(date)
    })
}

/// A dateline at the start of a paragraph, as byte ranges into `para`.
#[derive(Debug, Clone, Copy)]
pub(super) struct DatelineMatch {
    pub end: usize,
    pub place: (usize, usize),
    pub date: Option<Date>,
    pub agency: Option<(usize, usize)>,
}

/// Match a dateline at the start of `para` ("BEIJING, Oct 17 (Reuters) - ...").
pub(super) fn dateline_prefix(para: &str) -> Option<DatelineMatch> {
    let caps = DATELINE.captures(para)?;
    let place = caps.name("place")?;
    // The place must be written in capitals (at least three letters of them).
    let head = place.as_str().split(',').next().unwrap_or("");
    if head.chars().filter(char::is_ascii_uppercase).count() < 3 {
        return None;
    }
    let whole = caps.get(0)?;
    let date = caps
        .name("date")
        .and_then(|d| find_date(d.as_str()).map(|x| x.0));
    Some(DatelineMatch {
        end: whole.end(),
        place: (place.start(), place.end()),
        date,
        agency: caps.name("agency").map(|a| (a.start(), a.end())),
    })
}

/// A line that is only a dateline ("LONDON 1996-08-30"): place range and date.
pub(super) fn dateline_line(line: &str) -> Option<((usize, usize), Option<Date>)> {
    let caps = DATELINE_LINE.captures(line)?;
    let place = caps.name("place")?;
    Some((
        (place.start(), place.end()),
        caps.name("date")
            .and_then(|d| find_date(d.as_str()))
            .map(|x| x.0),
    ))
}

/// A date in a web address's path, as news sites write them
/// (`/2011/01/05/`, `/2012/7/7/`, `/2009/Feb/02/`, `/2009-02-03-williams`),
/// with its byte range in `url`. The host, the query and the fragment are not
/// read; a year must be 1990 to 2099 and the date must exist. A year and
/// month alone (`/2013/09/`) or eight digits run together (an article number
/// as often as a date) give nothing.
pub(crate) fn url_date(url: &str) -> Option<(Date, usize, usize)> {
    let t = url.trim_end();
    let after_scheme = t.find("://").map_or(0, |i| i + 3);
    // The path starts at the first "/" after the host.
    let path_start = after_scheme + t.get(after_scheme..)?.find('/')?;
    let path_end = t
        .get(path_start..)?
        .find(['?', '#'])
        .map_or(t.len(), |i| path_start + i);
    let path = t.get(path_start..path_end)?;
    let caps = URL_DATE.captures(path)?;
    let whole = caps.get(0)?;
    let y = caps.name("y")?.as_str();
    let m: i8 = match caps.name("m").or_else(|| caps.name("m2")) {
        Some(m) => m.as_str().parse().ok()?,
        None => month_number(caps.name("mon")?.as_str())?,
    };
    let d = caps.name("d").or_else(|| caps.name("d2"))?.as_str();
    let date = make(y, m, d)?;
    // The match includes the separators on either side: report the date alone.
    let inner = whole.as_str();
    let lead = inner.len() - inner.trim_start_matches(['/', '-', '_']).len();
    let trail = inner.len() - inner.trim_end_matches(['/', '-', '_']).len();
    let start = path_start + whole.start() + lead;
    let end = path_start + whole.end() - trail;
    Some((date, start, end))
}

/// `/YYYY/MM/DD/`, `/YYYY/Mon/DD/` or `YYYY-MM-DD` between separators.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        [/_-](?P<y>(?:199|20\d)\d)
        (?:
            / (?:(?P<m>\d{1,2}) | (?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*) / (?P<d>\d{1,2}) (?:[/_.-]|$)
          | - (?P<m2>\d{2}) - (?P<d2>\d{2}) (?:[/_.-]|$)
        )",
    )
    .expect("url date pattern compiles")
});

#[cfg(test)]
// A test may slice what it has just checked; a panic there is a failure.
#[allow(clippy::indexing_slicing, clippy::string_slice)]
mod tests {

    #[test]
    fn dates_in_web_addresses() {
        let date = |u: &str| url_date(u).map(|(d, s, e)| (d.to_string(), u[s..e].to_owned()));
        let some = |d: &str, t: &str| Some((d.to_owned(), t.to_owned()));
        // A year and month alone.
        assert_eq!(
            date("http://voices.washingtonpost.com/early-lead/2011/01/new_orleans_saints"),
            None
        );
        assert_eq!(
            date("http://profootballtalk.nbcsports.com/2011/01/05/pierre-thomas-is-headed/"),
            some("2011-01-05", "2011/01/05")
        );
        assert_eq!(
            date("http://www.badlefthook.com/2012/7/7/3143743/klitschko-vs-thompson"),
            some("2012-07-07", "2012/7/7")
        );
        assert_eq!(
            date("http://www.utsandiego.com/news/2009/Feb/02/bn02jamal/"),
            some("2009-02-02", "2009/Feb/02")
        );
        assert_eq!(
            date("https://usatoday30.usatoday.com/sports/2009-02-03-williams-dui_N.htm"),
            some("2009-02-03", "2009-02-03")
        );
        assert_eq!(date("https://example.com/2013/02/30/no-such-day"), None);
        assert_eq!(date("https://example.com/news/20130926/story"), None);
        assert_eq!(date("https://example.com/a?from=2013/09/26/"), None);
        assert_eq!(date("https://2013.example.com/x"), None);
        assert_eq!(date("https://example.com/1789/07/14/bastille"), None);
        assert_eq!(date("not a url at all 2013/09/26/"), None);
    }
    use super::*;
    use jiff::civil::date;

    #[test]
    fn dates_in_lines() {
        assert_eq!(
            find_date("Nov. 19, 2019").map(|d| d.0),
            Some(date(2019, 11, 19))
        );
        assert_eq!(
            find_date("Tuesday 17 October 2023 08:00").map(|d| d.0),
            Some(date(2023, 10, 17))
        );
        assert_eq!(
            find_date("2023-10-17T08:00").map(|d| d.0),
            Some(date(2023, 10, 17))
        );
        assert_eq!(
            find_date("19/11/2019").map(|d| d.0),
            Some(date(2019, 11, 19))
        );
        assert_eq!(find_date("03/04/2019"), None);
        assert_eq!(find_date("in March, 2017 and 2019"), None);
    }

    #[test]
    fn impossible_dates_in_lines() {
        for line in [
            "February 29, 2023",
            "Feb. 30, 2024",
            "31 April 2024",
            "Tuesday 31st of April 2024 08:00",
            "2023-02-29",
            "2023-02-30T08:00",
            "1900/02/29",
            "30/02/2023",
            "31.04.2023",
            "October 32, 2023",
        ] {
            assert_eq!(find_date(line), None, "{line}");
            assert_eq!(date_line(line), None, "{line}");
            assert_eq!(date_line(&format!("Published: {line}")), None, "{line}");
        }
        // Leap days of leap years are real.
        for (line, d) in [
            ("February 29, 2024", date(2024, 2, 29)),
            ("29 Feb 2000", date(2000, 2, 29)),
            ("2024-02-29T08:00", date(2024, 2, 29)),
            ("29/02/2024", date(2024, 2, 29)),
        ] {
            assert_eq!(find_date(line).map(|x| x.0), Some(d), "{line}");
            assert_eq!(date_line(line), Some(DateLine::Published(d)), "{line}");
        }
        // An impossible date does not hide a real one after it, but a line
        // holding both is no date line.
        assert_eq!(
            find_date("Feb. 30, 2023 or March 3, 2023").map(|x| x.0),
            Some(date(2023, 3, 3))
        );
        assert_eq!(date_line("Feb. 30, 2023 or March 3, 2023"), None);
        // Datelines: the place is kept, an impossible date is not.
        assert_eq!(dateline_line("LONDON 1996-02-30"), Some(((0, 6), None)));
        assert_eq!(
            dateline_line("LONDON 1996-02-29"),
            Some(((0, 6), Some(date(1996, 2, 29))))
        );
        let p = "BEIJING, Feb 30, 2023 (Reuters) - Officials said";
        let m = dateline_prefix(p).unwrap();
        assert_eq!(m.date, None);
        assert_eq!(&p[m.place.0..m.place.1], "BEIJING");
        let p = "BEIJING, Feb 29, 2024 (Reuters) - Officials said";
        assert_eq!(dateline_prefix(p).unwrap().date, Some(date(2024, 2, 29)));
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("Nov. 19, 2019"),
            Some(DateLine::Published(date(2019, 11, 19)))
        );
        assert_eq!(
            date_line("Published: October 17, 2023 at 5:50 PM ET"),
            Some(DateLine::Published(date(2023, 10, 17)))
        );
        assert_eq!(
            date_line("Updated 17 Oct 2023, 10:02 GMT"),
            Some(DateLine::Updated(date(2023, 10, 17)))
        );
        assert_eq!(date_line("5:50 PM"), Some(DateLine::TimeOnly));
        // Tokenized text (a space after the colon, "p. m.").
        assert_eq!(
            date_line("First Published: June 13, 2013 4: 59 PM EDT"),
            Some(DateLine::Published(date(2013, 6, 13)))
        );
        assert_eq!(
            date_line("May 2, 2013, 1: 12 p. m. ET"),
            Some(DateLine::Published(date(2013, 5, 2)))
        );
        assert_eq!(
            date_line("Updated 4: 08 p. m. ET"),
            Some(DateLine::TimeOnly)
        );
        assert_eq!(
            date_line("Putin visited China on October 17, 2023 to meet Xi."),
            None
        );
        assert_eq!(date_line("He arrived at 4: 59 on May 2, 2013."), None);
    }

    #[test]
    fn datelines() {
        let p = "BEIJING, Oct 17 (Reuters) - Russian President Vladimir Putin arrived";
        let m = dateline_prefix(p).unwrap();
        assert_eq!(&p[..m.end], "BEIJING, Oct 17 (Reuters) - ");
        assert_eq!(&p[m.place.0..m.place.1], "BEIJING");
        assert_eq!(m.date, None);
        let a = m.agency.unwrap();
        assert_eq!(&p[a.0..a.1], "Reuters");
        let p = "WASHINGTON (AP) — The Senate voted";
        assert_eq!(&p[..dateline_prefix(p).unwrap().end], "WASHINGTON (AP) — ");
        assert!(dateline_prefix("The Senate voted - again").is_none());
        assert!(dateline_prefix("US - China talks resume").is_none());
        assert_eq!(
            dateline_line("LONDON 1996-08-30").unwrap().1,
            Some(date(1996, 8, 30))
        );
    }
}
