"""The `wijkcheck` command. Only this package knows typer; one module per command.

Exit codes (README): 0 success, 1 findings (validation errors; with --strikt also unmet
conditions), 2 the input could not be used (bad arguments, unreadable or invalid data).
"""

from __future__ import annotations

import inspect

from wijkcheck.cli.app import (
    EXIT_AFGEBROKEN,
    EXIT_BEVINDINGEN,
    EXIT_INVOER,
    EXIT_OK,
    EXIT_PIJP_DICHT,
    app,
)
from wijkcheck.cli.pipe import pijp_dicht_is_stil

__all__ = [
    "EXIT_AFGEBROKEN",
    "EXIT_BEVINDINGEN",
    "EXIT_INVOER",
    "EXIT_OK",
    "EXIT_PIJP_DICHT",
    "app",
    "main",
    "pijp_dicht_is_stil",
]

# Command modules register themselves on `app`; keep them cheap to import.
from wijkcheck.cli import (  # noqa: F401
    audit,
    cbs,
    compare,
    explain,
    list,
    new,
    overview,
    regels,
    schema,
    show,
    validate,
    voorbeelden,
)


def _herschik(doc: str) -> str:
    # typer keeps a docstring's line breaks inside a paragraph; help should flow with the terminal
    return "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n"))


#: the order `wijkcheck --help` lists the commands in; a command not named here comes last
VOLGORDE = [
    "audit",
    "compare",
    "list",
    "explain",
    "regels",
    "schema",
    "overview",
    "show",
    "validate",
    "init",
    "import-cbs",
    "new",
]
app.registered_commands.sort(
    key=lambda info: VOLGORDE.index(info.name) if info.name in VOLGORDE else len(VOLGORDE)
)

for _info in app.registered_commands:
    if _info.callback is not None and _info.callback.__doc__:
        _info.callback.__doc__ = _herschik(_info.callback.__doc__)


def main() -> None:
    app()
