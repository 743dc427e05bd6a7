"""The floor for a cold `wijkcheck audit` (issue 13, part 7): the least a tool built on the same
libraries does to validate one wijk file and print a table.

One typer command, a small pydantic model of a wijk, the file loaded with PyYAML's C loader, one
rich table. `bench/run.py` times it cold, side by side with a computed `wijkcheck audit
Vlijmen-Dorp`; the target is that audit ≤ 1.3 × this.

    python bench/floor.py data/wijken/heusden/vlijmen-dorp.yaml
    python bench/floor.py data/wijken/heusden/vlijmen-dorp.yaml --gc-zoals-wijkcheck

With `--gc-zoals-wijkcheck` (context, not the floor of the target) it does with Python's cyclic
collector what wijkcheck's `main` does: off from the start, and the objects made frozen at the
end, so that the interpreter's collection at exit skips them (docs/performance.md, fifth round).
"""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

ZOALS_WIJKCHECK = "--gc-zoals-wijkcheck"
if ZOALS_WIJKCHECK in sys.argv:  # once typer is imported, as in wijkcheck's main
    gc.disable()

import yaml  # noqa: E402
from pydantic import BaseModel, ConfigDict, ValidationError  # noqa: E402


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
def check(
    bestand: Annotated[Path, typer.Argument()],
    zoals_wijkcheck: Annotated[bool, typer.Option(ZOALS_WIJKCHECK)] = False,
) -> None:
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
    if zoals_wijkcheck:
        gc.freeze()


if __name__ == "__main__":
    app()
