"""The `wijkcheck` command. Only this package knows typer; one module per command.

Exit codes (README): 0 success, 1 findings (validation errors; with --strikt also unmet
conditions), 2 the input could not be used (bad arguments, unreadable or invalid data).
"""

from __future__ import annotations

import gc
import importlib
import inspect
import os
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from wijkcheck.cli.group import (
    EXIT_AFGEBROKEN,
    EXIT_BEVINDINGEN,
    EXIT_INVOER,
    EXIT_OK,
    EXIT_PIJP_DICHT,
)
from wijkcheck.cli.group import app as _app
from wijkcheck.cli.pipe import pijp_dicht_is_stil

if TYPE_CHECKING:
    import typer

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

#: Every command and the module that registers it, in the order `wijkcheck --help` lists them.
#: A command line that names a command imports only that module (start-up time,
#: docs/performance.md); `--help`, a typo or completion imports them all.
COMMANDS: dict[str, str] = {
    "audit": "audit",
    "compare": "compare",
    "list": "list",
    "explain": "explain",
    "regels": "regels",
    "schema": "schema",
    "overview": "overview",
    "show": "show",
    "validate": "validate",
    "init": "cbs",
    "import-cbs": "cbs",
    "new": "new",
    "voorbeelden": "voorbeelden",
}


def _herschik(doc: str) -> str:
    # typer keeps a docstring's line breaks inside a paragraph; help should flow with the terminal
    return "\n\n".join(" ".join(p.split()) for p in inspect.cleandoc(doc).split("\n\n"))


def load_commands(names: Iterable[str] = COMMANDS) -> typer.Typer:
    """The app with the commands `names` (all by default) registered, in the order of `COMMANDS`."""
    for module in dict.fromkeys(COMMANDS[name] for name in names):
        importlib.import_module(f"wijkcheck.cli.{module}")
    # (no `list(…)` in this module: importing `wijkcheck.cli.list` binds that name here)
    order = {name: i for i, name in enumerate(COMMANDS)}
    _app.registered_commands.sort(key=lambda info: order.get(info.name or "", len(order)))
    for info in _app.registered_commands:
        if info.callback is not None and info.callback.__doc__:
            info.callback.__doc__ = _herschik(info.callback.__doc__)  # idempotent
    return _app


def __getattr__(name: str) -> typer.Typer:
    # `from wijkcheck.cli import app` (tests, a script driving the CLI): the app with every command
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _commands_for(argv: list[str], environ: Mapping[str, str]) -> Iterable[str]:
    """The commands a command line needs: the one it names first, else all of them (help, a
    typo to suggest a command for, `--version`, Tab completion)."""
    if any(key.startswith("_") and key.endswith("_COMPLETE") for key in environ):
        return COMMANDS
    if argv and argv[0] in COMMANDS:
        return argv[:1]
    return COMMANDS


def main() -> None:
    # A command is one short process. Its start-up (imports, building the validators of the
    # models) makes some 40,000 long-lived objects and no cyclic garbage, and the cyclic
    # collector scanning them again and again took 50 ms of a cold audit. Reference counting
    # frees all the rest; with the collector off, no benchmark set's peak memory changed
    # (docs/performance.md). validate and overview turned it off for their runs already.
    gc.disable()
    # pydantic reads the entry points of every installed distribution for plugins when it
    # builds its first validator (in an environment shared with other tools, hundreds of
    # them). wijkcheck uses no pydantic plugin, and one installed for another tool has no
    # business in its validation. A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        load_commands(_commands_for(sys.argv[1:], os.environ))()
    finally:
        # When the interpreter exits it runs the cyclic collector over every object still
        # alive, twice, whether the collector is enabled or not: some 60,000 after an audit,
        # 50 ms of a cold audit's 0.35 s. gc.freeze() moves them out of its reach; the
        # process ends at once and the operating system takes the memory back. Files are
        # closed where wijkcheck writes them, so no finalizer is left to run.
        gc.freeze()
