//! Named-entity model: training (`train-ner`) and entity-level scoring (`ner-conll`).
//!
//! Both read the CoNLL-style JSONL format: `{"id","text","entities":[{"start","end",
//! "label","text"}]}` with code-point offsets; any label set.

use std::collections::BTreeMap;
use std::time::Instant;

use nutgraf::entities::model::{Model, Scheme};
use nutgraf::entities::train::{train, TrainDoc, TrainOptions};
use nutgraf::{CharOffsets, Span};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl::{self, opt_str};

/// True positives, predictions and gold mentions of one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted mentions that match a gold one exactly (span and label).
    pub hit: usize,
    /// Predicted mentions.
    pub pred: usize,
    /// Gold mentions.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        crate::prf(self.hit, self.pred, self.gold)
    }

    fn add(&mut self, o: Counts) {
        self.hit += o.hit;
        self.pred += o.pred;
        self.gold += o.gold;
    }
}

/// Entity-level scores: counts per label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts per label, by label name.
    pub labels: BTreeMap<String, Counts>,
}

impl Scores {
    /// Counts over all labels.
    pub fn overall(&self) -> Counts {
        self.labels.values().fold(Counts::default(), |mut a, c| {
            a.add(*c);
            a
        })
    }

    /// Counts over the given labels only.
    pub fn subset(&self, labels: &[&str]) -> Counts {
        let mut a = Counts::default();
        for l in labels {
            if let Some(c) = self.labels.get(*l) {
                a.add(*c);
            }
        }
        a
    }

    /// Add the scores of another document or corpus.
    pub fn merge(&mut self, other: &Scores) {
        for (l, c) in &other.labels {
            self.labels.entry(l.clone()).or_default().add(*c);
        }
    }

    /// Print a table: per label, then overall.
    pub fn print(&self) {
        println!(
            "  {:<12} {:>6} {:>6} {:>6}  {:>6} {:>6}",
            "label", "P", "R", "F1", "gold", "pred"
        );
        let row = |name: &str, c: Counts| {
            let (p, r, f) = c.prf();
            println!(
                "  {name:<12} {p:>6.3} {r:>6.3} {f:>6.3}  {:>6} {:>6}",
                c.gold, c.pred
            );
        };
        for (l, c) in &self.labels {
            row(l, *c);
        }
        row("overall", self.overall());
    }
}

/// Score one document's predicted mentions against the gold ones: exact match of
/// `(start, end, label)` (any offsets, as long as both sides use the same).
pub fn score<L: AsRef<str>, M: AsRef<str>>(
    gold: &[(usize, usize, L)],
    pred: &[(usize, usize, M)],
) -> Scores {
    let mut s = Scores::default();
    let mut golds: Vec<(usize, usize, &str)> =
        gold.iter().map(|(a, b, l)| (*a, *b, l.as_ref())).collect();
    golds.sort_unstable();
    for &(_, _, l) in &golds {
        s.labels.entry(l.to_owned()).or_default().gold += 1;
    }
    let mut seen = vec![false; golds.len()];
    for (a, b, l) in pred {
        let l = l.as_ref();
        let c = s.labels.entry(l.to_owned()).or_default();
        c.pred += 1;
        if let Ok(k) = golds.binary_search(&(*a, *b, l)) {
            if !seen[k] {
                seen[k] = true;
                c.hit += 1;
            }
        }
    }
    s
}

/// A document of the CoNLL-style JSONL format.
pub struct NerDoc {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Gold mentions: code-point offsets and label.
    pub entities: Vec<(usize, usize, String)>,
}

/// Read a CoNLL-style JSONL file.
pub fn read_docs(path: &str) -> Result<Vec<NerDoc>, String> {
    jsonl::read(path)?
        .iter()
        .enumerate()
        .map(|(i, row)| {
            parse_doc(row).ok_or_else(|| {
                format!(
                    "{path}: record {} is not a {{\"text\",\"entities\"}} document",
                    i + 1
                )
            })
        })
        .collect()
}

