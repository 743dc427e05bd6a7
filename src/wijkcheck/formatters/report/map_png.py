"""The map as a bitmap: the SVG's layout drawn with Pillow (`formatters.png`)."""

from __future__ import annotations

from wijkcheck.formatters.report.map_svg import teken
from wijkcheck.formatters.report.png import png
from wijkcheck.reports.map import Kaart


def render(kaart: Kaart) -> bytes:
    return png(teken(kaart))
