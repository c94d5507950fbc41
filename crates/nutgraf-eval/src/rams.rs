//! Events on RAMS (`rams/dev.jsonl`: English news windows of five sentences,
//! one annotated event each, AIDA types), scored as the shared evaluation
//! README says.
//!
//! Each text is parsed with layout off and no date. Only one event per window
//! is annotated, so scoring is at the gold trigger: a window is found when an
//! event whose trigger overlaps the gold trigger has a type that fits the gold
//! AIDA type ([`fitting`]); windows of other AIDA types are not scored. For the
//! found windows, the report also says how often an actor of that event
//! overlaps a gold argument.

use std::collections::BTreeMap;

use nutgraf::{CharOffsets, Meta, Options, Parser};
use rayon::prelude::*;
use serde_json::Value;

use crate::jsonl::{self, overlaps, span_of};

/// The nutgraf types that fit an AIDA type, and the name of the rule that
/// matched (`None`: the type is not scored). Rules are tried in order; each
/// matches a prefix of the type, or a last part (`*.purchase`).
pub fn fitting(aida: &str) -> Option<(&'static str, &'static [&'static str])> {
    const RULES: &[(&str, &[&str])] = &[
        ("movement.transportperson.selfmotion", &["VISIT", "TRAVEL"]),
        ("movement.transportperson.n/a", &["VISIT", "TRAVEL"]),
        ("contact.discussion.meet", &["MEET", "TALK"]),
        ("contact.collaborate.meet", &["MEET", "TALK"]),
        ("contact.negotiate", &["TALK", "MEET"]),
        ("contact.discussion", &["TALK", "MEET"]),
        ("contact.collaborate.correspondence", &["TALK"]),
        ("government.agreements.acceptagreement", &["SIGN"]),
        ("government.agreements.n/a", &["SIGN"]),
        ("contact.publicstatementinperson", &["ANNOUNCE"]),
        ("contact.mediastatement", &["ANNOUNCE"]),
        ("*.giftgrantprovideaid", &["SUPPORT"]),
        ("*.embargosanction", &["SANCTION"]),
        ("*.purchase", &["TRADE", "ACQUIRE"]),
        (
            "movement.transportartifact.sendsupplyexport",
            &["TRADE", "SUPPORT"],
        ),
        ("movement.transportartifact.receiveimport", &["TRADE"]),
        ("conflict.attack", &["ATTACK"]),
        ("contact.threatencoerce", &["THREATEN"]),
        ("contact.commandorder", &["DEMAND", "URGE"]),
        ("contact.requestadvise", &["URGE", "DEMAND"]),
        ("conflict.demonstrate", &["PROTEST"]),
        ("personnel.elect", &["ELECT"]),
        ("government.vote.castvote", &["ELECT", "VOTE"]),
        ("personnel.startposition", &["APPOINT"]),
        ("personnel.endposition", &["RESIGN", "DISMISS"]),
        ("justice.arrestjaildetain", &["ARREST"]),
        ("justice.initiatejudicialprocess.chargeindict", &["CHARGE"]),
        (
            "justice.judicialconsequences.convict",
            &["SENTENCE", "CONVICT"],
        ),
        (
            "justice.judicialconsequences.execute",
            &["SENTENCE", "KILL", "DIE"],
        ),
        ("life.die", &["DIE", "KILL"]),
        (
            "life.injure.injurycausedbyviolentevents",
            &["INJURE", "ATTACK"],
        ),
    ];
    RULES
        .iter()
        .copied()
        .find(|(rule, _)| match rule.strip_prefix("*.") {
            Some(last) => aida.rsplit('.').next() == Some(last),
            None => aida.starts_with(rule),
        })
}

/// The figures of one rule (or all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Scored windows.
    pub windows: usize,
    /// Windows with an event of a fitting type at the gold trigger.
    pub found: usize,
    /// Windows with some event at the gold trigger, fitting or not.
    pub any_event: usize,
    /// Found windows where an actor of the event overlaps a gold argument.
    pub actor_right: usize,
    /// Found windows where the event has an actor.
    pub with_actor: usize,
}

impl Counts {
    /// The share of scored windows found.
    pub fn found_share(&self) -> f64 {
        crate::ratio(self.found, self.windows)
    }

    fn add(&mut self, o: &Counts) {
        self.windows += o.windows;
        self.found += o.found;
        self.any_event += o.any_event;
        self.actor_right += o.actor_right;
        self.with_actor += o.with_actor;
    }
}

/// The figures of a file.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Windows read.
    pub documents: usize,
    /// Per rule of [`fitting`].
    pub rules: BTreeMap<&'static str, Counts>,
    /// All scored windows.
    pub all: Counts,
    /// Of the scored windows not found: the types given at the gold trigger
    /// ("-" for no event there), with their counts.
    pub misses: BTreeMap<String, usize>,
    /// Per type nutgraf gave at a gold trigger: how often (given), and how
    /// often it fits the gold type (right): the type's precision where RAMS
    /// can judge it (one annotated event a window).
    pub given: BTreeMap<String, (usize, usize)>,
    /// Each scored window not found, in file order: its AIDA type, the gold
    /// trigger, the type given there ("-" for none) and the trigger's line.
    pub missed: Vec<String>,
}

