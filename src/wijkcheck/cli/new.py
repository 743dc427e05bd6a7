"""`wijkcheck new`: a new wijk file from a template, and the wijk added to its kern.

Nothing is written until both new files have passed the checks of `wijkcheck validate` in
memory. Then the wijk file is written first, as a new name (never over a file); gemeente.yaml
second, replacing it atomically. If that second step fails, the new wijk file is removed again,
so the data folder is left as it was (docs/ontwerp.md, "wijkcheck new").
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkcheck.cli.group import app
from wijkcheck.cli.options import EigenDataOpt, data_root
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, FindingId, Span, WijkcheckError

if TYPE_CHECKING:
    from wijkcheck.core.checklist import Checklist
    from wijkcheck.sources.dataroot import DataRoot
    from wijkcheck.sources.store import GemeenteData


def _fout(bericht: str, id: FindingId, span: Span | None = None) -> WijkcheckError:
    return WijkcheckError.single(span or Span(""), bericht, id)


@app.command("new")
def new_cmd(
    wijk: Annotated[
        str,
        typer.Argument(
            metavar="WIJK", help="Naam van de nieuwe wijk, bijv. Reüniepark.", show_default=False
        ),
    ],
    kern: Annotated[
        str,
        typer.Option(
            "--kern",
            metavar="KERN",
            help="De kern waartoe de wijk hoort, zoals in gemeente.yaml.",
            show_default=False,
        ),
    ],
    gemeente: Annotated[
        str | None,
        typer.Option(
            "--gemeente",
            metavar="NAAM",
            help="Gemeente, als er meer gemeenten in de gegevensmap staan met deze kern.",
            show_default=False,
        ),
    ] = None,
    data: EigenDataOpt = None,
    code: Annotated[
        str | None,
        typer.Option(
            "--code",
            metavar="BU…",
            help="CBS-buurtcode van de wijk: BU en 8 cijfers, bijv. BU07970104.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Maak een wijkbestand voor een nieuwe wijk en zet de wijk bij haar kern in gemeente.yaml.

    Het bestand bevat nog geen cijfers: opmerkingen zeggen wat u invult, met bron en peildatum;
    wat ontbreekt, noemt de audit onbekend. Een bestaand bestand of een wijk die er al is,
    overschrijft wijkcheck nooit. De rest van gemeente.yaml (opmerkingen, volgorde, opmaak)
    blijft zoals hij was.
    """
    from wijkcheck.core.names import zichtbaar
    from wijkcheck.sources import scaffold, store
    from wijkcheck.sources.dataroot import GEMEENTE_BESTAND, display_path

    root = data_root(data)
    if root.meegeleverd:
        raise _fout(
            "geen eigen gegevensmap gevonden; wijkcheck new schrijft niet in de meegeleverde "
            "voorbeeldgegevens. Wijs uw gegevens aan met --data MAP, met WIJKCHECK_DATA, of werk "
            "in een map met data/wijken/ (een nieuwe gemeente: docs/nieuwe-gemeente.md)",
            ids.GEGEVENSMAP_ONBRUIKBAAR,
        )
    naam = wijk.strip()
    if not naam:
        raise _fout("geef de naam van de nieuwe wijk", ids.ARGUMENT)
    code = _buurtcode(code)
    folder = _gemeente_met_kern(root, kern, gemeente)
    gd = store.load_gemeente(folder)
    cl = _checklist(root, gd)
    kern_naam = _kern(gd, kern)
    _nog_niet_bekend(gd, naam, code)
    if code is not None and code[2:6] != gd.gemeente.cbs_code[2:]:
        raise _fout(
            f"buurtcode {code} hoort niet bij gemeente {gd.gemeente.naam} "
            f"({gd.gemeente.cbs_code}): een CBS-buurtcode begint met BU en de vier cijfers van "
            f"de gemeente (BU{gd.gemeente.cbs_code[2:]}…)",
            ids.VORM,
        )
    wpad = folder / scaffold.bestandsnaam(naam)
    gpad = folder / GEMEENTE_BESTAND
    _vrij(gd, wpad)
    oud = gpad.read_bytes()  # the bytes store.load_gemeente validated a moment ago
    gtoon, wtoon = display_path(gpad), display_path(wpad)
    tekst, bom = _tekst(oud, gtoon)
    nieuw_g = scaffold.voeg_wijk_toe(tekst, gtoon, kern_naam, naam)
    vandaag = dt.date.today()
    kop = scaffold.schema_header("wijk", wpad, root.map)
    wtekst = scaffold.wijk_sjabloon(naam, kern_naam, gd.gemeente.naam, vandaag, cl, kop, code)
    _controleer(gd, cl, kern_naam, naam, (gtoon, nieuw_g), (wtoon, wtekst), vandaag)
    _schrijf_beide(wpad, wtekst, gpad, oud, bom + nieuw_g)
    out = [
        f"Wijk {naam} toegevoegd aan kern {kern_naam} van gemeente {gd.gemeente.naam}.",
        f"Vul de cijfers in in {wtoon} en controleer daarna:",
        f"  wijkcheck validate {wtoon}",
    ]
    schema = scaffold.schema_pad("wijk", root.map)
    if not schema.is_file():
        out += [
            f"Het schema voor de editor ({display_path(schema)}) ontbreekt nog; schrijf het met:",
            "  wijkcheck schema --gegevensmap",
        ]
    typer.echo("\n".join(zichtbaar(r) for r in out))


