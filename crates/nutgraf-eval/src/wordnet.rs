//! `nutgraf-eval wordnet-events`: event trigger words from WordNet.
//!
//! The hand-written trigger lists (`data/lexicons/event_verbs.tsv`,
//! `event_nouns.tsv`) name the common words of each event type. This command
//! adds the rest of each type's vocabulary from WordNet 3.0: for every root
//! synset of `data/lexicons/event_wordnet_roots.tsv` ("kill.v.01 KILL"), the
//! words of the root and of all its hyponyms (troponyms for verbs) whose
//! most frequent sense lies under the root, so that a word counts for a type
//! only when that is what it usually means ("execute" is a killing, "fire"
//! shoots first and dismisses second). A word whose senses under the root
//! hold less than half of its tagged uses in WordNet's sense counts is
//! flagged `ambiguous`. Nothing is taken from an evaluation set.
//!
//! The output is two tables in the formats of the hand-written lists, with
//! the root each row came from: `event_verbs_wordnet.tsv` and
//! `event_nouns_wordnet.tsv`. The library reads them after the hand-written
//! lists, which win for any word both give.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::jsonl::{opt_str, positional};

/// A part of speech WordNet has a database for (the two that name events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Pos {
    Noun,
    Verb,
}

impl Pos {
    fn file(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
        }
    }

    fn from_letter(s: &str) -> Option<Pos> {
        match s {
            "n" => Some(Pos::Noun),
            "v" => Some(Pos::Verb),
            _ => None,
        }
    }
}

/// One synset: its words (lower case, multiword ones joined by `_`), its
/// hyponyms of the same part of speech (not instances), its lexicographer
/// file (`lex_filenum`: 32 is `verb.communication`) and, for a verb, its
/// sentence frames as (frame number, word number; 0: every word).
#[derive(Debug, Default)]
struct Synset {
    words: Vec<String>,
    hyponyms: Vec<u32>,
    lexname: u8,
    frames: Vec<(u8, u8)>,
}

/// The parts of WordNet the command reads.
#[derive(Debug, Default)]
pub struct WordNet {
    /// Lemma and part of speech to its synsets, most frequent sense first.
    senses: HashMap<(String, Pos), Vec<u32>>,
    synsets: HashMap<(Pos, u32), Synset>,
    /// Tagged uses of (lemma, part of speech, sense number from 1).
    counts: HashMap<(String, Pos, usize), u64>,
    /// Tagged uses of a lemma as each part of speech: noun, verb, adjective,
    /// adverb.
    uses: HashMap<String, [u64; 4]>,
    /// Irregular verb forms: base to forms (`verb.exc`).
    verb_exceptions: HashMap<String, Vec<String>>,
}

impl WordNet {
    /// Read the database in `dir` (`index.noun`, `data.verb`, `cntlist.rev`,
    /// `verb.exc`...: the `dict` folder of WordNet 3.0).
    ///
    /// # Errors
    /// A file that is missing or not in WordNet's format.
    pub fn load(dir: &Path) -> Result<WordNet, String> {
        let read = |name: &str| {
            let p = dir.join(name);
            std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))
        };
        let mut wn = WordNet::default();
        for pos in [Pos::Noun, Pos::Verb] {
            let index = read(&format!("index.{}", pos.file()))?;
            for line in index.lines().filter(|l| !l.starts_with(' ')) {
                let (lemma, offsets) = index_line(line)
                    .ok_or_else(|| format!("index.{}: bad line {line:?}", pos.file()))?;
                wn.senses.insert((lemma, pos), offsets);
            }
            let data = read(&format!("data.{}", pos.file()))?;
            for line in data.lines().filter(|l| !l.starts_with(' ')) {
                let (offset, synset) = data_line(line)
                    .ok_or_else(|| format!("data.{}: bad line {line:?}", pos.file()))?;
                wn.synsets.insert((pos, offset), synset);
            }
        }
        for line in read("cntlist.rev")?.lines() {
            // `kill%2:35:00:: 1 105`: sense key, sense number, tagged uses.
            let mut cols = line.split_whitespace();
            let (Some(key), Some(n), Some(count)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let Some((lemma, rest)) = key.split_once('%') else {
                continue;
            };
            let (Ok(n), Ok(count)) = (n.parse(), count.parse::<u64>()) else {
                continue;
            };
            // ss_type: 1 noun, 2 verb, 3 adjective, 4 adverb, 5 satellite.
            let class = match rest.split(':').next() {
                Some("1") => 0,
                Some("2") => 1,
                Some("3" | "5") => 2,
                Some("4") => 3,
                _ => continue,
            };
            wn.uses.entry(lemma.to_owned()).or_default()[class] += count;
            let pos = [Some(Pos::Noun), Some(Pos::Verb), None, None][class];
            if let Some(pos) = pos {
                wn.counts.insert((lemma.to_owned(), pos, n), count);
            }
        }
        for line in read("verb.exc")?.lines() {
            // `form base...`: a form may belong to several bases.
            let mut cols = line.split_whitespace();
            let Some(form) = cols.next() else { continue };
            for base in cols {
                wn.verb_exceptions
                    .entry(base.to_owned())
                    .or_default()
                    .push(form.to_owned());
            }
        }
        Ok(wn)
    }

    /// The synset `lemma.pos.NN` names (`kill.v.01`: the first verb sense).
    fn synset_named(&self, name: &str) -> Option<(Pos, u32)> {
        let mut parts = name.rsplitn(3, '.');
        let n: usize = parts.next()?.parse().ok()?;
        let pos = Pos::from_letter(parts.next()?)?;
        let lemma = parts.next()?;
        let offset = *self
            .senses
            .get(&(lemma.to_owned(), pos))?
            .get(n.checked_sub(1)?)?;
        Some((pos, offset))
    }

    /// The synset and every hyponym below it.
    fn subtree(&self, pos: Pos, root: u32) -> HashSet<u32> {
        let mut seen = HashSet::new();
        let mut stack = vec![root];
        while let Some(o) = stack.pop() {
            if seen.insert(o) {
                if let Some(s) = self.synsets.get(&(pos, o)) {
                    stack.extend(&s.hyponyms);
                }
            }
        }
        seen
    }

    /// Whether `lemma`'s most frequent sense lies in `tree`, and the share
    /// of its tagged uses that do (`None` when it has no tagged use). The
    /// first sense counts only with evidence: a word of several senses needs
    /// more tagged uses of its first than of its second (WordNet orders
    /// untagged senses arbitrarily), and a word used more often as another
    /// part of speech ("off", "rebel") is left out.
    fn reading(&self, lemma: &str, pos: Pos, tree: &HashSet<u32>) -> (bool, Option<f64>) {
        let Some(offsets) = self.senses.get(&(lemma.to_owned(), pos)) else {
            return (false, None);
        };
        let count = |n: usize| {
            self.counts
                .get(&(lemma.to_owned(), pos, n))
                .copied()
                .unwrap_or(0)
        };
        let evident = offsets.len() == 1 || count(1) > count(2);
        let uses = self.uses.get(lemma).copied().unwrap_or_default();
        let own = uses[usize::from(pos == Pos::Verb)];
        let other = uses.iter().sum::<u64>() - own;
        let first = evident && offsets.first().is_some_and(|o| tree.contains(o)) && own >= other;
        let (mut mine, mut all) = (0u64, 0u64);
        for (n, o) in offsets.iter().enumerate() {
            let c = count(n + 1);
            all += c;
            if tree.contains(o) {
                mine += c;
            }
        }
        #[allow(clippy::cast_precision_loss)] // counts are small
        let share = (all > 0).then(|| mine as f64 / all as f64);
        (first, share)
    }
}

