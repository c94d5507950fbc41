use super::train::{train, TrainOptions};
use super::*;

fn tag(sentence: &str) -> Vec<(String, Upos, String, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out = Vec::new();
    Tagger::global().tag(&words, &mut out);
    words
        .iter()
        .zip(out)
        .map(|(w, t)| {
            (
                w.to_string(),
                t.upos,
                t.xpos.to_string(),
                t.lemma.into_owned(),
            )
        })
        .collect()
}

fn find<'a>(
    tagged: &'a [(String, Upos, String, String)],
    word: &str,
) -> &'a (String, Upos, String, String) {
    tagged.iter().find(|t| t.0 == word).unwrap()
}

#[test]
fn news_sentence() {
    let t = tag("Russian President Vladimir Putin arrived in Beijing on Tuesday .");
    for name in ["Vladimir", "Putin", "Beijing", "Tuesday"] {
        assert_eq!(find(&t, name).1, Upos::Propn, "{name}: {t:?}");
        assert_eq!(find(&t, name).3, name);
    }
    let arrived = find(&t, "arrived");
    assert_eq!(
        (arrived.1, arrived.2.as_str(), arrived.3.as_str()),
        (Upos::Verb, "VBD", "arrive")
    );
    assert_eq!(find(&t, "in").1, Upos::Adp);
    assert_eq!(find(&t, ".").1, Upos::Punct);
}

#[test]
fn auxiliaries_and_plurals() {
    let t = tag("Officials said the talks had been postponed .");
    assert_eq!(find(&t, "had").1, Upos::Aux);
    assert_eq!(find(&t, "had").3, "have");
    assert_eq!(find(&t, "been").1, Upos::Aux);
    assert_eq!(find(&t, "been").3, "be");
    assert_eq!(find(&t, "talks").1, Upos::Noun);
    assert_eq!(find(&t, "talks").3, "talk");
    assert_eq!(find(&t, "Officials").3, "official");
    assert_eq!(find(&t, "said").3, "say");
    assert_eq!(find(&t, "postponed").1, Upos::Verb);
    assert_eq!(find(&t, "postponed").3, "postpone");
    assert_eq!(find(&t, "the").1, Upos::Det);
}

#[test]
fn question_and_quote() {
    let t = tag("Why did the companies stop hiring ?");
    assert_eq!(find(&t, "Why").1, Upos::Adv);
    assert_eq!(find(&t, "did").1, Upos::Aux);
    assert_eq!(find(&t, "did").3, "do");
    assert_eq!(find(&t, "companies").3, "company");
    assert_eq!(find(&t, "stop").1, Upos::Verb);
    let t = tag("\" We are not going to give up , \" she told reporters .");
    assert_eq!(find(&t, "are").3, "be");
    assert_eq!(find(&t, "not").1, Upos::Part);
    assert_eq!(find(&t, "going").3, "go");
    assert_eq!(find(&t, "she").1, Upos::Pron);
    assert_eq!(find(&t, "told").3, "tell");
    assert_eq!(find(&t, "reporters").3, "reporter");
    assert_eq!(find(&t, "\"").1, Upos::Punct);
}

#[test]
fn lemma_rules_reach_unseen_words() {
    let t = Tagger::global();
    let x = |name: &str| t.xpos_names().position(|n| n == name).unwrap() as u16;
    let l = t.lemmatizer();
    assert_eq!(l.lemma("blorfed", Upos::Verb, x("VBD")), "blorf");
    assert_eq!(l.lemma("zibbies", Upos::Noun, x("NNS")), "zibby");
    assert_eq!(l.lemma("Children", Upos::Noun, x("NNS")), "child");
    assert_eq!(l.lemma("stopped", Upos::Verb, x("VBD")), "stop");
    assert_eq!(l.lemma("Putin", Upos::Propn, x("NNP")), "Putin");
    // Suffix rules change no case: an unseen acronym or name read as a noun
    // is lower-cased whole, never "gazpROM" or "gUSB".
    assert_eq!(l.lemma("Gazprom", Upos::Noun, x("NN")), "gazprom");
    assert_eq!(l.lemma("GISB", Upos::Noun, x("NN")), "gisb");
}

