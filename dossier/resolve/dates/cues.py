"""Cues in the text around a date: the words next to it, its sentence, the tense and
the future or past its clause speaks of.

The anchor stage (``anchor``) and the readers ask these to choose a year ahead of or
behind the reference, or to tell a date from a duration.
"""

from __future__ import annotations

import re

from dossier.resolve.dates.patterns import OPENING, RESULTS, WD
from dossier.resolve.dates.tables import PARTICIPLE_AFTER


def rel_word(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw in ("last", "this past", "the past", "the last"):
        return "last"
    if raw in ("next", "this coming"):
        return "next"
    return "this" if raw in ("the", "current", "the current") else raw  # "this", "on"


def mod_word(raw: str | None) -> str | None:
    if raw is None:
        return None
    raw = " ".join(raw.lower().split())
    if raw.startswith("early") or raw in ("the beginning of", "the start of"):
        return "early"
    if raw.startswith("mid") or raw == "the middle of":
        return "mid"
    if raw.startswith("late") or raw == "the end of":
        return "late"
    return None


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)[\s,]*$")
_WORD_AFTER = re.compile(r"^\s+([A-Za-z][\w'’-]*)")


def prev_word(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).rstrip(".").lower() if m else ""


def next_word(text: str, end: int) -> str:
    m = _WORD_AFTER.match(text[end : end + 40])
    return m.group(1) if m else ""


# "X reported a 47% decline in fourth-quarter earnings": the quarter's results are out, so
# it is over, a fiscal quarter, even when the calendar quarter of that name is still running
REPORTED_RESULTS = re.compile(r"\b(?:reported|posted|announced)\b", re.IGNORECASE)

RESULT_NOUN = re.compile(
    rf"(?:\s+(?:net|operating|pretax|pre-tax))?\s+(?:{RESULTS})\b", re.IGNORECASE
)

NAME_BEFORE = re.compile(r"\b[A-Z][\w.'’-]* +$")
# "overnight" meaning "suddenly": "an overnight success", "it will not change overnight"
SUDDENLY_BEFORE = re.compile(
    r"\b(?:almost|virtually|literally|practically|nearly|happen|happens|happened|change|changes"
    r"|changed|disappear|disappeared|vanish|vanished|transform|transformed|come|comes|came"
    r"|doubled|tripled|occur|occurs|occurred)\s+$",
    re.IGNORECASE,
)
SUDDENLY_AFTER = re.compile(r"\s+(?:success|sensation|star|celebrity|fame|millionaire)\b", re.I)

RESULTS_AFTER = re.compile(
    rf"['’]s\s+(?:net\s+|operating\s+|pretax\s+)?(?:{RESULTS}|losses|charges?)\b",
    re.IGNORECASE,
)

AMOUNT_AFTER = re.compile(r"['’]s\s+(?:\$|US\$|C\$|£|€|#)?\s*\d")

_AMOUNT_BEFORE = re.compile(
    r"(?:\d(?:\s*(?:%|percent|cents?|(?:m|b|tr)illion))?|\ba\s+share)\s*,?\s*$", re.IGNORECASE
)

_COMPARISON = re.compile(r"\b(?:compared\s+with|compared\s+to|from|against|versus)\b", re.I)


def compared_amount(text: str, start: int) -> bool:
    """Whether "last year" closes a comparison of amounts: "compared with a loss of $3
    million last year", "down from $21 million last year"."""
    before = sentence_before(text, start, 120)
    if not _AMOUNT_BEFORE.search(before):
        return False
    return _COMPARISON.search(before) is not None


_MONTHS_SPAN = re.compile(
    r"\b(?:\d{1,2}|two|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]months?\b",
    re.IGNORECASE,
)


