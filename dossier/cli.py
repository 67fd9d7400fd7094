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
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from dossier import export as exporter
from dossier.cli_eval import eval_app
from dossier.console import err, out
from dossier.console import fail as _fail
from dossier.dialect import is_url, shown
from dossier.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    Skipped,
    count_articles,
    read_articles,
    read_file,
)
from dossier.models import Document, Result
from dossier.store import EventQuery, Store

BATCH_SIZE = 32  # articles parsed together (spaCy's nlp.pipe)

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


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


class EventsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


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


def _headline(number: int, r: dict, after: str = "") -> None:
    """ "3. AID military  Russia (RUS) -> North Korea (PRK)  planned" and ``after``."""
    mode = f" {r['mode']}" if r.get("mode") else ""
    out.print(
        f"[bold]{number}. {r['type']}{mode}[/]  {_actors(r['source'])} -> {_actors(r['target'])}"
        f"  [italic]{r['factuality']}[/]{after}",
        highlight=False,
    )


def _print_events(records: list[dict]) -> None:
    """One short block per event: readable in an 80-column terminal."""
    number = {r["id"]: i for i, r in enumerate(records, 1)}
    for i, r in enumerate(records, 1):
        _headline(i, r)
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
    db: DbOption = "dossier.db",
    encoding: Encoding = "utf-8",
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    strict: Annotated[
        bool, typer.Option(help="Exit with status 1 when any item was skipped.")
    ] = False,
    fuse: Annotated[
        bool,
        typer.Option(
            help="Fuse the new event mentions with the stored ones afterwards (see dossier fuse)."
        ),
    ] = True,
    engine: Annotated[
        Engine,
        typer.Option(help="local: this process; ray: a pool of Ray workers (see --workers)."),
    ] = Engine.local,
    workers: Annotated[
        int, typer.Option(min=1, help="With --engine ray: worker processes, each one CPU.")
    ] = 2,
    address: Annotated[
        str | None,
        typer.Option(help="With --engine ray: join this Ray cluster (e.g. auto, ray://host:10001)."),
    ] = None,
    shards: Annotated[
        Path | None,
        typer.Option(help="With --engine ray: keep each batch as Parquet shards in this folder."),
    ] = None,
) -> None:
    """Extract events from many articles and store them in a database.

    JSON Lines files hold one article per line: {"text": ...} or {"html": ...},
    with optional "url", "title" and "published". The same document is stored
    once, however often it is ingested (its id is the hash of its text). Items
    that cannot be read are skipped with the reason, and the rest is stored.

    With --engine ray, Ray Data reads folders, JSON Lines (.jsonl, .jsonl.gz,
    .jsonl.zst) and Parquet; each worker loads the pipeline once; an interrupted
    run continues where it stopped when started again.

    Examples:

      dossier ingest examples/ --db news.db

      dossier ingest articles.jsonl more/ --db news.db

      dossier ingest articles.jsonl --db postgresql://dossier:PASSWORD@db.example/news

      dossier ingest archive.jsonl.zst --db news.db --engine ray --workers 8
    """
    if engine is Engine.ray:
        _ingest_ray(paths, db, workers=workers, address=address, shards=shards,
                    max_bytes=max_bytes, encoding=encoding, strict=strict, fuse=fuse)  # fmt: skip
        return
    from dossier.ingest import load_document
    from dossier.pipeline import process_many

    stored = duplicates = events = 0
    skipped: list[Skipped] = []
    batch: list[tuple[Document, str]] = []

    def flush(store: Store) -> None:
        nonlocal stored, duplicates, events
        origins = {id(d): origin for d, origin in batch}
        for document, result in process_many([d for d, _o in batch]):
            origin = origins[id(document)]
            if isinstance(result, Exception):  # one bad document must not end the batch
                skipped.append(Skipped(origin=origin, reason=f"extraction failed: {result!r}"))
            elif store.add(result, origin=origin):
                stored += 1
                events += len(result.events)
            else:
                duplicates += 1
        batch.clear()

    with _store(db) as store:
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
                batch.append((document, item.origin))
                if len(batch) >= BATCH_SIZE:
                    flush(store)
            flush(store)
        total_docs, total_events = store.count("documents"), store.count("events")
        if fuse and stored:
            _fuse(store, rebuild=False)
    err.print(
        f"stored {stored} document(s) with {events} event(s); {duplicates} already stored; "
        f"{len(skipped)} skipped. Database {shown(db)}: {total_docs} documents, "
        f"{total_events} events.",
        highlight=False,
    )
    for skip in skipped:
        err.print(f"  skipped {skip.origin}: {skip.reason}", highlight=False)
    if strict and skipped:
        raise typer.Exit(1)


