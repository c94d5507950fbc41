//! The tables against the documents they come from: on the seed articles
//! (parsed with syntax, so every table has rows), the golden web page and a
//! damaged text, every table has one row per item, every value equals the
//! JSON contract's (`docs/contract.md`), every span slices to its text, and
//! every schema is the one `docs/tables.md` documents.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int16Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use nutgraf::{Document, Meta, Options, Parser};
use nutgraf_arrow::{Table, Tables, TablesBuilder, SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLE_KEY};
use serde_json::{json, Value};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The five seed articles parsed with syntax on, named by their file stems.
fn seeds() -> Vec<(String, Document)> {
    let dir = repo().join("examples/corpus");
    let index = std::fs::read_to_string(dir.join("seeds.jsonl")).expect("seeds.jsonl");
    let parser = Parser::new(Options::new().syntax(true));
    let docs: Vec<_> = index
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let file = v["file"].as_str().unwrap();
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let meta = Meta::new()
                .with_published_str(v["published"].as_str().unwrap())
                .unwrap();
            let name = Path::new(file).file_stem().unwrap().to_str().unwrap();
            (name.to_owned(), parser.parse(&text, &meta).unwrap())
        })
        .collect();
    assert_eq!(docs.len(), 5);
    docs
}

/// A web page (`html`, `metadata`, blocks' HTML ranges) and a damaged text
/// (repairs, non-ASCII offsets).
fn others() -> Vec<(String, Document)> {
    let html = std::fs::read_to_string(repo().join("tests/golden/html/article.html")).unwrap();
    let page = nutgraf::parse_html(&html, &Meta::new()).unwrap();
    assert!(page.metadata.is_some() && page.html.is_some());
    let damaged = "Putin in Beijing\n\nRussian President VladÃ\u{ad}mir Putin met Xi Jinping \
                   on Tuesday &amp; said the talks were â€œvery productiveâ€\u{9d}, the \
                   Kremlin said.\n\nBoth leaders signed 12 agreements worth $2.5 billion.";
    let meta = Meta::new().with_published_str("2023-10-17").unwrap();
    let damaged = Parser::new(Options::new().syntax(true))
        .parse(damaged, &meta)
        .unwrap();
    assert!(!damaged.repairs.is_empty());
    vec![("page".to_owned(), page), ("damaged".to_owned(), damaged)]
}

fn all_docs() -> Vec<(String, Document)> {
    let mut docs = seeds();
    docs.extend(others());
    docs
}

fn build(docs: &[(String, Document)]) -> Tables {
    nutgraf_arrow::to_tables_with_ids(docs.iter().map(|(id, d)| (id.as_str(), d)))
}

/// The item count of `table` in `doc`.
fn items(table: Table, doc: &Document) -> usize {
    match table {
        Table::Documents => 1,
        Table::Blocks => doc.blocks.len(),
        Table::Sentences => doc.sentences.len(),
        Table::Words => doc.words.len(),
        Table::Entities => doc.entities.len(),
        Table::Mentions => doc
            .entities
            .iter()
            .map(|e| e.mentions.len() + e.references.len() + e.pronouns.len())
            .sum(),
        Table::Times => doc.times.len(),
        Table::Quantities => doc.quantities.len(),
        Table::Quotes => doc.quotes.len(),
        Table::Attributions => doc.attributions.len(),
        Table::Events => doc.events.len(),
        Table::EventParticipants => doc
            .events
            .iter()
            .map(|e| e.actors.len() + e.targets.len())
            .sum(),
        Table::Repairs => doc.repairs.len(),
        _ => unreachable!("a table this test does not know"),
    }
}

#[test]
fn one_row_per_item() {
    let docs = all_docs();
    let tables = build(&docs);
    for (table, batches) in tables.iter() {
        assert_eq!(batches.len(), 1, "{table}");
        let want: usize = docs.iter().map(|(_, d)| items(table, d)).sum();
        assert_eq!(tables.num_rows(table), want, "{table}");
        // Each document's rows, in order and together.
        let ids = batches[0].column(0).as_string::<i32>();
        let mut at = 0;
        for (id, doc) in &docs {
            for _ in 0..items(table, doc) {
                assert_eq!(ids.value(at), id, "{table} row {at}");
                at += 1;
            }
        }
    }
    // The seeds fill every table but repairs; the damaged text has those.
    for table in Table::ALL {
        let seeds = seeds();
        let n: usize = seeds.iter().map(|(_, d)| items(table, d)).sum();
        eprintln!("{table}: {n} rows on the seeds");
        assert!(
            n > 0 || table == Table::Repairs,
            "{table} is empty on the seeds"
        );
    }
}

