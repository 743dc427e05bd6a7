"""`wijkcheck regels`: the rule kinds a checklist can use, with examples."""

from __future__ import annotations

from typing import Annotated

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import format_option
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.formatters import OutputFormat


@app.command("regels")
def regels_cmd(
    fmt: Annotated[OutputFormat | None, format_option(formatters.REGELSOORTEN)] = None,
    output: Annotated[str | None, output_option(formatters.REGELSOORTEN)] = None,
    force: ForceOpt = False,
) -> None:
    """Toon de soorten regels die een checklist kan gebruiken, met voorbeelden."""
    from wijkcheck.reports.explain import regelsoorten

    fmt = kies_formaat(fmt, output, formatters.REGELSOORTEN)
    lever(regelsoorten(), fmt, output, force)
