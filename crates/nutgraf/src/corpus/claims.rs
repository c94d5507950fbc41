//! Numeric claims and the conflicts between them.
//!
//! A claim is a figure of a document ([`Quantity`](crate::Quantity): money,
//! a percentage, a count, a measure) with what it measures, whose it is and
//! when: "Trade between the two countries reached record levels in 2022,
//! amounting to approximately $190 million" claims that the *trade* of
//! *Russia and China* in *2022* was about 190 million US dollars.
//!
//! What is measured comes from the dependency tree of the figure's sentence
//! (the document's words when it was parsed with the syntax stage; otherwise
//! the sentence alone is tagged and parsed here): the noun the figure
//! modifies ("trade worth $190 million"), or the subject of the clause the
//! figure is an object or oblique of, through coordinated, participial and
//! infinitive clauses ("trade ... has exploded and reached $240 billion";
//! "trade reached record levels, amounting to $190 million"); a generic noun
//! with an "of" phrase gives the phrase ("the value of exports"); a noun with a
//! demonstrative ("this figure") points back and makes no claim; a named or
//! pronoun subject gives the verb ("Russia exported $5 billion": export).
//! Whose it is: the names inside the measure's phrase ("between China and
//! Russia", "between the two countries" as the document resolved it), or else
//! the names of the sentence. When: the year or month named nearest the
//! figure in its sentence.

use crate::lexicon::WordSet;
use crate::segment::{tokens, Token};
use crate::syntax::words::split_token;
use crate::syntax::{Syntax, Upos};
use crate::{CharOffsets, Document, QuantityKind, Span};

/// Nouns of amount whose "of" phrase says what is measured ("the value of
/// exports"): `data/lexicons/corpus_generic_measures.txt`.
static GENERIC_MEASURES: WordSet = crate::lexicon::word_set!("corpus_generic_measures.txt");

/// Verbs that state the level of what their subject names ("trade reached
/// $240 billion", "sales fell to $2 million"):
/// `data/lexicons/corpus_amount_verbs.txt`.
static AMOUNT_VERBS: WordSet = crate::lexicon::word_set!("corpus_amount_verbs.txt");

/// A figure of a document with what it measures.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Claim {
    /// The document (its index in the corpus).
    pub doc: usize,
    /// The figure in the document's original input (bytes).
    pub span: Span,
    /// The same in characters (code points).
    pub chars: (usize, usize),
    /// The figure's text ("approximately $190 million").
    pub text: String,
    /// What it measures: a lemma, with the nouns before it ("trade", "oil
    /// export").
    pub measure: String,
    /// Whose it is: the names of the measure's phrase, or of the sentence.
    pub subjects: Vec<String>,
    /// When: a TIMEX3 year or month ("2022", "2023-05"), if the sentence names one.
    pub period: Option<String>,
    /// What kind of claim it is: a figure (money, a percentage, a count, a
    /// measure) or the date of an event.
    pub kind: ClaimKind,
    /// The value (the low end of a range); for a date, its day counted from
    /// 1970-01-01 (so two dates' values differ by the days between them).
    pub value: f64,
    /// The high end of a range.
    pub value_max: Option<f64>,
    /// The unit: an ISO currency code, "%", a counted noun, a unit symbol.
    pub unit: Option<String>,
    /// Said to be approximate ("about", "nearly").
    pub approximate: bool,
    /// A bound rather than a value ("more than", "up to").
    pub bounded: bool,
    /// The document's most named people, places and organizations: whose the
    /// figure is when `subjects` is empty.
    pub context: Vec<String>,
}

/// What a [`Claim`] states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ClaimKind {
    /// A figure: "approximately $190 million". Its `measure` is what it
    /// measures ("trade"), its `period` the year or month it is for.
    Figure(QuantityKind),
    /// The day of an event: "on Wednesday" in "Putin will meet Xi on
    /// Wednesday". Its `measure` is the event's type ("MEET"), its `subjects`
    /// the event's actors then its targets, its `period` the day
    /// ("2023-10-18"), its `text` and span the time expression's.
    Date,
}

impl ClaimKind {
    /// "money", "percent", "count", "quantity"... for a figure; "date".
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figure(k) => k.as_str(),
            ClaimKind::Date => "date",
        }
    }
}

/// A word of a sentence with the syntax claims need.
struct W<'a> {
    span: Span,
    upos: Upos,
    lemma: &'a str,
    head: Option<usize>,
    deprel: &'a str,
}

