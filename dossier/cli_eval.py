"""``dossier eval``: score Dossier against gold annotations written by others.

Each sub-command reads one kind of gold data and prints its figures as a
table or JSON: ``plover`` (event coding), ``ace`` (event detection on
ACE-annotated news), ``snippets`` (ACLED-style snippets written for the tests),
``factuality`` (MEANTIME), ``timeml`` (dates) and ``geo`` (places). The
scoring lives in ``dossier/evaluate/``; this module only reads arguments and
prints.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from dossier.console import err, out
from dossier.console import fail as _fail

eval_app = typer.Typer(
    help="Score Dossier against gold annotations written by others.", no_args_is_help=True
)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def _print_figures(figures: dict, format: EvalFormat, title: str) -> None:
    """The figures as JSON, or as a two-column table under ``title``."""
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    table = Table(title=title)
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        table.add_row(key, str(value))
    out.print(table)


@eval_app.command("factuality")
def eval_factuality(
    paths: Annotated[
        list[Path], typer.Argument(help="MEANTIME CAT XML files or folders (searched recursively).")
    ],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
) -> None:
    """Score factuality on MEANTIME event mentions (certainty, polarity, time).

    MEANTIME values map to ours by a documented table (NEG -> negated, POSSIBLE ->
    possible, PROBABLE -> likely, FUTURE -> planned, else asserted; see
    dossier/evaluate/factuality.py); every annotated event is scored. Our
    "hypothetical" (an if/unless clause) counts as planned, since MEANTIME
    marks a conditional's event FUTURE with its certainty left unspecified.

    Example:

      dossier eval factuality ../shared/data/meantime/intra-doc_annotation --format json
    """
    from rich.progress import track

    from dossier.evaluate import factuality as evaluation

    try:
        documents = list(evaluation.read_corpus(paths))
    except (OSError, ET.ParseError) as error:
        _fail(f"cannot read MEANTIME files: {error}")
        return
    if not documents:
        _fail("no MEANTIME .xml files found in " + ", ".join(map(str, paths)))
    gold: list[str] = []
    predicted: list[str] = []
    for document in track(documents, description="parsing", console=err):
        gold += [m.value for m in document.mentions]
        predicted += evaluation.predict(document)
    figures = evaluation.score(gold, predicted)
    if format is EvalFormat.json:
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    table = Table(title=f"{len(documents)} documents, {figures['mentions']} event mentions: "
                        f"accuracy {figures['accuracy']:.3f}, macro-F1 {figures['macro_f1']:.3f}")
    for col in ("value", "gold", "predicted", "precision", "recall", "f1"):
        table.add_column(col, justify="left" if col == "value" else "right")
    for name, row in figures["per_value"].items():
        table.add_row(name, str(row["gold"]), str(row["predicted"]),
                      *(f"{row[k]:.2f}" for k in ("precision", "recall", "f1")))  # fmt: skip
    out.print(table)


@eval_app.command("timeml")
def eval_timeml(
    paths: Annotated[list[Path], typer.Argument(help="TimeML .tml files or folders.")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
) -> None:
    """Score finding and normalising dates on TimeML (TempEval-3 style, DATE and TIME).

    Each document's text is searched with its creation time as reference;
    spans are paired one to one by overlap, as TempEval-3's scorer pairs them,
    and value F1 is value accuracy times span F1 (see dossier/evaluate/timeml.py).

    Example:

      dossier eval timeml ../shared/data/timeml/TimeBank --format json
    """
    from dossier.evaluate import timeml

    try:
        documents = list(timeml.read_corpus(paths))
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"cannot read TimeML files: {error}")
        return
    if not documents:
        _fail("no .tml files found in " + ", ".join(map(str, paths)))
    figures = timeml.score(timeml.compare(text, dct, gold) for _n, text, dct, gold in documents)
    _print_figures(figures, format, f"{len(documents)} TimeML documents")


@eval_app.command("geo")
def eval_geo(
    file: Annotated[Path, typer.Argument(
        help="Gold toponyms: LGL, TR-News, GeoWebNews, GeoVirus or WikToR XML.")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
) -> None:
    """Score place detection and resolution (within 161 km) on geo-tagged news.

    Each article is annotated and its places found and resolved together, as
    the extractor does; a gold toponym counts as found when such a place
    overlaps it, and as resolved when that place lies within 161 km of the gold
    coordinates (see dossier/evaluate/geo.py).

    Example:

      dossier eval geo ../shared/data/geo/TR-News.xml --format json
    """
    from rich.progress import track

    from dossier.evaluate import geo

    try:
        articles = list(geo.read_gold(file))
    except (OSError, ET.ParseError) as error:
        _fail(f"{file}: cannot read gold toponyms: {error}")
        return
    results: list[tuple[bool, bool]] = []
    for article in track(articles, description="parsing", console=err):
        results += geo.predict(article)
    _print_figures(geo.score(results), format, f"{file.name}: {len(articles)} articles")


@eval_app.command("plover")
def eval_plover(
    file: Annotated[Path, typer.Argument(help="PLOVER gold standard records (JSON).")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    errors: Annotated[
        int, typer.Option("--errors", help="Also print the N worst disagreements.")
    ] = 0,
) -> None:
    """Score event type, source, target and mode on PLOVER gold standard records.

    Each record's text is extracted with its date as the publication date; the
    main event (nearest the root of the parse) is compared with the gold event.
    Old PLOVER types (FIGHT, DEMAND, DISAPPROVE ...) are mapped to current ones
    and CAMEO country codes to ISO3 (see dossier/evaluate/plover.py).
    The figures are also given for each hash half of the records ("tune" and
    "held_out", by the sha256 of the record id); --errors lists the tune half only.

    Example:

      dossier eval plover ../shared/data/plover-gsr-dev.json --errors 10
    """
    from rich.progress import track

    from dossier.evaluate import plover

    try:
        golds = plover.read_gold(file)
    except (OSError, ValueError, KeyError) as error:
        _fail(f"{file}: cannot read gold records: {error}")
        return
    predictions = [
        plover.predict(g) for g in track(golds, description="extracting", console=err)
    ]
    figures = plover.score(golds, predictions)
    figures["halves"] = plover.score_halves(golds, predictions)
    # errors come from the tune half only: the held-out half stays unseen
    tune = [(g, p) for g, p in zip(golds, predictions, strict=True) if plover.half(g.id) == "tune"]
    worst = (
        plover.disagreements([g for g, _ in tune], [p for _, p in tune])[:errors] if errors else []
    )
    if format is EvalFormat.json:
        if worst:
            figures["errors"] = worst
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    summary = Table(title=f"{file.name}: {figures['records']} records")
    summary.add_column("figure")
    summary.add_column("value", justify="right")
    for key in ("type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy",
                "mode_accuracy", "extra_event_rate"):  # fmt: skip
        summary.add_row(key, f"{figures[key]:.3f}")
    out.print(summary)
    halves = Table(title="hash halves (sha256 of the record id)")
    halves.add_column("figure")
    for name in plover.HALVES:
        halves.add_column(f"{name} ({figures['halves'][name]['records']})", justify="right")
    for key in ("type_accuracy", "type_macro_f1", "source_accuracy", "target_accuracy",
                "extra_event_rate"):  # fmt: skip
        halves.add_row(key, *(f"{figures['halves'][n].get(key, 0.0):.3f}" for n in plover.HALVES))
    out.print(halves)
    per_type = Table(title="per type")
    for col in ("type", "gold", "predicted", "precision", "recall", "f1"):
        per_type.add_column(col, justify="left" if col == "type" else "right")
    for name, row in figures["per_type"].items():
        per_type.add_row(name, *(str(row[k]) for k in ("gold", "predicted")),
                         *(f"{row[k]:.2f}" for k in ("precision", "recall", "f1")))  # fmt: skip
    out.print(per_type)
    confused = [
        (k, n) for k, n in figures["confusion"].items() if k.split("->")[0] != k.split("->")[1]
    ]
    out.print("confusions (gold->predicted): " + ", ".join(f"{k} {n}" for k, n in confused))
    for row in worst:
        out.print(f"\n[bold]{row['id']}[/] {row['text']}", highlight=False)
        out.print(f"  gold: {row['gold']}", highlight=False)
        out.print(f"  dossier: {row['predicted']}", highlight=False)


def _f1(row: dict) -> str:
    """A type's F1, or "-" where it has neither gold nor predicted sentences."""
    return f"{row['f1']:.2f}" if row["gold"] or row["predicted"] else "-"


