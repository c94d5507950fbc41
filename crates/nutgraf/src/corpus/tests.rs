use super::*;

fn doc(text: &str, published: Option<&str>) -> Document {
    let mut meta = crate::Meta::new();
    if let Some(p) = published {
        meta = meta.with_published_str(p).unwrap();
    }
    crate::parse(text, &meta).unwrap()
}

const RESCUE: &str = "Miners rescued in Chile\n\nRescuers in Copiapo, Chile, pulled the last of 33 trapped miners from the San Jose mine on Wednesday. Luis Urzua was the last miner to leave the shaft, President Sebastian Pinera said.";
const RESCUE_2: &str = "Last Chilean miner freed\n\nLuis Urzua, the shift foreman, became the last of the 33 miners to be lifted from the San Jose mine near Copiapo, Chile. President Sebastian Pinera greeted him.";
const RESCUE_3: &str = "Rescue ends in Chile\n\nAll 33 miners trapped in the San Jose mine near Copiapo, Chile, are free after Luis Urzua climbed out, President Sebastian Pinera told reporters.";
const QUAKE: &str = "Earthquake hits Japan\n\nA magnitude 7.1 earthquake struck off the coast of Fukushima, Japan, on Saturday, the Japan Meteorological Agency said. Prime Minister Fumio Kishida urged residents to stay away from the shore.";

#[test]
fn reports_of_one_happening_form_one_story() {
    let mut c = Corpus::new();
    c.add("a", &doc(RESCUE, None)).unwrap();
    c.add("b", &doc(QUAKE, None)).unwrap();
    c.add("c", &doc(RESCUE_2, None)).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 2, "{stories:#?}");
    assert_eq!(stories[0].docs, [0, 2]);
    assert_eq!(stories[1].docs, [1]);
    let merge = &stories[0].merges[0];
    assert_eq!(merge.doc, 2);
    assert!(
        merge.shared_names.iter().any(|n| n == "Luis Urzua"),
        "{merge:?}"
    );
    assert!(merge.reason().starts_with("similarity "));
    assert!(matches!(
        stories[0].title.as_deref(),
        Some("Miners rescued in Chile" | "Last Chilean miner freed")
    ));
    assert!(stories[0].entities.iter().any(|e| e == "Luis Urzua"));
    assert_eq!(c.story_of(2), Some(0));
}

#[test]
fn the_same_happening_months_apart_is_another_story() {
    let mut c = Corpus::new();
    c.add("a", &doc(RESCUE, Some("2010-10-13"))).unwrap();
    c.add("b", &doc(RESCUE_2, Some("2011-05-02"))).unwrap();
    c.add("c", &doc(RESCUE_3, Some("2010-10-14"))).unwrap();
    let stories = c.stories();
    assert_eq!(stories.len(), 2, "{stories:#?}");
    assert_eq!(stories[0].docs, [0, 2]);
    assert_eq!(stories[0].start, crate::parse_date("2010-10-13").ok());
    assert_eq!(stories[0].end, crate::parse_date("2010-10-14").ok());
}

#[test]
fn an_id_is_added_once() {
    let mut c = Corpus::new();
    let d = doc(RESCUE, None);
    assert_eq!(c.add("a", &d).unwrap(), 0);
    let e = c.add("a", &d).unwrap_err();
    assert!(e.is_duplicate_id());
    assert_eq!(c.len(), 1);
    assert_eq!(c.index_of("a"), Some(0));
    assert_eq!(c.id(0), Some("a"));
}

#[test]
fn copies_are_duplicates() {
    let mut c = Corpus::new();
    c.extend([("a", &doc(RESCUE, None)), ("b", &doc(RESCUE, None))])
        .unwrap();
    assert_eq!(c.duplicates().len(), 1);
    assert_eq!((c.duplicates()[0].a, c.duplicates()[0].b), (0, 1));
    let stories = c.stories();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].merges[0].copy_of, Some(0));
    assert!(stories[0].merges[0]
        .reason()
        .starts_with("near-duplicate; similarity"));
}

