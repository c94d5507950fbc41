//! What the two readers of a document ([`binary`](crate::binary) and
//! [`json_read`](crate::json_read)) share: the codes of the enums, the
//! `'static` strings a document holds, and the check that a document read back
//! is whole (every span inside its text, on character boundaries; every index
//! inside its list), so that nothing a document's methods do with it can panic.

use std::sync::LazyLock;

use crate::document::{BlockKind, BoilerplateReason, Document};
use crate::entities::EntityLabel;
use crate::event::{EventType, Modality, Polarity};
use crate::lexicon::LexSet;
use crate::quantity::{Bound, QuantityKind};
use crate::quote::{AttributionKind, QuoteKind};
use crate::span::Span;
use crate::syntax::{DepParser, Tagger, Upos};
use crate::text::RepairKind;
use crate::time::{Grain, TimexMod, TimexType};

/// An enum of the document with a one-byte code (its position in [`Code::ALL`])
/// and its contract name.
pub(crate) trait Code: Copy + PartialEq + 'static {
    /// Every variant, in code order. The binary form stores positions in this
    /// list: append new variants, never reorder.
    const ALL: &'static [Self];

    /// The contract name (`as_str`).
    fn name(self) -> &'static str;

    /// The one-byte code.
    fn code(self) -> u8 {
        // Every list has fewer than 256 variants; `check_all` makes a new
        // variant a compile error until it is listed.
        Self::ALL.iter().position(|&v| v == self).unwrap_or(0) as u8
    }

    /// The variant of a code.
    fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(usize::from(code)).copied()
    }

    /// The variant of a contract name.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == name)
    }
}

macro_rules! codes {
    ($($t:ident { $($v:ident),+ $(,)? })+) => {$(
        impl Code for $t {
            const ALL: &'static [$t] = &[$($t::$v),+];

            fn name(self) -> &'static str {
                // Exhaustive: a variant added to the enum must be listed above.
                match self {
                    $($t::$v)|+ => self.as_str(),
                }
            }
        }
    )+};
}

codes! {
    BlockKind { Title, Subtitle, Byline, Dateline, Heading, Paragraph, Caption, Credit, Boilerplate }
    BoilerplateReason {
        SiteName, PublishedBy, Share, Follow, Comments, Related, Navigation, Cookies,
        Subscription, Advertisement, Legal, Tags, OutsideArticle, Url,
    }
    Upos {
        Adj, Adp, Adv, Aux, Cconj, Det, Intj, Noun, Num, Part, Pron, Propn, Punct, Sconj,
        Sym, Verb, X,
    }
    EntityLabel { Person, Norp, Fac, Org, Gpe, Loc, Product, Event, WorkOfArt, Law, Language }
    TimexType { Date, Time, Duration, Set }
    TimexMod {
        Start, Mid, End, Approx, MoreThan, LessThan, EqualOrMore, EqualOrLess, After,
        OnOrAfter, Before, OnOrBefore,
    }
    Grain { Second, Minute, Hour, Day, Week, Month, Quarter, Season, Year, Decade, Century }
    QuantityKind { Money, Percent, Count, Ordinal, Quantity, Duration }
    Bound { AtLeast, AtMost, MoreThan, LessThan }
    QuoteKind { Direct, Partial, Indirect, Block }
    AttributionKind { According, Reported, Citing, Source, Credit }
    EventType {
        Visit, Meet, Talk, Sign, Announce, Accuse, Support, Sanction, Trade, Attack,
        Threaten, Demand, Urge, Travel, Protest, Arrest, Charge, Sentence, Kill, Die,
        Injure, Elect, Appoint, Resign, Dismiss, Acquire,
    }
    Polarity { Positive, Negative }
    Modality { Asserted, Planned, Expected, Possible, Reported, Requested }
    RepairKind { Mojibake, C1Control, HtmlEntity, GluedWords }
}

/// Which `'static` string field a name is read for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Interned {
    /// A language code (`Document::language`, `Block::lang`).
    Language,
    /// A Penn Treebank tag (`Word::xpos`).
    Xpos,
    /// A dependency relation (`Word::deprel`).
    Deprel,
    /// A CAMEO code (`Event::cameo`).
    Cameo,
}

