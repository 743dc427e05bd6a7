"""What works where (`wijkcheck voorbeelden`): the good practices recorded in wijk files
(`wat_werkt`), per condition, beside the wijken where that condition is not met.

Source 000 asks for "goede voorbeelden / best practises" (resultaat 3), source 004 to "leer van
elkaar, kom er achter waarom iets in het ene gebied wel werkt en elders niet". Pure: the
gemeenten's `Deel`s (audited with `alles=True`, so every outcome is the one `wijkcheck audit`
gives) in, `GoedeVoorbeelden` out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.models import leeg
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.core.results import SCHEMA_VERSIE, ChecklistInfo, Result, Uitkomst
from wijkcheck.reports.overview import Deel, andere_checklists, gedeelde_checklist

Soort = Literal["voorwaarde", "item", "gemeentebreed"]


class Praktijk(Result):
    """One practice from a wijk file's `wat_werkt`, with where it is and how that wijk does."""

    gemeente: str
    wijk: str
    kern: str
    wat: str
    sinds: dt.date
    geschat: bool
    contact: str
    bron: str
    voorbeeld: bool
    toelichting: str | None
    #: the outcome of the condition in the practice's own wijk on the audit date: what works
    #: there need not be enough there
    uitkomst_hier: Uitkomst


class WijkRef(Result):
    """A wijk where the condition is not met (or unknown), and what that outcome rests on."""

    gemeente: str
    wijk: str
    kern: str
    #: None when the wijk file records no inhabitants
    inwoners: int | None
    voorbeeldgegevens: bool = False
    verouderd: bool = False


class VoorbeeldenBij(Result):
    """One condition (or item) with its practices and the wijken that could learn from them."""

    id: str
    titel: str
    soort: Soort
    praktijken: list[Praktijk]
    #: per-wijk conditions and items: where it is niet voldaan, and where it is unknown
    niet_voldaan: list[WijkRef]
    onbekend: list[WijkRef]
    voldaan: int
    #: where it is niet voldaan with a valid exception (counted apart, but still not met)
    uitzondering: list[WijkRef] = leeg(list)
    #: a gemeente-wide item: the gemeenten where it is niet voldaan
    gemeenten_niet_voldaan: list[str] = leeg(list)


class GoedeVoorbeelden(Result):
    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["goede-voorbeelden"] = "goede-voorbeelden"
    gemeente: str | None  # None for several gemeenten
    gemeenten: list[str]
    checklist: ChecklistInfo
    auditdatum: dt.date
    #: the condition asked for (`wijkcheck voorbeelden VOORWAARDE`), else None: all of them
    gevraagd: str | None
    onderwerpen: list[VoorbeeldenBij]
    #: practices for a condition or item this checklist does not judge (below a theme)
    niet_getoetst: int
    #: practices that began after the audit date: they did not exist then, so not shown
    later_begonnen: int
    ontbrekende_wijken: list[str]
    #: the titles of the conditions shown whose rule rests (in part) on a voorbeeldnorm
    voorbeeldnormen: list[str] = leeg(list)
    voorbeelddata: bool
    verouderde_gegevens: bool = False
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False

    @property
    def meerdere_gemeenten(self) -> bool:
        return len(self.gemeenten) > 1

    @property
    def praktijken(self) -> list[Praktijk]:
        return [p for o in self.onderwerpen for p in o.praktijken]


def kies(delen: Sequence[Deel], gevraagd: str) -> str:
    """The id of the condition or item asked for, by id or title, forgivingly (as `explain`);
    an unknown name or one the checklist does not judge is an error with suggestions."""
    onderwerpen = delen[0].onderwerpen if delen else {}
    key = sleutel(gevraagd)
    gevonden = [i for i, (titel, _) in onderwerpen.items() if key in (sleutel(i), sleutel(titel))]
    if not gevonden:
        gevonden = [
            i for i, (titel, _) in onderwerpen.items() if key and key in sleutel(f"{i} {titel}")
        ]
    if len(gevonden) == 1:
        id = gevonden[0]
        if onderwerpen[id][1] == "niet getoetst":
            raise WijkcheckError.single(
                Span(""),
                f"'{id}' is een voorwaarde of item van de checklist van de gemeente; de gekozen "
                f"thema-checklist ({delen[0].checklist.naam}) toetst die niet. Laat --checklist "
                "weg, of kies een voorwaarde van het thema",
                ids.NIET_GETOETST,
            )
        return id
    keuzes = [i for i, (_, s) in onderwerpen.items() if s != "niet getoetst"]
    hint = (
        bedoelde_u(gevraagd, keuzes)
        if not gevonden
        else " Bedoelde u " + " of ".join(f"'{i}'" for i in gevonden) + "?"
    )
    raise WijkcheckError.single(
        Span(""),
        f"onbekende voorwaarde of item '{gevraagd}'.{hint} Kies uit: {', '.join(keuzes)}",
        ids.ONBEKEND_ONDERWERP,
    )


