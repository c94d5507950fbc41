//! Gazetteers: lists of known names and name parts, shipped with the crate.
//!
//! Each entry is a phrase (lowercased, tokens joined by single spaces) with a set of
//! [`Category`] flags. The lists live in `data/gazetteers/` as TSV files and are
//! compiled into the binary; see the README there for their sources and licenses.
//! [`Gazetteer::global`] parses them once, on first use.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::segment::{Token, TokenKind};
use crate::span::{self, Span};

/// Category flags of a gazetteer phrase (a phrase may have several).
pub type Category = u32;

/// A country ("Russia", "United States").
pub const COUNTRY: Category = 1;
/// A city ("Beijing", "Harbin").
pub const CITY: Category = 1 << 1;
/// A state, province or other first-level division ("California", "Inner Mongolia").
pub const STATE: Category = 1 << 2;
/// A continent, region, sea, river or mountain range: a non-political place.
pub const REGION: Category = 1 << 3;
/// A nationality or other group adjective/noun ("Russian", "Chinese", "Muslims").
pub const NATIONALITY: Category = 1 << 4;
/// A common given name ("Vladimir", "Anthony").
pub const FIRST_NAME: Category = 1 << 5;
/// A common family name ("Smith", "Wang").
pub const LAST_NAME: Category = 1 << 6;
/// A known organization ("United Nations", "Kremlin", "European Union").
pub const ORGANIZATION: Category = 1 << 7;
/// A news agency or outlet ("Reuters", "AFP", "Xinhua").
pub const NEWS_AGENCY: Category = 1 << 8;
/// A word that ends organization names ("Inc", "Corp", "University", "Ministry").
pub const ORG_WORD: Category = 1 << 9;
/// A title or function ("president", "prime minister", "spokesperson").
pub const TITLE: Category = 1 << 10;
/// A word that ends facility names ("Airport", "Bridge", "Stadium").
pub const FAC_WORD: Category = 1 << 11;
/// A word that ends event names ("Forum", "Summit", "Olympics").
pub const EVENT_WORD: Category = 1 << 12;
/// A word that ends place names ("River", "Sea", "Mountains").
pub const LOC_WORD: Category = 1 << 13;
/// A word that ends law names ("Act", "Treaty").
pub const LAW_WORD: Category = 1 << 14;
/// A religion or political party or movement ("Islam", "Republican", "Communist Party").
pub const GROUP: Category = 1 << 15;
/// A language ("English", "Mandarin").
pub const LANGUAGE: Category = 1 << 16;
/// A month, weekday or holiday: capitalized, never a name.
pub const CALENDAR: Category = 1 << 17;
/// A qualifier of a title ("former", "acting", "deputy").
pub const QUALIFIER: Category = 1 << 18;
/// A product: a device, vehicle, service, software or weapons system ("Xbox One X",
/// "Boeing 737 MAX", "S-400", "Starlink").
pub const PRODUCT: Category = 1 << 19;
/// A named event: a competition, festival, award ceremony, trade show or war known by
/// a name its last word does not give away ("Champions League", "Oscars", "CES").
pub const EVENT: Category = 1 << 20;

/// The flag names used in the data files, in flag order.
const NAMES: [(&str, Category); 21] = [
    ("COUNTRY", COUNTRY),
    ("CITY", CITY),
    ("STATE", STATE),
    ("REGION", REGION),
    ("NATIONALITY", NATIONALITY),
    ("FIRST_NAME", FIRST_NAME),
    ("LAST_NAME", LAST_NAME),
    ("ORGANIZATION", ORGANIZATION),
    ("NEWS_AGENCY", NEWS_AGENCY),
    ("ORG_WORD", ORG_WORD),
    ("TITLE", TITLE),
    ("FAC_WORD", FAC_WORD),
    ("EVENT_WORD", EVENT_WORD),
    ("LOC_WORD", LOC_WORD),
    ("LAW_WORD", LAW_WORD),
    ("GROUP", GROUP),
    ("LANGUAGE", LANGUAGE),
    ("CALENDAR", CALENDAR),
    ("QUALIFIER", QUALIFIER),
    ("PRODUCT", PRODUCT),
    ("EVENT", EVENT),
];

