"""Syntax in Python: `parse(..., syntax=True)`, `Document.words`, `Sentence.words`,
`analyze_words`, and the words in `to_dict()`."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

import nutgraf

from invariants import check_document, word_dict

NEWS = (
    "Russian President Vladimir Putin arrived in Beijing on Tuesday. "
    "The talks were postponed, officials said."
)
UPOS = {
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
}


def check_words(doc: nutgraf.Document) -> None:
    """Every word slices the input to its text; sentences split `doc.words` in
    order; heads stay inside their sentence; each sentence has a root."""
    words = doc.words
    text = doc.text
    listed: list[nutgraf.Word] = []
    for sentence in doc.sentences:
        own = sentence.words
        listed.extend(own)
        for i, w in enumerate(own):
            assert text[w.start : w.end] == w.text, w
            assert sentence.start <= w.start < w.end <= sentence.end, (sentence, w)
            assert w.text and not any(c.isspace() for c in w.text), w
            assert w.upos in UPOS and w.xpos and w.lemma and w.deprel, w
            if w.head is None:
                assert w.deprel == "root", w
            else:
                assert 0 <= w.head < len(own) and w.head != i, w
                assert w.deprel != "root", w
        if own:
            assert any(w.head is None for w in own), sentence
    assert listed == words
    assert [w.start for w in words] == sorted(w.start for w in words)


def parse(text: str) -> nutgraf.Document:
    return nutgraf.parse(text, layout=False, syntax=True)


def test_words_heads_and_relations() -> None:
    doc = parse(NEWS)
    check_words(doc)
    check_document(doc, NEWS)
    assert [w.text for w in doc.words[:5]] == ["Russian", "President", "Vladimir", "Putin", "arrived"]
    arrived = doc.words[4]
    assert (arrived.upos, arrived.xpos, arrived.lemma, arrived.head, arrived.deprel) == (
        "VERB", "VBD", "arrive", None, "root",
    )
    second = doc.sentences[1].words
    assert [w.text for w in second] == ["The", "talks", "were", "postponed", ",", "officials", "said", "."]
    talks = second[1]
    assert (talks.deprel, talks.upos, talks.lemma) == ("nsubj:pass", "NOUN", "talk")
    assert talks.head is not None and second[talks.head].text == "postponed"
    were = second[2]
    assert (were.upos, were.lemma, were.deprel) == ("AUX", "be", "aux:pass")


def test_offsets_after_non_ascii_text() -> None:
    text = "Zürich’s UBS Group said on Tuesday that the talks with Crédit Suisse had ended. 北京 “wins”."
    doc = parse(text)
    check_words(doc)
    check_document(doc, text)
    words = [w.text for w in doc.words]
    assert words[:4] == ["Zürich", "’s", "UBS", "Group"]
    assert "Crédit" in words and "Suisse" in words
    said = next(w for w in doc.words if w.text == "said")
    assert text[said.start : said.end] == "said"
    # Code points, not bytes: "ü" and "’" are one character each.
    assert said.start == len("Zürich’s UBS Group ")


def test_words_with_layout_and_repaired_text() -> None:
    text = (
        "Putin visits China\n\nBy Jane Doe\n\n"
        "Vladimir Putin&nbsp;didn’t meet Xi Jinping on Tuesday, the Kremlin said.\n\n"
        "Leave a Comment\n"
    )
    doc = nutgraf.parse(text, published="2023-10-17", syntax=True)
    check_words(doc)
    check_document(doc, text)
    assert doc.sentences[0].words and doc.sentences[0].words[0].text == "Putin"
    texts = [w.text for w in doc.words]
    assert ["did", "n’t"] == texts[texts.index("did") : texts.index("did") + 2]


def test_syntax_is_off_by_default() -> None:
    doc = nutgraf.parse(NEWS)
    assert doc.words == []
    assert all(s.words == [] for s in doc.sentences)
    assert all("words" not in s for s in doc.to_dict()["sentences"])
    assert nutgraf.parse(NEWS, syntax=False).to_json() == doc.to_json()


def test_to_dict_lists_the_words() -> None:
    doc = parse(NEWS)
    as_dict = doc.to_dict()
    assert as_dict == json.loads(doc.to_json())
    for sentence, obj in zip(doc.sentences, as_dict["sentences"]):
        assert obj["words"] == [word_dict(w) for w in sentence.words]
    # Only the words are added: the rest of the contract is unchanged.
    plain = nutgraf.parse(NEWS, layout=False).to_dict()
    for obj in as_dict["sentences"]:
        del obj["words"]
    assert as_dict == plain


def test_parse_many_with_syntax() -> None:
    texts = [NEWS, "Officials said the talks were postponed."]
    docs = nutgraf.parse_many(texts, layout=False, syntax=True, threads=2)
    for doc, text in zip(docs, texts):
        check_words(doc)
        assert doc.words == parse(text).words
    assert all(d.words == [] for d in nutgraf.parse_many(texts))


def test_word_is_frozen_and_has_a_repr() -> None:
    word = parse(NEWS).sentences[1].words[1]
    assert repr(word) == (
        "<Word text='talks' start=68 end=73 lemma='talk' upos='NOUN' xpos='NNS' head=3 deprel='nsubj:pass'>"
    )
    with pytest.raises(AttributeError):
        word.text = "x"  # type: ignore[misc]
    root = nutgraf.analyze_words(["Hi"])[0]
    assert "head=None deprel='root'" in repr(root)


def test_analyze_words() -> None:
    words = ["Officials", "said", "the", "talks", "had", "been", "postponed", "."]
    got = nutgraf.analyze_words(words)
    assert [w.text for w in got] == words
    joined = " ".join(words)
    assert all(joined[w.start : w.end] == w.text for w in got)
    assert [w.upos for w in got] == ["NOUN", "VERB", "DET", "NOUN", "AUX", "AUX", "VERB", "PUNCT"]
    assert [w.lemma for w in got][3:6] == ["talk", "have", "be"]
    said = got[1]
    assert (said.head, said.deprel) == (None, "root")
    talks = got[3]
    assert talks.deprel == "nsubj:pass" and talks.head == 6
    assert got[6].deprel == "ccomp" and got[6].head == 1
    # The same words inside a document get the same analysis.
    doc_words = parse(joined).words
    assert [(w.upos, w.lemma, w.head, w.deprel) for w in doc_words] == [
        (w.upos, w.lemma, w.head, w.deprel) for w in got
    ]


def test_analyze_words_takes_any_sequence_and_non_ascii() -> None:
    words = ("Zürich", "’s", "bank", "grew", ".")
    got = nutgraf.analyze_words(words)
    assert [(w.start, w.end) for w in got] == [(0, 6), (7, 9), (10, 14), (15, 19), (20, 21)]

    def gen() -> Iterator[str]:
        yield from words

    assert nutgraf.analyze_words(gen()) == got  # type: ignore[arg-type]
    assert nutgraf.analyze_words([]) == []


@pytest.mark.parametrize(
    ("words", "index", "reason"),
    [
        (["a", 3], 1, "expected a str, not int"),
        ([None], 0, "expected a str, not NoneType"),
        (["a", ""], 1, "the word is empty"),
        (["two words"], 0, "whitespace"),
        (["tab\there"], 0, "whitespace"),
        (["nbsp\u00a0"], 0, "whitespace"),
        (["line\n"], 0, "whitespace"),
        (["ok", "lone\ud800"], 1, "UTF-8"),
    ],
)
def test_analyze_words_rejects_bad_words(words: list[object], index: int, reason: str) -> None:
    with pytest.raises(nutgraf.InvalidInputError) as info:
        nutgraf.analyze_words(words)  # type: ignore[arg-type]
    err = info.value
    assert err.index == index
    assert reason in err.reason
    assert str(err).startswith(f"word {index}: ")
    assert isinstance(err, TypeError) and isinstance(err, ValueError)


def test_analyze_words_rejects_a_str_and_bounds_work() -> None:
    with pytest.raises(nutgraf.InvalidInputError, match="not a single str") as info:
        nutgraf.analyze_words("Officials said")
    assert info.value.index is None
    assert len(nutgraf.analyze_words(["x"] * 10_000)) == 10_000
    with pytest.raises(nutgraf.InvalidInputError, match="10001 words is over the limit of 10000") as info:
        nutgraf.analyze_words(["x"] * 10_001)
    assert info.value.index is None

    def endless() -> Iterator[str]:
        while True:
            yield "x"

    with pytest.raises(nutgraf.InvalidInputError, match="more than 10000 words"):
        nutgraf.analyze_words(endless())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        nutgraf.analyze_words(3)  # type: ignore[arg-type]


def test_analyze_words_takes_a_long_word() -> None:
    got = nutgraf.analyze_words(["x" * 1_000_000, "."])
    assert got[0].end == 1_000_000 and got[1].start == 1_000_001
