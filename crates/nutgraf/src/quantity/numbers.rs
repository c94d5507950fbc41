//! Reading numbers from word tokens: digits and spelled-out English.
//!
//! Shared by the quantity and time extractors. Every function takes the token
//! texts of one sentence (as cut by [`crate::segment::tokens`]) and an index,
//! and reads the longest number starting there:
//!
//! * digits, with thousands separators and a decimal part: "7", "1,000",
//!   "3.5", "1,00,000" (Indian grouping);
//! * digits with a scale suffix that cannot be anything else: "2bn", "1.5tn",
//!   "3mn", "100k", "100K", "3M" (capital M: million; a lowercase "5m" is
//!   metres or million depending on what comes before, so it is the caller's
//!   call, see [`digits_with_suffix`]);
//! * digits or words followed by scale words: "1.5 million", "two million",
//!   "three billions", "three thousand millions", "four crore", "12 lakh";
//! * number words: "zero" to "ninety-nine" (hyphenated, spaced or glued:
//!   "twenty-five", "twenty five", "twentyfive"), "a hundred", "one hundred
//!   and five", "seven hundred twenty-one thousand and twelve", "two thousand
//!   nineteen", "a dozen", "two dozen", "a couple", "a pair", "half", "half a
//!   million", "a quarter", "three quarters", "one and a half", "two and a
//!   half million", "one point three";
//! * vague plurals, marked [`NumberMatch::approximate`]: "dozens", "hundreds",
//!   "thousands of", "tens of thousands", "hundreds of millions" (the value is
//!   the smallest reading: two of the unit, so "dozens" is 24);
//! * ordinals: "1st", "22nd", "25th", "third", "twenty-fifth", "twenty fifth",
//!   "one hundredth".
//!
//! Calendar and clock tokens ("10:30", "1996-08-30", "10/17/2023"), ranges
//! ("10-12"), tokens with a currency sign ("$2.5") and word compounds ("3pm",
//! "10-year") are not numbers here: the callers split them themselves.
//!
//! **Context is the caller's job.** Words that are numbers only in some
//! sentences are read wherever they stand: "one" in "no one", "second" in "a
//! second", "first" in "at first", "half" in "half the country", "a couple" in
//! "a married couple" (the last is refused: "couple" needs "a" and no
//! adjective between). A caller that reports numbers as facts must check what
//! follows (a counted noun, a unit) before it trusts a lone word.
//!
//! Everything here compares lowercased ASCII in a stack buffer: no allocation.
//!
//! ```
//! use nutgraf::quantity::numbers::number_at;
//!
//! let words = ["nearly", "2", "million", "barrels"];
//! let m = number_at(&words, 1).unwrap();
//! assert_eq!((m.value, m.end, m.words), (2_000_000.0, 3, false));
//!
//! let words = ["the", "twenty", "fifth", "anniversary"];
//! let m = number_at(&words, 1).unwrap();
//! assert_eq!((m.value, m.end, m.ordinal), (25.0, 3, true));
//! ```

/// A number read from tokens by [`number_at`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one reading
pub struct NumberMatch {
    /// The value: 2000000 for "2 million", 25 for "twenty-fifth", 0.5 for "half".
    pub value: f64,
    /// One past the last token of the number.
    pub end: usize,
    /// An ordinal: "3rd", "third", "twenty-fifth".
    pub ordinal: bool,
    /// Spelled out: the number starts with a word ("two million", "a dozen",
    /// "third"), not digits ("2 million", "3rd").
    pub words: bool,
    /// Written as a whole number: no decimal point, fraction or "half"
    /// ("1.5 million" is not, although its value is whole).
    pub integer: bool,
    /// A vague amount: "dozens", "hundreds of", "tens of thousands".
    pub approximate: bool,
}

/// The longest number starting at token `i` of `words`, if one does.
///
/// See the [module documentation](self) for what reads as a number, and for
/// why words like "one" and "second" are read wherever they stand.
///
/// ```
/// use nutgraf::quantity::numbers::number_at;
///
/// let words = ["one", "hundred", "and", "five", "people"];
/// assert_eq!(number_at(&words, 0).map(|m| (m.value, m.end)), Some((105.0, 4)));
/// let words = ["a", "dozen", "eggs"];
/// assert_eq!(number_at(&words, 0).map(|m| m.value), Some(12.0));
/// let words = ["10:30"];
/// assert_eq!(number_at(&words, 0), None);
/// ```
pub fn number_at(words: &[&str], i: usize) -> Option<NumberMatch> {
    let first = *words.get(i)?;
    let mut buf = [0u8; WORD_BUF];
    let w = lower(first, &mut buf)?;
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        digits_at(words, i)
    } else {
        words_at(words, i)
    }
}

