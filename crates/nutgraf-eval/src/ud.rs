//! Part of speech and lemmas on Universal Dependencies treebanks: scoring on gold
//! words (`ud`) and training (`train-syntax`).

use std::time::Instant;

use nutgraf::syntax::train::{train, TrainOptions};
use nutgraf::syntax::{read_conllu, GoldWord, Tagger};

use crate::jsonl;

fn opt_str<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|s| Some(s.as_str()))
            .ok_or_else(|| format!("{name} takes a value")),
    }
}

/// Figures of the tagger on gold words.
#[derive(Debug, Clone, Copy, Default)]
pub struct UdScores {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Words with the gold UPOS tag.
    pub upos: usize,
    /// Words with the gold XPOS tag.
    pub xpos: usize,
    /// Words with the gold lemma.
    pub lemma: usize,
    /// Seconds spent tagging and lemmatizing (one thread; the fastest of three passes).
    pub seconds: f64,
}

impl UdScores {
    /// Share of words with the right UPOS, XPOS and lemma.
    pub fn accuracy(&self) -> (f64, f64, f64) {
        let n = self.words.max(1) as f64;
        (
            self.upos as f64 / n,
            self.xpos as f64 / n,
            self.lemma as f64 / n,
        )
    }

    /// Words tagged per second.
    pub fn words_per_second(&self) -> f64 {
        self.words as f64 / self.seconds.max(1e-9)
    }
}

/// Read a CoNLL-U file.
///
/// # Errors
///
/// When the file cannot be read or is not CoNLL-U.
pub fn read(path: &str) -> Result<Vec<Vec<GoldWord>>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    read_conllu(&text).map_err(|e| format!("{path}: {e}"))
}

/// Tag the gold words of every sentence and compare.
pub fn evaluate(tagger: &Tagger, sentences: &[Vec<GoldWord>]) -> UdScores {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut out = Vec::new();
    let mut scores = UdScores {
        sentences: sentences.len(),
        ..UdScores::default()
    };
    // Timed passes, tagging and lemmatizing only: the fastest of three (the
    // others are slowed by whatever else runs on the machine).
    scores.seconds = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        let mut sink = 0usize;
        for w in &words {
            tagger.tag(w, &mut out);
            sink += out.iter().map(|t| t.lemma.len()).sum::<usize>();
        }
        scores.seconds = scores.seconds.min(start.elapsed().as_secs_f64());
        std::hint::black_box(sink);
    }
    for (gold, w) in sentences.iter().zip(&words) {
        tagger.tag(w, &mut out);
        for (g, t) in gold.iter().zip(&out) {
            scores.words += 1;
            scores.upos += usize::from(g.upos == t.upos);
            scores.xpos += usize::from(g.xpos == t.xpos);
            scores.lemma += usize::from(g.lemma == t.lemma);
        }
    }
    scores
}

fn print(label: &str, s: &UdScores) {
    let (u, x, l) = s.accuracy();
    println!(
        "{label}: {} sentences, {} words: UPOS {u:.4}  XPOS {x:.4}  lemma {l:.4}  {:.0} words/s",
        s.sentences,
        s.words,
        s.words_per_second()
    );
}

/// The `ud` subcommand.
pub fn run_eval(args: &[String]) -> Result<(), String> {
    let path = args
        .iter()
        .enumerate()
        .find(|&(i, a)| !a.starts_with("--") && (i == 0 || args[i - 1] != "--model"))
        .map(|(_, a)| a)
        .ok_or("ud: give the CoNLL-U path")?;
    let tagger = match opt_str(args, "--model")? {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            Tagger::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))?
        }
        None => Tagger::global().clone(),
    };
    let sentences = read(path)?;
    print(path, &evaluate(&tagger, &sentences));
    Ok(())
}

/// The `train-syntax` subcommand.
pub fn run_train(args: &[String]) -> Result<(), String> {
    let train_path = opt_str(args, "--train")?.ok_or("train-syntax: give --train FILE.conllu")?;
    let out = opt_str(args, "--out")?.ok_or("train-syntax: give --out DIR")?;
    let dev_path = opt_str(args, "--dev")?;
    let mut opts = TrainOptions::default();
    if let Some(n) = jsonl::opt_usize(args, "--epochs")? {
        opts.epochs = n;
    }
    if let Some(s) = jsonl::opt_usize(args, "--seed")? {
        opts.seed = s as u64;
    }
    if let Some(p) = opt_str(args, "--prune")? {
        opts.prune = p
            .parse()
            .map_err(|_| format!("--prune {p:?}: not a number"))?;
    }
    let sentences = read(train_path)?;
    let start = Instant::now();
    let tagger = train(&sentences, &opts)?;
    let bytes = tagger.to_bytes();
    let (xf, uf) = tagger.feature_counts();
    let (rules, exceptions) = tagger.lemmatizer().sizes();
    eprintln!(
        "trained in {:.1} s: {xf} XPOS and {uf} UPOS features, {rules} lemma rules, \
         {exceptions} exceptions, {} bytes",
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    print(train_path, &evaluate(&tagger, &sentences));
    if let Some(dev) = dev_path {
        print(dev, &evaluate(&tagger, &read(dev)?));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
    let file = std::path::Path::new(out).join("model.bin");
    std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!("wrote {}", file.display());
    Ok(())
}
