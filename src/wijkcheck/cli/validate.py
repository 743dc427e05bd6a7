"""validate: the data gate for CI and pre-commit."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from wijkcheck.cli.group import EXIT_BEVINDINGEN, EXIT_INVOER, EXIT_OK, app
from wijkcheck.cli.options import ChecklistOpt, EigenDataOpt, auditdatum, data_root
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.formatters.findings import ValidateFormat

PadenArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Bestanden of mappen om te controleren. Zonder paden: de hele gegevensmap (alle "
        "gemeenten, wijkbestanden en checklists).",
        metavar="PADEN",
        show_default=False,
    ),
]
ValidateFormatOpt = Annotated[
    ValidateFormat,
    typer.Option(
        "--format",
        "-f",
        help="Uitvoervorm: tekst, github (annotaties) of json. auto kiest github als "
        "GITHUB_ACTIONS gezet is, anders tekst.",
        case_sensitive=False,
    ),
]
StriktOpt = Annotated[
    bool, typer.Option("--strikt", help="Exitcode 1 ook bij alleen waarschuwingen.")
]
PeildatumOpt = Annotated[
    str | None,
    typer.Option(
        "--datum",
        help="Peildatum als JJJJ-MM-DD: latere datums liggen 'in de toekomst', oudere cijfers "
        "zijn 'verouderd'. Standaard: vandaag.",
        metavar="JJJJ-MM-DD",
        show_default=False,
    ),
]


def geen_gegevensmap(cwd: Path) -> WijkcheckError:
    """A data gate never passes on other data than the user's: not on the bundled examples."""
    from wijkcheck.sources.dataroot import ENV_DATA, gemeente_mappen

    hint = ""
    if (cwd / "wijken").is_dir() or gemeente_mappen(cwd):
        hint = " Deze map heeft zelf wijkgegevens: gebruik 'wijkcheck validate --data .'"
    return WijkcheckError.single(
        Span(""),
        f"geen gegevensmap gevonden: geen --data, geen {ENV_DATA} en geen map data/wijken/ in "
        f"{cwd} of een map daarboven. validate controleert alleen uw eigen gegevens, nooit de "
        "meegeleverde voorbeeldgegevens. Wijs uw gegevens aan met --data MAP, met "
        f"{ENV_DATA}=MAP, of werk in een map met data/wijken/; of noem de bestanden of mappen "
        f"(wijkcheck validate PADEN).{hint}",
        ids.GEEN_GEGEVENSMAP,
    )


@app.command("validate")
def validate_cmd(
    paden: PadenArg = None,
    data: EigenDataOpt = None,
    fmt: ValidateFormatOpt = ValidateFormat.AUTO,
    strikt: StriktOpt = False,
    datum: PeildatumOpt = None,
    checklist: ChecklistOpt = None,
) -> None:
    """Controleer de gegevens: YAML, velden, verwijzingen tussen bestanden en plausibiliteit.

    Elke bevinding staat op één regel als pad:regel:kolom: fout: bericht (id). Alle
    bevindingen van alle bestanden komen in één keer. Exitcode 0: geen fouten (waarschuwingen
    mogen); 1: fouten (of waarschuwingen met --strikt); 2: een pad of bestand kon niet gelezen
    worden, een onjuiste optie, of er is geen gegevensmap (validate controleert nooit de
    meegeleverde voorbeeldgegevens: geef --data, WIJKCHECK_DATA of werk in een map met
    data/wijken/). Met --checklist controleert validate de wijk- en gemeentebestanden tegen
    die checklist (een thema-checklist over die van de gemeente heen) in plaats van die uit
    gemeente.yaml.
    """
    from wijkcheck.checks.run import validate
    from wijkcheck.cli.progress import ProgressBar
    from wijkcheck.formatters.findings import kies, render

    peil = auditdatum(datum)
    root = data_root(data)
    if root.meegeleverd and not paden:
        raise geen_gegevensmap(Path.cwd())
    with ProgressBar("bestanden") as progress:
        uitslag = validate(list(paden or []), root, peil, progress=progress, checklist=checklist)
    gekozen = kies(fmt, os.environ)
    typer.echo(render(gekozen, uitslag), nl=False)
    doel = os.environ.get("GITHUB_STEP_SUMMARY")
    if gekozen is ValidateFormat.GITHUB and doel:
        from wijkcheck.formatters.findings.github import summary

        try:
            # a regular file only: a pipe or device there would block or vanish the summary
            if os.path.exists(doel) and not os.path.isfile(doel):
                raise OSError(0, "geen gewoon bestand")
            with open(doel, "a", encoding="utf-8") as f:
                f.write(summary(uitslag))
        except OSError as exc:
            sys.stderr.write(
                f"waarschuwing: kan de samenvatting niet schrijven naar GITHUB_STEP_SUMMARY "
                f"({doel}): {exc.strerror or exc}\n"
            )
    if uitslag.onleesbaar:
        raise typer.Exit(EXIT_INVOER)
    if uitslag.fouten or (strikt and uitslag.waarschuwingen):
        raise typer.Exit(EXIT_BEVINDINGEN)
    raise typer.Exit(EXIT_OK)
