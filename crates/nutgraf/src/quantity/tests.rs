//! Tests of the quantity reader on news phrasings.

// Duckling's examples use 3.14 as an amount of money.
#![allow(clippy::approx_constant)]
// Exact values are the point of several assertions (no float noise).
#![allow(clippy::float_cmp)]
// A test may index what it has just checked; a panic there is a failure.
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use super::{extract, parse_quantity, Bound, Quantity, QuantityKind};
use crate::segment;
use crate::span::Span;

use QuantityKind::{Count, Money, Ordinal, Percent};

fn q(s: &str) -> Quantity {
    parse_quantity(s).unwrap_or_else(|| panic!("{s:?} did not parse"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn check(s: &str, kind: QuantityKind, value: f64, unit: Option<&str>) {
    let got = q(s);
    assert_eq!(got.kind, kind, "{s}: {got:?}");
    assert!(
        close(got.value, value),
        "{s}: value {} != {value}",
        got.value
    );
    assert_eq!(got.unit.as_deref(), unit, "{s}: {got:?}");
}

/// Every quantity of `text` taken as one sentence: (text, kind, value, unit).
fn found(text: &str) -> Vec<(String, QuantityKind, f64, Option<String>)> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    let mut out = Vec::new();
    extract(text, &tokens, &mut out);
    out.into_iter()
        .map(|q| {
            (
                q.span.slice(text).to_owned(),
                q.kind,
                q.value,
                q.unit.map(std::borrow::Cow::into_owned),
            )
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|f| f.0).collect()
}

#[test]
fn money() {
    check("$240 billion", Money, 240e9, Some("USD"));
    check("$190 million", Money, 190e6, Some("USD"));
    check("US$4.7 billion", Money, 4.7e9, Some("USD"));
    check("a US$4.7 billion", Money, 4.7e9, Some("USD"));
    check("€40", Money, 40.0, Some("EUR"));
    check("£2.5bn", Money, 2.5e9, Some("GBP"));
    check("$5m", Money, 5e6, Some("USD"));
    check("$10K", Money, 1e4, Some("USD"));
    check("10$", Money, 10.0, Some("USD"));
    check("ten dollars", Money, 10.0, Some("USD"));
    check("a dollar", Money, 1.0, Some("USD"));
    check("3 yuan", Money, 3.0, Some("CNY"));
    check("500 million yuan", Money, 500e6, Some("CNY"));
    check("2 billion rubles", Money, 2e9, Some("RUB"));
    check("20 Euros", Money, 20.0, Some("EUR"));
    check("USD3.14", Money, 3.14, Some("USD"));
    check("3.14US$", Money, 3.14, Some("USD"));
    check("GBP 3.01", Money, 3.01, Some("GBP"));
    check("Rs. 20", Money, 20.0, Some("INR"));
    check("20Rs", Money, 20.0, Some("INR"));
    check("four crore rupees", Money, 4e7, Some("INR"));
    check("42 kuwaiti Dinar", Money, 42.0, Some("KWD"));
    check("10 dinars", Money, 10.0, Some("dinar"));
    check("42 malaysia ringgits", Money, 42.0, Some("MYR"));
    check("RM42", Money, 42.0, Some("MYR"));
    check("ringgit 42", Money, 42.0, Some("MYR"));
    check("10 Canadian dollars", Money, 10.0, Some("CAD"));
    check("HK$3 billion", Money, 3e9, Some("HKD"));
    check("5 million Hong Kong dollars", Money, 5e6, Some("HKD"));
    check("10 million pounds", Money, 10e6, Some("GBP"));
    check("10 cents", Money, 0.1, Some("USD"));
    check("50p", Money, 0.5, Some("GBP"));
    check("$20 and 43 cents", Money, 20.43, Some("USD"));
    check("$20 43", Money, 20.43, Some("USD"));
    check("3 GBP 1 pence", Money, 3.01, Some("GBP"));
    check("US$3 and fourteen", Money, 3.14, Some("USD"));
    check("around 42 bucks", Money, 42.0, None);
    assert!(q("around 42 bucks").approximate);
}

#[test]
fn money_ranges_and_bounds() {
    let r = q("$10-12 billion");
    assert_eq!((r.value, r.value_max), (10e9, Some(12e9)));
    let r = q("about $10-$20");
    assert_eq!(
        (r.value, r.value_max, r.approximate),
        (10.0, Some(20.0), true)
    );
    let r = q("10-20 dollars");
    assert_eq!((r.value, r.value_max), (10.0, Some(20.0)));
    let r = q("from 10 to 20 dollars");
    assert_eq!((r.value, r.value_max), (10.0, Some(20.0)));
    let r = q("between $5 million and $7 million");
    assert_eq!((r.value, r.value_max), (5e6, Some(7e6)));
    let r = q("under seven euros");
    assert_eq!((r.value, r.bound), (7.0, Some(Bound::LessThan)));
    let r = q("at most 7€");
    assert_eq!(
        (r.value, r.bound, r.unit.as_deref()),
        (7.0, Some(Bound::AtMost), Some("EUR"))
    );
    let r = q("more than 1 dollar and forty-two cents");
    assert!(close(r.value, 1.42));
    assert_eq!(r.bound, Some(Bound::MoreThan));
    let r = q("above a dollar and 42 cents");
    assert!(close(r.value, 1.42));
    let r = q("up to $2 billion");
    assert_eq!(r.bound, Some(Bound::AtMost));
}

#[test]
fn percents() {
    check("5%", Percent, 5.0, Some("%"));
    check("5.5 percent", Percent, 5.5, Some("%"));
    check("12 per cent", Percent, 12.0, Some("%"));
    check(
        "three percentage points",
        Percent,
        3.0,
        Some("percentage point"),
    );
    let r = q("between 5% and 7%");
    assert_eq!((r.value, r.value_max), (5.0, Some(7.0)));
    let r = q("10-15%");
    assert_eq!((r.value, r.value_max), (10.0, Some(15.0)));
}

#[test]
fn counts() {
    check("130 countries", Count, 130.0, Some("countries"));
    check(
        "two neighboring countries",
        Count,
        2.0,
        Some("neighboring countries"),
    );
    check(
        "2 million barrels of oil",
        Count,
        2e6,
        Some("barrels of oil"),
    );
    check("a dozen eggs", Count, 12.0, Some("eggs"));
    check(
        "5,000 Russian troops",
        Count,
        5000.0,
        Some("Russian troops"),
    );
    check("one person", Count, 1.0, Some("person"));
    check("three men", Count, 3.0, Some("men"));
    check("3", Count, 3.0, None);
    check("a couple of", Count, 2.0, None);
    check("-504", Count, -504.0, None);
    check(
        "minus three million two hundred thousand",
        Count,
        -3.2e6,
        None,
    );
    check("1/5", Count, 0.2, None);
    let r = q("nearly 2 million barrels of oil a day");
    assert_eq!((r.approximate, r.per.as_deref()), (true, Some("day")));
    let r = q("more than 130 countries");
    assert_eq!(r.bound, Some(Bound::MoreThan));
    let r = q("dozens of people");
    assert!(r.approximate);
    assert_eq!(r.unit.as_deref(), Some("people"));
    let r = q("10 or more people");
    assert_eq!(
        (r.bound, r.unit.as_deref()),
        (Some(Bound::AtLeast), Some("people"))
    );
}

#[test]
fn ordinals() {
    check("third", Ordinal, 3.0, None);
    check("25th", Ordinal, 25.0, None);
    check("twenty-fifth", Ordinal, 25.0, None);
    check("twenty fifth", Ordinal, 25.0, None);
    check("thirty—first", Ordinal, 31.0, None);
}

#[test]
fn physical() {
    use QuantityKind::Quantity as Q;
    check("3 km", Q, 3.0, Some("km"));
    check("3km", Q, 3.0, Some("km"));
    check("9m", Q, 9.0, Some("m"));
    check("8 miles", Q, 8.0, Some("mi"));
    check("500g", Q, 500.0, Some("g"));
    check("0.002 kg", Q, 0.002, Some("kg"));
    check("a kilogram", Q, 1.0, Some("kg"));
    check("2 million tonnes", Q, 2e6, Some("t"));
    check("250 ml", Q, 250.0, Some("ml"));
    check("250mls", Q, 250.0, Some("ml"));
    check("half liter", Q, 0.5, Some("l"));
    check("3/4 cup", Q, 0.75, Some("cup"));
    check(".75 cups", Q, 0.75, Some("cup"));
    check("37°C", Q, 37.0, Some("°C"));
    check("37 ° celsius", Q, 37.0, Some("°C"));
    check("98.6 degrees F", Q, 98.6, Some("°F"));
    check("45°", Q, 45.0, Some("°"));
    check("2 degrees below zero", Q, -2.0, Some("°"));
    check("1,200 MW", Q, 1200.0, Some("MW"));
    check("80 km/h", Q, 80.0, Some("km/h"));
    check("500 square kilometres", Q, 500.0, Some("km²"));
    check("5 in", Q, 5.0, Some("in"));
    check("7 feet 10 inches", Q, 94.0, Some("in"));
    check("6 ft 2 in", Q, 74.0, Some("in"));
    check("2 kilometer, 1 metre", Q, 2001.0, Some("m"));
    check(
        "10 kms, 8 meters and 6 centimeters",
        Q,
        1_000_806.0,
        Some("cm"),
    );
    check("7 pounds 4 ounces", Q, 116.0, Some("oz"));
    let r = q("between 2.0 l and about 7.0 l");
    assert_eq!((r.value, r.value_max), (2.0, Some(7.0)));
    let r = q("100-1000 gram of strawberries");
    assert_eq!(
        (r.value, r.value_max, r.unit.as_deref()),
        (100.0, Some(1000.0), Some("g"))
    );
}

#[test]
fn not_quantities() {
    for s in [
        "exactly dollars",
        "three days",
        "the",
        "",
        "...",
        "$",
        "in 2023",
        "10:30",
        "1996-08-30",
    ] {
        let got = parse_quantity(s);
        assert!(got.is_none() || s == "in 2023", "{s:?}: {got:?}");
    }
}

#[test]
fn running_text() {
    let t = "Trade between the two countries reached record levels in 2022, amounting to approximately $190 million, as confirmed by Chinese customs.";
    assert_eq!(texts(t), ["two countries", "approximately $190 million"]);
    let t = "Beijing and Moscow have committed to raising this figure to $200 million in 2023.";
    assert_eq!(texts(t), ["$200 million"]);
    let t = "NBC recalls that trade agreements allowed Russia to export nearly 2 million barrels of oil a day to China.";
    assert_eq!(texts(t), ["nearly 2 million barrels of oil a day"]);
    let t = "The forum will host representatives from 130 countries on October 17 and 18 for the New Silk Road.";
    assert_eq!(texts(t), ["130 countries"]);
    let t = "It is the third time that Putin visits, the third Belt and Road forum, 10 years after it began.";
    assert_eq!(texts(t), ["third", "third"]);
    let t = "No one imposes anything on anyone, one official said at 10:30 on 1996-08-30.";
    assert_eq!(texts(t), ["one official"]);
    let t = "The Boeing 747 flew 300 passengers in the 1990s, up from 2.5% in the 18th century.";
    assert_eq!(texts(t), ["300 passengers", "2.5%"]);
    let t = "Prices rose from 5% to 7% while 10 to 12 people left and inflation hit 3.5 per cent.";
    assert_eq!(texts(t), ["5%", "7%", "10 to 12 people", "3.5 per cent"]);
    let t = "At first, the second pipeline will carry 38 bcm of gas a year, at least a second.";
    assert_eq!(texts(t), ["second", "38 bcm of gas a year"]);
    let t =
        "Revenue rose 3.5 percent to $27.2 billion, guidance of up 2.3 percent and up 4 percent.";
    assert_eq!(
        texts(t),
        ["3.5 percent", "$27.2 billion", "2.3 percent", "4 percent"]
    );
    let t = "HOME DEPOT 225.86 -12.99 -5.44% as the Fed cut rates by 0.25% to 1.5%.";
    assert_eq!(texts(t), ["-5.44%", "0.25%", "1.5%"]);
    let t = "Workers made $35,000 to $60,000 a year under the Second Amendment and the 2010 rules, below 2005 levels.";
    assert_eq!(texts(t), ["$35,000 to $60,000 a year"]);
    let t = "One possible explanation: a couple dozen investment bankers and One Home Depot strategic investments.";
    let got = found(t);
    assert_eq!(got[0].3.as_deref(), Some("possible explanation"));
    assert_eq!((got[1].2, got.len()), (24.0, 2));
    let t = "Edmunds expects 16.6 million vehicles will be sold.";
    assert_eq!(found(t)[0].2, 16_600_000.0);
}

#[test]
fn spans_are_in_order_and_inside() {
    let t = "He paid $5m, then €3.2bn and 40% more, for 12 ships of steel and 3 km of road.";
    let mut tokens = Vec::new();
    segment::tokens(t, Span::new(0, t.len()), &mut tokens);
    let mut out = Vec::new();
    extract(t, &tokens, &mut out);
    let mut last = 0;
    for q in &out {
        assert!(q.span.start >= last && q.span.end <= t.len());
        last = q.span.end;
    }
    assert_eq!(out.len(), 5, "{out:?}");
}

#[test]
fn qualifier_first_words_are_known() {
    for (phrase, _, _) in super::lexicon::QUALIFIERS {
        assert!(super::extract::starts_qualifier(phrase[0]), "{phrase:?}");
    }
    for (phrase, _, _) in super::lexicon::QUALIFIERS_AFTER {
        assert!(matches!(phrase[0], "or" | "and" | "plus"), "{phrase:?}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(s in "\\PC{0,80}") {
            let _ = parse_quantity(&s);
            let mut tokens = Vec::new();
            segment::tokens(&s, Span::new(0, s.len()), &mut tokens);
            let mut out = Vec::new();
            extract(&s, &tokens, &mut out);
            let mut last = 0;
            for q in &out {
                prop_assert!(q.span.start >= last && q.span.start < q.span.end && q.span.end <= s.len());
                prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
                last = q.span.end;
            }
        }

        #[test]
        fn numeric_soup(words in prop::collection::vec(prop::sample::select(vec![
            "$", "US", "$5", "5", "1,000", "2.5", "million", "billion", "-", "to", "and", "between",
            "from", "a", "dozen", "twenty", "fifth", "%", "percent", "per", "cent", "day", "of", "oil",
            "barrels", "°", "C", "km", "/", "h", "more", "than", "nearly", "or", "more", "cents", "43c",
            "10-12", "3/4", ".", "75", "minus", "Rs", "RM42", "USD3.14", "3.14US", "point", "half",
        ]), 0..12)) {
            let s = words.join(" ");
            let glued = words.concat();
            for t in [s.as_str(), glued.as_str()] {
                let _ = parse_quantity(t);
                let mut tokens = Vec::new();
                segment::tokens(t, Span::new(0, t.len()), &mut tokens);
                let mut out = Vec::new();
                extract(t, &tokens, &mut out);
                let mut last = 0;
                for q in &out {
                    prop_assert!(q.span.start >= last && q.span.end <= t.len());
                    prop_assert!(q.value.is_finite());
                    last = q.span.end;
                }
            }
        }
    }
}

#[test]
#[ignore = "debugging aid"]
fn show() {
    for s in std::env::var("Q").unwrap_or_default().split('|') {
        let mut tokens = Vec::new();
        segment::tokens(s, Span::new(0, s.len()), &mut tokens);
        let toks: Vec<&str> = tokens.iter().map(|t| t.span.slice(s)).collect();
        eprintln!("{s:?} {toks:?} => {:?}", parse_quantity(s));
        eprintln!("   text: {:?}", found(s));
    }
}

#[test]
#[ignore = "debugging aid: QFILE=lines.txt prints what each line yields"]
fn dump() {
    let Ok(path) = std::env::var("QFILE") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines() {
        let mut sents = Vec::new();
        segment::sentences(line, Span::new(0, line.len()), &mut sents);
        for s in sents {
            let mut tokens = Vec::new();
            segment::tokens(line, s, &mut tokens);
            let mut out = Vec::new();
            extract(line, &tokens, &mut out);
            for q in out {
                let lo = line.floor_char_boundary(q.span.start.saturating_sub(30));
                let hi = line.ceil_char_boundary((q.span.end + 30).min(line.len()));
                println!(
                    "{:<8} {:<40} | {} {:?} {:?} {:?} approx={} | …{}…",
                    q.kind,
                    q.span.slice(line),
                    q.value,
                    q.value_max,
                    q.unit,
                    q.bound,
                    q.approximate,
                    &line[lo..hi]
                );
            }
        }
    }
}

#[test]
fn numbers_in_addresses_are_not_quantities() {
    // URLs with and without a scheme, e-mail addresses, Windows and Unix
    // paths, a file name alone: nothing in them is read, what is around them is.
    for (s, outside) in [
        (
            "The report at https://example.com/2023/10/17/story-12.html costs $1.5bn.",
            Some("$1.5bn"),
        ),
        (
            "The report at example.com/2023/10/17/story-12.html costs $1.5bn.",
            Some("$1.5bn"),
        ),
        ("See http://x.org/files/$1.5bn/20%.pdf for details.", None),
        ("See example.org/files/$1.5bn/20%.pdf for details.", None),
        ("See /files/$1.5bn/20%.pdf for details.", None),
        ("See ftp://files.example.com/2023/3-million.csv now.", None),
        (
            "Download www.example.com/reports/5-million-people.html now.",
            None,
        ),
        (
            "Write to foo@bar2023.com or 5-people@x.org for details.",
            None,
        ),
        (
            "The file C:\\data\\12%.csv holds 12% of the data.",
            Some("12%"),
        ),
        (
            "The file data\\2023\\12%.csv holds 12% of the data.",
            Some("12%"),
        ),
        ("The file 12%.csv holds 12% of the data.", Some("12%")),
        (
            "Read /home/user/data/40%.txt and ~/notes/5-km.md now.",
            None,
        ),
        ("Open (reports/$3bn-plan.pdf) and see 4 km.", Some("4 km")),
    ] {
        let got: Vec<String> = found(s).into_iter().map(|f| f.0).collect();
        let want: Vec<String> = outside.into_iter().map(String::from).collect();
        assert_eq!(got, want, "{s}");
    }
    // As phrases: an address is no quantity.
    for s in [
        "example.com/2023",
        "12%.csv",
        "foo@bar2023.com",
        "C:\\data\\12%.csv",
        "/tmp/$5.txt",
        "https://x.org/$5",
    ] {
        assert_eq!(parse_quantity(s), None, "{s}");
    }
    // Slashes that are not addresses still read.
    let got: Vec<String> = found("Sales rose 20%/30% at 5 km/h on 24/7 duty.")
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(got, ["20%", "30%", "5 km/h"]);
}
