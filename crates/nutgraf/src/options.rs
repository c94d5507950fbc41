//! Parser options.

/// Options for a [`Parser`](crate::Parser). Plain values with documented defaults.
///
/// ```
/// let options = nutgraf::Options::new().max_input_bytes(1 << 20).layout(false);
/// assert_eq!(options.get_max_input_bytes(), 1 << 20);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
#[allow(clippy::struct_excessive_bools)] // one on/off switch per pipeline stage
pub struct Options {
    max_input_bytes: usize,
    layout: bool,
    entities: bool,
    times: bool,
    quantities: bool,
    quotes: bool,
    events: bool,
    syntax: bool,
    repair_encoding: bool,
    max_sentence_tokens: usize,
}

/// Default extraction window: 200 tokens, longer than all but a handful of
/// sentences in news (tables, tag lists and unpunctuated text run longer).
pub const DEFAULT_MAX_SENTENCE_TOKENS: usize = 200;

/// Default input size limit: 16 MiB, far above any news article.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

impl Options {
    /// The defaults: a 16 MiB input limit, every stage on but
    /// [`Options::syntax`].
    pub const fn new() -> Options {
        Options {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            layout: true,
            entities: true,
            times: true,
            quantities: true,
            quotes: true,
            events: true,
            syntax: false,
            repair_encoding: true,
            max_sentence_tokens: DEFAULT_MAX_SENTENCE_TOKENS,
        }
    }

    /// Reject inputs longer than `bytes` with
    /// [`ErrorKind::InputTooLarge`](crate::ErrorKind::InputTooLarge). Default 16 MiB.
    #[must_use]
    pub const fn max_input_bytes(mut self, bytes: usize) -> Options {
        self.max_input_bytes = bytes;
        self
    }

    /// Whether to analyse the article layout (title, byline, boilerplate...).
    /// With `false` the whole input is read as running body text, for corpora that
    /// are already clean. Default `true`.
    #[must_use]
    pub const fn layout(mut self, yes: bool) -> Options {
        self.layout = yes;
        self
    }

    /// Whether to extract named entities (the costliest stage: about a tenth of
    /// the speed of layout and sentences alone). Default `true`.
    #[must_use]
    pub const fn entities(mut self, yes: bool) -> Options {
        self.entities = yes;
        self
    }

    /// Whether to extract time expressions. Default `true`.
    #[must_use]
    pub const fn times(mut self, yes: bool) -> Options {
        self.times = yes;
        self
    }

    /// Whether to extract quantities (money, percentages, counts...). Default `true`.
    #[must_use]
    pub const fn quantities(mut self, yes: bool) -> Options {
        self.quantities = yes;
        self
    }

    /// Whether to extract quotes and attributions. Default `true`.
    #[must_use]
    pub const fn quotes(mut self, yes: bool) -> Options {
        self.quotes = yes;
        self
    }

    /// Whether to extract events (who did what to whom, where and when).
    /// Default `true`.
    #[must_use]
    pub const fn events(mut self, yes: bool) -> Options {
        self.events = yes;
        self
    }

    /// Whether to give every word of every analysed sentence its part of
    /// speech, lemma, head and dependency relation
    /// ([`Document::words`](crate::Document::words), [`crate::syntax`]).
    /// Default `false` for now: the syntax stage costs more than all the others
    /// together (about 150,000 words a second inside `parse`; `parse` of the
    /// sample corpus takes three times as long with it).
    #[must_use]
    pub const fn syntax(mut self, yes: bool) -> Options {
        self.syntax = yes;
        self
    }

    /// Whether to repair text decoded with the wrong encoding before reading it:
    /// mojibake of UTF-8 read as Windows-1252 or Latin-1, once or twice
    /// ("VladÃ­mir" → "Vladímir"), and C1 control characters that stand for
    /// Windows-1252 characters (U+0092 → `’`). Repairs are made only where the
    /// result is far likelier than the input (see [`crate::text::mojibake`]),
    /// and reported in [`Document::repairs`](crate::Document::repairs) with
    /// offsets of the input; every span still points into the input. With
    /// `false`, C1 controls are removed as other control characters are.
    /// Default `true`.
    #[must_use]
    pub const fn repair_encoding(mut self, yes: bool) -> Options {
        self.repair_encoding = yes;
        self
    }

    /// Whether the encoding repair is on.
    pub const fn get_repair_encoding(&self) -> bool {
        self.repair_encoding
    }

    /// Whether the syntax stage is on.
    pub const fn get_syntax(&self) -> bool {
        self.syntax
    }

    /// The work budget per sentence: extractors read a sentence of more than
    /// `tokens` tokens in consecutive windows of at most that many, cut after
    /// clause punctuation (`;`, `,`, `:`, `|`, a dash) where one is near the end
    /// of the window. This bounds the work spent on each word whatever the text
    /// (tables, tag lists and text without full stops come as one huge
    /// "sentence"), so parsing time and memory grow linearly with the input. A
    /// quote, attribution or event never spans two windows, so the result on an
    /// over-long sentence is the union of its windows' results.
    /// [`Document::sentences`](crate::Document::sentences) is unaffected. At
    /// least 16; default [`DEFAULT_MAX_SENTENCE_TOKENS`].
    #[must_use]
    pub const fn max_sentence_tokens(mut self, tokens: usize) -> Options {
        self.max_sentence_tokens = if tokens < 16 { 16 } else { tokens };
        self
    }

    /// The extraction window in tokens (see [`Options::max_sentence_tokens`]).
    pub const fn get_max_sentence_tokens(&self) -> usize {
        self.max_sentence_tokens
    }

    /// Whether event extraction is on.
    pub const fn get_events(&self) -> bool {
        self.events
    }

    /// Whether quote extraction is on.
    pub const fn get_quotes(&self) -> bool {
        self.quotes
    }

    /// Whether quantity extraction is on.
    pub const fn get_quantities(&self) -> bool {
        self.quantities
    }

    /// Whether time extraction is on.
    pub const fn get_times(&self) -> bool {
        self.times
    }

    /// Whether entity extraction is on.
    pub const fn get_entities(&self) -> bool {
        self.entities
    }

    /// The input size limit in bytes.
    pub const fn get_max_input_bytes(&self) -> usize {
        self.max_input_bytes
    }

    /// Whether layout analysis is on.
    pub const fn get_layout(&self) -> bool {
        self.layout
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::new()
    }
}
