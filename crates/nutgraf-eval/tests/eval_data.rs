//! Floors on the evaluation figures, over the shared evaluation data.
//!
//! These run when the data is there (`../shared/eval` beside the repository, as in
//! CI, or `$NUTGRAF_EVAL_DIR`) and skip with a message where it is not.

use nutgraf_eval::{body, body_html, eval_dir, ner};

/// The shared evaluation directory; `None` (the test skips) where it is
/// missing, except under `CI=true`, where a missing directory fails the test.
fn shared_eval() -> Option<std::path::PathBuf> {
    let dir = eval_dir();
    if dir.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but no shared/eval directory"
        );
        eprintln!("skipped: no shared/eval directory (set NUTGRAF_EVAL_DIR to run)");
    }
    dir
}

#[test]
fn body_extraction_f1_floor() {
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("article_extraction/dev.jsonl");
    let report = body::score(path.to_str().unwrap()).unwrap();
    let (p, r, f) = report.macro_prf;
    eprintln!(
        "body extraction: P {p:.3} R {r:.3} F1 {f:.3} on {} documents",
        report.documents
    );
    assert!(report.documents >= 50);
    assert!(f >= 0.85, "body F1 {f:.3} fell below 0.85");
}

#[test]
fn body_extraction_from_html_f1_floor() {
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("article_extraction_html/dev.jsonl");
    let report = body_html::score(path.to_str().unwrap(), false).unwrap();
    let (p, r, f) = report.body.macro_prf;
    eprintln!(
        "body extraction from HTML: P {p:.3} R {r:.3} F1 {f:.3} on {} pages",
        report.body.documents
    );
    assert!(report.body.documents >= 50);
    // Measured 0.960 (P 0.967, R 0.963).
    assert!(f >= 0.95, "HTML body F1 {f:.3} fell below 0.95");
}

#[test]
fn ner_conll_dev_f1_floor() {
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("conll2003/dev.jsonl");
    let docs = ner::read_docs(path.to_str().unwrap()).unwrap();
    let scores = ner::evaluate(nutgraf::entities::model::Model::global(), &docs);
    let (p, r, f) = scores.overall().prf();
    eprintln!("NER on CoNLL-2003 dev: P {p:.3} R {r:.3} F1 {f:.3}");
    assert!(docs.len() >= 200);
    assert!(f >= 0.89, "CoNLL dev F1 {f:.3} fell below 0.89");
    let (_, _, f3) = scores.subset(&["PER", "LOC", "ORG"]).prf();
    assert!(
        f3 >= 0.895,
        "CoNLL dev PER/LOC/ORG F1 {f3:.3} fell below 0.895"
    );
}

#[test]
fn pipeline_entities_floors() {
    use nutgraf_eval::entities::{score, Scheme};
    let Some(dir) = shared_eval() else {
        return;
    };
    let conll = score(
        dir.join("conll2003/dev.jsonl").to_str().unwrap(),
        Scheme::Conll,
    )
    .unwrap();
    let (_, _, f) = conll.scores.overall().prf();
    let (_, _, f3) = conll.scores.subset(&["PER", "LOC", "ORG"]).prf();
    eprintln!("pipeline CoNLL dev: F1 {f:.3}, PER+LOC+ORG {f3:.3}");
    assert!(f >= 0.89, "CoNLL dev F1 {f:.3} fell below 0.89");
    assert!(
        f3 >= 0.90,
        "CoNLL dev PER+LOC+ORG F1 {f3:.3} fell below 0.90"
    );
    let news = score(
        dir.join("news_entities/dev.jsonl").to_str().unwrap(),
        Scheme::OntoNotes,
    )
    .unwrap();
    let (_, _, f) = news.scores.overall().prf();
    eprintln!("pipeline news_entities dev: F1 {f:.3}");
    assert!(f >= 0.79, "news_entities dev F1 {f:.3} fell below 0.79");
}

