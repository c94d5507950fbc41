//! Tagging and parsing together: [`Syntax`] gives each word of a sentence its
//! tags, lemma, head and relation.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use super::depparse::{tokens, DepParser, Scratch, Token};
use super::tagger::{Tagger, WordFeats, XPOS_FEATURES};
use super::Upos;

/// One analysed word: `'w` is the lifetime of the words given, `'m` of the
/// models (`'static` for [`Syntax::global`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analyzed<'w, 'm> {
    /// The universal part of speech.
    pub upos: Upos,
    /// The Penn Treebank tag ("NNP", "VBD"...).
    pub xpos: &'m str,
    /// The lemma: borrowed from the word or the model when it can be.
    pub lemma: Cow<'w, str>,
    /// Index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// The Universal Dependencies relation to the head, with its subtype
    /// ("nsubj", "nsubj:pass", "obl:tmod"...); "root" for the root.
    pub deprel: &'m str,
}

static SHIPPED_PARSER: LazyLock<DepParser> = LazyLock::new(|| {
    DepParser::from_bytes(include_bytes!("../../data/syntax/parser.bin"))
        .expect("the shipped parser model is valid (checked by a test)")
});

impl DepParser {
    /// The shipped parser (trained on UD English EWT), loaded on first use.
    pub fn global() -> &'static DepParser {
        &SHIPPED_PARSER
    }
}

/// A tagger and a parser: the whole syntax of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct Syntax<'m> {
    /// The part-of-speech tagger and lemmatizer.
    pub tagger: &'m Tagger,
    /// The dependency parser.
    pub parser: &'m DepParser,
}

/// Reusable buffers of [`Syntax::analyze_with`].
#[derive(Debug, Default)]
pub struct SyntaxScratch {
    ws: Vec<WordFeats>,
    feats: Vec<u64>,
    xpos_cache: Vec<[u64; XPOS_FEATURES]>,
    first: Vec<u16>,
    xs: Vec<u16>,
    us: Vec<u16>,
    toks: Vec<Token>,
    parse: Scratch,
    /// Per sentence of a batch, its XPOS of the first pass, then of the second.
    pass: Vec<u16>,
}

impl Syntax<'static> {
    /// The shipped models.
    pub fn global() -> Syntax<'static> {
        Syntax {
            tagger: Tagger::global(),
            parser: DepParser::global(),
        }
    }
}

