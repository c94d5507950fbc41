"""Documents written and read back: pickle, copy, the binary form, the contract.

On the seed articles the binary form (what pickle stores) is 20-31% of the size
of ``to_json()`` (with ``syntax=True``, 20-22%): 5.8-9.6 KB against 22-44 KB.
"""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import pytest

import nutgraf

from seeds import Seed, load_seeds

SEEDS = load_seeds()
ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "tests/golden/html/article.html").read_text(encoding="utf-8")
NEWS = (
    "Putin visits China\n\nBy Jane Doe\n\nBEIJING, Oct 17 (Reuters) - Russian President "
    "Vladimir Putin met Xi Jinping in Beijing on Tuesday, signing deals worth $2.5 "
    "billion, according to the Kremlin. “We will win,” he said."
)


def documents() -> list[tuple[str, nutgraf.Document]]:
    """Every seed with and without syntax, the golden HTML page, a small article."""
    out = [("news", nutgraf.parse(NEWS, published="2023-10-17", syntax=True))]
    for seed in SEEDS:
        out.append((seed.name, nutgraf.parse(seed.text, published=seed.published)))
        out.append(
            (seed.name + "+syntax", nutgraf.parse(seed.text, published=seed.published, syntax=True))
        )
    out.append(("article.html", nutgraf.parse_html(PAGE, syntax=True)))
    return out


DOCS = documents()


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(name: str, doc: nutgraf.Document, protocol: int) -> None:
    data = pickle.dumps(doc, protocol=protocol)
    back = pickle.loads(data)
    assert isinstance(back, nutgraf.Document)
    assert back == doc and not (back != doc)
    assert back is not doc
    assert back.to_dict() == doc.to_dict()
    assert back.text == doc.text and back.html == doc.html
    assert back.blocks == doc.blocks and back.sentences == doc.sentences
    assert hash(back) == hash(doc)
    # Smaller than the JSON contract.
    assert len(data) < len(doc.to_json().encode())


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
def test_bytes_dict_and_json_round_trips(name: str, doc: nutgraf.Document) -> None:
    raw = doc.to_bytes()
    assert isinstance(raw, bytes)
    assert nutgraf.Document.from_bytes(raw) == doc
    assert nutgraf.Document.from_bytes(bytearray(raw)) == doc
    assert nutgraf.Document.from_json(doc.to_json()) == doc
    assert nutgraf.Document.from_dict(doc.to_dict()) == doc
    assert nutgraf.Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()
    assert len(raw) < len(doc.to_json().encode()) / 2


def test_copy_is_the_document() -> None:
    doc = DOCS[0][1]
    assert copy.copy(doc) is doc
    assert copy.deepcopy(doc) is doc
    assert copy.deepcopy([doc, doc])[0] is doc


def test_equality() -> None:
    a = nutgraf.parse(NEWS, published="2023-10-17")
    b = nutgraf.parse(NEWS, published="2023-10-17")
    c = nutgraf.parse(NEWS, published="2023-10-18")
    assert a == b and hash(a) == hash(b)
    assert a != c and not (a == c)
    assert a != NEWS and a != None  # noqa: E711
    assert len({a, b, c}) == 2


def test_list_attributes_are_converted_once() -> None:
    doc = nutgraf.parse(NEWS, published="2023-10-17", syntax=True)
    for name in (
        "blocks", "sentences", "words", "entities", "times", "quantities", "quotes",
        "attributions", "events", "repairs",
    ):
        first, second = getattr(doc, name), getattr(doc, name)
        assert isinstance(first, list)
        # A new list each time (mutating it leaves the document alone)...
        assert first is not second and first == second
        # ... of the same objects, converted once.
        assert all(x is y for x, y in zip(first, second)), name
    assert doc.sentences[0] is doc.sentences[0]
    assert doc.entities, "the article has entities"
    doc.sentences.clear()
    assert doc.sentences


def test_bad_bytes() -> None:
    raw = DOCS[0][1].to_bytes()
    for bad in (b"", b"NGDOC", raw[:-1], raw + b"\0", b"x" + raw[1:], raw[:5] + b"\x02" + raw[6:]):
        with pytest.raises(nutgraf.InvalidDocumentError) as info:
            nutgraf.Document.from_bytes(bad)
        assert isinstance(info.value, nutgraf.NutgrafError)
        assert isinstance(info.value, ValueError)
        assert info.value.at.startswith("byte ")
        assert info.value.reason
        assert info.value.index is None
    with pytest.raises(TypeError):
        nutgraf.Document.from_bytes("text")  # type: ignore[arg-type]


