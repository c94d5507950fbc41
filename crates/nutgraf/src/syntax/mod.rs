//! Syntax: part of speech (UD UPOS and Penn XPOS), lemma, head and dependency
//! relation (Universal Dependencies) of the words of a sentence.
//!
//! Models trained on UD English EWT (CC BY-SA 4.0) and shipped in
//! `data/syntax/`, each loaded once on first use:
//! - the [`Tagger`]: greedy averaged perceptrons for XPOS (two passes, the
//!   second reading the first's tags to the right) then UPOS;
//! - the word [`Clusters`]: a class for 124,000 word forms, learned from
//!   unannotated text (MIT licence), read by the tagger and the parser;
//! - the [`Lemmatizer`]: suffix rules learned per XPOS plus an exception lexicon;
//! - the [`DepParser`]: a greedy arc-hybrid transition parser scored by an
//!   averaged perceptron, trained with a dynamic oracle, labelling each arc as
//!   it makes it ([`depparse`] describes it).
//!
//! [`Syntax`] runs all three over a list of words; with
//! [`Options::syntax`](crate::Options::syntax) the parse pipeline runs them on
//! every sentence and fills [`Document::words`](crate::Document::words).
//! `nutgraf-eval ud` scores them on a treebank, `nutgraf-eval train-syntax`
//! retrains them (see `data/syntax/README.md` for figures: EWT dev UPOS 0.955,
//! lemma 0.972, UAS 0.852, LAS 0.815).
//!
//! ```
//! use nutgraf::syntax::{Syntax, Upos};
//!
//! let words = ["Officials", "said", "the", "talks", "had", "been", "postponed", "."];
//! let mut out = Vec::new();
//! Syntax::global().analyze(&words, &mut out);
//! assert_eq!(out[3].upos, Upos::Noun);
//! assert_eq!(out[3].lemma, "talk");
//! assert_eq!(out[5].lemma, "be");
//! assert_eq!(out[1].head, None); // "said" is the root
//! assert_eq!((out[3].head, out[3].deprel), (Some(6), "nsubj:pass"));
//! ```

pub mod analyze;
pub mod clusters;
pub mod conllu;
pub mod depparse;
pub mod deptrain;
pub mod lemma;
pub mod nn;
pub mod nntrain;
pub(crate) mod table;
pub mod tagger;
pub mod train;
pub(crate) mod tree;
pub(crate) mod words;

pub use analyze::{Analyzed, Syntax, SyntaxScratch};
pub use clusters::Clusters;
pub use conllu::{read_conllu, GoldWord};
pub use depparse::DepParser;
pub use lemma::Lemmatizer;
pub use tagger::{Tagged, Tagger};

use std::fmt;

/// A universal part-of-speech tag (Universal Dependencies UPOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition.
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle.
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Upos {
    /// Every tag, in the order of their ids.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD name ("NOUN", "PROPN"...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// The tag of a UD name, `None` for anything else.
    pub fn from_name(name: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == name)
    }

    /// The tag's id (its index in [`Upos::ALL`]).
    pub const fn id(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests;
