"""What passes between the stages: the text being read (``Context``) and what a reader
found in it (``Hit``: a span, a value or an ``Anaphor`` to read in text order, and
its kind).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.models import DateValue

if TYPE_CHECKING:
    from dossier.resolve.dates.anchor import Focus


@dataclass(frozen=True)
class Context:
    """The text being read, its reference (publication) date and the year to use without one."""

    text: str
    reference: dt.date | None
    year_hint: int | None


@dataclass(frozen=True)
class Anaphor:
    """A hit whose value depends on the dates before it: ``read`` resolves it in text order.

    ``moves_focus``: whether what it resolves to becomes the new focus ("the
    following year" does; a comparison such as "a year earlier" does not).
    """

    read: Callable[[Focus], Hit | None]
    moves_focus: bool | Callable[[DateValue], bool] = True


Hit = tuple[int, int, DateValue | Anaphor, str]  # start, end, value, kind (infer_reference)


Handler = Callable[[re.Match[str], Context], Hit | None]
