"""`wijkcheck compare WIJK --sinds REF`: one wijk then and now."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wijkcheck import formatters
from wijkcheck.cli.group import app
from wijkcheck.cli.options import (
    ChecklistOpt,
    DataOpt,
    DatumOpt,
    GemeenteOpt,
    auditdatum,
    data_root,
    format_option,
    herkomst,
    wijk_met_checklist,
)
from wijkcheck.cli.output import ForceOpt, kies_formaat, lever, output_option
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Finding, Span, WijkcheckError
from wijkcheck.formatters import OutputFormat

if TYPE_CHECKING:
    from wijkcheck.core.results import Rapport
    from wijkcheck.sources.history import Eerder

SindsOpt = Annotated[
    str,
    typer.Option(
        "--sinds",
        metavar="REF",
        help="Waarmee vergelijken: een git-revisie van de gegevensrepository (HEAD~1, een tag, "
        "een commit; git:REV is altijd een revisie), een andere gegevensmap, of een bewaard "
        "JSON-rapport (audit -f json). Een bestaand pad gaat voor een revisie.",
        show_default=False,
    ),
]

DatumSindsOpt = Annotated[
    str | None,
    typer.Option(
        "--datum-sinds",
        metavar="JJJJ-MM-DD",
        help="Auditdatum van toen. Standaard: de datum van de commit (git-revisie), de "
        "auditdatum van het rapport, of bij een gegevensmap dezelfde als --datum.",
        show_default=False,
    ),
]


def rapport_toen(
    vroeger: Eerder,
    wijk: str,
    gemeente: str | None,
    checklist: str | None,
    datum: dt.date,
) -> Rapport:
    """The wijk's audit at the earlier side: from its data, through the same gate as every
    command (errors name the revision and file:line:column), or from a saved report."""
    from wijkcheck.core import engine

    if vroeger.rapport is not None:
        data = vroeger.rapport
        if data.get("soort") != "audit":
            raise WijkcheckError.single(
                Span("--sinds"),
                f"{vroeger.naam} is een overzicht; 'compare' vergelijkt met een rapport van "
                "'wijkcheck audit WIJK -f json' (een overzicht past bij 'overview --sinds')",
                ids.SINDS_RAPPORT,
            )
        return _rapport_uit_json(vroeger, data, wijk)
    assert vroeger.root is not None
    try:
        gd, gevonden, cl = wijk_met_checklist(vroeger.root, wijk, gemeente, checklist, datum)
        return engine.audit(cl, gd.gemeente, gevonden, gd.wijken, datum)
    except WijkcheckError as fout:
        raise fout_van_toen(vroeger, fout) from None


def fout_van_toen(vroeger: Eerder, fout: WijkcheckError) -> WijkcheckError:
    """An error in the data of then, naming the revision (`REV:path:line:column`)."""
    fout = vroeger.hernoem(fout)
    eerste, *rest = fout.findings or [Finding(Span("--sinds"), "ongeldige gegevens", ids.SINDS)]
    eerste = replace(eerste, message=f"{eerste.message} (in {vroeger.naam})")
    return WijkcheckError([eerste, *rest])


def datum_toen(vroeger: Eerder, datum_sinds: str | None, nu: dt.date) -> dt.date:
    """The audit date of then: --datum-sinds, else the commit's date, else the date of now."""
    if datum_sinds is not None:
        return _datum_sinds(datum_sinds)
    return vroeger.datum if vroeger.datum is not None else nu


def _rapport_uit_json(vroeger: Eerder, data: dict[str, Any], wijk: str) -> Rapport:
    from wijkcheck.core.names import sleutel
    from wijkcheck.core.results import Rapport
    from wijkcheck.sources.history import opgeslagen

    rapport = opgeslagen(Rapport, data, vroeger.naam, "auditrapport")
    if sleutel(rapport.wijk) != sleutel(wijk) and sleutel(rapport.wijk) not in sleutel(wijk):
        raise WijkcheckError.single(
            Span("--sinds"),
            f"{vroeger.naam} gaat over wijk {rapport.wijk}, niet over {wijk}",
            ids.SINDS_RAPPORT,
        )
    return rapport


@app.command("compare")
def compare_cmd(
    wijk: Annotated[
        str,
        typer.Argument(
            metavar="WIJK",
            help="Naam van de wijk, bijv. Vlijmen-Dorp of 'vlijmen dorp'.",
            show_default=False,
        ),
    ],
    sinds: SindsOpt,
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    datum_sinds: DatumSindsOpt = None,
    gemeente: GemeenteOpt = None,
    fmt: Annotated[OutputFormat | None, format_option(formatters.VERGELIJKING)] = None,
    output: Annotated[str | None, output_option(formatters.VERGELIJKING)] = None,
    force: ForceOpt = False,
) -> None:
    """Vergelijk één wijk nu met een eerder moment.

    Per voorwaarde en item: verbeterd, verslechterd, gelijk, nieuw, vervallen of niet
    vergelijkbaar (onbekend aan één kant), met de cijfers van toen en nu en wat er in de
    gegevens veranderde: een cijfer, een voorziening erbij of weg, een drempel van de
    checklist. Zie docs/vergelijken.md.
    """
    from wijkcheck.core import engine
    from wijkcheck.reports.compare import vergelijk
    from wijkcheck.sources.history import eerder

    fmt = kies_formaat(fmt, output, formatters.VERGELIJKING)
    root = data_root(data)
    peil = auditdatum(datum)
    gd, gevonden, cl = wijk_met_checklist(root, wijk, gemeente, checklist, peil)
    nu = herkomst(engine.audit(cl, gd.gemeente, gevonden, gd.wijken, peil), root)
    with eerder(sinds, root, Path.cwd()) as vroeger:
        peil_toen = datum_toen(vroeger, datum_sinds, peil)
        toen = rapport_toen(
            vroeger, gevonden.naam, gemeente or gd.gemeente.naam, checklist, peil_toen
        )
        naam = vroeger.naam
    lever(herkomst(vergelijk(toen, nu, naam), root), fmt, output, force)


def _datum_sinds(tekst: str) -> dt.date:
    try:
        return auditdatum(tekst)
    except WijkcheckError:
        raise WijkcheckError.single(
            Span("--datum-sinds"),
            f"ongeldige datum '{tekst}'; verwacht JJJJ-MM-DD, bijv. 2025-06-30",
            ids.ARGUMENT,
        ) from None
