"""Then and now: one wijk's audit at an earlier moment beside its audit now (`compare`), and
per wijk of an overview how many conditions improved or worsened (`overview --sinds`).

Pure: two reports in, a `Vergelijking` out. What changed is read from the reports themselves
(the figures each result used, the facilities it counted, what it required), so that a saved
JSON report compares as well as data from a git revision or another folder.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from wijkcheck.core.models import leeg
from wijkcheck.core.names import datum, sleutel
from wijkcheck.core.results import (
    SCHEMA_VERSIE,
    ChecklistInfo,
    GebruiktGegeven,
    Rapport,
    Result,
    Resultaat,
    Uitkomst,
)
from wijkcheck.reports.overview import Overzicht, Score


class Verandering(StrEnum):
    VERBETERD = "verbeterd"
    VERSLECHTERD = "verslechterd"
    GELIJK = "gelijk"
    NIEUW = "nieuw"
    VERVALLEN = "vervallen"
    #: onbekend on one side only: no order between a verdict and no verdict
    NIET_VERGELIJKBAAR = "niet vergelijkbaar"

    @property
    def symbool(self) -> str:
        return _SYMBOLEN[self]


_SYMBOLEN = {
    Verandering.VERBETERD: "↑",
    Verandering.VERSLECHTERD: "↓",
    Verandering.GELIJK: "=",
    Verandering.NIEUW: "+",
    Verandering.VERVALLEN: "−",
    Verandering.NIET_VERGELIJKBAAR: "?",
}

#: The order of outcomes, best first; an outcome without a rank (onbekend) is not comparable
#: with any other. An exception ranks with niet voldaan: a decision changes nothing in what was
#: measured, so an exception that began or ended is no improvement or decline; it is listed
#: among what changed. A new outcome is one line here.
RANG: dict[Uitkomst, int | None] = {
    Uitkomst.VOLDAAN: 2,
    Uitkomst.UITZONDERING: 1,
    Uitkomst.NIET_VOLDAAN: 1,
    Uitkomst.ONBEKEND: None,
}


def verandering(toen: Uitkomst | None, nu: Uitkomst | None) -> Verandering:
    """How an outcome changed; None: the condition or item did not exist on that side."""
    if toen is None:
        return Verandering.NIEUW
    if nu is None:
        return Verandering.VERVALLEN
    if toen is nu:
        return Verandering.GELIJK
    a, b = RANG[toen], RANG[nu]
    if a is None or b is None:
        return Verandering.NIET_VERGELIJKBAAR
    if a == b:
        return Verandering.GELIJK
    return Verandering.VERBETERD if b > a else Verandering.VERSLECHTERD


class Wijziging(Result):
    """One thing that changed in the data between then and now."""

    soort: Literal[
        "cijfer",
        "voorziening erbij",
        "voorziening weg",
        "eis",
        "uitzondering",
        "inwoners",
        "checklist",
    ]
    wat: str
    toen: str = ""
    nu: str = ""


class VergelekenResultaat(Result):
    """One condition or item, then and now."""

    id: str
    titel: str
    #: voorwaarden, items or gemeentebreed
    sectie: Literal["voorwaarden", "items", "gemeentebreed"]
    toen: Uitkomst | None
    nu: Uitkomst | None
    verandering: Verandering
    gemeten_toen: str = ""
    gemeten_nu: str = ""
    vereist_toen: str = ""
    vereist_nu: str = ""
    #: what changed in the data this outcome rests on (explains a change of outcome)
    wijzigingen: list[Wijziging] = leeg(list)
    voorbeeldnorm: bool = False
    voorbeeldgegevens: bool = False


class Tellingen(Result):
    """How many conditions and items changed which way."""

    verbeterd: int = 0
    verslechterd: int = 0
    gelijk: int = 0
    nieuw: int = 0
    vervallen: int = 0
    niet_vergelijkbaar: int = 0

    @classmethod
    def van(cls, veranderingen: list[Verandering]) -> Tellingen:
        return cls(**{v.name.lower(): veranderingen.count(v) for v in Verandering})

    def aantal(self, v: Verandering) -> int:
        return int(getattr(self, v.name.lower()))

    def tekst(self) -> str:
        delen = [f"{self.aantal(v)} {v.value}" for v in Verandering if self.aantal(v)]
        return " · ".join(delen) or "niets"


class Vergelijking(Result):
    """One wijk then (REF) and now."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["vergelijking"] = "vergelijking"
    wijk: str
    kern: str
    gemeente: str
    #: the earlier side as the user named it, e.g. `git-revisie HEAD~1 (3f2a9c1, 2025-06-01)`
    sinds: str
    auditdatum_toen: dt.date
    auditdatum: dt.date
    inwoners_toen: GebruiktGegeven | None
    inwoners: GebruiktGegeven | None
    checklist_toen: ChecklistInfo
    checklist: ChecklistInfo
    resultaten: list[VergelekenResultaat]
    samenvatting_voorwaarden: Tellingen
    samenvatting_items: Tellingen
    #: changes of the wijk itself and of the checklist as a whole
    algemeen: list[Wijziging] = leeg(list)
    voorbeelddata: bool = False
    verouderde_gegevens: bool = False
    voorbeeldnormen: int = 0
    meegeleverde_gegevens: bool = False


