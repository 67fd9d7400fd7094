"""Every input format, read as both engines read it (``ingest.read_articles``; on Ray
the driver sends these batches to the workers): the same article fields from a
folder of .txt/.html files, JSON Lines (plain, .gz, .zst) and Parquet, a bad item
skipped with its reason after the good ones, and the progress total counted
without reading."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dossier.distributed import input_batches
from dossier.ingest import Article, Skipped, count_articles, read_articles

STORY = (
    "Russia has agreed to supply fighter jets to North Korea in exchange for troops, "
    "officials in Seoul said on Tuesday."
)
RECORDS = [
    {"text": STORY, "url": "https://news.example/jets", "title": "Jets for troops",
     "published": "2024-12-10", "outlet": "Northwire"},
    {"html": f"<html><body><p>{STORY}</p></body></html>", "date": "2024-12-11",
     "source": {"id": None, "name": "Desk Daily"}},
]  # fmt: skip
# what each good record becomes (text, html, url, title, published, outlet)
EXPECTED = [
    (STORY, None, "https://news.example/jets", "Jets for troops", "2024-12-10", "Northwire"),
    (None, f"<html><body><p>{STORY}</p></body></html>", None, None, "2024-12-11", "Desk Daily"),
]


def fields(article: Article) -> tuple:
    return (article.text, article.html, article.url, article.title, article.published,
            article.outlet)  # fmt: skip


def read(path: Path, batch_size: int = 2) -> list[Article | Skipped]:
    batches = list(input_batches([path], batch_size))
    assert all(0 < len(batch) <= batch_size for batch in batches)
    items = [item for batch in batches for item in batch]
    assert count_articles([path]) == len(items)  # the progress bar's total
    return items


def write_jsonl(path: Path, lines: list[str]) -> Path:
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data)
    elif path.suffix == ".zst":
        zstandard = pytest.importorskip("zstandard", reason="zstandard is not installed")
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.jsonl.zst"])
def test_json_lines_plain_and_compressed_with_a_bad_line(tmp_path, name):
    lines = [json.dumps(RECORDS[0]), '{"text": "cut short', "", json.dumps(RECORDS[1])]
    path = write_jsonl(tmp_path / name, lines)
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert [fields(i) for i in items if isinstance(i, Article)] == EXPECTED
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert items[1].reason.startswith("invalid JSON: Unterminated string")


def test_parquet_rows_with_a_row_without_text_and_one_of_the_wrong_type(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    import pyarrow.parquet as pq

    first, second = RECORDS
    table = pa.table({
        "text": [first["text"], None, None, "A story with a numeric title."],
        "html": [None, second["html"], None, None],
        "url": [first["url"], None, "https://news.example/empty", None],
        "title": [first["title"], None, None, None],
        "published": [first["published"], None, None, None],
        "date": [None, second["date"], None, None],
        "outlet": [first["outlet"], None, None, None],
        "source": [None, second["source"], None, None],
        "views": [1, 2, 3, 4],  # a column no article uses
    })  # fmt: skip
    path = tmp_path / "a.parquet"
    pq.write_table(table, path, row_group_size=2)  # two row groups
    items = read(path, batch_size=3)
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Skipped", "Article"]
    assert [fields(i) for i in items[:2]] == EXPECTED
    assert [i.origin for i in items] == [f"{path}:{n}" for n in range(1, 5)]
    assert items[2].reason == "no text or html field"
    numeric = tmp_path / "b.parquet"
    pq.write_table(pa.table({"text": [STORY], "title": [7]}), numeric)
    assert read(numeric) == [Skipped(f"{numeric}:1", 'field "title" is not a string')]


def test_a_damaged_parquet_file_is_one_skipped_item(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": [STORY] * 3}), path)
    path.write_bytes(path.read_bytes()[:-40])  # its footer cut off
    (item,) = list(read_articles([path]))
    assert isinstance(item, Skipped) and item.origin == str(path)
    assert item.reason.startswith("cannot read Parquet: ")


def test_a_folder_of_text_and_html_files_with_a_bad_file(tmp_path):
    folder = tmp_path / "northwire"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "jets.txt").write_text(STORY, encoding="utf-8")
    (folder / "page.html").write_text(RECORDS[1]["html"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    items = read(folder)
    assert [(Path(i.origin).name, type(i).__name__) for i in items] == [
        ("jets.txt", "Article"), ("empty.txt", "Skipped"), ("page.html", "Article")
    ]  # fmt: skip
    assert items[1].reason == "empty file"
    # a file's outlet without a URL: the folder named
    assert [(i.text, i.html, i.folder) for i in (items[0], items[2])] == [
        (STORY, None, "northwire"), (None, RECORDS[1]["html"], "northwire")
    ]  # fmt: skip


def test_the_batches_are_read_as_they_are_asked_for(tmp_path):
    """The driver reads one batch when a worker can take it, not the whole input: a
    line appended after the first batch was taken is still read."""
    path = write_jsonl(tmp_path / "a.jsonl", [json.dumps(RECORDS[0])] * 2)
    batches = input_batches([path], 2)
    assert len(next(batches)) == 2
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(RECORDS[1]) + "\n")
    assert [fields(i) for i in next(batches)] == [EXPECTED[1]]
    assert next(batches, None) is None
