"""Quotes from Python: the document's quotes with cue and speaker, offsets, switching off."""

from __future__ import annotations

import pytest

import nutgraf

from invariants import check_document, quote_dict
from seeds import Seed, load_seeds

SEEDS = {s.name[:3]: s for s in load_seeds()}
needs_corpus = pytest.mark.skipif(not SEEDS, reason="sample corpus not found")

TEXT = (
    "Talks in Beijing\n\n"
    "“We will win,” Vladímir Putin said on Tuesday, “and we will win soon.”\n\n"
    "The partnership goes on, the Kremlin said.\n"
)


def parsed(prefix: str) -> tuple[Seed, nutgraf.Document]:
    s = SEEDS[prefix]
    doc = nutgraf.parse(s.text, published=s.published)
    check_document(doc, s.text)
    return s, doc


def speaker_name(doc: nutgraf.Document, q: nutgraf.Quote) -> str | None:
    """The name of the entity the quote's speaker resolves to, if any."""
    if q.speaker is None or q.speaker.entity is None:
        return None
    return doc.entities[q.speaker.entity].name


def find(doc: nutgraf.Document, kind: str, starts_with: str) -> nutgraf.Quote:
    found = [q for q in doc.quotes if q.kind == kind and q.text.startswith(starts_with)]
    assert found, f"no {kind} quote starting {starts_with!r} in {doc.quotes}"
    return found[0]


@pytest.mark.corpus
@needs_corpus
def test_seed_000_putin_block_and_partial_quotes() -> None:
    s, doc = parsed("000")
    block = find(doc, "block", "In my opinion, the main advantage")
    assert speaker_name(doc, block) == "Vladimir Putin"
    assert block.speaker is not None and block.cue is not None
    assert s.text[block.start : block.end] == block.text

    partial = find(doc, "partial", '"no one imposes anything on others"')
    assert partial.text == '"no one imposes anything on others"'
    assert speaker_name(doc, partial) == "Vladimir Putin"
    assert [(p.start, p.end, p.text) for p in partial.parts] == [
        (partial.start, partial.end, partial.text)
    ]


@pytest.mark.corpus
@needs_corpus
def test_seed_000_scare_quote_has_no_speaker() -> None:
    _, doc = parsed("000")
    scare = [q for q in doc.quotes if q.text == '"no-limits"']
    assert scare
    for q in scare:
        assert (q.kind, q.speaker, q.cue) == ("partial", None, None)


@pytest.mark.corpus
@needs_corpus
def test_seed_002_best_friend_by_xi() -> None:
    s, doc = parsed("002")
    q = find(doc, "partial", "“best friend”")
    assert q.text == "“best friend”"
    assert speaker_name(doc, q) == "Xi Jinping"
    # Curly quote marks are three bytes each in UTF-8: offsets are code points.
    assert s.text[q.start : q.end] == "“best friend”"


@pytest.mark.corpus
@needs_corpus
def test_seed_003_indirect_quote_by_gabuev() -> None:
    _, doc = parsed("003")
    q = find(doc, "indirect", "Russians are neither too emotional")
    assert speaker_name(doc, q) == "Alexander Gabuev"
    assert q.speaker is not None and q.speaker.text == "Alexander Gabuev"
    assert q.cue is not None and q.cue.text


@pytest.mark.corpus
@needs_corpus
def test_every_seed_keeps_its_invariants() -> None:
    for s in SEEDS.values():
        doc = nutgraf.parse(s.text, published=s.published)
        check_document(doc, s.text)
        assert doc.to_dict()["quotes"] == [quote_dict(q) for q in doc.quotes]


def test_direct_quote_split_by_its_attribution() -> None:
    doc = nutgraf.parse(TEXT)
    check_document(doc, TEXT)
    direct = find(doc, "direct", "“We will win,”")
    assert isinstance(direct, nutgraf.Quote)
    assert [p.text for p in direct.parts] == ["“We will win,”", "“and we will win soon.”"]
    assert all(isinstance(p, nutgraf.Span) for p in direct.parts)
    assert direct.cue is not None and direct.cue.text == "said"
    speaker = direct.speaker
    assert isinstance(speaker, nutgraf.Speaker)
    assert speaker.text == "Vladímir Putin"
    assert speaker.entity is not None and doc.entities[speaker.entity].name == "Vladímir Putin"
    # Offsets are code points ("“", "í" and "’" are several bytes each).
    assert (direct.start, direct.end) == (18, 88)
    assert TEXT[speaker.start : speaker.end] == "Vladímir Putin"

    indirect = find(doc, "indirect", "The partnership goes on")
    assert indirect.speaker is not None and indirect.speaker.text == "the Kremlin"
    assert speaker_name(doc, indirect) == "Kremlin"


def test_speakers_without_entities_have_no_entity() -> None:
    doc = nutgraf.parse(TEXT, entities=False)
    check_document(doc, TEXT)
    assert doc.entities == []
    assert doc.quotes
    for q in doc.quotes:
        assert q.speaker is None or q.speaker.entity is None


def test_quotes_can_be_switched_off() -> None:
    assert nutgraf.parse(TEXT, quotes=False).quotes == []
    assert nutgraf.parse(TEXT, quotes=False).to_dict()["quotes"] == []
    docs = nutgraf.parse_many([TEXT, TEXT], quotes=False)
    assert all(d.quotes == [] for d in docs)
    assert nutgraf.parse_many([TEXT])[0].quotes == nutgraf.parse(TEXT).quotes


def test_quote_repr_and_equality() -> None:
    q = find(nutgraf.parse(TEXT), "direct", "“We will win,”")
    assert q == find(nutgraf.parse(TEXT), "direct", "“We will win,”")
    assert q != find(nutgraf.parse(TEXT), "indirect", "The partnership")
    assert repr(q) == (
        "<Quote kind='direct' speaker='Vladímir Putin' start=18 end=88 "
        "text='“We will win,” Vladímir Putin said on Tu'…>"
    )
    assert repr(q.parts[0]) == "<Span start=18 end=32 text='“We will win,”'>"
    assert q.speaker is not None
    assert repr(q.speaker) == f"<Speaker start=33 end=47 text='Vladímir Putin' entity={q.speaker.entity}>"


def test_attributions_name_their_source() -> None:
    text = (
        "Trade grows\n\n"
        "Trade between the two countries reached $190 million, according to Chinese customs figures.\n\n"
        "The talks will go on, as reported by Reuters.\n"
    )
    doc = nutgraf.parse(text, published="2023-10-17")
    check_document(doc, text)
    got = [(a.kind, a.cue.text, a.source.text, a.text) for a in doc.attributions]
    assert got == [
        (
            "according",
            "according to",
            "Chinese customs figures",
            "Trade between the two countries reached $190 million",
        ),
        ("reported", "as reported by", "Reuters", "The talks will go on"),
    ]
    reuters = doc.attributions[1].source
    assert [doc.entities[e].name for e in reuters.entities] == ["Reuters"]
    assert nutgraf.parse(text, quotes=False).attributions == []


@pytest.mark.corpus
@needs_corpus
def test_seed_003_credit_line_backs_the_article() -> None:
    s, doc = parsed("003")
    credits = [a for a in doc.attributions if a.kind == "credit"]
    assert [(a.cue.text, a.source.text) for a in credits] == [("With information from", "EFE and AFP")]
    kremlin = [a for a in doc.attributions if a.kind == "according"]
    assert kremlin and kremlin[0].source.text == "the Kremlin"
    assert kremlin[0].text.startswith("the two leaders will talk")