/// `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
/// synset_offset...`: the lemma and its synsets in sense order.
fn index_line(line: &str) -> Option<(String, Vec<u32>)> {
    let f: Vec<&str> = line.split_whitespace().collect();
    let lemma = (*f.first()?).to_owned();
    let pointers: usize = f.get(3)?.parse().ok()?;
    let sense_count: usize = f.get(pointers.checked_add(4)?)?.parse().ok()?;
    let first = pointers.checked_add(6)?;
    let offsets = f
        .get(first..first.checked_add(sense_count)?)?
        .iter()
        .map(|o| o.parse().ok())
        .collect::<Option<Vec<u32>>>()?;
    Some((lemma, offsets))
}

/// `offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt (ptr offset pos
/// source/target)... [frames] | gloss`: the synset's words and hyponyms.
fn data_line(line: &str) -> Option<(u32, Synset)> {
    let head = line.split('|').next()?;
    let f: Vec<&str> = head.split_whitespace().collect();
    let offset = f.first()?.parse().ok()?;
    let words = usize::from_str_radix(f.get(3)?, 16).ok()?;
    let mut synset = Synset {
        lexname: f.get(1)?.parse().ok()?,
        ..Synset::default()
    };
    for i in 0..words {
        let w = f.get(4 + 2 * i)?;
        // Adjective markers ("(a)") only appear on adjectives; cut anyway.
        let w = w.split('(').next().unwrap_or(w);
        // As WordNet spells it: a capitalized word ("Levant") is a name.
        synset.words.push(w.to_owned());
    }
    let p = words.checked_mul(2)?.checked_add(4)?;
    let pointers: usize = f.get(p)?.parse().ok()?;
    for j in 0..pointers {
        // Each pointer is four fields; a count past the line ends the loop.
        let at = j.checked_mul(4)?.checked_add(p)?;
        let sym = f.get(at + 1)?;
        let target = f.get(at + 2)?;
        let pos = f.get(at + 3)?;
        // `~` hyponym; `~i` instance hyponyms (named battles, wars) are left.
        if *sym == "~" && (*pos == "n" || *pos == "v") {
            synset.hyponyms.push(target.parse().ok()?);
        }
    }
    // Verb frames: `f_cnt` then `+ f_num w_num` (w_num in hex).
    let at = pointers.checked_mul(4)?.checked_add(p + 1)?;
    if let Some(count) = f.get(at).and_then(|c| c.parse::<usize>().ok()) {
        for j in 0..count {
            let k = j.checked_mul(3)?.checked_add(at + 1)?;
            let frame = f.get(k + 1)?.parse().ok()?;
            let word = u8::from_str_radix(f.get(k + 2)?, 16).ok()?;
            synset.frames.push((frame, word));
        }
    }
    Some((offset, synset))
}

/// One root: a synset and the reading its words take.
struct Root<'a> {
    synset: &'a str,
    kind: &'a str,
    cameo: &'a str,
    flags: Vec<&'a str>,
}

/// Rows of the roots table: `synset TYPE CAMEO flags`, `#` comments.
fn roots(text: &str) -> Result<Vec<Root<'_>>, String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [synset, kind, cameo, flags, ..] = cols[..] else {
            return Err(format!("roots: want synset, type, CAMEO, flags: {line:?}"));
        };
        let flags = flags.split(',').filter(|f| *f != "-").collect();
        out.push(Root {
            synset,
            kind,
            cameo,
            flags,
        });
    }
    Ok(out)
}