#[test]
fn entities_merge_across_documents_and_a_surname_only_within_a_story() {
    let mut c = Corpus::new();
    c.add("a", &doc(RESCUE, None)).unwrap();
    c.add("b", &doc(RESCUE_2, None)).unwrap();
    c.add(
        "c",
        &doc(
            "Urzua wins award\n\nUrzua, a Bolivian painter, won the Lima art prize on Friday.",
            None,
        ),
    )
    .unwrap();
    let ents = c.entities();
    let urzua = ents.iter().find(|e| e.name == "Luis Urzua").unwrap();
    assert_eq!(urzua.docs().collect::<Vec<_>>(), [0, 1]);
    assert!(urzua.mentions.iter().all(|m| m.doc < 2));
    let pinera = ents
        .iter()
        .find(|e| e.name.contains("Pinera"))
        .expect("Pinera");
    assert_eq!(pinera.docs().count(), 2);
    for e in &ents {
        assert_eq!(ents[e.id].name, e.name);
    }
}

#[test]
fn initials_with_and_without_periods_are_one_name() {
    let mut c = Corpus::new();
    c.add(
        "a",
        &doc(
            "The U.S. Navy sent two ships to the Gulf on Monday, officials said. The U.S. Navy said the ships would stay.",
            None,
        ),
    )
    .unwrap();
    c.add(
        "b",
        &doc(
            "The US Navy sent two ships to the Gulf on Monday. The US Navy gave no reason.",
            None,
        ),
    )
    .unwrap();
    let ents = c.entities();
    let navy = ents
        .iter()
        .find(|e| e.aliases.iter().any(|a| a == "US Navy"))
        .expect("the navy");
    assert_eq!(navy.docs().collect::<Vec<_>>(), [0, 1]);
    assert!(navy.aliases.iter().any(|a| a == "U.S. Navy"));
}

#[test]
fn empty_and_odd_documents_are_fine() {
    let mut c = Corpus::new();
    for (i, t) in ["", "   ", "x", &"word ".repeat(5000), "١٢٣ ٤٥٦"]
        .iter()
        .enumerate()
    {
        c.add(i.to_string(), &doc(t, None)).unwrap();
    }
    assert_eq!(c.len(), 5);
    let n: usize = c.stories().iter().map(|s| s.docs.len()).sum();
    assert_eq!(n, 5);
    assert!(c.memory_bytes() > 0);
    // Two empty bodies are no duplicates of each other.
    assert!(c.duplicates().iter().all(|d| (d.a, d.b) != (0, 1)));
}

#[test]
fn figures_of_one_measure_and_year_that_disagree_conflict() {
    let mut c = Corpus::new();
    c.add(
        "a",
        &doc(
            "Copper exports of Chile reached $45 billion in 2021, the central bank said.",
            None,
        ),
    )
    .unwrap();
    c.add(
        "b",
        &doc(
            "Chile's copper exports reached $52 billion in 2021, according to customs.",
            None,
        ),
    )
    .unwrap();
    c.add(
        "c",
        &doc(
            "Copper exports of Chile reached about $46 billion in 2021, officials said.",
            None,
        ),
    )
    .unwrap();
    let claims = c.claims();
    assert_eq!(claims.len(), 3, "{claims:#?}");
    assert!(
        claims.iter().all(|cl| cl.measure == "copper export"),
        "{claims:#?}"
    );
    assert!(claims.iter().all(|cl| cl.period.as_deref() == Some("2021")));
    assert!(
        claims.iter().all(|cl| cl.subjects == ["Chile"]),
        "{claims:#?}"
    );
    let pairs: Vec<(usize, usize)> = c
        .conflicts()
        .iter()
        .map(|k| (k.claims[0].doc, k.claims[1].doc))
        .collect();
    // 45 and 46 (about) agree; 52 is apart from both.
    assert_eq!(pairs, [(0, 1), (1, 2)], "{:#?}", c.conflicts());
    assert!(c.conflicts().iter().all(|k| k.kind == ConflictKind::Value));
    assert!(c.conflicts()[0].reason.contains("\"$52 billion\""));
}

#[test]
fn a_figure_pointing_back_is_no_claim() {
    let mut c = Corpus::new();
    c.add(
        "a",
        &doc(
            "Beijing and Moscow have committed to raising this figure to $200 million in 2023.",
            None,
        ),
    )
    .unwrap();
    assert!(c.claims().is_empty(), "{:#?}", c.claims());
}

