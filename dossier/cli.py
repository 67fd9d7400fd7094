"""The ``dossier`` command: extract, ingest, query and export event records.

Run ``dossier --help`` or ``dossier COMMAND --help`` for examples.
"""

from __future__ import annotations

import sys
from enum import Enum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

from dossier.cli_eval import eval_app
from dossier.cli_options import DbOption, Encoding, MaxBytes, shown
from dossier.cli_options import connect as _store
from dossier.cli_options import open_store as _open
from dossier.cli_query import actors, events, export_, stats
from dossier.cli_show import print_result
from dossier.console import err
from dossier.console import fail as _fail
from dossier.ingest import (
    DEFAULT_MAX_BYTES,
    IngestError,
    Skipped,
    count_articles,
    read_articles,
    read_file,
)
from dossier.models import Document, Result

if TYPE_CHECKING:  # SQLAlchemy is imported when a command opens a database
    from dossier.store import Store

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


def _version(value: bool) -> None:
    if value:
        try:
            number = metadata.version("dossier")
        except metadata.PackageNotFoundError:  # run from a checkout that is not installed
            number = "unknown (not installed)"
        sys.stdout.write(f"dossier {number}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Dossier's commands; see dossier COMMAND --help."""


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


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
    political: Annotated[
        str,
        typer.Option(
            metavar="yes|no|any",
            help="yes: events with a state, organisation or official as actor, or none named; "
            "no: events between private persons only; any: all.",
        ),
    ] = "yes",
) -> None:
    """Extract event records from one article and print them.

    Prints {"document": ..., "events": [...]} as JSON (the fields are listed in
    README.md, "The record"), or a readable table with --format table. Nothing
    is stored.

    Examples:

      dossier extract examples/rus-prk-jets-for-troops.txt --published 2024-12-12

      dossier extract page.html --url https://example.com/news/1 --format table

    Without --published the year is inferred from the text (e.g. "June 2024").
    """
    from dossier.ingest import load_document
    from dossier.pipeline import keep_political, process
    from dossier.query import QueryError, political_choice

    try:
        chosen = political_choice(political)
    except QueryError as error:
        _fail(str(error), status=2)
        return
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
    result = process(document, political_only=False)
    result.events = keep_political(result.events, chosen)
    if format is ExtractFormat.json:
        result.write_json(sys.stdout)  # one event at a time: a long article's output is big
    else:
        print_result(result)


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
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            help="YYYY-MM-DD: the publication date of every document of this run that "
            "gives none of its own (in its record, its HTML or its text); --engine local.",
        ),
    ] = None,
    published_from: Annotated[
        str | None,
        typer.Option(
            "--published-from",
            metavar="mtime",
            help="mtime: a file's modification day is its publication date (for "
            "documents that give none of their own; use it when file times are "
            "publication times); --engine local.",
        ),
    ] = None,
) -> None:
    """Extract events from many articles and store them in a database.

    JSON Lines files hold one article per line: {"text": ...} or {"html": ...},
    with optional "url", "title" and "published". The same document is stored
    once, however often it is ingested (its id is the hash of its text). Items
    that cannot be read are skipped with the reason, and the rest is stored.

    Parquet files are read too (a row has the fields of a JSON Lines record).
    With --engine ray, this process reads the inputs and sends them in batches
    to the workers; each worker loads the pipeline once; an interrupted run
    continues where it stopped when started again.

    Examples:

      dossier ingest examples/ --db news.db

      dossier ingest articles.jsonl more/ --db news.db

      dossier ingest articles.jsonl --db postgresql://dossier:PASSWORD@db.example/news

      dossier ingest archive.jsonl.zst --db news.db --engine ray --workers 8

      dossier ingest saved-pages/ --published-from mtime

    A document's publication date is the one its JSON record gives, else its
    page's metadata, else one its text writes ("Published: ...", a dateline, a
    date line at the top), else --published or --published-from mtime;
    documents.published_source says which (given, html, text, mtime, none).
    """
    from dossier.ingest import normalize_date
    from dossier.published import fill_published

    if published is not None:
        try:
            published = normalize_date(published)
        except IngestError as error:
            raise typer.BadParameter(error.reason, param_hint="--published") from None
    if published_from not in (None, "mtime"):
        raise typer.BadParameter(
            f"{published_from!r} is not one of 'mtime'", param_hint="--published-from"
        )
    if published is not None and published_from is not None:
        raise typer.BadParameter("give --published or --published-from, not both")
    if engine is Engine.ray and (published or published_from):
        raise typer.BadParameter("--published and --published-from work with --engine local")
    if engine is Engine.ray:
        _ingest_ray(paths, db, workers=workers, address=address, shards=shards,
                    max_bytes=max_bytes, encoding=encoding, strict=strict, fuse=fuse)  # fmt: skip
        return
    from dossier.ingest import load_document
    from dossier.pipeline import process_many

    stored = duplicates = events = undated = 0
    skipped: list[Skipped] = []
    batch: list[tuple[Document, str]] = []

    def flush(store: Store) -> None:
        nonlocal stored, duplicates, events, undated
        origins = {id(d): origin for d, origin in batch}
        # every event is stored; queries show the political ones unless asked
        done: list[tuple[Result, str]] = []
        for document, result in process_many([d for d, _o in batch], political_only=False):
            origin = origins[id(document)]
            if isinstance(result, Exception):  # one bad document must not end the batch
                skipped.append(Skipped(origin=origin, reason=f"extraction failed: {result!r}"))
            else:
                done.append((result, origin))
        for (result, _origin), added in zip(done, store.add_many(done), strict=True):
            if added:  # stored in one transaction per batch
                stored += 1
                events += len(result.events)
                undated += result.document.published is None
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
                fill_published(document, item.modified, published=published,
                               from_mtime=published_from == "mtime")  # fmt: skip
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
    if undated:
        err.print(
            f"warning: {undated} of {stored} documents have no publication date: relative "
            "dates in them are unresolved; give --published or --published-from mtime",
            highlight=False,
        )
    for skip in skipped:
        err.print(f"  skipped {skip.origin}: {skip.reason}", highlight=False)
    if strict and skipped:
        raise typer.Exit(1)


