//! `nutgraf-eval`: score nutgraf's extractors on annotated corpora.
//!
//! The corpora are not part of the repository; pass their path. Each subcommand
//! prints its figures and, with `--details`, the per-document numbers.
//!
//! ```text
//! nutgraf-eval body ../shared/eval/article_extraction/dev.jsonl [--details] [--worst N]
//! nutgraf-eval body-html ../shared/eval/article_extraction_html/dev.jsonl [--details] [--worst N] [--no-timing]
//! nutgraf-eval duplicates ../shared/eval/article_extraction/dev.jsonl ../shared/eval/m2e2/dev.jsonl \
//!     ../shared/eval/ecbplus/dev.jsonl [--exact] [--sweep]
//! nutgraf-eval glue ../shared/eval/conll2003/dev.jsonl ../shared/eval/polnear/dev.jsonl
//! nutgraf-eval repair ../shared/eval [--seed S] [--examples N]
//! nutgraf-eval timex ../shared/eval/tempeval3/train.jsonl [--errors N]
//! nutgraf-eval ner-conll ../shared/eval/conll2003/dev.jsonl [--model PATH]
//! nutgraf-eval duckling ../shared/eval/duckling_en/dev.jsonl [--errors N]
//! nutgraf-eval train-ner --train ../shared/eval/conll2003/train.jsonl \
//!     --dev ../shared/eval/conll2003/dev.jsonl --epochs 15 --out crates/nutgraf/data/ner/model.bin
//! nutgraf-eval events ../shared/eval/m2e2/dev.jsonl [--no-syntax] [--rules N]
//! nutgraf-eval rams ../shared/eval/rams/dev.jsonl [--no-syntax]
//! nutgraf-eval stories ../shared/eval/ecbplus/dev.jsonl [--orders N]
//! nutgraf-eval ud ../shared/eval/ud_english_ewt/dev.conllu [--model PATH]
//! nutgraf-eval wordnet-events /path/to/wordnet/dict
//! nutgraf-eval wordnet-reports /path/to/wordnet/dict
//! nutgraf-eval train-syntax --train ../shared/eval/ud_english_ewt/train.conllu \
//!     --dev ../shared/eval/ud_english_ewt/dev.conllu --out crates/nutgraf/data/syntax/
//! ```

use nutgraf_eval::{
    body, body_html, coref, dedup, duckling, entities, events, glue, ner, quotes, rams, repair,
    stories, timex, ud, wordnet,
};

use std::process::ExitCode;

const USAGE: &str = "usage: nutgraf-eval <task> <file.jsonl> [options]

