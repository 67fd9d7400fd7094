"""``dossier events``, ``export``, ``actors`` and ``stats``: query the stored events.

The filters are the API's (``GET /api/events``), given to ``events``,
``export`` and ``stats`` by ``dossier.cli_filters`` and checked by
``dossier.query``: a value the API answers with 422 ends the command with
status 2 and the same message. The records are those of ``dossier.store``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.table import Table

from dossier import export as exporter
from dossier import stats as counting
from dossier.cli_filters import NO_FILTERS, Filters, with_filters
from dossier.cli_options import DbOption, shown
from dossier.cli_options import open_store as _open
from dossier.cli_show import print_events, print_fused
from dossier.console import err, fail, out
from dossier.query import MAX_ACTORS, QueryError, bounded
from dossier.query import page as pages


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


class StatsBy(str, Enum):
    month_type = "month-type"
    actor_pair = "actor-pair"


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Limit = Annotated[int | None, typer.Option(help="At most this many events.")]


@contextmanager
def _output(path: Path) -> Iterator[TextIO]:
    """Standard output for "-", else the file, opened before anything is written;
    a path that cannot be written is one line and status 2."""
    if str(path) == "-":
        yield sys.stdout
        return
    if not path.parent.is_dir():
        fail(f"{path}: no such folder {path.parent}", status=2)
    try:
        handle = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as error:
        fail(f"{path}: cannot write: {error.strerror or error}", status=2)
    with handle:
        yield handle


@with_filters
def events(
    db: DbOption = "dossier.db",
    filters: Filters = NO_FILTERS,
    limit: Limit = None,
    page: Annotated[
        int | None, typer.Option(help="Page N of the list (from 1), --per-page events each.")
    ] = None,
    per_page: Annotated[
        int | None, typer.Option("--per-page", help="Events per page, at most 500 (default 50).")
    ] = None,
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
    """List stored events, filtered like the API's GET /api/events.

    Dates filter on the event's date, or on the article's publication date
    when the event has none. With --fused, one record per real-world event
    with every report of it (see dossier fuse). A filter value that cannot be
    used (an unknown type, a date that does not exist) ends the command with
    status 2 and the API's message.

    Examples:

      dossier events --actor PRK --type AID

      dossier events --since 2024-10 --until 2024-12-31 --format csv > events.csv

      dossier events --factuality planned --q "MiG-29" --bbox 30,45,40,55

      dossier events --page 2 --per-page 20

      dossier events --fused --min-sources 2 --contradicted

      dossier events --political no

    Events between private persons only ("Henson sent Luscombe away") are
    stored but shown only with --political no or any.
    """
    fused = filters.fused or bool(id_ and id_.startswith("fev_"))  # a fused event's id
    query = filters.query(fused=fused, id=id_, limit=limit)
    paged = page is not None or per_page is not None
    if paged:
        if limit is not None:
            fail("limit: give --per-page with --page, not --limit", status=2)
        try:
            query.limit, query.offset = pages(page, per_page)
        except QueryError as error:
            fail(str(error), status=2)
    with _open(db) as store:
        records = list(store.fused_events(query) if fused else store.events(query))
        if fused and not records and not store.count("fused_events") and store.count("events"):
            err.print("no fused events yet: run dossier fuse --db " + shown(db), highlight=False)
        total = (store.count_fused(query) if fused else store.count_events(query)) if paged else 0
    if format is EventsFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format is EventsFormat.csv:
        exporter.write_csv(records, sys.stdout)
    elif fused:
        print_fused(records)
    else:
        print_events(records)
    if paged:
        size = query.limit or 1
        first = query.offset + 1 if records else 0
        console = out if format is EventsFormat.table else err
        console.print(
            f"page {query.offset // size + 1} of {max(1, -(-total // size))}: "
            f"{first}-{query.offset + len(records)} of {total}",
            highlight=False,
        )


@with_filters
def export_(
    out_file: Annotated[Path, typer.Argument(metavar="OUT", help="Output file, or - for stdout.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    db: DbOption = "dossier.db",
    filters: Filters = NO_FILTERS,
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

      dossier export kursk.csv --format csv --bbox 34,50.5,38.5,52.5 --since 2024-08
    """
    query, fused = filters.query(), filters.fused
    with _open(db) as store, _output(out_file) as handle:
        records = store.fused_events(query) if fused else store.events(query)
        written, unlocated = exporter.write(records, handle, format.value)
    note = f" ({unlocated} event(s) without coordinates left out)" if unlocated else ""
    err.print(f"wrote {written} event(s) to {out_file}{note}", highlight=False)


def actors(
    db: DbOption = "dossier.db",
    limit: Annotated[
        int, typer.Option(help=f"At most this many actors (1 to {MAX_ACTORS}).")
    ] = 1000,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """States and organisations with the number of events each takes part in.

    The same list as the API's GET /api/actors, most frequent first.

    Examples:

      dossier actors --db news.db --limit 20

      dossier actors --format csv > actors.csv
    """
    try:
        bounded("limit", limit, MAX_ACTORS)
    except QueryError as error:
        fail(str(error), status=2)
    with _open(db) as store:
        found = store.actors(limit)
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    rows = [[a["code"] or "", a["name"] or "", a["events"]] for a in found]
    _print_counts(counting.Counts(["code", "name", "events"], rows), format, "actors")


@with_filters
def stats(
    db: DbOption = "dossier.db",
    by: Annotated[
        StatsBy,
        typer.Option(help="month-type: months x event types; actor-pair: source -> target."),
    ] = StatsBy.month_type,
    filters: Filters = NO_FILTERS,
    format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Count events by month and type, or by actor pair (source -> target).

    The filters are those of dossier events. An event is counted in the month
    of its date; a date spanning more than a month under its own value (2024,
    2024-Q2), an undated event under its article's publication month, as
    --since and --until read it. An event with two sources counts once for
    each pair; "-" is a side that names nobody. With --fused, each real-world
    event counts once however many articles report it.

    Examples:

      dossier stats --db news.db

      dossier stats --by actor-pair --type ASSAULT --since 2024 --format csv > pairs.csv

      dossier stats --fused --actor RUS --format csv
    """
    query, fused = filters.query(), filters.fused
    count = counting.by_month_type if by is StatsBy.month_type else counting.by_actor_pair
    with _open(db) as store:
        table = count(store.fused_events(query) if fused else store.events(query))
    _print_counts(table, format, "fused events" if fused else "events")


def _print_counts(table: counting.Counts, format: TableFormat, what: str) -> None:
    if format is TableFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(table.header)
        writer.writerows(table.rows)
        return
    if format is TableFormat.json:
        rows = [dict(zip(table.header, row, strict=True)) for row in table.rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    shown_table = Table(title=what)
    for i, name in enumerate(table.header):
        shown_table.add_column(name, justify="left" if i == 0 or name in NAMES else "right")
    for row in table.rows:
        shown_table.add_row(*(str(cell) for cell in row))
    out.print(shown_table)


NAMES = {"source", "target", "code", "name"}
