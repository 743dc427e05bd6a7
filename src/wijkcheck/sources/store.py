"""Where the data lives and how it is read: data root discovery, gemeenten, wijken, checklists.

Layout of a data root (a repository or folder):

    data/wijken/<gemeente>/gemeente.yaml
    data/wijken/<gemeente>/<wijk>.yaml
    checklists/<naam>.yaml
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist, ChecklistBestand
from wijkcheck.core.errors import Finding, Span, WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.sources.dataroot import (
    GEMEENTE_BESTAND,
    DataRoot,
    bundled_root,
    display_path,
    geen_gemeenten,
    wijk_bestanden,
)
from wijkcheck.sources.layers import GelaagdDocument, stapel
from wijkcheck.sources.loader import load_model, validate
from wijkcheck.sources.yamlsource import YamlDocument, in_folder, parse_in_folder

_STANDAARD_CHECKLIST: str = Gemeente.model_fields["checklist"].default


@dataclass(slots=True)
class WijkBestand:
    wijk: Wijk
    doc: YamlDocument


@dataclass
class GemeenteData:
    """One gemeente: its own file and all its wijk files, validated."""

    map: Path
    gemeente: Gemeente
    doc: YamlDocument
    bestanden: list[WijkBestand]

    @cached_property
    def wijken(self) -> list[Wijk]:
        return [b.wijk for b in self.bestanden]

    def zoek(self, naam: str) -> WijkBestand | None:
        key = sleutel(naam)
        for b in self.bestanden:
            if sleutel(b.wijk.naam) == key:
                return b
        return None


def load_gemeente_file(folder: Path, shown: str | None = None) -> tuple[Gemeente, YamlDocument]:
    shown = display_path(folder) if shown is None else shown
    return load_model(folder / GEMEENTE_BESTAND, Gemeente, in_folder(shown, GEMEENTE_BESTAND))


#: Reads the wijk files of one gemeente folder (paths, the folder as shown): per path its
#: `WijkBestand` or the findings that stop it, in the order of the paths.
WijkReader = Callable[[Sequence[Path], str], Sequence["WijkBestand | list[Finding]"]]


def parse_wijk(path: Path, shown_folder: str) -> YamlDocument:
    """One wijk file read and parsed (not validated); raises `WijkcheckError` with its
    findings."""
    return parse_in_folder(path, shown_folder)


def validate_wijk(doc: YamlDocument) -> WijkBestand:
    """A parsed wijk file (`parse_wijk`, here or in another process) validated; raises
    `WijkcheckError` with its findings."""
    wijk = validate(doc, Wijk)
    # positions are for findings, which are rare: the text suffices (YamlDocument)
    return WijkBestand(wijk, doc.licht())


def read_wijk(path: Path, shown_folder: str) -> WijkBestand:
    """One wijk file loaded and validated; raises `WijkcheckError` with its findings."""
    return validate_wijk(parse_wijk(path, shown_folder))


def read_wijken(paden: Sequence[Path], shown_folder: str) -> list[WijkBestand | list[Finding]]:
    """The wijk files one after another in this process (the default `WijkReader`)."""
    uit: list[WijkBestand | list[Finding]] = []
    for path in paden:
        try:
            uit.append(read_wijk(path, shown_folder))
        except WijkcheckError as exc:
            uit.append(exc.findings)
    return uit


def load_gemeente(
    folder: Path,
    gemeentebestand: tuple[Gemeente, YamlDocument] | None = None,
    reader: WijkReader = read_wijken,
) -> GemeenteData:
    """Load a gemeente and every wijk file; all findings of all files in one error.
    `gemeentebestand`: its gemeente.yaml, if the caller has read it already; `reader`: how the
    wijk files are read (`read_wijken`, or spread over processes for a large gemeente)."""
    findings: list[Finding] = []
    shown = display_path(folder)
    gemeente: Gemeente | None = None
    try:
        gemeente, doc = gemeentebestand or load_gemeente_file(folder, shown)
    except WijkcheckError as exc:
        findings.extend(exc.findings)
    bestanden = []
    try:
        paden = wijk_bestanden(folder)
    except WijkcheckError as exc:
        findings.extend(exc.findings)
        paden = []
    for read in reader(paden, shown) if paden else ():
        if isinstance(read, WijkBestand):
            bestanden.append(read)
        else:
            findings.extend(read)
    if findings or gemeente is None:
        raise WijkcheckError(findings)
    return GemeenteData(folder, gemeente, doc, bestanden)


def dubbele_gemeenten(
    mappen: Sequence[Path],
    lees: Callable[[Path], tuple[Gemeente, YamlDocument]] = load_gemeente_file,
) -> list[Finding]:
    """Two folders for one gemeente (a copy `heusden (kopie)` with the same naam or CBS code):
    an overview would count every wijk twice. Reported at the later folder's gemeente.yaml; a
    gemeente.yaml that cannot be read is reported where it is read, not here. Every command
    refuses it, as `validate` reports it: which of the two is meant, nobody can say."""
    eerder: dict[str, str] = {}
    found: list[Finding] = []
    for m in mappen:
        try:
            g, doc = lees(m)
        except WijkcheckError:
            continue
        for sleutel_, veld in (
            (f"naam:{sleutel(g.naam)}", "naam"),
            (f"cbs:{g.cbs_code}", "cbs_code"),
        ):
            if sleutel_ in eerder:
                found.append(
                    Finding(
                        doc.span((veld,)),
                        f"gemeente {g.naam} ({g.cbs_code}) staat ook in {eerder[sleutel_]}: één "
                        "gemeente heeft één map; verwijder of hernoem de kopie",
                        ids.DUBBELE_GEMEENTE,
                    )
                )
                break
        else:
            shown = display_path(m / GEMEENTE_BESTAND)
            eerder.setdefault(f"naam:{sleutel(g.naam)}", shown)
            eerder.setdefault(f"cbs:{g.cbs_code}", shown)
    return found


def alle_wijknamen(gemeenten: Iterable[tuple[Path, Gemeente]]) -> list[tuple[Path, Gemeente, str]]:
    return [(p, g, w) for p, g in gemeenten for ws in g.kernen.values() for w in ws]


def kies_gemeente(
    root: DataRoot,
    gemeente: str,
    mappen: list[Path],
    lees: Callable[[Path], tuple[Gemeente, YamlDocument]] = load_gemeente_file,
) -> Path:
    """The folder of `gemeente` (by folder name, else by its name in gemeente.yaml); an unknown
    one is an error that lists the gemeenten there are (`--gemeente` of every command)."""
    key = sleutel(gemeente)
    for m in mappen:
        if key == sleutel(m.name):
            return m
    namen: list[str] = []
    for m in mappen:
        try:
            naam = lees(m)[0].naam
        except WijkcheckError:  # a broken gemeente.yaml: still name it, by its folder
            naam = m.name
        if key == sleutel(naam):
            return m
        namen.append(naam)
    hint = bedoelde_u(gemeente, namen)
    getoond = ", ".join(namen[:_HOOGSTENS_GENOEMD])
    if len(namen) > _HOOGSTENS_GENOEMD:
        getoond += f" en {len(namen) - _HOOGSTENS_GENOEMD} andere (zie 'wijkcheck list')"
    bekend = f" Bekende gemeenten: {getoond}." if namen else " Er zijn geen gemeenten."
    raise WijkcheckError.single(
        Span(display_path(root.wijken)),
        f"onbekende gemeente '{gemeente}'.{hint}{bekend}",
        ids.ONBEKENDE_GEMEENTE,
    )


_HOOGSTENS_GENOEMD = 20


def find_wijk(root: DataRoot, naam: str, gemeente: str | None = None) -> tuple[GemeenteData, Wijk]:
    """Find a wijk by forgiving name; load its gemeente. Unknown names get suggestions."""
    mappen = root.gemeente_mappen()
    gelezen: dict[Path, tuple[Gemeente, YamlDocument]] = {}  # each gemeente.yaml read once

    def lees(m: Path) -> tuple[Gemeente, YamlDocument]:
        if m not in gelezen:
            gelezen[m] = load_gemeente_file(m)
        return gelezen[m]

    dubbel = dubbele_gemeenten(mappen, lees)
    if dubbel:
        raise WijkcheckError(dubbel)
    if gemeente is not None and mappen:
        mappen = [kies_gemeente(root, gemeente, mappen, lees)]
    if not mappen:
        raise geen_gemeenten(root)
    gemeenten = [(m, lees(m)[0]) for m in mappen]
    namen = alle_wijknamen(gemeenten)
    key = sleutel(naam)
    treffers = [(m, w) for m, _, w in namen if sleutel(w) == key]
    if not treffers:
        hint = bedoelde_u(naam, [w for _, _, w in namen])
        waar = gezocht_in(root, [g.naam for _, g in gemeenten])
        raise WijkcheckError.single(
            Span(""),
            f"onbekende wijk '{naam}'.{hint} Gezocht in {waar}. Zie 'wijkcheck list' voor "
            "alle wijken.",
            ids.ONBEKENDE_WIJK,
        )
    if len({m for m, _ in treffers}) > 1:
        opties = ", ".join(sorted(m.name for m, _ in treffers))
        raise WijkcheckError.single(
            Span(""),
            f"wijk '{naam}' komt in meerdere gemeenten voor ({opties}); kies met --gemeente",
            ids.DUBBELE_WIJK,
        )
    data = load_gemeente(treffers[0][0], lees(treffers[0][0]))
    bestand = data.zoek(treffers[0][1])
    if bestand is None:
        raise WijkcheckError.single(
            _naam_in_kernen(data, treffers[0][1]),
            f"wijk '{treffers[0][1]}' staat in {GEMEENTE_BESTAND} maar heeft geen wijkbestand "
            f"in {display_path(data.map)}",
            ids.WIJK_ZONDER_BESTAND,
        )
    return data, bestand.wijk


def gezocht_in(root: DataRoot, gemeenten: list[str]) -> str:
    """Where a name was looked for, for an error: the folder, and whether it is the user's."""
    if not root.meegeleverd:
        return display_path(root.wijken)
    wie = ", ".join(gemeenten) or "?"
    return (
        f"de meegeleverde voorbeeldgegevens van gemeente {wie} ({root.wijken}), want er is geen "
        "eigen gegevensmap gevonden; wijs uw gegevens aan met --data MAP, met WIJKCHECK_DATA of "
        "werk in een map met data/wijken/"
    )


