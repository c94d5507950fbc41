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
    use super::detect;

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
