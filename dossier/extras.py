"""Optional parts of Dossier and the extra that installs each.

The core (extract, ingest, fuse, events, export, serve) needs only the
dependencies ``pip install dossier`` brings.  Batch ingestion on Ray needs the
``ray`` extra: ``pip install 'dossier[ray]'`` (Ray, PyArrow, zstandard);
reading ``.jsonl.zst`` without Ray the ``zstd`` extra (zstandard), Parquet
without Ray the ``parquet`` extra (PyArrow).
:func:`require` checks that an extra's modules import and otherwise raises
:class:`MissingExtra` with the command that installs them:

>>> require("json", extra="ray", feature="a test")
>>> try:
...     require("nosuchmodule", extra="ray", feature="--engine ray")
... except MissingExtra as error:
...     print(error)
--engine ray needs the 'ray' extra: pip install 'dossier[ray]' (nosuchmodule is not installed)
"""

from __future__ import annotations

import importlib

# what each extra brings, as the modules Dossier imports from it
EXTRAS: dict[str, tuple[str, ...]] = {
    "ray": ("ray", "pyarrow"),  # pyarrow: Parquet inputs and shards
    "zstd": ("zstandard",),  # .jsonl.zst on the local engine (the ray extra has it too)
    "parquet": ("pyarrow",),  # Parquet inputs on the local engine (the ray extra has it too)
}


class MissingExtra(ImportError):
    """An optional feature was asked for without the extra that installs it."""


def require(*modules: str, extra: str, feature: str) -> None:
    """Import ``modules`` (all of the extra's when none are named) or raise
    :class:`MissingExtra` naming the extra to install."""
    for name in modules or EXTRAS[extra]:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            missing = error.name or name
            raise MissingExtra(
                f"{feature} needs the '{extra}' extra: pip install 'dossier[{extra}]' "
                f"({missing} is not installed)"
            ) from error