#[test]
fn figures_of_other_subjects_verbs_or_equal_values_do_not_conflict() {
    let mut c = Corpus::new();
    for (id, text) in [
        (
            "a",
            "Trade between China and Russia reached $240 billion in 2023, customs said.",
        ),
        (
            "b",
            "Trade between China and the United States reached $575 billion in 2023.",
        ),
        ("c", "Acme Corp said the company earned $5 million in 2021."),
        ("d", "Acme Corp said the company spent $9 million in 2021."),
        (
            "e",
            "Germany's economic growth was -0.3% in 2023, officials said.",
        ),
        (
            "f",
            "Germany's economic growth was -0.3% in 2023, the statistics office said.",
        ),
    ] {
        c.add(id, &doc(text, None)).unwrap();
    }
    let measures: Vec<(&str, &str)> = c
        .claims()
        .iter()
        .map(|k| (c.id(k.doc).unwrap(), k.measure.as_str()))
        .collect();
    assert!(measures.contains(&("c", "earn")), "{measures:?}");
    assert!(measures.contains(&("d", "spend")), "{measures:?}");
    assert!(measures.contains(&("e", "growth")), "{measures:?}");
    assert!(c.conflicts().is_empty(), "{:#?}", c.conflicts());
}

#[test]
fn a_document_whose_words_were_cleared_adds_without_panic() {
    let mut opts = crate::Options::new();
    opts = opts.syntax(true);
    let mut d = crate::Parser::new(opts)
        .parse(
            "Exports of Chile reached $45 billion in 2021.",
            &crate::Meta::new(),
        )
        .unwrap();
    d.words.clear();
    let mut c = Corpus::new();
    c.add("a", &d).unwrap();
    assert_eq!(c.len(), 1);
}

#[test]
fn generational_suffixes_keep_people_apart_and_initials_join_their_name() {
    let mut c = Corpus::new();
    c.add(
        "a",
        &doc("Trump family feud\n\nDonald Trump Jr. criticized the Federal Bureau of Investigation on Monday. Donald Trump said nothing.", None),
    )
    .unwrap();
    c.add(
        "b",
        &doc("Trump family feud goes on\n\nThe FBI answered Donald Trump Jr. on Tuesday, a day after Donald Trump stayed silent.", None),
    )
    .unwrap();
    let ents = c.entities();
    // People keep their generational suffix; companies lose theirs.
    assert_eq!(
        entities::group_key(0, "donald trump jr."),
        "donald trump jr."
    );
    assert_eq!(entities::group_key(0, "elizabeth ii"), "elizabeth ii");
    assert_eq!(entities::group_key(2, "microsoft corp."), "microsoft");
    assert_eq!(entities::group_key(2, "seamicro inc"), "seamicro");
    let fbi = ents
        .iter()
        .find(|e| e.name == "Federal Bureau of Investigation")
        .expect("FBI");
    assert!(fbi.aliases.iter().any(|a| a == "FBI"), "{fbi:?}");
    assert_eq!(fbi.docs().collect::<Vec<_>>(), [0, 1]);
}

#[test]
fn timex_values_of_the_calendar_cover_their_days() {
    let d = |s: &str| crate::parse_date(s).unwrap();
    let days = timeline::days;
    assert_eq!(days("2023-10-18"), Some((d("2023-10-18"), d("2023-10-18"))));
    assert_eq!(
        days("2023-10-18T15:00"),
        Some((d("2023-10-18"), d("2023-10-18")))
    );
    assert_eq!(
        days("2023-10-18TMO"),
        Some((d("2023-10-18"), d("2023-10-18")))
    );
    assert_eq!(days("2023-W42"), Some((d("2023-10-16"), d("2023-10-22"))));
    assert_eq!(days("2023-10"), Some((d("2023-10-01"), d("2023-10-31"))));
    assert_eq!(days("2023"), Some((d("2023-01-01"), d("2023-12-31"))));
    assert_eq!(days("199"), Some((d("1990-01-01"), d("1999-12-31"))));
    assert_eq!(days("20"), Some((d("2000-01-01"), d("2099-12-31"))));
    for bad in [
        "PAST_REF",
        "XXXX-WXX-3",
        "2023-W300",
        "2023-13",
        "",
        "T",
        "2023-10-18-1",
    ] {
        assert_eq!(days(bad), None, "{bad}");
    }
}

