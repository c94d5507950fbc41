//! The part-of-speech tagger: two greedy averaged perceptrons over the words of
//! a sentence.
//!
//! The first pass predicts the Penn XPOS tag of each word left to right from
//! the word, its prefixes and suffixes (one to four characters), its shape,
//! the two words either side and the two tags before it; a second XPOS pass
//! does it again with the first pass's tags of the word and the two words
//! after it as more features (lookahead). The UPOS pass
//! predicts the UPOS tag from the word and the XPOS tags of the whole sentence
//! (so it sees the tags to its right) and the UPOS tag before it. Frequent
//! words that (nearly) always take one tag get it from a tag dictionary, as in
//! Honnibal's "A good POS tagger in about 200 lines of Python". Every feature
//! is a 64-bit hash (no string is built per word); the lemma comes from the
//! [`Lemmatizer`] after both passes.
//!
//! ## File format
//!
//! Little-endian. Magic `NGSYN\0`, `u16` format version, `u32` feature-set
//! version; the XPOS names (`u16` count, each `u16` length + UTF-8); the XPOS
//! then the UPOS tag dictionary (`u32` count, each `u64` word hash + `u8` tag,
//! in increasing hash order); the XPOS (`u16` tag
//! count, `f32` scale, `u32` feature count, then per feature in increasing id
//! order the id as a LEB128 delta, a `u8` count and that many `u8` tag + `i16`
//! weight, the weight being the averaged weight over the scale); then the
//! lemmatizer ([`Lemmatizer::write`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::clusters::{lower_char, Clusters, FORM_SEED};
use super::lemma::Lemmatizer;
pub(crate) use super::table::Weights;
use super::Upos;
use crate::entities::features::{Fx, IdBuild};

const MAGIC: &[u8; 6] = b"NGSYN\0";
const FORMAT_VERSION: u16 = 1;
/// Version of the feature templates: bump it when one changes.
pub(crate) const FEATURE_VERSION: u32 = 4;
/// Most tags a perceptron may have.
pub(crate) const MAX_TAGS: usize = 64;

/// One tagged word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged<'a> {
    /// The universal part of speech.
    pub upos: Upos,
    /// The Penn Treebank tag ("NNP", "VBD"...).
    pub xpos: &'a str,
    /// The lemma: borrowed from the word or the model when it can be.
    pub lemma: Cow<'a, str>,
}

/// Hashed views of one word, computed once per word of a sentence.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordFeats {
    pub(crate) exact: u64,
    pub(crate) lower: u64,
    shape: u64,
    pre: [u64; 3],
    pub(crate) suf: [u64; 4],
    flags: u64,
    /// The word's class in [`Clusters`] (3: none).
    pub(crate) cluster: u64,
    /// The first six bits of the class with their number.
    cpre: u64,
}

const PAD_BEFORE: WordFeats = WordFeats {
    exact: 1,
    lower: 1,
    shape: 1,
    pre: [1; 3],
    suf: [1; 4],
    flags: 1,
    cluster: 1,
    cpre: 1,
};
const PAD_AFTER: WordFeats = WordFeats {
    exact: 2,
    lower: 2,
    shape: 2,
    pre: [2; 3],
    suf: [2; 4],
    flags: 2,
    cluster: 2,
    cpre: 2,
};

fn char_class(c: char) -> u64 {
    if c.is_uppercase() {
        1
    } else if c.is_lowercase() {
        2
    } else if c.is_ascii_digit() {
        3
    } else if c.is_alphabetic() {
        4
    } else {
        5 + u64::from(c)
    }
}

