"""Size limits that keep src/tacitus readable: no module over 600 lines, and at most three functions over
80 lines, each saying in its docstring why it is long (the word "long" in it)."""

from __future__ import annotations

import ast
from pathlib import Path

import tacitus

SRC = Path(tacitus.__file__).resolve().parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
MAX_LONG_FUNCTIONS = 3


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_module_is_over_600_lines():
    over = {str(p.relative_to(SRC)): n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not over, f"modules over {MAX_MODULE_LINES} lines (split each into modules explainable in one sentence): {over}"


def test_at_most_three_long_functions_each_saying_why():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > MAX_FUNCTION_LINES:
                    long.append((f"{path.relative_to(SRC)}:{node.lineno} {node.name}", length, ast.get_docstring(node) or ""))
    assert len(long) <= MAX_LONG_FUNCTIONS, f"functions over {MAX_FUNCTION_LINES} lines: {[(n, k) for n, k, _ in long]}"
    unexplained = [name for name, _length, doc in long if "long" not in doc.lower()]
    assert not unexplained, f"say in the docstring why these are long: {unexplained}"
