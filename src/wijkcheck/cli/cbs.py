"""init and import-cbs: a gemeente from CBS open data, and its yearly refresh (docs/cbs.md)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wijkcheck.cli.group import app
from wijkcheck.cli.options import EigenDataOpt, data_root
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError

if TYPE_CHECKING:
    from wijkcheck.core.checklist import Checklist
    from wijkcheck.sources.cbs import CbsBestand, CbsCijfer, RegioCijfers
    from wijkcheck.sources.cbs_files import Bijwerking, Catalogus, Plek
    from wijkcheck.sources.dataroot import DataRoot

#: The regional checklist a new gemeente's own checklist builds on.
REGIONALE_CHECKLIST = "hart-van-brabant"


class Niveau(StrEnum):
    BUURT = "buurt"
    WIJK = "wijk"


CbsOpt = Annotated[
    list[Path],
    typer.Option(
        "--cbs",
        metavar="BESTAND",
        help="Een CBS-bestand: StatLine-CSV of OData-JSON van Kerncijfers wijken en buurten of "
        "Nabijheid voorzieningen, of een map die cbsodata.download_data schreef. Mag vaker.",
        show_default=False,
    ),
]
TabelOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tabel",
        metavar="ID",
        help="Tabelnummer (bijv. 85984NED) voor een bestand dat het niet zelf noemt: één keer "
        "voor alle bestanden, of één keer per bestand in dezelfde volgorde.",
        show_default=False,
    ),
]
NiveauOpt = Annotated[
    Niveau,
    typer.Option(
        "--niveau",
        help="buurt: een CBS-wijk is een kern en een CBS-buurt een wijk (standaard); wijk: een "
        "CBS-wijk is een wijk.",
        case_sensitive=False,
    ),
]
DoelOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="MAP",
        help="Map waarin data/wijken/<gemeente>/ en checklists/ komen. Anders: $WIJKCHECK_DATA, "
        "dan de repository waarin u staat, dan de map waarin u staat.",
        show_default=False,
    ),
]


def _zichtbaar(tekst: object) -> str:
    from wijkcheck.core.names import zichtbaar

    return zichtbaar(str(tekst))


def _fout(bericht: str, id: FindingId) -> WijkcheckError:
    return WijkcheckError.single(Span(""), bericht, id)


def lees_bestanden(paden: Sequence[Path], tabellen: Sequence[str] | None) -> list[CbsBestand]:
    """Every file read; `--tabel` once for all files or once per file."""
    from wijkcheck.sources import cbs
    from wijkcheck.sources.dataroot import display_path

    tabellen = list(tabellen or [])
    if len(tabellen) not in (0, 1, len(paden)):
        raise _fout(
            f"{len(tabellen)} keer --tabel bij {len(paden)} bestanden; geef --tabel één keer "
            "(voor alle bestanden) of één keer per bestand",
            ids.ARGUMENT,
        )
    bestanden: list[CbsBestand] = []
    findings: list[Finding] = []
    for i, pad in enumerate(paden):
        tabel = tabellen[i] if len(tabellen) == len(paden) else (tabellen[0] if tabellen else None)
        if not os.path.lexists(pad):
            findings.append(Finding(Span(""), f"'{pad}' bestaat niet", ids.PAD_BESTAAT_NIET))
            continue
        try:
            bestanden.append(cbs.lees(pad, tabel, display_path(pad)))
        except WijkcheckError as exc:
            findings.extend(exc.findings)
    findings.extend(cbs.controleer_tabellen(bestanden))
    if findings:
        raise WijkcheckError(findings)
    return bestanden


def _bronnen(bestanden: Sequence[CbsBestand]) -> str:
    return ", ".join(f"CBS {b.tabel} ({b.titel})" for b in bestanden)


# -- init ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Doel:
    """Where `init` writes: the data folder, its `wijken` and `checklists` folders."""

    basis: Path
    wijken: Path
    checklists: Path


def doel(data: Path | None) -> Doel:
    from wijkcheck.sources.dataroot import ENV_DATA

    gegeven = data or (Path(os.environ[ENV_DATA]) if os.environ.get(ENV_DATA) else None)
    if gegeven is not None:
        basis = gegeven.expanduser()
        if not basis.is_dir():
            raise _fout(
                f"--data {basis}: de map bestaat niet; maak hem eerst aan",
                ids.GEGEVENSMAP_ONBRUIKBAAR,
            )
    else:
        cwd = Path.cwd()
        basis = next((m for m in (cwd, *cwd.parents) if (m / "data" / "wijken").is_dir()), cwd)
    if (basis / "data" / "wijken").is_dir() or not (basis / "wijken").is_dir():
        wijken = basis / "data" / "wijken"
    else:
        wijken = basis / "wijken"
    for pad in (wijken, basis / "checklists"):
        if os.path.lexists(pad) and not pad.is_dir():
            raise _fout(f"{pad} is geen map; verwacht een map", ids.GEGEVENSMAP_ONBRUIKBAAR)
    return Doel(basis, wijken, basis / "checklists")


def _catalogus(checklist: Checklist) -> Catalogus:
    from wijkcheck.sources.cbs_files import Catalogus

    def vraagt_oordeel(regel: Any) -> bool:
        if getattr(regel, "type", None) == "oordeel":
            return True
        return any(vraagt_oordeel(r) for r in getattr(regel, "regels", []) or [])

    return Catalogus(
        REGIONALE_CHECKLIST,
        {i: ind.naam for i, ind in checklist.indicatoren.items()},
        {r: rol.naam for r, rol in checklist.rollen.items()},
        [i for i, o in checklist.onderwerpen().items() if vraagt_oordeel(o.regel)],
    )


@app.command("init")
def init_cmd(
    gemeente: Annotated[
        str,
        typer.Argument(
            metavar="GEMEENTE",
            help="Naam of CBS-code (bijv. GM0797) van de gemeente in de CBS-bestanden.",
            show_default=False,
        ),
    ],
    cbs_bestanden: CbsOpt,
    niveau: NiveauOpt = Niveau.BUURT,
    data: DoelOpt = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Vervang een bestaande map van de gemeente (de oude blijft bewaard als "
            "verborgen map .<gemeente>.vorige-…).",
        ),
    ] = False,
    tabel: TabelOpt = None,
) -> None:
    """Begin een gemeente met echte CBS-cijfers: gemeente.yaml met kernen en wijken, een
    wijkbestand per wijk met inwoners, 65-plussers, laag inkomen, Wmo-cliënten en afstanden,
    en een eigen checklist (concept) die voortbouwt op de regionale.

    Wat CBS niet weet (voorzieningen, inzet van professionals, oordelen) blijft leeg, zodat de
    audit daar 'onbekend' zegt; de opmerkingen in elk bestand zeggen wat u invult. De bestanden
    passeren 'wijkcheck validate' meteen. Zie docs/cbs.md.
    """
    from wijkcheck.sources import cbs, cbs_files
    from wijkcheck.sources.dataroot import DataRoot, display_path
    from wijkcheck.sources.store import ChecklistBron, load_checklist

    if not cbs_bestanden:
        raise _fout("geef minstens één CBS-bestand met --cbs BESTAND", ids.ARGUMENT)
    bestanden = lees_bestanden(cbs_bestanden, tabel)
    regios = cbs.combineer(bestanden)
    namen = ", ".join(b.pad for b in bestanden)
    gm, naam = cbs.kies_gemeente(regios, gemeente, namen)
    # A file without a single row of this gemeente would be named as a source while it gave
    # nothing: refused, as import-cbs refuses files without any of the data's gemeenten.
    leeg = [b.pad for b in bestanden if not any(cbs.gemeentecode(c) == gm for c in b.regios)]
    if leeg:
        raise _fout(
            f"gemeente {naam} ({gm}) staat niet in {', '.join(leeg)}: dat bestand levert geen "
            "cijfers. Laat het weg, of download de tabel voor deze gemeente",
            ids.CBS_GEMEENTE,
        )
    waar = doel(data)
    root = DataRoot(
        waar.wijken, waar.checklists if waar.checklists.is_dir() else None, "init", waar.basis
    )
    checklist, _ = load_checklist(root, REGIONALE_CHECKLIST, ChecklistBron.GEMEENTE)
    opzet = cbs_files.nieuwe_gemeente(
        list(cbs.van_gemeente(regios, gm)),
        gm,
        naam,
        niveau.value,
        bestanden,
        _catalogus(checklist),
        dt.date.today(),
    )
    map_ = waar.wijken / opzet.map
    _geen_tweede_map(waar.wijken, map_, gm, naam)
    if os.path.lexists(map_) and not force:
        raise _fout(
            f"{display_path(map_)} bestaat al; werk de cijfers bij met 'wijkcheck import-cbs', "
            "of vervang de map met --force (de oude blijft dan bewaard)",
            ids.UITVOER_BESTAAT,
        )
    checklist_pad = waar.checklists / f"{opzet.checklist_id}.yaml"
    eigen_checklist = os.path.lexists(checklist_pad)
    bewaard = _plaats(waar, opzet, map_, checklist_pad, eigen_checklist, force)
    _verslag_init(naam, gm, opzet, map_, checklist_pad, eigen_checklist, bewaard, bestanden, data)


def _geen_tweede_map(wijken: Path, map_: Path, gm: str, naam: str) -> None:
    """The gemeente in a folder of another name: a second copy would be `dubbele-gemeente`."""
    from wijkcheck.sources.dataroot import display_path, gemeente_mappen
    from wijkcheck.sources.store import load_gemeente_file

    for m in gemeente_mappen(wijken):
        if m.name == map_.name:
            continue
        with contextlib.suppress(WijkcheckError):
            if load_gemeente_file(m)[0].cbs_code == gm:
                raise _fout(
                    f"gemeente {naam} ({gm}) staat al in {display_path(m)}; werk die bij met "
                    "'wijkcheck import-cbs'",
                    ids.DUBBELE_GEMEENTE,
                )


def _plaats(
    waar: Doel, opzet: Any, map_: Path, checklist_pad: Path, eigen_checklist: bool, force: bool
) -> Path | None:
    """Write everything in a hidden folder beside the target, validate it as a data root of
    its own, then move it into place; returns where the replaced folder was kept."""
    from wijkcheck.checks.run import validate
    from wijkcheck.cli.writing import schrijf_atomair
    from wijkcheck.sources.dataroot import DataRoot
    from wijkcheck.sources.scaffold import schema_header

    gemaakt = [p for p in (waar.wijken, waar.wijken.parent) if not p.exists()]
    waar.wijken.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=".wijkcheck-init-", dir=waar.wijken))
    try:
        staging_wijken = tijdelijk / "data" / "wijken"
        staging_map = staging_wijken / opzet.map
        staging_lijsten = tijdelijk / "checklists"
        staging_map.mkdir(parents=True)
        staging_lijsten.mkdir()
        for naam, tekst in opzet.bestanden.items():
            # the editor header points at the schema as seen from the file's final place
            soort = "gemeente" if naam == "gemeente.yaml" else "wijk"
            kop = schema_header(soort, map_ / naam, waar.basis)
            schrijf_atomair(staging_map / naam, (kop + tekst).encode("utf-8"))
        # The user's own checklists (the one `extends` may find first) take part as they are.
        if waar.checklists.is_dir():
            for pad in sorted(waar.checklists.glob("*.yaml")):
                if pad.is_file():
                    shutil.copyfile(pad, staging_lijsten / pad.name)
        checklist_tekst = schema_header("checklist", checklist_pad, waar.basis) + opzet.checklist
        if not eigen_checklist:
            schrijf_atomair(staging_lijsten / checklist_pad.name, checklist_tekst.encode("utf-8"))
        root = DataRoot(staging_wijken, staging_lijsten, "init", tijdelijk)
        uitslag = validate([staging_map], root, dt.date.today(), tijdelijk)
        if uitslag.fouten:
            raise WijkcheckError(
                [
                    Finding(
                        Span(""),
                        "de gemaakte bestanden passeren wijkcheck validate niet; "
                        "er is niets geschreven. Dit is een fout in wijkcheck",
                        ids.INTERNE_FOUT,
                    ),
                    *uitslag.bevindingen,
                ]
            )
        if not eigen_checklist:
            waar.checklists.mkdir(parents=True, exist_ok=True)
            schrijf_atomair(checklist_pad, checklist_tekst.encode("utf-8"))
        bewaard = None
        if os.path.lexists(map_) and force:
            stempel = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            bewaard = map_.with_name(f".{map_.name}.vorige-{stempel}")
            os.rename(map_, bewaard)
        try:
            os.rename(staging_map, map_)
        except OSError as exc:
            if bewaard is not None:
                os.rename(bewaard, map_)
            if not eigen_checklist:
                with contextlib.suppress(OSError):
                    os.unlink(checklist_pad)
            raise _fout(
                f"{map_}: kan niet schrijven ({exc.strerror})", ids.UITVOER_SCHRIJVEN
            ) from None
        gemaakt = []
        return bewaard
    finally:
        shutil.rmtree(tijdelijk, ignore_errors=True)
        for pad in gemaakt:  # nothing placed: leave the folder as it was
            with contextlib.suppress(OSError):
                pad.rmdir()


def _verslag_init(
    naam: str,
    gm: str,
    opzet: Any,
    map_: Path,
    checklist_pad: Path,
    eigen_checklist: bool,
    bewaard: Path | None,
    bestanden: Sequence[CbsBestand],
    data: Path | None,
) -> None:
    from wijkcheck.sources.dataroot import display_path

    wijken = [w for leden in opzet.kernen.values() for w in leden]
    regels = [
        f"Gemeente {naam} ({gm}) geschreven in {display_path(map_)}/: {len(opzet.kernen)} "
        f"{'kern' if len(opzet.kernen) == 1 else 'kernen'}, {len(wijken)} "
        f"{'wijk' if len(wijken) == 1 else 'wijken'}.",
        f"Bronnen: {_bronnen(bestanden)}.",
        (
            f"Checklist: {display_path(checklist_pad)} bestond al en blijft zoals hij is."
            if eigen_checklist
            else f"Checklist: {display_path(checklist_pad)} (concept; bouwt voort op "
            f"{REGIONALE_CHECKLIST})."
        ),
    ]
    if bewaard is not None:
        regels.append(
            f"De vorige map staat in {display_path(bewaard)}/ (verborgen; geen gegevens)."
        )
    for wat, lijst in (("Andere naam", opzet.hernoemd), ("Niet opgenomen", opzet.overgeslagen)):
        regels += [f"{wat}:", *(f"  - {x}" for x in lijst)] if lijst else []
    from wijkcheck.sources.scaffold import schema_pad

    regels += [
        "wijkcheck validate: geen fouten.",
        "Vul nu aan wat CBS niet weet (voorzieningen, inzet van professionals, oordelen): zie de "
        "opmerkingen bovenin elk bestand en docs/cbs.md.",
        f"Probeer: wijkcheck audit {_shell(wijken[0].naam)}"
        + (f" --data {_shell(str(data))}" if data else ""),
    ]
    if not schema_pad("wijk", map_.parents[2]).exists():
        regels.append(
            "Voor uw editor (aanvullen en fouten onderstrepen): wijkcheck schema --gegevensmap"
            + (f" --data {_shell(str(data))}" if data else "")
        )
    sys.stdout.write("".join(_zichtbaar(r) + "\n" for r in regels))


def _shell(tekst: str) -> str:
    import shlex

    return shlex.quote(tekst)


# -- import-cbs ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Gemeenteverslag:
    naam: str
    code: str
    bestanden: list[tuple[str, Bijwerking]] = field(default_factory=list)
    op_naam: list[str] = field(default_factory=list)
    zonder_cbs: list[str] = field(default_factory=list)
    niet_bijgewerkt: list[str] = field(default_factory=list)
    zonder_bestand: list[str] = field(default_factory=list)


@app.command("import-cbs")
def import_cbs_cmd(
    bestanden: Annotated[
        list[Path],
        typer.Argument(
            metavar="BESTAND...",
            help="CBS-bestanden (StatLine-CSV, OData-JSON of een map van cbsodata).",
            show_default=False,
        ),
    ],
    data: EigenDataOpt = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Toon wat zou veranderen (als diff); schrijf niets."),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overschrijf ook cijfers met een andere bron dan CBS, en nieuwere cijfers.",
        ),
    ] = False,
    tabel: TabelOpt = None,
) -> None:
    """Werk bestaande wijkbestanden en gemeente.yaml bij met nieuwe CBS-cijfers.

    Een wijk wordt gekoppeld op haar CBS-code (cbs_buurtcode of cbs_wijkcode), anders op naam
    (dat meldt wijkcheck). Alleen de cijfers veranderen, met hun nieuwe bron en peildatum;
    opmerkingen, volgorde en opmaak blijven staan. Een cijfer met een andere bron dan CBS blijft
    staan, tenzij --force. Zie docs/cbs.md.
    """
    from wijkcheck.cli.output import schrijf, toon

    root = data_root(data)
    if root.meegeleverd:
        raise _fout(
            "geen gegevensmap gevonden: import-cbs werkt alleen uw eigen gegevens bij, nooit de "
            "meegeleverde voorbeeldgegevens. Wijs uw gegevens aan met --data MAP of werk in een "
            "map met data/wijken/",
            ids.GEEN_GEGEVENSMAP,
        )
    gelezen = lees_bestanden(bestanden, tabel)
    verslagen, te_schrijven = _bijwerken(root, gelezen, force)
    if dry_run:
        for pad, oud, nieuw in te_schrijven:
            from wijkcheck.sources.cbs_files import verschil
            from wijkcheck.sources.dataroot import display_path

            toon(verschil(oud, nieuw, display_path(pad)))
    else:
        for pad, _, nieuw in te_schrijven:
            schrijf(nieuw, str(pad), True, "bijgewerkt met CBS-cijfers")
    toon(_verslag_import(verslagen, gelezen, len(te_schrijven), dry_run))


def _bijwerken(
    root: DataRoot, bestanden: Sequence[CbsBestand], force: bool
) -> tuple[list[_Gemeenteverslag], list[tuple[Path, str, str]]]:
    """Every change, computed and checked through the loader before anything is written."""
    from wijkcheck.core.models import Gemeente, Wijk
    from wijkcheck.core.names import sleutel
    from wijkcheck.sources import cbs, cbs_files, loader
    from wijkcheck.sources.dataroot import display_path, wijk_bestanden
    from wijkcheck.sources.store import checklist_for, load_gemeente
    from wijkcheck.sources.yamlsource import parse, read_text

    regios = cbs.combineer(bestanden)
    in_bestanden = {g for code in regios if (g := cbs.gemeentecode(code))}
    verslagen: list[_Gemeenteverslag] = []
    te_schrijven: list[tuple[Path, str, str]] = []
    gezien: list[str] = []
    for folder in root.gemeente_mappen():
        gd = load_gemeente(folder)
        gm = gd.gemeente.cbs_code
        gezien.append(f"{gd.gemeente.naam} ({gm})")
        if gm not in in_bestanden:
            continue
        checklist, _ = checklist_for(root, None, gd.gemeente, gd.doc)
        toegestaan = set(checklist.indicatoren)
        v = _Gemeenteverslag(gd.gemeente.naam, gm)
        verslagen.append(v)
        eigen = list(cbs.van_gemeente(regios, gm))
        per_naam: dict[tuple[str, str], list[RegioCijfers]] = {}
        for regio in eigen:
            if regio.naam:
                per_naam.setdefault((cbs.soort(regio.code), sleutel(regio.naam)), []).append(regio)
        gekoppeld: set[str] = set()
        niveaus: set[str] = set()
        paden = wijk_bestanden(folder)
        klussen: list[tuple[Path, Any, dict[Plek, CbsCijfer]]] = []
        for pad, wb in zip(paden, gd.bestanden, strict=True):
            w = wb.wijk
            code = w.cbs_buurtcode or w.cbs_wijkcode
            getoond = display_path(pad)
            if code is not None:
                niveaus.add(cbs.soort(code))
                gevonden = regios.get(code)
                if gevonden is None:
                    v.zonder_cbs.append(f"{getoond}: {code} staat niet in de CBS-bestanden")
                    continue
                r = gevonden
            else:
                kandidaten = [
                    r for s in ("buurt", "wijk") for r in per_naam.get((s, sleutel(w.naam)), [])
                ]
                if len(kandidaten) != 1:
                    reden = "geen CBS-buurt of -wijk" if not kandidaten else "meer CBS-regio's"
                    v.zonder_cbs.append(
                        f"{getoond}: geen CBS-code, en {reden} met de naam '{w.naam}'"
                    )
                    continue
                r = kandidaten[0]
                niveaus.add(cbs.soort(r.code))
                veld = "cbs_buurtcode" if cbs.soort(r.code) == "buurt" else "cbs_wijkcode"
                v.op_naam.append(
                    f"{getoond}: op naam gekoppeld aan {r.code} '{r.naam}'; zet "
                    f"'{veld}: {r.code}' in het bestand, dan koppelt wijkcheck op de code"
                )
            gekoppeld.add(r.code)
            klussen.append((pad, Wijk, cbs_files.figuren(r, toegestaan)))
        eigen_rij = regios.get(gm)
        if eigen_rij is not None:
            # the gemeente's own Wmo figure is the reference of a demand index
            naar_gemeente: dict[Plek, Plek] = {
                (None, "inwoners"): (None, "inwoners"),
                ("ondersteuningsvraag", "wmo-clienten"): ("referentie", "wmo-clienten"),
            }
            van_gemeente: dict[Plek, CbsCijfer] = {
                naar_gemeente[plek]: c
                for plek, c in cbs_files.figuren(eigen_rij, toegestaan).items()
                if plek in naar_gemeente
            }
            klussen.insert(0, (folder / "gemeente.yaml", Gemeente, van_gemeente))
        for pad, model, figuren in klussen:
            getoond = display_path(pad)
            oud = read_text(pad, getoond)
            try:
                uit = cbs_files.werk_bij(oud, figuren, toegestaan, force)
            except cbs_files.OpmaakFout as exc:
                v.niet_bijgewerkt.append(
                    f"{getoond}: niet bijgewerkt: {exc}; werk de cijfers met de hand bij"
                )
                continue
            v.bestanden.append((getoond, uit))
            if uit.veranderd:
                # what validate accepts, every command accepts: the new text too, before writing
                loader.validate(parse(uit.tekst, getoond), model)
                te_schrijven.append((pad, oud, uit.tekst))
        for r in eigen:
            if cbs.soort(r.code) in niveaus and r.code not in gekoppeld:
                v.zonder_bestand.append(f"{r.code} {r.naam or ''}".rstrip())
    if not verslagen:
        raise _fout(
            "geen van de gemeenten in de gegevensmap staat in de CBS-bestanden. In de "
            f"gegevensmap: {', '.join(gezien) or 'geen'}; in de bestanden: "
            f"{', '.join(sorted(in_bestanden)) or 'geen'}",
            ids.CBS_GEMEENTE,
        )
    return verslagen, te_schrijven


def _verslag_import(
    verslagen: Sequence[_Gemeenteverslag],
    bestanden: Sequence[CbsBestand],
    aantal: int,
    dry_run: bool,
) -> str:
    regels = [f"Uit {_bronnen(bestanden)}:"]
    for v in verslagen:
        regels.append(f"{v.naam} ({v.code}):")
        for pad, uit in v.bestanden:
            if not (uit.veranderd or uit.overgeslagen):
                continue
            regels.append(f"  {pad}:")
            regels += [f"    bijgewerkt: {x}" for x in uit.gewijzigd]
            regels += [f"    toegevoegd: {x}" for x in uit.toegevoegd]
            regels += [f"    niet bijgewerkt: {x}" for x in uit.overgeslagen]
        for kop, lijst in (
            ("Op naam gekoppeld", v.op_naam),
            ("Wijkbestanden zonder CBS-cijfers", v.zonder_cbs),
            ("Niet bijgewerkt", v.niet_bijgewerkt),
            ("CBS-regio's zonder wijkbestand", v.zonder_bestand),
        ):
            if lijst:
                regels += [f"  {kop}:", *(f"    - {x}" for x in lijst)]
    ongewijzigd = sum(1 for v in verslagen for _, u in v.bestanden if not u.veranderd)
    if dry_run:
        regels.append(f"{aantal} bestand(en) zou(den) veranderen; niets geschreven (--dry-run).")
    else:
        regels.append(f"{aantal} bestand(en) bijgewerkt, {ongewijzigd} ongewijzigd.")
    return "\n".join(_zichtbaar(r) for r in regels) + "\n"
