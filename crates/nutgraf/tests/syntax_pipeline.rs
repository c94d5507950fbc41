//! The syntax stage inside `parse`: words of every analysed sentence, with
//! spans into the original input and heads inside their sentence.

use std::path::Path;

use nutgraf::syntax::Upos;
use nutgraf::{Document, Meta, Options, Parser};

fn parse(text: &str, options: Options) -> Document {
    Parser::new(options).parse(text, &Meta::new()).unwrap()
}

/// Every word slices to a token of its sentence; heads stay in the sentence;
/// each window of a sentence has one root.
fn check(doc: &Document) {
    let mut covered = 0;
    for s in &doc.sentences {
        let words = &doc.words[s.words.clone()];
        covered += words.len();
        for (i, w) in words.iter().enumerate() {
            assert!(
                w.span.start >= s.span.start && w.span.end <= s.span.end,
                "{w:?} outside {s:?}"
            );
            let text = doc.slice(w.span);
            assert!(
                !text.is_empty() && !text.contains(char::is_whitespace),
                "{text:?}"
            );
            assert!(!w.lemma.is_empty() && !w.xpos.is_empty() && !w.deprel.is_empty());
            if let Some(h) = w.head {
                assert!(h < words.len() && h != i, "word {i} of {s:?}: head {h}");
                assert_ne!(w.deprel, "root");
            } else {
                assert_eq!(w.deprel, "root");
            }
        }
        if !words.is_empty() {
            assert!(words.iter().any(|w| w.head.is_none()), "{s:?} has no root");
        }
    }
    assert_eq!(
        covered,
        doc.words.len(),
        "every word belongs to one sentence"
    );
}

#[test]
fn syntax_is_off_by_default() {
    let doc = parse("Putin arrived in Beijing on Tuesday.", Options::new());
    assert!(doc.words.is_empty());
    assert!(doc.sentences.iter().all(|s| s.words.is_empty()));
}

#[test]
fn words_of_a_news_paragraph() {
    let text = "Russian President Vladimir Putin arrived in Beijing on Tuesday. \
                The talks were postponed, officials said.";
    let doc = parse(text, Options::new().layout(false).syntax(true));
    check(&doc);
    assert_eq!(doc.sentences.len(), 2);
    let words: Vec<&str> = doc.words.iter().map(|w| doc.slice(w.span)).collect();
    assert_eq!(
        &words[..5],
        ["Russian", "President", "Vladimir", "Putin", "arrived"]
    );
    let arrived = &doc.words[4];
    assert_eq!(
        (arrived.upos, &*arrived.lemma, arrived.head),
        (Upos::Verb, "arrive", None)
    );
    let s2 = &doc.sentences[1];
    let second = &doc.words[s2.words.clone()];
    let talks = second
        .iter()
        .find(|w| doc.slice(w.span) == "talks")
        .unwrap();
    assert_eq!(talks.deprel, "nsubj:pass");
    assert_eq!(doc.slice(second[talks.head.unwrap()].span), "postponed");
}

#[test]
fn clitics_are_words_and_spans_are_in_the_original() {
    // A non-breaking space and a curly apostrophe: normalized for the tagger,
    // spans still into the input.
    let text = "Putin\u{a0}didn’t visit Xi’s capital.";
    let doc = parse(text, Options::new().layout(false).syntax(true));
    check(&doc);
    let words: Vec<&str> = doc.words.iter().map(|w| doc.slice(w.span)).collect();
    assert_eq!(
        words,
        ["Putin", "did", "n’t", "visit", "Xi", "’s", "capital", "."]
    );
    let not = &doc.words[2];
    assert_eq!(not.deprel, "advmod");
    assert_eq!(&*doc.words[5].lemma, "'s");
}

#[test]
fn money_and_hyphens_are_split_as_ud_splits_them() {
    let text = "The 10-year deal is worth $2.5 billion, a non-stop flight away.";
    let doc = parse(text, Options::new().layout(false).syntax(true));
    check(&doc);
    let words: Vec<&str> = doc.words.iter().map(|w| doc.slice(w.span)).collect();
    assert_eq!(
        words,
        [
            "The", "10", "-", "year", "deal", "is", "worth", "$", "2.5", "billion", ",", "a",
            "non-stop", "flight", "away", "."
        ]
    );
    let dollar = &doc.words[7];
    assert_eq!(dollar.upos, Upos::Sym);
    assert_eq!(doc.slice(doc.words[8].span), "2.5");
    assert_eq!(doc.words[8].upos, Upos::Num);
}

#[test]
fn long_sentences_are_parsed_in_windows() {
    let text = "x ".repeat(1_000);
    let doc = parse(
        &text,
        Options::new()
            .layout(false)
            .syntax(true)
            .max_sentence_tokens(40),
    );
    check(&doc);
    assert_eq!(doc.words.len(), 1_000);
    let roots = doc.words.iter().filter(|w| w.head.is_none()).count();
    assert!(roots >= 1_000 / 40, "{roots} roots");
}

#[test]
fn seeds_parse_with_syntax() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/seeds");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let doc = parse(&text, Options::new().syntax(true));
        check(&doc);
        assert!(doc.words.len() > 100);
        n += 1;
    }
    assert_eq!(n, 5);
}
