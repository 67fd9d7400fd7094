"""Score event detection on ACE-annotated news, sentence by sentence (``dossier eval ace``).

The gold is the m2e2 annotation of Voice of America articles (ACE 2005 event
types): a folder with ``text_only_event.json`` and, optionally,
``text_multimedia_event.json``.  Each is a list of sentences (``sentence_id``
= ``ARTICLE_N``, ``sentence``, ``sentence_start``/``sentence_end`` as
character offsets in the article, ``words`` with their ``index``, and
``golden-event-mentions`` with a ``trigger`` and an ``event_type``).  The two
files are united by ``sentence_id``: a sentence in both has the union of
their mentions; a sentence in one only is taken as it is.

Each article's text is rebuilt from its sentences at their offsets (the
``sentence`` strings leave out their final punctuation, which ``words``
places at ``sentence_end``; characters no sentence covers become a space, or
a line break and spaces when more than one is missing), so gold offsets index
the text Dossier reads.  The publication date is in the article id
(``VOA_EN_NW_2016.04.19.3291980`` -> 2016-04-19).  Dossier runs on each whole
article (``dossier.pipeline.process_many``, parsed in batches).

Mapping (ACE type -> the Dossier record that counts for it):

====================== ===================================
Conflict:Attack        ASSAULT (any mode)
Life:Die with a killer ASSAULT (any mode): an Agent, or a WEA Instrument
Conflict:Demonstrate   PROTEST (any mode)
Conflict:Attack        PROTEST ``riot`` too: a violent protest
Contact:Meet           CONSULT (any mode but ``visit``)
Contact:Phone-Write    CONSULT (any mode)
Justice:Arrest-Jail    COERCE with mode ``arrest``, not a sentencing, trial or conviction
====================== ===================================

A killing is an ASSAULT too.  The ACE 2005 guidelines (English Annotation
Guidelines for Events, v5.4.3, Conflict:Attack) define an Attack as "a violent
physical act causing harm or damage" and include in it "any such Event not
covered by the INJURE or DIE subtypes": a killing is annotated as Life:Die,
not as Attack, and its killer is the Die event's Agent ("the killer") and its
weapon the Instrument.  PLOVER codes a killing by an actor as ASSAULT (3.16,
"deliberate actions which can potentially result in substantial physical
harm"; mode ``targeted``: "targeted killings ... executions").  So a Life:Die
mention that names an Agent, or an Instrument that ACE types as a weapon
(``WEA``), counts for ``ASSAULT``; a death with no killer named ("64 people
died", "killed in a crash" with a vehicle) does not.

A sentencing is not an arrest in ACE.  ACE 2005 has its own subtype for it,
Justice:Sentence ("whenever the punishment (particularly incarceration) for
the DEFENDANT is issued by a state actor"), which m2e2 does not annotate;
Arrest-Jail is the taking or holding in custody.  PLOVER codes a conviction
that results in imprisonment as COERCE ``arrest`` (3.13.2), so a Dossier
COERCE arrest whose trigger is "sentence" ("sentenced to three years in
prison") has no ACE type here and is not scored, like the other COERCE modes.
The same holds for ACE's other Justice subtypes that m2e2 does not annotate,
Convict ("whenever a TRY Event ends with a successful prosecution"),
Trial-Hearing and Charge-Indict: PETRARCH2 codes "convict", "go on trial",
"stand trial", "put on trial" and "charge" CAMEO 173 ("arrest, detain, or
charge with legal action"), which CAMEO2PLOVER maps to COERCE arrest, so a
COERCE arrest whose trigger is a conviction, an indictment or a charge, or
whose words name a trial ("go on trial"), is not scored either.

A visit is scored as a movement, as m2e2 annotates it.  ACE 2005 puts a
person's going from one place to another under Movement:Transport ("whenever
an ARTIFACT ... or a PERSON is moved from one PLACE ... to another"), and its
Contact:Meet (entities that "come together at a single location and interact
with one another face-to-face") also names visits among its examples; m2e2's
annotators mark the word "visit" as Transport (all 6 "visit"/"visited"/
"visiting"/"visits" triggers of the tune half, none as Meet).  PLOVER's
CONSULT, which "includes visiting and hosting visits" (Dossier's mode
``visit``), is the same act there, so a CONSULT visit has no ACE type here and
is not scored, like Transport itself; ``plain_mapping`` scores it as CONSULT.

A riot is an attack too.  PLOVER codes violence by demonstrators as PROTEST
``riot`` (CAMEO 145 "protest violently, riot"); ACE annotates the same act as
Conflict:Attack ("a violent physical act causing harm or damage", stones
thrown, a building torched), with Demonstrate for the gathering.  So a Dossier
PROTEST riot counts for ``ASSAULT`` as well as ``PROTEST``.

The killing, sentencing and riot rules follow the guidelines; the visit rule
follows how m2e2 annotates visits.  The figures with the plain type mapping
(Attack alone for ASSAULT, every COERCE arrest and every CONSULT scored), as
the evaluator first scored, are kept under ``plain_mapping``.

Dossier gives COERCE the mode ``arrest`` for arrest, detain, jail, imprison,
arrest (noun) and detention (``dossier/data/triggers.tsv``); its other COERCE
modes (seize, deport, destroy, restrict, curfew, ...) are not arrests and do
not count.  Movement:Transport, Transaction:Transfer-Money and Life:Die with no
killer map to no single PLOVER type and are not scored; they are listed with the errors, as
context.

Scoring, per sentence and per scored type (``ASSAULT``, ``PROTEST``,
``CONSULT``, ``COERCE/arrest``):

- gold positive: the sentence has at least one gold mention of an ACE type
  mapped to it;
- predicted positive: Dossier reports an event of that type (and mode) that
  is *in* the sentence: its trigger begins within the sentence's characters
  (``sentence_start`` to ``sentence_end``, both included); an event without a
  trigger is placed by the start of its evidence.  An event that begins
  between gold sentences is in none (counted as ``outside``);
- factuality is not looked at: ACE annotates planned, negated and
  hypothetical events alike (its modality and polarity are attributes), so a
  "planned" CONSULT counts as CONSULT.

Precision, recall and F1 per type over those (sentence, type) pairs; macro-F1
is their mean over the four types (a type with neither gold nor predicted
sentences, which only happens on tiny samples, is left out of the mean).
ACE covers few event types, so a Dossier event of another type is not scored
at all, and a false positive may be an event ACE leaves unannotated.

The headline figures count every event Dossier detects, political or not:
ACE scores event detection, whoever the actors are, and Dossier stores every
event with its ``political`` field (issue 15: events between private persons
are kept with ``political`` false, not dropped).  ``political_only`` gives the
figures for the events ``dossier events`` shows by default (``political``
true, ``dossier.pipeline.keep_political``); ``with_nonpolitical`` is the
headline again, under the key earlier versions used for it.

Halves: the shared folder holds the articles whose sha256(article id) has an
even first byte.  They are split again by the second byte: even is the
``tune`` half, whose errors may be read (``--errors`` lists only those), odd
is ``held_out``, to be measured, never read.

>>> gold = [Sentence("a_0", "a", 0, 14, "Police arrested", {"COERCE/arrest": ["arrested"]})]
>>> found = {"a": [Found("COERCE/arrest", "COERCE", "arrest", "arrested", 7, True)]}
>>> score(gold, found)["per_type"]["COERCE/arrest"]["f1"]
1.0
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dossier.models import Event

FILES = ("text_only_event.json", "text_multimedia_event.json")  # the second is optional
ACE_TO_LABEL = {
    "Conflict:Attack": "ASSAULT",
    "Conflict:Demonstrate": "PROTEST",
    "Contact:Meet": "CONSULT",
    "Contact:Phone-Write": "CONSULT",
    "Justice:Arrest-Jail": "COERCE/arrest",
}
LABELS = ("ASSAULT", "PROTEST", "CONSULT", "COERCE/arrest")
HALVES = ("tune", "held_out")
_DATE = re.compile(r"(\d{4})\.(\d{2})\.(\d{2})")
KILLING = "Life:Die"  # an ASSAULT when it names a killer or a weapon (module docstring)
KILLER_ROLES = ("Agent",)
WEAPON_ROLE, WEAPON_TYPE = "Instrument", "WEA"


def names_killer(mention: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether a Life:Die mention names who killed (Agent) or a weapon (an
    Instrument whose entity ACE types ``WEA``).

    >>> row = {"golden-entity-mentions": [{"start": 0, "end": 2, "entity-type": "WEA"}]}
    >>> names_killer({"arguments": [{"role": "Instrument", "start": 0, "end": 2}]}, row)
    True
    >>> names_killer({"arguments": [{"role": "Victim", "start": 3, "end": 4}]}, row)
    False
    """
    types = {(e.get("start"), e.get("end")): e.get("entity-type")
             for e in row.get("golden-entity-mentions") or []}  # fmt: skip
    for arg in mention.get("arguments") or []:
        if arg.get("role") in KILLER_ROLES:
            return True
        if arg.get("role") == WEAPON_ROLE and types.get((arg.get("start"), arg.get("end"))) == (
            WEAPON_TYPE
        ):
            return True
    return False


