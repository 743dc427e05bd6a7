"""Options and helpers every command shares: where the data is, which wijk, which date."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from wijkcheck.cli.pipe import pijp_dicht_is_stil
from wijkcheck.core import finding_ids as ids
from wijkcheck.core.errors import Span, WijkcheckError
from wijkcheck.formatters import OutputFormat

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from rich.console import Console

    from wijkcheck.core.checklist import Checklist
    from wijkcheck.core.models import Wijk
    from wijkcheck.core.results import Result
    from wijkcheck.sources.dataroot import DataRoot
    from wijkcheck.sources.store import GemeenteData

    R = TypeVar("R", bound=Result)


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="MAP",
        help="Map met de gegevens (met data/wijken/). Anders: $WIJKCHECK_DATA, dan de repository "
        "waarin u staat, dan de meegeleverde voorbeeldgegevens.",
        show_default=False,
    ),
]
#: `--data` of a command that works only on the user's own data (validate, new, import-cbs)
EigenDataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="MAP",
        help="Map met uw gegevens (met data/wijken/). Anders: $WIJKCHECK_DATA, dan de "
        "repository waarin u staat; nooit de meegeleverde voorbeeldgegevens.",
        show_default=False,
    ),
]


ChecklistOpt = Annotated[
    str | None,
    typer.Option(
        "--checklist",
        metavar="NAAM|PAD",
        help="Naam of pad van de checklist. Standaard: de checklist die gemeente.yaml noemt.",
        show_default=False,
    ),
]


DatumOpt = Annotated[
    str | None,
    typer.Option(
        "--datum",
        metavar="JJJJ-MM-DD",
        help="Auditdatum als JJJJ-MM-DD. Standaard: vandaag.",
        show_default=False,
    ),
]


GemeenteOpt = Annotated[
    str | None,
    typer.Option(
        "--gemeente",
        metavar="NAAM",
        help="Gemeente, als een wijknaam in meer gemeenten voorkomt.",
        show_default=False,
    ),
]


def format_option(kind: str, ook: str = "") -> typer.models.OptionInfo:
    """`--format` of a command whose result is `kind`: its help names the formats the registry
    has for it (`ook`: what to add, such as a format only some of its runs have). The metavar
    is one word: a list of choices would be cut mid-word at 80 columns."""
    from wijkcheck.formatters import formats_for

    namen = [f.value for f in formats_for(kind)]
    anders = [n for n in namen if n != OutputFormat.TABEL.value]
    return typer.Option(
        "--format",
        "-f",
        help=f"Uitvoervorm: tabel (scherm), {', '.join(anders[:-1])} of {anders[-1]}{ook}. "
        "Standaard: tabel, of volgens de extensie van --output.",
        metavar="FORMAAT",
        case_sensitive=False,
        show_default=False,
    )


def console() -> Console:
    # rich honours NO_COLOR and pipes. Our texts are data, not markup or emoji codes.
    from rich.console import Console

    return pijp_dicht_is_stil(Console(highlight=False, markup=False, emoji=False))


def data_root(data: Path | None) -> DataRoot:
    from wijkcheck.sources import dataroot

    return dataroot.find_root(data, os.environ, Path.cwd())


def herkomst(result: R, root: DataRoot) -> R:
    """The result, marked when it was made from the bundled example data (every format then
    says so in its header)."""
    if not root.meegeleverd:
        return result
    return result.model_copy(update={"meegeleverde_gegevens": True})


def auditdatum(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise WijkcheckError.single(
        Span("--datum"),
        f"ongeldige datum '{text}'; verwacht JJJJ-MM-DD, bijv. 2025-06-30",
        ids.ARGUMENT,
    )


def wijk_met_checklist(
    root: DataRoot, wijk: str, gemeente: str | None, checklist: str | None, datum: dt.date
) -> tuple[GemeenteData, Wijk, Checklist]:
    """The wijk a command is about, its gemeente and checklist, through the gate every
    command passes (`checks.run.poort`): data `validate --datum` refuses is refused here, as
    a user error with positions."""
    from wijkcheck.checks.run import poort
    from wijkcheck.sources import store

    gd, gevonden = store.find_wijk(root, wijk, gemeente)
    cl, cldoc = store.checklist_for(root, checklist, gd.gemeente, gd.doc)
    problemen = poort(cl, cldoc, gd, datum)
    if problemen:
        raise WijkcheckError(problemen, meegeleverd=root.meegeleverd)
    return gd, gevonden, cl


def _standaard_checklist(root) -> tuple[str, str | None]:
    """The checklist the first readable gemeente.yaml names, with that gemeente's name. Only
    for `wijkcheck schema`, which helps to repair data and so must work on broken data; every
    command that uses data gets its checklist through the gate (`standaard_checklist`)."""
    from wijkcheck.sources import store
    from wijkcheck.sources.dataroot import gemeente_mappen

    for folder in gemeente_mappen(root.wijken):
        try:
            gemeente = store.load_gemeente_file(folder)[0]
            return gemeente.checklist, gemeente.naam
        except WijkcheckError:
            continue
    return "hart-van-brabant", None


def checklist_zonder_wijk(root: DataRoot, checklist: str | None) -> tuple[Checklist, str | None]:
    """The checklist of a command about no wijk (explain, schema): `--checklist`, a theme laid
    on the checklist of the first gemeente, or else that gemeente's own checklist (then with
    that gemeente's name, for the bundled-data notice)."""
    from wijkcheck.sources import store

    naam, gemeentenaam = _standaard_checklist(root)

    def eigen() -> Path:
        return store.checklist_path(root, naam, store.ChecklistBron.GEMEENTE)

    if checklist:
        gekozen = store.load_checklist(
            root, checklist, store.ChecklistBron.OPDRACHTREGEL, basis=eigen
        )
        return gekozen[0], None
    cl, _ = store.load_checklist(
        root, naam, store.ChecklistBron.GEMEENTE, basis=lambda: store.geen_thema(naam, None)
    )
    return cl, gemeentenaam


