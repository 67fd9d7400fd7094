"""Find program code (JavaScript, CSS) left in an article's text by a web page.

Pages embed scripts for tweets, videos and players; a text taken from such a
page may keep them ("var par = e.target.parentElement; if (par && ...) {"),
on lines of their own or glued to a line of the article.  Code is not part of
the report: its words ("visit", "attack" in an identifier or a comment) are
no events.  ``find_code`` marks each run of code as a removed span (reason
``program code``); the caller keeps it in the text and blanks it out for
extraction, as it does boilerplate lines (``dossier.pipeline.masked_text``).

A run is code when it holds at least ``MIN_STATEMENTS`` statements, each a
construct no English sentence has: a declaration (``var x =``), a call ended
by a semicolon (``render();``), a comparison (``===``), a block opened after
a condition (``if (...) {``), a closing of blocks (``});``), a ``//`` comment
at the start of a line or after a statement, a CSS rule (``.x { color: red; }``).
Statements count as one run while they are at most ``MAX_GAP`` characters
apart; the span runs from the first to the last.  Prose with a semicolon or a
parenthesis has no such statements, and one stray statement is left alone.

>>> text = "He spoke.\\nvar x = 1;\\nif (x === 1) {\\nrender();\\n}\\nThe talks ended."
>>> [(s.reason, s.text) for s in find_code(text)]
[('program code', 'var x = 1;\\nif (x === 1) {\\nrender();\\n}')]
>>> find_code("Talks (in Vienna) ended; both sides will meet again.")
[]
"""

from __future__ import annotations

import re

from dossier.models import RemovedSpan

__all__ = ["CUES", "MAX_GAP", "MIN_STATEMENTS", "STATEMENT", "find_code"]

MIN_STATEMENTS = 3
MAX_GAP = 60
STATEMENT = re.compile(
    r"""
      \b(?:var|let|const)\s+[A-Za-z_$][\w$]*\s*=            # var par =
    | \bfunction\s*[\w$]*\s*\([^()\n]{0,80}\)\s*\{          # function (d) {
    | \b(?:if|while|for|switch)\s*\([^\n]{0,200}?\)\s*\{    # if (...) {
    | \}\s*else\b                                           # } else
    | [!=]==                                                # === !==
    | [\w$\])]\s*&&\s*[\w$!(]                                # a && b
    | (?<![\w$.\]])[\w$.\]]{1,80}\((?:[^()\n]|\([^()\n]{0,80}\)){0,120}\)\s*;  # render(); f(g(x));
    | [\w$\]]\s*=\s*(?:"[^"\n]{0,200}"|'[^'\n]{0,200}'|[\w$.]{1,80})\s*;  # x.y = "a";
    | (?:^|[;{}]\s*|-)//[^\n]{0,200}?(?=\n|-|$)            # // a comment
    | (?:\}\s*){1,4}\)?\s*(?:\([\w$]*\))?\s*;               # }); })(document);
    | (?<![\w#.-])[#.]?[\w-]{1,60}\s*\{\s*[\w-]{1,60}\s*:\s*[^;{}\n]{1,200};  # .x { color: red;
    """,
    re.VERBOSE | re.MULTILINE,
)
# one of these is in any run of code ``STATEMENT`` finds; a text without them is prose
CUES = ("{", "();", "===", "!==", "&&", "var ", "let ", "const ", "//")
_TRAILING = re.compile(r"(?:[\s-]*[)}\];])*")  # closings after the last statement


def find_code(text: str) -> list[RemovedSpan]:
    """The runs of program code in ``text``, each a span with reason ``program code``.

    >>> text = "Rebels attacked.-if (a) {-var b = c.d;-b.remove();-}-The end."
    >>> [text[s.start:s.end] for s in find_code(text)]
    ['if (a) {-var b = c.d;-b.remove();-}']
    """
    if not any(cue in text for cue in CUES):
        return []  # no brace, call, comparison or declaration: prose
    runs: list[list[re.Match[str]]] = []
    for match in STATEMENT.finditer(text):
        if runs and match.start() - runs[-1][-1].end() <= MAX_GAP:
            runs[-1].append(match)
        else:
            runs.append([match])
    spans = []
    for run in runs:
        if len(run) < MIN_STATEMENTS:
            continue
        start = run[0].start()
        while start < len(text) and text[start] in "-;{} \t\n":
            start += 1  # the separator a comment or a closing may begin with
        end = run[-1].end()
        end = _TRAILING.match(text, end).end()
        spans.append(RemovedSpan(start=start, end=end, reason="program code",
                                 text=text[start:end]))  # fmt: skip
    return spans
