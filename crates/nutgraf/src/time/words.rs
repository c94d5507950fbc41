//! The word stream the time grammar reads: the sentence's tokens from the
//! shared view, with compounds split ("third-quarter" → "third" "quarter",
//! "3pm" → "3" "pm", "`FridayAs`" → "Friday" "As") so the grammar sees one
//! unit a word. Each unit's lower-cased form is a piece of its token's
//! (lower-cased once per document by the view).

use crate::segment::TokenKind;
use crate::span::Span;
use crate::view::Tok;

/// The text of `span` in `text`; empty when the span does not lie on
/// `text`'s character boundaries (tokens of another text).
pub(super) fn text_of(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// One unit of the word stream.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    /// Bytes of the unit in the text.
    pub span: Span,
    /// Bytes of the lowercased unit in [`Words::lower`].
    lo: (u32, u32),
    /// The unit was cut from the same token as the unit before it.
    pub glued: bool,
    /// The token kind of the token the unit was cut from.
    pub kind: TokenKind,
    /// The first character is uppercase.
    pub upper: bool,
}

/// The word stream of one sentence, reusable across sentences.
#[derive(Debug, Default)]
pub(super) struct Words {
    pub items: Vec<Word>,
    /// The lower-cased forms of the sentence's tokens, each copied once.
    lower: String,
    /// The token being cut: its start in the text and where its lower-cased
    /// form starts in `lower`, when that form lines up byte for byte with
    /// the token's text (`None` when lower-casing changed its length).
    tok: Option<(usize, usize)>,
}