/// The flag of a category name used in the data files (`"COUNTRY"`), if it is one.
pub fn category_from_name(name: &str) -> Option<Category> {
    NAMES.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// The data files, in precedence order: when two rows of one phrase both carry a
/// link, the earlier file's wins (hand-written lists before generated ones).
pub(crate) const FILES: [(&str, &str); 19] = [
    (
        "places.tsv",
        include_str!("../../data/gazetteers/places.tsv"),
    ),
    (
        "nationalities.tsv",
        include_str!("../../data/gazetteers/nationalities.tsv"),
    ),
    (
        "organizations.tsv",
        include_str!("../../data/gazetteers/organizations.tsv"),
    ),
    (
        "news_agencies.tsv",
        include_str!("../../data/gazetteers/news_agencies.tsv"),
    ),
    (
        "companies.tsv",
        include_str!("../../data/gazetteers/companies.tsv"),
    ),
    (
        "products.tsv",
        include_str!("../../data/gazetteers/products.tsv"),
    ),
    (
        "events.tsv",
        include_str!("../../data/gazetteers/events.tsv"),
    ),
    (
        "titles.tsv",
        include_str!("../../data/gazetteers/titles.tsv"),
    ),
    (
        "name_words.tsv",
        include_str!("../../data/gazetteers/name_words.tsv"),
    ),
    (
        "groups.tsv",
        include_str!("../../data/gazetteers/groups.tsv"),
    ),
    (
        "languages.tsv",
        include_str!("../../data/gazetteers/languages.tsv"),
    ),
    (
        "calendar.tsv",
        include_str!("../../data/gazetteers/calendar.tsv"),
    ),
    ("names.tsv", include_str!("../../data/gazetteers/names.tsv")),
    (
        "countries.tsv",
        include_str!("../../data/gazetteers/countries.tsv"),
    ),
    (
        "us_states.tsv",
        include_str!("../../data/gazetteers/us_states.tsv"),
    ),
    (
        "cities.tsv",
        include_str!("../../data/gazetteers/cities.tsv"),
    ),
    (
        "listed_companies.tsv",
        include_str!("../../data/gazetteers/listed_companies.tsv"),
    ),
    (
        "first_names.tsv",
        include_str!("../../data/gazetteers/first_names.tsv"),
    ),
    (
        "last_names.tsv",
        include_str!("../../data/gazetteers/last_names.tsv"),
    ),
];

/// How the text of a phrase must be cased for a row to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    /// Any case ("prime minister", "Russian", "russian").
    Any,
    /// The first letter uppercase (rows written `^Nice`).
    Capitalized,
    /// No lowercase letter (rows written without one: `US`, `WHO`, `U.S.`).
    Upper,
}

/// One parsed data row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    /// The phrase as written, without a leading `^`.
    pub phrase: &'a str,
    pub category: Category,
    pub link: Option<&'a str>,
    pub case: Case,
}

/// Parse one line of a data file: `None` for blank and `#` lines.
pub(crate) fn parse_row(line: &str) -> Option<Result<Row<'_>, String>> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.starts_with('#') {
        return None;
    }
    let mut cols = line.split('\t');
    let phrase = cols.next().unwrap_or_default();
    let Some(cats) = cols.next() else {
        return Some(Err(format!("no category column in {line:?}")));
    };
    let link = cols.next().filter(|l| !l.is_empty());
    if cols.next().is_some() {
        return Some(Err(format!("more than 3 columns in {line:?}")));
    }
    let mut category = 0;
    for name in cats.split(',') {
        match category_from_name(name.trim()) {
            Some(c) => category |= c,
            None => return Some(Err(format!("unknown category {name:?} in {line:?}"))),
        }
    }
    let (phrase, case) = match phrase.strip_prefix('^') {
        Some(p) => (p, Case::Capitalized),
        None if !phrase.chars().any(char::is_lowercase)
            && phrase.chars().any(char::is_uppercase) =>
        {
            (phrase, Case::Upper)
        }
        None => (phrase, Case::Any),
    };
    if phrase.trim().is_empty() || phrase.trim() != phrase || phrase.contains("  ") {
        return Some(Err(format!("empty or badly spaced phrase in {line:?}")));
    }
    Some(Ok(Row {
        phrase,
        category,
        link,
        case,
    }))
}