@eval_app.command("ace")
def eval_ace(
    folder: Annotated[Path, typer.Argument(
        help="m2e2 folder: text_only_event.json (and text_multimedia_event.json).")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    errors: Annotated[int, typer.Option(
        "--errors", help="Also list N false positives and N false negatives (tune half).")] = 0,
) -> None:
    """Score event detection, sentence by sentence, on ACE-annotated VOA news (m2e2).

    Each article is rebuilt from its sentences and run through Dossier whole,
    with the publication date its id gives. For each sentence and each type,
    gold says yes when ACE marks a mention of a type mapped to it (Attack, and
    Die with a killer -> ASSAULT, Demonstrate -> PROTEST, Meet and Phone-Write -> CONSULT,
    Arrest-Jail -> COERCE with mode arrest), and Dossier says yes when one of
    its events of that type begins (its trigger) in the sentence. Precision,
    recall and F1 are per type over those sentence-type pairs; macro-F1 is
    their mean over the four types.

    Figures are given for all articles and for two halves by the second byte
    of sha256(article id): even is "tune" (--errors lists only its errors),
    odd is "held_out" (measured, never read). The headline counts every
    event Dossier detects, political or not (ACE scores detection, and
    Dossier stores every event with its political field); "political only"
    (JSON: political_only) counts only the events `dossier events` shows by
    default, whose actors include a state, organisation or sector-coded
    group (JSON: with_nonpolitical repeats the headline, under the key it
    had when the headline was the political figure). As the ACE guidelines
    have it, a killing ACE marks as Life:Die with a killer or weapon counts
    as ASSAULT (ACE puts killings under Die, not Attack), and a sentencing,
    conviction, charge or trial ("go on trial") is not scored as an arrest
    (ACE Justice:Sentence, Convict, Charge-Indict, Trial-Hearing: not annotated),
    nor a CONSULT visit as a meeting (ACE: Movement:Transport), and a PROTEST
    riot counts as an ASSAULT too (ACE: Attack); plain_mapping has the figures
    without these four rules. JSON keys:
    macro_f1, per_type (gold, predicted, tp, fp, fn, precision, recall, f1),
    halves, headline, political_only, plain_mapping, with_nonpolitical, errors. See
    dossier/evaluate/ace.py.

    Example:

      dossier eval ace ../shared/data/m2e2-voa --format json --errors 10
    """
    from rich.progress import track

    from dossier.evaluate import ace

    try:
        articles = ace.read_gold(folder)
    except (OSError, ValueError, KeyError, TypeError) as error:
        _fail(f"{folder}: cannot read m2e2 sentences: {error}")
        return
    if not articles:
        _fail(f"{folder}: no sentences in {ace.FILES[0]}")
    found, failed = ace.predict(
        articles,
        progress=lambda items, total: track(
            items, total=total, description="extracting", console=err
        ),
    )
    figures = ace.evaluate(articles, found)
    figures["failed_articles"] = failed
    for article_id, reason in failed.items():
        err.print(f"skipped {article_id}: {reason}", highlight=False, markup=False)
    listed = ace.errors(articles, found, errors) if errors else None
    if format is EvalFormat.json:
        if listed:
            figures["errors"] = listed
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    halves, other = figures["halves"], figures["political_only"]
    table = Table(title=f"{folder.name}: {figures['articles']} articles, "
                        f"{figures['sentences']} sentences; every detected event")  # fmt: skip
    table.add_column("type", no_wrap=True)
    for col in ("gold", "pred", "P", "R", "F1", "F1 tune", "F1 held out", "F1 political only"):
        table.add_column(col, justify="right")
    for name, row in figures["per_type"].items():
        table.add_row(name, str(row["gold"]), str(row["predicted"]),
                      *(f"{row[k]:.2f}" for k in ("precision", "recall", "f1")),
                      *(_f1(h["per_type"][name])
                        for h in (halves["tune"], halves["held_out"], other)))  # fmt: skip
    macros = (f"{h['macro_f1']:.3f}" for h in (halves["tune"], halves["held_out"], other))
    table.add_row("macro", "", "", "", "", f"{figures['macro_f1']:.3f}", *macros)
    out.print(table)
    plain = figures["plain_mapping"]
    out.print(f"plain mapping (ASSAULT from Attack alone, sentencings, trials scored as arrests): "
              f"macro-F1 {plain['macro_f1']:.3f} (tune {plain['halves']['tune']['macro_f1']:.3f}, "
              f"held out {plain['halves']['held_out']['macro_f1']:.3f}); ASSAULT F1 "
              f"{plain['per_type']['ASSAULT']['f1']:.2f}, COERCE/arrest F1 "
              f"{plain['per_type']['COERCE/arrest']['f1']:.2f}", highlight=False)  # fmt: skip
    if listed:
        for kind in ("false_positives", "false_negatives"):
            out.print(f"\n[bold]{kind.replace('_', ' ')} (tune half)[/]")
            for row in listed[kind]:
                out.print(f"\n{row['sentence']} {row['type']}: {row['text']}",
                          highlight=False, markup=False)  # fmt: skip
                out.print(f"  trigger: {row['trigger']}  gold ACE: {row['gold_ace']}"
                          f"  dossier: {row['dossier']}",
                          highlight=False, markup=False)  # fmt: skip


@eval_app.command("snippets")
def eval_snippets(
    file: Annotated[Path, typer.Argument(help="Snippets TSV (tests/data/snippets/snippets.tsv).")],
    format: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    errors: Annotated[int, typer.Option(
        "--errors", help="Also list N snippets of the tune half that Dossier gets wrong.")] = 0,
) -> None:
    """Score extraction on ACLED-style news snippets labelled with PLOVER types.

    Each snippet is extracted on its own (as `eval plover` extracts a record):
    the share with any event, type accuracy (the expected type among the
    events), strict macro-F1 over types (the main event's type, NONE without
    events), and source, target and place of an event of the expected type,
    for all snippets and for the two hash halves of the ids (sha256 first
    byte even: tune, odd: held out; --errors lists the tune half only). See
    dossier/evaluate/snippets.py and tests/data/snippets/README.md.

    Example:

      dossier eval snippets tests/data/snippets/snippets.tsv --format json
    """
    from rich.progress import track

    from dossier.evaluate import snippets as evaluation

    try:
        rows = evaluation.read_snippets(file)
    except (OSError, ValueError, TypeError) as error:
        _fail(f"{file}: cannot read snippets: {error}")
        return
    found = [evaluation.predict(s) for s in track(rows, description="extracting", console=err)]
    figures = evaluation.score(rows, found)
    figures["halves"] = evaluation.score_halves(rows, found)
    listed = evaluation.errors(rows, found, errors) if errors else []
    if format is EvalFormat.json:
        if listed:
            figures["errors"] = listed
        sys.stdout.write(json.dumps(figures, indent=2) + "\n")
        return
    keys = ("any_event", "any_political_event", "type_accuracy", "type_macro_f1",
            "source_accuracy", "target_accuracy", "place_accuracy")  # fmt: skip
    table = Table(title=f"{file.name}: {figures['snippets']} snippets")
    table.add_column("figure")
    for name in ("all", *evaluation.HALVES):
        n = figures["snippets"] if name == "all" else figures["halves"][name]["snippets"]
        table.add_column(f"{name} ({n})", justify="right")
    for key in keys:
        table.add_row(key, f"{figures[key]:.3f}",
                      *(f"{figures['halves'][n].get(key, 0.0):.3f}" for n in evaluation.HALVES))
    out.print(table)
    per_type = Table(title="per expected type (strict: the main event)")
    for col in ("type", "gold", "predicted", "precision", "recall", "f1", "among events"):
        per_type.add_column(col, justify="left" if col == "type" else "right")
    for name, row in figures["per_type"].items():
        per_type.add_row(name, str(row["gold"]), str(row["predicted"]),
                         *(f"{row[k]:.2f}" for k in ("precision", "recall", "f1")),
                         str(row["among_events"]))  # fmt: skip
    out.print(per_type)
    for row in listed:
        out.print(f"\n{row['id']} [{row['acled']}] {row['text']}", highlight=False, markup=False)
        out.print(f"  expected: {row['expected']}  main: {row['main']}  wrong: {row['wrong']}",
                  highlight=False, markup=False)
        for event in row["events"]:
            out.print(f"  - {event}", highlight=False, markup=False)