#[test]
fn duckling_quantity_floors() {
    use nutgraf_eval::duckling;
    let Some(dir) = shared_eval() else {
        return;
    };
    let report = duckling::score(dir.join("duckling_en/dev.jsonl").to_str().unwrap()).unwrap();
    for (dimension, floor) in [
        ("amount-of-money", 0.93),
        ("number", 0.86),
        ("ordinal", 0.95),
        ("time", 0.87),
        ("duration", 0.90),
    ] {
        let t = report.dimension(dimension);
        eprintln!(
            "Duckling {dimension}: {}/{} = {:.3}",
            t.passed,
            t.total,
            t.rate()
        );
        assert!(t.total >= 15, "too few {dimension} examples: {}", t.total);
        assert!(
            t.rate() >= floor,
            "Duckling {dimension} pass rate {:.3} fell below {floor}",
            t.rate()
        );
    }
}

#[test]
fn tempeval_floors() {
    use nutgraf_eval::timex;
    let Some(dir) = shared_eval() else {
        return;
    };
    let r = timex::score(dir.join("tempeval3/train.jsonl").to_str().unwrap(), false).unwrap();
    let (_, _, relaxed) = r.relaxed_prf();
    let (_, _, strict) = r.strict_prf();
    eprintln!(
        "TempEval-3 train: relaxed F1 {relaxed:.3}, strict F1 {strict:.3}, type {:.3}, value {:.3}",
        r.type_accuracy(),
        r.value_accuracy()
    );
    assert!(r.gold > 1500, "too few gold timexes: {}", r.gold);
    assert!(
        relaxed >= 0.90,
        "relaxed span F1 {relaxed:.3} fell below 0.90"
    );
    assert!(strict >= 0.80, "strict span F1 {strict:.3} fell below 0.80");
    assert!(
        r.type_accuracy() >= 0.93,
        "type accuracy {:.3} fell below 0.93",
        r.type_accuracy()
    );
    assert!(
        r.value_accuracy() >= 0.845,
        "value accuracy {:.3} fell below 0.845",
        r.value_accuracy()
    );
}

#[test]
fn polnear_quote_floors() {
    use nutgraf_eval::quotes;
    let Some(dir) = shared_eval() else {
        return;
    };
    let r = quotes::score(dir.join("polnear/dev.jsonl").to_str().unwrap(), false, true).unwrap();
    let (_, _, exact) = r.direct_exact();
    let (_, _, overlap) = r.direct_overlap();
    let (_, _, all) = r.all_overlap();
    eprintln!(
        "PolNeAR dev: direct exact F1 {exact:.3}, overlap F1 {overlap:.3}, speaker {:.3}; all attributions F1 {all:.3}, cue {:.3}",
        r.speaker_accuracy(),
        r.cue_accuracy()
    );
    assert!(
        r.direct_gold > 400,
        "too few gold direct quotes: {}",
        r.direct_gold
    );
    assert!(exact >= 0.86, "direct exact F1 {exact:.3} fell below 0.86");
    assert!(
        overlap >= 0.89,
        "direct overlap F1 {overlap:.3} fell below 0.89"
    );
    assert!(
        r.speaker_accuracy() >= 0.92,
        "speaker accuracy {:.3} fell below 0.92",
        r.speaker_accuracy()
    );
    assert!(
        all >= 0.72,
        "all-attribution overlap F1 {all:.3} fell below 0.72 (issue 11's line)"
    );
    // Without the syntax stage: the word-order reading alone.
    let r = quotes::score(
        dir.join("polnear/dev.jsonl").to_str().unwrap(),
        false,
        false,
    )
    .unwrap();
    let (_, _, all) = r.all_overlap();
    assert!(
        all >= 0.68,
        "all-attribution overlap F1 {all:.3} without syntax fell below 0.68"
    );
}

