"""Work spread over processes: results in task order, progress counted up, failures stop all."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from wijkcheck.parallel.pool import DREMPEL, aantal_werkers, map_chunks


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
        werkers=2,
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
        map_chunks(list(range(200)), [1] * 200, _kapot, werkers=2, begin=_niets, begin_args=())
    for _ in range(100):
        if not multiprocessing.active_children():
            break
        time.sleep(0.02)
    assert not multiprocessing.active_children()


def test_one_process_for_small_runs() -> None:
    assert aantal_werkers(DREMPEL - 1, 50) == 1
    assert aantal_werkers(DREMPEL, 1) == 1  # one gemeente: nothing to share
    assert aantal_werkers(10, 5, werkers=3) == 3 and aantal_werkers(10, 2, werkers=8) == 2


def test_stopping_the_pool_leaves_other_children_alone() -> None:
    ander = multiprocessing.Process(target=time.sleep, args=(30,))
    ander.start()
    try:
        with pytest.raises(ValueError, match="kapot"):
            map_chunks(list(range(200)), [1] * 200, _kapot, werkers=2, begin=_niets, begin_args=())
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
            with Chunks(list(range(64)), [1] * 64, _groot, werkers=2, begin=_niets,
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

    monkeypatch.setattr(pool, "STOP_SECONDEN", 0.5)
    begin = time.monotonic()
    with pytest.raises(ValueError, match="kapot"):
        map_chunks(list(range(200)), [1] * 200, _traag, werkers=2, begin=_niets, begin_args=())
    assert time.monotonic() - begin < 10  # not the 30 s of the stuck chunk
    for _ in range(100):
        if not multiprocessing.active_children():
            break
        time.sleep(0.02)
    assert not multiprocessing.active_children()
