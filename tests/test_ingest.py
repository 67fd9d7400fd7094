"""Ingest: every kind of bad input gets a clear one-line reason; good input loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.ingest import (
    Article,
    IngestError,
    Skipped,
    load_document,
    read_articles,
    read_file,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rus-prk-jets-for-troops.txt"
BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-bbc" / "bbc"

ENGLISH = (
    "Russia has struck a significant military deal with North Korea, agreeing to supply "
    "MiG-29 and Su-27 fighter jets in exchange for North Korean troop deployments to aid "
    "the war in Ukraine, a US commander said on Tuesday."
)
FRENCH = (
    "La Russie a conclu un important accord militaire avec la Corée du Nord, acceptant de "
    "fournir des avions de chasse MiG-29 et Su-27 en échange du déploiement de troupes "
    "nord-coréennes pour soutenir la guerre que mène la Russie en Ukraine. Cette révélation "
    "a été faite par le commandant du Commandement indo-pacifique des États-Unis, l'amiral "
    "Samuel Paparo, le 10 décembre, soulignant la coopération militaire croissante entre "
    "les deux pays."
)


def reason_of(call, *args, **kwargs) -> str:
    with pytest.raises(IngestError) as caught:
        call(*args, **kwargs)
    return caught.value.reason


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path



# --- bad files ------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as caught:
        read_file(tmp_path / "nope.txt")
    assert caught.value.reason == "no such file"
    assert caught.value.source == str(tmp_path / "nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    assert reason_of(read_file, write(tmp_path / "a.txt", b"")) == "empty file"


def test_whitespace_only_file(tmp_path: Path) -> None:
    reason = reason_of(read_file, write(tmp_path / "a.txt", " \n\t\r\n  \n"))
    assert reason == "empty file (only whitespace)"


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    assert reason_of(read_file, write(tmp_path / "a.txt", png)) == "binary file (NUL bytes)"


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    data = bytes(b for b in range(1, 32) if b not in (9, 10, 11, 12, 13, 27)) * 40
    assert reason_of(read_file, write(tmp_path / "a.txt", data)).startswith("binary file (")


def test_too_large_file_and_raised_limit(tmp_path: Path) -> None:
    line = "Russia has agreed to supply fighter jets to North Korea, officials said.\n"
    path = write(tmp_path / "big.txt", line * (20_000_000 // len(line) + 1))
    assert reason_of(read_file, path) == (
        "too large: 20.0 MB > limit 5.0 MB; raise it with --max-bytes"
    )
    article = read_file(path, max_bytes=30_000_000)
    assert reason_of(load_document, article).startswith("too large: 20.0 MB > limit 5.0 MB")
    document = load_document(article, max_bytes=30_000_000)
    assert len(document.text) == path.stat().st_size
    path.unlink()


def test_latin1_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Le café opened on Monday.".encode("latin-1"))
    assert reason_of(read_file, path) == (
        "not valid UTF-8 at byte 6; pass --encoding auto or --encoding latin-1"
    )
    assert read_file(path, encoding="latin-1").text == "Le café opened on Monday."
    assert read_file(path, encoding="auto").text == "Le café opened on Monday."


def test_auto_keeps_utf8_and_reads_cyrillic(tmp_path: Path) -> None:
    utf8 = write(tmp_path / "a.txt", "Le café – “quoted”".encode())
    assert read_file(utf8, encoding="auto").text == "Le café – “quoted”"
    cp1251 = write(tmp_path / "b.txt", "Москва заявила, что поставит самолёты".encode("cp1251"))
    assert read_file(cp1251, encoding="auto").text == "Москва заявила, что поставит самолёты"


def test_unknown_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ENGLISH)
    assert reason_of(read_file, path, encoding="klingon") == "unknown encoding 'klingon'"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ENGLISH.encode())
    assert read_file(path).text == ENGLISH


def test_utf16_file_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ENGLISH.encode("utf-16"))
    assert "UTF-16" in reason_of(read_file, path)
    assert read_file(path, encoding="auto").text == ENGLISH


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    assert reason_of(read_file, tmp_path) == "is a folder, not a file"


# --- HTML -------------------------------------------------------------------------


def test_html_detected_by_extension_and_by_content(tmp_path: Path) -> None:
    page = f"<html><body><p>{ENGLISH}</p></body></html>"
    assert read_file(write(tmp_path / "a.html", page)).html == page
    sniffed = read_file(write(tmp_path / "b.txt", "\n<!DOCTYPE html>" + page))
    assert sniffed.html is not None and sniffed.text is None
    plain = read_file(write(tmp_path / "c.txt", "Russia said x < y and 3 > 2.\n"))
    assert plain.text is not None and plain.html is None


def test_html_keeps_title_and_published_date(tmp_path: Path) -> None:
    page = f"""<!DOCTYPE html><html><head><title>Russia to send jets to North Korea</title>
