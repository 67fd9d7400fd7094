"""What the command's sub-commands share: the --db, --max-bytes and --encoding
options, and opening the database with a one-line error when it cannot be.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.exc import SQLAlchemyError

from dossier.console import fail
from dossier.dialect import is_url, shown
from dossier.store import Store

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        metavar="FILE|URL",
        help="SQLite database file (created when missing), or the URL of a PostgreSQL "
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


def open_store(db: str) -> Store:
    """The database, which must exist (a file) or be reachable (a URL)."""
    if not is_url(db) and not Path(db).exists():
        fail(f"{db}: no such database (create one with: dossier ingest FILES --db {db})")
    return connect(db)


def connect(db: str) -> Store:
    """The database ``db``, created when it is a file that does not exist yet."""
    try:
        return Store(db)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        fail(f"{shown(db)}: cannot open the database: {reason}")
