"""The ``dossier`` command: extract, ingest, query and export event records.

Run ``dossier --help`` or ``dossier COMMAND --help`` for examples.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from dossier import export as exporter
from dossier.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    Skipped,
    count_articles,
    read_articles,
    read_file,
)
from dossier.models import Result
from dossier.store import EventQuery, Store

app = typer.Typer(
    help=(
        "Dossier turns news reports into sourced, time- and place-resolved event records "
        "(who did what to whom, with what, when, where, how certain, according to whom).\n\n"
        "Start with:  dossier extract examples/rus-prk-jets-for-troops.txt --published 2024-12-12"
    ),
    rich_markup_mode="rich",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)  # one message, one line


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


DbOption = Annotated[
    Path, typer.Option("--db", help="SQLite database file (created when missing).")
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


def _fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="An article: plain text or HTML.")],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD; relative dates are read against it."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where the article comes from.")] = None,
    title: Annotated[str | None, typer.Option(help="The article's title.")] = None,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
    encoding: Encoding = "utf-8",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Extract event records from one article and print them.

    Prints {"document": ..., "events": [...]} as JSON (the record format of
    design.md), or a readable table with --format table. Nothing is stored.

    Examples:

      dossier extract examples/rus-prk-jets-for-troops.txt --published 2024-12-12

      dossier extract page.html --url https://example.com/news/1 --format table

    Without --published the year is inferred from the text (e.g. "June 2024").
    """
    from dossier.ingest import load_document
    from dossier.pipeline import process

    try:
        article = read_file(file, encoding=encoding, max_bytes=max_bytes)
        if published:
            article.published = published
        if url:
            article.url = url
        if title:
            article.title = title
        document = load_document(article, max_bytes=max_bytes)
    except IngestError as error:
        _fail(f"{file}: {error.reason}")
        return
    result = process(document)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_result(result)


def _print_result(result: Result) -> None:
    doc = result.document
    out.print(f"[bold]{doc.title or doc.id}[/]  published: {doc.published or '-'}", highlight=False)
    if doc.reference_date and doc.reference_date.get("source") != "published":
        ref = doc.reference_date
        out.print(f"reference date {ref['value']} inferred from \"{ref.get('text')}\"")
    if doc.removed:
        out.print(f"removed {len(doc.removed)} boilerplate line(s):")
        for span in doc.removed:
            out.print(f"  - [dim]{span.reason}[/]: {doc.text[span.start:span.end][:56]}…")
    records = [e.to_dict() | {"document": {"id": doc.id}} for e in result.events]
    _print_events(records)


def _actors(actors: list[dict]) -> str:
    names = [
        f"{a.get('name') or a['text']} ({a['code']})" if a.get("code") else a["text"]
        for a in actors
    ]
    return ", ".join(names) or "?"