def _naam_in_kernen(data: GemeenteData, naam: str) -> Span:
    """Where gemeente.yaml names a wijk (as `validate` reports it), else its `kernen`."""
    for kern, wijken in data.gemeente.kernen.items():
        for i, w in enumerate(wijken):
            if w == naam:
                return data.doc.span(("kernen", kern, i))
    return data.doc.span(("kernen",))


class ChecklistBron(StrEnum):
    """Where a checklist name came from; decides how a path in it is read."""

    #: `checklist:` in gemeente.yaml: a name in checklists/, or a path inside the data folder.
    #: Data files may come from anyone; they must not make wijkcheck read elsewhere.
    GEMEENTE = "gemeente"
    #: `--checklist`: typed by the user, so any path, relative to the working folder.
    OPDRACHTREGEL = "opdrachtregel"


def checklist_path(
    root: DataRoot, naam: str, bron: ChecklistBron, waar: Span | None = None
) -> Path:
    """A checklist by path, or by name in the data root's or the bundled checklists.

    `waar` is where the name was written (for errors), by default the name itself.
    """
    waar = waar or Span(naam)
    if bron is ChecklistBron.OPDRACHTREGEL:
        given = Path(naam)
        if given.suffix in (".yaml", ".yml") and given.is_file():
            return given
    elif "/" in naam or "\\" in naam or naam.endswith((".yaml", ".yml")):
        # As `wijkcheck validate` reads it: relative to the data folder, and never outside it.
        basis = os.path.realpath(root.map)
        kandidaat = root.map / naam
        if not Path(os.path.realpath(kandidaat)).is_relative_to(basis):
            raise WijkcheckError.single(
                waar,
                f"checklist '{naam}' ligt buiten de gegevensmap {basis}; geef de naam van "
                f"een checklist in checklists/ (bijv. {_STANDAARD_CHECKLIST}), of kies een "
                "checklist met --checklist PAD",
                ids.PAD_BUITEN_DATA,
            )
        if kandidaat.is_file():
            return kandidaat
    return _zoek_checklist(naam, [root.checklists], waar, "")


