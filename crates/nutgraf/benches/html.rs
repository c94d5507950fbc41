//! `Parser::parse_html` on the hand-written page of `tests/golden/html/`, and
//! on the same page padded with 200 copies of its navigation and footer (a
//! page of furniture-heavy markup, as real pages are), full parse and with
//! every extractor off. Each benchmark first checks its answer (the title and
//! the body's first words), so a broken parse cannot show up as a fast one.
//! Throughput is in bytes of HTML. The dev pages' figures (pages per second on
//! one thread) come from `nutgraf-eval body-html`.
//!
//! ```text
//! cargo bench -p nutgraf --bench html     # full run
//! cargo test  -p nutgraf --benches        # each benchmark once (CI)
//! ```

// `criterion_group!` and `criterion_main!` generate undocumented public items.
#![allow(missing_docs)]

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use nutgraf::{Meta, Options, Parser};

fn page() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/golden/html/article.html"
    );
    std::fs::read_to_string(path).expect("the golden page")
}

/// The page with 200 more copies of its menu and footer before `</body>`.
fn padded(page: &str) -> String {
    let furniture = "<nav class=\"menu\"><ul><li><a href=\"/a\">World</a></li><li><a href=\"/b\">Business</a>\
        </li><li><a href=\"/c\">Sport</a></li></ul></nav><footer><p>© 2023 Example News. All rights reserved.</p>\
        <a href=\"/privacy\">Privacy</a></footer>\n";
    page.replace("</body>", &(furniture.repeat(200) + "</body>"))
}

fn check(parser: &Parser, html: &str) {
    let doc = parser.parse_html(html, &Meta::new()).expect("parses");
    assert_eq!(
        doc.title.as_deref(),
        Some("Putin visits China for talks with Xi")
    );
    assert!(doc
        .body
        .starts_with("BEIJING (Reuters) - Russian President"));
}

fn bench(c: &mut Criterion) {
    let full = Parser::default();
    let extract = Parser::new(
        Options::new()
            .entities(false)
            .times(false)
            .quantities(false)
            .quotes(false)
            .events(false),
    );
    let page = page();
    let big = padded(&page);
    let mut group = c.benchmark_group("html");
    for (name, html) in [("page", &page), ("padded", &big)] {
        group.throughput(Throughput::Bytes(html.len() as u64));
        for (mode, parser) in [("full", &full), ("extract", &extract)] {
            check(parser, html);
            group.bench_function(format!("{name}/{mode}"), |b| {
                b.iter(|| {
                    parser
                        .parse_html(black_box(html), &Meta::new())
                        .map(|d| d.body.len())
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
