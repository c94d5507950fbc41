"""nutgraf on Spark: a DataFrame of articles parsed with ``mapInArrow``.

Arrow record batches go in (a text column, optionally an id and a published
date), and Arrow record batches come out, one row per input row, in order::

    from pyspark.sql import SparkSession
    import nutgraf, nutgraf.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    df = spark.createDataFrame(rows, "id string, text string, published date")
    out = nutgraf.spark.parse_dataframe(df, published="published")
    docs = [nutgraf.Document.from_bytes(r.document) for r in out.collect()]

Every output row has the input's ``id`` (as a string, or null), the document in
its binary form (``document``, read back with
:meth:`nutgraf.Document.from_bytes`; null when the article failed) and the
error's message (``error``, null when it parsed): no record is lost. The
schema is :data:`SCHEMA`. Keep the binary column, or turn it into tables on the
driver or in a later stage with :func:`nutgraf.to_arrow`.

Installing: ``pip install pyspark pyarrow pandas`` (``mapInArrow`` needs all
three; Spark needs Java 17 or later on the ``PATH`` or in ``JAVA_HOME``), and
nutgraf on every executor. Executors run one Python worker per task slot, so
leave ``threads=1``; a worker process loads nutgraf's models on its first parse
(35-50 ms; about 100 ms with ``syntax=True``) and keeps them for its later
tasks when ``spark.python.worker.reuse`` is on (the default).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import nutgraf
from nutgraf._nutgraf import Document

__all__ = ["SCHEMA", "parse_batches", "parse_dataframe"]

#: The schema of :func:`parse_dataframe`'s output, in Spark's DDL.
SCHEMA = "id string, document binary, error string"


def parse_batches(
    batches: Iterator[Any],
    *,
    text: str = "text",
    id: str | None = "id",  # noqa: A002 - the column's name
    published: str | None = None,
    threads: int | None = 1,
    **options: Any,
) -> Iterator[Any]:
    """Parse ``pyarrow.RecordBatch`` es of articles into batches of :data:`SCHEMA`.

    ``text`` names the column of article texts; ``id`` a column copied to the
    output as strings (absent or ``None``: null ids); ``published`` a column of
    dates or ``YYYY-MM-DD`` strings. The other keyword arguments go to
    :func:`nutgraf.parse_many`. This is the function :func:`parse_dataframe`
    hands to ``mapInArrow``; it works on any iterator of record batches.
    """
    import pyarrow as pa

    schema = pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("document", pa.binary()),
            pa.field("error", pa.string()),
        ]
    )
    for batch in batches:
        names = batch.schema.names
        texts = batch.column(names.index(text)).to_pylist()
        if id is not None and id in names:
            ids = [None if v is None else str(v) for v in batch.column(names.index(id)).to_pylist()]
        else:
            ids = [None] * len(texts)
        dates = (
            batch.column(names.index(published)).to_pylist()
            if published is not None
            else None
        )
        results = nutgraf.parse_many(
            texts, published=dates, threads=threads, errors="return", **options
        )
        documents = [r.to_bytes() if isinstance(r, Document) else None for r in results]
        errors = [None if isinstance(r, Document) else str(r) for r in results]
        yield pa.RecordBatch.from_arrays(
            [
                pa.array(ids, pa.string()),
                pa.array(documents, pa.binary()),
                pa.array(errors, pa.string()),
            ],
            schema=schema,
        )


def parse_dataframe(
    df: Any,
    *,
    text: str = "text",
    id: str | None = "id",  # noqa: A002 - the column's name
    published: str | None = None,
    threads: int | None = 1,
    **options: Any,
) -> Any:
    """A Spark DataFrame of :data:`SCHEMA`, one row per row of ``df``.

    See :func:`parse_batches` for the arguments. Nothing runs until the result
    is computed.
    """
    fn = functools.partial(
        parse_batches,
        text=text,
        id=id,
        published=published,
        threads=threads,
        **options,
    )
    return df.mapInArrow(fn, SCHEMA)