def _print_events(records: list[dict]) -> None:
    """One short block per event: readable in an 80-column terminal."""
    number = {r["id"]: i for i, r in enumerate(records, 1)}
    for i, r in enumerate(records, 1):
        mode = f" {r['mode']}" if r.get("mode") else ""
        out.print(
            f"[bold]{i}. {r['type']}{mode}[/]  {_actors(r['source'])} -> {_actors(r['target'])}"
            f"  [italic]{r['factuality']}[/]",
            highlight=False,
        )
        if r["items"]:
            items = ", ".join(
                f"{it.get('designation') or it['text']}"
                + (f" ({it['category']})" if it.get("category") else "")
                + (f" x{it['quantity']}" if it.get("quantity") else "")
                for it in r["items"]
            )
            out.print(f"   items: {items}", highlight=False)
        when_where = []
        if r.get("date"):
            d = r["date"]
            when_where.append(f"date: {d['value']} ({d['granularity']}, \"{d['text']}\")")
        for other in r.get("other_dates") or []:
            when_where.append(f"{other['role']}: {other['value']}")
        if r.get("location"):
            loc = r["location"]
            where = f"place: {loc.get('name') or loc['text']}, {loc.get('country') or '?'}"
            if loc.get("lat") is not None:
                where += f" ({loc['lat']:.2f}, {loc['lon']:.2f})"
            when_where.append(where)
        if when_where:
            out.print("   " + " | ".join(when_where), highlight=False)
        if r.get("attribution"):
            claim = r["attribution"]
            who = claim["claimant"]
            if claim.get("claimant_role"):
                who += f", {claim['claimant_role']}"
            if claim.get("claim_date"):
                who += f" ({claim['claim_date']})"
            out.print(f"   according to: {who}", highlight=False)
        if r.get("links"):
            links = ", ".join(
                f"{link['relation']} -> #{number.get(link['event'], link['event'])}"
                for link in r["links"]
            )
            out.print(f"   links: {links}", highlight=False)
        ev = r["evidence"]
        out.print(
            f"   [dim]\"{ev['text']}\" [{ev['start']}:{ev['end']}][/]", highlight=False
        )
    out.print(f"{len(records)} event(s)")


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files, folders (walked recursively) or JSON Lines of articles."),
    ],
    db: DbOption = Path("dossier.db"),
    encoding: Encoding = "utf-8",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    strict: Annotated[
        bool, typer.Option(help="Exit with status 1 when any item was skipped.")
    ] = False,
) -> None:
    """Extract events from many articles and store them in a SQLite database.

    JSON Lines files hold one article per line: {"text": ...} or {"html": ...},
    with optional "url", "title" and "published". The same document is stored
    once, however often it is ingested (its id is the hash of its text). Items
    that cannot be read are skipped with the reason, and the rest is stored.

    Examples:

      dossier ingest examples/ --db news.db

      dossier ingest articles.jsonl more/ --db news.db
    """
    from dossier.ingest import load_document
    from dossier.pipeline import process

    stored = duplicates = events = 0
    skipped: list[Skipped] = []
    with Store(db) as store:
        items = read_articles(paths, encoding=encoding, max_bytes=max_bytes)
        columns = (
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("extracting", total=count_articles(paths))
            for item in items:
                progress.advance(task)
                if isinstance(item, Skipped):
                    skipped.append(item)
                    continue
                try:
                    document = load_document(item, max_bytes=max_bytes)
                except IngestError as error:
                    skipped.append(Skipped(origin=item.origin, reason=error.reason))
                    continue
                if store.has_document(document.id):
                    duplicates += 1
                    continue
                try:
                    result = process(document)
                except Exception as error:  # one bad document must not end the batch
                    reason = f"extraction failed: {error!r}"
                    skipped.append(Skipped(origin=item.origin, reason=reason))
                    continue
                if store.add(result, origin=item.origin):
                    stored += 1
                    events += len(result.events)
                else:
                    duplicates += 1
        total_docs, total_events = store.count("documents"), store.count("events")
    err.print(
        f"stored {stored} document(s) with {events} event(s); {duplicates} already stored; "
        f"{len(skipped)} skipped. Database {db}: {total_docs} documents, {total_events} events.",
        highlight=False,
    )
    for skip in skipped:
        err.print(f"  skipped {skip.origin}: {skip.reason}", highlight=False)
    if strict and skipped:
        raise typer.Exit(1)


def _query(actor, type_, since, until, limit) -> EventQuery:
    return EventQuery(actor=actor, type=type_, since=since, until=until, limit=limit)


Actor = Annotated[
    str | None, typer.Option(help="ISO3 code or name of a source or target actor, e.g. PRK.")
]
Type = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. AID.")]
Since = Annotated[str | None, typer.Option(help="Events on or after this date (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option(help="Events on or before this date.")]
Limit = Annotated[int | None, typer.Option(help="At most this many events.")]


def _open(db: Path) -> Store:
    if not db.exists():
        _fail(f"{db}: no such database (create one with: dossier ingest FILES --db {db})")
    return Store(db)


@app.command()
def events(
    db: DbOption = Path("dossier.db"),
    actor: Actor = None,
    type_: Type = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f")] = EventsFormat.table,
) -> None:
    """List stored events, filtered by actor, type and date.

    Dates filter on the event's date, or on the article's publication date
    when the event has none.

    Examples:

      dossier events --actor PRK --type AID

      dossier events --since 2024-10 --until 2024-12-31 --format csv > events.csv
    """
    with _open(db) as store:
        records = list(store.events(_query(actor, type_, since, until, limit)))
    if format is EventsFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format is EventsFormat.csv:
        exporter.write_csv(records, sys.stdout)
    else:
        _print_events(records)


@app.command("export")
def export_(
    out_file: Annotated[Path, typer.Argument(metavar="OUT", help="Output file, or - for stdout.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")],
    db: DbOption = Path("dossier.db"),
    actor: Actor = None,
    type_: Type = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export stored events as CSV, JSON Lines or GeoJSON.

    GeoJSON holds the events that have coordinates (one Point each); the
    number left out is reported.

    Examples:

      dossier export events.geojson --format geojson

      dossier export - --format jsonl --actor RUS | jq .type
    """
    with _open(db) as store:
        records = store.events(_query(actor, type_, since, until, None))
        if str(out_file) == "-":
            written, unlocated = exporter.write(records, sys.stdout, format.value)
        else:
            with open(out_file, "w", encoding="utf-8", newline="") as handle:
                written, unlocated = exporter.write(records, handle, format.value)
    note = f" ({unlocated} event(s) without coordinates left out)" if unlocated else ""
    err.print(f"wrote {written} event(s) to {out_file}{note}", highlight=False)


eval_app = typer.Typer(
    help="Score Dossier against gold annotations written by others.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@eval_app.command("plover")
def eval_plover(
    file: Annotated[Path, typer.Argument(help="PLOVER gold standard records (JSON).")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    errors: Annotated[
        int, typer.Option("--errors", help="Also print the N worst disagreements.")
    ] = 0,
) -> None:
    """Score event type, source, target and mode on PLOVER gold standard records.

    Each record's text is extracted with its date as the publication date; the
    main event (nearest the root of the parse) is compared with the gold event.
    Old PLOVER types (FIGHT, DEMAND, DISAPPROVE ...) are mapped to current ones
    and CAMEO country codes to ISO3 (see dossier/evaluate/plover.py).

    Example:

      dossier eval plover ../shared/data/plover-gsr-dev.json --errors 10
    """
    from rich.progress import track

    from dossier.evaluate import plover

    try:
        golds = plover.read_gold(file)
    except (OSError, ValueError, KeyError) as error:
        _fail(f"{file}: cannot read gold records: {error}")
        return
    predictions = [
        plover.predict(g) for g in track(golds, description="extracting", console=err)
    ]
    figures = plover.score(golds, predictions)
    worst = plover.disagreements(golds, predictions)[:errors] if errors else []
    if format is EvalFormat.json:
        if worst:
            figures["errors"] = worst
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    summary = Table(title=f"{file.name}: {figures['records']} records")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for key in ("type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy",
                "mode_accuracy", "extra_event_rate"):  # fmt: skip
        summary.add_row(key, f"{figures[key]:.3f}")
    out.print(summary)
    per_type = Table(title="per type")
    for col in ("type", "gold", "predicted", "precision", "recall", "f1"):
        per_type.add_column(col, justify="left" if col == "type" else "right")
    for name, row in figures["per_type"].items():
        per_type.add_row(name, *(str(row[k]) for k in ("gold", "predicted")),
                         *(f"{row[k]:.2f}" for k in ("precision", "recall", "f1")))  # fmt: skip
    out.print(per_type)
    confused = [
        (k, n) for k, n in figures["confusion"].items() if k.split("->")[0] != k.split("->")[1]
    ]
    out.print("confusions (gold->predicted): " + ", ".join(f"{k} {n}" for k, n in confused))
    for row in worst:
        out.print(f"\n[bold]{row['id']}[/] {row['text']}", highlight=False)
        out.print(f"  gold: {row['gold']}", highlight=False)
        out.print(f"  dossier: {row['predicted']}", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    app()
