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
from dataclasses import dataclass, field
from typing import Literal

from wijkcheck.core import engine
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.checklist import Checklist
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.models import Gemeente, WatWerkt, Wijk, leeg
from wijkcheck.core.names import getal, sleutel
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
    verouderd,
    verouderd_in,
)
from wijkcheck.core.rules import FacilityIndex


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
    #: niet voldaan with a valid exception: counted apart, not as voldaan
    uitzondering: int = 0


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
    #: the CBS buurt or CBS wijk of the wijk (its file's `cbs_buurtcode`, `cbs_wijkcode`), by
    #: which the map finds its shape
    cbs_buurtcode: str | None = None
    cbs_wijkcode: str | None = None
    #: None: the wijk file does not give them (yet)
    inwoners: int | None
    voorwaarden: dict[str, Uitkomst]
    score: Score
    items: Telling
    problemen: bool
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: Which figures are older than the checklist allows (`Rapport.verouderde_cijfers`).
    verouderde_cijfers: list[GebruiktGegeven] = leeg(list)


class SomVoorwaarde(Result):
    """One condition over the wijken of a kern or gemeente: in how many wijken it is voldaan,
    niet voldaan or onbekend, and how many inhabitants live in those wijken."""

    wijken: Telling
    inwoners: Telling


class Som(Result):
    """The conditions summed over a kern, a gemeente or all gemeenten of an overview, by wijk
    and weighted by inhabitants ("62 % of the inhabitants live in a wijk where ... is met").

    Always over every wijk with a file, also when the overview shows only the wijken with
    problems. A wijk of gemeente.yaml without a file has no outcome and no inhabitants: it is
    named in `zonder_bestand`. A wijk whose file records no inhabitants has outcomes (counted by
    wijk) but no weight: it is named in `zonder_inwoners` and in no share of the inhabitants.
    Neither is ever counted as unknown inhabitants of some invented size."""

    niveau: Literal["kern", "gemeente", "alle"]
    #: the kern's or gemeente's name; for `alle`: "alle gemeenten"
    naam: str
    #: the gemeente of a kern or gemeente; None for `alle`
    gemeente: str | None
    #: wijken with a file, and their inhabitants together
    wijken: int
    inwoners: int
    #: of `inwoners`, how many are in wijken whose inhabitants figure is example data
    inwoners_voorbeeld: int = 0
    #: wijken that gemeente.yaml names but that have no file (outcome and inhabitants unknown)
    zonder_bestand: list[str] = leeg(list)
    #: wijken with a file that records no inhabitants: in the counts by wijk, in no share
    zonder_inwoners: list[str] = leeg(list)
    #: for a gemeente: its own inhabitants figure from gemeente.yaml (another source or date
    #: than the wijk files, so it need not be their sum); None when gemeente.yaml has none
    inwoners_gemeente: GebruiktGegeven | None = None
    voorwaarden: dict[str, SomVoorwaarde]

    def aandeel(self, voorwaarde: str, veld: str) -> float | None:
        """The share (0 to 1) of the inhabitants in wijken with this outcome (`voldaan`,
        `niet_voldaan`, `onbekend`) for `voorwaarde`; None when there are no inhabitants."""
        if not self.inwoners:
            return None
        return getattr(self.voorwaarden[voorwaarde].inwoners, veld) / self.inwoners


class Overzicht(Result):
    """All wijken of one or more gemeenten × the conditions, with the checklist score."""

    schema_versie: int = SCHEMA_VERSIE
    soort: Literal["overzicht"] = "overzicht"
    gemeente: str | None  # None when the overview covers several gemeenten
    gemeenten: list[str]
    #: the CBS code of each gemeente (`GM0797`), by name
    gemeente_codes: dict[str, str] = leeg(dict)
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
    #: folders of the data folder with YAML files but no gemeente.yaml, with how many YAML
    #: files each holds: not in this overview (only without --gemeente; `geen-gemeente`)
    zonder_gemeente: dict[str, int] = leeg(dict)
    voorbeelddata: bool
    verouderde_gegevens: bool
    #: Made from the example data shipped with wijkcheck: no data folder of the user's found.
    meegeleverde_gegevens: bool = False
    #: per kern, per gemeente (after its kernen) and, with several gemeenten, for all of them:
    #: the conditions by wijk and by inhabitants, over every wijk (also with alleen_problemen)
    sommen: list[Som] = leeg(list)

    @property
    def meerdere_gemeenten(self) -> bool:
        return len(self.gemeenten) > 1


