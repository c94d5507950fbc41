#!/usr/bin/env python3
"""Growth benchmark: how `nutgraf parse` scales on pathological inputs.

Each input family is one short unit repeated (or a fixed generator) cut to a
given size. Every (family, size, mode) runs the release CLI in a fresh
subprocess,

    target/release/nutgraf parse --json FILE > /dev/null     (mode "json")
    target/release/nutgraf parse FILE > /dev/null            (mode "text")

and records the wall time and the child's peak RSS (``os.wait4`` rusage,
``ru_maxrss``, KiB on Linux). It first times each mode on a one-sentence input
(the start-up cost: building the automata and regexes). The table gives, per
size, the ratio of time net of start-up and of peak memory to the previous size
(the growth factor: linear is about 4x per 4x size) and the exponent
``log(ratio) / log(size ratio)`` (1 = linear, 2 = quadratic), so steps that are
not 4x (640 KiB -> 1 MiB) compare too. No time ratio ("-") is given while the
previous size ran under 0.2 s beyond start-up: that is noise on a busy machine.
Steps with an exponent above 1.3 are flagged super-linear (memory only above
50 MB, as the floor is about 20 MB).
A run past the timeout is killed and reported as TIMEOUT, one past the memory
limit (``--max-mb``, an address-space limit, default 8 GiB) fails as OOM; the
family's larger sizes are then skipped (SKIP) in that mode.

Usage (plain Python 3.11, no dependencies; build the CLI first with
``cargo build --release -p nutgraf-cli``):

    benches/growth.py                       # all families, 10K 40K 160K 640K, both modes
    benches/growth.py --large               # ... and 1M, 4M
    benches/growth.py --huge                # ... and 1M, 4M, and 16M for `news`
    benches/growth.py --families the-run,news --modes json
    benches/growth.py --sizes 10K,40K --timeout 20 --json-out growth.json
    benches/growth.py --list                # the families and their units
    benches/growth.py --keep /tmp/growth    # keep the generated inputs there
    benches/growth.py --table growth.json --markdown   # reprint a saved run

Sizes are binary (10K = 10 KiB, 1M = 1 MiB). Times at 10 KiB are mostly
process start-up, and peak RSS has a floor of about 20 MiB, so the ratios are
meaningful from about 160 KiB on. The machine should be otherwise idle; use
``--repeat N`` to keep the fastest of N runs. Exit status: 0, or 1 when a run
failed (non-zero exit of the CLI, not a timeout).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BIN = ROOT / "target" / "release" / "nutgraf"
SEEDS = ROOT / "examples" / "corpus" / "seeds"

KIB = 1024
BASE_SIZES = ["10K", "40K", "160K", "640K"]
LARGE_SIZES = ["1M", "4M"]
HUGE_SIZES = ["16M"]
# Families that the --huge flag takes to 16 MiB (the others stop at 4 MiB).
HUGE_FAMILIES = {"news"}
# Time ratios need the previous run to take this long beyond start-up.
MIN_NET_SECONDS = 0.2
# Growth exponent above which a step is flagged (1 = linear, 2 = quadratic).
SUPER_LINEAR = 1.3


def news_unit() -> str:
    """The five seed articles, blank lines between, as one unit."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no seed articles in {SEEDS}")
    return "\n\n".join(texts) + "\n\n"


def table_unit() -> str:
    """Rows of eight tab-separated lowercase cells, no full stop."""
    words = "politics world china russia trade energy markets sport".split()
    rows = []
    for r in range(8):
        rows.append("\t".join(words[(r + c) % len(words)] for c in range(len(words))))
    return "\n".join(rows) + "\n"


# name -> (description, unit or callable returning the unit)
FAMILIES: dict[str, tuple[str, object]] = {
    "x-run": ("one long sentence of 'x', no full stop", "x "),
    "the-run": ("'the the the ...'", "the "),
    "said-run": ("'said said said ...'", "said "),
    "mr-run": ("'Mr. Mr. Mr. ...' (abbreviations, no sentence end)", "Mr. "),
    "money": ("'$1,234.5 billion 12% ' repeated", "$1,234.5 billion 12% "),
    "datelines": ("'WASHINGTON, Oct. 17 (Reuters) - ' repeated", "WASHINGTON, Oct. 17 (Reuters) - "),
    "html-refs": ("character reference soup '&amp;&#8220;&nbsp;'", "&amp;&#8220;&nbsp;"),
    "open-paren": ("'(Putin met Xi ' repeated: brackets never closed", "(Putin met Xi "),
    "said-that": ("'Putin said that Xi said that ' repeated", "Putin said that Xi said that "),
    "according-to": ("'according to ' repeated", "according to "),
    "zero-width": (
        "U+200B/U+200C/U+FEFF mixed with letters",
        "new\u200bs\u200c wor\ufeffld\u200b \u200cpu\ufefftin\u200b ",
    ),
    "tags-pipe": (
        "lowercase tags separated by ' | ', one line, no full stop",
        "politics | world | china | russia | trade | energy | markets | ",
    ),
    "table-tab": ("tab-separated rows of lowercase words, no full stop", table_unit),
    "long-line": ("one line without spaces", "abcdefghijklmnopqrstuvwxyz0123456789"),
    "accented": (
        "accented names in news sentences",
        "Analysts at Zürich's UBS Group said inflation would slow. ",
    ),
    "news": ("the five seed articles, blank lines between, repeated", news_unit),
}