def test_mutated_bytes_never_crash() -> None:
    """Every single-byte change of a valid form gives a document or an error."""
    raw = bytearray(nutgraf.parse(NEWS, published="2023-10-17").to_bytes())
    for i in range(0, len(raw), 3):
        for value in (0, 0xFF, raw[i] ^ 0x01):
            bad = bytearray(raw)
            bad[i] = value
            try:
                doc = nutgraf.Document.from_bytes(bad)
            except nutgraf.InvalidDocumentError:
                continue
            doc.to_dict()


def test_bad_json() -> None:
    good = DOCS[0][1].to_dict()

    def error(d: object) -> nutgraf.InvalidDocumentError:
        with pytest.raises(nutgraf.InvalidDocumentError) as info:
            nutgraf.Document.from_dict(d)  # type: ignore[arg-type]
        return info.value

    assert error({**good, "schema_version": 2}).at == "schema_version"
    assert error({k: v for k, v in good.items() if k != "text"}).at == "text"
    blocks = [dict(b) for b in good["blocks"]]
    blocks[1]["end"] = 10**6
    err = error({**good, "blocks": blocks})
    assert err.at == "blocks[1].end" and "past the end" in err.reason
    assert error({**good, "language": "klingon"}).at == "language"
    assert error([]).at == "the top level"
    with pytest.raises(nutgraf.InvalidDocumentError) as info:
        nutgraf.Document.from_json("{")
    assert "not JSON" in str(info.value)
    with pytest.raises(TypeError):
        nutgraf.Document.from_dict({**good, "title": object()})


PART_LISTS = (
    "blocks", "sentences", "words", "entities", "times", "quantities", "quotes",
    "attributions", "events", "repairs",
)


def parts_of(doc: nutgraf.Document) -> list[object]:
    """Every object a document hands out, nested ones included."""
    out: list[object] = []
    for name in PART_LISTS:
        out += getattr(doc, name)
    if doc.dateline is not None:
        out.append(doc.dateline)
    for e in doc.entities:
        out += e.mentions + e.roles + e.references + e.pronouns
    for q in doc.quotes:
        out += q.parts + [x for x in (q.cue, q.speaker) if x is not None]
    for a in doc.attributions:
        out += [a.cue, a.source]
    for ev in doc.events:
        out += [ev.trigger, *ev.actors, *ev.targets] + [x for x in (ev.place, ev.time) if x]
    return out


@pytest.mark.parametrize(("name", "doc"), DOCS, ids=[n for n, _ in DOCS])
def test_parts_pickle_as_values(name: str, doc: nutgraf.Document) -> None:
    """Each part of a document pickles on its own (its fields), so entities,
    quotes or events can come back from a worker process without their
    document; copies are equal and of the same class."""
    parts = parts_of(doc)
    assert parts
    for part in parts:
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back = pickle.loads(pickle.dumps(part, protocol=protocol))
            assert type(back) is type(part) and back == part, (name, part)
        assert copy.deepcopy(part) == part
    # Whole lists at once, as a worker would send them.
    assert pickle.loads(pickle.dumps(doc.entities)) == doc.entities
    assert pickle.loads(pickle.dumps(doc.events)) == doc.events


def test_every_kind_of_part_is_covered() -> None:
    kinds = {type(p).__name__ for _, doc in DOCS for p in parts_of(doc)}
    assert kinds >= {
        "Block", "Sentence", "Word", "Entity", "Mention", "Role", "TimeExpression",
        "Quantity", "Quote", "Span", "Speaker", "Attribution", "Source", "Event",
        "Participant", "Dateline",
    }, kinds


def test_parts_keep_their_python_only_fields() -> None:
    doc = nutgraf.parse(NEWS.replace("Oct 17", "Oct. 17, 2023"))
    assert doc.dateline is not None and doc.dateline.date is not None
    back = pickle.loads(pickle.dumps(doc.dateline))
    assert back.date == doc.dateline.date and back.place == doc.dateline.place
    for t in nutgraf.parse("It lasted three weeks, from March 3.", published="2023-10-17").times:
        b = pickle.loads(pickle.dumps(t))
        assert (b.value, b.duration, b.anchor, b.grain) == (t.value, t.duration, t.anchor, t.grain)


