//! The entity stage of the pipeline: tag, type, trim, resolve.

use super::features::DocContext;
use super::gazetteer::{
    Gazetteer, CITY, COUNTRY, EVENT_WORD, FAC_WORD, LAW_WORD, NEWS_AGENCY, ORGANIZATION, ORG_WORD,
    QUALIFIER, STATE, TITLE,
};
use super::model::{self, Model};
use super::resolve::{self, Lexicon, RawEntity, RawMention};
use super::types;
use crate::segment::{self, Token};
use crate::span::Span;

/// Resolution's view of the gazetteers.
struct GazLexicon(&'static Gazetteer);

impl Lexicon for GazLexicon {
    fn is_title(&self, phrase: &str) -> bool {
        self.0.lookup(phrase) & TITLE != 0
    }
    fn is_qualifier(&self, word: &str) -> bool {
        self.0.lookup(word) & QUALIFIER != 0
    }
    fn link(&self, phrase: &str) -> Option<String> {
        self.0.link(phrase).map(str::to_owned)
    }
    fn alias_of(&self, phrase: &str) -> Option<String> {
        let flags = self.0.lookup(phrase);
        let is_alias =
            flags & (COUNTRY | ORGANIZATION | NEWS_AGENCY) != 0 && flags & (CITY | STATE) == 0;
        if is_alias {
            self.0.link(phrase).map(str::to_owned)
        } else {
            None
        }
    }
}

/// Drop what OntoNotes keeps out of a name: a leading lowercase "the", titles
/// before a person's name ("President", "Mr."), a trailing possessive.
fn trim(text: &str, mut span: Span, person: bool, gaz: &Gazetteer) -> Span {
    loop {
        let s = span.slice(text);
        let Some(space) = s.find(' ') else { break };
        let first = &s[..space];
        let drop = first == "the"
            || (person
                && (gaz.lookup(&first.to_lowercase()) & (TITLE | QUALIFIER) != 0
                    || matches!(
                        first,
                        "Mr."
                            | "Mrs."
                            | "Ms."
                            | "Dr."
                            | "Prof."
                            | "Sen."
                            | "Rep."
                            | "Gov."
                            | "Gen."
                            | "Sir"
                            | "Lord"
                    )));
        if !drop {
            break;
        }
        span.start += space + 1;
    }
    let s = span.slice(text);
    for suffix in ["'s", "’s"] {
        if s.len() > suffix.len() && s.ends_with(suffix) {
            span.end -= suffix.len();
        }
    }
    span
}

/// Join names coordinated inside one name: "Belt and Road Forum", "Food and Drug
/// Administration", "Bosnia and Herzegovina" are one mention when the tagger split
/// them at "and" and the second part ends with a word that ends names.
fn merge_coordinated(
    text: &str,
    tagged: Vec<(Span, usize)>,
    gaz: &Gazetteer,
) -> Vec<(Span, usize)> {
    let mut out: Vec<(Span, usize)> = Vec::with_capacity(tagged.len());
    for (span, label) in tagged {
        if let Some(last) = out.last_mut() {
            let between = &text[last.0.end..span.start];
            if matches!(between, " and " | " & ") {
                let head = span.slice(text).rsplit(' ').next().unwrap_or("");
                let ends_name =
                    gaz.lookup(head) & (ORG_WORD | EVENT_WORD | FAC_WORD | LAW_WORD) != 0;
                let known = gaz.lookup(Span::new(last.0.start, span.end).slice(text)) != 0;
                if !(ends_name || known) {
                    out.push((span, label));
                    continue;
                }
                last.0.end = span.end;
                last.1 = label;
                continue;
            }
        }
        out.push((span, label));
    }
    out
}

/// Mentions and entities of normalized `text`, read from its `sentences`.
pub(crate) fn extract(text: &str, sentences: &[Span]) -> (Vec<RawMention>, Vec<RawEntity>) {
    let model = Model::global();
    let gaz = Gazetteer::global();
    let conll = model.labels().iter().any(|l| l == "MISC" || l == "PER");
    let mut tokens: Vec<Vec<Token>> = Vec::with_capacity(sentences.len());
    let mut ctx = DocContext::new();
    for &s in sentences {
        let mut toks = Vec::new();
        segment::tokens(text, s, &mut toks);
        ctx.add_sentence(text, s, &toks);
        tokens.push(toks);
    }
    let mut mentions = Vec::new();
    for (&s, toks) in sentences.iter().zip(&tokens) {
        if toks.is_empty() {
            continue;
        }
        let tagged = merge_coordinated(text, model::tag(text, s, toks, &ctx), gaz);
        for (span, label) in tagged {
            let words: Vec<&str> = span.slice(text).split_whitespace().collect();
            let Some(label) =
                types::ontonotes(model.label(label), conll, &words, &|p| gaz.lookup(p))
            else {
                continue;
            };
            let span = trim(text, span, label == super::EntityLabel::Person, gaz);
            if !span.slice(text).chars().any(char::is_alphanumeric) {
                continue;
            }
            mentions.push(RawMention { span, label });
        }
    }
    let entities = resolve::resolve(text, &mut mentions, &GazLexicon(gaz));
    (mentions, entities)
}
