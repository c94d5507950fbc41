//! Repairs: mojibake, C1 controls, HTML references and glued words, reported
//! with spans of the input; the extractors read the repaired text.
//!
//! Property tests (256 cases each, `PROPTEST_CASES` for more): repair never
//! changes text that holds no mojibake candidate, every repair slices the
//! input, and the mojibake of text built from common characters of many
//! scripts, once or twice, Windows-1252 or Latin-1, repairs back to it.

use nutgraf::text::{apply_repairs, repair_with, NormalizedText};
use nutgraf::{repair, EntityLabel, Meta, Options, Parser, RepairKind};
use proptest::prelude::*;
use proptest::sample::select;

/// The Windows-1252 characters of bytes 0x80-0x9F (`'\0'`: undefined, read as
/// the C1 control of the same number, as browsers do).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// `text`'s UTF-8 read as Windows-1252 or Latin-1.
fn damage(text: &str, latin1: bool) -> String {
    text.bytes()
        .map(|b| match b {
            0x80..=0x9F if !latin1 && CP1252_HIGH[usize::from(b - 0x80)] != '\0' => {
                CP1252_HIGH[usize::from(b - 0x80)]
            }
            _ => char::from(b),
        })
        .collect()
}

/// A character that can lead a mojibake sequence directly followed by one
/// that can continue it, or a C1 control: what the repair looks for.
fn has_candidate(text: &str) -> bool {
    let cont =
        |c: char| ('\u{80}'..='\u{bf}').contains(&c) || CP1252_HIGH.contains(&c) && c != '\0';
    let chars: Vec<char> = text.chars().collect();
    chars.iter().any(|c| ('\u{80}'..='\u{9f}').contains(c))
        || chars
            .windows(2)
            .any(|w| ('\u{c2}'..='\u{f4}').contains(&w[0]) && cont(w[1]))
}

