"""Publication dates: what the file says, what the run says, and the year of an
undated text (issue 14, items 2-3 of "What happened").

- ``load_document`` takes the date a text writes near its top ("Published:",
  "Updated:", "Posted on", a dateline, a date line, a date alone) and says so in
  ``published_source``, and does not take a date from a sentence;
- ``dossier ingest --published`` and ``--published-from mtime`` date the
  documents of a run that give none, and the run warns about undated ones;
- without a publication date the year is never taken from a date the text puts
  in the future ("by 2007", "until June 2006", "will open in 2030") or behind
  the time of writing ("since mid-2022", "in 2019 ... now"); a guessed year is
  marked on the document and on the dates that rest on it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.ingest import Article, load_document, read_file
from dossier.models import Document
from dossier.pipeline import analyze, reference_for
from dossier.resolve.dates import find_dates, infer_reference

BODY = (
    "Russia has agreed to supply fighter jets to North Korea in exchange for troops, "
    "a US commander said, adding that the pilots had trained in Russia before the deal."
)


# --- the date the text writes -------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Jets for troops\nPublished: 12 December 2024\n\n", "2024-12-12"),
        ("Jets for troops\nBy Jane Doe | Published December 11, 2024 10:30 AM ET\n", "2024-12-11"),
        ("Jets for troops\nPosted on 2024/12/10 by admin\n\n", "2024-12-10"),
        ("Jets for troops\nUpdated: Thu, Dec. 12, 2024, 9:15 p.m. EST\n", "2024-12-12"),
        ("Jets for troops\nLast updated 10:30 GMT, 9 Dec 2024\n", "2024-12-09"),
        ("WASHINGTON, Dec. 12, 2024 (Reuters) - ", "2024-12-12"),
        ("SEOUL, South Korea, 8 December 2024 (AP) — ", "2024-12-08"),
        ("MOSCOW, 7 December 2024 /TASS/ -- ", "2024-12-07"),
        ("12 December 2024 | Jane Doe\n\n", "2024-12-12"),
        ("Jets for troops\n\nThursday 5 December 2024 10.30 GMT\n\n", "2024-12-05"),
        ("Jets for troops\nBy Jane Doe, December 4, 2024\n\n", "2024-12-04"),
        ("Jets for troops\n2024-12-03T08:00:00Z\n\n", "2024-12-03"),
        ("Jets for troops\n25/11/2024\n\n", "2024-11-25"),
    ],
)
def test_date_written_at_the_top_is_the_publication_date(head: str, expected: str) -> None:
    document = load_document(Article(text=head + BODY))
    assert (document.published, document.published_source) == (expected, "text")


def test_a_story_closing_with_its_published_line() -> None:
    body = "\n\n".join([BODY] * 12)
    text = f"Jets for troops\n\n{body}\n\nPublished: 2005/03/14 12:00:00 GMT\n"
    document = load_document(Article(text=text))
    assert (document.published, document.published_source) == ("2005-03-14", "text")


def test_a_publication_line_wins_over_an_update_line() -> None:
    text = "Jets for troops\nUpdated: 14 December 2024\nFirst published on 12 December 2024\n\n"
    assert load_document(Article(text=text + BODY)).published == "2024-12-12"


@pytest.mark.parametrize(
    "text",
    [
        "The report, published on 12 December 2024, found that " + BODY,
        "Talks on 12 December 2024 ended without a deal.\n" + BODY,
        "Jets\nThe figures - published on 12 December 2024 - show a rise.\n" + BODY,
        "Jets for troops\n11/12/2024\n" + BODY,  # 11 December or November 12
        "KYIV, Ukraine (AP) — " + BODY,
        "Jets\n\n" + BODY + "\n" * 30 + "\nIn 2024, talks were held on 12 December 2024.",
    ],
)
def test_no_publication_date_from_a_sentence_or_an_ambiguous_day(text: str) -> None:
    document = load_document(Article(text=text))
    assert (document.published, document.published_source) == (None, "none")


def test_publication_dates_spell_months_from_the_date_table() -> None:
    """One month table: the publication-date reader takes its month names and numbers
    from the date resolver's (``dossier.resolve.dates.tables``), not a copy of its own."""
    from dossier import published
    from dossier.resolve.dates import tables

    assert published.MONTH_NUM is tables.MONTH_NUM
    for number, name in enumerate(tables.MONTH_NAMES, 1):
        found = published.find_published(f"Storm hits coast\nPosted on 3 {name} 2023\nText")
        assert found is not None and found.date == dt.date(2023, number, 3), name
    for abbr in tables.MONTH_ABBRS:
        found = published.find_published(f"LONDON, {abbr}. 9, 2021 (Reuters) - Rain fell.")
        assert found is not None and found.date.month == tables.MONTH_NUM[abbr.lower()], abbr


def test_given_and_html_dates_come_before_the_text() -> None:
    text = "Jets for troops\nPublished: 12 December 2024\n\n" + BODY
    given = load_document(Article(text=text, published="2024-12-20"))
    assert (given.published, given.published_source) == ("2024-12-20", "given")
    page = (
        '<html><head><meta property="article:published_time" content="2024-12-19">'
        f"</head><body><article><p>Published: 12 December 2024</p><p>{BODY}</p>"
        "</article></body></html>"
    )
    html = load_document(Article(html=page))
    assert (html.published, html.published_source) == ("2024-12-19", "html")