/// The Penn tags the shipped tagger gives (and `XX`, for a word it did not tag).
static XPOS: LazyLock<LexSet<&'static str>> =
    LazyLock::new(|| Tagger::global().xpos_names().chain(["XX"]).collect());

/// The relations the shipped parser gives (and `dep`, for an unknown label).
static DEPREL: LazyLock<LexSet<&'static str>> =
    LazyLock::new(|| DepParser::global().label_names().chain(["dep"]).collect());

impl Interned {
    /// The `'static` string nutgraf gives for `s` in this field, or an error
    /// naming the field: a document holds no other.
    pub(crate) fn get(self, s: &str) -> Result<&'static str, String> {
        let found = match self {
            Interned::Language => crate::lang::intern(s),
            Interned::Xpos => XPOS.get(s).copied(),
            Interned::Deprel => DEPREL.get(s).copied(),
            Interned::Cameo => crate::event::cameo(s),
        };
        let what = match self {
            Interned::Language => "language code",
            Interned::Xpos => "XPOS tag",
            Interned::Deprel => "dependency relation",
            Interned::Cameo => "CAMEO code",
        };
        found.ok_or_else(|| format!("unknown {what} {s:?}"))
    }
}

/// Checks a document read back: `Err((where, why))` for the first span that
/// does not lie within its text on character boundaries, or index that does
/// not point into its list.
pub(crate) fn check(doc: &Document) -> Result<(), (String, String)> {
    let text = doc.text.as_str();
    let span = |what: &dyn Fn() -> String, s: Span| check_span(text, s).map_err(|e| (what(), e));
    let entities = doc.entities.len();
    let entity = |what: &dyn Fn() -> String, e: usize| {
        if e < entities {
            Ok(())
        } else {
            Err((what(), format!("entity {e} of {entities}")))
        }
    };
    for (i, a) in doc.authors.iter().enumerate() {
        span(&|| format!("authors[{i}]"), a.span)?;
    }
    if let Some(crate::PublishedFrom::Text(s)) = doc.published_from {
        span(&|| "published_from".into(), s)?;
    }
    if let Some(d) = &doc.dateline {
        span(&|| "dateline".into(), d.span)?;
    }
    for (i, b) in doc.blocks.iter().enumerate() {
        span(&|| format!("blocks[{i}]"), b.span)?;
        if let Some(h) = b.html {
            let html = doc.html.as_deref().ok_or_else(|| {
                (
                    format!("blocks[{i}].html"),
                    "an HTML range in a document without HTML".to_owned(),
                )
            })?;
            check_span(html, h).map_err(|e| (format!("blocks[{i}].html"), e))?;
        }
    }
    let words = doc.words.len();
    for (i, s) in doc.sentences.iter().enumerate() {
        span(&|| format!("sentences[{i}]"), s.span)?;
        if s.block >= doc.blocks.len() {
            return Err((
                format!("sentences[{i}].block"),
                format!("block {} of {}", s.block, doc.blocks.len()),
            ));
        }
        if s.words.start > s.words.end || s.words.end > words {
            return Err((
                format!("sentences[{i}].words"),
                format!("words {:?} of {words}", s.words),
            ));
        }
    }
    for (i, w) in doc.words.iter().enumerate() {
        span(&|| format!("words[{i}]"), w.span)?;
        if w.head.is_some_and(|h| h >= words) {
            return Err((
                format!("words[{i}].head"),
                format!("head past {words} words"),
            ));
        }
    }
    for (i, m) in doc.mentions.iter().enumerate() {
        span(&|| format!("mentions[{i}]"), m.span)?;
        if m.entity != usize::MAX {
            entity(&|| format!("mentions[{i}].entity"), m.entity)?;
        }
    }
    for (i, e) in doc.entities.iter().enumerate() {
        for &m in &e.mentions {
            if m >= doc.mentions.len() {
                return Err((
                    format!("entities[{i}].mentions"),
                    format!("mention {m} of {}", doc.mentions.len()),
                ));
            }
        }
        for &s in e.references.iter().chain(&e.pronouns) {
            span(&|| format!("entities[{i}]"), s)?;
        }
    }
    for (i, t) in doc.times.iter().enumerate() {
        span(&|| format!("times[{i}]"), t.span)?;
    }
    for (i, q) in doc.quantities.iter().enumerate() {
        span(&|| format!("quantities[{i}]"), q.span)?;
    }
    for (i, q) in doc.quotes.iter().enumerate() {
        let at = || format!("quotes[{i}]");
        for &s in std::iter::once(&q.span).chain(&q.parts).chain(&q.cue) {
            span(&at, s)?;
        }
        if let Some(sp) = &q.speaker {
            span(&at, sp.span)?;
            if let Some(e) = sp.entity {
                entity(&at, e)?;
            }
        }
    }
    for (i, a) in doc.attributions.iter().enumerate() {
        let at = || format!("attributions[{i}]");
        for s in [a.span, a.cue, a.source] {
            span(&at, s)?;
        }
        for &e in &a.entities {
            entity(&at, e)?;
        }
    }
    for (i, e) in doc.events.iter().enumerate() {
        let at = || format!("events[{i}]");
        span(&at, e.span)?;
        span(&at, e.trigger)?;
        for p in e.actors.iter().chain(&e.targets).chain(&e.place) {
            span(&at, p.span)?;
            if let Some(x) = p.entity {
                entity(&at, x)?;
            }
        }
        if e.time.is_some_and(|t| t >= doc.times.len()) {
            return Err((at(), format!("time past {} times", doc.times.len())));
        }
    }
    for (i, r) in doc.repairs.iter().enumerate() {
        span(&|| format!("repairs[{i}]"), r.span)?;
    }
    Ok(())
}