def _gegeven_tekst(g: GebruiktGegeven) -> str:
    geschat = ", geschat" if g.geschat else ""
    return f"{g.waarde} ({g.bron}, {datum(g.peildatum)}{geschat})"


def _voorzieningen(r: Resultaat) -> list[str]:
    alle: dict[str, None] = {}
    rij = [r]
    for x in rij:
        alle.update(dict.fromkeys(x.voorzieningen))
        rij.extend(x.onderdelen)
    return list(alle)


def wijzigingen(toen: Resultaat, nu: Resultaat) -> list[Wijziging]:
    """What changed between two judgements of one condition or item: its figures, the
    facilities it counted, its requirement, its exception."""
    out: list[Wijziging] = []
    va, vb = _voorzieningen(toen), _voorzieningen(nu)
    weg, erbij = [v for v in va if v not in vb], [v for v in vb if v not in va]
    oud = {g.wat: g for g in toen.alle_gegevens()}
    nieuw = {g.wat: g for g in nu.alle_gegevens()}
    for wat in dict.fromkeys([*oud, *nieuw]):
        a, b = oud.get(wat), nieuw.get(wat)
        ta = _gegeven_tekst(a) if a else "—"
        tb = _gegeven_tekst(b) if b else "—"
        # a facility that came or went is said once, as a facility, below
        als_voorziening = (a is None and _naam_van(b, erbij)) or (b is None and _naam_van(a, weg))
        if ta != tb and not als_voorziening:
            out.append(Wijziging(soort="cijfer", wat=wat, toen=ta, nu=tb))
    # facilities first: what came or went explains most
    out[:0] = [
        *(Wijziging(soort="voorziening erbij", wat=v, nu=v) for v in erbij),
        *(Wijziging(soort="voorziening weg", wat=v, toen=v) for v in weg),
    ]
    out += _eisen(toen, nu)
    ua, ub = _uitzondering(toen), _uitzondering(nu)
    if ua != ub:
        out.append(Wijziging(soort="uitzondering", wat="uitzondering", toen=ua, nu=ub))
    return out


def _naam_van(g: GebruiktGegeven | None, namen: list[str]) -> bool:
    """The figure is the record of one of these facilities (its value starts with the name)."""
    return g is not None and any(g.waarde == n or g.waarde.startswith(n + ",") for n in namen)


