//! Function-word votes for common news languages.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Languages voted on, in bit order.
pub(super) const LANGS: [&str; 8] = ["en", "es", "fr", "de", "pt", "it", "nl", "id"];
const EN: u8 = 1;
const ES: u8 = 1 << 1;
const FR: u8 = 1 << 2;
const DE: u8 = 1 << 3;
const PT: u8 = 1 << 4;
const IT: u8 = 1 << 5;
const NL: u8 = 1 << 6;
const ID: u8 = 1 << 7;

/// Frequent function words, lowercase, sorted by word, with the languages they belong to.
static WORDS: &[(&str, u8)] = &[
    ("a", EN | ES | PT | IT),
    ("aan", NL),
    ("about", EN),
    ("ada", ID),
    ("adalah", ID),
    ("after", EN),
    ("akan", ID),
    ("al", ES | IT),
    ("alla", IT),
    ("als", DE | NL),
    ("also", EN),
    ("an", EN),
    ("anche", IT),
    ("and", EN),
    ("ao", PT),
    ("are", EN),
    ("as", EN | PT),
    ("at", EN),
    ("atau", ID),
    ("au", FR),
    ("auch", DE),
    ("auf", DE),
    ("aus", DE),
    ("aux", FR),
    ("avec", FR),
    ("bahwa", ID),
    ("be", EN),
    ("been", EN),
    ("bei", DE),
    ("bij", NL),
    ("bisa", ID),
    ("but", EN),
    ("by", EN),
    ("ce", FR),
    ("cette", FR),
    ("che", IT),
    ("com", PT),
    ("come", IT),
    ("como", ES | PT),
    ("con", ES | IT),
    ("da", PT | IT),
    ("dalam", ID),
    ("dan", ID),
    ("dans", FR),
    ("dari", ID),
    ("das", DE | PT),
    ("dass", DE),
    ("dat", NL),
    ("de", ES | FR | PT | NL),
    ("dei", IT),
    ("del", ES | IT),
    ("della", IT),
    ("dem", DE),
    ("den", DE),
    ("dengan", ID),
    ("der", DE),
    ("des", FR | DE),
    ("di", IT | ID),
    ("die", DE),
    ("do", PT),
    ("door", NL),
    ("dos", PT),
    ("du", FR),
    ("e", PT | IT),
    ("een", NL),
    ("ein", DE),
    ("eine", DE),
    ("einen", DE),
    ("el", ES),
    ("elle", FR),
    ("em", PT),
    ("en", ES | FR | NL),
    ("er", DE | NL),
    ("es", ES | DE),
    ("est", FR),
    ("esta", ES),
    ("este", ES),
    ("et", FR),
    ("foi", PT),
    ("for", EN),
    ("from", EN),
    ("fue", ES),
    ("für", DE),
    ("gli", IT),
    ("ha", ES | IT),
    ("had", EN),
    ("han", ES),
    ("has", EN),
    ("have", EN),
    ("he", EN),
    ("her", EN),
    ("het", NL),
    ("his", EN),
    ("il", FR | IT),
    ("im", DE),
    ("in", EN | DE | IT | NL),
    ("ini", ID),
    ("into", EN),
    ("is", EN | NL),
    ("ist", DE),
    ("it", EN),
    ("its", EN),
    ("itu", ID),
    ("jadi", ID),
    ("juga", ID),
    ("karena", ID),
    ("ke", ID),
    ("kita", ID),
    ("la", ES | FR | IT),
    ("las", ES),
    ("le", FR | IT),
    ("lebih", ID),
    ("les", FR),
    ("leur", FR),
    ("lo", ES | IT),
    ("los", ES),
    ("ma", IT),
    ("maar", NL),
    ("mais", FR | PT),
    ("mereka", ID),
    ("met", NL),
    ("mit", DE),
    ("more", EN),
    ("na", PT),
    ("naar", NL),
    ("nach", DE),
    ("nas", PT),
    ("nel", IT),
    ("nella", IT),
    ("nicht", DE),
    ("niet", NL),
    ("no", PT),
    ("non", IT),
    ("nos", PT),
    ("não", PT),
    ("o", PT),
    ("oder", DE),
    ("of", EN),
    ("oleh", ID),
    ("om", NL),
    ("on", EN),
    ("ont", FR),
    ("ook", NL),
    ("op", NL),
    ("os", PT),
    ("pada", ID),
    ("par", FR),
    ("para", ES | PT),
    ("pas", FR),
    ("pela", PT),
    ("pelo", PT),
    ("per", IT),
    ("pero", ES),
    ("più", IT),
    ("por", ES | PT),
    ("pour", FR),
    ("que", ES | FR | PT),
    ("qui", FR),
    ("saat", ID),
    ("said", EN),
    ("se", ES | PT),
    ("sebagai", ID),
    ("ses", FR),
    ("she", EN),
    ("sich", DE),
    ("sie", DE),
    ("sobre", ES | PT),
    ("sono", IT),
    ("sont", FR),
    ("su", ES),
    ("sua", PT),
    ("sudah", ID),
    ("sur", FR),
    ("sus", ES),
    ("são", PT),
    ("te", NL),
    ("telah", ID),
    ("tersebut", ID),
    ("than", EN),
    ("that", EN),
    ("the", EN),
    ("their", EN),
    ("they", EN),
    ("this", EN),
    ("tidak", ID),
    ("to", EN),
    ("um", PT),
    ("uma", PT),
    ("un", ES | FR | IT),
    ("una", ES | IT),
    ("und", DE),
    ("une", FR),
    ("untuk", ID),
    ("van", NL),
    ("von", DE),
    ("voor", NL),
    ("was", EN),
    ("were", EN),
    ("which", EN),
    ("who", EN),
    ("will", EN),
    ("wird", DE),
    ("with", EN),
    ("would", EN),
    ("wurde", DE),
    ("y", ES),
    ("yang", ID),
    ("zijn", NL),
    ("zu", DE),
    ("à", FR),
    ("è", IT),
    ("été", FR),
    ("über", DE),
];