@dataclass(frozen=True, slots=True)
class Deel:
    """The overview's rows of one gemeente: what a worker process sends back (no reports)."""

    gemeente: str
    cbs_code: str
    checklist: ChecklistInfo
    voorwaarden: tuple[Kolom, ...]
    aantal_items: int
    rijen: tuple[OverzichtRij, ...]
    gemeentebreed: Gemeentebreed
    voorbeeldnorm_items: tuple[str, ...]
    volgorde: dict[str, int]  # wijk key → its place in gemeente.yaml (kern by kern)
    ontbrekende_wijken: tuple[str, ...]
    #: the gemeente's kernen and then the gemeente itself, summed (`Som`)
    sommen: tuple[Som, ...] = ()
    #: only when asked for (`deel(alles=True)`), per row: the outcome of every condition and
    #: item judged per wijk (with whether it rests on example data, on outdated figures), and
    #: the wijk's good practices (`wat_werkt`)
    uitkomsten: tuple[dict[str, tuple[Uitkomst, bool, bool]], ...] = ()
    wat_werkt: tuple[tuple[WatWerkt, ...], ...] = ()
    #: only with `alles`: every condition and item id that the data may name → its title and
    #: what it is: "voorwaarde", "item", "gemeentebreed" or "niet getoetst" (below a theme)
    onderwerpen: dict[str, tuple[str, str]] = field(default_factory=dict)

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


def rij(
    rapport: Rapport, wijk: Wijk, gemeentebreed: Sequence[GebruiktGegeven] | None = None
) -> OverzichtRij:
    """The wijk's row. `gemeentebreed`: the outdated figures of its gemeente-wide results
    (`verouderd_in`), made once for the gemeente's rows."""
    alle = rapport.voorwaarden + rapport.items
    return OverzichtRij(
        gemeente=rapport.gemeente,
        wijk=rapport.wijk,
        kern=rapport.kern,
        cbs_buurtcode=rapport.cbs_buurtcode,
        cbs_wijkcode=wijk.cbs_wijkcode,
        inwoners=None if wijk.inwoners is None else round(wijk.inwoners.waarde),
        voorwaarden={r.id: r.uitkomst for r in rapport.voorwaarden},
        score=Score(
            voldaan=rapport.samenvatting_items.voldaan,
            van=len(rapport.items),
            niet_voldaan=rapport.samenvatting_items.niet_voldaan,
            onbekend=rapport.samenvatting_items.onbekend,
            uitzondering=rapport.samenvatting_items.uitzondering,
        ),
        items=rapport.samenvatting_items,
        problemen=any(r.uitkomst is Uitkomst.NIET_VOLDAAN for r in alle),
        voorbeelddata=rapport.voorbeelddata,
        verouderde_gegevens=rapport.verouderde_gegevens,
        verouderde_cijfers=rapport.verouderde_cijfers(gemeentebreed),
    )


def _telling(uitkomsten: list[Uitkomst]) -> Telling:
    return Telling.uit(uitkomsten)


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


class _Optelling:
    """Counts for a `Som`, added wijk by wijk (and Som by Som), for each condition."""

    def __init__(self, voorwaarden: Sequence[str]) -> None:
        self.wijken = self.inwoners = self.inwoners_voorbeeld = 0
        self.zonder_bestand: list[str] = []
        self.zonder_inwoners: list[str] = []
        # per condition: wijken per outcome (in the order of `Uitkomst`); inhabitants the same
        self.per = {k: [0] * (2 * _N) for k in voorwaarden}

    def wijk(self, rij: OverzichtRij, voorbeeld: bool) -> None:
        self.wijken += 1
        inwoners = rij.inwoners or 0
        if rij.inwoners is None:
            self.zonder_inwoners.append(rij.wijk)
        self.inwoners += inwoners
        self.inwoners_voorbeeld += inwoners if voorbeeld else 0
        for k, tel in self.per.items():
            i = _PLAATS[rij.voorwaarden[k]]
            tel[i] += 1
            tel[_N + i] += inwoners

    def som(self, som: Som) -> None:
        self.wijken += som.wijken
        self.inwoners += som.inwoners
        self.inwoners_voorbeeld += som.inwoners_voorbeeld
        self.zonder_bestand += som.zonder_bestand
        self.zonder_inwoners += som.zonder_inwoners
        for k, tel in self.per.items():
            s = som.voorwaarden[k]
            for i, waarde in enumerate((*_per_uitkomst(s.wijken), *_per_uitkomst(s.inwoners))):
                tel[i] += waarde

    def af(self, niveau: str, naam: str, gemeente: str | None, **extra: object) -> Som:
        return Som.model_validate(
            {
                "niveau": niveau,
                "naam": naam,
                "gemeente": gemeente,
                "wijken": self.wijken,
                "inwoners": self.inwoners,
                "inwoners_voorbeeld": self.inwoners_voorbeeld,
                "zonder_bestand": self.zonder_bestand,
                "zonder_inwoners": self.zonder_inwoners,
                "voorwaarden": {
                    k: {
                        "wijken": _uit_getallen(t[:_N]),
                        "inwoners": _uit_getallen(t[_N:]),
                    }
                    for k, t in self.per.items()
                },
                **extra,
            }
        )


