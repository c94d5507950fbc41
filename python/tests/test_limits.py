"""Untrusted input: the work budget per sentence keeps output and work bounded."""

from __future__ import annotations

import nutgraf

from invariants import check_document


def test_long_sentence_is_read_in_windows() -> None:
    # One "sentence" of 6,000 words: events never span more than one window.
    text = "(Putin met Xi " * 2_000
    doc = nutgraf.parse(text, layout=False, max_sentence_tokens=64)
    check_document(doc, text)
    assert len(doc.sentences) == 1
    assert doc.events, "the windows are still read"
    longest = max(e.end - e.start for e in doc.events)
    assert longest < 64 * 8, longest  # a window of 64 tokens, not the whole text


def test_window_default_and_floor() -> None:
    text = "Putin said that Xi said that " * 300
    small = nutgraf.parse(text, layout=False, max_sentence_tokens=1)  # raised to 16
    default = nutgraf.parse(text, layout=False)
    for doc in (small, default):
        check_document(doc, text)
        assert all(q.end - q.start < len(text) // 2 for q in doc.quotes)
    results = nutgraf.parse_many([text, "Short one."], max_sentence_tokens=32)
    assert [r.text for r in results] == [text, "Short one."]
