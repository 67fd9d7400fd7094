"""Ingest: read articles from files, folders and JSON Lines; turn each into a Document.

Reading and loading are two steps, so that a batch can skip one bad item
and go on with the rest:

- ``read_file`` reads one .txt or .html file into an ``Article`` (raw text
  or HTML plus what is known about it); ``read_articles`` walks files,
  folders, JSON Lines and Parquet and yields an ``Article`` or a ``Skipped``
  (with the reason) for every item, never raising. Both engines read with it
  (``--engine ray`` in the driver, sending the articles to its workers).
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

import os
import stat
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.article import (
    DEFAULT_MAX_BYTES,
    Article,
    IngestError,
    Skipped,
    megabytes,
    too_large,
)
from dossier.decode import decode_bytes, looks_like_html
from dossier.document import document_id, load_document, normalize_date
from dossier.jsonl import (
    COMPRESSED_SUFFIXES,
    JSONL_SUFFIXES,
    article_from_record,
    count_lines,
    is_jsonl,
    read_jsonl,
)
from dossier.language import english_problem
from dossier.parquet import PARQUET_SUFFIXES, count_rows, is_parquet, read_parquet
from dossier.provenance import folder_outlet
from dossier.published import file_date
from dossier.webpage import extract_html

__all__ = [
    "COMPRESSED_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "Article",
    "IngestError",
    "Skipped",
    "article_from_bytes",
    "article_from_record",
    "count_articles",
    "count_lines",
    "decode_bytes",
    "document_id",
    "english_problem",
    "extract_html",
    "is_jsonl",
    "load_document",
    "looks_like_html",
    "normalize_date",
    "read_articles",
    "read_file",
    "read_jsonl",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
# files that describe a corpus rather than being part of it: README.TXT,
# LICENSE, SOURCE.txt, ... (any extension, any case); in a folder they are
# skipped with a reason, named on the command line they are read
CORPUS_NOTES = frozenset(
    {"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "SOURCE", "SOURCES", "CITATION"}
)


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
        raise IngestError(too_large(info.st_size, max_bytes), source)
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
        limit = megabytes(max_bytes)
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
    return Skipped(str(path), f"{kind}; expected .txt, .html, .htm, .jsonl or .parquet")



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
    elif is_parquet(path):
        yield from read_parquet(path)
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
    """Every article in ``paths`` (files, folders, JSON Lines, Parquet), or why it
    was skipped, read as it is asked for (memory stays bounded).

    JSON Lines may be compressed (.jsonl.gz, .jsonl.zst); Parquet rows have the
    columns of a JSON Lines record (``dossier.parquet``); in a folder, a
    corpus's README, LICENSE or SOURCE file is yielded as ``Skipped``.

    Folders are walked recursively in sorted order; hidden files and folders
    are left out, and files of other types than .txt/.text/.html/.htm/.jsonl/
    .parquet are yielded as ``Skipped`` so that nothing is dropped silently. A file
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

    Used for progress bars: a JSON Lines file counts its non-blank lines, a
    Parquet file the rows its metadata records.
    """
    total = 0
    for raw in paths:
        path = Path(raw)
        for file in _walk(path) if path.is_dir() else [path]:
            if isinstance(file, Path) and (is_jsonl(file) or is_parquet(file)) and file.is_file():
                try:
                    total += count_lines(file) if is_jsonl(file) else count_rows(file)
                except (IngestError, OSError, EOFError, zlib.error, ValueError):
                    total += 1  # the reader says what is wrong with it
            else:
                total += 1
    return total
