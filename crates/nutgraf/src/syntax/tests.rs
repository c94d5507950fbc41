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
