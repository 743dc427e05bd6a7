"""`wijkcheck schema`: JSON Schema of the data files, for editors.

Every data file starts with `# yaml-language-server: $schema=…`, a path relative to the file
that leads to `schema/<soort>.schema.json` in its data folder (`sources.scaffold.schema_header`).
`--gegevensmap` writes the three schemas there, made from the checklists the gemeenten of that
folder use (docs/gegevens.md, "In de editor").
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import click
import typer

from wijkcheck.cli.group import app
from wijkcheck.cli.options import ChecklistOpt, DataOpt, checklist_zonder_wijk, data_root
from wijkcheck.cli.output import ForceOpt
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from wijkcheck.core.checklist import Checklist
    from wijkcheck.sources.dataroot import DataRoot


@app.command("schema")
def schema_cmd(
    soort: Annotated[
        str | None,
        typer.Option(
            "--soort",
            help="Voor welk bestand: wijk (standaard), gemeente of checklist.",
            click_type=click.Choice(["wijk", "gemeente", "checklist"]),
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    gegevensmap: Annotated[
        bool,
        typer.Option(
            "--gegevensmap",
            help="Schrijf de schema's van alle drie de soorten in de map schema/ van de "
            "gegevensmap: daarheen wijst de eerste regel van elk gegevensbestand. Een schema dat "
            "verandert, overschrijft wijkcheck alleen met --force.",
        ),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Schrijf het schema naar dit bestand (.json) in plaats van naar het scherm "
            "('-' is stdout).",
            metavar="BESTAND",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Schrijf het JSON Schema van een gegevensbestand, voor uw editor.

    Met de YAML-extensie van VS Code wijst de eerste regel van een gegevensbestand,
    `# yaml-language-server: $schema=PAD`, naar het schema; de editor vult dan veldnamen en de
    namen uit de checklist aan en onderstreept fouten. Zonder --checklist kent het schema de
    namen van de checklists die de gemeenten in de gegevensmap gebruiken. wijkcheck validate
    blijft de controle.
    """
    from wijkcheck.cli.output import schrijf

    if output not in (None, "-") and not output.lower().endswith(".json"):
        # an editor knows a schema by its extension; '.md' holding JSON helps nobody
        raise WijkcheckError.single(
            Span(output),
            f"'{output}': een JSON Schema schrijft wijkcheck alleen naar een .json-bestand",
            ids.EXTENSIE_PAST_NIET,
        )
    root = data_root(data)
    checklists = _checklists(root, checklist)
    if not gegevensmap:
        schrijf(
            _tekst(soort or "wijk", checklists), output, force, f"JSON Schema, {soort or 'wijk'}"
        )
        return
    if soort is not None or output is not None:
        raise WijkcheckError.single(
            Span(""),
            "--gegevensmap schrijft alle drie de schema's naar de map schema/ van de "
            "gegevensmap; laat --soort en --output dan weg",
            ids.ARGUMENT,
        )
    _in_gegevensmap(root, checklists, force)


def _checklists(root: DataRoot, gegeven: str | None) -> list[Checklist]:
    """`--checklist`, else every checklist the readable gemeenten of `root` name (each once),
    else the default one."""
    from wijkcheck.sources import store

    if gegeven:  # a theme: laid on the checklist of the first gemeente, as `explain` does
        return [checklist_zonder_wijk(root, gegeven)[0]]
    namen: dict[str, Span] = {}
    for folder in root.gemeente_mappen():
        try:
            g, doc = store.load_gemeente_file(folder)
        except WijkcheckError:
            continue  # `validate` reports it; the others still get their names offered
        namen.setdefault(g.checklist, doc.span(("checklist",)))
    if not namen:
        from wijkcheck.core.models import Gemeente

        namen[Gemeente.model_fields["checklist"].default] = Span("")

    def geen_thema(naam: str, waar: Span) -> Callable[[], Path]:
        return lambda: store.geen_thema(naam, waar)

    return [
        store.load_checklist(
            root, naam, store.ChecklistBron.GEMEENTE, waar, geen_thema(naam, waar)
        )[0]
        for naam, waar in namen.items()
    ]


def _tekst(soort: str, checklists: list[Checklist]) -> str:
    from wijkcheck.reports.schema import schema

    return json.dumps(schema(soort, *checklists), ensure_ascii=False, indent=2) + "\n"


def _in_gegevensmap(root: DataRoot, checklists: list[Checklist], force: bool) -> None:
    """The three schemas in `<data folder>/schema/`: unchanged ones left alone, a changed one
    only with `force` (checked for all three before any is written)."""
    import sys

    from wijkcheck.cli.output import schrijf
    from wijkcheck.core.names import zichtbaar
    from wijkcheck.sources.dataroot import display_path
    from wijkcheck.sources.scaffold import SCHEMA_SOORTEN, schema_pad

    if root.meegeleverd:
        raise WijkcheckError.single(
            Span(""),
            "geen eigen gegevensmap gevonden; wijs uw gegevens aan met --data MAP, met "
            "WIJKCHECK_DATA, of werk in een map met data/wijken/",
            ids.GEGEVENSMAP_ONBRUIKBAAR,
        )
    te_schrijven = []
    for soort in SCHEMA_SOORTEN:
        pad = schema_pad(soort, root.map)
        tekst = _tekst(soort, checklists)
        try:
            huidig: bytes | None = pad.read_bytes() if pad.is_file() else None
        except OSError:
            huidig = None  # the writer says what is wrong with it
        if huidig == tekst.encode("utf-8"):
            sys.stderr.write(f"Ongewijzigd: {zichtbaar(display_path(pad))}\n")
            continue
        if huidig is not None and not force:
            raise WijkcheckError.single(
                Span(""),
                f"{display_path(pad)} bestaat al en is anders dan het schema van nu (is de "
                "checklist veranderd?); vernieuw de schema's met --force",
                ids.UITVOER_BESTAAT,
            )
        te_schrijven.append((pad, tekst, soort))
    if te_schrijven:
        map_ = te_schrijven[0][0].parent
        try:
            map_.mkdir(exist_ok=True)
        except OSError as exc:
            raise WijkcheckError.single(
                Span(""),
                f"{display_path(map_)}: kan de map niet maken ({exc.strerror})",
                ids.UITVOER_MAP,
            ) from None
    for pad, tekst, soort in te_schrijven:
        schrijf(tekst, display_path(pad), force, f"JSON Schema, {soort}")