impl Words {
    /// Fill the stream from the tokens of one sentence, as
    /// [`View::grammar_toks`](crate::view::View::grammar_toks) gives them: a
    /// URL, e-mail address or file path ("example.com/2023/10/17/story.html")
    /// is one unit that no rule reads: its numbers are no dates or times.
    pub fn fill(&mut self, tokens: &[Tok<'_>]) {
        self.items.clear();
        self.lower.clear();
        for t in tokens {
            let s = t.text;
            self.tok = (t.low.len() == s.len()).then(|| {
                let at = self.lower.len();
                self.lower.push_str(t.low);
                (t.span.start, at)
            });
            match t.kind {
                TokenKind::Word => self.push_word(s, t.span.start, t.kind),
                TokenKind::Number if s.contains('-') && !is_iso_date(s) => {
                    self.push_number_range(s, t.span.start);
                }
                _ => self.push(s, t.span.start, t.kind, false),
            }
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Unit `i` was cut from the same token as the unit before it (false past
    /// the end).
    pub fn glued(&self, i: usize) -> bool {
        self.items.get(i).is_some_and(|w| w.glued)
    }

    /// The token kind of unit `i` (`None` past the end).
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.items.get(i).map(|w| w.kind)
    }

    /// The bytes of units `start..end` in the text; `None` for an empty or
    /// out-of-range run.
    pub fn span_of(&self, start: usize, end: usize) -> Option<Span> {
        let first = self.items.get(start)?;
        let last = self.items.get(end.checked_sub(1)?)?;
        (start < end).then(|| Span::new(first.span.start, last.span.end))
    }

    /// The lowercased text of unit `i` ("" past the end).
    pub fn low(&self, i: usize) -> &str {
        match self.items.get(i) {
            Some(w) => self
                .lower
                .get(w.lo.0 as usize..w.lo.1 as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    /// The original text of unit `i` ("" past the end).
    pub fn raw<'t>(&self, text: &'t str, i: usize) -> &'t str {
        match self.items.get(i) {
            Some(w) => text_of(text, w.span),
            None => "",
        }
    }

    /// "2009-2010", "17-18", "2009-10": the parts and the dash as units.
    fn push_number_range(&mut self, s: &str, start: usize) {
        let mut first = true;
        for (k, part) in s.split('-').enumerate() {
            let at = start + s.split('-').take(k).map(|p| p.len() + 1).sum::<usize>();
            if !first {
                self.push("-", at - 1, TokenKind::Punct, true);
            }
            self.push(part, at, TokenKind::Number, !first);
            first = false;
        }
    }

    fn push(&mut self, s: &str, start: usize, kind: TokenKind, glued: bool) {
        if s.is_empty() {
            return;
        }
        // The unit's piece of its token's lower-cased form, where the two
        // line up; else its own.
        let piece = self.tok.and_then(|(tok_start, at)| {
            let from = at + start.checked_sub(tok_start)?;
            let low = self.lower.get(from..from + s.len())?;
            low.chars()
                .zip(s.chars())
                .all(|(l, c)| c.to_lowercase().eq([l]) || l == '\'' || l == '-')
                .then_some((from, from + s.len()))
        });
        let (lo0, lo1) = piece.unwrap_or_else(|| {
            let lo0 = self.lower.len();
            for c in s.chars() {
                // Curly apostrophes read as straight ones.
                let c = if c == '\u{2019}' || c == '\u{2018}' {
                    '\''
                } else {
                    c
                };
                self.lower.extend(c.to_lowercase());
            }
            (lo0, self.lower.len())
        });
        self.items.push(Word {
            span: Span::new(start, start + s.len()),
            lo: (lo0 as u32, lo1 as u32),
            glued,
            kind,
            upper: s.chars().next().is_some_and(char::is_uppercase),
        });
    }

    /// Split a word token at hyphens, at digit/letter changes ("3pm", "1990s"
    /// stays whole: a plural of a number) and at a lower→upper change that
    /// follows a calendar word ("`FridayAs`").
    fn push_word(&mut self, s: &str, start: usize, kind: TokenKind) {
        // URLs and e-mail addresses carry no dates worth reading.
        if s.contains("://") || s.contains('@') || s.starts_with("www.") {
            self.push(s, start, kind, false);
            return;
        }
        let mut first = true;
        let mut offset = 0;
        for part in s.split(['-', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}']) {
            let part_start = start + offset;
            offset += part.len();
            // The separator (one character, 1 to 3 bytes).
            if let Some(c) = s.get(offset..).and_then(|r| r.chars().next()) {
                offset += c.len_utf8();
            }
            if part.is_empty() {
                continue;
            }
            // A range of numbers or times keeps its dash: "9-11am", "3:30-6:00pm",
            // "1pm-2pm" (but "10-year" is one compound).
            let before = s
                .get(..part_start - start)
                .unwrap_or("")
                .trim_end_matches(['-', '\u{2013}']);
            if !first
                && part.starts_with(|c: char| c.is_ascii_digit())
                && before.ends_with(|c: char| c.is_ascii_digit() || c == 'm' || c == 'M')
            {
                self.push("-", part_start - 1, TokenKind::Punct, true);
            }
            self.push_part(part, part_start, kind, !first);
            first = false;
        }
    }

    fn push_part(&mut self, s: &str, start: usize, kind: TokenKind, glued: bool) {
        let bytes = s.as_bytes();
        // Digits alone read as a number even inside a word ("3:30" of "3:30-6:00pm").
        if bytes.iter().all(|b| b.is_ascii_digit() || *b == b':')
            && bytes.first().is_some_and(u8::is_ascii_digit)
        {
            self.push(s, start, TokenKind::Number, glued);
            return;
        }
        // "3:15pm", "10:30a.m.": a clock time glued to its meridiem.
        let clock = bytes
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b':')
            .count();
        // The digits and colons are ASCII: `clock` is a character boundary.
        if let Some((time, rest)) = s.split_at_checked(clock) {
            if clock > 2
                && !rest.is_empty()
                && time.contains(':')
                && time.ends_with(|c: char| c.is_ascii_digit())
                && rest.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
            {
                self.push(time, start, TokenKind::Number, glued);
                self.push(rest, start + clock, kind, true);
                return;
            }
        }
        // "15h20", "16h00": hours and minutes in the French way.
        if let [h1, rest @ ..] = bytes {
            let hours = if rest.first().is_some_and(u8::is_ascii_digit) {
                2
            } else {
                1
            };
            // "15" "h" "20": ASCII throughout, so every cut is a boundary.
            let parts = s.split_at_checked(hours).and_then(|(h, rest)| {
                let (mark, m) = rest.split_at_checked(1)?;
                Some((h, mark, m))
            });
            if let Some((h, mark, m)) = parts {
                if h1.is_ascii_digit()
                    && bytes.len() == hours + 3
                    && h.bytes().all(|b| b.is_ascii_digit())
                    && (mark == "h" || mark == "H")
                    && m.bytes().all(|b| b.is_ascii_digit())
                {
                    self.push(h, start, TokenKind::Number, glued);
                    self.push(mark, start + hours, kind, true);
                    self.push(m, start + hours + 1, TokenKind::Number, true);
                    return;
                }
            }
        }
        // "3pm", "10am", "4th", "16h00": digits then letters. Ordinal suffixes and
        // decade plurals stay whole ("4th", "1990s").
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        if let Some((num, rest)) = s
            .split_at_checked(digits)
            .filter(|(num, rest)| !num.is_empty() && !rest.is_empty())
        {
            let rest_low = rest.to_ascii_lowercase();
            let keep_whole = matches!(
                rest_low.as_str(),
                "st" | "nd" | "rd" | "th" | "s" | "'s" | "k"
            );
            if !keep_whole && rest.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') {
                self.push(num, start, kind, glued);
                // "3pm", "16h" stay one word; "2023according" is two words glued by a
                // lossy extraction.
                let short = rest.len() <= 4;
                self.push(rest, start + digits, kind, short);
                return;
            }
        }
        // "Feb13": a month glued to its day.
        let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if let Some((name, day)) = s.split_at_checked(letters) {
            if letters >= 3
                && !day.is_empty()
                && day.bytes().all(|b| b.is_ascii_digit())
                && month(&name.to_ascii_lowercase()).is_some()
            {
                self.push(name, start, kind, glued);
                self.push(day, start + letters, TokenKind::Number, true);
                return;
            }
        }
        // "FridayAs": a calendar word glued to the next word by a lossy extraction.
        if let Some((word, next)) = camel_cut(s).and_then(|cut| s.split_at_checked(cut)) {
            if is_calendar_word(word) {
                self.push(word, start, kind, glued);
                self.push(next, start + word.len(), kind, false);
                return;
            }
        }
        self.push(s, start, kind, glued);
    }
}

/// "2023-10-17" or "2014-10" (a year and month, not a range of years like "2009-10").
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    match parts.as_slice() {
        _ if !all_digits => false,
        [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
        [y, m] if y.len() == 4 => {
            // "2009-10" continues the year: a range; "2014-10" goes back: a month.
            let y = y.get(2..).and_then(|y| y.parse::<u32>().ok()).unwrap_or(0);
            let month = m.parse::<u32>().unwrap_or(0);
            m.len() == 2 && (1..=12).contains(&month) && month != y + 1
        }
        _ => false,
    }
}

/// The byte index of the first lowercase→uppercase change in `s`, if any.
fn camel_cut(s: &str) -> Option<usize> {
    let mut prev_lower = false;
    for (i, c) in s.char_indices() {
        if prev_lower && c.is_uppercase() {
            return Some(i);
        }
        prev_lower = c.is_lowercase();
    }
    None
}

fn is_calendar_word(s: &str) -> bool {
    let low = s.to_ascii_lowercase();
    weekday(&low).is_some() || month(&low).is_some()
}

/// Whether an expression can start with the lowercase word `w`: a cheap test
/// that lets running text skip most words before the grammar tries its rules.
/// It must accept every word a grammar rule can start with.
pub(super) fn can_start(w: &str) -> bool {
    let Some(&b) = w.as_bytes().first() else {
        return false;
    };
    if b.is_ascii_digit() || b == b'\'' || b == b'q' && w.len() == 2 {
        return true;
    }
    if weekday(w).is_some()
        || month(w).is_some()
        || unit(w).is_some()
        || season(w).is_some()
        || part_of_day(w).is_some()
        || small_number(w).is_some()
        || super::holidays::starts_name(w)
    {
        return true;
    }
    matches!(
        w,
        "the"
            | "this"
            | "that"
            | "these"
            | "last"
            | "next"
            | "past"
            | "coming"
            | "previous"
            | "preceding"
            | "current"
            | "present"
            | "following"
            | "upcoming"
            | "today"
            | "tomorrow"
            | "yesterday"
            | "tonight"
            | "overnight"
            | "early"
            | "late"
            | "mid"
            | "earlier"
            | "later"
            | "end"
            | "beginning"
            | "start"
            | "middle"
            | "about"
            | "around"
            | "approximately"
            | "roughly"
            | "some"
            | "nearly"
            | "almost"
            | "more"
            | "less"
            | "fewer"
            | "over"
            | "under"
            | "at"
            | "up"
            | "no"
            | "every"
            | "each"
            | "per"
            | "daily"
            | "weekly"
            | "monthly"
            | "yearly"
            | "annually"
            | "annual"
            | "hourly"
            | "nightly"
            | "quarterly"
            | "now"
            | "currently"
            | "presently"
            | "nowadays"
            | "right"
            | "just"
            | "recently"
            | "lately"
            | "formerly"
            | "previously"
            | "recent"
            | "in"
            | "future"
            | "soon"
            | "noon"
            | "midday"
            | "midnight"
            | "several"
            | "many"
            | "few"
            | "numerous"
            | "countless"
            | "fiscal"
            | "half"
            | "quarter"
            | "twenties"
            | "thirties"
            | "forties"
            | "fifties"
            | "sixties"
            | "seventies"
            | "eighties"
            | "nineties"
            | "most"
            | "latest"
            | "comparable"
            | "same"
            | "corresponding"
            | "year"
            | "day"
    )
}

/// The UTC offset of a time-zone abbreviation, in minutes ("pst" is -480). IST
/// is India's; ET, CT, PT are read as standard time.
pub(super) fn zone_offset(w: &str) -> Option<i32> {
    Some(match w {
        "gmt" | "utc" | "z" | "wet" => 0,
        "bst" | "cet" => 60,
        "cest" | "eet" | "sast" => 120,
        "eest" | "msk" => 180,
        "ist" => 330,
        "pkt" => 300,
        "wib" | "ict" => 420,
        "hkt" | "sgt" | "awst" => 480,
        "jst" | "kst" => 540,
        "aest" => 600,
        "aedt" => 660,
        "est" | "et" | "cdt" => -300,
        "edt" => -240,
        "cst" | "ct" | "mdt" => -360,
        "mst" | "mt" | "pdt" => -420,
        "pst" | "pt" => -480,
        _ => return None,
    })
}

/// Day of the week, Monday = 1.
pub(super) fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mon" | "mon." | "mondays" => 1,
        "tuesday" | "tue" | "tue." | "tues" | "tues." | "tuesdays" => 2,
        "wednesday" | "wed" | "wed." | "wednesdays" => 3,
        "thursday" | "thu" | "thu." | "thur" | "thur." | "thurs" | "thurs." | "thursdays" => 4,
        "friday" | "fri" | "fri." | "fridays" => 5,
        "saturday" | "sat" | "sat." | "saturdays" => 6,
        "sunday" | "sun" | "sun." | "sundays" => 7,
        _ => return None,
    })
}

