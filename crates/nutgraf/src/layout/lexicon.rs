//! Phrasings of page furniture, compiled once per process.
//!
//! Each pattern describes a whole short line (anchored), so a sentence of the
//! article that happens to contain "share" or "comment" is never matched. The
//! lists follow common CMS templates (`WordPress`, Arc, Brightspot, Drupal themes)
//! in English and the other languages news is scraped in most.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::document::BoilerplateReason;

/// Lines longer than this are never matched against the lexicons.
pub(super) const MAX_LEXICON_LINE: usize = 160;

struct Lexicon {
    set: RegexSet,
    reasons: Vec<BoilerplateReason>,
}

fn build(groups: &[(BoilerplateReason, &[&str])]) -> Lexicon {
    let mut patterns = Vec::new();
    let mut reasons = Vec::new();
    for (reason, pats) in groups {
        for p in *pats {
            patterns.push(format!(r"(?i)^[\s\[(«‹<|•·-]*(?:{p})[\s.:!»›>|)(\]\d-]*$"));
            reasons.push(*reason);
        }
    }
    Lexicon {
        set: RegexSet::new(&patterns).expect("lexicon patterns compile"),
        reasons,
    }
}

use BoilerplateReason as R;

static LINES: LazyLock<Lexicon> = LazyLock::new(|| {
    build(&[
        (
            R::Share,
            &[
                r"share|shares|sharing|share (?:this|the)(?: article| story| post| page)?(?: on .*| via .*)?",
                r"share on .{1,30}|share via .{1,30}|click to (?:share|email|print).*|share this:?",
                r"tweet|tweet this|pin it|pinterest|email|e-mail|print|print this(?: article| page)?|whatsapp|linkedin|reddit|telegram|flipboard|facebook|twitter|x|messenger|sms|copy|copy link(?: url)?.*|link copied.*",
                r"show more sharing options|close extra sharing options|more sharing options|share or comment on this article.*",
                r"compartir|partager|teilen|condividi|compartilhar",
            ],
        ),
        (
            R::Follow,
            &[
                r"follow(?: us)?(?: @?[\w.]+){0,4} on(?: [\w+]+){0,4}",
                r"follow us|follow @\w+|like us on facebook|find us on .{1,30}|connect with us|stay connected|síguenos.*|suivez-nous.*|folgen sie uns.*",
            ],
        ),
        (
            R::Comments,
            &[
                r"leave a (?:comment|reply)|post a comment|add a comment|write a comment|\d+ comments?|comments?|no comments(?: yet)?|show comments|view comments|load comments|view \d+ comments|join the (?:conversation|discussion)|comments are closed|cancel reply|reply|discussion|conversation",
                r"you must be logged in to post a comment.*|comment policy|our community guidelines.*|sort by .{1,20}|oldest|newest|best|comentarios|commentaires|kommentare",
            ],
        ),
        (
            R::Related,
            &[
                r"you (?:may|might|will) also (?:like|enjoy|be interested in)|you may have missed|related(?: articles?| stories| posts?| news| coverage| content| topics| reading| links)?|more (?:from|stories|news|on|in|about|like this|to explore|top stories|coverage|articles)(?: .{0,40})?",
                r"recommended(?: for you| stories| articles| reading)?|read more(?: about .{0,40})?|read next|read this next|see also|also read|also see|most (?:popular|read|viewed|shared|commented)|trending(?: now| stories| topics)?|popular(?: posts| stories| now)?",
                r"latest(?: news| stories| posts| articles| videos)?|top stories|editor'?s? picks|don'?t miss|must read|what to read next|up next|watch next|next (?:article|post|story)|previous (?:article|post|story)|sponsored stories|around the web|from the web|promoted stories|in case you missed it|further reading|keep reading|continue reading|load more|show more|view more|see more|more|what'?s next",
                r"te puede interesar|también te puede interesar|noticias relacionadas|lire aussi|à lire aussi|mehr zum thema|leggi anche",
            ],
        ),
        (
            R::Navigation,
            &[
                r"home|menu|main menu|navigation|search|search query|submit search|show search|close|open|toggle navigation|skip to (?:main )?content|skip to (?:main )?navigation|jump to.*|back to top|go to top|scroll to top|sections?|all sections|site map|sitemap|contact(?: us)?|about(?: us)?|archives?|careers|jobs|faq|help|home page|homepage|top|next|previous|prev|page \d+(?: of \d+)?",
                r"log ?out|my account|account|profile|settings|en español|english|edition|international edition|us edition|uk edition|select (?:a )?(?:language|edition)|watch live|live tv|listen|video|videos|photos?|gallery|podcasts?|opinion|news|world|business|sports?|politics|entertainment|technology|tech|science|health|lifestyle|travel|culture|local|national|economy|markets|weather",
            ],
        ),
        (
            R::Cookies,
            &[
                r"(?:we use |this (?:site|website) uses )?cookies.*|cookie (?:policy|settings|preferences|notice).*|accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:cookies|preferences|consent)|privacy (?:settings|preferences)|do not sell my (?:personal )?info(?:rmation)?|your privacy choices|consent",
            ],
        ),
        (
            R::Subscription,
            &[
                r"subscribe(?: now| today| here)?|subscribe to .{1,40}|subscriptions?|manage subscription|subscriber terms|subscriber (?:services|login)|sign in|sign up(?: now| for .{1,40})?|log ?in|register|create (?:a free |an )?account|already (?:a subscriber|have an account).*|newsletters?|get (?:our|the) newsletter.*|sign up for (?:our|the) newsletter.*|enter your email.*|your email address|email address|unlimited (?:digital )?access.*|become a (?:member|subscriber|supporter)|support (?:our )?(?:journalism|independent journalism)|donate|give now|get the app|download (?:our|the) app",
                r"suscríbete.*|abonnez-vous.*|jetzt abonnieren.*",
            ],
        ),
        (
            R::Advertisement,
            &[
                r"advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid (?:content|post|partner)|promoted|partner content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading (?:below|the main story)|scroll to continue(?: with content)?|ad feedback|report (?:this )?ad|publicidad|publicité|anzeige|werbung",
            ],
        ),
        (
            R::Legal,
            &[
                r"(?:copyright|©|\(c\)).{0,120}|all rights reserved.{0,80}|terms (?:of (?:use|service)|and conditions)|terms|privacy|privacy policy|privacy notice|accessibility|ad choices|adchoices|reprints?(?:,? (?:rights|permissions).*)?|rights (?:&|and) permissions|corrections?|for the record|ethics policy|editorial (?:standards|guidelines)|about our ads",
            ],
        ),
        (
            R::Tags,
            &[
                r"(?:tags?|topics?|filed under|categories|category|keywords|related topics|more on)\s*:.{0,120}|tags|topics",
            ],
        ),
        (
            R::PublishedBy,
            &[
                r"(?:published|posted|written|edited|produced|updated) by:?|by:?|author:?|por|publicado por",
            ],
        ),
    ])
});