#[test]
fn lemma_rules_learn_no_case_from_acronyms() {
    // "ROM" and "CD-ROM" keep their case as lemmas: exceptions, not a rule
    // "-rom" -> "-ROM" for every noun ending in "rom".
    let words = [
        ("ROM", Upos::Noun, 0u8, "ROM"),
        ("CD-ROM", Upos::Noun, 0, "CD-ROM"),
        ("prom", Upos::Noun, 0, "prom"),
    ];
    let l = crate::syntax::lemma::Lemmatizer::learn(words);
    assert_eq!(l.lemma("ROM", Upos::Noun, 0), "ROM");
    assert_eq!(l.lemma("Gazprom", Upos::Noun, 0), "gazprom");
}

#[test]
fn empty_sentence() {
    let mut out = vec![];
    Tagger::global().tag(&[], &mut out);
    assert!(out.is_empty());
}

#[test]
fn shipped_model_round_trips() {
    let t = Tagger::global();
    let bytes = t.to_bytes();
    let again = Tagger::from_bytes(&bytes).unwrap();
    assert_eq!(again.to_bytes(), bytes);
    assert_eq!(bytes, include_bytes!("../../data/syntax/model.bin"));
    assert!(Tagger::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(Tagger::from_bytes(b"junk").is_err());
}

const TINY: &str = "# sent_id = 1
# text = The cats sat.
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tsat\tsit\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
3.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_
4\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tDogs\tdog\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_
";

#[test]
fn conllu_reader_keeps_syntactic_words() {
    let s = read_conllu(TINY).unwrap();
    assert_eq!(s.len(), 3);
    let forms: Vec<&str> = s[1].iter().map(|w| w.form.as_str()).collect();
    assert_eq!(forms, ["Do", "n't", "go", "!"]);
    assert_eq!(s[0][1].lemma, "cat");
    assert_eq!(s[0][1].xpos, "NNS");
}

#[test]
fn training_is_deterministic() {
    let gold = read_conllu(TINY).unwrap();
    let opts = TrainOptions {
        epochs: 3,
        dict_min_count: 1,
        prune: 0.0,
        ..TrainOptions::default()
    };
    let first = train(&gold, &opts).unwrap().to_bytes();
    let second = train(&gold, &opts).unwrap().to_bytes();
    assert_eq!(first, second);
    let t = Tagger::from_bytes(&first).unwrap();
    let x = |name: &str| t.xpos_names().position(|n| n == name).unwrap() as u16;
    assert_eq!(t.lemmatizer().lemma("hats", Upos::Noun, x("NNS")), "hat");
    let mut out = Vec::new();
    t.tag(&["The", "cats", "sat", "."], &mut out);
    assert_eq!(out[1].upos, Upos::Noun);
    assert_eq!(out[2].lemma, "sit");
}

/// Words, heads (`None` = root) and relations of a sentence split on spaces.
fn parse(sentence: &str) -> Vec<(String, Option<usize>, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out = Vec::new();
    Syntax::global().analyze(&words, &mut out);
    words
        .iter()
        .zip(out)
        .map(|(w, a)| (w.to_string(), a.head, a.deprel.to_string()))
        .collect()
}

/// The head word and relation of the first `word`.
fn head_of<'a>(p: &'a [(String, Option<usize>, String)], word: &str) -> (&'a str, &'a str) {
    let (_, head, rel) = p.iter().find(|w| w.0 == word).unwrap();
    (head.map_or("ROOT", |h| p[h].0.as_str()), rel.as_str())
}

#[test]
fn parses_a_news_sentence() {
    let p = parse("Russian President Vladimir Putin arrived in Beijing on Tuesday .");
    assert_eq!(head_of(&p, "arrived"), ("ROOT", "root"), "{p:?}");
    // UD heads a name on its first word: "Vladimir" is the subject, "Putin" flat.
    assert_eq!(head_of(&p, "Vladimir"), ("arrived", "nsubj"), "{p:?}");
    assert_eq!(head_of(&p, "Putin"), ("Vladimir", "flat"), "{p:?}");
    assert_eq!(head_of(&p, "Beijing"), ("arrived", "obl"), "{p:?}");
    assert_eq!(head_of(&p, "in"), ("Beijing", "case"), "{p:?}");
    assert_eq!(head_of(&p, "Tuesday").0, "arrived", "{p:?}");
    assert_eq!(head_of(&p, ".").1, "punct", "{p:?}");
}

