//! Near-duplicate detection on real articles and near-copies made from them.
//!
//! Reads the `text` field (else `raw_text`) of each record of one or more JSONL
//! files, parses it (layout on) and keeps its `body`. Each article then gets
//! one near-copy of each [`Kind`], made deterministically (a fixed seed per
//! article and kind) as another site or an update would serve it: the title
//! and the body's paragraphs laid out as a page, changed by that kind, and
//! parsed again, so that the copy's body is what nutgraf itself makes of it
//! (the layout of the new page may cut the article short, or lose it).
//!
//! The generation follows the words of issue 12 ("the same article with other
//! furniture, captions, a moved or dropped paragraph or light edits") with
//! fixed parameters: three furniture lines, one caption, one paragraph moved
//! or dropped, three words changed, one sentence reworded. An edit stays
//! light in a short article: at most one word in twenty is changed, and a
//! sentence is reworded only in articles of four sentences or more.
//!
//! Reported: recall of the near-copies per kind (a copy is found when
//! [`DuplicateIndex::find`] over the originals returns its original), the pairs
//! found among the distinct originals (false pairs, unless two records really
//! are one article: each is printed with its similarity, the exact similarity
//! of its shingles, its story when the records have one, and first lines), and
//! the speed of the index alone. `--exact` adds the exact Jaccard similarity
//! and containment of word shingles of every copy and every pair of originals
//! for shingles of 2 to 8 words, and checks the index's Jaccard estimate
//! against the exact value; `--sweep` runs the index over a grid of options.
//! These are the figures the defaults of [`DuplicateOptions`] were chosen
//! from.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::Instant;

use nutgraf::corpus::{DuplicateIndex, DuplicateOptions};
use nutgraf::{Meta, Parser};
use rayon::prelude::*;

use crate::jsonl;

/// How a near-copy differs from its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The same title and paragraphs parsed again (the control).
    Reparsed,
    /// Three furniture lines ("Advertisement", "Share this article"...) added
    /// before, between or after paragraphs.
    Furniture,
    /// A photo caption (a run of the article's words with a credit) added.
    Caption,
    /// One paragraph moved elsewhere.
    Moved,
    /// One paragraph dropped.
    Dropped,
    /// Three words replaced by other words of the article (one in twenty
    /// words at most, at least one).
    Words,
    /// Quote marks, dashes, commas and spaces changed.
    Punctuation,
    /// One sentence reworded: its halves swapped and one word changed (in
    /// articles of four sentences or more; else the copy is unchanged).
    Reworded,
    /// Furniture, a caption and a moved paragraph.
    Page,
    /// Three words, punctuation and a reworded sentence.
    Edits,
    /// Everything above at once.
    All,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 11] = [
        Kind::Reparsed,
        Kind::Furniture,
        Kind::Caption,
        Kind::Moved,
        Kind::Dropped,
        Kind::Words,
        Kind::Punctuation,
        Kind::Reworded,
        Kind::Page,
        Kind::Edits,
        Kind::All,
    ];

    /// The kind's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Reparsed => "reparsed",
            Kind::Furniture => "furniture",
            Kind::Caption => "caption",
            Kind::Moved => "moved",
            Kind::Dropped => "dropped",
            Kind::Words => "words",
            Kind::Punctuation => "punctuation",
            Kind::Reworded => "reworded",
            Kind::Page => "page",
            Kind::Edits => "edits",
            Kind::All => "all",
        }
    }

    /// Whether the kind moves or drops a paragraph (so needs two).
    fn needs_paragraphs(self) -> bool {
        matches!(self, Kind::Moved | Kind::Dropped | Kind::Page | Kind::All)
    }
}

const FURNITURE: [&str; 20] = [
    "Advertisement",
    "Share this article",
    "Photo: Reuters",
    "Story continues below advertisement",
    "Sign up for our daily newsletter",
    "Follow us on Twitter and Facebook",
    "Read more:",
    "Related coverage",
    "Click here to subscribe",
    "Copyright 2019 The Associated Press. All rights reserved.",
    "Image copyright Getty Images",
    "Skip to main content",
    "Comments",
    "Most popular",
    "Listen to this article",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Email",
    "Print",
    "Reporting by Jane Doe; Editing by John Smith",
    "Recommended",
];

