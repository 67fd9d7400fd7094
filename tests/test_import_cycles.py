"""No import cycles in the ``dossier`` package, counting imports inside functions.

The graph is read statically: every module is parsed with ``ast``, and each
``import`` / ``from ... import`` anywhere in it (at the top, inside a function, under
``TYPE_CHECKING``) is an edge to the module it names (relative imports resolved; ``from
pkg import name`` goes to ``pkg.name`` when that is a module, else to ``pkg``). The
only imports left out are those under ``if __name__ == "__main__":``: that code runs
when the module is the program, as a module of its own (``__main__``), not when it is
imported. A strongly connected component of more than one module is a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import dossier

PACKAGE = Path(dossier.__file__).resolve().parent


def _modules(package: Path) -> dict[str, tuple[Path, bool]]:
    """Dotted module name -> (file, whether it is a package's ``__init__``)."""
    out = {}
    for file in sorted(package.rglob("*.py")):
        parts = list(file.relative_to(package.parent).with_suffix("").parts)
        is_package = file.name == "__init__.py"
        if is_package:
            parts = parts[:-1]
        out[".".join(parts)] = (file, is_package)
    return out


def _main_guard(node: ast.AST) -> bool:
    """Whether ``node`` is ``if __name__ == "__main__":``."""
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    test = node.test
    sides = [test.left, *test.comparators]
    return (any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides)
            and any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides))


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement of ``tree``, at any depth, outside ``__main__`` guards."""
    for node in ast.iter_child_nodes(tree):
        if _main_guard(node):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        yield from _imports(node)


def _owner(name: str, modules: Mapping[str, object]) -> str | None:
    """The longest module of the package that ``name`` is or lies in."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of ``package`` -> the modules of the package it imports."""
    modules = _modules(package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, (file, is_package) in modules.items():
        here = name.split(".") if is_package else name.split(".")[:-1]
        for node in _imports(ast.parse(file.read_text(encoding="utf-8"), str(file))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parent = here[: len(here) - (node.level - 1)]
                    base = ".".join([*parent, *([node.module] if node.module else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                           for a in node.names]
            for target in targets:
                owner = _owner(target, modules)
                if owner is not None and owner != name:
                    graph[name].add(owner)
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative).

    >>> cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}})
    [['a', 'b']]
    >>> cycles({"a": {"b"}, "b": set()})
    []
    """
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in order:
            continue
        work = [(root, iter(sorted(graph[root])))]
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in order:
                    order[child] = low[child] = len(order)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], order[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def _describe(component: list[str], graph: Mapping[str, set[str]]) -> str:
    members = set(component)
    edges = [f"    {a} -> {', '.join(sorted(graph[a] & members))}" for a in component]
    return "\n".join([" <-> ".join(component), *edges])


def test_the_graph_reads_imports_inside_functions(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "early.py").write_text("def f():\n    from pkg.late import g\n    return g\n")
    (package / "late.py").write_text("from . import early\n\ndef g():\n    return early\n")
    (package / "cli.py").write_text("if __name__ == '__main__':\n    from pkg import late\n")
    graph = import_graph(package)
    assert graph["pkg.early"] == {"pkg.late"} and graph["pkg.late"] == {"pkg.early"}
    assert graph["pkg.cli"] == set()
    assert cycles(graph) == [["pkg.early", "pkg.late"]]


def test_no_import_cycles_in_dossier():
    graph = import_graph()
    assert "dossier.resolve.places" in graph and graph["dossier.resolve.places"]
    found = cycles(graph)
    assert not found, "import cycles:\n" + "\n".join(_describe(c, graph) for c in found)


# The place stages in the order of dossier/resolve/README.md: each imports only earlier ones.
PLACE_STAGES = ("records", "airfield_data", "place_tables.common", "place_tables.sources",
                "place_tables.world", "place_tables.admin_names", "place_tables.admin1",
                "place_tables.points", "place_tables.tables", "place_tables.store",
                "index_build", "index", "names", "weights",
                "candidates", "airfields", "context", "rank", "lookup", "patterns", "places",
                "toponyms")


def test_the_place_stages_import_only_the_ones_before_them():
    graph = import_graph()
    modules = [f"dossier.resolve.{name}" for name in PLACE_STAGES]
    later = {
        module: sorted(m for m in graph[module] if m in modules[n:])
        for n, module in enumerate(modules)
    }
    assert not {m: found for m, found in later.items() if found}, later


# The actor finder's modules in the order of dossier/extract/actors/__init__.py: each
# imports only the ones before it, and none imports the package's public face.
ACTOR_STAGES = ("words", "phrases", "reading", "codes", "facilities", "victims", "places", "people",
                "possession", "pronouns", "noun_phrases", "finder")


def test_the_actor_stages_import_only_the_ones_before_them():
    graph = import_graph()
    face = "dossier.extract.actors"
    modules = [f"{face}.{name}" for name in ACTOR_STAGES]
    assert {face, *modules} == {m for m in graph if m.startswith(face)}, "a stage is not listed"
    later = {
        module: sorted(m for m in graph[module] if m in modules[n:] or m == face)
        for n, module in enumerate(modules)
    }
    assert not {m: found for m, found in later.items() if found}, later
