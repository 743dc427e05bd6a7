"""The layer contracts (docs/architectuur.md, `[tool.importlinter]` in pyproject.toml).

`lint-imports` checks them; these tests run it, prove once that a forbidden import really fails
it, and add what import-linter does not check: no import cycles anywhere, and no printing,
opening or exiting in the core.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

import wijkcheck

PACKAGE = Path(wijkcheck.__file__).parent
ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).with_name("lint-imports"))


def _lint(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(Path(sys.executable).parent), "NO_COLOR": "1"}
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_the_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_forbidden_import_breaks_the_contracts(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "wijkcheck", ignore=shutil.ignore_patterns("_bundled"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    engine = tmp_path / "wijkcheck" / "core" / "engine.py"
    engine.write_text(engine.read_text() + "\nimport wijkcheck.sources.store  # noqa\n")
    result = _lint(tmp_path, pythonpath=tmp_path)
    assert result.returncode == 1
    assert "wijkcheck.core.engine -> wijkcheck.sources.store" in result.stdout


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("wijkcheck")
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[set[str]] = []

    def visit(m: str) -> None:  # Tarjan's strongly connected components
        index[m] = low[m] = len(index)
        stack.append(m)
        for n in edges[m]:
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            comp = set()
            while True:
                n = stack.pop()
                comp.add(n)
                if n == m:
                    break
            if len(comp) > 1:
                cycles.append(comp)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for m in sorted(edges):
        if m not in index:
            visit(m)
    assert not cycles


def test_the_core_prints_opens_and_exits_nothing() -> None:
    for path in (PACKAGE / "core").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in {"print", "open", "exit", "input"}, path.name
            if isinstance(node, ast.Attribute):
                assert node.attr not in {"read_text", "write_text", "open", "read_bytes"}, (
                    path.name,
                    node.attr,
                )