const CAPTION_LABELS: [&str; 3] = ["Photo", "FILE PHOTO", "Image"];
const CAPTION_CREDITS: [&str; 4] = ["Reuters/Staff", "AP Photo/John Doe", "Getty Images", "AFP"];

/// The generator of one article's copies of one kind.
type Rng = crate::SplitMix;

/// The generator seeded per article and kind.
fn rng_for(article: usize, kind: Kind) -> Rng {
    crate::SplitMix(0x6475_7065_7300_0000 ^ ((article as u64) << 8) ^ kind as u64)
}

/// Byte ranges of the words (alphanumeric runs) of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Replace `n` random words of `paragraphs` by other words of the article.
fn change_words(paragraphs: &mut [String], n: usize, rng: &mut Rng) {
    let vocabulary: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| {
            word_ranges(p)
                .into_iter()
                .map(move |(s, e)| p[s..e].to_owned())
        })
        .collect();
    if vocabulary.len() < 2 {
        return;
    }
    for _ in 0..n {
        let p = rng.below(paragraphs.len());
        let words = word_ranges(&paragraphs[p]);
        if words.is_empty() {
            continue;
        }
        let (s, e) = words[rng.below(words.len())];
        let old = paragraphs[p][s..e].to_owned();
        let new = (0..8)
            .map(|_| &vocabulary[rng.below(vocabulary.len())])
            .find(|w| **w != old)
            .cloned()
            .unwrap_or_else(|| "changed".to_owned());
        paragraphs[p].replace_range(s..e, &new);
    }
}

/// Change quote marks, dashes, three commas and three spaces.
fn change_punctuation(paragraphs: &mut [String], rng: &mut Rng) {
    let mut open = true;
    for p in paragraphs.iter_mut() {
        let mut out = String::with_capacity(p.len() + 16);
        for c in p.chars() {
            match c {
                '"' => {
                    out.push(if open { '\u{201c}' } else { '\u{201d}' });
                    open = !open;
                }
                '\u{201c}' | '\u{201d}' => out.push('"'),
                '\'' => out.push('\u{2019}'),
                '\u{2019}' | '\u{2018}' => out.push('\''),
                '\u{2014}' => out.push_str(" - "),
                _ => out.push(c),
            }
        }
        *p = out.replace(" - ", " \u{2014} ");
    }
    for _ in 0..3 {
        let p = rng.below(paragraphs.len());
        let commas: Vec<usize> = paragraphs[p].match_indices(',').map(|(i, _)| i).collect();
        if !commas.is_empty() {
            let at = commas[rng.below(commas.len())];
            paragraphs[p].replace_range(at..=at, "");
        }
        let p = rng.below(paragraphs.len());
        let spaces: Vec<usize> = paragraphs[p].match_indices(' ').map(|(i, _)| i).collect();
        if !spaces.is_empty() {
            let at = spaces[rng.below(spaces.len())];
            paragraphs[p].insert(at, ' ');
        }
    }
}

/// Reword one sentence of eight words or more: swap its halves ("The army
/// said on Monday that twelve died" -> "that twelve died, the army said on
/// Monday") and change one of its words. Only in an article of four sentences
/// or more, so that the edit stays light.
fn reword(paragraphs: &mut [String], rng: &mut Rng) {
    // Sentences: (paragraph, start, end) split after ". ", "? ", "! ".
    let mut sentences = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut start = 0;
        let bytes = p.as_bytes();
        for i in 0..bytes.len() {
            let end = matches!(bytes[i], b'.' | b'?' | b'!')
                && bytes.get(i + 1).is_none_or(|b| *b == b' ');
            if end {
                sentences.push((pi, start, i));
                start = (i + 2).min(p.len());
            }
        }
        if start < p.len() {
            sentences.push((pi, start, p.len()));
        }
    }
    if sentences.len() < 4 {
        return;
    }
    sentences.retain(|&(p, s, e)| word_ranges(&paragraphs[p][s..e]).len() >= 8);
    if sentences.is_empty() {
        return;
    }
    let (p, s, e) = sentences[rng.below(sentences.len())];
    let sentence = paragraphs[p][s..e].to_owned();
    let words = word_ranges(&sentence);
    let cut = words[words.len() / 3 + rng.below(words.len() / 3)].0;
    let (head, tail) = sentence.split_at(cut);
    let head = head.trim_end().trim_end_matches(',');
    let mut reworded = String::with_capacity(sentence.len() + 4);
    reworded.push_str(tail.trim());
    reworded.push_str(", ");
    let mut chars = head.chars();
    if let Some(first) = chars.next() {
        reworded.extend(first.to_lowercase());
        reworded.push_str(chars.as_str());
    }
    let mut one = [reworded];
    change_words(&mut one, 1, rng);
    let [reworded] = one;
    paragraphs[p].replace_range(s..e, &reworded);
}

