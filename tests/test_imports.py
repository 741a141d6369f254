"""The import graph of src/tacitus, read from the source: no cycles, stages that do not import one another,
and the events, actors, place and readers packages in the layers their docstrings list.

Every ``import`` counts, at module level or inside a function (a lazy import that closes a cycle is still
a cycle); only imports under ``if TYPE_CHECKING:``, which never run, are left out.
"""

from __future__ import annotations

import ast
import re
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import tacitus

SRC = Path(tacitus.__file__).resolve().parent

# module -> {imported module: line of the first import of it}
Graph = dict[str, dict[str, int]]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Import statements anywhere in ``tree`` except in the body of ``if TYPE_CHECKING:``."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path) -> Graph:
    """The modules of the package at ``root`` and the modules of it each one imports (``from X import name``
    counts as importing ``X.name`` when that is a module, else ``X``)."""
    files = {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: Graph = {name: {} for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join(base + ([node.module] if node.module else []))
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in files else module for a in node.names]
            for target in targets:
                if target in files and target != name:
                    graph[name].setdefault(target, node.lineno)
    return graph


def find_cycle(graph: Graph) -> list[str] | None:
    """One import cycle, as the modules along it (the first repeated at the end), or None."""
    try:
        TopologicalSorter({name: set(targets) for name, targets in graph.items()}).prepare()
    except CycleError as exc:
        return list(reversed(exc.args[1]))  # graphlib lists a cycle against the direction of the imports
    return None


def _describe(graph: Graph, cycle: list[str]) -> str:
    return " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:])) + f" -> {cycle[-1]}"


def test_no_import_cycle_in_the_package():
    graph = import_graph(SRC)
    cycle = find_cycle(graph)
    assert cycle is None, f"import cycle: {_describe(graph, cycle)}"


def test_the_cycle_finder_finds_module_level_and_lazy_cycles(tmp_path):
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text("from .sub import b\n")
    (root / "sub" / "b.py").write_text("def f():\n    from ..c import g\n")
    (root / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n")
    assert find_cycle(import_graph(root)) is None  # a type-only import never runs
    (root / "c.py").write_text("import pkg.a\n")
    graph = import_graph(root)
    cycle = find_cycle(graph)
    assert cycle is not None and set(cycle) == {"pkg.a", "pkg.sub.b", "pkg.c"}
    assert all(b in graph[a] for a, b in zip(cycle, cycle[1:]))


def _registers_a_stage(path: Path) -> bool:
    return "@register_stage(" in path.read_text(encoding="utf-8")


def test_stages_share_helpers_through_base_and_syntax_not_through_each_other():
    graph = import_graph(SRC)

    def owner(module: str) -> str:  # a stage module, or the package under tacitus.stages it belongs to
        return ".".join(module.split(".")[:3])

    stages = {owner(_module_name(p, SRC)) for p in (SRC / "stages").rglob("*.py") if _registers_a_stage(p)}
    bad = [
        f"{name} imports {target} (line {line})"
        for name, targets in graph.items() if name.startswith("tacitus.stages.")
        for target, line in targets.items()
        if owner(target) in stages and owner(target) != owner(name)
    ]
    assert not bad, "a stage's helpers go in stages/syntax.py or stages/base.py: " + "; ".join(bad)


@pytest.mark.parametrize("package", ["stages.events", "stages.actors", "stages.place", "readers"])
def test_a_layered_package_imports_only_from_the_layers_below(package):
    folder = SRC.joinpath(*package.split("."))
    doc = (folder / "__init__.py").read_text(encoding="utf-8")
    layers = re.findall(r"^- ``(\w+)``:", doc, flags=re.M)
    assert set(layers) == {p.stem for p in folder.glob("*.py")} - {"__init__"}
    graph = import_graph(SRC)
    prefix = f"tacitus.{package}."
    for k, layer in enumerate(layers):
        inside = {t.rpartition(".")[2] for t in graph[prefix + layer] if t.startswith(prefix)}
        assert inside <= set(layers[:k]), f"{package}.{layer} imports {sorted(inside - set(layers[:k]))}, listed after it"
