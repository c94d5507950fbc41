"""Where to find the sample corpus, and how to read it."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Seed:
    """One sample article: its text and the publication date recorded for it."""

    name: str
    text: str
    published: str | None


def corpus_dir() -> Path | None:
    """The directory holding `seeds.jsonl` and `seeds/`.

    `$NUTGRAF_CORPUS` wins; else `examples/corpus/` in the repository; else
    `../shared/corpus/` beside the repository.
    """
    candidates = []
    if env := os.environ.get("NUTGRAF_CORPUS"):
        candidates.append(Path(env))
    candidates += [REPO / "examples" / "corpus", REPO.parent / "shared" / "corpus"]
    for path in candidates:
        if (path / "seeds").is_dir():
            return path
    return None


def load_seeds() -> list[Seed]:
    """The sample articles, with dates from `seeds.jsonl` where it has them."""
    root = corpus_dir()
    if root is None:
        return []
    dates: dict[str, str] = {}
    index = root / "seeds.jsonl"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                dates[Path(row["file"]).name] = row["published"]
    return [
        Seed(p.name, p.read_text(encoding="utf-8"), dates.get(p.name))
        for p in sorted((root / "seeds").glob("*.txt"))
    ]