/// What a lowercased phrase (or phrase prefix) maps to.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// Flags of rows that match text in any case.
    any: Category,
    /// Flags of rows that match only capitalized text.
    capitalized: Category,
    /// Flags of rows that match only text without lowercase letters.
    upper: Category,
    /// The linked value (country, full name), from the first row that has one.
    link: Option<&'static str>,
    /// Whether some longer phrase starts with this one (followed by a space).
    prefix: bool,
}

impl Entry {
    #[inline]
    fn flags(&self, capitalized: bool, has_lower: bool) -> Category {
        let mut f = self.any;
        if capitalized {
            f |= self.capitalized;
        }
        if !has_lower {
            f |= self.upper;
        }
        f
    }
}

/// The Fx hash (as in rustc): fast on the short keys we look up, and the keys come
/// from our own data, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while bytes.len() >= 8 {
            let (head, rest) = bytes.split_at(8);
            let mut w = [0u8; 8];
            w.copy_from_slice(head);
            self.add(u64::from_le_bytes(w));
            bytes = rest;
        }
        if bytes.len() >= 4 {
            let (head, rest) = bytes.split_at(4);
            let mut w = [0u8; 4];
            w.copy_from_slice(head);
            self.add(u64::from(u32::from_le_bytes(w)));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The gazetteers, parsed: a map from lowercased phrase to its [`Category`] flags.
///
/// Phrases are keyed by their tokens ([`crate::segment::tokens`]), lowercased and
/// joined by single spaces, with curly apostrophes folded to `'`: "People’s Daily"
/// is `people 's daily`. Most rows match text in any case; two kinds are stricter,
/// so that common words are not taken for names:
///
/// * a row written with no lowercase letter (`US`, `WHO`, `U.S.`) matches only text
///   with no lowercase letter ("US" and "WHO", not "us" and "who");
/// * a row written with a leading `^` (`^Nice`, `^May`, `^Young`) matches only text
///   whose first letter is uppercase.
///
/// Matching keeps one lowercasing buffer and does one hash lookup per token unless
/// the token starts a listed phrase; [`Gazetteer::annotate`] runs at about 45 MB/s on
/// the sample corpus (release build, one core; `gazetteer_throughput`, an ignored
/// test, measures it). Parsing the data on first use takes about 10 ms.
///
/// ```
/// use nutgraf::entities::gazetteer::{Gazetteer, COUNTRY, NATIONALITY};
///
/// let g = Gazetteer::global();
/// assert_ne!(g.lookup("U.S.") & COUNTRY, 0);
/// assert_eq!(g.link("U.S."), Some("United States"));
/// assert_ne!(g.lookup("russian") & NATIONALITY, 0);
/// assert_eq!(g.link("Russian"), Some("Russia"));
/// assert_eq!(g.lookup("us"), 0);
/// ```
#[derive(Debug)]
pub struct Gazetteer {
    map: FxMap<Box<str>, Entry>,
    max_tokens: usize,
}

/// A gazetteer match over tokens: the longest phrase starting at a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of its first token.
    pub start: usize,
    /// Index one past its last token.
    pub end: usize,
    /// Where it is in the text, in bytes: from its first token's start to its last
    /// token's end.
    pub span: Span,
    /// Its flags (those its text's case allows).
    pub category: Category,
    /// Its linked value ([`Gazetteer::link`]).
    pub link: Option<&'static str>,
}

