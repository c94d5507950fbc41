//! Property tests: no input panics, and every document keeps the invariants of
//! `common/mod.rs`, with layout analysis on and off. Plus the offset map of
//! text normalization.
//!
//! 256 cases per property (proptest's default; set `PROPTEST_CASES` for more).

mod common;

use common::{check_all_modes, check_both_layouts, normalize};
use nutgraf::text::NormalizedText;
use nutgraf::Span;
use proptest::prelude::*;
use proptest::sample::select;

/// Characters and fragments that normalization or layout treat specially.
const NASTY: &[&str] = &[
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{2009}",
    "\u{3000}",
    "\u{200b}",
    "\u{2060}",
    "\u{feff}",
    "\u{ad}",
    "\u{0}",
    "\u{7}",
    "\u{b}",
    "\u{c}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{301}",
    "\u{308}",
    "\u{316}",
    "\u{fffe}",
    "&",
    "&amp;",
    "&lt;",
    "&nbsp;",
    "&#8217;",
    "&#x2019;",
    "&#0;",
    "&#173;",
    "&#8203;",
    "&eacute;",
    "&#",
    "&#x",
    "e\u{301}",
    "i\u{301}",
    "é",
    "😀",
    "👨\u{200d}👩",
    "北京",
    "。",
    "مرحبا",
    // Mojibake and its pieces (UTF-8 read as Windows-1252 or Latin-1).
    "Ã",
    "Ã©",
    "Â",
    // (Not "Â\u{a0}": a cluster that decodes to a no-break space, where the
    // normalizer then cuts blocks and words, may be judged differently in a
    // block taken alone than in the whole text; see the report of issue 13.)
    "â€™",
    "â€",
    "Ã\u{83}Â©",
    "\u{92}",
    "\u{81}",
    "ÐŸÑ€",
    "ðŸ˜€",
    "×",
    "\u{202e}",
    ".",
    "?",
    "!",
    "...",
    "…",
    "\"",
    "“",
    "”",
    "’",
    "(",
    ")",
    "-",
    "—",
    ":",
    "a",
    "B",
    "word",
    "Mr.",
    "U.S.",
    "3.14",
    "By",
    "Share",
    "1.",
];

/// One fragment: mostly from [`NASTY`], sometimes any character.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(NASTY).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Fragments run together: replaced regions may touch (see
/// `adjacent_replacements_*` for the known core bug this exposes).
fn nasty_string_touching() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..120).prop_map(|parts| parts.concat())
}

/// Fragments separated by a tab, space or newline, characters normalization
/// keeps and never merges into a neighbouring replacement, so no two replaced
/// regions touch. Remove the separators once the merge bug is fixed.
fn nasty_string() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), select(&["\t", " ", "\n", "\n\n"][..])), 0..120).prop_map(
        |parts| {
            let mut out = String::new();
            for (frag, sep) in parts {
                out.push_str(&frag);
                out.push_str(sep);
            }
            out
        },
    )
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "said",
    "on",
    "Tuesday",
    "President",
    "Vladimir",
    "Vladi\u{301}mir",
    "Vladímir",
    "Putin",
    "Xi",
    "Jinping",
    "Beijing",
    "China",
    "Russia",
    "visit",
    "talks",
    "met",
    "with",
    "his",
    "“dear",
    "friend,”",
    "\"no-limits\"",
    "AT&amp;T",
    "Smith&#8217;s",
    "&#8220;Quote&#8221;",
    "&nbsp;",
    "Mr.",
    "Dr.",
    "U.S.",
    "Inc.",
    "$2.5",
    "billion",
    "3.14",
    "Oct.",
    "17,",
    "2023.",
    "year.",
    "it.",
    "now?",
    "no!",
    "(Reuters)",
    "-",
    "—",
    "co\u{ad}operate",
    "zero\u{200b}width",
    "北京",
    "首都。",
    "😀",
    "كلمة",
    "Москва",
];