/// Merge documents given as `(story, [(label, name)])`, one a document, and
/// give each entity's name with the documents that name it.
fn merged(docs: &[(usize, &[(EntityLabel, &str)])]) -> Vec<(String, Vec<usize>)> {
    let ents: Vec<Vec<DocEntity>> = docs
        .iter()
        .map(|(_, es)| es.iter().map(|&(l, n)| DocEntity::named(l, n)).collect())
        .collect();
    let mut out: Vec<(String, Vec<usize>)> = entities::merge(
        docs.iter()
            .zip(&ents)
            .enumerate()
            .map(|(i, ((story, _), es))| (i, *story, es.as_slice(), &[][..])),
    )
    .into_iter()
    .map(|e| (e.name.clone(), e.docs().collect()))
    .collect();
    out.sort();
    out
}

use crate::EntityLabel::{self, Fac, Gpe, Org, Person};

#[test]
fn a_name_is_its_generational_form_unless_a_document_names_both() {
    // An escapee named in full by one report, without "Jr." by another and
    // by his family name by a third.
    let ents = merged(&[
        (
            0,
            &[(Person, "Ramon Ortega Jr."), (Org, "Harris County Jail")],
        ),
        (0, &[(Person, "Ramon Ortega")]),
        (0, &[(Person, "Ortega")]),
    ]);
    assert!(
        ents.contains(&("Ramon Ortega Jr.".into(), vec![0, 1, 2])),
        "{ents:?}"
    );
    // A father and son: one report names both, so they stay two people in
    // the whole story.
    let ents = merged(&[
        (0, &[(Person, "Henry Ford II"), (Person, "Henry Ford")]),
        (0, &[(Person, "Henry Ford")]),
        (0, &[(Person, "Henry Ford II")]),
    ]);
    assert!(
        ents.contains(&("Henry Ford".into(), vec![0, 1])),
        "{ents:?}"
    );
    assert!(
        ents.contains(&("Henry Ford II".into(), vec![0, 2])),
        "{ents:?}"
    );
    // Another story's plain name is another person.
    let ents = merged(&[(0, &[(Person, "Ann Lee Sr.")]), (1, &[(Person, "Ann Lee")])]);
    assert_eq!(ents.len(), 2, "{ents:?}");
}

#[test]
fn a_family_name_tagged_as_a_place_or_organization_joins_its_person() {
    // Tagged an organization in two reports, a person's family name in two
    // others of the story.
    let ents = merged(&[
        (0, &[(Person, "Maria Delgado"), (Org, "Delgado")]),
        (0, &[(Org, "Delgado")]),
        (0, &[(Person, "Maria Delgado")]),
        (1, &[(Gpe, "Delgado")]),
        (0, &[(Person, "Maria Delgado")]),
    ]);
    assert!(
        ents.contains(&("Maria Delgado".into(), vec![0, 1, 2, 4])),
        "{ents:?}"
    );
    // Another story's "Delgado" is not her.
    assert!(ents.contains(&("Delgado".into(), vec![3])), "{ents:?}");
    // A place named in more reports than the person is the place.
    let ents = merged(&[
        (0, &[(Gpe, "Jordan")]),
        (0, &[(Gpe, "Jordan")]),
        (0, &[(Gpe, "Jordan"), (Person, "Eddie Jordan")]),
    ]);
    assert!(ents.contains(&("Jordan".into(), vec![0, 1, 2])), "{ents:?}");
    assert!(ents.contains(&("Eddie Jordan".into(), vec![2])), "{ents:?}");
    // A first name tagged an organization; a shorter full name goes with its
    // fuller one; a tagger's run-on name ending with the person's is no place.
    let ents = merged(&[
        (0, &[(Person, "Dana Ruiz Jr."), (Org, "Dana")]),
        (0, &[(Person, "Dana Ruiz Jr."), (Org, "Ruiz")]),
        (0, &[(Person, "Ruiz Jr."), (Org, "Ruiz")]),
        (0, &[(Org, "Police and Dana Ruiz")]),
    ]);
    assert_eq!(
        ents,
        [
            ("Dana Ruiz Jr.".to_owned(), vec![0, 1, 2]),
            ("Police and Dana Ruiz".to_owned(), vec![3])
        ]
    );
    // A longer place name ending with the word leaves it undecided.
    let ents = merged(&[
        (0, &[(Person, "Lisa Jackson")]),
        (0, &[(Person, "Lisa Jackson"), (Gpe, "Jackson")]),
        (0, &[(Gpe, "Fort Jackson")]),
    ]);
    assert!(ents.contains(&("Jackson".into(), vec![1])), "{ents:?}");
}

