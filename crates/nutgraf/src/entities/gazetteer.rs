//! Gazetteers: lists of known names and name parts, shipped with the crate.
//!
//! Each entry is a phrase (lowercased, tokens joined by single spaces) with a set of
//! [`Category`] flags. The lists live in `data/gazetteers/` as TSV files and are
//! compiled into the binary; see the README there for their sources and licenses.

/// Category flags of a gazetteer phrase (a phrase may have several).
pub type Category = u32;

/// A country ("Russia", "United States").
pub const COUNTRY: Category = 1;
/// A city ("Beijing", "Harbin").
pub const CITY: Category = 1 << 1;
/// A state, province or other first-level division ("California", "Inner Mongolia").
pub const STATE: Category = 1 << 2;
/// A continent, region, sea, river or mountain range: a non-political place.
pub const REGION: Category = 1 << 3;
/// A nationality or other group adjective/noun ("Russian", "Chinese", "Muslims").
pub const NATIONALITY: Category = 1 << 4;
/// A common given name ("Vladimir", "Anthony").
pub const FIRST_NAME: Category = 1 << 5;
/// A common family name ("Smith", "Wang").
pub const LAST_NAME: Category = 1 << 6;
/// A known organization ("United Nations", "Kremlin", "European Union").
pub const ORGANIZATION: Category = 1 << 7;
/// A news agency or outlet ("Reuters", "AFP", "Xinhua").
pub const NEWS_AGENCY: Category = 1 << 8;
/// A word that ends organization names ("Inc", "Corp", "University", "Ministry").
pub const ORG_WORD: Category = 1 << 9;
/// A title or function ("president", "prime minister", "spokesperson").
pub const TITLE: Category = 1 << 10;
/// A word that ends facility names ("Airport", "Bridge", "Stadium").
pub const FAC_WORD: Category = 1 << 11;
/// A word that ends event names ("Forum", "Summit", "Olympics").
pub const EVENT_WORD: Category = 1 << 12;
/// A word that ends place names ("River", "Sea", "Mountains").
pub const LOC_WORD: Category = 1 << 13;
/// A word that ends law names ("Act", "Treaty").
pub const LAW_WORD: Category = 1 << 14;
/// A religion or political party or movement ("Islam", "Republican", "Communist Party").
pub const GROUP: Category = 1 << 15;
/// A language ("English", "Mandarin").
pub const LANGUAGE: Category = 1 << 16;
/// A month, weekday or holiday: capitalized, never a name.
pub const CALENDAR: Category = 1 << 17;
/// A qualifier of a title ("former", "acting", "deputy").
pub const QUALIFIER: Category = 1 << 18;