fn parse_doc(row: &Value) -> Option<NerDoc> {
    let text = row["text"].as_str()?.to_owned();
    let entities = row["entities"]
        .as_array()?
        .iter()
        .map(|e| {
            Some((
                usize::try_from(e["start"].as_u64()?).ok()?,
                usize::try_from(e["end"].as_u64()?).ok()?,
                e["label"].as_str()?.to_owned(),
            ))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(NerDoc {
        id: row["id"].as_str().unwrap_or("").to_owned(),
        text,
        entities,
    })
}

/// Byte offset of each code point of `text`, plus the length.
fn char_starts(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// The document as training input (byte offsets); mentions off the text are dropped.
pub fn to_train_doc(doc: &NerDoc) -> TrainDoc {
    let starts = char_starts(&doc.text);
    let entities = doc
        .entities
        .iter()
        .filter_map(|(a, b, l)| {
            let (a, b) = (*starts.get(*a)?, *starts.get(*b)?);
            (a < b).then(|| (Span::new(a, b), l.clone()))
        })
        .collect();
    TrainDoc {
        text: doc.text.clone(),
        entities,
    }
}

/// Tag every document with `model` and score against the gold mentions.
pub fn evaluate(model: &Model, docs: &[NerDoc]) -> Scores {
    let per_doc: Vec<Scores> = docs
        .par_iter()
        .map(|d| {
            let offsets = CharOffsets::new(&d.text);
            let pred: Vec<(usize, usize, &str)> = model
                .tag_text(&d.text)
                .into_iter()
                .map(|(s, l)| {
                    let (a, b) = offsets.span(s);
                    (a, b, model.label(l))
                })
                .collect();
            score(&d.entities, &pred)
        })
        .collect();
    let mut total = Scores::default();
    for s in &per_doc {
        total.merge(s);
    }
    total
}

/// Read a model file.
pub fn load_model(path: &str) -> Result<Model, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Model::from_bytes(&bytes).map_err(|e| format!("{path}: {e}"))
}

/// The `train-ner` subcommand.
pub fn run_train(args: &[String]) -> Result<(), String> {
    let train_path = opt_str(args, "--train")?.ok_or("train-ner: give --train FILE.jsonl")?;
    let out = opt_str(args, "--out")?.ok_or("train-ner: give --out PATH")?;
    let dev_path = opt_str(args, "--dev")?;
    let mut opts = TrainOptions::default();
    if let Some(n) = jsonl::opt_usize(args, "--epochs")? {
        opts.epochs = n;
    }
    if let Some(s) = jsonl::opt_usize(args, "--seed")? {
        opts.seed = s as u64;
    }
    if let Some(c) = jsonl::opt_usize(args, "--min-count")? {
        opts.min_count = c as u32;
    }
    match opt_str(args, "--scheme")? {
        None | Some("bilou") => {}
        Some("bio") => opts.scheme = Scheme::Bio,
        Some(other) => return Err(format!("--scheme {other:?}: use bio or bilou")),
    }
    let t0 = Instant::now();
    let docs: Vec<TrainDoc> = read_docs(train_path)?.iter().map(to_train_doc).collect();
    let dev = dev_path.map(read_docs).transpose()?;
    let (model, stats) = train(&docs, &opts, |epoch, m| {
        let secs = t0.elapsed().as_secs_f64();
        match &dev {
            Some(dev) => {
                let s = evaluate(m, dev);
                let (p, r, f) = s.overall().prf();
                println!("epoch {epoch:>2}  dev P {p:.4} R {r:.4} F1 {f:.4}  ({secs:.1} s)");
            }
            None => println!("epoch {epoch:>2}  ({secs:.1} s)"),
        }
    });
    println!(
        "trained on {} sentences, {} tokens, {} mentions ({} misaligned, {} skipped); {} features kept, {} with weights; labels {:?}",
        stats.sentences,
        stats.tokens,
        stats.mentions,
        stats.misaligned,
        stats.skipped,
        stats.features,
        model.features(),
        model.labels()
    );
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    println!(
        "wrote {out} ({} bytes) in {:.1} s",
        bytes.len(),
        t0.elapsed().as_secs_f64()
    );
    if let Some(dev) = &dev {
        println!("dev ({}):", dev_path.unwrap_or(""));
        evaluate(&model, dev).print();
    }
    Ok(())
}

/// The `ner-conll` subcommand.
pub fn run_eval(args: &[String]) -> Result<(), String> {
    let path = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--model"))
        .map(|(_, a)| a.as_str())
        .ok_or("ner-conll: give the CoNLL-style JSONL path")?;
    let model = match opt_str(args, "--model")? {
        Some(p) => load_model(p)?,
        None => Model::global().clone(),
    };
    let docs = read_docs(path)?;
    let t0 = Instant::now();
    let scores = evaluate(&model, &docs);
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "entity-level exact match on {} documents ({path}), tagged in {secs:.2} s",
        docs.len()
    );
    scores.print();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_label_match() {
        let gold = [(0, 5, "PER"), (10, 15, "LOC"), (20, 22, "ORG")];
        let pred = [(0, 5, "PER"), (10, 15, "ORG"), (20, 23, "ORG")];
        let s = score(&gold, &pred);
        assert_eq!(
            s.overall(),
            Counts {
                hit: 1,
                pred: 3,
                gold: 3
            }
        );
        assert_eq!(
            s.labels["ORG"],
            Counts {
                hit: 0,
                pred: 2,
                gold: 1
            }
        );
        assert_eq!(s.labels["LOC"].prf(), (0.0, 0.0, 0.0));
        let (p, r, f) = s.subset(&["PER"]).prf();
        assert!((p - 1.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9 && (f - 1.0).abs() < 1e-9);
    }
}
