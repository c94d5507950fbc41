"""Peak memory and throughput of ``nutgraf.parse_iter`` over a long stream.

The issue's target: 200,000 articles parsed from a generator with a peak
resident set under 300 MB. The articles are the sample seeds
(``examples/corpus/seeds/``, else ``$NUTGRAF_CORPUS`` or ``../shared/corpus/``)
cycled, each a new string numbered by its ``url``, and generated one at a time,
so the stream itself holds nothing; every document is read (its entities counted)
and dropped, as a consumer writing rows to a file would.

    python benches/stream_memory.py                 # 200,000 articles
    python benches/stream_memory.py --count 20000 --batch-size 64 --threads 2

It prints the peak RSS (``resource.getrusage``: the process's high-water mark,
imports and the loaded lexicons included) and its growth over the RSS after the
first batch, throughput in documents and MB of text per second, and a progress
line every ``--every`` documents. It checks its own answers: every document comes
back, in order, each with the seed's entities. Exit status 1 when the peak is
over ``--limit-mb`` (300).
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import nutgraf

REPO = Path(__file__).resolve().parents[1]


def seeds() -> list[tuple[str, str | None]]:
    """The sample articles with their publication dates."""
    import os

    roots = [Path(p) for p in [os.environ.get("NUTGRAF_CORPUS", "")] if p]
    roots += [REPO / "examples" / "corpus", REPO.parent / "shared" / "corpus"]
    for root in roots:
        if (root / "seeds").is_dir():
            dates = {}
            for line in (root / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    dates[Path(row["file"]).name] = row.get("published")
            return [
                (p.read_text(encoding="utf-8"), dates.get(p.name))
                for p in sorted((root / "seeds").glob("*.txt"))
            ]
    sys.exit("no sample corpus found (set NUTGRAF_CORPUS)")


def articles(count: int, base: list[tuple[str, str | None]]) -> Iterator[dict[str, str | None]]:
    """``count`` articles made one at a time: the seeds cycled, each a new string,
    numbered by its url."""
    for i, (text, published) in zip(range(count), itertools.cycle(base)):
        fresh = (text + " ")[:-1]  # a copy, as a reader of a file would make
        yield {"text": fresh, "published": published, "url": url(i), "id": str(i)}


def url(i: int) -> str:
    return f"https://example.com/news/{i}"


def rss_mb() -> float:
    """The peak resident set of this process so far, in MB (Linux: KiB units)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 2**20


def current_rss_mb() -> float:
    """The resident set now, in MB (from /proc; the peak where that is missing)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * resource.getpagesize() / 2**20
    except OSError:
        return rss_mb()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200_000)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--every", type=int, default=20_000)
    ap.add_argument("--limit-mb", type=float, default=300.0)
    args = ap.parse_args()

    base = seeds()
    # The entities each seed gives (numbered as the stream numbers it): every
    # cycled copy must give as many.
    expected = [len(d.entities) for d in nutgraf.parse_iter(articles(len(base), base))]
    start_rss = current_rss_mb()
    first_batch_rss = None
    count = 0
    text_bytes = 0
    start = time.perf_counter()
    stream = nutgraf.parse_iter(
        articles(args.count, base), batch_size=args.batch_size, threads=args.threads
    )
    for i, doc in enumerate(stream):
        assert doc.url == url(i), (i, doc.url)
        assert len(doc.entities) == expected[i % len(base)], i
        text_bytes += len(doc.text.encode())
        count += 1
        if first_batch_rss is None:
            first_batch_rss = current_rss_mb()
        if count % args.every == 0:
            elapsed = time.perf_counter() - start
            print(
                f"{count:>8,} docs  {count / elapsed:7.0f} docs/s  "
                f"rss {current_rss_mb():6.1f} MB  peak {rss_mb():6.1f} MB",
                flush=True,
            )
    elapsed = time.perf_counter() - start
    assert count == args.count, (count, args.count)
    peak = rss_mb()
    print(
        f"{count:,} articles ({text_bytes / 1e6:.0f} MB of text) in {elapsed:.1f} s: "
        f"{count / elapsed:.0f} docs/s, {text_bytes / 1e6 / elapsed:.2f} MB/s"
    )
    print(
        f"RSS before the stream {start_rss:.1f} MB, after the first batch "
        f"{first_batch_rss or 0:.1f} MB, at the end {current_rss_mb():.1f} MB; "
        f"peak {peak:.1f} MB (limit {args.limit_mb:.0f} MB)"
    )
    return 0 if peak <= args.limit_mb else 1


if __name__ == "__main__":
    sys.exit(main())
