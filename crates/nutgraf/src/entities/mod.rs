//! Named entities: mentions in the text, grouped into entities with aliases and roles.
//!
//! The stage reads the sentences and tokens of the blocks that carry article text
//! (title, subtitle, headings, paragraphs, captions), tags mentions with a compact
//! sequence model ([`model`]) helped by gazetteers ([`gazetteer`]), gives each the
//! `OntoNotes` type, then groups the mentions of one document into entities.
//! Role-only phrases ("the Russian leader") are linked where one entity fits,
//! descriptors that introduce the main person ("Oklahoma man arrested", "A
//! 37-year-old Spiro man was charged") to that person ([`Entity::references`]), and pronouns and group phrases ("he", "its", "the two leaders") are resolved
//! once, here, for every later stage ([`Entity::pronouns`]; quotes and events
//! read the same resolution).

pub(crate) mod coref;
mod descriptor;
mod extract;
pub mod features;
pub mod gazetteer;
pub mod model;
pub(crate) mod resolve;
pub mod train;
mod types;

pub(crate) use extract::extract;

use crate::span::Span;

/// The type of a named entity (`OntoNotes` 5 name types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EntityLabel {
    /// People, including fictional characters.
    Person,
    /// Nationalities, religious and political groups ("Russian", "Democrats").
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions, teams, news outlets.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-political places: regions, bodies of water, mountains.
    Loc,
    /// Named products, vehicles, services.
    Product,
    /// Named events ("Belt and Road Forum").
    Event,
    /// Titles of books, songs, shows, reports.
    WorkOfArt,
    /// Named laws and treaties.
    Law,
    /// Named languages.
    Language,
}

impl EntityLabel {
    /// The `OntoNotes` name of the label (`"PERSON"`, `"GPE"`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Product => "PRODUCT",
            EntityLabel::Event => "EVENT",
            EntityLabel::WorkOfArt => "WORK_OF_ART",
            EntityLabel::Law => "LAW",
            EntityLabel::Language => "LANGUAGE",
        }
    }

    /// The label of an `OntoNotes` name (`"PERSON"`), if it is one.
    pub fn from_name(name: &str) -> Option<EntityLabel> {
        Some(match name {
            "PERSON" => EntityLabel::Person,
            "NORP" => EntityLabel::Norp,
            "FAC" => EntityLabel::Fac,
            "ORG" => EntityLabel::Org,
            "GPE" => EntityLabel::Gpe,
            "LOC" => EntityLabel::Loc,
            "PRODUCT" => EntityLabel::Product,
            "EVENT" => EntityLabel::Event,
            "WORK_OF_ART" => EntityLabel::WorkOfArt,
            "LAW" => EntityLabel::Law,
            "LANGUAGE" => EntityLabel::Language,
            _ => return None,
        })
    }
}

/// One mention of a named entity in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mention {
    /// Where it is in the original input.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Index of its entity in [`Document::entities`](crate::Document::entities).
    pub entity: usize,
}

/// A role the text gives an entity: "Russian President" gives title "President",
/// affiliation "Russia".
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Role {
    /// The title or function ("President", "spokesperson", "director").
    pub title: String,
    /// The country or organization the role belongs to.
    pub affiliation: Option<String>,
    /// A qualifier such as "former" or "acting".
    pub qualifier: Option<String>,
}

/// The mentions of one thing in a document, grouped.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Entity {
    /// Its type.
    pub label: EntityLabel,
    /// The canonical name: the fullest form used.
    pub name: String,
    /// Every distinct form used for it, the canonical name included.
    pub aliases: Vec<String>,
    /// Roles the text gives it.
    pub roles: Vec<Role>,
    /// Indices of its mentions in [`Document::mentions`](crate::Document::mentions).
    pub mentions: Vec<usize>,
    /// Phrases that refer to it by role alone ("the Russian leader"), linked only
    /// where the role fits one entity of the document; and, for the document's
    /// main person, the descriptors that introduce it ("Oklahoma man" opening a
    /// headline, "A Spiro man" opening the lead), in text order.
    pub references: Vec<Span>,
    /// Pronouns and group phrases resolved to it ("he", "its", "they", "the two
    /// leaders"), in order; a group phrase is listed under each of its entities.
    pub pronouns: Vec<Span>,
}