def _buurtcode(code: str | None) -> str | None:
    import re

    if code is None:
        return None
    code = code.strip().upper()
    if not re.fullmatch(r"BU\d{8}", code):
        raise _fout(
            f"--code {code!r}: een CBS-buurtcode is BU gevolgd door 8 cijfers, bijv. BU07970104",
            ids.VORM,
        )
    return code


def _gemeente_met_kern(root: DataRoot, kern: str, gemeente: str | None) -> Path:
    """The folder of the gemeente the new wijk goes in: `--gemeente`, else the only one, else
    the one with this kern. An unknown kern lists the kernen there are."""
    from wijkcheck.core.names import bedoelde_u, sleutel
    from wijkcheck.sources import store

    mappen = root.gemeente_mappen()
    if not mappen:
        raise _fout(
            f"geen gemeenten gevonden in {root.wijken}; begin een gemeente zoals "
            "docs/nieuwe-gemeente.md beschrijft",
            ids.GEGEVENSMAP_ONBRUIKBAAR,
        )
    if gemeente is not None:
        return store.kies_gemeente(root, gemeente, mappen)
    if len(mappen) == 1:
        return mappen[0]
    met_kern: list[tuple[Path, str]] = []
    alle: list[str] = []
    for m in mappen:
        try:
            g = store.load_gemeente_file(m)[0]
        except WijkcheckError:
            continue  # a broken gemeente.yaml is reported when it is the one chosen
        alle.extend(f"{k} ({g.naam})" for k in g.kernen)
        if any(sleutel(k) == sleutel(kern) for k in g.kernen):
            met_kern.append((m, g.naam))
    if len(met_kern) == 1:
        return met_kern[0][0]
    if met_kern:
        namen = ", ".join(n for _, n in met_kern)
        raise _fout(
            f"kern '{kern}' staat in meer gemeenten ({namen}); kies met --gemeente",
            ids.DUBBELE_KERN,
        )
    raise _fout(
        f"onbekende kern '{kern}'.{bedoelde_u(kern, [a.split(' (')[0] for a in alle])} "
        f"Bekende kernen: {', '.join(alle[:40]) or 'geen'}",
        ids.ONBEKENDE_KERN,
    )


def _checklist(root: DataRoot, gd: GemeenteData) -> Checklist:
    from wijkcheck.checks import integrity
    from wijkcheck.sources import store

    cl, cldoc = store.checklist_for(root, None, gd.gemeente, gd.doc)
    problemen = integrity.check_checklist(cl, cldoc)
    if problemen:
        raise WijkcheckError(problemen)
    return cl


