"""Events from Python: who did what to whom, where and when; offsets, switching off."""

from __future__ import annotations

import pytest

import nutgraf

from invariants import check_document
from seeds import Seed, load_seeds

SEEDS = {s.name[:3]: s for s in load_seeds()}
needs_corpus = pytest.mark.skipif(not SEEDS, reason="sample corpus not found")

TEXT = (
    "Macron to visit Berlin\n\n"
    "French President Emmanuel Macron will meet Olaf Scholz in Berlin on Friday.\n\n"
    "Germany has refrained from supplying tanks to Ukraine.\n"
)


def parsed(prefix: str) -> tuple[Seed, nutgraf.Document]:
    s = SEEDS[prefix]
    doc = nutgraf.parse(s.text, published=s.published)
    check_document(doc, s.text)
    return s, doc


def name(doc: nutgraf.Document, p: nutgraf.Participant) -> str:
    """The name of the entity a participant resolves to, else its text."""
    return p.text if p.entity is None else doc.entities[p.entity].name


def find(doc: nutgraf.Document, trigger: str, sentence: str) -> nutgraf.Event:
    found = [e for e in doc.events if e.trigger.text == trigger and e.text.startswith(sentence)]
    assert found, f"no event {trigger!r} in {sentence!r}: {doc.events}"
    return found[0]


def test_meeting_with_actor_target_place_time() -> None:
    doc = nutgraf.parse(TEXT, published="2023-10-17")
    check_document(doc, TEXT)
    e = find(doc, "meet", "French President")
    assert (e.type, e.cameo, e.polarity, e.modality) == ("MEET", "040", "positive", "planned")
    assert [name(doc, p) for p in e.actors] == ["Emmanuel Macron"]
    assert [name(doc, p) for p in e.targets] == ["Olaf Scholz"]
    assert e.place is not None and e.place.text == "Berlin"
    assert e.time is not None and e.time.text == "Friday" and e.time.value is not None
    assert TEXT[e.trigger.start : e.trigger.end] == "meet"
    assert "MEET" in repr(e)


def test_negated_supply() -> None:
    doc = nutgraf.parse(TEXT, published="2023-10-17")
    e = find(doc, "supplying", "Germany")
    assert (e.type, e.cameo, e.polarity) == ("SUPPORT", "072", "negative")
    assert [p.text for p in e.actors] == ["Germany"]
    assert [p.text for p in e.targets] == ["Ukraine"]


def test_switching_events_off() -> None:
    assert nutgraf.parse(TEXT, events=False).events == []
    assert nutgraf.parse(TEXT, events=False).to_dict()["events"] == []
    docs = nutgraf.parse_many([TEXT, TEXT], events=False)
    assert [d.events for d in docs] == [[], []]
    assert nutgraf.parse_many([TEXT])[0].events == nutgraf.parse(TEXT).events


@pytest.mark.corpus
@needs_corpus
def test_seed_000_putin_lands_to_meet_xi() -> None:
    _, doc = parsed("000")
    landed = find(doc, "landed", "The president of Russia")
    assert landed.type == "VISIT"
    assert [name(doc, p) for p in landed.actors] == ["Vladimir Putin"]
    assert landed.time is not None and landed.time.value == "2023-10-17"
    meet = find(doc, "meet", "The president of Russia")
    assert meet.modality == "planned"
    assert [name(doc, p) for p in meet.targets] == ["Xi Jinping"]


@pytest.mark.corpus
@needs_corpus
def test_seed_004_refrained_from_supplying_is_negative() -> None:
    _, doc = parsed("004")
    e = find(doc, "supplying", "Up until now")
    assert e.polarity == "negative"
    assert [name(doc, p) for p in e.actors] == ["China"]


@pytest.mark.corpus
@needs_corpus
def test_seed_events_keep_their_invariants() -> None:
    for prefix in SEEDS:
        _, doc = parsed(prefix)
        assert doc.events, prefix
