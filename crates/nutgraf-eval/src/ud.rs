//! Part of speech and lemmas on Universal Dependencies treebanks: scoring on gold
//! words (`ud`) and training (`train-syntax`).

use std::time::Instant;

use nutgraf::syntax::deptrain::{
    jackknife_tags, train_parser_with, ParserTrainOptions, SentenceTags,
};
use nutgraf::syntax::nntrain::{train_nn_parser, NnTrainOptions};
use nutgraf::syntax::train::{train, TrainOptions};
use nutgraf::syntax::{read_conllu, Analyzed, DepParser, GoldWord, Syntax, SyntaxScratch, Tagger};

use crate::jsonl::{self, opt_str};

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
    /// Words with the gold head.
    pub uas: usize,
    /// Words with the gold head and universal relation (the part before ':').
    pub las: usize,
    /// Words with the gold head and full relation (with its subtype).
    pub las_full: usize,
    /// Seconds spent tagging, lemmatizing and parsing (one thread; the fastest of three passes).
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

    /// Unlabelled and labelled attachment scores (universal and full relations).
    pub fn attachment(&self) -> (f64, f64, f64) {
        let n = self.words.max(1) as f64;
        (
            self.uas as f64 / n,
            self.las as f64 / n,
            self.las_full as f64 / n,
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

/// Attachment scores only (no timing), for model selection.
fn evaluate_parse(tagger: &Tagger, parser: &DepParser, sentences: &[Vec<GoldWord>]) -> UdScores {
    score(Syntax { tagger, parser }, sentences, false)
}

/// Tag and parse the gold words of every sentence and compare.
pub fn evaluate(syntax: Syntax<'_>, sentences: &[Vec<GoldWord>]) -> UdScores {
    score(syntax, sentences, true)
}

fn score(syntax: Syntax<'_>, sentences: &[Vec<GoldWord>], timed: bool) -> UdScores {
    let words: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let mut out: Vec<Analyzed<'_, '_>> = Vec::new();
    let mut scratch = SyntaxScratch::default();
    let mut scores = UdScores {
        sentences: sentences.len(),
        ..UdScores::default()
    };
    // Timed passes: the fastest of three (the others are slowed by whatever
    // else runs on the machine).
    scores.seconds = f64::INFINITY;
    for _ in 0..if timed { 3 } else { 0 } {
        let start = Instant::now();
        let mut sink = 0usize;
        for w in &words {
            syntax.analyze_with(w, &mut scratch, &mut out);
            sink += out
                .iter()
                .map(|t| t.lemma.len() + t.head.unwrap_or(0))
                .sum::<usize>();
        }
        scores.seconds = scores.seconds.min(start.elapsed().as_secs_f64());
        std::hint::black_box(sink);
    }
    let universal = |r: &str| r.split(':').next().unwrap_or("").to_string();
    for (gold, w) in sentences.iter().zip(&words) {
        syntax.analyze_with(w, &mut scratch, &mut out);
        for (g, t) in gold.iter().zip(&out) {
            scores.words += 1;
            scores.upos += usize::from(g.upos == t.upos);
            scores.xpos += usize::from(g.xpos == t.xpos);
            scores.lemma += usize::from(g.lemma == t.lemma);
            let head = t.head.map_or(0, |h| h + 1);
            if head == g.head {
                scores.uas += 1;
                scores.las += usize::from(universal(&g.deprel) == universal(t.deprel));
                scores.las_full += usize::from(g.deprel == t.deprel);
            }
        }
    }
    scores
}

fn print(label: &str, s: &UdScores) {
    let (u, x, l) = s.accuracy();
    let (uas, las, full) = s.attachment();
    println!(
        "{label}: {} sentences, {} words: UPOS {u:.4}  XPOS {x:.4}  lemma {l:.4}  \
         UAS {uas:.4}  LAS {las:.4} (with subtypes {full:.4})  {:.0} words/s",
        s.sentences,
        s.words,
        s.words_per_second()
    );
}

fn load_tagger(path: Option<&str>) -> Result<Tagger, String> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            Tagger::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))
        }
        None => Ok(Tagger::global().clone()),
    }
}

fn load_parser(path: Option<&str>) -> Result<DepParser, String> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: {e}"))?;
            DepParser::from_bytes(&bytes).map_err(|e| format!("{p}: {e}"))
        }
        None => Ok(DepParser::global().clone()),
    }
}

