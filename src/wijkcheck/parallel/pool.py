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
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future
    from typing import TypedDict

    from typing_extensions import Unpack

    class Pool(TypedDict):
        """How the workers of `map_chunks` are started: as `Chunks` takes them."""

        werkers: int
        begin: Callable[..., None]
        begin_args: tuple[Any, ...]


T = TypeVar("T")
R = TypeVar("R")

#: From this many files on, worker processes pay for their start (measured on 2 cores).
DREMPEL = 200

#: Called with (done, total) files: first (0, total), then as tasks finish, in the parent.
ProgressCallback = Callable[[int, int], None]

#: Chunks per worker: enough to keep the workers even and the progress bar moving.
BROKKEN_PER_WERKER = 16
#: After Ctrl-C or an error, how long a running chunk may take to end before its worker is
#: stopped (`Chunks._stop`).
STOP_SECONDEN = 2.0


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
    progress: ProgressCallback | None = None,
    receive: Callable[[R], R] | None = None,
    **pool: Unpack[Pool],
) -> list[R]:
    """Run `werk` on chunks of `(index, task)` in `werkers` processes; results in task order.

    `begin(*begin_args)` sets up each worker (its state lives in the module of `werk`);
    `gewichten` are the files per task, for chunking and progress. `werk` and `begin` must be
    module-level functions, and tasks and results picklable. `receive`, if given, turns each
    result in the parent as its chunk arrives (while the workers go on), in no fixed order;
    its value is returned instead.
    """
    with Chunks(taken, gewichten, werk, **pool) as c:
        return c.collect(progress, receive)


class Chunks(Generic[T, R]):
    """`map_chunks` begun: the workers are at work from the moment this is made, `collect`
    waits for their results. In between the caller may go on in this process (importing,
    reading), but must start no process or thread of its own (forking a process that has
    threads can deadlock: this pool has one until it is collected or closed). Use it as a
    context manager: leaving it, uncollected (the results not wanted after all) or on an error
    or Ctrl-C, lets the running chunks end and drops the rest (`close`, `_stop`).
    """

    def __init__(
        self,
        taken: Sequence[T],
        gewichten: Sequence[int],
        werk: Callable[[list[tuple[int, T]]], list[tuple[int, R]]],
        *,
        werkers: int,
        begin: Callable[..., None],
        begin_args: tuple[Any, ...],
    ) -> None:
        # imported here: multiprocessing costs a small run 30 ms at start-up
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import active_children

        self._aantal, self._gewichten = len(taken), gewichten
        self._totaal = sum(gewichten)
        # Largest tasks first, so that no worker is left with a big one at the end.
        grootte = max(1, self._totaal // (werkers * BROKKEN_PER_WERKER))
        brokken: list[list[tuple[int, T]]] = [[]]
        gevuld = 0
        for i in sorted(range(len(taken)), key=lambda i: -gewichten[i]):
            if gevuld >= grootte:
                brokken.append([])
                gevuld = 0
            brokken[-1].append((i, taken[i]))
            gevuld += gewichten[i]
        # The children that were there before the pool are not the pool's to stop.
        self._eerder = {p.pid for p in active_children()}
        self._bezig: dict[Future[list[tuple[int, R]]], list[tuple[int, T]]] = {}
        self._ex = ProcessPoolExecutor(werkers, initializer=_begin, initargs=(begin, begin_args))
        #: every chunk submitted (the pool's thread runs); stopped once (`_stop`)
        self._started = self._stopped = False
        try:
            # All workers start at the first submit. The caller must not run threads now
            # (forking a process that has threads can deadlock): the CLI's progress bar draws
            # without one, and a pool's own threads end with it.
            self._bezig = {self._ex.submit(_doe, werk, brok): brok for brok in brokken}
            self._started = True
        except BaseException:
            self._stop()
            raise

    def collect(
        self, progress: ProgressCallback | None = None, receive: Callable[[R], R] | None = None
    ) -> list[R]:
        """The results in task order (see `map_chunks`); the workers end with it."""
        from concurrent.futures import FIRST_COMPLETED, wait

        uitslagen: dict[int, R] = {}
        try:
            klaar = 0
            if progress:
                progress(0, self._totaal)
            while self._bezig:
                gedaan, _ = wait(self._bezig, return_when=FIRST_COMPLETED)
                for future in gedaan:
                    brok = self._bezig.pop(future)
                    if receive is None:
                        uitslagen.update(future.result())
                    else:
                        uitslagen.update((i, receive(r)) for i, r in future.result())
                    klaar += sum(self._gewichten[i] for i, _ in brok)
                    if progress:
                        progress(klaar, self._totaal)
        except BaseException:  # Ctrl-C, or a worker's exception: stop the others now
            self._stop()
            raise
        self.close()
        return [uitslagen[i] for i in range(self._aantal)]

    def close(self) -> None:
        """Collected, or the results not wanted: chunks not begun are dropped, running ones
        end; returns when the workers and the pool's thread have. Once."""
        if self._stopped:
            return
        self._stopped = True
        self._bezig.clear()
        self._ex.shutdown(wait=True, cancel_futures=True)

    def _stop(self) -> None:
        """Ctrl-C or an error: chunks not begun are dropped and the running ones may end (each
        is a small part of the work, done in a fraction of a second); only a worker still busy
        after `STOP_SECONDEN`, or every worker on a second Ctrl-C, is stopped at once. Stopping
        a worker while it sends its chunk's results leaves half a message in the pool's pipe,
        which the pool's thread then waits for at exit, for ever (seen: Ctrl-C while a large
        gemeente's documents came in); so that stays the last resort, and the risk stays with
        it. Stops once: later calls return at once."""
        from concurrent.futures import wait

        if self._stopped:
            return
        self._stopped = True
        lopend = [f for f in self._bezig if not f.cancel()]  # running (or done) ones
        self._bezig = {}
        if not self._started:
            # Ctrl-C while the workers were being started: the pool may have no thread yet to
            # end the ones already forked
            self._terminate()
            return
        try:
            _, bezig = wait(lopend, timeout=STOP_SECONDEN)
        except KeyboardInterrupt:  # Ctrl-C again: the user will not wait
            self._terminate()
            raise
        if bezig:
            self._terminate()
            return
        self._ex.shutdown(wait=True, cancel_futures=True)  # the workers and its thread end now

    def _terminate(self) -> None:
        # The executor has no public way to stop its workers, but they are this process's
        # children (multiprocessing's public `active_children`): the ones that came with the
        # pool are stopped. A pool of multiprocessing.Pool would have a public `terminate`,
        # but hangs when a worker dies (killed, out of memory), where this executor reports a
        # broken pool.
        from multiprocessing import active_children

        self._ex.shutdown(wait=False, cancel_futures=True)
        for proces in active_children():
            if proces.pid not in self._eerder:
                proces.terminate()

    def __enter__(self) -> Chunks[T, R]:
        return self

    def __exit__(self, soort: type[BaseException] | None, *_: object) -> None:
        if soort is not None:
            self._stop()
        else:
            self.close()


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
