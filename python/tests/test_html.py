"""``nutgraf.parse_html``: the article found in a web page, offsets into the
visible text and into the HTML, the page's metadata, errors."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import nutgraf

ROOT = Path(__file__).resolve().parents[2]
PAGE = (ROOT / "tests/golden/html/article.html").read_text(encoding="utf-8")


def test_article_body_and_offsets() -> None:
    doc = nutgraf.parse_html(PAGE, url="https://news.example.com/world/putin-china")
    assert doc.title == "Putin visits China for talks with Xi"
    assert doc.body.startswith("BEIJING (Reuters) - Russian President Vladimir Putin")
    assert "Share on" not in doc.body and "change a lot" not in doc.body
    assert "Script text" not in doc.text
    assert doc.html == PAGE
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        assert b.html_start is not None and b.html_end is not None
        assert 0 <= b.html_start <= b.html_end <= len(PAGE)
    caption = next(b for b in doc.blocks if b.kind == "caption")
    assert PAGE[caption.html_start : caption.html_end].startswith("<figcaption>")
    reasons = {b.text: b.reason for b in doc.blocks if b.kind == "boilerplate"}
    assert reasons["Share on Facebook Share on X"] == "share"
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(doc.text)
    putin = next(e for e in doc.entities if e.name == "Vladimir Putin")
    for m in putin.mentions:
        assert doc.text[m.start : m.end] == m.text
    quote = next(q for q in doc.quotes if "good neighbours" in q.text)
    assert quote.speaker is not None and quote.speaker.text == "Putin"


def test_metadata_and_dates() -> None:
    doc = nutgraf.parse_html(PAGE)
    assert doc.metadata is not None
    assert doc.metadata["authors"] == ["Jane Doe"]
    assert doc.metadata["section"] == "World"
    assert doc.metadata["published"] == "2023-10-17"
    assert doc.published == datetime.date(2023, 10, 17)
    assert doc.authors == ["Jane Doe"]
    given = nutgraf.parse_html(PAGE, None, "2023-10-20", source="Wire")
    assert given.published == datetime.date(2023, 10, 20)
    assert given.publisher == "Wire"


def test_contract_and_golden() -> None:
    doc = nutgraf.parse_html(PAGE, url="https://news.example.com/world/putin-china")
    data = doc.to_dict()
    assert data == json.loads(doc.to_json())
    golden = json.loads((ROOT / "tests/golden/html/article.json").read_text(encoding="utf-8"))
    assert data == golden
    assert all("html_start" in b and "html_end" in b for b in data["blocks"])
    # Text input keeps the contract it had: no html keys, no metadata.
    plain = nutgraf.parse("Putin visits China\n\nHe arrived on Tuesday.").to_dict()
    assert "metadata" not in plain
    assert all("html_start" not in b for b in plain["blocks"])
    assert nutgraf.parse("x").html is None and nutgraf.parse("x").metadata is None


def test_non_ascii_offsets_are_string_indices() -> None:
    html = "<p>Café — “Zürich” 😀 Über</p><p>Émile Zola wrote in Paris, officials said on Monday.</p>"
    doc = nutgraf.parse_html(html)
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
        assert b.html_start is not None and b.html_end is not None
        assert html[b.html_start : b.html_end].startswith("<p>")


@pytest.mark.parametrize("html", ["", "<", "</p></div>", "<script>x</script>", "\x00<p>\ud7ff</p>"])
def test_broken_pages_give_documents(html: str) -> None:
    doc = nutgraf.parse_html(html)
    assert isinstance(doc.text, str)


def test_errors() -> None:
    with pytest.raises(nutgraf.InputTooLargeError):
        nutgraf.parse_html("<p>x</p>" * 100, max_input_bytes=50)
    with pytest.raises(nutgraf.InvalidDateError):
        nutgraf.parse_html("<p>x</p>", published="yesterday")
    with pytest.raises(nutgraf.InvalidInputError):
        nutgraf.parse_html(b"<p>x</p>")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        nutgraf.parse_html("<p>x</p>", max_input_bytes=1)
