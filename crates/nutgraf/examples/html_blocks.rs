//! Print the blocks `parse_html` finds in a page, with their roles.
//!
//! `cargo run --release -p nutgraf --example html_blocks -- page.html`
use nutgraf::{Meta, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give an HTML file")?;
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
        println!("{:<11} {:<15} {text}", b.kind.as_str(), reason);
    }
    Ok(())
}