/// Vote totals per language.
pub(super) struct Votes {
    score: [f32; LANGS.len()],
    /// Different function words of each language (running text only).
    distinct: [u16; LANGS.len()],
    /// Words counted.
    pub(super) words: usize,
}

impl Votes {
    /// The winner when it is clearly ahead.
    pub(super) fn decisive(&self) -> Option<&'static str> {
        let (best, first, second) = self.top();
        (first >= 1.5 && first >= 2.0 * second).then_some(LANGS[best])
    }

    /// The language other than English with the most votes when it has at
    /// least `min` of them, from `distinct` different words or more, and
    /// `ratio` times those of English.
    pub(super) fn other_than_english(
        &self,
        min: f32,
        distinct: u16,
        ratio: f32,
    ) -> Option<&'static str> {
        let best = (1..LANGS.len()).max_by(|&a, &b| self.score[a].total_cmp(&self.score[b]))?;
        let first = self.score[best];
        (first >= min && self.distinct[best] >= distinct && first >= ratio * self.score[0])
            .then_some(LANGS[best])
    }

    /// The leader when it has any lead at all.
    pub(super) fn leader(&self) -> Option<&'static str> {
        let (best, first, second) = self.top();
        (first >= 0.9 && first > second).then_some(LANGS[best])
    }

    fn top(&self) -> (usize, f32, f32) {
        let mut best = 0;
        for i in 1..LANGS.len() {
            if self.score[i] > self.score[best] {
                best = i;
            }
        }
        let second = (0..LANGS.len())
            .filter(|&i| i != best)
            .map(|i| self.score[i])
            .fold(0.0, f32::max);
        (best, self.score[best], second)
    }
}

/// Count function words in `text`; a word shared by n languages gives each 1/n.
pub(super) fn vote(text: &str) -> Votes {
    vote_words(text, false)
}

/// [`vote`] over the words of running text only: a word in capitals ("NA",
/// "IN") is an abbreviation or a headline's, not a function word.
pub(super) fn vote_running(text: &str) -> Votes {
    vote_words(text, true)
}

fn vote_words(text: &str, running: bool) -> Votes {
    let mut votes = Votes {
        score: [0.0; LANGS.len()],
        distinct: [0; LANGS.len()],
        words: 0,
    };
    // The function words seen, by their index in `WORDS`.
    let mut seen = [0u64; WORDS.len().div_ceil(64)];
    let mut buf = [0u8; 16];
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() {
            continue;
        }
        votes.words += 1;
        if running && word.chars().nth(1).is_some() && !word.chars().any(char::is_lowercase) {
            continue;
        }
        let Some((index, mask)) = lower_into(word, &mut buf).and_then(lookup) else {
            continue;
        };
        let share = 1.0 / mask.count_ones() as f32;
        // Different words are counted for running text only (`detect`'s
        // votes, on every block, do without).
        let (slot, bit) = (usize::from(index) / 64, 1u64 << (index % 64));
        let new = running && seen[slot] & bit == 0;
        seen[slot] |= bit;
        for k in 0..LANGS.len() {
            if mask & (1 << k) != 0 {
                votes.score[k] += share;
                votes.distinct[k] += u16::from(new);
            }
        }
    }
    votes
}

/// Lowercase `word` into `buf`; `None` when it does not fit. ASCII takes a fast path.
fn lower_into<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    if word.is_ascii() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let n = c.len_utf8();
        if len + n > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// FNV-1a: a fast hash for the short keys of the function-word table.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Function word -> its index in `WORDS` and its language mask.
type FnvMap = HashMap<&'static str, (u16, u8), BuildHasherDefault<Fnv>>;

static TABLE: LazyLock<FnvMap> = LazyLock::new(|| {
    WORDS
        .iter()
        .zip(0u16..)
        .map(|(&(w, mask), i)| (w, (i, mask)))
        .collect()
});

/// The index in `WORDS` and the language mask of a function word, if `lower`
/// is one.
fn lookup(lower: &str) -> Option<(u16, u8)> {
    TABLE.get(lower).copied()
}

/// Count words and function words (of any voted language) in `text`, allocation-free.
pub(crate) fn function_word_density(text: &str) -> (usize, usize) {
    let mut words = 0;
    let mut function = 0;
    let mut buf = [0u8; 16];
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        words += 1;
        if word.len() <= 8 && lower_into(word, &mut buf).and_then(lookup).is_some() {
            function += 1;
        }
    }
    (words, function)
}

#[cfg(test)]
mod tests {
    use super::WORDS;

    #[test]
    fn table_is_sorted_and_unique() {
        for w in WORDS.windows(2) {
            assert!(w[0].0 < w[1].0, "{} >= {}", w[0].0, w[1].0);
        }
    }
}