tasks:
  body FILE      body extraction: token precision, recall and F1 of the parsed
                 `body` against `gold.body` (article_extraction format)
  body-html FILE the same from the raw HTML (article_extraction_html format),
                 with pages per second on one thread, full parse and extraction
                 only [--details] [--worst N] [--no-timing]
                 options: --details (one line per document), --worst N (show the N
                 worst documents with their missing and extra text)
  stories FILE [--orders N] [--story-errors] [--chain-errors N]
                 stories and cross-document entities on ECB+: B-cubed, pairwise
                 and adjusted Rand index of the stories against the gold ones,
                 B-cubed of the entities over the gold chains of named
                 participants and places; in the file's order and N seeded
                 shuffles (default 3), for all topics and each half;
                 --story-errors: the stories that mix gold stories and why,
                 --chain-errors N: the N gold chains losing most recall and where their
                 mentions went (both for the file's order)
  coref FILE [--syntax]
                 pronoun resolution on ECB+: precision and recall per
                 pronoun class, against the last-person-named baseline
  events FILE [--no-syntax] [--rules N]
                 events on M2E2 (ACE types): trigger and argument precision,
                 recall and F1 per type, as ../shared/eval/README.md scores them;
                 with the syntax stage (events from the tree) unless --no-syntax;
                 --rules N: the N trigger forms predicted most often with their
                 hits and precision, and every form never right
  rams FILE [--no-syntax]
                 events on RAMS (AIDA types), one annotated event a window:
                 the share of windows with an event of a fitting type at the
                 gold trigger, per type, and how often its actor is right;
                 with the syntax stage unless --no-syntax
  ner FILE       named entities of the whole pipeline: typed exact-match P/R/F1
                 per label (CoNLL or news_entities format); options: --scheme
                 conll|ontonotes (default from the file name), --errors N
                 (show N errors), --per-doc N (keep up to N missed and N extra
                 mentions per document; default 5)
  timex FILE     time expressions, TempEval-3 style: strict and relaxed span
                 P/R/F1, type and value accuracy on matched spans (tempeval3
                 format); options: --errors N
  quotes FILE    quotes and attributions (PolNeAR format): direct-quote span
                 P/R/F1 (exact and overlap) and speaker accuracy; all
                 attributions: overlap P/R/F1 and cue accuracy, with the
                 syntax stage; options: --errors N, --no-syntax
  duckling FILE  single phrases of Duckling's English corpus: pass rate per
                 dimension (money, numbers, ordinals, quantities; time and
                 duration through the time module) and per corpus kind
                 options: --errors N (show up to N failures per dimension)
  duplicates FILE... [--exact] [--sweep] [--errors N] [--show NAME]
                 [--threshold T] [--shingle K] [--hashes H] [--bands B]
                 [--rows R] [--jaccard] [--no-lede]
                 near-duplicate detection: near-copies of each article's body
                 (furniture, a caption, a paragraph moved or dropped, light
                 edits, combinations; `text` else `raw_text` field), made with
                 a fixed seed and parsed again: recall per kind, the pairs found
                 among the distinct articles (with their first lines), and the
                 index's documents per second; --exact: exact shingle
                 similarity of copies and of pairs of articles for shingles of
                 2 to 8 words, and the estimate's error; --sweep: recall and
                 pairs over a grid of index options; --errors N: missed copies
                 shown (default 10); --show NAME: the pages and bodies of the
                 copies of article NAME (file folder:id)
  glue FILE...   glued-word repair on clean text: every split it makes is a
                 false split; prints each with its context and the count per
                 file (`text` field of each record); options: --quiet
  repair DIR [--seed S] [--examples N]
                 encoding repair on the dev corpora under DIR (default
                 ../shared/eval): repairs per 10,000 words of clean text
                 (mojibake and C1 controls: each a false repair; HTML
                 references and glued words apart), then the share of
                 paragraphs restored exactly after the project's own damage
                 (UTF-8 read as Windows-1252 or Latin-1, once or twice, one
                 non-ASCII paragraph in two, seed S, default 13); N examples
                 of false repairs and misses per corpus (default 5)
  ner-conll FILE entity-level precision, recall and F1 per label (exact span and
                 label) of the NER model on a CoNLL-style JSONL file
                 options: --model PATH (default: the shipped model)
  train-ner      train the NER model: --train FILE.jsonl [--dev FILE.jsonl]
                 [--epochs N] [--seed S] [--scheme bilou|bio] [--min-count C]
                 --out PATH
  ud FILE        syntax on the gold words of a CoNLL-U file: UPOS, XPOS and
                 lemma accuracy, UAS and LAS (universal relations, and with
                 subtypes), words per second (tagging, lemmatizing and parsing,
                 one thread); options: --model PATH (tagger), --parser PATH
                 (defaults: the shipped models), --write OUT.conllu (the
                 predicted analysis), --prune-parser W, --mean-with A,B
                 (score the mean of the parser and these), --mix-moves PATH
                 [--mix W] (a neural parser with the transition scores of
                 the perceptron parser PATH added times W, default 0.01, the best on EWT dev;
                 --write-parser OUT writes that parser)
  train-syntax   train the tagger, lemmatizer and parser: --train FILE.conllu
                 [--dev FILE.conllu] [--epochs N] [--seed S] [--prune W]
                 [--parser-epochs N] [--parser-seed S] [--parser-models K]
                 [--folds K] [--stack] [--tagger PATH]
                 [--tagger-only]
                 [--tags-cache FILE] --out DIR (writes DIR/model.bin and
                 DIR/parser.bin); --neural trains a parser with a neural
                 scorer instead (BiLSTM; sizes --nn-word, --nn-class,
                 --nn-xpos, --nn-upos, --nn-suffix, --nn-lstm, --nn-hidden,
                 --nn-layers, --nn-slots 4|8; --nn-batch, --nn-rate,
                 --nn-decay, --nn-dropout-in, --nn-dropout-lstm;
                 --nn-perceptron-labels), optionally with a perceptron
                 parser's scores added: --nn-mix-with PATH [--nn-mix W]
                 (W chosen on --dev when not given)
  build-clusters FILE.json --out FILE.tsv
                 the word-class table of the tagger and parser
                 (data/syntax/clusters.tsv) from en_lexeme_cluster.json of
                 spacy-lookups-data (see data/syntax/README.md)
  wordnet-events DICT [--roots FILE] [--out DIR]
                 event trigger words from WordNet 3.0 (DICT: its dict folder,
                 as scripts/wordnet-events.sh fetches it): the words under each
                 root synset of data/lexicons/event_wordnet_roots.tsv whose
                 most frequent sense is there; writes event_verbs_wordnet.tsv
                 and event_nouns_wordnet.tsv (default: data/lexicons)
  wordnet-reports DICT [--out DIR]
                 verbs that report a clause (WordNet's verbs of communication,
                 cognition, emotion and perception taking \"that CLAUSE\" in
                 one of their two most frequent senses); writes
                 quote_verbs_wordnet.tsv (default: data/lexicons)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(task) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    let result = match task.as_str() {
        "body" => body::run(rest),
        "body-html" => body_html::run(rest),
        "coref" => coref::run(rest),
        "stories" => stories::run_cli(rest),
        "events" => events::run(rest),
        "rams" => rams::run(rest),
        "duckling" => duckling::run(rest),
        "duplicates" => dedup::run(rest),
        "glue" => glue::run(rest),
        "repair" => repair::run(rest),
        "ner" => entities::run(rest),
        "ner-conll" => ner::run_eval(rest),
        "timex" => timex::run(rest),
        "quotes" => quotes::run(rest),
        "train-ner" => ner::run_train(rest),
        "train-syntax" => ud::run_train(rest),
        "build-clusters" => ud::run_build_clusters(rest),
        "ud" => ud::run_eval(rest),
        "wordnet-events" => wordnet::run(rest),
        "wordnet-reports" => wordnet::run_reports(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => Err(format!("unknown task {other:?}\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nutgraf-eval: {message}");
            ExitCode::FAILURE
        }
    }
}
