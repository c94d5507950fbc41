"""An HTML view of a parsed article, for notebooks: ``Document._repr_html_``.

>>> import nutgraf
>>> from nutgraf.display import render
>>> doc = nutgraf.parse("Putin visits China\\n\\nVladimir Putin arrived in Beijing on Tuesday.",
...                     published="2023-10-17")
>>> page = render(doc)
>>> page.startswith('<div class="nutgraf-doc">') and "PERSON" in page
True

In Jupyter, evaluating a ``Document`` shows this view. It has two parts:

- **The text**, block by block, each block tagged with its layout role (title,
  subtitle, byline, dateline, heading, paragraph, caption, credit; boilerplate
  greyed out with its reason), and the spans of every extractor marked in it:
  entity mentions coloured by label (references and pronouns paler, with the
  entity they resolve to), time expressions with their TIMEX3 value, quantities
  with their value and unit, event triggers with the event type, quote content
  tinted, the quote's speaker underlined and its cue dotted. Hovering a mark
  shows what it is (the ``title`` attribute: no JavaScript).
- **Tables**: entities (name, label, aliases, mentions, references, pronouns,
  roles), times (text, type, value), quantities (text, kind, value, unit), quotes
  (kind, speaker, cue, text), attributions, events (type, trigger, actors,
  targets, place, time, polarity and modality) and repairs, each in a
  ``<details>`` section with its count.

**Overlapping spans.** A character gets at most one *mark*, the first of entity
mention (name, then reference, then pronoun), time, quantity, event trigger and
quote content that covers it (the innermost, latest-starting span of that layer
when several do); and at most one *underline*, speaker before cue. So an entity
inside a quote is coloured as the entity, and a speaker who is a named person is
both coloured and underlined. Spans are cut where another starts or ends; the
small label after a span (the entity's label, the time's value...) is written
once, after its last piece (the labels of spans ending at the same character
together, the shown span's first).

The page is self-contained HTML with inline CSS: no script, no external
resource, every piece of text escaped. It is built in one pass over the span
boundaries, sorted: time and size grow with the text and the spans, not with
their product.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["render"]


class _HasToDict(Protocol):
    """What ``render`` needs of a document: ``nutgraf.Document`` fits."""

    @property
    def text(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


# Layers, in the order one is chosen for a character (the mark channel).
_MARK_ORDER = ("ent", "ref", "pro", "time", "qty", "trig", "quote")
# The underline channel.
_LINE_ORDER = ("spk", "cue")

_LABEL_COLOURS = {
    "PERSON": "#f9c6c9",
    "NORP": "#d7c6f0",
    "FAC": "#f3d9b1",
    "ORG": "#bcdcf5",
    "GPE": "#c3ecc0",
    "LOC": "#d4efe0",
    "PRODUCT": "#f0e1a8",
    "EVENT": "#f7d0ee",
    "WORK_OF_ART": "#e6d6c6",
    "LAW": "#d9d9d9",
    "LANGUAGE": "#cfe7ea",
}
_OTHER_LABEL = "#e0e0e0"

_CSS = """
.nutgraf-doc{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 font-size:14px;line-height:1.65;color:#1f2328;max-width:1100px}
.nutgraf-doc .ng-head{border-bottom:1px solid #d0d7de;margin-bottom:8px;padding-bottom:6px}
.nutgraf-doc .ng-head h3{margin:0 0 4px 0;font-size:18px}
.nutgraf-doc .ng-meta{color:#57606a;font-size:12.5px}
.nutgraf-doc .ng-meta b{color:#1f2328;font-weight:600}
.nutgraf-doc .ng-legend{font-size:12px;color:#57606a;margin:6px 0 10px 0}
.nutgraf-doc .ng-legend span{margin-right:4px}
.nutgraf-doc .ng-blk{display:flex;gap:10px;margin:3px 0;padding:3px 0;border-top:1px dashed #eaeef2}
.nutgraf-doc .ng-role{flex:0 0 118px;font-size:11px;text-transform:uppercase;letter-spacing:.04em;
 color:#57606a;padding-top:3px}
.nutgraf-doc .ng-role i{text-transform:none;letter-spacing:0;font-style:normal;display:block;color:#8c959f}
.nutgraf-doc .ng-txt{flex:1 1 auto;white-space:pre-wrap;overflow-wrap:anywhere}
.nutgraf-doc .ng-title .ng-txt{font-size:17px;font-weight:600}
.nutgraf-doc .ng-subtitle .ng-txt,.nutgraf-doc .ng-heading .ng-txt{font-weight:600}
.nutgraf-doc .ng-caption .ng-txt,.nutgraf-doc .ng-credit .ng-txt{font-style:italic;color:#424a53;font-size:13px}
.nutgraf-doc .ng-byline .ng-txt,.nutgraf-doc .ng-dateline .ng-txt{color:#424a53;font-size:13px}
.nutgraf-doc .ng-boilerplate{opacity:.55}
.nutgraf-doc .ng-boilerplate .ng-txt{color:#6e7781;text-decoration:line-through;text-decoration-color:#afb8c1}
.nutgraf-doc .ng-gap{color:#8c959f}
.nutgraf-doc .m{border-radius:3px;padding:0 1px}
.nutgraf-doc .m-ref,.nutgraf-doc .m-pro{background-image:linear-gradient(rgba(255,255,255,.45),rgba(255,255,255,.45))}
.nutgraf-doc .m-pro{border:1px dashed #8c959f}
.nutgraf-doc .m-time{background:#fff1b8}
.nutgraf-doc .m-qty{background:#ffd8a8}
.nutgraf-doc .m-trig{background:#c9c3f7;font-weight:600}
.nutgraf-doc .m-quote{background:#fbf6e2;color:#5b4a1a}
.nutgraf-doc .u-spk{border-bottom:2px solid #1a7f37}
.nutgraf-doc .u-cue{border-bottom:2px dotted #8250df}
.nutgraf-doc sub.l{font-size:9.5px;vertical-align:baseline;position:relative;top:-.1em;margin-left:2px;
 color:#3d444d;font-weight:600;letter-spacing:.02em;font-style:normal;white-space:nowrap}
.nutgraf-doc details{margin:8px 0}
.nutgraf-doc summary{font-weight:600;cursor:pointer}
.nutgraf-doc table{border-collapse:collapse;font-size:12.5px;margin-top:4px;width:100%}
.nutgraf-doc th,.nutgraf-doc td{border:1px solid #d0d7de;padding:2px 6px;text-align:left;vertical-align:top}
.nutgraf-doc th{background:#f6f8fa;font-weight:600}
.nutgraf-doc td.n{text-align:right;font-variant-numeric:tabular-nums}
.nutgraf-doc .ng-none{color:#8c959f}
"""


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(value: float | int | None) -> str:
    """A number as people write it: 240,000,000,000; 3.5; 1.2e-05."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer() and abs(number) < 1e18:
        return f"{int(number):,}"
    return f"{number:,.6g}" if abs(number) >= 1e-3 else f"{number:.3g}"


@dataclass
class _Mark:
    """One span of one layer, with its label and its hover text."""

    start: int
    end: int
    layer: str
    css: str = ""
    label: str = ""
    hover: str = ""
    order: int = field(default=0)


def render(doc: _HasToDict) -> str:
    """The HTML view of ``doc`` (a ``nutgraf.Document``): its text with every layer
    marked and tables of what was found. See the module's documentation."""
    data = doc.to_dict()
    text = doc.text
    entities: list[dict[str, Any]] = data.get("entities") or []
    marks = list(_marks(data, entities))
    parts = ['<div class="nutgraf-doc">', f"<style>{_CSS}</style>"]
    parts.append(_header(data))
    parts.append(_legend(entities))
    parts.append(_text(text, data.get("blocks") or [], marks))
    parts.append(_tables(data, entities))
    parts.append("</div>")
    return "".join(parts)


def _header(data: Mapping[str, Any]) -> str:
    title = data.get("title")
    facts = []
    for key, name in (
        ("published", "published"),
        ("language", "language"),
        ("publisher", "publisher"),
        ("url", "url"),
    ):
        if data.get(key):
            facts.append(f"{name} <b>{_esc(data[key])}</b>")
    authors = data.get("authors") or []
    if authors:
        names = ", ".join(a["name"] if isinstance(a, Mapping) else str(a) for a in authors)
        facts.append(f"by <b>{_esc(names)}</b>")
    dateline = data.get("dateline")
    if dateline:
        bits = [dateline.get("place"), dateline.get("date"), dateline.get("agency")]
        facts.append(f"dateline <b>{_esc(' · '.join(str(b) for b in bits if b))}</b>")
    counts = [
        (len(data.get(k) or []), k)
        for k in ("blocks", "sentences", "entities", "times", "quantities", "quotes", "events")
    ]
    facts.append(" · ".join(f"{n} {k}" for n, k in counts))
    heading = _esc(title) if title else '<span class="ng-none">(no title)</span>'
    return (
        f'<div class="ng-head"><h3>{heading}</h3>'
        f'<div class="ng-meta">{" &nbsp;|&nbsp; ".join(facts)}</div></div>'
    )


def _legend(entities: Sequence[Mapping[str, Any]]) -> str:
    labels = sorted({e["label"] for e in entities})
    items = [
        f'<span class="m" style="background:{_LABEL_COLOURS.get(label, _OTHER_LABEL)}">'
        f"{_esc(label)}</span>"
        for label in labels
    ]
    items += [
        '<span class="m m-time">time</span>',
        '<span class="m m-qty">quantity</span>',
        '<span class="m m-trig">event trigger</span>',
        '<span class="m m-quote">quote</span>',
        '<span class="u-spk">speaker</span>',
        '<span class="u-cue">cue</span>',
        '<span class="m m-pro">pronoun</span>',
    ]
    return f'<div class="ng-legend">{" ".join(items)}</div>'


def _span(item: Mapping[str, Any] | None) -> tuple[int, int] | None:
    if not item:
        return None
    return int(item["start"]), int(item["end"])


def _marks(data: Mapping[str, Any], entities: Sequence[Mapping[str, Any]]) -> Iterable[_Mark]:
    """Every span of every layer, unsorted."""
    for e in entities:
        colour = _LABEL_COLOURS.get(e["label"], _OTHER_LABEL)
        css = f"background-color:{colour}"
        for layer, key, kind in (("ent", "mentions", ""), ("ref", "references", "reference to "),
                                 ("pro", "pronouns", "pronoun for ")):
            for m in e.get(key) or []:
                yield _Mark(
                    m["start"], m["end"], layer, css,
                    label=e["label"] if layer == "ent" else "",
                    hover=f"{e['label']}: {kind}{e['name']}",
                )
    for t in data.get("times") or []:
        value = t.get("value") or "?"
        yield _Mark(t["start"], t["end"], "time", label=value,
                    hover=f"{t['type']} {value} (grain {t.get('grain')})")
    for q in data.get("quantities") or []:
        value = _num(q.get("value"))
        if q.get("value_max") is not None:
            value += "–" + _num(q["value_max"])
        unit = q.get("unit") or ""
        per = f"/{q['per']}" if q.get("per") else ""
        label = f"{value} {unit}{per}".strip()
        yield _Mark(q["start"], q["end"], "qty", label=label, hover=f"{q['kind']}: {label}")
    for ev in data.get("events") or []:
        trigger = _span(ev.get("trigger"))
        if trigger:
            yield _Mark(*trigger, "trig", label=ev["type"], hover=_event_summary(ev))
    for q in data.get("quotes") or []:
        speaker = q.get("speaker")
        who = speaker["text"] if speaker else "no speaker"
        hover = f"{q['kind']} quote, {who}"
        pieces = q.get("parts") or [q]
        for i, part in enumerate(pieces):
            last = i == len(pieces) - 1
            yield _Mark(part["start"], part["end"], "quote",
                        label=("quote · " + who) if last and speaker else "", hover=hover)
        if speaker:
            yield _Mark(speaker["start"], speaker["end"], "spk", hover=f"speaker of a {q['kind']} quote")
        cue = _span(q.get("cue"))
        if cue:
            yield _Mark(*cue, "cue", hover="speech cue")


def _event_summary(ev: Mapping[str, Any]) -> str:
    who = ", ".join(p["text"] for p in ev.get("actors") or []) or "?"
    whom = ", ".join(p["text"] for p in ev.get("targets") or [])
    out = f"{ev['type']}: {who}"
    if whom:
        out += f" → {whom}"
    if ev.get("place"):
        out += f" in {ev['place']['text']}"
    if ev.get("time"):
        out += f" at {ev['time'].get('value') or ev['time']['text']}"
    if ev.get("polarity") == "negative":
        out += " (negated)"
    if ev.get("modality") not in (None, "asserted"):
        out += f" ({ev['modality']})"
    return out


def _text(text: str, blocks: Sequence[Mapping[str, Any]], marks: list[_Mark]) -> str:
    """The blocks with their marks: one sweep over the sorted span boundaries."""
    rank = {layer: i for i, layer in enumerate(_MARK_ORDER + _LINE_ORDER)}
    for i, m in enumerate(marks):
        m.order = i
    # Boundary events: (position, 0 = end / 1 = start, mark index); ends first so
    # that a span ending where another starts is closed before.
    events: list[tuple[int, int, int]] = []
    for i, m in enumerate(marks):
        if m.end > m.start and m.layer in rank:
            events.append((m.start, 1, i))
            events.append((m.end, 0, i))
    events.sort()
    # Active spans by layer, in start order (the last is the innermost).
    active: dict[str, list[int]] = {layer: [] for layer in rank}
    out = ['<div class="ng-text">']
    e = 0

    def top(order: Sequence[str]) -> _Mark | None:
        for layer in order:
            if active[layer]:
                return marks[active[layer][-1]]
        return None

    def piece(start: int, end: int) -> str:
        """``text[start:end]`` with the marks active over it."""
        chunk = _esc(text[start:end])
        mark = top(_MARK_ORDER)
        line = top(_LINE_ORDER)
        if mark is None and line is None:
            return chunk
        classes = []
        styles = []
        hovers = []
        label = ""
        for m in (mark, line):
            if m is None:
                continue
            classes.append(("m m-" if m.layer in _MARK_ORDER else "u-") + m.layer)
            if m.css:
                styles.append(m.css)
            if m.hover:
                hovers.append(m.hover)
        # A mark hidden under a higher one still says what it is on hover, and
        # every mark ending here writes its label (the top one's first).
        labels = [mark.label] if mark is not None and mark.label and mark.end == end else []
        for layer in _MARK_ORDER:
            for i in active[layer]:
                if marks[i] is mark:
                    continue
                if marks[i].hover not in hovers:
                    hovers.append(marks[i].hover)
                if marks[i].label and marks[i].end == end:
                    labels.append(marks[i].label)
        if labels:
            label = f'<sub class="l">{_esc(" · ".join(labels))}</sub>'
        style = f' style="{";".join(styles)}"' if styles else ""
        return (
            f'<span class="{" ".join(classes)}"{style} title="{_esc(" | ".join(hovers))}">'
            f"{chunk}{label}</span>"
        )

    for block in blocks:
        start, end = int(block["start"]), int(block["end"])
        kind = str(block.get("kind") or "paragraph")
        role = _esc(kind)
        if block.get("reason"):
            role += f"<i>{_esc(block['reason'])}</i>"
        if block.get("lang") and kind != "boilerplate":
            role += f"<i>{_esc(block['lang'])}</i>"
        # Apply every boundary before the block (in the gap between blocks).
        while e < len(events) and events[e][0] <= start:
            _apply(events[e], active, marks)
            e += 1
        body = []
        pos = start
        while e < len(events) and events[e][0] < end:
            at = events[e][0]
            if at > pos:
                body.append(piece(pos, at))
                pos = at
            _apply(events[e], active, marks)
            e += 1
        if end > pos:
            body.append(piece(pos, end))
        out.append(
            f'<div class="ng-blk ng-{_esc(kind)}"><div class="ng-role">{role}</div>'
            f'<div class="ng-txt">{"".join(body)}</div></div>'
        )
    if not blocks and text:
        out.append(f'<div class="ng-blk"><div class="ng-role">text</div><div class="ng-txt">{_esc(text)}</div></div>')
    out.append("</div>")
    return "".join(out)


def _apply(event: tuple[int, int, int], active: dict[str, list[int]], marks: list[_Mark]) -> None:
    _, starts, i = event
    stack = active[marks[i].layer]
    if starts:
        stack.append(i)
    else:
        # Nearly always the last one: spans of one layer rarely overlap.
        for j in range(len(stack) - 1, -1, -1):
            if stack[j] == i:
                del stack[j]
                break


def _table(title: str, head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Iterable[int] = ()) -> str:
    """A ``<details>`` section holding a table; cells are already escaped."""
    nums = set(numeric)
    if not rows:
        return f'<details><summary>{_esc(title)} (0)</summary><div class="ng-none">none</div></details>'
    lines = ["<tr>" + "".join(f"<th>{_esc(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        cells = "".join(
            f'<td class="n">{c}</td>' if i in nums else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        lines.append(f"<tr>{cells}</tr>")
    return (
        f"<details open><summary>{_esc(title)} ({len(rows)})</summary>"
        f"<table>{''.join(lines)}</table></details>"
    )


def _names(items: Iterable[Mapping[str, Any]] | None) -> str:
    return _esc(", ".join(p["text"] for p in items or []))


def _tables(data: Mapping[str, Any], entities: Sequence[Mapping[str, Any]]) -> str:
    out = []
    rows = []
    for e in entities:
        colour = _LABEL_COLOURS.get(e["label"], _OTHER_LABEL)
        roles = "; ".join(
            " ".join(str(x) for x in (r.get("qualifier"), r.get("title")) if x)
            + (f" ({r['affiliation']})" if r.get("affiliation") else "")
            for r in e.get("roles") or []
        )
        rows.append([
            _esc(e["name"]),
            f'<span class="m" style="background:{colour}">{_esc(e["label"])}</span>',
            _esc(", ".join(e.get("aliases") or [])),
            str(len(e.get("mentions") or [])),
            str(len(e.get("references") or [])),
            str(len(e.get("pronouns") or [])),
            _esc(roles),
        ])
    out.append(_table("Entities", ["name", "label", "aliases", "mentions", "references", "pronouns", "roles"],
                      rows, numeric=(3, 4, 5)))
    rows = [
        [_esc(t["text"]), _esc(t["type"]), _esc(t.get("value") or ""), _esc(t.get("mod") or ""),
         _esc(t.get("anchor") or "")]
        for t in data.get("times") or []
    ]
    out.append(_table("Times", ["text", "type", "value (TIMEX3)", "mod", "anchor"], rows))
    rows = []
    for q in data.get("quantities") or []:
        value = _num(q.get("value"))
        if q.get("value_max") is not None:
            value += " – " + _num(q["value_max"])
        flags = " ".join(x for x in (q.get("bound"), "approximate" if q.get("approximate") else None) if x)
        rows.append([_esc(q["text"]), _esc(q["kind"]), _esc(value), _esc(q.get("unit") or ""),
                     _esc(q.get("per") or ""), _esc(flags)])
    out.append(_table("Quantities", ["text", "kind", "value", "unit", "per", "bound"], rows, numeric=(2,)))
    rows = []
    for q in data.get("quotes") or []:
        speaker = q.get("speaker")
        who = _esc(speaker["text"]) if speaker else '<span class="ng-none">—</span>'
        if speaker and speaker.get("entity") is not None and speaker["entity"] < len(entities):
            who += f' <span class="ng-none">({_esc(entities[speaker["entity"]]["name"])})</span>'
        cue = q.get("cue")
        rows.append([_esc(q["kind"]), who, _esc(cue["text"]) if cue else "", _esc(q["text"])])
    out.append(_table("Quotes", ["kind", "speaker", "cue", "text"], rows))
    rows = [
        [_esc(a["kind"]), _esc(a["source"]["text"]), _esc(a["cue"]["text"]), _esc(a["text"])]
        for a in data.get("attributions") or []
    ]
    out.append(_table("Attributions", ["kind", "source", "cue", "what it backs"], rows))
    rows = []
    for ev in data.get("events") or []:
        place = ev.get("place")
        time = ev.get("time")
        mood = ", ".join(
            x for x in (ev.get("modality") if ev.get("modality") != "asserted" else None,
                        "negated" if ev.get("polarity") == "negative" else None) if x
        )
        rows.append([
            _esc(ev["type"]) + (f' <span class="ng-none">{_esc(ev["cameo"])}</span>' if ev.get("cameo") else ""),
            _esc(ev["trigger"]["text"]),
            _names(ev.get("actors")),
            _names(ev.get("targets")),
            _esc(place["text"]) if place else "",
            _esc(f"{time['text']} ({time.get('value') or '?'})") if time else "",
            _esc(mood),
        ])
    out.append(_table("Events", ["type", "trigger", "actors", "targets", "place", "time", "mood"], rows))
    repairs = data.get("repairs") or []
    if repairs:
        rows = [[_esc(r["kind"]), _esc(repr(r["original"])), _esc(repr(r["replacement"])), str(r["start"])]
                for r in repairs]
        out.append(_table("Repairs", ["kind", "original", "replacement", "at"], rows, numeric=(3,)))
    return "".join(out)
