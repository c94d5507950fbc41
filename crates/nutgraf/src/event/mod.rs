//! Events: who did what to whom, where and when.
//!
//! The stage reads each sentence (titles and headings included) for a trigger: a
//! verb in any inflection ("met", "visits", "is to sign") or a noun ("Putin's
//! visit to China", "talks with", "a meeting between X and Y", "the signing
//! of"). Each trigger belongs to an [`EventType`] with a CAMEO code, and takes
//! its participants from the same clause only:
//!
//! * **actors**: the clause's subject, read back from the verb over auxiliaries,
//!   adverbs, prepositional phrases and appositives ("The president of Russia,
//!   Vladimir Putin, landed"); a pronoun resolved to the last person named; a
//!   coordinated subject gives several actors ("Putin and Xi met"); for a noun,
//!   its possessor ("Putin's visit"), "between X and Y" or "by X";
//! * **targets**: the object ("met Xi Jinping", "visit China"), or the
//!   participant after the preposition the trigger takes ("meet with X",
//!   "sanctions on X", "supplying weapons to X");
//! * **place**: a place after "in", "at", "to" or "into" in the clause, or what
//!   a visit goes to;
//! * **time**: a date or time expression of the clause (see
//!   [`TimeExpression`](crate::TimeExpression)).
//!
//! Negation ("did not meet", "refused to", "refrained from") gives a negative
//! [`Polarity`]; auxiliaries and control verbs give the [`Modality`] ("will
//! meet", "is expected to", "may", "asked ... not to supply").
//!
//! Precision comes first: a trigger that often means something else ("back",
//! "strike", "trade", "support") needs both an actor and a target; any other
//! needs at least one participant.
//!
//! With the syntax stage on ([`Options::syntax`](crate::Options::syntax)) the
//! stage reads each sentence's dependency tree instead of word order: the
//! subject acts, a passive's subject and the object undergo, the agent after
//! "by" acts, a verb without a subject takes the one of the clause it depends
//! on ("plans to visit", "arrested X and charged him", "people killed in the
//! attack", "the man who shot him"), a noun takes its possessor and its
//! prepositional dependents, or the subject of the light verb it is the object
//! of ("held talks with"); the tagger tells the noun "attack" from the verb, so
//! a noun naming a happening (an attack, a protest, a death) stands alone, and
//! common noun phrases ("three soldiers") are participants too. A word the tree
//! gives no event is read by word order. On M2E2 dev (syntax stage on against
//! off): trigger F1 0.42 against 0.37, argument F1 0.18 against 0.13.

mod extract;
mod lexicon;

pub(crate) use extract::{extract, Input};
pub(crate) use lexicon::cameo;

use crate::span::Span;

/// What kind of action an event reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventType {
    /// A visit or trip: "visited", "arrived in", "Putin's trip to China";
    /// hosting one ("hosts").
    Visit,
    /// A meeting: "met", "a meeting between", "a summit".
    Meet,
    /// Talks, discussions, negotiations, a phone call.
    Talk,
    /// Signing or reaching an agreement: "signed", "agreed", "reach a deal".
    Sign,
    /// A public announcement.
    Announce,
    /// Accusing, criticizing, condemning, blaming.
    Accuse,
    /// Support or aid: "backs", "supports", "aid to", "supplying weapons".
    Support,
    /// Imposing sanctions.
    Sanction,
    /// Trade: "exports oil to", "trade between", "bought".
    Trade,
    /// Military force: "attacked", "struck", "bombed", "invasion of".
    Attack,
    /// A threat: "threatened".
    Threaten,
    /// A demand: "demanded".
    Demand,
    /// An appeal or request: "urged", "called on", "appealed to".
    Urge,
    /// People moved who are not visiting anyone: "evacuated", "fled",
    /// "deported".
    Travel,
    /// A protest or demonstration: "protested", "rallied", "a protest".
    Protest,
    /// An arrest or detention: "arrested", "detained", "jailed".
    Arrest,
    /// Legal action started: "charged", "indicted", "sued".
    Charge,
    /// A court's judgment: "convicted", "sentenced".
    Sentence,
    /// A killing: the killer, when named, is the actor, the victim the
    /// target ("killed", "murdered", "assassinated").
    Kill,
    /// A death: the one who dies is the target ("died", "the death of").
    Die,
    /// Injuring: "injured", "wounded".
    Injure,
    /// An election: "elected", "re-elected".
    Elect,
    /// An appointment: "appointed", "nominated".
    Appoint,
    /// A resignation: "resigned".
    Resign,
    /// A dismissal: "ousted", "sacked", "dismissed".
    Dismiss,
    /// A company buying, taking over or merging with another: "acquired",
    /// "a merger".
    Acquire,
}