# An exception is its own outcome in every sum: neither voldaan nor niet voldaan.
_PLAATS = {u: i for i, u in enumerate(Uitkomst)}
_N = len(_PLAATS)


def _per_uitkomst(t: Telling) -> tuple[int, ...]:
    return tuple(t.aantal(u) for u in Uitkomst)


def _uit_getallen(getallen: Sequence[int]) -> Telling:
    return Telling(**{u.name.lower(): n for u, n in zip(Uitkomst, getallen, strict=True)})


def _sommen(
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    rijen: Sequence[OverzichtRij],
    ids: Sequence[str],
    datum: dt.date,
    max_maanden: int,
) -> tuple[Som, ...]:
    """Per kern (in the order of gemeente.yaml), then the gemeente; `ids`: the conditions."""
    kern_van = {sleutel(w): kern for kern, ws in gemeente.kernen.items() for w in ws}
    per_kern = {kern: _Optelling(ids) for kern in gemeente.kernen}
    aanwezig = set()
    for w, r in zip(wijken, rijen, strict=True):
        aanwezig.add(sleutel(w.naam))
        per_kern[kern_van[sleutel(w.naam)]].wijk(r, w.inwoners is not None and w.inwoners.voorbeeld)
    for kern, ws in gemeente.kernen.items():
        per_kern[kern].zonder_bestand += [w for w in ws if sleutel(w) not in aanwezig]
    kernen = [o.af("kern", kern, gemeente.naam) for kern, o in per_kern.items()]
    totaal = _Optelling(ids)
    for som in kernen:
        totaal.som(som)
    inw = gemeente.inwoners
    eigen = None
    if inw is not None:
        eigen = GebruiktGegeven(
            wat="inwoners van de gemeente",
            waarde=getal(inw.waarde),
            bron=inw.bron,
            peildatum=inw.peildatum,
            verouderd=verouderd(inw.peildatum, datum, max_maanden),
            voorbeeld=inw.voorbeeld,
            geschat=inw.geschat,
        )
    return (*kernen, totaal.af("gemeente", gemeente.naam, gemeente.naam, inwoners_gemeente=eigen))


@dataclass(frozen=True, slots=True)
class Part:
    """The rows of some of a gemeente's wijken (`audit_part`): what a process that audits part of a
    large gemeente sends back; `samengevoegd` makes the gemeente's `Deel` of them."""

    rijen: tuple[OverzichtRij, ...]
    uitkomsten: tuple[dict[str, tuple[Uitkomst, bool, bool]], ...] = ()
    wat_werkt: tuple[tuple[WatWerkt, ...], ...] = ()


def audit_part(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    facility_index: FacilityIndex,
    eens: list[Resultaat],
    van: slice,
    alles: bool = False,
) -> Part:
    """Audit the wijken `wijken[van]` of `gemeente` on `datum`, with the gemeente's facility
    index and gemeente-wide results: their rows (and with `alles`, as `deel`)."""
    deze = wijken[van]
    # outcomes only (namen=False): a result need not name every facility of the kern
    rapporten = engine.audits(
        checklist, gemeente, deze, wijken, datum, facility_index, eens, namen=False
    )
    breed = verouderd_in(eens)  # the same in every row
    return Part(
        rijen=tuple(rij(r, w, breed) for r, w in zip(rapporten, deze, strict=True)),
        uitkomsten=tuple(
            {
                r.id: (r.uitkomst, r.voorbeeldgegevens, r.verouderd)
                for r in rapport.voorwaarden + rapport.items
            }
            for rapport in rapporten
        )
        if alles
        else (),
        wat_werkt=tuple(tuple(w.wat_werkt) for w in deze) if alles else (),
    )


