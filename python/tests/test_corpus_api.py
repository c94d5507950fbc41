"""nutgraf.Corpus: stories, duplicates and shared entities across documents.

(test_corpus.py is about the sample corpus as single documents.)
"""

from __future__ import annotations

import datetime
import json
import threading
from pathlib import Path

import pytest

import nutgraf

from seeds import Seed, load_seeds

SEEDS = load_seeds()

needs_seeds = pytest.mark.skipif(
    not SEEDS, reason="sample corpus not found: set NUTGRAF_CORPUS, or add examples/corpus/seeds/"
)

# Two reports of one rescue, one of an earthquake.
RESCUE = (
    "Miners rescued in Chile\n\nRescuers in Copiapo, Chile, pulled the last of 33 trapped miners "
    "from the San Jose mine on Wednesday. Luis Urzua was the last miner to leave the shaft, "
    "President Sebastian Pinera said."
)
RESCUE_2 = (
    "Last Chilean miner freed\n\nLuis Urzua, the shift foreman, became the last of the 33 miners "
    "to be lifted from the San Jose mine near Copiapo, Chile. President Sebastian Pinera greeted him."
)
QUAKE = (
    "Earthquake hits Japan\n\nA magnitude 7.1 earthquake struck off the coast of Fukushima, Japan, "
    "on Saturday, the Japan Meteorological Agency said. Prime Minister Fumio Kishida urged "
    "residents to stay away from the shore."
)


def seed_id(seed: Seed) -> str:
    """"000" for "000_2d6bb26de71f0b92.txt"."""
    return Path(seed.name).stem.split("_")[0]


@pytest.fixture(scope="module")
def seed_docs() -> list[tuple[str, Seed, nutgraf.Document]]:
    docs = nutgraf.parse_many([s.text for s in SEEDS], published=[s.published for s in SEEDS])
    return [(seed_id(s), s, d) for s, d in zip(SEEDS, docs)]


def seed_corpus(seed_docs: list[tuple[str, Seed, nutgraf.Document]]) -> nutgraf.Corpus:
    corpus = nutgraf.Corpus()
    for sid, _, doc in seed_docs:
        corpus.add(doc, id=sid)
    return corpus


# ---------------------------------------------------------------- the sample articles


@needs_seeds
@pytest.mark.corpus
def test_seeds_form_the_two_visits(seed_docs: list[tuple[str, Seed, nutgraf.Document]]) -> None:
    """000, 001, 002 and 004 report the October 2023 trip to Beijing, 003 the May 2024 one."""
    corpus = seed_corpus(seed_docs)
    stories = corpus.stories()
    assert sorted(sorted(s.ids) for s in stories) == [["000", "001", "002", "004"], ["003"]]
    october = next(s for s in stories if "000" in s.ids)
    may = next(s for s in stories if s.ids == ["003"])
    assert october.start == datetime.date(2023, 10, 12)
    assert october.end == datetime.date(2023, 10, 17)
    assert may.start == may.end == datetime.date(2024, 5, 14)
    assert "Vladimir Putin" in october.entities and "Xi Jinping" in october.entities
    # One merge per document after the first, each with its reason.
    assert [m.id for m in october.merges] == october.ids[1:]
    assert may.merges == []
    for m in october.merges:
        assert 0.175 <= m.similarity <= 1.0
        assert m.reason.startswith(f"similarity {m.similarity:.2f}")
        assert len(m.cosines) == 4
        assert "Vladimir Putin" in m.shared_names
    # Ids and indices agree, and story_of finds each document's story.
    for story in stories:
        assert [corpus.ids[i] for i in story.docs] == story.ids
        for sid in story.ids:
            assert corpus.story_of(sid) == story.index
    assert [s.index for s in stories] == list(range(len(stories)))


@needs_seeds
@pytest.mark.corpus
def test_the_trade_figures_of_003_and_004_conflict(
    seed_docs: list[tuple[str, Seed, nutgraf.Document]],
) -> None:
    """004 puts 2022 trade at about $190 million, 003 2023 trade at $240 billion."""
    corpus = seed_corpus(seed_docs)
    texts = {name: seed.text for name, seed, _ in seed_docs}
    trade = [k for k in corpus.conflicts() if all(c.measure == "trade" for c in k.claims)]
    assert len(trade) == 1
    (conflict,) = trade
    assert conflict.kind == "magnitude"
    sides = [(c.doc, texts[c.doc][c.start : c.end], c.period) for c in conflict.claims]
    assert sides == [("003", "$240 billion", "2023"), ("004", "approximately $190 million", "2022")]
    assert [c.kind for c in conflict.claims] == ["money", "money"]
    assert len(corpus.conflicts()) == 1, "no other disagreement in the seeds"
    assert conflict.claims[1].approximate and conflict.claims[0].unit == "USD"
    assert "times apart" in conflict.reason
    rows = corpus.conflicts_rows()
    assert {r["id"] for r in rows if r["measure"] == "trade"} == {"003", "004"}
    for c in corpus.claims():
        assert texts[c.doc][c.start : c.end] == c.text


