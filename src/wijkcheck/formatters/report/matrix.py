"""The overview as a picture: one layout of rectangles, lines and text, drawn by `svg` and `png`.

Laying out once keeps the SVG and the PNG identical. Text widths are estimated from DejaVu Sans
metrics (the font the pictures ask for first), with some slack. Outcomes are drawn as a symbol
(check mark, cross, question mark: lines, not font glyphs) plus the word, on a light fill with a
border style of their own, so the picture also works in black and white.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.core.names import datum, getal
from wijkcheck.core.results import Uitkomst
from wijkcheck.formatters.report.common import (
    SCORE_UITLEG,
    UITZONDERING_LEGENDA,
    bovenste_som,
    concept_meldingen,
    getoonde_uitkomsten,
    overzicht_kop,
    overzicht_view,
    procent,
    score_tekst,
    titel,
    van_gemeenten,
    verouderd_melding,
    voorbeeldnorm_melding,
    weggelaten_tekst,
)
from wijkcheck.reports.overview import Overzicht, Som

FONT = "DejaVu Sans, Verdana, Segoe UI, Arial, sans-serif"
INKT = "#111111"
GRIJS = "#555555"
RAND = "#777777"
VULLING = {
    Uitkomst.VOLDAAN: "#dff2df",
    Uitkomst.NIET_VOLDAAN: "#f9d6d5",
    Uitkomst.ONBEKEND: "#fff1c2",
    Uitkomst.UITZONDERING: "#dde6f8",
}
KLEUR = {
    Uitkomst.VOLDAAN: "#1b5e20",
    Uitkomst.NIET_VOLDAAN: "#a31515",
    Uitkomst.ONBEKEND: "#6b4f00",
    Uitkomst.UITZONDERING: "#1a3d8f",
}


#: A picture for a slide or memo stays readable up to about this many rows; a larger one would be
#: metres long (and the PNG hundreds of megabytes in memory).
MAX_RIJEN = 200
#: Pixels of the PNG (drawn at twice the size: `png.SCHAAL`) a picture may have: 40 million
#: is 120 MB of bitmap while it is drawn, the 200 rows of `MAX_RIJEN` with names of ordinary
#: length. Long names, a long title word or a long list of missing wijken make a picture wider
#: than that; it is refused before anything is drawn, and the SVG with it (the same picture).
MAX_PIXELS = 40_000_000
#: The bitmap's scale: every unit of the layout is this many pixels in the PNG.
SCHAAL = 2


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None
    stroke_width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True, slots=True)
class Lijn:
    punten: tuple[tuple[float, float], ...]
    kleur: str
    dikte: float


@dataclass(frozen=True, slots=True)
class Tekst:
    x: float
    y: float  # baseline
    tekst: str
    grootte: float
    vet: bool = False
    cursief: bool = False
    anker: str = "start"  # start, middle, end
    kleur: str = INKT
    #: a white edge around the letters, for names on a coloured map
    halo: bool = False


@dataclass(frozen=True, slots=True)
class Vlak:
    """A filled shape of one or more rings (even-odd: a ring inside another is a hole)."""

    ringen: tuple[tuple[tuple[float, float], ...], ...]
    fill: str
    #: drawn over the fill, so that a black-and-white print tells the classes apart
    patroon: str | None = None  # "arcering" (hatching) or "stippen" (dots)
    stroke: str | None = None
    stroke_width: float = 1.0
    #: what the shape is, as a tooltip (SVG)
    titel: str = ""


@dataclass(slots=True)
class Tekening:
    breedte: float
    hoogte: float
    titel: str
    omschrijving: str
    vormen: list[Rect | Lijn | Tekst | Vlak] = field(default_factory=list)


# Advance widths of DejaVu Sans in em, by character class (bold is about 10 % wider).
_SMAL = set("ijlt.,:;'!|()[]/ fr-")
_BREED = set("mwMW%@")


def tekstbreedte(tekst: str, grootte: float, vet: bool = False) -> float:
    em = 0.0
    for c in tekst:
        if c in _SMAL:
            em += 0.36
        elif c in _BREED:
            em += 0.92
        elif c.isupper() or c.isdigit():
            em += 0.70
        else:
            em += 0.62
    return em * grootte * (1.1 if vet else 1.0)


def regels(tekst: str, breedte: float, grootte: float, vet: bool = False) -> list[str]:
    """Greedy word wrap."""
    uit: list[str] = []
    for woord in tekst.split():
        if uit and tekstbreedte(f"{uit[-1]} {woord}", grootte, vet) <= breedte:
            uit[-1] += f" {woord}"
        else:
            uit.append(woord)
    return uit or [""]


def symbool(u: Uitkomst, cx: float, cy: float, r: float) -> list[Rect | Lijn | Tekst]:
    """The outcome symbol drawn with lines (no font needs ✔ or ✘), centred on (cx, cy)."""
    kleur = KLEUR[u]
    if u is Uitkomst.VOLDAAN:
        pts = ((cx - r, cy), (cx - r * 0.3, cy + r * 0.75), (cx + r, cy - r * 0.8))
        return [Lijn(pts, kleur, r * 0.45)]
    if u is Uitkomst.NIET_VOLDAAN:
        return [
            Lijn(((cx - r * 0.8, cy - r * 0.8), (cx + r * 0.8, cy + r * 0.8)), kleur, r * 0.45),
            Lijn(((cx - r * 0.8, cy + r * 0.8), (cx + r * 0.8, cy - r * 0.8)), kleur, r * 0.45),
        ]
    teken = "§" if u is Uitkomst.UITZONDERING else "?"
    return [Tekst(cx, cy + r * 0.75, teken, r * 2.3, vet=True, anker="middle", kleur=kleur)]


def _cel(u: Uitkomst, x: float, y: float, w: float, h: float, grootte: float) -> list:
    vormen: list[Rect | Lijn | Tekst] = [
        Rect(
            x + 2,
            y + 2,
            w - 4,
            h - 4,
            VULLING[u],
            INKT if u is not Uitkomst.VOLDAAN else None,
            2.0 if u is Uitkomst.NIET_VOLDAAN else 1.0,
            dashed=u is Uitkomst.ONBEKEND,
        )
    ]
    r = grootte * 0.42
    vormen += symbool(u, x + 10 + r, y + h / 2, r)
    vormen.append(
        Tekst(
            x + 16 + 2 * r,
            y + h / 2 + grootte * 0.36,
            u.value,
            grootte,
            vet=u is Uitkomst.NIET_VOLDAAN,
            cursief=u is Uitkomst.ONBEKEND,
            kleur=INKT,
        )
    )
    return vormen


def _inwoners_regel(som: Som, weggelaten: int) -> str:
    """What the rows Inwoners mean, in one line under the picture."""
    regel = (
        f"Inwoners = aandeel van de {getal(som.inwoners)} inwoners in {getal(som.wijken)} "
        "wijkbestanden dat woont in een wijk met die uitkomst"
        + (" (ook de weggelaten wijken)" if weggelaten else "")
    )
    if som.inwoners_voorbeeld:
        regel += "; ⚠ (deels) voorbeeldgegevens"
    return regel + "."


def te_groot(ov: Overzicht) -> WijkcheckError | None:
    """The error to give when the overview has too many rows for a picture, else None."""
    if len(ov.rijen) <= MAX_RIJEN:
        return None
    return WijkcheckError.single(
        Span(""),
        f"een plaatje (svg, png) past tot {MAX_RIJEN} wijken; dit overzicht heeft er "
        f"{getal(len(ov.rijen))}. Kies één gemeente met --gemeente, toon alleen de wijken met "
        "problemen met --alleen-problemen, of kies een tabel: --format html, docx of csv",
        ids.TE_VEEL_VOOR_PLAATJE,
    )


def kop(
    ov: Overzicht,
    titel: str,
    onder: str,
    breedte: float,
    extra: list[str] | None = None,
    *,
    afbreken: bool = False,
) -> tuple[list[Rect | Lijn | Tekst | Vlak], float]:
    """Title, subtitle (on one line, or wrapped with `afbreken`) and the notices of an overview
    picture (the matrix and the map), `breedte` wide from the top margin; returns the shapes
    and the y below them."""
    marge, pad = 24.0, 10.0
    vormen: list[Rect | Lijn | Tekst | Vlak] = []
    y = marge + 22
    vormen.append(Tekst(marge, y, titel, 22, vet=True))
    y += 24
    for i, regel in enumerate(regels(onder, breedte, 12.5) if afbreken else [onder]):
        y += 17 if i else 0
        vormen.append(Tekst(marge, y, regel, 12.5, kleur=GRIJS))
    y += 14
    # Both when both hold, as in the other formats: the bundled data also has `bron: voorbeeld`
    # figures, and a council must read that the figures themselves are no official ones.
    vet: list[str] = []
    if ov.meegeleverde_gegevens:
        vet.append(
            f"Let op: meegeleverde voorbeeldgegevens van {van_gemeenten(ov)}, "
            "niet uw eigen gegevens."
        )
    if ov.voorbeelddata:
        vet.append("Let op: bevat voorbeeldgegevens (bron: voorbeeld), geen officiële cijfers.")
    for melding in vet:
        y += 6
        vormen.append(Rect(marge, y, breedte, 28, "#fff1c2", INKT, 1.5))
        vormen.append(Tekst(marge + pad, y + 19, melding, 13, vet=True))
        y += 28
    # what the picture rests on, as plainly as in every other format: a concept checklist,
    # voorbeeldnormen, outdated figures; wrapped to the picture's width
    notities = [*concept_meldingen(ov.checklist), voorbeeldnorm_melding(ov), *(extra or [])]
    if ov.verouderde_gegevens:
        notities.append(verouderd_melding(ov))
    for tekst in filter(None, notities):
        y += 6
        r = regels("Let op: " + tekst, breedte - 2 * pad, 12.5, False)
        hoogte = 12 + len(r) * 17
        vormen.append(Rect(marge, y, breedte, hoogte, "#fff1c2", INKT, 1.5, dashed=True))
        for i, regel in enumerate(r):
            vormen.append(Tekst(marge + pad, y + 19 + i * 17, regel, 12.5))
        y += hoogte
    return vormen, y + 12


def teken(ov: Overzicht) -> Tekening:
    """The layout of the overview picture; raises `WijkcheckError` above `MAX_RIJEN` rows or
    `MAX_PIXELS` pixels."""
    fout = te_groot(ov)
    if fout is not None:
        raise fout
    view = overzicht_view(ov)
    f = 14.0  # body text size
    marge, pad, rijhoogte = 24.0, 10.0, 30.0
    n = len(ov.voorwaarden)
    meer = ov.meerdere_gemeenten

    # the totals' label stands in the first column: the gemeente's when there are several
    som = bovenste_som(ov) if ov.voorwaarden else None
    som = som if som is not None and som.inwoners else None
    langste = "Inwoners niet voldaan" if som is not None else "Totaal niet voldaan"
    label_w = tekstbreedte(langste, f, True) + f + 6
    gemeente_w = []
    if meer:
        gemeente_w = [max([tekstbreedte(r.gemeente, f) for r in ov.rijen] + [label_w]) + 2 * pad]
    wijk_w = max(tekstbreedte(r.wijk, f, True) for r in ov.rijen) if ov.rijen else 80
    wijk_w = max(wijk_w, tekstbreedte("Wijk", f, True) if meer else label_w) + 2 * pad
    kern_w = max([tekstbreedte(r.kern, f) for r in ov.rijen] + [tekstbreedte("Kern", f, True)])
    kern_w += 2 * pad
    cel_w = tekstbreedte("niet voldaan", f, True) + f + 30
    kop_w = [
        max(cel_w, max(tekstbreedte(w, f, True) for w in k.titel.split()) + 2 * pad)
        for k in ov.voorwaarden
    ]
    voorbeeld_score = "15 ✔ · 15 ✘ · 15 ?"
    score_w = max(tekstbreedte("Checklist", f, True), tekstbreedte(voorbeeld_score, f)) + 2 * pad
    kolom_w = [*gemeente_w, wijk_w, kern_w, *kop_w, score_w]
    v = view.voor  # first condition column
    tabel_w = sum(kolom_w)
    xs = [marge]
    for w in kolom_w:
        xs.append(xs[-1] + w)

    feiten = dict(overzicht_kop(ov))
    onder = f"{feiten['Checklist']} · auditdatum {datum(ov.auditdatum)} · wijken {feiten['Wijken']}"
    vormen, y = kop(ov, titel(ov), onder, tabel_w, afbreken=True)  # the table sets the width
    # header: condition titles wrapped over as many lines as they need
    tabel_top = y
    kolomkoppen = [*view.kolommen[:v], *(k.titel for k in ov.voorwaarden), "Checklist"]
    kopregels = [regels(t, w - 2 * pad, f, True) for t, w in zip(kolomkoppen, kolom_w, strict=True)]
    kop_h = max(len(r) for r in kopregels) * (f * 1.25) + 2 * pad
    vormen.append(Rect(marge, y, tabel_w, kop_h, "#e6e6e6"))
    for i, koptekst in enumerate(kopregels):
        laatste = i == len(kopregels) - 1
        for j, regel in enumerate(koptekst):
            ty = y + pad + f + j * f * 1.25
            if laatste:
                vormen.append(Tekst(xs[i + 1] - pad, ty, regel, f, vet=True, anker="end"))
            else:
                vormen.append(Tekst(xs[i] + pad, ty, regel, f, vet=True))
    y += kop_h
    vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), INKT, 2))

    for i, (r, uitkomsten) in enumerate(zip(ov.rijen, view.uitkomsten, strict=True)):
        if i % 2:
            vormen.append(Rect(marge, y, tabel_w, rijhoogte, "#f5f5f5"))
        basis = y + rijhoogte / 2 + f * 0.36
        if meer:
            vormen.append(Tekst(xs[0] + pad, basis, r.gemeente, f))
        vormen.append(Tekst(xs[v - 2] + pad, basis, r.wijk, f, vet=True))
        vormen.append(Tekst(xs[v - 1] + pad, basis, r.kern, f))
        for k, u in enumerate(uitkomsten):
            vormen += _cel(u, xs[v + k], y, kolom_w[v + k], rijhoogte, f)
        vormen.append(Tekst(xs[-1] - pad, basis, score_tekst(r.score), f, anker="end"))
        y += rijhoogte
        vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), "#cccccc", 1))
    vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), INKT, 2))

    # totals per condition, each row led by its symbol
    getoond = getoonde_uitkomsten(ov)
    for u in getoond:
        vormen.append(Rect(marge, y, tabel_w, rijhoogte, "#eeeeee"))
        basis = y + rijhoogte / 2 + f * 0.36
        straal = f * 0.42
        vormen += symbool(u, xs[0] + pad + straal, y + rijhoogte / 2, straal)
        vormen.append(Tekst(xs[0] + pad + 2 * straal + 6, basis, f"Totaal {u.value}", f, vet=True))
        veld = u.name.lower()
        for k, kol in enumerate(ov.voorwaarden):
            aantal = getattr(ov.totalen[kol.id], veld)
            vormen.append(Tekst(xs[v + k] + pad, basis, str(aantal), f, vet=True))
        y += rijhoogte
        vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), "#bbbbbb", 1))
    if som is not None:
        # the same, weighted: the share of the inhabitants living in a wijk with that outcome
        vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), INKT, 2))
        for u in getoond:
            vormen.append(Rect(marge, y, tabel_w, rijhoogte, "#f7f7f7"))
            basis = y + rijhoogte / 2 + f * 0.36
            straal = f * 0.42
            vormen += symbool(u, xs[0] + pad + straal, y + rijhoogte / 2, straal)
            vormen.append(Tekst(xs[0] + pad + 2 * straal + 6, basis, f"Inwoners {u.value}", f))
            veld = u.name.lower()
            for k, kol in enumerate(ov.voorwaarden):
                deel = getattr(som.voorwaarden[kol.id].inwoners, veld)
                vormen.append(Tekst(xs[v + k] + pad, basis, procent(deel, som.inwoners), f))
            y += rijhoogte
            vormen.append(Lijn(((marge, y), (marge + tabel_w, y)), "#bbbbbb", 1))
    for x in xs[1:-1]:
        vormen.append(Lijn(((x, tabel_top), (x, y)), RAND, 1))
    vormen.append(Rect(marge, tabel_top, tabel_w, y - tabel_top, "none", INKT, 1.5))

    # legend: symbol + word for each outcome, and what the score means
    y += 28
    x = marge
    g = 12.5
    for u in getoond:
        straal = g * 0.42
        vormen += symbool(u, x + straal, y - g * 0.36, straal)
        vormen.append(Tekst(x + 2 * straal + 6, y, u.value, g))
        x += 2 * straal + 6 + tekstbreedte(u.value, g) + 20
    uitleg = [
        f"onbekend = er ontbreken gegevens; Checklist = {SCORE_UITLEG.format(ov.aantal_items)}.",
    ]
    if Uitkomst.UITZONDERING in getoond:
        uitleg.append(f"{UITZONDERING_LEGENDA}.")
    if som is not None:
        uitleg.append(_inwoners_regel(som, ov.weggelaten))
    if ov.weggelaten:
        uitleg.append(f"{weggelaten_tekst(ov.weggelaten)}.")
    if ov.ontbrekende_wijken:
        uitleg.append("Zonder wijkbestand: " + ", ".join(ov.ontbrekende_wijken) + ".")
    if ov.zonder_gemeente:
        uitleg.append(
            "Zonder gemeente.yaml, dus niet getoond: de wijken in "
            + ", ".join(ov.zonder_gemeente)
            + "."
        )
    uitleg.append("Gemaakt met wijkcheck.")
    for regel in uitleg:
        y += 20
        vormen.append(Tekst(marge, y, regel, g, kleur=GRIJS))
    breedte = max([marge * 2 + tabel_w, *(marge * 2 + tekstbreedte(t, g) for t in uitleg)])
    totaal_h = y + marge
    pixels = round(breedte * SCHAAL) * round(totaal_h * SCHAAL)
    if pixels > MAX_PIXELS:
        raise WijkcheckError.single(
            Span(""),
            f"dit plaatje zou {getal(round(breedte * SCHAAL))} × {getal(round(totaal_h * SCHAAL))} "
            f"pixels worden ({getal(pixels / 1e6, 0)} miljoen); wijkcheck tekent plaatjes tot "
            f"{getal(MAX_PIXELS / 1e6, 0)} miljoen pixels. Toon minder wijken (--gemeente, "
            "--alleen-problemen), of kies een tabel: --format html, docx of csv",
            ids.TE_GROOT_VOOR_PLAATJE,
        )
    omschrijving = f"{titel(ov)}: {len(ov.rijen)} wijken × {n} voorwaarden en de checklistscore"
    if meer:
        omschrijving += f", {len(ov.gemeenten)} gemeenten"
    return Tekening(breedte, totaal_h, titel(ov), omschrijving, vormen)