impl WordFeats {
    pub(crate) fn new(word: &str) -> WordFeats {
        let mut exact = Fx::new(FORM_SEED);
        let mut lower = Fx::new(0x52);
        let mut lower_form = Fx::new(FORM_SEED);
        let mut shape = Fx::new(0x53);
        let mut pre = [0u64; 3];
        let mut prefix = Fx::new(0x54);
        let mut last = ['\0'; 4];
        let mut n = 0usize;
        let (mut prev_class, mut run) = (0u64, 0u32);
        let (mut upper, mut digit, mut hyphen) = (0u64, 0u64, 0u64);
        for c in word.chars() {
            exact = exact.add(u64::from(c));
            let l = lower_char(c);
            lower = lower.add(u64::from(l));
            lower_form = lower_form.add(u64::from(l));
            if n < 3 {
                prefix = prefix.add(u64::from(l));
                pre[n] = prefix.value();
            }
            last.rotate_left(1);
            last[3] = l;
            let class = char_class(c);
            if class == prev_class {
                run += 1;
            } else {
                run = 1;
                prev_class = class;
            }
            if run <= 2 {
                shape = shape.add(class);
            }
            upper += u64::from(c.is_uppercase());
            digit |= u64::from(c.is_ascii_digit());
            hyphen |= u64::from(c == '-');
            n += 1;
        }
        for k in n..3 {
            pre[k] = pre[k.saturating_sub(1)];
        }
        let mut suf = [0u64; 4];
        let mut h = Fx::new(0x55);
        for k in 0..4 {
            if k < n {
                h = h.add(u64::from(last[3 - k]));
            }
            suf[k] = h.add(k as u64).value();
        }
        let flags = Fx::new(0x56)
            .add(upper.min(2))
            .add(digit)
            .add(hyphen)
            .add((n as u64).min(4))
            .value();
        let (cluster, cpre) =
            match Clusters::global().class_of_hashes(exact.value(), lower_form.value()) {
                Some(c) => {
                    let bits = 32 - c.leading_zeros();
                    let top = if bits > 6 { c >> (bits - 6) } else { c };
                    (
                        u64::from(c) + 16,
                        u64::from(top) + 16 + (u64::from(bits.min(6)) << 8),
                    )
                }
                None => (3, 3),
            };
        WordFeats {
            cluster,
            cpre,
            exact: exact.value(),
            lower: lower.value(),
            shape: shape.value(),
            pre,
            suf,
            flags,
        }
    }
}

fn at(ws: &[WordFeats], i: usize, d: isize) -> &WordFeats {
    match i.checked_add_signed(d) {
        Some(j) if j < ws.len() => &ws[j],
        Some(_) => &PAD_AFTER,
        None => &PAD_BEFORE,
    }
}

#[inline]
fn f(t: u64) -> Fx {
    Fx::new(t)
}

/// Push the ids of feature hashes: feature ids are 32 bits (the high half of
/// the hash), a few collisions among a few hundred thousand features, and
/// small deltas in the file.
#[inline]
pub(crate) fn push_ids(out: &mut Vec<u64>, hashes: &[u64]) {
    out.extend(hashes.iter().map(|h| h >> 32));
}

/// Number of [`xpos_features`].
pub(crate) const XPOS_FEATURES: usize = 32;

/// Features of word `i` for the XPOS pass; `p1`, `p2`: the tags of the two
/// words before it (`u64::MAX` at the start).
pub(crate) fn xpos_features(ws: &[WordFeats], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &ws[i];
    let (m1, m2, n1, n2) = (at(ws, i, -1), at(ws, i, -2), at(ws, i, 1), at(ws, i, 2));
    let first = u64::from(i == 0);
    let hashes: [u64; XPOS_FEATURES] = [
        f(1).value(),
        f(2).add(w.lower).value(),
        f(3).add(w.suf[0]).value(),
        f(4).add(w.suf[1]).value(),
        f(5).add(w.suf[2]).value(),
        f(6).add(w.suf[3]).value(),
        f(7).add(w.pre[0]).value(),
        f(8).add(w.pre[1]).value(),
        f(9).add(w.pre[2]).value(),
        f(10).add(w.shape).add(first).value(),
        f(11).add(p1).value(),
        f(12).add(p2).value(),
        f(13).add(p1).add(p2).value(),
        f(14).add(p1).add(w.lower).value(),
        f(15).add(m1.lower).value(),
        f(16).add(m1.suf[2]).value(),
        f(17).add(m2.lower).value(),
        f(18).add(n1.lower).value(),
        f(19).add(n1.suf[2]).value(),
        f(20).add(n2.lower).value(),
        f(21).add(m1.lower).add(w.lower).value(),
        f(22).add(w.lower).add(n1.lower).value(),
        f(23).add(w.flags).value(),
        f(24).add(n1.shape).value(),
        f(25).add(m1.shape).add(w.shape).value(),
        f(26).add(p1).add(w.suf[2]).value(),
        f(27).add(w.exact).value(),
        f(28).add(w.cluster).value(),
        f(29).add(w.cpre).value(),
        f(30).add(m1.cluster).value(),
        f(31).add(n1.cluster).value(),
        f(32).add(p1).add(w.cluster).value(),
    ];
    push_ids(out, &hashes);
}

