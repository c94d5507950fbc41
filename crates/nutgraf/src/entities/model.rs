//! The entity tagger: a structured averaged perceptron over tokens.
//!
//! Each token gets a tag of a BILOU (or BIO) scheme over the model's labels;
//! scores are the sum of the weights of the token's [features](super::features)
//! for a tag plus a first-order transition weight, and the best sequence is found
//! by Viterbi decoding restricted to valid sequences (no `I-` after `O`, an `L-`
//! only after `B-`/`I-` of its label...). Training is [`super::train`].
//!
//! ## Usage
//!
//! Build one [`DocContext`] per document from all its sentences, then tag each
//! sentence:
//!
//! ```
//! use nutgraf::entities::model::{self, DocContext};
//! use nutgraf::{segment, Span};
//!
//! let text = "Prime Minister John Major flew to Berlin .";
//! let sentence = Span::new(0, text.len());
//! let mut tokens = Vec::new();
//! segment::tokens(text, sentence, &mut tokens);
//! let mut ctx = DocContext::new();
//! ctx.add_sentence(text, sentence, &tokens);
//! let found = model::tag(text, sentence, &tokens, &ctx);
//! let names: Vec<(&str, &str)> = found
//!     .iter()
//!     .map(|&(span, label)| (span.slice(text), model::Model::global().label(label)))
//!     .collect();
//! assert!(names.contains(&("John Major", "PER")));
//! ```
//!
//! ## File format
//!
//! Little-endian. Magic `NGNER\0`, `u16` format version, `u32` feature-set version,
//! `u8` scheme (0 BIO, 1 BILOU), `u16` label count and each label (`u8` length,
//! UTF-8), `f32` weight scale, the transition table (`(tags + 1) × tags` `i16`,
//! the last row from the sentence start), `u32` feature count, then per feature
//! in increasing id order: the id as a LEB128 delta from the previous one, a `u8`
//! count and that many (`u8` tag, `i16` weight). Weights are the quantized
//! averaged weights times the scale; features whose weights all quantize to zero
//! are left out.

use std::fmt;
use std::sync::LazyLock;

pub use super::features::{gazetteer_flags, is_caps_line, DocContext, GazFlags};
use super::features::{Extractor, FEATURE_VERSION};
use crate::segment::{self, Token};
use crate::span::Span;
use crate::syntax::table::{IdTable, FIND_CHUNK};

/// The tagging scheme: how entity spans map onto token tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scheme {
    /// `B-` begins a span, `I-` continues it, `O` is outside.
    Bio,
    /// `B-` begins, `I-` continues, `L-` ends a span of two or more tokens,
    /// `U-` is a one-token span, `O` is outside.
    #[default]
    Bilou,
}

impl Scheme {
    const fn parts(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// The number of tags for `labels` labels.
    pub const fn tags(self, labels: usize) -> usize {
        1 + labels * self.parts()
    }
}

/// Position of a tag within a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Out,
    Begin,
    Inside,
    Last,
    Unit,
}

/// Tag ids: 0 is `O`; label `l` has `1 + l * parts + part`.
pub(crate) fn tag_of(scheme: Scheme, label: usize, part: Part) -> u16 {
    let p = match part {
        Part::Out => return 0,
        Part::Begin => 0,
        Part::Inside => 1,
        Part::Last => 2,
        Part::Unit => 3,
    };
    (1 + label * scheme.parts() + p) as u16
}

pub(crate) fn part_of(scheme: Scheme, tag: u16) -> (usize, Part) {
    if tag == 0 {
        return (0, Part::Out);
    }
    let t = usize::from(tag) - 1;
    let part = match (scheme, t % scheme.parts()) {
        (_, 0) => Part::Begin,
        (_, 1) => Part::Inside,
        (_, 2) => Part::Last,
        _ => Part::Unit,
    };
    (t / scheme.parts(), part)
}