/// A word kept for a type.
struct Row<'a> {
    word: String,
    root: &'a Root<'a>,
    ambiguous: bool,
}

/// The longest base form kept: its inflections must fit the library's
/// trigger buffer (16 bytes).
const MAX_BASE: usize = 12;

/// Particles of the phrasal verbs kept ("pass away", "gun down", "step down"):
/// the library's `event::lexicon::PARTICLES`, which a test of its checks
/// against the table.
const PARTICLES: &[&str] = &[
    "away", "down", "up", "out", "off", "over", "in", "on", "back",
];

/// Whether a WordNet lemma is a verb and a particle (`pass_away`) that fits
/// the library's trigger buffer as "pass away".
fn phrasal(w: &str) -> bool {
    w.split_once('_').is_some_and(|(verb, particle)| {
        verb.len() >= 2
            && w.len() <= 16
            && verb.bytes().all(|b| b.is_ascii_lowercase())
            && PARTICLES.contains(&particle)
    })
}

/// The verb and noun tables for `roots`, as text.
fn tables(wn: &WordNet, roots: &[Root<'_>]) -> Result<(String, String), String> {
    let mut kept: BTreeMap<(Pos, String), Row<'_>> = BTreeMap::new();
    for root in roots {
        let (pos, offset) = wn
            .synset_named(root.synset)
            .ok_or_else(|| format!("roots: no synset {:?} in WordNet", root.synset))?;
        let tree = wn.subtree(pos, offset);
        let mut words: Vec<&String> = tree
            .iter()
            .filter_map(|o| wn.synsets.get(&(pos, *o)))
            .flat_map(|s| &s.words)
            .collect();
        words.sort();
        words.dedup();
        for w in words {
            // Two letters only for a verb of going ("go"): other triggers
            // are looked up from three.
            let min = if root.flags.contains(&"goal") { 2 } else { 3 };
            let plain =
                w.len() >= min && w.len() <= MAX_BASE && w.bytes().all(|b| b.is_ascii_lowercase());
            // Phrasal verbs only for roots of acts: those of going and
            // fleeing ("go off", "get away", "break away") mean too much else.
            let acts = !root.flags.iter().any(|f| matches!(*f, "goal" | "motion"));
            if !(plain || (pos == Pos::Verb && acts && phrasal(w)))
                || kept.contains_key(&(pos, w.clone()))
            {
                continue;
            }
            let (first, share) = wn.reading(w, pos, &tree);
            if first {
                let ambiguous = share.is_some_and(|s| s < 0.5);
                kept.insert(
                    (pos, w.clone()),
                    Row {
                        word: w.clone(),
                        root,
                        ambiguous,
                    },
                );
            }
        }
    }
    let header = |what: &str, columns: &str| {
        format!(
            "# Event trigger {what} from WordNet 3.0, made by `nutgraf-eval wordnet-events`\n\
             # (see README.md: do not edit by hand). Each word's most frequent sense lies\n\
             # under the root synset of the last column. WordNet 3.0 Copyright 2006 by\n\
             # Princeton University, under the WordNet licence (WORDNET-LICENSE).\n\
             # {columns}\n"
        )
    };
    let mut verbs = header(
        "verbs",
        "base<TAB>type<TAB>CAMEO<TAB>flags<TAB>words after<TAB>irregular past forms<TAB>root",
    );
    let mut nouns = header(
        "nouns",
        "base<TAB>number<TAB>type<TAB>CAMEO<TAB>flags<TAB>words after<TAB>root",
    );
    let mut rows: Vec<(&Pos, &Row<'_>)> = kept.iter().map(|((p, _), r)| (p, r)).collect();
    rows.sort_by(|a, b| (a.1.root.kind, a.0, &a.1.word).cmp(&(b.1.root.kind, b.0, &b.1.word)));
    for (pos, row) in rows {
        let mut flags = row.root.flags.clone();
        if row.ambiguous {
            flags.push("ambiguous");
        }
        let root = row.root;
        match pos {
            Pos::Verb => {
                let (past, double) = verb_forms(wn, &row.word);
                if double {
                    flags.push("double");
                }
                let _ = writeln!(
                    verbs,
                    "{}\t{}\t{}\t{}\t-\t{}\t{}",
                    row.word.replace('_', " "),
                    root.kind,
                    root.cameo,
                    column(&flags),
                    column(&past),
                    root.synset
                );
            }
            Pos::Noun => {
                let _ = writeln!(
                    nouns,
                    "{}\tboth\t{}\t{}\t{}\t-\t{}",
                    row.word,
                    root.kind,
                    root.cameo,
                    column(&flags),
                    root.synset
                );
            }
        }
    }
    Ok((verbs, nouns))
}

/// A list column of the tables: comma-separated, `-` when empty.
fn column<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "-".to_owned()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The irregular past forms of a verb (`verb.exc`: "slay" -> "slew",
/// "slain") and whether its final consonant doubles ("kidnapped").
fn verb_forms(wn: &WordNet, base: &str) -> (Vec<String>, bool) {
    let Some(forms) = wn.verb_exceptions.get(base) else {
        return (Vec::new(), false);
    };
    let last = base.chars().last().unwrap_or(' ');
    let doubled = format!("{base}{last}");
    let double = forms.iter().any(|f| f.starts_with(&doubled));
    // Doubled forms come from the `double` flag, regular ones from the rules
    // of spelling ("crucified"); the rest are irregular past forms.
    let stem = base.strip_suffix(['e', 'y']).unwrap_or(base);
    let regular = [
        format!("{base}ed"),
        format!("{base}d"),
        format!("{stem}ied"),
    ];
    let mut past: Vec<String> = forms
        .iter()
        .filter(|f| {
            !f.ends_with("ing")
                && !f.starts_with(&doubled)
                && !f.ends_with('s')
                && !regular.contains(f)
        })
        .cloned()
        .collect();
    past.sort();
    past.dedup();
    (past, double)
}

/// `nutgraf-eval wordnet-events DICT [--roots FILE] --out DIR`.
///
/// # Errors
/// Missing arguments, an unreadable WordNet or roots file, an unknown root.
pub fn run(args: &[String]) -> Result<(), String> {
    let dict = positional(args).ok_or("wordnet-events: give the WordNet dict folder")?;
    let roots_path =
        opt_str(args, "--roots")?.unwrap_or("crates/nutgraf/data/lexicons/event_wordnet_roots.tsv");
    let out = opt_str(args, "--out")?.unwrap_or("crates/nutgraf/data/lexicons");
    let wn = WordNet::load(Path::new(dict))?;
    let text = std::fs::read_to_string(roots_path).map_err(|e| format!("{roots_path}: {e}"))?;
    let roots = roots(&text)?;
    let (verbs, nouns) = tables(&wn, &roots)?;
    for (name, table) in [
        ("event_verbs_wordnet.tsv", &verbs),
        ("event_nouns_wordnet.tsv", &nouns),
    ] {
        let path = Path::new(out).join(name);
        std::fs::write(&path, table).map_err(|e| format!("{}: {e}", path.display()))?;
        let rows = table.lines().filter(|l| !l.starts_with('#')).count();
        println!("{rows} rows in {}", path.display());
    }
    Ok(())
}

/// The lexicographer files of verbs that report what someone says, thinks,
/// feels or perceives, by `lex_filenum`.
const REPORT_FILES: [(u8, &str); 4] = [
    (31, "cognition"),
    (32, "communication"),
    (37, "emotion"),
    (39, "perception"),
];

/// WordNet's sentence frame "Somebody ----s that CLAUSE".
const THAT_CLAUSE: u8 = 26;

/// The verbs of reporting: every verb one of whose two most frequent senses
/// is a verb of communication, cognition, emotion or perception ("say",
/// "talk", "believe", "fear", "learn", "see"), with the first such sense
/// and its file. A verb WordNet frames with "Somebody ----s that CLAUSE" in
/// such a sense reports a clause (`clause`); the others report what they
/// are about (`topic`: "talked about the economy"). As text: `verb TAB file
/// TAB sense TAB clause|topic TAB share` (of the verb's tagged uses in that
/// file).
fn report_verbs(wn: &WordNet) -> String {
    let mut rows: Vec<(String, &str, usize, &str, String)> = Vec::new();
    for ((lemma, pos), offsets) in &wn.senses {
        let plain = lemma.len() >= 3
            && lemma.len() <= MAX_BASE
            && lemma.bytes().all(|b| b.is_ascii_lowercase());
        if *pos != Pos::Verb || !plain {
            continue;
        }
        // Each of the two first senses in a reporting file, with whether
        // WordNet gives it the frame "that CLAUSE" for this word.
        let readings: Vec<(&str, usize, bool)> = offsets
            .iter()
            .take(2)
            .enumerate()
            .filter_map(|(n, o)| {
                let synset = wn.synsets.get(&(Pos::Verb, *o))?;
                let file = REPORT_FILES.iter().find(|(k, _)| *k == synset.lexname)?.1;
                // The frame holds for every word of the synset (0) or this one.
                let word = synset
                    .words
                    .iter()
                    .position(|w| w.eq_ignore_ascii_case(lemma));
                let framed = synset.frames.iter().any(|&(frame, w)| {
                    frame == THAT_CLAUSE
                        && (w == 0 || word.is_some_and(|i| usize::from(w) == i + 1))
                });
                Some((file, n + 1, framed))
            })
            .collect();
        // The first reporting sense, reporting a clause if either does, and
        // the share of the verb's tagged uses in that sense's file.
        let framed = readings.iter().any(|r| r.2);
        if let Some(&(file, sense, _)) = readings.first() {
            let (mut mine, mut all) = (0u64, 0u64);
            for (n, o) in offsets.iter().enumerate() {
                let c = wn
                    .counts
                    .get(&(lemma.clone(), Pos::Verb, n + 1))
                    .copied()
                    .unwrap_or(0);
                all += c;
                let same = wn
                    .synsets
                    .get(&(Pos::Verb, *o))
                    .and_then(|s| REPORT_FILES.iter().find(|(k, _)| *k == s.lexname))
                    .is_some_and(|(_, f)| *f == file);
                if same {
                    mine += c;
                }
            }
            #[allow(clippy::cast_precision_loss)] // counts are small
            let share = if all == 0 {
                "-".to_owned()
            } else {
                format!("{:.2}", mine as f64 / all as f64)
            };
            rows.push((
                lemma.clone(),
                file,
                sense,
                if framed { "clause" } else { "topic" },
                share,
            ));
        }
    }
    rows.sort();
    let mut out = String::from(
        "# Verbs of reporting, from WordNet 3.0, made by `nutgraf-eval wordnet-reports`\n\
         # (see README.md: do not edit by hand): one of the verb's two most frequent\n\
         # senses is a verb of communication, cognition, emotion or perception (the\n\
         # first such sense and its file); `clause` when WordNet frames such a sense\n\
         # with \"Somebody ----s that CLAUSE\", else `topic`; the share of the verb's\n\
         # tagged uses (SemCor counts) in senses of that file, `-` when untagged.\n\
         # WordNet 3.0 Copyright 2006 by Princeton University, under the WordNet\n\
         # licence (WORDNET-LICENSE).\n\
         # verb<TAB>lexicographer file<TAB>sense<TAB>clause or topic<TAB>share\n",
    );
    for (lemma, file, sense, what, share) in rows {
        let _ = writeln!(out, "{lemma}\t{file}\t{sense}\t{what}\t{share}");
    }
    out
}

/// The noun files of what is said or thought, and of who says it, by
/// `lex_filenum`.
const REPORT_NOUN_FILES: [(u8, &str); 4] = [
    (9, "cognition"),
    (10, "communication"),
    (14, "group"),
    (18, "person"),
];

/// The plain nouns of WordNet (three lowercase ASCII letters or more: no
/// names, no phrases) with the lexicographer file of their first sense.
fn plain_nouns(wn: &WordNet) -> impl Iterator<Item = (&str, u8)> {
    wn.senses.iter().filter_map(|((lemma, pos), offsets)| {
        let plain = lemma.len() >= 3 && lemma.bytes().all(|b| b.is_ascii_lowercase());
        if *pos != Pos::Noun || !plain {
            return None;
        }
        let synset = wn.synsets.get(&(Pos::Noun, *offsets.first()?))?;
        Some((lemma.as_str(), synset.lexname))
    })
}

/// The nouns of reporting: every noun whose most frequent sense is a noun of
/// communication or cognition ("statement", "criticism", "view"), or names
/// a person or a group, who can make one ("expert", "man", "committee"). As
/// text: `noun TAB file`.
fn report_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for (lemma, lexname) in plain_nouns(wn) {
        if let Some((_, file)) = REPORT_NOUN_FILES.iter().find(|(k, _)| *k == lexname) {
            rows.push((lemma, file));
        }
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Nouns of reporting, from WordNet 3.0, made by `nutgraf-eval wordnet-reports`\n\
         # (see README.md: do not edit by hand): the noun's most frequent sense is a\n\
         # noun of communication or cognition (what is said or thought), or of a\n\
         # person or group (who says it). WordNet 3.0 Copyright 2006 by Princeton\n\
         # University, under the WordNet licence (WORDNET-LICENSE).\n\
         # noun<TAB>lexicographer file\n",
    );
    for (lemma, file) in rows {
        let _ = writeln!(out, "{lemma}\t{file}");
    }
    out
}

/// The nouns of a person: every noun whose most frequent sense is in
/// WordNet's file of persons ("man", "driver", "inmate") and that is tagged
/// at least as often as a noun as as any other part of speech together
/// ("have" is a verb, "civilian" an adjective, before it is a person). As
/// text: one noun a line.
fn person_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<&str> = Vec::new();
    for (lemma, lexname) in plain_nouns(wn) {
        let uses = wn.uses.get(lemma).copied().unwrap_or_default();
        let other: u64 = uses[1..].iter().sum();
        if lexname == 18 && uses[0] >= other {
            rows.push(lemma);
        }
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Nouns of a person, from WordNet 3.0, made by `nutgraf-eval wordnet-reports`\n\
         # (see README.md: do not edit by hand): the noun's most frequent sense is a\n\
         # person, and it is tagged at least as often as a noun as as anything else.\n\
         # WordNet 3.0 Copyright 2006 by Princeton University, under the WordNet\n\
         # licence (WORDNET-LICENSE).\n",
    );
    for lemma in rows {
        let _ = writeln!(out, "{lemma}");
    }
    out
}

/// The nouns that name the act of a verb of the same form: every word
/// WordNet has as a verb and as a noun whose most frequent noun sense is an
/// act or an event (`noun.act`, `noun.event`: "massacre", "raid",
/// "arrest"), with evidence (one noun sense, or more tagged uses of the
/// first than of the second). A verb's trigger read as such a noun is the
/// verb's event; as any other noun it is none ("a dirty bomb", "roadside
/// bombs": `bomb` is first an artifact). As text: one noun a line.
fn act_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<&str> = Vec::new();
    for (lemma, lexname) in plain_nouns(wn) {
        if !matches!(lexname, 4 | 11) || !wn.senses.contains_key(&(lemma.to_owned(), Pos::Verb)) {
            continue;
        }
        let count = |n: usize| {
            wn.counts
                .get(&(lemma.to_owned(), Pos::Noun, n))
                .copied()
                .unwrap_or(0)
        };
        let senses = wn
            .senses
            .get(&(lemma.to_owned(), Pos::Noun))
            .map_or(0, Vec::len);
        if senses == 1 || count(1) > count(2) {
            rows.push(lemma);
        }
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Nouns that name the act of the verb of the same form, from WordNet 3.0, made\n\
         # by `nutgraf-eval wordnet-reports` (see README.md: do not edit by hand): the\n\
         # word is a verb too, and its most frequent noun sense is an act or an event\n\
         # (`noun.act`, `noun.event`), with evidence. WordNet 3.0 Copyright 2006 by\n\
         # Princeton University, under the WordNet licence (WORDNET-LICENSE).\n",
    );
    for lemma in rows {
        let _ = writeln!(out, "{lemma}");
    }
    out
}

