#!/usr/bin/env bash
# Regenerate docs/notebook-view.png: the notebook view (Document._repr_html_, i.e.
# nutgraf.display.render) of the first sample article, rendered by headless Chromium.
#
#     scripts/notebook-screenshot.sh            # needs nutgraf built (scripts/test-python.sh)
#
# Needs chromium (Debian: apt-get install chromium); pngquant, when present, makes
# the PNG about three times smaller. Environment: PYTHON (default .venv/bin/python,
# else python3), CHROMIUM (default: the first of chromium, chromium-browser,
# google-chrome on PATH), OUT (default docs/notebook-view.png).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${PYTHON:-}" ]; then
    if [ -x .venv/bin/python ]; then PYTHON=.venv/bin/python; else PYTHON=python3; fi
fi
if [ -z "${CHROMIUM:-}" ]; then
    for c in chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null; then CHROMIUM="$c"; break; fi
    done
fi
[ -n "${CHROMIUM:-}" ] || { echo "error: no chromium found (apt-get install chromium)" >&2; exit 1; }
OUT="${OUT:-docs/notebook-view.png}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PYTHON" - "$work/view.html" <<'PY'
import json
import sys
from pathlib import Path

import nutgraf

root = Path("examples/corpus")
first = sorted((root / "seeds").glob("*.txt"))[0]
dates = {
    Path(row["file"]).name: row.get("published")
    for row in map(json.loads, (root / "seeds.jsonl").read_text(encoding="utf-8").splitlines())
}
doc = nutgraf.parse(first.read_text(encoding="utf-8"), published=dates.get(first.name))
page = (
    '<!doctype html><html><head><meta charset="utf-8"><title>nutgraf</title></head>'
    f'<body style="margin:16px;background:#fff">{doc._repr_html_()}</body></html>'
)
Path(sys.argv[1]).write_text(page, encoding="utf-8")
PY

"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$work/view.png" --window-size=1200,1600 "file://$work/view.html" 2>/dev/null
if command -v pngquant >/dev/null; then
    pngquant --quality=70-95 --force --output "$OUT" "$work/view.png"
else
    cp "$work/view.png" "$OUT"
fi
echo "wrote $OUT ($(wc -c <"$OUT") bytes)"
