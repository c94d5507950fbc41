"""nutgraf: turn raw news text into typed, verifiable facts.

>>> import nutgraf
>>> doc = nutgraf.parse("Putin visits China\\n\\nHe arrived on Tuesday.", published="2023-10-17")
>>> doc.published
datetime.date(2023, 10, 17)
>>> all(doc.text[b.start:b.end] == b.text for b in doc.blocks)
True

>>> nutgraf.parse_time("next Friday", "2023-10-17").value
'2023-10-20'
>>> nutgraf.parse_quantity("$240 billion").value
240000000000.0

Offsets (``start``/``end``) are Python string indices into the original input,
``doc.text`` (for ``parse_time`` and ``parse_quantity``, into the text given; for
``analyze_words``, into the words joined by single spaces). ``Document.to_dict()`` and ``Document.to_json()`` give the
version-1 JSON contract shared with the Rust crate and the command line.
``to_arrow(docs)`` gives the same as Arrow tables, one per layer (``to_pandas``,
``to_polars``: as data frames; ``docs/tables.md`` lists the columns).
"""

from __future__ import annotations

import os

from nutgraf import _nutgraf
from nutgraf._nutgraf import (
    MAX_THREADS,
    SCHEMA_VERSION,
    TABLES_SCHEMA_VERSION,
    ArrowTable,
    Attribution,
    Block,
    Claim,
    Conflict,
    Corpus,
    CorpusEntity,
    CorpusMention,
    Dateline,
    Document,
    Duplicate,
    DuplicateIdError,
    Entity,
    Event,
    InputTooLargeError,
    InternalError,
    InvalidDateError,
    InvalidDocumentError,
    InvalidInputError,
    InvalidOptionError,
    Mention,
    NutgrafError,
    Participant,
    Quantity,
    Quote,
    Repair,
    Repaired,
    Role,
    Sentence,
    Source,
    Span,
    Speaker,
    Story,
    StoryMerge,
    TimeExpression,
    TimelineEntry,
    TimelineSource,
    Word,
    __version__,
    analyze_words,
    parse,
    parse_html,
    parse_iter,
    parse_many,
    parse_quantity,
    parse_time,
    repair,
    to_arrow,
)
from nutgraf.tables import to_pandas, to_polars

__all__ = [
    "MAX_THREADS",
    "SCHEMA_VERSION",
    "TABLES_SCHEMA_VERSION",
    "ArrowTable",
    "Attribution",
    "Block",
    "Claim",
    "Conflict",
    "Corpus",
    "CorpusEntity",
    "CorpusMention",
    "Dateline",
    "Document",
    "Duplicate",
    "DuplicateIdError",
    "Entity",
    "Event",
    "InputTooLargeError",
    "InternalError",
    "InvalidDateError",
    "InvalidDocumentError",
    "InvalidInputError",
    "InvalidOptionError",
    "Mention",
    "NutgrafError",
    "Participant",
    "Quantity",
    "Quote",
    "Repair",
    "Repaired",
    "Role",
    "Sentence",
    "Source",
    "Span",
    "Speaker",
    "Story",
    "StoryMerge",
    "TimeExpression",
    "TimelineEntry",
    "TimelineSource",
    "Word",
    "__version__",
    "analyze_words",
    "parse",
    "parse_html",
    "parse_iter",
    "parse_many",
    "parse_quantity",
    "parse_time",
    "repair",
    "to_arrow",
    "to_pandas",
    "to_polars",
]

# A forked child has none of the parent's rayon worker threads: tell the native
# module so that `parse_many` builds a fresh pool there instead of hanging.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_nutgraf._after_fork_in_child)
