//! Fuzz `nutgraf::Parser::parse_html`: no markup panics, every span slices the
//! document's visible text on character boundaries, and every block's range
//! slices the HTML, in order.

#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::{Meta, Parser};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = Parser::default().parse_html(&html, &Meta::new()).expect("parses");
    let text = &doc.text;
    for b in &doc.blocks {
        assert!(text.get(b.span.start..b.span.end).is_some());
        let h = b.html.expect("an HTML range");
        assert!(html.get(h.start..h.end).is_some());
    }
    for w in doc.blocks.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for s in &doc.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some());
    }
    for m in &doc.mentions {
        assert!(text.get(m.span.start..m.span.end).is_some());
    }
    assert_eq!(doc.to_json(), doc.to_json_value().to_string());
});
