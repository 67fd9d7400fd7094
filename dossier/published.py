"""The publication date an article's own text gives, and the run's fallbacks.

News text says when it was published in a few common layouts, all near the
top (a labelled line may also close the article):

- a labelled line: "Published: 12 December 2024", "Updated: Dec 12, 2024
  10:30 AM ET", "Posted on December 12, 2024 by admin", "By Jane Doe |
  Published 12 December 2024" (the label opens the line or follows a
  separator, so "the report, published on 12 December 2024," in a sentence is
  not one);
- a dateline opening the story: "WASHINGTON, Dec. 12, 2024 (Reuters) -",
  "LONDON, 12 December 2024 —"; a wire dateline often has no year
  ("WASHINGTON, Dec. 12 (Reuters) -"): its day and month are kept, and the
  year is left to be guessed (``Found.year`` is None);
- a date opening a line before a separator: "12 December 2024 | Jane Doe";
- a date alone on a line near the top: "Thursday 12 December 2024 10.30 GMT".

A publication line ("Published", "Posted") wins over an update line
("Updated"), both over a dateline, a date line or a date alone.  Numeric days
("12/11/2024") are read only where day and month cannot be swapped.

>>> found = find_published("Jets for troops\\nPublished: 12 December 2024\\nRussia agreed ...")
>>> (found.date, found.text, found.rule)
(datetime.date(2024, 12, 12), '12 December 2024', 'published line')
>>> find_published("WASHINGTON, Dec. 12 (Reuters) - Russia agreed ...").year is None
True
>>> print(find_published("The report, published on 12 December 2024, found that ..."))
None

``fill_published`` gives a document without a date of its own the date of the
run (``--published``) or of its file (``--published-from mtime``) and says so
in ``published_source``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.models import Document
from dossier.resolve.dates.tables import MONTH_ABBRS, MONTH_NAMES, MONTH_NUM

__all__ = ["Found", "find_published", "fill_published", "file_date"]

# a month's name or abbreviation ("December", "Dec.", "Sept"), from the date resolver's table
_MONTH = rf"(?P<mon>{'|'.join(sorted(MONTH_NAMES + MONTH_ABBRS, key=len, reverse=True))})\.?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?|[A-Z][a-z]+day),?\s+"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# the forms of a day with its year, each giving the groups day, mon or num, year
_FULL_FORMS = (
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 12 December 2024
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # December 12, 2024
    rf"{_YEAR}[-/.](?P<num>[01]?\d)[-/.]{_DAY}",  # 2024-12-12, 2024/12/12
    rf"(?P<num>[0-3]?\d)[/.]{_DAY}[/.]{_YEAR}",  # 12/12/2024: only when unambiguous
)
_YEARLESS_FORMS = (rf"{_MONTH}\s+{_DAY}", rf"{_DAY}\s+{_MONTH}")  # Dec. 12, 12 Dec
_END = r"(?:(?=T\d\d:)|(?![\w/-]))"  # a word ends the date; "2024-12-12T10:00" too
_FULL = [re.compile(rf"(?:{_WEEKDAY})?{form}{_END}", re.IGNORECASE) for form in _FULL_FORMS]
_YEARLESS = [re.compile(rf"{form}{_END}", re.IGNORECASE) for form in _YEARLESS_FORMS]
# a clock time and zone after the date: "10:30 GMT", ", 10.30am ET", "at 9:00 p.m. EST"
_TIME = re.compile(
    r"T\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?|"
    r"[\s,|–—-]*(?:at\s+)?\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d\d)?)\)?)?",
    re.IGNORECASE,
)

_PUBLISHED_LABEL = r"(?:first\s+)?(?:published|posted|filed|dated|date)(?:\s+on)?"
_UPDATED_LABEL = r"(?:last\s+)?(?:updated|modified)(?:\s+on)?"
# a label opening the line or following a separator ("By Jane Doe | Published ...")
_LABEL = re.compile(
    rf"(?:^|[|•·–—]\s*|\s-\s+)(?:(?P<published>{_PUBLISHED_LABEL})|(?P<updated>{_UPDATED_LABEL}))"
    r"\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# "WASHINGTON, Dec. 12 (Reuters) -", "Kyiv, Ukraine, 12 December 2024 —", "Dec 12 (AP) -"
_DATELINE_PLACE = re.compile(r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s*){1,2}")
_DATELINE_END = re.compile(
    r"\s*(?:\((?:[A-Z][\w&.' -]{0,30})\)|/[A-Z][\w ]{0,20}/)?\s*(?:-{1,2}|–|—|:)\s"
)
_SEPARATOR_AFTER = re.compile(r"\s*[|•·–—]|\s+-\s")
_BYLINE = re.compile(r"By\s+[^|•·,\n]{2,60}(?:[|•·,]\s*|\s+-\s+|\s+on\s+)", re.IGNORECASE)

HEAD_LINES = 8  # non-blank lines at the top where a date line or dateline is looked for
LABEL_LINES = 20  # lines at the top where a labelled line is looked for
TAIL_LINES = 5  # and at the end ("Published: 2005/03/14 12:00:00 GMT" under a story)
MAX_LINE = 200  # a longer line is a paragraph, not a date line


@dataclass(frozen=True)
class Found:
    """A publication date written in the text: ``year`` is None for a wire
    dateline without one; ``start``/``end`` index the text."""

    year: int | None
    month: int
    day: int
    text: str
    start: int
    end: int
    rule: str  # published line, updated line, dateline, date line, byline, date alone

    @property
    def date(self) -> dt.date | None:
        """The day, when the year is written."""
        return dt.date(self.year, self.month, self.day) if self.year is not None else None


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of ``text``."""
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, line))
        at += len(line) + 1
    return out


