"""The overview of all wijken of one or more gemeenten: the conditions and the checklist score
per wijk.

Pure: data in, `Overzicht` out. It runs the engine once per wijk, so every cell says exactly
what `wijkcheck audit` says for that wijk on that date. A gemeente's rows are computed on their
own (`deel`) and put together afterwards (`samenvoegen`), so that gemeenten can be audited in
separate processes (`wijkcheck.reports.batch`) and only compact rows travel back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wijkcheck.core import engine
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.models import Gemeente, Wijk, leeg
from wijkcheck.core.names import sleutel
from wijkcheck.core.ordering import Sortering
from wijkcheck.core.results import (
    SCHEMA_VERSIE,
    ChecklistInfo,
    GebruiktGegeven,
    Rapport,
    Result,
    Resultaat,
    Telling,
    Uitkomst,
)
from wijkcheck.core.rules import Plekken


class Kolom(Result):
    """A condition shown as a column."""

    id: str
    titel: str
    #: its rule has a threshold nobody adopted
    voorbeeldnorm: bool = False


class Score(Result):
    """Checklist score of a wijk: `voldaan` of `van` items met, and how many are not met or
    unknown (the gemeente-wide items are not part of it)."""

    voldaan: int
    van: int
    niet_voldaan: int = 0
    onbekend: int = 0


class GemeentebreedUitkomst(Result):
    """A requirement judged once for a whole gemeente."""

    id: str
    titel: str
    uitkomst: Uitkomst
    gemeten: str
    voorbeeldgegevens: bool
    verouderd: bool
    voorbeeldnorm: bool


class Gemeentebreed(Result):
    """The gemeente-wide requirements of one gemeente: shown once, in no wijk's score."""

    gemeente: str
    resultaten: list[GemeentebreedUitkomst]
    telling: Telling


class OverzichtRij(Result):
    gemeente: str
    wijk: str
    kern: str
    inwoners: int
    voorwaarden: dict[str, Uitkomst]
    score: Score
    items: Telling
    problemen: bool
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: Which figures are older than the checklist allows (`Rapport.verouderde_cijfers`).
    verouderde_cijfers: list[GebruiktGegeven] = leeg(list)


class Overzicht(Result):
    """All wijken of one or more gemeenten × the conditions, with the checklist score."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["overzicht"] = "overzicht"
    gemeente: str | None  # None when the overview covers several gemeenten
    gemeenten: list[str]
    checklist: ChecklistInfo
    auditdatum: dt.date
    voorwaarden: list[Kolom]
    aantal_items: int
    sortering: Sortering
    alleen_problemen: bool
    rijen: list[OverzichtRij]
    #: per gemeente, the requirements judged once for the whole gemeente
    gemeentebreed: list[Gemeentebreed]
    #: the checklist items whose rule rests (in part) on a voorbeeldnorm
    voorbeeldnorm_items: list[str] = leeg(list)
    totalen: dict[str, Telling]
    weggelaten: int
    ontbrekende_wijken: list[str]
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False

    @property
    def meerdere_gemeenten(self) -> bool:
        return len(self.gemeenten) > 1


@dataclass(frozen=True, slots=True)
class Deel:
    """The overview's rows of one gemeente: what a worker process sends back (no reports)."""

    gemeente: str
    checklist: ChecklistInfo
    voorwaarden: tuple[Kolom, ...]
    aantal_items: int
    rijen: tuple[OverzichtRij, ...]
    gemeentebreed: Gemeentebreed
    voorbeeldnorm_items: tuple[str, ...]
    volgorde: dict[str, int]  # wijk key → its place in gemeente.yaml (kern by kern)
    ontbrekende_wijken: tuple[str, ...]

    @property
    def checklist_sleutel(self) -> tuple[str, str, tuple[str, ...]]:
        """One matrix needs one checklist: the same id, version and conditions."""
        return self.checklist.id, self.checklist.versie, tuple(k.id for k in self.voorwaarden)


