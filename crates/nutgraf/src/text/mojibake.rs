//! Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1, once or
//! twice, and stray C1 control characters.
//!
//! # What is repaired
//!
//! When UTF-8 bytes are read as Windows-1252 (or Latin-1), every non-ASCII
//! character becomes two to four characters of the single-byte code page: the
//! lead byte gives a letter from `Â` to `ô` (U+00C2-U+00F4), each continuation
//! byte a symbol of U+0080-U+00BF or one of the 27 characters Windows-1252 puts
//! at 0x80-0x9F (`€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`):
//! "Vladímir" becomes "VladÃ­mir", "don’t" "donâ€™t", "été" "Ã©tÃ©",
//! "Привет" "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "中文" "ä¸­æ–‡", an emoji "ðŸ˜€". Done twice,
//! "’" becomes "Ã¢â‚¬â„¢". Read as Latin-1, continuation bytes 0x80-0x9F
//! become C1 control characters instead (`"donâ\u{80}\u{99}t"`); a browser
//! reading Windows-1252 does the same with the five bytes it leaves undefined
//! (0x81, 0x8D, 0x8F, 0x90, 0x9D). Both readings, and a mix of the two, are
//! undone here, in any part of a document, next to correct text.
//!
//! Text normalized after the damage is read as the code page wrote it: under
//! NFD a lead letter is an ASCII letter and a combining mark (`Ã` is `A` and
//! U+0303, so "FranÃ\u{83}Â§ois" arrives as "FranA\u{303}\u{83}A\u{302}§ois"),
//! and under NFKC or NFKD the spacing accents `¨ ¯ ´ ¸ ˜` are a space and a
//! combining mark (NFKC turns "SÃ©golÃ¨ne" into "SÃ©golÃ \u{308}ne"). Such pairs count as the
//! one character they compose to, inside a cluster only. Both kinds were found
//! in a news archive's text.
//!
//! A C1 control character left in text after that (U+0080-U+009F) is a
//! Windows-1252 character that lost its mapping: it becomes that character
//! (U+0092 is `’`, U+0093 `“`). The five undefined ones, and U+0085 (NEL,
//! whitespace in Unicode, though Windows-1252 reads its byte as `…`) are
//! removed by the normalizer, as other control characters are; inside a
//! cluster a C1 control is a byte like any other.
//!
//! # The test
//!
//! A *cluster* is a run of adjacent sequences that each turn back into bytes
//! (one byte a character, through the inverse of Windows-1252 and Latin-1) that
//! form one valid UTF-8 character: a lead byte and exactly the continuation
//! bytes it announces, no overlong form, no surrogate. Most correct text holds
//! no cluster at all: a Latin-1 letter must be followed directly by the
//! symbols above.
//!
//! A decoded cluster replaces the original only when it is far likelier: the
//! *badness* of the cluster with its two neighbours must drop by at least 2 and
//! by at least half. A cluster whose decoding still holds sequences is decoded
//! again (text encoded twice or three times), each layer kept only when its
//! badness is at least 2 below the one before: so text that only looks like
//! mojibake once decoded is not decoded further. Badness counts, in the
//! manner of ftfy's, what correct text rarely holds:
//!
//! - a C1 control, a private-use or non-character code point, or U+FFFD (4);
//! - a character of a block that mojibake decodes to by accident and news
//!   seldom uses: IPA extensions, spacing modifier letters, Syriac, Thaana, `NKo`,
//!   Samaritan, Mandaic (3);
//! - two letters side by side from different scripts (Latin, Greek, Cyrillic,
//!   Armenian, Hebrew, Arabic, CJK, others) (3), but (1) for Latin and CJK,
//!   which CJK text mixes without spaces ("MBC와");
//! - a symbol of the continuation range (a no-break space included) after a
//!   letter that can lead a sequence (`Â` to `ô`, `×`) (2), or (1) when it is
//!   closing punctuation (`’ ” » … – — ›`) at the end of a word of two letters
//!   or more (followed by neither a letter, a digit nor another such symbol) that does not end in `Â` (no orthography ends a word in it, and
//!   `Â` before a symbol is the most common mojibake of all);
//! - such a symbol after another (1: correct text has runs of punctuation
//!   too);
//! - a lowercase letter followed by a non-ASCII capital (1).
//!
//! So "VladÃ­mir" (a soft hyphen after `Ã`, a capital after a lowercase
//! letter: 3) becomes "Vladímir" (0); "PERÚ”" (a closing quote after `Ú` at
//! the end of a word: 1) is not read as "PERڔ" (an Arabic letter after a Latin
//! one: 3); "IRMÃ”" is left alone too (1 against 0 is not far enough).
//!
//! # What is not repaired
//!
//! Mojibake that lost bytes (a no-break space turned into a plain space, an
//! undefined byte dropped, "Ã " for "à", the `o` NFKC gives for the `º` of
//! `RaÃºl`), other code pages (Mac Roman, CP437,
//! KOI8-R, Shift-JIS), and text that looks correct in every reading. The
//! repair never touches text without a cluster or a C1 control.
//!
//! A cluster that decodes to whitespace among other characters ("Â\u{a0}"
//! after a word, "â€\u{81}" for U+2001) is cut at that whitespace, where the
//! normalizer cuts words and blocks: each part is decided again on its own,
//! with no neighbour on the whitespace side, so a block taken alone is
//! repaired exactly as the same block in the whole document.
//!
//! # Cost
//!
//! One `memchr2` pass for the bytes 0xC3 (every lead character is encoded
//! with it) and 0xCC (the combining marks of decomposed leads), and one for
//! 0xC2 (C1 controls); text without them costs nothing more
//! and allocates nothing. Each hit looks at the next character; clusters are
//! decoded in time linear in their length. The whole repair is linear in the
//! input.