/// `Err(why)` unless `s` lies within `text` on character boundaries.
fn check_span(text: &str, s: Span) -> Result<(), String> {
    if s.start > s.end || s.end > text.len() {
        Err(format!(
            "span {}..{} does not fit a text of {} bytes",
            s.start,
            s.end,
            text.len()
        ))
    } else if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        Err(format!("span {}..{} cuts a character", s.start, s.end))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Code + std::fmt::Debug>() {
        for &v in T::ALL {
            assert_eq!(T::from_code(v.code()), Some(v));
            assert_eq!(T::from_name(v.name()), Some(v), "{v:?}");
        }
        assert!(T::ALL.len() < 256);
        assert_eq!(T::from_code(u8::MAX), None);
        assert_eq!(T::from_name("no such name"), None);
    }

    #[test]
    fn every_code_and_name_reads_back() {
        round_trips::<BlockKind>();
        round_trips::<BoilerplateReason>();
        round_trips::<Upos>();
        round_trips::<EntityLabel>();
        round_trips::<TimexType>();
        round_trips::<TimexMod>();
        round_trips::<Grain>();
        round_trips::<QuantityKind>();
        round_trips::<Bound>();
        round_trips::<QuoteKind>();
        round_trips::<AttributionKind>();
        round_trips::<EventType>();
        round_trips::<Polarity>();
        round_trips::<Modality>();
        round_trips::<RepairKind>();
        assert_eq!(Upos::ALL, <Upos as Code>::ALL);
        assert_eq!(EventType::ALL, <EventType as Code>::ALL);
    }

    #[test]
    fn interned_strings() {
        assert_eq!(Interned::Language.get("en"), Ok("en"));
        assert_eq!(Interned::Language.get("zh"), Ok("zh"));
        assert!(Interned::Language.get("english").is_err());
        assert_eq!(Interned::Xpos.get("NNP"), Ok("NNP"));
        assert_eq!(Interned::Deprel.get("nsubj:pass"), Ok("nsubj:pass"));
        assert_eq!(Interned::Cameo.get("042"), Ok("042"));
        assert_eq!(Interned::Cameo.get("072"), Ok("072"));
        assert!(Interned::Cameo.get("-").is_err());
    }
}