/// A caption: a run of 8 to 14 of the article's words, labelled and credited.
fn caption(paragraphs: &[String], rng: &mut Rng) -> String {
    let p = &paragraphs[rng.below(paragraphs.len())];
    let words = word_ranges(p);
    let len = 8 + rng.below(7);
    let mut text = String::new();
    if !words.is_empty() {
        let from = rng.below(words.len().saturating_sub(len).max(1));
        let to = (from + len).min(words.len()) - 1;
        p[words[from].0..words[to].1].clone_into(&mut text);
    }
    format!(
        "{}: {text}. ({})",
        CAPTION_LABELS[rng.below(CAPTION_LABELS.len())],
        CAPTION_CREDITS[rng.below(CAPTION_CREDITS.len())]
    )
}

/// Insert `line` as a paragraph at a random boundary (first to last).
fn insert_line(paragraphs: &mut Vec<String>, line: String, rng: &mut Rng) {
    let at = rng.below(paragraphs.len() + 1);
    paragraphs.insert(at, line);
}

/// The page of a near-copy of kind `kind` of the article with `title` and
/// `body`, or `None` when the kind does not apply (one paragraph only).
pub fn near_copy(title: Option<&str>, body: &str, kind: Kind, article: usize) -> Option<String> {
    let mut paragraphs: Vec<String> = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    if paragraphs.is_empty() || (kind.needs_paragraphs() && paragraphs.len() < 2) {
        return None;
    }
    let mut rng = rng_for(article, kind);
    let page_furniture = matches!(kind, Kind::Furniture | Kind::Page | Kind::All);
    let edits = matches!(kind, Kind::Edits | Kind::All);
    if matches!(kind, Kind::Dropped | Kind::All) {
        let at = rng.below(paragraphs.len());
        paragraphs.remove(at);
    }
    if matches!(kind, Kind::Moved | Kind::Page | Kind::All) && paragraphs.len() >= 2 {
        let from = rng.below(paragraphs.len());
        let p = paragraphs.remove(from);
        let mut to = rng.below(paragraphs.len());
        if to >= from {
            to += 1; // never back where it was
        }
        paragraphs.insert(to.min(paragraphs.len()), p);
    }
    if matches!(kind, Kind::Words) || edits {
        // Three words, but no more than one word in twenty: light.
        let words: usize = paragraphs.iter().map(|p| word_ranges(p).len()).sum();
        change_words(&mut paragraphs, (words / 20).clamp(1, 3), &mut rng);
    }
    if matches!(kind, Kind::Punctuation) || edits {
        change_punctuation(&mut paragraphs, &mut rng);
    }
    if matches!(kind, Kind::Reworded) || edits {
        reword(&mut paragraphs, &mut rng);
    }
    if matches!(kind, Kind::Caption | Kind::Page | Kind::All) {
        let line = caption(&paragraphs, &mut rng);
        insert_line(&mut paragraphs, line, &mut rng);
    }
    if page_furniture {
        for _ in 0..3 {
            let line = FURNITURE[rng.below(FURNITURE.len())].to_owned();
            insert_line(&mut paragraphs, line, &mut rng);
        }
    }
    let mut page = String::new();
    if let Some(t) = title {
        page.push_str(t);
        page.push_str("\n\n");
    }
    page.push_str(&paragraphs.join("\n\n"));
    Some(page)
}

/// One original article.
struct Article {
    /// `file:id` of its record.
    name: String,
    title: Option<String>,
    body: String,
    words: usize,
    /// The record's `story` (ECB+), if it has one.
    story: Option<String>,
}

/// One near-copy.
struct Copy {
    article: usize,
    kind: Kind,
    body: String,
    /// Exact Jaccard similarity and containment with the original's body.
    exact: (f64, f64),
}

fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut s: String = line.chars().take(90).collect();
    if line.chars().count() > 90 {
        s.push('…');
    }
    s
}

