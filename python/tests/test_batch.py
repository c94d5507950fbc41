"""nutgraf.parse_many: order, threads, dates, errors, and the GIL."""

from __future__ import annotations

import datetime
import os
import signal
import threading
import time

import pytest

import nutgraf

from invariants import check_document

TEXTS = [f"Document number {i}. It has two sentences." for i in range(50)]


@pytest.mark.parametrize("threads", [None, 0, 1, 2, 7])
def test_order_is_kept(threads: int | None) -> None:
    docs = nutgraf.parse_many(TEXTS, threads=threads)
    assert [d.text for d in docs] == TEXTS
    for doc, text in zip(docs, TEXTS):
        check_document(doc, text)


def test_empty_batch() -> None:
    assert nutgraf.parse_many([]) == []


def test_any_iterable_of_str_is_accepted() -> None:
    docs = nutgraf.parse_many(t for t in TEXTS[:3])  # type: ignore[arg-type]
    assert [d.text for d in docs] == TEXTS[:3]


def test_a_single_str_is_refused() -> None:
    with pytest.raises(TypeError, match="not a single str"):
        nutgraf.parse_many("one text")


def test_non_str_item_is_type_error() -> None:
    with pytest.raises(TypeError) as info:
        nutgraf.parse_many(["ok", 3])  # type: ignore[list-item]
    err = info.value
    assert isinstance(err, nutgraf.InvalidInputError)
    assert err.index == 1
    assert str(err) == "input 1: expected a str, not int"


def test_one_published_for_all() -> None:
    for value in ("2023-10-17", datetime.date(2023, 10, 17), datetime.datetime(2023, 10, 17, 9)):
        docs = nutgraf.parse_many(TEXTS[:3], published=value)
        assert [d.published for d in docs] == [datetime.date(2023, 10, 17)] * 3


def test_published_per_text() -> None:
    dates = ["2023-10-17", None, datetime.date(2024, 5, 14)]
    docs = nutgraf.parse_many(TEXTS[:3], published=dates)
    assert [d.published for d in docs] == [
        datetime.date(2023, 10, 17), None, datetime.date(2024, 5, 14)
    ]
    docs = nutgraf.parse_many(TEXTS[:3], published=tuple(dates))
    assert docs[2].published == datetime.date(2024, 5, 14)


@pytest.mark.parametrize("count", [0, 2, 4])
def test_published_list_of_wrong_length(count: int) -> None:
    with pytest.raises(nutgraf.InvalidOptionError) as info:
        nutgraf.parse_many(TEXTS[:3], published=["2023-10-17"] * count)
    assert info.value.option == "published"
    assert isinstance(info.value, ValueError)
    assert f"{count} dates for 3 texts" in str(info.value)


def test_bad_date_in_batch() -> None:
    with pytest.raises(nutgraf.InvalidDateError) as info:
        nutgraf.parse_many(TEXTS[:2], published=["2023-10-17", "17.10.2023"])
    assert info.value.value == "17.10.2023"
    assert info.value.index == 1
    assert str(info.value).startswith("input 1: ")


def test_one_bad_date_for_all_fails_the_call() -> None:
    with pytest.raises(nutgraf.InvalidDateError) as info:
        nutgraf.parse_many(TEXTS[:2], published="17.10.2023", errors="return")
    assert info.value.index is None


