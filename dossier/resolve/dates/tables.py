"""The words dates are read with, as data: month and weekday names, numbers, and the
word lists that tell a date from a designation, a quantity or a name.

Every stage reads these tables; none of them holds code beyond building a lookup.
A new month spelling, a new word that makes a year a designation ("Resolution
2254") or a new weight goes here, not into a reader.
"""

from __future__ import annotations

# --- weights --------------------------------------------------------------------

# A date ahead of the reference counts this many times farther than one behind it.
FUTURE_WEIGHT = 2.0
# How specific a date is for infer_reference: a full date wins over a month with its
# year, that over a year; years in weak contexts and targets ("by 2030") count least.
SPECIFIC = {"full": 3, "month": 2, "year": 1, "weak-year": 0, "target-year": 0}

# --- the calendar ----------------------------------------------------------------

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# a month's name, its first three letters or "sept" (lower case) -> its number
MONTH_NUM = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
MONTH_NUM.update({name.lower()[:3]: i for i, name in enumerate(MONTH_NAMES, 1)})
MONTH_NUM["sept"] = 9
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NUM = {name.lower(): i for i, name in enumerate(WEEKDAYS)}

# Meteorological (northern) seasons: TimeML's code and the first month
SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

MODS = ("early", "mid", "late")
# "early", "mid", "late" of a month (days) and of a year (months): first and last
# ("late" ends on the month's last day)
MOD_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
MOD_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}

# days from the reference day: "yesterday", "tomorrow", "last night"
DAY_SHIFT = {"yesterday": -1, "tomorrow": 1, "last": -1}
# periods from the reference's: "last year", "next month", "June next year"
REL_STEP = {"last": -1, "next": 1}
# TimeML's values for the present, the past and the future
REF_VALUES = {"now": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}

# --- numbers in words ------------------------------------------------------------

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "latter": 2,
}  # fmt: skip

CENTURY_WORDS = {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip

# the hundreds of a year in words: "nineteen ninety-six"
SPELLED_CENTURY = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}
# the words of a number under 100
UNIT_WORDS = ("one two three four five six seven eight nine").split()
TEEN_WORDS = (
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = ("twenty thirty forty fifty sixty seventy eighty ninety").split()

# --- words around dates ---------------------------------------------------------


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Bare month names need one of these before them to count ("in May", not "Theresa May").
MONTH_CONTEXT = _words(
    "in since until till by from through during of before after early mid late last this "
    "next throughout between around and or to"
)

AMBIGUOUS_MONTHS = frozenset({"may", "march"})

# A year written after these is a designation, not a date: "Resolution 2254", "Flight 1990".
NOT_YEAR_BEFORE = _words(
    "resolution resolutions no nos number flight route article articles section room chapter "
    "page pages paragraph item unit code model type class series squadron battalion brigade "
    "regiment division highway road bus line platform gate door apartment suite box vol volume "
    "issue catalog serial tail hull id ticket account case docket bill order directive decree "
    "standard iso version rule law act protocol form patch build release exit junction "
    "interstate sr hr hb sb mark mk"
)

# ... and before these, a quantity: "1990 troops", "2000 people".
QUANTITY_NOUNS = _words(
    "troops soldiers servicemen people persons civilians refugees migrants men women children "
    "residents fighters militants rebels insurgents police officers prisoners hostages "
    "detainees workers jobs members votes voters seats cases deaths dead killed wounded injured "
    "casualties victims dollars euros pounds rubles roubles yen yuan won rupees tons tonnes "
    "kilograms kg km kilometers kilometres miles meters metres feet ft acres hectares barrels "
    "units vehicles tanks missiles drones rockets shells rounds bombs jets aircraft planes "
    "helicopters ships vessels boats homes houses buildings apartments percent points "
    "hours hrs minutes seconds days weeks months years decades gmt utc bst est cet msk "
    "students pupils patients doctors staff employees families households villages towns "
    "shares copies pieces items dollar euro pound ton tonne km2 sq square mw gw kw"
)

QUALIFIERS = _words(
    "about some nearly around approximately roughly over almost only just least most than estimated"
)

FUNCTION_WORDS = _words(
    "the a an and or but when as after before to in on at he she it they we i there this that "
    "was were is has had with while until since its his her their"
)

# Strong date context for a bare year (used by infer_reference).
YEAR_CONTEXT = _words(
    "in since during from until till through of before after early mid late by between around "
    "year fiscal and to circa"
)

TARGET_WORDS = frozenset({"by", "until", "till", "through", "before"})

WEEKDAY_NOT_AFTER = _words(
    "bloody palm good ash easter black cyber super holy maundy shrove whit giving manic"
)

WEEKDAY_NOT_BEFORE = _words(
    "Times Telegraph Express Mirror Post Herald Tribune Independent Mail Star Sport Business "
    "Review Magazine Edition Night Lights Observer People Sun World Show"
)

HOLIDAY_CONTEXT = _words(
    "on at by before after since until till over during for around near of ahead from "
    "through last this next"
)

DETERMINERS = _words("the a an its his her their our")

# nouns after which "May" is the British prime minister: "the May government"
OFFICE_NOUNS = _words("government cabinet administration ministry premiership era team camp")

DECADE_WORDS = {
    w: 10 * i
    for i, w in enumerate(
        "twenties thirties forties fifties sixties seventies eighties nineties".split(), 2
    )
}

# Holidays: a fixed day (month, day); days from (Western) Easter Sunday; or the n-th
# weekday (Monday 0) of a month, plus days (US Election Day: the Tuesday after the first
# Monday of November; Thanksgiving: the fourth Thursday of November).
FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
    "boxing day": (12, 26), "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip

EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}

WEEKDAY_HOLIDAYS = {  # month, weekday, n, days after
    "election day": (11, 0, 1, 1), "thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0),
}  # fmt: skip

PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}

ANAPHORIC_STEP = {
    "following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1,
    "after": 1, "earlier": -1, "later": 1,
}  # fmt: skip

# a clock time or a part of the day after these is a time: "at noon", "by mid-afternoon"
CLOCK_BEFORE = _words("at by until till after before around about from since past toward towards")
# a past participle after these is no simple past: "was published in May"
PARTICIPLE_AFTER = _words("be been being is are was were to has have had")
# "(will) one day", "(may) soon": the future only after these
MODALS = _words("will would shall may might could can should must")