impl<'m> Syntax<'m> {
    /// Tag, lemmatize and parse the words of one sentence, replacing `out`'s
    /// content with one [`Analyzed`] per word.
    pub fn analyze<'w>(&self, words: &[&'w str], out: &mut Vec<Analyzed<'w, 'm>>)
    where
        'm: 'w,
    {
        self.analyze_with(words, &mut SyntaxScratch::default(), out);
    }

    /// [`Syntax::analyze`] with buffers kept from call to call.
    pub fn analyze_with<'w>(
        &self,
        words: &[&'w str],
        sc: &mut SyntaxScratch,
        out: &mut Vec<Analyzed<'w, 'm>>,
    ) where
        'm: 'w,
    {
        out.clear();
        let whole = 0..words.len();
        self.analyze_batch(words, std::slice::from_ref(&whole), sc, |_, _, w| {
            out.push(Analyzed {
                upos: w.upos,
                xpos: w.xpos,
                lemma: w.lemma,
                head: w.head,
                deprel: w.deprel,
            });
        });
    }

    /// Tag and parse many sentences (`bounds`: each one's range of `words`,
    /// in increasing order, not overlapping), one model at a time over a run
    /// of them (the first XPOS pass of every sentence of the run, then the
    /// second, then UPOS, then the parser) so that each model's tables stay
    /// in the cache while they are read. A run holds sentences of at most
    /// [`BATCH_WORDS`] words in all (a longer sentence is a run alone), so
    /// the buffers stay small whatever the document. `each` gets every
    /// word's analysis: its sentence, its index in the sentence, the
    /// analysis; the same as each sentence analysed alone. A range past the
    /// end of `words` or before the one ahead of it is left out.
    pub(crate) fn analyze_batch<'w>(
        &self,
        words: &[&'w str],
        bounds: &[Range<usize>],
        sc: &mut SyntaxScratch,
        mut each: impl FnMut(usize, usize, WordSyntax<'m, 'w>),
    ) where
        'm: 'w,
    {
        let mut k0 = 0;
        let mut done = 0;
        while k0 < bounds.len() {
            let start = bounds[k0].start;
            if start < done || bounds[k0].end > words.len() || bounds[k0].end < start {
                k0 += 1;
                continue;
            }
            let mut k1 = k0 + 1;
            while let Some(r) = bounds.get(k1) {
                let fits = r.start >= bounds[k1 - 1].end
                    && r.end >= r.start
                    && r.end <= words.len()
                    && r.end - start <= BATCH_WORDS;
                if !fits {
                    break;
                }
                k1 += 1;
            }
            let run = &bounds[k0..k1];
            done = run.last().map_or(start, |r| r.end);
            self.analyze_run(&words[start..done], start, run, k0, sc, &mut each);
            k0 = k1;
        }
    }

    /// [`Syntax::analyze_batch`] on one run: `words` are those from `start`
    /// on, `run` the ranges (into the whole list) of sentences `k0...`.
    fn analyze_run<'w>(
        &self,
        words: &[&'w str],
        start: usize,
        run: &[Range<usize>],
        k0: usize,
        sc: &mut SyntaxScratch,
        each: &mut impl FnMut(usize, usize, WordSyntax<'m, 'w>),
    ) where
        'm: 'w,
    {
        let rel = |r: &Range<usize>| r.start - start..r.end - start;
        sc.ws.clear();
        sc.ws.extend(words.iter().map(|w| WordFeats::new(w)));
        for v in [&mut sc.first, &mut sc.xs, &mut sc.us] {
            v.clear();
            v.resize(words.len(), 0);
        }
        sc.xpos_cache.clear();
        sc.xpos_cache.resize(words.len(), [0; XPOS_FEATURES]);
        for r in run.iter().map(rel) {
            let cache = &mut sc.xpos_cache[r.clone()];
            self.tagger
                .xpos_pass(&sc.ws[r.clone()], &mut sc.feats, cache, None, &mut sc.pass);
            sc.first[r].copy_from_slice(&sc.pass);
        }
        for r in run.iter().map(rel) {
            let cache = &mut sc.xpos_cache[r.clone()];
            let first = Some(&sc.first[r.clone()]);
            self.tagger
                .xpos_pass(&sc.ws[r.clone()], &mut sc.feats, cache, first, &mut sc.pass);
            sc.xs[r].copy_from_slice(&sc.pass);
        }
        for r in run.iter().map(rel) {
            let (ws, xs) = (&sc.ws[r.clone()], &sc.xs[r.clone()]);
            self.tagger.upos_ids(ws, xs, &mut sc.feats, &mut sc.pass);
            sc.us[r].copy_from_slice(&sc.pass);
        }
        let (tagger, parser): (&'m Tagger, &'m DepParser) = (self.tagger, self.parser);
        for (k, r) in run.iter().map(rel).enumerate() {
            tokens(
                &sc.ws[r.clone()],
                &sc.xs[r.clone()],
                &sc.us[r.clone()],
                &mut sc.toks,
            );
            parser.parse(&mut sc.toks, &mut sc.parse);
            let n = r.len();
            for (i, at) in r.enumerate() {
                let (u, x) = (sc.us[at], sc.xs[at]);
                let upos = Upos::ALL.get(usize::from(u)).copied().unwrap_or(Upos::X);
                let state = &sc.parse.state;
                let head = state.heads.get(i).map(|&h| h as usize).filter(|&h| h < n);
                let label = state.labels.get(i).copied().unwrap_or(0);
                each(
                    k0 + k,
                    i,
                    WordSyntax {
                        upos,
                        xpos: tagger.xpos_name(x),
                        lemma: tagger.lemmatizer.lemma(words[at], upos, x),
                        head,
                        deprel: parser.label(label),
                    },
                );
            }
        }
    }
}

/// Words tagged and parsed together at most (see [`Syntax::analyze_batch`]):
/// a few dozen sentences, about 100 KB of buffers.
const BATCH_WORDS: usize = 2048;

/// One word's analysis: names borrowed from the models, the lemma from the
/// word when it can be.
pub(crate) struct WordSyntax<'m, 'w> {
    pub(crate) upos: Upos,
    pub(crate) xpos: &'m str,
    pub(crate) lemma: Cow<'w, str>,
    pub(crate) head: Option<usize>,
    pub(crate) deprel: &'m str,
}