def test_every_bad_item_is_returned_in_place() -> None:
    """Each kind of bad input costs only itself, and says where it was."""
    texts = [
        "Good one.",
        3,  # not a str
        "Lone \ud800 surrogate.",  # cannot be encoded as UTF-8
        "x" * 100,  # over max_input_bytes
        "Bad date.",
        "Good two.",
        None,
    ]
    dates = ["2023-10-17", None, None, None, "17.10.2023", datetime.date(2024, 5, 14), None]
    out = nutgraf.parse_many(
        texts, published=dates, max_input_bytes=50, errors="return"  # type: ignore[arg-type]
    )
    assert len(out) == len(texts)
    kinds = [type(r) for r in out]
    assert kinds == [
        nutgraf.Document,
        nutgraf.InvalidInputError,
        nutgraf.InvalidInputError,
        nutgraf.InputTooLargeError,
        nutgraf.InvalidDateError,
        nutgraf.Document,
        nutgraf.InvalidInputError,
    ]
    for i, r in enumerate(out):
        if isinstance(r, nutgraf.NutgrafError):
            assert r.index == i
            assert str(r).startswith(f"input {i}: ")
    good, no_str, surrogate, large, date, last, none = out
    assert isinstance(good, nutgraf.Document) and good.published == datetime.date(2023, 10, 17)
    assert isinstance(last, nutgraf.Document) and last.published == datetime.date(2024, 5, 14)
    assert isinstance(no_str, nutgraf.InvalidInputError) and no_str.reason == "expected a str, not int"
    assert isinstance(none, nutgraf.InvalidInputError) and "NoneType" in none.reason
    assert isinstance(surrogate, nutgraf.InvalidInputError) and "UTF-8" in surrogate.reason
    assert isinstance(large, nutgraf.InputTooLargeError) and large.length == 100
    assert isinstance(date, nutgraf.InvalidDateError) and date.value == "17.10.2023"


def test_bad_published_entries_of_every_kind() -> None:
    dates = ["2023-02-30", 20231017, "\udcff", datetime.date(2023, 10, 17)]
    out = nutgraf.parse_many(TEXTS[:4], published=dates, errors="return")  # type: ignore[arg-type]
    assert [type(r) for r in out[:3]] == [nutgraf.InvalidDateError] * 3
    assert [r.index for r in out[:3] if isinstance(r, nutgraf.NutgrafError)] == [0, 1, 2]
    bad_type = out[1]
    assert isinstance(bad_type, nutgraf.InvalidDateError)
    assert bad_type.value == "20231017" and "not int" in bad_type.reason
    assert isinstance(out[3], nutgraf.Document)


@pytest.mark.parametrize(
    ("texts", "dates", "index", "kind"),
    [
        (["ok", "x" * 100, 3, "ok"], None, 1, nutgraf.InputTooLargeError),
        (["ok", 3, "x" * 100, "ok"], None, 1, nutgraf.InvalidInputError),
        (["ok", "ok", "x" * 100], ["2023-10-17", "bad", None], 1, nutgraf.InvalidDateError),
        (["ok", "\ud800", "x" * 100], None, 1, nutgraf.InvalidInputError),
    ],
)
def test_errors_raise_reports_the_first_bad_input(
    texts: list[object], dates: list[str | None] | None, index: int, kind: type[Exception]
) -> None:
    with pytest.raises(kind) as info:
        nutgraf.parse_many(texts, published=dates, max_input_bytes=50)  # type: ignore[arg-type]
    assert isinstance(info.value, nutgraf.NutgrafError)
    assert info.value.index == index


def test_too_large_raises_with_index() -> None:
    texts = ["short", "x" * 100, "also short", "y" * 100]
    with pytest.raises(nutgraf.InputTooLargeError) as info:
        nutgraf.parse_many(texts, max_input_bytes=20)
    err = info.value
    assert err.index == 1, "the first bad input, in input order"
    assert (err.length, err.limit) == (100, 20)
    assert str(err).startswith("input 1: ")


def test_errors_return_keeps_good_records() -> None:
    texts = ["short", "x" * 100, "also short"]
    out = nutgraf.parse_many(texts, max_input_bytes=20, errors="return")
    assert len(out) == 3
    first, bad, last = out
    assert isinstance(first, nutgraf.Document) and first.text == "short"
    assert isinstance(last, nutgraf.Document) and last.text == "also short"
    assert isinstance(bad, nutgraf.InputTooLargeError)
    assert (bad.index, bad.length, bad.limit) == (1, 100, 20)


def test_errors_return_without_errors_is_all_documents() -> None:
    out = nutgraf.parse_many(TEXTS, errors="return")
    assert all(isinstance(d, nutgraf.Document) for d in out)


