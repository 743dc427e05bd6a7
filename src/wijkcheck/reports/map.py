"""The map of an overview (`overview --geometrie`): every wijk's CBS buurt with the class it is
coloured by, the buurten of the gemeente that no wijk claims, and the wijken without geometry.

Pure: an `Overzicht` and the areas read from a geometry file in, a `Kaart` out. A wijk is
matched to its buurt by the CBS buurt code in its file (`cbs_buurtcode`), never by name: names
differ between a gemeente's policy and CBS. Where the wijk files carry only CBS wijk codes
(`cbs_wijkcode`, a gemeente whose wijken are CBS wijken), the areas are CBS wijken. Colour
follows one condition (`--voorwaarde`) or, without it, the checklist score; either way the
classes are those of every other format.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import FindingId, Span, WijkcheckError
from wijkcheck.core.names import bedoelde_u, sleutel
from wijkcheck.core.results import Uitkomst
from wijkcheck.reports.overview import Kolom, Overzicht, OverzichtRij, Score
from wijkcheck.sources.geometry import BUURT, WIJK, Area, AreaLevel, Geometry, Selection

#: Score classes: the share of the wijk's checklist items that is voldaan. An unknown item
#: (missing data) is not voldaan, and the legend says so; it is not counted as a failure either.
SCORE_KLASSEN = (
    ("score-alle", "alle items voldaan", 1.0),
    ("score-75", "75 % of meer voldaan", 0.75),
    ("score-50", "50 tot 75 % voldaan", 0.5),
    ("score-0", "minder dan 50 % voldaan", 0.0),
)
GEEN_ITEMS = ("score-geen", "geen checklist-items")


@dataclass(frozen=True, slots=True)
class Klasse:
    """One entry of the legend: what a colour means, and how many wijken have it."""

    id: str
    naam: str
    aantal: int
    #: the outcome of the condition, for a map of one condition
    uitkomst: Uitkomst | None = None


@dataclass(frozen=True, slots=True)
class KaartWijk:
    wijk: str
    gemeente: str
    kern: str
    code: str
    klasse: str
    #: the condition's outcome (a map of one condition), else None
    uitkomst: Uitkomst | None
    score: Score
    gebied: Area


#: Why a wijk is not on the map, in the words the map lists it under ({level}: buurt, wijk).
REDENEN = {
    "geen-code": "geen cbs_{level}code in het wijkbestand",
    "niet-in-bestand": "{level}code niet in het geometriebestand",
    "dubbel": "{level}code ook van een andere wijk",
    "geen-wijkbestand": "geen wijkbestand",
}


@dataclass(frozen=True, slots=True)
class ZonderGeometrie:
    wijk: str
    gemeente: str
    reden: str  # a key of REDENEN
    code: str | None = None
    #: the wijk on the map with the same code (reden `dubbel`)
    ander: str | None = None


@dataclass(frozen=True, slots=True)
class Kaart:
    overzicht: Overzicht
    #: the condition coloured, or None for the checklist score
    voorwaarde: Kolom | None
    klassen: tuple[Klasse, ...]
    wijken: tuple[KaartWijk, ...]
    #: buurten of the gemeenten on the map that no wijk file names (drawn grey)
    overige: tuple[Area, ...]
    zonder_geometrie: tuple[ZonderGeometrie, ...]
    #: min x, min y, max x, max y in RD metres of everything drawn
    bounds: tuple[float, float, float, float]
    #: the geometry file as the map cites it: its name and layer
    bestand: str
    #: whether the shapes are CBS buurten or CBS wijken
    level: AreaLevel = BUURT


def _fout(bericht: str, id: FindingId) -> WijkcheckError:
    return WijkcheckError.single(Span(""), bericht, id)


def level(ov: Overzicht) -> AreaLevel:
    """CBS buurten, unless the wijk files carry only CBS wijk codes (`wijkcheck init --level
    wijk`, where a CBS wijk is a wijk): then the shapes are CBS wijken."""
    if any(r.cbs_buurtcode for r in ov.rijen) or not any(r.cbs_wijkcode for r in ov.rijen):
        return BUURT
    return WIJK


def _code(r: OverzichtRij, n: AreaLevel) -> str | None:
    return r.cbs_buurtcode if n is BUURT else r.cbs_wijkcode


def selection(ov: Overzicht) -> Selection:
    """The areas the map needs: each wijk's own, and all areas of its gemeente (from the
    gemeente's CBS code, else from the codes of its wijken)."""
    n = level(ov)
    codes = frozenset(c for r in ov.rijen if (c := _code(r, n)))
    gemeenten = {c[2:6] for c in codes}
    gemeenten |= {c[2:] for c in ov.gemeente_codes.values()}
    return Selection(codes, frozenset(gemeenten), n)