#[test]
fn a_name_in_mojibake_is_found_and_spans_the_input() {
    let text =
        "Putin visits China\n\nRussian President VladÃ\u{ad}mir Putin arrived in Beijing on Tuesday. \
                VladÃ\u{ad}mir Putin said he didnâ€™t expect surprises.";
    let doc = Parser::new(Options::new())
        .parse(text, &Meta::new())
        .unwrap();
    let putin = doc
        .entities
        .iter()
        .find(|e| e.label == EntityLabel::Person && e.name.contains("Putin"))
        .expect("Putin is found");
    let mentions: Vec<&str> = putin
        .mentions
        .iter()
        .map(|&m| doc.slice(doc.mentions[m].span))
        .collect();
    assert!(
        mentions.contains(&"VladÃ\u{ad}mir Putin"),
        "mentions slice the input: {mentions:?}"
    );
    assert_eq!(putin.name, "Vladímir Putin");
    let kinds: Vec<(&str, &str)> = doc
        .repairs
        .iter()
        .map(|r| (r.original(&doc.text), r.replacement.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [("Ã\u{ad}", "í"), ("Ã\u{ad}", "í"), ("â€™", "’")],
        "repairs of the document"
    );
    // In the contract, offsets are code points of the input.
    let json = doc.to_json_value();
    let first = &json["repairs"][0];
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (
        first["start"].as_u64().unwrap() as usize,
        first["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), "Ã\u{ad}");
    assert_eq!(first["kind"], "mojibake");
    assert_eq!(first["original"], "Ã\u{ad}");
    assert_eq!(first["replacement"], "í");
    // Off, nothing is repaired and the name is not read.
    let off = Parser::new(Options::new().repair_encoding(false))
        .parse(text, &Meta::new())
        .unwrap();
    assert!(off.repairs.is_empty());
}

#[test]
fn glued_words_and_entities_are_reported() {
    let text = "Anthony Blinkenasked AT&amp;T about it.";
    let doc = nutgraf::parse(text, &Meta::new()).unwrap();
    let got: Vec<(&str, &str, RepairKind)> = doc
        .repairs
        .iter()
        .map(|r| (r.original(text), r.replacement.as_str(), r.kind))
        .collect();
    assert_eq!(
        got,
        [
            ("", " ", RepairKind::GluedWords),
            ("&amp;", "&", RepairKind::HtmlEntity)
        ]
    );
    assert_eq!(&text[..doc.repairs[0].span.start], "Anthony Blinken");
    assert_eq!(repair(text).text, "Anthony Blinken asked AT&T about it.");
}

#[test]
fn examples_in_many_languages() {
    for (good, note) in [
        (
            "Vladímir Putin no dijo “nada” en São Paulo.",
            "Spanish, Portuguese",
        ),
        ("Größere Straßen führen über Köln — ganz schön.", "German"),
        ("L’été à Montréal coûte 5 € de plus… voilà.", "French"),
        ("Hà Nội và Thành phố Hồ Chí Minh đều đẹp.", "Vietnamese"),
        ("Η Ελλάδα και η Κύπρος συμφώνησαν.", "Greek"),
        ("Президент России встретился с Си Цзиньпином.", "Russian"),
        (
            "習近平と会談した。한국어 문장도 있다.",
            "Chinese, Japanese, Korean",
        ),
        ("ראש הממשלה אמר — العربية أيضاً", "Hebrew, Arabic"),
        (
            "Ratings: 😀🎉 ∑x² ≤ π · 10 °C ± 2, £5 ©2023",
            "emoji, math, symbols",
        ),
        ("Łódź, Kraków, się, mogą, żółć", "Polish"),
        ("Çağrı, İstanbul, şehir, ğ", "Turkish"),
    ] {
        let clean = repair(good);
        assert!(
            clean.repairs.is_empty(),
            "{note}: repaired {:?}",
            clean.repairs
        );
        for latin1 in [false, true] {
            let once = damage(good, latin1);
            assert_eq!(repair(&once).text, good, "{note} once, latin1 {latin1}");
            let twice = damage(&once, latin1);
            assert_eq!(repair(&twice).text, good, "{note} twice, latin1 {latin1}");
        }
    }
}

#[test]
fn mixed_document() {
    let good = "Vladímir Putin met Xi.\nHe said: “we’ll see”.\nCafé au lait, naïve résumé.";
    let lines: Vec<&str> = good.lines().collect();
    let bad = [
        lines[0].to_owned(),
        damage(lines[1], false),
        damage(&damage(lines[2], true), true),
    ]
    .join("\n");
    assert_eq!(repair(&bad).text, good);
    assert_eq!(repair_with(&bad, false).text, bad);
}

/// Words of one script each, from common characters.
const WORDS: &[&str] = &[
    "the",
    "Putin",
    "said",
    "visit",
    "Beijing",
    "été",
    "São",
    "João",
    "ação",
    "naïve",
    "Köln",
    "Straße",
    "groß",
    "français",
    "coûte",
    "über",
    "niño",
    "Ñandú",
    "ÉCOLE",
    "CAFÉ",
    "PERÚ",
    "MÃE",
    "Ærø",
    "Łódź",
    "się",
    "żółć",
    "Çağrı",
    "İstanbul",
    "Việt",
    "Nội",
    "đẹp",
    "Ελλάδα",
    "Κύπρος",
    "Россия",
    "встретился",
    "עברית",
    "العربية",
    "中文",
    "習近平",
    "한국어",
    "テキスト",
    "😀",
    "🎉",
    "∑",
    "≤",
    "π",
    "°C",
    "£5",
    "€3",
    "©",
    "±2",
    "x²",
    "10",
    "2023",
    "½",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", ", ", ". ", " — ", " – ", "’s ", " “", "” ", "… ", "\n", " «", "» ", " (", ") ",
    "\u{a0}",
];

fn common_text() -> impl Strategy<Value = String> {
    prop::collection::vec((select(WORDS), select(SEPARATORS)), 0..40).prop_map(|parts| {
        let mut out = String::new();
        for (w, sep) in parts {
            out.push_str(w);
            out.push_str(sep);
        }
        out
    })
}

/// Any text, with mojibake pieces and C1 controls often.
fn any_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(WORDS).prop_map(str::to_owned),
        2 => select(SEPARATORS).prop_map(str::to_owned),
        2 => select(&["Ã", "Ã©", "Â", "â€™", "â€", "\u{92}", "\u{81}", "ÐŸ", "ðŸ˜€", "×", "&amp;", "&#146;"][..])
            .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

/// Text of common words and any characters, without mojibake pieces.
fn plain_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(WORDS).prop_map(str::to_owned),
        2 => select(SEPARATORS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
        1 => select(&["Ã", "Â", "×", "É", "Ú", "ß", "é", "à", "ð"][..]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        max_global_rejects: 1 << 20,
        ..ProptestConfig::default()
    })]

    #[test]
    fn repair_leaves_text_without_candidates_alone(text in plain_text()) {
        prop_assume!(!has_candidate(&text));
        let fixed = repair(&text);
        let encoding = fixed
            .repairs
            .iter()
            .filter(|r| matches!(r.kind, RepairKind::Mojibake | RepairKind::C1Control))
            .count();
        prop_assert_eq!(encoding, 0, "{:?}", fixed.repairs);
    }

    #[test]
    fn every_repair_slices_the_input(text in any_text()) {
        let mut norm = NormalizedText::new(&text);
        norm.repair_glued();
        let repairs = norm.repairs();
        let mut last = 0;
        for r in repairs {
            prop_assert!(r.span.start >= last, "repairs overlap or are out of order: {:?}", repairs);
            prop_assert!(r.span.end <= text.len());
            prop_assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
            prop_assert_ne!(r.original(&text), r.replacement.as_str());
            // The normalized text at the repair maps back to (at most) the repair.
            last = r.span.end;
        }
        let fixed = repair(&text);
        prop_assert_eq!(&fixed.repairs, &repairs.to_vec());
        prop_assert_eq!(apply_repairs(&text, &fixed.repairs), fixed.text);
        // The parser reports the same repairs, whatever the stages.
        let doc = nutgraf::parse(&text, &Meta::new()).unwrap();
        prop_assert_eq!(&doc.repairs, &fixed.repairs);
    }

    #[test]
    fn mojibake_of_common_text_repairs_back(text in common_text(), latin1 in any::<bool>()) {
        prop_assume!(!has_candidate(&text));
        let want = repair(&text).text;
        let once = damage(&text, latin1);
        prop_assert_eq!(&repair(&once).text, &want, "once: {:?}", once);
        let twice = damage(&once, latin1);
        prop_assert_eq!(&repair(&twice).text, &want, "twice: {:?}", twice);
    }
}