/// Gazetteer features of one token, BILOU-style, from the [`Match`]es of
/// [`Gazetteer::matches`] (the longest phrase starting at each token, so matches may
/// overlap: in "New York Times", "York" is both inside a `NEWS_AGENCY` and a `CITY`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenMatch {
    /// Flags of matches of two or more tokens that begin at this token.
    pub begin: Category,
    /// Flags of matches of three or more tokens strictly inside which this token is.
    pub inside: Category,
    /// Flags of matches of two or more tokens that end at this token.
    pub end: Category,
    /// Flags of one-token matches of this token.
    pub single: Category,
    /// For a hyphenated word ("US-led", "Russian-Chinese", "ex-president"), the
    /// flags of its parts, each looked up alone.
    pub parts: Category,
}

impl TokenMatch {
    /// All the flags of the token, whatever its position in the match.
    pub fn any(&self) -> Category {
        self.begin | self.inside | self.end | self.single | self.parts
    }
}

static GLOBAL: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::build(&FILES).0);

impl Gazetteer {
    /// The gazetteer of the shipped data, parsed on first use.
    pub fn global() -> &'static Gazetteer {
        &GLOBAL
    }

    /// Parse data files (name, text), in precedence order; also return a message
    /// for each line that does not parse (such lines are skipped).
    pub(crate) fn build(files: &[(&str, &'static str)]) -> (Gazetteer, Vec<String>) {
        let mut map: FxMap<Box<str>, Entry> = FxMap::default();
        let mut errors = Vec::new();
        let mut max_tokens = 0;
        let mut toks = Vec::new();
        let mut key = String::new();
        for &(file, text) in files {
            for (n, line) in text.lines().enumerate() {
                let row = match parse_row(line) {
                    None => continue,
                    Some(Ok(row)) => row,
                    Some(Err(e)) => {
                        errors.push(format!("{file}:{}: {e}", n + 1));
                        continue;
                    }
                };
                let count = phrase_key(row.phrase, &mut toks, &mut key);
                if count == 0 {
                    errors.push(format!("{file}:{}: no token in the phrase", n + 1));
                    continue;
                }
                max_tokens = max_tokens.max(count);
                // Mark every proper prefix (at a token boundary) as one.
                for (i, b) in key.bytes().enumerate() {
                    if b == b' ' {
                        map.entry(span::before(&key, i).into()).or_default().prefix = true;
                    }
                }
                let entry = map.entry(key.as_str().into()).or_default();
                match row.case {
                    Case::Any => entry.any |= row.category,
                    Case::Capitalized => entry.capitalized |= row.category,
                    Case::Upper => entry.upper |= row.category,
                }
                if entry.link.is_none() {
                    entry.link = row.link;
                }
            }
        }
        map.shrink_to_fit();
        (Gazetteer { map, max_tokens }, errors)
    }

    /// The number of distinct phrases.
    pub fn len(&self) -> usize {
        self.map
            .values()
            .filter(|e| e.any | e.capitalized | e.upper != 0)
            .count()
    }

    /// Whether there is no phrase at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The length of the longest phrase, in tokens.
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Flags of an exact phrase (case-insensitive but for the stricter rows described
    /// on [`Gazetteer`]; tokens joined by single spaces): `0` if it is not listed.
    pub fn lookup(&self, phrase: &str) -> Category {
        self.find(phrase).map_or(0, |(_, flags)| flags)
    }

    /// The country a demonym, city or state belongs to ("Russian" → "Russia",
    /// "Beijing" → "China"), the canonical name of a country ("U.S." → "United
    /// States", "Russia" → "Russia") or the full name of an acronym ("UN" → "United
    /// Nations"); `None` when the phrase is not listed, not in a case that matches,
    /// or has no link.
    pub fn link(&self, phrase: &str) -> Option<&'static str> {
        self.find(phrase).and_then(|(e, _)| e.link)
    }

    fn find(&self, phrase: &str) -> Option<(&Entry, Category)> {
        let mut toks = Vec::new();
        let mut key = String::new();
        phrase_key(phrase, &mut toks, &mut key);
        let e = self.map.get(key.as_str())?;
        let capitalized = first_letter_upper(phrase);
        let has_lower = phrase.chars().any(char::is_lowercase);
        let flags = e.flags(capitalized, has_lower);
        (flags != 0).then_some((e, flags))
    }

    /// The longest listed phrase starting at each token of `text` (`tokens` must be
    /// tokens of `text`, in order), pushed onto `out` in token order.
    ///
    /// A match may run over any tokens, punctuation and clitics included, but then
    /// the listed phrase must have them too ("People’s Daily", "Washington, D.C.").
    pub fn matches(&self, text: &str, tokens: &[Token], out: &mut Vec<Match>) {
        let mut buf = String::with_capacity(64);
        for i in 0..tokens.len() {
            buf.clear();
            let first = tokens[i].span.slice(text);
            let capitalized = first_letter_upper(first);
            let mut has_lower = false;
            let mut best: Option<Match> = None;
            let last = tokens.len().min(i + self.max_tokens);
            for (j, tok) in tokens.iter().enumerate().take(last).skip(i) {
                if j > i {
                    buf.push(' ');
                }
                has_lower |= push_normalized(tok.span.slice(text), &mut buf);
                let Some(e) = self.map.get(buf.as_str()) else {
                    break;
                };
                let flags = e.flags(capitalized, has_lower);
                if flags != 0 {
                    best = Some(Match {
                        start: i,
                        end: j + 1,
                        span: Span::new(tokens[i].span.start, tok.span.end),
                        category: flags,
                        link: e.link,
                    });
                }
                if !e.prefix {
                    break;
                }
            }
            out.extend(best);
        }
    }

    /// Gazetteer features of each token of `text` (`tokens` must be tokens of `text`,
    /// in order): one [`TokenMatch`] a token, from [`Gazetteer::matches`].
    pub fn annotate(&self, text: &str, tokens: &[Token]) -> Vec<TokenMatch> {
        let mut out = vec![TokenMatch::default(); tokens.len()];
        let mut found = Vec::new();
        self.matches(text, tokens, &mut found);
        for m in &found {
            if m.end - m.start == 1 {
                out[m.start].single |= m.category;
            } else {
                out[m.start].begin |= m.category;
                out[m.end - 1].end |= m.category;
                for t in &mut out[m.start + 1..m.end - 1] {
                    t.inside |= m.category;
                }
            }
        }
        let mut buf = String::new();
        for (t, tok) in out.iter_mut().zip(tokens) {
            let word = tok.span.slice(text);
            if tok.kind != TokenKind::Word || !word.contains('-') {
                continue;
            }
            for part in word.split('-').filter(|p| !p.is_empty()) {
                buf.clear();
                let has_lower = push_normalized(part, &mut buf);
                if let Some(e) = self.map.get(buf.as_str()) {
                    t.parts |= e.flags(first_letter_upper(part), has_lower);
                }
            }
        }
        out
    }
}

/// Build the key of a phrase into `key`: its tokens, normalized, joined by single
/// spaces. Returns the number of tokens.
fn phrase_key(phrase: &str, toks: &mut Vec<Token>, key: &mut String) -> usize {
    toks.clear();
    key.clear();
    crate::segment::tokens(phrase, Span::new(0, phrase.len()), toks);
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        push_normalized(t.span.slice(phrase), key);
    }
    toks.len()
}

