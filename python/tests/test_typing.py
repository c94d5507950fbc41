"""Type-checked with `mypy --strict` (see scripts/test-python.sh) and run by pytest."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator
from typing import Any

import nutgraf

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # pragma: no cover
    from typing_extensions import assert_type


def test_parse_types() -> None:
    doc = nutgraf.parse("Title\n\nBody text.", published=datetime.date(2023, 10, 17))
    assert_type(doc, nutgraf.Document)
    assert_type(doc.text, str)
    assert_type(doc.title, str | None)
    assert_type(doc.authors, list[str])
    assert_type(doc.published, datetime.date | None)
    assert_type(doc.language, str | None)
    assert_type(doc.blocks, list[nutgraf.Block])
    assert_type(doc.sentences, list[nutgraf.Sentence])
    assert_type(doc.dateline, nutgraf.Dateline | None)
    assert_type(doc.to_dict(), dict[str, Any])
    assert_type(doc.to_json(), str)
    block = doc.blocks[0]
    assert_type(block.start, int)
    assert_type(block.kind, str)
    assert_type(block.lang, str | None)
    assert_type(doc.sentences[0].block, int)
    assert doc.text[block.start : block.end] == block.text


def test_parse_iter_overloads() -> None:
    items: list[str | dict[str, str]] = ["a", {"text": "b", "published": "2023-10-17"}]
    stream = nutgraf.parse_iter(iter(items), batch_size=2)
    assert_type(stream, Iterator[nutgraf.Document])
    assert [d.text for d in stream] == ["a", "b"]
    mixed = nutgraf.parse_iter(["a", "x" * 50], max_input_bytes=10, errors="return")
    assert_type(mixed, Iterator[nutgraf.Document | nutgraf.NutgrafError])
    bad = [e for e in mixed if isinstance(e, nutgraf.NutgrafError)]
    assert len(bad) == 1 and bad[0].index == 1


def test_parse_many_overloads() -> None:
    docs = nutgraf.parse_many(["a", "b"], published=["2023-10-17", None], threads=2)
    assert_type(docs, list[nutgraf.Document])
    mixed = nutgraf.parse_many(["a", "x" * 50], max_input_bytes=10, errors="return")
    assert_type(mixed, list[nutgraf.Document | nutgraf.NutgrafError])
    good = [d for d in mixed if isinstance(d, nutgraf.Document)]
    bad = [e for e in mixed if isinstance(e, nutgraf.NutgrafError)]
    assert len(good) == 1 and bad[0].index == 1


def test_error_attributes() -> None:
    try:
        nutgraf.parse("long text", max_input_bytes=2)
    except nutgraf.InputTooLargeError as err:
        assert_type(err.length, int)
        assert_type(err.limit, int)
        assert_type(err.index, int | None)
    try:
        nutgraf.parse("text", published="bad")
    except nutgraf.InvalidDateError as err:
        assert_type(err.value, str)
    try:
        nutgraf.parse("lone \ud800")
    except nutgraf.InvalidInputError as err:
        assert_type(err.reason, str)
        assert isinstance(err, TypeError)
    mixed = nutgraf.parse_many(["a"], errors="return")
    for r in mixed:
        if isinstance(r, nutgraf.InternalError):
            assert_type(r.reason, str)
    try:
        nutgraf.Document.from_bytes(b"not a document")
    except nutgraf.InvalidDocumentError as err:
        assert_type(err.at, str)
        assert_type(err.reason, str)
    assert_type(nutgraf.MAX_THREADS, int)
    assert_type(nutgraf.__version__, str)


def test_persistence_types() -> None:
    import copy
    import pickle

    doc = nutgraf.parse("Title\n\nBody text.")
    assert_type(doc.to_bytes(), bytes)
    assert_type(nutgraf.Document.from_bytes(doc.to_bytes()), nutgraf.Document)
    assert_type(nutgraf.Document.from_json(doc.to_json()), nutgraf.Document)
    assert_type(nutgraf.Document.from_dict(doc.to_dict()), nutgraf.Document)
    assert_type(copy.deepcopy(doc), nutgraf.Document)
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_entity_types() -> None:
    doc: nutgraf.Document = nutgraf.parse("Vladimir Putin met Xi Jinping in Beijing.", entities=True)
    entities: list[nutgraf.Entity] = doc.entities
    for e in entities:
        name: str = e.name
        aliases: list[str] = e.aliases
        roles: list[nutgraf.Role] = e.roles
        mentions: list[nutgraf.Mention] = e.mentions
        assert name and aliases is not None and roles is not None and mentions


def test_time_and_quantity_types() -> None:
    doc = nutgraf.parse(
        "Talks start on Friday and cost $5 million.", published="2023-10-17", times=True, quantities=True
    )
    assert_type(doc.times, list[nutgraf.TimeExpression])
    assert_type(doc.quantities, list[nutgraf.Quantity])
    for t in doc.times:
        assert_type(t.start, int)
        assert_type(t.type, str)
        assert_type(t.value, str | None)
        assert_type(t.end_value, str | None)
        assert_type(t.mod, str | None)
        assert_type(t.grain, str)
        assert_type(t.anchor, datetime.date | None)
        assert_type(t.duration, tuple[float, str] | None)
    for q in doc.quantities:
        assert_type(q.kind, str)
        assert_type(q.value, float)
        assert_type(q.value_max, float | None)
        assert_type(q.unit, str | None)
        assert_type(q.per, str | None)
        assert_type(q.approximate, bool)
        assert_type(q.bound, str | None)
    docs = nutgraf.parse_many(["a"], times=False, quantities=False)
    assert_type(docs, list[nutgraf.Document])

    found = nutgraf.parse_time("three days", datetime.datetime(2023, 10, 17, 9), prefer="future")
    assert_type(found, nutgraf.TimeExpression | None)
    assert found is not None and found.duration == (3.0, "day")
    assert nutgraf.parse_time("next Friday", datetime.date(2023, 10, 17), prefer="past") is not None
    assert nutgraf.parse_time("next Friday", "2023-10-17") is not None
    amount = nutgraf.parse_quantity("$5 million")
    assert_type(amount, nutgraf.Quantity | None)
    assert amount is not None and amount.value == 5e6


def test_quote_types() -> None:
    doc = nutgraf.parse("“We will win,” Vladimir Putin said on Tuesday.", quotes=True)
    assert_type(doc.quotes, list[nutgraf.Quote])
    for q in doc.quotes:
        assert_type(q.start, int)
        assert_type(q.end, int)
        assert_type(q.text, str)
        assert_type(q.kind, str)
        assert_type(q.parts, list[nutgraf.Span])
        assert_type(q.cue, nutgraf.Span | None)
        assert_type(q.speaker, nutgraf.Speaker | None)
        for p in q.parts:
            assert_type(p.start, int)
            assert_type(p.text, str)
        if q.speaker is not None:
            assert_type(q.speaker.entity, int | None)
            assert_type(q.speaker.text, str)
    assert doc.quotes and doc.quotes[0].kind == "direct"
    docs = nutgraf.parse_many(["a"], quotes=False)
    assert_type(docs, list[nutgraf.Document])
    assert docs[0].quotes == []


def test_event_types() -> None:
    doc = nutgraf.parse("Emmanuel Macron visited Germany on Monday.", published="2023-10-17", events=True)
    assert_type(doc.events, list[nutgraf.Event])
    for e in doc.events:
        assert_type(e.start, int)
        assert_type(e.text, str)
        assert_type(e.type, str)
        assert_type(e.cameo, str | None)
        assert_type(e.trigger, nutgraf.Span)
        assert_type(e.actors, list[nutgraf.Participant])
        assert_type(e.targets, list[nutgraf.Participant])
        assert_type(e.place, nutgraf.Participant | None)
        assert_type(e.time, nutgraf.TimeExpression | None)
        assert_type(e.polarity, str)
        assert_type(e.modality, str)
        for p in e.actors:
            assert_type(p.entity, int | None)
            assert_type(p.text, str)
    assert doc.events and doc.events[0].type == "VISIT"
    docs = nutgraf.parse_many(["a"], events=False)
    assert docs[0].events == []


def test_word_types() -> None:
    doc = nutgraf.parse("The talks were postponed, officials said.", syntax=True)
    assert_type(doc.words, list[nutgraf.Word])
    sentence = doc.sentences[0]
    assert_type(sentence.words, list[nutgraf.Word])
    for w in sentence.words:
        assert_type(w.text, str)
        assert_type(w.start, int)
        assert_type(w.end, int)
        assert_type(w.lemma, str)
        assert_type(w.upos, str)
        assert_type(w.xpos, str)
        assert_type(w.head, int | None)
        assert_type(w.deprel, str)
        assert doc.text[w.start : w.end] == w.text
    assert sentence.words == doc.words
    docs = nutgraf.parse_many(["The talks were postponed."], syntax=True, errors="return")
    assert_type(docs, list[nutgraf.Document | nutgraf.NutgrafError])
    words = nutgraf.analyze_words(("The", "talks", "ended", "."))
    assert_type(words, list[nutgraf.Word])
    assert [w.head for w in words] == [1, 2, None, 2]


def test_corpus_types() -> None:
    docs = nutgraf.parse_many(["Putin visits China\n\nVladimir Putin arrived in Beijing.", "Other news."])
    corpus = nutgraf.Corpus()
    assert_type(corpus.add(docs[0], id="a"), int)
    assert_type(corpus.add(docs[1]), int)
    assert_type(corpus.extend(docs, ids=[7, "b"]), list[int])
    assert_type(len(corpus), int)
    assert_type(corpus.ids, list[str])
    assert_type(corpus.story_of(7), int)
    assert_type(corpus.memory_bytes(), int)
    for s in corpus.stories():
        assert_type(s, nutgraf.Story)
        assert_type(s.index, int)
        assert_type(s.ids, list[str])
        assert_type(s.docs, list[int])
        assert_type(s.title, str | None)
        assert_type(s.entities, list[str])
        assert_type(s.start, datetime.date | None)
        assert_type(s.end, datetime.date | None)
        for merge in s.merges:
            assert_type(merge, nutgraf.StoryMerge)
            assert_type(merge.id, str)
            assert_type(merge.similarity, float)
            assert_type(merge.cosines, tuple[float, float, float, float])
            assert_type(merge.shared_names, list[str])
            assert_type(merge.shared_words, list[str])
            assert_type(merge.reason, str)
    dups = corpus.duplicates()
    assert_type(dups, list[nutgraf.Duplicate])
    assert [(d.a, d.b) for d in dups] == [("a", "7"), ("1", "b")]
    for d in dups:
        assert_type(d.a, str)
        assert_type(d.similarity, float)
    for e in corpus.entities():
        assert_type(e, nutgraf.CorpusEntity)
        assert_type(e.id, int)
        assert_type(e.name, str)
        assert_type(e.label, str)
        assert_type(e.aliases, list[str])
        assert_type(e.docs, list[str])
        for m in e.mentions:
            assert_type(m, nutgraf.CorpusMention)
            assert_type(m.doc, str)
            assert_type(m.start, int)
            assert_type(m.text, str)
    assert_type(corpus.stories_rows(), list[dict[str, Any]])
    assert_type(corpus.entities_rows(), list[dict[str, Any]])
    assert_type(corpus.duplicates_rows(), list[dict[str, Any]])
    try:
        corpus.add(docs[0], id="a")
    except nutgraf.DuplicateIdError as err:
        assert_type(err.id, str)
        assert_type(err.index, int | None)


def test_to_arrow_types() -> None:
    docs = [nutgraf.parse("Title\n\nBody text.")]
    tables = nutgraf.to_arrow(docs, ids=["a"])
    assert_type(tables, dict[str, nutgraf.ArrowTable])
    words = tables["words"]
    assert_type(words.name, str)
    assert_type(words.num_rows, int)
    assert_type(words.column_names, list[str])
    assert_type(len(words), int)
    assert_type(nutgraf.to_arrow(iter(docs), ids=[1]), dict[str, nutgraf.ArrowTable])
    assert_type(nutgraf.TABLES_SCHEMA_VERSION, int)
    assert words.column_names[0] == "doc_id"
