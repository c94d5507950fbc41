//! Quantities: money, percentages, counts, ordinals and physical measures.
//!
//! A [`Quantity`] is a number with what it measures: "$240 billion" (money,
//! 240e9, USD), "nearly 2 million barrels of oil a day" (a count of "barrels
//! of oil", approximate, per day), "more than 130 countries" (a count with a
//! lower bound), "the third forum" (an ordinal), "37°C" (a physical quantity).
//!
//! * [`parse_quantity`] reads one phrase that must be one quantity as a whole.
//! * The document parser finds quantities in running text sentence by
//!   sentence (the crate-internal `extract`), more cautiously: see below.
//! * [`numbers`] reads numbers from word tokens (digits and spelled-out
//!   English); it is shared with the time-expression extractor.
//!
//! ## What is read
//!
//! * **Money**: a currency sign or code before or after the amount ("$10",
//!   "US$4.7 billion", "€40", "10$", "USD 3.14", "RM42", "20Rs", "3.14US$"),
//!   or a currency word after it ("ten dollars", "20 euros", "3 yuan", "42
//!   kuwaiti dinars", "four crore rupees", "2 million pounds sterling"), with
//!   cents ("$20 and 43 cents"), scale words and suffixes ("$5m", "£2.5bn",
//!   "$10K"). The unit is the ISO 4217 code; a bare "$" is read as USD; a
//!   currency word with no country ("10 dinars", "riyals", "pesos") keeps
//!   its name ("dinar"), and "bucks" gives money with no unit. Cents and
//!   pence are converted to their currency ("10 cents" is 0.1 USD).
//! * **Percentages**: "5%", "5 percent", "5 per cent", "3 percentage points"
//!   (unit "%" or "percentage point").
//! * **Counts**: a number and the plural noun it counts ("130 countries",
//!   "two neighboring countries", "2 million barrels of oil", "a dozen
//!   eggs", "5,000 Russian troops"). In running text a number needs its
//!   noun: a bare number is not reported ("in 2023", "October 17", "he was
//!   one of them"), nor one inside a name ("Boeing 747", "Article 5"), nor one
//!   counting time ("75 years", "three days": the time extractor reports
//!   durations). [`parse_quantity`] reads a bare number as a count with no
//!   unit.
//! * **Ordinals**: "third forum", "the 10th", "twenty-fifth"; not in dates
//!   ("October 17th"), centuries ("18th century"), or "a second".
//! * **Physical quantities**: length, mass, volume, area, energy, power,
//!   speed and temperature, with the unit in its usual symbol ("3 km", "500g",
//!   "2 million tonnes", "250 ml", "98.6 °F", "1,200 MW", "80 km/h").
//!   Values are not converted: "0.002 kg" stays 0.002 kg.
//! * **Qualifiers**: "nearly", "about", "around", "approximately", "some",
//!   "an estimated", "roughly", "~" make the value [`approximate`](Quantity::approximate);
//!   "more than", "over", "at least", "up to", "less than", "under", "at
//!   most", "as many as", "or more" give a [`Bound`].
//! * **Ranges**: "$10-12 billion", "10 to 20 dollars", "between 5% and 7%",
//!   "100-1000 g": the low end is [`value`](Quantity::value), the high end
//!   [`value_max`](Quantity::value_max).
//! * **Rates**: "2 million barrels a day", "$80 per barrel", "5% a year"
//!   fill [`per`](Quantity::per).
//!
//! Numbers inside URLs, e-mail addresses and file paths are not read
//! ("example.com/2023/10/17/story-12.html", "foo@bar2023.com",
//! "C:\data\12%.csv"): each address is one opaque word.
//!
//! ```
//! use nutgraf::quantity::{parse_quantity, QuantityKind, Bound};
//!
//! let q = parse_quantity("US$4.7 billion").unwrap();
//! assert_eq!((q.kind, q.value, q.unit.as_deref()), (QuantityKind::Money, 4.7e9, Some("USD")));
//!
//! let q = parse_quantity("nearly 2 million barrels of oil a day").unwrap();
//! assert_eq!(q.kind, QuantityKind::Count);
//! assert_eq!((q.value, q.unit.as_deref(), q.per.as_deref()), (2e6, Some("barrels of oil"), Some("day")));
//! assert!(q.approximate);
//!
//! let q = parse_quantity("more than 130 countries").unwrap();
//! assert_eq!(q.bound, Some(Bound::MoreThan));
//! ```
// No input may panic: text is sliced with `str::get` (or cut at ASCII bytes with
// `split_at_checked`) and lists are read with `get` or slice patterns.
#![deny(clippy::string_slice, clippy::indexing_slicing)]

