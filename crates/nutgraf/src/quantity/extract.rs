//! Reading quantities from the tokens of one sentence or one phrase.
//!
//! One grammar serves both entry points, in two modes:
//!
//! * [`Mode::Text`] (running text, [`extract`]): a number needs something
//!   that says what it counts (a currency, "%", a unit, a counted noun) or a
//!   context that makes it an ordinal; calendar numbers, numbers in names and
//!   durations are left alone; "from X to Y" is two values (a change), not a
//!   range.
//! * [`Mode::Phrase`] ([`parse_quantity`]): the caller says the phrase is a
//!   quantity, so a bare number is a count, "from X to Y" is a range, cents
//!   may follow an amount without the word "cents" ("$20 43"), and currency
//!   words may come first ("ringgit 42").
//!
//! A reading is: qualifiers ("more than"), an optional range opener
//! ("between"), one side (prefix currency, number, suffix: currency, "%",
//! unit), an optional range connector and second side, cents, then what
//! it counts or measures, a rate ("a day") and trailing qualifiers ("or more").

use std::borrow::Cow;

use super::lexicon::{
    base_factor, currency_code, currency_sign, currency_word, dollar_prefix, is_function_word,
    is_irregular_plural, is_month, is_time_word, is_year_preposition, qualified_currency, squared,
    unit_symbol, unit_word, Currency, Dim, Unit, QUALIFIERS, QUALIFIERS_AFTER,
};
use super::numbers::{self, digits_with_suffix, parse_digits, scale_word};
use super::{Bound, Quantity, QuantityKind};
use crate::segment::{self, Token, TokenKind};
use crate::span::Span;
use crate::view::{self, Tok};

/// Push the quantities of one sentence onto `out`.
///
/// `text` is the (normalized) document text and `tokens` the tokens of one
/// sentence of it; the spans pushed are byte spans into `text`, in order and
/// not overlapping.
pub fn extract(text: &str, tokens: &[Token], out: &mut Vec<Quantity>) {
    if tokens.is_empty() {
        return;
    }
    view::with_tokens(text, tokens.to_vec(), |v| {
        extract_toks(text, &v.grammar_toks(0), out);
    });
}

/// [`extract`] on the tokens of one sentence of the shared view, as
/// [`View::grammar_toks`](crate::view::View::grammar_toks) gives them (each
/// address one opaque token).
pub(crate) fn extract_toks(text: &str, toks: &[Tok<'_>], out: &mut Vec<Quantity>) {
    let s = Sent::new(text, toks, Mode::Text);
    let mut i = 0;
    let mut free = 0; // first token not yet inside a reported quantity
    while i < s.len() {
        if !s.may_start(i) {
            i += 1;
            continue;
        }
        if let Some(r) = s.read_at(i) {
            if r.start >= free {
                free = r.end;
                i = r.end;
                out.push(r.quantity);
                continue;
            }
        }
        i += 1;
    }
}

/// Read one phrase as one quantity: the whole phrase, trimmed and without
/// trailing punctuation (and a leading "a"/"an"), must be the quantity.
///
/// A bare number reads as a [`QuantityKind::Count`] with no unit; durations
/// ("three days") are left to the time expressions and give `None`.
///
/// ```
/// use nutgraf::quantity::{parse_quantity, QuantityKind, Bound};
///
/// let q = parse_quantity("at least $1.42").unwrap();
/// assert_eq!((q.kind, q.value, q.bound), (QuantityKind::Money, 1.42, Some(Bound::AtLeast)));
/// let q = parse_quantity("twenty-fifth").unwrap();
/// assert_eq!((q.kind, q.value), (QuantityKind::Ordinal, 25.0));
/// let q = parse_quantity("37°C").unwrap();
/// assert_eq!((q.kind, q.unit.as_deref()), (QuantityKind::Quantity, Some("°C")));
/// assert_eq!(parse_quantity("three days"), None);
/// assert_eq!(parse_quantity("exactly dollars"), None);
/// ```
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    while tokens.last().is_some_and(|t| {
        t.kind == TokenKind::Punct && !matches!(text_of(text, t.span), "''" | "'" | "\"")
    }) {
        tokens.pop();
    }
    if tokens.is_empty() {
        return None;
    }
    view::with_tokens(text, tokens, |v| {
        read_phrase(&Sent::new(text, &v.grammar_toks(0), Mode::Phrase))
    })
}

/// The one quantity that is the whole phrase `s`, if any.
fn read_phrase(s: &Sent<'_>) -> Option<Quantity> {
    let mut starts = [0, usize::MAX];
    if s.len() > 1 && (s.is(0, "a") || s.is(0, "an")) {
        starts[1] = 1;
    }
    for start in starts {
        if start >= s.len() {
            continue;
        }
        if let Some(r) = s.read_at(start) {
            if r.start == start && r.end == s.len() {
                return Some(r.quantity);
            }
        }
    }
    None
}

/// The text of `span` in `text`; empty when the span does not lie on `text`'s
/// character boundaries (tokens of another text).
fn text_of(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

/// Running text or a single phrase; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Text,
    Phrase,
}

/// The tokens of one sentence (from the shared view) with their texts.
struct Sent<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    words: Vec<&'a str>,
    mode: Mode,
}

/// A quantity read at some token, with its token range.
struct Reading {
    quantity: Quantity,
    start: usize,
    end: usize,
}

/// A number read from one or more tokens, with what was glued to it.
#[derive(Debug, Clone, Copy)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one reading
struct Num {
    end: usize,
    value: f64,
    max: Option<f64>,
    /// The multiplier of scale words or suffixes ("billion", "bn"); 1 if none.
    scale: f64,
    integer: bool,
    words: bool,
    ordinal: bool,
    approx: bool,
    /// Digits only, four of them: a year when the context says so.
    year_like: bool,
    currency: Option<Currency>,
    unit: Option<Unit>,
}