def _ingest_ray(paths: list[Path], db: str, *, workers: int, address: str | None,
                shards: Path | None, max_bytes: int, encoding: str, strict: bool,
                fuse: bool) -> None:  # fmt: skip
    from dossier import distributed
    from dossier.extras import MissingExtra, require

    try:
        require(extra="ray", feature="--engine ray")
    except MissingExtra as error:
        _fail(str(error))
    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
    with _store(db) as store, Progress(
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(), console=err,
    ) as progress:  # fmt: skip
        try:
            total: int | None = count_articles(paths)
        except (OSError, ValueError):  # unreadable: the reader says why
            total = None
        task = progress.add_task(f"extracting on Ray ({workers} workers)", total=total)
        try:
            summary = distributed.ingest(
                paths, store, workers=workers, address=address, shards=shards,
                max_bytes=max_bytes, encoding=encoding,
                progress=lambda n: progress.advance(task, n),
            )  # fmt: skip
        except distributed.RayRunError as error:
            progress.stop()
            _fail(str(error))
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


# the query commands live in dossier/cli_query.py
app.command()(events)
app.command("export")(export_)
app.command()(actors)
app.command()(stats)


@app.command()
def serve(
    db: DbOption = "dossier.db",
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DOSSIER_TOKEN",
            help="Secret that writes (POST /api/documents) must send as 'Authorization: Bearer "
            "TOKEN'. Without one, a server on anything but 127.0.0.1 refuses writes.",
        ),
    ] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    create: Annotated[
        bool,
        typer.Option(
            "--create", help="Start with an empty database when the --db file does not exist."
        ),
    ] = False,
) -> None:
    """Serve the HTTP API and the web page (list, event, timeline, map, network).

    The API is described by its OpenAPI document at /openapi.json. Nothing on
    the page is fetched from the internet. A --db file that does not exist is
    refused (a typing mistake would serve an empty database) unless --create
    is given; a port in use is said before anything starts.

    Examples:

      dossier serve --db news.db            # then open http://127.0.0.1:8000/

      dossier serve --db new.db --create --port 8080

      DOSSIER_TOKEN=s3cret dossier serve --db news.db --host 0.0.0.0
    """
    import uvicorn

    from dossier.serve import create_app, listen

    hint = f"start an empty one with --create, or fill one with: dossier ingest FILES --db {db}"
    (_store(db) if create else _open(db, hint)).close()  # one line if it cannot be opened
    try:
        listener = listen(host, port)
    except OSError as error:
        busy = " (another server? choose another --port)" if "in use" in str(error) else ""
        _fail(f"cannot listen on {host}:{port}: {error.strerror or error}{busy}")
    loopback = host in ("127.0.0.1", "localhost", "::1")
    if not loopback and not token:
        err.print(
            f"[yellow]warning:[/] {host} is reachable from the network and no --token is set: "
            "writes are refused, reads are open to anyone who can reach it",
            highlight=False,
        )
    application = create_app(db, token=token, writable=loopback or bool(token),
                             max_bytes=max_bytes)  # fmt: skip
    bound = listener.getsockname()[1]
    err.print(
        f"Dossier on http://{host}:{bound}/ (database {shown(db)}); Ctrl+C stops it",
        highlight=False,
    )
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning"))
    with listener:
        server.run(sockets=[listener])


app.add_typer(eval_app, name="eval")


if __name__ == "__main__":  # pragma: no cover
    app()