/// Reads a year said the way people say years: "nineteen ninety-eight"
/// (1998), "twenty twenty-three" (2023), "nineteen oh five" (1905),
/// "nineteen hundred" (1900), "two thousand nineteen" (2019), "two thousand
/// and eight" (2008). Returns the year and one past its last token.
///
/// Digits ("1998") are not read here: they are plain numbers for
/// [`number_at`]. Kept apart from [`number_at`] because "nineteen
/// ninety-eight" as a count would be two numbers.
///
/// ```
/// use nutgraf::quantity::numbers::year_at;
///
/// assert_eq!(year_at(&["in", "nineteen", "ninety-eight"], 1), Some((1998, 3)));
/// assert_eq!(year_at(&["two", "thousand", "nineteen"], 0), Some((2019, 3)));
/// assert_eq!(year_at(&["nineteen", "people"], 0), None);
/// ```
pub fn year_at(words: &[&str], i: usize) -> Option<(i32, usize)> {
    let mut buf = [0u8; WORD_BUF];
    let w = lower(words.get(i)?, &mut buf)?;
    // "two thousand (and) nineteen".
    if w == "two" || w == "one" {
        let m = words_at(words, i)?;
        let whole = m.integer && !m.ordinal && !m.approximate;
        return (whole && (1000.0..=2999.0).contains(&m.value) && m.end >= i + 3)
            .then_some((m.value as i32, m.end));
    }
    let century: i32 = match small_word(w) {
        Some(n @ 10..=20) if !w.contains('-') => i32::try_from(n).ok()?,
        _ => return None,
    };
    let mut buf2 = [0u8; WORD_BUF];
    let next = lower(words.get(i + 1)?, &mut buf2)?;
    if next == "hundred" {
        return Some((century * 100, i + 2));
    }
    if next == "oh" || next == "o" {
        let mut buf3 = [0u8; WORD_BUF];
        let unit = small_word(lower(words.get(i + 2)?, &mut buf3)?)?;
        return (1..=9)
            .contains(&unit)
            .then_some((century * 100 + i32::try_from(unit).ok()?, i + 3));
    }
    let m = words_at(words, i + 1)?;
    let rest = m.value;
    let ok = m.integer
        && !m.ordinal
        && !m.approximate
        && (10.0..=99.0).contains(&rest)
        && m.end <= i + 3;
    ok.then_some((century * 100 + rest as i32, m.end))
}

/// Reads a number token: digits with optional thousands separators and
/// decimal part ("1,000", "3.5", ".75" is not one: the tokenizer splits the
/// dot). Returns the value and whether it was written as a whole number.
///
/// ```
/// use nutgraf::quantity::numbers::parse_digits;
///
/// assert_eq!(parse_digits("1,234.5"), Some((1234.5, false)));
/// assert_eq!(parse_digits("2023"), Some((2023.0, true)));
/// assert_eq!(parse_digits("10:30"), None);
/// assert_eq!(parse_digits("1,0"), None);
/// ```
pub fn parse_digits(s: &str) -> Option<(f64, bool)> {
    let b = s.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) || b.len() > 40 {
        return None;
    }
    let (int_part, frac_part) = match memchr::memchr(b'.', b) {
        Some(dot) => {
            let (int_part, rest) = b.split_at_checked(dot)?;
            (int_part, rest.get(1..))
        }
        None => (b, None),
    };
    let mut value: f64 = 0.0;
    let mut group = 0usize;
    let mut groups = 0usize;
    for &c in int_part {
        match c {
            b'0'..=b'9' => {
                value = value * 10.0 + f64::from(c - b'0');
                group += 1;
            }
            b',' => {
                // The first group has 1-3 digits; inner ones 2 (Indian) or 3.
                let ok = if groups == 0 {
                    (1..=3).contains(&group)
                } else {
                    group == 2 || group == 3
                };
                if !ok {
                    return None;
                }
                groups += 1;
                group = 0;
            }
            _ => return None,
        }
    }
    if groups > 0 && group != 3 {
        return None;
    }
    let Some(frac) = frac_part else {
        return Some((value, true));
    };
    if frac.is_empty() || !frac.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // mantissa / 10^k is correctly rounded while both are exact.
    let mut mantissa = value;
    for &c in frac {
        mantissa = mantissa * 10.0 + f64::from(c - b'0');
    }
    let k = i32::try_from(frac.len()).ok()?;
    Some((mantissa / 10f64.powi(k), false))
}

