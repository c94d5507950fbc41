//! Word lists of the quantity reader: currencies, units, qualifiers, and the
//! words that keep a number from being a count.
//!
//! All lookups are `match` statements over lowercased ASCII (compiled into
//! the binary, nothing built at run time); the case-sensitive ones (unit
//! symbols such as "MW" or "m", currency codes) take the word as written.

use super::Bound;

/// What a currency word, code or sign names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Currency {
    /// A currency: its ISO 4217 code, or its name when the country is not
    /// known ("dinar").
    Code(&'static str),
    /// A hundredth of the currency around it, or of the US dollar: "cents",
    /// "pence", "¢".
    Cent,
    /// Money with no currency named: "bucks".
    Unnamed,
}

/// The currency of a sign written before or after an amount.
pub(super) fn currency_sign(c: char) -> Option<Currency> {
    Some(Currency::Code(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        '₩' => "KRW",
        '₺' => "TRY",
        '₴' => "UAH",
        '₪' => "ILS",
        '₦' => "NGN",
        '₱' => "PHP",
        '₫' => "VND",
        '¢' => return Some(Currency::Cent),
        _ => return None,
    }))
}

/// The currency of letters glued before a "$" ("US$", "HK$", "A$"), as written.
pub(super) fn dollar_prefix(letters: &str) -> Option<&'static str> {
    Some(match letters {
        "US" | "U.S." | "U.S" => "USD",
        "A" | "AU" | "AUD" => "AUD",
        "C" | "CA" | "Can" | "CAN" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" | "SG" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        "MX" | "Mex" => "MXN",
        _ => return None,
    })
}

/// A currency code or abbreviation as written: "USD", "EUR", "RMB", "Rs",
/// "RM". Case-sensitive: "usd" is not read (it would take plain words).
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "INR" | "Rs" | "Rs." | "RS" | "rs" | "rs." => "INR",
        "RUB" => "RUB",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "NZD" => "NZD",
        "CHF" => "CHF",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "KRW" => "KRW",
        "TWD" => "TWD",
        "TRY" => "TRY",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "ARS" => "ARS",
        "CLP" => "CLP",
        "COP" => "COP",
        "ZAR" => "ZAR",
        "NGN" => "NGN",
        "KES" => "KES",
        "EGP" | "LE" | "L.E" | "L.E." | "l.e" | "l.e." => "EGP",
        "SAR" => "SAR",
        "QAR" => "QAR",
        "AED" => "AED",
        "KWD" => "KWD",
        "BHD" => "BHD",
        "OMR" => "OMR",
        "JOD" => "JOD",
        "IRR" => "IRR",
        "IQD" => "IQD",
        "ILS" | "NIS" => "ILS",
        "MYR" | "RM" => "MYR",
        "IDR" => "IDR",
        "THB" => "THB",
        "VND" => "VND",
        "PHP" => "PHP",
        "PKR" => "PKR",
        "BDT" => "BDT",
        "LKR" => "LKR",
        "UAH" => "UAH",
        "PLN" => "PLN",
        "CZK" => "CZK",
        "HUF" => "HUF",
        "RON" => "RON",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "ISK" => "ISK",
        "KZT" => "KZT",
        "MNT" => "MNT",
        "BTC" | "XBT" => "BTC",
        _ => return None,
    })
}