def parse_size(s: str) -> int:
    s = s.strip().upper()
    mult = {"K": KIB, "M": KIB * KIB, "G": KIB**3}.get(s[-1:], 1)
    return int(float(s.rstrip("KMG")) * mult)


def fmt_size(n: int) -> str:
    if n >= KIB * KIB and n % (KIB * KIB) == 0:
        return f"{n // (KIB * KIB)}M"
    if n % KIB == 0:
        return f"{n // KIB}K"
    return str(n)


def generate(family: str, size: int) -> bytes:
    """`size` bytes (or a few less, to end on a character) of the family's text."""
    unit = FAMILIES[family][1]
    if callable(unit):
        unit = unit()
    data = unit.encode("utf-8")
    reps = size // len(data) + 1
    out = (data * reps)[:size]
    return out.decode("utf-8", errors="ignore").encode("utf-8")


def run_once(binary: Path, path: Path, mode: str, timeout: float, max_mb: int = 0) -> dict:
    """One fresh CLI process: wall seconds, peak RSS in MiB, status.

    With `max_mb`, the child's address space is limited to that many MiB, so a
    runaway allocation fails in the child (status OOM) instead of pushing the
    machine into swap or the OOM killer.
    """

    def limit() -> None:
        if max_mb:
            resource.setrlimit(resource.RLIMIT_AS, (max_mb << 20, max_mb << 20))

    cmd = [str(binary), "parse", "--max-bytes", str(1 << 40)]
    if mode == "json":
        cmd.append("--json")
    cmd.append(str(path))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
            preexec_fn=limit,
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.kill(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen quiet
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
    result = {
        "seconds": round(seconds, 4),
        "peak_mb": round(usage.ru_maxrss / KIB, 1),
        "status": "ok",
    }
    if timed_out.is_set():
        result["status"] = "TIMEOUT"
    elif proc.returncode != 0 and max_mb and "memory allocation" in stderr:
        result["status"] = "OOM"
    elif proc.returncode != 0:
        result["status"] = f"ERROR({proc.returncode})"
        result["stderr"] = stderr.strip()[-500:]
    return result


def annotate(row: dict, prev: dict | None, startup: float) -> None:
    """Add the growth factors against `prev` (same family and mode) and a note."""
    notes = []
    for key in ("t_ratio", "t_exp", "m_ratio", "m_exp"):
        row.pop(key, None)
    if prev is not None:
        k = row["size"] / prev["size"]
        mr = row["peak_mb"] / max(prev["peak_mb"], 0.1)
        me = math.log(mr) / math.log(k)
        row.update(m_ratio=round(mr, 2), m_exp=round(me, 2))
        # Time net of start-up; no ratio while start-up dominates.
        prev_net = prev["seconds"] - startup
        if prev_net >= MIN_NET_SECONDS:
            tr = max(row["seconds"] - startup, 1e-3) / prev_net
            te = math.log(tr) / math.log(k)
            row.update(t_ratio=round(tr, 2), t_exp=round(te, 2))
            if te > SUPER_LINEAR:
                notes.append("super-linear time")
        # Memory has a floor of ~20 MB; flag only real growth.
        if me > SUPER_LINEAR and row["peak_mb"] > 50:
            notes.append("super-linear memory")
    row["note"] = ", ".join(notes)


class Table:
    """The results table, as aligned text or Markdown."""

    COLUMNS = ["family", "mode", "size", "seconds", "peak MB", "t ratio", "m ratio",
               "t exp", "m exp", "note"]
    WIDTHS = [14, 4, 5, 9, 8, 7, 7, 5, 5, 0]

    def __init__(self, markdown: bool) -> None:
        self.markdown = markdown

    def _print(self, cells: list[str]) -> None:
        if self.markdown:
            print("| " + " | ".join(cells) + " |", flush=True)
        else:
            out = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in
                   enumerate(zip(cells[:-1], self.WIDTHS))]
            print(" ".join(out) + "  " + cells[-1], flush=True)

    def header(self) -> None:
        self._print(self.COLUMNS)
        if self.markdown:
            print("|" + "|".join(["---"] * 2 + ["---:"] * 7 + ["---"]) + "|")
        else:
            print("-" * (sum(self.WIDTHS) + len(self.WIDTHS) + 6))

    def row(self, row: dict) -> None:
        def num(key: str, fmt: str) -> str:
            return format(row[key], fmt) if key in row else "-"

        status = row.get("status", "ok")
        if status == "ok":
            secs = f"{row['seconds']:.3f}"
        elif status == "SKIP":
            secs = "SKIP"
        else:
            secs = status
        peak = num("peak_mb", ".1f") if status != "SKIP" else ""
        note = row.get("note", "") if status == "ok" else row.get("stderr", "")
        self._print([row["family"], row["mode"], fmt_size(row["size"]), secs, peak,
                     num("t_ratio", ".2f"), num("m_ratio", ".2f"), num("t_exp", ".2f"),
                     num("m_exp", ".2f"), note])


