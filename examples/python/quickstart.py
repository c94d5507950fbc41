"""Parse the sample corpus and print each article's layout.

Run from the repository root after `pip install .` (or scripts/test-python.sh):

    python examples/python/quickstart.py
"""

from __future__ import annotations

import json
from pathlib import Path

import nutgraf

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def main() -> None:
    index = [json.loads(line) for line in (CORPUS / "seeds.jsonl").read_text().splitlines() if line]
    texts = [(CORPUS / row["file"]).read_text(encoding="utf-8") for row in index]
    docs = nutgraf.parse_many(texts, published=[row["published"] for row in index])
    for row, doc in zip(index, docs):
        print(f"== {row['file']}  ({doc.published}, {doc.language})")
        print(f"   title:   {doc.title}")
        print(f"   authors: {doc.authors}")
        for block in doc.blocks:
            if block.kind != "paragraph":
                label = block.kind + (f":{block.reason}" if block.reason else "")
                print(f"   [{label}] {block.text[:70]}")
        print(f"   {len(doc.sentences)} sentences, body of {len(doc.body)} characters")


if __name__ == "__main__":
    main()