/// The `ud` subcommand.
pub fn run_eval(args: &[String]) -> Result<(), String> {
    let path = args
        .iter()
        .enumerate()
        .find(|&(i, a)| {
            !a.starts_with("--")
                && (i == 0
                    || !matches!(
                        args[i - 1].as_str(),
                        "--model"
                            | "--parser"
                            | "--write"
                            | "--prune-parser"
                            | "--mean-with"
                            | "--mix-moves"
                            | "--write-parser"
                            | "--mix"
                    ))
        })
        .map(|(_, a)| a)
        .ok_or("ud: give the CoNLL-U path")?;
    let tagger = load_tagger(opt_str(args, "--model")?)?;
    let mut parser = load_parser(opt_str(args, "--parser")?)?;
    if let Some(path) = opt_str(args, "--mix-moves")? {
        let other = load_parser(Some(path))?;
        let weight = opt_str(args, "--mix")?
            .unwrap_or("0.01")
            .parse()
            .map_err(|_| "--mix: not a number")?;
        parser = parser.mixed(&other, weight);
        if let Some(out) = opt_str(args, "--write-parser")? {
            std::fs::write(out, parser.to_bytes()).map_err(|e| format!("{out}: {e}"))?;
            eprintln!("wrote {out}");
        }
    }
    if let Some(more) = opt_str(args, "--mean-with")? {
        let others: Vec<DepParser> = more
            .split(',')
            .map(|p| load_parser(Some(p)))
            .collect::<Result<_, _>>()?;
        let mut all = vec![&parser];
        all.extend(others.iter());
        let n = all.len();
        let mean = DepParser::mean(&all, ParserTrainOptions::default().mean_label_prune);
        parser = mean;
        eprintln!(
            "mean of {n} parsers: {:?} features",
            parser.feature_counts()
        );
    }
    if let Some(p) = opt_str(args, "--prune-parser")? {
        let min: f32 = p
            .parse()
            .map_err(|_| format!("--prune-parser {p:?}: not a number"))?;
        parser = parser.pruned(min);
        eprintln!("pruned below {min}: {:?} features", parser.feature_counts());
    }
    let sentences = read(path)?;
    let syntax = Syntax {
        tagger: &tagger,
        parser: &parser,
    };
    print(path, &evaluate(syntax, &sentences));
    if let Some(out) = opt_str(args, "--write")? {
        write_conllu(syntax, &sentences, out)?;
    }
    Ok(())
}

/// Write the predicted analysis of the gold words as CoNLL-U (for error analysis).
fn write_conllu(syntax: Syntax<'_>, sentences: &[Vec<GoldWord>], path: &str) -> Result<(), String> {
    use std::fmt::Write as _;
    let mut text = String::new();
    let mut out = Vec::new();
    for s in sentences {
        let words: Vec<&str> = s.iter().map(|w| w.form.as_str()).collect();
        syntax.analyze(&words, &mut out);
        for (i, (w, a)) in words.iter().zip(&out).enumerate() {
            let _ = writeln!(
                text,
                "{}\t{w}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                a.lemma,
                a.upos,
                a.xpos,
                a.head.map_or(0, |h| h + 1),
                a.deprel
            );
        }
        text.push('\n');
    }
    std::fs::write(path, text).map_err(|e| format!("{path}: {e}"))
}

