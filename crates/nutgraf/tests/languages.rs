//! Text in another language than English: the extractors (entities, times,
//! quantities, events, words) read English, so sentences surely in another
//! language are left alone; they stay sentences of the document, in blocks
//! that carry their language. Tables and lists of names stay English.

use nutgraf::{BlockKind, Document, Meta, Options, Parser};

fn parse(text: &str) -> Document {
    parse_with(text, Options::new().syntax(true))
}

fn parse_with(text: &str, options: Options) -> Document {
    Parser::new(options).parse(text, &Meta::new()).unwrap()
}

/// Whether `span` lies inside a block of language `lang`.
fn in_lang(doc: &Document, span: nutgraf::Span, lang: &str) -> bool {
    doc.blocks
        .iter()
        .any(|b| b.lang == Some(lang) && b.span.start <= span.start && span.end <= b.span.end)
}

#[test]
fn an_article_in_german_gives_sentences_and_no_english_facts() {
    let text = "Die Stadtwerke erhöhen die Preise\n\n\
        Die Stadtwerke haben am Montag angekündigt, dass die Preise für Strom und Gas \
        im nächsten Jahr um zehn Prozent steigen werden. Der Geschäftsführer sagte, \
        die Kosten für den Einkauf seien in den letzten Monaten stark gestiegen.\n\n\
        Die Kunden werden in den kommenden Wochen mit einem Brief über die neuen \
        Tarife informiert. Wer mit dem Angebot nicht zufrieden ist, kann den Vertrag \
        bis Ende des Monats kündigen, teilte das Unternehmen mit.\n";
    let doc = parse(text);
    assert_eq!(doc.language, Some("de"));
    assert!(doc.sentences.len() >= 4, "{:?}", doc.sentences);
    assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    assert!(doc.events.is_empty(), "{:?}", doc.events);
    assert!(doc.times.is_empty(), "{:?}", doc.times);
    assert!(doc.quantities.is_empty(), "{:?}", doc.quantities);
    assert!(doc.words.is_empty(), "the tagger reads English");
}

#[test]
fn a_paragraph_in_another_language_inside_an_english_report_is_left_alone() {
    let text = "Macron meets Scholz in Berlin\n\n\
        French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin \
        on Tuesday to discuss energy prices, officials said.\n\n\
        Le président de la République a déclaré que les deux pays devaient travailler \
        ensemble pour que les prix de l'énergie baissent dans les mois qui viennent.\n\n\
        The two leaders are expected to meet again in Paris next month.\n";
    let doc = parse(text);
    assert_eq!(doc.language, Some("en"));
    let french = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph && b.lang == Some("fr"))
        .expect("the French paragraph is one block in French");
    // It stays a block with its sentences, without words.
    assert!(doc
        .sentences
        .iter()
        .any(|s| s.span.start >= french.span.start && s.words.is_empty()));
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    for name in ["Emmanuel Macron", "Olaf Scholz", "Berlin", "Paris"] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    for m in &doc.mentions {
        assert!(!in_lang(&doc, m.span, "fr"), "{m:?} read in French");
    }
    assert!(doc.times.iter().all(|t| !in_lang(&doc, t.span, "fr")));
    assert!(doc.events.iter().all(|e| !in_lang(&doc, e.trigger, "fr")));
    // The English sentences have their words.
    assert!(!doc.words.is_empty());
}

#[test]
fn lists_of_names_and_results_tables_stay_english() {
    let text = "Springboks beat the All Blacks in Johannesburg\n\n\
        South Africa won 32-22 against New Zealand on Saturday, ending a run of four \
        defeats, the coach said after the match.\n\n\
        South Africa - 15 - Andre Joubert, 14 - Justin Swart, 13 - Japie Mulder, \
        12 - Danie van Schalkwyk, 11 - Pieter Hendriks, 10 - Henry Honiball, \
        9 - Joost van der Westhuizen, 8 - Gary Teichmann (captain), 7 - Andre Venter.\n\n\
        RESULTS ROUND 2 : M / SP / F : NA / NA / NA\n";
    // Read as body text throughout (a results line is no article furniture here).
    let doc = parse_with(text, Options::new().syntax(true).layout(false));
    // Every sentence is read: each has its words.
    assert!(doc.sentences.len() >= 4, "{:?}", doc.sentences);
    for s in &doc.sentences {
        assert!(!s.words.is_empty(), "{:?} left alone", doc.slice(s.span));
    }
}
