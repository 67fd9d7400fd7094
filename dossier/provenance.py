"""Provenance: a document's title and outlet, where the input does not give them.

Two conventions, each documented here and in README's record table:

- **Title of plain text** (``headline``): the first non-empty line, when it
  reads as a headline rather than as the first sentence of the article: at
  most 20 words, more text follows it, it has letters, it does not end a
  sentence or a clause (no final ".", ",", ";", ":" or dash; "?", "!" and a
  teaser's ellipsis "..." are allowed), it does not end on a word that cannot end an English phrase
  ("the", "and", "of", ...: a hard-wrapped sentence), the next line does not
  continue it in lower case, and it is not a byline or a metadata line
  ("By ...", "Published: ...", a bare date).  Otherwise the text has no title.
- **Outlet** (``outlet_of_url``): the registered domain of the URL's host
  (``www.reuters.com`` -> ``reuters.com``, ``news.bbc.co.uk`` -> ``bbc.co.uk``),
  read with tldextract's bundled copy of the Public Suffix List (never
  fetched), private suffixes included (``x.blogspot.com`` stays itself); a
  host that has no registered domain (``localhost``, an IP address) is kept
  without its ``www.``.  Files without a URL take the name of the folder they
  were read from (``folder_outlet``: see ``dossier.ingest.read_articles``).

>>> headline("Labour plans maternity pay rise\\n\\nMaternity pay for new mothers is to rise.")
'Labour plans maternity pay rise'
>>> print(headline("Russia will supply jets to North Korea, officials said.\\nMore text."))
None
>>> outlet_of_url("https://www.reuters.com/world/europe/x"), outlet_of_url("http://news.bbc.co.uk/1/")
('reuters.com', 'bbc.co.uk')
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["MAX_HEADLINE_WORDS", "folder_outlet", "headline", "outlet_of_url"]

MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 200
HEAD_CHARS = 10_000  # where the headline and the line after it are looked for

# a headline does not end a sentence or a clause
_ENDS_CLAUSE = (".", ",", ";", ":", "-", "–", "—")
_CLOSING = "\"'”’»)]"
# words that cannot end an English phrase: the line goes on in the next one
_OPEN_ENDED = frozenset(
    "a an the and or but nor of to with from by for as than that which whose whom who"
    " its their his her our your my this these those is are was were be been has have had"
    " will would could should may might must shall can".split()
)
# bylines and metadata lines that come before an article's first sentence
_METADATA = re.compile(
    r"^(?:by\s|(?:published|updated|posted|filed|date|dateline|source|last\s+updated"
    r"|first\s+published|tags?|category|section|photo|image)\b\s*:?)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{2}")
_MONTH_OR_DAY = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)"
)
_BARE_DATE = re.compile(rf"^[\W\d_]*(?:{_MONTH_OR_DAY}[\W\d_]+)*\d{{4}}[\W\d_]*$", re.IGNORECASE)


def headline(text: str) -> str | None:
    """The first non-empty line of ``text`` when it reads as a headline, else None.

    >>> headline("Mido makes third apology\\n\\nAhmed 'Mido' Hossam has made another apology.")
    'Mido makes third apology'
    >>> headline("Is the ceasefire holding?\\nBoth sides said on Monday that it was.")
    'Is the ceasefire holding?'
    >>> print(headline("Russia has struck a deal with North Korea, agreeing to supply\\n"
    ...                "jets in exchange for troops."))
    None
    >>> print(headline("Published: 12 December 2024\\nRussia sent jets."))
    None
    >>> print(headline("Only one line, no article after it"))
    None
    """
    lines = iter(text[:HEAD_CHARS].splitlines())  # the top is enough, however long the text
    first = next((line.strip() for line in lines if line.strip()), "")
    rest = next((line.strip() for line in lines if line.strip()), "")
    if not first or not rest:
        return None
    words = first.split()
    if len(words) > MAX_HEADLINE_WORDS or len(first) > MAX_HEADLINE_CHARS:
        return None
    if not _LETTERS.search(first) or _METADATA.match(first) or _BARE_DATE.match(first):
        return None
    end = first.rstrip(_CLOSING)
    if end.endswith(_ENDS_CLAUSE) and not end.endswith(("...", "…")):
        return None
    if words[-1].lower().strip(_CLOSING) in _OPEN_ENDED:
        return None
    if rest[:1].islower():  # the sentence goes on in the next line
        return None
    return first


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """tldextract with its bundled Public Suffix List: no download, no cache folder."""
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


@lru_cache(maxsize=65536)
def outlet_of_url(url: str | None) -> str | None:
    """The outlet a URL belongs to: its registered domain, else its host without ``www.``.

    >>> outlet_of_url("https://edition.cnn.com/2024/12/12/x"), outlet_of_url("http://localhost:8000/a")
    ('cnn.com', 'localhost')
    >>> print(outlet_of_url("javascript:alert(1)"), outlet_of_url(None), outlet_of_url("not a url"))
    None None None
    """
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # a malformed URL (bad port, bad brackets)
        return None
    if not host:
        return None
    parts = _extractor()(host)
    domain = getattr(parts, "top_domain_under_public_suffix", None)
    if domain is None:  # tldextract before 5.3
        domain = parts.registered_domain
    return domain or host.removeprefix("www.")


def folder_outlet(folder: Path | str) -> str | None:
    """The outlet of files read from ``folder``: its name (``.`` is the current folder's).

    >>> folder_outlet("corpus/bbc/"), folder_outlet("/")
    ('bbc', None)
    """
    path = Path(folder)
    name = path.name or path.resolve().name
    return name or None
