"""nutgraf on Dask: articles parsed where the data is, documents back in order.

A recipe for ``dask.bag``: each partition is one :func:`nutgraf.parse_many` call
on a worker, and the documents come back to the client pickled (a compact
binary form, see :meth:`nutgraf.Document.to_bytes`)::

    import dask.bag as db
    from distributed import Client, LocalCluster

    import nutgraf.dask

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        with Client(cluster):
            bag = db.from_sequence(articles, npartitions=16)
            docs = nutgraf.dask.parse_bag(bag, published="2023-10-17").compute()

``articles`` holds strings, or dicts with ``"text"`` and optionally
``"published"`` (a per-article date that wins over the ``published`` argument).
The result is exactly what ``nutgraf.parse_many(articles)`` gives locally, in the
same order. Dask itself is not a dependency of nutgraf: install
``dask[distributed]`` to use this module.

Workers and threads
-------------------
Give each worker process one thread (``threads_per_worker=1``) and leave
``threads=1`` here: Dask's processes then use the cores, and nutgraf's own pool
does not compete with them. On one machine with threads instead of processes,
``parse_many`` releases the interpreter, so threaded workers scale as well.

A worker process pays for nutgraf once: importing it (a few milliseconds) and
loading the models and lexicons it ships on its first parse (35-50 ms; about
100 ms with ``syntax=True``); partitions of a few hundred articles or more make
that cost negligible.

Fork-safety: nutgraf keeps no thread alive between calls that a fork could
break; a forked child builds a fresh pool (``os.register_at_fork``), so the
``fork``, ``forkserver`` and ``spawn`` start methods all work.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, cast

import nutgraf
from nutgraf._nutgraf import Document, NutgrafError

__all__ = ["parse_bag", "parse_partition"]


def parse_partition(
    items: Iterable[str | Mapping[str, Any]],
    *,
    published: Any = None,
    threads: int | None = 1,
    errors: str = "raise",
    **options: Any,
) -> list[Document | NutgrafError]:
    """Parse one partition: strings, or dicts with ``text`` and ``published``.

    ``published`` is the default date of the partition's articles; a dict's own
    ``published`` wins. ``errors`` and the other keyword arguments are those of
    :func:`nutgraf.parse_many`; with ``errors="return"`` a bad article gives its
    error in its place, so no record is lost.
    """
    texts: list[Any] = []
    dates: list[Any] = []
    for item in items:
        if isinstance(item, Mapping):
            texts.append(item.get("text"))
            dates.append(item.get("published", published))
        else:
            texts.append(item)
            dates.append(published)
    if not texts:
        return []
    if errors == "return":
        return nutgraf.parse_many(
            texts, published=dates, threads=threads, errors="return", **options
        )
    # Any other value reaches parse_many, which rejects it (InvalidOptionError).
    raise_errors = cast('Literal["raise"]', errors)
    return list(
        nutgraf.parse_many(
            texts, published=dates, threads=threads, errors=raise_errors, **options
        )
    )


def parse_bag(
    bag: Any,
    *,
    published: Any = None,
    threads: int | None = 1,
    errors: str = "raise",
    **options: Any,
) -> Any:
    """A ``dask.bag.Bag`` of documents, one per article of ``bag``, in order.

    Each partition is parsed on a worker by :func:`parse_partition` (see there
    for the arguments). Nothing runs until the bag is computed.
    """
    return bag.map_partitions(
        parse_partition,
        published=published,
        threads=threads,
        errors=errors,
        **options,
    )