/// Reads a number token with a scale or ordinal suffix glued on: "2bn",
/// "1.5tn", "3mn", "100k", "3M", "25th", "1st". With `lowercase_m`, "5m" is
/// read as 5 million too (right for "$5m" and "£5m", wrong for "5m" of
/// height). Returns the value, whether it is an ordinal, and whether it was a
/// whole number before scaling. Plain digits read as [`parse_digits`] does.
///
/// ```
/// use nutgraf::quantity::numbers::digits_with_suffix;
///
/// assert_eq!(digits_with_suffix("2.5bn", false), Some((2.5e9, false, false)));
/// assert_eq!(digits_with_suffix("5m", false), None);
/// assert_eq!(digits_with_suffix("5m", true), Some((5e6, false, true)));
/// assert_eq!(digits_with_suffix("42nd", false), Some((42.0, true, true)));
/// ```
pub fn digits_with_suffix(s: &str, lowercase_m: bool) -> Option<(f64, bool, bool)> {
    let split = s
        .bytes()
        .position(|c| !(c.is_ascii_digit() || c == b',' || c == b'.'))
        .unwrap_or(s.len());
    let (num, suffix) = s.split_at(split);
    let (value, integer) = parse_digits(num)?;
    if suffix.is_empty() {
        return Some((value, false, integer));
    }
    let scale = match suffix {
        "k" | "K" => 1e3,
        "M" | "mn" | "Mn" | "MN" | "mln" => 1e6,
        "m" if lowercase_m => 1e6,
        "bn" | "Bn" | "BN" | "b" | "B" | "bln" => 1e9,
        "tn" | "trn" | "Tn" | "tr" => 1e12,
        "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH" if integer => {
            return Some((value, true, true));
        }
        _ => return None,
    };
    Some((scaled(value, scale), false, integer))
}

/// `value * scale`, with the float noise of a decimal times a power of ten
/// removed: 16.6 × 1e6 is 16600000, not 16600000.000000002.
pub(crate) fn scaled(value: f64, scale: f64) -> f64 {
    let r = value * scale;
    let i = r.round();
    if (r - i).abs() <= r.abs() * 1e-12 {
        i
    } else {
        r
    }
}

/// Longest number word accepted, in bytes ("seventeenths" and the like fit).
pub(crate) const WORD_BUF: usize = 24;

