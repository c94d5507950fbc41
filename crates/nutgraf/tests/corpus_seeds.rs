//! The sample corpus as one [`Corpus`]: the expectations of it.
//!
//! 000, 001, 002 and 004 report Vladimir Putin's October 2023 trip to
//! Beijing; 003 his May 2024 one. None is a copy of another.

use std::path::PathBuf;

use nutgraf::{Corpus, Document, Meta};

fn seeds() -> Vec<(String, Document)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let index = std::fs::read_to_string(dir.join("seeds.jsonl")).expect("seeds.jsonl");
    index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let file = v["file"].as_str().unwrap();
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let meta = Meta::new()
                .with_published_str(v["published"].as_str().unwrap())
                .unwrap();
            let name = file.trim_start_matches("seeds/")[..3].to_owned();
            (name, nutgraf::parse(&text, &meta).unwrap())
        })
        .collect()
}

fn corpus(docs: &[(String, Document)]) -> Corpus {
    let mut c = Corpus::new();
    for (name, d) in docs {
        c.add(name.clone(), d).unwrap();
    }
    c
}

#[test]
fn two_stories_no_duplicates() {
    let docs = seeds();
    let c = corpus(&docs);
    let stories = c.stories();
    for s in &stories {
        eprintln!(
            "story {}: {:?} {:?} {:?}..{:?} {:?}",
            s.index,
            s.docs.iter().map(|&d| c.id(d).unwrap()).collect::<Vec<_>>(),
            s.title,
            s.start,
            s.end,
            s.entities
        );
        for m in &s.merges {
            eprintln!("  {}: {}", c.id(m.doc).unwrap(), m.reason());
        }
    }
    let ids = |s: &nutgraf::corpus::Story| -> Vec<&str> {
        s.docs.iter().map(|&d| c.id(d).unwrap()).collect()
    };
    assert_eq!(stories.len(), 2);
    assert_eq!(ids(&stories[0]), ["000", "001", "002", "004"]);
    assert_eq!(ids(&stories[1]), ["003"]);
    assert!(c.duplicates().is_empty(), "{:?}", c.duplicates());
}

#[test]
fn putin_is_one_entity_across_the_seeds() {
    let docs = seeds();
    let c = corpus(&docs);
    let ents = c.entities();
    for e in ents.iter().take(15) {
        eprintln!(
            "{} {:?} {:?} docs {:?}",
            e.name,
            e.label,
            e.aliases,
            e.docs().collect::<Vec<_>>()
        );
    }
    let putin = ents
        .iter()
        .find(|e| e.name.contains("Putin"))
        .expect("Putin");
    assert_eq!(putin.docs().count(), 5, "{putin:?}");
    for m in &putin.mentions {
        assert_eq!(docs[m.doc].1.slice(m.span), m.text);
    }
}

#[test]
fn the_trade_figures_of_003_and_004_conflict() {
    let docs = seeds();
    let c = corpus(&docs);
    for cl in c.claims() {
        eprintln!(
            "{} {:?}: {} | {:?} | {:?} | {} {:?}",
            c.id(cl.doc).unwrap(),
            cl.text,
            cl.measure,
            cl.subjects,
            cl.period,
            cl.value,
            cl.unit
        );
    }
    for k in c.conflicts() {
        eprintln!("CONFLICT {:?}: {}", k.kind, k.reason);
    }
    let conflicts = c.conflicts();
    let trade: Vec<_> = conflicts
        .iter()
        .filter(|k| k.claims.iter().all(|cl| cl.measure == "trade"))
        .collect();
    assert_eq!(trade.len(), 1, "{conflicts:?}");
    // Nothing else disagrees. The forum is "on October 17 and 18" in 004 and
    // "this Wednesday" (the 18th) in 000: days that overlap. 000 dates the
    // meeting with Xi on Tuesday ("landed this Tuesday ... to meet with") and
    // on Wednesday ("will meet with Xi Jinping on Wednesday"), the others on
    // Wednesday: a source that names both days is no contradiction, so no
    // date conflict.
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let k = trade[0];
    assert_eq!(k.kind, nutgraf::corpus::ConflictKind::Magnitude);
    let sides: Vec<(&str, &str)> = k
        .claims
        .iter()
        .map(|cl| (c.id(cl.doc).unwrap(), docs[cl.doc].1.slice(cl.span)))
        .collect();
    assert_eq!(
        sides,
        [
            ("003", "$240 billion"),
            ("004", "approximately $190 million")
        ]
    );
}

#[test]
fn the_october_trip_has_a_timeline_citing_its_sources() {
    let docs = seeds();
    let c = corpus(&docs);
    let tl = c.timeline(0);
    for e in &tl {
        eprintln!(
            "{:?} {:?} {:?} > {:?} @{:?} {:?}",
            e.time,
            e.kind,
            e.actors,
            e.targets,
            e.place,
            e.sources
                .iter()
                .map(|s| (c.id(s.doc).unwrap(), s.trigger.as_str()))
                .collect::<Vec<_>>()
        );
    }
    assert!(!tl.is_empty());
    // Every source points at a sentence of its document holding its trigger.
    for e in &tl {
        for s in &e.sources {
            assert!(docs[s.doc].1.slice(s.span).contains(&s.trigger));
        }
    }
    // Dated entries come first, in order.
    let times: Vec<&str> = tl.iter().filter_map(|e| e.time.as_deref()).collect();
    let mut sorted = times.clone();
    sorted.sort_unstable();
    assert_eq!(times, sorted);
    // Some event is reported by several outlets and merged.
    assert!(tl.iter().any(|e| {
        let mut d: Vec<usize> = e.sources.iter().map(|s| s.doc).collect();
        d.dedup();
        d.len() >= 2
    }));
    assert!(c.timeline(99).is_empty());
}
