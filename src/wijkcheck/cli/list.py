"""`wijkcheck list`: the gemeenten, kernen and wijken in the data."""

from __future__ import annotations

from typing import Annotated

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    DataOpt,
    GemeenteOpt,
    _gemeenten_en_weggelaten,
    data_root,
    format_option,
    herkomst,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.formatters import OutputFormat


@app.command("list")
def list_cmd(
    data: DataOpt = None,
    gemeente: GemeenteOpt = None,
    fmt: Annotated[OutputFormat | None, format_option(formatters.WIJKEN)] = None,
    output: Annotated[str | None, output_option(formatters.WIJKEN)] = None,
    force: ForceOpt = False,
) -> None:
    """Toon alle wijken met hun kern en aantal inwoners."""
    from wijkcheck.reports.wijken import wijkenlijst

    fmt = kies_formaat(fmt, output, formatters.WIJKEN)
    root = data_root(data)
    mappen, zonder = _gemeenten_en_weggelaten(root, gemeente)
    lijst = wijkenlijst(root, mappen, alle_mappen=gemeente is None)
    if zonder:  # the whole data folder: say what it leaves out
        lijst = lijst.model_copy(update={"zonder_gemeente": zonder})
    lever(herkomst(lijst, root), fmt, output, force)
