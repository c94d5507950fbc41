//! Scale benchmark of near-duplicate detection: stream synthetic short
//! documents through [`DuplicateIndex::add`] on one thread and print documents
//! per second, the pairs found, the index's memory and the process's peak
//! resident memory. A benchmark, not a test: it checks its own answers (the
//! near-copies it planted are found, nothing else is paired) but asserts
//! nothing.
//!
//! ```text
//! cargo run --release -p nutgraf --example corpus_scale -- [--docs N] [--copies SHARE] [--keep K] [--corpus [--add]]
//! ```
//!
//! Defaults: 1,000,000 documents, a share of 0.1 of them near-copies, every
//! document kept. Each document is 60 to 120 words in paragraphs of two to
//! four sentences, drawn from a vocabulary of 50,000 made-up words with
//! Zipf's law (a word's frequency falls as one over its rank). A near-copy
//! takes an earlier original (any of them, uniformly) and changes up to three
//! words, drops or adds a sentence, and adds a furniture line. Everything is
//! generated from fixed seeds: the same run gives the same figures but time.
//! Texts are regenerated from their seed when a copy needs them, so the
//! benchmark's own memory is 8 bytes a document.
//!
//! Peak memory is the process's `VmHWM` from `/proc/self/status` (Linux; not
//! reported elsewhere).
//!
//! With `--corpus`, each document is parsed (layout off, in parallel, in
//! chunks) and added to a whole [`Corpus`] instead: near-duplicates, stories,
//! entities, claims and event timelines. The time reported is
//! [`Corpus::extend`]'s alone (what each document gives alone computed on the
//! rayon pool, then the documents joined in order), or with `--add`
//! [`Corpus::add`]'s, one document at a time on one thread; parsing is
//! reported apart. Each
//! document then also names one to three people of a pool of 20,000 made-up
//! names ("Mr Brailo Venistok said"), so that the entity and story stages
//! have names to work with.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use nutgraf::corpus::{Corpus, CorpusOptions, DuplicateIndex, DuplicateOptions};
use nutgraf::{Document, Meta, Options, Parser};

/// `SplitMix64`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const VOCABULARY: usize = 50_000;
const FURNITURE: [&str; 6] = [
    "Advertisement",
    "Share this article",
    "Photo: Reuters",
    "Read more:",
    "Sign up for our newsletter",
    "Story continues below advertisement",
];