/// The plain nouns of WordNet (three lowercase ASCII letters or more) with
/// the lexicographer files of their senses, the most frequent first.
fn plain_noun_senses(wn: &WordNet) -> impl Iterator<Item = (&str, Vec<u8>)> {
    wn.senses.iter().filter_map(|((lemma, pos), offsets)| {
        let plain = lemma.len() >= 3 && lemma.bytes().all(|b| b.is_ascii_lowercase());
        if *pos != Pos::Noun || !plain {
            return None;
        }
        let files = offsets
            .iter()
            .filter_map(|o| wn.synsets.get(&(Pos::Noun, *o)))
            .map(|s| s.lexname)
            .collect();
        Some((lemma.as_str(), files))
    })
}

/// The lexicographer files of senses that can act: persons, groups,
/// places (a country acts through its government), animals, and WordNet's
/// top nouns ("someone", "entity").
const AGENT_FILES: [u8; 5] = [3, 5, 14, 15, 18];

/// The nouns that never name someone who acts: every plain noun of WordNet
/// none of whose senses is a person, a group, a place or an animal
/// ("promise", "pollutant", "bomb", "attack"; not "office", "house" or
/// "embassy", which can be the people in them). Each with what else it may
/// be: `communication` when a sense is one ("report", "statement": their
/// authors speak through them), `artifact` when a sense is a made thing
/// ("car", "bomb": what moves people or what harms them), `both`, or
/// nothing. As text: `noun [TAB kind]`.
fn thing_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<(&str, &str)> = Vec::new();
    for (lemma, files) in plain_noun_senses(wn) {
        if files.is_empty() || files.iter().any(|f| AGENT_FILES.contains(f)) {
            continue;
        }
        let kind = match (files.contains(&10), files.contains(&6)) {
            (true, true) => "\tboth",
            (true, false) => "\tcommunication",
            (false, true) => "\tartifact",
            (false, false) => "",
        };
        rows.push((lemma, kind));
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Nouns that never name someone who acts, from WordNet 3.0, made by\n\
         # `nutgraf-eval wordnet-reports` (see README.md: do not edit by hand): no\n\
         # sense of the noun is a person, a group, a place or an animal. The kind says\n\
         # what else a sense may be: communication, artifact or both; none, neither.\n\
         # WordNet 3.0 Copyright 2006 by Princeton University, under the WordNet\n\
         # licence (WORDNET-LICENSE).\n\
         # noun[<TAB>kind]\n",
    );
    for (lemma, kind) in rows {
        let _ = writeln!(out, "{lemma}{kind}");
    }
    out
}

