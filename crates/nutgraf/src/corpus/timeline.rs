//! The timeline of a story: its events across sources, in time order, the
//! same event reported by several sources merged.

use crate::event::{EventType, Modality, Participant, Polarity};
use std::collections::{HashMap, HashSet};

use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::entities::resolve::fold;

use crate::{CharOffsets, Document, Span};

/// One source of a [`TimelineEntry`]: the sentence of a document that
/// reports the event.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimelineSource {
    /// The document (its index in the corpus).
    pub doc: usize,
    /// The sentence in the document's original input (bytes).
    pub span: Span,
    /// The same in characters (code points).
    pub chars: (usize, usize),
    /// The trigger's text ("met", "visit").
    pub trigger: String,
}

/// An event of a story as its sources report it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TimelineEntry {
    /// What kind of action.
    pub kind: EventType,
    /// When: the TIMEX3 value the sources give ("2023-10-18"), if one does.
    pub time: Option<String>,
    /// Who acts (entity names, or the words when no entity is known).
    pub actors: Vec<String>,
    /// Who or what is acted on.
    pub targets: Vec<String>,
    /// Where, when a source says.
    pub place: Option<String>,
    /// Planned, expected...: the modality of the first source.
    pub modality: Modality,
    /// The sentences that report it, in the order the documents were added.
    pub sources: Vec<TimelineSource>,
}

/// What the corpus keeps of one event of a document.
#[derive(Debug)]
pub(crate) struct DocEvent {
    kind: EventType,
    time: Option<Box<str>>,
    actors: Vec<Box<str>>,
    targets: Vec<Box<str>>,
    place: Option<Box<str>>,
    modality: Modality,
    span: Span,
    chars: (usize, usize),
    trigger: Box<str>,
}

impl DocEvent {
    pub(crate) fn heap_bytes(&self) -> usize {
        std::mem::size_of::<DocEvent>()
            + self
                .actors
                .iter()
                .chain(&self.targets)
                .map(|a| a.len() + 16)
                .sum::<usize>()
            + self.trigger.len()
            + self.time.as_ref().map_or(0, |t| t.len())
            + self.place.as_ref().map_or(0, |p| p.len())
    }
}

/// The name of a participant: its entity's, or its words.
fn name(doc: &Document, p: &Participant) -> Box<str> {
    match p.entity.and_then(|e| doc.entities.get(e)) {
        Some(e) => e.name.as_str().into(),
        None => doc.slice(p.span).into(),
    }
}

/// The events of a document the timeline keeps: asserted or not, but not
/// negated ("did not meet").
pub(crate) fn of(doc: &Document) -> Vec<DocEvent> {
    let chars = CharOffsets::new(&doc.text);
    doc.events
        .iter()
        .filter(|e| e.polarity == Polarity::Positive)
        .map(|e| {
            let mut actors: Vec<Box<str>> = e.actors.iter().map(|p| name(doc, p)).collect();
            actors.dedup();
            let mut targets: Vec<Box<str>> = e.targets.iter().map(|p| name(doc, p)).collect();
            targets.dedup();
            DocEvent {
                kind: e.kind,
                time: e
                    .time
                    .and_then(|t| doc.times.get(t))
                    .and_then(|t| t.value.as_deref())
                    .map(Into::into),
                actors,
                targets,
                place: e.place.as_ref().map(|p| name(doc, p)),
                modality: e.modality,
                span: e.span,
                chars: chars.span(e.span),
                trigger: doc.slice(e.trigger).into(),
            }
        })
        .collect()
}

