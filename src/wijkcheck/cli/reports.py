"""overview and show: all wijken side by side, and the sociale kaart of one wijk."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkcheck.cli import app
from wijkcheck.cli.commands import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    FormatOpt,
    GemeenteOpt,
    auditdatum,
    data_root,
    herkomst,
    wijk_met_checklist,
)
from wijkcheck.cli.uitvoer import ForceOpt, OutputOpt, kies_formaat, lever
from wijkcheck.errors import Span, WijkcheckError
from wijkcheck.sortering import Sortering

OverzichtGemeenteOpt = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        help="Alleen deze gemeente. Zonder --gemeente: alle gemeenten in één overzicht.",
        metavar="NAAM",
        show_default=False,
    ),
]


def _gemeente_mappen(root, gemeente: str | None):
    """The folder of the gemeente asked for, or without --gemeente those of all gemeenten."""
    from wijkcheck import store

    mappen = root.gemeente_mappen()
    if not mappen:
        raise WijkcheckError.single(Span(str(root.wijken)), "geen gemeenten gevonden", "data-root")
    if gemeente is None:
        return mappen
    return [store.kies_gemeente(root, gemeente, mappen)]


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
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Zet alle wijken naast elkaar: de voorwaarden en de checklistscore.

    Per wijk en voorwaarde: ✔ voldaan, ✘ niet voldaan of ? onbekend, precies zoals 'wijkcheck
    audit' die wijk beoordeelt; de laatste kolom telt de voldane checklist-items. Onderaan de
    totalen per voorwaarde. Zonder --gemeente staan alle gemeenten in één overzicht, met een
    kolom Gemeente; ze moeten dan dezelfde checklist gebruiken. Met --format svg of png een
    plaatje voor dia's en memo's (tot 200 wijken).
    """
    from wijkcheck import batch
    from wijkcheck.cli.voortgang import Voortgang

    fmt = kies_formaat(fmt, output, "overview")
    root = data_root(data)
    mappen = _gemeente_mappen(root, gemeente)
    with Voortgang("wijken") as voortgang:
        ov = batch.overzicht(
            root,
            mappen,
            auditdatum(datum),
            checklist=checklist,
            sortering=sorteer,
            alleen_problemen=alleen_problemen,
            voortgang=voortgang,
        )
    lever(herkomst(ov, root), fmt, output, force)


@app.command("show")
def show_cmd(
    wijk: Annotated[
        str,
        typer.Argument(
            help="Naam van de wijk, bijv. Geerpark of 'vlijmen dorp'.",
            metavar="WIJK",
            show_default=False,
        ),
    ],
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    gemeente: GemeenteOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Toon de sociale kaart van één wijk: de voorzieningen per laag.

    Per laag (persoonlijk, gemeenschappelijk, institutioneel) de voorzieningen in de wijk, met
    soort en toegankelijkheid, en daaronder wat de wijk ook bedient: voorzieningen elders in de
    kern, op kernniveau en gemeentebreed.
    """
    from wijkcheck.kaart import sociale_kaart

    fmt = kies_formaat(fmt, output, "show")
    root = data_root(data)
    gd, gevonden, cl = wijk_met_checklist(root, wijk, gemeente, checklist)
    kaart = sociale_kaart(cl, gd.gemeente, gevonden, gd.wijken, auditdatum(datum))
    lever(herkomst(kaart, root), fmt, output, force)