@pytest.mark.parametrize("threads", [-1, nutgraf.MAX_THREADS + 1, 10**6, 2**70, -(2**70)])
def test_threads_out_of_range(threads: int) -> None:
    with pytest.raises(nutgraf.InvalidOptionError) as info:
        nutgraf.parse_many(TEXTS, threads=threads)
    assert info.value.option == "threads"
    assert nutgraf.MAX_THREADS == 1024


def test_threads_of_wrong_type() -> None:
    with pytest.raises(TypeError, match="threads must be an int"):
        nutgraf.parse_many(TEXTS, threads="2")  # type: ignore[call-overload]


def test_unknown_errors_mode() -> None:
    with pytest.raises(nutgraf.InvalidOptionError) as info:
        nutgraf.parse_many(TEXTS, errors="ignore")  # type: ignore[call-overload]
    assert info.value.option == "errors"


def test_layout_flag_is_passed() -> None:
    docs = nutgraf.parse_many(TEXTS[:2], layout=False)
    assert [d.text for d in docs] == TEXTS[:2]


def _batch_taking(seconds: float) -> list[str]:
    """A batch that takes about `seconds` on one thread, measured on this machine."""
    text = ("Vladimir Putin arrived in Beijing on Tuesday — “for talks”. " * 40 + "\n\n") * 200
    start = time.perf_counter()
    nutgraf.parse(text)
    once = max(time.perf_counter() - start, 1e-4)
    return [text] * max(4, min(200, int(seconds / once)))


@pytest.mark.slow
def test_parse_many_releases_the_gil() -> None:
    """A Python thread keeps running while the batch is parsed.

    With the GIL held, the spinning thread would stall for the whole batch; detached,
    its longest pause is about the interpreter's switch interval.
    """
    texts = _batch_taking(0.3)
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
        before = ticks
        start = time.perf_counter()
        docs = nutgraf.parse_many(texts, threads=1)
        elapsed = time.perf_counter() - start
        during = ticks - before
    finally:
        stop.set()
        spinner.join()
    assert len(docs) == len(texts)
    if elapsed < 0.05:
        pytest.skip(f"batch took {elapsed:.3f}s, too fast to tell")
    assert during > 0
    assert longest_pause < elapsed / 2, (longest_pause, elapsed)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "raise_signal"), reason="needs signal.raise_signal")
def test_ctrl_c_stops_a_batch_while_it_runs() -> None:
    """SIGINT during a long batch raises KeyboardInterrupt long before the batch
    could have finished: the inputs not started are skipped, not parsed."""
    texts = _batch_taking(60.0)
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
    start = time.perf_counter()
    try:
        timer.start()
        try:
            nutgraf.parse_many(texts, threads=1)
        except KeyboardInterrupt:
            interrupted = True
        elapsed = time.perf_counter() - start
    finally:
        armed = False
        timer.cancel()
        timer.join()
        signal.signal(signal.SIGINT, previous)
    assert sent.is_set() and interrupted, "the batch finished before the interrupt"
    # The whole batch takes about 60 s on one thread; stopping waits for one input.
    assert elapsed < 15, elapsed
    # The module is usable afterwards.
    assert [d.text for d in nutgraf.parse_many(TEXTS[:3], threads=1)] == TEXTS[:3]


def test_parallel_calls_from_python_threads() -> None:
    results: dict[int, list[str]] = {}

    def work(i: int) -> None:
        results[i] = [d.text for d in nutgraf.parse_many(TEXTS, threads=2)]

    workers = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert all(results[i] == TEXTS for i in range(4))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore:.*fork.*:DeprecationWarning")
def test_parse_many_works_after_fork() -> None:
    """The parent's thread pool does not survive fork(); the child must not hang."""
    nutgraf.parse_many(TEXTS)  # start the shared pool in the parent
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        ok = False
        try:
            ok = [d.text for d in nutgraf.parse_many(TEXTS)] == TEXTS
        finally:
            os._exit(0 if ok else 1)
    deadline = time.monotonic() + 60
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            pytest.fail("parse_many hung in a forked child")
        time.sleep(0.01)
    assert os.waitstatus_to_exitcode(status) == 0
