"""The command line's two consoles and its one way to fail.

``out`` is standard output (records, tables); ``err`` is standard error
(progress, notes, errors: one message a line); ``fail`` prints an error and
ends the command with status 1.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

out = Console()
err = Console(stderr=True, soft_wrap=True)  # one message, one line


def fail(message: str) -> NoReturn:
    """Print ``error: message`` on standard error and exit with status 1.

    The message is printed as written (a path or an extra in [brackets] stays).
    """
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    raise typer.Exit(1)