def main() -> int:
    ap = argparse.ArgumentParser(
        description="Time and peak memory of `nutgraf parse` on pathological inputs.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("Usage", 1)[1] if __doc__ else None,
    )
    ap.add_argument("--bin", type=Path, default=DEFAULT_BIN, help="the nutgraf binary")
    ap.add_argument("--families", help="comma-separated family names (default: all)")
    ap.add_argument("--sizes", help="comma-separated sizes, e.g. 10K,40K,1M (overrides the flags)")
    ap.add_argument("--large", action="store_true", help="add 1M and 4M")
    ap.add_argument("--huge", action="store_true", help="add 1M, 4M and 16M (16M for news only)")
    ap.add_argument("--modes", default="json,text", help="json, text or both (default json,text)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run (default 60)")
    ap.add_argument("--max-mb", type=int, default=8192,
                    help="address-space limit per run in MiB, 0 for none (default 8192)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per point, fastest kept")
    ap.add_argument("--json-out", type=Path, help="write all results as JSON here")
    ap.add_argument("--keep", type=Path, help="write the inputs into this directory and keep them")
    ap.add_argument("--list", action="store_true", help="list the families and exit")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--table", type=Path, metavar="FILE.json",
                    help="only print the table of a --json-out file (ratios recomputed)")
    args = ap.parse_args()

    if args.table:
        saved = json.loads(args.table.read_text())
        table = Table(markdown=args.markdown)
        print(f"start-up: {saved['startup_seconds']}")
        table.header()
        prev = None
        for row in saved["results"]:
            if prev is not None and (prev["family"], prev["mode"]) != (row["family"], row["mode"]):
                prev = None
            if row.get("status") == "ok":
                annotate(row, prev, saved["startup_seconds"][row["mode"]])
                prev = row
            table.row(row)
        return 0

    if args.list:
        for name, (desc, unit) in FAMILIES.items():
            shown = repr(unit) if isinstance(unit, str) else "(generated)"
            print(f"{name:14} {desc}  {shown}")
        return 0

    families = args.families.split(",") if args.families else list(FAMILIES)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown families {unknown}; see --list")
    if args.sizes:
        sizes = [parse_size(s) for s in args.sizes.split(",")]
        huge_only: set[int] = set()
    else:
        names = BASE_SIZES + (LARGE_SIZES if args.large or args.huge else [])
        names += HUGE_SIZES if args.huge else []
        sizes = [parse_size(s) for s in names]
        huge_only = {parse_size(s) for s in HUGE_SIZES}
    modes = [m for m in args.modes.split(",") if m]
    if any(m not in ("json", "text") for m in modes):
        ap.error("--modes takes json and/or text")
    if not args.bin.exists():
        sys.exit(f"{args.bin} not found: cargo build --release -p nutgraf-cli")

    tmp = None
    if args.keep:
        workdir = args.keep
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="nutgraf-growth-")
        workdir = Path(tmp.name)

    startup = {}
    tiny = workdir / "startup.txt"
    tiny.write_text("Putin met Xi in Beijing on Tuesday.\n")
    for mode in modes:
        runs = [run_once(args.bin, tiny, mode, args.timeout) for _ in range(3)]
        startup[mode] = min(r["seconds"] for r in runs)
        print(f"start-up ({mode}): {startup[mode]:.3f} s, {max(r['peak_mb'] for r in runs):.1f} MB")

    table = Table(markdown=args.markdown)
    table.header()
    results = []
    failed = False
    try:
        for family in families:
            for mode in modes:
                prev = None
                stopped = False
                for size in sizes:
                    if size in huge_only and family not in HUGE_FAMILIES:
                        continue
                    row = {"family": family, "mode": mode, "size": size}
                    if stopped:
                        row["status"] = "SKIP"
                    else:
                        path = workdir / f"{family}-{fmt_size(size)}.txt"
                        if not path.exists():
                            path.write_bytes(generate(family, size))
                        runs = [
                            run_once(args.bin, path, mode, args.timeout, args.max_mb)
                            for _ in range(args.repeat)
                        ]
                        row.update(min(runs, key=lambda r: (r["status"] != "ok", r["seconds"])))
                        row["peak_mb"] = max(r["peak_mb"] for r in runs)
                        if row["status"] == "ok":
                            annotate(row, prev, startup[mode])
                            prev = row
                        else:
                            stopped = True
                            failed |= row["status"].startswith("ERROR")
                    results.append(row)
                    table.row(row)
    finally:
        if tmp is not None:
            tmp.cleanup()

    if args.json_out:
        args.json_out.write_text(json.dumps({
            "binary": str(args.bin),
            "timeout": args.timeout,
            "repeat": args.repeat,
            "startup_seconds": startup,
            "results": results,
        }, indent=1) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