/// Options of the index from the command line, over the defaults.
fn options(args: &[String]) -> Result<DuplicateOptions, String> {
    let mut o = DuplicateOptions::new();
    if let Some(t) = jsonl::opt_str(args, "--threshold")? {
        o = o.threshold(t.parse().map_err(|_| "--threshold takes a number")?);
    }
    if let Some(k) = jsonl::opt_usize(args, "--shingle")? {
        o = o.shingle(k);
    }
    if let Some(h) = jsonl::opt_usize(args, "--hashes")? {
        o = o.hashes(h);
    }
    if let Some(b) = jsonl::opt_usize(args, "--bands")? {
        o = o.bands(b);
    }
    if let Some(r) = jsonl::opt_usize(args, "--rows")? {
        o = o.rows(r);
    }
    if jsonl::flag(args, "--jaccard") {
        o = o.containment(false);
    }
    if jsonl::flag(args, "--no-lede") {
        o = o.lede(false);
    }
    Ok(o)
}

/// Options that take a value.
const VALUED: [&str; 8] = [
    "--threshold",
    "--shingle",
    "--hashes",
    "--bands",
    "--rows",
    "--errors",
    "--show",
    "--pairs",
];

/// The files among `args` (arguments that are not options or their values).
fn files(args: &[String]) -> Vec<&String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if VALUED.contains(&a.as_str()) {
            skip = true;
        } else if !a.starts_with("--") {
            out.push(a);
        }
    }
    out
}

/// Every record of `paths` as (`folder:id`, text, story).
fn read_records(paths: &[&String]) -> Result<Vec<(String, String, Option<String>)>, String> {
    let mut records = Vec::new();
    for path in paths {
        let short = std::path::Path::new(path.as_str())
            .parent()
            .and_then(|p| p.file_name())
            .map_or_else(|| (*path).clone(), |n| n.to_string_lossy().into_owned());
        for (i, r) in jsonl::read(path)?.into_iter().enumerate() {
            let text = jsonl::text_of(&r).unwrap_or("").to_owned();
            let id = r["id"]
                .as_str()
                .map_or_else(|| i.to_string(), str::to_owned);
            let story = r["story"].as_str().map(str::to_owned);
            records.push((format!("{short}:{id}"), text, story));
        }
    }
    Ok(records)
}

/// The articles of `paths` with a body, how many had none, and their
/// near-copies (printing the pages and bodies of article `show`'s).
fn prepare(
    paths: &[&String],
    shingle: usize,
    show: Option<&str>,
) -> Result<(Vec<Article>, usize, Vec<Copy>), String> {
    let parser = Parser::default();
    let meta = Meta::new();
    let records = read_records(paths)?;
    let parsed: Vec<Article> = records
        .par_iter()
        .map(|(name, text, story)| {
            let doc = parser.parse(text, &meta).ok();
            let body = doc.as_ref().map(|d| d.body.clone()).unwrap_or_default();
            Article {
                name: name.clone(),
                title: doc.and_then(|d| d.title),
                words: word_ranges(&body).len(),
                body,
                story: story.clone(),
            }
        })
        .collect();
    let empty = parsed.iter().filter(|a| a.words == 0).count();
    let articles: Vec<Article> = parsed.into_iter().filter(|a| a.words > 0).collect();
    let jobs: Vec<(usize, Kind)> = (0..articles.len())
        .flat_map(|a| Kind::ALL.iter().map(move |&k| (a, k)))
        .collect();
    let copies: Vec<Copy> = jobs
        .par_iter()
        .filter_map(|&(a, kind)| {
            let art = &articles[a];
            let page = near_copy(art.title.as_deref(), &art.body, kind, a)?;
            let body = parser
                .parse(&page, &meta)
                .map(|d| d.body)
                .unwrap_or_default();
            if show == Some(art.name.as_str()) {
                println!(
                    "=== {} page\n{page}\n=== {} body\n{body}",
                    kind.name(),
                    kind.name()
                );
            }
            let exact = exact_similarity(&art.body, &body, shingle);
            Some(Copy {
                article: a,
                kind,
                body,
                exact,
            })
        })
        .collect();
    Ok((articles, empty, copies))
}

