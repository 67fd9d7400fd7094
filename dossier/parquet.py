"""Parquet: one article per row, with the columns of a JSON Lines record, read with
bounded memory.

A row has "text" or "html", and optionally "url", "title", "published" (or
"date") and "outlet" (or "site" or "source", a string or a struct with a
"name"), as a JSON Lines line has (``dossier.jsonl.article_from_record``): a
row that cannot be used is yielded as ``Skipped`` with the reason. The file is
read a batch of rows at a time (``pyarrow``: the "parquet" or "ray" extra), only the
columns an article uses, so a file larger than memory can be read.

>>> import tempfile, pyarrow as pa, pyarrow.parquet as pq
>>> path = Path(tempfile.mkdtemp()) / "a.parquet"
>>> pq.write_table(pa.table({"text": ["Russia sent jets.", None], "id": [1, 2]}), path)
>>> [type(item).__name__ for item in read_parquet(path)], count_rows(path)
(['Article', 'Skipped'], 2)
>>> [item.origin.rsplit("/", 1)[1] for item in read_parquet(path)]
['a.parquet:1', 'a.parquet:2']
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dossier.article import Article, IngestError, Skipped
from dossier.jsonl import OUTLET_FIELDS, RECORD_FIELDS, article_from_record

PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
COLUMNS = (*RECORD_FIELDS, *OUTLET_FIELDS)  # what an article is made of
BATCH_ROWS = 256  # rows decoded at a time


def is_parquet(path: Path | str) -> bool:
    """Whether ``path`` names a Parquet file.

    >>> [is_parquet(name) for name in ("a.parquet", "b.PQ", "c.jsonl")]
    [True, True, False]
    """
    return Path(path).suffix.lower() in PARQUET_SUFFIXES


def _pyarrow() -> None:
    from dossier.extras import MissingExtra, require

    try:
        require(extra="parquet", feature="reading Parquet")
    except MissingExtra as error:
        raise IngestError(str(error)) from None


def count_rows(path: Path | str) -> int:
    """The rows of a Parquet file, from its metadata (nothing is decoded)."""
    _pyarrow()
    import pyarrow.parquet as pq

    return pq.read_metadata(path).num_rows


def read_parquet(path: Path | str, *, batch_rows: int = BATCH_ROWS) -> Iterator[Article | Skipped]:
    """One ``Article`` per row of a Parquet file, or ``Skipped`` for a row that has
    no text or a field of the wrong type. Origins are "file.parquet:ROW" (from 1).
    A file that cannot be opened or stops decoding is one ``Skipped`` (at the row
    where it stopped), after the rows before it; never raises."""
    path = Path(path)
    try:
        _pyarrow()
    except IngestError as error:
        yield Skipped(str(path), error.reason)
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    broken = (OSError, pa.ArrowException)
    number = 0
    try:
        parquet = pq.ParquetFile(path)
        present = set(parquet.schema_arrow.names)
        columns = [name for name in COLUMNS if name in present]
        batches = parquet.iter_batches(batch_size=batch_rows, columns=columns)
    except broken as error:
        yield Skipped(str(path), f"cannot read Parquet: {_first_line(error)}")
        return
    with parquet:
        while True:
            try:
                batch = next(batches, None)
            except broken as error:
                yield Skipped(f"{path}:{number + 1}", f"cannot read Parquet: {_first_line(error)}")
                return
            if batch is None:
                return
            for record in batch.to_pylist():
                number += 1
                yield article_from_record(record, f"{path}:{number}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else type(error).__name__