/// Reused buffers.
#[derive(Debug, Default)]
pub(crate) struct ClaimScratch {
    toks: Vec<Token>,
    spans: Vec<Span>,
}

/// The claims of document `index`.
pub(crate) fn of(doc: &Document, index: usize, sc: &mut ClaimScratch) -> Vec<Claim> {
    let mut out = Vec::new();
    if doc.quantities.is_empty() {
        return out;
    }
    let chars = CharOffsets::new(&doc.text);
    let syntax = Syntax::global();
    let context = main_names(doc);
    let mut analyzed = Vec::new();
    // Figures, times and names by position: each sentence takes its own by
    // binary search (linear in the document, not sentences times figures).
    let mut figures: Vec<&crate::Quantity> = doc
        .quantities
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuantityKind::Money
                    | QuantityKind::Percent
                    | QuantityKind::Count
                    | QuantityKind::Quantity
            ) && q.value.is_finite()
        })
        .collect();
    figures.sort_by_key(|q| q.span.start);
    let mut times: Vec<&crate::TimeExpression> = doc.times.iter().collect();
    times.sort_by_key(|t| t.span.start);
    let mut names: Vec<(Span, &str)> = Vec::new();
    for e in &doc.entities {
        if matches!(
            e.label,
            crate::EntityLabel::Person
                | crate::EntityLabel::Org
                | crate::EntityLabel::Gpe
                | crate::EntityLabel::Loc
        ) {
            let spans = e
                .mentions
                .iter()
                .filter_map(|&m| doc.mentions.get(m).map(|m| m.span))
                .chain(e.references.iter().copied());
            names.extend(spans.map(|sp| (sp, e.name.as_str())));
        }
    }
    names.sort_by_key(|n| n.0.start);
    for s in &doc.sentences {
        let first = figures.partition_point(|q| q.span.start < s.span.start);
        let qs: Vec<&crate::Quantity> = figures[first..]
            .iter()
            .take_while(|q| q.span.start < s.span.end)
            .filter(|q| q.span.end <= s.span.end)
            .copied()
            .collect();
        if qs.is_empty() {
            continue;
        }
        // The sentence's words: the document's, or tagged and parsed here.
        let words: Vec<W> = if s.words.is_empty() {
            // Words as the syntax stage cuts them ("$" "5", "Putin" "'s").
            sc.toks.clear();
            tokens(&doc.text, s.span, &mut sc.toks);
            sc.spans.clear();
            for t in &sc.toks {
                split_token(&doc.text, t, &mut sc.spans);
            }
            if sc.spans.is_empty() || sc.spans.len() > 200 {
                continue;
            }
            let texts: Vec<&str> = sc.spans.iter().map(|t| t.slice(&doc.text)).collect();
            syntax.analyze(&texts, &mut analyzed);
            sc.spans
                .iter()
                .zip(&analyzed)
                .map(|(&span, a)| W {
                    span,
                    upos: a.upos,
                    lemma: &a.lemma,
                    head: a.head,
                    deprel: a.deprel,
                })
                .collect()
        } else {
            doc.sentence_words(s)
                .iter()
                .map(|w| W {
                    span: w.span,
                    upos: w.upos,
                    lemma: &w.lemma,
                    head: w.head,
                    deprel: w.deprel,
                })
                .collect()
        };
        // A head out of the sentence (words edited by the caller) is none.
        let mut words = words;
        let n = words.len();
        for w in &mut words {
            w.head = w.head.filter(|&h| h < n);
        }
        for q in qs {
            let found = if q.kind == QuantityKind::Count {
                count_measure(&words, q.span)
            } else {
                measure_of(&words, q.span)
            };
            let Some((measure, phrase)) = found else {
                continue;
            };
            let from = names.partition_point(|n| n.0.start < s.span.start);
            let here: Vec<(Span, &str)> = names[from..]
                .iter()
                .take_while(|n| n.0.start < s.span.end)
                .filter(|n| n.0.end <= s.span.end)
                .copied()
                .collect();
            let mut subjects = names_in(&here, phrase);
            if subjects.is_empty() {
                subjects = names_in(&here, s.span);
            }
            out.push(Claim {
                context: context.clone(),
                doc: index,
                span: q.span,
                chars: chars.span(q.span),
                text: doc.slice(q.span).to_owned(),
                measure,
                subjects,
                period: period_near(&times, s.span, q.span),
                kind: ClaimKind::Figure(q.kind),
                value: q.value,
                value_max: q.value_max,
                unit: q.unit.as_deref().map(str::to_owned),
                approximate: q.approximate,
                bounded: q.bound.is_some(),
            });
        }
    }
    out
}

