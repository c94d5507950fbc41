//! `Parser::parse_html`: the article found in small hand-written pages, every
//! span slicing `Document::text`, every block's range slicing the HTML, and a
//! golden contract of `tests/golden/html/article.html` (shared with pytest;
//! regenerate with `NUTGRAF_BLESS=1 cargo test --test html` and review).

use std::path::{Path, PathBuf};

use nutgraf::{parse_html, BlockKind, BoilerplateReason, Document, Meta, Options, Parser};
use proptest::prelude::*;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn page() -> String {
    std::fs::read_to_string(repo().join("tests/golden/html/article.html")).unwrap()
}

fn parse(html: &str) -> Document {
    parse_html(html, &Meta::new()).unwrap()
}

/// Every span slices `Document::text`; every block's HTML range slices the HTML
/// on character boundaries and lies in order.
fn check(doc: &Document, html: &str) {
    let text = &doc.text;
    let ok = |s: nutgraf::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    for b in &doc.blocks {
        assert!(ok(b.span));
        let h = b.html.expect("a block of an HTML document has its range");
        assert!(h.start <= h.end && h.end <= html.len());
        assert!(html.is_char_boundary(h.start) && html.is_char_boundary(h.end));
    }
    for w in doc.blocks.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    doc.sentences.iter().for_each(|s| assert!(ok(s.span)));
    doc.mentions.iter().for_each(|m| assert!(ok(m.span)));
    doc.times.iter().for_each(|t| assert!(ok(t.span)));
    doc.quantities.iter().for_each(|q| assert!(ok(q.span)));
    for q in &doc.quotes {
        assert!(ok(q.span));
        q.parts.iter().for_each(|p| assert!(ok(*p)));
    }
    for e in &doc.events {
        assert!(ok(e.span) && ok(e.trigger));
    }
    assert_eq!(doc.html.as_deref(), Some(html));
    // The streamed contract is the value tree, byte for byte.
    assert_eq!(doc.to_json(), doc.to_json_value().to_string());
}

#[test]
fn the_article_is_found_and_its_furniture_kept_with_reasons() {
    let html = page();
    let doc = parse(&html);
    check(&doc, &html);
    assert_eq!(
        doc.title.as_deref(),
        Some("Putin visits China for talks with Xi")
    );
    assert!(doc
        .body
        .starts_with("BEIJING (Reuters) - Russian President Vladimir Putin"));
    assert!(doc.body.contains("Energy on the agenda"));
    assert!(doc.body.ends_with("state media reported."));
    for absent in [
        "Related stories",
        "Share on",
        "Comments",
        "change a lot",
        "All rights",
        "Sport",
    ] {
        assert!(!doc.body.contains(absent), "{absent} in body");
    }
    // Script, style, template and noscript content is never text.
    for hidden in [
        "Script text",
        "nope",
        "style text",
        "Template text",
        "enable JavaScript",
    ] {
        assert!(!doc.text.contains(hidden), "{hidden} in text");
    }
    let reason = |needle: &str| {
        doc.blocks
            .iter()
            .find(|b| doc.slice(b.span).contains(needle))
            .and_then(|b| b.reason)
    };
    assert_eq!(reason("Xi meets Biden"), Some(BoilerplateReason::Related));
    assert_eq!(reason("Share on Facebook"), Some(BoilerplateReason::Share));
    assert_eq!(reason("change a lot"), Some(BoilerplateReason::Comments));
    let caption = doc.blocks_of(BlockKind::Caption).next().expect("a caption");
    assert!(doc
        .slice(caption.span)
        .starts_with("Russian President Vladimir Putin arrives"));
    let h = caption.html.unwrap();
    assert!(html[h.start..h.end].starts_with("<figcaption>"));
    assert!(html[h.start..h.end].ends_with("</figcaption>"));
    assert_eq!(
        doc.authors
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>(),
        ["Jane Doe"]
    );
}

