#!/usr/bin/env python3
"""Time ``nutgraf.to_arrow`` on 10,000 documents from Python, against parsing them.

Usage (from the repository root, after ``scripts/test-python.sh`` built .venv):

    .venv/bin/python benches/to_arrow.py            # 10,000 documents
    .venv/bin/python benches/to_arrow.py --docs 2000 --syntax

The documents are the five seed articles (``examples/corpus``) parsed with
``parse_many`` repeated to ``--docs`` texts (distinct ``Document`` objects, as a
real batch gives). Printed, each the best of ``--rounds`` runs:

- ``parse_many``: parsing the texts on one thread (``threads=1``), for scale;
- ``to_arrow``: the tables (built in Rust with the GIL released), and the same
  with string ``ids``;
- ``pyarrow.table``: importing every table through the C stream interface;
- ``to_pandas`` / ``to_polars``: the whole way to data frames;
- ``to_arrow`` of one document, the fixed cost of a call.

The Rust builder alone is ``cargo bench -p nutgraf-arrow --bench tables``
(``tables/build_10000``); the difference is what the Python call adds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import nutgraf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python" / "tests"))

from seeds import load_seeds  # noqa: E402


def best(rounds: int, f: Callable[[], object]) -> float:
    """The best wall-clock time of ``rounds`` calls of ``f``, in seconds."""
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--syntax", action="store_true", help="parse with syntax=True (words)")
    args = ap.parse_args()
    seeds = load_seeds()
    if not seeds:
        sys.exit("no sample corpus (examples/corpus)")
    texts = [seeds[i % len(seeds)].text for i in range(args.docs)]
    dates = [seeds[i % len(seeds)].published for i in range(args.docs)]
    t = time.perf_counter()
    docs = nutgraf.parse_many(texts, published=dates, threads=1, syntax=args.syntax)
    parse = time.perf_counter() - t
    ids = [f"article-{i}" for i in range(len(docs))]
    n = len(docs)
    print(f"{n} documents ({sum(map(len, texts)) / 1e6:.1f} MB of text), syntax={args.syntax}")
    print(f"  parse_many (threads=1)   {parse * 1e3:9.1f} ms")
    tables = nutgraf.to_arrow(docs)
    rows = {name: t.num_rows for name, t in tables.items()}
    print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in rows.items()))
    to_arrow = best(args.rounds, lambda: nutgraf.to_arrow(docs))
    with_ids = best(args.rounds, lambda: nutgraf.to_arrow(docs, ids=ids))
    one = best(args.rounds * 20, lambda: nutgraf.to_arrow(docs[:1]))
    print(f"  to_arrow                 {to_arrow * 1e3:9.1f} ms  ({100 * to_arrow / parse:.1f}% of parsing)")
    print(f"  to_arrow with str ids    {with_ids * 1e3:9.1f} ms")
    print(f"  to_arrow of 1 document   {one * 1e3:9.3f} ms")
    try:
        import pyarrow as pa
    except ImportError:
        print("  (pyarrow not installed: no pyarrow.table / to_pandas)")
    else:
        imported = best(args.rounds, lambda: [pa.table(t) for t in tables.values()])
        print(f"  pyarrow.table (13 tables){imported * 1e3:9.1f} ms")
        try:
            import pandas  # noqa: F401
        except ImportError:
            pass
        else:
            frames = best(max(1, args.rounds // 2), lambda: nutgraf.to_pandas(docs))
            print(f"  to_pandas                {frames * 1e3:9.1f} ms")
    try:
        import polars  # noqa: F401
    except ImportError:
        print("  (polars not installed: no to_polars)")
    else:
        frames = best(args.rounds, lambda: nutgraf.to_polars(docs))
        print(f"  to_polars                {frames * 1e3:9.1f} ms")


if __name__ == "__main__":
    main()