/// Arrow value at `row` of `array` as JSON (dates as `YYYY-MM-DD`).
fn to_json(array: &dyn Array, row: usize) -> Value {
    if array.is_null(row) {
        return Value::Null;
    }
    match array.data_type() {
        DataType::Utf8 => json!(array.as_string::<i32>().value(row)),
        DataType::LargeUtf8 => json!(array.as_string::<i64>().value(row)),
        DataType::Int32 => json!(array.as_primitive::<Int32Type>().value(row)),
        DataType::Int64 => json!(array.as_primitive::<Int64Type>().value(row)),
        DataType::Float64 => json!(array.as_primitive::<Float64Type>().value(row)),
        DataType::Boolean => json!(array.as_boolean().value(row)),
        DataType::Date32 => {
            let days = array.as_primitive::<Date32Type>().value(row);
            let date = nutgraf::Date::constant(1970, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(days)))
                .unwrap();
            json!(date.to_string())
        }
        DataType::Dictionary(_, _) => {
            let dict = array.as_dictionary::<Int16Type>();
            let key = dict.keys().value(row);
            to_json(dict.values().as_ref(), usize::try_from(key).unwrap())
        }
        DataType::List(_) => {
            let list = array.as_list::<i32>();
            let items = list.value(row);
            Value::Array((0..items.len()).map(|i| to_json(&items, i)).collect())
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let mut obj = serde_json::Map::new();
            for (f, col) in fields.iter().zip(s.columns()) {
                obj.insert(f.name().clone(), to_json(col.as_ref(), row));
            }
            Value::Object(obj)
        }
        other => panic!("no JSON for {other}"),
    }
}

/// The contract's value for `column` of an item object: its key, or a
/// prefixed key of a sub-object (`cue_start` is `cue.start`; null when the
/// sub-object is); `None` when the contract has no such value.
fn contract_value(item: &Value, column: &str) -> Option<Value> {
    if let Some(v) = item.get(column) {
        return Some(v.clone());
    }
    let (head, tail) = column.split_once('_')?;
    match item.get(head)? {
        Value::Null => Some(Value::Null),
        sub @ Value::Object(_) => Some(sub.get(tail).cloned().unwrap_or(Value::Null)),
        _ => None,
    }
}

/// Numbers compare as numbers (`2500000000` in the contract, `2.5e9` in a
/// `float64` column).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The contract object each row of `table` comes from, in row order.
fn contract_items(table: Table, doc: &Value) -> Vec<Value> {
    let list = |key: &str| doc[key].as_array().unwrap().clone();
    match table {
        Table::Documents => vec![doc.clone()],
        Table::Words => list("sentences")
            .iter()
            .flat_map(|s| s["words"].as_array().cloned().unwrap_or_default())
            .collect(),
        Table::Mentions => list("entities")
            .iter()
            .flat_map(|e| {
                [
                    ("mentions", "name"),
                    ("references", "reference"),
                    ("pronouns", "pronoun"),
                ]
                .into_iter()
                .flat_map(move |(key, kind)| {
                    e[key].as_array().unwrap().iter().map(move |m| {
                        let mut m = m.clone();
                        m["kind"] = json!(kind);
                        m["label"] = e["label"].clone();
                        m
                    })
                })
            })
            .collect(),
        Table::EventParticipants => list("events")
            .iter()
            .flat_map(|e| {
                [("actors", "actor"), ("targets", "target")]
                    .into_iter()
                    .flat_map(move |(key, role)| {
                        e[key].as_array().unwrap().iter().map(move |p| {
                            let mut p = p.clone();
                            p["role"] = json!(role);
                            p
                        })
                    })
            })
            .collect(),
        _ => list(table.name()),
    }
}

/// Columns the contract does not have, or has in another form: checked by
/// other tests (indices, `text` of sentences, `time` index of events).
fn not_in_contract(table: Table, column: &str) -> bool {
    let own_index = match table {
        Table::Blocks => "block",
        Table::Sentences => "sentence",
        Table::Words => "word",
        Table::Entities | Table::Mentions => "entity",
        Table::Times => "time",
        Table::Quantities => "quantity",
        Table::Quotes => "quote",
        Table::Attributions => "attribution",
        Table::Events | Table::EventParticipants => "event",
        Table::Repairs => "repair",
        _ => "",
    };
    column == "doc_id"
        || column == own_index
        || matches!(
            (table, column),
            (Table::Sentences, "text") | (Table::Words, "sentence") | (Table::Events, "time")
        )
}

