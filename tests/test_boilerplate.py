"""Boilerplate lines: what is removed, what must stay, and the false positives on BBC News."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.boilerplate import classify_line, find_boilerplate
from dossier.ingest import decode_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "rus-prk-jets-for-troops.txt"
BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-bbc" / "bbc"



def test_example_article_loses_exactly_its_five_boilerplate_lines() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    spans = find_boilerplate(text)
    found = [(text.count("\n", 0, span.start) + 1, span.reason) for span in spans]
    assert found == [
        (4, "cross-link"),
        (7, "cross-link"),
        (10, "donation appeal"),
        (11, "social"),
        (12, "newsletter"),
    ]
    lines = text.splitlines()
    for span in spans:
        line_number = text.count("\n", 0, span.start) + 1
        assert span.text == text[span.start : span.end] == lines[line_number - 1]
    # the donation appeal goes whole, with its second sentence
    assert spans[2].text.endswith("local, and national news coverage.")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("READ: Zelenskyy Praises Trump's Determination", "cross-link"),
        ("READ MORE: Ukraine war latest", "cross-link"),
        ("Also read: The war in numbers", "cross-link"),
        ("Related: Russia and North Korea sign pact", "cross-link"),
        ("RELATED ARTICLES", "cross-link"),
        ("Click here to read the full report", "cross-link"),
        ("(READ MORE: Kyiv says talks stalled)", "cross-link"),
        ("**READ:** Another story", "cross-link"),
        ("• Related: another story", "cross-link"),
        ("Please make a small donation to help sustain independent journalism.", "donation appeal"),
        ("Support our journalism", "donation appeal"),
        ("Become a member", "donation appeal"),
        ("Become a patron of the Kyiv Independent", "donation appeal"),
        ("Donate", "donation appeal"),
        ("If you value our reporting, please consider supporting us.", "donation appeal"),
        ("Connect with us: Facebook, Twitter", "social"),
        ("Follow us on Facebook", "social"),
        ("Follow Reuters on X", "social"),
        ("Share this article", "social"),
        ("Share on Facebook", "social"),
        ("Like us on Facebook", "social"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("Sign up: Subscribe to our newsletter", "newsletter"),
        ("Subscribe to our newsletter for the latest news.", "newsletter"),
        ("Get the latest news delivered to your inbox", "newsletter"),
        ("Copyright © 2024 Tampa Free Press. All rights reserved.", "legal"),
        ("© 2024 Reuters", "legal"),
        ("All Rights Reserved.", "legal"),
        ("We use cookies to improve your experience.", "legal"),
        ("Advertisement", "navigation"),
        ("Story continues below advertisement", "navigation"),
        ("Skip to content", "navigation"),
        ("Photo: Reuters", "photo credit"),
        ("(Photo by Anna Smith/AFP via Getty Images)", "photo credit"),
        ("Image: Russian MoD / Getty Images", "photo credit"),
        ("A MiG-29 at an air show. (Photo: Reuters)", "photo credit"),
        ("Soldiers in Kyiv, 12 December. Sergei Supinsky/AFP via Getty Images", "photo credit"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert classify_line(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Russia will follow the agreement, the Kremlin said.",
        "He urged readers to subscribe to the newspaper's newsletter.",
        "Following the talks, Russia agreed to supply jets.",
        "Read the full statement on the ministry's website, a spokesman said.",
        "Related talks in Geneva ended without agreement.",
        "Support for the deal is growing in Pyongyang.",
        "Supporting the bill by 300 votes to 200, MPs backed the plan.",
        "Please note that figures were revised on Monday.",
        "Donations to the tsunami appeal have reached £100m.",
        "Share prices fell 3% on Tuesday.",
        "Subscribers to the service will pay £5 a month.",
        "Copyright laws were tightened in 2004.",
        "Pictures from the scene showed burning tanks.",
        "Credit card debt rose to £50bn.",
        "The footage was shared via Reuters.",
        "KYIV (Reuters) - Russia launched a missile attack on Kyiv.",
        "Join the club, said the minister.",
        "Follow the money, he told reporters on Facebook Live.",
        "Advertisement revenue rose 12%.",
        "Home Secretary Charles Clarke said the plan would work.",
        "Get the latest version of the software from the firm's website, it advised.",
        "Sign up rates for the scheme were low.",
        "",
        "   ",
    ],
)
def test_article_lines_stay(line: str) -> None:
    assert classify_line(line) is None


def test_long_line_with_a_cue_stays() -> None:
    line = "Read more: " + "the minister said the talks would go on for another week. " * 10
    assert classify_line(line) is None


def test_spans_are_whole_lines_without_the_line_break() -> None:
    text = "Russia will supply jets.\r\nFollow us on Twitter\r\nAdvertisement"
    spans = find_boilerplate(text)
    assert [(s.start, s.end, s.reason) for s in spans] == [
        (26, 46, "social"),
        (48, 61, "navigation"),
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_bbc_corpus_false_positives() -> None:
    """BBC News texts are clean: every removed line is a false positive."""
    if not BBC.is_dir():
        pytest.skip(f"BBC corpus not found at {BBC} (it lives in ../shared beside the repo)")
    files = sorted(BBC.glob("*/*.txt"))
    assert len(files) == 2225
    removed = []
    for path in files:
        text = decode_bytes(path.read_bytes(), "auto")
        name = f"{path.parent.name}/{path.name}"
        removed += [f"{name}: {span.text[:80]}" for span in find_boilerplate(text)]
    assert len(removed) <= 3, "\n".join(removed)
