"""A place as written, cleaned into the name that is looked up (the *find* side of
place resolution): leading words and directions ("in eastern Ukraine"), quotes and a
trailing possessive go; trailing area words ("the Kursk border region") and the word
lists the stages share (institution words, directions, type words) are here too.

This module reads no table: every stage may import it.

>>> _clean("in eastern Ukraine"), _clean("Russia’s"), _untyped("Tampa Bay area")
('Ukraine', 'Russia', 'Tampa Bay')
>>> _related("Northeast Georgia", "Georgia"), _related("Dublin", "Paris")
(True, False)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from dossier.resolve.records import fold

# Words stripped from the front of a place as written ("in Moscow", "the Kursk region").
LEADING_WORDS = frozenset(
    "in at to from near into onto on of across inside outside around over toward towards "
    "through throughout within the".split()
)
# Words after a place that make it an area around the place ("the Kursk border region").
UNTYPED_WORDS = frozenset(
    ["region", "regions", "province", "area", "areas", "district", "oblast", "governorate",
     "state", "county", "border", "borderlands", "frontier", "coast", "city", "port",
     "township"]
)
# The points of the compass, as they open a name ("Northeast Georgia Medical Center").
COMPASS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern "
    "eastern western central".split()
)
# Lowercase directions before a place: "eastern Ukraine", "northern Gaza".
DIRECTIONS = COMPASS | frozenset(
    ["northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
     "north-western", "south-eastern", "south-western", "occupied", "annexed", "war-torn",
     "besieged", "rural", "coastal"]
)
ADMIN_WORDS = frozenset(["region", "regions", "province", "oblast", "governorate", "state"])

_OF_PLACE = re.compile(
    r"^(?:the\s+)?(?:city|town|village|port|outskirts|suburbs|region|province|state|capital|"
    r"district|area|island|islands)\s+of\s+(\S.*)$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>\S.*)$")


def _strip_leading(text: str) -> str:
    words = text.split()
    while len(words) > 1 and (words[0].lower() in LEADING_WORDS or words[0] in DIRECTIONS):
        words = words[1:]
    text = " ".join(words)
    match = _OF_PLACE.match(text)  # "the city of Kharkiv", "the outskirts of Kyiv"
    return _strip_leading(match.group(1)) if match else text


@lru_cache(maxsize=50_000)
def _clean(text: str, *, strip: bool = True) -> str:
    """Spaces, quotes and punctuation around a place; with ``strip`` also leading words
    ("in the") and a trailing possessive ("Russia’s")."""
    text = " ".join(text.replace("\u00a0", " ").split())
    text = text.strip(" \t\"“”«»[]{},;:!?")
    if text.startswith("(") and text.endswith(")") or ")" not in text:
        text = text.strip("()")
    if not strip:
        return text
    text = _strip_leading(text)
    if text.endswith(("'s", "’s")) and len(text) > 3:
        text = text[:-2]
    elif text.endswith(("s'", "s’")):
        text = text[:-1]
    return text.strip()


def _untyped(text: str) -> str:
    """``text`` without trailing type words: "Tampa Bay area" -> "Tampa Bay"."""
    words = text.split()
    while len(words) > 1 and words[-1].lower() in UNTYPED_WORDS:
        words = words[:-1]
    return " ".join(words)

# A direction before a state's abbreviation: "N.Va.", "S. Ill.", "E.Tenn.".
_PART_OF_STATE = re.compile(
    r"^(?:[NSEW]|No|So)\.\s?([A-Z][a-z]*\.(?:[A-Z][a-z]*\.?)?|[A-Z][a-z]+)$"
)

# Two places joined by a hyphen, as a school district or a pair of counties is named.
_HYPHENED = re.compile(r"^[A-Z][a-z]+-[A-Z][a-z]+(?: County| Parish)?$")


def _has_abbreviation(name: str) -> bool:
    return "." in name or any(len(w) < 3 and w not in ("OF", "ON") for w in name.split())

# Words that go on an organisation's name or an official's title after the place served.
INSTITUTION_WORDS = frozenset(
    "police council court county city hospital school schools university college department "
    "board commission sheriff fire library chamber mayor township public community high "
    "medical regional area district superior circuit municipal town village state clerk "
    "coroner judge attorney commissioner commissioners superintendent chief volunteer".split()
)


def _fold_word(word: str) -> str:
    return word.lower().removesuffix("’s").removesuffix("'s").strip(".,;:")


@lru_cache(maxsize=50_000)
def _key_of(text: str) -> str:
    """A name's lookup key, without a leading direction ("Northeast Georgia" is "georgia")."""
    key = fold(_clean(text))
    first, _, rest = key.partition(" ")
    return rest if rest and first in DIRECTIONS else key


def _related(one: str, other: str) -> bool:
    """Whether two names are one name: the same, or one the other's first words
    ("Dublin" and "Dublin City"), or but for a direction ("Northeast Georgia" and
    "Georgia"); a name is not its own context."""
    if one == other:
        return True
    a, b = _key_of(one), _key_of(other)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


class Relatives:
    """The names of a list related to a name (``_related``), found by their keys and
    the keys' first words rather than by comparing the name with each of them.

    >>> Relatives(["Dublin City", "Georgia", "Tbilisi"]).of("Dublin")
    {'Dublin City'}
    >>> sorted(Relatives(["Georgia", "Northeast Georgia", "Atlanta"]).of("Georgia"))
    ['Georgia', 'Northeast Georgia']
    """

    def __init__(self, names: Iterable[str]) -> None:
        self.names = set(names)
        self.by_key: dict[str, list[str]] = defaultdict(list)  # key -> names
        self.by_start: dict[str, list[str]] = defaultdict(list)  # first words of keys
        for name in self.names:
            key = _key_of(name)
            self.by_key[key].append(name)
            words = key.split(" ")
            for n in range(1, len(words)):
                self.by_start[" ".join(words[:n])].append(name)

    def of(self, name: str) -> set[str]:
        key = _key_of(name)
        found = set(self.by_key.get(key, ()))  # the same key
        found.update(self.by_start.get(key, ()))  # keys that begin with this one's words
        words = key.split(" ")
        for n in range(1, len(words)):  # keys this one's begins with
            found.update(self.by_key.get(" ".join(words[:n]), ()))
        if name in self.names:
            found.add(name)
        return found