/// The nouns of a crime: every plain noun of a synset under WordNet's
/// `crime.n.01` ("an act punishable by law": "fraud", "bribery", "theft",
/// "assault"). What someone is charged with, arrested or convicted for. As
/// text: one noun a line.
fn crime_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<&str> = Vec::new();
    if let Some((pos, root)) = wn.synset_named("crime.n.01") {
        for o in wn.subtree(pos, root) {
            let Some(s) = wn.synsets.get(&(pos, o)) else {
                continue;
            };
            rows.extend(
                s.words
                    .iter()
                    .filter(|w| {
                        w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                    })
                    .map(String::as_str),
            );
        }
    }
    rows.sort_unstable();
    rows.dedup();
    let mut out = String::from(
        "# Nouns of a crime, from WordNet 3.0, made by `nutgraf-eval wordnet-reports`\n\
         # (see README.md: do not edit by hand): the words of every synset under\n\
         # crime.n.01 (\"an act punishable by law\"). WordNet 3.0 Copyright 2006 by\n\
         # Princeton University, under the WordNet licence (WORDNET-LICENSE).\n",
    );
    for lemma in rows {
        let _ = writeln!(out, "{lemma}");
    }
    out
}

/// WordNet's lexicographer file of time periods (`noun.time`).
const TIME_FILE: u8 = 28;

