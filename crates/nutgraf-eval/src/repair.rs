//! Encoding repair: how often it changes clean text, and how much of the
//! damage of the project's own generator it undoes.
//!
//! 1. **Clean text.** The text of each dev corpus (`text`, else `raw_text`)
//!    goes through [`nutgraf::repair`]; every repair of an encoding (mojibake,
//!    C1 control) on it is a false repair, counted per 10,000 words. HTML
//!    character references and glued-word splits are counted apart (a
//!    reference left in text is a real repair; a split on clean text is a
//!    false one, see `nutgraf-eval glue`).
//! 2. **Damaged text.** With a fixed seed, every paragraph (line) that holds a
//!    non-ASCII character is damaged with probability one half, in one of six
//!    ways: its UTF-8 read as Windows-1252 (undefined bytes as the C1 controls
//!    of the same number, as browsers do) or as Latin-1, once or twice, and
//!    two of those then decomposed (NFD), as a later normalization step does
//!    (seen in news archives: "FranA\u{303}\u{83}A\u{302}\u{a7}ois"). The
//!    damaged document goes through the repair; a damaged paragraph is
//!    restored when it comes out exactly as the clean document's repair gives
//!    it. Paragraphs left clean in a damaged document must come out unchanged.
//!
//! The corpora never enter the repository: pass the folder that holds them.

use std::fmt::Write as _;

use nutgraf::{repair, RepairKind};
use unicode_normalization::UnicodeNormalization;

use crate::jsonl;

/// The corpora read, with the file under the evaluation folder.
pub const CORPORA: &[(&str, &str)] = &[
    ("article_extraction", "article_extraction/dev.jsonl"),
    ("news_entities", "news_entities/dev.jsonl"),
    ("conll2003", "conll2003/dev.jsonl"),
    ("tempeval3", "tempeval3/train.jsonl"),
    ("polnear", "polnear/dev.jsonl"),
    ("m2e2", "m2e2/dev.jsonl"),
    ("ecbplus", "ecbplus/dev.jsonl"),
    ("rams", "rams/dev.jsonl"),
];

/// The ways the generator damages a paragraph.
pub const VARIANTS: [Variant; 6] = [
    Variant {
        name: "cp1252 once",
        latin1: false,
        times: 1,
        decompose: false,
    },
    Variant {
        name: "cp1252 twice",
        latin1: false,
        times: 2,
        decompose: false,
    },
    Variant {
        name: "latin-1 once",
        latin1: true,
        times: 1,
        decompose: false,
    },
    Variant {
        name: "latin-1 twice",
        latin1: true,
        times: 2,
        decompose: false,
    },
    Variant {
        name: "cp1252 once, NFD",
        latin1: false,
        times: 1,
        decompose: true,
    },
    Variant {
        name: "latin-1 twice, NFD",
        latin1: true,
        times: 2,
        decompose: true,
    },
];

/// One way of damaging text.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// Its name in the report.
    pub name: &'static str,
    /// Latin-1 (C1 controls) rather than Windows-1252.
    pub latin1: bool,
    /// How many times the text is encoded and decoded wrongly.
    pub times: usize,
    /// The damaged text is then decomposed (Unicode NFD), as a later
    /// normalization step does: `Ã` becomes `A` and a combining tilde.
    pub decompose: bool,
}

/// The Windows-1252 characters of bytes 0x80-0x9F; 0 where it has none.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// `text`'s UTF-8 read as Windows-1252 or Latin-1, `times` times (then
/// decomposed, for the NFD variants).
pub fn damage(text: &str, variant: Variant) -> String {
    let mut s = text.to_owned();
    for _ in 0..variant.times {
        s = s
            .bytes()
            .map(|b| {
                let high = if (0x80..0xA0).contains(&b) && !variant.latin1 {
                    CP1252_HIGH[usize::from(b - 0x80)]
                } else {
                    0
                };
                if high == 0 {
                    char::from(b)
                } else {
                    char::from_u32(u32::from(high)).unwrap_or(char::from(b))
                }
            })
            .collect();
    }
    if variant.decompose {
        s = s.nfd().collect();
    }
    s
}

