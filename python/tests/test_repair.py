"""Repairs of the input: mojibake, C1 controls, HTML references, glued words."""

from __future__ import annotations

import pytest

import nutgraf

MOJIBAKE = "Putin visits China\n\nRussian President VladÃ\xadmir Putin didnâ€™t arrive in Beijing on Tuesday."


def damage(text: str, codec: str) -> str:
    """``text``'s UTF-8 read with ``codec`` (undefined cp1252 bytes as C1 controls)."""
    data = text.encode("utf-8")
    if codec == "latin-1":
        return data.decode("latin-1")
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) if b >= 0x80 else chr(b) for b in data
    )


def test_repair_returns_text_and_repairs() -> None:
    fixed = nutgraf.repair("VladÃ\xadmir donâ€™t AT&amp;T x\x92s Blinkenasked")
    assert fixed.text == "Vladímir don’t AT&T x’s Blinken asked"
    text, repairs = fixed
    assert text == fixed.text
    assert [r.kind for r in repairs] == ["mojibake", "mojibake", "html_entity", "c1_control", "glued_words"]
    source = "VladÃ\xadmir donâ€™t AT&amp;T x\x92s Blinkenasked"
    for r in repairs:
        assert source[r.start : r.end] == r.original
    assert repairs[0].replacement == "í"
    assert repairs[-1].start == repairs[-1].end
    assert "Repair" in repr(repairs[0])


def test_repair_encoding_off() -> None:
    text = "VladÃ\xadmir x\x92s"
    assert nutgraf.repair(text, encoding=False).text == text
    assert nutgraf.repair(text, encoding=False).repairs == []


@pytest.mark.parametrize(
    "good",
    [
        "Vladímir Putin no dijo “nada” en São Paulo — 5 °C, £5.",
        "Η Ελλάδα, Россия, 中文, 한국어, עברית, العربية, Tiếng Việt, 😀 ∑x² ≤ π",
        "Größere Straßen, Łódź, się, żółć, Çağrı, İstanbul",
    ],
)
@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mojibake_once_and_twice_is_repaired(good: str, codec: str) -> None:
    assert nutgraf.repair(good).repairs == []
    once = damage(good, codec)
    assert once != good
    assert nutgraf.repair(once).text == good
    assert nutgraf.repair(damage(once, codec)).text == good


def test_document_repairs_and_spans_into_the_input() -> None:
    doc = nutgraf.parse(MOJIBAKE)
    assert [(r.original, r.replacement, r.kind) for r in doc.repairs] == [
        ("Ã\xad", "í", "mojibake"),
        ("â€™", "’", "mojibake"),
    ]
    putin = next(e for e in doc.entities if e.label == "PERSON")
    assert putin.name == "Vladímir Putin"
    assert any(doc.text[m.start : m.end] == "VladÃ\xadmir Putin" for m in putin.mentions)
    record = doc.to_dict()
    assert record["repairs"][0] == {
        "start": MOJIBAKE.index("Ã"),
        "end": MOJIBAKE.index("Ã") + 2,
        "original": "Ã\xad",
        "replacement": "í",
        "kind": "mojibake",
    }
    off = nutgraf.parse(MOJIBAKE, repair_encoding=False)
    assert off.repairs == []
    assert off.to_dict()["repairs"] == []
    many = nutgraf.parse_many([MOJIBAKE], repair_encoding=False)
    assert many[0].repairs == []
