//! The timeline of a story: its events across sources, in time order, the
//! same event reported by several sources merged.

use crate::event::{EventType, Modality, Participant, Polarity};
use jiff::civil::{Date, ISOWeekDate, Weekday};

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

/// The days a TIMEX3 value of the calendar covers: a day ("2023-10-18"), an
/// ISO week ("2023-W42"), a month ("2023-10") or a year ("2023"); `None` for
/// anything else (a weekday without a date, `PAST_REF`, a time of day).
fn days(value: &str) -> Option<(Date, Date)> {
    let num = |s: &str| -> Option<i16> {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let mut parts = value.split('-');
    let year = num(parts.next()?)?;
    match (parts.next(), parts.next(), parts.next()) {
        (None, ..) => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        (Some(w), None, None) if w.starts_with('W') => {
            let week = num(w.get(1..)?)? as i8;
            let monday = ISOWeekDate::new(year, week, Weekday::Monday).ok()?.date();
            Some((monday, monday.checked_add(jiff::Span::new().days(6)).ok()?))
        }
        (Some(m), None, None) => {
            let first = Date::new(year, num(m)? as i8, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        (Some(m), Some(d), None) if d.len() == 2 => {
            let day = Date::new(year, num(m)? as i8, num(d)? as i8).ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Whether two lists of names share one.
fn shares(a: &[String], b: &[Box<str>]) -> bool {
    a.iter().any(|x| b.iter().any(|y| **y == **x))
}

/// The timeline of the documents `docs` (indices, in the order they were
/// added) whose events are `events(doc)`.
pub(crate) fn build<'a>(
    docs: &[usize],
    events: impl Fn(usize) -> &'a [DocEvent],
) -> Vec<TimelineEntry> {
    // Each entry with the days its time covers.
    let mut out: Vec<(TimelineEntry, Option<(Date, Date)>)> = Vec::new();
    for &d in docs {
        for e in events(d) {
            let range = e.time.as_deref().and_then(days);
            let time = range.and(e.time.as_deref());
            let source = TimelineSource {
                doc: d,
                span: e.span,
                chars: e.chars,
                trigger: e.trigger.to_string(),
            };
            // The same event: same kind, an actor in common and no targets
            // apart (or, with no actors, a target in common), times that
            // overlap or are unknown.
            let same = out.iter_mut().find(|(t, r)| {
                t.kind == e.kind
                    && match (r, range) {
                        (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
                        _ => true,
                    }
                    && if t.actors.is_empty() && e.actors.is_empty() {
                        shares(&t.targets, &e.targets)
                    } else {
                        shares(&t.actors, &e.actors)
                            && (t.targets.is_empty()
                                || e.targets.is_empty()
                                || shares(&t.targets, &e.targets))
                    }
            });
            match same {
                Some((t, r)) => {
                    if !t.sources.iter().any(|s| s.doc == d && s.span == e.span) {
                        t.sources.push(source);
                    }
                    // The narrower time wins ("2023-10-18" over "2023-W42").
                    if let Some(b) = range {
                        if r.is_none_or(|a| b.1.duration_since(b.0) < a.1.duration_since(a.0)) {
                            *r = Some(b);
                            t.time = time.map(str::to_owned);
                        }
                    }
                    if t.place.is_none() {
                        t.place = e.place.as_deref().map(str::to_owned);
                    }
                    for x in &e.targets {
                        if !t.targets.iter().any(|y| **y == **x) {
                            t.targets.push(x.to_string());
                        }
                    }
                }
                None => out.push((
                    TimelineEntry {
                        kind: e.kind,
                        time: time.map(str::to_owned),
                        actors: e.actors.iter().map(ToString::to_string).collect(),
                        targets: e.targets.iter().map(ToString::to_string).collect(),
                        place: e.place.as_deref().map(str::to_owned),
                        modality: e.modality,
                        sources: vec![source],
                    },
                    range,
                )),
            }
        }
    }
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
