//! End-to-end tests of the `nutgraf` binary: they run the built command and check
//! its stdout, stderr and exit code. Layout quality is the core crate's business;
//! these tests only check what the CLI promises.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ARTICLE: &str = "Putin visits China\n\nBy Jane Doe\n\nRussian President Vladimir Putin \
arrived in Beijing on Tuesday. He met Xi Jinping.\n\nLeave a Comment\n";

/// Run `nutgraf` with these arguments and this stdin.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nutgraf"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the nutgraf binary runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Write on a thread so a large stdin cannot deadlock against a full stdout.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn library_json(text: &str, meta: &nutgraf::Meta) -> Value {
    nutgraf::parse(text, meta).unwrap().to_json_value()
}

// ---------------------------------------------------------------- parse

#[test]
fn parse_text_view_lists_times_and_quantities() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks\n\nThe forum will run on October 17 and 18 for about three days. \
                It cost approximately $190 million and drew more than 130 countries, \
                nearly 2 million barrels of oil a day.\n";
    let file = write(dir.path(), "a.txt", text.as_bytes());
    let out = run(
        &[
            "parse",
            "--published",
            "2023-10-12",
            "--width",
            "0",
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let view = stdout(&out);
    for want in [
        "  [DATE       ] October 17 → 2023-10-17\n",
        "  [DATE       ] 18 → 2023-10-18\n",
        "  [DURATION   ] about three days → P3D  APPROX\n",
        "  [money      ] approximately $190 million → 190000000 USD  approximate\n",
        "  [count      ] more than 130 countries → 130 countries  more_than\n",
        "  [count      ] nearly 2 million barrels of oil a day → 2000000 barrels of oil per day  approximate\n",
    ] {
        assert!(view.contains(want), "no {want:?} in\n{view}");
    }
}

#[test]
fn parse_text_view_lists_quotes_after_quantities() {
    let dir = tempfile::tempdir().unwrap();
    let long =
        "and we will keep working on it together with all of our partners for many years to come";
    let text = format!(
        "Talks\n\n“We will win,” Vladimir Putin said on Tuesday, “{long}.”\n\n\
         He called it a “no-limits” friendship. The talks went well, the Kremlin said.\n"
    );
    let file = write(dir.path(), "a.txt", text.as_bytes());
    let out = run(&["parse", "--width", "0", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let view = stdout(&out);
    let quotes_at = view.find("\nquotes:     ").expect("a quotes section");
    assert!(view.find("\nquantities: ").unwrap() < quotes_at, "{view}");
    let quotes = &view[quotes_at..];
    // The entity's name, then the phrase the text uses when it differs; the cue;
    // the quote on one line, cut to at most 80 characters.
    let direct = quotes
        .lines()
        .find(|l| l.starts_with("  [direct  ] Vladimir Putin — said: “We will win,”"))
        .unwrap_or_else(|| panic!("no direct quote line in\n{view}"));
    assert!(direct.ends_with('…'), "{direct}");
    let shown = direct.split_once(": ").unwrap().1;
    assert!(shown.chars().count() <= 80, "{direct}");
    for want in [
        "  [partial ] Vladimir Putin (He) — called: “no-limits”\n",
        "  [indirect] Kremlin (the Kremlin) — said: \"The talks went well\"\n",
    ] {
        assert!(quotes.contains(want), "no {want:?} in\n{view}");
    }
}

#[test]
fn parse_text_view_lists_attributions_after_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "Trade\n\nTrade reached $240 billion in 2023, according to Chinese customs figures.\n";
    let file = write(dir.path(), "a.txt", text.as_bytes());
    let out = run(&["parse", "--width", "0", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let view = stdout(&out);
    let at = view
        .find("\nattributions: 1\n")
        .expect("an attributions section");
    assert!(view.find("\nquotes:     ").unwrap() < at, "{view}");
    assert!(
        view[at..].contains(
            "  [according] Chinese customs figures — according to: \"Trade reached $240 billion in 2023\"\n"
        ),
        "{view}"
    );
}

#[test]
fn parse_text_view_lists_events_after_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks in Berlin\n\nFrench President Emmanuel Macron will meet Olaf Scholz in \
                Berlin on Friday, the Elysee said.\n\nGermany has refrained from supplying \
                tanks to Ukraine.\n";
    let file = write(dir.path(), "a.txt", text.as_bytes());
    let out = run(
        &[
            "parse",
            "--width",
            "0",
            "--published",
            "2023-10-17",
            file.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let view = stdout(&out);
    let events_at = view.find("\nevents:     2\n").expect("an events section");
    assert!(view.find("\nquotes:     ").unwrap() < events_at, "{view}");
    let events = &view[events_at..];
    for want in [
        "  [MEET     040] Emmanuel Macron → Olaf Scholz  (meet)  in Berlin  on Friday = 2023-10-20  positive planned\n",
        "  [SUPPORT  072] Germany → Ukraine  (supplying)  negative asserted\n",
    ] {
        assert!(events.contains(want), "no {want:?} in\n{view}");
    }
}

#[test]
fn parse_text_view_has_header_blocks_and_sentence_count() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run(&["parse", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for key in [
        "file:       ",
        "title:      ",
        "subtitle:   ",
        "authors:    ",
        "publisher:  ",
        "published:  ",
        "language:   ",
        "dateline:   ",
        "blocks:     ",
        "sentences:  ",
        "entities:   ",
        "times:      ",
        "quantities: ",
        "quotes:     ",
        "attributions: ",
        "events:     ",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(key)),
            "no {key:?} line in\n{text}"
        );
    }
    assert!(text.contains(file.to_str().unwrap()));
    let doc = nutgraf::parse(ARTICLE, &nutgraf::Meta::new()).unwrap();
    // Block lines come between the "blocks:" and "sentences:" lines.
    let block_lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("blocks:"))
        .take_while(|l| !l.starts_with("sentences:"))
        .filter(|l| l.starts_with("  ["))
        .collect();
    assert_eq!(block_lines.len(), doc.blocks.len(), "{text}");
    // The "  [" lines after `section`, up to the `next` section (or the end).
    let listed = |section: &str, next: Option<&str>| -> Vec<&str> {
        text.lines()
            .skip_while(|l| !l.starts_with(section))
            .skip(1)
            .take_while(|l| next.is_none_or(|n| !l.starts_with(n)))
            .filter(|l| l.starts_with("  ["))
            .collect()
    };
    assert_eq!(
        listed("entities:", Some("times:")).len(),
        doc.entities.len(),
        "{text}"
    );
    let time_lines = listed("times:", Some("quantities:"));
    assert_eq!(time_lines.len(), doc.times.len(), "{text}");
    for (line, t) in time_lines.iter().zip(&doc.times) {
        assert!(
            line.starts_with(&format!("  [{}", t.kind.as_str())),
            "{line}"
        );
        assert!(
            line.contains(&format!("{} → ", doc.slice(t.span))),
            "{line}"
        );
    }
    let quantity_lines = listed("quantities:", Some("quotes:"));
    assert_eq!(quantity_lines.len(), doc.quantities.len(), "{text}");
    let quote_lines = listed("quotes:", Some("attributions:"));
    assert_eq!(quote_lines.len(), doc.quotes.len(), "{text}");
    for (line, q) in quote_lines.iter().zip(&doc.quotes) {
        assert!(
            line.starts_with(&format!("  [{}", q.kind.as_str())),
            "{line}"
        );
    }
    assert!(text.contains(&format!("times:      {}\n", doc.times.len())));
    assert!(text.contains(&format!("quantities: {}\n", doc.quantities.len())));
    assert!(text.contains(&format!("quotes:     {}\n", doc.quotes.len())));
    let attribution_lines = listed("attributions:", Some("events:"));
    assert_eq!(attribution_lines.len(), doc.attributions.len(), "{text}");
    let event_lines = listed("events:", None);
    assert_eq!(event_lines.len(), doc.events.len(), "{text}");
    for (line, e) in event_lines.iter().zip(&doc.events) {
        assert!(
            line.starts_with(&format!("  [{}", e.kind.as_str())),
            "{line}"
        );
    }
    assert!(text.contains(&format!("events:     {}\n", doc.events.len())));
    for (line, block) in block_lines.iter().zip(&doc.blocks) {
        assert!(
            line.starts_with(&format!("  [{}", block.kind.as_str())),
            "{line}"
        );
        if let Some(reason) = block.reason {
            assert!(line.contains(&format!(":{}]", reason.as_str())), "{line}");
        }
    }
    assert!(text.contains(&format!("sentences:  {}\n", doc.sentences.len())));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn parse_json_is_exactly_the_library_contract() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let out = run(&["parse", "--json", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines, vec![library_json(ARTICLE, &nutgraf::Meta::new())]);
}

/// The library's document with the syntax stage on.
fn library_words(text: &str, meta: &nutgraf::Meta) -> nutgraf::Document {
    nutgraf::Parser::new(nutgraf::Options::new().syntax(true))
        .parse(text, meta)
        .unwrap()
}

#[test]
fn parse_words_puts_each_sentences_words_in_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let file = file.to_str().unwrap();
    let want = library_words(ARTICLE, &nutgraf::Meta::new()).to_json_value();
    let sentences = want["sentences"].as_array().unwrap();
    assert!(sentences.iter().all(|s| s["words"].is_array()), "{want}");
    // --words implies --json, and works with --pretty.
    for args in [
        &["parse", "--json", "--words", file][..],
        &["parse", "--words", file][..],
        &["parse", "--pretty", "--words", file][..],
    ] {
        let out = run(args, b"");
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        let got: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(got, want, "{args:?}");
    }
    // Without --words, no sentence has the key.
    let out = run(&["parse", "--json", file], b"");
    let plain = &json_lines(&stdout(&out))[0];
    assert!(plain["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s.get("words").is_none()));
}

/// What `parse --conllu` must write for `doc`, built from the library's words
/// column by column.
fn expected_conllu(doc: &nutgraf::Document, name: &str, sent_id: &mut usize) -> String {
    let mut out = String::new();
    let mut first = true;
    for s in &doc.sentences {
        let words = &doc.words[s.words.clone()];
        if words.is_empty() {
            continue;
        }
        if first {
            let _ = writeln!(out, "# newdoc id = {name}");
            first = false;
        }
        *sent_id += 1;
        let text = doc.slice(s.span).replace("\r\n", " ").replace('\n', " ");
        let _ = writeln!(out, "# sent_id = {sent_id}\n# text = {text}");
        for (i, w) in words.iter().enumerate() {
            let next = doc.words.get(s.words.start + i + 1);
            let misc = if next.is_some_and(|n| n.span.start == w.span.end) {
                "SpaceAfter=No"
            } else {
                "_"
            };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{misc}",
                i + 1,
                doc.slice(w.span),
                w.lemma,
                w.upos,
                w.xpos,
                w.head.map_or(0, |h| h + 1),
                w.deprel,
            );
        }
        out.push('\n');
    }
    out
}

#[test]
fn parse_conllu_writes_one_block_per_sentence() {
    let dir = tempfile::tempdir().unwrap();
    // A sentence over two lines (one with `\r\n`), non-ASCII words, clitics and
    // punctuation glued to words.
    let a = "Talks postponed\n\nOfficials said the talks, which began in Zürich on Monday\r\n\
             and lasted for\nthree days, were postponed. “We didn’t agree,” he said.\n";
    let b =
        "Putin visits China\n\nRussian President Vladimir Putin arrived in Beijing on Tuesday.\n";
    let fa = write(dir.path(), "a.txt", a.as_bytes());
    let fb = write(dir.path(), "b.txt", b.as_bytes());
    let (fa, fb) = (fa.to_str().unwrap(), fb.to_str().unwrap());
    let out = run(&["parse", "--conllu", fa, fb], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let got = stdout(&out);

    let meta = nutgraf::Meta::new();
    let (da, db) = (library_words(a, &meta), library_words(b, &meta));
    let mut sent_id = 0;
    let want = expected_conllu(&da, fa, &mut sent_id) + &expected_conllu(&db, fb, &mut sent_id);
    assert_eq!(got, want);

    // What the comparison covered: sentence ids run on over both files, every
    // word line has ten columns, the sentence over two lines is on one, a root
    // has HEAD 0, words glued to the next one say so.
    assert!(sent_id >= 4, "{got}");
    assert_eq!(got.matches("# newdoc id = ").count(), 2);
    assert_eq!(got.matches("# sent_id = ").count(), sent_id);
    assert!(got.ends_with("\n\n"));
    assert!(da
        .sentences
        .iter()
        .any(|s| da.slice(s.span).contains("\r\n")));
    assert!(
        got.contains(
            "\n# text = Officials said the talks, which began in Zürich on Monday and lasted for"
        ),
        "{got}"
    );
    let rows: Vec<Vec<&str>> = got
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), da.words.len() + db.words.len());
    assert!(rows
        .iter()
        .all(|r| r.len() == 10 && r[5] == "_" && r[8] == "_"));
    assert!(rows.iter().any(|r| r[1] == "Zürich"));
    assert!(rows.iter().all(|r| (r[7] == "root") == (r[6] == "0")));
    assert!(rows
        .iter()
        .any(|r| r[1] == "did" && r[9] == "SpaceAfter=No"));
    assert!(rows
        .iter()
        .any(|r| r[1] == "said" && r[9] == "SpaceAfter=No"));

    // From stdin too; --conllu does not go with JSON output.
    let out = run(&["parse", "--conllu"], b.as_bytes());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut sent_id = 0;
    assert_eq!(stdout(&out), expected_conllu(&db, "<stdin>", &mut sent_id));
    for flag in ["--json", "--pretty"] {
        let out = run(&["parse", "--conllu", flag], b.as_bytes());
        assert_eq!(code(&out), 64, "{flag}");
        assert!(stderr(&out).contains("--conllu"), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn parse_reads_stdin_with_no_file_or_dash() {
    for args in [&["parse", "--json"][..], &["parse", "--json", "-"][..]] {
        let out = run(args, ARTICLE.as_bytes());
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert_eq!(
            json_lines(&stdout(&out)),
            vec![library_json(ARTICLE, &nutgraf::Meta::new())]
        );
    }
    let out = run(&["parse"], ARTICLE.as_bytes());
    assert!(stdout(&out).starts_with("file:       <stdin>\n"));
}

#[test]
fn parse_several_files_one_json_line_each_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Alpha story. One.",
        "Beta story. Two.",
        "Gamma story. Three.",
    ];
    let files: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            write(dir.path(), &format!("{i}.txt"), t.as_bytes())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    // Give them in reverse order: output follows the arguments, not the names.
    let mut args = vec!["parse", "--json"];
    args.extend(files.iter().rev().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(code(&out), 0);
    let got = json_lines(&stdout(&out));
    let want: Vec<Value> = texts
        .iter()
        .rev()
        .map(|t| library_json(t, &nutgraf::Meta::new()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn parse_pretty_json_is_indented_and_equal() {
    let out = run(&["parse", "--pretty"], ARTICLE.as_bytes());
    assert_eq!(code(&out), 0);
    let s = stdout(&out);
    assert!(s.lines().count() > 5);
    let v: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v, library_json(ARTICLE, &nutgraf::Meta::new()));
}

#[test]
fn parse_metadata_flags_reach_the_document() {
    let out = run(
        &[
            "parse",
            "--json",
            "--published",
            "2023-10-17",
            "--url",
            "https://example.com/a",
            "--source",
            "Example News",
        ],
        ARTICLE.as_bytes(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = &json_lines(&stdout(&out))[0];
    assert_eq!(v["published"], "2023-10-17");
    assert_eq!(v["url"], "https://example.com/a");
    assert_eq!(v["publisher"], "Example News");

    let out = run(&["parse", "--published", "2023-10-17"], ARTICLE.as_bytes());
    assert!(stdout(&out).contains("published:  2023-10-17 (meta)\n"));
}

#[test]
fn parse_no_layout_matches_the_library_option() {
    let out = run(&["parse", "--json", "--no-layout"], ARTICLE.as_bytes());
    assert_eq!(code(&out), 0);
    let want = nutgraf::Parser::new(nutgraf::Options::new().layout(false))
        .parse(ARTICLE, &nutgraf::Meta::new())
        .unwrap()
        .to_json_value();
    assert_eq!(json_lines(&stdout(&out)), vec![want]);
}

#[test]
fn parse_bad_published_is_a_usage_error() {
    let out = run(&["parse", "--published", "17/10/2023"], ARTICLE.as_bytes());
    assert_eq!(code(&out), 64);
    assert!(stderr(&out).contains("17/10/2023"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn parse_missing_file_fails_but_others_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"A good story. It parses.");
    let missing = dir.path().join("missing.txt");
    let out = run(
        &[
            "parse",
            "--json",
            missing.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains(missing.to_str().unwrap()),
        "{}",
        stderr(&out)
    );
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["body"], "A good story. It parses.");
}

#[test]
fn parse_file_over_the_limit_fails_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.txt", "x".repeat(100).as_bytes());
    let out = run(&["parse", "--max-bytes", "50", big.to_str().unwrap()], b"");
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("big.txt") && err.contains("--max-bytes"),
        "{err}"
    );
}

#[test]
fn parse_invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "latin1.txt",
        b"Caf\xe9 opens in Paris. It is new.",
    );
    let out = run(&["parse", "--json", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0);
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("latin1.txt") && err.contains("UTF-8"),
        "{err}"
    );
    let v = &json_lines(&stdout(&out))[0];
    assert!(v["body"].as_str().unwrap().contains("Caf\u{fffd} opens"));
}

#[test]
fn parse_dates_sidecar_matches_by_path_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "seeds/a.txt", b"First story. Here.");
    let b = write(dir.path(), "seeds/b.txt", b"Second story. Here.");
    let c = write(dir.path(), "elsewhere/c.txt", b"Third story. Here.");
    let sidecar = write(
        dir.path(),
        "dates.jsonl",
        br#"{"file": "seeds/a.txt", "published": "2023-10-17", "published_basis": "caption"}
{"file": "seeds/b.txt", "published": "2024-05-16"}
"#,
    );
    let out = run(
        &[
            "parse",
            "--json",
            "--dates",
            sidecar.to_str().unwrap(),
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            c.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines[0]["published"], "2023-10-17");
    assert_eq!(lines[1]["published"], "2024-05-16");
    assert_eq!(lines[2]["published"], Value::Null);
    assert!(
        stderr(&out).contains("c.txt: no entry in the dates file"),
        "{}",
        stderr(&out)
    );

    // --published wins over the sidecar.
    let out = run(
        &[
            "parse",
            "--json",
            "--published",
            "2020-01-01",
            "--dates",
            sidecar.to_str().unwrap(),
            a.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(json_lines(&stdout(&out))[0]["published"], "2020-01-01");
}

#[test]
fn parse_bad_dates_sidecar_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let sidecar = write(
        dir.path(),
        "dates.jsonl",
        b"{\"file\": \"a.txt\"}\nnot json\n",
    );
    let out = run(
        &["parse", "--dates", sidecar.to_str().unwrap()],
        ARTICLE.as_bytes(),
    );
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains("dates.jsonl") && err.contains("line 2"),
        "{err}"
    );
}

#[test]
fn parse_width_truncates_block_lines() {
    let long = format!("{}.", "word ".repeat(60).trim_end());
    let out = run(&["parse", "--width", "40"], long.as_bytes());
    let text = stdout(&out);
    let blocks: Vec<&str> = text.lines().filter(|l| l.starts_with("  [")).collect();
    assert!(!blocks.is_empty());
    for line in &blocks {
        assert!(line.chars().count() <= 40, "{line}");
        assert!(line.ends_with('…'), "{line}");
    }
    let out = run(&["parse", "--width", "0"], long.as_bytes());
    assert!(stdout(&out).contains(&long));
}

// ---------------------------------------------------------------- batch

fn batch_input(lines: &[&str]) -> Vec<u8> {
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

#[test]
fn batch_writes_documents_and_error_records_in_order() {
    let input = batch_input(&[
        r#"{"id": 1, "text": "First story. It is fine.", "published": "2023-10-17"}"#,
        r"this is not json",
        r#"{"id": "no-text"}"#,
        r#"{"id": 4, "text": 42}"#,
        "",
        r#"{"id": 6, "text": "Dated badly.", "published": "17/10/2023"}"#,
        r#"{"id": "last", "text": "Last story. Also fine.", "url": "https://x.test", "source": "X"}"#,
    ]);
    let out = run(&["batch"], &input);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    // The blank line 5 is skipped: 6 records out.
    assert_eq!(lines.len(), 6, "{}", stdout(&out));

    let meta = nutgraf::Meta::new()
        .with_published_str("2023-10-17")
        .unwrap();
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(
        lines[0]["document"],
        library_json("First story. It is fine.", &meta)
    );

    let expect_error = |v: &Value, id: Value, line: u64, kind: &str| {
        assert_eq!(v["id"], id, "{v}");
        assert_eq!(v["line"], line, "{v}");
        assert_eq!(v["error"]["kind"], kind, "{v}");
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert!(v.get("document").is_none());
    };
    expect_error(&lines[1], Value::Null, 2, "invalid_json");
    expect_error(&lines[2], "no-text".into(), 3, "missing_field");
    expect_error(&lines[3], 4.into(), 4, "wrong_type");
    expect_error(&lines[4], 6.into(), 6, "invalid_date");

    assert_eq!(lines[5]["id"], "last");
    assert_eq!(lines[5]["document"]["url"], "https://x.test");
    assert_eq!(lines[5]["document"]["publisher"], "X");

    let err = stderr(&out);
    for line in [":2:", ":3:", ":4:", ":6:"] {
        assert!(err.contains(&format!("<stdin>{line}")), "{line} in {err}");
    }
    assert!(err.contains("parsed 2 records, 4 errors"), "{err}");
    // stderr is not a terminal here: no progress bar drawing.
    assert!(!err.contains('\x1b'), "{err:?}");
}

#[test]
fn batch_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let content = batch_input(&[r#"{"id": 1, "text": "Keep me."}"#]);
    let input = write(dir.path(), "in.jsonl", &content);
    let out = run(
        &[
            "batch",
            input.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("is also an input"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&input).unwrap(), content);
}

#[test]
fn batch_all_good_exits_zero_and_keeps_ids() {
    let input = batch_input(&[
        r#"{"id": "a", "text": "One. Two."}"#,
        r#"{"id": 2.5, "text": "Three."}"#,
        r#"{"text": "No id here."}"#,
        r#"{"id": true, "text": "Four.", "published": null, "extra": [1, 2]}"#,
    ]);
    let out = run(&["batch", "-"], &input);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    let ids: Vec<&Value> = lines.iter().map(|v| &v["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("a"),
            &Value::from(2.5),
            &Value::Null,
            &Value::from(true)
        ]
    );
    // The wrapper's keys come in a fixed order, id first.
    assert!(stdout(&out).lines().all(|l| l.starts_with(r#"{"id":"#)));
    assert!(stderr(&out).contains("parsed 4 records, 0 errors"));
}

#[test]
fn batch_keeps_order_across_chunks_and_threads() {
    let records: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"id": {i}, "text": "Story number {i}. It ends here."}}"#))
        .collect();
    let refs: Vec<&str> = records.iter().map(String::as_str).collect();
    let out = run(
        &["batch", "--chunk-size", "7", "--threads", "2", "--quiet"],
        &batch_input(&refs),
    );
    assert_eq!(code(&out), 0);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 300);
    for (i, v) in lines.iter().enumerate() {
        assert_eq!(v["id"], i);
        assert_eq!(
            v["document"]["body"],
            format!("Story number {i}. It ends here.")
        );
    }
}

#[test]
fn batch_words_puts_words_in_every_document() {
    let texts = [
        "The talks were postponed, officials said.",
        "Zürich’s UBS Group said on Tuesday it would cut jobs.",
    ];
    let records: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": i, "text": t}).to_string())
        .collect();
    let refs: Vec<&str> = records.iter().map(String::as_str).collect();
    let out = run(&["batch", "--words", "--quiet"], &batch_input(&refs));
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    for (v, text) in lines.iter().zip(texts) {
        let want = library_words(text, &nutgraf::Meta::new()).to_json_value();
        assert!(want["sentences"][0]["words"].as_array().unwrap().len() > 5);
        assert_eq!(v["document"], want);
    }
    let out = run(&["batch", "--quiet"], &batch_input(&refs));
    let plain = json_lines(&stdout(&out));
    assert!(plain[0]["document"]["sentences"][0].get("words").is_none());
}

#[test]
fn batch_too_large_text_is_an_error_record_with_its_id() {
    let text = "x".repeat(200);
    let input = batch_input(&[
        &format!(r#"{{"id": "big", "text": "{text}"}}"#),
        r#"{"id": "small", "text": "Fits."}"#,
    ]);
    let out = run(&["batch", "--max-bytes", "100"], &input);
    assert_eq!(code(&out), 2);
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines[0]["id"], "big");
    assert_eq!(lines[0]["error"]["kind"], "input_too_large");
    assert_eq!(lines[1]["id"], "small");
    assert!(lines[1].get("document").is_some());

    // A line too long to hold any text under the limit is skipped unread.
    let huge = format!(r#"{{"id": "huge", "text": "{}"}}"#, "y".repeat(2000));
    let out = run(&["batch", "--max-bytes", "100"], &batch_input(&[&huge]));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines[0]["error"]["kind"], "input_too_large");
    assert_eq!(lines[0]["line"], 1);
}

#[test]
fn batch_non_object_and_invalid_utf8_lines_are_error_records() {
    let mut input = b"[1, 2]\n\"just a string\"\n".to_vec();
    input.extend_from_slice(b"{\"id\": 3, \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(br#"{"id": {"nested": 1}, "text": "x"}"#);
    input.push(b'\n');
    let out = run(&["batch"], &input);
    assert_eq!(code(&out), 2);
    let lines = json_lines(&stdout(&out));
    let kinds: Vec<&str> = lines
        .iter()
        .map(|v| v["error"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "invalid_record",
            "invalid_record",
            "invalid_utf8",
            "wrong_type"
        ]
    );
    let numbers: Vec<u64> = lines.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

#[test]
fn batch_output_file_and_several_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.jsonl",
        &batch_input(&[r#"{"id": "a1", "text": "A one."}"#, "oops"]),
    );
    let b = write(
        dir.path(),
        "b.jsonl",
        b"{\"id\": \"b1\", \"text\": \"B one.\"}\r\n{\"id\": \"b2\"}",
    );
    let output = dir.path().join("out.jsonl");
    let out = run(
        &[
            "batch",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let lines = json_lines(&std::fs::read_to_string(&output).unwrap());
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a1");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["input"], a.to_str().unwrap());
    assert_eq!(lines[2]["id"], "b1");
    // The last line has no final newline and still counts; numbering restarts per input.
    assert_eq!(lines[3]["id"], "b2");
    assert_eq!(lines[3]["line"], 2);
    assert_eq!(lines[3]["input"], b.to_str().unwrap());
    let err = stderr(&out);
    assert!(
        err.contains("a.jsonl:2:") && err.contains("b.jsonl:2:"),
        "{err}"
    );
}

#[test]
fn batch_unreadable_input_exits_one_after_processing_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(
        dir.path(),
        "good.jsonl",
        &batch_input(&[r#"{"id": 1, "text": "Fine."}"#]),
    );
    let missing = dir.path().join("missing.jsonl");
    let out = run(
        &["batch", missing.to_str().unwrap(), good.to_str().unwrap()],
        b"",
    );
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("missing.jsonl"), "{}", stderr(&out));
    assert_eq!(json_lines(&stdout(&out))[0]["id"], 1);
}

#[test]
fn batch_empty_input_is_fine() {
    let out = run(&["batch"], b"\n  \n");
    assert_eq!(code(&out), 0);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("parsed 0 records, 0 errors"));
}

// ---------------------------------------------------------------- corpus

/// The sample corpus as `batch` records: `examples/corpus/seeds.jsonl` names each
/// article's file and date; the record's id is the file's number ("000").
fn seed_records() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let index = std::fs::read_to_string(root.join("seeds.jsonl")).unwrap();
    index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let entry: Value = serde_json::from_str(l).unwrap();
            let file = entry["file"].as_str().unwrap();
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            let id = Path::new(file).file_name().unwrap().to_str().unwrap()[..3].to_owned();
            (id, text, entry["published"].as_str().unwrap().to_owned())
        })
        .collect()
}

fn record(id: &str, text: &str, published: &str) -> String {
    serde_json::json!({"id": id, "text": text, "published": published}).to_string()
}

/// The characters `start..end` of `text`.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn sorted_ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn corpus_reports_the_sample_articles() {
    let seeds = seed_records();
    assert_eq!(seeds.len(), 5);
    let mut lines: Vec<String> = seeds.iter().map(|(i, t, p)| record(i, t, p)).collect();
    let (_, copied, copied_date) = &seeds[1];
    lines.push(record("001-copy", copied, copied_date));
    lines.push(r#"{"id": "bad", "text": 42}"#.to_owned());
    lines.push(record(
        "000",
        "Another text under a taken id.",
        "2023-10-17",
    ));
    let input = batch_input(&lines.iter().map(String::as_str).collect::<Vec<_>>());
    let out = run(
        &[
            "corpus",
            "--threads",
            "2",
            "--chunk-size",
            "3",
            "--timelines",
        ],
        &input,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("<stdin>:7: wrong_type"), "{err}");
    assert!(err.contains("<stdin>:8: duplicate_id"), "{err}");
    assert!(err.contains("parsed 6 records, 2 errors"), "{err}");

    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys: Vec<&String> = report.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "conflicts",
            "documents",
            "duplicates",
            "entities",
            "stories"
        ]
    );
    assert!(stdout(&out).starts_with(r#"{"documents":6,"stories":["#));
    assert_eq!(report["documents"], 6);

    // The October 2023 trip (with the copy) and the May 2024 one.
    let stories = report["stories"].as_array().unwrap();
    let mut groups: Vec<Vec<String>> = stories.iter().map(|s| sorted_ids(&s["ids"])).collect();
    groups.sort();
    assert_eq!(
        groups,
        [vec!["000", "001", "001-copy", "002", "004"], vec!["003"]]
    );
    let october = stories.iter().find(|s| s["ids"][0] == "000").unwrap();
    assert_eq!(october["start"], "2023-10-12");
    assert_eq!(october["end"], "2023-10-17");
    let merges = october["merges"].as_array().unwrap();
    assert_eq!(merges.len(), 4);
    // The timeline's sources point at sentences holding their triggers.
    let timeline = october["timeline"].as_array().unwrap();
    assert!(timeline.iter().any(|e| e["type"] == "MEET"));
    for e in timeline {
        for src in e["sources"].as_array().unwrap() {
            let doc = src["doc"].as_str().unwrap();
            let text = [("001-copy", copied.as_str())]
                .into_iter()
                .chain(seeds.iter().map(|(i, t, _)| (i.as_str(), t.as_str())))
                .find(|(i, _)| *i == doc)
                .unwrap()
                .1;
            let sentence = chars(
                text,
                src["start"].as_u64().unwrap(),
                src["end"].as_u64().unwrap(),
            );
            assert!(sentence.contains(src["trigger"].as_str().unwrap()), "{src}");
        }
    }
    for m in merges {
        let reason = m["reason"].as_str().unwrap();
        if m["id"] == "001-copy" {
            assert_eq!(m["copy_of"], "001");
            assert!(reason.starts_with("near-duplicate; "), "{reason}");
        } else {
            assert!(m["copy_of"].is_null());
            assert!(reason.starts_with("similarity "), "{reason}");
        }
        assert!(m["cosines"]["people"].as_f64().is_some());
    }

    assert_eq!(
        report["duplicates"],
        serde_json::json!([{"a": "001", "b": "001-copy", "similarity": 1.0}])
    );

    // Shared entities only (--min-docs 2), mentions in characters of each text.
    let texts: std::collections::HashMap<String, &str> = seeds
        .iter()
        .map(|(i, t, _)| (i.clone(), t.as_str()))
        .chain([("001-copy".to_owned(), copied.as_str())])
        .collect();
    // The trade figures of 003 and 004, each side pointing into its text.
    let conflicts = report["conflicts"].as_array().unwrap();
    let trade: Vec<&Value> = conflicts
        .iter()
        .filter(|k| k["claims"][0]["measure"] == "trade")
        .collect();
    assert_eq!(trade.len(), 1, "{conflicts:?}");
    assert_eq!(trade[0]["kind"], "magnitude");
    let sides: Vec<(&str, String)> = trade[0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let doc = c["doc"].as_str().unwrap();
            let got = chars(
                texts[doc],
                c["start"].as_u64().unwrap(),
                c["end"].as_u64().unwrap(),
            );
            (doc, got)
        })
        .collect();
    assert_eq!(
        sides,
        [
            ("003", "$240 billion".to_owned()),
            ("004", "approximately $190 million".to_owned())
        ]
    );
    let entities = report["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    for e in entities {
        assert!(e["docs"].as_array().unwrap().len() >= 2, "{e}");
        for m in e["mentions"].as_array().unwrap() {
            let text = texts[m["doc"].as_str().unwrap()];
            let got = chars(
                text,
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
            );
            assert_eq!(got, m["text"].as_str().unwrap(), "{m}");
        }
    }
    let putin = entities
        .iter()
        .find(|e| e["name"] == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin["label"], "PERSON");
    assert_eq!(
        sorted_ids(&putin["docs"]),
        ["000", "001", "001-copy", "002", "003", "004"]
    );

    // The same as the library gives for the same documents in the same order.
    let mut corpus = nutgraf::Corpus::new();
    for line in &lines[..6] {
        let r: Value = serde_json::from_str(line).unwrap();
        let meta = nutgraf::Meta::new()
            .with_published_str(r["published"].as_str().unwrap())
            .unwrap();
        let doc = nutgraf::parse(r["text"].as_str().unwrap(), &meta).unwrap();
        corpus.add(r["id"].as_str().unwrap(), &doc).unwrap();
    }
    let library: Vec<Vec<&str>> = corpus
        .stories()
        .iter()
        .map(|s| s.docs.iter().map(|&d| corpus.id(d).unwrap()).collect())
        .collect();
    let cli: Vec<Vec<&str>> = stories
        .iter()
        .map(|s| {
            s["ids"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i.as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(cli, library);
    let shared = corpus
        .entities()
        .iter()
        .filter(|e| e.docs().count() >= 2)
        .count();
    assert_eq!(entities.len(), shared);

    // --min-docs 1 lists every entity.
    let out = run(&["corpus", "--quiet", "--min-docs", "1"], &input);
    let all: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        all["entities"].as_array().unwrap().len(),
        corpus.entities().len()
    );
    assert!(all["entities"].as_array().unwrap().len() > entities.len());
}

#[test]
fn corpus_ids_as_given_or_by_line() {
    let input = batch_input(&[
        r#"{"id": 1, "text": "Rescuers freed the miners in Chile on Wednesday."}"#,
        r#"{"text": "An earthquake struck Japan on Saturday."}"#,
        r#"{"id": "1", "text": "A string id equal to an earlier number."}"#,
        r#"{"id": 2.5, "text": "Rescuers freed the miners in Chile on Wednesday."}"#,
    ]);
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("corpus.json");
    let out = run(
        &["corpus", "--min-docs", "1", "-o", output.to_str().unwrap()],
        &input,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(
        stderr(&out).contains("<stdin>:3: duplicate_id"),
        "{}",
        stderr(&out)
    );
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(report["documents"], 3);
    let ids: Vec<Value> = report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["ids"].as_array().unwrap().clone())
        .collect();
    for id in [Value::from(1), Value::from("<stdin>:2"), Value::from(2.5)] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert_eq!(
        report["duplicates"],
        serde_json::json!([{"a": 1, "b": 2.5, "similarity": 1.0}])
    );
}

#[test]
fn corpus_of_nothing_is_an_empty_report() {
    let out = run(&["corpus"], b"\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\"documents\":0,\"stories\":[],\"duplicates\":[],\"entities\":[],\"conflicts\":[]}\n"
    );
    let out = run(&["corpus", "--help"], b"");
    for flag in [
        "--min-docs",
        "--no-layout",
        "--threads",
        "--output",
        "--timelines",
        "--story-threshold",
        "--max-gap-days",
        "--split-threshold",
        "--merge-threshold",
        "--contrast",
        "--duplicate-threshold",
        "--keep",
    ] {
        assert!(stdout(&out).contains(flag), "{flag}");
    }
}

#[test]
fn corpus_options_are_checked_and_used() {
    for bad in [
        &["corpus", "--story-threshold", "1.5"][..],
        &["corpus", "--split-threshold", "nan"],
        &["corpus", "--contrast", "1.5"],
        &["corpus", "--duplicate-threshold", "0"],
        &["corpus", "--keep", "0"],
        &["corpus", "--max-gap-days", "-1"],
    ] {
        assert_eq!(code(&run(bad, b"")), 64, "{bad:?}");
    }
    let records = concat!(
        r#"{"id": "a", "text": "Miners freed in Chile\n\nRescuers freed 33 miners from the San Jose mine in Chile."}"#,
        "\n",
        r#"{"id": "b", "text": "Chile miners rescued\n\nAll 33 miners trapped in the San Jose mine in Chile were rescued."}"#,
        "\n",
    );
    let stories = |threshold: &str| -> usize {
        let out = run(
            &["corpus", "--story-threshold", threshold],
            records.as_bytes(),
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        report["stories"].as_array().expect("stories").len()
    };
    assert_eq!(stories("0"), 1);
    assert_eq!(stories("1"), 2);
}

// ---------------------------------------------------------------- help

#[test]
fn help_explains_commands_and_exit_codes() {
    let out = run(&["--help"], b"");
    assert_eq!(code(&out), 0);
    let help = stdout(&out);
    for needle in ["parse", "batch", "corpus", "Exit codes", "64"] {
        assert!(help.contains(needle), "{needle} in {help}");
    }
    let out = run(&["batch", "--help"], b"");
    assert!(stdout(&out).contains("--chunk-size"));
    let out = run(&["frobnicate"], b"");
    assert_eq!(code(&out), 64);
}

// ---------------------------------------------------------------- robustness

/// A `nutgraf` command with piped stdio, not yet started.
fn nutgraf(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nutgraf"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn parse_strips_a_byte_order_mark_from_files_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ARTICLE.as_bytes());
    let file = write(dir.path(), "bom.txt", &bytes);
    let expected = library_json(ARTICLE, &nutgraf::Meta::new());
    let out = run(&["parse", "--json", file.to_str().unwrap()], b"");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // The document and its offsets are those of the text without the mark.
    assert_eq!(json_lines(&stdout(&out)), std::slice::from_ref(&expected));
    let out = run(&["parse", "--json"], &bytes);
    assert_eq!(json_lines(&stdout(&out)), [expected]);
    // Only a leading mark goes: one inside the text is text.
    let inner = format!("{ARTICLE}\u{feff}");
    let out = run(&["parse", "--json"], inner.as_bytes());
    assert_eq!(
        json_lines(&stdout(&out))[0],
        library_json(&inner, &nutgraf::Meta::new())
    );
}

#[test]
fn batch_and_dates_file_read_a_byte_order_mark() {
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(&batch_input(&[
        r#"{"id": 1, "text": "First story."}"#,
        r#"{"id": 2, "text": "Second story."}"#,
    ]));
    let out = run(&["batch", "--quiet"], &input);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["document"],
        library_json("First story.", &nutgraf::Meta::new())
    );

    let dir = tempfile::tempdir().unwrap();
    let article = write(dir.path(), "a.txt", ARTICLE.as_bytes());
    let dates = write(
        dir.path(),
        "dates.jsonl",
        b"\xEF\xBB\xBF{\"file\": \"a.txt\", \"published\": \"2023-10-17\"}\n",
    );
    let out = run(
        &[
            "parse",
            "--json",
            "--dates",
            dates.to_str().unwrap(),
            article.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(json_lines(&stdout(&out))[0]["published"], "2023-10-17");
}

/// Start `nutgraf args`, read its first stdout line, close stdout, and wait.
fn first_line_then_close(args: &[&str], stdin: Vec<u8>) -> (String, Output) {
    use std::io::BufRead;
    let mut child = nutgraf(args).spawn().unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&stdin);
    });
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    drop(reader); // the reader goes away, like `head -1`
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (first, out)
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    let dir = tempfile::tempdir().unwrap();
    // Each document's JSON (about 200 KB) is larger than a pipe's buffer, so
    // writing the second one blocks until the reader is gone, then fails with EPIPE.
    let long = format!(
        "Long story\n\n{}",
        "Putin arrived in Beijing on Tuesday. ".repeat(300)
    );
    let file = write(dir.path(), "long.txt", long.as_bytes());
    let file = file.to_str().unwrap();
    let (first, out) = first_line_then_close(&["parse", "--json", file, file, file], vec![]);
    assert!(first.starts_with('{'), "{first}");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "", "a closed pipe is no error");

    let record = serde_json::json!({"id": 1, "text": long}).to_string();
    let records: Vec<&str> = vec![record.as_str(); 3];
    let (first, out) = first_line_then_close(
        &["batch", "--quiet", "--chunk-size", "1"],
        batch_input(&records),
    );
    assert!(first.starts_with(r#"{"id":1,"document""#), "{first}");
    assert_eq!((code(&out), stderr(&out)), (0, String::new()));
}

#[test]
fn a_closed_or_broken_stderr_changes_nothing() {
    let input = batch_input(&[r#"{"id": 1, "text": "Fine."}"#, "not json"]);
    // 2>&-: stderr closed before the command starts.
    let mut closed = Command::new("sh");
    closed
        .args([
            "-c",
            r#"exec 2>&-; exec "$0" "$@""#,
            env!("CARGO_BIN_EXE_nutgraf"),
        ])
        .args(["batch", "--threads", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    let mut child = closed.spawn().unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 2, "bad records, no panic (101)");
    assert_eq!(json_lines(&stdout(&out)).len(), 2);

    // stderr a pipe whose reader is gone: writes fail with EPIPE.
    let mut child = nutgraf(&["parse", "--json", "/no/such/file", "-"])
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    child.stdin.take().unwrap().write_all(b"Fine.").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(code(&out), 1, "the missing file fails the run, quietly");
    assert_eq!(json_lines(&stdout(&out)).len(), 1);
}

#[test]
fn threads_are_bounded() {
    for args in [
        &["batch", "--threads", "1025"][..],
        &["batch", "--threads", "100000000000000000000"],
        &["batch", "--threads=-1"],
    ] {
        let out = run(args, b"");
        assert_eq!(code(&out), 64, "{args:?}");
        assert!(stderr(&out).contains("--threads"), "{}", stderr(&out));
    }
    let out = run(&["batch", "--threads", "1025"], b"");
    assert!(
        stderr(&out).contains("over the limit of 1024"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn batch_gives_one_line_per_record_whatever_is_wrong_with_it() {
    let long = "y".repeat(300);
    let too_large = format!(r#"{{"id": "big", "text": "{long}"}}"#);
    let mut input = batch_input(&[
        r#"{"id": 1, "text": "Good one."}"#,
        r#"{"id": 2, "text": "Bad date.", "published": "2023-02-30"}"#,
        r#"{"id": 3, "text": "not closed"#,
        &too_large,
        r#"{"id": "boom", "text": "This one hits a bug: PANIC-ME."}"#,
    ]);
    input.extend_from_slice(b"{\"id\": 6, \"text\": \"caf\xe9\"}\n");
    input.extend_from_slice(&batch_input(&[
        r#"{"id": 7, "text": "Good two."}"#,
        r"[]",
        r#"{"id": 9}"#,
        r#"{"id": 10, "text": "Good three."}"#,
    ]));
    let out = nutgraf(&["batch", "--max-bytes", "100", "--chunk-size", "3"])
        .env("NUTGRAF_DEBUG_PANIC", "PANIC-ME")
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(&input)?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    let got: Vec<(Value, Value, Value)> = lines
        .iter()
        .map(|v| {
            (
                v["id"].clone(),
                v["line"].clone(),
                v["error"]["kind"].clone(),
            )
        })
        .collect();
    let error = |id: Value, line: u64, kind: &str| (id, line.into(), kind.into());
    let good = |id: u64| (id.into(), Value::Null, Value::Null);
    assert_eq!(
        got,
        [
            good(1),
            error(2.into(), 2, "invalid_date"),
            error(Value::Null, 3, "invalid_json"),
            error("big".into(), 4, "input_too_large"),
            error("boom".into(), 5, "internal"),
            error(Value::Null, 6, "invalid_utf8"),
            good(7),
            error(Value::Null, 8, "invalid_record"),
            error(9.into(), 9, "missing_field"),
            good(10),
        ]
    );
    let internal = lines[4]["error"]["message"].as_str().unwrap();
    assert!(
        internal.starts_with("internal error in nutgraf"),
        "{internal}"
    );
    let err = stderr(&out);
    assert!(err.contains("<stdin>:5: internal: "), "{err}");
    assert!(err.contains("parsed 3 records, 7 errors"), "{err}");
}

#[test]
fn batch_a_bug_on_one_record_loses_no_other() {
    // The report: a panic on line 1,501 of 3,000 wrote 1,024 lines and lost the rest.
    let lines: Vec<String> = (1..=3000)
        .map(|i| {
            let text = if i == 1501 { "Boom PANIC-ME." } else { "Fine." };
            format!(r#"{{"id": {i}, "text": "{text}"}}"#)
        })
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let out = nutgraf(&["batch", "--quiet", "--no-layout"])
        .env("NUTGRAF_DEBUG_PANIC", "PANIC-ME")
        .spawn()
        .and_then(|mut child| {
            let mut stdin = child.stdin.take().unwrap();
            let input = batch_input(&lines);
            let writer = std::thread::spawn(move || stdin.write_all(&input));
            let out = child.wait_with_output();
            writer.join().unwrap()?;
            out
        })
        .unwrap();
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    let records = json_lines(&stdout(&out));
    assert_eq!(records.len(), 3000);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["id"], i + 1);
        assert_eq!(r.get("document").is_some(), i != 1500, "{r}");
    }
    assert_eq!(records[1500]["error"]["kind"], "internal");
    assert_eq!(records[1500]["line"], 1501);
}

#[test]
fn parse_a_bug_on_one_file_fails_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.txt", b"Boom PANIC-ME.");
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let out = nutgraf(&[
        "parse",
        "--json",
        bad.to_str().unwrap(),
        good.to_str().unwrap(),
    ])
    .env("NUTGRAF_DEBUG_PANIC", "PANIC-ME")
    .output()
    .unwrap();
    assert_eq!(code(&out), 1);
    assert_eq!(json_lines(&stdout(&out)).len(), 1);
    assert!(
        stderr(&out).contains("bad.txt: internal error in nutgraf"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn batch_ctrl_c_stops_promptly_and_writes_what_is_done() {
    use std::io::BufRead;
    // Thousands of records that take a while each: far longer than the test waits.
    let text =
        "Vladimir Putin arrived in Beijing on Tuesday for talks with Xi Jinping. ".repeat(40);
    let record = serde_json::json!({"id": 0, "text": text}).to_string();
    let total = 5000;
    let records: Vec<String> = (0..total)
        .map(|i| record.replacen(r#""id":0"#, &format!(r#""id":{i}"#), 1))
        .collect();
    let input = batch_input(&records.iter().map(String::as_str).collect::<Vec<_>>());
    let mut child = nutgraf(&["batch", "--threads", "1", "--chunk-size", "4"])
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    // Work is under way: interrupt it.
    let status = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(code(&out), 130, "{}", stderr(&out));
    let written = json_lines(&format!("{first}{rest}"));
    assert!(
        written.len() < total,
        "stopped early: {} lines",
        written.len()
    );
    // What was written is whole and in order.
    let ids: Vec<u64> = written.iter().map(|v| v["id"].as_u64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    assert!(written.iter().all(|v| v.get("document").is_some()));
    assert!(
        stderr(&out).contains("nutgraf: interrupted:"),
        "{}",
        stderr(&out)
    );
}

const PAGE: &str = "<html><head><title>Storm hits the coast</title>\
<meta property=\"og:site_name\" content=\"Example News\"></head><body>\
<nav><a href=/>Home</a> <a href=/world>World</a></nav><article><h1>Storm hits the coast</h1>\
<p>A storm hit the coast of Portugal on Monday, cutting power to thousands of homes and closing \
ports along the Atlantic shore, officials said.</p><p>Rescue teams worked through the night in \
Lisbon and Porto to clear roads blocked by fallen trees.</p></article></body></html>";

#[test]
fn parse_html_files_give_the_article_and_html_ranges() {
    let out = run(&["parse", "--html", "--json", "-"], PAGE.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["title"], "Storm hits the coast");
    assert!(doc["body"]
        .as_str()
        .unwrap()
        .starts_with("A storm hit the coast"));
    assert_eq!(doc["metadata"]["publisher"], "Example News");
    let html: Vec<char> = PAGE.chars().collect();
    for b in doc["blocks"].as_array().unwrap() {
        let (s, e) = (
            b["html_start"].as_u64().unwrap() as usize,
            b["html_end"].as_u64().unwrap() as usize,
        );
        let slice: String = html[s..e].iter().collect();
        assert!(slice.contains(b["text"].as_str().unwrap().split(' ').next().unwrap()));
    }
    // The text view reads the same page.
    let out = run(&["parse", "--html", "-"], PAGE.as_bytes());
    assert!(out.status.success());
    assert!(stdout(&out).contains("Storm hits the coast"));
}

#[test]
fn batch_records_may_carry_html() {
    let page = serde_json::to_string(PAGE).unwrap();
    let input = format!(
        "{{\"id\":1,\"html\":{page}}}\n{{\"id\":2,\"text\":\"Hello.\",\"html\":\"<p>x</p>\"}}\n{{\"id\":3,\"html\":5}}\n"
    );
    let out = run(&["batch"], input.as_bytes());
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines[0]["document"]["title"], "Storm hits the coast");
    assert!(lines[0]["document"]["blocks"][0]["html_start"].is_u64());
    assert_eq!(lines[1]["error"]["kind"], "invalid_record");
    assert_eq!(lines[2]["error"]["kind"], "wrong_type");
}

#[test]
fn batch_arrow_writes_one_stream_per_table() {
    use arrow_array::cast::AsArray;
    use arrow_array::Array;
    use nutgraf_arrow::Table;

    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("tables");
    let texts = [
        ARTICLE,
        "Talks postponed\n\nThe talks were postponed, officials said on Monday.",
        "Deal signed\n\nBoth leaders signed 12 agreements worth $2.5 billion.",
    ];
    let record = |id: &str, text: &str| {
        format!(
            r#"{{"id": {id}, "text": {}, "published": "2023-10-17"}}"#,
            Value::from(text)
        )
    };
    let input = batch_input(&[
        &record(r#""a""#, texts[0]),
        r"not json",
        &record("7", texts[1]),
        &record("null", texts[2]),
    ]);
    let out = run(
        &[
            "batch",
            "--words",
            "--chunk-size",
            "2",
            "--arrow",
            tables.to_str().unwrap(),
        ],
        &input,
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    // Only the bad record is written out.
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["error"]["kind"], "invalid_json");

    let meta = nutgraf::Meta::new()
        .with_published_str("2023-10-17")
        .unwrap();
    let parser = nutgraf::Parser::new(nutgraf::Options::new().syntax(true));
    let docs: Vec<_> = texts
        .iter()
        .map(|t| parser.parse(t, &meta).unwrap())
        .collect();
    for table in Table::ALL {
        let file = std::fs::File::open(tables.join(format!("{table}.arrows"))).unwrap();
        let reader = arrow_ipc::reader::StreamReader::try_new(file, None).unwrap();
        assert_eq!(reader.schema(), table.schema(), "{table}");
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        // Chunks of two documents: the first two records, then the last one.
        assert_eq!(batches.len(), 2, "{table}");
        let rows: usize = batches.iter().map(arrow_array::RecordBatch::num_rows).sum();
        let want = match table {
            Table::Documents => docs.len(),
            Table::Sentences => docs.iter().map(|d| d.sentences.len()).sum(),
            Table::Words => docs.iter().map(|d| d.words.len()).sum(),
            Table::Quantities => docs.iter().map(|d| d.quantities.len()).sum(),
            _ => continue,
        };
        assert_eq!(rows, want, "{table}");
        if table == Table::Documents {
            let ids: Vec<String> = batches
                .iter()
                .flat_map(|b| {
                    let ids = b.column(0).as_string::<i32>();
                    (0..ids.len())
                        .map(|i| ids.value(i).to_owned())
                        .collect::<Vec<_>>()
                })
                .collect();
            // A record without an id gets its position among the documents.
            assert_eq!(ids, ["a", "7", "2"]);
        }
    }
}
