"""Serve: the HTTP API and the analyst web page, in one process (``dossier serve``).

``create_app(db)`` returns a FastAPI application; its OpenAPI document is at
``/openapi.json`` (FastAPI's /docs pages load scripts from a CDN, so they are
left out: use any OpenAPI viewer on the document).  The web page (``/``) is
plain files in ``dossier/web/static`` with every script vendored: nothing is
fetched from elsewhere at run time.

Safety, by default:

- writes (``POST /api/documents``) need ``Authorization: Bearer TOKEN`` when a
  token is set; a server bound to anything but the loopback address refuses
  writes unless it has one (``dossier serve`` does this);
- request bodies over ``max_bytes`` get 413 before they are read in full;
- every SQL statement is parameterised (``dossier.store``); article text is
  only ever inserted into the page as text (``textContent``), and a Content
  Security Policy forbids inline and foreign scripts;
- errors are JSON ``{"detail": "one clear message"}``.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(":memory:"))
>>> client.get("/api/events").json()
{'items': [], 'total': 0, 'page': 1, 'per_page': 50}
>>> client.get("/api/events?since=2005-13").json()["detail"]
"since: no such date: '2005-13' (month 13)"
"""

import secrets
import socket
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier import export as exporter
from dossier.ingest import DEFAULT_MAX_BYTES, Article, IngestError, load_document
from dossier.models import EVENT_TYPES, FACTUALITY_VALUES
from dossier.query import (
    MAX_ACTORS,
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_SOURCES,
    POLITICAL_CHOICES,
    QueryError,
    bounded,
    event_query,
)
from dossier.query import page as pages
from dossier.store import EventQuery, Store

STATIC = Path(__file__).parent / "web" / "static"
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DATES = "YYYY, YYYY-MM or YYYY-MM-DD (a real month and day)"
_DATE = {"pattern": DATE_PATTERN}


def _max(length: int) -> dict[str, int]:
    return {"maxLength": length}


def _range(maximum: int) -> dict[str, int]:
    return {"minimum": 1, "maximum": maximum}



class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}


# --- response and request bodies -------------------------------------------------


class Error(BaseModel):
    detail: str = Field(description="What was wrong, in one sentence.")


class EventList(BaseModel):
    items: list[dict[str, Any]] = Field(description="Event records (or fused event records).")
    total: int = Field(description="How many events match the filters in all.")
    page: int
    per_page: int


class EventDetail(BaseModel):
    event: dict[str, Any]
    document: dict[str, Any] | None = Field(
        description="The article (for a fused event: its first report) with its text."
    )


class ActorCount(BaseModel):
    code: str | None
    name: str | None
    events: int


class DocumentIn(BaseModel):
    """An article to extract and store: its text or its HTML."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, pattern=DATE_PATTERN)
    outlet: str | None = Field(
        default=None, max_length=200,
        description="Who published it; else the URL's registered domain (reuters.com).",
    )  # fmt: skip

    @model_validator(mode="after")
    def _one_body(self) -> "DocumentIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text and html")
        return self


class Stored(BaseModel):
    stored: bool = Field(description="False when the same article was stored before.")
    document: dict[str, Any]
    events: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error},
    404: {"model": Error},
    422: {"model": Error},
}


# --- the request-size limit --------------------------------------------------------


class BodyLimit:
    """ASGI middleware: 413 for bodies over ``max_bytes``, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length", b"").decode("latin-1")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send, int(declared))
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(seen)
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge as error:
            await self._too_large(send, error.size)

    async def _too_large(self, send: Send, size: int) -> None:
        response = JSONResponse(
            {"detail": f"request body too large: {size:,} bytes > limit {self.max_bytes:,}"},
            status_code=413,
        )
        await response({"type": "http"}, _nothing, send)


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size


async def _nothing() -> Message:  # pragma: no cover - a response never reads
    return {"type": "http.disconnect"}


