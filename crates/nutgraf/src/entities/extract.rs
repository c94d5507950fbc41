//! The entity stage of the pipeline: tag, type, trim, resolve.

use super::features::DocContext;
use super::gazetteer::{
    Gazetteer, CITY, COUNTRY, EVENT, EVENT_WORD, FAC_WORD, FIRST_NAME, LAST_NAME, LAW_WORD,
    LOC_WORD, NATIONALITY, NEWS_AGENCY, ORGANIZATION, ORG_WORD, PRODUCT, QUALIFIER, REGION, STATE,
    TITLE,
};
use super::model::{self, Model};
use super::resolve::{self, Lexicon, RawMention};
use super::types;
use super::Entity;
use super::EntityLabel;
use crate::segment::{Token, TokenKind};
use crate::span::{self, Span};
use crate::view::View;

/// Forms of address ("mr", "dr"): titles of the gazetteer that are no role.
static HONORIFICS: crate::lexicon::WordSet = crate::lexicon::word_set!("honorifics.txt");

/// Resolution's view of the gazetteers.
struct GazLexicon(&'static Gazetteer);

impl Lexicon for GazLexicon {
    fn is_title(&self, phrase: &str) -> bool {
        self.0.lookup(phrase) & TITLE != 0
            && !HONORIFICS.contains(phrase.strip_suffix('.').unwrap_or(phrase))
    }
    fn is_qualifier(&self, word: &str) -> bool {
        self.0.lookup(word) & QUALIFIER != 0
    }
    fn link(&self, phrase: &str) -> Option<String> {
        self.0.link(phrase).map(str::to_owned)
    }
    fn is_person_name(&self, word: &str) -> bool {
        self.0.lookup(word) & (FIRST_NAME | LAST_NAME) != 0
    }
    fn is_common_word(&self, word: &str) -> bool {
        crate::text::is_english_word(word)
    }
    fn is_place_or_org(&self, phrase: &str) -> bool {
        self.0.lookup(phrase) & (COUNTRY | CITY | STATE | REGION | ORGANIZATION | NEWS_AGENCY) != 0
    }
    fn alias_of(&self, phrase: &str) -> Option<String> {
        let flags = self.0.lookup(phrase);
        let is_alias =
            flags & (COUNTRY | ORGANIZATION | NEWS_AGENCY) != 0 && flags & (CITY | STATE) == 0;
        if is_alias {
            self.0.link(phrase).map(str::to_owned)
        } else {
            None
        }
    }
}

/// Drop what OntoNotes keeps out of a name: a leading lowercase "the", titles
/// before a person's name ("President", "Mr."), a trailing possessive.
///
/// A capitalized "The" stays inside the name mid-sentence ("The Associated Press",
/// "The Carlyle Group"); at the start of a sentence it is only capitalized there,
/// so it goes, as do other determiners ("An", "These").
fn trim(text: &str, mut span: Span, person: bool, sentence_start: usize, gaz: &Gazetteer) -> Span {
    loop {
        let s = span.slice(text);
        let Some((first, _)) = s.split_once(' ') else {
            break;
        };
        let at_start = span.start == sentence_start;
        let drop = first == "the"
            || (first == "The" && at_start)
            || matches!(
                first,
                "A" | "An" | "a" | "an" | "These" | "This" | "That" | "Those"
            )
            || (person
                && (gaz.lookup(&first.to_lowercase()) & (TITLE | QUALIFIER) != 0
                    || matches!(
                        first,
                        "Mr."
                            | "Mrs."
                            | "Ms."
                            | "Dr."
                            | "Prof."
                            | "Sen."
                            | "Rep."
                            | "Gov."
                            | "Gen."
                            | "Sir"
                            | "Lord"
                    )));
        if !drop {
            break;
        }
        span.start += first.len() + 1;
    }
    let s = span.slice(text);
    for suffix in ["'s", "’s"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            span.end -= suffix.len();
        }
    }
    // A glued word that ends a person's name ("Li QiangChinese") keeps only the name
    // when what is glued on is a nationality or a country.
    if person {
        let s = span.slice(text);
        let last = s.rsplit(' ').next().unwrap_or(s);
        let chars: Vec<(usize, char)> = last.char_indices().collect();
        if let Some(w) = chars
            .windows(2)
            .rposition(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
        {
            let seam = chars[w + 1].0;
            let tail = span::after(last, seam);
            if gaz.lookup(tail) & (NATIONALITY | COUNTRY) != 0 {
                span.end -= tail.len();
            }
        }
    }
    span
}

/// Join names coordinated inside one name: "Belt and Road Forum", "Food and Drug
/// Administration", "Bosnia and Herzegovina" are one mention when the tagger split
/// them at "and" and the second part ends with a word that ends names.
fn merge_coordinated(
    text: &str,
    tagged: Vec<(Span, usize)>,
    gaz: &Gazetteer,
) -> Vec<(Span, usize)> {
    let mut out: Vec<(Span, usize)> = Vec::with_capacity(tagged.len());
    for (span, label) in tagged {
        if let Some(last) = out.last_mut() {
            let between = text.get(last.0.end..span.start);
            if matches!(between, Some(" and " | " & ")) {
                let head = span.slice(text).rsplit(' ').next().unwrap_or("");
                let ends_name =
                    gaz.lookup(head) & (ORG_WORD | EVENT_WORD | FAC_WORD | LAW_WORD) != 0;
                let known = gaz.lookup(Span::new(last.0.start, span.end).slice(text)) != 0;
                // Two names of their own stay apart ("Real Madrid and Manchester
                // United", "Braun and The Carlyle Group"): a part the gazetteers know
                // whole, or a second part that starts with "The".
                let whole = COUNTRY | CITY | STATE | REGION | ORGANIZATION | NEWS_AGENCY;
                let apart = span.slice(text).starts_with("The ")
                    || gaz.lookup(last.0.slice(text)) & whole != 0
                    || gaz.lookup(span.slice(text)) & whole != 0;
                if (apart || !ends_name) && !known {
                    out.push((span, label));
                    continue;
                }
                last.0.end = span.end;
                last.1 = label;
                continue;
            }
        }
        out.push((span, label));
    }
    out
}

/// Whether a capitalized word can be part of a person's name: one the
/// gazetteers list as a given or family name, or a word that is neither
/// English nor known to the gazetteers for anything else ("Vishwanand").
fn name_like(word: &str, gaz: &Gazetteer) -> bool {
    if !word.starts_with(char::is_uppercase)
        || !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
    {
        return false;
    }
    let flags = gaz.lookup(word);
    if flags & (FIRST_NAME | LAST_NAME) != 0 {
        return true;
    }
    flags == 0 && !crate::text::is_english_word(&word.to_lowercase())
}

/// Split a person's name the tagger ran on over "of" into the person and the
/// place or organization after it: "Vishwanand Subryan of Schenectady",
/// "Abdul Karim of Hamas" (a tagger trained on "Bank of England" reads two
/// unknown names around "of" as one organization). The part before "of" is two
/// or three words that can be a person's name ([`name_like`]), so no head word
/// of an organization, a title or a place ("University of Chicago", "Duke of
/// York", "Gulf of Mexico") and no common word ("Friends of the Earth"), its
/// last word no initial; the part after is one to three capitalized words, none
/// a word that ends names ("Ltd", "Energy Department"), that the gazetteers
/// know as a place or an organization or that are not all English words ("of
/// Energy" stays in a department's name). A span the tagger calls a person's is
/// left whole ("Baroness Emma Nicholson of Winterbourne"). The person is tagged
/// a person; the other part an organization when the gazetteers list it as one,
/// else a place.
fn split_person_of_place(
    text: &str,
    tagged: Vec<(Span, usize)>,
    labels: &[String],
    gaz: &Gazetteer,
) -> Vec<(Span, usize)> {
    let index = |names: &[&str]| labels.iter().position(|l| names.contains(&l.as_str()));
    let (Some(person), Some(place), Some(org)) = (
        index(&["PERSON", "PER"]),
        index(&["GPE", "LOC"]),
        index(&["ORG"]),
    ) else {
        return tagged;
    };
    let mut out = Vec::with_capacity(tagged.len());
    for (span, label) in tagged {
        let s = span.slice(text);
        let Some((left, right)) = s.split_once(" of ") else {
            out.push((span, label));
            continue;
        };
        let left_words: Vec<&str> = left.split(' ').collect();
        let right_words: Vec<&str> = right.split(' ').collect();
        let flags = gaz.lookup(right);
        let known = flags & (COUNTRY | CITY | STATE | REGION | ORGANIZATION | NEWS_AGENCY) != 0;
        let ends_names = ORG_WORD | FAC_WORD | EVENT_WORD | LOC_WORD | LAW_WORD;
        let split = label != person
            && (2..=3).contains(&left_words.len())
            && left_words.iter().all(|w| name_like(w, gaz))
            && left_words
                .last()
                .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            && (1..=3).contains(&right_words.len())
            && right_words.iter().all(|w| {
                w.starts_with(char::is_uppercase) && *w != "The" && gaz.lookup(w) & ends_names == 0
            })
            && (known
                || right_words
                    .iter()
                    .any(|w| !crate::text::is_english_word(&w.to_lowercase())));
        if !split {
            out.push((span, label));
            continue;
        }
        let right_start = span.start + left.len() + " of ".len();
        let other = if flags & (ORGANIZATION | NEWS_AGENCY) != 0
            && flags & (COUNTRY | CITY | STATE | REGION) == 0
        {
            org
        } else {
            place
        };
        out.push((Span::new(span.start, span.start + left.len()), person));
        out.push((Span::new(right_start, span.end), other));
    }
    out
}

/// The mark that closes a nickname opened by `open`, if `open` opens one.
fn nickname_close(open: &str) -> Option<&'static [&'static str]> {
    Some(match open {
        "(" => &[")"],
        "\"" => &["\""],
        "“" => &["”", "\""],
        "'" | "‘" => &["'", "’"],
        _ => return None,
    })
}