pub(crate) mod addresses;
mod extract;
mod lexicon;
pub mod numbers;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fmt;

use crate::span::Span;

pub(crate) use extract::extract_toks;
pub use extract::{extract, parse_quantity};

/// A number with what it measures, found in text.
///
/// See the [module documentation](self) for what is read.
///
/// ```
/// use nutgraf::quantity::{parse_quantity, QuantityKind};
///
/// let q = parse_quantity("$10-12 billion").unwrap();
/// assert_eq!(q.kind, QuantityKind::Money);
/// assert_eq!((q.value, q.value_max), (10e9, Some(12e9)));
/// assert_eq!(q.span.slice("$10-12 billion"), "$10-12 billion");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Where the quantity is, qualifiers included ("nearly 2 million barrels
    /// of oil a day"), in bytes of the text it was read from.
    pub span: Span,
    /// What kind of quantity it is.
    pub kind: QuantityKind,
    /// The value, or the low end of a range; scale words applied ("$2.5
    /// billion" is 2.5e9), cents converted (10 cents is 0.1).
    pub value: f64,
    /// The high end of a range ("$10-12 billion": 12e9); `None` for one value.
    pub value_max: Option<f64>,
    /// What is measured: an ISO 4217 code for money ("USD"; a currency's name
    /// such as "dinar" when the text does not say which country's; `None` for
    /// "bucks"), "%" or "percentage point" for percentages, the counted noun
    /// phrase for counts ("countries", "barrels of oil"), the unit symbol for
    /// physical quantities ("km", "kg", "l", "°C", "MW"); `None` for ordinals
    /// and bare numbers.
    pub unit: Option<Cow<'static, str>>,
    /// Said to be approximate: "nearly", "about", "some", "dozens of".
    pub approximate: bool,
    /// A bound rather than an exact value: "more than", "at least", "up to".
    pub bound: Option<Bound>,
    /// The unit of a rate: "day" in "2 million barrels a day", "barrel" in
    /// "$80 per barrel".
    pub per: Option<Cow<'static, str>>,
}

/// The kind of a [`Quantity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum QuantityKind {
    /// An amount of money: "$240 billion".
    Money,
    /// A percentage: "5%", "3 percentage points".
    Percent,
    /// A number of things: "130 countries".
    Count,
    /// A rank: "third", "10th".
    Ordinal,
    /// A physical quantity with a unit: "3 km", "37°C".
    Quantity,
    /// A length of time. Not produced here: durations come from the time
    /// expressions.
    Duration,
}

impl QuantityKind {
    /// The snake-case name used in JSON: "money", "percent", "count",
    /// "ordinal", "quantity", "duration".
    pub const fn as_str(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Count => "count",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Quantity => "quantity",
            QuantityKind::Duration => "duration",
        }
    }
}

impl fmt::Display for QuantityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A bound on a [`Quantity`]: the text gives a limit, not the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Bound {
    /// The value or more: "at least", "no less than", "or more", "a minimum of".
    AtLeast,
    /// The value or less: "up to", "at most", "no more than", "as many as".
    AtMost,
    /// Above the value: "more than", "over", "above", "exceeding".
    MoreThan,
    /// Below the value: "less than", "fewer than", "under", "below".
    LessThan,
}

impl Bound {
    /// The snake-case name used in JSON: `at_least`, `at_most`, `more_than`,
    /// `less_than`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::MoreThan => "more_than",
            Bound::LessThan => "less_than",
        }
    }

    /// True for bounds from below ("at least", "more than").
    pub const fn is_lower(self) -> bool {
        matches!(self, Bound::AtLeast | Bound::MoreThan)
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
