"""Ingest: read articles from files, folders and JSON Lines; turn each into a Document.

Reading and loading are two steps, so that a batch can skip one bad item
and go on with the rest:

- ``read_file`` reads one .txt or .html file into an ``Article`` (raw text
  or HTML plus what is known about it); ``read_articles`` walks files,
  folders and JSON Lines and yields an ``Article`` or a ``Skipped`` (with
  the reason) for every item, never raising.
- ``load_document`` turns an ``Article`` into a ``Document``: the article
  text (taken out of HTML by trafilatura), its title and publication date,
  a content-hash id and the boilerplate lines to keep out of extraction.

Whatever cannot be used raises ``IngestError`` with a one-line reason:
empty, binary, too large, not decodable, not English, no article text.

>>> text = "Russia will supply jets.\\r\\nREAD: Another story"
>>> document = load_document(Article(text=text, published="2024-12-12"))
>>> document.text
'Russia will supply jets.\\nREAD: Another story'
>>> document.id == load_document(Article(text=document.text)).id
True
>>> [(span.reason, span.text) for span in document.removed]
[('cross-link', 'READ: Another story')]
>>> (document.published, document.published_source)
('2024-12-12', 'given')
>>> try:
...     load_document(Article(text="  \\n "))
... except IngestError as error:
...     print(error.reason)
empty text
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import email.utils
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dossier.boilerplate import find_boilerplate
from dossier.language import english_problem
from dossier.models import Document
from dossier.provenance import folder_outlet, headline, outlet_of_url
from dossier.published import file_date, find_published

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Article",
    "IngestError",
    "Skipped",
    "decode_bytes",
    "english_problem",
    "load_document",
    "looks_like_html",
    "normalize_date",
    "read_articles",
    "read_file",
    "read_jsonl",
]

DEFAULT_MAX_BYTES = 5_000_000

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json-lines", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# JSON Lines may be compressed: .jsonl.gz (gzip, in the standard library) or
# .jsonl.zst (Zstandard, with the zstandard package: the "zstd" extra)
COMPRESSED_SUFFIXES = frozenset({".gz", ".zst", ".zstd"})
# files that describe a corpus rather than being part of it: README.TXT,
# LICENSE, SOURCE.txt, ... (any extension, any case); in a folder they are
# skipped with a reason, named on the command line they are read
CORPUS_NOTES = frozenset(
    {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "SOURCE", "SOURCES", "CITATION"}
)


class IngestError(Exception):
    """An input that cannot be used; ``reason`` says why in one line.

    >>> error = IngestError("empty file", "a.txt")
    >>> (error.reason, error.source, str(error))
    ('empty file', 'a.txt', 'a.txt: empty file')
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.reason = reason
        self.source = source