/// Tags of the gold spans (token ranges `[a, b)` with a label) of an `n`-token sentence.
pub(crate) fn encode(scheme: Scheme, n: usize, spans: &[(usize, usize, usize)]) -> Vec<u16> {
    let mut tags = vec![0u16; n];
    for &(a, b, l) in spans {
        for (k, tag) in tags.iter_mut().enumerate().take(b).skip(a) {
            let part = match scheme {
                _ if k == a && (scheme == Scheme::Bio || b - a > 1) => Part::Begin,
                Scheme::Bilou if b - a == 1 => Part::Unit,
                Scheme::Bilou if k + 1 == b => Part::Last,
                _ => Part::Inside,
            };
            *tag = tag_of(scheme, l, part);
        }
    }
    tags
}

/// Token ranges `[a, b)` and labels of a valid tag sequence.
pub(crate) fn decode_spans(scheme: Scheme, tags: &[u16]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (k, &t) in tags.iter().enumerate() {
        let (label, part) = part_of(scheme, t);
        match part {
            Part::Out => {
                if let Some((a, l)) = open.take() {
                    out.push((a, k, l));
                }
            }
            Part::Begin => {
                if let Some((a, l)) = open.take() {
                    out.push((a, k, l));
                }
                open = Some((k, label));
            }
            Part::Inside => {
                if open.is_none_or(|(_, l)| l != label) {
                    if let Some((a, l)) = open.take() {
                        out.push((a, k, l));
                    }
                    open = Some((k, label));
                }
            }
            Part::Last => {
                let a = open.take().map_or(k, |(a, _)| a);
                out.push((a, k + 1, label));
            }
            Part::Unit => {
                if let Some((a, l)) = open.take() {
                    out.push((a, k, l));
                }
                out.push((k, k + 1, label));
            }
        }
    }
    if let Some((a, l)) = open {
        out.push((a, tags.len(), l));
    }
    out
}

/// The allowed transitions of a scheme: `(tags + 1) × tags`, row `tags` is the
/// sentence start; and the tags a sentence may end with.
pub(crate) fn constraints(scheme: Scheme, labels: usize) -> (Vec<bool>, Vec<bool>) {
    let nt = scheme.tags(labels);
    let mut allowed = vec![false; (nt + 1) * nt];
    let mut last = vec![false; nt];
    for prev in 0..=nt {
        // The start row behaves like `O`.
        let (pl, pp) = if prev == nt {
            (0, Part::Out)
        } else {
            part_of(scheme, prev as u16)
        };
        for cur in 0..nt {
            let (cl, cp) = part_of(scheme, cur as u16);
            let open = matches!(pp, Part::Begin | Part::Inside);
            let ok = match scheme {
                Scheme::Bio => match cp {
                    Part::Inside => open && pl == cl,
                    _ => true,
                },
                Scheme::Bilou => match cp {
                    Part::Inside | Part::Last => open && pl == cl,
                    _ => !open,
                },
            };
            allowed[prev * nt + cur] = ok;
        }
    }
    for (t, ok) in last.iter_mut().enumerate() {
        let (_, p) = part_of(scheme, t as u16);
        *ok = scheme == Scheme::Bio || matches!(p, Part::Out | Part::Last | Part::Unit);
    }
    (allowed, last)
}

/// The transitions of a tagging scheme as Viterbi reads them: per tag the
/// tags allowed before it (the start row behaves like `O`), and the tags a
/// sentence may end on.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lattice {
    nt: usize,
    /// Transition scores, `(nt + 1) × nt` (the last row: from the start).
    trans: Vec<f32>,
    /// `preds[starts[t]..starts[t + 1]]`: the tags allowed before `t`, in
    /// increasing order.
    starts: Vec<u32>,
    preds: Vec<u16>,
    last_ok: Vec<bool>,
}

