//! Words glued together by a lossy extraction: where a space is missing.
//!
//! Text taken out of HTML often loses the space between two words, where one
//! element ended and the next began: "between Thursday and `FridayAs` reported",
//! "Prime Minister Li `QiangChinese` number two", "Anthony Blinkenasked Beijing".
//! [`find_glued`] finds such joins with two rules, each asking for lexical evidence
//! so that real words and names stay whole:
//!
//! * **camel joins** ([`GlueKind::Camel`]): a lowercase letter followed by an
//!   uppercase one inside a word, where the left part is a complete word or name
//!   (an English word, a name or place of the gazetteers, or a word the document
//!   uses alone) and the right part is a capitalized function word ("As", "The") or
//!   a given name, place or nationality of the gazetteers ("Chinese"). Never split:
//!   brand names the gazetteers know (`YouTube`, `LinkedIn`, `MacBook`), names with
//!   a prefix (`McDonald`, `MacArthur`, `DeSantis`), parts of fewer than three
//!   letters (`iPhone`, `eBay`), a capitalized left part of three letters that is no
//!   name (`NowThis`), two given names (`KellyAnne`), family names and calendar
//!   words on the right (`BellSouth`, `WoodSpring`), and a word written the same way
//!   twice in the document;
//! * **joins after a name** ([`GlueKind::AfterName`]): a capitalized word that is
//!   neither an English word nor a known name, which ends with a word that often
//!   follows a name (a verb such as "asked", "visit", a function word such as "in",
//!   "for"), when its head is a name: a word of four letters or more, no English
//!   word, that the document also uses alone ("Jinpingin" with "Jinping"), or, for a
//!   tail of four letters or more, a head of four or more that the gazetteers list
//!   as a name or that follows a given name or a title ("Vladimir Poutinevisit").
//!   Religions, peoples and languages are no such heads ("Ikhwanul Muslimin").
//!
//! * **numbers glued to a word** ([`GlueKind::Digit`]): a number standing alone
//!   followed by a lowercase English word of four letters or more ("in
//!   2023according to", "$38million"); units and ordinals are shorter ("10km",
//!   "3rd") and stay whole.
//!
//! * **lowercase joins** ([`GlueKind::Lowercase`]): a lowercase word of no
//!   dictionary that is a dictionary word of four letters or more followed by a
//!   function word ("strategic cooperationas well as", "will not abandon themnor").
//!
//! Words in addresses, handles, hashtags and markup attributes (`@JoeBiden`,
//! `author="HillaryClinton"`) are left alone.
//!
//! The scan is cheap (about 150 MiB/s, twice the time of [`super::normalize`], on the sample
//! corpus, `normalize/glue` in `benches/parse.rs`): only words of these shapes reach
//! the lexicons. English words come from SCOWL (`data/words/`, see its README).
//!
//! On clean text there is next to nothing to repair: `nutgraf-eval glue` on the
//! CoNLL-2003 dev, `news_entities` dev, TempEval-3 train and PolNeAR dev texts (1.3 MB)
//! makes ten splits, all real joins ("while `theCuban` government", "$38million",
//! "$1billion").

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;

use memchr::memmem;

use crate::entities::gazetteer::{
    Category, Gazetteer, CALENDAR, CITY, COUNTRY, FIRST_NAME, GROUP, LANGUAGE, LAST_NAME,
    NATIONALITY, STATE, TITLE,
};
use crate::span::{self, Span};

/// Why a space was inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GlueKind {
    /// A lowercase letter followed by an uppercase one: `FridayAs`, `QiangChinese`.
    Camel,
    /// A name followed by a lowercase word: "Blinkenasked", "Jinpingin".
    AfterName,
    /// A number followed by a lowercase English word: "in 2023according to".
    Digit,
    /// A lowercase word followed by a function word: "cooperationas well as",
    /// "abandon themnor".
    Lowercase,
}