#[test]
fn tells_passive_subjects_and_objects() {
    let p = parse("The talks were postponed by the ministers .");
    assert_eq!(head_of(&p, "talks"), ("postponed", "nsubj:pass"), "{p:?}");
    assert_eq!(head_of(&p, "were"), ("postponed", "aux:pass"), "{p:?}");
    assert_eq!(head_of(&p, "ministers").0, "postponed", "{p:?}");
    let p = parse("The police arrested two men in London on Friday .");
    assert_eq!(head_of(&p, "police"), ("arrested", "nsubj"), "{p:?}");
    assert_eq!(head_of(&p, "men"), ("arrested", "obj"), "{p:?}");
    assert_eq!(head_of(&p, "two"), ("men", "nummod"), "{p:?}");
    let p = parse("\" We will not give up , \" she told reporters .");
    assert_eq!(head_of(&p, "she"), ("told", "nsubj"), "{p:?}");
    assert_eq!(head_of(&p, "reporters").0, "told", "{p:?}");
    assert_eq!(head_of(&p, "We"), ("give", "nsubj"), "{p:?}");
}

#[test]
fn every_parse_is_one_tree() {
    let mut out = Vec::new();
    for sentence in [
        "",
        "Hello",
        ". . . , , ,",
        "the the the the the the the the the the",
        "Putin met Xi ( Putin met Xi ( Putin met Xi",
        "\" \" \" said said said Mr. Mr.",
    ] {
        let words: Vec<&str> = sentence.split(' ').filter(|w| !w.is_empty()).collect();
        Syntax::global().analyze(&words, &mut out);
        assert_tree(&out, sentence);
    }
}

/// A word's analysis: UPOS, XPOS, lemma, head, relation.
type Row = (Upos, String, String, Option<usize>, String);

#[test]
fn a_batch_of_sentences_is_analysed_as_each_alone() {
    let sentences = [
        "Officials said the talks had been postponed .",
        "",
        "Hello",
        "Putin met Xi in Beijing on Tuesday , and they signed deals worth $ 2.5 billion .",
        "\" \" \" said said said Mr. Mr.",
        "It was n't clear whether the ministers would return .",
    ];
    // Enough sentences for several runs, and one longer than a run alone.
    let long = vec!["the"; 3000].join(" ");
    let mut all: Vec<&str> = Vec::new();
    for _ in 0..80 {
        all.extend(sentences);
    }
    all.push(&long);
    all.extend(sentences);
    let sentences = all;
    let mut words: Vec<&str> = Vec::new();
    let mut bounds = Vec::new();
    for s in &sentences {
        let from = words.len();
        words.extend(s.split(' ').filter(|w| !w.is_empty()));
        bounds.push(from..words.len());
    }
    let mut got: Vec<Vec<Row>> = vec![Vec::new(); sentences.len()];
    let mut sc = SyntaxScratch::default();
    Syntax::global().analyze_batch(&words, &bounds, &mut sc, |k, i, a| {
        assert_eq!(got[k].len(), i);
        got[k].push((
            a.upos,
            a.xpos.to_owned(),
            a.lemma.into_owned(),
            a.head,
            a.deprel.to_owned(),
        ));
    });
    let mut out = Vec::new();
    for (k, r) in bounds.iter().enumerate() {
        Syntax::global().analyze(&words[r.clone()], &mut out);
        let alone: Vec<_> = out
            .iter()
            .map(|a| {
                (
                    a.upos,
                    a.xpos.to_owned(),
                    a.lemma.to_string(),
                    a.head,
                    a.deprel.to_owned(),
                )
            })
            .collect();
        assert_eq!(got[k], alone, "{}", sentences[k]);
    }
    // Ranges out of order or past the end are left out, the others analysed.
    let bad = [5..9, 2..4, 7..12, 20..usize::MAX, 12..14];
    let mut seen = Vec::new();
    Syntax::global().analyze_batch(&words[..30], &bad, &mut sc, |k, i, _| seen.push((k, i)));
    let firsts: Vec<usize> = seen.iter().filter(|e| e.1 == 0).map(|e| e.0).collect();
    assert_eq!(firsts, [0, 4]);
}