/// `w` lowercased into `buf`, with non-breaking hyphens made plain; `None`
/// when it is empty, too long or has other non-ASCII characters.
pub(crate) fn lower<'b>(w: &str, buf: &'b mut [u8; WORD_BUF]) -> Option<&'b str> {
    let b = w.as_bytes();
    if b.is_empty() {
        return None;
    }
    if b.len() <= WORD_BUF && b.is_ascii() {
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        return std::str::from_utf8(buf.get(..b.len())?).ok();
    }
    let mut n = 0;
    for c in w.chars() {
        let b = match c {
            '\u{2010}' | '\u{2011}' => b'-',
            c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// Digits, with a glued suffix, then scale words: "3", "1.5 million",
/// "2bn", "3 dozen", "25th".
fn digits_at(words: &[&str], i: usize) -> Option<NumberMatch> {
    let first = *words.get(i)?;
    let (value, ordinal, integer) = digits_with_suffix(first, false)?;
    let mut m = NumberMatch {
        value,
        end: i + 1,
        ordinal,
        words: false,
        integer,
        approximate: false,
    };
    if ordinal || first.bytes().any(|c| c.is_ascii_alphabetic()) {
        return Some(m);
    }
    // Scale words after the digits: "1.5 million", "3 hundred thousand".
    let mut largest = 1.0;
    let mut j = i + 1;
    while let Some(w) = words.get(j) {
        let mut buf = [0u8; WORD_BUF];
        let Some(w) = lower(w, &mut buf) else { break };
        match scale_word(w) {
            Some((scale, _)) if scale > largest => {
                m.value = scaled(m.value, scale);
                largest = scale;
                j += 1;
            }
            _ => {
                if w == "dozen" && largest < 2.0 {
                    m.value *= 12.0;
                    j += 1;
                }
                break;
            }
        }
    }
    m.end = j;
    Some(m)
}

/// What a single number word contributes.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Last {
    /// Nothing read yet.
    Start,
    /// "a" or "one" before "hundred"/"thousand"/"dozen"...
    Article,
    /// 1-9.
    Unit,
    /// 10-19.
    Teen,
    /// 20, 30, ... 90.
    Tens,
    /// A compound 21-99: "twenty-five".
    Compound,
    Zero,
    Hundred,
    /// thousand, million, lakh...
    Scale,
    /// "and" inside a number.
    And,
}

/// Spelled-out numbers, from token `i`.
fn words_at(words: &[&str], start: usize) -> Option<NumberMatch> {
    let mut buf = [0u8; WORD_BUF];
    let w0 = lower(words.get(start)?, &mut buf)?;
    if let Some(m) = vague_at(words, start, w0) {
        return Some(m);
    }
    if let Some(m) = fraction_at(words, start, w0) {
        return Some(m);
    }
    let mut total = 0.0f64; // completed groups (thousands and up)
    let mut current = 0.0f64; // the group under way (below a thousand)
    let mut largest = 1.0f64; // the largest scale applied so far
    let mut last = Last::Start;
    let mut end = start;
    let mut ordinal = false;
    let mut integer = true;
    let mut pos = start;
    while let Some(&word) = words.get(pos) {
        // "twenty—fifth": a dash token between tens and a unit.
        if last == Last::Tens && matches!(word, "-" | "\u{2010}" | "\u{2011}" | "–" | "—") {
            pos += 1;
            continue;
        }
        let mut buf = [0u8; WORD_BUF];
        let Some(w) = lower(word, &mut buf) else {
            break;
        };
        if pos == start && (w == "a" || w == "an") {
            last = Last::Article;
            pos += 1;
            continue;
        }
        if w == "and" {
            if matches!(last, Last::Hundred | Last::Scale) && next_is_small(words, pos + 1) {
                last = Last::And;
                pos += 1;
                continue;
            }
            // "one and a half", "two and a half million".
            if matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::Compound)
                && half_follows(words, pos + 1)
            {
                current += 0.5;
                integer = false;
                pos += 3;
                end = pos;
                // Only a scale word may follow.
                if let Some((scale, _)) = next_scale(words, pos) {
                    if scale > largest {
                        total = (total + current) * scale;
                        current = 0.0;
                        pos += 1;
                        end = pos;
                    }
                }
                break;
            }
            break;
        }
        if w == "point"
            && matches!(
                last,
                Last::Unit | Last::Teen | Last::Tens | Last::Compound | Last::Zero
            )
        {
            // "one point three": digits after the point, one word each.
            let mut scale = 1.0;
            let mut next = pos + 1;
            while let Some(digit) = words.get(next) {
                let mut dbuf = [0u8; WORD_BUF];
                let Some(digit) = lower(digit, &mut dbuf) else {
                    break;
                };
                let Some(n @ 0..=9) = small_word(digit) else {
                    break;
                };
                scale /= 10.0;
                current += f64::from(n) * scale;
                next += 1;
            }
            if next > pos + 1 {
                integer = false;
                end = next;
            }
            break;
        }
        // Ordinal words end the number.
        if let Some(n) = ordinal_word(w) {
            let ok = match n {
                1..=9 => matches!(
                    last,
                    Last::Start | Last::Tens | Last::Hundred | Last::Scale | Last::And
                ),
                10..=99 => matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And),
                _ => {
                    matches!(
                        last,
                        Last::Unit | Last::Teen | Last::Tens | Last::Compound | Last::Article
                    ) || last == Last::Start
                }
            };
            if !ok {
                break;
            }
            if n >= 100 {
                let base = if current == 0.0 { 1.0 } else { current };
                if n == 100 {
                    current = base * 100.0;
                } else {
                    total = (total + base) * n as f64;
                    current = 0.0;
                }
            } else {
                current += n as f64;
            }
            ordinal = true;
            end = pos + 1;
            break;
        }
        if let Some(n) = small_word(w) {
            let ok = match n {
                0 => last == Last::Start,
                1..=9 => matches!(
                    last,
                    Last::Start | Last::Tens | Last::Hundred | Last::Scale | Last::And
                ),
                _ => matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And),
            };
            if !ok {
                break;
            }
            current += f64::from(n);
            last = match n {
                0 => Last::Zero,
                1..=9 => Last::Unit,
                10..=19 => Last::Teen,
                _ if n % 10 == 0 => Last::Tens,
                _ => Last::Compound,
            };
            pos += 1;
            end = pos;
            if n == 0 {
                break;
            }
            continue;
        }
        if let Some(n) = compound_ordinal(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            current += f64::from(n);
            ordinal = true;
            end = pos + 1;
            break;
        }
        if w == "hundred" || (w == "hundreds" && last != Last::Start) {
            // "a hundred", "one hundred", "nineteen hundred", "twenty-five hundred".
            let base = match last {
                Last::Article => 1.0,
                Last::Unit | Last::Teen | Last::Tens | Last::Compound if current < 100.0 => current,
                _ => break,
            };
            current = base * 100.0;
            last = Last::Hundred;
            pos += 1;
            end = pos;
            continue;
        }
        if w == "dozen" {
            // "a dozen", "two dozen", "three dozen eggs".
            let base = match last {
                Last::Article => 1.0,
                Last::Unit | Last::Teen | Last::Tens | Last::Compound if total == 0.0 => current,
                _ => break,
            };
            current = base * 12.0;
            end = pos + 1;
            break;
        }
        if (w == "couple" || w == "pair") && last == Last::Article {
            current = 2.0;
            end = pos + 1;
            // "a couple dozen", "a couple hundred", "a couple of million" is not.
            let mut b = [0u8; WORD_BUF];
            match words.get(pos + 1).and_then(|n| lower(n, &mut b)) {
                Some("dozen") => {
                    current = 24.0;
                    end = pos + 2;
                }
                Some("hundred") => {
                    current = 200.0;
                    end = pos + 2;
                }
                Some(n) => {
                    if let Some((scale, false)) = scale_word(n) {
                        current = 2.0 * scale;
                        end = pos + 2;
                    }
                }
                None => {}
            }
            break;
        }
        if let Some((scale, _plural)) = scale_word(w) {
            let base = match last {
                Last::Article => 1.0,
                Last::Unit | Last::Teen | Last::Tens | Last::Compound | Last::Hundred => current,
                // "three thousand millions": a larger scale multiplies all.
                Last::Scale if scale > largest => 0.0,
                _ => break,
            };
            if scale > largest {
                total = scaled(total + base, scale);
                largest = scale;
            } else {
                total += base * scale;
            }
            current = 0.0;
            last = Last::Scale;
            pos += 1;
            end = pos;
            continue;
        }
        // Glued tens and units: "thirtyfirst", "twentyfive".
        if let Some((n, ord)) = glued(w) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            current += f64::from(n);
            end = pos + 1;
            if ord {
                ordinal = true;
                break;
            }
            last = Last::Compound;
            pos += 1;
            continue;
        }
        break;
    }
    if end == start {
        return None;
    }
    Some(NumberMatch {
        value: total + current,
        end,
        ordinal,
        words: true,
        integer,
        approximate: false,
    })
}