/// A currency word, lowercased ("dollars", "yuan", "dinar"): the name it is
/// qualified by in [`qualified_currency`] and what it means alone.
pub(super) fn currency_word(lw: &str) -> Option<(&'static str, Currency)> {
    use Currency::{Cent, Code, Unnamed};
    Some(match lw {
        "dollar" | "dollars" => ("dollar", Code("USD")),
        "euro" | "euros" => ("euro", Code("EUR")),
        "pound" | "pounds" => ("pound", Code("GBP")),
        "sterling" | "quid" => ("sterling", Code("GBP")),
        "yen" => ("yen", Code("JPY")),
        "yuan" | "renminbi" => ("yuan", Code("CNY")),
        "ruble" | "rubles" | "rouble" | "roubles" => ("ruble", Code("RUB")),
        "rupee" | "rupees" => ("rupee", Code("INR")),
        "rupiah" => ("rupiah", Code("IDR")),
        "dinar" | "dinars" => ("dinar", Code("dinar")),
        "riyal" | "riyals" => ("riyal", Code("riyal")),
        "rial" | "rials" => ("rial", Code("rial")),
        "dirham" | "dirhams" => ("dirham", Code("dirham")),
        "peso" | "pesos" => ("peso", Code("peso")),
        "franc" | "francs" => ("franc", Code("franc")),
        "krona" | "kronor" => ("krona", Code("SEK")),
        "krone" | "kroner" => ("krone", Code("krone")),
        "lira" | "liras" | "lire" => ("lira", Code("TRY")),
        "shekel" | "shekels" | "sheqel" | "sheqels" => ("shekel", Code("ILS")),
        "won" => ("won", Code("KRW")),
        "ringgit" | "ringgits" => ("ringgit", Code("MYR")),
        "rand" => ("rand", Code("ZAR")),
        "naira" => ("naira", Code("NGN")),
        "cedi" | "cedis" => ("cedi", Code("GHS")),
        "hryvnia" | "hryvnias" | "hryvnya" => ("hryvnia", Code("UAH")),
        "zloty" | "zlotys" | "zlotych" => ("zloty", Code("PLN")),
        "forint" | "forints" => ("forint", Code("HUF")),
        "koruna" | "korunas" => ("koruna", Code("CZK")),
        "baht" => ("baht", Code("THB")),
        "dong" => ("dong", Code("VND")),
        "taka" => ("taka", Code("BDT")),
        "tenge" => ("tenge", Code("KZT")),
        "tugrik" | "tugriks" | "tögrög" => ("tugrik", Code("MNT")),
        "shilling" | "shillings" => ("shilling", Code("shilling")),
        "reais" => ("real", Code("BRL")),
        "bitcoin" | "bitcoins" => ("bitcoin", Code("BTC")),
        "buck" | "bucks" => ("buck", Unnamed),
        "cent" | "cents" | "pence" | "penny" | "pennies" => ("cent", Cent),
        _ => return None,
    })
}

/// A currency named with its country: "Canadian dollars", "kuwaiti dinar",
/// "malaysia ringgit", "Swiss francs". `adj` is lowercased.
pub(super) fn qualified_currency(adj: &str, base: &str) -> Option<&'static str> {
    Some(match (adj, base) {
        ("us" | "u.s." | "american", "dollar") => "USD",
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("singapore" | "singaporean", "dollar") => "SGD",
        ("taiwan" | "taiwanese", "dollar") => "TWD",
        ("zealand", "dollar") => "NZD",
        ("kong", "dollar") => "HKD",
        ("british", "pound") | (_, "sterling") => "GBP",
        ("egyptian" | "egypt", "pound") => "EGP",
        ("lebanese", "pound") => "LBP",
        ("syrian", "pound") => "SYP",
        ("sudanese", "pound") => "SDG",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("russian", "ruble") => "RUB",
        ("belarusian" | "belarus", "ruble") => "BYN",
        ("indian", "rupee") => "INR",
        ("pakistani", "rupee") => "PKR",
        ("lankan", "rupee") => "LKR",
        ("nepalese" | "nepali", "rupee") => "NPR",
        ("indonesian", "rupiah") => "IDR",
        ("kuwaiti", "dinar") => "KWD",
        ("iraqi", "dinar") => "IQD",
        ("jordanian", "dinar") => "JOD",
        ("bahraini", "dinar") => "BHD",
        ("libyan", "dinar") => "LYD",
        ("tunisian", "dinar") => "TND",
        ("algerian", "dinar") => "DZD",
        ("serbian", "dinar") => "RSD",
        ("saudi", "riyal") => "SAR",
        ("qatari", "riyal") => "QAR",
        ("omani", "rial") => "OMR",
        ("iranian", "rial") => "IRR",
        ("yemeni", "rial") => "YER",
        ("emirati" | "uae", "dirham") => "AED",
        ("moroccan", "dirham") => "MAD",
        ("mexican", "peso") => "MXN",
        ("argentine" | "argentinian", "peso") => "ARS",
        ("philippine", "peso") => "PHP",
        ("colombian", "peso") => "COP",
        ("chilean", "peso") => "CLP",
        ("swiss", "franc") => "CHF",
        ("swedish", "krona") => "SEK",
        ("norwegian", "krone") => "NOK",
        ("danish", "krone") => "DKK",
        ("turkish", "lira") => "TRY",
        ("israeli", "shekel") => "ILS",
        ("south" | "korean", "won") => "KRW",
        ("malaysia" | "malaysian", "ringgit") => "MYR",
        ("african", "rand") => "ZAR",
        ("nigerian", "naira") => "NGN",
        ("ghanaian", "cedi") => "GHS",
        ("ukrainian", "hryvnia") => "UAH",
        ("polish", "zloty") => "PLN",
        ("hungarian", "forint") => "HUF",
        ("czech", "koruna") => "CZK",
        ("thai", "baht") => "THB",
        ("vietnamese", "dong") => "VND",
        ("kenyan", "shilling") => "KES",
        ("ugandan", "shilling") => "UGX",
        ("tanzanian", "shilling") => "TZS",
        ("brazilian", "real") => "BRL",
        ("mongolian", "tugrik") => "MNT",
        _ => return None,
    })
}

