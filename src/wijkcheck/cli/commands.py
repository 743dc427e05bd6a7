"""audit, list, explain, regels: the everyday commands."""

from __future__ import annotations

import datetime as dt
import inspect
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import click
import typer

from wijkcheck.cli import EXIT_BEVINDINGEN, app, pijp_dicht_is_stil
from wijkcheck.cli.uitvoer import ForceOpt, OutputOpt, kies_formaat, lever, toon
from wijkcheck.errors import Span, WijkcheckError
from wijkcheck.formatters import OutputFormat

if TYPE_CHECKING:  # the models (and rich) load only when a command needs them (start-up time)
    from rich.console import Console

    from wijkcheck.checklist import Checklist
    from wijkcheck.kaart import SocialeKaart
    from wijkcheck.models import Wijk
    from wijkcheck.overview import Overzicht
    from wijkcheck.plaats import DataRoot
    from wijkcheck.results import Rapport
    from wijkcheck.store import GemeenteData

    R = TypeVar("R", Rapport, Overzicht, SocialeKaart)

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
FormatOpt = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="Uitvoervorm: tabel (scherm), markdown, html, docx, json of csv; svg en png alleen "
        "bij overview. Standaard: tabel, of volgens de extensie van --output.",
        case_sensitive=False,
        show_default=False,
    ),
]


def console() -> Console:
    # rich honours NO_COLOR and pipes. Our texts are data, not markup or emoji codes.
    from rich.console import Console

    return pijp_dicht_is_stil(Console(highlight=False, markup=False, emoji=False))


def data_root(data: Path | None) -> DataRoot:
    from wijkcheck import plaats

    return plaats.find_root(data, os.environ, Path.cwd())


def herkomst(result: R, root: DataRoot) -> R:
    """The result, marked when it was made from the bundled example data (every format then
    says so in its header)."""
    if not root.meegeleverd:
        return result
    return result.model_copy(update={"meegeleverde_gegevens": True})


def geen_latere_cijfers(rapport: Rapport) -> None:
    """A figure dated after the audit date did not exist then: refused, as `wijkcheck
    validate --datum` refuses it (`toekomstige-datum`)."""
    from wijkcheck.nl import datum as nl_datum

    later = rapport.latere_cijfers()
    if later:
        wat = "; ".join(f"{g.wat}: {g.waarde} ({nl_datum(g.peildatum)})" for g in later[:10])
        raise WijkcheckError.single(
            Span(""),
            f"{len(later)} gegeven(s) van wijk {rapport.wijk} hebben een peildatum na de "
            f"auditdatum {nl_datum(rapport.auditdatum)}: {wat}. Kies een latere --datum, of "
            "gebruik de gegevens van toen (git)",
            "toekomstige-datum",
        )


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
        "argument",
    )


def wijk_met_checklist(
    root: DataRoot, wijk: str, gemeente: str | None, checklist: str | None
) -> tuple[GemeenteData, Wijk, Checklist]:
    """The wijk a command is about, its gemeente and checklist; stops on data that cannot be
    used (as a user error with positions)."""
    from wijkcheck import integrity, store

    gd, gevonden = store.find_wijk(root, wijk, gemeente)
    cl, cldoc = store.checklist_voor(root, checklist, gd.gemeente, gd.doc)
    problemen = integrity.check_checklist(cl, cldoc) + integrity.bruikbaar(cl, gd)
    if problemen:
        raise WijkcheckError(problemen)
    return gd, gevonden, cl