#[test]
fn metadata_comes_from_json_ld_open_graph_and_meta_tags() {
    let doc = parse(&page());
    let m = doc.metadata.as_ref().unwrap();
    assert_eq!(
        m.title.as_deref(),
        Some("Putin visits China for talks with Xi")
    );
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.publisher.as_deref(), Some("Example News"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2023-10-17")
    );
    assert_eq!(m.section.as_deref(), Some("World"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://news.example.com/world/putin-china")
    );
    // The page's date resolves relative times when the caller gives none.
    assert_eq!(
        doc.published.map(|d| d.to_string()).as_deref(),
        Some("2023-10-17")
    );
    assert_eq!(doc.published_from, Some(nutgraf::PublishedFrom::Page));
    let wednesday = doc
        .times
        .iter()
        .find(|t| doc.slice(t.span) == "Wednesday")
        .unwrap();
    // "Xi said on Wednesday": past tense, the Wednesday before.
    assert_eq!(wednesday.value.as_deref(), Some("2023-10-11"));
    assert_eq!(doc.publisher.as_deref(), Some("Example News"));
    // The caller's metadata wins.
    let meta = Meta::new()
        .with_published_str("2023-10-20")
        .unwrap()
        .with_source("Wire");
    let doc = Parser::default().parse_html(&page(), &meta).unwrap();
    assert_eq!(doc.published_from, Some(nutgraf::PublishedFrom::Meta));
    assert_eq!(doc.publisher.as_deref(), Some("Wire"));
}

#[test]
fn extractors_run_on_the_visible_text() {
    let html = page();
    let doc = parse(&html);
    let putin = doc
        .entities
        .iter()
        .find(|e| e.name == "Vladimir Putin")
        .unwrap();
    assert!(putin.mentions.len() >= 2);
    let quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).contains("good neighbours"))
        .expect("the quote across misnested <b><i>");
    let speaker = quote.speaker.as_ref().unwrap();
    assert_eq!(doc.slice(speaker.span), "Putin");
    let money = doc
        .quantities
        .iter()
        .find(|q| q.unit.as_deref() == Some("USD"))
        .unwrap();
    assert!((money.value - 190e9).abs() < 1.0);
    // The block of each mention maps back to the HTML that holds its text.
    let m = doc
        .mentions
        .iter()
        .find(|m| doc.slice(m.span) == "Xi Jinping")
        .unwrap();
    let block = doc
        .blocks
        .iter()
        .find(|b| b.span.start <= m.span.start && m.span.end <= b.span.end)
        .unwrap();
    let h = block.html.unwrap();
    assert!(html[h.start..h.end].contains("Xi Jinping"));
}

#[test]
fn nested_articles_and_broken_markup() {
    // Teasers in <article> cards beside the story; unclosed tags everywhere.
    let html = "<div><article class=teaser><h2><a href=/1>Other story one</a></h2><p>A short teaser.</article>\
        <article><h1>Storm hits the coast</h1><div><p>A storm hit the coast of Portugal on Monday, cutting power to \
        thousands of homes and closing ports along the Atlantic shore, officials said.<p>Rescue teams worked through \
        the night in Lisbon and Porto to clear roads blocked by fallen trees and flooded tunnels.<p>The weather service \
        said more rain was expected on Tuesday</div></article><article class=teaser><h2><a href=/2>Other story two</a>\
        </h2><p>Another teaser.</article>";
    let doc = parse(html);
    check(&doc, html);
    assert_eq!(doc.title.as_deref(), Some("Storm hits the coast"));
    assert!(doc.body.starts_with("A storm hit the coast"));
    assert!(doc.body.contains("more rain was expected on Tuesday"));
    assert!(!doc.body.contains("teaser"));
}

