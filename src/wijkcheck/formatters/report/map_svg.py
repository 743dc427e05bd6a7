"""The map of an overview (`overview --geometrie`): one layout for SVG, PNG and HTML.

RD New is a conformal projection in metres, so the map is RD scaled by one factor for x and y
(y turned over): equal aspect, north up, with a scale bar. Each ring is projected and thinned
in one pass to points at least `DREMPEL_PX` apart, so the points drawn are bounded by the size
of the picture, not by the file. A class is a fill and, for the classes a black-and-white
print must tell apart, a pattern (hatching for *niet voldaan* and the lowest score, dots for
*onbekend*); the legend repeats symbol and word. Names stand inside their wijk, on one line or
two, where they fit (tested on three scan lines through the shape), else a number that the key
below explains.
The notices on top are the overview picture's own (`matrix.kop`): example data, concept
checklists, voorbeeldnormen, outdated figures.
"""

from __future__ import annotations

import math
from array import array
from pathlib import PurePath

from wijkcheck.core.names import datum, getal, zichtbaar
from wijkcheck.formatters.report.common import (
    checklist_kop,
    score_tekst,
    van_gemeenten,
)
from wijkcheck.formatters.report.matrix import (
    GRIJS,
    INKT,
    Lijn,
    Rect,
    Tekening,
    Tekst,
    Vlak,
    kop,
    regels,
    symbool,
    tekstbreedte,
)
from wijkcheck.reports.map import REDENEN, Kaart, KaartWijk
from wijkcheck.sources.geometry import Area

BREEDTE = 900.0
MARGE = 24.0
KAART_HOOGTE = 760.0  # at most; a wide gemeente gets a lower map
DREMPEL_PX = 0.4  # points closer than this to the previous one are left out
NAAM_PX = 11.0
KLEIN_PX = 8.5

#: fill and pattern per class (`reports.map`): single-hue steps for the score (readable in
#: grey and for colour-blind readers), green, red and amber for an outcome
STIJL: dict[str, tuple[str, str | None]] = {
    "voldaan": ("#a9d8a0", None),
    "niet-voldaan": ("#f0a39c", "arcering"),
    "onbekend": ("#f7e08f", "stippen"),
    "uitzondering": ("#a9bdea", "strepen"),
    "score-alle": ("#238443", None),
    "score-75": ("#78c679", None),
    "score-50": ("#c2e699", None),
    "score-0": ("#fff3b0", "arcering"),
    "score-geen": ("#dddddd", "stippen"),
}
OVERIG_VULLING = "#ffffff"
OVERIG_RAND = "#9a9a9a"

Punt = tuple[float, float]


class _Projectie:
    def __init__(
        self, bounds: tuple[float, float, float, float], x: float, y: float, b: float, h: float
    ):
        minx, miny, maxx, maxy = bounds
        dx, dy = max(maxx - minx, 1.0), max(maxy - miny, 1.0)
        self.schaal = min(b / dx, h / dy)  # px per metre
        self.b, self.h = dx * self.schaal, dy * self.schaal
        self.x0 = x + (b - self.b) / 2 - minx * self.schaal
        self.y0 = y + maxy * self.schaal

    def ring(self, xy: array) -> tuple[Punt, ...]:
        """The ring in px, thinned: at least DREMPEL_PX between consecutive points."""
        s, x0, y0 = self.schaal, self.x0, self.y0
        d2 = DREMPEL_PX * DREMPEL_PX
        uit: list[Punt] = []
        lx = ly = math.inf
        for x, y in zip(xy[0::2], xy[1::2], strict=True):
            px, py = x0 + x * s, y0 - y * s
            if (px - lx) ** 2 + (py - ly) ** 2 >= d2:
                uit.append((px, py))
                lx, ly = px, py
        if len(uit) > 1 and abs(uit[0][0] - uit[-1][0]) + abs(uit[0][1] - uit[-1][1]) < DREMPEL_PX:
            uit.pop()  # the closing point: SVG and Pillow close rings themselves
        return tuple(uit) if len(uit) >= 3 else ()

    def gebied(self, b: Area) -> list[tuple[tuple[Punt, ...], ...]]:
        """Per polygon its rings in px (polygons smaller than the threshold left out)."""
        vlakken = []
        for v in b.polygons:
            ringen = [self.ring(r) for r in v.rings]
            if ringen and ringen[0]:
                vlakken.append(tuple(r for r in ringen if r))
        return vlakken


