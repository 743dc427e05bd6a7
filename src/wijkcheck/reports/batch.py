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
from dataclasses import replace
from pathlib import Path

from wijkcheck.checks.run import checklist_inhoud, poort
from wijkcheck.core import engine
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, Severity, WijkcheckError
from wijkcheck.core.ordering import Sortering
from wijkcheck.core.results import Resultaat
from wijkcheck.core.rules import Plekken
from wijkcheck.parallel.pool import BROKKEN_PER_WERKER, Voortgang, aantal_werkers, verdeel
from wijkcheck.reports.overview import Deel, Overzicht, deel, samenvoegen
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import DataRoot, wijk_bestanden
from wijkcheck.sources.store import GemeenteData

Uitslag = Deel | list[Finding]
Eens = list[Resultaat]  # the gemeente-wide results, judged once per gemeente
#: A large gemeente ready to audit in parts, or why it cannot be shown.
Voorbereid = list[Finding] | tuple[GemeenteData, Checklist, Plekken, Eens]


class Gemeenten:
    """Loads gemeenten through the gate every command passes (`checks.run.poort`): each with
    its checklist, refused with the errors `validate` reports about them. Remembers each
    checklist it loaded, with its findings."""

    def __init__(self, root: DataRoot, checklist: str | None, datum: dt.date) -> None:
        self.root, self.checklist_naam, self.datum = root, checklist, datum
        self.checklists: dict[str, tuple[Checklist | None, list[Finding]]] = {}
        #: the large gemeente whose parts this process audits, ready (see `uitslag`)
        self._geladen: tuple[Path, Voorbereid] | None = None

    def checklist(self, naam: str) -> tuple[Checklist | None, list[Finding]]:
        if naam not in self.checklists:
            # --checklist is the user's own choice; a name from gemeente.yaml stays in the data
            bron = (
                store.ChecklistBron.OPDRACHTREGEL
                if self.checklist_naam
                else (store.ChecklistBron.GEMEENTE)
            )
            try:
                cl, doc = store.load_checklist(self.root, naam, bron)
                fouten = [f for f in checklist_inhoud(cl, doc) if f.severity is Severity.FOUT]
                self.checklists[naam] = cl, fouten
            except WijkcheckError as exc:
                self.checklists[naam] = None, exc.findings
        return self.checklists[naam]

    def gebruik(self, map_: Path) -> tuple[store.GemeenteData, Checklist] | list[Finding]:
        """The gemeente with its checklist, or the errors that stop any command using it."""
        try:
            gd = store.load_gemeente(map_)
        except WijkcheckError as exc:
            return exc.findings
        naam = self.checklist_naam or gd.gemeente.checklist
        cl, problemen = self.checklist(naam)
        if cl is None:
            return problemen
        # another wijk's missing file is left out of the matrix and named below it
        problemen = problemen + poort(cl, None, gd, self.datum)
        return problemen or (gd, cl)

    def uitslag(self, map_: Path, stuk: int = 0, stukken: int = 1) -> Uitslag:
        """The gemeente's rows (with `stukken`, those of part `stuk` of its wijken), or why it
        cannot be shown (as `audit` would stop on them)."""
        if stukken == 1:
            gebruikt = self.gebruik(map_)
            if isinstance(gebruikt, list):
                return gebruikt
            gd, cl = gebruikt
            return deel(cl, gd.gemeente, gd.wijken, self.datum)
        # a part of a large gemeente: loaded, checked and indexed once per process
        if self._geladen is None or self._geladen[0] != map_:
            self._geladen = map_, self._bereid(map_)
        voorbereid = self._geladen[1]
        if isinstance(voorbereid, list):
            return voorbereid  # every part says so; the parent keeps the findings once
        gd, cl, plekken, eens = voorbereid
        n = len(gd.wijken)
        van = slice(n * stuk // stukken, n * (stuk + 1) // stukken)
        return deel(cl, gd.gemeente, gd.wijken, self.datum, plekken=plekken, eens=eens, van=van)

    def _bereid(self, map_: Path) -> Voorbereid:
        gebruikt = self.gebruik(map_)
        if isinstance(gebruikt, list):
            return gebruikt
        gd, cl = gebruikt
        plekken = Plekken(gd.gemeente, gd.wijken, cl.soorten)
        return (
            gd,
            cl,
            plekken,
            engine.gemeentebreed(cl, gd.gemeente, gd.wijken, self.datum, plekken),
        )


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
    dubbel = store.dubbele_gemeenten(mappen)
    if dubbel:
        raise WijkcheckError(dubbel)
    aantallen = [len(wijk_bestanden(m)) for m in mappen]
    werkers = aantal_werkers(sum(aantallen), sum(aantallen), werkers)
    taken, gewichten = _taken(mappen, aantallen, werkers)
    werkers = min(werkers, len(taken))
    # As in validate: thousands of node trees are built and dropped, none with a cycle worth
    # the collector's time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if werkers == 1:
            uitslagen = _hier(root, mappen, aantallen, datum, checklist, voortgang)
        else:
            uitslagen = _stukken_samen(
                taken,
                verdeel(
                    taken,
                    gewichten,
                    _werk,
                    werkers=werkers,
                    begin=_begin,
                    begin_args=(root, checklist, datum),
                    voortgang=voortgang,
                ),
            )
    finally:
        if was_enabled:
            gc.enable()
    fouten = [f for u in uitslagen if isinstance(u, list) for f in u]
    if fouten:
        raise WijkcheckError(list(dict.fromkeys(fouten)))  # a shared checklist's, once
    delen = [u for u in uitslagen if isinstance(u, Deel)]
    return samenvoegen(delen, datum, sortering=sortering, alleen_problemen=alleen_problemen)


#: From this many wijk files on, a gemeente is audited in parts when several processes run:
#: one large gemeente then keeps every processor busy and the progress bar moving. Each process
#: loads and checks such a gemeente once (the gate and the facility index need all its files)
#: and audits the parts it is given.
GROOT = 200

#: A task: a gemeente folder, and which part of how many of its wijken.
Taak = tuple[Path, int, int]


def _taken(
    mappen: Sequence[Path], aantallen: Sequence[int], werkers: int
) -> tuple[list[Taak], list[int]]:
    """The tasks for `werkers` processes, each with its number of wijk files: a gemeente, or
    a part of a large one about as large as a chunk of `parallel.pool.verdeel`."""
    grootte = max(1, sum(aantallen) // (werkers * BROKKEN_PER_WERKER))
    taken: list[Taak] = []
    gewichten: list[int] = []
    for m, n in zip(mappen, aantallen, strict=True):
        stukken = 1 if werkers == 1 or n < GROOT else max(werkers, min(n, -(-n // grootte)))
        for k in range(stukken):
            taken.append((m, k, stukken))
            gewichten.append(n * (k + 1) // stukken - n * k // stukken)
    return taken, gewichten


def _stukken_samen(taken: Sequence[Taak], uitslagen: Sequence[Uitslag]) -> list[Uitslag]:
    """One result per gemeente: the rows of its parts after each other, in order."""
    samen: list[Uitslag] = []
    for (_, stuk, _), u in zip(taken, uitslagen, strict=True):
        vorige = samen[-1] if samen else None
        if stuk and isinstance(u, Deel) and isinstance(vorige, Deel):
            samen[-1] = replace(vorige, rijen=vorige.rijen + u.rijen)
        else:
            samen.append(u)
    return samen


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


# -- in a worker process ----------------------------------------------------------------------

_werker: Gemeenten | None = None


def _begin(root: DataRoot, checklist: str | None, datum: dt.date) -> None:
    global _werker
    _werker = Gemeenten(root, checklist, datum)


def _werk(brok: list[tuple[int, Taak]]) -> list[tuple[int, Uitslag]]:
    assert _werker is not None
    return [(i, _werker.uitslag(m, stuk, stukken)) for i, (m, stuk, stukken) in brok]