/// Can a number start with this lowercased word? A cheap test for callers
/// that scan every token: true for number and ordinal words, "a"/"an",
/// "half", vague plurals and scale words (a superset of what
/// [`number_at`] reads at a word).
pub(crate) fn may_start_number(lw: &str) -> bool {
    if let Some((a, _)) = lw.split_once('-') {
        return tens_word(a).is_some();
    }
    match lw.as_bytes().first() {
        // Every number word starts with one of these letters.
        Some(
            b'a' | b'b' | b'c' | b'd' | b'e' | b'f' | b'h' | b'k' | b'l' | b'm' | b'n' | b'o'
            | b'p' | b's' | b't' | b'z',
        ) => {}
        _ => return false,
    }
    matches!(
        lw,
        "a" | "an" | "half" | "dozens" | "scores" | "tens" | "hundreds" | "three"
    ) || unit_word(lw).is_some()
        || tens_word(lw).is_some()
        || ordinal_word(lw).is_some()
        || scale_word(lw).is_some()
        || (lw.len() > 6 && glued(lw).is_some())
}

/// Is token `j` a number word below a hundred ("five", "twenty-one")?
fn next_is_small(words: &[&str], j: usize) -> bool {
    let mut buf = [0u8; WORD_BUF];
    words
        .get(j)
        .and_then(|w| lower(w, &mut buf))
        .is_some_and(|w| {
            small_word(w).is_some_and(|n| n > 0)
                || ordinal_word(w).is_some_and(|n| n < 100)
                || compound_ordinal(w).is_some()
        })
}