def _eisen(toen: Resultaat, nu: Resultaat) -> list[Wijziging]:
    """The requirements (thresholds, rules) that differ, of the result and its parts (matched
    by id, else by title)."""
    out = []
    if (toen.vereist, toen.norm, toen.regel) != (nu.vereist, nu.norm, nu.regel):
        alleen = toen.vereist != nu.vereist  # the threshold alone says it; else its basis too
        out.append(
            Wijziging(
                soort="eis",
                wat=nu.titel,
                toen=toen.vereist if alleen else _eis(toen),
                nu=nu.vereist if alleen else _eis(nu),
            )
        )
    oud = {(d.id or d.titel): d for d in toen.onderdelen}
    for d in nu.onderdelen:
        a = oud.get(d.id or d.titel)
        if a is not None:
            out += _eisen(a, d)
    return out


def _eis(r: Resultaat) -> str:
    return r.vereist + (f" ({r.norm})" if r.norm else "")


def _uitzondering(r: Resultaat) -> str:
    u = r.uitzondering
    if u is None:
        return "geen"
    return f"tot {datum(u.tot)} ({u.besluit}){', verlopen' if u.verlopen else ''}"


def _secties(r: Rapport) -> dict[str, tuple[str, Resultaat]]:
    out: dict[str, tuple[str, Resultaat]] = {}
    for sectie, lijst in (
        ("voorwaarden", r.voorwaarden),
        ("items", r.items),
        ("gemeentebreed", r.gemeentebreed),
    ):
        for x in lijst:
            out.setdefault(x.id, (sectie, x))
    return out


def _checklist_wijzigingen(a: ChecklistInfo, b: ChecklistInfo) -> list[Wijziging]:
    out = []
    if (a.id, a.versie) != (b.id, b.versie):
        out.append(
            Wijziging(
                soort="checklist",
                wat="checklist",
                toen=f"{a.naam}, versie {a.versie}",
                nu=f"{b.naam}, versie {b.versie}",
            )
        )
    if a.maximale_ouderdom_maanden != b.maximale_ouderdom_maanden:
        out.append(
            Wijziging(
                soort="checklist",
                wat="maximale ouderdom van cijfers",
                toen=f"{a.maximale_ouderdom_maanden} maanden",
                nu=f"{b.maximale_ouderdom_maanden} maanden",
            )
        )
    return out


def vergelijk(toen: Rapport, nu: Rapport, sinds: str) -> Vergelijking:
    """One wijk's audit then beside its audit now."""
    oud, nieuw = _secties(toen), _secties(nu)
    resultaten: list[VergelekenResultaat] = []
    # now's order first, then what is gone (in then's order)
    for rid in [*nieuw, *(k for k in oud if k not in nieuw)]:
        a = oud.get(rid)
        b = nieuw.get(rid)
        sectie, basis = b if b is not None else a  # type: ignore[misc]
        ra = a[1] if a else None
        rb = b[1] if b else None
        resultaten.append(
            VergelekenResultaat(
                id=rid,
                titel=basis.titel,
                sectie=sectie,
                toen=ra.uitkomst if ra else None,
                nu=rb.uitkomst if rb else None,
                verandering=verandering(ra.uitkomst if ra else None, rb.uitkomst if rb else None),
                gemeten_toen=ra.gemeten if ra else "",
                gemeten_nu=rb.gemeten if rb else "",
                vereist_toen=ra.vereist if ra else "",
                vereist_nu=rb.vereist if rb else "",
                wijzigingen=wijzigingen(ra, rb) if ra and rb else [],
                voorbeeldnorm=bool((ra and ra.voorbeeldnorm) or (rb and rb.voorbeeldnorm)),
                voorbeeldgegevens=bool(
                    (ra and ra.voorbeeldgegevens) or (rb and rb.voorbeeldgegevens)
                ),
            )
        )
    algemeen: list[Wijziging] = []
    ia, ib = toen.inwoners, nu.inwoners
    ta = _gegeven_tekst(ia) if ia else "onbekend"
    tb = _gegeven_tekst(ib) if ib else "onbekend"
    if ta != tb:
        algemeen.append(Wijziging(soort="inwoners", wat="inwoners", toen=ta, nu=tb))
    algemeen += _checklist_wijzigingen(toen.checklist, nu.checklist)

    def tel(sectie: str) -> Tellingen:
        return Tellingen.van([r.verandering for r in resultaten if r.sectie == sectie])

    return Vergelijking(
        wijk=nu.wijk,
        kern=nu.kern,
        gemeente=nu.gemeente,
        sinds=sinds,
        auditdatum_toen=toen.auditdatum,
        auditdatum=nu.auditdatum,
        inwoners_toen=toen.inwoners,
        inwoners=nu.inwoners,
        checklist_toen=toen.checklist,
        checklist=nu.checklist,
        resultaten=resultaten,
        samenvatting_voorwaarden=tel("voorwaarden"),
        samenvatting_items=tel("items"),
        algemeen=algemeen,
        voorbeelddata=toen.voorbeelddata or nu.voorbeelddata,
        verouderde_gegevens=toen.verouderde_gegevens or nu.verouderde_gegevens,
        voorbeeldnormen=sum(1 for r in resultaten if r.voorbeeldnorm),
        meegeleverde_gegevens=nu.meegeleverde_gegevens,
    )


