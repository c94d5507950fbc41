"""Quote cases as data: ``tests/data/quotes.jsonl`` at the repository root, read by
this test and by the Rust test ``crates/nutgraf/tests/quote_cases.rs``.

Each line is ``{"text", "syntax", "quotes"}``; each quote is written
``kind [cue] speaker: content`` as the text names them (``-`` for no speaker,
nothing between the brackets for no cue), in the order of the document's quotes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nutgraf

CASES_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def described(doc: nutgraf.Document) -> list[str]:
    out = []
    for q in doc.quotes:
        cue = q.cue.text if q.cue is not None else ""
        speaker = q.speaker.text if q.speaker is not None else "-"
        out.append(f"{q.kind} [{cue}] {speaker}: {q.text}")
    return out


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_quote_case(case: dict) -> None:
    doc = nutgraf.parse(case["text"], layout=False, syntax=case["syntax"])
    assert described(doc) == case["quotes"]
