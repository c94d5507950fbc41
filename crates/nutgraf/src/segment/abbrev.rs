//! Abbreviations and the small word lists the segmenter and tokenizer consult.
//!
//! Every list is a static slice sorted in byte order (checked by a test) and
//! searched with `binary_search`; nothing is built at run time.

/// How an abbreviation (a word written before a `.`) behaves at a possible
/// sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title or connective ("Mr.", "Gen.", "Rev.", "vs.", "e.g."): never
    /// ends a sentence.
    Title,
    /// A name, company or place suffix, a dotted acronym or an initial
    /// ("Inc.", "Jr.", "St.", "Calif.", "U.S.", "F."): ends a sentence only
    /// when a function word such as "The" or "He" follows.
    Suffix,
    /// Written before a number ("No. 5", "Oct. 17", "Fig. 3"): does not end a
    /// sentence before a digit, otherwise behaves like an ordinary word.
    Numeric,
    /// An abbreviation that often ends a sentence ("etc."): ends one before a
    /// capitalized word, like an ordinary word.
    Plain,
    /// "a.m." / "p.m.": ends a sentence unless a number, a weekday, a month or
    /// a time zone follows ("10 a.m. Tuesday", "5 p.m. ET").
    Time,
}

/// Known abbreviations, as written (without the final dot). Sorted.
///
/// Lookups also accept the all-caps form of a capitalized entry ("MR") and
/// the capitalized or all-caps form of a lowercase entry ("Etc", "VS").
static ABBREVIATIONS: &[(&str, Abbrev)] = &[
    ("Adm", Abbrev::Title),
    ("Ala", Abbrev::Suffix),
    ("Apr", Abbrev::Numeric),
    ("Ariz", Abbrev::Suffix),
    ("Ark", Abbrev::Suffix),
    ("Art", Abbrev::Numeric),
    ("Assn", Abbrev::Suffix),
    ("Atty", Abbrev::Title),
    ("Aug", Abbrev::Numeric),
    ("Ave", Abbrev::Suffix),
    ("Blvd", Abbrev::Suffix),
    ("Brig", Abbrev::Title),
    ("Bros", Abbrev::Suffix),
    ("Calif", Abbrev::Suffix),
    ("Capt", Abbrev::Title),
    ("Cdr", Abbrev::Title),
    ("Ch", Abbrev::Numeric),
    ("Cmdr", Abbrev::Title),
    ("Co", Abbrev::Suffix),
    ("Col", Abbrev::Title),
    ("Colo", Abbrev::Suffix),
    ("Conn", Abbrev::Suffix),
    ("Corp", Abbrev::Suffix),
    ("Cos", Abbrev::Suffix),
    ("Cpl", Abbrev::Title),
    ("Dec", Abbrev::Numeric),
    ("Del", Abbrev::Suffix),
    ("Dept", Abbrev::Suffix),
    ("Det", Abbrev::Title),
    ("Dr", Abbrev::Title),
    ("Dra", Abbrev::Title),
    ("Ext", Abbrev::Numeric),
    ("Feb", Abbrev::Numeric),
    ("Fig", Abbrev::Numeric),
    ("Figs", Abbrev::Numeric),
    ("Fla", Abbrev::Suffix),
    ("Fr", Abbrev::Title),
    ("Ft", Abbrev::Title),
    ("Ga", Abbrev::Suffix),
    ("Gen", Abbrev::Title),
    ("Gov", Abbrev::Title),
    ("Hon", Abbrev::Title),
    ("Hwy", Abbrev::Suffix),
    ("Ill", Abbrev::Suffix),
    ("Inc", Abbrev::Suffix),
    ("Ind", Abbrev::Suffix),
    ("Insp", Abbrev::Title),
    ("Intl", Abbrev::Suffix),
    ("Jan", Abbrev::Numeric),
    ("Jr", Abbrev::Suffix),
    ("Jul", Abbrev::Numeric),
    ("Jun", Abbrev::Numeric),
    ("Kan", Abbrev::Suffix),
    ("Kans", Abbrev::Suffix),
    ("Ky", Abbrev::Suffix),
    ("La", Abbrev::Suffix),
    ("Lt", Abbrev::Title),
    ("Ltd", Abbrev::Suffix),
    ("Maj", Abbrev::Title),
    ("Mar", Abbrev::Numeric),
    ("Mass", Abbrev::Suffix),
    ("Md", Abbrev::Suffix),
    ("Messrs", Abbrev::Title),
    ("Mich", Abbrev::Suffix),
    ("Minn", Abbrev::Suffix),
    ("Miss", Abbrev::Suffix),
    ("Mlle", Abbrev::Title),
    ("Mme", Abbrev::Title),
    ("Mo", Abbrev::Suffix),
    ("Mont", Abbrev::Suffix),
    ("Mr", Abbrev::Title),
    ("Mrs", Abbrev::Title),
    ("Ms", Abbrev::Title),
    ("Msgr", Abbrev::Title),
    ("Mt", Abbrev::Title),
    ("Neb", Abbrev::Suffix),
    ("Nev", Abbrev::Suffix),
    ("No", Abbrev::Numeric),
    ("Nos", Abbrev::Numeric),
    ("Nov", Abbrev::Numeric),
    ("Nr", Abbrev::Numeric),
    ("Oct", Abbrev::Numeric),
    ("Okla", Abbrev::Suffix),
    ("Ore", Abbrev::Suffix),
    ("Pa", Abbrev::Suffix),
    ("Plc", Abbrev::Suffix),
    ("Pres", Abbrev::Title),
    ("Prof", Abbrev::Title),
    ("Pvt", Abbrev::Title),
    ("Rd", Abbrev::Suffix),
    ("Rep", Abbrev::Title),
    ("Reps", Abbrev::Title),
    ("Rev", Abbrev::Title),
    ("Sec", Abbrev::Numeric),
    ("Sen", Abbrev::Title),
    ("Sens", Abbrev::Title),
    ("Sep", Abbrev::Numeric),
    ("Sept", Abbrev::Numeric),
    ("Sgt", Abbrev::Title),
    ("Sr", Abbrev::Suffix),
    ("Sra", Abbrev::Title),
    ("Srta", Abbrev::Title),
    ("St", Abbrev::Suffix),
    ("Supt", Abbrev::Title),
    ("Tel", Abbrev::Numeric),
    ("Tenn", Abbrev::Suffix),
    ("Tex", Abbrev::Suffix),
    ("Univ", Abbrev::Suffix),
    ("Va", Abbrev::Suffix),
    ("Vol", Abbrev::Numeric),
    ("Vols", Abbrev::Numeric),
    ("Vt", Abbrev::Suffix),
    ("Wash", Abbrev::Suffix),
    ("Wis", Abbrev::Suffix),
    ("Wyo", Abbrev::Suffix),
    ("al", Abbrev::Suffix),
    ("approx", Abbrev::Title),
    ("cf", Abbrev::Title),
    ("etc", Abbrev::Plain),
    ("pp", Abbrev::Numeric),
    ("viz", Abbrev::Title),
    ("vs", Abbrev::Title),
];

