//! Fuzz `Document::from_bytes` and `Document::from_json`: any bytes give a
//! document or an `InvalidDocument` error, never a panic; a document read is
//! whole (its contract writes, and reads back from both forms).

#![no_main]

use libfuzzer_sys::fuzz_target;
use nutgraf::Document;

fuzz_target!(|data: &[u8]| {
    let from_bytes = Document::from_bytes(data);
    let from_json = std::str::from_utf8(data).map(Document::from_json);
    for doc in from_bytes.into_iter().chain(from_json.into_iter().flatten()) {
        let json = doc.to_json();
        assert_eq!(Document::from_bytes(&doc.to_bytes()).as_ref(), Ok(&doc));
        // Read back or refused, never a panic (a document from arbitrary bytes
        // may hold words no sentence lists, which the contract cannot carry).
        let _ = Document::from_json(&json);
    }
    if let Err(err) = Document::from_bytes(data) {
        assert!(err.is_invalid_document());
    }
});