impl EventType {
    /// The uppercase name: `"VISIT"`, `"MEET"`, `"TALK"`, `"SIGN"`,
    /// `"ANNOUNCE"`, `"ACCUSE"`, `"SUPPORT"`, `"SANCTION"`, `"TRADE"`,
    /// `"ATTACK"`, `"THREATEN"`, `"DEMAND"`, `"URGE"`, `"TRAVEL"`,
    /// `"PROTEST"`, `"ARREST"`, `"CHARGE"`, `"SENTENCE"`, `"KILL"`, `"DIE"`,
    /// `"INJURE"`, `"ELECT"`, `"APPOINT"`, `"RESIGN"`, `"DISMISS"`,
    /// `"ACQUIRE"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventType::Visit => "VISIT",
            EventType::Meet => "MEET",
            EventType::Talk => "TALK",
            EventType::Sign => "SIGN",
            EventType::Announce => "ANNOUNCE",
            EventType::Accuse => "ACCUSE",
            EventType::Support => "SUPPORT",
            EventType::Sanction => "SANCTION",
            EventType::Trade => "TRADE",
            EventType::Attack => "ATTACK",
            EventType::Threaten => "THREATEN",
            EventType::Demand => "DEMAND",
            EventType::Urge => "URGE",
            EventType::Travel => "TRAVEL",
            EventType::Protest => "PROTEST",
            EventType::Arrest => "ARREST",
            EventType::Charge => "CHARGE",
            EventType::Sentence => "SENTENCE",
            EventType::Kill => "KILL",
            EventType::Die => "DIE",
            EventType::Injure => "INJURE",
            EventType::Elect => "ELECT",
            EventType::Appoint => "APPOINT",
            EventType::Resign => "RESIGN",
            EventType::Dismiss => "DISMISS",
            EventType::Acquire => "ACQUIRE",
        }
    }

    /// Every type, in declaration order.
    pub const ALL: [EventType; 26] = [
        EventType::Visit,
        EventType::Meet,
        EventType::Talk,
        EventType::Sign,
        EventType::Announce,
        EventType::Accuse,
        EventType::Support,
        EventType::Sanction,
        EventType::Trade,
        EventType::Attack,
        EventType::Threaten,
        EventType::Demand,
        EventType::Urge,
        EventType::Travel,
        EventType::Protest,
        EventType::Arrest,
        EventType::Charge,
        EventType::Sentence,
        EventType::Kill,
        EventType::Die,
        EventType::Injure,
        EventType::Elect,
        EventType::Appoint,
        EventType::Resign,
        EventType::Dismiss,
        EventType::Acquire,
    ];

    /// Whether a report or a statement can do it for its authors ("the
    /// report accused", "a statement announced").
    pub(crate) const fn said(self) -> bool {
        matches!(
            self,
            EventType::Announce
                | EventType::Accuse
                | EventType::Support
                | EventType::Threaten
                | EventType::Demand
                | EventType::Urge
        )
    }

    /// Whether a vehicle or cargo can do it ("the convoy arrived", "the
    /// ship exports").
    pub(crate) const fn moves(self) -> bool {
        matches!(
            self,
            EventType::Visit | EventType::Travel | EventType::Trade
        )
    }

    /// Whether it is addressed to someone (urging, demanding, threatening,
    /// talking), so that a thing after it is what is urged, demanded,
    /// threatened or talked about ("urged an end to the violence",
    /// "threatening legal action"), not who it is addressed to.
    pub(crate) const fn addressed(self) -> bool {
        matches!(
            self,
            EventType::Urge | EventType::Demand | EventType::Threaten | EventType::Talk
        )
    }

    /// Whether what it is done to is always someone: a thing there is no
    /// participant ("those imprisoned for freedom of expression").
    pub(crate) const fn undergone_by_someone(self) -> bool {
        matches!(
            self,
            EventType::Meet
                | EventType::Arrest
                | EventType::Charge
                | EventType::Sentence
                | EventType::Kill
                | EventType::Die
                | EventType::Injure
                | EventType::Elect
                | EventType::Appoint
                | EventType::Dismiss
        )
    }

    /// Whether an event of this type may name no participant: a happening
    /// that is news by itself ("three people were killed", "a convoy was
    /// attacked"). Every other event has an actor or a target.
    pub const fn may_stand_alone(self) -> bool {
        matches!(
            self,
            EventType::Attack
                | EventType::Travel
                | EventType::Protest
                | EventType::Arrest
                | EventType::Charge
                | EventType::Sentence
                | EventType::Kill
                | EventType::Die
                | EventType::Injure
        )
    }

    /// The type of an uppercase name ([`EventType::as_str`]), `None` for
    /// anything else.
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// Whether the text says the event happens or that it does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Polarity {
    /// It happens (or is said, planned, expected to).
    Positive,
    /// Negated: "did not meet", "never", "refused to", "refrained from", "denied".
    Negative,
}