@pytest.mark.corpus
def test_one_event_dated_on_two_days_is_a_date_conflict() -> None:
    text = (
        "Country singer Tina Marlowe died on {} at her home in Nashville, her publicist "
        "Dan Reyes said. Marlowe, who recorded 40 albums, was 81."
    )
    corpus = nutgraf.Corpus()
    for i, day in enumerate(["Sunday", "Sunday", "Saturday"]):
        corpus.add(nutgraf.parse(text.format(day), published="2024-06-10"), id=f"d{i}")
    (conflict,) = [k for k in corpus.conflicts() if k.kind == "date"]
    a, b = conflict.claims
    assert (a.doc, a.text, a.period, a.kind, a.measure) == ("d0", "Sunday", "2024-06-09", "date", "DIE")
    assert (b.doc, b.text, b.period) == ("d2", "Saturday", "2024-06-08")
    assert a.value - b.value == 1.0
    assert text.format("Saturday")[b.start : b.end] == "Saturday"
    assert "Tina Marlowe" in a.subjects and "2 reports" in conflict.reason


@needs_seeds
@pytest.mark.corpus
def test_the_october_trip_has_a_timeline(
    seed_docs: list[tuple[str, Seed, nutgraf.Document]],
) -> None:
    corpus = seed_corpus(seed_docs)
    texts = {name: seed.text for name, seed, _ in seed_docs}
    october = corpus.story_of("000")
    timeline = corpus.timeline(october)
    assert timeline and corpus.timeline(10_000) == []
    # A story object does as well as its index; anything else is an input error.
    (story,) = [s for s in corpus.stories() if s.index == october]
    assert corpus.timeline(story) == timeline
    for bad in ("0", -1, 1.5, None):
        with pytest.raises(nutgraf.InvalidInputError, match="a Story or its index"):
            corpus.timeline(bad)  # type: ignore[arg-type]
    meetings = [e for e in timeline if e.type == "MEET" and e.time == "2023-10-18"]
    assert meetings and "Vladimir Putin" in meetings[0].actors
    assert len({s.doc for s in meetings[0].sources}) >= 3
    for entry in timeline:
        for source in entry.sources:
            assert source.trigger in texts[source.doc][source.start : source.end]
    dated = [e.time for e in timeline if e.time is not None]
    assert dated == [e.time for e in timeline[: len(dated)]]


@needs_seeds
@pytest.mark.corpus
def test_seeds_have_no_duplicates_but_a_copy_is_one(
    seed_docs: list[tuple[str, Seed, nutgraf.Document]],
) -> None:
    corpus = seed_corpus(seed_docs)
    assert corpus.duplicates() == []
    assert corpus.duplicates_rows() == []
    _, seed, _ = seed_docs[1]
    copy = nutgraf.parse(seed.text, published=seed.published)
    assert corpus.add(copy, id="001-copy") == len(SEEDS)
    dups = corpus.duplicates()
    assert len(dups) == 1
    assert (dups[0].a, dups[0].b) == ("001", "001-copy")
    assert dups[0].similarity == pytest.approx(1.0)
    assert corpus.duplicates_rows() == [{"a": "001", "b": "001-copy", "similarity": dups[0].similarity}]
    # The copy reports the same happening.
    assert corpus.story_of("001-copy") == corpus.story_of("001")


@needs_seeds
@pytest.mark.corpus
def test_seed_entities_point_into_each_text(seed_docs: list[tuple[str, Seed, nutgraf.Document]]) -> None:
    corpus = seed_corpus(seed_docs)
    texts = {sid: seed.text for sid, seed, _ in seed_docs}
    entities = corpus.entities()
    putin = next(e for e in entities if e.name == "Vladimir Putin")
    assert putin.label == "PERSON"
    assert "Vladimir Putin" in putin.aliases and putin.aliases == sorted(putin.aliases)
    assert putin.docs == ["000", "001", "002", "003", "004"]
    assert {m.doc for m in putin.mentions} == set(texts)
    # Every mention of every entity slices its own document's text.
    for e in entities:
        assert e.id == entities.index(e)
        assert e.docs == sorted(set(e.docs), key=corpus.ids.index)
        for m in e.mentions:
            assert texts[m.doc][m.start : m.end] == m.text, (e, m)
    # The most widely named first.
    counts = [len(e.docs) for e in entities]
    assert counts == sorted(counts, reverse=True)
    # Labels are those documents use.
    doc_labels = {e.label for _, _, d in seed_docs for e in d.entities}
    assert {e.label for e in entities} <= doc_labels