/// "a half" at `j`.
fn half_follows(words: &[&str], j: usize) -> bool {
    let (Some(a), Some(h)) = (words.get(j), words.get(j + 1)) else {
        return false;
    };
    a.eq_ignore_ascii_case("a") && h.eq_ignore_ascii_case("half")
}

/// The scale word at `j`, if any.
fn next_scale(words: &[&str], j: usize) -> Option<(f64, bool)> {
    let mut buf = [0u8; WORD_BUF];
    scale_word(lower(words.get(j)?, &mut buf)?)
}

/// "half", "half a million", "a half", "a quarter", "one quarter", "three
/// quarters", "a third of" is left to ordinals.
fn fraction_at(words: &[&str], i: usize, w0: &str) -> Option<NumberMatch> {
    let word = |k: usize| -> Option<&str> { words.get(k).copied() };
    let is = |k: usize, s: &str| word(k).is_some_and(|w| w.eq_ignore_ascii_case(s));
    let (value, mut end) = match w0 {
        "half" => (0.5, i + 1),
        "a" | "one" if is(i + 1, "half") => (0.5, i + 2),
        "a" | "one" if is(i + 1, "quarter") => (0.25, i + 2),
        "three" if is(i + 1, "quarters") => (0.75, i + 2),
        _ => return None,
    };
    let mut value = value;
    // "half a million", "a quarter million", "half a dozen".
    let k = if is(end, "a") { end + 1 } else { end };
    if let Some(w) = word(k) {
        let mut buf = [0u8; WORD_BUF];
        if let Some(lw) = lower(w, &mut buf) {
            if let Some((scale, false)) = scale_word(lw) {
                value *= scale;
                end = k + 1;
            } else if lw == "hundred" {
                value *= 100.0;
                end = k + 1;
            } else if lw == "dozen" {
                value *= 12.0;
                end = k + 1;
            }
        }
    }
    Some(NumberMatch {
        value,
        end,
        ordinal: false,
        words: true,
        integer: false,
        approximate: false,
    })
}

/// Vague plurals: "dozens", "hundreds", "thousands of", "tens of thousands",
/// "hundreds of millions", "scores".
fn vague_at(words: &[&str], i: usize, w0: &str) -> Option<NumberMatch> {
    let base = match w0 {
        "dozens" => 12.0,
        "scores" => 20.0,
        "tens" => 10.0,
        "hundreds" => 100.0,
        _ => match scale_word(w0) {
            Some((scale, true)) => scale,
            _ => return None,
        },
    };
    let mut value = 2.0 * base;
    let mut end = i + 1;
    // "tens of thousands", "hundreds of millions".
    if words
        .get(i + 1)
        .is_some_and(|w| w.eq_ignore_ascii_case("of"))
    {
        let mut buf = [0u8; WORD_BUF];
        if let Some(w) = words.get(i + 2).and_then(|w| lower(w, &mut buf)) {
            let scale = match w {
                "hundreds" => Some(100.0),
                _ => match scale_word(w) {
                    Some((s, true)) => Some(s),
                    _ => None,
                },
            };
            if let Some(s) = scale.filter(|&s| s > base) {
                value *= s;
                end = i + 3;
            }
        }
    }
    // "tens" and "scores" alone are too often other things.
    if end == i + 1 && (w0 == "tens" || w0 == "scores") {
        return None;
    }
    Some(NumberMatch {
        value,
        end,
        ordinal: false,
        words: true,
        integer: true,
        approximate: true,
    })
}

/// Cardinal words below a hundred, hyphenated compounds included.
fn small_word(w: &str) -> Option<u32> {
    if let Some((tens, unit)) = w.split_once('-') {
        let t = tens_word(tens)?;
        let u = unit_word(unit).filter(|&u| u > 0)?;
        return Some(t + u);
    }
    unit_word(w).or_else(|| tens_word(w))
}

/// zero..nineteen.
pub(crate) fn unit_word(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

/// twenty..ninety.
pub(crate) fn tens_word(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Ordinal words: "first".."nineteenth", "twentieth".."ninetieth",
/// "hundredth", "thousandth", "millionth", "billionth".
pub(crate) fn ordinal_word(w: &str) -> Option<u64> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1_000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        _ => return None,
    })
}

