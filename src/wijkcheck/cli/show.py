"""`wijkcheck show`: the sociale kaart of one wijk."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    GemeenteOpt,
    auditdatum,
    data_root,
    format_option,
    herkomst,
    wijk_met_checklist,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.formatters import OutputFormat


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
    fmt: Annotated[OutputFormat | None, format_option(formatters.SOCIALE_KAART)] = None,
    output: Annotated[str | None, output_option(formatters.SOCIALE_KAART)] = None,
    force: ForceOpt = False,
) -> None:
    """Toon de sociale kaart van één wijk: de voorzieningen per laag.

    Per laag (persoonlijk, gemeenschappelijk, institutioneel) de voorzieningen in de wijk, met
    soort en toegankelijkheid, en daaronder wat de wijk ook bedient: voorzieningen elders in de
    kern, op kernniveau en gemeentebreed.
    """
    from wijkcheck.reports.sociale_kaart import sociale_kaart

    fmt = kies_formaat(fmt, output, formatters.SOCIALE_KAART)
    root = data_root(data)
    peil = auditdatum(datum)
    gd, gevonden, cl = wijk_met_checklist(root, wijk, gemeente, checklist, peil)
    kaart = sociale_kaart(cl, gd.gemeente, gevonden, gd.wijken, peil)
    lever(herkomst(kaart, root), fmt, output, force)