@needs_seeds
@pytest.mark.corpus
def test_rows_are_flat_json_friendly_dicts(seed_docs: list[tuple[str, Seed, nutgraf.Document]]) -> None:
    corpus = seed_corpus(seed_docs)
    texts = {sid: seed.text for sid, seed, _ in seed_docs}
    stories = corpus.stories_rows()
    assert len(stories) == len(corpus)
    assert list(stories[0]) == ["story", "title", "start", "end", "size", "id", "similarity", "reason"]
    by_id = {r["id"]: r for r in stories}
    assert by_id["000"]["start"] == "2023-10-12" and by_id["000"]["size"] == 4
    assert by_id["000"]["similarity"] is None and by_id["000"]["reason"] is None
    assert isinstance(by_id["001"]["similarity"], float)
    assert by_id["003"]["story"] != by_id["000"]["story"]
    entities = corpus.entities_rows()
    assert len(entities) == sum(len(e.mentions) for e in corpus.entities())
    assert list(entities[0]) == ["entity", "name", "label", "id", "start", "end", "text", "kind"]
    for r in entities:
        assert texts[r["id"]][r["start"] : r["end"]] == r["text"]
    for rows in (stories, entities, corpus.duplicates_rows()):
        assert json.loads(json.dumps(rows)) == rows
        for row in rows:
            assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())


@needs_seeds
@pytest.mark.corpus
def test_same_documents_same_order_same_result(
    seed_docs: list[tuple[str, Seed, nutgraf.Document]],
) -> None:
    a, b = seed_corpus(seed_docs), seed_corpus(seed_docs)
    assert a.stories() == b.stories()
    assert a.entities() == b.entities()
    assert a.duplicates() == b.duplicates()
    assert a.stories_rows() == b.stories_rows()
    assert a.entities_rows() == b.entities_rows()
    # extend gives what add gives.
    c = nutgraf.Corpus()
    assert c.extend([d for _, _, d in seed_docs], ids=[sid for sid, _, _ in seed_docs]) == list(
        range(len(seed_docs))
    )
    assert c.stories() == a.stories() and c.entities() == a.entities()
    assert c.memory_bytes() == a.memory_bytes() > 0


# ---------------------------------------------------------------- the API


def test_a_default_id_never_collides_with_an_explicit_one() -> None:
    corpus = nutgraf.Corpus()
    doc = nutgraf.parse(RESCUE)
    corpus.add(doc, id=1)
    corpus.add(doc, id="2")
    assert corpus.add(doc) == 2  # "2" is taken
    assert corpus.extend([doc, doc]) == [3, 4]
    assert corpus.ids == ["1", "2", "2~1", "3", "4"]
    corpus.add(doc, id="6")
    corpus.add(doc, id="7~1")
    assert corpus.extend([doc, doc]) == [7, 8]
    assert corpus.ids[-4:] == ["6", "7~1", "7", "8"]