def goede_voorbeelden(
    delen: Sequence[Deel], datum: dt.date, gevraagd: str | None = None
) -> GoedeVoorbeelden:
    """The practices of every wijk of `delen` (one or more gemeenten with one checklist), per
    condition: all per-wijk conditions and whatever else has practices, or only `gevraagd`."""
    if not delen:
        raise ValueError("good practices need at least one gemeente")
    fout = andere_checklists(delen)
    if fout is not None:
        raise fout
    delen = sorted(delen, key=lambda d: sleutel(d.gemeente))
    eerste = delen[0]
    id_gevraagd = kies(delen, gevraagd) if gevraagd is not None else None
    onderwerpen = eerste.onderwerpen
    praktijken: dict[str, list[Praktijk]] = {}
    later = niet_getoetst = 0
    for d in delen:
        eens = {r.id: r.uitkomst for r in d.gemeentebreed.resultaten}
        for r, uitkomsten, wat_werkt in _op_volgorde(d):
            for p in wat_werkt:
                soort = onderwerpen.get(p.voorwaarde, ("", "niet getoetst"))[1]
                if soort == "niet getoetst":
                    niet_getoetst += 1
                    continue
                if p.sinds > datum:
                    later += 1
                    continue
                hier = uitkomsten[p.voorwaarde][0] if p.voorwaarde in uitkomsten else None
                hier = hier or eens.get(p.voorwaarde, Uitkomst.ONBEKEND)
                praktijken.setdefault(p.voorwaarde, []).append(
                    Praktijk(
                        gemeente=r.gemeente,
                        wijk=r.wijk,
                        kern=r.kern,
                        wat=p.wat,
                        sinds=p.sinds,
                        geschat=p.geschat,
                        contact=p.contact,
                        bron=p.bron,
                        voorbeeld=p.voorbeeld,
                        toelichting=p.toelichting,
                        uitkomst_hier=hier,
                    )
                )
    if id_gevraagd is not None:
        ids = [id_gevraagd]
    else:  # every condition judged per wijk, then what else has practices, in checklist order
        ids = [i for i, (_, s) in onderwerpen.items() if s == "voorwaarde" or i in praktijken]
    groepen = [_groep(id, onderwerpen[id], praktijken.get(id, []), delen) for id in ids]
    voorbeeldnormen = {k.titel for k in eerste.voorwaarden if k.voorbeeldnorm}
    voorbeeldnormen |= set(eerste.voorbeeldnorm_items)
    meer = len(delen) > 1
    return GoedeVoorbeelden(
        gemeente=None if meer else eerste.gemeente,
        gemeenten=[d.gemeente for d in delen],
        checklist=gedeelde_checklist(delen),
        auditdatum=datum,
        gevraagd=id_gevraagd,
        onderwerpen=groepen,
        niet_getoetst=niet_getoetst,
        later_begonnen=later,
        ontbrekende_wijken=[
            f"{w} ({d.gemeente})" if meer else w for d in delen for w in d.ontbrekende_wijken
        ],
        voorbeeldnormen=[g.titel for g in groepen if g.titel in voorbeeldnormen],
        voorbeelddata=any(p.voorbeeld for g in groepen for p in g.praktijken)
        or any(w.voorbeeldgegevens for g in groepen for w in g.niet_voldaan + g.onbekend),
        verouderde_gegevens=any(w.verouderd for g in groepen for w in g.niet_voldaan + g.onbekend),
    )


def _groep(
    id: str, onderwerp: tuple[str, str], praktijken: list[Praktijk], delen: Sequence[Deel]
) -> VoorbeeldenBij:
    titel, soort = onderwerp
    wijken: dict[Uitkomst, list[WijkRef]] = {u: [] for u in Uitkomst}
    gemeenten: list[str] = []
    for d in delen:
        if soort == "gemeentebreed":
            eens = {r.id: r.uitkomst for r in d.gemeentebreed.resultaten}
            if eens.get(id) is Uitkomst.NIET_VOLDAAN:
                gemeenten.append(d.gemeente)
            continue
        for r, uitkomsten, _ in _op_volgorde(d):
            uitkomst, voorbeeld, oud = uitkomsten[id]
            wijken[uitkomst].append(
                WijkRef(
                    gemeente=r.gemeente,
                    wijk=r.wijk,
                    kern=r.kern,
                    inwoners=r.inwoners,
                    voorbeeldgegevens=voorbeeld,
                    verouderd=oud,
                )
            )
    return VoorbeeldenBij(
        id=id,
        titel=titel,
        soort=_SOORTEN[soort],
        praktijken=praktijken,
        niet_voldaan=wijken[Uitkomst.NIET_VOLDAAN],
        onbekend=wijken[Uitkomst.ONBEKEND],
        voldaan=len(wijken[Uitkomst.VOLDAAN]),
        uitzondering=wijken[Uitkomst.UITZONDERING],
        gemeenten_niet_voldaan=gemeenten,
    )


_SOORTEN: dict[str, Soort] = {
    "voorwaarde": "voorwaarde",
    "item": "item",
    "gemeentebreed": "gemeentebreed",
}


def _op_volgorde(d: Deel):
    """The rows of a gemeente with their outcomes and practices, in the order of gemeente.yaml
    (kern by kern), as the overview shows them."""
    rijen = zip(d.rijen, d.uitkomsten, d.wat_werkt, strict=True)
    return sorted(rijen, key=lambda r: d.volgorde.get(sleutel(r[0].wijk), len(d.volgorde)))