/// Headings after which the article is over: related lists and comment sections.
static ENDERS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^(?:you (?:may|might|will) also (?:like|enjoy)|you may have missed|related(?: articles?| stories| posts?| news| coverage| content| reading)?|more (?:from|stories|news) .{0,40}|more stories(?: today)?|recommended(?: for you| stories| articles| reading)?|read next|most (?:popular|read|viewed|shared)|trending(?: now| stories)?|popular(?: posts| stories| now)?|latest(?: news| stories| posts| articles)|top stories|editor'?s? picks|don'?t miss|what to read next|up next|sponsored stories|around the web|promoted stories|in case you missed it)[\s:.!»›>|]*$",
        r"(?i)^[\s\[(«‹<|•·-]*(?:leave a (?:comment|reply)|read (?:all )?comments|post a comment|add a comment|\d+ comments?|(?:top rated |top |all |reader |readers'? |latest |recent )?comments?(?: \(\d+\))?|show comments|view comments|join the (?:conversation|discussion)|comments are closed|\d+ (?:responses|replies|thoughts) (?:to|on) .{1,80})[\s:.!»›>|\])]*$",
    ])
    .expect("ender patterns compile")
});

/// Cookie and consent notices, which run to whole paragraphs.
static COOKIE_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:we|this (?:web)?site|our (?:web)?site|website) uses? cookies|cookies (?:are|that|to|help)|use of cookies|cookie policy|consent to (?:the use of )?cookies|by continuing to (?:use|browse) (?:this|our) (?:site|website))(?-u:\b)")
        .expect("cookie prose compiles")
});

