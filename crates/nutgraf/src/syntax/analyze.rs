//! Tagging and parsing together: [`Syntax`] gives each word of a sentence its
//! tags, lemma, head and relation.

use std::borrow::Cow;
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
        let analysis = self.analyze_ids(words, sc);
        out.extend((0..words.len()).map(|i| {
            let w = analysis.word(i);
            Analyzed {
                upos: w.upos,
                xpos: w.xpos,
                lemma: w.lemma,
                head: w.head,
                deprel: w.deprel,
            }
        }));
    }

    /// Tag and parse `words` into `sc`; the result reads from there.
    pub(crate) fn analyze_ids<'s, 'w>(
        &self,
        words: &'s [&'w str],
        sc: &'s mut SyntaxScratch,
    ) -> Analysis<'s, 'm, 'w> {
        sc.ws.clear();
        sc.ws.extend(words.iter().map(|w| WordFeats::new(w)));
        self.tagger.xpos_ids(
            &sc.ws,
            &mut sc.feats,
            &mut sc.xpos_cache,
            &mut sc.first,
            &mut sc.xs,
        );
        self.tagger
            .upos_ids(&sc.ws, &sc.xs, &mut sc.feats, &mut sc.us);
        tokens(&sc.ws, &sc.xs, &sc.us, &mut sc.toks);
        self.parser.parse(&mut sc.toks, &mut sc.parse);
        Analysis {
            syntax: *self,
            sc,
            words,
        }
    }
}

/// The analysis of one sentence, read from the scratch buffers.
pub(crate) struct Analysis<'s, 'm, 'w> {
    syntax: Syntax<'m>,
    sc: &'s SyntaxScratch,
    words: &'s [&'w str],
}

/// One word of an [`Analysis`]: names borrowed from the models, the lemma
/// from the word when it can be.
pub(crate) struct WordSyntax<'m, 'w> {
    pub(crate) upos: Upos,
    pub(crate) xpos: &'m str,
    pub(crate) lemma: Cow<'w, str>,
    pub(crate) head: Option<usize>,
    pub(crate) deprel: &'m str,
}

impl<'m, 'w> Analysis<'_, 'm, 'w> {
    /// Word `i` (< the number of words analysed).
    pub(crate) fn word(&self, i: usize) -> WordSyntax<'m, 'w>
    where
        'm: 'w,
    {
        let sc = self.sc;
        let u = sc.us.get(i).copied().unwrap_or(0);
        let x = sc.xs.get(i).copied().unwrap_or(0);
        let upos = Upos::ALL.get(usize::from(u)).copied().unwrap_or(Upos::X);
        let word = self.words.get(i).copied().unwrap_or("");
        let n = self.words.len();
        let head = sc
            .parse
            .state
            .heads
            .get(i)
            .map(|&h| h as usize)
            .filter(|&h| h < n);
        let label = sc.parse.state.labels.get(i).copied().unwrap_or(0);
        let tagger: &'m Tagger = self.syntax.tagger;
        let parser: &'m DepParser = self.syntax.parser;
        WordSyntax {
            upos,
            xpos: tagger.xpos_name(x),
            lemma: tagger.lemmatizer.lemma(word, upos, x),
            head,
            deprel: parser.label(label),
        }
    }
}