@app.command("audit")
def audit_cmd(
    wijk: Annotated[
        str,
        typer.Argument(
            metavar="WIJK",
            help="Naam van de wijk, bijv. Vlijmen-Dorp of 'vlijmen dorp'.",
            show_default=False,
        ),
    ],
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    datum: DatumOpt = None,
    gemeente: GemeenteOpt = None,
    strikt: Annotated[
        bool, typer.Option("--strikt", help="Exitcode 1 als iets 'niet voldaan' is.")
    ] = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    geen_cache: Annotated[
        bool,
        typer.Option(
            "--geen-cache",
            help="Reken opnieuw, ook als dezelfde audit over dezelfde, ongewijzigde bestanden "
            "al eerder is gemaakt (zie docs/performance.md).",
        ),
    ] = False,
) -> None:
    """Toets één wijk aan de voorwaarden en de checklist.

    Per voorwaarde en item: voldaan, niet voldaan of onbekend, met wat gemeten is, wat vereist
    is, waar de cijfers vandaan komen en op welke beleidspassage de eis rust.
    """
    from wijkcheck.cli.uitvoercache import Geheugen

    fmt = kies_formaat(fmt, output, "audit")
    root = data_root(data)
    geheugen = None
    if output is None and not geen_cache:
        vraag = {"wijk": wijk, "checklist": checklist, "datum": datum, "gemeente": gemeente}
        vraag |= {"strikt": strikt, "format": fmt}
        geheugen = Geheugen.open(os.environ, root, vraag)
    treffer = geheugen.zoek() if geheugen else None
    if treffer is not None:
        toon(treffer.stdout)
        code = treffer.code
    else:
        from wijkcheck import engine
        from wijkcheck.yamlsource import volg_lezen

        with volg_lezen() as gelezen:
            gd, gevonden, cl = wijk_met_checklist(root, wijk, gemeente, checklist)
        rapport = engine.audit(cl, gd.gemeente, gevonden, gd.wijken, auditdatum(datum))
        geen_latere_cijfers(rapport)
        rapport = herkomst(rapport, root)
        getoond = lever(rapport, fmt, output, force)
        code = EXIT_BEVINDINGEN if strikt and rapport.niet_voldaan else 0
        if geheugen is not None and getoond is not None:
            geheugen.bewaar(gelezen, getoond, code)
    if code:
        raise typer.Exit(code)


@app.command("list")
def list_cmd(data: DataOpt = None, gemeente: GemeenteOpt = None) -> None:
    """Toon alle wijken met hun kern en aantal inwoners."""
    from rich.table import Table

    from wijkcheck import store
    from wijkcheck.nl import datum as nl_datum
    from wijkcheck.nl import getal, sleutel

    root = data_root(data)
    out = console()
    mappen = root.gemeente_mappen()
    if not mappen:
        raise WijkcheckError.single(Span(str(root.wijken)), "geen gemeenten gevonden", "data-root")
    if gemeente:
        mappen = [store.kies_gemeente(root, gemeente, mappen)]
    for folder in mappen:
        gd = store.load_gemeente(folder)
        table = Table(
            title=f"Wijken van gemeente {gd.gemeente.naam}",
            title_justify="left",
            title_style="bold",
            header_style="bold",
        )
        table.add_column("Wijk")
        table.add_column("Kern")
        table.add_column("Inwoners", justify="right")
        table.add_column("Peildatum")
        table.add_column("Bron")
        volgorde = {sleutel(w): i for i, ws in enumerate(gd.gemeente.kernen.values()) for w in ws}
        for w in sorted(gd.wijken, key=lambda w: (volgorde.get(sleutel(w.naam), 999), w.naam)):
            bron = "voorbeeld" if w.inwoners.voorbeeld else w.inwoners.bron
            table.add_row(
                w.naam, w.kern, getal(w.inwoners.waarde), nl_datum(w.inwoners.peildatum), bron
            )
        out.print(table)
        out.print(f"{len(gd.wijken)} wijken in {len(gd.gemeente.kernen)} kernen ({root.herkomst}).")
        if root.meegeleverd:
            from wijkcheck.formatters.common import MEEGELEVERD_MELDING

            out.print("⚠ " + MEEGELEVERD_MELDING.format(f"gemeente {gd.gemeente.naam}"))


def _meegeleverd_melden(root: DataRoot, gemeentenaam: str | None) -> None:
    """Say that the checklist came with the bundled example data (not with `--checklist`)."""
    if root.meegeleverd and gemeentenaam is not None:
        from wijkcheck.formatters.common import MEEGELEVERD_MELDING

        console().print("⚠ " + MEEGELEVERD_MELDING.format(f"gemeente {gemeentenaam}"))


