"""Every module the package imports comes from a dependency it declares.

A new user's ``pip install`` brings only what ``pyproject.toml`` declares: a
package that merely happens to be on the build machine must not be imported
(issue 14: datasketch, fastapi and uvicorn were imported but not declared).
Optional parts (Ray) are declared in an extra and checked by
``dossier.extras.require``, which names the extra when it is missing.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.extras import EXTRAS, MissingExtra, require

ROOT = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib", reason="reading pyproject.toml needs Python 3.11+")


def _name(requirement: str) -> str:
    """'psycopg[binary]>=3.1' -> 'psycopg' (normalised as PEP 503 says)."""
    bare = re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0]
    return re.sub(r"[-_.]+", "-", bare).lower()


def _declared() -> tuple[set[str], dict[str, set[str]]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    core = {_name(r) for r in project["dependencies"]}
    extras = {k: {_name(r) for r in v} for k, v in project["optional-dependencies"].items()}
    return core, extras


def _imports() -> dict[str, str]:
    """Top-level module -> the first 'file:line' importing it, for third-party modules."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "dossier").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("dossier", "__future__"):
                    continue
                found.setdefault(top, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_import_is_a_declared_dependency() -> None:
    core, extras = _declared()
    optional = set().union(*(extras[name] for name in EXTRAS))
    providers = packages_distributions()
    problems = []
    for module, where in sorted(_imports().items()):
        dists = {_name(d) for d in providers.get(module, [])}
        if not dists:
            problems.append(f"{module} ({where}): not installed, so no declared package gives it")
        elif not dists & core and not (
            dists & optional and module in {m.split(".")[0] for ms in EXTRAS.values() for m in ms}
        ):
            problems.append(f"{module} ({where}): from {sorted(dists)}, not declared")
    assert not problems, "\n".join(problems)


def test_the_test_extra_brings_every_optional_extra() -> None:
    """The test command installs '.[test]': it must hold what the optional parts need."""
    _, extras = _declared()
    for name in EXTRAS:
        assert extras[name] <= extras["test"], name


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails
    with pytest.raises(MissingExtra, match=r"pip install 'dossier\[ray\]'"):
        require(extra="ray", feature="--engine ray")


def test_ingest_on_ray_without_ray_says_which_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dossier.cli import app

    monkeypatch.setitem(sys.modules, "ray", None)
    article = tmp_path / "a.txt"
    article.write_text("Russia sent tanks to Belarus on 3 May 2024.\n")
    result = CliRunner().invoke(
        app, ["ingest", str(article), "--db", str(tmp_path / "x.db"), "--engine", "ray"]
    )
    assert result.exit_code == 1
    assert "pip install 'dossier[ray]'" in result.output
    assert "Traceback" not in result.output
