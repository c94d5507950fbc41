//! Language identification of blocks (ISO 639-1 codes).

/// The language of `text` as an ISO 639-1 code, or `None` when the text is too
/// short or too mixed to tell.
pub fn detect(text: &str) -> Option<&'static str> {
    let _ = text;
    None
}
