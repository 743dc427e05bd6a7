"""`wijkcheck list`: the gemeenten, kernen and wijken in the data."""

from __future__ import annotations

import datetime as dt

from wijkcheck.cli.app import app
from wijkcheck.cli.options import DataOpt, GemeenteOpt, console, data_root
from wijkcheck.core.errors import Finding, WijkcheckError


@app.command("list")
def list_cmd(data: DataOpt = None, gemeente: GemeenteOpt = None) -> None:
    """Toon alle wijken met hun kern en aantal inwoners."""
    from rich.table import Table

    from wijkcheck.cli.options import _gemeente_mappen
    from wijkcheck.core.names import datum as nl_datum
    from wijkcheck.core.names import getal, sleutel, zichtbaar
    from wijkcheck.reports.batch import Gemeenten
    from wijkcheck.sources import store

    root = data_root(data)
    out = console()
    mappen = _gemeente_mappen(root, gemeente)
    # Every gemeente passes the gate first (as `validate` checks it), so that a broken one
    # stops the list before anything is printed; only the rows are kept meanwhile.
    if gemeente is None:  # with --gemeente, checked where the folder was chosen
        dubbel = store.dubbele_gemeenten(mappen)
        if dubbel:
            raise WijkcheckError(dubbel)
    gemeenten = Gemeenten(root, None, dt.date.today())
    fouten: list[Finding] = []
    lijsten: list[tuple[str, int, list[tuple[str, str, str, str, str]]]] = []
    for folder in mappen:
        gebruikt = gemeenten.gebruik(folder)
        if isinstance(gebruikt, list):
            fouten += gebruikt
            continue
        gd, _ = gebruikt
        volgorde = {sleutel(w): i for i, ws in enumerate(gd.gemeente.kernen.values()) for w in ws}
        rijen = [
            # a new wijk whose figures are still to be filled in has no inhabitants yet
            (w.naam, w.kern, "onbekend", "", "niet vastgelegd")
            if w.inwoners is None
            else (
                w.naam,
                w.kern,
                getal(w.inwoners.waarde),
                nl_datum(w.inwoners.peildatum),
                "voorbeeld" if w.inwoners.voorbeeld else w.inwoners.bron,
            )
            for w in sorted(gd.wijken, key=lambda w: (volgorde.get(sleutel(w.naam), 999), w.naam))
        ]
        lijsten.append((gd.gemeente.naam, len(gd.gemeente.kernen), rijen))
    if fouten:
        raise WijkcheckError(list(dict.fromkeys(fouten)))  # a shared checklist's, once
    for naam, kernen, rijen in lijsten:
        table = Table(
            title=f"Wijken van gemeente {zichtbaar(naam)}",
            title_justify="left",
            title_style="bold",
            header_style="bold",
        )
        table.add_column("Wijk")
        table.add_column("Kern")
        table.add_column("Inwoners", justify="right")
        table.add_column("Peildatum")
        table.add_column("Bron")
        for rij in rijen:
            table.add_row(*(zichtbaar(cel) for cel in rij))
        out.print(table)
        herkomst = zichtbaar(root.herkomst)
        out.print(f"{len(rijen)} wijken in {kernen} kernen ({herkomst}).")
        if root.meegeleverd:
            from wijkcheck.formatters.report.common import MEEGELEVERD_MELDING

            out.print("⚠ " + MEEGELEVERD_MELDING.format(f"gemeente {zichtbaar(naam)}"))
