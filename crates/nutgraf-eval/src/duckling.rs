//! Duckling's English test corpus: does a phrase parse as one value of a
//! dimension?
//!
//! Each example is a whole phrase, a dimension (`amount-of-money`, `number`,
//! `ordinal`, `distance`, `volume`, `quantity`, `temperature`, `time`,
//! `duration`) and the value Duckling gives it. An example passes when the
//! whole phrase reads as one quantity of that dimension with that value
//! ([`nutgraf::parse_quantity`]); a `negative` example passes when it does not
//! read as that dimension. `time` and `duration` are scored by
//! [`crate::duckling_time::check`].
//!
//! Duckling's units are mapped to nutgraf's here, not in the library:
//! `Dollar` (a bare "$") is USD, `Unnamed` ("bucks") is money with no
//! currency, `Cent` is a hundredth of a US dollar, `Dinar`/`Riyal`/`Rial`
//! are those currencies with no country; lengths, masses and volumes are
//! converted to Duckling's unit before comparing ("0.002 kg" is 2 grams).
//!
//! `latent` examples are bare numbers Duckling reads as money or quantities
//! only when asked to ("five" as an amount of money): out of scope for
//! nutgraf, which needs a currency or unit. They are scored and shown apart,
//! not in a dimension's headline rate.

use std::collections::BTreeMap;

use nutgraf::{parse_quantity, Bound, Quantity, QuantityKind};
use serde_json::Value;

use crate::jsonl;

/// One example of the corpus.
#[derive(Debug, Clone)]
pub struct Example {
    /// Duckling's dimension: "amount-of-money", "number", "time", ...
    pub dimension: String,
    /// "corpus", "negative", "latent", "`default_extra`", "diff".
    pub corpus: String,
    /// The phrase.
    pub text: String,
    /// Duckling's reference time (`2013-02-12T04:30:00-02:00`).
    pub reference_time: String,
    /// Duckling's value (`null` for negative examples).
    pub expected: Value,
}

/// Read the corpus.
pub fn read(path: &str) -> Result<Vec<Example>, String> {
    jsonl::read(path)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let s = |k: &str| {
                v.get(k)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .ok_or_else(|| format!("{path}:{}: no {k:?}", i + 1))
            };
            Ok(Example {
                dimension: s("dimension")?,
                corpus: s("corpus")?,
                text: s("text")?,
                reference_time: s("reference_time").unwrap_or_default(),
                expected: v.get("expected").cloned().unwrap_or(Value::Null),
            })
        })
        .collect()
}

/// Pass counts of one dimension and corpus kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Examples that passed.
    pub passed: usize,
    /// Examples scored.
    pub total: usize,
}

impl Tally {
    /// Passed over total, 0 when empty.
    pub fn rate(&self) -> f64 {
        crate::ratio(self.passed, self.total)
    }
}

/// The scores of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per (dimension, corpus kind).
    pub by_kind: BTreeMap<(String, String), Tally>,
    /// Failed examples with what nutgraf read, in file order.
    pub failures: Vec<(Example, String)>,
}

impl Report {
    /// The headline tally of a dimension: every corpus kind but `latent`.
    pub fn dimension(&self, dimension: &str) -> Tally {
        let mut t = Tally::default();
        for ((d, kind), k) in &self.by_kind {
            if d == dimension && kind != "latent" {
                t.passed += k.passed;
                t.total += k.total;
            }
        }
        t
    }

    /// The dimensions, in name order.
    pub fn dimensions(&self) -> Vec<String> {
        let mut d: Vec<String> = self.by_kind.keys().map(|(d, _)| d.clone()).collect();
        d.dedup();
        d
    }
}

/// Score every example of the corpus at `path`.
pub fn score(path: &str) -> Result<Report, String> {
    let examples = read(path)?;
    let mut report = Report::default();
    for ex in examples {
        let (ok, got) = check(&ex);
        let t = report
            .by_kind
            .entry((ex.dimension.clone(), ex.corpus.clone()))
            .or_default();
        t.total += 1;
        if ok {
            t.passed += 1;
        } else {
            report.failures.push((ex, got));
        }
    }
    Ok(report)
}

/// Does `ex` pass? Also returns what nutgraf read, for the error listing.
pub fn check(ex: &Example) -> (bool, String) {
    if matches!(ex.dimension.as_str(), "time" | "duration") {
        return crate::duckling_time::check(ex);
    }
    let q = parse_quantity(&ex.text);
    let got = q.as_ref().map_or_else(|| String::from("nothing"), describe);
    let in_dimension = q.as_ref().filter(|q| kind_matches(&ex.dimension, q));
    if ex.corpus == "negative" || ex.expected.is_null() {
        return (in_dimension.is_none(), got);
    }
    let ok = in_dimension.is_some_and(|q| value_matches(&ex.dimension, &ex.expected, q));
    (ok, got)
}

fn describe(q: &Quantity) -> String {
    use std::fmt::Write;
    let mut s = format!("{} {}", q.kind, q.value);
    if let Some(m) = q.value_max {
        let _ = write!(s, "..{m}");
    }
    if let Some(u) = &q.unit {
        let _ = write!(s, " {u}");
    }
    if let Some(b) = q.bound {
        let _ = write!(s, " [{b}]");
    }
    if q.approximate {
        s += " ~";
    }
    s
}

/// Is `q` of the kind Duckling's dimension names?
fn kind_matches(dimension: &str, q: &Quantity) -> bool {
    match dimension {
        "amount-of-money" => q.kind == QuantityKind::Money,
        "number" => q.kind == QuantityKind::Count && q.unit.is_none(),
        "ordinal" => q.kind == QuantityKind::Ordinal,
        "distance" | "volume" | "quantity" | "temperature" => {
            q.kind == QuantityKind::Quantity
                && q.unit
                    .as_deref()
                    .and_then(physical)
                    .is_some_and(|(d, _)| d == dimension)
        }
        _ => false,
    }
}

