"""PNG: the overview matrix as a bitmap, drawn with Pillow from the same layout as the SVG.

Symbols are drawn as lines, so only the words need a font: DejaVu Sans when the system has it
(Debian: fonts-dejavu-core), else Verdana or Arial, else Pillow's own font. Pillow is imported
here only, when this format is used.
"""

from __future__ import annotations

import io
from functools import cache

from wijkcheck.formatters.report.matrix import SCHAAL, Lijn, Rect, Tekening, teken
from wijkcheck.reports.overview import Overzicht

_LETTERS = {
    (False, False): ("DejaVuSans.ttf", "Verdana.ttf", "verdana.ttf", "Arial.ttf", "arial.ttf"),
    (True, False): ("DejaVuSans-Bold.ttf", "Verdana Bold.ttf", "verdanab.ttf", "arialbd.ttf"),
    (False, True): ("DejaVuSans-Oblique.ttf", "Verdana Italic.ttf", "verdanai.ttf", "ariali.ttf"),
    (True, True): ("DejaVuSans-BoldOblique.ttf", "verdanaz.ttf", "arialbi.ttf"),
}


@cache
def letter(grootte: int, vet: bool, cursief: bool):
    from PIL import ImageFont

    # Pillow looks these names up in the system's font folders too.
    for naam in (*_LETTERS[(vet, cursief)], *_LETTERS[(vet, False)], *_LETTERS[(False, False)]):
        try:
            return ImageFont.truetype(naam, grootte)
        except OSError:
            continue
    return ImageFont.load_default(grootte)


def png(t: Tekening) -> bytes:
    from PIL import Image, ImageDraw

    s = SCHAAL
    img = Image.new("RGB", (round(t.breedte * s), round(t.hoogte * s)), "#ffffff")
    draw = ImageDraw.Draw(img)
    for v in t.vormen:
        if isinstance(v, Rect):
            box = (v.x * s, v.y * s, (v.x + v.w) * s, (v.y + v.h) * s)
            fill = None if v.fill == "none" else v.fill
            if fill:
                draw.rectangle(box, fill=fill)
            if v.stroke:
                _rand(draw, box, v.stroke, max(1, round(v.stroke_width * s)), v.dashed)
        elif isinstance(v, Lijn):
            pts = [(x * s, y * s) for x, y in v.punten]
            dikte = max(1, round(v.dikte * s))
            draw.line(pts, fill=v.kleur, width=dikte, joint="curve")
            r = dikte / 2
            for x, y in (pts[0], pts[-1]):
                draw.ellipse((x - r, y - r, x + r, y + r), fill=v.kleur)
        else:
            font = letter(round(v.grootte * s), v.vet, v.cursief)
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[v.anker]
            draw.text((v.x * s, v.y * s), v.tekst, fill=v.kleur, font=font, anchor=anchor)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True, dpi=(96 * s, 96 * s))
    return buf.getvalue()


def _rand(draw, box, kleur: str, dikte: int, gestreept: bool) -> None:
    x0, y0, x1, y1 = box
    if not gestreept:
        draw.rectangle(box, outline=kleur, width=dikte)
        return
    streep, gat = 4 * SCHAAL * 2, 3 * SCHAAL * 2
    for a, b, vast, horizontaal in (
        (x0, x1, y0, True),
        (x0, x1, y1, True),
        (y0, y1, x0, False),
        (y0, y1, x1, False),
    ):
        p = a
        while p < b:
            q = min(p + streep, b)
            if horizontaal:
                draw.line([(p, vast), (q, vast)], fill=kleur, width=dikte)
            else:
                draw.line([(vast, p), (vast, q)], fill=kleur, width=dikte)
            p = q + gat


def render(result: Overzicht) -> bytes:
    return png(teken(result))