impl Polarity {
    /// `"positive"` or `"negative"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Polarity::Positive => "positive",
            Polarity::Negative => "negative",
        }
    }
}

/// How the text commits to the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Modality {
    /// Stated as fact, past or present: "met", "visits".
    Asserted,
    /// Scheduled or intended: "will meet", "is to meet", "plans to", "Putin to
    /// meet Xi" (a headline), "an upcoming meeting".
    Planned,
    /// Expected or likely: "is expected to", "likely to".
    Expected,
    /// Possible: "may", "might", "could".
    Possible,
    /// Stated as fact inside someone's report: "..., the ministry said".
    Reported,
    /// Asked for: "asked Beijing not to supply", "urged X to".
    Requested,
}

impl Modality {
    /// The lowercase name: `"asserted"`, `"planned"`, `"expected"`,
    /// `"possible"`, `"reported"`, `"requested"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Planned => "planned",
            Modality::Expected => "expected",
            Modality::Possible => "possible",
            Modality::Reported => "reported",
            Modality::Requested => "requested",
        }
    }
}

/// A participant of an event (actor, target or place) as the text names it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Participant {
    /// The words that name it ("Putin", "he", "the two leaders", "Beijing").
    pub span: Span,
    /// The entity of [`Document::entities`](crate::Document::entities) it
    /// resolves to, if any. A group ("the two leaders") gives one participant
    /// per entity, with the same span.
    pub entity: Option<usize>,
}

/// An action between participants that a sentence reports.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Event {
    /// The evidence: the sentence that reports it.
    pub span: Span,
    /// What kind of action.
    pub kind: EventType,
    /// The CAMEO code of the action, where one fits ("042": make a visit).
    pub cameo: Option<&'static str>,
    /// The verb or noun that reports the action ("met", "visit", "talks").
    pub trigger: Span,
    /// Who acts, in text order.
    pub actors: Vec<Participant>,
    /// Who or what is acted on, in text order.
    pub targets: Vec<Participant>,
    /// Where it happens, when the clause says.
    pub place: Option<Participant>,
    /// When it happens: an index into
    /// [`Document::times`](crate::Document::times).
    pub time: Option<usize>,
    /// Positive or negated.
    pub polarity: Polarity,
    /// Asserted, planned, expected, possible, reported or requested.
    pub modality: Modality,
}
