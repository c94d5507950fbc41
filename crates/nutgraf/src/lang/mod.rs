//! Language identification of blocks (ISO 639-1 codes).
//!
//! Two signals, cheapest first: function-word votes for the common European news
//! languages (decisive on short lines such as captions and headlines, where
//! character n-gram models guess), then whatlang's trigram model for everything
//! else (other scripts, other languages, long text without decisive votes).

pub(crate) mod stopwords;

use crate::span;

/// Longest prefix of a block given to the trigram model.
const WHATLANG_MAX_BYTES: usize = 400;

/// Fewest letters a text needs before we name its language.
const MIN_LETTERS: usize = 8;

/// The language of `text` as an ISO 639-1 code, or `None` when the text is too
/// short or too mixed to tell.
///
/// ```
/// assert_eq!(nutgraf::detect_language("The president will meet his counterpart on Wednesday."), Some("en"));
/// assert_eq!(nutgraf::detect_language("El presidente de Rusia aterriza en el aeropuerto."), Some("es"));
/// assert_eq!(nutgraf::detect_language("OK"), None);
/// ```
pub fn detect(text: &str) -> Option<&'static str> {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let votes = stopwords::vote(text);
    if let Some(code) = votes.decisive() {
        return Some(code);
    }
    // The trigram model guesses on very short text; leave that to the votes.
    // On short lines the trigram model guesses: a function-word lead is better
    // evidence there. Text in other scripts still goes to the model.
    if letters < 24 && text.is_ascii() {
        return votes.leader();
    }
    if letters < 80 {
        if let Some(code) = votes.leader() {
            return Some(code);
        }
    }
    // Trigram statistics settle within a few hundred bytes; cap the cost per block.
    let cut = span::floor_boundary(text, WHATLANG_MAX_BYTES);
    if let Some(info) = whatlang::detect(span::before(text, cut)) {
        if info.is_reliable() || (letters >= 40 && info.confidence() >= 0.25) {
            if let Some(code) = iso639_1(info.lang().code()) {
                return Some(code);
            }
        }
    }
    votes.leader()
}

/// Function-word votes a text in another language needs for
/// [`surely_other`], and how many times those of English.
const SURE_VOTES: f32 = 3.0;
const SURE_RATIO: f32 = 3.0;
/// The share of a text's words those votes must reach: running text has a
/// function word in every three or four words, a list of names with "van
/// der" and "de la" in it far fewer.
const SURE_DENSITY: f32 = 0.12;
/// Different function words those votes must come from.
const SURE_DISTINCT: u16 = 3;

/// Whether `text` is surely in a language other than English, so that the
/// extractors (which read English) leave it alone: in a Latin script, three
/// function words of one other language or more (three different ones, not
/// counting words in capitals), one word in eight or more, and three times
/// those of English ("Die TI, welche von der Gesellschaft entwickelt
/// wird..."; not a team list with "Danie van Schalkwyk"); or, of eight letters
/// or more, mostly letters of another script than Latin ("Президент России
/// прибыл"). Tables, lists of names and short lines stay English ("Sjeng
/// Schalken ( Netherlands ) beat David Rikl", "SWEDEN BEAT LATVIA IN EUROPEAN
/// UNDER-21 QUALIFIER"), whatever [`detect`] guesses of them.
pub(crate) fn surely_other(text: &str) -> bool {
    let (mut letters, mut latin) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        // Basic Latin to Latin Extended-B, and Latin Extended Additional.
        latin += usize::from(c <= '\u{24F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c));
    }
    if letters < MIN_LETTERS {
        return false;
    }
    if latin * 2 >= letters {
        let votes = stopwords::vote_running(text);
        let min = SURE_VOTES.max(SURE_DENSITY * votes.words as f32);
        return votes
            .other_than_english(min, SURE_DISTINCT, SURE_RATIO)
            .is_some();
    }
    // English is written in Latin letters.
    true
}

/// whatlang's ISO 639-3 codes with their ISO 639-1 codes.
const ISO639: [(&str, &str); 70] = [
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// Map whatlang's ISO 639-3 codes to ISO 639-1 (`None` where there is none).
fn iso639_1(code3: &str) -> Option<&'static str> {
    ISO639.iter().find(|(c, _)| *c == code3).map(|(_, c)| *c)
}

/// The `'static` code [`detect`] gives for `code`, if it gives that code at all:
/// for documents read back from bytes or JSON.
pub(crate) fn intern(code: &str) -> Option<&'static str> {
    stopwords::LANGS
        .iter()
        .chain(ISO639.iter().map(|(_, c)| c))
        .find(|c| **c == code)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::{detect, surely_other};

    #[test]
    fn running_text_in_another_language_is_surely_other() {
        for text in [
            "El presidente de Rusia, Vladímir Putin, aterriza en el Aeropuerto Internacional de Pekín (China), este 17 de octubre de 2023.",
            "Der russische Präsident ist am Dienstag in Peking eingetroffen, wo er mit dem chinesischen Staatschef sprechen wird.",
            "Isso é muito importante, porque a leitura das crianças não é um problema que se resolve em um ano.",
            "러시아 대통령이 화요일 베이징에 도착해 중국 국가주석과 회담했다.",
            "Президент России прибыл в Пекин во вторник.",
        ] {
            assert!(surely_other(text), "{text}");
        }
    }

    #[test]
    fn english_tables_names_and_short_lines_are_not_surely_other() {
        for text in [
            "The city council voted on Monday to close two libraries, the mayor said in a statement.",
            // A team list: "van der" and "de" are in names, not running text.
            "South Africa - 15 - Andre Joubert, 14 - Justin Swart, 12 - Danie van Schalkwyk, 9 - Joost van der Westhuizen, 8 - Gary Teichmann",
            // Capitals are abbreviations, not function words ("NA").
            "M / SP / F : NA / NA / NA BOOK ENTRY : N",
            "Sjeng Schalken ( Netherlands ) beat David Rikl ( Czech Republic ) 6-2 6-4 6-4",
            "Die Hard",
            "",
            // One word said again is no language: "met" is Dutch too.
            &"(Putin met Xi ".repeat(20),
        ] {
            assert!(!surely_other(text), "{text}");
        }
    }

    #[test]
    fn short_news_lines() {
        assert_eq!(
            detect("Putin Visits China to Strengthen Partnership"),
            Some("en")
        );
        assert_eq!(
            detect("El presidente de Rusia, Vladímir Putin, aterriza en el Aeropuerto Internacional de Pekín (China), este 17 de octubre de 2023."),
            Some("es")
        );
        assert_eq!(
            detect("Le président russe est arrivé à Pékin pour une visite."),
            Some("fr")
        );
        assert_eq!(
            detect("Der russische Präsident ist in Peking eingetroffen."),
            Some("de")
        );
        assert_eq!(
            detect("Президент России Владимир Путин прибыл в Пекин с визитом."),
            Some("ru")
        );
        assert_eq!(
            detect("普京抵达北京，将与习近平举行会谈。中俄关系"),
            Some("zh")
        );
        assert_eq!(detect("EFE"), None);
    }
}
