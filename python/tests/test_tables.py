"""``nutgraf.to_arrow``, ``to_pandas`` and ``to_polars``: the tables of
``docs/tables.md`` read by pyarrow, pandas and Polars, checked against
``Document.to_dict()`` (the JSON contract).

Each reader's tests are skipped when it is not installed; the tests of
``to_arrow`` itself need none of them.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import nutgraf

from seeds import load_seeds

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "tests/golden/html/article.html").read_text(encoding="utf-8")
DAMAGED = (
    "Putin in Beijing\n\nBy Jane Doe\n\nBEIJING, Oct 17 (Reuters) - Russian President "
    "VladÃ\xadmir Putin met Xi Jinping on Tuesday &amp; signed deals worth $2.5 billion, "
    "according to the Kremlin. “We will win,” he said."
)
TABLES = [
    "documents",
    "blocks",
    "sentences",
    "words",
    "entities",
    "mentions",
    "times",
    "quantities",
    "quotes",
    "attributions",
    "events",
    "event_participants",
    "repairs",
]


def documents() -> list[tuple[str, nutgraf.Document]]:
    """The seeds with syntax, a damaged text (repairs, non-ASCII) and a web page."""
    out = [
        (seed.name, nutgraf.parse(seed.text, published=seed.published, syntax=True))
        for seed in load_seeds()
    ]
    out.append(("damaged", nutgraf.parse(DAMAGED, published="2023-10-17", syntax=True)))
    out.append(("page", nutgraf.parse_html(PAGE)))
    return out


DOCS = documents()
IDS = [name for name, _ in DOCS]
DICTS = {name: doc.to_dict() for name, doc in DOCS}


def contract_items(table: str, d: dict[str, Any]) -> list[dict[str, Any]]:
    """The contract objects each row of ``table`` comes from, in row order."""
    if table == "documents":
        return [d]
    if table == "words":
        return [w for s in d["sentences"] for w in s.get("words", [])]
    if table == "mentions":
        return [
            {**m, "kind": kind, "label": e["label"]}
            for e in d["entities"]
            for key, kind in [("mentions", "name"), ("references", "reference"), ("pronouns", "pronoun")]
            for m in e[key]
        ]
    if table == "event_participants":
        return [
            {**p, "role": role}
            for e in d["events"]
            for key, role in [("actors", "actor"), ("targets", "target")]
            for p in e[key]
        ]
    items: list[dict[str, Any]] = d[table]
    return items


def expected_rows(table: str) -> int:
    return sum(len(contract_items(table, d)) for d in DICTS.values())


def test_to_arrow_tables_and_row_counts() -> None:
    tables = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)
    assert list(tables) == TABLES
    for name, table in tables.items():
        assert isinstance(table, nutgraf.ArrowTable)
        assert table.name == name
        assert table.num_rows == len(table) == expected_rows(name), name
        assert table.num_batches == 1
        assert table.column_names[0] == "doc_id"
        assert repr(table).startswith(f"<ArrowTable {name}: {table.num_rows} rows")
    # Every table has rows on these documents.
    assert all(t.num_rows > 0 for t in tables.values())
    assert nutgraf.TABLES_SCHEMA_VERSION == 1


def test_ids() -> None:
    docs = [doc for _, doc in DOCS[:3]]
    with pytest.raises(nutgraf.InvalidOptionError, match="got 2 ids for 3 documents"):
        nutgraf.to_arrow(docs, ids=["a", "b"])
    with pytest.raises(TypeError, match="not a single str"):
        nutgraf.to_arrow(docs, ids="abc")
    with pytest.raises(TypeError, match=r"ids\[1\] must be a str or an int, not float"):
        nutgraf.to_arrow(docs, ids=["a", 1.5, "c"])
    with pytest.raises(TypeError, match=r"docs\[1\] must be a Document, not str"):
        nutgraf.to_arrow([docs[0], "text"])  # type: ignore[list-item]
    pa = pytest.importorskip("pyarrow")
    ids_of = lambda tables: pa.table(tables["documents"]).column("doc_id").to_pylist()  # noqa: E731
    assert ids_of(nutgraf.to_arrow(docs)) == ["0", "1", "2"]
    assert ids_of(nutgraf.to_arrow(iter(docs), ids=[7, "b", 10**20])) == ["7", "b", str(10**20)]


def test_empty() -> None:
    tables = nutgraf.to_arrow([])
    assert list(tables) == TABLES
    assert all(t.num_rows == 0 for t in tables.values())


# --- pyarrow -------------------------------------------------------------


def documented_types() -> dict[str, list[tuple[str, str, bool]]]:
    """``(column, type, nullable)`` of each table in docs/tables.md."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    table = None
    for line in (ROOT / "docs/tables.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            table = line[4:].strip().strip("`")
            out[table] = []
        elif table and line.startswith("| `"):
            cells = [c.strip() for c in line.split("|")]
            out[table].append((cells[1].strip("`"), cells[2].strip("`"), cells[3] == "yes"))
    return out


def arrow_type(name: str) -> Any:
    """The pyarrow type that docs/tables.md writes as ``name``."""
    import pyarrow as pa

    simple = {
        "utf8": pa.string(),
        "large_utf8": pa.large_string(),
        "int16": pa.int16(),
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "bool": pa.bool_(),
        "date32": pa.date32(),
    }
    if name in simple:
        return simple[name]
    if m := re.fullmatch(r"dictionary<(\w+), (\w+)>", name):
        return pa.dictionary(simple[m[1]], simple[m[2]])
    if m := re.fullmatch(r"list<(.*)>", name):
        return pa.list_(pa.field("item", arrow_type(m[1]), nullable=False))
    if m := re.fullmatch(r"struct<(.*)>", name):
        fields, depth, start = [], 0, 0
        inner = m[1] + ","
        for i, c in enumerate(inner):
            depth += c == "<"
            depth -= c == ">"
            if c == "," and depth == 0:
                field_name, field_type = inner[start:i].strip().split(": ", 1)
                fields.append((field_name, arrow_type(field_type)))
                start = i + 1
        return pa.struct(fields)
    raise AssertionError(f"unknown type {name}")


def test_pyarrow_schemas_are_documented() -> None:
    pa = pytest.importorskip("pyarrow")
    tables = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)
    documented = documented_types()
    assert list(documented) == TABLES
    for name, table in tables.items():
        t = pa.table(table)
        assert t.num_rows == table.num_rows
        assert t.column_names == table.column_names
        assert t.schema.metadata == {
            b"nutgraf.tables.schema_version": b"1",
            b"nutgraf.table": name.encode(),
        }
        got = [(f.name, f.type, f.nullable) for f in t.schema]
        want = [(c, arrow_type(ty), null) for c, ty, null in documented[name]]
        for g, w in zip(got, want, strict=True):
            # Struct fields' nullability is documented in words, not types.
            assert g[0] == w[0] and g[2] == w[2], (name, g, w)
            assert g[1].equals(w[1]) or str(g[1]).replace(" not null", "") == str(w[1]).replace(
                " not null", ""
            ), (name, g, w)
        # The schema capsule alone gives the same schema.
        assert pa.schema(table).equals(t.schema, check_metadata=True)


