//! The streamed JSON contract (`Document::write_json`, `Document::to_json`) is byte
//! for byte the value tree's (`to_json_value().to_string()`): on the seed articles,
//! on awkward inputs, on documents with odd numbers and with words (`Options::syntax`),
//! and on arbitrary strings.

use std::io::{self, Write};

use nutgraf::{Document, Meta, Options, Parser};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

mod common;
use common::{repo, seed_articles as seeds};

/// Panics unless every serialization of `doc` gives the value tree's bytes.
fn assert_streams_like_tree(doc: &Document) -> Vec<u8> {
    let tree = doc.to_json_value().to_string();
    let mut streamed = Vec::new();
    doc.write_json(&mut streamed).unwrap();
    if streamed != tree.as_bytes() {
        let s = String::from_utf8_lossy(&streamed);
        let at = s
            .bytes()
            .zip(tree.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(s.len().min(tree.len()));
        let from = at.saturating_sub(80);
        panic!(
            "streamed JSON differs at byte {at}\n tree:     {:?}\n streamed: {:?}\ninput: {:?}",
            tree.get(from..(at + 80).min(tree.len())),
            s.get(from..(at + 80).min(s.len())),
            doc.text
        );
    }
    assert_eq!(doc.to_json(), tree);
    // Short writes and a buffered writer give the same bytes.
    let mut trickle = Trickle(Vec::new());
    doc.write_json(&mut trickle).unwrap();
    assert_eq!(trickle.0, streamed);
    let mut buffered = io::BufWriter::with_capacity(7, Vec::new());
    doc.write_json(&mut buffered).unwrap();
    assert_eq!(buffered.into_inner().unwrap(), streamed);
    streamed
}

/// A writer that takes at most three bytes per call.
struct Trickle(Vec<u8>);

impl Write for Trickle {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(3);
        self.0.extend_from_slice(&buf[..n]);
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A writer that fails once it has taken `left` bytes.
struct Full {
    left: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.left == 0 {
            return Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"));
        }
        let n = buf.len().min(self.left);
        self.left -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn parse(text: &str, published: Option<&str>) -> Document {
    parse_with(text, published, Options::new())
}

fn parse_with(text: &str, published: Option<&str>, options: Options) -> Document {
    let meta = match published {
        Some(d) => Meta::new().with_published_str(d).unwrap(),
        None => Meta::new(),
    };
    Parser::new(options).parse(text, &meta).unwrap()
}

/// The contract with the sentences' `words` taken out.
fn without_words(mut v: Value) -> Value {
    for s in v["sentences"].as_array_mut().unwrap() {
        s.as_object_mut().unwrap().remove("words");
    }
    v
}

/// The contract without what the parse informs: the pronouns the entity stage
/// resolves (an object pronoun is not its verb's subject, an expletive "it"
/// stands for nothing) and the quotes, attributions and events that read them.
fn without_parse_informed(mut v: Value) -> Value {
    for e in v["entities"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("pronouns");
    }
    for key in ["quotes", "attributions", "events"] {
        v.as_object_mut().unwrap().remove(key);
    }
    v
}

#[test]
fn seeds_stream_the_value_tree_and_the_golden_files() {
    for (stem, text, published) in seeds() {
        let doc = parse(&text, Some(&published));
        let streamed = assert_streams_like_tree(&doc);
        let golden = repo().join(format!("tests/golden/seeds/{stem}.json"));
        let want: Value = serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
        let got: Value = serde_json::from_slice(&streamed).unwrap();
        assert_eq!(got, want, "{stem}");
        // Without a date, relative times have no value and no anchor.
        assert_streams_like_tree(&parse(&text, None));
    }
}

/// With syntax on, every sentence gains `words` and nothing else changes but
/// what the parse informs (pronouns, and the quotes and events that read
/// them); with it off (the golden files above), no sentence has the key.
#[test]
fn seeds_with_words_stream_the_value_tree() {
    for (stem, text, published) in seeds() {
        let plain = parse(&text, Some(&published)).to_json_value();
        assert!(
            plain["sentences"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s.get("words").is_none()),
            "{stem}"
        );
        let doc = parse_with(&text, Some(&published), Options::new().syntax(true));
        assert!(!doc.words.is_empty(), "{stem}");
        let streamed = assert_streams_like_tree(&doc);
        let got: Value = serde_json::from_slice(&streamed).unwrap();
        let sentences = got["sentences"].as_array().unwrap();
        let listed: usize = sentences
            .iter()
            .map(|s| s["words"].as_array().unwrap().len())
            .sum();
        assert_eq!(listed, doc.words.len(), "{stem}");
        assert_eq!(
            without_parse_informed(without_words(got)),
            without_parse_informed(plain),
            "{stem}"
        );
    }
}

/// A sentence's words in the contract: code-point offsets that slice the input
/// to the word, heads inside the sentence, keys in byte order.
#[test]
fn words_in_the_contract() {
    let text = "Zürich’s UBS Group said on Tuesday the talks were postponed.";
    let doc = parse_with(text, None, Options::new().layout(false).syntax(true));
    let v = doc.to_json_value();
    let words = v["sentences"][0]["words"].as_array().unwrap();
    let chars: Vec<char> = text.chars().collect();
    for w in words {
        let keys: Vec<&str> = w.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["deprel", "end", "head", "lemma", "start", "text", "upos", "xpos"]
        );
        let (start, end) = (
            w["start"].as_u64().unwrap() as usize,
            w["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(w["text"], slice.as_str());
        match w["head"].as_u64() {
            Some(h) => assert!((h as usize) < words.len()),
            None => assert_eq!(w["deprel"], "root"),
        }
    }
    let texts: Vec<&str> = words.iter().map(|w| w["text"].as_str().unwrap()).collect();
    assert_eq!(&texts[..4], ["Zürich", "’s", "UBS", "Group"]);
    let talks = words.iter().find(|w| w["text"] == "talks").unwrap();
    assert_eq!(talks["deprel"], "nsubj:pass");
    assert_eq!(talks["upos"], "NOUN");
    assert_eq!(talks["lemma"], "talk");
    let head = talks["head"].as_u64().unwrap() as usize;
    assert_eq!(words[head]["text"], "postponed");
    // The streamed bytes list the same words.
    assert_streams_like_tree(&doc);
    // No words (an empty input), no key, even with syntax on.
    let empty = parse_with("", None, Options::new().syntax(true));
    assert_eq!(empty.to_json(), parse("", None).to_json());
}

/// Inputs that exercise escaping, code-point offsets and empty documents, and
/// pages that fill the contract's rarer keys (a dated dateline, boilerplate
/// reasons, ranges, fractional numbers, roles, attributions, events).
const AWKWARD: &[&str] = &[
    "",
    " ",
    "\n\n\n",
    " \t \r\n \u{a0}\u{3000} \n",
    "\u{200b}\u{200d}\u{feff}\u{2060}",
    "\"\"\"",
    "\\ \" / \u{0} \u{1f} \u{7f} \u{85} \u{2028} \u{2029}",
    "“Quoted,” he said. ‘Single’ and \"straight\" and «guillemets».",
    "Vladi\u{301}mir Pu\u{200b}tin visited 北京 😀👨\u{200d}👩 on Tuesday, officials said.",
    "Путин прибыл в Пекин во вторник. Он встретился с Си Цзиньпином.",
    "بوتين يزور الصين \u{202e}reversed\u{202c} اليوم",
    "Title only",
    "&amp; &lt;b&gt; &#8217; &nbsp; &#x2019;",
    "LONDON, Oct. 17, 2023 (Reuters) - British inflation held steady at 6.7% in September, \
     official figures showed on Tuesday, keeping pressure on the Bank of England, according \
     to the Office for National Statistics.\n",
    "Markets jump as Fed holds rates\nBy Jane Doe and John Roe\nShare this article\n\n\
     Stocks rallied 1.5 percent on Tuesday after the Federal Reserve kept rates unchanged. \
     \"We are not done,\" Fed Chair Jerome Powell told reporters in Washington.\n\n\
     Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on \
     Wednesday, the Kremlin said. Oil exports rose to between $10-12 billion, about 2.5 \
     million barrels a day, up from 0.75 million in 2022.\n\nYou may also like\n\n\
     © 2023 Example News. All rights reserved.\n",
];

#[test]
fn awkward_inputs_stream_the_value_tree() {
    let mut seen = Coverage::default();
    for text in AWKWARD {
        for published in [None, Some("2023-10-17")] {
            let doc = parse(text, published);
            assert_streams_like_tree(&doc);
            seen.add(&doc);
        }
        let doc = parse_with(text, None, Options::new().syntax(true));
        assert_streams_like_tree(&doc);
        seen.add(&doc);
    }
    for (_, text, published) in seeds() {
        seen.add(&parse(&text, Some(&published)));
    }
    // Every optional object and key of the contract was written at least once.
    assert_eq!(
        seen,
        Coverage {
            dateline: true,
            dated_dateline: true,
            reason: true,
            value_max: true,
            fraction: true,
            role: true,
            speaker: true,
            cue: true,
            attribution: true,
            event_place: true,
            event_time: true,
            anchor: true,
            non_ascii: true,
            words: true,
            non_ascii_words: true,
        }
    );
}

/// Which of the contract's rarer parts the documents filled.
#[derive(Debug, Default, PartialEq)]
#[allow(clippy::struct_excessive_bools)]
struct Coverage {
    dateline: bool,
    dated_dateline: bool,
    reason: bool,
    value_max: bool,
    fraction: bool,
    role: bool,
    speaker: bool,
    cue: bool,
    attribution: bool,
    event_place: bool,
    event_time: bool,
    anchor: bool,
    non_ascii: bool,
    words: bool,
    non_ascii_words: bool,
}

impl Coverage {
    fn add(&mut self, d: &Document) {
        self.dateline |= d.dateline.is_some();
        self.dated_dateline |= d.dateline.as_ref().is_some_and(|dl| dl.date.is_some());
        self.reason |= d.blocks.iter().any(|b| b.reason.is_some());
        self.value_max |= d.quantities.iter().any(|q| q.value_max.is_some());
        self.fraction |= d.quantities.iter().any(|q| q.value.fract() != 0.0);
        self.role |= d.entities.iter().any(|e| !e.roles.is_empty());
        self.speaker |= d.quotes.iter().any(|q| q.speaker.is_some());
        self.cue |= d.quotes.iter().any(|q| q.cue.is_some());
        self.attribution |= !d.attributions.is_empty();
        self.event_place |= d.events.iter().any(|e| e.place.is_some());
        self.event_time |= d.events.iter().any(|e| e.time.is_some());
        self.anchor |= d.times.iter().any(|t| t.anchor.is_some());
        self.non_ascii |= !d.text.is_ascii() && !d.sentences.is_empty();
        self.words |= !d.words.is_empty();
        self.non_ascii_words |= d.words.iter().any(|w| !d.slice(w.span).is_ascii());
    }
}

/// Offsets at the end of non-ASCII text whose length is a multiple of the
/// code-point index's 256-byte step, and a long non-ASCII document.
#[test]
fn non_ascii_offsets_stream_the_value_tree() {
    for input in [
        "é".repeat(128),
        "é".repeat(256),
        format!(
            "{}\n\n{}",
            "北京是中国的首都。".repeat(40),
            "é".repeat(1000)
        ),
        "Путин прибыл в Пекин. «Он встретился с Си», сказал Песков.\n\n".repeat(300),
    ] {
        assert_streams_like_tree(&parse(&input, None));
    }
}

/// Numbers the parser rarely gives: `json_number`'s integers and floats, and null
/// for what JSON cannot write.
#[test]
fn odd_numbers_stream_the_value_tree() {
    let mut doc = parse(
        "Prices rose 5% on Tuesday, 3 percent in May and 7% in June, officials said.",
        Some("2023-10-17"),
    );
    assert!(doc.quantities.len() >= 3, "{:?}", doc.quantities);
    let values = [
        0.0,
        -0.0,
        -3.0,
        0.1,
        -2.5e-7,
        1.0e21,
        8.999_999_999_999_999e15,
        9.0e15,
        -9.0e15,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for pair in values.windows(2) {
        doc.quantities[0].value = pair[0];
        doc.quantities[0].value_max = Some(pair[1]);
        doc.quantities[1].value_max = None;
        doc.quantities[2].value = pair[1];
        assert_streams_like_tree(&doc);
    }
}

#[test]
fn write_errors_reach_the_caller() {
    let (_, text, published) = seeds().swap_remove(0);
    let doc = parse(&text, Some(&published));
    let len = doc.to_json().len();
    for left in [0, 1, 100, len - 1] {
        let err = doc.write_json(Full { left }).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    }
    doc.write_json(Full { left: len }).unwrap();
}

/// Words, quote marks and characters that normalization and offsets treat specially.
const PIECES: &[&str] = &[
    "Putin", "Xi", "Beijing", "said", "met", "on", "Tuesday", "$5", "billion", "3.5%", "the", "“",
    "”", "\"", "'", "’", "\\", "/", "\u{0}", "\u{1f}", "\u{200b}", "\u{feff}", "\u{ad}", "\u{301}",
    "é", "北京", "😀", "\u{2028}", "&amp;", "&#8217;", "\r\n", "\n\n", "\t", ".", ",", "—", "By",
    "Share",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (select(PIECES), select(&[" ", "", "\n", "\n\n"][..])),
        0..80,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(piece, sep)| [piece, sep])
            .collect()
    })
}

proptest! {
    #[test]
    fn arbitrary_strings_stream_the_value_tree(input in any::<String>()) {
        assert_streams_like_tree(&parse(&input, Some("2023-10-17")));
    }

    #[test]
    fn awkward_pieces_stream_the_value_tree(input in pieces()) {
        assert_streams_like_tree(&parse(&input, Some("2023-10-17")));
    }

    #[test]
    fn awkward_pieces_with_words_stream_the_value_tree(input in pieces()) {
        assert_streams_like_tree(&parse_with(&input, None, Options::new().syntax(true)));
    }
}
