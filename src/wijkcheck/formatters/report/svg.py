"""SVG: a picture of the overview matrix for slides and memos, written by hand.

Every text goes through XML escaping; the picture needs no external fonts or images.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from wijkcheck.formatters.report.matrix import FONT, Lijn, Rect, Tekening, Tekst, Vlak, teken
from wijkcheck.reports.overview import Overzicht


def _getal(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


#: The patterns a `Vlak` can carry over its fill: hatching, dots and stripes, in dark ink.
PATRONEN = {
    "arcering": (
        '<pattern id="arcering" width="7" height="7" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="7" stroke="#5a0a0a" '
        'stroke-width="1.6"/></pattern>'
    ),
    "stippen": (
        '<pattern id="stippen" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<circle cx="3" cy="3" r="1.1" fill="#5c4400"/></pattern>'
    ),
    "strepen": (
        '<pattern id="strepen" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<line x1="0" y1="3" x2="6" y2="3" stroke="#1a3d8f" stroke-width="1.4"/></pattern>'
    ),
}


def _pad(v: Vlak) -> str:
    return " ".join(
        "M" + " ".join(f"{_getal(x)},{_getal(y)}" for x, y in ring) + "Z" for ring in v.ringen
    )


def _vorm(v: Rect | Lijn | Tekst | Vlak) -> str:
    if isinstance(v, Vlak):
        d = _pad(v)
        rand = f' stroke="{v.stroke}" stroke-width="{_getal(v.stroke_width)}"' if v.stroke else ""
        tip = f"<title>{escape(v.titel)}</title>" if v.titel else ""
        uit = f'<path d="{d}" fill="{v.fill}" fill-rule="evenodd"{rand} stroke-linejoin="round">'
        uit += f"{tip}</path>"
        if v.patroon:
            uit += f'<path d="{d}" fill="url(#{v.patroon})" fill-rule="evenodd"/>'
        return uit
    if isinstance(v, Rect):
        rand = ""
        if v.stroke:
            rand = f' stroke="{v.stroke}" stroke-width="{_getal(v.stroke_width)}"'
            if v.dashed:
                rand += ' stroke-dasharray="4 3"'
        return (
            f'<rect x="{_getal(v.x)}" y="{_getal(v.y)}" width="{_getal(v.w)}" '
            f'height="{_getal(v.h)}" fill="{v.fill}"{rand}/>'
        )
    if isinstance(v, Lijn):
        punten = " ".join(f"{_getal(x)},{_getal(y)}" for x, y in v.punten)
        return (
            f'<polyline points="{punten}" fill="none" stroke="{v.kleur}" '
            f'stroke-width="{_getal(v.dikte)}" stroke-linecap="round" stroke-linejoin="round"/>'
        )
    stijl = ""
    if v.vet:
        stijl += ' font-weight="bold"'
    if v.cursief:
        stijl += ' font-style="italic"'
    if v.anker != "start":
        stijl += f' text-anchor="{v.anker}"'
    if v.kleur != "#111111":
        stijl += f' fill="{v.kleur}"'
    if v.halo:
        stijl += ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
    return (
        f'<text x="{_getal(v.x)}" y="{_getal(v.y)}" font-size="{_getal(v.grootte)}"{stijl}>'
        f"{escape(v.tekst)}</text>"
    )


def svg(t: Tekening) -> str:
    b, h = _getal(t.breedte), _getal(t.hoogte)
    patronen = sorted({v.patroon for v in t.vormen if isinstance(v, Vlak) and v.patroon})
    defs = [f"<defs>{''.join(PATRONEN[p] for p in patronen)}</defs>"] if patronen else []
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{b}" height="{h}" '
            f'viewBox="0 0 {b} {h}" role="img" aria-labelledby="titel omschrijving" '
            f'font-family={quoteattr(FONT)} fill="#111111">',
            f'<title id="titel">{escape(t.titel)}</title>',
            f'<desc id="omschrijving">{escape(t.omschrijving)}</desc>',
            *defs,
            f'<rect width="{b}" height="{h}" fill="#ffffff"/>',
            *(_vorm(v) for v in t.vormen),
            "</svg>",
            "",
        ]
    )


def render(result: Overzicht) -> str:
    return svg(teken(result))