@dataclass
class Article:
    """One raw article before loading: text or HTML, and what is known about it."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD...
    origin: str = "<input>"  # "path/to/file.txt", or "file.jsonl:17" for line 17
    outlet: str | None = None  # as given (a JSON Lines record's "outlet", "site" or "source")
    folder: str | None = None  # the name of the folder the file was read from
    modified: str | None = None  # the file's modification day (YYYY-MM-DD), for a file


@dataclass
class Skipped:
    """An item of a batch that could not be read, with the reason."""

    origin: str
    reason: str


# --- reading bytes ------------------------------------------------------------


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"too large: {_megabytes(size)} > limit {_megabytes(max_bytes)}; raise it with --max-bytes"
    )


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control characters that never occur in text (tab, line feed, vertical
# tab, form feed, carriage return and escape do), and DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 11, 12, 13, 27} | {127}))


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _check_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise IngestError("binary file (NUL bytes)")
    sample = data[:65536]
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control > 0.1 * len(sample):
        raise IngestError(f"binary file ({control * 100 // len(sample)}% control characters)")


def decode_bytes(data: bytes, encoding: str = "utf-8") -> str:
    """Decode ``data`` strictly, without a byte order mark; IngestError if it can't be.

    ``encoding`` is a codec name (``"utf-8"``, the default, is strict) or
    ``"auto"``: the byte order mark's encoding if there is one, else UTF-8
    when the bytes are valid UTF-8, else Windows-1252 for Western European
    text, else the encoding that charset-normalizer detects.

    >>> decode_bytes(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
    'café'
    >>> decode_bytes(b"caf\\xe9", "latin-1")
    'café'
    >>> try:
    ...     decode_bytes(b"caf\\xe9")
    ... except IngestError as error:
    ...     print(error.reason)
    not valid UTF-8 at byte 3; pass --encoding auto or --encoding latin-1
    """
    name = encoding.strip().lower()
    bom = _bom_codec(data)
    if name == "auto":
        codec = bom if bom is not None else "utf-8"
    else:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise IngestError(f"unknown encoding {encoding!r}") from None
    wide = codec.startswith(("utf-16", "utf-32"))
    if not wide:
        if bom is not None and bom != "utf-8-sig":
            raise IngestError(
                f"text is {bom.upper()} (byte order mark); pass --encoding auto or --encoding {bom}"
            )
        _check_binary(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        if name == "auto":
            text = _detect(data)
        elif codec == "utf-8":
            raise IngestError(
                f"not valid UTF-8 at byte {error.start}; pass --encoding auto or --encoding latin-1"
            ) from None
        else:
            raise IngestError(f"not valid {encoding} at byte {error.start}") from None
    return text.removeprefix("\ufeff")


def _detect(data: bytes) -> str:
    """Decode bytes that are not UTF-8: Windows-1252 for Western text, else a detected codec.

    charset-normalizer guesses badly on short Western European text ("café"
    in Latin-1 comes out as Urdu), so Windows-1252 (a superset of Latin-1's
    printable characters) is tried first and kept when few of its letters
    are non-ASCII, as in English, French or German news.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        western = data.decode("latin-1")
    sample = western[:100_000]
    letters = [char for char in sample if char.isalpha()]
    accented = sum(char > "\x7f" for char in letters)
    if accented <= 0.3 * len(letters):
        return western
    from charset_normalizer import from_bytes

    wide = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
    best = from_bytes(data, cp_exclusion=wide).best()
    if best is None:
        raise IngestError(
            "could not detect the text encoding; pass --encoding with a codec name, e.g. latin-1"
        )
    return str(best)


_HTML_START = ("<!doctype html", "<html")
_HTML_TAG = re.compile(r"<(?:p|div|article|section|main|h[1-6]|span|br|table|ul|a)\b[^>]*>")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>"), looks_like_html("<p>Hello</p>")
    (True, True)
    >>> looks_like_html("Russia said x < y and 3 > 2.")
    False
    """
    head = text[:4096].lstrip().lower()
    if head.startswith(_HTML_START) or "<html" in head or "<body" in head:
        return True
    return head.startswith("<") and _HTML_TAG.search(head) is not None


def read_file(
    path: Path | str, *, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """Read one plain-text or HTML file into an ``Article``.

    HTML is recognised by the extension (.html, .htm) or by its content. The
    size is checked before reading. Raises ``IngestError`` for a missing,
    empty, oversized, binary or undecodable file.
    """
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError("no such file", source) from None
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}", source) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("is a folder, not a file", source)
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        raise IngestError(_too_large(info.st_size, max_bytes), source)
    if regular and info.st_size == 0:
        raise IngestError("empty file", source)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(f"cannot read: {error.strerror or error}", source) from None
    article = article_from_bytes(data, source, encoding=encoding, max_bytes=max_bytes)
    article.folder = folder_outlet(path.parent)
    article.modified = file_date(info.st_mtime)
    return article


def article_from_bytes(
    data: bytes, source: str, *, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Article:
    """An ``Article`` from a file's bytes (``source`` names the file; its
    extension .html/.htm, or the content, says HTML). Raises ``IngestError``.

    >>> article_from_bytes(b"<html><p>Russia sent jets.</p></html>", "a.txt").html is not None
    True
    """
    if len(data) > max_bytes:
        limit = _megabytes(max_bytes)
        raise IngestError(
            f"too large: over the limit of {limit}; raise it with --max-bytes", source
        )
    if not data:
        raise IngestError("empty file", source)
    try:
        text = decode_bytes(data, encoding)
    except IngestError as error:
        raise IngestError(error.reason, source) from None
    if not text.strip():
        raise IngestError("empty file (only whitespace)", source)
    if Path(source).suffix.lower() in HTML_SUFFIXES or looks_like_html(text):
        return Article(html=text, origin=source)
    return Article(text=text, origin=source)


# --- batches: files, folders, JSON Lines ----------------------------------------


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    """Files under ``folder`` in sorted order, leaving out hidden ones and symlinked folders."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield Skipped(str(folder), f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif entry.is_file():
            yield path