impl Lattice {
    /// The lattice of `nt` tags: `trans` as [`viterbi`] takes them
    /// (disallowed transitions at `-inf`), `last_ok` the tags a sentence may
    /// end on.
    pub(crate) fn new(nt: usize, trans: Vec<f32>, last_ok: Vec<bool>) -> Lattice {
        let mut starts = Vec::with_capacity(nt + 1);
        let mut preds = Vec::new();
        for t in 0..nt {
            starts.push(preds.len() as u32);
            preds.extend(
                (0..nt)
                    .filter(|&p| {
                        trans
                            .get(p * nt + t)
                            .is_some_and(|s| *s > f32::NEG_INFINITY)
                    })
                    .map(|p| p as u16),
            );
        }
        starts.push(preds.len() as u32);
        Lattice {
            nt,
            trans,
            starts,
            preds,
            last_ok,
        }
    }
}

/// The most weights a model holds: a row's start is kept in 24 bits.
const MAX_WEIGHTS: usize = 1 << 24;

/// Buffers of one tagging, reused from sentence to sentence.
#[derive(Debug, Default)]
pub(crate) struct TagScratch {
    ex: Extractor,
    /// The sentence's features: token index (high half), table key (low).
    feats: Vec<u64>,
    emit: Vec<f32>,
    back: Vec<u16>,
    scores: Vec<f32>,
    out: Vec<u16>,
}

/// Best valid tag sequence for `n` tokens given emission scores (`n × nt`) and
/// transition scores (`(nt + 1) × nt`, disallowed ones already `-inf`).
pub(crate) fn viterbi(
    nt: usize,
    emit: &[f32],
    trans: &[f32],
    last_ok: &[bool],
    back: &mut Vec<u16>,
    out: &mut Vec<u16>,
) {
    let lattice = Lattice::new(nt, trans.to_vec(), last_ok.to_vec());
    let mut scores = Vec::new();
    viterbi_in(&lattice, emit, back, &mut scores, out);
}

/// [`viterbi`] over a [`Lattice`]: each tag's score maximized over the tags
/// allowed before it only (with `BILOU` and four labels, 97 of the 289 pairs),
/// in increasing order, so the result and its ties are those of the full
/// maximization. Allocates only when `back`, `scores` or `out` must grow.
pub(crate) fn viterbi_in(
    lat: &Lattice,
    emit: &[f32],
    back: &mut Vec<u16>,
    scores: &mut Vec<f32>,
    out: &mut Vec<u16>,
) {
    out.clear();
    let nt = lat.nt;
    let n = emit.len().checked_div(nt).unwrap_or(0);
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * nt, 0);
    scores.clear();
    scores.resize(2 * nt, f32::NEG_INFINITY);
    let (mut prev, mut cur) = scores.split_at_mut(nt);
    for (t, p) in prev.iter_mut().enumerate() {
        *p = lat.trans[nt * nt + t] + emit[t];
    }
    for i in 1..n {
        let row = &mut back[i * nt..(i + 1) * nt];
        for t in 0..nt {
            let (a, b) = (lat.starts[t] as usize, lat.starts[t + 1] as usize);
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u16;
            for &p in &lat.preds[a..b] {
                let s = prev[usize::from(p)] + lat.trans[usize::from(p) * nt + t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            cur[t] = best + emit[i * nt + t];
            row[t] = arg;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u16;
    for (t, &s) in prev.iter().enumerate() {
        if lat.last_ok[t] && s > best {
            best = s;
            arg = t as u16;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = back[i * nt + usize::from(out[i])];
    }
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    kind: ModelErrorKind,
    offset: usize,
}

/// The kind of a [`ModelError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelErrorKind {
    /// The file does not start with the model's magic bytes.
    BadMagic,
    /// The file is of another format version.
    Version {
        /// The version in the file.
        found: u16,
    },
    /// The model was trained with another feature set.
    FeatureVersion {
        /// The feature-set version in the file.
        found: u32,
    },
    /// The file ends early.
    Truncated,
    /// A value is out of range (scheme, tag, label text, ids out of order).
    Corrupt,
}

impl ModelError {
    /// What was wrong.
    pub fn kind(&self) -> ModelErrorKind {
        self.kind
    }

    /// The byte offset in the file where it was found.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ModelErrorKind::BadMagic => write!(f, "not a nutgraf NER model (bad magic bytes)"),
            ModelErrorKind::Version { found } => write!(
                f,
                "NER model format version {found}; this build reads version {FORMAT_VERSION}"
            ),
            ModelErrorKind::FeatureVersion { found } => write!(
                f,
                "NER model trained with feature set {found}; this build computes feature set {FEATURE_VERSION} (retrain it)"
            ),
            ModelErrorKind::Truncated => {
                write!(f, "NER model file truncated at byte {}", self.offset)
            }
            ModelErrorKind::Corrupt => {
                write!(f, "corrupt NER model file at byte {}", self.offset)
            }
        }
    }
}

impl std::error::Error for ModelError {}

const MAGIC: &[u8; 6] = b"NGNER\0";
const FORMAT_VERSION: u16 = 1;

/// A trained tagger: labels, scheme, feature weights and transition weights.
#[derive(Debug, Clone)]
pub struct Model {
    labels: Vec<String>,
    scheme: Scheme,
    scale: f32,
    /// Feature id → range of `weights`.
    /// Feature id (plus [`Model::key_offset`]) → its row of `weights`:
    /// start (24 bits) and length (8 bits). Looked up a sentence's features
    /// at a time, so the cache misses of a batch overlap.
    index: IdTable,
    /// Added to every feature id before lookup, chosen so that no feature of
    /// the model becomes 0 or 1 (the table reads key 0 as 1).
    key_offset: u32,
    /// `(tag, weight)` entries: the quantized weight times `scale`.
    weights: Vec<(u16, f32)>,
    /// Quantized transitions, `(tags + 1) × tags`.
    trans_q: Vec<i16>,
    /// Transition scores with the disallowed ones at `-inf`, and the tags
    /// allowed before each tag.
    lattice: Lattice,
}

static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!("../../data/ner/model.bin"))
        .expect("the shipped NER model is valid (checked by a test)")
});

