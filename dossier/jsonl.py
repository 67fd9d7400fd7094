"""JSON Lines: one article per line, plain, .gz or .zst, read with bounded memory.

Each line is an object with "text" or "html", and optionally "url", "title",
"published" (or "date") and "outlet" (or "site" or "source"); a line that
cannot be used is yielded as ``Skipped`` with the reason, after the lines
before it.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from dossier.article import DEFAULT_MAX_BYTES, Article, IngestError, Skipped, too_large
from dossier.decode import decode_bytes

JSONL_SUFFIXES = frozenset({".jsonl", ".json-lines", ".ndjson"})
# JSON Lines may be compressed: .jsonl.gz (gzip, in the standard library) or
# .jsonl.zst (Zstandard, with the zstandard package: the "zstd" extra)
COMPRESSED_SUFFIXES = frozenset({".gz", ".zst", ".zstd"})


def is_jsonl(path: Path | str) -> bool:
    """Whether ``path`` names a JSON Lines file, plain or compressed.

    >>> [is_jsonl(name) for name in ("a.jsonl", "a.JSONL.gz", "a.ndjson.zst", "a.gz", "a.txt")]
    [True, True, True, False, False]
    """
    suffixes = [suffix.lower() for suffix in Path(path).suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in JSONL_SUFFIXES



RECORD_FIELDS = ("text", "html", "url", "title", "published", "date")
# the outlet, as JSON Lines exports of news name it (the first one given wins)
OUTLET_FIELDS = ("outlet", "site", "source")


def _record_outlet(record: dict[str, Any]) -> str | None:
    """A record's outlet: a string field, or the "name" of an object ({"source": {"name"}})."""
    for key in OUTLET_FIELDS:
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def article_from_record(record: Any, origin: str) -> Article | Skipped:
    """An ``Article`` from one JSON object ({"text" or "html", "url", "title",
    "published" or "date", "outlet" or "site" or "source"}), or ``Skipped``
    with the reason.  An outlet field that is neither a string nor an object
    with a "name" is left out.

    >>> article_from_record({"text": "x", "source": {"id": None, "name": "Reuters"}}, "a:1").outlet
    'Reuters'
    """
    if not isinstance(record, dict):
        return Skipped(origin, f"not a JSON object but {type(record).__name__}")
    values: dict[str, str | None] = {}
    for key in RECORD_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return Skipped(origin, f'field "{key}" is not a string')
        values[key] = value
    if values["text"] is None and values["html"] is None:
        return Skipped(origin, "no text or html field")
    published = values["published"] or values["date"] or None
    return Article(
        text=values["text"],
        html=values["html"],
        url=values["url"] or None,
        title=values["title"] or None,
        published=published,
        origin=origin,
        outlet=_record_outlet(record),
    )


def count_lines(path: Path) -> int:
    """The non-blank lines of a file, read through ``_open_lines`` (so .gz and .zst
    files are counted decompressed); JSON Lines' one record a line."""
    with _open_lines(path) as handle:
        return sum(1 for line in handle if line.strip())


def _open_lines(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when it ends in .gz or .zst."""
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return gzip.open(path, "rb")
    if suffix in (".zst", ".zstd"):
        from dossier.extras import MissingExtra, require

        try:
            require(extra="zstd", feature=f"reading {suffix}")
        except MissingExtra as error:
            raise IngestError(str(error)) from None
        import zstandard

        raw = path.open("rb")
        try:
            return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))
        except BaseException:
            raw.close()
            raise
    return path.open("rb")


def _decompression_errors() -> tuple[type[BaseException], ...]:
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)
    with contextlib.suppress(ImportError):
        import zstandard

        errors += (zstandard.ZstdError,)
    return errors


def _lines(handle: IO[bytes], max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """(line, size in bytes) for each line. A line over ``max_bytes`` is passed
    over without being kept (its line is empty, its size says how long it was),
    so that memory stays bounded whatever the file holds."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        size = len(line)
        if size > max_bytes and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):
                rest = handle.readline(1 << 20)
                size += len(rest)
            line = b""
        yield line, size


def _json_problem(line: str, error: json.JSONDecodeError) -> str:
    """The reason for an unreadable line, at the column where it goes wrong.

    >>> line = '{"text": "Russia sent jets.", "url": '
    >>> try:
    ...     json.loads(line)
    ... except json.JSONDecodeError as error:
    ...     print(_json_problem(line, error))
    invalid JSON: Expecting value at column 38 (the line ends there: cut short?)
    """
    message = error.msg.removesuffix(" at")  # "Unterminated string starting at"
    reason = f"invalid JSON: {message} at column {error.colno}"
    if error.pos >= len(line):
        return reason + " (the line ends there: cut short?)"
    if error.msg.startswith("Unterminated string"):
        return reason + f" (the line ends at column {len(line) + 1}: cut short?)"
    return reason


def read_jsonl(
    path: Path | str, *, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """One ``Article`` per line of a JSON Lines file, or ``Skipped`` for a bad line.

    Files ending in .gz (gzip) or .zst (Zstandard) are decompressed as they
    are read; a file that stops decompressing is reported at the line where
    it did, after the lines before it. A line cut short is reported at the
    column where it ends.

    Each line is an object with "text" or "html", and optionally "url",
    "title", "published" (or "date") and "outlet" (or "site" or "source").
    Origins are "file.jsonl:LINE".
    Blank lines are passed over.
    """
    path = Path(path)
    try:
        handle = _open_lines(path)
    except IngestError as error:
        yield Skipped(str(path), error.reason)
        return
    except OSError as error:
        yield Skipped(str(path), f"cannot read: {error.strerror or error}")
        return
    number = 0
    broken = _decompression_errors()
    with handle:
        lines = _lines(handle, max_bytes)
        while True:
            try:
                raw, size = next(lines)
            except StopIteration:
                return
            except broken as error:
                reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
                yield Skipped(f"{path}:{number + 1}", f"cannot read: {reason}")
                return
            number += 1
            origin = f"{path}:{number}"
            if size > max_bytes:
                yield Skipped(origin, too_large(size, max_bytes))
                continue
            try:
                line = decode_bytes(raw, encoding)
            except IngestError as error:
                yield Skipped(origin, error.reason)
                continue
            if not line.strip():
                continue
            line = line.rstrip("\r\n")  # an error at the end is at the line's end, not on the next
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield Skipped(origin, _json_problem(line, error))
                continue
            yield article_from_record(record, origin)