/// A place where a space is missing between two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glue {
    /// Byte offset, in the text scanned, where the space belongs (the start of the
    /// second word).
    pub at: usize,
    /// The word that was glued, with both parts.
    pub word: Span,
    /// Which rule found it.
    pub kind: GlueKind,
}

/// English words, lowercase, with their SCOWL size (10: the most common).
static WORDS: LazyLock<crate::lexicon::LexMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map = crate::lexicon::LexMap::with_capacity_and_hasher(
        41_000,
        crate::lexicon::LexHash::default(),
    );
    let mut size = 0u8;
    for line in include_str!("../../data/words/english.txt").lines() {
        if let Some(s) = line.strip_prefix('@') {
            size = s.parse().unwrap_or(size);
        } else if !line.is_empty() && !line.starts_with('#') {
            map.insert(line, size);
        }
    }
    map
});

/// Whether `lower` (lowercase) is an English word of the shipped list.
pub fn is_english_word(lower: &str) -> bool {
    WORDS.contains_key(lower)
}

/// Words that, capitalized, begin a sentence or a clause: the right part of a
/// camel join. Lowercase, sorted.
const STARTERS: &[&str] = &[
    "a",
    "according",
    "after",
    "again",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "even",
    "every",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "my",
    "no",
    "of",
    "on",
    "one",
    "our",
    "she",
    "since",
    "some",
    "such",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "two",
    "under",
    "until",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "yet",
];

/// Words that often follow a name: the tail of a join after a name. Verbs of
/// speech and action, auxiliaries, prepositions and conjunctions. Words that end
/// names or places ("son", "ton", "land", "well", "more", "over") are left out.
/// Lowercase, sorted.
/// Function words that lose their space after a lowercase word ("cooperationas
/// well as"), longest first.
/// ("-or", "-in" and "-by" end too many words: "protestor", "linkedin", "passerby".)
const LOWER_TAILS: &[&str] = &[
    "with", "from", "and", "nor", "the", "for", "but", "as", "of", "to", "on", "at",
];

const TAILS: &[&str] = &[
    "accused",
    "added",
    "admitted",
    "agreed",
    "and",
    "announced",
    "argued",
    "arrived",
    "as",
    "asked",
    "asks",
    "at",
    "believes",
    "but",
    "by",
    "called",
    "calls",
    "can",
    "claimed",
    "considered",
    "could",
    "declared",
    "denied",
    "described",
    "did",
    "does",
    "during",
    "explained",
    "for",
    "from",
    "had",
    "has",
    "have",
    "in",
    "insisted",
    "into",
    "is",
    "meets",
    "met",
    "must",
    "noted",
    "of",
    "on",
    "promised",
    "reported",
    "said",
    "says",
    "should",
    "spoke",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "than",
    "thanked",
    "that",
    "to",
    "told",
    "urged",
    "visit",
    "visited",
    "visits",
    "vowed",
    "warned",
    "was",
    "welcomed",
    "were",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "wrote",
];

/// [`TAILS`], longest first.
static TAILS_BY_LENGTH: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v = TAILS.to_vec();
    v.sort_by_key(|t| std::cmp::Reverse(t.len()));
    v
});

/// Left parts that begin names written in camel case: `McDonald`, `MacArthur`,
/// `DeSantis`, `LaGuardia`, `VanDyke`, `FitzGerald`, "O'Neill". Lowercase.
const NAME_PREFIXES: &[&str] = &[
    "al", "da", "de", "del", "della", "der", "des", "di", "du", "el", "fitz", "la", "le", "mac",
    "mc", "san", "st", "van", "von",
];