/// What a count measures: the counted noun, with the verb it is the subject
/// or object of ("killed 24 people": kill people); none for a count with a
/// determiner, which refers back ("the two countries").
fn count_measure(words: &[W], q: Span) -> Option<(String, Span)> {
    let inside = |w: &W| q.start <= w.span.start && w.span.end <= q.end;
    let top = (0..words.len())
        .find(|&i| inside(&words[i]) && words[i].head.is_none_or(|h| !inside(&words[h])))?;
    if words[top].upos != Upos::Noun
        || children(words, top).any(|c| matches!(words[c].deprel, "det" | "nmod:poss"))
    {
        return None;
    }
    let noun = words[top].lemma.to_lowercase();
    let verb = words[top]
        .head
        .filter(|&h| {
            words[h].upos == Upos::Verb
                && (is_subject(words[top].deprel) || words[top].deprel == "obj")
        })
        .map(|h| words[h].lemma.to_lowercase());
    let measure = match verb {
        Some(v) => format!("{v} {noun}"),
        None => noun,
    };
    Some((measure, subtree_span(words, top)))
}

/// The three people, places or organizations a document names most.
fn main_names(doc: &Document) -> Vec<String> {
    let mut names: Vec<(usize, &str)> = doc
        .entities
        .iter()
        .filter(|e| {
            matches!(
                e.label,
                crate::EntityLabel::Person
                    | crate::EntityLabel::Org
                    | crate::EntityLabel::Gpe
                    | crate::EntityLabel::Loc
            )
        })
        .map(|e| (e.mentions.len(), e.name.as_str()))
        .collect();
    names.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    names.into_iter().take(3).map(|n| n.1.to_owned()).collect()
}

