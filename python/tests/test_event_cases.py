"""Event cases as data: ``tests/data/events.jsonl`` at the repository root, read by
this test and by the Rust test ``crates/nutgraf/tests/event_cases.rs``.

Each line is ``{"text", "syntax", "events"}``; each event is written
``TYPE actor+actor > target+target @place polarity modality``, participants as the
text names them, in the order of the document's events; ``cameos``, when a case has
it, lists their CAMEO codes (``null`` for none).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import nutgraf

CASES_FILE = Path(__file__).resolve().parents[2] / "tests" / "data" / "events.jsonl"
CASES = [json.loads(line) for line in CASES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def described(doc: nutgraf.Document) -> list[str]:
    out = []
    for e in doc.events:
        s = f"{e.type} {'+'.join(p.text for p in e.actors)} > {'+'.join(p.text for p in e.targets)}"
        if e.place is not None:
            s += f" @{e.place.text}"
        s += f" {e.polarity} {e.modality}"
        out.append(s)
    return out


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_event_case(case: dict) -> None:
    doc = nutgraf.parse(case["text"], layout=False, syntax=case["syntax"])
    assert described(doc) == case["events"]
    if "cameos" in case:
        assert [e.cameo for e in doc.events] == case["cameos"]
