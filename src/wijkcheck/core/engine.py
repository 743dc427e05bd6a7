"""Evaluate a checklist against one wijk. Pure: data in, report out; no I/O, no printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, NamedTuple

from wijkcheck.core.checklist import Checklist, Onderwerp
from wijkcheck.core.models import Gemeente, Uitzondering, Wijk
from wijkcheck.core.names import getal
from wijkcheck.core.results import (
    ChecklistInfo,
    Rapport,
    Resultaat,
    Telling,
    Uitkomst,
    UitzonderingInfo,
)
from wijkcheck.core.rules import Context, FacilityIndex, beoordeel


def _context(
    checklist: Checklist,
    gemeente: Gemeente,
    wijk: Wijk | None,
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex | None,
    namen: bool = True,
) -> Context:
    return Context(
        soorten=checklist.soorten,
        indicatoren=checklist.indicatoren,
        rollen=checklist.rollen,
        max_ouderdom_maanden=checklist.maximale_ouderdom_maanden,
        gemeente=gemeente,
        wijk=wijk,
        wijken=wijken,
        datum=datum,
        facility_index=facility_index or FacilityIndex(gemeente, wijken, checklist.soorten),
        herkomst=checklist.herkomst,
        namen=namen,
    )


def _evaluate(ctx: Context, onderwerpen: dict[str, Onderwerp]) -> list[Resultaat]:
    return [beoordeel(o.regel, ctx, id, o.titel, o.beleidsbron) for id, o in onderwerpen.items()]


def geldende_uitzondering(
    uitzonderingen: Sequence[Uitzondering], onderwerp: str, datum: dt.date
) -> Uitzondering | None:
    """The exception for `onderwerp` that counts on `datum`: of those begun by then (no
    `sinds`, or `sinds` on or before it), the one that runs longest; it may have expired."""
    begonnen = [
        u
        for u in uitzonderingen
        if u.onderwerp == onderwerp and (u.sinds is None or u.sinds <= datum)
    ]
    return max(begonnen, key=lambda u: u.tot, default=None)


def met_uitzonderingen(
    resultaten: list[Resultaat],
    eigen: Sequence[Uitzondering],
    gemeente: Sequence[Uitzondering],
    datum: dt.date,
) -> list[Resultaat]:
    """`resultaten` with their exceptions applied: a result that is niet voldaan and has an
    exception valid on `datum` becomes `uitzondering`; with an expired one it stays niet
    voldaan and carries the exception (the report says since when). The wijk's own exception
    comes before one of its gemeente's."""
    if not eigen and not gemeente:
        return resultaten
    uit: list[Resultaat] = []
    for r in resultaten:
        if r.uitkomst is not Uitkomst.NIET_VOLDAAN:
            uit.append(r)
            continue
        herkomst: Literal["wijk", "gemeente"] = "wijk"
        u = geldende_uitzondering(eigen, r.id, datum)
        if u is None:
            herkomst, u = "gemeente", geldende_uitzondering(gemeente, r.id, datum)
        if u is None:
            uit.append(r)
            continue
        verlopen = u.tot < datum
        info = UitzonderingInfo(
            reden=u.reden,
            besloten_door=u.besloten_door,
            besluit=u.besluit,
            sinds=u.sinds,
            tot=u.tot,
            herkomst=herkomst,
            verlopen=verlopen,
            voorbeeld=u.voorbeeld,
        )
        uitkomst = Uitkomst.NIET_VOLDAAN if verlopen else Uitkomst.UITZONDERING
        update = {
            "uitkomst": uitkomst,
            "uitzondering": info,
            # the verdict rests on an invented decision only while it holds
            "voorbeeldgegevens": r.voorbeeldgegevens or (u.voorbeeld and not verlopen),
        }
        uit.append(r.model_copy(update=update))
    return uit


def per_wijk(onderwerpen: dict[str, Onderwerp]) -> dict[str, Onderwerp]:
    """The conditions or items judged per wijk: all but the gemeente-wide ones."""
    return {id: o for id, o in onderwerpen.items() if not o.regel.gemeentebreed()}


def gemeentebrede_onderwerpen(checklist: Checklist) -> dict[str, Onderwerp]:
    """Conditions and items whose outcome is the same for every wijk of a gemeente."""
    return {id: o for id, o in checklist.onderwerpen().items() if o.regel.gemeentebreed()}


def gemeentebreed(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex | None = None,
) -> list[Resultaat]:
    """Judge the gemeente-wide requirements once for `gemeente` (all its `wijken`)."""
    ctx = _context(checklist, gemeente, None, wijken, datum, facility_index)
    resultaten = _evaluate(ctx, gemeentebrede_onderwerpen(checklist))
    return met_uitzonderingen(resultaten, (), gemeente.uitzonderingen, datum)