const FURNITURE: &[&str] = &[
    "Leave a Comment",
    "Share",
    "Share this article",
    "Advertisement",
    "ADVERTISEMENT",
    "By Jane Doe",
    "By JANE DOE and John Smith, Associated Press",
    "(AP Photo/Mark Schiefelbein)",
    "EFE/EPA/Parker Song/Pool",
    "Published by",
    "Published: October 17, 2023",
    "Updated 2023-10-17 08:00 GMT",
    "BEIJING, Oct 17 (Reuters) -",
    "LONDON 1996-08-30",
    "Related stories",
    "You may also like",
    "Comments",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience.",
    "© 2023 Voz Media. All rights reserved.",
    "Tags: Russia, China, Putin",
    "Home | World | Business",
    "voz.us",
];

/// A line of prose: words joined by ordinary and odd spaces.
fn prose_line() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            select(WORDS),
            select(&[" ", " ", " ", " ", "\u{a0}", "  ", "\t"][..]),
        ),
        1..40,
    )
    .prop_map(|parts| {
        let mut line = String::new();
        for (word, sep) in parts {
            line.push_str(word);
            line.push_str(sep);
        }
        line.trim_end().to_owned()
    })
}

/// A news page as a scraper returns it: prose, furniture, blank lines, odd line ends.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop_oneof![
                5 => prose_line(),
                3 => select(FURNITURE).prop_map(str::to_owned),
                1 => Just(String::new()),
                1 => (prose_line(), select(FURNITURE)).prop_map(|(p, f)| format!("{f} {p}")),
            ],
            select(
                &[
                    "\n",
                    "\n\n",
                    "\n\n",
                    "\r\n",
                    "\r\n\r\n",
                    // A lone CR between spaces: an entity on either side would
                    // merge with it (the known core bug, see below).
                    " \r ",
                    "\n \n",
                    "\n\u{a0}\n",
                ][..],
            ),
        ),
        0..30,
    )
    .prop_map(|lines| {
        let mut doc = String::new();
        for (line, end) in lines {
            doc.push_str(&line);
            doc.push_str(end);
        }
        doc
    })
}

proptest! {
    #[test]
    fn arbitrary_unicode_keeps_the_invariants(input in any::<String>()) {
        check_both_layouts(&input);
    }

    #[test]
    fn nasty_fragments_keep_the_invariants(input in nasty_string()) {
        check_both_layouts(&input);
    }

    #[test]
    fn news_like_pages_keep_the_invariants(input in news_like()) {
        check_both_layouts(&input);
    }
}

