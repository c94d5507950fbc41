//! Page metadata: JSON-LD (schema.org `NewsArticle` and kin), Open Graph and
//! meta tags. Read, never executed: a JSON-LD script is parsed as JSON data.

use jiff::civil::Date;
use serde_json::Value;

use super::dom::{Data, Dom};

/// What a web page says about itself in its markup: JSON-LD (schema.org
/// `NewsArticle`, `Article`, `BlogPosting`...), Open Graph and `<meta>` tags,
/// `<title>` and `<html lang>`. Each field takes the first source that has it,
/// in that order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageMeta {
    /// The headline (`headline`, `og:title`, `<title>`).
    pub title: Option<String>,
    /// Authors' names (`author`, `article:author`, `<meta name=author>`).
    pub authors: Vec<String>,
    /// The publisher (`publisher.name`, `og:site_name`).
    pub publisher: Option<String>,
    /// Publication date (`datePublished`, `article:published_time`, ...).
    pub published: Option<Date>,
    /// The section (`articleSection`, `article:section`).
    pub section: Option<String>,
    /// Language, ISO 639-1 (`inLanguage`, `<html lang>`, `og:locale`).
    pub language: Option<String>,
    /// The summary (`description`, `og:description`).
    pub description: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<String>,
}

impl PageMeta {
    /// The contract's `metadata` object: `{"authors", "canonical_url",
    /// "description", "language", "published", "publisher", "section", "title"}`.
    pub fn to_json_value(&self) -> Value {
        serde_json::json!({
            "authors": self.authors,
            "canonical_url": self.canonical_url,
            "description": self.description,
            "language": self.language,
            "published": self.published.map(|d| d.to_string()),
            "publisher": self.publisher,
            "section": self.section,
            "title": self.title,
        })
    }
}

fn clean(s: &str) -> Option<String> {
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

fn date(s: &str) -> Option<Date> {
    crate::meta::parse_date(s.get(..s.len().min(10)).unwrap_or(s)).ok()
}

/// `en` from `en-US`, `en_GB`, `EN`.
fn lang_code(s: &str) -> Option<String> {
    let code = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

fn set(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
];

fn is_article(v: &Value) -> bool {
    match &v["@type"] {
        Value::String(t) => ARTICLE_TYPES.contains(&t.as_str()),
        Value::Array(ts) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
        _ => false,
    }
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !s.starts_with("http") => out.extend(clean(s)),
        Value::Object(_) => {
            if let Some(s) = v["name"].as_str() {
                out.extend(clean(s));
            }
        }
        Value::Array(a) => a.iter().take(50).for_each(|x| names(x, out)),
        _ => {}
    }
}

fn first_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.iter().find_map(Value::as_str),
        _ => None,
    }
}

/// Article objects in a JSON-LD value: itself, its `@graph`, an array of them,
/// `mainEntity`; at most a few levels deep.
fn articles<'v>(v: &'v Value, depth: usize, out: &mut Vec<&'v Value>) {
    if depth > 4 || out.len() > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().take(64).for_each(|x| articles(x, depth + 1, out)),
        Value::Object(o) => {
            if is_article(v) {
                out.push(v);
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(x) = o.get(key) {
                    articles(x, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

fn from_json_ld(text: &str, meta: &mut PageMeta) {
    let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
        return;
    };
    let mut found = Vec::new();
    articles(&v, 0, &mut found);
    for a in found {
        set(
            &mut meta.title,
            a["headline"]
                .as_str()
                .or(a["name"].as_str())
                .and_then(clean),
        );
        if meta.authors.is_empty() {
            names(&a["author"], &mut meta.authors);
        }
        set(
            &mut meta.publisher,
            a["publisher"]["name"].as_str().and_then(clean),
        );
        if meta.published.is_none() {
            meta.published = a["datePublished"].as_str().and_then(date);
        }
        set(
            &mut meta.section,
            first_str(&a["articleSection"]).and_then(clean),
        );
        set(
            &mut meta.language,
            a["inLanguage"].as_str().and_then(lang_code),
        );
        set(
            &mut meta.description,
            a["description"].as_str().and_then(clean),
        );
    }
}

/// Read the page's metadata.
pub(crate) fn read(dom: &Dom) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut og = PageMeta::default();
    let mut tags = PageMeta::default();
    let mut html_lang = None;
    let mut title_tag = None;
    for (id, n) in dom.nodes.iter().enumerate() {
        let Some(tag) = n.tag() else { continue };
        match &**tag {
            "script"
                if n.attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                let mut text = String::new();
                for c in dom.children(id) {
                    if let Data::Text(t) = &dom.nodes[c].data {
                        text.push_str(t);
                    }
                }
                from_json_ld(&text, &mut meta);
            }
            "html" => html_lang = n.attr("lang").and_then(lang_code),
            "title" if title_tag.is_none() => {
                let mut text = String::new();
                for c in dom.children(id) {
                    if let Data::Text(t) = &dom.nodes[c].data {
                        text.push_str(t);
                    }
                }
                title_tag = clean(&text);
            }
            "link"
                if n.attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                set(&mut tags.canonical_url, n.attr("href").and_then(clean));
            }
            "meta" => {
                let key = n
                    .attr("property")
                    .or_else(|| n.attr("name"))
                    .or_else(|| n.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(value) = n.attr("content") else {
                    continue;
                };
                match key.as_str() {
                    "og:title" => set(&mut og.title, clean(value)),
                    "og:site_name" => set(&mut og.publisher, clean(value)),
                    "og:description" => set(&mut og.description, clean(value)),
                    "og:url" => set(&mut og.canonical_url, clean(value)),
                    "og:locale" => set(&mut og.language, lang_code(value)),
                    "article:section" => set(&mut og.section, clean(value)),
                    "article:published_time" | "og:published_time" if og.published.is_none() => {
                        og.published = date(value);
                    }
                    "article:author" | "author" | "dc.creator" | "sailthru.author"
                    | "parsely-author"
                        if !value.starts_with("http") && tags.authors.is_empty() =>
                    {
                        tags.authors.extend(clean(value));
                    }
                    "description" => set(&mut tags.description, clean(value)),
                    "datepublished" | "date" | "pubdate" | "publishdate" | "publish-date"
                    | "dc.date" | "dc.date.issued" | "parsely-pub-date" | "sailthru.date"
                    | "article.published" | "published-date"
                        if tags.published.is_none() =>
                    {
                        tags.published = date(value);
                    }
                    "language" | "content-language" | "dc.language" => {
                        set(&mut tags.language, lang_code(value));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    for other in [og, tags] {
        set(&mut meta.title, other.title);
        if meta.authors.is_empty() {
            meta.authors = other.authors;
        }
        set(&mut meta.publisher, other.publisher);
        meta.published = meta.published.or(other.published);
        set(&mut meta.section, other.section);
        set(&mut meta.language, other.language);
        set(&mut meta.description, other.description);
        set(&mut meta.canonical_url, other.canonical_url);
    }
    set(&mut meta.title, title_tag);
    set(&mut meta.language, html_lang);
    meta.authors.dedup();
    meta
}