@dataclass
class Sentence:
    """One gold sentence: where it lies in its article and what ACE marks in it."""

    id: str
    article: str
    start: int
    end: int  # the offset of its last character (included), as the gold gives it
    text: str
    gold: dict[str, list[str]] = field(default_factory=dict)  # label -> gold trigger texts
    other: list[str] = field(default_factory=list)  # ACE types present, mapped or not
    killings: list[str] = field(default_factory=list)  # Life:Die triggers with a killer

    def labels(self, killings: bool = True) -> set[str]:
        """The scored labels ACE marks in the sentence; ``killings`` counts a
        Life:Die with a killer (Agent) or a weapon as ASSAULT (module docstring)."""
        return set(self.gold) | ({"ASSAULT"} if killings and self.killings else set())


@dataclass
class Article:
    id: str
    published: str | None
    text: str
    sentences: list[Sentence]


@dataclass
class Found:
    """One Dossier event, reduced to what the scoring needs."""

    label: str | None  # the scored label it counts for, or None
    type: str
    mode: str | None
    trigger: str
    start: int  # where it begins in the article (trigger, else evidence)
    political: bool  # the event's ``political`` field (``keep_political`` keeps it)
    words: str = ""  # the trigger and the words after it in its sentence ("go on trial")


def label_of(event_type: str, mode: str | None) -> str | None:
    """The scored label a Dossier event counts for.

    >>> label_of("COERCE", "arrest"), label_of("COERCE", "seize"), label_of("ASSAULT", None)
    ('COERCE/arrest', None, 'ASSAULT')
    """
    if event_type == "COERCE":
        return "COERCE/arrest" if mode == "arrest" else None
    return event_type if event_type in LABELS else None


