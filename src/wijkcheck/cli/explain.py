"""`wijkcheck explain`: a voorwaarde or item of the checklist in words."""

from __future__ import annotations

from typing import Annotated

import typer

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    checklist_zonder_wijk,
    data_root,
    format_option,
    herkomst,
    standaard_checklist,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.formatters import OutputFormat

#: csv: the list of topics is a table, one topic is not
FORMAT = format_option(formatters.UITLEG, "; csv alleen zonder ONDERWERP")


@app.command("explain")
def explain_cmd(
    onderwerp: Annotated[
        str | None,
        typer.Argument(
            metavar="[ONDERWERP]",
            help="Voorwaarde of item, bijv. ontmoetingsplekken of 'sociale cohesie'. Zonder "
            "onderwerp: de lijst van alle voorwaarden en items.",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    fmt: Annotated[
        OutputFormat | None, format_option(formatters.UITLEG, "; csv alleen zonder ONDERWERP")
    ] = None,
    output: Annotated[str | None, output_option(formatters.UITLEG, formatters.ONDERWERPEN)] = None,
    force: ForceOpt = False,
) -> None:
    """Leg een voorwaarde of checklist-item uit: de regel in woorden en de beleidspassage."""
    from wijkcheck.reports import explain

    kind = formatters.ONDERWERPEN if onderwerp is None else formatters.UITLEG
    fmt = kies_formaat(fmt, output, kind)
    root = data_root(data)
    if not checklist:
        standaard_checklist(root)  # the gate: refuses what validate refuses of that gemeente
    cl, gemeentenaam = checklist_zonder_wijk(root, checklist)
    if onderwerp is None:
        lever(herkomst(explain.onderwerpen(cl, gemeentenaam), root), fmt, output, force)
        return
    # the bundled-data notice names the gemeente whose own checklist this is, if it is
    gemeente = None if checklist else gemeentenaam
    lever(herkomst(explain.uitleg(cl, onderwerp, gemeente), root), fmt, output, force)
