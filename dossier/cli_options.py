"""What the command's sub-commands share: the --db, --max-bytes and --encoding
options, and opening the database with a one-line error when it cannot be.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dossier.console import fail

if TYPE_CHECKING:  # SQLAlchemy is imported when a command opens a database, not before
    from dossier.store import Store

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        metavar="FILE|URL",
        help="SQLite database file (ingest creates it when missing), or the URL of a PostgreSQL "
        "database: postgresql://USER:PASSWORD@HOST:PORT/NAME.",
    ),
]
MaxBytes = Annotated[
    int,
    typer.Option(
        "--max-bytes", help="Refuse inputs larger than this many bytes.", show_default=True
    ),
]
Encoding = Annotated[
    str,
    typer.Option(
        "--encoding",
        help="Text encoding of input files: utf-8 (strict), 'auto' to detect, or a codec name.",
    ),
]


def is_url(db: str) -> bool:
    """A database URL (``postgresql://...``) rather than a SQLite file name."""
    return "://" in db


def shown(db: str) -> str:
    """The database for messages: a URL without its password (``dialect.shown``)."""
    if not is_url(db):
        return db
    from dossier.dialect import shown as hidden

    return hidden(db)


def open_store(db: str, hint: str | None = None) -> Store:
    """The database, which must exist (a file) or be reachable (a URL).

    A file that does not exist ends the command with status 2 and ``hint``
    (by default: how to make one).
    """
    if not is_url(db) and not Path(db).exists():
        hint = hint or f"create one with: dossier ingest FILES --db {db}"
        fail(f"{db}: no such database ({hint})", status=2)
    return connect(db)


def connect(db: str) -> Store:
    """The database ``db``, created when it is a file that does not exist yet.

    Whatever stops it is one line: a folder given as the file or a missing
    folder (status 2), a file that is not a database or a server that cannot
    be reached (status 1).
    """
    if not is_url(db) and db != ":memory:":
        path = Path(db)
        if path.is_dir():
            fail(f"{db}: is a folder, not a database file", status=2)
        if not path.exists() and not path.parent.is_dir():
            fail(f"{db}: no such folder {path.parent}", status=2)
    from sqlalchemy.exc import SQLAlchemyError

    from dossier.store import Store

    try:
        return Store(db)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        fail(f"{shown(db)}: cannot open the database: {reason}")
    except OSError as error:  # the file system, before SQLite
        fail(f"{shown(db)}: cannot open the database: {error.strerror or error}")