/// The made-up words: two to four syllables each.
fn vocabulary() -> Vec<String> {
    const ONSETS: [&str; 16] = [
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st",
    ];
    const VOWELS: [&str; 8] = ["a", "e", "i", "o", "u", "ai", "ou", "ea"];
    let mut rng = Rng(0x766f_6361_6275_6c61);
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::with_capacity(VOCABULARY);
    while words.len() < VOCABULARY {
        let mut w = String::new();
        for _ in 0..2 + rng.below(3) {
            w.push_str(ONSETS[rng.below(ONSETS.len())]);
            w.push_str(VOWELS[rng.below(VOWELS.len())]);
        }
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    words
}

/// A word rank with Zipf's law (s = 1): log-uniform over the vocabulary.
#[allow(clippy::cast_sign_loss)] // exp() is positive
fn zipf(rng: &mut Rng) -> usize {
    let r = (rng.unit() * (VOCABULARY as f64).ln()).exp() as usize;
    r.saturating_sub(1).min(VOCABULARY - 1)
}

/// The sentences of the original with `seed`: word ranks, 60 to 120 words.
fn sentences(seed: u64, out: &mut Vec<Vec<usize>>) {
    out.clear();
    let mut rng = Rng(seed);
    let total = 60 + rng.below(61);
    let mut words = 0;
    while words < total {
        let len = (8 + rng.below(13)).min(total - words).max(1);
        out.push((0..len).map(|_| zipf(&mut rng)).collect());
        words += len;
    }
}

/// Write sentences as paragraphs of two to four sentences.
fn render(sentences: &[Vec<usize>], words: &[String], rng: &mut Rng, text: &mut String) {
    text.clear();
    let mut in_paragraph = 0;
    let mut paragraph_len = 2 + rng.below(3);
    for s in sentences {
        if in_paragraph == paragraph_len {
            text.push_str("\n\n");
            in_paragraph = 0;
            paragraph_len = 2 + rng.below(3);
        } else if !text.is_empty() {
            text.push(' ');
        }
        for (i, &w) in s.iter().enumerate() {
            let word = &words[w];
            if i == 0 {
                let mut chars = word.chars();
                if let Some(c) = chars.next() {
                    text.extend(c.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push('.');
        in_paragraph += 1;
    }
}

/// Change a copy's sentences: up to three words, a sentence dropped or added.
fn edit(sentences: &mut Vec<Vec<usize>>, rng: &mut Rng) {
    for _ in 0..=rng.below(3) {
        let s = rng.below(sentences.len());
        let w = rng.below(sentences[s].len());
        sentences[s][w] = zipf(rng);
    }
    if sentences.len() > 2 && rng.below(2) == 0 {
        let s = rng.below(sentences.len());
        sentences.remove(s);
    } else {
        let len = 8 + rng.below(13);
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, (0..len).map(|_| zipf(rng)).collect());
    }
}

/// `VmHWM` and `VmRSS` of this process, in bytes (Linux).
fn memory_status() -> Option<(usize, usize)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| -> Option<usize> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    Some((field("VmHWM:")?, field("VmRSS:")?))
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str) -> Result<Option<T>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{name} takes a number")),
    }
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let docs: usize = arg(&args, "--docs")?.unwrap_or(1_000_000);
    let share: f64 = arg(&args, "--copies")?.unwrap_or(0.1);
    let mut options = DuplicateOptions::new();
    if let Some(keep) = arg(&args, "--keep")? {
        options = options.keep(keep);
    }
    let words = vocabulary();
    let before = memory_status();
    if args.iter().any(|a| a == "--corpus") {
        let one_by_one = args.iter().any(|a| a == "--add");
        return whole_corpus(docs, share, options, &words, before, one_by_one);
    }

    let mut index = DuplicateIndex::new(options);
    let mut rng = Rng(0x636f_7270_7573_0001);
    // Per document: the seed of its original's text.
    let mut seeds: Vec<u64> = Vec::with_capacity(docs);
    let mut planted = 0usize;
    let mut found_planted = 0usize;
    let mut unexpected = 0usize;
    let mut pairs = 0usize;
    let mut bytes = 0usize;
    let mut text = String::new();
    let mut sents = Vec::new();
    let mut spent = Duration::ZERO;
    let wall = Instant::now();
    let mut progress = String::new();
    for id in 0..docs {
        let copy = id > 0 && rng.unit() < share;
        let original = if copy { rng.below(id) } else { id };
        if copy {
            // Copies of copies are copies of the first original.
            let seed = seeds[original];
            seeds.push(seed);
            sentences(seed, &mut sents);
            edit(&mut sents, &mut rng);
            render(&sents, &words, &mut rng, &mut text);
            let line = FURNITURE[rng.below(FURNITURE.len())];
            if rng.below(2) == 0 {
                text.insert_str(0, "\n\n");
                text.insert_str(0, line);
            } else {
                text.push_str("\n\n");
                text.push_str(line);
            }
            planted += 1;
        } else {
            let seed = rng.next();
            seeds.push(seed);
            sentences(seed, &mut sents);
            render(&sents, &words, &mut rng, &mut text);
        }
        bytes += text.len();

        let start = Instant::now();
        let found = index.add(&text);
        spent += start.elapsed();

        pairs += found.len();
        if copy {
            found_planted += usize::from(found.iter().any(|&(d, _)| d == original));
        }
        unexpected += found
            .iter()
            .filter(|&&(d, _)| seeds[d] != seeds[id])
            .count();
        if (id + 1) % 200_000 == 0 {
            progress.clear();
            let _ = write!(
                progress,
                "{} documents, {:.0} documents/s so far, index {:.0} MB",
                id + 1,
                (id + 1) as f64 / spent.as_secs_f64(),
                mb(index.memory_bytes())
            );
            eprintln!("{progress}");
        }
    }
    let secs = spent.as_secs_f64().max(1e-9);
    let held = index.memory_bytes();
    println!(
        "{docs} documents ({:.1} MB of text, {:.0} bytes each on average), {planted} near-copies planted",
        mb(bytes),
        bytes as f64 / docs.max(1) as f64
    );
    println!(
        "DuplicateIndex::add, one thread: {secs:.2} s, {:.0} documents/s, {:.1} MB/s (wall time with generation {:.2} s)",
        docs as f64 / secs,
        mb(bytes) / secs,
        wall.elapsed().as_secs_f64()
    );
    println!(
        "pairs found: {pairs}; planted copies found: {found_planted} of {planted} ({:.2}%); pairs of unrelated documents: {unexpected}",
        100.0 * found_planted as f64 / planted.max(1) as f64
    );
    println!(
        "index memory_bytes(): {:.1} MB ({:.0} bytes per document kept)",
        mb(held),
        held as f64 / docs.min(options.get_keep()).max(1) as f64
    );
    match (before, memory_status()) {
        (Some((_, rss0)), Some((hwm, rss))) => println!(
            "process: peak resident {:.1} MB (VmHWM), resident now {:.1} MB, resident before the index {:.1} MB; the benchmark's own arrays {:.1} MB",
            mb(hwm),
            mb(rss),
            mb(rss0),
            mb(seeds.capacity() * 8)
        ),
        _ => println!("process: peak resident memory not available on this platform"),
    }
    Ok(())
}

/// A made-up person's name of the pool: two capitalized made-up words.
fn person(words: &[String], n: usize) -> String {
    let cap = |w: &str| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    format!(
        "{} {}",
        cap(&words[n % 5000 + 100]),
        cap(&words[(n / 5000) * 7 % 20_000 + 10_000])
    )
}

/// The synthetic text of document `id` (an original or a near-copy), with
/// one to three people named; `seeds` gets its original's seed.
fn synthetic(
    id: usize,
    share: f64,
    words: &[String],
    rng: &mut Rng,
    seeds: &mut Vec<u64>,
    sents: &mut Vec<Vec<usize>>,
) -> (String, Option<usize>) {
    let copy = id > 0 && rng.unit() < share;
    let original = if copy { rng.below(id) } else { id };
    let seed = if copy { seeds[original] } else { rng.next() };
    seeds.push(seed);
    sentences(seed, sents);
    if copy {
        edit(sents, rng);
    }
    let mut text = String::new();
    render(sents, words, rng, &mut text);
    // The people are the original's (from its seed), so copies name them too.
    let mut people = Rng(seed ^ 0x7065_6f70_6c65);
    for _ in 0..=people.below(3) {
        let name = person(words, people.below(20_000));
        text.push_str("\n\nMr ");
        text.push_str(&name);
        text.push_str(" said so.");
    }
    if copy {
        text.push_str("\n\n");
        text.push_str(FURNITURE[rng.below(FURNITURE.len())]);
    }
    (text, copy.then_some(original))
}

/// `--corpus`: every document parsed and added to a [`Corpus`].
fn whole_corpus(
    docs: usize,
    share: f64,
    duplicates: DuplicateOptions,
    words: &[String],
    before: Option<(usize, usize)>,
    one_by_one: bool,
) -> Result<(), String> {
    const CHUNK: usize = 4096;
    let parser = Parser::new(Options::new().layout(false));
    let mut options = CorpusOptions::new();
    options.duplicates = duplicates;
    let mut corpus = Corpus::with_options(options);
    let mut rng = Rng(0x636f_7270_7573_0002);
    let mut seeds: Vec<u64> = Vec::with_capacity(docs);
    let mut sents = Vec::new();
    let (mut planted, mut found_planted, mut bytes) = (0usize, 0usize, 0usize);
    let (mut adding, mut parsing) = (Duration::ZERO, Duration::ZERO);
    let wall = Instant::now();
    let mut id = 0;
    while id < docs {
        let n = CHUNK.min(docs - id);
        let mut batch: Vec<(String, Meta)> = Vec::with_capacity(n);
        let mut copies = Vec::with_capacity(n);
        for k in 0..n {
            let (text, copy) = synthetic(id + k, share, words, &mut rng, &mut seeds, &mut sents);
            bytes += text.len();
            copies.push(copy);
            batch.push((text, Meta::new()));
        }
        let start = Instant::now();
        let parsed: Vec<Document> = parser
            .parse_many(&batch)
            .into_iter()
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        parsing += start.elapsed();
        let before_pairs = corpus.duplicates().len();
        let start = Instant::now();
        if one_by_one {
            for (k, doc) in parsed.iter().enumerate() {
                corpus
                    .add((id + k).to_string(), doc)
                    .map_err(|e| e.to_string())?;
            }
        } else {
            corpus
                .extend(
                    parsed
                        .iter()
                        .enumerate()
                        .map(|(k, doc)| ((id + k).to_string(), doc)),
                )
                .map_err(|e| e.to_string())?;
        }
        adding += start.elapsed();
        planted += copies.iter().flatten().count();
        let mut found: Vec<usize> = corpus.duplicates()[before_pairs..]
            .iter()
            .filter(|d| copies[d.b - id] == Some(d.a))
            .map(|d| d.b)
            .collect();
        found.dedup();
        found_planted += found.len();
        id += n;
        if id % (50 * CHUNK) < CHUNK {
            eprintln!(
                "{id} documents, added at {:.0} documents/s so far, {:.0} MB held",
                id as f64 / adding.as_secs_f64().max(1e-9),
                mb(corpus.memory_bytes())
            );
        }
    }
    let secs = adding.as_secs_f64().max(1e-9);
    println!(
        "{docs} documents ({:.1} MB of text), {planted} near-copies planted; parsed in {:.1} s on the rayon pool",
        mb(bytes),
        parsing.as_secs_f64()
    );
    println!(
        "{}: {secs:.2} s, {:.0} documents/s (wall time with generation and parsing {:.1} s)",
        if one_by_one {
            "Corpus::add, one thread".to_owned()
        } else {
            format!(
                "Corpus::extend, {} threads preparing",
                rayon::current_num_threads()
            )
        },
        docs as f64 / secs,
        wall.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let stories = corpus.stories();
    let entities = corpus.entities();
    println!(
        "{} stories, {} entities, {} duplicate pairs (planted copies found: {found_planted} of {planted}), {} claims; stories() and entities() took {:.2} s",
        stories.len(),
        entities.len(),
        corpus.duplicates().len(),
        corpus.claims().len(),
        start.elapsed().as_secs_f64()
    );
    println!(
        "corpus memory_bytes(): {:.1} MB ({:.0} bytes per document)",
        mb(corpus.memory_bytes()),
        corpus.memory_bytes() as f64 / docs.max(1) as f64
    );
    if let (Some((_, rss0)), Some((hwm, rss))) = (before, memory_status()) {
        println!(
            "process: peak resident {:.1} MB (VmHWM), resident now {:.1} MB, before {:.1} MB",
            mb(hwm),
            mb(rss),
            mb(rss0)
        );
    }
    Ok(())
}
