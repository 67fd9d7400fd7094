"""How the command line shows records: one short block per event, readable in 80 columns.

``print_result`` shows what ``dossier extract`` found in one article,
``print_events`` a list of event records and ``print_fused`` a list of fused
events with their reports.
"""

from __future__ import annotations

from dossier.console import out
from dossier.models import Result


def print_result(result: Result) -> None:
    doc = result.document
    out.print(f"[bold]{doc.title or doc.id}[/]  published: {doc.published or '-'}", highlight=False)
    if doc.reference_date and doc.reference_date.get("source") != "published":
        ref = doc.reference_date
        out.print(f"reference date {ref['value']} inferred from \"{ref.get('text')}\"")
    if doc.removed:
        out.print(f"removed {len(doc.removed)} boilerplate line(s):")
        for span in doc.removed:
            out.print(f"  - [dim]{span.reason}[/]: {doc.text[span.start:span.end][:56]}…")
    records = [e.to_dict() | {"document": doc.provenance()} for e in result.events]
    print_events(records, provenance=False)  # said once, above


def _actors(actors: list[dict]) -> str:
    names = [
        f"{a.get('name') or a['text']} ({a['code']})" if a.get("code") else a["text"]
        for a in actors
    ]
    return ", ".join(names) or "?"


def _headline(number: int, r: dict, after: str = "") -> None:
    """ "3. AID military  Russia (RUS) -> North Korea (PRK)  planned" and ``after``."""
    mode = f" {r['mode']}" if r.get("mode") else ""
    out.print(
        f"[bold]{number}. {r['type']}{mode}[/]  {_actors(r['source'])} -> {_actors(r['target'])}"
        f"  [italic]{r['factuality']}[/]{after}",
        highlight=False,
    )


def _provenance(document: dict) -> str:
    """ "bbc.co.uk: Labour plans maternity pay rise (2005-02-14)", or the origin or id."""
    named = document.get("title") or document.get("origin") or document.get("url")
    where = ": ".join(str(v) for v in (document.get("outlet"), named) if v)
    when = f" ({document['published']})" if document.get("published") else ""
    return (where or str(document.get("id") or "?")) + when


def print_events(records: list[dict], provenance: bool = True) -> None:
    """One short block per event: readable in an 80-column terminal."""
    number = {r["id"]: i for i, r in enumerate(records, 1)}
    for i, r in enumerate(records, 1):
        _headline(i, r)
        if r["items"]:
            items = ", ".join(
                f"{it.get('designation') or it['text']}"
                + (f" ({it['category']})" if it.get("category") else "")
                + (f" x{it['quantity']}" if it.get("quantity") else "")
                for it in r["items"]
            )
            out.print(f"   items: {items}", highlight=False)
        when_where = []
        if r.get("date"):
            d = r["date"]
            when_where.append(f"date: {d['value']} ({d['granularity']}, \"{d['text']}\")")
        for other in r.get("other_dates") or []:
            when_where.append(f"{other['role']}: {other['value']}")
        if r.get("location"):
            loc = r["location"]
            where = f"place: {loc.get('name') or loc['text']}, {loc.get('country') or '?'}"
            if loc.get("lat") is not None:
                where += f" ({loc['lat']:.2f}, {loc['lon']:.2f})"
            when_where.append(where)
        if when_where:
            out.print("   " + " | ".join(when_where), highlight=False)
        if r.get("attribution"):
            claim = r["attribution"]
            who = claim["claimant"]
            if claim.get("claimant_role"):
                who += f", {claim['claimant_role']}"
            if claim.get("claim_date"):
                who += f" ({claim['claim_date']})"
            out.print(f"   according to: {who}", highlight=False)
        if r.get("links"):
            links = ", ".join(
                f"{link['relation']} -> #{number.get(link['event'], link['event'])}"
                for link in r["links"]
            )
            out.print(f"   links: {links}", highlight=False)
        ev = r["evidence"]
        out.print(
            f"   [dim]\"{ev['text']}\" [{ev['start']}:{ev['end']}][/]", highlight=False
        )
        if provenance and r.get("document"):
            out.print(f"   from: {_provenance(r['document'])}", highlight=False, markup=False)
    out.print(f"{len(records)} event(s)")


def print_fused(records: list[dict]) -> None:
    """A fused event per block: the event, its sourcing, then its reports."""
    for i, r in enumerate(records, 1):
        _headline(i, r, f"  [dim]{r['id']}[/]")
        details = []
        if r["items"]:
            details.append("items: " + ", ".join(
                it.get("designation") or it["text"] for it in r["items"]))  # fmt: skip
        if r.get("date"):
            details.append(f"date: {r['date']['value']}")
        if r.get("location"):
            details.append(f"place: {r['location'].get('name') or r['location']['text']}")
        if details:
            out.print("   " + " | ".join(details), highlight=False)
        first = r["first_reported"]
        out.print(
            f"   {r['independent_sources']} independent source(s), {len(r['mentions'])} report(s);"
            f" first: {first.get('outlet') or first['document']} {first.get('published') or ''}",
            highlight=False,
        )
        outlets = {m["document"]: m.get("outlet") or m["document"] for m in r["mentions"]}
        for m in r["mentions"]:
            who = f" according to {m['claimant']}" if m.get("claimant") else ""
            copy = f" (copy of {outlets[m['copy_of']]})" if m["copy_of"] != m["document"] else ""
            out.print(
                f"   - {m.get('published') or '?'} {m.get('outlet') or m['document']}{copy}:"
                f" {m['factuality']}{who}  [dim]\"{m['evidence']['text'][:90]}\"[/]",
                highlight=False,
            )
        for c in r["contradictions"]:
            out.print(
                f"   [bold red]contradiction[/] ({c['kind']}): {c['detail']}:"
                f" {c['mentions'][0]} vs {c['mentions'][1]}",
                highlight=False,
            )
    out.print(f"{len(records)} fused event(s)")
