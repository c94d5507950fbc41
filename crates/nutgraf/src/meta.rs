//! What the caller knows about a document besides its text.

use jiff::civil::Date;

use crate::error::{Error, Result};

/// Metadata supplied with a document: its publication date, URL and source name.
///
/// The publication date is the reference for relative time expressions; when it
/// is absent nutgraf falls back to a date the document states about itself,
/// then to a date in the path of the URL (`/2011/01/05/`, `/2009/Feb/02/`,
/// `/2009-02-03-title`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Meta {
    /// Publication date, if known.
    pub published: Option<Date>,
    /// URL the text came from.
    pub url: Option<String>,
    /// Name of the publisher or outlet.
    pub source: Option<String>,
}

impl Meta {
    /// Empty metadata.
    pub fn new() -> Meta {
        Meta::default()
    }

    /// Set the publication date.
    #[must_use]
    pub fn with_published(mut self, date: Date) -> Meta {
        self.published = Some(date);
        self
    }

    /// Set the publication date from a `YYYY-MM-DD` string (a time part after `T` or
    /// a space is accepted and ignored).
    pub fn with_published_str(self, date: &str) -> Result<Meta> {
        Ok(self.with_published(parse_date(date)?))
    }

    /// Set the URL.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Meta {
        self.url = Some(url.into());
        self
    }

    /// Set the source (publisher) name.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> Meta {
        self.source = Some(source.into());
        self
    }
}

/// Read a caller-supplied `YYYY-MM-DD` date (a trailing time part is ignored).
pub fn parse_date(value: &str) -> Result<Date> {
    let trimmed = value.trim();
    let day = trimmed
        .split(['T', ' '])
        .next()
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::invalid_date(value, "empty value"))?;
    day.parse::<Date>()
        .map_err(|e| Error::invalid_date(value, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_rejects_garbage() {
        assert_eq!(
            parse_date("2023-10-17").unwrap(),
            jiff::civil::date(2023, 10, 17)
        );
        assert_eq!(
            parse_date("2023-10-17T08:00:00Z").unwrap(),
            jiff::civil::date(2023, 10, 17)
        );
        assert!(parse_date("17/10/2023").unwrap_err().is_invalid_date());
        assert!(parse_date("").unwrap_err().is_invalid_date());
        assert!(parse_date("2023-02-30").is_err());
    }
}
