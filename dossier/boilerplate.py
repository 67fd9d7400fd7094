"""Find the boilerplate lines that news sites wrap around an article.

Cross-links ("READ: ..."), donation appeals, "follow us" lines, newsletter
sign-ups, legal and navigation lines and photo credits are not part of the
report: an event extractor that read them would find "events" in the
headline of another story.  ``find_boilerplate`` marks such lines; the caller
keeps them in the text (offsets stay valid) and blanks them out for
extraction (``dossier.pipeline.masked_text``).

Every rule looks at one whole line, is anchored at its start (after bullets
and markdown emphasis) and needs a strong cue: a label followed by a colon
("READ:", "Sign up:"), a fixed phrase ("Please make a small donation",
"Follow us on Facebook") or a line that is nothing but a known label
("Advertisement").  Lines longer than a rule's cap are never removed, so an
article paragraph that merely mentions "subscribe" or "follow" stays.

>>> text = "Russia will supply jets.\\nREAD: Another story\\nSign up: Get our newsletter."
>>> [(s.reason, s.text) for s in find_boilerplate(text)]
[('cross-link', 'READ: Another story'), ('newsletter', 'Sign up: Get our newsletter.')]
>>> span = find_boilerplate(text)[0]
>>> text[span.start:span.end]
'READ: Another story'
>>> find_boilerplate("Russia will follow the agreement, officials said.")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.models import RemovedSpan

__all__ = ["RULES", "Rule", "classify_line", "find_boilerplate"]

# Bullets, arrows, quote marks of markdown and emphasis that may open a line.
_LEAD = re.compile(r"^[\s\u00a0•·●▪■►▶▸»>|#*_~\-–—]*")

_NETWORKS = (
    r"(?:Facebook|Twitter|X|Instagram|Telegram|LinkedIn|YouTube|TikTok|Threads|Bluesky|"
    r"Mastodon|WhatsApp|Pinterest|Reddit|Snapchat|Google News|Flipboard|Truth Social|Gettr|"
    r"Rumble|Substack|Apple News)"
)
_AGENCIES = (
    r"(?:Getty Images|Getty|AFP|Reuters|AP|AP Photo|EPA(?:-EFE)?|EFE|Shutterstock|Alamy|"
    r"Bloomberg|Xinhua|Anadolu(?: Agency)?|Sputnik|TASS|Yonhap|KCNA|Pool|"
    r"PA(?: Images| Media| Wire)?|"
    r"SIPA|Sipa USA|NurPhoto|Zuma(?: Press)?|Abaca|ANI|IANS|Wikimedia Commons|Wikipedia|"
    r"iStock(?:photo)?|Unsplash|Pexels|Handout|U\.S\. Army|U\.S\. Navy|US Army|US Navy|DVIDS|"
    r"Press Association|Associated Press|Ministry of Defen[cs]e)"
)


@dataclass(frozen=True)
class Rule:
    """One boilerplate pattern: matched against a line stripped of its lead."""

    reason: str
    pattern: re.Pattern[str]
    max_len: int  # lines longer than this (stripped) never match the rule
    # the rule is tried only on lines holding one of these (lower case): a
    # cheap test in front of patterns that search the whole line
    cues: tuple[str, ...] = ()


def _rule(
    reason: str,
    pattern: str,
    max_len: int,
    flags: int = re.IGNORECASE,
    cues: tuple[str, ...] = (),
) -> Rule:
    return Rule(reason, re.compile(pattern, flags), max_len, cues)


# A label such as "READ MORE" must be followed by one of these and then text.
_SEP = r"\s*(?::|\||»|>>|–|—|-\s)\s*\S"

RULES: tuple[Rule, ...] = (
    # --- cross-links to other stories ---------------------------------------
    _rule(
        "cross-link",
        r"^[(\[]?(?:read|read more|read also|also read|read next|see also|related|related story|"
        r"related stories|related articles?|related content|related coverage|related news|"
        r"related reading|recommended|recommended reading|more on this|more on this story|"
        r"more from \w[\w .'-]{0,40}|more reading|further reading|don'?t miss|must read|"
        r"trending|top stories|editor'?s picks?|latest|watch|watch now|listen|"
        r"explainer|in depth|in pictures|video)" + _SEP,
        240,
    ),
    _rule(
        "cross-link",
        r"^(?:related articles?|related stories|related content|related coverage|related links|"
        r"related topics|related news|related|read more|read next|more stories|more news|"
        r"more on this story|you may also like|you might also like|recommended(?: for you)?|"
        r"most popular|most read|trending(?: now)?|top stories|more from this section|"
        r"also in the news|editor'?s picks?|what to read next|keep reading|continue reading)"
        r"\s*[:.…]*$",
        60,
    ),
    _rule("cross-link", r"^(?:click|tap) here (?:to|for)\b", 240),
    # --- donation appeals ------------------------------------------------------
    _rule(
        "donation appeal",
        r"^(?:(?:please\s+)?consider\s+making|(?:please\s+)?make)\s+an?\s+(?:[\w-]+\s+){0,4}"
        r"(?:donation|contribution|gift)\b",
        400,
    ),
    _rule(
        "donation appeal",
        r"^(?:please\s+)?(?:consider\s+)?(?:donate|support|chip in)\s+(?:to\s+)?"
        r"(?:us\b|our\s+(?:[\w-]+\s+){0,2}(?:journalism|reporting|work|newsroom|mission)|"
        r"(?:independent|quality|local|free|investigative|public[- ]interest)\s+(?:[\w-]+\s+)?"
        r"(?:journalism|media|news|reporting))",
        400,
    ),
    _rule(
        "donation appeal",
        r"^(?:become|join as) an? (?:member|patron|supporter|subscriber|donor|sustaining member)\b",
        300,
    ),
    _rule("donation appeal", r"^(?:donate|donate now|donate today|donate here|support us)\W*$", 40),
    _rule("donation appeal", r"^(?:please\s+)?(?:consider\s+)?donate\s+to\s+(?:us|our|the)\b", 300),
    _rule(
        "donation appeal",
        r"^(?:if you (?:value|like|enjoy|appreciate|rely on|found)|we (?:need|rely on) your|"
        r"help us (?:keep|continue|sustain|fund)|your (?:support|contribution|donation) "
        r"(?:helps|enables|keeps|makes|allows))\b.{0,300}"
        r"\b(?:donat\w*|contribut\w*|support\w*|patron\w*|subscri\w*|membership)\b",
        400,
    ),
    # --- social media --------------------------------------------------------
    _rule("social", r"^connect with us\b", 240),
    _rule(
        "social",
        r"^(?i:please\s+)?(?i:follow|like|join|find|watch|subscribe to)\s+"
        r"(?i:us|@\w+|our [\w .'-]{1,40}?|the [\w .'-]{1,60}?|[A-Z][\w .'-]{0,60}?)\s+"
        r"(?i:on|at|via)\s+(?i:our\s+)?" + _NETWORKS + r"\b",
        240,
        0,
    ),
    _rule(
        "social",
        r"^(?i:follow|like|join) (?i:us|our)\b.{0,60}\b" + _NETWORKS + r"\b",
        240,
        0,
    ),
    _rule(
        "social",
        r"^(?:share|post|tweet|send)\s+(?:this|the)\s+(?:article|story|post|page|report|video)\b",
        120,
    ),
    _rule("social", r"^(?:share|post) (?:it )?(?:on|via|to) " + _NETWORKS + r"\b", 120),
    _rule("social", r"^share(?: this)?(?:\s*[:|]\s*.*)?$", 80),
    _rule(
        "social",
        r"^(?:(?:share|tweet|email|print|copy link|facebook|twitter|x|linkedin|whatsapp|"
        r"pinterest|reddit|telegram|messenger)[\s|,/•·]*){2,}$",
        80,
    ),
    # --- newsletters -----------------------------------------------------------
    _rule("newsletter", r"^(?:sign up|subscribe|newsletter|get our newsletter)\s*:\s*\S", 240),
    _rule(
        "newsletter",
        r"^(?:please\s+)?(?:sign up|subscribe|register|opt in)\s+(?:now\s+)?(?:to|for)\s+"
        r"(?:our|the|a|this)\b.{0,80}?\b(?:newsletters?|e-?mails?|alerts?|briefings?|digest|"
        r"updates|bulletin)\b",
        240,
    ),
    _rule(
        "newsletter",
        r"^(?:get|receive|have) (?:the |our )?(?:latest|top|best|breaking|daily|weekly|"
        r"free|morning|evening)\b.{0,100}?\b(?:to|in|into) your inbox\b",
        240,
    ),
    _rule(
        "newsletter",
        r"^(?:sign up|subscribe)(?: now| here| today)?\W*$|^(?:enter your e-?mail(?: address)?|"
        r"want more stories like this|want the latest)\b",
        120,
    ),
    # --- navigation and advertising -----------------------------------------
    _rule(
        "navigation",
        r"^(?:advertisement|advertising|ad|sponsored|sponsored content|paid content|"
        r"paid partnership|story continues below(?: this)? (?:advertisement|ad)|"
        r"article continues below(?: this)? (?:advertisement|ad)|continue reading below|"
        r"continue reading the main story|scroll to continue(?: with content)?|skip ad|"
        r"skip to (?:main )?content|skip to navigation|back to top|return to top|"
        r"loading\.*|show more|show less|load more|menu|close|log ?in|sign ?in|"
        r"register|search|home|next article|previous article|next story|previous story|"
        r"(?:listen|audio|watch|reading time):? ?\d+ ?(?:min(?:ute)?s?|sec(?:ond)?s?)"
        r"(?: read| listen| long)?|\d+ ?min(?:ute)?s? read)\W*$",
        60,
    ),
    _rule("navigation", r"^skip to (?:main )?content\b", 80),
    # --- legal --------------------------------------------------------------
    _rule("legal", r"^(?:copyright\s*(?:©|\(c\)|\d{4}|by\b|:)|©|\(c\)\s*\d{4}|℗)", 240),
    _rule("legal", r"^(?:.{0,160}[.©|,]\s*)?all rights reserved\W*$", 240, cues=("reserved",)),
    _rule(
        "legal",
        r"^this (?:material|article|content) (?:may|must) not be (?:published|reproduced|"
        r"copied|redistributed)\b",
        300,
    ),
    _rule(
        "legal",
        r"^(?:we use cookies|this (?:web)?site uses cookies|cookies? (?:policy|settings|"
        r"preferences|consent|notice)|by (?:continuing|using)\b.{0,80}\b(?:cookies|privacy policy|"
        r"terms of (?:use|service)))\b",
        300,
    ),
    _rule(
        "legal",
        r"^(?:privacy policy|terms of (?:use|service)|terms (?:&|and) conditions|"
        r"accept(?: all)? cookies|manage cookies|cookie settings)(?:\s*[|•·/]\s*[\w &']+)*\W*$",
        120,
    ),
    # --- photo credits and captions ------------------------------------------
    _rule(
        "photo credit",
        r"^[(\[]?(?:photo|photos|photograph|picture|pictures|image|images|pic|video|footage|"
        r"photo credit|image credit|image source|credit|file photo|featured image|"
        r"header image|top image|main image|lead image)\s*(?::|by\b|courtesy\b)",
        240,
    ),
    _rule(
        "photo credit",
        r"^(?:image copyright|image caption|media caption|image source|getty images|"
        r"photo courtesy|courtesy photo)\b",
        240,
    ),
    _rule(
        "photo credit",
        r"^.{0,200}(?:\((?:photo|image|picture|credit)s?\s*(?::|by\b|credit\b|courtesy\b)"
        r"[^()]{0,120}\)|(?:\S/\s?|\s/\s|©\s?)(?-i:" + _AGENCIES + r")\)?"
        r"|\bvia Getty Images\)?)\W*$",
        240,
        cues=("(photo", "(image", "(picture", "(credit", "/", "©", "getty"),
    ),
)


def classify_line(line: str) -> str | None:
    """The boilerplate reason for one line, or None when it is article text.

    >>> classify_line("READ MORE: Zelenskyy praises Trump")
    'cross-link'
    >>> classify_line("Follow us on Twitter for breaking news.")
    'social'
    >>> classify_line("Sign up to our newsletter for more stories.")
    'newsletter'
    >>> print(classify_line("He urged readers to subscribe to the paper's newsletter."))
    None
    """
    body = _LEAD.sub("", line, count=1).rstrip().rstrip("*_").rstrip()
    if not body:
        return None
    lower = body.lower()
    for rule in RULES:
        if len(body) > rule.max_len:
            continue
        if rule.cues and not any(cue in lower for cue in rule.cues):
            continue
        if rule.pattern.search(body):
            return rule.reason
    return None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    start = 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def find_boilerplate(text: str) -> list[RemovedSpan]:
    """The boilerplate lines of ``text``, each a whole line with the reason.

    ``start``/``end`` bound the line without its line break, so
    ``text[span.start:span.end] == span.text``.

    >>> text = "Please make a small donation. Your contribution helps.\\nThe talks went on."
    >>> [(s.start, s.end, s.reason) for s in find_boilerplate(text)]
    [(0, 54, 'donation appeal')]
    """
    spans = []
    for start, end in _lines(text):
        line = text[start:end]
        reason = classify_line(line)
        if reason is not None:
            spans.append(RemovedSpan(start=start, end=end, reason=reason, text=line))
    return spans