/// What a physical unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Dim {
    Length,
    Mass,
    Volume,
    Area,
    Energy,
    Power,
    Speed,
    Temperature,
}

/// A physical unit: its symbol and what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    pub(super) symbol: &'static str,
    pub(super) dim: Dim,
}

#[allow(clippy::unnecessary_wraps)] // keeps the tables below one line a unit
const fn unit(symbol: &'static str, dim: Dim) -> Option<Unit> {
    Some(Unit { symbol, dim })
}

/// A unit symbol, as written (case matters: "m" metres, "M" million, "MW"
/// megawatts). Symbols that are also common words ("in", "t") are not here.
pub(super) fn unit_symbol(w: &str) -> Option<Unit> {
    use Dim::{Area, Energy, Length, Mass, Power, Speed, Temperature, Volume};
    match w {
        "km" | "kms" | "Km" | "KM" => unit("km", Length),
        "m" => unit("m", Length),
        "cm" | "cms" => unit("cm", Length),
        "mm" => unit("mm", Length),
        "mi" => unit("mi", Length),
        "ft" => unit("ft", Length),
        "yd" | "yds" => unit("yd", Length),
        "nm" | "nmi" => unit("nmi", Length),
        "kg" | "kgs" | "Kg" | "KG" | "k.g." | "k.g" => unit("kg", Mass),
        "g" | "gs" | "gr" => unit("g", Mass),
        "mg" => unit("mg", Mass),
        "lb" | "lbs" => unit("lb", Mass),
        "oz" => unit("oz", Mass),
        "l" | "L" | "ltr" | "ltrs" => unit("l", Volume),
        "ml" | "mls" | "mL" => unit("ml", Volume),
        "hl" | "hL" => unit("hl", Volume),
        "gal" | "gals" => unit("gal", Volume),
        "bcm" => unit("bcm", Volume),
        "km²" | "km2" | "sqkm" => unit("km²", Area),
        "m²" | "m2" => unit("m²", Area),
        "ha" => unit("ha", Area),
        "kW" | "KW" | "kw" => unit("kW", Power),
        "MW" | "Mw" => unit("MW", Power),
        "GW" => unit("GW", Power),
        "TW" => unit("TW", Power),
        "kWh" | "KWh" | "kwh" => unit("kWh", Energy),
        "MWh" => unit("MWh", Energy),
        "GWh" => unit("GWh", Energy),
        "TWh" => unit("TWh", Energy),
        "mph" | "MPH" => unit("mph", Speed),
        "kph" | "kmh" | "kmph" => unit("km/h", Speed),
        "knots" | "kt" | "kts" => unit("kn", Speed),
        "°C" | "ºC" | "℃" => unit("°C", Temperature),
        "°F" | "ºF" | "℉" => unit("°F", Temperature),
        _ => None,
    }
}