<meta property="article:published_time" content="2024-12-12T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Russia to send jets to North Korea</h1><p>{ENGLISH}</p>
<p>The revelation was made by Admiral Samuel Paparo on December 10, highlighting the
growing military cooperation between the two countries.</p>
<p>READ: Zelenskyy Praises Trump</p></article></body></html>"""
    document = load_document(read_file(write(tmp_path / "page.html", page)))
    assert document.format == "html"
    assert document.title == "Russia to send jets to North Korea"
    assert (document.published, document.published_source) == ("2024-12-12", "html")
    lines = document.text.split("\n")
    assert ENGLISH in lines  # one paragraph per line
    assert [(s.reason, s.text) for s in document.removed] == [
        ("cross-link", "READ: Zelenskyy Praises Trump")
    ]
    # a given date wins over the page's
    given = load_document(Article(html=page, published="2024-12-13"))
    assert (given.published, given.published_source) == ("2024-12-13", "given")


def test_malformed_html_with_text_still_loads() -> None:
    document = load_document(Article(html=f"<html><body><div><p>unclosed <b>tags {ENGLISH}"))
    assert document.format == "html"
    assert "Russia has struck a significant military deal" in document.text


@pytest.mark.parametrize(
    "page", ["<html><script>x</script></html>", "<html></html>", "<<<>>>", "<p>  </p>"]
)
def test_html_without_article_text(page: str) -> None:
    assert reason_of(load_document, Article(html=page)) == "no article text found in HTML"


# --- text checks in load_document ---------------------------------------------------


def test_french_article_is_not_english() -> None:
    reason = reason_of(load_document, Article(text=FRENCH))
    assert reason.startswith("not English (")
    assert "detected: fr" in reason
    assert load_document(Article(text=FRENCH), check_language=False).language is None


def test_non_latin_script_is_not_english() -> None:
    text = "Россия согласилась поставить Северной Корее истребители МиГ-29 и Су-27. " * 3
    assert reason_of(load_document, Article(text=text)) == "not English (mostly Cyrillic script)"


def test_short_text_skips_the_language_check() -> None:
    assert load_document(Article(text="La Russie a conclu un accord.")).text


def test_empty_text() -> None:
    assert reason_of(load_document, Article(text=" \n ")) == "empty text"
    assert reason_of(load_document, Article()) == "no text or html given"


def test_text_is_kept_with_newlines_normalised() -> None:
    document = load_document(Article(text="  First line.\r\nSecond line.\rThird.  "))
    assert document.text == "  First line.\nSecond line.\nThird.  "
    assert document.format == "text" and document.language == "en"


def test_document_id_is_a_stable_content_hash() -> None:
    first = load_document(Article(text=ENGLISH, origin="a.txt"))
    second = load_document(Article(text=ENGLISH, origin="b.txt", title="Other"))
    other = load_document(Article(text=ENGLISH + " More."))
    assert first.id == second.id
    assert first.id != other.id
    assert first.id.startswith("doc_") and len(first.id) == 20
    # the hash of the text the offsets index, after newline normalisation
    assert load_document(Article(text=ENGLISH.replace(" a US", "\r\na US"))).id == (
        load_document(Article(text=ENGLISH.replace(" a US", "\na US"))).id
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-12-12", "2024-12-12"),
        ("2024-12-12T10:00:00Z", "2024-12-12"),
        ("2024-12-12T23:30:00-05:00", "2024-12-12"),
        ("12 December 2024", "2024-12-12"),
        ("Dec. 12, 2024", "2024-12-12"),
        ("Thu, 12 Dec 2024 10:00:00 GMT", "2024-12-12"),
    ],
)
def test_published_normalised(given: str, expected: str) -> None:
    document = load_document(Article(text=ENGLISH, published=given))
    assert (document.published, document.published_source) == (expected, "given")


@pytest.mark.parametrize("given", ["yesterday", "2024-02-30", "2024-12", "12/12"])
def test_bad_published_date(given: str) -> None:
    reason = reason_of(load_document, Article(text=ENGLISH, published=given))
    assert reason == f"bad published date: {given!r} (expected YYYY-MM-DD)"


def test_example_article_loads() -> None:
    document = load_document(read_file(EXAMPLE))
    assert document.text == EXAMPLE.read_text(encoding="utf-8")
    assert len(document.removed) == 5
    assert (document.published, document.published_source) == (None, "none")


# --- batches ------------------------------------------------------------------------


def test_jsonl_good_invalid_and_missing_text(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    good = {"text": ENGLISH, "url": "https://example.com/1", "title": "T", "date": "2024-12-12"}
    path.write_text(
        json.dumps(good) + "\n" + '{"text": "unterminated\n' + json.dumps({"url": "u"}) + "\n",
        encoding="utf-8",
    )
    items = list(read_articles([path]))
    assert len(items) == 3
    article, invalid, missing = items
    assert isinstance(article, Article)
    assert (article.text, article.url, article.title, article.published) == (
        ENGLISH,
        "https://example.com/1",
        "T",
        "2024-12-12",
    )
    assert article.origin == f"{path}:1"
    assert isinstance(invalid, Skipped) and isinstance(missing, Skipped)
    assert invalid.origin == f"{path}:2" and invalid.reason.startswith("invalid JSON: ")
    assert (missing.origin, missing.reason) == (f"{path}:3", "no text or html field")
    assert load_document(article).published_source == "given"


def test_jsonl_other_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "y.jsonl"
    path.write_text(
        '[1, 2]\n\n{"text": 5}\n{"html": "<p>Russia will supply jets.</p>"}\n', encoding="utf-8"
    )
    items = list(read_articles([path]))
    assert [(i.origin, i.reason) for i in items if isinstance(i, Skipped)] == [
        (f"{path}:1", "not a JSON object but list"),
        (f"{path}:3", 'field "text" is not a string'),
    ]
    (article,) = [i for i in items if isinstance(i, Article)]
    assert article.origin == f"{path}:4"
    assert load_document(article).text == "Russia will supply jets."


def test_folder_walk(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", ENGLISH)
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.html", f"<p>{ENGLISH}</p>")
    write(tmp_path / "a" / "empty.txt", b"")
    write(tmp_path / "c.jsonl", json.dumps({"text": ENGLISH}) + "\n")
    write(tmp_path / "d.pdf", b"%PDF-1.4")
    write(tmp_path / ".hidden.txt", ENGLISH)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", ENGLISH)
    items = list(read_articles([tmp_path, tmp_path / "missing.txt"]))
    summary = [(i.origin, type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert summary == [
        (str(tmp_path / "a" / "empty.txt"), "Skipped", "empty file"),
        (str(tmp_path / "a" / "z.html"), "Article", None),
        (str(tmp_path / "b.txt"), "Article", None),
        (f"{tmp_path / 'c.jsonl'}:1", "Article", None),
        (
            str(tmp_path / "d.pdf"),
            "Skipped",
            "unsupported file type .pdf; expected .txt, .html, .htm, .jsonl or .parquet",
        ),
        (str(tmp_path / "missing.txt"), "Skipped", "no such file or folder"),
    ]
    assert items[1].html is not None  # type: ignore[union-attr]


def test_file_named_explicitly_is_read_whatever_its_extension(tmp_path: Path) -> None:
    (item,) = read_articles([write(tmp_path / "story.md", ENGLISH)])
    assert isinstance(item, Article) and item.text == ENGLISH
    (skipped,) = read_articles([write(tmp_path / "pic.png", b"\x89PNG\r\n\x1a\n\x00\x00")])
    assert skipped == Skipped(str(tmp_path / "pic.png"), "binary file (NUL bytes)")


# --- the BBC corpus -------------------------------------------------------------------


def test_bbc_corpus_loads_as_english() -> None:
    """All 2,225 BBC News articles read (one is Latin-1) and pass the English check."""
    if not BBC.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC} (it lives in ../shared beside the repo)")
    failed = []
    count = 0
    for item in read_articles([BBC], encoding="auto"):
        if isinstance(item, Skipped):
            if not item.origin.endswith("README.TXT"):
                failed.append(f"{item.origin}: {item.reason}")
            continue
        if item.origin.endswith("README.TXT"):
            continue
        try:
            load_document(item)
            count += 1
        except IngestError as error:
            failed.append(f"{item.origin}: {error.reason}")
    assert not failed, "\n".join(failed[:20])
    assert count == 2225
