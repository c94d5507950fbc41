"""Named entities from Python: types, offsets, roles, the contract, opting out."""

from __future__ import annotations

import nutgraf

TEXT = (
    "Putin visits China\n\n"
    "Russian President Vladimir Putin arrived in Beijing on Tuesday to meet Chinese "
    "President Xi Jinping. Putin was welcomed by Xi at the airport.\n"
)


def test_entities_group_aliases_and_carry_roles() -> None:
    doc = nutgraf.parse(TEXT, published="2023-10-17")
    by_name = {e.name: e for e in doc.entities}
    putin = by_name["Vladimir Putin"]
    assert putin.label == "PERSON"
    assert "Putin" in putin.aliases
    assert any(r.title == "President" and r.affiliation == "Russia" for r in putin.roles)
    assert by_name["Beijing"].label == "GPE"
    xi = by_name["Xi Jinping"]
    assert any(r.affiliation == "China" for r in xi.roles)


def test_mention_offsets_slice_the_original_text() -> None:
    text = "Vladímir&nbsp;Putin met Xi Jinping in Beijing.\r\nPutin left."
    doc = nutgraf.parse(text, layout=False)
    assert doc.entities
    for entity in doc.entities:
        for m in entity.mentions:
            assert text[m.start : m.end] == m.text
            assert m.label == entity.label


def test_entities_in_the_contract() -> None:
    doc = nutgraf.parse(TEXT)
    contract = doc.to_dict()["entities"]
    assert [e["name"] for e in contract] == [e.name for e in doc.entities]
    first = contract[0]
    assert set(first) == {
        "label",
        "name",
        "aliases",
        "roles",
        "mentions",
        "references",
        "pronouns",
    }
    assert set(first["mentions"][0]) == {"start", "end", "text"}


def test_entities_can_be_switched_off() -> None:
    assert nutgraf.parse(TEXT, entities=False).entities == []
    docs = nutgraf.parse_many([TEXT, TEXT], entities=False)
    assert all(d.entities == [] for d in docs)


def test_reprs() -> None:
    e = nutgraf.parse(TEXT).entities[0]
    assert repr(e).startswith("<Entity label=")
    assert repr(e.mentions[0]).startswith("<Mention label=")


def test_role_references() -> None:
    text = TEXT + "The Russian leader later met the Chinese president again.\n"
    doc = nutgraf.parse(text)
    by_name = {e.name: e for e in doc.entities}
    assert [r.text for r in by_name["Vladimir Putin"].references] == ["The Russian leader"]
    assert [r.text for r in by_name["Xi Jinping"].references] == ["the Chinese president"]
    for r in by_name["Vladimir Putin"].references:
        assert text[r.start : r.end] == r.text


def test_descriptors_of_the_main_person() -> None:
    text = (
        "Oklahoma man arrested in killing\n\n"
        "SPIRO, Okla. - A 37-year-old Spiro man was arrested on Monday. Christopher "
        "Simpson was held without bail. Simpson is due in court on Friday.\n"
    )
    doc = nutgraf.parse(text)
    simpson = next(e for e in doc.entities if e.name == "Christopher Simpson")
    assert [r.text for r in simpson.references] == ["Oklahoma man", "A 37-year-old Spiro man"]
    for r in simpson.references:
        assert text[r.start : r.end] == r.text


def test_pronouns_resolve_once_for_every_stage() -> None:
    text = (
        "Gazprom signed a deal on Monday. Its chief said he was pleased.\n\n"
        "Joe Biden and Emmanuel Macron met in Paris. They discussed Ukraine.\n"
    )
    doc = nutgraf.parse(text)
    by_name = {e.name: e for e in doc.entities}
    assert [p.text for p in by_name["Joe Biden"].pronouns] == ["They"]
    assert [p.text for p in by_name["Emmanuel Macron"].pronouns] == ["They"]
    assert [p.text for p in by_name["Gazprom"].pronouns] == ["Its"]
    for e in doc.entities:
        for p in e.pronouns:
            assert text[p.start : p.end] == p.text
    # "he" has no person before it to refer to: left unresolved, not guessed.
    assert all(p.text != "he" for e in doc.entities for p in e.pronouns)
    contract = {e["name"]: e for e in doc.to_dict()["entities"]}
    assert [p["text"] for p in contract["Joe Biden"]["pronouns"]] == ["They"]


def test_a_paragraph_in_another_language_gives_no_entities() -> None:
    text = (
        "Macron meets Scholz in Berlin\n\n"
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin "
        "on Tuesday to discuss energy prices, officials said.\n\n"
        "Der Bundeskanzler sagte am Dienstag, dass die beiden Länder in den kommenden "
        "Monaten mit den Unternehmen über die Preise für Strom und Gas sprechen werden.\n"
    )
    doc = nutgraf.parse(text, syntax=True)
    # (The short title may be guessed German too: it is still read.)
    german = [i for i, b in enumerate(doc.blocks) if b.lang == "de" and b.kind == "paragraph"]
    assert len(german) == 1
    names = {e.name for e in doc.entities}
    assert {"Emmanuel Macron", "Olaf Scholz", "Berlin"} <= names
    block = doc.blocks[german[0]]
    for m in (m for e in doc.entities for m in e.mentions):
        assert not (block.start <= m.start and m.end <= block.end), m
    assert all(not s.words for s in doc.sentences if s.block == german[0])
    assert all(s.words for s in doc.sentences if s.block != german[0])
