//! Golden outputs of the sample corpus: the JSON contract of each seed article.
//!
//! The files in `tests/golden/seeds/` were reviewed by hand (title, boilerplate,
//! paragraphs, captions, credits) and are shared with the Python test suite.
//! After an intended change, regenerate them with `NUTGRAF_BLESS=1 cargo test
//! --test golden`, and review the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use nutgraf::{BlockKind, Meta, Parser};
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// (seed file, publication date) from `examples/corpus/seeds.jsonl`.
fn seeds() -> Vec<(PathBuf, String)> {
    let corpus = repo().join("examples/corpus");
    let index = std::fs::read_to_string(corpus.join("seeds.jsonl")).expect("seeds.jsonl");
    index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("seed index line");
            (
                corpus.join(v["file"].as_str().unwrap()),
                v["published"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn parse_seed(path: &Path, published: &str) -> nutgraf::Document {
    let text = std::fs::read_to_string(path).unwrap();
    let meta = Meta::new().with_published_str(published).unwrap();
    Parser::default().parse(&text, &meta).unwrap()
}

#[test]
fn seeds_match_golden_json() {
    let bless = std::env::var_os("NUTGRAF_BLESS").is_some();
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    let mut failures = Vec::new();
    for (path, published) in seeds {
        let got = parse_seed(&path, &published).to_json_value();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let golden = repo().join(format!("tests/golden/seeds/{stem}.json"));
        if bless {
            let pretty = serde_json::to_string_pretty(&got).unwrap() + "\n";
            std::fs::write(&golden, pretty).unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&golden).unwrap()).unwrap();
        if got != want {
            failures.push(describe(stem, &want, &got));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatch (NUTGRAF_BLESS=1 to regenerate, then review):\n{}",
        failures.join("\n")
    );
}

/// A readable account of the first differences between two contracts.
fn describe(stem: &str, want: &Value, got: &Value) -> String {
    let mut out = format!("== {stem}");
    for key in [
        "title",
        "subtitle",
        "authors",
        "publisher",
        "published",
        "language",
        "dateline",
        "body",
    ] {
        if want[key] != got[key] {
            let _ = write!(out, "\n  {key}: want {} got {}", want[key], got[key]);
        }
    }
    let empty = Vec::new();
    let wb = want["blocks"].as_array().unwrap_or(&empty);
    let gb = got["blocks"].as_array().unwrap_or(&empty);
    if let Some((w, g)) = wb.iter().zip(gb).find(|(w, g)| w != g) {
        let _ = write!(out, "\n  block want {w}\n        got  {g}");
    }
    if wb.len() != gb.len() {
        let _ = write!(out, "\n  blocks: want {} got {}", wb.len(), gb.len());
    }
    if want["sentences"] != got["sentences"] {
        out += "\n  sentences differ";
    }
    out
}

/// Hand-checked facts about the seeds, stated independently of the golden files.
#[test]
fn seeds_layout_facts() {
    let docs: Vec<nutgraf::Document> = seeds().iter().map(|(p, d)| parse_seed(p, d)).collect();
    let kinds = |i: usize, kind: BlockKind| -> Vec<String> {
        let d = &docs[i];
        d.blocks_of(kind)
            .map(|b| d.slice(b.span).to_owned())
            .collect()
    };
    assert_eq!(
        docs.iter().map(|d| d.title.clone().unwrap_or_default()).collect::<Vec<_>>(),
        [
            "Putin visits China with the aim of showing \"no-limits\" support between both countries",
            "Putin Visits China to Strengthen Partnership",
            "Putin Meets Xi Jinping in Beijing: Deepening Friendship and Closer Bilateral Ties",
            "Vladimir Putin to meet Xi Jinping in China seeking greater support for Ukraine invasion",
            "Russian President Vladimir Putin to Meet with Xi Jinping in China to Strengthen Relations and Seek Support for Ukraine Conflict",
        ]
    );
    // Seed 000: site name, subtitle, Spanish caption, credit, "Published by", one heading.
    assert_eq!(docs[0].publisher.as_deref(), Some("Voz media US"));
    assert_eq!(
        docs[0].subtitle.as_deref(),
        Some("The Russian president will meet with Xi Jinping on Wednesday in Beijing.")
    );
    let captions = kinds(0, BlockKind::Caption);
    assert_eq!(captions.len(), 1);
    assert!(captions[0].starts_with("El presidente de Rusia"));
    let caption = docs[0].blocks_of(BlockKind::Caption).next().unwrap();
    assert_eq!(caption.lang, Some("es"));
    assert_eq!(kinds(0, BlockKind::Credit), ["EFE/EPA/Parker Song/Pool"]);
    assert_eq!(
        kinds(0, BlockKind::Boilerplate),
        ["Voz media US Voz.us", "Published by"]
    );
    assert_eq!(
        kinds(0, BlockKind::Heading),
        ["The relationship between Putin and Xi Jinping"]
    );
    assert_eq!(kinds(0, BlockKind::Paragraph).len(), 5);
    // Seed 001: single-newline layout with section headings.
    assert_eq!(kinds(1, BlockKind::Heading).len(), 6);
    assert_eq!(kinds(1, BlockKind::Paragraph).len(), 7);
    assert!(kinds(1, BlockKind::Boilerplate).is_empty());
    // Seed 002: byline, subtitle, two furniture lines at the end.
    assert_eq!(
        docs[2]
            .authors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["time news"]
    );
    assert!(docs[2]
        .subtitle
        .as_deref()
        .unwrap()
        .starts_with("Russian President Vladimir Putin Arrives"));
    assert_eq!(
        kinds(2, BlockKind::Boilerplate),
        ["You may also like", "Leave a Comment"]
    );
    assert_eq!(kinds(2, BlockKind::Paragraph).len(), 6);
    // Seed 003: section label, information credit, every paragraph kept.
    assert_eq!(kinds(3, BlockKind::Boilerplate), ["Politics"]);
    assert_eq!(
        kinds(3, BlockKind::Credit),
        ["(With information from EFE and AFP)"]
    );
    assert_eq!(kinds(3, BlockKind::Paragraph).len(), 17);
    // Seed 004: four furniture lines at the end.
    assert_eq!(
        kinds(4, BlockKind::Boilerplate),
        [
            "Follow AsumeTech on",
            "More From Category",
            "More Stories Today",
            "Leave a Reply"
        ]
    );
    assert_eq!(kinds(4, BlockKind::Paragraph).len(), 5);
    for d in &docs {
        assert_eq!(d.language, Some("en"));
        assert_eq!(d.published_from, Some(nutgraf::PublishedFrom::Meta));
    }
}

/// Without `Meta`, no seed states its own date, so `published` stays null.
#[test]
fn seeds_without_meta_have_no_guessed_date() {
    for (path, _) in seeds() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = Parser::default().parse(&text, &Meta::new()).unwrap();
        assert_eq!(doc.published, None, "{}", path.display());
    }
}

/// A page that states its own date gets it, from a "Published" line or a dateline.
#[test]
fn published_from_the_text() {
    let page = "Home\nWorld\nMarkets jump as Fed holds rates\nBy Jane Doe\nPublished: October 17, 2023 at 5:50 PM ET\n\
                Stocks rallied on Tuesday after the Federal Reserve kept interest rates unchanged, and investors bet that the cycle of increases was over for the year.\n\
                The decision was widely expected by economists, who said inflation had cooled enough for the central bank to wait.\n";
    let doc = Parser::default().parse(page, &Meta::new()).unwrap();
    assert_eq!(doc.published, Some(nutgraf::Date::constant(2023, 10, 17)));
    assert_eq!(
        doc.title.as_deref(),
        Some("Markets jump as Fed holds rates")
    );
    assert_eq!(doc.authors[0].name, "Jane Doe");
    let Some(nutgraf::PublishedFrom::Text(span)) = doc.published_from else {
        panic!("published does not come from the text")
    };
    assert!(doc.slice(span).contains("October 17, 2023"));

    let wire = "LONDON, Oct. 17, 2023 (Reuters) - British inflation held steady in September, official figures showed on Tuesday, keeping pressure on the Bank of England.\n";
    let doc = Parser::default().parse(wire, &Meta::new()).unwrap();
    assert_eq!(doc.published, Some(nutgraf::Date::constant(2023, 10, 17)));
    let dl = doc.dateline.unwrap();
    assert_eq!(dl.place.as_deref(), Some("LONDON"));
    assert_eq!(dl.agency.as_deref(), Some("Reuters"));

    // A dateline without a year gives a place but no publication date.
    let wire = "BEIJING, Oct 17 (Reuters) - Russian President Vladimir Putin arrived in Beijing on Tuesday for talks with Chinese President Xi Jinping.\n";
    let doc = Parser::default().parse(wire, &Meta::new()).unwrap();
    assert_eq!(doc.published, None);
    assert_eq!(doc.dateline.unwrap().place.as_deref(), Some("BEIJING"));
}

/// Hand-checked entities of the seeds: the people, places and organizations named,
/// one entity per person whatever alias is used, and the roles the text gives.
#[test]
fn seeds_entities_and_roles() {
    use nutgraf::EntityLabel::{Gpe, Org, Person};
    let docs: Vec<nutgraf::Document> = seeds().iter().map(|(p, d)| parse_seed(p, d)).collect();
    let find =
        |d: &nutgraf::Document, label: nutgraf::EntityLabel, name: &str| -> nutgraf::Entity {
            d.entities
                .iter()
                .find(|e| e.label == label && e.name.starts_with(name))
                .unwrap_or_else(|| {
                    let all: Vec<_> = d
                        .entities
                        .iter()
                        .map(|e| (e.label.as_str(), e.name.as_str()))
                        .collect();
                    panic!("no {label:?} {name:?} in {all:?}")
                })
                .clone()
        };
    let role =
        |e: &nutgraf::Entity, title: &str, affiliation: Option<&str>| {
            assert!(
                e.roles.iter().any(|r| r.title.eq_ignore_ascii_case(title)
                    && r.affiliation.as_deref() == affiliation),
                "{}: no role {title:?} {affiliation:?} in {:?}",
                e.name,
                e.roles
            );
        };
    // Seed 000.
    let putin = find(&docs[0], Person, "Vladimir Putin");
    assert!(putin.aliases.iter().any(|a| a == "Putin"));
    role(&putin, "president", Some("Russia"));
    // "The Russian president" refers to him by role alone.
    let refs: Vec<&str> = putin.references.iter().map(|&r| docs[0].slice(r)).collect();
    assert_eq!(refs, ["The Russian president"]);
    role(
        &find(&docs[0], Person, "Xi Jinping"),
        "president",
        Some("China"),
    );
    role(
        &find(&docs[0], Person, "Joe Biden"),
        "president",
        Some("United States"),
    );
    for place in [
        "Beijing",
        "Russia",
        "China",
        "Israel",
        "United States",
        "Ukraine",
    ] {
        find(&docs[0], Gpe, place);
    }
    for org in ["Reuters", "NBC", "Kremlin"] {
        find(&docs[0], Org, org);
    }
    // Seed 001: "Putin" and "Vladimir Putin" are one entity; "ICC" joins its full name.
    let putin = find(&docs[1], Person, "Vladimir Putin");
    assert!(putin.mentions.len() >= 8);
    assert_eq!(
        docs[1]
            .entities
            .iter()
            .filter(|e| e.label == Person && e.name.contains("Putin"))
            .count(),
        1
    );
    let icc = find(&docs[1], Org, "International Criminal Court");
    assert!(icc.aliases.iter().any(|a| a == "ICC"));
    // Seed 002.
    role(
        &find(&docs[2], Person, "Josep Borrell"),
        "policy chief",
        Some("European Union"),
    );
    role(
        &find(&docs[2], Person, "Xi Jinping"),
        "president",
        Some("China"),
    );
    // Seed 003: spokespeople, the premier, the analyst, the secretary of state.
    role(
        &find(&docs[3], Person, "Hua Chunying"),
        "spokesperson",
        Some("Chinese Foreign Ministry"),
    );
    role(
        &find(&docs[3], Person, "Wang Wenbin"),
        "spokesperson",
        Some("Ministry of Foreign Affairs"),
    );
    role(&find(&docs[3], Person, "Li Qiang"), "Prime Minister", None);
    role(
        &find(&docs[3], Person, "Alexander Gabuev"),
        "director",
        Some("Carnegie Russia Eurasia Center"),
    );
    // The text glues names to the next word ("Anthony Blinkenasked", "Vladimir
    // Poutinevisit", "Xi Jinpingin", "Li QiangChinese"): the glued-word repair puts
    // the space back, so the names stand alone and their spans end at the join.
    let blinken = find(&docs[3], Person, "Anthony Blinken");
    assert_eq!(blinken.name, "Anthony Blinken");
    role(&blinken, "Secretary of State", Some("United States"));
    // The headline's "Vladimir Putin", the body's "Putin" and the French
    // transliteration "Vladimir Poutine" are one person.
    let putin = find(&docs[3], Person, "Vladimir Putin");
    assert_eq!(putin.name, "Vladimir Putin");
    for alias in ["Putin", "Vladimir Poutine"] {
        assert!(
            putin.aliases.iter().any(|a| a == alias),
            "{:?}",
            putin.aliases
        );
    }
    assert_eq!(
        docs[3]
            .entities
            .iter()
            .filter(|e| e
                .aliases
                .iter()
                .any(|a| a.contains("Putin") || a.contains("Poutine")))
            .count(),
        1
    );
    let xi = find(&docs[3], Person, "Xi Jinping");
    assert_eq!(xi.name, "Xi Jinping");
    assert!(xi.aliases.iter().any(|a| a == "Xi"));
    for e in &docs[3].entities {
        for glued in [
            "Jinpingin",
            "Blinkenasked",
            "Poutinevisit",
            "Muskconsidered",
        ] {
            assert!(
                !e.aliases.iter().any(|a| a.contains(glued)),
                "{glued} in {e:?}"
            );
        }
    }
    find(&docs[3], Gpe, "Harbin");
    find(&docs[3], Org, "AFP");
    // Seed 004.
    role(
        &find(&docs[4], Person, "Mikhail Mishustin"),
        "Prime Minister",
        Some("Russia"),
    );
    find(&docs[4], Org, "Jilin University");
}

/// Quotes of the seeds, checked by hand: who said what, and how.
#[test]
fn seeds_quotes_and_speakers() {
    use nutgraf::QuoteKind::{Block, Indirect, Partial};
    let docs: Vec<nutgraf::Document> = seeds().iter().map(|(p, d)| parse_seed(p, d)).collect();
    // (seed, start of the quoted text, kind, speaker's entity name or phrase)
    let cases: &[(usize, &str, nutgraf::QuoteKind, &str)] = &[
        (
            0,
            "In my opinion, the main advantage",
            Block,
            "Vladimir Putin",
        ),
        (
            0,
            "\"no one imposes anything on others\"",
            Partial,
            "Vladimir Putin",
        ),
        (
            0,
            "In this way, a Kremlin spokesperson said",
            Indirect,
            "a Kremlin spokesperson",
        ),
        (2, "“best friend”", Partial, "Xi Jinping"),
        (2, "“true world leader.”", Partial, "Vladimir Putin"),
        (
            3,
            "Russians are neither too emotional",
            Indirect,
            "Alexander Gabuev",
        ),
        (3, "Putin will be in Beijing", Indirect, "Hua Chunying"),
        (
            4,
            "“unlimited possibilities and prospects”",
            Partial,
            "Vladimir Putin",
        ),
    ];
    for &(k, start, kind, who) in cases {
        let d = &docs[k];
        let q = d
            .quotes
            .iter()
            .find(|q| d.slice(q.span).starts_with(start))
            .unwrap_or_else(|| panic!("seed {k}: no quote starting {start:?}"));
        assert_eq!(q.kind, kind, "seed {k}: {start:?}");
        let s = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("seed {k}: {start:?} has no speaker"));
        let name = s.entity.map(|e| d.entities[e].name.as_str());
        let phrase = d.slice(s.span);
        assert!(
            name == Some(who) || phrase == who,
            "seed {k}: {start:?} said by {phrase:?} ({name:?}), want {who}"
        );
        assert!(q.cue.is_some(), "seed {k}: {start:?} has no cue");
    }
    // Scare quotes have no speaker.
    let scare = docs[0]
        .quotes
        .iter()
        .find(|q| docs[0].slice(q.span) == "\"no-limits\"")
        .unwrap();
    assert_eq!(scare.kind, Partial);
    assert!(scare.speaker.is_none());
}

/// Events of the seeds, checked by hand: Putin's trip (visits and meetings with
/// their participants, place and date) and a negated supply of weapons.
#[test]
fn seeds_events() {
    use nutgraf::{EventType, Modality, Polarity};
    type Case<'a> = (
        usize,
        &'a str,
        &'a str,
        EventType,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Modality,
    );
    let docs: Vec<nutgraf::Document> = seeds().iter().map(|(p, d)| parse_seed(p, d)).collect();
    let name = |d: &nutgraf::Document, p: &nutgraf::Participant| {
        p.entity.map_or_else(
            || d.slice(p.span).to_owned(),
            |e| d.entities[e].name.clone(),
        )
    };
    // (seed, trigger, start of the sentence, type, actor, target, place, time value, modality)
    let cases: &[Case<'_>] = &[
        (
            0,
            "meet",
            "The Russian president will meet",
            EventType::Meet,
            "Vladimir Putin",
            Some("Xi Jinping"),
            Some("Beijing"),
            Some("2023-10-18"),
            Modality::Planned,
        ),
        (
            0,
            "landed",
            "The president of Russia, Vladimir Putin, landed",
            EventType::Visit,
            "Vladimir Putin",
            None,
            Some("Beijing International Airport"),
            Some("2023-10-17"),
            Modality::Asserted,
        ),
        (
            0,
            "meet",
            "The president of Russia, Vladimir Putin, landed",
            EventType::Meet,
            "Vladimir Putin",
            Some("Xi Jinping"),
            None,
            Some("2023-10-17"),
            Modality::Planned,
        ),
        (
            1,
            "arrived",
            "Russian President Vladimir Putin arrived in Beijing",
            EventType::Visit,
            "Vladimir Putin",
            Some("Beijing"),
            Some("Beijing"),
            None,
            Modality::Asserted,
        ),
        (
            1,
            "meeting",
            "Russian President Vladimir Putin arrived in Beijing",
            EventType::Meet,
            "Vladimir Putin",
            Some("Xi Jinping"),
            None,
            None,
            Modality::Planned,
        ),
        (
            2,
            "arrived",
            "Russian President Vladimir Putin arrived in Beijing on Tuesday",
            EventType::Visit,
            "Vladimir Putin",
            Some("Beijing"),
            Some("Beijing"),
            Some("2023-10-17"),
            Modality::Asserted,
        ),
        (
            2,
            "talks",
            "Russian President Vladimir Putin arrived in Beijing on Tuesday",
            EventType::Talk,
            "Vladimir Putin",
            Some("Xi Jinping"),
            None,
            Some("2023-10-17"),
            Modality::Planned,
        ),
        (
            2,
            "trip",
            "Putin’s trip to China",
            EventType::Visit,
            "Vladimir Putin",
            Some("China"),
            Some("China"),
            None,
            Modality::Asserted,
        ),
        (
            3,
            "meet",
            "Vladimir Putin to meet Xi Jinping in China",
            EventType::Meet,
            "Vladimir Putin",
            Some("Xi Jinping"),
            Some("China"),
            None,
            Modality::Planned,
        ),
        (
            4,
            "arrive",
            "Russian President Vladimir Putin is set to arrive in China next week",
            EventType::Visit,
            "Vladimir Putin",
            Some("China"),
            Some("China"),
            Some("2023-W42"),
            Modality::Planned,
        ),
        (
            4,
            "visit",
            "During Chinese President Xi Jinping’s visit to Russia in March",
            EventType::Visit,
            "Xi Jinping",
            Some("Russia"),
            Some("Russia"),
            Some("2023-03"),
            Modality::Asserted,
        ),
    ];
    for &(k, trigger, sentence, kind, actor, target, place, time, modality) in cases {
        let d = &docs[k];
        let e = d
            .events
            .iter()
            .find(|e| d.slice(e.trigger) == trigger && d.slice(e.span).starts_with(sentence))
            .unwrap_or_else(|| panic!("seed {k}: no event {trigger:?} in {sentence:?}"));
        let what = format!("seed {k}: {trigger:?} in {sentence:?}");
        assert_eq!(e.kind, kind, "{what}");
        assert_eq!(e.polarity, Polarity::Positive, "{what}");
        assert_eq!(e.modality, modality, "{what}");
        let actors: Vec<String> = e.actors.iter().map(|p| name(d, p)).collect();
        assert_eq!(actors, [actor], "{what}");
        let targets: Vec<String> = e.targets.iter().map(|p| name(d, p)).collect();
        assert_eq!(targets, target.into_iter().collect::<Vec<_>>(), "{what}");
        assert_eq!(
            e.place.as_ref().map(|p| name(d, p)).as_deref(),
            place,
            "{what}"
        );
        let value = e.time.and_then(|i| d.times[i].value.as_deref());
        assert_eq!(value, time, "{what}");
    }
    // "China has refrained from supplying such weaponry to Moscow": negated.
    let d = &docs[4];
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.trigger) == "supplying")
        .expect("seed 4: supplying");
    assert_eq!(e.kind, EventType::Support);
    assert_eq!(e.cameo, Some("072"));
    assert_eq!(e.polarity, Polarity::Negative);
    assert_eq!(name(d, &e.actors[0]), "China");
    assert_eq!(name(d, &e.targets[0]), "Moscow");
    // "They last met in Moscow": both leaders, symmetric.
    let d = &docs[1];
    let e = d
        .events
        .iter()
        .find(|e| d.slice(e.trigger) == "met")
        .expect("seed 1: met");
    let mut actors: Vec<String> = e.actors.iter().map(|p| name(d, p)).collect();
    actors.sort();
    assert_eq!(actors, ["Vladimir Putin", "Xi Jinping"]);
    assert!(e.targets.is_empty());
    assert_eq!(
        e.place.as_ref().map(|p| name(d, p)).as_deref(),
        Some("Moscow")
    );
}