use crate::span;

/// The Windows-1252 characters of bytes 0x80-0x9F (`None`: undefined).
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The Windows-1252 character a C1 control stands for, if it has one.
pub(crate) fn c1_to_cp1252(c: char) -> Option<char> {
    let u = c as u32;
    if (0x80..0xA0).contains(&u) {
        CP1252_HIGH[(u - 0x80) as usize]
    } else {
        None
    }
}

/// The byte `c` is in Windows-1252 or Latin-1 (a C1 control reads as its own
/// byte), if it is one of the 256 characters of either.
fn to_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    };
    Some(b)
}

/// A character whose byte is a UTF-8 continuation byte (0x80-0xBF).
fn is_continuation(c: char) -> bool {
    to_byte(c).is_some_and(|b| (0x80..0xC0).contains(&b))
}

/// A character whose byte can lead a UTF-8 sequence: `Â` (0xC2) to `ô` (0xF4).
fn is_lead(c: char) -> bool {
    ('\u{C2}'..='\u{F4}').contains(&c)
}

/// One character of a cluster and the input bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Item {
    c: char,
    start: usize,
    end: usize,
}

/// Decode the sequence starting at `items[k]`: the character and how many
/// items it takes.
fn decode_at(items: &[Item], k: usize) -> Option<(char, usize)> {
    let lead = items.get(k)?.c;
    if !is_lead(lead) {
        return None;
    }
    let b0 = lead as u32 as u8;
    let n = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    let mut bytes = [b0, 0, 0, 0];
    for (j, slot) in bytes.iter_mut().enumerate().take(n).skip(1) {
        let b = to_byte(items.get(k + j)?.c)?;
        if !(0x80..0xC0).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let c = std::str::from_utf8(&bytes[..n]).ok()?.chars().next()?;
    Some((c, n))
}

/// One layer of decoding: every sequence of `items` replaced by its character.
/// `None` when no sequence decodes.
fn decode_layer(items: &[Item]) -> Option<Vec<Item>> {
    let mut out = Vec::with_capacity(items.len());
    let mut k = 0;
    let mut any = false;
    while k < items.len() {
        if let Some((c, n)) = decode_at(items, k) {
            out.push(Item {
                c,
                start: items[k].start,
                end: items[k + n - 1].end,
            });
            k += n;
            any = true;
        } else {
            out.push(items[k]);
            k += 1;
        }
    }
    any.then_some(out)
}

/// Scripts, as far as the badness score tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Cjk,
    Other,
}

