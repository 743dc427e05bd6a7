"""`wijkcheck overview`: all wijken side by side."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkcheck.cli.app import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    FormatOpt,
    _gemeente_mappen,
    auditdatum,
    data_root,
    herkomst,
)
from wijkcheck.cli.output import ForceOpt, OutputOpt, kies_formaat, lever
from wijkcheck.core.ordering import Sortering

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
    from wijkcheck.cli.progress import Voortgang
    from wijkcheck.reports import batch

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
