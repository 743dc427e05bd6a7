"""Output formats: pure functions from a result to a string (docx, png: bytes).

`RENDERERS` is the one registry: (format, kind of result) → the function that renders it,
named as `module:function` and imported only when that format is used, so that python-docx and
Pillow cost `wijkcheck audit` nothing and a command can refuse a format before it does any
work (`renderer`). `render` is the one dispatch. How to add a format: docs/architectuur.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import StrEnum
from pathlib import PurePath
from typing import Any, Protocol, cast

from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError


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


# The kinds of result, by class name (the models load only when a command needs them):
AUDIT = "Rapport"  # wijkcheck audit (core.results)
OVERZICHT = "Overzicht"  # overview (reports.overview)
SOCIALE_KAART = "SocialeKaart"  # show (reports.sociale_kaart)
GOEDE_VOORBEELDEN = "GoedeVoorbeelden"  # voorbeelden (reports.goede_voorbeelden)
KAART = "Kaart"  # overview --geometrie (reports.map)
WIJKEN = "Wijkenlijst"  # list (reports.wijken)
ONDERWERPEN = "Onderwerpen"  # explain (reports.explain)
UITLEG = "Uitleg"  # explain ONDERWERP (reports.explain)
REGELSOORTEN = "Regelsoorten"  # regels (reports.explain)
VERGELIJKING = "Vergelijking"  # compare (reports.compare)
OVERZICHT_SINDS = "OverzichtSinds"  # overview --sinds (reports.compare)


class Renderer(Protocol):
    """The interface of a format: a pure function of one kind of result (its first parameter,
    annotated with that kind's class) to the text or bytes of a file."""

    def __call__(self, result: Any, /) -> str | bytes: ...


class TerminalRenderer(Protocol):
    """The terminal's: the result at a width to a rich renderable, or to parts printed one by
    one (`terminal.show`), never to text itself; `render` and `show` do the printing."""

    def __call__(self, result: Any, width: int, /) -> Any: ...


_R = "wijkcheck.formatters.report."

#: (format, kind of result) → `module:function`. A pair that is not here is refused with
#: `formaat-past-niet`. Every function takes the result (the terminal's also a width) and
#: returns str or bytes (the terminal's: a rich renderable, shown or turned into plain text).
RENDERERS: dict[tuple[OutputFormat, str], str] = {
    (OutputFormat.TABEL, AUDIT): _R + "terminal:audit",
    (OutputFormat.TABEL, OVERZICHT): _R + "terminal:overzicht",
    (OutputFormat.TABEL, SOCIALE_KAART): _R + "terminal:kaart",
    (OutputFormat.TABEL, GOEDE_VOORBEELDEN): _R + "terminal:voorbeelden",
    (OutputFormat.MARKDOWN, AUDIT): _R + "markdown:audit",
    (OutputFormat.MARKDOWN, OVERZICHT): _R + "markdown:overzicht",
    (OutputFormat.MARKDOWN, SOCIALE_KAART): _R + "markdown:kaart",
    (OutputFormat.MARKDOWN, GOEDE_VOORBEELDEN): _R + "markdown:voorbeelden",
    (OutputFormat.HTML, AUDIT): _R + "htmlfmt:audit",
    (OutputFormat.HTML, OVERZICHT): _R + "htmlfmt:overzicht",
    (OutputFormat.HTML, SOCIALE_KAART): _R + "htmlfmt:kaart",
    (OutputFormat.HTML, GOEDE_VOORBEELDEN): _R + "htmlfmt:voorbeelden",
    (OutputFormat.HTML, KAART): _R + "map_html:render",
    (OutputFormat.DOCX, AUDIT): _R + "word:audit",
    (OutputFormat.DOCX, OVERZICHT): _R + "word:overzicht",
    (OutputFormat.DOCX, SOCIALE_KAART): _R + "word:kaart",
    (OutputFormat.DOCX, GOEDE_VOORBEELDEN): _R + "word:voorbeelden",
    (OutputFormat.JSON, AUDIT): _R + "jsonfmt:render",
    (OutputFormat.JSON, OVERZICHT): _R + "jsonfmt:render",
    (OutputFormat.JSON, SOCIALE_KAART): _R + "jsonfmt:render",
    (OutputFormat.JSON, GOEDE_VOORBEELDEN): _R + "jsonfmt:render",
    (OutputFormat.CSV, AUDIT): _R + "csvfmt:audit",
    (OutputFormat.CSV, OVERZICHT): _R + "csvfmt:overzicht",
    (OutputFormat.CSV, SOCIALE_KAART): _R + "csvfmt:kaart",
    (OutputFormat.CSV, GOEDE_VOORBEELDEN): _R + "csvfmt:voorbeelden",
    (OutputFormat.SVG, OVERZICHT): _R + "svg:render",
    (OutputFormat.SVG, KAART): _R + "map_svg:render",
    (OutputFormat.PNG, OVERZICHT): _R + "png:render",
    (OutputFormat.PNG, KAART): _R + "map_png:render",
    (OutputFormat.TABEL, WIJKEN): _R + "terminal:wijken",
    (OutputFormat.TABEL, ONDERWERPEN): _R + "terminal:onderwerpen",
    (OutputFormat.TABEL, UITLEG): _R + "terminal:uitleg",
    (OutputFormat.TABEL, REGELSOORTEN): _R + "terminal:regelsoorten",
    (OutputFormat.MARKDOWN, WIJKEN): _R + "markdown:wijken",
    (OutputFormat.MARKDOWN, ONDERWERPEN): _R + "markdown:onderwerpen",
    (OutputFormat.MARKDOWN, UITLEG): _R + "markdown:uitleg",
    (OutputFormat.MARKDOWN, REGELSOORTEN): _R + "markdown:regelsoorten",
    (OutputFormat.HTML, WIJKEN): _R + "htmlfmt:wijken",
    (OutputFormat.HTML, ONDERWERPEN): _R + "htmlfmt:onderwerpen",
    (OutputFormat.HTML, UITLEG): _R + "htmlfmt:uitleg",
    (OutputFormat.HTML, REGELSOORTEN): _R + "htmlfmt:regelsoorten",
    (OutputFormat.JSON, WIJKEN): _R + "jsonfmt:render",
    (OutputFormat.JSON, ONDERWERPEN): _R + "jsonfmt:render",
    (OutputFormat.JSON, UITLEG): _R + "jsonfmt:render",
    (OutputFormat.JSON, REGELSOORTEN): _R + "jsonfmt:render",
    (OutputFormat.CSV, WIJKEN): _R + "csvfmt:wijken",
    (OutputFormat.CSV, ONDERWERPEN): _R + "csvfmt:onderwerpen",
    (OutputFormat.TABEL, VERGELIJKING): _R + "terminal:vergelijking",
    (OutputFormat.MARKDOWN, VERGELIJKING): _R + "markdown:vergelijking",
    (OutputFormat.HTML, VERGELIJKING): _R + "htmlfmt:vergelijking",
    (OutputFormat.DOCX, VERGELIJKING): _R + "word:vergelijking",
    (OutputFormat.JSON, VERGELIJKING): _R + "jsonfmt:render",
    (OutputFormat.CSV, VERGELIJKING): _R + "csvfmt:vergelijking",
    (OutputFormat.TABEL, OVERZICHT_SINDS): _R + "terminal:overzicht_sinds",
    (OutputFormat.MARKDOWN, OVERZICHT_SINDS): _R + "markdown:overzicht_sinds",
    (OutputFormat.HTML, OVERZICHT_SINDS): _R + "htmlfmt:overzicht_sinds",
    (OutputFormat.DOCX, OVERZICHT_SINDS): _R + "word:overzicht_sinds",
    (OutputFormat.JSON, OVERZICHT_SINDS): _R + "jsonfmt:render",
    (OutputFormat.CSV, OVERZICHT_SINDS): _R + "csvfmt:overzicht_sinds",
}

#: The command that makes each kind of result, for the refusal.
COMMANDS: dict[str, str] = {
    AUDIT: "audit",
    OVERZICHT: "overview",
    SOCIALE_KAART: "show",
    GOEDE_VOORBEELDEN: "voorbeelden",
    KAART: "overview",
    WIJKEN: "list",
    ONDERWERPEN: "explain",
    UITLEG: "explain ONDERWERP",
    REGELSOORTEN: "regels",
    VERGELIJKING: "compare",
    OVERZICHT_SINDS: "overview --sinds",
}

#: What a format makes, in the refusal of a format that does not fit.
WAT: dict[OutputFormat, str] = {
    OutputFormat.TABEL: "een tabel op het scherm",
    OutputFormat.MARKDOWN: "Markdown",
    OutputFormat.HTML: "een webpagina",
    OutputFormat.DOCX: "een Word-document",
    OutputFormat.JSON: "JSON",
    OutputFormat.CSV: "een tabel voor een spreadsheet",
    OutputFormat.SVG: "een plaatje van het overzicht",
    OutputFormat.PNG: "een plaatje van het overzicht",
}


def formats_for(kind: str) -> list[OutputFormat]:
    """The formats a kind of result comes in, in the order of `OutputFormat`."""
    return [fmt for fmt in OutputFormat if (fmt, kind) in RENDERERS]


def check(fmt: OutputFormat, kind: str) -> None:
    """Refuse (`formaat-past-niet`) a format that a kind of result does not come in; cheap, so
    that a command refuses before it works."""
    if (fmt, kind) in RENDERERS:
        return
    waar = dict.fromkeys(COMMANDS[k] for k in COMMANDS if (fmt, k) in RENDERERS)
    namen = [f"'wijkcheck {c}'" for c in waar]
    bij = ", ".join(namen[:-1]) + " of " + namen[-1] if len(namen) > 1 else "".join(namen)
    raise WijkcheckError.single(
        Span(""),
        f"--format {fmt.value} is {WAT[fmt]} en kan alleen bij {bij}; kies voor "
        f"'{COMMANDS[kind]}' uit {', '.join(f.value for f in formats_for(kind))}",
        ids.FORMAAT_PAST_NIET,
    )


def renderer(fmt: OutputFormat, kind: str) -> Callable[..., Any]:
    """The function that renders `kind` in `fmt` (a `Renderer`, for tabel a
    `TerminalRenderer`), its module imported now."""
    check(fmt, kind)
    module, name = RENDERERS[(fmt, kind)].split(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def kind_of(result: object) -> str:
    return type(result).__name__


def render(fmt: OutputFormat, result: Any, width: int = 100) -> str | bytes:
    """Render a result in `fmt` (tabel: plain text, `width` columns, for a file).

    JSON keeps every character (it escapes them); the other formats get the result without
    control characters (`common.schoon`)."""
    kind = kind_of(result)
    if fmt is OutputFormat.TABEL:
        from wijkcheck.formatters.report import terminal

        return terminal.plain_text(renderable(result, width), width)
    function = cast(Renderer, renderer(fmt, kind))
    return function(result if fmt is OutputFormat.JSON else _clean(result))


def renderable(result: Any, width: int) -> Any:
    """The terminal view of a result (a rich renderable), for the screen."""
    function = cast(TerminalRenderer, renderer(OutputFormat.TABEL, kind_of(result)))
    return function(_clean(result), width)


def show(out: Any, result: Any) -> None:
    """Print the terminal view of a result on a rich console (the screen)."""
    from wijkcheck.formatters.report import terminal

    terminal.show(out, renderable(result, out.width))


def _clean(result: Any) -> Any:
    """Without control characters (`common.schoon`); a map's overview has been through it, and
    text from its geometry file is escaped where drawn."""
    if kind_of(result) == KAART:
        return result
    from wijkcheck.formatters.report.common import schoon

    return schoon(result)
