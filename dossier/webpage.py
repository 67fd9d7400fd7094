"""HTML pages: the article text, title, date, URL and site name, by trafilatura.

The text has one paragraph per line; when trafilatura finds nothing (very
short pages), the page's own <h1> and <p> elements are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.article import IngestError


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None  # og:site_name and the like


def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # the publication date comes from the page's metadata and URL, never from
    # a date mentioned in the article body
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


_CONFIG: Any = None


def extract_html(html: str, url: str | None = None) -> Page:
    """The article text, title, date and canonical URL of an HTML page.

    The text has one paragraph per line; comments and tables are left out.
    When trafilatura finds nothing (very short pages), the page's own
    paragraphs are used. Raises ``IngestError`` when there is no text.
    """
    global _CONFIG
    import trafilatura

    if _CONFIG is None:
        _CONFIG = _trafilatura_config()
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            config=_CONFIG,
        )
    except Exception:  # trafilatura/lxml on a hopeless page: treat as no text
        result = None
    text = (getattr(result, "text", None) or "") if result is not None else ""
    if not text.strip():
        text = _paragraphs(html)
    if not text.strip():
        raise IngestError("no article text found in HTML")
    if result is None:
        return Page(text=text)
    return Page(
        text=text,
        title=getattr(result, "title", None) or None,
        date=getattr(result, "date", None) or None,
        url=getattr(result, "url", None) or None,
        sitename=getattr(result, "sitename", None) or None,
    )


def _paragraphs(html: str) -> str:
    """The text of the <h1> and <p> elements of a page (fallback for short pages)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html.encode("utf-8"))
    except Exception:  # empty or unparsable markup
        return ""
    lines = []
    for element in root.iter("h1", "p"):
        line = " ".join(element.text_content().split())
        if line:
            lines.append(line)
    return "\n".join(lines)
