"""The layer contract: core knows nothing of the terminal (STYLE.md).

Only `wijkcheck.cli` imports typer; only `cli` and the terminal formatter (`formatters.terminal`
with its `formatters.vastetabel`) import rich; the engine, rules and models never touch files,
print or exit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import wijkcheck

PACKAGE = Path(wijkcheck.__file__).parent
CORE = ["errors", "nl", "models", "results", "rules", "checklist", "engine"]


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
            if node.module == "wijkcheck":
                found |= {f"wijkcheck.{a.name}" for a in node.names}
            elif node.module.startswith("wijkcheck."):
                found.add(node.module)
    return found


def modules() -> dict[str, Path]:
    return {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts): p
        for p in PACKAGE.rglob("*.py")
        if "_bundled" not in p.parts
    }


def test_only_cli_imports_typer() -> None:
    for name, path in modules().items():
        if not name.startswith("cli"):
            assert "typer" not in imports_of(path), name


def test_only_cli_and_terminal_formatter_import_rich() -> None:
    for name, path in modules().items():
        if not (name.startswith("cli") or name in ("formatters.terminal", "formatters.vastetabel")):
            assert "rich" not in imports_of(path), name


def test_core_does_no_io_and_imports_only_downward() -> None:
    forbidden = {
        "os",
        "sys",
        "subprocess",
        "shutil",
        "wijkcheck.store",
        "wijkcheck.cli",
        "wijkcheck.formatters",
        "wijkcheck.yamlsource",
        "wijkcheck.loader",
    }
    for name in CORE:
        path = PACKAGE / f"{name}.py"
        used = imports_of(path)
        assert not used & forbidden, (name, used & forbidden)
        source = path.read_text(encoding="utf-8")
        for call in ("print(", "open(", "exit("):
            assert call not in source, (name, call)
