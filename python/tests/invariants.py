"""Checks every test applies to a parsed document."""

from __future__ import annotations

import json

import nutgraf


def check_document(doc: nutgraf.Document, text: str) -> None:
    """Spans slice the original input to their text; the dict is the JSON contract."""
    assert doc.text == text
    n = len(text)
    last = 0
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n, block
        assert text[block.start : block.end] == block.text, block
        assert block.start >= last, "blocks are in input order"
        last = block.end
    for sentence in doc.sentences:
        assert 0 <= sentence.start <= sentence.end <= n, sentence
        assert text[sentence.start : sentence.end] == sentence.text, sentence
        owner = doc.blocks[sentence.block]
        assert owner.start <= sentence.start and sentence.end <= owner.end, sentence
    if doc.dateline is not None:
        d = doc.dateline
        assert text[d.start : d.end] == d.text
    as_dict = doc.to_dict()
    assert as_dict == json.loads(doc.to_json())
    assert as_dict["schema_version"] == nutgraf.SCHEMA_VERSION == 1
    assert [(b["start"], b["end"], b["text"]) for b in as_dict["blocks"]] == [
        (b.start, b.end, b.text) for b in doc.blocks
    ]
    assert [(s["start"], s["end"]) for s in as_dict["sentences"]] == [
        (s.start, s.end) for s in doc.sentences
    ]