/// The headline figures of near-duplicate detection on some corpora.
#[derive(Debug, Clone, Copy)]
pub struct DuplicateReport {
    /// Articles with a body.
    pub articles: usize,
    /// Near-copies made of them (all kinds but the control).
    pub copies: usize,
    /// Near-copies found with their original.
    pub found: usize,
    /// Pairs of distinct articles found.
    pub pairs: usize,
    /// Of them, pairs of records of different stories (ECB+'s `story`).
    pub pairs_across_stories: usize,
    /// Of them, pairs with a record that has no story (other corpora).
    pub pairs_without_story: usize,
}

/// Score near-duplicate detection with `options` on the JSONL files `paths`.
pub fn score(paths: &[&str], options: DuplicateOptions) -> Result<DuplicateReport, String> {
    let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
    let paths: Vec<&String> = paths.iter().collect();
    let (articles, _, copies) = prepare(&paths, options.get_shingle(), None)?;
    let outcome = evaluate(&articles, &copies, options);
    let threshold = options.get_threshold();
    let (found, n) = recall_of(&copies, &outcome, threshold, |_| true);
    let pairs: Vec<_> = outcome.pairs.iter().filter(|p| p.2 >= threshold).collect();
    let story = |i: usize| articles[i].story.as_deref();
    Ok(DuplicateReport {
        articles: articles.len(),
        copies: n,
        found,
        pairs: pairs.len(),
        pairs_across_stories: pairs
            .iter()
            .filter(|p| matches!((story(p.0), story(p.1)), (Some(a), Some(b)) if a != b))
            .count(),
        pairs_without_story: pairs
            .iter()
            .filter(|p| story(p.0).is_none() || story(p.1).is_none())
            .count(),
    })
}

/// Run the `duplicates` task on `args`.
pub fn run(args: &[String]) -> Result<(), String> {
    let paths = files(args);
    if paths.is_empty() {
        return Err("duplicates takes one or more JSONL files".into());
    }
    let options = options(args)?;
    let errors = jsonl::opt_usize(args, "--errors")?.unwrap_or(10);
    let show = jsonl::opt_str(args, "--show")?;
    let (articles, empty, copies) = prepare(&paths, options.get_shingle(), show)?;

    println!(
        "{} articles with a body from {} files ({empty} without a body word left out), {} near-copies",
        articles.len(),
        paths.len(),
        copies.len()
    );
    println!(
        "index: shingles of {} words, {} hashes, {} bands x {} rows, {} >= {:.2}",
        options.get_shingle(),
        options.get_hashes(),
        options.get_bands(),
        options.get_rows(),
        if options.get_containment() {
            "containment"
        } else {
            "Jaccard"
        },
        options.get_threshold()
    );
    let outcome = evaluate(&articles, &copies, options);
    report_recall(
        &articles,
        &copies,
        &outcome,
        options.get_threshold(),
        errors,
    );
    report_pairs(&articles, &outcome, options);
    report_speed(&articles, &copies, options);
    if jsonl::flag(args, "--exact") {
        report_exact(&articles, &copies);
        report_calibration(&articles, options);
    }
    if jsonl::flag(args, "--sweep") {
        sweep(&articles, &copies);
    }
    Ok(())
}

/// What an index made of the originals and copies, at threshold 0 (every
/// candidate with its similarity), to be read at any threshold.
struct Outcome {
    /// Per copy: the similarity its original was found with, if found.
    original: Vec<Option<f64>>,
    /// Per copy: the similarities of the other articles found.
    wrong: Vec<Vec<f64>>,
    /// Pairs of originals found, earlier first, with their similarity.
    pairs: Vec<(usize, usize, f64)>,
}

fn evaluate(articles: &[Article], copies: &[Copy], options: DuplicateOptions) -> Outcome {
    let mut index = DuplicateIndex::new(options.threshold(0.0));
    let mut pairs = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        for (j, sim) in index.add(&a.body) {
            pairs.push((j, i, sim));
        }
    }
    let found: Vec<Vec<(usize, f64)>> = copies.par_iter().map(|c| index.find(&c.body)).collect();
    Outcome {
        original: copies
            .iter()
            .zip(&found)
            .map(|(c, r)| r.iter().find(|(j, _)| *j == c.article).map(|r| r.1))
            .collect(),
        wrong: copies
            .iter()
            .zip(&found)
            .map(|(c, r)| {
                r.iter()
                    .filter(|(j, _)| *j != c.article)
                    .map(|r| r.1)
                    .collect()
            })
            .collect(),
        pairs,
    }
}

