"""Evaluate a checklist against one wijk. Pure: data in, report out; no I/O, no printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from wijkcheck.checklist import Checklist, Onderwerp
from wijkcheck.models import Gemeente, Wijk
from wijkcheck.nl import getal
from wijkcheck.results import ChecklistInfo, Rapport, Resultaat, Telling
from wijkcheck.rules import Context, Plekken, beoordeel


def audit(
    checklist: Checklist,
    gemeente: Gemeente,
    wijk: Wijk,
    wijken: Sequence[Wijk],
    datum: dt.date,
    plekken: Plekken | None = None,
) -> Rapport:
    """Audit `wijk` (one of `wijken`, all wijken of `gemeente`) on `datum`.

    `plekken`, the gemeente's facility index, may be passed when auditing many wijken of one
    gemeente, so that it is built once.
    """
    basis = Context(
        soorten=checklist.soorten,
        indicatoren=checklist.indicatoren,
        rollen=checklist.rollen,
        max_ouderdom_maanden=checklist.maximale_ouderdom_maanden,
        gemeente=gemeente,
        wijk=wijk,
        wijken=wijken,
        datum=datum,
        plekken=plekken or Plekken(gemeente, wijken, checklist.soorten),
        herkomst=checklist.herkomst,
    )

    def evalueer(onderwerpen: dict[str, Onderwerp]) -> list[Resultaat]:
        return [
            beoordeel(o.regel, basis, id, o.titel, o.beleidsbron) for id, o in onderwerpen.items()
        ]

    voorwaarden = evalueer(checklist.voorwaarden)
    items = evalueer(checklist.items)
    alle = [g for r in voorwaarden + items for g in r.alle_gegevens()]
    inwoners = basis.gegeven("inwoners", getal(wijk.inwoners.waarde), wijk.inwoners)
    return Rapport(
        wijk=wijk.naam,
        kern=wijk.kern,
        gemeente=gemeente.naam,
        cbs_buurtcode=wijk.cbs_buurtcode,
        inwoners=inwoners,
        checklist=ChecklistInfo.van(checklist),
        auditdatum=datum,
        voorwaarden=voorwaarden,
        items=items,
        samenvatting_voorwaarden=Telling.van(voorwaarden),
        samenvatting_items=Telling.van(items),
        voorbeelddata=inwoners.voorbeeld or any(g.voorbeeld for g in alle),
        verouderde_gegevens=inwoners.verouderd or any(g.verouderd for g in alle),
    )