fn script(c: char) -> Option<Script> {
    let u = c as u32;
    // Modifier letters (`ˆ`, `ʼ`) go with any script.
    if !c.is_alphabetic() || (0x2B0..=0x2FF).contains(&u) {
        return None;
    }
    Some(match u {
        0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF5A => {
            Script::Latin
        }
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F => Script::Armenian,
        0x590..=0x5FF => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x1100..=0x11FF
        | 0x2E80..=0x2FDF
        | 0x3005..=0x3007
        | 0x3040..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFFDC
        | 0x20000..=0x3FFFF => Script::Cjk,
        _ => Script::Other,
    })
}

/// Badness of one character by itself.
fn char_cost(c: char) -> u32 {
    let u = c as u32;
    match u {
        0x80..=0x9F | 0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xFFF0..=0xFFFF | 0xF0000.. => 4,
        _ if u & 0xFFFE == 0xFFFE => 4,
        // IPA extensions, spacing modifiers (but the okina and apostrophe
        // letters), Syriac to Samaritan and Mandaic.
        0x250..=0x2AF | 0x700..=0x74F | 0x780..=0x85F => 3,
        0x2B0..=0x2FF if !matches!(u, 0x2BB | 0x2BC | 0x2C6 | 0x2DC) => 3,
        _ => 0,
    }
}

/// The symbols mojibake puts after a lead letter: the continuation range of
/// Latin-1 and Windows-1252, C1 controls included.
fn is_moji_symbol(c: char) -> bool {
    is_continuation(c) && !c.is_alphabetic()
        || matches!(
            c,
            'Š' | 'š' | 'Œ' | 'œ' | 'Ž' | 'ž' | 'Ÿ' | 'ƒ' | 'ˆ' | 'ª' | 'º' | 'µ'
        )
}

/// Punctuation that may well close a word written with an accented letter.
fn is_closing(c: char) -> bool {
    matches!(c, '’' | '”' | '»' | '…' | '–' | '—' | '›')
}

/// Badness of `mid` between its neighbours `prev` and `next` (see the module docs).
fn badness(prev: Option<char>, mid: &[char], next: Option<char>) -> u32 {
    let mut total = 0;
    // `seq[k]`: `prev`, then `mid`, then `next`; `mid[k - 1]` is `seq[k]`.
    let mut seq: Vec<Option<char>> = Vec::with_capacity(mid.len() + 2);
    seq.push(prev);
    seq.extend(mid.iter().copied().map(Some));
    seq.push(next);
    let at = |k: usize| -> Option<char> { seq.get(k).copied().flatten() };
    // Pairs (left, c) for c in mid and (last of mid, next).
    for k in 1..seq.len() {
        let Some(c) = at(k) else { continue };
        if k <= mid.len() {
            total += char_cost(c);
        }
        let Some(l) = at(k - 1) else { continue };
        if let (Some(a), Some(b)) = (script(l), script(c)) {
            // CJK text holds Latin words without spaces ("MBC와", "PCを").
            total += match (a, b) {
                _ if a == b => 0,
                (Script::Latin, Script::Cjk) | (Script::Cjk, Script::Latin) => 1,
                _ => 3,
            };
        }
        if l.is_lowercase() && c.is_uppercase() && !c.is_ascii() {
            total += 1;
        }
        if is_moji_symbol(c) && is_moji_symbol(l) {
            // Weak: correct text has runs of punctuation too ("”…").
            total += 1;
        } else if is_moji_symbol(c) && is_lead(l) {
            // Closing a word of two letters or more ("PERÚ”"), not a letter
            // alone ("Ã—"); and no orthography ends a word in `Â`, which
            // decodes to punctuation ("EÂ»").
            let closes_word = is_closing(c)
                && l != 'Â'
                && !at(k + 1).is_some_and(|n| n.is_alphanumeric() || is_moji_symbol(n))
                && k >= 2
                && at(k - 2).is_some_and(char::is_alphabetic);
            total += if closes_word { 1 } else { 2 };
        }
    }
    total
}