/// Lookahead features of word `i` for the second XPOS pass, added to
/// [`xpos_features`]: `first` are the first pass's tags of the sentence.
pub(crate) fn right_features(
    ws: &[WordFeats],
    first: &[u16],
    i: usize,
    p1: u64,
    out: &mut Vec<u64>,
) {
    let r = |d: usize| -> u64 { first.get(i + d).map_or(u64::MAX - 1, |&t| u64::from(t)) };
    let (r0, r1, r2) = (r(0), r(1), r(2));
    let w = &ws[i];
    push_ids(
        out,
        &[
            f(40).add(r1).value(),
            f(41).add(r1).add(r2).value(),
            f(42).add(p1).add(r1).value(),
            f(43).add(r1).add(w.lower).value(),
            f(44).add(r1).add(w.suf[2]).value(),
            f(45).add(r0).value(),
            f(46).add(r0).add(r1).add(p1).value(),
        ],
    );
}

/// Features of word `i` for the UPOS pass: `xs` are the sentence's XPOS tags,
/// `u1` the UPOS tag before (`u64::MAX` at the start).
pub(crate) fn upos_features(ws: &[WordFeats], xs: &[u16], i: usize, u1: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &ws[i];
    let x = |d: isize| -> u64 {
        match i.checked_add_signed(d) {
            Some(j) if j < xs.len() => u64::from(xs[j]),
            Some(_) => u64::MAX - 1,
            None => u64::MAX,
        }
    };
    let (x0, xm, xp) = (x(0), x(-1), x(1));
    let (m1, n1) = (at(ws, i, -1), at(ws, i, 1));
    push_ids(
        out,
        &[
            f(101).value(),
            f(102).add(w.lower).value(),
            f(103).add(w.suf[2]).value(),
            f(104).add(w.shape).value(),
            f(105).add(x0).value(),
            f(106).add(x0).add(w.lower).value(),
            f(107).add(x0).add(xm).value(),
            f(108).add(x0).add(xp).value(),
            f(109).add(u1).value(),
            f(110).add(u1).add(x0).value(),
            f(111).add(x0).add(n1.lower).value(),
            f(112).add(x0).add(m1.lower).value(),
            f(113).add(x0).add(x(2)).add(xp).value(),
            f(114).add(x0).add(w.exact).value(),
            f(115).add(w.suf[1]).add(x0).value(),
            f(116).add(w.suf[3]).value(),
            f(117).add(w.pre[2]).value(),
            f(118).add(m1.lower).value(),
            f(119).add(n1.lower).value(),
            f(120).add(w.flags).add(x0).value(),
            f(121).add(at(ws, i, 2).lower).value(),
            f(122).add(w.lower).add(n1.lower).value(),
            f(123).add(m1.lower).add(w.lower).value(),
            f(124).add(w.cluster).add(x0).value(),
            f(125).add(w.cluster).value(),
        ],
    );
}

/// A part-of-speech tagger and lemmatizer.
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(crate) xpos_names: Vec<Box<str>>,
    pub(crate) xpos_upos: Vec<Upos>,
    pub(crate) xpos_dict: HashMap<u64, u16, IdBuild>,
    pub(crate) upos_dict: HashMap<u64, u16, IdBuild>,
    pub(crate) xpos_model: Weights,
    pub(crate) xpos2_model: Weights,
    pub(crate) upos_model: Weights,
    pub(crate) lemmatizer: Lemmatizer,
}

static SHIPPED: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../data/syntax/model.bin"))
        .expect("the shipped syntax model is valid (checked by a test)")
});