/// The children of word `i`.
fn children<'w>(words: &'w [W<'w>], i: usize) -> impl Iterator<Item = usize> + 'w {
    words
        .iter()
        .enumerate()
        .filter(move |(_, w)| w.head == Some(i))
        .map(|(k, _)| k)
}

fn is_subject(deprel: &str) -> bool {
    deprel == "nsubj" || deprel == "nsubj:pass" || deprel == "csubj"
}

/// What the figure at `q` measures, and the span of the measure's phrase.
fn measure_of(words: &[W], q: Span) -> Option<(String, Span)> {
    let inside = |w: &W| q.start <= w.span.start && w.span.end <= q.end;
    // The figure's top word: inside the figure, its head outside it.
    let top = (0..words.len())
        .find(|&i| inside(&words[i]) && words[i].head.is_none_or(|h| !inside(&words[h])))?;
    // The figure as a predicate with a subject of its own ("growth was
    // -0.3%"): the subject is what is measured.
    if let Some(subj) = children(words, top).find(|&c| is_subject(words[c].deprel)) {
        return (words[subj].upos == Upos::Noun)
            .then(|| noun_measure(words, subj))
            .flatten();
    }
    let mut at = top;
    // Up through what governs the figure: a preposition's or an adjective's
    // head ("worth $190 million", "to $190 million").
    for _ in 0..6 {
        let h = words[at].head?;
        let w = &words[h];
        match w.upos {
            Upos::Noun if !inside(w) => return noun_measure(words, h),
            Upos::Verb | Upos::Aux => return clause_measure(words, h, at),
            Upos::Adj | Upos::Adp | Upos::Sym | Upos::Num | Upos::Adv => at = h,
            _ => return None,
        }
    }
    None
}

/// The measure of a clause whose verb `v` has the figure (through its word
/// `at`) as a dependent: the subject of a verb of level, through the clauses
/// it belongs to; the verb's other object; or the verb itself when the figure
/// is its object.
fn clause_measure(words: &[W], v: usize, at: usize) -> Option<(String, Span)> {
    let rel = words[at].deprel;
    let mut verb = v;
    for _ in 0..5 {
        if let Some(s) = children(words, verb).find(|&c| is_subject(words[c].deprel)) {
            // A verb of level ("trade reached $240 billion", "growth was 2%"):
            // the subject is what is measured. Any other verb is the measure
            // and its subject whose ("the company earned $5 million": earn).
            if AMOUNT_VERBS.contains(words[v].lemma) && words[s].upos == Upos::Noun {
                return noun_measure(words, s);
            }
            // What the verb acts on, when that is not the figure, is what the
            // figure measures ("raised prices to $5": price; "raising this
            // figure to $200 million" points back: none).
            if let Some(o) = children(words, v).find(|&c| c != at && words[c].deprel == "obj") {
                return (words[o].upos == Upos::Noun)
                    .then(|| noun_measure(words, o))
                    .flatten();
            }
            let agent = matches!(words[s].upos, Upos::Noun | Upos::Propn | Upos::Pron);
            return (agent && rel == "obj" && words[v].upos == Upos::Verb)
                .then(|| (words[v].lemma.to_lowercase(), subtree_span(words, s)));
        }
        let w = &words[verb];
        match (w.deprel, w.head) {
            // A participle or clause hanging from a noun: the noun ("trade
            // amounting to", and the same when the parser made the clause a
            // conjunct of the noun).
            ("acl" | "acl:relcl" | "conj" | "advcl", Some(h)) if words[h].upos == Upos::Noun => {
                return noun_measure(words, h)
            }
            ("conj" | "xcomp" | "advcl", Some(h)) => verb = h,
            _ => return None,
        }
    }
    None
}

/// The measure a noun names: its lemma with the nouns before it that modify
/// it, or for a generic noun with an "of" phrase ("the value of exports"),
/// the phrase's; none for a noun with a demonstrative ("this figure").
fn noun_measure(words: &[W], n: usize) -> Option<(String, Span)> {
    let kids: Vec<usize> = children(words, n).collect();
    if kids.iter().any(|&c| {
        words[c].deprel == "det" && matches!(words[c].lemma, "this" | "that" | "these" | "those")
    }) {
        return None;
    }
    if let Some(&of) = kids.iter().find(|&&c| {
        words[c].deprel == "nmod"
            && words[c].upos == Upos::Noun
            && children(words, c).any(|g| words[g].lemma == "of")
    }) {
        if GENERIC_MEASURES.contains(words[n].lemma) {
            return noun_measure(words, of);
        }
    }
    let mut name = String::new();
    for &c in &kids {
        if c < n && words[c].deprel == "compound" && words[c].upos == Upos::Noun {
            name.push_str(&words[c].lemma.to_lowercase());
            name.push(' ');
        }
    }
    name.push_str(&words[n].lemma.to_lowercase());
    Some((name, subtree_span(words, n)))
}

/// The span of the words under `n`, `n` included.
fn subtree_span(words: &[W], n: usize) -> Span {
    let mut span = words[n].span;
    for (i, w) in words.iter().enumerate() {
        let mut at = i;
        for _ in 0..words.len().min(64) {
            if at == n {
                span.start = span.start.min(w.span.start);
                span.end = span.end.max(w.span.end);
                break;
            }
            match words[at].head {
                Some(h) => at = h,
                None => break,
            }
        }
    }
    span
}

/// The names of entities named or referred to by role inside `span`, of the
/// sentence's `names` (not through pronouns: a wrong resolution would make a
/// figure someone else's), each once.
fn names_in(names: &[(Span, &str)], span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(sp, name) in names {
        if span.start <= sp.start && sp.end <= span.end && !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    }
    out
}

/// The year or month named nearest the figure in its sentence.
fn period_near(times: &[&crate::TimeExpression], sentence: Span, q: Span) -> Option<String> {
    let first = times.partition_point(|t| t.span.start < sentence.start);
    times[first..]
        .iter()
        .take_while(|t| t.span.start < sentence.end)
        .filter(|t| t.span.end <= sentence.end)
        .filter_map(|t| {
            let v = t.value.as_deref()?;
            let b = v.as_bytes();
            let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
            let ok = year && (b.len() == 4 || (b.len() == 7 && b[4] == b'-'));
            ok.then(|| {
                let d = if t.span.end <= q.start {
                    q.start - t.span.end
                } else {
                    t.span.start.saturating_sub(q.end)
                };
                (d, v.to_owned())
            })
        })
        .min_by_key(|x| x.0)
        .map(|x| x.1)
}

/// Two claims that cannot both be right.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Conflict {
    /// How they disagree.
    pub kind: ConflictKind,
    /// The two claims: the earlier document's first.
    pub claims: [Claim; 2],
    /// Why, in words.
    pub reason: String,
}