def spans_months(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` speaks of a span of months ("the nine months")."""
    return _MONTHS_SPAN.search(sentence_before(text, start, 200)) is not None


CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)\"'’”]|--|$)")

_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|won't|going\s+to|(?:is|are)\s+(?:to|due|set)|"
    r"(?:expected|due|set|slated|plans?|planning|intends?|hopes?|aims?)\s+to|"
    r"scheduled|planned\s+(?:to|for|an?)|postponed|adjourned|as\s+(?:soon|early)\s+as|"
    r"upcoming|next)\b|['’]ll\b",
    re.IGNORECASE,
)

_SENTENCE_START = re.compile(r"[.!?\n][\"'”’)]*\s+(?=\S)[^.!?\n]*$")


def sentence_before(text: str, start: int, most: int = 80) -> str:
    """The words of ``start``'s sentence before it (at most ``most`` characters back).

    >>> text = "Sales fell. Then they rose in May"
    >>> sentence_before(text, text.index("May"))
    ' Then they rose in '
    """
    window = text[max(0, start - most) : start]
    cut = _SENTENCE_START.search(window)
    return window[cut.start() + 1 :] if cut else window


_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[A-Za-z]+\.?\s*\d{0,2}['’]s\b")


def looks_future(text: str, start: int, firm: bool = False) -> bool:
    """Whether the clause before ``start`` speaks of the future ("will", "is due to").

    The cue must be in the date's clause: not behind a comma ("they would appeal
    the decision, announced Friday"), and a date in the possessive names the time
    of a noun, not of the clause ("would get around Wednesday's ruling"). "Would"
    is the future seen from the past: "he said the father would travel Thursday"; with
    ``firm``, only a cue that speaks from the present counts ("will", "is due to", not
    "would").
    A plan in the past perfect was the past's future, not ours: "it had been due to
    expire Friday" (since extended) speaks of the Friday gone by.

    >>> looks_future("The ban will end Friday", 17)
    True
    >>> looks_future("It had been due to end Friday", 23)
    False
    >>> looks_future("They would appeal the ruling, announced Friday", 40)
    False
    """
    if _POSSESSIVE.match(text, start):
        return False
    window = sentence_before(text, start)
    return any(
        "," not in window[cue.end() :]
        and not _PAST_PERFECT.search(window, 0, cue.start())
        and not (firm and cue.group().lower() in ("would", "next", "upcoming"))
        for cue in _FUTURE_CUE.finditer(window)
    )


_FRONTED_DAY = re.compile(rf"{OPENING}(?:(?i:on)\s+)?$")

_FUTURE_VERB = re.compile(
    r"\b(?:will|shall|going\s+to|(?:is|are)\s+(?:to|due|set|expected|scheduled|slated)|"
    r"(?:plans?|intends?|aims?)\s+to)\b|['’]ll\b",
    re.IGNORECASE,
)

# a present or progressive of a scheduled event right before the day: "the trial
# begins Monday", "the envoy is flying to Cairo on Friday"
SCHEDULED_PRESENT = re.compile(
    r"\b(?:(?:begin|start|open|resume|end|close|meet|leave|arrive|return|travel|visit|"
    r"expire|convene)s|takes\s+effect|goes|(?:is|are)\s+(?!being\b)[a-z]{2,}ing(?:\s+(?:to|for|in)\s+"
    r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)\s+(?:on\s+|in\s+)?$"
)


def ahead_by_syntax(text: str, at: int) -> bool:
    """A weekday still ahead by the sentence's syntax rather than a cue before it: one
    opening its sentence whose first verb speaks of the future ("On Tuesday, the league
    plans to ..."), or a time granted "until" it in a clause not told in the past ("has
    given them until Tuesday"; "it was not until Tuesday that" is the past), or one a
    scheduled event is told for in the present ("the trial begins Monday", "she is flying
    to Oslo on Friday").

    >>> ahead_by_syntax("On Friday, the league plans to vote.", 3)
    True
    >>> ahead_by_syntax("On Friday, the league voted to expand.", 3)
    False
    >>> ahead_by_syntax("The court has given them until Friday to reply.", 31)
    True
    """
    if SCHEDULED_PRESENT.search(text, max(0, at - 40), at):
        return True
    if prev_word(text, at).lower() in ("until", "till"):
        verb = _clause_verb(text, at)  # none: "Until Friday, they had ..." opens a sentence
        return verb is not None and verb.group("past") is None
    if not _FRONTED_DAY.search(text, max(0, at - 12), at):
        return False
    sentence = text[at : sentence_end(text, at)]
    cue = _FUTURE_VERB.search(sentence)
    if cue is None:
        return False
    verb = _TENSE.search(sentence)
    return verb is None or cue.start() <= verb.start()


_TENSE = re.compile(
    r"\b(?:(?P<past>was|were|had|did|\w{2,}ed|rose|fell|grew|began|came|went|saw|took|made|"
    r"said|told|left|met|won|lost|held|ran|sank|spread|struck|became|got|gave|fought|bought|"
    r"sold|paid|sent|built|brought|found|led|wrote|spoke|broke|chose|flew|stood|heard|knew)"
    r"|is|are|has|have|am|will|would|shall|should|can|could|may|might|must|to\s+(?!(?:the|an?|its|his|her|their|our|this|that|be)\b)[a-z]+)\b",
    re.IGNORECASE,
)

_WEEKDAY_FIRST = re.compile(rf"(?:{WD})\b")

_FORWARD_PARTICIPLE = re.compile(
    r"(?i:expected|anticipated|proposed|planned|scheduled|earmarked|slated|intended|hoped)"
)


def since_date(text: str, start: int) -> bool:
    """A date after "since": the start of what lasts up to the time of writing, so
    never ahead of it, whatever the tense ("has hosted the force since January",
    "in place since November").

    >>> since_date("It has been in Kenya since January", 27), since_date("in January", 3)
    (True, False)
    """
    return prev_word(text, start) == "since"


def past_event_date(text: str, start: int) -> bool:
    """A date said of an event told in the simple past: "bought it in February",
    "the year ended Jan. 31"; a deadline ("extended to Nov. 20", "by Jan. 14") or a
    participle ("to be published in May", "was resolved in May") is not one.

    >>> past_event_date("Sales rose in March", 14), past_event_date("It was extended to May", 19)
    (True, False)
    """
    before = prev_word(text, start).lower()
    if _WEEKDAY_FIRST.match(text, start):
        return False  # "Saturday, April 25": the weekday tells the year
    if before in ("in", "on", "the") and _FRONTED.search(text, max(0, start - 12), start):
        return _fronted_in_past(text, start)
    if not told_in_past(text, start):
        return False
    window = text[max(0, start - 80) : start]
    verb = list(_TENSE.finditer(window))[-1]
    if before not in ("in", "on", "since", "during") and before != verb.group().lower():
        return False  # "to/by Nov. 20" (a deadline), "the Jan. 14 deadline"
    return _simple_past(window, verb)


_FRONTED = re.compile(rf"{OPENING}(?i:in|on|the)\s+$")

# a full stop ending a sentence, not an abbreviation's: "vs. Wade", "U.S. officials", "a.m.",
# "Feb. 3"
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\.[a-z])(?<!\b(?:vs|Mr|Ms|Dr|St|Jr|Sr|No|Co|Mt|Ft))"
    r"(?<!\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec))"
    r"(?<!\b(?:Corp|Sept))[.!?]\s"
)


def sentence_end(text: str, start: int, most: int = 200) -> int:
    """Where the sentence around ``start`` ends (at most ``most`` characters on).

    >>> text = "In May, Roe vs. Wade was argued. It ended."
    >>> text[: sentence_end(text, 0)]
    'In May, Roe vs. Wade was argued.'
    """
    end = _SENTENCE_END.search(text, start, start + most + 1)
    return end.start() + 1 if end else min(len(text), start + most)


def _fronted_in_past(text: str, start: int) -> bool:
    """"In January, the bank bought ...", "The Dec. 7 raid killed ...": a date opening its
    sentence is told in the tense of the first verb after it."""
    sentence = text[start : sentence_end(text, start)]
    verb = _TENSE.search(sentence)
    return verb is not None and verb.group("past") is not None and _simple_past(sentence, verb)


def _simple_past(window: str, verb: re.Match[str]) -> bool:
    """The past-tense ``verb`` found in ``window`` is a simple past, not a participle."""
    if _FORWARD_PARTICIPLE.fullmatch(verb.group()):
        return False  # "the election, widely expected in May"
    words = window[: verb.start()].lower().split()[-2:]
    return not any(w in PARTICIPLE_AFTER for w in words)  # "was then published on"


def told_in_past(text: str, start: int) -> bool:
    """Whether the verb nearest before ``start`` in its clause is in the past tense.

    >>> told_in_past("Sales rose in March", 14), told_in_past("He says it ended", 17)
    (True, True)
    >>> told_in_past("He said it is due in March", 23)
    False
    """
    verb = _clause_verb(text, start)
    return verb is not None and verb.group("past") is not None


def _clause_verb(text: str, start: int) -> re.Match[str] | None:
    """The verb nearest before ``start`` in its clause, if any."""
    window = sentence_before(text, start)
    verbs = list(_TENSE.finditer(re.split(r"[,;]", window)[-1]))
    return verbs[-1] if verbs else None
