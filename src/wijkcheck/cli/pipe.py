"""A closed stdout (`wijkcheck regels | head -1`) is not an error."""

from __future__ import annotations

from typing import Any


def pijp_dicht_is_stil(console: Any) -> Any:
    """A rich console that leaves a closed pipe to `WijkcheckGroup.main`: rich's own
    `Console.on_broken_pipe` (its documented hook) would exit with code 1."""

    def on_broken_pipe() -> None:
        console.quiet = True
        raise BrokenPipeError

    console.on_broken_pipe = on_broken_pipe
    return console


_help_console_stil = False


def help_console_stil() -> None:
    """typer's help and error panels print through their own rich console: make a closed pipe
    quiet there too (`wijkcheck --help | head -1`). typer has no public hook for that console;
    `_get_rich_console` is checked up to typer 0.25 (pyproject.toml bounds typer below 0.26)."""
    global _help_console_stil
    if _help_console_stil:
        return
    _help_console_stil = True
    from typer import rich_utils

    original = rich_utils._get_rich_console

    def get_rich_console(stderr: bool = False) -> Any:
        return pijp_dicht_is_stil(original(stderr=stderr))

    rich_utils._get_rich_console = get_rich_console
