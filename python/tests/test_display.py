"""The notebook view: nutgraf.display.render and Document._repr_html_."""

from __future__ import annotations

import html
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import nutgraf
from nutgraf.display import render

from seeds import load_seeds

# Elements with no end tag.
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class Checker(HTMLParser):
    """Checks that every element is closed, in order, and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.plain: list[str] = []  # the text without the spans' labels
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").lstrip().lower().startswith("javascript:"):
                self.errors.append(f"script attribute {name}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] != "style":
            self.text.append(data)
            if "sub" not in self.stack:
                self.plain.append(data)


def check(page: str) -> Checker:
    checker = Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == [], "every element is closed"
    assert "script" not in checker.tags
    assert not {"link", "img", "iframe", "object"} & checker.tags, "no external resource"
    assert "http://" not in page.split("</style>")[0] and "url(" not in page
    return checker


def seed_doc() -> nutgraf.Document:
    seeds = load_seeds()
    if not seeds:
        pytest.skip("sample corpus absent")
    return nutgraf.parse(seeds[0].text, published=seeds[0].published)


def test_repr_html_is_the_view() -> None:
    doc = nutgraf.parse("Putin visits China\n\nVladimir Putin arrived in Beijing on Tuesday.")
    assert doc._repr_html_() == render(doc)
    assert render(doc).startswith('<div class="nutgraf-doc"><style>')


def test_everything_is_escaped() -> None:
    text = (
        'Evil <script>alert("x")</script> & Co\n\n'
        "Vladimir Putin said “<b>R&D</b> matters” on Tuesday & paid $5 <img src=x onerror=alert(1)>."
    )
    doc = nutgraf.parse(text, url='https://example.com/?a=1&b="2"')
    page = render(doc)
    checker = check(page)
    assert "<script" not in page and "<img" not in page
    assert "<b>R&" not in page and "<b>R&amp;D</b>" not in page
    assert "&lt;script&gt;" in page and "&amp; Co" in page and "R&amp;D" in page
    assert "a=1&amp;b=&quot;2&quot;" in page
    # The shown text is the input's text, in order, every character once.
    shown = "".join(checker.plain)
    for block in doc.blocks:
        assert block.text in shown


@pytest.mark.corpus
def test_every_layer_of_a_seed_is_shown() -> None:
    doc = seed_doc()
    page = render(doc)
    checker = check(page)
    shown = "".join(checker.text)
    for entity in doc.entities:
        assert html.escape(entity.name) in page
        assert f"{entity.label}: {entity.name}" in html.unescape(page), entity.name
    for t in doc.times:
        assert t.value is None or t.value in shown
    for q in doc.quantities:
        assert html.escape(q.text, quote=True) in page
    for ev in doc.events:
        assert f"{ev.type}: " in html.unescape(page)
    for quote in doc.quotes:
        assert html.escape(quote.text, quote=True) in page
        if quote.speaker is not None:
            assert quote.speaker.text in shown
    for block in doc.blocks:
        assert f"ng-blk ng-{block.kind}" in page
        if block.reason:
            assert block.reason in shown
    assert f"Entities ({len(doc.entities)})" in shown
    assert f"Events ({len(doc.events)})" in shown


def test_overlapping_spans_nest_well() -> None:
    """A name inside a quote inside an event's sentence: one well-formed piece per
    boundary, the entity shown over the quote."""
    text = (
        "Russian President Vladimir Putin said: “Xi Jinping and I met in Beijing on "
        "Tuesday to sign $2 billion in deals,” the Kremlin said."
    )
    doc = nutgraf.parse(text, published="2023-10-17")
    page = render(doc)
    check(page)
    assert 'class="m m-ent" style="background-color:' in page
    assert "m-time" in page and "m-qty" in page


def test_documents_without_layers() -> None:
    for doc in (
        nutgraf.parse(""),
        nutgraf.parse("Plain words only.", layout=False, entities=False, times=False),
        nutgraf.parse_html("<html><body><h1>T</h1><p>Body &amp; more.</p></body></html>"),
    ):
        check(render(doc))


def test_size_grows_with_the_text() -> None:
    """Rendering is linear: ten times the text gives about ten times the page."""
    base = "Vladimir Putin met Xi Jinping in Beijing on Tuesday, “for talks”, he said.\n\n"
    small = render(nutgraf.parse(base * 20))
    large = render(nutgraf.parse(base * 200))
    assert len(large) < 12 * len(small)


def _png_pixels(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed scanlines of a PNG (no Pillow needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos = 8
    width = height = 0
    idat = b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.timeout(180)
def test_renders_in_chromium(tmp_path: Path) -> None:
    browser = next(
        (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
    )
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    doc = seed_doc()
    page = tmp_path / "view.html"
    page.write_text(
        f'<!doctype html><meta charset="utf-8"><body style="margin:16px">{doc._repr_html_()}',
        encoding="utf-8",
    )
    shot = tmp_path / "view.png"
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={shot}", "--window-size=800,600", page.as_uri()],
        check=True, capture_output=True, timeout=150,
    )
    width, height, pixels = _png_pixels(shot)
    assert (width, height) == (800, 600)
    # A blank page decompresses to a handful of distinct bytes; text and colours
    # give many.
    assert len(set(pixels)) > 64
    blank = tmp_path / "blank.html"
    blank.write_text("<!doctype html><body></body>", encoding="utf-8")
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--screenshot={tmp_path / 'blank.png'}", "--window-size=800,600", blank.as_uri()],
        check=True, capture_output=True, timeout=150,
    )
    assert len(set(_png_pixels(tmp_path / "blank.png")[2])) < 16, "the check tells blank apart"


def test_module_docstring_example_runs() -> None:
    import doctest

    import nutgraf.display

    result = doctest.testmod(nutgraf.display, verbose=False)
    assert result.attempted >= 3
    assert result.failed == 0