#[test]
fn ud_ewt_dev_syntax_floors() {
    use nutgraf_eval::ud;
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("ud_english_ewt/dev.conllu");
    let sentences = ud::read(path.to_str().unwrap()).unwrap();
    let scores = ud::evaluate(nutgraf::syntax::Syntax::global(), &sentences);
    let (upos, xpos, lemma) = scores.accuracy();
    eprintln!("UD EWT dev: UPOS {upos:.4} XPOS {xpos:.4} lemma {lemma:.4}");
    assert!(scores.words >= 25_000);
    assert!(upos >= 0.952, "UPOS {upos:.4} fell below 0.952");
    assert!(xpos >= 0.947, "XPOS {xpos:.4} fell below 0.947");
    assert!(lemma >= 0.969, "lemma {lemma:.4} fell below 0.969");
    let (uas, las, _) = scores.attachment();
    eprintln!("UD EWT dev: UAS {uas:.4} LAS {las:.4}");
    assert!(uas >= 0.848, "UAS {uas:.4} fell below 0.848");
    assert!(las >= 0.811, "LAS {las:.4} fell below 0.811");
}

#[test]
fn ecbplus_pronoun_floors() {
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("ecbplus/dev.jsonl");
    let report = nutgraf_eval::coref::score(path.to_str().unwrap(), false).unwrap();
    let (p, r, _) = report.all.ours.prf();
    eprintln!("pronouns on ECB+ dev: P {p:.3} R {r:.3}");
    assert!(report.documents >= 400);
    assert!(p >= 0.70, "pronoun precision {p:.3} fell below 0.70");
    assert!(r >= 0.58, "pronoun recall {r:.3} fell below 0.58");
    // "he" and "she" do better than the last person named.
    let he_she = report
        .classes
        .iter()
        .find(|(c, _)| *c == nutgraf_eval::coref::Class::HeShe)
        .map(|(_, c)| *c)
        .unwrap();
    assert!(he_she.ours.right > he_she.baseline.right);
    // 0.773 since given names tell a man's from a woman's (0.701 before).
    assert!(he_she.ours.prf().0 >= 0.75);
}

#[test]
fn event_floors() {
    use nutgraf_eval::{events, rams};
    let Some(dir) = shared_eval() else {
        return;
    };
    // (syntax stage, M2E2 trigger F1, argument F1, RAMS found share): events
    // from the tree, and read by word order without the syntax stage.
    for (syntax, trigger_floor, argument_floor, rams_floor) in
        [(true, 0.465, 0.258, 0.295), (false, 0.37, 0.13, 0.22)]
    {
        let m2e2 =
            events::score(dir.join("m2e2/dev.jsonl").to_str().unwrap(), syntax, false).unwrap();
        let (_, _, trigger_f1) = m2e2.all.triggers.prf();
        let (_, _, argument_f1) = m2e2.all.arguments.prf();
        eprintln!(
            "M2E2 dev (syntax {syntax}): trigger F1 {trigger_f1:.3}, argument F1 {argument_f1:.3}"
        );
        assert!(m2e2.documents >= 100);
        assert!(
            trigger_f1 >= trigger_floor,
            "M2E2 trigger F1 {trigger_f1:.3} (syntax {syntax}) fell below {trigger_floor}"
        );
        assert!(
            argument_f1 >= argument_floor,
            "M2E2 argument F1 {argument_f1:.3} (syntax {syntax}) fell below {argument_floor}"
        );
        let r = rams::score(dir.join("rams/dev.jsonl").to_str().unwrap(), syntax).unwrap();
        let found = r.all.found_share();
        eprintln!(
            "RAMS dev (syntax {syntax}): {found:.3} of {} scored windows found",
            r.all.windows
        );
        assert!(r.all.windows >= 500);
        assert!(
            found >= rams_floor,
            "RAMS found share {found:.3} (syntax {syntax}) fell below {rams_floor}"
        );
    }
}

