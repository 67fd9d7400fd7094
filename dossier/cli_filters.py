"""The event filter options of ``dossier events``, ``export`` and ``stats``, defined once.

A command decorated with ``@with_filters`` declares one parameter
``filters: Filters``; the decorator puts the filter options (``--actor``,
``--type``, ... ``--political``) in its place on the command line and hands
the command the values as one ``Filters``. ``Filters.query`` checks them as
the API does (``dossier.query.event_query``): a value the API answers with
422 ends the command with status 2 and the same message.

>>> def counted(db: str = "x.db", filters: Filters = NO_FILTERS) -> None: ...
>>> [name for name in inspect.signature(with_filters(counted)).parameters][:4]
['db', 'actor', 'type', 'factuality']
>>> Filters(type="aid", since="2024-10").query().type
'AID'
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Annotated, Any, get_type_hints

import typer

from dossier.console import fail
from dossier.models import EVENT_TYPES, FACTUALITY_VALUES
from dossier.query import QueryError, event_query

if TYPE_CHECKING:  # SQLAlchemy is imported when a command opens a database
    from dossier.store import EventQuery

Actor = Annotated[
    str | None, typer.Option(help="ISO3 code or name of a source or target actor, e.g. PRK.")
]
Type = Annotated[
    str | None, typer.Option("--type", help=f"PLOVER event type: {', '.join(EVENT_TYPES)}.")
]
Factuality = Annotated[
    str | None,
    typer.Option(help=f"Factuality: {', '.join(FACTUALITY_VALUES)}."),
]
Since = Annotated[
    str | None, typer.Option(help="Events on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
Until = Annotated[str | None, typer.Option(help="Events on or before this date (same forms).")]
Bbox = Annotated[
    str | None,
    typer.Option(metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="Events located inside this box."),
]
Words = Annotated[
    str | None,
    typer.Option("--q", metavar="WORDS", help="Events whose evidence sentence has these words."),
]
Fused = Annotated[
    bool,
    typer.Option("--fused", help="Fused events (one per real-world event, with all its reports)."),
]
MinSources = Annotated[
    int | None,
    typer.Option("--min-sources", help="Fused events with at least N independent sources."),
]
Contradicted = Annotated[
    bool, typer.Option("--contradicted", help="Fused events whose reports contradict each other.")
]
Political = Annotated[
    str,
    typer.Option(
        metavar="yes|no|any",
        help="yes: events with a state, organisation or official as actor, or no actor named; "
        "no: the others (private persons only: stored, not shown by default); any: all.",
    ),
]


@dataclass(frozen=True)
class Filters:
    """The filter options as given; each field is one option, in this order on ``--help``.

    The field names are ``event_query``'s keywords.
    """

    actor: Actor = None
    type: Type = None
    factuality: Factuality = None
    since: Since = None
    until: Until = None
    bbox: Bbox = None
    q: Words = None
    fused: Fused = False
    min_sources: MinSources = None
    contradicted: Contradicted = False
    political: Political = "yes"

    def query(self, **more: Any) -> EventQuery:
        """The checked query of these filters and ``more`` (``id``, ``limit``, or a
        ``fused`` that replaces this one); a value the API refuses ends the command
        (status 2)."""
        try:
            return event_query(**{**asdict(self), **more})
        except QueryError as error:
            fail(str(error), status=2)


NO_FILTERS = Filters()
"""The default of a command's ``filters``: every event the command would show."""


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """``command`` with the filter options in place of its parameter ``filters``."""
    hints = get_type_hints(Filters, include_extras=True)
    options = [
        inspect.Parameter(field.name, inspect.Parameter.KEYWORD_ONLY,
                          default=field.default, annotation=hints[field.name])
        for field in fields(Filters)
    ]  # fmt: skip
    own = list(inspect.signature(command, eval_str=True).parameters.values())
    at = [parameter.name for parameter in own].index("filters")
    parameters = [
        parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for parameter in [*own[:at], *options, *own[at + 1 :]]
    ]

    @functools.wraps(command)
    def run(**values: Any) -> None:
        given = Filters(**{field.name: values.pop(field.name) for field in fields(Filters)})
        command(filters=given, **values)

    run.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    return run
