"""Long articles are read in windows of paragraphs (issue 14, item 6).

A text longer than ``WINDOW_CHARS`` is never parsed as one spaCy Doc: it is
parsed, extracted and resolved one window at a time, and every offset is moved
back to index the whole ``Document.text``. Shorter texts take the path they
always took (one Doc). Memory is not measured here: the test checks the
structure that bounds it (the largest text spaCy is given), and
``bench/long_article.py`` measures the peak RSS.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dossier import pipeline
from dossier.annotate import WINDOW_CHARS, windows
from dossier.ingest import Article, load_document
from dossier.models import Document, RemovedSpan
from dossier.pipeline import masked_text, process, process_many, process_windows

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
PUBLISHED = "2024-12-12"


def document(text: str) -> Document:
    return load_document(Article(text=text, published=PUBLISHED, origin="<test>"))


def moved(value: Any, by: int) -> Any:
    """An event record with every character offset moved by ``by`` (dates' ISO
    ``start``/``end`` are strings and stay)."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ("start", "end") and isinstance(item, int):
                out[key] = item + by
            elif key == "offsets" and item is not None:
                out[key] = [item[0] + by, item[1] + by]
            else:
                out[key] = moved(item, by)
        return out
    if isinstance(value, list):
        return [moved(item, by) for item in value]
    return value


def comparable(event: dict, by: int = 0) -> dict:
    """The record without what names the document (ids, provenance), offsets moved
    by ``by``."""
    record = moved(event, by)
    record.pop("id")
    record.pop("document", None)
    record["links"] = [link["relation"] for link in record["links"]]
    return record


class Spy:
    """Records the length of every text the spaCy pipeline parses and of every
    Doc the extractor reads."""

    def __init__(self) -> None:
        self.parsed: list[int] = []
        self.extracted: list[int] = []

    def install(self, patch: pytest.MonkeyPatch) -> None:
        call, pipe, extract = Language.__call__, Language.pipe, pipeline.extract_mentions

        def spied_call(nlp: Language, text: Any, *args: Any, **kwargs: Any) -> Any:
            doc = call(nlp, text, *args, **kwargs)
            self.parsed.append(len(doc.text))
            return doc

        def spied_pipe(nlp: Language, texts: Any, *args: Any, **kwargs: Any) -> Any:
            for doc in pipe(nlp, texts, *args, **kwargs):
                self.parsed.append(len(doc.text))
                yield doc

        def spied_extract(doc: Any) -> Any:
            self.extracted.append(len(doc.text))
            return extract(doc)

        patch.setattr(Language, "__call__", spied_call)
        patch.setattr(Language, "pipe", spied_pipe)
        patch.setattr(pipeline, "extract_mentions", spied_extract)


@pytest.fixture(scope="module")
def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8").strip()


@pytest.fixture(scope="module")
def single(example: str) -> dict:
    return process(document(example)).to_dict()


@pytest.fixture(scope="module")
def long_run(example: str) -> tuple[str, list[dict], dict, Spy]:
    """The example repeated past one window, in a batch between two short
    articles; (text, the long article's events, a short one's result, the spy)."""
    copies = WINDOW_CHARS // len(example) + 2
    text = "\n\n".join([example] * copies)
    spy = Spy()
    with pytest.MonkeyPatch.context() as patch:
        spy.install(patch)
        docs = [document(example), document(text), document(example)]
        results = list(process_many(docs))
    for _document, result in results:
        assert not isinstance(result, Exception), result
    return text, results[1][1].to_dict()["events"], results[2][1].to_dict(), spy


def test_long_text_is_never_parsed_whole(long_run) -> None:
    text, _events, _short, spy = long_run
    assert len(text) > WINDOW_CHARS
    assert max(spy.parsed) <= WINDOW_CHARS and max(spy.extracted) <= WINDOW_CHARS
    assert len(spy.extracted) >= 4  # two short articles, the long one in two windows or more


def test_copies_give_the_events_of_one_copy_each_in_place(long_run, single, example) -> None:
    text, events, _short, _spy = long_run
    step = len(example) + 2  # a copy and the blank line after it
    copies = (len(text) + 2) // step
    assert single["events"] and len(events) == copies * len(single["events"])
    expected = [comparable(e) for e in single["events"]]
    for k in range(copies):
        found = [comparable(e, -k * step) for e in events if k * step <= e["trigger"]["start"]
                 < (k + 1) * step]  # fmt: skip
        assert found == expected, f"copy {k}"


def test_every_offset_of_a_long_text_indexes_the_whole_text(long_run) -> None:
    text, events, _short, _spy = long_run

    def spans(value: Any) -> list[tuple[str, int, int]]:
        if isinstance(value, dict):
            found = []
            if isinstance(value.get("start"), int) and "text" in value:
                found.append((value["text"], value["start"], value["end"]))
            if value.get("offsets"):  # an attribution's offsets are its claimant's
                found.append((value.get("text", value.get("claimant")), *value["offsets"]))
            for item in value.values():
                found += spans(item)
            return found
        if isinstance(value, list):
            return [span for item in value for span in spans(item)]
        return []

    checked = [span for event in events for span in spans(event)]
    assert len(checked) > 4 * len(events)
    last = max(event["evidence"]["end"] for event in events)
    assert last > WINDOW_CHARS  # events of the later windows are in the list
    for written, start, end in checked:
        assert text[start:end] == written


def test_short_articles_take_the_one_doc_path(long_run, single) -> None:
    _text, _events, short, spy = long_run
    assert short == single
    assert len(single["document"]["text"]) in spy.parsed  # parsed whole, as one Doc


def test_one_window_is_the_whole_doc_path(example, single) -> None:
    doc = document(example)
    windowed = process_windows(doc, masked_text(doc), size=len(example) + 1).to_dict()
    assert windowed == single


def test_windows_of_a_megabyte_cover_it_at_paragraph_breaks() -> None:
    paragraph = "Russia sent jets to North Korea, officials said on Tuesday. " * 40
    text = "\n\n".join([paragraph.strip()] * 450)  # about a megabyte
    cuts = windows(text)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(0 < end - start <= WINDOW_CHARS for start, end in cuts)
    assert all(text[end - 2 : end] == "\n\n" for _start, end in cuts[:-1])
    assert len(cuts) == pytest.approx(len(text) / WINDOW_CHARS, rel=0.1)


def test_windows_without_paragraphs_cut_at_sentences_then_spaces() -> None:
    sentences = "The talks went on. " * 5000
    assert all(sentences[end - 2 : end] == ". " for _s, end in windows(sentences)[:-1])
    words = "word " * 30000
    assert all(words[end - 1] == " " for _s, end in windows(words)[:-1])
    assert windows("x" * 120_000) == [(0, 50_000), (50_000, 100_000), (100_000, 120_000)]


def test_masked_text_blanks_removed_spans_keeping_line_breaks() -> None:
    text = "Share this!\nTalks ended.\nREAD: more\nEnd."
    removed = [RemovedSpan(0, 11, "social"), RemovedSpan(25, 35, "cross-link"),
               RemovedSpan(8, 14, "overlapping")]  # fmt: skip
    chars = list(text)  # the plain definition
    for span in removed:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    assert masked_text(Document(id="d", text=text, removed=removed)) == "".join(chars)


def test_json_is_written_one_event_at_a_time_as_dumps_would(example) -> None:
    result = process(document(example))
    for events in (result.events, []):
        result.events = events
        buffer = io.StringIO()
        result.write_json(buffer)
        dumped = json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
        assert buffer.getvalue() == dumped + "\n"
