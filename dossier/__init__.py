"""Dossier: sourced, time- and place-resolved event records from news reports.

>>> from dossier import analyze
>>> result = analyze("Russia agreed to supply MiG-29 jets to North Korea in June 2024.")
>>> [(e.type, e.source[0].code, e.target[0].code) for e in result.events]
[('AGREE', 'RUS', 'PRK'), ('AID', 'RUS', 'PRK')]

``analyze`` runs the whole flow (ingest -> annotate -> extract -> resolve) on
one article; each stage is a module of its own (see README.md).
"""

from dossier.models import Document, Event, Result

__version__ = "0.1.0"
__all__ = ["Document", "Event", "Result", "analyze"]


def analyze(*args, **kwargs) -> Result:
    """See ``dossier.pipeline.analyze`` (imported lazily: spaCy is slow to import)."""
    from dossier.pipeline import analyze as _analyze

    return _analyze(*args, **kwargs)