/// Capitalized function words that start sentences but are not names. After a
/// [`Abbrev::Suffix`] ("U.S.", "Inc.", "Jr.") one of these signals a new
/// sentence. English first, then a few Spanish and French articles and pronouns.
/// Sorted.
static SENTENCE_STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Earlier",
    "El",
    "Elle",
    "En",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "Il",
    "In",
    "Instead",
    "It",
    "Its",
    "La",
    "Las",
    "Later",
    "Le",
    "Les",
    "Los",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "My",
    "No",
    "None",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Un",
    "Una",
    "Under",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
    "Your",
];

/// Words that continue a time after "a.m."/"p.m." ("10 a.m. Tuesday",
/// "5 p.m. EDT"): weekdays, months and time zones. Sorted.
static TIME_CONTEXT: &[&str] = &[
    "Apr",
    "April",
    "Aug",
    "August",
    "BST",
    "CDT",
    "CEST",
    "CET",
    "CST",
    "Central",
    "Dec",
    "December",
    "EDT",
    "EST",
    "ET",
    "Eastern",
    "Feb",
    "February",
    "Fri",
    "Friday",
    "GMT",
    "HKT",
    "IST",
    "JST",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "MDT",
    "MST",
    "MT",
    "Mar",
    "March",
    "May",
    "Mon",
    "Monday",
    "Mountain",
    "Nov",
    "November",
    "Oct",
    "October",
    "PDT",
    "PST",
    "PT",
    "Pacific",
    "Sat",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sun",
    "Sunday",
    "Thu",
    "Thursday",
    "Tue",
    "Tuesday",
    "UTC",
    "Wed",
    "Wednesday",
];

/// Lowercase function words that cannot end a line of prose: a hard-wrapped
/// line ending with one of them continues on the next line. Sorted.
static CONNECTORS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "de", "del", "el", "en", "for", "from", "in", "la", "las",
    "los", "of", "on", "or", "than", "that", "the", "to", "with", "y",
];

/// Longest word the lists hold, in bytes.
const MAX_WORD: usize = 16;

/// True when `word` is a capitalized function word that starts sentences.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.binary_search(&word).is_ok()
}

/// True when `word` continues a time after "a.m."/"p.m.".
pub(crate) fn is_time_context(word: &str) -> bool {
    TIME_CONTEXT.binary_search(&word).is_ok()
}

/// True when `word` is a lowercase connector that cannot end a line of prose.
pub(crate) fn is_connector(word: &str) -> bool {
    CONNECTORS.binary_search(&word).is_ok()
}