/// The nouns of a stretch of time: every plain noun one of whose two most
/// frequent senses is a time period (`noun.time`: "day", "year", "moment",
/// "time" as in "the fourth time") and neither of those two a person, a
/// group, a place, an animal or a top noun ("date", a person one dates, and
/// "teen" stay out). When something happened, never who took part. As text:
/// one noun a line.
fn time_nouns(wn: &WordNet) -> String {
    let mut rows: Vec<&str> = Vec::new();
    for (lemma, files) in plain_noun_senses(wn) {
        let files = &files[..files.len().min(2)];
        if files.contains(&TIME_FILE) && !files.iter().any(|f| AGENT_FILES.contains(f)) {
            rows.push(lemma);
        }
    }
    rows.sort_unstable();
    let mut out = String::from(
        "# Nouns of a stretch of time, from WordNet 3.0, made by `nutgraf-eval\n\
         # wordnet-reports` (see README.md: do not edit by hand): one of the noun's two\n\
         # most frequent senses is a time period (noun.time) and neither of them a\n\
         # person, a group, a place, an animal or a top noun. WordNet 3.0 Copyright\n\
         # 2006 by Princeton University, under the WordNet licence (WORDNET-LICENSE).\n",
    );
    for lemma in rows {
        let _ = writeln!(out, "{lemma}");
    }
    out
}

