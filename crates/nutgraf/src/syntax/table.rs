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

/// Feature ids → 32-bit payloads: linear probing over slots kept in
/// increasing key order.
///
/// A key's home slot is the key scaled to the number of homes (the keys are
/// hashes, so homes fill evenly), and the keys are placed in increasing order,
/// each at its home or just after the key before it. A lookup reads a few
/// slots from the home on: the key is there, or the slots run past it into a
/// greater key or an empty slot. Half the homes are used; a key is rarely
/// more than a slot or two from its home, so a lookup reads one cache line
/// and picks the payload out of the window without a branch.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    /// Key in the high half (0: empty), payload in the low half; the
    /// occupied slots in increasing key order, then [`WINDOW`] empty slots.
    slots: Vec<u64>,
    /// Number of home slots.
    homes: u64,
    len: usize,
}

/// Slots a lookup reads at once from a key's home (the home, two more and
/// the last, as [`IdTable::find_in`] spells out).
const WINDOW: usize = 4;

/// Ids looked up at once by [`IdTable::find_all`].
pub(crate) const FIND_CHUNK: usize = 64;

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
    /// A table of `(id, payload)` pairs; of ids with the same key, the last
    /// pair counts.
    pub(crate) fn new(pairs: impl IntoIterator<Item = (u64, u32)>) -> IdTable {
        let mut pairs: Vec<(u32, u32)> = pairs.into_iter().map(|(id, p)| (key(id), p)).collect();
        // Stable: of equal keys, the last is the last given.
        pairs.sort_by_key(|p| p.0);
        let mut table = IdTable {
            slots: Vec::with_capacity(pairs.len() * 2 + 16 + WINDOW),
            homes: (pairs.len() as u64 * 2).max(16),
            len: 0,
        };
        for (i, &(k, p)) in pairs.iter().enumerate() {
            if pairs.get(i + 1).is_some_and(|next| next.0 == k) {
                continue;
            }
            let at = table.home(k).max(table.slots.len());
            table.slots.resize(at, 0);
            table.slots.push((u64::from(k) << 32) | u64::from(p));
            table.len += 1;
        }
        let end = table.slots.len().max(table.homes as usize) + WINDOW;
        table.slots.resize(end, 0);
        table
    }

    #[inline]
    fn home(&self, k: u32) -> usize {
        ((u64::from(k) * self.homes) >> 32) as usize
    }

    /// The payload of each id of `ids` (0 for an id not in the table) into
    /// `out`, which must be as long. The ends of the window of every id are
    /// loaded before any window is read, so the cache misses of a whole
    /// feature vector overlap (most lookups go to memory: the tables are
    /// megabytes).
    #[inline]
    pub(crate) fn find_all(&self, ids: &[u64], out: &mut [u32; FIND_CHUNK]) {
        let mut ends = [(0u64, 0u64); FIND_CHUNK];
        for (e, &id) in ends.iter_mut().zip(ids) {
            let h = self.home(key(id));
            if let Some(w) = self.slots.get(h..h + WINDOW) {
                *e = (w[0], w[WINDOW - 1]);
            }
        }
        for ((o, &e), &id) in out.iter_mut().zip(&ends).zip(ids) {
            *o = self.find_in(id, e);
        }
    }

    /// The payload of `id`, 0 when it is not in the table; `ends` are the
    /// first and last slots of its window.
    #[inline]
    fn find_in(&self, id: u64, (first, last): (u64, u64)) -> u32 {
        let k = key(id);
        let h = self.home(k);
        let (Some(&second), Some(&third)) = (self.slots.get(h + 1), self.slots.get(h + 2)) else {
            return 0;
        };
        let pick = |p: u32, e: u64| if (e >> 32) as u32 == k { e as u32 } else { p };
        let p = pick(pick(pick(pick(0, first), second), third), last);
        // Keys after the window are greater than the last one; when that is
        // a key below `k`, `k` may be further on (rarely).
        if ((last >> 32) as u32).wrapping_sub(1) < k - 1 {
            self.scan(k, h + WINDOW)
        } else {
            p
        }
    }

    #[cold]
    fn scan(&self, k: u32, from: usize) -> u32 {
        for &e in self.slots.get(from..).unwrap_or_default() {
            let ek = (e >> 32) as u32;
            if ek == k {
                return e as u32;
            }
            if ek == 0 || ek > k {
                break;
            }
        }
        0
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// `(key, payload)` pairs in increasing key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.slots
            .iter()
            .filter(|&&e| e >> 32 != 0)
            .map(|&e| (e >> 32, e as u32))
    }

    /// Write the `u32` count of ids, then each id in increasing order as a
    /// LEB128 delta followed by what `payload` writes of its payload.
    fn write_rows(&self, out: &mut Vec<u8>, mut payload: impl FnMut(&mut Vec<u8>, u32)) {
        put_u32(out, self.len as u32);
        let mut prev = 0u64;
        for (id, p) in self.iter() {
            put_leb(out, id - prev);
            prev = id;
            payload(out, p);
        }
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
///
/// A row of weights is a list of (class, weight) or, when it has a weight for
/// many of the classes, a dense array of one weight a class (added to the
/// scores in a few vector instructions rather than one scattered add a
/// weight). Only rows that a dense array gives back exactly (classes in
/// increasing order, no zero weight) are made dense, so the model still
/// writes back byte for byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    pub(crate) tags: usize,
    scale: f32,
    /// Payload: 0 for an empty row; for a sparse row its start in `slots`
    /// (24 bits) and length (8 bits, not 0); for a dense row one more than
    /// its number (24 bits) and 0.
    index: IdTable,
    /// Class in the high half, weight (`i16`) in the low half.
    slots: Vec<u32>,
    /// Dense rows, a weight a class (0 past `tags`).
    dense: Vec<DenseRow>,
    /// Blocks of a dense row in use: `tags` rounded up to [`BLOCK`] classes.
    blocks: usize,
}