def audit(
    checklist: Checklist,
    gemeente: Gemeente,
    wijk: Wijk,
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex | None = None,
    gemeentebrede: list[Resultaat] | None = None,
    *,
    namen: bool = True,
) -> Rapport:
    """Audit `wijk` (one of `wijken`, all wijken of `gemeente`) on `datum`.

    `facility_index`, the gemeente's facility index, and `gemeentebrede`, the gemeente-wide results,
    may be passed when auditing many wijken of one gemeente, so that each is made once (or use
    `audits`). With `namen=False` a count of facilities does not name them (`Context.namen`):
    the same outcomes and figures, for the overview, which shows outcomes only.
    """
    return audits(
        checklist, gemeente, [wijk], wijken, datum, facility_index, gemeentebrede, namen=namen
    )[0]


def audits(
    checklist: Checklist,
    gemeente: Gemeente,
    deze: Sequence[Wijk],
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex | None = None,
    gemeentebrede: list[Resultaat] | None = None,
    *,
    namen: bool = True,
) -> list[Rapport]:
    """`audit` of each wijk of `deze` (some of `wijken`): what is the same for every wijk of
    the gemeente (the facility index, the gemeente-wide results and what the reports take of
    them, the checklist as reports name it) is made once, not once per wijk."""
    facility_index = facility_index or FacilityIndex(gemeente, wijken, checklist.soorten)
    if gemeentebrede is None:
        gemeentebrede = gemeentebreed(checklist, gemeente, wijken, datum, facility_index)
    shared = _Shared.van(checklist, gemeentebrede)
    return [
        _audit(checklist, gemeente, w, wijken, datum, facility_index, shared, namen) for w in deze
    ]


class _Shared(NamedTuple):
    """What the reports of one gemeente's wijken share (`audits`)."""

    checklist: ChecklistInfo
    voorwaarden: dict[str, Onderwerp]
    items: dict[str, Onderwerp]
    gemeentebrede: list[Resultaat]
    samenvatting: Telling
    #: the gemeente-wide results rest on example data (or an example exception), on outdated
    #: figures; how many of them on a voorbeeldnorm
    voorbeeld: bool
    verouderd: bool
    voorbeeldnormen: int

    @classmethod
    def van(cls, checklist: Checklist, gemeentebrede: list[Resultaat]) -> _Shared:
        return cls(
            checklist=checklist.info(),
            voorwaarden=per_wijk(checklist.voorwaarden),
            items=per_wijk(checklist.items),
            gemeentebrede=gemeentebrede,
            samenvatting=Telling.van(gemeentebrede),
            voorbeeld=_voorbeeld(gemeentebrede),
            verouderd=any(r.verouderd for r in gemeentebrede),
            voorbeeldnormen=sum(r.voorbeeldnorm for r in gemeentebrede),
        )


def _voorbeeld(resultaten: Sequence[Resultaat]) -> bool:
    """Whether a figure of the results (or of their parts) is example data, or a result has
    an exception that is, valid or expired. A result's `voorbeeldgegevens` says the former for
    itself and its parts (`rules.beoordeel`), so their figures need not be walked again."""
    return any(
        r.voorbeeldgegevens or (r.uitzondering is not None and r.uitzondering.voorbeeld)
        for r in resultaten
    )


def _audit(
    checklist: Checklist,
    gemeente: Gemeente,
    wijk: Wijk,
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex,
    shared: _Shared,
    namen: bool,
) -> Rapport:
    basis = _context(checklist, gemeente, wijk, wijken, datum, facility_index, namen)
    hier, breed = wijk.uitzonderingen, gemeente.uitzonderingen
    voorwaarden = met_uitzonderingen(_evaluate(basis, shared.voorwaarden), hier, breed, datum)
    items = met_uitzonderingen(_evaluate(basis, shared.items), hier, breed, datum)
    eigen_resultaten = voorwaarden + items
    inwoners = (
        None
        if wijk.inwoners is None
        else basis.gegeven("inwoners", getal(wijk.inwoners.waarde), wijk.inwoners)
    )
    # a result's flags cover its figures and those of its parts (`rules.beoordeel`)
    voorbeeld = _voorbeeld(eigen_resultaten) or (inwoners is not None and inwoners.voorbeeld)
    verouderd = any(r.verouderd for r in eigen_resultaten) or (
        inwoners is not None and inwoners.verouderd
    )
    return Rapport(
        wijk=wijk.naam,
        kern=wijk.kern,
        gemeente=gemeente.naam,
        cbs_buurtcode=wijk.cbs_buurtcode,
        inwoners=inwoners,
        checklist=shared.checklist,
        auditdatum=datum,
        voorwaarden=voorwaarden,
        items=items,
        gemeentebreed=shared.gemeentebrede,
        samenvatting_voorwaarden=Telling.van(voorwaarden),
        samenvatting_items=Telling.van(items),
        samenvatting_gemeentebreed=shared.samenvatting,
        voorbeelddata=voorbeeld or shared.voorbeeld,
        verouderde_gegevens=verouderd or shared.verouderd,
        voorbeeldnormen=sum(r.voorbeeldnorm for r in eigen_resultaten) + shared.voorbeeldnormen,
    )
