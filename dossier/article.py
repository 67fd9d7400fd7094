"""The article as read, before it is a Document, and what goes wrong reading it.

``Article`` is what every reader yields (``dossier.ingest`` for files and
folders, ``dossier.jsonl`` for JSON Lines); ``Skipped`` is an item of a batch
that could not be read, with the reason; ``IngestError`` carries that reason
in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5_000_000


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


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def too_large(size: int, max_bytes: int) -> str:
    return (
        f"too large: {megabytes(size)} > limit {megabytes(max_bytes)}; raise it with --max-bytes"
    )
