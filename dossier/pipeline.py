"""The flow for one document: ingest -> annotate -> extract -> resolve.

``analyze()`` is the one function most users need; ``process()`` takes a
``Document`` that was already ingested (the batch commands use it).

>>> result = analyze("Russia agreed to supply MiG-29 jets to North Korea in June 2024.")
>>> event = next(e for e in result.events if e.type == "AID")
>>> (event.type, event.source[0].code, event.target[0].code, event.items[0].category)
('AID', 'RUS', 'PRK', 'fighter aircraft')
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

from spacy.tokens import Doc

from dossier.annotate import (
    TEXT_KEY,
    WINDOW_CHARS,
    annotate,
    annotate_many,
    annotate_windows,
    doc_ents,
    doc_text,
)
from dossier.extract.rules import extract_mentions
from dossier.ingest import DEFAULT_MAX_BYTES, Article, load_document
from dossier.models import (
    Actor,
    ActorMention,
    Attribution,
    ClaimMention,
    DateValue,
    Document,
    Event,
    EventMention,
    Link,
    Place,
    Result,
    Span,
)
from dossier.published import find_published
from dossier.resolve import dates, places, toponyms
from dossier.resolve.actors import resolve_actors


def analyze(
    text: str | None = None,
    *,
    html: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Result:
    """Extract sourced event records from one article given as text or HTML."""
    article = Article(
        text=text, html=html, url=url, title=title, published=published, origin="<input>"
    )
    return process(load_document(article, max_bytes=max_bytes))


def masked_text(document: Document) -> str:
    """The document text with removed boilerplate blanked out (offsets kept).

    >>> from dossier.models import RemovedSpan
    >>> masked_text(Document(id="d", text="Share this!\\nTalks ended.",
    ...                      removed=[RemovedSpan(start=0, end=11, reason="social")]))
    '           \\nTalks ended.'
    """
    text = document.text
    pieces = []
    done = 0
    for span in sorted(document.removed, key=lambda s: s.start):
        start = max(span.start, done)
        if span.end <= start:
            continue
        pieces += [text[done:start], _BLANK.sub(" ", text[start : span.end])]
        done = span.end
    pieces.append(text[done:])
    return "".join(pieces)


_BLANK = re.compile(r"[^\n]")


def process_many(
    documents: Sequence[Document], batch_size: int = 32, *, political_only: bool = True
) -> Iterator[tuple[Document, Result | Exception]]:
    """``process`` over many documents, parsed in batches; yields (document, result)
    in order, or (document, the exception) for one that failed, so one bad
    document never ends a batch. ``political_only`` as in ``process``. A text
    longer than ``WINDOW_CHARS`` is not parsed with the batch but read window by
    window (``process``)."""
    for start in range(0, len(documents), batch_size):
        batch = documents[start : start + batch_size]
        texts = [masked_text(d) for d in batch]
        short = [text for text in texts if len(text) <= WINDOW_CHARS]
        try:
            parsed = iter(list(annotate_many(short, batch_size)))
            docs = [next(parsed) if len(t) <= WINDOW_CHARS else None for t in texts]
        except Exception:  # one text broke the batch: parse them one by one
            docs = [None] * len(batch)
        for document, doc, text in zip(batch, docs, texts, strict=True):
            if doc is not None:  # parsed from ``text``: its text (``doc_text``)
                doc.user_data[TEXT_KEY] = text
            try:
                yield document, process(document, doc, political_only=political_only)
            except Exception as error:  # noqa: BLE001 - reported to the caller
                yield document, error


def process(
    document: Document, doc: Doc | None = None, *, political_only: bool = True
) -> Result:
    """Annotate, extract and resolve an ingested document.

    ``doc`` may be given when the caller parsed ``masked_text(document)``
    itself (e.g. in a batch with ``nlp.pipe``). Without it, a text longer
    than ``WINDOW_CHARS`` is read in windows of whole paragraphs (see
    ``process_windows``), so memory stays bounded whatever its length.
    ``political_only=False`` keeps the events that ``keep_political`` drops
    (for measuring what it costs).
    """
    if doc is None:
        text = masked_text(document)
        if len(text) > WINDOW_CHARS:
            return process_windows(document, text, political_only=political_only)
        doc = annotate(text)
        doc.user_data[TEXT_KEY] = text
    mentions = extract_mentions(doc)
    reference, year_hint = reference_for(document, doc_text(doc))
    resolver = Resolver(document, doc, reference, year_hint)
    events = resolver.events(mentions, political_only=political_only)
    return Result(document=document, events=events)


def process_windows(
    document: Document, text: str, size: int | None = None, *, political_only: bool = True
) -> Result:
    """``process`` for a long text (``text`` is ``masked_text(document)``): parsed,
    extracted and resolved one window of at most ``size`` characters
    (``WINDOW_CHARS`` by default) at a time, cut at paragraph breaks
    (``annotation.text.windows``).

    Each window is read as a story of its own (its places resolved together,
    its countries the context of its places, "that day" read against its own
    dates), against the reference date of the whole text; every offset is
    moved back to index ``document.text``. Peak memory is that of one window,
    and time grows with the number of words.
    """
    reference, year_hint = reference_for(document, text)
    events: list[Event] = []
    for offset, doc in annotate_windows(text, size or WINDOW_CHARS):
        mentions = [shifted(m, offset) for m in extract_mentions(doc)]
        resolver = Resolver(document, doc, reference, year_hint, offset=offset)
        events += resolver.events(mentions, political_only=political_only)
    return Result(document=document, events=events)


def shifted(mention: EventMention, by: int) -> EventMention:
    """A copy of ``mention`` with every character offset moved by ``by``.

    In the classes between extract and resolve (``EventMention``,
    ``ActorMention``, ``ClaimMention``, ``Span``, ``Item``), ``start``, ``end``
    and ``offsets`` are always character offsets.

    >>> m = EventMention(type="AID", mode=None, trigger=Span("sent", 5, 9),
    ...                  evidence=Span("Iran sent drones.", 0, 17),
    ...                  dates=[("date", Span("in May", 20, 26))])
    >>> s = shifted(m, 100)
    >>> (s.trigger.start, s.evidence.end, s.dates[0][1].start, m.trigger.start)
    (105, 117, 120, 5)
    """
    return _shift(mention, by)


def _shift(value: Any, by: int) -> Any:
    if isinstance(value, (list, tuple)):
        return type(value)(_shift(v, by) for v in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        old = getattr(value, f.name)
        if f.name in ("start", "end") and isinstance(old, int):
            changes[f.name] = old + by
        elif f.name == "offsets" and old is not None:
            changes[f.name] = (old[0] + by, old[1] + by)
        else:
            changes[f.name] = _shift(old, by)
    return dataclasses.replace(value, **changes)


def reference_for(document: Document, text: str) -> tuple[dt.date | None, int | None]:
    """The date relative expressions are read against, recorded on the document.

    The publication date when known. Otherwise it is guessed from the text:
    the year from its dates (``dates.infer_reference``: never one the text puts
    in the future or in the past of another date), and the day from a full
    date with that year or from a dateline without a year ("WASHINGTON, Dec. 12
    (Reuters) -"). The record says so: ``{"value", "source": "text",
    "guessed": true, "from": the expression the year came from, "rule", ...}``.

    >>> doc = Document(id="d", text="")
    >>> reference_for(doc, "WASHINGTON, Dec. 12 (Reuters) - Talks began in June 2024.")
    (datetime.date(2024, 12, 12), 2024)
    >>> (doc.reference_date["from"], doc.reference_date["day_from"], doc.reference_date["guessed"])
    ('June 2024', 'Dec. 12', True)
    """
    if document.published:
        day = dt.date.fromisoformat(document.published[:10])
        document.reference_date = {"value": day.isoformat(), "source": "published"}
        return day, day.year
    inferred = dates.infer_reference(text)
    if inferred is None:
        document.reference_date = None
        return None, None
    reference = {
        "value": inferred.date.isoformat() if inferred.date else str(inferred.year),
        "source": "text",
        "guessed": True,
        "from": inferred.text,
        "text": inferred.text,
        "offsets": list(inferred.offsets),
        "rule": inferred.rule,
    }
    day = inferred.date
    dateline = find_published(text)
    if day is None and dateline is not None and dateline.year is None:
        with contextlib.suppress(ValueError):  # 29 February of a year without one
            day = dt.date(inferred.year, dateline.month, dateline.day)
            reference |= {
                "value": day.isoformat(),
                "day_from": dateline.text,
                "day_offsets": [dateline.start, dateline.end],
            }
    document.reference_date = reference
    return day, inferred.year


def _event_id(document: Document, mention: EventMention) -> str:
    key = f"{document.id}|{mention.type}|{mention.trigger.start}|{mention.trigger.end}"
    return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Resolver:
    """Resolve: the spans of event mentions to codes, ISO dates and coordinates."""

    def __init__(
        self,
        document: Document,
        doc: Doc,
        reference: dt.date | None,
        year_hint: int | None,
        *,
        offset: int = 0,
    ) -> None:
        """``offset``: where ``doc`` begins in ``document.text`` (a window of a long
        text); the spans given to the methods index ``document.text``."""
        self.document = document
        self.reference = reference
        self.year_hint = year_hint
        self.guessed = bool(document.reference_date and document.reference_date.get("guessed"))
        text = doc_text(doc)
        found = dates.find_dates(text, reference, year_hint=year_hint)
        if self.guessed:  # the dates that need the guessed year say so
            written = {d.offsets: d.value for d in dates.find_dates(text, None)}
            for value in found:
                value.guessed = written.get(value.offsets) != value.value
        if offset:
            found = [_moved(d, offset) for d in found]
        self.found_dates = {d.offsets: d for d in found}
        counts = Counter(
            ent.ent_id_.split(":", 1)[1]
            for ent in doc_ents(doc)
            if ent.ent_id_.startswith("state:")
        )
        self.context = [code for code, _n in counts.most_common()]
        # the story's places resolved together ("Paris" next to "Tenn.", "Georgia" next
        # to "Atlanta"); a place span that is not one of them gets the same context
        pairs = toponyms.resolve_toponyms(doc)
        self._toponym_texts = [span.text for span, _place in pairs]
        self._text = text
        self.resolved = {
            (span.start_char + offset, span.end_char + offset): place for span, place in pairs
        }
        domain = urlparse(document.url).netloc if document.url else ""
        self.outlet = domain.removeprefix("www.") or None

    def date(self, span: Span | None) -> DateValue | None:
        if span is None:
            return None
        for (start, end), value in self.found_dates.items():
            if start < span.end and span.start < end:
                return value
        value = dates.resolve_date(span.text, self.reference, year_hint=self.year_hint)
        if value is not None:
            value.offsets = (span.start, span.end)
            if self.guessed:
                written = dates.resolve_date(span.text, None)
                value.guessed = written is None or written.value != value.value
        return value

    @functools.cached_property
    def story_places(self) -> places.PlaceContext:
        """The countries and subdivisions the story's places name; read only for a
        place span that is not one of the story's toponyms (most are)."""
        return places.place_context(self._toponym_texts, self._text)

    def place(self, span: Span | None) -> Place | None:
        text = self.document.text
        if span is None or toponyms.names_cardinal_region(text, span.start, span.end):
            return None  # "a transfer to the North": a part of the world, no place
        key = (span.start, span.end)
        if key in self.resolved:
            place = self.resolved[key]
            return dataclasses.replace(place, offsets=key) if place is not None else None
        for (start, end), place in self.resolved.items():  # "Engels" of "Engels air base"
            if place is not None and place.kind == "airfield" and start <= key[0] < key[1] <= end:
                return dataclasses.replace(place, offsets=(start, end))
        story = self.story_places
        context = list(dict.fromkeys([*self.context, *story.countries]))
        return places.resolve_place(
            span.text, context=context, admin1=story.admin1, offsets=(span.start, span.end)
        )

    def unplaced(self, span: Span | None) -> Place | None:
        """A place the text names that the gazetteer does not know, kept as written
        ("fighting in Paletwa township", "Mayo-Kebbi"): its text and offsets, no name,
        country or point, so that what the article said is not lost; not "the North"."""
        text = self.document.text
        if span is None or toponyms.names_cardinal_region(text, span.start, span.end):
            return None
        return Place(text=span.text, offsets=(span.start, span.end))

    def attribution(self, mention: EventMention) -> Attribution | None:
        claim = mention.claim
        if claim is None:
            return None
        claim_date = self.date(claim.date)
        return Attribution(
            claimant=claim.claimant.text,
            claimant_role=claim.role,
            claim_date=claim_date.value if claim_date else None,
            reported_by=self.outlet,
            verb=claim.verb,
            offsets=(claim.claimant.start, claim.claimant.end),
            claimant_code=_claimant_code(claim),
        )

    def placed(self, actors: list[Actor], location: Place | None
               ) -> tuple[list[Actor], Place | None]:
        """Targets that are places or facilities (``extract/actors/facilities.py``) with
        the state they are in, and the place the first of those places is (where the
        event happened when its clause names no other place: "Odesa was struck by
        Russian drones"). A place hit ("shelled Kharkiv", "struck the Belgorod region")
        is coded as that state, as the Phoenix dictionaries list cities and regions
        among their state's names; a facility hit ("struck a depot in the Belgorod
        region") is no state, and gets the state of the event's ``location`` as its
        ``country`` only. The kind still says what was hit."""
        hits = [(a, self.place(Span(a.text, *a.offsets)))
                for a in actors if a.kind == "place" and a.offsets is not None]
        for actor, where in hits:
            if actor.code is None and where is not None and where.country:
                actor.code = actor.country = where.country
        for actor in actors:
            if actor.kind == "facility" and actor.code is None and actor.country is None:
                actor.country = location.country if location is not None else None
        return actors, hits[0][1] if hits else None

    def events(
        self, mentions: list[EventMention], *, political_only: bool = True
    ) -> list[Event]:
        ids = [_event_id(self.document, m) for m in mentions]
        out: list[Event] = []
        for mention, event_id in zip(mentions, ids, strict=True):
            main_date = None
            other_dates = []
            for role, span in mention.dates:
                value = self.date(span)
                if value is None:
                    continue
                if main_date is None and role in ("date", "signed"):
                    main_date = value
                else:
                    other_dates.append({"role": role, **value.to_dict()})
            links = [Link(relation=rel, event=ids[i]) for rel, i in mention.links]
            # a person acts for whom they served on the event's day, else the article's
            day = (main_date.start if main_date is not None else None) or self.reference
            source = resolve_actors(mention.source, day, self.context)
            # "the Kurram district of Khyber Pakhtunkhwa": the finest place on the map
            location = self.place(mention.place) or self.place(mention.wider_place)
            target, hit = self.placed(resolve_actors(mention.target, day, self.context),
                                      location)
            if mention.type == "THREATEN":  # "Kim warned that North Korea would ...": a
                own = {a.code for a in source if a.code}  # threat's target is another's
                target = [a for a in target if a.code not in own]
            out.append(
                Event(
                    id=event_id,
                    type=mention.type,
                    mode=mention.mode,
                    source=source,
                    target=target,
                    items=mention.items,
                    factuality=mention.factuality,
                    date=main_date,
                    location=location or hit or self.unplaced(mention.place),
                    attribution=self.attribution(mention),
                    evidence=mention.evidence,
                    links=_unique(links),
                    trigger=mention.trigger,
                    other_dates=other_dates,
                    condition=_condition(mention, day),
                    political=political_actors(source + target)
                    or mention.type in ALWAYS_POLITICAL,
                )
            )
        return keep_political(out) if political_only else out


