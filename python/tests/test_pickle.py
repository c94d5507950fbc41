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


def test_parts_do_not_pickle_silently() -> None:
    """A document's parts are views of it: pickling one is a clear TypeError
    (pickle the document instead)."""
    doc = DOCS[0][1]
    parts = [
        doc.blocks[0], doc.sentences[0], doc.words[0], doc.entities[0],
        doc.entities[0].mentions[0], doc.times[0], doc.quantities[0], doc.quotes[0],
    ]
    for part in parts:
        with pytest.raises(TypeError):
            pickle.dumps(part)


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
