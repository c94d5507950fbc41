//! The timeline of a story: its events across sources, in time order, the
//! same event reported by several sources merged.

use crate::event::{EventType, Modality, Participant, Polarity};
use std::collections::{HashMap, HashSet};

use jiff::civil::{Date, ISOWeekDate, Weekday};

use super::claims::{Claim, ClaimKind, Conflict, ConflictKind};
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
    /// The time expression that dates it: span, characters, text.
    when: Option<(Span, (usize, usize), Box<str>)>,
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
            + self.when.as_ref().map_or(0, |w| w.2.len())
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
            let timex = e.time.and_then(|t| doc.times.get(t));
            let mut actors: Vec<Box<str>> = e.actors.iter().map(|p| name(doc, p)).collect();
            actors.dedup();
            let mut targets: Vec<Box<str>> = e.targets.iter().map(|p| name(doc, p)).collect();
            targets.dedup();
            DocEvent {
                kind: e.kind,
                time: timex.and_then(|t| t.value.as_deref()).map(Into::into),
                when: timex.map(|t| (t.span, chars.span(t.span), doc.slice(t.span).into())),
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

/// How far apart two days given for one event may be for the difference to be
/// a disagreement rather than two happenings (a meeting in March and another
/// in October): a week.
const MAX_DATE_GAP_DAYS: i32 = 7;

/// Distinct days compared within one group of events (bounds the pairs).
const MAX_DAYS_PER_GROUP: usize = 16;

/// A dated event of a story, for [`date_conflicts`].
struct Dated<'a> {
    doc: usize,
    event: &'a DocEvent,
    day: Date,
    targets: Vec<String>,
    place: Option<String>,
}