def _gemeentebreed(gemeente: str, resultaten: Sequence[Resultaat]) -> Gemeentebreed:
    return Gemeentebreed(
        gemeente=gemeente,
        resultaten=[
            GemeentebreedUitkomst(
                id=r.id,
                titel=r.titel,
                uitkomst=r.uitkomst,
                gemeten=r.gemeten,
                voorbeeldgegevens=r.voorbeeldgegevens,
                verouderd=r.verouderd,
                voorbeeldnorm=r.voorbeeldnorm,
            )
            for r in resultaten
        ],
        telling=Telling.van(list(resultaten)),
    )


def rij(rapport: Rapport, inwoners: float) -> OverzichtRij:
    alle = rapport.voorwaarden + rapport.items
    return OverzichtRij(
        gemeente=rapport.gemeente,
        wijk=rapport.wijk,
        kern=rapport.kern,
        inwoners=round(inwoners),
        voorwaarden={r.id: r.uitkomst for r in rapport.voorwaarden},
        score=Score(
            voldaan=rapport.samenvatting_items.voldaan,
            van=len(rapport.items),
            niet_voldaan=rapport.samenvatting_items.niet_voldaan,
            onbekend=rapport.samenvatting_items.onbekend,
        ),
        items=rapport.samenvatting_items,
        problemen=any(r.uitkomst is Uitkomst.NIET_VOLDAAN for r in alle),
        voorbeelddata=rapport.voorbeelddata,
        verouderde_gegevens=rapport.verouderde_gegevens,
        verouderde_cijfers=rapport.verouderde_cijfers(),
    )


def _telling(uitkomsten: list[Uitkomst]) -> Telling:
    return Telling(
        voldaan=uitkomsten.count(Uitkomst.VOLDAAN),
        niet_voldaan=uitkomsten.count(Uitkomst.NIET_VOLDAAN),
        onbekend=uitkomsten.count(Uitkomst.ONBEKEND),
    )


def _sorteer(rijen: list[OverzichtRij], sortering: Sortering, delen: Sequence[Deel]) -> None:
    # Ties between gemeenten go by gemeente, in the order of `delen`.
    plaats = {d.gemeente: i for i, d in enumerate(delen)}
    if sortering is Sortering.NAAM:
        rijen.sort(key=lambda r: (sleutel(r.wijk), plaats[r.gemeente]))
    elif sortering is Sortering.PROBLEMEN:

        def ernst(r: OverzichtRij) -> tuple[int, int, float, str, int]:
            uitkomsten = list(r.voorwaarden.values())
            return (
                -uitkomsten.count(Uitkomst.NIET_VOLDAAN),
                -uitkomsten.count(Uitkomst.ONBEKEND),
                r.score.voldaan / r.score.van if r.score.van else 1.0,
                sleutel(r.wijk),
                plaats[r.gemeente],
            )

        rijen.sort(key=ernst)
    else:
        volgorde = {d.gemeente: d.volgorde for d in delen}

        def kern(r: OverzichtRij) -> tuple[int, int, str]:
            eigen = volgorde[r.gemeente]
            return plaats[r.gemeente], eigen.get(sleutel(r.wijk), len(eigen)), sleutel(r.wijk)

        rijen.sort(key=kern)


def deel(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    *,
    plekken: Plekken | None = None,
    eens: list[Resultaat] | None = None,
    van: slice | None = None,
) -> Deel:
    """Audit every wijk of `gemeente` on `datum`: its rows of the overview. With `van`, only
    the rows of those wijken (a part, audited by one of several processes); `plekken` and
    `eens` are the gemeente's facility index and gemeente-wide results, if made already."""
    aanwezig = {sleutel(w.naam) for w in wijken}
    plekken = plekken or Plekken(gemeente, wijken, checklist.soorten)
    if eens is None:
        eens = engine.gemeentebreed(checklist, gemeente, wijken, datum, plekken)
    voorwaarden = engine.per_wijk(checklist.voorwaarden)
    return Deel(
        gemeente=gemeente.naam,
        checklist=checklist.info(),
        voorwaarden=tuple(
            Kolom(
                id=id,
                titel=o.titel,
                voorbeeldnorm=any(n.voorbeeldnorm for n in o.regel.normen()),
            )
            for id, o in voorwaarden.items()
        ),
        aantal_items=len(engine.per_wijk(checklist.items)),
        rijen=tuple(
            rij(
                # outcomes only: a result need not name every facility of the kern
                engine.audit(checklist, gemeente, w, wijken, datum, plekken, eens, namen=False),
                w.inwoners.waarde,
            )
            for w in (wijken if van is None else wijken[van])
        ),
        gemeentebreed=_gemeentebreed(gemeente.naam, eens),
        voorbeeldnorm_items=tuple(
            o.titel
            for o in checklist.items.values()
            if any(n.voorbeeldnorm for n in o.regel.normen())
        ),
        volgorde={sleutel(w): i for i, ws in enumerate(gemeente.kernen.values()) for w in ws},
        ontbrekende_wijken=tuple(
            w for ws in gemeente.kernen.values() for w in ws if sleutel(w) not in aanwezig
        ),
    )