/// "twenty-fifth": tens, hyphen, ordinal unit.
fn compound_ordinal(w: &str) -> Option<u32> {
    let (tens, unit) = w.split_once('-')?;
    let t = tens_word(tens)?;
    let u = ordinal_word(unit).filter(|&u| (1..=9).contains(&u))?;
    Some(t + u as u32)
}

/// Tens glued to a unit: "twentyfive" (25, false), "thirtyfirst" (31, true).
fn glued(w: &str) -> Option<(u32, bool)> {
    for (p, t) in [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ] {
        if let Some(rest) = w.strip_prefix(p) {
            if let Some(u) = unit_word(rest).filter(|u| (1..=9).contains(u)) {
                return Some((t + u, false));
            }
            if let Some(u) = ordinal_word(rest).filter(|u| (1..=9).contains(u)) {
                return Some((t + u as u32, true));
            }
            return None;
        }
    }
    None
}

/// Scale words from a thousand up, with whether they are plural.
pub(crate) fn scale_word(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "thousand" => (1e3, false),
        "thousands" => (1e3, true),
        "million" => (1e6, false),
        "millions" => (1e6, true),
        "billion" => (1e9, false),
        "billions" => (1e9, true),
        "trillion" => (1e12, false),
        "trillions" => (1e12, true),
        "lakh" | "lac" | "lakhs" | "lacs" | "lkh" | "lkhs" => (1e5, false),
        "crore" | "crores" | "krore" | "krores" | "koti" => (1e7, false),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, usize, bool)> {
        let words: Vec<&str> = s.split(' ').collect();
        number_at(&words, 0).map(|m| (m.value, m.end, m.ordinal))
    }

    fn value(s: &str) -> Option<f64> {
        let words: Vec<&str> = s.split(' ').collect();
        number_at(&words, 0)
            .filter(|m| m.end == words.len())
            .map(|m| m.value)
    }

    #[test]
    fn digits() {
        assert_eq!(value("7"), Some(7.0));
        assert_eq!(value("1,000"), Some(1000.0));
        assert_eq!(value("3,000,000"), Some(3e6));
        assert_eq!(value("1,00,000"), Some(1e5));
        assert_eq!(value("0.77"), Some(0.77));
        assert_eq!(value("7.20000"), Some(7.2));
        assert_eq!(value("100K"), Some(1e5));
        assert_eq!(value("3M"), Some(3e6));
        assert_eq!(value("2bn"), Some(2e9));
        assert_eq!(value("1.5tn"), Some(1.5e12));
        assert_eq!(value("5m"), None);
        assert_eq!(value("3pm"), None);
        assert_eq!(value("10-year"), None);
        assert_eq!(value("10:30"), None);
        assert_eq!(value("1996-08-30"), None);
        assert_eq!(value("10/17/2023"), None);
        assert_eq!(value("1,0000"), None);
        assert_eq!(value("1.2.3"), None);
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(value("1.5 million"), Some(1.5e6));
        assert_eq!(value("2 million"), Some(2e6));
        assert_eq!(value("240 billion"), Some(240e9));
        assert_eq!(value("3 dozen"), Some(36.0));
        assert_eq!(value("12 lakh"), Some(1.2e6));
        assert_eq!(read("2 million barrels"), Some((2e6, 2, false)));
        // A smaller scale after a larger one is not the same number.
        assert_eq!(read("3 million thousand"), Some((3e6, 2, false)));
    }

    #[test]
    fn words() {
        for (s, v) in [
            ("zero", 0.0),
            ("three", 3.0),
            ("Twelve", 12.0),
            ("thirty three", 33.0),
            ("thirty-three", 33.0),
            ("twentyfive", 25.0),
            ("a hundred", 100.0),
            ("one hundred and five", 105.0),
            ("nineteen hundred", 1900.0),
            ("two thousand nineteen", 2019.0),
            ("one hundred thousand", 1e5),
            ("two million", 2e6),
            ("three billions", 3e9),
            ("three thousand millions", 3e9),
            ("seven hundred twenty-one thousand and twelve", 721_012.0),
            (
                "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
                31_256_721.0,
            ),
            (
                "three crore twelve lakh fifty-six thousand seven hundred twenty-one",
                31_256_721.0,
            ),
            ("minus", f64::NAN),
            ("a dozen", 12.0),
            ("Two dozen", 24.0),
            ("a couple", 2.0),
            ("a pair", 2.0),
            ("half", 0.5),
            ("a half", 0.5),
            ("a quarter", 0.25),
            ("three quarters", 0.75),
            ("half a million", 5e5),
            ("one and a half", 1.5),
            ("two and a half million", 2.5e6),
            ("one point three", 1.3),
            ("three point two five", 3.25),
        ] {
            if v.is_nan() {
                assert_eq!(value(s), None, "{s}");
            } else {
                let got = value(s).unwrap_or_else(|| panic!("{s}: no number"));
                assert!((got - v).abs() < 1e-6, "{s}: {got} != {v}");
            }
        }
    }

    #[test]
    fn stops_where_the_number_stops() {
        assert_eq!(read("two powers allowed"), Some((2.0, 1, false)));
        assert_eq!(read("five six"), Some((5.0, 1, false)));
        assert_eq!(read("twenty twenty"), Some((20.0, 1, false)));
        assert_eq!(read("nineteen ninety-eight"), Some((19.0, 1, false)));
        assert_eq!(read("one and all"), Some((1.0, 1, false)));
        assert_eq!(read("a hundred and fifty people"), Some((150.0, 4, false)));
        assert_eq!(read("two thousand and counting"), Some((2000.0, 2, false)));
        assert_eq!(read("a couple of days"), Some((2.0, 2, false)));
        assert_eq!(read("a man"), None);
        assert_eq!(read("an"), None);
        assert_eq!(read("couple"), None);
        assert_eq!(read("hundreds"), Some((200.0, 1, false)));
    }

    #[test]
    fn ordinals() {
        for (s, v) in [
            ("1st", 1.0),
            ("2nd", 2.0),
            ("73rd", 73.0),
            ("25th", 25.0),
            ("first", 1.0),
            ("third", 3.0),
            ("twenty-fifth", 25.0),
            ("twenty fifth", 25.0),
            ("thirtyfirst", 31.0),
            ("ninetieth", 90.0),
            ("hundredth", 100.0),
            ("one hundredth", 100.0),
            ("one hundred and fifth", 105.0),
            ("two thousandth", 2000.0),
        ] {
            let words: Vec<&str> = s.split(' ').collect();
            let m = number_at(&words, 0).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((m.value, m.end, m.ordinal), (v, words.len(), true), "{s}");
        }
        assert_eq!(read("third forum"), Some((3.0, 1, true)));
        assert_eq!(read("twenty — fifth"), Some((25.0, 3, true)));
        assert_eq!(read("forty — two"), Some((42.0, 3, false)));
        assert_eq!(read("forty — people"), Some((40.0, 1, false)));
        assert_eq!(read("twelfth night"), Some((12.0, 1, true)));
        assert_eq!(read("first second"), Some((1.0, 1, true)));
    }

    #[test]
    fn vague() {
        let words = ["tens", "of", "thousands", "of", "people"];
        let m = number_at(&words, 0).unwrap();
        assert_eq!((m.value, m.end, m.approximate), (20_000.0, 3, true));
        let words = ["dozens", "of", "people"];
        let m = number_at(&words, 0).unwrap();
        assert_eq!((m.value, m.end, m.approximate), (24.0, 1, true));
        let words = ["hundreds", "of", "millions"];
        assert_eq!(number_at(&words, 0).map(|m| m.value), Some(2e8));
        assert_eq!(number_at(&["tens"], 0), None);
    }

    #[test]
    fn years() {
        let y = |s: &str| {
            let words: Vec<&str> = s.split(' ').collect();
            year_at(&words, 0)
        };
        assert_eq!(y("nineteen ninety-eight"), Some((1998, 2)));
        assert_eq!(y("nineteen ninety eight"), Some((1998, 3)));
        assert_eq!(y("twenty twenty-three"), Some((2023, 2)));
        assert_eq!(y("twenty ten"), Some((2010, 2)));
        assert_eq!(y("nineteen oh five"), Some((1905, 3)));
        assert_eq!(y("nineteen hundred"), Some((1900, 2)));
        assert_eq!(y("two thousand and eight"), Some((2008, 4)));
        assert_eq!(y("two thousand"), None);
        assert_eq!(y("nineteen people"), None);
        assert_eq!(y("five ninety"), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "é",
            "a",
            "and",
            "point",
            "1.",
            ".5",
            ",",
            "9".repeat(400).as_str(),
            "१२",
        ] {
            let _ = number_at(&[s], 0);
            let _ = number_at(&[s, s, s], 1);
            let _ = year_at(&[s, s], 0);
            let _ = digits_with_suffix(s, true);
        }
        assert_eq!(number_at(&["one"], 5), None);
    }
}