/// `nutgraf-eval wordnet-reports DICT [--out DIR]`: writes
/// `quote_verbs_wordnet.tsv`, `quote_nouns_wordnet.tsv`,
/// `person_nouns_wordnet.txt`, `event_act_nouns_wordnet.txt`,
/// `event_thing_nouns_wordnet.tsv`, `event_crime_nouns_wordnet.txt` and
/// `event_time_nouns_wordnet.txt`.
///
/// # Errors
/// A missing argument, an unreadable WordNet, an unwritable output.
pub fn run_reports(args: &[String]) -> Result<(), String> {
    let dict = positional(args).ok_or("wordnet-reports: give the WordNet dict folder")?;
    let out = opt_str(args, "--out")?.unwrap_or("crates/nutgraf/data/lexicons");
    let wn = WordNet::load(Path::new(dict))?;
    for (name, table) in [
        ("quote_verbs_wordnet.tsv", report_verbs(&wn)),
        ("quote_nouns_wordnet.tsv", report_nouns(&wn)),
        ("person_nouns_wordnet.txt", person_nouns(&wn)),
        ("event_act_nouns_wordnet.txt", act_nouns(&wn)),
        ("event_thing_nouns_wordnet.tsv", thing_nouns(&wn)),
        ("event_crime_nouns_wordnet.txt", crime_nouns(&wn)),
        ("event_time_nouns_wordnet.txt", time_nouns(&wn)),
    ] {
        let path = Path::new(out).join(name);
        std::fs::write(&path, &table).map_err(|e| format!("{}: {e}", path.display()))?;
        let rows = table.lines().filter(|l| !l.starts_with('#')).count();
        println!("{rows} rows in {}", path.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_index_and_data_lines() {
        let (lemma, offsets) = index_line("kill v 2 4 @ ~ * + 2 1 01323958 00429060").unwrap();
        assert_eq!(lemma, "kill");
        assert_eq!(offsets, vec![1_323_958, 429_060]);
        let (offset, s) = data_line(
            "01323958 35 v 01 kill 0 003 @ 00126264 v 0000 ~ 01324305 v 0000 ~i 01234567 v 0000 01 + 08 00 | cause to die",
        )
        .unwrap();
        assert_eq!(offset, 1_323_958);
        assert_eq!(s.words, vec!["kill"]);
        assert_eq!(s.hyponyms, vec![1_324_305]);
    }

    /// A WordNet of noun synsets only: (offset, lexicographer file) each.
    fn noun_files(files: &[(u32, u8)]) -> WordNet {
        let mut wn = WordNet::default();
        for &(o, lexname) in files {
            let syn = Synset {
                lexname,
                ..Synset::default()
            };
            wn.synsets.insert((Pos::Noun, o), syn);
        }
        wn
    }

    /// A made table's rows, without its comment lines.
    fn rows(table: &str) -> Vec<String> {
        table
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn act_nouns_are_verbs_whose_noun_names_the_act() {
        let mut wn = noun_files(&[(1, 4), (2, 6), (3, 11)]);
        // An act first, and a verb: kept.
        wn.senses.insert(("massacre".into(), Pos::Noun), vec![1]);
        wn.senses.insert(("massacre".into(), Pos::Verb), vec![9]);
        // An event first, with more tagged uses of it: kept.
        wn.senses.insert(("crash".into(), Pos::Noun), vec![3, 2]);
        wn.senses.insert(("crash".into(), Pos::Verb), vec![9]);
        wn.counts.insert(("crash".into(), Pos::Noun, 1), 3);
        // An artifact first: left out.
        wn.senses.insert(("bomb".into(), Pos::Noun), vec![2, 1]);
        wn.senses.insert(("bomb".into(), Pos::Verb), vec![9]);
        // An act first, but no verb: left out.
        wn.senses.insert(("genocide".into(), Pos::Noun), vec![1]);
        // An act first of two untagged senses: no evidence, left out.
        wn.senses.insert(("raid".into(), Pos::Noun), vec![1, 2]);
        wn.senses.insert(("raid".into(), Pos::Verb), vec![9]);
        let rows = rows(&act_nouns(&wn));
        assert_eq!(rows, ["crash", "massacre"]);
    }

    #[test]
    fn time_nouns_are_periods_first_and_never_someone() {
        // time, event, person, act
        let mut wn = noun_files(&[(1, 28), (2, 11), (3, 18), (4, 4)]);
        wn.senses.insert(("day".into(), Pos::Noun), vec![1, 1]);
        // An occasion first, a period second: in.
        wn.senses.insert(("time".into(), Pos::Noun), vec![2, 1]);
        // A person among the two first senses: out.
        wn.senses.insert(("date".into(), Pos::Noun), vec![1, 3]);
        // A period only third: out.
        wn.senses
            .insert(("attack".into(), Pos::Noun), vec![4, 2, 1]);
        let rows = rows(&time_nouns(&wn));
        assert_eq!(rows, ["day", "time"]);
    }

    #[test]
    fn thing_nouns_have_no_sense_that_acts() {
        // act, artifact, communication, group, substance
        let mut wn = noun_files(&[(1, 4), (2, 6), (3, 10), (4, 14), (5, 27)]);
        wn.senses.insert(("pollutant".into(), Pos::Noun), vec![5]);
        wn.senses.insert(("bomb".into(), Pos::Noun), vec![2, 1]);
        wn.senses.insert(("report".into(), Pos::Noun), vec![3, 1]);
        wn.senses.insert(("book".into(), Pos::Noun), vec![2, 3]);
        // A group among its senses: someone, left out ("office").
        wn.senses.insert(("office".into(), Pos::Noun), vec![2, 4]);
        // Not a plain noun: left out.
        wn.senses.insert(("ak-47".into(), Pos::Noun), vec![2]);
        let rows = rows(&thing_nouns(&wn));
        assert_eq!(
            rows,
            [
                "bomb\tartifact",
                "book\tboth",
                "pollutant",
                "report\tcommunication"
            ]
        );
    }

    #[test]
    fn person_nouns_are_persons_first_and_nouns_mostly() {
        let mut wn = noun_files(&[(1, 18), (2, 5)]);
        // A person first, no tagged use at all: kept.
        wn.senses.insert(("escapee".into(), Pos::Noun), vec![1]);
        // A person first, tagged more as a noun: kept.
        wn.senses.insert(("driver".into(), Pos::Noun), vec![1, 2]);
        wn.uses.insert("driver".into(), [9, 1, 0, 0]);
        // A person first, but a verb far more often: left out.
        wn.senses.insert(("have".into(), Pos::Noun), vec![1]);
        wn.uses.insert("have".into(), [1, 900, 0, 0]);
        // Another sense first: left out.
        wn.senses.insert(("bass".into(), Pos::Noun), vec![2, 1]);
        // A name: left out.
        wn.senses.insert(("Aaron".into(), Pos::Noun), vec![1]);
        let rows = rows(&person_nouns(&wn));
        assert_eq!(rows, ["driver", "escapee"]);
    }

    #[test]
    fn keeps_words_whose_first_sense_is_under_the_root() {
        let mut wn = WordNet::default();
        let syn = |words: &[&str], hyponyms: &[u32]| Synset {
            words: words.iter().map(|w| (*w).to_owned()).collect(),
            hyponyms: hyponyms.to_vec(),
            ..Synset::default()
        };
        wn.synsets.insert((Pos::Verb, 1), syn(&["kill"], &[2, 3]));
        wn.synsets.insert((Pos::Verb, 2), syn(&["execute"], &[]));
        wn.synsets.insert(
            (Pos::Verb, 3),
            syn(&["erase", "off", "slay", "Levant"], &[]),
        );
        wn.synsets.insert((Pos::Verb, 9), syn(&["execute"], &[]));
        wn.synsets.insert((Pos::Verb, 10), syn(&["execute"], &[]));
        // One sense: kept without evidence.
        wn.senses.insert(("kill".into(), Pos::Verb), vec![1]);
        // First sense under the root, with more uses than the second: kept,
        // ambiguous (3 of 7 tagged uses).
        wn.senses
            .insert(("execute".into(), Pos::Verb), vec![2, 9, 10]);
        for (n, c) in [(1, 3), (2, 2), (3, 2)] {
            wn.counts.insert(("execute".into(), Pos::Verb, n), c);
        }
        // First sense elsewhere.
        wn.senses.insert(("erase".into(), Pos::Verb), vec![9, 3]);
        // Used more as an adverb.
        wn.senses.insert(("off".into(), Pos::Verb), vec![3]);
        wn.uses.insert("off".into(), [0, 0, 0, 5]);
        // Several senses, none tagged: WordNet's order is no evidence.
        wn.senses.insert(("slay".into(), Pos::Verb), vec![3, 9]);
        // A name.
        wn.senses.insert(("levant".into(), Pos::Verb), vec![3]);
        let text = "kill.v.01\tKILL\t1823\tbare\n";
        let roots = roots(text).unwrap();
        let (verbs, nouns) = tables(&wn, &roots).unwrap();
        let rows: Vec<&str> = verbs.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(
            rows,
            vec![
                "execute\tKILL\t1823\tbare,ambiguous\t-\t-\tkill.v.01",
                "kill\tKILL\t1823\tbare\t-\t-\tkill.v.01",
            ]
        );
        assert!(nouns.lines().all(|l| l.starts_with('#')));
        assert!(tables(&wn, &super::roots("nothing.v.01\tKILL\t-\t-\n").unwrap()).is_err());
    }

    #[test]
    fn reads_frames_and_writes_report_verbs() {
        let (_, s) = data_line(
            "00991838 32 v 01 argue 0 001 @ 00991000 v 0000 02 + 26 00 + 08 01 | give reasons",
        )
        .unwrap();
        assert_eq!(s.lexname, 32);
        assert_eq!(s.frames, vec![(26, 0), (8, 1)]);
        let mut wn = WordNet::default();
        wn.synsets.insert((Pos::Verb, 1), s);
        wn.synsets.insert(
            (Pos::Verb, 2),
            Synset {
                words: vec!["talk".into()],
                lexname: 32,
                frames: vec![(2, 0)],
                ..Synset::default()
            },
        );
        wn.synsets.insert(
            (Pos::Verb, 3),
            Synset {
                words: vec!["run".into()],
                lexname: 38,
                ..Synset::default()
            },
        );
        wn.senses.insert(("argue".into(), Pos::Verb), vec![1]);
        wn.senses.insert(("talk".into(), Pos::Verb), vec![2]);
        wn.senses.insert(("run".into(), Pos::Verb), vec![3]);
        wn.counts.insert(("argue".into(), Pos::Verb, 1), 4);
        let rows = rows(&report_verbs(&wn));
        assert_eq!(
            rows,
            vec![
                "argue\tcommunication\t1\tclause\t1.00",
                "talk\tcommunication\t1\ttopic\t-",
            ]
        );
    }
}
