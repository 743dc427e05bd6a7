"""The overview of many gemeenten: load, check and audit gemeente by gemeente, in worker processes
for large sets. No printing; progress goes to an optional callback.

Each gemeente is loaded and audited on its own (`overview.deel`), so a process holds one
gemeente's files at a time. From `processen.DREMPEL` wijk files on, the gemeenten go to a pool in
chunks, largest first; a worker sends back only the overview's rows, never reports or node trees.
Below that, starting processes costs more than it saves.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from pathlib import Path

from wijkcheck.checks import integrity
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, WijkcheckError
from wijkcheck.core.models import Gemeente
from wijkcheck.core.ordering import Sortering
from wijkcheck.parallel.pool import Voortgang, aantal_werkers, verdeel
from wijkcheck.reports.overview import Deel, Overzicht, deel, samenvoegen
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import DataRoot, wijk_bestanden

Uitslag = Deel | list[Finding]


class Gemeenten:
    """Loads, checks and audits gemeenten; remembers each checklist it loaded, with its findings."""

    def __init__(
        self, root: DataRoot, checklist: str | None, datum: dt.date, alles: bool = False
    ) -> None:
        self.root, self.checklist_naam, self.datum, self.alles = root, checklist, datum, alles
        self.checklists: dict[tuple[str | None, str], tuple[Checklist | None, list[Finding]]] = {}

    def checklist(self, gemeente: Gemeente) -> tuple[Checklist | None, list[Finding]]:
        """The checklist of `gemeente` in this run: `--checklist` (a theme laid on the one its
        gemeente.yaml names), else the one gemeente.yaml names."""
        key = (self.checklist_naam, gemeente.checklist)
        if key not in self.checklists:
            try:
                cl, doc = store.checklist_voor(self.root, self.checklist_naam, gemeente)
                self.checklists[key] = cl, integrity.check_checklist(cl, doc)
            except WijkcheckError as exc:
                self.checklists[key] = None, exc.findings
        return self.checklists[key]

    def uitslag(self, map_: Path) -> Uitslag:
        """The gemeente's rows, or why it cannot be shown (as `audit` would stop on them)."""
        try:
            gd = store.load_gemeente(map_)
        except WijkcheckError as exc:
            return exc.findings
        cl, problemen = self.checklist(gd.gemeente)
        if cl is None:
            return problemen
        # another wijk's missing file is left out of the matrix and named below it
        problemen = problemen + integrity.bruikbaar(cl, gd)
        return problemen or deel(cl, gd.gemeente, gd.wijken, self.datum, alles=self.alles)


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
    many processes; by default one below `processen.DREMPEL` wijk files, else one per processor.
    `voortgang` is called with (done, total) wijk files. Raises `WijkcheckError` with the
    findings of every gemeente that cannot be shown, or when the gemeenten do not share one
    checklist.
    """
    return samenvoegen(
        delen(root, mappen, datum, checklist=checklist, voortgang=voortgang, werkers=werkers),
        datum,
        sortering=sortering,
        alleen_problemen=alleen_problemen,
    )


def delen(
    root: DataRoot,
    mappen: Sequence[Path],
    datum: dt.date,
    *,
    checklist: str | None = None,
    voortgang: Voortgang | None = None,
    werkers: int | None = None,
    alles: bool = False,
) -> list[Deel]:
    """Every gemeente of `mappen` loaded, checked and audited (`overview.deel`), as `overzicht`
    does; `alles`: with every per-wijk outcome and the good practices (`wijkcheck voorbeelden`).
    Raises `WijkcheckError` with the findings of every gemeente that cannot be used."""
    dubbel = store.dubbele_gemeenten(mappen)
    if dubbel:
        raise WijkcheckError(dubbel)
    aantallen = [len(wijk_bestanden(m)) for m in mappen]
    werkers = aantal_werkers(sum(aantallen), len(mappen), werkers)
    # As in validate: thousands of node trees are built and dropped, none with a cycle worth
    # the collector's time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if werkers == 1:
            uitslagen = _hier(root, mappen, aantallen, datum, checklist, voortgang, alles)
        else:
            uitslagen = verdeel(
                mappen,
                aantallen,
                _werk,
                werkers=werkers,
                begin=_begin,
                begin_args=(root, checklist, datum, alles),
                voortgang=voortgang,
            )
    finally:
        if was_enabled:
            gc.enable()
    fouten = [f for u in uitslagen if isinstance(u, list) for f in u]
    if fouten:
        raise WijkcheckError(list(dict.fromkeys(fouten)))  # a shared checklist's, once
    return [u for u in uitslagen if isinstance(u, Deel)]


def _hier(
    root: DataRoot,
    mappen: Sequence[Path],
    aantallen: list[int],
    datum: dt.date,
    checklist: str | None,
    voortgang: Voortgang | None,
    alles: bool = False,
) -> list[Uitslag]:
    gemeenten = Gemeenten(root, checklist, datum, alles)
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


# -- in a worker process ----------------------------------------------------------------------

_werker: Gemeenten | None = None


def _begin(root: DataRoot, checklist: str | None, datum: dt.date, alles: bool = False) -> None:
    global _werker
    _werker = Gemeenten(root, checklist, datum, alles)


def _werk(brok: list[tuple[int, Path]]) -> list[tuple[int, Uitslag]]:
    assert _werker is not None
    return [(i, _werker.uitslag(m)) for i, m in brok]