/// Join a person's name written with a nickname inside it, "Kimani (Kiki)
/// Gray", "Maurice 'Mo' Cheeks", "Dwayne \"The Rock\" Johnson", into one
/// person mention from the given name to the family name: a tagger trained on
/// plain names cuts them anywhere ("Kiki) Gray", "Mo" and "Cheeks" as two
/// organizations). The words around the marks are capitalized, one space
/// apart from them, the nickname is one to three capitalized words, and it is
/// a person's: the given name is one the gazetteers know or the tagger tags a
/// person in the run; the family name is a known one or tagged.
fn join_nicknames(
    text: &str,
    toks: &[Token],
    tagged: Vec<(Span, usize)>,
    person: Option<usize>,
    gaz: &Gazetteer,
) -> Vec<(Span, usize)> {
    let Some(person) = person else {
        return tagged;
    };
    let capitalized =
        |t: &Token| t.kind == TokenKind::Word && t.span.slice(text).starts_with(char::is_uppercase);
    let spaced = |a: &Token, b: &Token| text.get(a.span.end..b.span.start) == Some(" ");
    let glued = |a: &Token, b: &Token| a.span.end == b.span.start;
    let mut joins: Vec<Span> = Vec::new();
    let mut i = 1;
    while i + 3 < toks.len() {
        let (given, open) = (&toks[i - 1], &toks[i]);
        let Some(closes) = nickname_close(open.span.slice(text)) else {
            i += 1;
            continue;
        };
        if !(capitalized(given) && spaced(given, open)) {
            i += 1;
            continue;
        }
        // The nickname's words, glued to the marks, then the family name.
        let mut j = i + 1;
        while j < toks.len() && j <= i + 3 && capitalized(&toks[j]) {
            j += 1;
        }
        let Some((close, family)) = toks.get(j).zip(toks.get(j + 1)) else {
            break;
        };
        let ok = j > i + 1
            && closes.contains(&close.span.slice(text))
            && glued(open, &toks[i + 1])
            && glued(&toks[j - 1], close)
            && spaced(close, family)
            && capitalized(family);
        if !ok {
            i += 1;
            continue;
        }
        let tagged_at = |t: &Token| {
            tagged
                .iter()
                .find(|(s, _)| s.start <= t.span.start && t.span.end <= s.end)
        };
        // As written: a given name that is a word too ("Bill") is listed
        // capitalized.
        let word = |t: &Token| t.span.slice(text);
        let run = Span::new(given.span.start, family.span.end);
        let named = tagged
            .iter()
            .any(|(s, l)| *l == person && s.start < run.end && run.start < s.end)
            || gaz.lookup(word(given)) & FIRST_NAME != 0;
        let family_known = tagged_at(family).is_some() || gaz.lookup(word(family)) & LAST_NAME != 0;
        if named && family_known {
            let start =
                tagged_at(given).map_or(given.span.start, |(s, _)| s.start.min(given.span.start));
            let end =
                tagged_at(family).map_or(family.span.end, |(s, _)| s.end.max(family.span.end));
            joins.push(Span::new(start, end));
        }
        i = j + 2;
    }
    if joins.is_empty() {
        return tagged;
    }
    let mut out: Vec<(Span, usize)> = tagged
        .into_iter()
        .filter(|(s, _)| !joins.iter().any(|j| s.start < j.end && j.start < s.end))
        .collect();
    out.extend(joins.into_iter().map(|j| (j, person)));
    out.sort_by_key(|(s, _)| s.start);
    out
}

