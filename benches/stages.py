#!/usr/bin/env python3
"""Where the time of a parse goes, stage by stage: `perf` over the throughput example.

Usage (from the repository root; needs Linux `perf`):

    python3 benches/stages.py ARTICLES.jsonl [--syntax] [--repeat N] [--top N] [--binary EXE]

Builds `examples/throughput` (release), runs it under `perf record -e cpu-clock`
over the `text` of every JSON line of ARTICLES.jsonl (N times), and prints the
share of the samples of each pipeline stage, then the hottest functions. A
function counts for the stage whose module it is in (`nutgraf::syntax::...` is
the syntax stage); what the stages call in the standard library or in other
crates is shown apart (allocation and copies, regex and automata, hashing), since
`perf` without call graphs cannot say which stage called them. Functions inlined
into another count for the one they were inlined into.

The figures are shares of one run, so they compare stages with each other;
throughput (MB/s) is what the example prints first. Nothing here is timed by a
test: run it before and after a change and compare (`--binary` takes a throughput
example built from another commit, e.g. with `CARGO_TARGET_DIR=/tmp/old cargo build
--release -p nutgraf --example throughput` in a checkout of it).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (prefix of the demangled symbol, stage), first match wins.
STAGES = [
    ("nutgraf::text::", "normalize and repair"),
    ("nutgraf::html::", "HTML input"),
    ("nutgraf::layout::", "layout"),
    ("nutgraf::lang::", "language"),
    ("nutgraf::segment::", "sentences and tokens"),
    ("nutgraf::syntax::tagger", "syntax: tagger"),
    ("nutgraf::syntax::lemma", "syntax: tagger"),
    ("nutgraf::syntax::clusters", "syntax: tagger"),
    ("nutgraf::syntax::table::Weights", "syntax: tagger and labeller weights"),
    ("nutgraf::syntax::", "syntax: parser"),
    ("nutgraf::entities::", "entities"),
    ("nutgraf::time::", "times"),
    ("nutgraf::quantity::", "quantities"),
    ("nutgraf::quote::", "quotes"),
    ("nutgraf::event::", "events"),
    ("nutgraf::", "assembly (parser, view, document)"),
    ("regex", "regex and automata (any stage)"),
    ("aho_corasick", "regex and automata (any stage)"),
    ("memchr", "regex and automata (any stage)"),
    ("core::hash", "hashing (any stage)"),
    ("foldhash", "hashing (any stage)"),
    ("hashbrown", "hashing (any stage)"),
    ("whatlang", "language"),
    ("html5ever", "HTML input"),
    ("markup5ever", "HTML input"),
]
ALLOC = re.compile(r"malloc|free|realloc|memcpy|memmove|memset|memcmp|alloc::|_int_|unlink_chunk")


def stage_of(symbol: str) -> str:
    for prefix, stage in STAGES:
        if symbol.startswith(prefix) or symbol.startswith("<" + prefix):
            return stage
    if ALLOC.search(symbol):
        return "allocation and copies (any stage)"
    if "[k]" in symbol or symbol.startswith("0x"):
        return "kernel and unknown"
    return "other (std, serde, ...)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("articles", help="JSON Lines with a `text` field per line")
    ap.add_argument("--syntax", action="store_true", help="run the syntax stage too")
    ap.add_argument("--repeat", type=int, default=2, help="read the file N times (default 2)")
    ap.add_argument("--top", type=int, default=15, help="hottest functions to list (default 15)")
    ap.add_argument("--binary", help="a built throughput example to run instead of building one")
    args = ap.parse_args()

    if args.binary:
        exe = Path(args.binary)
    else:
        subprocess.run(
            ["cargo", "build", "--quiet", "--release", "-p", "nutgraf", "--example", "throughput"],
            cwd=ROOT,
            check=True,
        )
        exe = ROOT / "target" / "release" / "examples" / "throughput"
    cmd = [str(exe), args.articles, "--repeat", str(args.repeat)]
    if args.syntax:
        cmd.append("--syntax")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "perf.data"
        run = subprocess.run(
            ["perf", "record", "-q", "-e", "cpu-clock", "-F", "2000", "-o", str(data), *cmd],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            return run.returncode
        print(run.stdout.strip())
        report = subprocess.run(
            ["perf", "report", "-i", str(data), "--no-children", "--sort", "symbol",
             "--stdio", "-g", "none", "--percent-limit", "0"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    by_stage: dict[str, float] = defaultdict(float)
    funcs: list[tuple[float, str]] = []
    for line in report.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+\[(.)\]\s+(.*?)\s*$", line)
        if not m:
            continue
        pct, kind, sym = float(m.group(1)), m.group(2), m.group(3)
        sym = sym.split("  ")[0].strip()
        by_stage[stage_of(sym if kind != "k" else "[k] " + sym)] += pct
        funcs.append((pct, sym))
    print(f"\n{'stage':<45} {'share':>7}")
    for stage, pct in sorted(by_stage.items(), key=lambda x: -x[1]):
        print(f"{stage:<45} {pct:>6.1f}%")
    print(f"\n{'hottest functions':<90} {'share':>7}")
    for pct, sym in sorted(funcs, reverse=True)[: args.top]:
        print(f"{sym[:90]:<90} {pct:>6.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
