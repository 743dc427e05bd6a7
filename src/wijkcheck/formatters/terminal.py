"""Rich renderables for the terminal. Colour is decoration only: symbols and words carry meaning,
so output stays readable with NO_COLOR, in pipes and at 80 columns."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wijkcheck.formatters.common import (
    GEEN_VOORZIENINGEN,
    LEGENDA,
    Rij,
    bron_tekst,
    conclusie,
    kaart_kop,
    kaart_view,
    kop,
    meldingen,
    memo_view,
    overzicht_kop,
    overzicht_view,
    score_tekst,
    titel,
)
from wijkcheck.formatters.vastetabel import VasteTabel
from wijkcheck.kaart import SocialeKaart
from wijkcheck.overview import Overzicht
from wijkcheck.results import Rapport, Uitkomst

STIJL = {
    Uitkomst.VOLDAAN: "bold green",
    Uitkomst.NIET_VOLDAAN: "bold red",
    Uitkomst.ONBEKEND: "bold yellow",
}


def uitkomst(u: Uitkomst) -> Text:
    return Text(f"{u.symbool} {u.value}", style=STIJL[u])


def _tabel(titel: str, rijen: list[Rij], breedte: int) -> Table:
    smal = breedte < 110
    table = Table(
        title=titel,
        title_justify="left",
        title_style="bold",
        expand=True,
        header_style="bold",
        pad_edge=False,
    )
    # rich ignores min_width on ratio columns, so the subject column gets a computed width.
    table.add_column("Onderwerp", width=max(20, min(34, int((breedte - 16) * 0.28))))
    table.add_column("Uitkomst", no_wrap=True)
    table.add_column("Gemeten", ratio=4)
    table.add_column("Vereist", ratio=3)
    if not smal:
        table.add_column("Bron", width=9)
    for rij in rijen:
        titel_tekst = Text(
            ("\u00a0\u00a0" * rij.niveau) + ("·\u00a0" if rij.niveau else "") + rij.titel,
            style="" if rij.niveau else "bold",
        )
        refs = ", ".join(str(n) for n in rij.bronnen)
        if smal and refs:
            titel_tekst.append(f"\n{'  ' * rij.niveau}bron {refs}", style="dim")
        gemeten = Text(rij.gemeten)
        if rij.toelichting:
            kort = rij.toelichting if len(rij.toelichting) <= 140 else rij.toelichting[:139] + "…"
            gemeten.append("\n" + kort, style="dim")
        cells = [titel_tekst, uitkomst(rij.uitkomst), gemeten, Text(rij.vereist)]
        table.add_row(*cells, *([] if smal else [refs]))
    return table


def _begin(result: Rapport | Overzicht | SocialeKaart, feiten: list[tuple[str, str]]):
    parts: list[RenderableType] = [Text(titel(result), style="bold underline")]
    header = Table.grid(padding=(0, 1))
    header.add_column(style="bold")
    header.add_column()
    for label, value in feiten:
        header.add_row(label, value)
    parts.append(header)
    for melding in meldingen(result):
        parts.append(Panel(Text("⚠ " + melding), border_style="yellow", expand=True))
    # a memo opens with its conclusion; the tables below are the evidence
    parts.append(Text("\n".join(conclusie(result)), style="bold"))
    return parts


def audit(rapport: Rapport, breedte: int = 100) -> RenderableType:
    view = memo_view(rapport)
    parts = _begin(rapport, kop(rapport))
    parts.append(
        _tabel(
            "Voorwaarden (Beleidsvisie sociale basis Heusden, uitgangspunt 6)",
            view.voorwaarden,
            breedte,
        )
    )
    if view.items:
        parts.append(_tabel("Checklist langer thuis wonen (Hart van Brabant)", view.items, breedte))
    parts.append(_bronnen(view.bronnen))
    return Group(*parts)


_KORT = {Uitkomst.VOLDAAN: "voldaan", Uitkomst.NIET_VOLDAAN: "niet", Uitkomst.ONBEKEND: "onbekend"}


def overzicht(ov: Overzicht, breedte: int = 100) -> RenderableType:
    """The matrix. When the full condition titles do not fit, the conditions are numbered (legend
    below the table) and the kern is left out; when even that is too wide (80 columns), 'niet
    voldaan' is shortened to 'niet'. Symbols and words carry the meaning, colour only helps.

    With several gemeenten there is a Gemeente column; where that does not fit, a row with the
    gemeente's name goes before its wijken instead (each time the gemeente changes)."""
    view = overzicht_view(ov)
    parts = _begin(ov, overzicht_kop(ov))
    n = len(ov.voorwaarden)
    label = len("Totaal ✘ niet voldaan")  # the totals' label stands in the first column
    wijk = max([len(r.wijk) for r in ov.rijen] + [label])
    kern = max([len(r.kern) for r in ov.rijen] + [4])
    woord = [max(len(w) for w in k.titel.split()) for k in ov.voorwaarden]
    titels = [max(w, len("✘ niet voldaan")) for w in woord]
    gemeente: list[int] = []
    kop_rijen = False
    if ov.meerdere_gemeenten:
        # the totals' label then goes over two columns: "Totaal" | "✘ niet voldaan"
        gemeente = [max([len(r.gemeente) for r in ov.rijen] + [len("Gemeente")])]
        wijk = max([len(r.wijk) for r in ov.rijen] + [len("✘ niet voldaan")])
        smalst = [*gemeente, wijk, *[len("? onbekend")] * n, len("Items")]
        if breedte < _tabelbreedte(smalst):
            gemeente, kop_rijen = [], True
            wijk = max([len(r.wijk) for r in ov.rijen] + [len(g) for g in ov.gemeenten] + [label])
    breed = breedte >= _tabelbreedte([*gemeente, wijk, kern, *titels, len("15 van 15")])
    kort = breedte < _tabelbreedte([*gemeente, wijk, *[len("✘ niet voldaan")] * n, len("Items")])
    koppen = [
        *(["Gemeente"] if gemeente else []),
        "Wijk",
        *(["Kern"] if breed else []),
        *(k.titel if breed else f"V{i}" for i, k in enumerate(ov.voorwaarden, 1)),
        "Checklist" if breed else "Items",
    ]
    leeg = [""] * int(breed)  # under the kern
    rijen: list[list[str | Text]] = []
    vorige = None
    # one Text per outcome, shared by every row (neither rich nor VasteTabel changes a cell)
    cel = {u: Text(f"{u.symbool} {_KORT[u] if kort else u.value}", STIJL[u]) for u in Uitkomst}
    for r, uitkomsten in zip(ov.rijen, view.uitkomsten, strict=True):
        if kop_rijen and r.gemeente != vorige:
            rijen.append([Text(r.gemeente, style="bold underline"), *leeg, *[""] * (n + 1)])
            vorige = r.gemeente
        cellen = [cel[u] for u in uitkomsten]
        eerste = [*([r.gemeente] if gemeente else []), r.wijk, *([r.kern] if breed else [])]
        rijen.append([*eerste, *cellen, score_tekst(r.score) if breed else _score_kort(r.score)])
    totalen: list[list[str | Text]] = []
    for totaal in view.totalen:
        wat = totaal[0].removeprefix("Totaal ")
        if kort:
            wat = wat.replace("niet voldaan", "niet")
        label_cellen = ["Totaal", wat] if gemeente else [f"Totaal {wat}"]
        totalen.append([*label_cellen, *leeg, *totaal[view.voor : -1], ""])
    # When the table fits, every column gets the width rich would measure, so that no cell needs
    # measuring and VasteTabel can draw the rows; otherwise rich measures and shrinks the columns
    # itself. The condition titles wrap within their width.
    breedtes: list[int | None] = [
        max(map(cell_len, {str(rij[c]) for rij in [[*koppen], *rijen, *totalen]}))
        for c in range(len(koppen))
    ]
    titelkolommen = range(len(koppen) - 1 - n, len(koppen) - 1)
    if breed:
        for c, w in zip(titelkolommen, titels, strict=True):
            breedtes[c] = w
    if _tabelbreedte([w or 0 for w in breedtes]) > breedte:
        breedtes = [w if breed and c in titelkolommen else None for c, w in enumerate(breedtes)]

    def kop() -> Table:
        table = Table(
            title="Voorwaarden en checklist per wijk",
            title_justify="left",
            title_style="bold",
            header_style="bold",
            pad_edge=False,
            show_footer=False,
        )
        for c, kolomkop in enumerate(koppen):
            titel = breed and c in titelkolommen
            rechts = c == len(koppen) - 1
            table.add_column(
                kolomkop,
                no_wrap=not titel,
                width=breedtes[c],
                justify="right" if rechts else "left",
            )
        return table

    # thousands of rows: rich renders each distinct cell once (same output, formatters/vastetabel)
    parts.append(VasteTabel(kop, [rijen, totalen]))
    legenda = Text()
    if not breed:
        for i, k in enumerate(ov.voorwaarden, 1):
            legenda.append(f"V{i}    {k.titel}\n")
        legenda.append(f"Items checklist-items voldaan, van de {ov.aantal_items}\n")
    legenda.append(LEGENDA.replace("✘ niet voldaan", "✘ niet (voldaan)") if kort else LEGENDA)
    parts.append(legenda)
    return Group(*parts)