def as_contract(value: Any) -> Any:
    """A pyarrow value as the contract writes it (dates as ISO strings)."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [as_contract(v) for v in value]
    if isinstance(value, dict):
        return {k: as_contract(v) for k, v in value.items()}
    return value


#: Columns that are not the contract's: indices, a sentence's text (checked by
#: slicing), an event's time index (the contract has the time's object).
OWN_INDEX = {
    "blocks": "block",
    "sentences": "sentence",
    "words": "word",
    "entities": "entity",
    "mentions": "entity",
    "times": "time",
    "quantities": "quantity",
    "quotes": "quote",
    "attributions": "attribution",
    "events": "event",
    "event_participants": "event",
    "repairs": "repair",
}
OTHERS = {("sentences", "text"), ("words", "sentence"), ("events", "time")}


def contract_value(table: str, item: dict[str, Any], column: str) -> Any:
    """The contract's value for ``column``: its key, or a prefixed key of a
    sub-object (``cue_start`` is ``cue["start"]``)."""
    if table == "documents" and column == "published_from":
        return (item["published_from"] or {}).get("kind")
    if table == "documents" and column.startswith("published_"):
        return (item["published_from"] or {}).get(column.removeprefix("published_"))
    if column in item:
        return item[column]
    head, _, tail = column.partition("_")
    if head in item and (item[head] is None or isinstance(item[head], dict)):
        return (item[head] or {}).get(tail)
    # Keys the contract leaves out when they have no value.
    assert column in {"html", "metadata", "reason", "html_start", "html_end"}, (table, column)
    return None


def test_pyarrow_values_are_the_contracts() -> None:
    pa = pytest.importorskip("pyarrow")
    tables = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)
    for name, table in tables.items():
        rows = pa.table(table).to_pylist()
        items = [(i, item) for i in IDS for item in contract_items(name, DICTS[i])]
        assert len(rows) == len(items), name
        for row, (doc_id, item) in zip(rows, items, strict=True):
            assert row["doc_id"] == doc_id
            for column, value in row.items():
                if column in ("doc_id", OWN_INDEX.get(name)) or (name, column) in OTHERS:
                    continue
                want = contract_value(name, item, column)
                assert as_contract(value) == want, (name, doc_id, column)


def test_pyarrow_offsets_slice_to_text() -> None:
    pa = pytest.importorskip("pyarrow")
    tables = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)
    texts = {i: d["text"] for i, d in DICTS.items()}
    checked = 0
    for name, table in tables.items():
        for row in pa.table(table).to_pylist():
            text = texts[row["doc_id"]]
            for column in row:
                if not column.endswith("start") or column == "html_start":
                    continue
                prefix = column.removesuffix("start")
                start, end = row[column], row[prefix + "end"]
                said = row["original" if name == "repairs" else prefix + "text"]
                if start is None:
                    assert end is None and said is None
                    continue
                assert text[start:end] == said, (name, column)
                checked += 1
            for spans in (row.get("parts"), row.get("author_spans")):
                for s in spans or []:
                    assert text[s["start"] : s["end"]] == s["text"]
                    checked += 1
    assert checked > 3000


def test_pyarrow_reads_a_table_twice_and_in_batches() -> None:
    pa = pytest.importorskip("pyarrow")
    table = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)["words"]
    first = pa.table(table)
    assert pa.table(table).equals(first)
    reader = pa.RecordBatchReader.from_stream(table)
    assert sum(b.num_rows for b in reader) == first.num_rows
    # Dictionary-encoded labels.
    assert pa.types.is_dictionary(first.schema.field("upos").type)
    assert set(first.column("upos").to_pylist()) <= {
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
        "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
    }  # fmt: skip


# --- pandas --------------------------------------------------------------


def test_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frames = nutgraf.to_pandas([doc for _, doc in DOCS], ids=IDS)
    assert list(frames) == TABLES
    for name, df in frames.items():
        assert isinstance(df, pd.DataFrame)
        assert len(df) == expected_rows(name), name
    words = frames["words"]
    assert isinstance(words["upos"].dtype, pd.CategoricalDtype)
    assert words["start"].dtype == pd.Int64Dtype()
    assert words["head"].dtype == pd.Int32Dtype()
    assert words["head"].isna().any() and not words["word"].isna().any()
    # The first seed's words, as its contract lists them.
    first = [w for s in DICTS[IDS[0]]["sentences"] for w in s["words"]]
    mine = words[words["doc_id"] == IDS[0]]
    assert mine["text"].tolist() == [w["text"] for w in first]
    assert [None if pd.isna(h) else int(h) for h in mine["head"]] == [w["head"] for w in first]
    docs = frames["documents"].set_index("doc_id")
    for doc_id, d in DICTS.items():
        published = docs.loc[doc_id, "published"]
        assert (None if pd.isna(published) else published.isoformat()) == d["published"]
        assert docs.loc[doc_id, "text"] == d["text"]
    entities = frames["entities"]
    assert entities["aliases"].map(list).tolist() == [
        e["aliases"] for d in DICTS.values() for e in d["entities"]
    ]
    # A join: each mention with its entity's name.
    mentions = frames["mentions"].merge(
        entities[["doc_id", "entity", "name"]], on=["doc_id", "entity"], how="left"
    )
    assert len(mentions) == len(frames["mentions"]) and mentions["name"].notna().all()


def test_to_pandas_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas pyarrow") as raised:
        nutgraf.to_pandas([DOCS[0][1]])
    assert raised.value.name == "pandas"


# --- Polars --------------------------------------------------------------


def test_to_polars() -> None:
    pl = pytest.importorskip("polars")
    frames = nutgraf.to_polars([doc for _, doc in DOCS], ids=IDS)
    assert list(frames) == TABLES
    for name, df in frames.items():
        assert isinstance(df, pl.DataFrame)
        assert df.height == expected_rows(name), name
    words = frames["words"]
    assert words.schema["upos"] == pl.Categorical
    assert words.schema["start"] == pl.Int64
    assert words.schema["head"] == pl.Int32
    assert frames["documents"].schema["published"] == pl.Date
    assert frames["entities"].schema["aliases"] == pl.List(pl.String)
    first = [w for s in DICTS[IDS[0]]["sentences"] for w in s["words"]]
    mine = words.filter(pl.col("doc_id") == IDS[0])
    assert mine["lemma"].to_list() == [w["lemma"] for w in first]
    assert mine["head"].to_list() == [w["head"] for w in first]
    quotes = frames["quotes"]
    assert quotes["parts"].to_list() == [q["parts"] for d in DICTS.values() for q in d["quotes"]]
    # Entities with their mention counts, by a group-by and a join.
    counts = frames["mentions"].group_by("doc_id", "entity").len()
    joined = frames["entities"].join(counts, on=["doc_id", "entity"], how="left")
    assert joined.height == frames["entities"].height
    want = [
        len(e["mentions"]) + len(e["references"]) + len(e["pronouns"])
        for d in DICTS.values()
        for e in d["entities"]
    ]
    got = joined.sort("doc_id", "entity")["len"].fill_null(0).to_list()
    order = sorted(
        (doc_id, i) for doc_id in IDS for i in range(len(DICTS[doc_id]["entities"]))
    )
    by_key = dict(zip([(doc_id, i) for doc_id in IDS for i in range(len(DICTS[doc_id]["entities"]))], want, strict=True))
    assert got == [by_key[k] for k in order]


def test_polars_reads_the_capsule_directly() -> None:
    pl = pytest.importorskip("polars")
    table = nutgraf.to_arrow([doc for _, doc in DOCS], ids=IDS)["blocks"]
    df = pl.DataFrame(table)
    assert df.height == table.num_rows
    assert df["text"].to_list() == [b["text"] for d in DICTS.values() for b in d["blocks"]]


def test_to_polars_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)
    with pytest.raises(ImportError, match="pip install polars") as raised:
        nutgraf.to_polars([DOCS[0][1]])
    assert raised.value.name == "polars"
