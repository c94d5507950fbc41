#!/usr/bin/env python3
"""Rebuild crates/nutgraf/data/words/english.txt from SCOWL.

Needs the Debian package `scowl` (SCOWL 2020.12.07: `apt-get install scowl`), which
installs its lists under /usr/share/dict/scowl. Keeps the lowercase, ASCII-letter
words (no proper names, no possessives, no abbreviations) of the American, British and
common English lists of size 10, 20 and 35, each word in the smallest size it is in
(the size is SCOWL's measure of how common a word is: 10 the most common). Writes one
word a line, sorted, in sections that start with a line `@10`, `@20`, `@35`; copies
SCOWL's copyright notice beside it (its license asks that the notice go with copies).
"""

import re
import sys
from pathlib import Path

SRC = Path("/usr/share/dict/scowl")
SIZES = [10, 20, 35]
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "crates/nutgraf/data/words/english.txt"
LICENSE = ROOT / "crates/nutgraf/data/words/SCOWL-LICENSE.txt"
WORD = re.compile(r"^[a-z]+$")


def main() -> int:
    if not SRC.is_dir():
        print("SCOWL is missing: apt-get install scowl", file=sys.stderr)
        return 1
    tier: dict[str, int] = {}
    for size in SIZES:
        for variety in ("english", "american", "british"):
            path = SRC / f"{variety}-words.{size}"
            if not path.exists():
                continue
            for line in path.read_bytes().decode("latin-1").splitlines():
                w = line.strip()
                if WORD.match(w) and w not in tier:
                    tier[w] = size
    lines = [
        "# English words (lowercase) from SCOWL 2020.12.07 (Debian package `scowl`), sizes",
        "# 10, 20 and 35 of the english, american and british lists; each section `@N` holds",
        "# the words first listed at size N (10: the most common). Copyright 2000-2011 Kevin",
        "# Atkinson and others: see SCOWL-LICENSE.txt. Rebuild: scripts/build_wordlist.py",
    ]
    for size in SIZES:
        lines.append(f"@{size}")
        lines.extend(sorted(w for w, s in tier.items() if s == size))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    notice = Path("/usr/share/doc/scowl/copyright").read_text(encoding="utf-8")
    start = notice.index("SCOWL (Spell Checker")
    LICENSE.write_text(notice[start:], encoding="utf-8")
    print(f"{OUT}: {len(tier)} words, {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