/// One window's result: its rule, its counts, and the type given at the
/// trigger ("-" for none; the fitting one when found), and for a miss its
/// line of the report.
type Window = Option<(&'static str, Counts, String, Option<String>)>;

/// Score the RAMS file at `path`, with or without the syntax stage.
///
/// # Errors
/// When the file cannot be read or a line is not JSON.
pub fn score(path: &str, syntax: bool) -> Result<Report, String> {
    let rows = jsonl::read(path)?;
    let parser = Parser::new(Options::new().layout(false).syntax(syntax));
    let per: Vec<Window> = rows
        .par_iter()
        .map(|row| score_window(&parser, row))
        .collect();
    let mut report = Report {
        documents: rows.len(),
        ..Report::default()
    };
    for (rule, c, given, missed) in per.into_iter().flatten() {
        report.missed.extend(missed);
        report.rules.entry(rule).or_default().add(&c);
        report.all.add(&c);
        if c.found == 0 {
            *report.misses.entry(given.clone()).or_default() += 1;
        }
        if given != "-" {
            let g = report.given.entry(given).or_default();
            g.0 += 1;
            g.1 += c.found;
        }
    }
    Ok(report)
}

fn score_window(parser: &Parser, row: &Value) -> Window {
    let event = &row["event"];
    let (rule, types) = fitting(event["type"].as_str()?)?;
    let trigger = span_of(&event["trigger"])?;
    let args: Vec<(usize, usize)> = event["arguments"]
        .as_array()
        .map(|a| a.iter().filter_map(span_of).collect())
        .unwrap_or_default();
    let mut c = Counts {
        windows: 1,
        ..Counts::default()
    };
    let text = row["text"].as_str().unwrap_or("");
    let aida = event["type"].as_str().unwrap_or("");
    let miss_line = |given: &str| {
        let line = text
            .split('\n')
            .scan(0usize, |at, l| {
                let start = *at;
                *at += l.chars().count() + 1;
                Some((start, l))
            })
            .find(|&(start, l)| trigger.0 <= start + l.chars().count())
            .map_or("", |x| x.1);
        format!(
            "{aida} {:?} given {given} | {line}",
            event["trigger"]["text"].as_str().unwrap_or("")
        )
    };
    let Ok(doc) = parser.parse(text, &Meta::new()) else {
        return Some((rule, c, "-".into(), Some(miss_line("-"))));
    };
    let co = CharOffsets::new(&doc.text);
    let at: Vec<_> = doc
        .events
        .iter()
        .filter(|e| overlaps(co.span(e.trigger), trigger))
        .collect();
    c.any_event = usize::from(!at.is_empty());
    let Some(hit) = at.iter().find(|e| types.contains(&e.kind.as_str())) else {
        let miss = at
            .first()
            .map_or_else(|| "-".to_owned(), |e| e.kind.as_str().to_owned());
        let line = miss_line(&miss);
        return Some((rule, c, miss, Some(line)));
    };
    c.found = 1;
    c.with_actor = usize::from(!hit.actors.is_empty());
    c.actor_right = usize::from(
        hit.actors
            .iter()
            .any(|a| args.iter().any(|&g| overlaps(co.span(a.span), g))),
    );
    Some((rule, c, hit.kind.as_str().to_owned(), None))
}

/// `nutgraf-eval rams FILE [--no-syntax]`: with the syntax stage (events
/// read from the dependency tree) unless told otherwise.
///
/// # Errors
/// When the file cannot be read.
pub fn run(args: &[String]) -> Result<(), String> {
    let path = jsonl::positional(args).ok_or("rams: give the RAMS JSONL file")?;
    let syntax = !jsonl::flag(args, "--no-syntax");
    let misses = jsonl::opt_usize(args, "--errors")?.unwrap_or(0);
    let r = score(path, syntax)?;
    for m in r.missed.iter().take(misses) {
        println!("MISS {m}");
    }
    crate::print_header(r.documents, syntax);
    let share = crate::ratio;
    let line = |name: &str, c: &Counts| {
        println!(
            "  {name:<46} windows {:>4} found {:>4} ({:.3}) any event {:>4} | actor given {:>4} right {:>4} ({:.3})",
            c.windows,
            c.found,
            c.found_share(),
            c.any_event,
            c.with_actor,
            c.actor_right,
            share(c.actor_right, c.found),
        );
    };
    for (rule, c) in &r.rules {
        line(rule, c);
    }
    line("all", &r.all);
    let mut misses: Vec<_> = r.misses.iter().collect();
    misses.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let listed: Vec<String> = misses.iter().map(|(t, n)| format!("{t} {n}")).collect();
    println!(
        "  missed windows, by the type given at the trigger (- none): {}",
        listed.join(", ")
    );
    let given: Vec<String> = r
        .given
        .iter()
        .map(|(t, &(n, right))| format!("{t} {right}/{n} ({:.2})", share(right, n)))
        .collect();
    println!(
        "  types given at a gold trigger, right of given (precision): {}",
        given.join(", ")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fitting;

    #[test]
    fn aida_types_map_by_prefix_then_last_part() {
        let types = |t: &str| fitting(t).map(|(_, ts)| ts);
        assert_eq!(types("conflict.attack.bombing"), Some(&["ATTACK"][..]));
        assert_eq!(
            types("contact.discussion.meet"),
            Some(&["MEET", "TALK"][..])
        );
        assert_eq!(
            types("contact.discussion.correspondence"),
            Some(&["TALK", "MEET"][..])
        );
        assert_eq!(
            types("transaction.transferownership.purchase"),
            Some(&["TRADE", "ACQUIRE"][..])
        );
        assert_eq!(
            types("transaction.transfermoney.embargosanction"),
            Some(&["SANCTION"][..])
        );
        assert_eq!(
            types("movement.transportperson.selfmotion"),
            Some(&["VISIT", "TRAVEL"][..])
        );
        assert_eq!(types("movement.transportperson.evacuationrescue"), None);
        assert_eq!(types("life.injure.n/a"), None);
        assert_eq!(types("government.spy.spy"), None);
    }
}
