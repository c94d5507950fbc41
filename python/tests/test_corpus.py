"""Invariants over the sample articles (examples/corpus or ../shared/corpus)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import nutgraf

from seeds import Seed, corpus_dir, load_seeds
from invariants import check_document

SEEDS = load_seeds()

pytestmark = pytest.mark.corpus

if not SEEDS:
    pytest.skip(
        "sample corpus not found: set NUTGRAF_CORPUS, or add examples/corpus/seeds/",
        allow_module_level=True,
    )


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seed_invariants(seed: Seed) -> None:
    doc = nutgraf.parse(seed.text, published=seed.published)
    check_document(doc, seed.text)
    assert doc.blocks, "every sample has text"
    if seed.published is not None:
        assert doc.published == datetime.date.fromisoformat(seed.published)


def test_seeds_as_a_batch() -> None:
    docs = nutgraf.parse_many(
        [s.text for s in SEEDS], published=[s.published for s in SEEDS], threads=2
    )
    for doc, seed in zip(docs, SEEDS):
        check_document(doc, seed.text)
        assert doc.to_dict() == nutgraf.parse(seed.text, published=seed.published).to_dict()


def test_corpus_location_is_reported() -> None:
    assert corpus_dir() is not None


GOLDEN = Path(__file__).resolve().parents[2] / "tests" / "golden" / "seeds"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seed_matches_golden_contract(seed: Seed) -> None:
    """The Python contract equals the golden JSON that the Rust suite checks too."""
    golden = GOLDEN / (Path(seed.name).stem + ".json")
    if not golden.exists():
        pytest.skip(f"no golden file {golden}")
    want = json.loads(golden.read_text(encoding="utf-8"))
    doc = nutgraf.parse(seed.text, published=seed.published)
    assert doc.to_dict() == want
