"""Documents as data frames: the Arrow tables of :func:`nutgraf.to_arrow` read
by pandas or Polars.

>>> import nutgraf
>>> docs = [nutgraf.parse("Putin visits China\\n\\nHe met Xi Jinping on Tuesday.")]
>>> tables = nutgraf.to_arrow(docs, ids=["a"])
>>> tables["entities"].num_rows
2

Each function imports its library only when called, and raises ``ImportError``
naming what to install when it is missing; nutgraf itself needs neither. The
columns are those of ``docs/tables.md``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from nutgraf._nutgraf import Document, to_arrow

if TYPE_CHECKING:  # private names: not attributes of the module at run time
    import pandas as _pandas
    import polars as _polars

__all__ = ["to_pandas", "to_polars"]


def to_pandas(
    docs: Iterable[Document], ids: Iterable[str | int] | None = None
) -> dict[str, _pandas.DataFrame]:
    """The tables of :func:`nutgraf.to_arrow` as pandas DataFrames (needs pandas
    and pyarrow).

    Labels become ``Categorical`` columns, dates ``datetime.date`` objects, and
    every integer column a nullable pandas integer (``Int32``/``Int64``, ``<NA>``
    for null) rather than floats; lists and structs (``aliases``, ``parts``...)
    hold Python lists and dicts.
    """
    try:
        import pandas as pd
        import pyarrow as pa
    except ImportError as e:
        raise ImportError(
            f"nutgraf.to_pandas needs pandas and pyarrow: pip install pandas pyarrow ({e})",
            name=e.name,
        ) from e
    tables = to_arrow(docs, ids)
    integers = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}
    return {
        name: pa.table(table).to_pandas(types_mapper=integers.get)
        for name, table in tables.items()
    }


def to_polars(
    docs: Iterable[Document], ids: Iterable[str | int] | None = None
) -> dict[str, _polars.DataFrame]:
    """The tables of :func:`nutgraf.to_arrow` as Polars DataFrames (needs polars,
    not pyarrow: Polars reads the Arrow C stream itself).

    Labels become ``Categorical`` columns, dates ``Date``, lists and structs
    Polars ``List`` and ``Struct`` columns.
    """
    try:
        import polars as pl
    except ImportError as e:
        raise ImportError(
            f"nutgraf.to_polars needs polars: pip install polars ({e})", name=e.name
        ) from e
    return {name: pl.DataFrame(table) for name, table in to_arrow(docs, ids).items()}