/// Char boundaries of `s`, including `s.len()`.
fn boundaries(s: &str) -> Vec<usize> {
    s.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

/// Every span of the normalized text maps to a valid span of the original, and
/// the map is monotone in both ends.
fn check_all_spans_map(input: &str) {
    check_spans_of(input, &NormalizedText::new(input));
}

/// [`check_all_spans_map`] for a normalized text built any way from `input`.
fn check_spans_of(input: &str, norm: &NormalizedText<'_>) {
    let ntext = norm.as_str();
    let cuts = boundaries(ntext);
    let cuts = &cuts[..cuts.len().min(64)];
    let mut prev_start = 0;
    for (a, &i) in cuts.iter().enumerate() {
        let mut prev_end = 0;
        for &j in &cuts[a..] {
            let o = norm.to_original(Span::new(i, j));
            assert!(
                o.start <= o.end && o.end <= input.len(),
                "{i}..{j} maps to {o:?}, outside the {}-byte input {input:?}",
                input.len()
            );
            assert!(
                input.is_char_boundary(o.start) && input.is_char_boundary(o.end),
                "{i}..{j} maps to {o:?}, off char boundaries of {input:?}"
            );
            assert!(
                o.end >= prev_end,
                "end not monotone: {i}..{j} maps to {o:?}, before {prev_end}, in {input:?}"
            );
            prev_end = o.end;
            if j == i {
                assert!(
                    o.start >= prev_start,
                    "start not monotone at {i} in {input:?}"
                );
                prev_start = o.start;
            }
        }
    }
}

/// The whole normalized text maps to the original minus characters that
/// normalization removes at its ends (and no more).
fn check_whole_range(input: &str) {
    let norm = NormalizedText::new(input);
    let ntext = norm.as_str();
    let o = norm.to_original(Span::new(0, ntext.len()));
    let inner = o.slice(input);
    assert_eq!(
        normalize(inner),
        ntext,
        "the whole range maps to {o:?} = {inner:?}, which does not normalize to the whole text, in {input:?}"
    );
    assert_eq!(
        normalize(&input[o.start..]),
        ntext,
        "dropping {:?} before the mapped range changes the normalized text",
        &input[..o.start]
    );
    assert_eq!(
        normalize(&input[..o.end]),
        ntext,
        "dropping {:?} after the mapped range changes the normalized text",
        &input[o.end..]
    );
}

/// Characters normalization always removes (a CR only before a LF).
fn removed_at(input: &str, i: usize) -> bool {
    let rest = &input[i..];
    let c = rest.chars().next().expect("a character at i");
    match c {
        '\t' | '\n' => false,
        '\r' => rest[1..].starts_with('\n'),
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{fffe}' | '\u{ffff}' => true,
        // C1 controls but the five Windows-1252 leaves undefined become the
        // characters they stand for.
        c => {
            (c as u32) < 0x20
                || matches!(
                    c,
                    '\u{7f}' | '\u{81}' | '\u{85}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}'
                )
        }
    }
}

/// The whole normalized range maps to an original range that neither starts
/// nor ends with a character normalization removes.
fn check_whole_range_is_tight(input: &str) {
    let norm = NormalizedText::new(input);
    let o = norm.to_original(Span::new(0, norm.as_str().len()));
    let inner = o.slice(input);
    // A character inside a repair (mojibake: "Ã\u{ad}" is "í") is not removed.
    let repaired = |i: usize| {
        norm.repairs()
            .iter()
            .any(|r| r.span.start <= i && i < r.span.end)
    };
    if let Some(last) = inner.chars().next_back() {
        assert!(
            repaired(o.start) || !removed_at(input, o.start),
            "the mapped range {o:?} = {inner:?} starts with a removed character, in {input:?}"
        );
        assert!(
            repaired(o.end - last.len_utf8()) || !removed_at(input, o.end - last.len_utf8()),
            "the mapped range {o:?} = {inner:?} ends with a removed character, in {input:?}"
        );
    }
}

/// Each normalized word maps to original text that normalizes back to that word
/// (up to whitespace: a span that ends inside a replaced region covers all of it).
///
/// With the encoding repair off: a mojibake cluster is judged with its
/// neighbours, and one that holds a no-break space (a continuation byte) may be
/// decoded in a word taken alone but not beside the letter that follows it in
/// the whole text (`"ÐŸÑ€×\u{a0}e"`), so this holds only without it.
fn check_words(input: &str) {
    let norm = NormalizedText::with_options(input, false);
    let ntext = norm.as_str();
    for (start, word) in words(ntext) {
        let o = norm.to_original(Span::new(start, start + word.len()));
        let back = NormalizedText::with_options(o.slice(input), false)
            .as_str()
            .to_owned();
        assert_eq!(
            back.trim(),
            word,
            "word {word:?} at {start} maps to {:?}, which normalizes to {back:?}, in {input:?}",
            o.slice(input)
        );
    }
}

/// Whitespace-separated words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    s.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect()
}

proptest! {
    #[test]
    fn normalized_spans_map_to_valid_original_spans(input in nasty_string()) {
        check_all_spans_map(&input);
    }

    #[test]
    fn normalized_spans_map_for_arbitrary_unicode(input in any::<String>()) {
        check_all_spans_map(&input);
        check_whole_range(&input);
    }

    #[test]
    fn normalized_spans_map_when_replacements_touch(input in nasty_string_touching()) {
        check_all_spans_map(&input);
        check_whole_range(&input);
    }

    #[test]
    fn whole_normalized_range_maps_to_trimmed_original(input in nasty_string()) {
        check_whole_range(&input);
        check_whole_range_is_tight(&input);
    }

    #[test]
    fn normalized_words_map_back_to_themselves(input in nasty_string()) {
        check_words(&input);
    }
}

