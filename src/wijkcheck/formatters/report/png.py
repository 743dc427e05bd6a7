"""PNG: the overview matrix as a bitmap, drawn with Pillow from the same layout as the SVG.

Symbols are drawn as lines, so only the words need a font: DejaVu Sans when the system has it
(Debian: fonts-dejavu-core), else Verdana or Arial, else Pillow's own font. Pillow is imported
here only, when this format is used.
"""

from __future__ import annotations

import io
from functools import cache

from wijkcheck.formatters.report.matrix import SCHAAL, Lijn, Rect, Tekening, Vlak, teken
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
    patronen: dict[str, object] = {}
    for v in t.vormen:
        if isinstance(v, Vlak):
            _vlak(img, draw, v, s, patronen)
        elif isinstance(v, Rect):
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
            draw.text(
                (v.x * s, v.y * s),
                v.tekst,
                fill=v.kleur,
                font=font,
                anchor=anchor,
                stroke_width=round(1.5 * s) if v.halo else 0,
                stroke_fill="#ffffff" if v.halo else None,
            )
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True, dpi=(96 * s, 96 * s))
    return buf.getvalue()


def _vlak(img, draw, v: Vlak, s: float, patronen: dict) -> None:
    """A shape of rings filled even-odd (holes), as SVG's fill-rule: Pillow's polygons know no
    holes, so each ring toggles a mask the size of the shape's box."""
    from PIL import Image, ImageChops, ImageDraw

    ringen = [[(x * s, y * s) for x, y in ring] for ring in v.ringen]
    x0 = max(0, int(min(x for r in ringen for x, _ in r)))
    y0 = max(0, int(min(y for r in ringen for _, y in r)))
    x1 = min(img.width, int(max(x for r in ringen for x, _ in r)) + 2)
    y1 = min(img.height, int(max(y for r in ringen for _, y in r)) + 2)
    if x1 <= x0 or y1 <= y0:
        return
    masker = Image.new("1", (x1 - x0, y1 - y0), 0)
    for ring in ringen:
        laag = Image.new("1", masker.size, 0)
        ImageDraw.Draw(laag).polygon([(x - x0, y - y0) for x, y in ring], fill=1)
        masker = ImageChops.logical_xor(masker, laag)
    img.paste(v.fill, (x0, y0, x1, y1), masker)
    if v.patroon:
        if v.patroon not in patronen:
            patronen[v.patroon] = _patroon(v.patroon, img.size, s)
        inkt = ImageChops.logical_and(patronen[v.patroon].crop((x0, y0, x1, y1)), masker)
        img.paste(_PATROON_KLEUR[v.patroon], (x0, y0, x1, y1), inkt)
    if v.stroke:
        dikte = max(1, round(v.stroke_width * s))
        for ring in ringen:
            draw.line([*ring, ring[0]], fill=v.stroke, width=dikte, joint="curve")


_PATROON_KLEUR = {"arcering": "#5a0a0a", "stippen": "#5c4400", "strepen": "#1a3d8f"}


def _patroon(naam: str, grootte: tuple[int, int], s: float):
    """The pattern over the whole picture (so it runs on across shapes), as the SVG's."""
    from PIL import Image, ImageDraw

    laag = Image.new("1", grootte, 0)
    d = ImageDraw.Draw(laag)
    b, h = grootte
    if naam == "arcering":
        stap = 7 * s * 2**0.5  # lines 7 px apart at 45 degrees, as the SVG pattern
        k = float(-h)
        while k < b:
            d.line([(k, h), (k + h, 0)], fill=1, width=max(1, round(1.6 * s)))
            k += stap
    elif naam == "strepen":
        stap, y = 6 * s, 3 * s  # horizontal lines 6 px apart, as the SVG pattern
        while y < h:
            d.line([(0, y), (b, y)], fill=1, width=max(1, round(1.4 * s)))
            y += stap
    else:
        stap, r = 6 * s, 1.1 * s
        y = 3 * s
        while y < h:
            x = 3 * s
            while x < b:
                d.ellipse((x - r, y - r, x + r, y + r), fill=1)
                x += stap
            y += stap
    return laag


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