/// The header of a reader comment: "Alex on September 17, 2018 at 6:34 am said:".
static COMMENT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^.{1,60}\s(?:said|says|wrote|commented|replied)\s*:$")
        .expect("comment header compiles")
});

/// Patterns that mark boilerplate anywhere in a short line.
static CONTAINS: LazyLock<Vec<(Regex, BoilerplateReason)>> = LazyLock::new(|| {
    [
        (r"(?i)(?-u:\b)(?:we use cookies|uses cookies|cookie policy|use of cookies|accept cookies|cookie settings)(?-u:\b)", R::Cookies),
        (r"(?i)(?-u:\b)all rights reserved(?-u:\b)|^\s*(?:©|copyright(?-u:\b))", R::Legal),
        (r"(?i)(?-u:\b)(?:terms of (?:use|service)|privacy policy)(?-u:\b).*(?-u:\b)(?:privacy policy|terms of (?:use|service)|cookie)", R::Legal),
        (r"(?i)(?-u:\b)(?:sign up for (?:our|the) (?:\w+ )?newsletter|subscribe to (?:our|the) (?:\w+ )?newsletter|subscribers? only|for subscribers|already a subscriber|to continue reading|subscribe now|start your free trial)(?-u:\b)", R::Subscription),
        (r"(?i)(?-u:\b)(?:javascript (?:is )?(?:disabled|required)|enable javascript|your browser (?:does not|doesn't) support)(?-u:\b)", R::Navigation),
        (r"(?i)(?-u:\b)follow (?:us|@?\w+) on (?:twitter|facebook|instagram|linkedin|youtube|tiktok|google news)(?-u:\b)", R::Follow),
        (r"(?i)^(?:share|follow)(?: this| us)? on (?:facebook|twitter)", R::Share),
    ]
    .into_iter()
    .map(|(p, r)| (Regex::new(p).expect("contains pattern compiles"), r))
    .collect()
});

/// The boilerplate reason of a whole line, if it is a known furniture phrasing.
pub(super) fn line_reason(line: &str) -> Option<BoilerplateReason> {
    if line.len() > MAX_LEXICON_LINE {
        return (line.len() <= 1200 && COOKIE_PROSE.is_match(line)).then_some(R::Cookies);
    }
    let lex = &*LINES;
    if let Some(i) = lex.set.matches(line).iter().next() {
        return Some(lex.reasons[i]);
    }
    CONTAINS
        .iter()
        .find(|(re, _)| re.is_match(line))
        .map(|(_, r)| *r)
}

/// True when the line is a heading that closes the article (related lists, comments).
pub(super) fn is_ender(line: &str) -> Option<BoilerplateReason> {
    if line.len() > 60 {
        return None;
    }
    if line.ends_with(':') && COMMENT_HEADER.is_match(line) {
        return Some(R::Comments);
    }
    let m = ENDERS.matches(line);
    if m.matched(0) {
        Some(R::Related)
    } else if m.matched(1) {
        Some(R::Comments)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        let cases = [
            ("Leave a Comment", Some(R::Comments)),
            ("Leave a Reply", Some(R::Comments)),
            ("You may also like", Some(R::Related)),
            ("More From Category", Some(R::Related)),
            ("More Stories Today", Some(R::Related)),
            ("Follow AsumeTech on", Some(R::Follow)),
            ("Published by", Some(R::PublishedBy)),
            ("Advertisement", Some(R::Advertisement)),
            ("Show more sharing options", Some(R::Share)),
            (
                "Copyright © 2019, Los Angeles Times | Terms of Service | Privacy Policy",
                Some(R::Legal),
            ),
            (
                "We use cookies to improve your experience on our site.",
                Some(R::Cookies),
            ),
            ("Politics", Some(R::Navigation)),
            ("Tags: Russia, China", Some(R::Tags)),
            (
                "The Russian president will meet with Xi Jinping on Wednesday in Beijing.",
                None,
            ),
            ("Share prices fell 3% on Monday.", None),
            ("Comments by the minister were criticized.", None),
            ("Follow the money, investigators said.", None),
        ];
        for (line, want) in cases {
            assert_eq!(line_reason(line), want, "{line}");
        }
        assert_eq!(is_ender("You may also like"), Some(R::Related));
        assert_eq!(is_ender("Leave a Comment"), Some(R::Comments));
        assert_eq!(is_ender("Related Articles"), Some(R::Related));
        assert_eq!(is_ender("Politics"), None);
    }
}
