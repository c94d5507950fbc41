//! Fuzz `nutgraf::Parser::parse`: no input panics, and every document keeps the
//! invariants checked by the integration tests (valid spans on char boundaries,
//! ordered non-overlapping blocks that lose no text, sentences inside their
//! blocks, the body made of the body blocks, JSON code-point offsets that slice
//! the input), with layout analysis on and off (and the syntax stage with
//! layout off: words inside their sentences, one root per window).

#![no_main]

use libfuzzer_sys::fuzz_target;

// The same checks as `cargo test -p nutgraf --test invariants --test properties`.
#[path = "../../crates/nutgraf/tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as is; anything else through a lossy decode, so every input counts.
    let text = String::from_utf8_lossy(data);
    common::check_all_modes(&text);
});
