//! The schema of every table: the one place that names columns and types.
//! `docs/tables.md` documents the same list, and a test compares the two.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};

use crate::{Table, SCHEMA_VERSION, SCHEMA_VERSION_KEY, TABLE_KEY};

/// Keys of the dictionary-encoded columns: 16 bits hold every label set nutgraf
/// has (the largest, Penn Treebank tags and relations, has fewer than 100).
pub(crate) const DICT_KEY: DataType = DataType::Int16;

fn dict_type() -> DataType {
    DataType::Dictionary(Box::new(DICT_KEY), Box::new(DataType::Utf8))
}

fn field(name: &str, data_type: DataType, nullable: bool) -> Field {
    Field::new(name, data_type, nullable)
}

fn utf8(name: &str, nullable: bool) -> Field {
    field(name, DataType::Utf8, nullable)
}

fn dict(name: &str, nullable: bool) -> Field {
    field(name, dict_type(), nullable)
}

fn int32(name: &str, nullable: bool) -> Field {
    field(name, DataType::Int32, nullable)
}

fn int64(name: &str, nullable: bool) -> Field {
    field(name, DataType::Int64, nullable)
}

fn date(name: &str, nullable: bool) -> Field {
    field(name, DataType::Date32, nullable)
}

/// `doc_id`, the key every table starts with.
fn doc_id() -> Field {
    utf8("doc_id", false)
}

/// `{prefix}start`, `{prefix}end` and `{prefix}text` of a span.
fn span(prefix: &str, nullable: bool) -> [Field; 3] {
    [
        int64(&format!("{prefix}start"), nullable),
        int64(&format!("{prefix}end"), nullable),
        utf8(&format!("{prefix}text"), nullable),
    ]
}

/// The item field of a list of strings (never null).
pub(crate) fn utf8_item() -> FieldRef {
    Arc::new(utf8("item", false))
}

/// The item field of a list of indices (never null).
pub(crate) fn int32_item() -> FieldRef {
    Arc::new(int32("item", false))
}

/// The fields of a span object inside a list: `start`, `end`, `text`.
pub(crate) fn span_struct_fields() -> Fields {
    Fields::from(span("", false).to_vec())
}

/// The item field of a list of spans.
pub(crate) fn span_item() -> FieldRef {
    Arc::new(field("item", DataType::Struct(span_struct_fields()), false))
}

/// The fields of a role: `title`, `affiliation`, `qualifier`.
pub(crate) fn role_struct_fields() -> Fields {
    Fields::from(vec![
        utf8("title", false),
        utf8("affiliation", true),
        utf8("qualifier", true),
    ])
}

/// The item field of a list of roles.
pub(crate) fn role_item() -> FieldRef {
    Arc::new(field("item", DataType::Struct(role_struct_fields()), false))
}

/// The fields of a web page's metadata (`Document::metadata`).
pub(crate) fn metadata_struct_fields() -> Fields {
    Fields::from(vec![
        field("authors", DataType::List(utf8_item()), false),
        utf8("canonical_url", true),
        utf8("description", true),
        utf8("language", true),
        date("published", true),
        utf8("publisher", true),
        utf8("section", true),
        utf8("title", true),
    ])
}