/// A unit word, lowercased: "kilometres", "tonnes", "litres", "degrees".
pub(super) fn unit_word(lw: &str) -> Option<Unit> {
    use Dim::{Area, Energy, Length, Mass, Power, Temperature, Volume};
    match lw {
        "kilometre" | "kilometres" | "kilometer" | "kilometers" => unit("km", Length),
        "metre" | "metres" | "meter" | "meters" => unit("m", Length),
        "centimetre" | "centimetres" | "centimeter" | "centimeters" => unit("cm", Length),
        "millimetre" | "millimetres" | "millimeter" | "millimeters" => unit("mm", Length),
        "mile" | "miles" => unit("mi", Length),
        "foot" | "feet" => unit("ft", Length),
        "inch" | "inches" => unit("in", Length),
        "yard" | "yards" => unit("yd", Length),
        "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo" | "kilos" => {
            unit("kg", Mass)
        }
        "gram" | "grams" | "gramme" | "grammes" => unit("g", Mass),
        "milligram" | "milligrams" | "milligramme" | "milligrammes" => unit("mg", Mass),
        "tonne" | "tonnes" => unit("t", Mass),
        "ton" | "tons" => unit("ton", Mass),
        "pound" | "pounds" => unit("lb", Mass),
        "ounce" | "ounces" => unit("oz", Mass),
        "litre" | "litres" | "liter" | "liters" => unit("l", Volume),
        "millilitre" | "millilitres" | "milliliter" | "milliliters" => unit("ml", Volume),
        "hectolitre" | "hectolitres" | "hectoliter" | "hectoliters" => unit("hl", Volume),
        "gallon" | "gallons" => unit("gal", Volume),
        "cup" | "cups" => unit("cup", Volume),
        "hectare" | "hectares" => unit("ha", Area),
        "acre" | "acres" => unit("acre", Area),
        "megawatt" | "megawatts" => unit("MW", Power),
        "gigawatt" | "gigawatts" => unit("GW", Power),
        "kilowatt" | "kilowatts" => unit("kW", Power),
        "terawatt" | "terawatts" => unit("TW", Power),
        "kilowatt-hour" | "kilowatt-hours" => unit("kWh", Energy),
        "megawatt-hour" | "megawatt-hours" => unit("MWh", Energy),
        "gigawatt-hour" | "gigawatt-hours" => unit("GWh", Energy),
        "terawatt-hour" | "terawatt-hours" => unit("TWh", Energy),
        "celsius" | "centigrade" => unit("°C", Temperature),
        "fahrenheit" => unit("°F", Temperature),
        "degree" | "degrees" => unit("°", Temperature),
        _ => None,
    }
}

/// The size of a length or mass unit in metres or grams, for adding up
/// "7 feet 10 inches" or "2 kilometres, 1 metre".
pub(super) fn base_factor(symbol: &str) -> Option<f64> {
    Some(match symbol {
        "km" | "kg" => 1000.0,
        "m" | "g" => 1.0,
        "cm" => 0.01,
        "mm" | "mg" => 0.001,
        "mi" => 1609.344,
        "yd" => 0.9144,
        "ft" => 0.3048,
        "in" => 0.0254,
        "lb" => 453.592_37,
        "oz" => 28.349_523_125,
        _ => return None,
    })
}

/// "square" and "cubic" before a length: the area or volume unit.
pub(super) fn squared(length: &'static str, cubic: bool) -> Option<Unit> {
    let (symbol, dim) = match (length, cubic) {
        ("km", false) => ("km²", Dim::Area),
        ("m", false) => ("m²", Dim::Area),
        ("mi", false) => ("mi²", Dim::Area),
        ("ft", false) => ("ft²", Dim::Area),
        ("m", true) => ("m³", Dim::Volume),
        ("ft", true) => ("ft³", Dim::Volume),
        ("km", true) => ("km³", Dim::Volume),
        _ => return None,
    };
    Some(Unit { symbol, dim })
}