#[test]
fn normalization_examples() {
    for input in [
        "",
        "\r\n",
        "\u{200b}",
        "\u{200b}a\u{200b}",
        "\r\nabc\r\n",
        "AT&amp;T\r\nsaid\u{200b} hi",
        "Vladi\u{301}mir &#8220;Putin&#8221;\u{a0}",
        " \u{301}\u{316} x",
    ] {
        check_all_spans_map(input);
        check_whole_range(input);
        check_whole_range_is_tight(input);
        check_words(input);
    }
}

// Known core bug: `text::Builder::replace` merges replaced regions that touch
// into one edit, so `to_original` cannot tell their parts apart. A span that
// ends inside the merged edit takes all of it; two lines separated by a
// replaced line break (lone CR, U+2028, U+2029, VT, FF) with replaced text on
// both sides map to overlapping blocks. The properties above avoid touching
// replacements (`nasty_string` separators, `news_like` lone CR between
// spaces); these keep the cases.

#[test]
fn adjacent_replacements_keep_blocks_apart() {
    // Old Mac line ends with HTML entities: two lines, two blocks.
    for input in [
        "&amp;\u{2028}&amp;",
        "&#8221;\r&#8220;",
        "He said &#8220;yes&#8221;\r&#8220;No,&#8221; she said.",
    ] {
        check_all_modes(input);
    }
}

#[test]
fn adjacent_replacements_keep_words_apart() {
    // Normalized "& <": the word "&" maps to all of "&amp;&nbsp;&lt;".
    check_words("a&amp;&nbsp;&lt;b");
    check_words("&amp;\u{2028}&amp;");
}

#[test]
fn adjacent_replacements_leave_removed_chars_out() {
    // Normalized "\n"; the whole range maps to 0..6, zero-width space included.
    check_whole_range_is_tight("\u{200b}\u{2028}");
    check_whole_range_is_tight("x\u{a0}\u{0}");
}

proptest! {
    #[test]
    fn touching_replacements_keep_the_invariants(input in nasty_string_touching()) {
        check_all_modes(&input);
        check_whole_range_is_tight(&input);
        check_words(&input);
    }
}

/// Words glued by a lossy extraction, some with a replaced or removed character at
/// the join, and what the repair must not split.
const GLUED: &[&str] = &[
    "Vladimir Poutinevisit",
    "Vladi\u{301}mir Poutinevisit",
    "FridayAs",
    "Friday&#65;s",
    "Friday\u{200b}As",
    "Li QiangChinese",
    "Anthony Blinkenasked",
    "Anthony Blinken\u{ad}asked",
    "Anthony Bl&iacute;nkenasked",
    "Jinping Jinpingin",
    "Jinping Jinping&#105;n",
    "Jinping Jinping\u{200b}in",
    "naiveI",
    "Muskconsidered",
    "Erdo\u{11f}an Erdo\u{11f}anasked",
    "saidThe",
    "McDonald",
    "iPhone",
    "YouTube",
    "CEOs",
];

/// Glued words among nasty fragments (separated: touching replacements are a
/// known core bug, see above).
fn glued_string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop_oneof![
                2 => select(GLUED).prop_map(str::to_owned),
                3 => fragment(),
            ],
            select(&[" ", "\t", "\n", ", "][..]),
        ),
        0..60,
    )
    .prop_map(|parts| {
        let mut out = String::new();
        for (frag, sep) in parts {
            out.push_str(&frag);
            out.push_str(sep);
        }
        out
    })
}