# -- overview --sinds: per wijk, how many conditions improved or worsened ---------------------


class VoorwaardeVerandering(Result):
    toen: Uitkomst | None
    nu: Uitkomst | None
    verandering: Verandering


class WijkVerandering(Result):
    """One wijk of the overview now beside the same wijk then."""

    gemeente: str
    wijk: str
    kern: str
    #: per condition id (the columns of the overview now)
    voorwaarden: dict[str, VoorwaardeVerandering]
    telling: Tellingen
    #: the checklist score then and now (`10 van 14`); None: the wijk was not there then
    score_toen: str | None
    score_nu: str
    #: the wijk has no row in the overview then
    nieuw: bool = False


class OverzichtSinds(Result):
    """An overview now, with per wijk what changed in its conditions since REF."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["overzicht-sinds"] = "overzicht-sinds"
    sinds: str
    auditdatum_toen: dt.date
    overzicht: Overzicht
    wijken: list[WijkVerandering]
    #: wijken in the overview then that are not in it now
    vervallen_wijken: list[str] = leeg(list)
    #: all conditions of all wijken together
    totaal: Tellingen
    meegeleverde_gegevens: bool = False


def _score(s: Score) -> str:
    return f"{s.voldaan} van {s.van}"


def vergelijk_overzicht(toen: Overzicht, nu: Overzicht, sinds: str) -> OverzichtSinds:
    """Per wijk of the overview now: each condition then and now, and how many improved."""
    oud = {(sleutel(r.gemeente), sleutel(r.wijk)): r for r in toen.rijen}
    wijken = []
    alle: list[Verandering] = []
    gezien = set()
    for r in nu.rijen:
        sleutel_ = (sleutel(r.gemeente), sleutel(r.wijk))
        gezien.add(sleutel_)
        a = oud.get(sleutel_)
        per: dict[str, VoorwaardeVerandering] = {}
        for k in nu.voorwaarden:
            u_toen = a.voorwaarden.get(k.id) if a else None
            u_nu = r.voorwaarden.get(k.id)
            per[k.id] = VoorwaardeVerandering(
                toen=u_toen, nu=u_nu, verandering=verandering(u_toen, u_nu)
            )
        veranderingen = [v.verandering for v in per.values()]
        alle += veranderingen
        wijken.append(
            WijkVerandering(
                gemeente=r.gemeente,
                wijk=r.wijk,
                kern=r.kern,
                voorwaarden=per,
                telling=Tellingen.van(veranderingen),
                score_toen=_score(a.score) if a else None,
                score_nu=_score(r.score),
                nieuw=a is None,
            )
        )
    # a wijk left out now by --alleen-problemen is not gone
    vervallen = [] if nu.alleen_problemen else [r.wijk for k, r in oud.items() if k not in gezien]
    return OverzichtSinds(
        sinds=sinds,
        auditdatum_toen=toen.auditdatum,
        overzicht=nu,
        wijken=wijken,
        vervallen_wijken=vervallen,
        totaal=Tellingen.van(alle),
        meegeleverde_gegevens=nu.meegeleverde_gegevens,
    )