/// Duckling's dimension of a nutgraf unit symbol and its factor to the
/// dimension's base unit (metre, gram, litre; temperatures are not converted).
fn physical(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "km" => ("distance", 1000.0),
        "m" => ("distance", 1.0),
        "cm" => ("distance", 0.01),
        "mm" => ("distance", 0.001),
        "mi" => ("distance", 1609.344),
        "ft" => ("distance", 0.3048),
        "in" => ("distance", 0.0254),
        "yd" => ("distance", 0.9144),
        "g" | "cup" => ("quantity", 1.0),
        "kg" => ("quantity", 1000.0),
        "mg" => ("quantity", 0.001),
        "lb" => ("quantity", 453.592_37),
        "oz" => ("quantity", 28.349_523_125),
        "t" => ("quantity", 1e6),
        "l" => ("volume", 1.0),
        "ml" => ("volume", 0.001),
        "hl" => ("volume", 100.0),
        "gal" => ("volume", 3.785_411_784),
        "°C" | "°F" | "°" => ("temperature", 1.0),
        _ => return None,
    })
}

/// Duckling's unit name as a nutgraf unit (money: the currency; physical:
/// the symbol whose factor converts).
fn duckling_unit(unit: &str) -> Option<&'static str> {
    Some(match unit {
        "Dollar" | "USD" => "USD",
        "Unnamed" => "",
        "Dinar" => "dinar",
        "Riyal" => "riyal",
        "Rial" => "rial",
        "Kilometre" => "km",
        "Metre" | "M" => "m",
        "Centimetre" => "cm",
        "Millimetre" => "mm",
        "Mile" => "mi",
        "Foot" => "ft",
        "Inch" => "in",
        "Yard" => "yd",
        "Gram" => "g",
        "Pound" => "lb",
        "Ounce" => "oz",
        "Cup" => "cup",
        "Litre" => "l",
        "Millilitre" => "ml",
        "Hectolitre" => "hl",
        "Gallon" => "gal",
        "Celsius" => "°C",
        "Fahrenheit" => "°F",
        "Degree" => "°",
        _ => return None,
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Does `q` have Duckling's value, unit and interval?
fn value_matches(dimension: &str, expected: &Value, q: &Quantity) -> bool {
    let num = |k: &str| expected.get(k).and_then(Value::as_f64);
    let unit = expected.get("unit").and_then(Value::as_str);
    // The factor from nutgraf's value to Duckling's unit.
    let factor = match (dimension, unit) {
        ("number" | "ordinal", _) => 1.0,
        ("amount-of-money", Some("Cent")) => {
            if q.unit.as_deref() != Some("USD") {
                return false;
            }
            100.0
        }
        ("amount-of-money", Some(u)) => {
            let want = duckling_unit(u).unwrap_or(u);
            let have = q.unit.as_deref().unwrap_or("");
            if want != have {
                return false;
            }
            1.0
        }
        (_, Some(u)) => {
            let Some(want) = duckling_unit(u) else {
                return false;
            };
            let Some(have) = q.unit.as_deref() else {
                return false;
            };
            if dimension == "temperature" {
                if want != have {
                    return false;
                }
                1.0
            } else {
                match (physical(have), physical(want)) {
                    // Cups are not convertible.
                    (Some((dh, fh)), Some((dw, fw)))
                        if dh == dw && (have == want || have != "cup" && want != "cup") =>
                    {
                        fh / fw
                    }
                    _ => return false,
                }
            }
        }
        (_, None) => return false,
    };
    let value = q.value * factor;
    let max = q.value_max.map(|m| m * factor);
    match expected.get("type").and_then(Value::as_str) {
        Some("interval") => {
            let (from, to) = (num("from"), num("to"));
            match (from, to, max, q.bound) {
                (Some(f), Some(t), Some(m), None) => close(f, value) && close(t, m),
                (Some(f), None, None, Some(b)) => b.is_lower() && close(f, value),
                (None, Some(t), None, Some(b)) => {
                    matches!(b, Bound::AtMost | Bound::LessThan) && close(t, value)
                }
                _ => false,
            }
        }
        _ => num("value").is_some_and(|v| close(v, value)) && max.is_none() && q.bound.is_none(),
    }
}

/// `nutgraf-eval duckling FILE [--errors N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("duckling: give the corpus JSONL path")?;
    let show = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let report = score(path)?;
    println!(
        "{:<18} {:>9} {:>7}   by corpus kind",
        "dimension", "passed", "rate"
    );
    for d in report.dimensions() {
        let t = report.dimension(&d);
        let kinds: Vec<String> = report
            .by_kind
            .iter()
            .filter(|((dim, _), _)| *dim == d)
            .map(|((_, kind), k)| format!("{kind} {}/{}", k.passed, k.total))
            .collect();
        println!(
            "{:<18} {:>4}/{:<4} {:>6.1}%   {}",
            d,
            t.passed,
            t.total,
            100.0 * t.rate(),
            kinds.join(", ")
        );
    }
    println!("(latent examples are out of scope and not in the rates)");
    if show > 0 {
        let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
        println!("\nfailures (up to {show} per dimension):");
        for (ex, got) in &report.failures {
            let n = shown.entry(ex.dimension.as_str()).or_default();
            if *n >= show {
                continue;
            }
            *n += 1;
            println!(
                "  {:<16} {:<9} {:?}: expected {}, got {got}",
                ex.dimension, ex.corpus, ex.text, ex.expected
            );
        }
    }
    Ok(())
}
