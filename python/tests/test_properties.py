"""Property tests: every span slices the original input to its text, for any input."""

from __future__ import annotations

import pytest

import nutgraf

from invariants import check_document

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Pieces news text is made of, including what normalization rewrites.
PIECES = [
    "Putin", " ", "Vladímir", "&nbsp;", "&amp;", "&#8217;", "&quot;", "\u00a0", "\u200b",
    "\ufeff", "’", "“quoted”", " — ", "北京", "🙂", "e\u0301", ".", "? ", "\n", "\n\n",
    "\r\n", "\r\n\r\n", "\t", "By Jane Doe", "BEIJING (Reuters) -", "2023-10-17", "&", ";",
    " on Tuesday", "October 17 and 18", "next week", "three days", "$240 billion", "€40",
    "nearly 5%", "more than 130 countries", "2 km", "the third",
]

news_like = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(news_like)
def test_spans_slice_news_like_text(text: str) -> None:
    check_document(nutgraf.parse(text), text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_spans_slice_any_text(text: str) -> None:
    check_document(nutgraf.parse(text), text)
    check_document(nutgraf.parse(text, layout=False), text)


@settings(max_examples=100, deadline=None)
@given(news_like)
def test_words_slice_news_like_text(text: str) -> None:
    check_document(nutgraf.parse(text, syntax=True), text)
    check_document(nutgraf.parse(text, layout=False, syntax=True), text)


@settings(max_examples=50, deadline=None)
@given(st.lists(news_like, max_size=8))
def test_batch_matches_single(texts: list[str]) -> None:
    batch = nutgraf.parse_many(texts, threads=2)
    assert [d.to_dict() for d in batch] == [nutgraf.parse(t).to_dict() for t in texts]


# Names of the classes that pickle as their fields, and states to mutate.
_PICKLED = [
    part.__reduce__()[1]
    for part in (
        nutgraf.parse(
            "BEIJING, Oct. 17, 2023 (Reuters) - Putin met Xi on Tuesday, signing deals worth "
            "$2.5 billion. “We will win,” he said.",
            syntax=True,
        ).entities
        + nutgraf.parse("Putin met Xi on Tuesday.", syntax=True).words
    )
]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PICKLED), st.binary(max_size=40), st.integers(0, 400))
def test_mutated_pickled_parts_read_back_or_raise(
    state: tuple[str, int, bytes], junk: bytes, at: int
) -> None:
    """A pickled part with bytes changed gives an object or InvalidDocumentError,
    never another exception or a crash."""
    name, version, data = state
    bad = data[:at] + junk + data[at + len(junk) // 2 :]
    try:
        nutgraf._nutgraf._unpickle(name, version, bad)  # type: ignore[attr-defined]
    except nutgraf.InvalidDocumentError:
        pass