/// Copies found at `threshold` and copies counted, over those `keep` selects
/// (the control, reparsed, never counts).
fn recall_of(
    copies: &[Copy],
    outcome: &Outcome,
    threshold: f64,
    keep: impl Fn(&Copy) -> bool,
) -> (usize, usize) {
    let mut n = 0;
    let mut found = 0;
    for (c, o) in copies.iter().zip(&outcome.original) {
        if c.kind != Kind::Reparsed && keep(c) {
            n += 1;
            found += usize::from(o.is_some_and(|s| s >= threshold));
        }
    }
    (found, n)
}

fn report_recall(
    articles: &[Article],
    copies: &[Copy],
    outcome: &Outcome,
    threshold: f64,
    errors: usize,
) {
    println!(
        "\n{:12} {:>6} {:>6} {:>8} {:>9} {:>9} {:>6} {:>6}",
        "kind", "copies", "found", "recall", "mean sim", "min sim", "wrong", "lost"
    );
    let mut misses = Vec::new();
    for kind in Kind::ALL {
        let (mut n, mut found, mut wrong, mut lost) = (0, 0, 0, 0);
        let (mut sum, mut min) = (0.0, f64::INFINITY);
        for ((c, o), w) in copies
            .iter()
            .zip(&outcome.original)
            .zip(&outcome.wrong)
            .filter(|((c, _), _)| c.kind == kind)
        {
            n += 1;
            wrong += w.iter().filter(|&&s| s >= threshold).count();
            lost += usize::from(c.exact.1 == 0.0);
            match o {
                Some(sim) if *sim >= threshold => {
                    found += 1;
                    sum += sim;
                    min = min.min(*sim);
                }
                _ => misses.push(c),
            }
        }
        println!(
            "{:12} {n:6} {found:6} {:7.2}% {:9.3} {:9.3} {wrong:6} {lost:6}",
            kind.name(),
            100.0 * crate::ratio(found, n),
            sum / found.max(1) as f64,
            if found == 0 { 0.0 } else { min }
        );
    }
    let (found, n) = recall_of(copies, outcome, threshold, |_| true);
    println!(
        "{:12} {n:6} {found:6} {:7.2}%   all kinds but the control (reparsed)",
        "overall",
        100.0 * crate::ratio(found, n)
    );
    for (label, short) in [("< 100 words", true), (">= 100 words", false)] {
        let (found, n) = recall_of(copies, outcome, threshold, |c| {
            (articles[c.article].words < 100) == short
        });
        println!(
            "  {label:12} {n:6} {found:6} {:7.2}%",
            100.0 * crate::ratio(found, n)
        );
    }
    let (found, n) = recall_of(copies, outcome, threshold, |c| c.exact.1 > 0.0);
    println!(
        "  {:12} {n:6} {found:6} {:7.2}%   copies that kept a shingle of the original (`lost`: the layout of the copy's page lost the article)",
        "not lost",
        100.0 * crate::ratio(found, n)
    );
    if errors > 0 && !misses.is_empty() {
        println!(
            "\nmissed copies (first {} of {}):",
            errors.min(misses.len()),
            misses.len()
        );
        for c in misses.iter().take(errors) {
            let a = &articles[c.article];
            println!(
                "  {} {}: {} words -> {}, exact Jaccard {:.2}, containment {:.2}\n    {}\n    {}",
                c.kind.name(),
                a.name,
                a.words,
                word_ranges(&c.body).len(),
                c.exact.0,
                c.exact.1,
                first_line(&a.body),
                first_line(&c.body)
            );
        }
    }
}

fn report_pairs(articles: &[Article], outcome: &Outcome, options: DuplicateOptions) {
    let threshold = options.get_threshold();
    let pairs: Vec<_> = outcome.pairs.iter().filter(|p| p.2 >= threshold).collect();
    println!(
        "\npairs among the {} distinct articles: {}",
        articles.len(),
        pairs.len()
    );
    for &&(i, j, sim) in &pairs {
        let (a, b) = (&articles[i], &articles[j]);
        let (jac, con) = exact_similarity(&a.body, &b.body, options.get_shingle());
        let story = match (&a.story, &b.story) {
            (Some(x), Some(y)) if x == y => "; same story",
            (Some(_), Some(_)) => "; DIFFERENT STORIES",
            _ => "",
        };
        println!(
            "  {sim:.2} (exact Jaccard {jac:.2}, containment {con:.2}; {} and {} words{story})\n    {}: {}\n    {}: {}",
            a.words,
            b.words,
            a.name,
            first_line(&a.body),
            b.name,
            first_line(&b.body)
        );
    }
}

