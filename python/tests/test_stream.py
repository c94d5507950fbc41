"""nutgraf.parse_iter: order, laziness, dict items, errors, threads and memory."""

from __future__ import annotations

import datetime
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import nutgraf

from invariants import check_document
from seeds import load_seeds

TEXTS = [f"Document number {i}. It has two sentences." for i in range(50)]


class Counted:
    """An iterable that counts the items pulled from it."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = iter(items)
        self.pulled = 0

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        item = next(self.items)
        self.pulled += 1
        return item


@pytest.mark.parametrize("batch_size", [None, 1, 3, 7, 50, 1000])
@pytest.mark.parametrize("threads", [None, 1, 2])
def test_order_is_kept(batch_size: int | None, threads: int | None) -> None:
    docs = list(nutgraf.parse_iter(iter(TEXTS), batch_size=batch_size, threads=threads))
    assert [d.text for d in docs] == TEXTS
    for doc, text in zip(docs, TEXTS):
        check_document(doc, text)


def test_empty_stream() -> None:
    assert list(nutgraf.parse_iter(iter([]))) == []
    assert list(nutgraf.parse_iter([])) == []


@pytest.mark.corpus
def test_equal_to_parse_many() -> None:
    seeds = load_seeds()
    if not seeds:
        pytest.skip("sample corpus absent")
    texts = [s.text for s in seeds] * 3
    expected = nutgraf.parse_many(texts, published="2023-10-17")
    got = list(nutgraf.parse_iter((t for t in texts), published="2023-10-17", batch_size=4))
    assert [d.to_dict() for d in got] == [d.to_dict() for d in expected]
    # Per-item dates from dicts give what parse_many gives with a list of dates.
    dates = [s.published for s in seeds]
    expected = nutgraf.parse_many([s.text for s in seeds], published=dates)
    records = ({"text": s.text, "published": s.published} for s in seeds)
    got = list(nutgraf.parse_iter(records, batch_size=2))
    assert [d.to_dict() for d in got] == [d.to_dict() for d in expected]


def test_the_iterable_is_consumed_lazily() -> None:
    source = Counted(TEXTS)
    stream = nutgraf.parse_iter(source, batch_size=4)
    assert source.pulled == 0, "nothing is pulled before the first next()"
    first = next(stream)
    assert first.text == TEXTS[0]
    assert source.pulled == 4, "one batch"
    for _ in range(3):
        next(stream)
    assert source.pulled == 4, "the batch is handed out before the next is pulled"
    next(stream)
    assert source.pulled == 8
    assert len(list(stream)) == len(TEXTS) - 5
    assert source.pulled == len(TEXTS)


def test_an_endless_generator() -> None:
    def endless() -> Iterator[str]:
        i = 0
        while True:
            yield f"Story {i} is short."
            i += 1

    stream = nutgraf.parse_iter(endless(), batch_size=16)
    got = [next(stream).text for _ in range(40)]
    assert got == [f"Story {i} is short." for i in range(40)]


def test_file_lines(tmp_path: Path) -> None:
    path = tmp_path / "articles.txt"
    path.write_text("".join(t + "\n" for t in TEXTS[:5]), encoding="utf-8")
    with path.open(encoding="utf-8") as f:
        docs = list(nutgraf.parse_iter(f))
    assert [d.text for d in docs] == [t + "\n" for t in TEXTS[:5]]


def test_dict_items() -> None:
    page = "<html><body><h1>Putin visits China</h1><p>Vladimir Putin arrived in Beijing on Tuesday.</p></body></html>"
    items: list[Any] = [
        "Plain text.",
        {"text": "Putin arrived on Tuesday.", "published": "2023-10-17"},
        {"text": "With a url.", "url": "https://example.com/a", "id": 7, "extra": [1, 2]},
        {"html": page, "url": "https://example.com/b", "published": datetime.date(2023, 10, 17)},
        {"text": "No date here.", "published": None},
        {"text": "The default date.", "html": None},
    ]
    docs = list(nutgraf.parse_iter(items, published="2024-01-02"))
    assert [d.html is not None for d in docs] == [False, False, False, True, False, False]
    plain, dated, linked, html, undated, default = docs
    assert plain.published == datetime.date(2024, 1, 2)
    assert dated.published == datetime.date(2023, 10, 17)
    assert dated.times[0].value == "2023-10-17"
    assert linked.url == "https://example.com/a"
    assert html.url == "https://example.com/b"
    assert html.title == "Putin visits China"
    assert html.to_dict() == nutgraf.parse_html(page, "https://example.com/b", "2023-10-17").to_dict()
    assert undated.published is None, "a dict's own None wins over the argument"
    assert default.published == datetime.date(2024, 1, 2)


def test_every_bad_item_is_returned_in_place() -> None:
    items: list[Any] = [
        "Good one.",
        3,
        {"id": "no-text"},
        {"text": "x" * 100, "id": 12},
        {"text": "Bad date.", "published": "17.10.2023", "id": "d"},
        {"text": "a", "html": "<p>b</p>"},
        {"text": 5},
        {"text": "Lone \ud800 surrogate."},
        {"text": "Bad url.", "url": 3},
        {"text": "Bad id.", "id": 1.5},
        {"text": "Good two.", "id": True},
        None,
    ]
    out = list(nutgraf.parse_iter(Counted(items), max_input_bytes=50, errors="return", batch_size=5))
    kinds = [type(r) for r in out]
    assert kinds == [
        nutgraf.Document,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InputTooLargeError,
        nutgraf.InvalidDateError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
    ]
    for i, r in enumerate(out):
        if isinstance(r, nutgraf.NutgrafError):
            assert r.index == i
            assert str(r).startswith(f"input {i}: ")
    assert isinstance(out[1], nutgraf.InvalidInputError) and out[1].reason == "expected a str, not int"
    assert isinstance(out[2], nutgraf.InvalidInputError) and "no \"text\" or \"html\"" in out[2].reason
    assert getattr(out[2], "id") == "no-text"
    assert isinstance(out[3], nutgraf.InputTooLargeError) and out[3].length == 100
    assert getattr(out[3], "id") == "12", "an int id is kept as its decimal string"
    assert isinstance(out[4], nutgraf.InvalidDateError) and out[4].value == "17.10.2023"
    assert getattr(out[4], "id") == "d"
    assert "both" in str(out[5])
    assert "UTF-8" in str(out[7])
    assert "url" in str(out[8])
    assert "id must be a str or an int, not float" in str(out[9])
    assert "not bool" in str(out[10])
    assert not hasattr(out[1], "id")


def test_errors_raise_at_the_item() -> None:
    items: list[Any] = ["One.", "Two.", 3, "Four."]
    source = Counted(items)
    stream = nutgraf.parse_iter(source, batch_size=10)
    assert next(stream).text == "One."
    assert next(stream).text == "Two."
    with pytest.raises(nutgraf.InvalidInputError) as info:
        next(stream)
    assert info.value.index == 2
    assert source.pulled == 3, "nothing is pulled after the first bad item"
    assert list(stream) == [], "the stream is finished"


def test_too_large_raises_in_order() -> None:
    texts = ["short", "x" * 100, "also short", "y" * 100]
    seen = []
    with pytest.raises(nutgraf.InputTooLargeError) as info:
        for doc in nutgraf.parse_iter(texts, max_input_bytes=20):
            seen.append(doc.text)
    assert seen == ["short"]
    assert info.value.index == 1


def test_an_exception_of_the_iterable_is_raised_after_the_items_before_it() -> None:
    def broken() -> Iterator[str]:
        yield "One."
        yield "Two."
        raise RuntimeError("the source broke")

    seen = []
    with pytest.raises(RuntimeError, match="the source broke"):
        for doc in nutgraf.parse_iter(broken()):
            seen.append(doc.text)
    assert seen == ["One.", "Two."]
    returned = []
    with pytest.raises(RuntimeError, match="the source broke"):
        for r in nutgraf.parse_iter(broken(), errors="return"):
            assert isinstance(r, nutgraf.Document)
            returned.append(r.text)
    assert returned == ["One.", "Two."]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"errors": "ignore"}, nutgraf.InvalidOptionError, "errors"),
        ({"threads": -1}, nutgraf.InvalidOptionError, "threads"),
        ({"threads": nutgraf.MAX_THREADS + 1}, nutgraf.InvalidOptionError, "threads"),
        ({"threads": "2"}, TypeError, "threads must be an int"),
        ({"batch_size": 0}, nutgraf.InvalidOptionError, "batch_size"),
        ({"batch_size": -3}, nutgraf.InvalidOptionError, "batch_size"),
        ({"batch_size": 2**70}, nutgraf.InvalidOptionError, "batch_size"),
        ({"batch_size": 2.0}, TypeError, "batch_size must be an int"),
        ({"batch_size": True}, TypeError, "batch_size must be an int"),
        ({"published": "17.10.2023"}, nutgraf.InvalidDateError, "17.10.2023"),
        ({"published": ["2023-10-17"]}, TypeError, "published must be"),
    ],
)
def test_a_bad_option_raises_before_iteration(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    source = Counted(TEXTS)
    with pytest.raises(error, match=match):
        nutgraf.parse_iter(source, **kwargs)
    assert source.pulled == 0


@pytest.mark.parametrize(
    ("texts", "match"),
    [("one text", "not a single str"), ({"text": "one"}, "not a single dict"), (3, "not iterable")],
)
def test_a_bad_iterable_raises_at_the_call(texts: Any, match: str) -> None:
    with pytest.raises(TypeError, match=match):
        nutgraf.parse_iter(texts)


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs /proc")
def test_early_break_leaves_no_thread_running() -> None:
    """After a break, the threads of the last batch's pool exit (a dedicated pool's
    threads end shortly after the batch, as parse_many's do), and nothing more is
    pulled."""
    source = Counted(TEXTS)
    before = _threads()
    for i, doc in enumerate(nutgraf.parse_iter(source, threads=2, batch_size=8)):
        if i == 2:
            break
    assert source.pulled == 8
    deadline = time.monotonic() + 10
    while _threads() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _threads() == before


def test_stream_is_an_iterator() -> None:
    stream = nutgraf.parse_iter(TEXTS[:2])
    assert iter(stream) is stream
    assert repr(stream) == "<DocumentStream batch_size=256 pulled=0 running>"
    list(stream)
    assert repr(stream) == "<DocumentStream batch_size=256 pulled=2 finished>"
    with pytest.raises(StopIteration):
        next(stream)


def test_a_stream_in_a_reference_cycle_is_collected() -> None:
    """The stream holds its iterable; an iterable that holds the stream back
    forms a cycle the garbage collector frees (the stream traverses its source)."""
    import weakref

    class Holder:
        stream: Any = None

    holder = Holder()

    def gen() -> Iterator[str]:
        assert holder.stream is not None
        yield "One."

    holder.stream = nutgraf.parse_iter(gen(), batch_size=1)
    assert next(holder.stream).text == "One."
    gone = weakref.ref(holder)
    del holder
    gc.collect()
    assert gone() is None


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_memory_stays_bounded() -> None:
    """20,000 short articles streamed from a generator: the resident set after the
    last is within a few tens of MB of the resident set after the 2,000th (the full
    200,000-article run is benches/stream_memory.py)."""

    def articles() -> Iterator[dict[str, str]]:
        for i in range(20_000):
            yield {
                "text": f"Report {i}\n\nOfficials in Beijing said on Tuesday that {i} people "
                f"attended talks with Vladimir Putin, who told reporters “it went well”.",
                "published": "2023-10-17",
            }

    at_2k = 0.0
    count = 0
    for count, doc in enumerate(nutgraf.parse_iter(articles(), batch_size=256), 1):
        assert doc.entities
        if count == 2_000:
            gc.collect()
            at_2k = _current_rss_mb()
    gc.collect()
    at_20k = _current_rss_mb()
    assert count == 20_000
    # A leak of one document (or its text) per article would add far more than
    # this: 18,000 documents of about 2 kB each in Python objects alone.
    assert at_20k - at_2k < 30, (at_2k, at_20k)


def _stream_taking(seconds: float) -> Iterator[str]:
    text = ("Vladimir Putin arrived in Beijing on Tuesday — “for talks”. " * 40 + "\n\n") * 200
    start = time.perf_counter()
    nutgraf.parse(text)
    once = max(time.perf_counter() - start, 1e-4)
    return iter([text] * max(4, min(200, int(seconds / once))))


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "raise_signal"), reason="needs signal.raise_signal")
def test_ctrl_c_stops_a_batch_while_it_runs() -> None:
    texts = _stream_taking(60.0)
    armed = True

    def on_sigint(signum: int, frame: object) -> None:
        if armed:
            raise KeyboardInterrupt

    sent = threading.Event()

    def send() -> None:
        sent.set()
        signal.raise_signal(signal.SIGINT)

    previous = signal.signal(signal.SIGINT, on_sigint)
    timer = threading.Timer(0.3, send)
    interrupted = False
    stream = nutgraf.parse_iter(texts, threads=1, batch_size=1000)
    start = time.perf_counter()
    try:
        timer.start()
        try:
            next(stream)
        except KeyboardInterrupt:
            interrupted = True
        elapsed = time.perf_counter() - start
    finally:
        armed = False
        timer.cancel()
        timer.join()
        signal.signal(signal.SIGINT, previous)
    assert sent.is_set() and interrupted, "the batch finished before the interrupt"
    assert elapsed < 15, elapsed
    assert list(stream) == [], "an interrupted stream is finished"
    assert [d.text for d in nutgraf.parse_iter(TEXTS[:3], threads=1)] == TEXTS[:3]


@pytest.mark.slow
def test_parse_iter_releases_the_gil() -> None:
    """A Python thread keeps running while a batch is parsed."""
    texts = list(_stream_taking(0.3))
    stop = threading.Event()
    longest_pause = 0.0
    ticks = 0

    def spin() -> None:
        nonlocal longest_pause, ticks
        last = time.perf_counter()
        while not stop.is_set():
            now = time.perf_counter()
            longest_pause = max(longest_pause, now - last)
            last = now
            ticks += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        time.sleep(0.02)
        longest_pause = 0.0
        start = time.perf_counter()
        count = sum(1 for _ in nutgraf.parse_iter(texts, threads=1, batch_size=len(texts)))
        elapsed = time.perf_counter() - start
    finally:
        stop.set()
        spinner.join()
    assert count == len(texts)
    if elapsed < 0.05:
        pytest.skip(f"batch took {elapsed:.3f}s, too fast to tell")
    assert longest_pause < elapsed / 2, (longest_pause, elapsed)