def samengevoegd(
    parts: Sequence[Part],
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    eens: list[Resultaat],
    alles: bool = False,
) -> Deel:
    """One gemeente's parts (`audit_part`, audited by several processes) as its `Deel`: their rows
    in order; what belongs to the whole gemeente (its columns, missing wijken, the sums per
    kern and gemeente) made here once."""
    return _make_deel(
        checklist,
        gemeente,
        wijken,
        datum,
        eens,
        Part(
            rijen=tuple(r for s in parts for r in s.rijen),
            uitkomsten=tuple(u for s in parts for u in s.uitkomsten),
            wat_werkt=tuple(w for s in parts for w in s.wat_werkt),
        ),
        alles,
    )


def deel(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    *,
    alles: bool = False,
    facility_index: FacilityIndex | None = None,
    eens: list[Resultaat] | None = None,
) -> Deel:
    """Audit every wijk of `gemeente` on `datum`: its rows of the overview. `alles`: also keep
    every per-wijk outcome and the good practices of each wijk (`wijkcheck voorbeelden`).
    `facility_index` and `eens` are the gemeente's facility index and gemeente-wide results, if made
    already."""
    facility_index = facility_index or FacilityIndex(gemeente, wijken, checklist.soorten)
    if eens is None:
        eens = engine.gemeentebreed(checklist, gemeente, wijken, datum, facility_index)
    alle = audit_part(checklist, gemeente, wijken, datum, facility_index, eens, slice(None), alles)
    return _make_deel(checklist, gemeente, wijken, datum, eens, alle, alles)


def _make_deel(
    checklist: Checklist,
    gemeente: Gemeente,
    wijken: Sequence[Wijk],
    datum: dt.date,
    eens: list[Resultaat],
    alle: Part,
    alles: bool,
) -> Deel:
    """The gemeente's `Deel` of the rows of all its wijken."""
    aanwezig = {sleutel(w.naam) for w in wijken}
    voorwaarden = engine.per_wijk(checklist.voorwaarden)
    return Deel(
        gemeente=gemeente.naam,
        cbs_code=gemeente.cbs_code,
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
        rijen=alle.rijen,
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
        sommen=_sommen(
            gemeente,
            wijken,
            alle.rijen,
            list(voorwaarden),
            datum,
            checklist.maximale_ouderdom_maanden,
        ),
        uitkomsten=alle.uitkomsten,
        wat_werkt=alle.wat_werkt,
        onderwerpen=_onderwerpen(checklist) if alles else {},
    )


def _onderwerpen(checklist: Checklist) -> dict[str, tuple[str, str]]:
    eens = engine.gemeentebrede_onderwerpen(checklist)
    uit: dict[str, tuple[str, str]] = {}
    for soort, groep in (("voorwaarde", checklist.voorwaarden), ("item", checklist.items)):
        for id, o in groep.items():
            uit[id] = (o.titel, "gemeentebreed" if id in eens else soort)
    for ongetoetst in checklist.niet_getoetst.values():
        uit |= {id: (titel, "niet getoetst") for id, titel in ongetoetst.items()}
    return uit


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
        ids.VERSCHILLENDE_CHECKLISTS,
    )


def gedeelde_checklist(delen: Sequence[Deel]) -> ChecklistInfo:
    """The checklist of one matrix of several gemeenten. They share it (`andere_checklists`),
    but under a theme each lends its own catalogue: the header then names every one."""
    eerste = delen[0].checklist
    top = eerste.lagen[-1] if eerste.lagen else None
    lagen = {(la.id, la.versie): la for d in delen for la in d.checklist.lagen if la != top}
    if top is None or len(lagen) + 1 == len(eerste.lagen):
        return eerste
    return eerste.model_copy(update={"lagen": [*lagen.values(), top]})


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
    sommen = [s for d in delen for s in d.sommen]
    if meer:
        samen = _Optelling([k.id for k in kolommen])
        for s in sommen:
            if s.niveau == "gemeente":
                samen.som(s)
        sommen.append(samen.af("alle", "alle gemeenten", None))
    return Overzicht(
        gemeente=None if meer else eerste.gemeente,
        gemeenten=[d.gemeente for d in delen],
        gemeente_codes={d.gemeente: d.cbs_code for d in delen},
        checklist=gedeelde_checklist(delen),
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
        sommen=sommen,
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
