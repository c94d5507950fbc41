//! Reading inputs: files or stdin (`-`), with lossy UTF-8 decoding.
//!
//! A UTF-8 byte-order mark (`EF BB BF`, as Windows editors write) at the start of
//! an input is dropped, not read as text: a document's `text` and every offset
//! refer to the input without it, and the first JSON Lines record stays valid.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

/// The name `-` stands for stdin.
pub const STDIN: &str = "-";

/// How an input is named in messages: `<stdin>` for `-`, else the path as given.
pub fn display_name(path: &str) -> &str {
    if path == STDIN {
        "<stdin>"
    } else {
        path
    }
}

/// Open a file, or stdin for `-`, as a buffered reader.
pub fn open(path: &str) -> io::Result<Box<dyn io::BufRead + Send>> {
    if path == STDIN {
        Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())))
    } else {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(path)?,
        )))
    }
}

/// The size of a file in bytes, when it is a regular file.
pub fn file_len(path: &str) -> Option<u64> {
    if path == STDIN {
        return None;
    }
    std::fs::metadata(Path::new(path))
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|m| m.len())
}

/// A text read whole, with a note when it was not valid UTF-8.
pub struct Text {
    /// The text; invalid byte sequences replaced by U+FFFD.
    pub text: String,
    /// How many invalid sequences were replaced (0 when the input was valid UTF-8).
    pub replaced: usize,
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Drop a leading byte-order mark; true when there was one.
pub fn strip_bom(bytes: &mut Vec<u8>) -> bool {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        true
    } else {
        false
    }
}

/// Read a whole file (or stdin) as text, without a leading byte-order mark,
/// reading at most `limit + 1` bytes of text so a huge file is not loaded just to
/// be rejected. Returns the text and whether it was cut at the limit.
pub fn read_text(path: &str, limit: usize) -> io::Result<(Text, bool)> {
    let reader = open(path)?;
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit)
        .unwrap_or(u64::MAX)
        .saturating_add(1 + BOM.len() as u64);
    reader.take(cap).read_to_end(&mut bytes)?;
    strip_bom(&mut bytes);
    let over = bytes.len() > limit;
    Ok((decode_lossy(bytes), over))
}

/// Decode bytes as UTF-8, replacing invalid sequences with U+FFFD.
pub fn decode_lossy(bytes: Vec<u8>) -> Text {
    match String::from_utf8(bytes) {
        Ok(text) => Text { text, replaced: 0 },
        Err(e) => {
            let bytes = e.into_bytes();
            let replaced = count_invalid(&bytes);
            Text {
                text: String::from_utf8_lossy(&bytes).into_owned(),
                replaced,
            }
        }
    }
}

/// Number of invalid UTF-8 sequences (each becomes one U+FFFD in lossy decoding).
fn count_invalid(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_leading_bom_is_stripped() {
        let mut bytes = b"\xEF\xBB\xBFtext \xEF\xBB\xBF".to_vec();
        assert!(strip_bom(&mut bytes));
        assert_eq!(bytes, b"text \xEF\xBB\xBF");
        assert!(!strip_bom(&mut bytes));
        let mut short = b"\xEF\xBB".to_vec();
        assert!(!strip_bom(&mut short));
    }

    #[test]
    fn lossy_decoding_counts_replacements() {
        let t = decode_lossy(b"caf\xe9 and \xff\xfe ok".to_vec());
        assert_eq!(t.replaced, 3);
        assert_eq!(t.text, "caf\u{fffd} and \u{fffd}\u{fffd} ok");
        let t = decode_lossy(b"fine".to_vec());
        assert_eq!((t.text.as_str(), t.replaced), ("fine", 0));
        // A truncated sequence at the end counts once.
        assert_eq!(decode_lossy(b"ab\xe2\x82".to_vec()).replaced, 1);
    }
}
