//! Document invariants over the sample corpus and hand-picked nasty inputs.
//!
//! See `common/mod.rs` for the invariants themselves: valid spans on char
//! boundaries, ordered non-overlapping blocks that lose no text, sentences
//! inside their blocks, the body made of the body blocks in order, and JSON
//! code-point offsets that slice the original input.

mod common;

use std::path::PathBuf;

use common::{check_all_modes, check_document};
use nutgraf::{Meta, Options, Parser};

fn seeds() -> Vec<(PathBuf, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds");
    let mut out: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|e| panic!("reading {}: {e}", p.display()));
            (p, text)
        })
        .collect();
    out.sort();
    assert_eq!(
        out.len(),
        5,
        "expected the five seed articles in {}",
        dir.display()
    );
    out
}

#[test]
fn seed_articles() {
    for (path, text) in seeds() {
        eprintln!("{}", path.display());
        check_all_modes(&text);
    }
}

/// The seed articles as a scraper on a bad day might hand them over.
#[test]
fn seed_articles_mangled() {
    for (path, text) in seeds() {
        eprintln!("{}", path.display());
        let crlf = text.replace('\n', "\r\n");
        let cr = text.replace('\n', "\r");
        let nbsp = text.replace(' ', "\u{a0}");
        let entities = text
            .replace('&', "&amp;")
            .replace('\'', "&#8217;")
            .replace('"', "&quot;");
        let invisible = text.replace(". ", ".\u{200b} \u{ad}");
        let decomposed: String = text.replace('í', "i\u{301}").replace('é', "e\u{301}");
        let indented = text.replace('\n', "\n \t\u{3000}");
        for variant in [crlf, cr, nbsp, entities, invisible, decomposed, indented] {
            check_all_modes(&variant);
        }
    }
}

const NASTY: &[&str] = &[
    "",
    " ",
    "\n",
    "\r",
    "\r\n",
    " \t \u{a0}\u{3000}\n\u{2029}",
    "\u{200b}",
    "\u{feff}Title\n\nBody text here.",
    "Putin visits China\r\n\r\nBy Jane Doe\r\n\r\nRussian President Vladimir Putin arrived in Beijing on Tuesday.\r\nHe met Xi Jinping.\r\n",
    "Line one\rLine two\rLine three.",
    "a\r\r\rb",
    "Tom\u{a0}&\u{a0}Jerry\u{a0}\u{a0}went home.",
    "AT&amp;T said &#8217;no&#8217; &#x2019; &eacute;t&eacute; &nbsp; &amp;amp; &#0; &#xD800; &#1114112;",
    "&amp;",
    "&nbsp;",
    "&nbsp;&#8220;Quote&#8221;&nbsp;",
    "&#8203;&#173;&#xAD;",
    "co\u{ad}op\u{ad}er\u{ad}a\u{ad}tion \u{ad}\n\u{ad}",
    "zero\u{200b}width\u{2060}joiner\u{feff}here\u{200c}\u{200d}.",
    "Vladi\u{301}mir Putin met Xi. Jose\u{301} Marti\u{301}n said no\u{308}.",
    "\u{301}\u{301}\n\u{301}",
    "e\u{301}\r\u{301}\u{7f}\u{301}&amp;\u{301}",
    " \u{301}\u{316} x",
    "ctrl\u{0}\u{1}\u{7}\u{8}\u{1b}[0m\u{7f}\u{85}\u{9f} chars.",
    "\u{0}\u{0}\u{0}",
    "\u{b}\u{c}\u{1c}\u{1d}\u{1e}\u{1f}\u{2028}end",
    "Emoji 😀👍🏽👨‍👩‍👧‍👦 🇺🇸 in a sentence. Another one 🎉!",
    "مرحبا بالعالم. هذا نص عربي.\n\nשלום עולם. זה טקסט בעברית.",
    "\u{202e}reversed\u{202c} and \u{200f}marks\u{200e}.",
    "北京是中国的首都。习近平会见了普京。\n\n東京は日本の首都です。",
    "서울은 한국의 수도입니다. 좋은 하루!",
    "Лондон, 17 октября (Рейтер) - Президент России прибыл в Пекин.",
    "\u{fffd}\u{fffe}\u{ffff}\u{10ffff}",
    "By Jane Doe\n\nLeave a Comment\n\nShare\n\nAdvertisement\n\n(AP Photo/John Smith)",
    "BEIJING, Oct 17 (Reuters) - Russian President Vladimir Putin arrived in Beijing on Tuesday.",
    "Published: 2023-10-17\n\nTitle here\n\nBody text of the article. It goes on.",
    "...",
    "\"\"\"''''“”‘’«»",
    "1.\n2.\n3.\n",
    "Mr. \n\nDr.\n\nU.S.\n\n",
];

