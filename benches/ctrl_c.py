"""How long Ctrl-C takes to stop a 100,000-article ``parse_many``.

A separate process sends SIGINT (as a terminal does) while the batch's inputs are
still being read (0.3 s in) and while they are being parsed (2 s in), on one and
two threads, and the time from the signal to ``KeyboardInterrupt`` is printed.
Run from the repository root with nutgraf importable:

    python benches/ctrl_c.py
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import nutgraf

SEEDS = [p.read_text(encoding="utf-8") for p in sorted(Path("examples/corpus/seeds").glob("*.txt"))]


def main() -> None:
    for delay in (0.3, 2.0):
        for threads in (1, 2):
            # Fresh strings each time: reading a text the first time encodes it to UTF-8.
            texts = [f"{SEEDS[i % len(SEEDS)]}\n\nCopy {i}, run {delay}/{threads}." for i in range(100_000)]
            start = time.perf_counter()
            subprocess.Popen(["sh", "-c", f"sleep {delay}; kill -INT {os.getpid()}"])
            try:
                nutgraf.parse_many(texts, threads=threads)
                print(f"threads={threads}: the batch ended before the signal")
            except KeyboardInterrupt:
                elapsed = time.perf_counter() - start
                print(
                    f"SIGINT {delay:.1f} s in, threads={threads}: KeyboardInterrupt "
                    f"{1000 * (elapsed - delay):.0f} ms after it (sh start-up included)"
                )


if __name__ == "__main__":
    main()