# --- the listening socket ----------------------------------------------------------


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port``, for ``uvicorn.Server.run(sockets=[...])``.

    Binding first means a port in use (or a host that does not exist) is an
    ``OSError`` before anything is printed or served, and no other program
    can take the port in between.

    >>> first = listen("127.0.0.1", 0)
    >>> taken = first.getsockname()[1]
    >>> first.listen()
    >>> try:
    ...     listen("127.0.0.1", taken)
    ... except OSError as error:
    ...     print(error.strerror)
    Address already in use
    >>> first.close()
    """
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _name, address = found[0]
    sock = socket.socket(family, kind, proto)
    try:
        # as uvicorn does: a port left in TIME_WAIT by a stopped server is free
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError:
        sock.close()
        raise
    return sock


# --- the application ---------------------------------------------------------------


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(x) for x in item.get("loc", ()) if x not in ("query", "body", "path"))
        message = item.get("msg", "invalid")
        if item.get("type") == "enum":
            options = item.get("ctx", {}).get("expected", "")
            if options.count(",") > 4:  # a long list: first two and last
                names = options.split(", ")
                message = f"Input should be {names[0]}, {names[1]}, ... {names[-1]}"
        if "input" in item and isinstance(item["input"], (str, int, float)):
            message += f" (got {item['input']!r})"
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts) or "invalid request"


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    writable: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FastAPI:
    """The Dossier API and web page over the database ``db``.

    ``token``: when set, writes need ``Authorization: Bearer <token>``;
    ``writable=False`` refuses every write (for a server bound to a network
    without a token).
    """
    # one Store for the app: its engine keeps a pool of connections (one per call,
    # whatever thread FastAPI runs the request on); closed when the server stops
    shared = Store(db, threads=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        shared.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        title="Dossier",
        version="0.1.0",
        description=(
            "Sourced, time- and place-resolved event records from news reports: who did "
            "what to whom, with what, when, where, how certain, according to whom."
        ),
    )
    def store() -> Iterator[Store]:
        yield shared

    StoreDep = Annotated[Store, Depends(store)]

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(error)}, status_code=422)

    @app.exception_handler(QueryError)
    async def _bad_filter(_request: Request, error: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, error: HTTPException) -> JSONResponse:
        return JSONResponse(
            {"detail": str(error.detail)}, status_code=error.status_code, headers=error.headers
        )

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def check_write(request: Request) -> None:
        if not writable:
            raise HTTPException(
                403,
                "writes are disabled: this server is reachable from the network and has no "
                "token; restart it with --token (or DOSSIER_TOKEN)",
            )
        if token is None:
            return
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode(), f"Bearer {token}".encode()):
            raise HTTPException(
                401, "send the server's token: Authorization: Bearer TOKEN",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip

    # --- filters shared by list and export -----------------------------------

    def filters(
        actor: Annotated[
            str | None, Query(description="ISO3 code or name", json_schema_extra=_max(200))
        ] = None,
        type: Annotated[  # noqa: A002
            str | None,
            Query(description="PLOVER event type", json_schema_extra={"enum": EVENT_TYPES}),
        ] = None,
        factuality: Annotated[
            str | None, Query(json_schema_extra={"enum": FACTUALITY_VALUES})
        ] = None,
        since: Annotated[str | None, Query(description=DATES, json_schema_extra=_DATE)] = None,
        until: Annotated[str | None, Query(description=DATES, json_schema_extra=_DATE)] = None,
        bbox: Annotated[
            str | None,
            Query(
                description="min_lon,min_lat,max_lon,max_lat: events located inside",
                json_schema_extra={"pattern": r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$"},
            ),
        ] = None,
        q: Annotated[
            str | None,
            Query(description="words in the evidence sentence", json_schema_extra=_max(500)),
        ] = None,
        fused: Annotated[bool, Query(description="fused events, one per real event")] = False,
        min_sources: Annotated[
            int | None, Query(json_schema_extra=_range(MAX_SOURCES))
        ] = None,
        contradicted: bool = False,
        political: Annotated[
            str,
            Query(
                description="yes: a political actor or none named; no: private persons only; "
                "any: all",
                json_schema_extra={"enum": list(POLITICAL_CHOICES)},
            ),
        ] = "yes",
    ) -> tuple[EventQuery, bool]:
        # checked by dossier.query, as on the command line: one message for both
        query = event_query(
            actor=actor, type=type, factuality=factuality, since=since, until=until, bbox=bbox,
            q=q, fused=fused, min_sources=min_sources, contradicted=contradicted,
            political=political,
        )  # fmt: skip
        return query, fused

    Filters = Annotated[tuple[EventQuery, bool], Depends(filters)]

    # --- endpoints -----------------------------------------------------------------

    @app.get("/api/events", response_model=EventList, responses=ERRORS, tags=["events"])
    def list_events(
        st: StoreDep,
        chosen: Filters,
        page: Annotated[int, Query(json_schema_extra=_range(MAX_PAGE))] = 1,
        per_page: Annotated[int, Query(json_schema_extra=_range(MAX_PER_PAGE))] = 50,
    ) -> dict[str, Any]:
        """Events matching the filters, a page at a time (dates filter on the event's
        date, or its article's publication date when it has none)."""
        query, fused = chosen
        query.limit, query.offset = pages(page, per_page)
        if fused:
            items, total = list(st.fused_events(query)), st.count_fused(query)
        else:
            items, total = list(st.events(query)), st.count_events(query)
        return {"items": items, "total": total, "page": page, "per_page": per_page}

    @app.get(
        "/api/events/{event_id}", response_model=EventDetail, responses=ERRORS, tags=["events"]
    )
    def get_event(
        st: StoreDep, event_id: Annotated[str, PathParam(max_length=100)]
    ) -> dict[str, Any]:
        """One event with its article; a fused event (``fev_``) with its first report's
        article. An old fused id (merged or renamed) finds the event it became."""
        if event_id.startswith("fev_"):
            found = list(st.fused_events(EventQuery(id=event_id)))
            if not found:
                raise HTTPException(404, f"no fused event {event_id!r}")
            document = st.document(found[0]["first_reported"]["document"])
        else:
            found = list(st.events(EventQuery(id=event_id)))
            if not found:
                raise HTTPException(404, f"no event {event_id!r}")
            document = st.document(found[0]["document"]["id"])
        return {"event": found[0], "document": document}

    @app.get(
        "/api/actors", response_model=list[ActorCount], responses=ERRORS, tags=["events"]
    )
    def list_actors(
        st: StoreDep, limit: Annotated[int, Query(json_schema_extra=_range(MAX_ACTORS))] = 1000
    ) -> list[dict[str, Any]]:
        """States and organisations, with the number of events each takes part in."""
        return st.actors(bounded("limit", limit, MAX_ACTORS) or 1000)

    @app.get(
        "/api/documents/{document_id}",
        response_model=dict[str, Any],
        responses=ERRORS,
        tags=["documents"],
    )
    def get_document(st: StoreDep, document_id: str) -> dict[str, Any]:
        """A stored article with its text and the boilerplate kept out of extraction."""
        document = st.document(document_id)
        if document is None:
            raise HTTPException(404, f"no document {document_id!r}")
        return document

    @app.post(
        "/api/documents",
        status_code=201,
        response_model=Stored,
        responses={**ERRORS, 401: {"model": Error}, 403: {"model": Error},
                   413: {"model": Error}, 415: {"model": Error},
                   200: {"model": Stored, "description": "Stored before: nothing added"}},
        # fmt: skip
        tags=["documents"],
        dependencies=[Depends(check_write)],
    )
    def post_document(
        st: StoreDep, body: DocumentIn, request: Request, response: Response
    ) -> dict[str, Any]:
        """Extract the events of an article and store them (fusing them with the rest)."""
        kind = request.headers.get("content-type", "")
        if not kind.startswith("application/json"):
            raise HTTPException(415, "send JSON with Content-Type: application/json")
        from dossier.fuse import fuse
        from dossier.pipeline import process

        article = Article(text=body.text, html=body.html, url=body.url, title=body.title,
                          published=body.published, origin=body.url or "<api>",
                          outlet=body.outlet)  # fmt: skip
        try:
            document = load_document(article, max_bytes=max_bytes)
        except IngestError as error:
            raise HTTPException(422, error.reason) from None
        if st.has_document(document.id):
            response.status_code = 200
            events = list(st.events(EventQuery(document=document.id)))
            stored = False
        else:
            result = process(document, political_only=False)  # all stored, as by ingest
            st.add(result, origin=body.url or "<api>")
            fuse(st)
            events = list(st.events(EventQuery(document=document.id)))
            stored = True
        return {"stored": stored, "document": st.document(document.id), "events": events}

    @app.get(
        "/api/export",
        responses={**ERRORS, 200: {"content": {m: {} for m in MEDIA_TYPES.values()}}},
        response_class=Response,
        tags=["events"],
    )
    def export(st: StoreDep, chosen: Filters, format: ExportFormat) -> Response:  # noqa: A002
        """The filtered events as a CSV, JSON Lines or GeoJSON file."""
        query, fused = chosen
        records = st.fused_events(query) if fused else st.events(query)
        body = exporter.to_string(records, format.value)
        name = f"dossier-{'fused-' if fused else ''}events.{format.value}"
        return Response(
            body,
            media_type=MEDIA_TYPES[format.value],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    # --- the web page --------------------------------------------------------------

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        if not page.exists():
            return JSONResponse({"detail": "the web page is not installed"}, status_code=404)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    return app