/// Push `token` lowercased, with curly apostrophes folded to `'`, onto `buf`.
/// Returns whether it has a lowercase letter.
#[inline]
fn push_normalized(token: &str, buf: &mut String) -> bool {
    let mut has_lower = false;
    if token.is_ascii() {
        for b in token.bytes() {
            has_lower |= b.is_ascii_lowercase();
            buf.push(char::from(b.to_ascii_lowercase()));
        }
        return has_lower;
    }
    for c in token.chars() {
        has_lower |= c.is_lowercase();
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => buf.push('\''),
            c => buf.extend(c.to_lowercase()),
        }
    }
    has_lower
}

/// Whether the first letter of `s` is uppercase.
#[inline]
fn first_letter_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn g() -> &'static Gazetteer {
        Gazetteer::global()
    }

    fn has(phrase: &str, flag: Category) -> bool {
        g().lookup(phrase) & flag != 0
    }

    fn toks(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        crate::segment::tokens(text, Span::new(0, text.len()), &mut out);
        out
    }

    #[test]
    fn data_parses_cleanly() {
        let (gaz, errors) = Gazetteer::build(&FILES);
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(gaz.len() > 10_000, "{}", gaz.len());
        assert!((2..=12).contains(&gaz.max_tokens()), "{}", gaz.max_tokens());
        let total: usize = FILES.iter().map(|(_, t)| t.len()).sum();
        assert!(total < 2 << 20, "{total} bytes of data");
    }

    #[test]
    fn no_conflicting_rows() {
        // The same phrase, category and case with two different links is a conflict;
        // so is a phrase listed twice in one file.
        let mut links: HashMap<(String, Category), (&str, &str)> = HashMap::new();
        let mut problems = Vec::new();
        let (mut toks, mut key) = (Vec::new(), String::new());
        for (file, text) in FILES {
            let mut in_file: HashMap<(String, Category), usize> = HashMap::new();
            for (n, line) in text.lines().enumerate() {
                let Some(Ok(row)) = parse_row(line) else {
                    continue;
                };
                phrase_key(row.phrase, &mut toks, &mut key);
                if let Some(prev) = in_file.insert((key.clone(), row.category), n + 1) {
                    problems.push(format!("{file}:{}: {key:?} repeats line {prev}", n + 1));
                }
                let Some(link) = row.link else { continue };
                for &(_, flag) in &NAMES {
                    if row.category & flag == 0 {
                        continue;
                    }
                    match links.get(&(key.clone(), flag)) {
                        Some(&(f, l)) if l != link && f == file => problems.push(format!(
                            "{file}:{}: {key:?} links to {link:?} and {l:?}",
                            n + 1
                        )),
                        Some(_) => {}
                        None => {
                            links.insert((key.clone(), flag), (file, link));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn links_of_places_are_countries() {
        // Every demonym, city and state links to a canonical country name.
        let mut missing = Vec::new();
        for (file, text) in FILES {
            for line in text.lines() {
                let Some(Ok(row)) = parse_row(line) else {
                    continue;
                };
                if row.category & (NATIONALITY | CITY | STATE | COUNTRY) == 0 {
                    continue;
                }
                if let Some(link) = row.link {
                    if g().lookup(link) & COUNTRY == 0 {
                        missing.push(format!("{file}: {} -> {link}", row.phrase));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn lookups() {
        assert!(has("Russia", COUNTRY));
        assert!(has("russia", COUNTRY));
        assert!(has("russian", NATIONALITY));
        assert!(has("Russian", LANGUAGE));
        assert_eq!(g().link("russian"), Some("Russia"));
        assert_eq!(g().link("Russians"), Some("Russia"));
        assert_eq!(g().link("Chinese"), Some("China"));
        assert!(has("Beijing", CITY));
        assert_eq!(g().link("Beijing"), Some("China"));
        assert_eq!(g().link("Harbin"), Some("China"));
        assert!(has("Xinhua", NEWS_AGENCY));
        assert!(has("prime minister", TITLE));
        assert!(has("Prime  Minister", TITLE), "spaces are tokens apart");
        assert!(has("U.S.", COUNTRY));
        for us in ["U.S.", "US", "USA", "United States", "America"] {
            assert_eq!(g().link(us), Some("United States"), "{us}");
        }
        assert!(has("Forum", EVENT_WORD));
        assert_eq!(g().lookup("Belt and Road Forum"), 0);
        assert!(has("March", CALENDAR));
        assert!(has("Tuesday", CALENDAR));
        assert!(has("California", STATE));
        assert!(has("Black Sea", REGION));
        assert!(has("Middle East", REGION));
        assert!(has("Kremlin", ORGANIZATION));
        assert_eq!(g().link("UN"), Some("United Nations"));
        assert_eq!(g().link("ICC"), Some("International Criminal Court"));
        assert_eq!(g().link("AFP"), Some("Agence France-Presse"));
        assert!(has("former", QUALIFIER));
        assert!(has("Ministry", ORG_WORD));
        assert!(has("Airport", FAC_WORD));
        assert!(has("River", LOC_WORD));
        assert!(has("Treaty", LAW_WORD));
        assert!(has("Muslims", GROUP));
        assert!(has("Mandarin", LANGUAGE));
        assert!(has("Vladimir", FIRST_NAME));
        assert!(has("Smith", LAST_NAME));
        assert!(has("Putin", LAST_NAME));
        assert!(has("People’s Daily", NEWS_AGENCY));
        assert!(has("people's daily", NEWS_AGENCY));
        assert_eq!(g().lookup("no such place at all"), 0);
    }

    #[test]
    fn case_rules() {
        // Acronyms match only text without lowercase letters.
        assert_eq!(g().lookup("us"), 0);
        assert_eq!(g().link("us"), None);
        assert_eq!(g().lookup("who"), 0);
        assert!(has("WHO", ORGANIZATION));
        // Common words listed with ^ match only capitalized text.
        assert!(has("May", CALENDAR));
        assert_eq!(g().lookup("may") & CALENDAR, 0);
        assert!(has("Nice", CITY));
        assert_eq!(g().lookup("nice"), 0);
        assert!(has("Young", LAST_NAME));
        assert_eq!(g().lookup("young") & LAST_NAME, 0);
        // Words that end names count only capitalized.
        assert!(has("Forum", EVENT_WORD));
        assert_eq!(g().lookup("forum"), 0);
        assert_eq!(g().lookup("press"), 0);
        // A small city named like a given name is left out.
        assert_eq!(g().lookup("Vladimir") & CITY, 0);
        assert!(has("Vladimir", FIRST_NAME));
    }

    #[test]
    fn companies_and_products() {
        for org in [
            "Home Depot",
            "The Home Depot",
            "Lexus",
            "Coty",
            "Ulta Beauty",
        ] {
            assert!(has(org, ORGANIZATION), "{org}");
        }
        for product in ["MacBook Pro", "Xbox One X", "Google Stadia", "AirPods"] {
            assert!(has(product, PRODUCT), "{product}");
            assert_eq!(g().lookup(product) & ORGANIZATION, 0, "{product}");
        }
        assert!(has("S&P 500", ORGANIZATION));
        assert!(has("Boeing 737 Max", PRODUCT));
        // Common words listed with ^ count only capitalized.
        assert!(has("Echo", PRODUCT));
        assert_eq!(g().lookup("echo") & PRODUCT, 0);
        assert_eq!(g().lookup("windows") & PRODUCT, 0);
        assert!(has("Target", ORGANIZATION));
        assert_eq!(g().lookup("target") & ORGANIZATION, 0);
        assert_eq!(g().lookup("delta") & ORGANIZATION, 0);
        assert_eq!(category_from_name("PRODUCT"), Some(PRODUCT));
    }

    #[test]
    fn annotate_seed_sentence() {
        let text = "Putin will be in Beijing between Thursday and Friday, as reported by the \
                    Chinese Foreign Ministry spokesperson, Hua Chunying. Putin’s trip to \
                    the city of Harbin follows the US Secretary of State’s visit, AFP said.";
        let tokens = toks(text);
        let ann = g().annotate(text, &tokens);
        assert_eq!(ann.len(), tokens.len());
        let at = |word: &str| {
            let i = tokens
                .iter()
                .position(|t| t.span.slice(text) == word)
                .unwrap_or_else(|| panic!("no token {word:?}"));
            ann[i]
        };
        assert_ne!(at("Putin").single & LAST_NAME, 0);
        assert_ne!(at("Beijing").single & CITY, 0);
        assert_ne!(at("Thursday").single & CALENDAR, 0);
        assert_ne!(at("Chinese").single & NATIONALITY, 0);
        assert_ne!(at("Foreign").begin & ORGANIZATION, 0);
        assert_ne!(at("Ministry").end & ORGANIZATION, 0);
        assert_ne!(at("Ministry").single & ORG_WORD, 0);
        assert_ne!(at("spokesperson").single & TITLE, 0);
        assert_ne!(at("Hua").single & LAST_NAME, 0);
        assert_ne!(at("Harbin").single & CITY, 0);
        assert_ne!(at("US").single & COUNTRY, 0);
        assert_ne!(at("Secretary").begin & TITLE, 0);
        let secretary = tokens
            .iter()
            .position(|t| t.span.slice(text) == "Secretary");
        assert_ne!(ann[secretary.unwrap() + 1].inside & TITLE, 0);
        assert_ne!(at("State").end & TITLE, 0);
        assert_ne!(at("AFP").single & NEWS_AGENCY, 0);
        assert_eq!(at("the").any(), 0);

        let mut found = Vec::new();
        g().matches(text, &tokens, &mut found);
        let m = found
            .iter()
            .find(|m| m.span.slice(text) == "Secretary of State")
            .expect("a Secretary of State match");
        assert_eq!(m.end - m.start, 3);
        let us = found.iter().find(|m| m.span.slice(text) == "US").unwrap();
        assert_eq!(us.link, Some("United States"));
    }

    #[test]
    fn annotate_dots_clitics_and_hyphens() {
        let text = "The U.S. and the Kremlin’s US-led rivals met ex-president Xi in the U.S.";
        let tokens = toks(text);
        let ann = g().annotate(text, &tokens);
        let words: Vec<&str> = tokens.iter().map(|t| t.span.slice(text)).collect();
        let i = |w: &str| words.iter().position(|x| *x == w).unwrap();
        assert_ne!(ann[i("U.S.")].single & COUNTRY, 0);
        assert_ne!(ann[words.len() - 1].single & COUNTRY, 0, "{words:?}");
        assert_ne!(ann[i("Kremlin")].single & ORGANIZATION, 0);
        assert_eq!(ann[i("’s")].any(), 0);
        assert_ne!(ann[i("US-led")].parts & COUNTRY, 0);
        assert_ne!(ann[i("ex-president")].parts & QUALIFIER, 0);
        assert_ne!(ann[i("ex-president")].parts & TITLE, 0);
        assert_ne!(ann[i("Xi")].single & LAST_NAME, 0);
    }

    #[test]
    fn longest_match_wins_at_a_start() {
        let text = "He wrote for the New York Times in New York.";
        let tokens = toks(text);
        let mut found = Vec::new();
        g().matches(text, &tokens, &mut found);
        let spans: Vec<&str> = found.iter().map(|m| m.span.slice(text)).collect();
        assert!(spans.contains(&"New York Times"), "{spans:?}");
        assert!(spans.contains(&"New York"), "{spans:?}");
        let nyt = found
            .iter()
            .find(|m| m.span.slice(text) == "New York Times");
        assert_ne!(nyt.unwrap().category & NEWS_AGENCY, 0);
    }

    /// `cargo test -p nutgraf --release --lib gazetteer_throughput -- --ignored --nocapture`
    #[test]
    #[ignore = "a measurement, not a check"]
    fn gazetteer_throughput() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus/seeds");
        let mut text = String::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                text.push_str(&std::fs::read_to_string(path).unwrap());
                text.push('\n');
            }
        }
        let tokens = toks(&text);
        let g = Gazetteer::global();
        let rounds = 400;
        let t = std::time::Instant::now();
        let mut hits = 0;
        for _ in 0..rounds {
            hits += g
                .annotate(&text, &tokens)
                .iter()
                .filter(|m| m.any() != 0)
                .count();
        }
        let secs = t.elapsed().as_secs_f64();
        let mb = (text.len() * rounds) as f64 / 1e6;
        println!(
            "annotate: {:.1} MB/s ({} bytes, {} tokens, {} tokens with flags)",
            mb / secs,
            text.len(),
            tokens.len(),
            hits / rounds
        );
        assert!(hits > 0);
    }
}
