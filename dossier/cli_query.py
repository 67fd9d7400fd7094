"""``dossier events`` and ``dossier export``: query the stored events.

The filters are the API's (``GET /api/events``); the records are those of
``dossier.store``.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from dossier import export as exporter
from dossier.cli_options import DbOption
from dossier.cli_options import open_store as _open
from dossier.cli_show import print_events, print_fused
from dossier.console import err
from dossier.console import fail as _fail
from dossier.dialect import shown
from dossier.store import EventQuery


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


def _query(actor, type_, since, until, limit, **fused) -> EventQuery:
    return EventQuery(actor=actor, type=type_, since=since, until=until, limit=limit, **fused)


Actor = Annotated[
    str | None, typer.Option(help="ISO3 code or name of a source or target actor, e.g. PRK.")
]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. AID.")]
Since = Annotated[str | None, typer.Option(help="Events on or after this date (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date.")]
Limit = Annotated[int | None, typer.Option(help="At most this many events.")]
Fused = Annotated[
    bool,
    typer.Option(
        "--fused", help="Fused events (one per real-world event, with all its reports)."
    ),
]
MinSources = Annotated[
    int | None,
    typer.Option("--min-sources", help="Fused events with at least N independent sources."),
]
Contradicted = Annotated[
    bool, typer.Option("--contradicted", help="Fused events whose reports contradict each other.")
]


def events(
    db: DbOption = "dossier.db",
    actor: Actor = None,
    type_: Type = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = None,
    fused: Fused = False,
    min_sources: MinSources = None,
    contradicted: Contradicted = False,
    id_: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="One event by id; with --fused an old id (merged or renamed) or a mention id "
            "finds the fused event it is part of now.",
        ),
    ] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """List stored events, filtered by actor, type and date.

    Dates filter on the event's date, or on the article's publication date
    when the event has none. With --fused, one record per real-world event
    with every report of it (see dossier fuse).

    Examples:

      dossier events --actor PRK --type AID

      dossier events --since 2024-10 --until 2024-12-31 --format csv > events.csv

      dossier events --fused --min-sources 2 --contradicted
    """
    fused = fused or bool(id_ and id_.startswith("fev_"))  # a fused event's id
    if (min_sources or contradicted) and not fused:
        _fail("--min-sources and --contradicted apply to fused events: add --fused")
    query = _query(actor, type_, since, until, limit, min_sources=min_sources,
                   contradicted=contradicted, id=id_)  # fmt: skip
    with _open(db) as store:
        records = list(store.fused_events(query) if fused else store.events(query))
        if fused and not records and not store.count("fused_events") and store.count("events"):
            err.print("no fused events yet: run dossier fuse --db " + shown(db), highlight=False)
    if format is EventsFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format is EventsFormat.csv:
        exporter.write_csv(records, sys.stdout)
    elif fused:
        print_fused(records)
    else:
        print_events(records)


def export_(
    out_file: Annotated[Path, typer.Argument(metavar="OUT", help="Output file, or - for stdout.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    db: DbOption = "dossier.db",
    actor: Actor = None,
    type_: Type = None,
    since: Since = None,
    until: Until = None,
    fused: Fused = False,
    min_sources: MinSources = None,
    contradicted: Contradicted = False,
) -> None:
    """Export stored events as CSV, JSON Lines or GeoJSON.

    GeoJSON holds the events that have coordinates (one Point each); the
    number left out is reported. With --fused, one record per real-world event:
    JSON Lines carries its mentions in full, CSV and GeoJSON add the number of
    independent sources, the outlets, contradictions and mention ids.

    Examples:

      dossier export events.geojson --format geojson

      dossier export - --format jsonl --actor RUS | jq .type

      dossier export fused.jsonl --format jsonl --fused --min-sources 2
    """
    if (min_sources or contradicted) and not fused:
        _fail("--min-sources and --contradicted apply to fused events: add --fused")
    query = _query(actor, type_, since, until, None, min_sources=min_sources,
                   contradicted=contradicted)  # fmt: skip
    with _open(db) as store:
        records = store.fused_events(query) if fused else store.events(query)
        if str(out_file) == "-":
            written, unlocated = exporter.write(records, sys.stdout, format.value)
        else:
            with open(out_file, "w", encoding="utf-8", newline="") as handle:
                written, unlocated = exporter.write(records, handle, format.value)
    note = f" ({unlocated} event(s) without coordinates left out)" if unlocated else ""
    err.print(f"wrote {written} event(s) to {out_file}{note}", highlight=False)