/// Tag the entity mentions of one sentence with the shipped model
/// ([`Model::tag`]).
pub fn tag(text: &str, sentence: Span, tokens: &[Token], ctx: &DocContext) -> Vec<(Span, usize)> {
    Model::global().tag(text, sentence, tokens, ctx)
}

/// Sentences of a text for tagging as the trainer sees them: each line is split
/// into sentences, each sentence into tokens (byte spans into `text`).
pub fn sentences_of(text: &str) -> Vec<(Span, Vec<Token>)> {
    let mut out = Vec::new();
    let mut sents = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let span = Span::new(start, start + line.len());
        start = span.end + 1;
        sents.clear();
        segment::sentences(text, span, &mut sents);
        for &s in &sents {
            let mut toks = Vec::new();
            segment::tokens(text, s, &mut toks);
            if !toks.is_empty() {
                out.push((s, toks));
            }
        }
    }
    out
}

impl Model {
    /// The model shipped with the crate (CoNLL-2003 labels `PER`, `ORG`, `LOC`,
    /// `MISC`), loaded once.
    pub fn global() -> &'static Model {
        &SHIPPED
    }

    /// The labels, in label-index order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The name of label `index`.
    ///
    /// # Panics
    /// When `index` is not a label index of this model.
    pub fn label(&self, index: usize) -> &str {
        &self.labels[index]
    }

    /// The tagging scheme.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.index.len()
    }

    /// Rows in id order: `(id, start, end)` in `weights`.
    fn rows(&self) -> Vec<(u32, usize, usize)> {
        let mut rows: Vec<(u32, usize, usize)> = self
            .index
            .iter()
            .map(|(k, p)| {
                let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
                ((k as u32).wrapping_sub(self.key_offset), start, start + len)
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    fn n_tags(&self) -> usize {
        self.scheme.tags(self.labels.len())
    }

    /// Build from quantized parts: fewer than [`MAX_WEIGHTS`] weights (rows
    /// past that many read as empty), at most 255 a feature.
    pub(crate) fn from_parts(
        labels: Vec<String>,
        scheme: Scheme,
        scale: f32,
        mut features: Vec<(u32, Vec<(u16, i16)>)>,
        trans_q: Vec<i16>,
    ) -> Model {
        features.sort_unstable_by_key(|f| f.0);
        let mut weights = Vec::new();
        let mut rows = Vec::with_capacity(features.len());
        for (id, ws) in features {
            let a = weights.len() as u32;
            // A row has at most one weight a tag (fewer than 256 tags).
            weights.extend(
                ws.into_iter()
                    .take(255)
                    .map(|(t, q)| (t, f32::from(q) * scale)),
            );
            let len = weights.len() as u32 - a;
            rows.push((
                id,
                if (a as usize) < MAX_WEIGHTS {
                    (a << 8) | len
                } else {
                    0
                },
            ));
        }
        // The first offset under which no id is 0 or 1 (one in 20,000 models
        // needs the second).
        let key_offset = (0..64u32)
            .map(|k| k.wrapping_mul(0x9e37_79b9))
            .find(|&o| rows.iter().all(|r| r.0.wrapping_add(o) > 1))
            .unwrap_or(0);
        let index = IdTable::new(
            rows.iter()
                .map(|&(id, p)| (u64::from(id.wrapping_add(key_offset)), p)),
        );
        let nt = scheme.tags(labels.len());
        let (allowed, last_ok) = constraints(scheme, labels.len());
        let trans = trans_q
            .iter()
            .zip(&allowed)
            .map(|(&q, &ok)| {
                if ok {
                    f32::from(q) * scale
                } else {
                    f32::NEG_INFINITY
                }
            })
            .collect();
        Model {
            labels,
            scheme,
            scale,
            index,
            key_offset,
            weights,
            trans_q,
            lattice: Lattice::new(nt, trans, last_ok),
        }
    }

    /// Tag the entity mentions of one sentence: `tokens` are the sentence's
    /// tokens (spans into `text`), `ctx` the document's context built from all
    /// its sentences. Returns the mention spans (from the first token's start to
    /// the last one's end) with their label indices ([`Model::label`]), in order.
    pub fn tag(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        ctx: &DocContext,
    ) -> Vec<(Span, usize)> {
        let tags = self.tag_ids(text, sentence, tokens, ctx);
        decode_spans(self.scheme, &tags)
            .into_iter()
            .map(|(a, b, l)| (Span::new(tokens[a].span.start, tokens[b - 1].span.end), l))
            .collect()
    }

    /// Tag ids of one sentence (see [`Model::tag`]).
    pub(crate) fn tag_ids(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        ctx: &DocContext,
    ) -> Vec<u16> {
        thread_local! {
            // The tagger's buffers, reused by every sentence a thread tags.
            static SCRATCH: std::cell::RefCell<TagScratch> =
                std::cell::RefCell::new(TagScratch::default());
        }
        SCRATCH.with_borrow_mut(|sc| {
            self.tag_ids_with(text, sentence, tokens, ctx, sc);
            sc.out.clone()
        })
    }

    /// [`Model::tag_ids`] into `sc.out`, with `sc`'s buffers.
    fn tag_ids_with(
        &self,
        text: &str,
        sentence: Span,
        tokens: &[Token],
        ctx: &DocContext,
        sc: &mut TagScratch,
    ) {
        let nt = self.n_tags();
        sc.emit.clear();
        sc.emit.resize(tokens.len() * nt, 0.0);
        // The features of the whole sentence first, then their rows found a
        // chunk at a time and added in the order the features came.
        sc.feats.clear();
        let off = u64::from(self.key_offset);
        sc.ex.sentence(text, sentence, tokens, ctx, |i, id| {
            sc.feats
                .push((i as u64) << 32 | (u64::from(id) + off) & 0xffff_ffff);
        });
        let mut found = [0u32; FIND_CHUNK];
        let mut keys = [0u64; FIND_CHUNK];
        let (weights, emit) = (&self.weights, &mut sc.emit);
        for chunk in sc.feats.chunks(FIND_CHUNK) {
            for (k, &f) in keys.iter_mut().zip(chunk) {
                *k = f & 0xffff_ffff;
            }
            self.index.find_all(&keys[..chunk.len()], &mut found);
            for (&f, &p) in chunk.iter().zip(&found) {
                let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
                let i = (f >> 32) as usize;
                let (Some(row), Some(ws)) = (
                    emit.get_mut(i * nt..(i + 1) * nt),
                    weights.get(start..start + len),
                ) else {
                    continue;
                };
                for &(t, w) in ws {
                    if let Some(e) = row.get_mut(usize::from(t)) {
                        *e += w;
                    }
                }
            }
        }
        viterbi_in(
            &self.lattice,
            &sc.emit,
            &mut sc.back,
            &mut sc.scores,
            &mut sc.out,
        );
    }

    /// Tag a whole text: lines are split into sentences ([`sentences_of`]), the
    /// document context built from all of them, then each tagged.
    pub fn tag_text(&self, text: &str) -> Vec<(Span, usize)> {
        let sents = sentences_of(text);
        let mut ctx = DocContext::new();
        for (s, toks) in &sents {
            ctx.add_sentence(text, *s, toks);
        }
        sents
            .iter()
            .flat_map(|(s, toks)| self.tag(text, *s, toks, &ctx))
            .collect()
    }

    /// The model in its file format (see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 3 + self.index.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(match self.scheme {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        });
        out.extend_from_slice(&(self.labels.len() as u16).to_le_bytes());
        for l in &self.labels {
            out.push(l.len() as u8);
            out.extend_from_slice(l.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        for q in &self.trans_q {
            out.extend_from_slice(&q.to_le_bytes());
        }
        let rows = self.rows();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (id, a, b) in rows {
            let mut delta = id - prev;
            prev = id;
            loop {
                let byte = (delta & 0x7f) as u8;
                delta >>= 7;
                if delta == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.push((b - a) as u8);
            for &(t, w) in &self.weights[a..b] {
                out.push(t as u8);
                let q = (w / self.scale).round() as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Read a model from its file format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len()).ok() != Some(&MAGIC[..]) {
            return Err(r.err(ModelErrorKind::BadMagic));
        }
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(r.err(ModelErrorKind::Version { found: version }));
        }
        let fv = r.u32()?;
        if fv != FEATURE_VERSION {
            return Err(r.err(ModelErrorKind::FeatureVersion { found: fv }));
        }
        let scheme = match r.u8()? {
            0 => Scheme::Bio,
            1 => Scheme::Bilou,
            _ => return Err(r.err(ModelErrorKind::Corrupt)),
        };
        let n_labels = usize::from(r.u16()?);
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let len = usize::from(r.u8()?);
            let raw = r.take(len)?;
            let s = std::str::from_utf8(raw).map_err(|_| r.err(ModelErrorKind::Corrupt))?;
            labels.push(s.to_owned());
        }
        let nt = scheme.tags(n_labels);
        if nt > 255 {
            return Err(r.err(ModelErrorKind::Corrupt));
        }
        let scale = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() {
            return Err(r.err(ModelErrorKind::Corrupt));
        }
        let trans_q = (0..(nt + 1) * nt)
            .map(|_| r.i16())
            .collect::<Result<Vec<_>, _>>()?;
        let n_feats = r.u32()? as usize;
        let mut features = Vec::with_capacity(n_feats.min(bytes.len() / 4));
        let mut id = 0u32;
        for k in 0..n_feats {
            let mut delta = 0u64;
            let mut shift = 0;
            loop {
                let b = r.u8()?;
                delta |= u64::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
                if shift > 35 {
                    return Err(r.err(ModelErrorKind::Corrupt));
                }
            }
            let next = u64::from(id) + delta;
            if next > u64::from(u32::MAX) || (k > 0 && delta == 0) {
                return Err(r.err(ModelErrorKind::Corrupt));
            }
            id = next as u32;
            let count = usize::from(r.u8()?);
            let mut ws = Vec::with_capacity(count);
            for _ in 0..count {
                let t = r.u8()?;
                if usize::from(t) >= nt {
                    return Err(r.err(ModelErrorKind::Corrupt));
                }
                ws.push((u16::from(t), r.i16()?));
            }
            features.push((id, ws));
        }
        // Rows start within 24 bits (see `Model::index`; the shipped model's
        // file is 0.7 MB, three bytes a weight).
        let total: usize = features.iter().map(|f| f.1.len()).sum();
        if r.pos != bytes.len() || total >= MAX_WEIGHTS {
            return Err(r.err(ModelErrorKind::Corrupt));
        }
        Ok(Model::from_parts(labels, scheme, scale, features, trans_q))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, kind: ModelErrorKind) -> ModelError {
        ModelError {
            kind,
            offset: self.pos,
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(ModelError {
                kind: ModelErrorKind::Truncated,
                offset: self.bytes.len(),
            });
        };
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_forbid_inside_after_outside() {
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let (allowed, last) = constraints(scheme, 2);
            let nt = scheme.tags(2);
            let i0 = usize::from(tag_of(scheme, 0, Part::Inside));
            let b0 = usize::from(tag_of(scheme, 0, Part::Begin));
            let b1 = usize::from(tag_of(scheme, 1, Part::Begin));
            assert!(!allowed[i0]); // O → I-0
            assert!(!allowed[nt * nt + i0]); // start → I-0
            assert!(allowed[b0 * nt + i0]); // B-0 → I-0
            assert!(!allowed[b1 * nt + i0]); // B-1 → I-0
            assert_eq!(last[b0], scheme == Scheme::Bio);
        }
    }

    #[test]
    fn viterbi_never_outputs_an_invalid_sequence() {
        let scheme = Scheme::Bilou;
        let nt = scheme.tags(2);
        let (allowed, last) = constraints(scheme, 2);
        let trans: Vec<f32> = allowed
            .iter()
            .map(|&ok| if ok { 0.0 } else { f32::NEG_INFINITY })
            .collect();
        // Emissions that prefer I-0 everywhere: the best valid path is B L or U.
        let i0 = usize::from(tag_of(scheme, 0, Part::Inside));
        let mut emit = vec![0f32; 3 * nt];
        for k in 0..3 {
            emit[k * nt + i0] = 5.0;
        }
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(nt, &emit, &trans, &last, &mut back, &mut out);
        let mut prev = nt;
        for &t in &out {
            assert!(allowed[prev * nt + usize::from(t)], "{out:?}");
            prev = usize::from(t);
        }
        assert!(last[prev]);
        assert_eq!(decode_spans(scheme, &out), [(0, 3, 0)]);
    }

    #[test]
    fn viterbi_over_allowed_predecessors_is_the_full_maximization() {
        // The full maximization over every pair, as it was written first.
        fn full(nt: usize, emit: &[f32], trans: &[f32], last: &[bool]) -> Vec<u16> {
            let n = emit.len() / nt;
            let mut back = vec![0u16; n * nt];
            let mut prev: Vec<f32> = (0..nt).map(|t| trans[nt * nt + t] + emit[t]).collect();
            for i in 1..n {
                let mut cur = vec![f32::NEG_INFINITY; nt];
                for t in 0..nt {
                    let (mut best, mut arg) = (f32::NEG_INFINITY, 0u16);
                    for (p, &sp) in prev.iter().enumerate() {
                        if sp + trans[p * nt + t] > best {
                            best = sp + trans[p * nt + t];
                            arg = p as u16;
                        }
                    }
                    cur[t] = best + emit[i * nt + t];
                    back[i * nt + t] = arg;
                }
                prev = cur;
            }
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0u16);
            for (t, &s) in prev.iter().enumerate() {
                if last[t] && s > best {
                    best = s;
                    arg = t as u16;
                }
            }
            let mut out = vec![arg; n];
            for i in (1..n).rev() {
                out[i - 1] = back[i * nt + usize::from(out[i])];
            }
            out
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            // Few distinct values, so ties are common.
            (seed % 7) as f32 - 3.0
        };
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let nt = scheme.tags(4);
            let (allowed, last) = constraints(scheme, 4);
            for n in [1, 2, 5, 17] {
                let trans: Vec<f32> = allowed
                    .iter()
                    .map(|&ok| if ok { next() } else { f32::NEG_INFINITY })
                    .collect();
                let emit: Vec<f32> = (0..n * nt).map(|_| next()).collect();
                let (mut back, mut out) = (Vec::new(), Vec::new());
                viterbi(nt, &emit, &trans, &last, &mut back, &mut out);
                assert_eq!(
                    out,
                    full(nt, &emit, &trans, &last),
                    "{scheme:?}, {n} tokens"
                );
            }
        }
    }

    #[test]
    fn tags_round_trip_through_spans() {
        let spans = [(0, 1, 1), (2, 5, 0), (5, 6, 1)];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let tags = encode(scheme, 7, &spans);
            if scheme == Scheme::Bio {
                // Adjacent spans of different labels stay apart in BIO too.
                assert_eq!(decode_spans(scheme, &tags), spans);
            } else {
                assert_eq!(decode_spans(scheme, &tags), spans);
            }
        }
    }

    #[test]
    fn bad_files_are_typed_errors() {
        assert_eq!(
            Model::from_bytes(b"hello world").unwrap_err().kind(),
            ModelErrorKind::BadMagic
        );
        let good = Model::global().to_bytes();
        let cut = Model::from_bytes(&good[..good.len() / 2]).unwrap_err();
        assert_eq!(cut.kind(), ModelErrorKind::Truncated);
        let mut v = good.clone();
        v[6] = 99;
        assert!(matches!(
            Model::from_bytes(&v).unwrap_err().kind(),
            ModelErrorKind::Version { found: 99 }
        ));
        let mut v = good;
        v.push(0);
        assert_eq!(
            Model::from_bytes(&v).unwrap_err().kind(),
            ModelErrorKind::Corrupt
        );
    }

    #[test]
    fn the_shipped_model_loads_and_round_trips() {
        let m = Model::global();
        assert_eq!(m.labels(), ["LOC", "MISC", "ORG", "PER"]);
        let again = Model::from_bytes(&m.to_bytes()).unwrap();
        let text = "EU rejects German call to boycott British lamb .\nPeter Blackburn\nBRUSSELS 1996-08-22";
        assert_eq!(m.tag_text(text), again.tag_text(text));
        assert_eq!(m.to_bytes(), again.to_bytes());
        assert_eq!(m.to_bytes(), include_bytes!("../../data/ner/model.bin"));
    }

    #[test]
    fn every_feature_id_finds_its_own_row() {
        // 0 and 1 are one key to the table: the offset keeps them apart.
        let ids = [0u32, 1, 2, 0x6188_6447, u32::MAX];
        let features = ids
            .iter()
            .zip(1i16..)
            .map(|(&id, w)| (id, vec![(0u16, w)]))
            .collect();
        let nt = Scheme::Bio.tags(1);
        let m = Model::from_parts(
            vec!["X".into()],
            Scheme::Bio,
            1.0,
            features,
            vec![0; (nt + 1) * nt],
        );
        assert_ne!(m.key_offset, 0);
        let keys: Vec<u64> = ids
            .iter()
            .chain(&[3, 4])
            .map(|&id| u64::from(id.wrapping_add(m.key_offset)))
            .collect();
        let mut found = [0u32; FIND_CHUNK];
        m.index.find_all(&keys, &mut found);
        let weight = |p: u32| m.weights.get((p >> 8) as usize).map(|w| w.1);
        assert!(found[..5].iter().all(|&p| p & 0xff == 1), "{found:?}");
        let got: Vec<Option<f32>> = found[..5].iter().map(|&p| weight(p)).collect();
        assert_eq!(got, [Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0)]);
        assert_eq!(found[5..7], [0, 0], "ids not in the model find nothing");
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.to_bytes(), m.to_bytes());
        assert_eq!(back.rows(), m.rows());
    }
}