/// A month name, January = 1.
pub(super) fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" | "jan." => 1,
        "february" | "feb" | "feb." => 2,
        "march" | "mar" | "mar." => 3,
        "april" | "apr" | "apr." => 4,
        "may" => 5,
        "june" | "jun" | "jun." => 6,
        "july" | "jul" | "jul." => 7,
        "august" | "aug" | "aug." => 8,
        "september" | "sep" | "sep." | "sept" | "sept." => 9,
        "october" | "oct" | "oct." => 10,
        "november" | "nov" | "nov." => 11,
        "december" | "dec" | "dec." => 12,
        _ => return None,
    })
}

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A unit word, singular or plural; the flag is true for a plural.
pub(super) fn unit(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" | "sec" | "secs" | "seconds" => (Unit::Second, w.ends_with('s') && w != "secs"),
        "minute" | "min" | "mins" | "minutes" => (Unit::Minute, w == "minutes" || w == "mins"),
        "hour" | "hr" | "hrs" | "hours" | "h" => (Unit::Hour, w == "hours" || w == "hrs"),
        "day" | "days" => (Unit::Day, w == "days"),
        "week" | "weeks" | "wk" | "wks" => (Unit::Week, w.ends_with('s')),
        "weekend" | "weekends" => (Unit::Weekend, w.ends_with('s')),
        "month" | "months" => (Unit::Month, w.ends_with('s')),
        "quarter" | "quarters" | "qtr" | "qtrs" => (Unit::Quarter, w.ends_with('s')),
        "year" | "years" | "yr" | "yrs" => (Unit::Year, w.ends_with('s')),
        "decade" | "decades" => (Unit::Decade, w.ends_with('s')),
        "century" | "centuries" => (Unit::Century, w == "centuries"),
        _ => return None,
    })
}