def _kern(gd: GemeenteData, kern: str) -> str:
    """The kern as gemeente.yaml writes it (`drunen` → `Drunen`)."""
    from wijkcheck.core.names import bedoelde_u, sleutel

    for k in gd.gemeente.kernen:
        if sleutel(k) == sleutel(kern):
            return k
    kernen = list(gd.gemeente.kernen)
    raise _fout(
        f"onbekende kern '{kern}' in gemeente {gd.gemeente.naam}.{bedoelde_u(kern, kernen)} "
        f"Bekende kernen: {', '.join(kernen)}. Een nieuwe kern zet u zelf onder 'kernen' in "
        "gemeente.yaml",
        ids.ONBEKENDE_KERN,
        gd.doc.span(("kernen",)),
    )


def _nog_niet_bekend(gd: GemeenteData, naam: str, code: str | None) -> None:
    """Refuse a wijk the gemeente has already, by name (forgiving, as every command matches
    names) or by CBS code."""
    from wijkcheck.core.names import sleutel

    for kern, wijken in gd.gemeente.kernen.items():
        for i, w in enumerate(wijken):
            if sleutel(w) == sleutel(naam):
                raise _fout(
                    f"wijk '{w}' staat al in {gd.gemeente.naam}, bij kern {kern}",
                    ids.DUBBELE_WIJK,
                    gd.doc.span(("kernen", kern, i)),
                )
    for b in gd.bestanden:
        if sleutel(b.wijk.naam) == sleutel(naam):
            raise _fout(
                f"wijk '{b.wijk.naam}' heeft al een wijkbestand (niet in gemeente.yaml); zet de "
                "wijk zelf bij haar kern",
                ids.DUBBELE_WIJK,
                b.doc.span(("naam",)),
            )
        if code is not None and b.wijk.cbs_buurtcode == code:
            raise _fout(
                f"buurtcode {code} is al van wijk '{b.wijk.naam}'",
                ids.DUBBELE_WIJK,
                b.doc.span(("cbs_buurtcode",)),
            )


def _vrij(gd: GemeenteData, wpad: Path) -> None:
    """The new file's name is free: no file there (of any kind), and no other wijk file that
    every command would take for the same wijk (`noord.yml` beside `noord.yaml`)."""
    from wijkcheck.core.names import sleutel
    from wijkcheck.sources.dataroot import display_path, wijk_bestanden

    if os.path.lexists(wpad):
        raise _fout(
            f"{display_path(wpad)} bestaat al; wijkcheck new overschrijft geen bestand",
            ids.UITVOER_BESTAAT,
        )
    for p in wijk_bestanden(gd.map):
        if sleutel(p.stem) == sleutel(wpad.stem):
            raise _fout(
                f"{display_path(p)} bestaat al voor deze naam; wijkcheck new overschrijft geen "
                "bestand",
                ids.UITVOER_BESTAAT,
            )


def _tekst(raw: bytes, getoond: str) -> tuple[str, str]:
    """gemeente.yaml as text, and its byte order mark (kept as it was)."""
    from wijkcheck.sources.yamlsource import decode

    tekst = decode(raw, getoond)
    return tekst, "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""


