"""A progress bar on stderr for runs over many files: on a terminal only, silent in CI and pipes.

The core calls a `progress(done, total)` callback and knows nothing of rich; this class is
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


def may_show(env: Mapping[str, str] | None = None) -> bool:
    """Whether a bar may be shown: stderr is a terminal and this is not a CI job."""
    env = os.environ if env is None else env
    if env.get("CI") or env.get("GITHUB_ACTIONS"):
        return False
    from rich.console import Console

    return Console(stderr=True).is_terminal


class ProgressBar:
    """`with ProgressBar("wijken") as v: core(..., progress=v)`: files (or wijken) done of the
    total, and the time so far."""

    def __init__(self, unit: str, show_from: int | None = None) -> None:
        self.unit = unit
        self.show_from = SHOW_FROM if show_from is None else show_from
        self._decided = False
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self._decided:
            self._decided = True
            if total >= self.show_from and may_show():
                self._start(total)
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)
            self._bar.refresh()

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bar = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(self.unit),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            # drawn at each update, without a thread of its own: worker processes are forked
            # while the bar is shown, and forking a process with threads can deadlock
            auto_refresh=False,
        )
        self._task = self._bar.add_task(self.unit, total=total)
        self._bar.start()

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