#[test]
fn every_value_is_the_contracts() {
    let docs = all_docs();
    let tables = build(&docs);
    for (table, batches) in tables.iter() {
        let batch = &batches[0];
        let schema = batch.schema();
        let mut row = 0;
        for (id, doc) in &docs {
            let contract = doc.to_json_value();
            let expected = contract_items(table, &contract);
            assert_eq!(expected.len(), items(table, doc), "{table} of {id}");
            for item in &expected {
                for (field, col) in schema.fields().iter().zip(batch.columns()) {
                    let name = field.name().as_str();
                    if not_in_contract(table, name) {
                        continue;
                    }
                    let want = match (table, name) {
                        (Table::Documents, "published_from") => item["published_from"]
                            .get("kind")
                            .cloned()
                            .unwrap_or(Value::Null),
                        (
                            Table::Documents,
                            "published_start" | "published_end" | "published_text",
                        ) => {
                            let key = name.trim_start_matches("published_");
                            item["published_from"]
                                .get(key)
                                .cloned()
                                .unwrap_or(Value::Null)
                        }
                        // Keys the contract leaves out when they have no value.
                        (Table::Documents, "html" | "metadata")
                        | (Table::Blocks, "html_start" | "html_end" | "reason") => {
                            item.get(name).cloned().unwrap_or(Value::Null)
                        }
                        _ => contract_value(item, name)
                            .unwrap_or_else(|| panic!("{table}.{name} is not in the contract")),
                    };
                    let got = to_json(col.as_ref(), row);
                    assert!(
                        same(&got, &want),
                        "{table}.{name} of {id} row {row}: {got} != {want}"
                    );
                }
                row += 1;
            }
        }
        assert_eq!(row, batch.num_rows(), "{table}");
    }
}

/// `start`/`end` columns (and span lists) against the text beside them.
#[test]
fn every_offset_slices_to_its_text() {
    let docs = all_docs();
    let by_id: HashMap<&str, &Document> = docs.iter().map(|(id, d)| (id.as_str(), d)).collect();
    // Byte offset of each code point of each text, and of its end.
    let bounds: HashMap<&str, Vec<usize>> = docs
        .iter()
        .map(|(id, d)| {
            let b = d.text.char_indices().map(|(i, _)| i).chain([d.text.len()]);
            (id.as_str(), b.collect())
        })
        .collect();
    let tables = build(&docs);
    let mut checked = 0;
    for (table, batches) in tables.iter() {
        let batch = &batches[0];
        let ids = batch.column(0).as_string::<i32>();
        let schema = batch.schema();
        for (field, col) in schema.fields().iter().zip(batch.columns()) {
            let name = field.name();
            let Some(prefix) = name.strip_suffix("start") else {
                if let DataType::List(_) = field.data_type() {
                    // Lists of spans: `parts`, `author_spans`.
                    let list = col.as_list::<i32>();
                    let Some(items) = list.values().as_struct_opt() else {
                        continue;
                    };
                    if items.column_by_name("start").is_none() {
                        continue;
                    }
                    for row in 0..batch.num_rows() {
                        let (doc, b) = (by_id[ids.value(row)], &bounds[ids.value(row)]);
                        let spans = list.value(row);
                        let spans = spans.as_struct();
                        for i in 0..spans.len() {
                            let s = spans.column(0).as_primitive::<Int64Type>().value(i);
                            let e = spans.column(1).as_primitive::<Int64Type>().value(i);
                            let text = spans.column(2).as_string::<i32>().value(i);
                            let (s, e) = (usize::try_from(s).unwrap(), usize::try_from(e).unwrap());
                            assert_eq!(&doc.text[b[s]..b[e]], text, "{table}.{name}");
                            checked += 1;
                        }
                    }
                }
                continue;
            };
            let starts = col.as_primitive::<Int64Type>();
            let ends = batch
                .column_by_name(&format!("{prefix}end"))
                .unwrap()
                .as_primitive::<Int64Type>();
            let texts = if table == Table::Repairs {
                batch.column_by_name("original")
            } else if prefix == "html_" {
                None
            } else {
                batch.column_by_name(&format!("{prefix}text"))
            };
            for row in 0..batch.num_rows() {
                if starts.is_null(row) {
                    assert!(ends.is_null(row), "{table}.{prefix}end");
                    continue;
                }
                let (s, e) = (starts.value(row), ends.value(row));
                let (s, e) = (usize::try_from(s).unwrap(), usize::try_from(e).unwrap());
                let doc = by_id[ids.value(row)];
                if prefix == "html_" {
                    // Into the HTML, as code points.
                    let html = doc.html.as_deref().unwrap();
                    assert!(s <= e && e <= html.chars().count(), "{table}.{name}");
                    continue;
                }
                let b = &bounds[ids.value(row)];
                let texts = texts.unwrap_or_else(|| panic!("{table}.{prefix}text"));
                let text = texts.as_string::<i32>().value(row);
                assert_eq!(&doc.text[b[s]..b[e]], text, "{table}.{name} row {row}");
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} spans checked");
}

/// Readable name of an Arrow type, as `docs/tables.md` writes it.
fn type_name(t: &DataType) -> String {
    match t {
        DataType::Utf8 => "utf8".into(),
        DataType::LargeUtf8 => "large_utf8".into(),
        DataType::Int16 => "int16".into(),
        DataType::Int32 => "int32".into(),
        DataType::Int64 => "int64".into(),
        DataType::Float64 => "float64".into(),
        DataType::Boolean => "bool".into(),
        DataType::Date32 => "date32".into(),
        DataType::Dictionary(k, v) => format!("dictionary<{}, {}>", type_name(k), type_name(v)),
        DataType::List(f) => format!("list<{}>", type_name(f.data_type())),
        DataType::Struct(fields) => {
            let inner: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.name(), type_name(f.data_type())))
                .collect();
            format!("struct<{}>", inner.join(", "))
        }
        other => panic!("no name for {other}"),
    }
}

