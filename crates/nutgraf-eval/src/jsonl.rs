//! Reading evaluation files and command-line options.

use serde_json::Value;

/// Read a JSONL file into values, naming the line of any bad record.
/// Read a JSONL file (see the module docs).
pub fn read(path: &str) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{path}:{}: not JSON: {e}", i + 1))
        })
        .collect()
}

/// The value of `--name VALUE` in `args`, if present.
pub fn opt_str<'a>(args: &'a [String], name: &str) -> Result<Option<&'a str>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .map(|s| Some(s.as_str()))
            .ok_or_else(|| format!("{name} takes a value")),
    }
}

/// The value of `--name N` in `args`, if present.
pub fn opt_usize(args: &[String], name: &str) -> Result<Option<usize>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .map(Some)
            .ok_or_else(|| format!("{name} takes a number")),
    }
}

/// True when the flag is present.
pub fn flag(args: &[String], name: &str) -> bool {
    args.iter().any(|a| a == name)
}

/// The first argument that is not an option or an option's value (every
/// option that takes a value must be listed here).
pub fn positional(args: &[String]) -> Option<&str> {
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if matches!(
            a.as_str(),
            "--worst"
                | "--limit"
                | "--scheme"
                | "--errors"
                | "--per-doc"
                | "--model"
                | "--out"
                | "--epochs"
                | "--seed"
                | "--train"
                | "--dev"
                | "--rules"
                | "--roots"
                | "--parser"
                | "--write"
                | "--prune-parser"
                | "--prune"
                | "--folds"
                | "--min-count"
                | "--parser-epochs"
                | "--tagger"
                | "--tags-cache"
                | "--orders"
                | "--chain-errors"
        ) {
            skip = true;
            continue;
        }
        if !a.starts_with("--") {
            return Some(a);
        }
    }
    None
}

/// A record's text: its `text`, or the `raw_text` of the article extraction
/// benchmark.
pub fn text_of(record: &Value) -> Option<&str> {
    ["text", "raw_text"]
        .iter()
        .find_map(|k| record.get(*k).and_then(Value::as_str))
}

/// A `{"start","end"}` object's offsets, if both are there.
pub fn span_of(v: &Value) -> Option<(usize, usize)> {
    Some((
        usize::try_from(v["start"].as_u64()?).ok()?,
        usize::try_from(v["end"].as_u64()?).ok()?,
    ))
}

/// Whether two `(start, end)` ranges share a position.
pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_values_are_not_the_file() {
        let args: Vec<String> = ["--rules", "20", "--no-syntax", "dev.jsonl"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(positional(&args), Some("dev.jsonl"));
        let args: Vec<String> = ["--roots", "r.tsv", "dict", "--out", "d"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        assert_eq!(positional(&args), Some("dict"));
    }
}
