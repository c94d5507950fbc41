"""Checks every test applies to a parsed document."""

from __future__ import annotations

import json

import nutgraf

# Event types that may have no actor and no target: happenings reported alone.
BARE_TYPES = {"ATTACK", "TRAVEL", "PROTEST", "ARREST", "CHARGE", "SENTENCE", "KILL", "DIE", "INJURE"}


def check_document(doc: nutgraf.Document, text: str) -> None:
    """Spans slice the original input to their text; the dict is the JSON contract."""
    assert doc.text == text
    n = len(text)
    last = 0
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n, block
        assert text[block.start : block.end] == block.text, block
        assert block.start >= last, "blocks are in input order"
        last = block.end
    for sentence in doc.sentences:
        assert 0 <= sentence.start <= sentence.end <= n, sentence
        assert text[sentence.start : sentence.end] == sentence.text, sentence
        owner = doc.blocks[sentence.block]
        assert owner.start <= sentence.start and sentence.end <= owner.end, sentence
    words = doc.words
    for w in words:
        assert 0 <= w.start < w.end <= n, w
        assert text[w.start : w.end] == w.text, w
    assert [w for s in doc.sentences for w in s.words] == words
    for t in doc.times:
        assert 0 <= t.start <= t.end <= n, t
        assert text[t.start : t.end] == t.text, t
    for q in doc.quantities:
        assert 0 <= q.start <= q.end <= n, q
        assert text[q.start : q.end] == q.text, q
    entities = doc.entities
    for quote in doc.quotes:
        assert 0 <= quote.start <= quote.end <= n, quote
        assert text[quote.start : quote.end] == quote.text, quote
        assert quote.parts, quote
        assert quote.parts[0].start == quote.start and quote.parts[-1].end == quote.end, quote
        pieces = [*quote.parts, quote.cue, quote.speaker]
        for piece in pieces:
            if piece is not None:
                assert 0 <= piece.start <= piece.end <= n, (quote, piece)
                assert text[piece.start : piece.end] == piece.text, (quote, piece)
        if quote.speaker is not None and quote.speaker.entity is not None:
            assert 0 <= quote.speaker.entity < len(entities), quote.speaker
    for a in doc.attributions:
        for piece in (a, a.cue, a.source):
            assert 0 <= piece.start <= piece.end <= n, (a, piece)
            assert text[piece.start : piece.end] == piece.text, (a, piece)
        assert all(0 <= e < len(entities) for e in a.source.entities), a
    for event in doc.events:
        assert 0 <= event.start <= event.end <= n, event
        assert text[event.start : event.end] == event.text, event
        pieces = [event.trigger, *event.actors, *event.targets, event.place, event.time]
        for piece in pieces:
            if piece is not None:
                assert event.start <= piece.start <= piece.end <= event.end, (event, piece)
                assert text[piece.start : piece.end] == piece.text, (event, piece)
        for p in [*event.actors, *event.targets, event.place]:
            if p is not None and p.entity is not None:
                assert 0 <= p.entity < len(entities), p
        # Only a happening that is news by itself may come without a named
        # participant (docs/contract.md).
        assert event.actors or event.targets or event.type in BARE_TYPES, event
    if doc.dateline is not None:
        d = doc.dateline
        assert text[d.start : d.end] == d.text
    as_dict = doc.to_dict()
    assert as_dict == json.loads(doc.to_json())
    assert as_dict["schema_version"] == nutgraf.SCHEMA_VERSION == 1
    assert [(b["start"], b["end"], b["text"]) for b in as_dict["blocks"]] == [
        (b.start, b.end, b.text) for b in doc.blocks
    ]
    assert [(s["start"], s["end"]) for s in as_dict["sentences"]] == [
        (s.start, s.end) for s in doc.sentences
    ]
    if words:
        assert [s["words"] for s in as_dict["sentences"]] == [
            [word_dict(w) for w in s.words] for s in doc.sentences
        ]
    else:
        assert all("words" not in s for s in as_dict["sentences"])
    assert as_dict["times"] == [time_dict(t) for t in doc.times]
    assert as_dict["quantities"] == [quantity_dict(q) for q in doc.quantities]
    assert as_dict["quotes"] == [quote_dict(q) for q in doc.quotes]
    assert as_dict["attributions"] == [attribution_dict(a) for a in doc.attributions]
    assert as_dict["events"] == [event_dict(e) for e in doc.events]


def word_dict(w: nutgraf.Word) -> dict[str, object]:
    """A word's attributes as its JSON contract object."""
    return {
        "start": w.start,
        "end": w.end,
        "text": w.text,
        "lemma": w.lemma,
        "upos": w.upos,
        "xpos": w.xpos,
        "head": w.head,
        "deprel": w.deprel,
    }


def time_dict(t: nutgraf.TimeExpression) -> dict[str, object]:
    """A time expression's attributes as its JSON contract object."""
    return {
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "end_value": t.end_value,
        "mod": t.mod,
        "grain": t.grain,
        "anchor": None if t.anchor is None else t.anchor.isoformat(),
    }


def quantity_dict(q: nutgraf.Quantity) -> dict[str, object]:
    """A quantity's attributes as its JSON contract object."""
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "value": q.value,
        "value_max": q.value_max,
        "unit": q.unit,
        "per": q.per,
        "approximate": q.approximate,
        "bound": q.bound,
    }


def span_dict(s: nutgraf.Span) -> dict[str, object]:
    """A quote's part or cue as its JSON contract object."""
    return {"start": s.start, "end": s.end, "text": s.text}


def quote_dict(q: nutgraf.Quote) -> dict[str, object]:
    """A quote's attributes as its JSON contract object."""
    speaker = q.speaker
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "kind": q.kind,
        "parts": [span_dict(p) for p in q.parts],
        "cue": None if q.cue is None else span_dict(q.cue),
        "speaker": None
        if speaker is None
        else {"start": speaker.start, "end": speaker.end, "text": speaker.text, "entity": speaker.entity},
    }


def attribution_dict(a: nutgraf.Attribution) -> dict[str, object]:
    """An attribution's attributes as its JSON contract object."""
    src = a.source
    return {
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "kind": a.kind,
        "cue": span_dict(a.cue),
        "source": {"start": src.start, "end": src.end, "text": src.text, "entities": src.entities},
    }


def participant_dict(p: nutgraf.Participant) -> dict[str, object]:
    """An event's actor, target or place as its JSON contract object."""
    return {"start": p.start, "end": p.end, "text": p.text, "entity": p.entity}


def event_dict(e: nutgraf.Event) -> dict[str, object]:
    """An event's attributes as its JSON contract object."""
    return {
        "type": e.type,
        "cameo": e.cameo,
        "trigger": span_dict(e.trigger),
        "actors": [participant_dict(p) for p in e.actors],
        "targets": [participant_dict(p) for p in e.targets],
        "place": None if e.place is None else participant_dict(e.place),
        "time": None
        if e.time is None
        else {"start": e.time.start, "end": e.time.end, "text": e.time.text, "value": e.time.value},
        "polarity": e.polarity,
        "modality": e.modality,
        "start": e.start,
        "end": e.end,
        "text": e.text,
    }
