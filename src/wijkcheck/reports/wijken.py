"""What `wijkcheck list` shows, as a result: the wijken of each gemeente with their kern and
inhabitants (`Wijkenlijst`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from wijkcheck.core.errors import Finding, WijkcheckError
from wijkcheck.core.models import leeg
from wijkcheck.core.names import sleutel
from wijkcheck.core.results import SCHEMA_VERSIE, Result
from wijkcheck.sources import store
from wijkcheck.sources.dataroot import DataRoot


class WijkRegel(Result):
    wijk: str
    kern: str
    #: None: a new wijk whose figures are still to be filled in
    inwoners: int | float | None
    peildatum: dt.date | None
    bron: str | None
    voorbeeld: bool


class GemeenteWijken(Result):
    gemeente: str
    kernen: int
    #: in the order of the kernen in gemeente.yaml, then by name
    wijken: list[WijkRegel]


class Wijkenlijst(Result):
    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["wijken"] = "wijken"
    gemeenten: list[GemeenteWijken]
    #: where the data came from (the data folder, or how it was found)
    herkomst: str
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False
    #: folders of the data folder with YAML files but no gemeente.yaml, with how many YAML
    #: files each holds: not in this list (only without --gemeente; `geen-gemeente`)
    zonder_gemeente: dict[str, int] = leeg(dict)


def wijkenlijst(root: DataRoot, mappen: Sequence[Path], alle_mappen: bool) -> Wijkenlijst:
    """The wijken of the gemeenten in `mappen`. Every gemeente passes the gate first (as
    `validate` checks it), so that a broken one stops the list; `alle_mappen`: the whole data
    folder, where two folders of one gemeente are refused too."""
    from wijkcheck.reports.batch import Gemeenten

    if alle_mappen:  # with --gemeente, checked where the folder was chosen
        dubbel = store.dubbele_gemeenten(mappen)
        if dubbel:
            raise WijkcheckError(dubbel)
    gemeenten = Gemeenten(root, None, dt.date.today())
    fouten: list[Finding] = []
    lijsten: list[GemeenteWijken] = []
    for folder in mappen:
        gebruikt = gemeenten.gebruik(folder)
        if isinstance(gebruikt, list):
            fouten += gebruikt
            continue
        gd, _ = gebruikt
        volgorde = {sleutel(w): i for i, ws in enumerate(gd.gemeente.kernen.values()) for w in ws}
        rijen = [
            WijkRegel(
                wijk=w.naam,
                kern=w.kern,
                inwoners=None if w.inwoners is None else _aantal(w.inwoners.waarde),
                peildatum=None if w.inwoners is None else w.inwoners.peildatum,
                bron=None if w.inwoners is None else w.inwoners.bron,
                voorbeeld=w.inwoners is not None and w.inwoners.voorbeeld,
            )
            for w in sorted(gd.wijken, key=lambda w: (volgorde.get(sleutel(w.naam), 999), w.naam))
        ]
        lijsten.append(
            GemeenteWijken(gemeente=gd.gemeente.naam, kernen=len(gd.gemeente.kernen), wijken=rijen)
        )
    if fouten:
        raise WijkcheckError(list(dict.fromkeys(fouten)))  # a shared checklist's, once
    return Wijkenlijst(gemeenten=lijsten, herkomst=root.herkomst)


def _aantal(waarde: float) -> int | float:
    return int(waarde) if float(waarde).is_integer() else waarde