/// Seasons, as TIMEX3 codes.
pub(super) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" | "springtime" => "SP",
        "summer" | "summertime" => "SU",
        "fall" | "autumn" => "FA",
        "winter" | "wintertime" => "WI",
        _ => return None,
    })
}

/// Parts of the day, as TIMEX3 codes.
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        "lunch" | "lunchtime" => "MI",
        _ => return None,
    })
}

/// Small numbers written as words, cardinal ("a", "one".."nineteen",
/// "twenty".."ninety") or ordinal ("first".."ninetieth"); the flag is true for
/// an ordinal. The words are the number grammar's.
pub(super) fn small_number(w: &str) -> Option<(u32, bool)> {
    use crate::quantity::numbers::{ordinal_word, tens_word, unit_word};
    if matches!(w, "a" | "an") {
        return Some((1, false));
    }
    if w == "nil" {
        return None;
    }
    if let Some(n) = unit_word(w).or_else(|| tens_word(w)) {
        return Some((n, false));
    }
    let ord = ordinal_word(w).filter(|n| (1..=90).contains(n))?;
    Some((u32::try_from(ord).ok()?, true))
}

/// Digits with an optional ordinal suffix ("17", "17th", "1st"); the flag is
/// true for an ordinal.
pub(super) fn digits(w: &str) -> Option<(u32, bool)> {
    let b = w.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 9 {
        return None;
    }
    let (num, suffix) = w.split_at_checked(n)?;
    let value: u32 = num.parse().ok()?;
    match suffix {
        "" => Some((value, false)),
        "st" | "nd" | "rd" | "th" => Some((value, true)),
        _ => None,
    }
}