fn lookup(word: &str) -> Option<Abbrev> {
    ABBREVIATIONS
        .binary_search_by(|(w, _)| w.cmp(&word))
        .ok()
        .map(|i| ABBREVIATIONS[i].1)
}

/// How `word` (the text before a `.`, without it) behaves as an abbreviation,
/// or `None` for an ordinary word.
///
/// Besides the table this recognizes dotted acronyms whose parts have one or
/// two letters ("U.S", "J.R.R", "Ph.D", "EE.UU", "a.m", "e.g") and single
/// letters (initials).
pub(crate) fn classify(word: &str) -> Option<Abbrev> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.next().is_none() {
        return first.is_alphabetic().then_some(Abbrev::Suffix);
    }
    if word.len() > MAX_WORD || !word.is_ascii() {
        return None;
    }
    let bytes = word.as_bytes();
    if bytes.contains(&b'.') {
        return classify_dotted(bytes);
    }
    if !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    if let Some(a) = lookup(word) {
        return Some(a);
    }
    // Case variants: "MR" / "INC" (headlines), "Etc" / "VS".
    let mut buf = [0u8; MAX_WORD];
    let buf = &mut buf[..bytes.len()];
    let all_upper = bytes.iter().all(u8::is_ascii_uppercase);
    let capitalized =
        bytes[0].is_ascii_uppercase() && bytes[1..].iter().all(u8::is_ascii_lowercase);
    if all_upper {
        buf.copy_from_slice(bytes);
        buf[1..].make_ascii_lowercase();
        if let Some(a) = std::str::from_utf8(buf).ok().and_then(lookup) {
            return Some(a);
        }
    }
    if all_upper || capitalized {
        buf.copy_from_slice(bytes);
        buf.make_ascii_lowercase();
        return std::str::from_utf8(buf).ok().and_then(lookup);
    }
    None
}

fn classify_dotted(bytes: &[u8]) -> Option<Abbrev> {
    let short_parts = bytes
        .split(|&b| b == b'.')
        .all(|p| (1..=2).contains(&p.len()) && p.iter().all(u8::is_ascii_alphabetic));
    if !short_parts {
        return None;
    }
    if bytes.len() == 3 {
        let lower = [
            bytes[0].to_ascii_lowercase(),
            b'.',
            bytes[2].to_ascii_lowercase(),
        ];
        match &lower {
            b"a.m" | b"p.m" => return Some(Abbrev::Time),
            b"e.g" | b"i.e" => return Some(Abbrev::Title),
            _ => {}
        }
    }
    Some(Abbrev::Suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted(name: &str, words: &[&str]) {
        for pair in words.windows(2) {
            assert!(pair[0] < pair[1], "{name} not sorted at {pair:?}");
        }
        assert!(words.iter().all(|w| w.len() <= MAX_WORD));
    }

    #[test]
    fn lists_are_sorted() {
        let abbrevs: Vec<&str> = ABBREVIATIONS.iter().map(|(w, _)| *w).collect();
        assert_sorted("ABBREVIATIONS", &abbrevs);
        assert_sorted("SENTENCE_STARTERS", SENTENCE_STARTERS);
        assert_sorted("TIME_CONTEXT", TIME_CONTEXT);
        assert_sorted("CONNECTORS", CONNECTORS);
    }

    #[test]
    fn classify_words() {
        assert_eq!(classify("Mr"), Some(Abbrev::Title));
        assert_eq!(classify("MR"), Some(Abbrev::Title));
        assert_eq!(classify("mr"), None);
        assert_eq!(classify("Inc"), Some(Abbrev::Suffix));
        assert_eq!(classify("etc"), Some(Abbrev::Plain));
        assert_eq!(classify("Etc"), Some(Abbrev::Plain));
        assert_eq!(classify("VS"), Some(Abbrev::Title));
        assert_eq!(classify("No"), Some(Abbrev::Numeric));
        assert_eq!(classify("Sept"), Some(Abbrev::Numeric));
        assert_eq!(classify("U.S"), Some(Abbrev::Suffix));
        assert_eq!(classify("J.R.R"), Some(Abbrev::Suffix));
        assert_eq!(classify("Ph.D"), Some(Abbrev::Suffix));
        assert_eq!(classify("EE.UU"), Some(Abbrev::Suffix));
        assert_eq!(classify("a.m"), Some(Abbrev::Time));
        assert_eq!(classify("P.M"), Some(Abbrev::Time));
        assert_eq!(classify("e.g"), Some(Abbrev::Title));
        assert_eq!(classify("F"), Some(Abbrev::Suffix));
        assert_eq!(classify("Ж"), Some(Abbrev::Suffix));
        assert_eq!(classify("example.com"), None);
        assert_eq!(classify("ill"), None);
        assert_eq!(classify("2023"), None);
        assert_eq!(classify(""), None);
        assert_eq!(classify("Vladímir"), None);
    }
}