/// The days a TIMEX3 value of the calendar covers: a day ("2023-10-18", also
/// with a time of day, "2023-10-18T15:00"), an ISO week ("2023-W42"), a month
/// ("2023-10"), a year ("2023"), a decade ("199") or a century ("20"); `None`
/// for anything else (a weekday without a date, `PAST_REF`).
pub(crate) fn days(value: &str) -> Option<(Date, Date)> {
    let num = |s: &str| -> Option<i16> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let small = |s: &str| -> Option<i8> { i8::try_from(num(s)?).ok() };
    let date = value.split('T').next()?;
    let mut parts = date.split('-');
    let head = parts.next()?;
    let year_span = |first: i16, last: i16| -> Option<(Date, Date)> {
        Some((Date::new(first, 1, 1).ok()?, Date::new(last, 12, 31).ok()?))
    };
    match (head.len(), parts.next(), parts.next(), parts.next()) {
        (2, None, ..) => {
            let c = num(head)?;
            year_span(c * 100, c * 100 + 99)
        }
        (3, None, ..) => {
            let d = num(head)?;
            year_span(d * 10, d * 10 + 9)
        }
        (4, None, ..) => {
            let y = num(head)?;
            year_span(y, y)
        }
        (4, Some(w), None, None) if w.starts_with('W') => {
            let monday = ISOWeekDate::new(num(head)?, small(w.get(1..)?)?, Weekday::Monday)
                .ok()?
                .date();
            Some((monday, monday.checked_add(jiff::Span::new().days(6)).ok()?))
        }
        (4, Some(m), None, None) => {
            let first = Date::new(num(head)?, small(m)?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        (4, Some(m), Some(d), None) => {
            let day = Date::new(num(head)?, small(m)?, small(d)?).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Whether two lists of folded names share one.
fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// The timeline of the documents `docs` (indices, in the order they were
/// added) whose events are `events(doc)`.
pub(crate) fn build<'a>(
    docs: &[usize],
    events: impl Fn(usize) -> &'a [DocEvent],
) -> Vec<TimelineEntry> {
    // Each entry with the days its time covers and its actors' and targets'
    // folded names; entries found by (type, actor) and (type, target).
    struct Open {
        entry: TimelineEntry,
        range: Option<(Date, Date)>,
        actors: Vec<String>,
        targets: Vec<String>,
    }
    let mut out: Vec<Open> = Vec::new();
    let mut index: HashMap<(EventType, bool, String), Vec<usize>> = HashMap::new();
    let mut cited: HashSet<(usize, usize, usize)> = HashSet::new();
    for &d in docs {
        for e in events(d) {
            let range = e.time.as_deref().and_then(days);
            let time = range.and(e.time.as_deref());
            let actors: Vec<String> = e.actors.iter().map(|a| fold(a)).collect();
            let targets: Vec<String> = e.targets.iter().map(|a| fold(a)).collect();
            // The same event: same kind, an actor in common and no targets
            // apart (or, with no actors, a target in common), times that
            // overlap or are unknown.
            let by_target = actors.is_empty();
            let mut cands: Vec<usize> = (if by_target { &targets } else { &actors })
                .iter()
                .filter_map(|k| index.get(&(e.kind, by_target, k.clone())))
                .flatten()
                .copied()
                .collect();
            cands.sort_unstable();
            cands.dedup();
            let same = cands.into_iter().find(|&i| {
                let o = &out[i];
                let overlap = match (o.range, range) {
                    (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
                    _ => true,
                };
                overlap
                    && if by_target {
                        o.actors.is_empty() && shares(&o.targets, &targets)
                    } else {
                        shares(&o.actors, &actors)
                            && (o.targets.is_empty()
                                || targets.is_empty()
                                || shares(&o.targets, &targets))
                    }
            });
            let at = if let Some(i) = same {
                i
            } else {
                out.push(Open {
                    entry: TimelineEntry {
                        kind: e.kind,
                        time: time.map(str::to_owned),
                        actors: e.actors.iter().map(ToString::to_string).collect(),
                        targets: Vec::new(),
                        place: None,
                        modality: e.modality,
                        sources: Vec::new(),
                    },
                    range,
                    actors: actors.clone(),
                    targets: Vec::new(),
                });
                for k in &actors {
                    index
                        .entry((e.kind, false, k.clone()))
                        .or_default()
                        .push(out.len() - 1);
                }
                out.len() - 1
            };
            let o = &mut out[at];
            if cited.insert((at, d, e.span.start)) {
                o.entry.sources.push(TimelineSource {
                    doc: d,
                    span: e.span,
                    chars: e.chars,
                    trigger: e.trigger.to_string(),
                });
            }
            // The narrower time wins ("2023-10-18" over "2023-W42").
            if let Some(b) = range {
                if o.range
                    .is_none_or(|a| b.1.duration_since(b.0) < a.1.duration_since(a.0))
                {
                    o.range = Some(b);
                    o.entry.time = time.map(str::to_owned);
                }
            }
            if o.entry.place.is_none() {
                o.entry.place = e.place.as_deref().map(str::to_owned);
            }
            for (x, k) in e.targets.iter().zip(&targets) {
                if !o.targets.contains(k) {
                    o.targets.push(k.clone());
                    o.entry.targets.push(x.to_string());
                    if o.actors.is_empty() {
                        index.entry((e.kind, true, k.clone())).or_default().push(at);
                    }
                }
            }
        }
    }
    let mut out: Vec<(TimelineEntry, Option<(Date, Date)>)> =
        out.into_iter().map(|o| (o.entry, o.range)).collect();
    // Dated entries by their first day (a longer span first), then the
    // undated in the order they were reported (the sort is stable).
    out.sort_by(|(_, a), (_, b)| match (a, b) {
        (Some(x), Some(y)) => x.0.cmp(&y.0).then(y.1.cmp(&x.1)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    out.into_iter().map(|(t, _)| t).collect()
}