def _tabelbreedte(tekst: list[int]) -> int:
    # Each column adds two spaces of padding and a border; pad_edge=False drops the outer two.
    return sum(tekst) + 3 * len(tekst) - 1


def _score_kort(score) -> str:
    return f"{score.voldaan}/{score.van}"


def kaart(k: SocialeKaart, breedte: int = 100) -> RenderableType:
    view = kaart_view(k)
    parts = _begin(k, kaart_kop(k))
    if k.omschrijving:
        parts.append(Text(k.omschrijving, style="italic"))
    rijen = [r for g in view.groepen for s in g.secties for r in s.rijen]
    # Widths from the content: whole words in Soort, short places in Waar, the rest for names.
    toegang = "Toegankelijk" if breedte >= 100 else "Toegank."
    bron = max([len(", ".join(map(str, r.bronnen))) for r in rijen] + [4])
    rest = max(40, breedte - _tabelbreedte([len(toegang), bron, 0, 0, 0]))
    woord = max([len(w) for r in rijen for w in r.soort.split()] + [10])
    soort = max(woord, min(int(rest * 0.32), max([len(r.soort) for r in rijen] + [10])))
    waar = min(int(rest * 0.25), max([len(r.waar) for r in rijen] + [10]))
    naam = min(rest - soort - waar, 48)
    for groep in view.groepen:
        table = Table(
            title=f"{groep.titel} — {groep.omschrijving}",
            title_justify="left",
            title_style="bold",
            header_style="bold",
            pad_edge=False,
        )
        table.add_column("Voorziening", width=naam)
        table.add_column("Soort", width=soort)
        table.add_column(toegang, no_wrap=True)
        table.add_column("Waar", width=waar)
        table.add_column("Bron", no_wrap=True)
        if not groep.secties:
            table.add_row(Text(GEEN_VOORZIENINGEN, style="dim"), "", "", "", "")
        for i, sectie in enumerate(groep.secties):
            if i:
                table.add_section()
            table.add_row(Text(sectie.titel, style="bold italic"), "", "", "", "")
            for rij in sectie.rijen:
                naam_tekst = Text(rij.naam, style="bold" if sectie.eigen else "")
                if rij.details:
                    naam_tekst.append("\n" + rij.details, style="dim")
                refs = ", ".join(str(n) for n in rij.bronnen)
                table.add_row(naam_tekst, rij.soort, rij.toegankelijk, rij.waar, refs)
        parts.append(table)
    parts.append(_bronnen(view.bronnen))
    return Group(*parts)


def _bronnen(lijst) -> Text:
    bronnen = Text("Bronnen\n", style="bold")
    for bron in lijst:
        style = "yellow" if bron.voorbeeld or bron.verouderd else ""
        bronnen.append(f"[{bron.nummer}] {bron_tekst(bron)}\n", style=style)
    return bronnen


def renderable(result: Rapport | Overzicht | SocialeKaart, breedte: int = 100) -> RenderableType:
    if isinstance(result, Overzicht):
        return overzicht(result, breedte)
    if isinstance(result, SocialeKaart):
        return kaart(result, breedte)
    return audit(result, breedte)


def render(result: Rapport | Overzicht | SocialeKaart, breedte: int = 100) -> str:
    """Plain text (no colour) of the terminal view, for `--format tabel --output FILE`."""
    import io

    from rich.console import Console

    out = Console(file=io.StringIO(), width=breedte, no_color=True, highlight=False)
    out.print(renderable(result, breedte))
    return "".join(regel.rstrip() + "\n" for regel in out.file.getvalue().splitlines())
