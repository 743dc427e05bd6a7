"""Output formats. Each format is a pure function from a result to a string (docx, png: bytes).

Results are a `Rapport` (audit), an `Overzicht` (overview) or a `SocialeKaart` (show). Each format
module has `render(result)`; `FORMATTERS` maps the format to its module, which is imported only
when that format is asked for, so python-docx and Pillow cost `wijkcheck audit` nothing.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from pathlib import PurePath
from typing import Any


class OutputFormat(StrEnum):
    TABEL = "tabel"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    JSON = "json"
    CSV = "csv"
    SVG = "svg"
    PNG = "png"

    @property
    def binair(self) -> bool:
        return self in (OutputFormat.DOCX, OutputFormat.PNG)


#: Pictures of the overview matrix; other results have no picture.
ALLEEN_OVERZICHT = frozenset({OutputFormat.SVG, OutputFormat.PNG})

FORMATTERS: dict[OutputFormat, str] = {
    OutputFormat.TABEL: "wijkcheck.formatters.report.terminal",
    OutputFormat.MARKDOWN: "wijkcheck.formatters.report.markdown",
    OutputFormat.HTML: "wijkcheck.formatters.report.htmlfmt",
    OutputFormat.DOCX: "wijkcheck.formatters.report.word",
    OutputFormat.JSON: "wijkcheck.formatters.report.jsonfmt",
    OutputFormat.CSV: "wijkcheck.formatters.report.csvfmt",
    OutputFormat.SVG: "wijkcheck.formatters.report.svg",
    OutputFormat.PNG: "wijkcheck.formatters.report.png",
}

#: The map of an overview (`overview --geometrie`) comes in these formats.
KAART_FORMATTERS: dict[OutputFormat, str] = {
    OutputFormat.SVG: "wijkcheck.formatters.report.map_svg",
    OutputFormat.PNG: "wijkcheck.formatters.report.map_png",
    OutputFormat.HTML: "wijkcheck.formatters.report.map_html",
}

EXTENSIES: dict[str, OutputFormat] = {
    ".txt": OutputFormat.TABEL,
    ".md": OutputFormat.MARKDOWN,
    ".markdown": OutputFormat.MARKDOWN,
    ".html": OutputFormat.HTML,
    ".htm": OutputFormat.HTML,
    ".docx": OutputFormat.DOCX,
    ".json": OutputFormat.JSON,
    ".csv": OutputFormat.CSV,
    ".svg": OutputFormat.SVG,
    ".png": OutputFormat.PNG,
}


def uit_bestandsnaam(path: str) -> OutputFormat | None:
    """The format a file name asks for by its extension (`memo.docx` → docx), if any."""
    return EXTENSIES.get(PurePath(path).suffix.lower())


def render(fmt: OutputFormat, result: Any) -> str | bytes:
    """Render a result in `fmt`; the CLI has checked that the format fits the result.

    JSON keeps every character (it escapes them); the other formats get the result without
    control characters (`common.schoon`)."""
    if fmt is not OutputFormat.JSON:
        from wijkcheck.formatters.report.common import schoon

        result = schoon(result)
    return importlib.import_module(FORMATTERS[fmt]).render(result)


def render_kaart(fmt: OutputFormat, kaart: Any) -> str | bytes:
    """Render the map of an overview in `fmt` (one of `KAART_FORMATTERS`); its overview has
    been through `common.schoon`, and text from the geometry file is escaped where drawn."""
    return importlib.import_module(KAART_FORMATTERS[fmt]).render(kaart)
