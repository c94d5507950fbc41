"""Time expressions from Python: the document's times, parse_time, offsets, errors."""

from __future__ import annotations

import datetime

import pytest

import nutgraf

from invariants import check_document, time_dict
from seeds import Seed, load_seeds

SEEDS = {s.name[:3]: s for s in load_seeds()}
needs_corpus = pytest.mark.skipif(not SEEDS, reason="sample corpus not found")

TEXT = (
    "Putin visits China\n\n"
    "Vladímir Putin arrived in Beijing on Tuesday. The forum will run on "
    "October 17 and 18, and talks will run for three days.\n"
)


def seed(prefix: str) -> Seed:
    return SEEDS[prefix]


def times_of(s: Seed) -> dict[str, nutgraf.TimeExpression]:
    doc = nutgraf.parse(s.text, published=s.published)
    check_document(doc, s.text)
    return {t.text: t for t in doc.times}


@pytest.mark.corpus
@needs_corpus
def test_seed_000_this_tuesday_is_the_publication_day() -> None:
    s = seed("000")
    assert s.published == "2023-10-17"
    t = times_of(s)["this Tuesday"]
    assert (t.type, t.value, t.grain, t.mod) == ("DATE", "2023-10-17", "day", None)
    assert t.anchor == datetime.date(2023, 10, 17)
    assert s.text[t.start : t.end] == "this Tuesday"


@pytest.mark.corpus
@needs_corpus
def test_seed_004_range_october_17_and_18() -> None:
    s = seed("004")
    times = times_of(s)
    assert times["October 17"].value == "2023-10-17"
    assert times["18"].value == "2023-10-18"
    assert times["October 17"].type == times["18"].type == "DATE"
    # The second end follows the first one in the text.
    assert times["October 17"].end < times["18"].start


def test_document_times_have_types_and_offsets() -> None:
    doc = nutgraf.parse(TEXT, published="2023-10-19")
    check_document(doc, TEXT)
    by_text = {t.text: t for t in doc.times}
    tuesday = by_text["Tuesday"]
    assert isinstance(tuesday, nutgraf.TimeExpression)
    assert tuesday.value == "2023-10-17"
    assert type(tuesday.anchor) is datetime.date
    assert tuesday.anchor == datetime.date(2023, 10, 19)
    assert tuesday.duration is None
    assert by_text["October 17"].value == "2023-10-17"
    days = by_text["three days"]
    assert (days.type, days.value, days.duration) == ("DURATION", "P3D", (3.0, "day"))
    # Offsets are code points: "Vladímir" puts bytes and characters apart.
    for t in doc.times:
        assert TEXT[t.start : t.end] == t.text
    assert doc.to_dict()["times"] == [time_dict(t) for t in doc.times]


def test_without_a_reference_relative_values_are_none() -> None:
    doc = nutgraf.parse("He arrived yesterday and leaves on Friday.", layout=False)
    yesterday, friday = doc.times
    assert (yesterday.value, yesterday.anchor) == (None, None)
    # A named day with no reference keeps what it says: any week's Friday.
    assert (friday.value, friday.anchor) == ("XXXX-WXX-5", None)


def test_times_can_be_switched_off() -> None:
    assert nutgraf.parse(TEXT, times=False).times == []
    assert nutgraf.parse(TEXT, times=False).entities
    docs = nutgraf.parse_many([TEXT, TEXT], times=False, published="2023-10-19")
    assert all(d.times == [] and d.to_dict()["times"] == [] for d in docs)
    assert nutgraf.parse_many([TEXT], published="2023-10-19")[0].times == (
        nutgraf.parse(TEXT, published="2023-10-19").times
    )


def test_parse_time_resolves_against_the_reference() -> None:
    t = nutgraf.parse_time("next Friday", "2023-10-17")
    assert t is not None
    assert (t.type, t.value, t.grain) == ("DATE", "2023-10-20", "day")
    assert t.anchor == datetime.date(2023, 10, 17)
    assert (t.start, t.end, t.text) == (0, 11, "next Friday")
    assert nutgraf.parse_time("the cat", "2023-10-17") is None


@pytest.mark.parametrize(
    "reference",
    [
        "2023-10-17",
        "2023-10-17T09:00",
        "2023-10-17T09:00:00Z",
        datetime.date(2023, 10, 17),
        datetime.datetime(2023, 10, 17, 9, 0),
        datetime.datetime(2023, 10, 17, 9, 0, tzinfo=datetime.timezone.utc),
    ],
)
def test_parse_time_reference_kinds(reference: str | datetime.date) -> None:
    t = nutgraf.parse_time("tomorrow", reference)
    assert t is not None and t.value == "2023-10-18"


def test_parse_time_prefer() -> None:
    reference = datetime.date(2023, 10, 17)  # a Tuesday
    past = nutgraf.parse_time("Friday", reference, prefer="past")
    future = nutgraf.parse_time("Friday", reference, prefer="future")
    assert past is not None and past.value == "2023-10-13"
    assert future is not None and future.value == "2023-10-20"


def test_parse_time_durations_ranges_and_mods() -> None:
    d = nutgraf.parse_time("two and a half years", "2023-10-17")
    assert d is not None
    assert d.type == "DURATION" and d.duration == (30.0, "month")
    r = nutgraf.parse_time("July 13-15", "2023-10-17")
    assert r is not None and r.value is not None and r.end_value is not None
    assert r.value.endswith("-07-13") and r.end_value.endswith("-07-15")
    m = nutgraf.parse_time("more than three weeks", "2023-10-17")
    assert m is not None and m.mod == "MORE_THAN"
    assert nutgraf.parse_time("early 2023", "2023-10-17") is not None


def test_parse_time_offsets_are_code_points() -> None:
    text = "July 13–15."  # an en dash: 3 bytes, 1 character
    t = nutgraf.parse_time(text, "2023-10-17")
    assert t is not None
    assert (t.start, t.end) == (0, 10)
    assert text[t.start : t.end] == t.text == "July 13–15"
    assert t.end_value is not None and t.end_value.endswith("-07-15")


@pytest.mark.parametrize("bad", ["17/10/2023", "2023-02-30", "", "2023-10-17T25:00", "soon"])
def test_parse_time_bad_reference_string(bad: str) -> None:
    with pytest.raises(nutgraf.InvalidDateError) as info:
        nutgraf.parse_time("tomorrow", bad)
    assert info.value.value == bad
    assert info.value.index is None
    assert isinstance(info.value, ValueError)


def test_parse_time_bad_reference_type() -> None:
    with pytest.raises(TypeError, match="reference"):
        nutgraf.parse_time("tomorrow", 20231017)  # type: ignore[arg-type]


def test_parse_time_bad_prefer() -> None:
    with pytest.raises(nutgraf.InvalidOptionError) as info:
        nutgraf.parse_time("Friday", "2023-10-17", prefer="later")  # type: ignore[arg-type]
    assert info.value.option == "prefer"
    assert "later" in str(info.value)


def test_time_expression_repr_and_equality() -> None:
    a = nutgraf.parse_time("next Friday", "2023-10-17")
    b = nutgraf.parse_time("next Friday", "2023-10-17")
    assert a is not None and a == b
    assert repr(a) == "<TimeExpression type='DATE' value='2023-10-20' start=0 end=11 text='next Friday'>"