def _unsupported(path: Path) -> Skipped:
    suffix = path.suffix.lower()
    kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
    return Skipped(str(path), f"{kind}; expected .txt, .html, .htm or .jsonl")


def is_jsonl(path: Path | str) -> bool:
    """Whether ``path`` names a JSON Lines file, plain or compressed.

    >>> [is_jsonl(name) for name in ("a.jsonl", "a.JSONL.gz", "a.ndjson.zst", "a.gz", "a.txt")]
    [True, True, True, False, False]
    """
    suffixes = [suffix.lower() for suffix in Path(path).suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes.pop()
    return bool(suffixes) and suffixes[-1] in JSONL_SUFFIXES


def corpus_note(path: Path | str) -> bool:
    """Whether ``path`` is a corpus's README, LICENSE, SOURCE... file rather than an article.

    >>> [corpus_note(name) for name in ("README.TXT", "LICENSE", "source.txt", "readme-fr.txt")]
    [True, True, True, False]
    """
    return Path(path).name.split(".")[0].upper() in CORPUS_NOTES


def _read_path(
    path: Path, encoding: str, max_bytes: int, *, in_folder: Path | None
) -> Iterator[Article | Skipped]:
    """The article(s) of one file; ``in_folder`` is the folder named on the command line."""
    suffix = path.suffix.lower()
    if in_folder and corpus_note(path):
        yield Skipped(
            str(path),
            "not an article: a corpus's README/LICENSE/SOURCE file (name it to ingest it)",
        )
    elif is_jsonl(path):
        yield from read_jsonl(path, encoding=encoding, max_bytes=max_bytes)
    elif in_folder and suffix not in SUPPORTED_SUFFIXES:
        yield _unsupported(path)
    else:
        try:
            article = read_file(path, encoding=encoding, max_bytes=max_bytes)
        except IngestError as error:
            yield Skipped(str(path), error.reason)
            return
        if in_folder is not None:
            article.folder = folder_outlet(in_folder)
        yield article


def read_articles(
    paths: Iterable[Path | str], *, encoding: str = "utf-8", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Article | Skipped]:
    """Every article in ``paths`` (files, folders, JSON Lines), or why it was skipped.

    JSON Lines may be compressed (.jsonl.gz, .jsonl.zst); in a folder, a
    corpus's README, LICENSE or SOURCE file is yielded as ``Skipped``.

    Folders are walked recursively in sorted order; hidden files and folders
    are left out, and files of other types than .txt/.text/.html/.htm/.jsonl
    are yielded as ``Skipped`` so that nothing is dropped silently. A file
    named explicitly is read whatever its extension. Never raises.

    ``Article.folder`` (a file's outlet when it has no URL) is the name of the
    folder named in ``paths`` for every file under it, however deep
    (``dossier ingest corpus/bbc`` -> "bbc" for ``bbc/politics/001.txt``;
    name each outlet's folder, ``corpus/*/``, to get one outlet per folder),
    and the file's own folder for a file named explicitly.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for item in _walk(path):
                if isinstance(item, Skipped):
                    yield item
                else:
                    yield from _read_path(item, encoding, max_bytes, in_folder=path)
        elif path.exists():
            yield from _read_path(path, encoding, max_bytes, in_folder=None)
        else:
            yield Skipped(str(path), "no such file or folder")


def count_articles(paths: Iterable[Path | str]) -> int:
    """How many items ``read_articles`` will yield, counted without reading them.

    Used for progress bars: a JSON Lines file counts its non-blank lines.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        for file in _walk(path) if path.is_dir() else [path]:
            if isinstance(file, Path) and is_jsonl(file) and file.is_file():
                try:
                    total += count_lines(file)
                except (IngestError, OSError, EOFError, zlib.error, ValueError):
                    total += 1  # read_jsonl says what is wrong with it
            else:
                total += 1
    return total


_RECORD_FIELDS = ("text", "html", "url", "title", "published", "date")
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
    for key in _RECORD_FIELDS:
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
                yield Skipped(origin, _too_large(size, max_bytes))
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


# --- loading: Article -> Document ---------------------------------------------


@dataclass
class _Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None  # og:site_name and the like


def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # the publication date comes from the page's metadata and URL, never from
    # a date mentioned in the article body
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


_CONFIG: Any = None


def extract_html(html: str, url: str | None = None) -> _Page:
    """The article text, title, date and canonical URL of an HTML page.

    The text has one paragraph per line; comments and tables are left out.
    When trafilatura finds nothing (very short pages), the page's own
    paragraphs are used. Raises ``IngestError`` when there is no text.
    """
    global _CONFIG
    import trafilatura

    if _CONFIG is None:
        _CONFIG = _trafilatura_config()
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            config=_CONFIG,
        )
    except Exception:  # trafilatura/lxml on a hopeless page: treat as no text
        result = None
    text = (getattr(result, "text", None) or "") if result is not None else ""
    if not text.strip():
        text = _paragraphs(html)
    if not text.strip():
        raise IngestError("no article text found in HTML")
    if result is None:
        return _Page(text=text)
    return _Page(
        text=text,
        title=getattr(result, "title", None) or None,
        date=getattr(result, "date", None) or None,
        url=getattr(result, "url", None) or None,
        sitename=getattr(result, "sitename", None) or None,
    )


