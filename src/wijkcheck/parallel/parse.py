"""A large gemeente's wijk files parsed in worker processes (libyaml composing the node trees,
most of reading them), each sent back without its tree; the caller validates them.

`begin` starts that before the caller has imported the models: a command that shows one large
gemeente (`overview`) starts it first, imports the rest of wijkcheck (pydantic and the models,
~0.15 s on one core) while the workers parse, and takes the documents when it reads the
gemeente (`Parsing.take`). This module imports neither pydantic nor the models.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeAlias

from wijkcheck.core.errors import Finding, WijkcheckError
from wijkcheck.parallel.pool import Chunks, worker_count
from wijkcheck.sources.dataroot import display_path, wijk_bestanden
from wijkcheck.sources.yamlsource import YamlDocument, parse_in_folder

if TYPE_CHECKING:
    from wijkcheck.sources.store import WijkBestand

#: From this many wijk files on a gemeente is large: its files are parsed in several
#: processes and its wijken audited in parts (reports/batch.py).
GROOT = 200

#: A wijk file parsed in a worker, or the findings that stop it; then, in the parent, validated
#: (`store.validate_wijk`, in reports/batch.py) or its findings.
Parsed: TypeAlias = "YamlDocument | WijkBestand | list[Finding]"


def chunks(paden: Sequence[Path], shown: str, workers: int) -> Chunks[Path, Parsed]:
    """The files `paden` of a gemeente folder shown as `shown`, being parsed in `workers`
    processes (collect or close the result)."""
    return Chunks(
        list(paden),
        [1] * len(paden),
        _parse_chunk,
        workers=workers,
        begin=_begin_parse,
        begin_args=(shown,),
    )


class Parsing:
    """The wijk files of one gemeente folder, being parsed since `begin`."""

    def __init__(self, paden: list[Path], shown: str, workers: int) -> None:
        self.paden, self.shown = paden, shown
        self._chunks: Chunks[Path, Parsed] | None = chunks(paden, shown, workers)

    def take(
        self, paden: Sequence[Path], shown: str, receive: Callable[[Parsed], Parsed]
    ) -> list[Parsed] | None:
        """The documents of `paden` (each turned by `receive` as its chunk arrives), if they
        are the files this began with, in the same order and shown alike; else None. Once:
        afterwards the workers have ended either way, so that the caller may start its own."""
        if self._chunks is None:
            return None
        if list(paden) != self.paden or shown != self.shown:
            self.close()
            return None
        chunks_, self._chunks = self._chunks, None
        with chunks_:
            return chunks_.collect(receive=receive)

    def close(self) -> None:
        """Not wanted (or taken): the workers end before this returns, so that the caller
        may start processes of its own."""
        if self._chunks is not None:
            self._chunks.close()
            self._chunks = None

    def __enter__(self) -> Parsing:
        return self

    def __exit__(
        self,
        soort: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._chunks is not None:
            self._chunks.__exit__(soort, exc, tb)
            self._chunks = None


def begin(mappen: Sequence[Path]) -> Parsing | None:
    """The wijk files of the one gemeente in `mappen` being parsed, when it is large and
    there is more than one processor (as the overview would parse them: reports/batch.py);
    otherwise None, and nothing started."""
    if len(mappen) != 1:
        # several gemeenten: the small ones go to a pool first, which must not be forked
        # while this one runs
        return None
    try:
        paden = wijk_bestanden(mappen[0])
    except WijkcheckError:  # reported when the gemeente is read
        return None
    workers = worker_count(len(paden), len(paden))
    if len(paden) < GROOT or workers < 2:
        return None
    return Parsing(paden, display_path(mappen[0]), workers)


# -- in a worker process ----------------------------------------------------------------------

#: In a process that parses wijk files of a large gemeente: its folder as shown.
_parse_folder: str | None = None


def _begin_parse(shown: str) -> None:
    global _parse_folder
    _parse_folder = shown


def _parse_chunk(brok: list[tuple[int, Path]]) -> list[tuple[int, Parsed]]:
    """Each wijk file parsed (as `store.parse_wijk`) without its node tree, or its findings."""
    assert _parse_folder is not None
    uit: list[tuple[int, Parsed]] = []
    for i, path in brok:
        try:
            uit.append((i, parse_in_folder(path, _parse_folder).without_tree()))
        except WijkcheckError as exc:
            uit.append((i, exc.findings))
    return uit