fn sorted_contains(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Gazetteer flags that make a word a name, a place or a calendar word: the left
/// part of a camel join.
const NAMEY: Category = FIRST_NAME | LAST_NAME | COUNTRY | CITY | STATE | NATIONALITY | CALENDAR;

/// Gazetteer flags of the right part of a camel join: a place, a nationality or a
/// given name. Family names and calendar words are left out: they make company
/// names (`BellSouth`, `PaineWebber`, `WoodSpring`).
const STARTS_NAME: Category = FIRST_NAME | COUNTRY | CITY | STATE | NATIONALITY;

/// Places in `text` where a space is missing between two glued words, in text
/// order (see the module docs for the rules).
///
/// ```
/// use nutgraf::text::find_glued;
///
/// let text = "Putin meets Xi Jinping on FridayAs reported by Anthony Blinkenasked.";
/// let at: Vec<&str> = find_glued(text).iter().map(|g| &text[g.at..]).collect();
/// assert!(at[0].starts_with("As reported"));
/// assert!(at[1].starts_with("asked."));
/// assert!(find_glued("YouTube, LinkedIn and McDonald's in Washington.").is_empty());
/// ```
pub fn find_glued(text: &str) -> Vec<Glue> {
    let mut out = Vec::new();
    let mut scan = Scan {
        text,
        prev_word: None,
        alone: OnceCell::new(),
        alone_other: RefCell::new(HashMap::new()),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Words are runs of letters. ASCII is read byte by byte, and an ASCII word
        // with no seam that is not capitalized and long is passed over at once.
        let b = bytes[i];
        if b.is_ascii() && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        let mut seam = false;
        let mut prev_lower = false;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii() {
                if !b.is_ascii_alphabetic() {
                    break;
                }
                seam |= prev_lower && b.is_ascii_uppercase();
                prev_lower = b.is_ascii_lowercase();
                i += 1;
            } else {
                let c = span::char_at(text, i).unwrap_or(' ');
                if !c.is_alphabetic() {
                    break;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
        if i == start {
            // A non-ASCII character that is not a letter.
            i += span::char_at(text, i).map_or(1, char::len_utf8);
            continue;
        }
        if start > 0 && bytes[start - 1].is_ascii_digit() {
            if let Some(g) = scan.digit_join(start, i) {
                out.push(g);
            }
            scan.prev_word = Some(Span::new(start, i));
            continue;
        }
        if ascii && !seam && bytes[start].is_ascii_lowercase() && i - start >= 6 {
            if let Some(g) = scan.lowercase_join(start, i) {
                out.push(g);
            }
            scan.prev_word = Some(Span::new(start, i));
            continue;
        }
        let candidate = !ascii || seam || (bytes[start].is_ascii_uppercase() && i - start >= 6);
        if candidate {
            if let Some(g) = scan.word(start, i) {
                out.push(g);
            }
        }
        scan.prev_word = Some(Span::new(start, i));
    }
    out
}

/// Each maximal run of letters of `text` with how often it occurs (up to 2).
fn letter_runs(text: &str) -> HashMap<&str, u8> {
    let mut runs: HashMap<&str, u8> = HashMap::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let n = runs.entry(span::between(text, s, i)).or_insert(0);
                *n = (*n + 1).min(2);
                start = None;
            }
            _ => {}
        }
    }
    runs
}

struct Scan<'a> {
    text: &'a str,
    prev_word: Option<Span>,
    /// How often each run of letters of the text stands alone (up to 2), built on
    /// first use: one pass over the text instead of a search per candidate.
    alone: OnceCell<HashMap<&'a str, u8>>,
    /// [`Scan::count_alone`] of words that are not all letters, once per word.
    alone_other: RefCell<HashMap<String, usize>>,
}

/// The shape of a word: where its one lowercase-to-uppercase seam is, if any, and
/// whether it is capitalized (an uppercase letter then lowercase ones only).
fn shape(w: &str) -> (Option<usize>, bool) {
    let mut seam = None;
    let mut seams = 0;
    let mut prev_lower = false;
    let mut capitalized = true;
    for (k, c) in w.char_indices() {
        let upper = c.is_uppercase();
        if k == 0 {
            capitalized = upper;
        } else if upper {
            capitalized = false;
            if prev_lower {
                seams += 1;
                seam = Some(k);
            }
        }
        prev_lower = c.is_lowercase();
    }
    (if seams == 1 { seam } else { None }, capitalized)
}

