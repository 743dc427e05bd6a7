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
