"""The distributed recipes return exactly what a local ``parse_many`` returns.

Dask runs here on a ``LocalCluster`` of two worker processes (``dask[distributed]``
is in the test requirements). Spark runs where pyspark is installed
(``pip install pyspark``) and Java is on the machine; otherwise the test is
skipped with a message saying so.
"""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any

import pytest

import nutgraf
from seeds import load_seeds

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

ARTICLES = 1000


def articles(n: int = ARTICLES) -> list[dict[str, Any]]:
    """``n`` distinct articles: the seeds in turn, each with a closing line of its own."""
    seeds = load_seeds()
    if not seeds:
        pytest.skip("sample corpus not found")
    return [
        {
            "id": f"a{i}",
            "text": f"{seeds[i % len(seeds)].text}\n\nThis is copy {i} of the article.",
            "published": seeds[i % len(seeds)].published,
        }
        for i in range(n)
    ]


def local(items: list[dict[str, Any]]) -> list[nutgraf.Document]:
    return nutgraf.parse_many(
        [a["text"] for a in items], published=[a["published"] for a in items]
    )


@pytest.mark.timeout(300)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_dask_bag_on_two_worker_processes() -> None:
    pytest.importorskip("dask.bag", reason="pip install 'dask[distributed]' to run the Dask recipe")
    distributed = pytest.importorskip("distributed")
    import dask.bag as db

    import nutgraf.dask

    items = articles()
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster):
        bag = db.from_sequence(items, npartitions=8)
        got = nutgraf.dask.parse_bag(bag).compute()
    want = local(items)
    assert len(got) == len(want) == ARTICLES
    assert all(isinstance(d, nutgraf.Document) for d in got)
    # Equal documents, in order (the closing line tells the copies apart).
    for i, (a, b) in enumerate(zip(got, want)):
        assert a == b, f"article {i} differs"
    assert got[7].text.endswith("copy 7 of the article.")


def test_dask_partition_takes_strings_dicts_and_bad_items() -> None:
    import nutgraf.dask

    seeds = load_seeds()
    if not seeds:
        pytest.skip("sample corpus not found")
    text, date = seeds[0].text, seeds[0].published
    got = nutgraf.dask.parse_partition(
        [text, {"text": text, "published": date}, {"text": None}],
        published=None,
        errors="return",
    )
    assert isinstance(got[0], nutgraf.Document) and isinstance(got[1], nutgraf.Document)
    assert got[0].published is None and got[1].published is not None
    assert isinstance(got[2], nutgraf.InvalidInputError)
    assert nutgraf.dask.parse_partition([]) == []
    with pytest.raises(nutgraf.InvalidOptionError):
        nutgraf.dask.parse_partition([text], errors="ignore")


def java_available() -> bool:
    home = os.environ.get("JAVA_HOME")
    return shutil.which("java") is not None or bool(home and os.path.isdir(home))


@pytest.mark.timeout(600)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::FutureWarning")
def test_spark_map_in_arrow(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark", reason="pip install pyspark pyarrow pandas to run the Spark recipe")
    pytest.importorskip("pyarrow", reason="the Spark recipe needs pyarrow")
    pytest.importorskip("pandas", reason="pyspark's mapInArrow needs pandas")
    if not java_available():
        pytest.skip("Spark needs Java (17 or later) on PATH or in JAVA_HOME")
    from pyspark.sql import SparkSession

    import nutgraf.spark

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    items = articles(200)
    items.append({"id": "empty", "text": None, "published": None})
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("nutgraf-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(
            [(a["id"], a["text"], a["published"]) for a in items],
            "id string, text string, published string",
        ).repartition(4)
        rows = nutgraf.spark.parse_dataframe(df, published="published").collect()
    finally:
        spark.stop()
    by_id = {r["id"]: r for r in rows}
    assert len(rows) == len(by_id) == len(items), "one output row per input row"
    assert by_id["empty"]["document"] is None and by_id["empty"]["error"]
    want = local(items[:-1])
    for a, doc in zip(items, want):
        row = by_id[a["id"]]
        assert row["error"] is None
        assert nutgraf.Document.from_bytes(bytes(row["document"])) == doc
