"""Reading input (dossier.ingest): JSON Lines errors at their real column, compressed
JSON Lines on the local engine, and a corpus's README/LICENSE files kept out."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from dossier.ingest import Article, Skipped, count_articles, read_articles, read_jsonl

ENGLISH = (
    "Russia has struck a significant military deal with North Korea, agreeing to supply "
    "MiG-29 and Su-27 fighter jets in exchange for North Korean troop deployments."
)
LINES = [{"text": ENGLISH, "url": f"https://example.org/{n}"} for n in range(3)]


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")


def summary(items: list) -> list[tuple[str, str]]:
    return [(type(i).__name__, i.origin) for i in items]


def test_a_line_cut_short_is_reported_where_it_ends(tmp_path):
    cut = '{"text": "Russia sent jets to Belarus.", "url": '
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps(LINES[0]) + "\n" + cut + "\n" + json.dumps(LINES[1]) + "\n")
    good, bad, after = read_jsonl(path)
    assert isinstance(good, Article) and isinstance(after, Article)
    assert bad.origin == f"{path}:2"
    assert bad.reason == (
        f"invalid JSON: Expecting value at column {len(cut) + 1} (the line ends there: cut short?)"
    )


def test_a_string_cut_short_says_where_the_line_ends(tmp_path):
    cut = '{"url": "u", "text": "Russia sent jets to Bel'
    path = tmp_path / "cut.jsonl"
    path.write_text(cut + "\r\n")
    (bad,) = read_jsonl(path)
    assert bad.reason == (
        "invalid JSON: Unterminated string starting at column 22 "
        f"(the line ends at column {len(cut) + 1}: cut short?)"
    )


def test_jsonl_gz_is_read_by_the_local_engine(tmp_path):
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(LINES)))
    items = list(read_articles([path]))
    assert summary(items) == [("Article", f"{path}:{n}") for n in (1, 2, 3)]
    assert [i.url for i in items] == [r["url"] for r in LINES]
    assert count_articles([path]) == 3
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "more.ndjson.gz").write_bytes(gzip.compress(jsonl(LINES[:1])))
    assert summary(read_articles([folder])) == [("Article", f"{folder / 'more.ndjson.gz'}:1")]


def test_a_damaged_gz_keeps_the_lines_before_the_damage(tmp_path):
    data = gzip.compress(jsonl(LINES * 2000))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_articles([path]))
    articles = [i for i in items if isinstance(i, Article)]
    assert articles and isinstance(items[-1], Skipped)
    assert items[-1].origin == f"{path}:{len(articles) + 1}"
    assert items[-1].reason.startswith("cannot read: ")
    not_gzip = tmp_path / "not.jsonl.gz"
    not_gzip.write_text(json.dumps(LINES[0]))
    (skipped,) = read_articles([not_gzip])
    assert skipped.origin == f"{not_gzip}:1" and "gzip" in skipped.reason.lower()


def test_jsonl_zst_is_read_when_zstandard_is_installed(tmp_path):
    zstandard = pytest.importorskip("zstandard", reason="zstandard is not installed")
    path = tmp_path / "articles.jsonl.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(jsonl(LINES)))
    assert summary(read_articles([path])) == [("Article", f"{path}:{n}") for n in (1, 2, 3)]


def test_jsonl_zst_without_zstandard_names_the_extra(tmp_path, monkeypatch):
    path = tmp_path / "articles.jsonl.zst"
    path.write_bytes(b"(\xb5/\xfd")
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard fails
    (skipped,) = read_articles([path])
    assert skipped == Skipped(
        str(path),
        "reading .zst needs the 'zstd' extra: pip install 'dossier[zstd]' "
        "(zstandard is not installed)",
    )


def test_a_line_over_the_limit_is_skipped_and_the_next_read(tmp_path):
    path = tmp_path / "long.jsonl"
    long = json.dumps({"text": ENGLISH * 50})
    path.write_text(long + "\n" + json.dumps(LINES[0]) + "\n")
    first, second = read_jsonl(path, max_bytes=1000)
    assert first.origin == f"{path}:1" and first.reason.startswith("too large")
    assert isinstance(second, Article) and second.origin == f"{path}:2"


def test_corpus_notes_in_a_folder_are_skipped_with_a_reason(tmp_path):
    for name in ("README.TXT", "LICENSE", "SOURCE.txt", "readme.md", "story.txt"):
        (tmp_path / name).write_text(ENGLISH if name == "story.txt" else "About this corpus.")
    items = list(read_articles([tmp_path]))
    articles = [i.origin for i in items if isinstance(i, Article)]
    assert articles == [str(tmp_path / "story.txt")]
    skipped = {Path(i.origin).name: i.reason for i in items if isinstance(i, Skipped)}
    assert set(skipped) == {"README.TXT", "LICENSE", "SOURCE.txt", "readme.md"}
    assert all(why.startswith("not an article: a corpus's README") for why in skipped.values())
    (named,) = read_articles([tmp_path / "README.TXT"])  # named on its own: read
    assert isinstance(named, Article)


def test_the_bbc_readme_is_skipped():
    bbc = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-bbc" / "bbc"
    if not bbc.is_dir():
        pytest.skip(f"BBC corpus not found at {bbc} (it lives in ../shared beside the repo)")
    readme = [i for i in read_articles([bbc]) if i.origin.endswith("README.TXT")]
    assert len(readme) == 1 and isinstance(readme[0], Skipped)