#[test]
fn degenerate_pages_give_documents() {
    for html in [
        "",
        "plain text, no markup at all.",
        "<",
        "</p></div><<<>>>",
        "<html><body></body></html>",
        "<script>only a script</script>",
        "<p>\u{0}\u{feff}é&amp;&#x1F600;&bogus;</p>",
        "<table><tr><td>a<td>b</table><select><option>x</select>",
        "<svg><text>vector</text></svg><math><mi>x</mi></math>",
    ] {
        let doc = parse(html);
        check(&doc, html);
        assert!(!doc.text.contains("only a script"));
    }
    let doc = parse("<p>Fish &amp; chips &lt;3</p>");
    assert_eq!(doc.text, "Fish & chips <3");
    // A block of invisible characters alone is no block: ranges stay aligned.
    let html = "<p>\u{200B}\u{FEFF}</p><p>Text here.</p>";
    let doc = parse(html);
    assert_eq!(doc.blocks.len(), 1);
    let h = doc.blocks[0].html.unwrap();
    assert_eq!(html.get(h.start..h.end), Some("<p>Text here.</p>"));
}

#[test]
fn deep_nesting_is_linear_and_safe() {
    let html = "<div>".repeat(50_000) + "deep text" + &"</div>".repeat(50_000);
    let doc = parse(&html);
    assert!(doc.text.contains("deep text"));
    let html = "<b><i>".repeat(20_000) + "formatting";
    let doc = parse(&html);
    assert!(doc.text.contains("formatting"));
}

#[test]
fn input_limit_applies_to_the_html() {
    let parser = Parser::new(Options::new().max_input_bytes(100));
    let err = parser
        .parse_html(&"<p>x</p>".repeat(20), &Meta::new())
        .unwrap_err();
    assert!(err.is_input_too_large());
}

#[test]
fn golden_contract_of_the_hand_written_page() {
    let doc = Parser::default()
        .parse_html(
            &page(),
            &Meta::new().with_url("https://news.example.com/world/putin-china"),
        )
        .unwrap();
    let got = doc.to_json_value();
    let golden = repo().join("tests/golden/html/article.json");
    if std::env::var_os("NUTGRAF_BLESS").is_some() {
        std::fs::write(&golden, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
        return;
    }
    let want: Value = serde_json::from_str(&std::fs::read_to_string(&golden).unwrap()).unwrap();
    assert_eq!(
        got, want,
        "golden mismatch (NUTGRAF_BLESS=1 to regenerate, then review)"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No markup, however broken, panics or breaks an offset.
    #[test]
    fn any_markup_parses(parts in proptest::collection::vec(prop_oneof![
        Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=article-body>".to_string()),
        Just("</div>".to_string()), Just("<a href=x>".to_string()), Just("</a>".to_string()),
        Just("<script>".to_string()), Just("</script>".to_string()), Just("<table><tr><td>".to_string()),
        Just("<br>".to_string()), Just("<h1>".to_string()), Just("<!--".to_string()), Just("-->".to_string()),
        Just("&amp;".to_string()), Just("<".to_string()), Just(">".to_string()), Just("<figcaption>".to_string()),
        Just("Putin met Xi in Beijing on Tuesday, officials said. ".to_string()),
        "[a-zA-Zé€😀 <>&;\"'=/.\n-]{0,40}",
    ], 0..40)) {
        let html: String = parts.concat();
        let doc = parse_html(&html, &Meta::new()).unwrap();
        check(&doc, &html);
    }
}

#[test]
fn encoding_repair_follows_the_option() {
    let html =
        "<html><body><article><p>VladÃ\u{ad}mir Putin arrived in Beijing on Tuesday for talks \
                with Xi Jinping, the Kremlin said in a statement.</p></article></body></html>";
    let on = parse_html(html, &Meta::new()).unwrap();
    assert!(on.repairs.iter().any(|r| r.kind.as_str() == "mojibake"));
    assert!(on.entities.iter().any(|e| e.name == "Vladímir Putin"));
    let off = Parser::new(Options::new().repair_encoding(false))
        .parse_html(html, &Meta::new())
        .unwrap();
    assert!(off.repairs.iter().all(|r| r.kind.as_str() != "mojibake"));
    assert!(off.entities.iter().all(|e| e.name != "Vladímir Putin"));
}