def half(article_id: str) -> str:
    """``tune`` when the second byte of sha256(article id) is even, else ``held_out``.

    >>> half("VOA_EN_NW_2016.04.19.3291980") in HALVES
    True
    """
    return HALVES[hashlib.sha256(article_id.encode("utf-8")).digest()[1] % 2]


def published(article_id: str) -> str | None:
    """The publication date written in an m2e2 article id.

    >>> published("VOA_EN_NW_2016.04.19.3291980")
    '2016-04-19'
    """
    match = _DATE.search(article_id)
    return "-".join(match.groups()) if match else None


def _read_sentences(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of sentences")
    for i, row in enumerate(data):
        missing = [k for k in ("sentence_id", "sentence", "sentence_start", "sentence_end")
                   if not isinstance(row, dict) or k not in row]  # fmt: skip
        if missing:
            raise ValueError(f"{path}: sentence {i} has no {', '.join(missing)}")
    return data


def rebuild_text(rows: Sequence[dict[str, Any]]) -> str:
    """An article's text from its sentences, each at its offsets.

    >>> rebuild_text([{"sentence": "Hi there", "sentence_start": 0, "sentence_end": 8,
    ...                "words": ["Hi", "there", "."], "index": [[0, 1], [3, 7], [8, 8]]},
    ...               {"sentence": "Bye", "sentence_start": 10, "sentence_end": 13}])
    'Hi there. Bye'
    """
    pieces: list[tuple[int, str]] = []
    for row in rows:
        start = int(row["sentence_start"])
        pieces.append((start, str(row["sentence"])))
        length = len(row["sentence"])
        for word, (first, last) in zip(row.get("words") or [], row.get("index") or [],
                                       strict=False):  # fmt: skip
            if int(last) - start >= length:  # the final punctuation the string leaves out
                pieces.append((int(first), str(word)[: int(last) - int(first) + 1]))
    size = max(s + len(t) for s, t in pieces) if pieces else 0
    chars = [""] * size
    for start, text in pieces:
        for i, char in enumerate(text.replace("\r", " ")):
            chars[start + i] = char
    out, gap = [], 0
    for char in chars + ["x"]:
        if char == "":
            gap += 1
            continue
        if gap:
            out.append(" " if gap == 1 else "\n" + " " * (gap - 1))
            gap = 0
        out.append(char)
    return "".join(out[:-1])


def read_gold(folder: str | Path) -> list[Article]:
    """The articles of an m2e2 folder, with their sentences in order.

    Raises ``OSError`` when ``text_only_event.json`` cannot be read and
    ``ValueError`` when a file is not a list of sentences.
    """
    folder = Path(folder)
    rows: dict[str, dict[str, Any]] = {}
    # sentence id -> (type, trigger start, end) -> (the mention, the row it is in)
    mentions: dict[str, dict[tuple[Any, ...], tuple[dict[str, Any], dict[str, Any]]]] = {}
    for name in FILES:
        path = folder / name
        if name != FILES[0] and not path.exists():
            continue
        for row in _read_sentences(path):
            sid = str(row["sentence_id"])
            rows.setdefault(sid, row)
            for m in row.get("golden-event-mentions") or []:
                trigger = m.get("trigger") or {}
                key = (m.get("event_type"), trigger.get("start"), trigger.get("end"))
                mentions.setdefault(sid, {}).setdefault(key, (m, row))
    by_article: dict[str, list[str]] = {}
    for sid in rows:
        by_article.setdefault(sid.rsplit("_", 1)[0], []).append(sid)
    articles = []
    for article_id, sids in sorted(by_article.items()):
        ordered = sorted(sids, key=lambda s: int(rows[s]["sentence_start"]))
        sentences = []
        for sid in ordered:
            row, gold, other, killings = rows[sid], {}, [], []
            for m, source in mentions.get(sid, {}).values():
                ace = str(m.get("event_type"))
                other.append(ace)
                label = ACE_TO_LABEL.get(ace)
                trigger = str((m.get("trigger") or {}).get("text"))
                if label:
                    gold.setdefault(label, []).append(trigger)
                elif ace == KILLING and names_killer(m, source):
                    killings.append(trigger)
            sentences.append(Sentence(sid, article_id, int(row["sentence_start"]),
                                      int(row["sentence_end"]), str(row["sentence"]), gold,
                                      sorted(set(other)), killings))  # fmt: skip
        text = rebuild_text([rows[s] for s in ordered])
        articles.append(Article(article_id, published(article_id), text, sentences))
    return articles


def found_events(events: list[Event]) -> list[Found]:
    """Dossier's events (all of them, ``keep_political`` not applied) as ``Found``,
    each marked with its ``political`` field."""
    out = []
    for e in events:
        anchor = e.trigger or e.evidence
        trigger = e.trigger.text if e.trigger else ""
        after = e.evidence.text[max(0, anchor.start - e.evidence.start):][:WORDS_AFTER]
        out.append(Found(label_of(e.type, e.mode), e.type, e.mode, trigger, anchor.start,
                         e.political, after))  # fmt: skip
    return out


def predict(
    articles: Sequence[Article], progress: Any = None
) -> tuple[dict[str, list[Found]], dict[str, str]]:
    """Run Dossier on each article; (events by article id, error by failed article id).

    ``progress``, when given, wraps the iteration (e.g. ``rich.progress.track``).
    """
    from dossier.ingest import Article as Input
    from dossier.ingest import IngestError, load_document
    from dossier.pipeline import process_many

    documents, ids, failed = [], {}, {}
    for article in articles:
        try:
            document = load_document(
                Input(text=article.text, published=article.published, origin=article.id),
                check_language=False,
            )
        except IngestError as error:
            failed[article.id] = str(error)
            continue
        ids[id(document)] = article.id
        documents.append(document)
    results = process_many(documents, political_only=False)
    if progress is not None:
        results = progress(results, total=len(documents))
    found: dict[str, list[Found]] = {}
    for document, result in results:
        article_id = ids[id(document)]
        if isinstance(result, Exception):
            failed[article_id] = f"{type(result).__name__}: {result}"
        else:
            found[article_id] = found_events(result.events)
    return found, failed


def place(sentences: Sequence[Sentence], found: Iterable[Found]) -> dict[str, list[Found]]:
    """The events of one article by the id of the gold sentence they are in
    (``""`` for those that begin between sentences)."""
    starts = [s.start for s in sentences]
    out: dict[str, list[Found]] = {}
    for event in found:
        i = bisect_right(starts, event.start) - 1
        inside = i >= 0 and event.start <= sentences[i].end
        out.setdefault(sentences[i].id if inside else "", []).append(event)
    return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _by_article(
    sentences: Sequence[Sentence], found: dict[str, list[Found]], political_only: bool
) -> Iterable[tuple[list[Sentence], dict[str, list[Found]]]]:
    """Each article's sentences, and its events placed in them (``place``)."""
    groups: dict[str, list[Sentence]] = {}
    for s in sentences:
        groups.setdefault(s.article, []).append(s)
    for article_id, group in groups.items():
        events = [e for e in found.get(article_id, []) if e.political or not political_only]
        yield group, place(group, events)


# ACE's Justice subtypes m2e2 does not annotate (Sentence, Convict, Charge-Indict,
# Trial-Hearing): a COERCE arrest whose trigger is one of these, or whose words name a trial
SENTENCING = re.compile(r"sentenc|convict|indict|charg", re.IGNORECASE)
# "go on trial", "put him on trial", "brought to trial", "stood trial", "faces trial"
TRIAL = re.compile(r"^(?:\w+(?:\s+\w+){0,2}?\s+(?:on|to)|stand|stood|stands|standing|face|"
                   r"faced|faces|facing)\s+trial\b", re.IGNORECASE)
WORDS_AFTER = 40
MOVEMENT_MODES = frozenset(["visit"])  # ACE Movement:Transport, not Contact:Meet (docstring)
VIOLENT_MODES = frozenset(["riot"])  # ACE Conflict:Attack as well as Demonstrate


def _labels(events: Iterable[Found], guidelines: bool = True) -> set[str]:
    """The scored labels of some events; with ``guidelines``, a COERCE arrest that
    is a sentencing, a conviction, a charge or a trial is left out (module docstring).

    >>> sentenced = Found("COERCE/arrest", "COERCE", "arrest", "sentenced", 0, True)
    >>> _labels([sentenced]), _labels([sentenced], guidelines=False)
    (set(), {'COERCE/arrest'})
    >>> tried = Found("COERCE/arrest", "COERCE", "arrest", "go", 0, True, "go on trial Monday")
    >>> _labels([tried])
    set()
    """
    labels = {
        e.label for e in events
        if e.label and not (guidelines and (
            e.label == "COERCE/arrest" and (SENTENCING.match(e.trigger) or TRIAL.match(e.words))
            or e.label == "CONSULT" and e.mode in MOVEMENT_MODES))
    }  # fmt: skip
    if guidelines and any(e.label == "PROTEST" and e.mode in VIOLENT_MODES for e in events):
        labels.add("ASSAULT")  # a riot is a violent act too (module docstring)
    return labels


def score(
    sentences: Sequence[Sentence],
    found: dict[str, list[Found]],
    *,
    political_only: bool = False,
    guidelines: bool = True,
) -> dict[str, Any]:
    """Per-type precision, recall and F1 over (sentence, type) pairs, and their macro-F1.

    ``found`` holds every event by article id, all of which are scored (event
    detection); ``political_only`` keeps only those ``keep_political`` keeps,
    as ``dossier events`` shows by default; ``guidelines`` counts a
    Life:Die that names a killer or weapon as ASSAULT (``Sentence.labels``) and
    leaves a sentencing unscored (``_labels``), as the module docstring says.
    """
    counts = {label: {"tp": 0, "fp": 0, "fn": 0} for label in LABELS}
    articles = outside = 0
    for group, placed in _by_article(sentences, found, political_only):
        articles += 1
        outside += sum(1 for e in placed.get("", []) if e.label)
        for s in group:
            gold = s.labels(killings=guidelines)
            predicted = _labels(placed.get(s.id, []), guidelines)
            for label in LABELS:
                if label in gold and label in predicted:
                    counts[label]["tp"] += 1
                elif label in predicted:
                    counts[label]["fp"] += 1
                elif label in gold:
                    counts[label]["fn"] += 1
    per_type = {}
    for label, c in counts.items():
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        recall = _ratio(c["tp"], c["tp"] + c["fn"])
        f1 = _ratio(2 * precision * recall, precision + recall)
        per_type[label] = {
            "gold": c["tp"] + c["fn"],
            "predicted": c["tp"] + c["fp"],
            **c,
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
        }
    present = [v["f1"] for v in per_type.values() if v["gold"] or v["predicted"]]
    return {
        "articles": articles,
        "sentences": len(sentences),
        "macro_f1": round(sum(present) / len(present), 4) if present else 0.0,
        "per_type": per_type,
        "outside_sentences": outside,
    }


def evaluate(articles: Sequence[Article], found: dict[str, list[Found]]) -> dict[str, Any]:
    """The figures on all articles and on each half, for every detected event (the
    headline), and for the political ones only (``political_only``)."""
    sentences = [s for a in articles for s in a.sentences]
    parts = {h: [s for s in sentences if half(s.article) == h] for h in HALVES}
    parts["all"] = sentences
    figures = score(sentences, found)
    figures["headline"] = HEADLINE
    figures["halves"] = {h: score(parts[h], found) for h in HALVES}
    # the plain type mapping, as first scored: Attack alone, every COERCE arrest
    plain = {h: score(parts[h], found, guidelines=False) for h in ("all", *HALVES)}
    figures["plain_mapping"] = {
        "macro_f1": plain["all"]["macro_f1"],
        "per_type": plain["all"]["per_type"],
        "halves": {h: {"macro_f1": plain[h]["macro_f1"], "per_type": plain[h]["per_type"]}
                   for h in HALVES},
    }  # fmt: skip
    political = {h: score(parts[h], found, political_only=True) for h in ("all", *HALVES)}
    figures["political_only"] = {
        "macro_f1": political["all"]["macro_f1"],
        "per_type": political["all"]["per_type"],
        "halves": {h: {"macro_f1": political[h]["macro_f1"],
                       "per_type": political[h]["per_type"]} for h in HALVES},
    }  # fmt: skip
    figures["with_nonpolitical"] = {  # the headline, under its earlier key
        "macro_f1": figures["macro_f1"],
        "per_type": figures["per_type"],
        "halves": {h: {"macro_f1": figures["halves"][h]["macro_f1"],
                       "per_type": figures["halves"][h]["per_type"]} for h in HALVES},
    }  # fmt: skip
    return figures


HEADLINE = ("every detected event, political or not (political_only: the events "
            "'dossier events' shows by default)")


def errors(
    articles: Sequence[Article], found: dict[str, list[Found]], n: int,
    *, political_only: bool = False,
) -> dict[str, Any]:
    """Up to ``n`` false positives and ``n`` false negatives of the tune half, as the
    headline counts them (every event; ``political_only`` for the political ones),
    taken in turn from each type (in article order within a type).

    Dossier's events are listed with ``(not political)`` after those whose
    ``political`` field is false; with ``political_only``, a false negative lists
    under ``dropped_nonpolitical`` the triggers of events of its type that Dossier
    found in the sentence but that are not political."""
    fps: dict[str, list[dict[str, Any]]] = {label: [] for label in LABELS}
    fns: dict[str, list[dict[str, Any]]] = {label: [] for label in LABELS}
    sentences = [s for a in articles if half(a.id) == "tune" for s in a.sentences]
    for group, placed in _by_article(sentences, found, political_only=False):
        for s in group:
            every = placed.get(s.id, [])
            events = [e for e in every if e.political or not political_only]
            gold, predicted = s.labels(), _labels(events)
            dossier = [f"{e.type}{'/' + e.mode if e.mode else ''} {e.trigger!r}"
                       f"{'' if e.political else ' (not political)'}" for e in events]
            row = {"sentence": s.id, "text": s.text, "gold_ace": s.other, "dossier": dossier}
            for label in sorted(predicted - gold):
                triggers = [e.trigger for e in events if e.label == label]
                fps[label].append({"type": label, "trigger": triggers, **row})
            for label in sorted(gold - predicted):
                dropped = [e.trigger for e in every if e.label == label and not e.political]
                fns[label].append({"type": label, "trigger": s.gold.get(label, s.killings), **row,
                                   **({"dropped_nonpolitical": dropped} if political_only
                                      else {})})  # fmt: skip
    return {"half": "tune", "counts": "political events" if political_only else "every event",
            "false_positives": _round_robin(fps, n),
            "false_negatives": _round_robin(fns, n)}  # fmt: skip


def _round_robin(rows: dict[str, list[dict[str, Any]]], n: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for group in zip_longest(*rows.values()):
        out += [row for row in group if row is not None]
    return out[:n]