def test_corpus_results_pickle() -> None:
    corpus = nutgraf.Corpus()
    for name, doc in DOCS:
        if "+syntax" not in name:
            corpus.add(doc, id=name)
    results: list[object] = [
        *corpus.stories(), *corpus.duplicates(), *corpus.entities(), *corpus.conflicts()
    ]
    stories = corpus.stories()
    results += [m for s in stories for m in s.merges]
    results += [m for e in corpus.entities() for m in e.mentions]
    results += [c for x in corpus.conflicts() for c in x.claims]
    for s in stories:
        entries = corpus.timeline(s.index)
        results += entries + [src for e in entries for src in e.sources]
    kinds = {type(r).__name__ for r in results}
    assert kinds >= {
        "Story", "StoryMerge", "CorpusEntity", "CorpusMention", "Conflict", "Claim",
        "TimelineEntry", "TimelineSource",
    }, kinds
    for r in results:
        assert pickle.loads(pickle.dumps(r)) == r
    back = pickle.loads(pickle.dumps(stories))
    assert [(s.start, s.end, s.ids) for s in back] == [(s.start, s.end, s.ids) for s in stories]


def test_bad_pickled_parts_are_errors() -> None:
    unpickle = nutgraf._nutgraf._unpickle  # type: ignore[attr-defined]
    entity = DOCS[0][1].entities[0]
    rebuild, (name, version, state) = entity.__reduce__()
    assert rebuild(name, version, state) == entity
    with pytest.raises(nutgraf.InvalidDocumentError, match="not a class of nutgraf's") as info:
        unpickle("Nothing", version, state)
    assert info.value.at == "Nothing"
    with pytest.raises(nutgraf.InvalidDocumentError, match="state version"):
        unpickle(name, version + 1, state)
    with pytest.raises(nutgraf.InvalidDocumentError, match="pickled Entity") as info:
        unpickle(name, version, state[:-1])
    assert info.value.at == "Entity" and info.value.reason
    with pytest.raises(nutgraf.InvalidDocumentError, match="pickled Mention"):
        unpickle("Mention", version, state)
    # Labels come from closed vocabularies: made-up ones are refused beyond a
    # small bound instead of being kept for ever.
    mention = entity.mentions[0]
    _, (mname, _, mstate) = mention.__reduce__()
    decoded = json.loads(mstate)
    with pytest.raises(nutgraf.InvalidDocumentError):
        for i in range(5000):
            decoded["label"] = f"MADE-UP-{i}"
            unpickle(mname, version, json.dumps(decoded).encode())
    decoded["label"] = "x" * 100
    with pytest.raises(nutgraf.InvalidDocumentError, match="unexpected label"):
        unpickle(mname, version, json.dumps(decoded).encode())


def test_pickled_size_against_json() -> None:
    """The binary form is at most a third of the JSON contract on every seed."""
    for name, doc in DOCS:
        size, json_size = len(pickle.dumps(doc)), len(json.dumps(doc.to_dict()).encode())
        assert size * 3 < json_size, (name, size, json_size)


def test_seeds_present() -> None:
    if not SEEDS:
        pytest.skip("sample corpus not found")
    assert len(DOCS) == 2 + 2 * len(SEEDS)
    assert isinstance(SEEDS[0], Seed)


def _entities_and_events(text: str) -> tuple[list[object], list[object]]:
    """What a worker process sends back: the parts, not the document."""
    doc = nutgraf.parse(text, published="2023-10-17")
    return list(doc.entities), list(doc.events)


@pytest.mark.timeout(120)
def test_parts_come_back_from_worker_processes() -> None:
    """A pool of fresh interpreters (spawn) returns entities and events equal to
    those parsed here."""
    import multiprocessing

    texts = [NEWS] + [seed.text for seed in SEEDS[:2]]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        got = pool.map(_entities_and_events, texts)
    assert got == [_entities_and_events(t) for t in texts]
    assert got[0][0] and got[0][1]
