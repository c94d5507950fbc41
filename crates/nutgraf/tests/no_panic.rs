//! No panic at a byte offset inside a character (issue 9): multi-byte characters
//! right before and after the things extractors cut text at — possessives, quote
//! marks, currency signs, numbers, dates, punctuation, line and text ends —
//! parsed with layout on and off and every stage on, each document checked
//! against the invariants of `common/mod.rs`.
//!
//! The crate denies `clippy::string_slice`; these inputs check the offsets the
//! remaining slices and the span helpers are given (debug builds assert they
//! fall on character boundaries).

mod common;

use common::{check_all_modes, check_document};
use nutgraf::{Meta, Options, Parser};
use proptest::prelude::*;
use proptest::sample::select;

/// Multi-byte characters and names: two-, three- and four-byte characters,
/// combining marks, joiners, direction marks, a character reference.
const MULTI: &[&str] = &[
    "é",
    "ü",
    "ß",
    "Ç",
    "İ",
    "ẞ",
    "\u{212a}", // Kelvin sign: lowercases to ASCII "k"
    "中文",
    "北京",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "\u{301}",
    "\u{200d}",
    "\u{200b}",
    "\u{200f}",
    "\u{200e}",
    "\u{202b}",
    "\u{feff}",
    "مرحبا",
    "Москва",
    "&eacute;",
    "&#8217;",
    "Zürich",
    "Müller",
    "São Paulo",
    "Straße",
    "Erdoğan",
    "Ça va",
    "Über",
];

/// What extractors cut at: possessives, quote marks, currency, numbers, dates,
/// punctuation, spaces and line breaks.
const CONTEXT: &[&str] = &[
    "'s", "’s", "'", "’", "\"", "“", "”", "«", "»", "„", "‘", "€", "£", "¥", "$", "€5bn", "5",
    "2023", "2023's", "1990’s", "17,", ".", ",", ":", ";", "?", "!", "…", "-", "—", "(", ")", " ",
    "\n", "\n\n", "&amp;", "Mr.", "said",
];

/// Whole sentences and documents around the same cuts.
const CASES: &[&str] = &[
    "Analysts at Zürich's UBS Group said inflation would slow.",
    "Zürich's 2023's results beat forecasts.",
    "Müller’s team won. “Über” is a company.",
    "São Paulo's €5bn budget was approved on Tuesday.",
    "Ça va, said the minister.",
    "“Über,” he said. «Ça va», she replied. „Straße“ is German.",
    "The 1990’s were different, Straße's residents said.",
    "Jürgen Klopp said Liverpool would win.",
    "Recep Tayyip Erdoğan met Vladimir Putin in Sochi on Monday.",
    "Recep Tayyip Erdoğan’s spokesman said: “We will see.”",
    "Caf&eacute; owner Ren&eacute;'s shop closed. Jos&eacute; said “no.”",
    "中文's market fell 5% to ¥1,200. 北京’s mayor said so.",
    "Prices rose 👍🏽's way: £5, €6 and ¥7.",
    "Jose\u{301}'s team and Zu\u{308}rich’s bank said “yes”.",
    "\u{200f}Ahmad's statement\u{200f}: “مرحبا” said the minister.",
    "The CEO of 👨\u{200d}👩\u{200d}👧 Inc's unit said it would grow 5%.",
    "Ünal said. Öztürk’s “Ça va” film was released in 2023.",
    "Reporting by Jürgen Müller; Editing by Çağlar Öz",
    "(With information from EFE and Agência Brasil)",
    "\u{212a}eporting by Jane Doe",
    "İstanbul’s mayor met ẞtraße officials on Oct. 17, 2023.",
    "ZÜRICH, Oct 17 (Reuters) - UBS’s shares fell 5% on Tuesday.",
    "Putin visits China\n\nBy Jürgen Müller and Çağlar Öz\n\nZÜRICH — Analysts at Zürich's UBS said.",
    "By Ümit Özdağ, Staff Writer\n\nThe “Über Alles” film's director said on Monday it would open in 2024.",
    "Müller: Flowers Won't Be at Debate\n\n“MÜLLER: Let's start,” he said.",
    "Straße.com – Nachrichten\n\nDie Straße's Bürgermeister sagte am Montag…",
    "é",
    "'s",
    "é's",
    "’sé",
    "“é”",
    "€é",
    "é€",
    "\u{301}'s",
    "中文's",
    "sign中文",
    "the 中文 president Xi Jinping said.",
    "The Chinese President, 中文 of the party, said.",
];

fn with_small_windows(input: &str) {
    let parser = Parser::new(Options::new().max_sentence_tokens(16));
    let doc = parser
        .parse(input, &Meta::new())
        .unwrap_or_else(|e| panic!("parse failed (windows of 16 tokens): {e}"));
    check_document(input, &doc);
}

#[test]
fn sentences_around_multibyte_characters() {
    for case in CASES {
        check_all_modes(case);
        with_small_windows(case);
        // At the start and end of a line, and of a paragraph after a title.
        check_all_modes(&format!("Title\n{case}\nNext line é."));
        check_all_modes(&format!("Zürich’s news\n\n{case}\n\nMüller’s"));
    }
}

#[test]
fn every_multibyte_piece_next_to_every_cut() {
    for m in MULTI {
        let mut doc = String::new();
        for c in CONTEXT {
            // Alone: at the start and at the end of the text.
            check_all_modes(&format!("{m}{c}"));
            check_all_modes(&format!("{c}{m}"));
            // Inside a sentence with names, a quote and a number around it.
            let sentence =
                format!("Jürgen {m}{c} Klopp said “{c}{m}” on Tuesday, {m}{c}{m} €5bn{c}.");
            doc.push_str(&sentence);
            doc.push(if c.len() % 2 == 0 { '\n' } else { ' ' });
        }
        check_all_modes(&doc);
        with_small_windows(&doc);
    }
}

/// One piece of a generated text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(MULTI).prop_map(str::to_owned),
        3 => select(CONTEXT).prop_map(str::to_owned),
        2 => select(&[
            "the", "said", "on", "Tuesday", "President", "Vladimir", "Putin", "UBS", "Group",
            "analysts", "at", "film", "titled", "By", "Reporting by", "the Chinese president",
            "Oct.", "2023", "percent", "billion", "met", "in",
        ][..])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Pieces joined by nothing, a space or a line break: a cut may fall on either
/// side of every multi-byte character.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (piece(), select(&["", "", " ", " ", "\n", "\n\n"][..])),
        0..60,
    )
    .prop_map(|parts| {
        let mut out = String::new();
        for (p, sep) in parts {
            out.push_str(&p);
            out.push_str(sep);
        }
        out
    })
}

proptest! {
    #[test]
    fn generated_sentences_do_not_panic(input in text()) {
        check_all_modes(&input);
    }
}