fn assert_tree(out: &[Analyzed<'_, '_>], what: &str) {
    let n = out.len();
    let roots = out.iter().filter(|a| a.head.is_none()).count();
    assert!(n == 0 || roots == 1, "{what}: {roots} roots");
    for (i, a) in out.iter().enumerate() {
        assert_eq!(a.head.is_none(), a.deprel == "root", "{what}: word {i}");
        // Following heads from any word reaches the root within n steps.
        let mut at = i;
        for _ in 0..=n {
            match out[at].head {
                Some(h) => {
                    assert!(h < n && h != at, "{what}: word {at} head {h}");
                    at = h;
                }
                None => break,
            }
        }
        assert!(out[at].head.is_none(), "{what}: cycle through word {i}");
    }
}

proptest::proptest! {
    #[test]
    fn any_words_give_one_tree(words in proptest::collection::vec("[a-zA-Z.,'\"()-]{1,8}", 0..60)) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        Syntax::global().analyze(&words, &mut out);
        proptest::prop_assert_eq!(out.len(), words.len());
        assert_tree(&out, &words.join(" "));
    }
}

#[test]
fn shipped_parser_round_trips() {
    let p = DepParser::global();
    let bytes = p.to_bytes();
    assert_eq!(DepParser::from_bytes(&bytes).unwrap().to_bytes(), bytes);
    assert_eq!(bytes, include_bytes!("../../data/syntax/parser.bin"));
    assert!(DepParser::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    assert!(DepParser::from_bytes(b"NGDEP\0junk").is_err());
    let labels: Vec<&str> = p.label_names().collect();
    for l in ["root", "nsubj", "nsubj:pass", "obj", "obl", "case", "punct"] {
        assert!(labels.contains(&l), "{l}");
    }
}

/// "The cats sat ." gets its tree: "sat" the root, heading "cats" and ".".
fn assert_parses_cats_sat<'m>(syntax: Syntax<'m>, out: &mut Vec<Analyzed<'m, 'm>>) {
    syntax.analyze(&["The", "cats", "sat", "."], out);
    let heads: Vec<Option<usize>> = out.iter().map(|a| a.head).collect();
    assert_eq!(heads, [Some(1), Some(2), None, Some(2)]);
}

/// The tiny treebank, a tagger trained on it and its tags.
fn tiny_tagger() -> (Vec<Vec<GoldWord>>, Tagger, super::deptrain::SentenceTags) {
    let gold = read_conllu(TINY).unwrap();
    let topts = TrainOptions {
        epochs: 3,
        dict_min_count: 1,
        prune: 0.0,
        ..TrainOptions::default()
    };
    let tagger = train(&gold, &topts).unwrap();
    let tags = super::deptrain::jackknife_tags(&gold, &tagger, &topts, 1).unwrap();
    (gold, tagger, tags)
}

#[test]
fn parser_training_is_deterministic_and_learns() {
    use super::deptrain::{train_parser, ParserTrainOptions};
    let (gold, tagger, tags) = tiny_tagger();
    // The mean of three, trained side by side: the same bytes every time.
    let popts = ParserTrainOptions {
        epochs: 8,
        prune: 0.0,
        models: 3,
        mean_label_prune: 0.0,
        ..ParserTrainOptions::default()
    };
    let first = train_parser(&gold, &tags, &popts).unwrap();
    let second = train_parser(&gold, &tags, &popts).unwrap();
    assert_eq!(first.to_bytes(), second.to_bytes());
    let syntax = Syntax {
        tagger: &tagger,
        parser: &first,
    };
    let mut out = Vec::new();
    assert_parses_cats_sat(syntax, &mut out);
    assert_eq!(out[1].deprel, "nsubj");
}

#[test]
fn the_mean_of_parsers_parses_like_them() {
    use super::deptrain::{train_parser, ParserTrainOptions};
    let (gold, tagger, tags) = tiny_tagger();
    let one = |seed| {
        let popts = ParserTrainOptions {
            epochs: 8,
            prune: 0.0,
            seed,
            models: 1,
            ..ParserTrainOptions::default()
        };
        train_parser(&gold, &tags, &popts).unwrap()
    };
    let (a, b) = (one(7), one(8));
    let mean = DepParser::mean(&[&a, &b], 0.0);
    // A mean of one model is that model.
    assert_eq!(DepParser::mean(&[&a], 0.0).to_bytes(), a.to_bytes());
    let back = DepParser::from_bytes(&mean.to_bytes()).unwrap();
    let syntax = Syntax {
        tagger: &tagger,
        parser: &back,
    };
    let mut out = Vec::new();
    assert_parses_cats_sat(syntax, &mut out);
}