def standaard_checklist(root: DataRoot) -> tuple[Checklist, str]:
    """The checklist of the first gemeente, with that gemeente's name, through the gate every
    command passes: `explain` refuses what `validate` refuses about that gemeente."""
    import datetime as dt

    from wijkcheck.reports.batch import Gemeenten

    mappen = _gemeente_mappen(root, None)
    from wijkcheck.sources import store

    dubbel = store.dubbele_gemeenten(mappen)
    if dubbel:
        raise WijkcheckError(dubbel)
    gebruikt = Gemeenten(root, None, dt.date.today()).gebruik(mappen[0])
    if isinstance(gebruikt, list):
        raise WijkcheckError(gebruikt)
    gd, cl = gebruikt
    return cl, gd.gemeente.naam


def _gemeente_mappen(root, gemeente: str | None):
    """The folder of the gemeente asked for, or without --gemeente those of all gemeenten.
    Two folders for one gemeente are refused (`dubbele-gemeente`), as `validate` reports them
    (without --gemeente the caller checks the folders it gets, as the overview does)."""
    return _gemeenten_en_weggelaten(root, gemeente)[0]


def _gemeenten_en_weggelaten(root, gemeente: str | None):
    """`_gemeente_mappen`, with the folders a report of the whole data folder leaves out for
    lack of a gemeente.yaml (`Ontdekking.zonder_gemeente`; none with --gemeente), from one
    look at the data folder."""
    gevonden = root.ontdekking()
    mappen = gevonden.mappen
    if not mappen:
        from wijkcheck.sources.dataroot import geen_gemeenten

        raise geen_gemeenten(root)
    if gemeente is None:
        return mappen, gevonden.zonder_gemeente
    from wijkcheck.sources import store  # not before: the overview parses while it imports

    dubbel = store.dubbele_gemeenten(mappen)
    if dubbel:
        raise WijkcheckError(dubbel)
    return [store.kies_gemeente(root, gemeente, mappen)], {}