/// A small deterministic generator (`SplitMix64`).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Figures of one corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusReport {
    /// Its name.
    pub name: String,
    /// Documents read.
    pub documents: usize,
    /// Words (runs of non-whitespace).
    pub words: usize,
    /// Repairs on the clean text, per kind: mojibake, C1 control, HTML
    /// reference, glued words.
    pub clean: [usize; 4],
    /// Per variant: damaged paragraphs and those restored exactly.
    pub damaged: [(usize, usize); VARIANTS.len()],
    /// Clean paragraphs of damaged documents that the repair changed.
    pub collateral: usize,
    /// Examples: false repairs on clean text, then paragraphs not restored.
    pub examples: Vec<String>,
}

impl CorpusReport {
    /// Encoding repairs (mojibake and C1 controls) on the clean text per
    /// 10,000 words.
    pub fn encoding_per_10k(&self) -> f64 {
        crate::ratio((self.clean[0] + self.clean[1]) * 10_000, self.words)
    }
}

fn kind_index(kind: RepairKind) -> usize {
    match kind {
        RepairKind::Mojibake => 0,
        RepairKind::C1Control => 1,
        RepairKind::HtmlEntity => 2,
        _ => 3,
    }
}

/// `s` around byte `at`, on one line, for a report.
fn context(s: &str, start: usize, end: usize) -> String {
    let from = s[..start]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let to = s[end..]
        .char_indices()
        .nth(30)
        .map_or(s.len(), |(i, _)| end + i);
    s[from..to].replace('\n', " ")
}

/// Score one corpus file with the generator seeded by `seed`.
pub fn score_file(name: &str, path: &str, seed: u64) -> Result<CorpusReport, String> {
    let records = jsonl::read(path)?;
    let mut report = CorpusReport {
        name: name.to_owned(),
        ..CorpusReport::default()
    };
    let mut rng = Rng(seed
        ^ name
            .bytes()
            .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(b)));
    for r in &records {
        let Some(text) = jsonl::text_of(r) else {
            continue;
        };
        report.documents += 1;
        report.words += text.split_whitespace().count();
        let clean = repair(text);
        for rep in &clean.repairs {
            report.clean[kind_index(rep.kind)] += 1;
            if matches!(rep.kind, RepairKind::Mojibake | RepairKind::C1Control) {
                report.examples.push(format!(
                    "false {}: {:?} -> {:?} in «{}»",
                    rep.kind.as_str(),
                    rep.original(text),
                    rep.replacement,
                    context(text, rep.span.start, rep.span.end)
                ));
            }
        }
        // Damage: paragraphs with non-ASCII text, one in two.
        let lines: Vec<&str> = text.split('\n').collect();
        let mut which: Vec<Option<usize>> = Vec::with_capacity(lines.len());
        let mut damaged_lines: Vec<String> = Vec::with_capacity(lines.len());
        for line in &lines {
            let v = (!line.is_ascii() && rng.below(2) == 0).then(|| rng.below(VARIANTS.len()));
            which.push(v);
            damaged_lines.push(match v {
                Some(v) => damage(line, VARIANTS[v]),
                None => (*line).to_owned(),
            });
        }
        if which.iter().all(Option::is_none) {
            continue;
        }
        let damaged = damaged_lines.join("\n");
        let fixed = repair(&damaged);
        let want: Vec<&str> = clean.text.split('\n').collect();
        let got: Vec<&str> = fixed.text.split('\n').collect();
        let aligned = want.len() == got.len() && want.len() == lines.len();
        for (i, v) in which.iter().enumerate() {
            // A decomposed paragraph is restored when it composes back to
            // the clean one (the repair composes only what it decodes).
            let same = aligned
                && match v {
                    Some(v) if VARIANTS[*v].decompose => want[i].nfc().eq(got[i].nfc()),
                    _ => want[i] == got[i],
                };
            match v {
                Some(v) => {
                    report.damaged[*v].0 += 1;
                    if same {
                        report.damaged[*v].1 += 1;
                    } else {
                        let mut e = format!("not restored ({}): ", VARIANTS[*v].name);
                        if aligned {
                            let (a, b) = diff(want[i], got[i]);
                            let _ = write!(e, "{a:?} -> {b:?}");
                        } else {
                            e.push_str("lines moved");
                        }
                        report.examples.push(e);
                    }
                }
                None if !same => {
                    report.collateral += 1;
                    report.examples.push(format!(
                        "collateral: {:?}",
                        if aligned {
                            short(got[i])
                        } else {
                            "lines moved".into()
                        }
                    ));
                }
                None => {}
            }
        }
    }
    Ok(report)
}

