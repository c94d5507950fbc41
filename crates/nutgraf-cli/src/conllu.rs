//! `nutgraf parse --conllu`: the words of a parsed document as CoNLL-U.
//!
//! One block per sentence that has words, in document order (columns are separated
//! by tabs, shown here as two spaces):
//!
//! ```text
//! # newdoc id = article.txt
//! # sent_id = 1
//! # text = The talks were postponed, officials said.
//! 1  The  the  DET  DT  _  2  det  _  _
//! 2  talks  talk  NOUN  NNS  _  4  nsubj:pass  _  _
//! 3  were  be  AUX  VBD  _  4  aux:pass  _  _
//! 4  postponed  postpone  VERB  VBN  _  7  ccomp  _  SpaceAfter=No
//! ...
//! ```
//!
//! then a blank line. The ten columns are ID, FORM, LEMMA, UPOS, XPOS, FEATS (`_`:
//! no features), HEAD (0 for a root), DEPREL, DEPS (`_`) and MISC, which is
//! `SpaceAfter=No` when the next word of the document starts right where this one
//! ends, else `_`. FORM is the word as it is in the input. `sent_id` counts the
//! sentences written in the whole run, from 1, so it stays unique over several
//! files; `# newdoc id` (the file's name) opens each file's first sentence.
//! `# text` is the sentence's original text on one line. Sentences without words
//! (a caption in another language) are left out. A sentence longer than the work
//! budget (200 tokens) is parsed in windows, each with a root of its own.

use std::fmt::Write as _;

use nutgraf::Document;

/// Characters that end a line for some reader (Python's `str.splitlines` among
/// them): they must not reach a CoNLL-U line, where a tab also separates columns.
fn breaks_a_line(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s` on one line: every line break (`\r\n` as one) and tab becomes a space.
fn one_line(out: &mut String, s: &str) {
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        out.push(if breaks_a_line(c) { ' ' } else { c });
    }
}

/// A FORM or LEMMA column: the value on one line, `_` when empty.
fn column(out: &mut String, s: &str) {
    if s.is_empty() {
        out.push('_');
    } else {
        one_line(out, s);
    }
}

/// Append the CoNLL-U blocks of `doc`'s sentences to `out`; `name` is the
/// document's id, `sent_id` the number of sentences written before (updated).
pub fn write(out: &mut String, doc: &Document, name: &str, sent_id: &mut u64) {
    let mut first = true;
    for sentence in &doc.sentences {
        let words = doc.sentence_words(sentence);
        if words.is_empty() {
            continue;
        }
        if first {
            out.push_str("# newdoc id = ");
            one_line(out, name);
            out.push('\n');
            first = false;
        }
        *sent_id += 1;
        let _ = write!(out, "# sent_id = {sent_id}\n# text = ");
        one_line(out, doc.slice(sentence.span));
        out.push('\n');
        for (i, w) in words.iter().enumerate() {
            let head = w.head.map_or(0, |h| h + 1);
            // The next word of the document, in this sentence or the next one.
            let glued = doc
                .words
                .get(sentence.words.start + i + 1)
                .is_some_and(|next| next.span.start == w.span.end);
            let _ = write!(out, "{}\t", i + 1);
            column(out, doc.slice(w.span));
            out.push('\t');
            column(out, &w.lemma);
            let _ = writeln!(
                out,
                "\t{}\t{}\t_\t{head}\t{}\t_\t{}",
                w.upos,
                w.xpos,
                w.deprel,
                if glued { "SpaceAfter=No" } else { "_" }
            );
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nutgraf::{Meta, Options, Parser};

    fn conllu(text: &str) -> String {
        let doc = Parser::new(Options::new().layout(false).syntax(true))
            .parse(text, &Meta::new())
            .unwrap();
        let mut out = String::new();
        let mut id = 0;
        write(&mut out, &doc, "a.txt", &mut id);
        out
    }

    #[test]
    fn one_block_per_sentence() {
        let out = conllu("The talks were postponed, officials said.\nThey met.");
        let blocks: Vec<&str> = out.split_terminator("\n\n").collect();
        assert_eq!(blocks.len(), 2, "{out}");
        assert!(out.ends_with("\tpunct\t_\t_\n\n"), "{out:?}");
        let first: Vec<&str> = blocks[0].lines().collect();
        assert_eq!(
            &first[..3],
            [
                "# newdoc id = a.txt",
                "# sent_id = 1",
                "# text = The talks were postponed, officials said."
            ]
        );
        assert_eq!(
            first[4],
            "2\ttalks\ttalk\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_"
        );
        assert!(first[6].starts_with("4\tpostponed\tpostpone\tVERB\tVBN\t_\t"));
        assert!(first[6].ends_with("\t_\tSpaceAfter=No"), "{}", first[6]);
        let roots: Vec<&str> = first
            .iter()
            .copied()
            .filter(|l| l.contains("\troot\t"))
            .collect();
        assert_eq!(roots.len(), 1, "{out}");
        assert_eq!(roots[0].split('\t').nth(6), Some("0"));
        assert!(blocks[1].starts_with("# sent_id = 2\n# text = They met.\n1\tThey"));
        for line in out.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
            assert_eq!(line.split('\t').count(), 10, "{line}");
        }
    }

    #[test]
    fn lines_stay_lines() {
        let mut out = String::new();
        one_line(&mut out, "a\r\nb\nc\td\u{2028}e\u{1c}f\r");
        assert_eq!(out, "a b c d e f ");
        out.clear();
        column(&mut out, "");
        assert_eq!(out, "_");
    }
}
