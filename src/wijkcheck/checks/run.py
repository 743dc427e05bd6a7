"""`wijkcheck validate`: every check of every data file, as positioned findings. No printing.

A run gets files (named by the user, or every file of a data root). Each file is parsed once. A
wijk file is checked together with its gemeente.yaml, its sibling wijk files and the checklist
its gemeente names, because many mistakes sit between files. Findings are reported for the files
asked about, plus the load errors of the gemeente.yaml and checklist they depend on (without
those the files asked about could not be fully checked).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import BaseModel

from wijkcheck.checks import integrity, plausibility
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Finding, Severity, Span, WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.parallel.pool import ProgressCallback, map_chunks, worker_count
from wijkcheck.sources.dataroot import (
    GEMEENTE_BESTAND,
    YAML_SUFFIXES,
    DataRoot,
    binnen,
    buiten_gegevensmap,
    bundled_root,
    ontdek,
    verborgen,
    wijk_bestanden,
)
from wijkcheck.sources.layers import GelaagdDocument
from wijkcheck.sources.loader import validate as validate_model
from wijkcheck.sources.store import (
    ChecklistBron,
    GemeenteData,
    WijkBestand,
    checklist_path,
    dubbele_gemeenten,
    geen_thema,
    load_checklist_file,
)
from wijkcheck.sources.yamlsource import YamlDocument, load_file

T = TypeVar("T", bound=BaseModel)

#: Findings that mean the input could not be read at all: exit code 2 instead of 1.
ONLEESBAAR = frozenset({ids.BESTAND_ONLEESBAAR, ids.MAP_ONLEESBAAR})
_STANDAARD_CHECKLIST: str = Gemeente.model_fields["checklist"].default


class Validatie(NamedTuple):
    """The outcome of a run: findings sorted by file and position, and the files checked."""

    bevindingen: tuple[Finding, ...]
    bestanden: tuple[str, ...]
    datum: dt.date

    @property
    def fouten(self) -> int:
        return sum(f.severity is Severity.FOUT for f in self.bevindingen)

    @property
    def waarschuwingen(self) -> int:
        return sum(f.severity is Severity.WAARSCHUWING for f in self.bevindingen)

    @property
    def onleesbaar(self) -> bool:
        return any(f.definition in ONLEESBAAR for f in self.bevindingen)

    @property
    def bestanden_met_bevindingen(self) -> int:
        return len({f.span.path for f in self.bevindingen})


def validate(
    paths: Sequence[Path],
    root: DataRoot,
    datum: dt.date,
    cwd: Path | None = None,
    *,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    checklist: str | None = None,
) -> Validatie:
    """Check `paths` (files or folders), or with no paths every file of `root`.

    `checklist` (`--checklist`, a name or path) replaces the checklist each gemeente.yaml names
    for the checks of its files, as in every other command; a theme is laid on that one.

    `datum` is the reference date: later dates are in the future, older figures stale.
    `progress` is called with (done, total) files. `workers`: how many processes check
    gemeenten; by default one below `pool.POOL_THRESHOLD` files, else one per processor. The
    findings are the same, in the same order, however many.
    Raises `WijkcheckError` only when a named path does not exist.
    """
    gekozen = None
    if checklist is not None:
        gekozen = checklist_path(root, checklist, ChecklistBron.OPDRACHTREGEL)
    run = _Run(root, datum, cwd or Path.cwd(), gekozen)
    files = run.expand(paths) if paths else run.root_files(root)
    # Thousands of node trees are built and dropped; none has a reference cycle worth the
    # collector's time (measured: 40 % of a 2,000-file run). Cycles left by a recursive alias
    # are collected once the collector is back on.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return run.check(files, progress, workers)
    finally:
        if was_enabled:
            gc.enable()


def data_root_in(folder: Path) -> DataRoot | None:
    """The data root a folder is, if it is one (a repository, `data/` or a `wijken` folder)."""
    from wijkcheck.sources.dataroot import find_root

    try:
        return find_root(folder, {}, folder)
    except WijkcheckError:
        return None


# -- the gate: what every command checks before it uses data (docs/ontwerp.md) ----------------


def wijk_inhoud(
    w: Wijk, doc: YamlDocument, cl: Checklist | None, datum: dt.date, fouten: bool = False
) -> list[Finding]:
    """Every finding about one wijk file on its own: the plausibility of its figures, dates
    and names (with `fouten`, only the errors)."""
    return plausibility.check_wijk(w, doc, cl, datum, fouten)


def gemeente_inhoud(
    cl: Checklist,
    data: GemeenteData,
    datum: dt.date,
    geclaimd: frozenset[str] = frozenset(),
    fouten: bool = False,
) -> list[Finding]:
    """Every finding about a loaded gemeente checked against `cl` on `datum` beyond its wijk
    files on their own (`wijk_inhoud`): the references between its files and the checklist,
    and the plausibility of gemeente.yaml. `validate` reports these; `poort` refuses the
    errors among them (with `fouten`, only those are made)."""
    found = integrity.check_gemeente(cl, data, geclaimd)
    found += plausibility.check_gemeente(data.gemeente, data.doc, cl, datum, fouten)
    if not fouten and not any(f.severity is Severity.FOUT for f in found):
        # an exception for what is voldaan needs the audit itself; a warning, so not in the gate
        found += plausibility.niet_nodig(cl, data, datum)
    return found


def checklist_inhoud(cl: Checklist, doc: GelaagdDocument) -> list[Finding]:
    """Every finding about a loaded checklist: references and contradicting thresholds."""
    return integrity.check_checklist(cl, doc) + plausibility.check_checklist(cl, doc)


def poort(
    cl: Checklist, cldoc: GelaagdDocument | None, data: GemeenteData, datum: dt.date
) -> list[Finding]:
    """The errors that stop a command from using this gemeente with checklist `cl` on `datum`
    (with `cldoc`, the checklist's own too): exactly the errors `validate --datum` reports
    about these files, but for another wijk's missing file, which makes no other result
    wrong (`validate` reports it; the overview names the wijk; an audit of it is refused)."""
    found = gemeente_inhoud(cl, data, datum, fouten=True)
    for b in data.bestanden:
        found += wijk_inhoud(b.wijk, b.doc, cl, datum, fouten=True)
    if cldoc is not None:
        found += checklist_inhoud(cl, cldoc)
    fouten = {
        f: None
        for f in found
        if f.severity is Severity.FOUT and f.definition != ids.WIJK_ZONDER_BESTAND
    }
    return sorted(fouten, key=_volgorde)


class _Run:
    def __init__(
        self, root: DataRoot, datum: dt.date, cwd: Path, gekozen: Path | None = None
    ) -> None:
        self.root, self.datum, self.gekozen = root, datum, gekozen
        self.cwd = os.path.abspath(cwd)
        self.cwd_prefix = self.cwd.rstrip(os.sep) + os.sep
        self.found: list[tuple[Finding, bool]] = []  # (finding, is a load error)
        self.requested: dict[str, Path] = {}
        self.context: set[str] = set()
        self.checklists: dict[
            tuple[str, str | None], tuple[Checklist | None, GelaagdDocument | None]
        ] = {}
        self.grenzen: dict[str, str] = {}
        self.links: dict[str, bool] = {}
        self.heeft_gemeente: dict[str, bool] = {}
        #: findings about the shape of the data folder (`ontdek`): kept whatever was asked
        self.altijd: list[Finding] = []

    # -- which files ------------------------------------------------------------------------

    def expand(self, paths: Sequence[Path]) -> list[Path]:
        missing = [p for p in paths if not os.path.lexists(p)]
        if missing:
            raise WijkcheckError(
                [Finding(Span(""), f"'{p}' bestaat niet", ids.PAD_BESTAAT_NIET) for p in missing]
            )
        files: list[Path] = []
        for p in paths:
            if not p.is_dir():
                files.append(p)  # named by the user: checked whatever its extension
                continue
            sub = data_root_in(p)
            found = self.root_files(sub) if sub is not None else self.walk(p)
            if not found:
                raise WijkcheckError.single(
                    Span(""), f"geen .yaml- of .yml-bestanden in '{p}'", ids.GEEN_BESTANDEN
                )
            files.extend(found)
        return files

    def root_files(self, root: DataRoot) -> list[Path]:
        """Every YAML file of a data root. Its gemeente folders and the findings about its
        shape come from `ontdek`, as for every other command: a linked gemeente folder inside
        the data folder is data (and checked), one that leads out of it is refused."""
        ontdekt = ontdek(root)
        self.altijd.extend(ontdekt.bevindingen)
        gelinkt = {m for m in ontdekt.mappen if os.path.islink(m)}
        files = self.walk(root.wijken, gelinkt)
        if root.checklists is not None and root.checklists.is_dir():
            files.extend(self.walk(root.checklists))
        return files

    def walk(self, folder: Path, volg: set[Path] | None = None) -> list[Path]:
        """YAML files under `folder`; hidden files and folders skipped (as `plaats` does),
        linked folders not followed, but for the linked gemeente folders in `volg`."""
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(folder, onerror=None):
            here = Path(dirpath)
            for name in list(dirnames):
                sub = here / name
                if volg and sub in volg:
                    dirnames.remove(name)
                    found.extend(self.walk(sub))
                elif verborgen(name) or os.path.islink(sub):
                    dirnames.remove(name)
                    if not verborgen(name) and self.outside(sub):
                        self.report_outside(sub)
            # a folder named like a data file (`herpt.yaml/`) is reported where a file belongs,
            # as the other commands report it, not walked into
            als_bestand = [n for n in dirnames if n.endswith(YAML_SUFFIXES)]
            for name in als_bestand:
                dirnames.remove(name)
            dirnames.sort()
            found.extend(
                here / n
                for n in sorted([*filenames, *als_bestand])
                if n.endswith(YAML_SUFFIXES) and not verborgen(n)
            )
        return found

    def kind(self, p: Path) -> str:
        if p.name == GEMEENTE_BESTAND:
            return "gemeente"
        parent = os.path.abspath(p.parent)
        if parent not in self.heeft_gemeente:
            self.heeft_gemeente[parent] = os.path.isfile(os.path.join(parent, GEMEENTE_BESTAND))
        if self.heeft_gemeente[parent]:
            return "wijk"
        if p.parent.name == "checklists":
            return "checklist"
        return "los"

    # -- the run ----------------------------------------------------------------------------

    def check(
        self,
        files: list[Path],
        progress: ProgressCallback | None = None,
        workers: int | None = None,
    ) -> Validatie:
        gemeenten: dict[str, Path] = {}
        per_gemeente: dict[str, int] = {}  # files asked about, for progress
        checklists: list[Path] = []
        losse: list[Path] = []
        for p in files:
            shown = self.shown(p)
            if shown in self.requested:
                continue
            self.requested[shown] = p
            kind = self.kind(p)
            if kind in ("gemeente", "wijk"):
                key = os.path.abspath(p.parent)
                gemeenten.setdefault(key, p.parent)
                per_gemeente[key] = per_gemeente.get(key, 0) + 1
            elif self.outside(p):
                self.report_outside(p)
            elif kind == "checklist":
                checklists.append(p)
            else:
                losse.append(p)
        total = len(self.requested)
        gemeenten = dict(sorted(gemeenten.items()))  # in folder order, as every command
        gewichten = [per_gemeente[k] for k in gemeenten]
        workers = worker_count(total, len(gemeenten), workers)
        if workers > 1:
            # Each worker checks whole gemeenten with a run of its own; merged in folder order,
            # the findings are those of one run (duplicates of a shared checklist's fall away).
            for found, context in map_chunks(
                list(gemeenten.values()),
                gewichten,
                _werk,
                workers=workers,
                begin=_begin,
                begin_args=(self.root, self.datum, Path(self.cwd), self.gekozen),
                # the total counts the checklists and loose files done here afterwards
                progress=(lambda done, _: progress(done, total)) if progress else None,
            ):
                self.found.extend(found)
                self.context |= context
            done = sum(gewichten)
        else:
            done = 0
            if progress:
                progress(0, total)
            for folder, aantal in zip(gemeenten.values(), gewichten, strict=True):
                self.gemeente(folder)
                done += aantal
                if progress:
                    progress(done, total)
        self.add(dubbele_gemeenten(list(gemeenten.values())))
        for p in checklists:
            self.checklist(p)
        for p in losse:
            self.los(p)
        if progress and done < total:
            progress(total, total)
        keep = {f: None for f in self.altijd} | {
            f: None
            for f, load in self.found
            if f.span.path in self.requested or (load and f.span.path in self.context)
        }
        ordered = sorted(keep, key=_volgorde)
        return Validatie(tuple(ordered), tuple(sorted(self.requested)), self.datum)

    def add(self, findings: list[Finding], load: bool = False) -> None:
        self.found.extend((f, load) for f in findings)

    # Files are not cached: each is read once, and a finished gemeente's node trees are freed.

    def parse(self, p: Path) -> YamlDocument | None:
        try:
            return load_file(p, self.shown(p))
        except WijkcheckError as exc:
            self.add(exc.findings, load=True)
            return None

    def model(self, doc: YamlDocument | None, model: type[T]) -> T | None:
        if doc is None:
            return None
        try:
            return validate_model(doc, model)
        except WijkcheckError as exc:
            self.add(exc.findings, load=True)
            return None

    def gemeente(self, folder: Path) -> None:
        gpath = folder / GEMEENTE_BESTAND
        self.context.add(self.shown(gpath))
        gdoc = None if self.outside(gpath, report=True) else self.parse(gpath)
        g = self.model(gdoc, Gemeente)
        if g is not None:
            naam: str | None = g.checklist
        elif gdoc is not None and isinstance(gdoc.data, dict):
            naam = _tekst(gdoc, "checklist", _STANDAARD_CHECKLIST)
        else:
            naam = None  # which checklist is unknown: skip the checks that need one
        cl = None
        if naam is not None:
            cl, _ = self.checklist_for(naam, folder, gdoc if g is not None else None, g is not None)
        bekend = integrity.Namen.van(g).wijk_keys if g is not None else frozenset()
        bestanden: list[WijkBestand] = []
        geclaimd: set[str] = set()
        map_link = os.path.islink(folder)
        try:
            paden = wijk_bestanden(folder)
        except WijkcheckError as exc:  # a folder that cannot be listed (`map-onleesbaar`)
            shown = self.shown(folder)
            self.context.add(shown)
            self.add(
                [Finding(Span(shown), f.message, f.definition) for f in exc.findings], load=True
            )
            paden = []
        for p in paden:
            if (map_link or os.path.islink(p)) and self.outside(p, report=True):
                continue
            wdoc = self.parse(p)
            w = self.model(wdoc, Wijk)
            if w is None or wdoc is None:
                # The file exists: do not also call its wijk "without a file".
                geclaimd.add(sleutel(p.stem))
                geclaimd.add(sleutel(_tekst(wdoc, "naam", "")))
                continue
            # the file's own checks while its tree is there; then only its text is kept
            self.add(wijk_inhoud(w, wdoc, cl, self.datum))
            if sleutel(w.naam) in bekend and sleutel(p.stem) != sleutel(w.naam):
                self.add([_bestandsnaam(wdoc, p, w.naam)])
            if cl is not None and g is None:
                self.add(integrity.check_wijk(cl, wdoc, w))
            bestanden.append(WijkBestand(w, wdoc.licht()))
        if g is not None and gdoc is not None:
            if cl is not None:  # the checks of the gate every command passes, and no others
                data = GemeenteData(folder, g, gdoc, bestanden)
                self.add(gemeente_inhoud(cl, data, self.datum, frozenset(geclaimd)))
            else:
                self.add(plausibility.check_gemeente(g, gdoc, cl, self.datum))

    def checklist(
        self, p: Path, basis: Path | None = None, waar: Span | None = None
    ) -> tuple[Checklist | None, GelaagdDocument | None]:
        """The checklist at `p`, checked once. A theme is laid on `basis` (the gemeente's own
        checklist), without `basis` on the standard checklist; but a theme that gemeente.yaml
        names itself (`waar`, its `checklist:`, without `basis`) is an error there."""
        eronder = os.path.abspath(basis) if basis else ("gemeente" if waar else None)
        key = (os.path.abspath(p), eronder)
        if key not in self.checklists:
            if self.outside(p, report=True):  # never read: its keys would show in findings
                self.checklists[key] = (None, None)
                return self.checklists[key]

            def onder() -> Path:
                return basis if basis is not None else geen_thema(p.stem, waar)

            try:
                cl, doc = load_checklist_file(
                    p, self.root, self.shown, onder if eronder is not None else None
                )
            except WijkcheckError as exc:
                self.add(exc.findings, load=True)
                self.checklists[key] = (None, None)
            else:
                self.add(checklist_inhoud(cl, doc))
                self.checklists[key] = (cl, doc)
        return self.checklists[key]

    def checklist_for(
        self, naam: str, folder: Path, gdoc: YamlDocument | None, gemeente: bool = False
    ) -> tuple[Checklist | None, GelaagdDocument | None]:
        """The checklist a gemeente names: in the nearest `checklists/` folder, the data root's
        or the bundled one, or `--checklist` (a theme laid on the one the gemeente names). A
        path must stay inside the data folder. `gemeente`: named by a valid gemeente.yaml."""
        path: Path | None = None
        if "/" in naam or "\\" in naam or naam.endswith(YAML_SUFFIXES):
            grens = self.grens(folder / GEMEENTE_BESTAND)
            kandidaat = Path(grens) / naam
            if not binnen(os.path.realpath(kandidaat), grens):
                if gdoc is not None:
                    self.add(
                        [
                            Finding(
                                gdoc.span(("checklist",)),
                                f"checklist '{naam}' ligt buiten de gegevensmap; geef de naam "
                                f"van een checklist in checklists/ (bijv. {_STANDAARD_CHECKLIST})",
                                ids.PAD_BUITEN_DATA,
                            )
                        ]
                    )
                return None, None
            path = kandidaat if kandidaat.is_file() else None
        bekend: list[str] = []
        if path is None:
            for map_ in self.checklist_mappen(folder):
                for f in sorted(map_.glob("*.y*ml")):
                    if f.suffix in YAML_SUFFIXES and sleutel(f.stem) == sleutel(naam):
                        path = f
                        break
                    bekend.append(f.stem)
                if path is not None:
                    break
        if path is None:
            if gdoc is not None:
                hint = bedoelde_u(naam, bekend)
                self.add(
                    [
                        Finding(
                            gdoc.span(("checklist",)),
                            f"onbekende checklist '{naam}'.{hint}".rstrip("."),
                            ids.ONBEKENDE_CHECKLIST,
                        )
                    ]
                )
            return None, None
        self.context.add(self.shown(path))
        waar = gdoc.span(("checklist",)) if gemeente and gdoc is not None else None
        if self.gekozen is not None:
            self.context.add(self.shown(self.gekozen))
            return self.checklist(self.gekozen, path)
        return self.checklist(path, None, waar)

    def checklist_mappen(self, folder: Path) -> list[Path]:
        mappen: list[Path] = []
        start = Path(os.path.abspath(folder))
        for a in (start, *start.parents)[:5]:
            if (a / "checklists").is_dir():
                mappen.append(a / "checklists")
                break
        if self.root.checklists is not None:
            mappen.append(self.root.checklists)
        try:
            bundled = bundled_root().checklists
        except WijkcheckError:
            bundled = None
        if bundled is not None:
            mappen.append(bundled)
        unique: dict[str, Path] = {}
        for m in mappen:
            unique.setdefault(os.path.realpath(m), m)
        return [m for m in unique.values() if m.is_dir()]

    def los(self, p: Path) -> None:
        """A file outside any gemeente folder: judged by its content."""
        doc = self.parse(p)
        if doc is None:
            return
        data = doc.data
        if isinstance(data, dict) and (
            "voorwaarden" in data or "soorten" in data or "extends" in data
        ):
            self.checklist(p)
            return
        if isinstance(data, dict) and ("kernen" in data or "cbs_code" in data):
            g = self.model(doc, Gemeente)
            self.add(
                [
                    Finding(
                        doc.span(),
                        f"een gemeentebestand heet {GEMEENTE_BESTAND}; wijkcheck vindt "
                        f"'{p.name}' niet als gemeente",
                        ids.BESTANDSNAAM,
                    )
                ]
            )
            if g is not None:
                self.add(plausibility.check_gemeente(g, doc, None, self.datum))
            return
        w = self.model(doc, Wijk)
        if w is None:
            return
        self.add(
            [
                Finding(
                    doc.span(),
                    f"geen {GEMEENTE_BESTAND} in deze map: wijkcheck gebruikt dit wijkbestand "
                    "niet; kern en wijknaam zijn niet gecontroleerd, de namen uit de checklist "
                    f"alleen tegen de standaardchecklist '{_STANDAARD_CHECKLIST}' (de "
                    f"{GEMEENTE_BESTAND} zegt welke checklist geldt)",
                    ids.GEEN_GEMEENTE,
                )
            ]
        )
        cl, _ = self.checklist_for(_STANDAARD_CHECKLIST, p.parent, None)
        self.add(plausibility.check_wijk(w, doc, cl, self.datum))
        if cl is not None:
            self.add(integrity.check_wijk(cl, doc, w))

    # -- paths ------------------------------------------------------------------------------

    def shown(self, p: Path) -> str:
        """As the user (and GitHub) wants to see it: relative to the working folder if inside."""
        a = os.path.abspath(p)
        if a.startswith(self.cwd_prefix):
            a = a[len(self.cwd_prefix) :]
        return a.replace(os.sep, "/")

    def grens(self, p: Path) -> str:
        """The data folder `p` belongs to: the nearest folder with `data/wijken` or `checklists`."""
        folder = os.path.dirname(os.path.abspath(p))
        if folder not in self.grenzen:
            grens = folder
            for a in (Path(folder), *Path(folder).parents):
                if (a / "data" / "wijken").is_dir() or (a / "checklists").is_dir():
                    grens = str(a)
                    break
            self.grenzen[folder] = os.path.realpath(grens)
        return self.grenzen[folder]

    def outside(self, p: Path, report: bool = False) -> bool:
        """A symbolic link (or a file in a linked folder) that leads out of the data folder."""
        parent = os.path.dirname(os.path.abspath(p))
        if parent not in self.links:
            self.links[parent] = os.path.islink(parent)
        if not (self.links[parent] or os.path.islink(p)):
            return False
        buiten = not binnen(os.path.realpath(p), self.grens(p))
        if buiten and report:
            self.report_outside(p)
        return buiten

    def report_outside(self, p: Path) -> None:
        self.add([buiten_gegevensmap(str(p), self.shown(p), self.grens(p))])


# -- in a worker process ----------------------------------------------------------------------

_werker: _Run | None = None
_Gevonden = tuple[list[tuple[Finding, bool]], set[str]]  # findings, and the files depended on


def _begin(root: DataRoot, datum: dt.date, cwd: Path, gekozen: Path | None) -> None:
    global _werker
    _werker = _Run(root, datum, cwd, gekozen)


def _werk(brok: list[tuple[int, Path]]) -> list[tuple[int, _Gevonden]]:
    """Check whole gemeenten, each with its findings and the files it depended on."""
    assert _werker is not None
    uit: list[tuple[int, _Gevonden]] = []
    for i, folder in brok:
        _werker.found, _werker.context = [], set()
        _werker.gemeente(folder)
        uit.append((i, (_werker.found, _werker.context)))
    return uit


def _volgorde(f: Finding) -> tuple[str, bool, int, int, str]:
    # "and N more findings" closes its file's group.
    return (f.span.path, f.definition == ids.TE_VEEL_BEVINDINGEN, f.span.line, f.span.column, f.id)


def _tekst(doc: YamlDocument | None, veld: str, default: str) -> str:
    """A text field read from raw data, for a file that did not validate."""
    data = doc.data if doc is not None else None
    waarde = data.get(veld) if isinstance(data, dict) else None
    return waarde if isinstance(waarde, str) else default


def _bestandsnaam(doc: YamlDocument, p: Path, naam: str) -> Finding:
    return Finding(
        doc.span(("naam",)),
        f"bestandsnaam '{p.name}' past niet bij wijknaam '{naam}'; noem het bestand naar de "
        "wijk, zodat het te vinden is",
        ids.BESTANDSNAAM,
    )