def _controleer(
    gd: GemeenteData,
    cl: Checklist,
    kern: str,
    naam: str,
    gemeente: tuple[str, str],
    wijk: tuple[str, str],
    datum: dt.date,
) -> None:
    """Both new files pass what `wijkcheck validate` checks (model, names between files,
    plausibility) without a finding the gemeente did not have already, and gemeente.yaml says
    exactly what it said plus the new wijk."""
    from wijkcheck.checks import plausibility
    from wijkcheck.core.models import Gemeente, Wijk
    from wijkcheck.sources.loader import validate
    from wijkcheck.sources.store import GemeenteData, WijkBestand
    from wijkcheck.sources.yamlsource import parse

    gdoc = parse(gemeente[1], gemeente[0])
    g = validate(gdoc, Gemeente)
    verwacht = dict(gd.gemeente.kernen)
    verwacht[kern] = [*verwacht[kern], naam]
    if g != gd.gemeente.model_copy(update={"kernen": verwacht}):
        raise _fout(
            f"kan wijk '{naam}' niet veilig aan {gemeente[0]} toevoegen; zet hem zelf bij kern "
            f"{kern} (dit is een fout in wijkcheck)",
            ids.GEMEENTE_AANVULLEN,
        )
    wdoc = parse(wijk[1], wijk[0])
    w = validate(wdoc, Wijk)
    voor = Counter(_sleutels(_bevindingen(cl, gd, datum)))
    na_data = GemeenteData(gd.map, g, gdoc, [*gd.bestanden, WijkBestand(w, wdoc)])
    na = _bevindingen(cl, na_data, datum)
    na += [
        f
        for f in plausibility.check_wijk(w, wdoc, cl, datum)
        if f.definition != ids.INWONERS_ONTBREEKT
    ]
    nieuw: list[Finding] = []
    for f, s in zip(na, _sleutels(na), strict=True):
        if voor[s]:
            voor[s] -= 1
        else:
            nieuw.append(f)
    if nieuw:
        nieuw.append(
            Finding(
                Span(""),
                "niets geschreven: de nieuwe bestanden zouden deze fouten hebben",
                ids.ARGUMENT,
            )
        )
        raise WijkcheckError(nieuw)


def _bevindingen(cl: Checklist, data: GemeenteData, datum: dt.date) -> list[Finding]:
    from wijkcheck.checks import integrity, plausibility

    return integrity.check_gemeente(cl, data) + plausibility.check_gemeente(
        data.gemeente, data.doc, cl, datum
    )


def _sleutels(findings: list[Finding]) -> list[tuple[str, str, str]]:
    # positions shift when a line is inserted; what a finding says does not
    return [(f.span.path, f.id, f.message) for f in findings]


def _schrijf_beide(wpad: Path, wtekst: str, gpad: Path, oud: bytes, nieuw_g: str) -> None:
    """The wijk file first (a new name: the write fails rather than replace anything), then
    gemeente.yaml; if that fails, or gemeente.yaml changed since it was read, the wijk file
    goes again and the data folder is as it was."""
    from wijkcheck.cli.output import schrijf
    from wijkcheck.cli.writing import controleer_doel
    from wijkcheck.sources.dataroot import display_path

    controleer_doel(gpad)  # a gemeente.yaml that cannot be replaced: refused before anything
    schrijf(wtekst, _naam(wpad), False, "nieuw wijkbestand")
    try:
        if gpad.read_bytes() != oud:
            raise _fout(
                f"{display_path(gpad)} is veranderd terwijl wijkcheck new liep; er is niets "
                "gewijzigd. Probeer het opnieuw",
                ids.GEMEENTE_VERANDERD,
            )
        schrijf(nieuw_g, _naam(gpad), True, "wijk toegevoegd")
    except BaseException:
        _terug(wpad, wtekst)
        raise


def _naam(pad: Path) -> str:
    """A path for the writer, as the user sees it (a leading `~` is a folder, not home)."""
    from wijkcheck.sources.dataroot import display_path

    getoond = display_path(pad)
    return str(pad.absolute()) if getoond.startswith("~") else getoond


def _terug(wpad: Path, wtekst: str) -> None:
    """Remove the wijk file this run wrote, if it is still what it wrote."""
    import contextlib
    import sys

    from wijkcheck.core.names import veilig_voor_log
    from wijkcheck.sources.dataroot import display_path

    getoond = display_path(wpad)
    with contextlib.suppress(OSError):
        if wpad.read_bytes() == wtekst.encode("utf-8"):
            wpad.unlink()
            sys.stderr.write(veilig_voor_log(f"Teruggedraaid: {getoond} weer verwijderd.\n"))
            return
    if os.path.lexists(wpad):
        sys.stderr.write(veilig_voor_log(f"let op: {getoond} is blijven staan; verwijder het\n"))