def _zoek_checklist(naam: str, folders: list[Path | None], waar: Span, bij: str) -> Path:
    """A checklist by name in `folders`, then in the bundled ones; unknown names get
    suggestions (`bij`: where the name was given, for the message)."""
    with contextlib.suppress(WijkcheckError):
        folders = [*folders, bundled_root().checklists]
    known: list[str] = []
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            if sleutel(path.stem) == sleutel(naam):
                return path
            known.append(path.stem)
    hint = bedoelde_u(naam, sorted(set(known)))
    raise WijkcheckError.single(
        waar, f"onbekende checklist '{naam}'{bij}.{hint}".rstrip("."), ids.ONBEKENDE_CHECKLIST
    )


def load_checklist(
    root: DataRoot,
    naam: str,
    bron: ChecklistBron = ChecklistBron.OPDRACHTREGEL,
    waar: Span | None = None,
    basis: Callable[[], Path] | None = None,
) -> tuple[Checklist, GelaagdDocument]:
    """Load a checklist; `bron` says where `naam` came from (see `checklist_for`), `basis`
    which checklist a theme is laid on (see `load_checklist_file`)."""
    return load_checklist_file(checklist_path(root, naam, bron, waar), root, basis=basis)


Keten = list[tuple[ChecklistBestand, YamlDocument]]


