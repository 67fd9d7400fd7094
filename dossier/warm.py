"""Load every table the pipeline reads, before the first article.

Each table is read on first use (so that one ``dossier extract`` reads only
what it needs); a batch worker (a Ray worker of ``dossier ingest --engine
ray``, the throughput benchmark) calls ``warm_up()`` once at its start, so that
its first articles do not pay for the tables (about a second of CPU:
PETRARCH2's actor table, the equipment patterns, the verb table and the
patterns of each of its verbs). The objects loaded are then moved out of the
garbage collector's sight (``gc.freeze``): they live as long as the process.

>>> seconds = warm_up()
>>> warm_up() < 0.5  # the second time, nothing is left to load
True
"""

from __future__ import annotations

import gc
import time


def warm_up() -> float:
    """Load the spaCy pipeline with its gazetteers, the place index's small tables
    and every lexicon the extractor reads; the CPU seconds it took."""
    from dossier import equipment, gazetteer
    from dossier.annotate import load_pipeline
    from dossier.extract import lexicon, petrarch_units, senses
    from dossier.lexicons import petrarch
    from dossier.resolve import places

    began = time.process_time()
    load_pipeline()
    places.warm_up()
    petrarch.verb_phrases(), petrarch.actors("Warm"), petrarch.agent("warm")
    petrarch.synset("&warm"), petrarch.discard_match("warm")
    lexicon.may_trigger("warm", "warm", "VERB"), senses.table()
    petrarch_units.warm_up()
    equipment.warm_up()
    gazetteer.lookup("Warm"), gazetteer.person("Warm"), gazetteer.actor_noun("warm")
    gazetteer.fuzzy_state("Warmland")
    # the tables stay for the life of the process: the collector need not walk them
    # again at each full collection (one cost ~0.25 s, every few hundred articles)
    gc.collect()
    gc.freeze()
    return time.process_time() - began