def _oppervlak(ring: tuple[Punt, ...]) -> float:
    return (
        abs(
            sum(
                x0 * y1 - x1 * y0
                for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def _snijpunten(ringen: tuple[tuple[Punt, ...], ...], y: float) -> list[tuple[float, float]]:
    """The stretches of the horizontal line at `y` that lie inside the polygon (even-odd)."""
    xs: list[float] = []
    for ring in ringen:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 <= y < y1) or (y1 <= y < y0):
                xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    return list(zip(xs[0::2], xs[1::2], strict=False))  # odd only where a ring is degenerate


def plek(ringen: tuple[tuple[Punt, ...], ...], breedte: float, hoogte: float) -> Punt | None:
    """Where a label of this size fits inside the polygon: its centre, or None."""
    buiten = ringen[0]
    y_min = min(p[1] for p in buiten)
    y_max = max(p[1] for p in buiten)
    if y_max - y_min < hoogte + 2:
        return None
    midden = (y_min + y_max) / 2
    for f in (0.0, -0.12, 0.12, -0.25, 0.25, -0.35, 0.35):
        y = midden + f * (y_max - y_min)
        for a, b in sorted(_snijpunten(ringen, y), key=lambda s: s[0] - s[1]):
            if b - a < breedte + 4:
                break
            cx = (a + b) / 2
            links, rechts = cx - breedte / 2 - 1, cx + breedte / 2 + 1
            if all(
                any(p <= links and rechts <= q for p, q in _snijpunten(ringen, y + d))
                for d in (-hoogte / 2, hoogte / 2)
            ):
                return cx, y
    return None


def _regelopties(naam: str) -> list[list[str]]:
    """A name on one line, or on two, split at the space nearest its middle."""
    opties = [[naam]]
    spaties = [i for i, c in enumerate(naam) if c == " "]
    if spaties:
        i = min(spaties, key=lambda i: abs(i - len(naam) / 2))
        opties.append([naam[:i], naam[i + 1 :]])
    return opties


def _label(ringen: tuple[tuple[Punt, ...], ...], naam: str) -> tuple[Punt, list[str]] | None:
    """Where the name of a wijk fits inside it, on one line or two, and its lines."""
    for lijnen in _regelopties(naam):
        breedte = max(tekstbreedte(lijn, NAAM_PX, True) for lijn in lijnen)
        punt = plek(ringen, breedte, NAAM_PX * 1.2 * len(lijnen))
        if punt is not None:
            return punt, lijnen
    return None


def _grootste(vlakken: list[tuple[tuple[Punt, ...], ...]]) -> tuple[tuple[Punt, ...], ...] | None:
    if not vlakken:
        return None
    return max(vlakken, key=lambda v: _oppervlak(v[0]) - sum(_oppervlak(r) for r in v[1:]))


def _schaalstok(p: _Projectie, rechts: float, y: float) -> list:
    """A scale bar of a round length (1, 2 or 5 × 10^k m) about a fifth of the map wide,
    ending at `rechts`, under the map (on it, it would hide buurten)."""
    doel = p.b / 5 / p.schaal
    macht = 10 ** math.floor(math.log10(doel))
    meter = max(m * macht for m in (1, 2, 5) if m * macht <= doel) if doel >= 1 else 1
    lengte = meter * p.schaal
    tekst = f"{getal(meter / 1000)} km" if meter >= 1000 else f"{getal(meter)} m"
    x = rechts - tekstbreedte(tekst, 10) - 6 - lengte
    return [
        Lijn(((x, y - 4), (x, y), (x + lengte, y), (x + lengte, y - 4)), INKT, 1.5),
        Tekst(x + lengte + 6, y + 1, tekst, 10),
    ]


def _legenda(kaart: Kaart, x: float, y: float, breedte: float) -> tuple[list, float]:
    vormen: list = []
    g = 12.0
    items: list[tuple[str, str | None, str, str]] = []  # fill, pattern, text, class id
    for k in kaart.klassen:
        fill, patroon = STIJL[k.id]
        items.append((fill, patroon, f"{k.naam} ({k.aantal})", k.id))
    if kaart.overige:
        items.append(
            (
                OVERIG_VULLING,
                None,
                f"{kaart.level.word} zonder wijk in de gegevens ({len(kaart.overige)})",
                "",
            )
        )
    vormen.append(Tekst(x, y, "Legenda", g, vet=True))
    y += 8
    kx = x
    for fill, patroon, tekst, id in items:
        uitkomst = next((k.uitkomst for k in kaart.klassen if k.id == id), None)
        b = 26 + (16 if uitkomst else 0) + tekstbreedte(tekst, g) + 18
        if kx > x and kx + b > x + breedte:
            kx, y = x, y + 22
        vak = ((kx, y + 4), (kx + 22, y + 4), (kx + 22, y + 18), (kx, y + 18))
        rand = OVERIG_RAND if not id else INKT
        vormen.append(Vlak((vak,), fill, patroon, rand, 1.0))
        tx = kx + 28
        if uitkomst is not None:
            vormen += symbool(uitkomst, tx + 5, y + 11, g * 0.4)
            tx += 16
        vormen.append(Tekst(tx, y + 15.5, tekst, g))
        kx += b
    y += 22
    return vormen, y


def _tekstblok(
    tekst: str, x: float, y: float, breedte: float, g: float = 11.5, **stijl
) -> tuple[list, float]:
    vormen = []
    for regel in regels(tekst, breedte, g, stijl.get("vet", False)):
        y += g * 1.45
        vormen.append(
            Tekst(x, y, regel, g, kleur=stijl.get("kleur", GRIJS), vet=stijl.get("vet", False))
        )
    return vormen, y


def titel(kaart: Kaart) -> str:
    ov = kaart.overzicht
    wie = (
        f"gemeente {ov.gemeente}"
        if not ov.meerdere_gemeenten
        else f"{getal(len(ov.gemeenten))} gemeenten"
    )
    return f"Kaart sociale basis: {wie}"


def onderwerp(kaart: Kaart) -> str:
    if kaart.voorwaarde is not None:
        return f"voorwaarde {kaart.voorwaarde.titel}"
    return f"checklistscore ({kaart.overzicht.aantal_items} items)"


def uitkomst_tekst(w: KaartWijk) -> str:
    """The outcome in the overview's words: `✘ niet voldaan`, or the score `10 ✔ · 1 ✘ · 1 ?`."""
    return f"{w.uitkomst.symbool} {w.uitkomst.value}" if w.uitkomst else score_tekst(w.score)


def bestandsnaam(kaart: Kaart) -> str:
    """The geometry file by its name (and layer), not the folders of the user's disk."""
    return zichtbaar(PurePath(kaart.bestand).name)


def ondertitel(kaart: Kaart) -> str:
    ov = kaart.overzicht
    checklist = dict(checklist_kop(ov.checklist)).get("Checklist", ov.checklist.naam)
    totaal = len(kaart.wijken) + len(kaart.zonder_geometrie)
    return (
        f"Gekleurd naar {onderwerp(kaart)} · {checklist} · auditdatum {datum(ov.auditdatum)} · "
        f"{getal(len(kaart.wijken))} van {getal(totaal)} wijken op de kaart"
    )


def extra_meldingen(kaart: Kaart) -> list[str]:
    """What the map adds to the overview's notices: the condition's own voorbeeldnorm."""
    k = kaart.voorwaarde
    if k is not None and k.voorbeeldnorm:
        return [
            f"De kleuren van deze kaart volgen '{k.titel}', en die voorwaarde rust (deels) op "
            "een voorbeeldnorm: een drempel die niemand heeft vastgesteld."
        ]
    return []


def zonder_tekst(kaart: Kaart) -> list[str]:
    """The wijken not on the map, one line per reason (`reason: A, B (code).`)."""
    per_reden: dict[str, list[str]] = {}
    meer = kaart.overzicht.meerdere_gemeenten
    for z in kaart.zonder_geometrie:
        naam = f"{z.wijk} ({z.gemeente})" if meer and z.gemeente else z.wijk
        if z.reden == "niet-in-bestand":
            naam += f" ({zichtbaar(z.code or '')})"
        elif z.reden == "dubbel":
            naam += f" ({zichtbaar(z.code or '')}, op de kaart als {z.ander})"
        per_reden.setdefault(z.reden, []).append(naam)
    return [
        f"{REDENEN[reden].format(level=kaart.level.name)}: {', '.join(namen)}."
        for reden, namen in per_reden.items()
    ]


def teken(kaart: Kaart, *, met_kop: bool = True) -> Tekening:
    """The layout of the map; `met_kop=False` leaves out title and notices (the HTML page
    shows those as text)."""
    ov = kaart.overzicht
    binnen = BREEDTE - 2 * MARGE
    vormen: list = []
    y = MARGE
    if met_kop:
        kopvormen, y = kop(
            ov, titel(kaart), ondertitel(kaart), binnen, extra_meldingen(kaart), afbreken=True
        )
        vormen += kopvormen
    p = _Projectie(kaart.bounds, MARGE + 8, y + 8, binnen - 16, KAART_HOOGTE - 16)
    kaart_top = y
    kaart_h = p.h + 16
    vormen.append(Rect(MARGE, kaart_top, binnen, kaart_h, "#ffffff", "#bbbbbb", 1.0))

    overige = [(b, p.gebied(b)) for b in kaart.overige]
    for b, vlakken in overige:
        ringen = tuple(r for v in vlakken for r in v)
        if ringen:
            naam = zichtbaar(b.name) + " " if b.name else ""
            tip = f"{naam}({zichtbaar(b.code)}): geen wijk in de gegevens"
            vormen.append(Vlak(ringen, OVERIG_VULLING, None, OVERIG_RAND, 0.6, tip))
    wijken = [(w, p.gebied(w.gebied)) for w in kaart.wijken]
    for w, vlakken in wijken:
        ringen = tuple(r for v in vlakken for r in v)
        if ringen:
            fill, patroon = STIJL[w.klasse]
            wie = f"{w.wijk}, {w.gemeente}" if ov.meerdere_gemeenten else w.wijk
            tip = f"{wie} ({w.code}): {uitkomst_tekst(w)}"
            vormen.append(Vlak(ringen, fill, patroon, INKT, 1.0, tip))

    # labels: grey names of the other buurten, then the wijken (a number where a name won't fit)
    for b, vlakken in overige:
        v = _grootste(vlakken)
        if v is None:
            continue
        naam = zichtbaar(b.name or b.code)
        regels_ = [naam, zichtbaar(b.code)] if b.name else [naam]
        b_ = max(tekstbreedte(r, KLEIN_PX) for r in regels_)
        h = KLEIN_PX * 1.2 * len(regels_)
        punt = plek(v, b_, h)
        if punt is None and len(regels_) == 2:
            regels_ = [zichtbaar(b.code)]
            punt = plek(v, tekstbreedte(regels_[0], KLEIN_PX), KLEIN_PX * 1.2)
        if punt is None:
            continue
        basis = punt[1] - (len(regels_) - 1) * KLEIN_PX * 0.6 + KLEIN_PX * 0.35
        for i, regel in enumerate(regels_):
            vormen.append(
                Tekst(
                    punt[0],
                    basis + i * KLEIN_PX * 1.2,
                    regel,
                    KLEIN_PX,
                    cursief=True,
                    anker="middle",
                    kleur="#666666",
                    halo=True,
                )
            )
    nummers: list[str] = []
    # a name that two gemeenten on the map both use carries its gemeente
    namen: dict[str, set[str]] = {}
    for w in kaart.wijken:
        namen.setdefault(w.wijk, set()).add(w.gemeente)
    for w, vlakken in wijken:
        v = _grootste(vlakken)
        if v is None:
            continue
        naam = f"{w.wijk} ({w.gemeente})" if len(namen[w.wijk]) > 1 else w.wijk
        gevonden = _label(v, naam)
        if gevonden is None:
            nummer = str(len(nummers) + 1)
            nummers.append(f"{nummer} {naam}")
            # too small even for a number: on the first point of its largest part
            gevonden = _label(v, nummer) or (v[0][0], [nummer])
        punt, lijnen = gevonden
        top = punt[1] - (len(lijnen) - 1) * NAAM_PX * 0.6 + NAAM_PX * 0.35
        for i, lijn in enumerate(lijnen):
            vormen.append(
                Tekst(
                    punt[0],
                    top + i * NAAM_PX * 1.2,
                    lijn,
                    NAAM_PX,
                    vet=True,
                    anker="middle",
                    halo=True,
                )
            )
    vormen += _schaalstok(p, MARGE + binnen, kaart_top + kaart_h + 16)

    y = kaart_top + kaart_h + 24
    legenda, y = _legenda(kaart, MARGE, y, binnen)
    vormen += legenda
    uitleg = []
    if kaart.voorwaarde is None:
        uitleg.append(
            f"Checklistscore = het deel van de {ov.aantal_items} checklist-items van de wijk dat "
            "voldaan is; niet voldaan en onbekend (er ontbreken gegevens) tellen niet als "
            "voldaan; gemeentebrede items tellen niet mee."
        )
    else:
        uitleg.append(
            f"Kleur = de uitkomst van '{kaart.voorwaarde.titel}' per wijk, zoals 'wijkcheck "
            "overview' die geeft; onbekend = er ontbreken gegevens."
        )
    if nummers:
        uitleg.append("Nummers op de kaart: " + ", ".join(nummers) + ".")
    uitleg += [f"Niet op de kaart, {regel}" for regel in zonder_tekst(kaart)]
    uitleg.append(
        f"Geometrie: {bestandsnaam(kaart)} ({getal(len(kaart.wijken) + len(kaart.overige))} "
        f"{kaart.level.plural} getekend). Gemaakt met wijkcheck."
    )
    for tekst in uitleg:
        blok, y = _tekstblok(tekst, MARGE, y, binnen)
        vormen += blok
        y += 3
    omschrijving = (
        f"{titel(kaart)}: {getal(len(kaart.wijken))} wijken van {van_gemeenten(ov)} gekleurd "
        f"naar {onderwerp(kaart)}; {getal(len(kaart.zonder_geometrie))} wijken niet op de kaart"
    )
    return Tekening(BREEDTE, y + MARGE, titel(kaart), omschrijving, vormen)


def render(kaart: Kaart) -> str:
    from wijkcheck.formatters.report.svg import svg

    return svg(teken(kaart))