/// Split word tokens at a lowercase-to-uppercase seam for the tagger's eyes only
/// (`DigiTimes`, `InfoNation`): it then sees name-like parts. The text itself is
/// untouched. Words glued by a lossy extraction (`QiangChinese`, `FridayAs`) are
/// repaired in the text before this stage (`text::find_glued`), with stricter
/// evidence; this split still helps the tagger on camel-case names the repair
/// leaves whole (`news_entities` dev F1 0.813 with it, 0.809 without). Brand names
/// written in camel case (`YouTube`, `iPhone`, `McDonald`) mostly keep their token:
/// the left part must be three or more letters ending in two lowercase ones, the
/// right part a capitalized word, and the whole token unknown to the gazetteers.
fn split_glued(text: &str, tokens: &mut Vec<Token>, gaz: &Gazetteer) {
    let mut out = Vec::with_capacity(tokens.len());
    for &t in tokens.iter() {
        let word = t.span.slice(text);
        if t.kind != TokenKind::Word
            || word.len() < 5
            || word.is_ascii() && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        {
            out.push(t);
            continue;
        }
        if gaz.lookup(word) != 0 {
            out.push(t);
            continue;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut from = 0; // index into chars of the current piece's start
        for j in 2..chars.len().saturating_sub(1) {
            let (at, c) = chars[j];
            let left_ok =
                j - from >= 3 && chars[j - 1].1.is_lowercase() && chars[j - 2].1.is_lowercase();
            if c.is_uppercase() && left_ok && chars[j + 1].1.is_lowercase() {
                let start = t.span.start + chars[from].0;
                out.push(Token {
                    span: Span::new(start, t.span.start + at),
                    kind: t.kind,
                });
                from = j;
            }
        }
        out.push(Token {
            span: Span::new(t.span.start + chars[from].0, t.span.end),
            kind: t.kind,
        });
    }
    *tokens = out;
}

/// Lowercase words that, after a hyphen, make the name before it a modifier:
/// "Amritsar-based", "Houston-area", "U.S.-led", "Obama-era".
const HYPHEN_SUFFIXES: [&str; 30] = [
    "based",
    "area",
    "born",
    "bred",
    "led",
    "backed",
    "owned",
    "run",
    "made",
    "bound",
    "listed",
    "registered",
    "controlled",
    "dominated",
    "funded",
    "sponsored",
    "headquartered",
    "allied",
    "aligned",
    "affiliated",
    "linked",
    "era",
    "style",
    "wide",
    "centric",
    "focused",
    "friendly",
    "inspired",
    "brokered",
    "appointed",
];

/// The length of the name in a word such as "Amritsar-based" (a capitalized part,
/// a hyphen, a suffix of [`HYPHEN_SUFFIXES`]), and whether the suffix says a place.
fn hyphen_modifier(word: &str) -> Option<(usize, bool)> {
    let (name, suffix) = word.rsplit_once('-')?;
    if !HYPHEN_SUFFIXES.contains(&suffix) || !name.chars().next()?.is_uppercase() {
        return None;
    }
    Some((
        name.len(),
        matches!(
            suffix,
            "based" | "area" | "born" | "bred" | "wide" | "headquartered"
        ),
    ))
}

/// The type of a name cut out of a hyphenated modifier: what the gazetteers know
/// of it, else what the tagger's label says (a place for "-based", "-area").
fn modifier_type(
    words: &[&str],
    tagger: &str,
    place: bool,
    conll: bool,
    gaz: &Gazetteer,
) -> Option<EntityLabel> {
    let flags = gaz.lookup(&words.join(" "));
    if flags & (COUNTRY | CITY | STATE) != 0 {
        Some(EntityLabel::Gpe)
    } else if flags & (ORGANIZATION | NEWS_AGENCY) != 0 {
        Some(EntityLabel::Org)
    } else if flags & NATIONALITY != 0 {
        Some(EntityLabel::Norp)
    } else if place && conll {
        Some(EntityLabel::Gpe)
    } else {
        types::ontonotes(tagger, conll, words, &|p| gaz.lookup(p))
    }
}

/// Names inside hyphenated modifiers the tagger left out ("a U.S.-backed plan"):
/// only names the gazetteers know as places, organizations or nationalities.
fn modifier_names(
    text: &str,
    toks: &[Token],
    tagged: &[(Span, usize)],
    gaz: &Gazetteer,
    out: &mut Vec<RawMention>,
) {
    for t in toks {
        if t.kind != TokenKind::Word
            || tagged
                .iter()
                .any(|(s, _)| s.start < t.span.end && t.span.start < s.end)
        {
            continue;
        }
        let Some((len, _)) = hyphen_modifier(t.span.slice(text)) else {
            continue;
        };
        let span = Span::new(t.span.start, t.span.start + len);
        let flags = gaz.lookup(span.slice(text));
        let label = if flags & (COUNTRY | CITY | STATE) != 0 {
            EntityLabel::Gpe
        } else if flags & (ORGANIZATION | NEWS_AGENCY) != 0 {
            EntityLabel::Org
        } else if flags & NATIONALITY != 0 {
            EntityLabel::Norp
        } else {
            continue;
        };
        out.push(RawMention { span, label });
    }
}

/// Tag one sentence: mentions with their OntoNotes type, trimmed.
fn tag_sentence(
    text: &str,
    s: Span,
    toks: &[Token],
    ctx: &DocContext,
    conll: bool,
    out: &mut Vec<RawMention>,
) {
    let model = Model::global();
    let gaz = Gazetteer::global();
    let tagged = merge_coordinated(text, model::tag(text, s, toks, ctx), gaz);
    let tagged = split_person_of_place(text, tagged, model.labels(), gaz);
    let person = model
        .labels()
        .iter()
        .position(|l| l == "PERSON" || l == "PER");
    let tagged = join_nicknames(text, toks, tagged, person, gaz);
    let first = out.len();
    for &(mut span, label) in &tagged {
        let last = span.slice(text).rsplit(' ').next().unwrap_or("");
        let modifier = hyphen_modifier(last);
        if let Some((len, _)) = modifier {
            span.end -= last.len() - len;
        }
        let words: Vec<&str> = span.slice(text).split_whitespace().collect();
        let typed = match modifier {
            Some((_, place)) => modifier_type(&words, model.label(label), place, conll, gaz),
            None => types::ontonotes(model.label(label), conll, &words, &|p| gaz.lookup(p)),
        };
        let Some(label) = typed else {
            continue;
        };
        let span = trim(text, span, label == EntityLabel::Person, s.start, gaz);
        if !span.slice(text).chars().any(char::is_alphanumeric) {
            continue;
        }
        out.push(RawMention { span, label });
    }
    let before = out.len();
    modifier_names(text, toks, &tagged, gaz, out);
    if out.len() > before {
        out[first..].sort_by_key(|m| m.span.start);
    }
}

/// Mentions of a headline sentence, kept consistent with the body.
///
/// In a Title Case line every word is capitalized, so capitalization says little:
/// a tagged mention is kept when the body names the same thing, or the gazetteers
/// know it as a place, organization or nationality; otherwise only the body's
/// names inside it are kept ("Putin Visits China" gives "Putin" and "China"). Body
/// names the tagger missed in the headline are added.
fn headline_mentions(
    text: &str,
    tagged: &[RawMention],
    s: Span,
    body: &[(String, EntityLabel)],
    out: &mut Vec<RawMention>,
) {
    let gaz = Gazetteer::global();
    let known = COUNTRY | CITY | STATE | REGION | ORGANIZATION | NEWS_AGENCY | NATIONALITY;
    let mut kept: Vec<RawMention> = Vec::new();
    for m in tagged {
        let key = resolve::fold(m.span.slice(text));
        if let Some((_, l)) = body.iter().find(|(k, _)| *k == key) {
            kept.push(RawMention {
                span: m.span,
                label: *l,
            });
        } else if gaz.lookup(m.span.slice(text)) & known != 0 {
            kept.push(*m);
        } else if m.label == EntityLabel::Person && key.contains(' ') {
            // A fuller form of a person the body names by surname: "Vladimir
            // Putin Visits China" over a body that says "Putin".
            let surname = key.rsplit(' ').next().unwrap_or_default();
            if body
                .iter()
                .any(|(k, l)| *l == EntityLabel::Person && k.rsplit(' ').next() == Some(surname))
            {
                kept.push(*m);
            }
        }
    }
    // Body names anywhere in the headline, longest first, where nothing is kept yet.
    let line = s.slice(text);
    let folded_line = line.to_lowercase();
    // Offsets into the folded line are offsets into the line only when every
    // character folds to as many bytes ("İ" folds to three, "ẞ" to two: the
    // line's length alone can agree while the offsets do not).
    let same_offsets = line
        .chars()
        .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8());
    let mut names: Vec<&(String, EntityLabel)> = body.iter().collect();
    names.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
    for (k, l) in names {
        if k.len() < 2 || !same_offsets {
            continue;
        }
        let mut from = 0;
        while let Some(i) = span::after(&folded_line, from).find(k.as_str()) {
            let start = from + i;
            let end = start + k.len();
            from = end;
            let before_ok =
                span::char_before(&folded_line, start).is_none_or(|c| !c.is_alphanumeric());
            let after_ok = span::char_at(&folded_line, end).is_none_or(|c| !c.is_alphanumeric());
            let span = Span::new(s.start + start, s.start + end);
            if before_ok
                && after_ok
                && !kept
                    .iter()
                    .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                kept.push(RawMention { span, label: *l });
            }
        }
    }
    kept.sort_by_key(|m| m.span.start);
    out.extend(kept);
}

