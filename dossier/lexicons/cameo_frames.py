"""The frame (argument map) of a CAMEO event code, for PETRARCH2's verb patterns.

A frame says how a verb's arguments map to an event's roles (the frames of
``dossier/data/triggers.tsv``, read by ``dossier/extract/rules.py``):

- ``give``: subject = source, object = what is given, "to"/dative = target (CAMEO 07 aid);
- ``receive``: subject = target, "from" = source, object = what is received;
- ``act``: subject = source, object = target (criticise, arrest, attack X);
- ``toward``: subject = source, "with"/"to"/"against" = target (agree with, protest against);
- ``move``: subject = source, object = forces moved, "to"/"in" = place (CAMEO 15 mobilise);
- ``self``: subject = source, no target (riot, go on alert, retreat).

The frame follows the CAMEO code family (two digits), with the codes whose verbs
take their parties otherwise listed one by one (``BY_CODE``).  A pattern coded only
with a reciprocal code (``[:072]``, "received tanks") is the event the other way
round: its subject is the target, so its frame is ``receive``.  The verbs of
PETRARCH2's OBTAIN block (obtain, receive, acquire, procure, get) take what their
object names (the hand table's buyer side, ``triggers.tsv``), and so do IMPORT and
PURCHASE: their patterns are ``receive`` whatever code they carry.

>>> frame_for("072"), frame_for("0841"), frame_for("145"), frame_for("154")
('give', 'act', 'self', 'move')
>>> frame_for("", "072"), frame_for("072", block="obtain"), frame_for("---")
('receive', 'receive', '')
"""

from __future__ import annotations

# CAMEO family (first two digits) -> frame.
BY_FAMILY = {
    "03": "toward",  # express intent to cooperate: agree with, pledge to
    "04": "toward",  # consult: talk with, negotiate with
    "05": "act",  # diplomatic cooperation: praise X, back X, endorse X
    "06": "toward",  # material cooperation: cooperate with
    "07": "give",  # provide aid: give, send, supply X to Y
    "08": "act",  # yield: release X, ease sanctions on X, allow X
    "09": "act",  # investigate X
    "10": "act",  # demand: urge X, demand of X
    "11": "act",  # disapprove: criticise X, accuse X
    "12": "act",  # reject X
    "13": "act",  # threaten X
    "14": "toward",  # protest against X
    "15": "move",  # exhibit force posture: deploy troops to
    "16": "act",  # reduce relations: expel, sever ties with X
    "17": "act",  # coerce: arrest, detain, seize X
    "18": "act",  # unconventional violence
    "19": "act",  # conventional military force
    "20": "act",  # mass violence
}
# Codes whose verbs take their parties otherwise than their family's.
BY_CODE = {
    "041": "act",  # call X (by telephone)
    "042": "act",  # visit X
    "043": "act",  # host X
    "055": "toward",  # apologise to X
    "057": "toward",  # sign an agreement with X
    "063": "give",  # extradite X to Y
    "0842": "give",  # return property to X
    "087": "self",  # de-escalate
    "0871": "self",  # declare a ceasefire
    "0873": "self",  # demobilise
    "0874": "self",  # retreat, surrender
    "114": "toward",  # complain to X
    "145": "self",  # riot
    "1451": "self",
    "1452": "self",
    "1453": "self",
    "1454": "self",
    "161": "toward",  # break relations with X
    "162": "toward",  # cut aid to X
    "1621": "toward",
    "1622": "toward",
    "1623": "toward",
    "163": "toward",  # impose an embargo on X
    "164": "toward",  # halt negotiations with X
    "165": "toward",  # halt mediation between
    "150": "self",  # demonstrate military power
    "151": "self",  # raise police alert
    "152": "self",  # raise military alert
}
# PETRARCH2 verb blocks whose subject takes what the object names.
RECEIVING_BLOCKS = frozenset(["obtain", "import", "purchase"])


def frame_for(code: str, code2: str = "", block: str = "") -> str:
    """The frame of a CAMEO-coded verb or pattern; "" when the code codes no event."""
    if not code.isdigit():
        return "receive" if code2.isdigit() and not code else ""
    if block in RECEIVING_BLOCKS:
        return "receive"
    for key in (code, code[:3]):
        if key in BY_CODE:
            return BY_CODE[key]
    return BY_FAMILY.get(code[:2], "")
