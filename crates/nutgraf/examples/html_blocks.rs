//! Print the blocks `parse_html` finds in a page, with their roles.
//!
//! `cargo run --release -p nutgraf --example html_blocks -- page.html` (without a
//! file: the hand-written page of `tests/golden/html/`).
use nutgraf::{Meta, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/html/article.html"
        )
        .to_owned()
    });
    let html = std::fs::read_to_string(path)?;
    let doc = Parser::default().parse_html(&html, &Meta::new())?;
    println!("title: {:?}", doc.title);
    println!(
        "authors: {:?}",
        doc.authors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    println!("metadata: {:?}", doc.metadata);
    for b in &doc.blocks {
        let text: String = doc.slice(b.span).chars().take(90).collect();
        let reason = b.reason.map_or("", |r| r.as_str());
        let html_range = b
            .html
            .map(|h| format!("{}..{}", h.start, h.end))
            .unwrap_or_default();
        println!(
            "{:<11} {:<15} {html_range:<13} {text}",
            b.kind.as_str(),
            reason
        );
    }
    Ok(())
}
