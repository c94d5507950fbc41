#!/usr/bin/env python3
"""Compare nutgraf's body extraction with peer extractors on article_extraction data.

Usage (from the repository root):

    python3 benches/compare_body.py /path/to/article_extraction/dev.jsonl
    python3 benches/compare_body.py DATA.jsonl --systems nutgraf,trafilatura --limit 20

The first run creates `.bench-venv/` at the repository root (git-ignored),
installs the peers from PyPI into it and re-runs itself with that interpreter.
Nothing is installed anywhere else, and the data file is only read.

Input: JSON Lines records with `raw_text` (the page text, one paragraph a line)
and `gold.body` (the reference body), as in `article_extraction/dev.jsonl`.

Scoring matches `cargo run -p nutgraf-eval -- body FILE`
(`crates/nutgraf-eval/src/body.rs`) exactly: each text becomes the multiset of
its lowercased tokens (maximal runs of characters that are Unicode Alphabetic or
Numeric, i.e. Rust's `char::is_alphanumeric`), precision = overlap / predicted,
recall = overlap / gold (0 when the denominator is 0), F1 their harmonic mean
(0 when both are 0). "macro" is the mean of per-document scores, "micro" pools
all tokens.

Systems:
  nutgraf      the `nutgraf` Python package when importable, else the CLI
               (`target/release/nutgraf batch --threads 1`, built if missing);
               `Document.body`.
  trafilatura  `trafilatura.extract` on the text wrapped as HTML (each non-empty
               line one `<p>`), comments off, otherwise default settings.
  trafilatura-precision
               the same with `favor_precision=True`.
  justext      `justext.justext` with the English stoplist on the same HTML;
               the non-boilerplate paragraphs joined by blank lines.
  raw          the whole input text (a recall ceiling, not an extractor).

Throughput is documents per second of wall time on one thread, measured around
the extraction only (for the nutgraf CLI: the whole `nutgraf batch` process,
including process start and JSON in/out).
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".bench-venv"
PEERS = ["trafilatura", "jusText", "regex"]
ALL_SYSTEMS = ["nutgraf", "trafilatura", "trafilatura-precision", "justext", "raw"]


# ---------------------------------------------------------------- environment


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> None:
    """Re-run this script inside `.bench-venv`, creating it on first use."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = venv_python()
    if not py.exists():
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True
        )
    # The venv is shared with compare_ner.py: install the peers when they are missing.
    probe = subprocess.run(
        [str(py), "-c", "import trafilatura, justext, regex"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        print(f"installing {', '.join(PEERS)} into {VENV} ...", file=sys.stderr)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *PEERS], check=True)
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


# -------------------------------------------------------------------- scoring


def make_tokenizer():
    import regex

    # Rust `char::is_alphanumeric` is `is_alphabetic() || is_numeric()`: the
    # Alphabetic property, or general category Nd, Nl or No.
    word = regex.compile(r"[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]+")

    def tokens(text: str) -> list[str]:
        return [t.lower() for t in word.findall(text)]

    return tokens


