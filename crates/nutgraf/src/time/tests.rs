// A test may index what it has just checked; a panic there is a failure.
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use super::*;
use jiff::civil::date;

/// Every expression of `text` as (text, type, value), resolved against `reference`.
fn find(text: &str, reference: Date) -> Vec<(String, &'static str, String)> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    let mut out = Vec::new();
    extract(
        text,
        &tokens,
        Some(reference),
        &mut Scratch::default(),
        &mut out,
    );
    out.iter()
        .map(|t| {
            (
                t.text(text).to_string(),
                t.kind.as_str(),
                t.value.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn one(text: &str, reference: Date) -> (String, &'static str, String) {
    let got = find(text, reference);
    assert_eq!(got.len(), 1, "{text:?}: {got:?}");
    got.into_iter().next().unwrap()
}

fn t(s: &str, k: &'static str, v: &str) -> (String, &'static str, String) {
    (s.to_string(), k, v.to_string())
}

const TUE: Date = date(2023, 10, 17);

#[test]
fn weekdays_by_tense() {
    assert_eq!(
        one("Putin landed this Tuesday at the airport.", TUE),
        t("this Tuesday", "DATE", "2023-10-17")
    );
    assert_eq!(
        one(
            "The president will meet with Xi Jinping on Wednesday in Beijing.",
            TUE
        ),
        t("Wednesday", "DATE", "2023-10-18")
    );
    assert_eq!(
        one("He arrived in Beijing on Tuesday for talks.", TUE),
        t("Tuesday", "DATE", "2023-10-17")
    );
    assert_eq!(
        one("The ministry said on Friday that talks had failed.", TUE),
        t("Friday", "DATE", "2023-10-13")
    );
}

#[test]
fn months_and_dates() {
    assert_eq!(
        find("leaders met on October 17 and 18 for the forum", TUE),
        vec![
            t("October 17", "DATE", "2023-10-17"),
            t("18", "DATE", "2023-10-18")
        ]
    );
    assert_eq!(
        one("Xi visited Russia in March.", TUE),
        t("March", "DATE", "2023-03")
    );
    assert_eq!(
        one("In February 2022, just days before", TUE),
        t("February 2022", "DATE", "2022-02")
    );
    assert_eq!(
        one("on Oct. 17, 2023, the", TUE),
        t("Oct. 17, 2023", "DATE", "2023-10-17")
    );
    assert_eq!(
        one("dated 17 October 2023", TUE),
        t("17 October 2023", "DATE", "2023-10-17")
    );
    assert_eq!(
        one("filed on 2023-10-16.", TUE),
        t("2023-10-16", "DATE", "2023-10-16")
    );
    assert_eq!(
        one("in 2019, Putin surprised Xi", TUE),
        t("2019", "DATE", "2019")
    );
    assert!(find("this may include weapons", TUE).is_empty());
    assert!(find("They march on.", TUE).is_empty());
    assert!(find("for the second time", TUE).is_empty());
    assert!(find("2000 people marched", TUE).is_empty());
}

#[test]
fn relative_expressions() {
    assert_eq!(
        one("He visited Kyrgyzstan earlier this month.", TUE),
        t("earlier this month", "DATE", "2023-10")
    );
    assert_eq!(
        one("launched by Xi a decade ago", TUE),
        t("a decade ago", "DATE", "2013")
    );
    assert_eq!(
        one("Putin will arrive next week", TUE),
        t("next week", "DATE", "2023-W43")
    );
    assert_eq!(
        one("re-elected last year", TUE),
        t("last year", "DATE", "2022")
    );
    assert_eq!(
        one("the first time this year", TUE),
        t("this year", "DATE", "2023")
    );
    assert_eq!(
        one("Shares fell yesterday.", TUE),
        t("yesterday", "DATE", "2023-10-16")
    );
    assert_eq!(
        one("Prices are rising now.", TUE),
        t("now", "DATE", "PRESENT_REF")
    );
    assert_eq!(
        one("in the third quarter", TUE),
        t("the third quarter", "DATE", "2023-Q3")
    );
    assert_eq!(
        one("third-quarter profit", TUE),
        t("third-quarter", "DATE", "2023-Q3")
    );
    assert_eq!(one("in the 1990s", TUE), t("the 1990s", "DATE", "199"));
}

#[test]
fn durations_and_sets() {
    assert_eq!(
        one("a forum to mark 10 years of the initiative", TUE),
        t("10 years", "DURATION", "P10Y")
    );
    assert_eq!(
        one("a ten-year anniversary", TUE),
        t("ten-year", "DURATION", "P10Y")
    );
    assert_eq!(
        one("the past two months", TUE),
        t("the past two months", "DURATION", "P2M")
    );
    assert_eq!(
        one("in the last twenty four hours", TUE),
        t("the last twenty four hours", "DURATION", "PT24H")
    );
    assert_eq!(
        one("nearly 2 million barrels of oil daily", TUE),
        t("daily", "SET", "P1D")
    );
    assert_eq!(
        one("they meet every week", TUE),
        t("every week", "SET", "P1W")
    );
}

#[test]
fn ranges() {
    assert_eq!(
        find(
            "Putin will be in Beijing between Thursday and FridayAs reported",
            date(2024, 5, 14)
        ),
        vec![
            t("Thursday", "DATE", "2024-05-16"),
            t("Friday", "DATE", "2024-05-17")
        ]
    );
    assert_eq!(
        find("in 2009-2010", TUE),
        vec![t("2009", "DATE", "2009"), t("2010", "DATE", "2010")]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        one("at 3pm Friday", TUE),
        t("3pm Friday", "TIME", "2023-10-13T15:00")
    );
    assert_eq!(
        one("this morning", TUE),
        t("this morning", "TIME", "2023-10-17TMO")
    );
    assert_eq!(
        one("at 10:30 a.m. EST", TUE),
        t("10:30 a.m. EST", "TIME", "2023-10-17T10:30")
    );
}

#[test]
fn phrases() {
    let r = date(2013, 2, 12).at(4, 30, 0, 0);
    let p = |s: &str| parse_time(s, r, Direction::Future).and_then(|t| t.value);
    assert_eq!(p("tomorrow").as_deref(), Some("2013-02-13"));
    assert_eq!(p("March").as_deref(), Some("2013-03"));
    assert_eq!(p("on 2/15").as_deref(), Some("2013-02-15"));
    assert_eq!(p("31st Oct 1974").as_deref(), Some("1974-10-31"));
    // A phrase names an instant, to the month for years.
    assert_eq!(p("3 years ago"), Some("2010-02".into()));
    assert_eq!(p("in 7 days").as_deref(), Some("2013-02-19T04:00"));
    let d = parse_time("2 years and 3 months", r, Direction::Future).unwrap();
    assert_eq!(d.duration(), Some((27.0, "month")));
    let range = parse_time("July 13-15", r, Direction::Future).unwrap();
    assert_eq!(range.value.as_deref(), Some("2013-07-13"));
    assert_eq!(range.end_value.as_deref(), Some("2013-07-15"));
    assert!(parse_time("", r, Direction::Future).is_none());
    assert!(parse_time("secretary", r, Direction::Future).is_none());
}

#[test]
fn last_as_a_verb() {
    assert_eq!(
        one("The talks will last three days.", TUE),
        t("three days", "DURATION", "P3D")
    );
    assert_eq!(
        one("in the last three days", TUE),
        t("the last three days", "DURATION", "P3D")
    );
}

#[test]
fn range_ends_share_the_anchor() {
    let text = "on October 17 and 18";
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    let mut out = Vec::new();
    extract(text, &tokens, Some(TUE), &mut Scratch::default(), &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].anchor, Some(TUE));
    assert_eq!(out[1].anchor, Some(TUE));
}

#[test]
fn phrase_ranges_of_times() {
    let r = date(2013, 2, 12).at(4, 30, 0, 0);
    let p = |s: &str| {
        parse_time(s, r, Direction::Future).map(|t| (t.value.unwrap(), t.end_value.unwrap()))
    };
    let v = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(p("3:30-6:00pm"), v("2013-02-12T15:30", "2013-02-12T18:00"));
    assert_eq!(p("around 3-4pm"), v("2013-02-12T15:00", "2013-02-12T16:00"));
    assert_eq!(
        p("this Thu 9-11am"),
        v("2013-02-14T09:00", "2013-02-14T11:00")
    );
    assert_eq!(
        p("1pm-2pm tomorrow"),
        v("2013-02-13T13:00", "2013-02-13T14:00")
    );
    assert_eq!(
        p("later than 3:30pm but before 6pm"),
        v("2013-02-12T15:30", "2013-02-12T18:00")
    );
}

#[test]
fn phrases_counted_from_other_dates() {
    let r = date(2013, 2, 12).at(4, 30, 0, 0);
    let p = |s: &str| parse_time(s, r, Direction::Future).and_then(|t| t.value);
    assert_eq!(p("three days after Easter").as_deref(), Some("2013-04-03"));
    assert_eq!(
        p("third tuesday after christmas 2014").as_deref(),
        Some("2015-01-13")
    );
    assert_eq!(
        p("the closest Monday to Oct 5th").as_deref(),
        Some("2013-10-07")
    );
    assert_eq!(p("in 7 days at 5pm").as_deref(), Some("2013-02-19T17:00"));
    assert_eq!(
        p("the last weekend of October").as_deref(),
        Some("2013-W43-WE")
    );
    assert_eq!(p("first tuesday in october").as_deref(), Some("2013-10-01"));
    assert_eq!(p("next 3 days").as_deref(), Some("2013-02-13"));
}

#[test]
fn lunar_holidays_in_text_and_phrases() {
    let oct17 = date(2023, 10, 17);
    // The tense picks the year; the table gives the day.
    assert_eq!(
        find("Muslims marked Eid al-Adha with prayers.", oct17),
        [t("Eid al-Adha", "DATE", "2023-06-28")]
    );
    assert_eq!(
        find("Families will gather for Lunar New Year.", oct17),
        [t("Lunar New Year", "DATE", "2024-02-10")]
    );
    assert_eq!(
        find("The talks resumed after Diwali in 2019.", oct17),
        [t("Diwali in 2019", "DATE", "2019-10-27")]
    );
    // A holiday of several days gives its last day too.
    let r = date(2013, 2, 12).at(4, 30, 0, 0);
    let ramadan = parse_time("Ramadan 2018", r, Direction::Future).unwrap();
    assert_eq!(ramadan.value.as_deref(), Some("2018-05-16"));
    assert_eq!(ramadan.end_value.as_deref(), Some("2018-06-14"));
    // Lowercase words in running text are not holidays ("holi", "onam").
    assert!(find("He said the pongal was onam time.", oct17).is_empty());
}

/// Expressions of `text` without a reference date: (text, value).
fn find_unanchored(text: &str) -> Vec<(String, Option<String>)> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    let mut out = Vec::new();
    extract(text, &tokens, None, &mut Scratch::default(), &mut out);
    out.iter()
        .map(|t| (t.text(text).to_string(), t.value.clone()))
        .collect()
}

#[test]
fn impossible_dates_in_text_are_not_reported() {
    // Every order and form: read whole, not reported, nothing of them left over
    // (no "2023" alone, no "October" alone, never the year 2032).
    for s in [
        "The vote was held on February 29, 2023, officials said.",
        "The vote was held on 31 April 2024, officials said.",
        "The vote was held on October 32, 2023, officials said.",
        "The vote was held on 32 October 2023, officials said.",
        "The vote was held on Feb. 30th, 2023, officials said.",
        "It was signed on 2023-02-30 in Geneva.",
        "It was signed on 30/02/2023 in Geneva.",
        "It was signed on 02/30/2023 in Geneva.",
        "It was signed on 31.04.2023 in Geneva.",
        "It happens on the 31st of April, he said.",
        "It happens on the 32nd of October, he said.",
        "He said on June 31 that it was over.",
        "Prices rose on October 32.",
        "The summit opens Monday, February 30.",
        "The summit opened Friday, April 31, 2024, in Paris.",
        "The summit opens on April 31 at 3pm.",
        "The summit opened on February 29, 1900.",
        "Polls closed on 1900-02-29.",
    ] {
        assert_eq!(find(s, TUE), [], "{s}");
        assert_eq!(find_unanchored(s), [], "{s}");
    }
    // Without a year or a reference, a day no month has is still impossible.
    assert_eq!(find_unanchored("It ended on February 30."), []);
    // A number after a month that does not read as its day leaves the month.
    assert_eq!(
        find("In October 32 people died.", TUE),
        [t("October", "DATE", "2023-10")]
    );
}

#[test]
fn leap_days() {
    assert_eq!(
        find("The vote was held on February 29, 2024.", TUE),
        [t("February 29, 2024", "DATE", "2024-02-29")]
    );
    assert_eq!(
        find("The vote was held on February 29, 2000.", TUE),
        [t("February 29, 2000", "DATE", "2000-02-29")]
    );
    assert_eq!(
        find("It was signed on 2024-02-29 and on 29/02/2000.", TUE),
        [
            t("2024-02-29", "DATE", "2024-02-29"),
            t("29/02/2000", "DATE", "2000-02-29")
        ]
    );
    // Without a year: a leap year near the reference in the tense's direction,
    // else the year is left unknown.
    assert_eq!(
        find("They will meet on Feb. 29, officials said.", TUE),
        [t("Feb. 29", "DATE", "2024-02-29")]
    );
    assert_eq!(
        find("They met on Feb. 29, officials said.", TUE),
        [t("Feb. 29", "DATE", "XXXX-02-29")]
    );
    assert_eq!(
        find("They met on Feb. 29, officials said.", date(2024, 10, 17)),
        [t("Feb. 29", "DATE", "2024-02-29")]
    );
    assert_eq!(
        find_unanchored("They met on Feb. 29."),
        [("Feb. 29".to_string(), Some("XXXX-02-29".to_string()))]
    );
}

#[test]
fn ranges_with_an_impossible_end() {
    // In running text each end is its own expression: the real day stays.
    assert_eq!(
        find("The festival runs April 30-31 in the park.", TUE),
        [t("April 30", "DATE", "2023-04-30")]
    );
    assert_eq!(
        find("The festival runs Feb. 28 to 30 in the park.", TUE),
        [t("Feb. 28", "DATE", "2023-02-28")]
    );
    // A phrase is one expression: an impossible end makes it none.
    let r = TUE.at(9, 0, 0, 0);
    for s in [
        "April 30-31",
        "from 30 to 31 April",
        "Feb 28 - 30",
        "April 29 to 31",
    ] {
        assert_eq!(parse_time(s, r, Direction::Nearest), None, "{s}");
    }
    assert!(parse_time("April 29-30", r, Direction::Nearest).is_some());
}

#[test]
fn impossible_dates_as_phrases() {
    let r = TUE.at(9, 0, 0, 0);
    let p = |s: &str, dir| parse_time(s, r, dir).map(|t| t.value);
    for s in [
        "February 29, 2023",
        "31 April 2024",
        "October 32, 2023",
        "October 32",
        "32 October 2023",
        "October 0",
        "the 0th of May",
        "2023-02-30",
        "2023-02-29",
        "1900-02-29",
        "30/02/2023",
        "02/30/2023",
        "30.02.2023",
        "on 2/30",
        "the 31st of April",
        "the 31st day of April",
        "April 31",
        "April 31 at 3pm",
        "the morning of February 30",
        "Monday, February 30",
        "Friday, April 31, 2024",
        "February 30th, 2023",
        "the week of February 30",
        "three days after February 30",
        "the 31st of next month",
        "February 29 last year",
    ] {
        assert_eq!(p(s, Direction::Nearest), None, "{s}");
    }
    assert_eq!(
        p("February 29, 2000", Direction::Nearest),
        Some(Some("2000-02-29".into()))
    );
    assert_eq!(
        p("2024-02-29", Direction::Nearest),
        Some(Some("2024-02-29".into()))
    );
    assert_eq!(
        p("Feb 29", Direction::Future),
        Some(Some("2024-02-29".into()))
    );
    assert_eq!(
        p("Thursday, February 29", Direction::Nearest),
        Some(Some("2024-02-29".into()))
    );
    // A two-digit year is still read after an apostrophe or in day-first forms.
    assert_eq!(
        p("Oct '45", Direction::Nearest),
        Some(Some("2045-10".into()))
    );
    assert_eq!(
        p("Oct 17, 74", Direction::Nearest),
        Some(Some("1974-10-17".into()))
    );
    // "the 31st" of a month without one: the nearest month that has it.
    let nov = date(2023, 11, 15).at(9, 0, 0, 0);
    let q = |s: &str, dir| parse_time(s, nov, dir).and_then(|t| t.value);
    assert_eq!(
        q("on the 31st", Direction::Past).as_deref(),
        Some("2023-10-31")
    );
    assert_eq!(
        q("on the 31st", Direction::Nearest).as_deref(),
        Some("2023-10-31")
    );
    assert_eq!(
        q("on the 31st", Direction::Future).as_deref(),
        Some("2023-12-31")
    );
    assert_eq!(
        q("on the 15th", Direction::Past).as_deref(),
        Some("2023-11-15")
    );
    let leap = date(2025, 3, 1).at(9, 0, 0, 0);
    assert_eq!(
        parse_time("February 29 last year", leap, Direction::Nearest).and_then(|t| t.value),
        Some("2024-02-29".into())
    );
}

#[test]
fn holidays_have_real_dates() {
    let r = TUE.at(9, 0, 0, 0);
    for (s, v) in [
        ("Christmas 2024", "2024-12-25"),
        ("Easter 2024", "2024-03-31"),
        ("Thanksgiving 2023", "2023-11-23"),
        ("New Year's Eve 1900", "1900-12-31"),
    ] {
        let t = parse_time(s, r, Direction::Nearest).unwrap();
        assert_eq!(t.value.as_deref(), Some(v), "{s}");
        assert!(t.value.unwrap().parse::<Date>().is_ok());
    }
}

#[test]
fn numbers_in_addresses_are_not_times() {
    for s in [
        "The story at https://example.com/2023/10/17/story-12.html ran.",
        "The story at example.com/2023/10/17/story-12.html ran.",
        "The story at bbc.co.uk/news/2023-10-17 ran.",
        "Files at ftp://files.example.com/2023/10/17/data.csv were kept.",
        "Write to foo@bar2023.com or jane.2023-10-17@x.org for details.",
        "The file C:\\data\\2023-10-17.csv was kept.",
        "The file /home/user/2023/10/17/5pm.txt was kept.",
        "The file reports\\2023\\Q3.xlsx was kept.",
        "The file 2023-10-17.pdf was kept.",
    ] {
        assert_eq!(find(s, TUE), [], "{s}");
    }
    // What is around an address still reads.
    assert_eq!(
        find("Read example.com/2023/10/17 on Friday, he said.", TUE),
        [t("Friday", "DATE", "2023-10-13")]
    );
    let r = TUE.at(9, 0, 0, 0);
    for s in [
        "example.com/2023/10/17",
        "foo@bar2023.com",
        "C:\\2023\\10\\17",
        "/2023/10/17/x",
    ] {
        assert_eq!(parse_time(s, r, Direction::Nearest), None, "{s}");
    }
    // Dates with slashes are no paths.
    assert_eq!(
        find("It was signed on 10/17/2023 in Geneva.", TUE),
        [t("10/17/2023", "DATE", "2023-10-17")]
    );
}
