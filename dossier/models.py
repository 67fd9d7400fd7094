"""The plain data classes that pass between Dossier's stages.

Every stage of the flow (ingest -> annotate -> extract -> resolve -> store)
takes and returns these objects; none of them holds a spaCy object, so they
can be pickled, stored and compared.  ``to_dict()`` gives the public JSON
record described in README.md ("The record"); adding a field is fine, renaming or
removing one is a breaking change.

Character offsets (``start``/``end`` on spans, ``offsets`` on fields) always
index ``Document.text``: ``document.text[start:end] == span_text``.

>>> Span(text="MiG-29", start=10, end=16).to_dict()
{'text': 'MiG-29', 'start': 10, 'end': 16}
"""

from __future__ import annotations

import copy
import json
import textwrap
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TextIO

Factuality = Literal["asserted", "planned", "likely", "possible", "negated", "hypothetical"]
FACTUALITY_VALUES: tuple[str, ...] = (
    "asserted",
    "planned",
    "likely",
    "possible",
    "negated",
    "hypothetical",
)


# The PLOVER event types (README.md, "The record"; the PLOVER codebook).
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _clean(obj: Any) -> Any:
    """asdict() with tuples turned into lists (JSON has no tuples)."""
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    return obj


# values that ``copy.deepcopy`` (what ``asdict`` does to a leaf) returns as they are
_ATOMIC = frozenset([str, int, float, bool, type(None)])
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """``_clean(asdict(obj))`` in one pass, without copying strings and numbers: the
    same dicts, lists and values, in the same order (the store calls it for every
    event).

    >>> from dataclasses import asdict
    >>> value = Span("a", 0, 1)
    >>> _plain(value) == _clean(asdict(value))
    True
    """
    kind = type(obj)
    if kind in _ATOMIC:
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__") and not isinstance(obj, type):
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {name: _plain(getattr(obj, name)) for name in names}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, dict):
        return {(k if type(k) in _ATOMIC else copy.deepcopy(k)): _plain(v)
                for k, v in obj.items()}
    return copy.deepcopy(obj)


class Record:
    """Mixin: ``to_dict()`` for JSON output."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Span(Record):
    """A stretch of ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass
class RemovedSpan(Record):
    """Boilerplate cut out of the article before extraction, with the reason."""

    start: int
    end: int
    reason: str
    text: str = ""


