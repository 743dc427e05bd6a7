"""`wijkcheck voorbeelden [VOORWAARDE]`: what works where, beside the wijken that need it."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    _gemeente_mappen,
    auditdatum,
    data_root,
    format_option,
    herkomst,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.formatters import OutputFormat

VoorbeeldenGemeenteOpt = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        help="Alleen deze gemeente. Zonder --gemeente: de praktijken van alle gemeenten.",
        metavar="NAAM",
        show_default=False,
    ),
]


@app.command("voorbeelden")
def voorbeelden_cmd(
    voorwaarde: Annotated[
        str | None,
        typer.Argument(
            metavar="[VOORWAARDE]",
            help="Voorwaarde of item, bijv. ontmoetingsplekken of 'sociale cohesie'. Zonder: "
            "alle voorwaarden, en de items waarvoor iets is vastgelegd.",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    gemeente: VoorbeeldenGemeenteOpt = None,
    fmt: Annotated[OutputFormat | None, format_option(formatters.GOEDE_VOORBEELDEN)] = None,
    output: Annotated[str | None, output_option(formatters.GOEDE_VOORBEELDEN)] = None,
    force: ForceOpt = False,
) -> None:
    """Toon wat werkt: de goede voorbeelden uit de wijkbestanden (wat_werkt), per voorwaarde.

    Bij elke voorwaarde de praktijken die wijken hebben vastgelegd (wat, sinds wanneer, bij wie
    u terechtkunt, bron), en daarnaast de wijken waar die voorwaarde niet voldaan of onbekend
    is: daar kan men van de anderen leren. De uitkomsten zijn die van 'wijkcheck audit' op de
    auditdatum; een praktijk die na die datum begon, staat er niet bij.
    """
    from wijkcheck.cli.progress import ProgressBar
    from wijkcheck.reports import batch
    from wijkcheck.reports.goede_voorbeelden import goede_voorbeelden

    fmt = kies_formaat(fmt, output, formatters.GOEDE_VOORBEELDEN)
    root = data_root(data)
    mappen = _gemeente_mappen(root, gemeente)
    peil = auditdatum(datum)
    with ProgressBar("wijken") as progress:
        delen = batch.delen(root, mappen, peil, checklist=checklist, progress=progress, alles=True)
    lever(herkomst(goede_voorbeelden(delen, peil, voorwaarde), root), fmt, output, force)