def test_add_and_ids() -> None:
    corpus = nutgraf.Corpus()
    rescue, quake, rescue_2 = (nutgraf.parse(t) for t in (RESCUE, QUAKE, RESCUE_2))
    assert len(corpus) == 0 and corpus.ids == [] and corpus.stories() == []
    assert corpus.add(rescue) == 0
    assert corpus.add(quake, id=7) == 1
    assert corpus.add(rescue_2, "c") == 2
    assert corpus.ids == ["0", "7", "c"]
    assert len(corpus) == 3
    assert corpus.story_of(7) == corpus.story_of("7") == 1
    assert corpus.story_of("c") == corpus.story_of("0") == 0
    with pytest.raises(KeyError):
        corpus.story_of("missing")
    with pytest.raises(TypeError):
        corpus.story_of(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        corpus.add(rescue, id=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        corpus.add("not a document")  # type: ignore[arg-type]
    assert repr(corpus) == "<Corpus documents=3 stories=2 duplicates=0>"
    story = corpus.stories()[0]
    assert repr(story).startswith("<Story index=0 documents=2 title=")
    assert story.start is None and story.end is None
    assert repr(story.merges[0]).startswith("<StoryMerge id='c' similarity=")
    entity = corpus.entities()[0]
    assert repr(entity).startswith(f"<CorpusEntity id=0 label={entity.label!r}")
    assert repr(entity.mentions[0]).startswith("<CorpusMention doc=")


def test_a_duplicate_id_raises_and_changes_nothing() -> None:
    corpus = nutgraf.Corpus()
    doc = nutgraf.parse(RESCUE)
    corpus.add(doc, id="a")
    corpus.add(doc, id=5)
    before = (corpus.ids, corpus.stories(), corpus.duplicates())
    for taken in ("a", 5, "5"):
        with pytest.raises(nutgraf.DuplicateIdError) as info:
            corpus.add(nutgraf.parse(QUAKE), id=taken)
        err = info.value
        assert isinstance(err, nutgraf.NutgrafError) and isinstance(err, ValueError)
        assert err.id == str(taken)
        assert err.index is None
        assert f'"{taken}"' in str(err)
    assert (corpus.ids, corpus.stories(), corpus.duplicates()) == before
    # A default id is the index as a string, unless an explicit id took it.
    corpus.add(doc, id="3")
    assert corpus.add(doc) == 3 and corpus.ids[-1] == "3~1"


def test_extend() -> None:
    corpus = nutgraf.Corpus()
    docs = nutgraf.parse_many([RESCUE, QUAKE, RESCUE_2])
    assert corpus.extend(docs) == [0, 1, 2]
    assert corpus.extend(iter(docs[:1]), ids=(x for x in ["x"])) == [3]
    assert corpus.ids == ["0", "1", "2", "x"]
    assert corpus.extend([]) == []


def test_extend_with_mismatched_ids_adds_nothing() -> None:
    corpus = nutgraf.Corpus()
    docs = nutgraf.parse_many([RESCUE, QUAKE])
    for ids in (["a"], ["a", "b", "c"]):
        with pytest.raises(nutgraf.InvalidOptionError) as info:
            corpus.extend(docs, ids=ids)
        assert isinstance(info.value, ValueError) and isinstance(info.value, nutgraf.NutgrafError)
        assert info.value.option == "ids"
        assert f"got {len(ids)} ids for 2 documents" in str(info.value)
    assert len(corpus) == 0
    with pytest.raises(TypeError):
        corpus.extend(docs, ids="ab")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"docs\[1\] must be a Document"):
        corpus.extend([docs[0], "text"])  # type: ignore[list-item]
    assert len(corpus) == 0


def test_extend_stops_at_a_duplicate_id() -> None:
    corpus = nutgraf.Corpus()
    docs = nutgraf.parse_many([RESCUE, QUAKE, RESCUE_2])
    with pytest.raises(nutgraf.DuplicateIdError) as info:
        corpus.extend(docs, ids=["a", "b", "a"])
    assert info.value.index == 2 and info.value.id == "a"
    # The documents before the refused one stay added.
    assert corpus.ids == ["a", "b"]


def test_threads_share_a_corpus() -> None:
    corpus = nutgraf.Corpus()
    docs = nutgraf.parse_many([RESCUE, QUAKE, RESCUE_2] * 4)
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i, doc in enumerate(docs):
                corpus.add(doc, id=f"{k}-{i}")
                corpus.stories()
                len(corpus)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(corpus) == 4 * len(docs)
    assert sum(len(s.ids) for s in corpus.stories()) == len(corpus)


@pytest.mark.corpus
def test_options_are_checked_and_used() -> None:
    for bad in (
        {"story_threshold": 1.5},
        {"story_threshold": float("nan")},
        {"max_gap_days": -1},
        {"duplicate_threshold": 0.0},
        {"keep": 0},
        {"split_threshold": -0.1},
        {"merge_threshold": 2.0},
        {"merge_threshold": float("nan")},
        {"contrast": 1.5},
    ):
        with pytest.raises(nutgraf.InvalidOptionError):
            nutgraf.Corpus(**bad)  # type: ignore[arg-type]
    a = nutgraf.parse("Miners freed in Chile\n\nRescuers freed 33 miners from the San Jose mine in Chile.")
    b = nutgraf.parse("Chile miners rescued\n\nAll 33 miners trapped in the San Jose mine in Chile were rescued.")
    loose, strict = nutgraf.Corpus(story_threshold=0.0), nutgraf.Corpus(story_threshold=1.0)
    for corpus in (loose, strict):
        corpus.extend([a, b], ["a", "b"])
    assert len(loose.stories()) == 1 and len(strict.stories()) == 2
    checked = nutgraf.Corpus(split_threshold=0.0, merge_threshold=1.0, contrast=0.0)
    checked.extend([a, b, a, b], ["a", "b", "c", "d"])
    assert sum(len(s.ids) for s in checked.stories()) == 4