#[test]
fn one_name_in_two_classes_takes_the_class_of_most_documents() {
    // A college team tagged an organization by three reports, a place by one.
    let ents = merged(&[
        (0, &[(Org, "Evanston")]),
        (0, &[(Org, "Evanston")]),
        (0, &[(Gpe, "Evanston")]),
        (0, &[(Org, "Evanston")]),
    ]);
    assert_eq!(ents, [("Evanston".to_owned(), vec![0, 1, 2, 3])]);
    // A tie, or two stories, leave them apart.
    let ents = merged(&[(0, &[(Org, "Evanston")]), (0, &[(Gpe, "Evanston")])]);
    assert_eq!(ents.len(), 2, "{ents:?}");
    let ents = merged(&[
        (0, &[(Org, "Evanston")]),
        (0, &[(Org, "Evanston")]),
        (1, &[(Gpe, "Evanston")]),
    ]);
    assert_eq!(ents.len(), 2, "{ents:?}");
}

#[test]
fn an_institution_is_one_whatever_word_names_its_kind_of_place() {
    // Tagged a facility by one report, an organization by the others; the
    // centre, the clinic; but never the person it is named after.
    let ents = merged(&[
        (0, &[(Org, "Betty Ford Center"), (Person, "Betty Ford")]),
        (0, &[(Fac, "Betty Ford Centre")]),
        (0, &[(Org, "Betty Ford Clinic")]),
        (0, &[(Person, "Betty Ford")]),
    ]);
    assert_eq!(
        ents,
        [
            ("Betty Ford".to_owned(), vec![0, 3]),
            ("Betty Ford Center".to_owned(), vec![0, 1, 2]),
        ]
    );
    // A name whose last word only looks like one stays itself.
    let ents = merged(&[(0, &[(Org, "Center")]), (0, &[(Org, "Clinic")])]);
    assert_eq!(ents.len(), 2, "{ents:?}");
}

#[test]
fn a_form_one_report_gives_an_entity_joins_it_within_the_story() {
    let merge = |docs: Vec<(usize, Vec<DocEntity>)>| {
        let mut out: Vec<(String, Vec<usize>)> = entities::merge(
            docs.iter()
                .enumerate()
                .map(|(i, (story, es))| (i, *story, es.as_slice(), &[][..])),
        )
        .into_iter()
        .map(|e| (e.name.clone(), e.docs().collect()))
        .collect();
        out.sort();
        out
    };
    // One report writes "Maurice 'Mo' Cheeks" and "Mo Cheeks" of one man;
    // two others of the story write "Mo Cheeks" alone; another story's "Mo
    // Cheeks" is left apart, as names are merged within a story.
    let cheeks = || DocEntity::aliased(Person, "Maurice Cheeks", &["Mo Cheeks", "Cheeks"]);
    let ents = merge(vec![
        (0, vec![cheeks()]),
        (0, vec![DocEntity::named(Person, "Mo Cheeks")]),
        (0, vec![DocEntity::named(Person, "Mo Cheeks")]),
        (1, vec![DocEntity::named(Person, "Mo Cheeks")]),
    ]);
    // (named by the form most of its reports use)
    assert!(
        ents.contains(&("Mo Cheeks".into(), vec![0, 1, 2])),
        "{ents:?}"
    );
    assert!(ents.contains(&("Mo Cheeks".into(), vec![3])), "{ents:?}");
    // An organization's short name a report gives it, not its last words
    // nor its initials ("ATI" of "ATI Technologies").
    let ents = merge(vec![
        (
            0,
            vec![DocEntity::aliased(Org, "ATI Technologies", &["ATI"])],
        ),
        (0, vec![DocEntity::named(Org, "ATI")]),
    ]);
    assert_eq!(ents, [("ATI Technologies".to_owned(), vec![0, 1])]);
    // An acronym is no form of a name not written in capitals.
    let ents = merge(vec![
        (
            0,
            vec![DocEntity::aliased(
                Org,
                "World Health Organization",
                &["WHO"],
            )],
        ),
        (0, vec![DocEntity::named(Org, "Who")]),
    ]);
    assert_eq!(ents.len(), 2, "{ents:?}");
    // A form two entities of the story are given stays apart.
    let ents = merge(vec![
        (0, vec![DocEntity::aliased(Person, "Ann Gray", &["Gray"])]),
        (0, vec![DocEntity::aliased(Person, "Tom Gray", &["Gray"])]),
        (0, vec![DocEntity::named(Person, "Gray")]),
    ]);
    assert_eq!(ents.len(), 3, "{ents:?}");
}

