use proptest::prelude::*;

use super::*;

fn seg(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    sentences(text, Span::new(0, text.len()), &mut out);
    out.iter().map(|s| s.slice(text)).collect()
}

fn toks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    tokens(text, Span::new(0, text.len()), &mut out);
    out.iter().map(|t| t.span.slice(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
    let mut out = Vec::new();
    tokens(text, Span::new(0, text.len()), &mut out);
    out.iter().map(|t| (t.span.slice(text), t.kind)).collect()
}

/// (input, expected sentences)
const CASES: &[(&str, &[&str])] = &[
    // Plain punctuation.
    ("Hello world. Bye.", &["Hello world.", "Bye."]),
    ("  Padded sentence.  ", &["Padded sentence."]),
    ("", &[]),
    ("   \n  ", &[]),
    ("Putin visits China", &["Putin visits China"]),
    ("What happened? Nobody knows! We will see.", &["What happened?", "Nobody knows!", "We will see."]),
    ("Are you serious?! Yes. Really!! Okay.", &["Are you serious?!", "Yes.", "Really!!", "Okay."]),
    // Titles.
    ("Mr. Smith went to Washington. He stayed.", &["Mr. Smith went to Washington.", "He stayed."]),
    ("Mrs. Jones and Ms. Lee met Dr. Patel and Prof. Chen.", &["Mrs. Jones and Ms. Lee met Dr. Patel and Prof. Chen."]),
    ("Gen. Mark Milley spoke with Lt. Col. Alexander Vindman and Sgt. First Class Ortiz.", &["Gen. Mark Milley spoke with Lt. Col. Alexander Vindman and Sgt. First Class Ortiz."]),
    ("Gov. Gavin Newsom, Sen. Ted Cruz and Rep. Nancy Pelosi disagreed. Capt. Kirk did not.", &["Gov. Gavin Newsom, Sen. Ted Cruz and Rep. Nancy Pelosi disagreed.", "Capt. Kirk did not."]),
    ("The Rev. Al Sharpton spoke. The crowd cheered.", &["The Rev. Al Sharpton spoke.", "The crowd cheered."]),
    // Suffixes: end a sentence only before a function word.
    ("He grew up in St. Louis. The city is large.", &["He grew up in St. Louis.", "The city is large."]),
    ("Martin Luther King Jr. Day is a holiday.", &["Martin Luther King Jr. Day is a holiday."]),
    ("The speech was by Martin Luther King Jr. He gave it in 1963.", &["The speech was by Martin Luther King Jr.", "He gave it in 1963."]),
    ("Apple Inc. reported earnings. Shares of Microsoft Corp. The company said.", &["Apple Inc. reported earnings.", "Shares of Microsoft Corp.", "The company said."]),
    ("Toyota Motor Co. Ltd. Chairman Akio Toyoda resigned.", &["Toyota Motor Co. Ltd. Chairman Akio Toyoda resigned."]),
    ("He lives in Springfield, Ill. The town is quiet.", &["He lives in Springfield, Ill.", "The town is quiet."]),
    ("Calif. Gov. Gavin Newsom signed it.", &["Calif. Gov. Gavin Newsom signed it."]),
    // Dotted acronyms.
    ("The U.S. Senate voted on Tuesday.", &["The U.S. Senate voted on Tuesday."]),
    ("He moved to the U.S. in 2010.", &["He moved to the U.S. in 2010."]),
    ("Troops left the U.S. The war was over.", &["Troops left the U.S.", "The war was over."]),
    ("The U.K. and the E.U. signed a deal with the U.N. Security Council.", &["The U.K. and the E.U. signed a deal with the U.N. Security Council."]),
    ("She has a Ph.D. in physics.", &["She has a Ph.D. in physics."]),
    ("Tools, e.g. hammers, are cheap.", &["Tools, e.g. hammers, are cheap."]),
    ("They sold fruit, vegetables, etc. at the market.", &["They sold fruit, vegetables, etc. at the market."]),
    ("They sold fruit, vegetables, etc. The market closed.", &["They sold fruit, vegetables, etc.", "The market closed."]),
    ("It was Kansas City vs. Buffalo on Sunday.", &["It was Kansas City vs. Buffalo on Sunday."]),
    // Initials.
    ("John F. Kennedy was shot in Dallas. He died.", &["John F. Kennedy was shot in Dallas.", "He died."]),
    ("J.R.R. Tolkien wrote it. George W. Bush read it.", &["J.R.R. Tolkien wrote it.", "George W. Bush read it."]),
    ("They adopted Plan B. The rest failed.", &["They adopted Plan B.", "The rest failed."]),
    // Numbers, dates and times.
    ("The company earned $2.5 billion. Profit rose 3.14 percent.", &["The company earned $2.5 billion.", "Profit rose 3.14 percent."]),
    ("Version v1.2 shipped. See example.com for details.", &["Version v1.2 shipped.", "See example.com for details."]),
    ("Write to press@example.com. We reply fast.", &["Write to press@example.com.", "We reply fast."]),
    ("He was No. 2 in the party. No. He was first.", &["He was No. 2 in the party.", "No.", "He was first."]),
    ("The vote is on Oct. 17, 2023. Results come on Nov. 5.", &["The vote is on Oct. 17, 2023.", "Results come on Nov. 5."]),
    ("It happened in Sept. 2001 and Jan. 2002.", &["It happened in Sept. 2001 and Jan. 2002."]),
    ("The meeting starts at 10 a.m. Tuesday in Room 4.", &["The meeting starts at 10 a.m. Tuesday in Room 4."]),
    ("Polls close at 8 p.m. ET. Results follow.", &["Polls close at 8 p.m. ET.", "Results follow."]),
    ("The meeting ended at 5 p.m. The mayor left.", &["The meeting ended at 5 p.m.", "The mayor left."]),
    ("It ended at 9 a.m. and resumed later.", &["It ended at 9 a.m. and resumed later."]),
    ("Sales fell in 2023. 5 stores closed.", &["Sales fell in 2023.", "5 stores closed."]),
    // Quotes and brackets.
    ("He said \"no.\" Then he left.", &["He said \"no.\"", "Then he left."]),
    ("“We will win.” The crowd roared.", &["“We will win.”", "The crowd roared."]),
    ("“Why?” he asked. “Because,” she said.", &["“Why?” he asked.", "“Because,” she said."]),
    ("He shouted ‘Stop!’ The driver braked.", &["He shouted ‘Stop!’", "The driver braked."]),
    ("Prices rose. (Wages did not.) Workers struck.", &["Prices rose.", "(Wages did not.)", "Workers struck."]),
    ("«Es todo.» Luego se fue.", &["«Es todo.»", "Luego se fue."]),
    ("He left. \"I'm done,\" he said.", &["He left.", "\"I'm done,\" he said."]),
    // Ellipses.
    ("Well... maybe not. We will see.", &["Well... maybe not.", "We will see."]),
    ("He paused… then spoke. Nobody listened.", &["He paused… then spoke.", "Nobody listened."]),
    ("It ended… The next day was calm.", &["It ended…", "The next day was calm."]),
    ("Wait . . . what? Fine.", &["Wait . . . what?", "Fine."]),
    // Spanish and other languages.
    (
        "El presidente de Rusia, Vladímir Putin, aterriza en el Aeropuerto Internacional de Pekín (China), este 17 de octubre de 2023.",
        &["El presidente de Rusia, Vladímir Putin, aterriza en el Aeropuerto Internacional de Pekín (China), este 17 de octubre de 2023."],
    ),
    ("¿Qué pasó? ¡Nadie sabe! El Sr. Pérez habló con la Dra. García.", &["¿Qué pasó?", "¡Nadie sabe!", "El Sr. Pérez habló con la Dra. García."]),
    ("Viajó a EE.UU. en enero. Volvió en marzo.", &["Viajó a EE.UU. en enero.", "Volvió en marzo."]),
    ("Путин прилетел в Пекин. Он встретился с Си.", &["Путин прилетел в Пекин.", "Он встретился с Си."]),
    ("普京抵达北京。他会见了习近平。", &["普京抵达北京。", "他会见了习近平。"]),
    // Lowercase after a period is not a boundary.
    ("The amount was 5 approx. but rose.", &["The amount was 5 approx. but rose."]),
    ("Visit www.example.org. it is free.", &["Visit www.example.org. it is free."]),
    // Newlines.
    ("First paragraph ends\n\nSecond one starts", &["First paragraph ends", "Second one starts"]),
    ("First sentence.\nSecond sentence.", &["First sentence.", "Second sentence."]),
    (
        "Russian President Vladimir Putin arrived in Beijing on Tuesday for talks\nwith Chinese President Xi Jinping, the Kremlin said, in a visit aimed at\nShowing unity. Officials in Moscow and Beijing called the talks useful and\nVladimir Putin praised his host.",
        &["Russian President Vladimir Putin arrived in Beijing on Tuesday for talks\nwith Chinese President Xi Jinping, the Kremlin said, in a visit aimed at\nShowing unity.", "Officials in Moscow and Beijing called the talks useful and\nVladimir Putin praised his host."],
    ),
    (
        "Putin lands in Beijing\nRussian President Vladimir Putin arrived in Beijing on Tuesday for talks with Chinese President Xi Jinping about trade, energy and the war in Ukraine, officials in both countries said on Tuesday evening after the meeting.",
        &["Putin lands in Beijing", "Russian President Vladimir Putin arrived in Beijing on Tuesday for talks with Chinese President Xi Jinping about trade, energy and the war in Ukraine, officials in both countries said on Tuesday evening after the meeting."],
    ),
    ("Key points\n- Putin visits China\n- Xi hosts talks\n- Trade deal signed", &["Key points", "- Putin visits China", "- Xi hosts talks", "- Trade deal signed"]),
    ("1. Introduction\n2. Background of the war", &["1. Introduction", "2. Background of the war"]),
    ("Putin visits China\nXi welcomes guest", &["Putin visits China", "Xi welcomes guest"]),
    ("Officials met on\nTuesday in Geneva.", &["Officials met on\nTuesday in Geneva."]),
    ("The talks were held between the two\nleaders and their delegations.", &["The talks were held between the two\nleaders and their delegations."]),
    ("Talks began Monday, and\nMoscow welcomed them.", &["Talks began Monday, and\nMoscow welcomed them."]),
    ("He met Mr.\nSmith yesterday.", &["He met Mr.\nSmith yesterday."]),
    (
        "The ministry listed the following measures taken on Tuesday by the government after the meeting with the unions and employers in the capital, where thousands of workers had marched for a second week in a row to demand:\nA new minimum wage\nLonger holidays",
        &["The ministry listed the following measures taken on Tuesday by the government after the meeting with the unions and employers in the capital, where thousands of workers had marched for a second week in a row to demand:", "A new minimum wage", "Longer holidays"],
    ),
    ("The talks will start at 11 a.m. (0800 GMT) in Naqoura.", &["The talks will start at 11 a.m. (0800 GMT) in Naqoura."]),
    ("Apple Inc.’s shares rose 1.2%. The Dow fell.", &["Apple Inc.’s shares rose 1.2%.", "The Dow fell."]),
    ("WASHINGTON, Oct. 17 (Reuters) - President Biden spoke. He was brief.", &["WASHINGTON, Oct. 17 (Reuters) - President Biden spoke.", "He was brief."]),
    ("She earned a B.A. from Yale and an M.B.A. from Harvard.", &["She earned a B.A. from Yale and an M.B.A. from Harvard."]),
    ("PUTIN VISITS CHINA. XI HOSTS TALKS.", &["PUTIN VISITS CHINA.", "XI HOSTS TALKS."]),
    // Not our job: glued sentences stay glued.
    ("It rained between Thursday and FridayAs reported by the agency.", &["It rained between Thursday and FridayAs reported by the agency."]),
    // Tokenized (CoNLL-style) text.
    ("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY . LONDON 1996-08-30", &["CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .", "LONDON 1996-08-30"]),
    ("1. Mark Crear (U.S.) 13.26 2. Tony Jarrett (Britain) 13.31", &["1. Mark Crear (U.S.) 13.26 2. Tony Jarrett (Britain) 13.31"]),
    ("The death toll rose to 12. Officials said more may be found.", &["The death toll rose to 12.", "Officials said more may be found."]),
    // Regression (proptest): a list number before a newline.
    ("1.\nMr.", &["1.\nMr."]),
    ("Intro.\n1. The first point", &["Intro.", "1. The first point"]),
    // Ideographic full stop glued to the next sentence.
    ("一。二", &["一。", "二"]),
];

#[test]
fn sentence_cases() {
    let mut failures = Vec::new();
    for (input, expected) in CASES {
        let got = seg(input);
        if got != *expected {
            failures.push(format!(
                "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n\n")
    );
    assert!(CASES.len() >= 40);
}

#[test]
fn sentences_respect_the_span() {
    let text = "Ignore me. First one. Second one. Ignore me too.";
    let start = text.find("First").unwrap();
    let end = text.find(" Ignore me too").unwrap();
    let mut out = Vec::new();
    sentences(text, Span::new(start - 1, end + 1), &mut out);
    let got: Vec<&str> = out.iter().map(|s| s.slice(text)).collect();
    assert_eq!(got, ["First one.", "Second one."]);
    // Appends without clearing.
    sentences(text, Span::new(0, 10), &mut out);
    assert_eq!(out.len(), 3);
    // Out-of-range and off-boundary spans are narrowed, not a panic.
    let mut out = Vec::new();
    sentences("héllo. Wörld.", Span::new(2, 999), &mut out);
    assert_eq!(out.len(), 2);
    sentences("abc", Span::new(5, 2), &mut out);
    assert_eq!(out.len(), 2);
}

#[test]
fn token_cases() {
    let cases: &[(&str, &[&str])] = &[
        ("Putin’s visit", &["Putin", "’s", "visit"]),
        ("Putin's visit", &["Putin", "'s", "visit"]),
        (
            "England 's one-day side",
            &["England", "'s", "one-day", "side"],
        ),
        (
            "I don't know, we can't go and they won't",
            &[
                "I", "do", "n't", "know", ",", "we", "ca", "n't", "go", "and", "they", "wo", "n't",
            ],
        ),
        ("DON'T do n't", &["DO", "N'T", "do", "n't"]),
        (
            "I'm sure they're here; we've seen it, you'll see, he'd say",
            &[
                "I", "'m", "sure", "they", "'re", "here", ";", "we", "'ve", "seen", "it", ",",
                "you", "'ll", "see", ",", "he", "'d", "say",
            ],
        ),
        (
            "at five o'clock with O'Brien and D'Amato",
            &["at", "five", "o'clock", "with", "O'Brien", "and", "D'Amato"],
        ),
        (
            "The U.S. and the U.K. met.",
            &["The", "U.S.", "and", "the", "U.K.", "met", "."],
        ),
        (
            "Mr. Smith, Mrs. Jones and Dr. Who",
            &["Mr.", "Smith", ",", "Mrs.", "Jones", "and", "Dr.", "Who"],
        ),
        (
            "e.g. this, i.e. that",
            &["e.g.", "this", ",", "i.e.", "that"],
        ),
        (
            "$2.5 billion, 1,000 people, 3.14 and v1.2",
            &[
                "$2.5", "billion", ",", "1,000", "people", ",", "3.14", "and", "v1.2",
            ],
        ),
        (
            "a 10-year no-limits deal",
            &["a", "10-year", "no-limits", "deal"],
        ),
        (
            "It rose 2.5% to €40.",
            &["It", "rose", "2.5", "%", "to", "€40", "."],
        ),
        (
            "At 10:30 on 10/17/2023 (Tuesday)",
            &["At", "10:30", "on", "10/17/2023", "(", "Tuesday", ")"],
        ),
        ("LONDON 1996-08-30", &["LONDON", "1996-08-30"]),
        ("John F. Kennedy", &["John", "F.", "Kennedy"]),
        ("No. 5 said no.", &["No.", "5", "said", "no", "."]),
        (
            "on Oct. 17 and in Oct.",
            &["on", "Oct.", "17", "and", "in", "Oct", "."],
        ),
        (
            "apples, pears, etc. and more",
            &["apples", ",", "pears", ",", "etc.", "and", "more"],
        ),
        ("Wait... what?!", &["Wait", "...", "what", "?", "!"]),
        ("He said \"no.\"", &["He", "said", "\"", "no", ".", "\""]),
        (
            "“Hi,” she said — twice.",
            &["“", "Hi", ",", "”", "she", "said", "—", "twice", "."],
        ),
        (
            "Mail press@example.com or see https://example.com/a?b=1.",
            &[
                "Mail",
                "press@example.com",
                "or",
                "see",
                "https://example.com/a?b=1",
                ".",
            ],
        ),
        (
            "Visit www.example.org, now",
            &["Visit", "www.example.org", ",", "now"],
        ),
        ("AT&T and S&P 500", &["AT&T", "and", "S&P", "500"]),
        ("U.S.-led talks", &["U.S.", "-", "led", "talks"]),
        ("FridayAs reported", &["FridayAs", "reported"]),
        ("end.Next start", &["end", ".", "Next", "start"]),
        (
            "¿Qué pasó? Vladímir Putin aterriza en Pekín.",
            &[
                "¿",
                "Qué",
                "pasó",
                "?",
                "Vladímir",
                "Putin",
                "aterriza",
                "en",
                "Pekín",
                ".",
            ],
        ),
        ("普京抵达北京。", &["普京抵达北京", "。"]),
        ("नमस्ते दुनिया", &["नमस्ते", "दुनिया"]),
        ("Nice 👍🏽 job #win", &["Nice", "👍🏽", "job", "#", "win"]),
        ("Jones' car", &["Jones", "'", "car"]),
        ("Apple Inc.’s shares", &["Apple", "Inc.", "’s", "shares"]),
        ("Mr.", &["Mr."]),
        ("...and", &["...", "and"]),
    ];
    let mut failures = Vec::new();
    for (input, expected) in cases {
        let got = toks(input);
        if got != *expected {
            failures.push(format!(
                "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} token cases failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn token_kinds() {
    use TokenKind::*;
    assert_eq!(
        kinds("Putin’s $2.5 10-year deal, 50% #1"),
        [
            ("Putin", Word),
            ("’s", Clitic),
            ("$2.5", Number),
            ("10-year", Word),
            ("deal", Word),
            (",", Punct),
            ("50", Number),
            ("%", Symbol),
            ("#", Symbol),
            ("1", Number),
        ]
    );
}

#[test]
fn tokens_append_and_respect_the_span() {
    let text = "one two three";
    let mut out = Vec::new();
    tokens(text, Span::new(4, 7), &mut out);
    tokens(text, Span::new(8, 13), &mut out);
    let got: Vec<&str> = out.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(got, ["two", "three"]);
    // A combining mark at the start of a span does not extend an earlier call's token.
    let text = "a\u{301}";
    let mut out = Vec::new();
    tokens(text, Span::new(0, 1), &mut out);
    tokens(text, Span::new(1, text.len()), &mut out);
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].kind, TokenKind::Symbol);
}

#[test]
fn pathological_inputs_finish() {
    // Linear time: these would take minutes if any step were quadratic.
    let n = 200_000;
    let inputs = [
        ".".repeat(n),
        "a.".repeat(n / 2),
        "Mr. ".repeat(n / 4),
        "\n".repeat(n),
        "x\n".repeat(n / 2),
        "a".repeat(n),
        "'s".repeat(n / 2),
        "1,".repeat(n / 2),
        "https://".repeat(n / 8),
        "\u{301}".repeat(n / 2),
    ];
    let start = std::time::Instant::now();
    for text in &inputs {
        let mut s = Vec::new();
        sentences(text, Span::new(0, text.len()), &mut s);
        let mut t = Vec::new();
        tokens(text, Span::new(0, text.len()), &mut t);
    }
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

fn check_spans(text: &str, span: Span, spans: &[Span]) -> std::result::Result<(), TestCaseError> {
    let mut prev_end = span.start;
    for s in spans {
        prop_assert!(s.start >= prev_end, "overlap or out of order: {:?}", spans);
        prop_assert!(s.end <= span.end, "outside span");
        prop_assert!(s.start < s.end, "empty span");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let piece = s.slice(text);
        prop_assert_eq!(piece, piece.trim(), "not trimmed");
        prev_end = s.end;
    }
    Ok(())
}

/// Strings biased towards the characters the segmenter looks at.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.", "U.S.", "a.m.", " ", "  ", "\n", "\n\n", ".", "...", "…", "?", "!", "\"", "”", "’",
        "'s", "n't", "The", "he", "1.", "3.14", "$", "-", "(", ")", "¿", "é", "。", "Ж", "\u{301}",
        "👍", "www.", "https://", "@", "No.", "Inc.", "F.", "etc.", "\t", "\u{a0}", "x",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_are_well_formed(text in any::<String>(), a in any::<usize>(), b in any::<usize>()) {
        let mut out = Vec::new();
        sentences(&text, Span::new(0, text.len()), &mut out);
        check_spans(&text, Span::new(0, text.len()), &out)?;
        let (lo, hi) = clamp(&text, Span::new(a % (text.len() + 1), b % (text.len() + 1)));
        let mut out = Vec::new();
        sentences(&text, Span::new(lo, hi), &mut out);
        check_spans(&text, Span::new(lo, hi.max(lo)), &out)?;
    }

    #[test]
    fn newsy_sentences_are_well_formed(text in newsy()) {
        let mut out = Vec::new();
        sentences(&text, Span::new(0, text.len()), &mut out);
        check_spans(&text, Span::new(0, text.len()), &out)?;
        // Every non-space character is in some sentence.
        let covered: usize = out.iter().map(|s| s.slice(&text).chars().filter(|c| !c.is_whitespace()).count()).sum();
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn tokens_are_well_formed(text in any::<String>()) {
        let mut out = Vec::new();
        tokens(&text, Span::new(0, text.len()), &mut out);
        let spans: Vec<Span> = out.iter().map(|t| t.span).collect();
        check_spans(&text, Span::new(0, text.len()), &spans)?;
    }

    #[test]
    fn newsy_tokens_are_well_formed(text in newsy()) {
        let mut out = Vec::new();
        tokens(&text, Span::new(0, text.len()), &mut out);
        let spans: Vec<Span> = out.iter().map(|t| t.span).collect();
        check_spans(&text, Span::new(0, text.len()), &spans)?;
        for t in &out {
            prop_assert!(!t.span.slice(&text).contains(char::is_whitespace));
        }
        // Tokens cover every non-space character.
        let covered: usize = out.iter().map(|t| t.span.slice(&text).chars().count()).sum();
        prop_assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }
}

/// Boundary precision and recall on CoNLL-2003 dev (one sentence a line).
/// Run with `cargo test -p nutgraf --lib conll_boundaries -- --ignored --nocapture`;
/// set `NUTGRAF_CONLL_DEV` to the file (default `/work/shared/eval/conll2003/dev.jsonl`).
#[test]
#[ignore = "needs the CoNLL-2003 dev file"]
fn conll_boundaries() {
    let path = std::env::var("NUTGRAF_CONLL_DEV")
        .unwrap_or_else(|_| "/work/shared/eval/conll2003/dev.jsonl".to_owned());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    for (label, sep) in [("space-joined", " "), ("newline-joined", "\n")] {
        let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
        let mut docs = 0;
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let doc = v["text"].as_str().unwrap();
            let joined = doc.lines().collect::<Vec<_>>().join(sep);
            let mut gold = std::collections::HashSet::new();
            let mut pos = 0;
            let lines: Vec<&str> = doc.lines().collect();
            for l in &lines[..lines.len().saturating_sub(1)] {
                pos += l.len();
                gold.insert(pos);
                pos += sep.len();
            }
            let mut out = Vec::new();
            sentences(&joined, Span::new(0, joined.len()), &mut out);
            let predicted: std::collections::HashSet<usize> = out
                .iter()
                .take(out.len().saturating_sub(1))
                .map(|s| s.end)
                .collect();
            tp += predicted.intersection(&gold).count();
            fp += predicted.difference(&gold).count();
            fneg += gold.difference(&predicted).count();
            docs += 1;
        }
        let p = tp as f64 / (tp + fp) as f64;
        let r = tp as f64 / (tp + fneg) as f64;
        eprintln!(
            "{label}: {docs} docs, boundaries tp={tp} fp={fp} fn={fneg}, P={p:.4} R={r:.4} F1={:.4}",
            2.0 * p * r / (p + r)
        );
    }
}

#[test]
#[ignore = "debug"]
fn conll_errors() {
    let data = std::fs::read_to_string("/work/shared/eval/conll2003/dev.jsonl").unwrap();
    let sep = std::env::var("SEP").map_or(" ", |s| if s == "nl" { "\n" } else { " " });
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let doc = v["text"].as_str().unwrap();
        let lines: Vec<&str> = doc.lines().collect();
        let joined = lines.join(sep);
        let mut gold = std::collections::HashSet::new();
        let mut pos = 0;
        for l in &lines[..lines.len().saturating_sub(1)] {
            pos += l.len();
            gold.insert(pos);
            pos += sep.len();
        }
        let mut out = Vec::new();
        sentences(&joined, Span::new(0, joined.len()), &mut out);
        for s in out.iter().take(out.len().saturating_sub(1)) {
            if !gold.contains(&s.end) {
                let a = s.end.saturating_sub(40);
                let b = (s.end + 30).min(joined.len());
                let a = (0..=a).rev().find(|&x| joined.is_char_boundary(x)).unwrap();
                let b = (b..=joined.len())
                    .find(|&x| joined.is_char_boundary(x))
                    .unwrap();
                println!("FP {:?}|{:?}", &joined[a..s.end], &joined[s.end..b]);
            }
        }
        let ends: std::collections::HashSet<usize> = out.iter().map(|s| s.end).collect();
        for &g in &gold {
            if !ends.contains(&g) {
                let a = g.saturating_sub(40);
                let b = (g + 30).min(joined.len());
                let a = (0..=a).rev().find(|&x| joined.is_char_boundary(x)).unwrap();
                let b = (b..=joined.len())
                    .find(|&x| joined.is_char_boundary(x))
                    .unwrap();
                println!("FN {:?}|{:?}", &joined[a..g], &joined[g..b]);
            }
        }
    }
}

#[test]
fn combining_marks_stay_with_the_sentence_before() {
    // A CJK full stop ends a sentence; the marks after it belong to it.
    let text = "一。\u{308}\u{316}二。";
    let mut out = Vec::new();
    super::sentences(text, Span::new(0, text.len()), &mut out);
    assert!(out.iter().all(|s| !s.is_empty()));
    for s in &out {
        let first = s.slice(text).chars().next().unwrap();
        assert!(
            !unicode_normalization::char::is_combining_mark(first),
            "{out:?}"
        );
    }
    assert!(out.windows(2).all(|w| w[0].end <= w[1].start));
}