def test_a_file_keeps_its_modification_day(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    noon = time.mktime((2005, 3, 20, 12, 0, 0, 0, 0, -1))
    os.utime(path, (noon, noon))
    assert read_file(path).modified == "2005-03-20"


# --- the year of an undated text ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Paid leave would be increased to nine months by 2007, Ms Hewitt told the programme. "
        "The plans were announced on Sunday.",
        "The government officially has until June 2006 to hold an election. "
        "Mr Blair will ask the Queen on 4 or 5 April to dissolve Parliament.",
        "The new terminal will open in 2030, the airport said. Its plans were approved in May.",
        "Inflation has fallen steadily since mid-2022. The bank's committee meets in June.",
        "Unemployment was higher in 2019 than it is now, the minister said in June.",
        "Prices are far higher than in 2021, shoppers said in March.",
        "China hosts the Olympic Games next year, in 2008, and officials met in April.",
    ],
)
def test_no_year_from_a_future_date_or_a_past_one(text: str) -> None:
    assert infer_reference(text) is None
    document = Document(id="d", text=text)
    reference, year_hint = reference_for(document, text)
    assert (reference, year_hint, document.reference_date) == (None, None, None)
    # the dates without a year written stay unresolved: nothing is invented
    found = find_dates(text, reference, year_hint=year_hint)
    dated = [d for d in found if d.granularity != "ref"]  # "now" is the present, no day
    assert [d.text for d in dated if not re.search(r"\d{4}", d.text)] == []


@pytest.mark.parametrize(
    ("text", "year", "source"),
    [
        ("The airport will open in 2030. Work began in 2004, when the firm bought land.",
         2004, "2004"),
        ("Sales rose to a record in 2005 and will double by 2010, the company said.",
         2005, "2005"),
        ("Output has grown since 2001. The plant was sold on 3 March 2005 to a rival.",
         2005, "3 March 2005"),
    ],
)  # fmt: skip
def test_the_year_from_a_date_told_as_the_time_of_writing(
    text: str, year: int, source: str
) -> None:
    ref = infer_reference(text)
    assert ref is not None and (ref.year, ref.text) == (year, source)


def test_a_guessed_year_is_marked_on_the_document_and_its_dates() -> None:
    text = (
        "Russia agreed in June 2024 to supply MiG-29 jets to North Korea, officials said. "
        "Russia sent MiG-29 jets to North Korea in October, a US commander said."
    )
    result = analyze(text)
    reference = result.document.reference_date
    assert reference is not None
    assert (reference["value"], reference["source"], reference["guessed"], reference["from"]) == (
        "2024", "text", True, "June 2024"
    )
    dates = {e.date.text: (e.date.value, e.date.guessed) for e in result.events if e.date}
    assert dates["October"] == ("2024-10", True)
    assert dates["June 2024"] == ("2024-06", False)
    published = analyze(text, published="2024-12-12")
    assert not any(e.date.guessed for e in published.events if e.date)


def test_a_wire_dateline_without_a_year_gives_the_day_of_a_guessed_year() -> None:
    text = "WASHINGTON, Dec. 12 (Reuters) - Talks that began in June 2024 resumed on Tuesday."
    document = Document(id="d", text=text)
    reference, year_hint = reference_for(document, text)
    assert (reference, year_hint) == (dt.date(2024, 12, 12), 2024)
    assert document.reference_date is not None
    assert document.reference_date["day_from"] == "Dec. 12"
    assert document.reference_date["guessed"] is True


# --- dossier ingest --published / --published-from mtime --------------------------


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Two undated .txt articles whose files were last changed on 20 March 2005."""
    articles = tmp_path / "articles"
    articles.mkdir()
    noon = time.mktime((2005, 3, 20, 12, 0, 0, 0, 0, -1))
    for name, text in (
        ("one.txt", "Jets for troops\n\n" + BODY),
        ("two.txt", "Troops for jets\n\nNorth Korea sent troops to Russia, officials said."),
    ):
        path = articles / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (noon, noon))
    return articles


def _ingest(tmp_path: Path, *args: str) -> tuple[list[tuple[str, str]], str]:
    db = tmp_path / "news.db"
    result = CliRunner().invoke(
        app, ["ingest", *args, "--db", str(db), "--no-fuse"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT published, published_source FROM documents").fetchall()
    return rows, result.output


def test_ingest_published_dates_the_undated_documents(folder: Path, tmp_path: Path) -> None:
    rows, output = _ingest(tmp_path, str(folder), "--published", "2005-03-21")
    assert rows == [("2005-03-21", "given")] * 2
    assert "no publication date" not in output


def test_ingest_published_from_mtime(folder: Path, tmp_path: Path) -> None:
    rows, output = _ingest(tmp_path, str(folder), "--published-from", "mtime")
    assert rows == [("2005-03-20", "mtime")] * 2
    assert "no publication date" not in output


def test_ingest_warns_about_undated_documents(folder: Path, tmp_path: Path) -> None:
    (folder / "three.txt").write_text("Troops\nPublished: 1 April 2005\n\n" + BODY, "utf-8")
    rows, output = _ingest(tmp_path, str(folder))
    assert sorted(rows, key=str) == sorted([(None, "none")] * 2 + [("2005-04-01", "text")], key=str)
    assert "2 of 3 documents have no publication date" in " ".join(output.split())


def test_ingest_refuses_a_bad_published_date(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--published", "2005-13-01"]
    )
    assert result.exit_code == 2
    assert "bad published date" in " ".join(result.output.split())
    assert not (tmp_path / "x.db").exists()