def _ingest_ray(paths: list[Path], db: str, *, workers: int, address: str | None,
                shards: Path | None, max_bytes: int, encoding: str, strict: bool,
                fuse: bool) -> None:  # fmt: skip
    try:
        from dossier import distributed
    except ImportError as error:  # pragma: no cover - depends on the install
        _fail(f"--engine ray needs Ray: pip install 'ray[data]' ({error})")
        return
    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
    with _store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), console=err,
    ) as progress:  # fmt: skip
        task = progress.add_task(f"extracting on Ray ({workers} workers)", total=None)
        summary = distributed.ingest(
            paths, store, workers=workers, address=address, shards=shards,
            max_bytes=max_bytes, encoding=encoding,
            progress=lambda n: progress.advance(task, n),
        )  # fmt: skip
        if fuse and summary.stored:
            _fuse(store, rebuild=False)
        total_docs, total_events = store.count("documents"), store.count("events")
    rate = summary.stored / summary.seconds if summary.seconds else 0.0
    err.print(
        f"stored {summary.stored} document(s) with {summary.events} event(s); "
        f"{summary.duplicates} already stored; {len(summary.skipped)} skipped; "
        f"{rate:.1f} documents/s on {workers} worker(s). "
        f"Database {shown(db)}: {total_docs} documents, {total_events} events.",
        highlight=False,
    )
    for skip in summary.skipped:
        err.print(f"  skipped {skip.origin}: {skip.reason}", highlight=False)
    if strict and summary.skipped:
        raise typer.Exit(1)