def _claimant_code(claim: ClaimMention) -> str | None:
    """The code of the state or organisation a claimant names ("Minsk" -> BLR)."""
    if claim.entity is None:
        return None
    span = claim.claimant
    actor = resolve_actors([ActorMention(span.text, span.start, span.end, claim.entity)])[0]
    return actor.code or actor.country


def _moved(value: DateValue, by: int) -> DateValue:
    """``value`` found in a window, its offsets moved to index the whole text."""
    if value.offsets is None:
        return value
    return dataclasses.replace(value, offsets=(value.offsets[0] + by, value.offsets[1] + by))


def _condition(mention: EventMention, day: dt.date | str | None = None) -> dict | None:
    if mention.condition is None:
        return None
    marker, span = mention.condition
    actors = [a.to_dict() for a in resolve_actors(mention.condition_actors, day)]
    return {"marker": marker, **span.to_dict(), "actors": actors}


# Types political whoever carries them: a protest is civilians' collective political
# action by definition (PLOVER 3.12 "civilian demonstrations ... against the target"),
# so "students marched", "Jane Doe joined the march" are kept though no actor is coded.
ALWAYS_POLITICAL = frozenset(["PROTEST"])


def is_political(actor: Actor) -> bool:
    """A state, an organisation, or a group named by its sector ("troops", "police")."""
    return bool(actor.code or actor.sector)


def political_actors(actors: list[Actor]) -> bool:
    """Whether an event with these actors is political: one of them is, or none is
    named at all (an unknown attacker, "protests were held"); a facility or a place hit
    is no actor here ("an attack on a nightclub" or "on Paletwa" by no one named stays
    political), nor are people named by what they are, not by name ("a singer was shot
    dead", "rioting supporters": ``extract/actors/victims.py``)."""
    actors = [a for a in actors if a.kind not in ("facility", "place", "people")]
    return not actors or any(is_political(a) for a in actors)


def keep_political(events: list[Event], political: bool | None = True) -> list[Event]:
    """The events whose ``Event.political`` is ``political`` (all when None), and only
    the links between them.  Not political: named actors, none of them political
    ("Henson sent Luscombe away")."""
    if political is None:
        return events
    kept = [e for e in events if e.political == political]
    ids = {e.id for e in kept}
    for event in kept:
        event.links = [link for link in event.links if link.event in ids]
    return kept


def _unique(links: list[Link]) -> list[Link]:
    seen: set[tuple[str, str]] = set()
    out = []
    for link in links:
        if (link.relation, link.event) not in seen:
            seen.add((link.relation, link.event))
            out.append(link)
    return out