def _found(m: re.Match[str], offset: int, rule: str, year: bool = True) -> Found | None:
    """A ``Found`` from a match of one of the date forms, None when it is no day.

    Numbers without a month name are year-month-day when the year comes first,
    else month/day/year or day/month/year, whichever is a date; when both are
    ("11/12/2024"), the day is unknown.
    """
    groups = m.groupdict()
    day = int(groups["day"])
    if groups.get("mon"):
        month = MONTH_NUM[groups["mon"].lower().rstrip(".")[:3]]
    else:
        month = int(groups["num"])
        day_first = m.start("num") < m.start("year")
        if day_first and month > 12:
            day, month = month, day
        elif day_first and day <= 12 and day != month:
            return None
    number = int(groups["year"]) if year and groups.get("year") else None
    try:
        dt.date(number or 2000, month, day)
    except ValueError:
        return None
    return Found(number, month, day, m.group(), offset + m.start(), offset + m.end(), rule)


def _date_at(line: str, at: int, offset: int, rule: str, yearless: bool = False) -> Found | None:
    """A date starting at ``line[at]`` (a full one, else with ``yearless`` a day and month)."""
    for pattern in _FULL:
        m = pattern.match(line, at)
        if m:
            return _found(m, offset, rule)
    if yearless:
        for pattern in _YEARLESS:
            m = pattern.match(line, at)
            if m:
                return _found(m, offset, rule, year=False)
    return None


def _labelled(line: str, offset: int) -> Found | None:
    for label in _LABEL.finditer(line):
        word = label.group("published") or label.group("updated")
        if label.start() > 0 and word[0].islower():
            continue  # "the figures - published on 12 May 2005 - show": a sentence
        rule = "published line" if label.group("published") else "updated line"
        at = label.end()
        clock = _TIME.match(line, at)  # "Updated 10:30 AM ET, Thu December 12, 2024"
        if clock and clock.group().strip():
            at = len(line) - len(line[clock.end() :].lstrip(" ,|–—-"))
        found = _date_at(line, at, offset, rule)
        if found is not None:
            return found
    return None


