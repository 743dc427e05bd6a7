"""`wijkcheck overview`: all wijken side by side."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wijkcheck import formatters
from wijkcheck.cli.compare import DatumSindsOpt
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    _gemeente_mappen,
    _gemeenten_en_weggelaten,
    auditdatum,
    data_root,
    format_option,
    herkomst,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option, schrijf
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.ordering import Sortering
from wijkcheck.formatters import OutputFormat

if TYPE_CHECKING:
    from wijkcheck.formatters import OutputFormat
    from wijkcheck.reports.overview import Overzicht

OverzichtGemeenteOpt = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        help="Alleen deze gemeente. Zonder --gemeente: alle gemeenten in één overzicht.",
        metavar="NAAM",
        show_default=False,
    ),
]


@app.command("overview")
def overview_cmd(
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    gemeente: OverzichtGemeenteOpt = None,
    sorteer: Annotated[
        Sortering,
        typer.Option(
            "--sorteer",
            help="Volgorde: kern (zoals gemeente.yaml), naam, of problemen (de meeste "
            "voorwaarden 'niet voldaan' eerst, dan de meeste 'onbekend', dan de laagste "
            "checklistscore).",
            case_sensitive=False,
        ),
    ] = Sortering.KERN,
    alleen_problemen: Annotated[
        bool,
        typer.Option(
            "--alleen-problemen",
            help="Toon alleen wijken waar een voorwaarde of checklist-item niet voldaan is.",
        ),
    ] = False,
    geometrie: Annotated[
        Path | None,
        typer.Option(
            "--geometrie",
            help="Maak een kaart van de wijken uit de buurten van PDOK's CBS Wijk- en "
            "Buurtkaart (GeoPackage of GeoJSON in RD New), gekoppeld via cbs_buurtcode in de "
            "wijkbestanden; met -o kaart.svg, kaart.png of kaart.html.",
            metavar="BESTAND",
            show_default=False,
        ),
    ] = None,
    voorwaarde: Annotated[
        str | None,
        typer.Option(
            "--voorwaarde",
            help="Kleur de kaart naar deze voorwaarde (id of naam); zonder: naar de "
            "checklistscore.",
            metavar="ID",
            show_default=False,
        ),
    ] = None,
    sinds: Annotated[
        str | None,
        typer.Option(
            "--sinds",
            metavar="REF",
            help="Vergelijk met een eerder moment: een git-revisie van de gegevens, een andere "
            "gegevensmap of een bewaard JSON-overzicht (overview -f json); per wijk hoeveel "
            "voorwaarden verbeterden of verslechterden (docs/vergelijken.md).",
            show_default=False,
        ),
    ] = None,
    datum_sinds: DatumSindsOpt = None,
    fmt: Annotated[
        OutputFormat | None, format_option(formatters.OVERZICHT, "; met --sinds geen svg of png")
    ] = None,
    output: Annotated[str | None, output_option(formatters.OVERZICHT)] = None,
    force: ForceOpt = False,
) -> None:
    """Zet alle wijken naast elkaar: de voorwaarden en de checklistscore.

    Per wijk en voorwaarde: ✔ voldaan, ✘ niet voldaan of ? onbekend, precies zoals 'wijkcheck
    audit' die wijk beoordeelt; de laatste kolom telt de voldane checklist-items. Onderaan de
    totalen per voorwaarde. Zonder --gemeente staan alle gemeenten in één overzicht, met een
    kolom Gemeente; ze moeten dan dezelfde checklist gebruiken. Met --format svg of png een
    plaatje voor dia's en memo's (tot 200 wijken). Met --geometrie een kaart van de wijken
    (svg, png of html), gekleurd naar de checklistscore of naar --voorwaarde (docs/kaart.md).
    """
    soort = formatters.OVERZICHT if sinds is None else formatters.OVERZICHT_SINDS
    fmt = kies_formaat(fmt, output, soort)
    if sinds is not None and geometrie is not None:
        raise WijkcheckError.single(
            Span(""),
            "--sinds en --geometrie gaan (nog) niet samen; maak de kaart zonder --sinds",
            ids.ARGUMENT,
        )
    if geometrie is not None:
        _kaart_past(fmt, alleen_problemen)
    elif voorwaarde is not None:
        raise WijkcheckError.single(
            Span(""),
            "--voorwaarde kiest de kleur van een kaart; geef ook --geometrie BESTAND "
            "(zie docs/kaart.md)",
            ids.ARGUMENT,
        )
    root = data_root(data)
    # without --gemeente the overview is of the whole data folder: it says what it leaves out
    mappen, zonder = _gemeenten_en_weggelaten(root, gemeente)
    dag = auditdatum(datum)
    from wijkcheck.parallel import parse

    # One large gemeente: its files are parsed in worker processes while this one imports
    # the models (docs/performance.md); nothing above this line imports them.
    with parse.begin(mappen) or contextlib.nullcontext() as vooraf:
        from wijkcheck.cli.progress import ProgressBar
        from wijkcheck.reports import batch

        with ProgressBar("wijken") as progress:
            ov = batch.overzicht(
                root,
                mappen,
                dag,
                checklist=checklist,
                sortering=sorteer,
                alleen_problemen=alleen_problemen,
                progress=progress,
                vooraf=vooraf,
            )
    if zonder:
        ov = ov.model_copy(update={"zonder_gemeente": zonder})
    if sinds is not None:
        lever(_sinds(herkomst(ov, root), root, sinds, datum_sinds, checklist, gemeente,
                     sorteer), fmt, output, force)  # fmt: skip
    elif geometrie is None:
        lever(herkomst(ov, root), fmt, output, force)
    else:
        _lever_kaart(herkomst(ov, root), geometrie, voorwaarde, fmt, output, force)


def _sinds(
    nu: Overzicht,
    root,
    ref: str,
    datum_sinds: str | None,
    checklist: str | None,
    gemeente: str | None,
    sorteer: Sortering,
):
    """The overview now beside the overview at REF (a revision, a folder, a saved overview)."""
    from pathlib import Path as _Path

    from wijkcheck.cli.compare import datum_toen, fout_van_toen
    from wijkcheck.reports import batch
    from wijkcheck.reports.compare import vergelijk_overzicht
    from wijkcheck.sources.history import eerder

    with eerder(ref, root, _Path.cwd()) as vroeger:
        if vroeger.rapport is not None:
            toen = _overzicht_uit_json(vroeger.naam, vroeger.rapport)
        else:
            assert vroeger.root is not None
            peil = datum_toen(vroeger, datum_sinds, nu.auditdatum)
            try:
                mappen = _gemeente_mappen(vroeger.root, gemeente)
                toen = batch.overzicht(
                    vroeger.root, mappen, peil, checklist=checklist, sortering=sorteer
                )
            except WijkcheckError as fout:
                raise fout_van_toen(vroeger, fout) from None
        return vergelijk_overzicht(toen, nu, vroeger.naam)


def _overzicht_uit_json(naam: str, data: dict) -> Overzicht:
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.sources.history import opgeslagen

    if data.get("soort") != "overzicht":
        raise WijkcheckError.single(
            Span("--sinds"),
            f"{naam} is een auditrapport van één wijk; 'overview --sinds' vergelijkt met een "
            "overzicht van 'wijkcheck overview -f json' (een auditrapport past bij 'compare')",
            ids.SINDS_RAPPORT,
        )
    return opgeslagen(Overzicht, data, naam, "overzicht")


def _kaart_past(fmt: OutputFormat, alleen_problemen: bool) -> None:
    """A map is a picture or a page, and it shows every wijk."""
    if fmt not in formatters.formats_for(formatters.KAART):
        raise WijkcheckError.single(
            Span(""),
            "--geometrie maakt een kaart (svg, png of html), "
            + ("geen tabel op het scherm" if fmt.value == "tabel" else f"geen {fmt.value}")
            + "; geef bijv. -o kaart.svg, -o kaart.png of -o kaart.html",
            ids.FORMAAT_PAST_NIET,
        )
    if alleen_problemen:
        raise WijkcheckError.single(
            Span(""),
            "een kaart toont alle wijken: met --alleen-problemen zouden de weggelaten wijken "
            "als buurt zonder wijk verschijnen; laat --alleen-problemen weg",
            ids.ARGUMENT,
        )


def _lever_kaart(
    ov: Overzicht,
    geometrie: Path,
    voorwaarde: str | None,
    fmt: OutputFormat,
    output: str | None,
    force: bool,
) -> None:
    from wijkcheck.formatters.report.common import schoon
    from wijkcheck.reports import map as kaarten
    from wijkcheck.sources import geometry

    ov = schoon(ov)
    kolom = kaarten.kies_voorwaarde(ov, voorwaarde) if voorwaarde is not None else None
    gelezen = geometry.read(geometrie.expanduser(), kaarten.selection(ov))
    kaart = kaarten.kaart(ov, gelezen, kolom)
    schrijf(formatters.render(fmt, kaart), output, force, f"kaart, {fmt.value}")