/// Where `a` and `b` differ, with 20 characters of context either side.
fn diff(a: &str, b: &str) -> (String, String) {
    let ac: Vec<char> = a.chars().collect();
    let bc: Vec<char> = b.chars().collect();
    let first = ac.iter().zip(&bc).take_while(|(x, y)| x == y).count();
    let tail = ac[first..]
        .iter()
        .rev()
        .zip(bc[first..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let from = first.saturating_sub(20);
    let cut = |cs: &[char]| -> String {
        let to = (cs.len() - tail + 20).min(cs.len());
        cs[from..to.max(from)].iter().collect()
    };
    (cut(&ac), cut(&bc))
}

/// The first 160 characters of `s`.
fn short(s: &str) -> String {
    s.chars().take(160).collect()
}

/// Score every corpus of [`CORPORA`] found under `dir`.
pub fn score(dir: &std::path::Path, seed: u64) -> Result<Vec<CorpusReport>, String> {
    let mut out = Vec::new();
    for (name, file) in CORPORA {
        let path = dir.join(file);
        if !path.exists() {
            continue;
        }
        out.push(score_file(
            name,
            path.to_str().ok_or("path not UTF-8")?,
            seed,
        )?);
    }
    if out.is_empty() {
        return Err(format!("no corpus found under {}", dir.display()));
    }
    Ok(out)
}

/// Run the `repair` task: `nutgraf-eval repair DIR [--seed S] [--examples N]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let dir = match jsonl::positional(args) {
        Some(d) => std::path::PathBuf::from(d),
        None => crate::eval_dir().ok_or("repair takes the evaluation folder")?,
    };
    let seed = jsonl::opt_usize(args, "--seed")?.unwrap_or(13) as u64;
    let show = jsonl::opt_usize(args, "--examples")?.unwrap_or(5);
    let reports = score(&dir, seed)?;
    println!("clean text: repairs per 10,000 words (encoding = mojibake + C1 controls)");
    println!(
        "{:20} {:>6} {:>9} {:>9} {:>5} {:>9} {:>9} {:>9} {:>9}",
        "corpus", "docs", "words", "mojibake", "c1", "enc/10k", "entities", "glued", "glue/10k"
    );
    let mut total = CorpusReport {
        name: "all".into(),
        ..CorpusReport::default()
    };
    for r in &reports {
        print_clean(r);
        total.documents += r.documents;
        total.words += r.words;
        for (t, c) in total.clean.iter_mut().zip(r.clean) {
            *t += c;
        }
        for (t, d) in total.damaged.iter_mut().zip(r.damaged) {
            t.0 += d.0;
            t.1 += d.1;
        }
        total.collateral += r.collateral;
    }
    print_clean(&total);
    println!();
    println!("damaged text (seed {seed}): paragraphs restored exactly");
    print!("{:20}", "corpus");
    for v in VARIANTS {
        print!(" {:>22}", v.name);
    }
    println!(" {:>22} {:>10}", "all", "collateral");
    for r in reports.iter().chain([&total]) {
        print!("{:20}", r.name);
        for (n, ok) in r.damaged {
            print!(" {:>22}", cell(ok, n));
        }
        let n: usize = r.damaged.iter().map(|d| d.0).sum();
        let ok: usize = r.damaged.iter().map(|d| d.1).sum();
        println!(" {:>22} {:>10}", cell(ok, n), r.collateral);
    }
    if show > 0 {
        for r in &reports {
            for e in r.examples.iter().take(show) {
                println!("{}: {e}", r.name);
            }
        }
    }
    Ok(())
}

fn print_clean(r: &CorpusReport) {
    println!(
        "{:20} {:>6} {:>9} {:>9} {:>5} {:>9.3} {:>9} {:>9} {:>9.3}",
        r.name,
        r.documents,
        r.words,
        r.clean[0],
        r.clean[1],
        r.encoding_per_10k(),
        r.clean[2],
        r.clean[3],
        crate::ratio(r.clean[3] * 10_000, r.words)
    );
}

fn cell(ok: usize, n: usize) -> String {
    format!("{ok}/{n} {:.2}%", 100.0 * crate::ratio(ok, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damage_and_repair_round_trip() {
        let text = "Vladímir said “don’t” in São Paulo — 5 °C";
        for v in VARIANTS {
            let bad = damage(text, v);
            assert_ne!(bad, text);
            assert_eq!(repair(&bad).text, text, "{}", v.name);
        }
    }
}