fn write_tags(path: &str, tags: &[(Vec<u16>, Vec<u16>)]) -> Result<(), String> {
    let mut out = Vec::new();
    for (xs, us) in tags {
        out.extend_from_slice(&(xs.len() as u32).to_le_bytes());
        for v in xs.iter().chain(us) {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    std::fs::write(path, out).map_err(|e| format!("{path}: {e}"))
}

fn read_tags(path: &str) -> Result<SentenceTags, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let mut tags = Vec::new();
    let mut pos = 0;
    let mut take = |n: usize| -> Result<&[u8], String> {
        let s = bytes
            .get(pos..pos + n)
            .ok_or(format!("{path}: truncated"))?;
        pos += n;
        Ok(s)
    };
    while let Ok(head) = take(4) {
        let n = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let body = take(4 * n)?;
        let v: Vec<u16> = body
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        tags.push((v[..n].to_vec(), v[n..].to_vec()));
    }
    Ok(tags)
}

/// A neural parser with a perceptron's transition scores added at `weight`,
/// or, with no weight, at the weight of a few that scores best on `dev`
/// (UAS + LAS).
fn mix_on_dev(
    tagger: &Tagger,
    nn: &DepParser,
    perceptron: &DepParser,
    weight: Option<f32>,
    dev: Option<&[Vec<GoldWord>]>,
) -> DepParser {
    let (weights, dev) = match (weight, dev) {
        (Some(w), _) => return nn.mixed(perceptron, w),
        (None, None) => return nn.mixed(perceptron, MIX_WEIGHTS[2]),
        (None, Some(dev)) => (MIX_WEIGHTS, dev),
    };
    let mut best = (f64::MIN, 0.0f32);
    for w in weights {
        let model = nn.mixed(perceptron, w);
        let (uas, las, _) = evaluate_parse(tagger, &model, dev).attachment();
        eprintln!("  perceptron weight {w}: dev UAS {uas:.4} LAS {las:.4}");
        if uas + las > best.0 {
            best = (uas + las, w);
        }
    }
    nn.mixed(perceptron, best.1)
}

/// Weights of the perceptron's scores tried by [`mix_on_dev`].
const MIX_WEIGHTS: [f32; 5] = [0.005, 0.01, 0.015, 0.02, 0.03];

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
    let mut popts = ParserTrainOptions::default();
    if let Some(n) = jsonl::opt_usize(args, "--parser-epochs")? {
        popts.epochs = n;
    }
    if let Some(n) = jsonl::opt_usize(args, "--parser-seed")? {
        popts.seed = n as u64;
    }
    if let Some(n) = jsonl::opt_usize(args, "--parser-models")? {
        popts.models = n;
    }
    if jsonl::flag(args, "--stack") {
        popts.stack = true;
    }
    let folds = jsonl::opt_usize(args, "--folds")?.unwrap_or(5);
    let sentences = read(train_path)?;
    let start = Instant::now();
    let tagger = match opt_str(args, "--tagger")? {
        Some(p) => load_tagger(Some(p))?,
        None => train(&sentences, &opts)?,
    };
    let bytes = tagger.to_bytes();
    let (xf, uf) = tagger.feature_counts();
    let (rules, exceptions) = tagger.lemmatizer().sizes();
    eprintln!(
        "tagger in {:.1} s: {xf} XPOS and {uf} UPOS features, {rules} lemma rules, \
         {exceptions} exceptions, {} bytes",
        start.elapsed().as_secs_f64(),
        bytes.len()
    );
    if jsonl::flag(args, "--tagger-only") {
        // Tagger and lemmatizer alone (scored with the shipped parser).
        let syntax = Syntax {
            tagger: &tagger,
            parser: DepParser::global(),
        };
        if let Some(dev) = dev_path {
            print(dev, &evaluate(syntax, &read(dev)?));
        }
        std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
        let file = std::path::Path::new(out).join("model.bin");
        std::fs::write(&file, &bytes).map_err(|e| format!("{}: {e}", file.display()))?;
        eprintln!("wrote {}", file.display());
        return Ok(());
    }
    let start = Instant::now();
    let tags = match opt_str(args, "--tags-cache")? {
        Some(p) if std::path::Path::new(p).exists() => read_tags(p)?,
        cache => {
            let tags = jackknife_tags(&sentences, &tagger, &opts, folds)?;
            if let Some(p) = cache {
                write_tags(p, &tags)?;
            }
            tags
        }
    };
    eprintln!(
        "jackknifed tags ({folds} folds) in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let start = Instant::now();
    let dev_sentences = match dev_path {
        Some(d) => Some(read(d)?),
        None => None,
    };
    let report = |epoch: usize, model: &DepParser| {
        if let Some(dev) = &dev_sentences {
            let s = evaluate_parse(&tagger, model, dev);
            let (uas, las, _) = s.attachment();
            eprintln!(
                "  after pass {epoch} ({:.0} s): dev UAS {uas:.4} LAS {las:.4}",
                start.elapsed().as_secs_f64()
            );
        }
    };
    let parser = if jsonl::flag(args, "--neural") {
        let mut nopts = NnTrainOptions {
            neural_labels: !jsonl::flag(args, "--nn-perceptron-labels"),
            ..NnTrainOptions::default()
        };
        let tables = [
            "--nn-word",
            "--nn-class",
            "--nn-xpos",
            "--nn-upos",
            "--nn-suffix",
        ];
        for (k, name) in tables.iter().enumerate() {
            if let Some(v) = jsonl::opt_usize(args, name)? {
                nopts.dims.emb[k] = v;
            }
        }
        for (name, slot) in [
            ("--nn-lstm", &mut nopts.dims.lstm),
            ("--nn-hidden", &mut nopts.dims.hidden),
            ("--nn-layers", &mut nopts.dims.layers),
            ("--nn-slots", &mut nopts.dims.slots),
            ("--nn-batch", &mut nopts.batch),
        ] {
            if let Some(v) = jsonl::opt_usize(args, name)? {
                *slot = v;
            }
        }
        if let Some(n) = jsonl::opt_usize(args, "--parser-epochs")? {
            nopts.epochs = n;
        }
        if let Some(n) = jsonl::opt_usize(args, "--parser-seed")? {
            nopts.seed = n as u64;
        }
        for (name, slot) in [
            ("--nn-rate", &mut nopts.rate),
            ("--nn-dropout-in", &mut nopts.dropout_in),
            ("--nn-dropout-lstm", &mut nopts.dropout_lstm),
            ("--nn-decay", &mut nopts.decay),
        ] {
            if let Some(r) = opt_str(args, name)? {
                *slot = r
                    .parse()
                    .map_err(|_| format!("{name} {r:?}: not a number"))?;
            }
        }
        let nn = train_nn_parser(&sentences, &tags, &nopts, report)?;
        match opt_str(args, "--nn-mix-with")? {
            None => nn,
            Some(path) => {
                let perceptron = load_parser(Some(path))?;
                let weight: Option<f32> = match opt_str(args, "--nn-mix")? {
                    Some(w) => Some(
                        w.parse()
                            .map_err(|_| format!("--nn-mix {w:?}: not a number"))?,
                    ),
                    None => None,
                };
                mix_on_dev(&tagger, &nn, &perceptron, weight, dev_sentences.as_deref())
            }
        }
    } else {
        train_parser_with(&sentences, &tags, &popts, report)?
    };
    let pbytes = parser.to_bytes();
    let (mf, lf) = parser.feature_counts();
    eprintln!(
        "parser in {:.1} s: {mf} transition and {lf} label features, {} bytes",
        start.elapsed().as_secs_f64(),
        pbytes.len()
    );
    let syntax = Syntax {
        tagger: &tagger,
        parser: &parser,
    };
    print(train_path, &evaluate(syntax, &sentences));
    if let (Some(dev), Some(sents)) = (dev_path, &dev_sentences) {
        print(dev, &evaluate(syntax, sents));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{out}: {e}"))?;
    for (name, b) in [("model.bin", &bytes), ("parser.bin", &pbytes)] {
        let file = std::path::Path::new(out).join(name);
        std::fs::write(&file, b).map_err(|e| format!("{}: {e}", file.display()))?;
        eprintln!("wrote {}", file.display());
    }
    Ok(())
}

/// `build-clusters FILE.json --out FILE.tsv`: the word-class table the tagger
/// and parser read (`data/syntax/clusters.tsv`) from a JSON object of word
/// form to Brown cluster (`en_lexeme_cluster` of spacy-lookups-data).
///
/// # Errors
/// Missing arguments, an unreadable file, JSON that is not such an object.
pub fn run_build_clusters(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("build-clusters: give FILE.json")?;
    let out = opt_str(args, "--out")?.ok_or("build-clusters: give --out FILE.tsv")?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    let object = value
        .as_object()
        .ok_or_else(|| format!("{path}: not a JSON object"))?;
    let mut pairs = Vec::with_capacity(object.len());
    for (form, class) in object {
        let class = class
            .as_u64()
            .and_then(|c| u32::try_from(c).ok())
            .ok_or_else(|| format!("{path}: {form:?}: class {class} is not a 32-bit integer"))?;
        pairs.push((form.as_str(), class));
    }
    let table = nutgraf::syntax::Clusters::table_text(&pairs);
    std::fs::write(out, &table).map_err(|e| format!("{out}: {e}"))?;
    println!(
        "{} forms, {} with a class kept in {out} ({} bytes)",
        pairs.len(),
        table.lines().count(),
        table.len()
    );
    Ok(())
}