impl Scan<'_> {
    fn word(&self, start: usize, end: usize) -> Option<Glue> {
        let w = span::between(self.text, start, end);
        if w.len() < 4 {
            return None;
        }
        let (seam, capitalized) = shape(w);
        if seam.is_none() && !(capitalized && w.len() >= 6) || !self.free_standing(start, end) {
            return None;
        }
        if let Some(seam) = seam {
            let at = self.camel(w, seam)?;
            return Some(Glue {
                at: start + at,
                word: Span::new(start, end),
                kind: GlueKind::Camel,
            });
        }
        if capitalized && w.len() >= 6 {
            let at = self.after_name(w)?;
            return Some(Glue {
                at: start + at,
                word: Span::new(start, end),
                kind: GlueKind::AfterName,
            });
        }
        None
    }

    /// A number glued to the lowercase English word after it ("$240 billion in
    /// 2023according to", "COVID-19vaccine"): the number stands alone before, the
    /// word is of four letters or more (units and ordinals are shorter: "10km",
    /// "3rd") and nothing follows it.
    fn digit_join(&self, start: usize, end: usize) -> Option<Glue> {
        let bytes = self.text.as_bytes();
        let mut d = start;
        while d > 0
            && (bytes[d - 1].is_ascii_digit()
                || (matches!(bytes[d - 1], b',' | b'.') && d >= 2 && bytes[d - 2].is_ascii_digit()))
        {
            d -= 1;
        }
        let before = span::char_before(self.text, d);
        if before.is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '@' | '#' | '/' | '\\' | '_' | '.' | '=')
        }) {
            return None;
        }
        let w = span::between(self.text, start, end);
        let after = span::char_at(self.text, end);
        if w.len() < 4
            || !w.bytes().all(|b| b.is_ascii_lowercase())
            || after.is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '@' | '/'))
            || !is_english_word(w)
        {
            return None;
        }
        Some(Glue {
            at: start,
            word: Span::new(d, end),
            kind: GlueKind::Digit,
        })
    }

    /// A lowercase word that is no English word but an English word of four
    /// letters or more followed by a function word ("cooperationas", "themnor",
    /// "associationas"): the function word lost its space.
    fn lowercase_join(&self, start: usize, end: usize) -> Option<Glue> {
        let w = span::between(self.text, start, end);
        // Cheapest first: most words end in none of the tails, and most that do are
        // English words themselves ("nation", "atlas").
        if !LOWER_TAILS.iter().any(|t| w.ends_with(t))
            || !w.bytes().all(|b| b.is_ascii_lowercase())
            || is_english_word(w)
        {
            return None;
        }
        let cut = LOWER_TAILS.iter().find_map(|t| {
            let head = w.strip_suffix(t)?;
            (head.len() >= 4 && is_english_word(head)).then_some(head.len())
        })?;
        if !self.free_standing(start, end) {
            return None;
        }
        // Inside English prose only: the words on either side are English words
        // ("strategic cooperationas well", not "vendo problemas em").
        let english = |x: Option<&str>| x.is_some_and(|x| is_english_word(&x.to_ascii_lowercase()));
        let prev = span::before(self.text, start)
            .split(|c: char| !c.is_ascii_alphabetic())
            .rfind(|x| !x.is_empty());
        let next = span::after(self.text, end)
            .split(|c: char| !c.is_ascii_alphabetic())
            .find(|x| !x.is_empty());
        if !english(prev) || !english(next) {
            return None;
        }
        Some(Glue {
            at: start + cut,
            word: Span::new(start, end),
            kind: GlueKind::Lowercase,
        })
    }

    /// A word set off by spaces or punctuation, not part of an address, a handle, a
    /// hashtag or a code: `@JoeBiden`, `#BlackLivesMatter`, `example.com/FooBar`.
    fn free_standing(&self, start: usize, end: usize) -> bool {
        let before = span::char_before(self.text, start);
        let mut after = span::after(self.text, end).chars();
        let next = after.next();
        let bad_before = before.is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '@' | '#' | '/' | '\\' | '_' | '.' | '=' | '&')
        }) || {
            // A markup attribute's value: author="HillaryClinton".
            let head = span::before(self.text, start).trim_end_matches(['"', '\'']);
            head.len() < start && head.ends_with('=')
        };
        let bad_after = next.is_some_and(|c| {
            c.is_alphanumeric()
                || matches!(c, '@' | '/' | '\\' | '_' | '=')
                || (c == '.' && after.next().is_some_and(char::is_alphanumeric))
        });
        !bad_before && !bad_after
    }

    /// How many times `w` stands alone in the text (up to 2).
    fn count_alone(&self, w: &str) -> usize {
        if w.is_empty() {
            return 0;
        }
        // A word of letters stands alone exactly where it is a whole run of letters.
        if w.chars().all(char::is_alphabetic) {
            let runs = self.alone.get_or_init(|| letter_runs(self.text));
            return runs.get(w).map_or(0, |&n| usize::from(n));
        }
        if let Some(&n) = self.alone_other.borrow().get(w) {
            return n;
        }
        let mut n = 0;
        for pos in memmem::find_iter(self.text.as_bytes(), w.as_bytes()) {
            // A match of a whole `str` starts and ends on character boundaries.
            let before = span::char_before(self.text, pos);
            let after = span::char_at(self.text, pos + w.len());
            if !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic) {
                n += 1;
                if n == 2 {
                    break;
                }
            }
        }
        self.alone_other.borrow_mut().insert(w.to_owned(), n);
        n
    }

    /// The seam of a camel join to split, if the evidence says so.
    fn camel(&self, w: &str, seam: usize) -> Option<usize> {
        let (left, right) = w.split_at_checked(seam)?;
        // The left part: an optional capital then lowercase letters, three or more.
        let left_shape_ok = left.chars().count() >= 3
            && left.chars().skip(1).all(char::is_lowercase)
            && left.chars().next().is_some_and(char::is_alphabetic);
        // The right part: a capitalized word, or "I"/"A".
        let single = right == "I" || right == "A";
        let right_shape_ok = single || right.chars().skip(1).all(char::is_lowercase);
        if !left_shape_ok || !right_shape_ok {
            return None;
        }
        let left_lower = left.to_lowercase();
        if sorted_contains(NAME_PREFIXES, &left_lower) {
            return None;
        }
        let gaz = Gazetteer::global();
        let left_upper = left.chars().next().is_some_and(char::is_uppercase);
        let left_word = is_english_word(&left_lower);
        if single {
            // "naiveI affirm": only after a lowercase English word of four letters.
            if left_upper || !left_word || left.len() < 4 {
                return None;
            }
        } else {
            let right_lower = right.to_lowercase();
            let right_ok =
                sorted_contains(STARTERS, &right_lower) || gaz.lookup(right) & STARTS_NAME != 0;
            if !right_ok {
                return None;
            }
            let left_flags = if left_upper { gaz.lookup(left) } else { 0 };
            let left_name = left_flags & NAMEY != 0;
            let left_alone = || left_upper && self.count_alone(left) > 0;
            // A capitalized left part of three letters that is no name begins brands
            // ("NowThis", "YouGov").
            let left_ok =
                (left_word && (!left_upper || left.len() >= 4)) || left_name || left_alone();
            if !left_ok {
                return None;
            }
            // Two given names make one ("KellyAnne", "KenKen") unless the document
            // uses the first alone ("Xi JinpingVladimir Putin" after "Jinping").
            let right_given_only = !sorted_contains(STARTERS, &right_lower)
                && gaz.lookup(right) & STARTS_NAME == FIRST_NAME;
            if right_given_only && left_flags & FIRST_NAME != 0 && !left_alone() {
                return None;
            }
        }
        // Brands and names the gazetteers know, English words and a word written the
        // same way twice stay whole.
        if gaz.lookup(w) != 0 || is_english_word(&w.to_lowercase()) || self.count_alone(w) > 1 {
            return None;
        }
        Some(seam)
    }

    /// Where a name ends inside a capitalized word glued to the word after it.
    fn after_name(&self, w: &str) -> Option<usize> {
        // Cheap first: is there a tail at all? (After its capital, `w` is lowercase.)
        // Longest tail first; a head of four bytes or more.
        let last = *w.as_bytes().last()?;
        let mut cuts = TAILS_BY_LENGTH
            .iter()
            .filter(|t| t.as_bytes().last() == Some(&last) && t.len() + 4 <= w.len())
            .filter(|t| w.ends_with(**t))
            .map(|t| w.len() - t.len())
            .peekable();
        cuts.peek()?;
        let gaz = Gazetteer::global();
        if is_english_word(&w.to_lowercase()) || gaz.lookup(w) != 0 {
            return None;
        }
        // Does a given name or a title come just before? ("Vladimir Poutinevisit")
        let after_given_name = || {
            self.prev_word.is_some_and(|p| {
                let prev = p.slice(self.text);
                self.text.as_bytes().get(p.end) == Some(&b' ')
                    && prev.chars().next().is_some_and(char::is_uppercase)
                    && gaz.lookup(prev) & (FIRST_NAME | TITLE) != 0
            })
        };
        for cut in cuts {
            let Some((head, tail)) = w.split_at_checked(cut) else {
                continue;
            };
            let flags = gaz.lookup(head);
            // Religions, peoples and languages are no names a verb follows glued
            // ("Ikhwanul Muslimin").
            let head_word = is_english_word(&head.to_lowercase())
                || flags & (GROUP | NATIONALITY | LANGUAGE) != 0;
            let head_name = flags & (FIRST_NAME | LAST_NAME | COUNTRY | CITY | STATE) != 0;
            // A known name, or a name after a given name, then a long tail; or a
            // head the document uses alone: "Jinpingin" with "Jinping".
            let split = (tail.len() >= 4 && (head_name || (!head_word && after_given_name())))
                || (!head_word && self.count_alone(head) > 0);
            // A word written the same way twice is a word.
            if split {
                return (self.count_alone(w) < 2).then_some(cut);
            }
        }
        None
    }
}