@dataclass
class Document(Record):
    """One article after ingestion.

    ``text`` is the article text (for HTML: the text a maintained extractor
    found in the page).  ``removed`` lists the spans of ``text`` that are
    boilerplate; they stay in ``text`` so that nothing is lost, and the
    extractor never looks at them.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    format: str = "text"
    # where ``published`` came from: "given" (the command line or the record),
    # "html" (the page's metadata), "text" (a "Published:" line, a dateline, a date
    # line at the top), "mtime" (the file's time, when the user says so), "none"
    published_source: str | None = None
    # the date relative expressions were resolved against, and why; without a
    # publication date it is guessed from the text: {"value", "source": "text",
    # "guessed": true, "from": the expression the year came from, ...}
    reference_date: dict[str, Any] | None = None
    language: str | None = "en"
    # where the article was read from: a file's path, "file.jsonl:LINE", a URL
    origin: str | None = None
    # who published it ("reuters.com", "bbc"), and how that was found: "given",
    # "url" (the URL's registered domain), "html" (the page's site name) or
    # "folder" (the name of the folder the file was read from)
    outlet: str | None = None
    outlet_source: str | None = None

    def provenance(self) -> dict[str, Any]:
        """Where the document comes from, as every event and fused mention carries it.

        >>> Document(id="doc_1", text="x", title="T", outlet="bbc").provenance()["outlet"]
        'bbc'
        """
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "origin": self.origin,
            "outlet": self.outlet,
            "outlet_source": self.outlet_source,
            "published": self.published,
            "published_source": self.published_source,
        }


@dataclass
class Actor(Record):
    """Who acts or is acted on. ``code`` is ISO 3166-1 alpha-3 for states."""

    text: str
    name: str | None = None
    code: str | None = None
    kind: str | None = None  # state, igo, military, government, rebel, ...
    sector: str | None = None  # GOV, MIL, REB, IGO, ...
    offsets: tuple[int, int] | None = None
    # the state the actor belongs to or acts in (ISO3): Hamas -> PSE, the
    # Pentagon -> USA, a state -> itself; None when unknown or international
    country: str | None = None


@dataclass
class Item(Record):
    """What is transferred or used (equipment, troops, money).

    ``quantity`` is the best single count: the number as written for "over 2
    million" / "up to 30" (``quantity_mod`` says which side: more_than,
    at_least, up_to, less_than, about), the low end of a range ("several
    hundred" -> 300, ``quantity_range`` [300, 900]); see ``extract/quantity.py``.
    """

    text: str
    designation: str | None = None
    category: str | None = None
    quantity: int | None = None
    offsets: tuple[int, int] | None = None
    quantity_mod: str | None = None
    quantity_range: tuple[int, int] | None = None


@dataclass
class DateValue(Record):
    """A resolved date.  ``start``/``end`` are ISO dates bounding ``value``."""

    text: str
    value: str
    granularity: str  # day, month, season, year, decade, century, ...
    start: str | None = None
    end: str | None = None
    offsets: tuple[int, int] | None = None
    mod: str | None = None  # early, mid, late, approx ... (TimeML's mod)
    # True when the value rests on a year (or day) guessed from the text, not on a
    # publication date nor on a year written with the date ("in June" in an
    # undated article whose year was taken from "June 2024" elsewhere)
    guessed: bool = False


@dataclass
class Place(Record):
    """A resolved place. ``country`` is ISO 3166-1 alpha-3."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # country, region, admin1, admin2, city, airfield
    geonameid: int | None = None
    offsets: tuple[int, int] | None = None


@dataclass
class Attribution(Record):
    """Who says the event happened, and when they said it."""

    claimant: str
    claimant_role: str | None = None
    claim_date: str | None = None
    reported_by: str | None = None
    verb: str | None = None
    offsets: tuple[int, int] | None = None
    # the claimant's state or organisation code when it names one ("Minsk" -> BLR)
    claimant_code: str | None = None


@dataclass
class Link(Record):
    relation: str
    event: str


@dataclass
class Event(Record):
    """One event mention: the public record (README.md, "The record")."""

    id: str
    type: str
    mode: str | None
    source: list[Actor]
    target: list[Actor]
    items: list[Item]
    factuality: str
    date: DateValue | None
    location: Place | None
    attribution: Attribution | None
    evidence: Span
    links: list[Link] = field(default_factory=list)
    trigger: Span | None = None
    # dates named in the sentence with the role they play for this event
    # (e.g. {"role": "in_force", ...}); the main one is ``date``.
    other_dates: list[dict[str, Any]] = field(default_factory=list)
    # "will withdraw unless ...": the condition the event depends on
    # ({"marker": "unless", "text", "start", "end", "actors": [...]}), else None
    condition: dict[str, Any] | None = None
    # False when the event's only actors are named but not political (a private person:
    # "Henson sent Luscombe away"); an event that names no actor at all ("a car bomb
    # exploded") is political: its actor is unknown.  ``dossier extract`` shows only
    # political events; ``pipeline.process(political_only=False)`` keeps all.
    political: bool = True


@dataclass
class Result(Record):
    """What ``dossier.extract()`` returns: the document and its events."""

    document: Document
    events: list[Event]

    def to_dict(self) -> dict[str, Any]:
        """The document, and its events each with ``document``: where it comes from
        (``write_json`` writes the same, one event at a time)."""
        source = self.document.provenance()
        return {
            "document": self.document.to_dict(),
            "events": [e.to_dict() | {"document": source} for e in self.events],
        }

    def write_json(self, out: TextIO) -> None:
        """Write ``json.dumps(self.to_dict(), ensure_ascii=False, indent=2)`` and a
        line break to ``out``, one event at a time (the events of a long article
        are never all in one string).

        >>> import io
        >>> buffer = io.StringIO()
        >>> Result(Document(id="d", text="Hi."), []).write_json(buffer)
        >>> json.loads(buffer.getvalue())["events"]
        []
        """
        source = self.document.provenance()
        head = json.dumps({"document": self.document.to_dict()}, ensure_ascii=False, indent=2)
        out.write(head.removesuffix("\n}") + ',\n  "events": [')
        for i, event in enumerate(self.events):
            record = event.to_dict() | {"document": source}
            text = json.dumps(record, ensure_ascii=False, indent=2)
            out.write(("," if i else "") + "\n" + textwrap.indent(text, "    "))
        out.write("\n  ]\n}\n" if self.events else "]\n}\n")


# --- between extract and resolve -------------------------------------------
# The extractor finds spans; the resolvers turn them into codes, ISO dates and
# coordinates.  These classes carry the spans across that boundary.


@dataclass
class ActorMention(Record):
    """An actor as written, before resolution.

    ``entity`` is the gazetteer id the annotator gave the span ("state:PRK",
    "org:NATO") or None; ``noun`` is a generic actor noun ("troops").
    """

    text: str
    start: int
    end: int
    entity: str | None = None
    noun: str | None = None
    place: Span | None = None  # "the government of Sindh province": where the actor is
    # what an uncoded mention is, when the finder knows better than the resolver:
    # "organisation" for a name built on a state's ("UK Athletics", "Real Madrid")
    kind: str | None = None


@dataclass
class ClaimMention(Record):
    """Who says so (a span of text), their role, and when they said it."""

    claimant: Span
    role: str | None = None
    date: Span | None = None
    verb: str | None = None
    entity: str | None = None  # the gazetteer id of the claimant, when it names one


@dataclass
class EventMention(Record):
    """One event found in a sentence, with spans still unresolved."""

    type: str
    mode: str | None
    trigger: Span
    evidence: Span
    source: list[ActorMention] = field(default_factory=list)
    target: list[ActorMention] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    factuality: str = "asserted"
    dates: list[tuple[str, Span]] = field(default_factory=list)  # (role, span)
    place: Span | None = None
    # a coarser place the text puts the event in, for a ``place`` found on no map
    wider_place: Span | None = None
    claim: ClaimMention | None = None
    links: list[tuple[str, int]] = field(default_factory=list)  # (relation, mention index)
    sentence: int = 0
    condition: tuple[str, Span] | None = None  # ("unless", clause)
    condition_actors: list[ActorMention] = field(default_factory=list)  # its subject