@app.command("explain")
def explain_cmd(
    onderwerp: Annotated[
        str | None,
        typer.Argument(
            metavar="[ONDERWERP]",
            help="Voorwaarde of item, bijv. ontmoetingsplekken of 'sociale cohesie'. Zonder "
            "onderwerp: de lijst van alle voorwaarden en items.",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
) -> None:
    """Leg een voorwaarde of checklist-item uit: de regel in woorden en de beleidspassage."""
    from rich.text import Text

    from wijkcheck import store
    from wijkcheck.nl import bedoelde_u, sleutel

    root = data_root(data)
    gemeentenaam: str | None = None
    if checklist:
        cl, _ = store.load_checklist(root, checklist, store.ChecklistBron.OPDRACHTREGEL)
    else:
        naam, gemeentenaam = _standaard_checklist(root)
        cl, _ = store.load_checklist(root, naam, store.ChecklistBron.GEMEENTE)
    if onderwerp is None:
        _onderwerpen_tonen(cl)
        _meegeleverd_melden(root, gemeentenaam)
        return
    onderwerpen = cl.onderwerpen()
    key = sleutel(onderwerp)
    gevonden = [(i, o) for i, o in onderwerpen.items() if key in (sleutel(i), sleutel(o.titel))]
    if not gevonden:
        gevonden = [
            (i, o)
            for i, o in onderwerpen.items()
            if key and (key in sleutel(i) or key in sleutel(o.titel))
        ]
    if len(gevonden) != 1:
        keuzes = list(onderwerpen)
        hint = (
            bedoelde_u(onderwerp, keuzes)
            if not gevonden
            else (" Bedoelde u " + " of ".join(f"'{i}'" for i, _ in gevonden) + "?")
        )
        raise WijkcheckError.single(
            Span(""),
            f"onbekende voorwaarde of item '{onderwerp}'.{hint} Kies uit: {', '.join(keuzes)}",
            "onbekend-onderwerp",
        )
    id, o = gevonden[0]
    soort = "Voorwaarde" if id in cl.voorwaarden else "Checklist-item"
    out = console()
    out.print(Text(f"{o.titel}", style="bold underline"))
    out.print(f"{soort} '{id}' uit {cl.naam}, versie {cl.versie}")
    laag_id, niveau = cl.herkomst.get(id, (cl.id, ""))
    laag = next((laag for laag in cl.lagen if laag.id == laag_id), None)
    if laag is not None:
        staat = "concept, niet vastgesteld" if laag.status.concept else "vastgesteld"
        out.print(f"Laag: {niveau} ({laag.naam}, versie {laag.versie}; {staat})")
    if o.regel.gemeentebreed():
        out.print("Gemeentebreed: één keer per gemeente beoordeeld, niet in de score van een wijk.")
    _meegeleverd_melden(root, None if checklist else gemeentenaam)
    if o.omschrijving:
        out.print()
        out.print(o.omschrijving)
    out.print()
    out.print(Text("Regel", style="bold"))
    for regel_tekst in regel_in_woorden(o.regel, cl):
        out.print(regel_tekst)
    out.print()
    out.print(Text("Beleidsbron", style="bold"))
    out.print(str(o.beleidsbron))
    if o.beleidsbron.citaat:
        out.print(Text(f"“{o.beleidsbron.citaat.strip()}”", style="italic"))
    if o.beleidsbron.verband == "afgeleid":
        out.print(
            "De passage noemt deze voorziening of voorwaarde niet zelf; wijkcheck leidt het "
            "item ervan af (zie docs/checklists.md)."
        )


def _onderwerpen_tonen(cl: Checklist) -> None:
    """What `explain` can explain: every condition and item, id and title."""
    from rich.table import Table

    out = console()
    out.print(f"Onderwerpen van {cl.naam}, versie {cl.versie}")
    for kop, groep in (("Voorwaarden", cl.voorwaarden), ("Checklist-items", cl.items)):
        table = Table(title=kop, title_justify="left", title_style="bold", header_style="bold")
        table.add_column("Id", no_wrap=True)
        table.add_column("Titel")
        for id, o in groep.items():
            table.add_row(id, o.titel)
        out.print(table)
    out.print("Uitleg bij één onderwerp: wijkcheck explain ONDERWERP (id of titel).")


def regel_in_woorden(regel, cl, diepte: int = 0) -> list[str]:
    from wijkcheck.rules import Alle, EenVan, RegelBasis

    assert isinstance(regel, RegelBasis)
    inspring = "  " * diepte + ("- " if diepte else "")
    titel = f"{regel.titel}: " if regel.titel else ""
    regels = [f"{inspring}{titel}{regel.omschrijving(cl)} ({regel.naam})"]
    norm = getattr(regel, "norm", None)
    if norm is not None:
        regels.append(f"{'  ' * (diepte + 1)}norm: {norm}")
    vraagindex = getattr(regel, "vraagindex", None)
    if vraagindex is not None:
        regels.append(f"{'  ' * (diepte + 1)}grenzen van de vraagindex: {vraagindex.norm}")
    if isinstance(regel, (Alle, EenVan)):
        for sub in regel.regels:
            regels.extend(regel_in_woorden(sub, cl, diepte + 1))
    return regels


def _standaard_checklist(root) -> tuple[str, str | None]:
    """The checklist the first readable gemeente.yaml names, with that gemeente's name."""
    from wijkcheck import store

    for folder in root.gemeente_mappen():
        try:
            gemeente = store.load_gemeente_file(folder)[0]
            return gemeente.checklist, gemeente.naam
        except WijkcheckError:
            continue
    return "hart-van-brabant", None


@app.command("regels")
def regels_cmd() -> None:
    """Toon de soorten regels die een checklist kan gebruiken, met voorbeelden."""
    from rich.text import Text

    from wijkcheck.rules import REGELS

    out = console()
    for kind in REGELS:
        type_naam = kind.model_fields["type"].annotation.__args__[0]
        out.print(Text(f"type: {type_naam}  ({kind.naam})", style="bold"))
        for alinea in voorbeeld_alineas(kind.__doc__ or ""):
            if alinea.startswith("    "):  # an example: never wrapped, so that it can be copied
                out.print(alinea, soft_wrap=True)
            else:
                out.print(" ".join(alinea.split()))
            out.print()


@app.command("schema")
def schema_cmd(
    soort: Annotated[
        str,
        typer.Option(
            "--soort",
            help="Voor welk bestand: wijk, gemeente of checklist.",
            click_type=click.Choice(["wijk", "gemeente", "checklist"]),
        ),
    ] = "wijk",
    data: DataOpt = None,
    checklist: ChecklistOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Schrijf het JSON Schema van een gegevensbestand, voor uw editor.

    Met de YAML-extensie van VS Code en als eerste regel van een bestand
    `# yaml-language-server: $schema=PAD` vult de editor veldnamen en de namen uit de
    checklist aan en onderstreept fouten. wijkcheck validate blijft de controle.
    """
    import json

    from wijkcheck import store
    from wijkcheck.cli.uitvoer import schrijf
    from wijkcheck.schema import schema

    root = data_root(data)
    if checklist:
        cl, _ = store.load_checklist(root, checklist, store.ChecklistBron.OPDRACHTREGEL)
    else:
        naam, _ = _standaard_checklist(root)
        cl, _ = store.load_checklist(root, naam, store.ChecklistBron.GEMEENTE)
    tekst = json.dumps(schema(soort, cl), ensure_ascii=False, indent=2) + "\n"
    schrijf(tekst, output, force, f"JSON Schema, {soort}")


def voorbeeld_alineas(doc: str) -> list[str]:
    """A rule kind's docstring as paragraphs; an indented paragraph is a YAML example."""
    return [a for a in re.split(r"\n\s*\n", inspect.cleandoc(doc)) if a.strip()]