def kies_voorwaarde(ov: Overzicht, gevraagd: str) -> Kolom:
    """The condition asked for by id or title, forgivingly (`ontmoetingsplekken`)."""
    gezocht = sleutel(gevraagd)
    for k in ov.voorwaarden:
        if gezocht in (sleutel(k.id), sleutel(k.titel)):
            return k
    keuzes = [k.id for k in ov.voorwaarden]
    raise _fout(
        f"onbekende voorwaarde '{gevraagd}'.{bedoelde_u(gevraagd, keuzes)} De voorwaarden van "
        f"checklist {ov.checklist.id} zijn: {', '.join(keuzes) or '(geen)'}",
        ids.ONBEKENDE_VOORWAARDE,
    )


def klasse_van_score(r: OverzichtRij) -> str:
    if not r.score.van:
        return GEEN_ITEMS[0]
    deel = r.score.voldaan / r.score.van
    return next(id for id, _, ondergrens in SCORE_KLASSEN if deel >= ondergrens)


def klasse_van(u: Uitkomst) -> str:
    return u.name.lower().replace("_", "-")


def kaart(ov: Overzicht, geometrie: Geometry, voorwaarde: Kolom | None = None) -> Kaart:
    """Match every wijk of `ov` to its buurt in `geometrie` and class it.

    Raises `WijkcheckError` when there is nothing to draw: no wijk has a buurt in the file and
    the file has no buurt of the gemeenten either (the wrong gemeente, or the layer wijken)."""
    if ov.alleen_problemen:
        raise _fout(
            "een kaart toont alle wijken: zonder --alleen-problemen zouden de weggelaten wijken "
            "als 'buurt zonder wijk' verschijnen; laat --alleen-problemen weg",
            ids.KAART_ALLEEN_PROBLEMEN,
        )
    meer = ov.meerdere_gemeenten
    wijken: list[KaartWijk] = []
    zonder: list[ZonderGeometrie] = []
    gebruikt: dict[str, str] = {}
    for r in ov.rijen:
        naam = f"{r.wijk} ({r.gemeente})" if meer else r.wijk
        code = _code(r, geometrie.level)
        if code is None:
            zonder.append(ZonderGeometrie(r.wijk, r.gemeente, "geen-code"))
            continue
        if code in gebruikt:
            zonder.append(ZonderGeometrie(r.wijk, r.gemeente, "dubbel", code, gebruikt[code]))
            continue
        gebied = geometrie.areas.get(code)
        if gebied is None:
            zonder.append(ZonderGeometrie(r.wijk, r.gemeente, "niet-in-bestand", code))
            continue
        gebruikt[code] = naam
        if voorwaarde is None:
            u, klasse = None, klasse_van_score(r)
        else:
            u = r.voorwaarden[voorwaarde.id]
            klasse = klasse_van(u)
        wijken.append(KaartWijk(r.wijk, r.gemeente, r.kern, code, klasse, u, r.score, gebied))
    for w in ov.ontbrekende_wijken:
        zonder.append(ZonderGeometrie(w, "", "geen-wijkbestand"))
    overige = tuple(b for code, b in sorted(geometrie.areas.items()) if code not in gebruikt)
    getekend = [w.gebied for w in wijken] + list(overige)
    if not getekend:
        gemeenten = ", ".join(
            f"{g} ({ov.gemeente_codes[g]})" if g in ov.gemeente_codes else g for g in ov.gemeenten
        )
        n = geometrie.level
        raise _fout(
            f"het geometriebestand {geometrie.path} bevat geen {n.word} van {gemeenten} en geen "
            f"van de {n.name}codes van de wijken (cbs_{n.name}code in de wijkbestanden); kies "
            f"het bestand van uw gemeente, met de laag {n.layer} (docs/kaart.md)",
            ids.KAART_LEEG,
        )
    bounds = (
        min(b.bounds[0] for b in getekend),
        min(b.bounds[1] for b in getekend),
        max(b.bounds[2] for b in getekend),
        max(b.bounds[3] for b in getekend),
    )
    tellingen: dict[str, int] = {}
    for kw in wijken:
        tellingen[kw.klasse] = tellingen.get(kw.klasse, 0) + 1
    if voorwaarde is None:
        klassen = [Klasse(id, naam, tellingen.get(id, 0)) for id, naam, _ in SCORE_KLASSEN]
        if tellingen.get(GEEN_ITEMS[0]):
            klassen.append(Klasse(*GEEN_ITEMS, tellingen[GEEN_ITEMS[0]]))
    else:
        klassen = []
        for u in Uitkomst:
            aantal = tellingen.get(klasse_van(u), 0)
            if u is Uitkomst.UITZONDERING and not aantal:
                continue  # in the legend only where the map shows one
            klassen.append(Klasse(klasse_van(u), u.value, aantal, u))
    bestand = geometrie.path + (f", laag {geometrie.layer}" if geometrie.layer else "")
    return Kaart(
        overzicht=ov,
        voorwaarde=voorwaarde,
        klassen=tuple(klassen),
        wijken=tuple(wijken),
        overige=overige,
        zonder_geometrie=tuple(zonder),
        bounds=bounds,
        bestand=bestand,
        level=geometrie.level,
    )
