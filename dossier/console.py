"""The command line's two consoles and its one way to fail.

``out`` is standard output (records, tables); ``err`` is standard error
(progress, notes, errors: one message a line); ``fail`` prints an error and
ends the command with status 1 (or 2, for a bad argument).
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

out = Console()
err = Console(stderr=True, soft_wrap=True)  # one message, one line


def fail(message: str, status: int = 1) -> NoReturn:
    """Print ``error: message`` on standard error and exit with ``status``.

    Status 2 says the command was given a value it cannot use (a bad filter,
    a missing database or folder), as for an unknown option; 1 that something
    failed while it ran. The message is printed as written (a path or an extra
    in [brackets] stays).
    """
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(status)
