"""A progress bar on stderr for runs over many files: on a terminal only, silent in CI and pipes.

The core calls a `progress(klaar, totaal)` callback and knows nothing of rich; this class is
that callback. It decides at the first call, when the total is known, and shows nothing for
small runs. The bar is transient: it is gone before the result is printed, so stdout holds only
the result (a pipe of JSON or CSV stays clean, and stderr then carries no bar either unless it is
a terminal of its own).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

#: Fewer files than this finish before a bar would be of use.
SHOW_FROM = 200


def tonen(env: Mapping[str, str] | None = None) -> bool:
    """Whether a bar may be shown: stderr is a terminal and this is not a CI job."""
    env = os.environ if env is None else env
    if env.get("CI") or env.get("GITHUB_ACTIONS"):
        return False
    from rich.console import Console

    return Console(stderr=True).is_terminal


class ProgressBar:
    """`with ProgressBar("wijken") as v: core(..., progress=v)`: files (or wijken) done of the
    total, and the time so far."""

    def __init__(self, eenheid: str, show_from: int | None = None) -> None:
        self.eenheid = eenheid
        self.show_from = SHOW_FROM if show_from is None else show_from
        self._besloten = False
        self._balk: Any = None
        self._taak: Any = None

    def __call__(self, klaar: int, totaal: int) -> None:
        if not self._besloten:
            self._besloten = True
            if totaal >= self.show_from and tonen():
                self._start(totaal)
        if self._balk is not None:
            self._balk.update(self._taak, completed=klaar, total=totaal)
            self._balk.refresh()

    def _start(self, totaal: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._balk = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(self.eenheid),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            # drawn at each update, without a thread of its own: worker processes are forked
            # while the bar is shown, and forking a process with threads can deadlock
            auto_refresh=False,
        )
        self._taak = self._balk.add_task(self.eenheid, total=totaal)
        self._balk.start()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._balk is not None:
            self._balk.stop()
            self._balk = None