def _paragraphs(html: str) -> str:
    """The text of the <h1> and <p> elements of a page (fallback for short pages)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html.encode("utf-8"))
    except Exception:  # empty or unparsable markup
        return ""
    lines = []
    for element in root.iter("h1", "p"):
        line = " ".join(element.text_content().split())
        if line:
            lines.append(line)
    return "\n".join(lines)


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%d.%m.%Y",
)


def normalize_date(value: str) -> str:
    """A publication date as YYYY-MM-DD; ``IngestError`` when it cannot be read.

    The day is the one written (a time zone does not move it).

    >>> normalize_date("2024-12-12T23:30:00-05:00"), normalize_date("12 December 2024")
    ('2024-12-12', '2024-12-12')
    >>> normalize_date("Thu, 12 Dec 2024 10:00:00 GMT")
    '2024-12-12'
    >>> try:
    ...     normalize_date("2024-13-45")
    ... except IngestError as error:
    ...     print(error.reason)
    bad published date: '2024-13-45' (expected YYYY-MM-DD)
    """
    raw = value.strip()
    bad = IngestError(f"bad published date: {value!r} (expected YYYY-MM-DD)")
    match = _ISO_DAY.match(raw)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            raise bad from None
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = " ".join(raw.replace(".", " ").split()) if not raw[:1].isdigit() else raw
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    raise bad


# --- is it English? -------------------------------------------------------------

# --- Article -> Document --------------------------------------------------------


def document_id(text: str) -> str:
    """The content-hash id of a document: the same text always gets the same id.

    >>> document_id("Russia will supply jets.") == document_id("Russia will supply jets.")
    True
    >>> len(document_id("Russia will supply jets.")), document_id("x")[:4]
    (20, 'doc_')
    """
    return "doc_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _check_size(text: str, max_bytes: int, source: str) -> None:
    # a str holds at most 4 bytes of UTF-8 per character: skip the encoding
    # when it cannot be over the limit
    if len(text) * 4 > max_bytes:
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            raise IngestError(_too_large(size, max_bytes), source)


def load_document(
    article: Article, *, max_bytes: int = DEFAULT_MAX_BYTES, check_language: bool = True
) -> Document:
    """Turn an ``Article`` into a ``Document``, or raise ``IngestError`` saying why not.

    Plain text is kept as it is, with line breaks normalised to "\\n" (the
    offsets of every later stage index this text). HTML goes through
    trafilatura: the article text with one paragraph per line, and the
    page's title and date where the article does not give them. Without a
    date given or in the page's metadata, the date the text itself gives
    ("Published: ...", a dateline, a date line at the top: see
    ``dossier.published``) is used. ``published_source`` says which: "given",
    "html", "text", or "none". The id is a hash of the text; ``removed``
    lists the boilerplate lines.

    Provenance (``dossier.provenance``): a text without a given title takes
    its first line when that reads as a headline; ``origin`` is where the
    article was read from; ``outlet`` is the one given, else the URL's
    registered domain, else the page's site name, else the folder's name
    (``outlet_source`` says "given", "url", "html" or "folder").
    """
    source = article.origin
    title, url = article.title, article.url
    sitename = None
    published = article.published if article.published and article.published.strip() else None
    published_source = "given" if published else None
    if article.text is not None and (article.html is None or article.text.strip()):
        fmt = "text"
        _check_size(article.text, max_bytes, source)
        text = article.text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise IngestError("empty text", source)
        title = title or headline(text)
    elif article.html is not None:
        fmt = "html"
        _check_size(article.html, max_bytes, source)
        if not article.html.strip():
            raise IngestError("empty HTML", source)
        try:
            page = extract_html(article.html, url=url)
        except IngestError as error:
            raise IngestError(error.reason, source) from None
        text = page.text.replace("\r\n", "\n").replace("\r", "\n")
        title = title or page.title or headline(text)
        url = url or page.url
        sitename = page.sitename
        if published is None and page.date:
            with contextlib.suppress(IngestError):  # an unreadable page date is left out
                published, published_source = normalize_date(page.date), "html"
    else:
        raise IngestError("no text or html given", source)
    if "\x00" in text:
        raise IngestError("binary text (NUL characters)", source)
    if not re.search(r"[^\W\d_]{2}", text):
        raise IngestError("no words in the text", source)
    if published is not None:
        try:
            published = normalize_date(published)
        except IngestError as error:
            raise IngestError(error.reason, source) from None
    else:
        found = find_published(text)
        if found is not None and found.date is not None:
            published, published_source = found.date.isoformat(), "text"
    if check_language:
        problem = english_problem(text)
        if problem:
            raise IngestError(problem, source)
    outlet, outlet_source = _outlet(article.outlet, url, sitename, article.folder)
    return Document(
        id=document_id(text),
        text=text,
        title=(" ".join(title.split()) or None) if title else None,
        url=url,
        published=published,
        removed=find_boilerplate(text),
        format=fmt,
        published_source=published_source or "none",
        language="en" if check_language else None,
        origin=None if source == Article.origin else source,
        outlet=outlet,
        outlet_source=outlet_source,
    )


def _outlet(
    given: str | None, url: str | None, sitename: str | None, folder: str | None
) -> tuple[str | None, str | None]:
    """(outlet, where it came from): as given, else the URL's registered domain, else
    the HTML page's site name, else the folder the file was read from.

    >>> _outlet(None, "https://www.reuters.com/world/x", None, "downloads")
    ('reuters.com', 'url')
    >>> _outlet(None, None, None, "bbc"), _outlet(None, None, None, None)
    (('bbc', 'folder'), (None, None))
    """
    for value, kind in ((given, "given"), (outlet_of_url(url), "url"),
                        (sitename, "html"), (folder, "folder")):  # fmt: skip
        if value and value.strip():
            return " ".join(value.split()), kind
    return None, None