/// `(column, type, nullable)` of each table of `docs/tables.md`: the rows of
/// the markdown table under each third-level heading (the table's name).
fn documented() -> HashMap<String, Vec<(String, String, bool)>> {
    let md = std::fs::read_to_string(repo().join("docs/tables.md")).expect("docs/tables.md");
    let mut out: HashMap<String, Vec<(String, String, bool)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            current = Some(h.trim().trim_matches('`').to_owned());
            continue;
        }
        let Some(table) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `column` | `type` | yes/no | meaning |
        if cells.len() >= 5 && cells[1].starts_with('`') {
            let nullable = match cells[3] {
                "yes" => true,
                "no" => false,
                other => panic!("{table}.{}: nullable is {other:?}, not yes or no", cells[1]),
            };
            out.entry(table.clone()).or_default().push((
                cells[1].trim_matches('`').to_owned(),
                cells[2].trim_matches('`').to_owned(),
                nullable,
            ));
        }
    }
    out
}

#[test]
fn schemas_are_documented() {
    let docs = documented();
    let mut names: Vec<&String> = docs.keys().collect();
    names.sort();
    let mut want: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
    want.sort_unstable();
    assert_eq!(names, want, "the tables of docs/tables.md");
    for table in Table::ALL {
        let schema = table.schema();
        let got: Vec<(String, String, bool)> = schema
            .fields()
            .iter()
            .map(|f| (f.name().clone(), type_name(f.data_type()), f.is_nullable()))
            .collect();
        assert_eq!(got, docs[table.name()], "docs/tables.md, table {table}");
        assert_eq!(
            schema.metadata()[SCHEMA_VERSION_KEY],
            SCHEMA_VERSION.to_string()
        );
        assert_eq!(schema.metadata()[TABLE_KEY], table.name());
        assert_eq!(Table::from_name(table.name()), Some(table));
    }
}

/// Batches of the tables of `docs` built in chunks of `max` string bytes.
fn chunked(docs: &[(String, Document)], max: usize) -> Tables {
    let mut b = TablesBuilder::new().max_chunk_bytes(max);
    for (id, doc) in docs {
        b.push(id, doc);
    }
    b.finish()
}

#[test]
fn chunks_hold_whole_documents() {
    let docs = all_docs();
    let whole = build(&docs);
    // Every document passes one byte: one batch per document.
    let tables = chunked(&docs, 1);
    for (table, batches) in tables.iter() {
        assert_eq!(batches.len(), docs.len(), "{table}");
        for (batch, (_, doc)) in batches.iter().zip(&docs) {
            assert_eq!(batch.num_rows(), items(table, doc), "{table}");
            assert_eq!(batch.schema(), table.schema());
        }
        assert_eq!(rows(batches), rows(whole.batches(table)), "{table}");
    }
}

/// The values of every row of `batches`, in order.
fn rows(batches: &[RecordBatch]) -> Vec<Vec<Value>> {
    batches
        .iter()
        .flat_map(|b| {
            (0..b.num_rows())
                .map(move |r| b.columns().iter().map(|c| to_json(c.as_ref(), r)).collect())
        })
        .collect()
}

#[test]
fn empty_input_gives_empty_tables() {
    let tables = nutgraf_arrow::to_tables(std::iter::empty());
    for (table, batches) in tables.iter() {
        assert_eq!(batches.len(), 1, "{table}");
        assert_eq!(batches[0].num_rows(), 0);
        assert_eq!(batches[0].schema(), table.schema());
    }
}

#[test]
fn positions_are_the_default_ids() {
    let docs = seeds();
    let tables = nutgraf_arrow::to_tables(docs.iter().map(|(_, d)| d));
    let ids = tables.batches(Table::Documents)[0]
        .column(0)
        .as_string::<i32>();
    let got: Vec<&str> = ids.iter().map(Option::unwrap).collect();
    assert_eq!(got, ["0", "1", "2", "3", "4"]);
}

#[test]
fn tables_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Tables>();
    check::<TablesBuilder>();
}