/// Qualifiers before a number: (words, approximate, bound). The longest match
/// wins; phrases are lowercased.
pub(super) const QUALIFIERS: &[(&[&str], bool, Option<Bound>)] = &[
    (&["more", "than"], false, Some(Bound::MoreThan)),
    (&["greater", "than"], false, Some(Bound::MoreThan)),
    (&["higher", "than"], false, Some(Bound::MoreThan)),
    (&["larger", "than"], false, Some(Bound::MoreThan)),
    (&["in", "excess", "of"], false, Some(Bound::MoreThan)),
    (&["upwards", "of"], false, Some(Bound::MoreThan)),
    (&["just", "over"], true, Some(Bound::MoreThan)),
    (&["just", "above"], true, Some(Bound::MoreThan)),
    (&["over"], false, Some(Bound::MoreThan)),
    (&["above"], false, Some(Bound::MoreThan)),
    (&["exceeding"], false, Some(Bound::MoreThan)),
    (&["beyond"], false, Some(Bound::MoreThan)),
    (&["less", "than"], false, Some(Bound::LessThan)),
    (&["fewer", "than"], false, Some(Bound::LessThan)),
    (&["lower", "than"], false, Some(Bound::LessThan)),
    (&["smaller", "than"], false, Some(Bound::LessThan)),
    (&["just", "under"], true, Some(Bound::LessThan)),
    (&["just", "below"], true, Some(Bound::LessThan)),
    (&["under"], false, Some(Bound::LessThan)),
    (&["below"], false, Some(Bound::LessThan)),
    (&["at", "least"], false, Some(Bound::AtLeast)),
    (&["no", "less", "than"], false, Some(Bound::AtLeast)),
    (&["no", "fewer", "than"], false, Some(Bound::AtLeast)),
    (&["not", "less", "than"], false, Some(Bound::AtLeast)),
    (&["a", "minimum", "of"], false, Some(Bound::AtLeast)),
    (&["minimum", "of"], false, Some(Bound::AtLeast)),
    (&["at", "most"], false, Some(Bound::AtMost)),
    (&["up", "to"], false, Some(Bound::AtMost)),
    (&["no", "more", "than"], false, Some(Bound::AtMost)),
    (&["not", "more", "than"], false, Some(Bound::AtMost)),
    (&["as", "many", "as"], false, Some(Bound::AtMost)),
    (&["as", "much", "as"], false, Some(Bound::AtMost)),
    (&["a", "maximum", "of"], false, Some(Bound::AtMost)),
    (&["maximum", "of"], false, Some(Bound::AtMost)),
    (&["nearly"], true, None),
    (&["almost"], true, None),
    (&["about"], true, None),
    (&["around"], true, None),
    (&["approximately"], true, None),
    (&["approx."], true, None),
    (&["approx"], true, None),
    (&["roughly"], true, None),
    (&["some"], true, None),
    (&["circa"], true, None),
    (&["an", "estimated"], true, None),
    (&["estimated"], true, None),
    (&["close", "to"], true, None),
    (&["nearly", "all"], true, None),
    (&["~"], true, None),
    (&["≈"], true, None),
];

/// Qualifiers after a quantity: "or more", "or so".
pub(super) const QUALIFIERS_AFTER: &[(&[&str], bool, Option<Bound>)] = &[
    (&["or", "more"], false, Some(Bound::AtLeast)),
    (&["or", "higher"], false, Some(Bound::AtLeast)),
    (&["or", "above"], false, Some(Bound::AtLeast)),
    (&["or", "over"], false, Some(Bound::AtLeast)),
    (&["or", "less"], false, Some(Bound::AtMost)),
    (&["or", "fewer"], false, Some(Bound::AtMost)),
    (&["or", "lower"], false, Some(Bound::AtMost)),
    (&["or", "below"], false, Some(Bound::AtMost)),
    (&["or", "so"], true, None),
    (&["and", "above"], false, Some(Bound::AtLeast)),
    (&["and", "up"], false, Some(Bound::AtLeast)),
    (&["plus"], false, Some(Bound::AtLeast)),
];