def andere_checklists(delen: Sequence[Deel]) -> WijkcheckError | None:
    """The error to give when the gemeenten do not share one checklist, else None."""
    groepen: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
    for d in delen:
        groepen.setdefault(d.checklist_sleutel, []).append(d.gemeente)
    if len(groepen) < 2:
        return None
    # the conditions are named only when they are what differs
    zelfde_naam = len({(id, versie) for id, versie, _ in groepen}) < len(groepen)
    regels = []
    for (id, versie, voorwaarden), namen in groepen.items():
        wat = f"{id} {versie}" + (f" (voorwaarden {', '.join(voorwaarden)})" if zelfde_naam else "")
        wie = ", ".join(namen[:5]) + (f" en {len(namen) - 5} andere" if len(namen) > 5 else "")
        regels.append(f"\n  {wat}: {wie}")
    return WijkcheckError.single(
        Span(""),
        "de gemeenten gebruiken verschillende checklists, en één overzicht toont er één:"
        + "".join(regels)
        + "\nKies één gemeente met --gemeente, of toets alle gemeenten aan dezelfde checklist "
        "met --checklist NAAM",
        "verschillende-checklists",
    )


def samenvoegen(
    delen: Sequence[Deel],
    datum: dt.date,
    *,
    sortering: Sortering = Sortering.KERN,
    alleen_problemen: bool = False,
) -> Overzicht:
    """One matrix of the rows of one or more gemeenten, which must share one checklist.

    Gemeenten are ordered by name. Totals count the rows shown; `weggelaten` says how many
    wijken `alleen_problemen` left out. Raises `WijkcheckError` when the checklists differ.
    """
    if not delen:
        raise ValueError("an overview needs at least one gemeente")
    fout = andere_checklists(delen)
    if fout is not None:
        raise fout
    delen = sorted(delen, key=lambda d: sleutel(d.gemeente))
    eerste = delen[0]
    alle = [r for d in delen for r in d.rijen]
    rijen = [r for r in alle if r.problemen or not alleen_problemen]
    _sorteer(rijen, sortering, delen)
    kolommen = list(eerste.voorwaarden)
    meer = len(delen) > 1
    return Overzicht(
        gemeente=None if meer else eerste.gemeente,
        gemeenten=[d.gemeente for d in delen],
        checklist=eerste.checklist,
        auditdatum=datum,
        voorwaarden=kolommen,
        aantal_items=eerste.aantal_items,
        sortering=sortering,
        alleen_problemen=alleen_problemen,
        rijen=rijen,
        gemeentebreed=[d.gemeentebreed for d in delen],
        voorbeeldnorm_items=list(eerste.voorbeeldnorm_items),
        totalen={k.id: _telling([r.voorwaarden[k.id] for r in rijen]) for k in kolommen},
        weggelaten=len(alle) - len(rijen),
        ontbrekende_wijken=[
            f"{w} ({d.gemeente})" if meer else w for d in delen for w in d.ontbrekende_wijken
        ],
        voorbeelddata=any(r.voorbeelddata for r in rijen)
        or any(u.voorbeeldgegevens for d in delen for u in d.gemeentebreed.resultaten),
        verouderde_gegevens=any(r.verouderde_gegevens for r in rijen)
        or any(u.verouderd for d in delen for u in d.gemeentebreed.resultaten),
    )


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
    return samenvoegen(
        [deel(checklist, gemeente, wijken, datum)],
        datum,
        sortering=sortering,
        alleen_problemen=alleen_problemen,
    )