/// A neighbour of a cluster as the score sees it: whitespace and characters
/// the normalizer removes (controls, soft hyphens, zero-width characters) are
/// no neighbour, so a cluster is judged the same in a document and in any
/// piece of it that the normalizer reads alike.
fn neighbour(c: Option<char>) -> Option<char> {
    c.filter(|&c| {
        !(c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            ))
    })
}

/// A decoded cluster: input bytes `start..end` hold mojibake of `chars`, each
/// with the input bytes it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fix {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Each decoded character and the input range it replaces, in order.
    pub(crate) chars: Vec<(char, usize, usize)>,
}

/// Find the mojibake of `text` worth repairing, in order. Allocates nothing
/// when there is none.
pub(crate) fn find(text: &str) -> Vec<Fix> {
    let bytes = text.as_bytes();
    let mut fixes = Vec::new();
    let mut from = 0;
    // A lead letter is encoded C3 82..C3 B4 (U+00C2..U+00F4), or, in text
    // decomposed after the damage, as an ASCII letter and a combining mark
    // (U+0300..U+033F are CC 80..CC BF).
    while let Some(off) = memchr::memchr2(0xC3, 0xCC, &bytes[from..]) {
        let q = from + off;
        from = q + 1;
        let p = if bytes[q] == 0xC3 {
            if !bytes.get(q + 1).is_some_and(|b| (0x82..=0xB4).contains(b)) {
                continue;
            }
            q
        } else {
            match q.checked_sub(1) {
                Some(p) if bytes[p].is_ascii_alphabetic() => p,
                _ => continue,
            }
        };
        let Some((lead, after)) = read_char(text, p) else {
            continue;
        };
        if !is_lead(lead) || !read_char(text, after).is_some_and(|(c, _)| is_continuation(c)) {
            continue;
        }
        let end = cluster_at(text, p, &mut fixes);
        from = end.max(q + 1);
    }
    fixes
}

/// The spacing accent that NFKD writes as a space and this combining mark
/// (`¨ ¯ ´ ¸ ˜`: the Latin-1 and Windows-1252 symbols with such a decomposition).
fn spacing_accent(mark: char) -> Option<char> {
    Some(match mark {
        '\u{308}' => '¨',
        '\u{304}' => '¯',
        '\u{301}' => '´',
        '\u{327}' => '¸',
        '\u{303}' => '˜',
        _ => return None,
    })
}

/// The character at byte `i` as the code page wrote it, and the byte where it
/// ends. Text decomposed after the damage (NFD, NFKD) is read composed: a
/// letter and a combining mark that compose into a character of Windows-1252
/// or Latin-1 are that character (`A` and U+0303 are `Ã`), and a space and a
/// combining mark are the spacing accent NFKD took apart (a space and U+0308
/// are `¨`). Other characters are themselves.
fn read_char(text: &str, i: usize) -> Option<(char, usize)> {
    let mut chars = span::after(text, i).chars();
    let c = chars.next()?;
    let end = i + c.len_utf8();
    if let Some(mark) = chars.next().filter(|m| ('\u{300}'..='\u{36F}').contains(m)) {
        let composed = if c == ' ' {
            spacing_accent(mark)
        } else {
            unicode_normalization::char::compose(c, mark)
        };
        if let Some(k) = composed.filter(|&k| to_byte(k).is_some()) {
            return Some((k, end + mark.len_utf8()));
        }
    }
    Some((c, end))
}

/// Look at the cluster that may start at `p`; push its fix when it is worth
/// making. Returns where the scan goes on.
fn cluster_at(text: &str, p: usize, fixes: &mut Vec<Fix>) -> usize {
    let (items, end) = sequences(text, p, text.len());
    if items.is_empty() {
        return p + 1;
    }
    let prev = neighbour(span::before(text, p).chars().next_back());
    let next = neighbour(span::after(text, end).chars().next());
    judge(text, items, prev, next, fixes);
    end
}