fn fields(table: Table) -> Vec<Field> {
    let mut f = vec![doc_id()];
    match table {
        Table::Documents => {
            f.extend([
                utf8("title", true),
                utf8("subtitle", true),
                field("authors", DataType::List(utf8_item()), false),
                field("author_spans", DataType::List(span_item()), false),
                utf8("publisher", true),
                date("published", true),
                dict("published_from", true),
            ]);
            f.extend(span("published_", true));
            f.extend([dict("language", true), utf8("url", true)]);
            f.extend(span("dateline_", true));
            f.extend([
                utf8("dateline_place", true),
                date("dateline_date", true),
                utf8("dateline_agency", true),
                field("body", DataType::LargeUtf8, false),
                field("text", DataType::LargeUtf8, false),
                field("html", DataType::LargeUtf8, true),
                field("metadata", DataType::Struct(metadata_struct_fields()), true),
            ]);
        }
        Table::Blocks => {
            f.extend([int32("block", false), dict("kind", false)]);
            f.extend(span("", false));
            f.extend([
                dict("lang", true),
                dict("reason", true),
                int64("html_start", true),
                int64("html_end", true),
            ]);
        }
        Table::Sentences => {
            f.extend([int32("sentence", false), int32("block", false)]);
            f.extend(span("", false));
        }
        Table::Words => {
            f.extend([int32("sentence", false), int32("word", false)]);
            f.extend(span("", false));
            f.extend([
                utf8("lemma", false),
                dict("upos", false),
                dict("xpos", false),
                int32("head", true),
                dict("deprel", false),
            ]);
        }
        Table::Entities => {
            f.extend([
                int32("entity", false),
                dict("label", false),
                utf8("name", false),
                field("aliases", DataType::List(utf8_item()), false),
                field("roles", DataType::List(role_item()), false),
            ]);
        }
        Table::Mentions => {
            f.extend([
                int32("entity", false),
                dict("label", false),
                dict("kind", false),
            ]);
            f.extend(span("", false));
        }
        Table::Times => {
            f.push(int32("time", false));
            f.extend(span("", false));
            f.extend([
                dict("type", false),
                utf8("value", true),
                utf8("end_value", true),
                dict("mod", true),
                dict("grain", false),
                date("anchor", true),
            ]);
        }
        Table::Quantities => {
            f.push(int32("quantity", false));
            f.extend(span("", false));
            f.extend([
                dict("kind", false),
                field("value", DataType::Float64, false),
                field("value_max", DataType::Float64, true),
                utf8("unit", true),
                utf8("per", true),
                field("approximate", DataType::Boolean, false),
                dict("bound", true),
            ]);
        }
        Table::Quotes => {
            f.push(int32("quote", false));
            f.extend(span("", false));
            f.extend([
                dict("kind", false),
                field("parts", DataType::List(span_item()), false),
            ]);
            f.extend(span("cue_", true));
            f.extend(span("speaker_", true));
            f.push(int32("speaker_entity", true));
        }
        Table::Attributions => {
            f.push(int32("attribution", false));
            f.extend(span("", false));
            f.push(dict("kind", false));
            f.extend(span("cue_", false));
            f.extend(span("source_", false));
            f.push(field(
                "source_entities",
                DataType::List(int32_item()),
                false,
            ));
        }
        Table::Events => {
            f.extend([
                int32("event", false),
                dict("type", false),
                dict("cameo", true),
            ]);
            f.extend(span("", false));
            f.extend(span("trigger_", false));
            f.extend(span("place_", true));
            f.extend([int32("place_entity", true), int32("time", true)]);
            f.extend(span("time_", true));
            f.extend([
                utf8("time_value", true),
                dict("polarity", false),
                dict("modality", false),
            ]);
        }
        Table::EventParticipants => {
            f.extend([int32("event", false), dict("role", false)]);
            f.extend(span("", false));
            f.push(int32("entity", true));
        }
        Table::Repairs => {
            f.push(int32("repair", false));
            f.extend([
                int64("start", false),
                int64("end", false),
                utf8("original", false),
                utf8("replacement", false),
                dict("kind", false),
            ]);
        }
    }
    f
}

/// The schema of `table`, built once per process.
pub(crate) fn schema(table: Table) -> SchemaRef {
    static SCHEMAS: OnceLock<Vec<SchemaRef>> = OnceLock::new();
    let all = SCHEMAS.get_or_init(|| {
        Table::ALL
            .iter()
            .map(|&t| {
                let metadata = HashMap::from([
                    (SCHEMA_VERSION_KEY.to_owned(), SCHEMA_VERSION.to_string()),
                    (TABLE_KEY.to_owned(), t.name().to_owned()),
                ]);
                Arc::new(Schema::new_with_metadata(fields(t), metadata))
            })
            .collect()
    });
    Arc::clone(&all[table as usize])
}