/// Speed of the index alone: every original and copy added in turn, on one
/// thread.
fn report_speed(articles: &[Article], copies: &[Copy], options: DuplicateOptions) {
    let bodies: Vec<&str> = articles
        .iter()
        .map(|a| a.body.as_str())
        .chain(copies.iter().map(|c| c.body.as_str()))
        .collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    let mut index = DuplicateIndex::new(options);
    let start = Instant::now();
    let mut pairs = 0;
    for b in &bodies {
        pairs += index.add(b).len();
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    println!(
        "\nindex alone (one thread): {} documents ({:.1} MB) in {secs:.3} s: {:.0} documents/s, {:.1} MB/s; {pairs} pairs; {} bytes held",
        bodies.len(),
        bytes as f64 / 1e6,
        bodies.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        index.memory_bytes(),
    );
}

/// Recall and pairs of originals over a grid of index options.
fn sweep(articles: &[Article], copies: &[Copy]) {
    const THRESHOLDS: [f64; 6] = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    println!(
        "\nsweep: overall recall % / worst kind's recall % / pairs of originals / of them across stories, per threshold"
    );
    let mut line = format!("{:30}", "shingle hashes bands rows sim");
    for t in THRESHOLDS {
        let _ = write!(line, " {:>21}", format!("{t:.2}"));
    }
    println!("{line}");
    for shingle in [3, 4, 5, 6] {
        for (hashes, bands, rows) in [
            (128, 32, 4),
            (128, 32, 2),
            (128, 16, 2),
            (128, 8, 1),
            (128, 16, 1),
            (64, 16, 1),
        ] {
            for containment in [false, true] {
                let options = DuplicateOptions::new()
                    .shingle(shingle)
                    .hashes(hashes)
                    .bands(bands)
                    .rows(rows)
                    .containment(containment);
                let outcome = evaluate(articles, copies, options);
                let mut line = format!(
                    "{shingle:7} {hashes:6} {bands:5} {rows:4} {:>4}",
                    if containment { "C" } else { "J" }
                );
                for t in THRESHOLDS {
                    let (found, n) = recall_of(copies, &outcome, t, |_| true);
                    let worst = Kind::ALL[1..]
                        .iter()
                        .map(|&k| {
                            let (f, n) = recall_of(copies, &outcome, t, |c| c.kind == k);
                            crate::ratio(f, n)
                        })
                        .fold(1.0, f64::min);
                    let pairs = outcome.pairs.iter().filter(|p| p.2 >= t).count();
                    let cross = outcome
                        .pairs
                        .iter()
                        .filter(|p| p.2 >= t && articles[p.0].story != articles[p.1].story)
                        .count();
                    let _ = write!(
                        line,
                        " {:>6.2}/{:>5.1}/{pairs:>3}/{cross:>2}",
                        100.0 * crate::ratio(found, n),
                        100.0 * worst
                    );
                }
                println!("{line}");
            }
        }
    }
}

/// The distinct hashed shingles of `k` words of `text` (one shingle of all
/// its words when it has fewer), independently of the index's hashing.
fn shingles(text: &str, k: usize) -> Vec<u64> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let k = k.min(words.len());
    if k == 0 {
        return Vec::new();
    }
    let mut out: Vec<u64> = words
        .windows(k)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Shared elements of two sorted sets.
fn intersection(left: &[u64], right: &[u64]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        match left[i].cmp(&right[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Exact Jaccard similarity and containment (shared shingles over the smaller
/// set) of two texts' shingles.
fn exact_similarity(a: &str, b: &str, k: usize) -> (f64, f64) {
    let (a, b) = (shingles(a, k), shingles(b, k));
    let shared = intersection(&a, &b);
    (
        crate::ratio(shared, a.len() + b.len() - shared),
        crate::ratio(shared, a.len().min(b.len())),
    )
}

const EXACT_THRESHOLDS: [f64; 8] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// For shingles of 2 to 8 words: the share of copies (per kind) whose exact
/// Jaccard similarity and containment reach each threshold, and the pairs of
/// originals that reach it.
fn report_exact(articles: &[Article], copies: &[Copy]) {
    for k in 2..=8 {
        let sets: Vec<Vec<u64>> = articles.par_iter().map(|a| shingles(&a.body, k)).collect();
        let sims: Vec<(Kind, f64, f64)> = copies
            .par_iter()
            .map(|c| {
                let b = shingles(&c.body, k);
                let a = &sets[c.article];
                let shared = intersection(a, &b);
                (
                    c.kind,
                    crate::ratio(shared, a.len() + b.len() - shared),
                    crate::ratio(shared, a.len().min(b.len())),
                )
            })
            .collect();
        // Pairs of originals: shared shingles counted through an inverted index.
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, s) in sets.iter().enumerate() {
            for &h in s {
                postings.entry(h).or_default().push(i);
            }
        }
        let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
        for docs in postings.values() {
            for (x, &i) in docs.iter().enumerate() {
                for &j in &docs[x + 1..] {
                    *shared.entry((i, j)).or_default() += 1;
                }
            }
        }
        let pairs: Vec<(f64, f64)> = shared
            .iter()
            .map(|(&(i, j), &n)| {
                let (a, b) = (sets[i].len(), sets[j].len());
                (crate::ratio(n, a + b - n), crate::ratio(n, a.min(b)))
            })
            .collect();
        println!("\nexact similarity, shingles of {k} words");
        for (measure, pick) in [("jaccard", 0usize), ("containment", 1)] {
            let mut line = format!("  {measure:12} threshold");
            for t in EXACT_THRESHOLDS {
                let _ = write!(line, " {t:>6.2}");
            }
            println!("{line}");
            for kind in Kind::ALL {
                let all: Vec<f64> = sims
                    .iter()
                    .filter(|s| s.0 == kind)
                    .map(|s| if pick == 0 { s.1 } else { s.2 })
                    .collect();
                let mut line = format!("  {:22}", kind.name());
                for t in EXACT_THRESHOLDS {
                    let hit = all.iter().filter(|&&s| s >= t).count();
                    let _ = write!(line, " {:>6.2}", 100.0 * crate::ratio(hit, all.len()));
                }
                println!("{line}");
            }
            let mut line = format!("  {:22}", "pairs of originals");
            for t in EXACT_THRESHOLDS {
                let n = pairs
                    .iter()
                    .filter(|p| if pick == 0 { p.0 >= t } else { p.1 >= t })
                    .count();
                let _ = write!(line, " {n:>6}");
            }
            println!("{line}");
        }
    }
}

/// How far the index's Jaccard estimate is from the exact value, in standard
/// deviations of a binomial over the hash functions, for pairs of neighbouring
/// originals (same corpus, often same topic) that share a shingle.
fn report_calibration(articles: &[Article], options: DuplicateOptions) {
    let hashes = options.get_hashes();
    // Every hash function a band of its own: no candidate is left out, so the
    // estimate of each pair is seen whatever its value.
    let options = options
        .containment(false)
        .lede(false)
        .threshold(0.0)
        .bands(hashes)
        .rows(1);
    let z: Vec<f64> = (0..articles.len())
        .into_par_iter()
        .flat_map_iter(|i| (i + 1..(i + 12).min(articles.len())).map(move |j| (i, j)))
        .filter_map(|(i, j)| {
            let (exact, _) =
                exact_similarity(&articles[i].body, &articles[j].body, options.get_shingle());
            if exact <= 0.0 || exact >= 1.0 {
                return None;
            }
            let mut index = DuplicateIndex::new(options);
            index.add(&articles[i].body);
            let estimate = index.find(&articles[j].body).first().map_or(0.0, |r| r.1);
            Some((estimate - exact) / (exact * (1.0 - exact) / hashes as f64).sqrt())
        })
        .collect();
    let n = z.len().max(1) as f64;
    let mean = z.iter().sum::<f64>() / n;
    let rms = (z.iter().map(|z| z * z).sum::<f64>() / n).sqrt();
    println!(
        "
Jaccard estimate against exact, {} pairs of neighbouring articles: mean error {mean:+.3} sd, root mean square {rms:.3} sd (1 for an unbiased binomial estimate), beyond 3 sd: {}",
        z.len(),
        z.iter().filter(|z| z.abs() > 3.0).count()
    );
}