/// How two claims disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConflictKind {
    /// The same measure of the same subjects for the same period, values
    /// apart by more than their approximation allows.
    Value,
    /// The same amount of money or measure of the same subjects for adjacent
    /// years, values a hundred times or more apart: one of them likely
    /// slipped a magnitude (million for billion).
    Magnitude,
    /// One event of a story (same type, an actor in common, no targets or
    /// places apart) dated on different days, up to a week apart, by
    /// different documents, none of which dates it on both days (see
    /// [`Corpus::conflicts`](super::Corpus::conflicts)).
    Date,
}

impl ConflictKind {
    /// "value", "magnitude" or "date".
    pub const fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Value => "value",
            ConflictKind::Magnitude => "magnitude",
            ConflictKind::Date => "date",
        }
    }
}

/// The share two values of one measure may differ by: 10% when either is
/// said to be approximate, 2% otherwise (rounding).
fn tolerance(a: &Claim, b: &Claim) -> f64 {
    if a.approximate || b.approximate {
        0.10
    } else {
        0.02
    }
}

/// The year of a period.
fn year(p: &str) -> Option<i32> {
    p.get(..4)?.parse().ok()
}

/// Whether two claims are of one measure of the same subjects: the subjects
/// of one are all among the other's (neither empty), or, when either has
/// none, their documents' main names share two.
pub(crate) fn comparable(a: &Claim, b: &Claim) -> bool {
    let shared = |x: &[String], y: &[String]| x.iter().filter(|s| y.contains(s)).count();
    let within = |x: &[String], y: &[String]| x.iter().all(|s| y.contains(s));
    a.doc != b.doc
        && a.kind == b.kind
        && a.measure == b.measure
        && a.unit == b.unit
        && if a.subjects.is_empty() || b.subjects.is_empty() {
            shared(&a.context, &b.context) >= 2
        } else {
            within(&a.subjects, &b.subjects) || within(&b.subjects, &a.subjects)
        }
}

/// Whose the figures of two comparable claims are, in words.
fn whose(a: &Claim, b: &Claim) -> String {
    let shared: Vec<&str> = if a.subjects.is_empty() || b.subjects.is_empty() {
        a.context
            .iter()
            .filter(|s| b.context.contains(s))
            .map(String::as_str)
            .collect()
    } else {
        a.subjects
            .iter()
            .filter(|s| b.subjects.contains(s))
            .map(String::as_str)
            .collect()
    };
    shared.join(", ")
}

/// The conflict between two claims, if they conflict.
pub(crate) fn conflict(a: &Claim, b: &Claim) -> Option<Conflict> {
    if !comparable(a, b) || a.bounded || b.bounded {
        return None;
    }
    let (pa, pb) = (a.period.as_deref()?, b.period.as_deref()?);
    let lo = |c: &Claim| c.value;
    let hi = |c: &Claim| c.value_max.unwrap_or(c.value);
    if pa == pb {
        let tol = tolerance(a, b);
        // The gap between the two values (or ranges), against the larger.
        let gap = (lo(a) - hi(b)).max(lo(b) - hi(a)).max(0.0);
        let scale = [lo(a), hi(a), lo(b), hi(b)]
            .iter()
            .fold(0f64, |m, v| m.max(v.abs()));
        let apart = gap > tol * scale;
        return apart.then(|| Conflict {
            kind: ConflictKind::Value,
            reason: format!(
                "{} of {} in {pa}: {:?} against {:?} (more than {:.0}% apart)",
                a.measure,
                whose(a, b),
                a.text,
                b.text,
                tol * 100.0
            ),
            claims: [a.clone(), b.clone()],
        });
    }
    // A slip of magnitude is a level's (money, a measure), not a rate's or
    // a count's, which may well grow a hundredfold in a year.
    if !matches!(
        a.kind,
        ClaimKind::Figure(QuantityKind::Money | QuantityKind::Quantity)
    ) {
        return None;
    }
    let (ya, yb) = (year(pa)?, year(pb)?);
    if pa.len() != 4 || pb.len() != 4 || (ya - yb).abs() != 1 || a.value <= 0.0 || b.value <= 0.0 {
        return None;
    }
    let ratio = a.value.max(b.value) / a.value.min(b.value);
    (ratio >= 100.0).then(|| Conflict {
        kind: ConflictKind::Magnitude,
        reason: format!(
            "{} of {}: {:?} in {pa} against {:?} in {pb}, {ratio:.0} times apart in a year",
            a.measure,
            whose(a, b),
            a.text,
            b.text
        ),
        claims: [a.clone(), b.clone()],
    })
}