class RateColumn(ProgressColumn):
    """Items per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} docs/s", style="progress.data.speed")


def _fuse(store: Store, rebuild: bool, undated_window: int | None = None) -> None:
    from dossier.fuse import fuse
    from dossier.fuse.match import UNDATED_WINDOW

    window = UNDATED_WINDOW if undated_window is None else undated_window
    with err.status("fusing") as status:
        summary = fuse(store, rebuild=rebuild, undated_window=window,
                       progress=lambda m: status.update(f"fusing: {m}"))  # fmt: skip
    if summary.timeless_documents:
        err.print(
            f"warning: {summary.timeless_documents} document(s) have events with no date and no "
            "publication date; those fuse only on near-identical wording or on two of place, "
            "weapon and claimant.",
            highlight=False,
        )
    changes = f"; {len(summary.log)} id change(s) logged" if summary.log else ""
    err.print(
        f"fused {summary.mentions} mention(s) into {summary.fused} event(s){changes}. "
        f"Database: {summary.total_fused} fused events.",
        highlight=False,
    )
    for action, old, new, reason in summary.log:
        err.print(f"  {action} {old} -> {new}: {reason}", highlight=False)


@app.command("fuse")
def fuse_(
    db: DbOption = "dossier.db",
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Cluster every mention again, not only new ones.")
    ] = False,
    undated_window: Annotated[
        int,
        typer.Option(
            "--undated-window", min=0, metavar="DAYS",
            help="An undated report is about the DAYS before its publication (default 30).",
        ),
    ] = 30,
) -> None:
    """Merge the reports of one real-world event into one fused event.

    Mentions are fused when their types are of one family (AID and MOBILIZE are
    one), they share actors, and their dates (given their granularity; relative
    dates with a tolerance; undated reports within --undated-window days before
    publication), places and items are compatible. Each fused event counts its
    independent sources (articles; wire copies and reprints, found by MinHash,
    count once), names its first report, and lists contradictions (one report
    asserts what another denies; different quantities). Ids are stable: the id
    of an event comes from its first report, and when events merge, split or
    change id the old id still finds them (dossier events --fused --id OLD).

    dossier ingest runs this after storing new articles; run it yourself with
    --rebuild after changing the fusion rules.

    Examples:

      dossier fuse --db news.db

      dossier events --fused --min-sources 2 --db news.db
    """
    with _open(db) as store:
        _fuse(store, rebuild=rebuild, undated_window=undated_window)


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


def _open(db: str) -> Store:
    """The database, which must exist (a file) or be reachable (a URL)."""
    if not is_url(db) and not Path(db).exists():
        _fail(f"{db}: no such database (create one with: dossier ingest FILES --db {db})")
    return _store(db)


def _store(db: str) -> Store:
    try:
        return Store(db)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        _fail(f"{shown(db)}: cannot open the database: {reason}")


@app.command()
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
        _print_fused(records)
    else:
        _print_events(records)


def _print_fused(records: list[dict]) -> None:
    """A fused event per block: the event, its sourcing, then its reports."""
    for i, r in enumerate(records, 1):
        _headline(i, r, f"  [dim]{r['id']}[/]")
        details = []
        if r["items"]:
            details.append("items: " + ", ".join(
                it.get("designation") or it["text"] for it in r["items"]))  # fmt: skip
        if r.get("date"):
            details.append(f"date: {r['date']['value']}")
        if r.get("location"):
            details.append(f"place: {r['location'].get('name') or r['location']['text']}")
        if details:
            out.print("   " + " | ".join(details), highlight=False)
        first = r["first_reported"]
        out.print(
            f"   {r['independent_sources']} independent source(s), {len(r['mentions'])} report(s);"
            f" first: {first.get('outlet') or first['document']} {first.get('published') or ''}",
            highlight=False,
        )
        outlets = {m["document"]: m.get("outlet") or m["document"] for m in r["mentions"]}
        for m in r["mentions"]:
            who = f" according to {m['claimant']}" if m.get("claimant") else ""
            copy = f" (copy of {outlets[m['copy_of']]})" if m["copy_of"] != m["document"] else ""
            out.print(
                f"   - {m.get('published') or '?'} {m.get('outlet') or m['document']}{copy}:"
                f" {m['factuality']}{who}  [dim]\"{m['evidence']['text'][:90]}\"[/]",
                highlight=False,
            )
        for c in r["contradictions"]:
            out.print(
                f"   [bold red]contradiction[/] ({c['kind']}): {c['detail']}:"
                f" {c['mentions'][0]} vs {c['mentions'][1]}",
                highlight=False,
            )
    out.print(f"{len(records)} fused event(s)")


@app.command("export")
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


@app.command()
def serve(
    db: DbOption = "dossier.db",
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DOSSIER_TOKEN",
            help="Secret that writes (POST /api/documents) must send as 'Authorization: Bearer "
            "TOKEN'. Without one, a server on anything but 127.0.0.1 refuses writes.",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Serve the HTTP API and the web page (list, event, timeline, map, network).

    The API is described by its OpenAPI document at /openapi.json. Nothing on
    the page is fetched from the internet.

    Examples:

      dossier serve --db news.db            # then open http://127.0.0.1:8000/

      DOSSIER_TOKEN=s3cret dossier serve --db news.db --host 0.0.0.0
    """
    import uvicorn

    from dossier.serve import create_app

    loopback = host in ("127.0.0.1", "localhost", "::1")
    if not loopback and not token:
        err.print(
            f"[yellow]warning:[/] {host} is reachable from the network and no --token is set: "
            "writes are refused, reads are open to anyone who can reach it",
            highlight=False,
        )
    application = create_app(db, token=token, writable=loopback or bool(token),
                             max_bytes=max_bytes)  # fmt: skip
    err.print(
        f"Dossier on http://{host}:{port}/ (database {shown(db)}); Ctrl+C stops it",
        highlight=False,
    )
    uvicorn.run(application, host=host, port=port, log_level="warning")


app.add_typer(eval_app, name="eval")


if __name__ == "__main__":  # pragma: no cover
    app()
