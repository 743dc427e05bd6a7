"""`wijkcheck list`: the gemeenten, kernen and wijken in the data."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from wijkcheck.cli.app import app
from wijkcheck.core.errors import Span, WijkcheckError

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from wijkcheck.core.results import Rapport
    from wijkcheck.reports.overview import Overzicht
    from wijkcheck.reports.sociale_kaart import SocialeKaart

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)
from wijkcheck.cli.options import DataOpt, GemeenteOpt, console, data_root


@app.command("list")
def list_cmd(data: DataOpt = None, gemeente: GemeenteOpt = None) -> None:
    """Toon alle wijken met hun kern en aantal inwoners."""
    from rich.table import Table

    from wijkcheck.core.names import datum as nl_datum
    from wijkcheck.core.names import getal, sleutel
    from wijkcheck.sources import store

    root = data_root(data)
    out = console()
    mappen = root.gemeente_mappen()
    if not mappen:
        raise WijkcheckError.single(Span(str(root.wijken)), "geen gemeenten gevonden", "data-root")
    if gemeente:
        mappen = [store.kies_gemeente(root, gemeente, mappen)]
    for folder in mappen:
        gd = store.load_gemeente(folder)
        table = Table(
            title=f"Wijken van gemeente {gd.gemeente.naam}",
            title_justify="left",
            title_style="bold",
            header_style="bold",
        )
        table.add_column("Wijk")
        table.add_column("Kern")
        table.add_column("Inwoners", justify="right")
        table.add_column("Peildatum")
        table.add_column("Bron")
        volgorde = {sleutel(w): i for i, ws in enumerate(gd.gemeente.kernen.values()) for w in ws}
        for w in sorted(gd.wijken, key=lambda w: (volgorde.get(sleutel(w.naam), 999), w.naam)):
            inw = w.inwoners
            if inw is None:  # a new wijk whose figures are still to be filled in
                table.add_row(w.naam, w.kern, "onbekend", "", "niet vastgelegd")
                continue
            bron = "voorbeeld" if inw.voorbeeld else inw.bron
            table.add_row(w.naam, w.kern, getal(inw.waarde), nl_datum(inw.peildatum), bron)
        out.print(table)
        out.print(f"{len(gd.wijken)} wijken in {len(gd.gemeente.kernen)} kernen ({root.herkomst}).")
        if root.meegeleverd:
            from wijkcheck.formatters.report.common import MEEGELEVERD_MELDING

            out.print("⚠ " + MEEGELEVERD_MELDING.format(f"gemeente {gd.gemeente.naam}"))
