"""Loading: an ``Article`` becomes a ``Document`` (text, title, date, id, outlet,
boilerplate), or ``IngestError`` says why it cannot.

>>> document = load_document(Article(text="Russia sent jets to Serbia.", published="12 Dec 2024"))
>>> (document.published, document.published_source, document.id == document_id(document.text))
('2024-12-12', 'given', True)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import hashlib
import re

from dossier.article import DEFAULT_MAX_BYTES, Article, IngestError, too_large
from dossier.boilerplate import find_boilerplate
from dossier.language import english_problem
from dossier.models import Document
from dossier.program_code import find_code
from dossier.provenance import headline, outlet_of_url
from dossier.published import find_published
from dossier.webpage import extract_html

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])")
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A, %B %d, %Y",
    "%d.%m.%Y",
)


def normalize_date(value: str) -> str:
    """A publication date as YYYY-MM-DD; ``IngestError`` when it cannot be read.

    The day is the one written (a time zone does not move it).

    >>> normalize_date("2024-12-12T23:30:00-05:00"), normalize_date("12 December 2024")
    ('2024-12-12', '2024-12-12')
    >>> normalize_date("Thu, 12 Dec 2024 10:00:00 GMT")
    '2024-12-12'
    >>> try:
    ...     normalize_date("2024-13-45")
    ... except IngestError as error:
    ...     print(error.reason)
    bad published date: '2024-13-45' (expected YYYY-MM-DD)
    """
    raw = value.strip()
    bad = IngestError(f"bad published date: {value!r} (expected YYYY-MM-DD)")
    match = _ISO_DAY.match(raw)
    if match:
        try:
            return dt.date(*(int(part) for part in match.groups())).isoformat()
        except ValueError:
            raise bad from None
    try:
        return email.utils.parsedate_to_datetime(raw).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = " ".join(raw.replace(".", " ").split()) if not raw[:1].isdigit() else raw
    for pattern in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    raise bad


# --- is it English? -------------------------------------------------------------


def document_id(text: str) -> str:
    """The content-hash id of a document: the same text always gets the same id.

    >>> document_id("Russia will supply jets.") == document_id("Russia will supply jets.")
    True
    >>> len(document_id("Russia will supply jets.")), document_id("x")[:4]
    (20, 'doc_')
    """
    return "doc_" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _check_size(text: str, max_bytes: int, source: str) -> None:
    # a str holds at most 4 bytes of UTF-8 per character: skip the encoding
    # when it cannot be over the limit
    if len(text) * 4 > max_bytes:
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            raise IngestError(too_large(size, max_bytes), source)


def load_document(
    article: Article, *, max_bytes: int = DEFAULT_MAX_BYTES, check_language: bool = True
) -> Document:
    """Turn an ``Article`` into a ``Document``, or raise ``IngestError`` saying why not.

    Plain text is kept as it is, with line breaks normalised to "\\n" (the
    offsets of every later stage index this text). HTML goes through
    trafilatura: the article text with one paragraph per line, and the
    page's title and date where the article does not give them. Without a
    date given or in the page's metadata, the date the text itself gives
    ("Published: ...", a dateline, a date line at the top: see
    ``dossier.published``) is used. ``published_source`` says which: "given",
    "html", "text", or "none". The id is a hash of the text; ``removed``
    lists the boilerplate lines and the runs of program code a page left in
    the text (``dossier.program_code``).

    Provenance (``dossier.provenance``): a text without a given title takes
    its first line when that reads as a headline; ``origin`` is where the
    article was read from; ``outlet`` is the one given, else the URL's
    registered domain, else the page's site name, else the folder's name
    (``outlet_source`` says "given", "url", "html" or "folder").
    """
    source = article.origin
    title, url = article.title, article.url
    sitename = None
    published = article.published if article.published and article.published.strip() else None
    published_source = "given" if published else None
    if article.text is not None and (article.html is None or article.text.strip()):
        fmt = "text"
        _check_size(article.text, max_bytes, source)
        text = article.text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise IngestError("empty text", source)
        title = title or headline(text)
    elif article.html is not None:
        fmt = "html"
        _check_size(article.html, max_bytes, source)
        if not article.html.strip():
            raise IngestError("empty HTML", source)
        try:
            page = extract_html(article.html, url=url)
        except IngestError as error:
            raise IngestError(error.reason, source) from None
        text = page.text.replace("\r\n", "\n").replace("\r", "\n")
        title = title or page.title or headline(text)
        url = url or page.url
        sitename = page.sitename
        if published is None and page.date:
            with contextlib.suppress(IngestError):  # an unreadable page date is left out
                published, published_source = normalize_date(page.date), "html"
    else:
        raise IngestError("no text or html given", source)
    if "\x00" in text:
        raise IngestError("binary text (NUL characters)", source)
    if not re.search(r"[^\W\d_]{2}", text):
        raise IngestError("no words in the text", source)
    if published is not None:
        try:
            published = normalize_date(published)
        except IngestError as error:
            raise IngestError(error.reason, source) from None
    else:
        found = find_published(text)
        if found is not None and found.date is not None:
            published, published_source = found.date.isoformat(), "text"
    if check_language:
        problem = english_problem(text)
        if problem:
            raise IngestError(problem, source)
    outlet, outlet_source = _outlet(article.outlet, url, sitename, article.folder)
    return Document(
        id=document_id(text),
        text=text,
        title=(" ".join(title.split()) or None) if title else None,
        url=url,
        published=published,
        removed=sorted(find_boilerplate(text) + find_code(text), key=lambda span: span.start),
        format=fmt,
        published_source=published_source or "none",
        language="en" if check_language else None,
        origin=None if source == Article.origin else source,
        outlet=outlet,
        outlet_source=outlet_source,
    )


def _outlet(
    given: str | None, url: str | None, sitename: str | None, folder: str | None
) -> tuple[str | None, str | None]:
    """(outlet, where it came from): as given, else the URL's registered domain, else
    the HTML page's site name, else the folder the file was read from.

    >>> _outlet(None, "https://www.reuters.com/world/x", None, "downloads")
    ('reuters.com', 'url')
    >>> _outlet(None, None, None, "bbc"), _outlet(None, None, None, None)
    (('bbc', 'folder'), (None, None))
    """
    for value, kind in ((given, "given"), (outlet_of_url(url), "url"),
                        (sitename, "html"), (folder, "folder")):  # fmt: skip
        if value and value.strip():
            return " ".join(value.split()), kind
    return None, None
