"""`wijkcheck audit`: one wijk against its checklist."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from wijkcheck import formatters
from wijkcheck.cli.group import EXIT_BEVINDINGEN, app
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option, toon
from wijkcheck.formatters import OutputFormat

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from wijkcheck.core.results import Rapport
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)
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


@app.command("audit")
def audit_cmd(
    wijk: Annotated[
        str,
        typer.Argument(
            metavar="WIJK",
            help="Naam van de wijk, bijv. Vlijmen-Dorp of 'vlijmen dorp'.",
            show_default=False,
        ),
    ],
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    gemeente: GemeenteOpt = None,
    strikt: Annotated[
        bool, typer.Option("--strikt", help="Exitcode 1 als iets 'niet voldaan' is.")
    ] = False,
    fmt: Annotated[OutputFormat | None, format_option(formatters.AUDIT)] = None,
    output: Annotated[str | None, output_option(formatters.AUDIT)] = None,
    force: ForceOpt = False,
    geen_cache: Annotated[
        bool,
        typer.Option(
            "--geen-cache",
            help="Reken opnieuw, ook als dezelfde audit over dezelfde, ongewijzigde bestanden "
            "al eerder is gemaakt (zie docs/performance.md).",
        ),
    ] = False,
) -> None:
    """Toets één wijk aan de voorwaarden en de checklist.

    Per voorwaarde en item: voldaan, niet voldaan of onbekend, met wat gemeten is, wat vereist
    is, waar de cijfers vandaan komen en op welke beleidspassage de eis rust. Een uitzondering
    (niet voldaan, met een besluit tot een einddatum) heet 'uitzondering tot …' en telt apart.
    """
    fmt = kies_formaat(fmt, output, formatters.AUDIT)
    root = data_root(data)
    memo = None
    if output is None and not geen_cache:
        vraag: dict[str, object] = {
            "wijk": wijk,
            "checklist": checklist,
            "datum": datum,
            "gemeente": gemeente,
        }
        vraag |= {"strikt": strikt, "format": fmt}
        from wijkcheck.cli.cache import OutputMemo

        memo = OutputMemo.open(os.environ, root, vraag)
    hit = memo.lookup() if memo else None
    if hit is not None:
        toon(hit.stdout)
        code = hit.code
    else:
        from wijkcheck.core import engine
        from wijkcheck.sources.yamlsource import volg_lezen

        peil = auditdatum(datum)
        with volg_lezen(aan=memo is not None) as gelezen:
            gd, gevonden, cl = wijk_met_checklist(root, wijk, gemeente, checklist, peil)
        rapport = engine.audit(cl, gd.gemeente, gevonden, gd.wijken, peil)
        rapport = herkomst(rapport, root)
        getoond = lever(rapport, fmt, output, force)
        code = EXIT_BEVINDINGEN if strikt and rapport.niet_voldaan else 0
        if memo is not None and getoond is not None:
            memo.store(gelezen, getoond, code)
    if code:
        raise typer.Exit(code)