#[test]
fn nasty_inputs() {
    for input in NASTY {
        check_all_modes(input);
    }
}

#[test]
fn long_single_line() {
    let line =
        "Vladímir Putin met Xi Jinping in Beijing on Tuesday and said nothing new; ".repeat(4000);
    check_all_modes(&line);
    let no_spaces = "x".repeat(300_000);
    check_all_modes(&no_spaces);
    // 480,001 bytes: not a multiple of 256 (see the ignored test below).
    let cjk = format!("{}!", "北京是中国的首都".repeat(20_000));
    check_all_modes(&cjk);
}

/// Core bug: `CharOffsets::char_offset(text.len())` indexes one checkpoint past
/// the end when the text is non-ASCII and its length is a multiple of 256 bytes,
/// so `Document::to_json_value` panics whenever a block or sentence ends at the
/// end of such an input.
#[test]
fn json_offsets_at_the_end_of_a_256_byte_multiple() {
    let input = "é".repeat(128); // 256 bytes, 128 code points
    let doc = nutgraf::parse(&input, &Meta::new()).expect("parse");
    let json = doc.to_json_value(); // panics: index out of bounds (len 1, index 1)
    assert_eq!(json["blocks"][0]["end"], 128);
    check_document(&input, &doc);
}

#[test]
fn long_cjk_line_of_a_256_byte_multiple() {
    let input = "北京是中国的首都".repeat(20_000); // 480,000 bytes = 1875 * 256
    let doc = nutgraf::parse(&input, &Meta::new()).expect("parse");
    let _ = doc.to_json_value(); // panics
}

#[test]
fn ten_thousand_blank_lines() {
    check_all_modes(&"\n".repeat(10_000));
    check_all_modes(&"\r\n".repeat(10_000));
    let sandwich = format!(
        "Title of the story\n{}Body text of the story. It has two sentences.{}",
        "\n".repeat(10_000),
        "\n \n".repeat(5_000)
    );
    check_all_modes(&sandwich);
}

#[test]
fn every_char_of_a_mixed_line_alone() {
    // Each nasty character on its own and between words.
    let chars = [
        '\u{0}', '\u{9}', '\u{b}', '\u{c}', '\r', '\u{7f}', '\u{85}', '\u{a0}', '\u{ad}',
        '\u{301}', '\u{1680}', '\u{2000}', '\u{200b}', '\u{200d}', '\u{2028}', '\u{2029}',
        '\u{202f}', '\u{2060}', '\u{3000}', '\u{feff}', '\u{fffe}', '😀',
    ];
    for c in chars {
        check_all_modes(&c.to_string());
        check_all_modes(&format!("word{c}word"));
        check_all_modes(&format!(
            "Sentence one.{c}Sentence two.\n{c}\nThird line{c}"
        ));
    }
}

#[test]
fn parsing_is_deterministic() {
    let parser = Parser::new(Options::new());
    let meta = Meta::new();
    let mut inputs: Vec<String> = seeds().into_iter().map(|(_, t)| t).collect();
    inputs.extend(NASTY.iter().map(|s| (*s).to_owned()));
    for input in &inputs {
        let a = parser.parse(input, &meta).expect("parse");
        let b = parser.parse(input, &meta).expect("parse");
        assert_eq!(a, b, "two parses differ for {input:?}");
        check_document(input, &a);
    }
}

#[test]
fn parse_many_equals_sequential_parse() {
    let parser = Parser::new(Options::new());
    let mut inputs: Vec<(String, Meta)> =
        seeds().into_iter().map(|(_, t)| (t, Meta::new())).collect();
    inputs.extend(NASTY.iter().map(|s| ((*s).to_owned(), Meta::new())));
    inputs.push((
        inputs[0].0.clone(),
        Meta::new().with_published_str("2020-01-02").expect("date"),
    ));
    let batch = parser.parse_many(&inputs);
    assert_eq!(batch.len(), inputs.len());
    for ((text, meta), got) in inputs.iter().zip(&batch) {
        let want = parser.parse(text, meta).expect("parse");
        assert_eq!(got.as_ref().expect("parse_many"), &want);
    }
    let pooled = parser
        .parse_many_with_threads(&inputs, Some(2))
        .expect("pool");
    for (a, b) in pooled.iter().zip(&batch) {
        assert_eq!(a.as_ref().expect("pooled"), b.as_ref().expect("batch"));
    }
}