#[test]
fn a_spelling_one_edit_away_joins_the_name_more_reports_use() {
    // A letter dropped, two swapped, a space: each joins the form more
    // reports of the story write.
    let ents = merged(&[
        (0, &[(Person, "Malcolm Tucker"), (Org, "SeaMicro")]),
        (0, &[(Person, "Malcolm Tucker"), (Org, "SeaMicro")]),
        (0, &[(Person, "Malcom Tucker"), (Org, "Sea Micro")]),
        (0, &[(Person, "Malcolm Tucekr")]),
        // Another story's misspelling stays its own.
        (1, &[(Person, "Malcom Tucker")]),
    ]);
    assert!(
        ents.contains(&("Malcolm Tucker".into(), vec![0, 1, 2, 3])),
        "{ents:?}"
    );
    // (named by its fullest form)
    assert!(
        ents.contains(&("Sea Micro".into(), vec![0, 1, 2])),
        "{ents:?}"
    );
    assert!(
        ents.contains(&("Malcom Tucker".into(), vec![4])),
        "{ents:?}"
    );
    // Two people a report names apart, a changed word under four letters,
    // names too short, numbered names, two letters apart, a tie: apart.
    for pair in [
        ["Dana Smith", "Dana Smyth"],
        ["John Owen", "Jon Owen"],
        ["Iran", "Iraq"],
        ["Apollo 11", "Apollo 12"],
        ["Mark Jensen", "Mark Janson"],
    ] {
        let ents = merged(&[
            (0, &[(Person, pair[0])]),
            (0, &[(Person, pair[0])]),
            (0, &[(Person, pair[1])]),
            (
                0,
                &[(Person, pair[0]), (Person, pair[1])]
                    [..if pair[0] == "Dana Smith" { 2 } else { 1 }],
            ),
        ]);
        assert_eq!(ents.len(), 2, "{pair:?}: {ents:?}");
    }
    let ents = merged(&[
        (0, &[(Person, "Anna Kowalska")]),
        (0, &[(Person, "Anna Kowalski")]),
    ]);
    assert_eq!(ents.len(), 2, "{ents:?}");
}

#[test]
fn people_sharing_a_family_name_in_different_stories_stay_apart() {
    let ents = merged(&[
        (0, &[(Person, "Ann Lee")]),
        (0, &[(Person, "Lee")]),
        (1, &[(Person, "Lee"), (Org, "Lee")]),
        (2, &[(Person, "Thomas Lee")]),
    ]);
    assert!(ents.contains(&("Ann Lee".into(), vec![0, 1])), "{ents:?}");
    assert!(ents.contains(&("Thomas Lee".into(), vec![3])), "{ents:?}");
    assert!(ents.iter().any(|e| e.0 == "Lee" && e.1 == [2]), "{ents:?}");
}

/// A document of a test: its story, its text and its entities.
type TextDoc<'a> = (usize, &'a str, &'a [(EntityLabel, &'a str)]);