def _dateline(line: str, offset: int) -> Found | None:
    place = _DATELINE_PLACE.match(line)
    at = place.end() if place else 0
    found = _date_at(line, at, offset, "dateline", yearless=True)
    if found is None:
        return None
    end = found.end - offset
    time = _TIME.match(line, end)
    if _DATELINE_END.match(line, time.end() if time else end):
        return found
    if place is None and found.year is not None and _SEPARATOR_AFTER.match(line, end):
        return Found(found.year, found.month, found.day, found.text, found.start,
                     found.end, "date line")  # fmt: skip
    return None


def _alone(line: str, offset: int) -> Found | None:
    """A line that is only a date (with a weekday, a time, a zone)."""
    stripped = line.rstrip(" .")
    lead = len(line) - len(line.lstrip())
    byline = _BYLINE.match(line, lead)
    at = byline.end() if byline else lead
    found = _date_at(line, at, offset, "byline" if byline else "date alone")
    if found is None:
        return None
    end = found.end - offset
    time = _TIME.match(line, end)
    rest = stripped[time.end() if time else end :]
    return found if not rest.strip() else None


def find_published(text: str) -> Found | None:
    """The publication date the text gives in one of the layouts above, or None.

    >>> find_published("Russia, Dec 12 (Reuters) - ...").rule
    'dateline'
    >>> f = find_published("By Jane Doe, Reuters | Updated: Dec. 12, 2024 10:30 AM ET\\n...")
    >>> (f.date.isoformat(), f.rule)
    ('2024-12-12', 'updated line')
    >>> f = find_published("Title\\n\\nPosted on 2024/12/11 by admin\\n\\nUpdated 12 Dec 2024\\n")
    >>> (f.date.isoformat(), f.rule)
    ('2024-12-11', 'published line')
    >>> find_published("Thursday 12 December 2024 10.30 GMT\\nMoscow said ...").date
    datetime.date(2024, 12, 12)
    >>> print(find_published("Talks on 12 December 2024 ended.\\nMoscow said ..."))
    None
    """
    lines = _lines(text)
    labelled = [
        found
        for offset, line in lines[:LABEL_LINES] + lines[max(LABEL_LINES, len(lines) - TAIL_LINES) :]
        if len(line) <= MAX_LINE and (found := _labelled(line, offset)) is not None
    ]
    for rule in ("published line", "updated line"):
        for found in labelled:
            if found.rule == rule:
                return found
    head = [(offset, line) for offset, line in lines if line.strip()][:HEAD_LINES]
    yearless: Found | None = None
    for offset, line in head:
        lead = len(line) - len(line.lstrip())
        found = _dateline(line[lead:], offset + lead)
        if found is None and len(line) <= MAX_LINE:
            found = _alone(line, offset)
        if found is not None and found.year is not None:
            return found
        yearless = yearless or found
    return yearless


def file_date(timestamp: float) -> str:
    """The local day of a file's modification time, as YYYY-MM-DD.

    >>> import time
    >>> file_date(time.mktime((2024, 12, 12, 10, 0, 0, 0, 0, -1)))
    '2024-12-12'
    """
    return dt.datetime.fromtimestamp(timestamp).date().isoformat()


def fill_published(
    document: Document, modified: str | None, *, published: str | None = None,
    from_mtime: bool = False,
) -> Document:  # fmt: skip
    """Give ``document`` the run's date when it has none of its own.

    ``published`` (``--published``, already YYYY-MM-DD) comes first, then with
    ``from_mtime`` the file's date ``modified``; ``published_source`` says
    ``given`` or ``mtime``, and ``none`` when the document stays undated.

    >>> doc = Document(id="d", text="x", published_source="none")
    >>> fill_published(doc, "2024-12-11", from_mtime=True).published_source
    'mtime'
    >>> fill_published(Document(id="d", text="x"), None, from_mtime=True).published_source
    'none'
    """
    if document.published:
        return document
    if published:
        document.published, document.published_source = published, "given"
    elif from_mtime and modified:
        document.published, document.published_source = modified, "mtime"
    else:
        document.published_source = "none"
    return document
