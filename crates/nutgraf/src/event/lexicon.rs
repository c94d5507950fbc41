//! Event triggers: verbs in every inflection and nouns, with their type and
//! CAMEO code.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::EventType;

/// One reading of a trigger word.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sense {
    pub kind: EventType,
    pub cameo: &'static str,
    /// Often means something else ("back", "strike", "trade"): needs both an
    /// actor and a target.
    pub ambiguous: bool,
    /// A verb of motion ("arrived in", "travel to"): where it goes is also its
    /// target.
    pub motion: bool,
    /// Counts only with one of these words within the next four ("exchange
    /// views", "reach a deal").
    pub needs_next: &'static [&'static str],
    /// `needs_next` must be the very next word ("called on", not "called him
    /// on Monday").
    pub next_at_once: bool,
}

/// The readings of one word: as a verb and as a noun.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Lex {
    pub verb: Option<Sense>,
    pub noun: Option<Sense>,
}

const fn sense(kind: EventType, cameo: &'static str) -> Sense {
    Sense {
        kind,
        cameo,
        ambiguous: false,
        motion: false,
        needs_next: &[],
        next_at_once: false,
    }
}

const fn amb(kind: EventType, cameo: &'static str) -> Sense {
    Sense {
        ambiguous: true,
        ..sense(kind, cameo)
    }
}

const fn motion(s: Sense) -> Sense {
    Sense { motion: true, ..s }
}

const fn right_before(s: Sense, next: &'static [&'static str]) -> Sense {
    Sense {
        needs_next: next,
        next_at_once: true,
        ..s
    }
}

const fn needs(s: Sense, next: &'static [&'static str]) -> Sense {
    Sense {
        needs_next: next,
        ..s
    }
}

use EventType as T;

/// Verbs: every form of each, with one sense.
const VERBS: &[(&[&str], Sense)] = &[
    (
        &["visit", "visits", "visited", "visiting"],
        sense(T::Visit, "042"),
    ),
    (
        &["tour", "tours", "toured", "touring"],
        amb(T::Visit, "042"),
    ),
    (
        &[
            "travel",
            "travels",
            "traveled",
            "travelled",
            "traveling",
            "travelling",
        ],
        motion(sense(T::Visit, "042")),
    ),
    (
        &["arrive", "arrives", "arrived", "arriving"],
        motion(sense(T::Visit, "042")),
    ),
    (&["land", "lands", "landed"], motion(amb(T::Visit, "042"))),
    (
        &["fly", "flies", "flew", "flown"],
        motion(amb(T::Visit, "042")),
    ),
    (
        &["host", "hosts", "hosted", "hosting"],
        amb(T::Visit, "043"),
    ),
    (
        &["welcome", "welcomes", "welcomed", "welcoming"],
        amb(T::Visit, "043"),
    ),
    (&["meet", "meets", "met", "meeting"], sense(T::Meet, "040")),
    (
        &["discuss", "discusses", "discussed", "discussing"],
        sense(T::Talk, "040"),
    ),
    (&["talk", "talked", "talking"], sense(T::Talk, "040")),
    (
        &["negotiate", "negotiates", "negotiated", "negotiating"],
        sense(T::Talk, "046"),
    ),
    (&["phone", "phoned", "phoning"], sense(T::Talk, "041")),
    (
        &["exchange", "exchanges", "exchanged", "exchanging"],
        needs(sense(T::Talk, "040"), &["views", "opinions", "ideas"]),
    ),
    (
        &["sign", "signs", "signed", "signing"],
        sense(T::Sign, "057"),
    ),
    (
        &["reach", "reaches", "reached", "reaching"],
        needs(
            sense(T::Sign, "057"),
            &["deal", "agreement", "accord", "deals", "agreements"],
        ),
    ),
    (
        &["agree", "agrees", "agreed", "agreeing"],
        needs(
            sense(T::Sign, "057"),
            &[
                "deal",
                "agreement",
                "accord",
                "ceasefire",
                "truce",
                "treaty",
            ],
        ),
    ),
    (
        &["conclude", "concludes", "concluded"],
        needs(
            sense(T::Sign, "057"),
            &["deal", "agreement", "accord", "treaty"],
        ),
    ),
    (
        &["announce", "announces", "announced", "announcing"],
        sense(T::Announce, "010"),
    ),
    (
        &["accuse", "accuses", "accused", "accusing"],
        sense(T::Accuse, "112"),
    ),
    (
        &["blame", "blames", "blamed", "blaming"],
        amb(T::Accuse, "112"),
    ),
    (
        &[
            "criticize",
            "criticizes",
            "criticized",
            "criticizing",
            "criticise",
            "criticises",
            "criticised",
            "criticising",
        ],
        sense(T::Accuse, "111"),
    ),
    (
        &["condemn", "condemns", "condemned", "condemning"],
        sense(T::Accuse, "111"),
    ),
    (
        &["denounce", "denounces", "denounced", "denouncing"],
        sense(T::Accuse, "111"),
    ),
    (
        &["support", "supports", "supported", "supporting"],
        amb(T::Support, "051"),
    ),
    (
        &["back", "backs", "backed", "backing"],
        amb(T::Support, "051"),
    ),
    (
        &["endorse", "endorses", "endorsed", "endorsing"],
        amb(T::Support, "051"),
    ),
    (&["aid", "aids", "aided", "aiding"], amb(T::Support, "070")),
    (
        &["help", "helps", "helped", "helping"],
        amb(T::Support, "070"),
    ),
    (
        &["assist", "assists", "assisted", "assisting"],
        amb(T::Support, "070"),
    ),
    (
        &["supply", "supplies", "supplied", "supplying"],
        amb(T::Support, "070"),
    ),
    (&["arm", "arms", "armed", "arming"], amb(T::Support, "072")),
    (
        &["sanction", "sanctions", "sanctioned", "sanctioning"],
        sense(T::Sanction, "163"),
    ),
    (
        &["trade", "trades", "traded", "trading"],
        amb(T::Trade, "061"),
    ),
    (
        &["export", "exports", "exported", "exporting"],
        amb(T::Trade, "061"),
    ),
    (
        &["import", "imports", "imported", "importing"],
        amb(T::Trade, "061"),
    ),
    (&["buy", "buys", "bought", "buying"], amb(T::Trade, "061")),
    (&["sell", "sells", "sold", "selling"], amb(T::Trade, "061")),
    (
        &["attack", "attacks", "attacked", "attacking"],
        sense(T::Attack, "190"),
    ),
    (
        &["strike", "strikes", "struck", "striking"],
        amb(T::Attack, "190"),
    ),
    (
        &["bomb", "bombs", "bombed", "bombing"],
        sense(T::Attack, "195"),
    ),
    (
        &["shell", "shells", "shelled", "shelling"],
        amb(T::Attack, "194"),
    ),
    (
        &["invade", "invades", "invaded", "invading"],
        sense(T::Attack, "192"),
    ),
    (
        &["threaten", "threatens", "threatened", "threatening"],
        sense(T::Threaten, "130"),
    ),
    (
        &["demand", "demands", "demanded", "demanding"],
        amb(T::Demand, "100"),
    ),
    (&["urge", "urges", "urged", "urging"], sense(T::Urge, "020")),
    (
        &["appeal", "appeals", "appealed", "appealing"],
        amb(T::Urge, "020"),
    ),
    (
        &["call", "calls", "called", "calling"],
        right_before(sense(T::Urge, "020"), &["on", "upon"]),
    ),
];