/// Merge documents given as `(story, text, [(label, name)])`, each entity
/// tagged at the first place its name is written, and give each entity's
/// name with its mentions' `(doc, text)`.
fn merged_texts(docs: &[TextDoc]) -> Vec<(String, Vec<(usize, String)>)> {
    let ents: Vec<Vec<DocEntity>> = docs
        .iter()
        .map(|(_, text, es)| {
            es.iter()
                .map(|&(l, n)| DocEntity::named_at(l, n, text.find(n).unwrap()))
                .collect()
        })
        .collect();
    let caps: Vec<_> = docs
        .iter()
        .zip(&ents)
        .map(|((_, text, _), es)| entities::capitalized_words_in(text, es))
        .collect();
    let mut out: Vec<_> = entities::merge(
        docs.iter()
            .zip(&ents)
            .zip(&caps)
            .enumerate()
            .map(|(i, (((story, _, _), es), cs))| (i, *story, es.as_slice(), cs.as_slice())),
    )
    .into_iter()
    .map(|e| {
        for m in &e.mentions {
            assert_eq!(docs[m.doc].1.get(m.span.start..m.span.end), Some(&*m.text));
        }
        (
            e.name.clone(),
            e.mentions.iter().map(|m| (m.doc, m.text.clone())).collect(),
        )
    })
    .collect();
    out.sort();
    out
}

#[test]
fn a_name_tagged_elsewhere_in_the_story_is_found_where_it_went_untagged() {
    let ents = merged_texts(&[
        (
            0,
            "The Harbor Pilots won again on Sunday.",
            &[(Org, "Harbor Pilots")],
        ),
        (
            0,
            "Fans cheered the Harbor Pilots.",
            &[(Org, "Harbor Pilots")],
        ),
        // A headline in title case, where the tagger saw nothing.
        (0, "Harbor Pilots Win Again\nThey won.", &[]),
        // Another story.
        (1, "Harbor Pilots Lose", &[]),
    ]);
    assert_eq!(
        ents,
        [(
            "Harbor Pilots".to_owned(),
            vec![
                (0, "Harbor Pilots".to_owned()),
                (1, "Harbor Pilots".to_owned()),
                (2, "Harbor Pilots".to_owned())
            ]
        )]
    );
    // A full stop that ends the sentence and a possessive are not the name's,
    // and a name ends there ("Lee. Harbor" is not one name).
    let ents = merged_texts(&[
        (0, "The Harbor Pilots won.", &[(Org, "Harbor Pilots")]),
        (
            0,
            "Fans cheered the Harbor Pilots.",
            &[(Org, "Harbor Pilots")],
        ),
        (0, "Harbor Pilots fans cheered.", &[(Org, "Harbor Pilots")]),
        (
            0,
            "It ended with Harbor Pilots. Harbor Pilots' coach quit.",
            &[],
        ),
    ]);
    let last: Vec<&(usize, String)> = ents
        .iter()
        .flat_map(|e| &e.1)
        .filter(|m| m.0 == 3)
        .collect();
    assert_eq!(
        last,
        [
            &(3, "Harbor Pilots".to_owned()),
            &(3, "Harbor Pilots".to_owned())
        ],
        "{ents:?}"
    );
    // Tagged once, left untagged thrice: the tagger's slip, not a name.
    let ents = merged_texts(&[
        (0, "We said so.", &[(Org, "We")]),
        (0, "We left. We came back. We stayed.", &[]),
    ]);
    assert_eq!(ents, [("We".to_owned(), vec![(0, "We".to_owned())])]);
    // A form two entities share is neither's; the longest form wins.
    let ents = merged_texts(&[
        (0, "Aid reached Jordan on Monday.", &[(Gpe, "Jordan")]),
        (0, "Jordan closed its border.", &[(Gpe, "Jordan")]),
        (0, "Coach Jordan spoke.", &[(Person, "Jordan")]),
        (0, "Then Jordan Hill spoke.", &[(Person, "Jordan Hill")]),
        (0, "Jordan Hill thanked Jordan.", &[]),
    ]);
    let in_last: Vec<&(usize, String)> = ents
        .iter()
        .flat_map(|e| &e.1)
        .filter(|m| m.0 == 4)
        .collect();
    assert_eq!(in_last, [&(4, "Jordan Hill".to_owned())], "{ents:?}");
}
