//! Compact weight tables of the perceptrons: open addressing over 32-bit
//! feature ids, 16-bit weights, one `u64` a feature.
//!
//! Scoring a word looks up some sixty to a hundred features; the tables are
//! laid out so each lookup touches one cache line (the id and its payload
//! share a `u64`, linear probing stays on the line) and scores add up as
//! integers. Weights are kept exactly as they are stored in the model file
//! (quantized to `i16` with one scale a table), so a loaded model writes back
//! byte for byte.

use super::tagger::{put_leb, put_u16, put_u32, Reader, MAX_TAGS};

/// Feature ids → 32-bit payloads, open addressing with linear probing.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    /// Id in the high half (0: empty), payload in the low half.
    slots: Vec<u64>,
    mask: usize,
    len: usize,
}

/// The table key of a feature id (ids are 32-bit; 0 marks an empty slot).
#[inline]
fn key(id: u64) -> u32 {
    let k = id as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

impl IdTable {
    fn with_len(n: usize) -> IdTable {
        let cap = (n.saturating_mul(2)).next_power_of_two().max(16);
        IdTable {
            slots: vec![0; cap],
            mask: cap - 1,
            len: 0,
        }
    }

    fn insert(&mut self, id: u64, payload: u32) {
        let k = key(id);
        let mut i = k as usize & self.mask;
        loop {
            let e = self.slots[i];
            let ek = (e >> 32) as u32;
            if ek == 0 || ek == k {
                self.len += usize::from(ek == 0);
                self.slots[i] = (u64::from(k) << 32) | u64::from(payload);
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    pub(crate) fn get(&self, id: u64) -> Option<u32> {
        let k = key(id);
        let mut i = k as usize & self.mask;
        loop {
            let e = *self.slots.get(i)?;
            let ek = (e >> 32) as u32;
            if ek == k {
                return Some(e as u32);
            }
            if ek == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Call `hit` with the payload of every id of `ids` in the table, in
    /// order. The first slot of every id is loaded before any is compared, so
    /// the cache misses of a whole feature vector overlap instead of waiting
    /// on each other behind a mispredicted branch (most lookups go to memory:
    /// the tables are megabytes).
    #[inline]
    pub(crate) fn for_each_hit(&self, ids: &[u64], mut hit: impl FnMut(u32)) {
        const CHUNK: usize = 64;
        let mut first = [0u64; CHUNK];
        for chunk in ids.chunks(CHUNK) {
            for (slot, &id) in first.iter_mut().zip(chunk) {
                *slot = self
                    .slots
                    .get(key(id) as usize & self.mask)
                    .copied()
                    .unwrap_or(0);
            }
            for (&e, &id) in first.iter().zip(chunk) {
                let k = key(id);
                let ek = (e >> 32) as u32;
                if ek == k {
                    hit(e as u32);
                } else if ek != 0 {
                    if let Some(p) = self.get(id) {
                        hit(p);
                    }
                }
            }
        }
    }

    /// Write the `u32` count of ids, then each id in increasing order as a
    /// LEB128 delta followed by what `payload` writes of its payload.
    fn write_rows(&self, out: &mut Vec<u8>, mut payload: impl FnMut(&mut Vec<u8>, u32)) {
        let rows = self.sorted();
        put_u32(out, rows.len() as u32);
        let mut prev = 0u64;
        for (id, p) in rows {
            put_leb(out, id - prev);
            prev = id;
            payload(out, p);
        }
    }

    /// `(id, payload)` pairs in increasing id order.
    fn sorted(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self
            .slots
            .iter()
            .filter(|&&e| e >> 32 != 0)
            .map(|&e| (e >> 32, e as u32))
            .collect();
        v.sort_unstable();
        v
    }
}

/// The `i16` of a `u16`'s bits.
#[inline]
fn signed(u: u16) -> i16 {
    i16::from_le_bytes(u.to_le_bytes())
}

/// The `u16` of an `i16`'s bits.
#[inline]
fn unsigned(i: i16) -> u16 {
    u16::from_le_bytes(i.to_le_bytes())
}

fn scale_of(max: f32) -> f32 {
    if max > 0.0 {
        max / 32767.0
    } else {
        1.0
    }
}

#[allow(clippy::cast_possible_truncation)]
fn quantize(v: f32, scale: f32) -> i16 {
    (v / scale).round().clamp(-32767.0, 32767.0) as i16
}

/// Sparse weights of a multi-class perceptron: per feature, the classes it
/// has a weight for.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    pub(crate) tags: usize,
    scale: f32,
    /// Payload: start in `slots` (24 bits) and row length (8 bits).
    index: IdTable,
    /// Class in the high half, weight (`i16`) in the low half.
    slots: Vec<u32>,
}

impl Weights {
    /// Weights from `(feature, [(tag, weight)])` rows in increasing id order.
    pub(crate) fn from_rows(tags: usize, rows: Vec<(u64, Vec<(u8, f32)>)>) -> Weights {
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, &(_, v)| m.max(v.abs()));
        let scale = scale_of(max);
        let rows = rows
            .into_iter()
            .map(|(id, row)| {
                let q: Vec<(u8, i16)> = row
                    .into_iter()
                    .map(|(t, v)| (t, quantize(v, scale)))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (id, q)
            })
            .filter(|(_, q)| !q.is_empty())
            .collect();
        Weights::from_quantized(tags, scale, rows)
    }

    fn from_quantized(tags: usize, scale: f32, rows: Vec<(u64, Vec<(u8, i16)>)>) -> Weights {
        let mut w = Weights {
            tags,
            scale,
            index: IdTable::with_len(rows.len()),
            slots: Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum()),
        };
        for (id, row) in rows {
            let start = w.slots.len() as u32;
            let len = row.len().min(255);
            w.slots.extend(
                row.iter()
                    .take(len)
                    .map(|&(t, q)| (u32::from(t) << 16) | u32::from(unsigned(q))),
            );
            w.index.insert(id, (start << 8) | len as u32);
        }
        w
    }

    #[inline]
    fn scores(&self, feats: &[u64], scores: &mut [i32; MAX_TAGS]) {
        // Rows found first (their loads overlap), then read.
        for chunk in feats.chunks(64) {
            let mut rows = [0u32; 64];
            let mut n = 0;
            self.index.for_each_hit(chunk, |p| {
                if let Some(r) = rows.get_mut(n) {
                    *r = p;
                    n += 1;
                }
            });
            for &p in rows.iter().take(n) {
                let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
                if let Some(row) = self.slots.get(start..start + len) {
                    for &s in row {
                        if let Some(v) = scores.get_mut((s >> 16) as usize) {
                            *v += i32::from(signed(s as u16));
                        }
                    }
                }
            }
        }
    }

    /// The best tag for `feats` (the first of equals).
    #[inline]
    pub(crate) fn best(&self, feats: &[u64]) -> u16 {
        let mut scores = [0i32; MAX_TAGS];
        self.scores(feats, &mut scores);
        let mut best = 0;
        for t in 1..self.tags.min(MAX_TAGS) {
            if scores[t] > scores[best] {
                best = t;
            }
        }
        best as u16
    }

    /// The best tag for `feats` other than `not`.
    #[inline]
    pub(crate) fn best_except(&self, feats: &[u64], not: u16) -> u16 {
        let mut scores = [0i32; MAX_TAGS];
        self.scores(feats, &mut scores);
        let mut best = usize::MAX;
        for t in 0..self.tags.min(MAX_TAGS) {
            if t != usize::from(not) && (best == usize::MAX || scores[t] > scores[best]) {
                best = t;
            }
        }
        best.min(self.tags.saturating_sub(1)) as u16
    }

    /// Number of features with a weight.
    pub(crate) fn len(&self) -> usize {
        self.index.len
    }

    /// Little-endian: `u16` tag count, `f32` scale, `u32` feature count, then
    /// per feature in increasing id order the id as a LEB128 delta, a `u8`
    /// count and that many `u8` tag + `i16` weight.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        put_u16(out, self.tags as u16);
        out.extend_from_slice(&self.scale.to_le_bytes());
        self.index.write_rows(out, |out, p| {
            let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
            let row = self.slots.get(start..start + len).unwrap_or(&[]);
            out.push(row.len() as u8);
            for &s in row {
                out.push((s >> 16) as u8);
                out.extend_from_slice(&signed(s as u16).to_le_bytes());
            }
        });
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Weights, String> {
        let tags = usize::from(r.u16()?);
        if tags == 0 || tags > MAX_TAGS {
            return Err(format!("{tags} tags"));
        }
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        let mut id = 0u64;
        for _ in 0..n {
            id = id.wrapping_add(r.leb()?);
            let count = r.u8()?;
            let mut row = Vec::with_capacity(usize::from(count));
            for _ in 0..count {
                let t = r.u8()?;
                if usize::from(t) >= tags {
                    return Err(format!("tag {t} out of range"));
                }
                row.push((t, r.i16()?));
            }
            rows.push((id, row));
        }
        if rows.iter().map(|r| r.1.len()).sum::<usize>() >= 1 << 24 {
            return Err("too many weights".into());
        }
        Ok(Weights::from_quantized(tags, scale, rows))
    }
}

/// Weights of the parser's three transitions, stored relative to the first
/// (only differences between scores decide): two `i16` a feature.
#[derive(Debug, Clone, Default)]
pub(crate) struct Moves {
    scale: f32,
    index: IdTable,
}

impl Moves {
    /// Weights from `(feature, [w0, w1, w2])` rows.
    pub(crate) fn from_rows(rows: impl IntoIterator<Item = (u64, [f32; 3])>) -> Moves {
        let rows: Vec<(u64, [f32; 2])> = rows
            .into_iter()
            .map(|(id, w)| (id, [w[1] - w[0], w[2] - w[0]]))
            .collect();
        let max = rows
            .iter()
            .flat_map(|r| r.1)
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = scale_of(max);
        let q = rows
            .into_iter()
            .map(|(id, [a, b])| (id, [quantize(a, scale), quantize(b, scale)]))
            .filter(|(_, q)| q != &[0, 0])
            .collect();
        Moves::from_quantized(scale, q)
    }

    fn from_quantized(scale: f32, rows: Vec<(u64, [i16; 2])>) -> Moves {
        let mut index = IdTable::with_len(rows.len());
        for (id, [a, b]) in rows {
            index.insert(id, (u32::from(unsigned(a)) << 16) | u32::from(unsigned(b)));
        }
        Moves { scale, index }
    }

    /// The weights without the features whose weights are all below `min`
    /// (absolute, in the units of the training updates).
    pub(crate) fn pruned(&self, min: f32) -> Moves {
        let q = (min / self.scale).round() as i32;
        let rows = self
            .index
            .sorted()
            .into_iter()
            .map(|(id, p)| (id, [signed((p >> 16) as u16), signed(p as u16)]))
            .filter(|(_, [a, b])| i32::from(*a).abs() >= q || i32::from(*b).abs() >= q)
            .collect();
        Moves::from_quantized(self.scale, rows)
    }

    /// Scores of the three transitions (the first is the reference, 0).
    #[inline]
    pub(crate) fn scores(&self, feats: &[u64]) -> [i32; 3] {
        let (mut l, mut r) = (0i32, 0i32);
        self.index.for_each_hit(feats, |p| {
            l += i32::from(signed((p >> 16) as u16));
            r += i32::from(signed(p as u16));
        });
        [0, l, r]
    }

    /// Number of features with a weight.
    pub(crate) fn len(&self) -> usize {
        self.index.len
    }

    /// `f32` scale, `u32` feature count, then per feature in increasing id
    /// order the id as a LEB128 delta and two `i16`.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.scale.to_le_bytes());
        self.index.write_rows(out, |out, p| {
            out.extend_from_slice(&((p >> 16) as u16).to_le_bytes());
            out.extend_from_slice(&(p as u16).to_le_bytes());
        });
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Moves, String> {
        let scale = r.f32()?;
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(1 << 24));
        let mut id = 0u64;
        for _ in 0..n {
            id = id.wrapping_add(r.leb()?);
            rows.push((id, [r.i16()?, r.i16()?]));
        }
        Ok(Moves::from_quantized(scale, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_score() {
        let w = Weights::from_rows(
            3,
            vec![
                (5, vec![(0, 1.0), (2, -0.5)]),
                (9, vec![(1, 2.0)]),
                (0, vec![(2, 0.25)]),
            ],
        );
        assert_eq!(w.len(), 3);
        assert_eq!(w.best(&[5]), 0);
        assert_eq!(w.best(&[5, 9]), 1);
        assert_eq!(w.best_except(&[5, 9], 1), 0);
        assert_eq!(w.best(&[77]), 0);
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
        assert_eq!(back.best(&[5, 9]), 1);
    }

    #[test]
    fn moves_round_trip_and_score() {
        let m = Moves::from_rows([
            (3, [1.0, 0.0, 0.0]),
            (4, [0.0, 0.0, 2.0]),
            (8, [1.0, 1.0, 1.0]),
        ]);
        assert_eq!(m.len(), 2, "a row with equal weights decides nothing");
        let s = m.scores(&[3, 4]);
        assert!(s[2] > s[0] && s[0] > s[1], "{s:?}");
        let mut bytes = Vec::new();
        m.write(&mut bytes);
        let back = Moves::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back.scores(&[3, 4]), s);
    }
}
