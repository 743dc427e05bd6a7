"""`wijkcheck schema`: JSON Schema of the data files, for editors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeVar

import click
import typer

from wijkcheck.cli.app import app
from wijkcheck.cli.output import ForceOpt, OutputOpt

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from wijkcheck.core.results import Rapport
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)
from wijkcheck.cli.options import ChecklistOpt, DataOpt, _standaard_checklist, data_root


@app.command("schema")
def schema_cmd(
    soort: Annotated[
        str,
        typer.Option(
            "--soort",
            help="Voor welk bestand: wijk, gemeente of checklist.",
            click_type=click.Choice(["wijk", "gemeente", "checklist"]),
        ),
    ] = "wijk",
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Schrijf het JSON Schema van een gegevensbestand, voor uw editor.

    Met de YAML-extensie van VS Code en als eerste regel van een bestand
    `# yaml-language-server: $schema=PAD` vult de editor veldnamen en de namen uit de
    checklist aan en onderstreept fouten. wijkcheck validate blijft de controle.
    """
    import json

    from wijkcheck.cli.output import schrijf
    from wijkcheck.reports.schema import schema
    from wijkcheck.sources import store

    root = data_root(data)
    if checklist:
        cl, _ = store.load_checklist(root, checklist, store.ChecklistBron.OPDRACHTREGEL)
    else:
        naam, _ = _standaard_checklist(root)
        cl, _ = store.load_checklist(root, naam, store.ChecklistBron.GEMEENTE)
    tekst = json.dumps(schema(soort, cl), ensure_ascii=False, indent=2) + "\n"
    schrijf(tekst, output, force, f"JSON Schema, {soort}")