/// Nouns, singular and plural.
const NOUNS: &[(&[&str], Sense)] = &[
    (&["visit", "visits"], sense(T::Visit, "042")),
    (&["trip", "trips"], motion(sense(T::Visit, "042"))),
    (&["arrival"], motion(sense(T::Visit, "042"))),
    (&["tour"], amb(T::Visit, "042")),
    (&["meeting", "meetings"], sense(T::Meet, "040")),
    (&["summit", "summits"], sense(T::Meet, "040")),
    (&["talks"], sense(T::Talk, "040")),
    (&["discussion", "discussions"], amb(T::Talk, "040")),
    (&["conversation", "conversations"], amb(T::Talk, "040")),
    (&["negotiations", "negotiation"], sense(T::Talk, "046")),
    (&["call"], needs(amb(T::Talk, "041"), &["with"])),
    (&["signing"], sense(T::Sign, "057")),
    (
        &[
            "agreement",
            "agreements",
            "deal",
            "deals",
            "accord",
            "treaty",
        ],
        amb(T::Sign, "057"),
    ),
    (&["announcement"], amb(T::Announce, "010")),
    (&["accusation", "accusations"], sense(T::Accuse, "112")),
    (&["criticism"], amb(T::Accuse, "111")),
    (&["condemnation"], sense(T::Accuse, "111")),
    (&["support"], amb(T::Support, "051")),
    (&["backing"], amb(T::Support, "051")),
    (&["aid", "assistance"], amb(T::Support, "070")),
    (&["supplies", "deliveries"], amb(T::Support, "070")),
    (&["sanctions"], sense(T::Sanction, "163")),
    (&["trade"], amb(T::Trade, "061")),
    (&["exports", "imports"], amb(T::Trade, "061")),
    (&["attack", "attacks", "offensive"], amb(T::Attack, "190")),
    (&["strike", "strikes"], amb(T::Attack, "190")),
    (
        &[
            "airstrike",
            "airstrikes",
            "bombing",
            "bombings",
            "bombardment",
        ],
        sense(T::Attack, "195"),
    ),
    (&["invasion", "occupation"], sense(T::Attack, "192")),
    (&["threat", "threats"], amb(T::Threaten, "130")),
    (&["demand", "demands"], amb(T::Demand, "100")),
    (&["appeal", "appeals"], amb(T::Urge, "020")),
];

static LEXICON: LazyLock<HashMap<&'static str, Lex>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, Lex> = HashMap::new();
    for (forms, s) in VERBS {
        for f in *forms {
            map.entry(f).or_default().verb = Some(*s);
        }
    }
    for (forms, s) in NOUNS {
        for f in *forms {
            map.entry(f).or_default().noun = Some(*s);
        }
    }
    map
});

/// The longest trigger word, in bytes.
const MAX_LEN: usize = 16;

/// The readings of `word` (any case), if it is a trigger. No allocation.
pub(super) fn lookup(word: &str) -> Option<&'static Lex> {
    if word.len() > MAX_LEN || word.len() < 3 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; MAX_LEN];
    let low = &mut buf[..word.len()];
    low.copy_from_slice(word.as_bytes());
    low.make_ascii_lowercase();
    let low = std::str::from_utf8(low).ok()?;
    LEXICON.get(low)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_fits_the_buffer() {
        for (forms, _) in VERBS.iter().chain(NOUNS) {
            for f in *forms {
                assert!(f.len() <= MAX_LEN, "{f}");
                assert!(lookup(f).is_some(), "{f}");
            }
        }
    }

    #[test]
    fn lookup_ignores_case_and_knows_both_readings() {
        let v = lookup("Visits").unwrap();
        assert!(v.verb.is_some() && v.noun.is_some());
        assert!(lookup("met").unwrap().noun.is_none());
        assert!(lookup("said").is_none());
    }
}
