//! The `--dates` sidecar: publication dates for input files, as JSON Lines.
//!
//! Each non-blank line is `{"file": "<path>", "published": "YYYY-MM-DD" | null, ...}`
//! (other keys are ignored), the format of the sample corpus's `seeds.jsonl`.
//! An input file matches the entry whose path shares the longest run of trailing
//! path components with it: `seeds/000.txt` in the sidecar matches the input
//! `/work/corpus/seeds/000.txt` and also `000.txt`. When two entries tie for the
//! best match the file gets no date from the sidecar (and a warning).

use std::path::{Component, Path};

use anyhow::{bail, Context, Result};
use nutgraf::Date;
use serde_json::Value;

/// Dates read from a sidecar file.
#[derive(Debug, Default)]
pub struct DateSidecar {
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    /// Normal path components of `file`, e.g. `["seeds", "000.txt"]`.
    components: Vec<String>,
    published: Option<Date>,
}

/// The result of looking a file up in the sidecar.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// One entry matched best; its date (which may be null).
    Found(Option<Date>),
    /// No entry shares even the file name.
    Missing,
    /// Several entries match equally well.
    Ambiguous,
}

fn components(path: &str) -> Vec<String> {
    Path::new(path)
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect()
}

fn common_suffix(a: &[String], b: &[String]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

impl DateSidecar {
    /// Read a sidecar file. Any unreadable line is an error naming the file and line.
    pub fn load(path: &str) -> Result<DateSidecar> {
        let content = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read dates file {path}"))?;
        // A byte-order mark is no part of the first line.
        let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
        Self::from_jsonl(content).with_context(|| format!("in dates file {path}"))
    }

    /// Read sidecar entries from JSON Lines text.
    pub fn from_jsonl(content: &str) -> Result<DateSidecar> {
        let mut entries = Vec::new();
        for (i, line) in content.lines().enumerate() {
            let n = i + 1;
            if line.trim().is_empty() {
                continue;
            }
            let value: Value =
                serde_json::from_str(line).with_context(|| format!("line {n}: not JSON"))?;
            let Some(file) = value.get("file").and_then(Value::as_str) else {
                bail!("line {n}: expected a string \"file\" key");
            };
            let published = match value.get("published") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(
                    nutgraf::parse_date(s).with_context(|| format!("line {n} ({file})"))?,
                ),
                Some(other) => bail!("line {n} ({file}): \"published\" is {other}, expected a YYYY-MM-DD string or null"),
            };
            entries.push(Entry {
                components: components(file),
                published,
            });
        }
        Ok(DateSidecar { entries })
    }

    /// Find the date for an input path.
    pub fn lookup(&self, path: &str) -> Lookup {
        let wanted = components(path);
        let mut best = 0;
        let mut found: Option<&Entry> = None;
        let mut tie = false;
        for entry in &self.entries {
            let n = common_suffix(&entry.components, &wanted);
            if n == 0 {
                continue;
            }
            if n > best {
                best = n;
                found = Some(entry);
                tie = false;
            } else if n == best && found.is_some_and(|f| f.published != entry.published) {
                tie = true;
            }
        }
        match found {
            None => Lookup::Missing,
            Some(_) if tie => Lookup::Ambiguous,
            Some(e) => Lookup::Found(e.published),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIDECAR: &str = r#"{"file": "seeds/000_a.txt", "published": "2023-10-17", "published_basis": "x"}
{"file": "seeds/001_b.txt", "published": null}

{"file": "other/000_a.txt", "published": "2024-05-16"}
"#;

    #[test]
    fn matches_by_longest_path_suffix() {
        let s = DateSidecar::from_jsonl(SIDECAR).unwrap();
        let d = nutgraf::parse_date("2023-10-17").unwrap();
        assert_eq!(
            s.lookup("/work/corpus/seeds/000_a.txt"),
            Lookup::Found(Some(d))
        );
        assert_eq!(s.lookup("./seeds/000_a.txt"), Lookup::Found(Some(d)));
        assert_eq!(s.lookup("000_a.txt"), Lookup::Ambiguous);
        assert_eq!(s.lookup("x/001_b.txt"), Lookup::Found(None));
        assert_eq!(s.lookup("seeds/999.txt"), Lookup::Missing);
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = DateSidecar::from_jsonl("{\"file\": \"a\"}\nnope\n").unwrap_err();
        assert!(format!("{err:#}").contains("line 2"), "{err:#}");
        let err = DateSidecar::from_jsonl("{\"file\": \"a\", \"published\": \"17/10/2023\"}")
            .unwrap_err();
        assert!(format!("{err:#}").contains("line 1 (a)"), "{err:#}");
    }
}
