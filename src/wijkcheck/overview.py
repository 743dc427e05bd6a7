"""The overview of all wijken of a gemeente: the conditions and the checklist score per wijk.

Pure: data in, `Overzicht` out. It runs the engine once per wijk, so every cell says exactly
what `wijkcheck audit` says for that wijk on that date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from wijkcheck import engine
from wijkcheck.checklist import Checklist
from wijkcheck.models import Gemeente, Wijk
from wijkcheck.nl import sleutel
from wijkcheck.results import SCHEMA_VERSIE, ChecklistInfo, Rapport, Result, Telling, Uitkomst
from wijkcheck.sortering import Sortering


class Kolom(Result):
    """A condition shown as a column."""

    id: str
    titel: str


class Score(Result):
    """Checklist score of a wijk: `voldaan` of `van` items met."""

    voldaan: int
    van: int


class OverzichtRij(Result):
    wijk: str
    kern: str
    inwoners: int
    voorwaarden: dict[str, Uitkomst]
    score: Score
    items: Telling
    problemen: bool
    voorbeelddata: bool
    verouderde_gegevens: bool


class Overzicht(Result):
    """All wijken of one gemeente × the conditions, with the checklist score."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["overzicht"] = "overzicht"
    gemeente: str
    checklist: ChecklistInfo
    auditdatum: dt.date
    voorwaarden: list[Kolom]
    aantal_items: int
    sortering: Sortering
    alleen_problemen: bool
    rijen: list[OverzichtRij]
    totalen: dict[str, Telling]
    weggelaten: int
    ontbrekende_wijken: list[str]
    voorbeelddata: bool
    verouderde_gegevens: bool


def rij(rapport: Rapport, inwoners: float) -> OverzichtRij:
    alle = rapport.voorwaarden + rapport.items
    return OverzichtRij(
        wijk=rapport.wijk,
        kern=rapport.kern,
        inwoners=round(inwoners),
        voorwaarden={r.id: r.uitkomst for r in rapport.voorwaarden},
        score=Score(voldaan=rapport.samenvatting_items.voldaan, van=len(rapport.items)),
        items=rapport.samenvatting_items,
        problemen=any(r.uitkomst is Uitkomst.NIET_VOLDAAN for r in alle),
        voorbeelddata=rapport.voorbeelddata,
        verouderde_gegevens=rapport.verouderde_gegevens,
    )


def _telling(uitkomsten: list[Uitkomst]) -> Telling:
    return Telling(
        voldaan=uitkomsten.count(Uitkomst.VOLDAAN),
        niet_voldaan=uitkomsten.count(Uitkomst.NIET_VOLDAAN),
        onbekend=uitkomsten.count(Uitkomst.ONBEKEND),
    )


def _sorteer(rijen: list[OverzichtRij], sortering: Sortering, gemeente: Gemeente) -> None:
    if sortering is Sortering.NAAM:
        rijen.sort(key=lambda r: sleutel(r.wijk))
    elif sortering is Sortering.PROBLEMEN:

        def ernst(r: OverzichtRij) -> tuple[int, int, float, str]:
            uitkomsten = list(r.voorwaarden.values())
            return (
                -uitkomsten.count(Uitkomst.NIET_VOLDAAN),
                -uitkomsten.count(Uitkomst.ONBEKEND),
                r.score.voldaan / r.score.van if r.score.van else 1.0,
                sleutel(r.wijk),
            )

        rijen.sort(key=ernst)
    else:
        volgorde = {sleutel(w): i for i, ws in enumerate(gemeente.kernen.values()) for w in ws}
        rijen.sort(key=lambda r: (volgorde.get(sleutel(r.wijk), len(volgorde)), sleutel(r.wijk)))


def overzicht(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    *,
    sortering: Sortering = Sortering.KERN,
    alleen_problemen: bool = False,
) -> Overzicht:
    """Audit every wijk of `gemeente` on `datum` and gather the outcomes in one matrix.

    Totals count the rows shown; `weggelaten` says how many wijken `alleen_problemen` left out.
    """
    alle = [
        rij(engine.audit(checklist, gemeente, w, wijken, datum), w.inwoners.waarde) for w in wijken
    ]
    rijen = [r for r in alle if r.problemen or not alleen_problemen]
    _sorteer(rijen, sortering, gemeente)
    aanwezig = {sleutel(w.naam) for w in wijken}
    kolommen = [Kolom(id=id, titel=o.titel) for id, o in checklist.voorwaarden.items()]
    return Overzicht(
        gemeente=gemeente.naam,
        checklist=ChecklistInfo(
            id=checklist.id,
            naam=checklist.naam,
            versie=checklist.versie,
            maximale_ouderdom_maanden=checklist.maximale_ouderdom_maanden,
        ),
        auditdatum=datum,
        voorwaarden=kolommen,
        aantal_items=len(checklist.items),
        sortering=sortering,
        alleen_problemen=alleen_problemen,
        rijen=rijen,
        totalen={k.id: _telling([r.voorwaarden[k.id] for r in rijen]) for k in kolommen},
        weggelaten=len(alle) - len(rijen),
        ontbrekende_wijken=[
            w for ws in gemeente.kernen.values() for w in ws if sleutel(w) not in aanwezig
        ],
        voorbeelddata=any(r.voorbeelddata for r in rijen),
        verouderde_gegevens=any(r.verouderde_gegevens for r in rijen),
    )