#[test]
fn near_duplicate_floors() {
    use nutgraf::corpus::DuplicateOptions;
    let Some(dir) = shared_eval() else {
        return;
    };
    let paths: Vec<String> = ["article_extraction", "m2e2", "ecbplus"]
        .iter()
        .map(|d| dir.join(d).join("dev.jsonl").to_string_lossy().into_owned())
        .collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let report = nutgraf_eval::dedup::score(&paths, DuplicateOptions::new()).unwrap();
    let recall = nutgraf_eval::ratio(report.found, report.copies);
    eprintln!("near-duplicates: {report:?}, recall {recall:.4}");
    assert!(report.articles >= 700);
    assert!(
        recall >= 0.985,
        "near-copy recall {recall:.4} fell below 0.985"
    );
    // Pairs found among the originals are ECB+ copies of one article or wire
    // report within one story (50 with the defaults, read one by one; since a
    // page address alone on a line is furniture, 23_3 and 23_4 ecbplus, one AP
    // report, pair too; 52 without the lede check, which adds two distinct
    // articles sharing a background paragraph or a press release's quotes);
    // none across stories or in the other corpora.
    assert_eq!(report.pairs_across_stories, 0);
    assert_eq!(report.pairs_without_story, 0);
    assert!(report.pairs <= 52, "{} pairs of originals", report.pairs);
}

#[test]
fn ecbplus_story_and_entity_floors() {
    use nutgraf_eval::stories::{score, Show};
    let Some(dir) = shared_eval() else {
        return;
    };
    let path = dir.join("ecbplus").join("dev.jsonl");
    let report = score(&path.to_string_lossy(), 3, Show::default()).unwrap();
    let all = &report.parts[0].1;
    let mean = |f: fn(&nutgraf_eval::stories::Figures) -> f64| {
        all.iter().map(f).sum::<f64>() / all.len() as f64
    };
    let stories = mean(|f| f.b3.f);
    let entities = mean(|f| f.entities.f);
    eprintln!("ECB+ stories B3 F1 {stories:.3}, entities B3 F1 {entities:.3}");
    // Today 0.913 and 0.824 (mean of the file's order and three shuffles;
    // stories 0.895 before the contrast test, entities 0.811 before given
    // names' genders and descriptors).
    assert!(
        stories >= 0.9,
        "story B-cubed F1 {stories:.3} fell below 0.9"
    );
    assert!(
        entities >= 0.805,
        "entity B-cubed F1 {entities:.3} fell below 0.805"
    );
}

#[test]
fn encoding_repair_floors() {
    use nutgraf_eval::repair;
    let Some(dir) = shared_eval() else {
        return;
    };
    let reports = repair::score(&dir, 13).unwrap();
    let words: usize = reports.iter().map(|r| r.words).sum();
    let false_repairs: usize = reports.iter().map(|r| r.clean[0] + r.clean[1]).sum();
    let per_10k = nutgraf_eval::ratio(false_repairs * 10_000, words);
    let (mut damaged, mut restored, mut collateral) = (0, 0, 0);
    for r in &reports {
        damaged += r.damaged.iter().map(|d| d.0).sum::<usize>();
        restored += r.damaged.iter().map(|d| d.1).sum::<usize>();
        collateral += r.collateral;
    }
    let share = nutgraf_eval::ratio(restored, damaged);
    eprintln!(
        "encoding repair: {false_repairs} repairs on {words} clean words ({per_10k:.3} per 10k); \
         {restored}/{damaged} damaged paragraphs restored ({share:.4}), {collateral} collateral"
    );
    assert!(words >= 500_000, "too few words: {words}");
    assert!(damaged >= 2_000, "too few damaged paragraphs: {damaged}");
    assert!(
        per_10k < 0.5,
        "{per_10k:.3} encoding repairs per 10k clean words"
    );
    assert!(share >= 0.98, "restored share {share:.4} fell below 0.98");
    assert_eq!(
        collateral, 0,
        "clean paragraphs changed in damaged documents"
    );
    for (k, v) in repair::VARIANTS.iter().enumerate() {
        let (n, ok): (usize, usize) = reports
            .iter()
            .fold((0, 0), |a, r| (a.0 + r.damaged[k].0, a.1 + r.damaged[k].1));
        assert!(
            nutgraf_eval::ratio(ok, n) >= 0.97,
            "{}: {ok}/{n} restored",
            v.name
        );
    }
}