/// After the glue repair: every span maps on char boundaries, monotone; each
/// inserted space maps to an empty span; each word of the repaired text maps to
/// original text that normalizes back to it.
fn check_repaired(input: &str) {
    let mut norm = NormalizedText::new(input);
    let before = norm.as_str().to_owned();
    let repairs = norm.repair_glued();
    check_spans_of(input, &norm);
    let inserted = norm.inserted();
    assert_eq!(inserted.len(), repairs.len(), "in {input:?}");
    assert_eq!(norm.as_str().len(), before.len() + repairs.len());
    for (k, g) in repairs.iter().enumerate() {
        // The space is at g.at shifted by the k spaces before it.
        let space = Span::new(g.at + k, g.at + k + 1);
        assert_eq!(space.slice(norm.as_str()), " ");
        let o = norm.to_original(space);
        assert!(o.is_empty() && o == inserted[k], "{o:?} in {input:?}");
        // The first part ends there; the second starts there, or after characters
        // normalization removed ("Friday\u{200b}As").
        assert_eq!(
            norm.to_original(Span::new(g.word.start + k, g.at + k)).end,
            o.start
        );
        let second = norm.to_original(Span::new(g.at + k + 1, g.word.end + k + 1));
        assert!(
            second.start >= o.end,
            "{second:?} before {o:?} in {input:?}"
        );
        assert_eq!(normalize(&input[o.end..second.start]), "", "in {input:?}");
    }
    for (start, word) in words(norm.as_str()) {
        let o = norm.to_original(Span::new(start, start + word.len()));
        let back = normalize(o.slice(input));
        assert_eq!(
            back.trim(),
            word,
            "word {word:?} maps to {o:?} in {input:?}"
        );
    }
}

#[test]
fn glue_repair_examples() {
    for input in GLUED {
        check_repaired(input);
    }
    let input = "Anthony Bl&iacute;nkenasked and Jinping Jinping&#105;n, Friday\u{200b}As";
    let mut norm = NormalizedText::new(input);
    let repairs = norm.repair_glued();
    assert_eq!(
        norm.as_str(),
        "Anthony Blínken asked and Jinping Jinping in, Friday As"
    );
    assert_eq!(repairs.len(), 3);
    let spans: Vec<&str> = norm.inserted().iter().map(|s| &input[s.start..]).collect();
    assert!(spans[0].starts_with("asked"));
    assert!(spans[1].starts_with("&#105;n"));
    assert!(spans[2].starts_with("\u{200b}As"));
}

proptest! {
    #[test]
    fn repaired_spans_map_to_valid_original_spans(input in glued_string()) {
        check_repaired(&input);
        check_all_modes(&input);
    }

    #[test]
    fn inserted_spaces_keep_the_map_valid(
        input in nasty_string_touching(),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..8),
    ) {
        let mut norm = NormalizedText::new(&input);
        let before = norm.as_str().to_owned();
        let cuts = boundaries(&before);
        let mut at: Vec<usize> = picks.iter().map(|i| cuts[i.index(cuts.len())]).collect();
        at.sort_unstable();
        at.dedup();
        let done = norm.insert_spaces(&at);
        let n = done.iter().filter(|&&d| d).count();
        assert_eq!(norm.as_str().len(), before.len() + n);
        assert_eq!(norm.inserted().len(), n);
        check_spans_of(&input, &norm);
    }
}

/// Documents of any text added to one corpus: no panic, and every span the
/// corpus gives back (entity mentions, claims, timeline sources) slices its
/// document to the text it states.
fn check_corpus(texts: &[String]) {
    let docs: Vec<nutgraf::Document> = texts
        .iter()
        .map(|t| nutgraf::parse(t, &nutgraf::Meta::new()).unwrap())
        .collect();
    let mut corpus = nutgraf::Corpus::new();
    for (i, d) in docs.iter().enumerate() {
        corpus.add(i.to_string(), d).unwrap();
    }
    for e in corpus.entities() {
        for m in &e.mentions {
            assert_eq!(docs[m.doc].slice(m.span), m.text);
        }
    }
    for c in corpus.claims() {
        assert_eq!(docs[c.doc].slice(c.span), c.text);
    }
    let stories = corpus.stories();
    assert_eq!(
        stories.iter().map(|s| s.docs.len()).sum::<usize>(),
        docs.len()
    );
    for s in &stories {
        for entry in corpus.timeline(s.index) {
            for src in &entry.sources {
                assert!(docs[src.doc].slice(src.span).contains(&src.trigger));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn corpora_of_any_pages_keep_their_spans(texts in proptest::collection::vec(news_like(), 1..6)) {
        check_corpus(&texts);
    }

    #[test]
    fn corpora_of_arbitrary_text_keep_their_spans(texts in proptest::collection::vec(any::<String>(), 1..6)) {
        check_corpus(&texts);
    }
}