/// One side of a quantity: a number with its prefix and suffix.
#[derive(Debug, Clone, Copy)]
struct Side {
    start: usize,
    end: usize,
    num: Num,
    currency: Option<Currency>,
    unit: Option<Unit>,
    /// "%", "percent": `Some(false)`; "percentage points": `Some(true)`.
    percent: Option<bool>,
}

impl<'a> Sent<'a> {
    fn new(text: &'a str, toks: &'a [Tok<'a>], mode: Mode) -> Sent<'a> {
        let words = toks.iter().map(|t| t.text).collect();
        Sent {
            text,
            toks,
            words,
            mode,
        }
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        self.words.get(i).copied()
    }

    /// The lower-cased form of token `i` ("" past the end).
    fn lower(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.low)
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(s))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` touches token `i - 1` (no space between).
    fn glued(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// A word token starting with a lowercase letter.
    fn lowercase_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self
                .word(i)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase)
    }

    fn capitalized(&self, i: usize) -> bool {
        self.word(i)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// The bytes of tokens `start..end` (an empty span at the end of the
    /// sentence for a range past it).
    fn span(&self, start: usize, end: usize) -> Span {
        let at = |i: Option<usize>| i.and_then(|i| self.toks.get(i));
        let last = self.toks.last().map_or(0, |t| t.span.end);
        let a = at(Some(start)).map_or(last, |t| t.span.start);
        let b = at(end.checked_sub(1)).map_or(a, |t| t.span.end);
        Span::new(a, b.max(a))
    }

    /// A qualifier from `QUALIFIERS` (or `QUALIFIERS_AFTER`) at `i`.
    fn qualifier(
        &self,
        i: usize,
        table: &[(&[&str], bool, Option<Bound>)],
    ) -> Option<(usize, bool, Option<Bound>)> {
        let first = self.lower(i);
        if first.is_empty() || !starts_qualifier(first) && !matches!(first, "or" | "and" | "plus") {
            return None;
        }
        let mut best: Option<(usize, bool, Option<Bound>)> = None;
        for &(phrase, approx, bound) in table {
            let Some((&head, tail)) = phrase.split_first() else {
                continue;
            };
            if head != first {
                continue;
            }
            let n = phrase.len();
            if best.is_some_and(|(end, _, _)| end >= i + n) {
                continue;
            }
            if tail.iter().enumerate().all(|(k, p)| self.is(i + 1 + k, p)) {
                best = Some((i + n, approx, bound));
            }
        }
        best
    }

    /// Can a reading start at token `i`? A cheap filter for running text
    /// (a superset of where [`Sent::read_at`] succeeds).
    fn may_start(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        let Some(first) = w.chars().next() else {
            return false;
        };
        if !first.is_ascii_alphabetic() {
            return first.is_ascii_digit()
                || currency_sign(first).is_some()
                || matches!(first, '-' | '.' | '~' | '≈');
        }
        if w.bytes().any(|b| b.is_ascii_digit())
            || currency_code(w).is_some()
            || dollar_prefix(w).is_some()
        {
            return true;
        }
        let lw = self.lower(i);
        numbers::may_start_number(lw)
            || matches!(lw, "between" | "minus" | "negative")
            || starts_qualifier(lw)
    }

    /// The whole reading starting at token `i`.
    fn read_at(&self, at: usize) -> Option<Reading> {
        let mut j = at;
        let mut approximate = false;
        let mut bound = None;
        if let Some((end, approx, b)) = self.qualifier(j, QUALIFIERS) {
            j = end;
            approximate = approx;
            bound = b;
        }
        // Range openers.
        let between = self.is(j, "between");
        let from = self.mode == Mode::Phrase && self.is(j, "from");
        if between || from {
            j += 1;
            if let Some((end, approx, _)) = self.qualifier(j, QUALIFIERS) {
                approximate |= approx;
                j = end;
            }
        }
        let lo = self.side(j)?;
        let start = if j == at { lo.start } else { at };
        let mut end = lo.end;
        let mut side = lo;
        let mut max = lo.num.max;
        // The second side of a range.
        if let Some((hi, hi_end)) = self.range_end(&lo, between, from, j) {
            // Both ends measure the same thing, or one end leaves it to the other.
            let what = |s: &Side| (s.currency.is_some(), s.percent.is_some(), s.unit.is_some());
            let compatible = match (side.currency, hi.currency) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            } && match (side.unit, hi.unit) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            } && (what(&side) == what(&hi)
                || what(&side) == (false, false, false)
                || what(&hi) == (false, false, false))
                && !(side.num.ordinal || hi.num.ordinal);
            if compatible {
                let mut lo_value = side.num.value;
                let hi_unscaled = hi.num.value / hi.num.scale;
                // "$10-12 billion": the scale of the high end applies to both.
                if side.num.scale <= 1.0 && hi.num.scale > 1.0 && lo_value < hi_unscaled {
                    lo_value = numbers::scaled(lo_value, hi.num.scale);
                }
                side.num.value = lo_value;
                max = Some(hi.num.max.unwrap_or(hi.num.value));
                side.currency = side.currency.or(hi.currency);
                side.unit = side.unit.or(hi.unit);
                side.percent = side.percent.or(hi.percent);
                side.num.approx |= hi.num.approx;
                end = hi_end;
            }
        } else if between {
            return None;
        }
        if max.is_some_and(|m| m <= side.num.value) {
            max = None;
        }
        let mut value = side.num.value;
        approximate |= side.num.approx;

        let mut q = Quantity {
            span: Span::default(),
            kind: QuantityKind::Count,
            value,
            value_max: max,
            unit: None,
            approximate,
            bound,
            per: None,
        };
        if let Some(currency) = side.currency {
            // Cents after the amount: "$20 and 43 cents".
            if max.is_none() {
                if let Some((cents, cents_end)) = self.cents(end, currency) {
                    value += cents;
                    end = cents_end;
                }
            }
            let (code, factor) = match currency {
                Currency::Code(code) => (Some(code), 1.0),
                Currency::Cent => (Some(self.cent_currency(side)), 0.01),
                Currency::Unnamed => (None, 1.0),
            };
            q.kind = QuantityKind::Money;
            q.value = value * factor;
            q.value_max = max.map(|m| m * factor);
            q.unit = code.map(Cow::Borrowed);
        } else if let Some(points) = side.percent {
            q.kind = QuantityKind::Percent;
            q.unit = Some(Cow::Borrowed(if points { "percentage point" } else { "%" }));
        } else if let Some(unit) = side.unit {
            q.kind = QuantityKind::Quantity;
            q.unit = Some(Cow::Borrowed(unit.symbol));
            // "7 feet 10 inches", "2 kilometres, 1 metre": one length in the
            // smallest unit.
            if max.is_none() {
                let mut current = unit;
                while let Some((v, u, e)) = self.compound_part(end, current) {
                    current = u;
                    let (Some(f1), Some(f2)) = (
                        base_factor(q.unit.as_deref().unwrap_or("")),
                        base_factor(u.symbol),
                    ) else {
                        break;
                    };
                    q.value = q.value * f1 / f2 + v;
                    q.unit = Some(Cow::Borrowed(u.symbol));
                    end = e;
                }
            }
            // What is measured: "500 grams of strawberries", "38 bcm of gas".
            if self.is(end, "of") {
                end = self.of_phrase(end).unwrap_or(end);
            }
            // "2 degrees below zero".
            if unit.dim == Dim::Temperature && self.is(end, "below") && self.is(end + 1, "zero") {
                q.value = -q.value;
                end += 2;
            }
        } else if side.num.ordinal {
            if self.mode == Mode::Text && !self.ordinal_in_context(side.start, end) {
                return None;
            }
            q.kind = QuantityKind::Ordinal;
        } else {
            // "2 below zero": a temperature.
            if self.is(end, "below") && self.is(end + 1, "zero") {
                q.kind = QuantityKind::Quantity;
                q.unit = Some(Cow::Borrowed("°"));
                q.value = -q.value;
                end += 2;
            } else if let Some((noun_start, noun_end)) = self.counted_noun(&side, end)? {
                q.unit = Some(self.noun_text(noun_start, noun_end));
                end = noun_end;
            } else if let Some((noun_start, noun_end, approx, b)) = self
                .qualifier(end, QUALIFIERS_AFTER)
                .filter(|_| q.bound.is_none())
                .and_then(|(after, approx, b)| {
                    let (s, e) = self.counted_noun(&side, after).flatten()?;
                    Some((s, e, approx, b))
                })
            {
                // "10 or more people".
                q.unit = Some(self.noun_text(noun_start, noun_end));
                q.approximate |= approx;
                q.bound = b;
                end = noun_end;
            } else if self.mode == Mode::Text {
                return None;
            } else if self.is(end, "of") && end + 1 == self.len() {
                // "a couple of".
                end += 1;
            }
        }
        // A rate: "a day", "per barrel".
        if let Some((per, per_end)) = self.rate(end) {
            q.per = Some(per);
            end = per_end;
        }
        if let Some((after, approx, b)) = self.qualifier(end, QUALIFIERS_AFTER) {
            // Not "2.3 percent and up 4 percent".
            let number_next = self.word(after).is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || currency_sign(w.chars().next().unwrap_or(' ')).is_some()
            });
            if (q.bound.is_none() || b.is_none()) && !number_next {
                q.approximate |= approx;
                q.bound = q.bound.or(b);
                end = after;
            }
        }
        q.span = self.span(start, end);
        Some(Reading {
            quantity: q,
            start,
            end,
        })
    }

    /// A range connector after `lo` and the side after it.
    fn range_end(
        &self,
        lo: &Side,
        between: bool,
        from: bool,
        lo_start: usize,
    ) -> Option<(Side, usize)> {
        let k = lo.end;
        let w = self.word(k)?;
        let ok = match w {
            // A dash spaced before and glued after is a sign: "-12.99 -5.44%".
            "-" | "–" | "—" | "‒" => {
                self.mode == Mode::Phrase || self.glued(k) == self.glued(k + 1)
            }
            "to" | "To" => {
                // In running text "from 5% to 7%" and "by 0.25% to 1.5%" are
                // a change, not a range.
                let prev = self.lower(lo_start.wrapping_sub(1));
                !between && (self.mode == Mode::Phrase || !matches!(prev, "from" | "by"))
            }
            "and" => between || from,
            _ => false,
        };
        if !ok {
            return None;
        }
        let mut j = k + 1;
        if let Some((end, true, None)) = self.qualifier(j, QUALIFIERS) {
            j = end;
        }
        let hi = self.side(j)?;
        if hi.num.ordinal {
            return None;
        }
        Some((hi, hi.end))
    }

    /// One side: prefix currency, number, suffix.
    fn side(&self, i: usize) -> Option<Side> {
        let mut j = i;
        let mut currency = None;
        let mut negative = false;
        // Prefix currency: "US$4.7" (letters glued to a "$" number), "USD 3.14",
        // "Rs. 20", and in phrases "ringgit 42", "malaysia ringgit 42".
        let w = self.word(j)?;
        if let Some(code) = dollar_prefix(w) {
            if self.glued(j + 1) && self.word(j + 1).is_some_and(|n| n.starts_with('$')) {
                currency = Some(Currency::Code(code));
                j += 1;
            }
        }
        if currency.is_none() {
            if let Some(code) = currency_code(w) {
                j += 1;
                if self.word(j) == Some(".") && self.glued(j) {
                    j += 1;
                }
                currency = Some(Currency::Code(code));
            } else if self.mode == Mode::Phrase {
                if let Some((cur, end)) = self.currency_words(j) {
                    currency = Some(cur);
                    j = end;
                }
            }
        }
        // A sign: "-5", "minus 5", "negative 1200000".
        if currency.is_none() {
            let word_sign = (self.is(j, "minus") || self.is(j, "negative"))
                && self
                    .word(j + 1)
                    .is_some_and(|n| !n.eq_ignore_ascii_case("a"));
            let dash_sign = self.word(j) == Some("-")
                && self.glued(j + 1)
                && !self.glued(j)
                && self
                    .word(j + 1)
                    .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            if word_sign || dash_sign {
                negative = true;
                j += 1;
            }
        }
        let mut num = if let Some(n) = self.number(j, currency.is_some()) {
            n
        } else {
            // "a dollar", "a kilogram", "one mile".
            if !(self.is(j, "a") || self.is(j, "an")) {
                return None;
            }
            let next = self.lower(j + 1);
            let named = currency.is_none()
                && (currency_word(next).is_some_and(|(_, c)| c != Currency::Unnamed)
                    || unit_word(next).is_some()
                    || unit_symbol(self.word(j + 1).unwrap_or("")).is_some());
            if !named {
                return None;
            }
            Num {
                end: j + 1,
                value: 1.0,
                max: None,
                scale: 1.0,
                integer: true,
                words: true,
                ordinal: false,
                approx: false,
                year_like: false,
                currency: None,
                unit: None,
            }
        };
        if negative {
            num.value = -num.value;
            num.max = num.max.map(|m| -m);
        }
        currency = currency.or(num.currency);
        let mut side = Side {
            start: i,
            end: num.end,
            num,
            currency,
            unit: num.unit,
            percent: None,
        };
        // "US$" glued before the digits when the caller started on the "$" token.
        if side.start == j && j > 0 && self.glued(j) {
            if let (Some(code), true) = (
                self.word(j - 1).and_then(dollar_prefix),
                self.word(j).is_some_and(|n| n.starts_with('$')),
            ) {
                side.currency = Some(Currency::Code(code));
                side.start = j - 1;
            }
        }
        if side.currency.is_none() && side.unit.is_none() && !num.ordinal {
            self.suffix(&mut side);
        }
        Some(side)
    }

    /// A currency named in words at `j`: "dollars", "US dollars", "kuwaiti
    /// dinar", "Hong Kong dollars". Returns it and the index after it.
    fn currency_words(&self, j: usize) -> Option<(Currency, usize)> {
        let w = self.lower(j);
        if let Some((_, cur)) = currency_word(w) {
            // "pounds sterling".
            let end = if self.is(j + 1, "sterling") {
                j + 2
            } else {
                j + 1
            };
            return Some((cur, end));
        }
        // An adjective and a currency word; "Hong Kong", "South African", "New Zealand".
        let (adj, base_at) = if self.is(j, "hong") || self.is(j, "new") || self.is(j, "south") {
            let second = self.lower(j + 1);
            if currency_word(second).is_some() {
                (self.lower(j), j + 1)
            } else {
                (second, j + 2)
            }
        } else {
            (self.lower(j), j + 1)
        };
        let base = self.lower(base_at);
        let (name, cur) = currency_word(base)?;
        if adj.is_empty()
            || !adj.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
            || is_function_word(adj)
            || numbers::number_at(&self.words, j).is_some()
        {
            return None;
        }
        let end = if self.is(base_at + 1, "sterling") {
            base_at + 2
        } else {
            base_at + 1
        };
        match qualified_currency(adj, name) {
            Some(code) => Some((Currency::Code(code), end)),
            // An adjective we do not know: a country's currency, not the default.
            None if self.capitalized(j) || self.mode == Mode::Phrase => match cur {
                Currency::Code(_) => Some((Currency::Code(name), end)),
                other => Some((other, end)),
            },
            None => None,
        }
    }

    /// What follows a number: a currency, "%", a unit.
    fn suffix(&self, side: &mut Side) {
        let k = side.end;
        let Some(w) = self.word(k) else { return };
        // "5%", "5 percent", "5 per cent", "3 percentage points".
        if w == "%" || w == "٪" {
            side.percent = Some(false);
            side.end = k + 1;
            return;
        }
        let lw = self.lower(k);
        match lw {
            "percent" | "pct" | "per-cent" => {
                side.percent = Some(false);
                side.end = k + 1;
                return;
            }
            "per" if self.is(k + 1, "cent") => {
                side.percent = Some(false);
                side.end = k + 2;
                return;
            }
            "percentage" if self.is(k + 1, "point") || self.is(k + 1, "points") => {
                side.percent = Some(true);
                side.end = k + 2;
                return;
            }
            _ => {}
        }
        // "10$", "7€": a sign after the number, glued.
        let mut chars = w.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some(cur) = currency_sign(c) {
                if self.glued(k) || self.mode == Mode::Phrase {
                    side.currency = Some(cur);
                    side.end = k + 1;
                }
                return;
            }
        }
        if let Some(code) = currency_code(w) {
            side.currency = Some(Currency::Code(code));
            side.end = k + 1;
            if w.ends_with('.') || self.word(k + 1) != Some(".") || !self.glued(k + 1) {
                return;
            }
            // "L.E" + "." split off at a sentence end.
            if w.contains('.') {
                side.end = k + 2;
            }
            return;
        }
        // Currency words; "pounds" is money only after "million" and the like,
        // or with "sterling" or a country.
        if let Some((cur, end)) = self.currency_words(k) {
            let pound = lw == "pound" || lw == "pounds";
            if !pound || side.num.scale >= 1e6 || end > k + 1 {
                side.currency = Some(cur);
                side.end = end;
                return;
            }
        }
        if let Some((unit, end)) = self.unit_at(k) {
            side.unit = Some(unit);
            side.end = end;
        }
    }

    /// The next part of a compound length or mass at `k` ("10 inches" after
    /// "7 feet", with an optional "," or "and"): a smaller unit of the same
    /// kind. Returns its value, unit and end.
    fn compound_part(&self, k: usize, first: Unit) -> Option<(f64, Unit, usize)> {
        if !matches!(first.dim, Dim::Length | Dim::Mass) {
            return None;
        }
        let j = if self.word(k) == Some(",") || self.is(k, "and") {
            k + 1
        } else {
            k
        };
        let w = self.word(j)?;
        if !w.starts_with(|c: char| c.is_ascii_digit())
            && numbers::number_at(&self.words, j).is_none()
        {
            return None;
        }
        let side = self.side(j)?;
        let unit = side.unit?;
        if side.currency.is_some() || side.num.max.is_some() || unit.dim != first.dim {
            return None;
        }
        let smaller = base_factor(unit.symbol)? < base_factor(first.symbol)?;
        smaller.then_some((side.num.value, unit, side.end))
    }

    /// A unit at `k`: symbol, word, "°C", "degrees Celsius", "square km", "km/h".
    fn unit_at(&self, k: usize) -> Option<(Unit, usize)> {
        let w = self.word(k)?;
        let lw = self.lower(k);
        // "square kilometres", "sq km", "cubic metres".
        if matches!(lw, "square" | "sq" | "sq." | "cubic") {
            // One level only: "square square km" is no unit (and a long run of
            // them no deep recursion).
            if matches!(self.lower(k + 1), "square" | "sq" | "sq." | "cubic") {
                return None;
            }
            let (len, end) = self.unit_at(k + 1)?;
            if len.dim != Dim::Length {
                return None;
            }
            return squared(len.symbol, lw == "cubic").map(|u| (u, end));
        }
        // "°", "° C", "°C", "° celsius", "degrees Fahrenheit", "degrees F".
        if w == "°" || w == "º" || lw == "degree" || lw == "degrees" {
            let next = self.word(k + 1).unwrap_or("");
            let glued_or_words = self.glued(k + 1) || w != "°";
            let scale = match next {
                "C" | "c" if glued_or_words || self.mode == Mode::Phrase => Some("°C"),
                "F" | "f" if glued_or_words || self.mode == Mode::Phrase => Some("°F"),
                _ => match self.lower(k + 1) {
                    "celsius" | "centigrade" => Some("°C"),
                    "fahrenheit" => Some("°F"),
                    _ => None,
                },
            };
            let dim = Dim::Temperature;
            return Some(match scale {
                Some(symbol) => (Unit { symbol, dim }, k + 2),
                None => (Unit { symbol: "°", dim }, k + 1),
            });
        }
        // "5''" (inches) and "7'" (feet), phrases only.
        if self.mode == Mode::Phrase && self.glued(k) {
            if w == "''" || w == "\"" || w == "″" {
                return Some((
                    Unit {
                        symbol: "in",
                        dim: Dim::Length,
                    },
                    k + 1,
                ));
            }
            if (w == "'" || w == "′") && k + 1 == self.len() {
                return Some((
                    Unit {
                        symbol: "ft",
                        dim: Dim::Length,
                    },
                    k + 1,
                ));
            }
        }
        let unit = unit_symbol(w).or_else(|| unit_word(lw)).or_else(|| {
            // "5 in", at the end of a phrase.
            (self.mode == Mode::Phrase && lw == "in" && k + 1 == self.len()).then_some(Unit {
                symbol: "in",
                dim: Dim::Length,
            })
        })?;
        // "km/h", "km per hour", "miles per hour".
        if unit.dim == Dim::Length
            && (self.word(k + 1) == Some("/") && self.is(k + 2, "h")
                || self.is(k + 1, "per") && self.is(k + 2, "hour"))
        {
            let symbol = if unit.symbol == "mi" { "mph" } else { "km/h" };
            if unit.symbol == "mi" || unit.symbol == "km" {
                return Some((
                    Unit {
                        symbol,
                        dim: Dim::Speed,
                    },
                    k + 3,
                ));
            }
        }
        Some((unit, k + 1))
    }

    /// The number at `j`, digits or words, with anything glued to its token.
    /// `money` says a currency came first (so "5m" is 5 million).
    fn number(&self, j: usize, money: bool) -> Option<Num> {
        let w = self.word(j)?;
        let first = w.chars().next()?;
        let mut num = Num {
            end: j + 1,
            value: 0.0,
            max: None,
            scale: 1.0,
            integer: true,
            words: false,
            ordinal: false,
            approx: false,
            year_like: false,
            currency: None,
            unit: None,
        };
        if first.is_ascii_digit() {
            let glued_suffix = w.bytes().any(|b| b.is_ascii_alphabetic());
            let ranged = w.contains('-') || w.contains('/');
            if !glued_suffix && !ranged {
                // Plain digits: the shared reader takes scale words after them.
                let m = numbers::number_at(&self.words, j)?;
                num.value = m.value;
                num.end = m.end;
                num.integer = m.integer;
                num.ordinal = m.ordinal;
                num.scale = if m.end > j + 1 {
                    scale_of(m.value, w)
                } else {
                    1.0
                };
                num.year_like = m.end == j + 1 && w.len() == 4 && m.integer;
                self.point_digits(&mut num);
                return Some(num);
            }
            self.digits_token(w, money, &mut num)?;
            self.scale_after(&mut num);
            return Some(num);
        }
        if let Some(cur) = currency_sign(first) {
            // "$2.5", "€40", "$10-12", "$5m".
            let rest = w.get(first.len_utf8()..).unwrap_or("");
            if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            num.currency = Some(cur);
            self.digits_token(rest, true, &mut num)?;
            self.scale_after(&mut num);
            return Some(num);
        }
        if first.is_ascii_alphabetic() {
            // "USD3.14", "RM42".
            if let Some(split) = w.find(|c: char| c.is_ascii_digit()) {
                let (letters, digits) = w.split_at_checked(split)?;
                let code = currency_code(letters)?;
                num.currency = Some(Currency::Code(code));
                self.digits_token(digits, true, &mut num)?;
                self.scale_after(&mut num);
                return Some(num);
            }
            let m = numbers::number_at(&self.words, j)?;
            num.value = m.value;
            num.end = m.end;
            num.integer = m.integer;
            num.ordinal = m.ordinal;
            num.words = true;
            num.approx = m.approximate;
            num.scale = scale_of_words((j..m.end).map(|k| self.lower(k)));
            return Some(num);
        }
        if w == "." && self.glued(j + 1) && !self.glued(j) {
            // ".75".
            let digits = self.word(j + 1)?;
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if digits.is_empty() || digits.len() > 12 {
                return None;
            }
            let (v, _) = parse_digits(digits)?;
            num.value = v / 10f64.powi(i32::try_from(digits.len()).ok()?);
            num.end = j + 2;
            num.integer = false;
            return Some(num);
        }
        None
    }

    /// "1 point 5" after plain digits.
    fn point_digits(&self, num: &mut Num) {
        if num.end == 0 || !self.is(num.end, "point") || !num.integer || num.scale > 1.0 {
            return;
        }
        let Some(d) = self.word(num.end + 1) else {
            return;
        };
        let frac = if d.bytes().all(|b| b.is_ascii_digit()) && d.len() < 10 {
            d.parse::<u32>().ok().map(|v| (f64::from(v), d.len()))
        } else {
            numbers::number_at(&self.words, num.end + 1)
                .filter(|m| m.end == num.end + 2 && m.integer && m.value < 10.0 && !m.ordinal)
                .map(|m| (m.value, 1))
        };
        if let Some((v, digits)) = frac {
            num.value += v / 10f64.powi(i32::try_from(digits).unwrap_or(0));
            num.integer = false;
            num.end += 2;
        }
    }

    /// A token of digits with glued parts: "10-12" (range), "3/4"
    /// (fraction), "2bn", "25th", "500g", "42MYR", "20Rs", "43c".
    fn digits_token(&self, w: &str, money: bool, num: &mut Num) -> Option<()> {
        let core_len = w
            .bytes()
            .position(|b| !(b.is_ascii_digit() || matches!(b, b',' | b'.' | b'-' | b'/')))
            .unwrap_or(w.len());
        let (core, suffix) = w.split_at(core_len);
        if let Some((a, b)) = core.split_once('-') {
            let (lo, lo_int) = parse_digits(a)?;
            let (hi, hi_int) = parse_digits(b)?;
            // "1996-08-30" has three parts; "2022-23" and "3-2" go down.
            if b.contains('-') || hi <= lo || b.starts_with('0') {
                return None;
            }
            num.value = lo;
            num.max = Some(hi);
            num.integer = lo_int && hi_int;
        } else if let Some((a, b)) = core.split_once('/') {
            // A fraction needs a unit after it in running text ("3/4 cup").
            let (top, t_int) = parse_digits(a)?;
            let (bottom, b_int) = parse_digits(b)?;
            if !(t_int && b_int) || bottom == 0.0 || b.contains('/') || !suffix.is_empty() {
                return None;
            }
            let unit_next = self.unit_at(num.end).is_some();
            if self.mode == Mode::Text && !unit_next {
                return None;
            }
            num.value = top / bottom;
            num.integer = false;
        } else {
            let (v, int) = parse_digits(core)?;
            num.value = v;
            num.integer = int;
        }
        if suffix.is_empty() {
            num.year_like = core.len() == 4 && num.integer && num.max.is_none();
            return Some(());
        }
        if num.max.is_none() {
            if let Some((v, ordinal, _)) = digits_with_suffix(w, money) {
                if ordinal {
                    num.ordinal = true;
                } else if (v - num.value).abs() > f64::EPSILON {
                    num.scale = v / num.value.max(f64::MIN_POSITIVE);
                }
                num.value = v;
                return Some(());
            }
        }
        // A currency or unit glued after the digits.
        if let Some(code) = currency_code(suffix) {
            num.currency = Some(Currency::Code(code));
            return Some(());
        }
        if let Some(code) = dollar_prefix(suffix) {
            // "3.14US$".
            if self.word(num.end) == Some("$") && self.glued(num.end) {
                num.currency = Some(Currency::Code(code));
                num.end += 1;
                return Some(());
            }
            return None;
        }
        if matches!(suffix, "c" | "p") {
            num.currency = Some(Currency::Cent);
            return Some(());
        }
        if let Some(unit) = unit_symbol(suffix).or_else(|| unit_word(&suffix.to_ascii_lowercase()))
        {
            num.unit = Some(unit);
            return Some(());
        }
        None
    }

    /// Scale words after a digits token: "$2.5 billion", "10-12 million".
    fn scale_after(&self, num: &mut Num) {
        if num.ordinal || num.unit.is_some() {
            return;
        }
        let mut largest = num.scale;
        while self.word(num.end).is_some() {
            let lw = self.lower(num.end);
            let factor = match scale_word(lw) {
                Some((s, false)) => s,
                _ if lw == "hundred" && largest < 100.0 => 100.0,
                _ => break,
            };
            if factor <= largest {
                break;
            }
            num.value = numbers::scaled(num.value, factor / largest);
            num.max = num.max.map(|m| numbers::scaled(m, factor / largest));
            num.scale = factor;
            largest = factor;
            num.end += 1;
        }
    }

    /// Cents after an amount: "$20 and 43 cents", "3 GBP 1 pence", "43c"; in
    /// phrases a bare number ending the phrase too ("$20 43").
    fn cents(&self, k: usize, currency: Currency) -> Option<(f64, usize)> {
        if currency == Currency::Unnamed || currency == Currency::Cent {
            return None;
        }
        let j = if self.is(k, "and") { k + 1 } else { k };
        let w = self.word(j)?;
        // "43c", "1p".
        if let Some(digits) = w.strip_suffix('c').or_else(|| w.strip_suffix('p')) {
            let (v, int) = parse_digits(digits)?;
            return (int && v < 100.0).then_some((v / 100.0, j + 1));
        }
        let m = numbers::number_at(&self.words, j)?;
        if !m.integer || m.ordinal || m.approximate || m.value >= 100.0 || m.value < 1.0 {
            return None;
        }
        let next = self.lower(m.end);
        if matches!(next, "cent" | "cents" | "c" | "pence" | "p" | "penny") {
            return Some((m.value / 100.0, m.end + 1));
        }
        (self.mode == Mode::Phrase && m.end == self.len()).then_some((m.value / 100.0, m.end))
    }

    /// The currency of cents: pence are British, cents follow a currency sign
    /// or code before them, else US.
    fn cent_currency(&self, side: Side) -> &'static str {
        let w = self.lower(side.num.end.saturating_sub(1));
        let w2 = self.lower(side.end.saturating_sub(1));
        let pence = |s: &str| {
            matches!(s, "pence" | "penny" | "pennies")
                || s.ends_with('p') && s.starts_with(|c: char| c.is_ascii_digit())
        };
        if pence(w) || pence(w2) {
            "GBP"
        } else {
            "USD"
        }
    }

    /// Is the ordinal at `start..end` a rank in running text: "the third
    /// forum", "the 10th", "its second pipeline"? Not in dates ("October
    /// 17th", "17th of October"), centuries, "a second" or "at first".
    fn ordinal_in_context(&self, start: usize, end: usize) -> bool {
        // "the Second Amendment", "Fifth Avenue": part of a name.
        if start > 0
            && self.capitalized(start)
            && !self.is(start - 1, "\"")
            && !self.is(start - 1, "“")
        {
            return false;
        }
        let prev = self.lower(start.wrapping_sub(1));
        let next = self.lower(end);
        if is_month(prev) || is_month(next) || self.is(end, "of") && is_month(self.lower(end + 1)) {
            return false;
        }
        if matches!(next, "century" | "centuries" | "millennium") {
            return false;
        }
        let determiner = matches!(
            prev,
            "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
                | "a"
                | "an"
                | "this"
                | "that"
        );
        let noun_next = self.kind(end) == Some(TokenKind::Word) && !is_function_word(next);
        if matches!(prev, "a" | "an") && !noun_next {
            // "a second", "a third of".
            return false;
        }
        noun_next || (determiner && !matches!(prev, "a" | "an"))
    }

    /// The counted noun after a number at `k`: `Some(Some((start, end)))`,
    /// or `Some(None)` when there is none; `None` (the `?` of the caller) when the
    /// number is not a quantity at all here (a year, a date, a duration, a
    /// number inside a name).
    #[allow(clippy::option_option)] // "not a quantity" differs from "no noun"
    fn counted_noun(&self, side: &Side, k: usize) -> Option<Option<(usize, usize)>> {
        let num = &side.num;
        let prev = self.lower(side.start.wrapping_sub(1));
        let next = self.lower(k);
        // Durations and clock times are the time extractor's.
        if is_time_word(next) || self.is(k, "-") && is_time_word(self.lower(k + 1)) {
            return None;
        }
        if self.mode == Mode::Text {
            // Dates: "October 17", "17 October", "Oct. 17".
            if is_month(prev) || is_month(next) {
                return None;
            }
            // Names: "Boeing 747", "Article 5", "No. 10".
            if side.start > 0 && !num.words && self.kind(side.start - 1) == Some(TokenKind::Word) {
                let p = self.word(side.start - 1).unwrap_or("");
                if self.capitalized(side.start - 1)
                    && self.qualifier(side.start - 1, QUALIFIERS).is_none()
                    && !matches!(
                        prev,
                        "the"
                            | "some"
                            | "about"
                            | "nearly"
                            | "around"
                            | "over"
                            | "only"
                            | "all"
                            | "another"
                            | "with"
                            | "and"
                            | "at"
                            | "for"
                            | "of"
                            | "by"
                            | "to"
                            | "in"
                            | "on"
                            | "from"
                            | "its"
                            | "his"
                            | "her"
                            | "their"
                    )
                    || p == "No."
                    || p == "no."
                {
                    return None;
                }
            }
            if matches!(prev, "#" | "number" | "no.") {
                return None;
            }
            // A year: "in 2023", "the 2010 Dodd-Frank regulations", "below 2005
            // levels". News style writes counts of thousands with a comma.
            if num.year_like && (1800.0..=2100.0).contains(&num.value) {
                return None;
            }
            if num.year_like && is_year_preposition(prev) {
                return None;
            }
            // "one" as a pronoun: "no one", "the one".
            if num.words
                && (num.value - 1.0).abs() < f64::EPSILON
                && matches!(
                    prev,
                    "no" | "any"
                        | "every"
                        | "some"
                        | "the"
                        | "this"
                        | "that"
                        | "each"
                        | "which"
                        | "only"
                )
            {
                return None;
            }
        }
        let singular = (num.value - 1.0).abs() < f64::EPSILON && num.max.is_none();
        // "dozens of people", "a couple of friends", "hundreds of thousands of
        // homes": vague and word numbers may take "of".
        let k = if self.is(k, "of") && num.words && !singular {
            k + 1
        } else {
            k
        };
        // Modifiers, then a head noun: "two neighboring countries", "5,000
        // Russian troops", "2 million barrels".
        let mut head = None;
        let mut modifiers_seen = 0;
        let mut j = k;
        while j < k + 3 {
            if self.kind(j) != Some(TokenKind::Word) {
                break;
            }
            let lw = self.lower(j);
            if lw.is_empty() || is_function_word(lw) || is_time_word(lw) || is_month(lw) {
                break;
            }
            if !self
                .word(j)
                .unwrap_or("")
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
            {
                break;
            }
            let lower = self.lowercase_word(j);
            if singular && lower && looks_adjective(lw) {
                // "one possible explanation": go on to the noun.
                j += 1;
                continue;
            }
            if lower && (is_plural(lw) || singular && !looks_plural(lw)) {
                head = Some(j + 1);
                break;
            }
            if singular && (lower || modifiers_seen > 0) {
                break;
            }
            if !lower {
                modifiers_seen += 1;
            }
            j += 1;
        }
        let Some(mut end) = head else {
            return Some(None);
        };
        // "of" + what is measured: "barrels of oil", "tons of grain".
        if self.is(end, "of") {
            end = self.of_phrase(end).unwrap_or(end);
        }
        Some(Some((k, end)))
    }

    /// "of" at `k` and one or two lowercase words after it ("of oil", "of
    /// crude oil"): the index after them.
    fn of_phrase(&self, k: usize) -> Option<usize> {
        let mut m = k + 1;
        while m < k + 3 && self.lowercase_word(m) {
            let lw = self.lower(m);
            if lw.is_empty() || is_function_word(lw) || is_time_word(lw) {
                break;
            }
            m += 1;
        }
        (m > k + 1).then_some(m)
    }

    /// The text of tokens `start..end` as written.
    fn noun_text(&self, start: usize, end: usize) -> Cow<'static, str> {
        Cow::Owned(text_of(self.text, self.span(start, end)).to_owned())
    }

    /// A rate at `k`: "a day", "per barrel", "each year", "annually".
    fn rate(&self, k: usize) -> Option<(Cow<'static, str>, usize)> {
        let lw = self.lower(k);
        let per = match lw {
            "daily" => Some("day"),
            "weekly" => Some("week"),
            "monthly" => Some("month"),
            "annually" | "yearly" => Some("year"),
            "hourly" => Some("hour"),
            _ => None,
        };
        if let Some(p) = per {
            // "2 million barrels daily" but not "daily newspaper".
            let next = self.lower(k + 1);
            if self.kind(k + 1) != Some(TokenKind::Word) || is_function_word(next) {
                return Some((Cow::Borrowed(p), k + 1));
            }
            return None;
        }
        let word_per = matches!(lw, "a" | "an" | "per" | "each" | "every");
        if !word_per || !self.lowercase_word(k + 1) {
            return None;
        }
        let noun = self.lower(k + 1);
        let canonical: Option<&'static str> = match noun {
            "day" => Some("day"),
            "week" => Some("week"),
            "month" => Some("month"),
            "year" | "annum" => Some("year"),
            "hour" => Some("hour"),
            "minute" => Some("minute"),
            "second" => Some("second"),
            "quarter" => Some("quarter"),
            "capita" => Some("capita"),
            _ => None,
        };
        if let Some(c) = canonical {
            return Some((Cow::Borrowed(c), k + 2));
        }
        let measure = unit_word(noun).is_some()
            || matches!(
                noun,
                "barrel"
                    | "share"
                    | "head"
                    | "person"
                    | "piece"
                    | "unit"
                    | "kilo"
                    | "ton"
                    | "tonne"
            );
        if measure || lw == "per" && !is_function_word(noun) && !looks_plural(noun) {
            let w = self.word(k + 1)?;
            return Some((Cow::Owned(w.to_ascii_lowercase()), k + 2));
        }
        None
    }
}

/// The first word of a qualifier in `QUALIFIERS` (checked by a test).
pub(super) fn starts_qualifier(lw: &str) -> bool {
    matches!(
        lw,
        "more"
            | "greater"
            | "higher"
            | "larger"
            | "in"
            | "upwards"
            | "just"
            | "over"
            | "above"
            | "exceeding"
            | "beyond"
            | "less"
            | "fewer"
            | "lower"
            | "smaller"
            | "under"
            | "below"
            | "at"
            | "no"
            | "not"
            | "a"
            | "minimum"
            | "up"
            | "as"
            | "maximum"
            | "nearly"
            | "almost"
            | "about"
            | "around"
            | "approximately"
            | "approx."
            | "approx"
            | "roughly"
            | "some"
            | "circa"
            | "an"
            | "estimated"
            | "close"
            | "~"
            | "≈"
    )
}

/// The scale applied by words after digits: 1e6 for "2 million".
fn scale_of(value: f64, digits: &str) -> f64 {
    let plain = parse_digits(digits).map_or(value, |(v, _)| v);
    if plain > 0.0 {
        value / plain
    } else {
        1.0
    }
}

/// The largest scale word among `words` (lower-cased: "two million" → 1e6).
fn scale_of_words<'w>(words: impl Iterator<Item = &'w str>) -> f64 {
    words
        .filter_map(|w| scale_word(w).map(|(s, _)| s))
        .fold(1.0, f64::max)
}

/// Looks like a regular plural: "countries", "barrels" (not "glass", "bus",
/// "crisis").
fn looks_plural(lw: &str) -> bool {
    lw.len() > 2
        && lw.ends_with('s')
        && !lw.ends_with("ss")
        && !lw.ends_with("us")
        && !lw.ends_with("is")
}

/// Ends like an adjective: "possible", "unique", "strategic".
fn looks_adjective(lw: &str) -> bool {
    lw.len() > 4
        && [
            "ible", "able", "ful", "ous", "ive", "ic", "ique", "ish", "less", "ern",
        ]
        .iter()
        .any(|s| lw.ends_with(s))
}

/// A plural noun, regular or not.
fn is_plural(lw: &str) -> bool {
    looks_plural(lw) || is_irregular_plural(lw)
}