/// Whether two events' targets and places do not tell them apart.
fn compatible(a: &Dated, b: &Dated) -> bool {
    (a.targets.is_empty() || b.targets.is_empty() || shares(&a.targets, &b.targets))
        && match (&a.place, &b.place) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

/// The days a document's time expressions name (each a single day), sorted:
/// what [`date_conflicts`] checks a disagreement against.
pub(crate) fn named_days(doc: &crate::Document) -> Box<[Date]> {
    let mut out: Vec<Date> = doc
        .times
        .iter()
        .filter_map(|t| days(t.value.as_deref()?))
        .filter(|(lo, hi)| lo == hi)
        .map(|(lo, _)| lo)
        .collect();
    out.sort_unstable();
    out.dedup();
    out.into_boxed_slice()
}

/// The date claim of a dated event.
fn date_claim(d: &Dated) -> Option<Claim> {
    let (span, chars, text) = d.event.when.as_ref()?;
    let epoch = Date::constant(1970, 1, 1);
    Some(Claim {
        doc: d.doc,
        span: *span,
        chars: *chars,
        text: text.to_string(),
        measure: d.event.kind.as_str().to_owned(),
        subjects: d
            .event
            .actors
            .iter()
            .chain(&d.event.targets)
            .map(ToString::to_string)
            .collect(),
        period: Some(d.day.to_string()),
        kind: ClaimKind::Date,
        value: f64::from(d.day.since(epoch).ok()?.get_days()),
        value_max: None,
        unit: None,
        approximate: false,
        bounded: false,
        context: Vec::new(),
    })
}

/// Conflicts between the days the documents `docs` of one story (in the order
/// they were added) give one event, appended to `out`; `events(doc)` gives a
/// document's events and the days it names ([`named_days`]).
///
/// Events are grouped by type and actor (folded names; by target for events
/// with no actor, "Tina Marlowe died"). Within a group, two
/// days up to [`MAX_DATE_GAP_DAYS`] apart conflict when no document giving
/// one names the other anywhere (a source that knows both days may report two
/// happenings, "met on Tuesday and again on Wednesday", or a plan and its
/// outcome) and an event of each day agrees with the other in targets and
/// place. Only events dated to a day by a time expression of their own
/// sentence count. One conflict per type and pair of days and per pair of
/// time expressions (a sentence with two triggers, "met ... for talks",
/// gives one), its claims the first report of each day.
pub(crate) fn date_conflicts<'a>(
    docs: &[usize],
    events: impl Fn(usize) -> (&'a [DocEvent], &'a [Date]),
    out: &mut Vec<Conflict>,
) {
    let mut dated: Vec<Dated<'a>> = Vec::new();
    let mut groups: HashMap<(EventType, bool, String), Vec<usize>> = HashMap::new();
    let mut order: Vec<(EventType, bool, String)> = Vec::new();
    for &d in docs {
        for e in events(d).0 {
            let Some((lo, hi)) = e.time.as_deref().and_then(days) else {
                continue;
            };
            if lo != hi || e.when.is_none() || (e.actors.is_empty() && e.targets.is_empty()) {
                continue;
            }
            let at = dated.len();
            dated.push(Dated {
                doc: d,
                event: e,
                day: lo,
                targets: e.targets.iter().map(|t| fold(t)).collect(),
                place: e.place.as_deref().map(fold),
            });
            // By actor; with no actor ("Tina Marlowe died"), by target.
            let by_target = e.actors.is_empty();
            let mut seen: Vec<String> = Vec::new();
            for a in if by_target { &e.targets } else { &e.actors } {
                let key = fold(a);
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key.clone());
                let list = groups.entry((e.kind, by_target, key.clone())).or_default();
                if list.is_empty() {
                    order.push((e.kind, by_target, key));
                }
                list.push(at);
            }
        }
    }
    let mut reported: HashSet<(EventType, Date, Date)> = HashSet::new();
    let mut cited: HashSet<(usize, usize, usize, usize)> = HashSet::new();
    // Whether a document giving one day names the other anywhere.
    let names = |reports: &[usize], day: Date| {
        reports
            .iter()
            .any(|&i| events(dated[i].doc).1.binary_search(&day).is_ok())
    };
    for key in &order {
        let list = &groups[key];
        // The group's days, each with its reports (in document order).
        let mut by_day: Vec<(Date, Vec<usize>)> = Vec::new();
        for &i in list {
            if let Some(at) = by_day.iter().position(|(day, _)| *day == dated[i].day) {
                by_day[at].1.push(i);
            } else if by_day.len() < MAX_DAYS_PER_GROUP {
                by_day.push((dated[i].day, vec![i]));
            }
        }
        for x in 0..by_day.len() {
            for y in x + 1..by_day.len() {
                let ((dx, rx), (dy, ry)) = (&by_day[x], &by_day[y]);
                let gap = (*dx - *dy).get_days().abs();
                if gap > MAX_DATE_GAP_DAYS || names(rx, *dy) || names(ry, *dx) {
                    continue;
                }
                let (lo, hi) = if dx < dy { (*dx, *dy) } else { (*dy, *dx) };
                if reported.contains(&(key.0, lo, hi)) {
                    continue;
                }
                // The first reports of each day that agree (a few of each).
                let pair = rx.iter().take(8).find_map(|&i| {
                    ry.iter()
                        .take(8)
                        .find(|&&j| compatible(&dated[i], &dated[j]))
                        .map(|&j| (i, j))
                });
                let Some((i, j)) = pair else {
                    continue;
                };
                // The earlier document's claim first.
                let (first, second, n_first, n_second) = if dated[i].doc <= dated[j].doc {
                    (i, j, rx.len(), ry.len())
                } else {
                    (j, i, ry.len(), rx.len())
                };
                let (Some(one), Some(other)) =
                    (date_claim(&dated[first]), date_claim(&dated[second]))
                else {
                    continue;
                };
                if !cited.insert((one.doc, one.span.start, other.doc, other.span.start)) {
                    continue;
                }
                let reports = |n: usize| match n {
                    1 => "1 report".to_owned(),
                    n => format!("{n} reports"),
                };
                let reason = format!(
                    "{} of {}: {:?} ({}, {}) against {:?} ({}, {}), {gap} day{} apart",
                    key.0.as_str(),
                    one.subjects.join(", "),
                    one.text,
                    dated[first].day,
                    reports(n_first),
                    other.text,
                    dated[second].day,
                    reports(n_second),
                    if gap == 1 { "" } else { "s" },
                );
                reported.insert((key.0, lo, hi));
                out.push(Conflict {
                    kind: ConflictKind::Date,
                    claims: [one, other],
                    reason,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::{ClaimKind, ConflictKind, Corpus};

    fn doc(text: &str, published: &str) -> crate::Document {
        let meta = crate::Meta::new().with_published_str(published).unwrap();
        crate::parse(text, &meta).unwrap()
    }

    const SUMMIT: &str = "British Prime Minister Rishi Sunak met French President Emmanuel Macron in Paris {when} for talks on migration across the Channel. The two leaders agreed a new deal on small boats, officials in London and Paris said.";

    fn corpus(whens: &[(&str, &str)]) -> Corpus {
        let mut c = Corpus::new();
        for (i, (when, published)) in whens.iter().enumerate() {
            let text = SUMMIT.replace("{when}", when);
            c.add(i.to_string(), &doc(&text, published)).unwrap();
        }
        assert_eq!(c.stories().len(), 1, "{:#?}", c.stories());
        c
    }

    fn dates(c: &Corpus) -> Vec<crate::corpus::Conflict> {
        c.conflicts()
            .into_iter()
            .filter(|k| k.kind == ConflictKind::Date)
            .collect()
    }

    #[test]
    fn one_event_on_two_days_is_a_date_conflict() {
        // Friday 10 March against Thursday 9 March 2023.
        let c = corpus(&[
            ("on Friday", "2023-03-11"),
            ("on Friday", "2023-03-11"),
            ("on Thursday", "2023-03-11"),
        ]);
        let found = dates(&c);
        assert_eq!(found.len(), 1, "{found:#?}");
        let [a, b] = &found[0].claims;
        assert_eq!((a.doc, b.doc), (0, 2));
        assert_eq!((a.text.as_str(), b.text.as_str()), ("Friday", "Thursday"));
        assert_eq!(a.period.as_deref(), Some("2023-03-10"));
        assert_eq!(b.period.as_deref(), Some("2023-03-09"));
        assert_eq!(a.kind, ClaimKind::Date);
        assert_eq!(a.measure, "MEET");
        assert!((a.value - b.value - 1.0).abs() < 1e-9);
        assert!(a.subjects.iter().any(|s| s.contains("Sunak")), "{a:?}");
        assert!(found[0].reason.contains("2 reports"), "{}", found[0].reason);
        // Spans point at the time expressions.
        for (k, published) in [(a, "2023-03-11"), (b, "2023-03-11")] {
            let text = SUMMIT.replace("{when}", &format!("on {}", k.text));
            let d = doc(&text, published);
            assert_eq!(d.slice(k.span), k.text);
        }
    }

    #[test]
    fn days_far_apart_or_a_document_giving_both_are_no_conflict() {
        // Two weeks apart: two meetings, not a disagreement.
        let c = corpus(&[("on Friday", "2023-03-11"), ("on Friday", "2023-03-25")]);
        assert!(dates(&c).is_empty(), "{:#?}", dates(&c));
        // One source gives both days: it reports two meetings.
        let c = corpus(&[
            ("on Friday", "2023-03-11"),
            ("on Thursday and again on Friday", "2023-03-11"),
            ("on Thursday", "2023-03-11"),
        ]);
        assert!(dates(&c).is_empty(), "{:#?}", dates(&c));
        // The same day, or no day, agrees.
        let c = corpus(&[
            ("on Friday", "2023-03-11"),
            ("on 10 March", "2023-03-12"),
            ("", "2023-03-11"),
        ]);
        assert!(dates(&c).is_empty(), "{:#?}", dates(&c));
    }

    #[test]
    fn a_death_dated_on_two_days_conflicts_by_whom_it_is_of() {
        const DEATH: &str = "Country singer Tina Marlowe died {when} at her home in Nashville, her publicist Dan Reyes said. Marlowe, who recorded 40 albums, was 81.";
        let mut c = Corpus::new();
        for (i, (when, published)) in [("on Sunday", "2024-06-10"), ("on Saturday", "2024-06-10")]
            .iter()
            .enumerate()
        {
            let text = DEATH.replace("{when}", when);
            c.add(i.to_string(), &doc(&text, published)).unwrap();
        }
        let found = dates(&c);
        assert_eq!(found.len(), 1, "{found:#?}");
        let [a, b] = &found[0].claims;
        assert_eq!(a.measure, "DIE");
        assert_eq!(a.period.as_deref(), Some("2024-06-09"));
        assert_eq!(b.period.as_deref(), Some("2024-06-08"));
        assert!(a.subjects.iter().any(|s| s == "Tina Marlowe"), "{a:?}");
    }
}
