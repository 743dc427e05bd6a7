"""Work spread over processes: results in task order, progress counted up, failures stop all."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import textwrap
import time

import pytest

from wijkcheck.parallel.pool import POOL_THRESHOLD, map_chunks, worker_count


def _niets() -> None:
    pass


def _dubbel(brok: list[tuple[int, int]]) -> list[tuple[int, tuple[int, int]]]:
    return [(i, (taak * 2, os.getpid())) for i, taak in brok]


def _kapot(brok: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if any(taak == 3 for _, taak in brok):
        raise ValueError("kapot")
    time.sleep(0.05)
    return [(i, taak) for i, taak in brok]


def test_results_in_task_order_from_several_processes() -> None:
    gezien: list[tuple[int, int]] = []
    taken = list(range(40))
    uit = map_chunks(
        taken,
        [1 + t % 7 for t in taken],
        _dubbel,
        workers=2,
        begin=_niets,
        begin_args=(),
        progress=lambda *a: gezien.append(a),
    )
    assert [waarde for waarde, _ in uit] == [t * 2 for t in taken]
    assert len({pid for _, pid in uit} - {os.getpid()}) >= 1  # not in this process
    totaal = sum(1 + t % 7 for t in taken)
    assert gezien[0] == (0, totaal) and gezien[-1] == (totaal, totaal)
    assert [k for k, _ in gezien] == sorted(k for k, _ in gezien)


def test_a_failing_task_stops_every_worker() -> None:
    with pytest.raises(ValueError, match="kapot"):
        map_chunks(list(range(200)), [1] * 200, _kapot, workers=2, begin=_niets, begin_args=())
    for _ in range(100):
        if not multiprocessing.active_children():
            break
        time.sleep(0.02)
    assert not multiprocessing.active_children()


def test_one_process_for_small_runs() -> None:
    assert worker_count(POOL_THRESHOLD - 1, 50) == 1
    assert worker_count(POOL_THRESHOLD, 1) == 1  # one gemeente: nothing to share
    assert worker_count(10, 5, workers=3) == 3 and worker_count(10, 2, workers=8) == 2


def test_stopping_the_pool_leaves_other_children_alone() -> None:
    ander = multiprocessing.Process(target=time.sleep, args=(30,))
    ander.start()
    try:
        with pytest.raises(ValueError, match="kapot"):
            map_chunks(list(range(200)), [1] * 200, _kapot, workers=2, begin=_niets, begin_args=())
        for _ in range(100):
            if multiprocessing.active_children() == [ander]:
                break
            time.sleep(0.02)
        assert multiprocessing.active_children() == [ander] and ander.is_alive()
    finally:
        ander.terminate()
        ander.join()


def _groot(brok: list[tuple[int, int]]) -> list[tuple[int, bytes]]:
    return [(i, bytes(2_000_000)) for i, _ in brok]


def test_ctrl_c_while_results_come_in_ends_cleanly() -> None:
    # Stopping a worker while it sends its results left half a message in the pool's pipe,
    # and the pool's thread waited for the rest at exit, for ever. Run in a fresh process: a
    # hang here must not hang the test run.
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import multiprocessing, threading
        from wijkcheck.parallel.pool import Chunks
        from tests.test_processen import _groot, _niets

        gezien = []
        def ontvang(r):
            gezien.append(r)
            if len(gezien) == 3:
                raise KeyboardInterrupt
            return r

        try:
            with Chunks(list(range(64)), [1] * 64, _groot, workers=2, begin=_niets,
                        begin_args=()) as chunks:
                chunks.collect(receive=ontvang)
        except KeyboardInterrupt:
            pass
        print(len(multiprocessing.active_children()), threading.active_count())
        """
    )
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    uit = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=root, timeout=30
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["0", "1"]  # no worker, no thread of the pool left


def _traag(brok: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if any(taak == 0 for _, taak in brok):
        time.sleep(30)
    if any(taak == 199 for _, taak in brok):
        time.sleep(0.2)
        raise ValueError("kapot")
    return [(i, taak) for i, taak in brok]


def test_a_worker_that_does_not_end_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    from wijkcheck.parallel import pool

    monkeypatch.setattr(pool, "STOP_SECONDS", 0.5)
    begin = time.monotonic()
    with pytest.raises(ValueError, match="kapot"):
        map_chunks(list(range(200)), [1] * 200, _traag, workers=2, begin=_niets, begin_args=())
    assert time.monotonic() - begin < 10  # not the 30 s of the stuck chunk
    for _ in range(100):
        if not multiprocessing.active_children():
            break
        time.sleep(0.02)
    assert not multiprocessing.active_children()


def _lang(brok: list[tuple[int, int]]) -> list[tuple[int, int]]:
    time.sleep(10)
    return [(i, taak) for i, taak in brok]


def _run_script(script: str) -> subprocess.CompletedProcess[str]:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=30,
    )


def test_ctrl_c_while_the_workers_start_ends_cleanly() -> None:
    # Before the first chunk is submitted the pool has no thread to end the workers already
    # forked: they are stopped, and the process exits (it waited for them for ever).
    uit = _run_script(
        """
        import multiprocessing, time
        from concurrent.futures import process
        from wijkcheck.parallel.pool import Chunks
        from tests.test_processen import _lang, _niets

        echt, gestart = process.ProcessPoolExecutor._spawn_process, []
        def spawn(self):
            if gestart:
                raise KeyboardInterrupt  # Ctrl-C between forking the first and the second
            gestart.append(1)
            echt(self)
        process.ProcessPoolExecutor._spawn_process = spawn
        try:
            Chunks(list(range(8)), [1] * 8, _lang, workers=2, begin=_niets, begin_args=())
        except KeyboardInterrupt:
            pass
        for _ in range(250):  # as below: a child being reaped counts as alive for an instant
            if not multiprocessing.active_children():
                break
            time.sleep(0.02)
        print(len(multiprocessing.active_children()))
        """
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.split() == ["0"]


def test_a_second_ctrl_c_stops_the_workers_at_once() -> None:
    # The first Ctrl-C lets the running chunks end (here 10 s each); the second one, while
    # it waits for them, stops them now.
    uit = _run_script(
        """
        import multiprocessing, os, signal, threading, time
        from wijkcheck.parallel.pool import Chunks
        from tests.test_processen import _lang, _niets

        begin = time.monotonic()
        try:
            with Chunks(list(range(8)), [1] * 8, _lang, workers=2, begin=_niets,
                        begin_args=()) as chunks:
                threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
                threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGINT)).start()
                chunks.collect()
        except KeyboardInterrupt:
            pass
        # the pool's thread may be reaping a stopped worker at this moment, and a child it
        # reaps first counts as alive for an instant: ask again for up to 5 s
        for _ in range(250):
            if not multiprocessing.active_children():
                break
            time.sleep(0.02)
        print(len(multiprocessing.active_children()), round(time.monotonic() - begin))
        """
    )
    assert uit.returncode == 0, uit.stderr
    kinderen, seconden = uit.stdout.split()
    assert kinderen == "0" and int(seconden) < 5, uit.stdout