impl Tagger {
    /// The shipped model (trained on UD English EWT), loaded on first use.
    pub fn global() -> &'static Tagger {
        &SHIPPED
    }

    /// The XPOS tag names the model knows, in id order.
    pub fn xpos_names(&self) -> impl Iterator<Item = &str> {
        self.xpos_names.iter().map(AsRef::as_ref)
    }

    /// The name of XPOS id `x`.
    pub(crate) fn xpos_name(&self, x: u16) -> &str {
        self.xpos_names
            .get(usize::from(x))
            .map_or("XX", AsRef::as_ref)
    }

    /// The lemmatizer of the model.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// XPOS ids of the words of one sentence; `cache` keeps the first pass's
    /// features of each word.
    pub(crate) fn xpos_ids(
        &self,
        ws: &[WordFeats],
        feats: &mut Vec<u64>,
        cache: &mut Vec<[u64; XPOS_FEATURES]>,
        first: &mut Vec<u16>,
        xs: &mut Vec<u16>,
    ) {
        cache.clear();
        cache.resize(ws.len(), [0; XPOS_FEATURES]);
        self.xpos_pass(ws, feats, cache, None, first);
        self.xpos_pass(ws, feats, cache, Some(first), xs);
    }

    /// One XPOS pass: the first when `first` is `None` (its features kept in
    /// `cache`), else the second over the first's tags (reading the first's
    /// features where the tags before the word are the same).
    pub(crate) fn xpos_pass(
        &self,
        ws: &[WordFeats],
        feats: &mut Vec<u64>,
        cache: &mut [[u64; XPOS_FEATURES]],
        first: Option<&[u16]>,
        out: &mut Vec<u16>,
    ) {
        out.clear();
        let (mut p1, mut p2) = (u64::MAX, u64::MAX);
        for i in 0..ws.len() {
            let t = if let Some(&t) = self.xpos_dict.get(&ws[i].exact) {
                t
            } else if let Some(first) = first {
                let before = |d: usize| i.checked_sub(d).map_or(u64::MAX, |j| u64::from(first[j]));
                match cache.get(i) {
                    Some(kept) if (before(1), before(2)) == (p1, p2) => {
                        feats.clear();
                        feats.extend_from_slice(kept);
                    }
                    _ => xpos_features(ws, i, p1, p2, feats),
                }
                right_features(ws, first, i, p1, feats);
                self.xpos2_model.best(feats)
            } else {
                xpos_features(ws, i, p1, p2, feats);
                if let (Some(kept), Some(f)) = (cache.get_mut(i), feats.get(..XPOS_FEATURES)) {
                    kept.copy_from_slice(f);
                }
                self.xpos_model.best(feats)
            };
            out.push(t);
            p2 = p1;
            p1 = u64::from(t);
        }
    }

    /// UPOS ids of the words of one sentence, given their XPOS ids.
    pub(crate) fn upos_ids(
        &self,
        ws: &[WordFeats],
        xs: &[u16],
        feats: &mut Vec<u64>,
        us: &mut Vec<u16>,
    ) {
        us.clear();
        let mut u1 = u64::MAX;
        for i in 0..ws.len() {
            let t = if let Some(&t) = self.upos_dict.get(&ws[i].exact) {
                t
            } else {
                upos_features(ws, xs, i, u1, feats);
                self.upos_model.best(feats)
            };
            us.push(t);
            u1 = u64::from(t);
        }
    }

    /// Tag and lemmatize the words of one sentence, replacing `out`'s content
    /// with one [`Tagged`] per word.
    pub fn tag<'a>(&'a self, words: &[&'a str], out: &mut Vec<Tagged<'a>>) {
        out.clear();
        let ws: Vec<WordFeats> = words.iter().map(|w| WordFeats::new(w)).collect();
        let mut feats = Vec::with_capacity(32);
        let mut cache = Vec::with_capacity(words.len());
        let mut first = Vec::with_capacity(words.len());
        let mut xs = Vec::with_capacity(words.len());
        let mut us = Vec::with_capacity(words.len());
        self.xpos_ids(&ws, &mut feats, &mut cache, &mut first, &mut xs);
        self.upos_ids(&ws, &xs, &mut feats, &mut us);
        for ((&word, &x), &u) in words.iter().zip(&xs).zip(&us) {
            let upos = Upos::ALL[usize::from(u)];
            out.push(Tagged {
                upos,
                xpos: &self.xpos_names[usize::from(x)],
                lemma: self.lemmatizer.lemma(word, upos, x),
            });
        }
    }

    /// The model as bytes (the [file format](self)); the same model gives the
    /// same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u16(&mut out, FORMAT_VERSION);
        put_u32(&mut out, FEATURE_VERSION);
        put_u16(&mut out, self.xpos_names.len() as u16);
        for (name, upos) in self.xpos_names.iter().zip(&self.xpos_upos) {
            put_str(&mut out, name);
            out.push(upos.id() as u8);
        }
        for dict in [&self.xpos_dict, &self.upos_dict] {
            let mut entries: Vec<_> = dict.iter().map(|(&k, &v)| (k, v)).collect();
            entries.sort_unstable();
            put_u32(&mut out, entries.len() as u32);
            for (k, v) in entries {
                out.extend_from_slice(&k.to_le_bytes());
                out.push(v as u8);
            }
        }
        self.xpos_model.write(&mut out);
        self.xpos2_model.write(&mut out);
        self.upos_model.write(&mut out);
        self.lemmatizer.write(&mut out);
        out
    }

    /// A model from [`Tagger::to_bytes`].
    ///
    /// # Errors
    ///
    /// A message saying what is wrong when the bytes are not a model of this
    /// format and feature-set version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let mut rd = Reader::new(bytes);
        let r = &mut rd;
        r.header(MAGIC, FORMAT_VERSION, FEATURE_VERSION, "syntax")?;
        let n = usize::from(r.u16()?);
        if n == 0 || n > MAX_TAGS {
            return Err(format!("{n} XPOS tags"));
        }
        let mut xpos_names = Vec::with_capacity(n);
        let mut xpos_upos = Vec::with_capacity(n);
        for _ in 0..n {
            xpos_names.push(r.string()?.into_boxed_str());
            let u = usize::from(r.u8()?);
            xpos_upos.push(*Upos::ALL.get(u).ok_or("bad UPOS id")?);
        }
        let mut dicts = Vec::new();
        for limit in [n, Upos::ALL.len()] {
            let count = r.u32()? as usize;
            let mut dict = HashMap::with_capacity_and_hasher(count, IdBuild::default());
            for _ in 0..count {
                let k = r.u64()?;
                let t = u16::from(r.u8()?);
                if usize::from(t) >= limit {
                    return Err("tag dictionary entry out of range".into());
                }
                dict.insert(k, t);
            }
            dicts.push(dict);
        }
        let upos_dict = dicts.pop().unwrap_or_default();
        let xpos_dict = dicts.pop().unwrap_or_default();
        let xpos_model = Weights::read(r)?;
        let xpos2_model = Weights::read(r)?;
        let upos_model = Weights::read(r)?;
        if xpos_model.tags != n || xpos2_model.tags != n || upos_model.tags != Upos::ALL.len() {
            return Err("tag counts do not match".into());
        }
        let lemmatizer = Lemmatizer::read(r, n)?;
        if !r.at_end() {
            return Err("trailing bytes".into());
        }
        Ok(Tagger {
            xpos_names,
            xpos_upos,
            xpos_dict,
            upos_dict,
            xpos_model,
            xpos2_model,
            upos_model,
            lemmatizer,
        })
    }

    /// Number of weighted features of the XPOS (both passes) and UPOS perceptrons.
    pub fn feature_counts(&self) -> (usize, usize) {
        (
            self.xpos_model.len() + self.xpos2_model.len(),
            self.upos_model.len(),
        )
    }
}

pub(crate) fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

pub(crate) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u16(out, s.len() as u16);
    out.extend_from_slice(s.as_bytes());
}

pub(crate) fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A cursor over model bytes.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }
    /// Check a model file's magic bytes, format version and feature-set
    /// version; `what` names the model in the error.
    pub(crate) fn header(
        &mut self,
        magic: &[u8],
        format: u16,
        features: u32,
        what: &str,
    ) -> Result<(), String> {
        if self.take(magic.len())? != magic {
            return Err(format!("not a nutgraf {what} model"));
        }
        let version = self.u16()?;
        let fv = self.u32()?;
        if version != format || fv != features {
            return Err(format!(
                "{what} model version {version}/{fv}, expected {format}/{features}"
            ));
        }
        Ok(())
    }

    pub(crate) fn at_end(&self) -> bool {
        self.pos == self.bytes.len()
    }
    pub(crate) fn i16(&mut self) -> Result<i16, String> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.pos))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    pub(crate) fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub(crate) fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
    pub(crate) fn leb(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad LEB128".into())
    }
    pub(crate) fn string(&mut self) -> Result<String, String> {
        let n = usize::from(self.u16()?);
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| "bad UTF-8".to_string())
    }
}