def load_checklist_file(
    path: Path,
    root: DataRoot,
    shown: Callable[[Path], str] = display_path,
    basis: Callable[[], Path] | None = None,
) -> tuple[Checklist, GelaagdDocument]:
    """A checklist file and every checklist it `extends`, merged (`wijkcheck.sources.layers`).

    A parent is looked up by name beside the file that names it, then in the data root's and
    the bundled checklists; a chain that returns to a file it passed is refused. A theme
    (`thema: true`) is laid on the checklist `basis` gives (the gemeente's own), by default on
    the standard checklist (hart-van-brabant).
    """
    keten = _keten(path, root, shown)
    if keten[0][0].thema and keten[0][0].extends is None:  # with `extends`: an error in stapel
        if basis is None:
            onder = _zoek_checklist(_STANDAARD_CHECKLIST, [root.checklists], Span(""), "")
        else:
            onder = basis()
        keten += _keten(onder, root, shown)
    return stapel(keten[::-1])


def _keten(path: Path, root: DataRoot, shown: Callable[[Path], str]) -> Keten:
    """The file at `path` and the checklists it extends, the file itself first."""
    keten: Keten = []
    gezien: dict[str, str] = {}
    while True:
        laag, doc = load_model(path, ChecklistBestand, shown(path))
        gezien[os.path.realpath(path)] = laag.id
        keten.append((laag, doc))
        if laag.extends is None:
            break
        waar = doc.span(("extends",))
        path = _ouder(root, laag.extends, path.parent, waar)
        if os.path.realpath(path) in gezien:
            kring = " → ".join([*(b.id for b, _ in keten), gezien[os.path.realpath(path)]])
            raise WijkcheckError.single(
                waar, f"checklists bouwen in een kring op elkaar voort: {kring}", ids.EXTENDS_KRING
            )
    return keten


def _ouder(root: DataRoot, naam: str, naast: Path, waar: Span) -> Path:
    return _zoek_checklist(naam, [naast, root.checklists], waar, " bij 'extends'")


def checklist_for(
    root: DataRoot, gegeven: str | None, gemeente: Gemeente, doc: YamlDocument | None = None
) -> tuple[Checklist, GelaagdDocument]:
    """The checklist of a run: `--checklist` if the user gave one, else the one gemeente.yaml
    names (errors about that one point at its line in gemeente.yaml). A theme given with
    `--checklist` is laid on the one gemeente.yaml names; gemeente.yaml itself names no theme."""
    waar = doc.span(("checklist",)) if doc is not None else None

    def eigen() -> Path:
        return checklist_path(root, gemeente.checklist, ChecklistBron.GEMEENTE, waar)

    if gegeven:
        return load_checklist(root, gegeven, ChecklistBron.OPDRACHTREGEL, basis=eigen)
    return load_checklist_file(eigen(), root, basis=lambda: geen_thema(gemeente.checklist, waar))


def geen_thema(naam: str, waar: Span | None) -> Path:
    """The error when gemeente.yaml names a theme: a theme has no catalogue of its own."""
    raise WijkcheckError.single(
        waar or Span(naam),
        f"checklist '{naam}' is een thema-checklist; gemeente.yaml noemt de checklist van de "
        f"gemeente zelf (bijv. {_STANDAARD_CHECKLIST}), een thema kiest u met --checklist {naam}",
        ids.THEMA_ALS_BASIS,
    )


def environment() -> Mapping[str, str]:
    return os.environ
