//! Print the layout nutgraf finds in a text file.
//!
//! ```text
//! cargo run --example layout -- path/to/article.txt [YYYY-MM-DD]
//! ```

use nutgraf::{Meta, Parser};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: layout FILE [YYYY-MM-DD]")?;
    let text = std::fs::read_to_string(&path)?;
    let mut meta = Meta::new();
    if let Some(date) = args.next() {
        meta = meta.with_published_str(&date)?;
    }
    let doc = Parser::default().parse(&text, &meta)?;
    println!("title:     {:?}", doc.title);
    println!("subtitle:  {:?}", doc.subtitle);
    println!(
        "authors:   {:?}",
        doc.authors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
    println!("publisher: {:?}", doc.publisher);
    println!("published: {:?} ({:?})", doc.published, doc.published_from);
    println!("language:  {:?}", doc.language);
    for b in &doc.blocks {
        let kind = match b.reason {
            Some(r) => format!("{}:{}", b.kind.as_str(), r.as_str()),
            None => b.kind.as_str().to_owned(),
        };
        let text: String = doc.slice(b.span).chars().take(90).collect();
        println!("[{kind:<26}] {:<2} {text}", b.lang.unwrap_or("--"));
    }
    println!("sentences: {}", doc.sentences.len());
    Ok(())
}
