"""The overview of many gemeenten: load, check and audit gemeente by gemeente, in worker processes
for large sets. No printing; progress goes to an optional callback.

Each gemeente is loaded and audited on its own (`overview.deel`), so a process holds one
gemeente's files at a time. From `DREMPEL` wijk files on, the gemeenten go to a process pool in
chunks, largest first; a worker sends back only the overview's rows, never reports or node trees.
Below that, starting processes costs more than it saves.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

from wijkcheck import integrity, store
from wijkcheck.checklist import Checklist
from wijkcheck.errors import Finding, WijkcheckError
from wijkcheck.overview import Deel, Overzicht, deel, samenvoegen
from wijkcheck.sortering import Sortering
from wijkcheck.store import DataRoot

#: From this many wijk files on, worker processes pay for their start (measured on 2 cores).
DREMPEL = 200

#: Called with (done, total) wijk files: first (0, total), then as gemeenten are done.
Voortgang = Callable[[int, int], None]

Uitslag = Deel | list[Finding]


def processoren() -> int:
    """The processors this process may run on (fewer than the machine's in a container)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


class Gemeenten:
    """Loads, checks and audits gemeenten; remembers each checklist it loaded, with its findings."""

    def __init__(self, root: DataRoot, checklist: str | None, datum: dt.date) -> None:
        self.root, self.checklist_naam, self.datum = root, checklist, datum
        self.checklists: dict[str, tuple[Checklist | None, list[Finding]]] = {}

    def checklist(self, naam: str) -> tuple[Checklist | None, list[Finding]]:
        if naam not in self.checklists:
            try:
                cl, doc = store.load_checklist(self.root, naam)
                self.checklists[naam] = cl, integrity.check_checklist(cl, doc)
            except WijkcheckError as exc:
                self.checklists[naam] = None, exc.findings
        return self.checklists[naam]

    def uitslag(self, map_: Path) -> Uitslag:
        """The gemeente's rows, or why it cannot be shown (as `audit` would stop on them)."""
        try:
            gd = store.load_gemeente(map_)
        except WijkcheckError as exc:
            return exc.findings
        cl, problemen = self.checklist(self.checklist_naam or gd.gemeente.checklist)
        if cl is None:
            return problemen
        # another wijk's missing file is left out of the matrix and named below it
        problemen = problemen + [
            f for f in integrity.check_gemeente(cl, gd) if f.rule != "wijk-zonder-bestand"
        ]
        return problemen or deel(cl, gd.gemeente, gd.wijken, self.datum)


def overzicht(
    root: DataRoot,
    mappen: Sequence[Path],
    datum: dt.date,
    *,
    checklist: str | None = None,
    sortering: Sortering = Sortering.KERN,
    alleen_problemen: bool = False,
    voortgang: Voortgang | None = None,
    werkers: int | None = None,
) -> Overzicht:
    """The overview of the gemeenten in `mappen` (folders with a gemeente.yaml) on `datum`.

    `checklist` (name or path) replaces the checklist each gemeente.yaml names. `werkers`: how
    many processes; by default one below `DREMPEL` wijk files, else one per processor. Raises
    `WijkcheckError` with the findings of every gemeente that cannot be shown, or when the
    gemeenten do not share one checklist.
    """
    aantallen = [len(store.wijk_bestanden(m)) for m in mappen]
    totaal = sum(aantallen)
    if werkers is None:
        werkers = processoren() if totaal >= DREMPEL else 1
    werkers = max(1, min(werkers, len(mappen)))
    # As in validate: thousands of node trees are built and dropped, none with a cycle worth
    # the collector's time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if werkers == 1:
            uitslagen = _hier(root, mappen, aantallen, datum, checklist, voortgang)
        else:
            uitslagen = _parallel(root, mappen, aantallen, datum, checklist, voortgang, werkers)
    finally:
        if was_enabled:
            gc.enable()
    fouten = [f for u in uitslagen if isinstance(u, list) for f in u]
    if fouten:
        raise WijkcheckError(list(dict.fromkeys(fouten)))  # a shared checklist's, once
    delen = [u for u in uitslagen if isinstance(u, Deel)]
    return samenvoegen(delen, datum, sortering=sortering, alleen_problemen=alleen_problemen)


def _hier(
    root: DataRoot,
    mappen: Sequence[Path],
    aantallen: list[int],
    datum: dt.date,
    checklist: str | None,
    voortgang: Voortgang | None,
) -> list[Uitslag]:
    gemeenten = Gemeenten(root, checklist, datum)
    uitslagen: list[Uitslag] = []
    klaar, totaal = 0, sum(aantallen)
    if voortgang:
        voortgang(0, totaal)
    for map_, aantal in zip(mappen, aantallen, strict=True):
        uitslagen.append(gemeenten.uitslag(map_))
        klaar += aantal
        if voortgang:
            voortgang(klaar, totaal)
    return uitslagen


def _parallel(
    root: DataRoot,
    mappen: Sequence[Path],
    aantallen: list[int],
    datum: dt.date,
    checklist: str | None,
    voortgang: Voortgang | None,
    werkers: int,
) -> list[Uitslag]:
    totaal = sum(aantallen)
    # Largest gemeenten first, so that no worker is left with a big one at the end; about
    # sixteen chunks per worker keep the workers even and the progress bar moving.
    grootte = max(1, totaal // (werkers * 16))
    brokken: list[list[tuple[int, Path]]] = [[]]
    gevuld = 0
    for i in sorted(range(len(mappen)), key=lambda i: -aantallen[i]):
        if gevuld >= grootte:
            brokken.append([])
            gevuld = 0
        brokken[-1].append((i, mappen[i]))
        gevuld += aantallen[i]
    uitslagen: list[Uitslag | None] = [None] * len(mappen)
    with ProcessPoolExecutor(werkers, initializer=_begin, initargs=(root, checklist, datum)) as ex:
        try:
            # All workers start at the first submit, before the caller's progress display may
            # start a thread (forking a process with threads can deadlock).
            bezig = {ex.submit(_brok, brok): brok for brok in brokken}
            klaar = 0
            if voortgang:
                voortgang(0, totaal)
            while bezig:
                gedaan, _ = wait(bezig, return_when=FIRST_COMPLETED)
                for future in gedaan:
                    brok = bezig.pop(future)
                    for i, uitslag in future.result():
                        uitslagen[i] = uitslag
                    klaar += sum(aantallen[i] for i, _ in brok)
                    if voortgang:
                        voortgang(klaar, totaal)
        except BaseException:
            ex.shutdown(wait=False, cancel_futures=True)
            raise
    assert all(u is not None for u in uitslagen)
    return [u for u in uitslagen if u is not None]


# -- in a worker process ----------------------------------------------------------------------

_werker: Gemeenten | None = None


def _begin(root: DataRoot, checklist: str | None, datum: dt.date) -> None:
    global _werker
    _werker = Gemeenten(root, checklist, datum)
    # Ctrl-C is the parent's to handle; workers would each print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # What is loaded now stays; a collection after each chunk only looks at what it left.
    gc.freeze()
    gc.disable()


def _brok(brok: list[tuple[int, Path]]) -> list[tuple[int, Uitslag]]:
    assert _werker is not None
    try:
        return [(i, _werker.uitslag(m)) for i, m in brok]
    finally:
        gc.collect()