def prf(hit: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = hit / npred if npred else 0.0
    r = hit / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(preds: list[str], golds: list[str], tokens) -> dict[str, float]:
    per_doc = []
    hit_all = npred_all = ngold_all = 0
    for pred, gold in zip(preds, golds, strict=True):
        pt, gt = tokens(pred), tokens(gold)
        hit = sum((Counter(pt) & Counter(gt)).values())
        per_doc.append(prf(hit, len(pt), len(gt)))
        hit_all += hit
        npred_all += len(pt)
        ngold_all += len(gt)
    n = max(len(per_doc), 1)
    mp, mr, mf = (sum(s[i] for s in per_doc) / n for i in range(3))
    up, ur, uf = prf(hit_all, npred_all, ngold_all)
    return {"P": mp, "R": mr, "F1": mf, "microP": up, "microR": ur, "microF1": uf}


# -------------------------------------------------------------------- systems


def as_html(text: str) -> str:
    """The text as a minimal HTML page: each non-empty line one paragraph."""
    paras = "\n".join(
        f"<p>{html.escape(line.strip())}</p>"
        for line in text.splitlines()
        if line.strip()
    )
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{paras}\n</body></html>'


def nutgraf_batch(binary: Path, texts: list[str]) -> tuple[int, list[str], str]:
    """Run `nutgraf batch` on `texts`: (exit code, bodies, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
        out = subprocess.run(
            [str(binary), "batch", "--threads", "1", "--quiet", str(src)],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
    bodies = [""] * len(texts)
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        if "document" in rec:
            bodies[rec["id"]] = rec["document"]["body"]
    return out.returncode, bodies, out.stderr


def run_nutgraf(texts: list[str], binary: Path) -> tuple[list[str], str, list[int]]:
    """nutgraf's bodies, how it ran, and the indices of inputs it crashed on."""
    try:
        import nutgraf  # type: ignore[import-not-found]
    except ImportError:
        nutgraf = None
    if nutgraf is not None:
        return [nutgraf.parse(t).body for t in texts], "python package", []
    if not binary.exists():
        print(f"building {binary} ...", file=sys.stderr)
        subprocess.run(
            ["cargo", "build", "--release", "-p", "nutgraf-cli"], cwd=ROOT, check=True
        )
    how = f"CLI {os.path.relpath(binary, ROOT)} batch --threads 1"
    code, bodies, err = nutgraf_batch(binary, texts)
    if code in (0, 2):
        return bodies, how, []
    # The process died (a panic takes the whole batch down). Find the inputs that
    # crash it one by one, count them as empty bodies, and parse the rest together.
    print(
        f"nutgraf batch exited with {code}; looking for crashing inputs:",
        file=sys.stderr,
    )
    print("  " + "\n  ".join(err.strip().splitlines()[:3]), file=sys.stderr)
    crashed = [
        i for i, t in enumerate(texts) if nutgraf_batch(binary, [t])[0] not in (0, 2)
    ]
    keep = [i for i in range(len(texts)) if i not in set(crashed)]
    code, kept_bodies, err = nutgraf_batch(binary, [texts[i] for i in keep])
    if code not in (0, 2):
        sys.exit(f"nutgraf batch failed ({code}): {err}")
    bodies = [""] * len(texts)
    for i, b in zip(keep, kept_bodies, strict=True):
        bodies[i] = b
    return bodies, how, crashed


def run_trafilatura(texts: list[str], **options) -> tuple[list[str], str, list[int]]:
    import trafilatura

    out = []
    for t in texts:
        body = trafilatura.extract(as_html(t), include_comments=False, **options)
        out.append(body or "")
    how = ", ".join(f"{k}={v}" for k, v in options.items()) or "defaults"
    return out, f"trafilatura {trafilatura.__version__} ({how})", []


def run_justext(texts: list[str]) -> tuple[list[str], str, list[int]]:
    from importlib.metadata import version

    import justext

    stoplist = justext.get_stoplist("English")
    out = []
    for t in texts:
        paras = justext.justext(as_html(t).encode("utf-8"), stoplist, encoding="utf-8")
        out.append("\n\n".join(p.text for p in paras if not p.is_boilerplate))
    return out, f"jusText {version('jusText')}", []


def run_raw(texts: list[str]) -> tuple[list[str], str, list[int]]:
    return list(texts), "input text", []


# ----------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "data", type=Path, help="article_extraction JSONL file (raw_text, gold.body)"
    )
    ap.add_argument(
        "--systems",
        default=",".join(ALL_SYSTEMS),
        help=f"comma-separated subset of {','.join(ALL_SYSTEMS)}",
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N records")
    ap.add_argument(
        "--nutgraf-bin",
        type=Path,
        default=ROOT / "target" / "release" / "nutgraf",
        help="nutgraf CLI used when the Python package is not importable",
    )
    ap.add_argument("--json", action="store_true", help="print results as JSON too")
    args = ap.parse_args()
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(ALL_SYSTEMS)
    if unknown:
        ap.error(f"unknown systems: {', '.join(sorted(unknown))}")

    ensure_venv()
    tokens = make_tokenizer()

    rows = []
    with args.data.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    if args.limit:
        rows = rows[: args.limit]
    texts = [r.get("raw_text") or "" for r in rows]
    golds = [(r.get("gold") or {}).get("body") or "" for r in rows]

    runners = {
        "nutgraf": lambda: run_nutgraf(texts, args.nutgraf_bin),
        "trafilatura": lambda: run_trafilatura(texts),
        "trafilatura-precision": lambda: run_trafilatura(texts, favor_precision=True),
        "justext": lambda: run_justext(texts),
        "raw": lambda: run_raw(texts),
    }
    results = []
    for name in systems:
        t0 = time.perf_counter()
        preds, how, crashed = runners[name]()
        secs = time.perf_counter() - t0
        s = score(preds, golds, tokens)
        rate = len(texts) / secs if secs else float("inf")
        if crashed:
            # The search for crashing inputs is not timed: time one clean batch
            # run over the inputs that do not crash instead.
            keep = [t for i, t in enumerate(texts) if i not in set(crashed)]
            t0 = time.perf_counter()
            nutgraf_batch(args.nutgraf_bin, keep)
            rate = len(keep) / (time.perf_counter() - t0)
            how += f"; CRASHED on input(s) {crashed}, scored as empty"
        s.update(system=name, how=how, crashed=crashed, docs_per_s=rate)
        results.append(s)
        print(f"  {name}: {secs:.2f}s", file=sys.stderr, flush=True)

    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(
        f"body extraction on {len(rows)} documents ({args.data.name}, {mb:.2f} MB of text)"
    )
    print(
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print()
    print(
        f"| {'system':<21} | {'P':>5} | {'R':>5} | {'F1':>5} | {'micro F1':>8} | {'docs/s':>8} | how"
    )
    print(f"|{'-' * 23}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 10}|{'-' * 10}|-----")
    for s in results:
        rate = "-" if s["system"] == "raw" else f"{s['docs_per_s']:.1f}"
        print(
            f"| {s['system']:<21} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | "
            f"{s['microF1']:>8.3f} | {rate:>8} | {s['how']}"
        )
    print()
    print(
        "P, R, F1: mean of per-document scores (as nutgraf-eval's 'macro'); micro: tokens pooled."
    )
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