/// Words of time: a number before them is a duration or a date, which the
/// time extractor reports.
pub(super) fn is_time_word(lw: &str) -> bool {
    matches!(
        lw,
        "second"
            | "seconds"
            | "sec"
            | "secs"
            | "minute"
            | "minutes"
            | "min"
            | "mins"
            | "hour"
            | "hours"
            | "hrs"
            | "hr"
            | "day"
            | "days"
            | "night"
            | "nights"
            | "week"
            | "weeks"
            | "weekend"
            | "weekends"
            | "fortnight"
            | "fortnights"
            | "month"
            | "months"
            | "quarter"
            | "quarters"
            | "year"
            | "years"
            | "yrs"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "millennium"
            | "millennia"
            | "a.m."
            | "p.m."
            | "am"
            | "pm"
            | "o'clock"
            | "gmt"
            | "utc"
            | "bst"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "cet"
    )
}

/// Month names and their abbreviations, lowercased.
pub(super) fn is_month(lw: &str) -> bool {
    matches!(
        lw,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "jan."
            | "feb"
            | "feb."
            | "mar."
            | "apr"
            | "apr."
            | "jun."
            | "jul."
            | "aug"
            | "aug."
            | "sep"
            | "sep."
            | "sept"
            | "sept."
            | "oct"
            | "oct."
            | "nov"
            | "nov."
            | "dec"
            | "dec."
    )
}

/// Words before a year-like number that make it a year: "in 2023", "since 1998".
pub(super) fn is_year_preposition(lw: &str) -> bool {
    matches!(
        lw,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "to"
            | "of"
            | "before"
            | "after"
            | "during"
            | "through"
            | "between"
            | "and"
            | "early"
            | "late"
            | "mid"
            | "year"
            | "fiscal"
            | "circa"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
    )
}

/// Function words: never a counted noun or a word inside one.
pub(super) fn is_function_word(lw: &str) -> bool {
    matches!(
        lw,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "than"
            | "per"
            | "each"
            | "every"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "them"
            | "their"
            | "his"
            | "her"
            | "we"
            | "us"
            | "our"
            | "you"
            | "your"
            | "i"
            | "me"
            | "my"
            | "who"
            | "whom"
            | "which"
            | "what"
            | "when"
            | "where"
            | "while"
            | "if"
            | "not"
            | "no"
            | "so"
            | "too"
            | "very"
            | "also"
            | "only"
            | "just"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "up"
            | "down"
            | "out"
            | "off"
            | "again"
            | "all"
            | "both"
            | "some"
            | "any"
            | "such"
            | "there"
            | "here"
            | "then"
            | "now"
            | "ago"
            | "later"
            | "earlier"
            | "times"
            | "percent"
            | "per-cent"
            | "apiece"
            | "respectively"
            | "between"
            | "among"
            | "against"
            | "during"
            | "through"
            | "across"
            | "via"
            | "including"
            | "like"
            | "near"
            | "around"
            | "according"
            | "said"
            | "says"
            | "say"
            | "killed"
            | "died"
            | "dead"
            | "ahead"
            | "behind"
            | "left"
            | "more"
            | "less"
            | "most"
            | "least"
            | "fewer"
            | "million"
            | "billion"
            | "trillion"
            | "thousand"
            | "hundred"
    )
}

/// Plural nouns that do not end in "s", and nouns that count in either number.
pub(super) fn is_irregular_plural(lw: &str) -> bool {
    matches!(
        lw,
        "men"
            | "women"
            | "people"
            | "children"
            | "police"
            | "personnel"
            | "staff"
            | "cattle"
            | "sheep"
            | "fish"
            | "deer"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "aircraft"
            | "spacecraft"
            | "livestock"
            | "poultry"
            | "crew"
            | "data"
            | "media"
            | "criteria"
            | "offspring"
            | "swine"
            | "militia"
            | "infantry"
            | "cavalry"
    )
}
