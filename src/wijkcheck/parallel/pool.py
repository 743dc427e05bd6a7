"""Work over many files spread over worker processes: chunks of tasks, largest first, results in
the order of the tasks, progress in the parent. Used by `overview` (reports/batch.py) and
`validate`.

A task is a gemeente (a folder): the files of one gemeente are checked together, and they are the
unit that needs no other gemeente. Below `DREMPEL` files starting processes costs more than it
saves, and everything runs in the calling process.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: From this many files on, worker processes pay for their start (measured on 2 cores).
DREMPEL = 200

#: Called with (done, total) files: first (0, total), then as tasks finish, in the parent.
ProgressCallback = Callable[[int, int], None]

#: Chunks per worker: enough to keep the workers even and the progress bar moving.
BROKKEN_PER_WERKER = 16


def processoren() -> int:
    """The processors this process may run on (fewer than the machine's in a container)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def aantal_werkers(bestanden: int, taken: int, werkers: int | None = None) -> int:
    """How many processes: as asked, else one per processor from `DREMPEL` files on."""
    if werkers is None:
        werkers = processoren() if bestanden >= DREMPEL else 1
    return max(1, min(werkers, taken))


def map_chunks(
    taken: Sequence[T],
    gewichten: Sequence[int],
    werk: Callable[[list[tuple[int, T]]], list[tuple[int, R]]],
    *,
    werkers: int,
    begin: Callable[..., None],
    begin_args: tuple[Any, ...],
    progress: ProgressCallback | None = None,
    receive: Callable[[R], R] | None = None,
) -> list[R]:
    """Run `werk` on chunks of `(index, task)` in `werkers` processes; results in task order.

    `begin(*begin_args)` sets up each worker (its state lives in the module of `werk`);
    `gewichten` are the files per task, for chunking and progress. `werk` and `begin` must be
    module-level functions, and tasks and results picklable. `receive`, if given, turns each
    result in the parent as its chunk arrives (while the workers go on), in no fixed order;
    its value is returned instead.
    """
    # imported here: multiprocessing costs a small run 30 ms at start-up
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from multiprocessing import active_children

    totaal = sum(gewichten)
    # Largest tasks first, so that no worker is left with a big one at the end.
    grootte = max(1, totaal // (werkers * BROKKEN_PER_WERKER))
    brokken: list[list[tuple[int, T]]] = [[]]
    gevuld = 0
    for i in sorted(range(len(taken)), key=lambda i: -gewichten[i]):
        if gevuld >= grootte:
            brokken.append([])
            gevuld = 0
        brokken[-1].append((i, taken[i]))
        gevuld += gewichten[i]
    uitslagen: dict[int, R] = {}
    # The children that were there before the pool are not the pool's to stop.
    eerder = {p.pid for p in active_children()}
    with ProcessPoolExecutor(werkers, initializer=_begin, initargs=(begin, begin_args)) as ex:
        try:
            # All workers start at the first submit. The caller must not run threads now
            # (forking a process that has threads can deadlock): the CLI's progress bar draws
            # without one, and a pool's own threads end with it.
            bezig = {ex.submit(_doe, werk, brok): brok for brok in brokken}
            klaar = 0
            if progress:
                progress(0, totaal)
            while bezig:
                gedaan, _ = wait(bezig, return_when=FIRST_COMPLETED)
                for future in gedaan:
                    brok = bezig.pop(future)
                    if receive is None:
                        uitslagen.update(future.result())
                    else:
                        uitslagen.update((i, receive(r)) for i, r in future.result())
                    klaar += sum(gewichten[i] for i, _ in brok)
                    if progress:
                        progress(klaar, totaal)
        except BaseException:  # Ctrl-C, or a worker's exception: stop the others now
            # Only stopped workers let the pool's thread end; without this a Ctrl-C hangs at
            # exit. The executor has no public way to stop its workers, but they are this
            # process's children (multiprocessing's public `active_children`): the ones that
            # came with the pool are stopped. A pool of multiprocessing.Pool would have a
            # public `terminate`, but hangs when a worker dies (killed, out of memory), where
            # this executor reports a broken pool.
            for proces in active_children():
                if proces.pid not in eerder:
                    proces.terminate()
            ex.shutdown(wait=False, cancel_futures=True)
            raise
    return [uitslagen[i] for i in range(len(taken))]


# -- in a worker process ----------------------------------------------------------------------


def _begin(begin: Callable[..., None], args: tuple[Any, ...]) -> None:
    import signal

    # Ctrl-C is the parent's to handle; each worker would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    begin(*args)
    # What is loaded now stays; the collection after each chunk only looks at what it left.
    # Otherwise no cyclic collection, as in the parent: the data has no cycles worth the time.
    gc.freeze()
    gc.disable()


def _doe(
    werk: Callable[[list[tuple[int, T]]], list[tuple[int, R]]], brok: list[tuple[int, T]]
) -> list[tuple[int, R]]:
    try:
        return werk(brok)
    finally:
        gc.collect()
        # What survives (a worker's caches, this chunk's results until they are sent) is
        # frozen too: otherwise each collection looks at every chunk's survivors again, 1-2 ms
        # a chunk in the audit of a large gemeente. Reference counting still frees them.
        gc.freeze()