/// A dense row: [`MAX_TAGS`] weights in blocks of [`BLOCK`], on two whole
/// cache lines.
#[derive(Debug, Clone, Copy)]
#[repr(align(64))]
struct DenseRow([[i16; BLOCK]; MAX_TAGS / BLOCK]);

/// Classes in a block of a dense row (the scores of a block add up in two
/// vector registers).
const BLOCK: usize = 8;

/// Shortest row stored dense, per block of the row: from about there, a
/// dense row takes fewer instructions to add than a sparse one.
const DENSE_MIN_PER_BLOCK: usize = 2;

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
        let blocks = tags.min(MAX_TAGS).div_ceil(BLOCK);
        let mut slots = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        let mut dense = Vec::new();
        let mut pairs = Vec::with_capacity(rows.len());
        for (id, row) in rows {
            let len = row.len().min(255);
            let row = row.get(..len).unwrap_or_default();
            let exact = row
                .iter()
                .all(|&(t, q)| usize::from(t) < blocks * BLOCK && q != 0)
                && row.windows(2).all(|w| w[0].0 < w[1].0);
            let payload = if row.is_empty() {
                0
            } else if len >= DENSE_MIN_PER_BLOCK * blocks && exact {
                let mut d = DenseRow([[0; BLOCK]; MAX_TAGS / BLOCK]);
                for &(t, q) in row {
                    let t = usize::from(t);
                    d.0[t / BLOCK][t % BLOCK] = q;
                }
                dense.push(d);
                (dense.len() as u32) << 8
            } else {
                let start = slots.len() as u32;
                slots.extend(
                    row.iter()
                        .map(|&(t, q)| (u32::from(t) << 16) | u32::from(unsigned(q))),
                );
                (start << 8) | len as u32
            };
            pairs.push((id, payload));
        }
        Weights {
            tags,
            scale,
            index: IdTable::new(pairs),
            slots,
            dense,
            blocks,
        }
    }

    /// The `(class, weight)` list of the row of payload `p`.
    fn row(&self, p: u32, mut each: impl FnMut(u8, i16)) {
        let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
        if p == 0 {
        } else if len == 0 {
            let weights = self.dense.get(start - 1).map(|d| d.0.as_flattened());
            for (t, &q) in weights
                .unwrap_or_default()
                .iter()
                .enumerate()
                .take(self.tags)
            {
                if q != 0 {
                    each(t as u8, q);
                }
            }
        } else {
            for &s in self.slots.get(start..start + len).unwrap_or_default() {
                each((s >> 16) as u8, signed(s as u16));
            }
        }
    }

    #[inline]
    fn scores(&self, feats: &[u64], scores: &mut [i32; MAX_TAGS]) {
        // Rows found first, then the first weight of every sparse row loaded
        // (the loads of each step overlap), then the rows read: the sparse
        // ones one at a time, the dense ones a block of classes at a time.
        let mut found = [0u32; FIND_CHUNK];
        let mut sparse = [(0u32, 0u32); FIND_CHUNK];
        let mut dense = [0u32; FIND_CHUNK];
        for chunk in feats.chunks(FIND_CHUNK) {
            self.index.find_all(chunk, &mut found);
            let (mut ns, mut nd) = (0, 0);
            for &p in found.iter().take(chunk.len()) {
                let (start, len) = ((p >> 8) as usize, p & 0xff);
                let is_dense = p != 0 && len == 0;
                let first = if len == 0 { 0 } else { start };
                if let (Some(s), Some(d)) = (sparse.get_mut(ns), dense.get_mut(nd)) {
                    *s = (p, self.slots.get(first).copied().unwrap_or(0));
                    *d = start.wrapping_sub(1) as u32;
                }
                ns += usize::from(len != 0);
                nd += usize::from(is_dense);
            }
            for &(p, first) in sparse.iter().take(ns) {
                let (start, len) = ((p >> 8) as usize, (p & 0xff) as usize);
                let rest = self.slots.get(start + 1..start + len).unwrap_or_default();
                scores[(first >> 16) as usize % MAX_TAGS] += i32::from(signed(first as u16));
                for &s in rest {
                    scores[(s >> 16) as usize % MAX_TAGS] += i32::from(signed(s as u16));
                }
            }
            let dense = dense.get(..nd).unwrap_or_default();
            for (b, block) in scores.chunks_exact_mut(BLOCK).take(self.blocks).enumerate() {
                let mut sum = [0i32; BLOCK];
                for &r in dense {
                    if let Some(w) = self.dense.get(r as usize).and_then(|d| d.0.get(b)) {
                        for (s, &q) in sum.iter_mut().zip(w) {
                            *s += i32::from(q);
                        }
                    }
                }
                for (s, d) in block.iter_mut().zip(sum) {
                    *s += d;
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
            let at = out.len();
            out.push(0);
            let mut count = 0u8;
            self.row(p, |t, q| {
                count += 1;
                out.push(t);
                out.extend_from_slice(&q.to_le_bytes());
            });
            out[at] = count;
        });
    }

    /// The mean of several weight sets of the same tags, without the means
    /// smaller than `min` (absolute).
    pub(crate) fn mean(all: &[&Weights], min: f32) -> Weights {
        let mut sum: std::collections::BTreeMap<u64, std::collections::BTreeMap<u8, f32>> =
            std::collections::BTreeMap::new();
        let n = all.len().max(1) as f32;
        let tags = all.first().map_or(1, |w| w.tags);
        for w in all {
            for (id, p) in w.index.iter() {
                let e = sum.entry(id).or_default();
                w.row(p, |t, q| {
                    *e.entry(t).or_default() += f32::from(q) * w.scale / n;
                });
            }
        }
        Weights::from_rows(
            tags,
            sum.into_iter()
                .map(|(id, r)| (id, r.into_iter().filter(|w| w.1.abs() >= min).collect()))
                .filter(|r: &(u64, Vec<(u8, f32)>)| !r.1.is_empty())
                .collect(),
        )
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
        let index = IdTable::new(
            rows.into_iter()
                .map(|(id, [a, b])| (id, (u32::from(unsigned(a)) << 16) | u32::from(unsigned(b)))),
        );
        Moves { scale, index }
    }

    /// The weights without the features whose weights are all below `min`
    /// (absolute, in the units of the training updates).
    pub(crate) fn pruned(&self, min: f32) -> Moves {
        let q = (min / self.scale).round() as i32;
        let rows = self
            .index
            .iter()
            .map(|(id, p)| (id, [signed((p >> 16) as u16), signed(p as u16)]))
            .filter(|(_, [a, b])| i32::from(*a).abs() >= q || i32::from(*b).abs() >= q)
            .collect();
        Moves::from_quantized(self.scale, rows)
    }

    /// The mean of several weight sets (a feature missing from one weighs 0
    /// there).
    pub(crate) fn mean(all: &[&Moves]) -> Moves {
        let mut sum: std::collections::BTreeMap<u64, [f32; 3]> = std::collections::BTreeMap::new();
        let n = all.len().max(1) as f32;
        for m in all {
            for (id, p) in m.index.iter() {
                let e = sum.entry(id).or_default();
                e[1] += f32::from(signed((p >> 16) as u16)) * m.scale / n;
                e[2] += f32::from(signed(p as u16)) * m.scale / n;
            }
        }
        Moves::from_rows(sum)
    }

    /// Scores of the three transitions (the first is the reference, 0).
    #[inline]
    pub(crate) fn scores(&self, feats: &[u64]) -> [i32; 3] {
        let (mut l, mut r) = (0i32, 0i32);
        // A missing feature reads as weights 0.
        let mut found = [0u32; FIND_CHUNK];
        for chunk in feats.chunks(FIND_CHUNK) {
            self.index.find_all(chunk, &mut found);
            for &p in found.iter().take(chunk.len()) {
                l += i32::from(signed((p >> 16) as u16));
                r += i32::from(signed(p as u16));
            }
        }
        [0, l, r]
    }

    /// Scores in the weights' own units.
    #[inline]
    pub(crate) fn real_scores(&self, feats: &[u64]) -> [f32; 3] {
        self.scores(feats).map(|v| v as f32 * self.scale)
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

    /// A tiny xorshift generator, for reproducible keys.
    fn keys(n: usize, mut x: u64) -> Vec<u64> {
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x >> 32
            })
            .collect()
    }

    #[test]
    fn id_table_finds_every_key_and_nothing_else() {
        let mut ids = keys(5000, 7);
        // A crowd around one home, to push keys far from it.
        ids.extend((0..40).map(|i| 0x8000_0000 + i));
        ids.extend([0, 1, u64::from(u32::MAX)]);
        let pairs: Vec<(u64, u32)> = ids.iter().map(|&id| (id, id as u32 ^ 0x5555)).collect();
        let table = IdTable::new(pairs.iter().copied());
        let mut want = std::collections::HashMap::new();
        for &(id, p) in &pairs {
            want.insert(key(id), p);
        }
        assert_eq!(table.len, want.len());
        let mut probes = ids.clone();
        probes.extend(keys(5000, 99));
        probes.extend((0..60).map(|i| 0x8000_0000 - 10 + i));
        for chunk in probes.chunks(FIND_CHUNK) {
            let mut out = [0u32; FIND_CHUNK];
            table.find_all(chunk, &mut out);
            for (&id, &p) in chunk.iter().zip(&out) {
                assert_eq!(p, want.get(&key(id)).copied().unwrap_or(0), "{id:x}");
            }
        }
        let sorted: Vec<u64> = table.iter().map(|(k, _)| k).collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(IdTable::default().iter().count(), 0);
        let mut out = [7u32; FIND_CHUNK];
        IdTable::default().find_all(&[5, 6], &mut out);
        assert_eq!(out[..2], [0, 0]);
    }

    #[test]
    fn id_table_keeps_the_last_of_equal_keys() {
        let table = IdTable::new([(9, 1), (4, 2), (9, 3), (1, 4), (0, 5)]);
        assert_eq!(table.iter().collect::<Vec<_>>(), [(1, 5), (4, 2), (9, 3)]);
    }

    #[test]
    fn dense_and_sparse_rows_score_and_write_back_alike() {
        let long: Vec<(u8, f32)> = (0..40).map(|t| (t, f32::from(t) - 19.5)).collect();
        let w = Weights::from_rows(45, vec![(3, long.clone()), (8, vec![(44, 100.0)])]);
        assert_eq!(w.dense.len(), 1, "the long row is dense");
        let best = |feats: &[u64]| w.best(feats);
        assert_eq!(best(&[3]), 39);
        assert_eq!(best(&[3, 8]), 44);
        assert_eq!(w.best_except(&[3, 8], 44), 39);
        // The same rows read from bytes where one is out of order and one has
        // a zero weight: both stay sparse and write back as read.
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        let mut again = Vec::new();
        back.write(&mut again);
        assert_eq!(bytes, again);
        let mut odd = Vec::new();
        put_u16(&mut odd, 45);
        odd.extend_from_slice(&1f32.to_le_bytes());
        put_u32(&mut odd, 3);
        for (delta, row) in [
            (2u64, (0..20u8).rev().map(|t| (t, 1i16)).collect::<Vec<_>>()),
            (1, (0..20u8).map(|t| (t, i16::from(t % 2))).collect()),
            (1, Vec::new()),
        ] {
            put_leb(&mut odd, delta);
            odd.push(row.len() as u8);
            for (t, q) in row {
                odd.push(t);
                odd.extend_from_slice(&q.to_le_bytes());
            }
        }
        let w = Weights::read(&mut Reader::new(&odd)).unwrap();
        assert!(w.dense.is_empty());
        assert_eq!(w.len(), 3);
        let mut again = Vec::new();
        w.write(&mut again);
        assert_eq!(odd, again);
        assert_eq!(w.best(&[2, 3, 4]), 1);
    }
}