#[test]
fn a_neural_parser_is_deterministic_round_trips_and_learns() {
    use super::nn::NnDims;
    use super::nntrain::{train_nn_parser, NnTrainOptions};
    let (gold, tagger, tags) = tiny_tagger();
    let opts = NnTrainOptions {
        dims: NnDims {
            emb: [8, 4, 4, 2, 2],
            lstm: 8,
            hidden: 8,
            layers: 2,
            slots: 8,
            labels: 0,
        },
        epochs: 30,
        batch: 1,
        rate: 0.01,
        decay: 1.0,
        ..NnTrainOptions::default()
    };
    let first = train_nn_parser(&gold, &tags, &opts, |_, _| {}).unwrap();
    let second = train_nn_parser(&gold, &tags, &opts, |_, _| {}).unwrap();
    let bytes = first.to_bytes();
    assert_eq!(bytes, second.to_bytes());
    let back = DepParser::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    // A file cut short is an error, not a panic.
    for cut in [bytes.len() - 1, bytes.len() - 5, bytes.len() / 2] {
        assert!(DepParser::from_bytes(&bytes[..cut]).is_err());
    }
    let syntax = Syntax {
        tagger: &tagger,
        parser: &back,
    };
    let mut out = Vec::new();
    assert_parses_cats_sat(syntax, &mut out);
    for words in [&[][..], &["Dogs", "barked", "at", "cats"], &["x"; 40]] {
        syntax.analyze(words, &mut out);
        assert_tree(&out, &words.join(" "));
    }
}

#[test]
fn a_stacked_parser_round_trips_and_parses() {
    use super::deptrain::{train_parser, ParserTrainOptions};
    let (gold, tagger, tags) = tiny_tagger();
    let popts = ParserTrainOptions {
        epochs: 8,
        prune: 0.0,
        stack: true,
        guide_folds: 2,
        ..ParserTrainOptions::default()
    };
    let parser = train_parser(&gold, &tags, &popts).unwrap();
    assert!(parser.guide.is_some());
    let bytes = parser.to_bytes();
    let back = DepParser::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_bytes(), bytes);
    let syntax = Syntax {
        tagger: &tagger,
        parser: &back,
    };
    let mut out = Vec::new();
    for words in [
        &["The", "cats", "sat", "."][..],
        &[],
        &["Dogs", "barked", "at", "cats"],
    ] {
        syntax.analyze(words, &mut out);
        assert_tree(&out, &words.join(" "));
    }
}

#[test]
fn shipped_clusters() {
    let text = include_str!("../../data/syntax/clusters.tsv");
    let clusters = Clusters::parse(text).unwrap();
    // Every line is a distinct form (no two forms share a hash).
    assert_eq!(clusters.len(), text.lines().count());
    assert!(clusters.len() > 100_000, "{}", clusters.len());
    assert_eq!(Clusters::global().len(), clusters.len());
    // Words that behave alike share a class; a capitalized form falls back
    // to its lower-cased one.
    let class = |w: &str| clusters.class(w);
    assert!(class("Beijing").is_some());
    assert_eq!(class("Beijing"), class("beijing"));
    assert_eq!(class("Beijing"), class("Moscow"));
    assert_eq!(class("Moscow"), class("Russia"));
    assert_ne!(class("said"), class("Moscow"));
    assert_eq!(class("zzqxv"), None);
}

#[test]
fn cluster_table_text() {
    let pairs = [
        ("the", 11),
        ("The", 11),
        ("Paris", 40),
        ("paris", 41),
        ("none", 0),
        ("tab\tbed", 5),
        (" space", 5),
        ("", 5),
    ];
    assert_eq!(
        Clusters::table_text(&pairs),
        "the\t11\nParis\t40\nparis\t41\n"
    );
    assert!(Clusters::parse("word\t0\n").is_err());
    assert!(Clusters::parse("word 3\n").is_err());
    let c = Clusters::parse("Paris\t40\nparis\t41\nthe\t11\n").unwrap();
    assert_eq!(c.class("Paris"), Some(40));
    assert_eq!(c.class("PARIS"), Some(41));
    assert_eq!(c.class("The"), Some(11));
}
