"""The overview of many gemeenten: load, check and audit gemeente by gemeente, in worker processes
for large sets. No printing; progress goes to an optional callback.

Each gemeente is loaded and audited on its own (`overview.deel`), so a process holds one
gemeente's files at a time. From `pool.POOL_THRESHOLD` wijk files on, the gemeenten go to a pool in
chunks, largest first; a worker sends back only the overview's rows, never reports or node trees.
A gemeente of `GROOT` files or more is loaded here (its files parsed by worker processes, validated
and checked here as they arrive) and its wijken audited in parts by processes forked from this
one. Below `POOL_THRESHOLD`, starting processes costs more than it saves.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import cast

from wijkcheck.checks.run import checklist_inhoud, poort
from wijkcheck.core import engine
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, Severity, WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.ordering import Sortering
from wijkcheck.core.results import Resultaat
from wijkcheck.core.rules import FacilityIndex
from wijkcheck.parallel import parse
from wijkcheck.parallel.pool import CHUNKS_PER_WORKER, ProgressCallback, map_chunks, worker_count
from wijkcheck.reports.overview import (
    Deel,
    Overzicht,
    Part,
    audit_part,
    deel,
    samengevoegd,
    samenvoegen,
)
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import DataRoot, wijk_bestanden
from wijkcheck.sources.store import GemeenteData
from wijkcheck.sources.yamlsource import YamlDocument

Uitslag = Deel | list[Finding]
Eens = list[Resultaat]  # the gemeente-wide results, judged once per gemeente
#: A large gemeente ready to audit in parts, or why it cannot be shown.
Voorbereid = list[Finding] | tuple[GemeenteData, Checklist, FacilityIndex, Eens]


class Gemeenten:
    """Loads gemeenten through the gate every command passes (`checks.run.poort`): each with
    its checklist, refused with the errors `validate` reports about them. Remembers each
    checklist it loaded, with its findings."""

    def __init__(
        self,
        root: DataRoot,
        checklist: str | None,
        datum: dt.date,
        alles: bool = False,
        vooraf: parse.Parsing | None = None,
    ) -> None:
        self.root, self.checklist_naam, self.datum, self.alles = root, checklist, datum, alles
        #: a large gemeente's files, being parsed since the command began (`parse.begin`)
        self.vooraf = vooraf
        self.checklists: dict[tuple[str | None, str], tuple[Checklist | None, list[Finding]]] = {}

    def checklist(self, gemeente: Gemeente) -> tuple[Checklist | None, list[Finding]]:
        """The checklist of `gemeente` in this run: `--checklist` (a theme laid on the one its
        gemeente.yaml names), else the one gemeente.yaml names."""
        key = (self.checklist_naam, gemeente.checklist)
        if key not in self.checklists:
            try:
                cl, doc = store.checklist_for(self.root, self.checklist_naam, gemeente)
                fouten = [f for f in checklist_inhoud(cl, doc) if f.severity is Severity.FOUT]
                self.checklists[key] = cl, fouten
            except WijkcheckError as exc:
                self.checklists[key] = None, exc.findings
        return self.checklists[key]

    def gebruik(
        self, map_: Path, workers: int = 1
    ) -> tuple[store.GemeenteData, Checklist] | list[Finding]:
        """The gemeente with its checklist, or the errors that stop any command using it.
        `workers` > 1: its wijk files are read and checked on their own in that many
        processes (`_use_in_workers`)."""
        if workers > 1:
            verdeeld = self._use_in_workers(map_, workers)
            if verdeeld is not None:
                return verdeeld
        try:
            gd = store.load_gemeente(map_)
        except WijkcheckError as exc:
            return exc.findings
        cl, problemen = self.checklist(gd.gemeente)
        if cl is None:
            return problemen
        # another wijk's missing file is left out of the matrix and named below it
        problemen = problemen + poort(cl, None, gd, self.datum)
        return problemen or (gd, cl)

    def _use_in_workers(
        self, map_: Path, workers: int
    ) -> tuple[store.GemeenteData, Checklist] | list[Finding] | None:
        """`gebruik` with the wijk files read and parsed in `workers` processes (the node
        trees, most of the work, stay there), validated and checked here: the same answer.
        None when gemeente.yaml or its checklist fails: then `gebruik` reads one by one, as
        ever (its wijk files' errors come first there)."""
        try:
            gemeentebestand = store.load_gemeente_file(map_)
        except WijkcheckError:
            self._zonder_vooraf()
            return None
        cl, problemen = self.checklist(gemeentebestand[0])
        if cl is None:
            self._zonder_vooraf()
            return None

        def reader(paden: Sequence[Path], shown: str) -> list[store.WijkBestand | list[Finding]]:
            def validate_one(parsed: parse.Parsed) -> parse.Parsed:
                # here, as each chunk arrives: its data is dropped before the next comes
                if not isinstance(parsed, YamlDocument):
                    return parsed
                try:
                    return store.validate_wijk(parsed)
                except WijkcheckError as exc:
                    return exc.findings

            parsed = None if self.vooraf is None else self.vooraf.take(paden, shown, validate_one)
            if parsed is None:
                with parse.chunks(paden, shown, workers) as chunks:
                    parsed = chunks.collect(receive=validate_one)
            # `validate_one` turned every YamlDocument into its WijkBestand or findings
            return cast("list[store.WijkBestand | list[Finding]]", parsed)

        try:
            gd = store.load_gemeente(map_, gemeentebestand, reader)
        except WijkcheckError as exc:
            return exc.findings
        problemen = problemen + poort(cl, None, gd, self.datum)
        return problemen or (gd, cl)

    def _zonder_vooraf(self) -> None:
        """Read one file at a time after all: what is being parsed is not wanted, and its
        workers end first."""
        if self.vooraf is not None:
            self.vooraf.close()

    def uitslag(self, map_: Path) -> Uitslag:
        """The gemeente's rows, or why it cannot be shown (as `audit` would stop on them)."""
        gebruikt = self.gebruik(map_)
        if isinstance(gebruikt, list):
            return gebruikt
        gd, cl = gebruikt
        return deel(cl, gd.gemeente, gd.wijken, self.datum, alles=self.alles)

    def bereid(self, map_: Path, workers: int = 1) -> Voorbereid:
        """A large gemeente ready to audit in parts: loaded (its files read in `workers`
        processes), checked, its facilities indexed and its gemeente-wide requirements judged;
        or why it cannot be shown."""
        gebruikt = self.gebruik(map_, workers)
        if isinstance(gebruikt, list):
            return gebruikt
        gd, cl = gebruikt
        facility_index = FacilityIndex(gd.gemeente, gd.wijken, cl.soorten)
        return (
            gd,
            cl,
            facility_index,
            engine.gemeentebreed(cl, gd.gemeente, gd.wijken, self.datum, facility_index),
        )


def overzicht(
    root: DataRoot,
    mappen: Sequence[Path],
    datum: dt.date,
    *,
    checklist: str | None = None,
    sortering: Sortering = Sortering.KERN,
    alleen_problemen: bool = False,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    vooraf: parse.Parsing | None = None,
) -> Overzicht:
    """The overview of the gemeenten in `mappen` (folders with a gemeente.yaml) on `datum`.

    `checklist` (name or path) replaces the checklist each gemeente.yaml names. `workers`: how
    many processes; by default one below `pool.POOL_THRESHOLD` wijk files, else one per processor.
    `progress` is called with (done, total) wijk files. `vooraf`: the files of the one large
    gemeente of `mappen`, being parsed since the command began (`parse.begin`). Raises
    `WijkcheckError` with the findings of every gemeente that cannot be shown, or when the
    gemeenten do not share one checklist.
    """
    return samenvoegen(
        delen(
            root,
            mappen,
            datum,
            checklist=checklist,
            progress=progress,
            workers=workers,
            vooraf=vooraf,
        ),
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
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    alles: bool = False,
    vooraf: parse.Parsing | None = None,
) -> list[Deel]:
    """Every gemeente of `mappen` loaded, checked and audited (`overview.deel`), as `overzicht`
    does; `alles`: with every per-wijk outcome and the good practices (`wijkcheck voorbeelden`).
    Raises `WijkcheckError` with the findings of every gemeente that cannot be used."""
    dubbel = store.dubbele_gemeenten(mappen)
    if dubbel:
        raise WijkcheckError(dubbel)
    aantallen = [len(wijk_bestanden(m)) for m in mappen]
    workers = worker_count(sum(aantallen), len(mappen), workers)
    if workers == 1 and any(n >= parse.GROOT for n in aantallen):
        workers = worker_count(sum(aantallen), sum(aantallen))  # a large one is split
    # As in validate: thousands of node trees are built and dropped, none with a cycle worth
    # the collector's time.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if workers == 1:
            if vooraf is not None:
                vooraf.close()
            outcomes = _hier(root, mappen, aantallen, datum, checklist, progress, alles)
        else:
            outcomes = _verdeeld(
                root, mappen, aantallen, datum, checklist, progress, workers, alles, vooraf
            )
    finally:
        if was_enabled:
            gc.enable()
    fouten = [f for u in outcomes if isinstance(u, list) for f in u]
    if fouten:
        # a shared checklist's, once
        raise WijkcheckError(list(dict.fromkeys(fouten)), meegeleverd=root.meegeleverd)
    return [u for u in outcomes if isinstance(u, Deel)]


def _verdeeld(
    root: DataRoot,
    mappen: Sequence[Path],
    aantallen: Sequence[int],
    datum: dt.date,
    checklist: str | None,
    progress: ProgressCallback | None,
    workers: int,
    alles: bool = False,
    vooraf: parse.Parsing | None = None,
) -> list[Uitslag]:
    """The gemeenten in `workers` processes: the smaller ones whole, in chunks, largest first;
    each large one (`GROOT`) loaded, checked and indexed here once, then its wijken audited in
    parts by processes forked from this one, which so hold the gemeente without it being sent
    (loading it in every process would cost every processor the whole load). `vooraf` ends
    before any pool of these begins (a pool must not fork while another's thread runs)."""
    total = sum(aantallen)
    done = 0

    def vanaf(basis: int) -> ProgressCallback | None:
        return None if progress is None else (lambda k, _: progress(basis + k, total))

    if progress:
        progress(0, total)
    outcomes: dict[int, Uitslag] = {}
    klein = [i for i, n in enumerate(aantallen) if n < parse.GROOT]
    if klein and vooraf is not None:  # `parse.begin` starts only for one large gemeente
        vooraf.close()
    if klein:
        for i, u in zip(
            klein,
            map_chunks(
                [mappen[i] for i in klein],
                [aantallen[i] for i in klein],
                _werk,
                workers=min(workers, len(klein)),
                begin=_begin,
                begin_args=(root, checklist, datum, alles),
                progress=vanaf(done),
            ),
            strict=True,
        ):
            outcomes[i] = u
        done += sum(aantallen[i] for i in klein)
    gemeenten = Gemeenten(root, checklist, datum, alles, vooraf)
    grootte = max(1, total // (workers * CHUNKS_PER_WORKER))
    for i, n in enumerate(aantallen):
        if n < parse.GROOT:
            continue
        voorbereid = gemeenten.bereid(mappen[i], workers)
        gemeenten.vooraf = None
        if vooraf is not None:  # taken by `bereid`, or not wanted: its workers end now
            vooraf.close()
        if isinstance(voorbereid, list):
            outcomes[i] = voorbereid
        else:
            gd, cl, facility_index, eens = voorbereid
            aantal = len(gd.wijken)
            stukken = max(workers, min(aantal, -(-aantal // grootte)))
            grenzen = list(pairwise(aantal * k // stukken for k in range(stukken + 1)))
            gedaan = map_chunks(
                [slice(a, b) for a, b in grenzen],
                [b - a for a, b in grenzen],
                _werk_stuk,
                workers=workers,
                begin=_begin_stuk,
                begin_args=(gd.gemeente, gd.wijken, cl, facility_index, eens, datum, alles),
                progress=vanaf(done),
            )
            outcomes[i] = samengevoegd(gedaan, cl, gd.gemeente, gd.wijken, datum, eens, alles)
        done += n
        if progress:
            progress(done, total)
    return [outcomes[i] for i in range(len(mappen))]


def _hier(
    root: DataRoot,
    mappen: Sequence[Path],
    aantallen: list[int],
    datum: dt.date,
    checklist: str | None,
    progress: ProgressCallback | None,
    alles: bool = False,
) -> list[Uitslag]:
    gemeenten = Gemeenten(root, checklist, datum, alles)
    outcomes: list[Uitslag] = []
    done, total = 0, sum(aantallen)
    if progress:
        progress(0, total)
    for map_, aantal in zip(mappen, aantallen, strict=True):
        outcomes.append(gemeenten.uitslag(map_))
        done += aantal
        if progress:
            progress(done, total)
    return outcomes


# -- in a worker process ----------------------------------------------------------------------

_werker: Gemeenten | None = None


def _begin(root: DataRoot, checklist: str | None, datum: dt.date, alles: bool = False) -> None:
    global _werker
    _werker = Gemeenten(root, checklist, datum, alles)


def _werk(brok: list[tuple[int, Path]]) -> list[tuple[int, Uitslag]]:
    assert _werker is not None
    return [(i, _werker.uitslag(m)) for i, m in brok]


#: In a process that audits parts of a large gemeente: the gemeente, ready (`_begin_stuk`).
_stuk: tuple[Gemeente, Sequence[Wijk], Checklist, FacilityIndex, Eens, dt.date, bool] | None = None


def _begin_stuk(
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    checklist: Checklist,
    facility_index: FacilityIndex,
    eens: Eens,
    datum: dt.date,
    alles: bool = False,
) -> None:
    """Forked, the process has the parent's objects as they were: the index holds these very
    wijken. Started otherwise (spawn), they arrive as copies, and the index is made anew."""
    global _stuk
    if wijken and facility_index.wijken.get(id(wijken[0])) is not wijken[0]:
        facility_index = FacilityIndex(gemeente, wijken, checklist.soorten)
    _stuk = gemeente, wijken, checklist, facility_index, eens, datum, alles


def _werk_stuk(brok: list[tuple[int, slice]]) -> list[tuple[int, Part]]:
    assert _stuk is not None
    gemeente, wijken, cl, facility_index, eens, datum, alles = _stuk
    return [
        (i, audit_part(cl, gemeente, wijken, datum, facility_index, eens, van, alles))
        for i, van in brok
    ]
