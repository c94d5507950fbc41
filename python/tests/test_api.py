"""The Python API of nutgraf.parse and Document."""

from __future__ import annotations

import datetime
import json
import re

import pytest

import nutgraf

from invariants import check_document

ARTICLE = (
    "Putin visits China\n\n"
    "Russian President Vladimir Putin arrived in Beijing on Tuesday. He met Xi Jinping.\n\n"
    "Leave a Comment"
)
TRICKY = "Vladímir&nbsp;Putin’s visit\r\n\r\nSecond paragraph — “quoted”."


def test_module_exports() -> None:
    assert set(nutgraf.__all__) <= set(dir(nutgraf))
    assert isinstance(nutgraf.__version__, str) and re.fullmatch(r"\d+\.\d+\.\d+.*", nutgraf.__version__)
    assert nutgraf.SCHEMA_VERSION == 1


def test_document_attribute_types() -> None:
    doc = nutgraf.parse(ARTICLE, published="2023-10-17", url="https://example.com/a", source="Example")
    assert isinstance(doc, nutgraf.Document)
    assert doc.text == ARTICLE
    assert doc.title is None or isinstance(doc.title, str)
    assert doc.subtitle is None or isinstance(doc.subtitle, str)
    assert isinstance(doc.authors, list) and all(isinstance(a, str) for a in doc.authors)
    assert doc.publisher == "Example"
    assert doc.url == "https://example.com/a"
    assert doc.published == datetime.date(2023, 10, 17)
    assert type(doc.published) is datetime.date
    assert doc.language is None or isinstance(doc.language, str)
    assert isinstance(doc.body, str) and "Vladimir Putin" in doc.body
    assert doc.blocks and all(isinstance(b, nutgraf.Block) for b in doc.blocks)
    assert doc.sentences and all(isinstance(s, nutgraf.Sentence) for s in doc.sentences)
    assert doc.dateline is None or isinstance(doc.dateline, nutgraf.Dateline)
    for block in doc.blocks:
        assert block.kind in {
            "title", "subtitle", "byline", "dateline", "heading",
            "paragraph", "caption", "credit", "boilerplate",
        }
        assert block.lang is None or isinstance(block.lang, str)
        if block.kind != "boilerplate":
            assert block.reason is None
    check_document(doc, ARTICLE)


def test_defaults_leave_metadata_empty() -> None:
    doc = nutgraf.parse("Just one sentence.")
    assert doc.url is None
    assert doc.publisher is None
    assert doc.published is None


@pytest.mark.parametrize(
    "value",
    [
        "2023-10-17",
        " 2023-10-17 ",
        "2023-10-17T08:30:00Z",
        "2023-10-17 08:30",
        datetime.date(2023, 10, 17),
        datetime.datetime(2023, 10, 17, 23, 59),
        datetime.datetime(2023, 10, 17, 1, 0, tzinfo=datetime.timezone.utc),
    ],
)
def test_published_accepts_str_date_and_datetime(value: str | datetime.date) -> None:
    assert nutgraf.parse("Text.", published=value).published == datetime.date(2023, 10, 17)


@pytest.mark.parametrize("value", ["17/10/2023", "", "2023-02-30", "yesterday"])
def test_bad_date_is_invalid_date_error(value: str) -> None:
    with pytest.raises(nutgraf.InvalidDateError) as info:
        nutgraf.parse("Text.", published=value)
    err = info.value
    assert isinstance(err, nutgraf.NutgrafError)
    assert isinstance(err, ValueError)
    assert err.value == value
    assert isinstance(err.reason, str) and err.reason
    assert err.index is None
    assert "YYYY-MM-DD" in str(err)


def test_bad_date_is_caught_as_value_error() -> None:
    with pytest.raises(ValueError, match="invalid date"):
        nutgraf.parse("Text.", published="not a date")


def test_published_of_wrong_type_is_type_error() -> None:
    with pytest.raises(TypeError, match="published must be"):
        nutgraf.parse("Text.", published=20231017)  # type: ignore[arg-type]


def test_text_must_be_str() -> None:
    with pytest.raises(TypeError):
        nutgraf.parse(b"bytes")  # type: ignore[arg-type]


def test_lone_surrogate_is_invalid_input() -> None:
    for call in (
        lambda: nutgraf.parse("bad \ud800 text"),
        lambda: nutgraf.parse_time("\udc80", "2023-10-17"),
        lambda: nutgraf.parse_quantity("5\ud800"),
    ):
        with pytest.raises(nutgraf.InvalidInputError) as info:
            call()
        err = info.value
        assert isinstance(err, nutgraf.NutgrafError) and isinstance(err, TypeError)
        assert err.index is None and "UTF-8" in err.reason


