"""The floor for a cold `wijkcheck audit` (issue 13, part 7): the least a tool built on the same
libraries does to validate one wijk file and print a table.

One typer command, a small pydantic model of a wijk, the file loaded with PyYAML's C loader, one
rich table. `bench/run.py` times it cold, side by side with a computed `wijkcheck audit
Vlijmen-Dorp`; the target is that audit ≤ 1.3 × this.

    python bench/floor.py data/wijken/heusden/vlijmen-dorp.yaml
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError


class Cijfer(BaseModel):
    model_config = ConfigDict(extra="allow")
    waarde: float | None = None
    bron: str | None = None
    peildatum: dt.date | None = None


class Voorziening(BaseModel):
    model_config = ConfigDict(extra="allow")
    naam: str
    soort: str
    toegankelijk: bool | None = None
    bron: str | None = None
    peildatum: dt.date | None = None


class Wijk(BaseModel):
    model_config = ConfigDict(extra="allow")
    naam: str
    kern: str
    peildatum: dt.date | None = None
    inwoners: Cijfer | None = None
    voorzieningen: list[Voorziening] = []
    indicatoren: dict[str, Cijfer] = {}
    ondersteuningsvraag: dict[str, Cijfer] = {}
    capaciteit: dict[str, Cijfer] = {}


app = typer.Typer(add_completion=False)


@app.command()
def check(bestand: Annotated[Path, typer.Argument()]) -> None:
    """Validate one wijk file and print its figures as a table."""
    from rich.console import Console
    from rich.table import Table

    with bestand.open(encoding="utf-8") as f:
        data = yaml.load(f, Loader=yaml.CSafeLoader)
    try:
        wijk = Wijk.model_validate(data)
    except ValidationError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from None
    tabel = Table(title=f"{wijk.naam} ({wijk.kern})")
    tabel.add_column("Onderwerp")
    tabel.add_column("Waarde", justify="right")
    tabel.add_column("Bron")
    for groep in (wijk.indicatoren, wijk.ondersteuningsvraag, wijk.capaciteit):
        for naam, cijfer in groep.items():
            tabel.add_row(naam, "–" if cijfer.waarde is None else f"{cijfer.waarde:g}", cijfer.bron)
    for v in wijk.voorzieningen:
        tabel.add_row(v.soort, v.naam, v.bron)
    Console().print(tabel)


if __name__ == "__main__":
    app()