/// Layer one of the cluster at `p`: the adjacent sequences that each decode to
/// one character, read no further than byte `limit`; and where they end.
#[allow(clippy::many_single_char_names)] // p, i, j, c, n: positions and characters
fn sequences(text: &str, p: usize, limit: usize) -> (Vec<Item>, usize) {
    let mut items: Vec<Item> = Vec::new();
    let mut i = p;
    let mut window: Vec<Item> = Vec::with_capacity(4);
    loop {
        window.clear();
        let mut j = i;
        while window.len() < 4 {
            let Some((c, end)) = read_char(text, j).filter(|&(_, end)| end <= limit) else {
                break;
            };
            window.push(Item { c, start: j, end });
            j = end;
        }
        let Some((c, n)) = decode_at(&window, 0) else {
            break;
        };
        items.push(Item {
            c,
            start: i,
            end: window[n - 1].end,
        });
        i = window[n - 1].end;
    }
    (items, i)
}

/// Decide the cluster whose first layer is `items`, between its neighbours
/// `prev` and `next`, and push its fix when it is worth making.
///
/// A cluster that decodes to whitespace among other characters is cut there
/// (the normalizer cuts words and blocks at that whitespace): each part
/// between two such characters is decided again on its own, with no neighbour
/// on the whitespace side, and each whitespace character alone. So a block or
/// word cut out of a document at that whitespace is repaired exactly as in the
/// whole document.
fn judge(
    text: &str,
    items: Vec<Item>,
    prev: Option<char>,
    next: Option<char>,
    fixes: &mut Vec<Fix>,
) {
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let (p, end) = (first.start, last.end);
    // The original as the code page wrote it (decomposed text read composed).
    let mut original: Vec<char> = Vec::with_capacity(end - p);
    let mut at = p;
    while at < end {
        let Some((c, next)) = read_char(text, at) else {
            break;
        };
        original.push(c);
        at = next;
    }
    let before = badness(prev, &original, next);
    let mut cost = before;
    // Each layer must be far likelier than the one before it: text encoded
    // twice goes back two layers, and a cluster whose first decoding is
    // already plausible text is not decoded again by accident.
    let mut layer = Some(items);
    let mut best: Option<Vec<Item>> = None;
    for _ in 0..3 {
        let Some(mut items) = layer.take() else { break };
        // C1 controls are Windows-1252 characters that lost their mapping
        // (same byte): scored, and kept, as those characters.
        for item in &mut items {
            if let Some(c) = c1_to_cp1252(item.c) {
                item.c = c;
            }
        }
        let chars: Vec<char> = items.iter().map(|it| it.c).collect();
        let after = badness(prev, &chars, next);
        if after + 2 > cost {
            break;
        }
        cost = after;
        layer = decode_layer(&items);
        best = Some(items);
    }
    let Some(items) = best else { return };
    // A character the normalizer cuts at (whitespace) or drops (a C1 control
    // left after decoding: one of the five bytes Windows-1252 leaves
    // undefined, which decodes to nothing readable).
    let unreadable = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    if items.len() > 1
        && items
            .iter()
            .any(|it| it.c.is_whitespace() || unreadable(it.c))
    {
        // Cut there, whatever the whole would have been: each part, bounded,
        // is decided again as a block or word ending there would be. Beside
        // whitespace a part has no neighbour; beside an unreadable sequence,
        // which stays as it is, its raw characters.
        let raw_first = |at: usize| neighbour(read_char(text, at).map(|x| x.0));
        let raw_last = |at: usize| neighbour(span::before(text, at).chars().next_back());
        let (mut from, mut left) = (p, prev);
        for it in items
            .iter()
            .filter(|it| it.c.is_whitespace() || unreadable(it.c))
        {
            let ws = it.c.is_whitespace();
            if from < it.start {
                let right = if ws { None } else { raw_first(it.start) };
                judge(text, sequences(text, from, it.start).0, left, right, fixes);
            }
            if ws {
                judge(text, sequences(text, it.start, it.end).0, None, None, fixes);
            }
            from = it.end;
            left = if ws { None } else { raw_last(it.end) };
        }
        if from < end {
            judge(text, sequences(text, from, end).0, left, next, fixes);
        }
        return;
    }
    if cost * 2 > before || items.iter().any(|it| unreadable(it.c)) {
        return;
    }
    fixes.push(Fix {
        start: p,
        end,
        chars: items.iter().map(|it| (it.c, it.start, it.end)).collect(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Apply the fixes of `text`.
    fn repair(text: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for f in find(text) {
            out.push_str(span::between(text, at, f.start));
            out.extend(f.chars.iter().map(|x| x.0));
            at = f.end;
        }
        out.push_str(span::after(text, at));
        out
    }

    /// `text` as UTF-8 bytes read as Windows-1252 (undefined bytes as C1, as
    /// browsers do) or Latin-1.
    fn damage(text: &str, latin1: bool) -> String {
        text.bytes()
            .map(|b| {
                if !latin1 && (0x80..0xA0).contains(&b) {
                    CP1252_HIGH[(b - 0x80) as usize].unwrap_or(char::from(b))
                } else {
                    char::from(b)
                }
            })
            .collect()
    }

    #[test]
    fn examples_are_repaired() {
        for (bad, good) in [
            ("VladÃ\u{ad}mir Putin", "Vladímir Putin"),
            ("donâ€™t", "don’t"),
            ("Ã©tÃ©", "été"),
            ("â€œQuoteâ€\u{9d}", "“Quote”"),
            ("Â£5", "£5"),
            ("100Â\u{a0}km", "100\u{a0}km"),
            ("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "Привет мир"),
            ("ä¸\u{ad}æ–‡", "中文"),
            ("ðŸ˜€ ok", "😀 ok"),
            ("Ã¢â‚¬â„¢", "’"),
            ("siÄ™ mogÄ…", "się mogą"),
            ("SÃ£o Paulo", "São Paulo"),
            ("Î•Î»Î»Î¬Î´Î±", "Ελλάδα"),
            ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
            ("TiÃªÌ\u{81}ng ViÃªÌ£t", "Tiê\u{301}ng Viê\u{323}t"),
        ] {
            assert_eq!(repair(bad), good, "repairing {bad:?}");
        }
    }

    #[test]
    fn damage_round_trips() {
        for text in [
            "Vladímir Putin said: “we’ll meet in São Paulo” — 5 °C, 3 € … ok",
            "Ελλάδα, Россия, 中文, العربية, עברית, Tiếng Việt, 😀, ∑x² ≤ π",
            "Ærøskøbing, Łódź, Ñandú, Straße, façade, naïve, Ĳssel",
        ] {
            for latin1 in [false, true] {
                let once = damage(text, latin1);
                assert_eq!(repair(&once), text, "once, latin1={latin1}");
                let twice = damage(&once, latin1);
                assert_eq!(repair(&twice), text, "twice, latin1={latin1}");
            }
        }
    }

    #[test]
    fn decomposed_damage_is_repaired() {
        use unicode_normalization::UnicodeNormalization;
        // Mojibake later normalized to NFD (a lead letter as a letter and a
        // combining mark), or to NFKD (a spacing accent as a space and a mark).
        for (bad, good) in [
            (
                "FranA\u{303}\u{83}A\u{302}\u{a7}ois Hollande",
                "François Hollande",
            ),
            (
                "BasA\u{303}\u{83}A\u{302}\u{a1}A\u{303}\u{83}A\u{302}\u{b1}ez",
                "Basáñez",
            ),
            ("SegolA\u{303} \u{308}ne Royal", "Segolène Royal"),
            ("naA\u{303} \u{304}ve", "naïve"),
        ] {
            assert_eq!(
                repair(bad).nfc().collect::<String>(),
                good,
                "repairing {bad:?}"
            );
        }
        for text in [
            "Vladímir Putin said: “we’ll meet in São Paulo” — 5 °C, 3 € … ok",
            "Ærøskøbing, Łódź, Ñandú, Straße, façade, naïve, Ĳssel, Tiếng Việt",
        ] {
            for latin1 in [false, true] {
                let once = damage(text, latin1);
                let twice = damage(&once, latin1);
                for bad in [once, twice] {
                    let nfd: String = bad.nfd().collect();
                    let fixed: String = repair(&nfd).nfc().collect();
                    assert_eq!(fixed, text, "NFD of {bad:?}");
                }
            }
        }
        // Correct decomposed text stays as it is.
        for text in [
            "São Paulo, João, MÃE, été, Tiếng Việt, Đà Nẵng, Größe",
            "a \u{308} b",
        ] {
            let nfd: String = text.nfd().collect();
            assert!(find(&nfd).is_empty(), "changed {nfd:?}");
        }
    }

    #[test]
    fn clusters_are_cut_at_decoded_whitespace() {
        // A cluster that decodes to whitespace among other characters: each
        // side is repaired as it would be alone, since the normalizer cuts
        // blocks and words at that whitespace.
        for (whole, pieces) in [
            (
                "\u{201c}\u{c2}\u{2026}\u{e2}\u{20ac}\u{81}",
                ["\u{201c}\u{c2}\u{2026}", ""],
            ),
            ("CafÃ©Â\u{a0}crÃ¨meÂ\u{a0}", ["CafÃ©", "crÃ¨me"]),
            ("donâ€™tâ€\u{81}Ã©tÃ©", ["donâ€™t", "Ã©tÃ©"]),
        ] {
            let fixed = repair(whole);
            for piece in pieces {
                assert!(
                    fixed.contains(&repair(piece)),
                    "{whole:?} repaired {fixed:?}, not as its piece {piece:?}"
                );
            }
        }
        assert_eq!(repair("donâ€™tâ€\u{81}Ã©tÃ©"), "don’t\u{2001}été");
        assert_eq!(repair("CafÃ©Â\u{a0}crÃ¨meÂ\u{a0}"), "Café\u{a0}crème\u{a0}");
        // An undefined byte left in the decoding (0x81) is cut off the same
        // way: what comes before it is repaired as it would be without it.
        assert_eq!(repair("donâ€™Â\u{81}"), "don’Â\u{81}");
        assert_eq!(repair("donâ€™Â\u{81}"), repair("donâ€™Â") + "\u{81}");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for text in [
            "São Paulo, João, Ação, MÃE, IRMÃ”, PERÚ”, CAFÉ…, PERCHÉ” «été»",
            "Größe, Fuß…, Straße“, ÄÖÜ – äöü, Ålesund’s",
            "Tiếng Việt có dấu, Hà Nội — Đà Nẵng",
            "Ελληνικά, Русский язык, 日本語のテキスト, 한국어, עברית, العربية",
            "Emoji 😀🎉, math ∑ ≤ ∞ ±2 °C, £5 and €3, ©2023 ® ™",
            "Â is a letter in Romanian: ÎNTÂLNIRE, România, Câmpina",
            "Ã alone, Ã© is odd but Ã at the end: SÃ”",
            "ÉTÉ», À»",
        ] {
            // "Ã©" between "Ã" and "is" is real mojibake; everything else stays.
            let fixed = repair(text);
            if text.contains("Ã©") {
                assert_eq!(fixed, text.replace("Ã©", "é"));
            } else {
                assert_eq!(fixed, text, "changed {text:?}");
            }
        }
    }

    #[test]
    fn c1_controls_map_to_cp1252() {
        assert_eq!(c1_to_cp1252('\u{92}'), Some('’'));
        assert_eq!(c1_to_cp1252('\u{85}'), Some('…'));
        assert_eq!(c1_to_cp1252('\u{81}'), None);
        assert_eq!(c1_to_cp1252('a'), None);
    }

    #[test]
    fn clean_text_finds_nothing() {
        assert!(find("plain ASCII text").is_empty());
        assert!(find("été à Paris").is_empty());
        assert_eq!(find("").capacity(), 0);
    }
}