/// Words that say the quoted title next to them names a work.
fn is_work_cue(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "film"
            | "films"
            | "movie"
            | "movies"
            | "series"
            | "show"
            | "shows"
            | "book"
            | "books"
            | "novel"
            | "song"
            | "songs"
            | "album"
            | "albums"
            | "game"
            | "games"
            | "report"
            | "newsletter"
            | "podcast"
            | "documentary"
            | "play"
            | "episode"
            | "episodes"
            | "titled"
            | "entitled"
            | "called"
            | "musical"
            | "opera"
            | "poem"
            | "painting"
            | "sitcom"
            | "franchise"
            | "single"
            | "memoir"
            | "column"
            | "programme"
            | "program"
    )
}

/// Titles of works in quotation marks: a capitalized phrase of up to ten words in
/// quotes, with a word such as "film", "game", "show" or "titled" right before or
/// after it, or a possessive before it (CNBC's "Trading Nation"). It replaces the
/// mentions the tagger found inside it. Scare quotes ("no-limits") and quoted speech
/// are not capitalized phrases, so they stay out.
fn quoted_titles(text: &str, sentences: &[(Span, bool)], mentions: &mut Vec<RawMention>) {
    let mut found = Vec::new();
    for &(s, _) in sentences {
        let sentence = s.slice(text);
        let mut i = 0;
        while let Some(open_at) = span::after(sentence, i).find(['"', '“', '\'', '‘']) {
            let open = i + open_at;
            let q = span::char_at(sentence, open).unwrap_or('"');
            let close_char = match q {
                '“' => '”',
                '‘' => '’',
                c => c,
            };
            let body_start = open + q.len_utf8();
            // An apostrophe inside a word ("CNBC's") opens nothing.
            let after_space =
                span::char_before(sentence, open).is_none_or(|c| !c.is_alphanumeric());
            let Some(len) = span::after(sentence, body_start)
                .find(close_char)
                .filter(|_| after_space)
            else {
                i = body_start;
                continue;
            };
            let body_end = body_start + len;
            i = body_end + close_char.len_utf8();
            // Extraction sometimes leaves a space inside the quotes (`" Trading Nation"`).
            let raw = span::between(sentence, body_start, body_end);
            let lead = raw.len() - raw.trim_start().len();
            let body_start = body_start + lead;
            let body = raw.trim_start().trim_end_matches([',', '.', '!', '?']);
            let words: Vec<&str> = body.split_whitespace().collect();
            if words.is_empty() || words.len() > 10 || body.len() < 2 {
                continue;
            }
            let capitalized = |w: &&str| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            };
            // Title Case: every word capitalized but the small function words.
            let small = |w: &&str| {
                matches!(
                    *w,
                    "a" | "an"
                        | "the"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "and"
                        | "or"
                        | "by"
                        | "with"
                        | "from"
                        | "vs"
                        | "de"
                )
            };
            if !capitalized(&words[0]) || !words.iter().all(|w| capitalized(w) || small(w)) {
                continue;
            }
            let before: Vec<&str> = span::before(sentence, open)
                .split_whitespace()
                .rev()
                .take(2)
                .collect();
            let after = span::after(sentence, i)
                .split_whitespace()
                .next()
                .unwrap_or("");
            let cue = before
                .first()
                .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
                || before
                    .iter()
                    .any(|w| is_work_cue(w.trim_matches(|c: char| !c.is_alphanumeric())))
                || is_work_cue(after.trim_matches(|c: char| !c.is_alphanumeric()));
            if cue {
                let start = s.start + body_start;
                found.push(Span::new(start, start + body.len()));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| {
        !found
            .iter()
            .any(|f| f.start <= m.span.start && m.span.end <= f.end)
    });
    mentions.extend(found.into_iter().map(|span| RawMention {
        span,
        label: EntityLabel::WorkOfArt,
    }));
    mentions.sort_by_key(|m| m.span.start);
}

/// Lowercase nouns that, right after a name, say the name is a work's title: "the
/// Star Trek film", "the Fargo TV series". Studios and networks come before such
/// nouns too ("a Netflix series"), so known organizations are left alone.
fn is_work_noun(word: &str) -> bool {
    matches!(
        word,
        "film"
            | "films"
            | "movie"
            | "movies"
            | "series"
            | "franchise"
            | "novel"
            | "novels"
            | "album"
            | "albums"
            | "trilogy"
            | "sequel"
            | "sequels"
            | "prequel"
            | "soundtrack"
            | "musical"
            | "documentary"
            | "sitcom"
            | "miniseries"
            | "spin-off"
            | "spinoff"
            | "reboot"
            | "remake"
            | "saga"
    )
}

/// Titles of works known by the words around them, not by quotes: a name right
/// before a work noun ("the Star Trek film", "Legion and Fargo TV series"), or after
/// a year's possessive ("2016's Star Trek Beyond"). The document's other mentions of
/// the same title, and longer names that start with it ("Star Trek Into Darkness"),
/// are titles too. People, nationalities and names the gazetteers know are left alone.
fn cued_titles(text: &str, mentions: &mut [RawMention], gaz: &Gazetteer) {
    let known = COUNTRY
        | CITY
        | STATE
        | REGION
        | NATIONALITY
        | ORGANIZATION
        | NEWS_AGENCY
        | PRODUCT
        | EVENT
        | FIRST_NAME
        | LAST_NAME;
    let eligible = |m: &RawMention| {
        matches!(
            m.label,
            EntityLabel::Org
                | EntityLabel::Gpe
                | EntityLabel::Loc
                | EntityLabel::Fac
                | EntityLabel::WorkOfArt
        ) && gaz.lookup(m.span.slice(text)) & known == 0
    };
    let mut cued = vec![false; mentions.len()];
    for i in 0..mentions.len() {
        let m = mentions[i];
        if !eligible(&m) {
            continue;
        }
        let after = span::after(text, m.span.end);
        let next = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        let before = span::before(text, m.span.start).trim_end();
        let year_possessive = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .is_some_and(|b| {
                // Bytes, not a str slice: the cut may fall inside a character ("Zürich's").
                let y = &b.as_bytes()[b.len().saturating_sub(5)..];
                y.len() == 5
                    && !y[0].is_ascii_alphanumeric()
                    && y[1..].iter().all(u8::is_ascii_digit)
                    && (y[1..].starts_with(b"19") || y[1..].starts_with(b"20"))
            });
        let mut span = m.span;
        if is_work_noun(next) && after.starts_with(' ') {
            // "Fargo TV series": the medium is not part of the title.
            if let Some(stripped) = span.slice(text).strip_suffix(" TV") {
                span.end = span.start + stripped.len();
            }
            cued[i] = true;
            // "Legion and Fargo TV series": the title coordinated before it.
            if i > 0 && eligible(&mentions[i - 1]) {
                let between = text.get(mentions[i - 1].span.end..m.span.start);
                if matches!(between, Some(" and " | ", " | " or ")) {
                    cued[i - 1] = true;
                }
            }
        } else if year_possessive {
            cued[i] = true;
        }
        mentions[i].span = span;
    }
    let titles: Vec<String> = mentions
        .iter()
        .zip(&cued)
        .filter(|(_, &c)| c)
        .map(|(m, _)| resolve::fold(m.span.slice(text)))
        .collect();
    if titles.is_empty() {
        return;
    }
    for (m, c) in mentions.iter_mut().zip(&cued) {
        if *c {
            m.label = EntityLabel::WorkOfArt;
            continue;
        }
        if !eligible(m) {
            continue;
        }
        let key = resolve::fold(m.span.slice(text));
        let is_title = titles.iter().any(|t| {
            key == *t
                || (key.len() > t.len()
                    && key.starts_with(t.as_str())
                    && key.as_bytes()[t.len()] == b' ')
        });
        if is_title {
            m.label = EntityLabel::WorkOfArt;
        }
    }
}

/// A line written in Title Case, as headlines are ("Man Shot Near Dallas Gas
/// Station Dies"): four or more words, at least three in four capitalized, no
/// figures and no closing period. In such a line capitalization says nothing about names.
fn title_case_line(line: &str) -> bool {
    // Tables and results lines ("Khan ( Pakistan ) beat Cairns 15-10") carry figures.
    if line.trim_end().ends_with('.') || line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 4 >= words.len() * 3
}

/// Mentions and entities of the normalized text, read from the sentences of
/// `view` (headlines: titles, subtitles and section headings; lines in Title
/// Case are read as headlines too).
pub(crate) fn extract(view: &View<'_>) -> (Vec<RawMention>, Vec<Entity>) {
    let text = view.text;
    let sentences: Vec<(Span, bool)> = view
        .sentences
        .iter()
        .map(|s| (s.span, s.headline || title_case_line(s.span.slice(text))))
        .collect();
    let sentences = &sentences[..];
    let model = Model::global();
    let gaz = Gazetteer::global();
    let conll = model.labels().iter().any(|l| l == "MISC" || l == "PER");
    let mut tokens: Vec<Vec<Token>> = Vec::with_capacity(sentences.len());
    let mut ctx = DocContext::new();
    for (k, &(s, headline)) in sentences.iter().enumerate() {
        let mut toks = view.raw(k).to_vec();
        split_glued(text, &mut toks, gaz);
        if !headline {
            ctx.add_sentence(text, s, &toks);
        }
        tokens.push(toks);
    }
    let mut mentions = Vec::new();
    for (&(s, headline), toks) in sentences.iter().zip(&tokens) {
        if !headline && !toks.is_empty() {
            tag_sentence(text, s, toks, &ctx, conll, &mut mentions);
        }
    }
    let body: Vec<(String, EntityLabel)> = {
        let mut seen: Vec<(String, EntityLabel)> = Vec::new();
        for m in &mentions {
            let key = resolve::fold(m.span.slice(text));
            if !seen.iter().any(|(k, _)| *k == key) {
                seen.push((key, m.label));
            }
        }
        seen
    };
    let mut tagged = Vec::new();
    for (&(s, headline), toks) in sentences.iter().zip(&tokens) {
        if headline && !toks.is_empty() {
            tagged.clear();
            tag_sentence(text, s, toks, &ctx, conll, &mut tagged);
            headline_mentions(text, &tagged, s, &body, &mut mentions);
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    quoted_titles(text, sentences, &mut mentions);
    cued_titles(text, &mut mentions, gaz);
    let entities = resolve::resolve(view, &mut mentions, &GazLexicon(gaz));
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<&str> {
        let whole = Span::new(0, text.len());
        let (mentions, _) = crate::view::with_view(text, &[(whole, false)], extract);
        mentions
            .iter()
            .filter(|m| m.label == EntityLabel::WorkOfArt)
            .map(|m| m.span.slice(text))
            .collect()
    }

    fn labeled(text: &str) -> Vec<(&str, EntityLabel)> {
        let whole = Span::new(0, text.len());
        let (mentions, _) = crate::view::with_view(text, &[(whole, false)], extract);
        mentions
            .iter()
            .map(|m| (m.span.slice(text), m.label))
            .collect()
    }

    #[test]
    fn a_nickname_inside_a_name_keeps_one_person() {
        for (text, name) in [
            (
                "Police shot Kimani (Kiki) Gray, 16, on Saturday.",
                "Kimani (Kiki) Gray",
            ),
            (
                "The 76ers fired Maurice 'Mo' Cheeks on Tuesday.",
                "Maurice 'Mo' Cheeks",
            ),
            ("He met Bill 'Spaceman' Lee in May.", "Bill 'Spaceman' Lee"),
            (
                "Dwayne \"The Rock\" Johnson starred in it.",
                "Dwayne \"The Rock\" Johnson",
            ),
            (
                "They caught Arcade Joseph \"AJ\" Comeaux Jr. late.",
                "Arcade Joseph \"AJ\" Comeaux Jr.",
            ),
        ] {
            let found = labeled(text);
            assert!(found.contains(&(name, EntityLabel::Person)), "{found:?}");
            assert!(
                !found.iter().any(|(t, _)| *t != name && name.contains(t)),
                "{found:?}"
            );
        }
        // An acronym in brackets inside an organization's name is no nickname.
        let found = labeled("He joined the Security (SANS) Institute in May.");
        assert!(
            !found.iter().any(|(_, l)| *l == EntityLabel::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_person_of_a_place_is_split_from_it() {
        let labels: Vec<String> = ["LOC", "MISC", "ORG", "PER"].map(String::from).to_vec();
        let gaz = Gazetteer::global();
        // One tagged span as the tagger gave it, the label index 2 (ORG).
        let split = |text: &str, name: &str, label: usize| -> Vec<(String, String)> {
            let at = text.find(name).unwrap_or(0);
            split_person_of_place(
                text,
                vec![(Span::new(at, at + name.len()), label)],
                &labels,
                gaz,
            )
            .into_iter()
            .map(|(s, l)| (s.slice(text).to_owned(), labels[l].clone()))
            .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect()
        };
        for (text, name, person, other, label) in [
            (
                "Police arrested Vishwanand Subryan of Schenectady on Tuesday.",
                "Vishwanand Subryan of Schenectady",
                "Vishwanand Subryan",
                "Schenectady",
                "LOC",
            ),
            (
                "The victim, Oluwaseun Adeyemi of Lagos, was taken to hospital.",
                "Oluwaseun Adeyemi of Lagos",
                "Oluwaseun Adeyemi",
                "Lagos",
                "LOC",
            ),
            (
                "Mohammed Karimzada of Hamas told reporters it would hold.",
                "Mohammed Karimzada of Hamas",
                "Mohammed Karimzada",
                "Hamas",
                "ORG",
            ),
        ] {
            assert_eq!(
                split(text, name, 2),
                pairs(&[(person, "PER"), (other, label)]),
                "{text}"
            );
        }
        // Names of organizations, places and titles stay whole; so does a
        // span the tagger calls a person's.
        for (text, name, label) in [
            ("He met the Bank of England.", "Bank of England", 2),
            ("He met the Duke of York.", "Duke of York", 2),
            (
                "They joined Friends of the Earth.",
                "Friends of the Earth",
                2,
            ),
            ("The Gulf of Mexico is warm.", "Gulf of Mexico", 0),
            (
                "The U. S. Department of Energy said so.",
                "U. S. Department of Energy",
                2,
            ),
            (
                "Shares of Gold Fields of South Africa Ltd rose.",
                "Gold Fields of South Africa Ltd",
                2,
            ),
            (
                "The Chicago Board of Trade opened.",
                "Chicago Board of Trade",
                2,
            ),
            (
                "Baroness Emma Nicholson of Winterbourne spoke.",
                "Baroness Emma Nicholson of Winterbourne",
                3,
            ),
        ] {
            assert_eq!(
                split(text, name, label),
                pairs(&[(name, labels[label].as_str())]),
                "{text}"
            );
        }
    }

    #[test]
    fn relatives_of_one_family_name_stay_apart() {
        // "Bill" is also a word: a given name all the same.
        let text = "Hillary Clinton spoke in Ohio on Monday. Clinton thanked her staff. \
                    Bill Clinton and Chelsea Clinton listened.";
        let whole = Span::new(0, text.len());
        let (_, entities) = crate::view::with_view(text, &[(whole, false)], extract);
        let names: Vec<&str> = entities
            .iter()
            .filter(|e| e.label == EntityLabel::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Hillary Clinton", "Bill Clinton", "Chelsea Clinton"]
        );
    }

    #[test]
    fn names_inside_hyphenated_modifiers() {
        assert_eq!(hyphen_modifier("Amritsar-based"), Some((8, true)));
        assert_eq!(hyphen_modifier("U.S.-led"), Some((4, false)));
        assert_eq!(hyphen_modifier("Coca-Cola"), None);
        assert_eq!(hyphen_modifier("well-known"), None);
        let found = labeled("He paid a London-based agent and joined a U.S.-led coalition.");
        assert!(found.contains(&("London", EntityLabel::Gpe)), "{found:?}");
        assert!(found.contains(&("U.S.", EntityLabel::Gpe)), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains('-')), "{found:?}");
    }

    #[test]
    fn works_known_by_the_words_around_them() {
        let text = "The new Star Trek film opens soon. Fans of Star Trek and of \
                    2016's Star Trek Beyond are waiting.";
        let works: Vec<&str> = labeled(text)
            .into_iter()
            .filter(|(_, l)| *l == EntityLabel::WorkOfArt)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(works, ["Star Trek", "Star Trek", "Star Trek Beyond"]);
        // A studio before a work noun is not a title.
        assert!(!labeled("It is a new Netflix series about Apple.")
            .iter()
            .any(|(_, l)| *l == EntityLabel::WorkOfArt));
    }

    #[test]
    fn coordinated_names_of_their_own_stay_apart() {
        let found = labeled("He has managed Real Madrid and Manchester United since then.");
        assert!(
            found.contains(&("Real Madrid", EntityLabel::Org)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Manchester United", EntityLabel::Org)),
            "{found:?}"
        );
        let found = labeled("The Food and Drug Administration said so on Monday.");
        assert!(
            found
                .iter()
                .any(|(t, _)| *t == "Food and Drug Administration"),
            "{found:?}"
        );
    }

    #[test]
    fn title_case_lines_read_as_headlines() {
        assert!(title_case_line("Man Shot Near Dallas Gas Station Dies"));
        assert!(title_case_line(
            "Putin Visits China to Strengthen Partnership"
        ));
        assert!(!title_case_line(
            "Russian President Vladimir Putin arrived in Beijing."
        ));
        assert!(!title_case_line(
            "Jansher Khan ( Pakistan ) beat Mark Cairns ( England ) 15-10"
        ));
        assert!(!title_case_line("Xi and Putin met"));
    }

    #[test]
    fn quoted_titles_with_a_cue_are_works() {
        assert_eq!(
            titles("Maley said on CNBC's \"Trading Nation\" on Monday."),
            ["Trading Nation"]
        );
        assert_eq!(
            titles("A new 'Half-Life' game is finally coming."),
            ["Half-Life"]
        );
        assert_eq!(
            titles("The film “Lucy in the Sky” opens in October."),
            ["Lucy in the Sky"]
        );
        // Scare quotes and quoted speech are not titles.
        assert!(titles("They praised the “no-limits” partnership.").is_empty());
        assert!(titles("“We will win,” he said in the film.").is_empty());
    }
}
