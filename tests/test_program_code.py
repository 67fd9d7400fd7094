"""Program code a web page left in an article's text is kept out of extraction
(``dossier.program_code``): scripts on lines of their own, glued to a line of the
article, CSS rules; prose with semicolons and parentheses stays."""

from __future__ import annotations

from dossier.pipeline import analyze
from dossier.program_code import find_code

SCRIPT = """Police arrested two men in Lagos on Monday.
var embed = document.getElementById("player");
if (embed && embed.className === "ready") {
// the embed must attack the parent node and visit every child
embed.parentNode.removeChild(embed);
}
renderTweets();
The pope began his visit to Kenya on Tuesday."""


def _code(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_code(text)]


def test_a_script_on_lines_of_its_own_is_one_span():
    [span] = find_code(SCRIPT)
    assert span.reason == "program code"
    assert SCRIPT[span.start : span.end].startswith("var embed")
    assert SCRIPT[span.start : span.end].endswith("renderTweets();")


def test_code_glued_to_a_line_and_css():
    glued = ("Talks ended. if (e.target) { var par = e.target.parentElement; "
             "par.removeChild(e.target); } }); Rebels shelled the town.")  # fmt: skip
    assert _code(glued) == ["if (e.target) { var par = e.target.parentElement; "
                            "par.removeChild(e.target); } });"]  # fmt: skip
    css = "Troops withdrew.\n.caption { color: #333; }\n#player { width: 100%; }\nh2 { margin: 0; }"
    assert len(_code(css)) == 1 and "Troops" not in _code(css)[0]


def test_prose_is_not_code():
    for text in (
        "The talks (in Vienna) ended; both sides will meet again on Monday.",
        "Russia said: 'We will respond'; Kyiv (and its allies) said nothing.",
        "He wrote that x = 2 in the model; the forecast (see below) was wrong.",
        "Turnout was 64% (up from 58%); the result == a landslide, said one.",
    ):
        assert find_code(text) == [], text


def test_no_event_comes_from_code():
    events = analyze(SCRIPT, published="2016-06-01").events
    assert sorted((e.type, e.trigger.text) for e in events) == [
        ("COERCE", "arrested"), ("CONSULT", "visit")]  # fmt: skip
    glued = SCRIPT.replace("\n", "-")  # lines joined by dashes, as some corpora have them
    events = analyze(glued, published="2016-06-01").events
    assert "attack" not in [e.trigger.text for e in events]
