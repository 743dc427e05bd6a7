"""`wijkcheck explain`: a voorwaarde or item of the checklist in words."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from wijkcheck.cli.app import app
from wijkcheck.core.errors import Span, WijkcheckError

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from wijkcheck.core.checklist import Checklist
    from wijkcheck.core.results import Rapport
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    _meegeleverd_melden,
    checklist_zonder_wijk,
    console,
    data_root,
    standaard_checklist,
)
from wijkcheck.core import finding_ids as ids


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
) -> None:
    """Leg een voorwaarde of checklist-item uit: de regel in woorden en de beleidspassage."""
    from rich.text import Text

    from wijkcheck.core.names import bedoelde_u, sleutel
    from wijkcheck.core.names import zichtbaar as z

    root = data_root(data)
    if not checklist:
        standaard_checklist(root)  # the gate: refuses what validate refuses of that gemeente
    cl, gemeentenaam = checklist_zonder_wijk(root, checklist)
    if onderwerp is None:
        _onderwerpen_tonen(cl)
        _meegeleverd_melden(root, gemeentenaam)
        return
    onderwerpen = cl.onderwerpen()
    key = sleutel(onderwerp)
    gevonden = [(i, o) for i, o in onderwerpen.items() if key in (sleutel(i), sleutel(o.titel))]
    if not gevonden:
        gevonden = [
            (i, o)
            for i, o in onderwerpen.items()
            if key and (key in sleutel(i) or key in sleutel(o.titel))
        ]
    if len(gevonden) != 1:
        keuzes = list(onderwerpen)
        hint = (
            bedoelde_u(onderwerp, keuzes)
            if not gevonden
            else (" Bedoelde u " + " of ".join(f"'{i}'" for i, _ in gevonden) + "?")
        )
        raise WijkcheckError.single(
            Span(""),
            f"onbekende voorwaarde of item '{onderwerp}'.{hint} Kies uit: {', '.join(keuzes)}",
            ids.ONBEKEND_ONDERWERP,
        )
    id, o = gevonden[0]
    soort = "Voorwaarde" if id in cl.voorwaarden else "Checklist-item"
    out = console()
    # every text below comes from a checklist file: printed inert (`zichtbaar`)
    out.print(Text(z(o.titel), style="bold underline"))
    out.print(f"{soort} '{z(id)}' uit {z(cl.naam)}, versie {z(cl.versie)}")
    laag_id, niveau = cl.herkomst.get(id, (cl.id, ""))
    laag = next((laag for laag in cl.lagen if laag.id == laag_id), None)
    if laag is not None:
        staat = "concept, niet vastgesteld" if laag.status.concept else "vastgesteld"
        out.print(f"Laag: {niveau} ({z(laag.naam)}, versie {z(laag.versie)}; {staat})")
    if o.regel.gemeentebreed():
        out.print("Gemeentebreed: één keer per gemeente beoordeeld, niet in de score van een wijk.")
    _meegeleverd_melden(root, None if checklist else gemeentenaam)
    if o.omschrijving:
        out.print()
        out.print(z(o.omschrijving))
    out.print()
    out.print(Text("Regel", style="bold"))
    for regel_tekst in o.regel.in_woorden(cl):
        out.print(z(regel_tekst))
    out.print()
    out.print(Text("Beleidsbron", style="bold"))
    out.print(z(str(o.beleidsbron)))
    if o.beleidsbron.citaat:
        out.print(Text(f"“{z(o.beleidsbron.citaat.strip())}”", style="italic"))
    if o.beleidsbron.verband == "afgeleid":
        out.print(
            "De passage noemt deze voorziening of voorwaarde niet zelf; wijkcheck leidt het "
            "item ervan af (zie docs/checklists.md)."
        )


def _onderwerpen_tonen(cl: Checklist) -> None:
    """What `explain` can explain: every condition and item, id and title."""
    from rich.table import Table

    from wijkcheck.core.names import zichtbaar as z

    out = console()
    out.print(f"Onderwerpen van {z(cl.naam)}, versie {z(cl.versie)}")
    for kop, groep in (("Voorwaarden", cl.voorwaarden), ("Checklist-items", cl.items)):
        table = Table(title=kop, title_justify="left", title_style="bold", header_style="bold")
        table.add_column("Id", no_wrap=True)
        table.add_column("Titel")
        for id, o in groep.items():
            table.add_row(z(id), z(o.titel))
        out.print(table)
    out.print("Uitleg bij één onderwerp: wijkcheck explain ONDERWERP (id of titel).")