def test_input_too_large() -> None:
    text = "é" * 6  # 12 UTF-8 bytes, 6 characters
    with pytest.raises(nutgraf.InputTooLargeError) as info:
        nutgraf.parse(text, max_input_bytes=10)
    err = info.value
    assert isinstance(err, nutgraf.NutgrafError) and isinstance(err, ValueError)
    assert (err.length, err.limit, err.index) == (12, 10, None)
    assert str(err) == (
        "input is 12 bytes, over the limit of 10 bytes "
        "(pass a larger max_input_bytes to accept it)"
    )
    assert nutgraf.parse(text, max_input_bytes=12).text == text


def test_input_at_default_limit_boundary() -> None:
    limit = 16 * 1024 * 1024
    with pytest.raises(nutgraf.InputTooLargeError) as info:
        nutgraf.parse("a" * (limit + 1))
    assert info.value.limit == limit


def test_negative_limit_is_rejected() -> None:
    with pytest.raises(OverflowError):
        nutgraf.parse("Text.", max_input_bytes=-1)


def test_layout_off_still_gives_a_document() -> None:
    doc = nutgraf.parse(ARTICLE, layout=False)
    check_document(doc, ARTICLE)


def test_offsets_are_code_points_into_the_original() -> None:
    doc = nutgraf.parse(TRICKY)
    check_document(doc, TRICKY)
    texts = [b.text for b in doc.blocks]
    assert "Vladímir&nbsp;Putin’s visit" in texts
    assert "Second paragraph — “quoted”." in texts
    second = next(b for b in doc.blocks if b.text.startswith("Second"))
    assert second.start == TRICKY.index("Second")
    # The body is normalized: the entity is decoded, the line breaks are plain.
    assert "&nbsp;" not in doc.body


def test_to_dict_is_the_json_contract() -> None:
    doc = nutgraf.parse(TRICKY, published="2023-10-17", url="u", source="s")
    as_dict = doc.to_dict()
    assert as_dict == json.loads(doc.to_json())
    assert as_dict["schema_version"] == 1
    assert as_dict["published"] == "2023-10-17"
    assert as_dict["url"] == "u" and as_dict["publisher"] == "s"
    assert as_dict["body"] == doc.body
    assert {
        "schema_version", "title", "subtitle", "authors", "publisher", "published",
        "language", "url", "dateline", "body", "blocks", "sentences",
    } <= as_dict.keys()
    # A fresh dict each call: mutating it does not touch the document.
    as_dict["title"] = "changed"
    assert doc.to_dict()["title"] == doc.title


def test_documents_are_frozen() -> None:
    doc = nutgraf.parse(ARTICLE)
    with pytest.raises(AttributeError):
        doc.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        doc.blocks[0].start = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        nutgraf.Document()  # type: ignore[call-arg]


def test_parts_compare_by_value() -> None:
    a = nutgraf.parse(ARTICLE)
    b = nutgraf.parse(ARTICLE)
    assert a.blocks == b.blocks
    assert a.sentences == b.sentences


def test_reprs_are_readable() -> None:
    doc = nutgraf.parse(TRICKY)
    assert re.fullmatch(
        r"<Document title=(None|'.*') blocks=\d+ sentences=\d+ language=(None|'\w+')>", repr(doc)
    )
    block = doc.blocks[0]
    assert repr(block) == (
        f"<Block kind='{block.kind}' start=0 end={block.end} text='Vladímir&nbsp;Putin’s visit'>"
    )
    assert repr(doc.sentences[0]).startswith("<Sentence start=0 end=")
    long = nutgraf.parse("word " * 100).blocks[0]
    assert repr(long).endswith("…>") and len(repr(long)) < 120


def test_exception_tree() -> None:
    assert issubclass(nutgraf.NutgrafError, ValueError)
    for cls in (
        nutgraf.InputTooLargeError,
        nutgraf.InvalidDateError,
        nutgraf.InvalidOptionError,
        nutgraf.InvalidInputError,
        nutgraf.InternalError,
    ):
        assert issubclass(cls, nutgraf.NutgrafError)
        assert issubclass(cls, Exception), "a panic never surfaces as a BaseException"
        assert cls.__name__ in nutgraf.__all__
        assert cls.__module__ == "nutgraf"
    assert issubclass(nutgraf.InvalidInputError, TypeError)


def test_package_docstring_example_runs() -> None:
    import doctest

    result = doctest.testmod(nutgraf, verbose=False)
    assert result.attempted >= 3
    assert result.failed == 0


def test_a_date_in_the_url_path_is_the_publication_date_when_nothing_else_gives_one() -> None:
    text = "Saints place Thomas on injured reserve\n\nThe Saints placed Pierre Thomas on injured reserve on Wednesday."
    url = "https://profootballtalk.example.com/2011/01/05/pierre-thomas-headed-to-ir/"
    doc = nutgraf.parse(text, url=url)
    assert doc.published == datetime.date(2011, 1, 5)
    assert [t.value for t in doc.times if t.text == "Wednesday"] == ["2011-01-05"]
    assert nutgraf.parse(text, url=url, published="2011-01-06").published == datetime.date(2011, 1, 6)
    assert nutgraf.parse(text, url="https://example.com/sports/12345").published is None
