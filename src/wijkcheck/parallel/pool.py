"""Work over many files spread over worker processes: chunks of tasks, largest first, results in
the order of the tasks, progress in the parent. Used by `overview` (reports/batch.py) and
`validate`.

A task is a gemeente (a folder): the files of one gemeente are checked together, and they are the
unit that needs no other gemeente. Below `POOL_THRESHOLD` files starting processes costs more
than it saves, and everything runs in the calling process.
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

        workers: int
        begin: Callable[..., None]
        begin_args: tuple[Any, ...]


T = TypeVar("T")
R = TypeVar("R")

#: From this many files on, worker processes pay for their start (measured on 2 cores).
POOL_THRESHOLD = 200

#: Called with (done, total) files: first (0, total), then as tasks finish, in the parent.
ProgressCallback = Callable[[int, int], None]

#: Chunks per worker: enough to keep the workers even and the progress bar moving.
CHUNKS_PER_WORKER = 16
#: After Ctrl-C or an error, how long a running chunk may take to end before its worker is
#: stopped (`Chunks._stop`).
STOP_SECONDS = 2.0


def cpu_count() -> int:
    """The processors this process may run on (fewer than the machine's in a container)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def worker_count(files: int, tasks: int, workers: int | None = None) -> int:
    """How many processes: as asked, else one per processor from `POOL_THRESHOLD` files on."""
    if workers is None:
        workers = cpu_count() if files >= POOL_THRESHOLD else 1
    return max(1, min(workers, tasks))


def map_chunks(
    tasks: Sequence[T],
    weights: Sequence[int],
    work: Callable[[list[tuple[int, T]]], list[tuple[int, R]]],
    *,
    progress: ProgressCallback | None = None,
    receive: Callable[[R], R] | None = None,
    **pool: Unpack[Pool],
) -> list[R]:
    """Run `work` on chunks of `(index, task)` in `workers` processes; results in task order.

    `begin(*begin_args)` sets up each worker (its state lives in the module of `work`);
    `weights` are the files per task, for chunking and progress. `work` and `begin` must be
    module-level functions, and tasks and results picklable. `receive`, if given, turns each
    result in the parent as its chunk arrives (while the workers go on), in no fixed order;
    its value is returned instead.
    """
    with Chunks(tasks, weights, work, **pool) as c:
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
        tasks: Sequence[T],
        weights: Sequence[int],
        work: Callable[[list[tuple[int, T]]], list[tuple[int, R]]],
        *,
        workers: int,
        begin: Callable[..., None],
        begin_args: tuple[Any, ...],
    ) -> None:
        # imported here: multiprocessing costs a small run 30 ms at start-up
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import active_children

        self._count, self._weights = len(tasks), weights
        self._total = sum(weights)
        # Largest tasks first, so that no worker is left with a big one at the end.
        size = max(1, self._total // (workers * CHUNKS_PER_WORKER))
        chunks: list[list[tuple[int, T]]] = [[]]
        filled = 0
        for i in sorted(range(len(tasks)), key=lambda i: -weights[i]):
            if filled >= size:
                chunks.append([])
                filled = 0
            chunks[-1].append((i, tasks[i]))
            filled += weights[i]
        # The children that were there before the pool are not the pool's to stop.
        self._before = {p.pid for p in active_children()}
        self._pending: dict[Future[list[tuple[int, R]]], list[tuple[int, T]]] = {}
        self._ex = ProcessPoolExecutor(workers, initializer=_begin, initargs=(begin, begin_args))
        #: every chunk submitted (the pool's thread runs); stopped once (`_stop`)
        self._started = self._stopped = False
        try:
            # All workers start at the first submit. The caller must not run threads now
            # (forking a process that has threads can deadlock): the CLI's progress bar draws
            # without one, and a pool's own threads end with it.
            self._pending = {self._ex.submit(_run_chunk, work, chunk): chunk for chunk in chunks}
            self._started = True
        except BaseException:
            self._stop()
            raise

    def collect(
        self, progress: ProgressCallback | None = None, receive: Callable[[R], R] | None = None
    ) -> list[R]:
        """The results in task order (see `map_chunks`); the workers end with it."""
        from concurrent.futures import FIRST_COMPLETED, wait

        results: dict[int, R] = {}
        try:
            done = 0
            if progress:
                progress(0, self._total)
            while self._pending:
                finished, _ = wait(self._pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = self._pending.pop(future)
                    if receive is None:
                        results.update(future.result())
                    else:
                        results.update((i, receive(r)) for i, r in future.result())
                    done += sum(self._weights[i] for i, _ in chunk)
                    if progress:
                        progress(done, self._total)
        except BaseException:  # Ctrl-C, or a worker's exception: stop the others now
            self._stop()
            raise
        self.close()
        return [results[i] for i in range(self._count)]

    def close(self) -> None:
        """Collected, or the results not wanted: chunks not begun are dropped, running ones
        end; returns when the workers and the pool's thread have. Once."""
        if self._stopped:
            return
        self._stopped = True
        self._pending.clear()
        self._ex.shutdown(wait=True, cancel_futures=True)

    def _stop(self) -> None:
        """Ctrl-C or an error: chunks not begun are dropped and the running ones may end (each
        is a small part of the work, done in a fraction of a second); only a worker still busy
        after `STOP_SECONDS`, or every worker on a second Ctrl-C, is stopped at once. Stopping
        a worker while it sends its chunk's results leaves half a message in the pool's pipe,
        which the pool's thread then waits for at exit, for ever (seen: Ctrl-C while a large
        gemeente's documents came in); so that stays the last resort, and the risk stays with
        it. Stops once: later calls return at once."""
        from concurrent.futures import wait

        if self._stopped:
            return
        self._stopped = True
        running = [f for f in self._pending if not f.cancel()]  # running (or done) ones
        self._pending = {}
        if not self._started:
            # Ctrl-C while the workers were being started: the pool may have no thread yet to
            # end the ones already forked
            self._terminate()
            return
        try:
            _, busy = wait(running, timeout=STOP_SECONDS)
        except KeyboardInterrupt:  # Ctrl-C again: the user will not wait
            self._terminate()
            raise
        if busy:
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
        for process in active_children():
            if process.pid not in self._before:
                process.terminate()

    def __enter__(self) -> Chunks[T, R]:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is not None:
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


def _run_chunk(
    work: Callable[[list[tuple[int, T]]], list[tuple[int, R]]], chunk: list[tuple[int, T]]
) -> list[tuple[int, R]]:
    try:
        return work(chunk)
    finally:
        gc.collect()
        # What survives (a worker's caches, this chunk's results until they are sent) is
        # frozen too: otherwise each collection looks at every chunk's survivors again, 1-2 ms
        # a chunk in the audit of a large gemeente. Reference counting still frees them.
        gc.freeze()