#[cfg(test)]
#[allow(clippy::string_slice)] // tests slice texts they wrote
mod tests {
    use super::*;

    fn splits(text: &str) -> Vec<String> {
        find_glued(text)
            .iter()
            .map(|g| {
                let w = g.word.slice(text);
                let cut = g.at - g.word.start;
                format!("{} {}", &w[..cut], &w[cut..])
            })
            .collect()
    }

    #[test]
    fn lists_are_sorted() {
        for list in [STARTERS, TAILS, NAME_PREFIXES] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted, list);
        }
        assert!(is_english_word("visit"));
        assert!(!is_english_word("blinken"));
    }

    #[test]
    fn seed_joins_split() {
        let text = "The Russian President, Vladimir Poutinevisit China this week, to meet \
                    his dear friend Xi Jinpingin a bid. Putin will be in Beijing between \
                    Thursday and FridayAs reported by the Chinese Foreign Ministry. He \
                    will meet the Prime Minister Li QiangChinese number two. The US \
                    Secretary of State, Anthony Blinkenasked Beijing. Xi Jinping smiled.";
        assert_eq!(
            splits(text),
            [
                "Poutine visit",
                "Jinping in",
                "Friday As",
                "Qiang Chinese",
                "Blinken asked"
            ]
        );
    }

    #[test]
    fn function_words_glued_to_words_split() {
        assert_eq!(
            splits("strategic cooperationas well as trade; China will not abandon themnor throw"),
            ["cooperation as", "them nor"]
        );
        for clean in [
            "carbon, nylon, protein, baton, coronation, pylon, bandanas",
            "counterterrorism, geopolitical, livestreaming, bumpkin",
            "a passerby called; the road protestor; Share on linkedin today",
            "ainda vendo problemas em coisas",
        ] {
            assert!(splits(clean).is_empty(), "{clean}: {:?}", splits(clean));
        }
    }

    #[test]
    fn numbers_glued_to_words_split() {
        assert_eq!(
            splits("trade reached $240 billion in 2023according to customs."),
            ["2023 according"]
        );
        assert_eq!(
            splits("a COVID-19vaccine and 3.5million doses"),
            ["19 vaccine", "3.5 million"]
        );
        for clean in [
            "10km, 3rd, 1990s, 5pm, 24h, A380neo, 4x4, v2release, 100mph, 401k",
            "room 5B, model 3, the 2020s, 7-Eleven, mp3players",
        ] {
            assert!(splits(clean).is_empty(), "{clean}: {:?}", splits(clean));
        }
    }

    #[test]
    fn more_joins_split() {
        assert_eq!(splits("They were naiveI affirm."), ["naive I"]);
        assert_eq!(
            splits("Beijing supports Muskconsidered by many."),
            ["Musk considered"]
        );
        assert_eq!(splits("it was saidThe minister left."), ["said The"]);
        assert_eq!(
            splits("Xi Jinping met Xi JinpingVladimir Putin."),
            ["Jinping Vladimir"]
        );
        assert_eq!(
            splits("Ikhwanul Muslimin (68), a Muslim group"),
            Vec::<String>::new()
        );
        // Headlines glued to the text after them, in scraped pages.
        assert_eq!(
            splits("Home RenovationMichigan Couple; the United StatesIn an interview"),
            ["Renovation Michigan", "States In"]
        );
        assert_eq!(splits("worried aboutVladimir Putin"), ["about Vladimir"]);
    }

    #[test]
    fn brands_and_names_stay_whole() {
        let text = "McDonald iPhone YouTube PayPal LinkedIn DeSantis MacBook JPMorgan eBay \
                    CEOs NGOs MacArthur McCain LeBron WhatsApp BlackRock OpenAI SpaceX \
                    TikTok FedEx easyJet iOS macOS PhD GoFundMe HarperCollins LaGuardia \
                    BellSouth PaineWebber WoodSpring NowThis KellyAnne KenKen";
        assert_eq!(splits(text), Vec::<String>::new());
    }

    #[test]
    fn ordinary_words_stay_whole() {
        let text = "Berlin Johnson within Washington Putin Martin Thomas Nelson Peterson \
                    Williamson Obamacare Hollywood Cromwell Westover Somewhat Together \
                    Nevertheless Thereafter Sheffield Baltimore Franklin Austin Kremlin \
                    Robin Hamas Texas Elias Jonas Douglas Andreas Chinatown Trumpism \
                    Putin Put. Rob Robin.";
        assert_eq!(splits(text), Vec::<String>::new());
        // A name repeated as written is a name, whatever it ends with.
        assert_eq!(
            splits("Oliver Cromwellsaid no. Oliver Cromwellsaid yes."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn addresses_and_handles_stay_whole() {
        let text = "Follow @JoeBiden and #FridayAs on example.com/FridayAs or FridayAs.com";
        assert_eq!(splits(text), Vec::<String>::new());
        let text = "<tweet author=\"HillaryClinton\" x='GovChristie'>";
        assert_eq!(splits(text), Vec::<String>::new());
    }
}
