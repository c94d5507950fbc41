"""Quantities from Python: the document's quantities, parse_quantity, offsets."""

from __future__ import annotations

import pytest

import nutgraf

from invariants import check_document, quantity_dict
from seeds import load_seeds

SEEDS = {s.name[:3]: s for s in load_seeds()}
needs_corpus = pytest.mark.skipif(not SEEDS, reason="sample corpus not found")

TEXT = (
    "Trade talks\n\n"
    "Beijing pledged €40 billion to more than 130 countries, about 5% of its reserves. "
    "Vladímir Putin’s Russia sells nearly 2 million barrels of oil a day.\n"
)


@pytest.mark.corpus
@needs_corpus
def test_seed_money_amounts() -> None:
    s = SEEDS["003"]
    doc = nutgraf.parse(s.text, published=s.published)
    check_document(doc, s.text)
    money = {q.text: q for q in doc.quantities if q.kind == "money"}
    q = money["$240 billion"]
    assert (q.value, q.unit, q.approximate, q.bound) == (240e9, "USD", False, None)
    assert s.text[q.start : q.end] == "$240 billion"

    s = SEEDS["004"]
    doc = nutgraf.parse(s.text, published=s.published)
    check_document(doc, s.text)
    money = {q.text: q for q in doc.quantities if q.kind == "money"}
    q = money["approximately $190 million"]
    assert (q.value, q.unit, q.approximate) == (190e6, "USD", True)
    assert money["$200 million"].approximate is False


def test_document_quantities() -> None:
    doc = nutgraf.parse(TEXT)
    check_document(doc, TEXT)
    by_text = {q.text: q for q in doc.quantities}
    euros = by_text["€40 billion"]
    assert isinstance(euros, nutgraf.Quantity)
    assert (euros.kind, euros.value, euros.unit) == ("money", 40e9, "EUR")
    assert isinstance(euros.value, float)
    countries = by_text["more than 130 countries"]
    assert (countries.kind, countries.value, countries.unit, countries.bound) == (
        "count", 130.0, "countries", "more_than",
    )
    oil = by_text["nearly 2 million barrels of oil a day"]
    assert (oil.value, oil.unit, oil.per, oil.approximate) == (2e6, "barrels of oil", "day", True)
    # Offsets are code points ("€", "í" and "’" are several bytes each).
    for q in doc.quantities:
        assert TEXT[q.start : q.end] == q.text
    assert doc.to_dict()["quantities"] == [quantity_dict(q) for q in doc.quantities]


def test_quantities_can_be_switched_off() -> None:
    assert nutgraf.parse(TEXT, quantities=False).quantities == []
    assert nutgraf.parse(TEXT, quantities=False).to_dict()["quantities"] == []
    docs = nutgraf.parse_many([TEXT, TEXT], quantities=False)
    assert all(d.quantities == [] for d in docs)
    assert nutgraf.parse_many([TEXT])[0].quantities == nutgraf.parse(TEXT).quantities


def test_parse_quantity() -> None:
    q = nutgraf.parse_quantity("US$4.7 billion")
    assert q is not None
    assert (q.kind, q.value, q.unit, q.value_max) == ("money", 4.7e9, "USD", None)
    assert (q.start, q.end, q.text) == (0, 14, "US$4.7 billion")
    r = nutgraf.parse_quantity("$10-12 billion")
    assert r is not None and (r.value, r.value_max) == (10e9, 12e9)
    b = nutgraf.parse_quantity("at least 30 people")
    assert b is not None and b.bound == "at_least"
    p = nutgraf.parse_quantity("5%")
    assert p is not None and (p.kind, p.unit) == ("percent", "%")
    o = nutgraf.parse_quantity("the third")
    assert o is None or (o.kind == "ordinal" and o.unit is None)
    bare = nutgraf.parse_quantity("42")
    assert bare is not None and (bare.kind, bare.value, bare.unit) == ("count", 42.0, None)
    assert nutgraf.parse_quantity("the cat") is None
    assert nutgraf.parse_quantity("") is None


def test_parse_quantity_offsets_are_code_points() -> None:
    text = "€40 billion."
    q = nutgraf.parse_quantity(text)
    assert q is not None
    assert (q.start, q.end) == (0, 11)
    assert text[q.start : q.end] == q.text == "€40 billion"


def test_quantity_repr_and_equality() -> None:
    a = nutgraf.parse_quantity("$240 billion")
    assert a is not None and a == nutgraf.parse_quantity("$240 billion")
    assert a != nutgraf.parse_quantity("$241 billion")
    assert repr(a) == "<Quantity kind='money' value=240000000000.0 unit='USD' text='$240 billion'>"
