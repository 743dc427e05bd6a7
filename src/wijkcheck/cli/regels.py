"""`wijkcheck regels`: the rule kinds a checklist can use, with examples."""

from __future__ import annotations

import inspect
import re
import typing
from typing import TYPE_CHECKING, TypeVar

from wijkcheck.cli.app import app

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from wijkcheck.core.results import Rapport
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)
from wijkcheck.cli.options import console


@app.command("regels")
def regels_cmd() -> None:
    """Toon de soorten regels die een checklist kan gebruiken, met voorbeelden."""
    from rich.text import Text

    from wijkcheck.core.rules import REGELS

    out = console()
    for kind in REGELS:
        type_naam = typing.get_args(kind.model_fields["type"].annotation)[0]
        out.print(Text(f"type: {type_naam}  ({kind.naam})", style="bold"))
        for alinea in voorbeeld_alineas(kind.__doc__ or ""):
            if alinea.startswith("    "):  # an example: never wrapped, so that it can be copied
                out.print(alinea, soft_wrap=True)
            else:
                out.print(" ".join(alinea.split()))
            out.print()


def voorbeeld_alineas(doc: str) -> list[str]:
    """A rule kind's docstring as paragraphs; an indented paragraph is a YAML example."""
    return [a for a in re.split(r"\n\s*\n", inspect.cleandoc(doc)) if a.strip()]
